//! Embeds `docs/rules/*.md` so `autoheal explain` and the language
//! server's hovers show exactly the published rule pages.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let docs = manifest.join("../../docs/rules");
    println!("cargo:rerun-if-changed={}", docs.display());
    let mut pages: Vec<(String, PathBuf)> = std::fs::read_dir(&docs)
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
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({id:?}, include_str!({:?})),\n",
            path.canonicalize().unwrap_or(path)
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rule_docs.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
