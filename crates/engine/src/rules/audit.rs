//! What the security audits (zizmor's family: `dangerous-triggers`,
//! `excessive-permissions`, `unpinned-uses`, …) share: the levels they
//! report at, the workflow's triggers, every step with its job, and
//! `uses:` matching.

use autoheal_expr::{Expr, find_expressions, parse};

use super::Context;
use crate::diagnostic::{AuditSeverity, Confidence, Severity};
use crate::model::{FileKind, Job};
use crate::yaml::{Node, NodeKind};

/// The audits' own severity scale (zizmor's), short names for the rules.
pub const HIGH: AuditSeverity = AuditSeverity::High;
pub const MEDIUM: AuditSeverity = AuditSeverity::Medium;
pub const LOW: AuditSeverity = AuditSeverity::Low;

/// The checks whose findings are errors when they are of high severity and
/// high confidence: ways for someone outside the repository to run code
/// with its token or secrets (or a secret committed in clear), which a
/// healthy repository does not have. Everything else an audit reports is
/// hardening advice that a healthy repository may well lack (unpinned
/// actions, a missing `permissions:` block, a `pull_request_target`
/// trigger used carefully), so it is never an error by default.
pub const ERROR_CHECKS: &[&str] = &[
    // A pwn request: the pull request's code, checked out and then run.
    super::dangerous_triggers::UNTRUSTED_CHECKOUT,
    // Event payload text (an issue title, a branch name) pasted into a script.
    super::template_injection::EVENT,
    // Event payload text written to $GITHUB_ENV/$GITHUB_PATH under a privileged trigger.
    super::github_env::UNTRUSTED_WRITE,
    // A password written in the workflow.
    super::hardcoded_container_credentials::PASSWORD,
    // A condition that is always true, whatever it says.
    super::unsound_condition::ALWAYS_TRUE,
];

/// The diagnostic severity (which decides whether `check` fails) of an
/// audit finding: an error only for the [`ERROR_CHECKS`] at high severity
/// and confidence, a note (never failing) for low severity or low
/// confidence, a warning for the rest.
pub fn diagnostic_severity(code: &str, severity: AuditSeverity, confidence: Confidence) -> Severity {
    if severity == AuditSeverity::Low || confidence == Confidence::Low {
        Severity::Info
    } else if severity == AuditSeverity::High && confidence == Confidence::High && ERROR_CHECKS.contains(&code) {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// The security audits, each with the highest severity it reports (SARIF's
/// rule-level `security-severity`).
pub const SECURITY_RULES: &[(&str, AuditSeverity)] = &[
    ("artipacked", HIGH),
    ("bot-conditions", HIGH),
    ("cache-poisoning", HIGH),
    ("dangerous-triggers", HIGH),
    ("excessive-permissions", HIGH),
    ("github-env", HIGH),
    ("hardcoded-container-credentials", HIGH),
    ("insecure-commands", HIGH),
    ("overprovisioned-secrets", MEDIUM),
    ("secrets-inherit", MEDIUM),
    ("template-injection", HIGH),
    ("unpinned-images", HIGH),
    ("unpinned-uses", HIGH),
    ("unredacted-secrets", MEDIUM),
    ("unsound-condition", HIGH),
    ("unsound-contains", HIGH),
];

pub fn is_security_rule(id: &str) -> bool {
    rule_audit_severity(id).is_some()
}

/// The highest severity a security audit reports; `None` for other rules.
pub fn rule_audit_severity(id: &str) -> Option<AuditSeverity> {
    SECURITY_RULES.iter().find(|(r, _)| *r == id).map(|(_, s)| *s)
}

/// What a run of one of [`OTHERS_CONTENT_TRIGGERS`] acts on that someone
/// other than the user who triggered it may have written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OthersContent {
    /// Code: the run holds the base repository's token and secrets while
    /// anyone (a fork's author, a commenter) can start it, and it may check
    /// out or download what a fork wrote (a pull request's head, a fork's
    /// run and its artifacts, a pull request named in a comment). These
    /// are the privileged triggers the audits weigh ([`is_privileged_trigger`]).
    Code,
    /// Text: an issue, review or discussion (or a comment on one) that
    /// anyone may write, which the run reads or echoes.
    Text,
}

/// The one list of events whose run is in the base repository's context
/// but acts on content someone other than its triggering user may have
/// written: the audits read its [`OthersContent::Code`] rows as the
/// privileged triggers, and the heal loop (`crates/github`'s
/// `decide::trust`) trusts no run of any of them to choose a commit,
/// whoever triggered it (a maintainer who labels a fork's pull request
/// "safe to test" starts a run whose log the fork's code printed).
/// `pull_request_review` and `pull_request_review_comment` runs of a
/// fork's pull request get the fork's commit and no secrets, like
/// `pull_request`; on a pull request of this repository the review's text
/// is someone else's.
pub const OTHERS_CONTENT_TRIGGERS: &[(&str, OthersContent)] = &[
    ("pull_request_target", OthersContent::Code),
    ("workflow_run", OthersContent::Code),
    ("issue_comment", OthersContent::Code),
    ("issues", OthersContent::Text),
    ("pull_request_review", OthersContent::Text),
    ("pull_request_review_comment", OthersContent::Text),
    ("discussion", OthersContent::Text),
    ("discussion_comment", OthersContent::Text),
];

/// What a run of `event` acts on that others may have written, if anything.
pub fn others_content(event: &str) -> Option<OthersContent> {
    OTHERS_CONTENT_TRIGGERS
        .iter()
        .find(|(name, _)| *name == event)
        .map(|(_, content)| *content)
}

/// Triggers that run with the base repository's token and secrets while
/// anyone (a fork's author, a commenter) can start them, and may run what a
/// fork wrote: the [`OthersContent::Code`] rows of the one list.
pub fn privileged_triggers() -> impl Iterator<Item = &'static str> {
    OTHERS_CONTENT_TRIGGERS
        .iter()
        .filter(|(_, content)| *content == OthersContent::Code)
        .map(|(name, _)| *name)
}

