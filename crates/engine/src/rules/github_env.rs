//! `github-env`: a step writing to `$GITHUB_ENV` or `$GITHUB_PATH` in a
//! workflow an outsider can trigger (`pull_request_target`, `workflow_run`,
//! `issue_comment`). A variable such as `LD_PRELOAD` or `NODE_OPTIONS`, or
//! a directory put first on `PATH`, runs code in every later step, so any
//! attacker-chosen text reaching those files is code execution.
//!
//! Confidence: high when the written line expands attacker-controlled event
//! data (`${{ github.event.pull_request.title }}`), medium when the job has
//! checked out or downloaded the trigger's files before, low otherwise
//! (pedantic). No fix: what the step needs from the environment varies;
//! `$GITHUB_OUTPUT` is usually the safer channel.

use autoheal_expr::untrusted_inputs;

use super::audit::{self, HIGH};
use super::{Context, Rule, WORKFLOWS};
use crate::config::Persona;
use crate::diagnostic::{Confidence, Severity};
use crate::text::TextRange;

pub const RULE: Rule = Rule {
    id: "github-env",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Writing attacker-influenced text to `$GITHUB_ENV`/`$GITHUB_PATH` in a privileged workflow runs code in later steps.",
    kinds: WORKFLOWS,
    codes: &[UNTRUSTED_WRITE],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Privileged triggers, steps that check out their files, scripts.
        paths: &[
            "on",
            "jobs.*.if",
            "jobs.*.steps.*.run",
            "jobs.*.steps.*.uses",
            "jobs.*.steps.*.with",
        ],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A write to `$GITHUB_ENV`/`$GITHUB_PATH` in a privileged workflow.
pub const UNTRUSTED_WRITE: &str = "github-env/untrusted-write";

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let Some(trigger) = audit::triggers(root)
        .into_iter()
        .map(|t| t.0)
        .find(|t| audit::is_privileged_trigger(t))
    else {
        return;
    };
    let steps = audit::steps(ctx);
    let mut tainted_jobs: Vec<&str> = Vec::new();
    for step in &steps {
        let job = step.job.map_or("", |j| j.id);
        if brings_in_trigger_files(step.node) && !tainted_jobs.contains(&job) {
            tainted_jobs.push(job);
        }
        let Some(run) = step.node.get("run") else { continue };
        let Some(script) = run.as_str() else { continue };
        let lines: Vec<(usize, &str)> = lines(script).collect();
        let mut i = 0;
        while i < lines.len() {
            let (line_start, line) = lines[i];
            i += 1;
            let Some(file) = written_file(line) else { continue };
            // The text written: the line, and the body of a heredoc it
            // opens or of a PowerShell here-string it closes.
            let mut written = vec![line];
            if let Some(end) = heredoc_end(line, &lines[i..]) {
                written.extend(lines[i..i + end].iter().map(|l| l.1));
                i += end;
            } else if let Some(start) = here_string_start(line, &lines[..i - 1]) {
                written.extend(lines[start..i - 1].iter().map(|l| l.1));
            }
            let untrusted = written
                .iter()
                .flat_map(|l| audit::expressions(l))
                .any(|(_, e)| !untrusted_inputs(&e).is_empty());
            let (confidence, why) = if untrusted {
                (Confidence::High, "with event data an outsider controls")
            } else if tainted_jobs.contains(&job) {
                (Confidence::Medium, "after the job fetched the trigger's files")
            } else if ctx.shows(Persona::Pedantic) {
                (Confidence::Low, "; make sure nothing written comes from the trigger")
            } else {
                continue;
            };
            let start = audit::file_offset(ctx.source, run, line_start);
            let range = TextRange::new(
                start,
                audit::file_offset(ctx.source, run, line_start + line.len()).max(start),
            );
            ctx.report_audit(
                UNTRUSTED_WRITE,
                HIGH,
                confidence,
                range,
                format!("writes to ${file} in a `{trigger}` workflow {why}; a variable like LD_PRELOAD or a directory on PATH runs code in the later steps"),
            );
        }
    }
}

