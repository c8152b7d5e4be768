//! `runner-label`: `runs-on` labels, also those a literal matrix gives
//! `runs-on: ${{ matrix.os }}`. GitHub-hosted labels come from one dated
//! data file (`crates/engine/data/runner-labels.txt`, compared
//! case-insensitively; retired images are flagged); anything else must be a
//! self-hosted or larger-runner label listed in `runner-labels` of the
//! config, or come with `self-hosted`. Runner groups are accepted as given.

use super::{Context, Rule, WORKFLOWS};
use crate::config::suggest;
use crate::diagnostic::Severity;
use crate::yaml::{Node, NodeKind};

pub const RULE: Rule = Rule {
    id: "runner-label",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`runs-on` labels must be GitHub-hosted images, configured self-hosted labels, or come with `self-hosted`.",
    kinds: WORKFLOWS,
    codes: &[UNKNOWN, RETIRED, CONFLICT],
    reports_errors: true,
    check,
};

/// A label no hosted image, self-hosted default or configured label has.
pub const UNKNOWN: &str = "runner-label/unknown";
/// An image GitHub has removed.
pub const RETIRED: &str = "runner-label/retired";
/// Hosted labels of different operating systems in one job.
pub const CONFLICT: &str = "runner-label/conflict";

/// The runner data: one dated file, with its sources inside.
const DATA: &str = include_str!("../../data/runner-labels.txt");

/// What the runner data says about a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStatus {
    Hosted,
    Retired,
    SelfHosted,
}

/// One label of the runner data.
struct LabelEntry {
    label: &'static str,
    status: LabelStatus,
    /// For a retired image: the date GitHub stopped running it (`YYYY-MM-DD`).
    retired_on: Option<&'static str>,
}

fn entries() -> &'static [LabelEntry] {
    static ENTRIES: std::sync::OnceLock<Vec<LabelEntry>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        DATA.lines()
            .filter_map(|line| {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    return None;
                }
                let mut words = line.split_whitespace();
                let status = match words.next()? {
                    "hosted" => LabelStatus::Hosted,
                    "retired" => LabelStatus::Retired,
                    "self-hosted" => LabelStatus::SelfHosted,
                    _ => return None,
                };
                Some(LabelEntry {
                    label: words.next()?,
                    status,
                    retired_on: words.next(),
                })
            })
            .collect()
    })
}

/// Every label of the runner data with its status, in file order.
pub fn runner_labels() -> &'static [(&'static str, LabelStatus)] {
    static LABELS: std::sync::OnceLock<Vec<(&'static str, LabelStatus)>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| entries().iter().map(|e| (e.label, e.status)).collect())
}

/// When GitHub retired the image `label` names (case-insensitively), as the
/// runner data records it.
pub fn retired_on(label: &str) -> Option<&'static str> {
    entries()
        .iter()
        .find(|e| e.label.eq_ignore_ascii_case(label))
        .and_then(|e| e.retired_on)
}

/// The `as-of:` date of the runner data.
pub fn runner_data_date() -> &'static str {
    DATA.lines()
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("as-of:"))
        .map_or("", str::trim)
}

/// GitHub-hosted labels that exist today (for completion and messages).
pub fn hosted_labels() -> impl Iterator<Item = &'static str> {
    runner_labels()
        .iter()
        .filter(|(_, s)| *s == LabelStatus::Hosted)
        .map(|(l, _)| *l)
}

/// The status of a label, compared case-insensitively as GitHub does.
pub fn label_status(label: &str) -> Option<LabelStatus> {
    runner_labels()
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(label))
        .map(|(_, s)| *s)
}

/// The kind of machine a `runs-on` label puts a job on, for failures tied
/// to the runner rather than the code (`optional_job`). The one place this
/// is decided: the log mapping, the fix and the evals ask it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Machine {
    /// A GitHub-hosted x64 image (Ubuntu, Windows, Intel macOS).
    X64Hosted,
    /// A GitHub-hosted ARM64 Linux or Windows image, or a custom label that
    /// names ARM64 (a self-hosted or larger runner).
    Arm64,
    /// Apple-silicon macOS: hosted `macos-latest`, `macos-14` and later
    /// (not their `-intel` and `-large` sizes, which are Intel), `-xlarge`.
    AppleSilicon,
    /// The `self-hosted` label.
    SelfHosted,
}

