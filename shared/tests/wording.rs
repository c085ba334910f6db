//! The wording check: both Fluent files, read with the Fluent syntax
//! parser, fail the build on ids in one language only, placeholders that
//! differ, a glossary term used the way the glossary says not to
//! (`shared/locales/GLOSSARY.md`, machine-read), the app's name in a message
//! discreet mode can show, and a sentence too long for a crisis screen.
//!
//! Reading level is measured separately, with `textstat`:
//! `cargo xtask wording`.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

const ENGLISH: &str = include_str!("../locales/en.ftl");
const SPANISH: &str = include_str!("../locales/es.ftl");
const GLOSSARY: &str = include_str!("../locales/GLOSSARY.md");

/// Shown only on first run, before discreet mode can be chosen; the
/// discreet title itself replaces `app-title`.
const MAY_NAME_THE_APP: [&str; 3] = ["app-title", "first-run-heading", "first-run-no-recovery"];

/// The specialist's inbox's section: the specialist reads it in their own
/// inbox, never on the participant's phone, so discreet mode does not reach it.
const INBOX: &str = "inbox-";

/// What a person in a crisis reads: the help bar, the crisis and emergency
/// links, the I'm triggered flow, the still-high and lapse answers, the
/// safety plan's first words.
const CRISIS_IDS: [&str; 24] = [
    "action-crisis-line",
    "action-call-crisis",
    "action-text-crisis",
    "action-call-crisis-number",
    "action-text-crisis-number",
    "action-call-lifeline",
    "action-text-lifeline",
    "action-call-emergency",
    "overdose-help",
    "triggered-choose",
    "triggered-rate-before",
    "triggered-cope",
    "triggered-cope-untried",
    "triggered-cope-ideas",
    "triggered-done",
    "triggered-done-steady",
    "triggered-still-high",
    "triggered-reach-out",
    "triggered-unsafe",
    "check-in-offer-triggered",
    "contact-outside-hours",
    "lapse-kind-message",
    "lapse-total-days",
    "safety-empty",
];

/// The longest sentence a crisis screen may show, in words.
const CRISIS_SENTENCE_WORDS: usize = 20;

struct Messages {
    /// Every variant's text, placeholders written `{$name}`.
    texts: BTreeMap<String, Vec<String>>,
    variables: BTreeMap<String, BTreeSet<String>>,
}

fn read(name: &str, source: &'static str) -> Messages {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
    let mut messages = Messages {
        texts: BTreeMap::new(),
        variables: BTreeMap::new(),
    };
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name.to_owned();
                let pattern = message
                    .value
                    .unwrap_or_else(|| panic!("{name}: {id} has no value"));
                let mut variables = BTreeSet::new();
                collect_variables(&pattern, &mut variables);
                assert!(
                    messages.texts.insert(id.clone(), texts(&pattern)).is_none(),
                    "{name}: {id} is defined twice"
                );
                messages.variables.insert(id, variables);
            }
            Entry::Junk { content } => panic!("{name} has junk: {content}"),
            _ => {}
        }
    }
    messages
}

fn collect_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    fn inline(expression: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => placeable(expression, into),
            _ => {}
        }
    }
    fn placeable(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline(selector, into);
                for variant in variants {
                    collect_variables(&variant.value, into);
                }
            }
            Expression::Inline(expression) => inline(expression, into),
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            placeable(expression, into);
        }
    }
}

/// Every text the pattern can produce (one per combination of variants).
fn texts(pattern: &Pattern<&str>) -> Vec<String> {
    let mut out = vec![String::new()];
    for element in &pattern.elements {
        let pieces: Vec<String> = match element {
            PatternElement::TextElement { value } => vec![(*value).to_owned()],
            PatternElement::Placeable { expression } => match expression {
                Expression::Select { variants, .. } => {
                    variants.iter().flat_map(|v| texts(&v.value)).collect()
                }
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    vec![format!("{{${}}}", id.name)]
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    vec![(*value).to_owned()]
                }
                Expression::Inline(_) => vec![String::new()],
            },
        };
        out = out
            .iter()
            .flat_map(|prefix| pieces.iter().map(move |piece| format!("{prefix}{piece}")))
            .collect();
    }
    out
}

