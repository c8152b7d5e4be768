//! Facts the docs state about the code, checked against it, so they cannot
//! drift: the files and folders `docs/architecture.md` names, and the rule
//! count `docs/performance.md` gives.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(doc: &str) -> String {
    std::fs::read_to_string(root().join(doc)).expect("read doc")
}

/// Every path below `dir` (relative, `/`-separated; directories end in `/`).
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p: PathBuf = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name == "target" || name == "node_modules" || name.starts_with('.') {
                continue;
            }
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            if p.is_dir() {
                out.push(format!("{rel}/"));
                stack.push(p);
            } else {
                out.push(rel);
            }
        }
    }
    out
}

/// A code span that names a source file or folder (`server.rs`, `fetch/`,
/// `rules/mod.rs`, `src/files.rs`).
fn names_a_path(span: &str) -> bool {
    (span.ends_with(".rs") || span.ends_with('/'))
        && span.len() > 1
        && span.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && span.chars().all(|c| c.is_ascii_alphanumeric() || "_/.-".contains(c))
}

/// In a `## crates/X` section a name is looked for under `crates/X` (a file
/// where it ends in `.rs`, a folder where it ends in `/`); elsewhere
/// anywhere in the repository.
#[test]
fn every_file_and_folder_architecture_md_names_exists() {
    let doc = read("docs/architecture.md");
    let whole = tree(root());
    let mut section_tree: Option<(String, Vec<String>)> = None;
    let mut missing = Vec::new();
    let mut checked = 0;
    for (n, line) in doc.lines().enumerate() {
        if let Some(heading) = line.strip_prefix("## ") {
            section_tree = heading
                .strip_prefix("crates/")
                .map(|c| (format!("crates/{c}"), tree(&root().join("crates").join(c))));
            continue;
        }
        for span in line.split('`').skip(1).step_by(2) {
            if !names_a_path(span) {
                continue;
            }
            checked += 1;
            // Outside a crate's section, a name is looked for anywhere.
            let from_root = whole
                .iter()
                .any(|p| p == span || (section_tree.is_none() && p.ends_with(&format!("/{span}"))));
            let in_section = section_tree
                .as_ref()
                .is_some_and(|(_, t)| t.iter().any(|p| p == span || p.ends_with(&format!("/{span}"))));
            if !from_root && !in_section {
                let place = section_tree
                    .as_ref()
                    .map_or("the repository".to_string(), |(c, _)| c.clone());
                let other_kind = match span.strip_suffix('/') {
                    Some(dir) => format!("{dir}.rs"),
                    None => format!("{}/", span.trim_end_matches(".rs")),
                };
                missing.push(format!(
                    "docs/architecture.md:{}: `{span}` is not in {place}{}",
                    n + 1,
                    if whole.iter().any(|p| p.ends_with(&other_kind)) {
                        format!(" (`{other_kind}` is)")
                    } else {
                        String::new()
                    }
                ));
            }
        }
    }
    assert!(checked > 50, "only {checked} paths found: is the extraction broken?");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
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
