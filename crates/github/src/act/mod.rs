//! Stage 4 of the pipeline: the writes. Issues and comments ([`issue`]), fix branches
//! ([`branch`]), pull requests ([`pull`]), rollbacks ([`rollback`]), the Copilot stage
//! ([`copilot`]). Each write is made once:
//! comments carry markers, branches are compared before they move, PRs are found by branch.

pub mod branch;
pub mod copilot;
pub mod issue;
pub mod pull;
pub mod rollback;
