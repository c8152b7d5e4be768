//! pip's isolated build environment, read from pip's own output.
//!
//! pip builds a source distribution by calling its build backend's PEP 517
//! hooks in a subprocess, inside a temporary environment that holds only the
//! sdist's `[build-system] requires` (`BuildEnvironment`, a `TempDirectory`
//! of kind `build-env`, so its path holds `pip-build-env-`). When a hook
//! fails, pip prints an `InstallationSubprocessError` (reference
//! `subprocess-exited-with-error`) as a box: `× {description} did not run
//! successfully.`, `│ exit code: {n}`, `╰─> [{n} lines of output]`, the
//! subprocess's output, then `[end of output]`. The hooks' descriptions are
//! pip's spinner messages: `Getting requirements to build wheel` (or
//! `editable`), `Preparing metadata (pyproject.toml)`, `Preparing editable
//! metadata (pyproject.toml)`, `Building wheel for {name} (pyproject.toml)`
//! and `Building editable for {name} (pyproject.toml)`.
//!
//! uv builds the same way (its build environments live in its cache, under
//! `builds-v0/.tmp…`), and reports a failed build as its own box: `× Failed to
//! build `{requirement}``, `├─▶ The build backend returned an error`, `╰─▶
//! Call to `{backend}.{hook}` failed (exit status: {n})`, the backend's
//! `[stderr]` indented below, then uv's `hint:` (`x`, `|->` and `` `-> `` where
//! the terminal has no Unicode).
//!
//! pip reads the same hooks in two more forms. Verbose (`pip install -v`)
//! shows the subprocess's output as it comes, after `Running command
//! {description}` (`call_subprocess`'s first line; pip before 22 named the
//! command instead: `… _in_process.py {hook} …`), and the box after it says
//! only `See above for output.`. pip before 22 printed no box: its spinner's
//! `{description} ... error` (or `{description}: finished with status
//! 'error'` without a terminal) and then `ERROR: Command errored out with
//! exit status {n}:`, the ` command: … _in_process.py {hook} …` line, the
//! output, and a line of 40 `-` (`LOG_DIVIDER`); its descriptions were
//! `Preparing wheel metadata` and `Building wheel for {name} (PEP 517)`.
//!
//! pypa/build (`python -m build`) prints `* Creating isolated environment:
//! venv+pip...` (`virtualenv+pip`, `venv+uv`; before 1.0 `* Creating venv
//! isolated environment...`) only when it isolates the build, in a
//! temporary `build-env-{8 characters}` directory, then `* Installing
//! packages in isolated environment:` and the hooks it runs there (`*
//! Getting build dependencies for wheel...`, `* Building sdist...`), whose
//! traceback goes to the terminal as it is raised; it ends with `ERROR
//! {message}` (`ERROR Backend subprocess exited when trying to invoke
//! get_requires_for_build_wheel`) or `Successfully built …`.
//!
//! A module missing there is missing from that environment: nothing the
//! job installs (a requirements file, the same `pip install` line) reaches
//! it, unless the step turns isolation off (`--no-build-isolation`,
//! `PIP_NO_BUILD_ISOLATION`, uv's `UV_NO_BUILD_ISOLATION`; pypa/build's
//! `--no-isolation` prints no such heading).

/// The program whose isolated build environment a line is in: what reaches
/// that environment differs (pip reads `PIP_CONSTRAINT` there, uv its
/// `--build-constraint`, pypa/build installs the project's `[build-system]
/// requires`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildFrontend {
    Pip,
    Uv,
    /// pypa/build (`python -m build`).
    Build,
}

/// What the scanner keeps of the current step's isolated build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PipBuild {
    /// Inside a hook's output (a box, a verbose run, pypa/build's run).
    hook: bool,
    /// A path under a build environment was printed inside it.
    build_env: Option<BuildFrontend>,
    open: Option<BuildFrontend>,
}

