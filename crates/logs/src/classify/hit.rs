//! What one line says (a [`Hit`]) and the context a catalogue entry may look
//! at besides the line itself ([`Line`]).

use crate::knowledge::place::Place;
use crate::line::LineKind;
use crate::report::{Category, PythonVersion, RunnerClass, SubjectDetail};
use crate::subject::display_text;

/// How a hit weighs when the findings of a job are ranked (see `rank.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Names a root cause of one of the fixable categories (or a refinement
    /// that says the look-alike is not one).
    Specific,
    /// A failure nobody should auto-fix (tests, compile, secrets, …).
    Blocker,
    /// A failed install: whatever goes missing afterwards follows from it.
    InstallFailure,
    /// The heading of a failure whose cause the tool prints with it (Gradle's
    /// `Could not resolve all files for configuration …` above the `> Could not
    /// GET … 429` that explains it): a specific cause near it wins; alone, it
    /// is the root cause.
    Summary,
    /// `Process completed with exit code N`: a step ended here.
    StepFailed,
    /// `The operation was canceled.`: its cause is elsewhere or unknown.
    Canceled,
    /// An error line no entry explains.
    Weak,
}

/// What one line says.
#[derive(Clone, Debug)]
pub struct Hit {
    pub category: Category,
    pub subject: Option<String>,
    pub detail: SubjectDetail,
    pub fixable: bool,
    /// See the confidence scale in `rank.rs`.
    pub confidence: f32,
    /// For people; says why when the failure is not fixable.
    pub message: String,
    pub strength: Strength,
    /// Explains the whole job (the time-limit annotation, an invalid
    /// workflow), so it ranks first whatever its position.
    pub job_level: bool,
    /// The catalogue entry that produced it (`emitter/message`).
    pub entry: &'static str,
    /// The message began this many lines above this one, which this line
    /// completes and decides (setup-java's `Available versions: …` under its
    /// `Could not find satisfied version …`, one line; Biome's `× {message}`
    /// under its `{file}:{line}:{column} {category}` header and a blank line,
    /// two): the finding is located there. 0: on this line.
    pub opened_lines_above: u8,
    /// What it reports is something the run expected and did not find, though its category
    /// is not one of the "missing" ones (a test failing on a file the code under test could
    /// not open): a failed install or fetch earlier may explain it (`rank.rs`).
    pub reports_absence: bool,
}

impl Hit {
    pub fn new(category: Category, confidence: f32, strength: Strength, message: impl Into<String>) -> Hit {
        Hit {
            category,
            subject: None,
            detail: SubjectDetail::None,
            fixable: false,
            confidence,
            message: message.into(),
            strength,
            job_level: false,
            entry: "",
            opened_lines_above: 0,
            reports_absence: false,
        }
    }

    /// A failure of the `unknown` category that explains the job (tests,
    /// compile errors, secrets, outages, …): never fixable.
    pub fn blocker(message: impl Into<String>) -> Hit {
        Hit::new(Category::Unknown, 0.6, Strength::Blocker, message)
    }

    /// A dependency install that failed: later missing things follow from it.
    pub fn install_failure(message: impl Into<String>) -> Hit {
        Hit::new(Category::Unknown, 0.6, Strength::InstallFailure, message)
    }

    /// A line that is no failure but tells ranking something (a client's
    /// retry, a fetch that succeeded; `rank.rs` consumes it).
    pub fn notice(message: impl Into<String>) -> Hit {
        Hit::new(Category::Unknown, 0.1, Strength::Weak, message)
    }

    /// The heading of a failure whose cause follows it (see [`Strength::Summary`]).
    pub fn summary(message: impl Into<String>) -> Hit {
        Hit::new(Category::Unknown, 0.5, Strength::Summary, message)
    }

    /// A root cause of `category` with a validated subject.
    pub fn cause(category: Category, confidence: f32, message: impl Into<String>) -> Hit {
        Hit::new(category, confidence, Strength::Specific, message)
    }

    pub fn with_subject(mut self, subject: impl Into<String>, detail: SubjectDetail) -> Hit {
        self.subject = Some(subject.into());
        self.detail = detail;
        self
    }

    /// A subject that failed its grammar: shown, never used by a fix.
    pub fn with_untrusted(mut self, raw: &str) -> Hit {
        let text = display_text(raw);
        self.subject = Some(text.clone());
        self.detail = SubjectDetail::Untrusted { text };
        self.fixable = false;
        self
    }

    pub fn fixable(mut self, fixable: bool) -> Hit {
        self.fixable = fixable;
        self
    }

    pub fn job_level(mut self) -> Hit {
        self.job_level = true;
        self
    }

    /// See [`Hit::reports_absence`].
    pub fn reports_absence(mut self) -> Hit {
        self.reports_absence = true;
        self
    }

