//! gradle/actions (`setup-gradle` and `wrapper-validation`): the Gradle
//! Wrapper JAR check.
//!
//! Source: the actions' `wrapper-validation` code (`ValidationResult`'s
//! `toDisplayString`, and the failure each action raises): the JARs whose
//! SHA-256 is not one of Gradle's published wrapper checksums are listed
//! under `✗ Found unknown Gradle Wrapper JAR files:` as `  {sha256} {path}`
//! (known ones under `✓ Found known Gradle Wrapper JAR files:`, other
//! problems under `✗ Other validation errors:`), and the step fails with
//! `At least one Gradle Wrapper Jar failed validation!` followed by a link to
//! the action's documentation and the same list. An unknown JAR is the
//! repository's file (a hand-made or tampered wrapper, or a Git LFS pointer
//! checked out without LFS), never a missing one: a person checks it and
//! regenerates the wrapper (`gradle wrapper`) or fetches LFS objects.
//! `Wrapper validation failed: no Gradle Wrapper jars found. Did you forget
//! to checkout the repository?` is the check finding none at all.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "gradle_actions/unknown-wrapper-jar",
        grammar: "✗ Found unknown Gradle Wrapper JAR files: (then `  {sha256} {path}` per JAR)",
        needles: &["Found unknown Gradle Wrapper JAR files"],
        check: unknown_wrapper_jar,
        examples: &[ex("✗ Found unknown Gradle Wrapper JAR files:", Category::Unknown, None)],
    },
    Entry {
        id: "gradle_actions/wrapper-validation-failed",
        grammar: "At least one Gradle Wrapper Jar failed validation! | Wrapper validation failed: {reason}",
        needles: &[
            "At least one Gradle Wrapper Jar failed validation",
            "Wrapper validation failed: ",
        ],
        check: validation_failed,
        examples: &[ex(
            "At least one Gradle Wrapper Jar failed validation!",
            Category::Unknown,
            None,
        )],
    },
];

fn unknown_wrapper_jar(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:✗ )?Found unknown Gradle Wrapper JAR files:$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "A Gradle Wrapper JAR of the repository is not one Gradle published (its checksum is unknown: a \
                 hand-made or altered wrapper, or a Git LFS pointer checked out without LFS): a person checks it and \
                 regenerates the wrapper; nothing is missing.",
            )
        })
}

/// The action's failure: the heading of the list it printed above (the
/// list's line is the cause), or, with no JAR found, the check's own reason.
fn validation_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^(?:Error: )*At least one Gradle Wrapper Jar failed validation!?$").is_match(text) {
        return Some(Hit::summary(
            "The Gradle Wrapper validation failed (the unknown JARs are listed with it).",
        ));
    }
    regex!(r"^Wrapper validation failed: (?:no Gradle Wrapper jars found|expected at least \d+ Gradle Wrapper jars)")
        .is_match(text)
        .then(|| {
            Hit::blocker(
                "The Gradle Wrapper validation found fewer wrapper JARs than it expects (no checkout before it, or \
                 min-wrapper-count set higher than the repository has).",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_unknown_jar_list_is_the_cause_and_the_failure_its_heading() {
        let hit = unknown_wrapper_jar(&Line::plain("✗ Found unknown Gradle Wrapper JAR files:")).expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        let failed =
            validation_failed(&Line::plain("At least one Gradle Wrapper Jar failed validation!")).expect("read");
        assert_eq!(failed.strength, Strength::Summary);
        // The web UI's copy prefixes the annotation once or twice.
        assert!(
            validation_failed(&Line::plain(
                "Error: Error: At least one Gradle Wrapper Jar failed validation!"
            ))
            .is_some()
        );
        let none = validation_failed(&Line::plain(
            "Wrapper validation failed: no Gradle Wrapper jars found. Did you forget to checkout the repository?",
        ))
        .expect("read");
        assert_eq!(none.strength, Strength::Blocker);
        crate::classify::catalogue::assert_reads(
            unknown_wrapper_jar,
            &["Found unknown Gradle Wrapper JAR files:"],
            &[
                "✓ Found known Gradle Wrapper JAR files:",
                "echo Found unknown Gradle Wrapper JAR files: none",
            ],
        );
    }
}
