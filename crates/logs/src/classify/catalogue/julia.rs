//! Julia and its package manager, Pkg.
//!
//! Sources: Pkg's resolver (`Pkg.Resolve`, `ResolverError`): `ERROR:
//! Unsatisfiable requirements detected for package {name} [{uuid}]:` above
//! its `├─possible versions are: …` / `restricted to versions … — no versions
//! left` log; the `Test` standard library (`stdlib/Test/src/Test.jl`): a
//! result's `show` prints `Test Failed at {file}:{line}` (with `Expression: …`
//! / `Evaluated: …` under it) or `Error During Test at {file}:{line}` (`{file}`
//! is `none` for code with no file), and a `@testset` (`DefaultTestSet`'s
//! `record`) prints its description and `: ` before it, so inside a test set
//! the line is `{testset}: Test Failed at {file}:{line}`; the outermost test
//! set then prints its table (`print_test_results`: `Test Summary:` padded,
//! ` | `, and the column heads `Pass`, `Fail`, `Error`, `Broken`, `Total`,
//! `Time`, each present only when counted, so a `Fail` or `Error` head means
//! a failure) and throws `Some tests did not pass: {n} passed, {n} failed,
//! {n} errored, {n} broken.` (`TestSetException`); a `@test` outside any test
//! set throws `There was an error during testing` (`FallbackTestSetException`).
//! `Pkg.test` prints them after `ERROR: LoadError: ` (its run of
//! `runtests.jl`) and ends with `ERROR: Package {name} errored during testing`,
//! sometimes with ` ({reason})`. A failed test is a code failure: like every
//! test framework's report in the catalogue, never fixed (`unknown`).
//!
//! `Base.require` (`base/loading.jl`) throws `ArgumentError: Package {name}
//! not found in current path.` (Julia 1.0-1.5 `Module {name} …`; 1.6 ends the
//! sentence with `:`), then `- Run `import Pkg; Pkg.add("{name}")` to install
//! the {name} package.`, when `using {name}` finds no package of that name in
//! the active environments: a package the project never declared (a test-only
//! package missing from `[extras]`/`[targets]` or `test/Project.toml`). When
//! the code has a module of that name, 1.10 adds `, maybe you meant
//! `import/using .{name}``: the code's own module, not a dependency; so is a
//! name that is the repository's own package (`Geodesy` in `Geodesy.jl`, run
//! without `--project`), and so is any package when the step's script runs
//! `julia` with no environment selected: the default environment lacks the
//! project's declared dependencies too.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "julia/package-not-found",
        grammar: "[ERROR: ][LoadError: ]ArgumentError: {Package|Module} {name} not found in current path{.|:|, maybe \
                  you meant `import/using .{name}`.}",
        needles: &["not found in current path"],
        check: package_not_found,
        examples: &[
            ex(
                "ERROR: LoadError: ArgumentError: Package Aqua not found in current path.",
                Category::MissingDependency,
                Some("Aqua"),
            ),
            ex(
                "ERROR: LoadError: ArgumentError: Package Kernels not found in current path, maybe you meant \
                 `import/using .Kernels`.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "julia/unsatisfiable-requirements",
        grammar: "ERROR: Unsatisfiable requirements detected for package {name} [{uuid}]:",
        needles: &["Unsatisfiable requirements detected for package"],
        check: unsatisfiable,
        examples: &[ex(
            "ERROR: Unsatisfiable requirements detected for package StaticArrays [90137ffa]:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "julia/test-failed",
        grammar: "[{testset}: ]{Test Failed|Error During Test} at {file}:{line}",
        needles: &["Test Failed at ", "Error During Test at "],
        check: test_failed,
        examples: &[
            ex(
                "Test Failed at /home/runner/work/Kalman.jl/Kalman.jl/test/runtests.jl:41",
                Category::Unknown,
                None,
            ),
            ex(
                "smoother: Error During Test at /home/runner/work/Kalman.jl/Kalman.jl/test/smoother.jl:18",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "julia/tests-did-not-pass",
        grammar: "[ERROR: LoadError: ]Some tests did not pass: {n} passed, {n} failed, {n} errored, {n} broken. | \
                  [ERROR: LoadError: ]There was an error during testing | ERROR: Package {name} errored during \
                  testing[ ({reason})]",
        needles: &[
            "Some tests did not pass",
            "There was an error during testing",
            "errored during testing",
        ],
        check: tests_did_not_pass,
        examples: &[
            ex(
                "ERROR: LoadError: Some tests did not pass: 40 passed, 1 failed, 0 errored, 0 broken.",
                Category::Unknown,
                None,
            ),
            ex("ERROR: Package Kalman errored during testing", Category::Unknown, None),
        ],
    },
    Entry {
        id: "julia/test-summary",
        grammar: "Test Summary:{padding} | [Pass  ][Fail  ][Error  ][Broken  ]Total  [Time] (a Fail or Error column)",
        needles: &["Test Summary:"],
        check: test_summary,
        examples: &[ex("Test Summary: | Pass  Fail  Total  Time", Category::Unknown, None)],
    },
];

fn package_not_found(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^(?:ERROR: )?(?:LoadError: )?ArgumentError: (?:Package|Module) (\S+) not found in current path(.*)$")
            .captures(line.text.trim())?;
    let (name, rest) = (&c[1], c[2].trim_end());
    if rest.starts_with(", maybe you meant") {
        return Some(Hit::blocker(
            "Julia found no package of that name, but the code has a module of it (`using .Name` loads a module of \
             the code): a code error.",
        ));
    }
    if !matches!(rest, "." | ":" | "") {
        return None;
    }
    if !is_julia_package(name) {
        return Some(
            Hit::cause(
                Category::MissingDependency,
                0.3,
                "Julia could not load a package, but the name it printed is not a plain package name, so it is not \
                 reported as the subject.",
            )
            .with_untrusted(name),
        );
    }
    let normalized = crate::knowledge::python::normalize_name(name);
    let own = line
        .own_packages
        .iter()
        .any(|p| *p == normalized || p.strip_suffix("-jl") == Some(normalized.as_str()));
    if own {
        return Some(Hit::blocker(format!(
            "Julia could not load {name}, the repository's own package: run it in the project's environment \
             (`julia --project`, `Pkg.test()`)."
        )));
    }
    if runs_julia_outside_a_project(line.script) {
        return Some(Hit::blocker(format!(
            "Julia could not load {name}, but the step ran `julia` without `--project`, so it used the default \
             environment, not the project's: a package the project declares is \"not found\" there too. Run it in \
             the project's environment (`julia --project`, `JULIA_PROJECT`), or install {name} where it runs."
        )));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.65,
            format!(
                "Julia could not load the package {name}: the environment the code ran in does not declare it (add \
                 it to Project.toml; a test-only package to `[extras]` and `[targets]` or test/Project.toml). \
                 autoheal does not edit Julia projects, so no fix is made."
            ),
        )
        .with_subject(
            name,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Julia,
                name: name.to_string(),
            },
        )
        .fixable(false),
    )
}

/// The step's echoed script runs `julia` as a command and nothing in it
/// selects an environment (`--project`, `JULIA_PROJECT`, `Pkg.activate`):
/// Julia then loads from the default environment, where even the project's
/// declared dependencies are missing (review83 L2). An unknown script (a
/// pasted excerpt without its step header, an action's step) says nothing.
fn runs_julia_outside_a_project(script: &str) -> bool {
    let selects = ["--project", "JULIA_PROJECT", "Pkg.activate"];
    if selects.iter().any(|s| script.contains(s)) {
        return false;
    }
    script.lines().any(|l| {
        l.split(['&', ';', '|'])
            .filter_map(|command| {
                command
                    .split_whitespace()
                    .find(|w| !crate::shell_lex::is_assignment(w) && !matches!(*w, "sudo" | "env" | "time" | "exec"))
            })
            .any(|program| crate::shell_lex::program_name(program) == "julia")
    })
}

/// A Julia package name as the General registry accepts it: an ASCII
/// identifier (`[A-Za-z_][A-Za-z0-9_]*`) without the `.jl` suffix.
fn is_julia_package(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 100
        && matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn unsatisfiable(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:ERROR: )?(?:LoadError: )?Unsatisfiable requirements detected for package \S+ \[[0-9a-f]{8}\]:")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::install_failure(
                "Julia's package manager found no versions that satisfy the project's requirements together \
                 (the `restricted …` lines below say which): a person changes a [compat] bound.",
            )
        })
}

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    // The test set's description is free text (it may hold `: ` itself), so
    // the report is read from the line's end: `Test Failed at`, a location,
    // nothing after it.
    regex!(r"(?:^|: )(?:Test Failed|Error During Test) at [^\s:][^\s]*:\d+$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("A Julia test failed (the Test standard library's report): a code failure, not fixed."))
}

fn tests_did_not_pass(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^(?:ERROR: )?(?:LoadError: )?Some tests did not pass: \d+ passed, \d+ failed").is_match(text)
        || regex!(r"^(?:ERROR: )?(?:LoadError: )?There was an error during testing$").is_match(text)
        || regex!(r"^ERROR: Package \S+ errored during testing(?: \([^()]*\))?$").is_match(text);
    failed.then(|| Hit::summary("Julia's tests failed (the Test standard library's summary)."))
}

/// The head of the outermost test set's table: a `Fail` or `Error` column
/// is printed only when there is one to count.
fn test_summary(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^Test Summary:\s*\|((?:\s+(?:Pass|Fail|Error|Broken|Total|Time))+)\s*$").captures(line.text.trim())?;
    c[1].split_whitespace()
        .any(|head| matches!(head, "Fail" | "Error"))
        .then(|| Hit::summary("Julia's tests failed (the Test standard library's summary table)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_the_environment_lacks_is_a_missing_dependency() {
        for (text, category, subject) in [
            (
                "ERROR: LoadError: ArgumentError: Package Aqua not found in current path.",
                Category::MissingDependency,
                Some("Aqua"),
            ),
            // Julia 1.6's colon, and the 1.0-1.5 wording.
            (
                "ERROR: LoadError: ArgumentError: Package JET not found in current path:",
                Category::MissingDependency,
                Some("JET"),
            ),
            (
                "ERROR: ArgumentError: Module DataFrames not found in current path.",
                Category::MissingDependency,
                Some("DataFrames"),
            ),
            // The code's own module, and a name that is no package name.
            (
                "ArgumentError: Package Kernels not found in current path, maybe you meant `import/using .Kernels`.",
                Category::Unknown,
                None,
            ),
            (
                "ERROR: ArgumentError: Package ../x not found in current path.",
                Category::MissingDependency,
                Some("../x"),
            ),
        ] {
            let hit = package_not_found(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (category, subject, false),
                "{text}"
            );
        }
        assert!(
            package_not_found(&Line::plain(
                "ERROR: ArgumentError: Package Aqua not found in current path (retrying)"
            ))
            .is_none()
        );
        assert!(package_not_found(&Line::plain("echo Package Aqua not found in current path.")).is_none());
        let hit = package_not_found(&Line::plain(
            "ERROR: ArgumentError: Package Aqua not found in current path.",
        ))
        .expect("read");
        assert!(matches!(
            hit.detail,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Julia,
                ..
            }
        ));
    }

    #[test]
    fn the_repository_s_own_package_is_not_a_dependency() {
        let own = ["geodesy-jl".to_string()];
        let line = Line {
            own_packages: &own,
            ..Line::plain("ERROR: LoadError: ArgumentError: Package Geodesy not found in current path.")
        };
        let hit = package_not_found(&line).expect("read");
        assert_eq!((hit.category, hit.subject), (Category::Unknown, None));
    }

    /// review83 L2: `julia` run without an environment loads from the default
    /// one, where the project's declared dependencies are missing too.
    #[test]
    fn a_package_missing_outside_the_projects_environment_is_no_missing_dependency() {
        let text = "ERROR: LoadError: ArgumentError: Package DataFrames not found in current path.";
        for script in [
            "julia scripts/report.jl",
            "cd docs && julia make.jl",
            "sudo julia -e 'using DataFrames'",
        ] {
            let line = Line {
                script,
                ..Line::plain(text)
            };
            let hit = package_not_found(&line).expect("read");
            assert_eq!((hit.category, hit.subject), (Category::Unknown, None), "{script}");
        }
        for script in [
            "julia --project=. scripts/report.jl",
            "JULIA_PROJECT=@. julia scripts/report.jl",
            "julia -e 'using Pkg; Pkg.activate(\".\"); include(\"x.jl\")'",
            "",
            "echo julia is next",
        ] {
            let line = Line {
                script,
                ..Line::plain(text)
            };
            let hit = package_not_found(&line).expect("read");
            assert_eq!(hit.category, Category::MissingDependency, "{script}");
        }
    }

    #[test]
    fn pkg_and_test_messages() {
        crate::classify::catalogue::assert_reads(
            unsatisfiable,
            &["ERROR: LoadError: Unsatisfiable requirements detected for package FileIO [5789e2e9]:"],
            &["echo Unsatisfiable requirements detected for package X"],
        );
        crate::classify::catalogue::assert_reads(
            test_failed,
            &["Error During Test at D:\\a\\Kalman.jl\\Kalman.jl\\test\\runtests.jl:12"],
            &["Test Failed at the end"],
        );
        crate::classify::catalogue::assert_reads(
            tests_did_not_pass,
            &["Some tests did not pass: 3 passed, 0 failed, 1 errored, 0 broken."],
            &["Some tests did not pass yet"],
        );
    }

    #[test]
    fn reports_inside_a_test_set_carry_its_description() {
        crate::classify::catalogue::assert_reads(
            test_failed,
            &[
                "filter step: Test Failed at /home/runner/work/Kalman.jl/Kalman.jl/test/filter.jl:41",
                "smoother: Error During Test at D:\\a\\Kalman.jl\\Kalman.jl\\test\\smoother.jl:18",
                // A description with `: ` in it, and code with no file.
                "parse: dates: Test Failed at none:3",
            ],
            &[
                "filter step: Test Failed at the end",
                "Test Failed at /home/runner/work/a/a/test/x.jl:41 (retrying)",
                "echo Test Failed at x.jl:1",
            ],
        );
    }

    #[test]
    fn the_summary_table_and_final_errors_are_summaries() {
        crate::classify::catalogue::assert_reads(
            test_summary,
            &[
                "Test Summary: | Pass  Fail  Total  Time",
                "Test Summary:                  | Pass  Error  Total     Time",
                "Test Summary: | Fail  Total",
            ],
            &[
                "Test Summary: | Pass  Total  Time",
                "Test Summary:   | Pass  Broken  Total",
                "Test Summary: 3 failed",
            ],
        );
        crate::classify::catalogue::assert_reads(
            tests_did_not_pass,
            &[
                "ERROR: LoadError: There was an error during testing",
                "ERROR: Package Kalman errored during testing",
                "ERROR: Package Kalman errored during testing (received signal: KILL)",
            ],
            &[
                "Package Kalman errored during testing",
                "ERROR: Package Kalman errored during testing today",
            ],
        );
        let hit = test_summary(&Line::plain("Test Summary: | Pass  Fail  Total  Time")).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }
}
