//! Typing the workflow-dependent contexts (`inputs`, `needs`, `matrix`,
//! `steps`, `jobs`) from the workflow itself.

use autoheal_expr::{Scope, Type};

use super::outputs::Outputs;
use crate::config::Config;
use crate::model::{Job, Step, Workflow};
use crate::yaml::{Node, NodeKind};

/// Past this many earlier steps with ids, `steps` is typed loosely, so a
/// pathological job cannot make the checker quadratic.
const MAX_TYPED_STEPS: usize = 256;

/// The scope shared by every key of a workflow: `inputs` and
/// `github.event.inputs` from its `workflow_call` / `workflow_dispatch`, and
/// `vars` from the configured variable names (actionlint's `config-variables`)
/// and `secrets` from the configured secret names (its `config-secrets`;
/// `GITHUB_TOKEN` is always there: GitHub gives every run one) when there
/// are any.
pub(crate) fn workflow_scope(wf: &Workflow<'_>, config: &Config) -> Scope {
    let mut scope = Scope::new();
    if let Some(names) = &config.config_variables {
        scope.set_context("vars", Type::object(names.iter().map(|n| (n.as_str(), Type::String))));
    }
    if let Some(names) = &config.config_secrets {
        let listed = names
            .iter()
            .filter(|n| !n.eq_ignore_ascii_case("github_token"))
            .map(|n| (n.as_str(), Type::String));
        scope.set_secrets(Type::object(listed.chain([("github_token", Type::String)])));
    }
    let Some(on) = wf.on().map(|e| &e.value) else {
        return scope;
    };
    let call = trigger(on, "workflow_call");
    let dispatch = trigger(on, "workflow_dispatch");
    let mut open = false;
    let mut props: Vec<(String, Type)> = Vec::new();
    for (trig, is_dispatch) in [(call, false), (dispatch, true)] {
        let Some(trig) = trig else { continue };
        match trig.get("inputs") {
            None => {}
            Some(n) if n.is_null() => {}
            Some(n) => match n.as_mapping() {
                Some(entries) => {
                    for e in entries {
                        let Some(name) = e.key.as_str() else { continue };
                        let ty = input_type(&e.value, is_dispatch);
                        match props.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
                            Some((_, t)) => *t = t.merge(&ty),
                            None => props.push((name.to_string(), ty)),
                        }
                    }
                }
                None => open = true,
            },
        }
    }
    scope.set_inputs(if open {
        Type::open_object(props, Type::Any)
    } else {
        Type::object(props)
    });
    // A workflow only ever called declares every secret it reads, unless
    // the declaration is missing altogether.
    if let (Some(c), true) = (call, only_trigger(on, "workflow_call")) {
        if let Some(secrets) = c.get("secrets") {
            let declared: Vec<(&str, Type)> = secrets
                .as_mapping()
                .map(|es| {
                    es.iter()
                        .filter_map(|e| Some((e.key.as_str()?, Type::String)))
                        .collect()
                })
                .unwrap_or_default();
            if secrets.is_null() || secrets.is_mapping() {
                let mut all = declared;
                all.push(("github_token", Type::String));
                scope.set_secrets(Type::object(all));
            }
        }
    }
    if let (Some(d), None) = (dispatch, call) {
        let names: Vec<(String, Type)> = d
            .get("inputs")
            .and_then(Node::as_mapping)
            .map(|es| {
                es.iter()
                    .filter_map(|e| Some((e.key.as_str()?.to_string(), Type::String)))
                    .collect()
            })
            .unwrap_or_default();
        let loose = d.get("inputs").is_some_and(|n| !n.is_null() && !n.is_mapping());
        scope.set_github_event_inputs(if loose { Type::any_object() } else { Type::object(names) });
    }
    scope
}

