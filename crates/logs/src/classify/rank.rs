//! From findings to failures: merge repeated evidence, mark consequences of
//! earlier failures, and put the likely root cause first. This is the one
//! place where findings of different lines are weighed against each other.
//!
//! # Before ranking: what a line is worth
//!
//! Which entry decides one line is the catalogue's priority order (the program
//! that decided the outcome speaks first; `catalogue/mod.rs`). Two rules apply
//! to every line before that: a line that only quotes a message (test
//! assertions, `set -x` traces, `grep -n` output, the script's own text;
//! `quoted.rs`) is not read at all, and a line printed at warning level (the
//! runner's `##[warning]`, a tool's `WARNING:`/`[WARNING]`/`warning:`/`npm
//! warn`; `Line::is_warning`) gives at most a weak finding, because the tool
//! went on after printing it. Lines below warning level (Python `logging`'s
//! `INFO:`/`DEBUG:`) count as warnings. A cause that is still weak after
//! ranking (a warning nothing promoted) is reported after the step's own
//! failure and is never fixable. So is the first line a command prints right
//! after its echoed recipe line ends in `|| true`, `|| :` or `|| exit 0`
//! (make, just and task echo each recipe line before running it; the recipe
//! ignored that failure; `soften_tolerated` in `classify/mod.rs`).
//!
//! A client's notice that it is about to retry (curl's `Warning: Problem :
//! HTTP error. Will retry in 1 seconds. 5 retries left.`) makes the error it
//! printed for that attempt, within three lines before it in the same step,
//! weak: the attempt was not the outcome. When every retry fails the last
//! error has no notice after it and keeps its strength. The runner's own
//! notice between pulls of a container image (`Docker pull failed with exit
//! code 1, back off 3.7 seconds before retry.`) is read the same way. NuGet's notice
//! (`Retrying '{method}' for source '{url}'.`) comes before the attempt's
//! error, which it prints on the next line: that line becomes weak. A retry action's
//! notice (nick-fields/retry's `Attempt 1 failed. Reason: …`, and
//! softprops/action-gh-release's `retrying... (2 retries remaining)`, and
//! `git submodule update`'s `Failed to clone '{path}'. Retry scheduled`) comes
//! after the whole attempt's output, so it weakens every finding of its step
//! since the step began or since the previous notice.
//!
//! A rate limit the step got past is not its outcome either: when the same
//! step later prints the fetching tool's own success after a limit of a
//! service that tool fetches from (each emitter declares its success lines and
//! their services beside its entries, `catalogue::fetch_success_services`:
//! Docker's `Status: Downloaded newer image for …`, npm's `added {n} packages,
//! and audited …`, yarn's and pnpm's `Done in …`, pnpm's `Packages: +{n}`,
//! pip's `Successfully installed …`, cargo's `Downloaded`/`Compiling`/
//! `Finished`, apt's `Fetched {size} in`, `go test`'s `ok` and `go: added`,
//! Maven's `Downloaded from central:` and `BUILD SUCCESS`, Gradle's `BUILD
//! SUCCESSFUL`), the script handled the error (a retry loop, `||`) and went
//! on, so the limit becomes weak. A limit after the success, or with no
//! success after it, keeps its strength.
//!
//! A blocker is a step's failure only when the step ended on it. When the
//! step's script lets a command fail and go on (a `||` fallback that does not
//! fail or retry, `set +e`) and a later line of the same step is another
//! program's failure (a specific cause, a blocker or a failed install of
//! another emitter), the script tolerated the blocker (`gh pr merge --auto
//! "$PR" || echo …` printing GraphQL's refusal, `docker network create ci ||
//! true` the daemon's) and the later line failed the step: the blocker
//! becomes weak (`weaken_outlived_blockers`). A missing file or command on
//! that later line is then not fixable: the tolerated command may be what
//! left it missing.
//!
//! A step that passed (another step began after it, and it printed no
//! `##[error]` line, which every failing step does) did not fail the job:
//! what it printed is weak (Codecov's action logging a 429 with
//! `fail_ci_if_error: false`, a command behind `|| true`), unless the step
//! installs, sets up, downloads or fetches what later steps use (a script
//! that logs its failed download and exits 0): what an ignored install or
//! download left out goes missing later (the consequence model below).
//!
//! # Order within a job
//!
//! 1. Findings that are not consequences come before consequences.
//! 2. Then by strength: a specific cause, a blocker (a failure nobody should
//!    auto-fix) or a failed install; then a summary heading whose cause is
//!    printed with it (Gradle's `Could not resolve all files …`); then a bare
//!    cancel; then a failed step (`Process completed with exit code N`, or the
//!    `##[error]` line of an `::error::` the step's own script wrote, which
//!    leads the exit code it merges with); then an error line no entry
//!    explains. These weaker findings are dropped when a
//!    stronger one exists (a cancel is kept, so a person sees it, and so is a
//!    failed step before the first step with a stronger one: with the
//!    workflow, `mapping` may put it first), and at most three are reported.
//! 3. Job-level findings (the time-limit annotation, an invalid workflow)
//!    before line-level ones: they explain everything the job printed.
//! 4. Then the earliest line: the first failure usually causes the rest.
//!
//! Across jobs, each job keeps its order; non-consequences come first; bare
//! cancels come after every other job's own failure, even a weak one (a leg
//! that fail-fast, concurrency or a person cancelled says nothing about why,
//! and a `gh run view` paste may list it before the leg that failed); and
//! weak `unknown` findings come after the strong ones.
//!
//! # The consequence model
//!
//! A finding is a *consequence* (reported last, `fixable: false`, confidence
//! × 0.4, message "Probably a consequence of an earlier failure") when:
//! - it is a specific cause (a missing command, file or module, …) seen
//!   *after* a failed install in the same job: an install tool's own failure
//!   (`npm ci` / `pip install` failing, a resolver conflict), or a step that
//!   installs or sets up tools (its name or script says `install`, `setup`,
//!   `npm ci`, …) ending with a non-zero exit. The missing thing is then what
//!   the failed install left behind (`eslint: not found` after `npm ci`
//!   failed);
//! - it is a missing *file* seen after any earlier step failed: a step that
//!   runs after a failure (`if: always()`, `if: failure()`) usually uploads or
//!   reports what the failed step should have written. Gradle's `FAILURE:
//!   Build failed with an exception.` is no such failure: it heads the report
//!   that says why (a task input that does not exist, under `* What went
//!   wrong:`), and the step's own end (`BUILD FAILED in …`, its exit code)
//!   follows the report;
//! - it is a cancel (`The operation was canceled.`) seen after any other
//!   failure: fail-fast or a time limit explains it, not the reverse.
//! - it is in a step that reports on the job or cleans up after it (its
//!   name or script says notify, Slack, Teams, Discord, webhook, `gh issue
//!   create`, teardown, cleanup) and an earlier step of the job failed: such
//!   a step ran because of that failure (`if: failure()`, `if: always()`),
//!   so a webhook's 404, a token that may not open issues or a module its
//!   notifier imports is a second failure, whatever its strength. (With the
//!   workflow, `mapping` reads the step's `if:` itself.)
//!
//! A failed install is an install tool's failure, a failed install or
//! set-up step, or a rate limit that stopped a fetch (unless the step got
//! past it, above): a download step that hit the GitHub API's limit under
//! `|| echo`, then `unzip: cannot find or open` the archive it should have
//! fetched, is the limit.
//!
//! Other causes in a later step are not consequences of an earlier step's
//! plain failure: the runner only runs a step after a failure when the failed
//! step had `continue-on-error: true` (its log shows the same `Process
//! completed with exit code N`, nothing more) or the later step asks to run
//! anyway, and in both cases a missing module, a missing command or a rate
//! limit there is a failure of its own. Job-level findings are never
//! consequences.
//!
//! # A later generic error never displaces an earlier specific cause, and vice versa
//!
//! Strength decides before position: a specific cause anywhere in the job
//! outranks the generic lines around it, earlier or later (a step's `exit code
//! N`, a `BUILD FAILED`/`npm error code 1` trailer, an `##[error]` line no entry
//! explains, a cleanup step's own error after `if: always()`); such lines are
//! dropped once a stronger finding exists. So a missing module followed by a
//! notification step's `##[error]` keeps the module first, and a `continue-on-
//! error` step's bare `exit code 1` followed by a later missing command keeps
//! the command first. Between two findings of the same strength, the earlier
//! line wins (the first failure usually causes the rest), unless the later one
//! is job-level or the earlier one is a consequence (above).
//!
//! One weak finding is promoted: a rate limit (of a named service or not) a tool printed at warning level
//! while it retried (pip's `WARNING: Retrying … too many 429 error responses`)
//! is the cause when the same step then gives up with a generic resolution
//! failure (an install failure or a summary heading) and nothing more
//! specific; a step that recovered and failed on something else keeps it weak,
//! and so does a limit of an attempt a retry notice (curl's, nick-fields/
//! retry's) ends: the next attempt's failure is its own (three `npm ci`
//! attempts, two stopped by a 429, the last by `ETARGET`, failed on the
//! version).
//!
//! # Gradle's cause chains
//!
//! Gradle's `* What went wrong:` report prints a failure's causes outermost
//! first, each nested cause indented further under its `> ` (`> Failed to
//! notify project evaluation listener.` then `   > Could not create task …`
//! then `      > Cannot query the value …`). Cause lines no tool's entry
//! reads are one finding (`merge`), and the innermost cause of the first
//! chain leads it (its message and first evidence): the outer lines only say
//! where it happened. A sibling cause at the same depth, and what is nested
//! under a sibling, follow it as evidence.
//!
//! # Cancels and time limits
//!
//! A bare cancel is `unknown`: it is a timeout only when the time it ran
//! reaches the limit. The scanner measures the minutes from the job log's
//! first timestamp to the cancel (a lower bound of the run time); with no
//! workflow, reaching 360 minutes (GitHub's default and maximum job limit)
//! proves it; with the workflow, `mapping` compares with `timeout-minutes`.
//!
//! # Runner failures
//!
//! An `optional_job` failure is never fixable here: making a job optional is
//! only right when the workflow confirms the job runs on an ARM64, self-hosted,
//! Apple-silicon or experimental runner, which `mapping` checks.
//!
//! # The confidence scale
//!
//! - 0.9–0.95: the emitting tool's own unambiguous message, with a subject
//!   from a table or the message itself (the time-limit annotation, an
//!   invalid-workflow line, a known module, Docker Hub's `toomanyrequests`).
//! - 0.7–0.89: a specific message whose subject is validated but inferred (a
//!   path from a shell error, a service from a URL's host, a runner failure).
//! - 0.5–0.69: the category is clear but the subject is guessed or missing
//!   (a module no table knows, a command the script does not name), and
//!   blockers (0.6).
//! - below 0.5: weak evidence (an unexplained error line 0.2, a bare cancel
//!   0.4) and consequences (× 0.4).

use super::catalogue::{
    CONTAINER_PULL_RETRY, CURL_RETRY, GH_RELEASE_RETRY, GRADLE_CAUSE, NUGET_RETRY, RETRY_ACTION_ATTEMPT,
    SUBMODULE_RETRY, TOOLKIT_RETRY, fetch_success_services, gradle_cause_depth, relay_prefix,
};
use super::hit::Strength;
use super::{Finding, JobState, StepState};
use crate::events::named_after_script;
use crate::report::{
    Category, DEFAULT_JOB_LIMIT_MINUTES, Failure, LogLocation, RateLimitService, RunnerClass, RunnerFailure, StepRef,
    SubjectDetail,
};
use crate::shell_lex;
use crate::words::WordChars;

