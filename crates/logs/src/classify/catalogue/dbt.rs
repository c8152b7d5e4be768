//! dbt (dbt-core).
//!
//! Source: dbt-core's event messages. A run logs each node's result
//! (`{i} of {n} ERROR creating sql view model {schema}.{name} … [ERROR in
//! {t}s]`), then `Completed with {n} error(s) and {m} warning(s):` (1.9 and
//! later: `Completed with {n} error(s), {p} partial success(es), and {m}
//! warning(s):`) and, per failed node, its error: `{Kind} Error in {type}
//! {name} ({path})` (`Database Error`, `Compilation Error`, `Runtime Error`),
//! whose next lines are the adapter's or Jinja's reason (`relation … does
//! not exist`) and `compiled code at target/…`. Before any node runs, dbt
//! stops with `Encountered an error:` and `Runtime Error` and its reason, such
//! as `Could not find profile named '{profile}'` (the profile
//! `dbt_project.yml` names is not in the `profiles.yml` dbt read). dbt's own
//! lines start with its `HH:MM:SS` time.
//!
//! The path in a node's heading is the model's SQL, which dbt found; the
//! relation that `does not exist` is a database object (not loaded yet: a
//! `dbt seed` or a source's load the job skipped). Blockers, never
//! `file_not_found`.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "dbt/node-error",
        grammar: "{Database|Compilation|Runtime|Dependency} Error in {type} {name} ({path})",
        needles: &[" Error in "],
        check: node_error,
        examples: &[ex(
            "04:21:07    Database Error in model stg_customers (models/staging/stg_customers.sql)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dbt/completed-with-errors",
        grammar: "Completed with {n} error(s)[, {p} partial success(es),] and {m} warning(s):",
        needles: &["Completed with "],
        check: completed_with_errors,
        examples: &[ex(
            "04:21:07  Completed with 3 errors and 0 warnings:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dbt/profile-not-found",
        grammar: "Could not find profile named '{profile}'",
        needles: &["Could not find profile named '"],
        check: profile_not_found,
        examples: &[ex(
            "  Could not find profile named 'acme_warehouse'",
            Category::Unknown,
            None,
        )],
    },
];

/// dbt's `HH:MM:SS` and the spaces after it, when the line has them.
fn body(text: &str) -> &str {
    let text = text.trim();
    regex!(r"^\d\d:\d\d:\d\d\s+")
        .find(text)
        .map_or(text, |m| &text[m.end()..])
}

fn node_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(Database|Compilation|Runtime|Dependency) Error in (model|test|seed|snapshot|analysis|operation|source|unit_test|sql_operation) (\S+) \(([^()]+)\)$"
    )
    .captures(body(line.text))?;
    Some(Hit::blocker(format!(
        "dbt: {} error in {} {} ({}); the lines below it give the reason (for a database error, the database's: a \
         relation that `does not exist` is a table not loaded yet, such as a seed or source the job did not load).",
        c[1].to_ascii_lowercase(),
        &c[2],
        &c[3],
        &c[4]
    )))
}

fn completed_with_errors(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Completed with [1-9]\d* errors?(?:, \d+ partial success(?:es)?,)? and \d+ warnings?:$")
        .is_match(body(line.text))
        .then(|| Hit::summary("dbt finished with errors; each node's error below says why."))
}

fn profile_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Could not find profile named '([^']+)'$").captures(body(line.text))?;
    Some(Hit::blocker(format!(
        "dbt found no profile `{}` (the one dbt_project.yml names) in the profiles.yml it read (DBT_PROFILES_DIR, \
         --profiles-dir or ~/.dbt): a person adds it there or points dbt at the right directory.",
        &c[1]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dbts_node_errors_summary_and_profile() {
        for text in [
            "04:21:07    Database Error in model stg_customers (models/staging/stg_customers.sql)",
            "  Compilation Error in model orders (models/marts/orders.sql)",
            "Database Error in seed raw_orders (seeds/raw_orders.csv)",
        ] {
            let hit = node_error(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        for text in [
            "04:21:07  Completed with 3 errors and 0 warnings:",
            "Completed with 1 error, 0 partial successes, and 0 warnings:",
        ] {
            let hit = completed_with_errors(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, crate::classify::hit::Strength::Summary, "{text}");
        }
        assert!(completed_with_errors(&Line::plain("Completed with 0 errors and 2 warnings:")).is_none());
        let profile = profile_not_found(&Line::plain("  Could not find profile named 'acme_warehouse'")).expect("read");
        assert!(profile.message.contains("acme_warehouse"));
        crate::classify::catalogue::assert_reads(
            node_error,
            &[],
            &[
                "Runtime Error in rpc request (from remote system)",
                "ValueError in model x",
            ],
        );
    }
}
