//! Workflow shapes the fixes were not written against, one failure of each
//! fix type in each shape real repositories use: matrix legs, `defaults`
//! and `working-directory`, containers and services, Windows shells,
//! composite actions, reusable workflows, anchors and merge keys, flow
//! collections, folded scalars, lists of commands on one line, step ids,
//! CRLF files, tabs in block scalars, comments between keys, expression
//! limits and jobs already let fail by a matrix flag.
//!
//! Each case runs `autoheal fix --log … --write` in a throwaway checkout, as
//! a user runs it, and states the right outcome: a fix (the files it must
//! change, text it must add, the only lines it may remove) or a refusal and
//! its reason. A fix is also checked to keep every other byte (line endings
//! included), to parse, and to be complete: a second `fix` on its output
//! finds nothing left to do. The cases were written, and their first-run
//! results recorded in `docs/accuracy.md`, before any fix was changed.

mod failure_logs;
mod support;

use failure_logs::{LOST_RUNNER, PANDOC_MISSING, REQUIREMENTS_MISSING};

use std::path::Path;

use support::autoheal;

const CI: &str = ".github/workflows/ci.yml";

#[derive(Clone, Copy)]
enum Want {
    /// A fix that edits only some of `files` (each one a right place), adds every text of `adds` (each on
    /// an added line) and removes only lines containing one of `removes`.
    Fix {
        files: &'static [&'static str],
        adds: &'static [&'static str],
        removes: &'static [&'static str],
    },
    /// No fix; `autoheal fix` says why, with this text.
    Declined(&'static str),
    /// Where a person could go either way: no fix, or one as for `Fix`.
    Either {
        files: &'static [&'static str],
        adds: &'static [&'static str],
        removes: &'static [&'static str],
    },
}

struct Case {
    name: &'static str,
    /// The repository's files; the workflow given to `fix` is `workflow`.
    files: &'static [(&'static str, &'static str)],
    /// `--workflow`, or `None` to let `fix` find it from the log.
    workflow: Option<&'static str>,
    /// The job and step columns of `gh run view --log-failed`.
    job: &'static str,
    step: &'static str,
    lines: &'static [&'static str],
    want: Want,
}

const fn fix(files: &'static [&'static str], adds: &'static [&'static str]) -> Want {
    Want::Fix {
        files,
        adds,
        removes: &[],
    }
}

const fn either(files: &'static [&'static str], adds: &'static [&'static str]) -> Want {
    Want::Either {
        files,
        adds,
        removes: &[],
    }
}

fn log(case: &Case) -> String {
    case.lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "{}\t{}\t2024-05-02T10:{:02}:{:02}.1234567Z {l}\n",
                case.job,
                case.step,
                i / 60,
                i % 60
            )
        })
        .collect()
}

fn fix_args(case: &Case, write: bool) -> Vec<&'static str> {
    let mut args = vec!["fix", "--log", "job.log"];
    if let Some(w) = case.workflow {
        args.extend(["--workflow", w]);
    }
    if write {
        args.push("--write");
    }
    args
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// How a case came out: `Ok` (a right fix, or a refusal where one is
/// right, with what `fix` said) or `Err` (what went wrong: a refusal where a
/// fix was due, or a wrong fix, `WRONG: …`).
fn check(case: &Case) -> Result<String, String> {
    let log = log(case);
    let mut files: Vec<(&str, &str)> = case.files.to_vec();
    files.push(("job.log", &log));
    let dir = support::repo(&files);
    let out = autoheal(dir.path(), &fix_args(case, true));
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    let reason = said
        .lines()
        .find_map(|l| l.strip_prefix("autoheal: no fix for "))
        .unwrap_or(said.trim())
        .to_string();
    let changed: Vec<(&str, &str, String)> = case
        .files
        .iter()
        .filter_map(|(p, before)| {
            let after = read(dir.path(), p);
            (after != *before).then_some((*p, *before, after))
        })
        .collect();
    let (files, adds, removes) = match case.want {
        Want::Declined(why) => {
            if let Some((p, before, after)) = changed.first() {
                return Err(format!(
                    "WRONG: a fix was written to {p}:\n{}{said}",
                    autoheal_fixes::unified_diff(p, before, after)
                ));
            }
            return if said.contains("no fix for") && said.contains(why) {
                Ok(format!("declined: {reason}"))
            } else {
                Err(format!("declined, but not saying `{why}`: {said}"))
            };
        }
        Want::Either { .. } if changed.is_empty() => return Ok(format!("declined: {reason}")),
        Want::Fix { files, adds, removes } | Want::Either { files, adds, removes } => (files, adds, removes),
    };
    if changed.is_empty() {
        return Err(format!("declined: {reason}"));
    }
    let paths: Vec<&str> = changed.iter().map(|c| c.0).collect();
    if !paths.iter().all(|p| files.contains(p)) {
        return Err(format!("WRONG: edited {paths:?}, not only {files:?}: {said}"));
    }
    let mut added = String::new();
    for (p, before, after) in &changed {
        if let Some(why) = kept_intact(p, before, after, removes) {
            return Err(format!("WRONG: {why}"));
        }
        for line in autoheal_fixes::unified_diff(p, before, after).lines() {
            if line.starts_with('+') && !line.starts_with("+++") {
                added.push_str(line);
                added.push('\n');
            }
        }
    }
    if let Some(t) = adds.iter().find(|t| !added.contains(**t)) {
        return Err(format!("WRONG: the fix does not add `{t}`:\n{added}{said}"));
    }
    let again = autoheal(dir.path(), &fix_args(case, false));
    let diff = String::from_utf8_lossy(&again.stdout);
    if !diff.is_empty() {
        return Err(format!("WRONG: not idempotent, a second fix:\n{diff}"));
    }
    Ok(format!("fixed:\n{added}"))
}

