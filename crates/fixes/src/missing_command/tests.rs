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

/// A failure the log shows on one leg installs on that leg's OS only: the
/// other legs did not fail in this log, and a fix must not change them.
#[test]
fn a_failing_legs_install_is_for_its_os_only() {
    let src = "on: push\njobs:\n  t:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    steps:\n      - run: jq . data.json\n";
    let out = apply_only(&missing("jq", "t (macos-latest)"), src);
    assert!(
        out.contains("      - name: Install jq (macOS)\n        if: runner.os == 'macOS'\n        run: brew install jq\n      - run: jq . data.json\n"),
        "{out}"
    );
    assert!(!out.contains("apt-get"), "{out}");
}

/// An Alpine job container installs with apk, as root; a command without a
/// known Alpine package, a setup action (glibc builds) or an earlier `apk
/// add` of it gets no fix (batch 104's `node:20-alpine` without git).
#[test]
fn alpine_containers_use_apk_for_the_commands_it_knows() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container:\n      image: node:20-alpine\n    steps:\n      - run: git describe --tags\n";
    let out = apply_only(&missing("git", "build").at_step_number(1), src);
    assert!(
        out.contains("      - name: Install git\n        run: apk add --no-cache git\n      - run: git describe"),
        "{out}"
    );
    assert!(!out.contains("apt-get") && !out.contains("sudo"), "{out}");
    let cmake = src.replace("git describe --tags", "cmake -S . -B build");
    assert!(manual_reason(&missing("cmake", "build").at_step_number(1), &cmake).contains("no Alpine package"));
    let go = src.replace("git describe --tags", "go build ./...");
    assert!(manual_reason(&missing("go", "build").at_step_number(1), &go).contains("Alpine"));
    let added = src.replace("    steps:\n", "    steps:\n      - run: apk add --no-cache git bash\n");
    assert!(!manual_reason(&missing("git", "build").at_step_number(2), &added).is_empty());
}

