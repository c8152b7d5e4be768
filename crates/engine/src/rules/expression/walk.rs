//! Which workflow key each value sits under, as the availability table
//! names it, and which scope types it.

use autoheal_expr::{Scope, Type};

use super::Pass;
use super::Role::{Text, Value};
use super::codes;
use super::scope;
use crate::diagnostic::Severity;
use crate::model::{Job, Workflow};
use crate::yaml::Node;

pub(crate) fn workflow(pass: &mut Pass<'_>, wf: &Workflow<'_>, config: &crate::config::Config) {
    let base = scope::workflow_scope(wf, config);
    let Some(entries) = wf.root.as_mapping() else { return };
    for e in entries {
        let v = &e.value;
        match e.key.as_str() {
            Some("run-name") => pass.site(v, Some("run-name"), Text, Text, &base),
            Some("name") => pass.site(v, Some("name"), Text, Text, &base),
            Some("env") => object_site(pass, v, "env", "env", Text, &base),
            Some("concurrency") => concurrency(pass, v, "concurrency", &base),
            // GitHub's context availability table has no row for
            // `cache-mode` (2026-09), so no context is refused there; the
            // expression's syntax, functions and properties are checked.
            Some("cache-mode") => pass.site(v, None, Text, Text, &base),
            Some("defaults") => {
                if let Some(run) = v.get("run") {
                    pass.site(run, Some("defaults.run"), Text, Text, &base);
                }
            }
            Some("on") => workflow_call(pass, wf, v, &base),
            _ => {}
        }
    }
    for job in &wf.jobs {
        self::job(pass, wf, job, &base);
    }
}

/// Only the jobs named `ids`, without the workflow-level keys: a re-lint
/// whose edits can change nothing else ([`super::rescope`]).
pub(crate) fn jobs(pass: &mut Pass<'_>, wf: &Workflow<'_>, config: &crate::config::Config, ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    let base = scope::workflow_scope(wf, config);
    for job in wf.jobs.iter().filter(|j| ids.iter().any(|id| id == j.id)) {
        self::job(pass, wf, job, &base);
    }
}

fn workflow_call(pass: &mut Pass<'_>, wf: &Workflow<'_>, on: &Node, base: &Scope) {
    let Some(call) = on.get("workflow_call") else { return };
    if let Some(inputs) = call.get("inputs").and_then(Node::as_mapping) {
        // A default may read the inputs declared before it.
        for (i, e) in inputs.iter().enumerate() {
            let Some(default) = e.value.get("default") else {
                continue;
            };
            let before = scope::with_inputs(base, &inputs[..i]);
            let key = Some("on.workflow_call.inputs.<inputs_id>.default");
            let Some(ty) = pass.scalar(default, key, Text, &before) else {
                continue;
            };
            let want = match e.value.get("type").and_then(Node::as_str) {
                Some("boolean") => Type::Bool,
                Some("number") => Type::Number,
                _ => continue,
            };
            if ty == Type::String || matches!(ty, Type::Null | Type::Object(_) | Type::Array(_)) {
                let name = e.key.as_str().unwrap_or("");
                pass.push(
                    codes::VALUE_TYPE,
                    default.span,
                    format!("type of input \"{name}\" must be {want} but found type {ty}"),
                    crate::diagnostic::Severity::Error,
                );
            }
        }
    }
    if let Some(outputs) = call.get("outputs").and_then(Node::as_mapping) {
        let with_jobs = scope::with_jobs(base, wf, &pass.outputs);
        for e in outputs {
            if let Some(value) = e.value.get("value") {
                pass.site(
                    value,
                    Some("on.workflow_call.outputs.<output_id>.value"),
                    Text,
                    Text,
                    &with_jobs,
                );
            }
        }
    }
}

