//! `jobs.<id>` (normal jobs and reusable-workflow calls) and their steps.

use super::codes::*;
use super::keys;
use super::shape::{
    Number, Quoted, boolean, case_insensitive_duplicates, check_keys, found, list_of_strings, mapping,
    no_empty_mapping, nonempty_mapping, positive_number, report, require, scalar_map, string, string_or_list,
};
use super::workflow::{concurrency, defaults, permissions};
use crate::diagnostic::Severity;
use crate::rules::Context;
use crate::yaml::{Entry, Node, NodeKind};

pub(super) fn check_job(ctx: &mut Context<'_>, job: &Entry) {
    let id = job.key.as_str().unwrap_or("");
    let what = format!("job \"{id}\"");
    let Some(entries) = nonempty_mapping(ctx, &job.value, &what) else {
        return;
    };
    check_keys(ctx, entries, &what, keys::JOB);
    let is_call = job.value.get("uses").is_some();
    for e in entries {
        let Some(k) = e.key.as_str() else { continue };
        if !keys::JOB.contains(&k) {
            continue;
        }
        if is_call && !keys::CALLING_JOB.contains(&k) {
            report(
                ctx,
                MISPLACED_KEY,
                &e.key,
                format!(
                    "\"{k}\" is not available in {what}, which calls a reusable workflow with \"uses\"; only {} are allowed",
                    super::shape::quoted_list(keys::CALLING_JOB)
                ),
            );
            continue;
        }
        if !is_call && matches!(k, "with" | "secrets") {
            report(
                ctx,
                MISPLACED_KEY,
                &e.key,
                format!("\"{k}\" is only available when {what} calls a reusable workflow with \"uses\""),
            );
            continue;
        }
        job_value(ctx, id, e, k);
    }
    if !is_call && !ctx.doc.has_parse_errors() {
        for k in ["runs-on", "steps"] {
            if job.value.get(k).is_none() {
                report(
                    ctx,
                    MISSING_KEY,
                    &job.key,
                    format!("\"{k}\" section is missing in {what}"),
                );
            }
        }
    }
}

fn job_value(ctx: &mut Context<'_>, id: &str, e: &Entry, k: &str) {
    let v = &e.value;
    match k {
        "name" | "if" => string(ctx, v, Quoted(k), false),
        "uses" => string(ctx, v, "\"uses\"", true),
        "needs" => {
            string_or_list(ctx, v, "\"needs\"");
        }
        "permissions" => permissions(ctx, v, "\"permissions\""),
        "runs-on" => runs_on(ctx, e),
        "environment" => environment(ctx, e),
        "concurrency" => concurrency(ctx, e),
        // GitHub's workflow schema gives a job's `outputs`, a call's `with`
        // and its `secrets` mapping no expression context (unlike `env`), so
        // a whole `${{ }}` is never read as the mapping.
        "outputs" | "with" if v.is_expression() => whole_expression(ctx, v, k),
        "outputs" | "with" | "env" => {
            let what = format!("\"{k}\" of job \"{id}\"");
            no_empty_mapping(ctx, v, &what);
            scalar_map(ctx, v, &what);
            if k == "env" {
                super::default_env::check(ctx, v);
            }
        }
        "defaults" => defaults(ctx, e),
        "steps" => steps(ctx, v, id),
        "timeout-minutes" => positive_number(ctx, v, "\"timeout-minutes\"", Number::Float),
        "continue-on-error" => boolean(ctx, v, "\"continue-on-error\""),
        "strategy" => strategy(ctx, v),
        "container" => container(ctx, e, false),
        "services" => {
            no_empty_mapping(ctx, v, "\"services\"");
            if let Some(services) = mapping(ctx, v, "\"services\"") {
                case_insensitive_duplicates(ctx, services, "\"services\"");
                for s in services {
                    container(ctx, s, true);
                }
            }
        }
        "secrets" => match &v.kind {
            NodeKind::Scalar(_) if v.as_str() == Some("inherit") => {}
            _ if v.is_expression() => whole_expression(ctx, v, k),
            _ if v.is_scalar() && !v.is_null() => {
                report(
                    ctx,
                    WRONG_TYPE,
                    v,
                    format!(
                        "\"secrets\" must be `inherit` or a mapping of secrets, but found {}",
                        found(v)
                    ),
                );
            }
            _ => scalar_map(ctx, v, "\"secrets\""),
        },
        "snapshot" => snapshot(ctx, e),
        "cache-mode" => cache_mode(ctx, v),
        _ => {}
    }
}

