//! Where a job runs, from its `runs-on`: whether a runner-tied failure
//! (`optional_job`) happened on a runner it is right to make optional.
//!
//! Source: GitHub's "GitHub-hosted runners" reference (labels as of 2025):
//! x64 images are `ubuntu-latest`, `ubuntu-24.04`, `ubuntu-22.04`,
//! `windows-latest`, `windows-2025`, `windows-2022`, `macos-13`, `macos-15-intel`
//! and the `-large` macOS sizes; ARM64 images are `ubuntu-24.04-arm`,
//! `ubuntu-22.04-arm`, `windows-11-arm`, and Apple silicon `macos-latest`,
//! `macos-14`, `macos-15`, `macos-26` and the `-xlarge` sizes. Self-hosted
//! runners carry the `self-hosted` label; any other label names a self-hosted
//! runner or a larger runner the organization configured.

use autoheal_engine::model::Job;
use autoheal_engine::rules::runner_label::{Machine, machine};
use autoheal_engine::yaml::Node;

use crate::report::RunnerClass;

/// What confirms that a job's runner makes the failure runner-tied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmation {
    /// A label of the runner type itself (`self-hosted`, an ARM or Apple
    /// silicon image, a custom label when the log shows a self-hosted runner).
    Runner(String),
    /// The failing matrix leg is marked `experimental: true`.
    ExperimentalLeg(String),
    /// The job runs on an x64 GitHub-hosted image: making it optional would
    /// hide a real failure.
    Refuted(String),
    /// `runs-on` could not be read.
    Unknown,
}

fn is_x64_hosted(label: &str) -> bool {
    machine(label) == Some(Machine::X64Hosted)
}

fn is_runner_tied(label: &str) -> bool {
    machine(label).is_some_and(Machine::is_runner_tied)
}

/// `test (ubuntu-24.04-arm, 3.12)` → the leg's values.
fn leg_values(job_name: Option<&str>) -> Vec<&str> {
    let Some(name) = job_name else { return Vec::new() };
    let Some(open) = name.rfind(" (") else {
        return Vec::new();
    };
    name[open + 2..]
        .trim_end_matches(')')
        .split(", ")
        .map(str::trim)
        .collect()
}

/// Whether job `job` (shown in the log as `job_name`) ran on a runner it is
/// right to make optional, given what the log showed about the machine and,
/// for a failure tied to the runner only on one kind of machine (`only_on`),
/// whether `runs-on` names that machine.
pub fn confirm(
    job: &Job<'_>,
    job_name: Option<&str>,
    from_log: Option<RunnerClass>,
    only_on: Option<RunnerClass>,
) -> Confirmation {
    let leg = leg_values(job_name);
    let labels: Vec<String> = job
        .runs_on_labels()
        .into_iter()
        .filter_map(Node::as_str)
        .map(str::to_string)
        .collect();
    if labels.is_empty() {
        return Confirmation::Unknown;
    }
    // An expression label takes its value from the leg (`${{ matrix.os }}`).
    let mut effective: Vec<String> = labels.iter().filter(|l| !l.contains("${{")).cloned().collect();
    if labels.iter().any(|l| l.contains("${{")) {
        effective.extend(leg.iter().map(|v| v.to_string()));
    }
    if only_on == Some(RunnerClass::MacosArm64) {
        return apple_silicon(&effective);
    }
    if let Some(tied) = effective.iter().find(|l| is_runner_tied(l)) {
        return Confirmation::Runner(tied.clone());
    }
    if let Some(leg_name) = experimental_leg(job, &leg) {
        return Confirmation::ExperimentalLeg(leg_name);
    }
    let hosted = effective.iter().find(|l| is_x64_hosted(l));
    match (hosted, from_log) {
        (Some(label), _) => Confirmation::Refuted(label.clone()),
        (None, Some(RunnerClass::SelfHosted | RunnerClass::Arm64 | RunnerClass::MacosArm64))
            if !effective.is_empty() =>
        {
            Confirmation::Runner(effective.join(", "))
        }
        _ => Confirmation::Unknown,
    }
}

/// A failure that is runner-tied only on Apple silicon: confirmed by a label
/// that names an Apple-silicon Mac (GitHub's `macos-14` and later,
/// `macos-latest`, `-xlarge`; a custom label with `macos` and `arm64`), refuted
/// by an Intel or other x64 image, unknown for anything else (`self-hosted`
/// alone may be an Intel Mac).
fn apple_silicon(labels: &[String]) -> Confirmation {
    if let Some(apple) = labels.iter().find(|l| machine(l) == Some(Machine::AppleSilicon)) {
        return Confirmation::Runner(apple.clone());
    }
    let lower: Vec<String> = labels.iter().map(|l| l.to_ascii_lowercase()).collect();
    let mac = lower.iter().any(|l| l.contains("macos") || l == "mac" || l == "osx");
    if mac && labels.iter().any(|l| machine(l) == Some(Machine::Arm64)) {
        return Confirmation::Runner(labels.join(", "));
    }
    match labels.iter().find(|l| is_x64_hosted(l)) {
        Some(x64) => Confirmation::Refuted(x64.clone()),
        None => Confirmation::Unknown,
    }
}

/// An `include` entry with `experimental: true` whose values all appear in
/// the failing leg's display name (its values, joined by `, `).
pub fn experimental_leg(job: &Job<'_>, leg: &[&str]) -> Option<String> {
    let include = job.matrix()?.get("include")?.as_sequence()?;
    include.iter().find_map(|entry| {
        let pairs = entry.as_mapping()?;
        let experimental = pairs
            .iter()
            .any(|e| e.key.as_str() == Some("experimental") && e.value.as_bool() == Some(true));
        if !experimental {
            return None;
        }
        let values: Vec<&str> = pairs
            .iter()
            .filter(|e| e.key.as_str() != Some("experimental"))
            .filter_map(|e| e.value.as_str())
            .collect();
        (!values.is_empty() && values.iter().all(|v| leg.contains(v))).then(|| values.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        for l in [
            "self-hosted",
            "ubuntu-24.04-arm",
            "windows-11-arm",
            "macos-14",
            "macos-latest",
            "macos-15-xlarge",
        ] {
            assert!(is_runner_tied(l), "{l}");
        }
        for l in ["ubuntu-latest", "windows-2022", "macos-13", "macos-15-intel"] {
            assert!(!is_runner_tied(l) && is_x64_hosted(l), "{l}");
        }
        assert_eq!(
            leg_values(Some("build (ubuntu-24.04-arm, 3.12)")),
            vec!["ubuntu-24.04-arm", "3.12"]
        );
        assert!(leg_values(Some("build")).is_empty());
    }
}
