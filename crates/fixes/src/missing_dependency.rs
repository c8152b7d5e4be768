//! Fix type 1, `missing_dependency`: install the missing *distribution*
//! (not the module name) where the job already installs things: extend the
//! nearest `pip install …` line, or the requirements file it installs from
//! (a second file in the same fix), else add an `Install dependencies` step
//! before the failing step in the job's own tooling (pip, uv, poetry, pipx).
//! The project's own package gets `pip install -e .`.

use autoheal_engine::edit;
use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::{Edit, Fix};
use autoheal_logs::knowledge::python::distribution_for_module;
use autoheal_logs::knowledge::python::pytest::pytest_plugin_for_flag;

use crate::script::{Script, is_simple_line, strip_comment};
use crate::yaml_edit::{Block, insert_step_before};
use crate::{Candidate, Ctx, Files, Generated, locate};
use autoheal_logs::knowledge::python::normalize_name as normalize_distribution;
use autoheal_logs::subject::{is_distribution, is_module as is_python_module, workspace_path};

/// What to install: a distribution, or the project itself.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Wanted {
    Distribution(String),
    OwnPackage,
}

impl Wanted {
    fn arg(&self) -> &str {
        match self {
            Wanted::Distribution(d) => d,
            Wanted::OwnPackage => "-e .",
        }
    }
}

/// The distribution to install, from the subject's accepted forms:
/// `pytest-cov`, `yaml`, `--cov`, `yaml (PyYAML)`, `github (distribution: PyGithub)`.
fn distribution(subject: &str, module: Option<&str>) -> Option<String> {
    if subject.starts_with('-') {
        return pytest_plugin_for_flag(subject).map(str::to_string);
    }
    if let Some((head, rest)) = subject.split_once(" (") {
        let inner = rest.strip_suffix(')')?;
        let inner = inner.strip_prefix("distribution: ").unwrap_or(inner);
        return (is_python_module(head) && is_distribution(inner)).then(|| inner.to_string());
    }
    let module = module.filter(|m| is_python_module(m)).unwrap_or(subject);
    if is_python_module(module) {
        if let Some(d) = distribution_for_module(module) {
            return Some(d.to_string());
        }
        if module != subject && is_distribution(subject) {
            return Some(subject.to_string());
        }
        return (!module.contains('.')).then(|| module.replace('_', "-"));
    }
    is_distribution(subject).then(|| subject.to_string())
}

/// Is `module` the repository's own package (so `pip install -e .`)?
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

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let subject = ctx
        .failure
        .subject()
        .ok_or("the log does not name the missing module")?;
    let module = ctx
        .failure
        .module
        .as_deref()
        .or(Some(subject).filter(|s| is_python_module(s)));
    let wanted =
        if ctx.failure.own_package || module.is_some_and(|m| is_own_package(ctx, m)) {
            Wanted::OwnPackage
        } else {
            Wanted::Distribution(distribution(subject, ctx.failure.module.as_deref()).ok_or(
                "the missing module's name is not a valid module or distribution name; it is not used in a fix",
            )?)
        };
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step = failing_step(ctx, job).ok_or_else(|| format!("cannot tell which step of job `{}` failed", job.id))?;
    let upto = &job.steps[..=step.index];
    if already_installed(ctx, upto, &wanted) {
        return Err(format!(
            "the job already installs `{}`; the import still fails, so check the environment it runs in (a manual fix)",
            wanted.arg()
        ));
    }
    let candidate = match &wanted {
        Wanted::Distribution(dist) => extend_install(ctx, job, upto, dist),
        Wanted::OwnPackage => None,
    };
    let candidate = match candidate {
        Some(c) => c,
        None => new_step(ctx, job, step, &wanted)?,
    };
    Ok(vec![candidate])
}

pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j Job<'a>) -> Option<&'j Step<'a>> {
    locate::step(job, ctx.failure).or_else(|| {
        let runs = |s: &&Step<'_>, word: &str| s.run().and_then(|r| r.as_str()).is_some_and(|r| r.contains(word));
        job.steps
            .iter()
            .rev()
            .find(|s| runs(s, "pytest"))
            .or_else(|| job.steps.iter().rev().find(|s| runs(s, "python")))
    })
}

/// A `pip install` command on one script line.
struct InstallLine {
    step_index: usize,
    /// Where ` <dist>` goes: the end of the pip command's arguments.
    insert_at: usize,
    /// `-r FILE` arguments, repository-relative.
    requirements: Vec<String>,
    uv: bool,
}

const PIP_INSTALL: &[&str] = &[
    "python -m pip install",
    "python3 -m pip install",
    "uv pip install",
    "pip3 install",
    "pip install",
];

