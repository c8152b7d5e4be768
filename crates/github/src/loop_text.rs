//! The Markdown autoheal posts: issue bodies, repeat-failure comments, pull request bodies and
//! the patch comment. Every value that came from a log, a branch name or a job name is
//! neutralized (no mentions, no HTML, bounded) before it is placed in Markdown.

use crate::issue_text::{EvidenceLimits, evidence_block, neutralize_line};
use crate::loop_record::{HealRecord, encode_record};

/// Label every autoheal issue and PR carries while it may be healed.
pub const LABEL_AUTO_HEAL: &str = "auto-heal";
/// Label of every failure issue, fixable or not.
pub const LABEL_WORKFLOW_FAILURE: &str = "workflow-failure";
/// Opt-out: heal skips issues with this label.
pub const LABEL_NEEDS_MANUAL_FIX: &str = "needs-manual-fix";

/// Marks the patch comment so a rerun does not post the same patch twice.
pub const PATCH_MARKER: &str = "<!-- autoheal:patch ";

/// Untrusted text as inline code: neutralized, one line, no backticks to break out with.
pub fn inline(text: &str) -> String {
    let clean = neutralize_line(&text.replace(['\n', '\r'], " "), 200).replace('`', "'");
    format!("`{clean}`")
}

/// Untrusted prose (an analyzer message): neutralized, one line, Markdown emphasis defused.
pub fn prose(text: &str) -> String {
    let clean = neutralize_line(&text.replace(['\n', '\r'], " "), 500);
    clean
        .chars()
        .map(|c| match c {
            '`' => '\'',
            '[' => '(',
            ']' => ')',
            c => c,
        })
        .collect()
}

/// A fenced block whose fence is longer than any backtick run inside.
pub fn fenced(language: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let body = body.strip_suffix('\n').unwrap_or(body);
    format!("{fence}{language}\n{body}\n{fence}")
}

fn short_sha(sha: &str) -> &str {
    sha.get(..7).unwrap_or(sha)
}

/// The run link, as `[run 42](url)` (attempt shown when it is not the first).
pub fn run_link(record: &HealRecord) -> String {
    let attempt = if record.analysis.run_attempt > 1 {
        format!(" (attempt {})", record.analysis.run_attempt)
    } else {
        String::new()
    };
    if record.run_url.starts_with("https://") || record.run_url.starts_with("http://") {
        format!(
            "[run {}]({}){attempt}",
            record.analysis.run_id,
            record.run_url.replace([' ', ')'], "")
        )
    } else {
        format!("run {}{attempt}", record.analysis.run_id)
    }
}

/// What a fix proposal looks like in an issue body.
pub enum ProposalText<'a> {
    /// Titles and explanations of the fixes, and the unified diff.
    Fix {
        fixes: Vec<(&'a str, &'a str)>,
        diff: &'a str,
    },
    /// Why a human has to fix it.
    Manual { reasons: Vec<String> },
}

/// The body of a new failure issue.
pub fn issue_body(record: &HealRecord, message: &str, proposal: &ProposalText<'_>) -> String {
    let a = &record.analysis;
    let mut out = format!(
        "autoheal diagnosed a failure of workflow {} in {}.\n\n",
        inline(&record.workflow_name),
        run_link(record)
    );
    out.push_str("| | |\n|---|---|\n");
    out.push_str(&format!("| Workflow file | {} |\n", inline(&a.workflow_path)));
    if let Some(branch) = &record.head_branch {
        out.push_str(&format!("| Branch | {} |\n", inline(branch)));
    }
    out.push_str(&format!("| Commit | {} |\n", inline(short_sha(&a.head_sha))));
    out.push_str(&format!("| Failed job | {} |\n", inline(&a.job)));
    if let Some(step) = &record.failed_step {
        out.push_str(&format!("| Failed step | {} |\n", inline(step)));
    }
    out.push_str(&format!("| Category | {} |\n", inline(&a.category)));
    if let Some(subject) = &a.subject {
        out.push_str(&format!("| Subject | {} |\n", inline(subject)));
    }
    out.push_str(&format!("\n**Root cause:** {}\n", prose(message)));
    if !record.evidence.is_empty() {
        out.push_str("\n### Evidence\n\n");
        out.push_str(&evidence_block(&record.evidence, EvidenceLimits::default()));
        out.push('\n');
    }
    match proposal {
        ProposalText::Fix { fixes, diff } => {
            out.push_str("\n### Proposed fix\n\n");
            for (title, explanation) in fixes {
                out.push_str(&format!("- **{}**", prose(title)));
                if !explanation.is_empty() {
                    out.push_str(&format!(": {}", prose(explanation)));
                }
                out.push('\n');
            }
            out.push('\n');
            out.push_str(&fenced("diff", diff));
            out.push_str(&format!(
                "\n\n`autoheal heal` turns this into a pull request on branch {} (the `{LABEL_AUTO_HEAL}` label is the trigger; add `{LABEL_NEEDS_MANUAL_FIX}` to opt out).\n",
                inline(&record.branch())
            ));
        }
        ProposalText::Manual { reasons } => {
            out.push_str("\n### Needs a manual fix\n\n");
            if reasons.is_empty() {
                out.push_str("autoheal has no automatic fix for this failure.\n");
            }
            for reason in reasons {
                out.push_str(&format!("- {}\n", prose(reason)));
            }
        }
    }
    out.push('\n');
    out.push_str(&encode_record(record));
    out.push('\n');
    out
}

