//! Turning on the dependency cache of the job's setup action, so later runs
//! send fewer requests to the limited service: `cache: npm|yarn|pnpm` on
//! `actions/setup-node`, `cache: pip|pipenv|poetry` on
//! `actions/setup-python`, `enable-cache` on `astral-sh/setup-uv`, `cache:
//! maven|gradle` on `actions/setup-java`.
//!
//! The cache accompanies the retry in the same fix, never replaces it: a
//! cache is only read by runs after one that saved it, so it cannot get the
//! failed run through, and the retry alone leaves every later run sending
//! the same requests. When the retry cannot be written (an action's step, a
//! command that also tests), the cache is offered alone.
//!
//! Each action's own documented behaviour decides when the input is safe:
//! - setup-node (README, "Caching global packages data"): `cache` takes
//!   `npm`, `yarn` or `pnpm` and keys the cache on the lock file
//!   (`package-lock.json`/`npm-shrinkwrap.json`, `yarn.lock`,
//!   `pnpm-lock.yaml`) at the repository root, failing the step
//!   ("Dependencies lock file is not found") without one, unless
//!   `cache-dependency-path` names it; it asks the package manager for its
//!   cache folder, so pnpm must be installed before it, and Yarn is asked
//!   through the runner's Yarn 1 (a project pinned to Yarn 2+ through
//!   `packageManager` makes that refuse).
//! - setup-python (README, "Caching packages dependencies"; its advanced
//!   usage page): `cache: pip` hashes `**/requirements.txt` (v5 also
//!   `**/pyproject.toml`), `cache: pipenv` `**/Pipfile.lock`, `cache:
//!   poetry` `**/poetry.lock`, and each fails the step when no such file
//!   exists ("No file in … matched to …"). Each caches only its own tool's
//!   downloads, so the value follows the command that was refused. Poetry is
//!   asked (`poetry config --list`) where its cache and virtualenvs are, so
//!   it must be installed before setup-python, as the documented example
//!   does with `pipx install poetry`; pipenv's folders are fixed, so pipenv
//!   may come after.
//! - setup-uv (its `action.yml` per major): `enable-cache` defaults to
//!   `auto` from v5 on (on for GitHub-hosted runners), so nothing is added
//!   there; v3 and v4 default to `false` and key the cache on `**/uv.lock`,
//!   failing the step without one; v1 and v2 keyed it on other files and
//!   are left alone.
//! - setup-java (README, "Caching packages dependencies"): `cache: maven`
//!   keys on `**/pom.xml`, `cache: gradle` on `**/*.gradle*` and
//!   `**/gradle-wrapper.properties`, and caches `~/.m2/repository`, or
//!   `~/.gradle/caches` and `~/.gradle/wrapper` (so the wrapper's
//!   distribution is not downloaded again either); it fails without such a
//!   file.
//!
//! Every action reads the lock file from the checked-out repository, so an
//! `actions/checkout` of this repository (no `path:`, no `repository:`)
//! must run before it. No cache is turned on where a poisoned entry could
//! ship ([`cache_poisoning::publishing_reason`]: the workflow publishes
//! releases or the job publishes) or where a pull request's code would
//! write the base branch's cache (`pull_request_target`, `workflow_run`,
//! `issue_comment`).

use autoheal_engine::model::{Job, Step};
use autoheal_engine::rules::{audit, cache_poisoning};
use autoheal_engine::yaml::Node;

use super::Part;
use super::fetch;
use crate::runner::is_github_hosted;
use crate::script::strip_comment;
use crate::yaml_edit::{insert_nested, scalar, set_entry};
use crate::{Ctx, RateLimitService};

/// The cache fix for `service`, when the job's setup action has one;
/// `Ok(None)` when the job has no such action or it already sets `cache`,
/// `Err` with the reason when one exists but turning it on would be unsafe.
pub(super) fn for_step(
    ctx: &Ctx<'_>,
    root: &Node,
    job: &Job<'_>,
    step: &Step<'_>,
    service: RateLimitService,
) -> Result<Option<Part>, String> {
    match service {
        RateLimitService::Npm => node(ctx, root, job, step),
        RateLimitService::Pypi => python(ctx, root, job, step),
        RateLimitService::MavenCentral
        | RateLimitService::GradlePluginPortal
        | RateLimitService::GradleDistributions => java(ctx, root, job, step),
        _ => Ok(None),
    }
}