impl PipBuild {
    /// Reads one line of the step's output.
    pub fn learn(&mut self, text: &str) {
        let body = text.trim_start_matches([' ', '\t', '│', '|']).trim_end();
        let opened = |frontend, hook| PipBuild {
            hook,
            build_env: None,
            open: Some(frontend),
        };
        if let Some(description) = body
            .strip_prefix("× ")
            .and_then(|rest| rest.strip_suffix(" did not run successfully."))
        {
            *self = opened(BuildFrontend::Pip, is_build_hook(description));
        } else if is_uv_build_failure(body) {
            // uv runs a build only in its build environment (isolation off
            // is read from the script, as for pip).
            *self = opened(BuildFrontend::Uv, true);
        } else if is_build_heading(body) {
            *self = opened(BuildFrontend::Build, true);
        } else if let Some(command) =
            running_command(body).filter(|_| matches!(self.open, None | Some(BuildFrontend::Pip)))
        {
            // pip's verbose run of a hook; any other command's output is
            // the step's again. Inside uv's box or pypa/build's run the
            // line is that program's output (a backend's own words), which
            // ends nothing.
            *self = if is_build_hook(command) || runs_hook(command) {
                opened(BuildFrontend::Pip, true)
            } else {
                PipBuild::default()
            };
        } else if spinner_failed(body).is_some_and(is_build_hook) || (self.open.is_none() && legacy_hook_command(body))
        {
            // pip before 22: its box-less failure, the output after it.
            *self = opened(BuildFrontend::Pip, true);
        } else if self.open.is_some() && closes(self.open, body) {
            // The box's end, or its repetition without the output (pip's
            // last words on the failure): what follows is the step's.
            *self = PipBuild::default();
        } else if self.open.is_some() {
            if let Some(frontend) = env_in(text) {
                self.build_env = Some(frontend);
            }
        }
    }

    /// The isolated build environment the line being read is in, if any
    /// (`script`: the step's script, which may turn isolation off).
    pub fn isolated(&self, text: &str, recent: &[&str], script: &str) -> Option<BuildFrontend> {
        if let Some(frontend) = self
            .build_env
            .or_else(|| env_in(text))
            .or_else(|| recent.iter().find_map(|l| env_in(l)))
        {
            return Some(frontend);
        }
        match self.open {
            // pypa/build prints its heading only when it isolates the build.
            Some(BuildFrontend::Build) => Some(BuildFrontend::Build),
            Some(frontend) if self.hook && !disables_isolation(script) => Some(frontend),
            _ => None,
        }
    }
}

/// A line that ends the output of the open build.
fn closes(open: Option<BuildFrontend>, body: &str) -> bool {
    match open {
        // pypa/build's `_error` (`ERROR {message}`; pip's own errors inside
        // it say `ERROR:`) and its success.
        Some(BuildFrontend::Build) => body.starts_with("ERROR ") || body.starts_with("Successfully built "),
        Some(BuildFrontend::Uv) => body.starts_with("hint: "),
        Some(BuildFrontend::Pip) => {
            body == "[end of output]"
                || body.ends_with("See above for output.")
                || body.starts_with("note: This error originates from a subprocess")
                // pip before 22: the divider after the output, its summary.
                || body == "----------------------------------------"
                || body.ends_with("Check the logs for full command output.")
                // A hook that succeeded (a verbose run) and what pip does next.
                || spinner_done(body).is_some()
                || body.starts_with("Created wheel for ")
                || body.starts_with("Installing collected packages:")
                || body.starts_with("Successfully installed ")
                || body.starts_with("Successfully built ")
        }
        None => false,
    }
}

/// A description pip gives a PEP 517 hook it runs in the build environment
/// (pip before 22: `Preparing wheel metadata`, `Building wheel for {name}
/// (PEP 517)`).
fn is_build_hook(description: &str) -> bool {
    let building = |kind: &str| {
        description
            .strip_prefix(kind)
            .is_some_and(|rest| rest.ends_with(" (pyproject.toml)") || rest.ends_with(" (PEP 517)"))
    };
    matches!(
        description,
        "Getting requirements to build wheel"
            | "Getting requirements to build editable"
            | "Preparing metadata (pyproject.toml)"
            | "Preparing editable metadata (pyproject.toml)"
            | "Preparing wheel metadata"
    ) || building("Building wheel for ")
        || building("Building editable for ")
}

/// pip's spinner ended with `status`: `{description} ... {status}` (a
/// terminal) or `{description}: finished with status '{status}'` (none).
fn spinner_ended<'a>(body: &'a str, status: &str) -> Option<&'a str> {
    body.strip_suffix(status)
        .and_then(|rest| rest.strip_suffix(" ... "))
        .or_else(|| {
            body.strip_suffix("'")
                .and_then(|rest| rest.strip_suffix(status))
                .and_then(|rest| rest.strip_suffix(": finished with status '"))
        })
}

fn spinner_failed(body: &str) -> Option<&str> {
    spinner_ended(body, "error")
}

fn spinner_done(body: &str) -> Option<&str> {
    spinner_ended(body, "done")
}