#[test]
fn container_jobs_use_apt_without_sudo_and_yarn_gets_node_first() {
    let src = "on: push\njobs:\n  changes:\n    runs-on: ubuntu-latest\n    container: node:20-bookworm\n    steps:\n      - run: git diff --stat HEAD~1\n";
    let out = apply_only(&missing("git", "changes").at_step_number(3), src);
    assert!(
        out.contains(
            "      - name: Install git\n        run: apt-get update && apt-get install -y git\n      - run: git diff"
        ),
        "{out}"
    );
    // With a checkout earlier, git goes before it: without git the checkout
    // downloads the tree with no `.git`, and git after it finds no
    // repository (review89 H2). Another command still goes right before
    // the failing step.
    let checked_out = src.replace(
        "    steps:\n",
        "    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n",
    );
    let out = apply_only(&missing("git", "changes").at_step_number(5), &checked_out);
    assert!(
        out.contains("        run: apt-get update && apt-get install -y git\n      - uses: actions/checkout@v4\n"),
        "{out}"
    );
    let jq = checked_out.replace("git diff --stat HEAD~1", "jq . package.json");
    let out = apply_only(&missing("jq", "changes").at_step_number(5), &jq);
    assert!(
        out.contains("      - run: npm ci\n      - name: Install jq\n        run: apt-get update && apt-get install -y jq\n      - run: jq"),
        "{out}"
    );
    // An action whose kind autoheal does not know may be a Docker action,
    // whose image no install in the job's container reaches.
    let action = src.replace("run: git diff --stat HEAD~1", "uses: dorny/paths-filter@v3");
    assert!(manual_reason(&missing("git", "changes").at_step_number(3), &action).contains("does not know whether"));
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

#[test]
fn titles_name_the_steps_the_edit_adds() {
    let yarn = "on: push\njobs:\n  web:\n    runs-on: [self-hosted, linux]\n    steps:\n      - uses: actions/setup-node@v4\n      - run: yarn install --frozen-lockfile\n";
    let o = outcome(&missing("yarn", "web"), yarn);
    assert_eq!(
        o.fixes[0].title,
        "Add step \"Install yarn\" before step \"Run yarn install --frozen-lockfile\" of job `web`"
    );
    let bare = yarn.replace("      - uses: actions/setup-node@v4\n", "");
    let o = outcome(&missing("yarn", "web"), &bare);
    assert_eq!(
        o.fixes[0].title,
        "Add steps \"Set up Node.js\" and \"Install yarn\" before step \"Run yarn install --frozen-lockfile\" of job `web`"
    );
    assert!(
        o.fixes[0].explanation.contains("running `npm install --global yarn`"),
        "{}",
        o.fixes[0].explanation
    );
}

#[test]
fn preinstalled_tools_on_hosted_ubuntu_and_typos_get_no_fix() {
    let hosted = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git describe\n";
    assert!(manual_reason(&missing("git", "t"), hosted).contains("preinstalled on GitHub-hosted Ubuntu"));
    let container = hosted.replace(
        "runs-on: ubuntu-latest\n",
        "runs-on: ubuntu-latest\n    container: debian:12\n",
    );
    assert!(apply_only(&missing("git", "t"), &container).contains("run: apt-get update && apt-get install -y git\n"));
    let typo = "on: push\njobs:\n  t:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: pyhton -m app\n";
    assert!(manual_reason(&missing("pyhton", "t"), typo).contains("one slip away from `python`"));
}

#[test]
fn pnpm_takes_the_projects_version() {
    let src = "on: push\njobs:\n  web:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: pnpm install\n";
    let lock = repo(&[("pnpm-lock.yaml", "lockfileVersion: '9.0'\n")]);
    let out = apply_with_repo(&missing("pnpm", "web"), src, &lock);
    assert!(
        out[PATH].contains("        uses: pnpm/action-setup@v4\n        with:\n          version: 9\n"),
        "{}",
        out[PATH]
    );
    let pinned = repo(&[("package.json", "{\"packageManager\": \"pnpm@10.2.0\"}")]);
    let out = apply_with_repo(&missing("pnpm", "web"), src, &pinned);
    assert!(
        out[PATH].contains("        uses: pnpm/action-setup@v4\n      - run: pnpm install\n"),
        "{}",
        out[PATH]
    );
    assert!(manual_reason(&missing("pnpm", "web"), src).contains("which pnpm"));
}

#[test]
fn compose_v1_is_rewritten_only_on_hosted_runners() {
    let src =
        "on: push\njobs:\n  it:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: docker-compose up -d\n";
    assert!(manual_reason(&missing("docker-compose", "it"), src).contains("GitHub-hosted"));
}

/// A command missing in a step that runs an action is installed before it
/// only when the action runs on the runner: a Docker action runs in its own
/// image, and an action of unknown kind may be one.
#[test]
fn a_command_missing_inside_a_docker_action_is_not_installed_on_the_runner() {
    let src = |uses: &str| {
        format!(
            "on: push\njobs:\n  report:\n    runs-on: [self-hosted, linux]\n    container: node:20\n    steps:\n      - name: Publish report\n        uses: {uses}\n"
        )
    };
    let f = missing("curl", "report").at_step_name("Publish report");
    let docker_yml = "name: r\nruns:\n  using: docker\n  image: Dockerfile\n";
    let composite_yml =
        "name: r\nruns:\n  using: composite\n  steps:\n    - run: curl -fsS https://example.com\n      shell: bash\n";
    let repo = repo(&[
        (".github/actions/report/action.yml", docker_yml),
        ("ci/action.yaml", composite_yml),
    ]);
    for (uses, why) in [
        (
            "docker://alpine:3.20",
            "the image `docker://alpine:3.20`, a Docker action",
        ),
        (
            "./.github/actions/report",
            "`./.github/actions/report`, a Docker action",
        ),
        (
            "someone/html-reporter@v1.1",
            "does not know whether that action runs in its own Docker image",
        ),
    ] {
        let out = crate::fixes_for(&f, PATH, &src(uses), &repo);
        assert!(out.fixes.is_empty(), "{uses}: {:?}", out.fixes);
        assert!(
            out.manual_reason.as_deref().unwrap_or("").contains(why),
            "{uses}: {:?}",
            out.manual_reason
        );
    }
    // A composite action runs its commands on the runner, in the job's container here.
    let src = "on: push\njobs:\n  report:\n    runs-on: ubuntu-latest\n    container: node:20\n    steps:\n      - name: Publish report\n        uses: ./ci\n";
    let out = crate::fixes_for(&f, PATH, src, &repo);
    assert!(
        out.manual_reason.as_deref().is_none_or(|r| !r.contains("Docker")),
        "{:?}",
        out.manual_reason
    );
}

/// An earlier install guarded to another OS (`if: runner.os == 'Linux'`, or
/// the matrix's `os` label) did not run on the failing leg: it is no reason
/// to refuse, and the failing leg gets its own install.
#[test]
fn an_install_guarded_to_another_os_does_not_count_for_the_failing_leg() {
    let src = "on: push\njobs:\n  docs:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n      - name: Install pandoc\n        if: runner.os == 'Linux'\n        run: sudo apt-get install -y pandoc\n      - run: pandoc README.md -o out.html\n";
    for guarded in [
        src.to_string(),
        src.replace("if: runner.os == 'Linux'", "if: ${{ runner.os != 'Windows' }}"),
        src.replace("if: runner.os == 'Linux'", "if: matrix.os == 'ubuntu-latest'"),
        src.replace("if: runner.os == 'Linux'", "if: \"runner.os == 'Linux'\""),
    ] {
        let out = apply_only(&missing("pandoc", "docs (windows-latest)").at_step_number(3), &guarded);
        assert!(
            out.contains(
                "        if: runner.os == 'Windows'\n        run: choco install -y pandoc\n      - run: pandoc"
            ),
            "{guarded}\n{out}"
        );
    }
    // On the leg the guard lets through, the install ran and did not help.
    assert!(
        manual_reason(&missing("pandoc", "docs (ubuntu-latest)").at_step_number(3), src).contains("already installs")
    );
    // A guard that is not a literal OS test may run anywhere: still refused.
    let unknown = src.replace("if: runner.os == 'Linux'", "if: env.NEEDS_PANDOC == 'true'");
    assert!(
        manual_reason(&missing("pandoc", "docs (windows-latest)").at_step_number(3), &unknown)
            .contains("already installs")
    );
}

/// review81 H1: a command that runs elsewhere (a container, another machine,
/// a chroot) is judged on the logical line: a `\` or backtick continuation,
/// a quoted argument over several lines and a heredoc body belong to the
/// line that opens them, so the container's program named on a line of its
/// own is not "the runner's". The long and option-led forms of the container
/// tools count too.
#[test]
fn a_program_a_container_command_runs_on_a_later_line_gets_no_runner_install() {
    let wf = |os: &str, run: &str| {
        format!(
            "on: push\njobs:\n  docs:\n    runs-on: {os}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: |\n          {}\n",
            run.replace('\n', "\n          ")
        )
    };
    let f = |cmd: &str| missing(cmd, "docs").at_step_name("Docs");
    for (os, cmd, run, tool) in [
        // review82 M2: a line that names the program without running it (a
        // directory, an echo) is not the runner's.
        (
            "ubuntu-latest",
            "pandoc",
            "mkdir -p pandoc\ndocker run --rm -v \"$PWD:/w\" -w /w python:3.12-slim sh -c \"pandoc README.md -o pandoc/out.html\"",
            "docker run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "echo \"building docs with pandoc\"\ndocker run --rm img pandoc README.md",
            "docker run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker run -v \"$PWD:/w\" python:3.12-slim sh -c \"pandoc README.md\" || ls pandoc",
            "docker run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker run --rm -v \"$PWD:/w\" -w /w \\\n  python:3.12-slim \\\n  sh -c \"pip install -r docs/requirements.txt && pandoc README.md -o out.html\"",
            "docker run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker run -i python:3.12-slim sh <<'EOF'\npandoc README.md -o out.html\nEOF",
            "docker run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker exec app sh -c \"\n  cd /w\n  pandoc README.md -o out.html\n\"",
            "docker exec",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "ssh ci@build.example.com <<EOF\n  pandoc README.md -o out.html\nEOF",
            "ssh",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker compose up --abort-on-container-exit --exit-code-from docs",
            "docker compose up",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker-compose -f ci.yml up --exit-code-from docs",
            "docker-compose up",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker container run --rm img pandoc README.md",
            "docker container run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker --context remote run --rm img pandoc README.md",
            "docker run",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "docker -H ssh://ci@build exec app pandoc README.md",
            "docker exec",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "podman --remote run --rm img \\\n  pandoc README.md",
            "podman run",
        ),
        (
            "ubuntu-latest",
            "protoc",
            "cross build --release --target aarch64-unknown-linux-gnu",
            "cross build",
        ),
        (
            "ubuntu-latest",
            "protoc",
            "cross +nightly test --target armv7-unknown-linux-gnueabihf",
            "cross test",
        ),
        ("ubuntu-latest", "pandoc", "lxc exec ci -- pandoc README.md", "lxc exec"),
        (
            "ubuntu-latest",
            "pandoc",
            "incus exec ci -- \\\n  pandoc README.md",
            "incus exec",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "multipass exec ci -- pandoc README.md",
            "multipass exec",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "distrobox enter ci -- pandoc README.md",
            "distrobox enter",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "sudo chroot /srv/rootfs \\\n  pandoc README.md",
            "chroot",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "sudo systemd-nspawn -D /srv/rootfs pandoc README.md",
            "systemd-nspawn",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "vagrant ssh -c 'pandoc README.md'",
            "vagrant ssh",
        ),
        (
            "ubuntu-latest",
            "pandoc",
            "kubectl -n ci exec deploy/docs -- pandoc README.md",
            "kubectl exec",
        ),
        ("windows-latest", "pandoc", "wsl -e pandoc README.md", "wsl"),
        (
            "windows-latest",
            "pandoc",
            "wsl.exe --distribution Ubuntu `\n  pandoc README.md",
            "wsl",
        ),
        (
            "windows-latest",
            "pandoc",
            "docker run --rm `\n  img `\n  pandoc README.md",
            "docker run",
        ),
    ] {
        let why = manual_reason(&f(cmd), &wf(os, run));
        assert!(why.contains(&format!("runs `{tool}`")), "{run}: {why}");
    }
    // On a line of its own, outside the container command, the program is
    // the runner's: the install is right.
    for (cmd, run) in [
        ("pandoc", "docker pull img\npandoc README.md -o out.html"),
        ("pandoc", "docker compose up -d db\npandoc README.md -o out.html"),
        (
            "pandoc",
            "docker run -d --name db postgres:16 \\\n  -e POSTGRES_PASSWORD=x\npandoc README.md -o out.html",
        ),
        (
            "pandoc",
            "bash <<'EOF'\npandoc README.md -o out.html\nEOF\ndocker push img",
        ),
        // A comment atop the heredoc's body hid the body (issue 12).
        (
            "pandoc",
            "bash <<'EOF'\n# render the docs\npandoc README.md -o out.html\nEOF\ndocker run --rm img make test",
        ),
        // ssh as rsync's transport runs nothing on the other machine (review87 L5).
        (
            "pandoc",
            "rsync -az -e ssh site/ deploy@host:/srv\npandoc README.md -o out.html",
        ),
        ("protoc", "cargo zigbuild --release --target aarch64-unknown-linux-gnu"),
    ] {
        let out = apply_only(&f(cmd), &wf("ubuntu-latest", run));
        assert!(out.contains("sudo apt-get install -y"), "{run}: {out}");
    }
    // A heredoc the runner only writes to a file is no command of the runner's.
    let written =
        "cat > build.sh <<'EOF'\npandoc README.md -o out.html\nEOF\ndocker run --rm -v \"$PWD:/w\" img sh /w/build.sh";
    assert!(manual_reason(&f("pandoc"), &wf("ubuntu-latest", written)).contains("runs `docker run`"));
}

/// A step whose `shell:` runs the script elsewhere (setup-wsl's `wsl-bash
/// {0}`, a custom `docker exec app sh {0}`) misses the program there: no
/// install on the runner (found by fix shapes round 5: choco on Windows).
#[test]
fn a_shell_that_runs_the_script_elsewhere_gets_no_runner_install() {
    let src = "on: push\njobs:\n  docs:\n    runs-on: windows-latest\n    steps:\n      - uses: Vampire/setup-wsl@v3\n      - run: pandoc README.md -o out.html\n        shell: wsl-bash {0}\n";
    let f = missing("pandoc", "docs").at_step_number(3);
    assert!(manual_reason(&f, src).contains("runs `wsl`"));
    let container = "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: docker exec app sh {0}\n    steps:\n      - run: pandoc README.md -o out.html\n";
    assert!(manual_reason(&missing("pandoc", "docs").at_step_number(2), container).contains("runs `docker exec`"));
    let git_bash = src.replace("wsl-bash {0}", "bash");
    assert!(apply_only(&f, &git_bash).contains("choco install -y pandoc"));
}

/// When the log names no step, the failing step is the first that runs the
/// command, not an earlier one that only names it (an install of it, an
/// `echo`): the install goes right before the step that ran it, and an
/// earlier step that installs it is seen as such (review80 L4's note on the
/// fallback).
#[test]
fn without_a_step_name_the_failing_step_is_the_first_that_runs_the_command() {
    let src = "on: push\njobs:\n  docs:\n    runs-on: ubuntu-22.04\n    steps:\n      - uses: actions/checkout@v4\n      - name: Notes\n        run: echo \"the docs need pandoc\"\n      - name: Docs\n        run: pandoc README.md -o out.html\n";
    let out = apply_only(&missing("pandoc", "docs"), src);
    assert!(
        out.contains("        run: echo \"the docs need pandoc\"\n      - name: Install pandoc\n"),
        "{out}"
    );
    // An earlier step installing it under a guard that keeps it off this OS is
    // no failing step: the leg that failed gets its own install.
    let guarded = "on: push\njobs:\n  docs:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    steps:\n      - name: Tools (macOS)\n        if: runner.os == 'macOS'\n        run: brew install pandoc\n      - name: Docs\n        run: pandoc README.md -o out.html\n";
    let out = apply_only(&missing("pandoc", "docs (ubuntu-latest)"), guarded);
    assert!(
        out.contains("        run: brew install pandoc\n      - name: Install pandoc (Linux)\n"),
        "{out}"
    );
}

/// A Chocolatey package whose program stays off the PATH of later steps (an
/// installer that only changes the machine PATH, or programs under other
/// names) gives no choco fix: the step would fail again (review84 M4).
#[test]
fn a_windows_program_choco_does_not_put_on_path_gets_no_fix() {
    let wf = |cmd: &str| {
        format!(
            "on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: {cmd} --version\n"
        )
    };
    for (cmd, package) in [
        ("cmake", "cmake"),
        ("psql", "postgresql"),
        ("magick", "imagemagick"),
        ("flex", "winflexbison3"),
    ] {
        let reason = manual_reason(&missing(cmd, "build").at_step_number(3), &wf(cmd));
        assert!(
            reason.contains(&format!("Chocolatey's `{package}` package")),
            "{cmd}: {reason}"
        );
        assert!(reason.contains("actions/runner#2056"), "{reason}");
    }
    // A shimmed package keeps its plain install.
    let out = apply_only(&missing("ninja", "build").at_step_number(3), &wf("ninja"));
    assert!(
        out.contains(
            "      - name: Install ninja\n        run: choco install -y ninja\n      - run: ninja --version\n"
        ),
        "{out}"
    );
}

/// An installer that adds a fixed directory to the machine PATH only gets
/// that directory published for later steps through `$GITHUB_PATH`, in
/// PowerShell even when the job's default shell is Git Bash; after an earlier
/// install of the package, publishing is the whole fix.
#[test]
fn a_windows_installer_package_publishes_its_directory() {
    let src = "on: push\njobs:\n  build:\n    runs-on: windows-latest\n    defaults:\n      run:\n        shell: bash\n    steps:\n      - uses: actions/checkout@v4\n      - run: clang -c main.c\n";
    let out = apply_only(&missing("clang", "build").at_step_number(3), src);
    assert!(
        out.contains("      - name: Install clang\n        shell: pwsh\n        run: choco install -y llvm; Add-Content -Path $env:GITHUB_PATH -Value 'C:\\Program Files\\LLVM\\bin'\n      - run: clang -c main.c\n"),
        "{out}"
    );
    let installed = src.replace(
        "      - run: clang",
        "      - run: choco install -y llvm\n      - run: clang",
    );
    let out = apply_only(&missing("clang", "build").at_step_number(4), &installed);
    assert!(
        out.contains("      - name: Add clang's directory to PATH\n        shell: pwsh\n        run: Add-Content -Path $env:GITHUB_PATH -Value 'C:\\Program Files\\LLVM\\bin'\n      - run: clang -c main.c\n"),
        "{out}"
    );
    // An earlier step that already names the directory leaves nothing to add.
    let published = installed.replace(
        "choco install -y llvm\n",
        "choco install -y llvm; echo 'C:\\Program Files\\LLVM\\bin' >> $GITHUB_PATH\n",
    );
    assert!(manual_reason(&missing("clang", "build").at_step_number(4), &published).contains("already installs"));
    // On a matrix the Windows leg's step keeps its guard.
    let matrix = "on: push\njobs:\n  asm:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n      - run: nasm -v\n";
    let out = apply_only(&missing("nasm", "asm (windows-latest)"), matrix);
    assert!(
        out.contains("      - name: Install nasm (Windows)\n        if: runner.os == 'Windows'\n        shell: pwsh\n        run: choco install -y nasm; Add-Content -Path $env:GITHUB_PATH -Value 'C:\\Program Files\\NASM'\n      - run: nasm -v\n"),
        "{out}"
    );
}

/// A keg-only Homebrew formula is not linked into Homebrew's `bin`: the step
/// publishes its directory (`brew --prefix`) for the later steps, in bash
/// whatever the job's default shell; after an earlier install, publishing is
/// the whole fix, and a step that already names the keg leaves nothing to add.
#[test]
fn a_keg_only_formula_publishes_its_directory_on_macos() {
    let src = "on: push\njobs:\n  db:\n    runs-on: macos-latest\n    defaults:\n      run:\n        shell: pwsh\n    steps:\n      - run: psql -c 'select 1'\n";
    let out = apply_only(&missing("psql", "db"), src);
    assert!(
        out.contains("      - name: Install psql\n        shell: bash\n        run: brew install libpq && echo \"$(brew --prefix libpq)/bin\" >> \"$GITHUB_PATH\"\n      - run: psql"),
        "{out}"
    );
    let installed = src.replace(
        "      - run: psql",
        "      - run: brew install libpq\n      - run: psql",
    );
    let out = apply_only(&missing("psql", "db").at_step_number(3), &installed);
    assert!(
        out.contains("      - name: Add psql's directory to PATH\n        shell: bash\n        run: echo \"$(brew --prefix libpq)/bin\" >> \"$GITHUB_PATH\"\n      - run: psql"),
        "{out}"
    );
    let linked = installed.replace(
        "brew install libpq\n",
        "brew install libpq && echo /opt/homebrew/opt/libpq/bin >> $GITHUB_PATH\n",
    );
    assert!(manual_reason(&missing("psql", "db").at_step_number(3), &linked).contains("already installs"));
    // The GNU names of a `g`-prefixed formula are in its `gnubin`, beside
    // GNU `libtool`, which would shadow Apple's in later steps: no fix
    // (review86 M2).
    let autotools = "on: push\njobs:\n  b:\n    runs-on: macos-14\n    steps:\n      - run: libtoolize --copy\n";
    let out = crate::fixes_for(&missing("libtoolize", "b"), PATH, autotools, &repo(&[]));
    assert!(out.fixes.is_empty(), "{:?}", out.fixes);
    // Formulae macOS itself ships are keg-only too (`keg_only :provided_by_macos`):
    // `brew install sqlite` alone leaves `sqlite3` missing.
    let sqlite = "on: push\njobs:\n  b:\n    runs-on: macos-14\n    steps:\n      - run: sqlite3 db.sqlite .tables\n";
    assert!(
        apply_only(&missing("sqlite3", "b"), sqlite)
            .contains("        run: brew install sqlite && echo \"$(brew --prefix sqlite)/bin\" >> \"$GITHUB_PATH\"\n")
    );
    // A linked formula keeps its plain install.
    let jq = "on: push\njobs:\n  b:\n    runs-on: macos-14\n    steps:\n      - run: jq . a.json\n";
    assert!(apply_only(&missing("jq", "b"), jq).contains("      - name: Install jq\n        run: brew install jq\n"));
}

/// Issue 12's open item: a step's script is read in its shell's dialect. In
/// PowerShell `\` escapes nothing, so `"C:\docs\"` ends at its last quote and
/// the `docker run` on the next line is a command of its own: `pandoc` on
/// the line after it runs on the runner, which gets the install. Read as
/// bash the same text leaves a string open over all three lines (bash would
/// too), so the container command holds `pandoc` and no install is offered.
#[test]
fn a_powershell_script_is_read_as_powershell() {
    let src = "on: push\njobs:\n  docs:\n    runs-on: windows-latest\n    steps:\n      - name: Docs\n        run: |\n          $out = \"C:\\docs\\\"\n          docker run --rm -v \"${PWD}:/data\" pandoc/core --version\n          pandoc README.md -o \"$out\\README.html\"\n";
    let f = missing("pandoc", "docs").at_step_name("Docs");
    let out = apply_only(&f, src);
    assert!(out.contains("run: choco install -y pandoc"), "{out}");
    let bash = src.replace("        run: |", "        shell: bash\n        run: |");
    let why = manual_reason(&f, &bash);
    assert!(why.contains("docker run"), "{why}");
}

/// setup-java installs a JDK, not Maven or Gradle (batch 120): `mvn` comes
/// from the OS package `maven`, and `gradle` (the project's wrapper, or a
/// version the project chooses) gets no install at all.
#[test]
fn maven_and_gradle_are_not_set_up_by_setup_java() {
    // On a self-hosted runner setup-java used to be added, which leaves
    // `mvn` missing; an OS install there is the machine owner's call.
    let src = "on: push\njobs:\n  build:\n    runs-on: [self-hosted, linux]\n    steps:\n      - uses: actions/checkout@v4\n      - run: mvn -B verify\n";
    let reason = manual_reason(&missing("mvn", "build").at_step_number(2), src);
    assert!(
        reason.contains("self-hosted") && !reason.contains("setup-java"),
        "{reason}"
    );
    let gradle = src.replace("mvn -B verify", "gradle build");
    let reason = manual_reason(&missing("gradle", "build").at_step_number(2), &gradle);
    assert!(!reason.is_empty() && !reason.contains("setup-java"), "{reason}");
    let container = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: eclipse-temurin:21-jdk-noble\n    steps:\n      - run: mvn -B verify\n";
    let out = apply_only(&missing("mvn", "build").at_step_number(1), container);
    assert!(
        out.contains("      - name: Install mvn\n        run: apt-get update && apt-get install -y maven\n"),
        "{out}"
    );
}

/// A Maven wrapper pins the project's Maven (review94 L): with `mvnw` or
/// `.mvn/wrapper/` in the listing no OS `maven` is installed (the step should
/// run `./mvnw`); with no listing the install is offered, not Safe, and says
/// so; a listing without a wrapper keeps the Safe install.
#[test]
fn a_maven_wrapper_or_an_unknown_listing_keeps_the_os_maven_from_being_safe() {
    use autoheal_engine::Applicability;
    let container = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: eclipse-temurin:21-jdk-noble\n    steps:\n      - run: mvn -B verify\n";
    let f = missing("mvn", "build").at_step_number(1);
    for wrapper_file in ["mvnw", ".mvn/wrapper/maven-wrapper.properties", "service/mvnw"] {
        let with_wrapper = repo(&[("pom.xml", "<project/>"), (wrapper_file, "x")]);
        let out = crate::fixes_for(&f, PATH, container, &with_wrapper);
        assert!(out.fixes.is_empty(), "{wrapper_file}: {:?}", out.fixes);
        let reason = out.manual_reason.unwrap_or_default();
        assert!(
            reason.contains("`./mvnw`") && reason.contains(wrapper_file),
            "{wrapper_file}: {reason}"
        );
    }
    let unknown = outcome(&f, container);
    let fix = unknown
        .fixes
        .first()
        .unwrap_or_else(|| panic!("{:?}", unknown.manual_reason));
    assert_eq!(fix.applicability, Applicability::Unsafe, "{fix:?}");
    assert!(fix.explanation.contains("`./mvnw`"), "{}", fix.explanation);
    let without = repo(&[("pom.xml", "<project/>"), (".mvn/jvm.config", "-Xmx1g")]);
    let out = crate::fixes_for(&f, PATH, container, &without);
    let fix = out.fixes.first().unwrap_or_else(|| panic!("{:?}", out.manual_reason));
    assert_eq!(fix.applicability, Applicability::Safe, "{fix:?}");
    assert!(!fix.explanation.contains("mvnw"), "{}", fix.explanation);
}

/// sbt and Flutter come from their setup actions (`sbt/setup-sbt`,
/// `subosito/flutter-action`), put right before the failing step.
#[test]
fn sbt_and_flutter_are_set_up_by_their_actions() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: sbt test\n";
    let out = apply_only(&missing("sbt", "build").at_step_number(3), src);
    assert!(
        out.contains("      - name: Set up sbt\n        uses: sbt/setup-sbt@v1\n      - run: sbt test\n"),
        "{out}"
    );
    let src = src.replace("sbt test", "flutter build apk --release");
    let out = apply_only(&missing("flutter", "build").at_step_number(3), &src);
    assert!(
        out.contains(
            "      - name: Set up Flutter\n        uses: subosito/flutter-action@v2\n        with:\n          channel: stable\n      - run: flutter build apk --release\n"
        ),
        "{out}"
    );
}

