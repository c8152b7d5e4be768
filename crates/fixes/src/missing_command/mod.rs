//! Fix type 3, `missing_command`: install the missing tool in steps right
//! before the failing one. Toolchains come from their setup action; plain
//! tools from the runner OS's package manager (apt-get, brew, choco), by the
//! curated command → package table; which of these a command takes is
//! `autoheal_logs::knowledge::install::route`, the one decision the
//! diagnosis's `fixable` reads too (a command it has no route for is
//! `fixable: false` there and gets no fix here); a program the
//! install leaves off the PATH of later steps (a Windows installer's
//! directory, a keg-only formula) gets its directory published through
//! `$GITHUB_PATH`, and a choco package that cannot reach it gives no fix
//! (`install::OnPath::No`). No fix when:
//! the command is not in the table (a typo is not a missing tool; a near
//! miss of a known tool is named as such), the job runs on a GitHub-hosted
//! Ubuntu image that already has it (then a container, `PATH` or the shell
//! is at fault), an earlier step already installs it on that OS (a step whose
//! literal `if:` keeps it to another OS, `runner::guard_excludes`, does not
//! count), or the job runs on a
//! self-hosted runner (unknown distribution and `sudo`, and a machine other
//! jobs share). Titles name the
//! steps the edit adds. `docker-compose` is rewritten to Compose v2
//! ([`compose`]).

mod compose;
mod pnpm;
mod wrapper;

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};
use autoheal_logs::knowledge::install::{self, Brew, BrewPath, Choco, OnPath, Route, SetupAction, apk_package};
use autoheal_logs::knowledge::place::{Concrete, Image, Machine, Place, PlaceOs};
use autoheal_logs::knowledge::tools::likely_typo_of;
use autoheal_logs::shell_lex::{Dialect, LogicalLine, logical_lines_in};
use autoheal_logs::subject;