/// `scope` with `inputs` holding exactly `declared` (workflow_call inputs
/// declared before a default that reads them).
pub(crate) fn with_inputs(scope: &Scope, declared: &[crate::yaml::Entry]) -> Scope {
    let mut out = scope.clone();
    out.set_inputs(Type::object(
        declared
            .iter()
            .filter_map(|e| Some((e.key.as_str()?, input_type(&e.value, false)))),
    ));
    out
}

/// `on.<name>` as a node (a `Node` standing for "present, no settings"
/// when `on` is a string or list).
fn trigger<'a>(on: &'a Node, name: &str) -> Option<&'a Node> {
    match &on.kind {
        NodeKind::Mapping(_) => on.get(name),
        NodeKind::Scalar(_) => (on.as_str() == Some(name)).then_some(on),
        NodeKind::Sequence(items) => items.iter().find(|i| i.as_str() == Some(name)),
    }
}

fn only_trigger(on: &Node, name: &str) -> bool {
    match &on.kind {
        NodeKind::Mapping(es) => es.len() == 1 && es[0].key.as_str() == Some(name),
        NodeKind::Scalar(_) => on.as_str() == Some(name),
        NodeKind::Sequence(items) => items.len() == 1 && items[0].as_str() == Some(name),
    }
}

fn input_type(def: &Node, dispatch: bool) -> Type {
    match def.get("type").and_then(Node::as_str) {
        Some("boolean") => Type::Bool,
        Some("number") => Type::Number,
        Some("string" | "choice" | "environment") => Type::String,
        None if dispatch => Type::String,
        _ => Type::Any,
    }
}

/// The scope of a job's keys: the workflow scope plus `needs` and `matrix`.
pub(crate) fn job_scope(base: &Scope, wf: &Workflow<'_>, job: &Job<'_>, outputs: &Outputs<'_>) -> Scope {
    let mut scope = base.clone();
    match job.get("needs") {
        Some(n) if n.is_expression() => {}
        _ => {
            let needs: Vec<(String, Type)> = job
                .needs()
                .iter()
                .filter_map(|n| Some((n.as_str()?.to_string(), needed_outputs(wf, n.as_str()?, outputs))))
                .collect();
            scope.set_needs(needs);
        }
    }
    scope.set_matrix(matrix_type(job));
    scope.set_context("job", job_context(job));
    scope
}

/// The `job` context of a job: `job.services` has exactly the services the
/// job declares (GitHub creates no other), or any id when `services:` is
/// not a literal mapping.
fn job_context(job: &Job<'_>) -> Type {
    let ids: Option<Vec<&str>> = match job.get("services") {
        None => Some(Vec::new()),
        Some(n) if n.is_null() => Some(Vec::new()),
        Some(n) => n
            .as_mapping()
            .and_then(|es| es.iter().map(|e| e.key.as_str()).collect::<Option<Vec<_>>>()),
    };
    autoheal_expr::contexts::job_context_with_services(ids)
}

fn needed_outputs(wf: &Workflow<'_>, id: &str, outputs: &Outputs<'_>) -> Type {
    let Some(job) = wf.job(id) else {
        return Type::map_of(Type::String);
    };
    if job.is_call() {
        return match job.get("uses").and_then(Node::as_str) {
            Some(uses) => outputs.of_call(uses),
            None => Type::map_of(Type::String),
        };
    }
    match job.get("outputs") {
        None => Type::object::<&str>([]),
        Some(n) => match n.as_mapping() {
            Some(es) => Type::object(es.iter().filter_map(|e| Some((e.key.as_str()?, Type::String)))),
            None if n.is_null() => Type::object::<&str>([]),
            None => Type::map_of(Type::String),
        },
    }
}

