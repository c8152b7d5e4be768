//! Verification before a fix is offered: the edited files parse, the
//! intended change is present, the linter reports no new error, and the
//! generator finds nothing left to do on its own output (idempotence).

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::{Overlay, RepoFiles};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::{self, SyntaxErrorKind};
use autoheal_engine::{Config, Diagnostic, LintOptions, Severity, lint};

use crate::{Candidate, Category, Ctx, Files, Generator};

pub(crate) fn verify(ctx: &Ctx<'_>, generate: Generator, candidate: &Candidate) -> Result<(), String> {
    let mut files = Files::new();
    files.insert(ctx.path.to_string(), ctx.source.to_string());
    for e in &candidate.fix.edits {
        if !files.contains_key(&e.path) {
            let text = ctx
                .repo
                .read(&e.path)
                .ok_or_else(|| format!("{} is not in the repository", e.path))?;
            files.insert(e.path.clone(), text.into_owned());
        }
    }
    let changed = apply_fixes(&files, [&candidate.fix]).map_err(|e| e.to_string())?;
    if changed.is_empty() {
        return Err("the fix changes nothing".into());
    }
    let mut after = files.clone();
    after.extend(changed.clone());
    let new_source = after.get(ctx.path).map(String::as_str).unwrap_or(ctx.source);
    check_parses(ctx, new_source)?;
    for (path, text) in &changed {
        if path != ctx.path && is_yaml(path) && yaml::parse(text.as_bytes()).has_parse_errors() {
            return Err(format!("{path} no longer parses"));
        }
    }
    (candidate.intent)(&after)?;
    for (path, text) in &changed {
        if is_yaml(path) {
            let old = files.get(path).map(String::as_str).unwrap_or("");
            no_new_errors(path, old, text, ctx.repo)?;
        }
    }
    let overlay = Overlay {
        base: ctx.repo,
        files: &after,
    };
    let doc = yaml::parse(new_source.as_bytes());
    let again = Ctx {
        path: ctx.path,
        source: new_source,
        doc: &doc,
        failure: ctx.failure,
        repo: &overlay,
    };
    if ctx.failure.category == Category::YamlSyntax {
        return crate::yaml_syntax::still_broken_at(&again).map_or(Ok(()), Err);
    }
    match generate(&again) {
        Ok(more) if !more.is_empty() => Err(format!(
            "not idempotent: on its own output it would propose \"{}\"",
            more[0].fix.title
        )),
        _ => Ok(()),
    }
}

/// An edit inside a node that an alias (`*name`) copies elsewhere changes
/// every copy: raising `timeout-minutes: &limit 30` for one job raises it
/// for each job that says `timeout-minutes: *limit` (and an alias node's
/// span is its anchor's, so an edit aimed at a copy lands on the original).
/// The author chose to share the value, so the edit stays, but the fix must
/// say where else it applies: the sentence to add to its explanation.
pub(crate) fn shared_through_anchor(ctx: &Ctx<'_>, fix: &autoheal_engine::Fix) -> Option<String> {
    let root = ctx.doc.root.as_ref()?;
    // Each copy: its anchor's span, whether it is a scalar, the alias.
    let mut copied: Vec<(TextRange, bool, TextRange)> = Vec::new();
    root.walk(&mut |n| {
        if let Some(alias) = n.alias {
            copied.push((n.span, n.is_scalar(), alias));
        }
    });
    let line = |at: usize| ctx.source[..at].matches('\n').count() + 1;
    let mut lines: Vec<String> = Vec::new();
    let mut anchor_line = None;
    for edit in fix.edits.iter().filter(|e| e.path == ctx.path) {
        for (span, scalar, alias) in &copied {
            if touches(ctx.source, *span, *scalar, edit.range) {
                anchor_line.get_or_insert(line(span.start));
                let at = format!("line {} (`{}`)", line(alias.start), &ctx.source[alias.start..alias.end]);
                if !lines.contains(&at) {
                    lines.push(at);
                }
            }
        }
    }
    Some(format!(
        " The edited text is shared through a YAML anchor (line {}) and copied at {}: the change applies there too.",
        anchor_line?,
        lines.join(", ")
    ))
}

/// Does an edit of `range` change `node`'s text? An insertion counts when
/// it falls inside the node, or, for a block collection, on the line after
/// its last one (a key or item written there joins it).
fn touches(source: &str, span: TextRange, scalar: bool, range: TextRange) -> bool {
    if !range.is_empty() {
        return range.start < span.end && range.end > span.start;
    }
    let end = if scalar {
        span.end
    } else {
        source[span.end..].find('\n').map_or(source.len(), |i| span.end + i + 1)
    };
    span.start < range.start && range.start <= end || (range.start == span.start && !scalar)
}

fn is_yaml(path: &str) -> bool {
    path.ends_with(".yml") || path.ends_with(".yaml")
}

fn check_parses(ctx: &Ctx<'_>, new_source: &str) -> Result<(), String> {
    let count = |t: &str| {
        yaml::parse(t.as_bytes())
            .errors
            .iter()
            .filter(|e| e.kind == SyntaxErrorKind::Parse)
            .count()
    };
    let (before, after) = (count(ctx.source), count(new_source));
    if after > 0 && (ctx.failure.category != Category::YamlSyntax || after >= before) {
        return Err("the edited workflow does not parse".into());
    }
    Ok(())
}

/// Error-severity diagnostics of the edited file that the original did not
/// have (compared by rule and message, since offsets move).
fn no_new_errors(path: &str, before: &str, after: &str, repo: &dyn RepoFiles) -> Result<(), String> {
    let config = Config::default();
    let opts = LintOptions {
        config: &config,
        repo,
        verify_fixes: false,
        fixes: autoheal_engine::FixSelection::All,
        kind: None,
        script_checker: None,
        python_checker: None,
    };
    let errors = |t: &str| -> Vec<Diagnostic> {
        lint(path, t.as_bytes(), &opts)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    };
    let old = errors(before);
    let new = errors(after);
    for d in &new {
        let key = |x: &&Diagnostic| x.rule == d.rule && x.message == d.message;
        if new.iter().filter(key).count() > old.iter().filter(key).count() {
            return Err(format!("new error [{}] {}", d.rule, d.message));
        }
    }
    Ok(())
}
