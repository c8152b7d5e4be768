//! `shell`: `shell:` values (a built-in shell name or a custom command with
//! `{0}`), shells that do not exist on the job's runner OS (`cmd` and
//! `powershell` outside Windows), and, when the front end provides a
//! [`crate::external::ScriptChecker`] and `shellcheck: true` is configured,
//! shellcheck's findings in bash and sh `run:` scripts, mapped back to the
//! lines of the YAML block.

mod name_case;
#[cfg(test)]
mod tests;

use super::expression::ScalarSource;
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::Severity;
use crate::external::{Script, ScriptLanguage, mask_expressions};
use crate::model::{FileKind, default_run_shell};
use crate::text::TextRange;
use crate::yaml::Node;
use autoheal_expr::suggest::suggest;

pub const RULE: Rule = Rule {
    id: "shell",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`shell:` names and shells missing on the runner OS; shellcheck on `run:` scripts when installed (info, except unparsable scripts).",
    kinds: ALL_FILES,
    codes: &[UNKNOWN, WRONG_OS, NAME_CASE, SHELLCHECK],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["jobs.*.steps.*.run", "jobs.*.steps.*.if"],
        expressions: true,
        step_shell: true,
        plain_scalars: None,
    },
    check,
};

/// A `shell:` that is neither a known shell nor a command with `{0}`.
pub const UNKNOWN: &str = "shell/unknown";
/// A shell the job's runner operating system does not have.
pub const WRONG_OS: &str = "shell/wrong-os";
/// A shell named in another case than its program's (`Bash`) on a job that
/// runs only on Linux, where the program is not found.
pub const NAME_CASE: &str = "shell/name-case";
/// A finding of shellcheck on a `run:` script.
pub const SHELLCHECK: &str = "shell/shellcheck";

/// The shells GitHub knows by name (matched case-insensitively).
pub const SHELLS: &[&str] = &["bash", "pwsh", "python", "sh", "cmd", "powershell"];

/// The OS family of a job's runner, when its `runs-on` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Os {
    Windows,
    /// Linux or macOS.
    Unix,
}

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let mut scripts: Vec<(&Node, Script)> = Vec::new();
    match ctx.kind {
        FileKind::Workflow => {
            let Some(wf) = ctx.workflow else { return };
            let workflow_shell = default_run_shell(root);
            if let Some(node) = workflow_shell {
                shell_name(ctx, node, None);
            }
            // The jobs that run the workflow's default shell where it does
            // not exist: reported together, once, on the default.
            let mut inheritors: Vec<Inheritor<'_>> = Vec::new();
            // The Linux-only jobs whose `run:` steps inherit the workflow's
            // default shell (for `shell/name-case`).
            let mut linux_inheritors: Vec<&str> = Vec::new();
            for job in &wf.jobs {
                // The job's OSes read once (`job_oses` follows the matrix):
                // all Windows, none, or mixed legs.
                let oses = super::runner_label::job_oses(job);
                let os = oses
                    .as_deref()
                    .and_then(super::runner_label::oses_are_windows)
                    .map(|w| if w { Os::Windows } else { Os::Unix });
                let legs = oses.as_deref().and_then(mixed_legs);
                let linux = oses
                    .as_deref()
                    .is_some_and(|o| !o.is_empty() && o.iter().all(|x| *x == super::runner_label::Os::Linux));
                let inherits = job
                    .steps
                    .iter()
                    .any(|s| s.node.get("run").is_some() && s.node.get("shell").is_none());
                let job_shell = default_run_shell(job.node());
                if let Some(node) = job_shell {
                    shell_name(ctx, node, os);
                    if linux && inherits {
                        name_case_finding(ctx, node, &[]);
                    }
                } else if linux && inherits && workflow_shell.is_some() {
                    linux_inheritors.push(job.id);
                }
                if job_shell.is_none()
                    && let (Some(node), Some(os)) = (workflow_shell, os)
                    && os_problem(node, Some(os)).is_some()
                {
                    inheritors.push(Inheritor::Os { job: job.id, os });
                }
                let inherited = job_shell.or(workflow_shell);
                let mut inherited_in_every_leg = false;
                for step in &job.steps {
                    inherited_in_every_leg |= step_shell(ctx, step.node, inherited, (os, linux), legs, &mut scripts);
                }
                // A `defaults.run.shell` (the job's, else the workflow's) that
                // a step runs in every leg of a mixed matrix: reported once
                // per job, on the default it inherits.
                match (job_shell, workflow_shell, legs, inherited_in_every_leg) {
                    (Some(node), _, Some(legs), true) => leg_compatible(ctx, node, legs, Some(job.id)),
                    (None, Some(node), Some(legs), true) if leg_problem(node).is_some() => {
                        inheritors.push(Inheritor::Legs { job: job.id, legs });
                    }
                    _ => {}
                }
            }
            if let Some(node) = workflow_shell {
                workflow_default(ctx, node, &inheritors);
                if !linux_inheritors.is_empty() {
                    name_case_finding(ctx, node, &linux_inheritors);
                }
            }
        }
        FileKind::Action => {
            let steps = crate::model::composite_steps(root);
            for step in steps {
                // Composite steps must name their shell; the schema rule says so.
                if let Some(node) = step.get("shell") {
                    shell_name(ctx, node, None);
                    if checks_scripts(ctx) {
                        queue_script(step, node.as_str().and_then(language_of), &mut scripts);
                    }
                }
            }
        }
    }
    run_checker(ctx, scripts);
}

