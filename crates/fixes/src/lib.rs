//! The seven failure fix types as verified byte edits.
//!
//! A diagnosed failure ([`FailureInput`]) plus the workflow's text (and the
//! rest of the repository, for requirements files and moved paths) becomes
//! zero or more [`Fix`]es. Every fix offered has passed [`verify`]: the
//! edited files parse, the intended change is there, no new error appears,
//! and generating the fix again on its own output gives nothing. When no fix
//! can be made, [`FixOutcome::manual_reason`] says why.

pub mod attach;
pub mod diff;
pub mod input;
pub mod locate;
pub mod plan;
pub mod verify;

mod checkout;
mod elsewhere;
mod file_not_found;
mod from_logs;
mod missing_command;
mod missing_dependency;
mod optional_job;
mod rate_limit;
mod reads;
mod runner;
mod script;
mod timeout;
mod trust;
mod yaml_edit;
mod yaml_syntax;

#[cfg(test)]
mod test_support;

use std::collections::BTreeMap;

use autoheal_engine::Fix;
use autoheal_engine::model::{Job, Step};
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::yaml::{self, Document, Node};

pub use attach::attach_fixes;
pub use autoheal_logs::knowledge::install::UBUNTU_HOSTED_PREINSTALLED;
pub use diff::unified_diff;
pub use input::{Category, FailureInput, LimitScope, PythonVersion, RateLimitService, StepRef};
pub use plan::{Plan, plan};
pub use rate_limit::retried_commands;
pub use reads::{fixes_may_read, is_dependency_file};
pub use runner::is_github_hosted;

/// Files by repository-relative path.
pub type Files = BTreeMap<String, String>;

/// What [`fixes_for`] found: verified fixes (best first), or why a human
/// has to fix this one.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct FixOutcome {
    pub fixes: Vec<Fix>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual_reason: Option<String>,
}

impl FixOutcome {
    fn manual(reason: impl Into<String>) -> Self {
        FixOutcome {
            fixes: Vec::new(),
            manual_reason: Some(reason.into()),
        }
    }
}

/// Verified fixes for one failure in the workflow at `workflow_path`.
pub fn fixes_for(
    failure: &FailureInput,
    workflow_path: &str,
    workflow_source: &str,
    repo: &dyn RepoFiles,
) -> FixOutcome {
    let here = fixes_in(failure, workflow_path, workflow_source, repo);
    if !here.fixes.is_empty() {
        return here;
    }
    // A called job's failure given with its caller (whose own reading, a
    // caller's literal input for a limit, came first): fixed in the callee.
    match locate::called_workflow(failure, workflow_path, workflow_source, repo) {
        Some((path, text)) => match fixes_in(failure, &path, &text, repo) {
            there if !there.fixes.is_empty() => there,
            _ => here,
        },
        None => here,
    }
}

fn fixes_in(failure: &FailureInput, workflow_path: &str, workflow_source: &str, repo: &dyn RepoFiles) -> FixOutcome {
    let Some(generate) = generator(failure.category) else {
        return FixOutcome::manual("this failure is not one autoheal can fix; it needs a human");
    };
    if !failure.fixable {
        return FixOutcome::manual("diagnosis marked this failure as not fixable");
    }
    let doc = yaml::parse(workflow_source.as_bytes());
    let ctx = Ctx {
        path: workflow_path,
        source: workflow_source,
        doc: &doc,
        failure,
        repo,
    };
    let failure = resolve(&ctx);
    let ctx = Ctx {
        failure: &failure,
        ..ctx
    };
    let candidates = match generate(&ctx) {
        Ok(c) if c.is_empty() => return FixOutcome::manual("no fix applies to this workflow"),
        Ok(c) => c,
        Err(reason) => return FixOutcome::manual(reason),
    };
    let mut fixes = Vec::new();
    let mut last_error = None;
    for candidate in candidates {
        match verify::verify(&ctx, generate, &candidate) {
            Ok(()) => {
                let mut fix = candidate.fix;
                debug_assert!(
                    !fix.fallback || fix.applicability == autoheal_engine::Applicability::DisplayOnly,
                    "a fallback is display-only: {}",
                    fix.title
                );
                // And held in release builds too: every applier decides by the
                // level alone, so a generator that raised a fallback's level
                // must not get it applied.
                if fix.fallback {
                    fix.applicability = autoheal_engine::Applicability::DisplayOnly;
                }
                if let Some(note) = verify::shared_through_anchor(&ctx, &fix) {
                    fix.explanation.push_str(&note);
                }
                fixes.push(fix)
            }
            Err(e) => {
                last_error = Some(format!(
                    "the generated fix \"{}\" failed verification: {e}",
                    candidate.fix.title
                ))
            }
        }
    }
    match (fixes.is_empty(), last_error) {
        (true, Some(e)) => FixOutcome::manual(e),
        (true, None) => FixOutcome::manual("no fix applies to this workflow"),
        (false, _) => FixOutcome {
            fixes,
            manual_reason: None,
        },
    }
}

