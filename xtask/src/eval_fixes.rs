//! `cargo xtask eval fixes [design|check|all]`: do diagnosed failures get a
//! right fix on real workflows nobody wrote for them?
//!
//! With `AUTOHEAL_EVAL_SITES` set, every site's outcome is listed under its
//! case (right, wrong place, fallback only, or no fix and why), so a change in
//! a case's count can be traced to the workflow and step that moved.
//!
//! For each case of `../shared/corpus/failure-logs`, the log is diagnosed
//! (no workflow given), and the kind of step that failed is defined from
//! the diagnosis alone ([`kind`]: a pytest step for a missing pytest
//! plugin, an `npm ci` step for an npm registry limit, a step using the
//! action the log's step header names, …). Every real workflow of
//! `../shared/corpus/workflows` with such a step (the first
//! [`MAX_SITES`] in path order) then gets the fix, as if the failure had
//! happened there: the job and step are named the way a log names them.
//! The repository each workflow comes from is given as its workflows and
//! action files, with an unknown listing (the corpus has no file trees).
//!
//! A site counts as *right* when the first fix that may be applied
//! automatically is verified (the generators only return verified fixes)
//! and every edit is in the failing job, at or before the failing step for
//! step failures (an install step inserted before it, an earlier install
//! line extended). Fixes that are display-only (`Applicability::DisplayOnly`:
//! shown to a person, never written by `fix --write` or heal) are not: a
//! site with only fallbacks among them (`Fix::fallback`, which hide the
//! failure) is counted apart as "fallback only", one with a display-only
//! guess is listed as "shown only" among the no-fix reasons. On `none` cases any fix offered at
//! all, fallbacks and display-only ones included, fails the run. Same held-out split as `eval logs`.

mod kind;

use std::collections::BTreeMap;
use std::path::Path;

use autoheal_engine::model::{Job, Workflow};
use autoheal_engine::repo::MemoryRepo;
use autoheal_engine::yaml::{self, Document, Node};
use autoheal_engine::{Fix, TextRange};
use autoheal_fixes::plan::Taken;
use autoheal_fixes::{FailureInput, StepRef, fixes_for};
use autoheal_logs::{Category, Failure, LogFile, LogInput, Options, WorkflowFile, analyze};
use rayon::prelude::*;

use crate::eval_logs::{EARLIER_CASES, FIRST_LATER_CASE, LATER_CASES, Set};
use kind::{Kind, Site, kind_of};

/// Workflows tried per failure, at most (the first in repository/path order).
pub const MAX_SITES: usize = 40;

struct CorpusWorkflow {
    repo: String,
    path: String,
    text: String,
    doc: Document,
}

/// The corpus: workflows, and every repository's files by original path.
struct Corpus {
    workflows: Vec<CorpusWorkflow>,
    repos: BTreeMap<String, MemoryRepo>,
}

fn load(corpus: &Path) -> anyhow::Result<Corpus> {
    let mut workflows = Vec::new();
    let mut files: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (manifest, is_workflow) in [("workflows/MANIFEST.tsv", true), ("actions/MANIFEST.tsv", false)] {
        let text = std::fs::read_to_string(corpus.join(manifest))?;
        for row in text.lines().skip(1) {
            let cols: Vec<&str> = row.split('\t').collect();
            let (Some(repo), Some(path), Some(file)) = (cols.first(), cols.get(1), cols.get(4)) else {
                continue;
            };
            let Ok(content) = std::fs::read_to_string(corpus.join(file)) else {
                continue;
            };
            files
                .entry(repo.to_string())
                .or_default()
                .push((path.to_string(), content.clone()));
            if is_workflow {
                let doc = yaml::parse(content.as_bytes());
                workflows.push(CorpusWorkflow {
                    repo: repo.to_string(),
                    path: path.to_string(),
                    text: content,
                    doc,
                });
            }
        }
    }
    workflows.sort_by(|a, b| (&a.repo, &a.path).cmp(&(&b.repo, &b.path)));
    let repos = files
        .into_iter()
        .map(|(repo, f)| (repo, MemoryRepo::new(f).with_unknown_listing()))
        .collect();
    Ok(Corpus { workflows, repos })
}

