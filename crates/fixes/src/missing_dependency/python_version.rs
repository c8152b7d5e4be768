//! A module of a newer standard library (`tomllib` is in Python from 3.11):
//! no distribution provides it, so the fix raises the Python the job sets
//! up, and only where that is surely what the project wants:
//!
//! - the job pins one literal version with `actions/setup-python` (a matrix
//!   value is never raised: the old leg is there to test that Python), and
//!   the Python that failed is that one;
//! - the failing step runs that Python (not tox, nox, uv or pipx, which pick
//!   their own interpreter);
//! - the project does not declare support for the older Python
//!   (`requires-python`, `python_requires`) and the job is not named for it:
//!   then the code needs a fallback (`tomli`), not a newer CI Python.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::{self, ScalarStyle};
use autoheal_engine::{Edit, Fix};
use autoheal_logs::mapping::python::{parse_version, python_pin};

use super::env::{self, Env};
use crate::{Candidate, Ctx, Files, Generated, PythonVersion};

pub(super) fn raise(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, module: &str, needed: PythonVersion) -> Generated {
    let pin = python_pin(job, Some(step.index)).map_err(|why| no_fix(module, needed, &why))?;
    if pin.version >= needed {
        return Err(no_fix(
            module,
            needed,
            &format!("the job already sets up Python {}", pin.version),
        ));
    }
    if let Some(ran) = ctx.failure.python.filter(|r| *r != pin.version) {
        return Err(no_fix(
            module,
            needed,
            &format!(
                "the Python that failed ({ran}) is not the {} the job sets up",
                pin.version
            ),
        ));
    }
    if ctx.failure.python.is_none() && job.get("container").is_some() {
        return Err(no_fix(
            module,
            needed,
            "the job runs in a container, whose own Python may be the one that failed",
        ));
    }
    match env::of_step(ctx, job, step) {
        Ok(Env::Pip | Env::Poetry | Env::Pipenv) => {}
        Ok(other) => {
            return Err(no_fix(
                module,
                needed,
                &format!("the step runs in {}, which chooses its own Python", other.describe()),
            ));
        }
        Err(why) => return Err(no_fix(module, needed, &why)),
    }
    if let Some(name) = named_for(job, pin.version) {
        return Err(no_fix(
            module,
            needed,
            &format!(
                "the job is named for Python {} (`{name}`), so it exists to test that version",
                pin.version
            ),
        ));
    }
    if let Some((file, spec, lowest)) = declared_support(ctx) {
        let Some(lowest) = lowest else {
            return Err(no_fix(
                module,
                needed,
                &format!(
                    "the project declares which Pythons it supports ({file}: `{spec}`) in a form autoheal does not read, so \
                     it cannot tell whether raising CI's Python drops a supported version"
                ),
            ));
        };
        if lowest < needed {
            return Err(no_fix(
                module,
                needed,
                &format!(
                    "the project declares support for Python {lowest} ({file}: `{spec}`), so the code needs a fallback on \
                     older versions, not a newer Python in CI"
                ),
            ));
        }
    }
    let scalar = pin.node.as_scalar().ok_or("python-version is not a scalar")?;
    let quote = if scalar.style == ScalarStyle::DoubleQuoted {
        '"'
    } else {
        '\''
    };
    let new_text = format!("{quote}{needed}{quote}");
    // The scalar's own characters: the node's range can run on over trailing
    // blanks and a comment.
    let start = pin.node.span.start;
    let after = ctx.source.get(start..pin.node.span.end).unwrap_or("");
    let len = match scalar.style {
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => after[1..]
            .find(if quote == '"' { '"' } else { '\'' })
            .map(|i| i + 2)
            .ok_or("python-version's closing quote is missing")?,
        _ => after.find(char::is_whitespace).unwrap_or(after.len()),
    };
    let setup = pin.step.display_name();
    let fix = Fix::safe(
        format!("Set up Python {needed} instead of {} in job `{}`", pin.version, job.id),
        vec![Edit::replace(ctx.path, TextRange::new(start, start + len), new_text)],
    )
    .with_explanation(format!(
        "`{module}` is part of Python's standard library only from {needed}, and no package provides it under that name \
         (`tomli` is a separate module), so installing something does not help. Job `{}` sets up Python {} in step \
         \"{setup}\"; the fix asks for {needed} there. The project declares no support for older versions and the job is \
         not named for {}; if it should keep running on {}, make the code fall back instead (for `tomllib`: \
         `import tomli as tomllib` when the import fails, with `tomli` installed on those versions).",
        job.id, pin.version, pin.version, pin.version
    ));
    let (path, job_id, step_index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    let intent = move |files: &Files| {
        let text = files.get(&path).ok_or("workflow missing")?;
        let doc = yaml::parse(text.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        match python_pin(job, Some(step_index)) {
            Ok(p) if p.version == needed => Ok(()),
            Ok(p) => Err(format!("the job sets up Python {}", p.version)),
            Err(e) => Err(e),
        }
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

pub(super) fn no_fix(module: &str, needed: PythonVersion, why: &str) -> String {
    format!(
        "`{module}` is part of Python's standard library only from {needed}, so no package provides it; the job's Python \
         is not raised automatically because {why}. Run the job on Python {needed} or later, or make the code fall back \
         on older versions (for `tomllib`: `import tomli as tomllib`, with `tomli` installed)"
    )
}

/// The job's id or name when it names the pinned version (`py310`,
/// `test-3.10`).
fn named_for<'a>(job: &Job<'a>, version: PythonVersion) -> Option<&'a str> {
    let dotted = version.to_string();
    let joined = format!("{}{}", version.major, version.minor);
    [Some(job.id), job.name()].into_iter().flatten().find(|n| {
        let n = n.to_ascii_lowercase();
        n.contains(&dotted) || n.contains(&format!("py{joined}")) || n.contains(&format!("python{joined}"))
    })
}

/// The lowest Python the project says it supports: `requires-python` in
/// pyproject.toml, Poetry's `python` in `[tool.poetry.dependencies]`,
/// `python_requires` in setup.cfg or setup.py. The file, the specifier and
/// its lower bound, `None` when the key is there but its value is not a
/// specifier autoheal reads (`python_requires=PY_REQ`): the caller then
/// refuses, as it does for an older bound.
fn declared_support(ctx: &Ctx<'_>) -> Option<(&'static str, String, Option<PythonVersion>)> {
    for (file, table, key) in [
        ("pyproject.toml", None, "requires-python"),
        ("pyproject.toml", Some("[tool.poetry.dependencies]"), "python"),
        ("setup.cfg", None, "python_requires"),
        ("setup.py", None, "python_requires"),
    ] {
        let Some(text) = ctx.repo.read(file) else { continue };
        if let Some((spec, lowest)) = support_in(&text, table, key) {
            return Some((file, spec, lowest));
        }
    }
    None
}

/// The first `key = spec` (or `key: spec`) of `text`, inside `[table]` when
/// given: the specifier and its lower bound.
fn support_in(text: &str, table: Option<&str>, key: &str) -> Option<(String, Option<PythonVersion>)> {
    let mut in_table = table.is_none();
    for line in text.lines() {
        let line = line.trim();
        if let Some(table) = table
            && line.starts_with('[')
        {
            in_table = line == table;
            continue;
        }
        if !in_table {
            continue;
        }
        let Some(rest) = line.strip_prefix(key) else { continue };
        let rest = rest.trim_start();
        // `python_requires` and `requires-python`, not `python_version`.
        if !rest.starts_with(['=', ':']) {
            continue;
        }
        let spec = rest
            .trim_start_matches(['=', ':'])
            .trim()
            .trim_end_matches(',')
            .trim_matches(['"', '\''])
            .to_string();
        let lowest = lower_bound(&spec);
        return Some((spec, lowest));
    }
    None
}

/// The lower bound of a version specifier (`>=3.8`, `>=3.8,<4`, `~=3.9`,
/// `>3.7`, which admits 3.7.1, `==3.10.*`, and Poetry's `^3.8` and `~3.8`).
fn lower_bound(spec: &str) -> Option<PythonVersion> {
    spec.split(',').map(str::trim).find_map(|clause| {
        let version = [">=", "~=", "==", ">", "^", "~"]
            .iter()
            .find_map(|op| clause.strip_prefix(op))?
            .trim()
            .trim_end_matches(".*");
        parse_version(version)
    })
}

#[cfg(test)]
mod tests {
    use super::{lower_bound, support_in};
    use crate::PythonVersion;

    proptest::proptest! {
        /// Any project file: an answer, never a panic; a `>=M.m` bound
        /// written under the key, after any other lines, reads back.
        #[test]
        fn declared_support_reads_any_text(
            before in "([a-z_\\[\\]. =\"'<>^~,*-]{0,20}\n){0,4}",
            major in 2u8..4,
            minor in 0u8..20,
            noise in "\\PC{0,60}",
        ) {
            let _ = support_in(&noise, Some("[tool.poetry.dependencies]"), "python");
            let _ = lower_bound(&noise);
            let before = before.replace("requires-python", "");
            let text = format!("{before}requires-python = \">={major}.{minor}, <4\"\n");
            let found = support_in(&text, None, "requires-python");
            proptest::prop_assert_eq!(found.and_then(|(_, v)| v), Some(PythonVersion::new(major, minor)));
        }
    }

    #[test]
    fn lower_bounds_of_specifiers() {
        let v = PythonVersion::new;
        assert_eq!(lower_bound(">=3.8"), Some(v(3, 8)));
        assert_eq!(lower_bound(">=3.11, <4"), Some(v(3, 11)));
        assert_eq!(lower_bound("<4,>=3.9"), Some(v(3, 9)));
        assert_eq!(lower_bound("~=3.10"), Some(v(3, 10)));
        assert_eq!(lower_bound("==3.12.*"), Some(v(3, 12)));
        assert_eq!(lower_bound("<4"), None);
        assert_eq!(lower_bound("^3.8"), Some(v(3, 8)));
        assert_eq!(lower_bound("~3.9"), Some(v(3, 9)));
    }
}
