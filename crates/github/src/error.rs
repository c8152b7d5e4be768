//! The one error type of the crate: what went wrong talking to GitHub, and what stopped a
//! report or heal. Every message is redacted before it is stored here.

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad configuration: missing token, malformed URL or repository name.
    #[error("configuration error: {0}")]
    Config(String),
    #[error("{method} {path}: not found (404)")]
    NotFound { method: String, path: String },
    /// GitHub refused to create or update a file under `.github/workflows/` because the token
    /// lacks the `workflows` permission (the built-in `GITHUB_TOKEN` never has it).
    #[error("{method} {path}: GitHub refused to change a workflow file without the `workflows` permission: {message}")]
    WorkflowsPermission {
        method: String,
        path: String,
        message: String,
    },
    /// Still rate limited after the allowed waits, or the reset is further away than we wait.
    #[error("{method} {path}: rate limited by GitHub (status {status}); retry after {wait_secs}s")]
    RateLimited {
        method: String,
        path: String,
        status: u16,
        wait_secs: u64,
    },
    /// GitHub's search rate limit held the searches of this client back past their budget of
    /// waiting (`RetryPolicy::max_search_wait`, shared by one pass's searches).
    #[error(
        "GET {path}: GitHub's search rate limit held this pass's searches back {waited_secs}s, and the next wait would pass the budget of {budget_secs}s"
    )]
    SearchLimited {
        path: String,
        waited_secs: u64,
        budget_secs: u64,
    },
    #[error("{method} {path}: GitHub answered {status}: {message}")]
    Api {
        method: String,
        path: String,
        status: u16,
        message: String,
        /// The `errors` of a 422 "Validation Failed" answer, for a caller that can mend the
        /// request (a refused label); empty otherwise.
        invalid: Vec<Invalid>,
    },
    #[error("{method} {path}: connection failed: {message}")]
    Transport {
        method: String,
        path: String,
        message: String,
    },
    #[error("{method} {path}: timed out after {secs}s")]
    Timeout { method: String, path: String, secs: u64 },
    #[error("{what} is larger than the limit of {limit} bytes")]
    TooLarge { what: String, limit: u64 },
    #[error("{path}: unexpected response: {message}")]
    Decode { path: String, message: String },
    /// The logs could not be read (a corrupt zip, a bad annotations document).
    #[error("cannot analyze the run's logs: {0}")]
    Analysis(String),
    /// The issue was not filed by `autoheal report` (no hidden analysis block naming a run).
    #[error("issue #{issue} has no autoheal analysis block; heal only works on issues filed by `autoheal report`")]
    NoRecord { issue: u64 },
    /// The run an issue names is not a run of this repository.
    #[error(
        "issue #{issue} names run {run}, which is not a run of {repo}; autoheal only heals this repository's own runs"
    )]
    ForeignRun { issue: u64, run: u64, repo: String },
    /// The pass's time budget (`ClientConfig::pass_budget`, the CLI's `--time-budget`) ran
    /// out: the client refused to send, wait for or go on waiting for `method path`, so nothing
    /// after it was read or written. `in_flight` when that request was a write already sent
    /// (GitHub may have made it); `written` lists the writes made before it.
    #[error("{}", out_of_time(*budget_secs, method, path, *in_flight, written))]
    OutOfTime {
        budget_secs: u64,
        method: String,
        path: String,
        in_flight: bool,
        written: Vec<String>,
    },
    /// A step failed after earlier writes left something a rerun must finish (a fix branch
    /// pushed with no pull request yet); `left` says what, for the person reading the error.
    #[error("{source}; {left}")]
    Unfinished { source: Box<Error>, left: String },
    /// Something about the repository makes the request impossible (no default branch...).
    #[error("{0}")]
    Invalid(String),
}

/// One entry of a 422 answer's `errors`, as GitHub's REST documentation gives them: the
/// `resource` (`Label`, `Issue`…) and `field` that failed, a `code` (`missing`,
/// `missing_field`, `invalid`, `already_exists`, `unprocessable`, `custom`) and, when it
/// names them, the refused `value`s (a string or a list of strings). Redacted like the
/// message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invalid {
    pub resource: String,
    pub field: String,
    pub code: String,
    pub values: Vec<String>,
}

impl Error {
    /// HTTP status for API-level errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::NotFound { .. } => Some(404),
            Error::Api { status, .. } | Error::RateLimited { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }

    /// The error itself, or for [`Error::Unfinished`] the one that left the work unfinished:
    /// what a caller deciding by the kind of error (a spent rate limit) must look at.
    pub fn root(&self) -> &Error {
        match self {
            Error::Unfinished { source, .. } => source.root(),
            other => other,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The most writes an [`Error::OutOfTime`] message lists one by one.
const WRITES_LISTED: usize = 10;

fn out_of_time(budget_secs: u64, method: &str, path: &str, in_flight: bool, written: &[String]) -> String {
    let at = if in_flight {
        format!("while {method} {path} was in flight (GitHub may or may not have made that write)")
    } else {
        format!("at {method} {path}")
    };
    let writes = match written.len() {
        0 => "it had written nothing before".to_string(),
        n => {
            let listed = written
                .iter()
                .take(WRITES_LISTED)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let more = n.saturating_sub(WRITES_LISTED);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("the writes it made before: {listed}{more}")
        }
    };
    format!(
        "the pass's time budget of {budget_secs}s (--time-budget) ran out {at}; autoheal stopped there and read or wrote nothing after it; {writes}"
    )
}

/// GitHub's wording for the missing-`workflows`-permission refusal (GitHub Apps say
/// "`workflows` permission", OAuth tokens "`workflow` scope").
pub fn is_workflows_refusal(status: u16, message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    matches!(status, 403 | 422) && lower.contains("refusing to allow") && lower.contains("workflow")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_both_refusal_wordings() {
        let app = "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission";
        let oauth = "refusing to allow an OAuth App to create or update workflow `.github/workflows/ci.yml` without `workflow` scope";
        assert!(is_workflows_refusal(403, app));
        assert!(is_workflows_refusal(422, oauth));
        assert!(!is_workflows_refusal(500, app));
        assert!(!is_workflows_refusal(403, "Resource not accessible by integration"));
    }
}
