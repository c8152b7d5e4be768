//! From findings to failures: merge repeated evidence, mark consequences of
//! earlier failures, and put the likely root cause first.

use super::rules::Strength;
use super::{Finding, JobState};
use crate::report::{Category, Failure, LogLocation, StepRef, SubjectDetail};

/// Lines within which two hits of one category are the same failure.
const MERGE_DISTANCE: u64 = 6;
const MAX_EVIDENCE: usize = 8;
const MAX_MINOR_FAILURES: usize = 3;

pub(crate) fn rank(jobs: Vec<JobState>) -> Vec<Failure> {
    let mut out = Vec::new();
    for job in jobs {
        out.extend(rank_job(job));
    }
    // A job-level cause (time limit, invalid workflow) or the earliest root
    // cause of each job keeps its job's order; across jobs, the most
    // confident fixable root causes come first.
    out.sort_by_key(|f| (f.consequence, is_minor(f)));
    out
}

fn is_minor(f: &Failure) -> bool {
    f.category == Category::Unknown && f.confidence < 0.3
}

fn rank_job(job: JobState) -> Vec<Failure> {
    let JobState {
        name, steps, findings, ..
    } = job;
    let mut merged = merge(findings);
    let consequences = mark_consequences(&merged);
    let mut order: Vec<usize> = (0..merged.len()).collect();
    order.sort_by_key(|&i| {
        let f = &merged[i];
        (consequences[i], strength_rank(f.hit.strength), !f.hit.job_level, f.line)
    });
    let has_strong = merged
        .iter()
        .zip(&consequences)
        .any(|(f, c)| !c && strength_rank(f.hit.strength) == 0);
    let mut failures = Vec::new();
    let mut minor = 0;
    for i in order {
        let f = &mut merged[i];
        let weak = strength_rank(f.hit.strength) > 0;
        if weak {
            if has_strong && f.hit.strength != Strength::Canceled {
                continue;
            }
            minor += 1;
            if minor > MAX_MINOR_FAILURES {
                continue;
            }
        }
        let step = f.step.and_then(|s| steps.get(s)).map(|s| StepRef {
            number: s.number,
            name: Some(s.name.clone()),
        });
        let mut failure = Failure {
            category: f.hit.category,
            subject: f.hit.subject.clone(),
            fixable: f.hit.fixable,
            confidence: f.hit.confidence,
            job: name.clone(),
            step,
            evidence: std::mem::take(&mut f.evidence),
            message: f.hit.message.clone(),
            span: None,
            fixes: Vec::new(),
            detail: f.hit.detail.clone(),
            consequence: consequences[i],
            location: LogLocation {
                file: f.props.as_ref().and_then(|p| p.file.clone()),
                line: f.props.as_ref().and_then(|p| p.line),
                column: f.props.as_ref().and_then(|p| p.column),
                script_line: f.script_line,
            },
        };
        if f.hit.category == Category::OptionalJob {
            match &name {
                Some(job) => {
                    failure.subject = Some(job.clone());
                    failure.detail = SubjectDetail::Runner {
                        failure: crate::report::RunnerFailure::ArchitectureMismatch,
                        runner: None,
                        job: Some(job.clone()),
                        confirmed_runs_on: None,
                    };
                    // Knowing the job is all the fix (`continue-on-error`) needs.
                    failure.fixable = true;
                }
                // Without the job's name there is nothing to mark optional.
                None => failure.fixable = false,
            }
        }
        if failure.consequence {
            failure.fixable = false;
            failure.confidence *= 0.4;
            failure.message = format!("Probably a consequence of an earlier failure: {}", failure.message);
        }
        if failure.category == Category::Unknown {
            failure.fixable = false;
        }
        failures.push(failure);
    }
    failures
}

fn strength_rank(s: Strength) -> u8 {
    match s {
        Strength::Specific | Strength::Blocker | Strength::InstallFailure => 0,
        Strength::Canceled => 1,
        Strength::StepFailed => 2,
        Strength::Weak => 3,
    }
}

