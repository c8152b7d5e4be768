//! Files an action's `runs:` names must exist beside its metadata: the
//! JavaScript entry points (`main`, `pre`, `post`) and a Docker action's
//! `Dockerfile`. Checked only when the repository view can see the metadata
//! file itself at the linted path, so a path relative to somewhere else
//! never yields a false "missing".

use super::super::Context;
use crate::diagnostic::Severity;
use crate::yaml::Node;

/// The directory of an action file, as a repository-relative prefix
/// (`""` for the root, else ending in `/`).
pub(crate) fn action_dir(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    }
}

pub(super) fn missing_files(ctx: &mut Context<'_>, runs: &Node) {
    if ctx.repo.exists(ctx.path) != Some(true) {
        return;
    }
    let Some(using) = crate::rules::schema::runs_using(runs) else {
        return;
    };
    let keys: &[&str] = if using.starts_with("node") {
        &["main", "pre", "post"]
    } else if using == "docker" {
        &["image"]
    } else {
        return;
    };
    let dir = action_dir(ctx.path);
    for key in keys {
        let Some(node) = runs.get(key) else { continue };
        let Some(file) = node.as_str().filter(|f| !f.is_empty() && !node.is_expression()) else {
            continue;
        };
        // `image: docker://alpine` names a registry image, not a file.
        if *key == "image" && file.starts_with("docker://") {
            continue;
        }
        let rel = file.trim_start_matches("./");
        if rel.starts_with('/') || rel.split('/').any(|c| c == "..") {
            continue;
        }
        let full = format!("{dir}{rel}");
        if ctx.repo.exists(&full) == Some(false) {
            let what = if *key == "image" { "Dockerfile" } else { "file" };
            ctx.report_at(
                Severity::Error,
                node.report_span(),
                format!(
                    "{what} {file:?} named by `runs.{key}` does not exist in {:?}; the runner fails to start the action",
                    if dir.is_empty() { "." } else { dir.trim_end_matches('/') }
                ),
            )
            .set_code(super::MISSING_FILE);
        }
    }
}