fn job(pass: &mut Pass<'_>, wf: &Workflow<'_>, job: &Job<'_>, base: &Scope) {
    let Some(entries) = job.node().as_mapping() else { return };
    let js = scope::job_scope(base, wf, job, &pass.outputs);
    // `outputs` and `environment.url` read the steps of the whole job;
    // typed only for a job that has either.
    let all = std::cell::OnceCell::new();
    let all_steps = |outputs: &_| all.get_or_init(|| scope::with_steps(&js, &job.steps, outputs)).clone();
    for e in entries {
        let v = &e.value;
        match e.key.as_str() {
            Some("name") => pass.site(v, Some("jobs.<job_id>.name"), Text, Text, &js),
            Some("if") => pass.condition(v, Some("jobs.<job_id>.if"), &js),
            Some("runs-on") => {
                let key = Some("jobs.<job_id>.runs-on");
                match pass.scalar(v, key, Value, &js) {
                    // A runner group, `{group: …, labels: …}`, may come whole
                    // from an expression.
                    Some(Type::Object(o))
                        if o.rest.is_some() || o.props.contains_key("group") || o.props.contains_key("labels") => {}
                    Some(ty @ Type::Object(_)) => pass.push(
                        codes::VALUE_TYPE,
                        v.span,
                        format!("type of expression at \"runs-on\" must be string or array but found type \"{ty}\""),
                        Severity::Error,
                    ),
                    Some(_) => {}
                    None if v.is_scalar() => {}
                    None => pass.site(v, key, Value, Value, &js),
                }
            }
            Some("environment") => match v.as_mapping() {
                Some(env) => {
                    for f in env {
                        match f.key.as_str() {
                            Some("url") => pass.site(
                                &f.value,
                                Some("jobs.<job_id>.environment.url"),
                                Text,
                                Text,
                                &all_steps(&pass.outputs),
                            ),
                            _ => pass.site(&f.value, Some("jobs.<job_id>.environment"), Text, Text, &js),
                        }
                    }
                }
                None => pass.site(v, Some("jobs.<job_id>.environment"), Text, Text, &js),
            },
            Some("concurrency") => concurrency(pass, v, "jobs.<job_id>.concurrency", &js),
            // No availability row either (see the workflow's `cache-mode`).
            Some("cache-mode") => pass.site(v, None, Text, Text, &js),
            Some("outputs") => {
                let all = all_steps(&pass.outputs);
                pass.site(v, Some("jobs.<job_id>.outputs.<output_id>"), Value, Text, &all);
            }
            Some("env") => object_site(pass, v, "jobs.<job_id>.env", "env", Text, &js),
            Some("defaults") => {
                if let Some(run) = v.get("run") {
                    pass.site(run, Some("jobs.<job_id>.defaults.run"), Text, Text, &js);
                }
            }
            Some("timeout-minutes") => typed_site(
                pass,
                v,
                ("jobs.<job_id>.timeout-minutes", "timeout-minutes"),
                &Type::Number,
                &js,
            ),
            Some("continue-on-error") => typed_site(
                pass,
                v,
                ("jobs.<job_id>.continue-on-error", "continue-on-error"),
                &Type::Bool,
                &js,
            ),
            Some("strategy") => strategy(pass, v, &js),
            Some("snapshot") => match v.get("if") {
                Some(cond) => pass.condition(cond, Some("jobs.<job_id>.snapshot.if"), &js),
                None => pass.site(v, Some("jobs.<job_id>.strategy"), Value, Text, &js),
            },
            Some("container") => container(pass, v, &js),
            Some("services") => services(pass, v, &js),
            // A call's values are typed against the callee's inputs by the
            // `workflow-call` rule (`workflow-call/input-type`).
            Some("with") => pass.site(v, Some("jobs.<job_id>.with.<with_id>"), Value, Text, &js),
            Some("secrets") => pass.site(v, Some("jobs.<job_id>.secrets.<secrets_id>"), Value, Text, &js),
            _ => {}
        }
    }
    let mut before = scope::StepTypes::default();
    // The steps' scope, built again only after a step with an id.
    let mut kept: Option<Scope> = None;
    for step in &job.steps {
        if has_expressions(pass.source, step.node) || step.get("if").is_some() {
            let ss = kept.get_or_insert_with(|| before.scope(&js));
            self::step(pass, step.node, ss, false);
            // The steps of a `parallel:` group see the steps before the group.
            for inner in step.get("parallel").and_then(Node::as_sequence).unwrap_or_default() {
                self::step(pass, inner, ss, false);
            }
        }
        if before.push(step.node, &pass.outputs) {
            kept = None;
        }
    }
}

