//! Maps failures onto the workflow file: job by id, `name:` or matrix display
//! name; step by number, `name:` or `Run <first line>` header; a bash
//! `line N` to the exact line of the `run:` block; `::error file=,line=` to
//! that file and line.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::rules::runner_label::{Machine, machine};
use autoheal_engine::text::{LineColumn, LineIndex, TextRange};
use autoheal_engine::yaml::{self, Node, NodeKind, ScalarStyle};

use crate::events::named_after_script;
use crate::report::{
    Category, DEFAULT_JOB_LIMIT_MINUTES, Failure, LimitScope, Position, RunnerFailure, Span, SubjectDetail,
};

mod chosen_arch;
pub mod python;
mod runner;

pub use runner::experimental_leg;

/// Sets `span` on every failure that can be located in `text` (the workflow
/// at `path`); fills a missing time limit from `timeout-minutes`.
pub fn map_failures(failures: &mut [Failure], path: &str, text: &str) {
    let doc = yaml::parse(text.as_bytes());
    let index = LineIndex::new(text);
    let workflow = doc.root.as_ref().map(Workflow::new);
    let ctx = Ctx {
        path,
        text,
        index: &index,
    };
    let mut ignored = Vec::with_capacity(failures.len());
    for failure in failures.iter_mut() {
        if let Some(workflow) = workflow.as_ref() {
            refine(failure, workflow);
        }
        ignored.push(workflow.as_ref().is_some_and(|w| in_ignored_step(failure, w)));
        failure.span = locate(failure, workflow.as_ref(), &ctx);
    }
    demote_ignored(failures, &ignored);
}

/// The failure's step did not fail the job, or not first: it has
/// `continue-on-error: true` (an expression may be true on some legs only,
/// and is not read), or its `if:` runs it after a failure (`failure()`,
/// `always()`, `cancelled()`: a notification, an upload or a teardown that
/// then fails itself is a second failure; with no other failure it is the
/// only one, and stays first).
fn in_ignored_step(failure: &Failure, workflow: &Workflow<'_>) -> bool {
    let Some(step) = find_job(workflow, failure.job.as_deref(), failure).and_then(|job| find_step(job, failure)) else {
        return false;
    };
    let continues = step.get("continue-on-error").and_then(Node::as_bool) == Some(true);
    let after_failure = step.get("if").and_then(Node::as_str).is_some_and(runs_after_failure);
    continues || after_failure
}

/// Whether an `if:` runs its step (or job) after a failure: it calls `always()`, `failure()`
/// without negating it, or `!cancelled()`, which GitHub's documentation recommends for "run
/// regardless of success or failure" (a status function replaces the implicit `success()`).
/// `!failure()` and a bare `cancelled()` run only when nothing failed, or only on a cancel.
/// The other parts of the condition are not evaluated: the step can run after a failure.
pub fn runs_after_failure(cond: &str) -> bool {
    static STATUS_CALL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(!?)\s*\b(failure|always|cancelled)\(\s*\)").expect("a valid pattern")
    });
    STATUS_CALL.captures_iter(cond).any(|c| match &c[2] {
        "cancelled" => !c[1].is_empty(),
        "failure" => c[1].is_empty(),
        _ => true,
    })
}

/// Failures of steps the workflow lets fail come after every other failure
/// (the root cause is what failed the job), never fixed. With nothing else
/// in the log they stay first: they are all there is to show.
fn demote_ignored(failures: &mut [Failure], ignored: &[bool]) {
    if !ignored.iter().any(|i| !i) {
        return;
    }
    for (failure, _) in failures.iter_mut().zip(ignored).filter(|(_, i)| **i) {
        failure.fixable = false;
        failure.message.push_str(
            " Its step has `continue-on-error: true` or runs after a failure (`if:`), so this did not fail the job \
             first; the other failure did.",
        );
    }
    let mut order: Vec<usize> = (0..failures.len()).collect();
    order.sort_by_key(|&i| ignored[i]);
    let sorted: Vec<Failure> = order.iter().map(|&i| failures[i].clone()).collect();
    failures.clone_from_slice(&sorted);
}