fn install_lines(ctx: &Ctx<'_>, steps: &[Step<'_>]) -> Vec<InstallLine> {
    let mut out = Vec::new();
    for s in steps {
        let Some(script) = s.run().and_then(|r| Script::new(ctx.source, r)) else {
            continue;
        };
        let wd = s
            .get("working-directory")
            .and_then(|w| w.as_str())
            .and_then(workspace_path);
        for line in &script.lines {
            if !is_simple_line(line.text) {
                continue;
            }
            let code = strip_comment(line.text);
            let Some((at, cmd)) = PIP_INSTALL.iter().find_map(|c| code.find(c).map(|i| (i, *c))) else {
                continue;
            };
            let args_start = at + cmd.len();
            let rest = &code[args_start..];
            let end = ["&&", "||", ";", "|", ">"]
                .iter()
                .filter_map(|t| rest.find(t))
                .min()
                .unwrap_or(rest.len());
            let args = rest[..end].trim_end();
            let mut requirements = Vec::new();
            let mut tokens = args.split_whitespace();
            while let Some(t) = tokens.next() {
                let file = match t {
                    "-r" | "--requirement" => tokens.next(),
                    _ => t
                        .strip_prefix("--requirement=")
                        .or_else(|| t.strip_prefix("-r"))
                        .filter(|f| !f.is_empty()),
                };
                if let Some(p) = file.and_then(workspace_path) {
                    requirements.push(match &wd {
                        Some(w) => format!("{w}/{p}"),
                        None => p,
                    });
                }
            }
            out.push(InstallLine {
                step_index: s.index,
                insert_at: line.range.start + args_start + args.len(),
                requirements,
                uv: cmd.starts_with("uv"),
            });
        }
    }
    out
}

fn already_installed(ctx: &Ctx<'_>, steps: &[Step<'_>], wanted: &Wanted) -> bool {
    let lines = install_lines(ctx, steps);
    let want = normalize_distribution(wanted.arg());
    let in_text = |text: &str| {
        text.split(|c: char| {
            c.is_whitespace() || matches!(c, '=' | '<' | '>' | '~' | '!' | '[' | ';' | '"' | '\'' | ',')
        })
        .any(|w| w == wanted.arg() || normalize_distribution(w) == want)
    };
    if *wanted == Wanted::OwnPackage {
        return steps.iter().any(|s| {
            s.run()
                .and_then(|r| r.as_str())
                .is_some_and(|r| r.contains("install -e .") || r.contains("install --editable ."))
        });
    }
    steps.iter().any(|s| {
        s.run().and_then(|r| r.as_str()).is_some_and(|r| {
            r.lines()
                .any(|l| ["install", "inject", " add "].iter().any(|k| l.contains(k)) && in_text(strip_comment(l)))
        })
    }) || lines.iter().flat_map(|l| &l.requirements).any(|p| {
        ctx.repo
            .read(p)
            .is_some_and(|t| t.lines().any(|l| in_text(strip_comment(l))))
    })
}