use crate::elsewhere::{IMAGE_BUILD_ACTIONS, elsewhere_in, image_build_in, runs_command};
use crate::runner::{Os, Platform, guard_excludes, is_github_hosted, platform};
use crate::script::{mentions_command, word_positions};
use crate::yaml_edit::{Block, insert_step_before, scalar};
use crate::{Candidate, Ctx, Files, Generated, locate};
use pnpm::pnpm_version;

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let command = ctx
        .failure
        .subject()
        .ok_or("the log does not name the missing command")?;
    if !subject::is_command(command) {
        return Err("the missing command's name is not a plain command name; it is not used in a fix".into());
    }
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step = failing_step(ctx, job, command)
        .ok_or_else(|| format!("cannot find the step of job `{}` that runs `{command}`", job.id))?;
    if let Some((shell, tool)) = crate::elsewhere::shell_elsewhere(job, root, step) {
        return Err(format!(
            "step \"{}\" runs its script through `shell: {shell}`, which runs `{tool}`: `{command}` is missing there (in \
             WSL, a container or another machine), where an install on the runner does not arrive (a manual fix)",
            step.display_name()
        ));
    }
    runs_on_the_runner(step, &crate::elsewhere::step_lines(ctx, job, step), command)?;
    // The one decision the diagnosis's `fixable` reads too.
    let route = install::route(command).ok_or_else(|| no_route(command))?;
    if let Route::ComposeV2 = route {
        if step.run().is_none() {
            return Err("the failing step has no `run:` script".into());
        }
    } else if let Some(uses) = step.uses() {
        action_reaches_the_runner(ctx, step, uses, command)?;
    }
    // Where the job runs, against the one list of places each route
    // cannot reach (the diagnosis reads it with the place its log shows).
    reaches_every_place(ctx, job, command, route)?;
    if let Route::ComposeV2 = route {
        return compose::compose_v2(ctx, job);
    }
    let pinned = wrapper::pinned(ctx, command)?;
    let earlier = &job.steps[..step.index];
    let blocks = match route {
        Route::Setup(action) => setup_steps(ctx, job, step, earlier, action, command)?,
        Route::Pipx => pipx_steps(ctx, earlier, command)?,
        Route::Packages { apt, brew, choco } => package_steps(ctx, job, earlier, command, (apt, brew, choco))?,
        Route::ComposeV2 => return Err(no_route(command)),
    };
    // In a container without git, actions/checkout downloads the tree
    // through the REST API, with no `.git` (its log says so: "To create a
    // local Git repository instead, add Git 2.18 or higher to the PATH"): git
    // installed after the checkout finds no repository, so it goes before
    // the checkout (review89 H2).
    let before = match platform(job) {
        Platform::DebianContainer | Platform::AlpineContainer if command == "git" => earlier
            .iter()
            .find(|s| s.uses().is_some_and(|u| u.starts_with("actions/checkout@")))
            .unwrap_or(step),
        _ => step,
    };
    let mut edits: Vec<Edit> = Vec::new();
    for b in &blocks {
        edits.push(
            insert_step_before(ctx.path, ctx.source, job, before.index, b)
                .ok_or("cannot insert a step here (flow-style steps?)")?,
        );
    }
    let count = blocks.len();
    let names: Vec<String> = blocks.iter().filter_map(block_name).collect();
    let runs: Vec<String> = blocks.iter().map(block_does).collect();
    let listed = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(" and ");
    let title = format!(
        "Add step{} {listed} before step \"{}\" of job `{}`",
        if count > 1 { "s" } else { "" },
        before.display_name(),
        job.id
    );
    let explanation = format!(
        "Step \"{}\" failed because `{command}` is not installed where it runs (exit code 127, \"command not found\"). The fix \
         adds, before {}, {}. Check that the version installed is the one the project expects; if `{command}` was meant to \
         come from an earlier step or a container image, fix that instead.",
        step.display_name(),
        if before.index == step.index {
            "it".to_string()
        } else {
            format!(
                "step \"{}\" (the checkout, which needs git to make a real clone)",
                before.display_name()
            )
        },
        runs.join(", then ")
    );
    let fix = match pinned {
        wrapper::Pinned::No => Fix::safe(title, edits).with_explanation(explanation),
        wrapper::Pinned::Unknown(w) => {
            Fix::unsafe_(title, edits).with_explanation(explanation + &wrapper::unknown_note(w))
        }
    };
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), before.index);
    let intent = move |files: &Files| -> Result<(), String> {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        for (i, name) in names.iter().enumerate() {
            if job.steps.get(index + i).and_then(Step::name) != Some(name.as_str()) {
                return Err(format!("step \"{name}\" is not before the failing step"));
            }
        }
        job.steps
            .get(index + count)
            .map(|_| ())
            .ok_or_else(|| "the failing step moved".to_string())
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

fn block_name(b: &Block) -> Option<String> {
    b.lines
        .first()
        .and_then(|l| l.strip_prefix("name: "))
        .map(str::to_string)
}

/// "a step running `x`" / "a step using `a@v`", for the explanation.
fn block_does(b: &Block) -> String {
    let name = block_name(b).unwrap_or_default();
    let what = b.lines.iter().find_map(|l| {
        l.strip_prefix("run: ")
            .map(|r| format!("running `{r}`"))
            .or_else(|| l.strip_prefix("uses: ").map(|u| format!("using `{u}`")))
    });
    format!("a step \"{name}\" {}", what.unwrap_or_default())
}

fn already(command: &str) -> String {
    format!(
        "an earlier step already installs `{command}` and it is still missing; that needs a manual look (PATH, runner image)"
    )
}

/// The step the failure names, else the first step whose script runs the
/// command (in command position, `elsewhere::runs_command`, on logical
/// lines), else the first that names it. An earlier step that only names it
/// (an install of it, an `echo`) is not where it went missing: taking it
/// would put the install before the wrong step and hide an earlier install
/// from the "already installed" check (review80's note on this fallback).
pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j Job<'a>, command: &str) -> Option<&'j Step<'a>> {
    locate::step(job, ctx.failure)
        .or_else(|| {
            job.steps.iter().find(|s| {
                let dialect = ctx
                    .doc
                    .root
                    .as_ref()
                    .map_or(Dialect::Posix, |root| crate::runner::script_dialect(root, job, s.node));
                logical_lines_in(run_text(s), dialect)
                    .iter()
                    .any(|l| crate::elsewhere::runs_command(&l.code, command))
            })
        })
        .or_else(|| {
            job.steps
                .iter()
                .find(|s| run_text(s).lines().any(|l| mentions_command(l, command)))
        })
}

