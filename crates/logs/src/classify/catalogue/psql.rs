//! psql, PostgreSQL's terminal.
//!
//! Source: PostgreSQL's `src/bin/psql`. `process_file` (`command.c`) opens
//! the file of `-f {file}` (and of `\i` / `\ir`) with `fopen` and, when that
//! fails, logs `pg_log_error("%s: %m", filename)`; `openQueryOutputFile`
//! (`common.c`) logs the very same `{file}: {strerror}` when it cannot
//! create the file of `-o {file}` (and of `\o`, `\g`), as `\w` does. The
//! logging module (`src/common/logging.c`) prints `psql: error: {message}`,
//! or, while psql reads a script (its location callback reports the input
//! file and line), `psql:{script}:{line}: error: {message}`. psql prints the
//! path canonicalized (`canonicalize_path`: no `./`, forward slashes on
//! Windows too).
//!
//! So the words alone do not say whether a file psql was to read is missing
//! or the directory of one it was to write: the step's script does.
//!
//! - `psql: error: {path}: No such file or directory` where the step's script
//!   gives psql `{path}` with `-f` / `--file`: the SQL file the step runs is
//!   missing (`file_not_found`, the path as the script's directory makes it).
//! - the same where the script gives it with `-o` / `--output`: psql could not
//!   create its output there, a missing directory of the run's own output,
//!   never a file of the repository that moved (a blocker).
//! - the same where the script does not show which (a path from a variable,
//!   a `-c '\i …'`, no script in the log): `file_not_found`, not fixable;
//!   but words with spaces the script does not show are libpq's message
//!   (`could not open certificate file "…"`), not a path, and `could not
//!   connect to server` (psql 12/13) or `connection to server … failed`
//!   (14+) is a server that is not up: neither is read here.
//! - `psql:{script}:{line}: error: {path}: …`: a path a SQL script names
//!   (`\i`, `\o`, `\copy`), read or written, which no edit of the workflow
//!   reaches (a blocker naming the script and line).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::shell_lex;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "psql/file-missing",
    grammar: "psql: error: {path}: No such file or directory | psql:{script}:{line}: error: {path}: No such file or \
              directory",
    needles: &["psql: error: ", "psql:"],
    check: file_missing,
    examples: &[
        ex(
            "psql: error: db/schema.sql: No such file or directory",
            Category::FileNotFound,
            Some("db/schema.sql"),
        ),
        ex(
            "psql:db/seed.sql:3: error: db/fixtures/users.sql: No such file or directory",
            Category::Unknown,
            None,
        ),
    ],
}];

/// How the step's script hands psql a path.
#[derive(Debug, PartialEq, Eq)]
enum Given {
    /// `-f {path}`, `-f{path}`, `--file {path}`, `--file={path}`: a file psql reads.
    Input,
    /// `-o {path}`, `--output …`: a file psql writes.
    Output,
}

fn file_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^psql(?::(.+?):(\d+))?: error: (.+?): No such file or directory$").captures(line.text.trim())?;
    let path = &c[3];
    // psql 14+'s `connection to server … failed: …` and 12/13's `could not
    // connect to server: …` are libpq's words for a server that is not up.
    if path.contains(": ") || path.starts_with("connection to server") || path.starts_with("could not connect to") {
        return None;
    }
    if let (Some(script), Some(at)) = (c.get(1), c.get(2)) {
        return Some(Hit::blocker(format!(
            "psql could not open `{path}`, which the SQL script {} names at line {} (an `\\i`, `\\o` or `\\copy` \
             there): the script names it, not the workflow, so no workflow edit reaches it (a manual fix).",
            script.as_str(),
            at.as_str()
        )));
    }
    match given(line.script, path) {
        Some(Given::Input) => Some(path_hit(
            &super::shell::in_script_dir(path, line),
            0.75,
            "psql could not open the SQL file its -f option names.",
        )),
        Some(Given::Output) => Some(Hit::blocker(format!(
            "psql could not create its output file `{path}` (its -o option): a directory of the run's output is \
             missing; the file is written by the step, not one of the repository that moved (a manual fix)."
        ))),
        // Words with spaces the script does not give psql are libpq's or
        // psql's own (`could not open certificate file "…"`), not a path.
        None if path.contains(char::is_whitespace) => None,
        None => {
            let mut hit = path_hit(
                path,
                0.6,
                "psql could not open a file it was given, and the step's script does not show whether psql was to \
                 read it (-f) or write it (-o), so no fix is made.",
            );
            hit.fixable = false;
            Some(hit)
        }
    }
}

