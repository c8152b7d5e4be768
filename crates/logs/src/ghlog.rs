//! The output of `gh run view --log-failed` (and `--log`): every line is
//! `{job name}\t{step name}\t{timestamp} {text}`, the jobs and steps of the run
//! interleaved in order. (Format: the GitHub CLI's `run view` command, which
//! prefixes each line of the job logs with the job's and the step's names.)

use crate::events::LogSink;
use crate::events::TextFeeder;
use crate::line::timestamp_len;
use crate::stream::for_each_line;

/// How many leading non-empty lines detection looks at.
const PROBE_LINES: usize = 8;

/// `{job}\t{step}\t{rest}` when the line has that shape and `rest` starts with
/// a timestamp.
fn columns(line: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let mut parts = line.splitn(3, |b| *b == b'\t');
    let (job, step, rest) = (parts.next()?, parts.next()?, parts.next()?);
    (!job.is_empty() && timestamp_len(rest).is_some()).then_some((job, step, rest))
}

/// True when most of the first lines are in `gh run view --log` form.
pub fn looks_like_gh_log(bytes: &[u8]) -> bool {
    let mut seen = 0;
    let mut matching = 0;
    for line in bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.trim_ascii().is_empty())
        .take(PROBE_LINES)
    {
        seen += 1;
        matching += usize::from(columns(line.strip_suffix(b"\r").unwrap_or(line)).is_some());
    }
    seen > 0 && matching * 2 > seen
}

/// Feeds a `gh run view --log` text as jobs and steps. Lines without the
/// columns continue the current step.
pub fn read_gh_log(bytes: &[u8], sink: &mut dyn LogSink) {
    let mut job: Option<Vec<u8>> = None;
    let mut step: Option<Vec<u8>> = None;
    let mut feeder = TextFeeder::new(true);
    for_each_line(bytes, |number, line| {
        let Some((job_name, step_name, rest)) = columns(line) else {
            if job.is_none() {
                sink.begin_job(None);
                job = Some(Vec::new());
            }
            feeder.feed(number, line, sink);
            return;
        };
        if job.as_deref() != Some(job_name) {
            sink.begin_job(Some(&String::from_utf8_lossy(job_name)));
            job = Some(job_name.to_vec());
            step = None;
            feeder = TextFeeder::new(true);
        }
        if step.as_deref() != Some(step_name) {
            sink.begin_step(None, &String::from_utf8_lossy(step_name), number);
            step = Some(step_name.to_vec());
        }
        feeder.feed(number, rest, sink);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Category, LogFile, LogInput, Options, analyze};

    const LOG: &str = "\
build (ubuntu-latest, 3.12)\tSet up job\t2024-05-02T10:00:00.0000000Z Current runner version: '2.316.0'
build (ubuntu-latest, 3.12)\tRun tests\t2024-05-02T10:01:00.0000000Z ##[group]Run pytest -q
build (ubuntu-latest, 3.12)\tRun tests\t2024-05-02T10:01:00.0000001Z pytest -q
build (ubuntu-latest, 3.12)\tRun tests\t2024-05-02T10:01:00.0000002Z ##[endgroup]
build (ubuntu-latest, 3.12)\tRun tests\t2024-05-02T10:01:09.0000000Z E   ModuleNotFoundError: No module named 'yaml'
build (ubuntu-latest, 3.12)\tRun tests\t2024-05-02T10:01:09.5000000Z ##[error]Process completed with exit code 1.
lint\tRun ruff\t2024-05-02T10:00:30.0000000Z ##[error]Process completed with exit code 2.
";

    #[test]
    fn detects_the_columns() {
        assert!(looks_like_gh_log(LOG.as_bytes()));
        assert!(!looks_like_gh_log(b"2024-05-02T10:00:00.0000000Z plain raw log\n"));
        assert!(!looks_like_gh_log(b"a\tb\tnot a timestamp\n"));
        assert!(!looks_like_gh_log(b""));
    }

    #[test]
    fn jobs_and_steps_come_from_the_columns() {
        let set = crate::read_log_set(LOG.as_bytes(), crate::ZipLimits::default()).expect("read");
        let jobs: Vec<Option<&str>> = set.jobs.iter().map(|j| j.name.as_deref()).collect();
        assert_eq!(jobs, [Some("build (ubuntu-latest, 3.12)"), Some("lint")]);
        let steps: Vec<&str> = set.jobs[0].steps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(steps, ["Set up job", "Run tests"]);
        let analysis = analyze(
            &LogInput {
                logs: vec![LogFile {
                    job: None,
                    bytes: LOG.as_bytes(),
                }],
                ..LogInput::default()
            },
            &Options::default(),
        )
        .expect("analyze");
        let root = analysis.root_cause().expect("failure");
        assert_eq!(root.category, Category::MissingDependency);
        assert_eq!(root.job.as_deref(), Some("build (ubuntu-latest, 3.12)"));
        assert_eq!(root.step.as_ref().and_then(|s| s.name.as_deref()), Some("Run tests"));
        assert_eq!(root.evidence[0].line, 5);
    }
}