/// Whether `event` is one of [`privileged_triggers`].
pub fn is_privileged_trigger(event: &str) -> bool {
    others_content(event) == Some(OthersContent::Code)
}

/// One step, with the job it belongs to (`None` in a composite action).
pub struct StepRef<'a> {
    pub job: Option<&'a Job<'a>>,
    pub index: usize,
    pub node: &'a Node,
}

/// A job that never runs (`if: false`), as a way to switch it off: its
/// steps are no risk, as zizmor also judges.
pub fn job_disabled(job: &Job<'_>) -> bool {
    job.get("if")
        .and_then(Node::as_str)
        .is_some_and(|c| matches!(c.trim(), "false" | "${{ false }}" | "${{false}}"))
}

/// Every step of the file: the jobs' steps of a workflow (jobs switched
/// off with `if: false` left out), `runs.steps` of a composite action.
pub fn steps<'a>(ctx: &Context<'a>) -> Vec<StepRef<'a>> {
    match (ctx.kind, ctx.workflow) {
        (FileKind::Workflow, Some(wf)) => wf
            .jobs
            .iter()
            .filter(|job| !job_disabled(job))
            .flat_map(|job| {
                job.steps.iter().map(move |s| StepRef {
                    job: Some(job),
                    index: s.index,
                    node: s.node,
                })
            })
            .collect(),
        (FileKind::Action, _) => ctx
            .root()
            .map(crate::model::composite_steps)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(index, node)| StepRef { job: None, index, node })
            .collect(),
        _ => Vec::new(),
    }
}

