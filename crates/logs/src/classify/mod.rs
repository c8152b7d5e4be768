//! The classifier: consumes log events, keeps only what it needs (candidate
//! lines, step headers, a small window of recent lines, the Python version
//! and the project's own package names seen so far) and ranks the findings
//! into failures, likely root cause first.
//!
//! What a line means is decided by the [`catalogue`] (one module per program
//! that prints messages); how findings of a job are ranked, and which ones are
//! consequences of an earlier failure, by [`rank`]. A step that failed with
//! only its exit code, printed by a tool no entry reads, is located where the
//! step said why by [`fallback`] (the conventional error shapes, then the
//! last meaningful line).

pub mod catalogue;
pub mod custom;
mod fallback;
pub mod hit;
mod quoted;
mod rank;

use std::sync::Arc;

use aho_corasick::AhoCorasick;

use crate::elsewhere;
use crate::events::{LineEvent, LogSink};
use crate::knowledge::place::{self, JobEvidence, Place, PlaceOs};
use crate::knowledge::python::{self, python_version_in};
use crate::line::{CommandProps, LineKind};
use crate::report::{Category, Evidence, Failure, PythonVersion, SubjectDetail};
use crate::subject::{self, workspace_path};
use catalogue::Catalogue;
use catalogue::util::regex;
use custom::CustomRules;
pub use hit::{Hit, Line, Strength};

/// An `##[error]` line no entry explains (weak).
const UNEXPLAINED_ERROR: &str = "runner/unexplained-error";

/// Caps that keep memory flat on huge logs.
const MAX_FINDINGS_PER_JOB: usize = 512;
const MAX_WEAK_PER_JOB: usize = 16;
const MAX_STEPS_PER_JOB: usize = 4096;
const MAX_SCRIPT_BYTES: usize = 16 * 1024;
const MAX_OWN_PACKAGES: usize = 32;
const RECENT_LINES: usize = 6;
const MAX_GEMS: usize = 512;
const MAX_EVIDENCE_TEXT: usize = 500;

/// Compiled rules, shared by all scans.
#[derive(Clone, Debug)]
pub struct Classifier {
    custom: Option<Arc<CustomRules>>,
    /// Needles of the custom patterns; `None` with custom patterns present
    /// means some pattern has no literal, so every line is checked.
    custom_prefilter: Option<Arc<AhoCorasick>>,
    custom_all_lines: bool,
    /// Normalized names of the project's own packages.
    own_packages: Vec<String>,
}

impl Classifier {
    pub fn new(custom: Option<CustomRules>, own_packages: &[String]) -> Classifier {
        let custom = custom.filter(|c| !c.is_empty());
        let (custom_prefilter, custom_all_lines) = match custom.as_ref().map(|c| c.needles.as_ref()) {
            None => (None, false),
            Some(None) => (None, true),
            Some(Some(needles)) => (AhoCorasick::new(needles).ok().map(Arc::new), false),
        };
        let mut own: Vec<String> = own_packages.iter().map(|p| python::normalize_name(p)).collect();
        own.sort_unstable();
        own.dedup();
        Classifier {
            custom: custom.map(Arc::new),
            custom_prefilter,
            custom_all_lines,
            own_packages: own,
        }
    }

    pub fn scanner(&self) -> Scanner<'_> {
        Scanner {
            classifier: self,
            catalogue: Catalogue::get(),
            jobs: Vec::new(),
            recent: Recent::default(),
            step_lines: 0,
            own_seen: Vec::new(),
            python: None,
        }
    }
}

/// A finding: a hit with where it was seen.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    pub hit: Hit,
    pub line: u64,
    pub step: Option<usize>,
    pub evidence: Vec<Evidence>,
    pub props: Option<CommandProps>,
    /// `…/_temp/<uuid>.sh: line N:`: line N of the step's script.
    pub script_line: Option<u32>,
    /// For a time limit or a cancel: whole minutes since the job's line
    /// before it ([`crate::report::LogLocation::silent_minutes`]).
    pub silent_minutes: Option<u32>,
}

