//! Where the text a `${{ }}` pastes into a script comes from, and so how
//! likely an attacker chose it: event payload text anyone can write (an
//! issue title), inputs of a dispatch or a caller, refs and names whoever
//! can push chooses, dynamic matrix values, step outputs, and values fixed
//! by GitHub or the workflow. `${{ env.X }}` is followed to the `env:` entry
//! that sets `X` (the "env indirection": the variable still pastes its
//! value into the script).

use autoheal_expr::{BinaryOp, Expr, ExprKind, Span, untrusted_path_segments};

use crate::diagnostic::Confidence;
use crate::rules::audit::{self, HIGH, LOW, MEDIUM};
use crate::yaml::Node;

/// How much to trust a source, most dangerous first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// Free text of the event payload that anyone can write.
    Event,
    /// A `workflow_dispatch`/`workflow_call`/action input of type string.
    Input,
    /// A `choice` input: GitHub only accepts the listed options when the
    /// workflow is dispatched, but the options are those of the ref it is
    /// dispatched on, which whoever can push chooses.
    Choice,
    /// Refs, names and other payload text chosen by whoever can push.
    Ref,
    /// A matrix value computed by an expression.
    Matrix,
    /// A step's or job's output: depends on what the step wrote.
    Output,
    /// Values GitHub or the workflow fixes (SHAs, ids, secrets, paths).
    Fixed,
}

impl Tier {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Tier::Event => super::EVENT,
            Tier::Input | Tier::Choice => super::INPUT,
            Tier::Ref => super::REF,
            Tier::Matrix => super::MATRIX,
            Tier::Output => super::OUTPUT,
            Tier::Fixed => super::EXPANSION,
        }
    }
    pub(crate) fn level(self) -> (crate::diagnostic::AuditSeverity, Confidence) {
        match self {
            Tier::Event => (HIGH, Confidence::High),
            Tier::Input => (HIGH, Confidence::Medium),
            Tier::Choice => (MEDIUM, Confidence::Medium),
            Tier::Ref | Tier::Matrix => (MEDIUM, Confidence::Medium),
            Tier::Output | Tier::Fixed => (LOW, Confidence::Low),
        }
    }
    /// Shown without `--persona pedantic`.
    pub(crate) fn is_regular(self) -> bool {
        self <= Tier::Matrix
    }
}

/// One value an expression pastes into the script.
pub(crate) struct Leak {
    /// The access chain, relative to the parsed expression.
    pub span: Span,
    /// Its lowercased path (`github.event.issue.title`).
    pub path: String,
    pub tier: Tier,
}

/// What the workflow or action says about its inputs, matrix and env.
pub(crate) struct Scope<'a> {
    /// Inputs declared with a type that cannot carry text (boolean, number),
    /// and those limited to options (`choice`), lowercased.
    pub typed_inputs: Vec<(String, Tier)>,
    /// The job's `strategy.matrix`.
    pub matrix: Option<&'a Node>,
    /// `env:` mappings, innermost (the step's) first.
    pub envs: Vec<&'a Node>,
}

impl<'a> Scope<'a> {
    /// Inputs of `workflow_dispatch` and `workflow_call` (or of an action)
    /// whose type cannot carry text.
    pub(crate) fn typed_inputs(root: &Node) -> Vec<(String, Tier)> {
        let mut out = Vec::new();
        let mut read = |inputs: Option<&Node>| {
            for e in inputs.and_then(Node::as_mapping).unwrap_or_default() {
                let ty = e.value.get("type").and_then(Node::as_str).unwrap_or("string");
                let tier = match ty {
                    "boolean" | "number" => Tier::Fixed,
                    "choice" | "environment" => Tier::Choice,
                    _ => continue,
                };
                if let Some(name) = e.key.as_str() {
                    out.push((name.to_ascii_lowercase(), tier));
                }
            }
        };
        if let Some(on) = root.get("on") {
            read(on.get("workflow_dispatch").and_then(|d| d.get("inputs")));
            read(on.get("workflow_call").and_then(|d| d.get("inputs")));
        }
        out
    }
}

/// The values an expression can paste as text: `contains(…)`, comparisons
/// and `!` yield booleans, and `a && b` only returns `a` when it is falsy.
pub(crate) fn leaks(expr: &Expr, scope: &Scope<'_>) -> Vec<Leak> {
    leaks_within(expr, scope, 0)
}

