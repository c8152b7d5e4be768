//! Dart and Flutter: the analyzer and the test runner.
//!
//! Sources: the analyzer's machine-independent report as `dart analyze` prints
//! it (`  {severity} - {file}:{line}:{col} - {message} - {code}`, the Dart SDK's
//! `pkg/dartdev/lib/src/analysis_server.dart` formatter) and as `flutter
//! analyze` prints it (`  {severity} • {message} • {file}:{line}:{col} •
//! {code}`, flutter_tools' `analyze_base.dart`); `package:test`'s compact
//! reporter, whose last line is `{mm:ss} +{passed}[ ~{skipped}] -{failed}: Some
//! tests failed.` (`dart test` and `flutter test`). pub's solver failure
//! (`…, version solving failed.`) is PubGrub's sentence, which Poetry shares:
//! `python/dependency-resolution` reads both. `pub get --enforce-lockfile`
//! (`dart pub` and `flutter pub`) refuses a lock file that resolution would
//! change with `Unable to satisfy `pubspec.yaml` using `pubspec.lock`.` (after
//! `Would change {n} dependencies.` and the changed lines; pub's
//! `lib/src/solver/report.dart` and `entrypoint.dart`): a lock file out of
//! step with pubspec.yaml, or made by another SDK, for a person to update.
//!
//! The compiler front end (`dart run`, `dart test`, `flutter test`,
//! `flutter build`) prints `Error: Couldn't resolve the package '{name}' in
//! '{uri}'.` (the CFE's `PackageNotFound` message, `pkg/front_end/messages.yaml`)
//! when a `package:` import names a package the package config does not
//! hold: one pubspec.yaml does not declare (its `Not found: 'package:…'` and
//! the errors of the names it would define follow). A missing dependency of
//! the project's manifest, never fixed here; the project's own package (run
//! from outside its root) and a name that is no package name (`package:x.dart`)
//! are code mistakes.
//!
//! A command run where there is no pubspec.yaml: the Flutter tool's
//! `Error: No pubspec.yaml file found.` with `This command should be run from
//! the root of your Flutter project.` on the next line (flutter_tools'
//! `UserMessages.flutterNoPubspec`), and pub's `Could not find a file named
//! "pubspec.yaml" in "{dir}".`: the project's manifest is not where the step
//! ran (a wrong working directory, or no checkout), as npm's missing
//! package.json.
//!
//! The analyzer's messages say `Target of URI doesn't exist` and `Try creating
//! the file`: they are code errors (an import the project has to fix, often a
//! package missing from `pubspec.yaml`), never a missing file of the workflow.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "dart/analyzer-error",
        grammar: "  {error|warning|info} - {file}.dart:{line}:{col} - {message} - {code} (dart analyze) | \
                  {error|warning|info} • {message} • {file}.dart:{line}:{col} • {code} (flutter analyze); a warning \
                  or info only where it is fatal",
        needles: &["error - ", "error • ", "warning - ", "warning • ", "info - ", "info • "],
        check: analyzer_error,
        examples: &[
            ex(
                "  error - lib/src/api_client.dart:3:8 - Target of URI doesn't exist: 'package:http/http.dart'. Try \
                 creating the file referenced by the URI, or try using a URI for a file that does exist. - \
                 uri_does_not_exist",
                Category::Unknown,
                None,
            ),
            ex(
                "  error • Undefined name 'http' • lib/src/api_client.dart:14:18 • undefined_identifier",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "dart/package-not-resolved",
        grammar: "Error: Couldn't resolve the package '{name}' in '{uri}'. (the compiler front end)",
        needles: &["Couldn't resolve the package '"],
        check: package_not_resolved,
        examples: &[ex(
            "Error: Couldn't resolve the package 'provider' in 'package:provider/provider.dart'.",
            Category::MissingDependency,
            Some("provider"),
        )],
    },
    Entry {
        id: "dart/no-pubspec",
        grammar: "Error: No pubspec.yaml file found. (flutter) | Could not find a file named \"pubspec.yaml\" in \
                  \"{dir}\". (pub)",
        needles: &[
            "No pubspec.yaml file found.",
            "Could not find a file named \"pubspec.yaml\"",
        ],
        check: no_pubspec,
        examples: &[ex(
            "Error: No pubspec.yaml file found.",
            Category::FileNotFound,
            Some("pubspec.yaml"),
        )],
    },
    Entry {
        id: "dart/enforce-lockfile",
        grammar: "Unable to satisfy `pubspec.yaml` using `pubspec.lock`. (pub get --enforce-lockfile)",
        needles: &["using `pubspec.lock`"],
        check: enforce_lockfile,
        examples: &[ex(
            "Unable to satisfy `pubspec.yaml` using `pubspec.lock`.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dart/test-summary",
        grammar: "{mm:ss} +{passed}[ ~{skipped}] -{failed}: Some tests failed. (package:test's compact reporter)",
        needles: &["Some tests failed."],
        check: test_summary,
        examples: &[ex("00:11 +41 ~2 -1: Some tests failed.", Category::Unknown, None)],
    },
];

fn analyzer_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let (severity, flutter) =
        if let Some(c) = regex!(r"^(error|warning|info) - \S+\.dart:\d+:\d+ - .+ - [a-z0-9_]+$").captures(text) {
            (c.get(1)?.as_str(), false)
        } else {
            let c = regex!(r"^(error|warning|info) • .+ • \S+\.dart:\d+:\d+ • [a-z0-9_]+$").captures(text)?;
            (c.get(1)?.as_str(), true)
        };
    // Which severities fail the command: `dart analyze --help` (warnings
    // fatal unless `--no-fatal-warnings`, infos only with `--fatal-infos`);
    // `flutter analyze` fails on infos and warnings unless told
    // `--no-fatal-infos` / `--no-fatal-warnings` (flutter_tools'
    // `analyze.dart` options, both defaulting to on).
    let fatal = match severity {
        "error" => true,
        "warning" => !line.step_mentions("--no-fatal-warnings"),
        _ if flutter => !line.step_mentions("--no-fatal-infos"),
        _ => line.step_mentions("--fatal-infos"),
    };
    fatal.then(|| {
        Hit::blocker(format!(
            "The Dart analyzer reported an {severity}-level finding the step treats as fatal: the code, for a person."
        ))
    })
}

fn package_not_resolved(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?Couldn't resolve the package '([^']+)' in '(package:[^']*)'\.?$")
        .captures(line.text.trim())?;
    let name = &c[1];
    if !regex!(r"^[a-z_][a-z0-9_]*$").is_match(name) || !c[2].starts_with(&format!("package:{name}/")) {
        return Some(Hit::blocker(
            "A `package:` import names no package (a file or path written as a package name): a code error.",
        ));
    }
    let normalized = crate::knowledge::python::normalize_name(name);
    if line.own_packages.contains(&normalized) {
        return Some(Hit::blocker(format!(
            "Dart could not resolve {name}, the repository's own package: the command ran outside the package's \
             root (its pubspec.yaml), or `pub get` did not run there."
        )));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.7,
            format!(
                "The code imports the package {name}, which the project's pubspec.yaml does not declare (or `pub \
                 get` did not run): add it under `dependencies:`. autoheal does not edit pubspec.yaml, so no fix is \
                 made."
            ),
        )
        .with_subject(
            name,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Pub,
                name: name.to_string(),
            },
        )
        .fixable(false),
    )
}