/// The events of `on:` as written: the scalar, the list items or the
/// mapping's keys, each the node to point at.
pub fn triggers(root: &Node) -> Vec<(&str, &Node)> {
    let Some(on) = root.get("on") else { return Vec::new() };
    match &on.kind {
        NodeKind::Scalar(s) => vec![(s.value.as_str(), on)],
        NodeKind::Sequence(items) => items.iter().filter_map(|i| Some((i.as_str()?, i))).collect(),
        NodeKind::Mapping(entries) => entries.iter().filter_map(|e| Some((e.key.as_str()?, &e.key))).collect(),
    }
}

pub fn has_trigger(root: &Node, name: &str) -> bool {
    triggers(root).iter().any(|(t, _)| *t == name)
}

/// `owner/repo[/path]` of a step's remote `uses:`, lowercased, without the ref.
pub fn action_name(step: &Node) -> Option<String> {
    let uses = step.get("uses")?.as_str()?;
    let (name, _) = uses.split_once('@')?;
    if name.starts_with("./") || name.starts_with("docker://") {
        return None;
    }
    Some(name.to_ascii_lowercase())
}

/// The ref after `@` of a step's `uses:`.
pub fn action_ref(step: &Node) -> Option<&str> {
    step.get("uses")?.as_str()?.rsplit_once('@').map(|(_, r)| r)
}

/// The major version of a `uses:` ref like `v3` or `v3.5.0`; `None` for a
/// SHA or a branch.
pub fn major_version(step: &Node) -> Option<u32> {
    let r = action_ref(step)?.strip_prefix('v')?;
    r.split('.').next()?.parse().ok()
}

/// Is the step `uses: <name>@…` (`name` lowercase, `owner/repo` or a path in it)?
pub fn uses_action(step: &Node, name: &str) -> bool {
    action_name(step).is_some_and(|n| n == name)
}

/// A `with:` input of a step.
pub fn input<'a>(step: &'a Node, key: &str) -> Option<&'a Node> {
    step.get("with")?.get(key)
}

/// An edit setting `with: {key: value}` on a step: a new entry in its
/// `with:` mapping, or a new `with:` after the step's `uses:`. `None` when
/// the input is already set or the layout is not one these edits handle.
pub fn set_input(ctx: &Context<'_>, step: &Node, key: &str, value: &str) -> Option<crate::diagnostic::Edit> {
    let (path, source) = (ctx.path, ctx.source);
    use crate::edit;
    match step.get("with") {
        Some(with) if with.get(key).is_some() => None,
        Some(with) if with.as_mapping().is_some_and(|e| !e.is_empty()) => {
            edit::insert_entry(path, source, with, None, key, value)
        }
        Some(_) => None,
        None => {
            if edit::is_flow(source, step) {
                let close = step.span.end.checked_sub(1)?;
                return Some(crate::diagnostic::Edit::insert(
                    path,
                    close,
                    format!(", with: {{{key}: {value}}}"),
                ));
            }
            let entries = step.as_mapping()?;
            let uses = entries.iter().find(|e| e.key.as_str() == Some("uses"))?;
            let col = edit::column(source, entries.first()?.key.span.start);
            let eol = edit::line_ending(source);
            let at = edit::line_end(source, uses.value.span.end);
            let unit = ctx.indent_unit();
            Some(crate::diagnostic::Edit::insert(
                path,
                at,
                format!(
                    "{eol}{}with:{eol}{}{key}: {value}",
                    " ".repeat(col),
                    " ".repeat(col + unit)
                ),
            ))
        }
    }
}

/// The parsed `${{ }}` expressions of a string value, with their offsets
/// (of the inner text) in the value.
pub fn expressions(value: &str) -> Vec<(usize, Expr)> {
    if !autoheal_expr::contains_expression(value) {
        return Vec::new();
    }
    find_expressions(value)
        .into_iter()
        .filter(|e| e.closed)
        .filter_map(|e| {
            let inner = e.inner_text(value);
            parse(inner).ok().map(|x| (e.inner.start, x))
        })
        .collect()
}

/// One expression of the file: `${{ }}` in any value, or a bare `if:`.
pub struct FoundExpr<'a> {
    pub node: &'a Node,
    /// Where the parsed text starts in the node's value.
    pub offset: usize,
    pub expr: Expr,
    /// The value of an `if:` key.
    pub condition: bool,
}

