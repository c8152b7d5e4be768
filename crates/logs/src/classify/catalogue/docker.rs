//! Docker, BuildKit/buildx and container registries.
//!
//! Sources: the Docker Registry HTTP API v2 error codes (`TOOMANYREQUESTS`
//! printed as `toomanyrequests: …`), Docker Hub's "Usage and limits" page (the
//! pull-limit message and `https://www.docker.com/increase-rate-limit`),
//! `moby/buildkit` (`failed to read dockerfile: open {path}: no such file or
//! directory`, `failed to compute cache key: … "/{path}": not found`), the
//! containers/image, as podman, buildah and skopeo relay it
//! (`docker/docker_image_src.go`: `reading manifest {tag} in {host}/{repo}:
//! toomanyrequests: …`, image names with the `docker://` transport), the
//! classic builder (`COPY failed: file not found in build context …`, `unable to
//! prepare context: …`), runc/Go (`exec {path}: exec format error`,
//! `exec user process caused: exec format error`) and the Docker CLI
//! (`no matching manifest for {platform} in the manifest list entries`).
//! BuildKit's exporter reports a push the registry refused as `ERROR: failed
//! to push {ref}: {reason}` (`exporter/containerimage`), on the `#{n}`
//! progress line and in `failed to solve:`. Docker Compose v2 reports a
//! `depends_on` service (or `--wait`) that never became healthy as
//! `dependency failed to start: container {name} is unhealthy`.
//! `docker buildx bake` asked for a target (or group) its bake files do not
//! define stops with `ERROR: failed to find target {name}` (a `--set`
//! pattern that matches none, `ERROR: could not find any target matching
//! '{pattern}'`), as docker/buildx's issues (#2095) and docker/bake-action's
//! users print it; the action's annotation repeats it (`Error: ERROR: …`).
//! The Docker CLI's pull summary (`Status: Downloaded newer image for {ref}`,
//! `Status: Image is up to date for {ref}`) says a pull succeeded: ranking
//! reads it (`rank.rs`).

use super::util::{after, path_hit, rate_limit_hit, regex, runner_hit, service_for_host, url_host};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line, Strength};
use crate::report::{Category, RateLimitService, RunnerClass, RunnerFailure, SubjectDetail};

/// The id of the Docker CLI's successful pull summary, which ranking reads.
pub const PULL_SUCCEEDED: &str = "docker/pull-succeeded";

