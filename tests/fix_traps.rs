//! Failures where a naive fix would be wrong, run through `autoheal diagnose
//! --workflow` as a user runs it: the log (in `gh run view --log-failed`
//! columns, which name the job and step), the workflow and the checkout.
//! Each trap must get no fix and say why; beside it, the plain case the fix
//! is for still gets one, so the traps do not pass by fixing nothing.

use crate::failure_logs;
use crate::support;

use failure_logs::{LOST_RUNNER, PANDOC_MISSING, REQUIREMENTS_MISSING};

use serde_json::Value;
use support::autoheal;

struct Case {
    name: &'static str,
    workflow: &'static str,
    /// The job and step columns of every log line.
    job: &'static str,
    step: &'static str,
    lines: &'static [&'static str],
    files: &'static [(&'static str, &'static str)],
}

/// `autoheal diagnose --format json` (its first failure) and `autoheal fix`
/// (the diff on stdout, what was done or why not on stderr) on the case.
fn run(case: &Case) -> (Value, String, String) {
    let log: String = case
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "{}\t{}\t2024-05-02T10:15:{:02}.1234567Z {l}\n",
                case.job,
                case.step,
                i % 60
            )
        })
        .collect();
    let mut files = vec![(".github/workflows/ci.yml", case.workflow), ("job.log", log.as_str())];
    files.extend(case.files.iter().copied());
    let dir = support::repo(&files);
    let out = autoheal(
        dir.path(),
        &[
            "diagnose",
            "job.log",
            "--workflow",
            ".github/workflows/ci.yml",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: {e}: {}", case.name, String::from_utf8_lossy(&out.stderr)));
    let fix = autoheal(
        dir.path(),
        &["fix", "--log", "job.log", "--workflow", ".github/workflows/ci.yml"],
    );
    (
        v["failures"][0].clone(),
        String::from_utf8_lossy(&fix.stdout).into_owned(),
        String::from_utf8_lossy(&fix.stderr).into_owned(),
    )
}

/// The case gets no fix, and the reason says `why`.
fn declined(case: &Case, why: &str) {
    let (f, diff, said) = run(case);
    assert_eq!(f["fixes"].as_array().map(Vec::len), Some(0), "{}: {f:#}", case.name);
    assert!(diff.is_empty(), "{}: {diff}", case.name);
    assert!(
        said.contains("no fix for") && said.contains(why),
        "{}: {said}",
        case.name
    );
}

/// The case gets a fix whose diff adds `text`.
fn fixed(case: &Case, text: &str) {
    let (f, diff, said) = run(case);
    assert!(!f["fixes"].as_array().is_none_or(Vec::is_empty), "{}: {f:#}", case.name);
    assert!(
        diff.lines().any(|l| l.starts_with('+') && l.contains(text)),
        "{}: {diff}{said}",
        case.name
    );
}

const PYTEST_FAILED: &[&str] = &[
    "##[group]Run tests",
    "##[endgroup]",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
];

fn python_job(script: &'static str) -> Case {
    Case {
        name: script,
        workflow: "",
        job: "test",
        step: "Tests",
        lines: PYTEST_FAILED,
        files: &[],
    }
}

/// Missing dependency: the install must reach the Python that failed.
#[test]
fn a_module_is_installed_only_where_the_failing_python_finds_it() {
    let workflow = |run: &str| {
        format!(
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: |\n          {}\n",
            run.replace('\n', "\n          ")
        )
    };
    for (run, why) in [
        // The step's interpreter by path, which the earlier pip does not reach.
        (".venv/bin/python -m pytest", "by its path"),
        // Another interpreter than the job's.
        ("python3.10 -m pytest", "runs `python3.10`"),
        // Root's environment.
        ("sudo python3 -m pytest", "with `sudo`"),
        // A container the step starts.
        ("docker run --rm -v \"$PWD:/w\" app pytest", "runs `docker run`"),
    ] {
        let text = workflow(run);
        let case = Case {
            workflow: Box::leak(text.into_boxed_str()),
            ..python_job(run)
        };
        declined(&case, why);
    }
    let text = workflow("python -m pytest");
    let case = Case {
        workflow: Box::leak(text.into_boxed_str()),
        ..python_job("python -m pytest")
    };
    fixed(&case, "PyYAML");
    // A virtual environment the step activates gets the install activated.
    let run = ". .venv/bin/activate\npython -m pytest";
    let text = workflow(run);
    let case = Case {
        workflow: Box::leak(text.into_boxed_str()),
        ..python_job(run)
    };
    fixed(&case, "run: . .venv/bin/activate && python -m pip install PyYAML");
}

/// Missing command: no package-manager guess on a machine autoheal does not
/// know (a self-hosted runner: its distribution, `sudo`, and other jobs).
#[test]
fn a_command_is_installed_only_on_a_runner_whose_system_is_known() {
    let case = |runs_on: &'static str| {
        Case {
        name: runs_on,
        workflow: Box::leak(
            format!("on: push\njobs:\n  build:\n    runs-on: {runs_on}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n")
                .into_boxed_str(),
        ),
        job: "build",
        step: "Docs",
        lines: PANDOC_MISSING,
        files: &[],
    }
    };
    declined(&case("[self-hosted, linux]"), "self-hosted runner");
    declined(&case("[self-hosted, macOS, ARM64]"), "self-hosted runner");
    fixed(&case("ubuntu-latest"), "sudo apt-get install -y pandoc");
    fixed(&case("macos-latest"), "brew install pandoc");
}