/// What happened at one site.
#[derive(Clone, Debug, PartialEq)]
enum SiteOutcome {
    Right(String),
    WrongPlace(String),
    FallbackOnly(String),
    /// Only display-only fixes (and perhaps a fallback): shown, never applied.
    ShownOnly(String),
    NoFix(String),
}

/// The job's name as a log shows it: `name:` (when it has no expression),
/// else the id; a matrix leg on a runner of the kind's class gets its values
/// (from the matrix, else from the `include` item that adds that runner).
fn log_job_name(job: &Job<'_>, kind: &Kind) -> String {
    let base = job.name().filter(|n| !n.contains("${{")).unwrap_or(job.id).to_string();
    let Kind::RunnerTied(class) = kind else { return base };
    let Some(matrix) = job.matrix().and_then(Node::as_mapping) else {
        return base;
    };
    let wanted = |v: &str| kind::label_class(v).is_some_and(|c| class.is_none_or(|want| want == c));
    let runs_on = job.get("runs-on").and_then(Node::as_str).unwrap_or("");
    let mut values = Vec::new();
    let mut on_wanted_runner = false;
    for e in matrix {
        let Some(key) = e.key.as_str().filter(|k| !matches!(*k, "include" | "exclude")) else {
            continue;
        };
        let items = e.value.as_sequence().unwrap_or_default();
        let pick = if runs_on.contains(&format!("matrix.{key}")) {
            let found = items.iter().filter_map(Node::as_str).find(|v| wanted(v));
            on_wanted_runner |= found.is_some();
            found
        } else {
            items.first().and_then(Node::as_str)
        };
        if let Some(v) = pick {
            values.push(v.to_string());
        }
    }
    if !on_wanted_runner {
        let added = matrix
            .iter()
            .find(|e| e.key.as_str() == Some("include"))
            .and_then(|e| e.value.as_sequence())
            .unwrap_or_default()
            .iter()
            .find(|item| {
                item.as_mapping().unwrap_or_default().iter().any(|f| {
                    f.key.as_str().is_some_and(|k| runs_on.contains(&format!("matrix.{k}")))
                        && f.value.as_str().is_some_and(wanted)
                })
            });
        if let Some(item) = added {
            values = item
                .as_mapping()
                .unwrap_or_default()
                .iter()
                .filter_map(|f| f.value.as_str().map(str::to_string))
                .collect();
        }
    }
    if values.is_empty() {
        base
    } else {
        format!("{base} ({})", values.join(", "))
    }
}

/// The step header a log gives: the first line of `run:`, or `uses:`.
fn log_step_header(step: &autoheal_engine::model::Step<'_>) -> String {
    let display = step.display_name();
    if let Some(run) = step.run().and_then(Node::as_str) {
        return run
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string();
    }
    step.uses().map(str::to_string).unwrap_or(display)
}

/// Does the fix of this failure need the workflow to confirm where the job
/// ran? A runner-tied failure is `fixable: false` without it (issue 12).
fn needs_workflow(failure: &Failure) -> bool {
    failure.category == Category::OptionalJob
}

/// The log analyzed again as `autoheal fix --workflow` does: with the
/// site's workflow, and the job named the way the log would name it.
fn with_workflow(log: &[u8], job_name: &str, w: &CorpusWorkflow) -> Option<Failure> {
    let input = LogInput {
        logs: vec![LogFile {
            job: Some(job_name),
            bytes: log,
        }],
        workflow: Some(WorkflowFile {
            path: &w.path,
            text: &w.text,
        }),
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).ok()?;
    analysis.root_cause().cloned()
}

