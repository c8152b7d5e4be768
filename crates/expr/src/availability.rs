//! Which contexts and special functions each workflow key allows, after GitHub's "Context
//! availability" table. Keys are written the way the docs write them, e.g.
//! `jobs.<job_id>.steps.run` or `on.workflow_call.inputs.<inputs_id>.default`.
//!
//! Action metadata (`action.yml`) has rows too, keyed as GitHub's metadata syntax page writes
//! them (`runs.steps[*].run`, `outputs.<output_id>.value`): that table has no contexts column,
//! so they follow the runner's own schema for the file (`src/Runner.Worker/action_yaml.json` in
//! actions/runner: `string-steps-context`, `step-env`, `output-value`, `input-default-context`,
//! read at 0009633 and 855b90c). It gives a composite action no `secrets`, `vars` or `needs`:
//! the runner refuses them when it loads the file ("Unrecognized named-value: 'secrets'"),
//! GitHub's contexts page says the secrets context "is not available for composite actions",
//! and runner 2.333.0 stopped accepting `vars` there by mistake (actions/runner#4279, #4311).

/// What one workflow key may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Availability {
    pub key: &'static str,
    /// Allowed context names, sorted.
    pub contexts: &'static [&'static str],
    /// Allowed special functions (`always`, `cancelled`, `failure`, `success`, `hashFiles`).
    /// Every other function is allowed everywhere.
    pub special_functions: &'static [&'static str],
    /// Where the row comes from, for error messages.
    pub docs: &'static str,
}

impl Availability {
    pub fn allows_context(&self, name: &str) -> bool {
        self.contexts.iter().any(|c| c.eq_ignore_ascii_case(name))
    }

    /// True for non-special functions, and for special ones this key lists.
    pub fn allows_function(&self, name: &str) -> bool {
        match crate::functions::canonical_name(name) {
            Some(canonical) if crate::functions::SPECIAL_FUNCTIONS.contains(&canonical) => {
                self.special_functions.contains(&canonical)
            }
            _ => true,
        }
    }

    /// The keys of the same kind of file (workflow or action metadata) where a special function
    /// may be called, for error messages.
    pub fn keys_allowing_function(&self, name: &str) -> Vec<&'static str> {
        keys_of_kind_allowing(name, self.docs)
    }
}

const NONE: &[&str] = &[];
const STATUS: &[&str] = &["always", "cancelled", "failure", "success"];
const HASH: &[&str] = &["hashFiles"];
const STATUS_AND_HASH: &[&str] = &["always", "cancelled", "failure", "hashFiles", "success"];

const G_I_V: &[&str] = &["github", "inputs", "vars"];
const G_I_S_V: &[&str] = &["github", "inputs", "secrets", "vars"];
const G_I_J_V: &[&str] = &["github", "inputs", "jobs", "vars"];
const G_I_N_V: &[&str] = &["github", "inputs", "needs", "vars"];
const JOB_BASIC: &[&str] = &["github", "inputs", "matrix", "needs", "strategy", "vars"];
const JOB_WITH_SECRETS: &[&str] = &["github", "inputs", "matrix", "needs", "secrets", "strategy", "vars"];
const JOB_WITH_ENV: &[&str] = &["env", "github", "inputs", "matrix", "needs", "strategy", "vars"];
const CREDENTIALS: &[&str] = &[
    "env", "github", "inputs", "matrix", "needs", "secrets", "strategy", "vars",
];
const RUNNER_ENV: &[&str] = &[
    "env", "github", "inputs", "job", "matrix", "needs", "runner", "secrets", "strategy", "vars",
];
const ENVIRONMENT_URL: &[&str] = &[
    "env", "github", "inputs", "job", "matrix", "needs", "runner", "steps", "strategy", "vars",
];
const ALL_STEP: &[&str] = &[
    "env", "github", "inputs", "job", "matrix", "needs", "runner", "secrets", "steps", "strategy", "vars",
];

/// What a composite action's steps may read (the runner's `string-steps-context`, `step-env`,
/// `step-with`): no `secrets`, `vars` or `needs`.
const ACTION_STEP: &[&str] = &[
    "env", "github", "inputs", "job", "matrix", "runner", "steps", "strategy",
];
/// The runner's `input-default-context`: evaluated before any step, without `inputs`.
const ACTION_INPUT_DEFAULT: &[&str] = &["github", "job", "matrix", "runner", "strategy"];