/// `cache-mode`: one of [`keys::CACHE_MODES`], or a `${{ }}` expression
/// (whose value only the run knows).
pub(super) fn cache_mode(ctx: &mut Context<'_>, v: &Node) {
    one_of(ctx, v, "cache-mode", keys::CACHE_MODES);
}

/// A string key whose value is one of `values`, or a `${{ }}` expression
/// (whose value only the run knows).
pub(super) fn one_of(ctx: &mut Context<'_>, v: &Node, key: &str, values: &[&str]) {
    if !v.is_scalar() || v.is_null() {
        return string(ctx, v, Quoted(key), true);
    }
    if v.is_expression() || v.as_str().is_some_and(|s| s.contains("${{")) {
        return;
    }
    let value = v.as_str().unwrap_or_default();
    if values.contains(&value) {
        return;
    }
    let hint = super::shape::did_you_mean(value, values);
    report(
        ctx,
        INVALID_VALUE,
        v,
        format!(
            "\"{key}\" must be one of {}, but found \"{value}\"{hint}",
            super::shape::quoted_list(values)
        ),
    );
}

fn whole_expression(ctx: &mut Context<'_>, v: &Node, k: &str) {
    report(
        ctx,
        WRONG_TYPE,
        v,
        format!(
            "\"{k}\" must be a mapping written out; GitHub does not evaluate a `${{{{ }}}}` that gives the whole mapping here"
        ),
    );
}

fn runs_on(ctx: &mut Context<'_>, e: &Entry) {
    let v = &e.value;
    match &v.kind {
        NodeKind::Mapping(entries) => {
            check_keys(ctx, entries, "\"runs-on\" section", keys::RUNS_ON);
            if entries.is_empty() {
                report(ctx, EMPTY_VALUE, v, "\"runs-on\" should not be empty".into());
            }
            for r in entries {
                match r.key.as_str() {
                    Some("group") => string(ctx, &r.value, "\"group\"", true),
                    Some("labels") => {
                        string_or_list(ctx, &r.value, "\"labels\"");
                    }
                    _ => {}
                }
            }
        }
        _ => {
            string_or_list(ctx, v, "\"runs-on\"");
        }
    }
}

fn environment(ctx: &mut Context<'_>, e: &Entry) {
    let v = &e.value;
    if v.is_scalar() {
        return string(ctx, v, "\"environment\"", true);
    }
    let Some(entries) = mapping(ctx, v, "\"environment\"") else {
        return;
    };
    check_keys(ctx, entries, "\"environment\" section", keys::ENVIRONMENT);
    require(ctx, entries, &e.key, "\"environment\" section", &["name"]);
    for x in entries {
        match x.key.as_str() {
            Some(k @ ("name" | "url")) => string(ctx, &x.value, Quoted(k), k == "name"),
            Some("deployment") => boolean(ctx, &x.value, "\"deployment\""),
            _ => {}
        }
    }
}

fn strategy(ctx: &mut Context<'_>, v: &Node) {
    no_empty_mapping(ctx, v, "\"strategy\"");
    let Some(entries) = mapping(ctx, v, "\"strategy\"") else {
        return;
    };
    check_keys(ctx, entries, "\"strategy\" section", keys::STRATEGY);
    for e in entries {
        match e.key.as_str() {
            Some("fail-fast") => boolean(ctx, &e.value, "\"fail-fast\""),
            Some("max-parallel") => positive_number(ctx, &e.value, "\"max-parallel\"", Number::Integer),
            Some("matrix") => matrix(ctx, &e.value),
            _ => {}
        }
    }
}

