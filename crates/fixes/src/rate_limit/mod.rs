//! Fix type 7, `rate_limit`: the fix the named service needs.
//!
//! - GitHub REST, primary limit on anonymous requests: pass the job's token
//!   to the known action or tool that made them, through its documented
//!   input or variable ([`github_api`]); never to a step that runs the
//!   project's own code. A token's own quota running out is not fixed (only
//!   fewer calls or the hourly reset help).
//! - GitHub REST, secondary limit: retry the failing command with a backoff
//!   of a minute or more, as GitHub asks, only when it reads (`gh api` GET,
//!   `gh release download`, …); a write (`gh release create`, `gh api -X
//!   POST`, `gh api … -f x=y`) is never looped, whatever the service: a
//!   second run would repeat it ([`fetch`]).
//! - Docker Hub: log in first with credentials the workflow already gives a
//!   Docker Hub login (authenticated pulls get a higher limit; no secret
//!   name is made up, else the login is only suggested), and retry a pull.
//!   A build or compose step (or a Docker action) pulling anonymously, with
//!   no credentials in the workflow: no fix, and the reason names what a
//!   person must add (a Docker Hub token as secrets and a login step);
//!   GHCR:
//!   log in with the job's token (`packages: read`) ([`registry_login`]).
//! - npm, PyPI: retry with backoff around the commands of that step that
//!   only fetch ([`retry`], [`fetch`]), and turn on the setup action's
//!   dependency cache where that is safe ([`cache`]).
//! - Maven Central: Maven's own resolver retry through `MAVEN_OPTS`
//!   ([`maven`]) and setup-java's cache; Gradle builds and the Gradle plugin
//!   portal: the cache only. A build is never looped (it would run its tests
//!   again).
//! - nuget.org: NuGet's own retry of 429 responses, with more tries
//!   ([`nuget`]); a loop only around `dotnet restore`/`nuget restore`.
//! - The Gradle distribution server (`services.gradle.org`, the wrapper's
//!   download): setup-java's `cache: gradle`, which keeps
//!   `~/.gradle/wrapper`; the build the wrapper starts is never looped.
//! - crates.io: cargo's own retry of failed downloads, with more tries
//!   (`CARGO_NET_RETRY`, [`cargo`]) on the step that runs cargo, whatever
//!   the cargo command; a build is never looped.
//! - apt mirrors: retry around `apt-get update`/`install`.
//! - Quay.io: retry with backoff, only around pulls of `quay.io` images. Its
//!   limit is a few requests per second per address for every client,
//!   logged in or not (Red Hat's "Quay.io rate limiting" note), so a login
//!   would not help and a short wait does.
//! - Amazon ECR Public: retry with backoff around `public.ecr.aws` pulls.
//!   Authenticated pulls have a higher per-second quota (the ECR Public
//!   service quotas page), but that needs AWS credentials the fix cannot
//!   invent, so the explanation says so instead of adding a login.
//! - The Go module proxy (`proxy.golang.org`): retry with backoff around
//!   `go mod download`, `go get`, `go install`. Its limits are undocumented
//!   and a 429 from it is transient; pointing `GOPROXY` elsewhere would
//!   change where code comes from, so no mirror is chosen for the project.
//! - Hex.pm: retry with backoff around `mix deps.get` (Hex does not retry a
//!   refused tarball itself).
//! - RubyGems.org and Packagist: retry with backoff around `bundle install`
//!   / `gem install` and `composer install` / `composer update`, which only
//!   fetch and install (Bundler already retried each request: its `Retrying
//!   fetcher due to error (n/m)` notices; a later run of the whole install
//!   is what is left). RubyGems.org limits requests per address (its API
//!   guide's "Rate Limits"); no mirror is chosen for the project.
//! - The Hugging Face Hub: no fix. The job's own code makes the requests (a
//!   model download in a test), and a token is a secret a person adds.
//!
//! The service comes from the diagnosis (`SubjectDetail::RateLimit`), and
//! titles and explanations name it.

mod cache;
mod cargo;
mod fetch;
mod github_api;
mod maven;
mod nuget;
mod registry_login;
mod retry;

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};

use crate::{Candidate, Ctx, Files, Generated, RateLimitService, locate};

pub use retry::retried_commands;