#[derive(Clone, Debug)]
pub(crate) struct StepState {
    pub number: Option<u32>,
    pub name: String,
    pub script: String,
    /// The runner's `Run {first line}` header of the step, kept apart (the
    /// script's first line repeats it): all a copy of a collapsed group (the
    /// web UI's default) keeps of the script.
    pub header: String,
    /// The step printed an `##[error]` line (the runner's `Process completed
    /// with exit code N`, an action's `core.setFailed` message): every step
    /// that fails does.
    pub errored: bool,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct JobState {
    pub name: Option<String>,
    pub steps: Vec<StepState>,
    pub findings: Vec<Finding>,
    pub weak: usize,
    /// The first timestamp seen in the job's log.
    pub first_timestamp: Option<i64>,
    /// The GitHub-hosted image the job ran on, from its set-up's `Runner
    /// Image` group ([`catalogue::hosted_image`]).
    pub image: Option<catalogue::HostedImage>,
    /// What the job's set-up showed of where it runs (its image, OS, runner
    /// name, containers), for [`Line::place`].
    pub evidence: JobEvidence,
    /// The timestamp of the job's latest line.
    pub last_timestamp: Option<i64>,
    /// The job printed an `##[error]` line (every failing step does, and so
    /// do the runner's job-level annotations): a job without one passed.
    pub errored: bool,
    /// What the current step printed that may say why it failed, for an exit
    /// code no entry explains ([`fallback`]).
    output: fallback::StepOutput,
    /// The gems the job's log showed installed or used
    /// ([`catalogue::installed_gem`]), at most [`MAX_GEMS`].
    gems: Vec<String>,
    /// The current step's first record of each summary that counts records
    /// ([`catalogue::COUNTED_SUMMARIES`]: MkDocs' strict abort, Sphinx's
    /// warnings treated as errors), its line and text: what the summary is
    /// pinned to.
    counted: [Option<(u64, String)>; catalogue::COUNTED_SUMMARIES.len()],
    /// The current step's pip subprocess box, when it is a build hook's
    /// ([`catalogue::PipBuild`]).
    pip_build: catalogue::PipBuild,
    /// The current step printed the start of each such tool (its banner),
    /// after which its records are counted.
    counting: [bool; catalogue::COUNTED_SUMMARIES.len()],
    /// The current step's CMake system determination ([`catalogue::CmakeSystem`]).
    cmake_system: catalogue::CmakeSystem,
    /// The current step's `configure` checks for pkg-config
    /// ([`catalogue::PkgConfigProbe`]).
    pkg_config: catalogue::PkgConfigProbe,
    /// The line of the current step's latest `Could not find toolchain
    /// file:` text, whose path CMake may wrap onto the lines below
    /// ([`catalogue::wrapped_toolchain_path`]).
    toolchain_text: Option<u64>,
    /// The current step's latest time-prefixed fastlane messages
    /// ([`catalogue::fastlane_record`]), their lines and texts, at most
    /// [`MAX_FASTLANE_RECORDS`]: where the message its closing `[!]` line
    /// repeats was first printed.
    fastlane_records: std::collections::VecDeque<(u64, String, String)>,
    /// Whether the current step's latest line is a test's output a test
    /// runner's logger relays ([`quoted::TestOutputSection`]).
    test_output: quoted::TestOutputSection,
}

/// How many of a step's fastlane messages are kept ([`JobState::fastlane_records`]):
/// more than the lines of its summary table between the error and its repeat.
const MAX_FASTLANE_RECORDS: usize = 64;

#[derive(Debug, Default)]
struct Recent {
    lines: [String; RECENT_LINES],
    next: usize,
    filled: usize,
}

impl Recent {
    fn push(&mut self, text: &str) {
        let slot = &mut self.lines[self.next];
        slot.clear();
        slot.push_str(&text[..floor_boundary(text, 512)]);
        self.next = (self.next + 1) % RECENT_LINES;
        self.filled = (self.filled + 1).min(RECENT_LINES);
    }

    fn ordered(&self) -> Vec<&str> {
        (0..self.filled)
            .map(|i| self.lines[(self.next + RECENT_LINES - self.filled + i) % RECENT_LINES].as_str())
            .collect()
    }
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut at = s.len().min(max);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One pass over a set of logs.
pub struct Scanner<'c> {
    classifier: &'c Classifier,
    catalogue: &'static Catalogue,
    pub(crate) jobs: Vec<JobState>,
    recent: Recent,
    /// Lines the current step printed so far (see `Line::step_recent`).
    step_lines: usize,
    /// Own package names learned from the log (checkout and source paths).
    own_seen: Vec<String>,
    python: Option<PythonVersion>,
}

impl Scanner<'_> {
    fn job(&mut self) -> &mut JobState {
        if self.jobs.is_empty() {
            self.jobs.push(JobState::default());
        }
        let last = self.jobs.len() - 1;
        &mut self.jobs[last]
    }

    fn is_candidate(&self, line: &LineEvent<'_>) -> bool {
        let wrapped = |j: &JobState| {
            j.toolchain_text
                .is_some_and(|at| at < line.number && line.number - at < RECENT_LINES as u64)
        };
        matches!(line.kind, LineKind::Error)
            || self.jobs.last().is_some_and(wrapped)
            || self.catalogue.is_candidate(line.text)
            || self.classifier.custom_all_lines
            || self
                .classifier
                .custom_prefilter
                .as_ref()
                .is_some_and(|p| p.is_match(line.text))
    }

