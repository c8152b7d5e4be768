//! Per-line rules: what a single candidate line says, before ranking.
//!
//! Only lines that contain one of [`NEEDLES`] (or carry an error marker) get
//! here, so the checks below can be plain `contains` and small regexes.

use std::sync::OnceLock;

use regex::Regex;

use crate::knowledge::python::pytest::{pytest_plugin_for_fixture, pytest_plugin_for_flag};
use crate::knowledge::python::{ModuleNeed, module_need, normalize_name};
use crate::knowledge::tools::{is_known_tool, likely_typo_of, script_mentions};
use crate::report::{Category, SubjectDetail};
use crate::subject::{display_text, is_command, is_module, is_shell_word, workspace_path};

/// Distinctive substrings; a line without any of them (and without an error
/// marker) cannot match a rule.
pub const NEEDLES: &[&str] = &[
    "No module named",
    "unrecognized arguments",
    "fixture '",
    "async def functions are not natively supported",
    "Cannot find module",
    "exceeded the maximum execution time",
    "has timed out",
    "operation was canceled",
    "was canceled",
    "timed out",
    "Timed out",
    "ETIMEDOUT",
    "Timeout",
    "rate limit",
    "Rate limit",
    "RateLimit",
    "toomanyrequests",
    "TOOMANYREQUESTS",
    "Too Many Requests",
    "exec format error",
    "Exec format error",
    "lost communication",
    "Waiting for a runner",
    "No runner matching",
    "not found",
    "is not recognized as",
    "Unable to locate executable file",
    "executable file not found",
    "No such file or directory",
    "no such file or directory",
    "No files were found",
    "ENOENT",
    "Could not open requirements file",
    "lock file is not found",
    "matched to [",
    "Can't find 'action.yml'",
    "can't open file",
    "FileNotFoundError",
    "Invalid workflow file",
    "error in your yaml syntax",
    "(Line: ",
    "ERESOLVE",
    "ResolutionImpossible",
    "Could not find a version",
    "version solving failed",
    "conflicting dependencies",
    "error TS",
    "error[E",
    "could not compile",
    "SyntaxError",
    "FAILED",
    " failed",
    "AssertionError",
    "--- FAIL",
    "Input required and not supplied",
    "Bad credentials",
    "Permission denied",
    "permission denied",
    "Resource not accessible",
    "Forbidden",
    "EACCES",
    "Killed",
    "out of memory",
    "MemoryError",
    "OutOfMemory",
    "No space left on device",
    "would reformat",
    "does not indicate success",
    "Could not resolve host",
    "ECONNRESET",
    "ECONNREFUSED",
    "Connection refused",
    "account payments",
    "spending limit",
    "AttributeError",
    "cannot import name",
    "npm ERR! code",
    "fatal error",
    "undefined reference",
    "Process completed with exit code",
    "there is no package called",
];

/// How a hit weighs in ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Names a root cause of one of the fixable categories.
    Specific,
    /// A failure nobody should auto-fix (tests, compile, secrets, …).
    Blocker,
    /// A failed install: whatever goes missing afterwards follows from it.
    InstallFailure,
    /// `Process completed with exit code N`: a step ended here.
    StepFailed,
    /// `The operation was canceled.`: a timeout only if nothing failed first.
    Canceled,
    /// An error line no rule explains.
    Weak,
}

/// What one line says.
#[derive(Clone, Debug)]
pub struct Hit {
    pub category: Category,
    pub subject: Option<String>,
    pub detail: SubjectDetail,
    pub fixable: bool,
    pub confidence: f32,
    pub message: String,
    pub strength: Strength,
    /// Explains the whole job (e.g. the time-limit annotation), so it ranks
    /// first whatever its position.
    pub job_level: bool,
}

impl Hit {
    fn new(category: Category, confidence: f32, strength: Strength, message: impl Into<String>) -> Hit {
        Hit {
            category,
            subject: None,
            detail: SubjectDetail::None,
            fixable: false,
            confidence,
            message: message.into(),
            strength,
            job_level: false,
        }
    }

    fn blocker(message: impl Into<String>) -> Hit {
        Hit::new(Category::Unknown, 0.6, Strength::Blocker, message)
    }

