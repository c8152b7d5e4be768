//! Where a step that failed with only its exit code said why: the fallback
//! for tools no catalogue entry reads.
//!
//! The runner's `Process completed with exit code N` (and the toolkit's `The
//! process '…' failed with exit code N`) says that a step failed, not why. When
//! no entry read anything in the step, the finding used to sit on that line,
//! and a person sent there reads nothing useful: the tool had printed its own
//! message a few lines above. Most tools print that message in one of a few
//! shapes that are conventions rather than any one tool's grammar, so the
//! scanner keeps, for the step it is in, where such a message is and moves the
//! exit-code finding there (still `unknown`, never fixable: the shape says
//! where, not what):
//!
//! 1. **An error-shaped line** (the first one of the step): the GNU Coding
//!    Standards' `program: message` / `file:line: message` forms, and the
//!    MSBuild/Visual Studio canonical form (`{file}({line},{col}): error
//!    {code}: …`, `LINK : fatal error LNK1181: …`: MSVC, MSBuild, csc, tsc), with a
//!    severity word (`error:`, `fatal:`, `fatal error:`, `Error:`, `ERROR:`,
//!    `FATAL:`, `panic:`, rustc-style `error[E0425]:`; git, gcc, rustc, Go,
//!    Homebrew, PHPUnit and most CLIs print these), the bracketed levels of
//!    logging frameworks (`[ERROR]`, `[FATAL]`, `[CRITICAL]`), an upper-case
//!    level word that opens a line (`ERROR in ./src`, `FATAL Failed to …`),
//!    yarn classic's `error {Message}`, a program's name then its level
//!    (npm 10's `npm error code …`, npm 6's `npm ERR! …`), a single-letter
//!    level (kotlinc's `e: …`, apt's `E: …`), a level then a dash (`error -
//!    {file}:{l}:{c} - …`, the Dart analyzer's), an exception's `{Name}Error:
//!    …` / `{Name}Exception: …` (Python, Java, .NET, JavaScript; with `Caused
//!    by:` or `Uncaught`), Ruby's `… ({Name}Error)` ending, and the cross marks
//!    modern CLIs open a failure with (`✖`, `✗`, `✘`, `×`, `❌`, `💥`), and
//!    a failed test point of the Test Anything Protocol (`not ok {n} …`: bats,
//!    prove, node-tap, `node --test`'s TAP reporter). A trailer
//!    that only repeats the exit status (`error Command failed with exit code
//!    1.`, `Error: Process completed …`) is not one. The first such line is
//!    kept: the first failure usually causes the rest, and tools end with
//!    summaries.
//! 2. **Otherwise, a line that says something failed**: the words (`Build
//!    failed`, `FAILURE:`, `failing`, `--- FAIL:`) or a count of failures or errors that is
//!    not zero (`Test Suites: 1 failed, 11 passed`); not `0 failed` or `no
//!    failures`. The first such line.
//! 3. **Otherwise, the last thing the step printed**: the last meaningful
//!    line before the exit code (a tool that states its failure in prose, `a
//!    pull request for branch … already exists:`, a script's own `echo` before
//!    its `exit 1`: what was printed last is what the step ended on). Noise
//!    does not count: blank lines, progress (`Progress:`, percentages with a
//!    bar or a count, `Fetching`, `Downloading`, `Receiving objects`), timing
//!    (`Took 2.18 seconds`, `Done in 3.1s`), bare URLs, stack frames and
//!    location-only lines, separators, the toolkit's `[command]` echo, `set
//!    -x` traces and other
//!    quoted lines ([`super::quoted`]), warnings ([`Line::is_warning`]), and
//!    trailers that only repeat the exit status.
//!    A step that ends on a **list of files** is the exception: formatters
//!    and checkers in check mode (`ruff format --check`'s `Would reformat:
//!    {path}`, Prettier's `[warn] {path}`, `terraform fmt -check`'s and
//!    `gofmt -l`'s bare paths) print one line per offending file, then at most
//!    a line about those files (`2 files would be reformatted, …`, `Code style
//!    issues found in 2 files.`). The reason is the list, and it begins at its
//!    first file: that line, not the summary or the last file.
//!    A step that ends on a **unified diff** (`git diff --exit-code` after
//!    `go mod tidy` or a code generator, `diff -u`, `gofmt -d`) is read the
//!    same way: the reason is the diff, pinned at its first `diff …` header,
//!    and its lines (the files' text, which may quote any error message)
//!    are never taken for the step's own error or failure words. Its lines
//!    are read by the unified format's grammar (GNU diffutils' "Detailed
//!    Unified" description, git's diff headers): after a header come a
//!    file's headers, then hunks, each `@@ -{l},{n} +{l},{m} @@` followed by
//!    exactly the context, removed and added lines its counts allow; a line
//!    past them is the step's own again.
//!
//! Only lines no entry read take part (an entry's weak reading, a warning or a
//! retry notice, says the line is not the failure); an `##[error]` line no
//! entry explains (the web UI's copy turns a tool's own `Error: …` into one)
//! does. The step's own `::error::` annotation, or any finding at step-failure
//! strength or above in the step, keeps the exit code where it was: something
//! already explains it.