/// One place a job can run, as its log shows it and as its workflow says.
struct TestPlace {
    name: &'static str,
    /// The job's set-up lines (runner name, image, job container).
    setup: &'static str,
    /// Where the runner wrote the step's script.
    script: &'static str,
    /// The job's `runs-on` (and `container:`) lines.
    job: &'static str,
    /// The step's extra lines (a shell).
    step: &'static str,
}

const HOSTED_SETUP: &str = "Runner name: 'GitHub Actions 2'\nMachine name: 'runnervm1a2b3'\n";

fn places() -> Vec<TestPlace> {
    let container = |name, image: &'static str, job| {
        TestPlace {
        name,
        setup: Box::leak(
            format!(
                "{HOSTED_SETUP}##[group]Runner Image\nImage: ubuntu-24.04\n##[endgroup]\n##[group]Initialize containers\n\
                 ##[command]/usr/bin/docker create --name 1f_job --label 7e --workdir /__w/app/app --network github_network_1 \
                 -e \"HOME=/github/home\" -e GITHUB_ACTIONS=true -e CI=true -v \"/home/runner/work\":\"/__w\" \
                 --entrypoint \"tail\" {image} \"-f\" \"/dev/null\"\n##[endgroup]\n"
            )
            .into_boxed_str(),
        ),
        script: "/__w/_temp/0c9e.sh",
        job,
        step: "",
    }
    };
    vec![
        TestPlace {
            name: "hosted Ubuntu",
            setup: "Runner name: 'GitHub Actions 2'\n##[group]Runner Image\nImage: ubuntu-24.04\n##[endgroup]\n",
            script: "/home/runner/work/_temp/0c9e.sh",
            job: "runs-on: ubuntu-24.04",
            step: "",
        },
        TestPlace {
            name: "hosted macOS",
            setup: "Runner name: 'GitHub Actions 3'\n##[group]Runner Image\nImage: macos-15\n##[endgroup]\n",
            script: "/Users/runner/work/_temp/0c9e.sh",
            job: "runs-on: macos-15",
            step: "",
        },
        TestPlace {
            name: "hosted Windows (Git Bash)",
            setup: "Runner name: 'GitHub Actions 4'\n##[group]Runner Image\nImage: windows-2022\n##[endgroup]\n",
            script: "/d/a/_temp/0c9e.sh",
            job: "runs-on: windows-2022",
            step: "        shell: bash\n",
        },
        TestPlace {
            name: "hosted Linux ARM64",
            setup: "Runner name: 'GitHub Actions 5'\n##[group]Runner Image\nImage: ubuntu-24.04-arm\n##[endgroup]\n",
            script: "/home/runner/work/_temp/0c9e.sh",
            job: "runs-on: ubuntu-24.04-arm",
            step: "",
        },
        container(
            "Debian container",
            "debian:bookworm-slim",
            "runs-on: ubuntu-24.04\n    container: debian:bookworm-slim",
        ),
        container(
            "Alpine container",
            "node:20-alpine",
            "runs-on: ubuntu-24.04\n    container: node:20-alpine",
        ),
        container(
            "another distribution's container",
            "fedora:41",
            "runs-on: ubuntu-24.04\n    container: fedora:41",
        ),
        TestPlace {
            name: "self-hosted Linux",
            setup: "Runner name: 'build-box-3'\nRunner group name: 'Default'\nMachine name: 'build-box-3'\n",
            script: "/home/ci/actions-runner/_work/_temp/0c9e.sh",
            job: "runs-on: [self-hosted, linux]",
            step: "",
        },
        TestPlace {
            name: "self-hosted macOS",
            setup: "Runner name: 'mac-mini-1'\nRunner group name: 'Default'\nMachine name: 'mac-mini-1'\n",
            script: "/Users/ci/actions-runner/_work/_temp/0c9e.sh",
            job: "runs-on: [self-hosted, macOS]",
            step: "",
        },
    ]
}