fn matrix(ctx: &mut Context<'_>, v: &Node) {
    let Some(rows) = nonempty_mapping(ctx, v, "\"matrix\"") else {
        return;
    };
    case_insensitive_duplicates(ctx, rows, "\"matrix\"");
    for row in rows {
        let k = row.key.as_str().unwrap_or("");
        let rv = &row.value;
        if rv.is_expression() {
            continue;
        }
        match k {
            "include" | "exclude" => match rv.as_sequence() {
                Some(items) => {
                    if items.is_empty() {
                        report(
                            ctx,
                            EMPTY_VALUE,
                            rv,
                            format!("\"{k}\" of \"matrix\" should not be empty"),
                        );
                    }
                    for item in items {
                        if !item.is_mapping() && !item.is_expression() {
                            report(
                                ctx,
                                WRONG_TYPE,
                                item,
                                format!("an element of \"{k}\" must be a mapping, but found {}", found(item)),
                            );
                        }
                    }
                }
                None => report(
                    ctx,
                    WRONG_TYPE,
                    rv,
                    format!(
                        "\"{k}\" of \"matrix\" must be a sequence of mappings, but found {}",
                        found(rv)
                    ),
                ),
            },
            _ => match rv.as_sequence() {
                Some([]) if !ctx.doc.has_parse_errors() => report(
                    ctx,
                    EMPTY_VALUE,
                    rv,
                    format!("values of matrix key \"{k}\" should not be empty"),
                ),
                Some(_) => {}
                None => report(
                    ctx,
                    WRONG_TYPE,
                    rv,
                    format!(
                        "matrix key \"{k}\" must be a sequence of values, but found {}",
                        found(rv)
                    ),
                ),
            },
        }
    }
}

/// `container:` (a string image or a mapping) and each `services.<id>`.
fn container(ctx: &mut Context<'_>, e: &Entry, service: bool) {
    let v = &e.value;
    let what = if service {
        format!("service \"{}\"", e.key.as_str().unwrap_or(""))
    } else {
        "\"container\"".into()
    };
    // An explicit `null` means "no container"; an empty value is a mistake.
    if v.is_null() && v.as_str() != Some("") {
        return;
    }
    if v.is_scalar() && !v.is_null() {
        return string(ctx, v, &what, true);
    }
    let Some(entries) = nonempty_mapping(ctx, v, &what) else {
        return;
    };
    let allowed = if service { keys::SERVICE } else { keys::CONTAINER };
    check_keys(ctx, entries, &what, allowed);
    if !entries.is_empty() {
        require(ctx, entries, &e.key, &what, &["image"]);
    }
    for x in entries {
        match x.key.as_str() {
            // GitHub's workflow syntax for `services.<service_id>.image`: "If
            // assigned an empty string, the service will not start — useful
            // for conditional services". A job container's image has no such
            // sentence.
            Some("image") if service && !x.value.is_null() && x.value.as_str() == Some("") => {}
            Some("image") => string(ctx, &x.value, "\"image\"", true),
            Some("options") => {
                string(ctx, &x.value, Quoted("options"), false);
                super::container_options::check(ctx, &x.value, service);
            }
            Some(k @ ("command" | "entrypoint")) => string(ctx, &x.value, Quoted(k), false),
            Some(k @ ("ports" | "volumes")) => list_of_strings(ctx, &x.value, &format!("\"{k}\""), false),
            Some("env") => {
                let what = format!("\"env\" of {what}");
                no_empty_mapping(ctx, &x.value, &what);
                scalar_map(ctx, &x.value, &what);
            }
            Some("credentials") => credentials(ctx, x),
            _ => {}
        }
    }
}