fn try_site(
    failure: &Failure,
    log: &[u8],
    kind: &Kind,
    w: &CorpusWorkflow,
    site: &Site,
    repo: &MemoryRepo,
) -> SiteOutcome {
    let Some(root) = w.doc.root.as_ref() else {
        return SiteOutcome::NoFix("workflow does not parse".into());
    };
    let wf = Workflow::new(root);
    let Some(job) = wf.job(&site.job) else {
        return SiteOutcome::NoFix("job vanished".into());
    };
    let job_name = log_job_name(job, kind);
    let confirmed;
    let failure = if needs_workflow(failure) {
        match with_workflow(log, &job_name, w) {
            Some(f) if f.fixable && f.category == failure.category => {
                confirmed = f;
                &confirmed
            }
            Some(f) => return SiteOutcome::NoFix(f.message),
            None => return SiteOutcome::NoFix("the log no longer gives a failure with the workflow".into()),
        }
    } else {
        failure
    };
    let mut input = FailureInput::from(failure);
    input.job = Some(job_name);
    input.offset = None;
    input.script_line = None;
    input.step = site.step.and_then(|i| job.steps.get(i)).map(|s| StepRef {
        number: None,
        name: Some(log_step_header(s)),
    });
    if site.step.is_none() {
        input.step = None;
    }
    let outcome = fixes_for(&input, &w.path, &w.text, repo);
    let fix = match applied(&outcome.fixes) {
        Ok(fix) => fix,
        Err(outcome_without) => {
            return outcome_without
                .unwrap_or_else(|| SiteOutcome::NoFix(outcome.manual_reason.unwrap_or_else(|| "no fix".into())));
        }
    };
    match placement(fix, w, &wf, job, site) {
        Ok(()) => SiteOutcome::Right(fix.title.clone()),
        Err(why) => SiteOutcome::WrongPlace(format!("{}: {why}", fix.title)),
    }
}

/// The fix a site is judged by: the first that `fix --write` and heal may
/// write (not a fallback, not display-only). Without one, what the site got
/// instead: only display-only fixes, only a fallback, or (`None`) nothing.
/// The plan's own choice ([`autoheal_fixes::plan::taken`]).
fn applied(fixes: &[Fix]) -> Result<&Fix, Option<SiteOutcome>> {
    match autoheal_fixes::plan::taken(fixes) {
        Taken::Fix(fix) => Ok(fix),
        Taken::GuessOnly(shown) => Err(Some(SiteOutcome::ShownOnly(shown.title.clone()))),
        Taken::FallbackOnly(fallback) => Err(Some(SiteOutcome::FallbackOnly(fallback.title.clone()))),
        Taken::Nothing => Err(None),
    }
}

/// Every edit in the failing job (or in the workflow's `permissions:`), and
/// for step failures at or before the failing step, with at least one
/// edit on a step.
fn placement(fix: &Fix, w: &CorpusWorkflow, wf: &Workflow<'_>, job: &Job<'_>, site: &Site) -> Result<(), String> {
    let job_span = TextRange::new(job.entry.key.span.start, job.entry.value.span.end);
    let permissions = wf
        .root
        .entry("permissions")
        .map(|e| TextRange::new(e.key.span.start, e.value.span.end));
    let step_of = |at: usize| -> Option<usize> {
        job.steps.iter().position(|s| {
            let start = w.text[..s.node.span.start].rfind('\n').map_or(0, |i| i + 1);
            start <= at && at <= s.node.span.end
        })
    };
    let mut on_step = false;
    for e in &fix.edits {
        if e.path != w.path {
            let named = site.step.and_then(|i| job.steps.get(..=i)).is_some_and(|steps| {
                steps
                    .iter()
                    .any(|s| s.run().and_then(Node::as_str).is_some_and(|r| r.contains(&e.path)))
            });
            if !named {
                return Err(format!("edits `{}`, which no step up to the failing one names", e.path));
            }
            on_step = true;
            continue;
        }
        let inside = |r: TextRange| r.start <= e.range.start && e.range.end <= r.end;
        if !inside(job_span) && !permissions.is_some_and(inside) {
            return Err(format!(
                "edits bytes {}..{} outside job `{}`",
                e.range.start, e.range.end, job.id
            ));
        }
        if let (Some(target), Some(k)) = (site.step, step_of(e.range.start)) {
            if k > target {
                return Err(format!("edits step {} after the failing step {}", k + 1, target + 1));
            }
            on_step = true;
        }
    }
    if site.step.is_some() && !on_step {
        return Err("no edit touches the failing step or one before it".into());
    }
    Ok(())
}

