//! Which keys each mapping of the workflow syntax and of action metadata
//! takes, from GitHub's "Workflow syntax for GitHub Actions" and "Metadata
//! syntax for GitHub Actions" references. The `schema` rule checks against
//! these lists and the language server completes from them ([`keys_at`]):
//! the one home of this knowledge.

use crate::model::FileKind;

pub const WORKFLOW: &[&str] = &[
    "name",
    "run-name",
    "on",
    "permissions",
    "env",
    "defaults",
    "concurrency",
    // The workflow's default for every job's `cache-mode` (see `CACHE_MODES`).
    "cache-mode",
    "jobs",
];
pub const JOB: &[&str] = &[
    "name",
    "needs",
    "permissions",
    "runs-on",
    "environment",
    "concurrency",
    "outputs",
    "env",
    "defaults",
    "if",
    "steps",
    "timeout-minutes",
    "strategy",
    "continue-on-error",
    "container",
    "services",
    "uses",
    "with",
    "secrets",
    "snapshot",
    // The job's access to the Actions cache (see `CACHE_MODES`).
    "cache-mode",
];
/// What a job that calls a reusable workflow may also set.
pub const CALLING_JOB: &[&str] = &[
    "name",
    "uses",
    "with",
    "secrets",
    "needs",
    "if",
    "permissions",
    "strategy",
    "concurrency",
    "cache-mode",
];
/// The values of `cache-mode`, at the workflow's top level and on a job
/// (either kind: one that runs steps, one that calls a reusable workflow),
/// from GitHub's changelog "Control GitHub Actions cache access with
/// cache-mode" (github.blog, 2026-09-10): `read` restores only (the default
/// for low-trust events such as `pull_request_target`), `write` restores and
/// saves (the default for trusted events such as `push`), `write-only` saves
/// only, `none` has no cache access; a job's setting overrides the
/// workflow's, and a called workflow gets no more than its caller granted.
pub const CACHE_MODES: &[&str] = &["read", "write", "write-only", "none"];
pub const RUNS_ON: &[&str] = &["group", "labels"];
pub const ENVIRONMENT: &[&str] = &["name", "url", "deployment"];
pub const STRATEGY: &[&str] = &["matrix", "fail-fast", "max-parallel"];
/// The keys of `matrix` that are not dimensions.
pub const MATRIX_RESERVED: &[&str] = &["include", "exclude"];
pub const CONTAINER: &[&str] = &["image", "credentials", "env", "ports", "volumes", "options"];
pub const SERVICE: &[&str] = &[
    "image",
    "credentials",
    "env",
    "ports",
    "volumes",
    "options",
    "command",
    "entrypoint",
];
pub const CREDENTIALS: &[&str] = &["username", "password"];
pub const SNAPSHOT: &[&str] = &["image-name", "version", "if"];
pub const CONCURRENCY: &[&str] = &["group", "cancel-in-progress", "queue"];
/// `concurrency.queue`, from GitHub's concurrency documentation: `single`
/// (the default) keeps at most one pending run in the group, `max` lets up
/// to 100 wait and run in order.
pub const CONCURRENCY_QUEUES: &[&str] = &["single", "max"];
pub const DEFAULTS: &[&str] = &["run"];
pub const DEFAULTS_RUN: &[&str] = &["shell", "working-directory"];

pub const RUN_STEP: &[&str] = &[
    "id",
    "if",
    "name",
    "run",
    "shell",
    "env",
    "continue-on-error",
    "timeout-minutes",
    "working-directory",
    "background",
];
pub const USES_STEP: &[&str] = &[
    "id",
    "if",
    "name",
    "uses",
    "with",
    "env",
    "continue-on-error",
    "timeout-minutes",
    "background",
];
pub const PARALLEL_STEP: &[&str] = &["name", "id", "if", "parallel"];
pub const WAIT_STEP: &[&str] = &["name", "id", "if", "wait", "timeout-minutes", "continue-on-error"];
pub const WAIT_ALL_STEP: &[&str] = &["name", "id", "if", "wait-all", "timeout-minutes", "continue-on-error"];
pub const CANCEL_STEP: &[&str] = &["name", "id", "if", "cancel"];
/// A step that neither runs a script nor an action yet: any key of either.
pub const UNDECIDED_STEP: &[&str] = &[
    "id",
    "if",
    "name",
    "run",
    "uses",
    "with",
    "shell",
    "env",
    "continue-on-error",
    "timeout-minutes",
    "working-directory",
];
pub const COMPOSITE_RUN_STEP: &[&str] = &[
    "id",
    "if",
    "name",
    "run",
    "shell",
    "env",
    "continue-on-error",
    "working-directory",
];
pub const COMPOSITE_USES_STEP: &[&str] = &["id", "if", "name", "uses", "with", "env", "continue-on-error"];

