//! Would the generated types compile in Swift and Kotlin? No compiler for
//! either exists on these machines, so this reads the type registry the
//! generators work from and names every construct that breaks a shell:
//!
//! - a tuple (`(Id, Contact)`) or a fixed-size array (`[u8; 4]`): both are
//!   native tuples in Swift, which are neither `Equatable` nor `Hashable`,
//!   so the enclosing view model stops conforming. Use a named struct.
//! - a map key or set element Swift cannot hash (a tuple, a map, unit).
//! - a field, variant or type named with a word either language reserves
//!   (`when`, `default`, `Self`...): the generators write names as they are,
//!   without backticks.

use std::collections::BTreeSet;
use std::fmt;

use facet_generate::Registry;
use facet_generate::reflection::format::{
    ContainerFormat, Format, Named, QualifiedTypeName, VariantFormat,
};

/// Words Swift or Kotlin reserve, as a generated field or enum case would be
/// spelled (camelCase) — a field `when` or a case `default` does not compile.
const RESERVED_WORDS: &[&str] = &[
    // Swift
    "associatedtype",
    "class",
    "deinit",
    "enum",
    "extension",
    "fileprivate",
    "func",
    "import",
    "init",
    "inout",
    "internal",
    "let",
    "open",
    "operator",
    "private",
    "precedencegroup",
    "protocol",
    "public",
    "rethrows",
    "static",
    "struct",
    "subscript",
    "typealias",
    "var",
    "break",
    "case",
    "catch",
    "continue",
    "default",
    "defer",
    "do",
    "else",
    "fallthrough",
    "for",
    "guard",
    "if",
    "in",
    "repeat",
    "return",
    "throw",
    "switch",
    "where",
    "while",
    "as",
    "await",
    "false",
    "is",
    "nil",
    "self",
    "super",
    "throws",
    "true",
    "try",
    // Kotlin (hard keywords not already listed)
    "fun",
    "interface",
    "null",
    "object",
    "package",
    "this",
    "typeof",
    "val",
    "when",
];

/// Type names that would shadow a type the generated code itself uses.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Any",
    "Array",
    "Bool",
    "Boolean",
    "Character",
    "Data",
    "Double",
    "Error",
    "Float",
    "Int",
    "List",
    "Map",
    "Optional",
    "Pair",
    "Protocol",
    "Result",
    "Self",
    "Set",
    "String",
    "Type",
    "Unit",
];

/// One construct that would not compile or conform in a shell.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// `Type.field` or `Type::Variant`.
    pub place: String,
    pub why: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.why)
    }
}

/// Every problem in the registry, sorted.
pub fn problems(registry: &Registry) -> Vec<Problem> {
    let mut found = BTreeSet::new();
    for (name, container) in registry {
        let mut report = |place: String, why: String| {
            found.insert(Problem { place, why });
        };
        if RESERVED_TYPE_NAMES.contains(&name.name.as_str()) {
            report(
                name.name.clone(),
                "a type name Swift or Kotlin already uses".to_owned(),
            );
        }
        match container {
            ContainerFormat::UnitStruct(_) => {}
            ContainerFormat::NewTypeStruct(format, _) => {
                check_format(registry, format, &name.name, &mut report);
            }
            ContainerFormat::TupleStruct(formats, _) => {
                for format in formats {
                    check_format(registry, format, &name.name, &mut report);
                }
            }
            ContainerFormat::Struct(fields, _) => {
                check_fields(registry, fields, &name.name, &mut report);
            }
            ContainerFormat::Enum(variants, _, _) => {
                for variant in variants.values() {
                    let place = format!("{}::{}", name.name, variant.name);
                    if is_reserved_word(&variant.name) {
                        report(place.clone(), reserved(&variant.name));
                    }
                    check_variant(registry, &variant.value, &place, &mut report);
                }
            }
        }
    }
    found.into_iter().collect()
}

fn check_fields(
    registry: &Registry,
    fields: &[Named<Format>],
    owner: &str,
    report: &mut impl FnMut(String, String),
) {
    for field in fields {
        let place = format!("{owner}.{}", field.name);
        if is_reserved_word(&field.name) {
            report(place.clone(), reserved(&field.name));
        }
        check_format(registry, &field.value, &place, report);
    }
}

