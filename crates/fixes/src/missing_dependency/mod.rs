//! Fix type 1, `missing_dependency`: install the *distribution* that
//! provides a missing import, only when it is certain which one it is and
//! that it may be installed:
//!
//! - the import must really be fixed by a distribution: a module of the
//!   standard library (`tomllib` before 3.11: `tomli` does not provide it), a
//!   submodule of a package that imports, or the project's own package is
//!   not a missing dependency, and gets no fix, with the reason;
//! - the distribution must be trusted ([`crate::trust`]): named by autoheal's
//!   tables or by the repository's dependency files, and not a look-alike of
//!   a popular one;
//! - it goes where the failing step's Python looks ([`env`]): the job's
//!   `pip install` line or the requirements file it reads ([`install`]), a
//!   new step in the job's tool (`uv pip`, `poetry run pip`, `pipenv run
//!   pip`, `pipx inject`), never outside an environment tox or nox build
//!   themselves.

mod env;
mod install;
mod python_version;

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::Node;
use autoheal_logs::knowledge::python::pytest::pytest_plugin_for_flag;
use autoheal_logs::knowledge::python::stdlib::StdlibStatus;
use autoheal_logs::knowledge::python::{ModuleNeed, module_need, requirement_for};
use autoheal_logs::mapping::python::python_pin;
use autoheal_logs::subject::{is_distribution, is_module};

use crate::trust::{self, Trusted};
use crate::{Ctx, Generated, PythonVersion, locate};

/// What to install and why it may be.
pub(crate) struct Wanted {
    pub dist: String,
    /// What is installed: the distribution, or a release of it that still
    /// provides the module (`setuptools<82` for `pkg_resources`,
    /// [`requirement_for`]).
    pub requirement: String,
    pub module: Option<String>,
    pub trusted: Trusted,
}

impl Wanted {
    /// The requirement as one word of a command line: a version bound
    /// (`<`, `>`) is quoted, which bash, sh, PowerShell and cmd all read.
    pub fn command_arg(&self) -> String {
        if self.requirement.contains(['<', '>', '=', '!', '~', ';', ' ']) {
            format!("\"{}\"", self.requirement)
        } else {
            self.requirement.clone()
        }
    }
}

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let subject = ctx
        .failure
        .subject()
        .ok_or("the log does not name the missing module")?;
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step = failing_step(ctx, job).ok_or_else(|| format!("cannot tell which step of job `{}` failed", job.id))?;
    if let Some((module, needed)) = newer_stdlib(ctx, job) {
        return python_version::raise(ctx, job, step, module, needed);
    }
    let wanted = wanted(ctx, job, subject)?;
    let env = env::of_step(ctx, job, step)?;
    env::locked(ctx, job, step, &env, &wanted.dist)?;
    let upto = &job.steps[..=step.index];
    if install::already_installed(ctx, job, upto, &wanted.dist) {
        if wanted.requirement != wanted.dist {
            return Err(format!(
                "the job already installs `{}`, and only `{}` provides `{}`: pin it there (a manual fix)",
                wanted.dist,
                wanted.requirement,
                wanted.module.as_deref().unwrap_or(&wanted.dist)
            ));
        }
        return Err(format!(
            "the job already installs `{}`; the import still fails, so check the environment it runs in (a manual fix)",
            wanted.dist
        ));
    }
    Ok(vec![install::candidate(ctx, job, step, &env, &wanted)?])
}

