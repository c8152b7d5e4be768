//! nuget.org: NuGet retries a request refused with 429 itself, so the fix
//! gives it more tries instead of re-running `dotnet build`/`dotnet test`
//! (which restore implicitly, then build and test).
//!
//! Source: NuGet's CLI environment variables reference and NuGet.Client's
//! HTTP retry handler. Since NuGet 6.5 (.NET SDK 7.0.200) a 429 response is
//! retried (`NUGET_RETRY_HTTP_429`, on by default), waiting what the
//! server's `Retry-After` asks (`NUGET_OBSERVE_RETRY_AFTER`, on by
//! default), with the exponential back-off that is the default since .NET
//! SDK 6.0.300; `NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT` (default 6) is how
//! many tries each request gets.

use autoheal_engine::model::Step;

use super::Part;
use super::fetch;
use crate::yaml_edit::insert_nested;
use crate::{Ctx, RateLimitService};

const TRIES: u32 = 10;
const VARIABLE: &str = "NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT";

/// `NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT` on a step that runs `dotnet`,
/// `nuget` or `msbuild`, unless the workflow already sets it or turns the
/// 429 retry off.
pub(super) fn retry_settings(ctx: &Ctx<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    if fetch::step_tool(step, RateLimitService::NuGet).is_none() {
        return Ok(None);
    }
    if ctx.source.contains(VARIABLE) {
        return Err(format!(
            "the workflow already sets `{VARIABLE}`; raise it to give NuGet more tries"
        ));
    }
    if ctx.source.contains("NUGET_RETRY_HTTP_429") || ctx.source.contains("NUGET_OBSERVE_RETRY_AFTER") {
        return Err(
            "the workflow sets NuGet's 429 handling itself (`NUGET_RETRY_HTTP_429`/`NUGET_OBSERVE_RETRY_AFTER`); check that \
             it is on"
                .into(),
        );
    }
    let edit = insert_nested(ctx.path, ctx.source, step.node, "env", VARIABLE, &format!("'{TRIES}'"))
        .ok_or("the step's `env:` cannot be edited")?;
    Ok(Some(Part {
        edits: vec![edit],
        does: format!(
            "sets `{VARIABLE}` to {TRIES} on step \"{}\", so NuGet tries each request nuget.org refuses with 429 up to \
             {TRIES} times instead of 6, waiting longer each time (or what the server's `Retry-After` asks); the build \
             and tests are not run again. NuGet 6.5 (.NET SDK 7.0.200) and later retry 429 responses this way",
            step.display_name()
        ),
        title: "give NuGet more tries".into(),
        checks: vec![format!("{VARIABLE}: '{TRIES}'")],
        safe: true,
    }))
}
