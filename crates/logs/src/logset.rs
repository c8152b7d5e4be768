//! The whole log in memory: jobs, steps and lines. For small inputs, tests
//! and editors; the classifier itself streams and does not need this.

use std::ops::Range;

use crate::events::{LineEvent, LogSink};
use crate::line::LineKind;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogSet {
    pub jobs: Vec<JobLog>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobLog {
    pub name: Option<String>,
    pub steps: Vec<StepLog>,
    pub lines: Vec<LogLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLog {
    /// From the zip's step file; None when only a `Run …` header was seen.
    pub number: Option<u32>,
    pub name: String,
    /// Indexes into [`JobLog::lines`].
    pub lines: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub number: u64,
    pub text: String,
    pub kind: LineKind,
    pub step: Option<usize>,
    /// Part of the step's echoed script.
    pub echo: bool,
}

impl LogSet {
    fn job(&mut self) -> &mut JobLog {
        if self.jobs.is_empty() {
            self.jobs.push(JobLog::default());
        }
        let last = self.jobs.len() - 1;
        &mut self.jobs[last]
    }
}

impl LogSink for LogSet {
    fn begin_job(&mut self, name: Option<&str>) {
        // A job that saw no line (a reader's default job before the log named
        // its own) is dropped.
        if self
            .jobs
            .last()
            .is_some_and(|j| j.lines.is_empty() && j.steps.is_empty())
        {
            self.jobs.pop();
        }
        self.jobs.push(JobLog {
            name: name.map(str::to_string),
            ..JobLog::default()
        });
    }

    fn begin_step(&mut self, number: Option<u32>, name: &str, _line: u64) {
        let job = self.job();
        let at = job.lines.len();
        if let Some(prev) = job.steps.last_mut() {
            prev.lines.end = at;
        }
        job.steps.push(StepLog {
            number,
            name: name.to_string(),
            lines: at..at,
        });
    }

    fn line(&mut self, line: &LineEvent<'_>) {
        let job = self.job();
        let step = job.steps.len().checked_sub(1);
        job.lines.push(LogLine {
            number: line.number,
            text: line.text.to_string(),
            kind: line.kind,
            step,
            echo: line.echo,
        });
        if let Some(s) = job.steps.last_mut() {
            s.lines.end = job.lines.len();
        }
    }
}
