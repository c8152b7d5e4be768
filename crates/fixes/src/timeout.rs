//! Fix type 2, `timeout`: raise `timeout-minutes` on the job (or the step)
//! that hit it: twice the limit, or twice the observed duration, capped at
//! the hosted runner's 360 minutes. At the cap there is no fix: a job that
//! ran for six hours is hung, and a bigger number does not fix a hang. Nor
//! is there one when the log's timestamps show the job printed nothing for
//! the last half of its limit (and at least [`SILENT_HANG_MINUTES`]): a job
//! that is slow keeps printing until it is stopped; one that went quiet
//! long before is waiting on something (a prompt, a deadlocked test, a
//! stuck network call), and a longer limit only delays the same failure.
//! A called workflow's limit that is one of its inputs is raised where its
//! caller passes it ([`caller_input`]).

mod caller_input;

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::rules::timeout::{HOSTED_LIMIT_MINUTES, timeout_fix};
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};

use crate::yaml_edit::set_entry;
use crate::{Candidate, Ctx, FailureInput, Generated, LimitScope, locate};

/// Read the limit the job hit from the workflow when the log did not say.
pub(crate) fn resolve(ctx: &Ctx<'_>) -> FailureInput {
    let mut f = ctx.failure.clone();
    if f.timeout_minutes.is_some() {
        return f;
    }
    let Some(root) = ctx.doc.root.as_ref() else { return f };
    let wf = Workflow::new(root);
    let Some(job) = locate::job(&wf, &f) else { return f };
    let step_limit = locate::step(job, &f)
        .and_then(|s| s.get("timeout-minutes"))
        .and_then(minutes);
    let job_limit = job.get("timeout-minutes").and_then(minutes);
    f.timeout_minutes = Some(step_limit.or(job_limit).unwrap_or(HOSTED_LIMIT_MINUTES));
    f
}

fn minutes(n: &Node) -> Option<u32> {
    n.as_number()
        .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 1e6)
        .map(|v| v.ceil() as u32)
}

/// The step whose own limit the runner says stopped it (`The action '…' has
/// timed out after N minutes`). Its `timeout-minutes` must be the N the run
/// had: a step without one, or with another, means the workflow changed
/// since the run (or the log is another workflow's), and raising the job's
/// limit instead would add one where GitHub's 360 minutes applied.
fn step_that_hit<'j, 'a>(job: &'j Job<'a>, failure: &FailureInput, limit: u32) -> Result<&'j Step<'a>, String> {
    let step = locate::step(job, failure).ok_or_else(|| {
        format!(
            "the runner says a step's {limit}-minute limit stopped job `{}`, but no step of it matches the log",
            job.id
        )
    })?;
    let what = format!("step \"{}\" of job `{}`", step.display_name(), job.id);
    match step.get("timeout-minutes") {
        Some(v) if v.is_expression() => Ok(step),
        Some(v) if minutes(v) == Some(limit) => Ok(step),
        Some(v) => Err(format!(
            "the runner says {what} hit a {limit}-minute limit, but its `timeout-minutes` is now {}: the workflow changed \
             since that run, so no fix is made (see whether the next run still times out)",
            minutes(v).map_or_else(|| "not a number".to_string(), |m| m.to_string())
        )),
        None => Err(format!(
            "the runner says {what} hit a {limit}-minute limit, but the step sets no `timeout-minutes`: the workflow \
             changed since that run, or the log is another workflow's, so no fix is made"
        )),
    }
}