/// The Docker CLI pulls from whichever registry the image names.
pub const FETCH_SUCCESSES: &[super::FetchSuccess] = {
    use RateLimitService as S;
    &[(
        PULL_SUCCEEDED,
        &[S::DockerHub, S::Ghcr, S::Quay, S::EcrPublic, S::Other],
    )]
};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: PULL_SUCCEEDED,
        grammar: "Status: Downloaded newer image for {ref} | Status: Image is up to date for {ref} (docker pull's last \
                  line: the pull succeeded)",
        needles: &["Status: Downloaded newer image for", "Status: Image is up to date for"],
        check: pull_succeeded,
        examples: &[ex(
            "Status: Downloaded newer image for redis:7-alpine",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/toomanyrequests",
        grammar: "toomanyrequests: You have reached your [unauthenticated] pull rate limit. You may increase the limit \
                  by authenticating and upgrading: https://www.docker.com/increase-rate-limit | toomanyrequests: {detail}",
        needles: &["toomanyrequests", "pull rate limit"],
        check: too_many_requests,
        examples: &[
            ex(
                "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. \
                 https://www.docker.com/increase-rate-limit",
                Category::RateLimit,
                Some("Docker Hub"),
            ),
            ex(
                "Error response from daemon: Head \"https://ghcr.io/v2/acme/app/manifests/1.2\": toomanyrequests: \
                 retry-after: 210ms, allowed: 44000/minute",
                Category::RateLimit,
                Some("GitHub Container Registry"),
            ),
            ex(
                "Error: initializing source docker://quay.io/acme/app:1.0: reading manifest 1.0 in quay.io/acme/app: \
                 toomanyrequests: Slow down",
                Category::RateLimit,
                Some("Quay.io"),
            ),
        ],
    },
    Entry {
        id: "docker/no-matching-manifest",
        grammar: "no matching manifest for {os}/{arch} in the manifest list entries",
        needles: &["no matching manifest for"],
        check: no_matching_manifest,
        examples: &[ex(
            "docker: no matching manifest for linux/arm64/v8 in the manifest list entries.",
            Category::OptionalJob,
            Some("tool_unavailable_for_architecture"),
        )],
    },
    Entry {
        id: "docker/dockerfile-missing",
        grammar: "failed to read dockerfile: open {path}: no such file or directory | unable to prepare context: unable \
                  to evaluate symlinks in Dockerfile path: lstat {path}: no such file or directory",
        needles: &["failed to read dockerfile", "in Dockerfile path"],
        check: dockerfile_missing,
        examples: &[
            ex(
                "ERROR: failed to solve: failed to read dockerfile: open docker/api.Dockerfile: no such file or \
                 directory",
                Category::FileNotFound,
                Some("docker/api.Dockerfile"),
            ),
            ex(
                "failed to solve with frontend dockerfile.v0: failed to read dockerfile: open \
                 /var/lib/docker/tmp/buildkit-mount4123/Dockerfile.prod: no such file or directory",
                Category::FileNotFound,
                Some("Dockerfile.prod"),
            ),
        ],
    },
    Entry {
        id: "docker/context-missing",
        grammar: "unable to prepare context: path \"{path}\" not found",
        needles: &["unable to prepare context: path"],
        check: context_missing,
        examples: &[ex(
            "unable to prepare context: path \"services/web\" not found",
            Category::FileNotFound,
            Some("services/web"),
        )],
    },
    Entry {
        id: "docker/copy-source-missing",
        grammar: "failed to compute cache key: failed to calculate checksum of ref {ref}: \"/{path}\": not found | \
                  COPY failed: file not found in build context or excluded by .dockerignore: stat {path}: file does \
                  not exist",
        needles: &["failed to calculate checksum of ref", "COPY failed: file not found"],
        check: copy_source_missing,
        examples: &[ex(
            "ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref \
             abc::def: \"/dist/app.jar\": not found",
            Category::FileNotFound,
            Some("dist/app.jar"),
        )],
    },
    Entry {
        id: "docker/compose-plugin-missing",
        grammar: "docker: 'compose' is not a docker command. (the Compose v2 plugin is not installed)",
        needles: &["'compose' is not a docker command"],
        check: compose_plugin_missing,
        examples: &[ex(
            "docker: 'compose' is not a docker command.",
            Category::MissingCommand,
            Some("docker-compose"),
        )],
    },
    Entry {
        id: "docker/compose-no-configuration",
        grammar: "no configuration file provided: not found (Compose v2, compose-go: no compose.yaml, \
                  docker-compose.yml or -f file where it ran)",
        needles: &["no configuration file provided"],
        check: compose_no_configuration,
        examples: &[ex("no configuration file provided: not found", Category::Unknown, None)],
    },
    Entry {
        id: "docker/daemon-unreachable",
        grammar: "Cannot connect to the Docker daemon at {socket}. Is the docker daemon running?",
        needles: &["Cannot connect to the Docker daemon"],
        check: daemon_unreachable,
        examples: &[ex(
            "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/image-unavailable",
        grammar: "pull access denied for {image}, repository does not exist or may require 'docker login' | manifest \
                  for {image} not found: manifest unknown | denied: requested access to the resource is denied",
        needles: &[
            "pull access denied",
            "manifest unknown",
            "requested access to the resource is denied",
        ],
        check: image_unavailable,
        examples: &[ex(
            "Error response from daemon: manifest for acme/tool:9.9 not found: manifest unknown: manifest unknown",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/push-refused",
        grammar: "[#{n} ]ERROR: failed to push {ref}: {reason} (BuildKit's image exporter, on its progress line and \
                  again in `ERROR: failed to solve: failed to push …`, which build-push-action repeats as `buildx \
                  failed with: …`)",
        needles: &["failed to push "],
        check: push_refused,
        examples: &[ex(
            "#12 ERROR: failed to push ghcr.io/acme/api:main: denied: installation not allowed to Create organization \
             package",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/driver-unsupported",
        grammar: "ERROR: [failed to build: ]Multi-platform build is not supported for the docker driver. | ERROR: \
                  [failed to build: ]Cache export is not supported for the docker driver. (buildx 0.12 and later, then \
                  `Switch to a different driver, or turn on the containerd image store, and try again.`) | ERROR: \
                  multiple platforms feature is currently not supported for docker driver. Please switch to a \
                  different driver (eg. \"docker buildx create --use\") | ERROR: cache export feature is currently \
                  not supported for docker driver. … (older buildx)",
        needles: &[
            "not supported for the docker driver",
            "currently not supported for docker driver",
        ],
        check: driver_unsupported,
        examples: &[ex(
            "ERROR: Multi-platform build is not supported for the docker driver.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/base-image-not-found",
        grammar: "#{n} ERROR: {ref}: not found (under `#{n} [{platform or target }internal] load metadata for \
                  {ref}`) | ERROR: [failed to build: ]failed to solve: {image}: failed to resolve source metadata for \
                  {ref}: {ref}: not found (BuildKit resolving a `FROM` image the registry does not have)",
        needles: &[": not found"],
        check: base_image_not_found,
        examples: &[ex_after(
            &["#2 [internal] load metadata for docker.io/library/node:22.99-slim"],
            "#2 ERROR: docker.io/library/node:22.99-slim: not found",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/compose-dependency-failed",
        grammar: "dependency failed to start: container {name} is unhealthy | dependency failed to start: container \
                  {name} exited ({code}) (Docker Compose v2 `up`/`run`, waiting on a `depends_on` condition or \
                  `--wait`)",
        needles: &["dependency failed to start: container "],
        check: compose_dependency_failed,
        examples: &[ex(
            "dependency failed to start: container ledger-postgres-1 is unhealthy",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/run-step-failed",
        grammar: "process \"/bin/sh -c {command}\" did not complete successfully: exit code: {n} | executor failed \
                  running [{command}]: exit code: {n}",
        needles: &["did not complete successfully", "executor failed running"],
        check: run_step_failed,
        examples: &[ex(
            "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docker/bake-target-not-found",
        grammar: "ERROR: failed to find target {name} | ERROR: could not find any target matching '{pattern}' (buildx \
                  bake)",
        needles: &["failed to find target", "could not find any target matching"],
        check: bake_target_not_found,
        examples: &[ex("ERROR: failed to find target api-all", Category::Unknown, None)],
    },
];

/// The Docker daemon's refusal of a request, as the Docker CLI prints any
/// error the Engine API returns (`docker: Error response from daemon:
/// {message}`, `cli/command` and `docker/docker`'s client): the daemon says
/// what it refused (a container name in use, a missing container or volume, a
/// port already allocated). Read as the last word, after every emitter above,
/// because the daemon relays other programs' messages (a registry's
/// `toomanyrequests`, runc's `exec format error`, Go's `executable file not
/// found`), which belong to those programs' entries.
pub const DAEMON_REFUSAL_ENTRIES: &[Entry] = &[Entry {
    id: "docker_daemon/error-response",
    grammar: "[docker: ]Error response from daemon: {message} (the Docker CLI; e.g. `Conflict. The container name \
              \"/{name}\" is already in use by container \"{id}\". You have to remove (or rename) that container \
              to be able to reuse that name.`)",
    needles: &["Error response from daemon: "],
    check: daemon_refusal,
    examples: &[ex(
        "docker: Error response from daemon: Conflict. The container name \"/ci-db\" is already in use by container \
         \"0f3c\". You have to remove (or rename) that container to be able to reuse that name.",
        Category::Unknown,
        None,
    )],
}];

fn daemon_refusal(line: &Line<'_>) -> Option<Hit> {
    let message = after(line.text, "Error response from daemon: ")?.trim();
    if message.is_empty() {
        return None;
    }
    let why = if message.contains("is already in use by container") {
        "A container of that name already exists on the Docker host (left by an earlier job on a self-hosted \
         runner, or started twice): the step must remove it first (`docker rm -f`) or use a unique name."
    } else {
        "The Docker daemon refused the request; its message says why."
    };
    Some(Hit::blocker(why))
}

/// The registry a `toomanyrequests` came from: a registry host in the line
/// (any other host there makes it another registry) or in the recent lines,
/// or the registry part of an image reference; an image name without a
/// registry host is Docker Hub's.
fn registry_service(line: &Line<'_>) -> RateLimitService {
    let registry = |host: &str| match service_for_host(host) {
        Some(
            s @ (RateLimitService::DockerHub
            | RateLimitService::Ghcr
            | RateLimitService::Quay
            | RateLimitService::EcrPublic),
        ) => Some(s),
        _ => None,
    };
    if let Some(host) = url_host(line.text) {
        return registry(host).unwrap_or(RateLimitService::Other);
    }
    // An image reference with a registry host: after `docker pull`/`Pulling
    // from`, and in the containers/image forms podman, buildah and skopeo
    // print (`docker://{host}/…`, `reading manifest {tag} in {host}/…`).
    let image_ref =
        regex!(r"(?:(?:docker pull|Pulling from|pull|manifest \S+ in) |docker://)([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?)/");
    let script = line.script.lines().rev();
    for text in std::iter::once(line.text)
        .chain(line.recent.iter().rev().copied())
        .chain(script)
    {
        if let Some(service) = url_host(text).and_then(registry) {
            return service;
        }
        if let Some(c) = image_ref.captures(text) {
            return registry(&c[1]).unwrap_or(RateLimitService::Other);
        }
    }
    // Only Docker Hub's own message speaks of a "pull rate limit" (its
    // "Usage and limits" page); a bare `toomanyrequests` is the registry API's
    // generic error code, which any registry (GHCR, ECR, quay) returns.
    if line.text.contains("pull rate limit") {
        RateLimitService::DockerHub
    } else {
        RateLimitService::Other
    }
}

fn too_many_requests(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if !text.contains("toomanyrequests") && !text.contains("TOOMANYREQUESTS") && !text.contains("pull rate limit") {
        return None;
    }
    let service = registry_service(line);
    // Docker Hub names the account when the pull was authenticated: `You have
    // reached your pull rate limit as '{user}'`.
    let authenticated = if text.contains("unauthenticated pull rate limit") {
        Some(false)
    } else if text.contains("pull rate limit as '") {
        Some(true)
    } else {
        None
    };
    let message = match service {
        RateLimitService::DockerHub if authenticated == Some(false) => {
            "Docker Hub's pull rate limit for unauthenticated pulls was reached: log in to Docker Hub, or pull \
             from a mirror."
        }
        RateLimitService::DockerHub => "Docker Hub's pull rate limit was reached.",
        RateLimitService::Ghcr => "The GitHub Container Registry rate-limited the pulls.",
        RateLimitService::Quay => "Quay.io rate-limited the requests (a few per second from one address).",
        RateLimitService::EcrPublic => "Amazon ECR Public rate-limited the pulls.",
        _ => "A container registry rate-limited the requests.",
    };
    Some(rate_limit_hit(service, authenticated, 0.9, message))
}

fn no_matching_manifest(line: &Line<'_>) -> Option<Hit> {
    let platform = after(line.text, "no matching manifest for ")?
        .split_whitespace()
        .next()?;
    if platform.contains("arm") {
        return Some(runner_hit(
            RunnerFailure::ToolUnavailableForArchitecture,
            Some(RunnerClass::Arm64),
            0.75,
            "The image has no build for the ARM runner's platform: the job is tied to the runner's architecture.",
        ));
    }
    Some(Hit::blocker(format!(
        "The image has no build for platform {platform}: choose an image (or tag) that provides it."
    )))
}

fn dockerfile_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:open|lstat) (\S+): no such file or directory").captures(line.text)?;
    let raw = &c[1];
    // BuildKit reads the Dockerfile from a temporary mount of the context.
    let path = regex!(r"^/var/lib/docker/tmp/buildkit-mount\d+/(.+)$")
        .captures(raw)
        .and_then(|m| m.get(1))
        .map_or(raw, |m| m.as_str());
    Some(path_hit(path, 0.8, "The Dockerfile does not exist at the given path."))
}

fn context_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"unable to prepare context: path "([^"]+)" not found"#).captures(line.text)?;
    Some(path_hit(
        &c[1],
        0.8,
        "The docker build context directory does not exist.",
    ))
}

fn copy_source_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"(?:"/([^"]+)": not found|stat ([^:]+): file does not exist)"#).captures(line.text)?;
    let path = c.get(1).or_else(|| c.get(2))?.as_str();
    let mut hit = path_hit(
        path,
        0.7,
        "A COPY/ADD source is not in the docker build context (relative to the context, or excluded by \
         .dockerignore).",
    );
    // The path is relative to the build context, which the log does not name.
    hit.fixable = false;
    Some(hit)
}

fn compose_plugin_missing(_: &Line<'_>) -> Option<Hit> {
    Some(
        Hit::cause(
            Category::MissingCommand,
            0.75,
            "Docker Compose is not installed where the step runs (neither the `docker compose` plugin nor \
             `docker-compose`): install the Compose plugin on the runner or in its image (a manual fix).",
        )
        .with_subject(
            "docker-compose",
            SubjectDetail::Command {
                name: "docker-compose".into(),
                known: true,
            },
        )
        // `docker compose` itself is what is missing: the one route for
        // Compose (`install::Route::ComposeV2`, v1's rewrite to v2) would
        // move a step onto the very plugin the runner lacks.
        .fixable(false),
    )
}

fn daemon_unreachable(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The Docker daemon is not running or not reachable on this runner.",
    ))
}

fn image_unavailable(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The image does not exist, or the registry denied access (name, tag or login).",
    ))
}

fn run_step_failed(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::new(
        Category::Unknown,
        0.2,
        Strength::StepFailed,
        "A RUN instruction of the Dockerfile failed; its own output above says why.",
    ))
}

/// The registry refused the image BuildKit pushed (a token without
/// `packages: write`, a package that does not grant the repository access, a
/// name the account may not create): a permissions problem for a person. A
/// 429 is left to the rate-limit entry above; git's `error: failed to push some
/// refs` has no `ERROR: ` before it.
fn push_refused(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|\s)(?:#\d+ )?ERROR: (?:failed to solve: )?failed to push (\S+): (.+)$")
        .captures(line.text.trim())?;
    let reason = c[2].trim();
    if reason.contains("toomanyrequests") || reason.contains("429") {
        return None;
    }
    Some(Hit::blocker(format!(
        "The registry refused the push of `{}` ({reason}): the token may not write that package (GHCR: \
         `permissions: packages: write`, and the package's settings must give this repository write access).",
        &c[1]
    )))
}

/// buildx's refusal of what its `docker` driver (the Engine's built-in
/// BuildKit, which buildx uses when no builder was created) cannot do: build
/// for several platforms or export a build cache (buildx's `build/build.go`
/// and `driver` capabilities; the containerd image store lifts both).
fn driver_unsupported(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"(?i)^(?:ERROR: |error: )?(?:failed to build: )?(multi-platform build|cache export|multiple platforms feature|cache export feature) is (?:currently )?not supported for (?:the )?docker driver\b"
    )
    .captures(line.text.trim())?;
    let what = if c[1].to_ascii_lowercase().starts_with("cache") {
        "export a build cache (`cache-to`)"
    } else {
        "build for several platforms"
    };
    Some(Hit::blocker(format!(
        "buildx's default `docker` driver cannot {what}: no builder was set up for the build. A person adds \
         docker/setup-buildx-action (a `docker-container` builder) before the build, or turns on the containerd \
         image store."
    )))
}

/// An image reference as BuildKit names it in `load metadata for {ref}`:
/// `[registry/]path[:tag][@digest]`, no quotes, spaces or leading slash.
fn image_reference(text: &str) -> Option<&str> {
    regex!(r"^[a-z0-9][a-z0-9._-]*(?::\d+)?(?:/[a-z0-9._-]+)*(?::[\w][\w.-]*)?(?:@sha256:[0-9a-f]{64})?$")
        .is_match(text)
        .then_some(text)
}

/// The image reference of BuildKit's vertex `#{n} [internal] load metadata
/// for {ref}` numbered `n`; the bracket names the platform in a
/// multi-platform build (`[linux/arm64 internal]`) and the target under
/// Compose or bake (`[web internal]`).
fn metadata_vertex<'t>(text: &'t str, n: &str) -> Option<&'t str> {
    let rest = text.strip_prefix('#')?.strip_prefix(n)?.strip_prefix(" [")?;
    let (names, reference) = rest.split_once("internal] load metadata for ")?;
    (names.is_empty() || names.ends_with(' ') && !names.contains(['[', ']'])).then_some(reference)
}

/// A `FROM` image the registry does not have (a tag or name never published,
/// or removed): BuildKit's metadata vertex `#{n} ERROR: {ref}: not found`
/// right under its `#{n} [… internal] load metadata for {ref}`, and the same
/// in `failed to resolve source metadata for {ref}: {ref}: not found`. Not a
/// file (the build's context is fine) and not the machine (the same on any
/// architecture).
fn base_image_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let reference = if let Some(c) = regex!(r"^#(\d+) ERROR: (\S+): not found$").captures(text) {
        let reference = image_reference(&c[2])?;
        if !line
            .recent
            .iter()
            .any(|l| metadata_vertex(l.trim(), &c[1]) == Some(reference))
        {
            return None;
        }
        reference.to_string()
    } else {
        let c = regex!(r"failed to resolve source metadata for (\S+): (\S+): not found$").captures(text)?;
        if c[1] != c[2] {
            return None;
        }
        image_reference(&c[1])?.to_string()
    };
    Some(Hit::blocker(format!(
        "The base image `{}` does not exist in its registry (a tag or name that was never published or was \
         removed): a person picks a published tag in the Dockerfile's `FROM`.",
        crate::subject::display_text(&reference)
    )))
}

/// A service Compose waited on never became healthy or exited: its own
/// logs say why (a password, a port, a crash).
fn compose_dependency_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(?:Error response from daemon: )?dependency failed to start: container (\S+) (is unhealthy|exited \(\d+\))$"
    )
    .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Docker Compose's dependency `{}` {}: read that container's logs (`docker compose logs`).",
        &c[1], &c[2]
    )))
}