    fn with_subject(mut self, subject: impl Into<String>, detail: SubjectDetail) -> Hit {
        self.subject = Some(subject.into());
        self.detail = detail;
        self
    }
}

/// What the rules may look at besides the line.
pub struct LineContext<'a> {
    /// A few lines before this one, oldest first.
    pub recent: &'a [&'a str],
    /// The current step's script as echoed in its header.
    pub script: &'a str,
    /// Names of the project's own packages (normalized), from hints and
    /// checkout paths seen in the log.
    pub own_packages: &'a [String],
    pub is_warning: bool,
}

struct Patterns {
    no_module: Regex,
    exceeded_minutes: Regex,
    exceeded_duration: Regex,
    yaml_line: Regex,
    yaml_line_col: Regex,
    invalid_file: Regex,
    check_failure: Regex,
    fixture: Regex,
    quoted: Regex,
    dash_not_found: Regex,
    env_missing: Regex,
    tool_no_such_file: Regex,
    working_directory: Regex,
    exit_code: Regex,
    node_module: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| panic!("built-in pattern {s:?}: {e}"));
        Patterns {
            no_module: re(r#"No module named (?:'([^']*)'|"([^"]*)"|‘([^’]*)’|(\S+)\s*$)"#),
            exceeded_minutes: re(r"exceeded the maximum execution time of (\d+) minutes?"),
            exceeded_duration: re(r"exceeded the maximum execution time of ((?:\d+h)?(?:\d+m)?(?:\d+(?:\.\d+)?s)?)"),
            yaml_line: re(r"error in your yaml syntax on line (\d+)"),
            yaml_line_col: re(r"\(Line: (\d+), Col: (\d+)\)"),
            invalid_file: re(r"Invalid workflow file\s*:?\s*\[?([^#\s\]]+)(?:#L(\d+))?"),
            check_failure: re(r"Check failure on line (\d+) in (\S+)"),
            fixture: re(r"fixture '([A-Za-z_][A-Za-z0-9_]*)' not found"),
            quoted: re(r#"['"‘`]([^'"’`]+)['"’`]"#),
            dash_not_found: re(r"^(?:.*?: )?\d+: (.+?): not found\s*$"),
            env_missing: re(r#"env: ['‘"]?([^'’":]+)['’"]?: No such file or directory"#),
            tool_no_such_file: re(
                r#"(?:^|\s)(?:cat|cp|mv|cd|ls|source|\.|tar|chmod|stat|head|tail|diff|python3?|node|bash|sh|find|readlink|realpath|rm): (?:cannot (?:access|stat|open) )?['‘"]?([^'’":]+?)['’"]?: No such file or directory"#,
            ),
            working_directory: re(r"with working directory '([^']+)'\. No such file or directory"),
            exit_code: re(r"Process completed with exit code (\d+)"),
            node_module: re(r"Cannot find module '([^']+)'"),
        }
    })
}

/// Applies the built-in rules to one line.
pub fn classify_line(text: &str, ctx: &LineContext<'_>) -> Option<Hit> {
    let hit = workflow_file(text)
        .or_else(|| timeouts(text))
        .or_else(|| rate_limits(text))
        .or_else(|| runners(text))
        .or_else(|| python_imports(text, ctx))
        .or_else(|| pytest(text, ctx))
        .or_else(|| commands(text, ctx))
        .or_else(|| files(text))
        .or_else(|| blockers(text))?;
    Some(soften_warning(hit, ctx))
}

/// A warning or retry line that merely mentions a failure does not end the
/// job; it only counts if nothing better is found.
fn soften_warning(mut hit: Hit, ctx: &LineContext<'_>) -> Hit {
    if matches!(hit.strength, Strength::Blocker) && ctx.is_warning {
        hit.strength = Strength::Weak;
    }
    hit
}