/// The distribution to install, after checking the import needs one and
/// that it may be installed.
///
/// # Which field decides
///
/// This is the one place that says which of a failure's `module` and
/// `subject` decides what is installed, from what the emitters extract:
///
/// 1. **The module, when there is one.** Python's import errors (`No module
///    named 'yaml'`) give the module Python printed, validated by
///    [`is_module`], and a subject that is only derived from it (the
///    distribution the module table, [`module_need`], gave at diagnosis, or
///    the module's own name as a guess). The printed module is the evidence,
///    so the table is asked again here and the subject is not read: a
///    subject naming another distribution changes nothing. A module that
///    fails the grammar is refused outright, never replaced by the subject
///    (a subject beside a broken module is no evidence of anything).
/// 2. **Otherwise the subject**, which then came from a reader that extracts
///    one name: a pytest option (`--cov=app`, starting with `-`: the plugin
///    table decides), pip's `No matching distribution` and the pytest plugin
///    table (a distribution, often with `-`), or an annotation, a saved run
///    or a `log-patterns` rule (a bare name). A bare name that is a module
///    name with no `-` is read as a module (1.), anything else that is a
///    distribution name as a distribution.
///
/// `generate()` still requires a subject before asking: a failure with a
/// module and no subject gets no fix (every emitter that gives a module gives
/// its derived subject too).
fn wanted(ctx: &Ctx<'_>, job: &Job<'_>, subject: &str) -> Result<Wanted, String> {
    let f = ctx.failure;
    let module = match f.module.as_deref() {
        Some(m) if is_module(m) => Some(m),
        Some(_) => {
            return Err(
                "the missing module's name is not a valid module name; neither it nor the subject beside it is used \
                 in a fix"
                    .into(),
            );
        }
        // A pytest option given without its plugin: the plugin table decides.
        None if subject.starts_with('-') => {
            let dist = pytest_plugin_for_flag(subject).ok_or("no known pytest plugin adds this option")?;
            return Ok(Wanted {
                dist: dist.to_string(),
                requirement: dist.to_string(),
                module: None,
                trusted: Trusted::Table,
            });
        }
        None => (is_module(subject) && !subject.contains('-')).then_some(subject),
    };
    let (dist, from_table) = match module {
        Some(m) => {
            if f.own_package || is_own_package(ctx, m) {
                return Err(format!(
                    "`{m}` is the project's own package, not a dependency: install the project itself (for example \
                     `pip install -e .`) or fix its packaging so the module is included"
                ));
            }
            let python = f.python.or_else(|| python_pin(job, None).ok().map(|pin| pin.version));
            match module_need(m, python) {
                // Only the table vouches for the distribution of a module: the
                // subject's `known_distribution` is about the subject, which
                // is not read when there is a module.
                ModuleNeed::Distribution { name, known } => (name, known),
                ModuleNeed::Stdlib(status) => return Err(stdlib_reason(m, status, job)),
                ModuleNeed::Submodule => {
                    return Err(format!(
                        "`{m}` is a submodule of a package that does import: a version mismatch of that package or a \
                         module missing from it, not a missing distribution (a manual fix)"
                    ));
                }
            }
        }
        None if is_distribution(subject) => (subject.to_string(), f.known_distribution),
        None => {
            return Err(
                "the missing module's name is not a valid module or distribution name; it is not used in a fix".into(),
            );
        }
    };
    let trusted = trust::distribution(&dist, from_table, ctx.repo)?;
    let requirement = module.map_or_else(|| dist.clone(), |m| requirement_for(m, &dist));
    Ok(Wanted {
        requirement,
        dist,
        module: module.map(str::to_string),
        trusted,
    })
}

/// A module of the standard library of a newer Python than the job's
/// (`tomllib` on 3.10), and the version that added it.
fn newer_stdlib<'f>(ctx: &'f Ctx<'_>, job: &Job<'_>) -> Option<(&'f str, PythonVersion)> {
    let f = ctx.failure;
    let module = f.module.as_deref().filter(|m| is_module(m))?;
    if f.own_package {
        return None;
    }
    let python = f.python.or_else(|| python_pin(job, None).ok().map(|pin| pin.version));
    match module_need(module, python) {
        ModuleNeed::Stdlib(StdlibStatus::AddedIn(v)) => Some((module, v)),
        _ => None,
    }
}

/// Why a standard-library module gets no install.
fn stdlib_reason(module: &str, status: StdlibStatus, job: &Job<'_>) -> String {
    let pinned = python_pin(job, None)
        .map(|pin| format!(" (the job's `actions/setup-python` asks for {})", pin.version))
        .unwrap_or_default();
    match status {
        StdlibStatus::AddedIn(v) => {
            python_version::no_fix(module, v, &format!("the workflow pins no single older Python{pinned}"))
        }
        StdlibStatus::RemovedIn { version, .. } => format!(
            "`{module}` was removed from the standard library in Python {version}{pinned} and has no drop-in \
             distribution; the code needs porting (a manual fix)"
        ),
        StdlibStatus::InterpreterBuild => format!(
            "`{module}` is part of the standard library but this interpreter was built without it (a missing system \
             library); install the system package it needs or use another Python build (a manual fix)"
        ),
        StdlibStatus::Python2 => {
            format!("`{module}` is a Python 2 module; the code needs porting to Python 3 (a manual fix)")
        }
        StdlibStatus::Present | StdlibStatus::NotStdlib => format!(
            "`{module}` is part of the standard library of this Python; something shadows it or the interpreter is \
             broken (a manual fix)"
        ),
    }
}

/// Is `module` the repository's own package?
fn is_own_package(ctx: &Ctx<'_>, module: &str) -> bool {
    let top = module.split('.').next().unwrap_or(module);
    let has_project = ["pyproject.toml", "setup.py", "setup.cfg"]
        .iter()
        .any(|f| ctx.repo.read(f).is_some());
    has_project
        && [format!("src/{top}/__init__.py"), format!("{top}/__init__.py")]
            .iter()
            .any(|p| ctx.repo.read(p).is_some())
}

pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j Job<'a>) -> Option<&'j Step<'a>> {
    locate::step(job, ctx.failure).or_else(|| {
        let runs = |s: &&Step<'_>, word: &str| s.run().and_then(Node::as_str).is_some_and(|r| r.contains(word));
        job.steps
            .iter()
            .rev()
            .find(|s| runs(s, "pytest"))
            .or_else(|| job.steps.iter().rev().find(|s| runs(s, "python")))
    })
}

#[cfg(test)]
mod tests;