/// `concurrency` (the workflow's or a job's, `key` naming which): a group
/// string, or a mapping whose `cancel-in-progress` is a typed key (the
/// template converter reads it with `AssertBoolean`, as it reads
/// `continue-on-error`), so an expression must give a boolean.
fn concurrency(pass: &mut Pass<'_>, node: &Node, key: &str, scope: &Scope) {
    let Some(entries) = node.as_mapping() else {
        pass.site(node, Some(key), Text, Text, scope);
        return;
    };
    for e in entries {
        pass.scalar(&e.key, Some(key), Text, scope);
        match e.key.as_str() {
            Some("cancel-in-progress") => typed_site(pass, &e.value, (key, "cancel-in-progress"), &Type::Bool, scope),
            _ => pass.site(&e.value, Some(key), Text, Text, scope),
        }
    }
}

/// `strategy`: `max-parallel` and `fail-fast` are typed keys; the matrix
/// and the rest are values an expression may give whole.
fn strategy(pass: &mut Pass<'_>, node: &Node, js: &Scope) {
    const KEY: &str = "jobs.<job_id>.strategy";
    let Some(entries) = node.as_mapping() else {
        pass.site(node, Some(KEY), Value, Value, js);
        return;
    };
    for e in entries {
        pass.scalar(&e.key, Some(KEY), Text, js);
        match e.key.as_str() {
            Some("max-parallel") => typed_site(pass, &e.value, (KEY, "max-parallel"), &Type::Number, js),
            Some("fail-fast") => typed_site(pass, &e.value, (KEY, "fail-fast"), &Type::Bool, js),
            Some("matrix") => matrix(pass, &e.value, js),
            _ => pass.site(&e.value, Some(KEY), Value, Value, js),
        }
    }
}

/// `strategy.matrix`, where GitHub expands what a single `${{ }}` gives
/// (the workflow syntax for `jobs.<job_id>.strategy.matrix`): the matrix is
/// an object, each key's values an array, `include` and `exclude` arrays
/// of objects. A value of another type cannot be expanded, and the run
/// fails; `fromJSON()` of a literal is where such a mistake is seen.
fn matrix(pass: &mut Pass<'_>, node: &Node, js: &Scope) {
    const KEY: &str = "jobs.<job_id>.strategy";
    let Some(entries) = node.as_mapping() else {
        if node.is_scalar() {
            let reported = pass.out.len();
            let Some(ty) = pass.scalar(node, Some(KEY), Value, js) else {
                return;
            };
            if pass.out.len() != reported {
                return;
            }
            // Only the whole value's shape: what a literal's keys hold is
            // left alone (actionlint accepts `{"foo":{}}` among its valid
            // cases, and nothing read says how GitHub expands it).
            if let Some(message) = Shape::Object.mismatch("matrix", &ty) {
                pass.push(codes::VALUE_TYPE, node.span, message, Severity::Error);
            }
        } else {
            pass.site(node, Some(KEY), Value, Value, js);
        }
        return;
    };
    for e in entries {
        pass.scalar(&e.key, Some(KEY), Text, js);
        let name = e.key.as_str().unwrap_or("");
        let rows = matches!(name, "include" | "exclude");
        match e.value.as_sequence() {
            Some(items) if rows => {
                for item in items {
                    if item.is_scalar() {
                        shaped_site(pass, item, &format!("an element of \"{name}\""), Shape::Object, js);
                    } else {
                        pass.site(item, Some(KEY), Value, Value, js);
                    }
                }
            }
            None if e.value.is_scalar() => {
                let shape = if rows { Shape::Rows } else { Shape::Array };
                shaped_site(pass, &e.value, &format!("matrix.{name}"), shape, js);
            }
            _ => pass.site(&e.value, Some(KEY), Value, Value, js),
        }
    }
}

/// What a value GitHub expands must be.
#[derive(Clone, Copy)]
enum Shape {
    Object,
    Array,
    /// An array of objects (`include`, `exclude`).
    Rows,
}