fn workflow_file(text: &str) -> Option<Hit> {
    let p = patterns();
    let mut location: Option<(Option<String>, u32, Option<u32>, u8)> = None;
    if let Some(c) = p.yaml_line_col.captures(text) {
        let line = c[1].parse().ok()?;
        location = Some((None, line, c[2].parse().ok(), 3));
    } else if let Some(c) = p.yaml_line.captures(text) {
        location = Some((None, c[1].parse().ok()?, None, 2));
    }
    if text.contains("Invalid workflow file") {
        let (file, line) = match p.invalid_file.captures(text) {
            Some(c) => (Some(c[1].to_string()), c.get(2).and_then(|m| m.as_str().parse().ok())),
            None => (None, None),
        };
        let line_rank = match &location {
            Some(l) => l.3,
            None => 1,
        };
        let line = location.as_ref().map(|l| l.1).or(line);
        let column = location.as_ref().and_then(|l| l.2);
        return Some(yaml_hit(file, line, column, line_rank));
    }
    if let Some(c) = p.check_failure.captures(text) {
        if c[2].contains(".github/workflows/") {
            return Some(yaml_hit(Some(c[2].to_string()), c[1].parse().ok(), None, 1).weak());
        }
    }
    let (file, line, column, rank) = location?;
    if rank == 3 && !text.contains(".github/workflows") && !text.contains("workflow") {
        // `(Line: N, Col: M)` alone is a workflow-schema message only in
        // GitHub's own wording, which names the file or "workflow".
        return Some(yaml_hit(file, Some(line), column, rank).weak());
    }
    Some(yaml_hit(file, Some(line), column, rank))
}

impl Hit {
    fn weak(mut self) -> Hit {
        self.strength = Strength::Weak;
        self
    }
}

/// `rank` says how precise the line number is: 3 for `(Line: N, Col: M)`,
/// 2 for "on line N", 1 for a `#LN` anchor (GitHub reports #L1 for schema
/// errors).
fn yaml_hit(file: Option<String>, line: Option<u32>, column: Option<u32>, rank: u8) -> Hit {
    let path = file.as_deref().and_then(workspace_path);
    let mut hit = Hit::new(
        Category::YamlSyntax,
        0.6 + 0.1 * f32::from(rank),
        Strength::Specific,
        "",
    );
    hit.message = match (&path, line) {
        (Some(p), Some(l)) => format!("The workflow file {p} is invalid at line {l}."),
        (None, Some(l)) => format!("The workflow file is invalid at line {l}."),
        (Some(p), None) => format!("The workflow file {p} is invalid."),
        (None, None) => "The workflow file is invalid.".into(),
    };
    hit.job_level = true;
    if let Some(line) = line {
        hit.subject = Some(line.to_string());
        hit.fixable = true;
    }
    hit.detail = SubjectDetail::WorkflowLocation {
        path,
        line: line.unwrap_or(0),
        column,
    };
    hit.confidence = (hit.confidence + if line.is_some() { 0.1 } else { 0.0 }).min(0.95);
    hit
}

fn timeouts(text: &str) -> Option<Hit> {
    let p = patterns();
    if text.contains("exceeded the maximum execution time") {
        let minutes = p
            .exceeded_minutes
            .captures(text)
            .and_then(|c| c[1].parse::<u32>().ok())
            .or_else(|| p.exceeded_duration.captures(text).and_then(|c| duration_minutes(&c[1])));
        let mut hit = Hit::new(
            Category::Timeout,
            0.95,
            Strength::Specific,
            "The job hit its time limit.",
        );
        hit.job_level = true;
        if let Some(m) = minutes {
            hit = hit.with_subject(m.to_string(), SubjectDetail::Limit { minutes: m });
            hit.message = format!("The job ran longer than its limit of {m} minutes.");
            hit.fixable = true;
        }
        return Some(hit);
    }
    if text.contains("The action has timed out") || text.contains("step has timed out") {
        return Some(Hit::new(
            Category::Timeout,
            0.8,
            Strength::Specific,
            "The step hit its timeout-minutes limit.",
        ));
    }
    if text.contains("The operation was canceled") {
        return Some(Hit::new(
            Category::Timeout,
            0.5,
            Strength::Canceled,
            "The job was canceled; with no earlier failure this is usually the time limit.",
        ));
    }
    if text.contains("was canceled") && (text.contains("failed") || text.contains("canceled by")) {
        return Some(Hit::new(
            Category::Unknown,
            0.5,
            Strength::Weak,
            "The job was canceled (fail-fast or by a user).",
        ));
    }
    let network = [
        "timed out",
        "Timed out",
        "ETIMEDOUT",
        "ReadTimeout",
        "ConnectTimeout",
        "TimeoutError",
    ];
    if network.iter().any(|n| text.contains(n)) {
        return Some(Hit::blocker(
            "A network operation timed out (not the job's time limit).",
        ));
    }
    None
}

