//! `runner-label`: `runs-on` labels, also those a literal matrix gives
//! `runs-on: ${{ matrix.os }}`. GitHub-hosted labels come from one dated
//! data file (`crates/engine/data/runner-labels.txt`, compared
//! case-insensitively; retired images are flagged); anything else must be a
//! self-hosted or larger-runner label listed in `runner-labels` of the
//! config, or come with `self-hosted`; when actionlint's config lists the
//! repository's self-hosted labels, a label beside `self-hosted` must be
//! one of them (or a runner's default label). A custom label nothing lists
//! (beside `self-hosted` with no list, or in a runner group's `labels:`) is
//! an `info` note, `runner-label/unlisted`: it may be right, but nothing can
//! check it until the repository lists its labels, and a note never fails CI.
//!
//! Job and service containers run on Linux runners only: a literal image on a
//! job that runs only on Windows or macOS is an error (`runner-label/container-os`),
//! and so is a step that runs a Docker container action there.

use std::borrow::Cow;

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;
use crate::model::{Job, matrix_reference, runner_labels_of};
use crate::yaml::{Node, NodeKind};
use autoheal_expr::suggest::suggest;

pub const RULE: Rule = Rule {
    id: "runner-label",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`runs-on` labels must be GitHub-hosted images, configured self-hosted labels, or come with `self-hosted`.",
    kinds: WORKFLOWS,
    codes: &[UNKNOWN, UNLISTED, RETIRED, CONFLICT, CONTAINER_OS],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &[
            "jobs.*.runs-on",
            "jobs.*.strategy",
            "jobs.*.container",
            "jobs.*.services",
            // Steps that run a Docker container action.
            "jobs.*.steps.*.uses",
        ],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A label no hosted image, self-hosted default or configured label has.
pub const UNKNOWN: &str = "runner-label/unknown";
/// A custom label nothing lists: beside `self-hosted` in a repository
/// that lists no self-hosted labels, or a runner group's label. An `info`
/// note, since such labels are how these runners are chosen.
pub const UNLISTED: &str = "runner-label/unlisted";
/// An image GitHub has removed.
pub const RETIRED: &str = "runner-label/retired";
/// Hosted labels of different operating systems in one job.
pub const CONFLICT: &str = "runner-label/conflict";
/// A job container or service container on a job that runs only on
/// Windows or macOS runners.
pub const CONTAINER_OS: &str = "runner-label/container-os";

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

/// One `runs-on` label of a job with the values it can take.
#[derive(Clone, Debug)]
pub struct RunsOnLabel<'a> {
    /// The label as written.
    pub node: &'a Node,
    /// Each value the label can take, as the labels that value gives: the
    /// label itself, or for `${{ matrix.… }}` each value the matrix lists
    /// (a value may be a list of labels or a runner group), also where the
    /// matrix or the label is `fromJSON()` of a literal (those labels are
    /// read out of the literal, so they are owned). `None` when a value is
    /// computed (another expression, `fromJSON` of a context).
    pub values: Option<Vec<Vec<Cow<'a, str>>>>,
}

/// A job's `runs-on` labels, the matrix followed: the one reading of
/// `runs-on` for every rule and fix that asks which runner a job gets.
pub fn job_labels<'a>(job: &Job<'a>) -> Vec<RunsOnLabel<'a>> {
    let borrowed = |values: Vec<Vec<&'a str>>| -> Vec<Vec<Cow<'a, str>>> {
        values
            .into_iter()
            .map(|v| v.into_iter().map(Cow::Borrowed).collect())
            .collect()
    };
    job.runs_on_labels()
        .into_iter()
        .map(|node| {
            let values = match node.as_str() {
                _ if node.is_null() => Some(Vec::new()),
                None => None,
                Some(text) => match matrix_reference(text) {
                    Some(path) => matrix_labels(job, &path),
                    // `${{ fromJSON('["ubuntu-latest"]') }}`: the labels of
                    // the literal, which all run together (one value).
                    None => match crate::model::from_json_literal(node) {
                        Some(literal) => labels_of_value(&literal).map(|labels| vec![labels]),
                        // `${{ cond && 'a' || 'b' }}` can only be one of its literals.
                        None if text.contains("${{") => {
                            literal_choices(text).or_else(|| template_fragments(text)).map(borrowed)
                        }
                        None => Some(vec![vec![Cow::Borrowed(text)]]),
                    },
                },
            };
            RunsOnLabel { node, values }
        })
        .collect()
}

/// The values `matrix.<path>` can take as runner labels: from the matrix as
/// written, or, when parts of it are `fromJSON()` of a literal, from the
/// matrix with those literals read ([`Job::literal_matrix`]). `None` when a
/// value is computed or the matrix lists none.
fn matrix_labels<'a>(job: &Job<'a>, path: &[&str]) -> Option<Vec<Vec<Cow<'a, str>>>> {
    let labels: Option<Vec<Vec<Cow<'a, str>>>> = match job.literal_matrix() {
        Some(literal) => crate::model::matrix_values_in(&literal, path)
            .into_iter()
            .map(labels_of_value)
            .collect(),
        None => job
            .matrix_values(path)
            .into_iter()
            .map(|v| {
                runner_labels_of(v)
                    .into_iter()
                    .map(|l| l.as_str().filter(|t| !t.contains("${{")).map(Cow::Borrowed))
                    .collect()
            })
            .collect(),
    };
    labels.filter(|l| !l.is_empty())
}

