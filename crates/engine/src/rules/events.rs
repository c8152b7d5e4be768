//! `events`: the triggers under `on:`: unknown events and activity types,
//! filters an event does not support, `branches` with `branches-ignore`,
//! `workflow_dispatch`/`workflow_call` input defaults, and `schedule` cron
//! syntax with GitHub's five-minute minimum.

mod cron;
mod table;

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;
use crate::yaml::{Entry, Node, NodeKind};
use autoheal_expr::suggest::suggest;

pub use cron::{Cron, parse_cron};
pub use table::{EVENTS, PROJECTS_CLASSIC_EVENTS, activity_types, is_known_event};

/// The most inputs a `workflow_dispatch` trigger may declare.
const MAX_DISPATCH_INPUTS: usize = 25;

pub const RULE: Rule = Rule {
    id: "events",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Unknown events and activity types, misplaced filters, input defaults and cron schedules under `on:`.",
    kinds: WORKFLOWS,
    codes: &[
        UNKNOWN,
        UNAVAILABLE_FILTER,
        CONFLICTING_FILTERS,
        TOO_MANY_INPUTS,
        NO_ACTIVITY_TYPES,
        UNKNOWN_ACTIVITY_TYPE,
        INVALID_CRON,
        CRON_TOO_FREQUENT,
        CRON_NEVER_RUNS,
        INVALID_TIMEZONE,
        CHOICE_WITHOUT_OPTIONS,
        DUPLICATE_OPTION,
        DEFAULT_NOT_AN_OPTION,
        OPTIONS_WITHOUT_CHOICE,
        DEFAULT_TYPE,
        UNUSED_DEFAULT,
        RESERVED_SECRET,
        WORKFLOW_RUN_WITHOUT_WORKFLOWS,
        NEGATED_ONLY,
        GHES_ONLY_EVENT,
    ],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["on"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// An event of Projects (classic), which GitHub.com no longer sends.
pub const GHES_ONLY_EVENT: &str = "events/ghes-only-event";
/// An event GitHub does not have.
pub const UNKNOWN: &str = "events/unknown";
/// A filter the event does not take, which GitHub ignores.
pub const UNAVAILABLE_FILTER: &str = "events/unavailable-filter";
/// A filter and its `-ignore` form on one event.
pub const CONFLICTING_FILTERS: &str = "events/conflicting-filters";
/// More `workflow_dispatch` inputs than GitHub allows.
pub const TOO_MANY_INPUTS: &str = "events/too-many-inputs";
/// `types:` on an event that has no activity types.
pub const NO_ACTIVITY_TYPES: &str = "events/no-activity-types";
/// An activity type the event does not have.
pub const UNKNOWN_ACTIVITY_TYPE: &str = "events/unknown-activity-type";
/// A `cron:` that is not a valid POSIX cron expression.
pub const INVALID_CRON: &str = "events/invalid-cron";
/// A schedule more frequent than GitHub runs (every 5 minutes).
pub const CRON_TOO_FREQUENT: &str = "events/cron-too-frequent";
/// A schedule whose dates never come (`0 0 31 2 *`).
pub const CRON_NEVER_RUNS: &str = "events/cron-never-runs";
/// A `timezone:` that is not an IANA name.
pub const INVALID_TIMEZONE: &str = "events/invalid-timezone";
/// A `choice` input without `options`.
pub const CHOICE_WITHOUT_OPTIONS: &str = "events/choice-without-options";
/// An option listed twice.
pub const DUPLICATE_OPTION: &str = "events/duplicate-option";
/// A `choice` default that is not one of its options.
pub const DEFAULT_NOT_AN_OPTION: &str = "events/default-not-an-option";
/// `options` on an input that is not a `choice`.
pub const OPTIONS_WITHOUT_CHOICE: &str = "events/options-without-choice";
/// A default of a `boolean` or `number` input that is not one.
pub const DEFAULT_TYPE: &str = "events/default-type";
/// A default of a required input, which is never used.
pub const UNUSED_DEFAULT: &str = "events/unused-default";
/// A `workflow_call` secret named `GITHUB_TOKEN`, a name GitHub reserves.
pub const RESERVED_SECRET: &str = "events/reserved-secret";

/// A `workflow_run` trigger that names no workflow to follow.
pub const WORKFLOW_RUN_WITHOUT_WORKFLOWS: &str = "events/workflow-run-without-workflows";

/// Whether a reusable workflow may not declare `name` under
/// `on.workflow_call.secrets`: GitHub rejects the called workflow ("secret
/// name `GITHUB_TOKEN` within `workflow_call` can not be used since it would
/// collide with system reserved name", whatever the case of the name) and
/// gives every called workflow `secrets.GITHUB_TOKEN` itself.
/// A `branches`, `tags` or `paths` filter whose every pattern is negated
/// (`!`), so it matches nothing and the event never runs the workflow.
pub const NEGATED_ONLY: &str = "events/negated-only";

pub fn is_reserved_call_secret(name: &str) -> bool {
    name.eq_ignore_ascii_case("GITHUB_TOKEN")
}

fn check(ctx: &mut Context<'_>) {
    let Some(on) = ctx.root().and_then(|r| r.get("on")) else {
        return;
    };
    match &on.kind {
        NodeKind::Scalar(_) => {
            event_name(ctx, on);
            workflow_run_without_workflows(ctx, on);
        }
        NodeKind::Sequence(items) => items.iter().for_each(|i| {
            event_name(ctx, i);
            workflow_run_without_workflows(ctx, i);
        }),
        NodeKind::Mapping(entries) => {
            for e in entries {
                event_name(ctx, &e.key);
                if let Some(name) = e.key.as_str().filter(|n| is_known_event(n)) {
                    if name == "workflow_run" && e.value.get("workflows").is_none() {
                        workflow_run_without_workflows(ctx, &e.key);
                    }
                    event_config(ctx, name, e);
                }
            }
        }
    }
}

/// `workflow_run` given without `workflows` (as a bare event name, or a
/// configuration without the key): GitHub's events reference makes
/// `workflows` the one thing the event needs, and without it GitHub does not
/// load the workflow: every push records a failed run with no job (seen in
/// martinopedal/azure-analyzer#154, fixed by adding `workflows:`).
fn workflow_run_without_workflows(ctx: &mut Context<'_>, event: &Node) {
    if event.as_str() != Some("workflow_run") {
        return;
    }
    ctx.report(
        event.report_span(),
        "\"workflow_run\" names no workflow to follow; add `workflows:` with the names of the workflows whose runs trigger this one",
    )
    .set_code(WORKFLOW_RUN_WITHOUT_WORKFLOWS);
}

fn event_name(ctx: &mut Context<'_>, node: &Node) {
    let Some(name) = node.as_str() else { return };
    if PROJECTS_CLASSIC_EVENTS.contains(&name) {
        ctx.report_at(
            Severity::Warning,
            node.report_span(),
            format!(
                "\"{name}\" is an event of Projects (classic), which GitHub.com retired: GitHub's events reference \
                 documents it only for GitHub Enterprise Server 3.16 and earlier, so on GitHub.com this trigger never \
                 runs the workflow; Projects have no workflow trigger there"
            ),
        )
        .set_code(GHES_ONLY_EVENT);
        return;
    }
    if name.is_empty() || is_known_event(name) || node.is_expression() {
        return;
    }
    let names: Vec<&str> = EVENTS.iter().map(|e| e.0).collect();
    let hint = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(name))
        .copied()
        .or_else(|| suggest(name, &names))
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default();
    ctx.report(
        node.report_span(),
        format!(
            "unknown event \"{name}\"{hint}; see https://docs.github.com/en/actions/reference/events-that-trigger-workflows"
        ),
    ).set_code(UNKNOWN);
}

/// Where each filter is allowed.
fn filter_events(filter: &str) -> Option<&'static [&'static str]> {
    Some(match filter {
        "tags" | "tags-ignore" => &["push"],
        "paths" | "paths-ignore" => &["push", "pull_request", "pull_request_target"],
        "branches" | "branches-ignore" => &[
            "merge_group",
            "push",
            "pull_request",
            "pull_request_target",
            "workflow_run",
        ],
        "workflows" => &["workflow_run"],
        _ => return None,
    })
}