impl Shape {
    /// The error for a value of type `ty` at `name`, when it cannot be
    /// this shape (`any` and an unknown element can).
    fn mismatch(self, name: &str, ty: &Type) -> Option<String> {
        let fits = match (self, ty) {
            (_, Type::Any) => true,
            (Shape::Object, Type::Object(_)) | (Shape::Array, Type::Array(_)) => true,
            (Shape::Rows, Type::Array(a)) => matches!(a.elem, Type::Any | Type::Object(_)),
            _ => false,
        };
        let want = match self {
            Shape::Object => "object",
            Shape::Array => "array",
            Shape::Rows => "array of objects",
        };
        (!fits).then(|| format!("type of expression at \"{name}\" must be {want} but found type {ty}"))
    }
}

/// A matrix part given as one `${{ }}` must evaluate to `shape`; an
/// expression with its own errors is not typed further. Text around an
/// expression makes a string, which is checked as one.
fn shaped_site(pass: &mut Pass<'_>, node: &Node, name: &str, shape: Shape, js: &Scope) {
    const KEY: &str = "jobs.<job_id>.strategy";
    let reported = pass.out.len();
    let Some(ty) = pass.scalar(node, Some(KEY), Value, js) else {
        return;
    };
    if pass.out.len() == reported
        && let Some(message) = shape.mismatch(name, &ty)
    {
        pass.push(codes::VALUE_TYPE, node.span, message, Severity::Error);
    }
}

/// A key GitHub reads as a number or a boolean (`timeout-minutes`,
/// `continue-on-error`, `strategy.max-parallel`, `strategy.fail-fast`,
/// `concurrency.cancel-in-progress`): a
/// value that is one `${{ }}` must evaluate to `want`. Nothing converts:
/// the runner's template reader asserts the token's type (`AssertNumber`,
/// `AssertBoolean` in `PipelineTemplateConverter`), which is why GitHub's
/// expressions documentation passes such values through `fromJSON()`.
/// `at` is the availability key and the key's own name.
fn typed_site(pass: &mut Pass<'_>, node: &Node, at: (&str, &str), want: &Type, scope: &Scope) {
    let (key, name) = at;
    if !node.is_scalar() {
        pass.site(node, Some(key), Value, Value, scope);
        return;
    }
    let reported = pass.out.len();
    let (ty, why) = match pass.scalar(node, Some(key), Value, scope) {
        Some(ty) => (ty, ""),
        // One `${{ }}` with only whitespace kept around it (a quoted
        // `"${{ true }} "`, a block scalar's last newline), or several side by
        // side: the runner's template reader makes a string of the literal
        // text and the results (`format()`), which the key rejects. Other text
        // around an expression is the schema rule's (not a number or boolean).
        None if node.alias.is_none()
            && node.is_expression()
            && node
                .as_str()
                .is_some_and(|v| autoheal_expr::single_expression(v).is_none()) =>
        {
            (
                Type::String,
                ": the text around the `${{ }}` (whitespace included) makes the value a string",
            )
        }
        None => return,
    };
    // An expression with its own errors is not typed further.
    if pass.out.len() == reported && ty != Type::Any && ty != *want {
        pass.push(
            codes::VALUE_TYPE,
            node.span,
            format!("type of expression at \"{name}\" must be {want} but found type {ty}{why}"),
            Severity::Error,
        );
    }
}

fn has_expressions(source: &str, node: &Node) -> bool {
    autoheal_expr::contains_expression(source.get(node.span.start..node.span.end).unwrap_or(""))
}

/// A value that is a single `${{ }}` where a mapping belongs must yield an
/// object (`services: ${{ github.ref }}` cannot work).
fn object_site(pass: &mut Pass<'_>, node: &Node, key: &str, name: &str, inner: super::Role, scope: &Scope) {
    if !node.is_scalar() {
        pass.site(node, Some(key), Value, inner, scope);
        return;
    }
    if let Some(ty @ (Type::String | Type::Number | Type::Bool | Type::Null | Type::Array(_))) =
        pass.scalar(node, Some(key), Value, scope)
    {
        pass.push(
            codes::VALUE_TYPE,
            node.span,
            format!("type of expression at \"{name}\" must be object but found type {ty}"),
            Severity::Error,
        );
    }
}

