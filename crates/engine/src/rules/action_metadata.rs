//! `action-metadata`: checks of `action.yml` beyond its shape (the `schema`
//! rule already reports unknown and missing keys, `runs.using` values,
//! composite `run` steps without `shell`, and composite outputs without
//! `value`). This rule adds what the shape cannot say: end-of-life node
//! runtimes, `branding` values, input and output names that collide
//! case-insensitively, settings the runner ignores, and a missing
//! `description`.

mod files;
mod icons;

use std::collections::HashMap;

use super::action::runtimes::NodeStatus;
use super::{ACTIONS, Context, Rule};
use crate::diagnostic::Severity;
use crate::yaml::{Entry, Node};
use autoheal_expr::suggest::suggest;

pub use icons::FEATHER_ICONS;

pub const RULE: Rule = Rule {
    id: "action-metadata",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "Action metadata: end-of-life runtimes, branding values, colliding input names, ignored settings.",
    kinds: ACTIONS,
    codes: &[
        MISSING_DESCRIPTION,
        RETIRED_RUNTIME,
        RETIRING_RUNTIME,
        IGNORED_SETTING,
        COLLIDING_NAMES,
        BRANDING_ICON,
        BRANDING_COLOR,
        MISSING_FILE,
    ],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// No `description`, which GitHub's metadata syntax requires.
pub const MISSING_DESCRIPTION: &str = "action-metadata/missing-description";
/// A Node.js runtime GitHub no longer runs as declared.
pub const RETIRED_RUNTIME: &str = "action-metadata/retired-runtime";
/// A Node.js runtime GitHub is retiring.
pub const RETIRING_RUNTIME: &str = "action-metadata/retiring-runtime";
/// A setting that has no effect for this kind of action.
pub const IGNORED_SETTING: &str = "action-metadata/ignored-setting";
/// Inputs or outputs whose names differ only in case.
pub const COLLIDING_NAMES: &str = "action-metadata/colliding-names";
/// A `branding.icon` that is not a Feather icon name.
pub const BRANDING_ICON: &str = "action-metadata/branding-icon";
/// A `branding.color` GitHub does not offer.
pub const BRANDING_COLOR: &str = "action-metadata/branding-color";
/// A file named by `runs` that does not exist.
pub const MISSING_FILE: &str = "action-metadata/missing-file";

/// `branding.color` values GitHub accepts.
pub const BRANDING_COLORS: &[&str] = &[
    "white",
    "black",
    "yellow",
    "blue",
    "green",
    "orange",
    "red",
    "purple",
    "gray-dark",
];

/// Codes of findings that are not errors in the action file itself but are
/// still worth showing where a workflow uses the action.
pub const SHOWN_AT_USE_SITE: &[&str] = &[
    MISSING_DESCRIPTION,
    BRANDING_ICON,
    BRANDING_COLOR,
    IGNORED_SETTING,
    RETIRING_RUNTIME,
];

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let Some(entries) = root.as_mapping() else { return };
    if root.get("description").is_none() && root.get("name").is_some() {
        let at = entries.first().map_or(root.span, |e| e.key.span);
        ctx.report(
            at,
            "action metadata has no `description`; GitHub's metadata syntax requires one (the Marketplace shows it)",
        )
        .set_code(MISSING_DESCRIPTION);
    }
    for key in ["inputs", "outputs"] {
        if let Some(items) = root.get(key).and_then(Node::as_mapping) {
            colliding_names(ctx, items, key);
        }
    }
    if let Some(runs) = root.get("runs") {
        runtime(ctx, runs);
        ignored_settings(ctx, runs, root);
        files::missing_files(ctx, runs);
    }
    if let Some(branding) = root.get("branding").and_then(Node::as_mapping) {
        branding_values(ctx, branding);
    }
}