fn credentials(ctx: &mut Context<'_>, e: &Entry) {
    let Some(entries) = nonempty_mapping(ctx, &e.value, "\"credentials\"") else {
        return;
    };
    check_keys(ctx, entries, "\"credentials\" section", keys::CREDENTIALS);
    if !entries.is_empty() {
        require(
            ctx,
            entries,
            &e.key,
            "\"credentials\" section",
            &["username", "password"],
        );
    }
    for x in entries {
        if let Some(k @ ("username" | "password")) = x.key.as_str() {
            string(ctx, &x.value, Quoted(k), true);
        }
    }
}

fn snapshot(ctx: &mut Context<'_>, e: &Entry) {
    let v = &e.value;
    if v.is_scalar() {
        return string(ctx, v, "\"snapshot\"", true);
    }
    let Some(entries) = mapping(ctx, v, "\"snapshot\"") else {
        return;
    };
    check_keys(ctx, entries, "\"snapshot\" section", keys::SNAPSHOT);
    require(ctx, entries, &e.key, "\"snapshot\" section", &["image-name"]);
    for x in entries {
        match x.key.as_str() {
            Some(k @ ("image-name" | "version")) => string(ctx, &x.value, Quoted(k), true),
            Some("if") => string(ctx, &x.value, "\"if\"", false),
            _ => {}
        }
    }
}

