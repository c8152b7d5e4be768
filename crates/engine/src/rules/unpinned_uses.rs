//! `unpinned-uses` (formerly `pinning`, still accepted as an alias): actions
//! and reusable workflows not pinned to an immutable commit SHA. A tag or branch can be moved by whoever
//! controls the repository (the tj-actions/changed-files compromise of
//! March 2025 rewrote existing tags), so a compromised action reaches every
//! workflow that follows it.
//!
//! The policy is zizmor's default since its 1.20: every remote `uses:` must
//! be hash-pinned. Findings are warnings (zizmor says high): a tag is a
//! hardening gap, not a broken workflow, and autoheal's own fixes may add
//! tag-pinned actions that a person then pins. Local actions and
//! expressions are skipped.
//!
//! Check: `unpinned-uses/ref` (pinned to a tag or branch). `docker://`
//! steps are `unpinned-images`' to judge. There is no fix: resolving a tag
//! to its SHA needs the network.

use super::action::{ActionRef, parse_action_ref};
use super::audit::MEDIUM;
use super::workflow_call::{WorkflowRef, parse_workflow_ref};
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Confidence, Severity};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "unpinned-uses",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "Actions and reusable workflows should be pinned to a full commit SHA.",
    kinds: ALL_FILES,
    codes: &[REF],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// An action or reusable workflow pinned to a tag or branch, not a commit SHA.
pub const REF: &str = "unpinned-uses/ref";

fn check(ctx: &mut Context<'_>) {
    // Reusable-workflow calls (job level), then every step's action.
    let mut uses_nodes: Vec<(&Node, bool)> = ctx
        .workflow
        .map(|wf| {
            wf.jobs
                .iter()
                .filter(|j| !super::audit::job_disabled(j))
                .filter_map(|j| j.get("uses"))
                .map(|u| (u, true))
                .collect()
        })
        .unwrap_or_default();
    uses_nodes.extend(
        super::audit::steps(ctx)
            .iter()
            .filter_map(|s| s.node.get("uses"))
            .map(|u| (u, false)),
    );
    for (node, job_level) in uses_nodes {
        let Some(uses) = node.as_str().filter(|u| !u.contains("${{")) else {
            continue;
        };
        let git_ref = if job_level {
            match parse_workflow_ref(uses) {
                Ok(WorkflowRef::Remote { git_ref, .. }) => git_ref,
                _ => continue,
            }
        } else {
            match parse_action_ref(uses) {
                Ok(ActionRef::Remote { git_ref, .. }) => git_ref,
                // `docker://` images are `unpinned-images`' (as in zizmor).
                _ => continue,
            }
        };
        if is_full_sha(git_ref) {
            continue;
        }
        ctx.report_audit(
            REF,
            MEDIUM,
            Confidence::High,
            node.report_span(),
            format!("{uses:?} is not pinned to a full commit SHA; a tag or branch can be moved to different code. Pin it as `@<40-hex sha> # {git_ref}`"),
        );
    }
}

/// The tag of `registry:port/name:tag`, if any (a `:` after the last `/`).
pub fn image_tag(image: &str) -> Option<&str> {
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split_once(':').map(|(_, t)| t)
}

pub fn is_full_sha(git_ref: &str) -> bool {
    git_ref.len() == 40 && git_ref.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::{image_tag, is_full_sha};
    use crate::config::{Config, RuleSetting};
    use crate::lint::{LintOptions, lint};
    use crate::rules::test_support::render;

    fn render_at(src: &str, path: &str, config: &Config) -> Vec<String> {
        let idx = crate::text::LineIndex::new(src);
        lint(path, src.as_bytes(), &LintOptions::new(config))
            .into_iter()
            .filter(|d| d.rule == "unpinned-uses")
            .map(|d| {
                let p = idx.line_column(src, d.range.start);
                format!("{}:{}: {} {} {}", p.line, p.column, d.code, d.severity, d.message)
            })
            .collect()
    }

    #[test]
    fn composite_actions_and_the_old_id() {
        let action = "name: x\nruns:\n  using: composite\n  steps:\n    - uses: some/action@v1\n";
        assert_eq!(render_at(action, "action.yml", &Config::default()).len(), 1);
        let mut config = Config::default();
        config.rules.insert("unpinned-uses".into(), RuleSetting::Off);
        assert!(render_at(action, "action.yml", &config).is_empty());
        let suppressed = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: some/action@v1 # autoheal: ignore[pinning]\n      # zizmor: ignore[unpinned-uses]\n      - uses: other/action@v1\n";
        assert!(render(suppressed, "unpinned-uses").is_empty());
    }

    #[test]
    fn only_forty_hex_digits_are_a_sha() {
        assert!(is_full_sha("74a5d142397b4f367a81961eba4e8cd7edddf772"));
        assert!(!is_full_sha("74a5d14"));
        assert!(!is_full_sha("74a5d142397b4f367a81961eba4e8cd7edddf77g"));
    }

    #[test]
    fn image_tags() {
        assert_eq!(image_tag("alpine:3"), Some("3"));
        assert_eq!(image_tag("alpine"), None);
        assert_eq!(image_tag("localhost:5000/alpine"), None);
        assert_eq!(image_tag("ghcr.io/a/b:latest"), Some("latest"));
    }
}