use super::catalogue::util::regex;
use super::hit::Line;
use crate::line::LineKind;

/// The entry id of a step's exit code moved to where the step said why.
pub(crate) const STEP_SAID: &str = "runner/exit-code-after-output";

/// What the step printed that may say why it failed (see the module docs).
#[derive(Clone, Debug, Default)]
pub(crate) struct StepOutput {
    /// The first error-shaped line: (input line, text).
    error: Option<(u64, String)>,
    /// The first line that says something failed, in words or counts.
    failed: Option<(u64, String)>,
    /// The latest meaningful line.
    last: Option<(u64, String)>,
    /// The first file of the list of files the output ends on, if it does
    /// (see the module docs), and whether a line about those files closed it.
    list: Option<((u64, String), ListEnd)>,
    /// The unified diff the output ends on, if it does (see the module
    /// docs).
    diff: Option<Diff>,
}

/// A unified diff being read: its first header, and how many lines of the
/// old and the new file the current hunk still holds (by its `@@ -{l},{n}
/// +{l},{n} @@` header; GNU diffutils' and git's unified format).
#[derive(Clone, Debug)]
struct Diff {
    first: (u64, String),
    left: (u64, u64),
    /// Between a file's `diff …` header and its first hunk, where its
    /// other headers (`--- `, `+++ `, git's extended ones) stand. After a
    /// hunk only a hunk header or a new `diff …` header goes on: a `--- `
    /// line there is the step's own (Go's `--- FAIL: TestX`).
    in_headers: bool,
}

impl Diff {
    /// Whether `text`, the next line after the diff's lines so far, is one of
    /// them: inside a hunk, a context (` `; an empty line, as a log keeps a
    /// blank context line), removed (`-`) or added (`+`) line while the
    /// hunk's counts last; `\ No newline at end of file`; a hunk header;
    /// and between hunks, a file's headers (git's extended headers, `--- `,
    /// `+++ `). A line the counts do not allow ends the diff: what a step
    /// prints after it starts with a space or a dash as often as not.
    fn takes(&mut self, text: &str) -> bool {
        let (old, new) = &mut self.left;
        let in_hunk = match text.bytes().next() {
            None | Some(b' ') if *old > 0 && *new > 0 => {
                *old -= 1;
                *new -= 1;
                true
            }
            Some(b'-') if *old > 0 => {
                *old -= 1;
                true
            }
            Some(b'+') if *new > 0 => {
                *new -= 1;
                true
            }
            _ => false,
        };
        if in_hunk || text.starts_with("\\ No newline at end of file") {
            return true;
        }
        if let Some(counts) = hunk_header(text) {
            self.left = counts;
            self.in_headers = false;
            return true;
        }
        self.in_headers && is_file_header(text)
    }
}

/// How far a list of files the output ends on goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListEnd {
    /// The latest meaningful line is one of its files.
    Open,
    /// The latest meaningful line is about the files listed just before it.
    Summarized,
}