fn event_config(ctx: &mut Context<'_>, name: &str, e: &Entry) {
    if name == "schedule" {
        return schedule(ctx, &e.value);
    }
    let Some(entries) = e.value.as_mapping() else { return };
    for f in entries {
        let Some(k) = f.key.as_str() else { continue };
        if let Some(events) = filter_events(k) {
            // An event whose keys exclude the filter altogether (a
            // `workflow_dispatch` takes only `inputs`) has it reported once,
            // as the unknown key GitHub rejects (`schema`).
            let unknown_key = !super::schema::keys::event(name).contains(&k);
            if !events.contains(&name) && !unknown_key {
                // GitHub ignores the filter rather than rejecting the file.
                ctx.report_at(
                    Severity::Warning,
                    f.key.span,
                    format!("the \"{k}\" filter is not available for the \"{name}\" event, so it is ignored; it only applies to {}", events.join(", ")),
                ).set_code(UNAVAILABLE_FILTER);
            }
        }
        if k == "types" {
            types(ctx, name, e, &f.value);
        }
    }
    for (a, b) in [
        ("branches", "branches-ignore"),
        ("tags", "tags-ignore"),
        ("paths", "paths-ignore"),
    ] {
        if let (Some(x), Some(y)) = (e.value.entry(a), e.value.entry(b)) {
            if filter_events(a).is_some_and(|evs| evs.contains(&name)) {
                // At whichever of the two comes second: that is the one to drop.
                let later = if x.key.span.start > y.key.span.start { x } else { y };
                ctx.report(
                    later.key.span,
                    format!("\"{a}\" and \"{b}\" cannot both be used for the \"{name}\" event; negate patterns with `!` in \"{a}\" instead"),
                ).set_code(CONFLICTING_FILTERS);
            }
        }
    }
    negated_only(ctx, name, &e.value);
    match name {
        "workflow_dispatch" => {
            if let Some(inputs) = e.value.get("inputs").and_then(Node::as_mapping) {
                inputs.iter().for_each(|i| dispatch_input(ctx, i));
                // GitHub's "Providing inputs" reference: at most 25 inputs.
                if inputs.len() > MAX_DISPATCH_INPUTS {
                    ctx.report(
                        e.key.span,
                        format!(
                            "\"workflow_dispatch\" takes at most {MAX_DISPATCH_INPUTS} inputs, but {} are declared; GitHub rejects the workflow",
                            inputs.len()
                        ),
                    )
                    .set_code(TOO_MANY_INPUTS);
                }
            }
        }
        "workflow_call" => {
            if let Some(inputs) = e.value.get("inputs").and_then(Node::as_mapping) {
                inputs.iter().for_each(|i| call_input(ctx, i));
            }
            let secrets = e.value.get("secrets").and_then(Node::as_mapping).unwrap_or_default();
            for secret in secrets {
                let Some(name) = secret.key.as_str().filter(|n| is_reserved_call_secret(n)) else {
                    continue;
                };
                ctx.report(
                    secret.key.span,
                    format!(
                        "secret \"{name}\" cannot be declared by a reusable workflow: GitHub reserves the name and rejects the workflow; every called workflow already has `secrets.GITHUB_TOKEN` (or `github.token`), so remove the declaration"
                    ),
                )
                .set_code(RESERVED_SECRET);
            }
        }
        _ => {}
    }
}

