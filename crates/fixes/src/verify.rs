//! Verification before a fix is offered: the edited files parse, the
//! intended change is present, the linter reports no new error, and the
//! generator finds nothing left to do on its own output (idempotence).

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::{Overlay, RepoFiles};
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