fn runtime(ctx: &mut Context<'_>, runs: &Node) {
    let Some(using) = runs.get("using") else { return };
    let Some(name) = using.as_str() else { return };
    // The runtimes' status is the dated data the popular actions' majors
    // are judged by (`rules/action/runtimes.rs`).
    let status = super::action::runtimes::node_status(name);
    if status == Some(NodeStatus::Removed) {
        ctx.report_at(
            Severity::Error,
            using.report_span(),
            format!("`using: {name}` is end-of-life; GitHub runs the action on a newer Node.js instead. Test it on and declare `node24`"),
        )
        .set_code(RETIRED_RUNTIME);
    } else if status == Some(NodeStatus::Retired) {
        ctx.report(
            using.report_span(),
            format!("`using: {name}` is being retired by GitHub, which moves actions to Node.js 24; test the action on and declare `node24`"),
        )
        .set_code(RETIRING_RUNTIME);
    }
}

fn ignored_settings(ctx: &mut Context<'_>, runs: &Node, root: &Node) {
    for (cond, script) in [("pre-if", "pre"), ("post-if", "post")] {
        if let (Some(e), None) = (runs.entry(cond), runs.get(script)) {
            let also_docker = format!("{script}-entrypoint");
            if runs.get(&also_docker).is_none() {
                ctx.report(
                    e.key.span,
                    format!("`{cond}` has no effect without `{script}` (or `{also_docker}`)"),
                )
                .set_code(IGNORED_SETTING);
            }
        }
    }
    let composite = crate::rules::schema::runs_using(runs).as_deref() == Some("composite");
    if composite {
        return;
    }
    let Some(outputs) = root.get("outputs").and_then(Node::as_mapping) else {
        return;
    };
    for output in outputs {
        if let Some(v) = output.value.entry("value") {
            let d = ctx.report(
                v.key.span,
                format!(
                    "output {:?} sets `value`, which only composite actions use; this action sets outputs from its code",
                    output.key.as_str().unwrap_or("")
                ),
            );
            d.set_code(IGNORED_SETTING);
        }
    }
}

/// Input and output names are case-insensitive: `foo` and `FOO` are one.
fn colliding_names(ctx: &mut Context<'_>, items: &[Entry], section: &str) {
    let mut seen: HashMap<String, &Entry> = HashMap::new();
    for e in items {
        let Some(name) = e.key.as_str() else { continue };
        let first = *seen.entry(name.to_ascii_lowercase()).or_insert(e);
        let first_name = first.key.as_str().unwrap_or("");
        // Exact duplicates are the syntax rule's.
        if std::ptr::eq(first, e) || first_name == name {
            continue;
        }
        let line = crate::text::LineIndex::new(ctx.source)
            .line_column(ctx.source, first.key.span.start)
            .line;
        ctx.report_at(
            Severity::Error,
            e.key.span,
            format!("{section} name {name:?} collides with {first_name:?} (line {line}): names are case-insensitive"),
        )
        .set_code(COLLIDING_NAMES);
    }
}

fn branding_values(ctx: &mut Context<'_>, branding: &[Entry]) {
    for e in branding {
        let (Some(key), Some(value)) = (e.key.as_str(), e.value.as_str()) else {
            continue;
        };
        let (allowed, what, code): (&[&str], &str, &'static str) = match key {
            "color" => (BRANDING_COLORS, "color", BRANDING_COLOR),
            "icon" => (FEATHER_ICONS, "icon", BRANDING_ICON),
            _ => continue,
        };
        if e.value.is_null() || allowed.contains(&value) {
            continue;
        }
        let hint = suggest(value, allowed)
            .map(|s| format!("did you mean {s:?}? "))
            .unwrap_or_default();
        let choices = if key == "color" {
            format!(
                "one of {}",
                allowed.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ")
            )
        } else {
            "a Feather icon name from https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions#brandingicon".to_string()
        };
        ctx.report(
            e.value.report_span(),
            format!("unknown branding {what} {value:?}; {hint}use {choices}"),
        )
        .set_code(code);
    }
}

#[cfg(test)]
mod tests;