/// Everything a generator reads. `doc` is the parse of `source`.
pub(crate) struct Ctx<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub doc: &'a Document,
    pub failure: &'a FailureInput,
    pub repo: &'a dyn RepoFiles,
}

impl<'a> Ctx<'a> {
    /// The `env:` mappings a step's commands see, nearest first: the step's,
    /// its job's and the workflow's (GitHub's order of precedence).
    pub(crate) fn env_scopes(&self, job: &Job<'a>, step: &Step<'a>) -> [Option<&'a Node>; 3] {
        [
            step.get("env"),
            job.get("env"),
            self.doc.root.as_ref().and_then(|r| r.get("env")),
        ]
    }
}

/// A fix and the check that its intended change is present in the edited
/// files (the workflow path maps to the edited workflow).
pub(crate) struct Candidate {
    pub fix: Fix,
    pub intent: Intent,
}

/// Checks that a fix's intended change is present in the edited files.
pub(crate) type Intent = Box<dyn Fn(&Files) -> Result<(), String>>;

/// `Ok(candidates)` or `Err(why a human must fix it)`.
pub(crate) type Generated = Result<Vec<Candidate>, String>;
pub(crate) type Generator = fn(&Ctx<'_>) -> Generated;

fn generator(category: Category) -> Option<Generator> {
    Some(match category {
        Category::MissingDependency => missing_dependency::generate,
        Category::Timeout => timeout::generate,
        Category::MissingCommand => missing_command::generate,
        Category::FileNotFound => file_not_found::generate,
        Category::YamlSyntax => yaml_syntax::generate,
        Category::OptionalJob => optional_job::generate,
        Category::RateLimit => rate_limit::generate,
        Category::Unknown => return None,
    })
}

/// Fill in what the log left out but the original workflow knows, so that
/// regenerating on the fixed workflow (the idempotence check) sees the same
/// failure rather than a new one.
fn resolve(ctx: &Ctx<'_>) -> FailureInput {
    let mut f = match ctx.failure.category {
        Category::Timeout => timeout::resolve(ctx),
        _ => ctx.failure.clone(),
    };
    if f.category != Category::YamlSyntax {
        pin_step(ctx, &mut f);
    }
    f
}

/// Name the job and step by what stays true after a fix inserts steps:
/// the job id and the step's display name (unless two steps share it), not
/// the log's step number or a byte offset.
fn pin_step(ctx: &Ctx<'_>, f: &mut FailureInput) {
    let Some(root) = ctx.doc.root.as_ref() else { return };
    let wf = autoheal_engine::model::Workflow::new(root);
    let Some(job) = locate::job(&wf, f) else { return };
    let step = match f.category {
        Category::MissingCommand => f.subject().and_then(|c| missing_command::failing_step(ctx, job, c)),
        Category::MissingDependency => missing_dependency::failing_step(ctx, job),
        Category::RateLimit => rate_limit::failing_step(ctx, job),
        _ => locate::step(job, f),
    };
    if f.job.is_none() {
        f.job = Some(job.id.to_string());
    }
    f.offset = None;
    if let Some(step) = step {
        let name = step.display_name();
        if job.steps.iter().filter(|s| s.display_name() == name).count() == 1 {
            f.step = Some(StepRef {
                number: None,
                name: Some(name),
            });
        }
    }
}

/// `retry x` → `Retry x`, for titles built from parts.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
