//! Cargo and rustc (rustup's proxies are `rustup.rs`).
//!
//! Sources: cargo's messages (`could not find `Cargo.toml` in `{dir}` or any
//! parent directory`, `--manifest-path`'s `manifest path `{path}` does not
//! exist` as given on the command line (`src/cargo/util/command_prelude.rs`), `no such command: `{name}``, `failed to get successful
//! HTTP response from `{url}` ({ip}), got {code}`, `could not compile `{crate}``;
//! the resolver's `no matching package named `{name}` found` and `failed to
//! select a version for the requirement `{req}``, `cargo install`'s `could not
//! find `{crate}` in registry `{registry}` with version `{req}``, all in
//! `src/cargo/core/resolver/errors.rs` and `src/cargo/ops/common_for_install_and_uninstall.rs`),
//! rustc's `error[E{code}]:` diagnostics and `linker `{cc}` not found`, and
//! libtest's `test result: FAILED.`, `--locked`'s `the lock file {path} needs
//! to be updated but --locked was passed to prevent this`, and cargo's rust-version check (`package
//! `{name} v{version}` cannot be built because it requires rustc {msrv} or newer,
//! while the currently active rustc version is {active}`; newer cargo prints
//! one refusal for all of them, `error: rustc {active} is not supported by the
//! following package[s]:` followed by one `  {name}@{version} requires rustc
//! {msrv}` line per package), `error: failed to parse lock file at: {path}`
//! (a lock file from a newer cargo, e.g. `lock file version \`4\` was found,
//! but this version of Cargo does not understand this lock file` in its
//! `Caused by:` lines; version 4 is read from cargo 1.78), and the heading
//! cargo prints when a dependency cannot be fetched (`failed to get `{name}`
//! as a dependency of package `{pkg}``), whose reason follows in `Caused by:`
//! blocks (`src/cargo/core/compiler/…`, `ops/resolve.rs`). A `-sys` crate's
//! build script that did not find its native library, inside cargo's `---
//! stderr` of the script: openssl-sys's `Could not find directory of OpenSSL
//! installation` (`build/find_normal.rs`) and the pkg-config crate's `The
//! system library `{lib}` required by crate `{crate}` was not found.`; and
//! prost-build's `Could not find `protoc`. If `protoc` is installed, try
//! setting the `PROTOC` environment variable …` (a command missing). Cargo's progress
//! after a fetch (`Downloaded {crate} v{version}`, `Downloaded {n} crates ({size})
//! in {t}`, `Compiling {crate} v{version}`, `Finished `{profile}` profile
//! [{opts}] target(s) in {t}`; before 1.78 `Finished {profile} [{opts}]
//! target(s) in {t}`) says the crates arrived: ranking reads it (`rank.rs`).

use super::util::{command_hit, located_below, path_hit, rate_limit_hit, regex, service_for_host, url_host};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

/// The id of cargo's progress after a successful fetch, which ranking reads.
pub const FETCH_SUCCEEDED: &str = "cargo/fetch-succeeded";