/// A step that starts a container, reaches another machine or builds an
/// image may have missed `command` there (`docker run img pandoc`, a
/// Dockerfile's `RUN protoc`), where an install on the runner never arrives;
/// the log line alone does not always say which side printed it, so only the
/// container tool itself (`docker: command not found`) is read as the
/// runner's.
fn runs_on_the_runner(step: &Step<'_>, lines: &[LogicalLine], command: &str) -> Result<(), String> {
    let name = step.display_name();
    if let Some(action) = step
        .uses()
        .map(|u| u.split('@').next().unwrap_or(u).trim())
        .filter(|a| IMAGE_BUILD_ACTIONS.iter().any(|b| a.eq_ignore_ascii_case(b)))
    {
        return Err(format!(
            "step \"{name}\" builds an image with `{action}`: `{command}` is missing inside the image being built, which \
             no step of the workflow installs into; the Dockerfile needs it (a manual fix)"
        ));
    }
    // Judged on logical lines: a `\` continuation, a quote left open or a
    // heredoc body belongs to the command that opens it (review81 H1).
    // `lines` are the step's script, read in its shell's dialect, and what it
    // runs in the repository (`elsewhere::step_lines`: its scripts, make
    // recipes, a local composite action's steps; review82 M2).
    let away = |text: &str| elsewhere_in(text).or_else(|| image_build_in(text));
    let Some(tool) = lines.iter().find_map(|l| away(&l.code).or_else(|| away(&l.body))) else {
        return Ok(());
    };
    if tool.split_whitespace().next() == Some(command) {
        return Ok(());
    }
    // A command of its own that runs the program (in command position, not
    // a word of an echo or a directory name), outside any container
    // command, is the runner's (so is a heredoc the runner's own shell
    // runs); named only inside a container command, or nowhere (a
    // Dockerfile's `RUN`), it may be the container's.
    let on_the_runner = |l: &LogicalLine| {
        away(&l.code).is_none()
            && away(&l.body).is_none()
            && (runs_command(&l.code, command) || (l.body_runs_here() && runs_command(&l.body, command)))
    };
    if lines.iter().any(on_the_runner) {
        return Ok(());
    }
    Err(format!(
        "step \"{name}\" runs `{tool}`, and `{command}` may be missing there (in a container, an image being built or \
         another machine, whose programs come from its image or host) rather than on the runner; an install on the \
         runner would not reach it (a manual fix)"
    ))
}

/// A command missing in a step that runs an action is installed before it
/// only when the action runs on the runner (JavaScript or composite): a
/// Docker action runs in its own image, which no workflow step reaches.
fn action_reaches_the_runner(ctx: &Ctx<'_>, step: &Step<'_>, uses: &str, command: &str) -> Result<(), String> {
    let uses = uses.trim();
    let name = step.display_name();
    let docker = |what: &str| {
        format!(
            "step \"{name}\" runs {what}, a Docker action: `{command}` is missing from its image, which no step of the \
             workflow can install; the action's image needs it (a manual fix)"
        )
    };
    if uses.starts_with("docker://") {
        return Err(docker(&format!("the image `{uses}`")));
    }
    let kind = if uses.starts_with("./") {
        // The one reading of a local action's directory, which the heal loop fetches by.
        autoheal_engine::repo::local_action_dir(uses)
            .and_then(|dir| {
                ["action.yml", "action.yaml"]
                    .iter()
                    .find_map(|f| ctx.repo.read(&format!("{dir}/{f}")))
            })
            .and_then(|text| autoheal_engine::rules::action::action_runtime(&text))
            .map(|using| using.eq_ignore_ascii_case("docker"))
    } else {
        let (action, git_ref) = uses.split_once('@').unwrap_or((uses, ""));
        autoheal_engine::rules::action::runtimes::is_docker_action(action, git_ref)
    };
    match kind {
        Some(false) => Ok(()),
        Some(true) => Err(docker(&format!("`{uses}`"))),
        None => Err(format!(
            "step \"{name}\" runs `{uses}`, and autoheal does not know whether that action runs in its own Docker image, \
             where a `{command}` installed by the workflow would not reach (a manual fix: if it runs on the runner, install \
             `{command}` in a step before it)"
        )),
    }
}