/// `fixable` is one decision with the generator, per place: every route
/// (Compose's rewrite, a setup action with and without scripts and ARM64
/// builds, pipx, OS packages with and without each manager's package, a
/// command hosted Ubuntu has, none) on every place (hosted Ubuntu, macOS,
/// Windows, Linux ARM64, job containers of three kinds, self-hosted), from
/// a log that shows that place and a workflow that runs there. The
/// diagnosis never promises a fix the generator refuses, and where the log
/// shows the place in full, it refuses exactly where the generator does.
#[test]
fn the_diagnosis_promises_a_fix_exactly_where_the_generator_makes_one() {
    use autoheal_logs::{LogFile, LogInput, Options, analyze};
    let commands = [
        "docker-compose",
        "sbt",
        "flutter",
        "deno",
        "tox",
        "jq",
        "make",
        "xvfb-run",
        "cmake",
        "pandoc",
        "mvn",
        "heroku",
        "hugo",
    ];
    let mut fixable = std::collections::BTreeMap::<&str, usize>::new();
    let mut refused = std::collections::BTreeMap::<&str, usize>::new();
    for place in places() {
        for command in commands {
            let log = format!(
                "##[group]Set up job\n{}##[endgroup]\n##[group]Run {command} --version\n{command} --version\nshell: /usr/bin/bash -e {{0}}\n##[endgroup]\n\
                 {}: line 1: {command}: command not found\n##[error]Process completed with exit code 127.\n",
                place.setup, place.script
            );
            let input = LogInput {
                logs: vec![LogFile {
                    job: Some("build"),
                    bytes: log.as_bytes(),
                }],
                ..LogInput::default()
            };
            let analysis = analyze(&input, &Options::default()).expect("analyze");
            let root = analysis.root_cause().expect("a root cause");
            assert_eq!(root.subject.as_deref(), Some(command), "{}: {root:?}", place.name);
            let src = format!(
                "on: push\njobs:\n  build:\n    {}\n    steps:\n      - run: {command} --version\n{}",
                place.job, place.step
            );
            let generated = outcome(&missing(command, "build").at_step_number(1), &src);
            let made = !generated.fixes.is_empty();
            assert_eq!(
                root.fixable, made,
                "{} `{command}`: diagnosis {:?}, generator {:?}",
                place.name, root.message, generated.manual_reason
            );
            *fixable.entry(place.name).or_default() += usize::from(made);
            *refused.entry(place.name).or_default() += usize::from(!made);
        }
    }
    // Every place has commands of both kinds: no place passes by refusing
    // everything or by offering everything; except a container of another
    // distribution, where nothing is installed.
    for place in places() {
        let other = place.name == "another distribution's container";
        assert_eq!(
            fixable[place.name] == 0,
            other,
            "{}: fixable {}",
            place.name,
            fixable[place.name]
        );
        assert!(refused[place.name] > 0, "{}: nothing is refused", place.name);
    }
}