/// The labels one value read out of a `fromJSON()` literal gives (a label,
/// a list of labels, a runner group's `labels`); `None` when one is not a
/// string. The literal's nodes are owned by it, so the labels are copied.
fn labels_of_value<'a>(value: &Node) -> Option<Vec<Cow<'a, str>>> {
    runner_labels_of(value)
        .into_iter()
        .map(|l| match &l.kind {
            NodeKind::Scalar(_) => l
                .as_str()
                .filter(|t| !t.contains("${{"))
                .map(|t| Cow::Owned(t.to_string())),
            _ => None,
        })
        .collect()
}

/// The labels a whole-value expression can give, each a literal written in
/// it ([`autoheal_expr::Expr::literal_strings`]); `None` otherwise.
fn literal_choices(text: &str) -> Option<Vec<Vec<&str>>> {
    let embedded = autoheal_expr::single_expression(text)?;
    let inner = embedded.inner_text(text);
    let expr = autoheal_expr::parse(inner).ok()?;
    let values = expr.literal_strings()?;
    // The values borrow the parsed tree; find each in the text instead (a
    // literal with `''` escapes is not a plain label anyway).
    values
        .iter()
        .map(|v| {
            let quoted = format!("'{v}'");
            let at = inner.find(&quoted)? + 1;
            Some(vec![&inner[at..at + v.len()]])
        })
        .collect()
}

/// A label with expressions inside text (`macos-${{ matrix.version }}`):
/// one value whose labels are the fixed text around the expressions, which
/// every value of the label has (`macos-`, which names macOS). `None` for a
/// whole-value expression or an unclosed one.
fn template_fragments(text: &str) -> Option<Vec<Vec<&str>>> {
    let found = autoheal_expr::find_expressions(text);
    if found.iter().any(|e| !e.closed) || autoheal_expr::single_expression(text).is_some() {
        return None;
    }
    let mut fragments = Vec::new();
    let mut from = 0;
    for e in &found {
        fragments.push(&text[from..e.span.start]);
        from = e.span.end;
    }
    fragments.push(&text[from..]);
    fragments.retain(|f| !f.trim().is_empty());
    Some(vec![fragments])
}

/// The operating systems a job can run on, in [`Os`] order, each label
/// read with [`os`] and `${{ matrix.… }}` through the matrix. `None`
/// when some run of the job has no known OS: a computed label, or no label
/// that names an OS (`self-hosted` alone, a custom label, a runner group
/// without OS labels). The one reading for the shell defaults, the
/// template-injection and deprecated-command fixes and the fixes crate.
pub fn job_oses(job: &Job<'_>) -> Option<Vec<Os>> {
    let labels = job_labels(job);
    let mut oses = Vec::new();
    // Every run gets one value of each label, so the runs all have an OS
    // when one label names an OS in each of its values.
    let mut every_run_named = false;
    for label in &labels {
        let values = label.values.as_ref()?;
        let mut each_value_named = !values.is_empty();
        for value in values {
            let named: Vec<Os> = value.iter().filter_map(|l| os(l)).collect();
            each_value_named &= !named.is_empty();
            oses.extend(named);
        }
        every_run_named |= each_value_named;
    }
    oses.sort();
    oses.dedup();
    every_run_named.then_some(oses)
}