    fn classify(&mut self, event: &LineEvent<'_>) -> Option<Hit> {
        let text = event.text;
        if let Some(custom) = &self.classifier.custom {
            if let Some(hit) = custom.classify(text) {
                return Some(hit);
            }
        }
        let recent = self.recent.ordered();
        let mut own = self.classifier.own_packages.clone();
        own.extend(self.own_seen.iter().cloned());
        let current = self.jobs.last().and_then(|j| j.steps.last());
        let script = current.map_or("", |s| s.script.as_str());
        let header = current.map_or("", |s| s.header.as_str());
        let line = Line {
            text,
            kind: event.kind,
            recent: &recent,
            step_recent: self.step_lines,
            script,
            own_packages: &own,
            python: self.python,
            runner: self
                .jobs
                .last()
                .and_then(|j| j.image.as_ref())
                .map(catalogue::HostedImage::class),
            place: self
                .jobs
                .last()
                .map_or_else(|| place::from_script_path(text), |j| j.evidence.place_of(text)),
            gems: self.jobs.last().map_or(&[][..], |j| j.gems.as_slice()),
            build_env: self
                .jobs
                .last()
                .and_then(|j| j.pip_build.isolated(text, &recent, script)),
            test_output: self.jobs.last().is_some_and(|j| j.test_output.holds()),
        };
        // A quoted message is data; only its `##[error]` marker counts.
        // A wrapped toolchain path continues CMake's text under its heading:
        // the path may also be a word of the script, which it does not quote.
        let hit = match catalogue::wrapped_toolchain_path(&recent, text) {
            Some(hit) => Some(hit),
            None => match quoted::quoted_by(&line) {
                Some(_) => None,
                None => self.catalogue.classify(&line).map(|hit| match self.jobs.last() {
                    Some(job) => job.pkg_config.decide(job.cmake_system.consequence(text, hit)),
                    None => hit,
                }),
            },
        };
        match hit {
            Some(hit) => Some(ran_elsewhere(
                inside_container(soften_tolerated(soften_warning(hit, &line), &line), &line),
                script,
                header,
            )),
            // The step's own script writes `::error::` (the workflow command
            // the runner prints as `##[error]`): its author's account of why
            // the step fails, which says more than the exit code after it
            // (and merges with it, leading).
            None if event.kind == LineKind::Error && script.contains("::error") => Some(Hit {
                entry: "runner/script-error-annotation",
                ..Hit::new(
                    Category::Unknown,
                    0.3,
                    Strength::StepFailed,
                    format!("The step reported: {}", subject::display_text(text)),
                )
            }),
            // A web UI copy's line keeps the UI's `Error: ` (entries read
            // it as printed): the message says it once.
            None if event.kind == LineKind::Error => Some(Hit {
                entry: UNEXPLAINED_ERROR,
                ..Hit::new(
                    Category::Unknown,
                    0.2,
                    Strength::Weak,
                    format!(
                        "Error: {}",
                        subject::display_text(
                            text.trim_start()
                                .trim_start_matches('*')
                                .strip_prefix("Error: ")
                                .unwrap_or(text)
                        )
                    ),
                )
            }),
            None => None,
        }
    }

    /// Learns context from every line, echoed script lines included: the
    /// Python version, the project's own package names and the gems the job
    /// installed.
    fn learn(&mut self, text: &str) {
        if text.contains("ython") {
            if let Some(v) = python_version_in(text) {
                self.python = Some(v);
            }
        }
        self.job().pip_build.learn(text);
        if let Some(gem) = catalogue::installed_gem(text) {
            let job = self.job();
            if job.gems.len() < MAX_GEMS && !job.gems.iter().any(|g| g == gem) {
                job.gems.push(gem.to_string());
            }
        }
        if self.own_seen.len() < MAX_OWN_PACKAGES {
            for name in own_package_names(text) {
                let name = python::normalize_name(&name);
                if !self.own_seen.contains(&name) {
                    self.own_seen.push(name);
                }
            }
        }
    }

    /// make's `Error {n} (ignored)` follows what the ignored recipe line
    /// printed (its command's message, make's own exec failure): those lines
    /// of the current step did not stop make. The window is the recent lines
    /// a line is read with.
    fn soften_ignored_by_make(&mut self, number: u64) {
        let job = self.job();
        let step = job.steps.len().checked_sub(1);
        for f in job.findings.iter_mut().rev() {
            if f.step != step || number.saturating_sub(f.line) > RECENT_LINES as u64 {
                break;
            }
            if matches!(
                f.hit.strength,
                Strength::Blocker | Strength::Specific | Strength::InstallFailure
            ) {
                f.hit.strength = Strength::Weak;
            }
        }
    }

    /// Gradle's `BUILD SUCCESSFUL` ends a build of the current step: a daemon
    /// it reported dead or stopped earlier in the step ended another
    /// invocation (the script ran Gradle again), not the step.
    fn soften_gone_daemon(&mut self) {
        let job = self.job();
        let step = job.steps.len().checked_sub(1);
        for f in job.findings.iter_mut() {
            if f.step == step && f.hit.entry == catalogue::GRADLE_DAEMON_GONE {
                f.hit.strength = Strength::Weak;
            }
        }
    }

