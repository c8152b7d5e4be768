//! Tools print colour when CI asks for it (`FORCE_COLOR`, `PY_COLORS`,
//! `CARGO_TERM_COLOR`, `--color=always`, a pseudo-terminal): the terminal's
//! codes are removed where lines are read, so every emitter, ranking and the
//! evidence shown see the text a person reads. The logs are written by this
//! project in the runner's raw format, each tool's colours as its terminal
//! writer emits them (SGR sequences around words and whole lines).

use autoheal_logs::{Analysis, Category, LogFile, LogInput, Options, analyze};

/// A one-step raw log: the step's header, `lines` as it printed them, and
/// the runner's exit-code annotation.
fn analyze_step(run: &str, lines: &[&str]) -> Analysis {
    let mut log = format!("2026-01-05T10:00:00.0000000Z ##[group]Run {run}\n");
    log.push_str(&format!("2026-01-05T10:00:00.0000000Z {run}\n"));
    log.push_str("2026-01-05T10:00:00.0000000Z ##[endgroup]\n");
    for line in lines {
        log.push_str(&format!("2026-01-05T10:00:01.0000000Z {line}\n"));
    }
    log.push_str("2026-01-05T10:00:02.0000000Z ##[error]Process completed with exit code 1.\n");
    let input = LogInput {
        logs: vec![LogFile {
            job: None,
            bytes: log.as_bytes(),
        }],
        ..LogInput::default()
    };
    analyze(&input, &Options::default()).expect("analyze")
}

/// The root cause's category, subject and fixability, after checking that
/// no failure's evidence or message kept a terminal code.
fn root(analysis: &Analysis) -> (Category, Option<&str>, bool) {
    for f in &analysis.failures {
        assert!(!f.message.contains('\u{1b}'), "{}", f.message);
        for e in &f.evidence {
            assert!(!e.text.contains('\u{1b}'), "{:?}", e.text);
        }
    }
    let root = analysis.root_cause().expect("a failure");
    (root.category, root.subject.as_deref(), root.fixable)
}

#[test]
fn pytest_in_colour() {
    // pytest's `E` lines in bold red, its summary's outcome word in red: a
    // test's FileNotFoundError is the test's failure, not a path to fix.
    let analysis = analyze_step(
        "python -m pytest --color=yes",
        &[
            "\u{1b}[1m\u{1b}[31mE       FileNotFoundError: [Errno 2] No such file or directory: \
             'tests/data/sample.json'\u{1b}[0m",
            "\u{1b}[31mFAILED\u{1b}[0m tests/test_load.py::\u{1b}[1mtest_sample\u{1b}[0m - FileNotFoundError: [Errno \
             2] No such file or directory: 'tests/data/sample.json'",
        ],
    );
    assert_eq!(root(&analysis), (Category::Unknown, None, false));
}

#[test]
fn npm_in_colour() {
    let analysis = analyze_step(
        "npm ci",
        &[
            "npm \u{1b}[31merror\u{1b}[39m \u{1b}[35mcode\u{1b}[39m E429",
            "npm \u{1b}[31merror\u{1b}[39m 429 Too Many Requests - GET https://registry.npmjs.org/react",
        ],
    );
    let (category, _, _) = root(&analysis);
    assert_eq!(category, Category::RateLimit);
    assert!(
        analysis.root_cause().is_some_and(|f| f.message.contains("npm")),
        "{:?}",
        analysis.root_cause().map(|f| &f.message)
    );
}

#[test]
fn gradle_in_colour() {
    // Gradle's rich console styles the report's headings.
    let analysis = analyze_step(
        "./gradlew assembleDebug --console=rich",
        &[
            "\u{1b}[31mFAILURE: \u{1b}[39m\u{1b}[31mBuild failed with an exception.\u{1b}[39m",
            "",
            "\u{1b}[31m* What went wrong:\u{1b}[39m",
            "Could not determine the dependencies of task ':app:compileDebugJavaWithJavac'.",
            "\u{1b}[31m> \u{1b}[39mFailed to install the following Android SDK packages as some licences have not \
             been accepted.",
            "",
            "\u{1b}[31m* Try:\u{1b}[39m",
        ],
    );
    assert_eq!(root(&analysis), (Category::Unknown, None, false));
    let message = &analysis.root_cause().expect("root").message;
    assert!(message.contains("Android SDK packages"), "{message}");
}

#[test]
fn docker_in_colour() {
    let analysis = analyze_step(
        "docker buildx build -f Dockerfile.prod .",
        &[
            "\u{1b}[31mERROR: failed to solve: failed to read dockerfile: open Dockerfile.prod: no such file or \
           directory\u{1b}[0m",
        ],
    );
    assert_eq!(root(&analysis), (Category::FileNotFound, Some("Dockerfile.prod"), true));
}

#[test]
fn rustc_in_colour() {
    // cargo's colours (`CARGO_TERM_COLOR=always`): clippy's code-less lint is
    // read by its `-->` line below the level line.
    let analysis = analyze_step(
        "cargo clippy -- -D warnings",
        &[
            "\u{1b}[1m\u{1b}[91merror\u{1b}[0m\u{1b}[1m: this `if` statement can be collapsed\u{1b}[0m",
            "\u{1b}[94m\u{1b}[1m  --> \u{1b}[0msrc/config.rs:42:9",
        ],
    );
    assert_eq!(root(&analysis), (Category::Unknown, None, false));
    let message = &analysis.root_cause().expect("root").message;
    assert!(message.contains("Rust compile error"), "{message}");
}