/// Checks that the job's limit is the one the runner says stopped it (`The
/// job running on runner … has exceeded the maximum execution time of N
/// minutes`): its `timeout-minutes`, or GitHub's 360-minute default when it
/// sets none. Another value means the workflow changed since the run (or
/// the log is another workflow's): raising it would answer a limit the job
/// no longer has. A step's own limit is never the one a job message names.
fn job_that_hit(job: &Job<'_>, limit: u32) -> Result<(), String> {
    let written = match job.get("timeout-minutes") {
        Some(v) if v.is_expression() => return Ok(()),
        Some(v) => minutes(v),
        None => Some(HOSTED_LIMIT_MINUTES),
    };
    if written == Some(limit) {
        return Ok(());
    }
    let now = match (job.get("timeout-minutes"), written) {
        (None, _) => format!("sets no `timeout-minutes` (GitHub's default of {HOSTED_LIMIT_MINUTES} minutes applies)"),
        (Some(_), Some(m)) => format!("has `timeout-minutes: {m}`"),
        (Some(_), None) => "has a `timeout-minutes` that is not a number".to_string(),
    };
    Err(format!(
        "the runner says job `{}` hit a {limit}-minute limit, but it now {now}: the workflow changed since that run, or the \
         log is another workflow's, so no fix is made (see whether the next run still times out)",
        job.id
    ))
}

/// Minutes of silence before a time limit that, when they are also half the
/// limit or more, mark a hang rather than a slow job.
const SILENT_HANG_MINUTES: u32 = 10;

