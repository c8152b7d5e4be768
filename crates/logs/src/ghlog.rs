//! The output of `gh run view --log-failed` (and `--log`): every line is
//! `{job name}\t{step name}\t{timestamp} {text}`, the jobs and steps of the run
//! interleaved in order. (Format: the GitHub CLI's `run view` command, which
//! prefixes each line of the job logs with the job's and the step's names.)

use crate::events::{LogSink, TextFeeder};
use crate::line::timestamp_len;

/// `{job}\t{step}\t{rest}` when the line has that shape and `rest` starts with
/// a timestamp.
fn columns(line: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let mut parts = line.splitn(3, |b| *b == b'\t');
    let (job, step, rest) = (parts.next()?, parts.next()?, parts.next()?);
    (!job.is_empty() && timestamp_len(rest).is_some()).then_some((job, step, rest))
}

/// Feeds the lines of a text log, whether in `gh run view --log` columns or
/// not, deciding line by line: a raw or web-UI line never has the shape
/// `{job}\t{step}\t{timestamp} …`. Once such a line was seen, jobs and steps
/// come from the columns, and lines without them continue the current step.
#[derive(Debug)]
pub struct LineFeeder {
    text: TextFeeder,
    gh: Option<GhState>,
}

#[derive(Debug)]
struct GhState {
    job: Vec<u8>,
    step: Option<Vec<u8>>,
    feeder: TextFeeder,
}

impl Default for LineFeeder {
    fn default() -> Self {
        LineFeeder::new()
    }
}

impl LineFeeder {
    pub fn new() -> LineFeeder {
        LineFeeder {
            text: TextFeeder::new(false),
            gh: None,
        }
    }

    pub fn feed(&mut self, number: u64, line: &[u8], sink: &mut dyn LogSink) {
        let Some((job, step, rest)) = columns(line) else {
            match &mut self.gh {
                Some(state) => state.feeder.feed(number, line, sink),
                None => self.text.feed(number, line, sink),
            }
            return;
        };
        let new_job = self.gh.as_ref().is_none_or(|s| s.job != job);
        if new_job {
            sink.begin_job(Some(&String::from_utf8_lossy(job)));
            self.gh = Some(GhState {
                job: job.to_vec(),
                step: None,
                feeder: TextFeeder::new(true),
            });
        }
        let Some(state) = self.gh.as_mut() else { return };
        if state.step.as_deref() != Some(step) {
            sink.begin_step(None, &String::from_utf8_lossy(step), number);
            state.step = Some(step.to_vec());
        }
        state.feeder.feed(number, rest, sink);
    }
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
    fn recognizes_the_columns_only() {
        assert!(columns(LOG.lines().next().expect("line").as_bytes()).is_some());
        assert!(columns(b"2024-05-02T10:00:00.0000000Z plain raw log").is_none());
        assert!(columns(b"a\tb\tnot a timestamp").is_none());
        assert!(columns(b"\tb\t2024-05-02T10:00:00Z x").is_none());
    }

    #[test]
    fn a_streamed_gh_log_has_its_jobs_and_steps() {
        let analyzer = crate::Analyzer::new(&Options::default()).expect("analyzer");
        let analysis = analyzer.analyze_reader(LOG.as_bytes(), None).expect("analyze");
        let root = analysis.root_cause().expect("failure");
        assert_eq!(root.job.as_deref(), Some("build (ubuntu-latest, 3.12)"));
        assert_eq!(root.step.as_ref().and_then(|s| s.name.as_deref()), Some("Run tests"));
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
