//! Finding the job and step a failure belongs to, from what the log says:
//! a job id, `name:` or matrix display name, a step number or name, or a
//! byte offset the diagnosis already mapped.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_logs::events::named_after_script;

use crate::input::FailureInput;

/// The job the failure names; with no name, the job containing its offset,
/// or the only job that runs steps.
pub fn job<'w, 'a>(wf: &'w Workflow<'a>, failure: &FailureInput) -> Option<&'w Job<'a>> {
    if let Some(name) = failure.job.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // `unit / test`: job `test` of the workflow that job `unit` calls,
        // when this is a workflow others call (and names no such job).
        return job_by_name(wf, name).or_else(|| {
            let (_, callee) = autoheal_logs::mapping::called_job_name(name)?;
            wf.is_reusable().then(|| job_by_name(wf, callee)).flatten()
        });
    }
    if let Some(at) = failure.offset {
        if let Some(j) = wf
            .jobs
            .iter()
            .find(|j| j.entry.key.span.start <= at && at <= j.entry.value.span.end)
        {
            return Some(j);
        }
    }
    let mut runnable = wf.jobs.iter().filter(|j| !j.is_call());
    match (runnable.next(), runnable.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

fn job_by_name<'w, 'a>(wf: &'w Workflow<'a>, name: &str) -> Option<&'w Job<'a>> {
    let clean = |s: &str| {
        s.chars()
            .filter(|c| *c != '/' && *c != ':')
            .collect::<String>()
            .trim()
            .to_ascii_lowercase()
    };
    let base = strip_matrix_suffix(name);
    for candidate in [name, base] {
        let want = clean(candidate);
        if let Some(j) = wf.jobs.iter().find(|j| j.id == candidate) {
            return Some(j);
        }
        if let Some(j) = wf.jobs.iter().find(|j| j.name().is_some_and(|n| clean(n) == want)) {
            return Some(j);
        }
        if let Some(j) = wf.jobs.iter().find(|j| clean(j.id) == want) {
            return Some(j);
        }
    }
    // `name: Test on ${{ matrix.os }}` shows as `Test on ubuntu-latest`, and
    // only as a value the matrix lists: the one reading of how a run shows
    // a job, the diagnosis's. (A literal prefix alone matched `Test
    // coverage`, another workflow's job, and fixed this one.) The match
    // must say something and be the only one: `${{ inputs.label }}` shows
    // as any name, so two such jobs took every failure to the first, and
    // one took failures of jobs in other workflows.
    let mut shown = wf.jobs.iter().filter(|j| autoheal_logs::mapping::shows_as(j, name));
    match (shown.next(), shown.next()) {
        (Some(j), None)
            if j.name()
                .is_some_and(|n| autoheal_logs::mapping::template_constrains(j, n)) =>
        {
            Some(j)
        }
        _ => None,
    }
}

/// `test (ubuntu-latest, 3.12)` → `test`.
pub fn strip_matrix_suffix(name: &str) -> &str {
    match (name.rfind(" ("), name.ends_with(')')) {
        (Some(i), true) => &name[..i],
        _ => name,
    }
}

/// `test (ubuntu-latest, 3.12)` → `["ubuntu-latest", "3.12"]`.
pub fn matrix_values(name: &str) -> Vec<String> {
    match (name.rfind(" ("), name.ends_with(')')) {
        (Some(i), true) => name[i + 2..name.len() - 1]
            .split(", ")
            .map(|v| v.trim().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// The failing step: by offset, by name, then by log step number.
pub fn step<'j, 'a>(job: &'j Job<'a>, failure: &FailureInput) -> Option<&'j Step<'a>> {
    if let Some(at) = failure.offset {
        if let Some(s) = job
            .steps
            .iter()
            .find(|s| s.node.span.start <= at && at <= s.node.span.end)
        {
            return Some(s);
        }
    }
    let step_ref = failure.step.as_ref()?;
    if let Some(name) = step_ref.name.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        if let Some(s) = job
            .steps
            .iter()
            .find(|s| s.display_name() == name || s.name() == Some(name))
        {
            return Some(s);
        }
        // The log's group header is `Run <first line of run:>` or
        // `Run <uses>` (named steps too); text logs give what follows `Run `.
        let header = name.strip_prefix("Run ").unwrap_or(name).trim();
        let found = job.steps.iter().find(|s| {
            s.run()
                .and_then(|r| r.as_str())
                .is_some_and(|r| named_after_script(name, r))
                || s.uses() == Some(header)
        });
        if found.is_some() {
            return found;
        }
    }
    let number = step_ref.number? as usize;
    let setup_steps = 1 + usize::from(job.get("container").is_some() || job.get("services").is_some());
    let index = number.checked_sub(setup_steps + 1)?;
    job.steps.get(index)
}

/// The workflow a failure's job lives in when the given one only calls it:
/// the log shows a called job as `caller / callee` (`lint / schema`), and
/// when this workflow has no such job but its job `caller` runs a workflow
/// of this repository (`uses: ./.github/workflows/lint.yml`), the failing
/// step is in that file, read through `repo`. One level: a callee calling
/// further is fixed from its own caller.
pub(crate) fn called_workflow(
    failure: &FailureInput,
    workflow_path: &str,
    source: &str,
    repo: &dyn autoheal_engine::repo::RepoFiles,
) -> Option<(String, String)> {
    let name = failure.job.as_deref()?;
    let (caller, _) = autoheal_logs::mapping::called_job_name(name)?;
    let doc = autoheal_engine::yaml::parse(source.as_bytes());
    let wf = Workflow::new(doc.root.as_ref()?);
    if job(&wf, failure).is_some() {
        return None;
    }
    let caller = job(&wf, &failure.clone().in_job(caller))?;
    let path = local_callee(caller)?;
    if path == workflow_path || !(path.ends_with(".yml") || path.ends_with(".yaml")) {
        return None;
    }
    let text = repo.read(path)?.into_owned();
    Some((path.to_string(), text))
}

/// The repository path of the workflow a job calls with `uses: ./…`.
pub(crate) fn local_callee<'a>(job: &Job<'a>) -> Option<&'a str> {
    let uses = job.get("uses")?.as_str()?.trim();
    autoheal_engine::repo::relative_path(uses.strip_prefix("./")?)
}

/// A workflow file of the repository (`.github/workflows/*.yml`).
pub(crate) fn is_workflow_file(path: &str) -> bool {
    path.starts_with(".github/workflows/") && (path.ends_with(".yml") || path.ends_with(".yaml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::yaml::parse;

    use crate::input::Category;

    const SRC: &str = "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff .\n  test:\n    name: Test on ${{ matrix.os }}\n    runs-on: ${{ matrix.os }}\n    container: python:3.12\n    steps:\n      - uses: actions/checkout@v4\n      - name: Unit tests\n        run: |\n          pytest -q\n";

    #[test]
    fn jobs_are_found_by_id_name_and_matrix_display_name() {
        let doc = parse(SRC.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        let f = |j: &str| FailureInput::new(Category::Unknown, None).in_job(j);
        assert_eq!(job(&wf, &f("lint")).unwrap().id, "lint");
        assert_eq!(job(&wf, &f("Test on ubuntu-latest")).unwrap().id, "test");
        assert_eq!(job(&wf, &f("lint (3.12)")).unwrap().id, "lint");
        assert!(job(&wf, &f("deploy")).is_none());
        // The template's literal prefix alone is not the job: `Test on` with
        // a value no matrix of it lists (it has none) still matches, but
        // with the values listed, only those do.
        let listed = SRC.replace(
            "    container: python:3.12\n",
            "    container: python:3.12\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n",
        );
        let doc = parse(listed.as_bytes());
        let listed = Workflow::new(doc.root.as_ref().unwrap());
        assert_eq!(job(&listed, &f("Test on macos-latest")).unwrap().id, "test");
        assert!(job(&listed, &f("Test on coverage")).is_none());
        assert!(
            job(&wf, &FailureInput::new(Category::Unknown, None)).is_none(),
            "two jobs and no name"
        );
        assert_eq!(matrix_values("t (a, 3.12)"), ["a", "3.12"]);
    }

    #[test]
    fn a_name_template_finds_its_job_only_when_it_says_something_and_only_one_matches() {
        let f = |j: &str| FailureInput::new(Category::Unknown, None).in_job(j);
        let find = |src: &str, name: &str| {
            let doc = parse(src.as_bytes());
            let wf = Workflow::new(doc.root.as_ref().unwrap());
            job(&wf, &f(name)).map(|j| j.id.to_string())
        };
        // Names made only of expressions with unknown values show as
        // anything: neither job is `test-linux`'s.
        let unknown = "on: push
jobs:
  build:
    name: ${{ matrix.name }}
    strategy:
      matrix: ${{ fromJSON(needs.plan.outputs.legs) }}
    runs-on: ubuntu-latest
    steps:
      - run: make
  test:
    name: ${{ inputs.label }}
    runs-on: ubuntu-latest
    steps:
      - run: make test
";
        assert_eq!(find(unknown, "test-linux"), None);
        // One such job is not every job of every workflow either.
        let one = "on: push
jobs:
  build:
    name: ${{ inputs.label }}
    runs-on: ubuntu-latest
    steps:
      - run: make
";
        assert_eq!(find(one, "deploy"), None);
        // A literal part, or a listed matrix value, identifies the job.
        let listed = "on: push
jobs:
  test:
    name: Test ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
    runs-on: ${{ matrix.os }}
    steps:
      - run: make test
  build:
    name: ${{ inputs.label }}
    runs-on: ubuntu-latest
    steps:
      - run: make
";
        let only_listed = listed.split("  build:\n").next().unwrap();
        assert_eq!(find(only_listed, "Test ubuntu-latest").as_deref(), Some("test"));
        let by_value = only_listed.replace("name: Test ${{ matrix.os }}", "name: ${{ matrix.os }}");
        assert_eq!(find(&by_value, "macos-latest").as_deref(), Some("test"));
        assert_eq!(find(&by_value, "windows-latest"), None);
        // Two jobs that both show as the name: which one failed is unknown.
        assert_eq!(find(listed, "Test ubuntu-latest"), None);
        let twice = format!(
            "{only_listed}{}",
            only_listed
                .replace("on: push\njobs:\n", "")
                .replace("  test:", "  test2:")
        );
        assert_eq!(find(&twice, "Test ubuntu-latest"), None);
    }

    #[test]
    fn a_called_workflows_job_is_found_by_the_name_a_run_shows() {
        let callee = "on: workflow_call\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        let doc = parse(callee.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        let f = |j: &str| FailureInput::new(Category::Unknown, None).in_job(j);
        assert_eq!(job(&wf, &f("unit / test")).unwrap().id, "test");
        // Not in a workflow nobody can call: its `test` is another job.
        let caller = callee.replace("on: workflow_call", "on: push");
        let doc = parse(caller.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        assert!(job(&wf, &f("unit / test")).is_none());
    }

    #[test]
    fn steps_are_found_by_name_header_and_number_after_container_setup() {
        let doc = parse(SRC.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        let j = wf.job("test").unwrap();
        let base = FailureInput::new(Category::Unknown, None);
        assert_eq!(step(j, &base.clone().at_step_name("Unit tests")).unwrap().index, 1);
        assert_eq!(step(j, &base.clone().at_step_name("Run pytest -q")).unwrap().index, 1);
        assert_eq!(step(j, &base.clone().at_step_name("pytest -q")).unwrap().index, 1);
        assert_eq!(
            step(j, &base.clone().at_step_name("actions/checkout@v4"))
                .unwrap()
                .index,
            0
        );
        assert_eq!(
            step(j, &base.clone().at_step_name("Run actions/checkout@v4"))
                .unwrap()
                .index,
            0
        );
        assert_eq!(
            step(j, &base.clone().at_step_number(4)).unwrap().index,
            1,
            "set up job + initialize containers"
        );
        assert!(step(j, &base.clone().at_step_number(1)).is_none());
        assert!(step(j, &base.at_step_number(9)).is_none());
    }

    /// A failure of a called job (`lint / schema`) given with its caller's
    /// workflow is fixed in the callee the caller's job runs (found by fix
    /// shapes round 5: "cannot tell which job failed").
    #[test]
    fn a_called_jobs_failure_is_fixed_in_the_callee() {
        let caller = "on: push\njobs:\n  lint:\n    uses: ./.github/workflows/lint.yml\n  lint2:\n    uses: acme/ci/.github/workflows/lint.yml@v1\n";
        let callee = "on: workflow_call\njobs:\n  schema:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        let repo = crate::test_support::repo(&[(".github/workflows/lint.yml", callee)]);
        let failure = |job: &str| FailureInput::new(Category::MissingCommand, Some("make")).in_job(job);
        let found = called_workflow(&failure("lint / schema"), ".github/workflows/ci.yml", caller, &repo);
        assert_eq!(
            found,
            Some((".github/workflows/lint.yml".to_string(), callee.to_string()))
        );
        // Another repository's workflow, a job of this file, no such file: none.
        for job in ["lint2 / schema", "lint", "other / schema"] {
            assert_eq!(
                called_workflow(&failure(job), ".github/workflows/ci.yml", caller, &repo),
                None,
                "{job}"
            );
        }
        let empty = crate::test_support::repo(&[]);
        assert_eq!(
            called_workflow(&failure("lint / schema"), ".github/workflows/ci.yml", caller, &empty),
            None
        );
    }
}