/// What pip's verbose `Running command {description}` runs: pip's
/// `call_subprocess` logs it at the start of its (indented) line, or after
/// the `{description} ... ` its interactive spinner wrote on the same line
/// first. The words elsewhere in a line (a build backend's `-- Running
/// command: ninja`, a tool's `INFO Running command …`) are not pip's.
fn running_command(body: &str) -> Option<&str> {
    const AFTER_SPINNER: &str = " ... Running command ";
    let rest = match body.strip_prefix("Running command ") {
        Some(rest) => rest,
        None => &body[body.find(AFTER_SPINNER)? + AFTER_SPINNER.len()..],
    };
    // pip's description is never `: …` (a tool's `Running command: make`).
    (!rest.starts_with(':')).then(|| rest.trim())
}

/// A command line of pyproject-hooks' (formerly pep517's) in-process script
/// running one of the PEP 517 hooks: `… _in_process.py {hook} …`, its path
/// quoted or not.
fn runs_hook(command: &str) -> bool {
    const HOOKS: &[&str] = &[
        "get_requires_for_build_wheel",
        "get_requires_for_build_editable",
        "get_requires_for_build_sdist",
        "prepare_metadata_for_build_wheel",
        "prepare_metadata_for_build_editable",
        "build_wheel",
        "build_editable",
        "build_sdist",
    ];
    let Some(at) = command.find("_in_process.py") else {
        return false;
    };
    let rest = command[at + "_in_process.py".len()..].trim_start_matches(['\'', '"']);
    rest.split_whitespace().next().is_some_and(|hook| HOOKS.contains(&hook))
}

/// pip before 22's ` command: {python} … _in_process.py {hook} …` line of a
/// failed hook's report.
fn legacy_hook_command(body: &str) -> bool {
    body.strip_prefix("command: ").is_some_and(runs_hook)
}

/// pypa/build's heading of an isolated build: `* Creating isolated
/// environment: {backend}...` (1.0 on), `* Creating venv isolated
/// environment...` / `* Creating virtualenv isolated environment...`.
fn is_build_heading(body: &str) -> bool {
    body.strip_prefix("* Creating ").is_some_and(|rest| {
        rest.starts_with("isolated environment: ")
            || rest == "venv isolated environment..."
            || rest == "virtualenv isolated environment..."
    })
}

/// uv's heading of a failed build: `× Failed to build `{requirement}`` (or
/// `x Failed to build` without Unicode; older releases wrote `Failed to
/// build: `…``, under `error:`/`Caused by:`, read by the path test alone).
fn is_uv_build_failure(body: &str) -> bool {
    body.strip_prefix("× ")
        .or_else(|| body.strip_prefix("x "))
        .and_then(|rest| rest.strip_prefix("Failed to build"))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(" `") || rest.starts_with(' '))
}

/// The build environment a path printed on the line is under: pip's
/// (`/tmp/pip-build-env-…`, on Windows `…\Temp\pip-build-env-…`), uv's
/// (`~/.cache/uv/builds-v0/.tmp…`) or pypa/build's (`/tmp/build-env-{8
/// characters of tempfile's}/`).
fn env_in(text: &str) -> Option<BuildFrontend> {
    if text.contains("/pip-build-env-") || text.contains("\\pip-build-env-") {
        return Some(BuildFrontend::Pip);
    }
    if text.contains("/builds-v0/.tmp") || text.contains("\\builds-v0\\.tmp") {
        return Some(BuildFrontend::Uv);
    }
    let build_env = text.match_indices("build-env-").any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let name = &text.as_bytes()[at + "build-env-".len()..];
        matches!(before, Some('/' | '\\'))
            && name.len() > 8
            && name[..8]
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
            && matches!(name[8], b'/' | b'\\')
    });
    build_env.then_some(BuildFrontend::Build)
}