pub(super) fn run_text<'a>(step: &Step<'a>) -> &'a str {
    step.run().and_then(Node::as_str).unwrap_or("")
}

fn uses_repo(uses: &str) -> &str {
    uses.split('@').next().unwrap_or(uses)
}

/// Whether some runner the job can get is a Linux ARM64 machine (GitHub's
/// `-arm` images, or a Linux label beside an ARM64 one), by the engine's
/// one reading of runner labels. A `runs-on` whose combinations run past
/// a few dozen is taken as possibly ARM64 (the refusal is the safe side).
fn runs_on_linux_arm64(job: &Job<'_>) -> bool {
    const MAX_RUNNERS: usize = 64;
    use autoheal_engine::rules::runner_label::{Machine, Os, job_labels, machine, os};
    let mut runners: Vec<Vec<String>> = vec![Vec::new()];
    for label in job_labels(job) {
        let Some(values) = label.values else { continue };
        let mut next = Vec::new();
        for runner in &runners {
            for value in &values {
                let mut r = runner.clone();
                r.extend(value.iter().map(|l| l.to_string()));
                next.push(r);
            }
        }
        if next.len() > MAX_RUNNERS {
            return true;
        }
        if !next.is_empty() {
            runners = next;
        }
    }
    runners.iter().any(|labels| {
        labels.iter().any(|l| machine(l) == Some(Machine::Arm64))
            && labels.iter().all(|l| os(l).is_none_or(|o| o == Os::Linux))
    })
}

/// The places job `job` runs (`runs-on`, its matrix, `container:`), each
/// with its OS, architecture and machine, a `runs-on` autoheal cannot read
/// as every place. For an OS package alone, the matrix leg the log names
/// (`runner::leg_os`): its install steps are guarded by `runner.os`, so
/// other legs never run them. Every other route's step is unguarded and runs
/// on every leg, so every leg must be reachable (the leg's name is the log's,
/// untrusted, and must not lift a refusal).
fn job_places(ctx: &Ctx<'_>, job: &Job<'_>, route: Route) -> Vec<Concrete> {
    let arm64 = runs_on_linux_arm64(job);
    let place = |os: Option<PlaceOs>, machine: Machine| Place {
        os,
        arm64: Some(arm64 && os.is_none_or(|o| o == PlaceOs::Linux)),
        machine: Some(machine),
    };
    let places = match platform(job) {
        Platform::DebianContainer => vec![place(None, Machine::Container(Some(Image::Debian)))],
        Platform::AlpineContainer => vec![place(None, Machine::Container(Some(Image::Alpine)))],
        Platform::Unknown(_) if job.get("container").is_some() => {
            vec![place(None, Machine::Container(Some(Image::Other)))]
        }
        Platform::Hosts(oses) => {
            let leg = matches!(route, Route::Packages { .. })
                .then(|| crate::runner::leg_os(ctx.failure.job.as_deref(), &oses))
                .flatten();
            let oses = match leg {
                Some(leg) => vec![leg],
                None => oses,
            };
            let machine = if is_github_hosted(job) {
                Machine::Hosted
            } else {
                Machine::SelfHosted
            };
            oses.into_iter()
                .map(|os| {
                    let os = match os {
                        Os::Linux => PlaceOs::Linux,
                        Os::MacOs => PlaceOs::MacOs,
                        Os::Windows => PlaceOs::Windows,
                    };
                    place(Some(os), machine)
                })
                .collect()
        }
        // No OS label and not GitHub's images: a self-hosted runner (or a
        // `runs-on` only the run resolves), on any OS.
        Platform::Unknown(_) => vec![place(None, Machine::SelfHosted)],
    };
    places.iter().flat_map(Place::completions).collect()
}

/// The route's fix works in every place the job runs (`install::refusal`,
/// the one list): a place it cannot reach refuses it, and so does every
/// place being a hosted Ubuntu image that already has the command (a job
/// that also runs elsewhere may have missed it there).
fn reaches_every_place(ctx: &Ctx<'_>, job: &Job<'_>, command: &str, route: Route) -> Result<(), String> {
    let places = job_places(ctx, job, route);
    let because = |why: String| match platform(job) {
        Platform::Unknown(reason) => format!("{why} ({reason})"),
        _ => why,
    };
    if let Some(why) = places.iter().find_map(|at| install::cannot_reach(command, route, at)) {
        return Err(because(why));
    }
    let preinstalled: Vec<String> = places
        .iter()
        .filter_map(|at| install::preinstalled(command, route, at))
        .collect();
    if !places.is_empty() && preinstalled.len() == places.len() {
        return Err(preinstalled.into_iter().next().unwrap_or_default());
    }
    Ok(())
}

