//! `docs/architecture.md` is the map of the tree, so it must match it, both
//! ways: every path it names exists and every module of the tree is named
//! on it; its rule table has every rule and no other row; and every folder
//! under `crates/` is a crate that is a workspace member.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    std::fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md is readable")
}

/// Backticked spans of the page, each with the top-level `## ` heading it
/// is under.
fn code_spans(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut fenced = false;
    for line in page.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.trim().to_string();
        }
        if fenced {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('`') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('`') else { break };
            out.push((heading.clone(), after[..end].to_string()));
            rest = &after[end + 1..];
        }
    }
    out
}

const FILE_EXTENSIONS: &[&str] = &[".rs", ".md", ".txt", ".toml", ".sh", ".json", ".ts", ".lua"];
const TOP_FOLDERS: &[&str] = &[
    "crates/", "src/", "docs/", "tests/", "xtask/", "editors/", "fuzz/", ".ci/",
];

/// A span that names a file or folder of this repository (not a check code
/// such as `schema/unknown-key`, an action such as `actions/checkout`, or a
/// path of a user's repository such as `.github/workflows/`).
fn is_repository_path(span: &str) -> bool {
    let shaped = span
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'));
    let user_paths = [".github/", ".autoheal/", "../", "./"];
    shaped
        && !span.is_empty()
        && !user_paths.iter().any(|p| span.starts_with(p))
        && (TOP_FOLDERS.iter().any(|p| span.starts_with(p))
            || FILE_EXTENSIONS.iter().any(|x| span.ends_with(x))
            || (span.ends_with('/') && span.len() > 1))
}

/// Every file and folder below `dir`, relative to the repository root.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name();
        if name == "target" || name == "node_modules" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        if let Ok(rel) = path.strip_prefix(root()) {
            out.push(rel.to_path_buf());
        }
        if path.is_dir() {
            walk(&path, out);
        }
    }
}

/// The folder a heading's short names are relative to (`## crates/logs`:
/// `crates/logs`; `## xtask`: `xtask`), or the root.
fn section_folder(heading: &str) -> PathBuf {
    let first = heading.split([' ', ',']).next().unwrap_or("");
    if (first.starts_with("crates/") || first == "xtask") && root().join(first).is_dir() {
        PathBuf::from(first)
    } else {
        PathBuf::new()
    }
}

#[test]
fn every_path_the_architecture_page_names_exists() {
    let page = architecture();
    let mut tree = Vec::new();
    walk(root(), &mut tree);
    let mut missing = Vec::new();
    let mut checked = 0;
    for (heading, span) in code_spans(&page) {
        if !is_repository_path(&span) {
            continue;
        }
        checked += 1;
        let name = span.trim_end_matches('/');
        let want_dir = span.ends_with('/');
        let exists = |p: &Path| if want_dir { p.is_dir() } else { p.exists() };
        if exists(&root().join(name)) {
            continue;
        }
        // A short name (`text.rs`, `catalogue/`) is a path below the
        // section's crate (or anywhere, outside a crate's section).
        let base = section_folder(&heading);
        let found = tree
            .iter()
            .any(|p| p.starts_with(&base) && p.ends_with(name) && exists(&root().join(p)));
        if !found {
            missing.push(format!("`{span}` (under \"## {heading}\")"));
        }
    }
    assert!(
        checked > 50,
        "only {checked} paths found on the page: is the parser broken?"
    );
    assert!(
        missing.is_empty(),
        "docs/architecture.md names paths that do not exist:\n{}",
        missing.join("\n")
    );
}

/// Files under a `src/` that are not modules of their own to describe.
fn is_plumbing(name: &str) -> bool {
    matches!(name, "lib.rs" | "main.rs" | "mod.rs" | "tests.rs" | "test_support.rs") || name.ends_with("_tests.rs")
}

