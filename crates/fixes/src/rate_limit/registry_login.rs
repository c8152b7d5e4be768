//! Logging in to a container registry before the step that pulls: Docker
//! Hub with the workflow's own Docker Hub secrets (anonymous pulls have a
//! low per-address limit), GHCR with the job's `GITHUB_TOKEN` (which needs
//! `packages: read`). The credentials go only to `docker/login-action`.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::Node;

use super::Part;
use crate::Ctx;
use crate::yaml_edit::{Block, insert_step_before, set_entry};
use autoheal_engine::rules::audit;

const LOGIN_ACTION: &str = "docker/login-action@v3";

/// Actions that pull images (so a login before them raises the limit).
pub(super) fn pulls_images(uses: &str) -> bool {
    let repo = uses.split('@').next().unwrap_or(uses);
    matches!(
        repo,
        "docker/build-push-action" | "docker/setup-qemu-action" | "docker/bake-action" | "docker/setup-buildx-action"
    )
}

/// The Docker Hub credentials the workflow already uses, as written: the
/// `username`/`password` of a `docker/login-action` step for Docker Hub (no
/// `registry`, or `docker.io`) elsewhere in it, else a pair of secrets
/// whose names say Docker Hub (`DOCKERHUB_USERNAME` and `DOCKERHUB_TOKEN`,
/// `DOCKER_HUB_USER` and `DOCKER_HUB_PASSWORD`). A name that only starts
/// with `DOCKER` may belong to any registry, so it is not used; no name is
/// ever made up.
fn docker_credentials(wf: &Workflow<'_>, source: &str) -> Option<(String, String)> {
    let secret = |v: &str| {
        let inner = v.trim().strip_prefix("${{")?.strip_suffix("}}")?.trim();
        let name = inner.strip_prefix("secrets.")?;
        name.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
            .then(|| v.trim().to_string())
    };
    for job in &wf.jobs {
        for step in &job.steps {
            if !audit::uses_action(step.node, "docker/login-action") {
                continue;
            }
            let input = |k: &str| audit::input(step.node, k).and_then(Node::as_str);
            if input("registry").is_some_and(|r| !is_docker_hub_host(r)) {
                continue;
            }
            let user = input("username").and_then(|u| {
                secret(u).or_else(|| {
                    let u = u.trim();
                    (!u.is_empty() && u.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
                        .then(|| u.to_string())
                })
            });
            if let (Some(user), Some(pass)) = (user, input("password").and_then(secret)) {
                return Some((user, pass));
            }
        }
    }
    let mut names: Vec<&str> = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find("secrets.") {
        let after = &rest[i + "secrets.".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        names.push(&after[..end]);
        rest = &after[end..];
    }
    let hub = |n: &&&str| {
        let u = n.to_ascii_uppercase();
        u.starts_with("DOCKERHUB_") || u.starts_with("DOCKER_HUB_")
    };
    let has_part = |n: &str, parts: &[&str]| n.to_ascii_uppercase().split('_').any(|p| parts.contains(&p));
    let user = names
        .iter()
        .filter(hub)
        .find(|n| has_part(n, &["USER", "USERNAME", "LOGIN"]))?;
    let pass = names
        .iter()
        .filter(hub)
        .find(|n| has_part(n, &["TOKEN", "PASSWORD", "PAT", "PASS"]))?;
    Some((
        format!("${{{{ secrets.{user} }}}}"),
        format!("${{{{ secrets.{pass} }}}}"),
    ))
}

/// `docker.io` and its aliases (the registry `docker/login-action` logs in
/// to when none is given).
fn is_docker_hub_host(registry: &str) -> bool {
    matches!(
        registry.trim().trim_end_matches('/').to_ascii_lowercase().as_str(),
        "docker.io" | "index.docker.io" | "registry-1.docker.io" | "registry.hub.docker.com"
    )
}

/// An earlier `docker/login-action` step of the job for `registry`.
fn logged_in(job: &Job<'_>, step: &Step<'_>, registry_matches: impl Fn(Option<&str>) -> bool) -> bool {
    job.steps[..step.index].iter().any(|s| {
        let registry = s.get("with").and_then(|w| w.get("registry")).and_then(Node::as_str);
        audit::uses_action(s.node, "docker/login-action") && registry_matches(registry)
    })
}

pub(super) fn docker_hub(
    ctx: &Ctx<'_>,
    wf: &Workflow<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
) -> Result<Option<Part>, String> {
    if logged_in(job, step, |r| r.is_none_or(is_docker_hub_host)) {
        return Err(
            "the job already logs in to Docker Hub before this step, so the account's own limit was reached".into(),
        );
    }
    let Some((u, p)) = docker_credentials(wf, ctx.source) else {
        return Err(
            "the workflow uses no Docker Hub credentials autoheal can tell apart; authenticated pulls have a higher limit, \
             so a `docker/login-action` step before the pull, with a Docker Hub user name and access token stored as \
             the repository's secrets, would raise it"
                .into(),
        );
    };
    let block = Block::new(ctx.source)
        .key("name", "Log in to Docker Hub")
        .key("uses", LOGIN_ACTION)
        .map("with", &[("username", &u), ("password", &p)]);
    let edit = insert_step_before(ctx.path, ctx.source, job, step.index, &block)
        .ok_or("cannot insert a step here (flow-style steps?)")?;
    Ok(Some(Part {
        edits: vec![edit],
        does: format!(
            "logs in to Docker Hub first with the credentials the workflow already uses (`{u}`, `{p}`), since \
             authenticated pulls have a higher limit than anonymous ones"
        ),
        title: "log in to Docker Hub".into(),
        checks: vec![LOGIN_ACTION.into()],
        safe: true,
    }))
}

pub(super) fn ghcr(ctx: &Ctx<'_>, wf: &Workflow<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Vec<Part>, String> {
    if logged_in(job, step, |r| r.is_some_and(|r| r.contains("ghcr.io"))) {
        return Err("the job already logs in to ghcr.io before this step".into());
    }
    let mut parts = Vec::new();
    // The job's token reads packages when no `permissions:` narrows it (both
    // default token settings grant `packages: read`); an explicit mapping
    // without `packages` denies it. Job-level permissions replace the
    // workflow's, so the entry goes into whichever mapping applies.
    let (permissions, scope) = match job.get("permissions") {
        Some(p) => (Some(p), format!("job `{}`", job.id)),
        None => (wf.root.get("permissions"), "the workflow".to_string()),
    };
    if let Some(p) = permissions {
        match (p.as_str(), p.get("packages").and_then(Node::as_str)) {
            (Some("read-all" | "write-all"), _) => {}
            (Some(_), _) => {
                return Err(format!(
                    "the `permissions:` of {scope} do not let the token read packages"
                ));
            }
            (None, Some("none")) => {
                return Err(format!(
                    "{scope} sets `packages: none`, so the token cannot log in to ghcr.io"
                ));
            }
            (None, Some(_)) => {}
            (None, None) => {
                let edit = set_entry(ctx.path, ctx.source, p, None, "packages", "read")
                    .ok_or("the `permissions:` mapping cannot be edited")?;
                parts.push(Part {
                    edits: vec![edit],
                    does: format!(
                        "adds `packages: read` to the `permissions:` of {scope}, which the login needs and which its explicit \
                         list left out"
                    ),
                    title: "allow `packages: read`".into(),
                    checks: vec!["packages: read".into()],
                    safe: false,
                });
            }
        }
    }
    let block = Block::new(ctx.source)
        .key("name", "Log in to GitHub Container Registry")
        .key("uses", LOGIN_ACTION)
        .map(
            "with",
            &[
                ("registry", "ghcr.io"),
                ("username", "${{ github.actor }}"),
                ("password", "${{ secrets.GITHUB_TOKEN }}"),
            ],
        );
    let edit = insert_step_before(ctx.path, ctx.source, job, step.index, &block)
        .ok_or("cannot insert a step here (flow-style steps?)")?;
    parts.insert(
        0,
        Part {
            edits: vec![edit],
            does: "logs in to ghcr.io first with the job's `GITHUB_TOKEN`, since authenticated pulls have a higher limit than \
                   anonymous ones"
                .into(),
            title: "log in to ghcr.io".into(),
            checks: vec!["registry: ghcr.io".into()],
            safe: true,
        },
    );
    Ok(parts)
}