#[derive(Default)]
struct Tally {
    cases: usize,
    fixed: usize,
    sites: usize,
    right: usize,
    wrong: usize,
    fallback: usize,
    none_cases: usize,
    fixes_on_none: usize,
    fixes_on_none_with_workflow: usize,
}

impl Tally {
    fn line(&self, label: &str) -> String {
        format!(
            "{label:<16} cases with a right fix {}/{}, sites right {}/{} (wrong place {}, fallback only {}), fixes on `none` cases {}/{} (+{} once a workflow confirms the runner)",
            self.fixed,
            self.cases,
            self.right,
            self.sites,
            self.wrong,
            self.fallback,
            self.fixes_on_none,
            self.none_cases,
            self.fixes_on_none_with_workflow
        )
    }
}

struct CaseReport {
    number: u32,
    line: String,
    details: Vec<String>,
    fixable: bool,
    fixed: bool,
    sites: usize,
    right: usize,
    wrong: usize,
    fallback: usize,
    fix_on_none: bool,
    fix_on_none_with_workflow: bool,
}

fn sites_for(corpus: &Corpus, kind: &Kind) -> Vec<(usize, Site)> {
    let mut out = Vec::new();
    for (i, w) in corpus.workflows.iter().enumerate() {
        let Some(root) = w.doc.root.as_ref() else { continue };
        let wf = Workflow::new(root);
        for site in kind.sites(&wf) {
            out.push((i, site));
        }
        if out.len() >= MAX_SITES {
            out.truncate(MAX_SITES);
            break;
        }
    }
    out
}

fn run_sites(corpus: &Corpus, failure: &Failure, log: &[u8], kind: &Kind) -> Vec<(String, SiteOutcome)> {
    let empty = MemoryRepo::default().with_unknown_listing();
    sites_for(corpus, kind)
        .par_iter()
        .map(|(i, site)| {
            let w = &corpus.workflows[*i];
            let repo = corpus.repos.get(&w.repo).unwrap_or(&empty);
            let at = format!("{}:{} job `{}`", w.repo, w.path, site.job);
            (at, try_site(failure, log, kind, w, site, repo))
        })
        .collect()
}

