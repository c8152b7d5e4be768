//! Stage 1 of the pipeline: everything read from GitHub, async and through the API (run,
//! jobs, logs, annotations, the repository's files, permissions, the heal history). Nothing
//! here decides anything; the analysis and the decisions work on what these return.

pub mod files;
pub mod history;
pub mod repo;
pub mod run;
pub mod trust;
