//! The inbox's words: the `inbox-` section of the app's own Fluent files
//! (`shared/locales/{en,es}.ftl`, copied by build.rs), formatted with the
//! same Fluent library as the app, so plurals follow each language's rules.
//! Dates and decimals arrive already formatted by the browser's `Intl` in
//! the same language; what a participant wrote arrives as an argument and
//! is never translated.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/inbox-en.ftl"));
const SPANISH: &str = include_str!(concat!(env!("OUT_DIR"), "/inbox-es.ftl"));

/// Both languages' bundles; a message missing in Spanish falls back to
/// English, and a missing one to its id.
pub struct Words {
    english: FluentBundle<FluentResource>,
    spanish: FluentBundle<FluentResource>,
}

fn bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Names go in without Unicode isolation marks, as in the app.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
    bundle.add_resource_overriding(resource);
    bundle
}

/// Fluent arguments from a JSON object: whole numbers select plurals,
/// strings are placed as they are; anything else is left out.
fn arguments(json: &str) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str(json) else {
        return args;
    };
    for (name, value) in map {
        let value = match value {
            serde_json::Value::Number(number) => match number.as_i64() {
                Some(whole) => FluentValue::from(whole),
                None => FluentValue::from(number.as_f64().unwrap_or_default()),
            },
            serde_json::Value::String(text) => FluentValue::from(text),
            _ => continue,
        };
        args.set(name, value);
    }
    args
}

impl Words {
    pub fn load() -> Self {
        Self {
            english: bundle("en", ENGLISH),
            spanish: bundle("es", SPANISH),
        }
    }

    /// The message `key` in `language` (`en` or `es`; anything else is
    /// English) with `args`, a JSON object such as `{"count": 3}`.
    pub fn format(&self, language: &str, key: &str, args: &str) -> String {
        let args = arguments(args);
        let bundles = if language == "es" {
            [&self.spanish, &self.english]
        } else {
            [&self.english, &self.english]
        };
        for bundle in bundles {
            if let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<&str> {
        source
            .lines()
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
            .filter(|id| !id.starts_with(' '))
            .collect()
    }

    #[test]
    fn the_inbox_has_only_its_own_words_and_the_same_ones_in_both_languages() {
        let (english, spanish) = (ids(ENGLISH), ids(SPANISH));
        assert!(english.len() > 50, "the inbox section was not found");
        assert!(english.iter().all(|id| id.starts_with("inbox-")));
        assert_eq!(english, spanish);
        for source in [ENGLISH, SPANISH] {
            assert!(FluentResource::try_new(source.to_owned()).is_ok());
        }
    }

    #[test]
    fn the_unread_count_and_steps_follow_each_language_s_plurals() {
        let words = Words::load();
        assert_eq!(
            words.format("en", "inbox-unread", r#"{"count":1}"#),
            "(1 new)"
        );
        assert_eq!(
            words.format("en", "inbox-unread", r#"{"count":3}"#),
            "(3 new)"
        );
        assert_eq!(
            words.format("es", "inbox-unread", r#"{"count":1}"#),
            "(1 mensaje nuevo)"
        );
        assert_eq!(
            words.format("es", "inbox-unread", r#"{"count":3}"#),
            "(3 mensajes nuevos)"
        );
        assert_eq!(
            words.format("es", "inbox-steps-done", r#"{"done":2,"total":3}"#),
            "2 de 3 pasos hechos"
        );
    }

    #[test]
    fn a_code_the_inbox_does_not_know_shows_in_the_words_given_for_it() {
        let words = Words::load();
        let args = r#"{"section":"housing","fallback":"Housing"}"#;
        assert_eq!(words.format("es", "inbox-section", args), "Housing");
        let known = r#"{"section":"referrals","fallback":"Referrals"}"#;
        assert_eq!(words.format("es", "inbox-section", known), "Referidos");
        assert_eq!(words.format("fr", "inbox-caseload", "{}"), "Caseload");
        assert_eq!(words.format("es", "no-such-id", "not json"), "no-such-id");
    }
}
