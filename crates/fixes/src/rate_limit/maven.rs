//! Maven Central: Maven's own resolver retries a refused download, so the
//! fix configures that instead of re-running the build. A retry loop around
//! `mvn verify` would run the whole build and its tests again after any
//! failure.
//!
//! Source: Maven Resolver's configuration reference. Since Resolver 1.9.16
//! (shipped with Maven 3.9.5) the HTTP transport retries a request answered
//! with 429 or 503 (`aether.connector.http.retryHandler.serviceUnavailable`),
//! up to `aether.connector.http.retryHandler.count` times (default 3),
//! waiting `aether.connector.http.retryHandler.interval` milliseconds
//! (default 5000) times 1, 2, 3… between tries, or what the server's
//! `Retry-After` asks, up to `…intervalMax` (default 5 minutes). Maven reads
//! these as system properties, which `MAVEN_OPTS` sets for the JVM that
//! both `mvn` and the Maven Wrapper's scripts start. Older Maven ignores
//! them (no harm, no help), which the explanation says.

use autoheal_engine::edit;
use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::{Entry, Node};

use super::Part;
use super::fetch;
use crate::yaml_edit::{insert_nested, scalar};
use crate::{Ctx, RateLimitService};

const RETRIES: u32 = 6;
const INTERVAL_MS: u32 = 10_000;

/// `MAVEN_OPTS` with the resolver's retry settings on the step, when it
/// runs Maven: added to the step's own `MAVEN_OPTS`, or after the job's or
/// workflow's (`${{ env.MAVEN_OPTS }}`, which a step's `env:` may read), so
/// nothing already there is lost. Refused when `MAVEN_OPTS` is also set
/// some other way (a script, `$GITHUB_ENV`), or already configures retries.
pub(super) fn resolver_retry(
    ctx: &Ctx<'_>,
    wf: &Workflow<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
) -> Result<Option<Part>, String> {
    if !matches!(
        fetch::step_tool(step, RateLimitService::MavenCentral).as_deref(),
        Some("mvn" | "mvnw")
    ) {
        return Ok(None);
    }
    let opts = format!(
        "-Daether.connector.http.retryHandler.count={RETRIES} -Daether.connector.http.retryHandler.interval={INTERVAL_MS}"
    );
    fn def(n: &Node) -> Option<&Entry> {
        n.get("env")?.entry("MAVEN_OPTS")
    }
    let (at_step, above) = (def(step.node), def(job.node()).or(def(wf.root)));
    let defined = [def(step.node), def(job.node()), def(wf.root)]
        .iter()
        .filter(|d| d.is_some())
        .count();
    let set_elsewhere = ctx.source.matches("MAVEN_OPTS").count() != defined;
    let values: Vec<&str> = [at_step, above]
        .iter()
        .flatten()
        .filter_map(|e| e.value.as_str())
        .collect();
    if values.iter().any(|v| v.contains("aether.connector.http.retryHandler")) {
        return Err("`MAVEN_OPTS` already configures the resolver's retries; raise its count or interval".into());
    }
    if set_elsewhere {
        return Err(format!(
            "`MAVEN_OPTS` is also set outside the `env:` of this step, its job or the workflow, so a step value could \
             replace it; add `{opts}` to it to let Maven retry refused downloads"
        ));
    }
    let edit = match (at_step, above) {
        (Some(entry), _) => {
            let old = entry
                .value
                .as_str()
                .filter(|_| edit::is_inline_scalar(ctx.source, &entry.value))
                .ok_or("the step's `MAVEN_OPTS` is not a one-line value, so it is not edited")?;
            Some(edit::replace_value(ctx.path, entry, &scalar(&format!("{old} {opts}"))))
        }
        (None, Some(_)) => insert_nested(
            ctx.path,
            ctx.source,
            step.node,
            "env",
            "MAVEN_OPTS",
            &scalar(&format!("${{{{ env.MAVEN_OPTS }}}} {opts}")),
        ),
        (None, None) => insert_nested(ctx.path, ctx.source, step.node, "env", "MAVEN_OPTS", &scalar(&opts)),
    }
    .ok_or("the step's `env:` cannot be edited")?;
    let waits: Vec<String> = (1..=RETRIES).map(|i| (i * INTERVAL_MS / 1000).to_string()).collect();
    Ok(Some(Part {
        edits: vec![edit],
        does: format!(
            "sets `MAVEN_OPTS` (keeping what it had) on step \"{}\" so Maven's resolver retries each download Maven Central refuses with 429 up \
             to {RETRIES} times, waiting {} seconds (or what the server's `Retry-After` asks), instead of 3 times 5, 10 and \
             15 seconds apart; the build itself is not run again. Maven 3.9.5 and later (Resolver 1.9.16) read these \
             settings; older Maven ignores them",
            step.display_name(),
            waits.join(", ")
        ),
        title: "let Maven retry refused downloads".into(),
        checks: vec![format!("aether.connector.http.retryHandler.count={RETRIES}")],
        safe: true,
    }))
}