/// A `branches`, `tags` or `paths` filter made of `!` patterns only. GitHub
/// reads the patterns in order and a `!` one only takes back what an earlier
/// one matched, so such a filter matches nothing; its workflow syntax says so
/// ("If you define a branch with the `!` character, you must also define at
/// least one branch without the `!` character. If you only want to exclude
/// branches, use `branches-ignore` instead", and the same for tags and
/// paths). The workflow is accepted, so this is a warning. A push filter of
/// one ref kind beside a filter of the other (`branches: ['**']` with
/// `tags: ['!**']`, which vuejs/core uses) only turns that kind off, as
/// intended, and is not reported when it is `!**` or `!*` alone.
fn negated_only(ctx: &mut Context<'_>, event: &str, config: &Node) {
    for (filter, ignore) in [
        ("branches", "branches-ignore"),
        ("tags", "tags-ignore"),
        ("paths", "paths-ignore"),
    ] {
        if !filter_events(filter).is_some_and(|evs| evs.contains(&event)) {
            continue;
        }
        let Some(f) = config.entry(filter) else { continue };
        let patterns: Vec<&Node> = match &f.value.kind {
            NodeKind::Sequence(items) => items.iter().collect(),
            NodeKind::Scalar(_) => vec![&f.value],
            NodeKind::Mapping(_) => continue,
        };
        let negated = |p: &&Node| p.as_str().is_some_and(|t| t.starts_with('!')) && !p.is_expression();
        if patterns.is_empty() || !patterns.iter().all(negated) {
            continue;
        }
        let other_ref_kind = match filter {
            "branches" => ["tags", "tags-ignore"],
            "tags" => ["branches", "branches-ignore"],
            _ => ["", ""],
        };
        // Only a filter that turns its whole ref kind off (`!**`, `!*`) is
        // such an intent; `branches: ['!main']` beside `tags: ['v*']` still
        // runs no branch push at all (final review B, 5).
        let turns_kind_off = patterns.iter().all(|p| matches!(p.as_str(), Some("!**" | "!*")));
        let other_kind_filtered = other_ref_kind
            .iter()
            .any(|k| !k.is_empty() && config.entry(k).is_some());
        if turns_kind_off && other_kind_filtered {
            continue;
        }
        let what = if other_kind_filtered {
            format!("a \"{event}\" of {filter}")
        } else {
            format!("the \"{event}\" event")
        };
        ctx.report_at(
            Severity::Warning,
            f.key.span,
            format!(
                "every pattern of \"{filter}\" is negated with `!`, so it matches nothing and {what} never runs this workflow; \
                 list what to include before the `!` patterns, or use \"{ignore}\" with the patterns without `!`"
            ),
        )
        .set_code(NEGATED_ONLY);
    }
}