/// The job's earlier `uses: {action}@…` step, unless it already sets its
/// cache `input` (to anything, `''` included: the project chose).
fn setup<'j, 'a>(job: &'j Job<'a>, step: &Step<'_>, action: &str, input: &str) -> Option<&'j Step<'a>> {
    job.steps[..step.index]
        .iter()
        .rev()
        .find(|s| audit::uses_action(s.node, action))
        .filter(|s| audit::input(s.node, input).is_none())
}

/// The job already caches the directory the setup action would: an
/// `actions/cache` step whose `path` names it, or (for Gradle)
/// `gradle/actions/setup-gradle`, which caches Gradle's home by default.
fn already_cached(job: &Job<'_>, dirs: &[&str]) -> bool {
    job.steps.iter().any(|s| {
        let cache_paths = (audit::uses_action(s.node, "actions/cache")
            || audit::uses_action(s.node, "actions/cache/restore"))
        .then(|| audit::input(s.node, "path").and_then(Node::as_str))
        .flatten();
        cache_paths.is_some_and(|p| dirs.iter().any(|d| p.contains(d)))
            || dirs.contains(&".gradle")
                && (audit::uses_action(s.node, "gradle/actions/setup-gradle")
                    || audit::uses_action(s.node, "gradle/gradle-build-action"))
    })
}

/// Why no cache may be turned on in this job, if any.
fn unsafe_here(root: &Node, job: &Job<'_>) -> Option<String> {
    if let Some(why) = cache_poisoning::publishing_reason(root, job) {
        return Some(format!(
            "no dependency cache is turned on, because {why}: a cache any run of the repository can write must not feed \
             what gets published"
        ));
    }
    audit::privileged_triggers().find(|t| audit::has_trigger(root, t))
        .map(|t| {
            format!(
                "no dependency cache is turned on, because the workflow runs on `{t}`, where code from a pull request would \
                 write the cache the base branch restores"
            )
        })
}

/// What every setup action's cache needs before its key file is looked
/// up: nothing in the job that makes a cache unsafe, and a checkout of the
/// repository before the setup step (each action reads the key file from
/// the workspace). `cache` names the input (`setup-node's \`cache: npm\``),
/// `needs` the file it keys on.
fn prerequisites(root: &Node, job: &Job<'_>, setup: &Step<'_>, cache: &str, needs: &str) -> Result<(), String> {
    if let Some(why) = unsafe_here(root, job) {
        return Err(why);
    }
    match crate::checkout::before(job, setup.index) {
        crate::checkout::Repository::AtWorkspace => Ok(()),
        crate::checkout::Repository::NotCheckedOut => Err(format!(
            "{cache} needs {needs}, and the repository is not checked out before step \"{}\"",
            setup.display_name()
        )),
        elsewhere => Err(format!(
            "{cache} needs {needs} in the workspace, and the repository is not there: {}",
            elsewhere.not_at_workspace().unwrap_or_default()
        )),
    }
}

/// The repository's file list, which tells whether the key file exists:
/// without it the cache is not turned on (the action fails the job when
/// the file is missing).
fn listing<'r>(ctx: &Ctx<'r>, cache: &str, needs: &str) -> Result<std::borrow::Cow<'r, [String]>, String> {
    ctx.repo
        .list()
        .ok_or_else(|| format!("{cache} fails the job without {needs}, and the repository's file list is not known"))
}

/// The first file of the listing with this name, at any depth (the
/// actions' default patterns are `**/{name}`).
fn named(listing: &[String], name: &str) -> Option<String> {
    listing.iter().find(|p| p.rsplit('/').next() == Some(name)).cloned()
}

