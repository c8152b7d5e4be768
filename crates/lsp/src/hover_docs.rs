//! Short descriptions of expression contexts and functions, and of the
//! workflow keys completion offers. This is reference data, not rule logic;
//! it belongs with the expression crate (contexts, functions) and the
//! engine's schema (keys) once those expose it, and moves there then.

/// `${{ <name>.… }}` contexts.
pub const CONTEXTS: &[(&str, &str)] = &[
    (
        "github",
        "Information about the workflow run and the event that triggered it (`github.ref`, `github.sha`, `github.event`, …).",
    ),
    (
        "env",
        "Environment variables set in the workflow, job or step (`env:`).",
    ),
    (
        "vars",
        "Configuration variables set at the repository, organization or environment level.",
    ),
    (
        "job",
        "Information about the currently running job (`job.status`, `job.container`, `job.services`).",
    ),
    (
        "jobs",
        "Outputs of the jobs of a reusable workflow; only in `on.workflow_call.outputs`.",
    ),
    (
        "steps",
        "Outputs and outcome of the steps with an `id` that already ran in this job (`steps.<id>.outputs.<name>`, `steps.<id>.outcome`).",
    ),
    (
        "runner",
        "Information about the runner executing the job (`runner.os`, `runner.arch`, `runner.temp`, `runner.tool_cache`).",
    ),
    (
        "secrets",
        "Secrets available to the workflow run (`secrets.GITHUB_TOKEN` and repository/organization secrets).",
    ),
    (
        "strategy",
        "The matrix strategy of the current job (`strategy.fail-fast`, `strategy.job-index`, `strategy.job-total`, `strategy.max-parallel`).",
    ),
    (
        "matrix",
        "The matrix values of the current job (`matrix.<key>`), as defined under `strategy.matrix`.",
    ),
    (
        "needs",
        "Outputs and results of the jobs this job `needs` (`needs.<job>.outputs.<name>`, `needs.<job>.result`).",
    ),
    (
        "inputs",
        "Inputs of a reusable (`workflow_call`) or manually dispatched (`workflow_dispatch`) workflow.",
    ),
];

/// Expression functions.
pub const FUNCTIONS: &[(&str, &str)] = &[
    (
        "contains",
        "`contains(search, item)`: true if `search` (a string or array) contains `item`.",
    ),
    (
        "startsWith",
        "`startsWith(searchString, searchValue)`: true if the string starts with the value (case-insensitive).",
    ),
    (
        "endsWith",
        "`endsWith(searchString, searchValue)`: true if the string ends with the value (case-insensitive).",
    ),
    (
        "format",
        "`format(string, replaceValue0, …)`: replaces `{0}`, `{1}`, … in the string.",
    ),
    (
        "join",
        "`join(array, optionalSeparator)`: joins the array's values into one string.",
    ),
    ("toJSON", "`toJSON(value)`: the value as pretty-printed JSON."),
    (
        "fromJSON",
        "`fromJSON(value)`: parses a JSON string into an object or value.",
    ),
    (
        "hashFiles",
        "`hashFiles(path, …)`: a SHA-256 hash of the files matching the glob patterns; empty when none match.",
    ),
    (
        "success",
        "`success()`: true when no previous step failed or was cancelled. The default status check.",
    ),
    ("always", "`always()`: true always, even when the run was cancelled."),
    ("cancelled", "`cancelled()`: true when the workflow run was cancelled."),
    (
        "failure",
        "`failure()`: true when a previous step (or a needed job) failed.",
    ),
];

pub fn context(name: &str) -> Option<&'static str> {
    CONTEXTS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

pub fn function(name: &str) -> Option<&'static str> {
    FUNCTIONS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, d)| *d)
}

pub const WORKFLOW_KEYS: &[&str] = &[
    "name",
    "run-name",
    "on",
    "permissions",
    "env",
    "defaults",
    "concurrency",
    "jobs",
];
pub const JOB_KEYS: &[&str] = &[
    "name",
    "runs-on",
    "needs",
    "if",
    "steps",
    "timeout-minutes",
    "strategy",
    "continue-on-error",
    "permissions",
    "environment",
    "concurrency",
    "outputs",
    "env",
    "defaults",
    "container",
    "services",
    "uses",
    "with",
    "secrets",
];
pub const STEP_KEYS: &[&str] = &[
    "name",
    "id",
    "if",
    "uses",
    "run",
    "with",
    "env",
    "shell",
    "working-directory",
    "continue-on-error",
    "timeout-minutes",
];
pub const STRATEGY_KEYS: &[&str] = &["matrix", "fail-fast", "max-parallel"];
pub const MATRIX_KEYS: &[&str] = &["include", "exclude"];
pub const CONTAINER_KEYS: &[&str] = &["image", "credentials", "env", "ports", "volumes", "options"];
pub const CONCURRENCY_KEYS: &[&str] = &["group", "cancel-in-progress"];
pub const DEFAULTS_KEYS: &[&str] = &["run"];
pub const RUN_DEFAULTS_KEYS: &[&str] = &["shell", "working-directory"];
pub const EVENTS: &[&str] = &[
    "push",
    "pull_request",
    "pull_request_target",
    "workflow_dispatch",
    "workflow_call",
    "workflow_run",
    "schedule",
    "release",
    "merge_group",
    "issues",
    "issue_comment",
    "create",
    "delete",
    "deployment",
    "deployment_status",
    "discussion",
    "pull_request_review",
    "pull_request_review_comment",
    "repository_dispatch",
    "registry_package",
    "check_run",
    "check_suite",
    "label",
    "milestone",
    "page_build",
    "project",
    "public",
    "status",
    "watch",
    "fork",
    "gollum",
];
pub const FILTER_KEYS: &[&str] = &[
    "branches",
    "branches-ignore",
    "tags",
    "tags-ignore",
    "paths",
    "paths-ignore",
    "types",
    "workflows",
    "inputs",
    "outputs",
    "secrets",
];
pub const ACTION_KEYS: &[&str] = &["name", "author", "description", "inputs", "outputs", "runs", "branding"];
pub const ACTION_RUNS_KEYS: &[&str] = &[
    "using",
    "main",
    "pre",
    "post",
    "pre-if",
    "post-if",
    "steps",
    "image",
    "entrypoint",
    "args",
    "env",
    "pre-entrypoint",
    "post-entrypoint",
];
pub const ACTION_INPUT_KEYS: &[&str] = &["description", "required", "default", "deprecationMessage"];
pub const SHELLS: &[&str] = &["bash", "sh", "pwsh", "powershell", "cmd", "python"];
