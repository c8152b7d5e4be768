//! Liquibase.
//!
//! Source: Liquibase's `FileUtil.getFileNotFoundMessage` (liquibase-core):
//! `The file {path} was not found in the configured search path:`, then one
//! `    - {location}` line per search-path location and `More locations can be
//! added with the 'searchPath' parameter.`. The CLI (4.x) prints it in its
//! `ERROR: Exception Primary Reason:  {message}` block and again as
//! `Unexpected error running Liquibase: {message}`; Spring Boot's Liquibase
//! bean throws it inside a `ChangeLogParseException`. `{path}` is the
//! changelog (`--changelog-file`) or a file a changelog includes, relative to
//! the search path (by default where the command ran).
//!
//! Named, never fixed by rewriting the path: Liquibase identifies a changeset
//! by its id, author *and the changelog path as given*
//! (`DATABASECHANGELOG.FILENAME`), so pointing `--changelog-file` at where
//! the file moved makes every changeset look new to a database that ran them
//! (it runs them again, or fails on objects that exist), and the files a
//! changelog includes resolve against the search path, not the new place.
//! The search path is the remedy, and a person's.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "liquibase/file-not-in-search-path",
    grammar: "The file {path} was not found in the configured search path:",
    needles: &[" was not found in the configured search path"],
    check: not_in_search_path,
    examples: &[ex(
        "ERROR: Exception Primary Reason:  The file db/changelog/db.changelog-master.yaml was not found in the \
         configured search path:",
        Category::FileNotFound,
        Some("db/changelog/db.changelog-master.yaml"),
    )],
}];

fn not_in_search_path(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|[\s:])The file (\S+) was not found in the configured search path:?$")
        .captures(line.text.trim())?;
    let mut hit = path_hit(
        &c[1],
        0.8,
        "Liquibase did not find a changelog file (its --changelog-file, or a file a changelog includes) on its \
         search path. Not fixed by a new path: Liquibase records each changeset under the changelog path as given, \
         so a new path runs them again on an existing database; set the search path (--search-path) instead.",
    );
    hit.fixable = false;
    Some(hit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changelog_liquibase_looked_for() {
        for text in [
            "Unexpected error running Liquibase: The file db/changelog/db.changelog-master.yaml was not found in the \
             configured search path:",
            "liquibase.exception.ChangeLogParseException: The file db/changelog/db.changelog-master.yaml was not \
             found in the configured search path:",
        ] {
            let hit = not_in_search_path(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (
                    Category::FileNotFound,
                    Some("db/changelog/db.changelog-master.yaml"),
                    false
                ),
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            not_in_search_path,
            &[],
            &[
                "More locations can be added with the 'searchPath' parameter.",
                "VBoxManage was not found in the configured search paths.",
            ],
        );
    }
}
