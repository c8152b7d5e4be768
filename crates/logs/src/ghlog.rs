//! The output of `gh run view --log-failed` (and `--log`): every line is
//! `{job name}\t{step name}\t{timestamp} {text}`, the jobs and steps of the run
//! interleaved in order. (Format: the GitHub CLI's `run view` command, which
//! prefixes each line of the job logs with the job's and the step's names.)
//!
//! Also `gh run view`'s summary without `--log` (`pkg/cmd/run/view` and
//! `shared.RenderAnnotations`): after a line `ANNOTATIONS`, each annotation
//! is `{symbol} {message}` (`X` a failure, `!` a warning, `-` a notice) and
//! then `{job}: {path}#{line}` (`{path}#{line}` alone under `gh run view
//! --job`), with a blank line after it. The message is read as an annotation
//! of the job the next line names; what a run's jobs failed on when it has no
//! log (a job never started, a runner lost) is often only there.

use crate::events::{LineEvent, LogSink, TextFeeder};
use crate::line::{CommandProps, LineKind, parse_line, timestamp_len};

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
    summary: Summary,
}

/// Where a `gh run view` summary's annotation list is read.
#[derive(Debug, Default)]
struct Summary {
    /// After the `ANNOTATIONS` heading, until a line of another shape.
    in_annotations: bool,
    /// An annotation's `{symbol} {message}` line, waiting for the line that
    /// names its job.
    pending: Option<(u64, Vec<u8>)>,
    /// The job the last annotation was read for.
    job: Option<String>,
}

/// `{symbol} {message}` of an annotation in `gh run view`'s list.
fn annotation_message(text: &str) -> Option<(LineKind, &str)> {
    let (symbol, message) = text.split_once(' ')?;
    let kind = match symbol {
        "X" => LineKind::Error,
        "!" => LineKind::Warning,
        "-" => LineKind::Notice,
        _ => return None,
    };
    (!message.trim().is_empty()).then_some((kind, message))
}