/// Checks one step's shell and queues its script; answers whether the step
/// runs with the inherited `defaults.run.shell` in every leg of the job (a
/// `run:` step without its own `shell:` and without an `if:` that may pick
/// legs).
fn step_shell<'n>(
    ctx: &mut Context<'_>,
    step: &'n Node,
    inherited: Option<&'n Node>,
    (os, linux): (Option<Os>, bool),
    legs: Option<MixedLegs>,
    scripts: &mut Vec<(&'n Node, Script)>,
) -> bool {
    if step.get("run").is_none() {
        return false;
    }
    let own = step.get("shell");
    // `if: runner.os == 'Windows'` guards a step on a job that never runs it.
    let guarded = step.get("if").and_then(Node::as_str).is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        c.contains("runner.os") || c.contains("windows")
    });
    // Any `if:` that may pick legs (it reads the matrix, the runner or
    // names an OS) may keep the step off the other side: not judged.
    let picks_legs = step.get("if").is_some_and(|c| {
        let c = c.as_str().unwrap_or("").to_ascii_lowercase();
        c.is_empty()
            || ["matrix", "runner", "windows", "ubuntu", "linux", "macos"]
                .iter()
                .any(|w| c.contains(w))
    });
    if let Some(node) = own {
        shell_name(ctx, node, if guarded { None } else { os });
        if linux && !guarded {
            name_case_finding(ctx, node, &[]);
        }
        if let Some(legs) = legs.filter(|_| !guarded && !picks_legs) {
            leg_compatible(ctx, node, legs, None);
        }
    }
    let shell = match (own.or(inherited), os) {
        (Some(node), _) => node.as_str(),
        // The runner's default is bash (`bash -e {0}`) on Linux and macOS
        // and pwsh on Windows. When `runs-on` does not say which (a matrix,
        // a self-hosted label) or the step only runs on some OS, the script
        // may be PowerShell: leave it alone.
        (None, Some(Os::Unix)) if !guarded => Some("bash"),
        (None, _) => None,
    };
    if checks_scripts(ctx) {
        queue_script(step, shell.and_then(language_of), scripts);
    }
    own.is_none() && !guarded && !picks_legs
}

/// Queues `step`'s `run:` script, when it has one and a checker reads
/// `language`, with its `${{ }}` masked and its offset in the file: the one
/// way the shellcheck and pyflakes rules hand scripts to their checkers.
pub(super) fn queue_script<'n>(
    step: &'n Node,
    language: Option<ScriptLanguage>,
    scripts: &mut Vec<(&'n Node, Script)>,
) {
    let (Some(run), Some(language)) = (step.get("run"), language) else {
        return;
    };
    let Some(text) = run.as_str().filter(|t| !t.trim().is_empty()) else {
        return;
    };
    scripts.push((
        run,
        Script {
            language,
            text: mask_expressions(text),
            offset: run.span.start,
        },
    ));
}

