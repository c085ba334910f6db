//! What the phone shells must render, checked without their compilers (none
//! exists on these machines) by reading their sources against the core's:
//!
//! - every form field the core can tie a problem to (`shared/src/app/field.rs`)
//!   is tagged in both shells (Kotlin `field = "…"`, Swift `.field("…")`),
//!   so the message shows at that field and takes focus there;
//! - every view-model field the web shell renders on a screen is read, as
//!   a member (`.camelCase`), by the Android and the iOS file of the same
//!   screen. The few left out are listed in [`NOT_ON_PHONES`], each with
//!   the reason. Sharing with the specialist is one shared component per
//!   shell (web `ui/Sharing.tsx`, Kotlin `ui/Sharing.kt`, Swift
//!   `Screens/Sharing.swift`), checked the same way;
//! - every place the web offers sharing (a `<ShareButton>` for an item,
//!   `<ShareCheckIns>`, `<SharedList>`, `<SharePreviewDialog>`) is offered by
//!   the same screen of both phones ([`sharing_offered_like_the_web`]).

use std::path::Path;

use crate::{files_with_extension, repo_root};

/// One screen: the web files that render it, the Kotlin and Swift files
/// that must do the same, and the view-model structs (file in
/// `shared/src/view`, struct name) it renders.
struct Screen {
    web: &'static str,
    kotlin: &'static str,
    swift: &'static str,
    structs: &'static [(&'static str, &'static str)],
}

const SCREENS: &[Screen] = &[
    Screen {
        web: "screens/TriggeredScreen.tsx",
        kotlin: "screens/TriggeredScreen.kt",
        swift: "Screens/TriggeredScreen.swift",
        structs: &[
            ("triggers.rs", "TriggeredView"),
            ("triggered.rs", "ReachOut"),
        ],
    },
    Screen {
        web: "screens/CheckInScreen.tsx",
        kotlin: "screens/CheckInScreen.kt",
        swift: "Screens/CheckInScreen.swift",
        structs: &[("checkin.rs", "CheckInView")],
    },
    Screen {
        web: "screens/TodayScreen.tsx",
        kotlin: "screens/TodayScreen.kt",
        swift: "Screens/TodayScreen.swift",
        structs: &[
            ("today.rs", "TodayView"),
            ("today.rs", "RecoveryView"),
            ("lapse.rs", "LapseResponse"),
        ],
    },
    Screen {
        web: "screens/SafetyPlanScreen.tsx",
        kotlin: "screens/SafetyPlanScreen.kt",
        swift: "Screens/SafetyPlanScreen.swift",
        structs: &[
            ("safety.rs", "SafetyPlanView"),
            ("safety.rs", "UseNow"),
            ("safety.rs", "PlanStep"),
        ],
    },
    Screen {
        web: "screens/ContactScreen.tsx",
        kotlin: "screens/ContactScreen.kt",
        swift: "Screens/ContactScreen.swift",
        structs: &[
            ("contact.rs", "ContactView"),
            ("reach_peer.rs", "ReachPeer"),
            ("contact.rs", "TemplateItem"),
        ],
    },
    Screen {
        web: "screens/AftercareScreen.tsx",
        kotlin: "screens/AftercareScreen.kt",
        swift: "Screens/AftercareScreen.swift",
        structs: &[
            ("aftercare.rs", "AftercareView"),
            ("aftercare.rs", "ReferralItem"),
            ("aftercare.rs", "DocumentItem"),
            ("aftercare.rs", "MeetingItem"),
            ("aftercare.rs", "AppointmentItem"),
            ("aftercare.rs", "ContactItem"),
        ],
    },
    Screen {
        web: "screens/SettingsScreen.tsx",
        kotlin: "screens/SettingsScreen.kt",
        swift: "Screens/SettingsScreen.swift",
        structs: &[("settings.rs", "SettingsView")],
    },
    Screen {
        web: "ui/Sharing.tsx",
        kotlin: "ui/Sharing.kt",
        swift: "Screens/Sharing.swift",
        structs: &[
            ("sharing.rs", "SharingView"),
            ("sharing.rs", "SharePreview"),
            ("sharing.rs", "SharedItemView"),
            ("sharing.rs", "SharePeriod"),
        ],
    },
    Screen {
        web: "App.tsx",
        kotlin: "PhoenixApp.kt",
        swift: "Frame.swift",
        structs: &[("mod.rs", "ViewModel"), ("mod.rs", "HelpActions")],
    },
];