const fn row(
    key: &'static str,
    contexts: &'static [&'static str],
    special_functions: &'static [&'static str],
) -> Availability {
    row_of(key, contexts, special_functions, AVAILABILITY_DOCS)
}

/// A row of action metadata (see the module's comment for its source).
const fn action_row(
    key: &'static str,
    contexts: &'static [&'static str],
    special_functions: &'static [&'static str],
) -> Availability {
    row_of(key, contexts, special_functions, ACTION_DOCS)
}

const fn row_of(
    key: &'static str,
    contexts: &'static [&'static str],
    special_functions: &'static [&'static str],
    docs: &'static str,
) -> Availability {
    Availability {
        key,
        contexts,
        special_functions,
        docs,
    }
}

/// The whole table.
pub const AVAILABILITY: &[Availability] = &[
    // The workflow's `name` is not in the table: GitHub evaluates no
    // expression there (`run-name` is the key for a computed title), and a
    // workflow whose `name` reads a context fails to start (rhysd/actionlint#281,
    // github/codeql-variant-analysis-action#901, getsentry/sentry-cocoa#4908).
    row("name", NONE, NONE),
    row("run-name", G_I_V, NONE),
    row("concurrency", G_I_V, NONE),
    row("env", G_I_S_V, NONE),
    row("defaults.run", NONE, NONE),
    row("on.workflow_call.inputs.<inputs_id>.default", G_I_V, NONE),
    row("on.workflow_call.outputs.<output_id>.value", G_I_J_V, NONE),
    row("jobs.<job_id>.concurrency", JOB_BASIC, NONE),
    row("jobs.<job_id>.container", JOB_BASIC, NONE),
    row("jobs.<job_id>.container.credentials", CREDENTIALS, NONE),
    row("jobs.<job_id>.container.env.<env_id>", RUNNER_ENV, NONE),
    row("jobs.<job_id>.container.image", JOB_BASIC, NONE),
    row("jobs.<job_id>.continue-on-error", JOB_BASIC, NONE),
    row("jobs.<job_id>.defaults.run", JOB_WITH_ENV, NONE),
    row("jobs.<job_id>.env", JOB_WITH_SECRETS, NONE),
    row("jobs.<job_id>.environment", JOB_BASIC, NONE),
    row("jobs.<job_id>.environment.url", ENVIRONMENT_URL, NONE),
    row("jobs.<job_id>.if", G_I_N_V, STATUS),
    row("jobs.<job_id>.name", JOB_BASIC, NONE),
    row("jobs.<job_id>.outputs.<output_id>", ALL_STEP, NONE),
    row("jobs.<job_id>.runs-on", JOB_BASIC, NONE),
    row("jobs.<job_id>.secrets.<secrets_id>", JOB_WITH_SECRETS, NONE),
    row("jobs.<job_id>.services", JOB_BASIC, NONE),
    row("jobs.<job_id>.services.<service_id>.command", JOB_BASIC, NONE),
    row("jobs.<job_id>.services.<service_id>.credentials", CREDENTIALS, NONE),
    row("jobs.<job_id>.services.<service_id>.entrypoint", JOB_BASIC, NONE),
    row("jobs.<job_id>.services.<service_id>.env.<env_id>", RUNNER_ENV, NONE),
    row("jobs.<job_id>.snapshot.if", JOB_BASIC, NONE),
    row("jobs.<job_id>.steps.continue-on-error", ALL_STEP, HASH),
    row("jobs.<job_id>.steps.env", ALL_STEP, HASH),
    row("jobs.<job_id>.steps.id", NONE, NONE),
    row(
        "jobs.<job_id>.steps.if",
        &[
            "env", "github", "inputs", "job", "matrix", "needs", "runner", "steps", "strategy", "vars",
        ],
        STATUS_AND_HASH,
    ),
    row("jobs.<job_id>.steps.name", ALL_STEP, HASH),
    row("jobs.<job_id>.steps.run", ALL_STEP, HASH),
    row("jobs.<job_id>.steps.shell", NONE, NONE),
    row("jobs.<job_id>.steps.timeout-minutes", ALL_STEP, HASH),
    row("jobs.<job_id>.steps.with", ALL_STEP, HASH),
    row("jobs.<job_id>.steps.working-directory", ALL_STEP, HASH),
    row("jobs.<job_id>.strategy", G_I_N_V, NONE),
    row("jobs.<job_id>.timeout-minutes", JOB_BASIC, NONE),
    row("jobs.<job_id>.with.<with_id>", JOB_BASIC, NONE),
    action_row("inputs.<input_id>.default", ACTION_INPUT_DEFAULT, HASH),
    action_row("outputs.<output_id>.value", ACTION_STEP, NONE),
    action_row("runs.steps[*].continue-on-error", ACTION_STEP, HASH),
    action_row("runs.steps[*].env", ACTION_STEP, HASH),
    action_row("runs.steps[*].if", ACTION_STEP, STATUS_AND_HASH),
    action_row("runs.steps[*].name", ACTION_STEP, HASH),
    action_row("runs.steps[*].run", ACTION_STEP, HASH),
    action_row("runs.steps[*].with", ACTION_STEP, HASH),
    action_row("runs.steps[*].working-directory", ACTION_STEP, HASH),
];