/// The dialect of a `shell:` value a shell checker understands.
fn language_of(shell: &str) -> Option<ScriptLanguage> {
    if shell.contains("${{") {
        return None;
    }
    match shell.split_whitespace().next()?.rsplit('/').next()? {
        "bash" => Some(ScriptLanguage::Bash),
        "sh" => Some(ScriptLanguage::Sh),
        _ => None,
    }
}

/// Is `shell` a name GitHub knows or a custom command?
fn shell_name(ctx: &mut Context<'_>, node: &Node, os: Option<Os>) {
    let Some(shell) = node.as_str() else { return };
    if node.is_null() || shell.contains("${{") {
        return;
    }
    let trimmed = shell.trim();
    let known = SHELLS.iter().any(|s| s.eq_ignore_ascii_case(trimmed));
    if !known && !trimmed.contains("{0}") {
        let lower = trimmed.to_ascii_lowercase();
        let hint = suggest(&lower, SHELLS)
            .map(|s| format!("did you mean {s:?}? "))
            .unwrap_or_default();
        let why = if trimmed.contains(char::is_whitespace) {
            "a custom shell command must contain `{0}`, where GitHub puts the script's file path"
        } else {
            "unknown shell"
        };
        ctx.report(
            node.report_span(),
            format!(
                "{why}: {trimmed:?}; {hint}use one of {} or a command with `{{0}}` such as `bash -euo pipefail {{0}}`",
                SHELLS.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
            ),
        )
        .set_code(UNKNOWN);
        return;
    }
    os_compatible(ctx, node, os);
}

/// `shell/name-case` on `node`, when its program is miscased (see
/// [`name_case`]); `jobs` names the Linux jobs inheriting a workflow default.
fn name_case_finding(ctx: &mut Context<'_>, node: &Node, jobs: &[&str]) {
    if let Some(message) = name_case::message(node, jobs) {
        ctx.report(node.report_span(), message).set_code(NAME_CASE);
    }
}

/// A job whose runs (its matrix legs) all name an OS, some Windows and some
/// not, as [`super::runner_label::job_oses`] reads them; `None` otherwise.
#[derive(Clone, Copy)]
struct MixedLegs {
    /// The first OS that is not Windows (`Linux`, `macOS`).
    not_windows: &'static str,
}

fn mixed_legs(oses: &[super::runner_label::Os]) -> Option<MixedLegs> {
    use super::runner_label::Os as RunnerOs;
    let not_windows = oses.iter().find(|o| **o != RunnerOs::Windows)?;
    oses.contains(&RunnerOs::Windows).then(|| MixedLegs {
        not_windows: not_windows.runner_os(),
    })
}

/// A shell that exists on only one side of a matrix that runs on Windows and
/// on Linux or macOS, given to a step that runs in every leg (no `if:` names
/// the OS): the legs of the other side fail it (GitHub's table of supported
/// shells: `cmd` and `powershell` on Windows only, `sh` on Linux and macOS
/// only). `node` is the step's own `shell:`, or, with `default_of` naming
/// the job, the `defaults.run.shell` its steps inherit (GitHub's workflow
/// syntax: `defaults.run` applies to every `run` step of the workflow or
/// the job that does not set its own `shell`).
fn leg_compatible(ctx: &mut Context<'_>, node: &Node, legs: MixedLegs, default_of: Option<&str>) {
    let Some((trimmed, only, instead)) = leg_problem(node) else {
        return;
    };
    let other = if only == "Windows" { legs.not_windows } else { "Windows" };
    let message = match default_of {
        None => format!(
            "shell {trimmed:?} only exists on {only} runners, but this job's matrix also runs the step on {other}, \
             where it fails; use {instead}, or guard the step with `if: runner.os == …`"
        ),
        Some(job) => format!(
            "default shell {trimmed:?} only exists on {only} runners, but job {job:?}'s matrix also runs its `run:` \
             steps on {other}, where they fail; use {instead}, or give those steps their own `shell:` or an \
             `if: runner.os == …`"
        ),
    };
    ctx.report(node.report_span(), message).set_code(WRONG_OS);
}