    /// The message began on the line before this one (see
    /// [`Hit::opened_lines_above`]).
    pub fn opened_on_previous_line(self) -> Hit {
        self.opened_lines_above(1)
    }

    /// See [`Hit::opened_lines_above`].
    pub fn opened_lines_above(mut self, lines: u8) -> Hit {
        self.opened_lines_above = lines;
        self
    }

    pub fn weak(mut self) -> Hit {
        self.strength = Strength::Weak;
        self
    }
}

/// What an entry may look at: the line and a little context kept by the
/// scanner (bounded, so memory stays flat on huge logs).
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    /// The message text: timestamp, `##[error]` marker and `Error: ` UI
    /// prefix handling already done by the reader.
    pub text: &'a str,
    pub kind: LineKind,
    /// A few lines before this one, oldest first.
    pub recent: &'a [&'a str],
    /// How many of `recent`'s lines (the newest ones) the current step
    /// printed: `recent` runs on across step boundaries (a step's header is
    /// never one of its lines), so what one step announced (a package.json
    /// script's `> name@version script`) is read from these only.
    pub step_recent: usize,
    /// The current step's script as echoed in its header.
    pub script: &'a str,
    /// Normalized names of the project's own packages (from hints, checkout
    /// paths and the project's source paths seen in the log).
    pub own_packages: &'a [String],
    /// The Python version the log showed so far.
    pub python: Option<PythonVersion>,
    /// The machine the job's set-up named, when it printed its hosted image
    /// (`Runner Image`, `catalogue::hosted_image`): only GitHub-hosted jobs
    /// do, so `None` says nothing about the architecture.
    pub runner: Option<RunnerClass>,
    /// Where the step ran, as far as the log shows it: the line's script
    /// path, else the job's set-up ([`crate::knowledge::place`]).
    pub place: Place,
    /// The gems the job's log showed Bundler or RubyGems installing or
    /// using so far (`catalogue::installed_gem`).
    pub gems: &'a [String],
    /// The line is output of an isolated build environment, and whose (pip's,
    /// uv's, pypa/build's; [`super::catalogue::PipBuild`]): a module missing
    /// there is missing from the environment made for a source
    /// distribution's build.
    pub build_env: Option<super::catalogue::BuildFrontend>,
    /// The line is what a test wrote, as a test runner's logger relays it in
    /// a section of its own under the test's result (VSTest's `Standard
    /// Output Messages:`; [`super::quoted::TestOutputSection`]): the test's
    /// data, not the job's report.
    pub test_output: bool,
}

impl<'a> Line<'a> {
    /// The recent lines the current step printed, oldest first.
    pub fn step_lines(&self) -> &'a [&'a str] {
        let recent = self.recent;
        &recent[recent.len().saturating_sub(self.step_recent)..]
    }

    /// A line with no context, as the entries' fixtures are checked.
    pub fn plain(text: &'a str) -> Line<'a> {
        Line {
            text,
            kind: LineKind::Plain,
            recent: &[],
            step_recent: usize::MAX,
            script: "",
            own_packages: &[],
            python: None,
            runner: None,
            place: Place::UNKNOWN,
            gems: &[],
            build_env: None,
            test_output: false,
        }
    }

    /// A line printed at warning level: by the runner (`##[warning]`, the web
    /// UI's `Warning:`), or by the tool itself with its warning prefix: pip
    /// and Docker `WARNING:`, Maven `[WARNING]`, cargo, git and compilers
    /// `warning:`, npm `npm WARN` (npm 10: `npm warn`), apt `W:`, pnpm `WARN`,
    /// yarn classic `warning`, mise `mise WARN` (its logger names itself
    /// before the level: `mise WARN  GitHub rate limit exceeded …`, then
    /// `mise ERROR …` when it gives up), Turborepo ` WARNING  ` (its UI's
    /// prefix, two spaces after the word: `WARNING  failed to contact remote
    /// cache: …`, after which the run goes on uncached). The tool went on after printing it. Lines
    /// below warning level count too: Python's `logging` default format
    /// (`logging.BASIC_FORMAT`, `{LEVEL}:{logger}:{message}`) at `INFO:` or
    /// `DEBUG:` (a program reporting a fallback, `uvloop not available (No
    /// module named 'uvloop')`).
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, LineKind::Warning | LineKind::Notice) || tool_warning(self.text)
    }

    /// This line or a recent one contains `needle`.
    pub fn nearby(&self, needle: &str) -> bool {
        self.text.contains(needle) || self.recent.iter().any(|l| l.contains(needle))
    }

    /// The step's script, this line or a recent one contains `needle`: how a
    /// tool was told to behave (a flag, an option in the step's `env:` as
    /// its header echoes it).
    pub fn step_mentions(&self, needle: &str) -> bool {
        self.script.contains(needle) || self.nearby(needle)
    }

    /// The step's script, this line or a recent one names `command` as a
    /// word of its own (a program's name, `west build`, `/usr/bin/hlint`),
    /// not inside another word (`westbound`, `northwest`, `west-eu-1`,
    /// `hlint.yaml`): what a step-tied entry asks before it trusts a line
    /// shape other programs print too.
    pub fn step_mentions_command(&self, command: &str) -> bool {
        std::iter::once(self.script)
            .chain(std::iter::once(self.text))
            .chain(self.recent.iter().copied())
            .any(|text| names_command(text, command))
    }
}