/// An `actions/checkout` of this repository into the workspace root runs
/// before `setup`.
/// The step's working directory relative to the repository root (`""` for
/// the root); `None` when it is computed or leaves the workspace.
fn working_dir<'a>(root: &'a Node, job: &Job<'a>, step: &Step<'a>) -> Option<String> {
    let wd = job.written_working_directory(root, step.node);
    let Some(wd) = wd else { return Some(String::new()) };
    let text = wd.as_str()?.trim();
    if text.contains('$') || text.starts_with('/') || text.starts_with('~') || text.split('/').any(|p| p == "..") {
        return None;
    }
    Some(
        text.split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// The edits that set `entries` in the setup step's `with:`, each value
/// written as a YAML scalar that reads back as it (a path may hold ` #`).
fn set_inputs(ctx: &Ctx<'_>, setup: &Step<'_>, entries: &[(&str, &str)]) -> Result<Vec<autoheal_engine::Edit>, String> {
    let cannot = || format!("the `with:` of step \"{}\" cannot be edited", setup.display_name());
    match setup.get("with") {
        Some(w) if w.is_mapping() => entries
            .iter()
            .map(|(k, v)| set_entry(ctx.path, ctx.source, w, None, k, &scalar(v)).ok_or_else(cannot))
            .collect(),
        Some(_) => Err(cannot()),
        None => match entries {
            [(k, v)] => insert_nested(ctx.path, ctx.source, setup.node, "with", k, &scalar(v))
                .map(|e| vec![e])
                .ok_or_else(cannot),
            _ => Err(cannot()),
        },
    }
}

/// The part that sets `entries` (the first turns the cache on) on the
/// setup step; `tool` names the dependencies in the title (`cache pip
/// dependencies`).
fn part(
    ctx: &Ctx<'_>,
    setup: &Step<'_>,
    entries: &[(&str, &str)],
    keyed_on: &str,
    what: &str,
    tool: &str,
) -> Result<Part, String> {
    let edits = set_inputs(ctx, setup, entries)?;
    let (key, value) = entries[0];
    Ok(Part {
        edits,
        does: format!(
            "turns on the dependency cache of step \"{}\" (`{key}: {value}`, keyed on `{keyed_on}`), so later runs \
             download fewer {what}",
            setup.display_name()
        ),
        title: format!("cache {tool} dependencies"),
        checks: entries.iter().map(|(k, v)| format!("{k}: {}", scalar(v))).collect(),
        safe: true,
    })
}

fn node(ctx: &Ctx<'_>, root: &Node, job: &Job<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    let Some(setup) = setup(job, step, "actions/setup-node", "cache") else {
        return Ok(None);
    };
    let manager = match fetch::step_tool(step, RateLimitService::Npm).as_deref() {
        Some("npm" | "npx") => "npm",
        Some("yarn") => "yarn",
        Some("pnpm" | "pnpx") => "pnpm",
        _ => return Ok(None),
    };
    if already_cached(job, &[".npm", "npm-cache", "yarn", "pnpm"]) {
        return Ok(None);
    }
    let locks: &[&str] = match manager {
        "npm" => &["package-lock.json", "npm-shrinkwrap.json"],
        "yarn" => &["yarn.lock"],
        _ => &["pnpm-lock.yaml"],
    };
    let cache = format!("setup-node's `cache: {manager}`");
    prerequisites(root, job, setup, &cache, "the lock file")?;
    let listing = listing(ctx, &cache, &format!("`{}`", locks[0]))?;
    let dir =
        working_dir(root, job, step).ok_or("the step's working directory is computed, so its lock file is unknown")?;
    let at = |d: &str, f: &str| {
        if d.is_empty() {
            f.to_string()
        } else {
            format!("{d}/{f}")
        }
    };
    let found = |d: &str| locks.iter().map(|f| at(d, f)).find(|p| listing.iter().any(|l| l == p));
    let (lock, entries_path) = match (found(""), dir.is_empty()) {
        (Some(lock), _) => (lock, None),
        (None, false) => match found(&dir) {
            Some(lock) => (lock.clone(), Some(lock)),
            None => return Err(no_lock(manager, locks, &dir)),
        },
        (None, true) => return Err(no_lock(manager, locks, "")),
    };
    if manager == "pnpm"
        && !job.steps[..setup.index]
            .iter()
            .any(|s| audit::uses_action(s.node, "pnpm/action-setup"))
    {
        return Err(
            "setup-node's `cache: pnpm` asks pnpm for its store, and the job does not install pnpm (`pnpm/action-setup`) \
             before setting up Node"
                .into(),
        );
    }
    if manager == "yarn" {
        if !is_github_hosted(job) {
            return Err(
                "setup-node's `cache: yarn` runs the runner's Yarn, which only GitHub-hosted runners are known to have"
                    .into(),
            );
        }
        let manifest = at(&dir, "package.json");
        let text = ctx
            .repo
            .read(&manifest)
            .ok_or_else(|| format!("`{manifest}` cannot be read, so the project's Yarn version is unknown"))?;
        if let Some(pinned) = package_manager(&text).filter(|p| !p.starts_with("yarn@1.")) {
            return Err(format!(
                "`{manifest}` pins `{pinned}` through Corepack, and setup-node's `cache: yarn` asks the runner's Yarn 1, \
                 which refuses such a project"
            ));
        }
    }
    let mut entries = vec![("cache", manager)];
    if let Some(p) = &entries_path {
        entries.push(("cache-dependency-path", p.as_str()));
    }
    part(ctx, setup, &entries, &lock, "packages from the npm registry", manager).map(Some)
}

fn no_lock(manager: &str, locks: &[&str], dir: &str) -> String {
    let place = if dir.is_empty() {
        "at the repository root".to_string()
    } else {
        format!("at the repository root or in `{dir}`")
    };
    format!(
        "no `{}` {place}: setup-node's `cache: {manager}` fails the job without its lock file",
        locks.join("`/`")
    )
}

/// The `packageManager` field of a `package.json` (`yarn@4.1.0`).
fn package_manager(text: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    v.get("packageManager")?.as_str().map(str::to_string)
}

/// The cache for the Python tool the step runs: setup-python's `cache:
/// pip|pipenv|poetry`, or setup-uv's `enable-cache`.
fn python(ctx: &Ctx<'_>, root: &Node, job: &Job<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    match fetch::step_tool(step, RateLimitService::Pypi).as_deref() {
        Some("pip" | "pip3" | "python" | "python3" | "py") => setup_python(ctx, root, job, step, PythonTool::Pip),
        Some("pipenv") => setup_python(ctx, root, job, step, PythonTool::Pipenv),
        Some("poetry") => setup_python(ctx, root, job, step, PythonTool::Poetry),
        Some("uv" | "uvx") => uv(ctx, root, job, step),
        _ => Ok(None),
    }
}