/// Lines within which two hits of one category are the same failure.
const MERGE_DISTANCE: u64 = 6;
const MAX_EVIDENCE: usize = 8;
const MAX_MINOR_FAILURES: usize = 3;

pub(crate) fn rank(jobs: Vec<JobState>) -> Vec<Failure> {
    let several = jobs.len() > 1;
    let mut out = Vec::new();
    for mut job in jobs {
        // In a log of several jobs (a whole run's `gh run view --log`), a job
        // that printed no `##[error]` line passed: what it printed (a lint
        // summary, a tolerated missing tool) did not fail the run.
        if several && !job.errored {
            for f in &mut job.findings {
                f.hit.strength = Strength::Weak;
            }
        }
        out.extend(rank_job(job));
    }
    // A job-level cause (time limit, invalid workflow) or the earliest root
    // cause of each job keeps its job's order; across jobs, the most
    // confident fixable root causes come first, and a job that shows only a
    // bare cancel comes after every job that shows a failure of its own (a
    // matrix leg cancelled by fail-fast is listed wherever its job sorts,
    // often before the leg that failed).
    out.sort_by_key(|f| (f.consequence, is_bare_cancel(f), is_minor(f)));
    out
}

/// A cancel with no time-limit evidence (`unknown`, [`SubjectDetail::Canceled`]).
fn is_bare_cancel(f: &Failure) -> bool {
    f.category == Category::Unknown && matches!(f.detail, SubjectDetail::Canceled { .. })
}

/// Weak evidence (an unexplained error line, a step's exit code, a warning a
/// tool went on after), whatever its category: across jobs it comes after
/// every finding that is not.
fn is_minor(f: &Failure) -> bool {
    f.confidence < 0.3
}

fn rank_job(job: JobState) -> Vec<Failure> {
    let JobState {
        name,
        steps,
        findings,
        image,
        ..
    } = job;
    // A limit the tool gave up on is promoted before the step's later
    // success is read: the script may have retried the whole tool and got
    // past it (yarn berry's `Failed with errors` then, on a second run, `Done`).
    let (mut findings, attempts) = drop_retried_attempts(findings);
    weaken_passed_steps(&mut findings, &steps);
    weaken_outlived_blockers(&mut findings, &steps);
    promote_retried_limits(&mut findings, &attempts);
    let mut merged = merge(drop_recovered_limits(findings));
    let consequences = mark_consequences(&merged, &steps);
    let mut order: Vec<usize> = (0..merged.len()).collect();
    order.sort_by_key(|&i| {
        let f = &merged[i];
        (consequences[i], strength_rank(f.hit.strength), !f.hit.job_level, f.line)
    });
    let has_strong = merged
        .iter()
        .zip(&consequences)
        .any(|(f, c)| !c && strength_rank(f.hit.strength) == 0);
    // The first step with a strong cause. A step that failed before it with
    // only its exit code is kept (after the cause): whether that step had
    // `continue-on-error` or the later one runs after a failure, only the
    // workflow says (`mapping`), and without this finding it could not put
    // the earlier failure first.
    let first_strong_step = merged
        .iter()
        .zip(&consequences)
        .filter(|&(f, &c)| !c && strength_rank(f.hit.strength) == 0)
        .filter_map(|(f, _)| f.step)
        .min();
    let mut failures = Vec::new();
    let mut minor = 0;
    for i in order {
        let f = &mut merged[i];
        let weak = strength_rank(f.hit.strength) > 0;
        if weak {
            let failed_before = f.hit.strength == Strength::StepFailed
                && matches!((f.step, first_strong_step), (Some(s), Some(first)) if s < first);
            if has_strong && f.hit.strength != Strength::Canceled && !failed_before {
                continue;
            }
            minor += 1;
            if minor > MAX_MINOR_FAILURES {
                continue;
            }
        }
        let step = f.step.and_then(|s| steps.get(s)).map(|s| StepRef {
            number: s.number,
            name: Some(s.name.clone()),
        });
        let mut failure = Failure {
            category: f.hit.category,
            subject: f.hit.subject.clone(),
            fixable: f.hit.fixable,
            confidence: f.hit.confidence,
            job: name.clone(),
            step,
            evidence: std::mem::take(&mut f.evidence),
            message: f.hit.message.clone(),
            span: None,
            fixes: Vec::new(),
            detail: f.hit.detail.clone(),
            consequence: consequences[i],
            location: LogLocation {
                file: f.props.as_ref().and_then(|p| p.file.clone()),
                line: f.props.as_ref().and_then(|p| p.line),
                column: f.props.as_ref().and_then(|p| p.column),
                script_line: f.script_line,
                silent_minutes: f.silent_minutes,
            },
        };
        if let SubjectDetail::Runner { job, .. } = &mut failure.detail {
            *job = name.clone();
            failure.fixable = false;
            failure.message.push_str(crate::report::NEEDS_WORKFLOW_NOTE);
        }
        if let Some(image) = &image {
            on_hosted_image(&mut failure, image);
        }
        if let SubjectDetail::Canceled {
            elapsed_minutes: Some(elapsed),
        } = failure.detail
        {
            if !failure.consequence && elapsed + 1 >= DEFAULT_JOB_LIMIT_MINUTES {
                let minutes = DEFAULT_JOB_LIMIT_MINUTES;
                failure.category = Category::Timeout;
                failure.subject = Some(minutes.to_string());
                failure.detail = SubjectDetail::Limit {
                    minutes,
                    scope: crate::report::LimitScope::Job,
                };
                failure.fixable = true;
                failure.confidence = 0.8;
                failure.message = format!(
                    "The job was canceled after running {elapsed} minutes: it reached GitHub's {minutes}-minute job \
                     limit."
                );
            }
        }
        if failure.consequence {
            failure.fixable = false;
            failure.confidence *= 0.4;
            failure.message = format!("Probably a consequence of an earlier failure: {}", failure.message);
        }
        if failure.category == Category::Unknown {
            failure.fixable = false;
        }
        // Still weak after ranking: a cause printed at warning (or lower)
        // level that was not promoted (a limit the tool recovered from, a
        // program logging a fallback), or an attempt a client retried. It is
        // reported for a person, after the step's own failure, never fixed.
        // (A weak `yaml_syntax` is a located annotation without its file,
        // kept as it is.)
        if f.hit.strength == Strength::Weak && !matches!(failure.category, Category::Unknown | Category::YamlSyntax) {
            failure.fixable = false;
            failure.confidence = failure.confidence.min(0.25);
            failure
                .message
                .push_str(" Printed as a warning the tool went on after: not the cause of the failure.");
        }
        // A weak `unknown` finding of an entry (pip's `WARNING: Retrying …
        // ReadTimeoutError` it then got past) is minor too: across jobs it
        // must not sort before the step's own failure, which its entry's
        // blocker confidence would otherwise make it do.
        if f.hit.strength == Strength::Weak && failure.category == Category::Unknown {
            failure.confidence = failure.confidence.min(0.25);
        }
        failures.push(failure);
    }
    failures
}

/// What the hosted image the job's set-up printed says about a runner-tied
/// failure. An ARM64 image names the runner class the log did not. On
/// GitHub's standard x64 image a lost or stopped runner is GitHub's
/// infrastructure, not a runner the job chose (`unknown`: rerun); an
/// architecture mismatch there is still one (an arm64 build without
/// emulation, a download for another CPU), reported as such but never to be
/// fixed by making the job optional; and a Mac's missing library that is a
/// mismatch only on Apple silicon is a missing library on an Intel image.
fn on_hosted_image(failure: &mut Failure, image: &super::catalogue::HostedImage) {
    let SubjectDetail::Runner {
        failure: kind,
        runner,
        only_on,
        ..
    } = &mut failure.detail
    else {
        return;
    };
    let class = image.class();
    if class != RunnerClass::Hosted {
        if runner.is_none() {
            *runner = Some(class);
        }
        return;
    }
    *runner = Some(RunnerClass::Hosted);
    let base = crate::report::without_workflow_note(&failure.message);
    let runner_loss = matches!(kind, RunnerFailure::LostCommunication | RunnerFailure::ShutdownSignal);
    if runner_loss || only_on.is_some() {
        let why = if runner_loss {
            "GitHub's infrastructure lost the machine, not a runner the job chose to depend on: rerun the job"
        } else {
            "there the library is really missing: install it, or use a build of the tool that does not need it"
        };
        failure.category = Category::Unknown;
        failure.subject = None;
        failure.detail = SubjectDetail::None;
        failure.message = format!(
            "{base} The job ran on GitHub's x64 hosted image `{}` (its log's Runner Image): {why}.",
            image.name
        );
    } else {
        failure.message = format!(
            "{base} The job ran on GitHub's x64 hosted image `{}` (its log's Runner Image): not a runner to make \
             optional; set up emulation (QEMU) or use a build for x64.",
            image.name
        );
    }
}

/// What a step printed is not the job's failure when the step passed: another
/// step began after it and it printed no `##[error]` line (a failing step
/// always does: the runner's `Process completed with exit code N`, an
/// action's `core.setFailed` message). Codecov's action with
/// `fail_ci_if_error: false` logs a 429 as `['error']` and succeeds; a script's
/// `|| true` hides a failed command. Its findings become weak. Not judged: the
/// last step seen (a log may end before its marker), job-level findings, and
/// a step that installs, sets up or fetches ([`installs`]) when a later step
/// misses a file, module or command: what an ignored install failed to
/// provide goes missing later, and the consequence model needs its failure
/// (`dnf5 install … || true`, then `jq: command not found`).
fn weaken_passed_steps(findings: &mut [Finding], steps: &[StepState]) {
    // Something a later step missed: what an ignored install or fetch would explain. Without
    // one, a passed install's failure explains nothing that failed (a fetch that logged a 429
    // and fell back to a cached copy, before an unrelated test failure).
    let missed_later = |s: usize| {
        findings.iter().any(|f| {
            f.step.is_some_and(|t| t > s)
                && (f.hit.reports_absence
                    || matches!(
                        f.hit.category,
                        Category::FileNotFound | Category::MissingDependency | Category::MissingCommand
                    ))
        })
    };
    let kept: Vec<bool> = (0..steps.len())
        .map(|s| missed_later(s) && installs(&steps[s]))
        .collect();
    let passed = |s: usize| s + 1 < steps.len() && !steps[s].errored && !kept[s];
    for f in findings.iter_mut() {
        if !f.hit.job_level && f.step.is_some_and(passed) && !is_notice(f.hit.entry) {
            f.hit.strength = Strength::Weak;
        }
    }
}

