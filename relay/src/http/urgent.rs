//! `GET /inbox/urgent.json`: how the participant's "I'm struggling" quick
//! message begins, in every language and wording the app offers, so the
//! inbox can mark a message that uses it as urgent. The words are the
//! app's own (`template-cravings` in shared/locales), compiled in: the
//! inbox never keeps a second copy of them.

use std::sync::LazyLock;

/// The app's Fluent files, English then Spanish.
pub(super) const LOCALES: [&str; 2] = [
    include_str!("../../../shared/locales/en.ftl"),
    include_str!("../../../shared/locales/es.ftl"),
];

/// The message id of the quick message that asks for help.
const TEMPLATE: &str = "template-cravings";

/// `{"openings": [...]}`: every variant of the template in every locale.
pub static URGENT_JSON: LazyLock<String> = LazyLock::new(|| {
    let openings: Vec<String> = LOCALES
        .iter()
        .flat_map(|ftl| variants(ftl, TEMPLATE))
        .collect();
    serde_json::json!({ "openings": openings }).to_string()
});

/// The texts of message `id`'s variants (`[key] text` or `*[key] text`
/// lines of its select expression), or its plain value.
pub(super) fn variants(ftl: &str, id: &str) -> Vec<String> {
    let mut lines = ftl.lines();
    let Some(value) = lines.by_ref().find_map(|line| {
        let (name, value) = line.split_once('=')?;
        (name.trim() == id).then(|| value.trim().to_owned())
    }) else {
        return Vec::new();
    };
    if !value.ends_with("->") {
        return vec![value];
    }
    lines
        .take_while(|line| line.trim() != "}")
        .filter_map(|line| {
            let variant = line.trim().trim_start_matches('*').strip_prefix('[')?;
            let (_, text) = variant.split_once(']')?;
            Some(text.trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_of_the_struggling_message_in_both_languages_counts_as_urgent() {
        let json: serde_json::Value = serde_json::from_str(&URGENT_JSON).unwrap();
        let openings: Vec<&str> = json["openings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|opening| opening.as_str().unwrap())
            .collect();
        for expected in [
            "I'm struggling with cravings.",
            "I'm struggling with cravings or hard feelings.",
            "I'm having a hard time right now.",
            "Estoy pasando por un momento difícil con las ganas de consumir.",
            "Estoy pasando por un momento difícil.",
        ] {
            assert!(openings.contains(&expected), "{expected} is missing");
        }
        assert_eq!(openings.len(), 6);
    }
}
