//! `job-needs`: `needs:` must name jobs that exist, and must not form a
//! cycle (GitHub rejects the workflow before any job runs).

use std::collections::{HashMap, HashSet};

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Label, Severity};
use autoheal_expr::suggest::suggest;

pub const RULE: Rule = Rule {
    id: "job-needs",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`needs:` must reference existing jobs, without duplicates or dependency cycles.",
    kinds: WORKFLOWS,
    codes: &[DUPLICATE, ITSELF, UNKNOWN_JOB, CYCLE],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Each job's `needs:`, and which jobs there are.
        paths: &["jobs.*.needs"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A job listed twice in `needs:`.
pub const DUPLICATE: &str = "job-needs/duplicate";
/// A job that needs itself.
pub const ITSELF: &str = "job-needs/itself";
/// A needed job that does not exist.
pub const UNKNOWN_JOB: &str = "job-needs/unknown-job";
/// Jobs that need each other in a cycle.
pub const CYCLE: &str = "job-needs/cycle";

/// Jobs named in the message about a missing one: every message listing
/// every job made a file of thousands of jobs print gigabytes.
const MAX_LISTED_JOBS: usize = 20;

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    let ids: Vec<&str> = wf.jobs.iter().map(|j| j.id).collect();
    // Job ids compare case-insensitively; the first of equal ids wins.
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        by_id.entry(id.to_ascii_lowercase()).or_insert(i);
    }
    let index_of = |name: &str| by_id.get(&name.to_ascii_lowercase()).copied();
    // Edges by job index, for the cycle search.
    let mut edges: Vec<Vec<(usize, crate::text::TextRange)>> = vec![Vec::new(); ids.len()];
    for (i, job) in wf.jobs.iter().enumerate() {
        let mut seen: HashSet<String> = HashSet::new();
        for need in job.needs() {
            let Some(name) = need.as_str() else { continue };
            if need.is_expression() {
                continue;
            }
            if !seen.insert(name.to_ascii_lowercase()) {
                ctx.report(need.span, format!("job \"{name}\" is listed twice in `needs:`"))
                    .set_code(DUPLICATE);
                continue;
            }
            match index_of(name) {
                Some(j) if j == i => {
                    ctx.report(need.span, format!("job \"{}\" needs itself", job.id))
                        .set_code(ITSELF);
                }
                Some(j) => edges[i].push((j, need.span)),
                None => {
                    let hint = suggest(name, &ids)
                        .map(|s| format!("; did you mean \"{s}\"?"))
                        .unwrap_or_default();
                    let known = match ids.len() {
                        0 => String::new(),
                        n if n <= MAX_LISTED_JOBS => format!(" (jobs: {})", ids.join(", ")),
                        n => format!(
                            " (jobs: {}, and {} more)",
                            ids[..MAX_LISTED_JOBS].join(", "),
                            n - MAX_LISTED_JOBS
                        ),
                    };
                    // Reported at the job, as actionlint does (a job whose
                    // needs cannot be met is what GitHub rejects), with the
                    // name itself labelled.
                    let d = ctx
                        .report(
                            job.entry.key.span,
                            format!(
                                "job \"{}\" needs job \"{name}\", which does not exist{hint}{known}",
                                job.id
                            ),
                        )
                        .set_code(UNKNOWN_JOB);
                    d.labels.push(crate::diagnostic::Label {
                        range: need.span,
                        message: "no job has this id".into(),
                    });
                }
            }
        }
    }
    let keys: Vec<crate::text::TextRange> = wf.jobs.iter().map(|j| j.entry.key.span).collect();
    report_cycles(ctx, &ids, &keys, &edges);
}

/// Depth-first search with colors; each cycle is reported once, at the key
/// of the job where it starts (the first of its jobs in the file), with the
/// `needs` entry that closes it as a label.
fn report_cycles(
    ctx: &mut Context<'_>,
    ids: &[&str],
    keys: &[crate::text::TextRange],
    edges: &[Vec<(usize, crate::text::TextRange)>],
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Color {
        White,
        Grey,
        Black,
    }
    let mut color = vec![Color::White; ids.len()];
    for start in 0..ids.len() {
        if color[start] != Color::White {
            continue;
        }
        // (node, next edge index); `path` mirrors the grey nodes.
        let mut stack = vec![(start, 0usize)];
        let mut path = vec![start];
        color[start] = Color::Grey;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            if let Some(&(to, span)) = edges[node].get(*next) {
                *next += 1;
                match color[to] {
                    Color::White => {
                        color[to] = Color::Grey;
                        stack.push((to, 0));
                        path.push(to);
                    }
                    Color::Grey => {
                        let from = path.iter().position(|n| *n == to).unwrap_or(0);
                        let mut cycle: Vec<&str> = path[from..].iter().map(|n| ids[*n]).collect();
                        cycle.push(ids[to]);
                        let d = ctx.report(
                            keys[to],
                            format!("dependency cycle between jobs: {}", cycle.join(" -> ")),
                        );
                        d.labels.push(Label {
                            range: span,
                            message: "this `needs` entry closes the cycle".into(),
                        });
                        d.set_code(CYCLE);
                    }
                    Color::Black => {}
                }
            } else {
                color[node] = Color::Black;
                stack.pop();
                path.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn thousands_of_jobs_get_short_messages_and_case_insensitive_lookups() {
        let jobs: String = (0..3000)
            .map(|i| format!("  j{i}:\n    runs-on: x\n    needs: [J{}, k{i}]\n", (i + 1) % 3000))
            .collect();
        let src = format!("on: push\njobs:\n{jobs}");
        let config = crate::config::Config::default();
        let opts = crate::lint::LintOptions {
            verify_fixes: false,
            ..crate::lint::LintOptions::new(&config)
        };
        let found: Vec<String> = crate::lint::lint(".github/workflows/ci.yml", src.as_bytes(), &opts)
            .into_iter()
            .filter(|d| d.rule == "job-needs")
            .map(|d| d.message)
            .collect();
        assert_eq!(found.len(), 3000 + 1, "one missing job each, and one cycle");
        let missing = found.iter().find(|m| m.contains("\"k0\"")).expect("k0 reported");
        assert!(missing.ends_with(", j18, j19, and 2980 more)"), "{missing}");
        assert!(found.iter().all(|m| m.len() < 300 || m.contains("cycle")), "{found:?}");
    }
}