/// What only the workflow can decide: whether a cancel came at the job's time
/// limit, whether a runner-tied failure ran on a runner that may be made
/// optional, and whether a module of a newer standard library failed on a
/// Python the job pins (which a fix can raise).
fn refine(failure: &mut Failure, workflow: &Workflow<'_>) {
    let Some(job) = find_job(workflow, failure.job.as_deref(), failure) else {
        return;
    };
    match failure.detail.clone() {
        SubjectDetail::Canceled {
            elapsed_minutes: Some(elapsed),
        } if !failure.consequence => {
            // Only the job's limit: a step that reaches its own
            // `timeout-minutes` fails with the runner's `has timed out`, never
            // with a bare cancel, so a step limit below the elapsed time says
            // nothing (a concurrency cancel ten minutes into a job whose
            // deploy step may take five).
            let limit = job
                .get("timeout-minutes")
                .and_then(Node::as_number)
                .filter(|m| *m > 0.0 && *m < 1e6)
                .map_or(DEFAULT_JOB_LIMIT_MINUTES, |m| m.ceil() as u32);
            // The log's first timestamp is at most a minute after the job began.
            if elapsed + 1 >= limit {
                failure.category = Category::Timeout;
                failure.subject = Some(limit.to_string());
                failure.detail = SubjectDetail::Limit {
                    minutes: limit,
                    scope: LimitScope::Job,
                };
                failure.fixable = true;
                failure.confidence = 0.8;
                failure.message =
                    format!("The job was canceled after running {elapsed} minutes, at its {limit}-minute time limit.");
            } else {
                failure.message = format!(
                    "The job was canceled after {elapsed} minutes, before its {limit}-minute time limit: not a \
                     timeout (concurrency, fail-fast or a person canceled it)."
                );
            }
        }
        SubjectDetail::Runner {
            failure: kind,
            runner: from_log,
            job: job_name,
            only_on,
            ..
        } => {
            let base = crate::report::without_workflow_note(&failure.message);
            match runner::confirm(job, failure.job.as_deref(), from_log, only_on) {
                // A hosted runner's loss the log could not place (no image
                // line) is runner-tied only once `runs-on` names an ARM64
                // Linux or Windows image (or a larger runner's ARM64 label):
                // a hosted Mac losing its runner stays GitHub's
                // infrastructure (issue 12's labelled case 053), and so does
                // an experimental x64 leg.
                runner::Confirmation::Runner(label) | runner::Confirmation::ExperimentalLeg(label)
                    if failure.category == Category::Unknown && machine(&label) != Some(Machine::Arm64) => {}
                runner::Confirmation::Runner(label) | runner::Confirmation::ExperimentalLeg(label)
                    if kind == RunnerFailure::ArchitectureMismatch
                        && find_step(job, failure).and_then(chosen_arch::chosen_by).is_some() =>
                {
                    let step = find_step(job, failure);
                    let how = step.and_then(chosen_arch::chosen_by).unwrap_or_default();
                    let name = step.map(Step::display_name).unwrap_or_default();
                    failure.fixable = false;
                    failure.message = format!(
                        "{base} The workflow runs job `{}` on `{label}`, but the failing step \"{name}\" chooses the \
                         architecture itself ({how}): every run on that runner fails the same way, a configuration \
                         error rather than a flaky runner, so the job is not made optional (choose the runner's \
                         architecture in the step, or a runner of the one it names).",
                        job.id
                    );
                }
                runner::Confirmation::Runner(label) | runner::Confirmation::ExperimentalLeg(label) => {
                    if failure.category == Category::Unknown {
                        failure.category = Category::OptionalJob;
                        failure.subject = Some(kind.as_str().to_string());
                    }
                    failure.fixable = !failure.consequence;
                    failure.detail = SubjectDetail::Runner {
                        failure: kind,
                        runner: from_log,
                        job: job_name.or_else(|| Some(job.id.to_string())),
                        confirmed_runs_on: Some(label.clone()),
                        only_on,
                    };
                    failure.message = format!(
                        "{base} The workflow runs job `{}` on `{label}`, a runner this failure is tied to: the job \
                         (or that matrix leg) can be made non-blocking.",
                        job.id
                    );
                }
                runner::Confirmation::Refuted(label) if only_on.is_some() => {
                    failure.fixable = false;
                    failure.message = format!(
                        "{base} But the workflow runs job `{}` on `{label}`, not an Apple-silicon Mac: there the \
                         library is really missing (install it, or use a build of the tool that does not need it).",
                        job.id
                    );
                }
                runner::Confirmation::Refuted(label)
                    if matches!(kind, RunnerFailure::LostCommunication | RunnerFailure::ShutdownSignal) =>
                {
                    // A lost or stopped standard hosted runner is GitHub's
                    // infrastructure, not a runner-tied failure: rerun.
                    failure.fixable = false;
                    failure.category = Category::Unknown;
                    failure.subject = None;
                    failure.detail = SubjectDetail::None;
                    failure.message = format!(
                        "{base} But the workflow runs job `{}` on `{label}`, a standard x64 GitHub-hosted runner: \
                         GitHub's infrastructure lost the machine, not a runner the job chose; rerun the job.",
                        job.id
                    );
                }
                runner::Confirmation::Refuted(label) => {
                    failure.fixable = false;
                    failure.message = format!(
                        "{base} But the workflow runs job `{}` on `{label}`, an x64 GitHub-hosted image: making it \
                         optional would hide a real failure (add emulation, or use a tool built for the runner).",
                        job.id
                    );
                }
                runner::Confirmation::Unknown if only_on.is_some() => {
                    failure.fixable = false;
                    failure.message = format!(
                        "{base} The workflow does not show that job `{}` runs on an Apple-silicon Mac, the only \
                         machine where this is a runner mismatch (elsewhere the library is simply missing): not \
                         fixable.",
                        job.id
                    );
                }
                runner::Confirmation::Unknown => {}
            }
        }
        SubjectDetail::NewerStdlib {
            module,
            added_in,
            python: ran,
        } if !failure.consequence => {
            let step = find_step(job, failure);
            match python::python_pin(job, step.map(|s| s.index)) {
                Ok(pin) if pin.version < added_in && ran.is_none_or(|r| r == pin.version) => {
                    failure.category = Category::MissingDependency;
                    failure.subject = Some(module.clone());
                    failure.fixable = true;
                    failure.confidence = 0.8;
                    failure.message = format!(
                        "'{module}' is in Python's standard library only from {added_in}, and job `{}` sets up Python {} (step \"{}\"): the job needs Python {added_in} or newer; no distribution provides '{module}'.",
                        job.id,
                        pin.version,
                        pin.step.display_name()
                    );
                }
                Ok(pin) => failure.message.push_str(&format!(
                    " The workflow sets up Python {} for job `{}`, so the Python that failed is not the one it pins.",
                    pin.version, job.id
                )),
                Err(why) => failure
                    .message
                    .push_str(&format!(" Not fixable in the workflow: {why}.")),
            }
        }
        _ => {}
    }
}

