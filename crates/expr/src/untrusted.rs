//! Attacker-controlled inputs: `github` properties that anyone who can open an issue, push a
//! branch or send a pull request can fill with arbitrary text. Expanding them inside `run:` or a
//! `github-script` script allows script injection.

use crate::ast::{Expr, ExprKind};
use crate::span::Span;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Paths whose value is attacker-controlled, lowercased, `*` standing for any array index or
/// object key. Matches the family that actionlint and zizmor report.
pub const UNTRUSTED_PATHS: &[&str] = &[
    "github.event.comment.body",
    "github.event.commits.*.author.email",
    "github.event.commits.*.author.name",
    "github.event.commits.*.committer.email",
    "github.event.commits.*.committer.name",
    "github.event.commits.*.message",
    "github.event.discussion.body",
    "github.event.discussion.title",
    "github.event.head_commit.author.email",
    "github.event.head_commit.author.name",
    "github.event.head_commit.committer.email",
    "github.event.head_commit.committer.name",
    "github.event.head_commit.message",
    "github.event.issue.body",
    "github.event.issue.title",
    "github.event.pages.*.page_name",
    "github.event.pull_request.body",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.repo.default_branch",
    "github.event.pull_request.head.repo.description",
    "github.event.pull_request.title",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.workflow_run.display_title",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.author.email",
    "github.event.workflow_run.head_commit.author.name",
    "github.event.workflow_run.head_commit.committer.email",
    "github.event.workflow_run.head_commit.committer.name",
    "github.event.workflow_run.head_commit.message",
    "github.event.workflow_run.head_repository.description",
    "github.event.workflow_run.pull_requests.*.head.ref",
    "github.head_ref",
];

/// One attacker-controlled value read by an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntrustedInput {
    /// The canonical path, e.g. `github.event.pages.*.page_name` for `github.event.pages[0].page_name`.
    pub path: &'static str,
    /// The property access expression that reads it (from `github` to the last property).
    pub span: Span,
}

/// The untrusted inputs an expression reads, in source order. Index expressions are searched
/// too, so `a[github.event.issue.title]` is found.
pub fn untrusted_inputs(expr: &Expr) -> Vec<UntrustedInput> {
    let mut found = Vec::new();
    visit(expr, false, &mut found);
    found.sort_by_key(|u| (u.span.start, u.span.end));
    found
}

fn visit(expr: &Expr, in_chain: bool, found: &mut Vec<UntrustedInput>) {
    let is_access = matches!(
        expr.kind,
        ExprKind::Property { .. } | ExprKind::Index { .. } | ExprKind::Filter { .. }
    );
    if is_access
        && !in_chain
        && let Some(path) = access_segments(expr)
        && let Some(matched) = match_untrusted(&path)
    {
        found.push(UntrustedInput {
            path: matched,
            span: expr.span,
        });
    }
    match &expr.kind {
        ExprKind::Property { receiver, .. } | ExprKind::Filter { receiver } => visit(receiver, true, found),
        ExprKind::Index { receiver, index } => {
            visit(receiver, true, found);
            visit(index, false, found);
        }
        ExprKind::Call { args, .. } => args.iter().for_each(|a| visit(a, false, found)),
        ExprKind::Not(operand) => visit(operand, false, found),
        ExprKind::Binary { left, right, .. } => {
            visit(left, false, found);
            visit(right, false, found);
        }
        _ => {}
    }
}

