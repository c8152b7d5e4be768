//! crates.io: cargo retries a failed download itself, so the fix gives it
//! more tries instead of looping a command. Around `cargo build` or `cargo
//! test` a loop would run the build and its tests again after any failure;
//! cargo's own retry repeats only the request.
//!
//! Source: cargo's configuration reference (`net.retry`, "number of times
//! to retry possibly spurious network errors", default 3; every key can be
//! set through its environment variable, here `CARGO_NET_RETRY`, which
//! overrides the config files) and cargo's network retry module: a
//! connection error or a 5xx answer is retried, waiting 0.5–1.5 s, then 3.5
//! s, 6.5 s, then 10 s for each further try (cargo 1.70 on,
//! rust-lang/cargo#11881); an HTTP 429 answer is retried too, waiting what
//! its `Retry-After` asks up to 10 s, in cargo from mid-2025 on
//! (rust-lang/cargo#15463). Older cargo fails on a 429 at once, which the
//! explanation says.

use autoheal_engine::model::Step;

use super::Part;
use super::fetch;
use crate::yaml_edit::insert_nested;
use crate::{Ctx, RateLimitService};

const RETRIES: u32 = 10;
const VARIABLE: &str = "CARGO_NET_RETRY";

/// Cargo's config files, where `[net] retry` may already be set.
const CONFIG_FILES: &[&str] = &[".cargo/config.toml", ".cargo/config"];

/// `CARGO_NET_RETRY` on a `run:` step that runs cargo, unless the workflow
/// or the repository's cargo config already sets the retry count.
pub(super) fn net_retry(ctx: &Ctx<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    if fetch::step_tool(step, RateLimitService::CratesIo).is_none() {
        return Ok(None);
    }
    if ctx.source.contains(VARIABLE) {
        return Err(format!(
            "the workflow already sets `{VARIABLE}`; raise it to give cargo more tries"
        ));
    }
    if let Some(file) = CONFIG_FILES.iter().find(|f| {
        ctx.repo
            .read(f)
            .is_some_and(|t| t.lines().any(|l| l.trim_start().starts_with("retry")))
    }) {
        return Err(format!(
            "`{file}` already sets cargo's `net.retry`; raise it to give cargo more tries"
        ));
    }
    let edit = insert_nested(
        ctx.path,
        ctx.source,
        step.node,
        "env",
        VARIABLE,
        &format!("'{RETRIES}'"),
    )
    .ok_or("the step's `env:` cannot be edited")?;
    Ok(Some(Part {
        edits: vec![edit],
        does: format!(
            "sets `{VARIABLE}` to {RETRIES} on step \"{}\", so cargo tries each download that fails with a network error \
             or a 5xx answer up to {} times instead of 4, waiting a few seconds and then 10 seconds between tries; the \
             build and tests are not run again. Cargo from mid-2025 on also retries a 429 answer this way (waiting what \
             its `Retry-After` asks, up to 10 seconds); older cargo fails on a 429 at once, and then only a newer \
             toolchain or a later re-run helps",
            step.display_name(),
            RETRIES + 1
        ),
        title: "give cargo more tries".into(),
        checks: vec![format!("{VARIABLE}: '{RETRIES}'")],
        safe: true,
    }))
}