fn check_variant(
    registry: &Registry,
    variant: &VariantFormat,
    place: &str,
    report: &mut impl FnMut(String, String),
) {
    match variant {
        VariantFormat::Variable(_) | VariantFormat::Unit => {}
        VariantFormat::NewType(format) => check_format(registry, format, place, report),
        VariantFormat::Tuple(formats) => {
            for format in formats {
                check_format(registry, format, place, report);
            }
        }
        VariantFormat::Struct(fields) => check_fields(registry, fields, place, report),
    }
}

fn check_format(
    registry: &Registry,
    format: &Format,
    place: &str,
    report: &mut impl FnMut(String, String),
) {
    match format {
        Format::Tuple(formats) if formats.len() != 1 => report(
            place.to_owned(),
            "a tuple: Swift tuples are neither Equatable nor Hashable; use a named struct"
                .to_owned(),
        ),
        Format::TupleArray { .. } => report(
            place.to_owned(),
            "a fixed-size array: a tuple in Swift, neither Equatable nor Hashable; use a Vec"
                .to_owned(),
        ),
        Format::Set(element) if !hashable(registry, element, &mut BTreeSet::new()) => report(
            place.to_owned(),
            "a set whose elements Swift cannot hash".to_owned(),
        ),
        Format::Map { key, .. } if !hashable(registry, key, &mut BTreeSet::new()) => report(
            place.to_owned(),
            "a map whose keys Swift cannot hash".to_owned(),
        ),
        _ => {}
    }
    match format {
        Format::Option(inner)
        | Format::Seq(inner)
        | Format::Set(inner)
        | Format::TupleArray { content: inner, .. } => check_format(registry, inner, place, report),
        Format::Map { key, value } => {
            check_format(registry, key, place, report);
            check_format(registry, value, place, report);
        }
        Format::Tuple(formats) => {
            for format in formats {
                check_format(registry, format, place, report);
            }
        }
        _ => {}
    }
}

/// Whether the Swift type generated for `format` is `Hashable` (what a
/// dictionary key or a set element must be).
fn hashable(
    registry: &Registry,
    format: &Format,
    visiting: &mut BTreeSet<QualifiedTypeName>,
) -> bool {
    match format {
        Format::Variable(_) | Format::Unit | Format::Map { .. } | Format::TupleArray { .. } => {
            false
        }
        Format::Tuple(formats) => formats.len() == 1 && hashable(registry, &formats[0], visiting),
        Format::Option(inner) | Format::Seq(inner) | Format::Set(inner) => {
            hashable(registry, inner, visiting)
        }
        Format::TypeName(name) => {
            if !visiting.insert(name.clone()) {
                return true; // recursive: decided by its other fields
            }
            let result = registry.get(name).is_none_or(|container| {
                container_formats(container)
                    .iter()
                    .all(|format| hashable(registry, format, visiting))
            });
            visiting.remove(name);
            result
        }
        _ => true,
    }
}

fn container_formats(container: &ContainerFormat) -> Vec<&Format> {
    match container {
        ContainerFormat::UnitStruct(_) => Vec::new(),
        ContainerFormat::NewTypeStruct(format, _) => vec![format],
        ContainerFormat::TupleStruct(formats, _) => formats.iter().collect(),
        ContainerFormat::Struct(fields, _) => fields.iter().map(|field| &field.value).collect(),
        ContainerFormat::Enum(variants, _, _) => variants
            .values()
            .flat_map(|variant| match &variant.value {
                VariantFormat::Variable(_) | VariantFormat::Unit => Vec::new(),
                VariantFormat::NewType(format) => vec![&**format],
                VariantFormat::Tuple(formats) => formats.iter().collect(),
                VariantFormat::Struct(fields) => fields.iter().map(|field| &field.value).collect(),
            })
            .collect(),
    }
}

/// A one-word name (`when`, `Default`) as the generators spell a field or
/// a case (camelCase) is a reserved word. Longer names (`day_and_time`)
/// never are.
fn is_reserved_word(name: &str) -> bool {
    let one_word = !name.contains('_')
        && !name
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0].is_ascii_lowercase() && pair[1].is_ascii_uppercase());
    one_word && RESERVED_WORDS.contains(&name.to_ascii_lowercase().as_str())
}

