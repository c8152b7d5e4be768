//! The Python a job sets up, when it is one literal version a fix may raise:
//! what decides whether a module of a newer standard library (`tomllib`
//! before 3.11) is fixed by the workflow. Mapping confirms the failure with
//! it, and the `missing_dependency` fix edits the same node.

use autoheal_engine::model::{Job, Step};
use autoheal_engine::yaml::{Node, ScalarStyle};

use crate::report::PythonVersion;

/// The job's one `actions/setup-python` step (at or before the failing
/// step) and its literal `python-version`.
pub struct PythonPin<'j, 'a> {
    pub step: &'j Step<'a>,
    /// The `python-version` value.
    pub node: &'a Node,
    pub version: PythonVersion,
}

/// The Python the job pins, or why there is no single literal version to
/// raise (no setup step, several, a version file, a list, a matrix value).
pub fn python_pin<'j, 'a>(job: &'j Job<'a>, upto: Option<usize>) -> Result<PythonPin<'j, 'a>, String> {
    let end = upto.map_or(job.steps.len(), |i| (i + 1).min(job.steps.len()));
    let setups: Vec<&Step<'_>> = job.steps[..end]
        .iter()
        .filter(|s| autoheal_engine::rules::audit::uses_action(s.node, "actions/setup-python"))
        .collect();
    let step = match setups.as_slice() {
        [] => {
            return Err(
                "the job does not set up Python with `actions/setup-python`, so its Python comes from the runner image \
                 or a container"
                    .into(),
            );
        }
        [one] => *one,
        _ => return Err("the job sets up Python in more than one step".into()),
    };
    let with = step.get("with");
    if with.and_then(|w| w.get("python-version-file")).is_some() {
        return Err("the job takes its Python version from a file (`python-version-file`)".into());
    }
    let node = with
        .and_then(|w| w.get("python-version"))
        .ok_or("the job's `actions/setup-python` step names no `python-version`")?;
    let scalar = node
        .as_scalar()
        .ok_or("the job's `python-version` lists several versions")?;
    let text = scalar.value.trim();
    if text.contains("${{") {
        return Err(format!(
            "the job's Python comes from an expression (`{text}`), usually a matrix: raising it would change every leg, \
             and the leg on the old Python is there to test it"
        ));
    }
    if text.lines().count() > 1 {
        return Err("the job's `python-version` lists several versions".into());
    }
    let version = parse_version(text).ok_or_else(|| format!("`{text}` is not a plain Python version"))?;
    // Unquoted `3.10` is the YAML number 3.1: the step asked for another
    // version than it reads.
    if scalar.style == ScalarStyle::Plain && node.as_number().is_some_and(|n| n.to_string() != text) {
        return Err(format!(
            "`python-version: {text}` is unquoted, so YAML reads it as a number"
        ));
    }
    Ok(PythonPin { step, node, version })
}

/// `3.10`, `3.10.14` → 3.10 (CPython release numbers only: no `3.x`,
/// ranges, `pypy`, or pre-release tags).
pub fn parse_version(text: &str) -> Option<PythonVersion> {
    let parts: Vec<&str> = text.split('.').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(PythonVersion::new(parts[0].parse().ok()?, parts[1].parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::model::Workflow;
    use autoheal_engine::yaml;

    fn pin(with: &str) -> Result<PythonVersion, String> {
        let src = format!(
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          {with}\n      - run: pytest\n"
        );
        let doc = yaml::parse(src.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        python_pin(&wf.jobs[0], None).map(|p| p.version)
    }

    #[test]
    fn only_one_literal_version_is_a_pin() {
        assert_eq!(pin("python-version: '3.10'"), Ok(PythonVersion::new(3, 10)));
        assert_eq!(pin("python-version: \"3.9.18\""), Ok(PythonVersion::new(3, 9)));
        assert_eq!(pin("python-version: 3.9"), Ok(PythonVersion::new(3, 9)));
        assert!(pin("python-version: 3.10").unwrap_err().contains("unquoted"));
        assert!(
            pin("python-version: ${{ matrix.python }}")
                .unwrap_err()
                .contains("expression")
        );
        assert!(pin("python-version: [3.9, '3.10']").unwrap_err().contains("several"));
        assert!(
            pin("python-version: |\n            3.9\n            3.10")
                .unwrap_err()
                .contains("several")
        );
        assert!(pin("python-version: '3.x'").unwrap_err().contains("not a plain"));
        assert!(pin("python-version: pypy3.10").is_err());
        assert_eq!(pin("python-version: 3.10.4"), Ok(PythonVersion::new(3, 10)));
        assert!(
            pin("python-version-file: .python-version")
                .unwrap_err()
                .contains("file")
        );
    }

    /// GitHub resolves `owner/repo` of `uses:` ignoring case; the setup step
    /// is found as the engine's audits find actions.
    #[test]
    fn the_setup_step_is_found_whatever_the_case_of_its_name() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: Actions/Setup-Python@v5\n        with:\n          python-version: '3.12'\n";
        let doc = yaml::parse(src.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        assert_eq!(
            python_pin(&wf.jobs[0], None).map(|p| p.version),
            Ok(PythonVersion::new(3, 12))
        );
    }
}
