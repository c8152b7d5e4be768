//! `workflow-call`: jobs that call a reusable workflow. The job-level
//! `uses:` must be `owner/repo/.github/workflows/file.yml@ref` or
//! `./.github/workflows/file.yml`; for a local callee (read through
//! [`crate::repo::RepoFiles`]) the caller's `with:` and `secrets:` are checked
//! against its `on.workflow_call` inputs and secrets, and
//! `needs.<job>.outputs.<name>` against its outputs.

mod contract;
mod input_type;
mod permissions;
#[cfg(test)]
mod tests;

use super::expression::CallValueTypes;
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;
use crate::model::{Job, Workflow};
use crate::text::TextRange;
use crate::yaml::{self, Node, NodeKind};
use autoheal_expr::suggest::suggest;
use input_type::Given;

pub const RULE: Rule = Rule {
    id: "workflow-call",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Calls to reusable workflows: the `uses:` format, and `with:`, `secrets:` and outputs against a local callee.",
    kinds: WORKFLOWS,
    codes: &[
        EXPRESSION,
        INVALID_REF,
        MISSING_CALLEE,
        INVALID_CALLEE,
        NOT_REUSABLE,
        NOT_IN_WORKFLOWS_DIR,
        UNKNOWN_INPUT,
        INPUT_TYPE,
        MISSING_INPUT,
        UNKNOWN_SECRET,
        MISSING_SECRET,
        UNKNOWN_OUTPUT,
        PERMISSIONS,
    ],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A `${{ }}` in a job's `uses:`, which GitHub does not evaluate.
pub const EXPRESSION: &str = "workflow-call/expression";
/// A job `uses:` that is not `owner/repo/.github/workflows/file@ref` or `./.github/workflows/file`.
pub const INVALID_REF: &str = "workflow-call/invalid-ref";
/// A local reusable workflow that does not exist.
pub const MISSING_CALLEE: &str = "workflow-call/missing-callee";
/// A called workflow whose `on.workflow_call` is invalid.
pub const INVALID_CALLEE: &str = "workflow-call/invalid-callee";
/// A called workflow without an `on: workflow_call` trigger.
pub const NOT_REUSABLE: &str = "workflow-call/not-reusable";
/// A reusable workflow outside `.github/workflows/` or in a subdirectory of it.
pub const NOT_IN_WORKFLOWS_DIR: &str = "workflow-call/not-in-workflows-dir";
/// An input the called workflow does not define.
pub const UNKNOWN_INPUT: &str = "workflow-call/unknown-input";
/// An input value of another type than the called workflow declares.
pub const INPUT_TYPE: &str = "workflow-call/input-type";
/// A required input that is not given.
pub const MISSING_INPUT: &str = "workflow-call/missing-input";
/// A secret the called workflow does not define.
pub const UNKNOWN_SECRET: &str = "workflow-call/unknown-secret";
/// A required secret that is not passed.
pub const MISSING_SECRET: &str = "workflow-call/missing-secret";
/// `needs.<job>.outputs.<name>` that the called workflow does not define.
pub const UNKNOWN_OUTPUT: &str = "workflow-call/unknown-output";
/// A called workflow that asks for more permissions than the caller grants.
pub const PERMISSIONS: &str = "workflow-call/permissions";

const FORMAT: &str = "expected `owner/repo/.github/workflows/file.yml@ref`, `$/.github/workflows/file.yml` or `./.github/workflows/file.yml`; see https://docs.github.com/en/actions/using-workflows/reusing-workflows";

/// A job-level `uses:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkflowRef<'a> {
    /// `./.github/workflows/file.yml`, or `$/.github/workflows/file.yml`
    /// (self-repository syntax); both resolve to the caller's commit.
    Local { path: &'a str },
    /// `owner/repo/path/file.yml@ref`
    Remote {
        owner: &'a str,
        repo: &'a str,
        path: &'a str,
        git_ref: &'a str,
    },
}

/// Parse a job-level `uses:`; the error explains what is wrong.
pub fn parse_workflow_ref(uses: &str) -> Result<WorkflowRef<'_>, String> {
    if let Some(rest) = uses.strip_prefix("./").or_else(|| uses.strip_prefix("$/")) {
        if uses.contains('@') {
            return Err(format!("a local reusable workflow takes no `@ref`; {FORMAT}"));
        }
        if !is_yaml_file(rest) {
            return Err(format!("a reusable workflow is a `.yml` or `.yaml` file; {FORMAT}"));
        }
        return Ok(WorkflowRef::Local { path: uses });
    }
    let Some((name, git_ref)) = uses.rsplit_once('@') else {
        return Err(format!("a remote reusable workflow needs `@ref`; {FORMAT}"));
    };
    let mut parts = name.splitn(3, '/');
    let (owner, repo, path) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    if owner.is_empty() || repo.is_empty() || path.is_empty() || git_ref.is_empty() || !is_yaml_file(path) {
        return Err(FORMAT.to_string());
    }
    Ok(WorkflowRef::Remote {
        owner,
        repo,
        path,
        git_ref,
    })
}

