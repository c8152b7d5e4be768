//! Facts the docs state about the code, checked against it, so they cannot
//! drift: the rule count `docs/performance.md` gives and the levels of the
//! `shell` rule. (`docs/architecture.md` is checked by `tests/architecture.rs`.)

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(doc: &str) -> String {
    std::fs::read_to_string(root().join(doc)).expect("read doc")
}

/// What `autoheal rules` prints.
fn rules_listing() -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .arg("rules")
        .env("NO_COLOR", "1")
        .output()
        .expect("autoheal rules");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `docs/performance.md` says how many rules `autoheal rules` lists and that
/// all of them are on by default.
#[test]
fn performance_md_counts_the_rules() {
    let listed = rules_listing();
    let rules: Vec<&str> = listed.lines().filter(|l| !l.trim().is_empty()).collect();
    let on = rules
        .iter()
        .filter(|l| l.split_whitespace().nth(1) != Some("off"))
        .count();
    let doc = read("docs/performance.md");
    let stated = format!("it now lists {} ({} on by default)", rules.len(), on);
    assert!(doc.contains(&stated), "docs/performance.md should say `{stated}`");
}

/// `shell` is an error for shell names, but shellcheck's findings are info:
/// `autoheal rules` says both, as the rule's page does.
#[test]
fn rules_shows_both_levels_of_shell() {
    let listed = rules_listing();
    let line = listed
        .lines()
        .find(|l| l.split_whitespace().next() == Some("shell"))
        .expect("shell is listed");
    assert_eq!(line.split_whitespace().nth(1), Some("error"), "{line}");
    assert!(line.contains("shellcheck") && line.contains("(info"), "{line}");
    let page = read("docs/rules/shell.md");
    assert!(page.contains("shellcheck findings are **info**"), "docs/rules/shell.md");
}

/// `--fix=unsafe` never applies a display-only fix (`src/check.rs`'s
/// `applies`): `autoheal check --help` and the README say so, where they
/// said it applies "all" (review93 L).
#[test]
fn fix_unsafe_is_not_described_as_applying_every_fix() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args(["check", "--help"])
        .env("NO_COLOR", "1")
        .output()
        .expect("autoheal check --help");
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let help = flat(&String::from_utf8_lossy(&out.stdout));
    let readme = flat(&read("README.md"));
    let said = "`--fix=unsafe` the unsafe ones too (never a display-only one)";
    for (name, text) in [("check --help", &help), ("README.md", &readme)] {
        assert!(text.contains(said), "{name} should say {said}:\n{text}");
        assert!(
            !text.contains("`--fix=unsafe` all"),
            "{name} says `--fix=unsafe` applies all"
        );
    }
}
