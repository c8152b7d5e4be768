//! GitHub REST client and the report/heal/init/stats loop.
//!
//! All GitHub access goes through [`GitHub`], built on octocrab: retries with bounded
//! backoff, rate-limit waits, per-request timeouts, bounded log downloads whose redirects
//! never carry the token, token redaction, and a dry-run mode that records writes.

pub mod api;
pub mod client;
pub mod config;
pub mod dedupe;
pub mod dry_run;
pub mod error;
pub mod init;
pub mod issue_text;
pub mod models;
pub mod retry;
pub mod secret;

pub use api::IssueFilter;
pub use client::{GitHub, RawResponse};
pub use config::{ClientConfig, RepoName};
pub use dry_run::PlannedWrite;
pub use error::{Error, Result};
pub use retry::{Clock, FixedClock, RecordingSleeper, RetryPolicy, Sleeper, SystemClock, TokioSleeper};
pub use secret::Token;
