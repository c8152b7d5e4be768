//! The Go toolchain and programs written in Go.
//!
//! Sources: `cmd/go` (`go: go.mod file not found in current directory or any
//! parent directory; see 'go help modules'`, `go: cannot find main module`,
//! `no required module provides package {path}; to add it:`, `missing go.sum
//! entry for module providing package`; `package {path} is not in std
//! ({GOROOT}/src/{path})`, `cmd/go/internal/modload/import.go`, for an import
//! path with no domain that the standard library does not have), `go test` (`--- FAIL: {Test}`,
//! `FAIL\t{pkg}`), the compiler's `{file}.go:{line}:{col}: {message}`, `os/exec`
//! (`exec: "{file}": executable file not found in $PATH`) and `os.PathError`,
//! whose text is `{op} {path}: no such file or directory` (Go's lower-case
//! errno text, unlike C's `No such file or directory`). The runtime's
//! `panic: {value}` (`runtime/panic.go`, `printpanics`; `[recovered]` when a
//! deferred recover re-panicked), and `cmd/go`'s `{module}@{version}: reading
//! {module}/go.mod at revision {rev}: unknown revision {rev}` (also `invalid
//! version: unknown revision {rev}`) for a version its repository does not
//! have. `cmd/go/internal/modfetch`'s checksum check (`verifying
//! {module}@{version}: checksum mismatch`, then `SECURITY ERROR`; through a
//! package import `{module}@{version}: verifying module: checksum mismatch`)
//! and `cmd/go/internal/toolchain`'s refusal under `GOTOOLCHAIN=local` (`go:
//! go.mod requires go >= {version} (running go {version};
//! GOTOOLCHAIN={mode})`), and its download of a release the module proxy does
//! not have (`go: download go{version} for {goos}/{goarch}: toolchain not
//! available`, `cmd/go/internal/toolchain`). `go/build`'s `NoGoError` for a
//! package whose every file its build constraints exclude (`build constraints
//! exclude all Go files in {dir}`, after `imports {path}: ` on an import chain). `go test`'s `ok  \t{pkg}\t{t}` (also `(cached)`)
//! and `go get`'s `go: added {module} {version}` / `go: upgraded …` say the
//! modules were fetched: ranking reads them (`rank.rs`).