fn is_yaml_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    (lower.ends_with(".yml") || lower.ends_with(".yaml")) && !lower.ends_with("/.yml") && !lower.ends_with("/.yaml")
}

/// What a reusable workflow declares under `on.workflow_call`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallSpec {
    pub inputs: Vec<CallInput>,
    pub secrets: Vec<(String, bool)>,
    pub outputs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallInput {
    pub name: String,
    /// `string`, `number` or `boolean` (as written, lower-cased).
    pub ty: String,
    /// `required: true` without a default.
    pub required: bool,
}

/// Why a callee's contract could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalleeError {
    /// Not readable YAML with a mapping at the top.
    Unreadable,
    /// No `workflow_call` trigger.
    NotReusable,
}

/// The `on.workflow_call` contract of a workflow's text.
pub fn call_spec(text: &str) -> Result<CallSpec, CalleeError> {
    call_spec_of(&yaml::parse(text.as_bytes()))
}

/// [`call_spec`] of a callee already parsed: a caller job's checks read the
/// callee's contract, its shape and its jobs' permissions from one parse.
fn call_spec_of(doc: &yaml::Document) -> Result<CallSpec, CalleeError> {
    let root = doc
        .root
        .as_ref()
        .filter(|r| r.is_mapping())
        .ok_or(CalleeError::Unreadable)?;
    let on = root.get("on").ok_or(CalleeError::NotReusable)?;
    let call = match &on.kind {
        NodeKind::Scalar(s) if s.value == "workflow_call" => return Ok(CallSpec::default()),
        NodeKind::Sequence(items) if items.iter().any(|i| i.as_str() == Some("workflow_call")) => {
            return Ok(CallSpec::default());
        }
        NodeKind::Mapping(_) => on.entry("workflow_call").ok_or(CalleeError::NotReusable)?,
        _ => return Err(CalleeError::NotReusable),
    };
    let section = |key: &str| call.value.get(key).and_then(Node::as_mapping).unwrap_or_default();
    let inputs = section("inputs")
        .iter()
        .filter_map(|e| {
            let name = e.key.as_str()?.to_string();
            let ty = e
                .value
                .get("type")
                .and_then(Node::as_str)
                .unwrap_or("string")
                .to_ascii_lowercase();
            let required =
                e.value.get("required").is_some_and(super::action::is_true) && e.value.get("default").is_none();
            Some(CallInput { name, ty, required })
        })
        .collect();
    let secrets = section("secrets")
        .iter()
        .filter_map(|e| {
            Some((
                e.key.as_str()?.to_string(),
                e.value.get("required").is_some_and(super::action::is_true),
            ))
        })
        .collect();
    let outputs = section("outputs")
        .iter()
        .filter_map(|e| e.key.as_str().map(str::to_string))
        .collect();
    Ok(CallSpec {
        inputs,
        secrets,
        outputs,
    })
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    let mut callees: Vec<(&str, CallSpec)> = Vec::new();
    let mut callee_docs: std::collections::HashMap<&str, Option<yaml::Document>> = Default::default();
    for job in &wf.jobs {
        let Some(uses_node) = job.get("uses") else { continue };
        let Some(uses) = uses_node.as_str().filter(|_| !uses_node.is_null()) else {
            continue;
        };
        let range = uses_node.report_span();
        if uses.contains("${{") {
            ctx.report_at(
                Severity::Warning,
                range,
                "GitHub does not evaluate `${{ }}` expressions in a job's `uses:`: the called workflow is resolved before the run starts",
            ).set_code(EXPRESSION);
            continue;
        }
        let path = match parse_workflow_ref(uses) {
            Err(why) => {
                ctx.report(range, format!("invalid reusable workflow call {uses:?}: {why}"))
                    .set_code(INVALID_REF);
                continue;
            }
            Ok(WorkflowRef::Remote { path, .. }) => {
                not_in_workflows_dir(ctx, uses, path, range);
                continue;
            }
            Ok(WorkflowRef::Local { path }) => super::action::local_path(path),
        };
        not_in_workflows_dir(ctx, uses, path, range);
        // A callee is read and parsed once per file however many jobs call it.
        let repo = ctx.repo;
        let parsed = callee_docs
            .entry(path)
            .or_insert_with(|| repo.read(path).map(|text| yaml::parse(text.as_bytes())));
        let Some(callee) = parsed.as_ref() else {
            if ctx.repo.exists(path) == Some(false) {
                ctx.report(
                    range,
                    format!("reusable workflow {uses:?} does not exist in this repository; GitHub fails the run before it starts"),
                )
                .set_code(MISSING_CALLEE);
            }
            continue;
        };
        for problem in contract::problems(callee) {
            ctx.report(
                range,
                format!("reusable workflow {uses:?} has an invalid `on.workflow_call`: {problem}"),
            )
            .set_code(INVALID_CALLEE);
        }
        match call_spec_of(callee) {
            Ok(spec) => {
                check_inputs(ctx, wf, job, uses, &spec, range);
                check_secrets(ctx, job, uses, &spec, range);
                if let Some(granted) = job
                    .get("permissions")
                    .or_else(|| ctx.root().and_then(|r| r.get("permissions")))
                {
                    permissions::check(ctx, granted, uses, callee, range);
                } else if !wf.is_reusable() {
                    permissions::check_default(ctx, uses, callee, range);
                }
                callees.push((job.id, spec));
            }
            Err(CalleeError::NotReusable) => {
                ctx.report(
                    range,
                    format!("{uses:?} is not a reusable workflow: it has no `on: workflow_call` trigger"),
                )
                .set_code(NOT_REUSABLE);
            }
            Err(CalleeError::Unreadable) => {}
        }
    }
    if !callees.is_empty() {
        check_output_refs(ctx, &callees);
    }
}