/// Fields the web renders that a phone shell does not, and why:
/// (struct, field, shell).
const NOT_ON_PHONES: &[(&str, &str, &str, &str)] = &[
    (
        "ViewModel",
        "language",
        "kotlin",
        "Compose has no per-screen speech language; TalkBack reads the device's",
    ),
    (
        "ViewModel",
        "new_item",
        "kotlin",
        "bringing a new item into a lazy list's view is not done yet; the save is announced",
    ),
    (
        "ViewModel",
        "new_item",
        "swift",
        "scrolling a Form to a new item is not done yet; the save is announced",
    ),
    (
        "SharedItemView",
        "status",
        "kotlin",
        "the web's `status` is its own core state's; like the web, the phones show `status_label`",
    ),
    (
        "SharedItemView",
        "status",
        "swift",
        "the web's `status` is its own core state's; like the web, the phones show `status_label`",
    ),
];

pub(crate) fn test() -> Result<(), String> {
    let root = repo_root();
    let mut missing = fields_tagged(&root)?;
    missing.extend(rendered_like_the_web(&root)?);
    missing.extend(sharing_offered_like_the_web(&root)?);
    if missing.is_empty() {
        println!(
            "phone parity: every field tagged, every rendered view-model field read by both phones, \
             sharing offered where the web offers it"
        );
        Ok(())
    } else {
        Err(format!("phone parity:\n{}", missing.join("\n")))
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("reading {}: {error}", path.display()))
}

fn read_all(dir: &Path, extension: &str) -> Result<String, String> {
    let mut text = String::new();
    for file in files_with_extension(dir, extension)? {
        text.push_str(&read(Path::new(&file))?);
    }
    Ok(text)
}

