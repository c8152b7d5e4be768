//! Embeds `docs/rules/*.md` so `autoheal explain` and the language
//! server's hovers show exactly the published rule pages.
//!
//! Nothing it prints or writes depends on where the checkout is: the
//! `rerun-if-changed` paths are relative to this package (cargo's fingerprint
//! keeps them as printed), and each page is written into the generated file
//! as a string literal rather than an `include_str!` of its absolute path.
//! So a build of another checkout of the same commit in the same target
//! directory (pre-commit's clone, which `tests/pre-commit/run.sh` installs
//! from) leaves this crate fresh for the repository's own builds, and the
//! generated file never names a checkout that may have been deleted since.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let docs = Path::new("../../docs/rules");
    println!("cargo:rerun-if-changed={}", docs.display());
    let mut pages: Vec<(String, PathBuf)> = std::fs::read_dir(manifest.join(docs))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p)))
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    let mut out = String::from(
        "/// `(rule id, markdown)` for every page under docs/rules.\npub static PAGES: &[(&str, &str)] = &[\n",
    );
    for (id, path) in pages {
        let file = path.file_name().expect("a page has a file name");
        println!("cargo:rerun-if-changed={}", docs.join(file).display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // `{:?}` of a str is a valid Rust string literal (quotes, backslashes
        // and control characters escaped).
        out.push_str(&format!("    ({id:?}, {text:?}),\n"));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rule_docs.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