    /// Node's CommonJS loader names who required the module it could not
    /// find under its message (`Require stack:`, then `- {parent}` first;
    /// [`catalogue::node_required_by`]): at that first entry, the message's
    /// finding two lines above is decided again by its parent. What a
    /// context check made not fixable (a container, a tolerated line) stays
    /// so, and a softened finding stays weak.
    fn refine_by_require_stack(&mut self, line: &LineEvent<'_>) {
        let recent = self.recent.ordered();
        let [.., message, stack] = recent[..] else {
            return;
        };
        let Some(refined) = catalogue::node_required_by(message, stack, line.text) else {
            return;
        };
        let Some(job) = self.jobs.last_mut() else {
            return;
        };
        let step = job.steps.len().checked_sub(1);
        let Some(finding) = job
            .findings
            .iter_mut()
            .rev()
            .find(|f| f.step == step && f.line + 2 == line.number && f.hit.entry == catalogue::MODULE_NOT_FOUND)
        else {
            return;
        };
        if refined.fixable && !finding.hit.fixable {
            return;
        }
        let strength = if finding.hit.strength == Strength::Weak {
            Strength::Weak
        } else {
            refined.strength
        };
        finding.hit = Hit {
            entry: finding.hit.entry,
            strength,
            ..refined
        };
    }

    /// An output line no entry read: what the current step printed, for an
    /// exit code that says nothing ([`fallback`]).
    fn note_unread(&mut self, event: &LineEvent<'_>) {
        self.job();
        let Some(job) = self.jobs.last_mut() else {
            return;
        };
        let recent = self.recent.ordered();
        let line = Line {
            text: event.text,
            kind: event.kind,
            recent: &recent,
            step_recent: self.step_lines,
            script: job.steps.last().map_or("", |s| s.script.as_str()),
            own_packages: &[],
            python: self.python,
            runner: None,
            place: Place::UNKNOWN,
            gems: &[],
            build_env: None,
            test_output: job.test_output.holds(),
        };
        let quoted = |line: &Line<'_>| quoted::quoted_by(line).is_some() && !quoted::written_by_script(line);
        let mut output = std::mem::take(&mut job.output);
        output.unread(event.number, &line, quoted);
        job.output = output;
    }

    /// Turns the findings into failures, root cause first.
    pub fn finish(self) -> Vec<Failure> {
        rank::rank(self.jobs)
    }
}

/// A warning or retry line that merely mentions a failure does not end the
/// job (the tool went on: `warning: spurious network error (2 tries
/// remaining): … got 429`); it only counts if nothing better is found.
fn soften_warning(mut hit: Hit, line: &Line<'_>) -> Hit {
    if matches!(hit.strength, Strength::Blocker | Strength::Specific)
        && line.is_warning()
        && !catalogue::is_fatal_kconfig_warning(line)
    {
        hit.strength = Strength::Weak;
    }
    hit
}

/// A program or file missing inside a container the step starts is missing
/// from its image, where no install, path rewrite or checkout on the runner
/// arrives: the Docker daemon relays runc's failure to start the container's
/// process (`docker: Error response from daemon: … OCI runtime create failed:
/// runc create failed: unable to start container process: exec: "pandoc":
/// executable file not found in $PATH: unknown.`), and BuildKit prints what a
/// Dockerfile's `RUN` printed under its step number and elapsed seconds
/// (`#7 0.245 /bin/sh: 1: protoc: not found`, moby/buildkit's plain progress
/// `#{n} {seconds:.3} {line}`), and Compose prints a service's output after
/// its container's name padded to the longest (`docs-1  | sh: 1: pandoc: not
/// found`, compose's log presenter `%-{width}s |` then the line; Compose v1
/// the same with `docs_1`). The category and subject stay (they say what
/// is missing); only the fix goes. `OCI runtime exec failed` is not read: the
/// runner docker-execs every step of a `container:` job, where an install
/// step does reach the program (a `docker exec` in the script is the fixes'
/// to decline).
fn inside_container(mut hit: Hit, line: &Line<'_>) -> Hit {
    const RELAYS: &[&str] = &[
        "Error response from daemon:",
        "OCI runtime create failed",
        "unable to start container process",
    ];
    let relayed = RELAYS.iter().any(|r| line.text.contains(r))
        || regex!(r"^#\d+ \d+\.\d+ ").is_match(line.text.trim_start())
        || regex!(r"^[A-Za-z0-9][A-Za-z0-9_.-]* +\| ").is_match(line.text);
    if relayed && hit.fixable && matches!(hit.category, Category::MissingCommand | Category::FileNotFound) {
        hit.fixable = false;
        hit.message = format!(
            "{} It is missing inside the container or image the step runs (the Docker daemon or BuildKit relays it), \
             where nothing installed or changed on the runner arrives: the image or Dockerfile needs it (a manual fix).",
            hit.message
        );
    }
    hit
}

