//! The pickers' options (one concrete type per value type: the generated
//! shell types cannot be generic) and the labels of values several screens
//! show.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use crate::model::aftercare::{DocumentKind, DocumentStatus, ReferralStatus, ServiceCategory};
use crate::model::contact::ContactWay;
use crate::model::goals::Dimension;
use crate::model::record::Id;
use crate::model::triggers::TriggerKind;
use crate::model::when::Day;

/// One option of a picker: the value to send back, and what to show.
/// Concrete per value type, because the generated shell types cannot be
/// generic.
macro_rules! choice_types {
    ($($name:ident: $value:ty),* $(,)?) => {$(
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
        pub struct $name {
            pub value: $value,
            pub label: String,
        }

        impl From<($value, String)> for $name {
            fn from((value, label): ($value, String)) -> Self {
                Self { value, label }
            }
        }
    )*};
}

choice_types! {
    DimensionChoice: Dimension,
    TriggerKindChoice: TriggerKind,
    TextChoice: String,
    ItemChoice: Id,
    LanguageChoice: Option<crate::i18n::Language>,
    ServiceCategoryChoice: ServiceCategory,
    ReferralStatusChoice: ReferralStatus,
    DocumentKindChoice: DocumentKind,
    DocumentStatusChoice: DocumentStatus,
    DayChoice: Day,
    ContactWayChoice: ContactWay,
    RecoveryFocusChoice: crate::model::settings::RecoveryFocus,
}

pub(super) fn choices<T: Copy, C: From<(T, String)>>(
    values: &[T],
    key: impl Fn(T) -> &'static str,
    words: &Translator<'_>,
) -> Vec<C> {
    values
        .iter()
        .map(|value| C::from((*value, words.get(key(*value)))))
        .collect()
}

pub(crate) fn weekday_name(words: &Translator<'_>, weekday: chrono::Weekday) -> String {
    words.get(match weekday {
        chrono::Weekday::Mon => "weekday-mon",
        chrono::Weekday::Tue => "weekday-tue",
        chrono::Weekday::Wed => "weekday-wed",
        chrono::Weekday::Thu => "weekday-thu",
        chrono::Weekday::Fri => "weekday-fri",
        chrono::Weekday::Sat => "weekday-sat",
        chrono::Weekday::Sun => "weekday-sun",
    })
}
