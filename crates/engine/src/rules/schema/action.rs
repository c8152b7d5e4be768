//! Action metadata (`action.yml`): the top level, inputs, outputs, `runs`
//! for each runtime, and branding.

use super::codes::*;
use super::job::{StepKind, step};
use super::keys;
use super::shape::{
    Quoted, check_keys, check_keys_at, found, mapping, quoted_list, report, require, scalar_map, string,
};
use crate::diagnostic::Severity;
use crate::rules::Context;
use crate::yaml::{Entry, Node, NodeKind};

pub const NODE_RUNTIMES: &[&str] = &["node12", "node16", "node20", "node24"];

/// `runs.using` of action metadata as the runner reads it: lowercased,
/// because the runner compares it without case (`ActionManifestManager`
/// uses `StringComparison.OrdinalIgnoreCase`), so `Node24` is `node24`.
pub fn runs_using(runs: &Node) -> Option<String> {
    runs.get("using")?.as_str().map(str::to_ascii_lowercase)
}

pub(super) fn check_action(ctx: &mut Context<'_>, root: &Node) {
    let Some(entries) = root.as_mapping() else {
        report(
            ctx,
            WRONG_TYPE,
            root,
            format!(
                "action metadata must be a mapping with `name`, `description` and `runs`, but found {}",
                found(root)
            ),
        );
        return;
    };
    // The runner's action manifest schema (`action_yaml.json`,
    // `action-root`) takes any other top-level key and ignores it, so an
    // unknown one is a warning in the file, not a failure where it is used.
    check_keys_at(ctx, entries, "action metadata", keys::ACTION, Some(Severity::Warning));
    let at = entries.first().map_or(root, |e| &e.key);
    require(ctx, entries, at, "action metadata", &["name", "runs"]);
    for e in entries {
        let v = &e.value;
        match e.key.as_str().unwrap_or("") {
            k @ ("name" | "author" | "description") => string(ctx, v, Quoted(k), k == "name"),
            "inputs" => inputs(ctx, v),
            "outputs" => outputs(ctx, v, root),
            "runs" => runs(ctx, e),
            "branding" => {
                if let Some(b) = mapping(ctx, v, "\"branding\"") {
                    check_keys(ctx, b, "\"branding\" section", keys::BRANDING);
                    for x in b {
                        string(ctx, &x.value, Quoted(x.key.as_str().unwrap_or("")), true);
                    }
                }
            }
            _ => {}
        }
    }
}

fn inputs(ctx: &mut Context<'_>, v: &Node) {
    let Some(inputs) = mapping(ctx, v, "\"inputs\"") else {
        return;
    };
    for input in inputs {
        let what = format!("input \"{}\"", input.key.as_str().unwrap_or(""));
        let Some(entries) = mapping(ctx, &input.value, &what) else {
            continue;
        };
        // The runner ignores other keys here (`type:` is common), so they
        // are warnings, not errors.
        check_keys_at(ctx, entries, &what, keys::ACTION_INPUT, Some(Severity::Warning));
        for e in entries {
            match e.key.as_str() {
                // The runner reads `required` loosely; only collections are wrong.
                Some("required") if !e.value.is_scalar() => {
                    report(
                        ctx,
                        WRONG_TYPE,
                        &e.value,
                        format!("\"required\" must be `true` or `false`, but found {}", found(&e.value)),
                    );
                }
                Some(k @ ("description" | "default")) => string(ctx, &e.value, Quoted(k), false),
                // The runner logs the message when the input is used: an
                // empty one says nothing.
                Some("deprecationMessage") => string(ctx, &e.value, "\"deprecationMessage\"", true),
                _ => {}
            }
        }
    }
}

fn outputs(ctx: &mut Context<'_>, v: &Node, root: &Node) {
    let Some(outputs) = mapping(ctx, v, "\"outputs\"") else {
        return;
    };
    let composite = root.get("runs").and_then(runs_using).as_deref() == Some("composite");
    for output in outputs {
        let what = format!("output \"{}\"", output.key.as_str().unwrap_or(""));
        let Some(entries) = mapping(ctx, &output.value, &what) else {
            continue;
        };
        check_keys(ctx, entries, &what, keys::ACTION_OUTPUT);
        if composite {
            require(
                ctx,
                entries,
                &output.key,
                &format!("{what} of a composite action"),
                &["value"],
            );
        }
        for e in entries {
            if let Some(k @ ("description" | "value")) = e.key.as_str() {
                string(ctx, &e.value, Quoted(k), false);
            }
        }
    }
}

