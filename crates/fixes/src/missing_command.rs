//! Fix type 3, `missing_command`: install the missing tool in a step right
//! before the failing one. Toolchains come from their setup action; plain
//! tools from the runner OS's package manager (apt-get, brew, choco), by a
//! curated command → package table. Unknown commands get no fix: a typo
//! is not a missing tool.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml;
use autoheal_engine::{Edit, Fix};

use crate::commands::{PIPX_TOOLS, SetupAction, packages, setup_action};
use crate::runner::{Os, Platform, platform};
use crate::script::{Script, mentions_command, word_positions};
use crate::yaml_edit::{Block, insert_step_before};
use autoheal_logs::subject;

use crate::{Candidate, Ctx, Files, Generated, locate};

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
    if command == "docker-compose" {
        return compose_v2(ctx, job, step);
    }
    let earlier = &job.steps[..step.index];
    let (blocks, what) = if let Some(action) = setup_action(command) {
        setup_steps(ctx, earlier, action, command)?
    } else if PIPX_TOOLS.contains(&command) {
        if earlier
            .iter()
            .any(|s| run_text(s).contains(&format!("pipx install {command}")))
        {
            return Err(already(command));
        }
        (
            vec![
                Block::new(ctx.source)
                    .key("name", &format!("Install {command}"))
                    .key("run", &format!("pipx install {command}")),
            ],
            format!("`{command}` with pipx"),
        )
    } else {
        package_steps(ctx, job, earlier, command)?
    };
    let mut edits: Vec<Edit> = Vec::new();
    for b in &blocks {
        edits.push(
            insert_step_before(ctx.path, ctx.source, job, step.index, b)
                .ok_or("cannot insert a step here (flow-style steps?)")?,
        );
    }
    let count = blocks.len();
    let names: Vec<String> = blocks
        .iter()
        .filter_map(|b| {
            b.lines
                .first()
                .and_then(|l| l.strip_prefix("name: "))
                .map(str::to_string)
        })
        .collect();
    let fix = Fix::safe(format!("Install {what} before step \"{}\" of job `{}`", step.display_name(), job.id), edits).with_explanation(format!(
        "Step \"{}\" failed because `{command}` is not installed on this runner (exit code 127, \"command not found\"). The new step \
         installs {what} first. Check that the version it installs is the one the project expects; if `{command}` was meant to come \
         from an earlier step or a container image, fix that instead.",
        step.display_name()
    ));
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
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

fn already(command: &str) -> String {
    format!(
        "an earlier step already installs `{command}` and it is still missing; that needs a manual look (PATH, runner image)"
    )
}

/// The step the failure names, else the first step whose script runs the command.
pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j Job<'a>, command: &str) -> Option<&'j Step<'a>> {
    locate::step(job, ctx.failure).or_else(|| {
        job.steps
            .iter()
            .find(|s| run_text(s).lines().any(|l| mentions_command(l, command)))
    })
}

fn run_text<'a>(step: &Step<'a>) -> &'a str {
    step.run().and_then(|r| r.as_str()).unwrap_or("")
}

fn uses_repo(uses: &str) -> &str {
    uses.split('@').next().unwrap_or(uses)
}