struct Ctx<'a> {
    path: &'a str,
    text: &'a str,
    index: &'a LineIndex,
}

impl Ctx<'_> {
    fn span(&self, range: TextRange) -> Span {
        let start = self.index.line_column(self.text, range.start);
        let end = self.index.line_column(self.text, range.end);
        Span {
            path: self.path.to_string(),
            start: Position {
                line: start.line,
                column: start.column,
            },
            end: Position {
                line: end.line,
                column: end.column,
            },
            range: Some((range.start, range.end)),
        }
    }

    /// The 1-based line's text without indentation (or the column onwards).
    fn line_span(&self, line: u32, column: Option<u32>) -> Option<Span> {
        let start = self.index.line_start(line)?;
        let rest = &self.text[start..];
        let end = start + rest.find('\n').unwrap_or(rest.len());
        let line_text = &self.text[start..end];
        let from = match column {
            Some(c) => self
                .index
                .offset_of_line_column(self.text, LineColumn { line, column: c }),
            None => start + (line_text.len() - line_text.trim_start().len()),
        };
        let to = start + line_text.trim_end().len();
        Some(self.span(TextRange::new(from.min(to), to)))
    }

    fn is_this_file(&self, file: &str) -> bool {
        let file = file.trim_start_matches("./");
        file == self.path || self.path.ends_with(&format!("/{file}")) || file.ends_with(&format!("/{}", self.path))
    }
}

