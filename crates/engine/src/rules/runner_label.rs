//! `runner-label`: `runs-on` labels. GitHub-hosted labels are known (and
//! retired ones flagged); anything else must be a self-hosted or
//! larger-runner label listed in `runner-labels` of the config, or come with
//! `self-hosted`.

use super::{Context, Rule, WORKFLOWS};
use crate::config::suggest;
use crate::diagnostic::Severity;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "runner-label",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`runs-on` labels must be GitHub-hosted images, configured self-hosted labels, or come with `self-hosted`.",
    kinds: WORKFLOWS,
    check,
};

/// GitHub-hosted runner images as of 2025-06 (standard and larger macOS).
pub const HOSTED: &[&str] = &[
    "ubuntu-latest",
    "ubuntu-24.04",
    "ubuntu-22.04",
    "ubuntu-24.04-arm",
    "ubuntu-22.04-arm",
    "ubuntu-slim",
    "windows-latest",
    "windows-2025",
    "windows-2022",
    "windows-11-arm",
    "macos-latest",
    "macos-26",
    "macos-15",
    "macos-14",
    "macos-13",
    "macos-15-intel",
    "macos-latest-large",
    "macos-26-large",
    "macos-15-large",
    "macos-14-large",
    "macos-13-large",
    "macos-latest-xlarge",
    "macos-26-xlarge",
    "macos-15-xlarge",
    "macos-14-xlarge",
    "macos-13-xlarge",
];
/// Images GitHub has removed: jobs asking for them never start.
pub const RETIRED: &[&str] = &[
    "ubuntu-16.04",
    "ubuntu-18.04",
    "ubuntu-20.04",
    "windows-2016",
    "windows-2019",
    "macos-10.15",
    "macos-11",
    "macos-12",
    "macos-12-xl",
    "macos-12-large",
];
/// Labels every self-hosted runner gets.
pub const SELF_HOSTED: &[&str] = &["self-hosted", "linux", "windows", "macos", "x64", "arm", "arm64"];

fn os_of(label: &str) -> Option<&'static str> {
    let l = label.to_ascii_lowercase();
    ["ubuntu", "windows", "macos"].into_iter().find(|os| l.starts_with(os))
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        let Some(runs_on) = job.get("runs-on") else { continue };
        if runs_on.get("group").is_some() {
            continue;
        }
        let labels: Vec<&Node> = job.runs_on_labels();
        let texts: Vec<&str> = labels.iter().filter_map(|n| n.as_str()).collect();
        let self_hosted = texts.iter().any(|t| t.eq_ignore_ascii_case("self-hosted"));
        let mut first_hosted: Option<(&str, &Node)> = None;
        for node in labels {
            let Some(label) = node.as_str() else { continue };
            if label.is_empty() || label.contains("${{") {
                continue;
            }
            if ctx.config.runner_labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
                continue;
            }
            if RETIRED.contains(&label) {
                let os = os_of(label).unwrap_or("ubuntu");
                let now = HOSTED
                    .iter()
                    .find(|h| h.starts_with(os) && h.ends_with("latest"))
                    .copied()
                    .unwrap_or("ubuntu-latest");
                ctx.report(
                    node.span,
                    format!("runner image \"{label}\" has been retired by GitHub, so this job never starts; use \"{now}\" or a current version"),
                );
                continue;
            }
            if HOSTED.contains(&label) {
                if let Some((first, _)) = first_hosted.filter(|(f, _)| os_of(f) != os_of(label)) {
                    ctx.report_at(
                        Severity::Error,
                        node.span,
                        format!("label \"{label}\" conflicts with \"{first}\": a job runs on one machine; use a matrix to run on both"),
                    );
                } else if first_hosted.is_none() {
                    first_hosted = Some((label, node));
                }
                continue;
            }
            if self_hosted || SELF_HOSTED.iter().any(|s| s.eq_ignore_ascii_case(label)) {
                continue;
            }
            let mut known: Vec<&str> = HOSTED.to_vec();
            known.extend(ctx.config.runner_labels.iter().map(String::as_str));
            let hint = suggest(label, &known)
                .map(|s| format!("; did you mean \"{s}\"?"))
                .unwrap_or_default();
            ctx.report(
                node.span,
                format!(
                    "unknown runner label \"{label}\"{hint}; if it is a self-hosted or larger runner, add it to `runner-labels` in .github/autoheal.yml"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;

    #[test]
    fn labels() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-lates\n  b:\n    runs-on: [ubuntu-latest, windows-latest]\n  c:\n    runs-on: macos-12\n  d:\n    runs-on: [self-hosted, gpu]\n  e:\n    runs-on: ${{ matrix.os }}\n  f:\n    runs-on: { group: big, labels: [anything] }\n  g:\n    runs-on: [linux, x64]\n";
        assert_eq!(
            render(src, "runner-label"),
            [
                "4:14: unknown runner label \"ubuntu-lates\"; did you mean \"ubuntu-latest\"?; if it is a self-hosted or larger runner, add it to `runner-labels` in .github/autoheal.yml",
                "6:30: label \"windows-latest\" conflicts with \"ubuntu-latest\": a job runs on one machine; use a matrix to run on both",
                "8:14: runner image \"macos-12\" has been retired by GitHub, so this job never starts; use \"macos-latest\" or a current version",
            ]
        );
    }
}