/// The other direction: every module (each file and folder directly under
/// `src/` of every crate, of the root package and of `xtask`) is named on
/// the page, by its path from the repository root, or by its path below
/// `src/` in its crate's `## crates/<name>` (or `## xtask`) section. A
/// folder `x/` beside `x.rs` is the same module.
#[test]
fn every_module_is_named_on_the_architecture_page() {
    let page = architecture();
    let spans = code_spans(&page);
    let mut packages = vec![PathBuf::new(), PathBuf::from("xtask")];
    for e in std::fs::read_dir(root().join("crates")).expect("crates/").flatten() {
        packages.push(PathBuf::from("crates").join(e.file_name()));
    }
    let mut unnamed = Vec::new();
    let mut checked = 0;
    for package in &packages {
        let src = root().join(package).join("src");
        let Ok(entries) = std::fs::read_dir(&src) else { continue };
        let prefix = format!(
            "{}src/",
            package.to_str().map_or(String::new(), |p| if p.is_empty() {
                String::new()
            } else {
                format!("{p}/")
            })
        );
        let mut modules: BTreeSet<String> = BTreeSet::new();
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() {
                modules.insert(name);
            } else if let Some(stem) = name.strip_suffix(".rs")
                && !is_plumbing(&name)
            {
                modules.insert(stem.to_string());
            }
        }
        for module in modules {
            checked += 1;
            let names_it = |path: &str| {
                let first = path.split('/').next().unwrap_or("");
                first == module || first.strip_suffix(".rs") == Some(module.as_str())
            };
            let named = spans.iter().any(|(heading, span)| {
                span.strip_prefix(&prefix).is_some_and(names_it)
                    || (!package.as_os_str().is_empty() && section_folder(heading) == *package && names_it(span))
            });
            if !named {
                unnamed.push(format!("{prefix}{module}"));
            }
        }
    }
    assert!(checked > 100, "only {checked} modules found: is the walk broken?");
    assert!(
        unnamed.is_empty(),
        "modules docs/architecture.md does not name (add a line saying what each is):\n{}",
        unnamed.join("\n")
    );
}

#[test]
fn the_rule_table_has_every_rule_and_no_other() {
    let page = architecture();
    let table: BTreeSet<String> = page
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` | `"))
        .filter(|(_, path)| path.starts_with("crates/engine/src/rules/"))
        .map(|(id, _)| id.to_string())
        .collect();
    let ids: BTreeSet<String> = autoheal_engine::rules::RULES.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(table, ids, "the rule table of docs/architecture.md and RULES disagree");
}

#[test]
fn every_folder_under_crates_is_a_workspace_member_crate() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let members = list_of(&manifest, "members");
    let excluded = list_of(&manifest, "exclude");
    let mut problems = Vec::new();
    for e in std::fs::read_dir(root().join("crates")).expect("crates/").flatten() {
        if !e.path().is_dir() {
            continue;
        }
        let rel = format!("crates/{}", e.file_name().to_string_lossy());
        match std::fs::read_to_string(e.path().join("Cargo.toml")) {
            Err(_) => problems.push(format!("{rel} has no Cargo.toml")),
            Ok(text) if !text.lines().any(|l| l.trim() == "[package]") => {
                problems.push(format!("{rel}/Cargo.toml is not a package"))
            }
            Ok(_) => {}
        }
        let member = members.iter().any(|m| {
            *m == rel
                || m.strip_suffix("/*")
                    .is_some_and(|dir| rel.starts_with(&format!("{dir}/")))
        });
        if !member || excluded.contains(&rel) {
            problems.push(format!("{rel} is not a workspace member"));
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}

/// The strings of `key = [...]` in the `[workspace]` table.
fn list_of(manifest: &str, key: &str) -> Vec<String> {
    let workspace = manifest.split("\n[workspace]").nth(1).unwrap_or("");
    let workspace = workspace.split("\n[").next().unwrap_or("");
    let Some(line) = workspace
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{key} =")))
    else {
        return Vec::new();
    };
    line.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// A package whose integration tests are one binary (`autotests = false` and
/// one `[[test]]`, `tests/it.rs`; why: `tests/it.rs`) compiles only the files
/// that binary declares, so a file of `tests/` it leaves out would never run:
/// each must be a `mod` of `tests/it.rs`.
#[test]
fn every_file_of_tests_is_compiled() {
    let mut packages = vec![root().to_path_buf(), root().join("xtask")];
    for e in std::fs::read_dir(root().join("crates")).expect("crates/").flatten() {
        packages.push(e.path());
    }
    let mut problems = Vec::new();
    let mut merged = 0;
    for package in packages {
        let Ok(manifest) = std::fs::read_to_string(package.join("Cargo.toml")) else {
            continue;
        };
        if !manifest.lines().any(|l| l.trim() == "autotests = false") {
            continue;
        }
        merged += 1;
        let rel = package.strip_prefix(root()).unwrap_or(&package).display().to_string();
        if !manifest.contains("[[test]]\nname = \"it\"\npath = \"tests/it.rs\"\n") {
            problems.push(format!(
                "{rel}/Cargo.toml: autotests = false without the `it` test of tests/it.rs"
            ));
        }
        let it = std::fs::read_to_string(package.join("tests/it.rs")).unwrap_or_default();
        let declared: BTreeSet<&str> = it
            .lines()
            .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
            .collect();
        let Ok(entries) = std::fs::read_dir(package.join("tests")) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(module) = name.strip_suffix(".rs") else {
                continue;
            };
            if module != "it" && !declared.contains(module) {
                problems.push(format!(
                    "{rel}/tests/{name} is not a `mod` of {rel}/tests/it.rs: it never runs"
                ));
            }
        }
    }
    assert!(
        merged > 0,
        "no package with autotests = false: is the manifest check broken?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