/// `6h0m0s`, `45m`, `90s` → minutes (rounded up).
fn duration_minutes(s: &str) -> Option<u32> {
    let mut total_secs = 0f64;
    let mut number = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'h' | 'm' | 's' => {
                let n: f64 = number.parse().ok()?;
                total_secs += n * match c {
                    'h' => 3600.0,
                    'm' => 60.0,
                    _ => 1.0,
                };
                number.clear();
            }
            _ => return None,
        }
    }
    (total_secs > 0.0).then(|| (total_secs / 60.0).ceil() as u32)
}

fn rate_limits(text: &str) -> Option<Hit> {
    let lower_has = |needle: &str| text.to_ascii_lowercase().contains(needle);
    let docker = text.contains("toomanyrequests")
        || text.contains("TOOMANYREQUESTS")
        || (lower_has("pull rate limit"))
        || (text.contains("Too Many Requests") && (text.contains("docker.io") || text.contains("registry")));
    if docker {
        let mut hit = Hit::new(
            Category::RateLimit,
            0.9,
            Strength::Specific,
            "Docker Hub's pull rate limit was reached.",
        )
        .with_subject(
            "Docker Hub",
            SubjectDetail::RateLimit {
                service: crate::report::RateLimitService::DockerHub,
                authenticated: None,
            },
        );
        hit.fixable = true;
        return Some(hit);
    }
    let limited = lower_has("rate limit") || text.contains("RateLimit");
    let exceeded = lower_has("exceeded") || lower_has("reached") || text.contains("429");
    if limited && exceeded {
        let github = text.contains("installation")
            || text.contains("api.github.com")
            || text.contains("GitHub")
            || text.contains("HttpError")
            || lower_has("secondary rate limit")
            || text.contains("API rate limit exceeded");
        if github {
            let mut hit = Hit::new(
                Category::RateLimit,
                0.85,
                Strength::Specific,
                "The GitHub API rate limit was exceeded.",
            )
            .with_subject(
                "GitHub REST API",
                SubjectDetail::RateLimit {
                    service: crate::report::RateLimitService::GithubRestPrimary,
                    authenticated: None,
                },
            );
            hit.fixable = true;
            return Some(hit);
        }
        return Some(Hit::new(
            Category::RateLimit,
            0.6,
            Strength::Specific,
            "A service's rate limit was exceeded.",
        ));
    }
    if text.contains("429 Too Many Requests") || text.contains("(Too Many Requests)") {
        return Some(Hit::new(
            Category::RateLimit,
            0.55,
            Strength::Specific,
            "A server answered 429 Too Many Requests.",
        ));
    }
    None
}

fn runners(text: &str) -> Option<Hit> {
    if text.contains("xec format error") {
        return Some(Hit::new(
            Category::OptionalJob,
            0.75,
            Strength::Specific,
            "A binary or image for another CPU architecture was run (exec format error); the job cannot run on this runner.",
        ));
    }
    if text.contains("lost communication") {
        if text.contains("self-hosted") {
            return Some(Hit::new(
                Category::OptionalJob,
                0.65,
                Strength::Specific,
                "The self-hosted runner lost communication with GitHub.",
            ));
        }
        return Some(Hit::blocker(
            "A GitHub-hosted runner lost communication (infrastructure or resource starvation).",
        ));
    }
    if text.contains("Waiting for a runner") || text.contains("No runner matching") {
        return Some(Hit::blocker("No runner picked up the job; check the runs-on labels."));
    }
    None
}