use super::util::{command_hit, path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

/// The id of the go command's successes after a fetch, which ranking reads.
pub const FETCH_SUCCEEDED: &str = "go/fetch-succeeded";

pub const FETCH_SUCCESSES: &[super::FetchSuccess] = &[(FETCH_SUCCEEDED, &[crate::report::RateLimitService::GoProxy])];

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: FETCH_SUCCEEDED,
        grammar: "ok  \t{pkg}\t{t}|(cached) (go test) | go: added {module} {version} | go: upgraded {module} {old} => \
                  {new} (go get)",
        needles: &["ok  ", "go: added ", "go: upgraded "],
        check: fetch_succeeded,
        examples: &[ex("ok  \tgithub.com/acme/tool/cmd\t0.031s", Category::Unknown, None)],
    },
    Entry {
        id: "go/no-go-mod",
        grammar: "go: go.mod file not found in current directory or any parent directory; see 'go help modules' | go: \
                  cannot find main module, but found {file} in {dir}",
        needles: &["go.mod file not found", "cannot find main module"],
        check: no_go_mod,
        examples: &[ex(
            "go: go.mod file not found in current directory or any parent directory; see 'go help modules'",
            Category::FileNotFound,
            Some("go.mod"),
        )],
    },
    Entry {
        id: "go/no-required-module",
        grammar: "no required module provides package {import path}; to add it: go get {import path} | cannot find \
                  package \"{import path}\" in any of: (GOPATH mode)",
        needles: &["no required module provides package", "cannot find package \""],
        check: no_required_module,
        examples: &[ex(
            "main.go:5:2: no required module provides package github.com/spf13/cobra; to add it:",
            Category::MissingDependency,
            Some("github.com/spf13/cobra"),
        )],
    },
    Entry {
        id: "go/not-in-std",
        grammar: "package {path} is not in std ({GOROOT}/src/{path})",
        needles: &["is not in std"],
        check: not_in_std,
        examples: &[ex(
            "main.go:6:2: package acme/internal/util is not in std (/opt/hostedtoolcache/go/1.23.4/x64/src/acme/internal/util)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/module-files-outdated",
        grammar: "missing go.sum entry for module providing package {path} | go: updates to go.mod needed",
        needles: &["missing go.sum entry", "updates to go.mod needed"],
        check: module_files_outdated,
        examples: &[ex(
            "go: updates to go.mod needed; to update it:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/exec-not-found",
        grammar: "exec: \"{file}\": executable file not found in $PATH (%PATH% on Windows, $path on Plan 9)",
        needles: &["executable file not found"],
        check: exec_not_found,
        examples: &[ex(
            "exec: \"protoc\": executable file not found in $PATH",
            Category::MissingCommand,
            Some("protoc"),
        )],
    },
    Entry {
        id: "go/path-error",
        grammar: "{open|stat|lstat|chdir} {path}: no such file or directory",
        needles: &[": no such file or directory"],
        check: path_error,
        examples: &[ex(
            "Error: open deploy/values-prod.yaml: no such file or directory",
            Category::FileNotFound,
            Some("deploy/values-prod.yaml"),
        )],
    },
    Entry {
        id: "go/unknown-revision",
        grammar: "go: {module}@{version}: reading {module}/go.mod at revision {rev}: unknown revision {rev} | \
                  {module}@{version}: invalid version: unknown revision {rev}",
        needles: &["unknown revision"],
        check: unknown_revision,
        examples: &[ex(
            "go: github.com/acme/kit@v0.9.1: reading github.com/acme/kit/go.mod at revision v0.9.1: unknown revision \
             v0.9.1",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/checksum-mismatch",
        grammar: "verifying {module}@{version}[/go.mod]: checksum mismatch | {module}@{version}: verifying module: \
                  checksum mismatch (then `downloaded: h1:…`, `go.sum: h1:…` or `sum.golang.org: h1:…`, `SECURITY \
                  ERROR`)",
        needles: &["checksum mismatch"],
        check: checksum_mismatch,
        examples: &[ex(
            "verifying github.com/acme-oss/flagset@v1.4.2: checksum mismatch",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/toolchain-not-available",
        grammar: "go: download go{version} for {goos}/{goarch}: toolchain not available",
        needles: &["toolchain not available"],
        check: toolchain_not_available,
        examples: &[ex(
            "go: download go1.24.99 for linux/amd64: toolchain not available",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/toolchain-too-old",
        grammar: "go: go.mod requires go >= {version} (running go {version}; GOTOOLCHAIN={mode})",
        needles: &["go.mod requires go >="],
        check: toolchain_too_old,
        examples: &[ex(
            "go: go.mod requires go >= 1.24.0 (running go 1.22.9; GOTOOLCHAIN=local)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/build-constraints-exclude",
        grammar: "[package {path}: | \\timports {path}: ]build constraints exclude all Go files in {dir} \
                  (`go/build`'s `NoGoError` for a package with Go files, none for this GOOS/GOARCH/tags)",
        needles: &["build constraints exclude all Go files in "],
        check: build_constraints_exclude,
        examples: &[ex(
            "\timports example.com/agent/internal/winsvc: build constraints exclude all Go files in \
             /home/runner/work/agent/agent/internal/winsvc",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "go/test-and-build-failure",
        grammar: "--- FAIL: {Test} ({t}s) | FAIL\t{package}\t{t}s | {file}.go:{line}:{col}: {message} | panic: test timed \
                  out after {duration}",
        needles: &["--- FAIL", "FAIL\t", ".go:", "test timed out after"],
        check: test_and_build_failure,
        examples: &[
            ex("--- FAIL: TestParse (0.00s)", Category::Unknown, None),
            ex("./server.go:41:9: undefined: handler", Category::Unknown, None),
        ],
    },
    Entry {
        id: "go/panic",
        grammar: "panic: {value} [recovered] / goroutine {n} [running]:",
        needles: &["panic: "],
        check: panic,
        examples: &[ex(
            "panic: runtime error: index out of range [3] with length 3",
            Category::Unknown,
            None,
        )],
    },
];

fn no_go_mod(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "go.mod",
        0.75,
        "The go command found no go.mod where it ran (a wrong working directory, or no checkout).",
    ))
}

fn no_required_module(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"(?:no required module provides package |cannot find package ")([A-Za-z0-9._~/-]+)"#)
        .captures(line.text)?;
    let package = c[1].to_string();
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.7,
            format!(
                "go.mod does not require the module that provides {package}: add it with `go get` (a change to \
                 go.mod, not to the workflow)."
            ),
        )
        .with_subject(
            package.clone(),
            SubjectDetail::Package {
                ecosystem: Ecosystem::Go,
                name: package,
            },
        ),
    )
}

fn not_in_std(line: &Line<'_>) -> Option<Hit> {
    regex!(r"package \S+ is not in std").is_match(line.text).then(|| {
        Hit::blocker(
            "An import path names no module and no standard-library package (a typo, or a Go version older than \
             the package needs): a code change, not a missing dependency.",
        )
    })
}

fn module_files_outdated(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "go.mod or go.sum is out of date: run `go mod tidy` and commit.",
    ))
}

fn toolchain_not_available(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^go: download go\S+ for \S+: toolchain not available")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "go.mod's `go`/`toolchain` line names a Go release that does not exist for this platform: a person \
                 corrects the version.",
            )
        })
}

fn exec_not_found(line: &Line<'_>) -> Option<Hit> {
    Some(command_hit(missing_program(line.text)?, line, 0.85))
}

/// The program of `os/exec`'s `exec: "{file}": executable file not found in
/// $PATH` (`exec.ErrNotFound` wrapped in an `*exec.Error`; `%PATH%` on
/// Windows, `$path` on Plan 9), wherever the line prints it: the one reading
/// of that message, also for a Go test that relays it (`quoted.rs`).
pub(crate) fn missing_program(text: &str) -> Option<&str> {
    regex!(r#"exec: "([^"]+)": executable file not found in (?:\$PATH|%PATH%|\$path)"#)
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

fn path_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|\s)(?:open|stat|lstat|chdir) ([^\s:]+): no such file or directory").captures(line.text)?;
    Some(path_hit(&c[1], 0.65, "A program could not open a file."))
}

fn unknown_revision(line: &Line<'_>) -> Option<Hit> {
    regex!(r"@\S+: (?:reading \S+ at revision \S+|invalid version): unknown revision ")
        .is_match(line.text)
        .then(|| {
            Hit::install_failure(
                "A Go module version does not exist in its repository (a wrong version, or a tag that was never \
                 pushed): a person fixes go.mod.",
            )
        })
}

/// A module whose content differs from the hash go.sum or the checksum
/// database recorded: the download stops, and nothing may be "fixed" around
/// it (a retagged release, a proxy, or tampering; a person looks).
fn checksum_mismatch(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:go: )?(?:verifying \S+@\S+|\S+@\S+: verifying (?:module|go\.mod)): checksum mismatch\b")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::install_failure(
                "A Go module's download does not match its recorded checksum (go.sum or the checksum database): a \
                 retagged release or tampering. A person checks it; never fixed automatically.",
            )
        })
}