fn leaks_within(expr: &Expr, scope: &Scope<'_>, depth: usize) -> Vec<Leak> {
    let mut out = Vec::new();
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Not(_) => {}
            ExprKind::Binary {
                op: BinaryOp::And,
                right,
                ..
            } => stack.push(right),
            ExprKind::Binary {
                op: BinaryOp::Or,
                left,
                right,
                ..
            } => stack.extend([&**left, &**right]),
            ExprKind::Binary { .. } => {}
            ExprKind::Call { name, args, .. } => {
                let lower = name.to_ascii_lowercase();
                if !matches!(
                    lower.as_str(),
                    "contains"
                        | "startswith"
                        | "endswith"
                        | "hashfiles"
                        | "success"
                        | "failure"
                        | "always"
                        | "cancelled"
                ) {
                    stack.extend(args.iter());
                }
            }
            ExprKind::Property { .. } | ExprKind::Index { .. } | ExprKind::Filter { .. } => {
                match audit::dotted(e) {
                    Some(path) => {
                        let tier = classify(&path, scope, depth);
                        if let Some(tier) = tier {
                            out.push(Leak {
                                span: e.span,
                                path,
                                tier,
                            });
                        }
                    }
                    // `fromJSON(x).y`: the text comes from `x`.
                    None => {
                        if let ExprKind::Property { receiver, .. }
                        | ExprKind::Index { receiver, .. }
                        | ExprKind::Filter { receiver } = &e.kind
                        {
                            stack.push(receiver);
                        }
                    }
                }
            }
            ExprKind::Variable(v) => {
                let path = v.to_ascii_lowercase();
                if let Some(tier) = classify(&path, scope, depth) {
                    out.push(Leak {
                        span: e.span,
                        path,
                        tier,
                    });
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|l| (l.span.start, l.span.end));
    out
}

/// Payload fields named like free text anyone can write.
const FREE_TEXT: &[&str] = &[
    "body",
    "title",
    "message",
    "description",
    "display_title",
    "text",
    "summary",
    "page_name",
    "head_branch",
    "head_ref",
    "email",
];

/// Payload fields that GitHub's webhook schemas type as integers or
/// booleans (pull request and issue counts, flags of repositories, pushes
/// and releases): their text is digits or `true`/`false`. An array or
/// object (`github.event.commits` of a push) pastes as `Array`/`Object`.
const NUMBERS_AND_FLAGS: &[&str] = &[
    "additions",
    "deletions",
    "changed_files",
    "commits",
    "comments",
    "review_comments",
    "distinct_size",
    "open_issues",
    "closed_issues",
    "forks",
    "watchers",
    "stargazers",
    "total_count",
    "child_comment_count",
    "position",
    "original_position",
    "line",
    "original_line",
    "start_line",
    "original_start_line",
    "duration",
    "mergeable",
    "rebaseable",
    "maintainer_can_modify",
    "delete_branch_on_merge",
    "prerelease",
    "immutable",
    "public",
    "archived",
    "disabled",
    "site_admin",
    "default",
    "protected",
    "web_commit_signoff_required",
    "+1",
    "-1",
];

/// Payload fields GitHub fixes, or whose format cannot carry shell syntax
/// (logins are letters, digits and `-`; ids and SHAs are numbers and hex).
fn is_fixed_field(last: &str) -> bool {
    NUMBERS_AND_FLAGS.contains(&last)
        || ["is_", "has_", "allow_"].iter().any(|p| last.starts_with(p))
        || matches!(
            last,
            "number"
                | "id"
                | "node_id"
                | "sha"
                | "login"
                | "action"
                | "state"
                | "type"
                | "size"
                | "merged"
                | "draft"
                | "private"
                | "fork"
                | "locked"
                | "forced"
                | "created"
                | "deleted"
                | "default_branch"
                | "full_name"
                | "owner"
                | "association"
                | "author_association"
                | "visibility"
                | "conclusion"
                | "status"
                | "event"
                | "run_number"
                | "run_attempt"
                | "workflow_id"
                | "check_suite_id"
                | "before"
                | "after"
        )
        || last.ends_with("_id")
        || last.ends_with("_sha")
        || last.ends_with("_at")
        || last.ends_with("_url")
        || last == "url"
        || last.ends_with("_count")
}

fn classify(path: &str, scope: &Scope<'_>, depth: usize) -> Option<Tier> {
    let segments: Vec<&str> = path.split('.').collect();
    let last = *segments.last()?;
    match segments[0] {
        "github" => Some(classify_github(path, &segments, scope)),
        "inputs" => Some(input_tier(segments.get(1).copied(), scope)),
        "steps" | "needs" | "jobs" => Some(Tier::Output),
        // A dynamic matrix usually lists names (`matrix.module`); a field of
        // a dynamic object (`matrix.config.arch`) is generated
        // configuration, reported only to pedantic users.
        "matrix" => Some(match matrix_tier(segments.get(1).copied(), scope) {
            Tier::Matrix if segments.len() > 2 => Tier::Output,
            tier => tier,
        }),
        "env" => {
            let name = segments.get(1)?;
            Some(env_tier(name, scope, depth).unwrap_or(Tier::Fixed))
        }
        _ if segments.len() == 1 && last.is_empty() => None,
        _ => Some(Tier::Fixed),
    }
}

fn classify_github(path: &str, segments: &[&str], scope: &Scope<'_>) -> Tier {
    if untrusted_path_segments()
        .iter()
        .any(|(_, p)| matches_pattern(p, segments))
    {
        return Tier::Event;
    }
    if let Some(rest) = path.strip_prefix("github.event.inputs.") {
        return input_tier(rest.split('.').next(), scope);
    }
    if segments.len() == 2 {
        return match segments[1] {
            "ref_name" | "ref" | "base_ref" => Tier::Ref,
            _ => Tier::Fixed,
        };
    }
    // The `schedule` event's payload holds the cron string that triggered
    // the run, which is text of the workflow file itself: whoever can change
    // it can change the script too.
    if segments.get(1) != Some(&"event") || segments.len() < 3 || path == "github.event.schedule" {
        return Tier::Fixed;
    }
    let last = segments[segments.len() - 1];
    if FREE_TEXT.contains(&last) {
        Tier::Event
    } else if is_fixed_field(last)
        || matches!(
            segments[2],
            "repository" | "organization" | "enterprise" | "installation"
        )
    {
        Tier::Fixed
    } else {
        Tier::Ref
    }
}

/// `UNTRUSTED_PATHS` entries use `*` for any index. The patterns come split
/// once ([`untrusted_path_segments`]): this runs for every entry of the list
/// on every `github.…` path of every expression in a script, and splitting
/// each pattern each time was most of the rule's classification.
fn matches_pattern(pattern: &[&str], segments: &[&str]) -> bool {
    pattern.len() <= segments.len() && pattern.iter().zip(segments).all(|(p, s)| p == s || *p == "*")
}

fn input_tier(name: Option<&str>, scope: &Scope<'_>) -> Tier {
    name.and_then(|n| scope.typed_inputs.iter().find(|(t, _)| t == n))
        .map_or(Tier::Input, |(_, tier)| *tier)
}

/// A matrix value is fixed when every value its key can take is written
/// in the workflow, also as a constant expression (`fromJSON('[20, 22]')`);
/// an expression reading anything anywhere it comes from makes it dynamic.
fn matrix_tier(key: Option<&str>, scope: &Scope<'_>) -> Tier {
    let Some(matrix) = scope.matrix else { return Tier::Fixed };
    if matrix.is_scalar() {
        return if is_computed(matrix) { Tier::Matrix } else { Tier::Fixed };
    }
    let Some(key) = key else {
        return if is_computed(matrix) { Tier::Matrix } else { Tier::Fixed };
    };
    let mut sources: Vec<&Node> = Vec::new();
    for e in matrix.as_mapping().unwrap_or_default() {
        let k = e.key.as_str().unwrap_or("").to_ascii_lowercase();
        if k == key {
            sources.push(&e.value);
        } else if k == "include" {
            if e.value.is_scalar() {
                sources.push(&e.value);
            }
            for item in e.value.as_sequence().unwrap_or_default() {
                if item.is_scalar() {
                    sources.push(item);
                }
                for ie in item.as_mapping().unwrap_or_default() {
                    if ie.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(key)) {
                        sources.push(&ie.value);
                    }
                }
            }
        }
    }
    if sources.iter().any(|s| is_computed(s)) {
        Tier::Matrix
    } else {
        Tier::Fixed
    }
}

