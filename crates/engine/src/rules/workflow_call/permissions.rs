//! Permissions a caller grants a reusable workflow against those the
//! callee's jobs ask for. GitHub only lets a called workflow keep or lower
//! the `GITHUB_TOKEN` permissions it is given; a callee job asking for more
//! (`contents: read` where the caller grants `contents: none`) fails the run
//! before it starts. Checked only when the caller's grant is written down
//! (job or workflow `permissions:`): otherwise it comes from repository
//! settings nobody can see here.

use super::super::Context;
use crate::rules::permissions::SCOPES;
use crate::text::TextRange;
use crate::yaml::{self, Node};

fn rank(level: &str) -> Option<u8> {
    match level {
        "none" => Some(0),
        "read" => Some(1),
        "write" => Some(2),
        _ => None,
    }
}

/// The level of every scope a `permissions:` value sets; `None` when it is
/// an expression or not understood. Scopes a mapping leaves out are `none`.
fn levels(node: &Node) -> Option<Vec<(&'static str, u8)>> {
    if node.is_expression() {
        return None;
    }
    if let Some(all) = node.as_str() {
        let level = match all {
            "read-all" => 1,
            "write-all" => 2,
            _ => return None,
        };
        return Some(SCOPES.iter().map(|(s, _)| (*s, level)).collect());
    }
    let entries = node.as_mapping()?;
    Some(
        SCOPES
            .iter()
            .map(|(scope, _)| {
                let level = entries
                    .iter()
                    .find(|e| e.key.as_str() == Some(scope))
                    .and_then(|e| e.value.as_str())
                    .and_then(rank)
                    .unwrap_or(0);
                (*scope, level)
            })
            .collect(),
    )
}

fn level_name(rank: u8) -> &'static str {
    ["none", "read", "write"][usize::from(rank.min(2))]
}

/// Report callee jobs that ask for more than `granted` (the caller job's
/// or workflow's `permissions:`).
pub(super) fn check(ctx: &mut Context<'_>, granted: &Node, uses: &str, callee: &yaml::Document, range: TextRange) {
    let Some(granted) = levels(granted) else { return };
    let Some(root) = callee.root.as_ref() else { return };
    let workflow_level = root.get("permissions");
    let jobs = root.get("jobs").and_then(Node::as_mapping).unwrap_or_default();
    for job in jobs {
        let Some(asked) = job.value.get("permissions").or(workflow_level).and_then(levels) else {
            continue;
        };
        // One finding per callee job, naming every scope it lacks.
        let short: Vec<String> = asked
            .iter()
            .zip(&granted)
            .filter(|((_, want), (_, have))| want > have)
            .map(|((scope, want), (_, have))| {
                format!("`{scope}: {}` (granted: {})", level_name(*want), level_name(*have))
            })
            .collect();
        if short.is_empty() {
            continue;
        }
        ctx.report(
            range,
            format!(
                "job \"{}\" of reusable workflow {uses:?} asks for more than the caller grants: {}; GitHub fails the run before it starts. Grant it in the calling job's `permissions:`",
                job.key.as_str().unwrap_or(""),
                short.join(", ")
            ),
        )
        .set_code(super::PERMISSIONS);
    }
}
