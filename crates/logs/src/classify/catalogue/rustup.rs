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
//!
//! rustup's `ToolchainNotInstalled` error, `error: toolchain '{toolchain}' is
//! not installed` (with `help: run \`rustup toolchain install {toolchain}\` to
//! install it` under it since 1.28), is printed when the toolchain a
//! `rust-toolchain.toml`, a `+{toolchain}` argument or `RUSTUP_TOOLCHAIN`
//! names was never installed and rustup did not install it on first use
//! (rustup 1.28.0 stopped doing so; 1.28.1 made it the default again, which
//! `RUSTUP_AUTO_INSTALL=0` turns off). A person installs it in a setup step
//! or changes the pin. With no pin and no default toolchain rustup says
//! `error: rustup could not choose a version of {binary} to run, because one
//! wasn't specified explicitly, and no default is configured.`
//!
//! `error: component '{component}' for target '{target}' is unavailable for
//! download for channel '{channel}'` (`component_unavailable_msg`; for a
//! nightly it adds `Sometimes not all components are available in any given
//! nightly.`): the pinned nightly was built without that component; a person
//! picks another date. A version or date that was never released: `error: no
//! release found for '{toolchain}'`.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, SubjectDetail};
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
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
    },
    Entry {
        id: "rustup/toolchain-not-installed",
        grammar: "error: toolchain '{toolchain}' is not installed (then `help: run `rustup toolchain install \
                  {toolchain}` to install it`)",
        needles: &["' is not installed"],
        check: toolchain_not_installed,
        examples: &[ex(
            "error: toolchain 'nightly-2025-06-01-x86_64-unknown-linux-gnu' is not installed",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "rustup/no-default-toolchain",
        grammar: "error: rustup could not choose a version of {binary} to run, because one wasn't specified explicitly, \
                  and no default is configured.",
        needles: &["rustup could not choose a version of"],
        check: no_default_toolchain,
        examples: &[ex(
            "error: rustup could not choose a version of cargo to run, because one wasn't specified explicitly, and no \
             default is configured.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "rustup/no-release-found",
        grammar: "error: no release found for '{toolchain}' (no such version or dated channel)",
        needles: &["error: no release found for '"],
        check: no_release_found,
        examples: &[ex("error: no release found for '1.99.0'", Category::Unknown, None)],
    },
    Entry {
        id: "rustup/component-unavailable",
        grammar: "error: component '{component}' for target '{target}' is unavailable for download for channel \
                  '{channel}'",
        needles: &["is unavailable for download for channel"],
        check: component_unavailable,
        examples: &[ex(
            "error: component 'miri' for target 'x86_64-unknown-linux-gnu' is unavailable for download for channel \
             'nightly-2025-11-30'",
            Category::Unknown,
            None,
        )],
    },
];

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

/// A pinned toolchain that was never installed: a blocker (the toolchain
/// is not a command a package provides), for a person to install or re-pin.
fn toolchain_not_installed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error: toolchain '([^'\s]+)' is not installed").captures(line.text.trim_start())?;
    Some(Hit::blocker(format!(
        "The Rust toolchain `{}` that the job asks for (a `rust-toolchain.toml`, a `+toolchain` argument or \
         `RUSTUP_TOOLCHAIN`) is not installed on the runner: install it in a setup step or change the pin. Not fixed \
         automatically.",
        display_text(&c[1])
    )))
}

/// rustup is installed but no toolchain was chosen (a self-hosted machine or
/// an image with `rustup-init --default-toolchain none`).
fn no_default_toolchain(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: rustup could not choose a version of \S+ to run")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "rustup has no default toolchain on this runner and the job names none: install one in a setup step \
                 (`rustup default stable`, or a toolchain action) or add a `rust-toolchain.toml`. Not fixed \
                 automatically.",
            )
        })
}

/// A toolchain version or dated channel that was never released.
fn no_release_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error: no release found for '([^']+)'").captures(line.text.trim_start())?;
    Some(Hit::blocker(format!(
        "There is no Rust release `{}` (a version or nightly date that does not exist): a person corrects the pin.",
        display_text(&c[1])
    )))
}

/// A component the chosen toolchain was not built with (common on a
/// nightly): never fixable by installing anything; a person changes the date
/// or drops the component.
fn component_unavailable(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error: component '([^']+)' for target '[^']+' is unavailable for download for channel '([^']+)'")
        .captures(line.text.trim_start())?;
    Some(Hit::blocker(format!(
        "The Rust toolchain `{}` has no `{}` component to download (a nightly built without it): pin another date or \
         drop the component. Not fixed automatically.",
        display_text(&c[2]),
        display_text(&c[1])
    )))
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
    fn a_release_that_does_not_exist_is_a_blocker() {
        let hit = no_release_found(&Line::plain("error: no release found for 'nightly-2031-01-01'")).expect("hit");
        assert!(hit.message.contains("nightly-2031-01-01"));
        assert!(no_release_found(&Line::plain("warning: no release found for '1.0'")).is_none());
    }

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
    fn a_missing_toolchain_is_a_blocker_only_at_the_start_of_rustups_line() {
        let hit = toolchain_not_installed(&Line::plain(
            "error: toolchain '1.86.0-x86_64-unknown-linux-gnu' is not installed",
        ))
        .expect("hit");
        assert_eq!(hit.category, Category::Unknown);
        assert!(!hit.fixable);
        assert!(
            hit.message.contains("1.86.0-x86_64-unknown-linux-gnu"),
            "{}",
            hit.message
        );
        assert!(toolchain_not_installed(&Line::plain("# error: toolchain 'stable' is not installed")).is_none());
    }

    #[test]
    fn an_unavailable_component_is_a_blocker_naming_channel_and_component() {
        let hit = component_unavailable(&Line::plain(
            "error: component 'rust-src' for target 'aarch64-apple-darwin' is unavailable for download for channel \
             'nightly-2025-03-01'",
        ))
        .expect("hit");
        assert!(!hit.fixable);
        assert!(hit.message.contains("`nightly-2025-03-01`") && hit.message.contains("`rust-src`"));
        assert!(
            component_unavailable(&Line::plain(
                "# error: component 'x' for target 'y' is unavailable for download for channel 'z'"
            ))
            .is_none()
        );
    }

    #[test]
    fn no_default_toolchain_is_a_blocker() {
        let hit = no_default_toolchain(&Line::plain(
            "error: rustup could not choose a version of rustc to run, because one wasn't specified explicitly, and \
             no default is configured.",
        ))
        .expect("hit");
        assert!(hit.message.contains("rustup default stable"));
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