/// A blocker is its step's failure only when the step ended on it. When the
/// step's script lets the blocker's own program fail and go on (a `||`
/// fallback that does not fail, `set +e`, on a line running a program that
/// prints the blocker: its emitter's, or the client its own line's form names,
/// `catalogue::programs_of`;
/// `classify::tolerates_a_failure_of`) and a later line of the
/// same step is another program's failure (a specific cause, a blocker or a
/// failed install of another emitter), the step went on after the blocker's
/// command: the script tolerated it (`gh pr merge --auto "$PR" || echo …`
/// printing GraphQL's refusal, `gh pr create … || true`, `docker network
/// create ci || true` printing the daemon's refusal), and what failed the
/// step is that later line. The blocker becomes weak (a notice a person may
/// still read when nothing else is found). Both conditions are needed: a
/// later line of another emitter alone is often the same command's own
/// report (cargo's `error: test failed` after a test's panic, a test runner's
/// summary after a failed test, a program's log lines pytest captured), and
/// a fallback on another program's command (`docker system prune -af ||
/// true` before the build that filled the disk) did not tolerate this one. Not
/// judged:
/// a later line of the same emitter (git's `Automatic merge failed` under its
/// `CONFLICT`, one failure's lines), a later step (the consequence model
/// weighs steps), generic lines after it (the exit code, a wrapper's trailer
/// such as `make: *** … Error 1`, an unexplained `##[error]`, a warning: they
/// report the blocker's own failure), job-level findings, and the project's
/// own `log-patterns` (no emitter: the project said what it means).
///
/// A missing file or command that outlives a tolerated blocker is not
/// fixable: the command the script let fail may be what left it missing (`git
/// clone … || echo` refused, then `cp assets/x` finds no file; `gh release
/// download … || true`, then the tool it fetched is not found), and a fix for
/// the later line (a path rewrite, an install) would hide the failure the
/// script tolerated (review83 M3). It still leads, so a person reads it
/// first. Other later causes (a missing module, a rate limit) are no product
/// of a refused command and keep their reading.
fn weaken_outlived_blockers(findings: &mut [Finding], steps: &[StepState]) {
    // The programs that printed the blocker, read from its own lines: the
    // first whose form names a client (`catalogue::programs_of`), else the
    // emitter's.
    fn printers(f: &Finding, emitter: &str) -> &'static [&'static str] {
        let plain = super::catalogue::programs_of(emitter, "");
        f.evidence
            .iter()
            .map(|e| super::catalogue::programs_of(emitter, &e.text))
            .find(|p| *p != plain)
            .unwrap_or(plain)
    }
    fn emitter(entry: &str) -> Option<&str> {
        entry
            .split_once('/')
            .map(|(emitter, _)| emitter)
            .filter(|e| !e.is_empty())
    }
    let outlived: Vec<bool> = findings
        .iter()
        .map(|f| {
            let Some(own) = emitter(f.hit.entry) else {
                return false;
            };
            // Tolerated only as the program that printed it: a condition of
            // the machine (a full disk, memory, the runner) has no program,
            // and a fallback on another command tolerated that command
            // (review82 M3).
            f.hit.strength == Strength::Blocker
                && !f.hit.job_level
                && f.step
                    .and_then(|s| steps.get(s))
                    .is_some_and(|s| super::tolerates_a_failure_of(&s.script, printers(f, own)))
                && findings.iter().any(|g| {
                    g.step == f.step
                        && g.line > f.line
                        && !g.hit.job_level
                        && strength_rank(g.hit.strength) == 0
                        && emitter(g.hit.entry).is_some_and(|e| e != own)
                })
        })
        .collect();
    let mut tolerated: Vec<(Option<usize>, u64, String)> = Vec::new();
    for (f, outlived) in findings.iter_mut().zip(outlived) {
        if outlived {
            tolerated.push((f.step, f.line, f.hit.message.clone()));
            f.hit.strength = Strength::Weak;
            f.hit.message.push_str(
                " The step went on after this line and failed later on another program's error: the script \
                 tolerated this one.",
            );
        }
    }
    for g in findings.iter_mut() {
        let Some((_, _, blocker)) = tolerated
            .iter()
            .find(|(step, line, _)| g.step == *step && g.line > *line && !g.hit.job_level)
        else {
            continue;
        };
        let absence = matches!(g.hit.category, Category::FileNotFound | Category::MissingCommand);
        if absence && g.hit.fixable && strength_rank(g.hit.strength) == 0 {
            g.hit.fixable = false;
            g.hit.message.push_str(&format!(
                " Not fixed automatically: an earlier command of this step failed and the script went on (\"{blocker}\"); this failure may be what that one left missing."
            ));
        }
    }
}

/// Lines within which a client's retry notice follows the error of the
/// attempt it retries.
const RETRY_NOTICE_DISTANCE: u64 = 3;

/// An error a client printed for one attempt and then retried (curl's `curl:
/// (22) … 429` followed by its `Will retry in …` notice) is not the step's
/// outcome: it becomes weak. A retry action's notice (nick-fields/retry, the
/// retry helper of actions/checkout and @actions/tool-cache, and `git
/// submodule update`'s `Retry scheduled`) comes
/// after the attempt's whole output, so everything its step printed since the
/// step began or since the previous notice becomes weak. If every retry
/// fails, the last attempt has no notice after it and stays; when the last
/// attempt printed nothing an entry reads and the step then failed, the
/// attempt before the last notice stays instead (it is the only account of
/// the outcome). The notices
/// themselves are not failures; where they stood is returned (an attempt's
/// end, by step and line).
fn drop_retried_attempts(mut findings: Vec<Finding>) -> (Vec<Finding>, Vec<(Option<usize>, u64)>) {
    let is_notice = |f: &Finding| is_retry_notice(f.hit.entry);
    let mut notices: Vec<(u64, Option<usize>, &'static str)> = findings
        .iter()
        .filter(|f| is_notice(f))
        .map(|f| (f.line, f.step, f.hit.entry))
        .collect();
    notices.sort_by_key(|n| n.0);
    let attempts = notices.iter().map(|&(line, step, _)| (step, line)).collect();
    let mut attempt_start: Vec<(Option<usize>, u64)> = Vec::new();
    let last_notice = |step: Option<usize>| notices.iter().filter(|n| n.1 == step).map(|n| n.0).max();
    for &(line, step, entry) in &notices {
        if [RETRY_ACTION_ATTEMPT, GH_RELEASE_RETRY, TOOLKIT_RETRY, SUBMODULE_RETRY].contains(&entry) {
            let since = attempt_start.iter().rev().find(|s| s.0 == step).map_or(0, |s| s.1);
            // The attempt after the step's last notice printed nothing an
            // entry reads (a paste cut short, a tool silent the second time):
            // the attempt before it is the only account of the outcome.
            let outcome_told = findings.iter().any(|f| {
                !is_notice(f)
                    && f.step == step
                    && f.line > line
                    && !matches!(
                        f.hit.strength,
                        Strength::Weak | Strength::StepFailed | Strength::Canceled
                    )
            });
            let step_failed_after = findings
                .iter()
                .any(|f| f.step == step && f.line > line && f.hit.strength == Strength::StepFailed);
            if last_notice(step) == Some(line) && !outcome_told && step_failed_after {
                attempt_start.push((step, line));
                continue;
            }
            for f in findings
                .iter_mut()
                .filter(|f| !is_notice(f) && f.step == step && f.line > since && f.line < line)
            {
                weaken_retried(f);
            }
            attempt_start.push((step, line));
            continue;
        }
        if entry == NUGET_RETRY {
            if let Some(f) = findings
                .iter_mut()
                .find(|f| !is_notice(f) && f.step == step && f.line == line + 1)
            {
                weaken_retried(f);
            }
            continue;
        }
        let attempt = findings
            .iter_mut()
            .filter(|f| !is_notice(f) && f.step == step && f.line < line && line - f.line <= RETRY_NOTICE_DISTANCE)
            .max_by_key(|f| f.line);
        if let Some(f) = attempt {
            weaken_retried(f);
        }
    }
    findings.retain(|f| !is_notice(f));
    (findings, attempts)
}

/// A client's or a retry action's notice that it ran an attempt again.
fn is_retry_notice(entry: &str) -> bool {
    [
        CURL_RETRY,
        NUGET_RETRY,
        RETRY_ACTION_ATTEMPT,
        CONTAINER_PULL_RETRY,
        GH_RELEASE_RETRY,
        TOOLKIT_RETRY,
        SUBMODULE_RETRY,
    ]
    .contains(&entry)
}

/// Lines that are not failures but tell ranking something (a retry, a
/// fetch that succeeded); consumed here, never reported.
pub(crate) fn is_notice(entry: &str) -> bool {
    is_retry_notice(entry) || fetch_success_services(entry).is_some()
}

/// A rate limit followed, in the same step, by the success of a tool that
/// fetches from that service: the step got past it (see the module docs).
/// The success lines themselves are not failures.
fn drop_recovered_limits(mut findings: Vec<Finding>) -> Vec<Finding> {
    let successes: Vec<(u64, Option<usize>, &'static [RateLimitService])> = findings
        .iter()
        .filter_map(|f| fetch_success_services(f.hit.entry).map(|s| (f.line, f.step, s)))
        .collect();
    for f in findings.iter_mut() {
        let SubjectDetail::RateLimit { service, .. } = f.hit.detail else {
            continue;
        };
        let recovered = successes
            .iter()
            .any(|&(line, step, services)| step == f.step && line > f.line && services.contains(&service));
        if recovered && f.hit.strength != Strength::Weak {
            f.hit.strength = Strength::Weak;
            f.hit
                .message
                .push_str(" A later fetch in the same step succeeded: the step got past this limit.");
        }
    }
    findings.retain(|f| fetch_success_services(f.hit.entry).is_none());
    findings
}

fn weaken_retried(f: &mut Finding) {
    if f.hit.strength != Strength::Weak {
        f.hit.strength = Strength::Weak;
        f.hit.message.push_str(" The client retried after this attempt.");
    }
}

/// A rate limit a tool printed while retrying (at warning level, so weak:
/// pip's `WARNING: Retrying … too many 429 error responses`, Maven's `[WARNING]
/// Could not transfer metadata … 429`) is the cause when the same step then
/// gives up with a generic resolution failure (an install failure or a summary
/// heading: pip's `Could not find a version that satisfies the requirement`,
/// Maven's `Could not resolve dependencies`) and nothing more specific in
/// between. A step that recovered and failed on something else (a test, a
/// compile error) keeps it weak, and so does a limit of an attempt a client
/// or a retry action ran again (`attempts`, where each retried attempt
/// ended): a later attempt's failure is that attempt's own. When the step
/// reports the limit itself after its retries (NuGet's last `NU1301:` line
/// with the 429 under its heading), that report is the outcome and the
/// retried attempts stay weak.
fn promote_retried_limits(findings: &mut [Finding], attempts: &[(Option<usize>, u64)]) {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].line);
    for (k, &i) in order.iter().enumerate() {
        let f = &findings[i];
        if f.hit.strength != Strength::Weak || f.hit.category != Category::RateLimit {
            continue;
        }
        let gave_up = order[k + 1..]
            .iter()
            .map(|&j| &findings[j])
            .filter(|g| g.step == f.step)
            .filter(|g| {
                !attempts
                    .iter()
                    .any(|&(step, end)| step == f.step && f.line < end && end < g.line)
            })
            .find(|g| {
                !matches!(
                    g.hit.strength,
                    Strength::Weak | Strength::StepFailed | Strength::Canceled
                )
            })
            .is_some_and(|g| matches!(g.hit.strength, Strength::InstallFailure | Strength::Summary));
        let reported_itself = order[k + 1..]
            .iter()
            .map(|&j| &findings[j])
            .any(|g| g.step == f.step && g.hit.category == Category::RateLimit && g.hit.strength != Strength::Weak);
        if gave_up && !reported_itself {
            let hit = &mut findings[i].hit;
            hit.strength = Strength::Specific;
            hit.message
                .push_str(" The tool retried, then gave up: the failure that follows in this step is this limit.");
        }
    }
}

fn strength_rank(s: Strength) -> u8 {
    match s {
        Strength::Specific | Strength::Blocker | Strength::InstallFailure => 0,
        Strength::Summary => 1,
        Strength::Canceled => 2,
        Strength::StepFailed => 3,
        Strength::Weak => 4,
    }
}

