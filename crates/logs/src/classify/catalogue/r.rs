//! R, its package installer and testthat.
//!
//! Sources: R's `library()`/`loadNamespace()` error (`there is no package called
//! ‘{name}’`); `R CMD INSTALL` (`src/library/tools/R/install.R`), which ends a
//! source package it could not build with `ERROR: configuration failed for
//! package ‘{name}’` (its `configure` script failed) or `ERROR: compilation
//! failed for package ‘{name}’`; the "anticonf" `configure` script many CRAN
//! packages that link a system library share (xml2, curl, openssl, sodium,
//! magick…), which prints `Configuration failed because {library} was not
//! found. Try installing:` and the distributions' package names under its
//! `ANTICONF ERROR` rule, then the compiler's own `fatal error: {header}: No
//! such file or directory` under `[ERROR MESSAGE]` (a header of the missing
//! library, no file of the repository); testthat's reporters: a failed
//! expectation's heading `── Failure ('{file}:{line}:{col}'): {test} ──`
//! (`── Error (…)` for an error in a test; testthat 2 printed `── {n}. Failure:
//! {test} (@{file}#{line}) ──`) and the tally `[ FAIL {n} | WARN {n} | SKIP {n}
//! | PASS {n} ]`, which the progress reporter reprints as it goes (only a
//! non-zero `FAIL` says a test failed). A package named after the repository
//! (its checkout path) is the package under test, not a dependency. A package that failed to install, or a
//! test that failed, is for a person: never fixed.
//!
//! `R CMD check` (`src/library/tools/R/check.R`: each check's `checkingLog`
//! line `* checking {what} ...` and its `resultLog` status on the same line,
//! ` OK`, ` NOTE`, ` WARNING` or ` ERROR`, with the details under it) and
//! rcmdcheck (r-lib/actions' `check-r-package` runs it), which repeats each
//! problem under `── R CMD check results` as `❯ checking {what} ... {status}`,
//! counts them (`{n} errors ✔ | {n} warnings ✖ | {n} notes ✔`) and, for its
//! `error_on` level (`"warning"` in check-r-package unless its `error-on`
//! input says otherwise), stops with `Error: R CMD check found {WARNINGs}`
//! (users' check outputs show the form). The first check that ended in
//! ERROR or WARNING is the cause (a NOTE only where the step made notes
//! fatal; a WARNING not where the step's `error_on` level is `error` or
//! `never`, or where its script runs `R CMD check` itself without
//! rcmdcheck, whose exit status only an ERROR makes non-zero); the repeat
//! and the closing error are headings over it. A problem the check found is
//! the package's, for a person.

use super::util::{after, quoted, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "r/no-package",
        grammar: "Error in library({name}) : there is no package called ‘{name}’",
        needles: &["there is no package called"],
        check: no_package,
        examples: &[ex(
            "Error in library(ggplot2) : there is no package called ‘ggplot2’",
            Category::MissingDependency,
            Some("ggplot2"),
        )],
    },
    Entry {
        id: "r/anticonf-library-not-found",
        grammar: "Configuration failed because {library} was not found. Try installing: (an anticonf `configure`)",
        needles: &["Configuration failed because "],
        check: anticonf,
        examples: &[ex(
            "Configuration failed because libxml-2.0 was not found. Try installing:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "r/install-failed",
        grammar: "ERROR: {configuration|compilation} failed for package ‘{name}’ (R CMD INSTALL)",
        needles: &["failed for package "],
        check: install_failed,
        examples: &[ex(
            "ERROR: configuration failed for package ‘xml2’",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "r/check-problem",
        grammar: "* checking {what} ... {ERROR|WARNING|NOTE} (R CMD check) | ❯ checking {what} ... {status} | Error: R \
                  CMD check found {ERRORs|WARNINGs|NOTEs} (rcmdcheck)",
        needles: &["checking ", "R CMD check found "],
        check: check_problem,
        examples: &[ex(
            "* checking Rd \\usage sections ... WARNING",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "r/testthat-failure",
        grammar: "── {Failure|Error} ('{file}:{line}:{col}'): {test} ── | ── {n}. {Failure|Error}: {test} (@{file}#{line}) ── \
                  | [ FAIL {n} | WARN {n} | SKIP {n} | PASS {n} ] (a non-zero FAIL)",
        needles: &["── Failure", "── Error", ". Failure: ", ". Error: ", "[ FAIL "],
        check: testthat,
        examples: &[
            ex(
                "── Failure ('test-haversine.R:14:3'): haversine distance matches the reference ──",
                Category::Unknown,
                None,
            ),
            ex("[ FAIL 1 | WARN 0 | SKIP 2 | PASS 57 ]", Category::Unknown, None),
        ],
    },
];

fn anticonf(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Configuration failed because \S+ was not found\. Try installing:$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::install_failure(
                "An R package's configure script did not find the system library it links (the lines below name the \
                 distribution packages that provide it): a person installs it (apt-get, r-lib/actions' \
                 `extra-packages` or `sysreqs`).",
            )
        })
}

fn install_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^ERROR: (?:configuration|compilation) failed for package ‘[^’]+’$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::install_failure(
                "R could not build a source package (the lines above say why: often a system library or a compiler \
                 flag).",
            )
        })
}