/// Some string below `node` holds an expression whose value is not
/// written in the file (it reads a context or a status function).
fn is_computed(node: &Node) -> bool {
    audit::string_scalars(node).iter().any(|s| {
        s.as_str()
            .is_some_and(|v| v.contains("${{") && !autoheal_expr::is_constant_template(v))
    })
}

/// `${{ env.X }}`: the most dangerous source of the `env:` entry setting X.
fn env_tier(name: &str, scope: &Scope<'_>, depth: usize) -> Option<Tier> {
    if depth > 4 {
        return Some(Tier::Fixed);
    }
    let value = scope.envs.iter().find_map(|env| {
        env.as_mapping()?
            .iter()
            .find(|e| e.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
            .map(|e| &e.value)
    })?;
    let text = value.as_str()?;
    let mut best: Option<Tier> = None;
    for (_, expr) in audit::expressions(text) {
        for leak in leaks_within(&expr, scope, depth + 1) {
            best = Some(best.map_or(leak.tier, |b| b.min(leak.tier)));
        }
    }
    Some(best.unwrap_or(Tier::Fixed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_matches_a_path_it_is_a_prefix_of_with_any_index_for_star() {
        let path = |p: &'static str| p.split('.').collect::<Vec<_>>();
        let pattern = &path("github.event.commits.*.message");
        assert!(matches_pattern(pattern, &path("github.event.commits.0.message")));
        assert!(matches_pattern(pattern, &path("github.event.commits.*.message.length")));
        assert!(!matches_pattern(pattern, &path("github.event.commits.0")));
        assert!(!matches_pattern(pattern, &path("github.event.commits.0.author")));
        assert!(!matches_pattern(pattern, &path("github.event")));
        assert!(matches_pattern(&path("github"), &path("github.event")));
    }

    fn tiers(src: &str, scope: &Scope<'_>) -> Vec<(String, Tier)> {
        leaks(&autoheal_expr::parse(src).unwrap(), scope)
            .into_iter()
            .map(|l| (l.path, l.tier))
            .collect()
    }

    #[test]
    fn sources_by_trust() {
        let scope = Scope {
            typed_inputs: vec![("dry".into(), Tier::Fixed), ("kind".into(), Tier::Choice)],
            matrix: None,
            envs: vec![],
        };
        assert_eq!(
            tiers(
                "format('{0} {1} {2} {3} {4}', github.event.issue.title, inputs.name, inputs.dry, github.ref_name, github.event.inputs.kind)",
                &scope
            ),
            [
                ("github.event.issue.title".into(), Tier::Event),
                ("inputs.name".into(), Tier::Input),
                ("inputs.dry".into(), Tier::Fixed),
                ("github.ref_name".into(), Tier::Ref),
                ("github.event.inputs.kind".into(), Tier::Choice),
            ]
        );
        assert_eq!(
            tiers(
                "github.event.release.body || github.event.pull_request.number || github.actor || steps.x.outputs.y",
                &scope
            ),
            [
                ("github.event.release.body".into(), Tier::Event),
                ("github.event.pull_request.number".into(), Tier::Fixed),
                ("github.actor".into(), Tier::Fixed),
                ("steps.x.outputs.y".into(), Tier::Output),
            ]
        );
        assert!(tiers("github.event.issue.title == 'x' && 'a'", &scope).is_empty());
    }

    #[test]
    fn env_indirection_and_dynamic_matrices() {
        let doc = crate::yaml::parse(b"env:\n  T: ${{ github.event.issue.title }}\n  L: literal\nmatrix:\n  os: [a, b]\n  include:\n    - mod: ${{ fromJSON(needs.x.outputs.y) }}\n");
        let root = doc.root.as_ref().unwrap();
        let scope = Scope {
            typed_inputs: vec![],
            matrix: root.get("matrix"),
            envs: vec![root.get("env").unwrap()],
        };
        assert_eq!(tiers("env.T", &scope), [("env.t".into(), Tier::Event)]);
        assert_eq!(tiers("env.L", &scope), [("env.l".into(), Tier::Fixed)]);
        assert_eq!(tiers("matrix.os", &scope), [("matrix.os".into(), Tier::Fixed)]);
        assert_eq!(tiers("matrix.mod", &scope), [("matrix.mod".into(), Tier::Matrix)]);
        assert_eq!(
            tiers("matrix.mod.arch", &scope),
            [("matrix.mod.arch".into(), Tier::Output)]
        );
    }
}
