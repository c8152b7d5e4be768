//! The autoheal diagnostics engine. It takes bytes and configuration and
//! returns diagnostics and fixes; it does no I/O, so the CLI, the language
//! server and the GitHub loop are thin shells around it.

pub mod actionlint_config;
pub mod config;
pub mod diagnostic;
pub mod edit;
pub mod external;
pub mod fix;
pub mod fix_batch;
pub mod json;
pub mod lint;
pub mod model;
pub mod repo;
pub mod rules;
pub mod text;
pub mod yaml;

/// The one "did you mean" helper (in the expression crate, the lowest that
/// needs it), for front ends that do not depend on that crate.
pub use autoheal_expr::suggest::suggest;
pub use config::Config;
pub use diagnostic::{Applicability, AuditSeverity, Confidence, Diagnostic, Edit, Fix, Label, Severity, Tag};
pub use lint::{FixSelection, LintOptions, lint};
pub use text::{LineIndex, TextRange};