fn container(pass: &mut Pass<'_>, node: &Node, js: &Scope) {
    const KEY: &str = "jobs.<job_id>.container";
    let Some(entries) = node.as_mapping() else {
        pass.site(node, Some(KEY), Value, Value, js);
        return;
    };
    for e in entries {
        let v = &e.value;
        match e.key.as_str() {
            Some("image") => pass.site(v, Some("jobs.<job_id>.container.image"), Text, Text, js),
            Some("credentials") => object_site(pass, v, "jobs.<job_id>.container.credentials", "credentials", Text, js),
            Some("env") => object_site(pass, v, "jobs.<job_id>.container.env.<env_id>", "env", Text, js),
            Some("ports" | "volumes") => pass.site(v, Some(KEY), Value, Value, js),
            _ => pass.site(v, Some(KEY), Value, Text, js),
        }
    }
}

fn services(pass: &mut Pass<'_>, node: &Node, js: &Scope) {
    const KEY: &str = "jobs.<job_id>.services";
    let Some(services) = node.as_mapping() else {
        object_site(pass, node, KEY, "services", Value, js);
        return;
    };
    for service in services {
        let Some(entries) = service.value.as_mapping() else {
            pass.site(&service.value, Some(KEY), Value, Value, js);
            continue;
        };
        for e in entries {
            let v = &e.value;
            match e.key.as_str() {
                Some("credentials") => object_site(
                    pass,
                    v,
                    "jobs.<job_id>.services.<service_id>.credentials",
                    "credentials",
                    Text,
                    js,
                ),
                Some("env") => pass.site(
                    v,
                    Some("jobs.<job_id>.services.<service_id>.env.<env_id>"),
                    Value,
                    Text,
                    js,
                ),
                Some("command") => pass.site(v, Some("jobs.<job_id>.services.<service_id>.command"), Text, Text, js),
                Some("entrypoint") => pass.site(
                    v,
                    Some("jobs.<job_id>.services.<service_id>.entrypoint"),
                    Text,
                    Text,
                    js,
                ),
                Some("ports" | "volumes") => pass.site(v, Some(KEY), Value, Value, js),
                _ => pass.site(v, Some(KEY), Value, Text, js),
            }
        }
    }
}

/// One step of a job or of a composite action (whose `shell:` may read
/// the action's inputs).
fn step(pass: &mut Pass<'_>, node: &Node, scope: &Scope, composite: bool) {
    let Some(entries) = node.as_mapping() else { return };
    // A composite action's step keys have their own rows (the runner's
    // schema for action metadata: no `secrets`, `vars` or `needs`).
    let key = |workflow: &'static str, action: &'static str| if composite { action } else { workflow };
    for e in entries {
        let v = &e.value;
        match e.key.as_str() {
            Some("id") => pass.site(v, Some("jobs.<job_id>.steps.id"), Text, Text, scope),
            Some("if") => pass.condition(v, Some(key("jobs.<job_id>.steps.if", "runs.steps[*].if")), scope),
            Some("name") => pass.site(
                v,
                Some(key("jobs.<job_id>.steps.name", "runs.steps[*].name")),
                Text,
                Text,
                scope,
            ),
            Some("run") => pass.site(
                v,
                Some(key("jobs.<job_id>.steps.run", "runs.steps[*].run")),
                Text,
                Text,
                scope,
            ),
            Some("shell") if composite => pass.site(v, None, Text, Text, scope),
            Some("shell") => pass.site(v, Some("jobs.<job_id>.steps.shell"), Text, Text, scope),
            Some("with") => pass.site(
                v,
                Some(key("jobs.<job_id>.steps.with", "runs.steps[*].with")),
                Value,
                Text,
                scope,
            ),
            Some("env") => object_site(
                pass,
                v,
                key("jobs.<job_id>.steps.env", "runs.steps[*].env"),
                "env",
                Text,
                scope,
            ),
            Some("working-directory") => pass.site(
                v,
                Some(key(
                    "jobs.<job_id>.steps.working-directory",
                    "runs.steps[*].working-directory",
                )),
                Text,
                Text,
                scope,
            ),
            Some("continue-on-error") => {
                typed_site(
                    pass,
                    v,
                    (
                        key(
                            "jobs.<job_id>.steps.continue-on-error",
                            "runs.steps[*].continue-on-error",
                        ),
                        "continue-on-error",
                    ),
                    &Type::Bool,
                    scope,
                );
            }
            Some("timeout-minutes") => typed_site(
                pass,
                v,
                ("jobs.<job_id>.steps.timeout-minutes", "timeout-minutes"),
                &Type::Number,
                scope,
            ),
            _ => {}
        }
    }
}