fn not_in_workflows_dir(ctx: &mut Context<'_>, uses: &str, path: &str, range: TextRange) {
    let Some(rest) = path
        .strip_prefix(".github/workflows/")
        .or_else(|| path.strip_prefix(".github/workflows-lab/"))
    else {
        ctx.report_at(
            Severity::Warning,
            range,
            format!("{uses:?}: GitHub only runs reusable workflows stored directly in `.github/workflows/`"),
        )
        .set_code(NOT_IN_WORKFLOWS_DIR);
        return;
    };
    if rest.contains('/') {
        ctx.report_at(
            Severity::Warning,
            range,
            format!("{uses:?}: subdirectories of `.github/workflows/` are not supported for reusable workflows"),
        )
        .set_code(NOT_IN_WORKFLOWS_DIR);
    }
}

fn check_inputs(
    ctx: &mut Context<'_>,
    wf: &Workflow<'_>,
    job: &Job<'_>,
    uses: &str,
    spec: &CallSpec,
    range: TextRange,
) {
    // A whole `${{ }}` for `with:` is a schema error and passes no input.
    let with = job.get("with");
    let entries = with.and_then(Node::as_mapping).unwrap_or_default();
    let names: Vec<&str> = spec.inputs.iter().map(|i| i.name.as_str()).collect();
    // Built on the first value that holds an expression.
    let mut typer: Option<CallValueTypes> = None;
    for e in entries {
        let Some(key) = e.key.as_str() else { continue };
        let Some(input) = spec.inputs.iter().find(|i| i.name.eq_ignore_ascii_case(key)) else {
            let hint = suggest(key, &names)
                .map(|s| format!("; did you mean {s:?}?"))
                .unwrap_or_default();
            let available = if names.is_empty() {
                "it declares no inputs".to_string()
            } else {
                format!("its inputs are {}", quoted_sorted(&names))
            };
            ctx.report(
                e.key.span,
                format!("input {key:?} is not defined by reusable workflow {uses:?}{hint}; {available}"),
            )
            .set_code(UNKNOWN_INPUT);
            continue;
        };
        let given = match e.value.as_str().filter(|v| v.contains("${{")) {
            Some(text) => {
                let typer = typer.get_or_insert_with(|| CallValueTypes::new(ctx, wf, job));
                match typer.type_of(text) {
                    Some(ty) => Given::Expression(ty),
                    None => continue,
                }
            }
            None => Given::Literal(&e.value),
        };
        if let Some(found) = input_type::mismatch(&input.ty, &given) {
            ctx.report(
                e.value.report_span(),
                format!(
                    "input {key:?} of reusable workflow {uses:?} is a {}, but the value is {found}",
                    input.ty
                ),
            )
            .set_code(INPUT_TYPE);
        }
    }
    for input in spec.inputs.iter().filter(|i| i.required) {
        if !entries
            .iter()
            .any(|e| e.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(&input.name)))
        {
            ctx.report(
                range,
                format!(
                    "missing input {:?}, which reusable workflow {uses:?} requires",
                    input.name
                ),
            )
            .set_code(MISSING_INPUT);
        }
    }
}

