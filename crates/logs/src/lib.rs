//! Reads failed-run logs and finds the root cause of each failure.
//!
//! I/O free: everything takes bytes (or a reader) and returns structs.
//! Entry points:
//! - [`analyze`] / [`Analyzer::analyze`]: logs (raw API text, web-UI copy,
//!   `gh run view --log-failed` output, run-logs zip), annotations JSON and
//!   optionally the workflow text →
//!   [`Analysis`] (the `diagnose --format json` shape);
//! - [`Analyzer::analyze_reader`]: the same for one streamed text log, with
//!   memory that does not grow with the log (`cargo xtask bench logs`);
//! - [`Analyzer::session`]: logs and annotations added one at a time, text
//!   logs streamed from readers and zips read from seekable ones (what the
//!   CLI does, so a 1 GB log is never held in memory);
//! - [`read_log_set`]: the log as jobs/steps/lines, for display.

pub mod annotations;
pub mod classify;
pub mod elsewhere;
pub mod error;
pub mod events;
pub mod ghlog;
pub mod knowledge;
pub mod line;
pub mod logset;
pub mod mapping;
pub mod report;
pub mod shell_lex;
pub mod stream;
pub mod subject;
pub mod words;
pub mod zipped;

use std::io::{Read, Seek};

pub use classify::custom::CustomPattern;
pub use error::LogError;
pub use logset::{JobLog, LogLine, LogSet, StepLog};
pub use report::{
    Analysis, Category, Ecosystem, Evidence, Failure, LimitScope, LogLocation, Position, PythonVersion,
    RateLimitService, RunnerClass, RunnerFailure, SavedRun, Span, StepRef, SubjectDetail,
};
pub use zipped::ZipLimits;

use classify::Classifier;
use classify::custom::CustomRules;
use events::LogSink;
use ghlog::LineFeeder;

/// The most bytes of one streamed text log that are read; past it the log is
/// refused ([`LogError::TextTooLarge`]) instead of read forever. The same as
/// the zip reader's decompressed budget.
pub const MAX_TEXT_LOG_BYTES: u64 = 4 << 30;

/// One log file: raw API text, a web-UI copy, or a run-logs zip (detected
/// from the bytes).
#[derive(Clone, Copy, Debug)]
pub struct LogFile<'a> {
    /// The job the text log belongs to, when the caller knows it (zips name
    /// their jobs themselves).
    pub job: Option<&'a str>,
    pub bytes: &'a [u8],
}

/// The workflow file the run came from.
#[derive(Clone, Copy, Debug)]
pub struct WorkflowFile<'a> {
    /// Repository-relative path, e.g. `.github/workflows/ci.yml`.
    pub path: &'a str,
    pub text: &'a str,
}

#[derive(Clone, Debug, Default)]
pub struct LogInput<'a> {
    pub logs: Vec<LogFile<'a>>,
    /// Check-run annotations JSON documents.
    pub annotations: Vec<LogFile<'a>>,
    pub workflow: Option<WorkflowFile<'a>>,
    /// The job's conclusion from the API (`failure`, `cancelled`, …).
    pub job_conclusion: Option<&'a str>,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub zip_limits: ZipLimits,
    /// From `.github/autoheal.yml`; checked before the built-in rules.
    pub custom_patterns: Vec<CustomPattern>,
    /// Import names of the project's own packages (e.g. from pyproject.toml
    /// or the repository name); a missing one means `pip install -e .`.
    pub own_packages: Vec<String>,
}

/// Compiled rules; build once, analyze many logs.
#[derive(Clone, Debug)]
pub struct Analyzer {
    classifier: Classifier,
    zip_limits: ZipLimits,
}

impl Analyzer {
    pub fn new(options: &Options) -> Result<Analyzer, LogError> {
        let custom = if options.custom_patterns.is_empty() {
            None
        } else {
            Some(CustomRules::new(&options.custom_patterns).map_err(|e| LogError::BadPattern(e.to_string()))?)
        };
        Ok(Analyzer {
            classifier: Classifier::new(custom, &options.own_packages),
            zip_limits: options.zip_limits,
        })
    }

