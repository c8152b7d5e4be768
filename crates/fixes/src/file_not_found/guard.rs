//! The fallback for a path that is missing and was not moved: skip the step
//! when the path is absent. It hides the failure instead of repairing it, so
//! it is a [`Fix::fallback`] (never applied by `heal` or `autoheal fix`), and
//! its explanation says exactly what is skipped and what autoheal checked.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};

use super::step_source;
use crate::script::Script;
use crate::yaml_edit::{scalar, set_entry};
use crate::{Candidate, Ctx, Files};

/// What autoheal knows about the repository's files.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Searched {
    /// The repository could not be listed: a move was not ruled out.
    NoListing,
    /// The complete listing has nothing like the path.
    Absent { files: usize },
    /// The step runs in a computed working directory (a matrix value, an
    /// input): where the path is cannot be told, so no move was looked for.
    Computed,
}

impl Searched {
    fn sentence(self, path: &str) -> String {
        match self {
            Searched::NoListing => format!(
                "autoheal could not list the repository's files, so it did not check whether `{path}` was moved or renamed"
            ),
            Searched::Computed => format!(
                "The step runs in a working directory computed during the run, so autoheal did not look for where \
                 `{path}` may have moved (a file found from the repository's root may be another directory's)"
            ),
            Searched::Absent { files } => format!(
                "No file or directory at `{path}`, or under a similar name elsewhere, is among the repository's {files} files, \
                 so the path is presumably meant to be created during the run"
            ),
        }
    }
}

/// What the step does, for "what is skipped".
fn describe(step: &Step<'_>) -> String {
    if let Some(uses) = step.uses() {
        return format!("the `{uses}` action");
    }
    let script = step.run().and_then(Node::as_str).unwrap_or("");
    let lines: Vec<&str> = script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    match lines.as_slice() {
        [] => "its script".to_string(),
        [one] => format!("`{one}`"),
        [first, rest @ ..] => format!("`{first}` and the {} other line(s) of its script", rest.len()),
    }
}

pub(crate) fn if_guard(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
    full: &str,
    dir: bool,
    searched: Searched,
) -> Result<Candidate, String> {
    let pattern = if dir { format!("{full}/**") } else { full.to_string() };
    let check = format!("hashFiles('{pattern}') != ''");
    let existing = step.get("if");
    let condition = match existing.map(|n| n.as_str().map(str::trim)) {
        None => check.clone(),
        Some(None) => return Err("the step's `if:` is not a string".into()),
        Some(Some(old)) if old.contains(&format!("hashFiles('{pattern}')")) => {
            return Err(format!(
                "step \"{}\" is already guarded on `{full}`",
                step.display_name()
            ));
        }
        Some(Some(old)) => {
            let inner = old
                .strip_prefix("${{")
                .and_then(|o| o.strip_suffix("}}"))
                .map(str::trim)
                .unwrap_or(old);
            format!("({inner}) && {check}")
        }
    };
    if existing.is_some_and(|n| !autoheal_engine::edit::is_inline_scalar(ctx.source, n)) {
        return Err("the step's `if:` spans several lines; it needs a manual edit".into());
    }
    let after = step.node.entry("name").or_else(|| step.node.entry("id"));
    let edit =
        set_entry(ctx.path, ctx.source, step.node, after, "if", &scalar(&condition)).ok_or("cannot edit the step")?;
    let name = step.display_name();
    let fix = Fix::fallback(format!("Skip step \"{name}\" when `{full}` is missing"), vec![edit]).with_explanation(format!(
        "Fallback, not a repair (autoheal never applies it by itself): step \"{name}\" failed because `{full}` does not exist. {}. \
         With `if: {condition}` the step, which runs {what}, is skipped entirely whenever `{pattern}` matches no file in the \
         workspace when the step starts, and the job carries on as if it had passed. Merge this only if the step is optional; \
         otherwise restore the file, or fix the step that should create it.",
        searched.sentence(full),
        what = describe(step),
    ));
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    let intent = move |files: &Files| {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let step = wf.job(&job_id).and_then(|j| j.steps.get(index)).ok_or("step gone")?;
        match step.get("if").and_then(Node::as_str) {
            Some(c) if c == condition => Ok(()),
            other => Err(format!("if is {other:?}")),
        }
    };
    Ok(Candidate {
        fix,
        intent: Box::new(intent),
    })
}

/// For a step whose working directory is only known at run time, where
/// `hashFiles` (relative to the workspace) cannot name the path.
pub(crate) fn script_guard(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
    rel: &str,
    searched: Searched,
) -> Result<Candidate, String> {
    let run = step.run().ok_or("no run script")?;
    // The guard is POSIX shell: in a PowerShell or cmd script it is a syntax
    // error that stops the step before anything else runs.
    let root = ctx.doc.root.as_ref();
    let posix = root.is_some_and(|root| crate::runner::runs_posix_shell(root, job, step.node));
    if let Some(why) = root.and_then(|root| crate::runner::unknown_shell_reason(root, job, step.node)) {
        return Err(format!(
            "the shell step \"{}\" runs in is not known before the run ({why}), so no shell test of `{rel}` is \
             written; `{rel}` is relative to a directory only the run knows, so no moved file is looked for either (a \
             manual fix)",
            step.display_name()
        ));
    }
    if !posix {
        return Err(format!(
            "step \"{}\" does not run in a POSIX shell (its `shell:`, or a Windows runner's default `pwsh`), where a \
             shell test of `{rel}` would be a syntax error, so no fallback is offered; `{rel}` is relative to a \
             directory only the run knows, so no moved file is looked for either (a manual fix)",
            step.display_name()
        ));
    }
    let script = Script::new(ctx.source, run)
        .filter(|s| s.block)
        .ok_or("the step's script is not a `|` block")?;
    let guard = format!("if [ ! -e '{rel}' ]; then echo '{rel} not found; skipping'; exit 0; fi");
    if script.lines.iter().any(|l| l.text.trim() == guard) {
        return Err(format!(
            "step \"{}\" is already guarded on `{rel}`",
            step.display_name()
        ));
    }
    let first = script.lines.first().ok_or("empty script")?;
    let line_start = first.range.start - script.indent;
    let eol = autoheal_engine::edit::line_ending(ctx.source);
    let edit = Edit::insert(
        ctx.path,
        line_start,
        format!("{}{guard}{eol}", " ".repeat(script.indent)),
    );
    let name = step.display_name();
    let fix = Fix::fallback(format!("End step \"{name}\" early when `{rel}` is missing"), vec![edit]).with_explanation(format!(
        "Fallback, not a repair (autoheal never applies it by itself): step \"{name}\" failed because `{rel}` does not exist in \
         its working directory, which is only known at run time. {}. The script now starts with a test that exits 0, so that \
         none of {what} runs and the step passes, whenever `{rel}` is absent. Merge this only if the step is optional; \
         otherwise restore the file, or fix the step that should create it.",
        searched.sentence(rel),
        what = describe(step),
    ));
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    let intent = move |files: &Files| {
        let text = step_source(files, &path, &job_id, index)?;
        if text.contains(&guard) {
            Ok(())
        } else {
            Err("no guard".into())
        }
    };
    Ok(Candidate {
        fix,
        intent: Box::new(intent),
    })
}
