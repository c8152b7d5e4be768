//! Where the failing step's Python finds its packages: the interpreter pip
//! installs into, a tool's virtual environment, or environments a test
//! runner builds itself (where nothing the workflow installs arrives).

use autoheal_engine::model::{Job, Step};
use autoheal_engine::yaml::Node;
use autoheal_logs::subject::is_distribution;

use crate::Ctx;
use crate::script::{mentions_command, strip_comment};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Env {
    /// The job's interpreter: `pip install` reaches it.
    Pip,
    /// `uv run`: the project's uv environment.
    Uv,
    /// `poetry run`: Poetry's virtual environment.
    Poetry,
    /// `pipenv run`: Pipenv's virtual environment.
    Pipenv,
    /// An application installed with `pipx install <app>`.
    Pipx(String),
}

impl Env {
    /// The command that installs `dist` into this environment.
    pub(crate) fn install_command(&self, dist: &str) -> String {
        match self {
            Env::Pip => format!("python -m pip install {dist}"),
            Env::Uv => format!("uv pip install {dist}"),
            Env::Poetry => format!("poetry run pip install {dist}"),
            Env::Pipenv => format!("pipenv run pip install {dist}"),
            Env::Pipx(app) => format!("pipx inject {app} {dist}"),
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Env::Pip => "the job's Python, which `pip install` reaches".into(),
            Env::Uv => "the project's uv environment (`uv run`)".into(),
            Env::Poetry => "Poetry's virtual environment (`poetry run`)".into(),
            Env::Pipenv => "Pipenv's virtual environment (`pipenv run`)".into(),
            Env::Pipx(app) => format!("the pipx environment of `{app}`"),
        }
    }
}

/// Test runners that build their own environments from their own
/// configuration.
const OWN_ENVIRONMENTS: &[(&str, &str)] = &[
    ("tox", "tox.ini (the environment's `deps`)"),
    ("nox", "noxfile.py (the session's `session.install`)"),
    ("hatch", "the Hatch environment's `dependencies` in pyproject.toml"),
    ("pdm", "pyproject.toml through `pdm add`"),
    ("conda", "the conda environment file"),
    ("mamba", "the conda environment file"),
    ("micromamba", "the conda environment file"),
];

pub(crate) fn of_step(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Env, String> {
    let script = step.run().and_then(Node::as_str).unwrap_or("");
    let lines: Vec<&str> = script.lines().map(strip_comment).collect();
    let runs = |cmd: &str| lines.iter().any(|l| mentions_command(l, cmd));
    if let Some((tool, file)) = OWN_ENVIRONMENTS.iter().find(|(t, _)| runs(t)) {
        return Err(format!(
            "step \"{}\" runs Python through `{tool}`, which builds its own environment, so nothing the workflow installs \
             reaches it; add the package to {file} (a manual fix)",
            step.display_name()
        ));
    }
    if step.uses().is_some() {
        return Err(format!(
            "step \"{}\" runs an action, whose Python environment the workflow does not control (a manual fix)",
            step.display_name()
        ));
    }
    if runs("uv run") {
        return Ok(Env::Uv);
    }
    if runs("poetry run") {
        return Ok(Env::Poetry);
    }
    if runs("pipenv run") {
        return Ok(Env::Pipenv);
    }
    let earlier = &job.steps[..step.index];
    let pipx_app = earlier.iter().find_map(|s| {
        let r = s.run().and_then(Node::as_str)?;
        let app = r
            .lines()
            .find_map(|l| l.trim().strip_prefix("pipx install "))?
            .split_whitespace()
            .next()?;
        (is_distribution(app) && lines.iter().any(|l| mentions_command(l, app))).then(|| app.to_string())
    });
    if let Some(app) = pipx_app {
        return Ok(Env::Pipx(app));
    }
    let _ = ctx;
    Ok(Env::Pip)
}
