//! The GitHub Actions runner and service: job annotations (time limit, lost
//! runner, shutdown, cancel, billing, a job no runner acquired, labels), workflow validation messages,
//! and the runner's own step messages.
//!
//! Sources: the wording GitHub shows in job annotations and the run page
//! (documented in "Usage limits" and "Troubleshooting workflows" of the GitHub
//! Actions docs), and `actions/runner` (`src/Runner.Worker/StepsRunner.cs`,
//! `JobRunner.cs`, `Handlers/*`, `ActionManager.cs`), which prints the step,
//! action and process messages. A queued job's set-up prints `Requested
//! labels: …`, `Job defined at: …` and `Waiting for a runner to pick up this
//! job...` whether or not a runner then takes it (users' job logs, where
//! `Job is about to start running on the hosted runner: …` follows); GitHub's
//! annotation on a job still queued after 24 hours is `The job has exceeded
//! the maximum execution time while awaiting a runner for 24h0m0s` (users'
//! reports of retired labels such as `ubuntu-20.04` and offline self-hosted
//! runners).

use super::util::{after, path_hit, quoted, regex, runner_hit};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line, Strength};
use crate::report::{Category, LimitScope, RunnerClass, RunnerFailure, SubjectDetail};
use crate::subject::workspace_path;

/// The runner's notice that it pulls a job or service container's image
/// again, which ranking reads as a client's retry (`rank.rs`).
pub const CONTAINER_PULL_RETRY: &str = "runner/container-pull-retry";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: CONTAINER_PULL_RETRY,
        grammar: "Docker pull failed with exit code {n}, back off {s} seconds before retry. (the runner's warning \
                  between its attempts to pull a job or service container's image, `DockerCommandManager`)",
        needles: &["Docker pull failed with exit code"],
        check: container_pull_retry,
        examples: &[ex(
            "Docker pull failed with exit code 1, back off 3.724 seconds before retry.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/time-limit",
        grammar: "The job running on runner {runner} has exceeded the maximum execution time of {minutes} minutes. | \
                  The job has exceeded the maximum execution time of {duration (Go: 6h0m0s)}",
        needles: &["maximum execution time"],
        check: time_limit,
        examples: &[
            ex(
                "The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 45 minutes.",
                Category::Timeout,
                Some("45"),
            ),
            ex(
                "The job has exceeded the maximum execution time of 1h30m0s",
                Category::Timeout,
                Some("90"),
            ),
            // Annotations are often quoted cut short.
            ex(
                "##[error]The job running on runner x has exceeded the maximum execution time of 120.",
                Category::Timeout,
                Some("120"),
            ),
        ],
    },
    Entry {
        id: "runner/step-time-limit",
        grammar: "The action has timed out. | The action '{step}' has timed out after {minutes} minutes.",
        needles: &["has timed out"],
        check: step_time_limit,
        examples: &[
            ex("Error: The action has timed out.", Category::Timeout, None),
            ex(
                "##[error]The action 'Run integration tests' has timed out after 25 minutes.",
                Category::Timeout,
                Some("25"),
            ),
        ],
    },
    Entry {
        id: "runner/lost-communication",
        grammar: "The self-hosted runner: {name} lost communication with the server. … | \
                  The hosted runner: {name} lost communication with the server. …",
        needles: &["lost communication with the server"],
        check: lost_communication,
        examples: &[
            ex(
                "The self-hosted runner: arm-box-3 lost communication with the server. Verify the machine is running.",
                Category::OptionalJob,
                Some("lost_communication"),
            ),
            // A GitHub-hosted runner: infrastructure or resource starvation,
            // not a runner type to make optional.
            ex(
                "The hosted runner: GitHub Actions 40 lost communication with the server.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "runner/shutdown-signal",
        grammar: "The runner has received a shutdown signal. This can happen when the runner service is stopped, \
                  or a manually started runner is canceled.",
        needles: &["received a shutdown signal"],
        check: shutdown_signal,
        examples: &[ex(
            "##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped.",
            Category::OptionalJob,
            Some("shutdown_signal"),
        )],
    },
    Entry {
        id: BARE_CANCEL,
        grammar: "The operation was canceled.",
        needles: &["The operation was canceled"],
        check: canceled,
        examples: &[ex("##[error]The operation was canceled.", Category::Unknown, None)],
    },
    Entry {
        id: "runner/fail-fast-canceled",
        grammar: "The strategy configuration was canceled because \"{job id}.{matrix values joined by _}\" failed (the \
                  annotation of a matrix leg that `strategy.fail-fast` canceled after another leg failed)",
        needles: &["strategy configuration was canceled because"],
        check: canceled_by_fail_fast,
        examples: &[ex(
            "The strategy configuration was canceled because \"test.ubuntu-latest_3_12\" failed",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/canceled-by-user-or-concurrency",
        grammar: "The run was canceled by @{user}. | Canceling since a higher priority waiting request for '{group}' \
                  exists",
        needles: &["was canceled by", "higher priority waiting request"],
        check: canceled_by_someone,
        examples: &[
            ex("The run was canceled by @octocat.", Category::Unknown, None),
            ex(
                "Canceling since a higher priority waiting request for 'ci-refs/heads/main' exists",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "runner/called-workflow-unavailable",
        grammar: "error parsing called workflow \"{caller}\" -> \"{ref}\" : {failed to fetch workflow: }workflow was \
                  not found. | … : job \"{job}\" calls workflow \"{ref}\", but doing so would exceed the limit on \
                  called workflow depth of {n} (read on the reason's line)",
        needles: &[
            "workflow was not found",
            "failed to fetch workflow",
            "exceed the limit on called workflow depth",
        ],
        check: called_workflow_unavailable,
        examples: &[ex(
            "error parsing called workflow \".github/workflows/release.yml\" -> \"acme/ci/.github/workflows/publish.yml@v4\" \
             : workflow was not found. See https://docs.github.com/actions/learn-github-actions/reusing-workflows",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/invalid-workflow",
        grammar: "Invalid workflow file: {path}#L{line} | The workflow is not valid. {path} (Line: {line}, Col: {col}): \
                  {message} | The workflow is not valid. In {caller} (Line: {l}, Col: {c}): Error from called workflow \
                  {ref} (Line: {line}, Col: {col}): {message} | You have an error in your yaml syntax on line {line}",
        needles: &[
            "Invalid workflow file",
            "The workflow is not valid",
            "error in your yaml syntax",
        ],
        check: invalid_workflow,
        examples: &[
            ex(
                "Invalid workflow file: .github/workflows/deploy.yml#L12",
                Category::YamlSyntax,
                Some("12"),
            ),
            ex(
                "The workflow is not valid. .github/workflows/ci.yml (Line: 33, Col: 9): Unexpected value 'step'",
                Category::YamlSyntax,
                Some("33"),
            ),
            ex(
                "You have an error in your yaml syntax on line 4",
                Category::YamlSyntax,
                Some("4"),
            ),
            // A reusable workflow's error, reported through its caller.
            ex(
                "The workflow is not valid. In .github/workflows/ci.yml (Line: 9, Col: 11): Error from called \
                 workflow acme/shared/.github/workflows/test.yml@v2 (Line: 57, Col: 9): Unexpected value 'needs'",
                Category::YamlSyntax,
                Some("57"),
            ),
        ],
    },
    Entry {
        id: "runner/template-location",
        grammar: "{file}: (Line: {line}, Col: {col}, Idx: {idx}) - (Line: …): {message} | {file} (Line: {line}, Col: \
                  {col}): {message}: the YAML and template errors of workflow and action metadata files; not \
                  `The template is not valid. {file} (Line: …): {message}` or `Error when evaluating '{key}' for job \
                  '{job}'. {file} (Line: …): {message}`, an expression that failed while the job ran (a `fromJSON` of \
                  an empty output, a value of the wrong type) in a file that parsed",
        needles: &["(Line: "],
        check: template_location,
        examples: &[
            ex(
                "owner/repo/v1/setup/action.yml: (Line: 9, Col: 21, Idx: 310) - (Line: 9, Col: 21, Idx: 310): \
                 Mapping values are not allowed in this context.",
                Category::YamlSyntax,
                Some("9"),
            ),
            ex(
                "The template is not valid. .github/workflows/ci.yml (Line: 38, Col: 18): Error reading JToken from \
                 JsonReader. Path '', line 0, position 0.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "runner/check-annotation-heading",
        grammar: "Check failure on line {line} in {workflow path} (the heading of a check annotation in the web UI)",
        needles: &["Check failure on line"],
        check: check_annotation_heading,
        examples: &[ex(
            "Check failure on line 8 in .github/workflows/lint.yml",
            Category::YamlSyntax,
            Some("8"),
        )],
    },
    Entry {
        id: "runner/step-log-truncated",
        grammar: "This step has been truncated due to its large size. {View the raw logs|Download the full logs} from \
                  the {icon} menu once the workflow run has completed. (the web UI's notice at the top of a step whose \
                  log it cut)",
        needles: &["has been truncated due to its large size"],
        check: step_log_truncated,
        examples: &[ex(
            "This step has been truncated due to its large size. View the raw logs from the  menu once the workflow \
             run has completed.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/no-runner",
        grammar: "Waiting for a runner to pick up this job... (a queued job's status, weak) | No runner matching the \
                  specified labels was found: {labels} | The job has exceeded the maximum execution time while \
                  awaiting a runner for {duration (24h0m0s)} | \
                  This request was automatically failed because there were no enabled runners online to process the \
                  request for more than {n} days. (a job queued for self-hosted labels whose runners stayed offline)",
        needles: &[
            "Waiting for a runner",
            "No runner matching",
            "while awaiting a runner",
            "no enabled runners online",
        ],
        check: no_runner,
        examples: &[
            ex("Waiting for a runner to pick up this job...", Category::Unknown, None),
            ex(
                "The job has exceeded the maximum execution time while awaiting a runner for 24h0m0s",
                Category::Unknown,
                None,
            ),
            // The job never ran: nothing of it to make optional.
            ex(
                "This request was automatically failed because there were no enabled runners online to process the \
                 request for more than 1 days.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "runner/billing",
        grammar: "The job was not started because recent account payments have failed or your spending limit needs \
                  to be increased. … | The job was not started because your account is locked due to a billing issue.",
        needles: &["account payments", "spending limit", "billing issue"],
        check: billing,
        examples: &[ex(
            "The job was not started because your account is locked due to a billing issue.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/job-not-acquired",
        grammar: "The job was not acquired by Runner of type {hosted|self-hosted} even after multiple attempts",
        needles: &["The job was not acquired by Runner"],
        check: job_not_acquired,
        examples: &[ex(
            "The job was not acquired by Runner of type hosted even after multiple attempts",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/container-action-platform",
        grammar: "Container action is only supported on Linux",
        needles: &["Container action is only supported on Linux"],
        check: container_action_platform,
        examples: &[ex(
            "##[error]Container action is only supported on Linux",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/unresolvable-action",
        grammar: "Unable to resolve action `{owner}/{repo}@{ref}`, repository or version not found | … unable to find \
                  version `{ref}`",
        needles: &["Unable to resolve action"],
        check: unresolvable_action,
        examples: &[ex(
            "Error: Unable to resolve action `acme/setup-thing@v9`, unable to find version `v9`",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "runner/local-action-missing",
        grammar: "Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '{path}'. Did you forget to run \
                  actions/checkout before running your local action?",
        needles: &["Can't find 'action.yml'"],
        check: local_action_missing,
        examples: &[ex(
            "Error: Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under \
             '/home/runner/work/app/app/.github/actions/setup'. Did you forget to run actions/checkout before running \
             your local action?",
            Category::FileNotFound,
            Some(".github/actions/setup"),
        )],
    },
    Entry {
        id: "runner/working-directory",
        grammar: "An error occurred trying to start process '{program}' with working directory '{dir}'. No such file \
                  or directory (Linux, macOS) | … with working directory '{dir}'. The directory name is invalid. \
                  (Windows)",
        needles: &["with working directory"],
        check: working_directory,
        examples: &[ex(
            "Error: An error occurred trying to start process '/usr/bin/bash' with working directory \
             '/home/runner/work/app/app/frontend'. No such file or directory",
            Category::FileNotFound,
            Some("frontend"),
        )],
    },
    Entry {
        id: PROCESS_EXIT_CODE,
        grammar: "Process completed with exit code {n}. | The process '{path}' failed with exit code {n} | Node run \
                  failed with exit code {n} | Docker run failed with exit code {n}",
        needles: &["exit code"],
        check: exit_code,
        examples: &[
            ex("##[error]Process completed with exit code 2.", Category::Unknown, None),
            ex(
                "Error: The process '/usr/bin/git' failed with exit code 128",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// `6h0m0s`, `45m`, `90s` → minutes (rounded up).
pub(crate) fn duration_minutes(s: &str) -> Option<u32> {
    let mut total = 0f64;
    let mut number = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'h' | 'm' | 's' => {
                let n: f64 = number.parse().ok()?;
                total += n * match c {
                    'h' => 3600.0,
                    'm' => 60.0,
                    _ => 1.0,
                };
                number.clear();
            }
            _ => return None,
        }
    }
    if !number.is_empty() {
        return None;
    }
    (total > 0.0).then(|| (total / 60.0).ceil() as u32)
}

fn limit_hit(minutes: Option<u32>, confidence: f32, scope: LimitScope) -> Hit {
    let what = match scope {
        LimitScope::Step => "step",
        _ => "job",
    };
    let hit = Hit::cause(Category::Timeout, confidence, format!("The {what} hit its time limit."));
    match minutes {
        Some(m) => Hit {
            message: format!("The {what} ran longer than its limit of {m} minutes."),
            ..hit
        }
        .with_subject(m.to_string(), SubjectDetail::Limit { minutes: m, scope })
        .fixable(true),
        None => hit,
    }
}

fn time_limit(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("while awaiting a runner") {
        return None;
    }
    let rest = after(line.text, "exceeded the maximum execution time of ")?.trim();
    let token = rest.split_whitespace().next().unwrap_or("");
    let minutes = if let Some(c) = regex!(r"^(\d+)(?:\s+minutes?|\.?$)").captures(rest) {
        c[1].parse().ok()
    } else {
        duration_minutes(token.trim_end_matches('.'))
    };
    Some(limit_hit(minutes, 0.95, LimitScope::Job).job_level())
}

fn step_time_limit(line: &Line<'_>) -> Option<Hit> {
    if !line.text.contains("The action") {
        return None;
    }
    let minutes = regex!(r"timed out after (\d+) minutes?")
        .captures(line.text)
        .and_then(|c| c[1].parse().ok());
    Some(limit_hit(minutes, 0.85, LimitScope::Step))
}

/// The runner's own line, at the start of the text (after `##[error]`, or
/// the web UI's `Error: `): the same words inside a step's output (a test's
/// name, a server's log, an echo) are not the runner's verdict, and reading
/// them would make the job `continue-on-error`.
fn runner_says<'t>(line: &Line<'t>, start: &str) -> Option<&'t str> {
    let text = line.text.trim_start();
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    text.starts_with(start).then_some(text)
}

/// The GitHub-hosted image a job ran on, as its set-up prints it: a group
/// `Runner Image` (`##[group]Runner Image` in the raw log, the group's title
/// in the web UI's copy) whose first line is `Image: {name}`. Only hosted
/// runners print it (`actions/runner` writes the image's `imagedata.json`),
/// so a self-hosted job never has one. The names are the images', not the
/// `runs-on` labels': `ubuntu-24.04`, `windows-2022` and `macos-15` (the
/// Intel image `macos-15-intel` runs) are x64; ARM64 images end in `-arm`
/// or `-arm64` (`ubuntu-24.04-arm`, `windows-11-arm`, `macos-14-arm64`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostedImage {
    pub name: String,
    pub arm64: bool,
}

impl HostedImage {
    /// The runner class the image names: an Apple-silicon Mac, an ARM64
    /// Linux or Windows machine, or GitHub's standard x64 hosted runner.
    pub fn class(&self) -> RunnerClass {
        match (self.arm64, self.name.starts_with("macos")) {
            (true, true) => RunnerClass::MacosArm64,
            (true, false) => RunnerClass::Arm64,
            (false, _) => RunnerClass::Hosted,
        }
    }
}

/// `Image: {name}` right under the `Runner Image` heading (`previous`).
pub fn hosted_image(previous: Option<&str>, text: &str) -> Option<HostedImage> {
    if !previous.is_some_and(|p| p.trim().ends_with("Runner Image")) {
        return None;
    }
    let name = regex!(r"^Image: ((?:ubuntu|windows|macos)-[0-9A-Za-z.]+(?:-[0-9A-Za-z]+)*)$")
        .captures(text.trim())?
        .get(1)?
        .as_str()
        .to_ascii_lowercase();
    let arm64 = name.split(['-', '.']).any(|w| w == "arm" || w == "arm64");
    Some(HostedImage { name, arm64 })
}

fn lost_communication(line: &Line<'_>) -> Option<Hit> {
    let text = runner_says(line, "The ")?;
    if !regex!(r"^The (?:self-hosted |hosted )?runner(?::[^\n]*?)? lost communication with the server").is_match(text) {
        return None;
    }
    if text.contains("self-hosted runner") {
        return Some(runner_hit(
            RunnerFailure::LostCommunication,
            Some(RunnerClass::SelfHosted),
            0.8,
            "The self-hosted runner lost communication with GitHub: the machine, not the code, failed.",
        ));
    }
    if text.contains("hosted runner") {
        // GitHub's ARM64 images (the job's `Runner Image`) are a runner the
        // job chose: a lost one there is tied to that runner, like a
        // self-hosted one.
        if let Some(class) = line
            .runner
            .filter(|r| matches!(r, RunnerClass::Arm64 | RunnerClass::MacosArm64))
        {
            return Some(runner_hit(
                RunnerFailure::LostCommunication,
                Some(class),
                0.75,
                "GitHub's hosted ARM64 runner lost communication with GitHub: the machine, not the code, failed.",
            ));
        }
        let mut hit = Hit::blocker(
            "A GitHub-hosted runner lost communication with GitHub (infrastructure, or the job starved it of CPU, \
             memory or network): rerun or fix the job's resource use; not a runner to make optional.",
        );
        if line.runner.is_none() {
            // The log does not show the image; the workflow's `runs-on` can:
            // mapping makes an ARM64 label's loss `optional_job` (the runner
            // the job chose) and leaves an x64 one `unknown`.
            hit.message = "A GitHub-hosted runner lost communication with GitHub: on a standard x64 image that is \
                           GitHub's infrastructure or the job starving it of CPU, memory or network (rerun, or fix the \
                           job's resource use); on an ARM64 image it is the runner the job chose, which only the \
                           workflow's `runs-on` tells."
                .to_string();
            hit.detail = SubjectDetail::Runner {
                failure: RunnerFailure::LostCommunication,
                runner: Some(RunnerClass::Hosted),
                job: None,
                confirmed_runs_on: None,
                only_on: None,
            };
        }
        return Some(hit);
    }
    Some(runner_hit(
        RunnerFailure::LostCommunication,
        None,
        0.55,
        "The runner lost communication with GitHub; whether it is a self-hosted or ARM runner needs the workflow.",
    ))
}

fn shutdown_signal(line: &Line<'_>) -> Option<Hit> {
    runner_says(line, "The runner has received a shutdown signal")?;
    Some(runner_hit(
        RunnerFailure::ShutdownSignal,
        None,
        0.7,
        "The runner received a shutdown signal (its machine was stopped or reclaimed, e.g. a spot instance): the \
         machine, not the code, failed.",
    ))
}

fn canceled(_: &Line<'_>) -> Option<Hit> {
    let mut hit = Hit::new(
        Category::Unknown,
        0.4,
        Strength::Canceled,
        "The job was canceled. Nothing in the log shows it reached its time limit: a cancel also comes from \
         concurrency, fail-fast after another leg failed, or a person.",
    );
    hit.detail = SubjectDetail::Canceled { elapsed_minutes: None };
    Some(hit)
}

/// The entry of a bare cancel, the only cancel whose elapsed time may show a
/// time limit: a fail-fast, concurrency or manual cancel says why itself.
pub const BARE_CANCEL: &str = "runner/canceled";

/// The runner's or the toolkit's `… exit code {n}` line: a step failed, it does not say why
/// (`super::super::fallback` finds where the step did).
pub const PROCESS_EXIT_CODE: &str = "runner/process-exit-code";

/// A leg canceled by fail-fast: it ranks like a bare cancel (after any job's
/// own failure, which the run always has: the leg that failed) but is never a
/// timeout, whatever its timestamps.
fn canceled_by_fail_fast(line: &Line<'_>) -> Option<Hit> {
    let failed = regex!(r#"canceled because "([^"]*)" failed"#)
        .captures(line.text)
        .map(|c| c[1].to_string());
    let why = match failed {
        Some(leg) => format!(
            "Fail-fast canceled this matrix leg because the leg `{}` failed: that leg's failure is the cause.",
            concurrency_group_for_display(&leg)
        ),
        None => "Fail-fast canceled this matrix leg because another leg failed: that leg's failure is the cause."
            .to_string(),
    };
    let mut hit = Hit::new(Category::Unknown, 0.4, Strength::Canceled, why);
    hit.detail = SubjectDetail::Canceled { elapsed_minutes: None };
    Some(hit)
}

fn canceled_by_someone(line: &Line<'_>) -> Option<Hit> {
    let why = if line.text.contains("higher priority") {
        match regex!(r"higher priority waiting request for '(.*)' exists").captures(line.text) {
            Some(c) => format!(
                "A newer run in the concurrency group `{}` canceled this one.",
                concurrency_group_for_display(&c[1])
            ),
            None => "A newer run in the same concurrency group canceled this one.".to_string(),
        }
    } else {
        "A person canceled the run.".to_string()
    };
    Some(Hit::blocker(why))
}

/// The longest concurrency group name shown in a message.
const MAX_GROUP_DISPLAY: usize = 64;

/// A concurrency group as the log printed it, for a person to read only: it
/// comes from the workflow's expression (a branch name, a pull request's
/// title) and so from untrusted text. Never a subject, never in a fix: only
/// letters, digits and `-_./:` are kept (anything else becomes `_`, so it
/// cannot close the code span, mention anyone or start a command), cut to
/// [`MAX_GROUP_DISPLAY`] characters.
fn concurrency_group_for_display(group: &str) -> String {
    let mut shown: String = group
        .chars()
        .take(MAX_GROUP_DISPLAY)
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_./:".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if group.chars().count() > MAX_GROUP_DISPLAY {
        shown.push('…');
    }
    shown
}

/// A workflow (or action metadata) location, fixable only for this
/// repository's own `.github/` files.
fn yaml_hit(path: Option<&str>, line: Option<u32>, column: Option<u32>, precision: u8) -> Hit {
    let path = path.and_then(workspace_path);
    let confidence = 0.6 + 0.1 * f32::from(precision) + if line.is_some() { 0.1 } else { 0.0 };
    let mut hit = Hit::cause(Category::YamlSyntax, confidence.min(0.95), "").job_level();
    hit.message = match (&path, line) {
        (Some(p), Some(l)) => format!("The workflow file {p} is invalid at line {l}."),
        (None, Some(l)) => format!("The workflow file is invalid at line {l}."),
        (Some(p), None) => format!("The workflow file {p} is invalid."),
        (None, None) => "The workflow file is invalid.".into(),
    };
    hit.detail = SubjectDetail::WorkflowLocation {
        path: path.clone(),
        line: line.unwrap_or(0),
        column,
    };
    if let Some(line) = line {
        hit.subject = Some(line.to_string());
        hit.fixable = path.as_deref().is_none_or(|p| p.starts_with(".github/"));
    }
    hit
}

/// `(Line: N, Col: M)`.
fn line_col(text: &str) -> Option<(u32, Option<u32>)> {
    let c = regex!(r"\(Line: (\d+), Col: (\d+)").captures(text)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()))
}

/// The located error of a workflow-validation message: `{file} (Line: N, Col:
/// M): {message}`. A reusable workflow's error is reported through its caller
/// (`In {caller} (Line: a, Col: b): Error from called workflow {ref} (Line: N,
/// Col: M): {message}`): the error is the called workflow's location, in
/// another file (`{owner}/{repo}/{path}@{ref}`, or a local path).
fn located(text: &str) -> Option<Hit> {
    if let Some(at) = text.find("Error from called workflow ") {
        let called = &text[at + "Error from called workflow ".len()..];
        let (l, col) = line_col(called)?;
        let path = called.split_whitespace().next().unwrap_or("");
        // A local reusable workflow is `./.github/workflows/x.yml`; a remote
        // one carries `@ref` and is not this repository's file.
        let path = (!path.contains('@')).then_some(path);
        let mut hit = yaml_hit(path, Some(l), col, 3);
        if path.is_none() {
            hit.fixable = false;
            hit.message = format!(
                "The called (reusable) workflow is invalid at its line {l}: fix it in its repository, or pin a \
                 version of it that is valid."
            );
        }
        return Some(hit);
    }
    let (l, col) = line_col(text)?;
    let path = regex!(r"([^\s\[\]()]+\.ya?ml):? \(Line: ")
        .captures(text)
        .and_then(|c| c.get(1).map(|m| m.as_str().to_string()));
    Some(yaml_hit(path.as_deref(), Some(l), col, 3))
}

fn invalid_workflow(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if let Some(hit) = located(text) {
        return Some(hit);
    }
    if let Some(c) = regex!(r"error in your yaml syntax on line (\d+)").captures(text) {
        return Some(yaml_hit(None, c[1].parse().ok(), None, 2));
    }
    if text.contains("Invalid workflow file") {
        let c = regex!(r"Invalid workflow file\s*:?\s*\[?([^#\s\]\[()]+)(?:#L(\d+))?").captures(text);
        let path = c.as_ref().and_then(|c| c.get(1)).map(|m| m.as_str());
        let line_no = c.as_ref().and_then(|c| c.get(2)).and_then(|m| m.as_str().parse().ok());
        // The annotation's title: its message (a YAML error, a schema error,
        // or a called workflow GitHub could not load) follows and decides;
        // alone, it is the root cause.
        let mut hit = yaml_hit(path, line_no, None, 1);
        hit.strength = Strength::Summary;
        return Some(hit);
    }
    None
}

/// GitHub's `error parsing called workflow "{caller}" -> "{ref}" :
/// {reason}` (the annotation puts each part on its own line) when the reason
/// is not a YAML error of the called file but that the file could not be
/// loaded: not found (a wrong path or ref, or a private repository that does
/// not share its workflows), not fetched, or nested past the depth limit.
/// The caller's YAML is valid, so editing it at the reported line is no
/// fix: a person fixes the reference or the called repository's access.
fn called_workflow_unavailable(line: &Line<'_>) -> Option<Hit> {
    const REASONS: &[&str] = &[
        "workflow was not found",
        "failed to fetch workflow",
        "exceed the limit on called workflow depth",
    ];
    if !REASONS.iter().any(|r| line.text.contains(r)) || !line.nearby("error parsing called workflow") {
        return None;
    }
    Some(
        Hit::blocker(
            "GitHub could not load a reusable workflow this workflow calls (not found at that path and ref, not \
             shared with this repository, or nested too deep): the workflow's YAML is valid; a person fixes the \
             `uses:` reference or the called repository's access settings.",
        )
        .job_level(),
    )
}

fn template_location(line: &Line<'_>) -> Option<Hit> {
    if runner_says(line, "The template is not valid.").is_some()
        || runner_says(line, "Error when evaluating '").is_some()
    {
        // The workflow parsed and was accepted; an expression in it failed on
        // the values of this run. Editing the YAML at that line is no fix.
        return Some(Hit::blocker(
            "An expression of the workflow failed while the job ran (the runner's template error: for example \
             `fromJSON` of an empty or non-JSON output, or a value of the wrong type): the file is valid YAML; the \
             value the expression read is what is wrong.",
        ));
    }
    let hit = located(line.text)?;
    let has_file = matches!(&hit.detail, SubjectDetail::WorkflowLocation { path: Some(_), .. })
        || line.text.contains("Error from called workflow");
    // `(Line: N, Col: M)` without a file is GitHub's wording only next to an
    // invalid-workflow message; alone it is weak.
    Some(if has_file { hit } else { hit.weak() })
}

fn check_annotation_heading(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"Check failure on line (\d+) in (\S+)").captures(line.text)?;
    if !c[2].contains(".github/workflows/") {
        return None;
    }
    Some(yaml_hit(Some(&c[2]), c[1].parse().ok(), None, 1).weak())
}

/// The web UI shows only part of a step whose log is too large: what made
/// the step fail may be in the part it left out. A summary, so a cause the
/// copy still shows (specific or a blocker) decides, but it comes before
/// the step's bare exit code, which says nothing.
fn step_log_truncated(line: &Line<'_>) -> Option<Hit> {
    runner_says(line, "This step has been truncated")?;
    Some(Hit::summary(
        "The web UI truncated this step's log: the error that failed it may not be in this copy. Download the raw \
         log (the step's menu, or `gh run view --log-failed`) and diagnose that.",
    ))
}

fn no_runner(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("no enabled runners online") {
        // GitHub fails a job after a day in the queue when no online, enabled
        // runner has its labels: the job never started, so there is no run
        // of it that `continue-on-error` could let pass.
        return Some(
            Hit::blocker(
                "No online, enabled runner with the job's labels took it for a day, so GitHub failed it unstarted: a \
                 person brings the self-hosted runners back (or fixes the `runs-on` labels).",
            )
            .job_level(),
        );
    }
    if line.text.contains("while awaiting a runner") {
        // GitHub's annotation on a job that stayed queued until the service
        // gave up on it (24 hours): the verdict, read only as GitHub prints
        // it (alone on its line, after the runner's `##[error]`, the web
        // UI's `X ` or `Error: `), so a step echoing the words decides
        // nothing. The wait is the queue's, never the job's `timeout-minutes`.
        let own = regex!(
            r"^(?:X |##\[error\]|Error: )?The job has exceeded the maximum execution time while awaiting a runner"
        )
        .is_match(line.text.trim_start());
        if !own {
            return None;
        }
        let waited = regex!(r"while awaiting a runner for (\d+h\d+m\d+s)")
            .captures(line.text)
            .map(|c| format!(" ({})", &c[1]))
            .unwrap_or_default();
        return Some(
            Hit::blocker(format!(
                "No runner with the job's `runs-on` labels picked it up, so it never started{waited}: a label \
                 nobody serves (a retired hosted image such as `ubuntu-20.04`, a misspelled label, self-hosted \
                 runners offline). Not the job's time limit: a person fixes the labels or brings the runners back."
            ))
            .job_level(),
        );
    }
    if line.text.contains("Waiting for a runner") {
        // Every job prints this while it is queued (`Requested labels:`,
        // `Job defined at:`, then `Job is about to start running on …` once
        // a runner takes it): a status, the cause only when nothing else
        // in the log explains the job (a job canceled while it waited).
        return Some(
            Hit::blocker(
                "The job was still waiting for a runner: check the `runs-on` labels (a misspelled or unavailable \
                 label waits until GitHub cancels it).",
            )
            .weak(),
        );
    }
    Some(Hit::blocker(
        "No runner picked up the job: check the `runs-on` labels (a misspelled or unavailable label waits forever).",
    ))
}

fn billing(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker("The account's billing blocks the job from starting."))
}

fn job_not_acquired(_: &Line<'_>) -> Option<Hit> {
    Some(
        Hit::blocker(
            "No runner picked up the job (GitHub's service, or no online self-hosted runner with its labels): a person \
             re-runs it or checks the runners.",
        )
        .job_level(),
    )
}

fn container_action_platform(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "A Docker container action ran on a non-Linux runner; container actions only run on Linux.",
    ))
}

fn unresolvable_action(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "A `uses:` reference names an action repository or version that does not exist.",
    ))
}

fn local_action_missing(line: &Line<'_>) -> Option<Hit> {
    let under = after(line.text, " under ")?;
    let path = quoted(under)?;
    let mut hit = path_hit(
        path,
        0.8,
        "The local action does not exist at this path; local actions also need actions/checkout first.",
    );
    hit.confidence = hit.confidence.min(0.8);
    Some(hit)
}

fn working_directory(line: &Line<'_>) -> Option<Hit> {
    // .NET's Process.Start relays the OS error: ENOENT's text on Linux and
    // macOS, Win32 ERROR_DIRECTORY's on Windows.
    let c = regex!(r"with working directory '([^']+)'\. (?:No such file or directory|The directory name is invalid)")
        .captures(line.text)?;
    Some(path_hit(&c[1], 0.8, "The step's working-directory does not exist."))
}

fn exit_code(line: &Line<'_>) -> Option<Hit> {
    // The runner's and the toolkit's own forms only: another tool's `failed
    // with exit code` (Nix's `builder for '…' failed with exit code 2`) is that
    // tool's message.
    let c = regex!(r"(?:Process completed|The process '[^']*' failed|(?:Node|Docker) run failed) with exit code (\d+)")
        .captures(line.text)?;
    let code: u32 = c[1].parse().ok()?;
    if code == 137 {
        return Some(Hit::blocker(
            "A process was killed (exit 137: SIGKILL), usually because the runner ran out of memory.",
        ));
    }
    Some(Hit::new(
        Category::Unknown,
        0.2,
        Strength::StepFailed,
        format!("A step failed with exit code {code}."),
    ))
}

/// The runner pulls the image again after a failed pull: what the pull
/// printed just before it was that attempt's, not the outcome.
fn container_pull_retry(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Docker pull failed with exit code \d+, back off [\d.]+ seconds before retry\.?$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("The runner pulled the container image again."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_runners_pull_retry_notice() {
        crate::classify::catalogue::assert_reads(
            container_pull_retry,
            &[
                "Docker pull failed with exit code 1, back off 3.724 seconds before retry.",
                "Docker pull failed with exit code 1, back off 9 seconds before retry.",
            ],
            &["Docker pull failed with exit code 1"],
        );
    }
    use crate::line::LineKind;

    #[test]
    fn a_fail_fast_cancel_names_the_failed_leg_and_is_never_timed() {
        let hit = canceled_by_fail_fast(&Line::plain(
            "##[error]The strategy configuration was canceled because \"build.ubuntu-latest_$(id)\" failed",
        ))
        .expect("a hit");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Canceled));
        assert!(hit.message.contains("`build.ubuntu-latest___id_`"), "{}", hit.message);
        assert_eq!(hit.detail, SubjectDetail::Canceled { elapsed_minutes: None });
    }

    #[test]
    fn a_hosted_runner_lost_is_tied_to_it_only_on_an_arm64_image() {
        let text = "The hosted runner: GitHub Actions 1000067890 lost communication with the server.";
        let on = |runner| {
            lost_communication(&Line {
                kind: LineKind::Error,
                runner,
                ..Line::plain(text)
            })
            .expect("read")
            .category
        };
        assert_eq!(on(Some(RunnerClass::Arm64)), Category::OptionalJob);
        assert_eq!(on(Some(RunnerClass::MacosArm64)), Category::OptionalJob);
        assert_eq!(on(Some(RunnerClass::Hosted)), Category::Unknown);
        assert_eq!(on(None), Category::Unknown);
    }

    #[test]
    fn hosted_images_by_architecture() {
        let image = |prev: &str, text: &str| hosted_image(Some(prev), text).map(|i| (i.name.clone(), i.class()));
        let head = "##[group]Runner Image";
        assert_eq!(
            image(head, "Image: ubuntu-24.04"),
            Some(("ubuntu-24.04".into(), RunnerClass::Hosted))
        );
        assert_eq!(
            image("Runner Image", "Image: windows-2022"),
            Some(("windows-2022".into(), RunnerClass::Hosted))
        );
        // The Intel image of `macos-15-intel` prints `macos-15`.
        assert_eq!(
            image(head, "Image: macos-15"),
            Some(("macos-15".into(), RunnerClass::Hosted))
        );
        assert_eq!(
            image(head, "Image: ubuntu-24.04-arm"),
            Some(("ubuntu-24.04-arm".into(), RunnerClass::Arm64))
        );
        assert_eq!(
            image(head, "Image: windows-11-arm"),
            Some(("windows-11-arm".into(), RunnerClass::Arm64))
        );
        assert_eq!(
            image(head, "Image: macos-14-arm64"),
            Some(("macos-14-arm64".into(), RunnerClass::MacosArm64))
        );
        // Only under its heading, and only an image's name.
        assert_eq!(
            hosted_image(Some("##[group]Run docker images"), "Image: ubuntu-24.04"),
            None
        );
        assert_eq!(hosted_image(None, "Image: ubuntu-24.04"), None);
        assert_eq!(image(head, "Image: my-builder"), None);
        assert_eq!(image(head, "Image: ubuntu-24.04; rm -rf /"), None);
    }

    #[test]
    fn a_concurrency_cancel_names_its_group_only_as_display_text() {
        let hit = canceled_by_someone(&Line::plain(
            "##[error]Canceling since a higher priority waiting request for 'deploy-refs/heads/main' exists",
        ))
        .expect("hit");
        assert!(hit.message.contains("`deploy-refs/heads/main`"), "{}", hit.message);
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::Unknown, None, false)
        );
        let long = "x".repeat(300);
        let hostile = format!(
            "Canceling since a higher priority waiting request for 'a`$(id) ${{{{ secrets.T }}}} @org/team\t{long}' \
             exists"
        );
        let hit = canceled_by_someone(&Line::plain(&hostile)).expect("hit");
        let group = hit.message.split('`').nth(1).expect("group in a code span");
        assert_eq!(group.chars().count(), MAX_GROUP_DISPLAY + 1, "{group}");
        assert!(group.ends_with('…'));
        assert!(!group.contains(['$', '@', '{', ' ', '\\']), "{group}");
        assert_eq!(hit.message.matches('`').count(), 2);
        assert!(hit.subject.is_none() && !hit.fixable);
    }

    /// A queued job's `Waiting for a runner to pick up this job...` is a
    /// status every job prints (then `Job is about to start running on …`);
    /// GitHub's `… while awaiting a runner for 24h0m0s` is the verdict on a
    /// job no runner took, and never the job's own time limit.
    #[test]
    fn a_job_that_awaited_a_runner_is_told_from_its_queued_status() {
        let waiting = no_runner(&Line::plain("Waiting for a runner to pick up this job...")).expect("read");
        assert_eq!(
            (waiting.category, waiting.strength),
            (Category::Unknown, Strength::Weak)
        );
        for verdict in [
            "The job has exceeded the maximum execution time while awaiting a runner for 24h0m0s",
            "X The job has exceeded the maximum execution time while awaiting a runner for 24h0m0s",
            "##[error]The job has exceeded the maximum execution time while awaiting a runner for 24h0m0s",
        ] {
            let hit = no_runner(&Line::plain(verdict)).expect("read");
            assert_eq!(
                (hit.category, hit.strength, hit.fixable),
                (Category::Unknown, Strength::Blocker, false)
            );
            assert!(hit.job_level, "{verdict}");
            assert!(hit.message.contains("(24h0m0s)") && hit.message.contains("Not the job's time limit"));
            assert!(time_limit(&Line::plain(verdict)).is_none(), "{verdict}");
        }
        // A step echoing the words is not GitHub's verdict.
        assert!(
            no_runner(&Line::plain(
                "echo 'the job timed out while awaiting a runner for 24h0m0s'"
            ))
            .is_none()
        );
        // A duration the grammar does not know is left out of the message.
        let hit = no_runner(&Line::plain(
            "The job has exceeded the maximum execution time while awaiting a runner for ever; rm -rf /",
        ))
        .expect("read");
        assert!(!hit.message.contains("rm -rf"), "{}", hit.message);
        // No-runner lines stay blockers.
        let hit = no_runner(&Line::plain(
            "No runner matching the specified labels was found: gpu-a100",
        ))
        .expect("read");
        assert_eq!(hit.strength, Strength::Blocker);
    }

    /// Only the runner's own line (after `##[error]` or the web UI's
    /// `Error: `) is its verdict; the same words in a step's output would
    /// make the job `continue-on-error`.
    #[test]
    fn a_runners_verdict_is_read_only_as_the_runner_prints_it() {
        for own in [
            "The self-hosted runner: arm-3 lost communication with the server. Verify the machine is running.",
            "The self-hosted runner lost communication with the server.",
            "Error: The self-hosted runner: mac-1 lost communication with the server.",
        ] {
            assert!(
                lost_communication(&Line::plain(own)).is_some_and(|h| h.category == Category::OptionalJob),
                "{own}"
            );
        }
        for own in [
            "The runner has received a shutdown signal. This can happen when the runner service is stopped.",
            "Error: The runner has received a shutdown signal.",
        ] {
            assert!(shutdown_signal(&Line::plain(own)).is_some(), "{own}");
        }
        for quoted in [
            "    ✕ pages when The self-hosted runner: arm-3 lost communication with the server (3 ms)",
            "# The self-hosted runner lost communication with the server.",
            "echo \"The self-hosted runner: x lost communication with the server\"",
        ] {
            assert!(lost_communication(&Line::plain(quoted)).is_none(), "{quoted}");
        }
        for quoted in [
            "[api] received a shutdown signal (SIGTERM), draining 2 connections",
            "Server received a shutdown signal, closing 3 connections",
            "    Expected: \"The runner has received a shutdown signal.\"",
        ] {
            assert!(shutdown_signal(&Line::plain(quoted)).is_none(), "{quoted}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration_minutes("6h0m0s"), Some(360));
        assert_eq!(duration_minutes("1h30m"), Some(90));
        assert_eq!(duration_minutes("90s"), Some(2));
        assert_eq!(duration_minutes("15"), None);
        assert_eq!(duration_minutes("x"), None);
    }

    /// The invalid-workflow title alone is a heading: a called workflow
    /// that could not be loaded, on the lines after it, decides (no YAML
    /// edit); a YAML error there still gives its location.
    #[test]
    fn a_called_workflow_not_found_is_no_yaml_error() {
        let title =
            invalid_workflow(&Line::plain("Invalid workflow file: .github/workflows/release.yml#L18")).expect("title");
        assert_eq!(
            (title.category, title.subject.as_deref(), title.strength),
            (Category::YamlSyntax, Some("18"), Strength::Summary)
        );
        let recent = [
            "Invalid workflow file: .github/workflows/release.yml#L18",
            "error parsing called workflow",
        ];
        for reason in [
            ": workflow was not found. See https://docs.github.com/actions/learn-github-actions/reusing-workflows",
            ": failed to fetch workflow: workflow was not found.",
        ] {
            let hit = called_workflow_unavailable(&Line {
                recent: &recent,
                ..Line::plain(reason)
            })
            .expect(reason);
            assert_eq!(
                (hit.category, hit.fixable, hit.job_level),
                (Category::Unknown, false, true)
            );
        }
        // Without GitHub's heading the words are no such report.
        assert!(called_workflow_unavailable(&Line::plain("Error: workflow was not found in the registry")).is_none());
    }

    #[test]
    fn action_metadata_elsewhere_is_not_fixable_here() {
        let hit = template_location(&Line::plain(
            "owner/repo/v1/setup/action.yml: (Line: 9, Col: 21, Idx: 310) - (Line: 9, Col: 21, Idx: 310): x",
        ))
        .expect("hit");
        assert!(!hit.fixable);
        let hit = invalid_workflow(&Line::plain(
            "The workflow is not valid. .github/workflows/ci.yml (Line: 33, Col: 9): Unexpected value 'step'",
        ))
        .expect("hit");
        assert!(hit.fixable);
    }
}