/// The one OS every run of the job has, when [`job_oses`] names exactly one.
pub fn job_os(job: &Job<'_>) -> Option<Os> {
    match job_oses(job)?.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Does the job run only on runners with no OS but Linux and macOS (where
/// `run:` defaults to bash), or only on Windows (pwsh)? `None`: mixed or
/// not known, so the default shell is not known either.
pub fn job_is_windows(job: &Job<'_>) -> Option<bool> {
    oses_are_windows(&job_oses(job)?)
}

/// [`job_is_windows`] of OSes already read.
pub fn oses_are_windows(oses: &[Os]) -> Option<bool> {
    if oses.iter().all(|o| *o == Os::Windows) {
        Some(true)
    } else if oses.contains(&Os::Windows) {
        None
    } else {
        Some(false)
    }
}

/// The key paths [`step_shell`] reads: a step's own `shell:`, the job's
/// and the workflow's `defaults.run.shell`, and the runner's OS (`runs-on`,
/// through the matrix), for rules that declare what they read.
pub const STEP_SHELL_PATHS: &[&str] = &[
    "defaults",
    "jobs.*.defaults",
    "jobs.*.runs-on",
    "jobs.*.strategy",
    "jobs.*.steps.*.shell",
];

/// The shell a `run:` step runs in: the `shell:` written for it
/// ([`Job::written_shell`]), else the runner's default, bash on Linux and
/// macOS and pwsh on Windows. `None` when the shell is computed or the
/// default is not known ([`job_is_windows`]).
pub fn step_shell<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> Option<&'a str> {
    match job.written_shell(root, step) {
        Some(shell) => shell.as_str().filter(|s| !s.contains("${{")),
        None => job_is_windows(job).map(|w| if w { "pwsh" } else { "bash" }),
    }
}

/// Every value of every `runs-on` label of the job is a GitHub-hosted image
/// label in the runner data (so the image's preinstalled software is there).
pub fn job_is_github_hosted(job: &Job<'_>) -> bool {
    let labels = job_labels(job);
    !labels.is_empty()
        && labels.iter().all(|l| {
            l.values.as_ref().is_some_and(|values| {
                !values.is_empty()
                    && values
                        .iter()
                        .all(|v| !v.is_empty() && v.iter().all(|t| label_status(t.trim()) == Some(LabelStatus::Hosted)))
            })
        })
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        check_container_os(ctx, job);
        let Some(runs_on) = job.get("runs-on") else { continue };
        // A runner group picks its own runners; its labels are the group's.
        if runs_on.get("group").is_some() {
            check_group_labels(ctx, runs_on);
            continue;
        }
        // `runs-on: ${{ fromJSON('…') }}` of a literal is checked as if
        // written (at the expression).
        let whole_literal = crate::model::from_json_literal(runs_on);
        if let Some(value) = &whole_literal {
            check_value(ctx, &[], value);
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
        // matrix spells them; parts given as `fromJSON()` of a literal at
        // their expression.
        let expanded = job.literal_matrix();
        for node in &labels {
            if let Some(value) = crate::model::from_json_literal(node) {
                check_value(ctx, &literal, &value);
                continue;
            }
            let Some(path) = node.as_str().and_then(matrix_reference) else {
                continue;
            };
            let values = match &expanded {
                Some(m) => crate::model::matrix_values_in(m, &path),
                None => job.matrix_values(&path),
            };
            for value in values {
                check_value(ctx, &literal, value);
            }
        }
    }
}

/// One value a `runs-on` label takes (written, from a matrix or from a
/// `fromJSON()` literal): a label, a list of labels or a runner group.
fn check_value(ctx: &mut Context<'_>, literal: &[&Node], value: &Node) {
    match &value.kind {
        NodeKind::Mapping(_) if value.get("group").is_some() => check_group_labels(ctx, value),
        NodeKind::Mapping(_) => {}
        NodeKind::Sequence(items) => check_labels(ctx, literal, &items.iter().collect::<Vec<_>>()),
        NodeKind::Scalar(_) => check_labels(ctx, literal, &[value]),
    }
}

/// GitHub runs job containers and service containers on Linux runners only
/// (its container-job and service-container documentation: "you must use a
/// Linux runner"; the runner refuses them elsewhere), so on a job whose every
/// run is on Windows or macOS the job fails when it starts. An image given
/// by an expression may be empty, which runs no container, so only literal
/// images count; a job that may also run on Linux is left alone.
fn check_container_os(ctx: &mut Context<'_>, job: &Job<'_>) {
    let Some(oses) = job_oses(job) else { return };
    if oses.is_empty() || oses.contains(&Os::Linux) {
        return;
    }
    let literal_image = |n: &Node| {
        let image = if n.is_mapping() { n.get("image") } else { Some(n) };
        image
            .and_then(Node::as_str)
            .is_some_and(|i| !i.trim().is_empty() && !i.contains("${{"))
    };
    let on = oses.iter().map(|o| o.runner_os()).collect::<Vec<_>>().join(" or ");
    for key in ["container", "services"] {
        let Some(entry) = job.node().entry(key) else { continue };
        let runs_one = match key {
            "container" => literal_image(&entry.value),
            _ => entry
                .value
                .as_mapping()
                .is_some_and(|services| services.iter().any(|s| literal_image(&s.value))),
        };
        if runs_one {
            let what = if key == "container" {
                "a job container"
            } else {
                "service containers"
            };
            ctx.report_at(
                Severity::Error,
                entry.key.report_span(),
                format!(
                    "`{key}:` needs a Linux runner: GitHub runs {what} only on Linux runners, but this job runs on {on}, \
                     so it fails when it starts"
                ),
            )
            .set_code(CONTAINER_OS);
        }
    }
    for step in &job.steps {
        let Some(uses) = step.node.get("uses") else { continue };
        let Some(text) = uses.as_str() else { continue };
        if docker_action(ctx, text.trim()) != Some(true) {
            continue;
        }
        ctx.report_at(
            Severity::Error,
            uses.report_span(),
            format!(
                "`{}` is a Docker container action, which needs a Linux runner: GitHub runs Docker container actions \
                 only on Linux runners, but this job runs on {on}, so the step fails (\"Container action is only \
                 supported on Linux\")",
                text.trim()
            ),
        )
        .set_code(CONTAINER_OS);
    }
}

/// Whether a step's `uses:` runs a Docker container action: a `docker://`
/// image, a local action whose metadata says `runs.using: docker`, or a
/// published action whose major a trusted reading says is one
/// (`runtimes::is_docker_action`). `None` when not known (a local directory
/// without metadata, an action no reading covers, a reusable workflow).
/// GitHub's "About custom actions": "Docker container actions can only
/// execute on runners with a Linux operating system"; the runner
/// (`ActionManager`, built for any other OS) skips their image and fails
/// the step with "Container action is only supported on Linux".
fn docker_action(ctx: &Context<'_>, uses: &str) -> Option<bool> {
    if uses.contains("${{") {
        return None;
    }
    if let Some(image) = uses.strip_prefix("docker://") {
        return Some(!image.trim().is_empty());
    }
    if let Some(dir) = crate::repo::local_action_dir(uses) {
        let mut cache = ctx.derived.reads.actions.borrow_mut();
        let action = cache.get(ctx.repo, ctx.config, dir)?;
        return match action.kind {
            super::action::ActionKind::Docker => Some(true),
            super::action::ActionKind::Unknown => None,
            _ => Some(false),
        };
    }
    let (name, git_ref) = uses.split_once('@')?;
    super::action::runtimes::is_docker_action(name, git_ref)
}

/// Can one GitHub-hosted runner carry both labels? A hosted runner is one
/// machine with one image: two operating systems never go together, nor
/// two different images or sizes of one (`macos-14` with `macos-15`,
/// `ubuntu-24.04` with `ubuntu-24.04-arm`, `macos-14` with
/// `macos-14-large`). An `-latest` alias goes with the images the runner
/// data says it may name today (`ubuntu-latest` with `ubuntu-24.04`), not
/// with another (`macos-latest` with `macos-14`); an alias the data does
/// not map is left alone beside its own OS.
fn hosted_labels_conflict(first: &str, label: &str) -> bool {
    if os(first) != os(label) {
        return true;
    }
    if first.eq_ignore_ascii_case(label) {
        return false;
    }
    let names = |alias: &str, image: &str| {
        alias_images(alias).map(|images| images.iter().any(|i| i.eq_ignore_ascii_case(image)))
    };
    match (names(first, label), names(label, first)) {
        (Some(a), Some(b)) => !(a || b),
        (Some(named), None) | (None, Some(named)) => !named,
        (None, None) => {
            let is_alias = |l: &str| {
                l.to_ascii_lowercase()
                    .strip_suffix("-latest")
                    .is_some_and(|os| !os.is_empty() && os.bytes().all(|b| b.is_ascii_alphabetic()))
            };
            !is_alias(first) && !is_alias(label)
        }
    }
}

/// The images an `-latest` alias may name on the runner data's date
/// (its `alias` lines), compared case-insensitively.
pub fn alias_images(alias: &str) -> Option<&'static [&'static str]> {
    static ALIASES: std::sync::OnceLock<Vec<(&'static str, Vec<&'static str>)>> = std::sync::OnceLock::new();
    ALIASES
        .get_or_init(|| {
            DATA.lines()
                .filter_map(|l| l.trim().strip_prefix("alias "))
                .filter_map(|rest| {
                    let mut words = rest.split_whitespace();
                    Some((words.next()?, words.collect()))
                })
                .collect()
        })
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(alias))
        .map(|(_, images)| images.as_slice())
}

