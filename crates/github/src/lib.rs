//! GitHub REST client and the report / heal / rollback / stats pipeline.
//!
//! A call reads the stages in one direction:
//!
//! ```text
//! fetch/   (async, the API)  run, jobs, logs, annotations, the repository's files,
//!                            permissions, the heal history
//!   ↓
//! analyze/ (pure)            the logs crate diagnoses, the fixes crate plans over an
//!                            in-memory view of the fetched files
//!   ↓
//! decide/  (pure policy)     trust, triage, dedupe, demotion and learning, issue gates
//!   ↓
//! act/     (the writes)      issues, comments, branches, pull requests, rollbacks
//! ```
//!
//! The entry points ([`report()`], [`heal()`], [`rollback`], [`stats`], [`many`]) call the
//! stages in that order. All GitHub access goes through [`GitHub`] (`client/`), built on
//! octocrab: retries with bounded backoff, rate-limit waits, per-request timeouts, bounded log
//! downloads whose redirects never carry the token, token redaction, and a dry-run mode that
//! records writes. [`text`] holds every piece of Markdown autoheal posts, [`record`] the one
//! record it hides in issues, [`models`] the JSON it reads, [`error`] the one error type.

pub mod act;
pub mod analyze;
pub mod client;
pub mod decide;
pub mod error;
pub mod fetch;
pub mod heal;
pub mod init;
pub mod many;
pub mod models;
pub mod progress;
pub mod record;
pub mod report;
pub mod rollback;
pub mod stats;
pub mod text;

pub use client::config::{ClientConfig, DEFAULT_MANY_PASS_BUDGET, DEFAULT_PASS_BUDGET, RepoName, parse_budget};
pub use client::dry_run::PlannedWrite;
pub use client::endpoints::IssueFilter;
pub use client::retry::{Clock, FixedClock, RecordingSleeper, RetryPolicy, Sleeper, SystemClock, TokioSleeper};
pub use client::secret::Token;
pub use client::{GitHub, RawResponse};
pub use error::{Error, Result};
pub use heal::{HealOptions, HealOutcome, HealReport, HealTarget, heal};
pub use progress::Progress;
pub use report::{FiledIssue, ReportOptions, ReportOutcome, report};