fn no_pubspec(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let printed = regex!(r"^(?:Error: )?No pubspec\.yaml file found\.$").is_match(text)
        || regex!(r#"^Could not find a file named "pubspec\.yaml" in "[^"]+"\.$"#).is_match(text);
    printed.then(|| {
        path_hit(
            "pubspec.yaml",
            0.75,
            "Flutter or pub found no pubspec.yaml where it ran (a wrong working directory, or no checkout).",
        )
    })
}

fn enforce_lockfile(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "Unable to satisfy `pubspec.yaml` using `pubspec.lock`.").then(|| {
        Hit::install_failure(
            "pub's lock file is out of step with pubspec.yaml (or was made by another SDK) and `--enforce-lockfile` \
             forbids changing it: run `pub get` without it and commit pubspec.lock.",
        )
    })
}

fn test_summary(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\d+:\d{2} \+\d+(?: ~\d+)? -\d+: Some tests failed\.$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("Dart or Flutter tests failed."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn analyzer_errors_in_both_formats_and_nothing_else() {
        assert_reads(
            analyzer_error,
            &[
                "  error - lib/main.dart:1:8 - Target of URI doesn't exist: 'package:x/x.dart'. - uri_does_not_exist",
                "error • Undefined name 'x' • test/a_test.dart:4:3 • undefined_identifier",
            ],
            &[
                // An info of `dart analyze` without `--fatal-infos`, another
                // language's line.
                "   info - lib/main.dart:1:8 - Unused import. - unused_import",
                "error - src/index.ts:3:1 - Cannot find name 'x'. - ts2304",
                "npm error - something",
            ],
        );
    }

    #[test]
    fn a_warning_or_info_is_read_where_the_step_makes_it_fatal() {
        let info = "   info - lib/src/quote_client.dart:3:8 - Unused import: 'dart:convert'. Try removing the import \
                    directive. - unused_import";
        let warning = "warning - lib/a.dart:9:7 - The value of the local variable 'x' isn't used. - \
                       unused_local_variable";
        let flutter_info = "   info • Unused import: 'dart:async' • lib/a.dart:3:8 • unused_import";
        let in_step = |text: &'static str, script: &'static str| {
            let mut line = Line::plain(text);
            line.script = script;
            analyzer_error(&line).is_some()
        };
        assert!(in_step(info, "dart analyze --fatal-infos"));
        assert!(!in_step(info, "dart analyze"));
        assert!(in_step(warning, "dart analyze"));
        assert!(!in_step(warning, "dart analyze --no-fatal-warnings"));
        assert!(in_step(flutter_info, "flutter analyze"));
        assert!(!in_step(flutter_info, "flutter analyze --no-fatal-infos"));
    }

    /// The front end's unresolved package is the manifest's missing
    /// dependency, except the project's own package and a name that is no
    /// package's.
    #[test]
    fn an_unresolved_package_is_a_dependency_pubspec_lacks() {
        let hit = package_not_resolved(&Line::plain(
            "Error: Couldn't resolve the package 'provider' in 'package:provider/provider.dart'.",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingDependency, Some("provider"), false)
        );
        for text in [
            "Error: Couldn't resolve the package 'track_geometry.dart' in 'package:track_geometry.dart'.",
            "Error: Couldn't resolve the package 'app' in 'package:other/x.dart'.",
        ] {
            assert_eq!(
                package_not_resolved(&Line::plain(text)).expect(text).category,
                Category::Unknown
            );
        }
        let own = ["fieldnotes".to_string()];
        let line = Line {
            own_packages: &own,
            ..Line::plain("Error: Couldn't resolve the package 'fieldnotes' in 'package:fieldnotes/app.dart'.")
        };
        assert_eq!(package_not_resolved(&line).expect("own").category, Category::Unknown);
    }

    #[test]
    fn a_missing_pubspec_as_flutter_and_pub_print_it() {
        assert_reads(
            no_pubspec,
            &[
                "Error: No pubspec.yaml file found.",
                "No pubspec.yaml file found.",
                "Could not find a file named \"pubspec.yaml\" in \"/home/runner/work/app/app\".",
            ],
            &[
                "echo 'Error: No pubspec.yaml file found.' >&2",
                "Warning: No pubspec.yaml file found. Skipping packages/docs",
            ],
        );
        let hit = no_pubspec(&Line::plain("Error: No pubspec.yaml file found.")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::FileNotFound, Some("pubspec.yaml"))
        );
    }

    #[test]
    fn the_enforced_lock_file_refusal() {
        assert_reads(
            enforce_lockfile,
            &["Unable to satisfy `pubspec.yaml` using `pubspec.lock`."],
            &["To update `pubspec.lock` run `flutter pub get` without `--enforce-lockfile`."],
        );
    }

    #[test]
    fn only_the_failed_summary_of_the_compact_reporter() {
        assert_reads(
            test_summary,
            &["00:11 +41 -1: Some tests failed.", "01:02 +3 ~1 -2: Some tests failed."],
            &["00:11 +42: All tests passed!", "echo Some tests failed."],
        );
    }
}
