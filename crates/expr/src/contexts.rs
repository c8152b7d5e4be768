//! The contexts an expression can read, their types, and the typed scope a caller builds from
//! the workflow (step outputs, needed jobs, matrix, inputs).

use crate::types::Type;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Every context name GitHub defines, sorted.
pub const CONTEXT_NAMES: &[&str] = &[
    "env", "github", "inputs", "job", "jobs", "matrix", "needs", "runner", "secrets", "steps", "strategy", "vars",
];

/// What each context holds, in a sentence (the language server's hover),
/// from GitHub's "Contexts reference". One entry per [`CONTEXT_NAMES`] name.
const CONTEXT_DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "env",
        "Environment variables set in the workflow, job or step (`env:`).",
    ),
    (
        "github",
        "Information about the workflow run and the event that triggered it (`github.ref`, `github.sha`, `github.event`, …).",
    ),
    (
        "inputs",
        "Inputs of a reusable (`workflow_call`) or manually dispatched (`workflow_dispatch`) workflow.",
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
        "matrix",
        "The matrix values of the current job (`matrix.<key>`), as defined under `strategy.matrix`.",
    ),
    (
        "needs",
        "Outputs and results of the jobs this job `needs` (`needs.<job>.outputs.<name>`, `needs.<job>.result`).",
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
        "steps",
        "Outputs and outcome of the steps with an `id` that already ran in this job (`steps.<id>.outputs.<name>`, `steps.<id>.outcome`).",
    ),
    (
        "strategy",
        "The matrix strategy of the current job (`strategy.fail-fast`, `strategy.job-index`, `strategy.job-total`, `strategy.max-parallel`).",
    ),
    (
        "vars",
        "Configuration variables set at the repository, organization or environment level.",
    ),
];

/// What the context `name` holds, in a sentence.
pub fn context_description(name: &str) -> Option<&'static str> {
    CONTEXT_DESCRIPTIONS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

const GITHUB_STRING_PROPS: &[&str] = &[
    "action",
    "action_path",
    "action_ref",
    "action_repository",
    "action_status",
    "actor",
    "actor_id",
    "api_url",
    "base_ref",
    "env",
    "event_name",
    "event_path",
    "graphql_url",
    "head_ref",
    "job",
    "output",
    "path",
    "ref",
    "ref_name",
    "ref_type",
    "repository",
    "repository_id",
    "repository_owner",
    "repository_owner_id",
    "repositoryurl",
    "run_attempt",
    "run_id",
    "run_number",
    "secret_source",
    "server_url",
    "sha",
    "state",
    "step_summary",
    "token",
    "triggering_actor",
    "workflow",
    "workflow_ref",
    "workflow_sha",
    "workspace",
];

fn github_context(event: Type) -> Type {
    let mut props: Vec<(&str, Type)> = GITHUB_STRING_PROPS.iter().map(|p| (*p, Type::String)).collect();
    props.push(("event", event));
    props.push(("ref_protected", Type::Bool));
    props.push(("retention_days", Type::Number));
    Type::object(props)
}

fn runner_context() -> Type {
    // `workspace` is not in GitHub's documentation but the runner provides it and workflows use it.
    Type::object(
        [
            "arch",
            "debug",
            "environment",
            "name",
            "os",
            "temp",
            "tool_cache",
            "workspace",
        ]
        .map(|p| (p, Type::String)),
    )
}

fn job_context() -> Type {
    job_context_with_services(None::<[&str; 0]>)
}

/// The `job` context of a job whose `services:` declares `services` (by
/// id), so `job.services.<id>` of an undeclared id is an error; `None`
/// when the ids are not known (any id is then accepted).
pub fn job_context_with_services<K: AsRef<str>>(services: Option<impl IntoIterator<Item = K>>) -> Type {
    // Most jobs declare no services: their type (and that of unknown ids)
    // is built once, not per job of every lint (5,000 instructions each,
    // 21 M on the corpus). `Type`'s objects are shared, so a clone is cheap.
    static NONE_DECLARED: OnceLock<Type> = OnceLock::new();
    static ANY_ID: OnceLock<Type> = OnceLock::new();
    let Some(ids) = services else {
        return ANY_ID.get_or_init(|| build_job_context(None::<[&str; 0]>)).clone();
    };
    let mut ids = ids.into_iter().peekable();
    if ids.peek().is_none() {
        return NONE_DECLARED
            .get_or_init(|| build_job_context(Some([] as [&str; 0])))
            .clone();
    }
    build_job_context(Some(ids))
}