fn python_imports(text: &str, ctx: &LineContext<'_>) -> Option<Hit> {
    if text.contains("cannot import name") {
        return Some(Hit::blocker(
            "An import failed inside an installed module (API or version mismatch).",
        ));
    }
    if !text.contains("No module named") {
        return None;
    }
    let c = patterns().no_module.captures(text)?;
    // The whole quoted name is validated, so `'yaml\nimport os'` is not `yaml`.
    let raw = (1..=4).find_map(|i| c.get(i))?.as_str();
    if text.contains("is not a package") {
        return Some(Hit::blocker(format!(
            "'{}' is imported from a module that is not a package.",
            display_text(raw)
        )));
    }
    if !is_module(raw) {
        let mut hit = Hit::new(
            Category::MissingDependency,
            0.3,
            Strength::Specific,
            "A Python import failed.",
        );
        hit.subject = Some(display_text(raw));
        hit.detail = SubjectDetail::Untrusted {
            text: display_text(raw),
        };
        return Some(hit);
    }
    let top = raw.split('.').next().unwrap_or(raw);
    if ctx.own_packages.iter().any(|p| *p == normalize_name(top)) {
        let mut hit = Hit::new(
            Category::MissingDependency,
            0.75,
            Strength::Specific,
            format!("The project's own package '{top}' is not installed; install it with `pip install -e .`."),
        )
        .with_subject(
            ".",
            SubjectDetail::OwnPackage {
                module: raw.to_string(),
            },
        );
        hit.fixable = true;
        return Some(hit);
    }
    match module_need(raw, None) {
        ModuleNeed::Stdlib(_) => Some(Hit::blocker(format!(
            "'{raw}' is part of Python's standard library: the interpreter's version or build is the problem."
        ))),
        ModuleNeed::Submodule => Some(Hit::blocker(format!(
            "'{raw}' is missing although its package imports: a version mismatch or the project's layout."
        ))),
        ModuleNeed::Distribution { name, known } => {
            let confidence = if known { 0.9 } else { 0.75 };
            let mut hit = Hit::new(
                Category::MissingDependency,
                confidence,
                Strength::Specific,
                format!("Python module '{raw}' is not installed (distribution {name})."),
            )
            .with_subject(
                name.clone(),
                SubjectDetail::Module {
                    module: raw.to_string(),
                    distribution: name,
                    known,
                    python: None,
                },
            );
            hit.fixable = true;
            Some(hit)
        }
    }
}

fn pytest(text: &str, ctx: &LineContext<'_>) -> Option<Hit> {
    if text.contains("unrecognized arguments") {
        let pytest_context =
            text.contains("pytest") || text.contains("__main__.py") || ctx.recent.iter().any(|l| l.contains("pytest"));
        if !pytest_context {
            return Some(Hit::blocker("A command was given arguments it does not know."));
        }
        let args = text.split("unrecognized arguments:").nth(1).unwrap_or("");
        let plugin = args
            .split_whitespace()
            .find_map(|a| pytest_plugin_for_flag(a).map(|d| (a, d)));
        return Some(match plugin {
            Some((flag, dist)) => plugin_hit(flag, dist, 0.85),
            None => Hit::blocker("pytest was given arguments no installed plugin provides."),
        });
    }
    if text.contains("fixture '") && text.contains("not found") {
        let name = patterns().fixture.captures(text)?.get(1)?.as_str().to_string();
        return Some(match pytest_plugin_for_fixture(&name) {
            Some(dist) => plugin_hit(&format!("fixture '{name}'"), dist, 0.75),
            None => Hit::blocker(format!("pytest fixture '{name}' is not defined.")),
        });
    }
    if text.contains("async def functions are not natively supported") {
        return Some(plugin_hit("async def tests", "pytest-asyncio", 0.6));
    }
    if let Some(c) = patterns().node_module.captures(text) {
        if text.contains("error TS") {
            return Some(Hit::blocker("TypeScript cannot resolve an import (compile error)."));
        }
        let name = c.get(1)?.as_str();
        let bare = !name.starts_with(['.', '/']) && !name.contains(':');
        let mut hit = Hit::new(
            if bare {
                Category::MissingDependency
            } else {
                Category::Unknown
            },
            0.45,
            Strength::Blocker,
            "Node.js cannot find a module.",
        );
        hit.subject = Some(display_text(name));
        hit.detail = SubjectDetail::Untrusted {
            text: display_text(name),
        };
        return Some(hit);
    }
    None
}

