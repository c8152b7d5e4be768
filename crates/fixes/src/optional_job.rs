//! Fix type 6, `optional_job`: let a job that is really optional (ARM64,
//! self-hosted or experimental runners, or a matrix leg on one) fail
//! without failing the run. Never the workflow's main job as a whole: on
//! it only a matrix leg, while another leg of it still must pass. Never a
//! job that releases or deploys, not even one leg ([`ships`]).

use autoheal_engine::edit;
use autoheal_engine::model::{Job, Workflow, matrix_reference};
use autoheal_engine::rules::optional_job::{
    continue_on_error_fix, is_experimental_label, is_main_job, matrix_has_experimental, optional_reason,
};
use autoheal_engine::rules::runner_label::{Machine, machine};
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};
use autoheal_logs::mapping::experimental_leg;

use autoheal_logs::subject;

use crate::{Candidate, Ctx, Files, Generated, locate};

/// Is this runner label (the matrix value `runs-on` takes) a scarcer,
/// flakier kind of runner?
fn is_optional_label(value: &str) -> bool {
    machine(value).is_some_and(Machine::is_runner_tied) || is_experimental_label(value)
}

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    if job.is_call() {
        return Err(format!(
            "job `{}` calls a reusable workflow, which cannot set `continue-on-error`",
            job.id
        ));
    }
    // `continue-on-error: ${{ matrix.experimental }}` already: a leg is let
    // fail by marking it in `include`; any other value is the author's.
    let flag_set = match job.get("continue-on-error") {
        None => false,
        Some(v) if v.as_str().and_then(matrix_reference).as_deref() == Some(&["experimental"][..]) => true,
        Some(_) => return Err(format!("job `{}` already sets `continue-on-error`", job.id)),
    };
    if let Some(why) = ships(job) {
        return Err(format!(
            "job `{}` {why}: letting it (or a leg of it) fail without failing the run would let a release or deployment \
             be skipped or left half done while the run shows green, so a runner failure there needs a manual fix (a \
             healthier runner, or a retry)",
            job.id
        ));
    }
    if let Some(why) = workflow_ships(&wf, root).or_else(|| wf.is_reusable().then(|| callers_ship(ctx)).flatten()) {
        return Err(format!(
            "the workflow {why}: letting job `{}` (or a leg of it) fail without failing the run would let the release \
             go out without what it makes while the run shows green, so a runner failure there needs a manual fix (a \
             healthier runner, or a retry)",
            job.id
        ));
    }
    if let Some((later, why)) = shipping_dependent(&wf, job) {
        return Err(format!(
            "job `{later}` {why} and needs job `{}`{}: with `continue-on-error` on `{}`, a failed `{}` no longer stops \
             the run, so the release or deployment would go ahead without what `{}` makes, or be skipped while the run \
             shows green; a runner failure there needs a manual fix (a healthier runner, or a retry)",
            job.id,
            if wf
                .job(later)
                .is_some_and(|l| l.needs().iter().any(|n| n.as_str() == Some(job.id)))
            {
                ""
            } else {
                " (through the jobs between them)"
            },
            job.id,
            job.id,
            job.id
        ));
    }
    if let Some(later) = dependent_left_waiting(&wf, job) {
        return Err(format!(
            "job `{later}` needs job `{}` and runs only when it succeeds: with `continue-on-error` on `{}`, GitHub \
             reports a failed `{}` to the jobs that need it as a success, so `{later}` would run without what `{}` \
             makes (its artifacts and outputs) and fail there, or pass on nothing; a runner failure there needs a \
             manual fix (a healthier runner, or both jobs made optional together)",
            job.id, job.id, job.id, job.id
        ));
    }
    let main = is_main_job(&wf, job);
    let leg = ctx
        .failure
        .job
        .as_deref()
        .map(locate::matrix_values)
        .unwrap_or_default();
    let confirmed = ctx.failure.confirmed_runner.as_deref();
    if let Some((key, value)) = optional_leg(job, &leg, confirmed) {
        // Only that leg is let fail, so even the main job keeps checking
        // the code as long as another leg of it must still pass.
        if main && !another_leg_stays_required(job, &key, &value) {
            return Err(format!(
                "job `{}` is the workflow's main job, and its matrix has no `{key}` other than `{value}` whose legs must \
                 still pass; letting this leg fail would leave nothing that must pass, so it needs a manual fix",
                job.id
            ));
        }
        return Ok(vec![leg_fix(ctx, job, &key, &value, flag_set)?]);
    }
    if flag_set {
        return Err(format!(
            "job `{}` already sets `continue-on-error: ${{{{ matrix.experimental }}}}`, and the failing leg is not one a \
             matrix value puts on a runner-tied runner; marking it would be a guess (a manual fix)",
            job.id
        ));
    }
    if main {
        return Err(format!(
            "job `{}` is the workflow's {}; `continue-on-error` on it would let every run pass whatever fails, so its \
             failure needs a manual fix",
            job.id,
            if wf.jobs.len() <= 1 { "only job" } else { "main job" }
        ));
    }
    // The author marked some legs `experimental`: the fix below makes
    // exactly those optional, which does nothing for another leg.
    let leg_refs: Vec<&str> = leg.iter().map(String::as_str).collect();
    if matrix_has_experimental(job) && leg.is_empty() {
        return Err(format!(
            "job `{}` marks some matrix legs `experimental`, and the log does not say which leg failed; \
             `continue-on-error: ${{{{ matrix.experimental }}}}` covers only those legs, so it may not cover this failure \
             (a manual fix)",
            job.id
        ));
    }
    if matrix_has_experimental(job) && experimental_leg(job, &leg_refs).is_none() {
        return Err(format!(
            "the failing leg ({}) of job `{}` is not one its matrix marks `experimental`; `continue-on-error: ${{{{ \
             matrix.experimental }}}}` would not cover it, and making every leg optional would hide failures of the legs the \
             author requires (a manual fix)",
            leg.join(", "),
            job.id
        ));
    }
    let reason = optional_reason(job)
        .or_else(|| confirmed_label(job, confirmed))
        .ok_or_else(|| {
            format!(
                "job `{}` runs on a standard runner, so its failure is not treated as optional; it needs a manual fix",
                job.id
            )
        })?;
    let mut fix = continue_on_error_fix(ctx.path, ctx.source, job).ok_or("cannot edit the job")?;
    fix.explanation = format!(
        "Job `{}` {reason}, and it failed in a way tied to that runner (an architecture mismatch, a lost runner, an unavailable \
         image). `continue-on-error: true` keeps the job and shows its failure, but no longer fails the whole run. Merge this only \
         if nobody relies on this job passing, and open an issue to make it pass again.",
        job.id
    );
    Ok(vec![Candidate {
        fix,
        intent: has_continue_on_error(ctx.path, job.id, None),
    }])
}