fn check_secrets(ctx: &mut Context<'_>, job: &Job<'_>, uses: &str, spec: &CallSpec, range: TextRange) {
    let secrets = job.get("secrets");
    if secrets.is_some_and(|s| s.as_str() == Some("inherit") || s.is_expression()) {
        return;
    }
    let entries = secrets.and_then(Node::as_mapping).unwrap_or_default();
    let names: Vec<&str> = spec.secrets.iter().map(|s| s.0.as_str()).collect();
    for e in entries {
        let Some(key) = e.key.as_str() else { continue };
        if names.iter().any(|n| n.eq_ignore_ascii_case(key)) {
            continue;
        }
        let hint = suggest(key, &names)
            .map(|s| format!("; did you mean {s:?}?"))
            .unwrap_or_default();
        let available = if names.is_empty() {
            "it declares no secrets".to_string()
        } else {
            format!("its secrets are {}", quoted_sorted(&names))
        };
        ctx.report(
            e.key.span,
            format!("secret {key:?} is not defined by reusable workflow {uses:?}{hint}; {available}"),
        )
        .set_code(UNKNOWN_SECRET);
    }
    for (name, _) in spec.secrets.iter().filter(|s| s.1) {
        if !entries
            .iter()
            .any(|e| e.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
        {
            ctx.report(
                range,
                format!("missing secret {name:?}, which reusable workflow {uses:?} requires; pass it under `secrets:` or use `secrets: inherit`"),
            ).set_code(MISSING_SECRET);
        }
    }
}

/// `needs.<call job>.outputs.<name>` in any expression of the workflow,
/// when the `expression` rule is off: that rule types `needs.<job>.outputs`
/// from the callee's `on.workflow_call.outputs` and reports a name it does
/// not declare itself, so with both on every such reference was two errors.
fn check_output_refs(ctx: &mut Context<'_>, callees: &[(&str, CallSpec)]) {
    let expression = &super::expression::RULE;
    if ctx
        .config
        .rule_severity(
            expression.id,
            expression.default_severity,
            expression.enabled_by_default,
        )
        .is_some()
    {
        return;
    }
    let Some(root) = ctx.root() else { return };
    let mut found: Vec<(TextRange, String)> = Vec::new();
    let source = ctx.source;
    root.walk(&mut |node| {
        let Some(text) = node.as_str() else { return };
        if !text.contains("needs.") || !text.contains("${{") {
            return;
        }
        for (at, job, output) in output_refs(text) {
            let Some((_, spec)) = callees.iter().find(|(id, _)| id.eq_ignore_ascii_case(job)) else {
                continue;
            };
            if spec.outputs.iter().any(|o| o.eq_ignore_ascii_case(output)) {
                continue;
            }
            let available = if spec.outputs.is_empty() {
                "it declares no outputs".to_string()
            } else {
                format!(
                    "its outputs are {}",
                    quoted_sorted(&spec.outputs.iter().map(String::as_str).collect::<Vec<_>>())
                )
            };
            let range = super::glob::pattern_range(source, node, at, output.len());
            found.push((
                range,
                format!("output {output:?} is not defined by the reusable workflow job {job:?} calls; {available}"),
            ));
        }
    });
    for (range, message) in found {
        ctx.report(range, message).set_code(UNKNOWN_OUTPUT);
    }
}

/// `(offset of name, job, name)` for each `needs.<job>.outputs.<name>`.
fn output_refs(text: &str) -> Vec<(usize, &str, &str)> {
    let ident = |s: &str| {
        s.bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
            .count()
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("needs.") {
        let start = from + i;
        from = start + 6;
        if start > 0 && text.as_bytes()[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let rest = &text[from..];
        let job_len = ident(rest);
        let after_job = &rest[job_len..];
        let Some(after) = after_job.strip_prefix(".outputs.") else {
            continue;
        };
        let name_len = ident(after);
        if job_len == 0 || name_len == 0 {
            continue;
        }
        let name_at = from + job_len + ".outputs.".len();
        out.push((name_at, &rest[..job_len], &after[..name_len]));
    }
    out
}

fn quoted_sorted(names: &[&str]) -> String {
    let mut v = names.to_vec();
    v.sort_unstable();
    v.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")
}
