//! A called workflow's job (or step) whose `timeout-minutes` is `${{
//! inputs.<name> }}`: the limit the run had is what its caller passed, so the
//! edit that raises it is the caller's `with: <name>:`. Only when that is
//! checkable: the caller is in this repository (`uses: ./…`), exactly one
//! job shows as the log's caller name and calls this file, and it passes a
//! literal number equal to the limit the runner names (another number means
//! the workflow changed since the run). A value from the caller's matrix or
//! another expression (each leg its own), or none at all (the input's
//! default, which every caller shares), is left to a person.
//!
//! Two ways in: the caller is the file being fixed (`autoheal fix
//! --workflow ci.yml` with the log's `unit / test`), and the callee's text is
//! read through `RepoFiles`; or the callee is (the CLI followed the caller's
//! `uses:`), and the caller is found in the repository's listing of
//! `.github/workflows/`.

use crate::locate::{is_workflow_file, local_callee};
use autoheal_engine::model::{Job, Workflow};
use autoheal_engine::repo::relative_path;
use autoheal_engine::rules::timeout::HOSTED_LIMIT_MINUTES;
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};
use autoheal_logs::mapping::{called_job_name, identifies, shows_as};

use crate::{Candidate, Ctx, FailureInput, Files, Generated, LimitScope, locate};

/// The input a `timeout-minutes` value is, exactly: `${{ inputs.<name> }}`.
pub(super) fn input_name(value: &Node) -> Option<&str> {
    let text = value.as_str()?.trim();
    let inner = text.strip_prefix("${{")?.strip_suffix("}}")?.trim();
    let name = inner.strip_prefix("inputs.")?;
    let plain = !name.is_empty()
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then_some(name)
}

/// The file being fixed is the caller: the log's `caller / callee` names a
/// job here that calls a workflow of this repository.
pub(super) fn from_caller(ctx: &Ctx<'_>, wf: &Workflow<'_>, limit: u32, target: u32) -> Generated {
    let shown = ctx.failure.job.as_deref().unwrap_or("");
    let (caller_name, callee_name) = called_job_name(shown).ok_or("cannot tell which job timed out")?;
    let caller = only_caller(wf.jobs.iter(), caller_name).map_err(|e| format!("{e} in {}", ctx.path))?;
    let callee_path = local_callee(caller).ok_or_else(|| {
        format!(
            "job `{}` calls a workflow of another repository, whose `timeout-minutes` cannot be changed here",
            caller.id
        )
    })?;
    let callee_text = ctx
        .repo
        .read(callee_path)
        .ok_or_else(|| format!("cannot read {callee_path}, the workflow job `{}` calls", caller.id))?;
    let callee_doc = yaml::parse(callee_text.as_bytes());
    let callee_wf = Workflow::new(callee_doc.root.as_ref().ok_or("the called workflow does not parse")?);
    let callee_failure = FailureInput {
        job: Some(callee_name.to_string()),
        ..ctx.failure.clone()
    };
    let callee_job = locate::job(&callee_wf, &callee_failure)
        .ok_or_else(|| format!("{callee_path} has no job shown as `{callee_name}`"))?;
    let input = limit_input(callee_job, &callee_failure, callee_path)?;
    raise(ctx.path, caller, callee_path, input, limit, target)
}

/// The file being fixed is the callee, whose limit is `input`: find the one
/// caller the log names in the repository's workflows.
pub(super) fn from_callee(ctx: &Ctx<'_>, input: &str, limit: u32, target: u32) -> Generated {
    let shown = ctx.failure.job.as_deref().unwrap_or("");
    let Some((caller_name, _)) = called_job_name(shown) else {
        return Err(format!(
            "`timeout-minutes` is `${{{{ inputs.{input} }}}}`, and the log does not name the job that called this workflow, \
             whose `with: {input}:` sets it"
        ));
    };
    let this = relative_path(ctx.path).ok_or("the workflow's path is not a repository path")?;
    let listing = ctx.repo.list().ok_or_else(|| {
        format!(
            "cannot list the repository's workflows to find job `{caller_name}`, which calls {this} and sets `{input}`"
        )
    })?;
    let mut found: Vec<(String, String)> = Vec::new();
    for path in listing.iter().filter(|p| is_workflow_file(p)) {
        let Some(text) = ctx.repo.read(path) else { continue };
        let doc = yaml::parse(text.as_bytes());
        let Some(root) = doc.root.as_ref() else { continue };
        let calls_here = Workflow::new(root)
            .jobs
            .iter()
            .any(|j| identifies(j, caller_name) && local_callee(j) == Some(this));
        if calls_here {
            found.push((path.clone(), text.into_owned()));
        }
    }
    let (caller_path, caller_text) = match found.as_slice() {
        [one] => one,
        [] => {
            return Err(format!(
                "no workflow of the repository has a job `{caller_name}` that calls {this}, so the `{input}` it passes \
                 cannot be raised"
            ));
        }
        _ => {
            return Err(format!(
                "more than one workflow has a job `{caller_name}` that calls {this}: which one ran is not known"
            ));
        }
    };
    let doc = yaml::parse(caller_text.as_bytes());
    let wf = Workflow::new(doc.root.as_ref().ok_or("the calling workflow does not parse")?);
    let callers = wf.jobs.iter().filter(|j| local_callee(j) == Some(this));
    let caller = only_caller(callers, caller_name).map_err(|e| format!("{e} in {caller_path}"))?;
    raise(caller_path, caller, this, input, limit, target)
}