fn setup_steps(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
    earlier: &[Step<'_>],
    action: &SetupAction,
    command: &str,
) -> Result<Vec<Block>, String> {
    let has_action = earlier
        .iter()
        .any(|s| s.uses().is_some_and(|u| uses_repo(u) == uses_repo(action.uses)));
    let mut blocks = Vec::new();
    if !has_action {
        let mut b = Block::new(ctx.source)
            .key("name", &format!("Set up {}", action.what))
            .key("uses", action.uses);
        let mut with: Vec<(&str, String)> = action.with.iter().map(|(k, v)| (*k, v.to_string())).collect();
        if command == "pnpm" {
            if let Some(v) = project_pnpm(ctx, job, step)? {
                with.push(("version", v.to_string()));
            }
        }
        if !with.is_empty() {
            let pairs: Vec<(&str, &str)> = with.iter().map(|(k, v)| (*k, v.as_str())).collect();
            b = b.map("with", &pairs);
        }
        blocks.push(b);
    }
    if let Some(run) = action.then_run {
        if !earlier.iter().any(|s| run_text(s).contains(run)) {
            blocks.push(
                Block::new(ctx.source)
                    .key("name", &format!("Install {command}"))
                    .key("run", run),
            );
        }
    }
    if blocks.is_empty() {
        return Err(already(command));
    }
    Ok(blocks)
}

/// pnpm's version for `pnpm/action-setup`, from the project's files next to
/// where the step runs.
fn project_pnpm(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Option<&'static str>, String> {
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let dir = job
        .written_working_directory(root, step.node)
        .and_then(Node::as_str)
        .and_then(subject::workspace_path);
    let at = |file: &str| match &dir {
        Some(d) => format!("{d}/{file}"),
        None => file.to_string(),
    };
    let package = ctx.repo.read(&at("package.json"));
    let lock = ctx.repo.read(&at("pnpm-lock.yaml"));
    pnpm_version(package.as_deref(), lock.as_deref())
}

/// Why a command with no [`Route`] gets no fix.
fn no_route(command: &str) -> String {
    match likely_typo_of(command) {
        Some(tool) => format!(
            "`{command}` is not a command autoheal knows, and it is one slip away from `{tool}`: probably a typo in the \
             script (a manual fix)"
        ),
        None => format!(
            "`{command}` is not in autoheal's table of installable commands; it needs a manual fix (it may be a typo, or \
             come from a tool the job should install)"
        ),
    }
}

fn pipx_steps(ctx: &Ctx<'_>, earlier: &[Step<'_>], command: &str) -> Result<Vec<Block>, String> {
    if earlier
        .iter()
        .any(|s| run_text(s).contains(&format!("pipx install {command}")))
    {
        return Err(already(command));
    }
    Ok(vec![
        Block::new(ctx.source)
            .key("name", &format!("Install {command}"))
            .key("run", &format!("pipx install {command}")),
    ])
}

