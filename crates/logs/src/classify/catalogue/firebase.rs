//! The Firebase CLI (`firebase`, npm package `firebase-tools`).
//!
//! Source: `Config.load` in firebase/firebase-tools (`src/config.ts`, `lib/config.js` in older releases): the
//! project root is the nearest directory at or above the working directory
//! that holds `firebase.json` (`detectProjectRoot`); with none, every command
//! that needs a project stops with `Not in a Firebase app directory (could not
//! locate firebase.json)` (a `FirebaseError`, printed as `Error: …`). The
//! missing file is the project's `firebase.json`: not committed, or the
//! command ran in another directory than the one that holds it.

use super::util::path_hit;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "firebase/not-in-app-directory",
    grammar: "Not in a Firebase app directory (could not locate firebase.json)",
    needles: &["Not in a Firebase app directory"],
    check: not_in_app_directory,
    examples: &[ex(
        "Error: Not in a Firebase app directory (could not locate firebase.json)",
        Category::FileNotFound,
        Some("firebase.json"),
    )],
}];

fn not_in_app_directory(line: &Line<'_>) -> Option<Hit> {
    line.text
        .contains("Not in a Firebase app directory (could not locate firebase.json)")
        .then(|| {
            path_hit(
                "firebase.json",
                0.75,
                "The Firebase CLI found no firebase.json in the directory it ran in or any directory above it.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_firebase_json() {
        crate::classify::catalogue::assert_reads(
            not_in_app_directory,
            &["Error: Not in a Firebase app directory (could not locate firebase.json)"],
            &["Not in a Firebase app directory"],
        );
        let hit = not_in_app_directory(&Line::plain(
            "Error: Not in a Firebase app directory (could not locate firebase.json)",
        ))
        .expect("read");
        assert_eq!(hit.subject.as_deref(), Some("firebase.json"));
        assert!(hit.fixable);
    }
}
