//! The workflow's top level, `on:` with every event's filters, and the
//! sections shared by workflows and jobs (`env`, `defaults`, `concurrency`,
//! `permissions`).

use super::codes::*;
use super::job;
use super::keys;
use super::shape::{
    Quoted, boolean, case_insensitive_duplicates, check_keys, found, list_of_strings, mapping, no_empty_mapping,
    nonempty_mapping, quoted_list, report, require, scalar_map, string, string_or_list,
};
use crate::rules::Context;
use crate::yaml::{Entry, Node, NodeKind};

pub(super) fn check_workflow(ctx: &mut Context<'_>, root: &Node) {
    let Some(entries) = root.as_mapping() else {
        if root.is_null() {
            report(
                ctx,
                EMPTY_FILE,
                root,
                "the workflow is empty; it needs `on:` and `jobs:`".into(),
            );
        } else {
            report(
                ctx,
                WRONG_TYPE,
                root,
                format!(
                    "a workflow must be a mapping with `on:` and `jobs:`, but found {}",
                    found(root)
                ),
            );
        }
        return;
    };
    // In a verification re-lint, only the places the edits met
    // (`rules::edited_places`): the workflow level when an edit lies outside
    // every job, and the jobs an edit lies in.
    if !ctx.rechecks_workflow_level() {
        if let Some(jobs) = root.get("jobs").and_then(Node::as_mapping) {
            check_jobs(ctx, jobs);
        }
        return;
    }
    check_keys(ctx, entries, "the workflow", keys::WORKFLOW);
    for k in ["on", "jobs"] {
        if root.entry(k).is_none() && !ctx.doc.has_parse_errors() {
            let at = entries.first().map_or(root, |e| &e.key);
            report(
                ctx,
                MISSING_KEY,
                at,
                format!("\"{k}\" section is missing in the workflow"),
            );
        }
    }
    for e in entries {
        let v = &e.value;
        match e.key.as_str().unwrap_or("") {
            "name" | "run-name" => string(ctx, v, Quoted(e.key.as_str().unwrap_or("")), false),
            "on" => check_on(ctx, e),
            "permissions" => permissions(ctx, v, "\"permissions\""),
            "env" => {
                no_empty_mapping(ctx, v, "\"env\"");
                scalar_map(ctx, v, "\"env\"");
                super::default_env::check(ctx, v);
            }
            "defaults" => defaults(ctx, e),
            "concurrency" => concurrency(ctx, e),
            "cache-mode" => job::cache_mode(ctx, v),
            "jobs" => {
                if let Some(jobs) = nonempty_mapping(ctx, v, "\"jobs\" section") {
                    check_jobs(ctx, jobs);
                }
            }
            _ => {}
        }
    }
}

/// Each job of `jobs:` that [`Context::rechecks`].
fn check_jobs(ctx: &mut Context<'_>, jobs: &[Entry]) {
    for j in jobs {
        if ctx.rechecks(crate::rules::edited_places::job_region(j)) {
            job::check_job(ctx, j);
        }
    }
}

/// `permissions:` is `read-all`, `write-all`, an expression, or a mapping;
/// scope names and levels are the `permissions` rule's business.
pub(super) fn permissions(ctx: &mut Context<'_>, v: &Node, what: &str) {
    match &v.kind {
        NodeKind::Mapping(entries) => {
            for e in entries {
                if !e.value.is_scalar() {
                    report(
                        ctx,
                        INVALID_VALUE,
                        &e.value,
                        format!(
                            "a permission level must be `read`, `write` or `none`, but found {}",
                            found(&e.value)
                        ),
                    );
                }
            }
        }
        NodeKind::Scalar(_) => {}
        NodeKind::Sequence(_) => report(
            ctx,
            WRONG_TYPE,
            v,
            format!("{what} must be `read-all`, `write-all` or a mapping of scopes, but found a sequence"),
        ),
    }
}

pub(super) fn defaults(ctx: &mut Context<'_>, e: &Entry) {
    let Some(entries) = nonempty_mapping(ctx, &e.value, "\"defaults\" section") else {
        return;
    };
    check_keys(ctx, entries, "\"defaults\" section", keys::DEFAULTS);
    if entries.is_empty() {
        return;
    }
    let Some(run) = e.value.get("run") else {
        return;
    };
    let Some(run_entries) = nonempty_mapping(ctx, run, "\"defaults.run\" section") else {
        return;
    };
    check_keys(ctx, run_entries, "\"defaults.run\" section", keys::DEFAULTS_RUN);
    for r in run_entries {
        if let Some(k @ ("shell" | "working-directory")) = r.key.as_str() {
            string(ctx, &r.value, Quoted(k), true);
        }
    }
}

