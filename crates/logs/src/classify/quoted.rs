//! Lines that quote a message instead of reporting one: no catalogue entry
//! reads them, whatever needle they contain.
//!
//! A failure message means something only when the program that hit the
//! failure prints it. The same words also appear as data: in a test's
//! assertion and its expected/received values, in the trace of a shell
//! command (`set -x`), in `grep -n` output, and in text the step's own script
//! writes (`echo "::error::…"`). Each shape below comes from the printing
//! program's documented output format:
//!
//! - pytest shows the failing source line (`>       assert …`) and the
//!   assertion's explanation with an `E` margin (`E       assert …`, `E
//!   AssertionError: …`, `E        +  where …`, and the diff lines of the
//!   same block, `E         - {expected}` / `E         + {actual}`); `unittest` and Node's
//!   `node:assert` raise `AssertionError` (`AssertionError [ERR_ASSERTION]: …`);
//! - RSpec shows the failing example's source line as `Failure/Error:
//!   {code}` (`RSpec::Core::Formatters::ExceptionPresenter`), and its
//!   matchers' messages under it (`expected {actual} to {description}`,
//!   `expected: {value}` / `got: {value}`, and a `Diff:` of the two); not
//!   EUnit's `Failure/Error: ?assert…(…)` (eunit_progress names the Erlang
//!   macro that failed, never Ruby code) or `Failure/Error: {error,…}` (a
//!   test that crashed: the Erlang term of the error), which
//!   `catalogue/eunit.rs` reads;
//! - Jest and Vitest print `Expected: …` / `Received: …` (also `Expected
//!   substring:`, `Received string:`, `Expected value:` …) and the
//!   `expect(received).toBe(expected)` heading;
//! - Go's `testing` package prefixes `t.Log`/`t.Error` output with
//!   `{file}_test.go:{line}: ` (except an `os/exec` error a test passes on:
//!   its subprocess's program is missing from the machine);
//! - Rust's `assert_eq!` prints `left: …` / `right: …` under `assertion
//!   `left == right` failed`;
//! - bash and dash trace commands with `PS4` (`+ `, `++ ` for nested
//!   substitutions) under `set -x`;
//! - `grep -n` prints `{file}:{line}:{matched text}` with no space after the
//!   second colon (unlike compilers' `{file}:{line}:{col}: ` and Ruby's
//!   `{file}:{line}:in '…'` backtrace lines, which are not quotes);
//! - Jest prints what a test logged under a `console.error` (`console.log`,
//!   `console.warn`, …) line, indented deeper than it (`@jest/console`'s
//!   buffered output), and Vitest under a `stderr | {file} > {test}` (or
//!   `stdout | …`) heading up to the next blank line: the test's own output,
//!   whether that test passed or failed;
//! - a test runner's report of an attempt it then retried: Jest's
//!   `retryTimes` with `logErrorsBeforeRetry` prints each earlier attempt's
//!   error under `LOGGING RETRY ERRORS  {test}` and `RETRY {n}` before the
//!   test's final `● {test}` heading (`jest-circus`), and
//!   pytest-rerunfailures lists each rerun in the short summary as `RERUN
//!   {nodeid} - {error}`: the attempt was not the outcome (only the
//!   retried error's first lines are within reach: the last six lines are
//!   what a line is read with);
//! - a source excerpt under an error (the code frame of Jest, Vitest, bun,
//!   Babel and rustc: `{line} | {code}`, Jest's `> {line} | {code}` on the
//!   failing line), and the throwing source line Node prints under the
//!   frame's `{file}:{line}` heading of an uncaught exception
//!   (`lib/internal/process/execution.js`, above its `^` marker): the
//!   program's code, not its output;
//! - a test's name on a test runner's result line: bun test's `(pass) {name}`
//!   / `(fail) {name}` (also `(skip)`, `(todo)`), Jest's and Vitest's `✓
//!   {name}` / `✕ {name}` (`√` on Windows consoles), and ExUnit's failure
//!   heading `  {n}) test {name} ({module})` (`doctest …`, `property …`);
//! - the issue search fastlane runs before its closing `[!]` (gh_inspector's
//!   report, `fastlane_core/ui/github_issue_inspector_reporter.rb`): under
//!   `Looking for related GitHub issues on {owner}/{repo}...`, each issue's
//!   `➡️  {title}` (then `    {url} [{state}] {n} 💬` and its age), and,
//!   when GitHub could not be reached, `Error: {name}` below `Could not
//!   access the GitHub API, …`: other people's issues and the search's own
//!   error;
//! - a container's log lines a deploy tool relays: Skaffold's status check
//!   prints a failed pod's log lines under its status line, each as `{tab}
//!   {tab} > {line}` (`pkg/skaffold/kubernetes/status/resource/
//!   deployment.go`, `ReportSinceLastUpdated`; only the last lines when its
//!   logs are muted) with `{line}` prefixed `[{pod} {container}] `
//!   (`pkg/diag/validator/pod.go`, `getPodLogs`, over `kubectl logs`), so
//!   `> [{pod} {container}] …` (`catalogue/skaffold.rs`): the application's
//!   output in the cluster, not the job's (a `Cannot find module '/app/…'`
//!   there is the image's path, not the workspace's); Playwright Test relays the output
//!   of the server its `webServer` config starts (the application under
//!   test) prefixed `[WebServer] ` (`packages/playwright/src/plugins/
//!   webServerPlugin.ts`: its stderr always, its stdout with `DEBUG=pw:
//!   webserver` or `stdout: 'pipe'`); a request log line there (`{METHOD}
//!   {path} {status} …`, the shape of morgan's `dev`/`tiny` formats and
//!   most servers' access logs) records what the application answered the
//!   tests (a `429 Too Many Requests` is its own rate limiter's answer), not
//!   a service refusing the job; the server's other output (a failed
//!   start, a missing module) is the workspace's and still read;
//! - what a test wrote, as VSTest's console logger (`dotnet test`) relays
//!   it under a test result (`src/vstest.console/Internal/ConsoleLogger.cs`,
//!   `DisplayFullInformation`): after the result line (`  Passed {name}
//!   [{duration}]`, `  Failed …`, `  Skipped …`) come the sections, each
//!   under a heading indented two spaces: `  Error Message:`, `  Stack
//!   Trace:`, `  Standard Output Messages:`, `  Standard Error Messages:`,
//!   `  Debug Traces Messages:`, `  Additional Information Messages:`. The
//!   three message sections print every line the test wrote behind a
//!   one-space prefix (`GetFormattedOutput` puts it after each newline, so a
//!   line the test indented itself, an `ILogger` message's continuation,
//!   keeps its own spaces behind it); the logger's empty line, the next
//!   result line, the next heading, or any line without the prefix (the run
//!   summary, an adapter's `[xUnit.net …]` message) ends the section. Shown
//!   for a passed test at `detailed` verbosity and for a failed one always:
//!   the test's own output (a client under test logging a `429` it then
//!   retried), not the job's ([`TestOutputSection`], read on every line of
//!   the step, however long the section);
//! - text the step's script contains verbatim (shown in the step's `Run`
//!   header), or that the traced command just before it echoed, is the
//!   script's own words.
//!
//! A quoted line can still be an `##[error]` annotation the script raised on
//! purpose; it is then only an unexplained error line (weak, `unknown`).