fn plugin_hit(trigger: &str, distribution: &str, confidence: f32) -> Hit {
    let mut hit = Hit::new(
        Category::MissingDependency,
        confidence,
        Strength::Specific,
        format!(
            "pytest plugin {distribution} is not installed ({} needs it).",
            display_text(trigger)
        ),
    )
    .with_subject(
        distribution,
        SubjectDetail::PytestPlugin {
            trigger: display_text(trigger),
            distribution: distribution.to_string(),
        },
    );
    hit.fixable = true;
    hit
}

/// Extracts the command of a "not found" line, in the shapes of bash, dash,
/// zsh, cmd.exe, PowerShell, the actions toolkit and Go's exec.
fn missing_command_name(text: &str) -> Option<String> {
    let p = patterns();
    if let Some(at) = text.find("command not found: ") {
        return Some(text[at + "command not found: ".len()..].trim().to_string());
    }
    if let Some(at) = text.find(": command not found") {
        let before = &text[..at];
        let name = before.rsplit(": ").next().unwrap_or(before);
        return Some(name.trim().to_string());
    }
    if let Some(c) = p.dash_not_found.captures(text) {
        return Some(c[1].trim().to_string());
    }
    if text.contains("is not recognized as") {
        return p.quoted.captures(text).map(|c| c[1].trim().to_string());
    }
    if let Some(at) = text.find("Unable to locate executable file: ") {
        let rest = &text[at + "Unable to locate executable file: ".len()..];
        return Some(
            rest.split(". ")
                .next()
                .unwrap_or(rest)
                .trim_end_matches('.')
                .trim()
                .to_string(),
        );
    }
    if text.contains("executable file not found") {
        return p.quoted.captures(text).map(|c| c[1].trim().to_string());
    }
    if let Some(c) = p.env_missing.captures(text) {
        return Some(c[1].trim().to_string());
    }
    None
}

fn commands(text: &str, ctx: &LineContext<'_>) -> Option<Hit> {
    let name = missing_command_name(text)?;
    if name.contains('/') || name.contains('\\') {
        return Some(path_hit(&name, 0.7, "A script or program path does not exist."));
    }
    if name.contains("\\r") || name.contains('\r') || name == "$'\\r'" {
        return Some(Hit::blocker("The script has Windows line endings (CRLF)."));
    }
    if !is_command(&name) {
        let mut hit = Hit::new(
            Category::MissingCommand,
            0.3,
            Strength::Specific,
            "A command was not found.",
        );
        hit.subject = Some(display_text(&name));
        hit.detail = SubjectDetail::Untrusted {
            text: display_text(&name),
        };
        return Some(hit);
    }
    if is_shell_word(&name) {
        return Some(Hit::blocker(format!(
            "The shell keyword '{name}' was run as a command: a script syntax error."
        )));
    }
    if name
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && name.len() > 1
    {
        return Some(Hit::blocker(format!(
            "'{name}' was run as a command: probably a variable assignment with spaces around '='."
        )));
    }
    if let Some(tool) = likely_typo_of(&name) {
        return Some(Hit::blocker(format!(
            "'{name}' is not a command; probably a typo of '{tool}' in the script."
        )));
    }
    let known = is_known_tool(&name);
    let in_script = script_mentions(ctx.script, &name);
    let confidence = match (known, in_script) {
        (true, _) => 0.85,
        (false, true) => 0.55,
        (false, false) => 0.35,
    };
    let mut hit = Hit::new(
        Category::MissingCommand,
        confidence,
        Strength::Specific,
        format!("Command '{name}' is not installed on the runner."),
    )
    .with_subject(
        name.clone(),
        SubjectDetail::Command {
            name: name.clone(),
            known,
        },
    );
    // Only a tool we know how to install makes a safe fix.
    hit.fixable = known;
    Some(hit)
}