/// The field names in `field.rs`'s `of` (before its tests) and its constants.
fn field_names(source: &str) -> Vec<String> {
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    let mut names: Vec<String> = source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|literal| {
            !literal.is_empty() && literal.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

fn fields_tagged(root: &Path) -> Result<Vec<String>, String> {
    let names = field_names(&read(&root.join("shared/src/app/field.rs"))?);
    if names.len() < 10 {
        return Err(format!(
            "found only {} field names in field.rs",
            names.len()
        ));
    }
    let kotlin = read_all(&root.join("android/app/src/main/kotlin"), "kt")?;
    let swift = read_all(&root.join("ios/Phoenix"), "swift")?;
    let tagged = |text: &str, marker: &str, name: &str| {
        let literal = format!("\"{name}\"");
        text.lines()
            .any(|line| line.contains(marker) && line.contains(&literal))
    };
    let mut missing = Vec::new();
    for name in &names {
        if !tagged(&kotlin, "field = ", name) {
            missing.push(format!(
                "  field \"{name}\": no Kotlin input has field = \"{name}\""
            ));
        }
        if !tagged(&swift, ".field(", name) {
            missing.push(format!(
                "  field \"{name}\": no Swift input has .field(\"{name}\")"
            ));
        }
    }
    Ok(missing)
}

/// The `pub` fields of `pub struct {name}` in `source`, in order.
fn struct_fields(source: &str, name: &str) -> Option<Vec<String>> {
    let start = source.find(&format!("pub struct {name} {{"))?;
    let body = &source[start..];
    let body = &body[..body.find("\n}")?];
    Some(
        body.lines()
            .filter_map(|line| line.trim().strip_prefix("pub "))
            .filter_map(|line| line.split_once(':').map(|(field, _)| field.to_owned()))
            .filter(|field| {
                field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
            .collect(),
    )
}

fn camel(snake: &str) -> String {
    let mut parts = snake.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `word` occurs in `text` as a whole identifier; with `member`, right
/// after a `.` (a member access).
fn occurs(text: &str, word: &str, member: bool) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let start_ok = if member {
            before == Some('.')
        } else {
            !before.is_some_and(is_ident)
        };
        start_ok && !after.is_some_and(is_ident)
    })
}

fn rendered_like_the_web(root: &Path) -> Result<Vec<String>, String> {
    let view = root.join("shared/src/view");
    let mut missing = Vec::new();
    for screen in SCREENS {
        let web = read(&root.join("web/src").join(screen.web))?;
        let kotlin = read(
            &root
                .join("android/app/src/main/kotlin/org/phoenix/app")
                .join(screen.kotlin),
        )?;
        let swift = read(&root.join("ios/Phoenix").join(screen.swift))?;
        for (file, name) in screen.structs {
            let source = read(&view.join(file))?;
            let fields = struct_fields(&source, name)
                .ok_or_else(|| format!("no `pub struct {name}` in shared/src/view/{file}"))?;
            for field in fields.iter().filter(|field| occurs(&web, field, false)) {
                let member = camel(field);
                for (shell, text, path) in [
                    ("kotlin", &kotlin, screen.kotlin),
                    ("swift", &swift, screen.swift),
                ] {
                    let excused = NOT_ON_PHONES
                        .iter()
                        .any(|(s, f, sh, _)| s == name && f == field && *sh == shell);
                    if !excused && !occurs(text, &member, true) {
                        missing.push(format!(
                            "  {name}.{field}: web/src/{} renders it, {path} never reads .{member}",
                            screen.web
                        ));
                    }
                }
            }
        }
    }
    Ok(missing)
}

/// The sharing components a web file uses: `ShareButton:<kind>` for each
/// `<ShareButton item={{ kind: '<kind>' ...`, and the name of each other
/// sharing component it renders.
fn web_sharing_offers(source: &str) -> Vec<String> {
    let mut offers = Vec::new();
    for (at, _) in source.match_indices("<ShareButton item={{ kind: '") {
        let rest = &source[at + "<ShareButton item={{ kind: '".len()..];
        if let Some((kind, _)) = rest.split_once('\'') {
            offers.push(format!("ShareButton:{kind}"));
        }
    }
    for component in [
        "SharePlan",
        "ShareCheckIns",
        "SharedList",
        "SharePreviewDialog",
    ] {
        if occurs(source, &format!("<{component}"), false) {
            offers.push(component.to_owned());
        }
    }
    offers
}

/// What the Kotlin and the Swift file of the same screen must contain for
/// one web offer.
fn phone_markers(offer: &str) -> (String, String) {
    match offer.split_once(':') {
        // The plan's menu offers the whole plan and each section.
        Some((_, "Aftercare")) => ("SharePlanMenu(".to_owned(), "SharePlanMenu(".to_owned()),
        None if offer == "SharePlan" => ("SharePlanMenu(".to_owned(), "SharePlanMenu(".to_owned()),
        Some((_, kind)) => {
            let mut chars = kind.chars();
            let swift: String = chars
                .next()
                .map(|first| first.to_ascii_lowercase())
                .into_iter()
                .chain(chars)
                .collect();
            (format!("ShareItem.{kind}"), format!("ShareItem.{swift}"))
        }
        // A sheet on iOS, a dialog on Android.
        None if offer == "SharePreviewDialog" => (
            "SharePreviewDialog(".to_owned(),
            "SharePreviewSheet(".to_owned(),
        ),
        None => (format!("{offer}("), format!("{offer}(")),
    }
}

fn sharing_offered_like_the_web(root: &Path) -> Result<Vec<String>, String> {
    let web = root.join("web/src");
    let mut files: Vec<(String, String, String)> =
        files_with_extension(&web.join("screens"), "tsx")?
            .iter()
            .filter_map(|file| {
                let stem = Path::new(file).file_stem()?.to_str()?.to_owned();
                Some((
                    format!("screens/{stem}.tsx"),
                    format!("screens/{stem}.kt"),
                    format!("Screens/{stem}.swift"),
                ))
            })
            .collect();
    files.push((
        "App.tsx".into(),
        "PhoenixApp.kt".into(),
        "Frame.swift".into(),
    ));
    let mut offers = 0;
    let mut missing = Vec::new();
    for (web_file, kotlin_file, swift_file) in &files {
        let found = web_sharing_offers(&read(&web.join(web_file))?);
        if found.is_empty() {
            continue;
        }
        let kotlin = read(
            &root
                .join("android/app/src/main/kotlin/org/phoenix/app")
                .join(kotlin_file),
        )?;
        let swift = read(&root.join("ios/Phoenix").join(swift_file))?;
        for offer in found {
            offers += 1;
            let (kotlin_marker, swift_marker) = phone_markers(&offer);
            for (text, path, marker) in [
                (&kotlin, kotlin_file, &kotlin_marker),
                (&swift, swift_file, &swift_marker),
            ] {
                if !text.contains(marker.as_str()) {
                    missing.push(format!(
                        "  sharing: web/src/{web_file} offers {offer}, {path} has no {marker}"
                    ));
                }
            }
        }
    }
    if offers < 6 {
        return Err(format!(
            "found only {offers} sharing offers in web/src: did the components' names change?"
        ));
    }
    Ok(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_members_are_read_as_the_generators_name_them() {
        assert_eq!(camel("still_high_message"), "stillHighMessage");
        assert_eq!(
            struct_fields(
                "pub struct A {\n    /// doc: x\n    pub b_c: u8,\n    pub d: Option<String>,\n}\n",
                "A"
            ),
            Some(vec!["b_c".to_owned(), "d".to_owned()])
        );
        assert!(occurs("view.stillHigh)", "stillHigh", true));
        assert!(!occurs("view.stillHighMessage", "stillHigh", true));
        assert!(!occurs("stillHigh", "stillHigh", true));
        assert_eq!(
            web_sharing_offers(
                "<ShareButton item={{ kind: 'Goal', value: goal.id }} />\n<ShareCheckIns />\n<SharedListItem />"
            ),
            ["ShareButton:Goal", "ShareCheckIns"]
        );
        assert_eq!(
            phone_markers("ShareButton:SafetyPlan"),
            (
                "ShareItem.SafetyPlan".to_owned(),
                "ShareItem.safetyPlan".to_owned()
            )
        );
        assert_eq!(
            field_names("x => \"goal-title\",\n y => { \"step-due\" }\n#[cfg(test)] \"other\""),
            ["goal-title", "step-due"]
        );
    }
}