use super::catalogue;
use super::catalogue::util::regex;
use super::hit::Line;

/// Shortest text taken as the script's own words when the script contains it
/// (shorter texts such as `Killed` can occur in any script by chance).
const MIN_SCRIPT_TEXT: usize = 12;

/// Why `line` is a quote rather than a report, or `None`.
pub fn quoted_by(line: &Line<'_>) -> Option<&'static str> {
    let text = line.text;
    let body = text.trim_start();
    if is_assertion(body) && !raised_in_short_traceback(line)
        || continues_assertion(line)
        || continues_rspec_failure(line)
    {
        return Some("test assertion output");
    }
    if is_short_traceback_source(line) {
        return Some("a frame's source line in pytest's short traceback");
    }
    if is_trace(body) {
        return Some("a shell's command trace (set -x)");
    }
    // Sphinx prints the warning `-W` stopped on as `{file}:{line}:{message}`
    // under its heading: grep's shape, Sphinx's report.
    // So does Unity's failed case, `{file}:{line}:{test}:FAIL[: …]`.
    if is_grep_match(body)
        && line.recent.last().map(|l| l.trim()) != Some(catalogue::SPHINX_TREATED_AS_ERROR)
        && !catalogue::is_unity_failed_case(body)
    {
        return Some("grep output");
    }
    if is_code_frame(body) || is_node_throwing_source_line(line) {
        return Some("a source excerpt (code frame)");
    }
    if is_test_result_name(body) {
        return Some("a test's name on a test runner's result line");
    }
    if line.test_output || is_console_capture(line) {
        return Some("console output a test printed");
    }
    if is_retried_test_attempt(line) {
        return Some("the error of a test attempt the test runner retried");
    }
    if is_issue_search_result(line) {
        return Some("an issue search's result (gh_inspector's report of other people's issues)");
    }
    if is_relayed_container_log(body) {
        return Some("a container's log line Skaffold relays");
    }
    if is_relayed_web_server_request(body) {
        return Some("a request the web server Playwright Test starts (its webServer) logged");
    }
    if written_by_script(line) {
        return Some("text the step's script writes itself");
    }
    None
}

/// The line under Node's `{file}:{line}` heading of an uncaught exception:
/// the source line that threw (`file:///…/x.mjs:306`, `D:\\a\\…\\x.js:12`).
fn is_node_throwing_source_line(line: &Line<'_>) -> bool {
    line.recent.last().is_some_and(|heading| {
        regex!(r"^(?:file:///|/|[A-Za-z]:[\\/])\S*\.(?:js|mjs|cjs|ts|mts|cts):\d+$").is_match(heading.trim_end())
    })
}

fn is_relayed_web_server_request(body: &str) -> bool {
    regex!(r"^\[WebServer\] (?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /\S* [1-5]\d\d\b").is_match(body)
}

fn is_relayed_container_log(body: &str) -> bool {
    regex!(r"^> \[[a-z0-9][a-z0-9.-]* [a-z0-9][a-z0-9-]*\] ").is_match(body)
}

fn is_assertion(body: &str) -> bool {
    // pytest's margins: `E   ` before the explanation, `>   ` before the
    // failing source line.
    let inner = strip_margin(body, 'E')
        .or_else(|| strip_margin(body, '>'))
        .unwrap_or(body);
    regex!(
        r"^(?:Failure/Error: [^?{]|assert\b|AssertionError\b|\+\s+where\b|self\.assert[A-Za-z]*\(|expect\(|assert\.[a-zA-Z]+\(|(?:Expected|Received)(?: [a-z]+)?:\s|(?:left|right): )"
    )
    .is_match(inner)
        || regex!(r"^[\w./-]*_test\.go:\d+: ").is_match(body) && !relays_missing_program(body)
}

/// A Go test's line that passes on the error its own subprocess got from
/// `os/exec` (`t.Fatal(err)` with `exec: "{file}": executable file not found
/// in $PATH`, `*exec.Error` wrapping `exec.ErrNotFound`) reports that the
/// machine lacks the program the test runs, like pytest's raised
/// `FileNotFoundError` for it; it is not a value the test compares (those
/// say `want`/`got`/`expected`).
fn relays_missing_program(body: &str) -> bool {
    super::catalogue::go_missing_program(body).is_some()
        && !regex!(r"(?i)\b(?:want|wanted|got|expected|expect)\b").is_match(body)
}

/// A line of pytest's `E` margin whose block (the `E` lines just before it)
/// began with an assertion: the rest of the explanation (`E         - want`,
/// `E         + got`, `E         ?   ^`), which quotes the compared values.
/// An exception's block (`E   FileNotFoundError: …`) is not an assertion.
fn continues_assertion(line: &Line<'_>) -> bool {
    if strip_margin(line.text.trim_start(), 'E').is_none() && line.text.trim() != "E" {
        return false;
    }
    for previous in line.recent.iter().rev() {
        let body = previous.trim_start();
        if strip_margin(body, 'E').is_none() && body.trim() != "E" {
            return false;
        }
        if is_assertion(body) {
            return true;
        }
    }
    false
}

/// RSpec's matcher message under a `Failure/Error:` line a few lines above
/// (`expected … to …`, `expected: …`, `got: …`): the compared values; and
/// the lines of the `Diff:` RSpec prints under it (`@@ …`, `-{expected}`,
/// `+{actual}`).
fn continues_rspec_failure(line: &Line<'_>) -> bool {
    let body = line.text.trim_start();
    let near = |heading: &str| line.recent.iter().any(|l| l.trim_start().starts_with(heading));
    regex!(r"^(?:expected:? |got: )").is_match(body) && near("Failure/Error: ")
        || regex!(r"^(?:@@ |[-+])").is_match(body) && line.recent.iter().any(|l| l.trim() == "Diff:")
}

/// pytest's short traceback (`--tb=short`) shows each frame as `{path}:{line}:
/// in {function}` over its source line indented four spaces, and the
/// exception under the last frame with the `E` margin. The source line is
/// the program's code, not its output.
fn is_short_traceback_source(line: &Line<'_>) -> bool {
    line.text.starts_with("    ") && line.recent.last().is_some_and(|l| is_short_traceback_frame(l))
}

fn is_short_traceback_frame(text: &str) -> bool {
    regex!(r"^\S+:\d+: in \S+$").is_match(text.trim())
}

/// The `E` line of a short traceback whose last frame's source line is a
/// `raise` statement: the exception that frame raised (a library's
/// `raise AssertionError("Torch not compiled with CUDA enabled")`), not a
/// test's `assert` and its compared values.
fn raised_in_short_traceback(line: &Line<'_>) -> bool {
    if strip_margin(line.text.trim_start(), 'E').is_none() {
        return false;
    }
    let mut before = line
        .recent
        .iter()
        .rev()
        .skip_while(|l| strip_margin(l.trim_start(), 'E').is_some());
    let source = before.next();
    let frame = before.next();
    // Only a library's frame (an installed package): a test helper's own
    // `raise AssertionError(f"… 429 …")` is the test's words, which must stay
    // quoted (finlogs22).
    source.is_some_and(|s| s.starts_with("    ") && s.trim_start().starts_with("raise "))
        && frame.is_some_and(|f| is_short_traceback_frame(f) && is_installed_package_path(f))
}

/// A frame in an installed package (`…/site-packages/…`, Debian's
/// `…/dist-packages/…`), not the repository's own code.
fn is_installed_package_path(frame: &str) -> bool {
    frame.contains("/site-packages/") || frame.contains("/dist-packages/") || frame.contains("\\site-packages\\")
}

/// `E       assert …` → `assert …`: a one-letter margin and at least one space.
fn strip_margin(body: &str, margin: char) -> Option<&str> {
    let rest = body.strip_prefix(margin)?;
    let trimmed = rest.trim_start();
    (trimmed.len() < rest.len()).then_some(trimmed)
}

/// `40 |     expect(res.status).toBe(429);`, `> 40 | …`.
fn is_code_frame(body: &str) -> bool {
    regex!(r"^(?:> ?)?\d+ \| ").is_match(body)
}

fn is_test_result_name(body: &str) -> bool {
    regex!(r"^(?:\((?:pass|fail|skip|todo)\)|[✓✕√]) \S").is_match(body)
        || is_exunit_failure_heading(body)
        || is_jest_failure_heading(body)
}

/// Jest's heading of a failed test, `● {describe titles} › {test title}`
/// (`jest-message-util`'s `formatResultsErrors`, the titles joined by ` › `):
/// the test's name, whatever words it has. Jest's other `●` headings are no
/// test names: `● Test suite failed to run` (a suite error, its message
/// below) and `● Console` (output the tests logged), each alone on its line,
/// and jest-validate's `● Validation Error:`, `● Validation Warning:`,
/// `● Deprecation Warning:`, `● Unrecognized CLI Parameter(s):` and
/// `● Multiple configurations found:`, each with its colon. They are compared
/// whole, so a test whose describe title merely starts with the same word
/// (`● Console logger › …`) is still a test's name.
fn is_jest_failure_heading(body: &str) -> bool {
    let Some(title) = body.strip_prefix("● ") else {
        return false;
    };
    let title = title.trim();
    const WHOLE_HEADINGS: &[&str] = &["Test suite failed to run", "Console"];
    const COLON_HEADINGS: &[&str] = &[
        "Validation Error:",
        "Validation Warning:",
        "Deprecation Warning:",
        "Unrecognized CLI Parameter:",
        "Unrecognized CLI Parameters:",
        "Multiple configurations found:",
    ];
    !title.is_empty() && !WHOLE_HEADINGS.contains(&title) && !COLON_HEADINGS.iter().any(|h| title.starts_with(h))
}

/// ExUnit's failure heading, `  {n}) {test name} ({module})`
/// (`ExUnit.Formatter.format_test_failure`), where the name is the test's
/// atom: `test {description}`, `doctest {Module.fun/arity} ({n})`, or
/// StreamData's `property {description}`.
fn is_exunit_failure_heading(body: &str) -> bool {
    regex!(r"^\d+\) (?:test|doctest|property) .+ \([A-Z][\w.]*\)$").is_match(body)
}

fn is_trace(body: &str) -> bool {
    let pluses = body.bytes().take_while(|&b| b == b'+').count();
    pluses > 0 && body.as_bytes().get(pluses) == Some(&b' ')
}

fn is_grep_match(body: &str) -> bool {
    let Some(c) = regex!(r"^([^\s:]+):(\d+):(.)").captures(body) else {
        return false;
    };
    let path = &c[1];
    let next = c[3].chars().next().unwrap_or(' ');
    let rest = &body[c.get(3).map_or(0, |m| m.start())..];
    path.contains(['/', '.'])
        && !next.is_whitespace()
        && !next.is_ascii_digit()
        && !rest.starts_with("in ")
        && !is_linker_location(rest)
}

/// GNU ld (BFD's `%C` in `ldmisc.c`) locates a message in an object by its
/// source line and section offset when the object has debug information:
/// `{source}:{line}:(.{section}+0x{offset}): undefined reference to
/// `{symbol}'`, which has grep's shape but is the linker's error.
fn is_linker_location(rest: &str) -> bool {
    regex!(r"^\(\.[\w.$]*\+0x[0-9a-fA-F]+\): ").is_match(rest)
}

/// gh_inspector's report (see the module documentation): an issue's title
/// under the report's heading or below the previous issue's URL line, and
/// the search's own `Error: {name}` when the GitHub API was not reached.
fn is_issue_search_result(line: &Line<'_>) -> bool {
    let body = line.text.trim();
    if body.starts_with("➡️") {
        return line.recent.iter().any(|l| {
            let l = l.trim();
            regex!(r"^Looking for related (?:GitHub )?issues on [\w.-]+/[\w.-]+\.\.\.$").is_match(l)
                || regex!(r"^https://github\.com/[\w.-]+/[\w.-]+/issues/\d+ \[\w+\] \d+ 💬$").is_match(l)
        });
    }
    body.starts_with("Error: ")
        && line.recent.iter().any(|l| {
            l.trim()
                .starts_with("Could not access the GitHub API, you may have better luck via the website.")
        })
}

fn indent(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Under Jest's `console.{method}` line (indented deeper than it, blank lines
/// between allowed) or in Vitest's `stdout | …`/`stderr | …` block (no blank
/// line since its heading).
fn is_console_capture(line: &Line<'_>) -> bool {
    let vitest_heading = regex!(r"^(?:stdout|stderr) \| \S");
    let jest_heading = regex!(r"^console\.(?:log|error|warn|info|debug|trace)$");
    let depth = indent(line.text);
    let mut blank_since = false;
    for previous in line.recent.iter().rev() {
        let body = previous.trim_start();
        if !blank_since && vitest_heading.is_match(previous) {
            return true;
        }
        if body.is_empty() {
            blank_since = true;
            continue;
        }
        if jest_heading.is_match(body.trim_end()) {
            return indent(previous) < depth;
        }
        if indent(previous) < depth {
            return false;
        }
    }
    false
}

/// Where a step's output is in VSTest's console logger's report of a test
/// result (see the module's doc): whether its latest line is what the test
/// wrote. Read on every output line of the step, so a section of any length
/// is followed, and reset with the step.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TestOutputSection {
    /// Inside a section of what the test wrote.
    inside: bool,
}

/// VSTest's headings of what the test wrote (`StdOutMessagesBanner`,
/// `StdErrMessagesBanner`, `DbgTrcMessagesBanner`) and of what the logger
/// or the adapter reports (`ErrorMessageBanner`, `StacktraceBanner`,
/// `AddnlInfoMessagesBanner`), each behind the two-space `TestResultPrefix`.
const VSTEST_OUTPUT_HEADINGS: [&str; 3] = [
    "  Standard Output Messages:",
    "  Standard Error Messages:",
    "  Debug Traces Messages:",
];
const VSTEST_REPORT_HEADINGS: [&str; 3] = [
    "  Error Message:",
    "  Stack Trace:",
    "  Additional Information Messages:",
];

impl TestOutputSection {
    /// Reads the step's next output line; true when it is what a test wrote.
    pub(crate) fn read(&mut self, text: &str) -> bool {
        let heading = text.trim_end();
        if VSTEST_OUTPUT_HEADINGS.contains(&heading) {
            self.inside = true;
            return false;
        }
        let result_line = regex!(r"^  (?:Passed|Failed|Skipped) \S");
        if VSTEST_REPORT_HEADINGS.contains(&heading) || !text.starts_with(' ') || result_line.is_match(text) {
            self.inside = false;
        }
        self.inside
    }

    /// Whether the latest line read is what a test wrote.
    pub(crate) fn holds(self) -> bool {
        self.inside
    }
}

/// Under Jest's `RETRY {n}` (or its `LOGGING RETRY ERRORS` heading), before
/// the test's next `●` heading; or pytest-rerunfailures' `RERUN {nodeid} -
/// {error}` summary line.
fn is_retried_test_attempt(line: &Line<'_>) -> bool {
    let body = line.text.trim_start();
    if body.starts_with("RERUN ") && body.contains("::") {
        return true;
    }
    if body.starts_with("● ") {
        return false;
    }
    let retry_heading = regex!(r"^RETRY \d+$");
    for previous in line.recent.iter().rev() {
        let body = previous.trim();
        if body.starts_with("● ") || body.starts_with("Test Suites:") {
            return false;
        }
        if body.starts_with("LOGGING RETRY ERRORS") || retry_heading.is_match(body) {
            return true;
        }
    }
    false
}

pub(crate) fn written_by_script(line: &Line<'_>) -> bool {
    let text = line.text.trim();
    if text.len() < MIN_SCRIPT_TEXT {
        return false;
    }
    line.script.contains(text)
        || line
            .recent
            .last()
            .is_some_and(|previous| is_trace(previous.trim_start()) && previous.contains(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sphinx's `-W` warning has grep's `{file}:{line}:{text}` shape; under
    /// Sphinx's heading it is Sphinx's report, elsewhere grep's output.
    #[test]
    fn sphinxs_warning_under_its_heading_is_no_grep_match() {
        let warning = "/w/docs/install.rst:41:undefined label: 'configuration'";
        assert_eq!(quoted_by(&Line::plain(warning)), Some("grep output"));
        let under = Line {
            recent: &["", catalogue::SPHINX_TREATED_AS_ERROR],
            ..Line::plain(warning)
        };
        assert_eq!(quoted_by(&under), None);
    }

    fn quoted(text: &str) -> Option<&'static str> {
        quoted_by(&Line::plain(text))
    }

    /// What a test wrote under VSTest's `Standard Output Messages:` (or
    /// `Standard Error Messages:`, `Debug Traces Messages:`) heading is the
    /// test's output, however many lines it has and however the test
    /// indented them; the logger's empty line, its next result line or
    /// heading, or a line without its one-space prefix ends the section.
    #[test]
    fn vstest_s_captured_test_output_is_a_section() {
        fn read(lines: &[&str]) -> Vec<bool> {
            let mut section = TestOutputSection::default();
            lines.iter().map(|l| section.read(l)).collect()
        }
        let retry = " Client: GET /v1/rates -> 429 Too Many Requests; retrying in 100 ms";
        let logger = [
            " info: Rates.Client[0]",
            "       GET /v1/rates -> 429 Too Many Requests",
        ];
        let mut lines = vec!["  Passed A.Tests.Retries [212 ms]", "  Standard Output Messages:"];
        lines.extend(std::iter::repeat_n(retry, 12));
        lines.extend(logger);
        lines.extend([" ", "  Standard Error Messages:", " warn: done"]);
        let mut expected = vec![false, false];
        expected.extend(std::iter::repeat_n(true, 12 + 2 + 1));
        expected.extend([false, true]);
        assert_eq!(read(&lines), expected);
        // Each way the section ends, and what follows is read again.
        let heading = "  Standard Output Messages:";
        assert_eq!(read(&[heading, retry, "", retry]), [false, true, false, false]);
        assert_eq!(
            read(&[heading, retry, "  Failed A.Tests.Parses [3 ms]", retry]),
            [false, true, false, false]
        );
        assert_eq!(
            read(&[heading, retry, "  Error Message:", "   Expected 4"]),
            [false, true, false, false]
        );
        assert_eq!(
            read(&[heading, retry, "Failed!  - Failed:     1, Passed:     3", retry]),
            [false, true, false, false]
        );
        assert_eq!(
            read(&[heading, retry, "[xUnit.net 00:00:00.48]   Finished: A", retry]),
            [false, true, false, false]
        );
        // No heading: nothing is the test's output.
        assert_eq!(read(&["  Passed A.Tests.Retries [212 ms]", retry]), [false, false]);
        // The scanner gives the quote its reason.
        let quoted = Line {
            test_output: true,
            ..Line::plain(retry)
        };
        assert_eq!(quoted_by(&quoted), Some("console output a test printed"));
        assert_eq!(quoted_by(&Line::plain(retry)), None);
    }

    /// A pod's log line Skaffold relays is the container's, not the job's;
    /// Jest's marked code-frame line (`> 12 | …`) is another quote.
    #[test]
    fn a_pod_log_line_skaffold_relays_is_quoted() {
        assert_eq!(
            quoted("      > [web-7c9d8f6b5-x2k4p web] Error: Cannot find module '/app/dist/server.js'"),
            Some("a container's log line Skaffold relays")
        );
        // Skaffold's own indentation (`{tab} {tab} > `) and a dotted pod name.
        assert_eq!(
            quoted("     > [api-0.staging web] open /etc/app/config.yaml: no such file or directory"),
            Some("a container's log line Skaffold relays")
        );
        assert_eq!(quoted("> [build 5/6] RUN npm ci"), None);
        assert_eq!(quoted("Error: Cannot find module '/app/dist/server.js'"), None);
    }

    /// The source line Node prints under an uncaught exception's frame
    /// heading is the program's code, whatever words it holds.
    #[test]
    fn node_s_throwing_source_line_is_quoted() {
        for heading in [
            "file:///D:/a/site/site/node_modules/puppeteer-core/lib/esm/puppeteer/common/util.js:306",
            "/home/runner/work/app/app/scripts/fetch.js:12",
            "C:\\actions-runner\\_work\\app\\app\\build.cjs:40",
        ] {
            let recent = [heading];
            let line = Line {
                recent: &recent,
                ..Line::plain("    throw new Error(`Request timed out after ${ms} ms`);")
            };
            assert_eq!(quoted_by(&line), Some("a source excerpt (code frame)"), "{heading}");
        }
        let recent = ["Compiling src/fetch.js:12"];
        let line = Line {
            recent: &recent,
            ..Line::plain("Error: connect ETIMEDOUT 10.0.0.4:443")
        };
        assert_eq!(quoted_by(&line), None);
    }

    /// A request the application under test logs through Playwright's
    /// `webServer` is its answer to the tests, whatever the status; the
    /// server's own errors are still reports.
    #[test]
    fn a_request_the_web_server_playwright_starts_logs_is_quoted() {
        let relayed = Some("a request the web server Playwright Test starts (its webServer) logged");
        assert_eq!(
            quoted("[WebServer] GET /api/search?q=tea 429 Too Many Requests 1ms"),
            relayed
        );
        assert_eq!(quoted("[WebServer] POST /graphql 503 12.104 ms - 57"), relayed);
        assert_eq!(quoted("[WebServer] Error: Cannot find module 'express'"), None);
        assert_eq!(
            quoted("[WebServer] Error: listen EADDRINUSE: address already in use :::3000"),
            None
        );
        assert_eq!(quoted("GET /repos/o/r 429 Too Many Requests"), None);
    }

    /// RSpec's echo of the failing source line and its matcher's message
    /// under it are the test's words; the class and message RSpec prints
    /// for an exception (`LoadError:` then the message) are not quotes.
    #[test]
    fn rspec_s_failing_line_and_matcher_message_are_quoted() {
        assert_eq!(
            quoted("     Failure/Error: expect(loader.warnings).to include(\"cannot load such file -- sidekiq-pro\")"),
            Some("test assertion output")
        );
        // EUnit's failed macro is its failure's head, not Ruby code.
        assert_eq!(
            quoted("     Failure/Error: ?assertEqual(1234, tariff_vat:apply(1175, reduced))"),
            None
        );
        assert_eq!(quoted("     Failure/Error: {error,{badmatch,{error,enoent}}}"), None);
        let recent = ["", "     Failure/Error: expect(loader.warnings).to include(\"x\")", ""];
        let matcher = Line {
            recent: &recent,
            ..Line::plain("       expected [\"cannot load such file -- sidekiq/pro\"] to include \"x\"")
        };
        assert_eq!(quoted_by(&matcher), Some("test assertion output"));
        let diff = Line {
            recent: &["       Diff:", "       @@ -1 +1 @@"],
            ..Line::plain("       -[\"cannot load such file -- sidekiq-pro\"]")
        };
        assert_eq!(quoted_by(&diff), Some("test assertion output"));
        let message = Line {
            recent: &["Failure/Error: require \"nokogiri\"", "", "LoadError:"],
            ..Line::plain("  cannot load such file -- nokogiri")
        };
        assert_eq!(quoted_by(&message), None);
        // Without RSpec's heading above, `expected` is any program's word.
        assert_eq!(
            quoted("expected file /w/app/models/a.rb to define constant A, but didn't"),
            None
        );
    }

    #[test]
    fn code_frames_and_test_names_are_quoted() {
        for text in [
            "40 |     expect(res.status).toBe(429);",
            "    > 12 |     await fetch(\"https://api.github.com\") // 429 Too Many Requests",
            "(fail) limiter > returns 429 Too Many Requests once the quota is spent [1.87ms]",
            "    ✕ reports ENOENT: no such file or directory for a missing config (4 ms)",
            "    ✓ shows an error when the order is not found (12 ms)",
            // ExUnit's failure heading names the test.
            "  1) test throttle plug returns 429 Too Many Requests once the bucket is empty (Harbor.ThrottlePlugTest)",
            "  12) doctest Harbor.Config.load!/1 (3) raises on: no such file or directory (Harbor.ConfigTest)",
            "  3) property decode/1 never hits a rate limit exceeded error (Harbor.CodecTest)",
            // Jest's failed-test heading names the test (batch 110's trap).
            "  ● flyctl wrapper › prints an install hint when flyctl: command not found",
            "  ● returns 429 Too Many Requests once the quota is spent",
            // A describe title that starts with a word of Jest's own headings
            // is still a test's name (review90 L1).
            "  ● Console logger › prints an install hint when jq: command not found",
            "  ● Validation Errors › rejects a 429 Too Many Requests body",
        ] {
            assert!(quoted(text).is_some(), "{text}");
        }
        // A compiler's location and a plain numbered line are not frames, nor
        // a numbered line that is no ExUnit heading.
        for text in [
            "src/main.rs:40:5: error: x",
            "40 packages are looking for funding",
            "1) test failed: 429 Too Many Requests",
            // Jest's headings that are no test's name.
            "  ● Test suite failed to run",
            "  ● Console",
            "  ● Validation Error:",
            "  ● Unrecognized CLI Parameter:",
            "  ● Multiple configurations found:",
        ] {
            assert_eq!(quoted(text), None, "{text}");
        }
    }

    #[test]
    fn test_output_is_quoted() {
        for text in [
            "    assert \"ModuleNotFoundError: No module named 'foo'\" in out",
            ">       assert result == \"jq: command not found\"",
            "E       AssertionError: assert 'API rate limit exceeded' in ''",
            "E        +  where 'x' = run('429 Too Many Requests')",
            "AssertionError [ERR_ASSERTION]: Cannot find module 'x' was expected",
            "    Expected: \"429 Too Many Requests\"",
            "    Received string:    \"Error: Cannot find module 'left-pad'\"",
            "    expect(received).toThrow(\"command not found\")",
            "    client_test.go:42: got error \"API rate limit exceeded for 1.2.3.4\", want nil",
            "  left: \"No such file or directory\"",
        ] {
            assert_eq!(quoted(text), Some("test assertion output"), "{text}");
        }
    }

    #[test]
    fn a_linkers_located_error_is_no_grep_match() {
        let ld = "/home/runner/work/o/o/app/main.cpp:19:(.text.startup+0x5a): undefined reference to `orbit::load()'";
        assert_eq!(quoted_by(&Line::plain(ld)), None);
        assert_eq!(
            quoted_by(&Line::plain("src/net.c:40:(.text+0x1f) is where grep found it")),
            Some("grep output")
        );
    }

    #[test]
    fn traces_and_grep_output_are_quoted() {
        assert!(quoted("+ echo 'jq: command not found'").is_some());
        assert!(quoted("++ grep -c 'No module named' log.txt").is_some());
        assert!(quoted("logs/build.log:12:/bin/sh: 1: jq: command not found").is_some());
    }

    #[test]
    fn reports_are_not_quoted() {
        for text in [
            "E   ModuleNotFoundError: No module named 'requests'",
            "ModuleNotFoundError: No module named 'yaml'",
            "/home/runner/work/_temp/a.sh: line 3: jq: command not found",
            "src/main.c:3:10: fatal error: zlib.h: No such file or directory",
            "/usr/lib/ruby/3.2.0/x.rb:85:in 'require': cannot load such file -- nokogiri (LoadError)",
            "tests/conftest.py:3: in <module>",
            "Expected identifier but found end of file",
            "+1 more error",
            "main.go:5:2: no required module provides package github.com/x/y",
        ] {
            assert_eq!(quoted(text), None, "{text}");
        }
    }

    #[test]
    fn test_console_output_is_quoted() {
        let jest = Line {
            recent: &["  ● Console", "", "    console.error"],
            ..Line::plain("      Error: ENOENT: no such file or directory, open 'config/local.json'")
        };
        assert_eq!(quoted_by(&jest), Some("console output a test printed"));
        let vitest = Line {
            recent: &["stderr | src/config.test.ts > config > loads defaults"],
            ..Line::plain("Error: ENOENT: no such file or directory, open 'config/local.json'")
        };
        assert!(quoted_by(&vitest).is_some());
        // After the block: the blank line ends Vitest's, a shallower line Jest's.
        let after_vitest = Line {
            recent: &["stderr | src/a.test.ts > a", "x", ""],
            ..Line::plain("Error: Cannot find module 'vite'")
        };
        assert_eq!(quoted_by(&after_vitest), None);
        let after_jest = Line {
            recent: &["    console.log", "      hello", "Tests: 1 failed"],
            ..Line::plain("sh: 1: jest: not found")
        };
        assert_eq!(quoted_by(&after_jest), None);
    }

    #[test]
    fn pytests_short_traceback_source_is_quoted_and_a_raised_exception_is_not() {
        let frame = "/opt/venv/lib/python3.11/site-packages/torch/cuda/__init__.py:310: in _lazy_init";
        let source = "    raise AssertionError(\"Torch not compiled with CUDA enabled\")";
        let raised = Line {
            recent: &[frame],
            ..Line::plain(source)
        };
        assert_eq!(
            quoted_by(&raised),
            Some("a frame's source line in pytest's short traceback")
        );
        let exception = Line {
            recent: &[frame, source],
            ..Line::plain("E   AssertionError: Torch not compiled with CUDA enabled")
        };
        assert_eq!(quoted_by(&exception), None);
        // A test's own `assert` in the same form keeps its values quoted.
        let test_frame = "tests/test_api.py:12: in test_limit";
        let assertion = "    assert resp.status == 200";
        let compared = Line {
            recent: &[test_frame, assertion],
            ..Line::plain("E   AssertionError: 429 Too Many Requests")
        };
        assert_eq!(quoted_by(&compared), Some("test assertion output"));
        // A test helper's own `raise` (the repository's frame) is the test's
        // words: quoted, whatever they say.
        let helper_frame = "tests/helpers.py:31: in expect_ok";
        let helper_raise = "    raise AssertionError(f\"got {resp.status}\")";
        let helper = Line {
            recent: &[helper_frame, helper_raise],
            ..Line::plain("E   AssertionError: got 429 Too Many Requests")
        };
        assert_eq!(quoted_by(&helper), Some("test assertion output"));
        // Not a frame header: an indented line is not taken for source.
        let other = Line {
            recent: &["Summary:"],
            ..Line::plain("    raise ValueError")
        };
        assert_eq!(quoted_by(&other), None);
    }

    #[test]
    fn pytests_assertion_diff_is_quoted_but_not_an_exceptions_text() {
        let diff = Line {
            recent: &[
                "E       AssertionError: assert '429 Too Many Requests (a)' == '429 Too Many Requests: b'",
                "E         ",
            ],
            ..Line::plain("E         - 429 Too Many Requests: b")
        };
        assert!(quoted_by(&diff).is_some());
        let raised = Line {
            recent: &["E   RuntimeError: upstream said", ""],
            ..Line::plain("E   429 Too Many Requests - GET https://registry.npmjs.org/x")
        };
        assert_eq!(quoted_by(&raised), None);
    }

    #[test]
    fn a_go_tests_missing_program_is_not_a_quote() {
        let relayed =
            Line::plain(r#"        golden_test.go:38: protoc: exec: "protoc": executable file not found in $PATH"#);
        assert_eq!(quoted_by(&relayed), None);
        let compared = Line::plain(
            r#"        run_test.go:12: got error exec: "nope": executable file not found in $PATH, want nil"#,
        );
        assert!(quoted_by(&compared).is_some());
        let other = Line::plain("        golden_test.go:40: output mismatch for echo.proto");
        assert!(quoted_by(&other).is_some());
    }

    #[test]
    fn errors_of_retried_test_attempts_are_quoted() {
        let retried = |text: &'static str, recent: &[&'static str]| {
            is_retried_test_attempt(&Line {
                recent,
                ..Line::plain(text)
            })
        };
        let jest = [
            "  ● Checkout › applies a coupon",
            "",
            "    LOGGING RETRY ERRORS  Checkout",
            "    RETRY 1",
            "",
        ];
        assert!(retried("    AxiosError: Request failed with status code 429", &jest));
        // The final attempt's error, under the test's own heading, is not.
        let last = [
            "    RETRY 2",
            "",
            "    AxiosError: 429",
            "",
            "  ● Checkout › applies a coupon",
            "",
        ];
        assert!(!retried(
            "    Error: Cannot find module 'nock' from 'src/checkout/coupon.test.ts'",
            &last
        ));
        assert!(retried(
            "RERUN tests/test_api.py::test_list - requests.exceptions.HTTPError: 429 Client Error: Too Many Requests",
            &[]
        ));
        assert!(!retried(
            "FAILED tests/test_api.py::test_list - ModuleNotFoundError: No module named 'x'",
            &[]
        ));
    }

    #[test]
    fn the_scripts_own_words_are_quoted() {
        let echoed = Line {
            script: "echo \"::error::Deploy skipped: No module named 'boto3' on purpose\"\n",
            ..Line::plain("Deploy skipped: No module named 'boto3' on purpose")
        };
        assert!(quoted_by(&echoed).is_some());
        let traced = Line {
            recent: &["+ echo 'error: jq: command not found in this image'"],
            ..Line::plain("error: jq: command not found in this image")
        };
        assert!(quoted_by(&traced).is_some());
        // The script runs the tool; the tool's message is not in the script.
        let ran = Line {
            script: "python -c 'import yaml'\n",
            ..Line::plain("ModuleNotFoundError: No module named 'yaml'")
        };
        assert_eq!(quoted_by(&ran), None);
    }
    /// gh_inspector's report: issue titles under its heading or after the
    /// previous issue's URL line, and the search's own `Error:`; the same
    /// words alone are not quotes.
    #[test]
    fn an_issue_searchs_titles_are_quotes() {
        let quoted = |text: &str, recent: &[&str]| {
            quoted_by(&Line {
                recent,
                ..Line::plain(text)
            })
            .is_some()
        };
        assert!(quoted(
            "➡️  ModuleNotFoundError: No module named 'six'",
            &["", "Looking for related GitHub issues on fastlane/fastlane...", ""]
        ));
        assert!(quoted(
            "➡️  npm ERR! 429 Too Many Requests",
            &[
                "➡️  first",
                "    https://github.com/fastlane/fastlane/issues/21876 [closed] 14 💬",
                "    3 months ago",
                ""
            ]
        ));
        assert!(quoted(
            "Error: Faraday::ConnectionFailed",
            &[
                "Could not access the GitHub API, you may have better luck via the website.",
                "https://github.com/fastlane/fastlane/search?q=x&type=Issues&utf8=✓"
            ]
        ));
        assert!(!quoted(
            "➡️  ModuleNotFoundError: No module named 'six'",
            &["Run tests"]
        ));
        assert!(!quoted("Error: Faraday::ConnectionFailed", &["Uploading build"]));
    }
}