/// The lowercased segments of a `var.a['b'][0].*` chain; `None` if it does not start at a variable.
pub fn access_path(expr: &Expr) -> Option<Vec<String>> {
    access_segments(expr).map(|segments| segments.into_iter().map(Cow::into_owned).collect())
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn access_segments(expr: &Expr) -> Option<Vec<Cow<'_, str>>> {
    let mut segments = Vec::new();
    let mut node = expr;
    loop {
        match &node.kind {
            ExprKind::Property { receiver, name, .. } => {
                segments.push(lower(name));
                node = receiver;
            }
            ExprKind::Index { receiver, index } => {
                segments.push(match &index.kind {
                    ExprKind::String(key) => lower(key),
                    _ => Cow::Borrowed("*"),
                });
                node = receiver;
            }
            ExprKind::Filter { receiver } => {
                segments.push(Cow::Borrowed("*"));
                node = receiver;
            }
            ExprKind::Variable(name) => {
                if !name.eq_ignore_ascii_case("github") {
                    return None;
                }
                segments.push(Cow::Borrowed("github"));
                segments.reverse();
                return Some(segments);
            }
            _ => return None,
        }
    }
}

/// [`UNTRUSTED_PATHS`], each with its segments (split at its dots once: a
/// caller matching many paths against the list splits no pattern again).
pub fn untrusted_path_segments() -> &'static [(&'static str, Vec<&'static str>)] {
    static SPLIT: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    SPLIT.get_or_init(|| UNTRUSTED_PATHS.iter().map(|p| (*p, p.split('.').collect())).collect())
}

/// The untrusted path that `path` reads, itself or as a prefix (`….title.length` still reads
/// the title).
fn match_untrusted(path: &[Cow<'_, str>]) -> Option<&'static str> {
    untrusted_path_segments().iter().find_map(|(pattern, segments)| {
        let hit = segments.len() <= path.len() && segments.iter().zip(path).all(|(p, s)| *p == s.as_ref());
        hit.then_some(*pattern)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    fn paths(src: &str) -> Vec<(&'static str, usize)> {
        untrusted_inputs(&parse(src).expect("parses"))
            .into_iter()
            .map(|u| (u.path, u.span.start))
            .collect()
    }

    #[test]
    fn direct_paths() {
        assert_eq!(paths("github.event.issue.title"), vec![("github.event.issue.title", 0)]);
        assert_eq!(paths("github.head_ref"), vec![("github.head_ref", 0)]);
        assert_eq!(
            paths("GitHub.Event.Pull_Request.Head.Ref"),
            vec![("github.event.pull_request.head.ref", 0)]
        );
        assert_eq!(
            paths("github['event']['comment'].body"),
            vec![("github.event.comment.body", 0)]
        );
    }

    #[test]
    fn wildcards_from_indexes_and_filters() {
        assert_eq!(
            paths("github.event.commits[0].message"),
            vec![("github.event.commits.*.message", 0)]
        );
        assert_eq!(
            paths("join(github.event.commits.*.author.name, ',')"),
            vec![("github.event.commits.*.author.name", 5)]
        );
    }

    #[test]
    fn nested_inside_indexes() {
        let src = "github.event.pages[github.event.commits[github.event.issue.title].author.name].page_name";
        assert_eq!(
            paths(src),
            vec![
                ("github.event.pages.*.page_name", 0),
                ("github.event.commits.*.author.name", 19),
                ("github.event.issue.title", 40),
            ]
        );
    }

    #[test]
    fn trusted_paths_are_not_reported() {
        assert!(paths("github.event.issue.number").is_empty());
        assert!(paths("github.event.issue").is_empty());
        assert!(paths("github.ref == 'x' && steps.x.outputs.title").is_empty());
        assert!(paths("event.issue.title").is_empty());
        assert!(paths("fromJSON(x).github.head_ref").is_empty());
    }

    #[test]
    fn deeper_reads_count() {
        assert_eq!(
            paths("github.event.issue.title.foo"),
            vec![("github.event.issue.title", 0)]
        );
    }

    #[test]
    fn paths_are_lowercase_and_well_formed() {
        for p in UNTRUSTED_PATHS {
            assert_eq!(*p, p.to_ascii_lowercase());
            assert!(p.starts_with("github."));
            assert!(!p.split('.').any(str::is_empty));
        }
    }
}