/// A shell that exists on one side of a Windows / Linux-or-macOS split
/// only: its name, the OSes that have it and what to use instead.
fn leg_problem(node: &Node) -> Option<(String, &'static str, &'static str)> {
    let trimmed = node.as_str()?.trim().to_ascii_lowercase();
    let (only, instead) = match trimmed.as_str() {
        "cmd" => ("Windows", "`pwsh` or `bash`, which every runner has"),
        "powershell" => ("Windows", "`pwsh` (PowerShell Core), which every runner has"),
        "sh" => ("Linux and macOS", "`bash`, which every runner has"),
        _ => return None,
    };
    Some((trimmed, only, instead))
}

/// `cmd` and `powershell` (Windows PowerShell) exist only on Windows, and
/// the `sh` keyword only on Linux and macOS (GitHub's table of supported
/// shells; a custom `sh {0}` command is the user's own business).
fn os_compatible(ctx: &mut Context<'_>, node: &Node, os: Option<Os>) {
    if let Some(message) = os_problem(node, os) {
        ctx.report(node.report_span(), message).set_code(WRONG_OS);
    }
}

/// The finding of [`os_compatible`], when there is one.
fn os_problem(node: &Node, os: Option<Os>) -> Option<String> {
    let shell = node.as_str()?;
    let name = shell.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if os == Some(Os::Windows) && shell.trim().eq_ignore_ascii_case("sh") {
        return Some(
            "shell \"sh\" is only available on Linux and macOS runners, but this job runs on Windows; use `bash` (Git Bash) or `pwsh`"
                .to_string(),
        );
    }
    if os == Some(Os::Unix) && matches!(name.as_str(), "cmd" | "powershell") {
        let instead = if name == "cmd" {
            "`bash` or `pwsh`"
        } else {
            "`pwsh` (PowerShell Core)"
        };
        return Some(format!(
            "shell {name:?} only exists on Windows runners, but this job runs on Linux or macOS; use {instead}"
        ));
    }
    None
}

/// A job that runs the workflow's `defaults.run.shell` where that shell does
/// not exist: on an OS that lacks it, or on the other side of a mixed matrix.
enum Inheritor<'a> {
    Os { job: &'a str, os: Os },
    Legs { job: &'a str, legs: MixedLegs },
}

/// The workflow's `defaults.run.shell`, inherited by jobs that cannot run it:
/// one job gets that job's own finding; several get one finding on the
/// default that names them all (the default is one line to change, not one
/// per job).
fn workflow_default(ctx: &mut Context<'_>, node: &Node, inheritors: &[Inheritor<'_>]) {
    match inheritors {
        [] => {}
        [Inheritor::Os { os, .. }] => os_compatible(ctx, node, Some(*os)),
        [Inheritor::Legs { job, legs }] => leg_compatible(ctx, node, *legs, Some(*job)),
        many => {
            let Some((shell, only, instead)) = leg_problem(node) else {
                // A custom command (`powershell -command {0}`): each job's
                // finding is the same sentence, which the lint reports once.
                for i in many {
                    if let Inheritor::Os { os, .. } = i {
                        os_compatible(ctx, node, Some(*os));
                    }
                }
                return;
            };
            let jobs: Vec<String> = many
                .iter()
                .map(|i| match i {
                    Inheritor::Os { job, os: Os::Windows } => format!("{job:?} (runs on Windows)"),
                    Inheritor::Os { job, os: Os::Unix } => format!("{job:?} (runs on Linux or macOS)"),
                    Inheritor::Legs { job, legs } => {
                        let other = if only == "Windows" { legs.not_windows } else { "Windows" };
                        format!("{job:?} (its matrix also runs on {other})")
                    }
                })
                .collect();
            let Some((last, rest)) = jobs.split_last() else {
                return;
            };
            let listed = if rest.is_empty() {
                last.clone()
            } else {
                format!("{} and {last}", rest.join(", "))
            };
            ctx.report(
                node.report_span(),
                format!(
                    "default shell {shell:?} only exists on {only} runners, but the `run:` steps of jobs {listed} \
                     inherit it there, where they fail; use {instead}, or give those jobs or steps their own `shell:`"
                ),
            )
            .set_code(WRONG_OS);
        }
    }
}

