//! The reading side of `.autoheal/failures/` (written by `autoheal diagnose
//! --save`). The format and its tolerant reading are `autoheal_logs::SavedRun`;
//! this module finds the files and re-maps their failures onto the text.
//!
//! A saved failure is shown on the step it happened in. When the workflow
//! changed since the run (its `workflow_hash` no longer matches), the
//! failure is re-mapped by job and step name/number, and dropped when it no
//! longer maps. The fixes saved with it are never offered: a run file is
//! not verified against the text, can be stale, and may not be the
//! reader's own (`.autoheal/failures/` can come with a clone or a pull
//! request). The server makes a failure's fixes again for the text as it is
//! now, from the saved failure, with the generators and verification
//! `autoheal fix` uses (`Analysis::verified`), whatever the file's format
//! version.

use std::path::Path;

use autoheal_engine::Fix;
use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::text::{LineColumn, LineIndex, TextRange};
use autoheal_engine::yaml::Document;
use autoheal_fixes::FailureInput;
use autoheal_logs::{Failure, Span, StepRef};

/// The store's one format is the logs crate's.
pub use autoheal_logs::SavedRun;
pub use autoheal_logs::report::content_hash;

/// Where the store lives, relative to the repository root.
pub use autoheal_logs::report::SAVED_RUNS_DIR as STORE_DIR;
/// Store files larger than this are skipped.
const MAX_STORE_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How much of the store the server reads: a checkout can hold any number of run files
/// (repetitive JSON compresses well in git, so gigabytes of them clone from a small pack), and
/// every run read stays in memory. Past the budget the remaining files are skipped, with one
/// message.
#[derive(Clone, Copy, Debug)]
pub struct StoreBudget {
    pub files: usize,
    pub bytes: u64,
}

pub const STORE_BUDGET: StoreBudget = StoreBudget {
    files: 1_000,
    bytes: 64 * 1024 * 1024,
};

/// A saved failure placed on the current text of its workflow.
#[derive(Clone, Debug)]
pub struct MappedFailure {
    pub range: TextRange,
    /// "failed in run 123 (2026-11-20): …"
    pub message: String,
    pub category: String,
    pub run_url: Option<String>,
    /// The step (or job) it happened in, for hovers.
    pub location: String,
    pub evidence: Vec<String>,
    /// The fixes made for the current text (`Analysis::verified` fills
    /// them); empty as mapped: the run file's own are never read.
    pub fixes: Vec<Fix>,
    /// What the fix generators need to make fixes for the current text.
    pub input: Option<FailureInput>,
}

/// Every readable run file in the store, within [`STORE_BUDGET`]. Unreadable,
/// non-UTF-8 or malformed files are skipped; `errors` says which and why.
pub fn load(root: &Path) -> (Vec<SavedRun>, Vec<String>) {
    load_within(root, STORE_BUDGET)
}