pub const SCHEDULE_ITEM: &[&str] = &["cron", "timezone"];
pub const DISPATCH_INPUT: &[&str] = &["description", "required", "default", "type", "options"];
pub const CALL_INPUT: &[&str] = &["description", "required", "default", "type"];
pub const CALL_OUTPUT: &[&str] = &["description", "value"];
pub const CALL_SECRET: &[&str] = &["description", "required"];

/// The keys under `on.<event>`.
pub fn event(event: &str) -> &'static [&'static str] {
    match event {
        "workflow_dispatch" => &["inputs"],
        "workflow_call" => &["inputs", "outputs", "secrets"],
        "repository_dispatch" => &["types"],
        "image_version" => &["names", "versions"],
        _ => &[
            "branches",
            "branches-ignore",
            "paths",
            "paths-ignore",
            "tags",
            "tags-ignore",
            "types",
            "workflows",
        ],
    }
}

pub const ACTION: &[&str] = &["name", "author", "description", "inputs", "outputs", "runs", "branding"];
pub const ACTION_INPUT: &[&str] = &["description", "required", "default", "deprecationMessage"];
pub const ACTION_OUTPUT: &[&str] = &["description", "value"];
pub const BRANDING: &[&str] = &["icon", "color"];
pub const NODE_RUNS: &[&str] = &["using", "main", "pre", "pre-if", "post", "post-if"];
pub const DOCKER_RUNS: &[&str] = &[
    "using",
    "image",
    "env",
    "entrypoint",
    "pre-entrypoint",
    "post-entrypoint",
    "args",
    "pre-if",
    "post-if",
];
pub const COMPOSITE_RUNS: &[&str] = &["using", "steps"];

/// The keys a mapping at `path` takes, for completion: `path` holds the
/// mapping keys leading to it, with `-` for a sequence item. Where the
/// allowed keys depend on a sibling not known yet (a step's `run` or `uses`,
/// the action's `using`), the union of the cases, in first-seen order.
/// Empty where the keys are free (`env`, `with`, matrix dimensions, …).
pub fn keys_at(kind: FileKind, path: &[&str]) -> Vec<&'static str> {
    let lists: &[&[&'static str]] = match (kind, path) {
        (FileKind::Workflow, []) => &[WORKFLOW],
        (FileKind::Workflow, ["on", "schedule", "-"]) => &[SCHEDULE_ITEM],
        (FileKind::Workflow, ["on", "workflow_dispatch", "inputs", _]) => &[DISPATCH_INPUT],
        (FileKind::Workflow, ["on", "workflow_call", "inputs", _]) => &[CALL_INPUT],
        (FileKind::Workflow, ["on", "workflow_call", "outputs", _]) => &[CALL_OUTPUT],
        (FileKind::Workflow, ["on", "workflow_call", "secrets", _]) => &[CALL_SECRET],
        (FileKind::Workflow, ["on", event]) => return event_keys(event),
        (FileKind::Workflow, ["jobs", _]) => &[JOB],
        (FileKind::Workflow, ["jobs", _, "runs-on"]) => &[RUNS_ON],
        (FileKind::Workflow, ["jobs", _, "environment"]) => &[ENVIRONMENT],
        (FileKind::Workflow, ["jobs", _, "strategy"]) => &[STRATEGY],
        (FileKind::Workflow, ["jobs", _, "strategy", "matrix"]) => &[MATRIX_RESERVED],
        (FileKind::Workflow, ["jobs", _, "container"]) => &[CONTAINER],
        (FileKind::Workflow, ["jobs", _, "services", _]) => &[SERVICE],
        (FileKind::Workflow, ["jobs", _, "container" | "services", .., "credentials"]) => &[CREDENTIALS],
        (FileKind::Workflow, ["jobs", _, "snapshot"]) => &[SNAPSHOT],
        (FileKind::Workflow, ["jobs", _, "steps", "-"]) => &[RUN_STEP, USES_STEP],
        (FileKind::Workflow, ["concurrency"] | ["jobs", _, "concurrency"]) => &[CONCURRENCY],
        (FileKind::Workflow, ["defaults"] | ["jobs", _, "defaults"]) => &[DEFAULTS],
        (FileKind::Workflow, ["defaults", "run"] | ["jobs", _, "defaults", "run"]) => &[DEFAULTS_RUN],
        (FileKind::Action, []) => &[ACTION],
        (FileKind::Action, ["inputs", _]) => &[ACTION_INPUT],
        (FileKind::Action, ["outputs", _]) => &[ACTION_OUTPUT],
        (FileKind::Action, ["branding"]) => &[BRANDING],
        (FileKind::Action, ["runs"]) => &[NODE_RUNS, DOCKER_RUNS, COMPOSITE_RUNS],
        (FileKind::Action, ["runs", "steps", "-"]) => &[COMPOSITE_RUN_STEP, COMPOSITE_USES_STEP],
        _ => &[],
    };
    union(lists)
}

