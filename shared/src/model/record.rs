//! How a model value becomes one vault record: its id, its table, its
//! bincode body. Every feature declares its records with [`record!`]
//! (the value's table) and, in `data.rs`, where `Data` keeps them.

use serde::{Deserialize, Serialize};

use crate::vault::{Change, RecordKind};

pub type Id = u64;

/// The singleton records' id (profile, settings, plans: each in its own
/// table), and the pairing's row in the messages table.
pub const PROFILE_ID: Id = 1;

pub(crate) fn decode<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Option<T> {
    bincode::deserialize(body).ok()
}

pub(crate) fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    bincode::serialize(value).expect("plain data always serializes")
}

/// A value that is stored as one vault record.
pub trait Record: Serialize {
    const KIND: RecordKind;

    fn put(&self, id: Id) -> Change {
        Change::put(Self::KIND, id, encode(self))
    }

    /// The value from its stored body; `None` if it does not decode. A
    /// record with older versions overrides this to read them too.
    fn from_body(body: &[u8]) -> Option<Self>
    where
        Self: Sized + for<'de> Deserialize<'de>,
    {
        decode(body)
    }

    fn delete(id: Id) -> Change {
        Change::Delete {
            kind: Self::KIND,
            id,
        }
    }
}

macro_rules! record {
    ($($ty:ty => $kind:ident),* $(,)?) => {
        $(impl $crate::model::record::Record for $ty {
            const KIND: $crate::vault::RecordKind = $crate::vault::RecordKind::$kind;
        })*
    };
}

pub(crate) use record;