/// Why the job delivers something (a release, a deployment) rather than
/// checking the code: a deployment `environment:`, or an id or name whose
/// words say it releases, deploys or publishes.
pub(crate) fn ships(job: &Job<'_>) -> Option<String> {
    if let Some(env) = job.get("environment") {
        let name = env.get("name").unwrap_or(env).as_str().unwrap_or("");
        return Some(format!("deploys to the environment `{name}`"));
    }
    let name = job.get("name").and_then(Node::as_str).unwrap_or("");
    [job.id, name].iter().find_map(|text| named_for_delivery(text))
}

/// Why a job's or workflow's name says it delivers something: a word that
/// starts with `release`, `deploy` or `publish`.
fn named_for_delivery(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .map(str::to_ascii_lowercase)
        .find(|w| ["release", "deploy", "publish"].iter().any(|p| w.starts_with(p)))
        .map(|w| format!("is named for what it delivers (`{w}`)"))
}

/// Why the whole workflow delivers something, so that every job of it is
/// part of a release: a `name:` whose words say it releases, deploys or
/// publishes, or triggers that are only releases (`release`, a `push` of
/// tags and no branches, besides a manual `workflow_dispatch`). A tag's
/// build whose macOS leg is let fail ships without its macOS binary
/// (review89 M3).
fn workflow_ships(wf: &Workflow<'_>, root: &Node) -> Option<String> {
    if let Some(why) = named_for_delivery(root.get("name").and_then(Node::as_str).unwrap_or("")) {
        return Some(why);
    }
    let on = root.get("on");
    let tag_push = || {
        on.and_then(|o| o.get("push")).is_some_and(|p| {
            p.get("tags").is_some() && p.get("branches").is_none() && p.get("branches-ignore").is_none()
        })
    };
    let events = wf.events();
    let releases = events.iter().all(|e| match *e {
        "release" | "workflow_dispatch" => true,
        "push" => tag_push(),
        _ => false,
    });
    (releases && events.iter().any(|e| *e != "workflow_dispatch"))
        .then(|| "runs only for releases (a published release or a pushed tag)".to_string())
}

/// Why a reusable workflow's jobs are part of a release: a workflow of the
/// repository calls it from a release (by [`workflow_ships`], [`ships`] or a
/// shipping job that needs the call); or its callers cannot be seen (no
/// listing, or none in this repository: another repository's release may
/// call it). A tag's release that calls a build workflow ships without the
/// leg let fail (final review B, 2).
fn callers_ship(ctx: &Ctx<'_>) -> Option<String> {
    let Some(this) = autoheal_engine::repo::relative_path(ctx.path) else {
        return Some("is a reusable workflow (workflow_call) whose callers cannot be found".to_string());
    };
    let Some(listing) = ctx.repo.list() else {
        return Some(format!(
            "is a reusable workflow (workflow_call), and the repository's workflows cannot be listed to see whether a \
             caller of {this} releases or deploys with it"
        ));
    };
    let mut callers = 0;
    for path in listing
        .iter()
        .filter(|p| locate::is_workflow_file(p) && p.as_str() != this)
    {
        let Some(text) = ctx.repo.read(path) else { continue };
        let doc = yaml::parse(text.as_bytes());
        let Some(root) = doc.root.as_ref() else { continue };
        let wf = Workflow::new(root);
        for caller in wf.jobs.iter().filter(|j| locate::local_callee(j) == Some(this)) {
            callers += 1;
            if let Some(why) = workflow_ships(&wf, root) {
                return Some(format!("is called by {path}, which {why}"));
            }
            if let Some(why) = ships(caller) {
                return Some(format!("is called by job `{}` of {path}, which {why}", caller.id));
            }
            if let Some((later, why)) = shipping_dependent(&wf, caller) {
                return Some(format!(
                    "is called by job `{}` of {path}, and job `{later}` there {why} and needs it",
                    caller.id
                ));
            }
        }
    }
    (callers == 0).then(|| {
        "is a reusable workflow (workflow_call) that no workflow of this repository calls, so whether its callers \
         release with it cannot be seen"
            .to_string()
    })
}