/// The step's script turns pip's or uv's build isolation off.
fn disables_isolation(script: &str) -> bool {
    script.contains("--no-build-isolation")
        || script.contains("PIP_NO_BUILD_ISOLATION")
        || script.contains("UV_NO_BUILD_ISOLATION")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str]) -> PipBuild {
        let mut state = PipBuild::default();
        for l in lines {
            state.learn(l);
        }
        state
    }

    #[test]
    fn a_build_hooks_box_is_the_isolated_environment() {
        for heading in [
            "  × Getting requirements to build wheel did not run successfully.",
            "× Preparing metadata (pyproject.toml) did not run successfully.",
            "  × Building wheel for pyrsistent-compat (pyproject.toml) did not run successfully.",
            "  × Getting requirements to build editable did not run successfully.",
        ] {
            let state = read(&[heading, "  │ exit code: 1", "  ╰─> [17 lines of output]"]);
            assert_eq!(
                state.isolated("      ModuleNotFoundError: x", &[], "pip install -r r.txt"),
                Some(BuildFrontend::Pip),
                "{heading}"
            );
            assert_eq!(
                state.isolated("x", &[], "pip install --no-build-isolation -r r.txt"),
                None,
                "{heading}"
            );
        }
    }

    #[test]
    fn other_boxes_and_closed_ones_are_not() {
        // The legacy `setup.py` path runs in the job's own environment.
        let legacy = read(&[
            "  × python setup.py egg_info did not run successfully.",
            "  ╰─> [6 lines of output]",
        ]);
        assert!(legacy.isolated("ModuleNotFoundError: x", &[], "").is_none());
        let closed = read(&[
            "  × Getting requirements to build wheel did not run successfully.",
            "      [end of output]",
        ]);
        assert!(closed.isolated("ModuleNotFoundError: x", &[], "").is_none());
        assert!(
            PipBuild::default()
                .isolated("ModuleNotFoundError: No module named 'pkg_resources'", &[], "")
                .is_none()
        );
        // pip repeats the box without the output as its last words; a module
        // the step's own Python misses after that is the job's.
        let repeated = read(&[
            "× Getting requirements to build wheel did not run successfully.",
            "│ exit code: 1",
            "╰─> See above for output.",
        ]);
        assert!(
            repeated
                .isolated("ModuleNotFoundError: No module named 'pkg_resources'", &[], "")
                .is_none()
        );
        let noted = read(&[
            "× Getting requirements to build wheel did not run successfully.",
            "note: This error originates from a subprocess, and is likely not a problem with pip.",
        ]);
        assert!(noted.isolated("ModuleNotFoundError: x", &[], "").is_none());
    }

    /// The final read of 2026-12-07 (H2f): uv's build box, with and
    /// without Unicode, is the isolated environment too; its `hint:` ends it.
    #[test]
    fn uvs_build_box_is_the_isolated_environment() {
        for heading in [
            "  × Failed to build `pyrsistent-compat==0.9.1`",
            "x Failed to build `whisperx @ git+https://example.invalid/whisperx.git`",
        ] {
            let state = read(&[
                heading,
                "  ├─▶ The build backend returned an error",
                "  ╰─▶ Call to `setuptools.build_meta:__legacy__.build_wheel` failed (exit status: 1)",
                "      [stderr]",
            ]);
            assert_eq!(
                state.isolated(
                    "      ModuleNotFoundError: No module named 'pkg_resources'",
                    &[],
                    "uv pip install -r r.txt"
                ),
                Some(BuildFrontend::Uv),
                "{heading}"
            );
            assert_eq!(
                state.isolated("x", &[], "uv pip install --no-build-isolation -r r.txt"),
                None,
                "{heading}"
            );
            let hinted = read(&[heading, "      hint: This usually indicates a problem with the package"]);
            assert!(
                hinted.isolated("ModuleNotFoundError: x", &[], "").is_none(),
                "{heading}"
            );
        }
        let frame = r#"  File "/home/runner/.cache/uv/builds-v0/.tmpVJomG5/lib/python3.12/site-packages/setuptools/build_meta.py""#;
        assert!(
            PipBuild::default()
                .isolated("ModuleNotFoundError: x", &[frame], "")
                .is_some()
        );
        // Other words after the mark are not uv's build heading.
        assert!(!is_uv_build_failure("× Failed to download `flask==3.1.2`"));
        assert!(!is_uv_build_failure("x Failed to buildx"));
    }

    #[test]
    fn a_build_env_path_is_evidence_whatever_the_script() {
        let state = read(&[
            "  × Building wheel for x (setup.py) did not run successfully.",
            "        File \"/tmp/pip-build-env-3k1q9z/overlay/lib/python3.12/site-packages/setuptools/build_meta.py\"",
        ]);
        assert!(state.isolated("x", &[], "pip install --no-build-isolation .").is_some());
        let frame = r#"  File "C:\Users\runneradmin\AppData\Local\Temp\pip-build-env-ab12\overlay\Lib\site-packages\setuptools\build_meta.py""#;
        assert!(
            PipBuild::default()
                .isolated("ModuleNotFoundError: x", &[frame], "")
                .is_some()
        );
    }

    /// pypa/build's isolated build (issue 12's open item): its heading
    /// proves isolation (`--no-isolation` prints none), whatever else the
    /// script says, until its `ERROR …` or `Successfully built …`; pip's own
    /// `ERROR:` inside it (installing the environment) does not end it.
    #[test]
    fn pypa_builds_isolated_environment_is_read_from_its_heading() {
        for heading in [
            "* Creating isolated environment: venv+pip...",
            "* Creating isolated environment: virtualenv+pip...",
            "* Creating isolated environment: venv+uv...",
            "* Creating venv isolated environment...",
            "* Creating virtualenv isolated environment...",
        ] {
            let state = read(&[
                heading,
                "* Installing packages in isolated environment:",
                "  - setuptools >= 40.8.0",
                "ERROR: pip's own complaint inside the environment",
                "* Getting build dependencies for sdist...",
                "Traceback (most recent call last):",
            ]);
            assert_eq!(
                state.isolated(
                    "ModuleNotFoundError: No module named 'pkg_resources'",
                    &[],
                    "pip install --no-build-isolation -e . && python -m build"
                ),
                Some(BuildFrontend::Build),
                "{heading}"
            );
            for end in [
                "ERROR Backend subprocess exited when trying to invoke get_requires_for_build_sdist",
                "Successfully built pkg-1.0.tar.gz and pkg-1.0-py3-none-any.whl",
            ] {
                let ended = read(&[heading, end]);
                assert_eq!(
                    ended.isolated("ModuleNotFoundError: x", &[], ""),
                    None,
                    "{heading} {end}"
                );
            }
        }
        // Without the heading (`--no-isolation`), build's lines say nothing.
        let plain = read(&[
            "* Getting build dependencies for wheel...",
            "Traceback (most recent call last):",
        ]);
        assert_eq!(plain.isolated("ModuleNotFoundError: x", &[], ""), None);
        // Its temporary directory (`tempfile.mkdtemp(prefix='build-env-')`).
        let frame =
            r#"  File "/tmp/build-env-k3j2h1xq/lib/python3.12/site-packages/setuptools/build_meta.py", line 334"#;
        assert_eq!(
            PipBuild::default().isolated("ModuleNotFoundError: x", &[frame], ""),
            Some(BuildFrontend::Build)
        );
        for other in [
            r#"  File "/home/runner/work/app/build-env-production/setup.py", line 3"#,
            r#"  File "/home/runner/work/app/my-build-env-k3j2h1xq/setup.py", line 3"#,
        ] {
            assert_eq!(
                PipBuild::default().isolated("ModuleNotFoundError: x", &[other], ""),
                None,
                "{other}"
            );
        }
    }

    /// pip's verbose form (issue 12's open item): the hook's output comes
    /// after `Running command {description}` (pip before 22: the
    /// `_in_process.py {hook}` command line), before the box that only says
    /// `See above for output.`; a hook that succeeded, or another command,
    /// hands the output back to the step.
    #[test]
    fn pips_verbose_run_of_a_hook_is_the_isolated_environment() {
        for running in [
            "  Running command Getting requirements to build wheel",
            "  Getting requirements to build wheel ... Running command Getting requirements to build wheel",
            "  Running command Preparing metadata (pyproject.toml)",
            "  Running command /opt/hostedtoolcache/Python/3.9.18/x64/bin/python /opt/hostedtoolcache/Python/3.9.18/x64/lib/python3.9/site-packages/pip/_vendor/pep517/in_process/_in_process.py get_requires_for_build_wheel /tmp/tmpq2x1ab",
            "  Running command /usr/bin/python3 '/usr/lib/python3/dist-packages/pip/_vendor/pep517/_in_process.py' prepare_metadata_for_build_wheel /tmp/tmp7",
        ] {
            let state = read(&[running, "  Traceback (most recent call last):"]);
            assert_eq!(
                state.isolated(
                    "  ModuleNotFoundError: No module named 'pkg_resources'",
                    &[],
                    "pip install -v ."
                ),
                Some(BuildFrontend::Pip),
                "{running}"
            );
            assert_eq!(
                state.isolated("x", &[], "pip install -v --no-build-isolation ."),
                None,
                "{running}"
            );
            for end in [
                "× Getting requirements to build wheel did not run successfully.\n│ exit code: 1\n╰─> See above for output.",
                "  Getting requirements to build wheel: finished with status 'done'",
                "  Getting requirements to build wheel ... done",
                "Installing collected packages: pkg",
                "  Running command git clone --filter=blob:none --quiet https://example.invalid/x.git /tmp/pip-req-build-1",
            ] {
                let mut lines = vec![running];
                lines.extend(end.lines());
                let ended = read(&lines);
                assert_eq!(
                    ended.isolated("ModuleNotFoundError: x", &[], ""),
                    None,
                    "{running} / {end}"
                );
            }
        }
        assert!(!runs_hook("/usr/bin/python3 setup.py build_wheel"));
        assert!(!runs_hook("/usr/bin/python3 /x/_in_process.py build_wheels /tmp/t"));
    }

    /// Only pip's own `Running command` line (at the start of its line, or
    /// after its spinner's `... `) starts or ends a verbose run, and only
    /// when no uv box or pypa/build run is open: the words inside another
    /// program's line end no build (the eighteenth read's low item).
    #[test]
    fn a_running_command_line_of_another_program_ends_no_build() {
        let verbose = read(&[
            "  Running command Getting requirements to build wheel",
            "  -- Running command: /usr/bin/ninja -v",
            "  [scikit-build-core] INFO Running command cmake --build build",
        ]);
        assert_eq!(
            verbose.isolated(
                "  ModuleNotFoundError: No module named 'pybind11'",
                &[],
                "pip install -v ."
            ),
            Some(BuildFrontend::Pip)
        );
        for (heading, frontend) in [
            ("* Creating isolated environment: venv+pip...", BuildFrontend::Build),
            (
                "  × Failed to build `native-ext @ file:///home/runner/work/x`",
                BuildFrontend::Uv,
            ),
        ] {
            let state = read(&[heading, "  Running command git describe --tags --long"]);
            assert_eq!(
                state.isolated(
                    "ModuleNotFoundError: No module named 'setuptools_scm'",
                    &[],
                    "python -m build"
                ),
                Some(frontend),
                "{heading}"
            );
        }
        assert_eq!(running_command("Running command: make"), None);
        assert_eq!(running_command("tool: Running command make"), None);
    }

    /// pip before 22 printed no box (issue 12's open item): the spinner's
    /// `... error`, then `ERROR: Command errored out …`, the hook's command
    /// line, the output and pip's divider.
    #[test]
    fn pips_boxless_failure_of_a_hook_is_the_isolated_environment() {
        let report = [
            "    ERROR: Command errored out with exit status 1:",
            "     command: /opt/hostedtoolcache/Python/3.9.1/x64/bin/python /opt/hostedtoolcache/Python/3.9.1/x64/lib/python3.9/site-packages/pip/_vendor/pep517/_in_process.py get_requires_for_build_wheel /tmp/tmpc3lz0g5e",
            "         cwd: /tmp/pip-install-1x2y/pyrsistent-compat_0b1c",
            "    Complete output (17 lines):",
            "    Traceback (most recent call last):",
        ];
        for spinner in [
            "  Getting requirements to build wheel ... error",
            "  Getting requirements to build wheel: finished with status 'error'",
            "  Preparing wheel metadata ... error",
            "  Building wheel for pyrsistent-compat (PEP 517) ... error",
        ] {
            let mut lines = vec![spinner];
            lines.extend(report);
            let state = read(&lines);
            assert_eq!(
                state.isolated(
                    "    ModuleNotFoundError: No module named 'pkg_resources'",
                    &[],
                    "pip install -r r.txt"
                ),
                Some(BuildFrontend::Pip),
                "{spinner}"
            );
            lines.push("    ----------------------------------------");
            assert_eq!(
                read(&lines).isolated("ModuleNotFoundError: x", &[], ""),
                None,
                "{spinner}"
            );
        }
        // The report alone names the hook.
        assert_eq!(
            read(&report).isolated("ModuleNotFoundError: x", &[], ""),
            Some(BuildFrontend::Pip)
        );
        // The legacy `setup.py` path runs in the job's own environment.
        let legacy = read(&[
            "  Preparing metadata (setup.py) ... error",
            "    ERROR: Command errored out with exit status 1:",
            "     command: /usr/bin/python3 -c 'import io, os, sys, setuptools, tokenize; sys.argv[0] = '\"'\"'/tmp/pip-install-1/x/setup.py'\"'\"'' egg_info",
        ]);
        assert_eq!(legacy.isolated("ModuleNotFoundError: x", &[], ""), None);
    }
}