fn reserved(name: &str) -> String {
    format!("`{name}` is a reserved word in Swift or Kotlin")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use facet_generate::reflection::format::{Doc, EnumTagging, Namespace};

    use super::*;

    fn type_name(name: &str) -> QualifiedTypeName {
        QualifiedTypeName {
            namespace: Namespace::Root,
            name: name.to_owned(),
        }
    }

    fn field(name: &str, format: Format) -> Named<Format> {
        Named {
            name: name.to_owned(),
            doc: Doc::new(),
            value: format,
        }
    }

    fn registry_of(containers: Vec<(&str, ContainerFormat)>) -> Registry {
        containers
            .into_iter()
            .map(|(name, container)| (type_name(name), container))
            .collect()
    }

    fn places(registry: &Registry) -> Vec<String> {
        problems(registry)
            .into_iter()
            .map(|problem| problem.place)
            .collect()
    }

    #[test]
    fn a_list_of_id_and_contact_pairs_is_refused_and_a_named_struct_is_not() {
        let pair = Format::Tuple(vec![Format::U64, Format::TypeName(type_name("Contact"))]);
        let with_tuple = registry_of(vec![
            (
                "Contact",
                ContainerFormat::Struct(vec![field("name", Format::Str)], Doc::new()),
            ),
            (
                "AftercareView",
                ContainerFormat::Struct(
                    vec![field("contacts", Format::Seq(Box::new(pair)))],
                    Doc::new(),
                ),
            ),
        ]);
        assert_eq!(places(&with_tuple), ["AftercareView.contacts"]);

        let named = registry_of(vec![
            (
                "Contact",
                ContainerFormat::Struct(vec![field("name", Format::Str)], Doc::new()),
            ),
            (
                "ContactItem",
                ContainerFormat::Struct(
                    vec![
                        field("id", Format::U64),
                        field("contact", Format::TypeName(type_name("Contact"))),
                    ],
                    Doc::new(),
                ),
            ),
            (
                "AftercareView",
                ContainerFormat::Struct(
                    vec![field(
                        "contacts",
                        Format::Seq(Box::new(Format::TypeName(type_name("ContactItem")))),
                    )],
                    Doc::new(),
                ),
            ),
        ]);
        assert!(problems(&named).is_empty(), "{:?}", problems(&named));
    }

    #[test]
    fn a_map_keyed_by_a_type_holding_a_map_is_refused() {
        let registry = registry_of(vec![
            (
                "Key",
                ContainerFormat::Struct(
                    vec![field(
                        "inner",
                        Format::Map {
                            key: Box::new(Format::Str),
                            value: Box::new(Format::Str),
                        },
                    )],
                    Doc::new(),
                ),
            ),
            (
                "View",
                ContainerFormat::Struct(
                    vec![
                        field(
                            "by_key",
                            Format::Map {
                                key: Box::new(Format::TypeName(type_name("Key"))),
                                value: Box::new(Format::Str),
                            },
                        ),
                        field(
                            "by_name",
                            Format::Map {
                                key: Box::new(Format::Str),
                                value: Box::new(Format::TypeName(type_name("Key"))),
                            },
                        ),
                    ],
                    Doc::new(),
                ),
            ),
        ]);
        assert_eq!(places(&registry), ["View.by_key"]);
    }

    #[test]
    fn names_reserved_in_swift_or_kotlin_are_refused() {
        let mut variants = BTreeMap::new();
        variants.insert(0, Named::new(&VariantFormat::Unit, "Default".to_owned()));
        variants.insert(
            1,
            Named::new(&VariantFormat::Unit, "DefaultTone".to_owned()),
        );
        let registry = registry_of(vec![
            (
                "Meeting",
                ContainerFormat::Struct(
                    vec![
                        field("when", Format::Str),
                        field("day_and_time", Format::Str),
                    ],
                    Doc::new(),
                ),
            ),
            (
                "Choice",
                ContainerFormat::Enum(variants, EnumTagging::External, Doc::new()),
            ),
            ("Result", ContainerFormat::UnitStruct(Doc::new())),
        ]);
        assert_eq!(
            places(&registry),
            ["Choice::Default", "Meeting.when", "Result"]
        );
    }
}