/// [`load`] with a budget: files (by name) past `budget.files`, or past `budget.bytes` read
/// in all, are not read; one error says how many.
pub fn load_within(root: &Path, budget: StoreBudget) -> (Vec<SavedRun>, Vec<String>) {
    let mut runs = Vec::new();
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(root.join(STORE_DIR)) else {
        return (runs, errors);
    };
    // Names only, and not more of them than the budget can use: the directory itself may
    // hold millions of entries.
    let mut paths = Vec::new();
    let mut unlisted = 0usize;
    for path in entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
    {
        if paths.len() < budget.files.saturating_mul(4).max(budget.files) {
            paths.push(path);
        } else {
            unlisted += 1;
        }
    }
    paths.sort();
    let mut read_bytes = 0u64;
    let mut skipped = unlisted;
    for (i, path) in paths.iter().enumerate() {
        if i >= budget.files || read_bytes >= budget.bytes {
            skipped += 1;
            continue;
        }
        let limit = MAX_STORE_FILE_BYTES.min(budget.bytes - read_bytes);
        match read_run(path, limit) {
            Ok((run, size)) => {
                read_bytes += size;
                runs.push(run);
            }
            Err(ReadError::OverBudget) if limit < MAX_STORE_FILE_BYTES => {
                read_bytes = budget.bytes;
                skipped += 1;
            }
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
    if skipped > 0 {
        errors.push(format!(
            "{skipped} more run files in {STORE_DIR}: the language server reads at most {} files and {} MiB of saved runs",
            budget.files,
            budget.bytes / (1024 * 1024)
        ));
    }
    (runs, errors)
}

#[derive(Debug)]
enum ReadError {
    /// Larger than what was left to read.
    OverBudget,
    Other(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::OverBudget => f.write_str("file too large"),
            ReadError::Other(e) => f.write_str(e),
        }
    }
}

/// One run file, read through the shared regular-file reader (a FIFO would block the server
/// on open, a link to a device never ends) and at most `limit` bytes of it.
fn read_run(path: &Path, limit: u64) -> Result<(SavedRun, u64), ReadError> {
    let bytes = autoheal_fs_repo::read_regular(path, limit + 1).map_err(|e| ReadError::Other(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::OverBudget);
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| ReadError::Other("not UTF-8".to_string()))?;
    let run = parse_run(text).map_err(ReadError::Other)?;
    Ok((run, bytes.len() as u64))
}

pub fn parse_run(text: &str) -> Result<SavedRun, String> {
    SavedRun::from_json(text).map_err(|e| e.to_string())
}

/// The most recent run saved for `workflow_path`.
pub fn latest_for<'a>(runs: &'a [SavedRun], workflow_path: &str) -> Option<&'a SavedRun> {
    runs.iter()
        .filter(|r| r.workflow_path == workflow_path)
        .max_by(|a, b| (&a.date, a.run_id).cmp(&(&b.date, b.run_id)))
}

/// Place each failure of `run` on `source`, dropping those that no longer map.
pub fn map_run(run: &SavedRun, source: &str, index: &LineIndex, doc: &Document) -> Vec<MappedFailure> {
    let unchanged = run
        .workflow_hash
        .as_deref()
        .map(|h| h == content_hash(source.as_bytes()));
    let workflow = doc.root.as_ref().map(Workflow::new);
    let mut out = Vec::new();
    for f in &run.failures {
        let span = f.span.as_ref().and_then(|s| span_range(s, source, index));
        let target = locate(f, workflow.as_ref(), source);
        let (range, location) = match (target, span, unchanged) {
            // The recorded span is exact on the unchanged file and finer
            // than the step.
            (Some((_, within, location)), Some(span), Some(true)) if within.cover(span) == within => (span, location),
            (Some((head, _, location)), _, _) => (head, location),
            // No job/step to re-map by: trust the span only when the file is
            // the one analyzed (or the store could not tell).
            (None, Some(span), Some(true) | None) if f.job.is_none() => {
                (span, format!("line {}", index.line_column(source, span.start).line))
            }
            _ => continue,
        };
        let span_still_valid = unchanged != Some(false);
        out.push(MappedFailure {
            input: failure_input(f, span_still_valid),
            range,
            message: message(run, f),
            category: f.category.as_str().to_string(),
            run_url: run.run_url.clone(),
            location,
            evidence: f.evidence.iter().take(5).map(|e| e.text.clone()).collect(),
            fixes: Vec::new(),
        });
    }
    out
}

/// The failure as the fix generators take it. The recorded line/column
/// are only passed on while they still describe the file. The file's claims
/// about where its names came from are not taken
/// ([`FailureInput::without_provenance_claims`]): the file is untrusted; its
/// word that a distribution is one autoheal's tables know would spare an
/// unknown name the check that the repository's dependency files name it,
/// and its word that a runner is self-hosted would make a job on a custom
/// label optional (finfix22 M1).
fn failure_input(f: &Failure, span_still_valid: bool) -> Option<FailureInput> {
    let mut input = FailureInput::from(f).without_provenance_claims();
    input.line = None;
    input.column = None;
    if span_still_valid {
        if let Some(span) = &f.span {
            input.line = Some(span.start.line);
            input.column = Some(span.start.column);
        }
    }
    Some(input)
}

