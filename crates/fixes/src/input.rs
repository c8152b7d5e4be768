//! What a fix generator needs to know about one diagnosed failure. The
//! diagnose crate's failures convert into this; tests build it directly.

use serde::{Deserialize, Serialize};

/// The failure categories and rate-limited services are the diagnose
/// crate's own.
pub use autoheal_logs::Category;
pub use autoheal_logs::report::{LimitScope, PythonVersion, RateLimitService};

/// The step a failure belongs to, as the log names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRef {
    /// The log's step number: 1 is "Set up job", so the first `steps:` item
    /// is 2 (3 after "Initialize containers" in container jobs).
    pub number: Option<u32>,
    /// `name:`, or `Run <first line of run:>` as the log shows it.
    pub name: Option<String>,
}

/// One diagnosed failure, reduced to what the fixes need. Every string here
/// came from a log and is untrusted: generators only use values that pass
/// the grammars in `autoheal_logs::subject`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureInput {
    pub category: Category,
    /// The module, distribution, command, path or limit the fix needs.
    pub subject: Option<String>,
    /// Job id, `name:`, or a matrix display name like `test (ubuntu-latest, 3.12)`.
    pub job: Option<String>,
    pub step: Option<StepRef>,
    /// Byte offset in the workflow the diagnosis mapped the failure to.
    pub offset: Option<usize>,
    /// 1-based line and column in the workflow ("Invalid workflow file … (Line: N, Col: M)").
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The file GitHub named as invalid ("Invalid workflow file: PATH#L7"),
    /// when it named one: a syntax fix edits only that file.
    #[serde(default)]
    pub invalid_file: Option<String>,
    /// 1-based line inside the step's `run:` script (from `….sh: line N:`).
    pub script_line: Option<u32>,
    /// For timeouts: the limit the job hit ("maximum execution time of 30 minutes").
    pub timeout_minutes: Option<u32>,
    /// For timeouts: whether the runner's message named the job's limit or
    /// a step's (`Unknown` when the limit came from elsewhere).
    #[serde(default)]
    pub limit_scope: LimitScope,
    /// For timeouts: how long the job had run when it was cancelled, if known.
    pub observed_minutes: Option<u32>,
    /// For timeouts: how many minutes the job had printed nothing when the
    /// limit stopped it (from the log's timestamps), if known.
    #[serde(default)]
    pub silent_minutes: Option<u32>,
    /// For rate limits: the service that refused.
    pub rate_limit: Option<RateLimitService>,
    /// For rate limits: `Some(true)` when the message names an authenticated
    /// identity (a token's own quota ran out), `Some(false)` when it says the
    /// requests were anonymous.
    #[serde(default)]
    pub rate_limit_authenticated: Option<bool>,
    /// For missing dependencies: the module that failed to import, when the
    /// subject is its distribution. When both are set, the module decides
    /// (the one statement of the precedence: `missing_dependency::wanted`).
    pub module: Option<String>,
    /// The missing module is the project's own package: not a missing
    /// dependency, so no fix installs anything.
    #[serde(default)]
    pub own_package: bool,
    /// The distribution came from autoheal's tables (the module table, the
    /// pytest plugins), not guessed from a module name.
    #[serde(default)]
    pub known_distribution: bool,
    /// The Python version the log shows, if any.
    #[serde(default)]
    pub python: Option<PythonVersion>,
    /// False when diagnosis marked the failure as not fixable (e.g. its
    /// subject failed validation): no fix is made.
    #[serde(default = "yes")]
    pub fixable: bool,
    /// For a runner-tied failure (`optional_job`): the `runs-on` label the
    /// diagnosis confirmed as the machine the log showed (a self-hosted
    /// runner's own label, such as `mac-mini-m2`, that names no machine
    /// kind by itself). A job or matrix leg on it may be made optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_runner: Option<String>,
}

fn yes() -> bool {
    true
}

impl FailureInput {
    pub fn new(category: Category, subject: Option<&str>) -> Self {
        FailureInput {
            category,
            subject: subject.map(str::to_string),
            job: None,
            step: None,
            offset: None,
            line: None,
            column: None,
            invalid_file: None,
            script_line: None,
            timeout_minutes: None,
            limit_scope: LimitScope::Unknown,
            observed_minutes: None,
            silent_minutes: None,
            rate_limit: None,
            rate_limit_authenticated: None,
            module: None,
            own_package: false,
            known_distribution: false,
            python: None,
            fixable: true,
            confirmed_runner: None,
        }
    }
    /// The failure with the claims a stored record makes about where its
    /// names came from dropped: that autoheal's tables know the distribution,
    /// that the runner called itself self-hosted. No grammar can check them,
    /// and a run file or an issue body can be written by someone else; the
    /// names themselves stand, since every generator checks them against its
    /// grammar and what the repository already trusts. The language server's
    /// saved runs and `heal`'s issue records both read records this way.
    pub fn without_provenance_claims(mut self) -> Self {
        self.known_distribution = false;
        self.confirmed_runner = None;
        self
    }
    pub fn in_job(mut self, job: &str) -> Self {
        self.job = Some(job.to_string());
        self
    }
    pub fn at_step_number(mut self, number: u32) -> Self {
        self.step.get_or_insert_with(StepRef::default).number = Some(number);
        self
    }
    pub fn at_step_name(mut self, name: &str) -> Self {
        self.step.get_or_insert_with(StepRef::default).name = Some(name.to_string());
        self
    }
    pub fn limited_by(mut self, service: RateLimitService) -> Self {
        self.rate_limit = Some(service);
        self
    }
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}