/// A program, module or file missing in a step whose script, as the log
/// echoes it, runs its commands somewhere other than the runner
/// ([`crate::elsewhere`]: `docker run`, `docker compose run`, `ssh`, `wsl`,
/// …; for a program or module, an image build too, whose `RUN` lines run in
/// the image): it is missing there, where no install, path rewrite or
/// checkout on the runner arrives. The echo is the `run:` text the runner
/// printed before its `shell:` line ([`rank::runner_script`]; its `env:`
/// values are settings), that `shell:` itself (setup-wsl's `wsl-bash {0}`),
/// or, when a copy kept only the collapsed group, the `Run {first line}`
/// header. The reading errs towards "elsewhere", as the fixes' reading of the
/// workflow does: a container word elsewhere in the script costs a fix,
/// never makes a wrong one. The category and subject stay; only the fix goes.
fn ran_elsewhere(mut hit: Hit, echo: &str, header: &str) -> Hit {
    if !hit.fixable {
        return hit;
    }
    let image_build = matches!(hit.category, Category::MissingCommand | Category::MissingDependency);
    if !image_build && hit.category != Category::FileNotFound {
        return hit;
    }
    let script = if echo.trim().is_empty() {
        header
    } else {
        rank::runner_script(echo)
    };
    let shell = echo
        .lines()
        .find_map(|l| l.trim().strip_prefix("shell: "))
        .and_then(elsewhere::elsewhere_in);
    let away = elsewhere::runs_elsewhere(script).or(shell);
    let (how, tool) = match (away, image_build.then(|| elsewhere::builds_image(script)).flatten()) {
        (Some(tool), _) => ("runs", tool),
        (None, Some(tool)) => ("builds an image with", tool),
        (None, None) => return hit,
    };
    hit.fixable = false;
    hit.message = format!(
        "{} The step's script, as the log echoes it, {how} `{tool}`: what is missing is missing where that runs (a \
         container, an image, another machine or root), where nothing installed or changed on the runner arrives; \
         that environment needs it (a manual fix).",
        hit.message
    );
    hit
}

/// What a command tolerated does not end the job: make (like just and task)
/// echoes each recipe line before it runs it, so the first line a command
/// prints follows its echo; when that echo ends in a fallback that always
/// succeeds (`|| true`, `|| :`, `|| exit 0`), the failure it reports was
/// ignored by the recipe and the step went on (what stopped it comes later).
fn soften_tolerated(mut hit: Hit, line: &Line<'_>) -> Hit {
    let tolerated = line
        .recent
        .last()
        .is_some_and(|previous| regex!(r"\|\|\s*(?:true|:|exit 0|/bin/true)\s*;?$").is_match(previous.trim_end()));
    if tolerated
        && matches!(
            hit.strength,
            Strength::Blocker | Strength::Specific | Strength::InstallFailure
        )
    {
        hit.strength = Strength::Weak;
    }
    hit
}