/// File not found: a moved file is followed only when exactly one file of
/// the checkout resembles the path, whatever the resemblance.
#[test]
fn a_moved_file_is_followed_only_when_one_file_resembles_it() {
    let case = |files: &'static [(&'static str, &'static str)]| Case {
        name: "requirements-dev.txt",
        workflow: "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r requirements-dev.txt\n",
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        files,
    };
    // `docs/requirements-dev.txt` is the docs' own list, not the project's.
    declined(
        &case(&[
            ("requirements/dev.txt", "pytest\n"),
            ("docs/requirements-dev.txt", "sphinx\n"),
        ]),
        "`docs/requirements-dev.txt`, `requirements/dev.txt`",
    );
    fixed(&case(&[("requirements/dev.txt", "pytest\n")]), "requirements/dev.txt");
}

/// YAML syntax: GitHub's line numbers belong to the file it names.
#[test]
fn a_syntax_fix_edits_only_the_file_github_named() {
    let case = |named: &'static str| {
        Case {
        name: named,
        workflow: "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Tests\n        run: echo version: 1.2\n",
        job: "t",
        step: "Set up job",
        lines: Box::leak(
            vec![
                &*Box::leak(format!("##[error]Invalid workflow file: {named}#L7").into_boxed_str()),
                &*Box::leak(
                    format!("##[error]The workflow is not valid. {named} (Line: 7, Col: 14): mapping values are not allowed here")
                        .into_boxed_str(),
                ),
            ]
            .into_boxed_slice(),
        ),
        files: &[(
            ".github/workflows/release.yml",
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
        )],
    }
    };
    declined(
        &case(".github/workflows/release.yml"),
        "named `.github/workflows/release.yml`",
    );
    fixed(&case(".github/workflows/ci.yml"), "'echo version: 1.2'");
}

/// Optional job: a job that releases or deploys is never let fail.
#[test]
fn a_release_job_on_a_flaky_runner_is_not_made_optional() {
    let case = |job: &'static str, extra: &'static str| {
        Case {
        name: job,
        workflow: Box::leak(
            format!("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  {job}:\n    needs: test\n    runs-on: [self-hosted, linux, arm64]\n{extra}    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: make\n")
                .into_boxed_str(),
        ),
        job,
        step: "Build",
        lines: LOST_RUNNER,
        files: &[],
    }
    };
    declined(&case("release", ""), "is named for what it delivers (`release`)");
    declined(
        &case("arm", "    environment: production\n"),
        "deploys to the environment `production`",
    );
    fixed(&case("arm", ""), "continue-on-error: true");
}