/// `{job}: {path}#{line}` (or `{path}#{line}`) under an annotation: the job
/// (`None` when not named) and the path and line it points at.
fn annotation_place(text: &str) -> Option<(Option<&str>, &str, u32)> {
    let (before, number) = text.rsplit_once('#')?;
    let line: u32 = number.parse().ok()?;
    let (job, path) = match before.rsplit_once(": ") {
        Some((job, path)) => (Some(job), path),
        None => (None, before),
    };
    (!path.is_empty() && !path.contains(char::is_whitespace) && job.is_none_or(|j| !j.trim().is_empty()))
        .then_some((job, path, line))
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
            summary: Summary::default(),
        }
    }

    pub fn feed(&mut self, number: u64, line: &[u8], sink: &mut dyn LogSink) {
        let Some((job, step, rest)) = columns(line) else {
            match &mut self.gh {
                Some(state) => state.feeder.feed(number, line, sink),
                None => self.feed_text(number, line, sink),
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

    /// The end of the input: an annotation whose job line never came (a
    /// paste cut short) is read in the job before it.
    pub fn finish(&mut self, sink: &mut dyn LogSink) {
        if let Some((number, pending)) = self.summary.pending.take() {
            emit_annotation(number, &pending, None, sink);
        }
    }

    /// A line outside `gh run view --log` columns: a raw log's, a web-UI
    /// copy's or a `gh run view` summary's.
    fn feed_text(&mut self, number: u64, line: &[u8], sink: &mut dyn LogSink) {
        let parsed = parse_line(line);
        let text = parsed.text.trim();
        if let Some((pending_number, pending)) = self.summary.pending.take() {
            let Some((job, path, at)) = annotation_place(text) else {
                // A message of several lines: its first line is read as the
                // annotation, the others as text.
                emit_annotation(pending_number, &pending, None, sink);
                self.text.feed_parsed(number, &parsed, sink);
                return;
            };
            if let Some(job) = job.filter(|j| self.summary.job.as_deref() != Some(*j)) {
                sink.begin_job(Some(job));
                self.summary.job = Some(job.to_string());
            }
            emit_annotation(pending_number, &pending, Some((path, at)), sink);
            self.text.feed_parsed(number, &parsed, sink);
            return;
        }
        if parsed.had_timestamp || SUMMARY_ENDS.iter().any(|end| text.starts_with(end)) {
            self.summary.in_annotations = false;
        } else if self.summary.in_annotations && annotation_message(text).is_some() {
            self.summary.pending = Some((number, line.to_vec()));
            return;
        } else if text == "ANNOTATIONS" {
            self.summary.in_annotations = true;
        }
        self.text.feed_parsed(number, &parsed, sink);
    }
}

/// What `gh run view` prints after its annotation list: the artifacts'
/// heading and its closing hints.
const SUMMARY_ENDS: &[&str] = &[
    "ARTIFACTS",
    "To see what failed, try:",
    "To see the full logs for this job, try:",
    "For more information about",
    "View this run on GitHub:",
    "View this job on GitHub:",
];

/// An annotation of `gh run view`'s list as the line the runner would have
/// written: its level, its message and, for a file annotation, the place
/// (job-level annotations point at `.github`, which locates nothing, as in
/// check-run annotations).
fn emit_annotation(number: u64, line: &[u8], place: Option<(&str, u32)>, sink: &mut dyn LogSink) {
    let parsed = parse_line(line);
    let Some((kind, message)) = annotation_message(parsed.text.trim()) else {
        return;
    };
    let props = place
        .filter(|(path, _)| *path != ".github")
        .map(|(path, at)| CommandProps {
            file: Some(path.to_string()),
            line: Some(at),
            ..CommandProps::default()
        });
    sink.line(&LineEvent {
        number,
        kind,
        text: message,
        props: props.as_ref(),
        timestamp: None,
        echo: false,
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

    const SUMMARY: &str = "\
X main CI · 4242
Triggered via push about 2 minutes ago

JOBS
✓ lint in 41s (ID 11)
X build (arm64) in 12m2s (ID 12)

ANNOTATIONS
! Node.js 16 actions are deprecated.
lint: .github#1

X The self-hosted runner: pi-cluster-4 lost communication with the server. Verify the machine is running.
build (arm64): .github#1

X Process completed with exit code 1.
build (arm64): src/main.rs#40

To see what failed, try: gh run view 4242 --log-failed
";

    #[test]
    fn reads_the_annotation_lines_and_their_jobs() {
        assert_eq!(
            annotation_message("X Process completed with exit code 1."),
            Some((LineKind::Error, "Process completed with exit code 1."))
        );
        assert_eq!(annotation_message("! careful"), Some((LineKind::Warning, "careful")));
        assert_eq!(annotation_message("X"), None);
        assert_eq!(annotation_message("Xylophone tuned"), None);
        assert_eq!(
            annotation_place("test (ubuntu-latest, 3.12): .github#1"),
            Some((Some("test (ubuntu-latest, 3.12)"), ".github", 1))
        );
        assert_eq!(annotation_place("src/app.ts#12"), Some((None, "src/app.ts", 12)));
        assert_eq!(annotation_place("see issue #12"), None);
        assert_eq!(annotation_place("build: .github#one"), None);
    }

    #[test]
    fn a_run_summary_s_annotations_belong_to_the_jobs_they_name() {
        let analyzer = crate::Analyzer::new(&Options::default()).expect("analyzer");
        let analysis = analyzer.analyze_reader(SUMMARY.as_bytes(), None).expect("analyze");
        let root = analysis.root_cause().expect("failure");
        assert_eq!(root.category, Category::OptionalJob);
        assert_eq!(root.job.as_deref(), Some("build (arm64)"));
        assert_eq!(root.evidence[0].line, 12);
    }

    #[test]
    fn an_annotation_cut_from_its_job_line_is_still_read() {
        let cut = SUMMARY.lines().take(12).collect::<Vec<_>>().join("\n");
        let analyzer = crate::Analyzer::new(&Options::default()).expect("analyzer");
        let analysis = analyzer.analyze_reader(cut.as_bytes(), None).expect("analyze");
        let root = analysis.root_cause().expect("failure");
        assert_eq!(root.category, Category::OptionalJob);
        assert_eq!(root.evidence[0].line, 12);
    }

    #[test]
    fn symbols_outside_the_annotation_list_are_text() {
        let log = "JOBS\nX build in 3s (ID 7)\nsrc/lib.rs#4\n";
        let set = crate::read_log_set(log.as_bytes(), crate::ZipLimits::default()).expect("read");
        let kinds: Vec<LineKind> = set.jobs.iter().flat_map(|j| &j.lines).map(|l| l.kind).collect();
        assert_eq!(kinds, [LineKind::Plain; 3]);
    }
}