fn check_problem(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^(?:Error: )+R CMD check found (?:ERROR|WARNING|NOTE)s$").is_match(text) {
        return Some(Hit::summary(
            "rcmdcheck stopped on R CMD check's results (its `error_on` level; the check above says which).",
        ));
    }
    let c = regex!(r"^([*❯]) checking (.+?) \.\.\. (ERROR|WARNING|NOTE)$").captures(text)?;
    let (repeat, what, status) = (&c[1] == "❯", &c[2], &c[3]);
    let fatal = match status {
        "ERROR" => true,
        _ => fails_on(line).includes(status),
    };
    let hit = Hit::blocker(format!(
        "R CMD check's check of {} ended in {status}: the package's, for a person.",
        crate::subject::display_text(what)
    ));
    Some(if repeat || !fatal { hit.weak() } else { hit })
}

/// The least status that fails the step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FailsOn {
    Error,
    Warning,
    Note,
}

impl FailsOn {
    fn includes(self, status: &str) -> bool {
        match status {
            "WARNING" => self != FailsOn::Error,
            "NOTE" => self == FailsOn::Note,
            _ => true,
        }
    }
}

/// What the step fails on. An `error_on` level the step gives (rcmdcheck's
/// argument, check-r-package's `error-on` input as the step's header echoes
/// it, `RCMDCHECK_ERROR_ON`) says it; `never` fails on nothing but an ERROR
/// that stops the check itself. Without one: `R CMD check` run by itself
/// exits non-zero on an ERROR only; rcmdcheck on CI and check-r-package
/// (`error-on: '"warning"'`) stop on a WARNING.
fn fails_on(line: &Line<'_>) -> FailsOn {
    let level = std::iter::once(line.script)
        .chain(line.recent.iter().copied())
        .find_map(|text| {
            regex!(r#"(?i)error[-_]on\W{1,6}(never|error|warning|note)\b"#)
                .captures(text)
                .map(|c| c[1].to_ascii_lowercase())
        });
    match level.as_deref() {
        Some("note") => FailsOn::Note,
        Some("warning") => FailsOn::Warning,
        Some(_) => FailsOn::Error,
        None if line.script.contains("R CMD check") && !line.script.contains("rcmdcheck") => FailsOn::Error,
        None => FailsOn::Warning,
    }
}

fn testthat(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if let Some(c) = regex!(r"^\[ FAIL (\d+) \| WARN \d+ \| SKIP \d+ \| PASS \d+ \]$").captures(text) {
        return (&c[1] != "0").then(|| Hit::summary("testthat's tally counts failed tests."));
    }
    let heading = regex!(r"^── (?:Failure|Error) \('[^']+:\d+(?::\d+)?'\): .+ ─+$").is_match(text)
        || regex!(r"^── \d+\. (?:Failure|Error): .+ \(@[^)#]+#\d+\) ─+$").is_match(text);
    heading.then(|| Hit::blocker("An R test failed (testthat's report): a code failure, not fixed."))
}

fn no_package(line: &Line<'_>) -> Option<Hit> {
    let name = quoted(after(line.text, "there is no package called")?)?;
    let valid = !name.is_empty()
        && name.len() <= 100
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !valid {
        return Some(Hit::blocker(
            "An R package is missing, but its name is not a plain package name.",
        ));
    }
    // The package the repository is (a checkout of `…/tidepool/tidepool`
    // whose tests load `library(tidepool)`): the package under test was not
    // installed, not a dependency the project lacks.
    if line
        .own_packages
        .contains(&crate::knowledge::python::normalize_name(name))
    {
        return Some(Hit::blocker(format!(
            "R could not load '{name}', the repository's own package: the step ran its tests without installing it \
             (`R CMD INSTALL .`, or run them with `devtools::test()`/`testthat::test_local()`, which load it)."
        )));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.8,
            format!("R package '{name}' is not installed (add it to the project's dependencies, e.g. DESCRIPTION)."),
        )
        .with_subject(
            name,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Cran,
                name: name.to_string(),
            },
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_check_that_failed_is_the_cause_and_rcmdchecks_lines_headings() {
        use crate::classify::hit::Strength;
        let read = |text: &str, script: &'static str| {
            let mut line = Line::plain(text);
            line.script = script;
            check_problem(&line).map(|h| h.strength)
        };
        assert_eq!(
            read("* checking Rd \\usage sections ... WARNING", ""),
            Some(Strength::Blocker)
        );
        assert_eq!(read("* checking examples ... ERROR", ""), Some(Strength::Blocker));
        // `R CMD check` run by itself fails on an ERROR only: its WARNING
        // before it is not why the step failed; under rcmdcheck it is.
        let raw = "R CMD build . && R CMD check --no-manual *.tar.gz";
        assert_eq!(
            read("* checking Rd \\usage sections ... WARNING", raw),
            Some(Strength::Weak)
        );
        assert_eq!(read("* checking examples ... ERROR", raw), Some(Strength::Blocker));
        assert_eq!(
            read(
                "* checking Rd \\usage sections ... WARNING",
                "Rscript -e 'rcmdcheck::rcmdcheck(args = \"--no-manual\", error_on = \"warning\")'"
            ),
            Some(Strength::Blocker)
        );
        // check-r-package told to fail on errors only (its input as the
        // header echoes it): the WARNING did not fail the step.
        assert_eq!(
            read("* checking Rd \\usage sections ... WARNING", "error-on: '\"error\"'"),
            Some(Strength::Weak)
        );
        assert_eq!(
            read("* checking examples ... ERROR", "error-on: '\"error\"'"),
            Some(Strength::Blocker)
        );
        // A NOTE fails the step only where the step said so.
        assert_eq!(read("* checking top-level files ... NOTE", ""), Some(Strength::Weak));
        assert_eq!(
            read("* checking top-level files ... NOTE", "error_on = \"note\""),
            Some(Strength::Blocker)
        );
        // rcmdcheck's repeat under its results, and its closing error.
        assert_eq!(
            read("❯ checking Rd \\usage sections ... WARNING", ""),
            Some(Strength::Weak)
        );
        assert_eq!(read("Error: R CMD check found WARNINGs", ""), Some(Strength::Summary));
        assert_eq!(
            read("Error: Error: R CMD check found ERRORs", ""),
            Some(Strength::Summary)
        );
        for text in [
            "* checking Rd files ... OK",
            "* checking tests ...",
            "checking for gcc... no",
            "-- checking dependencies ... WARNING here",
        ] {
            assert_eq!(read(text, ""), None, "{text}");
        }
    }

    #[test]
    fn the_repository_s_own_package_is_no_missing_dependency() {
        let text = "Error in library(tidepool) : there is no package called ‘tidepool’";
        let own = ["tidepool".to_string()];
        let hit = no_package(&Line {
            own_packages: &own,
            ..Line::plain(text)
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        let dependency = no_package(&Line::plain(text)).expect("read");
        assert_eq!(dependency.category, Category::MissingDependency);
    }

    #[test]
    fn a_source_package_that_did_not_build_is_a_failed_install() {
        crate::classify::catalogue::assert_reads(
            anticonf,
            &["Configuration failed because libcurl was not found. Try installing:"],
            &["Configuration failed because of an unknown reason."],
        );
        crate::classify::catalogue::assert_reads(
            install_failed,
            &[
                "ERROR: configuration failed for package ‘xml2’",
                "ERROR: compilation failed for package ‘sf’",
            ],
            &["ERROR: dependency ‘sf’ is not available for package ‘geodist’"],
        );
        let hit = anticonf(&Line::plain(
            "Configuration failed because openssl was not found. Try installing:",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }

    #[test]
    fn testthat_failures_and_a_failing_tally() {
        crate::classify::catalogue::assert_reads(
            testthat,
            &[
                "── Failure ('test-haversine.R:14:3'): haversine distance matches the reference ──",
                "  ── Error ('test-io.R:8:3'): reads the fixture ─────────────────────────────────",
                "── 1. Failure: parses dates (@test-parse.R#12) ──────────────────────────────",
                "[ FAIL 2 | WARN 1 | SKIP 0 | PASS 40 ]",
            ],
            &[
                "[ FAIL 0 | WARN 0 | SKIP 1 | PASS 12 ]",
                "── Failure is not an option ──",
                "echo '── Failure (x): y'",
            ],
        );
    }
}
