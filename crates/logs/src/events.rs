//! The reading side as a stream of events: jobs, steps and lines.
//!
//! Readers (plain text, zip) emit these; consumers (the classifier, the
//! in-memory [`crate::LogSet`]) receive them, so a 1 GB log never has to be
//! held in memory to be analyzed.

use crate::line::{CommandProps, LineKind, ParsedLine, parse_line};

/// One line as consumers see it.
#[derive(Clone, Copy, Debug)]
pub struct LineEvent<'a> {
    /// 1-based line number in the input file the line came from.
    pub number: u64,
    pub kind: LineKind,
    pub text: &'a str,
    pub props: Option<&'a CommandProps>,
    /// Seconds since 1970 from the line's timestamp, when it has one.
    pub timestamp: Option<i64>,
    /// The line echoes the step's script (inside the `Run …` header group),
    /// so a matching string in it is not output.
    pub echo: bool,
}

pub trait LogSink {
    fn begin_job(&mut self, name: Option<&str>);
    /// A new step starts at input line `line`.
    fn begin_step(&mut self, number: Option<u32>, name: &str, line: u64);
    fn line(&mut self, line: &LineEvent<'_>);
}

/// Turns the lines of one job log into events, finding step boundaries in
/// `##[group]Run …` headers (API logs) or `Run …` lines (web-UI copies).
#[derive(Debug, Default)]
pub struct TextFeeder {
    /// Steps come from elsewhere (zip step files); don't start new ones.
    pub steps_given: bool,
    in_header: bool,
    in_ui_header: bool,
    /// The web-UI header has shown its `shell: … {0}` line: only its `env:`
    /// block may follow.
    ui_after_shell: bool,
}

impl TextFeeder {
    pub fn new(steps_given: bool) -> Self {
        TextFeeder {
            steps_given,
            ..Default::default()
        }
    }

    pub fn feed(&mut self, number: u64, bytes: &[u8], sink: &mut dyn LogSink) {
        let parsed = parse_line(bytes);
        self.feed_parsed(number, &parsed, sink);
    }