fn evaluate_case(corpus: &Corpus, name: &str, number: u32, log: &[u8], expected: &str) -> CaseReport {
    let input = LogInput {
        logs: vec![LogFile { job: None, bytes: log }],
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).unwrap_or_default();
    let mut report = CaseReport {
        number,
        line: String::new(),
        details: Vec::new(),
        fixable: expected != "none",
        fixed: false,
        sites: 0,
        right: 0,
        wrong: 0,
        fallback: 0,
        fix_on_none: false,
        fix_on_none_with_workflow: false,
    };
    if expected == "none" {
        // Two counts: fixes on failures fixable from the log alone (the
        // strict check), and fixes that appear only once a site's workflow
        // confirms a runner-tied failure (what `heal` would do there).
        let (mut offered, mut offered_with_workflow) = (Vec::new(), Vec::new());
        for f in analysis
            .failures
            .iter()
            .filter(|f| (f.fixable || needs_workflow(f)) && f.category != Category::Unknown)
        {
            let Ok(kind) = kind_of(f) else { continue };
            let list = if f.fixable {
                &mut offered
            } else {
                &mut offered_with_workflow
            };
            for (at, o) in run_sites(corpus, f, log, &kind) {
                match o {
                    SiteOutcome::Right(t)
                    | SiteOutcome::WrongPlace(t)
                    | SiteOutcome::FallbackOnly(t)
                    | SiteOutcome::ShownOnly(t) => list.push(format!("{at}: {t}")),
                    SiteOutcome::NoFix(_) => {}
                }
            }
        }
        report.fix_on_none = !offered.is_empty();
        report.fix_on_none_with_workflow = !offered_with_workflow.is_empty();
        let mark = if report.fix_on_none {
            "FIX-ON-NONE"
        } else if report.fix_on_none_with_workflow {
            "FIX-ON-NONE-WF"
        } else {
            "ok"
        };
        report.line = format!(
            "{mark:<11} {name:<62} none: {} fix(es) offered, {} more once a workflow confirms the runner",
            offered.len(),
            offered_with_workflow.len()
        );
        report.details = offered.into_iter().chain(offered_with_workflow).take(3).collect();
        return report;
    }
    let Some(root) = analysis
        .root_cause()
        .filter(|f| (f.fixable || needs_workflow(f)) && f.category != Category::Unknown)
    else {
        let got = analysis.root_cause().map_or("nothing".to_string(), |f| {
            format!(
                "{}{}",
                f.category.as_str(),
                if f.fixable { "" } else { " (not fixable)" }
            )
        });
        report.line = format!("{:<11} {name:<62} {expected}: diagnosed as {got}", "MISS");
        return report;
    };
    let kind = match kind_of(root) {
        Ok(k) => k,
        Err(why) => {
            report.line = format!("{:<11} {name:<62} {expected}: not measured: {why}", "MISS");
            return report;
        }
    };
    let results = run_sites(corpus, root, log, &kind);
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let list_sites = std::env::var_os("AUTOHEAL_EVAL_SITES").is_some();
    let mut sites = Vec::new();
    for (at, o) in &results {
        report.sites += 1;
        if list_sites {
            sites.push(match o {
                SiteOutcome::Right(t) => format!("site right {at}: {t}"),
                SiteOutcome::WrongPlace(t) => format!("site wrong place {at}: {t}"),
                SiteOutcome::FallbackOnly(t) => format!("site fallback only {at}: {t}"),
                SiteOutcome::ShownOnly(t) => format!("site shown only {at}: {t}"),
                SiteOutcome::NoFix(why) => format!("site no fix {at}: {why}"),
            });
        }
        match o {
            SiteOutcome::Right(_) => report.right += 1,
            SiteOutcome::WrongPlace(why) => {
                report.wrong += 1;
                report.details.push(format!("WRONG PLACE {at}: {why}"));
            }
            SiteOutcome::FallbackOnly(_) => report.fallback += 1,
            SiteOutcome::ShownOnly(t) => {
                *reasons
                    .entry(format!("only a display-only fix (shown, never applied): {t}"))
                    .or_default() += 1
            }
            SiteOutcome::NoFix(why) => *reasons.entry(generalize(why)).or_default() += 1,
        }
    }
    let mut reasons: Vec<(String, usize)> = reasons.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (why, n) in reasons.iter().take(2) {
        report.details.push(format!("no fix ×{n}: {why}"));
    }
    if let Some((at, SiteOutcome::Right(title))) = results.iter().find(|(_, o)| matches!(o, SiteOutcome::Right(_))) {
        report.details.insert(0, format!("e.g. {at}: {title}"));
    }
    report.details.extend(sites);
    report.fixed = report.right > 0;
    let mark = if report.fixed { "ok" } else { "MISS" };
    report.line = format!(
        "{mark:<11} {name:<62} {expected} [{}]: right {}/{}, wrong place {}, fallback only {}",
        kind.describe(),
        report.right,
        report.sites,
        report.wrong,
        report.fallback
    );
    report
}

/// A manual reason without the workflow-specific names, to group them.
fn generalize(why: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in why.chars() {
        match c {
            '`' | '"' => {
                quoted = !quoted;
                if quoted {
                    out.push('…');
                }
            }
            _ if quoted => {}
            _ => out.push(c),
        }
    }
    out.chars().take(160).collect()
}