/// A change the fix makes, with what must be in the edited job afterwards.
pub(crate) struct Part {
    pub edits: Vec<Edit>,
    /// What this part does, for the explanation ("logs in to Docker Hub …").
    pub does: String,
    /// Short form for the title ("retry `npm ci`").
    pub title: String,
    /// Texts the edited job must contain.
    pub checks: Vec<String>,
    /// Keeps the workflow's meaning (a token for an action that asks for
    /// one, a retry) rather than changing what runs.
    pub safe: bool,
}

/// The step the log names, else the one step of the job that fetches from
/// the service (`npm ci`, `docker pull quay.io/…`), else the one step that
/// uses the service's tools at all or a Docker action for registries.
pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j Job<'a>) -> Option<&'j Step<'a>> {
    if let Some(s) = locate::step(job, ctx.failure) {
        return Some(s);
    }
    let service = ctx.failure.rate_limit?;
    let script = |s: &Step<'_>| s.run().and_then(Node::as_str).map(str::to_string).unwrap_or_default();
    let only = |mut it: std::vec::IntoIter<&'j Step<'a>>| match (it.next(), it.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    };
    let fetching: Vec<&Step<'a>> = job
        .steps
        .iter()
        .filter(|s| {
            script(s)
                .lines()
                .any(|l| fetch::talk(l, service) == fetch::Talk::FetchesOnly)
        })
        .collect();
    if !fetching.is_empty() {
        return only(fetching.into_iter());
    }
    let using: Vec<&Step<'a>> = job
        .steps
        .iter()
        .filter(|s| {
            script(s).lines().any(|l| fetch::uses_service(l, service))
                || is_registry(service) && s.uses().is_some_and(registry_login::pulls_images)
        })
        .collect();
    only(using.into_iter())
}