/// Add the distribution to the nearest `pip install` line, or to the
/// requirements file that line installs from.
fn extend_install(ctx: &Ctx<'_>, job: &Job<'_>, steps: &[Step<'_>], dist: &str) -> Option<Candidate> {
    let line = install_lines(ctx, steps).into_iter().last()?;
    let step_name = job.steps.get(line.step_index)?.display_name();
    if let Some((path, text)) = line
        .requirements
        .iter()
        .find_map(|p| ctx.repo.read(p).map(|t| (p.clone(), t.into_owned())))
    {
        let eol = edit::line_ending(&text);
        let sep = if text.is_empty() || text.ends_with('\n') {
            ""
        } else {
            eol
        };
        let edit = Edit::insert(&path, text.len(), format!("{sep}{dist}{eol}"));
        let fix = Fix::safe(format!("Add `{dist}` to {path}"), vec![edit]).with_explanation(explain(
            dist,
            &format!("Step \"{step_name}\" installs the job's dependencies from `{path}`, so `{dist}` is added there"),
        ));
        let (p, d) = (path.clone(), dist.to_string());
        let intent = move |files: &Files| mentions(files.get(&p).map(String::as_str).unwrap_or(""), &d, &p);
        return Some(Candidate {
            fix,
            intent: Box::new(intent),
        });
    }
    let edit = Edit::insert(ctx.path, line.insert_at, format!(" {dist}"));
    let tool = if line.uv { "uv pip install" } else { "pip install" };
    let fix = Fix::safe(
        format!("Add `{dist}` to the `{tool}` in step \"{step_name}\""),
        vec![edit],
    )
    .with_explanation(explain(
        dist,
        &format!("Step \"{step_name}\" already runs `{tool}`, so `{dist}` is added to that command"),
    ));
    let (path, job_id, index, d) = (
        ctx.path.to_string(),
        job.id.to_string(),
        line.step_index,
        dist.to_string(),
    );
    let intent = move |files: &Files| step_run_mentions(files, &path, &job_id, index, &d);
    Some(Candidate {
        fix,
        intent: Box::new(intent),
    })
}

fn new_step(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, wanted: &Wanted) -> Result<Candidate, String> {
    let runs = |word: &str| {
        job.steps
            .iter()
            .any(|s| s.run().and_then(|r| r.as_str()).is_some_and(|r| r.contains(word)))
    };
    let uses = |action: &str| {
        job.steps
            .iter()
            .any(|s| s.uses().is_some_and(|u| u.starts_with(action)))
    };
    let arg = wanted.arg();
    let failing_run = step.run().and_then(|r| r.as_str()).unwrap_or("");
    let pipx_app = job.steps[..step.index].iter().find_map(|s| {
        let r = s.run().and_then(|r| r.as_str())?;
        let app = r
            .lines()
            .find_map(|l| l.trim().strip_prefix("pipx install "))?
            .split_whitespace()
            .next()?;
        (is_distribution(app) && failing_run.contains(app)).then(|| app.to_string())
    });
    let (command, tooling) = if let Some(app) = pipx_app.filter(|_| *wanted != Wanted::OwnPackage) {
        (
            format!("pipx inject {app} {arg}"),
            format!("`{app}` is installed with pipx, so the package is injected into its environment"),
        )
    } else if uses("astral-sh/setup-uv") || runs("uv sync") || runs("uv run") {
        (
            format!("uv pip install {arg}"),
            "the job manages Python with uv".to_string(),
        )
    } else if uses("snok/install-poetry") || runs("poetry install") {
        (
            format!("poetry run pip install {arg}"),
            "the job runs inside Poetry's virtualenv".to_string(),
        )
    } else {
        (format!("python -m pip install {arg}"), "the job uses pip".to_string())
    };
    let name = if *wanted == Wanted::OwnPackage {
        "Install the project"
    } else {
        "Install dependencies"
    };
    let mut block = Block::new(ctx.source).key("name", name);
    if let Some(wd) = step
        .get("working-directory")
        .and_then(|w| w.as_str())
        .and_then(workspace_path)
    {
        block = block.key("working-directory", &wd);
    }
    let block = block.key("run", &command);
    let edit = insert_step_before(ctx.path, ctx.source, job, step.index, &block)
        .ok_or("cannot insert a step here (flow-style steps?)")?;
    let why = format!(
        "No earlier step installs Python packages in a way autoheal can extend, and {tooling}; a step running `{command}` is added before step \"{}\"",
        step.display_name()
    );
    let explanation = match wanted {
        Wanted::Distribution(d) => explain(d, &why),
        Wanted::OwnPackage => format!(
            "The failing import is the project's own package, which is not installed in the job's environment. {why}, which installs \
             the project in editable mode so imports resolve to the checked-out sources. If the project should be tested as a built \
             wheel instead, install that."
        ),
    };
    let fix = Fix::safe(
        format!(
            "Add an \"{name}\" step (`{command}`) before step \"{}\"",
            step.display_name()
        ),
        vec![edit],
    )
    .with_explanation(explanation);
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    let intent = move |files: &Files| step_run_mentions(files, &path, &job_id, index, &command);
    Ok(Candidate {
        fix,
        intent: Box::new(intent),
    })
}

fn explain(dist: &str, how: &str) -> String {
    format!(
        "The step failed because a Python module was not installed. It is provided by the `{dist}` distribution on PyPI (the \
         install name can differ from the import name). {how}. Check that `{dist}` is the package the project meant, and pin its \
         version the way the project pins others."
    )
}

fn mentions(text: &str, word: &str, what: &str) -> Result<(), String> {
    if text
        .lines()
        .any(|l| l.trim() == word || l.split_whitespace().any(|w| w == word) || l.contains(word))
    {
        Ok(())
    } else {
        Err(format!("`{word}` is not in {what}"))
    }
}

fn step_run_mentions(files: &Files, path: &str, job_id: &str, index: usize, word: &str) -> Result<(), String> {
    let doc = autoheal_engine::yaml::parse(files.get(path).ok_or("workflow missing")?.as_bytes());
    let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
    let step = wf.job(job_id).and_then(|j| j.steps.get(index)).ok_or("step gone")?;
    mentions(
        step.run().and_then(|r| r.as_str()).unwrap_or(""),
        word,
        "the install step",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    fn missing(subject: &str) -> FailureInput {
        FailureInput::new(Category::MissingDependency, Some(subject)).in_job("test")
    }

    const PIP_LINE: &str = "\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: '3.12'}
      - name: Install
        run: |
          python -m pip install --upgrade pip
          pip install -r requirements.txt pytest   # test deps
      - name: Test
        run: pytest --cov=app tests/
";

    #[test]
    fn distribution_names_come_from_the_table_flags_and_annotated_subjects() {
        assert_eq!(distribution("yaml", None).as_deref(), Some("PyYAML"));
        assert_eq!(distribution("--cov", None).as_deref(), Some("pytest-cov"));
        assert_eq!(distribution("--cov=app", None).as_deref(), Some("pytest-cov"));
        assert_eq!(
            distribution("pkg_resources (setuptools)", None).as_deref(),
            Some("setuptools")
        );
        assert_eq!(
            distribution("github (distribution: PyGithub)", None).as_deref(),
            Some("PyGithub")
        );
        assert_eq!(distribution("pytest-cov", None).as_deref(), Some("pytest-cov"));
        assert_eq!(
            distribution("google.cloud.storage", None).as_deref(),
            Some("google-cloud-storage")
        );
        assert_eq!(distribution("mypkg.sub", None), None);
        assert_eq!(distribution("x (y; rm)", None), None);
    }

    #[test]
    fn extends_the_nearest_pip_install_line_before_its_comment() {
        let out = apply_only(&missing("pytest-cov").at_step_name("Test"), PIP_LINE);
        assert_eq!(
            out,
            PIP_LINE.replace(
                "requirements.txt pytest   # test deps",
                "requirements.txt pytest pytest-cov   # test deps"
            )
        );
    }

    #[test]
    fn extends_the_requirements_file_the_workflow_installs_from() {
        let repo = repo(&[("requirements.txt", "requests==2.32.0\r\nflask\r\n")]);
        let files = apply_with_repo(&missing("yaml").at_step_name("Test"), PIP_LINE, &repo);
        assert_eq!(files["requirements.txt"], "requests==2.32.0\r\nflask\r\nPyYAML\r\n");
        assert_eq!(files[PATH], PIP_LINE, "the workflow is untouched");
        // Once there, nothing more to add.
        let fixed = repo_with(&files);
        assert!(
            crate::fixes_for(&missing("yaml").at_step_name("Test"), PATH, PIP_LINE, &fixed)
                .fixes
                .is_empty()
        );
    }

    fn repo_with(files: &Files) -> autoheal_engine::repo::MemoryRepo {
        autoheal_engine::repo::MemoryRepo::new(files.clone())
    }

    #[test]
    fn adds_a_step_in_the_jobs_tooling() {
        let poetry = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: snok/install-poetry@v1\n      - run: poetry install --no-root\n      - name: Test\n        run: poetry run pytest\n";
        let out = apply_only(&missing("bs4"), poetry);
        assert!(out.contains("      - name: Install dependencies\n        run: poetry run pip install beautifulsoup4\n      - name: Test\n"), "{out}");
        let uv = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: astral-sh/setup-uv@v5\n      - run: uv sync\n      - run: uv run pytest\n";
        assert!(apply_only(&missing("cv2"), uv).contains("      - name: Install dependencies\n        run: uv pip install opencv-python\n      - run: uv run pytest\n"));
        let pipx = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pipx install nox\n      - name: Test\n        run: nox -s tests\n";
        assert!(
            apply_only(&missing("requests").at_step_name("Test"), pipx).contains("run: pipx inject nox requests\n")
        );
    }

    #[test]
    fn the_projects_own_package_is_installed_editable() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n      - run: pip install pytest\n      - run: pytest\n";
        let repo = repo(&[
            ("pyproject.toml", "[project]\nname = \"mylib\"\n"),
            ("src/mylib/__init__.py", ""),
        ]);
        let files = apply_with_repo(&missing("mylib"), src, &repo);
        assert!(
            files[PATH].contains(
                "      - name: Install the project\n        run: python -m pip install -e .\n      - run: pytest\n"
            ),
            "{}",
            files[PATH]
        );
    }

    #[test]
    fn hostile_subjects_and_already_installed_give_no_fix() {
        for s in HOSTILE {
            assert!(
                outcome(&missing(s).at_step_name("Test"), PIP_LINE).fixes.is_empty(),
                "{s:?}"
            );
        }
        assert!(manual_reason(&missing("pytest"), PIP_LINE).contains("already installs"));
    }
}
