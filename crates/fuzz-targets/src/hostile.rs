//! The hostile inputs of issue 19, generated (some are 200 KB): regression
//! seeds for the fuzz targets, and inputs for the CLI and language server
//! tests. Each once, here.

/// Under 1 KB of YAML that expands to 9^15 scalars if aliases are copied:
/// `x0: &a0 [lol × 9]`, then 14 lines of nine aliases to the line before.
pub fn alias_bomb() -> String {
    let mut s = String::from("on: push\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..15 {
        let items = vec![format!("*a{}", i - 1); 9].join(", ");
        s.push_str(&format!("x{i}: &a{i} [{items}]\n"));
    }
    s + "jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n"
}

/// A workflow whose step input holds `levels` nested block sequences
/// (`- - - … x`): 100,000 levels overflowed the stack of a rule's walk.
pub fn deep_block_sequence(levels: usize) -> String {
    format!(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        with:\n          a:\n            {}x\n",
        "- ".repeat(levels)
    )
}

/// `levels` nested flow sequences around an expression.
pub fn deep_flow_sequence(levels: usize) -> String {
    format!(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {}${{{{ github.event.issue.title }}}}{}\n",
        "[".repeat(levels),
        "]".repeat(levels)
    )
}

/// A job log of a pytest step that failed importing each of `modules`.
pub fn missing_modules_log<S: AsRef<str>>(modules: &[S]) -> String {
    let mut log =
        String::from("2024-05-02T10:15:00.1Z ##[group]Run python -m pytest -q\n2024-05-02T10:15:00.2Z ##[endgroup]\n");
    for m in modules {
        log.push_str(&format!(
            "2024-05-02T10:15:01.1Z E   ModuleNotFoundError: No module named '{}'\n",
            m.as_ref()
        ));
    }
    log + "2024-05-02T10:15:02.1Z ##[error]Process completed with exit code 2.\n"
}

/// A job log with `count` distinct `No module named` lines.
pub fn many_missing_modules(count: usize) -> String {
    let names: Vec<String> = (0..count).map(|i| format!("mod{i}")).collect();
    missing_modules_log(&names)
}

/// A test step's log saying a GitHub API rate limit was hit (any test can
/// print that).
pub const RATE_LIMIT_IN_TESTS: &str = "2024-05-02T10:15:00.1Z ##[group]Run pytest -q\n2024-05-02T10:15:00.2Z ##[endgroup]\n2024-05-02T10:15:01.1Z E   github.GithubException: 403 {\"message\": \"API rate limit exceeded for 10.0.0.1.\"}\n2024-05-02T10:15:02.1Z ##[error]Process completed with exit code 1.\n";

/// A heredoc Makefile recipe (tab) in a `run: |` block, and a tab-indented
/// key elsewhere in the file.
pub const TAB_IN_BLOCK_SCALAR: &str = "on: push\njobs:\n  build:\n\truns-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: |\n          cat > Makefile <<'EOF'\n          all:\n          \techo hi\n          EOF\n          make\n";

/// Two jobs sharing one anchored mapping without `timeout-minutes`.
pub const JOBS_SHARING_AN_ANCHOR: &str =
    "on: push\njobs:\n  a: &job\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  b: *job\n";