    pub fn analyze(&self, input: &LogInput<'_>) -> Result<Analysis, LogError> {
        let mut session = self.session();
        for file in &input.annotations {
            session.add_annotations(file)?;
        }
        for file in &input.logs {
            session.add_log(file)?;
        }
        Ok(session.finish(input.workflow, input.job_conclusion))
    }

    /// An analysis fed one input at a time.
    pub fn session(&self) -> Session<'_> {
        Session {
            scanner: self.classifier.scanner(),
            zip_limits: self.zip_limits,
            text_limit: MAX_TEXT_LOG_BYTES,
        }
    }

    /// Analyzes one text log read from `reader` without holding it in
    /// memory: only candidate lines, step headers and a few recent lines are
    /// kept.
    pub fn analyze_reader<R: Read>(&self, reader: R, workflow: Option<WorkflowFile<'_>>) -> Result<Analysis, LogError> {
        let mut scanner = self.classifier.scanner();
        scanner.begin_job(None);
        let mut feeder = LineFeeder::new();
        stream::for_each_line_in(reader, |n, l| feeder.feed(n, l, &mut scanner))
            .map_err(|e| LogError::Io(e.to_string()))?;
        feeder.finish(&mut scanner);
        Ok(finish(scanner.finish(), workflow, None))
    }
}

/// Logs and annotations of one run, added one at a time; memory stays at
/// what the classifier keeps (candidate lines, step headers), whatever the
/// size of the logs streamed through it.
pub struct Session<'a> {
    scanner: classify::Scanner<'a>,
    zip_limits: ZipLimits,
    text_limit: u64,
}

impl Session<'_> {
    /// A smaller budget for streamed text logs than [`MAX_TEXT_LOG_BYTES`].
    pub fn with_text_limit(mut self, limit: u64) -> Self {
        self.text_limit = limit;
        self
    }

    /// A check-run annotations JSON document.
    pub fn add_annotations(&mut self, file: &LogFile<'_>) -> Result<(), LogError> {
        let list = annotations::parse_annotations(file.bytes)?;
        annotations::feed_annotations(&list, file.job, &mut self.scanner);
        Ok(())
    }

    /// One log in memory: text, web-UI copy, annotations or zip (detected).
    pub fn add_log(&mut self, file: &LogFile<'_>) -> Result<(), LogError> {
        feed_file(file, self.zip_limits, &mut self.scanner)
    }

    /// One text log streamed from `reader`, at most [`MAX_TEXT_LOG_BYTES`]
    /// (lines past [`stream::MAX_LINE_BYTES`] are cut). Returns the bytes read.
    pub fn add_text_reader<R: Read>(&mut self, job: Option<&str>, reader: R) -> Result<u64, LogError> {
        self.scanner.begin_job(job);
        let mut feeder = LineFeeder::new();
        let scanner = &mut self.scanner;
        let read = stream::for_each_line_in(reader.take(self.text_limit.saturating_add(1)), |n, l| {
            feeder.feed(n, l, scanner)
        })
        .map_err(|e| LogError::Io(e.to_string()))?;
        feeder.finish(scanner);
        if read > self.text_limit {
            return Err(LogError::TextTooLarge { limit: self.text_limit });
        }
        Ok(read)
    }

    /// A run-logs zip read entry by entry from a seekable reader.
    pub fn add_zip_reader<R: Read + Seek>(&mut self, reader: R) -> Result<(), LogError> {
        zipped::read_run_zip_from(reader, self.zip_limits, &mut self.scanner)
    }

    /// The analysis, mapped onto `workflow` when given.
    pub fn finish(self, workflow: Option<WorkflowFile<'_>>, conclusion: Option<&str>) -> Analysis {
        finish(self.scanner.finish(), workflow, conclusion)
    }
}

impl Analysis {
    /// Maps failures found without a workflow onto one (the CLI reads a log
    /// once, then maps it onto the workflow it finds).
    pub fn map_onto(&mut self, workflow: WorkflowFile<'_>) {
        mapping::map_failures(&mut self.failures, workflow.path, workflow.text);
    }
}

