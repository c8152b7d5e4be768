//! `cargo xtask fuzz [TARGET…] [--execs N] [--seconds S] [--seed X] [--jobs J]`:
//! the fuzz targets of `crates/fuzz-targets` on stable Rust, no libFuzzer.
//!
//! Each target runs in a worker process (this binary, `fuzz-worker`) on a
//! thread with a 2 MiB stack, like the CLI's rayon and the language
//! server's tokio threads: first every seed, then batches of inputs from
//! the mutator. A panic is caught, its input saved and the run goes on. A
//! crash the process cannot catch (stack overflow, abort) or a hang kills
//! the worker: the batch it was in is replayed by a new worker that writes
//! each input to a trace file before running it, so the last one written is
//! the culprit; it is saved and the run resumes after that batch. Inputs
//! are a function of (seed, target, batch), so every finding reproduces.
//!
//! Findings go to `target/fuzz-findings/<target>/`; once fixed, a finding
//! moves to `fuzz/regressions/<target>/`, which every run (and `cargo test`)
//! replays. The summary is a Markdown table for `docs/reliability.md`.

use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use autoheal_fuzz_targets::{BATCH, DEFAULT_SEED, TARGETS, Target};

/// A worker silent this long (one batch) is hung.
const HANG: Duration = Duration::from_secs(60);
/// The stack of the fuzzing thread: what the CLI and the server give theirs.
const STACK: usize = 2 << 20;
/// The batch number of the seeds phase.
const SEEDS: u64 = u64::MAX;

#[derive(Clone, Copy)]
struct Settings {
    execs: u64,
    seconds: Option<f64>,
    seed: u64,
    jobs: usize,
}

#[derive(Default, Clone)]
struct Summary {
    name: &'static str,
    execs: u64,
    seconds: f64,
    panics: usize,
    crashes: usize,
    hangs: usize,
}

pub fn run(args: &[&str]) -> anyhow::Result<()> {
    let mut settings = Settings {
        execs: 1_000_000,
        seconds: None,
        seed: DEFAULT_SEED,
        jobs: 1,
    };
    let mut names = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |what: &str| it.next().with_context(|| format!("{arg} needs {what}"));
        match *arg {
            "--execs" => settings.execs = value("a number")?.parse()?,
            "--seconds" => settings.seconds = Some(value("a number")?.parse()?),
            "--seed" => settings.seed = value("a number")?.parse()?,
            "--jobs" => settings.jobs = value("a number")?.parse::<usize>()?.max(1),
            name if !name.starts_with('-') => names.push(name),
            other => bail!("unknown option {other}"),
        }
    }
    let targets: Vec<&'static Target> = if names.is_empty() {
        TARGETS.iter().collect()
    } else {
        names
            .iter()
            .map(|n| autoheal_fuzz_targets::target(n).with_context(|| format!("no fuzz target `{n}`")))
            .collect::<anyhow::Result<_>>()?
    };
    let findings = findings_dir();
    let exe = std::env::current_exe()?;
    let mut summaries = Vec::new();
    for chunk in targets.chunks(settings.jobs) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|&t| {
                let (exe, findings) = (exe.clone(), findings.clone());
                std::thread::spawn(move || fuzz_target(&exe, t, &settings, &findings))
            })
            .collect();
        for h in handles {
            summaries.push(h.join().map_err(|_| anyhow::anyhow!("fuzz thread panicked"))??);
        }
    }
    println!("\n| target | executions | seconds | executions/s | panics | crashes | hangs |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for s in &summaries {
        println!(
            "| {} | {} | {:.0} | {:.0} | {} | {} | {} |",
            s.name,
            s.execs,
            s.seconds,
            s.execs as f64 / s.seconds.max(1e-9),
            s.panics,
            s.crashes,
            s.hangs
        );
    }
    let found: usize = summaries.iter().map(|s| s.panics + s.crashes + s.hangs).sum();
    if found > 0 {
        bail!("{found} finding(s), saved under {}", findings.display());
    }
    Ok(())
}

fn findings_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"));
    target.join("fuzz-findings")
}