impl FoundExpr<'_> {
    /// The file range of a sub-expression.
    pub fn range(&self, source: &str, span: autoheal_expr::Span) -> crate::text::TextRange {
        let start = file_offset(source, self.node, self.offset + span.start);
        let end = file_offset(source, self.node, self.offset + span.end).max(start);
        crate::text::TextRange::new(start, end)
    }
}

/// Every expression below `root`, in document order.
pub fn all_expressions(root: &Node) -> Vec<FoundExpr<'_>> {
    let mut out = Vec::new();
    collect_expressions(root, false, &mut out);
    out
}

fn collect_expressions<'a>(node: &'a Node, condition: bool, out: &mut Vec<FoundExpr<'a>>) {
    match &node.kind {
        NodeKind::Scalar(s) => {
            let value = s.value.as_str();
            if autoheal_expr::contains_expression(value) {
                out.extend(expressions(value).into_iter().map(|(offset, expr)| FoundExpr {
                    node,
                    offset,
                    expr,
                    condition,
                }));
            } else if condition
                && !value.trim().is_empty()
                && let Ok(expr) = parse(value)
            {
                out.push(FoundExpr {
                    node,
                    offset: 0,
                    expr,
                    condition,
                });
            }
        }
        NodeKind::Sequence(items) => items.iter().for_each(|i| collect_expressions(i, false, out)),
        NodeKind::Mapping(entries) => {
            for e in entries {
                let is_if = e.key.as_str() == Some("if");
                collect_expressions(&e.value, is_if, out);
            }
        }
    }
}

/// Report, for every expression of the file, each sub-expression `find`
/// returns: the shared loop of the expression audits.
pub fn report_in_expressions(
    ctx: &mut Context<'_>,
    code: &'static str,
    level: (AuditSeverity, Confidence),
    message: &str,
    find: fn(&Expr) -> Vec<autoheal_expr::Span>,
) {
    for found in ctx.expressions() {
        for span in find(&found.expr) {
            let range = found.range(ctx.source, span);
            ctx.report_audit(code, level.0, level.1, range, message);
        }
    }
}