fn path_hit(raw: &str, confidence: f32, message: &str) -> Hit {
    let mut hit = Hit::new(Category::FileNotFound, confidence, Strength::Specific, message);
    match workspace_path(raw) {
        Some(path) => {
            hit.message = format!("{message} ({path})");
            hit = hit.with_subject(path.clone(), SubjectDetail::Path { path });
            hit.fixable = true;
        }
        None => {
            hit.subject = Some(display_text(raw));
            hit.detail = SubjectDetail::Untrusted {
                text: display_text(raw),
            };
        }
    }
    hit
}

fn first_quoted(text: &str) -> Option<String> {
    patterns().quoted.captures(text).map(|c| c[1].to_string())
}

fn files(text: &str) -> Option<Hit> {
    let p = patterns();
    if let Some(at) = text.find("No files were found with the provided path: ") {
        let rest = &text[at + "No files were found with the provided path: ".len()..];
        let path = rest
            .split(". No artifacts")
            .next()
            .unwrap_or(rest)
            .trim()
            .trim_end_matches('.');
        return Some(path_hit(
            path,
            0.75,
            "upload-artifact found no files at the given path.",
        ));
    }
    if text.contains("Could not open requirements file") {
        let path = text
            .rsplit("No such file or directory: ")
            .next()
            .and_then(first_quoted_or_plain)?;
        return Some(path_hit(&path, 0.85, "The requirements file does not exist."));
    }
    if let Some(at) = text.find("ENOENT: no such file or directory, ") {
        let path = first_quoted(&text[at..])?;
        return Some(path_hit(&path, 0.7, "A file the tool opens does not exist."));
    }
    if text.contains("lock file is not found") {
        let patterns_at = text.find("Supported file patterns: ")?;
        let first = text[patterns_at + "Supported file patterns: ".len()..]
            .split(',')
            .next()?
            .trim();
        return Some(path_hit(
            first,
            0.7,
            "The dependency lock file for caching does not exist.",
        ));
    }
    if text.contains("matched to [") {
        let start = text.find("matched to [")? + "matched to [".len();
        let pattern = text[start..].split(']').next()?.split(',').next()?.trim();
        let pattern = pattern.strip_prefix("**/").unwrap_or(pattern);
        return Some(path_hit(pattern, 0.7, "No file matched the cache dependency path."));
    }
    if text.contains("Can't find 'action.yml'") {
        let under = text.split(" under ").nth(1).and_then(first_quoted_or_plain)?;
        let mut hit = path_hit(
            &under,
            0.8,
            "The local action does not exist; is the repository checked out?",
        );
        hit.message.push_str(" Local actions need actions/checkout first.");
        return Some(hit);
    }
    if text.contains("can't open file") && text.contains("No such file or directory") {
        let path = first_quoted(text.split("can't open file").nth(1)?)?;
        return Some(path_hit(
            &path,
            0.75,
            "The script passed to the interpreter does not exist.",
        ));
    }
    if let Some(c) = p.working_directory.captures(text) {
        return Some(path_hit(&c[1], 0.8, "The step's working-directory does not exist."));
    }
    if text.contains("FileNotFoundError") {
        let path = text
            .rsplit("No such file or directory: ")
            .next()
            .and_then(first_quoted_or_plain);
        let mut hit = match path {
            Some(path) => path_hit(&path, 0.45, "A Python program could not open a file."),
            None => Hit::new(
                Category::FileNotFound,
                0.4,
                Strength::Specific,
                "A Python program could not open a file.",
            ),
        };
        // Raised at runtime by the program: the missing file is rarely
        // something the workflow should change.
        hit.fixable = false;
        return Some(hit);
    }
    if text.contains("No such file or directory") {
        if let Some(c) = p.tool_no_such_file.captures(text) {
            return Some(path_hit(
                &c[1],
                0.55,
                "A file or directory used by the script does not exist.",
            ));
        }
        // `…sh: line 3: ./build.sh: No such file or directory`
        if let Some(at) = text.rfind(": No such file or directory") {
            let before = &text[..at];
            let name = before.rsplit(": ").next().unwrap_or(before).trim();
            if before.contains("line ") && (name.contains('/') || name.contains('.')) {
                return Some(path_hit(name, 0.65, "A script or program path does not exist."));
            }
        }
    }
    if text.contains("failed to read dockerfile") {
        let at = text.find("open ")? + 5;
        let path = text[at..].split(':').next()?.trim();
        return Some(path_hit(path, 0.7, "The Dockerfile does not exist."));
    }
    None
}

