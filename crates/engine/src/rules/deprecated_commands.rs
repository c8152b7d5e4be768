//! `deprecated-commands`: `::set-output`, `::save-state`, `::set-env` and
//! `::add-path` workflow commands, disabled or deprecated since 2020-2022,
//! in a workflow's `run:` steps and a composite action's (the runner reads
//! the output of both the same way).
//! The fix rewrites `echo "::set-output name=x::v"` to
//! `echo "x=v" >> "$GITHUB_OUTPUT"` (and the same for the others).

use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::model::Step;
use crate::yaml::ScalarStyle;

pub const RULE: Rule = Rule {
    id: "deprecated-commands",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`::set-output`, `::save-state`, `::set-env` and `::add-path` are deprecated or disabled; write to the environment files.",
    kinds: ALL_FILES,
    codes: &[SET_OUTPUT, SAVE_STATE, SET_ENV, ADD_PATH],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["jobs.*.steps.*.run", "runs.steps.*.run", "runs.steps.*.shell"],
        expressions: false,
        step_shell: true,
        plain_scalars: None,
    },
    check,
};

// One check code per command.
pub const SET_OUTPUT: &str = "deprecated-commands/set-output";
pub const SAVE_STATE: &str = "deprecated-commands/save-state";
pub const SET_ENV: &str = "deprecated-commands/set-env";
pub const ADD_PATH: &str = "deprecated-commands/add-path";

/// `(command, file variable, check code)`.
const COMMANDS: &[(&str, &str, &str)] = &[
    ("set-output", "GITHUB_OUTPUT", SET_OUTPUT),
    ("save-state", "GITHUB_STATE", SAVE_STATE),
    ("set-env", "GITHUB_ENV", SET_ENV),
    ("add-path", "GITHUB_PATH", ADD_PATH),
];

fn check(ctx: &mut Context<'_>) {
    if ctx.kind == crate::model::FileKind::Action {
        let Some(root) = ctx.root() else { return };
        for (index, node) in crate::model::composite_steps(root).iter().enumerate() {
            // A composite `run` step names its shell (the runner requires it).
            check_step(ctx, &Step { index, node }, || {
                node.get("shell").and_then(|s| s.as_str())
            });
        }
        return;
    }
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        for step in &job.steps {
            // Unknown (no fix) when the runners differ or are not known.
            check_step(ctx, step, || super::runner_label::step_shell(wf.root, job, step.node));
        }
    }
}

/// `shell` is asked only for a script that has a `::`: the runner's OS
/// (`runner_label::job_oses`, a few thousand instructions) was read for
/// every step of the corpus, nearly all without a command.
fn check_step<'s>(ctx: &mut Context<'_>, step: &Step<'_>, shell: impl FnOnce() -> Option<&'s str>) {
    let Some(run) = step.run() else { return };
    let Some(scalar) = run.as_scalar() else { return };
    let span = run.span;
    let raw = ctx.text(span);
    if !raw.contains("::") {
        return;
    }
    let shell = shell();
    // Byte offsets in `raw` match the file only for block scalars and
    // plain/single-quoted one-liners without escapes.
    let fixable =
        matches!(shell, Some("bash" | "sh")) && matches!(scalar.style, ScalarStyle::Literal | ScalarStyle::Plain);
    for (cmd, var, code) in COMMANDS {
        let needle = format!("::{cmd}");
        let mut from = 0;
        while let Some(i) = raw[from..].find(&needle) {
            let at = from + i;
            from = at + needle.len();
            // `::set-output name=…::` or `::add-path::`; not e.g. `::set-output-foo`.
            if !raw[from..].starts_with([' ', ':']) {
                continue;
            }
            // The runner (`ActionCommand.TryParseV2`) reads a line as a
            // command only when a second `::` ends the name and properties;
            // `::set-output` in prose (`Never write ::set-output here.`) is
            // printed as it is.
            let line_end = raw[from..].find('\n').map_or(raw.len(), |i| from + i);
            if !raw[from..line_end].contains("::") {
                continue;
            }
            // The runner reads a command only where an output line starts
            // with `::`; after a word (`::notice::set-output …`) the text is
            // another command's message.
            if raw[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '='))
            {
                continue;
            }
            let start = span.start + at;
            let message = format!(
                "workflow command \"{cmd}\" is deprecated; write to the ${var} file instead: `echo \"{}\" >> \"${var}\"`",
                replacement_line(cmd, &raw[from..])
            );
            let fix = if fixable {
                rewrite(ctx.path, raw, span.start, at, cmd, var)
            } else {
                None
            };
            // `set-env`/`add-path` are disabled (the step fails); the other
            // two still work with a warning.
            let severity = if matches!(*cmd, "set-env" | "add-path") {
                Severity::Error
            } else {
                Severity::Warning
            };
            let d = ctx
                .report_at(
                    severity,
                    crate::text::TextRange::new(start, start + needle.len()),
                    message,
                )
                .set_code(code);
            if let Some(f) = fix {
                d.fixes.push(f);
            }
        }
    }
}