/// The package managers setup-python caches for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PythonTool {
    Pip,
    Pipenv,
    Poetry,
}

impl PythonTool {
    fn name(self) -> &'static str {
        match self {
            PythonTool::Pip => "pip",
            PythonTool::Pipenv => "pipenv",
            PythonTool::Poetry => "poetry",
        }
    }

    /// The oldest setup-python major that documents this `cache` value.
    fn since(self) -> u32 {
        match self {
            PythonTool::Pip | PythonTool::Pipenv => 3,
            PythonTool::Poetry => 4,
        }
    }

    /// Where a job that caches by itself keeps this tool's downloads.
    fn cache_dirs(self) -> &'static [&'static str] {
        match self {
            PythonTool::Pip => &["pip"],
            PythonTool::Pipenv => &["virtualenvs"],
            PythonTool::Poetry => &["pypoetry", "virtualenvs"],
        }
    }
}

fn setup_python(
    ctx: &Ctx<'_>,
    root: &Node,
    job: &Job<'_>,
    step: &Step<'_>,
    tool: PythonTool,
) -> Result<Option<Part>, String> {
    let Some(setup) = setup(job, step, "actions/setup-python", "cache") else {
        return Ok(None);
    };
    if already_cached(job, tool.cache_dirs()) {
        return Ok(None);
    }
    let name = tool.name();
    let cache = format!("setup-python's `cache: {name}`");
    let needs = match tool {
        PythonTool::Pip => "a requirements file",
        PythonTool::Pipenv => "a `Pipfile.lock`",
        PythonTool::Poetry => "a `poetry.lock`",
    };
    prerequisites(root, job, setup, &cache, needs)?;
    let major = audit::major_version(setup.node).ok_or(format!(
        "the setup-python version is not a `vN` tag, so whether its `cache: {name}` works as documented is unknown"
    ))?;
    if major < tool.since() {
        return Err(format!("setup-python v{major} predates the documented `cache: {name}`"));
    }
    // Poetry is asked for its cache and virtualenv folders when the cache
    // is restored, so it must be installed before setup-python (its
    // documented example runs `pipx install poetry` first).
    if tool == PythonTool::Poetry && !job.steps[..setup.index].iter().any(installs_poetry) {
        return Err(format!(
            "{cache} asks Poetry for its cache folder, and the job does not install Poetry before step \"{}\"",
            setup.display_name()
        ));
    }
    let listing = listing(ctx, &cache, needs)?;
    let keyed_on = match (tool, major) {
        (PythonTool::Pip, _) => match (named(&listing, "requirements.txt"), major) {
            (Some(p), _) => p,
            (None, 5..) => named(&listing, "pyproject.toml").ok_or(
                "no `requirements.txt` or `pyproject.toml` in the repository: setup-python's `cache: pip` fails the job \
                 without one",
            )?,
            (None, _) => {
                return Err(format!(
                    "no `requirements.txt` in the repository that setup-python v{major}'s `cache: pip` accepts, and it \
                     fails the job without one"
                ));
            }
        },
        (PythonTool::Pipenv, _) => named(&listing, "Pipfile.lock")
            .ok_or("no `Pipfile.lock` in the repository: setup-python's `cache: pipenv` fails the job without one")?,
        (PythonTool::Poetry, _) => named(&listing, "poetry.lock")
            .ok_or("no `poetry.lock` in the repository: setup-python's `cache: poetry` fails the job without one")?,
    };
    part(ctx, setup, &[("cache", name)], &keyed_on, "packages from PyPI", name).map(Some)
}

