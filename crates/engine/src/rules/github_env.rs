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

use super::audit::{self, HIGH, PRIVILEGED_TRIGGERS};
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
    codes: &[],
    check,
};

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let Some(trigger) = audit::triggers(root)
        .into_iter()
        .map(|t| t.0)
        .find(|t| PRIVILEGED_TRIGGERS.contains(t))
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
        for (line_start, line) in lines(script) {
            let Some(file) = written_file(line) else { continue };
            let untrusted = audit::expressions(line)
                .iter()
                .any(|(_, e)| !untrusted_inputs(e).is_empty());
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
                "github-env",
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
/// `Out-File $env:GITHUB_ENV`, `tee -a "$GITHUB_PATH"`).
fn written_file(line: &str) -> Option<&'static str> {
    let code = line.split(" #").next().unwrap_or(line);
    if code.trim_start().starts_with('#') {
        return None;
    }
    ["GITHUB_ENV", "GITHUB_PATH"]
        .into_iter()
        .find(|f| {
            code.contains(&format!("${f}"))
                || code.contains(&format!("${{{f}}}"))
                || code.contains(&format!("$env:{f}"))
                || code.contains(&format!("%{f}%"))
        })
        .filter(|_| {
            code.contains('>')
                || code.contains("tee")
                || code.contains("Out-File")
                || code.contains("Add-Content")
                || code.contains("Set-Content")
        })
}

/// Checkouts of a ref and artifact downloads: files the trigger controls.
fn brings_in_trigger_files(step: &crate::yaml::Node) -> bool {
    (audit::uses_action(step, "actions/checkout") && audit::input(step, "ref").is_some())
        || audit::uses_action(step, "actions/download-artifact")
        || audit::uses_action(step, "dawidd6/action-download-artifact")
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::lint_rule;

    #[test]
    fn writes_in_privileged_workflows() {
        let src = "on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          echo \"TITLE=${{ github.event.pull_request.title }}\" >> $GITHUB_ENV\n          echo \"static=1\" >> \"$GITHUB_ENV\"\n      - uses: actions/download-artifact@v4\n      - run: cat out/env >> $GITHUB_PATH\n";
        let got: Vec<(usize, &str)> = lint_rule(src, "github-env")
            .iter()
            .map(|d| (d.range.start, d.confidence.as_str()))
            .collect();
        assert_eq!(got, [(86, "high"), (252, "medium")]);
    }

    #[test]
    fn ordinary_workflows_may_write_the_environment() {
        let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo \"X=${{ github.event.head_commit.message }}\" >> $GITHUB_ENV\n";
        assert!(lint_rule(src, "github-env").is_empty());
    }
}