/// What the command writes, in the file's `NAME=VALUE` (or path) form, from
/// the text after `::cmd` on its line: the step's own name and value when
/// they can be read, else placeholders.
fn replacement_line(cmd: &str, after: &str) -> String {
    let line = after.lines().next().unwrap_or("");
    // The value ends where the echoed string does.
    let line = line.split(['"', '\'']).next().unwrap_or(line).trim_end();
    if cmd == "add-path" {
        return match line.strip_prefix("::") {
            Some(path) if !path.is_empty() => path.to_string(),
            _ => "PATH".to_string(),
        };
    }
    match line.strip_prefix(" name=").and_then(|rest| rest.split_once("::")) {
        Some((name, value)) if !name.is_empty() && !name.contains(' ') => format!("{name}={value}"),
        _ => "NAME=VALUE".to_string(),
    }
}

/// Rewrite the `echo` command around `at` (the `::` of the command), when it
/// is a plain `echo "::cmd name=N::V"` on one line.
fn rewrite(path: &str, raw: &str, base: usize, at: usize, cmd: &str, var: &str) -> Option<Fix> {
    let line_start = raw[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = raw[at..].find('\n').map_or(raw.len(), |i| at + i);
    let before = &raw[line_start..at];
    let (quote, echo_at) = match before.trim_end().strip_suffix(['"', '\'']) {
        Some(rest) if rest.trim_end().ends_with("echo") => (&before[before.len() - 1..], rest.trim_end().len() - 4),
        _ if before.trim_end().ends_with("echo") => ("", before.trim_end().len() - 4),
        _ => return None,
    };
    if !before[..echo_at].trim().is_empty() && !before[..echo_at].trim_end().ends_with([';', '&', '|']) {
        return None;
    }
    let after = &raw[at + 2 + cmd.len()..line_end];
    let (body, rest) = match quote {
        "" => after
            .split_once([';', '&', '|', '>', '#'])
            .map_or((after.trim_end(), ""), |(b, _)| (b.trim_end(), "x")),
        q => after.split_once(q)?,
    };
    if !quote.is_empty() && !rest.trim().is_empty() {
        return None;
    }
    if quote.is_empty() && !rest.is_empty() {
        return None;
    }
    let new_body = if cmd == "add-path" {
        body.strip_prefix("::")?.to_string()
    } else {
        let (name, value) = body.strip_prefix(" name=")?.split_once("::")?;
        if name.is_empty() || name.contains(['"', '\'', ' ']) {
            return None;
        }
        format!("{name}={value}")
    };
    let end = at + 2 + cmd.len() + body.len() + quote.len();
    let start = line_start + echo_at;
    let new_text = format!("echo {quote}{new_body}{quote} >> \"${var}\"");
    Some(
        Fix::unsafe_(format!("Write to ${var} instead of `::{cmd}`"), vec![Edit::replace(path, crate::text::TextRange::new(base + start, base + end), new_text)])
            .with_explanation(format!(
                "GitHub disabled or deprecated the `::{cmd}` workflow command; appending to the file named by ${var} is the replacement. Multi-line values need the `name<<EOF` form."
            )),
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, lint_rule, render};

    /// A composite action's `run` steps print to the same runner, so their
    /// disabled commands fail the same way; the fix follows the step's shell.
    #[test]
    fn composite_action_steps_are_checked() {
        use crate::config::Config;
        use crate::lint::{LintOptions, lint};
        let src = "name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: |\n        echo \"::add-path::/opt/bin\"\n        echo ok\n    - shell: pwsh\n      run: Write-Output \"::set-env name=A::b\"\n    - uses: ./x\n";
        let config = Config::default();
        let idx = crate::text::LineIndex::new(src);
        let got: Vec<(String, u32, bool)> = lint("act/action.yml", src.as_bytes(), &LintOptions::new(&config))
            .into_iter()
            .filter(|d| d.rule == "deprecated-commands")
            .map(|d| {
                (
                    d.code.to_string(),
                    idx.line_column(src, d.range.start).line,
                    !d.fixes.is_empty(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("deprecated-commands/add-path".to_string(), 8, true),
                ("deprecated-commands/set-env".to_string(), 11, false)
            ]
        );
        // A JavaScript action has no steps to read.
        let js = "name: a\ndescription: d\nruns:\n  using: node24\n  main: i.js\n";
        assert!(
            lint("act/action.yml", js.as_bytes(), &LintOptions::new(&config))
                .iter()
                .all(|d| d.rule != "deprecated-commands")
        );
    }

    #[test]
    fn a_command_named_in_another_commands_message_is_not_one() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo '::notice::set-output is gone' && echo \"::warning title=x::add-path removed\"\n      - run: |\n          echo ok\n          echo \"::set-output name=a::b\"\n";
        let lines: Vec<usize> = lint_rule(src, "deprecated-commands")
            .iter()
            .map(|d| src[..d.range.start].lines().count())
            .collect();
        assert_eq!(lines, [9], "only the real set-output command on line 9");
    }

    /// The runner parses `::name props::data`: without the second `::` on
    /// the line, the text is printed, not run, so it is no command.
    #[test]
    fn a_command_name_without_its_closing_separator_is_not_one() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          cat <<'TXT'\n          Never write ::set-output here, use GITHUB_OUTPUT.\n          TXT\n          echo ::add-path::/opt/bin\n          echo \"::save-state name=a::b\"\n";
        let lines: Vec<usize> = lint_rule(src, "deprecated-commands")
            .iter()
            .map(|d| src[..d.range.start].lines().count())
            .collect();
        assert_eq!(lines, [10, 11], "the prose on line 8 is not a command");
    }

    const SRC: &str = include_str!("../../tests/rules/deprecated-commands/four-commands.yml");

    #[test]
    fn the_fix_writes_to_the_environment_file() {
        let out = apply_first_fix(SRC, "deprecated-commands");
        assert!(
            out.contains("          echo \"version=${VERSION}\" >> \"$GITHUB_OUTPUT\"\n"),
            "{out}"
        );
        let fixed_all = SRC
            .replace(
                "echo \"::set-output name=version::${VERSION}\"",
                "echo \"version=${VERSION}\" >> \"$GITHUB_OUTPUT\"",
            )
            .replace("echo '::save-state name=pid::42'", "echo 'pid=42' >> \"$GITHUB_STATE\"")
            .replace("echo ::set-env name=A::b", "echo A=b >> \"$GITHUB_ENV\"")
            .replace("echo \"::add-path::/opt/bin\"", "echo \"/opt/bin\" >> \"$GITHUB_PATH\"");
        assert!(render(&fixed_all, "deprecated-commands").is_empty());
        let diags = crate::rules::test_support::lint_rule(SRC, "deprecated-commands");
        let fixes: Vec<&str> = diags
            .iter()
            .flat_map(|d| d.fixes.iter().flat_map(|f| f.edits.iter().map(|e| e.new_text.as_str())))
            .collect();
        assert_eq!(
            fixes,
            [
                "echo \"version=${VERSION}\" >> \"$GITHUB_OUTPUT\"",
                "echo 'pid=42' >> \"$GITHUB_STATE\"",
                "echo A=b >> \"$GITHUB_ENV\"",
                "echo \"/opt/bin\" >> \"$GITHUB_PATH\""
            ]
        );
    }
}
