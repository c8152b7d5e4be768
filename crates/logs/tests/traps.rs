//! Logs whose failure-looking lines are not the failure (quotes in test
//! output, a script printing error strings, warnings that mention timeouts),
//! and logs where an earlier failure does or does not explain a later one.
//! The fixtures are written by this project in the runner's raw log format.

use crate::common;

use autoheal_logs::{Analysis, Category};
use common::analyze_fixture;

fn summary(analysis: &Analysis) -> Vec<(Category, Option<String>, bool, bool)> {
    analysis
        .failures
        .iter()
        .map(|f| (f.category, f.subject.clone(), f.fixable, f.consequence))
        .collect()
}

/// Every failure of the fixture is `unknown` and not fixable.
fn assert_only_unknown(name: &str) {
    let analysis = analyze_fixture(name);
    let all = summary(&analysis);
    assert!(
        analysis
            .failures
            .iter()
            .all(|f| f.category == Category::Unknown && !f.fixable),
        "{name}: {all:?}"
    );
}

/// The quoted messages of the three test runners are test data: nothing is
/// missing and nothing is rate-limited; no failure may be fixable.
#[test]
fn messages_quoted_in_test_output_are_not_failures() {
    assert_only_unknown("trap-test-output-quotes-errors.log");
}

/// grep output, a traced `echo`, and an `::error::` the script raises itself
/// quote messages; they are not what failed.
#[test]
fn error_strings_a_script_prints_are_not_failures() {
    assert_only_unknown("trap-script-prints-error-strings.log");
}

/// A pip retry warning about a read timeout and a cache 429 warning are
/// noise: the job failed on a test.
#[test]
fn warnings_that_mention_timeouts_and_limits_are_not_the_cause() {
    let analysis = analyze_fixture("trap-warnings-mention-timeouts.log");
    let root = analysis.root_cause().expect("failure");
    assert_eq!(root.category, Category::Unknown, "{:?}", summary(&analysis));
    assert!(analysis.failures.iter().all(|f| !f.fixable), "{:?}", summary(&analysis));
    assert!(
        analysis
            .failures
            .iter()
            .all(|f| !matches!(f.category, Category::Timeout | Category::RateLimit)),
        "{:?}",
        summary(&analysis)
    );
}

/// `npm audit` failed in a `continue-on-error` step (its log says only "exit
/// code 1"); the job then failed on its own missing module, which is the
/// root cause and is fixable.
#[test]
fn a_continue_on_error_failure_does_not_hide_the_real_one() {
    let analysis = analyze_fixture("trap-continue-on-error-then-real-failure.log");
    let root = analysis.root_cause().expect("failure");
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (Category::MissingDependency, Some("requests"), true),
        "{:?}",
        summary(&analysis)
    );
}

/// A module missing after its install failed is what the failed install left
/// behind: not a fix target.
#[test]
fn a_module_missing_after_its_install_failed_is_a_consequence() {
    let analysis = analyze_fixture("trap-failed-install-then-missing-module.log");
    let root = analysis.root_cause().expect("failure");
    assert_eq!(root.category, Category::Unknown, "{:?}", summary(&analysis));
    let torch = analysis
        .failures
        .iter()
        .find(|f| f.category == Category::MissingDependency)
        .expect("the missing module is still reported");
    assert!(torch.consequence && !torch.fixable);
}

/// Inside `npm run`, a missing command is a package binary: reported, never
/// fixed by installing a system tool.
#[test]
fn a_package_binary_missing_in_an_npm_script_is_not_fixable() {
    let analysis = analyze_fixture("npm-script-binary-missing.log");
    let root = analysis.root_cause().expect("failure");
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (Category::MissingCommand, Some("eslint"), false)
    );
    assert!(root.message.contains("package.json"), "{}", root.message);
}
