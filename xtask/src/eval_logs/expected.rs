//! Strict subject comparison. A case's `expected_detail` is prose written by a
//! person (`pkg_resources (setuptools)`, `Docker Hub pull rate limit (429)`,
//! `exec format error on self-hosted arm64 runner`); each category turns it
//! into one comparable value, and the analysis's typed detail into the same
//! kind of value. The two must be equal: no substring matching.
//!
//! | category | comparable value | from the prose | from the analysis |
//! |---|---|---|---|
//! | `missing_dependency` | distribution name, PEP 503 normalized | `X (Y)` or `X (distribution: Y)` → `Y`, unless `Y` names an ecosystem (`npm`, `PyPI`) → `X`; else the text; of a list (`a, b`) the first | `detail.distribution` / plugin / package name |
//! | `timeout` | minutes, as a number | the number | `detail.minutes` |
//! | `missing_command` | the command | the first word (`curl (and jq)` → `curl`) | `detail.name` |
//! | `file_not_found` | the path, exactly, after one canonical form: relative to the workspace when it is under the checkout (`/home/runner/work/r/r/a` → `a`, `./a` → `a`), else unchanged | the text | `detail.path`, or the untrusted text |
//! | `yaml_syntax` | line number, as a number | the number | `detail.line` |
//! | `optional_job` | the runner-failure kind | `exec format`/`QEMU`/`binfmt` → `architecture_mismatch`; `lost communication` → `lost_communication`; `shutdown`/`preempt`/`spot` → `shutdown_signal`; `not found for`/`unavailable`/`no … build` → `tool_unavailable_for_architecture` | `detail.failure` |
//! | `rate_limit` | the service | `secondary` → `github_rest_secondary`; `GitHub REST`/`GitHub API` → `github_rest_primary`; `Docker Hub`, `GHCR`/`Container Registry`, `npm`, `PyPI`, `Maven Central`, `Gradle plugin portal`, `crates.io`, `apt` → that service | `detail.service` |
//!
//! Prose no rule maps is reported as unmappable and counts as a miss.

use autoheal_logs::knowledge::python::normalize_name;
use autoheal_logs::subject::workspace_pattern;
use autoheal_logs::{Category, Failure, SubjectDetail};

/// The comparable value of an expected detail, or `None` when the prose
/// cannot be mapped.
pub fn expected_value(category: &str, prose: &str) -> Option<String> {
    let prose = prose.trim();
    match category {
        "missing_dependency" => {
            let name = match split_parenthetical(prose) {
                (head, Some(inner)) if is_ecosystem(inner) => head,
                (_, Some(inner)) => inner.strip_prefix("distribution: ").unwrap_or(inner),
                (head, None) => head,
            };
            // A list names the first failure first.
            let first = name.split(',').next().unwrap_or(name);
            Some(normalize_name(first.trim()))
        }
        "timeout" | "yaml_syntax" => prose.parse::<u32>().ok().map(|n| n.to_string()),
        "missing_command" => prose.split_whitespace().next().map(str::to_string),
        "file_not_found" => Some(canonical_path(prose)),
        "optional_job" => runner_kind(prose).map(str::to_string),
        "rate_limit" => service(prose).map(str::to_string),
        _ => None,
    }
}

/// The comparable value of the analysis's root cause, for its category.
pub fn actual_value(failure: &Failure) -> Option<String> {
    let d = &failure.detail;
    match failure.category {
        Category::MissingDependency => match d {
            SubjectDetail::Module { distribution, .. } | SubjectDetail::PytestPlugin { distribution, .. } => {
                Some(normalize_name(distribution))
            }
            SubjectDetail::Package { name, .. } => Some(normalize_name(name)),
            _ => None,
        },
        Category::Timeout => match d {
            SubjectDetail::Limit { minutes, .. } => Some(minutes.to_string()),
            _ => None,
        },
        Category::MissingCommand => match d {
            SubjectDetail::Command { name, .. } => Some(name.clone()),
            _ => None,
        },
        Category::FileNotFound => match d {
            SubjectDetail::Path { path } => Some(canonical_path(path)),
            SubjectDetail::Untrusted { text } => Some(canonical_path(text)),
            _ => None,
        },
        Category::YamlSyntax => match d {
            SubjectDetail::WorkflowLocation { line, .. } if *line > 0 => Some(line.to_string()),
            _ => None,
        },
        Category::OptionalJob => match d {
            SubjectDetail::Runner { failure, .. } => Some(failure.as_str().to_string()),
            _ => None,
        },
        Category::RateLimit => match d {
            SubjectDetail::RateLimit { service, .. } => Some(service.as_str().to_string()),
            _ => None,
        },
        Category::Unknown => None,
    }
}

