//! Alembic, SQLAlchemy's migration tool.
//!
//! Source: `alembic/util/messaging.py`'s `err(message)`: it logs the message
//! at error level (`log.error`, which the `[loggers]` section of a generated
//! `alembic.ini` prints as `ERROR [alembic.util.messaging] {message}`), then
//! prints `FAILED: {message}` (through `msg`, which wraps and indents it two
//! spaces) and exits with -1 (255). `CommandLine.run_cmd` sends every
//! `CommandError` there: `Can't locate revision identified by '{rev}'` (a
//! revision no script of this checkout has, which the database's
//! `alembic_version` names unless the step's alembic command does), `Target
//! database is not up to date.`, `Multiple head revisions are
//! present …`.
//!
//! The closing `FAILED:` is the CLI's report of the failure; the log record
//! above it repeats the same words (a heading). `FAILED: …` alone is other
//! tools' too (ninja's `FAILED: {target}`), so it is Alembic's only below
//! that record, or in a step that runs `alembic` when it reads as a sentence
//! (ninja's outputs are paths). Blockers: the remedy
//! (stamping, merging heads, restoring a script) is a person's.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::shell_lex;

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
    // Without the record, only Alembic's message form: a sentence opening
    // with a word (`Target database …`, `Can't locate …`), never ninja's
    // `FAILED: {outputs}` (paths, or `[code=1] {outputs}` since 1.12) of a
    // build the same step runs.
    let sentence = regex!(r"^[A-Z][a-z']+ ").is_match(message);
    let alembics = recorded || (runs_alembic && sentence);
    if !alembics {
        return None;
    }
    let why = match regex!(r"^Can't locate revision identified by '([^']+)'").captures(message) {
        Some(r) => match named_by_command(line.script, &r[1]) {
            Some(true) => format!(
                " The step's alembic command names revision {}, which no migration script of this checkout has (a \
                 mistyped or stale id, or a script deleted or renamed): a person corrects the command or restores \
                 the script.",
                &r[1]
            ),
            Some(false) => format!(
                " No migration script of this checkout has revision {}: the step's alembic command names a \
                 revision from a variable, so it or the database's alembic_version may name it; a person's call.",
                &r[1]
            ),
            None => format!(
                " The database's alembic_version names revision {}, which no migration script of this checkout has \
                 (a script deleted or renamed, or the database migrated from another branch): a person restores the \
                 script or stamps the database.",
                &r[1]
            ),
        },
        None => String::new(),
    };
    Some(Hit::blocker(format!("Alembic failed: {message}.{why}")))
}

/// Whether the step's script gives alembic the revision itself: Alembic
/// raises `Can't locate revision identified by '{rev}'` for any revision it
/// cannot resolve (`_catch_revision_errors` in `script/base.py`), the
/// database's alembic_version or one its command line names (`alembic
/// upgrade {rev}`, `downgrade {rev}-1`, `stamp {rev}`). `Some(true)`: a word
/// after the subcommand holds `rev`; `Some(false)`: none does, but one is
/// a variable's (`downgrade "$TARGET"`), so either may name it; `None`: the
/// command names none (`upgrade head`), or the script shows no alembic.
fn named_by_command(script: &str, rev: &str) -> Option<bool> {
    const SUBCOMMANDS: &[&str] = &[
        "upgrade",
        "downgrade",
        "stamp",
        "show",
        "history",
        "merge",
        "edit",
        "revision",
    ];
    let mut variable = false;
    for logical in shell_lex::logical_lines(script) {
        let Ok(lexed) = shell_lex::lex(&logical.code) else {
            continue;
        };
        for command in &lexed.commands {
            let mut words = command.argv();
            let program = words.next().map(|w| shell_lex::program_name(&w.text));
            if program != Some("alembic") {
                continue;
            }
            let args = words.skip_while(|w| !SUBCOMMANDS.contains(&w.text.as_str())).skip(1);
            for word in args.filter(|w| !w.text.starts_with('-')) {
                if word.text.contains(rev) {
                    return Some(true);
                }
                variable |= word.expands;
            }
        }
    }
    variable.then_some(false)
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

    /// Without Alembic's record above it, a `FAILED:` line in a step that
    /// also runs alembic is read only in Alembic's message form (a sentence):
    /// ninja's `FAILED: {outputs}` (a pip build of an extension, indented in
    /// pip's output, or ninja 1.12's `FAILED: [code=1] {outputs}`) is not.
    #[test]
    fn ninjas_failed_target_in_an_alembic_step_is_not_alembics() {
        let script = "pip install -e .\nalembic upgrade head";
        for text in [
            "      FAILED: src/fastgeo/_speedups.cpython-312-x86_64-linux-gnu.so.p/_speedups.c.o",
            "FAILED: [code=1] CMakeFiles/geo.dir/src/geo.c.o",
            "FAILED: CMakeFiles/geo.dir/src/geo.c.o CMakeFiles/geo.dir/src/geo.c.o.d",
        ] {
            assert!(after("[2/9] Compiling C object", text, script).is_none(), "{text}");
        }
        for text in [
            "  FAILED: Target database is not up to date.",
            "  FAILED: Can't locate revision identified by 'e31c0b2a9f44'",
            "  FAILED: No config file 'alembic.ini' found, or file has no '[alembic]' section",
        ] {
            assert!(
                after(
                    "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.",
                    text,
                    script
                )
                .is_some(),
                "{text}"
            );
        }
    }

    /// `Can't locate revision identified by '{rev}'` is any `ResolutionError`
    /// (`_catch_revision_errors`): the database's alembic_version only where
    /// the step's alembic command does not name a revision itself.
    #[test]
    fn a_revision_the_command_names_is_not_blamed_on_the_database() {
        let read = |script: &str| {
            after(
                "ERROR [alembic.util.messaging] Can't locate revision identified by '3f2a9c'",
                "  FAILED: Can't locate revision identified by '3f2a9c'",
                script,
            )
            .expect(script)
            .message
        };
        for script in [
            "alembic upgrade 3f2a9c",
            "cd backend\nalembic -c alembic.ini stamp 3f2a9c",
            "alembic downgrade 3f2a9c-1",
        ] {
            let named = read(script);
            assert!(
                named.contains("the command") && !named.contains("alembic_version names"),
                "{script}: {named}"
            );
        }
        for script in [
            "alembic downgrade \"$TARGET_REVISION\"",
            "alembic downgrade ${{ inputs.rev }}",
        ] {
            let variable = read(script);
            assert!(
                variable.contains("from a variable") && !variable.contains("alembic_version names"),
                "{script}: {variable}"
            );
        }
        for script in [
            "alembic upgrade head",
            "",
            "alembic -c \"$ALEMBIC_CONFIG\" upgrade head",
        ] {
            assert!(
                read(script).contains("alembic_version names revision 3f2a9c"),
                "{script}"
            );
        }
    }
}