/// Every Go file of a package is excluded by its build constraints for the
/// platform and tags the build runs with: a package for another platform
/// imported, a tag or `CGO_ENABLED` the build needs. Nothing is missing; a
/// person decides.
fn build_constraints_exclude(line: &Line<'_>) -> Option<Hit> {
    regex!(r"build constraints exclude all Go files in \S")
        .is_match(line.text)
        .then(|| {
            Hit::blocker(
                "Go's build constraints exclude every file of a package the build needs for this platform or these \
             tags (a package for another GOOS/GOARCH imported, or a build tag or CGO_ENABLED missing).",
            )
        })
}

fn toolchain_too_old(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"go\.mod requires go >= (\S+) \(running go (\S+?);").captures(line.text)?;
    Some(Hit::blocker(format!(
        "The Go toolchain ({}) is older than go.mod requires ({}) and GOTOOLCHAIN forbids switching: set up the \
         version go.mod names (setup-go's `go-version-file: go.mod`).",
        &c[2], &c[1]
    )))
}

fn panic(line: &Line<'_>) -> Option<Hit> {
    // `panic: test timed out after …` is `go test`'s own limit (above).
    (regex!(r"^\s*panic: \S").is_match(line.text) && !line.text.contains("test timed out after"))
        .then(|| Hit::blocker("A Go program panicked (a bug in the code or a test, not a missing dependency)."))
}