    pub fn feed_parsed(&mut self, number: u64, parsed: &ParsedLine<'_>, sink: &mut dyn LogSink) {
        let text: &str = &parsed.text;
        let mut echo = false;
        match parsed.kind {
            LineKind::GroupStart => {
                if let Some(step) = text.strip_prefix("Run ") {
                    if !self.steps_given {
                        sink.begin_step(None, step.trim(), number);
                    }
                    self.in_header = true;
                    self.in_ui_header = false;
                    echo = true;
                }
            }
            LineKind::GroupEnd => {
                echo = self.in_header;
                self.in_header = false;
            }
            _ if self.in_header => echo = true,
            _ => {
                if !parsed.had_timestamp && parsed.kind == LineKind::Plain {
                    let header = ui_step_header(text);
                    if let Some(step) = header {
                        if !self.steps_given {
                            sink.begin_step(None, step, number);
                        }
                        self.in_ui_header = true;
                        self.ui_after_shell = false;
                        echo = true;
                    } else if self.in_ui_header {
                        // The web UI indents the expanded script, `shell:`
                        // and `env:` under the `Run` line. The runner prints
                        // the script, then `shell: {command with {0}}`, then
                        // at most `env:` with its entries a level deeper:
                        // after the shell line, a blank line or one indented
                        // less is the step's output (Laravel's and other
                        // tools' reports are indented too).
                        if self.ui_after_shell {
                            if text == "  env:" || text.starts_with("    ") {
                                echo = true;
                            } else {
                                self.in_ui_header = false;
                            }
                        } else if text.starts_with("  ") || text.is_empty() {
                            echo = true;
                            self.ui_after_shell = text.starts_with("  shell: ") && text.contains("{0}");
                        } else {
                            self.in_ui_header = false;
                        }
                    }
                }
            }
        }
        let event = LineEvent {
            number,
            kind: parsed.kind,
            text,
            props: parsed.props.as_ref(),
            timestamp: parsed.timestamp,
            echo,
        };
        sink.line(&event);
    }
}

/// Is `name` the runner's header for a step that has no name of its own:
/// `Run {first line of script}` as the API and the `##[group]` line show it,
/// or the first line alone as the text readers above pass it (they strip
/// `Run `)? Such a name says nothing the script does not. `script` is the
/// workflow's `run:` or the echo the log kept of it. The one rule for ranking
/// (is a step an install by its name), the log-to-workflow mapping and the
/// fixes' step location.
pub fn named_after_script(name: &str, script: &str) -> bool {
    let Some(first) = script.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let name = name.trim();
    name == first || name.strip_prefix("Run ").map(str::trim) == Some(first)
}

/// `Run <script or action>` at column 0 of a web-UI copy (also with the
/// Markdown quote `> ` people paste along). Not a tool's advice that starts
/// the same way: Gradle's `* Try:` lines (`> Run with --stacktrace option to
/// get the stack trace.`, `Run with --info …` before Gradle 5) and a command
/// in backquotes (npm's `Run `npm audit` for details.`); nor the test
/// runners' report of their options, Minitest's `Run options: --seed {n}`
/// (`Minitest.run`) and RSpec's `Run options: include {…}` /
/// `exclude {…}` (its configuration's filter announcement); nor advice naming
/// a command in double quotes, `Run "{command}" to {…}` (pnpm's hint under
/// `ERR_PNPM_IGNORED_BUILDS`, `Run "pnpm approve-builds" to pick which
/// dependencies should be allowed to run scripts.`), where a step's quoted
/// program is followed by its arguments, not by `to`.
fn ui_step_header(text: &str) -> Option<&str> {
    let t = text.strip_prefix("> ").unwrap_or(text);
    let step = t.strip_prefix("Run ")?.trim();
    let quoted_advice = step
        .strip_prefix('"')
        .and_then(|rest| rest.split_once('"'))
        .is_some_and(|(command, rest)| !command.is_empty() && rest.starts_with(" to "));
    (!step.is_empty()
        && !step.starts_with("with --")
        && !step.starts_with('`')
        && !step.starts_with("options: ")
        && !quoted_advice)
        .then_some(step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Recorder {
        steps: Vec<(u64, String)>,
        lines: Vec<(u64, bool, String)>,
    }

    impl LogSink for Recorder {
        fn begin_job(&mut self, _: Option<&str>) {}
        fn begin_step(&mut self, _: Option<u32>, name: &str, line: u64) {
            self.steps.push((line, name.to_string()));
        }
        fn line(&mut self, line: &LineEvent<'_>) {
            self.lines.push((line.number, line.echo, line.text.to_string()));
        }
    }

    /// Gradle's `* Try:` suggestions (`> Run with --scan …`) in a web-UI
    /// copy are output, not steps; a quoted paste's headers are, with or
    /// without the durations above them.
    #[test]
    fn a_quoted_run_line_is_a_header_unless_it_is_gradle_s_advice() {
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "3m 16s\nRun ./gradlew assembleRelease\n* Try:\n> Run with --stacktrace option to get the stack \
                   trace.\n> Run with --scan to get full insights.\nBUILD FAILED in 3m 11s\n> 2s\n> Run npm test\n> ok";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        assert_eq!(
            rec.steps,
            vec![
                (2, "./gradlew assembleRelease".to_string()),
                (8, "npm test".to_string())
            ]
        );
        // A quoted paste that drops the durations, and advice that is no
        // step.
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "> Run ./gradlew test\n> BUILD FAILED\n> Run with --info or --debug option to get more log output.\n\
                   Run with --stacktrace option to get the stack trace.\nRun `npm audit` for details.\n> Run npm ci";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        assert_eq!(
            rec.steps,
            vec![(1, "./gradlew test".to_string()), (6, "npm ci".to_string())]
        );
    }

    #[test]
    fn raw_group_header_starts_a_step_and_marks_echo() {
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "2024-01-01T00:00:00.1Z ##[group]Run pytest\n2024-01-01T00:00:00.1Z pytest\n\
                   2024-01-01T00:00:00.1Z ##[endgroup]\n2024-01-01T00:00:00.1Z boom";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        assert_eq!(rec.steps, vec![(1, "pytest".to_string())]);
        let echo: Vec<bool> = rec.lines.iter().map(|l| l.1).collect();
        assert_eq!(echo, vec![true, true, true, false]);
    }

    #[test]
    fn ui_run_line_and_indented_script() {
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "Run pytest\n  pytest\n  shell: /usr/bin/bash -e {0}\nImportError while loading conftest";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        assert_eq!(rec.steps, vec![(1, "pytest".to_string())]);
        let echo: Vec<bool> = rec.lines.iter().map(|l| l.1).collect();
        assert_eq!(echo, vec![true, true, true, false]);
    }

    /// After the runner's `shell:` line only its `env:` block continues the
    /// header; a tool that indents its report (Laravel's exception) is
    /// output from its blank line on, while blank or indented script lines
    /// before the shell line are still the script.
    #[test]
    fn ui_header_ends_after_the_shell_line_and_its_env() {
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "Run php artisan migrate
  php artisan migrate

  # then seed
  shell: /usr/bin/bash -e {0}
                     env:
    DB_HOST: 127.0.0.1

   Illuminate\\Database\\QueryException 
  SQLSTATE[HY000] [2002]                    Connection refused
Error: Process completed with exit code 1.";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        let echo: Vec<bool> = rec.lines.iter().map(|l| l.1).collect();
        assert_eq!(
            echo,
            vec![true, true, true, true, true, true, true, false, false, false, false]
        );
    }
    /// Minitest's and RSpec's `Run options:` report in a web-UI copy is the
    /// step's output, not a new step's header.
    #[test]
    fn a_test_runner_s_run_options_line_is_no_step() {
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "41s\nRun bin/rails test\n  bin/rails test\n  shell: /usr/bin/bash -e {0}\nRunning 84 tests in a \
                   single process (parallelization threshold is 50)\nRun options: --seed 41522\n\n# Running:\n\
                   Run options: exclude {:type=>\"system\"}";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        assert_eq!(rec.steps, vec![(2, "bin/rails test".to_string())]);
    }

    /// A tool's advice `Run "{command}" to …` is the step's output; a step
    /// whose script starts with a quoted program still opens a step.
    #[test]
    fn quoted_advice_is_no_step_but_a_quoted_program_is() {
        let mut rec = Recorder::default();
        let mut feeder = TextFeeder::new(false);
        let log = "4s\nRun pnpm install\n  pnpm install\n ERR_PNPM_IGNORED_BUILDS  Ignored build scripts: esbuild.\n\n\
                   Run \"pnpm approve-builds\" to pick which dependencies should be allowed to run scripts.\n\
                   Error: Process completed with exit code 1.\n2s\n\
                   Run \"C:\\Program Files\\Git\\bin\\bash.exe\" scripts/pack.sh\n";
        crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut rec));
        assert_eq!(
            rec.steps,
            vec![
                (2, "pnpm install".to_string()),
                (
                    9,
                    "\"C:\\Program Files\\Git\\bin\\bash.exe\" scripts/pack.sh".to_string()
                )
            ]
        );
    }
}