fn build_job_context<K: AsRef<str>>(services: Option<impl IntoIterator<Item = K>>) -> Type {
    let container = Type::object([("id", Type::String), ("network", Type::String)]);
    let service = Type::object([
        ("id", Type::String),
        ("network", Type::String),
        ("ports", Type::map_of(Type::String)),
    ]);
    let services = match services {
        Some(ids) => Type::object(ids.into_iter().map(|id| (id, service.clone())).collect::<Vec<_>>()),
        None => Type::map_of(service),
    };
    Type::object([
        ("check_run_id", Type::Number),
        ("container", container),
        ("services", services),
        ("status", Type::String),
        ("workflow_file_path", Type::String),
        ("workflow_ref", Type::String),
        ("workflow_repository", Type::String),
        ("workflow_sha", Type::String),
    ])
}

fn strategy_context() -> Type {
    Type::object([
        ("fail-fast", Type::Bool),
        ("job-index", Type::Number),
        ("job-total", Type::Number),
        ("max-parallel", Type::Number),
    ])
}

/// The type of one step in the `steps` context.
pub fn step_type(outputs: Type) -> Type {
    Type::object([
        ("outputs", outputs),
        ("conclusion", Type::String),
        ("outcome", Type::String),
    ])
}

/// The loosely typed `jobs` context used when the caller did not describe the jobs.
pub fn default_jobs_context() -> Type {
    Type::map_of(job_result_type(Type::map_of(Type::String)))
}

/// The type of one job in the `needs` (or `jobs`) context.
pub fn job_result_type(outputs: Type) -> Type {
    Type::object([("outputs", outputs), ("result", Type::String)])
}

/// A closed `steps` context: each step id with the type of its `outputs` (use
/// `Type::map_of(Type::String)` when a step's outputs are unknown).
pub fn steps_context<K: AsRef<str>>(steps: impl IntoIterator<Item = (K, Type)>) -> Type {
    Type::object(steps.into_iter().map(|(id, outputs)| (id, step_type(outputs))))
}

/// A closed `needs` context (or `jobs` context for `on.workflow_call.outputs`): each job id
/// with the type of its outputs, typically a closed object of strings.
pub fn needs_context<K: AsRef<str>>(jobs: impl IntoIterator<Item = (K, Type)>) -> Type {
    Type::object(jobs.into_iter().map(|(id, outputs)| (id, job_result_type(outputs))))
}

/// The [`CONTEXT_NAMES`] entry `name` names, in any case. Compared in place:
/// every variable of every expression is looked up, and a lowercased copy
/// per lookup was an allocation each time.
fn context_key(name: &str) -> Option<&'static &'static str> {
    CONTEXT_NAMES.iter().find(|n| n.eq_ignore_ascii_case(name))
}

fn builtin_defaults() -> &'static BTreeMap<&'static str, Type> {
    static DEFAULTS: OnceLock<BTreeMap<&'static str, Type>> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        let strings = Type::map_of(Type::String);
        BTreeMap::from([
            ("env", strings.clone()),
            ("github", github_context(Type::any_object())),
            ("inputs", Type::any_object()),
            ("job", job_context()),
            ("matrix", Type::any_object()),
            ("needs", Type::map_of(job_result_type(strings.clone()))),
            ("runner", runner_context()),
            ("secrets", strings.clone()),
            ("steps", Type::map_of(step_type(strings.clone()))),
            ("strategy", strategy_context()),
            ("vars", strings),
        ])
    })
}

/// The types of the contexts for one place in a workflow. `Scope::default()` knows the fixed
/// contexts precisely and types the workflow-dependent ones loosely (any step id, any job id,
/// any matrix key, any input); callers narrow those with the setters.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    overrides: BTreeMap<&'static str, Type>,
}

impl Scope {
    pub fn new() -> Self {
        Scope::default()
    }

    /// The type of a context, looked up case-insensitively; `None` for unknown names. `jobs`
    /// only exists once [`Scope::set_jobs`] was called: it is only available in
    /// `on.workflow_call.outputs`.
    pub fn context(&self, name: &str) -> Option<Type> {
        let key = context_key(name)?;
        self.overrides.get(key).or_else(|| builtin_defaults().get(key)).cloned()
    }

    /// Replaces the type of a context. Unknown names are ignored (returns false).
    pub fn set_context(&mut self, name: &str, ty: Type) -> bool {
        match context_key(name) {
            Some(key) => {
                self.overrides.insert(key, ty);
                true
            }
            None => false,
        }
    }

    /// Steps that ran before this point: `(id, outputs type)`. See [`steps_context`].
    pub fn set_steps<K: AsRef<str>>(&mut self, steps: impl IntoIterator<Item = (K, Type)>) -> &mut Self {
        self.set_context("steps", steps_context(steps));
        self
    }

    /// Jobs listed in `needs:`: `(id, outputs type)`. See [`needs_context`].
    pub fn set_needs<K: AsRef<str>>(&mut self, jobs: impl IntoIterator<Item = (K, Type)>) -> &mut Self {
        self.set_context("needs", needs_context(jobs));
        self
    }

