//! wasm-pack, which builds a Rust crate to WebAssembly and runs the
//! wasm-bindgen CLI on the result.
//!
//! Source: wasm-pack's `src/manifest/mod.rs` (`CrateData::new`): before any
//! step it reads `{crate path}/Cargo.toml` and, when that is not a file,
//! fails with `crate directory is missing a `Cargo.toml` file; is `{path}`
//! the wrong directory?` (`{path}` as given on the command line, `.` when
//! none was). Its `main` prints the error as `Error: {error}` and every cause
//! below it as `Caused by: {cause}`, so the same sentence is printed twice.
//! When the wasm-bindgen CLI it runs fails (`src/bindgen.rs`, through
//! `child::run`), wasm-pack adds `Error: Running the wasm-bindgen CLI` and
//! `Caused by: failed to execute `wasm-bindgen`: exited with exit status:
//! {n}` after the CLI's own message: a trailer (the CLI said why above it,
//! `wasm_bindgen.rs`).
//!
//! The missing file is the crate's manifest under the directory the step
//! names: `file_not_found` of `{path}/Cargo.toml`.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "wasm_pack/crate-directory-without-manifest",
        grammar: "Error: crate directory is missing a `Cargo.toml` file; is `{path}` the wrong directory? (then the \
                  same sentence after `Caused by: `)",
        needles: &["crate directory is missing a `Cargo.toml` file"],
        check: crate_directory_without_manifest,
        examples: &[ex(
            "Error: crate directory is missing a `Cargo.toml` file; is `crates/web` the wrong directory?",
            Category::FileNotFound,
            Some("crates/web/Cargo.toml"),
        )],
    },
    Entry {
        id: "wasm_pack/wasm-bindgen-failed",
        grammar: "Error: Running the wasm-bindgen CLI | Caused by: failed to execute `wasm-bindgen`: exited with exit \
                  status: {n}",
        needles: &["Running the wasm-bindgen CLI", "failed to execute `wasm-bindgen`"],
        check: wasm_bindgen_failed,
        examples: &[ex("Error: Running the wasm-bindgen CLI", Category::Unknown, None)],
    },
];

fn crate_directory_without_manifest(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let c = regex!(
        r"^(Error|Caused by): [Cc]rate directory is missing a `Cargo\.toml` file; is `([^`]+)` the wrong directory\?$"
    )
    .captures(text)?;
    let dir = c[2].trim_end_matches(['/', '\\']);
    let manifest = if dir.is_empty() || dir == "." {
        "Cargo.toml".to_string()
    } else {
        format!("{dir}/Cargo.toml")
    };
    let hit = path_hit(
        &manifest,
        0.8,
        "wasm-pack was given a crate directory with no `Cargo.toml` in it (the directory moved, or the step runs \
         in another directory).",
    );
    // The repetition under `Caused by:` is the same error, not a second one.
    Some(if &c[1] == "Caused by" { hit.weak() } else { hit })
}

fn wasm_bindgen_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let ours = text == "Error: Running the wasm-bindgen CLI"
        || text == "Caused by: Running the wasm-bindgen CLI"
        || regex!(r"^Caused by: failed to execute `wasm-bindgen`: exited with exit status: \d+$").is_match(text);
    ours.then(|| {
        Hit::summary("wasm-pack's run of the wasm-bindgen CLI failed; the CLI's own message above says why.").weak()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_manifest_under_the_directory_given_is_the_missing_file() {
        for (text, want) in [
            (
                "Error: crate directory is missing a `Cargo.toml` file; is `crates/web` the wrong directory?",
                "crates/web/Cargo.toml",
            ),
            (
                "Error: crate directory is missing a `Cargo.toml` file; is `crates/web/` the wrong directory?",
                "crates/web/Cargo.toml",
            ),
            (
                "Error: crate directory is missing a `Cargo.toml` file; is `.` the wrong directory?",
                "Cargo.toml",
            ),
            (
                "Error: crate directory is missing a `Cargo.toml` file; is `/home/runner/work/site/site/wasm` the wrong directory?",
                "wasm/Cargo.toml",
            ),
        ] {
            let hit = crate_directory_without_manifest(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::FileNotFound, "{text}");
            assert_eq!(hit.subject.as_deref(), Some(want), "{text}");
            assert!(hit.fixable, "{text}");
        }
        let repeat = crate_directory_without_manifest(&Line::plain(
            "Caused by: crate directory is missing a `Cargo.toml` file; is `crates/web` the wrong directory?",
        ))
        .expect("the cause line");
        assert_eq!(repeat.strength, Strength::Weak);
        // A directory outside the workspace is shown, never fixed.
        let outside = crate_directory_without_manifest(&Line::plain(
            "Error: crate directory is missing a `Cargo.toml` file; is `/tmp/build/web` the wrong directory?",
        ))
        .expect("outside");
        assert!(!outside.fixable);
        crate::classify::catalogue::assert_reads(
            crate_directory_without_manifest,
            &[],
            &[
                "error: could not find `Cargo.toml` in `/home/runner/work/app/app` or any parent directory",
                "assert!(err.contains(\"crate directory is missing a `Cargo.toml` file\"))",
            ],
        );
    }

    #[test]
    fn the_bindgen_trailer_is_weak() {
        for text in [
            "Error: Running the wasm-bindgen CLI",
            "Caused by: Running the wasm-bindgen CLI",
            "Caused by: failed to execute `wasm-bindgen`: exited with exit status: 1",
        ] {
            let hit = wasm_bindgen_failed(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, Strength::Weak, "{text}");
        }
        crate::classify::catalogue::assert_reads(
            wasm_bindgen_failed,
            &[],
            &["Error: Running the wasm-bindgen CLI took 3s"],
        );
    }
}
