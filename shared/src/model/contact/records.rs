//! The specialist and the message templates: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::record;
use chrono::{NaiveTime, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ContactWay {
    Call,
    Text,
    Email,
}

/// When the specialist is reachable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Specialist {
    pub name: String,
    pub organization: String,
    pub phone: String,
    pub email: String,
    pub hours: Vec<Hours>,
    pub preferred: ContactWay,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct MessageTemplate {
    pub text: String,
}

record! {
    Specialist => Specialist,
    MessageTemplate => MessageTemplate,
}