impl Machine {
    /// Scarcer or less reliable than GitHub's standard x64 images, so a
    /// failure of the runner itself is expected there now and then.
    pub fn is_runner_tied(self) -> bool {
        !matches!(self, Machine::X64Hosted)
    }
}

/// What machine `label` names, from the runner data above (GitHub's
/// published images: `-arm` images are ARM64; macOS 14 and later and
/// `macos-latest` are Apple silicon, their `-large` and `-intel` sizes
/// Intel, `-xlarge` Apple silicon) and, for other labels, the words
/// self-hosted runners are given (`self-hosted`, `arm64`, `aarch64`, `arm`).
/// `None`: a label that says nothing about the machine.
pub fn machine(label: &str) -> Option<Machine> {
    let l = label.trim().to_ascii_lowercase();
    if l == "self-hosted" {
        return Some(Machine::SelfHosted);
    }
    let words: Vec<&str> = l.split(['-', '_', '.', ' ']).collect();
    let arm = words
        .iter()
        .any(|w| matches!(*w, "arm" | "arm64" | "aarch64") || w.starts_with("armv"));
    if label_status(&l).is_some_and(|s| s != LabelStatus::SelfHosted) {
        if os(&l) == Some(Os::MacOs) {
            let intel = words.iter().any(|w| matches!(*w, "intel" | "large"));
            let version = words.get(1).and_then(|v| v.parse::<u32>().ok());
            let apple = !intel && (version.is_none_or(|v| v >= 14) || words.contains(&"xlarge"));
            return Some(if apple {
                Machine::AppleSilicon
            } else {
                Machine::X64Hosted
            });
        }
        return Some(if arm { Machine::Arm64 } else { Machine::X64Hosted });
    }
    if arm {
        return Some(if l.starts_with("macos") {
            Machine::AppleSilicon
        } else {
            Machine::Arm64
        });
    }
    None
}

/// The operating system of a runner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[allow(clippy::enum_variant_names)] // `MacOs` is the OS's name.
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

impl Os {
    /// The value of `runner.os`.
    pub fn runner_os(self) -> &'static str {
        match self {
            Os::Linux => "Linux",
            Os::MacOs => "macOS",
            Os::Windows => "Windows",
        }
    }

    /// The first word of GitHub's image labels for it (`ubuntu-latest`).
    pub fn image(self) -> &'static str {
        match self {
            Os::Linux => "ubuntu",
            Os::MacOs => "macos",
            Os::Windows => "windows",
        }
    }
}

/// The operating system `label` names, ignoring case: a word of the label
/// (split at `-`, `_`, `.` and spaces) that begins with the name of
/// GitHub's images (`ubuntu-24.04`, `macos-14`, `windows-2025`) or with the
/// OS label a self-hosted runner gets (`Linux`, `macOS`, `Windows`). The one
/// reading of labels as an OS, for the `runner-label` and `shell` rules and
/// the fixes that install tools. `None`: a label that does not say.
pub fn os(label: &str) -> Option<Os> {
    let l = label.trim().to_ascii_lowercase();
    l.split(['-', '_', '.', ' ']).find_map(|word| {
        if word.starts_with("ubuntu") || word.starts_with("linux") {
            Some(Os::Linux)
        } else if word.starts_with("macos") || word == "xcode" {
            // GitHub's `xcode-*` images are macOS machines.
            Some(Os::MacOs)
        } else if word.starts_with("windows") {
            Some(Os::Windows)
        } else {
            None
        }
    })
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        let Some(runs_on) = job.get("runs-on") else { continue };
        // A runner group picks its own runners; its labels are the group's.
        if runs_on.get("group").is_some() {
            continue;
        }
        let labels: Vec<&Node> = job.runs_on_labels();
        check_labels(ctx, &[], &labels);
        let literal: Vec<&Node> = labels
            .iter()
            .copied()
            .filter(|n| n.as_str().is_some_and(|t| !t.contains("${{")))
            .collect();
        // Labels that come from a literal matrix are checked where the
        // matrix spells them.
        for node in &labels {
            let Some(path) = node.as_str().and_then(matrix_path) else {
                continue;
            };
            for value in matrix_values(job.matrix(), &path) {
                match &value.kind {
                    NodeKind::Mapping(_) => {}
                    NodeKind::Sequence(items) => check_labels(ctx, &literal, &items.iter().collect::<Vec<_>>()),
                    NodeKind::Scalar(_) => check_labels(ctx, &literal, &[value]),
                }
            }
        }
    }
}