fn test_and_build_failure(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if text.contains("test timed out after") {
        return Some(Hit::blocker(
            "A Go test ran past `go test`'s -timeout (a hanging test, not the job's time limit).",
        ));
    }
    if text.contains("--- FAIL") || regex!(r"^FAIL\t").is_match(text) {
        // `testing` prints `--- FAIL: {test}` before the test's own output
        // (indented under it): a heading. A cause printed there (its
        // subprocess's program missing, `relays_missing_program` in
        // `quoted.rs`) explains it; alone, it is the root cause.
        return Some(Hit::summary("Go tests failed."));
    }
    regex!(r"\.go:\d+:\d+: ")
        .is_match(text)
        .then(|| Hit::blocker("Go compile or vet error."))
}

fn fetch_succeeded(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:ok  \s*\S+\s+(?:\d+(?:\.\d+)?s|\(cached\))|go: (?:added|upgraded) \S+ v\S+)")
        .is_match(line.text.trim_end())
        .then(|| Hit::notice("the go command fetched and built the modules."))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A package all of whose files are excluded on this platform is for a
    /// person, on an import chain's line as on a package's.
    #[test]
    fn build_constraints_are_not_a_missing_file() {
        for text in [
            "\timports example.com/a/internal/winsvc: build constraints exclude all Go files in /w/internal/winsvc",
            "package example.com/a/internal/winsvc: build constraints exclude all Go files in /w/internal/winsvc",
        ] {
            let hit = build_constraints_exclude(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
    }

    #[test]
    fn os_execs_missing_program_on_each_platform() {
        assert_eq!(
            missing_program(r#"exec: "protoc": executable file not found in $PATH"#),
            Some("protoc")
        );
        assert_eq!(
            missing_program(r#"exec: "gcc": executable file not found in %PATH%"#),
            Some("gcc")
        );
        assert_eq!(
            missing_program(r#"exec: "rc": executable file not found in $path"#),
            Some("rc")
        );
        // Go 1.19's refusal of a program found in the current directory
        // (`exec.ErrDot`) is not a missing program.
        assert_eq!(
            missing_program(r#"exec: "make": cannot run executable found relative to current directory"#),
            None
        );
        assert_eq!(missing_program("executable file not found in $PATH"), None);
        // A Go test relaying it reports the missing program (`quoted.rs`).
        for relayed in [
            r#"    gen_test.go:9: exec: "buf": executable file not found in %PATH%"#,
            r#"    gen_test.go:9: exec: "rc": executable file not found in $path"#,
        ] {
            assert_eq!(
                crate::classify::quoted::quoted_by(&Line::plain(relayed)),
                None,
                "{relayed}"
            );
        }
    }

    #[test]
    fn go_successes_after_a_fetch_and_near_misses() {
        crate::classify::catalogue::assert_reads(
            fetch_succeeded,
            &[
                "ok  \tgithub.com/acme/tool/cmd\t0.031s",
                "ok  \tgithub.com/acme/tool/cmd\t(cached)",
                "go: added golang.org/x/text v0.21.0",
                "go: upgraded golang.org/x/net v0.30.0 => v0.33.0",
            ],
            &[
                "ok  so far",
                "go: downloading golang.org/x/text v0.21.0",
                "FAIL\tgithub.com/acme/x\t0.1s",
            ],
        );
    }
}