impl LogSink for Scanner<'_> {
    fn begin_job(&mut self, name: Option<&str>) {
        // A job that saw nothing (a reader's default job before the log named
        // its own) leaves no trace.
        if self
            .jobs
            .last()
            .is_some_and(|j| j.steps.is_empty() && j.findings.is_empty() && j.first_timestamp.is_none())
        {
            self.jobs.pop();
        }
        self.jobs.push(JobState {
            name: name.map(str::to_string),
            ..JobState::default()
        });
        self.recent = Recent::default();
        self.step_lines = 0;
    }

    fn begin_step(&mut self, number: Option<u32>, name: &str, _line: u64) {
        self.step_lines = 0;
        let job = self.job();
        job.output = fallback::StepOutput::default();
        job.counted = Default::default();
        job.pip_build = catalogue::PipBuild::default();
        job.counting = Default::default();
        job.cmake_system = catalogue::CmakeSystem::default();
        job.pkg_config = catalogue::PkgConfigProbe::default();
        job.toolchain_text = None;
        job.fastlane_records.clear();
        job.test_output = quoted::TestOutputSection::default();
        job.evidence.begin_step(name);
        if job.steps.len() < MAX_STEPS_PER_JOB {
            job.steps.push(StepState {
                number,
                name: name.to_string(),
                script: String::new(),
                header: String::new(),
                errored: false,
            });
        }
    }

    fn line(&mut self, line: &LineEvent<'_>) {
        let previous = self.jobs.last().and_then(|j| j.last_timestamp);
        if let Some(ts) = line.timestamp {
            let job = self.job();
            job.first_timestamp.get_or_insert(ts);
            job.last_timestamp = Some(ts);
        }
        self.learn(line.text);
        let previous_text = self.recent.ordered().last().copied().map(str::to_string);
        let run_header =
            line.echo && (line.kind == LineKind::GroupStart || line.text.trim_start_matches("> ").starts_with("Run "));
        self.job()
            .evidence
            .learn(previous_text.as_deref(), line.text, run_header);
        // The set-up's image, taken from the set-up only (`place`'s doc).
        if self
            .jobs
            .last()
            .is_some_and(|j| j.image.is_none() && j.evidence.in_set_up())
        {
            if let Some(image) = catalogue::hosted_image(previous_text.as_deref(), line.text) {
                let os = if image.name.starts_with("macos") {
                    PlaceOs::MacOs
                } else if image.name.starts_with("windows") {
                    PlaceOs::Windows
                } else {
                    PlaceOs::Linux
                };
                self.job().evidence.image = Some((os, image.arm64));
                self.job().image = Some(image);
            }
        }
        if line.kind == LineKind::Error && !line.echo {
            let job = self.job();
            job.errored = true;
            if let Some(step) = job.steps.last_mut() {
                step.errored = true;
            }
        }
        if line.echo {
            // Keep the script (typo check, `cd` resolution), never classify it.
            let header = run_header;
            let Some(step) = self.job().steps.last_mut() else {
                return;
            };
            if header && step.script.is_empty() {
                if step.header.is_empty() {
                    let text = line.text.trim_start_matches("> ");
                    let first = text.strip_prefix("Run ").unwrap_or(text);
                    step.header = first[..floor_boundary(first, 512)].to_string();
                }
            } else if step.script.len() + line.text.len() < MAX_SCRIPT_BYTES {
                step.script.push_str(line.text);
                step.script.push('\n');
            }
            return;
        }
        self.job().test_output.read(line.text);
        for (k, (_, starts, counts)) in catalogue::COUNTED_SUMMARIES.iter().enumerate() {
            let Some(job) = self.jobs.last_mut() else {
                break;
            };
            if starts.is_some_and(|starts| starts(line.text)) {
                job.counting[k] = true;
            }
            let counting = starts.is_none() || job.counting[k];
            if counting && job.counted[k].is_none() && counts(line.text) {
                job.counted[k] = Some((line.number, evidence_text(line.text)));
            }
        }
        if let Some(message) = catalogue::fastlane_record(line.text) {
            if let Some(job) = self.jobs.last_mut() {
                if job.fastlane_records.len() == MAX_FASTLANE_RECORDS {
                    job.fastlane_records.pop_front();
                }
                let message = message[..floor_boundary(message, 512)].to_string();
                job.fastlane_records
                    .push_back((line.number, message, evidence_text(line.text)));
            }
        }
        if catalogue::make_ignored(line.text) {
            self.soften_ignored_by_make(line.number);
        }
        if catalogue::gradle_build_succeeded(line.text) {
            self.soften_gone_daemon();
        }
        {
            let job = self.job();
            job.cmake_system.learn(line.text);
            job.pkg_config.learn(line.text);
            if line.text.contains(catalogue::TOOLCHAIN_TEXT) {
                job.toolchain_text = Some(line.number);
            }
        }
        self.refine_by_require_stack(line);
        let hit = if self.is_candidate(line) {
            self.classify(line)
        } else {
            None
        };
        if hit.as_ref().is_none_or(|h| h.entry == UNEXPLAINED_ERROR) {
            self.note_unread(line);
        }
        {
            if let Some(mut hit) = hit {
                if let (SubjectDetail::Canceled { elapsed_minutes }, catalogue::BARE_CANCEL) =
                    (&mut hit.detail, hit.entry)
                {
                    let first = self.jobs.last().and_then(|j| j.first_timestamp);
                    if let (Some(first), Some(now)) = (first, line.timestamp) {
                        *elapsed_minutes = u32::try_from((now - first).max(0) / 60).ok();
                    }
                }
                let silent_minutes = match (&hit.detail, previous, line.timestamp) {
                    (SubjectDetail::Limit { .. } | SubjectDetail::Canceled { .. }, Some(before), Some(now)) => {
                        u32::try_from((now - before).max(0) / 60).ok()
                    }
                    _ => None,
                };
                let step = self.jobs.last().and_then(|j| j.steps.len().checked_sub(1));
                let script_line = bash_script_line(line.text);
                let script = self.jobs.last().and_then(|j| j.steps.last()).map(|s| s.script.as_str());
                if script_line.is_some_and(|n| script.is_some_and(|s| tolerated_script_line(s, n)))
                    && !matches!(hit.strength, Strength::Weak | Strength::StepFailed | Strength::Canceled)
                {
                    hit.strength = Strength::Weak;
                }
                let above = usize::from(hit.opened_lines_above);
                if hit.entry == catalogue::TOOLCHAIN_FILE_MISSING && above > 0 {
                    // The wrapped path's finding replaces what its text's
                    // first line gave (`catalogue::wrapped_toolchain_path`).
                    let at = line.number.saturating_sub(above as u64);
                    self.job().findings.retain(|f| {
                        !(f.step == step && f.line == at && f.hit.entry == catalogue::TOOLCHAIN_FILE_MISSING)
                    });
                }
                let opened = (above > 0)
                    .then(|| {
                        let recent = self.recent.ordered();
                        recent.len().checked_sub(above).map(|i| evidence_text(recent[i]))
                    })
                    .flatten()
                    .filter(|_| line.number > above as u64);
                let job = self.job();
                let why = (hit.entry == catalogue::PROCESS_EXIT_CODE && hit.strength == Strength::StepFailed)
                    .then(|| std::mem::take(&mut job.output))
                    .and_then(|output| output.why().cloned())
                    .filter(|(n, _)| *n < line.number && opened.is_none())
                    .filter(|_| {
                        !job.findings
                            .iter()
                            .any(|f| f.step == step && f.hit.strength != Strength::Weak)
                    });
                // A summary that counts records (MkDocs' strict abort,
                // Sphinx's warnings treated as errors) says the build failed;
                // the first record it counted says why: the finding begins
                // there.
                let counted = catalogue::COUNTED_SUMMARIES
                    .iter()
                    .position(|(entry, _, _)| *entry == hit.entry)
                    .filter(|_| opened.is_none())
                    .and_then(|k| job.counted[k].clone())
                    .filter(|(n, _)| *n < line.number);
                // fastlane's closing `[!] {message}` repeats an error it
                // printed before its summary table: the finding begins there.
                let counted = counted.or_else(|| {
                    (hit.entry == catalogue::FASTLANE_REPEAT && opened.is_none())
                        .then(|| catalogue::fastlane_repeated(line.text))
                        .flatten()
                        .and_then(|message| {
                            let message = &message[..floor_boundary(message, 512)];
                            job.fastlane_records.iter().rev().find(|(_, m, _)| m == message)
                        })
                        .map(|(n, _, text)| (*n, text.clone()))
                });
                if let Some((n, text)) = &why {
                    // The step said why before its exit code: the finding
                    // begins there (an unexplained `##[error]` on that line
                    // is the same line, not a second failure).
                    job.findings
                        .retain(|f| !(f.step == step && f.line == *n && f.hit.entry == UNEXPLAINED_ERROR));
                    hit.entry = fallback::STEP_SAID;
                    hit.message = format!(
                        "{} Before it the step printed: {}",
                        hit.message,
                        subject::display_text(text.trim())
                    );
                }
                // A tool that marks the findings that fail the run: once the
                // step printed a mark, its unmarked findings are weak, before
                // it and after it (`catalogue::MARKED_FINDINGS`).
                for (mark, finding) in catalogue::MARKED_FINDINGS {
                    let same_step = |f: &&mut Finding| f.step == step;
                    if hit.entry == *mark {
                        for f in job.findings.iter_mut().filter(same_step) {
                            if f.hit.entry == *finding && f.hit.strength != Strength::Weak {
                                f.hit.strength = Strength::Weak;
                            }
                        }
                    } else if hit.entry == *finding
                        && job.findings.iter().any(|f| f.step == step && f.hit.entry == *mark)
                    {
                        hit.strength = Strength::Weak;
                    }
                }
                // Notices (a retry, a fetch that succeeded) inform ranking and
                // do not use up the room kept for weak failures.
                let weak = matches!(hit.strength, Strength::Weak) && !rank::is_notice(hit.entry);
                let room = job.findings.len() < MAX_FINDINGS_PER_JOB && (!weak || job.weak < MAX_WEAK_PER_JOB);
                if room {
                    job.weak += usize::from(weak);
                    let mut evidence = vec![Evidence {
                        line: line.number,
                        text: evidence_text(line.text),
                    }];
                    if let Some((n, text)) = why {
                        evidence.insert(
                            0,
                            Evidence {
                                line: n,
                                text: evidence_text(&text),
                            },
                        );
                    }
                    if let Some((n, text)) = counted {
                        evidence.insert(0, Evidence { line: n, text });
                    }
                    if let Some(text) = opened {
                        evidence.insert(
                            0,
                            Evidence {
                                line: line.number - above as u64,
                                text,
                            },
                        );
                    }
                    job.findings.push(Finding {
                        hit,
                        line: evidence[0].line,
                        step,
                        evidence,
                        props: line.props.cloned(),
                        script_line,
                        silent_minutes,
                    });
                }
            }
        }
        self.recent.push(line.text);
        self.step_lines += 1;
    }
}