pub fn run(corpus_dir: &Path, set: Set, root: &Path) -> anyhow::Result<()> {
    let corpus = load(corpus_dir)?;
    let mut reports = Vec::new();
    for (name, number, log) in set.cases(corpus_dir) {
        let sidecar: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(log.with_extension("json"))?)?;
        let expected = sidecar["expected_category"].as_str().unwrap_or("none").to_string();
        reports.push(evaluate_case(&corpus, &name, number, &std::fs::read(&log)?, &expected));
    }
    let (mut early, mut late, mut all) = (Tally::default(), Tally::default(), Tally::default());
    for r in &reports {
        println!("{}", r.line);
        for d in &r.details {
            println!("              {d}");
        }
        for t in [
            &mut all,
            if r.number < FIRST_LATER_CASE {
                &mut early
            } else {
                &mut late
            },
        ] {
            if r.fixable {
                t.cases += 1;
                t.fixed += usize::from(r.fixed);
                t.sites += r.sites;
                t.right += r.right;
                t.wrong += r.wrong;
                t.fallback += r.fallback;
            } else {
                t.none_cases += 1;
                t.fixes_on_none += usize::from(r.fix_on_none);
                t.fixes_on_none_with_workflow += usize::from(r.fix_on_none_with_workflow);
            }
        }
    }
    let label = set.label();
    println!("{}", early.line(&format!("{label} {EARLIER_CASES}")));
    println!("{}", late.line(&format!("{label} {LATER_CASES}")));
    println!("{}", all.line(&format!("{label} overall")));
    if all.fixes_on_none > 0 {
        anyhow::bail!("a fix was offered on a case no automatic fix should touch");
    }
    if set == Set::All {
        let floor = Floor::read(&root.join("docs/accuracy.md"))?;
        if all.fixed < floor.cases_fixed
            || all.right < floor.sites_right
            || all.wrong > floor.wrong_place
            || all.fixes_on_none_with_workflow > floor.none_with_workflow
        {
            anyhow::bail!(
                "fix accuracy dropped below docs/accuracy.md: cases {} (floor {}), sites right {} (floor {}), wrong place {} (at most {}), \
                 `none` cases fixed once a workflow confirms the runner {} (at most {})",
                all.fixed,
                floor.cases_fixed,
                all.right,
                floor.sites_right,
                all.wrong,
                floor.wrong_place,
                all.fixes_on_none_with_workflow,
                floor.none_with_workflow
            );
        }
        println!(
            "at or above the floor recorded in docs/accuracy.md (cases {}, sites right {}, wrong place at most {}, \
             `none` cases fixed once a workflow confirms the runner at most {})",
            floor.cases_fixed, floor.sites_right, floor.wrong_place, floor.none_with_workflow
        );
    }
    Ok(())
}

/// The figures recorded in `docs/accuracy.md`'s `eval-fixes-floor` block.
struct Floor {
    cases_fixed: usize,
    sites_right: usize,
    wrong_place: usize,
    /// `none` cases that get a fix only once a site's workflow confirms a
    /// runner-tied failure (a ratchet: each is listed in the page).
    none_with_workflow: usize,
}

impl Floor {
    fn read(path: &Path) -> anyhow::Result<Floor> {
        let [cases_fixed, sites_right, wrong_place, none_with_workflow] = crate::floor::read(
            path,
            "eval-fixes-floor",
            [
                "cases_fixed",
                "sites_right",
                "wrong_place_at_most",
                "none_fixed_with_workflow_at_most",
            ],
        )?;
        Ok(Floor {
            cases_fixed,
            sites_right,
            wrong_place,
            none_with_workflow,
        })
    }
}

#[cfg(test)]
mod applied_tests {
    use super::*;

    #[test]
    fn a_display_only_fix_is_not_the_fix_a_site_is_judged_by() {
        let fallback = Fix::fallback("Skip the step", vec![]);
        let shown = Fix::display_only("Use `db/sql/schema.sql`", vec![]);
        let written = Fix::unsafe_("Set `timeout-minutes`", vec![]);
        // Display-only first, then a fix heal writes: judged by the latter.
        let both = [shown.clone(), written.clone()];
        assert_eq!(applied(&both).map(|f| f.title.as_str()), Ok("Set `timeout-minutes`"));
        // Only a display-only fix (and a fallback): shown only, not right.
        let only_shown = [fallback.clone(), shown];
        assert!(matches!(applied(&only_shown), Err(Some(SiteOutcome::ShownOnly(t))) if t.contains("schema.sql")));
        assert!(matches!(applied(&[fallback]), Err(Some(SiteOutcome::FallbackOnly(_)))));
        assert!(matches!(applied(&[]), Err(None)));
    }
}