fn message(run: &SavedRun, f: &Failure) -> String {
    let run_label = run
        .run_id
        .map_or_else(|| "a local run".to_string(), |id| format!("run {id}"));
    let date = run
        .date
        .as_deref()
        .map(|d| format!(" ({})", d.get(..10).unwrap_or(d)))
        .unwrap_or_default();
    let text = if f.message.trim().is_empty() {
        f.subject.clone().unwrap_or_else(|| f.category.as_str().to_string())
    } else {
        f.message.clone()
    };
    let mut m = format!(
        "failed in {run_label}{date}: {}\ncategory: {}",
        text.trim(),
        f.category.as_str()
    );
    if let Some(url) = &run.run_url {
        m.push_str(&format!(" · {url}"));
    }
    m
}

fn span_range(span: &Span, source: &str, index: &LineIndex) -> Option<TextRange> {
    if span.start.line == 0 || span.start.line > index.line_count() {
        return None;
    }
    let start = index.offset_of_line_column(
        source,
        LineColumn {
            line: span.start.line,
            column: span.start.column.max(1),
        },
    );
    let end = index.offset_of_line_column(
        source,
        LineColumn {
            line: span.end.line.max(1),
            column: span.end.column.max(1),
        },
    );
    Some(TextRange::new(start, end.max(start)))
}

/// The range of the failure's step (or job) in the current workflow.
/// Returns the range to draw on, the range the failure may lie within, and
/// a description.
fn locate(f: &Failure, workflow: Option<&Workflow<'_>>, source: &str) -> Option<(TextRange, TextRange, String)> {
    let workflow = workflow?;
    let job = find_job(workflow, f.job.as_deref()?)?;
    let Some(step_ref) = &f.step else {
        let whole = job.entry.key.span.cover(job.node().span);
        return Some((job.entry.key.span, whole, format!("job `{}`", job.id)));
    };
    let step = find_step(job, step_ref)?;
    Some((
        step_head(step, source),
        step.node.span,
        format!("step \"{}\" of job `{}`", step.display_name(), job.id),
    ))
}

/// A job by id, `name:`, or matrix display name (`test (ubuntu, 3.12)`).
fn find_job<'w, 'a>(wf: &'w Workflow<'a>, wanted: &str) -> Option<&'w Job<'a>> {
    let base = match wanted.rfind(" (") {
        Some(i) if wanted.ends_with(')') => &wanted[..i],
        _ => wanted,
    };
    [wanted, base]
        .into_iter()
        .find_map(|w| wf.jobs.iter().find(|j| j.id == w || j.name() == Some(w)))
}

fn find_step<'j, 'a>(job: &'j Job<'a>, wanted: &StepRef) -> Option<&'j Step<'a>> {
    // Log step 1 is "Set up job", so `steps[0]` is number 2.
    let by_number = wanted
        .number
        .and_then(|n| n.checked_sub(2))
        .and_then(|i| job.steps.get(i as usize));
    match wanted.name.as_deref() {
        Some(name) => {
            let named: Vec<&Step<'a>> = job.steps.iter().filter(|s| s.display_name() == name).collect();
            named
                .iter()
                .copied()
                .find(|s| by_number.is_some_and(|b| b.index == s.index))
                .or_else(|| named.first().copied())
        }
        None => by_number,
    }
}

/// The step's first line (`- name: …`), where the failure is drawn.
fn step_head(step: &Step<'_>, source: &str) -> TextRange {
    let start = step.node.span.start;
    let end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i)
        .min(step.node.span.end.max(start));
    let end = if end == start { step.node.span.end } else { end };
    TextRange::new(start, end.max(start))
}

#[cfg(test)]
mod tests;