/// Line `n` (1-based) of the step's script handles its own failure: bash
/// names the script line of its error (`{script}.sh: line {n}: …`), and that
/// line has a `||` fallback that does not fail in turn (`cmd || echo
/// "skipping"`, `|| true`, `|| apt-get install …`, unlike `|| exit 1`, `||
/// false` or `|| { echo …; exit 1; }`). What the command printed did not end
/// the step.
fn tolerated_script_line(script: &str, n: u32) -> bool {
    script
        .lines()
        .nth(n.saturating_sub(1) as usize)
        .is_some_and(|l| tolerant_line(l) || condition_line(l))
}

/// A line that is only an `if`, `elif`, `while` or `until` condition (`if [[
/// "$REF" == v* ]]; then`, nothing run after `then`/`do` on it): `set -e`
/// does not apply to a condition's commands (POSIX), so what one printed
/// did not stop the script, which took the other branch and went on.
fn condition_line(text: &str) -> bool {
    regex!(r"^\s*(?:if|elif|while|until)\s.*?(?:;\s*(?:then|do))?\s*$").is_match(text)
        && !regex!(r";\s*(?:then|do)\s+\S").is_match(text)
}

/// The step's script lets one of `programs` fail and goes on: a line that
/// runs one of them with a `||` fallback that does not fail in turn
/// ([`tolerant_line`]), or runs one after `set +e` (until a `set -e`). A
/// fallback tolerates its own command only, so an unrelated `docker system
/// prune || true` says nothing about the `npm run build` that filled the disk
/// (review82 M3); no programs, no tolerance.
pub(crate) fn tolerates_a_failure_of(script: &str, programs: &[&str]) -> bool {
    if programs.is_empty() {
        return false;
    }
    let mut errexit_off = false;
    script.lines().any(|l| {
        if regex!(r"^\s*set\s+\+e\b").is_match(l) {
            errexit_off = true;
            return false;
        }
        if regex!(r"^\s*set\s+-e\b").is_match(l) {
            errexit_off = false;
            return false;
        }
        let tolerated = if errexit_off {
            Some(l)
        } else if tolerant_line(l) {
            l.split_once("||").map(|(command, _)| command)
        } else {
            None
        };
        tolerated.is_some_and(|text| runs_one_of(text, programs))
    })
}

