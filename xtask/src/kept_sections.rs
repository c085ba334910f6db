//! The parts of BENCHMARKS.md that `cargo xtask bench` does not measure
//! itself, each between its two markers: kept as they are when it rewrites
//! the page.

/// One kept section, known by its start and end markers.
pub(crate) struct Section {
    pub(crate) start: &'static str,
    pub(crate) end: &'static str,
}

/// The relay under load, written by `cargo xtask bench relay`.
pub(crate) const RELAY: Section = Section {
    start: "<!-- relay load: written by `cargo xtask bench relay` -->",
    end: "<!-- /relay load -->",
};

/// Argon2id's cost (native release bench and the browser suite), measured as
/// the section itself says and edited by hand.
pub(crate) const ARGON2ID: Section = Section {
    start: "<!-- argon2id: measured as written below; kept by `cargo xtask bench` -->",
    end: "<!-- /argon2id -->",
};

impl Section {
    /// `page` with this section replaced by `section` (or appended).
    pub(crate) fn replace_in(&self, page: &str, section: &str) -> String {
        match (page.find(self.start), page.find(self.end)) {
            (Some(start), Some(end)) if start < end => {
                format!(
                    "{}{section}{}",
                    &page[..start],
                    &page[end + self.end.len()..]
                )
            }
            _ => format!("{}\n\n{section}\n", page.trim_end()),
        }
    }

    /// This section of an existing page, markers included.
    pub(crate) fn of<'a>(&self, page: &'a str) -> Option<&'a str> {
        let (start, end) = (page.find(self.start)?, page.find(self.end)?);
        (start < end).then(|| &page[start..end + self.end.len()])
    }
}

#[cfg(test)]
mod tests {
    use super::{ARGON2ID, RELAY};

    #[test]
    fn a_rewritten_page_keeps_the_argon2id_and_relay_sections_word_for_word() {
        let previous = format!(
            "# old\n\n{}\nhand-measured Argon2id\n{}\n\n{}\nrelay figures\n{}\n",
            ARGON2ID.start, ARGON2ID.end, RELAY.start, RELAY.end
        );
        let fresh = format!("# new\n\n{}{}\n\n## Sizes\n", ARGON2ID.start, ARGON2ID.end);
        let kept = ARGON2ID.replace_in(&fresh, ARGON2ID.of(&previous).unwrap());
        let kept = RELAY.replace_in(&kept, RELAY.of(&previous).unwrap());
        assert!(kept.starts_with("# new\n"), "{kept}");
        assert!(kept.contains("hand-measured Argon2id\n"), "{kept}");
        assert!(kept.contains("relay figures\n"), "{kept}");
        assert!(
            kept.find("Argon2id") < kept.find("## Sizes"),
            "in its place: {kept}"
        );
    }
}