fn both() -> (Messages, Messages) {
    (read("en.ftl", ENGLISH), read("es.ftl", SPANISH))
}

#[test]
fn every_message_exists_in_both_languages() {
    let (english, spanish) = both();
    let en: BTreeSet<_> = english.texts.keys().collect();
    let es: BTreeSet<_> = spanish.texts.keys().collect();
    let only_english: Vec<_> = en.difference(&es).collect();
    let only_spanish: Vec<_> = es.difference(&en).collect();
    assert!(only_english.is_empty(), "only in en.ftl: {only_english:?}");
    assert!(only_spanish.is_empty(), "only in es.ftl: {only_spanish:?}");
}

#[test]
fn both_languages_use_the_same_placeholders() {
    let (english, spanish) = both();
    for (id, variables) in &english.variables {
        if let Some(theirs) = spanish.variables.get(id) {
            assert_eq!(
                variables, theirs,
                "{id}: placeholders differ between en and es"
            );
        }
    }
}

/// One row of the glossary: the words for a concept, and the words not to
/// use for it.
struct Term {
    concept: String,
    avoid_english: Vec<String>,
    avoid_spanish: Vec<String>,
}

fn glossary() -> Vec<Term> {
    let list = |cell: &str| {
        cell.split(',')
            .map(|word| word.trim().trim_matches('"').to_lowercase())
            .filter(|word| !word.is_empty() && word != "—")
            .collect::<Vec<_>>()
    };
    let rows: Vec<Term> = GLOSSARY
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Concept"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 5, "a glossary row has five cells: {line}");
            Term {
                concept: cells[0].to_owned(),
                avoid_english: list(cells[3]),
                avoid_spanish: list(cells[4]),
            }
        })
        .collect();
    assert!(rows.len() >= 15, "the glossary table was not found");
    rows
}

/// Whether `word` (a word or phrase) occurs in `text` as whole words.
fn uses(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_concept_has_one_word_in_each_language_as_the_glossary_says() {
    let (english, spanish) = both();
    let mut misuses = Vec::new();
    for term in glossary() {
        for (language, messages, avoid) in [
            ("en", &english, &term.avoid_english),
            ("es", &spanish, &term.avoid_spanish),
        ] {
            for (id, texts) in &messages.texts {
                for word in avoid {
                    if texts.iter().any(|text| uses(text, word)) {
                        misuses.push(format!("{language} {id}: \"{word}\" ({})", term.concept));
                    }
                }
            }
        }
    }
    assert!(
        misuses.is_empty(),
        "words the glossary rules out: {misuses:#?}"
    );
}

#[test]
fn no_message_discreet_mode_can_show_names_the_app() {
    let (english, spanish) = both();
    for messages in [&english, &spanish] {
        for (id, texts) in &messages.texts {
            if MAY_NAME_THE_APP.contains(&id.as_str()) || id.starts_with(INBOX) {
                continue;
            }
            assert!(
                !texts.iter().any(|text| text.contains("Phoenix")),
                "{id} names the app, which discreet mode hides: {texts:?}"
            );
        }
    }
}

#[test]
fn sentences_on_crisis_screens_stay_short() {
    let (english, spanish) = both();
    for (language, messages) in [("en", &english), ("es", &spanish)] {
        for id in CRISIS_IDS {
            let texts = messages
                .texts
                .get(id)
                .unwrap_or_else(|| panic!("{language}: crisis message {id} is missing"));
            for text in texts {
                for sentence in text.split(['.', '?', '!', ':']) {
                    let words = sentence.split_whitespace().count();
                    assert!(
                        words <= CRISIS_SENTENCE_WORDS,
                        "{language} {id}: a sentence of {words} words (at most \
                         {CRISIS_SENTENCE_WORDS} on a crisis screen): {sentence}"
                    );
                }
            }
        }
    }
}

#[test]
fn spanish_percentages_keep_the_number_and_sign_together() {
    let (_, spanish) = both();
    for (id, texts) in &spanish.texts {
        for text in texts {
            assert!(
                !text.contains(" %"),
                "{id}: use a no-break space before % so it cannot wrap: {text}"
            );
        }
    }
}