/// The row for a key, e.g. `availability("jobs.<job_id>.steps.run")`.
pub fn availability(key: &str) -> Option<&'static Availability> {
    AVAILABILITY.iter().find(|a| a.key == key)
}

/// The workflow keys where a special function may be called, for error messages; empty for
/// functions that are allowed everywhere.
pub fn keys_allowing_function(name: &str) -> Vec<&'static str> {
    keys_of_kind_allowing(name, AVAILABILITY_DOCS)
}

/// The keys of rows from one source (`docs`: workflow or action metadata) where a special
/// function may be called.
fn keys_of_kind_allowing(name: &str, docs: &str) -> Vec<&'static str> {
    let Some(canonical) = crate::functions::canonical_name(name) else {
        return Vec::new();
    };
    AVAILABILITY
        .iter()
        .filter(|a| a.docs == docs && a.special_functions.contains(&canonical))
        .map(|a| a.key)
        .collect()
}

pub(crate) const AVAILABILITY_DOCS: &str =
    "see https://docs.github.com/en/actions/learn-github-actions/contexts#context-availability for more details";
const ACTION_DOCS: &str = "an action gets no secrets, vars or needs: pass such values in as inputs \
    (see https://docs.github.com/en/actions/learn-github-actions/contexts#secrets-context)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_sorted_and_known() {
        for row in AVAILABILITY {
            let mut sorted = row.contexts.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, row.contexts, "{}", row.key);
            for c in row.contexts {
                assert!(crate::contexts::CONTEXT_NAMES.contains(c), "{} in {}", c, row.key);
            }
            for f in row.special_functions {
                assert!(crate::functions::SPECIAL_FUNCTIONS.contains(f));
            }
        }
    }

    #[test]
    fn documented_examples() {
        let job_if = availability("jobs.<job_id>.if").expect("row");
        assert!(job_if.allows_context("github") && job_if.allows_context("needs"));
        assert!(!job_if.allows_context("env") && !job_if.allows_context("matrix") && !job_if.allows_context("steps"));
        assert!(job_if.allows_function("success") && job_if.allows_function("ALWAYS"));
        assert!(!job_if.allows_function("hashFiles"));
        assert!(job_if.allows_function("format"));

        let step_if = availability("jobs.<job_id>.steps.if").expect("row");
        assert!(step_if.allows_context("steps") && step_if.allows_context("env") && step_if.allows_context("matrix"));
        assert!(!step_if.allows_context("secrets"));
        assert!(step_if.allows_function("hashfiles"));

        let run = availability("jobs.<job_id>.steps.run").expect("row");
        assert!(run.allows_function("hashFiles") && !run.allows_function("success"));
        assert!(
            availability("jobs.<job_id>.steps.shell")
                .expect("row")
                .contexts
                .is_empty()
        );
        assert!(availability("nope").is_none());
    }

    #[test]
    fn where_functions_are_allowed() {
        assert_eq!(
            keys_allowing_function("success"),
            vec!["jobs.<job_id>.if", "jobs.<job_id>.steps.if"]
        );
        assert_eq!(keys_allowing_function("hashfiles").len(), 8);
        assert!(keys_allowing_function("format").is_empty());
    }
}