/// Folds repeats (the same error printed per retry, a multi-line GitHub
/// message) into one finding with all the evidence.
fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for f in findings {
        let target = out.iter_mut().rev().take(4).find(|prev| same_failure(prev, &f));
        match target {
            Some(prev) => absorb(prev, f),
            None => out.push(f),
        }
    }
    out
}

fn same_failure(prev: &Finding, next: &Finding) -> bool {
    // The runner cancels the job when it hits its time limit: one event.
    if prev.hit.category == Category::Timeout && next.hit.strength == Strength::Canceled {
        return true;
    }
    if prev.hit.category != next.hit.category || prev.step != next.step {
        return false;
    }
    if prev.hit.category == Category::Unknown && (prev.hit.strength != next.hit.strength) {
        return false;
    }
    let last = prev.evidence.last().map_or(prev.line, |e| e.line);
    let near = next.line.saturating_sub(last) <= MERGE_DISTANCE;
    if prev.hit.category == Category::YamlSyntax {
        // One invalid-workflow message spans lines with partial locations.
        return near;
    }
    let same_subject = prev.hit.subject.is_some() && prev.hit.subject == next.hit.subject;
    let compatible = prev.hit.subject.is_none()
        || next.hit.subject.is_none()
        || same_subject
        || is_generic(&prev.hit)
        || is_generic(&next.hit);
    same_subject || (near && compatible)
}

fn absorb(prev: &mut Finding, mut next: Finding) {
    let nested = nests_gradle_cause(prev, &next);
    // A warning the tool went on after, then the error that ended the step,
    // of one failure (Maven's `[WARNING] Could not transfer metadata … 429`
    // above its `[ERROR] … Could not transfer artifact … 429`): the error is
    // the outcome and leads, with its message and position.
    let outcome_leads = prev.hit.strength == Strength::Weak && next.hit.strength != Strength::Weak;
    // An invalid-workflow message whose first line locates nothing (a copied
    // page's bare `Invalid workflow file` heading), then its title naming the
    // file and line: the located line leads.
    let location_leads = prev.hit.category == Category::YamlSyntax
        && !names_workflow_location(&prev.hit)
        && names_workflow_location(&next.hit);
    if outcome_leads || location_leads {
        let earlier = std::mem::replace(&mut prev.evidence, std::mem::take(&mut next.evidence));
        prev.evidence.extend(earlier);
        prev.evidence.truncate(MAX_EVIDENCE);
        prev.line = next.line;
        prev.hit.message = next.hit.message.clone();
    }
    for e in next.evidence {
        if nested {
            // The deeper cause leads; the oldest line makes room if needed.
            prev.evidence.insert(0, e);
            prev.evidence.truncate(MAX_EVIDENCE);
        } else if prev.evidence.len() < MAX_EVIDENCE {
            prev.evidence.push(e);
        }
    }
    let a = &mut prev.hit;
    let b = next.hit;
    if nested {
        a.message = b.message.clone();
    }
    if a.category == Category::YamlSyntax {
        merge_workflow_location(a, &b);
    } else if (a.subject.is_none() && b.subject.is_some()) || (is_generic(a) && !is_generic(&b)) {
        a.subject = b.subject;
        a.detail = b.detail;
        a.fixable = b.fixable;
        a.message = b.message;
    }
    a.confidence = a.confidence.max(b.confidence);
    a.entry = if a.entry.is_empty() { b.entry } else { a.entry };
    if strength_rank(b.strength) < strength_rank(a.strength) {
        a.strength = b.strength;
    }
    a.job_level |= b.job_level;
    if prev.props.is_none() {
        prev.props = next.props;
    }
    if prev.script_line.is_none() {
        prev.script_line = next.script_line;
    }
    if prev.silent_minutes.is_none() {
        prev.silent_minutes = next.silent_minutes;
    }
}

/// `next` is a cause nested under the cause `prev` reports, in one Gradle
/// failure report: both are Gradle cause lines, `prev`'s leading line is the
/// latest line it holds (the chain went on from it, not from a sibling), and
/// `next` is indented deeper. Gradle prints the outermost cause first, so the
/// innermost one, what actually went wrong, becomes the finding's message and
/// first evidence.
fn nests_gradle_cause(prev: &Finding, next: &Finding) -> bool {
    let depth = |f: &Finding| f.evidence.first().and_then(|e| gradle_cause_depth(&e.text));
    let leads_latest = prev.evidence.first().map(|e| e.line) == prev.evidence.iter().map(|e| e.line).max();
    prev.hit.entry == GRADLE_CAUSE
        && next.hit.entry == GRADLE_CAUSE
        && leads_latest
        && matches!((depth(prev), depth(next)), (Some(outer), Some(inner)) if inner > outer)
}

/// A rate limit whose service is not named: a later line that names it
/// (`429 Too Many Requests` then `toomanyrequests: … pull rate limit`) says
/// more about the same failure.
fn is_generic(hit: &super::hit::Hit) -> bool {
    matches!(
        hit.detail,
        SubjectDetail::RateLimit {
            service: RateLimitService::Other,
            ..
        }
    )
}

/// A workflow error's hit that says where: a file or a line.
fn names_workflow_location(hit: &super::hit::Hit) -> bool {
    matches!(&hit.detail, SubjectDetail::WorkflowLocation { path, line, .. } if path.is_some() || *line != 0)
}

/// "Invalid workflow file: x.yml#L1" + "(Line: 10, Col: 3): …": the path from
/// one line, the most precise line number from another.
fn merge_workflow_location(a: &mut super::hit::Hit, b: &super::hit::Hit) {
    let (
        SubjectDetail::WorkflowLocation {
            path: pa,
            line: la,
            column: ca,
        },
        SubjectDetail::WorkflowLocation {
            path: pb,
            line: lb,
            column: cb,
        },
    ) = (&a.detail, &b.detail)
    else {
        return;
    };
    let b_better = *lb != 0 && (*la == 0 || b.confidence > a.confidence);
    let (line, column) = if b_better { (*lb, *cb) } else { (*la, *ca) };
    let path = pa.clone().or_else(|| pb.clone());
    a.detail = SubjectDetail::WorkflowLocation {
        path: path.clone(),
        line,
        column,
    };
    if line != 0 {
        a.subject = Some(line.to_string());
        a.fixable = true;
    }
    a.message = match &path {
        Some(p) if line != 0 => format!("The workflow file {p} is invalid at line {line}."),
        None if line != 0 => format!("The workflow file is invalid at line {line}."),
        _ => a.message.clone(),
    };
}

/// Gradle's heading of its failure report (`FAILURE: Build failed with an
/// exception.`, Gradle's `BuildExceptionReporter`).
fn gradle_report_heading(f: &Finding) -> bool {
    f.evidence
        .first()
        .is_some_and(|e| e.text.trim() == "FAILURE: Build failed with an exception.")
}

/// Which findings follow from an earlier failure (the consequence model in
/// the module documentation).
fn mark_consequences(findings: &[Finding], steps: &[StepState]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].line);
    let mut out = vec![false; findings.len()];
    let mut install_failed = false;
    let mut step_failed = false;
    let mut anything_before = false;
    // The relay prefix of the failure report that set the flags above, and
    // its step: a cause printed inside that report (npm relays a failed
    // install script's output under its own `npm error` prefix, after its
    // `code 1` heading) is why the report was printed, not what followed it.
    let mut report: Option<(&'static str, Option<usize>)> = None;
    let in_report = |f: &Finding, report: Option<(&'static str, Option<usize>)>| {
        report.is_some_and(|(prefix, step)| {
            f.step == step
                && f.evidence
                    .first()
                    .is_some_and(|e| relay_prefix(&e.text) == Some(prefix))
        })
    };
    for i in order {
        let f = &findings[i];
        match f.hit.strength {
            Strength::Specific if !f.hit.job_level && !in_report(f, report) => {
                out[i] = install_failed || (step_failed && f.hit.category == Category::FileNotFound);
            }
            Strength::Canceled => out[i] = anything_before,
            _ => {}
        }
        if !f.hit.job_level && f.step.is_some_and(|s| reports_after_failure(steps, s)) {
            out[i] = true;
        }
        match f.hit.strength {
            Strength::InstallFailure => install_failed = true,
            // A fetch a limit stopped leaves out what it fetched.
            Strength::Specific if f.hit.category == Category::RateLimit => install_failed = true,
            // Gradle's `FAILURE: Build failed with an exception.` heads the
            // report that says why (`* What went wrong:`): what the report
            // states is the failure, not a consequence of it. The step's end
            // (`BUILD FAILED in {t}`, its exit code) marks it failed.
            Strength::StepFailed if gradle_report_heading(f) => {}
            Strength::StepFailed => {
                step_failed = true;
                install_failed |= f.step.and_then(|s| steps.get(s)).is_some_and(installs);
            }
            _ => {}
        }
        if matches!(f.hit.strength, Strength::InstallFailure | Strength::StepFailed) && report.is_none() {
            report = f
                .evidence
                .first()
                .and_then(|e| relay_prefix(&e.text))
                .map(|prefix| (prefix, f.step));
        }
        if !matches!(f.hit.strength, Strength::Canceled | Strength::Weak) {
            anything_before = true;
        }
    }
    out
}

/// A step that reports on the job or cleans up after it (a notification to
/// Slack, Teams, Discord or a webhook, `gh issue create`, a teardown),
/// judged by the whole words of its name and script (`teams` is not in
/// `steams`, nor `notify` in `notifyAll`), that ran after an earlier step of
/// its job had failed: it ran because of that failure (`if: failure()`, `if:
/// always()`), so whatever it hits itself (a webhook's 404, a token that may
/// not open issues, a module its notifier imports) is a second failure, not
/// the job's cause.
fn reports_after_failure(steps: &[StepState], step: usize) -> bool {
    let Some(state) = steps.get(step) else {
        return false;
    };
    if !steps[..step].iter().any(|s| s.errored) {
        return false;
    }
    let name = camel_words(&state.name);
    let script = camel_words(&state.script);
    let words = [
        "notify",
        "notification",
        "notifications",
        "slack",
        "teams",
        "discord",
        "webhook",
        "webhooks",
        "issue create",
        "create-an-issue",
        "sendmail",
        "send-mail",
        "teardown",
        "tear down",
        "cleanup",
        "clean up",
    ];
    words.iter().any(|w| has_word(&name, w) || has_word(&script, w))
}

/// `text` has `word` (or a phrase of words) with no letter or digit right
/// before or after it: `-`, `_`, `/`, `.` and blanks separate words in step
/// names, action names and commands (`slack-notify`, `notify_teams`).
fn has_word(text: &str, word: &str) -> bool {
    crate::words::has_word(text, word, WordChars::Alphanumeric)
}

