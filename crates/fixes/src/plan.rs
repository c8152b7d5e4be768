//! Several failures of one run, fixed together: their fixes merge when they
//! touch different bytes, and a conflict is reported rather than guessed.
//!
//! Missing Python modules are the exception: a run that misses several
//! gets one install for all of them (each module's fix is made on the text
//! the previous ones produced, so the second extends the first's `pip
//! install` instead of adding a second step), and a run that misses more
//! than [`MAX_MISSING_MODULES`] gets none: that is an environment never
//! installed, not a list of packages to add. No plan adds a second step
//! with the name of one already in the job.

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::model::Workflow;
use autoheal_engine::repo::{Overlay, RepoFiles};
use autoheal_engine::{Applicability, Edit, Fix, yaml};

use crate::{Category, FailureInput, Files, fixes_for};

/// The most missing modules one run's plan installs. Past it the failures
/// go to a person.
pub const MAX_MISSING_MODULES: usize = 5;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The fixes taken (the first verified fix of each failure that merges).
    pub fixes: Vec<Fix>,
    /// The edited files: path → new text.
    pub files: Files,
    /// Failures no fix was taken for, with the reason (manual fix needed,
    /// or a conflict with an earlier fix).
    pub skipped: Vec<(usize, String)>,
}

/// Fix each failure (root cause first, as diagnose orders them) and merge.
/// A plan is what `autoheal fix --write` and the heal loop apply without a
/// person choosing each fix, so it takes Safe and Unsafe fixes (heal's pull
/// request is reviewed; an Unsafe fix is sure to address the failure, its
/// unsafety is the change of behaviour itself: a longer limit, a job
/// allowed to fail, a retried fetch) and never a display-only one
/// ([`Applicability::DisplayOnly`]: a guess, such as a missing file's
/// rewrite onto a file that may not be the one the step wanted, which
/// `autoheal diagnose` lists for a person; a fallback, [`Fix::fallback`],
/// which hides the failure, has that level too).
pub fn plan(failures: &[FailureInput], workflow_path: &str, workflow_source: &str, repo: &dyn RepoFiles) -> Plan {
    let mut originals = Files::new();
    originals.insert(workflow_path.to_string(), workflow_source.to_string());
    let mut plan = Plan::default();
    let same_names_before = repeated_step_names(workflow_source);
    let (distinct, modules) = missing_modules(failures);
    let grouped = distinct > 1 && !modules.is_empty();
    let mut modules_fix = None;
    if grouped {
        modules_fix = Some(install_together(
            failures,
            distinct,
            &modules,
            workflow_path,
            workflow_source,
            repo,
            &mut plan,
        ));
    }
    for (i, failure) in failures.iter().enumerate() {
        let fix = if grouped && is_missing_module(failure) {
            // One combined install, which goes in with the first of them;
            // the others (and repeats of a module) are in it or skipped.
            match modules_fix
                .as_mut()
                .and_then(|(first, fix)| (*first == i).then(|| fix.take()).flatten())
            {
                Some(fix) => fix,
                None => continue,
            }
        } else {
            let outcome = fixes_for(failure, workflow_path, workflow_source, repo);
            let reason = match taken(&outcome.fixes) {
                Taken::Fix(fix) => Ok(fix.clone()),
                Taken::GuessOnly(guess) => Err(format!(
                    "only a doubtful fix exists (\"{}\", display-only): the file it points the step at may not be the \
                     one the step wanted; a display-only fix is for a person, never applied automatically (`autoheal \
                     diagnose` lists it)",
                    guess.title
                )),
                Taken::FallbackOnly(fallback) => Err(format!(
                    "only a fallback fix exists (\"{}\"), which hides the failure instead of repairing it; it is never \
                     applied automatically (see `autoheal diagnose` to apply it by hand)",
                    fallback.title
                )),
                Taken::Nothing => Err(outcome.manual_reason.clone().unwrap_or_else(|| "no fix".into())),
            };
            match reason {
                Ok(fix) => fix,
                Err(reason) => {
                    plan.skipped.push((i, reason));
                    continue;
                }
            }
        };
        if plan.fixes.contains(&fix) {
            continue;
        }
        for e in &fix.edits {
            if !originals.contains_key(&e.path) {
                if let Some(t) = repo.read(&e.path) {
                    originals.insert(e.path.clone(), t.into_owned());
                }
            }
        }
        let mut trial = plan.fixes.clone();
        trial.push(fix.clone());
        match apply_fixes(&originals, trial.iter()) {
            Ok(files) => {
                let workflow = files.get(workflow_path).map_or(workflow_source, String::as_str);
                if let Some(name) = repeated_step_names(workflow)
                    .into_iter()
                    .find(|n| !same_names_before.contains(n))
                {
                    plan.skipped.push((
                        i,
                        format!(
                            "\"{}\" would give job `{}` a second step named \"{}\"; merged by hand, or fixed on its own",
                            fix.title, name.0, name.1
                        ),
                    ));
                    continue;
                }
                plan.fixes = trial;
                plan.files = files;
            }
            Err(e) => plan
                .skipped
                .push((i, format!("\"{}\" conflicts with an earlier fix: {e}", fix.title))),
        }
    }
    plan
}