/// `linux`, `windows` or `macOS`: the default label GitHub gives a
/// self-hosted runner for its operating system.
fn is_os_label(label: &str) -> bool {
    ["linux", "windows", "macos"]
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
}

/// Two labels no one machine carries together.
fn report_conflict(ctx: &mut Context<'_>, node: &Node, label: &str, first: &str) {
    ctx.report_at(
        Severity::Error,
        node.span,
        format!("label \"{label}\" conflicts with \"{first}\": a job runs on one machine; use a matrix to run on both"),
    )
    .set_code(CONFLICT);
}

/// The `labels:` of a runner group (`{group: …, labels: …}`): the
/// organisation's larger-runner and self-hosted names, which no public
/// list holds. Hosted images, self-hosted defaults and configured labels
/// pass; any other is noted as unlisted, never as wrong.
fn check_group_labels(ctx: &mut Context<'_>, group: &Node) {
    for node in runner_labels_of(group) {
        let Some(label) = node.as_str() else { continue };
        if label.is_empty() || label.contains("${{") || node.is_null() || ctx.config.is_own_runner_label(label) {
            continue;
        }
        if label_status(label).is_none() {
            report_unlisted(ctx, node, label, "a label of this runner group");
        }
    }
}

/// The `info` note for a custom label nothing lists, with a near hosted or
/// default label as a hint (`linuxx`), since only a list can tell a typo
/// from a name the organisation chose.
fn report_unlisted(ctx: &mut Context<'_>, node: &Node, label: &str, what: &str) {
    let mut known: Vec<&str> = hosted_labels().collect();
    known.extend(
        runner_labels()
            .iter()
            .filter(|(_, s)| *s == LabelStatus::SelfHosted)
            .map(|(l, _)| *l),
    );
    let hint = suggest(label, &known)
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default();
    ctx.report_at(
        Severity::Info,
        node.span,
        format!(
            "runner label \"{label}\" is {what}, not a GitHub-hosted image{hint}; nothing can check it until the repository lists its runners' labels (`self-hosted-runner.labels` in .github/actionlint.yaml or `runner-labels` in .github/autoheal.yml)"
        ),
    )
    .set_code(UNLISTED);
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
    // A self-hosted runner's OS label (`linux`, `windows`, `macOS`: GitHub
    // gives each runner the one of its own OS) names one OS, as a hosted
    // image does, so the two must agree.
    let mut first_os_label: Option<&str> = context.iter().filter_map(|n| n.as_str()).find(|t| is_os_label(t));
    for node in labels {
        let Some(label) = node.as_str() else { continue };
        if label.is_empty() || label.contains("${{") || node.is_null() {
            continue;
        }
        if ctx.config.is_own_runner_label(label) {
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
            Some(LabelStatus::Hosted) => {
                if let Some(first) = first_hosted {
                    if hosted_labels_conflict(first, label) {
                        report_conflict(ctx, node, label, first);
                    }
                } else if let Some(first) = first_os_label.filter(|f| os(f) != os(label)) {
                    report_conflict(ctx, node, label, first);
                } else {
                    first_hosted = Some(label);
                }
            }
            Some(LabelStatus::SelfHosted) if is_os_label(label) => match first_hosted.or(first_os_label) {
                Some(first) if os(first) != os(label) => report_conflict(ctx, node, label, first),
                Some(_) => {}
                None => first_os_label = Some(label),
            },
            Some(LabelStatus::SelfHosted) => {}
            // Beside `self-hosted` a custom label selects the repository's own
            // runners; only a list of them (actionlint's config) can say one is wrong.
            None if self_hosted && !ctx.config.self_hosted_labels_listed => {
                report_unlisted(ctx, node, label, "a custom label beside `self-hosted`");
            }
            None => {
                let mut known: Vec<&str> = hosted_labels().collect();
                known.extend(
                    ctx.config
                        .runner_labels
                        .iter()
                        .map(String::as_str)
                        .filter(|l| !l.contains(['*', '?', '['])),
                );
                let hint = suggest(label, &known)
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                let message = if self_hosted {
                    format!(
                        "runner label \"{label}\" is not among the self-hosted labels the repository lists (`self-hosted-runner.labels` in actionlint's config), so no runner picks this job up{hint}"
                    )
                } else {
                    format!(
                        "unknown runner label \"{label}\"{hint}; if it is a self-hosted or larger runner, add it to `runner-labels` in .github/autoheal.yml"
                    )
                };
                ctx.report(node.span, message).set_code(UNKNOWN);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Machine, job_labels, job_oses, machine};
    use crate::model::{Workflow, matrix_reference};

    /// Job and service containers need Linux: reported on a Windows or
    /// macOS job with a literal image, not where an expression may give no
    /// image, a matrix also runs on Linux, or the OS is not known.
    /// A self-hosted runner's OS label names one OS, as a hosted image does:
    /// `[windows-latest, linux]` asks for a machine that is both.
    #[test]
    fn an_os_label_beside_an_image_of_another_os_conflicts() {
        let conflicts = |runs_on: &str| {
            let src = format!("on: push\njobs:\n  j:\n    runs-on: {runs_on}\n    steps:\n      - run: x\n");
            crate::rules::test_support::lint_rule(&src, "runner-label")
                .into_iter()
                .filter(|d| d.code == super::CONFLICT)
                .map(|d| src[d.range.start..d.range.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(conflicts("[windows-latest, linux]"), ["linux"]);
        assert_eq!(conflicts("[Linux, macos-15]"), ["macos-15"]);
        assert_eq!(conflicts("[self-hosted, linux, windows]"), ["windows"]);
        for fine in [
            "[ubuntu-latest, linux]",
            "[self-hosted, macOS, macos-latest]",
            "[self-hosted, linux, x64]",
            "[xcode-27, macos]",
        ] {
            assert!(conflicts(fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn containers_on_a_runner_that_is_not_linux_are_errors() {
        let found = |runs_on: &str, rest: &str| {
            let src = format!("on: push\njobs:\n  j:\n    runs-on: {runs_on}\n{rest}    steps:\n      - run: x\n");
            crate::rules::test_support::lint_rule(&src, "runner-label")
                .into_iter()
                .filter(|d| d.code == super::CONTAINER_OS)
                .map(|d| (d.severity, d.message))
                .collect::<Vec<_>>()
        };
        let container = "    container: node:22\n";
        let on_windows = found("windows-latest", container);
        assert_eq!(on_windows.len(), 1, "{on_windows:?}");
        assert_eq!(on_windows[0].0, crate::diagnostic::Severity::Error);
        assert!(
            on_windows[0].1.starts_with("`container:` needs a Linux runner: GitHub runs a job container only on Linux runners, but this job runs on Windows"),
            "{}",
            on_windows[0].1
        );
        let services = "    services:\n      db:\n        image: postgres:17\n";
        assert!(
            found("macos-15", services)[0]
                .1
                .contains("service containers only on Linux runners, but this job runs on macOS")
        );
        assert_eq!(
            found("[self-hosted, windows]", "    container:\n      image: alpine\n").len(),
            1
        );
        for (runs_on, rest) in [
            ("ubuntu-latest", container),
            ("windows-latest", "    container: ${{ matrix.image }}\n"),
            (
                "windows-latest",
                "    services:\n      db:\n        image: ${{ matrix.db }}\n",
            ),
            (
                "${{ matrix.os }}",
                "    strategy:\n      matrix:\n        os: [windows-latest, ubuntu-latest]\n    container: node:22\n",
            ),
            ("self-hosted", container),
            ("windows-latest", ""),
        ] {
            assert_eq!(found(runs_on, rest), [], "{runs_on} {rest}");
        }
    }

    /// A Docker container action runs only on a Linux runner ("Container
    /// action is only supported on Linux"): a `docker://` step, a local
    /// action whose metadata says `using: docker`, on a job that runs only
    /// on Windows or macOS. Not a JavaScript or composite action, a local
    /// directory without metadata, or a job that may run on Linux.
    #[test]
    fn docker_container_actions_on_a_runner_that_is_not_linux_are_errors() {
        use crate::config::Config;
        use crate::lint::{LintOptions, lint};
        use crate::repo::MemoryRepo;
        let repo = MemoryRepo::new([
            (
                "actions/scan/action.yml",
                "name: scan\ndescription: d\nruns:\n  using: docker\n  image: Dockerfile\n",
            ),
            ("actions/scan/Dockerfile", "FROM alpine\n"),
            (
                "actions/js/action.yml",
                "name: js\ndescription: d\nruns:\n  using: node24\n  main: i.js\n",
            ),
            ("actions/js/i.js", ""),
            ("actions/bare/Dockerfile", "FROM alpine\n"),
        ]);
        let config = Config::default();
        let found = |runs_on: &str| {
            let src = format!(
                "on: push\njobs:\n  j:\n    runs-on: {runs_on}\n    steps:\n      - uses: docker://alpine:3.20\n      - uses: ./actions/scan\n      - uses: ./actions/js\n      - uses: ./actions/bare\n      - uses: actions/checkout@v5\n"
            );
            let opts = LintOptions {
                repo: &repo,
                ..LintOptions::new(&config)
            };
            lint(".github/workflows/w.yml", src.as_bytes(), &opts)
                .into_iter()
                .filter(|d| d.code == super::CONTAINER_OS)
                .map(|d| (d.severity, src[d.range.start..d.range.end].to_string(), d.message))
                .collect::<Vec<_>>()
        };
        let on_windows = found("windows-latest");
        let spans: Vec<&str> = on_windows.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(spans, ["docker://alpine:3.20", "./actions/scan"], "{on_windows:?}");
        assert!(on_windows.iter().all(|f| f.0 == crate::diagnostic::Severity::Error));
        assert!(
            on_windows[1].2.contains("this job runs on Windows"),
            "{}",
            on_windows[1].2
        );
        assert_eq!(found("macos-15").len(), 2);
        for fine in [
            "ubuntu-latest",
            "[self-hosted, linux]",
            "self-hosted",
            "${{ matrix.os }}",
        ] {
            assert_eq!(found(fine), [], "{fine}");
        }
    }

    proptest::proptest! {
        /// `runs-on` read through the matrix, for any mix of literal labels,
        /// `${{ matrix.… }}`, choice expressions and templates: no panic, and
        /// every label a value gives is text of the workflow (a label is
        /// never made up).
        #[test]
        fn runs_on_reads_any_value_and_makes_up_no_label(
            runs_on in "(ubuntu-latest|macos-14|\\[self-hosted, arm64\\]|\\$\\{\\{ matrix\\.os \\}\\}|\\$\\{\\{ matrix\\.os\\.x \\}\\}|\\$\\{\\{ a && 'x' \\|\\| 'y' \\}\\}|macos-\\$\\{\\{ matrix\\.v \\}\\}|\\{group: g, labels: \\[a\\]\\}|[a-z ${}'.|&\\[\\]-]{0,12}){1,3}",
            os in "(ubuntu-latest|windows-2022|\\[macos-14, self-hosted\\]|\\{x: y\\}|'\\$\\{\\{ z \\}\\}'|[a-z]{0,5})",
        ) {
            let src = format!(
                "on: push\njobs:\n  j:\n    runs-on: {runs_on}\n    strategy:\n      matrix:\n        os: [{os}]\n        include:\n          - os: {os}\n            v: 15\n    steps:\n      - run: x\n"
            );
            let doc = crate::yaml::parse(src.as_bytes());
            if let Some(root) = doc.root.as_ref() {
                let wf = Workflow::new(root);
                for job in &wf.jobs {
                    let _ = job_oses(job);
                    for label in job_labels(job) {
                        for value in label.values.iter().flatten() {
                            for l in value {
                                // A single-quoted scalar writes its `'` as `''`.
                                let written = src.contains(&**l) || src.contains(&l.replace('\'', "''"));
                                proptest::prop_assert!(written, "{l:?} is not in\n{src}");
                            }
                        }
                    }
                }
            }
        }

        /// `${{ matrix.a.b }}` reads back as its path; anything else is a
        /// path of the text's own words or nothing.
        #[test]
        fn matrix_references_read_back(path in proptest::collection::vec("[A-Za-z0-9_-]{1,6}", 1..4), text in ".{0,40}") {
            let written = format!("${{{{ matrix.{} }}}}", path.join("."));
            proptest::prop_assert_eq!(matrix_reference(&written), Some(path.iter().map(String::as_str).collect()));
            if let Some(found) = matrix_reference(&text) {
                proptest::prop_assert!(found.iter().all(|p| !p.is_empty() && text.contains(p)));
            }
        }
    }

    /// Messages of `runner-label/unknown` on one job's `runs-on`, under a
    /// config whose actionlint file lists `gpu` and `fleet-*`, or lists
    /// nothing (`listed` false).
    fn unknown_with_listed_labels(runs_on: &str, listed: bool) -> Vec<String> {
        runner_findings(runs_on, listed)
            .into_iter()
            .filter(|(code, _, _)| *code == super::UNKNOWN)
            .map(|(_, _, message)| message)
            .collect()
    }

    #[test]
    fn a_listed_set_of_self_hosted_labels_is_closed() {
        // Listed, a default label of self-hosted runners, or a glob match: fine,
        // in any case (GitHub compares labels without case).
        for ok in [
            "[self-hosted, gpu]",
            "[self-hosted, GPU]",
            "[self-hosted, linux, ARM64, fleet-big]",
            "gpu",
        ] {
            assert_eq!(unknown_with_listed_labels(ok, true), Vec::<String>::new(), "{ok}");
        }
        let typo = unknown_with_listed_labels("[self-hosted, gpu2]", true);
        assert_eq!(typo.len(), 1);
        assert!(
            typo[0].contains("\"gpu2\"") && typo[0].contains("self-hosted-runner.labels"),
            "{typo:?}"
        );
        // Through a literal matrix too.
        let src =
            "${{ matrix.r }}\n    strategy:\n      matrix:\n        r: [[self-hosted, gpu], [self-hosted, cpu-only]]";
        assert_eq!(unknown_with_listed_labels(src, true).len(), 1);
        // Without a list, a custom label beside `self-hosted` is the repository's own.
        assert_eq!(
            unknown_with_listed_labels("[self-hosted, gpu2]", false),
            Vec::<String>::new()
        );
        assert_eq!(unknown_with_listed_labels(src, false), Vec::<String>::new());
    }

    /// Labels given as `fromJSON()` of a literal, directly or through a
    /// matrix made of such literals (whole, a key's values, an `include`),
    /// are checked as the written labels are, at the expression.
    #[test]
    fn labels_from_json_literals_are_checked_as_written_ones() {
        let codes = |runs_on: &str| -> Vec<&'static str> {
            runner_findings(runs_on, false).into_iter().map(|(c, _, _)| c).collect()
        };
        let m = |matrix: &str| format!("${{{{ matrix.os }}}}\n    strategy:\n      matrix: {matrix}");
        assert_eq!(codes("${{ fromJSON('[\"ubuntu-lates\"]') }}"), [super::UNKNOWN]);
        assert_eq!(codes("${{ fromJSON('\"macos-13\"') }}"), [super::RETIRED]);
        assert_eq!(
            codes("${{ fromJSON('[\"ubuntu-latest\", \"windows-latest\"]') }}"),
            [super::CONFLICT]
        );
        assert_eq!(
            codes(&m("${{ fromJSON('{\"os\":[\"ubuntu-latest\",\"macos-13\"]}') }}")),
            [super::RETIRED]
        );
        assert_eq!(
            codes(&m(
                "\n        os: ${{ fromJSON('[\"ubuntu-latest\",\"ubuntu-lates\"]') }}"
            )),
            [super::UNKNOWN]
        );
        assert_eq!(
            codes(&m(
                "\n        os: [ubuntu-latest]\n        include: ${{ fromJSON('[{\"os\":\"macos-13\"}]') }}"
            )),
            [super::RETIRED]
        );
        assert_eq!(
            codes(&m(
                "\n        os: [ubuntu-latest]\n        include:\n          - ${{ fromJSON('{\"os\":\"windows-lates\"}') }}"
            )),
            [super::UNKNOWN]
        );
        // Current labels, a runner group and computed values: nothing.
        for fine in [
            "${{ fromJSON('[\"self-hosted\", \"linux\"]') }}".to_string(),
            "${{ fromJSON('{\"group\":\"big\"}') }}".to_string(),
            m("${{ fromJSON('{\"os\":[\"ubuntu-24.04\",\"windows-2025\",\"macos-15\"]}') }}"),
            m("${{ fromJSON(vars.MATRIX) }}"),
            "${{ fromJSON(vars.RUNNER) }}".to_string(),
        ] {
            assert_eq!(codes(&fine), Vec::<&str>::new(), "{fine}");
        }
    }

    /// `(code, severity, message)` of every `runner-label` finding on one
    /// job's `runs-on`, with or without a listed set of labels.
    fn runner_findings(runs_on: &str, listed: bool) -> Vec<(&'static str, crate::diagnostic::Severity, String)> {
        let mut config = crate::config::Config::default();
        if listed {
            let file = b"self-hosted-runner:\n  labels: [gpu, fleet-*]\n";
            crate::actionlint_config::ActionlintConfig::parse(".github/actionlint.yaml", file)
                .0
                .apply_to(&mut config);
        }
        let src = format!("on: push\njobs:\n  j:\n    runs-on: {runs_on}\n    steps:\n      - run: make\n");
        crate::lint::lint(
            ".github/workflows/ci.yml",
            src.as_bytes(),
            &crate::lint::LintOptions::new(&config),
        )
        .into_iter()
        .filter(|d| d.rule == super::RULE.id)
        .map(|d| (d.code, d.severity, d.message))
        .collect()
    }

    #[test]
    fn a_custom_label_nothing_lists_is_an_info_note_never_a_warning() {
        use crate::diagnostic::Severity;
        // Beside `self-hosted` with no list, and in a runner group (also
        // through a matrix): a note naming the label, with a near default
        // label as a hint.
        for (runs_on, label) in [
            ("[self-hosted, gpu2]", "gpu2"),
            ("[self-hosted, linuxx]", "linuxx"),
            ("{group: big, labels: [ubuntu-lastest]}", "ubuntu-lastest"),
            ("{group: big, labels: team-box}", "team-box"),
            (
                "${{ matrix.r }}\n    strategy:\n      matrix:\n        r: [{group: g, labels: [big-box]}]",
                "big-box",
            ),
        ] {
            let found = runner_findings(runs_on, false);
            assert_eq!(found.len(), 1, "{runs_on}: {found:?}");
            let (code, severity, message) = &found[0];
            assert_eq!((*code, *severity), (super::UNLISTED, Severity::Info), "{runs_on}");
            assert!(message.contains(&format!("\"{label}\"")), "{message}");
        }
        assert!(
            runner_findings("[self-hosted, linuxx]", false)[0]
                .2
                .contains("did you mean \"linux\"")
        );
        // Hosted images, default labels and listed ones give nothing, in a group too.
        for ok in [
            "[self-hosted, linux, ARM64]",
            "{group: big, labels: [ubuntu-latest]}",
            "{group: big}",
            "ubuntu-24.04",
        ] {
            assert_eq!(runner_findings(ok, false), Vec::new(), "{ok}");
        }
        assert_eq!(runner_findings("{group: big, labels: [fleet-a]}", true), Vec::new());
        // With a list, an unlisted label beside `self-hosted` is a warning, not a note.
        let listed = runner_findings("[self-hosted, gpu2]", true);
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].0, listed[0].1), (super::UNKNOWN, Severity::Warning));
    }

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

    /// `job_oses`, `job_is_windows` and `job_is_github_hosted` of the
    /// first job of a workflow whose jobs section is `job`.
    fn read_job(job: &str) -> (Option<Vec<super::Os>>, Option<bool>, bool) {
        let src = format!("on: push\njobs:\n  a:\n{job}");
        let doc = crate::yaml::parse(src.as_bytes());
        let wf = crate::model::Workflow::new(doc.root.as_ref().unwrap());
        let job = &wf.jobs[0];
        (
            super::job_oses(job),
            super::job_is_windows(job),
            super::job_is_github_hosted(job),
        )
    }

    #[test]
    fn a_jobs_operating_systems_come_from_every_label_and_matrix_value() {
        use super::Os::{Linux, MacOs, Windows};
        for (job, oses, windows, hosted) in [
            ("    runs-on: ubuntu-latest\n", Some(vec![Linux]), Some(false), true),
            ("    runs-on: macOS-LATEST\n", Some(vec![MacOs]), Some(false), true),
            // The self-hosted OS label is capitalized; a substring test for
            // `windows` missed it.
            (
                "    runs-on: [self-hosted, Windows]\n",
                Some(vec![Windows]),
                Some(true),
                false,
            ),
            // `windows` inside a word of a custom label names no OS.
            ("    runs-on: [self-hosted, mywindowsbox]\n", None, None, false),
            ("    runs-on: [self-hosted, gpu]\n", None, None, false),
            ("    runs-on: my-runner\n", None, None, false),
            // Not a GitHub image although it begins like one.
            ("    runs-on: macos-14-arm64\n", Some(vec![MacOs]), Some(false), false),
            (
                "    runs-on: ubuntu-custom-gpu\n",
                Some(vec![Linux]),
                Some(false),
                false,
            ),
            (
                "    runs-on:\n      group: big\n      labels: [windows-2022]\n",
                Some(vec![Windows]),
                Some(true),
                true,
            ),
            ("    runs-on:\n      group: big\n", None, None, false),
            ("    runs-on: ${{ inputs.os }}\n", None, None, false),
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-14]\n",
                Some(vec![Linux, MacOs]),
                Some(false),
                true,
            ),
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - os: windows-latest\n",
                Some(vec![Linux, Windows]),
                None,
                true,
            ),
            // Matrix keys are compared ignoring case, as expressions do.
            (
                "    runs-on: ${{ matrix.OS }}\n    strategy:\n      matrix:\n        os: [windows-2025]\n",
                Some(vec![Windows]),
                Some(true),
                true,
            ),
            // A matrix value that is a runner group or a list of labels.
            (
                "    runs-on: ${{ matrix.cfg.runner }}\n    strategy:\n      matrix:\n        cfg:\n          - runner: {group: g, labels: [linux]}\n          - runner: [self-hosted, macOS]\n",
                Some(vec![Linux, MacOs]),
                Some(false),
                false,
            ),
            // One leg whose OS nobody knows makes the whole job unknown.
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, gpu-box]\n",
                None,
                None,
                false,
            ),
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix: ${{ fromJSON(inputs.m) }}\n",
                None,
                None,
                false,
            ),
            // `fromJSON()` of a literal, as the label or as the matrix (whole,
            // a key's values, an `include` row): GitHub expands the literal,
            // so its labels are the job's.
            (
                "    runs-on: ${{ fromJSON('[\"windows-2025\"]') }}\n",
                Some(vec![Windows]),
                Some(true),
                true,
            ),
            (
                "    runs-on: ${{ fromJSON('{\"group\":\"g\",\"labels\":[\"self-hosted\",\"macOS\"]}') }}\n",
                Some(vec![MacOs]),
                Some(false),
                false,
            ),
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix: ${{ fromJSON('{\"os\":[\"ubuntu-latest\",\"macos-15\"]}') }}\n",
                Some(vec![Linux, MacOs]),
                Some(false),
                true,
            ),
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: ${{ fromJSON('[\"windows-latest\"]') }}\n",
                Some(vec![Windows]),
                Some(true),
                true,
            ),
            (
                "    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - ${{ fromJSON('{\"os\":\"windows-latest\"}') }}\n",
                Some(vec![Linux, Windows]),
                None,
                true,
            ),
            // A literal that is not a label list says nothing.
            ("    runs-on: ${{ fromJSON('[1, [2]]') }}\n", None, None, false),
            // An expression that chooses between literal labels.
            (
                "    runs-on: ${{ github.repository == 'a/b' && 'depot-ubuntu-22.04-16' || 'ubuntu-latest' }}\n",
                Some(vec![Linux]),
                Some(false),
                false,
            ),
            (
                "    runs-on: ${{ startsWith(matrix.os, 'win') && 'windows-latest' || 'ubuntu-latest' }}\n",
                Some(vec![Linux, Windows]),
                None,
                true,
            ),
            // The text around an expression is in every value.
            (
                "    runs-on: macos-${{ matrix.v }}\n",
                Some(vec![MacOs]),
                Some(false),
                false,
            ),
            ("    runs-on: ${{ matrix.linux }}-box\n", None, None, false),
            // A context value can be any runner, whatever its fallback or name.
            (
                "    runs-on: ${{ vars.UBUNTU_SMALL || 'ubuntu-latest' }}\n",
                None,
                None,
                false,
            ),
            (
                "    runs-on: ${{ needs.prepare.outputs.runner_linux_x64 }}\n",
                None,
                None,
                false,
            ),
            // The OS from a literal label beside a matrix of other labels.
            (
                "    runs-on: [linux, '${{ matrix.size }}']\n    strategy:\n      matrix:\n        size: [small, large]\n",
                Some(vec![Linux]),
                Some(false),
                false,
            ),
        ] {
            assert_eq!(read_job(job), (oses, windows, hosted), "{job}");
        }
    }

    #[test]
    fn the_data_file_is_dated_and_parsed_whole() {
        let date = super::runner_data_date();
        assert_eq!(date.len(), 10, "{date}");
        let data_lines = super::DATA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && !l.starts_with("alias "))
            .count();
        // Every alias is a hosted label and names hosted images of its OS.
        for line in super::DATA.lines().filter_map(|l| l.strip_prefix("alias ")) {
            let alias = line.split_whitespace().next().unwrap_or_default();
            assert_eq!(super::label_status(alias), Some(super::LabelStatus::Hosted), "{alias}");
            let images = super::alias_images(alias).unwrap_or_default();
            assert!(!images.is_empty(), "{alias}");
            for image in images {
                assert_eq!(super::label_status(image), Some(super::LabelStatus::Hosted), "{image}");
                assert_eq!(super::os(image), super::os(alias), "{image}");
            }
        }
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
