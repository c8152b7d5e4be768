//! The wasm-bindgen CLI (`wasm-bindgen`, also run by wasm-pack, trunk and
//! cargo-leptos).
//!
//! Source: wasm-bindgen's `crates/cli-support/src/wit/mod.rs`: the `.wasm`
//! file records the schema version of the `wasm-bindgen` crate it was
//! linked against, and the CLI refuses a file whose version is not its own:
//! `it looks like the Rust project used to create this {wasm|Wasm} file was
//! linked against` / `version of wasm-bindgen that uses a different bindgen
//! format than this binary:`, then `  rust {wasm|Wasm} file schema version:
//! {v}` and `     this binary schema version: {v}` and the two ways out
//! (`cargo update -p wasm-bindgen --precise …` or `cargo install -f
//! wasm-bindgen-cli --version …`). The CLI prints its error as `error:
//! {error}`, and this message starts with a line break, so `error: ` stands
//! alone on the line above it.
//!
//! Which of the two to move (the lock file's `wasm-bindgen` or the CLI the
//! job installs, often `latest` through an install action) is a person's
//! call: a blocker, located at the sentence that says what is wrong.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "wasm_bindgen/schema-version-mismatch",
    grammar: "it looks like the Rust project used to create this {wasm|Wasm} file was linked against (then `version of \
              wasm-bindgen that uses a different bindgen format than this binary:`, `rust {wasm|Wasm} file schema \
              version: {v}`, `this binary schema version: {v}`)",
    needles: &["used to create this wasm file was linked against"],
    check: schema_version_mismatch,
    examples: &[ex(
        "it looks like the Rust project used to create this Wasm file was linked against",
        Category::Unknown,
        None,
    )],
}];

fn schema_version_mismatch(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if !regex!(r"^(?:error: )?it looks like the Rust project used to create this [Ww]asm file was linked against$")
        .is_match(text)
    {
        return None;
    }
    Some(Hit::blocker(
        "The wasm-bindgen CLI's version is not the version of the `wasm-bindgen` crate the `.wasm` file was built \
         with (its schema versions must match exactly, the two versions follow in the log): pin the CLI the job \
         installs to the lock file's `wasm-bindgen`, or update the crate to the CLI's version (a person's call).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_refuses_a_file_built_with_another_schema() {
        for text in [
            "it looks like the Rust project used to create this Wasm file was linked against",
            "it looks like the Rust project used to create this wasm file was linked against",
            "   it looks like the Rust project used to create this wasm file was linked against",
        ] {
            let hit = schema_version_mismatch(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            schema_version_mismatch,
            &[],
            &[
                "  rust Wasm file schema version: 0.2.100",
                "// it looks like the Rust project used to create this wasm file was linked against an old CLI",
            ],
        );
    }
}
