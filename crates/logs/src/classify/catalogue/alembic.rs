//! Alembic, SQLAlchemy's migration tool.
//!
//! Source: `alembic/util/messaging.py`'s `err(message)`: it logs the message
//! at error level (`log.error`, which the `[loggers]` section of a generated
//! `alembic.ini` prints as `ERROR [alembic.util.messaging] {message}`), then
//! prints `FAILED: {message}` (through `msg`, which wraps and indents it two
//! spaces) and exits with -1 (255). `CommandLine.run_cmd` sends every
//! `CommandError` there: `Can't locate revision identified by '{rev}'` (the
//! database's `alembic_version` names a revision no script of this checkout
//! has), `Target database is not up to date.`, `Multiple head revisions are
//! present …`.
//!
//! The closing `FAILED:` is the CLI's report of the failure; the log record
//! above it repeats the same words (a heading). `FAILED: …` alone is other
//! tools' too (ninja's `FAILED: {target}`), so it is Alembic's only below
//! that record or in a step that runs `alembic`. Blockers: the remedy
//! (stamping, merging heads, restoring a script) is a person's.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "alembic/failed",
        grammar: "  FAILED: {message} (after `ERROR [alembic.util.messaging] {message}`, or in a step running alembic)",
        needles: &["FAILED: "],
        check: failed,
        examples: &[ex_after(
            &["ERROR [alembic.util.messaging] Can't locate revision identified by 'e31c0b2a9f44'"],
            "  FAILED: Can't locate revision identified by 'e31c0b2a9f44'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "alembic/error-record",
        grammar: "ERROR [alembic.util.messaging] {message}",
        needles: &["ERROR [alembic.util.messaging] "],
        check: error_record,
        examples: &[ex(
            "ERROR [alembic.util.messaging] Can't locate revision identified by 'e31c0b2a9f44'",
            Category::Unknown,
            None,
        )],
    },
];

fn failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^FAILED: (.+)$").captures(line.text.trim())?;
    let message = c[1].trim();
    let recorded = line.recent.iter().any(|l| {
        l.trim()
            .strip_prefix("ERROR [alembic.util.messaging] ")
            .is_some_and(|m| m.trim().starts_with(message) || message.starts_with(m.trim()))
    });
    let runs_alembic = regex!(r"(?m)(?:^|[\s;&|(/])alembic(?:\s|$)").is_match(line.script);
    if !recorded && !runs_alembic {
        return None;
    }
    let why = match regex!(r"^Can't locate revision identified by '([^']+)'").captures(message) {
        Some(r) => format!(
            " The database's alembic_version names revision {}, which no migration script of this checkout has (a \
             script deleted or renamed, or the database migrated from another branch): a person restores the \
             script or stamps the database.",
            &r[1]
        ),
        None => String::new(),
    };
    Some(Hit::blocker(format!("Alembic failed: {message}.{why}")))
}

fn error_record(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim()
        .starts_with("ERROR [alembic.util.messaging] ")
        .then(|| Hit::summary("Alembic's log record of its failure; its `FAILED:` line reports it."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(record: &str, text: &str, script: &str) -> Option<Hit> {
        let recent = [record];
        failed(&Line {
            recent: &recent,
            script,
            ..Line::plain(text)
        })
    }

    #[test]
    fn alembics_failed_line_below_its_record_or_in_its_step() {
        let hit = after(
            "ERROR [alembic.util.messaging] Can't locate revision identified by 'e31c0b2a9f44'",
            "  FAILED: Can't locate revision identified by 'e31c0b2a9f44'",
            "",
        )
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("e31c0b2a9f44"), "{}", hit.message);
        assert!(
            after(
                "INFO  [alembic.runtime.migration] Will assume transactional DDL.",
                "  FAILED: Target database is not up to date.",
                "alembic upgrade head"
            )
            .is_some()
        );
        // ninja's failed target, in a step that does not run alembic.
        assert!(
            after(
                "[3/12] Building C object x.o",
                "FAILED: CMakeFiles/app.dir/main.c.o",
                "ninja -C build"
            )
            .is_none()
        );
        let record = error_record(&Line::plain(
            "ERROR [alembic.util.messaging] Can't locate revision identified by 'x'",
        ))
        .expect("read");
        assert_eq!(record.strength, crate::classify::hit::Strength::Summary);
    }
}
