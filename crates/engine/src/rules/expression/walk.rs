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

pub(crate) fn workflow(pass: &mut Pass<'_>, wf: &Workflow<'_>) {
    let base = scope::workflow_scope(wf);
    let Some(entries) = wf.root.as_mapping() else { return };
    for e in entries {
        let v = &e.value;
        match e.key.as_str() {
            Some("run-name") => pass.site(v, Some("run-name"), Text, Text, &base),
            Some("env") => object_site(pass, v, "env", "env", Text, &base),
            Some("concurrency") => pass.site(v, Some("concurrency"), Text, Text, &base),
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
            Some("concurrency") => pass.site(v, Some("jobs.<job_id>.concurrency"), Text, Text, &js),
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
            Some("timeout-minutes") => pass.site(v, Some("jobs.<job_id>.timeout-minutes"), Value, Value, &js),
            Some("continue-on-error") => pass.site(v, Some("jobs.<job_id>.continue-on-error"), Value, Value, &js),
            Some("strategy") => pass.site(v, Some("jobs.<job_id>.strategy"), Value, Value, &js),
            Some("snapshot") => match v.get("if") {
                Some(cond) => pass.condition(cond, Some("jobs.<job_id>.snapshot.if"), &js),
                None => pass.site(v, Some("jobs.<job_id>.strategy"), Value, Text, &js),
            },
            Some("container") => container(pass, v, &js),
            Some("services") => services(pass, v, &js),
            Some("with") => call_with(pass, job, v, &js),
            Some("secrets") => pass.site(v, Some("jobs.<job_id>.secrets.<secrets_id>"), Value, Text, &js),
            _ => {}
        }
    }
    let mut before = scope::StepTypes::default();
    for step in &job.steps {
        if has_expressions(pass.source, step.node) || step.get("if").is_some() {
            let ss = before.scope(&js);
            self::step(pass, step.node, &ss, false);
            // The steps of a `parallel:` group see the steps before the group.
            for inner in step.get("parallel").and_then(Node::as_sequence).unwrap_or_default() {
                self::step(pass, inner, &ss, false);
            }
        }
        before.push(step.node, &pass.outputs);
    }
}

/// A reusable workflow call's `with:`: every value checked, and a value
/// that is one `${{ }}` typed against the input a local callee declares.
/// Only types GitHub cannot convert are reported: an object or array for
/// any input, a boolean for a number (a string or number converts).
fn call_with(pass: &mut Pass<'_>, job: &Job<'_>, with: &Node, js: &Scope) {
    const KEY: Option<&str> = Some("jobs.<job_id>.with.<with_id>");
    let callee = job
        .get("uses")
        .and_then(Node::as_str)
        .and_then(|uses| pass.outputs.callee(uses).map(|spec| (uses, spec)));
    let (Some(entries), Some((uses, spec))) = (with.as_mapping(), callee) else {
        pass.site(with, KEY, Value, Text, js);
        return;
    };
    for e in entries {
        pass.scalar(&e.key, KEY, Text, js);
        if !e.value.is_scalar() {
            pass.site(&e.value, KEY, Text, Text, js);
            continue;
        }
        let Some(ty) = pass.scalar(&e.value, KEY, Text, js) else {
            continue;
        };
        let name = e.key.as_str().unwrap_or("");
        let Some(input) = spec.inputs.iter().find(|i| i.name.eq_ignore_ascii_case(name)) else {
            continue;
        };
        // Objects and arrays are already reported as values no string can
        // hold; a boolean where a number is declared is the type error left.
        if input.ty == "number" && ty == Type::Bool {
            pass.push(
                codes::VALUE_TYPE,
                e.value.span,
                format!("input {name:?} of reusable workflow {uses:?} is a number, but the expression is a bool"),
                Severity::Error,
            );
        }
    }
}

fn has_expressions(source: &str, node: &Node) -> bool {
    let text = source.get(node.span.start..node.span.end).unwrap_or("");
    memchr::memmem::find(text.as_bytes(), b"${{").is_some()
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
    for e in entries {
        let v = &e.value;
        match e.key.as_str() {
            Some("id") => pass.site(v, Some("jobs.<job_id>.steps.id"), Text, Text, scope),
            Some("if") => pass.condition(v, Some("jobs.<job_id>.steps.if"), scope),
            Some("name") => pass.site(v, Some("jobs.<job_id>.steps.name"), Text, Text, scope),
            Some("run") => pass.site(v, Some("jobs.<job_id>.steps.run"), Text, Text, scope),
            Some("shell") if composite => pass.site(v, None, Text, Text, scope),
            Some("shell") => pass.site(v, Some("jobs.<job_id>.steps.shell"), Text, Text, scope),
            Some("with") => pass.site(v, Some("jobs.<job_id>.steps.with"), Value, Text, scope),
            Some("env") => object_site(pass, v, "jobs.<job_id>.steps.env", "env", Text, scope),
            Some("working-directory") => pass.site(v, Some("jobs.<job_id>.steps.working-directory"), Text, Text, scope),
            Some("continue-on-error") => {
                pass.site(v, Some("jobs.<job_id>.steps.continue-on-error"), Value, Value, scope)
            }
            Some("timeout-minutes") => pass.site(v, Some("jobs.<job_id>.steps.timeout-minutes"), Value, Value, scope),
            _ => {}
        }
    }
}

/// `action.yml`: composite steps as job steps, output values with every
/// step in scope, and the rest of `runs` parsed and typed without an
/// availability row (GitHub documents none for them).
pub(crate) fn action(pass: &mut Pass<'_>, root: &Node) {
    let base = scope::action_scope(root);
    let steps: &[Node] = crate::model::composite_steps(root);
    if let Some(inputs) = root.get("inputs").and_then(Node::as_mapping) {
        for e in inputs {
            if let Some(default) = e.value.get("default") {
                pass.site(default, None, Text, Text, &base);
            }
        }
    }
    if let Some(outputs) = root.get("outputs").and_then(Node::as_mapping) {
        let refs: Vec<&Node> = steps.iter().collect();
        let all = scope::with_step_nodes(&base, &refs, &pass.outputs);
        for e in outputs {
            if let Some(value) = e.value.get("value") {
                pass.site(value, Some("jobs.<job_id>.outputs.<output_id>"), Text, Text, &all);
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
                for s in steps {
                    if has_expressions(pass.source, s) || s.get("if").is_some() {
                        let ss = before.scope(&base);
                        self::step(pass, s, &ss, true);
                    }
                    before.push(s, &pass.outputs);
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
];