/// `X (Y)` → (`X`, `Y`).
fn split_parenthetical(s: &str) -> (&str, Option<&str>) {
    match s.split_once(" (") {
        Some((head, rest)) => (head, rest.strip_suffix(')')),
        None => (s, None),
    }
}

fn is_ecosystem(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "npm" | "pypi" | "pip" | "python" | "node"
    )
}

fn canonical_path(s: &str) -> String {
    let s = s.trim();
    workspace_pattern(s).unwrap_or_else(|| s.to_string())
}

fn runner_kind(prose: &str) -> Option<&'static str> {
    let p = prose.to_ascii_lowercase();
    let has = |w: &str| p.contains(w);
    // "an x64 tool on an arm64 runner": a binary of one architecture run on
    // the other.
    let crossed = (has("x64") || has("x86")) && (has("arm64") || has("aarch64") || has(" m1"));
    if has("exec format") || has("qemu") || has("binfmt") || crossed {
        Some("architecture_mismatch")
    } else if has("lost communication") {
        Some("lost_communication")
    } else if has("shutdown") || has("preempt") || has("spot") {
        Some("shutdown_signal")
    } else if has("not found for") || has("unavailable") || has("no build") || has("not available") {
        Some("tool_unavailable_for_architecture")
    } else {
        None
    }
}

fn service(prose: &str) -> Option<&'static str> {
    let p = prose.to_ascii_lowercase();
    let has = |w: &str| p.contains(w);
    Some(if has("secondary") {
        "github_rest_secondary"
    } else if has("github rest") || has("github api") {
        "github_rest_primary"
    } else if has("docker hub") {
        "docker_hub"
    } else if has("ghcr") || has("container registry") {
        "ghcr"
    } else if has("maven central") {
        "maven_central"
    } else if has("gradle plugin portal") {
        "gradle_plugin_portal"
    } else if has("crates.io") {
        "crates_io"
    } else if has("pypi") {
        "pypi"
    } else if has("npm") {
        "npm"
    } else if p.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == "apt") {
        "apt_mirror"
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_to_values() {
        let e = expected_value;
        assert_eq!(
            e("missing_dependency", "pkg_resources (setuptools)").as_deref(),
            Some("setuptools")
        );
        assert_eq!(e("missing_dependency", "yaml (PyYAML)").as_deref(), Some("pyyaml"));
        assert_eq!(
            e("missing_dependency", "playwright (npm)").as_deref(),
            Some("playwright")
        );
        assert_eq!(e("missing_dependency", "pytest_xdist").as_deref(), Some("pytest-xdist"));
        assert_eq!(
            e("missing_dependency", "github (distribution: PyGithub)").as_deref(),
            Some("pygithub")
        );
        assert_eq!(
            e("missing_dependency", "aiohttp, flask-cors").as_deref(),
            Some("aiohttp")
        );
        assert_eq!(e("timeout", "360").as_deref(), Some("360"));
        assert_eq!(e("timeout", "6 hours"), None);
        assert_eq!(e("missing_command", "curl (and jq)").as_deref(), Some("curl"));
        assert_eq!(
            e("file_not_found", "/home/runner/work/sme/sme/package.json").as_deref(),
            Some("package.json")
        );
        assert_eq!(e("file_not_found", "./build.sh").as_deref(), Some("build.sh"));
        assert_eq!(e("file_not_found", "/output/x.sh").as_deref(), Some("/output/x.sh"));
        assert_eq!(
            e("optional_job", "exec format error (x86 binary on ARM)").as_deref(),
            Some("architecture_mismatch")
        );
        assert_eq!(
            e("optional_job", "x64 node binary on an arm64 macOS runner").as_deref(),
            Some("architecture_mismatch")
        );
        assert_eq!(
            e("optional_job", "self-hosted runner lost communication").as_deref(),
            Some("lost_communication")
        );
        assert_eq!(
            e("rate_limit", "GitHub REST API (secondary rate limit)").as_deref(),
            Some("github_rest_secondary")
        );
        assert_eq!(
            e("rate_limit", "Docker Hub pull rate limit (429)").as_deref(),
            Some("docker_hub")
        );
        assert_eq!(
            e("rate_limit", "Maven Central (HTTP 429)").as_deref(),
            Some("maven_central")
        );
        assert_eq!(e("rate_limit", "something else"), None);
    }
}
