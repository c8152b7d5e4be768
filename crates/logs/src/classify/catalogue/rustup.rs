//! rustup, the Rust toolchain multiplexer: its proxies (`cargo`, `rustc`,
//! `cargo-fmt`, `cargo-clippy`, …) run the binary of the active toolchain and
//! refuse when the component that ships it is not installed.
//!
//! Source: rustup's `BinaryNotProvidedByComponent` error (`src/errors.rs`),
//! printed as `error: '{binary}' is not installed for the toolchain
//! '{toolchain}'.` with the way out on the next line: `To install, run
//! \`rustup component add [--toolchain {toolchain}] {component}\`` (before
//! rustup 1.28) or `help: run \`rustup component add {component}\` to install
//! it`. A minimal profile (`dtolnay/rust-toolchain` without `components:`,
//! `rustup toolchain install --profile minimal`) has neither rustfmt nor
//! clippy.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, SubjectDetail};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "rustup/component-binary-missing",
    grammar: "error: '{binary}' is not installed for the toolchain '{toolchain}'. (then `To install, run `rustup \
              component add {component}`` or `help: run `rustup component add {component}` to install it`)",
    needles: &["is not installed for the toolchain"],
    check: component_binary_missing,
    examples: &[
        ex(
            "error: 'cargo-fmt' is not installed for the toolchain '1.82.0-x86_64-unknown-linux-gnu'.",
            Category::MissingCommand,
            Some("cargo-fmt"),
        ),
        ex(
            "error: 'cargo-clippy' is not installed for the toolchain 'nightly-aarch64-apple-darwin'",
            Category::MissingCommand,
            Some("cargo-clippy"),
        ),
    ],
}];

/// The component that ships a rustup proxy's binary (rustup's
/// `components.toml` for the binaries people run in CI).
fn component_of(binary: &str) -> Option<&'static str> {
    Some(match binary {
        "rustfmt" | "cargo-fmt" => "rustfmt",
        "cargo-clippy" | "clippy-driver" => "clippy",
        "rust-analyzer" => "rust-analyzer",
        "cargo-miri" => "miri",
        _ => return None,
    })
}

/// A proxied binary whose component is missing: the command is missing, but
/// the way to get it is the toolchain's component, not a system package, so
/// no generic install is offered.
fn component_binary_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"'([A-Za-z0-9_.-]+)' is not installed for the toolchain '([^']+)'").captures(line.text)?;
    let binary = &c[1];
    let toolchain = &c[2];
    let how = match component_of(binary) {
        Some(component) => format!(
            "add the `{component}` component (`components: {component}` on the toolchain setup step, or `rustup \
             component add {component}`)"
        ),
        None => "add the rustup component that provides it".to_string(),
    };
    Some(
        Hit::cause(
            Category::MissingCommand,
            0.85,
            format!(
                "`{binary}` is not installed for the Rust toolchain `{toolchain}`: {how}. Not fixed automatically."
            ),
        )
        .with_subject(
            binary,
            SubjectDetail::Command {
                name: binary.to_string(),
                known: false,
            },
        )
        .fixable(false),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_component_and_is_never_fixable() {
        let hit = component_binary_missing(&Line::plain(
            "error: 'cargo-clippy' is not installed for the toolchain 'stable-x86_64-unknown-linux-gnu'",
        ))
        .expect("hit");
        assert!(!hit.fixable);
        assert!(hit.message.contains("`components: clippy`"), "{}", hit.message);
    }

    #[test]
    fn a_toolchain_that_is_missing_is_not_this_message() {
        assert!(
            component_binary_missing(&Line::plain(
                "error: toolchain '1.70.0-x86_64-unknown-linux-gnu' is not installed"
            ))
            .is_none()
        );
    }
}
