//! Stage 3 of the pipeline, pure policy: what to do with an analysis. Whether the run is
//! trusted ([`trust`]), whether it repeats an open issue ([`dedupe`]), whether reviewers
//! rejected this kind of fix before ([`learning`], steered by [`commands`]), whether an
//! issue may be healed ([`gate`]) and its record used ([`cache`]), what Copilot is asked
//! ([`copilot`]), what a run is
//! ([`triage`]) and when a fix PR failed ([`rollback`]).

pub mod cache;
pub mod commands;
pub mod copilot;
pub mod dedupe;
pub mod filing;
pub mod gate;
pub mod learning;
pub mod rollback;
pub mod triage;
pub mod trust;