/// Docker is on GitHub's Linux and Windows images, not on the macOS ones:
/// rewriting `docker-compose` to `docker compose` would fail there too.
#[test]
fn compose_v2_is_not_offered_on_macos_runners() {
    let src = "on: push\njobs:\n  build:\n    runs-on: macos-latest\n    steps:\n      - run: docker-compose up -d\n";
    assert!(manual_reason(&missing("docker-compose", "build").at_step_number(1), src).contains("macOS"));
    let linux = src.replace("macos-latest", "ubuntu-24.04");
    assert!(
        apply_only(&missing("docker-compose", "build").at_step_number(1), &linux).contains("run: docker compose up -d")
    );
}

/// sbt's and Flutter's setup actions are shell scripts calling `curl`,
/// `unzip`, `jq`: a container job's image may lack them. Flutter has no
/// Linux ARM64 build.
#[test]
fn script_setup_actions_are_not_offered_in_containers_or_on_missing_arches() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    container: debian:bookworm-slim\n    steps:\n      - uses: actions/checkout@v4\n      - run: sbt test\n";
    let why = manual_reason(&missing("sbt", "build").at_step_number(2), src);
    assert!(why.contains("`curl`") && why.contains("container"), "{why}");
    let arm = "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - uses: actions/checkout@v4\n      - run: flutter test\n";
    let why = manual_reason(&missing("flutter", "build").at_step_number(2), arm);
    assert!(why.contains("ARM64"), "{why}");
    let matrix = "on: push\njobs:\n  build:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    steps:\n      - run: flutter test\n";
    assert!(manual_reason(&missing("flutter", "build").at_step_number(1), matrix).contains("ARM64"));
    // The log's leg name (untrusted) does not lift the refusal: a setup
    // action's step is unguarded and would run on the ARM64 leg too.
    let legs = matrix.replace("[ubuntu-latest, ubuntu-24.04-arm]", "[macos-15, ubuntu-24.04-arm]");
    assert!(manual_reason(&missing("flutter", "build (macos-15)").at_step_number(1), &legs).contains("ARM64"));
    // sbt has an ARM64 build; a self-hosted macOS ARM64 runner is not Linux.
    assert!(
        apply_only(
            &missing("sbt", "build").at_step_number(2),
            &arm.replace("flutter test", "sbt test")
        )
        .contains("sbt/setup-sbt@v1")
    );
    let mac = arm.replace("ubuntu-24.04-arm", "macos-15");
    assert!(apply_only(&missing("flutter", "build").at_step_number(2), &mac).contains("subosito/flutter-action@v2"));
    // A self-hosted machine may lack the scripts' programs.
    let own = arm.replace("ubuntu-24.04-arm", "[self-hosted, macOS, ARM64]");
    assert!(manual_reason(&missing("flutter", "build").at_step_number(2), &own).contains("self-hosted"));
}
