//! `step-id`: step ids must be valid identifiers and unique within a job,
//! or within a composite action's `runs.steps` (the runner loads those
//! steps with the same id rules and fails the step that uses the action).
//! The steps of a job's `parallel:` groups are steps of the job: each runs
//! as a background step of it, so their ids share the job's namespace.

use super::job_id::is_valid_id;
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Label, Severity};
use crate::model::FileKind;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "step-id",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Step ids must be valid identifiers and unique (ignoring case) within their job or composite action.",
    kinds: ALL_FILES,
    codes: &[INVALID, DUPLICATE],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["jobs.*.steps.*.id", "jobs.*.steps.*.parallel", "runs.steps.*.id"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// An id outside GitHub's grammar.
pub const INVALID: &str = "step-id/invalid";
/// An id used by another step of the same job.
pub const DUPLICATE: &str = "step-id/duplicate";

fn check(ctx: &mut Context<'_>) {
    match ctx.kind {
        FileKind::Workflow => {
            let Some(wf) = ctx.workflow else { return };
            for job in &wf.jobs {
                let owner = format!("job \"{}\"", job.id);
                let mut steps = Vec::new();
                for s in &job.steps {
                    with_groups(s.node, &mut steps);
                }
                check_steps(ctx, steps.into_iter(), &owner);
            }
        }
        FileKind::Action => {
            let Some(root) = ctx.root() else { return };
            check_steps(ctx, crate::model::composite_steps(root).iter(), "this composite action");
        }
    }
}

/// `step`, then the steps of its `parallel:` group (and of groups inside
/// that), in file order.
fn with_groups<'n>(step: &'n Node, out: &mut Vec<&'n Node>) {
    out.push(step);
    for inner in step.get("parallel").and_then(Node::as_sequence).unwrap_or_default() {
        with_groups(inner, out);
    }
}

/// The ids of one list of steps; `owner` names the list in messages.
fn check_steps<'n>(ctx: &mut Context<'_>, steps: impl Iterator<Item = &'n Node>, owner: &str) {
    let mut seen: Vec<(&str, crate::text::TextRange)> = Vec::new();
    for step in steps {
        let Some(node) = step.get("id") else { continue };
        let Some(id) = node.as_str() else { continue };
        if node.is_expression() {
            continue;
        }
        if !is_valid_id(id) {
            ctx.report(
                node.span,
                format!("invalid step id \"{id}\": ids must start with a letter or `_` and contain only letters, digits, `-` and `_`"),
            ).set_code(INVALID);
        }
        if let Some((_, first)) = seen.iter().find(|(s, _)| s.eq_ignore_ascii_case(id)) {
            let first = *first;
            ctx.report(
                node.span,
                format!("step id \"{id}\" is already used by another step in {owner}"),
            )
            .set_code(DUPLICATE)
            .labels
            .push(Label {
                range: first,
                message: "first used here".into(),
            });
        }
        seen.push((id, node.span));
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::lint::{LintOptions, lint};

    /// The steps of `parallel:` groups are steps of the job: an id in a
    /// group repeating one outside it, or one of another group (ignoring
    /// case), is a duplicate; the group's own id counts too.
    #[test]
    fn steps_inside_parallel_groups_share_the_jobs_ids() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - id: setup\n        run: echo\n      - parallel:\n          - id: unit\n            run: echo\n          - id: setup\n            run: echo\n      - id: group\n        parallel:\n          - id: Unit\n            run: echo\n          - id: e2e\n            run: echo\n      - id: Group\n        run: echo\n      - id: e2e-report\n        run: echo\n";
        let config = Config::default();
        let idx = crate::text::LineIndex::new(src);
        let got: Vec<String> = lint(".github/workflows/t.yml", src.as_bytes(), &LintOptions::new(&config))
            .into_iter()
            .filter(|d| d.rule == "step-id")
            .map(|d| format!("{}:{}", idx.line_column(src, d.range.start).line, d.code))
            .collect();
        assert_eq!(
            got,
            ["11:step-id/duplicate", "15:step-id/duplicate", "19:step-id/duplicate"]
        );
    }

    /// A composite action's steps follow the same id rules as a job's: the
    /// runner loads them with the same checks.
    #[test]
    fn composite_action_steps_are_checked_like_a_jobs() {
        let src = "name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - id: 1st\n      run: echo\n      shell: bash\n    - id: build\n      run: echo\n      shell: bash\n    - id: Build\n      uses: ./x\n    - id: ${{ inputs.id }}\n      run: echo\n      shell: bash\n";
        let config = Config::default();
        let idx = crate::text::LineIndex::new(src);
        let got: Vec<String> = lint("act/action.yml", src.as_bytes(), &LintOptions::new(&config))
            .into_iter()
            .filter(|d| d.rule == "step-id")
            .map(|d| format!("{}:{}", idx.line_column(src, d.range.start).line, d.code))
            .collect();
        assert_eq!(got, ["6:step-id/invalid", "12:step-id/duplicate"]);
        // A Docker or JavaScript action has no steps to check.
        let js = "name: a\ndescription: d\nruns:\n  using: node24\n  main: i.js\n";
        assert!(
            lint("act/action.yml", js.as_bytes(), &LintOptions::new(&config))
                .iter()
                .all(|d| d.rule != "step-id")
        );
    }
}