/// mypy's stub hint names a `types-…` distribution that only a type check
/// needs: installing the runtime package of its module is the wrong fix, and
/// the name comes from the log, so a crafted one must not be installed either.
#[test]
fn a_mypy_stub_hint_gets_no_fix() {
    let workflow = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt mypy\n      - name: Tests\n        run: mypy src\n";
    for (name, lines) in [
        (
            "mypy yaml stubs",
            &[
                "##[group]Run mypy src",
                "##[endgroup]",
                "src/app/config.py:4: error: Library stubs not installed for \"yaml\"  [import-untyped]",
                "src/app/config.py:4: note: Hint: \"python3 -m pip install types-PyYAML\"",
                "Found 1 error in 1 file (checked 12 source files)",
                "##[error]Process completed with exit code 1.",
            ],
        ),
        (
            "crafted stub name",
            &[
                "##[group]Run mypy src",
                "##[endgroup]",
                "src/app/config.py:4: error: Library stubs not installed for \"evil_pkg\"  [import-untyped]",
                "src/app/config.py:4: note: Hint: \"python3 -m pip install types-evil-pkg\"",
                "Found 1 error in 1 file (checked 12 source files)",
                "##[error]Process completed with exit code 1.",
            ],
        ),
    ] {
        let case = Case {
            name,
            workflow,
            job: "test",
            step: "Tests",
            lines,
            files: &[("requirements.txt", "pyyaml\n")],
        };
        let (f, diff, said) = run(&case);
        assert_eq!(f["category"], "missing_dependency", "{name}: {f:#}");
        assert_eq!(f["fixable"], false, "{name}: {f:#}");
        assert_eq!(f["fixes"].as_array().map(Vec::len), Some(0), "{name}: {f:#}");
        assert!(diff.is_empty(), "{name}: {diff}");
        assert!(said.contains("no fix for"), "{name}: {said}");
    }
}

/// Missing command or file: a step that starts a container, or builds an
/// image, may have missed it there, where an install, a path rewrite or a
/// checkout on the runner never arrives. Beside each, the same step on the
/// runner keeps its fix.
#[test]
fn what_a_container_misses_gets_no_fix_on_the_runner() {
    let case = |name: &'static str, step: &'static str, lines: &'static [&'static str], files| {
        Case {
        name,
        workflow: Box::leak(
            format!(
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n{step}"
            )
            .into_boxed_str(),
        ),
        job: "build",
        step: "Docs",
        lines,
        files,
    }
    };
    // The container's shell says so, in the container tool's output.
    let pandoc_in_container: &[&str] = &[
        "##[group]Run docker exec app sh -c 'pandoc README.md -o out.html'",
        "##[endgroup]",
        "sh: 1: pandoc: not found",
        "##[error]Process completed with exit code 127.",
    ];
    declined(
        &case(
            "docker exec",
            "        run: docker exec app sh -c 'pandoc README.md -o out.html'\n",
            pandoc_in_container,
            &[],
        ),
        "runs `docker exec`",
    );
    // The same program on the runner (the runner's header echoes the step's
    // own script, so its log has no `docker exec`).
    fixed(
        &case(
            "on the runner",
            "        run: sh -c 'pandoc README.md -o out.html'\n",
            &[
                "##[group]Run sh -c 'pandoc README.md -o out.html'",
                "##[endgroup]",
                "sh: 1: pandoc: not found",
                "##[error]Process completed with exit code 127.",
            ],
            &[],
        ),
        "sudo apt-get install -y pandoc",
    );
    // A Dockerfile's `RUN` inside the build action's image.
    declined(
        &case(
            "build-push-action",
            "        uses: docker/build-push-action@v6\n",
            &[
                "#7 0.245 /bin/sh: 1: protoc: not found",
                "##[error]buildx failed with: exit code: 127",
            ],
            &[],
        ),
        "not fixable",
    );
    // A path the container's command names, which the repository holds
    // elsewhere: not the runner's file.
    let entry_missing: &[&str] = &[
        "##[group]Run docker compose run --rm app ./entrypoint.sh",
        "##[endgroup]",
        "./entrypoint.sh: line 1: ./config/app.env: No such file or directory",
        "##[error]Process completed with exit code 1.",
    ];
    let moved: &[(&str, &str)] = &[("deploy/config/app.env", "A=1\n")];
    declined(
        &case(
            "docker compose run",
            "        run: docker compose run --rm app ./entrypoint.sh ./config/app.env\n",
            entry_missing,
            moved,
        ),
        "runs `docker compose run`",
    );
}