pub const FETCH_SUCCESSES: &[super::FetchSuccess] = &[(FETCH_SUCCEEDED, &[RateLimitService::CratesIo])];

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cargo/process-never-executed",
        grammar: "could not execute process `{program} {args}` (never executed), then `Caused by:` and `No such file \
                  or directory (os error 2)`",
        needles: &["No such file or directory (os error 2)"],
        check: process_never_executed,
        examples: &[ex_after(
            &[
                "  could not execute process `sccache /home/runner/.rustup/toolchains/stable/bin/rustc -vV` (never \
                 executed)",
                "",
                "Caused by:",
            ],
            "  No such file or directory (os error 2)",
            Category::MissingCommand,
            Some("sccache"),
        )],
    },
    Entry {
        id: FETCH_SUCCEEDED,
        grammar: "Downloaded {crate} v{version} | Downloaded {n} crates ({size}) in {t} | Compiling {crate} v{version} \
                  | Finished [`]{profile}[` profile] [{opts}] target(s) in {t}",
        needles: &["Downloaded ", "Compiling ", "Finished "],
        check: fetch_succeeded,
        examples: &[
            ex("  Downloaded 41 crates (4.2 MB) in 1.08s", Category::Unknown, None),
            ex(
                "    Finished `test` profile [unoptimized + debuginfo] target(s) in 48.31s",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "cargo/no-manifest",
        grammar: "error: could not find `Cargo.toml` in `{dir}` or any parent directory",
        needles: &["could not find `Cargo.toml`"],
        check: no_manifest,
        examples: &[ex(
            "error: could not find `Cargo.toml` in `/home/runner/work/app/app` or any parent directory",
            Category::FileNotFound,
            Some("Cargo.toml"),
        )],
    },
    Entry {
        id: "cargo/manifest-path-missing",
        grammar: "error: manifest path `{path}` does not exist (the `--manifest-path` value as given)",
        needles: &["error: manifest path `"],
        check: manifest_path_missing,
        examples: &[ex(
            "error: manifest path `crates/cli/Cargo.toml` does not exist",
            Category::FileNotFound,
            Some("crates/cli/Cargo.toml"),
        )],
    },
    Entry {
        id: "cargo/no-such-subcommand",
        grammar: "error: no such command: `{name}` (a cargo subcommand is the program `cargo-{name}`)",
        needles: &["no such command: `"],
        check: no_such_subcommand,
        examples: &[ex(
            "error: no such command: `nextest`",
            Category::MissingCommand,
            Some("cargo-nextest"),
        )],
    },
    Entry {
        id: "cargo/linker-not-found",
        grammar: "error: linker `{cc}` not found",
        needles: &["error: linker `"],
        check: linker_not_found,
        examples: &[ex("error: linker `cc` not found", Category::MissingCommand, Some("cc"))],
    },
    Entry {
        id: "cargo/unresolvable-requirement",
        grammar: "error: no matching package named `{name}` found | error: failed to select a version for the \
                  requirement `{name} = \"{req}\"` | error: could not find `{crate}` in registry `{registry}` with \
                  version `{req}` (cargo install)",
        needles: &[
            "no matching package named",
            "failed to select a version for the requirement",
            "` in registry `",
        ],
        check: unresolvable_requirement,
        examples: &[
            ex(
                "error: no matching package named `serde_jsonn` found",
                Category::Unknown,
                None,
            ),
            ex(
                "error: failed to select a version for the requirement `tokio = \"^9\"`",
                Category::Unknown,
                None,
            ),
            ex(
                "error: could not find `cargo-fooo` in registry `crates-io` with version `*`",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "cargo/dependency-fetch-failed",
        grammar: "error: failed to get `{name}` as a dependency of package `{pkg} v{version} ({path})` (a heading: the \
                  reason follows under `Caused by:`, e.g. a registry's 429, a rejected token, a missing package)",
        needles: &["as a dependency of package"],
        check: dependency_fetch_failed,
        examples: &[ex(
            "error: failed to get `acme-telemetry` as a dependency of package `ingest v0.9.0 \
             (/home/runner/work/ingest/ingest)`",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo/http-429",
        grammar: "failed to get successful HTTP response from `{url}` ({ip}), got 429",
        needles: &["failed to get successful HTTP response"],
        check: http_429,
        examples: &[ex(
            "  failed to get successful HTTP response from `https://index.crates.io/se/rd/serde` (13.1.2.3), got 429",
            Category::RateLimit,
            Some("crates.io"),
        )],
    },
    Entry {
        id: "cargo/lock-file-outdated",
        grammar: "error: the lock file {path} needs to be updated but --locked was passed to prevent this",
        needles: &["needs to be updated but --locked was passed"],
        check: lock_file_outdated,
        examples: &[ex(
            "error: the lock file /home/runner/work/a/a/Cargo.lock needs to be updated but --locked was passed to \
             prevent this",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo/rustc-too-old",
        grammar: "error: package `{name} v{version}` cannot be built because it requires rustc {msrv} or newer, while \
                  the currently active rustc version is {active} | error: rustc {active} is not supported by the \
                  following package[s]: (then `  {name}@{version} requires rustc {msrv}` lines)",
        needles: &["because it requires rustc", "is not supported by the following package"],
        check: rustc_too_old,
        examples: &[
            ex(
                "error: package `clap_lex v0.7.4` cannot be built because it requires rustc 1.74 or newer, while the \
                 currently active rustc version is 1.70.0",
                Category::Unknown,
                None,
            ),
            ex(
                "error: rustc 1.79.0 is not supported by the following packages:",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "cargo/lock-file-unreadable",
        grammar: "error: failed to parse lock file at: {path} (then `Caused by:` and the reason)",
        needles: &["failed to parse lock file at"],
        check: lock_file_unreadable,
        examples: &[ex(
            "error: failed to parse lock file at: /home/runner/work/a/a/Cargo.lock",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo/sys-crate-library-missing",
        grammar: "Could not find directory of OpenSSL installation, and this `-sys` crate cannot (openssl-sys's \
                  `build/find_normal.rs`) | The system library `{lib}` required by crate `{crate}` was not found. \
                  (the pkg-config crate's error, which `-sys` build scripts panic with); both inside cargo's \
                  `--- stderr` of a failed build script",
        needles: &[
            "Could not find directory of OpenSSL installation",
            "` required by crate `",
        ],
        check: sys_crate_library_missing,
        examples: &[
            ex(
                "  Could not find directory of OpenSSL installation, and this `-sys` crate cannot",
                Category::Unknown,
                None,
            ),
            ex(
                "  The system library `alsa` required by crate `alsa-sys` was not found.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "cargo/build-script-protoc-missing",
        grammar: "Could not find `protoc`. If `protoc` is installed, try setting the `PROTOC` environment variable to \
                  the path of the `protoc` binary. … (prost-build's error, which the build scripts of crates that \
                  compile .proto files, tonic-build's among them, return; cargo prints it in the script's `--- \
                  stderr`)",
        needles: &["Could not find `protoc`"],
        check: build_script_protoc_missing,
        examples: &[
            ex(
                "  Error: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed, try \
                 setting the `PROTOC` environment variable to the path of the `protoc` binary.\" }",
                Category::MissingCommand,
                Some("protoc"),
            ),
            ex(
                "  compile protos: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed, \
                 try setting the `PROTOC` environment variable to the path of the `protoc` binary.\" }",
                Category::MissingCommand,
                Some("protoc"),
            ),
        ],
    },
    Entry {
        id: "cargo/build-and-test-failure",
        grammar: "error[E{code}]: {message} | error: could not compile `{crate}` | test result: FAILED. | error: test \
                  failed, to rerun pass {args}",
        needles: &[
            "error[E",
            "could not compile `",
            "test result: FAILED",
            "error: test failed",
        ],
        check: build_and_test_failure,
        examples: &[ex(
            "error[E0425]: cannot find value `x` in this scope",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo/diagnostic-location",
        grammar: "error: {message} then `--> {file}.rs:{line}:{col}` (rustc's human-readable diagnostic, as a lint \
                  denied by `-D warnings` prints it, with no error code; located on its first line)",
        needles: &["--> "],
        check: diagnostic_location,
        examples: &[ex_after(
            &["error: this `if` statement can be collapsed"],
            "  --> src/config.rs:42:9",
            Category::Unknown,
            None,
        )],
    },
];

/// A `-sys` crate's build script did not find the native library it binds:
/// its development package (and often pkg-config) is not installed where the
/// build runs. Which package provides it depends on the distribution, so a
/// person installs it.
fn sys_crate_library_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let found = text.starts_with("Could not find directory of OpenSSL installation")
        || regex!(r"^The system library `[^`]+` required by crate `[^`]+` was not found\.").is_match(text);
    found.then(|| {
        Hit::blocker(
            "A -sys crate's build script did not find the native library it binds: its development package (and \
             pkg-config) must be installed where cargo builds (a slim container image has neither).",
        )
    })
}

/// prost-build looked for the Protocol Buffers compiler and did not find
/// it: the command `protoc` is missing where cargo builds.
///
/// Read in the forms a build script prints prost-build's `io::Error`: the
/// `Error: Custom { kind: NotFound, error: "Could not find `protoc`. …" }`
/// of a `main` returning it, a panic's `called `Result::unwrap()` on an
/// `Err` value: Custom { … }`, or `Result::expect`'s `{message}: Custom { … }`
/// (`.expect("compile protos")` panics with its message, `: ` and the
/// error's `Debug`; std's `result.rs`) (a BuildKit or Compose prefix before it is
/// `inside_container`'s to read); the words inside other text (an echo, a
/// test name) are not prost-build's error.
fn build_script_protoc_missing(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r#"(?:^\s*Error: |called `Result::unwrap\(\)` on an `Err` value: |^\s*[^"`]*\S: )Custom \{ kind: NotFound, error: "Could not find `protoc`\. If `protoc` is installed"#
    )
    .is_match(strip_container_prefix(line.text))
    .then(|| command_hit("protoc", line, 0.8))
}

/// The text after a BuildKit (`#12 41.7 `) or Compose (`app-1  | `) prefix.
fn strip_container_prefix(text: &str) -> &str {
    regex!(r"^(?:#\d+ \d+\.\d+ |[A-Za-z0-9][A-Za-z0-9_.-]* +\| )")
        .find(text)
        .map_or(text, |m| &text[m.end()..])
}

fn no_manifest(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "Cargo.toml",
        0.75,
        "cargo found no Cargo.toml where it ran (a wrong working directory, or no checkout).",
    ))
}

fn manifest_path_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error: manifest path `([^`]+)` does not exist$").captures(line.text.trim())?;
    Some(path_hit(
        &c[1],
        0.8,
        "cargo was given a `--manifest-path` that does not exist.",
    ))
}

fn no_such_subcommand(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"no such command: `([A-Za-z0-9_-]+)`").captures(line.text)?;
    Some(command_hit(&format!("cargo-{}", &c[1]), line, 0.8))
}

fn linker_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"linker `([^`]+)` not found").captures(line.text)?;
    Some(command_hit(&c[1], line, 0.8))
}

fn unresolvable_requirement(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let resolver = text.contains("no matching package named") || text.contains("failed to select a version");
    if !resolver && !regex!(r"could not find `[^`]+` in registry `").is_match(text) {
        return None;
    }
    Some(Hit::install_failure(
        "cargo found no crate (or no version) matching a requirement: a misspelled crate name, or a version that \
         was never published; the manifest or the install command needs a person.",
    ))
}

fn http_429(line: &Line<'_>) -> Option<Hit> {
    if !regex!(r"got 429\b").is_match(line.text) {
        return None;
    }
    let service = url_host(line.text)
        .and_then(service_for_host)
        .unwrap_or(RateLimitService::Other);
    Some(rate_limit_hit(
        service,
        None,
        0.85,
        "The crate registry rate-limited cargo's downloads (HTTP 429).",
    ))
}

fn build_and_test_failure(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if text.contains("test result: FAILED") || text.contains("error: test failed") {
        return Some(Hit::blocker("Rust tests failed."));
    }
    Some(Hit::blocker("Rust compile error."))
}

/// The `-->` line below a diagnostic's level line decides that the level
/// line is rustc's (clippy's lints print no `[E…]` code, and a bare `error: `
/// starts lines of many tools); cargo's `could not compile` follows later.
fn diagnostic_location(line: &Line<'_>) -> Option<Hit> {
    located_below(line, &["rs"], regex!(r"^error(?:\[E\d{4}\])?: \S"))
        .then(|| Hit::blocker("Rust compile error (rustc or a clippy lint).").opened_on_previous_line())
}

fn lock_file_outdated(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "Cargo.lock is out of date with Cargo.toml and the build was run with --locked: a person updates the lock \
         file.",
    ))
}

/// cargo could not read Cargo.lock: written by a newer cargo (its format
/// version) or damaged; the toolchain or the lock file is a person's choice.
fn lock_file_unreadable(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: failed to parse lock file at: \S")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "cargo could not read Cargo.lock (written by a newer cargo, whose lock file version this one does not \
                 understand, or damaged; the `Caused by:` lines say which): a person raises the toolchain or \
                 regenerates the lock file.",
            )
        })
}

fn rustc_too_old(line: &Line<'_>) -> Option<Hit> {
    // The resolver's form starts cargo's line; quoted elsewhere (a test's
    // expected output, a changelog) it is not this job's failure.
    if line.text.contains("is not supported by the following package")
        && !regex!(r"^error: rustc \S+ is not supported by the following packages?:").is_match(line.text.trim_start())
    {
        return None;
    }
    Some(Hit::blocker(
        "A dependency needs a newer Rust than the job's toolchain: a person raises the toolchain or pins an older \
         version of the dependency.",
    ))
}

/// The heading above `Caused by:` blocks: a specific reason near it (a
/// registry's 429) wins; alone, it is where the failure starts.
fn dependency_fetch_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"failed to get `[^`]+` as a dependency of package `")
        .is_match(line.text)
        .then(|| Hit::summary("cargo could not fetch a dependency; the reason is in the `Caused by:` lines below."))
}

fn fetch_succeeded(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^(?:Downloaded (?:\d+ crates? \(|[\w-]+ v\d)|Compiling [\w-]+ v\d|Finished (?:`[\w-]+` profile|[\w-]+) \[[^\]]*\] target\(s\) in )"
    )
    .is_match(line.text.trim())
    .then(|| Hit::notice("cargo fetched and built crates."))
}

/// The OS error under a process cargo could not start: the program is the
/// first word of the command in the `(never executed)` line just above.
fn process_never_executed(line: &Line<'_>) -> Option<Hit> {
    if line.text.trim() != "No such file or directory (os error 2)" {
        return None;
    }
    let program = line.recent.iter().rev().take(4).find_map(|l| {
        regex!(r"could not execute process `([^`\s]+)[^`]*` \(never executed\)")
            .captures(l)
            .map(|c| c[1].to_string())
    })?;
    Some(command_hit(&program, line, 0.7))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// prost-build's missing protoc is the command, whatever wraps the
    /// message (cargo's stderr relay, Rust's `Custom {…}` debug print).
    #[test]
    fn prost_build_names_protoc() {
        let hit = build_script_protoc_missing(&Line::plain(
            "  Error: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed, try \
             setting the `PROTOC` environment variable\" }",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::MissingCommand, Some("protoc"))
        );
        assert!(build_script_protoc_missing(&Line::plain("Could not find `protoc` in the docs")).is_none());
        // `Result::expect`'s panic: its message, `: `, then the error.
        let expect = "compile protos: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is \
                      installed, try setting the `PROTOC` environment variable\" }";
        assert!(build_script_protoc_missing(&Line::plain(expect)).is_some());
        // The words quoted in a sentence or an echo are not the error.
        for text in [
            "echo \"see: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed\"",
            "note: `Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed` means …",
        ] {
            assert!(build_script_protoc_missing(&Line::plain(text)).is_none(), "{text}");
        }
    }

    /// A -sys crate's missing native library is for a person (which
    /// development package depends on the image); the wording must start the
    /// line, as the build script's stderr prints it under cargo's report.
    #[test]
    fn a_sys_crate_without_its_library_is_not_fixable() {
        for text in [
            "  Could not find directory of OpenSSL installation, and this `-sys` crate cannot",
            "  The system library `libudev` required by crate `libudev-sys` was not found.",
        ] {
            let hit = sys_crate_library_missing(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        assert!(
            sys_crate_library_missing(&Line::plain("echo Could not find directory of OpenSSL installation")).is_none()
        );
    }

    #[test]
    fn a_diagnostic_is_read_by_its_location_line() {
        let read = |heading: &'static str| {
            let recent = [heading];
            diagnostic_location(&Line {
                recent: &recent,
                ..Line::plain("  --> src/config.rs:42:9")
            })
        };
        let hit = read("error: this `if` statement can be collapsed").expect("hit");
        assert_eq!(hit.category, Category::Unknown);
        assert!(read("error[E0425]: cannot find value `x` in this scope").is_some());
        assert!(read("warning: unused import: `std::fs`").is_none());
        assert!(read("   |").is_none());
        assert!(diagnostic_location(&Line::plain("  --> src/config.rs:42:9")).is_none());
    }

    #[test]
    fn an_unreadable_lock_file_is_a_blocker() {
        let hit =
            lock_file_unreadable(&Line::plain("error: failed to parse lock file at: /w/Cargo.lock")).expect("hit");
        assert_eq!(hit.category, Category::Unknown);
        assert!(lock_file_unreadable(&Line::plain("warning: failed to parse lock file at: x")).is_none());
    }

    #[test]
    fn the_msrv_refusal_is_cargos_only_at_the_start_of_its_line() {
        let own = rustc_too_old(&Line::plain(
            "error: rustc 1.80.1 is not supported by the following package:",
        ));
        assert_eq!(own.map(|h| h.category), Some(Category::Unknown));
        assert!(
            rustc_too_old(&Line::plain(
                "    assert_eq!(msg, \"error: rustc 1.70.0 is not supported by the following packages:\");"
            ))
            .is_none()
        );
    }

    #[test]
    fn a_program_cargo_could_not_start_is_missing_only_when_cargo_said_so() {
        let recent = [
            "  could not execute process `sccache /r/bin/rustc -vV` (never executed)",
            "",
            "Caused by:",
        ];
        let line = Line {
            recent: &recent,
            ..Line::plain("  No such file or directory (os error 2)")
        };
        let hit = process_never_executed(&line).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::MissingCommand, Some("sccache"))
        );
        // The same OS error after something else (a file a build script opened).
        let other = ["error: failed to read `build/gen.rs`", "", "Caused by:"];
        let line = Line {
            recent: &other,
            ..Line::plain("  No such file or directory (os error 2)")
        };
        assert!(process_never_executed(&line).is_none());
    }

    #[test]
    fn cargo_progress_after_a_fetch_and_near_misses() {
        crate::classify::catalogue::assert_reads(
            fetch_succeeded,
            &[
                "  Downloaded serde_json v1.0.134",
                "  Downloaded 41 crates (4.2 MB) in 1.08s",
                "   Compiling proc-macro2 v1.0.92",
                "    Finished `release` profile [optimized] target(s) in 39.02s",
                "    Finished dev [unoptimized + debuginfo] target(s) in 3.20s",
            ],
            &["Compiling assets...", "Downloaded 3 files", "Finished in 2s"],
        );
    }
}