/// `text` lowercased, with a space where a lowercase letter meets an
/// uppercase one: `notifySlack.js` and `sendSlackNotification` name their
/// words in camelCase, which lowercasing alone would run together.
fn camel_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous_lower = false;
    for c in text.chars() {
        if previous_lower && c.is_ascii_uppercase() {
            out.push(' ');
        }
        previous_lower = c.is_ascii_lowercase();
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A step that installs dependencies, sets up tools, downloads or fetches what
/// later steps use, judged by its name and its script: when it fails (or its
/// failure is ignored), what it should have provided goes missing.
///
/// The name is read as words (`Install dependencies`, `Set up Python`,
/// `Run actions/setup-node@v4`; `preinstall`, `reinstall` are other words).
/// A run step the workflow did not name is shown as `Run {its first line}`
/// (the text readers keep the first line alone): that name says nothing the
/// script does not, so only the script decides ([`named_after_script`]). The script is read as shell
/// ([`script_installs`]).
fn installs(step: &StepState) -> bool {
    const NAME_WORDS: &[&str] = &[
        "install",
        "installs",
        "installing",
        "installation",
        "setup",
        "set up",
        "set-up",
        "dependencies",
        "bootstrap",
        "download",
        "downloads",
        "downloading",
        "fetch",
        "fetching",
    ];
    let name = camel_words(&step.name);
    (!named_after_script(&step.name, &step.script) && NAME_WORDS.iter().any(|w| has_word(&name, w)))
        || script_installs(runner_script(&step.script))
}

/// The script of a step's echo: the runner prints the `run:` text, then its
/// own `shell: …` line and the step's `env:` (an action step: `with:` and
/// `env:` only). Those are settings, not commands (`HOMEBREW_NO_INSTALL_CLEANUP:
/// 1` names no install; an env value with a lone `'` is no shell).
pub(crate) fn runner_script(echo: &str) -> &str {
    let mut end = 0;
    for line in echo.split_inclusive('\n') {
        let text = line.trim();
        let settings = text.starts_with("shell: ") || (end == 0 && matches!(text, "with:" | "env:"));
        if settings {
            break;
        }
        end += line.len();
    }
    &echo[..end]
}

/// Commands whose words are text to print, not a command to run.
const PRINTS: &[&str] = &["echo", "printf", ":", "Write-Host", "Write-Output"];

/// Shells whose `-c` argument is a script of its own and whose first
/// operand otherwise is the script file they run.
const SHELLS: &[&str] = &["bash", "sh", "dash", "zsh"];

/// Commands that run the command after their options (and, for `env`, its
/// assignments), with their options that take a value (`sudo -u user`,
/// `nice -n 10`).
const WRAPPERS: &[(&str, &[&str])] = &[
    ("sudo", &["-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T"]),
    ("env", &["-u", "-C", "-S"]),
    ("time", &["-f", "-o"]),
    ("nice", &["-n"]),
    ("xvfb-run", &["-n", "-s", "-e", "-f", "-p", "-w"]),
    ("source", &[]),
    (".", &[]),
];

/// Task runners whose targets are names to read as words (`make
/// install-deps`, `npm run install:deps`), after the words that select a
/// target.
const TASK_RUNNERS: &[&[&str]] = &[
    &["make"],
    &["gmake"],
    &["just"],
    &["task"],
    &["npm", "run"],
    &["npm", "run-script"],
    &["pnpm", "run"],
    &["yarn", "run"],
    &["yarn"],
];

/// Commands that install or fetch dependencies although no word of theirs is
/// one of [`ARGUMENT_WORDS`], as the tool's words in order (`npm ci`, `uv sync`).
const FETCH_COMMANDS: &[&[&str]] = &[
    &["npm", "ci"],
    &["npm", "clean-install"],
    &["npm", "i"],
    &["pipx", "install-all"],
    &["uv", "sync"],
    &["poetry", "lock"],
    &["pdm", "sync"],
];

/// Does the script run an install command? It is read as shell
/// ([`crate::shell_lex`]: quotes removed, comments and heredoc bodies
/// skipped), and a simple command installs when one of its arguments is
/// exactly one of [`ARGUMENT_WORDS`] (`pip install`, `sudo apt-get -y
/// install`, `gh release download`; not `pip uninstall` or a quoted `"pip
/// install"`) or
/// cpanm's `--installdeps`, its program's file name or an interpreter's
/// script file says it gets something ([`PROGRAM_WORDS`]), a task runner's target has it
/// (`make install-deps`, `npm run install:deps`), R's `-e` expression calls
/// an install function (`install.packages`), or its words run one of
/// [`FETCH_COMMANDS`] in order. `echo` and `printf` print their words; a
/// [`WRAPPERS`] command, `bash ci/install.sh` and `pwsh -File install.ps1`
/// run the command or file that follows; `bash -c '…'` (`-ec` too) runs its
/// argument, which is read the same way. A script the lexer cannot read whole
/// is read line by line, skipping the lines it cannot read.
fn script_installs(script: &str) -> bool {
    commands_install(script, 0)
}

fn commands_install(text: &str, depth: u8) -> bool {
    let lexed = match shell_lex::lex(text) {
        Ok(lexed) => vec![lexed],
        Err(_) => text.lines().filter_map(|line| shell_lex::lex(line).ok()).collect(),
    };
    lexed.iter().flat_map(|l| &l.commands).any(|command| {
        let words: Vec<&str> = command.argv().map(|w| w.text.as_str()).collect();
        command_installs(&words, depth)
    })
}

/// Words of a program's or script file's name that say it gets what later
/// steps use (`install-deps.sh`, `fetch_fixtures.py`, `Install-Module`; not
/// `reinstall.sh`).
const PROGRAM_WORDS: &[&str] = &["install", "fetch", "download"];

/// Arguments that make a command get what later steps use, as a tool's
/// subcommand ([`SUBCOMMAND_TOOLS`]: `pip install`, `apt-get -y install`, `gh
/// release download`, `go mod download`, `cargo fetch`).
const ARGUMENT_WORDS: &[&str] = &["install", "download", "fetch"];

/// Programs whose first operand is a subcommand, with the command groups
/// whose own first operand is one (`gh release download`, `uv pip install`),
/// and whether the program's own subcommands count (`git fetch` gets history
/// into `.git`, no file, module or command a later step uses; `git lfs
/// fetch` gets the work tree's files). Each tool's documented command line;
/// anywhere else the words are operands (`ls download`, `pytest -k fetch`,
/// `git checkout main -- install`).
const SUBCOMMAND_TOOLS: &[(&str, &[&str], bool)] = &[
    ("pip", &[], true),
    ("pip3", &[], true),
    ("pipx", &[], true),
    ("uv", &["pip", "tool", "python"], true),
    ("poetry", &["self"], true),
    ("pdm", &[], true),
    ("pipenv", &[], true),
    ("conda", &[], true),
    ("mamba", &[], true),
    ("micromamba", &[], true),
    ("npm", &[], true),
    ("pnpm", &[], true),
    ("yarn", &["global"], true),
    ("bun", &[], true),
    ("deno", &[], true),
    ("apt", &[], true),
    ("apt-get", &[], true),
    ("aptitude", &[], true),
    ("dnf", &[], true),
    ("dnf5", &[], true),
    ("yum", &[], true),
    ("microdnf", &[], true),
    ("zypper", &[], true),
    ("brew", &[], true),
    ("choco", &[], true),
    ("scoop", &[], true),
    ("winget", &[], true),
    ("gem", &[], true),
    ("bundle", &[], true),
    ("bundler", &[], true),
    ("composer", &["global"], true),
    ("cargo", &[], true),
    ("rustup", &["toolchain", "target", "component"], true),
    ("go", &["mod"], true),
    ("gh", &["release", "run", "extension"], true),
    ("dotnet", &["tool", "workload"], true),
    ("nuget", &[], true),
    ("vcpkg", &[], true),
    ("conan", &[], true),
    ("opam", &[], true),
    ("cabal", &[], true),
    ("stack", &[], true),
    ("tlmgr", &[], true),
    ("luarocks", &[], true),
    ("snap", &[], true),
    ("flatpak", &[], true),
    ("port", &[], true),
    ("asdf", &["plugin"], true),
    ("mise", &[], true),
    ("pyenv", &[], true),
    ("nvm", &[], true),
    ("rbenv", &[], true),
    ("sdk", &[], true),
    ("gcloud", &["components"], true),
    ("az", &["extension"], true),
    ("helm", &["plugin"], true),
    ("git", &["lfs"], false),
];

/// Script files a step runs from the repository (`./ci/deps.sh install`):
/// their first operand is read as a subcommand, as scripts dispatch on it.
fn is_script_file(program: &str) -> bool {
    program.contains('/')
        || [".sh", ".bash", ".ps1", ".py", ".rb", ".pl", ".js", ".mjs"]
            .iter()
            .any(|ext| program.to_ascii_lowercase().ends_with(ext))
}

/// Is one of [`ARGUMENT_WORDS`] the subcommand of `program`'s command line
/// ([`SUBCOMMAND_TOOLS`]), of a repository script, or of a module an
/// interpreter runs (`python -m pip install`)? Options before it are
/// skipped, with the one word after an option that may be its value
/// (`apt-get -o Acquire::Retries=3 install`, `npm --prefix web install`).
fn subcommand_gets(program: &str, file_name: &str, args: &[&str]) -> bool {
    if INTERPRETERS.contains(&file_name)
        && let Some(at) = args.iter().position(|w| *w == "-m")
    {
        return args.get(at + 1).is_some_and(|module| {
            let module = module.to_ascii_lowercase();
            subcommand_gets(&module, &module, &args[at + 2..])
        });
    }
    let (groups, own) = match SUBCOMMAND_TOOLS.iter().find(|(tool, _, _)| *tool == file_name) {
        Some((_, groups, own)) => (*groups, *own),
        None if is_script_file(program) && !INTERPRETERS.contains(&file_name) => (&[][..], true),
        None => return false,
    };
    let is_word = |w: &str| ARGUMENT_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a));
    let mut in_group = false;
    let mut after_option = false;
    for word in args {
        if word.starts_with('-') {
            after_option = !word.contains('=');
            continue;
        }
        if (own || in_group) && is_word(word) {
            return true;
        }
        if !in_group && groups.contains(word) {
            in_group = true;
        } else if !after_option {
            // The subcommand was another word: what follows are its operands.
            return false;
        }
        after_option = false;
    }
    false
}

/// Interpreters whose first operand (before any option) is the script file
/// they run.
const INTERPRETERS: &[&str] = &["python", "python3", "py", "node", "ruby", "perl", "php"];

/// Options of `bash`/`sh` that take a value (`-o pipefail`, `-O extglob`).
const SHELL_VALUE_OPTIONS: &[&str] = &["-o", "+o", "-O", "+O"];

/// The index of the first operand in `args`, skipping options and the
/// values of those in `takes_value`.
fn first_operand(args: &[&str], takes_value: &[&str]) -> Option<usize> {
    let mut i = 0;
    while let Some(word) = args.get(i) {
        if word.starts_with('-') || (word.starts_with('+') && word.len() > 1) {
            if *word == "--" {
                return (i + 1 < args.len()).then_some(i + 1);
            }
            i += if takes_value.contains(word) { 2 } else { 1 };
        } else {
            return Some(i);
        }
    }
    None
}