/// A job that releases or deploys ([`ships`]) and needs `job`, directly or
/// through other jobs: its id and why it ships.
fn shipping_dependent<'w>(wf: &'w Workflow<'_>, job: &Job<'_>) -> Option<(&'w str, String)> {
    let mut reached: Vec<&str> = vec![job.id];
    let mut grew = true;
    while grew {
        grew = false;
        for j in &wf.jobs {
            if !reached.contains(&j.id)
                && j.needs()
                    .iter()
                    .any(|n| n.as_str().is_some_and(|n| reached.contains(&n)))
            {
                if let Some(why) = ships(j) {
                    return Some((j.id, why));
                }
                reached.push(j.id);
                grew = true;
            }
        }
    }
    None
}

/// A job that needs `job` and is not plainly a gate that runs after a
/// failure ([`runs_whatever_needs_did`]). A failed job with
/// `continue-on-error: true` is a success to the jobs that need it (its
/// `needs.<id>.result` reads `success`), so such a job, skipped until now
/// when `job` failed, would start running without `job`'s artifacts and
/// outputs. A job that already runs after a failure (an all-green gate)
/// is not changed in kind: it only sees the failure as optional, which is
/// the fix's intent.
fn dependent_left_waiting<'w>(wf: &'w Workflow<'_>, job: &Job<'_>) -> Option<&'w str> {
    wf.jobs
        .iter()
        .filter(|j| j.needs().iter().any(|n| n.as_str() == Some(job.id)))
        .find(|j| !j.get("if").and_then(Node::as_str).is_some_and(runs_whatever_needs_did))
        .map(|j| j.id)
}

/// Whether a job's `if:` runs it however the jobs it needs ended, read
/// strictly: the whole condition (with or without `${{ }}`) is `always()`,
/// `failure()` or `!cancelled()`, or such terms joined only by `||`.
/// `logs::mapping::runs_after_failure` answers a looser question (can the
/// condition hold after a failure at all) and would take
/// `!failure() && !cancelled()` or `always() && needs.x.result == 'success'`
/// for a gate; any other operator, a negated `failure()`, `success()`, a
/// `needs` result or parentheses may make the job wait on a success, which
/// `continue-on-error` would then fake, so they are not gates.
fn runs_whatever_needs_did(cond: &str) -> bool {
    let cond = cond.trim();
    let cond = cond
        .strip_prefix("${{")
        .and_then(|c| c.strip_suffix("}}"))
        .unwrap_or(cond);
    let compact: String = cond.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    compact
        .split("||")
        .all(|term| ["always()", "failure()", "!cancelled()"].contains(&term))
}

/// The job's own `runs-on` label that the diagnosis confirmed from the log
/// as a self-hosted runner's (a label that names no machine kind itself).
fn confirmed_label(job: &Job<'_>, confirmed: Option<&str>) -> Option<String> {
    let confirmed = confirmed?;
    job.runs_on_labels()
        .iter()
        .filter_map(|l| l.as_str())
        .find(|l| *l == confirmed && machine(l).is_none())
        .map(|l| format!("runs on `{l}`, which the log shows is a self-hosted runner"))
}

/// The matrix key and value that put the failing leg on an optional runner:
/// a runner-tied label, or the label the diagnosis confirmed from the log
/// (`confirmed`, a self-hosted runner's own name for itself).
fn optional_leg(job: &Job<'_>, leg: &[String], confirmed: Option<&str>) -> Option<(String, String)> {
    let matrix = job.matrix()?.as_mapping()?;
    let runs_on_path = job.get("runs-on").and_then(Node::as_str).and_then(matrix_reference);
    let runs_on_key = match runs_on_path.as_deref() {
        Some([key]) => Some(*key),
        _ => None,
    };
    for e in matrix {
        let Some(key) = e.key.as_str() else { continue };
        if key == "include" || key == "exclude" {
            continue;
        }
        let values: Vec<&str> = job.matrix_values(&[key]).into_iter().filter_map(Node::as_str).collect();
        for v in leg.iter().filter(|v| values.contains(&v.as_str())) {
            // Only the value `runs-on` takes says where the leg ran: a
            // `nightly` toolchain value of another key is not the runner.
            let decisive = runs_on_key == Some(key)
                && (is_optional_label(v) || (confirmed == Some(v.as_str()) && machine(v).is_none()));
            if decisive && subject::is_command(v) {
                return Some((key.to_string(), v.clone()));
            }
        }
    }
    runs_on_key.and_then(|rk| tied_include_leg(matrix, rk, leg))
}