/// A job's time limit is often seen twice: in its check run's annotations,
/// which have no timestamps, and in its log. How long the log had been
/// silent before the limit (`LogLocation::silent_minutes`) holds for both.
fn share_silence(failures: &mut [Failure]) {
    let stopped = |f: &Failure| matches!(f.detail, SubjectDetail::Limit { .. } | SubjectDetail::Canceled { .. });
    let known: Vec<(Option<String>, u32)> = failures
        .iter()
        .filter(|f| stopped(f))
        .filter_map(|f| f.location.silent_minutes.map(|m| (f.job.clone(), m)))
        .collect();
    for f in failures
        .iter_mut()
        .filter(|f| stopped(f) && f.location.silent_minutes.is_none())
    {
        if let Some((_, m)) = known.iter().find(|(job, _)| *job == f.job) {
            f.location.silent_minutes = Some(*m);
        }
    }
}

fn feed_file(file: &LogFile<'_>, limits: ZipLimits, sink: &mut dyn LogSink) -> Result<(), LogError> {
    if zipped::looks_like_zip(file.bytes) {
        return zipped::read_run_zip(file.bytes, limits, sink);
    }
    if annotations::looks_like_annotations(file.bytes) {
        if let Ok(list) = annotations::parse_annotations(file.bytes) {
            annotations::feed_annotations(&list, file.job, sink);
            return Ok(());
        }
    }
    sink.begin_job(file.job);
    let mut feeder = LineFeeder::new();
    stream::for_each_line(file.bytes, |n, l| feeder.feed(n, l, sink));
    feeder.finish(sink);
    Ok(())
}

fn finish(mut failures: Vec<Failure>, workflow: Option<WorkflowFile<'_>>, conclusion: Option<&str>) -> Analysis {
    drop_unlocated_repeats(&mut failures);
    share_silence(&mut failures);
    if conclusion == Some("cancelled") {
        for f in failures
            .iter_mut()
            .filter(|f| f.category == Category::Timeout && !f.consequence)
        {
            f.confidence = f.confidence.max(0.7);
        }
    }
    if let Some(workflow) = workflow {
        mapping::map_failures(&mut failures, workflow.path, workflow.text);
    }
    failures.iter_mut().for_each(report::no_fix_at_the_cap);
    Analysis::new(failures)
}

/// One failure seen twice: a job-level annotation ("exceeded the maximum
/// execution time of 30 minutes") says what the job's log says too. The
/// copy that locates nothing (no job, no step, no file) goes; the one that
/// does stays, with the higher confidence of the two. Failures that differ
/// in category, subject or detail are different failures.
fn drop_unlocated_repeats(failures: &mut Vec<Failure>) {
    let unlocated = |f: &Failure| f.job.is_none() && f.step.is_none() && f.location == Default::default();
    let mut i = 0;
    while i < failures.len() {
        let repeat = unlocated(&failures[i])
            && failures.iter().enumerate().any(|(j, other)| {
                j != i
                    && !unlocated(other)
                    && other.category == failures[i].category
                    && other.subject == failures[i].subject
                    && other.detail == failures[i].detail
                    && other.consequence == failures[i].consequence
            });
        if repeat {
            let gone = failures.remove(i);
            for f in failures.iter_mut() {
                if f.category == gone.category && f.subject == gone.subject && f.detail == gone.detail {
                    f.confidence = f.confidence.max(gone.confidence);
                }
            }
        } else {
            i += 1;
        }
    }
}

/// Analyzes with default rules: the function the CLI and `xtask eval` call.
pub fn analyze(input: &LogInput<'_>, options: &Options) -> Result<Analysis, LogError> {
    Analyzer::new(options)?.analyze(input)
}

/// Reads one log file (text or zip) into memory as jobs, steps and lines.
pub fn read_log_set(bytes: &[u8], limits: ZipLimits) -> Result<LogSet, LogError> {
    let mut set = LogSet::default();
    feed_file(&LogFile { job: None, bytes }, limits, &mut set)?;
    Ok(set)
}
