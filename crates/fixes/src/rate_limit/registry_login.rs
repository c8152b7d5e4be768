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

/// Docker Hub credentials the workflow already uses, as written, and the
/// secrets they read.
struct Credentials {
    username: String,
    password: String,
    secrets: Vec<String>,
}

/// The Docker Hub credentials the workflow already uses, as written: the
/// `username`/`password` of a `docker/login-action` step for Docker Hub (no
/// `registry`, or `docker.io`) elsewhere in it, else a pair of secrets
/// whose names say Docker Hub (`DOCKERHUB_USERNAME` and `DOCKERHUB_TOKEN`,
/// `DOCKER_HUB_USER` and `DOCKER_HUB_PASSWORD`) read by the workflow's
/// expressions (a name in a comment or a script's text proves nothing). A
/// name that only starts with `DOCKER` may belong to any registry, so it is
/// not used; no name is ever made up.
fn docker_credentials(wf: &Workflow<'_>) -> Option<Credentials> {
    let secret = |v: &str| {
        let inner = v.trim().strip_prefix("${{")?.strip_suffix("}}")?.trim();
        let name = inner.strip_prefix("secrets.")?;
        (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            .then(|| (v.trim().to_string(), name.to_string()))
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
                secret(u).map(|(text, name)| (text, Some(name))).or_else(|| {
                    let u = u.trim();
                    (!u.is_empty() && u.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
                        .then(|| (u.to_string(), None))
                })
            });
            if let (Some((username, user_secret)), Some((password, pass_secret))) =
                (user, input("password").and_then(secret))
            {
                return Some(Credentials {
                    username,
                    password,
                    secrets: user_secret.into_iter().chain([pass_secret]).collect(),
                });
            }
        }
    }
    let names = audit::secret_names(wf.root);
    let hub = |n: &&String| {
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
    Some(Credentials {
        username: format!("${{{{ secrets.{user} }}}}"),
        password: format!("${{{{ secrets.{pass} }}}}"),
        secrets: vec![user.clone(), pass.clone()],
    })
}

/// Why job `job` must not be given `secrets` it does not read yet, if so:
/// under a privileged trigger the job may run a fork's code, which would
/// find the login in `~/.docker/config.json`; and secrets that only jobs
/// of one deployment environment read are that environment's, empty
/// elsewhere.
fn secrets_stay_out(wf: &Workflow<'_>, job: &Job<'_>, secrets: &[String]) -> Option<String> {
    let reads_all = |j: &Job<'_>| {
        let read = audit::secret_names(j.node());
        secrets.iter().all(|s| read.iter().any(|r| r.eq_ignore_ascii_case(s)))
    };
    if secrets.is_empty() || reads_all(job) {
        return None;
    }
    let list = secrets.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
    if let Some(t) = audit::privileged_triggers().find(|t| audit::has_trigger(wf.root, t)) {
        return Some(format!(
            "the workflow runs on `{t}`, where job `{}` may run code from a fork; a Docker Hub login there would hand the \
             secrets {list}, which the job does not read yet, to that code",
            job.id
        ));
    }
    let environment = |j: &Job<'_>| {
        let e = j.get("environment")?;
        e.as_str()
            .or_else(|| e.get("name").and_then(Node::as_str))
            .map(str::to_string)
    };
    let holders: Vec<&Job<'_>> = wf.jobs.iter().filter(|j| reads_all(j)).collect();
    let own = environment(job);
    if !holders.is_empty()
        && holders
            .iter()
            .all(|h| h.get("environment").is_some() && (own.is_none() || environment(h) != own))
    {
        return Some(format!(
            "the secrets {list} are only read by jobs of a deployment environment (`environment:`), whose secrets job `{}` \
             does not get",
            job.id
        ));
    }
    None
}

/// Events whose runs from forks (and Dependabot's) get no secrets.
const PULL_REQUEST_EVENTS: &[&str] = &["pull_request", "pull_request_review", "pull_request_review_comment"];

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

/// The step pulls from Docker Hub anonymously and the workflow has nothing
/// to change that with: no Docker Hub login before it in the job, and no
/// Docker Hub credentials anywhere in the workflow.
pub(super) fn pulls_anonymously(wf: &Workflow<'_>, job: &Job<'_>, step: &Step<'_>) -> bool {
    !logged_in(job, step, |r| r.is_none_or(is_docker_hub_host)) && docker_credentials(wf).is_none()
}

/// Why a Docker Hub limit on anonymous pulls that no retry can get past
/// (`retry_reason`) needs a person: only credentials the repository does
/// not have would raise it. Facts from Docker's "Docker Hub usage and
/// limits" page (2025: 10 pulls per hour for unauthenticated users, per
/// IPv4 address or IPv6 /64 subnet; authenticated users far more).
pub(super) fn credentials_needed(step: &Step<'_>, retry_reason: &str) -> String {
    // What to add comes first: issue bodies cut long reasons.
    format!(
        "a person must add Docker Hub credentials: a user name and a personal access token (read-only) as repository \
         secrets, and a `docker/login-action` step using them before step \"{}\". Docker Hub allows 10 anonymous pulls \
         per hour per IPv4 address or IPv6 /64 subnet (Docker's \"Docker Hub usage and limits\"), this workflow has no \
         Docker Hub credentials to log in with, and runs from forks get no secrets (their pulls stay anonymous). No retry \
         is safe here: {retry_reason}",
        step.display_name()
    )
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
    let Some(Credentials {
        username: u,
        password: p,
        secrets,
    }) = docker_credentials(wf)
    else {
        return Err(
            "the workflow uses no Docker Hub credentials autoheal can tell apart; authenticated pulls have a higher limit, \
             so a `docker/login-action` step before the pull, with a Docker Hub user name and access token stored as \
             the repository's secrets, would raise it"
                .into(),
        );
    };
    if let Some(why) = secrets_stay_out(wf, job, &secrets) {
        return Err(format!("no Docker Hub login is added: {why}"));
    }
    // A pull request from a fork gets empty secrets and the login fails;
    // the pull then stays anonymous, as it was.
    let on_pull_requests = PULL_REQUEST_EVENTS.iter().any(|t| audit::has_trigger(wf.root, t));
    let mut block = Block::new(ctx.source)
        .key("name", "Log in to Docker Hub")
        .key("uses", LOGIN_ACTION);
    if on_pull_requests {
        block = block.key("continue-on-error", "true");
    }
    let block = block.map("with", &[("username", &u), ("password", &p)]);
    let edit = insert_step_before(ctx.path, ctx.source, job, step.index, &block)
        .ok_or("cannot insert a step here (flow-style steps?)")?;
    let forks = if on_pull_requests {
        "; on pull requests from forks, which get no secrets, the login fails without failing the job and the pull \
         stays anonymous"
    } else {
        ""
    };
    Ok(Some(Part {
        edits: vec![edit],
        does: format!(
            "logs in to Docker Hub first with the credentials the workflow already uses (`{u}`, `{p}`), since \
             authenticated pulls have a higher limit than anonymous ones{forks}"
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
    if let Some(t) = audit::privileged_triggers().find(|t| audit::has_trigger(wf.root, t)) {
        return Err(format!(
            "no ghcr.io login is added: the workflow runs on `{t}`, where job `{}` may run code from a fork, which would \
             find the job's token in `~/.docker/config.json`",
            job.id
        ));
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