/// One simple command's words (assignments skipped): does it install?
fn command_installs(words: &[&str], depth: u8) -> bool {
    let Some((&program, args)) = words.split_first() else {
        return false;
    };
    if PRINTS.contains(&program) {
        return false;
    }
    let file_name = shell_lex::program_name(program).to_ascii_lowercase();
    let file_name = file_name.as_str();
    if let Some((_, takes_value)) = WRAPPERS.iter().find(|(w, _)| *w == file_name) {
        let rest: Vec<&str> = match first_operand(args, takes_value) {
            Some(at) => args[at..]
                .iter()
                .copied()
                .skip_while(|w| file_name == "env" && shell_lex::is_assignment(w))
                .collect(),
            None => Vec::new(),
        };
        return command_installs(&rest, depth);
    }
    if SHELLS.contains(&file_name) {
        // `-c` alone or among combined flags (`-ec`): the first operand is
        // a script; without it, the first operand is the file to run.
        let Some(at) = first_operand(args, SHELL_VALUE_OPTIONS) else {
            return false;
        };
        let inline = args[..at]
            .iter()
            .any(|w| w.starts_with('-') && !w.starts_with("--") && w[1..].contains('c'));
        return if inline {
            depth < 2 && commands_install(args[at], depth + 1)
        } else {
            command_installs(&args[at..], depth)
        };
    }
    if matches!(file_name, "pwsh" | "pwsh.exe" | "powershell" | "powershell.exe") {
        // `-File x.ps1`, or a first argument that is no option (the file).
        let file = args
            .iter()
            .position(|w| w.eq_ignore_ascii_case("-File") || w.eq_ignore_ascii_case("-f"))
            .map(|at| at + 1)
            .or_else(|| args.first().filter(|w| !w.starts_with('-')).map(|_| 0));
        return file.is_some_and(|at| at < args.len() && command_installs(&args[at..], depth));
    }
    // The program's own name is read as words (`./ci/install-deps.sh`,
    // PowerShell's `Install-Module`, coreutils' `install`), and so is the
    // script file an interpreter runs (`python scripts/fetch_fixtures.py`);
    // its arguments must be the word itself.
    let script_file = INTERPRETERS
        .contains(&file_name)
        .then(|| args.first().filter(|w| !w.starts_with('-')))
        .flatten()
        .map(|w| shell_lex::program_name(w).to_ascii_lowercase());
    let gets = |name: &str| PROGRAM_WORDS.iter().any(|w| has_word(name, w));
    if gets(file_name)
        || script_file.as_deref().is_some_and(gets)
        || subcommand_gets(program, file_name, args)
        || args.contains(&"--installdeps")
        || FETCH_COMMANDS
            .iter()
            .any(|seq| words.windows(seq.len()).any(|w| w == *seq))
    {
        return true;
    }
    if let Some(runner) = TASK_RUNNERS.iter().find(|r| words.starts_with(r)) {
        return words[runner.len()..]
            .iter()
            .filter(|w| !w.starts_with('-') && !w.contains('='))
            .any(|target| has_word(&camel_words(target), "install"));
    }
    if matches!(file_name, "rscript" | "r") {
        // `Rscript -e 'install.packages("x")'`, `remotes::install_github`.
        return args
            .windows(2)
            .any(|w| w[0] == "-e" && has_word(&w[1].to_ascii_lowercase(), "install"));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::{NPM_INSTALL_SUCCEEDED, PULL_SUCCEEDED};
    use crate::classify::hit::Hit;

    fn finding(hit: Hit, line: u64, step: usize) -> Finding {
        Finding {
            hit,
            line,
            step: Some(step),
            evidence: Vec::new(),
            props: None,
            script_line: None,
            silent_minutes: None,
        }
    }

    fn step(name: &str, script: &str) -> StepState {
        StepState {
            number: None,
            name: name.to_string(),
            script: script.to_string(),
            header: String::new(),
            // The steps of these tests failed (they print the runner's
            // `##[error]` exit code line), unless a test says otherwise.
            errored: true,
        }
    }

    fn exit_code() -> Hit {
        Hit::new(Category::Unknown, 0.3, Strength::StepFailed, "exit 1")
    }

    fn missing_module() -> Hit {
        Hit::cause(Category::MissingDependency, 0.9, "no module")
    }

    fn missing_file() -> Hit {
        Hit::cause(Category::FileNotFound, 0.7, "no file")
    }

    #[test]
    fn a_plain_step_failure_does_not_hide_a_later_steps_own_cause() {
        // `npm audit` with continue-on-error fails, then pytest misses a module.
        let steps = [step("Run npm audit", "npm audit\n"), step("Run pytest", "pytest\n")];
        let findings = [finding(exit_code(), 5, 0), finding(missing_module(), 9, 1)];
        assert_eq!(mark_consequences(&findings, &steps), [false, false]);
    }

    #[test]
    fn install_commands_are_read_as_shell_words() {
        let runs = |script: &str| installs(&step(&format!("Run {}", script.lines().next().unwrap_or("")), script));
        for script in [
            "pip install -r requirements.txt\n",
            "python -m pip install --upgrade pip\n",
            "sudo apt-get -y install jq\n",
            "FOO=1 npm ci\n",
            "uv sync --frozen\n",
            "cd backend && go mod download\n",
            "bash -c \"pip install -e .\"\n",
            "./ci/install-deps.sh\n",
            "Install-Module Pester -Force\n",
            "echo start\npip install x\n",
            // A line the lexer cannot read does not hide the others.
            "echo \"unterminated\npip install x\n",
            // pipx installs the packages of a spec file.
            "pipx install-all spec.json\n",
            "gh release download v28.3 --pattern 'protoc-*.zip'\n",
            "cargo fetch --locked\n",
            // Wrappers run the command or the file that follows.
            "bash ci/install.sh\n",
            "sh ./scripts/install_deps.sh\n",
            "bash -e -o pipefail ci/install.sh\n",
            "sudo ./install.sh\n",
            "sudo -u runner -E ./install.sh\n",
            "source ./install.sh\n",
            ". ./install.sh\n",
            "env CI=1 ./install.sh\n",
            "time ./install.sh\n",
            "nice -n 10 ./install.sh\n",
            "xvfb-run -a ./install.sh\n",
            "pwsh ./install.ps1\n",
            "powershell -ExecutionPolicy Bypass -File install.ps1\n",
            "pwsh -File ./ci/install.ps1\n",
            // Task runners' targets are names.
            "make install-deps\n",
            "just install\n",
            "npm run install:deps\n",
            "yarn run installDeps\n",
            "pnpm run install-tools\n",
            // The tools' own spellings.
            "cpanm --installdeps .\n",
            "cpanm -n --installdeps .\n",
            "npm clean-install\n",
            "npm i -g typescript\n",
            "Rscript -e 'install.packages(\"x\")'\n",
            "Rscript -e 'remotes::install_github(\"o/r\")'\n",
            // A shell's `-c` among combined flags, behind a wrapper.
            "bash -ec \"pip install x\"\n",
            "bash --noprofile -c 'pip install x'\n",
            "sudo sh -c 'apt-get update && apt-get install -y jq'\n",
        ] {
            assert!(runs(script), "{script:?}");
        }
        // The near misses a substring would take.
        for script in [
            "pip uninstall -y x\n",
            "echo pip install x\n",
            "sudo echo pip install x\n",
            "bash -c 'echo pip install x'\n",
            "bash ci/test.sh --fast\n",
            "sh ./uninstall.sh\n",
            "sudo -u install ./run.sh\n",
            "make test\n",
            "make preinstall-check\n",
            "npm run reinstall\n",
            "Rscript -e 'testthat::test_dir(\"tests\")'\n",
            "echo \"run pip install x to fix\"\n",
            "printf '%s\\n' 'npm ci'\n",
            "# pip install x\npytest\n",
            "cat <<EOF > notes.txt\npip install x\nEOF\n",
            "./reinstall.sh\n",
            "npm cit\n",
            "cargo fetcher --all\n",
            "git commit -m 'uv sync'\n",
            "pytest tests/test_install_paths.py\n",
        ] {
            assert!(!runs(script), "{script:?}");
        }
        // A name the workflow gave is read as words; the runner's
        // `Run {first line}` is not a name of its own.
        assert!(installs(&step("Install dependencies", "make deps\n")));
        assert!(installs(&step("Run actions/setup-node@v4", "")));
        assert!(installs(&step("setupPython", "")));
        assert!(!installs(&step("Run pip uninstall -y x", "pip uninstall -y x\n")));
        // The text readers pass the first line without `Run `.
        assert!(!installs(&step("pip uninstall -y x", "pip uninstall -y x\n")));
        assert!(!installs(&step("echo setup done", "echo setup done\n")));
        assert!(installs(&step("Set up", "echo setup done\n")));
        assert!(!installs(&step("Check preinstall hooks", "make check\n")));
    }

    #[test]
    fn the_word_counts_only_in_the_tools_subcommand_position() {
        let runs = |script: &str| installs(&step(&format!("Run {}", script.lines().next().unwrap_or("")), script));
        for script in [
            // Options (and their values) before the subcommand.
            "apt-get -o Acquire::Retries=3 install -y jq\n",
            "npm --prefix web install\n",
            "pip3 --disable-pip-version-check download -d wheels -r requirements.txt\n",
            // A command group's own subcommand.
            "gh run download 123 --name dist\n",
            "git lfs fetch --all\n",
            "uv pip install -r requirements.txt\n",
            "dotnet tool install -g dotnet-format\n",
            // A module run by the interpreter, a repository script's first operand.
            "python3 -m pip download -d wheels x\n",
            "./ci/deps.sh install\n",
        ] {
            assert!(runs(script), "{script:?}");
        }
        for script in [
            // git fetch gets history into .git: no file, module or command a later step misses.
            "git fetch origin\n",
            "git fetch --depth 1 origin main\n",
            "git -C vendor fetch --tags\n",
            // The word as a file, a test selection or a later operand.
            "ls download\n",
            "rm -rf download/ fetch/\n",
            "mkdir -p download\n",
            "pytest -k download\n",
            "cp -r dist/ download\n",
            "npm test -- --grep fetch\n",
            "git checkout origin/main -- install\n",
            "./ci/run.sh tests install\n",
        ] {
            assert!(!runs(script), "{script:?}");
        }
        // So a failed `git fetch` does not explain a module missing later.
        let steps = [
            step("Run git fetch origin", "git fetch origin\n"),
            step("Run pytest", "pytest\n"),
        ];
        let findings = [finding(exit_code(), 5, 0), finding(missing_module(), 9, 1)];
        assert_eq!(mark_consequences(&findings, &steps), [false, false]);
    }

    #[test]
    fn the_runners_settings_are_not_the_script() {
        // The echo of a run step: script, then the runner's `shell:` and `env:`.
        let echo = "make test\nshell: /usr/bin/bash -e {0}\nenv:\n  HOMEBREW_NO_INSTALL_CLEANUP: 1\n";
        assert_eq!(runner_script(echo), "make test\n");
        assert!(!installs(&step("Run make test", echo)));
        // An env value with a lone quote does not send the lexer to reading
        // line by line, where a heredoc body would be read as commands.
        let echo = "cat <<EOF > notes.txt\npip install x\nEOF\nshell: /usr/bin/bash -e {0}\nenv:\n  MSG: it's\n";
        assert!(!installs(&step("Run cat <<EOF > notes.txt", echo)));
        // The web UI indents the same lines; an action step has settings only.
        assert_eq!(
            runner_script("  make test\n  shell: /usr/bin/bash -e {0}\n"),
            "  make test\n"
        );
        assert_eq!(runner_script("with:\n  command: install\n"), "");
        assert!(!installs(&step("Run some/action@v1", "with:\n  command: install\n")));
    }

    #[test]
    fn what_a_failed_install_leaves_behind_is_a_consequence() {
        let steps = [
            step("Install dependencies", "pip install -r requirements.txt\n"),
            step("Run pytest", "pytest\n"),
        ];
        let findings = [finding(exit_code(), 5, 0), finding(missing_module(), 9, 1)];
        assert_eq!(mark_consequences(&findings, &steps), [false, true]);
        let by_tool = [
            finding(Hit::install_failure("resolver"), 4, 0),
            finding(missing_module(), 9, 1),
        ];
        assert_eq!(mark_consequences(&by_tool, &steps), [false, true]);
    }

    #[test]
    fn a_file_missing_after_a_failed_step_is_a_consequence() {
        let steps = [step("Run tests", "make test\n"), step("Upload report", "")];
        let findings = [finding(exit_code(), 5, 0), finding(missing_file(), 9, 1)];
        assert_eq!(mark_consequences(&findings, &steps), [false, true]);
    }

    fn retried_limit() -> Hit {
        Hit::cause(Category::RateLimit, 0.85, "429")
            .with_subject(
                "PyPI",
                SubjectDetail::RateLimit {
                    service: RateLimitService::Pypi,
                    authenticated: None,
                },
            )
            .fixable(true)
            .weak()
    }

    fn job(steps: Vec<StepState>, findings: Vec<Finding>) -> JobState {
        JobState {
            steps,
            findings,
            ..JobState::default()
        }
    }

    #[test]
    fn a_retried_limit_explains_the_resolution_failure_that_follows_in_its_step() {
        let steps = vec![step("Run pip install x", "pip install x\n")];
        let findings = vec![
            finding(retried_limit(), 3, 0),
            finding(Hit::install_failure("no version"), 5, 0),
            finding(exit_code(), 6, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(
            (failures[0].category, failures[0].subject.as_deref()),
            (Category::RateLimit, Some("PyPI"))
        );
    }

    #[test]
    fn a_limit_the_step_reports_after_its_retries_leads() {
        // NuGet: retried 429s, then NU1301's heading and its own 429 line.
        let steps = vec![step("Run dotnet restore", "dotnet restore\n")];
        let mut reported = retried_limit();
        reported.strength = Strength::Specific;
        reported.message = "NuGet's own report".to_string();
        let findings = vec![
            finding(retried_limit(), 3, 0),
            finding(retried_limit(), 5, 0),
            finding(Hit::summary("NU1301"), 7, 0),
            finding(reported, 8, 0),
            finding(exit_code(), 10, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::RateLimit);
        assert_eq!(failures[0].message, "NuGet's own report");
    }

    #[test]
    fn a_reporting_step_is_told_by_whole_words() {
        let after_failure =
            |name: &str, script: &str| reports_after_failure(&[step("Run tests", "pytest\n"), step(name, script)], 1);
        assert!(after_failure("Notify Slack", ""));
        assert!(after_failure("Run rtCamp/action-slack-notify@v2", ""));
        assert!(after_failure("Send notifications", ""));
        assert!(after_failure(
            "Run gh issue create --title failed",
            "gh issue create --title failed\n"
        ));
        assert!(after_failure("Run ./ci/teardown.sh", "./ci/teardown.sh\n"));
        // The same letters inside other words.
        assert!(!after_failure("Build steams of assets", "make steams\n"));
        assert!(!after_failure(
            "Run python manage.py unnotify_users",
            "python manage.py unnotify_users\n"
        ));
        assert!(!after_failure("Run slackline tests", "pytest tests/slackline\n"));
        assert!(!after_failure("Run cleanupcheck", "cleanupcheck --all\n"));
        assert!(!after_failure("Test discordant pairs", "cargo test discordant\n"));
        assert!(has_word("notify_teams", "teams") && !has_word("msteams", "teams"));
        // camelCase: a lowercase letter before an uppercase one is a boundary.
        assert!(after_failure(
            "Run node scripts/notifySlack.js",
            "node scripts/notifySlack.js\n"
        ));
        assert!(after_failure(
            "Run ./gradlew sendSlackNotification",
            "./gradlew sendSlackNotification\n"
        ));
        assert!(!after_failure(
            "Run ./gradlew assembleRelease",
            "./gradlew assembleRelease\n"
        ));
    }

    #[test]
    fn the_attempt_after_nugets_retry_notice_is_weak() {
        // NuGet prints its notice, then the retried attempt's error on the
        // next line.
        let notice = || Hit {
            entry: NUGET_RETRY,
            ..Hit::notice("retry")
        };
        let limit = |message: &str| {
            let mut hit = retried_limit();
            hit.strength = Strength::Specific;
            hit.message = message.to_string();
            hit
        };
        let findings = vec![
            finding(notice(), 3, 0),
            finding(limit("attempt 1"), 4, 0),
            finding(notice(), 5, 0),
            finding(limit("attempt 2"), 6, 0),
            finding(exit_code(), 9, 0),
        ];
        let (kept, attempts) = drop_retried_attempts(findings);
        let strengths: Vec<(u64, Strength)> = kept.iter().map(|f| (f.line, f.hit.strength)).collect();
        assert_eq!(
            strengths,
            [(4, Strength::Weak), (6, Strength::Weak), (9, Strength::StepFailed)]
        );
        assert_eq!(attempts, [(Some(0), 3), (Some(0), 5)]);
        // An error two lines below the notice is not the retried attempt's.
        let (kept, _) = drop_retried_attempts(vec![finding(notice(), 3, 0), finding(limit("later"), 5, 0)]);
        assert_eq!(kept[0].hit.strength, Strength::Specific);
    }

    #[test]
    fn a_retried_limit_stays_weak_when_the_step_failed_on_something_else() {
        let steps = vec![step("Run tests", "cargo test\n")];
        let findings = vec![
            finding(retried_limit(), 3, 0),
            finding(Hit::blocker("tests failed"), 9, 0),
            finding(exit_code(), 10, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::Unknown);
        assert!(failures.iter().all(|f| f.category != Category::RateLimit));
        // In another step, a generic failure does not make it the cause either.
        let steps = vec![step("Restore cache", ""), step("Install", "pip install x\n")];
        let findings = vec![
            finding(retried_limit(), 3, 0),
            finding(Hit::install_failure("no version"), 9, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::Unknown);
    }

    #[test]
    fn what_a_passed_step_printed_is_not_the_cause() {
        let limit = || {
            Hit::cause(Category::RateLimit, 0.7, "codecov 429").with_subject(
                "a service",
                SubjectDetail::RateLimit {
                    service: RateLimitService::Other,
                    authenticated: None,
                },
            )
        };
        let passed = StepState {
            errored: false,
            ..step("Upload coverage", "")
        };
        let steps = vec![passed.clone(), step("Lint", "npx eslint .\n")];
        let findings = vec![
            finding(limit(), 3, 0),
            finding(Hit::blocker("eslint errors"), 9, 1),
            finding(exit_code(), 10, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::Unknown);
        assert!(failures.iter().all(|f| f.category != Category::RateLimit));
        // The last step seen keeps its findings: the log may end before its
        // marker.
        let failures = rank_job(job(vec![passed], vec![finding(limit(), 3, 0)]));
        assert_eq!(failures[0].category, Category::RateLimit);
    }

    #[test]
    fn strength_decides_before_position_in_both_directions() {
        let unexplained = || Hit::new(Category::Unknown, 0.2, Strength::Weak, "Error: webhook 400");
        // A specific cause, then a later step's unexplained error.
        let steps = vec![step("Run pytest", "pytest\n"), step("Notify", "./notify.sh\n")];
        let findings = vec![
            finding(missing_module(), 3, 0),
            finding(exit_code(), 4, 0),
            finding(unexplained(), 8, 1),
            finding(exit_code(), 9, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::MissingDependency);
        assert_eq!(failures.len(), 1, "generic lines are dropped once a cause is known");
        // An earlier unexplained error and plain failure, then a specific cause.
        let steps = vec![step("Run audit", "npm audit\n"), step("Run pytest", "pytest\n")];
        let findings = vec![
            finding(unexplained(), 3, 0),
            finding(exit_code(), 4, 0),
            finding(missing_module(), 8, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::MissingDependency);
        assert!(!failures[0].consequence);
    }

    fn assert_no_fixable_limit(failures: &[Failure]) {
        assert!(
            failures
                .iter()
                .all(|f| !(f.category == Category::RateLimit && f.fixable)),
            "{failures:?}"
        );
    }

    fn retry_action_notice() -> Hit {
        Hit {
            entry: RETRY_ACTION_ATTEMPT,
            ..Hit::new(Category::Unknown, 0.1, Strength::Weak, "retry")
        }
    }

    fn docker_hub_limit() -> Hit {
        Hit::cause(Category::RateLimit, 0.9, "toomanyrequests")
            .with_subject(
                "Docker Hub",
                SubjectDetail::RateLimit {
                    service: RateLimitService::DockerHub,
                    authenticated: Some(false),
                },
            )
            .fixable(true)
    }

    #[test]
    fn what_a_retry_action_ran_again_is_not_the_cause() {
        // nick-fields/retry: attempt 1 hits Docker Hub's limit (its output
        // ends well before the notice), attempt 2 succeeds, a later step's
        // tests fail.
        let steps = vec![
            step("Run nick-fields/retry@v3", ""),
            step("Run make test", "make test\n"),
        ];
        let findings = vec![
            finding(docker_hub_limit(), 3, 0),
            finding(retry_action_notice(), 12, 0),
            finding(Hit::blocker("tests failed"), 20, 1),
            finding(exit_code(), 22, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::Unknown);
        assert_no_fixable_limit(&failures);
        // When the last attempt fails too, its own limit has no notice after
        // it and stays the cause.
        let steps = vec![step("Run nick-fields/retry@v3", "")];
        let findings = vec![
            finding(docker_hub_limit(), 3, 0),
            finding(retry_action_notice(), 4, 0),
            finding(docker_hub_limit(), 20, 0),
            finding(exit_code(), 22, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::RateLimit);
        assert!(failures[0].fixable);
    }

    /// actions/checkout's retry helper prints an attempt's error, then
    /// `Waiting {n} seconds before trying again`: only the last attempt,
    /// with no notice after it, is the step's outcome.
    #[test]
    fn the_checkout_retry_helper_s_last_attempt_is_the_outcome() {
        let notice = || Hit {
            entry: TOOLKIT_RETRY,
            ..Hit::new(Category::Unknown, 0.1, Strength::Weak, "retry")
        };
        let steps = vec![step("Run actions/checkout@v4", "")];
        let findings = vec![
            finding(Hit::blocker("LFS quota, attempt 1"), 10, 0),
            finding(notice(), 13, 0),
            finding(Hit::blocker("LFS quota, attempt 2"), 16, 0),
            finding(notice(), 19, 0),
            finding(Hit::blocker("LFS quota, attempt 3"), 22, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert!(failures[0].message.contains("attempt 3"), "{}", failures[0].message);
    }

    /// `git submodule update` clones a failed submodule once more after
    /// `Retry scheduled`: the second attempt is the outcome.
    #[test]
    fn a_submodule_clone_git_retried_is_not_the_outcome() {
        let notice = Hit {
            entry: SUBMODULE_RETRY,
            ..Hit::notice("retry")
        };
        let steps = vec![step("Run actions/checkout@v4", "")];
        let findings = vec![
            finding(Hit::blocker("publickey, first clone"), 28, 0),
            finding(notice, 34, 0),
            finding(Hit::blocker("publickey, second clone"), 36, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert!(failures[0].message.contains("second clone"), "{}", failures[0].message);
    }

    /// When the clone git retried printed nothing an entry reads (a paste
    /// cut short), the first attempt's error is the only account left.
    #[test]
    fn a_retried_attempt_stands_when_the_retry_said_nothing() {
        let notice = Hit {
            entry: SUBMODULE_RETRY,
            ..Hit::notice("retry")
        };
        let steps = vec![step("Run actions/checkout@v4", "")];
        let findings = vec![
            finding(Hit::blocker("repository not found, first clone"), 10, 0),
            finding(notice, 13, 0),
            finding(exit_code(), 14, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert!(failures[0].message.contains("first clone"), "{}", failures[0].message);
    }

    fn success_of(entry: &'static str) -> Hit {
        Hit {
            entry,
            ..Hit::new(Category::Unknown, 0.1, Strength::Weak, "fetched")
        }
    }

    #[test]
    fn a_limit_the_step_got_past_is_not_the_cause() {
        // `docker pull x || docker pull x`, then the tests fail.
        let steps = vec![step("Run tests", "docker pull x || docker pull x\ngo test ./...\n")];
        let findings = vec![
            finding(docker_hub_limit(), 6, 0),
            finding(success_of(PULL_SUCCEEDED), 9, 0),
            finding(Hit::blocker("tests failed"), 11, 0),
            finding(exit_code(), 16, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::Unknown);
        assert!(failures.iter().all(|f| !f.fixable));
        // Another tool's success says nothing about Docker Hub, and a success
        // before the limit does not undo it.
        for (success, line) in [(NPM_INSTALL_SUCCEEDED, 9), (PULL_SUCCEEDED, 2)] {
            let steps = vec![step("Run pulls", "")];
            let findings = vec![
                finding(docker_hub_limit(), 6, 0),
                finding(success_of(success), line, 0),
                finding(exit_code(), 16, 0),
            ];
            let failures = rank_job(job(steps, findings));
            assert_eq!(failures[0].category, Category::RateLimit, "{success} at {line}");
            assert!(failures[0].fixable);
        }
    }

    #[test]
    fn across_jobs_a_bare_cancel_comes_after_another_jobs_own_failure() {
        let mut cancel = Hit::new(Category::Unknown, 0.4, Strength::Canceled, "canceled");
        cancel.detail = SubjectDetail::Canceled {
            elapsed_minutes: Some(0),
        };
        let canceled_leg = job(vec![step("Run pytest", "pytest\n")], vec![finding(cancel, 4, 0)]);
        let failed_leg = job(
            vec![step("Run pytest", "pytest\n")],
            vec![finding(missing_module(), 13, 0), finding(exit_code(), 17, 0)],
        );
        let failures = rank(vec![canceled_leg, failed_leg]);
        assert_eq!(failures[0].category, Category::MissingDependency);
        // Even a failed leg that only shows its exit code goes first.
        let mut cancel = Hit::new(Category::Unknown, 0.4, Strength::Canceled, "canceled");
        cancel.detail = SubjectDetail::Canceled {
            elapsed_minutes: Some(0),
        };
        let canceled_leg = job(vec![step("Run pytest", "pytest\n")], vec![finding(cancel, 4, 0)]);
        let failed_leg = job(vec![step("Run pytest", "pytest\n")], vec![finding(exit_code(), 17, 0)]);
        let failures = rank(vec![canceled_leg, failed_leg]);
        assert!(!matches!(failures[0].detail, SubjectDetail::Canceled { .. }));
    }

    #[test]
    fn a_step_that_reports_after_a_failure_is_not_the_cause() {
        // The smoke test fails with only its exit code; the notifier that
        // runs on failure misses its own module.
        let steps = vec![
            step("Smoke test preview", "./scripts/smoke.sh\n"),
            step("Notify Teams on failure", "python notify_teams.py\n"),
        ];
        let findings = vec![
            finding(exit_code(), 5, 0),
            finding(missing_module(), 9, 1),
            finding(exit_code(), 10, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(
            (failures[0].category, failures[0].consequence),
            (Category::Unknown, false)
        );
        let module = failures
            .iter()
            .find(|f| f.category == Category::MissingDependency)
            .expect("kept");
        assert!(module.consequence && !module.fixable);
        // With no failure before it, the notifier's own failure is the cause;
        // and a step that does not report keeps its own cause.
        for steps in [
            vec![
                StepState {
                    errored: false,
                    ..step("Build", "make\n")
                },
                step("Notify Teams on failure", "python notify_teams.py\n"),
            ],
            vec![step("Run audit", "npm audit\n"), step("Run pytest", "pytest\n")],
        ] {
            let findings = vec![finding(missing_module(), 9, 1), finding(exit_code(), 10, 1)];
            let failures = rank_job(job(steps, findings));
            assert_eq!(failures[0].category, Category::MissingDependency);
            assert!(!failures[0].consequence);
        }
    }

    #[test]
    fn what_a_limit_kept_from_being_fetched_is_a_consequence() {
        // `gh release download … || echo`, then `unzip` of the archive.
        let download = StepState {
            errored: false,
            ..step(
                "gh release download v1 --pattern 'x.zip' || echo failed",
                "gh release download v1\n",
            )
        };
        let steps = vec![download, step("unzip -o x.zip", "unzip -o x.zip\n")];
        let findings = vec![
            finding(docker_hub_limit(), 3, 0),
            finding(missing_file(), 9, 1),
            finding(exit_code(), 10, 1),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::RateLimit);
        let file = failures
            .iter()
            .find(|f| f.category == Category::FileNotFound)
            .expect("kept");
        assert!(file.consequence);
    }

    #[test]
    fn a_script_that_fetches_keeps_the_limit_it_logged_and_passed() {
        // A Python script logs the GitHub limit and exits 0; the next step
        // misses the file it should have fetched. A passed step that fetches
        // nothing stays weak (the rule above).
        let root_after = |script: &str, later: Hit| {
            let passed = StepState {
                errored: false,
                ..step(script, &format!("{script}\n"))
            };
            let steps = vec![passed, step("pytest -q", "pytest -q\n")];
            let findings = vec![
                finding(docker_hub_limit(), 3, 0),
                finding(later, 9, 1),
                finding(exit_code(), 10, 1),
            ];
            rank_job(job(steps, findings))
        };
        let fetch = "python scripts/fetch_fixtures.py";
        assert_eq!(root_after(fetch, missing_file())[0].category, Category::RateLimit);
        // A test failing on a file the code under test could not open: missing too.
        let test_on_file = Hit::blocker("a test could not open a file").reports_absence();
        assert_eq!(root_after(fetch, test_on_file)[0].category, Category::RateLimit);
        assert_eq!(
            root_after("python scripts/lint_docs.py", missing_file())[0].category,
            Category::FileNotFound
        );
        // The fetch passed and a test then failed on its own: nothing went missing, so the
        // limit the fetch logged (and recovered from) explains nothing and is no fixable cause.
        let failures = root_after(fetch, Hit::blocker("assert 4 == 5"));
        assert_eq!(failures[0].category, Category::Unknown);
        assert_no_fixable_limit(&failures);
    }

    #[test]
    fn a_limit_a_retry_got_past_is_not_promoted_by_the_next_attempts_failure() {
        // nick-fields/retry: attempt 1 stopped by a 429, attempt 2 by a
        // version that does not exist.
        let steps = vec![step("nick-fields/retry@v3", "")];
        let findings = vec![
            finding(retried_limit(), 3, 0),
            finding(retry_action_notice(), 6, 0),
            finding(Hit::install_failure("no matching version"), 9, 0),
            finding(exit_code(), 10, 0),
        ];
        let failures = rank_job(job(steps, findings));
        assert_eq!(failures[0].category, Category::Unknown);
        assert_no_fixable_limit(&failures);
    }

    fn blocker_of(entry: &'static str, message: &str) -> Hit {
        Hit {
            entry,
            ..Hit::blocker(message)
        }
    }

    #[test]
    fn a_blocker_the_step_went_on_after_is_not_its_failure() {
        // `gh pr merge --auto "$PR" || echo …` printed GraphQL's refusal, then
        // `npm test` failed: the script tolerated the first line.
        let steps = || {
            vec![step(
                "Run gh pr merge",
                "gh pr merge --auto \"$PR\" || echo no\nnpm test\n",
            )]
        };
        let findings = vec![
            finding(blocker_of("github_api/graphql-refused", "auto-merge refused"), 5, 0),
            finding(blocker_of("node/test-failed", "tests failed"), 12, 0),
            finding(exit_code(), 13, 0),
        ];
        let failures = rank_job(job(steps(), findings));
        assert_eq!(failures[0].message, "tests failed", "{failures:?}");
        assert!(
            failures.iter().all(|f| f.message != "auto-merge refused"),
            "{failures:?}"
        );
        // A later specific cause of another program outlives it too (the
        // Docker daemon's refusal under `docker … || true`, then `jq: command
        // not found`), but only when the fallback was on the blocker's own
        // program: `gh`'s fallback does not tolerate the daemon (review82 M3).
        let findings = || {
            vec![
                finding(blocker_of("docker_daemon/error-response", "network exists"), 5, 0),
                finding(
                    Hit {
                        entry: "shell/command-not-found",
                        ..Hit::cause(Category::MissingCommand, 0.9, "no jq")
                    },
                    9,
                    0,
                ),
            ]
        };
        let docker = vec![step(
            "Run docker network create ci",
            "docker network create ci || true\n./scripts/wait-for-db.sh\n",
        )];
        let failures = rank_job(job(docker, findings()));
        assert_eq!(failures[0].category, Category::MissingCommand, "{failures:?}");
        let failures = rank_job(job(steps(), findings()));
        assert_eq!(failures[0].message, "network exists", "{failures:?}");
    }

    #[test]
    fn a_blocker_stays_the_failure_when_nothing_stronger_of_another_program_follows_in_its_step() {
        let steps = || {
            vec![
                step("Run merge", "git merge origin/main || true\nnpm ci\n"),
                step("Run test", "npm test\n"),
            ]
        };
        let outcome = |findings: Vec<Finding>| rank_job(job(steps(), findings))[0].message.clone();
        // A script that lets nothing fail: the later line of another emitter
        // is the same command's report (cargo's `error: test failed` after a
        // test's panic).
        let strict = vec![step("Run cargo test", "cargo test --locked\n")];
        let findings = vec![
            finding(blocker_of("rust/panic", "a test panicked"), 5, 0),
            finding(blocker_of("cargo/test-failed", "cargo test failed"), 9, 0),
        ];
        assert_eq!(rank_job(job(strict, findings))[0].message, "a test panicked");
        // The same program's next line (git's `Automatic merge failed` under
        // its `CONFLICT`) is the same failure.
        assert_eq!(
            outcome(vec![
                finding(blocker_of("git/merge-refused", "conflict"), 5, 0),
                finding(blocker_of("git/merge-summary", "merge failed"), 6, 0),
            ]),
            "conflict"
        );
        // Only the exit code, an unexplained line or a warning after it.
        assert_eq!(
            outcome(vec![
                finding(blocker_of("git/merge-refused", "conflict"), 5, 0),
                finding(Hit::new(Category::Unknown, 0.2, Strength::Weak, "Error: x"), 7, 0),
                finding(exit_code(), 8, 0),
            ]),
            "conflict"
        );
        // A failure of a later step says nothing about this step's line.
        assert_eq!(
            outcome(vec![
                finding(blocker_of("git/merge-refused", "conflict"), 5, 0),
                finding(exit_code(), 6, 0),
                finding(blocker_of("node/test-failed", "tests failed"), 12, 1),
            ]),
            "conflict"
        );
        // A blocker no emitter owns (a `log-patterns` rule of the project)
        // is the project's word: kept.
        assert_eq!(
            outcome(vec![
                finding(blocker_of("custom", "custom"), 5, 0),
                finding(blocker_of("node/test-failed", "tests failed"), 12, 0),
            ]),
            "custom"
        );
    }

    #[test]
    fn a_cancel_after_a_failure_is_a_consequence() {
        let steps = [step("Run tests", "make test\n")];
        let cancel = Hit::new(Category::Unknown, 0.4, Strength::Canceled, "canceled");
        let findings = [finding(Hit::blocker("tests failed"), 3, 0), finding(cancel, 9, 0)];
        assert_eq!(mark_consequences(&findings, &steps), [false, true]);
    }
}