impl StepOutput {
    /// Takes in one output line of the step that no entry read.
    /// `quoted` says whether the line quotes a message rather than printing
    /// it (asked only of a line that is not noise otherwise).
    pub(crate) fn unread(&mut self, number: u64, line: &Line<'_>, quoted: impl FnOnce(&Line<'_>) -> bool) {
        // A diff's lines are the files' text: whatever they say (an error
        // message the code prints, `FAIL` in a test's name) is no reason the
        // step gives, so they are only the diff. Every line counts towards
        // its hunk, the blank and noise-shaped ones too.
        if self.diff.as_mut().is_some_and(|d| d.takes(line.text)) {
            if is_meaningful(line) {
                self.last = Some((number, line.text.to_string()));
            }
            return;
        }
        if is_meaningful(line) {
            if is_diff_header(line.text) {
                // A later file's header keeps the first; its hunks follow.
                let diff = self.diff.get_or_insert_with(|| Diff {
                    first: (number, line.text.to_string()),
                    left: (0, 0),
                    in_headers: true,
                });
                diff.left = (0, 0);
                diff.in_headers = true;
                self.last = Some((number, line.text.to_string()));
                return;
            }
            self.diff = None;
        }
        let meaningful = is_meaningful(line) && !quoted(line);
        if meaningful && self.error.is_none() && is_error_shaped(line.text) {
            self.error = Some((number, line.text.to_string()));
        }
        if meaningful && self.failed.is_none() && says_failed(line.text) {
            self.failed = Some((number, line.text.to_string()));
        }
        if meaningful {
            self.last = Some((number, line.text.to_string()));
            let listed = is_listed_file(line.text);
            self.list = match self.list.take() {
                Some((first, ListEnd::Open)) if listed => Some((first, ListEnd::Open)),
                Some((first, ListEnd::Open)) if is_about_files(line.text) => Some((first, ListEnd::Summarized)),
                _ => listed.then(|| ((number, line.text.to_string()), ListEnd::Open)),
            };
        }
    }

    /// Where the step said why it failed, if it did: an error-shaped line,
    /// else one that says something failed, else the last meaningful one.
    pub(crate) fn why(&self) -> Option<&(u64, String)> {
        self.error
            .as_ref()
            .or(self.failed.as_ref())
            .or(self.diff.as_ref().map(|d| &d.first))
            .or(self.list.as_ref().map(|(first, _)| first))
            .or(self.last.as_ref())
    }
}

/// One line of a list of files: a path alone, or behind a level in brackets
/// (`[warn] {path}`) or a capitalised label (`Would reformat: {path}`).
fn is_listed_file(text: &str) -> bool {
    regex!(
        r"(?x)^(?:\[\w+\]\s+|[A-Z][\w\ ]{0,30}:\s+)?
          (?:[A-Za-z]:\\|/|\./)?(?:[\w.@+-]+[/\\])*[\w@+-][\w.@+-]*\.[A-Za-z]\w{0,9}$"
    )
    .is_match(text.trim())
}

/// The header of a file's unified diff: `diff --git a/{path} b/{path}` (git),
/// `diff [-{options}] {old} {new}` (diffutils, `gofmt -d`'s `diff
/// {file}.orig {file}`).
fn is_diff_header(text: &str) -> bool {
    regex!(r"^diff (?:--git |-[A-Za-z]+ )?\S+ \S+$").is_match(text.trim_end())
}

/// A hunk's header, `@@ -{line}[,{count}] +{line}[,{count}] @@`: the counts
/// of old and new lines it holds (one when left out).
fn hunk_header(text: &str) -> Option<(u64, u64)> {
    let c = regex!(r"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@").captures(text)?;
    let count = |i: usize| c.get(i).map_or(Some(1), |m| m.as_str().parse().ok());
    Some((count(1)?, count(2)?))
}

/// A file's headers in a unified diff, before its first hunk: git's extended
/// headers (`index {a}..{b}`, modes, renames, copies, similarity), `Binary
/// files … differ`, and the file headers `--- {old}` and `+++ {new}`.
fn is_file_header(text: &str) -> bool {
    regex!(
        r"(?x)^(?:
            (?:---|\+\+\+)\ \S
          | index\ [0-9a-f]+\.\.[0-9a-f]+ | (?:new|deleted)\ file\ mode\ | (?:old|new)\ mode\ \d
          | (?:dis)?similarity\ index\ | (?:rename|copy)\ (?:from|to)\ | Binary\ files\ .*\ differ$
        )"
    )
    .is_match(text)
}

