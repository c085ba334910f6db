//! One set of translations for every shell: Project Fluent files under
//! `shared/locales/`, compiled into the core. View models carry finished
//! text, so iOS, Android and the web show the same words.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use crate::model::settings::RecoveryFocus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Language {
    English,
    Spanish,
}

impl Language {
    /// From a BCP 47 locale such as `es-MX`; anything else is English.
    pub fn from_locale(locale: &str) -> Self {
        let primary = locale.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("es") {
            Self::Spanish
        } else {
            Self::English
        }
    }

    /// The short code kept for the lock screen.
    pub fn code(self) -> &'static str {
        self.source().0
    }

    /// From a short code kept by [`Language::code`]; unknown codes are `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::English, Self::Spanish]
            .into_iter()
            .find(|language| language.code() == code)
    }

    fn source(self) -> (&'static str, &'static str) {
        match self {
            Self::English => ("en", include_str!("../locales/en.ftl")),
            Self::Spanish => ("es", include_str!("../locales/es.ftl")),
        }
    }
}

/// A value placed into a translated sentence.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Numbers select plural forms ("1 day", "2 days").
    Number(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(number: i64) -> Self {
        Self::Number(number)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

pub struct Translations {
    english: FluentBundle<FluentResource>,
    spanish: FluentBundle<FluentResource>,
}

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let (tag, source) = language.source();
    let id: LanguageIdentifier = tag.parse().expect("static language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Numbers and names are inserted without Unicode isolation marks, which
    // screen readers and plain-text shells would otherwise show.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
    bundle.add_resource_overriding(resource);
    bundle
}

impl Translations {
    pub fn load() -> Self {
        Self {
            english: bundle(Language::English),
            spanish: bundle(Language::Spanish),
        }
    }

    /// The text for `key`; an untranslated key falls back to English, then to the key.
    pub fn text(&self, language: Language, key: &str) -> String {
        self.format(language, key, None)
    }

    pub fn text_with(&self, language: Language, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Text(text) => FluentValue::from(text.clone()),
            };
            fluent_args.set(*name, value);
        }
        self.format(language, key, Some(&fluent_args))
    }

    fn format(&self, language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundles = match language {
            Language::English => [&self.english, &self.english],
            Language::Spanish => [&self.spanish, &self.english],
        };
        for bundle in bundles {
            if let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }

    /// Whether `language` defines `key` itself (tests use it to find gaps).
    pub fn has(&self, language: Language, key: &str) -> bool {
        let bundle = match language {
            Language::English => &self.english,
            Language::Spanish => &self.spanish,
        };
        bundle.has_message(key)
    }
}

/// The translations in one language: what views, exports and reminders
/// read their words from.
///
/// Every message may select on `$focus` (`substance`, `mental` or `both`:
/// [`RecoveryFocus::code`]), so "craving" becomes "urge or feeling" for a
/// participant in mental-health recovery without a second set of ids.
pub struct Translator<'a> {
    pub translations: &'a Translations,
    pub language: Language,
    pub focus: RecoveryFocus,
}

impl Translator<'_> {
    pub fn get(&self, key: &str) -> String {
        self.with(key, &[])
    }

    pub fn with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(("focus", Arg::from(self.focus.code())));
        all.extend(args.iter().cloned());
        self.translations.text_with(self.language, key, &all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message_ids(source: &str) -> Vec<&str> {
        source
            .lines()
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim()))
            .collect()
    }

    #[test]
    fn spanish_translates_every_english_message() {
        let translations = Translations::load();
        let english = message_ids(Language::English.source().1);
        assert!(english.len() > 100);
        for id in english {
            assert!(translations.has(Language::Spanish, id), "es.ftl lacks {id}");
        }
        assert_eq!(
            message_ids(Language::Spanish.source().1).len(),
            message_ids(Language::English.source().1).len()
        );
    }

    #[test]
    fn plurals_and_arguments_follow_each_language() {
        let translations = Translations::load();
        let days = |language, n: i64| {
            translations.text_with(language, "today-days-in-recovery", &[("days", n.into())])
        };
        assert_eq!(days(Language::English, 0), "Today is a fresh start");
        assert_eq!(days(Language::English, 1), "Current stretch: 1 day");
        assert_eq!(days(Language::English, 2), "Current stretch: 2 days");
        assert_eq!(days(Language::Spanish, 0), "Hoy es un nuevo comienzo");
        assert_eq!(days(Language::Spanish, 1), "Racha actual: 1 día");
        assert_eq!(days(Language::Spanish, 400), "Racha actual: 400 días");
    }

    #[test]
    fn the_device_locale_picks_the_language() {
        assert_eq!(Language::from_locale("es-MX"), Language::Spanish);
        assert_eq!(Language::from_locale("es_US"), Language::Spanish);
        assert_eq!(Language::from_locale("en-GB"), Language::English);
        assert_eq!(Language::from_locale("fr"), Language::English);
    }
}