fn compose_no_configuration(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "Docker Compose found no compose file where it ran (it does not say which name it wanted: compose.yaml, \
         docker-compose.yml, …): a wrong working directory, a missing checkout, or a missing `-f`.",
    ))
}

fn pull_succeeded(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Status: (?:Downloaded newer image|Image is up to date) for \S+$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("docker pulled an image."))
}

/// buildx bake's unknown target: the bake file's targets and groups, or the
/// target the workflow asks for, for a person (`unknown`, not fixable: the
/// name the workflow gives may be the right one and the bake file wrong).
fn bake_target_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    let c = regex!(r"^ERROR: (?:failed to find target (\S+)|could not find any target matching '([^']+)')$")
        .captures(text)?;
    let name = c.get(1).or(c.get(2)).expect("one name").as_str();
    Some(Hit::blocker(format!(
        "`docker buildx bake` was asked for a target its bake files do not define ({}): the bake file's targets and \
         groups, or the targets the workflow passes, for a person.",
        crate::subject::display_text(name)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The missing Compose plugin is no fix's: Compose's one route rewrites
    /// v1 to that very plugin.
    #[test]
    fn a_missing_compose_plugin_is_for_a_person() {
        let hit = compose_plugin_missing(&Line::plain("docker: 'compose' is not a docker command.")).expect("read");
        assert_eq!(hit.category, Category::MissingCommand);
        assert!(!hit.fixable && hit.message.contains("manual"), "{hit:?}");
    }

    #[test]
    fn bake_s_unknown_target_and_its_annotation() {
        crate::classify::catalogue::assert_reads(
            bake_target_not_found,
            &[
                "ERROR: failed to find target default",
                "  ERROR: failed to find target api-all",
                "Error: ERROR: failed to find target api-all",
                "ERROR: could not find any target matching '*'",
            ],
            &[
                "echo \"ERROR: failed to find target x\" >&2 # doc",
                "failed to find target",
            ],
        );
    }
    use crate::classify::catalogue::Catalogue;

    /// BuildKit's refused push, on its progress line, in `failed to solve:`
    /// and in build-push-action's relay; not git's `failed to push some refs`,
    /// and not a registry's limit (the rate-limit entry's).
    #[test]
    fn a_compose_dependency_that_never_became_healthy_is_read_in_composes_words() {
        crate::classify::catalogue::assert_reads(
            compose_dependency_failed,
            &[
                "dependency failed to start: container ledger-postgres-1 is unhealthy",
                "dependency failed to start: container app-migrate-1 exited (1)",
            ],
            &[
                "echo dependency failed to start",
                "container ledger-postgres-1 is healthy",
            ],
        );
    }

    #[test]
    fn a_refused_push_is_buildkits_exporter_line() {
        crate::classify::catalogue::assert_reads(
            push_refused,
            &[
                "#12 ERROR: failed to push ghcr.io/acme/api:main: denied: installation not allowed to Create \
                 organization package",
                "ERROR: failed to solve: failed to push ghcr.io/acme/api:main: denied: permission_denied: \
                 write_package",
                "buildx failed with: ERROR: failed to solve: failed to push docker.io/acme/api:1.2: unexpected status \
                 from HEAD request to https://registry-1.docker.io/v2/acme/api/blobs/sha256:ab: 401 Unauthorized",
            ],
            &[
                "error: failed to push some refs to 'https://github.com/acme/app'",
                "#12 ERROR: failed to push ghcr.io/acme/api:main: toomanyrequests: retry later",
                "echo failed to push image",
            ],
        );
    }

    #[test]
    fn the_docker_drivers_refusals_are_buildxs_lines() {
        crate::classify::catalogue::assert_reads(
            driver_unsupported,
            &[
                "ERROR: Multi-platform build is not supported for the docker driver.",
                "ERROR: failed to build: Cache export is not supported for the docker driver.",
                "ERROR: multiple platforms feature is currently not supported for docker driver. Please switch to a \
                 different driver (eg. \"docker buildx create --use\")",
                "error: cache export feature is currently not supported for docker driver. Please switch to a \
                 different driver (eg. \"docker buildx create --use\")",
            ],
            &[
                "buildx failed with: Learn more at https://docs.docker.com/go/build-multi-platform/",
                "Switch to a different driver, or turn on the containerd image store, and try again.",
                "echo 'Multi-platform build is not supported for the docker driver'",
            ],
        );
        let cache = driver_unsupported(&Line::plain(
            "ERROR: failed to build: Cache export is not supported for the docker driver.",
        ))
        .expect("cache");
        assert!(cache.message.contains("cache-to"), "{}", cache.message);
        assert!(!cache.fixable);
    }

    #[test]
    fn a_missing_base_image_is_buildkits_metadata_vertex() {
        let vertex = ["#2 [internal] load metadata for docker.io/library/node:22.99-bookworm-slim"];
        let hit = base_image_not_found(&Line {
            recent: &vertex,
            ..Line::plain("#2 ERROR: docker.io/library/node:22.99-bookworm-slim: not found")
        })
        .expect("vertex");
        assert_eq!(hit.category, Category::Unknown);
        assert!(hit.message.contains("node:22.99-bookworm-slim"), "{}", hit.message);
        assert!(
            base_image_not_found(&Line::plain(
                "ERROR: failed to build: failed to solve: node:22.99-bookworm-slim: failed to resolve source metadata \
                 for docker.io/library/node:22.99-bookworm-slim: docker.io/library/node:22.99-bookworm-slim: not found"
            ))
            .is_some()
        );
        // A multi-platform build names the platform in the vertex, Compose
        // and bake the target.
        for vertex in [
            "#4 [linux/arm64 internal] load metadata for docker.io/library/node:22.99-bookworm-slim",
            "#4 [web internal] load metadata for docker.io/library/node:22.99-bookworm-slim",
        ] {
            let hit = base_image_not_found(&Line {
                recent: &[vertex],
                ..Line::plain("#4 ERROR: docker.io/library/node:22.99-bookworm-slim: not found")
            });
            assert!(hit.is_some(), "{vertex}");
        }
        for vertex in [
            "#4 [linux/arm64 builder 2/6] load metadata for docker.io/library/node:22.99-bookworm-slim",
            "#4 [web internal] load metadata for docker.io/library/node:22",
            "#41 [internal] load metadata for docker.io/library/node:22.99-bookworm-slim",
        ] {
            let hit = base_image_not_found(&Line {
                recent: &[vertex],
                ..Line::plain("#4 ERROR: docker.io/library/node:22.99-bookworm-slim: not found")
            });
            assert!(hit.is_none(), "{vertex}");
        }
        // Without its vertex, another vertex's number, or a path (COPY's
        // source, a file): not a base image.
        for (recent, text) in [
            (
                &[][..],
                "#2 ERROR: docker.io/library/node:22.99-bookworm-slim: not found",
            ),
            (
                &vertex[..],
                "#3 ERROR: docker.io/library/node:22.99-bookworm-slim: not found",
            ),
            (&[][..], "#7 ERROR: \"/app/dist\": not found"),
            (
                &[][..],
                "ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: \
                 \"/dist/app.jar\": not found",
            ),
        ] {
            assert!(
                base_image_not_found(&Line {
                    recent,
                    ..Line::plain(text)
                })
                .is_none(),
                "{text}"
            );
        }
    }

    /// The daemon's refusal is read only when nothing above read the message
    /// it relays: a registry's limit and Go's missing executable keep their
    /// own entries.
    #[test]
    fn the_daemon_refusal_is_the_last_word() {
        let entry = |text: &str| Catalogue::get().classify(&Line::plain(text)).map(|h| h.entry);
        assert_eq!(
            entry(
                "docker: Error response from daemon: Conflict. The container name \"/db\" is already in use by \
                 container \"ab12\". You have to remove (or rename) that container to be able to reuse that name."
            ),
            Some("docker_daemon/error-response")
        );
        assert_eq!(
            entry(
                "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit."
            ),
            Some("docker/toomanyrequests")
        );
        assert_ne!(
            entry(
                "docker: Error response from daemon: failed to create task for container: exec: \"pytest\": \
                 executable file not found in $PATH: unknown."
            ),
            Some("docker_daemon/error-response")
        );
        assert!(daemon_refusal(&Line::plain("Error response from daemon: ")).is_none());
    }
}