/// What breaks in an edited file: a removed line not allowed, line endings
/// that changed, YAML that no longer parses.
fn kept_intact(path: &str, before: &str, after: &str, removes: &[&str]) -> Option<String> {
    let diff = autoheal_fixes::unified_diff(path, before, after);
    if let Some(l) = diff
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .find(|l| !removes.iter().any(|r| l.contains(r)))
    {
        return Some(format!("{path}: removed `{l}`:\n{diff}"));
    }
    let crlf = |t: &str| t.matches("\r\n").count() == t.matches('\n').count();
    if crlf(before) && !crlf(after) {
        return Some(format!("{path}: CRLF line endings mixed with LF:\n{after:?}"));
    }
    if before.contains('\t') && after.matches('\t').count() < before.matches('\t').count() {
        return Some(format!("{path}: tabs lost:\n{after:?}"));
    }
    let doc = autoheal_engine::yaml::parse(after.as_bytes());
    doc.has_parse_errors()
        .then(|| format!("{path}: no longer parses:\n{after}"))
}

const PYTEST_NO_YAML: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "##[endgroup]",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
];

const TIMED_OUT_30: &[&str] = &[
    "##[group]Run make test",
    "make test",
    "##[endgroup]",
    "ok   pkg/a  12.1s",
    "ok   pkg/b  31.9s",
    "##[error]The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 30 minutes.",
];

const NPM_429: &[&str] = &[
    "##[group]Run npm ci",
    "npm ci",
    "##[endgroup]",
    "npm ERR! code E429",
    "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/@babel%2fcore",
    "##[error]Process completed with exit code 1.",
];

const X64_BINARY_ON_ARM: &[&str] = &[
    "##[group]Run make",
    "make",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/5a4b3c2d.sh: line 1: ./bin/linux-amd64/protolint: cannot execute binary file: Exec format error",
    "##[error]Process completed with exit code 126.",
];

const SYNTAX_L7: &[&str] = &[
    "##[error]Invalid workflow file: .github/workflows/ci.yml#L7",
    "##[error]The workflow is not valid. .github/workflows/ci.yml (Line: 7, Col: 19): mapping values are not allowed here",
];

const REQS: (&str, &str) = ("requirements.txt", "pytest\n");