/// A leg an `include` entry makes on its own, naming its runner under the
/// key `runs-on` reads (`runner: [self-hosted, macOS, ARM64]`, a list the
/// job's display name cannot show) and itself by another key's value the
/// display name does show (`name: macos-arm64` in `build (macos-arm64)`):
/// that key and value, when the runner is runner-tied (any of its labels;
/// a list is one runner matching them all) and no other entry has the
/// value. A key of the matrix's own is left to the values above (its
/// `include` entries extend legs rather than make them).
fn tied_include_leg(matrix: &[yaml::Entry], runs_on_key: &str, leg: &[String]) -> Option<(String, String)> {
    let items = matrix
        .iter()
        .find(|e| e.key.as_str() == Some("include"))?
        .value
        .as_sequence()?;
    let own_key = |k: &str| matrix.iter().any(|e| e.key.as_str() == Some(k));
    let tied = |runner: &Node| match runner.as_sequence() {
        Some(labels) => labels.iter().filter_map(Node::as_str).any(is_optional_label),
        None => runner.as_str().is_some_and(is_optional_label),
    };
    for item in items {
        if !item.get(runs_on_key).is_some_and(tied) {
            continue;
        }
        for e in item.as_mapping().unwrap_or_default() {
            let (Some(k), Some(v)) = (e.key.as_str(), e.value.as_str()) else {
                continue;
            };
            if k == runs_on_key || own_key(k) || !leg.iter().any(|l| l == v) || !subject::is_command(v) {
                continue;
            }
            let entries_with_it = items
                .iter()
                .filter(|i| i.get(k).and_then(Node::as_str) == Some(v))
                .count();
            if entries_with_it == 1 {
                return Some((k.to_string(), v.to_string()));
            }
        }
    }
    None
}

/// Some other value of the matrix key that puts legs on their runner is
/// not marked `experimental` in `include`: that leg still must pass once
/// the failing one is let fail.
fn another_leg_stays_required(job: &Job<'_>, key: &str, value: &str) -> bool {
    let marked = |v: &str| {
        job.matrix()
            .and_then(|m| m.get("include"))
            .and_then(Node::as_sequence)
            .is_some_and(|items| {
                items.iter().any(|i| {
                    i.get(key).and_then(Node::as_str) == Some(v)
                        && i.get("experimental").and_then(Node::as_bool) == Some(true)
                })
            })
    };
    job.matrix_values(&[key])
        .into_iter()
        .filter_map(Node::as_str)
        .any(|v| v != value && !marked(v))
}

/// `flag_set`: the job already sets `continue-on-error: ${{ matrix.experimental }}`.
fn leg_fix(ctx: &Ctx<'_>, job: &Job<'_>, key: &str, value: &str, flag_set: bool) -> Result<Candidate, String> {
    let node = job.node();
    let matrix = job.matrix().ok_or("no matrix")?;
    // `experimental` as a matrix key of its own: an `include` entry with
    // `experimental: true` would add a leg beside the failing one (an
    // original key's value differs), not mark it.
    if matrix.get("experimental").is_some() {
        return Err(format!(
            "job `{}`'s matrix has `experimental` as a key of its own, so an `include` entry cannot mark the `{key}: \
             {value}` leg without adding another leg (a manual fix)",
            job.id
        ));
    }
    let after = node.entry("timeout-minutes").or_else(|| node.entry("runs-on"));
    let expr = "${{ matrix.experimental }}";
    let mut edits = Vec::new();
    if !flag_set {
        edits.push(
            edit::insert_entry(ctx.path, ctx.source, node, after, "continue-on-error", expr)
                .ok_or("cannot edit the job")?,
        );
    }
    let include = matrix.get("include");
    let existing = include
        .and_then(Node::as_sequence)
        .and_then(|items| items.iter().find(|i| i.get(key).and_then(Node::as_str) == Some(value)));
    let value_text = crate::yaml_edit::scalar(value);
    match (include, existing) {
        // Marked already, but nothing read the mark: the expression is the fix.
        (_, Some(item)) if !flag_set && item.get("experimental").and_then(Node::as_bool) == Some(true) => {}
        (_, Some(item)) if item.get("experimental").is_some() => {
            return Err(format!(
                "the `{key}: {value}` leg of job `{}` already sets `experimental` in `include`; the author chose it (a \
                 manual fix)",
                job.id
            ));
        }
        (_, Some(item)) => edits.push(
            edit::insert_entry(ctx.path, ctx.source, item, None, "experimental", "true")
                .ok_or("cannot edit the include entry")?,
        ),
        (Some(seq), None) => edits.push(
            edit::append_item(
                ctx.path,
                ctx.source,
                seq,
                &[format!("{key}: {value_text}"), "experimental: true".to_string()],
            )
            .ok_or("cannot extend `include`")?,
        ),
        (None, None) => {
            edits.push(new_include(ctx, matrix, key, &value_text).ok_or("cannot add `include` to the matrix")?)
        }
    }
    let fix = Fix::unsafe_(format!("Let the `{key}: {value}` leg of job `{}` fail without failing the run", job.id), edits).with_explanation(
        format!(
            "Only the `{key}: {value}` leg of job `{}`'s matrix failed, and that leg runs somewhere less reliable than GitHub's standard \
             runners. The leg is marked `experimental: true` in the matrix, and the job sets `continue-on-error: {expr}`, so that leg's \
             failure is still shown but no longer fails the run, while every other leg still must pass. Merge this only if nobody \
             relies on that leg passing.",
            job.id
        ),
    );
    Ok(Candidate {
        fix,
        intent: has_continue_on_error(ctx.path, job.id, Some((key.to_string(), value.to_string()))),
    })
}