/// A container registry (pulled from by `docker`/`podman` and the Docker
/// actions).
fn is_registry(service: RateLimitService) -> bool {
    matches!(
        service,
        RateLimitService::DockerHub | RateLimitService::Ghcr | RateLimitService::Quay | RateLimitService::EcrPublic
    )
}

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let service = ctx
        .failure
        .rate_limit
        .ok_or("the log does not say which service limited the requests")?;
    let limit = limit_name(service);
    if service == RateLimitService::Other {
        return Err(
            "the rate limit came from a service autoheal has no fix for; re-run the job later, and reduce or cache its \
             requests if it keeps happening"
                .into(),
        );
    }
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step =
        failing_step(ctx, job).ok_or_else(|| format!("cannot tell which step of job `{}` hit the {limit}", job.id))?;
    let mut parts: Vec<Part> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut push = |r: Result<Vec<Part>, String>| match r {
        Ok(found) => parts.extend(found),
        Err(n) => notes.push(n),
    };
    let one = |r: Result<Option<Part>, String>| r.map(|p| p.into_iter().collect::<Vec<_>>());
    match service {
        RateLimitService::GithubRestPrimary => {
            if ctx.failure.rate_limit_authenticated == Some(true) {
                return Err(format!(
                    "the requests were authenticated and the token's own hourly quota ran out; a retry or another token in the \
                     same job does not help. Reduce the API calls of step \"{}\" (or spread them over time)",
                    step.display_name()
                ));
            }
            push(github_api::authenticate(ctx, &wf, job, step).map(|p| vec![p]));
        }
        RateLimitService::GithubRestSecondary => push(one(retry::wrap(ctx, root, job, step, service))),
        RateLimitService::DockerHub => {
            let retry = retry::wrap(ctx, root, job, step, service);
            // `docker build`, `docker compose up`, a Docker action: with no
            // credentials and no safe retry, nothing the workflow alone
            // allows would help.
            if let Err(why) = &retry
                && registry_login::pulls_anonymously(&wf, job, step)
            {
                return Err(registry_login::credentials_needed(step, why));
            }
            push(one(registry_login::docker_hub(ctx, &wf, job, step)));
            push(one(retry));
        }
        RateLimitService::Ghcr => {
            push(registry_login::ghcr(ctx, &wf, job, step));
            push(one(retry::wrap(ctx, root, job, step, service)));
        }
        RateLimitService::MavenCentral => {
            push(one(cache::for_step(ctx, root, job, step, service)));
            match maven::resolver_retry(ctx, &wf, job, step) {
                Ok(None) => push(one(retry::wrap(ctx, root, job, step, service))),
                other => push(one(other)),
            }
        }
        RateLimitService::EcrPublic => {
            push(one(retry::wrap(ctx, root, job, step, service)));
            notes.push(
                "logging in to public.ecr.aws (`aws-actions/amazon-ecr-login` with `registry-type: public`) would raise the \
                 per-second quota, but it needs AWS credentials this workflow would have to provide"
                    .into(),
            );
        }
        RateLimitService::Npm | RateLimitService::Pypi | RateLimitService::GradlePluginPortal => {
            push(one(retry::wrap(ctx, root, job, step, service)));
            push(one(cache::for_step(ctx, root, job, step, service)));
        }
        RateLimitService::NuGet => match nuget::retry_settings(ctx, step) {
            Ok(None) => push(one(retry::wrap(ctx, root, job, step, service))),
            other => push(one(other)),
        },
        RateLimitService::GradleDistributions => {
            push(one(cache::for_step(ctx, root, job, step, service)));
            push(one(retry::wrap(ctx, root, job, step, service)));
            notes.push(
                "the Gradle Wrapper retries the distribution download itself from Gradle 9.5 on (the `wrapper` task's \
                 `retries` setting)"
                    .into(),
            );
        }
        RateLimitService::CratesIo => match cargo::net_retry(ctx, step) {
            Ok(None) => push(one(retry::wrap(ctx, root, job, step, service))),
            other => push(one(other)),
        },
        RateLimitService::AptMirror
        | RateLimitService::Quay
        | RateLimitService::GoProxy
        | RateLimitService::RubyGems
        | RateLimitService::Packagist
        | RateLimitService::HexPm => push(one(retry::wrap(ctx, root, job, step, service))),
        // The job's own code downloads (`remedy_known`): nothing to wrap.
        RateLimitService::HuggingFaceHub | RateLimitService::Other => {}
    }
    if parts.is_empty() {
        let why = if notes.is_empty() {
            "nothing left to add".to_string()
        } else {
            notes.join("; ")
        };
        return Err(format!(
            "no automatic fix for the {limit} in step \"{}\": {why}",
            step.display_name()
        ));
    }
    let step_name = step.display_name();
    let mut explanation = format!(
        "Step \"{step_name}\" was refused by the {limit}. The fix {}.",
        parts.iter().map(|p| p.does.as_str()).collect::<Vec<_>>().join(", and ")
    );
    for n in &notes {
        explanation.push_str(&format!(" Not done: {n}."));
    }
    explanation.push_str(" If the limit is hit on every run, make fewer requests (cache, fewer matrix legs) instead.");
    let titles: Vec<&str> = parts.iter().map(|p| p.title.as_str()).collect();
    let title = format!(
        "{} in step \"{step_name}\" ({limit})",
        crate::capitalize(&titles.join(" and "))
    );
    let edits: Vec<Edit> = parts.iter().flat_map(|p| p.edits.iter().cloned()).collect();
    let fix = if parts.iter().all(|p| p.safe) {
        Fix::safe(title, edits)
    } else {
        Fix::unsafe_(title, edits)
    }
    .with_explanation(explanation);
    let checks: Vec<String> = parts.into_iter().flat_map(|p| p.checks).collect();
    let (path, job_id) = (ctx.path.to_string(), job.id.to_string());
    let intent = move |files: &Files| {
        let text = files.get(&path).ok_or("workflow missing")?;
        let doc = yaml::parse(text.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        let job_text = text
            .get(job.entry.value.span.start..job.entry.value.span.end)
            .unwrap_or("");
        let whole = text.as_str();
        checks
            .iter()
            .find(|c| !job_text.contains(c.as_str()) && !whole.contains(c.as_str()))
            .map_or(Ok(()), |c| Err(format!("`{c}` missing")))
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

/// "npm registry rate limit", "GitHub REST API secondary rate limit".
pub(crate) fn limit_name(service: RateLimitService) -> String {
    match service {
        RateLimitService::GithubRestSecondary => "GitHub REST API secondary rate limit".into(),
        s => format!("{} rate limit", s.display_name()),
    }
}

#[cfg(test)]
mod tests;