fn steps(ctx: &mut Context<'_>, v: &Node, job: &str) {
    let Some(items) = v.as_sequence() else {
        report(
            ctx,
            WRONG_TYPE,
            v,
            format!(
                "\"steps\" of job \"{job}\" must be a sequence of steps, but found {}",
                found(v)
            ),
        );
        return;
    };
    if items.is_empty() {
        // GitHub: "No steps defined in `steps` and no workflow called in
        // `uses` for the following jobs"; an empty list defines none.
        report(
            ctx,
            EMPTY_VALUE,
            v,
            format!("\"steps\" of job \"{job}\" is empty; GitHub rejects a job that defines no steps"),
        );
    }
    // In a verification re-lint, only the steps the edits met
    // (`rules::edited_places`).
    let rechecked = ctx.rechecked_steps(items);
    for (i, item) in items.iter().enumerate() {
        if rechecked.as_ref().is_none_or(|r| r[i]) {
            step(ctx, item, StepKind::Workflow);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StepKind {
    Workflow,
    /// A composite action's step: `shell` is required, no timeout.
    Composite,
}

/// The key that decides what a step does: the first of these it has.
const STEP_KINDS: &[&str] = &["run", "uses", "parallel", "wait", "wait-all", "cancel"];

pub(super) fn step(ctx: &mut Context<'_>, item: &Node, kind: StepKind) {
    let Some(entries) = item.as_mapping() else {
        if item.is_null() {
            report(
                ctx,
                EMPTY_VALUE,
                item,
                "a step should not be empty; it must run a script with \"run\" or an action with \"uses\"".into(),
            );
        } else if !item.is_expression() {
            report(
                ctx,
                WRONG_TYPE,
                item,
                format!("a step must be a mapping, but found {}", found(item)),
            );
        }
        return;
    };
    let first = entries
        .iter()
        .find_map(|e| e.key.as_str().filter(|k| STEP_KINDS.contains(k)));
    let (what, allowed): (&str, &[&str]) = match (first, kind) {
        (Some("run"), StepKind::Workflow) => ("a step that runs a script", keys::RUN_STEP),
        (Some("run"), StepKind::Composite) => ("a composite step that runs a script", keys::COMPOSITE_RUN_STEP),
        (Some("uses"), StepKind::Workflow) => ("a step that runs an action", keys::USES_STEP),
        (Some("uses"), StepKind::Composite) => ("a composite step that runs an action", keys::COMPOSITE_USES_STEP),
        (Some("parallel"), _) => ("a \"parallel\" step", keys::PARALLEL_STEP),
        (Some("wait"), _) => ("a \"wait\" step", keys::WAIT_STEP),
        (Some("wait-all"), _) => ("a \"wait-all\" step", keys::WAIT_ALL_STEP),
        (Some(_), _) => ("a \"cancel\" step", keys::CANCEL_STEP),
        (None, _) => {
            report(
                ctx,
                MISSING_KEY,
                item,
                "a step must run a script with \"run\" or an action with \"uses\"".into(),
            );
            ("a step", keys::UNDECIDED_STEP)
        }
    };
    let both = matches!(first, Some("run" | "uses")) && item.get("run").is_some() && item.get("uses").is_some();
    if both {
        let at = entries
            .iter()
            .find(|e| matches!(e.key.as_str(), Some("run" | "uses")))
            .map_or(item, |e| &e.key);
        report(
            ctx,
            CONFLICTING_KEYS,
            at,
            "a step cannot have both \"run\" and \"uses\"; split it into two steps".into(),
        );
        let rest: Vec<Entry> = entries
            .iter()
            .filter(|e| !matches!(e.key.as_str(), Some("run" | "uses")))
            .cloned()
            .collect();
        check_keys(ctx, &rest, what, allowed);
    } else {
        check_keys(ctx, entries, what, allowed);
    }
    if first == Some("run") && kind == StepKind::Composite && item.get("shell").is_none() {
        let at = item.entry("run").map_or(item, |e| &e.key);
        report(
            ctx,
            MISSING_KEY,
            at,
            "a composite action's \"run\" step must set \"shell\"".into(),
        );
    }
    for e in entries {
        let Some(k) = e.key.as_str() else { continue };
        if !allowed.contains(&k) {
            continue;
        }
        let v = &e.value;
        match k {
            "id" | "name" | "if" | "shell" | "working-directory" => string(ctx, v, Quoted(k), k != "if" && k != "name"),
            "uses" => string(ctx, v, "\"uses\"", true),
            "run" => string(ctx, v, "\"run\"", false),
            "with" => step_with(ctx, v),
            "env" => {
                no_empty_mapping(ctx, v, "\"env\" of a step");
                scalar_map(ctx, v, "\"env\" of a step");
                super::default_env::check(ctx, v);
            }
            "continue-on-error" | "background" => boolean(ctx, v, Quoted(k)),
            "timeout-minutes" => positive_number(ctx, v, "\"timeout-minutes\"", Number::Float),
            "wait" => {
                string_or_list(ctx, v, "\"wait\"");
            }
            "cancel" => string(ctx, v, "\"cancel\"", true),
            "parallel" => match v.as_sequence() {
                Some(items) => items.iter().for_each(|i| step(ctx, i, kind)),
                None => report(
                    ctx,
                    WRONG_TYPE,
                    v,
                    format!("\"parallel\" must be a sequence of steps, but found {}", found(v)),
                ),
            },
            _ => {}
        }
    }
}

/// Action inputs: a mapping of scalars. Collections are only a warning:
/// some actions document list-valued inputs and GitHub passes them on.
fn step_with(ctx: &mut Context<'_>, v: &Node) {
    if v.is_null() || v.as_mapping().is_some_and(<[Entry]>::is_empty) {
        report(
            ctx,
            EMPTY_VALUE,
            v,
            "\"with\" should not be empty; remove it if it is unnecessary".into(),
        );
        return;
    }
    let Some(entries) = mapping(ctx, v, "\"with\"") else {
        return;
    };
    case_insensitive_duplicates(ctx, entries, "\"with\"");
    for e in entries {
        if !e.value.is_scalar() {
            let k = e.key.as_str().unwrap_or("");
            ctx.report_at(
                Severity::Warning,
                e.value.report_span(),
                format!(
                    "input \"{k}\" is {}; action inputs are strings, so write it as a (block) string",
                    found(&e.value)
                ),
            )
            .set_code(NON_STRING_INPUT);
        }
    }
}