/// The `matrix` context of a job: its keys (with `include` additions) and
/// the types of their values; open when any part is an expression.
pub(crate) fn matrix_type(job: &Job<'_>) -> Type {
    let Some(strategy) = job.get("strategy") else {
        return Type::object::<&str>([]);
    };
    if !strategy.is_mapping() {
        return if strategy.is_null() {
            Type::object::<&str>([])
        } else {
            Type::any_object()
        };
    }
    let Some(matrix) = strategy.get("matrix") else {
        return Type::object::<&str>([]);
    };
    let Some(entries) = matrix.as_mapping() else {
        return if matrix.is_null() {
            Type::object::<&str>([])
        } else if matrix.is_expression() {
            // `${{ fromJSON('{…}') }}`: the literal's own keys and rows.
            match value_type(matrix) {
                Type::Object(o) => MatrixType::from_object(&o).finish(),
                _ => Type::any_object(),
            }
        } else {
            Type::any_object()
        };
    };
    let mut matrix_type = MatrixType::default();
    for e in entries {
        let Some(key) = e.key.as_str() else { continue };
        match key {
            "exclude" => {}
            "include" => match e.value.as_sequence() {
                Some(rows) => {
                    for row in rows {
                        match row.as_mapping() {
                            Some(cells) => {
                                for c in cells {
                                    if let Some(k) = c.key.as_str() {
                                        matrix_type.add(k, value_type(&c.value));
                                    }
                                }
                            }
                            None => matrix_type.include_row(&value_type(row)),
                        }
                    }
                }
                None if e.value.is_null() => {}
                None => matrix_type.include(&value_type(&e.value)),
            },
            _ => {
                let ty = match e.value.as_sequence() {
                    Some(items) => items.iter().fold(None::<Type>, |acc, i| {
                        let t = value_type(i);
                        Some(match acc {
                            Some(a) => a.merge(&t),
                            None => t,
                        })
                    }),
                    None => row_elements(&value_type(&e.value)),
                };
                matrix_type.add(key, ty.unwrap_or(Type::Any));
            }
        }
    }
    matrix_type.finish()
}

/// The `matrix` context being built: each key with the type of its values,
/// and whether some row is not known (which leaves the object open).
#[derive(Default)]
struct MatrixType {
    props: Vec<(String, Type)>,
    open: bool,
}

impl MatrixType {
    /// A whole matrix given as one object (`fromJSON()` of a literal).
    fn from_object(o: &autoheal_expr::types::ObjectType) -> Self {
        let mut m = MatrixType {
            open: o.rest.is_some(),
            ..MatrixType::default()
        };
        for (k, ty) in &o.props {
            match k.as_str() {
                "exclude" => {}
                "include" => m.include(ty),
                _ => m.add(k, row_elements(ty).unwrap_or(Type::Any)),
            }
        }
        m
    }

    fn add(&mut self, name: &str, ty: Type) {
        match self.props.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            Some((_, t)) => *t = t.merge(&ty),
            None => self.props.push((name.to_string(), ty)),
        }
    }

    /// `include` given whole: an array of rows.
    fn include(&mut self, ty: &Type) {
        match ty {
            Type::Array(a) => self.include_row(&a.elem),
            _ => self.open = true,
        }
    }

    /// One `include` row given as a value: its keys when it is an object
    /// that is known.
    fn include_row(&mut self, ty: &Type) {
        match ty {
            Type::Object(o) => {
                self.open |= o.rest.is_some();
                for (k, t) in &o.props {
                    self.add(k, t.clone());
                }
            }
            _ => self.open = true,
        }
    }

    fn finish(self) -> Type {
        if self.open {
            Type::open_object(self.props, Type::Any)
        } else {
            Type::object(self.props)
        }
    }
}

/// The type of each value of a matrix row given as one value: the elements
/// of an array; `None` (any) for anything else, which GitHub cannot expand
/// (the `expression` rule reports it where it is written).
fn row_elements(ty: &Type) -> Option<Type> {
    match ty {
        Type::Array(a) => Some(a.elem.clone()),
        _ => None,
    }
}

