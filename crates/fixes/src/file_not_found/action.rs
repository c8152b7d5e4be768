//! A path missing inside a local composite action: the workflow's step
//! only says `uses: ./.github/actions/x`, and the action's own step names
//! the path. The fix goes where the path is written, in the action's
//! metadata file. A composite action's `run:` steps run in the workspace
//! (or their own `working-directory`), never in the caller's `defaults.run`
//! directory, which GitHub applies only to the workflow's own steps.

use autoheal_engine::model::Step;
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};

use super::moved::{self, Whereabouts, whereabouts};
use super::{refs, relative_to};
use crate::{Candidate, Ctx, Files, Generated};
use autoheal_logs::subject::workspace_path;

/// The fix inside the local composite action `step` runs, or `None` when
/// the step runs no such action (the caller keeps its own reason).
pub(super) fn in_local_action(ctx: &Ctx<'_>, step: &Step<'_>, rel: &str, raw: &str) -> Option<Generated> {
    let dir = autoheal_engine::repo::local_action_dir(step.uses()?)?;
    let (path, text) = ["action.yml", "action.yaml"].iter().find_map(|f| {
        let p = format!("{dir}/{f}");
        ctx.repo.read(&p).map(|t| (p, t.into_owned()))
    })?;
    let doc = yaml::parse(text.as_bytes());
    let runs = doc.root.as_ref()?.get("runs")?;
    if !runs
        .get("using")
        .and_then(Node::as_str)
        .is_some_and(|u| u.eq_ignore_ascii_case("composite"))
    {
        return None;
    }
    let steps = runs.get("steps").and_then(Node::as_sequence).unwrap_or_default();
    let naming: Vec<(usize, &Node)> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| !refs(&text, s, rel).is_empty())
        .collect();
    let name = step.display_name();
    let (index, inner) = match naming.as_slice() {
        [] => {
            return Some(Err(format!(
                "step \"{name}\" runs the action `./{dir}`, and no step of it names `{rel}`, so autoheal cannot tell how \
                 it uses the path (a manual fix)"
            )));
        }
        [one] => *one,
        _ => {
            return Some(Err(format!(
                "several steps of the action `./{dir}` name `{rel}`; which one failed is not known (a manual fix)"
            )));
        }
    };
    let wd = match inner.get("working-directory").and_then(Node::as_str) {
        Some(w) if w.contains('$') => {
            return Some(Err(format!(
                "the step of the action `./{dir}` that names `{rel}` runs in a computed working directory (a manual fix)"
            )));
        }
        Some(w) if inner.get("run").is_some() && !raw.starts_with('/') => workspace_path(w),
        _ => None,
    };
    let full = wd.as_ref().map_or_else(|| rel.to_string(), |w| format!("{w}/{rel}"));
    let Some(listing) = ctx.repo.list() else {
        return Some(Err(format!(
            "`{full}` is named inside the action `./{dir}`, and autoheal could not list the repository to find where it went \
             (a manual fix)"
        )));
    };
    let is_dir = raw.ends_with('/') || super::is_dir_like(&full);
    if let Some(why) = moved::made_by_the_run(&listing, &full, is_dir) {
        return Some(Err(why));
    }
    let (to, how, stayed) = match whereabouts(&listing, &full) {
        Whereabouts::Moved { to, how, stayed } => (to, how, stayed),
        Whereabouts::Present => {
            return Some(Err(format!(
                "`{full}` is in the repository; the action `./{dir}` ran before it was there, or from another directory \
                 (a manual fix)"
            )));
        }
        Whereabouts::Ambiguous { how, candidates } => {
            let shown: Vec<String> = candidates.iter().take(5).map(|c| format!("`{c}`")).collect();
            return Some(Err(format!(
                "`{full}` is not in the repository, and several files resemble it as closely ({}): {}; pick the right one \
                 by hand",
                how.describe(),
                shown.join(", ")
            )));
        }
        Whereabouts::Absent => {
            return Some(Err(format!(
                "`{full}`, named inside the action `./{dir}`, is not in the repository and no file resembles it (a manual fix)"
            )));
        }
    };
    let new_rel = wd.as_deref().map_or_else(|| to.clone(), |w| relative_to(w, &to));
    let edits: Vec<Edit> = refs(&text, inner, rel)
        .into_iter()
        .map(|r| {
            let dot = text[r.start..r.end].starts_with("./");
            Edit::replace(&path, r, if dot { format!("./{new_rel}") } else { new_rel.clone() })
        })
        .collect();
    let title = format!("Use `{new_rel}` instead of `{rel}` in the action `./{dir}`");
    let fix = if how.is_strong(stayed.as_ref()) {
        Fix::safe(title, edits)
    } else {
        // A guess about which file was meant: shown, never applied unattended.
        Fix::display_only(title, edits)
    };
    let fix = fix.with_explanation(format!(
        "Step \"{name}\" runs the composite action `./{dir}`, whose step {} looks for `{full}`, which is not in the \
         repository. The repository has `{to}` ({}), and no other file matches as well, so the action's step now refers to \
         `{new_rel}` in `{path}`. Every workflow using the action gets the change.{} Check that it is the same file: it \
         may have been moved or renamed on purpose.",
        index + 1,
        how.describe(),
        stayed.as_ref().map_or(String::new(), |doubt| doubt.note(&full))
    ));
    let (want, old) = (new_rel, rel.to_string());
    let intent = move |files: &Files| {
        let text = files.get(&path).ok_or("action metadata missing")?;
        let doc = yaml::parse(text.as_bytes());
        let step = doc
            .root
            .as_ref()
            .and_then(|r| r.get("runs"))
            .and_then(|r| r.get("steps"))
            .and_then(Node::as_sequence)
            .and_then(|s| s.get(index))
            .ok_or("the action's step is gone")?;
        if refs(text, step, &want).is_empty() {
            return Err(format!("the action's step does not use {want}"));
        }
        if !refs(text, step, &old).is_empty() {
            return Err(format!("the action's step still uses {old}"));
        }
        Ok(())
    };
    Some(Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }]))
}