fn locate(failure: &mut Failure, workflow: Option<&Workflow<'_>>, ctx: &Ctx<'_>) -> Option<Span> {
    if let SubjectDetail::WorkflowLocation { path, line, column } = &failure.detail {
        if *line == 0 || path.as_deref().is_some_and(|p| !ctx.is_this_file(p)) {
            return None;
        }
        return ctx.line_span(*line, *column);
    }
    if let Some(file) = failure.location.file.clone() {
        let line = failure.location.line.unwrap_or(1);
        if ctx.is_this_file(&file) {
            return ctx.line_span(line, failure.location.column);
        }
        let column = failure.location.column.unwrap_or(1);
        return Some(Span {
            path: file,
            start: Position { line, column },
            end: Position { line, column },
            range: None,
        });
    }
    let workflow = workflow?;
    let job = find_job(workflow, failure.job.as_deref(), failure)?;
    let step = find_step(job, failure);
    if failure.category == Category::Timeout {
        fill_limit(failure, job, step);
    }
    let Some(step) = step else {
        return Some(ctx.span(job.entry.key.span));
    };
    if let (Some(n), Some(run)) = (failure.location.script_line, step.run()) {
        if let Some(span) = script_line_span(run, n, ctx) {
            return Some(span);
        }
    }
    if let Some(needle) = needle_of(failure) {
        if let Some(at) = find_word(ctx.text, step.node.span, &needle) {
            return Some(ctx.span(TextRange::new(at, at + needle.len())));
        }
    }
    let node = step.run().or_else(|| step.get("uses")).unwrap_or(step.node);
    Some(ctx.span(node.span))
}

/// The job a failure belongs to: by id, by `name:`, by a matrix display
/// name `name (a, b)` or a `name:` template, when exactly one job could show
/// as it ([`shows_as`]) and that match [`identifies`] it (a name two jobs'
/// templates can both show as, one only an all-expression template shows
/// as, or one no job shows as, identifies none: a span in the wrong job is
/// worse than none); with no job name, the only job or the one whose steps
/// match the failure's step.
fn find_job<'w, 'a>(workflow: &'w Workflow<'a>, name: Option<&str>, failure: &Failure) -> Option<&'w Job<'a>> {
    if let Some(name) = name {
        if let Some(exact) = workflow.jobs.iter().find(|j| j.id == name || j.name() == Some(name)) {
            return Some(exact);
        }
        let mut shown = workflow.jobs.iter().filter(|j| shows_as(j, name));
        return match (shown.next(), shown.next()) {
            (Some(one), None) if identifies(one, name) => Some(one),
            _ => None,
        };
    }
    if workflow.jobs.len() == 1 {
        return workflow.jobs.first();
    }
    workflow
        .jobs
        .iter()
        .find(|j| find_step(j, failure).is_some_and(|_| failure.step.as_ref().is_some_and(|s| s.name.is_some())))
}

/// `test (ubuntu-latest, 3.12)` → `test`.
fn matrix_base(name: &str) -> &str {
    match name.rfind(" (") {
        Some(at) if name.ends_with(')') => &name[..at],
        _ => name,
    }
}