/// The comment added to an open issue when the same failure happens again.
pub fn repeat_comment(record: &HealRecord) -> String {
    let mut out = format!("The same failure happened again in {}", run_link(record));
    if let Some(branch) = &record.head_branch {
        out.push_str(&format!(" on branch {}", inline(branch)));
    }
    out.push_str(&format!(
        ", commit {}: {} in job {}.\n",
        inline(short_sha(&record.analysis.head_sha)),
        inline(&record.analysis.category),
        inline(&record.analysis.job)
    ));
    out
}

/// The body of the fix pull request.
pub fn pull_body(issue: u64, record: &HealRecord, fixes: &[(&str, &str)]) -> String {
    let mut out = format!(
        "Fixes #{issue}\n\nautoheal's fix for {} in job {} of workflow {} ({}).\n",
        inline(&record.analysis.category),
        inline(&record.analysis.job),
        inline(&record.workflow_name),
        run_link(record)
    );
    for (title, explanation) in fixes {
        out.push_str(&format!("\n### {}\n\n", prose(title)));
        if !explanation.is_empty() {
            out.push_str(&prose(explanation));
            out.push('\n');
        }
    }
    if !record.evidence.is_empty() {
        out.push_str("\n### Evidence\n\n");
        out.push_str(&evidence_block(&record.evidence, EvidenceLimits::default()));
        out.push('\n');
    }
    out.push_str(
        "\nautoheal checked that the edited files parse and that the fix applies on the current default \
         branch; review the change and let CI confirm it before merging.\n\n",
    );
    out.push_str(&encode_record(record));
    out.push('\n');
    out
}

/// The comment carrying the patch when the token may not push workflow changes.
pub fn patch_comment(record: &HealRecord, diff: &str) -> String {
    format!(
        "{PATCH_MARKER}{} -->\nautoheal could not push the fix: GitHub refuses to let this token create or update files under \
         `.github/workflows/` without the `workflows` permission (the built-in `GITHUB_TOKEN` never has it).\n\n\
         To apply it by hand, save the patch below as `autoheal.patch` at the root of the repository, run \
         `git apply autoheal.patch`, then commit and open a pull request. To let autoheal open the pull request \
         itself, give it a GitHub App or personal access token with the workflows permission (see docs/ci-setup.md), \
         remove the `{LABEL_NEEDS_MANUAL_FIX}` label and run heal again.\n\n{}\n",
        record.branch(),
        fenced("diff", diff)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue_text::{AnalysisRecord, decode_analysis};
    use crate::loop_record::decode_record;

    fn record() -> HealRecord {
        HealRecord {
            analysis: AnalysisRecord {
                job: "build @octocat `x`".into(),
                category: "timeout".into(),
                run_id: 7,
                run_attempt: 2,
                head_sha: "0123456789abcdef".into(),
                ..AnalysisRecord::default()
            },
            workflow_name: "CI <script>".into(),
            run_url: "https://github.com/o/r/actions/runs/7".into(),
            head_branch: Some("feature/x".into()),
            evidence: vec!["##[error]The operation was canceled.".into()],
            ..HealRecord::default()
        }
    }

    #[test]
    fn untrusted_names_cannot_mention_break_code_or_inject_html() {
        assert_eq!(inline("build @octocat `x`"), "`build @\u{200B}octocat 'x'`");
        let body = issue_body(
            &record(),
            "cancelled [click](http://evil)",
            &ProposalText::Manual { reasons: vec![] },
        );
        assert!(!body.contains("<script>") && !body.contains("@octocat") && !body.contains("[click]"));
        assert!(body.contains("[run 7](https://github.com/o/r/actions/runs/7) (attempt 2)"));
        assert!(body.contains("| Commit | `0123456` |"));
        assert_eq!(decode_record(&body), Some(record()));
        assert!(decode_analysis(&body).is_some());
    }

    #[test]
    fn fences_outgrow_backticks_in_the_diff() {
        assert_eq!(fenced("diff", "+ run: echo ```\n"), "````diff\n+ run: echo ```\n````");
    }

    #[test]
    fn pull_body_links_the_issue_and_keeps_the_record() {
        let body = pull_body(12, &record(), &[("Raise the timeout", "It ran out of time.")]);
        assert!(body.starts_with("Fixes #12\n"));
        assert!(body.contains("### Raise the timeout\n\nIt ran out of time.\n"));
        assert_eq!(decode_record(&body), Some(record()));
    }
}