/// The type of a literal YAML value as the expression sees it.
fn value_type(node: &Node) -> Type {
    match &node.kind {
        NodeKind::Scalar(_) if node.is_expression() => expression_type(node.as_str().unwrap_or("")),
        NodeKind::Scalar(_) if node.is_null() => Type::Null,
        NodeKind::Scalar(_) if node.as_bool().is_some() => Type::Bool,
        NodeKind::Scalar(_) if node.as_number().is_some() => Type::Number,
        NodeKind::Scalar(_) => Type::String,
        NodeKind::Sequence(items) => Type::array_of(
            items
                .iter()
                .map(value_type)
                .reduce(|a, b| a.merge(&b))
                .unwrap_or(Type::Any),
        ),
        NodeKind::Mapping(entries) => Type::object(
            entries
                .iter()
                .filter_map(|e| Some((e.key.as_str()?, value_type(&e.value)))),
        ),
    }
}

/// The type of a matrix value written as one `${{ }}` (e.g. a
/// `fromJSON()` literal); `any` when it depends on anything else.
fn expression_type(text: &str) -> Type {
    let Some(e) = autoheal_expr::single_expression(text) else {
        return Type::Any;
    };
    let Ok(expr) = autoheal_expr::parse(e.inner_text(text)) else {
        return Type::Any;
    };
    autoheal_expr::Checker::new(&Scope::new()).check(&expr).ty
}