/// The names of the secrets the expressions below `node` read
/// (`secrets.NAME`, `secrets['NAME']`), as written, each once. Text outside
/// `${{ }}` (a comment, a script's words) names no secret.
pub fn secret_names(node: &Node) -> Vec<String> {
    use autoheal_expr::ExprKind;
    let is_secrets = |e: &Expr| matches!(&e.kind, ExprKind::Variable(v) if v.eq_ignore_ascii_case("secrets"));
    let mut names: Vec<String> = Vec::new();
    for found in all_expressions(node) {
        found.expr.walk(&mut |e| {
            let name = match &e.kind {
                ExprKind::Property { receiver, name, .. } if is_secrets(receiver) => Some(name.as_str()),
                ExprKind::Index { receiver, index } if is_secrets(receiver) => match &index.kind {
                    ExprKind::String(s) => Some(s.as_str()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(n) = name.filter(|n| !names.iter().any(|m| m.eq_ignore_ascii_case(n))) {
                names.push(n.to_string());
            }
        });
    }
    names
}

/// Every string scalar below `node`, with the node.
pub fn string_scalars(node: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    collect_scalars(node, &mut out);
    out
}

fn collect_scalars<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    match &node.kind {
        NodeKind::Scalar(_) => out.push(node),
        NodeKind::Sequence(items) => items.iter().for_each(|i| collect_scalars(i, out)),
        NodeKind::Mapping(entries) => entries.iter().for_each(|e| collect_scalars(&e.value, out)),
    }
}

/// The lowercased dotted path of a property chain (`github.event.x`), `*`
/// for indexes that are not string literals.
pub fn dotted(expr: &Expr) -> Option<String> {
    let mut segments = Vec::new();
    let mut node = expr;
    loop {
        match &node.kind {
            autoheal_expr::ExprKind::Property { receiver, name, .. } => {
                segments.push(name.to_ascii_lowercase());
                node = receiver;
            }
            autoheal_expr::ExprKind::Index { receiver, index } => {
                segments.push(match &index.kind {
                    autoheal_expr::ExprKind::String(s) => s.to_ascii_lowercase(),
                    _ => "*".into(),
                });
                node = receiver;
            }
            autoheal_expr::ExprKind::Filter { receiver } => {
                segments.push("*".into());
                node = receiver;
            }
            autoheal_expr::ExprKind::Variable(v) => {
                segments.push(v.to_ascii_lowercase());
                segments.reverse();
                return Some(segments.join("."));
            }
            _ => return None,
        }
    }
}

/// The offset in the file of byte `offset` of a scalar's value, when the
/// scalar maps exactly (plain or quoted one-liners without escapes, literal
/// blocks); otherwise the scalar's start.
pub fn file_offset(source: &str, node: &Node, offset: usize) -> usize {
    super::expression::ScalarSource::new(source, node)
        .and_then(|m| m.exact(offset))
        .unwrap_or(node.span.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml;

    /// One list answers both questions: the audits' privileged triggers are its code rows,
    /// and every event in it (code or text) acts on others' content.
    #[test]
    fn privileged_triggers_are_the_code_rows_of_the_one_list() {
        let privileged: Vec<&str> = privileged_triggers().collect();
        assert_eq!(privileged, ["pull_request_target", "workflow_run", "issue_comment"]);
        for (event, content) in OTHERS_CONTENT_TRIGGERS {
            assert_eq!(others_content(event), Some(*content), "{event}");
            assert_eq!(is_privileged_trigger(event), *content == OthersContent::Code, "{event}");
        }
        for own in [
            "push",
            "pull_request",
            "schedule",
            "workflow_dispatch",
            "merge_group",
            "",
        ] {
            assert_eq!(others_content(own), None, "{own}");
            assert!(!is_privileged_trigger(own), "{own}");
        }
    }

    #[test]
    fn secret_names_come_from_expressions_only() {
        let src = "# secrets.IN_COMMENT\njobs:\n  a:\n    steps:\n      - run: echo secrets.IN_SCRIPT ${{ secrets.Hub_User }}\n        env:\n          T: ${{ secrets['HUB_TOKEN'] || secrets.hub_user }}\n";
        let doc = crate::yaml::parse(src.as_bytes());
        assert_eq!(secret_names(doc.root.as_ref().unwrap()), ["Hub_User", "HUB_TOKEN"]);
    }

    #[test]
    fn triggers_in_every_form() {
        for (src, want) in [
            ("on: push\n", vec!["push"]),
            ("on: [push, pull_request_target]\n", vec!["push", "pull_request_target"]),
            (
                "on:\n  workflow_run:\n    workflows: [ci]\n  push:\n",
                vec!["workflow_run", "push"],
            ),
        ] {
            let doc = yaml::parse(src.as_bytes());
            let names: Vec<&str> = triggers(doc.root.as_ref().unwrap()).into_iter().map(|t| t.0).collect();
            assert_eq!(names, want, "{src}");
        }
    }

    #[test]
    fn only_likely_exploits_are_errors() {
        use Confidence as C;
        let sev = |code, s, c| diagnostic_severity(code, s, c);
        assert_eq!(sev("template-injection/event", HIGH, C::High), Severity::Error);
        assert_eq!(
            sev("dangerous-triggers/untrusted-checkout", HIGH, C::High),
            Severity::Error
        );
        // The same check, less sure: a warning.
        assert_eq!(
            sev("dangerous-triggers/untrusted-checkout", HIGH, C::Medium),
            Severity::Warning
        );
        // High and certain, but hardening advice: a warning.
        assert_eq!(sev("unpinned-images/latest", HIGH, C::High), Severity::Warning);
        assert_eq!(sev("excessive-permissions/write-all", HIGH, C::High), Severity::Warning);
        // Low severity or low confidence never fails `check`.
        assert_eq!(sev("template-injection/event", HIGH, C::Low), Severity::Info);
        assert_eq!(
            sev("excessive-permissions/workflow-write", LOW, C::High),
            Severity::Info
        );
        for code in ERROR_CHECKS {
            let rule = code.split('/').next().unwrap_or(code);
            assert!(is_security_rule(rule), "{code} is not an audit's check");
        }
    }

    /// Each error check is a code its rule really reports, at error: a
    /// renamed code would otherwise silently stop failing `check`.
    #[test]
    fn every_error_check_is_reported_as_an_error() {
        let src = "on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    container:\n      image: r/i:1\n      credentials: {username: me, password: hackme}\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n      - if: |\n          ${{ false }}\n        run: echo \"${{ github.event.pull_request.title }}\"\n      - run: echo \"T=${{ github.event.pull_request.title }}\" >> $GITHUB_ENV\n";
        let errors: Vec<&str> = crate::rules::test_support::lint_str(src)
            .into_iter()
            .filter(|d| d.severity == Severity::Error && d.audit_severity.is_some())
            .map(|d| d.code)
            .collect();
        for code in ERROR_CHECKS {
            assert!(errors.contains(code), "{code} is not reported as an error: {errors:?}");
        }
    }

    #[test]
    fn a_rule_turned_on_keeps_each_finding_at_its_own_severity() {
        use crate::config::{Config, RuleSetting};
        use crate::lint::{LintOptions, lint};
        let src = "on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n      - run: make\n";
        let severities = |config: &Config| -> Vec<Severity> {
            lint(".github/workflows/a.yml", src.as_bytes(), &LintOptions::new(config))
                .into_iter()
                .filter(|d| d.rule == "dangerous-triggers")
                .map(|d| d.severity)
                .collect()
        };
        let mut config = Config::default();
        assert_eq!(severities(&config), [Severity::Warning, Severity::Error]);
        config.rules.insert("dangerous-triggers".into(), RuleSetting::On(None));
        assert_eq!(severities(&config), [Severity::Warning, Severity::Error]);
        config
            .rules
            .insert("dangerous-triggers".into(), RuleSetting::On(Some(Severity::Info)));
        assert_eq!(severities(&config), [Severity::Info, Severity::Info]);
    }

    #[test]
    fn action_names_ignore_case_and_ref() {
        let doc = yaml::parse(b"uses: Actions/Checkout@v4\n");
        let step = doc.root.as_ref().unwrap();
        assert!(uses_action(step, "actions/checkout"));
        assert_eq!(action_ref(step), Some("v4"));
        let doc = yaml::parse(b"uses: ./local\n");
        assert_eq!(action_name(doc.root.as_ref().unwrap()), None);
    }
}

#[cfg(test)]
mod doc_examples {
    use crate::rules::test_support::render;

    /// The first YAML block and the first text block of a page's example.
    fn example(page: &str) -> Option<(String, Vec<String>)> {
        let section = page.split("## Example").nth(1)?.split("\n## ").next()?;
        let yaml = section.split("```yaml\n").nth(1)?.split("```").next()?.to_string();
        let text = section.split("```text\n").nth(1)?.split("```").next()?;
        Some((yaml, text.lines().map(str::to_string).collect()))
    }

    #[test]
    fn every_security_page_shows_real_output() {
        let mut wrong = Vec::new();
        for (id, _) in super::SECURITY_RULES {
            let page = crate::rules::docs::page(id).unwrap_or_else(|| panic!("no page for {id}"));
            let Some((yaml, want)) = example(page) else {
                panic!("{id}: no example")
            };
            let got = render(&yaml, id);
            if got != want {
                wrong.push(format!("{id}:\n{}", got.join("\n")));
            }
        }
        assert!(
            wrong.is_empty(),
            "pages whose example output differs:\n{}",
            wrong.join("\n")
        );
    }
}