pub(super) fn concurrency(ctx: &mut Context<'_>, e: &Entry) {
    let v = &e.value;
    match &v.kind {
        NodeKind::Scalar(_) => string(ctx, v, "\"concurrency\" group", true),
        NodeKind::Mapping(entries) => {
            check_keys(ctx, entries, "\"concurrency\" section", keys::CONCURRENCY);
            require(ctx, entries, &e.key, "\"concurrency\" section", &["group"]);
            for c in entries {
                match c.key.as_str() {
                    Some("group") => string(ctx, &c.value, "\"group\"", true),
                    Some("cancel-in-progress") => boolean(ctx, &c.value, "\"cancel-in-progress\""),
                    Some("queue") => job::one_of(ctx, &c.value, "queue", keys::CONCURRENCY_QUEUES),
                    _ => {}
                }
            }
        }
        NodeKind::Sequence(_) => report(
            ctx,
            WRONG_TYPE,
            v,
            "\"concurrency\" must be a group name or a mapping with `group:`, but found a sequence".into(),
        ),
    }
}

/// Keys an event's mapping accepts. Webhook events share one filter set, as
/// in GitHub's schema; which filter suits which event is the `events`
/// rule's business.
fn check_on(ctx: &mut Context<'_>, e: &Entry) {
    let v = &e.value;
    match &v.kind {
        NodeKind::Scalar(_) => {
            string(ctx, v, "\"on\"", true);
            schedule_without_times(ctx, v);
        }
        NodeKind::Sequence(items) => {
            if items.is_empty() {
                report(ctx, EMPTY_VALUE, v, "\"on\" should list at least one event".into());
            }
            for item in items {
                string(ctx, item, "an event name", true);
                schedule_without_times(ctx, item);
            }
        }
        NodeKind::Mapping(events) => {
            if events.is_empty() {
                report(ctx, EMPTY_VALUE, v, "\"on\" should list at least one event".into());
            }
            for ev in events {
                check_event(ctx, ev);
            }
        }
    }
}

fn check_event(ctx: &mut Context<'_>, ev: &Entry) {
    let Some(name) = ev.key.as_str() else { return };
    let what = format!("\"{name}\" event");
    if name == "schedule" {
        return schedule(ctx, ev);
    }
    // Unknown events are the `events` rule's to report.
    if !super::super::events::is_known_event(name) {
        return;
    }
    let Some(entries) = mapping(ctx, &ev.value, &what) else {
        return;
    };
    check_keys(ctx, entries, &what, keys::event(name));
    for f in entries {
        let Some(k) = f.key.as_str() else { continue };
        match k {
            "branches" | "branches-ignore" | "tags" | "tags-ignore" | "paths" | "paths-ignore" | "types"
            | "workflows" => {
                string_or_list(ctx, &f.value, &format!("\"{k}\" of {what}"));
            }
            "names" | "versions" => list_of_strings(ctx, &f.value, &format!("\"{k}\" of {what}"), true),
            "inputs" if name == "workflow_dispatch" => dispatch_inputs(ctx, &f.value),
            "inputs" if name == "workflow_call" => call_inputs(ctx, &f.value),
            "outputs" if name == "workflow_call" => call_outputs(ctx, &f.value),
            "secrets" if name == "workflow_call" => call_secrets(ctx, &f.value),
            _ => {}
        }
    }
}

/// `on: schedule` or `on: [schedule]` names the event without saying when
/// it fires; GitHub rejects the workflow, since only the mapping form
/// (`schedule:` with `- cron:` items) can carry the times.
fn schedule_without_times(ctx: &mut Context<'_>, name: &Node) {
    if name.as_str() == Some("schedule") {
        report(
            ctx,
            WRONG_TYPE,
            name,
            "the \"schedule\" event must be configured with a mapping: write `schedule:` under `on:` with `- cron: ...` items".into(),
        );
    }
}

fn schedule(ctx: &mut Context<'_>, ev: &Entry) {
    let v = &ev.value;
    let Some(items) = v.as_sequence() else {
        report(
            ctx,
            WRONG_TYPE,
            v,
            format!(
                "\"schedule\" must be a sequence of `- cron: ...` mappings, but found {}",
                found(v)
            ),
        );
        return;
    };
    if items.is_empty() {
        report(ctx, EMPTY_VALUE, v, "\"schedule\" should not be empty".into());
    }
    for item in items {
        let Some(entries) = mapping(ctx, item, "an element of \"schedule\"") else {
            if item.is_null() {
                report(
                    ctx,
                    WRONG_TYPE,
                    item,
                    "an element of \"schedule\" must be a mapping with `cron:`".into(),
                );
            }
            continue;
        };
        check_keys(ctx, entries, "an element of \"schedule\"", keys::SCHEDULE_ITEM);
        require(ctx, entries, item, "an element of \"schedule\"", &["cron"]);
        for c in entries {
            if let Some(k @ ("cron" | "timezone")) = c.key.as_str() {
                string(ctx, &c.value, Quoted(k), true);
            }
        }
    }
}