/// `include:` with one entry, added as the matrix's last key.
fn new_include(ctx: &Ctx<'_>, matrix: &Node, key: &str, value: &str) -> Option<Edit> {
    if edit::is_flow(ctx.source, matrix) {
        return edit::insert_entry(
            ctx.path,
            ctx.source,
            matrix,
            None,
            "include",
            &format!("[{{{key}: {value}, experimental: true}}]"),
        );
    }
    let entries = matrix.as_mapping()?;
    let last = entries.last()?;
    let col = edit::column(ctx.source, entries.first()?.key.span.start);
    let unit = edit::indent_unit(ctx.source);
    let eol = edit::line_ending(ctx.source);
    let at = edit::line_end(
        ctx.source,
        last.value
            .span
            .end
            .max(last.key.span.end)
            .saturating_sub(1)
            .max(last.key.span.end),
    );
    let (pad, inner) = (" ".repeat(col), " ".repeat(col + unit));
    Some(Edit::insert(
        ctx.path,
        at,
        format!("{eol}{pad}include:{eol}{inner}- {key}: {value}{eol}{inner}  experimental: true"),
    ))
}

fn has_continue_on_error(path: &str, job_id: &str, leg: Option<(String, String)>) -> crate::Intent {
    let (path, job_id) = (path.to_string(), job_id.to_string());
    Box::new(move |files: &Files| {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        job.get("continue-on-error").ok_or("no continue-on-error")?;
        if let Some((key, value)) = &leg {
            let marked = job
                .matrix()
                .and_then(|m| m.get("include"))
                .and_then(Node::as_sequence)
                .is_some_and(|items| {
                    items.iter().any(|i| {
                        i.get(key.as_str()).and_then(Node::as_str) == Some(value.as_str())
                            && i.get("experimental").and_then(Node::as_bool) == Some(true)
                    })
                });
            if !marked {
                return Err(format!("no include entry marks {key}: {value} experimental"));
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    fn optional(job: &str) -> FailureInput {
        FailureInput::new(Category::OptionalJob, None).in_job(job)
    }

    const TWO_JOBS: &str = "\
on: [push, pull_request]
jobs:
  test:                       # the main job
    runs-on: ubuntu-latest
    steps:
      - run: make test
  arm:
    # Same tests on ARM64.
    runs-on: ubuntu-24.04-arm
    timeout-minutes: 30
    steps:
      - run: make test
";

    #[test]
    fn an_arm_job_gets_continue_on_error_after_its_timeout() {
        let out = apply_only(&optional("arm"), TWO_JOBS);
        assert_eq!(
            out,
            TWO_JOBS.replace(
                "    timeout-minutes: 30\n",
                "    timeout-minutes: 30\n    continue-on-error: true\n"
            )
        );
    }

    #[test]
    fn the_main_job_and_standard_jobs_are_never_made_optional() {
        assert!(manual_reason(&optional("test"), TWO_JOBS).contains("standard runner"));
        let only = "on: push\njobs:\n  arm:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - run: make\n";
        assert!(manual_reason(&optional("arm"), only).contains("only job"));
    }

    /// An `include` matrix whose entries name their runner as a label list
    /// and themselves by `name` (the display name shows the name): the
    /// self-hosted Apple-silicon entry is marked, the hosted entries stay
    /// required (batch 104: refused as the workflow's only job).
    #[test]
    fn an_include_entry_on_a_tied_runner_list_is_the_leg_let_fail() {
        let src = "\
on: push
jobs:
  build:
    name: build (${{ matrix.name }})
    strategy:
      matrix:
        include:
          - name: linux-x64
            runner: ubuntu-latest
          - name: macos-arm64
            runner: [self-hosted, macOS, ARM64]
    runs-on: ${{ matrix.runner }}
    steps:
      - run: cargo build
";
        let out = apply_only(&optional("build (macos-arm64)"), src);
        assert!(
            out.contains("          - name: macos-arm64\n            runner: [self-hosted, macOS, ARM64]\n            experimental: true\n"),
            "{out}"
        );
        assert!(out.contains("continue-on-error: ${{ matrix.experimental }}"), "{out}");
        // The hosted leg is no runner-tied one; two entries with the same
        // name do not say which one failed.
        assert!(manual_reason(&optional("build (linux-x64)"), src).contains("only job"));
        let twice = src.replace(
            "name: linux-x64\n            runner: ubuntu-latest",
            "name: macos-arm64\n            runner: macos-15",
        );
        assert!(!manual_reason(&optional("build (macos-arm64)"), &twice).is_empty());
    }

    /// A job that releases or deploys is never let fail, as a whole or a
    /// leg: a run would show green with the release skipped or half done.
    /// review89 M3: every job of a release workflow is part of the
    /// release, whatever the job is called.
    #[test]
    fn no_job_of_a_release_workflow_is_made_optional() {
        for on in [
            "on:\n  push:\n    tags: ['v*']\n",
            "on:\n  release:\n    types: [published]\n  workflow_dispatch:\n",
            "name: Deploy docs\non: [push, pull_request]\n",
        ] {
            let src = TWO_JOBS.replace("on: [push, pull_request]\n", on);
            let why = manual_reason(&optional("arm"), &src);
            assert!(why.contains("the workflow"), "{on}: {why}");
        }
        // Branch pushes as well as tags, or a manual run alone: the workflow
        // also checks code, and the arm job is let fail as before.
        for on in [
            "on:\n  push:\n    branches: [main]\n    tags: ['v*']\n",
            "on: workflow_dispatch\n",
        ] {
            let src = TWO_JOBS.replace("on: [push, pull_request]\n", on);
            let out = apply_only(&optional("arm"), &src);
            assert!(out.contains("continue-on-error: true"), "{on}: {out}");
        }
    }

    /// A reusable build workflow is judged by its callers: a tag's
    /// release that calls it ships what its legs make (final review B, 2).
    #[test]
    fn a_reusable_workflow_a_release_calls_is_never_made_optional() {
        let callee = TWO_JOBS.replace("on: [push, pull_request]\n", "on: workflow_call\n");
        let path = ".github/workflows/build.yml";
        let release = "on:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    uses: ./.github/workflows/build.yml\n  publish:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release upload v1 dist/*\n";
        let ci = "on: [pull_request]\njobs:\n  build:\n    uses: ./.github/workflows/build.yml\n";
        let run = |callers: &[(&str, &str)]| {
            let mut files: Vec<(&str, &str)> = callers.to_vec();
            files.push((path, callee.as_str()));
            crate::fixes_for(&optional("arm"), path, &callee, &repo(&files))
        };
        let o = run(&[
            (".github/workflows/release.yml", release),
            (".github/workflows/ci.yml", ci),
        ]);
        assert!(o.fixes.is_empty(), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("release.yml"));
        let o = run(&[(".github/workflows/ci.yml", ci)]);
        assert!(!o.fixes.is_empty(), "{:?}", o.manual_reason);
        let o = run(&[]);
        assert!(o.fixes.is_empty());
        assert!(
            o.manual_reason
                .unwrap_or_default()
                .contains("no workflow of this repository calls")
        );
    }

    #[test]
    fn a_job_that_releases_or_deploys_is_never_made_optional() {
        let release = TWO_JOBS.replace("  arm:\n", "  release-arm:\n");
        let why = manual_reason(&optional("release-arm"), &release);
        assert!(why.contains("`release`") && why.contains("manual fix"), "{why}");
        let named = TWO_JOBS.replace("    # Same tests on ARM64.\n", "    name: Publish wheels\n");
        assert!(manual_reason(&optional("Publish wheels"), &named).contains("`publish`"));
        let env = TWO_JOBS.replace(
            "    timeout-minutes: 30\n",
            "    timeout-minutes: 30\n    environment: pypi\n",
        );
        assert!(manual_reason(&optional("arm"), &env).contains("environment `pypi`"));
        let leg = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n  deploy:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    steps:\n      - run: make deploy\n";
        assert!(manual_reason(&optional("deploy (ubuntu-24.04-arm)"), leg).contains("`deploy`"));
        // A name that merely contains the letters is not one.
        let arm = TWO_JOBS.replace("  arm:\n", "  redeploy_check_arm:\n");
        assert!(apply_only(&optional("redeploy_check_arm"), &arm).contains("continue-on-error: true"));
    }

    /// A job others need only when it succeeded is not let fail: GitHub
    /// would report its failure to them as a success and start them without
    /// its artifacts. A gate that already runs after failures may need it.
    #[test]
    fn a_job_others_wait_on_is_not_made_optional_but_one_a_gate_reads_is() {
        let src = |dependent_if: &str| {
            format!(
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - run: make\n  smoke:\n    needs: [test, arm]\n{dependent_if}    runs-on: ubuntu-latest\n    steps:\n      - run: ./smoke.sh\n"
            )
        };
        let why = manual_reason(&optional("arm"), &src(""));
        assert!(why.contains("job `smoke` needs job `arm`"), "{why}");
        assert!(manual_reason(&optional("arm"), &src("    if: success()\n")).contains("`smoke`"));
        assert!(manual_reason(&optional("arm"), &src("    if: ${{ !failure() }}\n")).contains("`smoke`"));
        // Conditions that can hold after a failure but still wait on `arm`'s
        // success (or on nothing having failed): not gates.
        for waits in [
            "    if: ${{ !failure() && !cancelled() }}\n",
            "    if: always() && needs.arm.result == 'success'\n",
            "    if: ${{ !(cancelled() || failure()) }}\n",
        ] {
            let why = manual_reason(&optional("arm"), &src(waits));
            assert!(why.contains("job `smoke` needs job `arm`"), "{waits}: {why}");
        }
        for gate in [
            "    if: always()\n",
            "    if: ${{ !cancelled() }}\n",
            "    if: failure()\n",
            "    if: always() || failure()\n",
        ] {
            assert!(
                apply_only(&optional("arm"), &src(gate)).contains("continue-on-error: true"),
                "{gate}"
            );
        }
    }

    /// A job that a release needs, even through another job, is not let
    /// fail: the release would go ahead without its part (or be skipped
    /// under a green run).
    #[test]
    fn a_job_a_release_needs_is_never_made_optional() {
        let src = |between: &str, needs: &str| {
            format!(
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - run: make\n{between}  publish:\n    needs: {needs}\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./publish.sh\n"
            )
        };
        let direct = src("", "[test, arm]");
        assert!(manual_reason(&optional("arm"), &direct).contains("job `publish` is named for what it delivers"));
        let through = src(
            "  bundle:\n    needs: arm\n    runs-on: ubuntu-latest\n    steps:\n      - run: make bundle\n",
            "bundle",
        );
        assert!(manual_reason(&optional("arm"), &through).contains("(through the jobs between them)"));
        // A job nothing ships after still gets the fix.
        let unrelated = src("", "test");
        assert!(apply_only(&optional("arm"), &unrelated).contains("continue-on-error: true"));
    }

    /// A job that already follows `matrix.experimental` gets only the mark
    /// on the failing leg; `experimental` as a matrix key of its own, or a
    /// leg the author marked `false`, is left alone.
    #[test]
    fn a_job_following_the_experimental_flag_gets_the_leg_marked() {
        let src = |matrix: &str| {
            format!(
                "on: push\njobs:\n  build:\n    continue-on-error: ${{{{ matrix.experimental }}}}\n    strategy:\n      matrix:\n{matrix}    runs-on: ${{{{ matrix.os }}}}\n    steps:\n      - run: make\n"
            )
        };
        let leg =
            FailureInput::new(Category::OptionalJob, Some("architecture_mismatch")).in_job("build (ubuntu-24.04-arm)");
        let plain = src("        os: [ubuntu-latest, ubuntu-24.04-arm]\n");
        assert_eq!(
            apply_only(&leg, &plain),
            plain.replace(
                "ubuntu-24.04-arm]\n",
                "ubuntu-24.04-arm]\n        include:\n          - os: ubuntu-24.04-arm\n            experimental: true\n"
            )
        );
        let dimension = src("        os: [ubuntu-latest, ubuntu-24.04-arm]\n        experimental: [false]\n");
        assert!(manual_reason(&leg, &dimension).contains("a key of its own"));
        let chosen = src(
            "        os: [ubuntu-latest, ubuntu-24.04-arm]\n        include:\n          - os: ubuntu-24.04-arm\n            experimental: false\n",
        );
        assert!(manual_reason(&leg, &chosen).contains("the author chose it"));
    }

    #[test]
    fn a_matrix_leg_gets_an_include_entry_and_the_expression() {
        let src = "\
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps: [{run: make lint}]
  build:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, ubuntu-24.04-arm]   # arm is new
        python: ['3.12']
    steps:
      - run: make
";
        let out = apply_only(&optional("build (ubuntu-24.04-arm, 3.12)"), src);
        let want = src
            .replace("    runs-on: ${{ matrix.os }}\n", "    runs-on: ${{ matrix.os }}\n    continue-on-error: ${{ matrix.experimental }}\n")
            .replace("        python: ['3.12']\n", "        python: ['3.12']\n        include:\n          - os: ubuntu-24.04-arm\n            experimental: true\n");
        assert_eq!(out, want);
    }

    #[test]
    fn an_existing_include_entry_is_marked_in_a_crlf_file() {
        let src = "on: push\r\njobs:\r\n  lint:\r\n    runs-on: ubuntu-latest\r\n  build:\r\n    runs-on: ${{ matrix.os }}\r\n    strategy:\r\n      matrix:\r\n        os: [ubuntu-latest]\r\n        include:\r\n          - os: macos-14-arm64\r\n            xcode: '15'\r\n";
        let out = apply_only(&optional("build (macos-14-arm64)"), src);
        assert!(
            out.contains("            xcode: '15'\r\n            experimental: true\r\n"),
            "{out:?}"
        );
        assert!(out.contains("continue-on-error: ${{ matrix.experimental }}\r\n"));
        // Applied once, nothing more to do.
        assert!(manual_reason(&optional("build (macos-14-arm64)"), &out).contains("already"));
    }

    #[test]
    fn the_apple_silicon_leg_is_the_one_made_optional_not_a_nightly_toolchain() {
        let src = "\
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps: [{run: make lint}]
  test:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, macos-14]
        python: [pypy3.11-nightly]
    steps:
      - run: make
";
        let out = apply_only(&optional("test (macos-14, pypy3.11-nightly)"), src);
        assert!(
            out.contains("          - os: macos-14\n            experimental: true\n"),
            "{out}"
        );
        assert!(!out.contains("python: pypy3.11-nightly\n"), "{out}");
        // The x64 leg with the same nightly value is not the runner's fault.
        assert!(manual_reason(&optional("test (ubuntu-latest, pypy3.11-nightly)"), src).contains("standard runner"));
    }

    /// The workflow's only job: never made optional as a whole (every run
    /// would pass whatever fails), but its matrix leg on an Apple-silicon
    /// or ARM64 runner is, while a leg on a standard runner still must pass.
    #[test]
    fn on_the_only_job_only_a_matrix_leg_is_made_optional_and_only_beside_a_required_leg() {
        let single = "on: push\njobs:\n  test:\n    runs-on: macos-14\n    steps:\n      - run: make test\n";
        let reason = manual_reason(&optional("test"), single);
        assert!(
            reason.contains("only job") && reason.contains("every run pass"),
            "{reason}"
        );

        let matrix = "\
on: push
jobs:
  test:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, macos-14]
        python: ['3.10']
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python }}
      - run: make test
";
        let out = apply_only(&optional("test (macos-14, 3.10)"), matrix);
        assert_eq!(
            out,
            matrix
                .replace(
                    "    runs-on: ${{ matrix.os }}\n",
                    "    runs-on: ${{ matrix.os }}\n    continue-on-error: ${{ matrix.experimental }}\n"
                )
                .replace(
                    "        python: ['3.10']\n",
                    "        python: ['3.10']\n        include:\n          - os: macos-14\n            experimental: true\n"
                )
        );
        // The x64 leg is not made optional (the job as a whole never is);
        // and with a matrix of only the Apple-silicon leg (or the other leg
        // already optional) nothing would be left that must pass.
        assert!(manual_reason(&optional("test (ubuntu-latest, 3.10)"), matrix).contains("only job"));
        for no_required_leg in [
            matrix.replace("os: [ubuntu-latest, macos-14]", "os: [macos-14]"),
            matrix.replace(
                "        python: ['3.10']\n",
                "        python: ['3.10']\n        include:\n          - os: ubuntu-latest\n            experimental: true\n",
            ),
        ] {
            let reason = manual_reason(&optional("test (macos-14, 3.10)"), &no_required_leg);
            assert!(reason.contains("main job") && reason.contains("must"), "{reason}");
        }
    }

    /// The leg comes from the log's job name: a crafted one matches no
    /// matrix value, so the only job is never made optional through it.
    #[test]
    fn a_crafted_leg_name_never_makes_the_only_job_optional() {
        let matrix = "on: push\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-14]\n    steps:\n      - run: make test\n";
        for hostile in HOSTILE {
            for name in [format!("test ({hostile})"), format!("test (macos-14, {hostile})")] {
                let out = outcome(&optional(&name), matrix);
                for fix in &out.fixes {
                    assert!(
                        fix.edits
                            .iter()
                            .all(|e| hostile.trim().is_empty() || !e.new_text.contains(hostile.trim())),
                        "{name:?}: {fix:?}"
                    );
                    // Only the real Apple-silicon leg may be named.
                    assert!(fix.title.contains("`os: macos-14` leg"), "{name:?}: {}", fix.title);
                }
                if !name.contains("macos-14") {
                    assert!(out.fixes.is_empty(), "{name:?}: {:?}", out.fixes);
                }
            }
        }
    }

    #[test]
    fn a_job_on_apple_silicon_macos_gets_continue_on_error() {
        let src = "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n  mac:\n    runs-on: macos-latest\n    steps: [{run: make}]\n";
        let out = apply_only(&optional("mac"), src);
        assert!(
            out.contains("    runs-on: macos-latest\n    continue-on-error: true\n"),
            "{out}"
        );
    }
}