/// A step that installs Poetry: `pipx install poetry` (setup-python's own
/// example), `pip install poetry`, or an action that installs it.
fn installs_poetry(step: &Step<'_>) -> bool {
    if ["snok/install-poetry", "abatilo/actions-poetry"]
        .iter()
        .any(|a| audit::uses_action(step.node, a))
    {
        return true;
    }
    let Some(script) = step.run().and_then(Node::as_str) else {
        return false;
    };
    script.lines().any(|line| {
        let words: Vec<&str> = strip_comment(line)
            .split_whitespace()
            .map(|w| w.trim_matches(['"', '\'']))
            .collect();
        let installs = words
            .windows(2)
            .any(|w| matches!(w[0], "pipx" | "pip" | "pip3") && w[1] == "install");
        let poetry = |w: &&str| {
            w.strip_prefix("poetry")
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['=', '<', '>', '~', '!']))
        };
        installs && words.iter().any(poetry)
    })
}

/// setup-uv's `enable-cache` (its action.yml): `auto` by default from v5
/// on, which caches on GitHub-hosted runners (and, from v10, not for
/// release, `pull_request_target` or `workflow_run` runs), so nothing is
/// added there; `false` by default before, where v3 and v4 key the cache on
/// `**/uv.lock` and fail the step when no file matches. v1 and v2 keyed it
/// on other files, so they are left alone.
fn uv(ctx: &Ctx<'_>, root: &Node, job: &Job<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    let Some(setup) = setup(job, step, "astral-sh/setup-uv", "enable-cache") else {
        return Ok(None);
    };
    if already_cached(job, &[".cache/uv", "uv-cache"]) {
        return Ok(None);
    }
    let major = audit::major_version(setup.node).ok_or(
        "the setup-uv version is not a `vN` tag, so whether it caches by default and what it keys the cache on is unknown",
    )?;
    match major {
        5.. => return Ok(None),
        3 | 4 => {}
        _ => {
            return Err(format!(
                "setup-uv v{major} keys its cache on files autoheal does not check for; from v5 on it caches by default on \
                 GitHub-hosted runners"
            ));
        }
    }
    let cache = format!("setup-uv v{major}'s `enable-cache: true`");
    prerequisites(root, job, setup, &cache, "a `uv.lock`")?;
    let listing = listing(ctx, &cache, "a `uv.lock`")?;
    let lock = named(&listing, "uv.lock")
        .ok_or_else(|| format!("no `uv.lock` in the repository: {cache} fails the step without one"))?;
    part(
        ctx,
        setup,
        &[("enable-cache", "true")],
        &lock,
        "packages from PyPI",
        "uv",
    )
    .map(Some)
}

/// `cache: maven` / `cache: gradle` on the job's `actions/setup-java` step.
fn java(ctx: &Ctx<'_>, root: &Node, job: &Job<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    let Some(setup) = setup(job, step, "actions/setup-java", "cache") else {
        return Ok(None);
    };
    let (tool, pattern): (&str, fn(&str) -> bool) =
        match fetch::step_tool(step, RateLimitService::MavenCentral).as_deref() {
            Some("mvn" | "mvnw") => ("maven", |p| p.rsplit('/').next() == Some("pom.xml")),
            Some("gradle" | "gradlew") => ("gradle", |p| {
                let name = p.rsplit('/').next().unwrap_or(p);
                name.contains(".gradle") || name == "gradle-wrapper.properties"
            }),
            _ => return Ok(None),
        };
    if already_cached(job, if tool == "maven" { &[".m2"] } else { &[".gradle"] }) {
        return Ok(None);
    }
    prerequisites(
        root,
        job,
        setup,
        &format!("setup-java's `cache: {tool}`"),
        "the build files",
    )?;
    // Without a listing, the build command itself needs the build file it
    // keys on (a `pom.xml`, a Gradle build script), so it exists.
    let keyed_on = match ctx.repo.list() {
        Some(listing) => listing
            .iter()
            .find(|p| pattern(p))
            .cloned()
            .ok_or_else(|| format!("no build file in the repository that setup-java's `cache: {tool}` keys on"))?,
        None if tool == "maven" => "**/pom.xml".to_string(),
        None => "**/*.gradle*".to_string(),
    };
    let what = if tool == "maven" {
        "artifacts (it keeps `~/.m2/repository`)"
    } else {
        "dependencies and Gradle distributions (it keeps `~/.gradle/caches` and `~/.gradle/wrapper`)"
    };
    part(ctx, setup, &[("cache", tool)], &keyed_on, what, tool).map(Some)
}