/// `scope` with `steps` typed as the steps in `before` that have ids.
pub(crate) fn with_steps(scope: &Scope, before: &[Step<'_>], outputs: &Outputs<'_>) -> Scope {
    let nodes: Vec<&Node> = before.iter().map(|s| s.node).collect();
    with_step_nodes(scope, &nodes, outputs)
}

/// `steps` typed from plain step nodes (composite action steps, and the
/// steps of a `parallel:` group, whose ids the steps after it can read).
pub(crate) fn with_step_nodes(scope: &Scope, before: &[&Node], outputs: &Outputs<'_>) -> Scope {
    let mut typed = StepTypes::default();
    for s in before {
        typed.push(s, outputs);
    }
    typed.scope(scope)
}

/// The ids of the steps walked so far, each with its type in the `steps`
/// context (`steps.<id>`: its outputs, conclusion and outcome) built once:
/// the walk asks for the scope after every step with an id, and typing the
/// whole prefix again each time was quadratic in a job's steps.
#[derive(Default)]
pub(crate) struct StepTypes<'n> {
    /// Each id with [`autoheal_expr::contexts::step_type`] of its outputs.
    ids: Vec<(&'n str, Type)>,
    /// An id given by an expression, or more than [`MAX_TYPED_STEPS`]
    /// ids: `steps` is left as the scope has it.
    untyped: bool,
}

impl<'n> StepTypes<'n> {
    /// The next step, then the steps of its `parallel:` group in order.
    /// Returns whether [`Self::scope`] changed (most steps have no id, and
    /// the walk keeps the scope it built until one does).
    pub(crate) fn push(&mut self, step: &'n Node, outputs: &Outputs<'_>) -> bool {
        let before = (self.ids.len(), self.untyped);
        let mut queue = vec![step];
        while let Some(s) = queue.pop() {
            if self.untyped {
                break;
            }
            if let Some(group) = s.get("parallel").and_then(Node::as_sequence) {
                queue.extend(group.iter().rev());
            }
            match s.get("id") {
                Some(n) if n.is_expression() => self.untyped = true,
                Some(n) => {
                    if let Some(id) = n.as_str() {
                        self.ids
                            .push((id, autoheal_expr::contexts::step_type(outputs.of_step(s))));
                    }
                }
                None => {}
            }
            self.untyped |= self.ids.len() > MAX_TYPED_STEPS;
        }
        (self.ids.len(), self.untyped) != before
    }

    /// `scope` with `steps` typed as the steps pushed so far.
    pub(crate) fn scope(&self, scope: &Scope) -> Scope {
        let mut out = scope.clone();
        if !self.untyped {
            // What `Scope::set_steps` builds, from the step types built at
            // each push.
            out.set_context("steps", Type::object(self.ids.iter().map(|(id, ty)| (*id, ty.clone()))));
        }
        out
    }
}

/// `jobs` for `on.workflow_call.outputs.<id>.value`.
pub(crate) fn with_jobs(scope: &Scope, wf: &Workflow<'_>, outputs: &Outputs<'_>) -> Scope {
    let mut out = scope.clone();
    out.set_jobs(
        wf.jobs
            .iter()
            .map(|j| (j.id, needed_outputs(wf, j.id, outputs)))
            .collect::<Vec<_>>(),
    );
    out
}

/// The scope of a composite action: its declared inputs (all strings).
pub(crate) fn action_scope(root: &Node) -> Scope {
    let mut scope = Scope::new();
    match root.get("inputs") {
        None => scope.set_inputs(Type::object::<&str>([])),
        Some(n) => match n.as_mapping() {
            Some(es) => scope.set_inputs(Type::object(
                es.iter().filter_map(|e| Some((e.key.as_str()?, Type::String))),
            )),
            None if n.is_null() => scope.set_inputs(Type::object::<&str>([])),
            None => &mut scope,
        },
    };
    scope
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Typing the whole prefix again for every step, as before
    /// [`StepTypes`]: the slow path it must equal.
    fn typed_from_scratch(scope: &Scope, before: &[&Node], outputs: &Outputs<'_>) -> Scope {
        let mut out = scope.clone();
        let mut ids = Vec::new();
        let mut queue: Vec<&Node> = before.to_vec();
        queue.reverse();
        while let Some(s) = queue.pop() {
            if let Some(group) = s.get("parallel").and_then(Node::as_sequence) {
                queue.extend(group.iter().rev());
            }
            match s.get("id") {
                Some(n) if n.is_expression() => return out,
                Some(n) => {
                    if let Some(id) = n.as_str() {
                        ids.push((id, outputs.of_step(s)));
                    }
                }
                None => {}
            }
            if ids.len() > MAX_TYPED_STEPS {
                return out;
            }
        }
        out.set_steps(ids);
        out
    }

    #[test]
    fn step_scopes_built_step_by_step_equal_typing_each_prefix() {
        let many: String = (0..MAX_TYPED_STEPS + 2)
            .map(|i| format!("- id: s{i}\n  run: echo\n"))
            .collect();
        let lists = [
            "- id: a\n  uses: actions/checkout@v4\n- run: echo\n- id: b\n  parallel:\n    - id: c\n      run: echo\n    - parallel:\n        - id: d\n          run: echo\n- id: e\n  uses: ./local\n".to_string(),
            "- id: a\n  run: echo\n- id: ${{ matrix.x }}\n  run: echo\n- id: b\n  run: echo\n".to_string(),
            "- parallel:\n    - id: ${{ inputs.x }}\n      run: echo\n- id: a\n  run: echo\n".to_string(),
            many,
        ];
        let config = crate::config::Config::default();
        let reads = crate::rules::Reads::default();
        let outputs = Outputs::new(&crate::repo::NoRepo, &config, &reads, "");
        let base = Scope::new();
        for list in &lists {
            let doc = crate::yaml::parse(list.as_bytes());
            let steps: Vec<&Node> = doc.root.as_ref().and_then(Node::as_sequence).unwrap().iter().collect();
            let mut typed = StepTypes::default();
            let mut kept: Option<String> = None;
            for i in 0..=steps.len() {
                let slow = typed_from_scratch(&base, &steps[..i], &outputs);
                let fast = format!("{:?}", typed.scope(&base).context("steps"));
                assert_eq!(
                    fast,
                    format!("{:?}", slow.context("steps")),
                    "after {i} steps of {list}"
                );
                // A push that says nothing changed leaves the scope the
                // walk keeps as it was.
                if let Some(kept) = &kept {
                    assert_eq!(&fast, kept, "step {i} of {list} changed the scope unannounced");
                }
                if let Some(s) = steps.get(i) {
                    kept = (!typed.push(s, &outputs)).then_some(fast);
                }
            }
        }
    }
}