fn lines(script: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    script.split('\n').map(move |l| {
        let start = at;
        at += l.len() + 1;
        (start, l)
    })
}

/// `GITHUB_ENV` or `GITHUB_PATH` when the line appends to one (`>> $GITHUB_ENV`,
/// `Out-File $env:GITHUB_ENV`, `tee -a "$GITHUB_PATH"`). PowerShell names
/// and cmdlets are matched in any case, as PowerShell does.
fn written_file(line: &str) -> Option<&'static str> {
    /// Each file's variable as the shells name it: `$NAME`, `${NAME}` and
    /// cmd's `%NAME%` as written; PowerShell's `$env:name` and
    /// `${env:name}` in any case (compared with the lowercased line).
    const FILES: [(&str, [&str; 3], [&str; 2]); 2] = [
        (
            "GITHUB_ENV",
            ["$GITHUB_ENV", "${GITHUB_ENV}", "%GITHUB_ENV%"],
            ["$env:github_env", "${env:github_env}"],
        ),
        (
            "GITHUB_PATH",
            ["$GITHUB_PATH", "${GITHUB_PATH}", "%GITHUB_PATH%"],
            ["$env:github_path", "${env:github_path}"],
        ),
    ];
    let code = line.split(" #").next().unwrap_or(line);
    if code.trim_start().starts_with('#') {
        return None;
    }
    // Every form names `github_` in some case; most script lines do not.
    if !code.as_bytes().windows(7).any(|w| w.eq_ignore_ascii_case(b"github_")) {
        return None;
    }
    let lower = code.to_ascii_lowercase();
    FILES
        .into_iter()
        .find(|(_, exact, any_case)| {
            exact.iter().any(|p| code.contains(p)) || any_case.iter().any(|p| lower.contains(p))
        })
        .map(|(file, ..)| file)
        .filter(|_| {
            code.contains('>')
                || code.contains("tee")
                || [
                    "out-file",
                    "add-content",
                    "set-content",
                    "appendalltext",
                    "writealltext",
                    "appendalllines",
                ]
                .iter()
                .any(|w| lower.contains(w))
        })
}

/// When `line` opens a shell heredoc (`cat <<EOF >> "$GITHUB_ENV"`, `<<-`,
/// quoted delimiters; `<<<` is a here-string on the line itself), how many
/// of the `rest` lines are its body: up to the line holding only the
/// delimiter. `<<` inside quotes (`echo "NAME<<EOF"`, GitHub's multiline
/// value syntax) is text, not a heredoc.
fn heredoc_end(line: &str, rest: &[(usize, &str)]) -> Option<usize> {
    let at = unquoted_heredoc(line)?;
    let after = line[at + 2..].strip_prefix('-').unwrap_or(&line[at + 2..]).trim_start();
    let delimiter: String = after
        .trim_start_matches(['\'', '"', '\\'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-' || *c == '.')
        .collect();
    if delimiter.is_empty() {
        return None;
    }
    Some(
        rest.iter()
            .position(|(_, l)| l.trim() == delimiter)
            .unwrap_or(rest.len()),
    )
}

/// The byte offset of a `<<` (not `<<<`) outside quotes.
fn unquoted_heredoc(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if b == b'#' && (i == 0 || bytes[i - 1] == b' ') => return None,
            None if bytes[i..].starts_with(b"<<<") => i += 2,
            None if bytes[i..].starts_with(b"<<") => return Some(i),
            None => {}
        }
        i += 1;
    }
    None
}

/// When `line` closes a PowerShell here-string piped to the file
/// (`"@ | Out-File $env:GITHUB_ENV -Append`), the index among `before` of
/// the line that opened it (`@"` or `@'` at its end).
fn here_string_start(line: &str, before: &[(usize, &str)]) -> Option<usize> {
    let closing = line.trim_start();
    let quote = if closing.starts_with("\"@") {
        "@\""
    } else if closing.starts_with("'@") {
        "@'"
    } else {
        return None;
    };
    before.iter().rposition(|(_, l)| l.trim_end().ends_with(quote))
}

