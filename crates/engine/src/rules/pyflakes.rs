//! `pyflakes`: when the front end provides a Python
//! [`crate::external::ScriptChecker`] and `pyflakes: true` is configured,
//! pyflakes' findings in the `run:` scripts GitHub runs with Python
//! (`shell: python`, or a custom `python … {0}` command, on the step or in
//! the job's or the workflow's `defaults.run`), mapped back to the lines of
//! the YAML block. `${{ }}` expressions are replaced by same-length
//! placeholders first, and what pyflakes says about a placeholder is
//! dropped: it is about the substitution, not the script.

#[cfg(test)]
mod tests;

use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::Severity;
use crate::external::{Script, ScriptFinding, ScriptLanguage};
use crate::model::FileKind;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "pyflakes",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "pyflakes on Python `run:` scripts (`shell: python`) when installed (info, unless the config raises it).",
    kinds: ALL_FILES,
    codes: &[SYNTAX_ERROR, FINDING],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["jobs.*.steps.*.run"],
        expressions: true,
        step_shell: true,
        plain_scalars: None,
    },
    check,
};

/// A Python `run:` script that the checking machine's Python does not parse.
pub const SYNTAX_ERROR: &str = "pyflakes/syntax-error";
/// Any other pyflakes finding (an undefined name, an unused import, …).
pub const FINDING: &str = "pyflakes/finding";

/// Is `shell` a shell that runs the script with Python? GitHub's `python`
/// keyword (matched case-insensitively, like every shell name), or a custom
/// command with `{0}` whose program is a Python 3 interpreter (`python`,
/// `python3`, `python3.12`, with or without a directory). A shell computed
/// by `${{ }}` is unknown.
pub fn is_python_shell(shell: &str) -> bool {
    let shell = shell.trim();
    if shell.contains("${{") {
        return false;
    }
    if shell.eq_ignore_ascii_case("python") {
        return true;
    }
    if !shell.contains("{0}") {
        return false;
    }
    let Some(program) = shell
        .split_whitespace()
        .next()
        .and_then(|p| p.rsplit(['/', '\\']).next())
    else {
        return false;
    };
    let program = program.to_ascii_lowercase();
    let program = program.strip_suffix(".exe").unwrap_or(&program);
    match program.strip_prefix("python") {
        Some("") | Some("3") => true,
        Some(version) => version
            .strip_prefix("3.")
            .is_some_and(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

fn check(ctx: &mut Context<'_>) {
    let Some(checker) = ctx.python_checker else { return };
    if !ctx.config.pyflakes {
        return;
    }
    let Some(root) = ctx.root() else { return };
    let mut scripts: Vec<(&Node, Script)> = Vec::new();
    match ctx.kind {
        FileKind::Workflow => {
            let Some(wf) = ctx.workflow else { return };
            for job in &wf.jobs {
                for step in &job.steps {
                    let shell = job.written_shell(root, step.node).and_then(Node::as_str);
                    queue_script(step.node, shell, &mut scripts);
                }
            }
        }
        FileKind::Action => {
            for step in crate::model::composite_steps(root) {
                queue_script(step, step.get("shell").and_then(Node::as_str), &mut scripts);
            }
        }
    }
    if scripts.is_empty() {
        return;
    }
    let batch: Vec<Script> = scripts.iter().map(|(_, s)| s.clone()).collect();
    let findings = checker.check(&batch);
    let mut syntax_error_shown: Vec<usize> = Vec::new();
    for f in findings {
        let Some((node, script)) = scripts.get(f.script) else {
            continue;
        };
        let Some(text) = node.as_str() else { continue };
        let syntax_error = f.severity == Severity::Error;
        // Python stops at its first syntax error; one per script.
        if syntax_error && syntax_error_shown.contains(&f.script) {
            continue;
        }
        if about_substitution(text, &script.text, &f) {
            continue;
        }
        let end = token_end(&script.text, f.start).max(f.end);
        let range = super::shell::script_range(ctx.source, node, f.start, end);
        if syntax_error {
            syntax_error_shown.push(f.script);
            // Info like the other findings: pyflakes parses with the Python it
            // runs under, which may be older than the runner's (`match`,
            // `except*`, PEP 701 f-strings, `type X = …` are syntax errors
            // before 3.10-3.12), so a script the job runs fine could fail CI.
            ctx.report_at(
                Severity::Info,
                range,
                format!(
                    "pyflakes: {} (as parsed by the Python pyflakes runs under here)",
                    f.message
                ),
            )
            .set_code(SYNTAX_ERROR);
        } else {
            // Advice, like shellcheck's: it fails CI only when the config
            // raises the rule's severity.
            ctx.report_at(Severity::Info, range, format!("pyflakes: {}", f.message))
                .set_code(FINDING);
        }
    }
}

fn queue_script<'n>(step: &'n Node, shell: Option<&str>, scripts: &mut Vec<(&'n Node, Script)>) {
    let python = shell.is_some_and(is_python_shell).then_some(ScriptLanguage::Python);
    super::shell::queue_script(step, python, scripts);
}

/// Is finding `f` about a `${{ }}` placeholder rather than the script?
/// GitHub substitutes a value there; pyflakes sees a name made of
/// underscores. So a finding is dropped when the name or token it points
/// at runs into an expression (`undefined name '____'`, also for
/// `prefix${{ x }}`), when its message quotes a name holding a placeholder
/// (`'_____' imported but unused`, reported at the `import`), or, for a
/// syntax error, when its line holds an expression (two placeholders side
/// by side, a placeholder after a number). A real syntax error on such a
/// line goes unreported: a wrong error is worse than a missed one.
fn about_substitution(text: &str, masked: &str, f: &ScriptFinding) -> bool {
    let expressions = expression_ranges(text);
    if expressions.is_empty() {
        return false;
    }
    let overlaps = |start: usize, end: usize| expressions.iter().any(|e| e.start < end && start < e.end);
    if f.severity == Severity::Error {
        let bytes = masked.as_bytes();
        let at = f.start.min(bytes.len());
        let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line_end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i);
        return overlaps(line_start, line_end.max(line_start + 1));
    }
    let end = token_end(masked, f.start).max(f.end).max(f.start + 1);
    overlaps(f.start, end) || quotes_placeholder(&f.message)
}

/// The byte ranges of every `${{ … }}` of `text` (an unclosed one runs to
/// the end, as [`mask_expressions`](crate::external::mask_expressions) leaves it unmasked but unparsable).
fn expression_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("${{") {
        let open = from + open;
        let close = text[open..].find("}}").map_or(text.len(), |c| open + c + 2);
        out.push(open..close);
        from = close;
    }
    out
}

/// Does `message` quote (`'…'`) a name with a run of five underscores, the
/// shortest placeholder (`${{}}`)? Real names with one are not written.
fn quotes_placeholder(message: &str) -> bool {
    message
        .split('\'')
        .skip(1)
        .step_by(2)
        .any(|quoted| quoted.contains("_____"))
}

/// The end of the identifier starting at `start` (pyflakes points at a
/// name's first character), or `start` when none starts there.
fn token_end(text: &str, start: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return start;
    };
    start
        + rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i)
}