/// shellcheck's codes that misfire on workflow scripts: GitHub sets
/// variables through `env:` (SC2154, SC2153), substituted expressions
/// look constant (SC2050, SC2194, SC2157, SC2043), sourced files are not
/// at hand (SC1091), and GitHub runs bash with `-e`, so a failed `cd` stops
/// the step already (SC2164).
pub const IGNORED_SHELLCHECK_CODES: &[&str] = &[
    "SC1091", "SC2043", "SC2050", "SC2153", "SC2154", "SC2157", "SC2164", "SC2194",
];

/// Whether [`run_checker`] will hand the scripts to a checker: without one
/// (shellcheck not installed, or turned off) the scripts are not masked and
/// queued for nothing (a tenth of the rule's time on a large workflow).
fn checks_scripts(ctx: &Context<'_>) -> bool {
    ctx.script_checker.is_some() && ctx.config.shellcheck
}

fn run_checker(ctx: &mut Context<'_>, scripts: Vec<(&Node, Script)>) {
    let Some(checker) = ctx.script_checker else { return };
    if !checks_scripts(ctx) || scripts.is_empty() {
        return;
    }
    let batch: Vec<Script> = scripts.iter().map(|(_, s)| s.clone()).collect();
    let findings = checker.check(&batch);
    // A script shellcheck cannot parse gets one finding, the first parse
    // error (SC1xxx), not the chain of notes that follows it.
    let unparsable: Vec<usize> = findings
        .iter()
        .filter(|f| f.code.starts_with("SC1") && f.severity == Severity::Error)
        .map(|f| f.script)
        .collect();
    let mut parse_error_shown: Vec<usize> = Vec::new();
    for f in findings {
        if IGNORED_SHELLCHECK_CODES.contains(&f.code.as_str()) {
            continue;
        }
        if unparsable.contains(&f.script) {
            let first_parse_error = f.code.starts_with("SC1") && f.severity == Severity::Error;
            if !first_parse_error || parse_error_shown.contains(&f.script) {
                continue;
            }
            parse_error_shown.push(f.script);
        }
        let Some((node, _)) = scripts.get(f.script) else {
            continue;
        };
        // A finding on a placeholder is about the masking, not the script
        // (`exit ${{ steps.x.outputs.code }}` is not an invalid exit code).
        if node
            .as_str()
            .is_some_and(|text| touches_expression(text, f.start, f.end))
        {
            continue;
        }
        let range = script_range(ctx.source, node, f.start, f.end);
        // Only a script shellcheck cannot parse (SC1xxx errors) is an error;
        // everything else is advice that should not fail CI unless the
        // config raises the `shell` rule's severity.
        let severity = if f.severity == Severity::Error && f.code.starts_with("SC1") {
            Severity::Error
        } else {
            Severity::Info
        };
        ctx.report_at(severity, range, format!("shellcheck {}: {}", f.code, f.message))
            .set_code(SHELLCHECK);
    }
}

/// Does `start..end` (at least one byte wide) overlap a `${{ }}` of `text`?
fn touches_expression(text: &str, start: usize, end: usize) -> bool {
    let end = end.max(start + 1);
    let mut from = 0;
    while let Some(open) = text[from..].find("${{") {
        let open = from + open;
        let close = text[open..].find("}}").map_or(text.len(), |c| open + c + 2);
        if open < end && start < close {
            return true;
        }
        if open >= end {
            return false;
        }
        from = close;
    }
    false
}

/// The file range of bytes `start..end` of a scalar's value; the scalar's
/// start when the value is not written verbatim. Also where the `pyflakes`
/// rule puts its findings.
pub(super) fn script_range(source: &str, node: &Node, start: usize, end: usize) -> TextRange {
    let Some(map) = ScalarSource::new(source, node) else {
        return TextRange::empty(node.span.start);
    };
    match (map.exact(start), map.exact(end.max(start))) {
        (Some(s), Some(e)) if e >= s => TextRange::new(s, e),
        (Some(s), _) => TextRange::new(s, s),
        _ => TextRange::new(node.span.start, node.span.start),
    }
}
