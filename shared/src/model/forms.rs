//! Text as the shells' forms send it, checked here so every shell accepts
//! and refuses the same input. Dates and times: [`super::when`].

use super::problem::Problem;

/// A required text (a title, a name): trimmed, and not empty.
pub(crate) fn required(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Err(Problem::EmptyText)
    } else {
        Ok(text.to_owned())
    }
}

/// A list of lines: each trimmed, the empty ones dropped.
pub(crate) fn tidy(list: &mut Vec<String>) {
    *list = list
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
}