/// What a plan takes of one failure's verified fixes ([`taken`]).
#[derive(Clone, Copy, Debug)]
pub enum Taken<'a> {
    /// The first fix a plan may apply (Safe or Unsafe).
    Fix(&'a Fix),
    /// None: the first display-only fix that is no fallback (a guess),
    /// which a person sees instead.
    GuessOnly(&'a Fix),
    /// None, and no guess: the first fallback ([`Fix::fallback`]).
    FallbackOnly(&'a Fix),
    /// No fix at all.
    Nothing,
}

/// The one choice of a failure's fix that `fix --write`, the heal loop and
/// `cargo xtask eval fixes` make. A plan takes a fix by its level alone
/// (never by the failure's category, nor by what kind of fix it is): not a
/// display-only one, a guess or a fallback; the first in the generators'
/// order.
pub fn taken(fixes: &[Fix]) -> Taken<'_> {
    if let Some(fix) = fixes.iter().find(|f| f.applicability.applies_unattended(true)) {
        return Taken::Fix(fix);
    }
    if let Some(guess) = fixes
        .iter()
        .find(|f| !f.fallback && f.applicability == Applicability::DisplayOnly)
    {
        return Taken::GuessOnly(guess);
    }
    fixes
        .iter()
        .find(|f| f.fallback)
        .map_or(Taken::Nothing, Taken::FallbackOnly)
}

fn is_missing_module(f: &FailureInput) -> bool {
    f.category == Category::MissingDependency && f.fixable && !f.own_package
}

/// How many different modules the run misses (fixable or not), and the
/// fixable missing-module failures, one per module (its first report).
fn missing_modules(failures: &[FailureInput]) -> (usize, Vec<usize>) {
    let mut seen: Vec<&str> = Vec::new();
    let mut fixable = Vec::new();
    for (i, f) in failures.iter().enumerate() {
        if f.category != Category::MissingDependency || f.own_package {
            continue;
        }
        let key = f.module.as_deref().or(f.subject()).unwrap_or("");
        if !seen.contains(&key) {
            seen.push(key);
            if is_missing_module(f) {
                fixable.push(i);
            }
        }
    }
    (seen.len(), fixable)
}

/// One fix installing every missing module (each made on the text the ones
/// before it produced), as one edit per file from the original text; the
/// failures it does not cover are added to `plan.skipped`. Returns the index
/// of the failure the fix goes in with, and the fix.
fn install_together(
    failures: &[FailureInput],
    distinct: usize,
    modules: &[usize],
    workflow_path: &str,
    workflow_source: &str,
    repo: &dyn RepoFiles,
    plan: &mut Plan,
) -> (usize, Option<Fix>) {
    if distinct > MAX_MISSING_MODULES {
        for &i in modules {
            plan.skipped.push((
                i,
                format!(
                    "{distinct} different Python modules are missing in this run (autoheal installs up to \
                     {MAX_MISSING_MODULES} at once): the job's environment was likely never installed (a requirements \
                     file not installed, the wrong interpreter), which a person should look at rather than packages added \
                     one by one"
                ),
            ));
        }
        return (modules[0], None);
    }
    let same_names_before = repeated_step_names(workflow_source);
    let mut current = Files::new();
    current.insert(workflow_path.to_string(), workflow_source.to_string());
    let mut originals = current.clone();
    let mut made: Vec<Fix> = Vec::new();
    for &i in modules {
        let edited = Overlay {
            files: &current,
            base: repo,
        };
        let text = current.get(workflow_path).map_or(workflow_source, String::as_str);
        let outcome = fixes_for(&failures[i], workflow_path, text, &edited);
        let Taken::Fix(fix) = taken(&outcome.fixes) else {
            let reason = outcome.manual_reason.unwrap_or_else(|| "no fix".into());
            plan.skipped.push((i, reason));
            continue;
        };
        let fix = fix.clone();
        for e in &fix.edits {
            if !current.contains_key(&e.path) {
                if let Some(t) = repo.read(&e.path) {
                    current.insert(e.path.clone(), t.to_string());
                    originals.insert(e.path.clone(), t.into_owned());
                }
            }
        }
        let next = match apply_fixes(&current, [&fix]) {
            Ok(changed) => changed,
            Err(e) => {
                plan.skipped.push((i, format!("\"{}\" does not apply: {e}", fix.title)));
                continue;
            }
        };
        let workflow = next
            .get(workflow_path)
            .or(current.get(workflow_path))
            .map_or("", String::as_str);
        if repeated_step_names(workflow)
            .iter()
            .any(|n| !same_names_before.contains(n))
        {
            plan.skipped.push((
                i,
                format!(
                    "\"{}\" would add a second step of the same name; one install step at a time",
                    fix.title
                ),
            ));
            continue;
        }
        current.extend(next);
        made.push(fix);
    }
    let first = modules[0];
    if made.is_empty() {
        return (first, None);
    }
    let edits: Vec<Edit> = current
        .iter()
        .filter_map(|(path, new)| {
            let old = originals.get(path)?;
            (old != new).then(|| Edit::between(path, old, new))
        })
        .collect();
    let fix = match made.len() {
        1 => Fix {
            edits,
            ..made.remove(0)
        },
        n => {
            let steps: String = made.iter().map(|f| format!("\n- {}", f.title)).collect();
            let why: Vec<&str> = made.iter().map(|f| f.explanation.as_str()).collect();
            Fix::safe(format!("Install the {n} missing Python packages in one step"), edits).with_explanation(format!(
                "The run misses {n} modules; each is added to the same install, one after the other:{steps}\n\n{}",
                why.join("\n\n")
            ))
        }
    };
    (first, Some(fix))
}

/// (job id, step name) pairs that name more than one step of the job.
fn repeated_step_names(workflow: &str) -> Vec<(String, String)> {
    let doc = yaml::parse(workflow.as_bytes());
    let Some(root) = doc.root.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for job in &Workflow::new(root).jobs {
        let mut names: Vec<&str> = Vec::new();
        for step in &job.steps {
            let Some(name) = step.get("name").and_then(|n| n.as_str()) else {
                continue;
            };
            if names.contains(&name) && !out.iter().any(|(j, n): &(String, String)| j == job.id && n == name) {
                out.push((job.id.to_string(), name.to_string()));
            }
            names.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Category;
    use crate::test_support::PATH;
    use autoheal_engine::repo::NoRepo;

    const SRC: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - run: make test\n  arm:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - run: make test\n";

    fn timeout(job: &str, limit: u32) -> FailureInput {
        let mut f = FailureInput::new(Category::Timeout, None).in_job(job);
        f.timeout_minutes = Some(limit);
        f
    }

    /// One choice for the plan and the eval: a fix it may apply, before any
    /// guess or fallback, wherever it is listed; else a guess before a
    /// fallback.
    #[test]
    fn a_plan_takes_an_applicable_fix_and_otherwise_names_the_guess_or_fallback() {
        let fallback = Fix::fallback("guard", Vec::new());
        let guess = Fix::display_only("rewrite", Vec::new());
        let retry = Fix::unsafe_("retry", Vec::new());
        let all = [fallback.clone(), guess.clone(), retry];
        assert!(matches!(taken(&all), Taken::Fix(f) if f.title == "retry"));
        assert!(matches!(taken(&all[..2]), Taken::GuessOnly(f) if f.title == "rewrite"));
        assert!(matches!(taken(&[guess, fallback.clone()]), Taken::GuessOnly(_)));
        assert!(matches!(taken(&all[..1]), Taken::FallbackOnly(f) if f.title == "guard"));
        assert!(matches!(taken(&[]), Taken::Nothing));
    }

    #[test]
    fn fixes_to_different_jobs_merge() {
        let failures = [
            timeout("test", 20),
            FailureInput::new(Category::OptionalJob, None).in_job("arm"),
        ];
        let p = plan(&failures, PATH, SRC, &NoRepo);
        assert_eq!(p.fixes.len(), 2, "{:?}", p.skipped);
        let out = &p.files[PATH];
        assert!(
            out.contains("    timeout-minutes: 40\n")
                && out.contains("    runs-on: ubuntu-24.04-arm\n    continue-on-error: true\n"),
            "{out}"
        );
    }

    #[test]
    fn conflicting_fixes_are_reported_and_duplicates_dropped() {
        let failures = [timeout("test", 20), timeout("test", 20), timeout("test", 25)];
        let p = plan(&failures, PATH, SRC, &NoRepo);
        assert_eq!(p.fixes.len(), 1);
        assert_eq!(p.skipped.len(), 1);
        assert!(p.skipped[0].1.contains("conflicts"), "{:?}", p.skipped);
        assert!(p.files[PATH].contains("timeout-minutes: 40"));
    }

    const PY: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n      - name: Test\n        run: python -m pytest -q\n";

    fn missing(module: &str) -> FailureInput {
        FailureInput::new(Category::MissingDependency, Some(module))
            .in_job("test")
            .at_step_number(3)
    }

    #[test]
    fn several_missing_modules_get_one_install_step() {
        let failures = [missing("yaml"), missing("requests"), missing("yaml"), missing("numpy")];
        let p = plan(&failures, PATH, PY, &NoRepo);
        assert_eq!(p.fixes.len(), 1, "{:?}", p.skipped);
        let out = &p.files[PATH];
        assert_eq!(out.matches("- name: Install dependencies").count(), 1, "{out}");
        for dist in ["PyYAML", "requests", "numpy"] {
            assert!(out.contains(dist), "{dist} in {out}");
        }
        assert!(repeated_step_names(out).is_empty());
    }

    #[test]
    fn more_missing_modules_than_the_cap_get_no_fix() {
        let names: Vec<String> = (0..=MAX_MISSING_MODULES).map(|i| format!("mod{i}")).collect();
        let mut failures: Vec<FailureInput> = names.iter().map(|n| missing(n)).collect();
        // Not fixable ones count toward the cap too.
        failures[1].fixable = false;
        let p = plan(&failures, PATH, PY, &NoRepo);
        assert!(p.fixes.is_empty() && p.files.is_empty());
        assert_eq!(p.skipped.len(), failures.len());
        assert!(p.skipped[0].1.contains("never installed"), "{:?}", p.skipped);
    }
}