/// review81 H1: the container command spread over lines (a `\`
/// continuation, a heredoc fed to its shell), `docker compose up`, whose
/// services print under their names, and `cross`, whose build scripts run in
/// its image: the program the container misses gets no install on the
/// runner. Beside them, the same program on a line of its own keeps its fix.
#[test]
fn a_container_command_over_several_lines_gets_no_fix_on_the_runner() {
    let case = |name: &'static str, run: &str, lines: &'static [&'static str]| {
        Case {
        name,
        workflow: Box::leak(
            format!(
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: |\n          {}\n",
                run.replace('\n', "\n          ")
            )
            .into_boxed_str(),
        ),
        job: "build",
        step: "Docs",
        lines,
        files: &[],
    }
    };
    let pandoc_in_sh: &[&str] = &[
        "##[group]Run docker run --rm -v \"$PWD:/w\" -w /w \\",
        "##[endgroup]",
        "sh: 1: pandoc: not found",
        "##[error]Process completed with exit code 127.",
    ];
    declined(
        &case(
            "continuation",
            "docker run --rm -v \"$PWD:/w\" -w /w \\\n  python:3.12-slim \\\n  sh -c \"pip install -r docs/requirements.txt && pandoc README.md -o out.html\"",
            pandoc_in_sh,
        ),
        "runs `docker run`",
    );
    declined(
        &case(
            "heredoc",
            "docker run -i --rm python:3.12-slim sh <<'EOF'\npip install -r docs/requirements.txt\npandoc README.md -o out.html\nEOF",
            pandoc_in_sh,
        ),
        "runs `docker run`",
    );
    declined(
        &case(
            "compose up",
            "docker compose -f ci/compose.yml up --abort-on-container-exit --exit-code-from docs",
            &[
                "##[group]Run docker compose -f ci/compose.yml up --abort-on-container-exit --exit-code-from docs",
                "##[endgroup]",
                " Container ci-docs-1  Created",
                "Attaching to docs-1",
                "docs-1  | sh: 1: pandoc: not found",
                "docs-1 exited with code 127",
                "##[error]Process completed with exit code 127.",
            ],
        ),
        "no fix for",
    );
    let protoc: &[&str] = &[
        "##[group]Run cross build --release --target aarch64-unknown-linux-gnu",
        "##[endgroup]",
        "   Compiling app-proto v0.1.0 (/project/proto)",
        "error: failed to run custom build command for `app-proto v0.1.0 (/project/proto)`",
        "",
        "Caused by:",
        "  process didn't exit successfully: `/target/release/build/app-proto-1a2b3c/build-script-build` (exit status: 1)",
        "  --- stderr",
        "  Error: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed, try setting the `PROTOC` environment variable to the path of the `protoc` binary. To install it on Debian, run `apt-get install protobuf-compiler`. It is also available at https://github.com/protocolbuffers/protobuf/releases  For more information: https://docs.rs/prost-build/#sourcing-protoc\" }",
        "##[error]Process completed with exit code 101.",
    ];
    declined(
        &case(
            "cross",
            "cross build --release --target aarch64-unknown-linux-gnu",
            protoc,
        ),
        "runs `cross build`",
    );
    // On the runner: the heredoc is the runner's own shell, and cargo
    // builds on the host.
    // (Their logs echo their own scripts, as the runner's header does.)
    fixed(
        &case(
            "bash heredoc",
            "bash <<'EOF'\npandoc README.md -o out.html\nEOF",
            &[
                "##[group]Run bash <<'EOF'",
                "##[endgroup]",
                "sh: 1: pandoc: not found",
                "##[error]Process completed with exit code 127.",
            ],
        ),
        "sudo apt-get install -y pandoc",
    );
    fixed(
        &case(
            "cargo build",
            "cargo build --release --target aarch64-unknown-linux-gnu",
            Box::leak(
                [
                    &["##[group]Run cargo build --release --target aarch64-unknown-linux-gnu"],
                    &protoc[1..],
                ]
                .concat()
                .into_boxed_slice(),
            ),
        ),
        "protobuf-compiler",
    );
}