const CASES: &[Case] = &[
    // ---- matrix jobs ----
    Case {
        name: "missing dependency on one leg of a Python matrix",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        python: ['3.9', '3.12']\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python }}\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test (3.12)",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: fix(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    Case {
        name: "missing command on the macOS leg of an OS matrix",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs (macos-latest)",
        step: "Docs",
        lines: PANDOC_MISSING,
        want: either(&[CI], &["brew install pandoc", "runner.os == 'macOS'"]),
    },
    Case {
        name: "timeout of one matrix leg raises the job's limit",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    strategy:\n      fail-fast: false\n      matrix:\n        go: ['1.22', '1.23']\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test (1.23)",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 60"],
            removes: &["timeout-minutes: 30"],
        },
    },
    Case {
        name: "x64 binary on the ARM leg of a job already let fail by a matrix flag",
        files: &[(
            CI,
            "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n  build:\n    continue-on-error: ${{ matrix.experimental }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n        experimental: [false]\n        include:\n          - os: macos-14\n            experimental: true\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm, false)",
        step: "Run make",
        lines: X64_BINARY_ON_ARM,
        want: Want::Declined(""),
    },
    Case {
        name: "x64 binary on the ARM leg where the flag exists: the leg gets the flag",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    continue-on-error: ${{ matrix.experimental }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n        include:\n          - os: ubuntu-latest\n            experimental: false\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm)",
        step: "Run make",
        lines: X64_BINARY_ON_ARM,
        want: fix(&[CI], &["experimental: true"]),
    },
    // ---- defaults.run and working-directory ----
    Case {
        name: "moved requirements file under a workflow-level working directory",
        files: &[
            (
                CI,
                "on: push\ndefaults:\n  run:\n    working-directory: app\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r requirements-dev.txt\n",
            ),
            ("app/requirements/dev.txt", "pytest\n"),
            ("app/setup.py", "\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["run: pip install -r requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    Case {
        name: "moved requirements file, the only match outside the job's working directory",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: app\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r requirements-dev.txt\n",
            ),
            ("requirements/dev.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Declined(""),
    },
    Case {
        name: "npm 429 in a job whose default shell is pwsh",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: pwsh\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Either {
            files: &[CI],
            adds: &["npm ci"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "missing module in a step with its own working directory",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n        working-directory: backend\n      - name: Tests\n        working-directory: backend\n        run: python -m pytest\n",
            ),
            ("backend/requirements.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: fix(&[CI, "backend/requirements.txt"], &["PyYAML"]),
    },
    // ---- containers and services ----
    Case {
        name: "missing module in a python container job",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container: python:3.12-slim\n    services:\n      redis:\n        image: redis:7\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: fix(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    Case {
        name: "npm 429 in an Alpine container (no bash)",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    container: node:20-alpine\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Either {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "timeout in a job with services",
        files: &[(
            CI,
            "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    services:\n      postgres:\n        image: postgres:16\n        ports: ['5432:5432']\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "it",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 60"],
            removes: &["timeout-minutes: 30"],
        },
    },
    // ---- Windows shells ----
    Case {
        name: "npm 429 in a cmd step on Windows",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n        shell: cmd\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Either {
            files: &[CI],
            adds: &["npm ci"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "npm 429 in a pwsh step on Windows",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Either {
            files: &[CI],
            adds: &["npm ci"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "missing module on Windows",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: fix(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    // ---- composite actions ----
    Case {
        name: "command missing inside a local composite action",
        files: &[
            (
                CI,
                "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build docs\n        uses: ./.github/actions/docs\n",
            ),
            (
                ".github/actions/docs/action.yml",
                "name: docs\nruns:\n  using: composite\n  steps:\n    - run: pandoc README.md -o out.html\n      shell: bash\n",
            ),
        ],
        workflow: Some(CI),
        job: "docs",
        step: "Build docs",
        lines: PANDOC_MISSING,
        want: fix(&[CI], &["pandoc"]),
    },
    Case {
        name: "npm 429 inside a local composite action",
        files: &[
            (
                CI,
                "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Setup\n        uses: ./.github/actions/setup\n      - run: npm test\n",
            ),
            (
                ".github/actions/setup/action.yml",
                "name: setup\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n      with:\n        node-version: 20\n    - run: npm ci\n      shell: bash\n",
            ),
        ],
        workflow: Some(CI),
        job: "web",
        step: "Setup",
        lines: NPM_429,
        want: Want::Declined(""),
    },
    Case {
        name: "missing module under a composite action that sets up its own Python",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        uses: ./.github/actions/pytest\n",
            ),
            (
                ".github/actions/pytest/action.yml",
                "name: pytest\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-python@v5\n      with:\n        python-version: '3.12'\n    - run: python -m pytest\n      shell: bash\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: Want::Declined(""),
    },
    Case {
        name: "command missing inside a local Docker action's image",
        files: &[
            (
                CI,
                "on: push\njobs:\n  report:\n    runs-on: ubuntu-latest\n    container: debian:12\n    steps:\n      - uses: actions/checkout@v4\n      - name: Publish report\n        uses: ./.github/actions/report\n",
            ),
            (
                ".github/actions/report/action.yml",
                "name: report\nruns:\n  using: docker\n  image: Dockerfile\n",
            ),
        ],
        workflow: Some(CI),
        job: "report",
        step: "Publish report",
        lines: &[
            "##[group]Run ./.github/actions/report",
            "##[endgroup]",
            "/entrypoint.sh: line 3: curl: command not found",
            "##[error]Docker run failed with exit code 127",
        ],
        want: Want::Declined("Docker action"),
    },
    // ---- reusable workflows ----
    Case {
        name: "timeout of a job in a called workflow, log names caller / callee",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      suite: unit\n",
            ),
            (
                ".github/workflows/test.yml",
                "on:\n  workflow_call:\n    inputs:\n      suite:\n        type: string\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
        ],
        workflow: None,
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[".github/workflows/test.yml"],
            adds: &["timeout-minutes: 60"],
            removes: &["timeout-minutes: 30"],
        },
    },
    Case {
        name: "missing module in a called workflow, caller given as --workflow",
        files: &[
            (CI, "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n"),
            (
                ".github/workflows/test.yml",
                "on: workflow_call\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "unit / test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: either(&[".github/workflows/test.yml"], &["PyYAML"]),
    },
    // ---- anchors, aliases, merge keys ----
    Case {
        // (A merge key, `<<: *defaults`, is no case: GitHub rejects the file.)
        name: "timeout of a job whose limit is an anchor another job aliases",
        files: &[(
            CI,
            "on: push\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    timeout-minutes: &limit 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n  lint:\n    runs-on: ubuntu-latest\n    timeout-minutes: *limit\n    steps:\n      - run: make lint\n",
        )],
        workflow: Some(CI),
        job: "unit",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["&limit 60"],
            removes: &["&limit 30"],
        },
    },
    Case {
        name: "timeout of the job that aliases another job's limit",
        files: &[(
            CI,
            "on: push\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    timeout-minutes: &limit 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n  lint:\n    runs-on: ubuntu-latest\n    timeout-minutes: *limit\n    steps:\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "lint",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["&limit 60"],
            removes: &["&limit 30"],
        },
    },
    Case {
        name: "lost runner on a job whose settings are anchored and aliased",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    runs-on: &arm [self-hosted, linux, arm64]\n    steps:\n      - run: make\n  arm-docs:\n    runs-on: *arm\n    steps:\n      - run: make docs\n",
        )],
        workflow: Some(CI),
        job: "arm-docs",
        step: "Run make docs",
        lines: LOST_RUNNER,
        want: fix(&[CI], &["continue-on-error: true"]),
    },
    Case {
        name: "missing module in a workflow with an aliased checkout step",
        files: &[
            (
                CI,
                "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - &checkout\n        uses: actions/checkout@v4\n      - run: ruff check .\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - *checkout\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: either(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    // ---- flow collections ----
    Case {
        name: "timeout in a job written as a flow mapping",
        files: &[(
            CI,
            "on: push\njobs:\n  test: {runs-on: ubuntu-latest, timeout-minutes: 30, steps: [{uses: actions/checkout@v4}, {run: make test}]}\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 60"],
            removes: &["timeout-minutes: 30"],
        },
    },
    Case {
        name: "missing module with steps in a flow sequence",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{uses: actions/checkout@v4}, {run: pip install -r requirements.txt}, {name: Tests, run: python -m pytest}]\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: either(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    Case {
        name: "lost runner on a job written as a flow mapping",
        files: &[(
            CI,
            "on: push\njobs:\n  test: {runs-on: ubuntu-latest, steps: [{run: make test}]}\n  arm: {runs-on: [self-hosted, linux, arm64], steps: [{run: make}]}\n",
        )],
        workflow: Some(CI),
        job: "arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: Want::Fix {
            files: &[CI],
            adds: &["continue-on-error: true"],
            removes: &["arm: {"],
        },
    },
    // ---- folded scalars, several commands on a line ----
    Case {
        name: "npm 429 in a folded run",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: >\n          npm ci\n          --no-audit\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci --no-audit",
        lines: NPM_429,
        want: Want::Declined(""),
    },
    Case {
        name: "moved requirements file in a folded run",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: >-\n          pip install\n          -r requirements-dev.txt\n",
            ),
            ("requirements/dev.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["-r requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    Case {
        name: "npm 429 in `npm ci && npm test`",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci && npm test",
        lines: NPM_429,
        want: Want::Declined(""),
    },
    Case {
        name: "npm 429 in `npm ci | tee npm.log`",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci | tee npm.log\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci | tee npm.log",
        lines: NPM_429,
        want: Want::Either {
            files: &[CI],
            adds: &["if npm ci | tee npm.log; then"],
            removes: &["npm ci | tee npm.log"],
        },
    },
    Case {
        name: "missing command after `&&`",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: make docs && pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Docs",
        lines: PANDOC_MISSING,
        want: fix(&[CI], &["sudo apt-get install -y pandoc"]),
    },
    // ---- step ids ----
    Case {
        name: "missing module in a step with an id referenced later",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        id: tests\n        run: python -m pytest\n      - if: failure() && steps.tests.outcome == 'failure'\n        run: echo tests failed\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: fix(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    Case {
        name: "moved file in a step whose outputs are read later",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        id: install\n        run: pip install -r requirements-dev.txt && echo ok=1 >> \"$GITHUB_OUTPUT\"\n      - run: echo ${{ steps.install.outputs.ok }}\n",
            ),
            ("requirements/dev.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["pip install -r requirements/dev.txt && echo ok=1"],
            removes: &["requirements-dev.txt"],
        },
    },
    // ---- CRLF files, tabs, comments ----
    Case {
        name: "timeout in a CRLF file",
        files: &[(
            CI,
            "on: push\r\njobs:\r\n  test:\r\n    runs-on: ubuntu-latest\r\n    timeout-minutes: 30\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - run: make test\r\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 60"],
            removes: &["timeout-minutes: 30"],
        },
    },
    Case {
        name: "missing module in a CRLF file",
        files: &[
            (
                CI,
                "on: push\r\njobs:\r\n  test:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - run: pip install -r requirements.txt\r\n      - name: Tests\r\n        run: python -m pytest\r\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: fix(&[CI, "requirements.txt"], &["PyYAML"]),
    },
    Case {
        name: "lost runner in a CRLF file",
        files: &[(
            CI,
            "on: push\r\njobs:\r\n  test:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: make test\r\n  arm:\r\n    runs-on: [self-hosted, linux, arm64]\r\n    steps:\r\n      - run: make\r\n",
        )],
        workflow: Some(CI),
        job: "arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: fix(&[CI], &["continue-on-error: true"]),
    },
    Case {
        name: "npm 429 in a CRLF file",
        files: &[(
            CI,
            "on: push\r\njobs:\r\n  web:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - name: Install\r\n        run: |\r\n          npm ci\r\n          npm run build\r\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Install",
        lines: NPM_429,
        want: Want::Fix {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "syntax error in a CRLF file",
        files: &[(
            CI,
            "on: push\r\njobs:\r\n  t:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - name: Tests\r\n        run: echo version: 1.2\r\n",
        )],
        workflow: None,
        job: "t",
        step: "Set up job",
        lines: SYNTAX_L7,
        want: Want::Fix {
            files: &[CI],
            adds: &["'echo version: 1.2'"],
            removes: &["echo version: 1.2"],
        },
    },
    Case {
        name: "npm 429 with a tab-indented heredoc in the block",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: |\n          cat <<-EOF > .npmrc\n          \tfund=false\n          \tEOF\n          npm ci\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Install",
        lines: NPM_429,
        want: Want::Fix {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "timeout with comments between the job's keys",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    # Linux only.\n    runs-on: ubuntu-latest\n    # Half an hour is plenty.\n    timeout-minutes: 30 # minutes\n\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 60 # minutes"],
            removes: &["timeout-minutes: 30"],
        },
    },
    Case {
        name: "lost runner with comments between the job's keys",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    # Our ARM box.\n    runs-on: [self-hosted, linux, arm64] # flaky\n    # Build only.\n    steps:\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: fix(&[CI], &["continue-on-error: true"]),
    },
    // ---- limits and flags as expressions ----
    Case {
        name: "timeout-minutes as an expression",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    timeout-minutes: ${{ matrix.os == 'windows-latest' && 60 || 30 }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test (ubuntu-latest)",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Either {
            files: &[CI],
            adds: &["60"],
            removes: &["timeout-minutes"],
        },
    },
    Case {
        name: "lost runner on a job that a release job needs",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  build-arm:\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - run: make\n      - uses: actions/upload-artifact@v4\n        with:\n          name: arm\n          path: dist/\n  publish:\n    needs: [test, build-arm]\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/download-artifact@v4\n      - run: ./publish.sh\n",
        )],
        workflow: Some(CI),
        job: "build-arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: Want::Declined(""),
    },
];

#[test]
fn every_shape_gets_the_right_fix_or_a_reasoned_refusal() {
    let results: Vec<(&str, Result<String, String>)> = CASES.iter().map(|c| (c.name, check(c))).collect();
    for (name, r) in &results {
        match r {
            Ok(how) => println!("ok   {name}: {how}"),
            Err(why) => println!("MISS {name}: {why}"),
        }
    }
    let wrong = results
        .iter()
        .filter(|(_, r)| r.as_ref().is_err_and(|r| r.starts_with("WRONG")))
        .count();
    let misses: Vec<String> = results
        .iter()
        .filter_map(|(n, r)| r.as_ref().err().map(|r| format!("- {n}: {r}")))
        .collect();
    assert!(
        misses.is_empty(),
        "{}/{} right, {wrong} wrong fixes; misses:\n{}",
        CASES.len() - misses.len(),
        CASES.len(),
        misses.join("\n")
    );
}