/// Folds repeats (the same error printed per retry, a multi-line GitHub
/// message) into one finding with all the evidence.
fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for f in findings {
        let target = out.iter_mut().rev().take(4).find(|prev| same_failure(prev, &f));
        match target {
            Some(prev) => absorb(prev, f),
            None => out.push(f),
        }
    }
    out
}

fn same_failure(prev: &Finding, next: &Finding) -> bool {
    if prev.hit.category != next.hit.category || prev.step != next.step {
        return false;
    }
    if prev.hit.category == Category::Unknown && (prev.hit.strength != next.hit.strength) {
        return false;
    }
    let last = prev.evidence.last().map_or(prev.line, |e| e.line);
    let near = next.line.saturating_sub(last) <= MERGE_DISTANCE;
    if prev.hit.category == Category::YamlSyntax {
        // One invalid-workflow message spans lines with partial locations.
        return near;
    }
    let same_subject = prev.hit.subject.is_some() && prev.hit.subject == next.hit.subject;
    let compatible = prev.hit.subject.is_none() || next.hit.subject.is_none() || same_subject;
    same_subject || (near && compatible)
}

fn absorb(prev: &mut Finding, next: Finding) {
    for e in next.evidence {
        if prev.evidence.len() < MAX_EVIDENCE {
            prev.evidence.push(e);
        }
    }
    let a = &mut prev.hit;
    let b = next.hit;
    if a.category == Category::YamlSyntax {
        merge_workflow_location(a, &b);
    } else if a.subject.is_none() && b.subject.is_some() {
        a.subject = b.subject;
        a.detail = b.detail;
        a.fixable = b.fixable;
        a.message = b.message;
    }
    a.confidence = a.confidence.max(b.confidence);
    if strength_rank(b.strength) < strength_rank(a.strength) {
        a.strength = b.strength;
    }
    a.job_level |= b.job_level;
    if prev.props.is_none() {
        prev.props = next.props;
    }
    if prev.script_line.is_none() {
        prev.script_line = next.script_line;
    }
}

/// "Invalid workflow file: x.yml#L1" + "(Line: 10, Col: 3): …": the path from
/// one line, the most precise line number from another.
fn merge_workflow_location(a: &mut super::rules::Hit, b: &super::rules::Hit) {
    let (
        SubjectDetail::WorkflowLocation {
            path: pa,
            line: la,
            column: ca,
        },
        SubjectDetail::WorkflowLocation {
            path: pb,
            line: lb,
            column: cb,
        },
    ) = (&a.detail, &b.detail)
    else {
        return;
    };
    let b_better = *lb != 0 && (*la == 0 || b.confidence > a.confidence);
    let (line, column) = if b_better { (*lb, *cb) } else { (*la, *ca) };
    let path = pa.clone().or_else(|| pb.clone());
    a.detail = SubjectDetail::WorkflowLocation {
        path: path.clone(),
        line,
        column,
    };
    if line != 0 {
        a.subject = Some(line.to_string());
        a.fixable = true;
    }
    a.message = match &path {
        Some(p) if line != 0 => format!("The workflow file {p} is invalid at line {line}."),
        None if line != 0 => format!("The workflow file is invalid at line {line}."),
        _ => a.message.clone(),
    };
}

/// A file or command that goes missing after a step already failed (or an
/// install failed) is what that failure left behind, not the cause.
fn mark_consequences(findings: &[Finding]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].line);
    let mut out = vec![false; findings.len()];
    let mut failed_before = false;
    let mut anything_before = false;
    for i in order {
        let f = &findings[i];
        match f.hit.strength {
            Strength::Specific if !f.hit.job_level => out[i] = failed_before,
            Strength::Canceled => out[i] = anything_before,
            _ => {}
        }
        match f.hit.strength {
            Strength::StepFailed | Strength::InstallFailure => {
                failed_before = true;
                anything_before = true;
            }
            Strength::Specific | Strength::Blocker => anything_before = true,
            Strength::Canceled | Strength::Weak => {}
        }
    }
    out
}
