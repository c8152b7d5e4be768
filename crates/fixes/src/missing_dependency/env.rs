//! Where the failing step's Python finds its packages: the interpreter pip
//! installs into, a tool's virtual environment, or environments a test
//! runner builds itself (where nothing the workflow installs arrives).

use autoheal_engine::model::{Job, Step};
use autoheal_engine::yaml::Node;
use autoheal_logs::subject::is_distribution;

use crate::Ctx;
use crate::elsewhere::{builds_image, runs_elsewhere};
use crate::runner::runs_posix_shell;
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
    /// A virtual environment the failing step activates (`. venv/bin/activate`),
    /// by its activate script: an install reaches it only from a step that
    /// activates it too.
    Venv(String),
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
            Env::Venv(activate) => format!(". {activate} && python -m pip install {dist}"),
        }
    }

    /// The tool's lock file and the command that adds a dependency to the
    /// project's manifest and lock together, for the tools that lock.
    fn lock(&self) -> Option<(&'static str, &'static str)> {
        match self {
            Env::Uv => Some(("uv.lock", "uv add")),
            Env::Poetry => Some(("poetry.lock", "poetry add")),
            Env::Pipenv => Some(("Pipfile.lock", "pipenv install")),
            _ => None,
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Env::Pip => "the job's Python, which `pip install` reaches".into(),
            Env::Uv => "the project's uv environment (`uv run`)".into(),
            Env::Poetry => "Poetry's virtual environment (`poetry run`)".into(),
            Env::Pipenv => "Pipenv's virtual environment (`pipenv run`)".into(),
            Env::Pipx(app) => format!("the pipx environment of `{app}`"),
            Env::Venv(activate) => format!("the virtual environment that `. {activate}` activates"),
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
    let shell = || {
        let root = ctx.doc.root.as_ref()?;
        crate::elsewhere::shell_elsewhere(job, root, step).map(|(_, tool)| tool)
    };
    let reached = crate::elsewhere::step_text(ctx, job, step);
    if let Some(tool) = runs_elsewhere(&reached)
        .or_else(|| builds_image(&reached))
        .or_else(shell)
    {
        return Err(format!(
            "step \"{}\" runs `{tool}`, and the log does not say whether the import failed there (in a container or on \
             another machine, whose packages come from its image or host) or on the runner; an install on the runner \
             would not reach the former (a manual fix)",
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
    let venv = lines.iter().find_map(|l| activation(l));
    let others = lines
        .iter()
        .filter(|l| venv.as_ref().is_none_or(|a| activation(l).as_ref() != Some(a)))
        .find_map(|l| other_interpreter(l));
    if let (Some(activate), None) = (&venv, &others) {
        // A new step activates it the same way, so it must run in the same
        // POSIX shell as the failing step.
        let posix = ctx
            .doc
            .root
            .as_ref()
            .is_some_and(|root| runs_posix_shell(root, job, step.node));
        if step.get("shell").is_none() && posix {
            return Ok(Env::Venv(activate.clone()));
        }
    }
    if let Some(what) = others.or_else(|| venv.map(|a| format!("activates the virtual environment `{a}`"))) {
        return Err(format!(
            "step \"{}\" {what}, which is not the interpreter a `pip install` of the workflow reaches, so an install \
             there would not help (a manual fix: install into that environment)",
            step.display_name()
        ));
    }
    Ok(Env::Pip)
}

/// The activate script a line sources (`. venv/bin/activate`, `source
/// ~/.venv/bin/activate`), when its path is plain text (no expansion that
/// another step would read differently) and a virtual environment's.
pub(crate) fn activation(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        sourced_activate_script(w[0], w[1])
            .filter(|path| {
                path.ends_with("/bin/activate")
                    && path.bytes().all(|b| b.is_ascii_alphanumeric() || b"._/~-".contains(&b))
            })
            .map(str::to_string)
    })
}

/// `word next` sources an activate script: `source` or `.` and a script
/// named `activate` (a virtual environment's `{dir}/bin/activate`, Windows'
/// `{dir}/Scripts/activate`, conda's old `source activate {env}`). The one
/// reading of an activation, for [`activation`] and [`other_interpreter`].
pub(super) fn sourced_activate_script<'w>(word: &str, next: &'w str) -> Option<&'w str> {
    (matches!(word, "source" | ".") && (next == "activate" || next.ends_with("/activate"))).then_some(next)
}

/// What on this script line makes its Python another interpreter than the
/// one `pip`/`python -m pip` of another step reaches: an activated virtual
/// environment, an interpreter or tool named by path, a versioned
/// interpreter (`python3.10`, which need not be the job's), or `sudo`
/// (root's environment, whose `PATH` and user site differ).
fn other_interpreter(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        if let Some(script) = sourced_activate_script(w, next) {
            return Some(format!("activates the virtual environment `{script}`"));
        }
        if (matches!(*w, "pyenv" | "pyenv-virtualenv") && matches!(next, "activate" | "shell" | "local"))
            || *w == "workon"
        {
            return Some(format!("switches its Python with `{w}`"));
        }
        if *w == "sudo" && words[i + 1..].iter().any(|w| python_tool(w).is_some()) {
            return Some("runs Python with `sudo`".into());
        }
        let Some((name, python)) = python_tool(w) else { continue };
        if w.contains('/') {
            return Some(format!("runs `{w}` by its path"));
        }
        if python && name.contains('.') {
            return Some(format!("runs `{name}`"));
        }
    }
    None
}

/// A word that runs Python or one of its tools: its file name, and whether
/// it is an interpreter (`python`, `python3`, `python3.10`).
fn python_tool(word: &str) -> Option<(&str, bool)> {
    let name = word.rsplit('/').next().unwrap_or(word);
    let python = name
        .strip_prefix("python")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'));
    (python || matches!(name, "pip" | "pip3" | "pytest" | "py.test")).then_some((name, python))
}

/// A project whose tool locks its dependencies (`uv.lock`, `poetry.lock`,
/// `Pipfile.lock` committed beside the step's working directory or at the
/// root) gets no install in the workflow: the missing import means the
/// manifest lacks the dependency, and a `pip install` in CI would hide that
/// from everyone who installs the project, while editing the manifest
/// without its lock fails `--locked`/`--frozen`/`--deploy` installs (and
/// Poetry 2 refuses a stale lock). The fix is the tool's own command, run by
/// a person: it updates the manifest and the lock together.
pub(crate) fn locked(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, env: &Env, dist: &str) -> Result<(), String> {
    let Some((lock, add)) = env.lock() else { return Ok(()) };
    let root = ctx.doc.root.as_ref();
    let dir = root
        .and_then(|r| job.written_working_directory(r, step.node))
        .and_then(Node::as_str)
        .filter(|d| !d.contains("${{"))
        .map(|d| d.trim().trim_start_matches("./").trim_end_matches('/'))
        .filter(|d| !d.is_empty() && *d != ".");
    let places: Vec<String> = dir
        .map(|d| format!("{d}/{lock}"))
        .into_iter()
        .chain([lock.to_string()])
        .collect();
    match places.iter().find(|p| ctx.repo.read(p).is_some()) {
        Some(found) => Err(format!(
            "the step runs in {}, and the project locks its dependencies in `{found}`: the import fails because the \
             project does not declare `{dist}`, which an install in the workflow would hide; run `{add} {dist}` in the \
             project and commit the manifest and `{lock}` together (a manual fix)",
            env.describe()
        )),
        None => Ok(()),
    }
}
