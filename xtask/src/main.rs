//! `cargo xtask <command>`: benchmarks and evaluations against the shared
//! corpus in `../shared/corpus`. Every command that needs the corpus says so
//! and exits 0 when it is missing, so a fresh clone without it still works.

mod action_data;
mod action_facts;
mod actionlint;
mod bench;
mod bench_cli;
mod bench_expr;
mod bench_logs;
mod bench_lsp;
mod bench_rules;
mod corpus;
mod diff_actionlint;
mod eval_fixes;
mod eval_logs;
mod floor;
mod fuzz;
mod zizmor_eval;

use std::path::PathBuf;

fn usage() -> ! {
    eprintln!(
        "usage: cargo xtask <command>\n\n\
         commands:\n  \
         bench [RUNS] [ROUNDS] [no-shellcheck] the engine on the corpus, scaling in jobs, every output format against actionlint\n                        \
         (needs actionlint; ACTIONLINT=path), the language server's latency and memory;\n                        \
         no-shellcheck: only the comparison without shellcheck\n  \
         bench jobs            only the scaling curve: one workflow of 2,500 to 20,000 jobs\n  \
         bench rules [RUNS]    where the time goes: parsing, each rule alone, fix verification (one thread)\n  \
         bench lsp [ROUNDS] [BINARY...]  only the language server; several builds (or rounds) measured in turn\n  \
         eval [corpus]         lint corpus workflows and actions: no panic, error findings by rule\n  \
         eval actionlint       every folder of actionlint's test data: expected lines found, errors on valid files\n  \
         eval diff-actionlint [DIR]  differential test against actionlint on our own projects\n                        \
         (default crates/engine/tests/projects; needs actionlint, no corpus)\n  \
         gen actions [--check] regenerate the popular-action metadata table from real action.yml files\n  \
         eval logs [SET]       per-case category/strict-subject accuracy on failure-logs (SET: all, design, check)\n  \
         eval fixes [set]      diagnosed failure-logs cases fixed on real corpus workflows with that kind of step\n  \
         eval zizmor [actions] [DIR]  security audits vs zizmor's SARIF (DIR, or run zizmor per file); actions: action.yml files\n  \
         bench logs [MiB]      log analysis throughput on a generated log (default 1024 MiB; needs no corpus)\n  \
         bench expr            the expression layer alone: every `${{{{ }}}}` of the corpus (generated workflows without it)\n  \
         fuzz [TARGET..] [--execs N] [--seconds S] [--seed X] [--jobs J]\n                        \
         run the fuzz targets on stable Rust (default: all, 1,000,000 executions each; needs no corpus)"
    );
    std::process::exit(2)
}

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `../shared/corpus`, relative to the workspace root.
pub fn corpus_dir() -> Option<PathBuf> {
    let root = workspace_root();
    let dir = std::env::var_os("AUTOHEAL_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "xtask: corpus not found at {} (set AUTOHEAL_CORPUS); skipping",
            dir.display()
        );
        None
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["fuzz", rest @ ..] => return fuzz::run(rest),
        ["fuzz-worker", rest @ ..] => return fuzz::worker(rest),
        ["eval", "diff-actionlint", rest @ ..] if rest.len() <= 1 => return diff_actionlint::run(rest),
        _ => {}
    }
    if let ["bench", "logs", rest @ ..] = args.as_slice() {
        return bench_logs::run(rest.first().and_then(|m| m.parse().ok()).unwrap_or(1024));
    }
    if args.as_slice() == ["bench", "expr"] {
        return bench_expr::run(corpus_dir().as_deref());
    }
    let Some(corpus) = (match args.first() {
        Some(&"bench" | &"eval" | &"gen") => corpus_dir(),
        _ => usage(),
    }) else {
        return Ok(());
    };
    match args.as_slice() {
        ["bench", rest @ ..] => bench::run(&corpus, rest),
        ["eval"] | ["eval", "corpus"] => corpus::run(&corpus),
        ["eval", "actionlint"] => actionlint::run(&corpus),
        ["eval", "logs", rest @ ..] => match eval_logs::Set::parse(rest.first().copied()) {
            Some(set) if rest.len() <= 1 => eval_logs::run(&corpus, set, &workspace_root()),
            _ => usage(),
        },
        ["eval", "fixes", rest @ ..] => match eval_logs::Set::parse(rest.first().copied()) {
            Some(set) if rest.len() <= 1 => eval_fixes::run(&corpus, set, &workspace_root()),
            _ => usage(),
        },
        ["gen", "actions"] => action_data::run(&corpus, false),
        ["gen", "actions", "--check"] => action_data::run(&corpus, true),
        ["eval", "zizmor", rest @ ..] => zizmor_eval::run(&corpus, rest),
        _ => usage(),
    }
}

/// Every file below `dir` whose name ends with one of `exts`, sorted.
pub fn files_under(dir: &std::path::Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| exts.iter().any(|x| n.ends_with(x)))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
