//! `pinning` (off by default): third-party actions and reusable workflows
//! not pinned to a full commit SHA. A tag or branch can be moved by whoever
//! controls the repository, so a compromised action reaches every workflow
//! that follows it; a 40-hex SHA cannot move.
//!
//! First-party `actions/*` and `github/*` are exempt (GitHub maintains them;
//! zizmor's default policy makes the same choice), as are local actions.
//! There is no fix: resolving a tag to its SHA needs the network.

use super::action::{ActionRef, parse_action_ref};
use super::workflow_call::{WorkflowRef, parse_workflow_ref};
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::Severity;
use crate::model::FileKind;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "pinning",
    default_severity: Severity::Warning,
    enabled_by_default: false,
    summary: "Third-party actions and reusable workflows should be pinned to a full commit SHA.",
    kinds: ALL_FILES,
    check,
};

/// Owners whose actions may be used by tag.
pub const TRUSTED_OWNERS: &[&str] = &["actions", "github"];

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let mut uses_nodes: Vec<(&Node, bool)> = Vec::new();
    match ctx.kind {
        FileKind::Workflow => {
            let Some(wf) = ctx.workflow else { return };
            for job in &wf.jobs {
                if let Some(u) = job.get("uses") {
                    uses_nodes.push((u, true));
                }
                uses_nodes.extend(job.steps.iter().filter_map(|s| s.get("uses")).map(|u| (u, false)));
            }
        }
        FileKind::Action => {
            let steps = root
                .get("runs")
                .and_then(|r| r.get("steps"))
                .and_then(Node::as_sequence)
                .unwrap_or_default();
            uses_nodes.extend(steps.iter().filter_map(|s| s.get("uses")).map(|u| (u, false)));
        }
    }
    for (node, job_level) in uses_nodes {
        let Some(uses) = node.as_str().filter(|u| !u.contains("${{")) else {
            continue;
        };
        let (owner, git_ref) = if job_level {
            match parse_workflow_ref(uses) {
                Ok(WorkflowRef::Remote { owner, git_ref, .. }) => (owner, git_ref),
                _ => continue,
            }
        } else {
            match parse_action_ref(uses) {
                Ok(ActionRef::Remote { owner, git_ref, .. }) => (owner, git_ref),
                Ok(ActionRef::Docker { image }) => {
                    if !image.contains("@sha256:") {
                        ctx.report(
                            node.report_span(),
                            format!("container image {image:?} is not pinned to a digest; use `docker://{image}@sha256:<digest>`"),
                        );
                    }
                    continue;
                }
                _ => continue,
            }
        };
        if TRUSTED_OWNERS.iter().any(|t| t.eq_ignore_ascii_case(owner)) || is_full_sha(git_ref) {
            continue;
        }
        ctx.report(
            node.report_span(),
            format!("{uses:?} is not pinned to a full commit SHA; a tag or branch can be moved to different code. Pin it as `@<40-hex sha> # {git_ref}`"),
        );
    }
}

pub fn is_full_sha(git_ref: &str) -> bool {
    git_ref.len() == 40 && git_ref.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::is_full_sha;
    use crate::config::{Config, RuleSetting};
    use crate::lint::{LintOptions, lint};

    fn render_enabled(src: &str, path: &str) -> Vec<String> {
        let mut config = Config::default();
        config.rules.insert("pinning".into(), RuleSetting::On(None));
        let idx = crate::text::LineIndex::new(src);
        lint(path, src.as_bytes(), &LintOptions::new(&config))
            .into_iter()
            .filter(|d| d.rule == "pinning")
            .map(|d| {
                let p = idx.line_column(src, d.range.start);
                format!("{}:{}: {} {}", p.line, p.column, d.severity, d.message)
            })
            .collect()
    }

    #[test]
    fn third_party_tags_and_images_are_reported_when_enabled() {
        let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: docker/login-action@v3\n      - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3\n      - uses: ./local\n      - uses: docker://alpine:3\n      - uses: docker://alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  call:\n    uses: org/shared/.github/workflows/ci.yml@main\n";
        assert_eq!(
            render_enabled(src, ".github/workflows/ci.yml"),
            [
                "8:15: warning \"docker/login-action@v3\" is not pinned to a full commit SHA; a tag or branch can be moved to different code. Pin it as `@<40-hex sha> # v3`",
                "11:15: warning container image \"alpine:3\" is not pinned to a digest; use `docker://alpine:3@sha256:<digest>`",
                "14:11: warning \"org/shared/.github/workflows/ci.yml@main\" is not pinned to a full commit SHA; a tag or branch can be moved to different code. Pin it as `@<40-hex sha> # main`",
            ]
        );
    }

    #[test]
    fn it_is_off_by_default_and_checks_composite_actions() {
        let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker/login-action@v3\n";
        assert_eq!(crate::rules::test_support::render(src, "pinning"), Vec::<String>::new());
        let action = "name: x\nruns:\n  using: composite\n  steps:\n    - uses: some/action@v1\n";
        assert_eq!(render_enabled(action, "action.yml").len(), 1);
    }

    #[test]
    fn only_forty_hex_digits_are_a_sha() {
        assert!(is_full_sha("74a5d142397b4f367a81961eba4e8cd7edddf772"));
        assert!(!is_full_sha("74a5d14"));
        assert!(!is_full_sha("74a5d142397b4f367a81961eba4e8cd7edddf77g"));
    }
}