/// `matrix.a.b` of a `runs-on` label that is exactly `${{ matrix.a.b }}`.
fn matrix_path(label: &str) -> Option<Vec<&str>> {
    let inner = label.trim().strip_prefix("${{")?.strip_suffix("}}")?.trim();
    let rest = inner.strip_prefix("matrix.")?;
    let path: Vec<&str> = rest.split('.').collect();
    path.iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .then_some(path)
}

/// Every literal value the matrix gives `path` (its rows and `include`
/// entries); expressions and unknown shapes give nothing.
fn matrix_values<'a>(matrix: Option<&'a Node>, path: &[&str]) -> Vec<&'a Node> {
    let Some((first, rest)) = path.split_first() else {
        return Vec::new();
    };
    let Some(entries) = matrix.and_then(Node::as_mapping) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let Some(key) = e.key.as_str() else { continue };
        if key == "include" {
            for row in e.value.as_sequence().unwrap_or_default() {
                if let Some(v) = row.get(first) {
                    out.extend(descend(v, rest));
                }
            }
        } else if key.eq_ignore_ascii_case(first) {
            for v in e.value.as_sequence().unwrap_or_default() {
                out.extend(descend(v, rest));
            }
        }
    }
    out
}

fn descend<'a>(node: &'a Node, path: &[&str]) -> Option<&'a Node> {
    let mut node = node;
    for p in path {
        node = node.get(p)?;
    }
    (!node.is_expression()).then_some(node)
}

/// Can one GitHub-hosted runner carry both labels? A hosted runner is one
/// machine with one image: two operating systems never go together, nor
/// two different images or sizes of one (`macos-14` with `macos-15`,
/// `ubuntu-24.04` with `ubuntu-24.04-arm`, `macos-14` with
/// `macos-14-large`). An `<os>-latest` alias is left alone beside a version
/// of its own OS: which image it names moves over time, and `ubuntu-latest`
/// beside the version it names today is valid.
fn hosted_labels_conflict(first: &str, label: &str) -> bool {
    let is_alias = |l: &str| {
        l.strip_suffix("-latest")
            .is_some_and(|os| !os.is_empty() && os.bytes().all(|b| b.is_ascii_alphabetic()))
    };
    if os(first) != os(label) {
        return true;
    }
    !first.eq_ignore_ascii_case(label)
        && !is_alias(&first.to_ascii_lowercase())
        && !is_alias(&label.to_ascii_lowercase())
}