fn types(ctx: &mut Context<'_>, event: &str, event_entry: &Entry, v: &Node) {
    let Some(allowed) = activity_types(event) else {
        if event != "repository_dispatch" {
            // On the event's name: it is the event's configuration that
            // GitHub rejects (its schema has no `types` for this event).
            ctx.report(
                event_entry.key.span,
                format!("the \"{event}\" event has no activity types; remove \"types\""),
            )
            .set_code(NO_ACTIVITY_TYPES);
        }
        return;
    };
    let items: Vec<&Node> = match &v.kind {
        NodeKind::Sequence(items) => items.iter().collect(),
        NodeKind::Scalar(_) => vec![v],
        NodeKind::Mapping(_) => Vec::new(),
    };
    for item in items {
        let Some(t) = item.as_str() else { continue };
        if t.is_empty() || allowed.contains(&t) {
            continue;
        }
        let hint = suggest(t, allowed)
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        ctx.report(
            item.span,
            format!("invalid activity type \"{t}\" for the \"{event}\" event{hint}; available types are {list}"),
        )
        .set_code(UNKNOWN_ACTIVITY_TYPE);
    }
}

fn schedule(ctx: &mut Context<'_>, v: &Node) {
    for item in v.as_sequence().unwrap_or_default() {
        if let Some(cron) = item.get("cron").filter(|c| !c.is_expression()) {
            if let Some(expr) = cron.as_str().filter(|s| !s.trim().is_empty()) {
                match parse_cron(expr) {
                    Err(msg) => {
                        ctx.report(cron.span, format!("invalid cron expression \"{expr}\": {msg}"))
                            .set_code(INVALID_CRON);
                    }
                    Ok(c) if c.never_runs() => {
                        ctx.report_at(
                            Severity::Warning,
                            cron.span,
                            format!("schedule \"{expr}\" never runs: none of the months it names has the day of the month it names"),
                        )
                        .set_code(CRON_NEVER_RUNS);
                    }
                    Ok(c) => {
                        if let Some(minutes) = c.shortest_interval_minutes().filter(|m| *m < 5) {
                            ctx.report(
                                cron.span,
                                format!(
                                    "schedule \"{expr}\" runs every {minutes} minute(s), but the shortest interval GitHub runs is once every 5 minutes"
                                ),
                            ).set_code(CRON_TOO_FREQUENT);
                        }
                    }
                }
            }
        }
        if let Some(tz) = item.get("timezone") {
            if let Some(name) = tz.as_str().filter(|s| !s.is_empty()) {
                if !is_iana_timezone(name) {
                    ctx.report(
                        tz.span,
                        format!("invalid timezone \"{name}\" in \"schedule\"; use an IANA name such as \"Europe/Berlin\" or \"Etc/UTC\""),
                    ).set_code(INVALID_TIMEZONE);
                }
            }
        }
    }
}