#[cfg(test)]
mod experimental_legs {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    const MARKED: &str = "\
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps: [{run: make lint}]
  test:
    runs-on: [self-hosted, linux]
    strategy:
      matrix:
        python: ['3.12', '3.13']
        include:
          - python: '3.14-dev'
            experimental: true
    steps:
      - run: make test
";

    fn optional(job: &str) -> FailureInput {
        FailureInput::new(Category::OptionalJob, None).in_job(job)
    }

    /// The leg the author marked `experimental` is let fail through that
    /// flag; a required leg on the same runner is never covered that way.
    #[test]
    fn only_a_leg_the_matrix_marks_experimental_follows_the_flag() {
        let out = apply_only(&optional("test (3.14-dev)"), MARKED);
        assert_eq!(
            out,
            MARKED.replace(
                "    runs-on: [self-hosted, linux]\n",
                "    runs-on: [self-hosted, linux]\n    continue-on-error: ${{ matrix.experimental }}\n"
            )
        );
        let reason = manual_reason(&optional("test (3.12)"), MARKED);
        assert!(reason.contains("not one its matrix marks `experimental`"), "{reason}");
        // A job named without its matrix values: which leg failed is not
        // known, so no fix that covers only the experimental ones.
        let reason = manual_reason(&optional("test"), MARKED);
        assert!(reason.contains("does not say which leg failed"), "{reason}");
    }
}
