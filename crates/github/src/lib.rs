//! GitHub REST client and the report/heal/init/stats loop.
//!
//! All GitHub access goes through [`GitHub`], built on octocrab: retries with bounded
//! backoff, rate-limit waits, per-request timeouts, bounded log downloads whose redirects
//! never carry the token, token redaction, and a dry-run mode that records writes.

pub mod api;
pub mod client;
pub mod commands;
pub mod config;
pub mod dedupe;
pub mod dry_run;
pub mod error;
pub mod heal;
pub mod history;
pub mod init;
pub mod issue_text;
pub mod learning;
pub mod loop_error;
pub mod loop_fetch;
pub mod loop_progress;
pub mod loop_record;
pub mod loop_repo;
pub mod loop_text;
pub mod models;
pub mod multi;
pub mod report;
pub mod retry;
pub mod rollback;
pub mod secret;
pub mod stats;

pub use api::IssueFilter;
pub use client::{GitHub, RawResponse};
pub use config::{ClientConfig, RepoName};
pub use dry_run::PlannedWrite;
pub use error::{Error, Result};
pub use heal::{HealOptions, HealOutcome, HealReport, HealTarget, heal, heal_issue};
pub use loop_error::{LoopError, LoopResult};
pub use loop_progress::Progress;
pub use report::{FiledIssue, ReportOptions, ReportOutcome, report};
pub use retry::{Clock, FixedClock, RecordingSleeper, RetryPolicy, Sleeper, SystemClock, TokioSleeper};
pub use secret::Token;