/// `Area/Location` names of the IANA database (a shape check: the list
/// itself changes with every tzdata release).
fn is_iana_timezone(name: &str) -> bool {
    const AREAS: &[&str] = &[
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    ];
    let mut parts = name.split('/');
    let area = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    AREAS.contains(&area)
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        })
}

fn dispatch_input(ctx: &mut Context<'_>, input: &Entry) {
    let name = input.key.as_str().unwrap_or("");
    let v = &input.value;
    let ty = v.get("type").and_then(Node::as_str).unwrap_or("string");
    let options = v.get("options");
    let default = v
        .get("default")
        .filter(|d| d.is_scalar() && !d.is_null() && !d.is_expression());
    if ty == "choice" {
        let opts = options.and_then(Node::as_sequence).unwrap_or_default();
        if opts.is_empty() && options.is_none_or(|o| !o.is_expression()) {
            ctx.report(
                input.key.span,
                format!("input \"{name}\" is of type \"choice\" but has no \"options\""),
            )
            .set_code(CHOICE_WITHOUT_OPTIONS);
        }
        let mut seen: Vec<&str> = Vec::new();
        for o in opts {
            let Some(s) = o.as_str() else { continue };
            if seen.contains(&s) {
                ctx.report(o.span, format!("option \"{s}\" of input \"{name}\" is listed twice"))
                    .set_code(DUPLICATE_OPTION);
            } else {
                seen.push(s);
            }
        }
        if let (Some(d), Some(dv)) = (default, default.and_then(Node::as_str)) {
            if !opts.is_empty() && !seen.contains(&dv) {
                ctx.report(
                    d.span,
                    format!(
                        "default \"{dv}\" of input \"{name}\" is not one of its options ({})",
                        seen.join(", ")
                    ),
                )
                .set_code(DEFAULT_NOT_AN_OPTION);
            }
        }
    } else if let Some(o) = options {
        // At the input, like the other findings about an input's type.
        let options_at = v.entry("options").map_or(o.span, |e| e.key.span);
        ctx.report(
            input.key.span,
            format!("\"options\" only applies to inputs of type \"choice\", but input \"{name}\" is of type \"{ty}\""),
        )
        .set_code(OPTIONS_WITHOUT_CHOICE)
        .labels
        .push(crate::diagnostic::Label {
            range: options_at,
            message: "ignored here".into(),
        });
    }
    check_default_type(ctx, name, ty, default);
}

fn check_default_type(ctx: &mut Context<'_>, name: &str, ty: &str, default: Option<&Node>) {
    let Some(d) = default else { return };
    let Some(dv) = d.as_str() else { return };
    match ty {
        "boolean" if !matches!(dv, "true" | "false") => {
            ctx.report(
                d.span,
                format!("input \"{name}\" is a boolean, so its default must be `true` or `false`, not \"{dv}\""),
            )
            .set_code(DEFAULT_TYPE);
        }
        "number" if crate::yaml::parse_yaml_number(dv).is_none() => {
            ctx.report(
                d.span,
                format!("input \"{name}\" is a number, but its default \"{dv}\" is not a number"),
            )
            .set_code(DEFAULT_TYPE);
        }
        _ => {}
    }
}

fn call_input(ctx: &mut Context<'_>, input: &Entry) {
    let name = input.key.as_str().unwrap_or("");
    let v = &input.value;
    let Some(ty) = v.get("type").and_then(Node::as_str) else {
        return;
    };
    let default = v
        .get("default")
        .filter(|d| d.is_scalar() && !d.is_null() && !d.is_expression());
    check_default_type(ctx, name, ty, default);
    if let (Some(d), Some(true)) = (default, v.get("required").and_then(Node::as_bool)) {
        ctx.report_at(
            Severity::Warning,
            d.span,
            format!("input \"{name}\" is required, so its default is never used; remove \"default\" or set `required: false`"),
        ).set_code(UNUSED_DEFAULT);
    }
}

#[cfg(test)]
mod tests;