/// Check `labels`, which run together with `context` (the literal labels
/// beside a matrix expression, already checked on their own).
fn check_labels(ctx: &mut Context<'_>, context: &[&Node], labels: &[&Node]) {
    let texts: Vec<&str> = context.iter().chain(labels).filter_map(|n| n.as_str()).collect();
    let self_hosted = texts.iter().any(|t| t.eq_ignore_ascii_case("self-hosted"));
    let mut first_hosted: Option<&str> = context
        .iter()
        .filter_map(|n| n.as_str())
        .find(|t| label_status(t) == Some(LabelStatus::Hosted));
    for node in labels {
        let Some(label) = node.as_str() else { continue };
        if label.is_empty() || label.contains("${{") || node.is_null() {
            continue;
        }
        if ctx.config.runner_labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            continue;
        }
        match label_status(label) {
            Some(LabelStatus::Retired) => {
                let os = os(label).map_or("ubuntu", Os::image);
                let now = format!("{os}-latest");
                let when = retired_on(label).map(|d| format!(" on {d}")).unwrap_or_default();
                ctx.report(
                    node.span,
                    format!("runner image \"{label}\" was retired by GitHub{when}, so this job never starts; use \"{now}\" or a current version"),
                )
                .set_code(RETIRED);
            }
            Some(LabelStatus::Hosted) => match first_hosted {
                Some(first) if hosted_labels_conflict(first, label) => {
                    ctx.report_at(
                            Severity::Error,
                            node.span,
                            format!("label \"{label}\" conflicts with \"{first}\": a job runs on one machine; use a matrix to run on both"),
                        )
                        .set_code(CONFLICT);
                }
                Some(_) => {}
                None => first_hosted = Some(label),
            },
            Some(LabelStatus::SelfHosted) => {}
            None if self_hosted => {}
            None => {
                let mut known: Vec<&str> = hosted_labels().collect();
                known.extend(ctx.config.runner_labels.iter().map(String::as_str));
                let hint = suggest(label, &known)
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                ctx.report(
                    node.span,
                    format!(
                        "unknown runner label \"{label}\"{hint}; if it is a self-hosted or larger runner, add it to `runner-labels` in .github/autoheal.yml"
                    ),
                )
                .set_code(UNKNOWN);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Machine, machine};

    #[test]
    fn machines_of_labels() {
        for (label, want) in [
            ("ubuntu-latest", Some(Machine::X64Hosted)),
            ("windows-2022", Some(Machine::X64Hosted)),
            ("macos-13", Some(Machine::X64Hosted)),
            ("macos-15-intel", Some(Machine::X64Hosted)),
            ("macos-14-large", Some(Machine::X64Hosted)),
            ("ubuntu-24.04-arm", Some(Machine::Arm64)),
            ("windows-11-arm", Some(Machine::Arm64)),
            ("macos-latest", Some(Machine::AppleSilicon)),
            ("macOS-14", Some(Machine::AppleSilicon)),
            ("macos-15-xlarge", Some(Machine::AppleSilicon)),
            ("self-hosted", Some(Machine::SelfHosted)),
            ("ARM64", Some(Machine::Arm64)),
            ("linux-aarch64-large", Some(Machine::Arm64)),
            ("gpu", None),
            ("charm-runner", None),
        ] {
            assert_eq!(machine(label), want, "{label}");
        }
        assert!(!Machine::X64Hosted.is_runner_tied() && Machine::AppleSilicon.is_runner_tied());
    }

    #[test]
    fn operating_systems_of_labels() {
        use super::{Os, os};
        for (label, want) in [
            ("ubuntu-latest", Some(Os::Linux)),
            ("ubuntu22.04", Some(Os::Linux)),
            ("Linux", Some(Os::Linux)),
            ("blacksmith-4vcpu-ubuntu-2404", Some(Os::Linux)),
            ("macos-15-xlarge", Some(Os::MacOs)),
            ("macOS", Some(Os::MacOs)),
            ("windows-11-arm", Some(Os::Windows)),
            ("self-hosted", None),
            ("gpu", None),
            ("xubuntu", None),
        ] {
            assert_eq!(os(label), want, "{label}");
        }
    }

    #[test]
    fn the_data_file_is_dated_and_parsed_whole() {
        let date = super::runner_data_date();
        assert_eq!(date.len(), 10, "{date}");
        let data_lines = super::DATA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .count();
        assert_eq!(super::runner_labels().len(), data_lines);
        assert_eq!(super::label_status("MACOS-LATEST"), Some(super::LabelStatus::Hosted));
        // Every retired image carries the date GitHub stopped running it,
        // and only retired images carry one.
        for e in super::entries() {
            let dated = e
                .retired_on
                .is_some_and(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' && d <= date);
            assert_eq!(dated, e.status == super::LabelStatus::Retired, "{}", e.label);
        }
        assert_eq!(super::retired_on("macOS-13"), Some("2025-12-04"));
        assert_eq!(super::retired_on("ubuntu-24.04"), None);
    }
}
