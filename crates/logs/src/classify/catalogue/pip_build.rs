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
//! A module missing there is missing from that environment: nothing the
//! job installs (a requirements file, the same `pip install` line) reaches
//! it, unless the step turns isolation off (`--no-build-isolation`,
//! `PIP_NO_BUILD_ISOLATION`, uv's `UV_NO_BUILD_ISOLATION`).

/// What the scanner keeps of the current step's pip subprocess box.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PipBuild {
    /// Inside a box whose description is a PEP 517 hook.
    hook: bool,
    /// A path under pip's build environment was printed inside the box.
    build_env: bool,
    open: bool,
}

impl PipBuild {
    /// Reads one line of the step's output.
    pub fn learn(&mut self, text: &str) {
        let body = text.trim_start_matches([' ', '\t', '│', '|']).trim_end();
        if let Some(description) = body
            .strip_prefix("× ")
            .and_then(|rest| rest.strip_suffix(" did not run successfully."))
        {
            *self = PipBuild {
                hook: is_build_hook(description),
                build_env: false,
                open: true,
            };
        } else if is_uv_build_failure(body) {
            // uv runs a build only in its build environment (isolation off
            // is read from the script, as for pip).
            *self = PipBuild {
                hook: true,
                build_env: false,
                open: true,
            };
        } else if body == "[end of output]"
            || body.ends_with("See above for output.")
            || body.starts_with("note: This error originates from a subprocess")
            || (self.open && body.starts_with("hint: "))
        {
            // The box's end, or its repetition without the output (pip's
            // last words on the failure): what follows is the step's.
            *self = PipBuild::default();
        } else if self.open && in_build_env(text) {
            self.build_env = true;
        }
    }

    /// The line being read is inside pip's isolated build environment's
    /// output (`script`: the step's script, which may turn isolation off).
    pub fn isolated(&self, text: &str, recent: &[&str], script: &str) -> bool {
        if self.build_env || in_build_env(text) || recent.iter().any(|l| in_build_env(l)) {
            return true;
        }
        self.open && self.hook && !disables_isolation(script)
    }
}

/// A description pip gives a PEP 517 hook it runs in the build environment.
fn is_build_hook(description: &str) -> bool {
    let building = |kind: &str| {
        description
            .strip_prefix(kind)
            .is_some_and(|rest| rest.ends_with(" (pyproject.toml)"))
    };
    matches!(
        description,
        "Getting requirements to build wheel"
            | "Getting requirements to build editable"
            | "Preparing metadata (pyproject.toml)"
            | "Preparing editable metadata (pyproject.toml)"
    ) || building("Building wheel for ")
        || building("Building editable for ")
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

/// A path under pip's build environment (`/tmp/pip-build-env-…`, on Windows
/// `…\Temp\pip-build-env-…`) or uv's (`~/.cache/uv/builds-v0/.tmp…`).
fn in_build_env(text: &str) -> bool {
    text.contains("/pip-build-env-")
        || text.contains("\\pip-build-env-")
        || text.contains("/builds-v0/.tmp")
        || text.contains("\\builds-v0\\.tmp")
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
            assert!(
                state.isolated("      ModuleNotFoundError: x", &[], "pip install -r r.txt"),
                "{heading}"
            );
            assert!(
                !state.isolated("x", &[], "pip install --no-build-isolation -r r.txt"),
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
        assert!(!legacy.isolated("ModuleNotFoundError: x", &[], ""));
        let closed = read(&[
            "  × Getting requirements to build wheel did not run successfully.",
            "      [end of output]",
        ]);
        assert!(!closed.isolated("ModuleNotFoundError: x", &[], ""));
        assert!(!PipBuild::default().isolated("ModuleNotFoundError: No module named 'pkg_resources'", &[], ""));
        // pip repeats the box without the output as its last words; a module
        // the step's own Python misses after that is the job's.
        let repeated = read(&[
            "× Getting requirements to build wheel did not run successfully.",
            "│ exit code: 1",
            "╰─> See above for output.",
        ]);
        assert!(!repeated.isolated("ModuleNotFoundError: No module named 'pkg_resources'", &[], ""));
        let noted = read(&[
            "× Getting requirements to build wheel did not run successfully.",
            "note: This error originates from a subprocess, and is likely not a problem with pip.",
        ]);
        assert!(!noted.isolated("ModuleNotFoundError: x", &[], ""));
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
            assert!(
                state.isolated(
                    "      ModuleNotFoundError: No module named 'pkg_resources'",
                    &[],
                    "uv pip install -r r.txt"
                ),
                "{heading}"
            );
            assert!(
                !state.isolated("x", &[], "uv pip install --no-build-isolation -r r.txt"),
                "{heading}"
            );
            let hinted = read(&[heading, "      hint: This usually indicates a problem with the package"]);
            assert!(!hinted.isolated("ModuleNotFoundError: x", &[], ""), "{heading}");
        }
        let frame = r#"  File "/home/runner/.cache/uv/builds-v0/.tmpVJomG5/lib/python3.12/site-packages/setuptools/build_meta.py""#;
        assert!(PipBuild::default().isolated("ModuleNotFoundError: x", &[frame], ""));
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
        assert!(state.isolated("x", &[], "pip install --no-build-isolation ."));
        let frame = r#"  File "C:\Users\runneradmin\AppData\Local\Temp\pip-build-env-ab12\overlay\Lib\site-packages\setuptools\build_meta.py""#;
        assert!(PipBuild::default().isolated("ModuleNotFoundError: x", &[frame], ""));
    }
}