/// The limit the run hit and the one to raise it to (twice the limit or the
/// observed duration, at most GitHub's maximum), or why there is none: the
/// maximum itself, or a job that went quiet long before its limit.
fn limit_and_target(ctx: &Ctx<'_>, what: &str) -> Result<(u32, u32), String> {
    let limit = ctx.failure.timeout_minutes.unwrap_or(HOSTED_LIMIT_MINUTES);
    if limit >= HOSTED_LIMIT_MINUTES {
        return Err(format!(
            "{what} ran into GitHub's {HOSTED_LIMIT_MINUTES}-minute maximum; a job that runs that long is usually hung, and no larger \
             timeout is allowed. It needs a manual fix: find what hangs"
        ));
    }
    if let Some(silent) = ctx.failure.silent_minutes
        && silent >= SILENT_HANG_MINUTES
        && silent * 2 >= limit
    {
        return Err(format!(
            "{what} printed nothing for the last {silent} minutes before its {limit}-minute limit stopped it: something \
             hangs (a prompt waiting for input, a deadlocked or stuck test, a network call with no timeout), and a larger \
             `timeout-minutes` would only make the same failure take longer. It needs a manual fix: find what the last \
             step was waiting for"
        ));
    }
    let observed = ctx.failure.observed_minutes.unwrap_or(0);
    Ok((limit, (limit.max(observed).max(1) * 2).min(HOSTED_LIMIT_MINUTES)))
}

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let Some(job) = locate::job(&wf, ctx.failure) else {
        // `unit / test` with this file the caller: the called job's limit
        // may be an input this file passes.
        let shown = ctx.failure.job.as_deref().unwrap_or("this job");
        let (limit, target) = limit_and_target(ctx, &format!("job `{shown}`"))?;
        return caller_input::from_caller(ctx, &wf, limit, target);
    };
    if job.is_call() {
        return Err(format!(
            "job `{}` calls a reusable workflow, which cannot set `timeout-minutes` here; raise it on the called workflow's jobs",
            job.id
        ));
    }
    let (limit, target) = limit_and_target(ctx, &format!("job `{}`", job.id))?;
    let observed = ctx.failure.observed_minutes.unwrap_or(0);
    let basis = if observed > limit {
        format!("twice the observed {observed} minutes")
    } else {
        format!("twice the limit of {limit}")
    };
    let step = match ctx.failure.limit_scope {
        LimitScope::Step => Some(step_that_hit(job, ctx.failure, limit)?),
        LimitScope::Job => {
            job_that_hit(job, limit)?;
            None
        }
        LimitScope::Unknown => {
            locate::step(job, ctx.failure).filter(|s| s.get("timeout-minutes").and_then(minutes) == Some(limit))
        }
    };
    let (node, what) = match step {
        Some(s) => (s.node, format!("step \"{}\" of job `{}`", s.display_name(), job.id)),
        None => (job.node(), format!("job `{}`", job.id)),
    };
    match node.get("timeout-minutes") {
        Some(v) if v.is_expression() => {
            // A called workflow's `${{ inputs.x }}`: its caller's `with: x:`.
            if let Some(input) = caller_input::input_name(v).filter(|_| wf.is_reusable()) {
                return caller_input::from_callee(ctx, input, limit, target);
            }
            return Err(format!(
                "{what} computes `timeout-minutes` with an expression; raise its input"
            ));
        }
        Some(v) if minutes(v).is_some_and(|m| m >= target) => {
            return Err(format!(
                "{what} already allows {} minutes",
                minutes(v).unwrap_or(target)
            ));
        }
        _ => {}
    }
    let edits: Vec<Edit> = match step {
        Some(s) => {
            let after = s.node.entry("name").or_else(|| s.node.entry("id"));
            vec![
                set_entry(
                    ctx.path,
                    ctx.source,
                    s.node,
                    after,
                    "timeout-minutes",
                    &target.to_string(),
                )
                .ok_or("cannot edit the step")?,
            ]
        }
        None => {
            timeout_fix(ctx.path, ctx.source, job, target)
                .ok_or("cannot edit the job's `timeout-minutes`")?
                .edits
        }
    };
    let fix = Fix::unsafe_(format!("Raise `timeout-minutes` to {target} on {what}"), edits).with_explanation(format!(
        "{what} was cancelled when it reached its {limit}-minute `timeout-minutes`. This raises the limit to {target} minutes \
         ({basis}, at most GitHub's {HOSTED_LIMIT_MINUTES}-minute maximum). Before merging, compare with the job's usual duration: \
         if it normally finishes well within {limit} minutes, something is hanging (a prompt waiting for input, a stuck network \
         call, a deadlocked test), and a longer timeout only delays the failure.",
        what = crate::capitalize(&what)
    ));
    let (path, job_id, step_index) = (ctx.path.to_string(), job.id.to_string(), step.map(|s| s.index));
    let intent = move |files: &crate::Files| -> Result<(), String> {
        let text = files.get(&path).ok_or("workflow missing")?;
        let doc = yaml::parse(text.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        let node = match step_index {
            Some(i) => job.steps.get(i).ok_or("step gone")?.node,
            None => job.node(),
        };
        match node.get("timeout-minutes").and_then(minutes) {
            Some(m) if m == target => Ok(()),
            other => Err(format!("timeout-minutes is {other:?}, expected {target}")),
        }
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::{Category, FailureInput, Files, LimitScope};
    use autoheal_engine::repo::RepoFiles;

    const MATRIX: &str = "\
name: CI
on: [push]   # every push

jobs:
  # Unit tests on every OS.
  test:
    name: Test (${{ matrix.os }})
    runs-on: ${{ matrix.os }}
    timeout-minutes: 30 # usually 12
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
    steps:
      - uses: actions/checkout@v4
      - run: make test
";

    fn timeout(job: &str, limit: Option<u32>) -> FailureInput {
        let mut f = FailureInput::new(Category::Timeout, None).in_job(job);
        f.timeout_minutes = limit;
        f
    }

    #[test]
    fn doubles_the_job_limit_in_a_matrix_job_keeping_the_comment() {
        let out = apply_only(&timeout("Test (ubuntu-latest)", Some(30)), MATRIX);
        assert_eq!(
            out,
            MATRIX.replace("timeout-minutes: 30 # usually 12", "timeout-minutes: 60 # usually 12")
        );
        // The limit is read from the workflow when the log did not give it.
        assert_eq!(apply_only(&timeout("test", None), MATRIX), out);
    }

    #[test]
    fn uses_twice_the_observed_duration_and_caps_at_360() {
        let mut f = timeout("test", Some(30));
        f.observed_minutes = Some(200);
        let out = apply_only(&f, MATRIX);
        assert!(out.contains("    timeout-minutes: 360 # usually 12\n"), "{out}");
    }

    #[test]
    fn adds_the_key_where_missing_in_crlf_and_anchor_files() {
        let src = "on: push\r\njobs:\r\n  build:\r\n    runs-on: &os ubuntu-latest\r\n    steps:\r\n      - run: make\r\n  docs:\r\n    runs-on: *os\r\n    steps:\r\n      - run: make docs\r\n";
        let out = apply_only(&timeout("docs", Some(20)), src);
        assert_eq!(
            out,
            src.replace(
                "    runs-on: *os\r\n",
                "    runs-on: *os\r\n    timeout-minutes: 40\r\n"
            )
        );
    }

    /// A limit shared through an anchor is raised where it is written, from
    /// either job (an alias's span is its anchor's), and the fix says which
    /// other jobs share it.
    #[test]
    fn a_limit_an_alias_copies_is_raised_at_its_anchor_and_said_so() {
        let src = "on: push\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    timeout-minutes: &limit 30\n    steps:\n      - run: make test\n  lint:\n    runs-on: ubuntu-latest\n    timeout-minutes: *limit\n    steps:\n      - run: make lint\n";
        for job in ["unit", "lint"] {
            let out = outcome(&timeout(job, Some(30)), src);
            let fix = out
                .fixes
                .first()
                .unwrap_or_else(|| panic!("{job}: {:?}", out.manual_reason));
            assert!(
                fix.explanation
                    .ends_with("shared through a YAML anchor (line 5) and copied at line 10 (`*limit`): the change applies there too."),
                "{job}: {}",
                fix.explanation
            );
            assert_eq!(
                apply_only(&timeout(job, Some(30)), src),
                src.replace("&limit 30", "&limit 60")
            );
        }
    }

    /// A job that printed nothing for the last half of its limit hangs: no
    /// larger limit. A shorter silence, or one that is a small part of a
    /// long limit, is a slow job, which gets the fix.
    #[test]
    fn a_job_that_went_quiet_long_before_its_limit_gets_no_larger_one() {
        let silent = |minutes: u32, limit: u32| {
            let mut f = timeout("test", Some(limit));
            f.silent_minutes = Some(minutes);
            f
        };
        let why = manual_reason(&silent(25, 30), MATRIX);
        assert!(
            why.contains("printed nothing for the last 25 minutes") && why.contains("hangs"),
            "{why}"
        );
        assert!(manual_reason(&silent(15, 30), MATRIX).contains("hangs"));
        let out = apply_only(&silent(5, 30), MATRIX);
        assert!(out.contains("timeout-minutes: 60 # usually 12"), "{out}");
        let out = apply_only(&silent(12, 90), &MATRIX.replace(": 30 #", ": 90 #"));
        assert!(out.contains("timeout-minutes: 180 # usually 12"), "{out}");
        // A few silent minutes of a short limit are not a hang either.
        let out = apply_only(&silent(9, 10), &MATRIX.replace(": 30 #", ": 10 #"));
        assert!(out.contains("timeout-minutes: 20 # usually 12"), "{out}");
    }

    #[test]
    fn raises_a_step_timeout_when_the_step_hit_it() {
        let src = "on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    timeout-minutes: 90\n    steps:\n      - uses: actions/checkout@v4\n      - name: Browser tests\n        timeout-minutes: 15\n        run: npm run e2e\n";
        let f = timeout("e2e", Some(15)).at_step_name("Browser tests");
        let out = apply_only(&f, src);
        assert!(
            out.contains("        timeout-minutes: 30\n") && out.contains("    timeout-minutes: 90\n"),
            "{out}"
        );
    }

    #[test]
    fn at_the_cap_or_on_a_reusable_call_it_needs_a_manual_fix() {
        let no = manual_reason(&timeout("test", Some(360)), MATRIX);
        assert!(no.contains("needs a manual fix"), "{no}");
        let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        assert!(
            manual_reason(&timeout("build", None), src).contains("360"),
            "no timeout-minutes means 360"
        );
        let caller = "on: push\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n    secrets: inherit\n";
        assert!(manual_reason(&timeout("call", Some(30)), caller).contains("reusable"));
    }

    fn scoped(job: &str, limit: u32, scope: LimitScope) -> FailureInput {
        let mut f = timeout(job, Some(limit));
        f.limit_scope = scope;
        f
    }

    /// The runner's job message names the job's limit: a step with the same
    /// number is not the one that stopped it (the job's clock counts every
    /// step before it too).
    #[test]
    fn a_job_message_raises_the_job_even_when_a_step_has_the_same_limit() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - run: make build\n      - name: Integration\n        timeout-minutes: 30\n        run: make integration\n";
        let f = scoped("test", 30, LimitScope::Job).at_step_name("Integration");
        assert_eq!(
            apply_only(&f, src),
            src.replacen("    timeout-minutes: 30\n", "    timeout-minutes: 60\n", 1)
        );
    }

    /// A limit the workflow no longer has: the log is from an older version
    /// (or another workflow), and nothing is raised, least of all a job limit
    /// added below GitHub's 360-minute default.
    #[test]
    fn a_limit_the_workflow_no_longer_has_gets_no_fix() {
        let step_src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Integration\n        timeout-minutes: 15\n        run: make integration\n";
        let step = scoped("test", 10, LimitScope::Step).at_step_name("Integration");
        assert!(manual_reason(&step, step_src).contains("is now 15"));
        let no_limit = step_src.replace("        timeout-minutes: 15\n", "");
        assert!(manual_reason(&step, &no_limit).contains("sets no `timeout-minutes`"));
        let named_elsewhere = scoped("test", 10, LimitScope::Step).at_step_name("Deploy");
        assert!(manual_reason(&named_elsewhere, step_src).contains("no step of it matches"));
        let job_src = MATRIX.replace("timeout-minutes: 30 # usually 12", "timeout-minutes: 45");
        assert!(
            manual_reason(&scoped("test", 30, LimitScope::Job), &job_src).contains("now has `timeout-minutes: 45`")
        );
        let default = MATRIX.replace("    timeout-minutes: 30 # usually 12\n", "");
        assert!(manual_reason(&scoped("test", 30, LimitScope::Job), &default).contains("default of 360"));
        // The step's own limit, as the log says it, is raised.
        let hit = scoped("test", 15, LimitScope::Step).at_step_name("Integration");
        assert!(apply_only(&hit, step_src).contains("        timeout-minutes: 30\n"));
    }

    const TEST_YML: &str = ".github/workflows/test.yml";
    const CALLER: &str = "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      suite: unit\n      timeout: 30 # minutes\n";
    const CALLEE: &str = "on:\n  workflow_call:\n    inputs:\n      suite:\n        type: string\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    steps:\n      - name: Tests\n        run: make test\n";

    /// The fix `fixes_for` offers first on `path`, applied: the changed files.
    fn fixed(f: &FailureInput, path: &str, src: &str, repo: &dyn RepoFiles) -> Result<Files, String> {
        let out = crate::fixes_for(f, path, src, repo);
        let fix = out
            .fixes
            .first()
            .ok_or_else(|| out.manual_reason.clone().unwrap_or_default())?;
        let mut files = Files::new();
        files.insert(path.to_string(), src.to_string());
        for e in &fix.edits {
            if let Some(t) = repo.read(&e.path) {
                files.entry(e.path.clone()).or_insert_with(|| t.into_owned());
            }
        }
        Ok(autoheal_engine::fix::apply_fixes(&files, [fix]).expect("applies"))
    }

    /// A called job's limit is `${{ inputs.timeout }}` and its caller, in
    /// this repository, passes a literal: that literal is what to raise,
    /// whether the caller (`--workflow`) or the callee is the file being fixed.
    #[test]
    fn a_callees_input_limit_is_raised_at_the_callers_literal() {
        let f = scoped("unit / test", 30, LimitScope::Job);
        let want = CALLER.replace("timeout: 30 # minutes", "timeout: 60 # minutes");
        let both = repo(&[(PATH, CALLER), (TEST_YML, CALLEE)]);
        let from_caller = fixed(&f, PATH, CALLER, &both).expect("a fix from the caller");
        assert_eq!(from_caller.get(PATH).map(String::as_str), Some(want.as_str()));
        assert_eq!(from_caller.len(), 1, "only the caller changes");
        let from_callee = fixed(&f, TEST_YML, CALLEE, &both).expect("a fix from the callee");
        assert_eq!(from_callee.get(PATH).map(String::as_str), Some(want.as_str()));
        assert_eq!(from_callee.len(), 1, "only the caller changes");
        // A step's own limit from an input, the runner's step message.
        let step_callee = CALLEE
            .replace("    timeout-minutes: ${{ inputs.timeout }}\n", "")
            .replace(
                "        run: make test\n",
                "        timeout-minutes: ${{ inputs.timeout }}\n        run: make test\n",
            );
        let step = scoped("unit / test", 30, LimitScope::Step).at_step_name("Tests");
        let out = fixed(&step, PATH, CALLER, &repo(&[(TEST_YML, &step_callee)])).expect("a step fix");
        assert_eq!(out.get(PATH).map(String::as_str), Some(want.as_str()));
        // Never above GitHub's maximum.
        let long = CALLER.replace("timeout: 30", "timeout: 200");
        let f200 = scoped("unit / test", 200, LimitScope::Job);
        let out = fixed(&f200, PATH, &long, &repo(&[(TEST_YML, CALLEE)])).expect("capped");
        assert!(out[PATH].contains("timeout: 360 # minutes"), "{}", out[PATH]);
    }

    #[test]
    fn a_callees_input_limit_is_not_raised_where_the_caller_does_not_write_it() {
        let f = scoped("unit / test", 30, LimitScope::Job);
        let refused = |caller: &str| {
            let both = repo(&[(PATH, caller), (TEST_YML, CALLEE)]);
            let a = fixed(&f, PATH, caller, &both).expect_err("no fix from the caller");
            let b = fixed(&f, TEST_YML, CALLEE, &both).expect_err("no fix from the callee");
            (a, b)
        };
        // From the caller's matrix: each leg its own value.
        let matrix = "on: push\njobs:\n  unit:\n    strategy:\n      matrix:\n        t: [30, 90]\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: ${{ matrix.t }}\n";
        let (a, _) = refused(matrix);
        assert!(a.contains("expression"), "{a}");
        // Not passed: the input's default, which every caller shares.
        let (a, b) = refused("on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n");
        assert!(a.contains("default"), "{a}");
        assert!(b.contains("default"), "{b}");
        // Another number than the run had: the workflow changed since.
        let (a, b) = refused(&CALLER.replace("timeout: 30", "timeout: 45"));
        assert!(a.contains("45"), "{a}");
        assert!(b.contains("45"), "{b}");
        // Two callers shown as `unit`: which one ran is unknown.
        let twice = format!(
            "{CALLER}  other:\n    name: unit\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: 30\n"
        );
        let (a, b) = refused(&twice);
        assert!(a.contains("timed out") || a.contains("more than one"), "{a}");
        assert!(b.contains("more than one"), "{b}");
        // Without a listing the callee cannot find its caller.
        let unlisted = repo(&[(PATH, CALLER), (TEST_YML, CALLEE)]).with_unknown_listing();
        assert!(fixed(&f, TEST_YML, CALLEE, &unlisted).is_err());
    }

    #[test]
    fn already_raised_is_not_raised_again() {
        let raised = MATRIX.replace("timeout-minutes: 30", "timeout-minutes: 60");
        assert!(manual_reason(&timeout("test", Some(30)), &raised).contains("already allows 60"));
    }
}