fn first_quoted_or_plain(s: &str) -> Option<String> {
    first_quoted(s).or_else(|| s.split_whitespace().next().map(str::to_string))
}

fn blockers(text: &str) -> Option<Hit> {
    const INSTALL: &[(&str, &str)] = &[
        (
            "ERESOLVE",
            "npm could not resolve the dependency tree (a version conflict).",
        ),
        ("ResolutionImpossible", "pip found conflicting dependency requirements."),
        ("conflicting dependencies", "The dependency requirements conflict."),
        (
            "Could not find a version that satisfies",
            "pip could not find a matching version of a requirement.",
        ),
        (
            "version solving failed",
            "The dependency resolver could not find compatible versions.",
        ),
        ("npm ERR! code E404", "npm could not find a package version."),
        ("npm ERR! code ETARGET", "npm could not find a package version."),
        ("npm ERR! code EINTEGRITY", "npm found a corrupt package."),
    ];
    for (needle, message) in INSTALL {
        if text.contains(needle) {
            return Some(Hit::new(Category::Unknown, 0.6, Strength::InstallFailure, *message));
        }
    }
    if let Some(c) = patterns().exit_code.captures(text) {
        let code: u32 = c[1].parse().ok()?;
        if code == 137 {
            return Some(Hit::blocker(
                "The process was killed (exit 137), usually out of memory.",
            ));
        }
        let mut hit = Hit::new(
            Category::Unknown,
            0.2,
            Strength::StepFailed,
            format!("A step failed with exit code {code}."),
        );
        hit.confidence = 0.2;
        return Some(hit);
    }
    const BLOCKERS: &[(&str, &str)] = &[
        ("error TS", "TypeScript compile error."),
        ("error[E", "Rust compile error."),
        ("could not compile", "Compile error."),
        ("fatal error", "Compile or build error."),
        ("undefined reference", "Link error."),
        ("SyntaxError", "Syntax error in the code."),
        (
            "AttributeError",
            "An attribute lookup failed in the code (not a missing package).",
        ),
        ("AssertionError", "A test assertion failed."),
        ("--- FAIL", "A Go test failed."),
        ("test result: FAILED", "A Rust test failed."),
        ("FAILED ", "Tests failed."),
        (" failed, ", "Tests failed."),
        (
            "Input required and not supplied",
            "A required input (often a secret) was empty.",
        ),
        ("Bad credentials", "The credentials were rejected."),
        (
            "Resource not accessible",
            "The token lacks the permission for this API call.",
        ),
        ("Permission denied", "Permission denied."),
        ("permission denied", "Permission denied."),
        ("EACCES", "Permission denied."),
        ("(Forbidden)", "The server refused the request (403)."),
        ("403 Forbidden", "The server refused the request (403)."),
        ("heap out of memory", "Out of memory."),
        ("out of memory", "Out of memory."),
        ("MemoryError", "Out of memory."),
        ("OutOfMemory", "Out of memory."),
        ("Killed", "The process was killed, usually out of memory."),
        ("No space left on device", "The disk is full."),
        ("would reformat", "A formatter check failed."),
        ("does not indicate success", "A download failed with a server error."),
        ("Could not resolve host", "A network error (DNS)."),
        ("ECONNRESET", "A network connection was reset."),
        ("ECONNREFUSED", "A network connection was refused."),
        ("Connection refused", "A network connection was refused."),
        ("account payments", "The account's billing blocks the job."),
        ("spending limit", "The account's billing blocks the job."),
        ("there is no package called", "An R package is missing."),
    ];
    BLOCKERS
        .iter()
        .find(|(needle, _)| text.contains(needle))
        .map(|(_, message)| Hit::blocker(*message))
}

#[cfg(test)]
mod tests;