/// Runs one target to its budget, restarting the worker after crashes.
fn fuzz_target(exe: &Path, target: &'static Target, settings: &Settings, findings: &Path) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary {
        name: target.name,
        ..Summary::default()
    };
    let mut next_batch = SEEDS;
    loop {
        let left = |s: &Summary| {
            let time_left = settings.seconds.map(|limit| limit - started.elapsed().as_secs_f64());
            (settings.execs.saturating_sub(s.execs), time_left)
        };
        let (execs_left, time_left) = left(&summary);
        if execs_left == 0 || time_left.is_some_and(|t| t <= 0.0) {
            break;
        }
        let mut cmd = worker_command(exe, target.name, settings.seed, findings);
        cmd.args(["--from", &next_batch.to_string(), "--execs", &execs_left.to_string()]);
        if let Some(t) = time_left {
            cmd.args(["--seconds", &format!("{t:.3}")]);
        }
        let (ended, last_done) = watch(cmd, |line| record(line, &mut summary))?;
        match ended {
            Ended::Done => break,
            Ended::Crashed | Ended::Hung => {
                let batch = match last_done {
                    None if next_batch == SEEDS => SEEDS,
                    None => next_batch,
                    Some(SEEDS) => 0,
                    Some(b) => b + 1,
                };
                let kind = if matches!(ended, Ended::Hung) { "hang" } else { "crash" };
                let saved = replay(exe, target.name, settings.seed, batch, findings, kind)?;
                eprintln!("fuzz {}: {kind} in batch {batch}: {}", target.name, saved.display());
                if kind == "hang" {
                    summary.hangs += 1;
                } else {
                    summary.crashes += 1;
                }
                summary.execs += BATCH;
                next_batch = if batch == SEEDS { 0 } else { batch + 1 };
            }
        }
    }
    summary.seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "fuzz {}: {} executions in {:.0} s, {} panic(s), {} crash(es), {} hang(s)",
        summary.name, summary.execs, summary.seconds, summary.panics, summary.crashes, summary.hangs
    );
    Ok(summary)
}

fn worker_command(exe: &Path, target: &str, seed: u64, findings: &Path) -> Command {
    let mut cmd = Command::new(exe);
    cmd.args(["fuzz-worker", target, "--seed", &seed.to_string()])
        .arg("--findings")
        .arg(findings)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    cmd
}

/// Counts a worker's report line into the summary.
fn record(line: &str, summary: &mut Summary) {
    let mut words = line.split(' ');
    match (words.next(), words.next(), words.next()) {
        (Some("ran"), Some(_), Some(n)) => summary.execs += n.parse::<u64>().unwrap_or(0),
        (Some("panic"), Some(path), _) => {
            summary.panics += 1;
            eprintln!(
                "fuzz {}: panic saved to {path}: {}",
                summary.name,
                line.splitn(3, ' ').nth(2).unwrap_or("")
            );
        }
        _ => {}
    }
}

enum Ended {
    Done,
    Crashed,
    Hung,
}

/// Runs a worker to its end, feeding its lines to `on_line`; returns how it
/// ended and the last batch it finished.
fn watch(mut cmd: Command, mut on_line: impl FnMut(&str)) -> anyhow::Result<(Ended, Option<u64>)> {
    let mut child: Child = cmd.spawn().context("cannot start a fuzz worker")?;
    let stdout = child.stdout.take().context("worker stdout")?;
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut last_done = None;
    let ended = loop {
        match rx.recv_timeout(HANG) {
            Ok(line) => {
                if let Some(b) = line.strip_prefix("ran ").and_then(|r| r.split(' ').next()) {
                    last_done = b.parse().ok().or(Some(SEEDS));
                }
                on_line(&line);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = child.wait()?;
                break if status.success() { Ended::Done } else { Ended::Crashed };
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                break Ended::Hung;
            }
        }
    };
    let _ = reader.join();
    Ok((ended, last_done))
}