/// `Test ${{ matrix.os }}` matches `Test ubuntu-latest`: the literal parts
/// around expressions must match in order, and an expression that reads a
/// matrix value with literal string values in the job's matrix must be one
/// of them (`Test coverage` is not `Test ${{ matrix.os }}` when the matrix
/// lists `ubuntu-latest` and `macos-latest`; a name from another workflow
/// would otherwise find this job and get its fix). Any other expression
/// may stand for any text.
fn expression_template_matches(job: &Job<'_>, template: &str, shown: &str) -> bool {
    /// Names GitHub shows are short; longer input is no job name.
    const MAX_SHOWN: usize = 512;
    if !template.contains("${{") || shown.len() > MAX_SHOWN {
        return false;
    }
    let parts = template_parts(job, template);
    let mut failed = std::collections::HashSet::new();
    parts_match(&parts, 0, shown, 0, &mut failed)
}

/// Whether a `name:` template says anything about the name a run shows:
/// some literal text besides spaces, or an expression whose values the
/// job's matrix lists. `${{ matrix.name }}` over a computed matrix, or
/// `${{ inputs.label }}`, matches every name, so it identifies no job.
pub fn template_constrains(job: &Job<'_>, template: &str) -> bool {
    template.contains("${{")
        && template_parts(job, template).iter().any(|p| match p {
            Part::Literal(l) => !l.trim().is_empty(),
            Part::Value(values) => values.is_some(),
        })
}

/// `Test ${{ matrix.os }}` → literal `Test `, the values `matrix.os` takes,
/// literal ``.
fn template_parts<'t>(job: &Job<'_>, template: &'t str) -> Vec<Part<'t>> {
    let mut parts: Vec<Part> = Vec::new();
    let mut t = template;
    while let Some(open) = t.find("${{") {
        parts.push(Part::Literal(&t[..open]));
        let (expr, rest) = match t[open..].find("}}") {
            Some(close) => (&t[open..open + close + 2], &t[open + close + 2..]),
            None => (&t[open..], ""),
        };
        parts.push(Part::Value(matrix_strings(job, expr)));
        t = rest;
    }
    parts.push(Part::Literal(t));
    parts
}

enum Part<'t> {
    Literal(&'t str),
    /// The values an expression can show, when they are known.
    Value(Option<Vec<String>>),
}

/// The literal string values `${{ matrix.<path> }}` takes in the job's
/// matrix, or `None` when they are unknown (another expression, a value
/// computed or not a string, whose shown form this does not model).
fn matrix_strings(job: &Job<'_>, expr: &str) -> Option<Vec<String>> {
    let path = autoheal_engine::model::matrix_reference(expr)?;
    let nodes = job.matrix_values(&path);
    if nodes.is_empty() {
        return None;
    }
    nodes
        .iter()
        .map(|n| match &n.kind {
            NodeKind::Scalar(s) if s.style != ScalarStyle::Plain || n.as_number().is_none() => {
                (!n.is_expression() && !n.is_null()).then(|| s.value.clone())
            }
            _ => None,
        })
        .collect()
}