/// Checkouts of a ref and artifact downloads: files the trigger controls.
fn brings_in_trigger_files(step: &crate::yaml::Node) -> bool {
    (audit::uses_action(step, "actions/checkout") && audit::input(step, "ref").is_some())
        || audit::uses_action(step, "actions/download-artifact")
        || audit::uses_action(step, "dawidd6/action-download-artifact")
}

#[cfg(test)]
mod tests {
    use super::written_file;
    use proptest::prelude::*;

    /// The patterns formatted per file, as the rule read lines before it
    /// looked for `github_` first: the fast path must answer the same.
    fn written_file_formatted(line: &str) -> Option<&'static str> {
        let code = line.split(" #").next().unwrap_or(line);
        if code.trim_start().starts_with('#') {
            return None;
        }
        let lower = code.to_ascii_lowercase();
        ["GITHUB_ENV", "GITHUB_PATH"]
            .into_iter()
            .find(|f| {
                let ps = f.to_ascii_lowercase();
                code.contains(&format!("${f}"))
                    || code.contains(&format!("${{{f}}}"))
                    || code.contains(&format!("%{f}%"))
                    || lower.contains(&format!("$env:{ps}"))
                    || lower.contains(&format!("${{env:{ps}}}"))
            })
            .filter(|_| {
                code.contains('>')
                    || code.contains("tee")
                    || [
                        "out-file",
                        "add-content",
                        "set-content",
                        "appendalltext",
                        "writealltext",
                        "appendalllines",
                    ]
                    .iter()
                    .any(|w| lower.contains(w))
            })
    }

    #[test]
    fn each_form_of_each_file() {
        for (line, file) in [
            ("echo \"A=1\" >> $GITHUB_ENV", Some("GITHUB_ENV")),
            ("echo \"A=1\" >> \"${GITHUB_ENV}\"", Some("GITHUB_ENV")),
            ("echo A=1>>%GITHUB_ENV%", Some("GITHUB_ENV")),
            ("\"A=1\" | Out-File -Append $Env:GitHub_Env", Some("GITHUB_ENV")),
            ("Add-Content ${ENV:GITHUB_PATH} \"C:\\bin\"", Some("GITHUB_PATH")),
            ("echo /opt/bin | tee -a $GITHUB_PATH", Some("GITHUB_PATH")),
            // Named but not written, in a comment, or in the wrong case
            // for a POSIX shell.
            ("cat $GITHUB_ENV", None),
            ("# echo A=1 >> $GITHUB_ENV", None),
            ("echo A=1 >> $github_env", None),
            ("echo A=1 >> out.txt", None),
        ] {
            assert_eq!(written_file(line), file, "{line}");
            assert_eq!(written_file_formatted(line), file, "{line}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_formatted_patterns(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("$GITHUB_ENV"), Just("${GITHUB_ENV}"), Just("%GITHUB_ENV%"), Just("$env:GitHub_Path"),
                    Just("${Env:GITHUB_ENV}"), Just("$GITHUB_PATH"), Just("github_"), Just("GITHUB_"), Just("GitHub_"),
                    Just(">>"), Just(">"), Just(" tee -a "), Just("Out-File"), Just("Add-Content"), Just(" #"),
                    Just("#"), Just("echo A=1 "), Just("$"), Just("{"), Just("}"), Just("%"), Just("env:"),
                    Just("ENV"), Just("PATH"), Just(" "), Just("é"),
                ],
                0..8,
            ),
            noise in "[ -~]{0,12}",
        ) {
            let line = format!("{}{noise}", parts.concat());
            prop_assert_eq!(written_file(&line), written_file_formatted(&line), "{}", line);
        }
    }
}