/// `command` in `text` with no name character (`[A-Za-z0-9_.-]`) either side.
fn names_command(text: &str, command: &str) -> bool {
    let name_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-');
    text.match_indices(command).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(name_char)
            && !text[at + command.len()..].chars().next().is_some_and(name_char)
    })
}

/// The warning prefixes tools print (see [`Line::is_warning`]).
fn tool_warning(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "WARNING:",
        "[WARNING]",
        "warning:",
        "npm WARN ",
        "npm warn ",
        "mise WARN ",
        "WARNING  ",
        "W: ",
        "WARN ",
        "warning ",
        "INFO:",
        "DEBUG:",
    ];
    let body = text.trim_start();
    // ThreadSanitizer's report head starts with `WARNING:`, yet the process
    // fails because of it (`catalogue::sanitizers`).
    (PREFIXES.iter().any(|p| body.starts_with(p)) && !crate::classify::catalogue::is_sanitizer_report_head(body))
        || jvm_log_record_below_error(body)
}

/// A record of the JVM's logging frameworks below `ERROR`, as their default
/// layouts print it: Logback's and Log4j 2's `{HH:mm:ss.SSS} [{thread}]
/// {LEVEL} {logger} - {message}` (the level padded to five; Log4j's
/// `{date} {LEVEL} [{thread}] {logger} - {message}` too), and Spring
/// Boot's `{date}T{time}{zone} {LEVEL} {pid} --- [{app}] [{thread}] {logger}
/// : {message}`: a program under test or a build tool reporting something it
/// went on after (a server's own `429 Too Many Requests` to a client in an
/// integration test, ktlint's hint to run `--format`).
fn jvm_log_record_below_error(body: &str) -> bool {
    crate::classify::catalogue::util::regex!(
        r"^(?:\d{4}-\d{2}-\d{2}[ T])?\d{2}:\d{2}:\d{2}[.,]\d{3}\S*\s+(?:\[[^\]]*\]\s+)?(?:WARN|WARNING|INFO|DEBUG|TRACE)\s+(?:\[[^\]]*\]\s+)?(?:\d+ --- |\S+ +- |\S+ -- )"
    )
    .is_match(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_named_as_a_word_of_its_own() {
        let mut line = Line::plain("   Compiling ledger v0.1.0");
        for script in [
            "west build -b nrf52840dk/nrf52840 app",
            "cd app && west build -p always",
            "/usr/local/bin/hlint src",
            "set -e\nhlint --git",
            "xcodebuild test -scheme App | xcpretty",
        ] {
            line.script = script;
            let command = ["west", "hlint", "xcpretty"]
                .into_iter()
                .find(|c| script.contains(c))
                .expect("a command");
            assert!(line.step_mentions_command(command), "{script}");
        }
        for script in [
            "./deploy.sh westbound",
            "terraform apply -var region=northwest",
            "gsutil cp out gs://logs-west-eu-1/",
            "cat .hlint.yaml",
            "echo hlint_version",
        ] {
            line.script = script;
            assert!(
                !line.step_mentions_command("west") && !line.step_mentions_command("hlint"),
                "{script}"
            );
        }
    }

    /// A JVM program's own log record below `ERROR` (a server under test
    /// answering 429 to its client) is a warning, not the job's failure.
    #[test]
    fn jvm_log_records_below_error_are_warnings() {
        for text in [
            "10:41:07.311 [http-nio-auto-1-exec-3] WARN  c.h.gateway.RateLimitFilter - client 10.1.0.4 over budget: \
             429 Too Many Requests (retry after 2s)",
            "10:02:41.118 [main] WARN com.pinterest.ktlint.cli.internal.KtlintCommandLine -- Lint has found errors \
             than can be autocorrected using 'ktlint --format'",
            "2026-12-07T10:41:07.311Z  WARN 4242 --- [gateway] [nio-8080-exec-1] c.h.g.RateLimitFilter : 429 Too \
             Many Requests",
            "2026-12-07 10:41:07,311 INFO  [main] o.a.k.Server - No module named 'x' in the plugin path",
        ] {
            assert!(Line::plain(text).is_warning(), "{text}");
        }
        for text in [
            "10:41:07.311 [main] ERROR c.h.gateway.App - failed to start: 429 Too Many Requests",
            "10:41:07 WARN is not a log record",
            "npm error 429 Too Many Requests",
        ] {
            assert!(!Line::plain(text).is_warning(), "{text}");
        }
    }
}