/// A step whose container command is in a repository file it runs (a
/// script, a make target's recipe, a local composite action's `run:` step)
/// or a tool that runs its steps in containers or VMs (earthly): the program
/// that went missing may be the container's, and no install on the runner
/// reaches it (review82 M2). A script that runs the program itself still
/// gets the install.
#[test]
fn a_container_command_in_what_the_step_runs_gets_no_fix_on_the_runner() {
    let pandoc_in_sh: &[&str] = &[
        "##[group]Run docs",
        "##[endgroup]",
        "sh: 1: pandoc: not found",
        "##[error]Process completed with exit code 127.",
    ];
    let workflow = |step: &str| -> &'static str {
        Box::leak(
            format!(
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        {step}\n"
            )
            .into_boxed_str(),
        )
    };
    const IN_CONTAINER: &str =
        "docker run --rm -v \"$PWD:/w\" -w /w python:3.12-slim sh -c \"pandoc README.md -o out.html\"\n";
    let case = |name: &'static str, step: &str, files: &'static [(&'static str, &'static str)]| Case {
        name,
        workflow: workflow(step),
        job: "build",
        step: "Docs",
        lines: pandoc_in_sh,
        files,
    };
    declined(
        &case(
            "script",
            "run: ./scripts/docs.sh",
            &[(
                "scripts/docs.sh",
                "#!/bin/sh\nset -e\nmkdir -p site\ndocker run --rm -v \"$PWD:/w\" -w /w python:3.12-slim sh -c \"pandoc README.md -o site/index.html\"\n",
            )],
        ),
        "runs `docker run`",
    );
    declined(
        &case(
            "bash script in a working directory",
            "working-directory: site\n        run: bash ci/build.sh",
            &[("site/ci/build.sh", IN_CONTAINER)],
        ),
        "runs `docker run`",
    );
    declined(
        &case(
            "make target and its prerequisite",
            "run: make docs",
            &[(
                "Makefile",
                "DOCKER ?= docker\n\n.PHONY: docs html\n\ndocs: html\n\t@echo done\n\nhtml:\n\t$(DOCKER) run --rm -v $$PWD:/w -w /w python:3.12-slim sh -c \"pandoc README.md -o out.html\"\n",
            )],
        ),
        "runs `docker run`",
    );
    declined(
        &case(
            "local composite action",
            "uses: ./.github/actions/docs",
            &[(
                ".github/actions/docs/action.yml",
                "name: docs\ndescription: Builds the docs\nruns:\n  using: composite\n  steps:\n    - run: docker run --rm -v \"$PWD:/w\" -w /w python:3.12-slim sh -c \"pandoc README.md -o out.html\"\n      shell: bash\n",
            )],
        ),
        "runs `docker run`",
    );
    declined(&case("earthly", "run: earthly --ci +docs", &[]), "runs `earthly`");
    declined(&case("snapcraft", "run: snapcraft pack", &[]), "runs `snapcraft`");
    // The script runs pandoc on the runner: the install is right.
    fixed(
        &case(
            "script on the runner",
            "run: ./scripts/docs.sh",
            &[("scripts/docs.sh", "#!/bin/sh\nset -e\npandoc README.md -o out.html\n")],
        ),
        "sudo apt-get install -y pandoc",
    );
}