/// How the step's script gives psql `path` (as psql prints it: no `./`,
/// forward slashes), when one of its psql commands names it literally.
fn given(script: &str, path: &str) -> Option<Given> {
    let same = |word: &str| word.replace('\\', "/").trim_start_matches("./") == path;
    let mut found = None;
    let logical = shell_lex::logical_lines(script);
    for lexed in logical.iter().filter_map(|l| shell_lex::lex(&l.code).ok()) {
        for command in &lexed.commands {
            let words: Vec<&str> = command.argv().map(|w| w.text.as_str()).collect();
            let Some((program, args)) = words.split_first() else {
                continue;
            };
            if !matches!(shell_lex::program_name(program), "psql" | "psql.exe") {
                continue;
            }
            for (i, arg) in args.iter().enumerate() {
                let next = args.get(i + 1).copied().unwrap_or("");
                let (kind, value) = match *arg {
                    "-f" | "--file" => (Given::Input, next),
                    "-o" | "--output" => (Given::Output, next),
                    a if a.starts_with("--file=") => (Given::Input, &a["--file=".len()..]),
                    a if a.starts_with("--output=") => (Given::Output, &a["--output=".len()..]),
                    a if a.starts_with("-f") && a.len() > 2 => (Given::Input, &a[2..]),
                    a if a.starts_with("-o") && a.len() > 2 => (Given::Output, &a[2..]),
                    _ => continue,
                };
                if same(value) {
                    // Named both ways (read and written): the script does not say which failed.
                    if found.as_ref().is_some_and(|f| *f != kind) {
                        return None;
                    }
                    found = Some(kind);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, script: &str) -> Hit {
        let line = Line {
            script,
            ..Line::plain(text)
        };
        file_missing(&line).expect(text)
    }

    /// The file `-f` names is the SQL file the step runs: missing, and a fix
    /// may follow it where it moved (relative to a `cd` the script made).
    #[test]
    fn the_file_psql_was_to_run() {
        for (script, text, path) in [
            (
                "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f db/schema.sql",
                "psql: error: db/schema.sql: No such file or directory",
                "db/schema.sql",
            ),
            (
                "psql -h localhost -U postgres --file=./db/schema.sql app",
                "psql: error: db/schema.sql: No such file or directory",
                "db/schema.sql",
            ),
            (
                "cd services/routes && psql -fdb/seed.sql",
                "psql: error: db/seed.sql: No such file or directory",
                "services/routes/db/seed.sql",
            ),
            // A command continued with `\` is one command: its `-f` is read
            // on the next physical line.
            (
                "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 \\\n  -f db/schema.sql",
                "psql: error: db/schema.sql: No such file or directory",
                "db/schema.sql",
            ),
        ] {
            let hit = read(text, script);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some(path), true),
                "{script}"
            );
        }
    }

    /// The same words for a file psql was to write (`-o`): the output's
    /// directory is missing, nothing of the repository moved; a path the
    /// script hides in a variable, names both ways or writes in PowerShell is
    /// named, never fixed.
    #[test]
    fn a_written_or_unshown_path_is_never_fixed() {
        let written = read(
            "psql: error: reports/schema.txt: No such file or directory",
            "psql -h localhost -c '\\d+' -o reports/schema.txt app",
        );
        assert_eq!((written.category, written.fixable), (Category::Unknown, false));
        assert!(written.message.contains("output"), "{}", written.message);
        for script in [
            "psql -f \"$SCHEMA_FILE\"",
            "psql -c '\\i db/schema.sql'",
            "",
            "psql -f db/schema.sql -o db/schema.sql",
            // A PowerShell step's backslashes are not a POSIX script's words:
            // the lexer cannot show the path, so nothing is fixed.
            "psql.exe -f db\\schema.sql",
        ] {
            let hit = read("psql: error: db/schema.sql: No such file or directory", script);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some("db/schema.sql"), false),
                "{script}"
            );
        }
    }

    /// A path a SQL script names (`\i` inside it): psql's location prefix
    /// says so, and no workflow edit reaches it; psql's connection refusals
    /// are not missing files.
    #[test]
    fn a_path_a_sql_script_names_is_the_scripts() {
        let hit = read(
            "psql:db/seed.sql:3: error: db/fixtures/users.sql: No such file or directory",
            "psql -f db/seed.sql",
        );
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(
            hit.message.contains("db/seed.sql") && hit.message.contains("line 3"),
            "{}",
            hit.message
        );
        crate::classify::catalogue::assert_reads(
            file_missing,
            &[],
            &[
                "psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: No such \
                 file or directory",
                "psql: error: connection to server at \"postgres\" (172.18.0.2), port 5432 failed: FATAL:  role \
                 \"root\" does not exist",
                "cat: db/schema.sql: No such file or directory",
            ],
        );
    }

    /// PostgreSQL 12/13's psql words a server that is not up as `could not
    /// connect to server: No such file or directory` (then `Is the server
    /// running locally …`; rapid7/metasploit-framework#14455): no file is
    /// missing. Nor is libpq's own `could not open certificate file "…"`
    /// a path the script gave psql: words with spaces the script does not
    /// show are psql's, not a path.
    #[test]
    fn psql_13s_connection_refusal_is_no_missing_file() {
        for text in [
            "psql: error: could not connect to server: No such file or directory",
            "psql: could not connect to server: No such file or directory",
            "psql: error: could not open certificate file \"/root/.postgresql/postgresql.crt\": No such file or \
             directory",
        ] {
            let line = Line {
                script: "until psql -h localhost -U postgres -c 'select 1'; do sleep 1; done",
                ..Line::plain(text)
            };
            assert!(file_missing(&line).is_none(), "{text}");
        }
        // A path with a space that the script does name is still read.
        let hit = read(
            "psql: error: db/initial schema.sql: No such file or directory",
            "psql -f 'db/initial schema.sql'",
        );
        assert_eq!(hit.category, Category::FileNotFound);
    }
}
