//! Permissions a caller grants a reusable workflow against those the
//! callee's jobs ask for. GitHub only lets a called workflow keep or lower
//! the `GITHUB_TOKEN` permissions it is given; a callee job asking for more
//! (`contents: read` where the caller grants `contents: none`) fails the run
//! before it starts. When the caller writes no `permissions:`, its grant is
//! the repository's default, which nobody can see here: a callee job asking
//! for more than even the permissive default gives (`id-token: write`) is an
//! error, and one asking for more than the restricted default (read-only
//! contents and packages) a warning.

use super::super::Context;
use crate::diagnostic::Severity;
use crate::rules::permissions::{SCOPES, TokenDefault, default_level};
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
    for (job, short) in shortfalls(callee, &granted) {
        ctx.report(
            range,
            format!(
                "job \"{job}\" of reusable workflow {uses:?} asks for more than the caller grants: {}; GitHub fails the run before it starts. Grant it in the calling job's `permissions:`",
                short.join(", ")
            ),
        )
        .set_code(super::PERMISSIONS);
    }
}

/// Report callee jobs that ask for more than the repository's default
/// grants, for a caller that writes no `permissions:` (and is not itself
/// called, which would make its grant its own caller's).
pub(super) fn check_default(ctx: &mut Context<'_>, uses: &str, callee: &yaml::Document, range: TextRange) {
    let default = |d| -> Vec<(&'static str, u8)> {
        SCOPES
            .iter()
            // A scope the defaults table does not list is given the benefit
            // of the doubt: the most either default could grant.
            .map(|(s, _)| (*s, default_level(s, d).and_then(rank).unwrap_or(2)))
            .collect()
    };
    let (permissive, restricted) = (default(TokenDefault::Permissive), default(TokenDefault::Restricted));
    let beyond_permissive = shortfalls(callee, &permissive);
    for (job, short) in &beyond_permissive {
        ctx.report(
            range,
            format!(
                "job \"{job}\" of reusable workflow {uses:?} asks for {}, which no default `GITHUB_TOKEN` grants, and the caller writes no `permissions:`; GitHub fails the run before it starts. Grant it in the calling job's `permissions:`",
                short.join(", ")
            ),
        )
        .set_code(super::PERMISSIONS);
    }
    for (job, short) in shortfalls(callee, &restricted) {
        if beyond_permissive.iter().any(|(j, _)| *j == job) {
            continue;
        }
        ctx.report_at(
            Severity::Warning,
            range,
            format!(
                "job \"{job}\" of reusable workflow {uses:?} asks for more than a restricted default `GITHUB_TOKEN` grants: {}, and the caller writes no `permissions:`; in a repository whose default is read-only (the default since 2023-02) GitHub fails the run before it starts. Grant it in the calling job's `permissions:`",
                short.join(", ")
            ),
        )
        .set_code(super::PERMISSIONS);
    }
}

/// Each callee job asking for more than `granted`, with every scope it
/// lacks, `` `scope: wanted` (granted: level) ``.
fn shortfalls(callee: &yaml::Document, granted: &[(&'static str, u8)]) -> Vec<(String, Vec<String>)> {
    let Some(root) = callee.root.as_ref() else {
        return Vec::new();
    };
    let workflow_level = root.get("permissions");
    let jobs = root.get("jobs").and_then(Node::as_mapping).unwrap_or_default();
    let mut out = Vec::new();
    for job in jobs {
        let Some(asked) = job.value.get("permissions").or(workflow_level).and_then(levels) else {
            continue;
        };
        let short: Vec<String> = asked
            .iter()
            .zip(granted)
            .filter(|((_, want), (_, have))| want > have)
            .map(|((scope, want), (_, have))| {
                format!("`{scope}: {}` (granted: {})", level_name(*want), level_name(*have))
            })
            .collect();
        if !short.is_empty() {
            out.push((job.key.as_str().unwrap_or("").to_string(), short));
        }
    }
    out
}