/// `action.yml`: composite steps as job steps, output values with every
/// step in scope, each under the runner's rows for action metadata, and
/// the rest of `runs` parsed and typed without an availability row.
pub(crate) fn action(pass: &mut Pass<'_>, root: &Node) {
    let base = scope::action_scope(root);
    let steps: &[Node] = crate::model::composite_steps(root);
    if let Some(inputs) = root.get("inputs").and_then(Node::as_mapping) {
        for e in inputs {
            if let Some(default) = e.value.get("default") {
                pass.site(default, Some("inputs.<input_id>.default"), Text, Text, &base);
            }
        }
    }
    if let Some(outputs) = root.get("outputs").and_then(Node::as_mapping) {
        let refs: Vec<&Node> = steps.iter().collect();
        let all = scope::with_step_nodes(&base, &refs, &pass.outputs);
        for e in outputs {
            if let Some(value) = e.value.get("value") {
                pass.site(value, Some("outputs.<output_id>.value"), Text, Text, &all);
            }
        }
    }
    let Some(runs) = root.get("runs").and_then(Node::as_mapping) else {
        return;
    };
    for e in runs {
        match e.key.as_str() {
            Some("steps") => {
                let mut before = scope::StepTypes::default();
                let mut kept: Option<Scope> = None;
                for s in steps {
                    if has_expressions(pass.source, s) || s.get("if").is_some() {
                        let ss = kept.get_or_insert_with(|| before.scope(&base));
                        self::step(pass, s, ss, true);
                    }
                    if before.push(s, &pass.outputs) {
                        kept = None;
                    }
                }
            }
            Some("pre-if" | "post-if") => pass.condition(&e.value, None, &base),
            Some("using" | "main" | "pre" | "post") => {}
            _ => pass.site(&e.value, None, Value, Text, &base),
        }
    }
}

#[cfg(test)]
pub(crate) const KEYS_USED: &[&str] = &[
    "name",
    "run-name",
    "env",
    "concurrency",
    "defaults.run",
    "on.workflow_call.inputs.<inputs_id>.default",
    "on.workflow_call.outputs.<output_id>.value",
    "jobs.<job_id>.name",
    "jobs.<job_id>.if",
    "jobs.<job_id>.runs-on",
    "jobs.<job_id>.environment",
    "jobs.<job_id>.environment.url",
    "jobs.<job_id>.concurrency",
    "jobs.<job_id>.outputs.<output_id>",
    "jobs.<job_id>.env",
    "jobs.<job_id>.defaults.run",
    "jobs.<job_id>.timeout-minutes",
    "jobs.<job_id>.continue-on-error",
    "jobs.<job_id>.strategy",
    "jobs.<job_id>.snapshot.if",
    "jobs.<job_id>.container",
    "jobs.<job_id>.container.image",
    "jobs.<job_id>.container.credentials",
    "jobs.<job_id>.container.env.<env_id>",
    "jobs.<job_id>.services",
    "jobs.<job_id>.services.<service_id>.credentials",
    "jobs.<job_id>.services.<service_id>.env.<env_id>",
    "jobs.<job_id>.services.<service_id>.command",
    "jobs.<job_id>.services.<service_id>.entrypoint",
    "jobs.<job_id>.with.<with_id>",
    "jobs.<job_id>.secrets.<secrets_id>",
    "jobs.<job_id>.steps.id",
    "jobs.<job_id>.steps.if",
    "jobs.<job_id>.steps.name",
    "jobs.<job_id>.steps.run",
    "jobs.<job_id>.steps.shell",
    "jobs.<job_id>.steps.with",
    "jobs.<job_id>.steps.env",
    "jobs.<job_id>.steps.working-directory",
    "jobs.<job_id>.steps.continue-on-error",
    "jobs.<job_id>.steps.timeout-minutes",
    "inputs.<input_id>.default",
    "outputs.<output_id>.value",
    "runs.steps[*].continue-on-error",
    "runs.steps[*].env",
    "runs.steps[*].if",
    "runs.steps[*].name",
    "runs.steps[*].run",
    "runs.steps[*].with",
    "runs.steps[*].working-directory",
];