fn event_keys(name: &str) -> Vec<&'static str> {
    if name == "schedule" || !super::super::events::is_known_event(name) {
        return Vec::new();
    }
    event(name).to_vec()
}

fn union(lists: &[&[&'static str]]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for key in lists.iter().flat_map(|l| l.iter()) {
        if !out.contains(key) {
            out.push(key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lint::{LintOptions, lint};

    fn schema_findings(kind: FileKind, text: &str) -> Vec<String> {
        let path = match kind {
            FileKind::Workflow => crate::rules::test_support::PATH,
            FileKind::Action => "action.yml",
        };
        lint(path, text.as_bytes(), &LintOptions::new(&Config::default()))
            .into_iter()
            .filter(|d| d.rule == "schema")
            .map(|d| d.message)
            .collect()
    }

    /// Every key [`keys_at`] offers is one the `schema` rule accepts there,
    /// and a made-up key at the same place is one it reports: completion and
    /// the check read the same lists.
    #[test]
    fn completion_offers_exactly_what_the_schema_accepts() {
        let cases: &[(FileKind, &[&str], &str)] = &[
            (FileKind::Workflow, &[], "{k}: x\non: push\njobs: {{}}\n"),
            (
                FileKind::Workflow,
                &["jobs", "a"],
                "on: push\njobs:\n  a:\n    {k}: x\n",
            ),
            (
                FileKind::Workflow,
                &["jobs", "a", "steps", "-"],
                "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n        {k}: x\n",
            ),
            (
                FileKind::Workflow,
                &["jobs", "a", "strategy"],
                "on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n    strategy:\n      {k}: x\n",
            ),
            (
                FileKind::Workflow,
                &["on", "push"],
                "on:\n  push:\n    {k}: x\njobs:\n  a:\n    runs-on: x\n    steps: []\n",
            ),
            (
                FileKind::Action,
                &["inputs", "i"],
                "name: n\ndescription: d\ninputs:\n  i:\n    {k}: x\nruns:\n  using: composite\n  steps: []\n",
            ),
        ];
        for (kind, path, template) in cases {
            let offered = keys_at(*kind, path);
            assert!(!offered.is_empty(), "{path:?}");
            let unknown = |text: &str| {
                schema_findings(*kind, text)
                    .into_iter()
                    .filter(|m| m.contains("unexpected key"))
                    .collect::<Vec<_>>()
            };
            let made_up = template.replace("{k}", "no-such-key").replace("{{}}", "{}");
            assert!(!unknown(&made_up).is_empty(), "{path:?}: {made_up}");
            for key in offered {
                let text = template.replace("{k}", key).replace("{{}}", "{}");
                // A key the step's kind rules out (`with` on a `run` step) is
                // offered for the other kind; the union is intended.
                if path.last() == Some(&"-") && !RUN_STEP.contains(&key) {
                    continue;
                }
                assert_eq!(unknown(&text), Vec::<String>::new(), "{path:?} {key}: {text}");
            }
        }
    }

    #[test]
    fn the_keys_reported_missing_from_the_lsp_are_offered() {
        assert!(keys_at(FileKind::Workflow, &["jobs", "x"]).contains(&"snapshot"));
        assert!(keys_at(FileKind::Workflow, &["jobs", "x", "steps", "-"]).contains(&"background"));
        assert_eq!(
            keys_at(FileKind::Workflow, &["on", "workflow_call"]),
            ["inputs", "outputs", "secrets"]
        );
        assert!(keys_at(FileKind::Workflow, &["on", "no_such_event"]).is_empty());
        assert!(keys_at(FileKind::Workflow, &["jobs", "x", "env"]).is_empty());
    }
}