/// Whether `shown[at..]` matches `parts[i..]`; `failed` remembers positions
/// already tried, so the search is polynomial.
fn parts_match(
    parts: &[Part<'_>],
    i: usize,
    shown: &str,
    at: usize,
    failed: &mut std::collections::HashSet<(usize, usize)>,
) -> bool {
    let rest = &shown[at..];
    let Some(part) = parts.get(i) else {
        return rest.is_empty();
    };
    if failed.contains(&(i, at)) {
        return false;
    }
    let found = match part {
        Part::Literal(l) => rest.starts_with(l) && parts_match(parts, i + 1, shown, at + l.len(), failed),
        Part::Value(Some(values)) => values
            .iter()
            .any(|v| rest.starts_with(v.as_str()) && parts_match(parts, i + 1, shown, at + v.len(), failed)),
        Part::Value(None) => (0..=rest.len())
            .filter(|k| rest.is_char_boundary(*k))
            .any(|k| parts_match(parts, i + 1, shown, at + k, failed)),
    };
    if !found {
        failed.insert((i, at));
    }
    found
}

fn find_step<'j, 'a>(job: &'j Job<'a>, failure: &Failure) -> Option<&'j Step<'a>> {
    let step_ref = failure.step.as_ref()?;
    if let Some(number) = step_ref.number {
        // Log step 1 is the implicit "Set up job".
        if let Some(index) = number.checked_sub(2) {
            if let Some(step) = job.steps.get(index as usize) {
                return Some(step);
            }
        }
    }
    let name = step_ref.name.as_deref()?.trim();
    let header = name.strip_prefix("Run ").unwrap_or(name);
    job.steps
        .iter()
        .find(|s| s.name().is_some_and(|n| n.trim() == name))
        .or_else(|| {
            job.steps.iter().find(|s| {
                s.run()
                    .and_then(Node::as_str)
                    .is_some_and(|r| named_after_script(name, r))
                    || s.uses() == Some(header)
                    || s.display_name() == name
            })
        })
}

/// Takes the limit from `timeout-minutes` (step first, then job) when the
/// log did not state it.
fn fill_limit(failure: &mut Failure, job: &Job<'_>, step: Option<&Step<'_>>) {
    if failure.subject.is_some() || failure.consequence {
        return;
    }
    let node = step
        .and_then(|s| s.get("timeout-minutes"))
        .or_else(|| job.get("timeout-minutes"));
    if let Some(minutes) = node.and_then(Node::as_number).filter(|m| *m > 0.0 && *m < 1e6) {
        let minutes = minutes.ceil() as u32;
        failure.subject = Some(minutes.to_string());
        failure.detail = SubjectDetail::Limit {
            minutes,
            scope: LimitScope::Unknown,
        };
        failure.fixable = true;
    }
}

/// Line `n` of a literal `run: |` block → that YAML line.
fn script_line_span(run: &Node, n: u32, ctx: &Ctx<'_>) -> Option<Span> {
    let NodeKind::Scalar(scalar) = &run.kind else {
        return None;
    };
    let header = ctx.index.line_column(ctx.text, run.span.start).line;
    match scalar.style {
        ScalarStyle::Literal => ctx.line_span(header + n, None),
        _ if n == 1 => Some(ctx.span(run.span)),
        _ => None,
    }
}

/// The literal text a failure is about, to point at it inside the step.
fn needle_of(failure: &Failure) -> Option<String> {
    match &failure.detail {
        SubjectDetail::Command { name, .. } => Some(name.clone()),
        SubjectDetail::PytestPlugin { trigger, .. } if trigger.starts_with('-') => {
            Some(trigger.split('=').next().unwrap_or(trigger).to_string())
        }
        SubjectDetail::Path { path } => Some(path.clone()),
        _ => None,
    }
}

/// Where `word` appears whole (an identifier's or a path's part: `_`
/// continues it; a directory's trailing `/` may be followed by anything)
/// inside `range` of `text`.
fn find_word(text: &str, range: TextRange, word: &str) -> Option<usize> {
    let hay = text.get(range.start..range.end.min(text.len()))?;
    crate::words::find_word(hay, word, crate::words::WordChars::Identifier).map(|at| range.start + at)
}

#[cfg(test)]
mod tests;

/// Could `name` be how a run shows this job (its id or `name:`, a matrix
/// leg's suffix and `name:` expressions allowed)? The fixes find a job by it
/// too; callers that pick one job take it only when no other job could show
/// as `name` and it [`identifies`] the job.
pub fn shows_as(j: &Job<'_>, name: &str) -> bool {
    let base = matrix_base(name);
    j.id == name
        || j.name() == Some(name)
        || j.id == base
        || j.name() == Some(base)
        || j.name().is_some_and(|n| expression_template_matches(j, n, name))
}

/// [`shows_as`], by something that says which job it is: its id, its
/// `name:`, or a `name:` template that [`template_constrains`]. A template
/// made only of expressions with unknown values (`${{ inputs.label }}`)
/// could show as `name` ([`shows_as`], so it makes another match ambiguous)
/// but never identifies a job by itself.
pub fn identifies(j: &Job<'_>, name: &str) -> bool {
    shows_as(j, name)
        && (j.id == name
            || j.id == matrix_base(name)
            || j.name()
                .is_some_and(|n| !n.contains("${{") || template_constrains(j, n)))
}

/// `unit / test (3.12)` → (`unit`, `test (3.12)`): a run shows a job of a
/// called (reusable) workflow as the calling job's name, ` / `, and the
/// called job's name; with workflows calling workflows, the last two.
pub fn called_job_name(name: &str) -> Option<(&str, &str)> {
    let (head, callee) = name.rsplit_once(" / ")?;
    let caller = head.rsplit(" / ").next().unwrap_or(head);
    (!caller.trim().is_empty() && !callee.trim().is_empty()).then_some((caller, callee))
}

/// Some workflow among `candidates` has a job shown as `caller` that calls
/// the workflow at `path` (`uses: ./{path}`).
fn calls(candidates: &[(String, String)], caller: &str, path: &str) -> bool {
    candidates.iter().any(|(_, text)| {
        let doc = autoheal_engine::yaml::parse(text.as_bytes());
        doc.root.as_ref().is_some_and(|root| {
            Workflow::new(root).jobs.iter().any(|j| {
                identifies(j, caller)
                    && j.get("uses")
                        .and_then(Node::as_str)
                        .and_then(|u| u.trim().strip_prefix("./"))
                        .is_some_and(|u| u == path)
            })
        })
    })
}

/// Which of several workflow files `(path, text)` a failed run came from:
/// the file a log line names (`::error file=` / an invalid-workflow message),
/// else the only one that defines a job named in the logs (one it
/// [`identifies`]: an all-expression `name:` defines no name). Returns its index
/// and the reason, for the user.
pub fn locate_workflow(analysis: &crate::Analysis, candidates: &[(String, String)]) -> Option<(usize, String)> {
    for f in &analysis.failures {
        let named = match &f.detail {
            SubjectDetail::WorkflowLocation { path: Some(path), .. } => Some(path),
            _ => f.location.file.as_ref(),
        };
        if let Some(file) = named {
            let file = file.trim_start_matches("./");
            if let Some(i) = candidates
                .iter()
                .position(|(p, _)| p == file || p.ends_with(&format!("/{file}")))
            {
                return Some((i, format!("the log names {file}")));
            }
        }
    }
    let mut hits: Vec<(usize, String)> = Vec::new();
    for (i, (_, text)) in candidates.iter().enumerate() {
        let doc = autoheal_engine::yaml::parse(text.as_bytes());
        let Some(root) = doc.root.as_ref() else { continue };
        let wf = Workflow::new(root);
        for f in &analysis.failures {
            let Some(name) = f.job.as_deref() else { continue };
            let named = wf.jobs.iter().any(|j| identifies(j, name))
                || called_job_name(name).is_some_and(|(caller, callee)| {
                    wf.is_reusable()
                        && wf.jobs.iter().any(|j| identifies(j, callee))
                        && calls(candidates, caller, &candidates[i].0)
                });
            if named && !hits.iter().any(|(h, _)| *h == i) {
                hits.push((i, name.to_string()));
            }
        }
    }
    match hits.as_slice() {
        [(i, job)] => Some((
            *i,
            format!("it is the only workflow that defines job `{job}`, which failed in the log"),
        )),
        [] if candidates.len() == 1 => Some((0, "it is the repository's only workflow".to_string())),
        _ => None,
    }
}
