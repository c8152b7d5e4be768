//! `schema/default-env`: an `env:` entry (the workflow's, a job's or a
//! step's) named after one of the default variables GitHub sets for every
//! step (`GITHUB_SHA`, `RUNNER_OS`, …).
//!
//! GitHub's variables reference: the default environment variables named
//! `GITHUB_*` and `RUNNER_*` cannot be overwritten (only `CI` can, for now).
//! The runner shows why: after it builds a step's environment from `env:`,
//! it copies the `github` and `runner` contexts' values into it
//! (`GitHubContext.GetRuntimeEnvironmentVariables`, an allowlist of keys, and
//! `RunnerContext`'s), so the workflow's value never reaches the step; only
//! `${{ env.GITHUB_SHA }}` still reads it. Only the names the runner sets for
//! every step are listed: `GITHUB_BASE_REF`/`GITHUB_HEAD_REF` (pull-request
//! events only), `GITHUB_ACTION_PATH`/`_REF`/`_REPOSITORY` (action steps
//! only), `RUNNER_DEBUG` (debug runs only) and `GITHUB_TOKEN` (not a default
//! variable) are not. Names are compared as written: environment names are
//! case-sensitive on Linux and macOS. Service containers get no default
//! variables, so their `env:` is not judged, nor a job container's or a
//! Docker action's.

use super::codes::DEFAULT_ENV;
use crate::rules::Context;
use crate::yaml::{Entry, Node};

/// The default variables the runner sets for every step from the `github`
/// context's allowlist and the `runner` context, as GitHub's variables
/// reference documents them.
const ALWAYS_SET: &[&str] = &[
    "GITHUB_ACTION",
    "GITHUB_ACTOR",
    "GITHUB_ACTOR_ID",
    "GITHUB_API_URL",
    "GITHUB_ENV",
    "GITHUB_EVENT_NAME",
    "GITHUB_EVENT_PATH",
    "GITHUB_GRAPHQL_URL",
    "GITHUB_JOB",
    "GITHUB_OUTPUT",
    "GITHUB_PATH",
    "GITHUB_REF",
    "GITHUB_REF_NAME",
    "GITHUB_REF_PROTECTED",
    "GITHUB_REF_TYPE",
    "GITHUB_REPOSITORY",
    "GITHUB_REPOSITORY_ID",
    "GITHUB_REPOSITORY_OWNER",
    "GITHUB_REPOSITORY_OWNER_ID",
    "GITHUB_RETENTION_DAYS",
    "GITHUB_RUN_ATTEMPT",
    "GITHUB_RUN_ID",
    "GITHUB_RUN_NUMBER",
    "GITHUB_SERVER_URL",
    "GITHUB_SHA",
    "GITHUB_STATE",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_TRIGGERING_ACTOR",
    "GITHUB_WORKFLOW",
    "GITHUB_WORKFLOW_REF",
    "GITHUB_WORKFLOW_SHA",
    "GITHUB_WORKSPACE",
    "RUNNER_ARCH",
    "RUNNER_ENVIRONMENT",
    "RUNNER_NAME",
    "RUNNER_OS",
    "RUNNER_TEMP",
    "RUNNER_TOOL_CACHE",
];

/// Whether `name` is a default variable the runner sets for every step.
pub(super) fn always_set(name: &str) -> bool {
    ALWAYS_SET.contains(&name)
}

/// Whether `value` is the context property the runner copies into `name`
/// (`GITHUB_REF: ${{ github.ref }}`): the entry repeats GitHub's value, so
/// nothing is lost.
fn repeats_default(name: &str, value: &str) -> bool {
    let Some((prefix, key)) = name.split_once('_') else {
        return false;
    };
    let Some(inner) = value
        .trim()
        .strip_prefix("${{")
        .and_then(|v| v.strip_suffix("}}"))
        .map(str::trim)
    else {
        return false;
    };
    inner.eq_ignore_ascii_case(&format!("{prefix}.{key}"))
}

/// Reports each entry of the `env:` mapping `node` named after such a
/// default variable (a warning: the step runs, with GitHub's value), unless
/// it gives the very value GitHub sets.
pub(super) fn check(ctx: &mut Context<'_>, node: &Node) {
    let Some(entries) = node.as_mapping() else { return };
    for Entry { key, value } in entries {
        let Some(name) = key.as_str().filter(|n| always_set(n)) else {
            continue;
        };
        if value.as_str().is_some_and(|v| repeats_default(name, v)) {
            continue;
        }
        ctx.report_at(
            crate::diagnostic::Severity::Warning,
            key.report_span(),
            format!(
                "\"{name}\" is a default variable GitHub sets for every step, and GitHub's variables reference says \
                 the `GITHUB_*` and `RUNNER_*` defaults cannot be overwritten: the step's environment gets GitHub's \
                 value, not this one (only `${{{{ env.{name} }}}}` reads it); use another name"
            ),
        )
        .set_code(DEFAULT_ENV);
    }
}

#[cfg(test)]
mod tests {
    use super::{always_set, repeats_default};

    #[test]
    fn an_entry_giving_the_context_property_repeats_the_default() {
        assert!(repeats_default("GITHUB_REF", "${{ github.ref }}"));
        assert!(repeats_default("GITHUB_RUN_ATTEMPT", "${{github.run_attempt}}"));
        assert!(repeats_default("RUNNER_NAME", " ${{ runner.name }} "));
        assert!(!repeats_default("GITHUB_REF", "${{ github.head_ref }}"));
        assert!(!repeats_default(
            "GITHUB_SHA",
            "${{ github.event.pull_request.head.sha }}"
        ));
        assert!(!repeats_default("GITHUB_SHA", "override"));
    }

    #[test]
    fn only_the_defaults_set_for_every_step_are_listed() {
        assert!(always_set("GITHUB_SHA"));
        assert!(always_set("GITHUB_REF"));
        assert!(always_set("RUNNER_OS"));
        // Conditional defaults, lower case and GITHUB_TOKEN are not.
        assert!(!always_set("GITHUB_HEAD_REF"));
        assert!(!always_set("GITHUB_ACTION_PATH"));
        assert!(!always_set("RUNNER_DEBUG"));
        assert!(!always_set("GITHUB_TOKEN"));
        assert!(!always_set("github_sha"));
        assert!(!always_set("CI"));
    }
}
