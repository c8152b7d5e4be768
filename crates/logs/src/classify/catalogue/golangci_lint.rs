//! golangci-lint, the Go linters' runner (v1 and v2), and
//! golangci/golangci-lint-action's trailer.
//!
//! Sources: golangci-lint's `pkg/commands` (a command's error is printed as
//! `Error: {error}` by cobra, then repeated by `main` as `Failed executing
//! command with error: {error}` before v2.1 and `The command is terminated due
//! to an error: {error}` since; exit code 3), its config loader
//! (`pkg/config/loader.go`): `can't load config: {reason}`, among the reasons
//! v2's `unsupported version of the configuration: "{version}"` (a v1 file,
//! which has no `version: "2"`; then `See
//! https://golangci-lint.run/…/migration-guide for migration instructions`)
//! and, since v1.61, `the Go language version ({go}) used to build
//! golangci-lint is lower than the targeted Go version ({version})` (a binary
//! built with an older Go than the module's `go` line, typically from `go
//! install` or `go run …@version`); v1's runner logs a failed run through
//! logrus as `level=error msg="Running error: {reason}"` (`ERRO Running error:
//! {reason}` on a terminal), among the reasons `context loading failed: no go
//! files to analyze` (to which v1.55+ adds `: running `go mod tidy` may solve
//! the problem`). golangci-lint-action (`src/run.ts`) ends a failed run with
//! `golangci-lint exit with code {n}` as the step's error: a trailer, the
//! reason is above it. Its findings (`{file}.go:{line}:{col}: {message}
//! ({linter})`, v2 then `{n} issues:` and `* {linter}: {n}`) are left to the
//! step's fallback, which pins the first one.
//!
//! None of these is a fixable category: a configuration written for another
//! major, a binary built with an older Go, packages that do not load are a
//! person's call. A config file that is not there (`can't read viper config:
//! open {path}: no such file or directory`) is Go's `os.PathError`, read by
//! `go.rs` first.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "golangci_lint/config-not-loaded",
        grammar: "Error: can't load config: {reason} (then `Failed executing command with error: …` or `The command \
                  is terminated due to an error: …`, the same error again)",
        needles: &["can't load config: "],
        check: config_not_loaded,
        examples: &[ex(
            "Error: can't load config: unsupported version of the configuration: \"\" See \
             https://golangci-lint.run/product/migration-guide for migration instructions",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "golangci_lint/running-error",
        grammar: "level=error msg=\"Running error: {reason}\" | ERRO Running error: {reason}",
        needles: &["Running error: "],
        check: running_error,
        examples: &[ex(
            "level=error msg=\"Running error: context loading failed: no go files to analyze: running `go mod tidy` \
             may solve the problem\"",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "golangci_lint/action-exit",
        grammar: "golangci-lint exit with code {n} (golangci-lint-action)",
        needles: &["golangci-lint exit with code"],
        check: action_exit,
        examples: &[ex("golangci-lint exit with code 3", Category::Unknown, None)],
    },
];

fn config_not_loaded(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let c = regex!(
        r"^(Error: |error: |Failed executing command with error: |The command is terminated due to an error: )can't load config: (.+)$"
    )
    .captures(text)?;
    let reason = c[2].trim();
    // A configuration file that is not there is Go's own message (`go.rs`).
    if reason.contains("no such file or directory") || reason.contains("cannot find the file") {
        return None;
    }
    let message = if let Some(v) = regex!(r#"^unsupported version of the configuration: "([^"]*)""#).captures(reason) {
        let found = if v[1].is_empty() {
            "no `version`".to_string()
        } else {
            format!("`version: {}`", &v[1])
        };
        format!(
            "golangci-lint v2 refused its configuration file ({found}: a configuration written for v1): migrate it \
             (`golangci-lint migrate`) or pin a v1 release of golangci-lint (a person's call); nothing is missing."
        )
    } else if let Some(v) = regex!(
        r"^the Go language version \((go[\d.]+)\) used to build golangci-lint is lower than the targeted Go version \(([\d.]+)\)"
    )
    .captures(reason)
    {
        format!(
            "golangci-lint was built with {} and the module targets Go {}: it refuses to analyze code for a newer Go. \
             Use a golangci-lint release built with a newer Go (its prebuilt binary, golangci-lint-action) or build it \
             with the module's Go version (a person's call); nothing is missing.",
            &v[1], &v[2]
        )
    } else {
        format!(
            "golangci-lint could not load its configuration: {}",
            crate::subject::display_text(reason)
        )
    };
    let hit = Hit::blocker(message);
    // The same error repeated by `main` after cobra printed it.
    Some(if c[1].starts_with("Error") || c[1].starts_with("error") {
        hit
    } else {
        hit.weak()
    })
}

fn running_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let c = regex!(r#"^(?:level=error msg="Running error: (.+)"|ERRO Running error: (.+))$"#).captures(text)?;
    let reason = c.get(1).or(c.get(2))?.as_str().trim();
    let message = if reason.contains("no go files to analyze") {
        "golangci-lint loaded no Go package to analyze (`context loading failed: no go files to analyze`): it ran in \
         a directory whose module has no packages it could load (a `working-directory` the module is not in, or \
         `go.mod`/`go.sum` out of step, which `go mod tidy` shows); a person's call, nothing is missing."
            .to_string()
    } else {
        format!(
            "golangci-lint's run failed: {}",
            crate::subject::display_text(reason.replace("\\\"", "\"").as_str())
        )
    };
    Some(Hit::blocker(message))
}

fn action_exit(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^golangci-lint exit with code \d+$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("golangci-lint-action's run of golangci-lint failed; its output above says why.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_configuration_it_cannot_load_is_a_blocker_said_for_what_it_is() {
        let v1_file = config_not_loaded(&Line::plain(
            "Error: can't load config: unsupported version of the configuration: \"\" See \
             https://golangci-lint.run/docs/product/migration-guide for migration instructions",
        ))
        .expect("v1 file under v2");
        assert_eq!(
            (v1_file.category, v1_file.strength),
            (Category::Unknown, Strength::Blocker)
        );
        assert!(
            v1_file.message.contains("`golangci-lint migrate`"),
            "{}",
            v1_file.message
        );
        let older_go = config_not_loaded(&Line::plain(
            "Error: can't load config: the Go language version (go1.23) used to build golangci-lint is lower than the \
             targeted Go version (1.24.2)",
        ))
        .expect("older Go");
        assert!(older_go.message.contains("built with go1.23"), "{}", older_go.message);
        assert!(older_go.message.contains("Go 1.24.2"), "{}", older_go.message);
        assert!(!older_go.fixable);
        for repeat in [
            "Failed executing command with error: can't load config: the Go language version (go1.22) used to build \
             golangci-lint is lower than the targeted Go version (1.23.1)",
            "The command is terminated due to an error: can't load config: unsupported version of the configuration: \
             \"\" See https://golangci-lint.run/product/migration-guide for migration instructions",
        ] {
            let hit = config_not_loaded(&Line::plain(repeat)).expect(repeat);
            assert_eq!(hit.strength, Strength::Weak, "{repeat}");
        }
        // A missing configuration file is Go's PathError, read by go.rs.
        crate::classify::catalogue::assert_reads(
            config_not_loaded,
            &["Error: can't load config: can't unmarshal config by viper (flags, file): 1 error(s) decoding:"],
            &[
                "Error: can't load config: can't read viper config: open .golangci.ci.yml: no such file or directory",
                "echo \"can't load config: see above\"",
            ],
        );
    }

    #[test]
    fn a_failed_run_is_a_blocker_and_the_actions_trailer_weak() {
        for text in [
            "level=error msg=\"Running error: context loading failed: no go files to analyze: running `go mod tidy` may \
             solve the problem\"",
            "ERRO Running error: context loading failed: no go files to analyze",
        ] {
            let hit = running_error(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, Strength::Blocker, "{text}");
            assert!(hit.message.contains("no Go package"), "{}", hit.message);
        }
        let other = running_error(&Line::plain(
            "level=error msg=\"Running error: can't run linter goanalysis_metalinter: buildir: failed to load package \
             main\"",
        ))
        .expect("other reason");
        assert!(other.message.contains("goanalysis_metalinter"), "{}", other.message);
        let trailer = action_exit(&Line::plain("golangci-lint exit with code 3")).expect("trailer");
        assert_eq!(trailer.strength, Strength::Weak);
        crate::classify::catalogue::assert_reads(
            running_error,
            &[],
            &["level=warning msg=\"[config_reader] The configuration option `run.skip-dirs` is deprecated\""],
        );
    }
}