fn package_steps(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    earlier: &[Step<'_>],
    command: &str,
    (apt, brew, choco): (Option<&'static str>, Option<Brew>, Option<Choco>),
) -> Result<Vec<Block>, String> {
    // An earlier step installed it on `os` unless its `if:` kept it off that OS.
    let installed = |pkg: &str, os: Os| {
        earlier.iter().any(|s| {
            !guard_excludes(s.node, os)
                && run_text(s)
                    .lines()
                    .any(|l| l.contains("install") && !word_positions(l, pkg).is_empty())
        })
    };
    // An earlier step already names the directory (publishes it, or runs from it).
    let earlier_mentions = |dir: &str| earlier.iter().any(|s| run_text(s).contains(dir));
    let name = format!("Install {command}");
    let mut blocks = Vec::new();
    match platform(job) {
        // `reaches_every_place` refused these.
        Platform::Unknown(reason) => return Err(format!("cannot install `{command}`: {reason}")),
        Platform::DebianContainer => {
            let pkg = apt.ok_or_else(|| format!("no apt package provides `{command}`"))?;
            if installed(pkg, Os::Linux) {
                return Err(already(command));
            }
            blocks.push(
                Block::new(ctx.source)
                    .key("name", &name)
                    .key("run", &format!("apt-get update && apt-get install -y {pkg}")),
            );
        }
        Platform::AlpineContainer => {
            let pkg =
                apk_package(command).ok_or_else(|| format!("no Alpine package autoheal knows provides `{command}`"))?;
            let added = earlier.iter().any(|s| {
                run_text(s)
                    .lines()
                    .any(|l| l.contains("apk add") && !word_positions(l, pkg).is_empty())
            });
            if added {
                return Err(already(command));
            }
            blocks.push(
                Block::new(ctx.source)
                    .key("name", &name)
                    .key("run", &format!("apk add --no-cache {pkg}")),
            );
        }
        Platform::Hosts(_) if !is_github_hosted(job) => {
            return Err(format!(
                "cannot install `{command}`: job `{}` runs on a self-hosted runner",
                job.id
            ));
        }
        Platform::Hosts(oses) => {
            let several = oses.len() > 1;
            // Only the leg the log shows failing gets an install; its
            // step is still guarded, since the job runs other OSes too.
            let oses = match crate::runner::leg_os(ctx.failure.job.as_deref(), &oses) {
                Some(leg) => vec![leg],
                None => oses,
            };
            for os in oses {
                let (pkg, run) = match os {
                    Os::Linux => (apt, "sudo apt-get update && sudo apt-get install -y"),
                    Os::MacOs => (brew.map(|b| b.formula), "brew install"),
                    Os::Windows => (choco.map(|c| c.package), "choco install -y"),
                };
                let pkg = pkg.ok_or_else(|| format!("no {} package provides `{command}`", os.runner_os()))?;
                let earlier = installed(pkg, os);
                // A program the install leaves off the PATH of later steps (a Windows
                // installer's directory, the machine PATH only; a keg-only Homebrew formula)
                // gets its directory published for them through `$GITHUB_PATH`, in a shell the
                // step names whatever the job's default. After an earlier install, publishing
                // is the whole fix.
                let publish = match (os, choco.map(|c| c.on_path), brew.map(|b| b.on_path)) {
                    (Os::Windows, Some(OnPath::Dir(dir)), _) if !earlier || !earlier_mentions(dir) => {
                        Some(("pwsh", format!("Add-Content -Path $env:GITHUB_PATH -Value '{dir}'")))
                    }
                    (Os::MacOs, _, Some(BrewPath::Keg(dir))) => {
                        // An earlier step naming the keg (`brew --prefix libpq`,
                        // `/opt/homebrew/opt/libpq/bin`) already deals with its PATH.
                        let named =
                            earlier_mentions(&format!("--prefix {pkg}")) || earlier_mentions(&format!("opt/{pkg}/"));
                        (!earlier || !named).then(|| {
                            (
                                "bash",
                                format!("echo \"$(brew --prefix {pkg})/{dir}\" >> \"$GITHUB_PATH\""),
                            )
                        })
                    }
                    _ => None,
                };
                if earlier && publish.is_none() {
                    return Err(already(command));
                }
                let name = if earlier {
                    format!("Add {command}'s directory to PATH")
                } else {
                    name.clone()
                };
                let n = if several {
                    format!("{name} ({})", os.runner_os())
                } else {
                    name
                };
                let mut b = Block::new(ctx.source).key("name", &n);
                if several {
                    b = b.key("if", &format!("runner.os == '{}'", os.runner_os()));
                }
                let b = match publish {
                    Some((shell, p)) if earlier => b.key("shell", shell).key("run", &scalar(&p)),
                    Some((shell, p)) => {
                        let and = if shell == "pwsh" { ";" } else { " &&" };
                        b.key("shell", shell)
                            .key("run", &scalar(&format!("{run} {pkg}{and} {p}")))
                    }
                    None => b.key("run", &format!("{run} {pkg}")),
                };
                blocks.push(b);
            }
        }
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests;