/// The one job among `jobs` that could be shown as `name`, when that match
/// identifies it.
fn only_caller<'w, 'a>(mut jobs: impl Iterator<Item = &'w Job<'a>>, name: &str) -> Result<&'w Job<'a>, String>
where
    'a: 'w,
{
    let mut shown = jobs.by_ref().filter(|j| shows_as(j, name));
    match (shown.next(), shown.next()) {
        (Some(one), None) if identifies(one, name) => Ok(one),
        (None, _) | (Some(_), None) => Err(format!("cannot tell which job timed out: no job `{name}`")),
        _ => Err(format!("more than one job could be shown as `{name}`")),
    }
}

/// The input the called job's (or, for the runner's step message, its
/// step's) `timeout-minutes` reads.
fn limit_input<'a>(job: &Job<'a>, failure: &FailureInput, path: &str) -> Result<&'a str, String> {
    let node = match failure.limit_scope {
        LimitScope::Step => {
            let step = locate::step(job, failure)
                .ok_or_else(|| format!("no step of job `{}` in {path} matches the log", job.id))?;
            step.get("timeout-minutes")
        }
        LimitScope::Job | LimitScope::Unknown => job.get("timeout-minutes"),
    };
    let value = node.ok_or_else(|| {
        format!(
            "job `{}` of {path} sets no `timeout-minutes` where the runner says the limit was: the workflow changed since \
             that run",
            job.id
        )
    })?;
    input_name(value).ok_or_else(|| {
        format!(
            "job `{}` of {path} computes `timeout-minutes` with an expression other than one input; raise what it reads",
            job.id
        )
    })
}

/// The edit: the caller's `with: <input>:`, a literal equal to `limit`,
/// becomes `target`.
fn raise(caller_path: &str, caller: &Job<'_>, callee_path: &str, input: &str, limit: u32, target: u32) -> Generated {
    let what = format!("job `{}` of {caller_path}", caller.id);
    let entry = caller.get("with").and_then(|w| w.entry(input)).ok_or_else(|| {
        format!(
            "{what} passes no `{input}` to {callee_path}, so the input's default applies: raising the default would change \
             every caller, a choice for a person"
        )
    })?;
    if entry.value.is_expression() || entry.value.as_str().is_some_and(|s| s.contains("${{")) {
        return Err(format!(
            "{what} sets `{input}` with an expression (a matrix value or another input: each run its own value), so there is \
             no one literal to raise"
        ));
    }
    let passed = entry
        .value
        .as_number()
        .filter(|v| v.is_finite() && v.fract() == 0.0 && *v >= 0.0 && *v <= f64::from(HOSTED_LIMIT_MINUTES))
        .map(|v| v as u32);
    match passed {
        Some(m) if m == limit => {}
        Some(m) => {
            return Err(format!(
                "the runner says the limit was {limit} minutes, but {what} now passes `{input}: {m}`: the workflow changed \
                 since that run, so no fix is made"
            ));
        }
        None => {
            return Err(format!(
                "{what} passes a `{input}` that is not a whole number of minutes"
            ));
        }
    }
    let edits = vec![Edit::replace(caller_path, entry.value.span, target.to_string())];
    let fix = Fix::unsafe_(
        format!("Raise `{input}` to {target} where {what} calls {callee_path}"),
        edits,
    )
    .with_explanation(format!(
        "The called workflow {callee_path} takes its `timeout-minutes` from the input `{input}`, which {what} sets to {limit}; \
         the run was cancelled at that limit. This raises it to {target} minutes (twice the limit or the observed duration, \
         at most GitHub's {HOSTED_LIMIT_MINUTES}-minute maximum). Before merging, compare with the job's usual duration: if it \
         normally finishes well within {limit} minutes, something hangs, and a longer limit only delays the failure."
    ));
    let (path, job_id, input_key) = (caller_path.to_string(), caller.id.to_string(), input.to_string());
    let intent = move |files: &Files| -> Result<(), String> {
        let text = files.get(&path).ok_or("the calling workflow is missing")?;
        let doc = yaml::parse(text.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("the calling job is gone")?;
        match job
            .get("with")
            .and_then(|w| w.get(&input_key))
            .and_then(Node::as_number)
        {
            Some(v) if v == f64::from(target) => Ok(()),
            other => Err(format!("`{input_key}` is {other:?}, expected {target}")),
        }
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_is_read_only_from_one_whole_input_reference() {
        let name = |text: &str| {
            let doc = yaml::parse(format!("v: {text}\n").as_bytes());
            doc.root
                .as_ref()
                .and_then(|r| r.get("v"))
                .and_then(input_name)
                .map(str::to_string)
        };
        assert_eq!(name("${{ inputs.timeout }}").as_deref(), Some("timeout"));
        assert_eq!(name("${{inputs.job-timeout}}").as_deref(), Some("job-timeout"));
        for other in [
            "${{ inputs.timeout * 2 }}",
            "${{ matrix.timeout }}",
            "${{ fromJSON(inputs.timeout) }}",
            "${{ inputs.timeout || 30 }}",
            "${{ inputs.a.b }}",
            "30",
        ] {
            assert_eq!(name(other), None, "{other}");
        }
    }

    #[test]
    fn only_workflow_files_are_searched_for_callers() {
        assert!(is_workflow_file(".github/workflows/ci.yml"));
        assert!(is_workflow_file(".github/workflows/ci.yaml"));
        assert!(!is_workflow_file("docs/ci.yml"));
        assert!(!is_workflow_file(".github/workflows/README.md"));
    }
}