/// `text` runs one of `programs` in a command's position (after assignments
/// and `sudo`), as the shell lexes it; unlexable text runs nothing known.
fn runs_one_of(text: &str, programs: &[&str]) -> bool {
    crate::shell_lex::lex(text).is_ok_and(|l| {
        l.commands.iter().any(|c| {
            c.words
                .iter()
                .find(|w| !crate::shell_lex::is_assignment(&w.text) && w.text != "sudo")
                .is_some_and(|w| is_one_of(crate::shell_lex::program_name(&w.text), programs))
        })
    })
}

/// `program` is one of `programs`: by name, or by a script's extension
/// where an entry starts with `.` (`label.mjs` for `.mjs`).
fn is_one_of(program: &str, programs: &[&str]) -> bool {
    programs
        .iter()
        .any(|p| *p == program || (p.starts_with('.') && program.len() > p.len() && program.ends_with(p)))
}

/// A script line whose `||` fallback does not fail in turn (see
/// [`tolerated_script_line`]).
fn tolerant_line(text: &str) -> bool {
    let Some((command, fallback)) = text.split_once("||") else {
        return false;
    };
    let fallback = fallback.trim();
    // A fallback that runs the command's program again is a retry (`cargo
    // fetch || (sleep 20 && cargo fetch)`): it fails when the retry fails.
    let program = command
        .split_whitespace()
        .find(|w| !crate::shell_lex::is_assignment(w) && *w != "sudo")
        .map(crate::shell_lex::program_name);
    let runs = |p: &str| {
        crate::shell_lex::lex(fallback).is_ok_and(|l| {
            l.commands.iter().any(|c| {
                c.words
                    .iter()
                    .find(|w| !crate::shell_lex::is_assignment(&w.text) && w.text != "sudo")
                    .is_some_and(|w| crate::shell_lex::program_name(&w.text) == p)
            })
        })
    };
    if program.is_some_and(runs) {
        return false;
    }
    // `exit`/`return` keep the step failing unless given a literal 0 (`exit`, `exit $?`,
    // `exit "$rc"` all pass a failure on).
    let fails = regex!(r"\bfalse\b").is_match(fallback)
        || regex!(r"\b(?:exit|return)\b\s*([^\s;|&)}]*)")
            .captures_iter(fallback)
            .any(|c| &c[1] != "0");
    !fallback.is_empty() && !fails
}

fn evidence_text(text: &str) -> String {
    text[..floor_boundary(text, MAX_EVIDENCE_TEXT)].trim_end().to_string()
}

/// `/home/runner/work/_temp/<uuid>.sh: line 7: …` → 7.
fn bash_script_line(text: &str) -> Option<u32> {
    let at = text.find("/_temp/")?;
    let rest = &text[at..];
    let sh = rest.find(".sh: ")?;
    let after = &rest[sh + 5..];
    let after = after.strip_prefix("line ").unwrap_or(after);
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Names of the project's own Python packages a line shows: the repository
/// of a checkout path, and the top-level package of a source file of the
/// project in a traceback (`File "…/repo/repo/src/pkg/x.py"`, `src/pkg/x.py:9:
/// in <module>`). Installed packages (site-packages, the tool cache) are not
/// the project's.
fn own_package_names(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(repo) = subject::repository_in_path(line) {
        out.push(repo.to_string());
    }
    if !line.contains(".py") || line.contains("site-packages") || line.contains("dist-packages") {
        return out;
    }
    let path = if let Some(at) = line.find("File \"") {
        line[at + 6..].split('"').next()
    } else {
        line.split_whitespace()
            .next()
            .and_then(|w| w.find(".py:").map(|at| &w[..at + 3]))
    };
    let Some(relative) = path.and_then(workspace_path) else {
        return out;
    };
    let mut parts = relative.split('/');
    let first = parts.next().unwrap_or("");
    let package = if matches!(first, "src" | "lib") {
        parts.next()
    } else {
        Some(first)
    };
    if let Some(p) = package.filter(|p| !p.ends_with(".py") && subject::is_module(p)) {
        out.push(p.to_string());
    }
    out
}

#[cfg(test)]
mod tests;
