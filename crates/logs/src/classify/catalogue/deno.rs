//! Deno.
//!
//! Sources: Deno's module loader (`error: Module not found "{specifier}".`,
//! followed by `    at {referrer}:{line}:{col}` when a module imported it, alone
//! for the entry point; `error: Import '{url}' failed: {status} {reason}` for a
//! remote module, whose 429 `http` reads), `deno task`'s `Task not found:
//! {name}` (Deno 2 with `error: ` before it) and the type checker's
//! `TS{code} [ERROR]: {message}` with `error: Type checking failed.` at the end;
//! `deno lint`'s diagnostics, `error[{rule}]: {message}` with ` --> {path}:{l}:{c}`
//! under it and `Found {n} problem(s)` at the end (rule names are lower-case
//! words joined by `-`, unlike rustc's `error[E0425]`).
//!
//! A module missing from the code's imports is a code error; only the entry
//! point the step's own command names is a missing file of the workflow.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::workspace_pattern;
use crate::words::{WordChars, has_word};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "deno/module-not-found",
        grammar: "error: Module not found \"{specifier}\".",
        needles: &["error: Module not found \""],
        check: module_not_found,
        examples: &[ex(
            "error: Module not found \"file:///home/runner/work/kv/kv/src/utils/clock.ts\".",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "deno/task-not-found",
        grammar: "[error: ]Task not found: {name}",
        needles: &["Task not found: "],
        check: task_not_found,
        examples: &[ex("error: Task not found: lint:ci", Category::Unknown, None)],
    },
    Entry {
        id: "deno/lint-diagnostic",
        grammar: "error[{rule}]: {message} (then ` --> {path}:{line}:{col}`)",
        needles: &["error["],
        check: lint_diagnostic,
        examples: &[ex(
            "error[no-unused-vars]: `offset` is never used",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "deno/type-error",
        grammar: "TS{code} [ERROR]: {message}",
        needles: &[" [ERROR]: "],
        check: type_error,
        examples: &[ex(
            "TS2322 [ERROR]: Type 'string' is not assignable to type 'number'.",
            Category::Unknown,
            None,
        )],
    },
];

fn module_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^error: Module not found "([^"]+)"\.?$"#).captures(line.text.trim())?;
    let specifier = &c[1];
    let entry_point = specifier
        .strip_prefix("file://")
        .and_then(workspace_pattern)
        .filter(|path| mentions_path(line.script, path));
    Some(match entry_point {
        Some(path) => path_hit(&path, 0.7, "Deno was asked to run a module that does not exist."),
        None => Hit::blocker("A module the code imports does not exist (an import path to fix in the code)."),
    })
}

/// The script names `path` as a whole shell word (not as part of a longer
/// path), also as `./{path}`.
fn mentions_path(script: &str, path: &str) -> bool {
    has_word(script, path, WordChars::ShellWord) || has_word(script, &format!("./{path}"), WordChars::ShellWord)
}

fn task_not_found(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:error: )?Task not found: \S+$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("deno.json has no task with that name."))
}

/// The `error[{kebab-name}]:` shape is not deno's alone (cargo-deny's
/// `error[vulnerability]`, `error[rejected]`, zizmor's audits print it too),
/// so deno is named only where deno ran: the step's script or a recent line
/// names it (final review A, 1). Elsewhere the finding is a checker's,
/// unnamed; either way a blocker for a person.
fn lint_diagnostic(line: &Line<'_>) -> Option<Hit> {
    if !regex!(r"^error\[[a-z][a-z0-9]*(?:-[a-z0-9]+)*\]: ").is_match(line.text.trim_start()) {
        return None;
    }
    let deno_ran = line.script.contains("deno") || line.recent.iter().any(|l| l.contains("deno"));
    Some(Hit::blocker(if deno_ran {
        "`deno lint` found problems in the code."
    } else {
        "a linter or checker reported a finding (`error[{rule}]: …`) that fails the step: the code or the \
         checker's policy is a person's to change."
    }))
}

fn type_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:error: )?TS\d+ \[ERROR\]: ")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("Deno's type check failed (a TypeScript error in the code)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, script: &str) -> Hit {
        let line = Line {
            script,
            ..Line::plain(text)
        };
        module_not_found(&line).expect("read")
    }

    /// Deno is named only where deno ran: cargo-deny's advisory and license
    /// codes have the same shape (final review A, 1).
    #[test]
    fn deno_is_named_only_where_it_ran() {
        let text = "error[vulnerability]: Use of a broken or risky cryptographic algorithm";
        let other = lint_diagnostic(&Line::plain(text)).expect("read");
        assert!(!other.message.contains("deno"), "{}", other.message);
        let deno = lint_diagnostic(&Line {
            script: "deno lint",
            ..Line::plain("error[prefer-const]: `x` is never reassigned")
        })
        .expect("read");
        assert!(deno.message.contains("deno lint"), "{}", deno.message);
    }

    #[test]
    fn lint_rules_not_rustc_codes() {
        crate::classify::catalogue::assert_reads(
            lint_diagnostic,
            &[
                "error[prefer-const]: `x` is never reassigned",
                "error[no-unused-vars]: `y` is never used",
            ],
            &[
                "error[E0425]: cannot find value `x` in this scope",
                "echo error[no-unused-vars]",
            ],
        );
    }

    #[test]
    fn the_entry_point_the_step_names_is_a_missing_file_an_import_is_not() {
        let missing = "error: Module not found \"file:///home/runner/work/kv/kv/scripts/seed.ts\".";
        let hit = read(missing, "deno run --allow-read ./scripts/seed.ts");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::FileNotFound, Some("scripts/seed.ts"))
        );
        // The same module imported by the code the step runs.
        let hit = read(missing, "deno run src/main.ts");
        assert_eq!(hit.category, Category::Unknown);
        // A longer path that only ends with the module's path.
        let hit = read(missing, "deno run tools/scripts/seed.ts");
        assert_eq!(hit.category, Category::Unknown);
        let remote = "error: Module not found \"https://deno.land/x/nope/mod.ts\".";
        assert_eq!(
            read(remote, "deno run https://deno.land/x/nope/mod.ts").category,
            Category::Unknown
        );
    }
}