pub const DISPATCH_INPUT_TYPES: &[&str] = &["string", "number", "boolean", "choice", "environment"];
pub const CALL_INPUT_TYPES: &[&str] = &["string", "number", "boolean"];

fn dispatch_inputs(ctx: &mut Context<'_>, v: &Node) {
    let Some(inputs) = mapping(ctx, v, "\"inputs\" of \"workflow_dispatch\"") else {
        return;
    };
    case_insensitive_duplicates(ctx, inputs, "\"inputs\" of \"workflow_dispatch\"");
    for input in inputs {
        let name = input.key.as_str().unwrap_or("");
        let what = format!("input \"{name}\" of \"workflow_dispatch\"");
        let Some(entries) = mapping(ctx, &input.value, &what) else {
            continue;
        };
        check_keys(ctx, entries, &what, keys::DISPATCH_INPUT);
        for e in entries {
            match e.key.as_str() {
                Some("description") => string(ctx, &e.value, "\"description\"", false),
                Some("required") => boolean(ctx, &e.value, "\"required\""),
                Some("default") => string(ctx, &e.value, "\"default\"", false),
                Some("options") => list_of_strings(ctx, &e.value, "\"options\"", true),
                Some("type") => input_type(ctx, &e.value, DISPATCH_INPUT_TYPES, "workflow_dispatch"),
                _ => {}
            }
        }
    }
}

fn input_type(ctx: &mut Context<'_>, v: &Node, types: &[&str], event: &str) {
    match v.as_str() {
        Some(t) if types.contains(&t) => {}
        Some(t) if v.is_scalar() && !v.is_null() => {
            let hint = super::shape::did_you_mean(t, types);
            report(
                ctx,
                INVALID_VALUE,
                v,
                format!(
                    "input type of \"{event}\" must be one of {}, but found \"{t}\"{hint}",
                    quoted_list(types)
                ),
            );
        }
        _ => report(
            ctx,
            INVALID_VALUE,
            v,
            format!(
                "input type of \"{event}\" must be one of {}, but found {}",
                quoted_list(types),
                found(v)
            ),
        ),
    }
}

fn call_inputs(ctx: &mut Context<'_>, v: &Node) {
    let Some(inputs) = mapping(ctx, v, "\"inputs\" of \"workflow_call\"") else {
        return;
    };
    case_insensitive_duplicates(ctx, inputs, "\"inputs\" of \"workflow_call\"");
    for input in inputs {
        let name = input.key.as_str().unwrap_or("");
        let what = format!("input \"{name}\" of \"workflow_call\"");
        let entries = mapping(ctx, &input.value, &what).unwrap_or_default();
        check_keys(ctx, entries, &what, keys::CALL_INPUT);
        require(ctx, entries, &input.key, &what, &["type"]);
        for e in entries {
            match e.key.as_str() {
                Some("description") => string(ctx, &e.value, "\"description\"", false),
                Some("required") => boolean(ctx, &e.value, "\"required\""),
                Some("default") => string(ctx, &e.value, "\"default\"", false),
                Some("type") => input_type(ctx, &e.value, CALL_INPUT_TYPES, "workflow_call"),
                _ => {}
            }
        }
    }
}

fn call_outputs(ctx: &mut Context<'_>, v: &Node) {
    let Some(outputs) = mapping(ctx, v, "\"outputs\" of \"workflow_call\"") else {
        return;
    };
    case_insensitive_duplicates(ctx, outputs, "\"outputs\" of \"workflow_call\"");
    for output in outputs {
        let name = output.key.as_str().unwrap_or("");
        let what = format!("output \"{name}\" of \"workflow_call\"");
        let entries = mapping(ctx, &output.value, &what).unwrap_or_default();
        check_keys(ctx, entries, &what, keys::CALL_OUTPUT);
        require(ctx, entries, &output.key, &what, &["value"]);
        for e in entries {
            if let Some(k @ ("description" | "value")) = e.key.as_str() {
                string(ctx, &e.value, Quoted(k), k == "value");
            }
        }
    }
}

fn call_secrets(ctx: &mut Context<'_>, v: &Node) {
    let Some(secrets) = mapping(ctx, v, "\"secrets\" of \"workflow_call\"") else {
        return;
    };
    case_insensitive_duplicates(ctx, secrets, "\"secrets\" of \"workflow_call\"");
    for secret in secrets {
        let name = secret.key.as_str().unwrap_or("");
        let what = format!("secret \"{name}\" of \"workflow_call\"");
        let Some(entries) = mapping(ctx, &secret.value, &what) else {
            continue;
        };
        check_keys(ctx, entries, &what, keys::CALL_SECRET);
        for e in entries {
            match e.key.as_str() {
                Some("description") => string(ctx, &e.value, "\"description\"", false),
                Some("required") => boolean(ctx, &e.value, "\"required\""),
                _ => {}
            }
        }
    }
}