fn runs(ctx: &mut Context<'_>, e: &Entry) {
    let Some(entries) = mapping(ctx, &e.value, "\"runs\"") else {
        if e.value.is_null() {
            report(
                ctx,
                EMPTY_VALUE,
                &e.value,
                "\"runs\" should not be empty; it needs at least `using`".into(),
            );
        }
        return;
    };
    let Some(using_node) = e.value.get("using") else {
        report(
            ctx,
            MISSING_KEY,
            &e.key,
            "\"using\" is required in \"runs\", but it is missing".into(),
        );
        return;
    };
    let using = runs_using(&e.value).unwrap_or_default();
    let using = using.as_str();
    let mut all: Vec<&str> = NODE_RUNTIMES.to_vec();
    all.extend(["docker", "composite"]);
    let allowed = if NODE_RUNTIMES.contains(&using) {
        require(
            ctx,
            entries,
            &e.key,
            &format!("\"runs\" of a {using} action"),
            &["main"],
        );
        keys::NODE_RUNS
    } else if using == "docker" {
        require(ctx, entries, &e.key, "\"runs\" of a docker action", &["image"]);
        keys::DOCKER_RUNS
    } else if using == "composite" {
        require(ctx, entries, &e.key, "\"runs\" of a composite action", &["steps"]);
        keys::COMPOSITE_RUNS
    } else {
        let hint = super::shape::did_you_mean(using, &all);
        report(
            ctx,
            INVALID_VALUE,
            using_node,
            format!(
                "\"using\" must be one of {}, but found {}{hint}",
                quoted_list(&all),
                found(using_node)
            ),
        );
        return;
    };
    check_keys(ctx, entries, &format!("\"runs\" of a {using} action"), allowed);
    for x in entries {
        let v = &x.value;
        let key = x.key.as_str().unwrap_or("");
        // A key this kind does not take was reported above; checking its value
        // as well is a cascade (the `steps` of a JavaScript action are not
        // composite steps that lack `shell`).
        if !allowed.contains(&key) {
            continue;
        }
        match key {
            k @ ("main" | "pre" | "post") => string(ctx, v, Quoted(k), true),
            "image" => {
                string(ctx, v, "\"image\"", true);
                docker_image(ctx, v);
            }
            k @ ("pre-if" | "post-if" | "entrypoint" | "pre-entrypoint" | "post-entrypoint") => {
                string(ctx, v, Quoted(k), false);
            }
            "env" => scalar_map(ctx, v, "\"env\" of \"runs\""),
            "args" if !matches!(v.kind, NodeKind::Sequence(_)) && !v.is_null() => {
                report(
                    ctx,
                    WRONG_TYPE,
                    v,
                    format!("\"args\" must be a sequence of strings, but found {}", found(v)),
                );
            }
            "steps" => match v.as_sequence() {
                Some(items) => {
                    for item in items {
                        step(ctx, item, StepKind::Composite);
                    }
                }
                None => report(
                    ctx,
                    WRONG_TYPE,
                    v,
                    format!("\"steps\" must be a sequence of steps, but found {}", found(v)),
                ),
            },
            _ => {}
        }
    }
}

/// `image: docker://…` names a registry image the runner pulls: it must
/// have the form a step's `uses: docker://…` has (an empty tag after `:`
/// cannot be pulled).
fn docker_image(ctx: &mut Context<'_>, image: &Node) {
    let Some(value) = image
        .as_str()
        .filter(|v| v.starts_with("docker://") && !image.is_expression())
    else {
        return;
    };
    if let Err(why) = crate::rules::action::parse_action_ref(value) {
        report(
            ctx,
            INVALID_VALUE,
            image,
            format!("invalid Docker image {value:?}: {why}"),
        );
    }
}