    /// The jobs of a reusable workflow, for `on.workflow_call.outputs.<id>.value`.
    pub fn set_jobs<K: AsRef<str>>(&mut self, jobs: impl IntoIterator<Item = (K, Type)>) -> &mut Self {
        self.set_context("jobs", needs_context(jobs));
        self
    }

    /// The matrix keys: pass `Type::object(...)` for a known matrix, `Type::object([])` for a job
    /// without one, and `Type::any_object()` when the matrix comes from an expression.
    pub fn set_matrix(&mut self, matrix: Type) -> &mut Self {
        self.set_context("matrix", matrix);
        self
    }

    /// The declared inputs of `workflow_call` / `workflow_dispatch` (`Type::object([])` when the
    /// workflow has neither).
    pub fn set_inputs(&mut self, inputs: Type) -> &mut Self {
        self.set_context("inputs", inputs);
        self
    }

    /// The secrets known to exist, e.g. those declared by `on.workflow_call.secrets` plus
    /// `GITHUB_TOKEN`.
    pub fn set_secrets(&mut self, secrets: Type) -> &mut Self {
        self.set_context("secrets", secrets);
        self
    }

    /// Types `github.event.inputs` (all strings for `workflow_dispatch`), keeping the rest of
    /// `github.event` open.
    pub fn set_github_event_inputs(&mut self, inputs: Type) -> &mut Self {
        let event = Type::open_object([("inputs", inputs)], Type::Any);
        self.set_context("github", github_context(event));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_job_context_built_once_is_the_one_built_each_time() {
        let none: [&str; 0] = [];
        for _ in 0..2 {
            assert_eq!(job_context_with_services(Some(none)), build_job_context(Some(none)));
            assert_eq!(
                job_context_with_services(None::<[&str; 0]>),
                build_job_context(None::<[&str; 0]>)
            );
        }
        let closed = job_context_with_services(Some(none));
        assert!(matches!(&closed, Type::Object(o) if o.props["services"] == Type::object::<&str>([])));
        assert_ne!(closed, job_context_with_services(None::<[&str; 0]>));
        assert_eq!(job_context_with_services(Some(["db"])), build_job_context(Some(["db"])));
        assert_ne!(job_context_with_services(Some(["db"])), closed);
    }

    #[test]
    fn builtin_contexts() {
        let scope = Scope::new();
        assert_eq!(
            scope.context("runner").map(|t| t.to_string()).as_deref(),
            Some(
                "{arch: string; debug: string; environment: string; name: string; os: string; temp: string; tool_cache: string; workspace: string}"
            )
        );
        assert_eq!(
            scope
                .context("GitHub")
                .and_then(|g| g.property("event"))
                .map(|t| t.to_string())
                .as_deref(),
            Some("object")
        );
        assert_eq!(
            scope.context("vars").map(|t| t.to_string()).as_deref(),
            Some("{string => string}")
        );
        assert!(scope.context("foo").is_none());
        assert_eq!(
            scope.context("strategy").and_then(|s| s.property("fail-fast")),
            Some(Type::Bool)
        );
    }

    #[test]
    fn typed_scopes() {
        let mut scope = Scope::new();
        scope
            .set_needs([("second", Type::object([("second", Type::String)]))])
            .set_steps([("cache", Type::object([("cache-hit", Type::String)]))])
            .set_inputs(Type::object::<&str>([]));
        assert_eq!(
            scope.context("needs").map(|t| t.to_string()).as_deref(),
            Some("{second: {outputs: {second: string}; result: string}}")
        );
        let outputs = scope
            .context("steps")
            .and_then(|s| s.property("cache"))
            .and_then(|c| c.property("outputs"));
        assert_eq!(outputs.map(|t| t.to_string()).as_deref(), Some("{cache-hit: string}"));
        assert_eq!(scope.context("inputs").map(|t| t.to_string()).as_deref(), Some("{}"));
        assert!(!scope.set_context("nope", Type::Any));
    }

    #[test]
    fn github_event_inputs() {
        let mut scope = Scope::new();
        scope.set_github_event_inputs(Type::object([("name", Type::String)]));
        let event = scope.context("github").and_then(|g| g.property("event"));
        assert_eq!(
            event
                .as_ref()
                .and_then(|e| e.property("inputs"))
                .map(|t| t.to_string())
                .as_deref(),
            Some("{name: string}")
        );
        assert_eq!(event.and_then(|e| e.property("issue")), Some(Type::Any));
    }

    #[test]
    fn every_context_is_described_once() {
        let described: Vec<&str> = CONTEXT_DESCRIPTIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(described, CONTEXT_NAMES);
        assert!(context_description("nope").is_none());
    }
}
