//! The libFuzzer binaries of `fuzz/` compiled in this crate's tests, so that
//! the workspace's test build (which `.ci/run` also lints) proves every
//! `fuzz/fuzz_targets/*.rs` still compiles against the targets here, without
//! building the `fuzz/` package: outside the workspace it shares none of the
//! workspace's compiled dependencies, and libFuzzer itself needs nightly.
//!
//! Each file is included as a module as it is. Its `use
//! libfuzzer_sys::fuzz_target;` names this crate (`extern crate self as
//! libfuzzer_sys` in lib.rs, test builds only), whose [`fuzz_target!`]
//! stands in for libfuzzer-sys's: it takes the one form the binaries use,
//! `|data: &[u8]| body`, and makes `run_one(data)` of it, so the body (the
//! call of `autoheal_fuzz_targets::targets::NAME::run`, the crate's own name
//! being another `extern crate self` in lib.rs) is type-checked here. A binary
//! written in another of libfuzzer-sys's forms fails to compile here: extend
//! the stand-in with that form. What this does not prove is that
//! libfuzzer-sys's own macro and libFuzzer build (`cargo +nightly fuzz
//! build` does, and docs/reliability.md's long runs).

#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/actionlint_config.rs"]
mod actionlint_config;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/apply_fix.rs"]
mod apply_fix;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/config.rs"]
mod config;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/cron.rs"]
mod cron;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/expr_parse.rs"]
mod expr_parse;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/fixes_apply.rs"]
mod fixes_apply;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/github_record.rs"]
mod github_record;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/github_text.rs"]
mod github_text;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/lint.rs"]
mod lint;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/logs_parse.rs"]
mod logs_parse;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/logs_zip.rs"]
mod logs_zip;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/lsp_failure_store.rs"]
mod lsp_failure_store;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/lsp_frames.rs"]
mod lsp_frames;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/rate_limit_fix.rs"]
mod rate_limit_fix;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/rule_refs.rs"]
mod rule_refs;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/shell_lex.rs"]
mod shell_lex;
#[allow(unused_attributes)]
#[path = "../../../fuzz/fuzz_targets/yaml_fast.rs"]
mod yaml_fast;

/// What a binary's `fuzz_target!` body became.
type RunOne = fn(&[u8]);

/// The binaries above by name, each with its [`RunOne`].
const COMPILED: &[(&str, RunOne)] = &[
    ("actionlint_config", actionlint_config::run_one),
    ("apply_fix", apply_fix::run_one),
    ("config", config::run_one),
    ("cron", cron::run_one),
    ("expr_parse", expr_parse::run_one),
    ("fixes_apply", fixes_apply::run_one),
    ("github_record", github_record::run_one),
    ("github_text", github_text::run_one),
    ("lint", lint::run_one),
    ("logs_parse", logs_parse::run_one),
    ("logs_zip", logs_zip::run_one),
    ("lsp_failure_store", lsp_failure_store::run_one),
    ("lsp_frames", lsp_frames::run_one),
    ("rate_limit_fix", rate_limit_fix::run_one),
    ("rule_refs", rule_refs::run_one),
    ("shell_lex", shell_lex::run_one),
    ("yaml_fast", yaml_fast::run_one),
];

/// Stands in for libfuzzer-sys's `fuzz_target!` in the modules above (which
/// reach it as `libfuzzer_sys::fuzz_target`). The body must be `()`, as in
/// libfuzzer-sys 0.4's plain form (`fn …(bytes: &[u8]) { $body }`): a body
/// of another type compiles nowhere else either.
mod libfuzzer_sys_stand_in {
    #[macro_export]
    macro_rules! fuzz_target {
        (|$data:ident: &[u8]| $body:expr) => {
            pub fn run_one($data: &[u8]) {
                let () = $body;
            }
        };
    }
}

fn fuzz_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every file in `fuzz/fuzz_targets` and every `[[bin]]` of
/// `fuzz/Cargo.toml` is one of the modules above (a new binary not added
/// here would go unchecked), each names a target of [`crate::TARGETS`], and
/// each runs (on empty input: the targets' own tests run them on real ones).
#[test]
fn every_fuzz_binary_compiles_here_and_runs_its_target() {
    let mut files: Vec<String> = std::fs::read_dir(fuzz_dir().join("fuzz_targets"))
        .expect("fuzz/fuzz_targets is readable")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    let mut compiled: Vec<String> = COMPILED.iter().map(|(name, _)| format!("{name}.rs")).collect();
    compiled.sort();
    assert_eq!(
        files, compiled,
        "fuzz/fuzz_targets/ against the modules of fuzz_bins.rs"
    );

    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).expect("fuzz/Cargo.toml is readable");
    let mut bins: Vec<String> = manifest
        .lines()
        .filter_map(|line| line.strip_prefix("path = \"fuzz_targets/"))
        .map(|rest| rest.trim_end_matches('"').to_string())
        .collect();
    bins.sort();
    assert_eq!(
        bins, compiled,
        "fuzz/Cargo.toml's [[bin]] paths against the modules of fuzz_bins.rs"
    );

    for (name, run_one) in COMPILED {
        assert!(
            crate::target(name).is_some(),
            "fuzz/fuzz_targets/{name}.rs is no target of TARGETS"
        );
        run_one(b"");
    }
}

/// The stand-in rejects a body that is not `()` (a target whose `run` came
/// to return a value would compile here and fail `cargo fuzz build`), and
/// takes a `()` one: the macro, as written in this file, compiled on its own
/// by the toolchain's rustc.
#[test]
fn the_stand_in_takes_only_a_unit_body_as_libfuzzer_sys_does() {
    let source = include_str!("fuzz_bins.rs");
    let start = source.find("    macro_rules! fuzz_target").expect("the stand-in");
    let end = start + source[start..].find("\n    }\n").expect("its end") + 6;
    let stand_in = &source[start..end];
    let dir = std::env::temp_dir().join(format!("autoheal-fuzz-stand-in-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let compiles = |body: &str, name: &str| {
        let file = dir.join(format!("{name}.rs"));
        std::fs::write(&file, format!("{stand_in}\nfuzz_target!(|data: &[u8]| {body});\n")).expect("written");
        std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .args([
                "--edition",
                "2021",
                "--crate-type",
                "lib",
                "--emit",
                "metadata",
                "--out-dir",
            ])
            .arg(&dir)
            .arg(&file)
            .output()
            .expect("rustc runs")
            .status
            .success()
    };
    let unit = compiles("{ let _ = data.len(); }", "unit");
    let value = compiles("data.len()", "value");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(unit, "a () body must compile:\n{stand_in}");
    assert!(!value, "a body of type usize must not compile:\n{stand_in}");
}