/// A line about files (a count or "the above file"), as the summaries after
/// such lists are.
fn is_about_files(text: &str) -> bool {
    regex!(r"(?i)\bfiles?\b").is_match(text)
}

/// A line that may carry the step's reason (not noise; see the module docs).
fn is_meaningful(line: &Line<'_>) -> bool {
    if !matches!(line.kind, LineKind::Plain | LineKind::Error) || line.is_warning() {
        return false;
    }
    let body = line.text.trim();
    !body.is_empty() && !is_noise(body) && !is_status_trailer(body)
}

/// Output that never says why a step failed: progress, timing, URLs, stack
/// frames, separators, the toolkit's echo of the command it runs.
fn is_noise(body: &str) -> bool {
    regex!(
        r"(?x)^(?:
            \[command\]
          | Post\ job\ cleanup | Cleaning\ up\ orphan\ processes | Terminate\ orphan\ process
          | Progress: | Downloading\b | Downloaded\b | Fetching\b | Resolving\b | Receiving\ objects
          | Resolving\ deltas | Unpacking\b | Extracting\b | Pulling\b | Waiting\b | Verifying\b
          | remote:\ (?:Enumerating|Counting|Compressing|Total)
          | (?:Took|Done\ in|Finished\ in|Elapsed|Time:)\b | (?:real|user|sys)\s+\d+m[\d.]+s$
          | (?:https?|file)://\S+$
          | at\ .*:\d+(?::\d+)?\)?$ | File\ \x22 | from\ \S+:\d+:in\b | \.\.\.\ \d+\ more
          | (?:[A-Za-z]:\\|/)\S+:\d+(?::\d+)?$
          | [-=*_\#~.^]{3,}$ | [\[(][\#=>\-.\ ]{5,}[\])]
        )"
    )
    .is_match(body)
        || regex!(r"[█▓━]|\b\d{1,3}(?:\.\d+)?\s?%.*(?:\(\d+/\d+\)|\||\bETA\b|\beta\b|\d\s?[kKMG]i?B)").is_match(body)
}

/// A line in one of the conventional error shapes (see the module docs).
pub(crate) fn is_error_shaped(text: &str) -> bool {
    let body = text.trim();
    if is_status_trailer(body) {
        return false;
    }
    regex!(
        r"(?x)^(?:
            # GNU: `program: `, `file:line[:col]: `, then a severity word.
            (?:[\w.+@/-]+(?:\[\d+\])?:\ |\w+\ :\ )?(?:[^\s:]+:\d+(?::\d+)?:\ ?|\S+\(\d+(?:,\d+)*\):\ )?
            (?i:fatal\ error|fatal|error|panic)(?:\[[\w-]+\]|\ [A-Z]+\d+)?:\s*\S
          | (?:e|E|F):\ \S
          | (?i:error|fatal)\s+[-•|]\s+\S
          | (?:\[[^\]]*\]\s*)*\[(?i:error|fatal|critical)\]
          | (?:ERROR|FATAL|CRITICAL)\b\s*\S
          | error\ [A-Z\x22'`]
          | (?:[\w@./-]+\ )?ERR!\ \S
          | (?:Uncaught\ |Caused\ by:\ |Exception\ in\ thread\ \x22[^\x22]*\x22\ )?
            (?:[\w$]+\.)*[A-Z]\w*(?:Error|Exception)(?:\ \[[\w-]+\])?:\ \S
          | [✖✗✘×❌💥⨯]\s+\S
          | not\ ok\ \d+\b
        )"
    )
    .is_match(body)
        || regex!(r"\((?:[A-Z]\w*::)*[A-Z]\w*(?:Error|Exception)\)$").is_match(body)
        || regex!(r"^([a-z][\w.@/-]*) (?:error|ERROR) \S")
            .captures(body)
            .is_some_and(|c| !PROSE_WORDS.contains(&&c[1]))
}

/// Words that open prose, not a program's name before its level (`no error
/// was found`, `an error occurred` is prose that does say one did, but says it
/// less precisely than the tool's own line usually near it).
const PROSE_WORDS: &[&str] = &[
    "a", "an", "any", "each", "every", "if", "no", "not", "on", "one", "per", "that", "the", "this", "without", "zero",
];