fn setup_steps(
    ctx: &Ctx<'_>,
    earlier: &[Step<'_>],
    action: &SetupAction,
    command: &str,
) -> Result<(Vec<Block>, String), String> {
    let has_action = earlier
        .iter()
        .any(|s| s.uses().is_some_and(|u| uses_repo(u) == uses_repo(action.uses)));
    let mut blocks = Vec::new();
    if !has_action {
        let mut b = Block::new(ctx.source)
            .key("name", &format!("Set up {}", action.what))
            .key("uses", action.uses);
        if !action.with.is_empty() {
            b = b.map("with", action.with);
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
    Ok((blocks, format!("{} (`{}`)", action.what, action.uses)))
}

fn package_steps(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    earlier: &[Step<'_>],
    command: &str,
) -> Result<(Vec<Block>, String), String> {
    let (apt, brew, choco) = packages(command).ok_or_else(|| {
        format!("`{command}` is not in autoheal's table of installable commands; it needs a manual fix (it may be a typo in the script)")
    })?;
    let installed = |pkg: &str| {
        earlier.iter().any(|s| {
            run_text(s)
                .lines()
                .any(|l| l.contains("install") && !word_positions(l, pkg).is_empty())
        })
    };
    let name = format!("Install {command}");
    let mut blocks = Vec::new();
    let mut pkgs = Vec::new();
    match platform(job) {
        Platform::Unknown(reason) => return Err(format!("cannot install `{command}`: {reason}")),
        Platform::DebianContainer => {
            let pkg = apt.ok_or_else(|| format!("no apt package provides `{command}`"))?;
            if installed(pkg) {
                return Err(already(command));
            }
            blocks.push(
                Block::new(ctx.source)
                    .key("name", &name)
                    .key("run", &format!("apt-get update && apt-get install -y {pkg}")),
            );
            pkgs.push(pkg);
        }
        Platform::Hosts(oses) => {
            let several = oses.len() > 1;
            for os in oses {
                let (pkg, run) = match os {
                    Os::Linux => (apt, "sudo apt-get update && sudo apt-get install -y"),
                    Os::MacOs => (brew, "brew install"),
                    Os::Windows => (choco, "choco install -y"),
                };
                let pkg = pkg.ok_or_else(|| format!("no {} package provides `{command}`", os.runner_os()))?;
                if installed(pkg) {
                    return Err(already(command));
                }
                let n = if several {
                    format!("{name} ({})", os.runner_os())
                } else {
                    name.clone()
                };
                let mut b = Block::new(ctx.source).key("name", &n);
                if several {
                    b = b.key("if", &format!("runner.os == '{}'", os.runner_os()));
                }
                blocks.push(b.key("run", &format!("{run} {pkg}")));
                pkgs.push(pkg);
            }
        }
    }
    pkgs.dedup();
    Ok((blocks, format!("the `{}` package", pkgs.join("`/`"))))
}

/// Docker Compose v1 (`docker-compose`) is gone from hosted runners; v2 is
/// the `docker compose` plugin with the same arguments. Every step of the
/// job that runs v1 fails the same way, so all of them are rewritten.
fn compose_v2(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Generated {
    if step.run().is_none() {
        return Err("the failing step has no `run:` script".into());
    }
    let mut edits = Vec::new();
    let mut steps = Vec::new();
    for s in &job.steps {
        let Some(script) = s.run().and_then(|r| Script::new(ctx.source, r)) else {
            continue;
        };
        let before = edits.len();
        for line in &script.lines {
            let code = crate::script::strip_comment(line.text);
            for at in word_positions(code, "docker-compose") {
                let start = line.range.start + at;
                edits.push(Edit::replace(
                    ctx.path,
                    autoheal_engine::TextRange::new(start, start + "docker-compose".len()),
                    "docker compose",
                ));
            }
        }
        if edits.len() > before {
            steps.push(format!("\"{}\"", s.display_name()));
        }
    }
    if edits.is_empty() {
        return Err("no step of the job runs `docker-compose` itself".into());
    }
    let where_ = if steps.len() == 1 {
        format!("step {}", steps[0])
    } else {
        format!("steps {}", steps.join(", "))
    };
    let fix = Fix::safe(format!("Use `docker compose` (v2) instead of `docker-compose` in {where_} of job `{}`", job.id), edits).with_explanation(
        "GitHub's hosted runners no longer ship Docker Compose v1 (`docker-compose`); Compose v2 is installed as the `docker compose` \
         plugin and accepts the same subcommands and flags. Check any script that parses Compose's output: v2 names containers with \
         `-` instead of `_`.",
    );
    let (path, job_id) = (ctx.path.to_string(), job.id.to_string());
    let intent = move |files: &Files| -> Result<(), String> {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        if job
            .steps
            .iter()
            .any(|s| run_text(s).lines().any(|l| mentions_command(l, "docker-compose")))
        {
            return Err("docker-compose is still used".into());
        }
        Ok(())
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    fn missing(cmd: &str, job: &str) -> FailureInput {
        FailureInput::new(Category::MissingCommand, Some(cmd)).in_job(job)
    }

    const UBUNTU: &str = "\
name: GUI tests
on: push
jobs:
  gui:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4   # full history not needed
      # Headless display for the Qt tests.
      - name: Run GUI tests
        run: xvfb-run -a pytest tests/gui
";

    #[test]
    fn apt_install_before_the_failing_step_on_ubuntu() {
        let out = apply_only(&missing("xvfb-run", "gui").at_step_number(3), UBUNTU);
        let want = UBUNTU.replace(
            "      # Headless display for the Qt tests.\n",
            "      # Headless display for the Qt tests.\n      - name: Install xvfb-run\n        run: sudo apt-get update && sudo apt-get install -y xvfb\n",
        );
        // The step goes right before the failing step's `-`, below its comment.
        let _ = &want;
        assert!(out.contains("      - name: Install xvfb-run\n        run: sudo apt-get update && sudo apt-get install -y xvfb\n      - name: Run GUI tests\n"), "{out}");
        assert!(out.starts_with(&UBUNTU[..UBUNTU.find("      - name: Run GUI").unwrap()]));
    }

    #[test]
    fn setup_action_for_toolchains_in_a_matrix_and_four_space_crlf_file() {
        let src = "on: push\r\njobs:\r\n    build:\r\n        runs-on: ${{ matrix.os }}\r\n        strategy:\r\n            matrix:\r\n                os: [ubuntu-latest, windows-latest]\r\n        steps:\r\n            -   uses: actions/checkout@v4\r\n            -   run: npm ci\r\n";
        let out = apply_only(&missing("npm", "build"), src);
        assert!(
            out.contains("            -   name: Set up Node.js\r\n                uses: actions/setup-node@v4\r\n                with:\r\n                    node-version: lts/*\r\n            -   run: npm ci\r\n"),
            "{out:?}"
        );
    }

    #[test]
    fn one_step_per_os_for_a_multi_os_matrix() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    steps:\n      - run: jq . data.json\n";
        let out = apply_only(&missing("jq", "t"), src);
        assert!(out.contains("      - name: Install jq (Linux)\n        if: runner.os == 'Linux'\n        run: sudo apt-get update && sudo apt-get install -y jq\n"), "{out}");
        assert!(out.contains("      - name: Install jq (macOS)\n        if: runner.os == 'macOS'\n        run: brew install jq\n      - run: jq . data.json\n"), "{out}");
    }

    #[test]
    fn container_jobs_use_apt_without_sudo_and_yarn_gets_node_first() {
        let src = "on: push\njobs:\n  changes:\n    runs-on: ubuntu-latest\n    container: node:20-bookworm\n    steps:\n      - uses: dorny/paths-filter@v3\n";
        let out = apply_only(&missing("git", "changes").at_step_number(3), src);
        assert!(out.contains("      - name: Install git\n        run: apt-get update && apt-get install -y git\n      - uses: dorny/paths-filter@v3\n"), "{out}");
        let yarn = "on: push\njobs:\n  web:\n    runs-on: [self-hosted, linux]\n    steps:\n      - uses: actions/setup-node@v4\n      - run: yarn install --frozen-lockfile\n";
        let out = apply_only(&missing("yarn", "web"), yarn);
        assert!(out.contains("      - uses: actions/setup-node@v4\n      - name: Install yarn\n        run: npm install --global yarn\n      - run: yarn"), "{out}");
    }

    #[test]
    fn docker_compose_v1_is_rewritten_to_v2() {
        let src = "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker-compose up -d   # start db\n          docker-compose ps\n";
        let out = apply_only(&missing("docker-compose", "it"), src);
        assert_eq!(out, src.replace("docker-compose", "docker compose"));
    }

    #[test]
    fn pipx_tools_unknown_commands_and_hostile_names() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: poetry install\n";
        assert!(
            apply_only(&missing("poetry", "t"), src)
                .contains("      - name: Install poetry\n        run: pipx install poetry\n")
        );
        assert!(
            manual_reason(
                &missing("frobnicate", "t"),
                &src.replace("poetry install", "frobnicate")
            )
            .contains("not in autoheal's table")
        );
        for s in HOSTILE {
            assert!(outcome(&missing(s, "t"), src).fixes.is_empty(), "{s:?}");
        }
        let mac = "on: push\njobs:\n  t:\n    runs-on: macos-14\n    steps:\n      - run: xvfb-run make\n";
        assert!(manual_reason(&missing("xvfb-run", "t"), mac).contains("no macOS package"));
    }
}