/// Replays one batch writing each input to a trace file first; the last
/// input written when the worker dies (or hangs) is saved as the finding.
fn replay(exe: &Path, target: &str, seed: u64, batch: u64, findings: &Path, kind: &str) -> anyhow::Result<PathBuf> {
    let dir = findings.join(target);
    std::fs::create_dir_all(&dir)?;
    let trace = dir.join(format!("trace-{}", std::process::id()));
    let mut cmd = worker_command(exe, target, seed, findings);
    cmd.args(["--from", &batch.to_string(), "--execs", &BATCH.to_string()])
        .arg("--trace")
        .arg(&trace);
    let (ended, _) = watch(cmd, |_| {})?;
    let input = std::fs::read(&trace).unwrap_or_default();
    let _ = std::fs::remove_file(&trace);
    if matches!(ended, Ended::Done) {
        eprintln!("fuzz {target}: batch {batch} did not {kind} again when replayed (flaky); its last input is kept");
    }
    save(&dir, kind, &input)
}

fn save(dir: &Path, kind: &str, input: &[u8]) -> anyhow::Result<PathBuf> {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in input {
        h = (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
    }
    let path = dir.join(format!("{kind}-{h:016x}.bin"));
    std::fs::write(&path, input)?;
    Ok(path)
}

/// `fuzz-worker TARGET --seed S --findings DIR --from B --execs N [--seconds T] [--trace FILE]`.
pub fn worker(args: &[&str]) -> anyhow::Result<()> {
    let (name, rest) = args.split_first().context("fuzz-worker needs a target")?;
    let target = autoheal_fuzz_targets::target(name).with_context(|| format!("no fuzz target `{name}`"))?;
    let mut seed = 0;
    let mut from = SEEDS;
    let mut execs = u64::MAX;
    let mut seconds = f64::INFINITY;
    let mut trace = None;
    let mut findings = findings_dir();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let value = it.next().with_context(|| format!("{arg} needs a value"))?;
        match *arg {
            "--seed" => seed = value.parse()?,
            "--from" => from = value.parse()?,
            "--execs" => execs = value.parse()?,
            "--seconds" => seconds = value.parse()?,
            "--trace" => trace = Some(PathBuf::from(value)),
            "--findings" => findings = PathBuf::from(value),
            other => bail!("unknown option {other}"),
        }
    }
    let dir = findings.join(target.name);
    let job = move || work(target, seed, from, execs, seconds, trace.as_deref(), &dir);
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(job)?
        .join()
        .map_err(|_| anyhow::anyhow!("fuzz worker thread panicked outside a target"))?
}

fn work(
    target: &Target,
    seed: u64,
    from: u64,
    execs: u64,
    seconds: f64,
    trace: Option<&Path>,
    findings: &Path,
) -> anyhow::Result<()> {
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let seeds = target.corpus();
    let stdout = std::io::stdout();
    let mut done = 0u64;
    let exec = |input: &[u8], out: &mut std::io::StdoutLock<'_>| -> anyhow::Result<()> {
        if let Some(trace) = trace {
            std::fs::write(trace, input)?;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (target.run)(input)));
        if let Err(payload) = result {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            std::fs::create_dir_all(findings)?;
            let path = save(findings, "panic", input)?;
            writeln!(out, "panic {} {}", path.display(), message.replace('\n', " "))?;
        }
        Ok(())
    };
    let mut batch = from;
    if batch == SEEDS {
        let mut out = stdout.lock();
        for s in &seeds {
            exec(s, &mut out)?;
        }
        done += seeds.len() as u64;
        writeln!(out, "ran {SEEDS} {}", seeds.len())?;
        out.flush()?;
        if trace.is_some() {
            return Ok(());
        }
        batch = 0;
    }
    while done < execs && started.elapsed().as_secs_f64() < seconds {
        let n = BATCH.min(execs - done);
        let mut out = stdout.lock();
        for input in target.batch(seed, batch, &seeds).take(n as usize) {
            exec(&input, &mut out)?;
        }
        done += n;
        writeln!(out, "ran {batch} {n}")?;
        out.flush()?;
        if trace.is_some() {
            break;
        }
        batch += 1;
    }
    Ok(())
}