/// A line that says something failed: the words tools and test runners
/// report a failure with (`Build failed`, `FAILED`, `FAILURE:`), or a count of
/// failures or errors that is not zero (`Test Suites: 1 failed, 11 passed`,
/// `0 examples, 0 failures, 2 errors occurred outside of examples`).
fn says_failed(text: &str) -> bool {
    let counted = regex!(r"\b[1-9]\d*\s+(?:errors?|failures?|failed|failing|problems?|issues?)\b").is_match(text);
    let worded = (regex!(r"(?i)\b(?:failed|failure|failing)\b").is_match(text) || regex!(r"\bFAIL\b").is_match(text))
        && !regex!(r"(?i)\b(?:0|no)\s+(?:tests?\s+)?(?:failed|failures?|failing)\b").is_match(text);
    !is_status_trailer(text) && (counted || worded)
}

/// A line that only repeats that something exited non-zero (yarn's `error
/// Command failed with exit code 1.`, the runner's own line in a web UI copy,
/// setup-terraform's wrapper's `Terraform exited with code 3.`): the reason is
/// elsewhere.
fn is_status_trailer(body: &str) -> bool {
    regex!(r"(?i)exit (?:code|status)|exited with (?:exit )?code \d|returned non-zero|Process completed with")
        .is_match(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(lines: &[&str]) -> StepOutput {
        let mut out = StepOutput::default();
        for (i, text) in lines.iter().enumerate() {
            out.unread(i as u64 + 1, &Line::plain(text), |_| false);
        }
        out
    }

    #[test]
    fn conventional_error_shapes_are_read() {
        for text in [
            "fatal: refusing to merge unrelated histories",
            "error: could not lock config file .git/config: File exists",
            "Error: No such keg: /opt/homebrew/Cellar/python@3.11",
            "ERROR: Could not build wheels for pycairo",
            "src/main.c:12:5: error: unknown type name 'uint'",
            "main.c:3:10: fatal error: zlib.h: No such file or directory",
            "cc1: fatal error: out.c: No such file or directory",
            "error[E0425]: cannot find value `x` in this scope",
            "panic: runtime error: index out of range [3] with length 3",
            "[ERROR] Failed to execute goal on project api",
            "[2026-12-06 07:00:01][ERROR] upload refused",
            "ERROR in ./src/index.ts 3:0-25",
            "FATAL Failed to connect to the database",
            "error Couldn't find package \"left-pad\" on the \"npm\" registry.",
            "npm ERR! code E404",
            "ValueError: invalid literal for int() with base 10: 'x'",
            "java.lang.IllegalStateException: no profile named ci",
            "Caused by: java.io.IOException: Connection reset",
            "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
            "System.InvalidOperationException: Sequence contains no elements",
            "app/models/user.rb:12:in 'validate': undefined method 'strip' for nil (NoMethodError)",
            "✖ 3 problems (3 errors, 0 warnings)",
            "💥 maturin failed",
            "tsc: error: TS5083: Cannot read file '/w/tsconfig.base.json'.",
            "not ok 3 upgrades an existing install",
            "D:\\a\\geo\\geo\\src\\projection.cpp(57,16): error C2065: 'M_PI': undeclared identifier [D:\\a\\geo.vcxproj]",
            "LINK : fatal error LNK1181: cannot open input file 'zlib.lib'",
            "src/app.ts(4,21): error TS2307: Cannot find module './config'",
            "npm error code ERESOLVE",
            "e: file:///w/app/src/Api.kt:57:16 Unresolved reference: retrofit",
            "E: Unable to locate package libfoo-dev",
            "  error - lib/src/api_client.dart:3:8 - Target of URI doesn't exist: 'package:http/http.dart'.",
        ] {
            assert!(is_error_shaped(text), "not read: {text}");
        }
    }

    #[test]
    fn prose_counters_and_exit_status_trailers_are_not_error_shaped() {
        for text in [
            "error Command failed with exit code 1.",
            "Error: Process completed with exit code 1.",
            "make: *** [Makefile:3: all] Error 2 (exit status 2)",
            "Tests: 3, Assertions: 4, Errors: 1.",
            "There was 1 error:",
            "Found 2 errors in 1 file.",
            "error handling was improved in this release",
            "0 errors, 0 warnings",
            "Errors: none",
            "terrors: 3",
            "Err:2 https://packages.microsoft.com/ubuntu/24.04/prod noble InRelease",
            "no error was found",
        ] {
            assert!(!is_error_shaped(text), "read: {text}");
        }
    }

    #[test]
    fn the_first_error_shaped_line_wins_over_later_prose() {
        let out = output(&[
            "From https://github.com/acme/app",
            " * branch            main -> FETCH_HEAD",
            "fatal: refusing to merge unrelated histories",
            "hint: see git-merge(1)",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(3));
    }

    #[test]
    fn without_an_error_shape_the_last_meaningful_line_is_where_the_step_ended() {
        let out = output(&[
            "Fetching gem metadata from https://rubygems.org/.........",
            "Your bundle is locked to mimemagic (0.3.5), but that version can no longer be found.",
            "Took   2.18 seconds",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(2));
        let out = output(&[
            "Checking coverage",
            "",
            "a pull request for branch \"release/1.4\" into branch \"main\" already exists:",
            "https://github.com/acme/app/pull/311",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(3));
        let out = output(&[
            "Regenerating protobuf bindings...",
            "3 files differ from the committed ones",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(2));
        let out = output(&["Coverage is 71%, below the required 80%", "Done in 3.21s."]);
        assert_eq!(out.why().map(|w| w.0), Some(1));
    }

    #[test]
    fn a_line_saying_what_failed_comes_before_the_last_line() {
        let out = output(&[
            "Test Suites: 1 failed, 11 passed, 12 total",
            "Tests:       1 failed, 87 passed, 88 total",
            "Ran all test suites.",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(1));
        let out = output(&[
            "0 examples, 0 failures, 2 errors occurred outside of examples",
            "Coverage report written",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(1));
        for text in ["Tests: 12 passed, 0 failed", "no failures", "Done, no tests failed"] {
            assert!(!says_failed(text), "{text}");
        }
    }

    #[test]
    fn a_list_of_files_the_step_ends_on_is_pinned_at_its_first_file() {
        // ruff format --check: files, then the count.
        let out = output(&[
            "Would reformat: src/app/parser.py",
            "Would reformat: tests/test_parser.py",
            "2 files would be reformatted, 61 files already formatted",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(1));
        // Prettier: an announcement, files, then its summary.
        let out = output(&[
            "Checking formatting...",
            "[warn] src/lib/Chart.svelte",
            "[warn] src/routes/+layout.ts",
            "[warn] Code style issues found in 2 files. Run Prettier with --write to fix.",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(2));
        // terraform fmt -check through its wrapper: bare paths, then the
        // wrapper's exit status (a trailer, not a reason).
        let out = output(&[
            "modules/network/main.tf",
            "envs/prod/variables.tf",
            "Terraform exited with code 3.",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(1));
        // Prose after the list is where the step ended, and a list earlier in
        // the output is no list it ends on.
        let out = output(&["src/a.ts", "src/b.ts", "Deployment aborted: the quota is used up"]);
        assert_eq!(out.why().map(|w| w.0), Some(3));
        let out = output(&["config.yml", "Uploading", "Upload refused by the server"]);
        assert_eq!(out.why().map(|w| w.0), Some(3));
        for text in ["Done.", "Checking formatting...", "v1.2.3", "Compiling src/a.ts"] {
            assert!(!is_listed_file(text), "{text}");
        }
    }

    #[test]
    fn a_diff_the_step_ends_on_is_pinned_at_its_first_header() {
        // `go mod tidy` then `git diff --exit-code`: the diff's removed
        // lines quote words (`failed`, an `Error:`) that are the files' text.
        let out = output(&[
            "go: downloading github.com/spf13/cobra v1.9.1",
            "diff --git a/go.mod b/go.mod",
            "index 3b1f2a4..9c7d0e2 100644",
            "--- a/go.mod",
            "+++ b/go.mod",
            "@@ -5,9 +5,8 @@ go 1.24.2",
            " require (",
            "-\tgithub.com/pkg/errors v0.9.1",
            " )",
            "diff --git a/internal/gen/errors.go b/internal/gen/errors.go",
            "@@ -1,3 +1,3 @@",
            "-// Error: generation failed",
            "+// Error: generation failed.",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(2));
        // gofmt -d's header.
        let out = output(&[
            "diff cmd/main.go.orig cmd/main.go",
            "--- cmd/main.go.orig",
            "+++ cmd/main.go",
        ]);
        assert_eq!(out.why().map(|w| w.0), Some(1));
        // An error the step printed before its diff still comes first, and
        // prose after a diff is where the step ended.
        let hunk = [
            "diff --git a/x.go b/x.go",
            "--- a/x.go",
            "+++ b/x.go",
            "@@ -1 +1 @@",
            "-a",
            "+b",
        ];
        let out = output(&[&["error: generator crashed"], &hunk[..]].concat());
        assert_eq!(out.why().map(|w| w.0), Some(1));
        let out = output(&[&hunk[..], &["Upload refused by the server"]].concat());
        assert_eq!(out.why().map(|w| w.0), Some(7));
        // The hunk's counts bound it: a line after its last one is the
        // step's again, though it starts with a space or a dash; a line a
        // hunk's counts do not allow ends the diff too (`-` after the one
        // old line), as does a `+`/`-` line before any hunk header.
        // A `--- ` line after a hunk is no file header either: file headers
        // stand between a `diff …` header and its first hunk (Go's test
        // output after a diff the test printed).
        for after in [
            "  - run `go mod tidy` and commit the result",
            "- go.sum is out of date",
            "--- FAIL: TestGenerated (0.01s)",
        ] {
            let out = output(&[&hunk[..], &[after]].concat());
            assert_eq!(out.why().map(|w| w.0), Some(7), "{after}");
        }
        let out = output(&["diff --git a/x.go b/x.go", "-a", "+b"]);
        assert_eq!(out.why().map(|w| w.0), Some(3));
        // A blank context line (a log keeps ` ` as an empty line) and `\ No
        // newline` count inside the hunk; a second hunk and a second file
        // continue the diff.
        let out = output(&[
            "diff --git a/x.go b/x.go",
            "@@ -1,3 +1,3 @@",
            "",
            "-a",
            "+b",
            " c",
            "\\ No newline at end of file",
            "@@ -9,0 +10 @@",
            "+d",
            "diff --git a/y.go b/y.go",
            "new file mode 100644",
            "--- /dev/null",
            "+++ b/y.go",
            "@@ -0,0 +1 @@",
            "+package y",
        ]);
        assert_eq!(
            (out.why().map(|w| w.0), out.last.as_ref().map(|l| l.0)),
            (Some(1), Some(15))
        );
        assert_eq!(hunk_header("@@ -5,9 +5,8 @@ go 1.24.2"), Some((9, 8)));
        assert_eq!(hunk_header("@@ -1 +1,0 @@"), Some((1, 0)));
        assert_eq!(hunk_header("@@ text @@"), None);
        // Go's `--- FAIL:` is no diff line.
        assert!(!is_diff_header("--- FAIL: TestX (0.00s)"));
        assert!(!is_diff_header("diff found 3 changed files in the snapshot directory"));
    }

    #[test]
    fn noise_is_no_reason() {
        for text in [
            "",
            "[command]/usr/bin/git log -1",
            "Progress: resolved 412, reused 0, downloaded 96, added 0",
            "Receiving objects: 100% (312/312), 1.2 MiB | 9.1 MiB/s, done.",
            "Done in 3.21s.",
            "https://github.com/acme/app/pull/311",
            "    at Object.<anonymous> (/home/runner/work/a/a/index.js:3:9)",
            "  File \"/home/runner/work/a/a/x.py\", line 3, in <module>",
            "/home/runner/work/cache-kit/cache-kit/src/RedisStore.php:18",
            "==========",
            "[=====>                ] 25%",
            "  45% |████████          | 12/27",
        ] {
            let out = output(&[text]);
            assert!(out.why().is_none(), "meaningful: {text}");
        }
        let mut out = StepOutput::default();
        out.unread(
            1,
            &Line::plain("WARNING: Retrying (Retry(total=4)) after connection broken"),
            |_| false,
        );
        out.unread(2, &Line::plain("+ ./deploy.sh --dry-run"), |_| true);
        assert!(out.why().is_none());
    }
}
