//! Fix type 4, `file_not_found`. With the repository's file listing:
//! when the path was clearly moved or renamed ([`moved`]), point the step at
//! the new place (its reference, or its `working-directory`); when the path
//! is in the repository but the job never checked it out, add the checkout.
//! Otherwise only a fallback is offered ([`guard`]): skipping the step when
//! the path is missing hides the failure rather than repairing it, so it is
//! marked [`Fix::fallback`] and never applied automatically.

mod action;
mod directory;
mod guard;
mod moved;
mod root_file;

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::{self, Node, NodeKind};
use autoheal_engine::{Edit, Fix};

use crate::checkout;
use crate::elsewhere::runs_elsewhere;
use crate::script::{Script, word_positions};
use crate::yaml_edit::{Block, insert_step_before, scalar, set_entry};
use crate::{Candidate, Ctx, Files, Generated, locate};
use autoheal_logs::subject::workspace_path;
use moved::{Move, Whereabouts, whereabouts};

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let raw = ctx.failure.subject().ok_or("the log does not name the missing path")?;
    if raw.contains(['*', '?']) {
        return Err(format!(
            "`{}` is a pattern that matched no file; the step that should produce the files needs a look (a manual fix)",
            autoheal_logs::subject::display_text(raw)
        ));
    }
    let rel = workspace_path(raw)
        .ok_or("the missing path is outside the workspace or not a plain path; it is not used in a fix")?;
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step = locate::step(job, ctx.failure)
        .or_else(|| job.steps.iter().find(|s| !refs(ctx.source, s.node, &rel).is_empty()))
        .or_else(|| tool_step(job, &rel))
        .ok_or_else(|| format!("cannot tell which step of job `{}` needs `{rel}`", job.id))?;
    // A step that starts a container or reaches another machine may have
    // missed the path there (`docker run img ./entrypoint.sh`): moving or
    // checking out the runner's file does not reach it. An image build's own
    // inputs (its Dockerfile and context) are the runner's, so builds pass.
    if let Some(tool) = runs_elsewhere(&crate::elsewhere::step_text(ctx, job, step)) {
        return Err(format!(
            "step \"{}\" runs `{tool}`, and `{rel}` may be missing there (in a container or on another machine) rather \
             than in the runner's workspace; no path rewrite or checkout would reach it (a manual fix)",
            step.display_name()
        ));
    }
    // Every path below is computed from the repository's listing. When a
    // checkout put the repository under a literal `path:` (`app`), a path
    // from the workspace under that directory (`app/x`) is the repository's
    // path without it (`x`), and a path found in the listing is written back
    // with it (`within`). When the checkout's directory is not literal, put
    // another repository at the workspace, is not read, or the repository is
    // checked out twice, nothing from the listing is offered (review93 H):
    // the rewrite is withheld with the checkout named.
    let repository = checkout::before(job, step.index);
    let within = match &repository {
        checkout::Repository::UnderDirectory { dir, step } => Some((dir.as_str(), step.as_str())),
        _ => None,
    };
    let elsewhere = match &repository {
        checkout::Repository::Elsewhere(why) => Some(format!(
            "`{rel}` is not looked for among the repository's files: {why} (a manual fix)"
        )),
        _ => None,
    };
    // Before any checkout the workspace holds none of the repository's files
    // (`checkout::before`): a file found in the listing is not there, and a
    // guard on it (`hashFiles` or `[ -f ]`) would skip the step every time.
    // Only the checkout itself is offered (when the file is in the
    // repository, `checkout_fix`); the reason advises a checkout only where
    // the listing has the file ([`BeforeCheckout`]).
    let not_checked_out = repository == checkout::Repository::NotCheckedOut;
    let before_checkout = |seen: BeforeCheckout<'_>| not_checked_out.then(|| seen.reason(step, &rel));
    // A path the log printed reaches a fix only when the step names it (or
    // runs the tool that reads it implicitly): log text alone never becomes
    // part of the workflow.
    let named = !refs(ctx.source, step.node, &rel).is_empty() || reads_implicitly(step, &rel);
    if !named {
        if let Some(why) = elsewhere.or_else(|| repository.not_at_workspace()) {
            return Err(why);
        }
        if let Some(fixed) = action::in_local_action(ctx, step, &rel, raw) {
            return fixed;
        }
        return Err(format!(
            "step \"{}\" does not name `{rel}`, so autoheal cannot tell how it uses the path (a manual fix)",
            step.display_name()
        ));
    }
    let wd_node = job.written_working_directory(root, step.node);
    let wd_text = wd_node
        .and_then(Node::as_str)
        .map(|w| under_workspace_expression(w).unwrap_or(w));
    let dynamic_wd = wd_text.is_some_and(|w| w.contains("${{") || w.contains('$'));
    let wd_read = wd_text.filter(|_| step.run().is_some() && !raw.starts_with('/'));
    // A literal directory the path is relative to, which is no plain
    // directory inside the workspace (`..`, a shell character): what the
    // step sees there is unknown, and reading the path from the workspace
    // instead would rewrite the wrong file.
    if let Some(w) = wd_read.filter(|w| !dynamic_wd && !is_workspace_itself(w) && is_absolute(w)) {
        return Err(format!(
            "step \"{}\" runs in `working-directory: {}`, an absolute path: whether it is inside the workspace \
             depends on the runner and the repository's name, which the workflow does not show (`${{{{ \
             github.workspace }}}}/…` or a relative directory does); `{rel}` is relative to it, where autoheal does \
             not look (a manual fix)",
            step.display_name(),
            autoheal_logs::subject::display_text(w)
        ));
    }
    if let Some(w) = wd_read.filter(|w| !dynamic_wd && !is_workspace_itself(w) && workspace_path(w).is_none()) {
        return Err(format!(
            "step \"{}\" runs in `working-directory: {}`, which is not a plain directory inside the workspace: `{rel}` \
             is relative to it, where autoheal does not look (a manual fix)",
            step.display_name(),
            autoheal_logs::subject::display_text(w)
        ));
    }
    let wd = wd_read.and_then(workspace_path);
    let full = match &wd {
        Some(w) => format!("{w}/{rel}"),
        None => rel.clone(),
    };
    let is_dir = raw.ends_with('/') || is_dir_like(&full);
    if dynamic_wd && step.run().is_some() {
        if let Some(why) = before_checkout(BeforeCheckout::Unknown) {
            return Err(why);
        }
        // The path is relative to a directory only the run knows (a matrix
        // value, a caller's input): a file found from the root (another
        // package's) is not where it moved, and a rewrite would be written
        // relative to every leg's or caller's directory alike. Only the
        // fallback is left (round 6 of the fix shapes).
        return Ok(vec![guard::script_guard(
            ctx,
            job,
            step,
            &rel,
            guard::Searched::Computed,
        )?]);
    }
    if let Some(why) = elsewhere {
        return Err(why);
    }
    // The repository's own path of `full` (the same without a checkout
    // directory), and how a repository path is written from the workspace.
    let (in_repo, from_workspace) = match within {
        None => (full.clone(), None),
        Some((dir, by)) => match full.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) {
            Some(inner) => (inner.to_string(), Some(dir)),
            None => {
                return Err(format!(
                    "`{full}` is outside `{dir}`, where step \"{by}\" checks the repository out (its `path:`): the \
                     step looks for a file that is not the repository's (a manual fix)"
                ));
            }
        },
    };
    let searched = match ctx.repo.list() {
        None => guard::Searched::NoListing,
        Some(listing) if moved::made_by_the_run(&listing, &in_repo, is_dir).is_some() => {
            return Err(moved::made_by_the_run(&listing, &in_repo, is_dir).unwrap_or_default());
        }
        Some(listing) => match whereabouts(&listing, &in_repo) {
            Whereabouts::Present => {
                return match from_workspace {
                    None => checkout_fix(ctx, job, step, &full),
                    Some(dir) => Err(format!(
                        "`{in_repo}` is in the repository, which the job checks out into `{dir}`: an earlier step \
                         must have removed or moved `{full}` (a manual fix)"
                    )),
                };
            }
            Whereabouts::Moved { to, how, stayed } => {
                if let Some(why) = before_checkout(BeforeCheckout::Moved(&to)) {
                    return Err(why);
                }
                if let Some(why) = written_earlier(ctx, job, step, &rel, &full) {
                    return Err(why);
                }
                if let Some(why) = named_after_cd(ctx.source, step, &rel, wd_node.is_some()) {
                    return Err(why);
                }
                if let Some(why) = directory::named_alone(ctx, job, step, &rel) {
                    return Err(why);
                }
                let step_text = crate::elsewhere::step_text(ctx, job, step);
                if let Some(why) = moved::companions_left_behind(&listing, &in_repo, &to, &step_text) {
                    return Err(why);
                }
                // Where the file is, from the workspace (the checkout's
                // directory first), which the step's paths are relative to.
                let to = match from_workspace {
                    Some(dir) => format!("{dir}/{to}"),
                    None => to,
                };
                let found = Found {
                    to: &to,
                    how,
                    stayed: stayed.as_ref(),
                };
                return Ok(vec![point_at(ctx, job, step, &rel, &full, found, wd.as_deref())?]);
            }
            Whereabouts::Ambiguous { how, candidates } => {
                let shown: Vec<String> = candidates.iter().take(5).map(|c| format!("`{c}`")).collect();
                return Err(format!(
                    "`{full}` is not in the repository, and several files resemble it as closely ({} or as close): {}{}; \
                     pick the right one by hand",
                    how.describe(),
                    shown.join(", "),
                    if candidates.len() > shown.len() { ", …" } else { "" }
                ));
            }
            Whereabouts::Absent => guard::Searched::Absent { files: listing.len() },
        },
    };
    let seen = match searched {
        guard::Searched::Absent { .. } => BeforeCheckout::Absent,
        _ => BeforeCheckout::Unknown,
    };
    if let Some(why) = before_checkout(seen) {
        return Err(why);
    }
    Ok(vec![guard::if_guard(ctx, job, step, &full, is_dir, searched)?])
}

/// What the listing says of a path a step before the job's checkout missed.
#[derive(Clone, Copy)]
enum BeforeCheckout<'a> {
    /// The repository has the file at this path.
    Moved(&'a str),
    /// The repository does not have it.
    Absent,
    /// No listing, or a path computed at run time.
    Unknown,
}

impl BeforeCheckout<'_> {
    /// Why the step gets no fix; a checkout is advised only where the
    /// repository has the file.
    fn reason(self, step: &Step<'_>, rel: &str) -> String {
        let advice = match self {
            BeforeCheckout::Moved(to) => format!(
                "the repository has it at `{to}`: check the repository out before the step and point the step there"
            ),
            BeforeCheckout::Absent => {
                "the repository does not have it either, so a checkout would not bring it: the step needs the file \
                 from elsewhere"
                    .to_string()
            }
            BeforeCheckout::Unknown => {
                "autoheal cannot tell whether the repository has it, so whether a checkout would bring it".to_string()
            }
        };
        format!(
            "step \"{}\" runs before the job checks the repository out, so none of the repository's files is in the \
             workspace yet, and `{rel}` is not where a path rewrite or a guard could reach it; {advice} (a manual fix)",
            step.display_name()
        )
    }
}

/// A `working-directory` that is the workspace itself (`.`, `./`).
fn is_workspace_itself(dir: &str) -> bool {
    matches!(dir.trim().trim_end_matches('/'), "" | ".")
}

/// A `working-directory` written from `${{ github.workspace }}` (the
/// workspace, `GITHUB_WORKSPACE`, whatever the runner; the runner maps it into
/// a job container's mount like any host path): the same directory written
/// relative to the workspace (`.` for the workspace itself), which the
/// relative form's rules then judge (`..`, the checkout's `path:`). `None`
/// for any other text. Expression context names are case-insensitive.
fn under_workspace_expression(dir: &str) -> Option<&str> {
    let (inner, after) = dir.trim().strip_prefix("${{")?.split_once("}}")?;
    if !inner.trim().eq_ignore_ascii_case("github.workspace") {
        return None;
    }
    let rest = if after.is_empty() {
        ""
    } else {
        after.strip_prefix('/')?.trim_start_matches('/')
    };
    Some(if rest.is_empty() { "." } else { rest })
}

/// An absolute path, POSIX or Windows (`/home/…`, `C:\…`, `\\server\…`,
/// `~/…`): a literal one names a place on one kind of runner, for one
/// repository name (`/home/runner/work/{repo}/{repo}` on GitHub's Linux
/// images), which the workflow alone does not prove is the workspace.
fn is_absolute(dir: &str) -> bool {
    let d = dir.trim();
    let b = d.as_bytes();
    d.starts_with(['/', '\\', '~']) || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// Project files a tool reads implicitly (npm reads `package.json`
/// without naming it), and the commands that read them.
static TOOL_FILES: &[(&str, &[&str])] = &[
    ("package.json", &["npm", "yarn", "pnpm", "npx"]),
    ("package-lock.json", &["npm"]),
    ("yarn.lock", &["yarn"]),
    ("requirements.txt", &["pip", "pip3"]),
    ("pyproject.toml", &["pip", "poetry", "uv"]),
    ("Cargo.toml", &["cargo"]),
    ("go.mod", &["go"]),
    ("Gemfile", &["bundle"]),
    ("pom.xml", &["mvn"]),
    ("Makefile", &["make"]),
];

fn tool_step<'j, 'a>(job: &'j Job<'a>, rel: &str) -> Option<&'j Step<'a>> {
    job.steps.iter().find(|s| reads_implicitly(s, rel))
}

/// Does the step run a tool that reads `rel` without naming it?
fn reads_implicitly(step: &Step<'_>, rel: &str) -> bool {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    let Some((_, tools)) = TOOL_FILES.iter().find(|(f, _)| *f == file) else {
        return false;
    };
    step.run().and_then(Node::as_str).is_some_and(|r| {
        r.lines()
            .any(|l| tools.iter().any(|t| crate::script::mentions_command(l, t)))
    })
}

fn is_dir_like(p: &str) -> bool {
    !p.rsplit('/').next().unwrap_or(p).contains('.')
}

/// Byte ranges where `path` is written as a whole word in the step's
/// scalar values (`run:`, `with:` inputs), not counting keys.
fn refs(source: &str, step: &Node, path: &str) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut visit = |n: &Node| {
        if let NodeKind::Scalar(_) = &n.kind {
            let Some(script) = Script::new(source, n).or_else(|| Script::folded_lines(source, n)) else {
                return;
            };
            for line in &script.lines {
                for cand in [format!("./{path}"), path.to_string()] {
                    let words = word_positions(line.text, &cand);
                    let values = crate::script::option_value_positions(line.text, &cand);
                    for at in words.into_iter().chain(values) {
                        let r = TextRange::new(line.range.start + at, line.range.start + at + cand.len());
                        if !out.iter().any(|o: &TextRange| o.overlaps(r)) {
                            out.push(r);
                        }
                    }
                }
            }
        }
    };
    for e in step.as_mapping().unwrap_or_default() {
        if matches!(e.key.as_str(), Some("run" | "with")) {
            e.value.walk(&mut visit);
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
/// Where a missing path was found ([`Whereabouts::Moved`]).
#[derive(Clone, Copy)]
struct Found<'f> {
    to: &'f str,
    how: Move,
    stayed: Option<&'f moved::Doubt>,
}

fn point_at(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
    rel: &str,
    full: &str,
    found: Found<'_>,
    wd: Option<&str>,
) -> Result<Candidate, String> {
    let Found { to, how, stayed } = found;
    let new_rel = match wd {
        Some(w) => relative_to(w, to),
        None => to.to_string(),
    };
    let name = step.display_name();
    let step_wd = step
        .get("working-directory")
        .and_then(Node::as_str)
        .map(|w| under_workspace_expression(w).unwrap_or(w));
    if !refs(ctx.source, step.node, &new_rel).is_empty() || step_wd.is_some_and(|w| format!("{w}/{rel}") == to) {
        return Err(format!(
            "step \"{name}\" already uses `{new_rel}`; the file is still missing at run time (a manual fix)"
        ));
    }
    let found = refs(ctx.source, step.node, rel);
    let live = changes_live_systems(job, step, &crate::elsewhere::step_text(ctx, job, step));
    // A weak match, a sample or template, or a step that changes live
    // systems: the file found may not be the one the step wanted, a guess
    // only a person can confirm, so the rewrite is shown, never applied by a
    // tool on its own (not Unsafe, which appliers take on request).
    let make = |title: String, edits: Vec<Edit>| {
        if how.is_strong(stayed) && !into_samples(full, to) && !live {
            Fix::safe(title, edits)
        } else {
            Fix::display_only(title, edits)
        }
    };
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    if !found.is_empty() {
        let edits = found
            .iter()
            .map(|r| {
                let dot = ctx.source[r.start..r.end].starts_with("./");
                Edit::replace(ctx.path, *r, if dot { format!("./{new_rel}") } else { new_rel.clone() })
            })
            .collect();
        let elsewhere = other_steps_naming(ctx, step, rel);
        let mut explanation = format!(
            "Step \"{name}\" looks for `{full}`, which is not in the repository. The repository has `{to}` ({}), and no other \
             file matches as well, so the step now refers to `{new_rel}`.",
            how.describe()
        );
        if !elsewhere.is_empty() {
            explanation.push_str(&format!(
                " `{rel}` also appears in {}; those are left unchanged, check whether they need the same edit.",
                elsewhere.join(", ")
            ));
        }
        if let Some(doubt) = stayed {
            explanation.push_str(&doubt.note(full));
        }
        explanation.push_str(" Check that it is the same file: it may have been moved or renamed on purpose.");
        let fix =
            make(format!("Use `{new_rel}` instead of `{rel}` in step \"{name}\""), edits).with_explanation(explanation);
        let (want, old) = (new_rel.clone(), rel.to_string());
        let (source_path, job_for_intent) = (path.clone(), job_id.clone());
        let intent = move |files: &Files| {
            let text = files.get(&source_path).ok_or("workflow missing")?;
            let doc = yaml::parse(text.as_bytes());
            let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
            let step = wf
                .job(&job_for_intent)
                .and_then(|j| j.steps.get(index))
                .ok_or("step gone")?;
            if refs(text, step.node, &want).is_empty() {
                return Err(format!("step does not use {want}"));
            }
            if !refs(text, step.node, &old).is_empty() {
                return Err(format!("step still uses {old}"));
            }
            Ok(())
        };
        return Ok(Candidate {
            fix,
            intent: Box::new(intent),
        });
    }
    // The step reads the file implicitly (`npm ci` reads `package.json`):
    // run it where the file now is.
    let dir = to
        .strip_suffix(&format!("/{full}"))
        .filter(|_| step.run().is_some() && wd.is_none() && how == Move::UnderDirectory);
    let Some(dir) = dir else {
        return Err(format!(
            "`{full}` is now at `{to}`, but step \"{name}\" does not name the path; it needs a manual fix"
        ));
    };
    let after = step.node.entry("name").or_else(|| step.node.entry("id"));
    let edit = set_entry(
        ctx.path,
        ctx.source,
        step.node,
        after,
        "working-directory",
        &scalar(dir),
    )
    .ok_or("cannot edit the step")?;
    let fix = make(format!("Run step \"{name}\" in `{dir}`"), vec![edit]).with_explanation(format!(
        "Step \"{name}\" reads `{full}` from its working directory, but the repository has it only at `{to}`. The step now runs \
         with `working-directory: {dir}`. Check that every other relative path the step uses is also relative to `{dir}`."
    ));
    let want = dir.to_string();
    let intent = move |files: &Files| {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let step = wf.job(&job_id).and_then(|j| j.steps.get(index)).ok_or("step gone")?;
        if step.get("working-directory").and_then(Node::as_str) == Some(want.as_str()) {
            Ok(())
        } else {
            Err("working-directory not set".into())
        }
    };
    Ok(Candidate {
        fix,
        intent: Box::new(intent),
    })
}

/// `to` (repository-relative) as seen from directory `from`.
fn relative_to(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; from.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

/// The other steps of the workflow that name `rel`, for the explanation.
/// Why an earlier step of the job may have made the missing path, so a
/// same-named committed file is not where it went (review87 H4: `echo
/// "$TFVARS" > prod.tfvars` then `terraform plan -var-file prod.tfvars` was
/// pointed at `examples/prod.tfvars`). A path that moved fails at the first
/// step that reads it, so an earlier step that uses it and did not fail saw
/// the file the run made (or looked for it and went on). Mentions that use
/// nothing do not count (review88 M1): inside `${{ }}` (`hashFiles()` never
/// fails on a missing file) and in `echo`/`printf` text. An earlier
/// `actions/download-artifact` step whose `path:` holds it (none: the
/// workspace) may have brought it; one outside the workspace did not.
fn written_earlier(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, rel: &str, full: &str) -> Option<String> {
    let earlier = &job.steps[..step.index];
    if let Some(s) = earlier.iter().find(|s| uses_path(ctx.source, s.node, rel)) {
        return Some(format!(
            "step \"{}\" earlier in the job uses `{rel}` and did not fail: the file existed then, made by the run (or \
             that step tolerates its absence), so a committed file of that name elsewhere is not where it went; check \
             that step (a manual fix)",
            s.display_name()
        ));
    }
    if let Some(s) = earlier.iter().find(|s| inputs_name_dir_and_file(s, full)) {
        return Some(format!(
            "step \"{}\" earlier in the job is given `{full}` as a directory and a file name (its `with:` inputs): an \
             action writes it there, so the run, not the repository, provides it and a committed file of that name \
             elsewhere is not where it went; check that step (a manual fix)",
            s.display_name()
        ));
    }
    earlier
        .iter()
        .find(|s| {
            autoheal_engine::rules::audit::uses_action(s.node, "actions/download-artifact")
                && artifact_dir_holds(s.get("with").and_then(|w| w.get("path")), full)
        })
        .map(|s| {
            format!(
                "step \"{}\" earlier in the job downloads artifacts where `{full}` would be: the run, not the \
                 repository, provides it, so a committed file of that name is not where it went; check the job that \
                 uploads it (a manual fix)",
                s.display_name()
            )
        })
}

/// Why a moved path is not rewritten when the step's script changes
/// directory (`cd ios && xcodebuild … ExportOptions.plist`, `pushd web`)
/// before the first place it names `rel`: there `rel` is relative to that
/// directory, not to the root (or the step's `working-directory`) a rewrite
/// is computed from, so the new path would point below the wrong directory.
/// A `cd` after the name, or in a `with:` input, does not count; nor does a
/// last `cd "$GITHUB_WORKSPACE"` (`${{ github.workspace }}`) before it, which
/// returns to the workspace, where a run step without `working-directory`
/// starts and the rewrite is computed from (with one, the rewrite, computed
/// from that directory, would be wrong from the workspace). The workspace is
/// the repository's root only when the repository was checked out there:
/// [`generate`] refuses before this when it was not ([`checkout::before`]).
fn named_after_cd(source: &str, step: &Step<'_>, rel: &str, has_working_directory: bool) -> Option<String> {
    let run = step.run()?;
    let first = refs(source, step.node, rel)
        .into_iter()
        .filter(|r| run.span.start <= r.start && r.end <= run.span.end)
        .map(|r| r.start)
        .min()?;
    let script = Script::new(source, run).or_else(|| Script::folded_lines(source, run))?;
    let before: String = script
        .lines
        .iter()
        .take_while(|l| l.range.start <= first)
        .map(|l| {
            let end = first.clamp(l.range.start, l.range.end) - l.range.start;
            l.text.get(..end).unwrap_or(l.text)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let cd = ["cd", "pushd"]
        .into_iter()
        .find(|c| crate::elsewhere::runs_command(&before, c))?;
    if !has_working_directory && back_at_the_workspace(&before) {
        return None;
    }
    Some(format!(
        "step \"{}\" runs `{cd}` before it names `{rel}`, so the path is relative to the directory the script changed \
         to, which autoheal does not follow; a rewrite from the repository's root would point at the wrong place (a \
         manual fix)",
        step.display_name()
    ))
}

/// Whether the last directory change of `script` is `cd` to the workspace
/// (`$GITHUB_WORKSPACE`, `${GITHUB_WORKSPACE}`, `${{ github.workspace }}`,
/// quoted or not, a trailing `/` allowed): the script is back where it
/// started (the repository's root only when a checkout without `path:` put
/// the repository there, which [`generate`] checks first). Only on a script of plain lines (no `if`,
/// loop, subshell, function or group, where that `cd` may not run or may
/// not hold after it), all of them read; any doubt is `false`.
fn back_at_the_workspace(script: &str) -> bool {
    let mut last = None;
    for line in autoheal_logs::shell_lex::logical_lines(script) {
        let Ok(lexed) = autoheal_logs::shell_lex::lex(&line.code) else {
            return false;
        };
        if lexed.compound {
            return false;
        }
        for command in &lexed.commands {
            let words: Vec<&str> = command.words.iter().map(|w| w.text.as_str()).collect();
            let Some(at) = words.iter().position(|w| !autoheal_logs::shell_lex::is_assignment(w)) else {
                continue;
            };
            let program = autoheal_logs::shell_lex::program_name(words[at]);
            if matches!(program, "cd" | "pushd" | "popd") {
                last = Some((program == "cd", words[at + 1..].join(" ")));
            }
        }
    }
    let Some((true, target)) = last else {
        return false;
    };
    let target = target.trim_end_matches('/');
    let compact: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        compact.as_str(),
        "$GITHUB_WORKSPACE" | "${GITHUB_WORKSPACE}" | "${{github.workspace}}"
    )
}

/// Whether an action step's `with:` inputs name `full` split in two, a
/// directory and a file name (timheuer/base64-to-file's `fileDir: ./ios` and
/// `fileName: ExportOptions.plist`): the step writes or reads that path,
/// which [`uses_path`] (the whole path as a word) does not see.
fn inputs_name_dir_and_file(step: &Step<'_>, full: &str) -> bool {
    let Some((dir, name)) = full.rsplit_once('/') else {
        return false;
    };
    if step.uses().is_none() {
        return false;
    }
    let values: Vec<&str> = step
        .get("with")
        .and_then(Node::as_mapping)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| e.value.as_str())
        .map(str::trim)
        .collect();
    let is_dir = |v: &str| {
        let v = v.strip_prefix("./").unwrap_or(v);
        v.trim_end_matches('/') == dir
    };
    values.contains(&name) && values.iter().any(|v| is_dir(v))
}

/// Whether the step's values use `rel`: a word outside `${{ }}` and outside
/// an `echo`/`printf` command's text.
fn uses_path(source: &str, node: &Node, rel: &str) -> bool {
    refs(source, node, rel).iter().any(|r| {
        let line_start = source[..r.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &source[line_start..r.start];
        let in_expression = before.rfind("${{").is_some_and(|open| !before[open..].contains("}}"));
        let segment = before.rsplit(['|', ';', '&']).next().unwrap_or(before);
        let segment = segment.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '(');
        let segment = segment.strip_prefix("run:").map_or(segment, str::trim_start);
        let program = segment.split_whitespace().next().unwrap_or("");
        // `echo "$X" > path` writes it; `echo "uses path"` does not.
        // The target may be quoted (`> "prod.tfvars"`).
        let redirected = before
            .trim_end()
            .trim_end_matches(['"', '\''])
            .trim_end()
            .ends_with('>');
        let text = matches!(program, "echo" | "printf") && segment.len() > program.len() && !redirected;
        !in_expression && !text
    })
}

/// Whether an artifact download to `path` (its `with: path:`) may hold
/// `full`: no path is the workspace; `${{ github.workspace }}/dir` is `dir`;
/// another expression may be anywhere; an absolute or outside path holds no
/// workspace file.
fn artifact_dir_holds(path: Option<&Node>, full: &str) -> bool {
    let Some(text) = path.map(|p| p.as_str().unwrap_or("").trim()) else {
        return true;
    };
    let text = text
        .strip_prefix("${{ github.workspace }}")
        .map_or(text, |rest| rest.trim_start_matches('/'));
    if text.is_empty() || text == "." || text.contains("${{") {
        return true;
    }
    workspace_path(text).is_some_and(|dir| full.strip_prefix(dir.as_str()).is_some_and(|r| r.starts_with('/')))
}

/// Whether a step changes live systems: the moved-file search goes by name,
/// and a wrong pick there is not a red build but a changed environment, so
/// a rewrite in such a step is never applied without a person (review89 M2).
/// Read broadly, since a wrong answer only costs an automatic apply: a job
/// that ships (`optional_job::ships`: a deployment `environment:`, a
/// release/deploy/publish name), a `uses:` action named for deploying or
/// releasing (`aws-cloudformation-github-deploy`, `Azure/k8s-deploy`), or a
/// script word that is such a verb, a subcommand or a script's name
/// (`terraform apply`, `mvn deploy`, `flyway … migrate`, `helm upgrade`,
/// `npm publish`, `./scripts/deploy.sh`), and any `ansible-playbook` run
/// (final review B, 1).
fn changes_live_systems(job: &Job<'_>, step: &Step<'_>, text: &str) -> bool {
    if crate::optional_job::ships(job).is_some() {
        return true;
    }
    let live = |word: &str| {
        let word = word.rsplit(['/', ':']).next().unwrap_or(word);
        // Case kept: `--config Release` names a build type, not a release.
        let stem = word.split('.').next().unwrap_or(word);
        LIVE_VERBS
            .iter()
            .any(|v| stem == *v || stem.starts_with(&format!("{v}-")) || stem.starts_with(&format!("{v}_")))
    };
    if step.uses().is_some_and(|u| {
        let action = u.split('@').next().unwrap_or(u);
        action.split(['/', '-', '_']).any(&live)
    }) {
        return true;
    }
    text.split(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '(' | ')' | '"' | '\''))
        .any(|w| live(w) || w.ends_with("ansible-playbook"))
}

/// Verbs of commands and scripts that change what runs outside the job.
const LIVE_VERBS: &[&str] = &[
    "apply",
    "deploy",
    "deployment",
    "upgrade",
    "destroy",
    "migrate",
    "publish",
    "release",
    "push",
    "rollout",
];

/// Directories of examples and test data: a file found only there stands in
/// for the project's own, so a rewrite to it is never applied without a
/// person (review87 H4).
const SAMPLE_DIRS: &[&str] = &[
    "example",
    "examples",
    "sample",
    "samples",
    "fixtures",
    "testdata",
    // Scaffolding a generator copies into new projects (`templates/prisma/
    // schema.prisma`): the project's own file is not one of them (review89).
    "template",
    "templates",
    // Other projects' copies: vendored dependencies and Meson/CMake
    // subprojects (`subprojects/zlib-1.3/cross/arm64.ini`, review89 M4).
    "subprojects",
    "vendor",
    "third_party",
    "third-party",
    "3rdparty",
    "external",
    // Copies kept out of use (`legacy/envs/prod.tfvars`, review89 M2).
    "legacy",
    "old",
    "archive",
    "archived",
    "backup",
    "backups",
    "deprecated",
];

fn into_samples(full: &str, to: &str) -> bool {
    let in_samples = |p: &str| p.split('/').any(|part| SAMPLE_DIRS.contains(&part));
    in_samples(to) && !in_samples(full)
}

fn other_steps_naming(ctx: &Ctx<'_>, step: &Step<'_>, rel: &str) -> Vec<String> {
    let Some(root) = ctx.doc.root.as_ref() else {
        return Vec::new();
    };
    let wf = Workflow::new(root);
    let mut out = Vec::new();
    for job in &wf.jobs {
        for s in &job.steps {
            if s.node.span != step.node.span && !refs(ctx.source, s.node, rel).is_empty() {
                out.push(format!("step \"{}\" of job `{}`", s.display_name(), job.id));
            }
        }
    }
    out
}

fn checkout_fix(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, full: &str) -> Generated {
    let has_checkout = job.steps[..step.index]
        .iter()
        .any(|s| autoheal_engine::rules::audit::uses_action(s.node, "actions/checkout"));
    if has_checkout {
        return Err(format!(
            "`{full}` is in the repository and the job checks it out; an earlier step must have removed or moved it (a manual fix)"
        ));
    }
    let block = Block::new(ctx.source).key("uses", "actions/checkout@v4");
    let edit = insert_step_before(ctx.path, ctx.source, job, 0, &block)
        .ok_or("cannot insert a step here (flow-style steps?)")?;
    let fix = Fix::safe(format!("Check out the repository at the start of job `{}`", job.id), vec![edit]).with_explanation(format!(
        "`{full}` is in the repository, but job `{}` never checks the repository out, so its workspace is empty (container jobs \
         and new jobs often miss this). The job now starts with `actions/checkout@v4`.",
        job.id
    ));
    let (path, job_id) = (ctx.path.to_string(), job.id.to_string());
    let intent = move |files: &Files| {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let first = wf.job(&job_id).and_then(|j| j.steps.first()).and_then(Step::uses);
        if first == Some("actions/checkout@v4") {
            Ok(())
        } else {
            Err("no checkout first".into())
        }
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

fn step_source(files: &Files, path: &str, job_id: &str, index: usize) -> Result<String, String> {
    let text = files.get(path).ok_or("workflow missing")?;
    let doc = yaml::parse(text.as_bytes());
    let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
    let step = wf.job(job_id).and_then(|j| j.steps.get(index)).ok_or("step gone")?;
    Ok(text
        .get(step.node.span.start..step.node.span.end)
        .unwrap_or("")
        .to_string())
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    fn missing(path: &str, job: &str) -> FailureInput {
        FailureInput::new(Category::FileNotFound, Some(path)).in_job(job)
    }

    const UPLOAD: &str = "\
on: push
jobs:
  package:
    runs-on: windows-latest
    steps:
      - uses: actions/checkout@v4
      - run: pyinstaller app.spec
      # Keep the build for a week.
      - name: Upload
        if: github.event_name == 'push'
        uses: actions/upload-artifact@v4
        with:
          path: src/dist/windows
          retention-days: 7
";

    #[test]
    fn a_generated_path_gets_only_a_fallback_guard_merging_the_existing_if() {
        let f = missing("src/dist/windows", "package").at_step_name("Upload");
        let o = outcome(&f, UPLOAD);
        assert!(
            o.fixes[0].fallback,
            "a guard hides the failure: never applied automatically"
        );
        assert!(
            o.fixes[0].explanation.contains("could not list the repository"),
            "{}",
            o.fixes[0].explanation
        );
        assert!(!o.fixes[0].explanation.contains("anywhere"), "nothing was searched");
        assert!(
            o.fixes[0]
                .explanation
                .contains("runs the `actions/upload-artifact@v4` action"),
            "{}",
            o.fixes[0].explanation
        );
        let p = crate::plan(std::slice::from_ref(&f), PATH, UPLOAD, &autoheal_engine::repo::NoRepo);
        assert!(
            p.fixes.is_empty() && p.skipped[0].1.contains("fallback"),
            "{:?}",
            p.skipped
        );
        let out = apply_only(&f, UPLOAD);
        assert_eq!(
            out,
            UPLOAD.replace(
                "if: github.event_name == 'push'",
                "if: (github.event_name == 'push') && hashFiles('src/dist/windows/**') != ''"
            )
        );
        let plain = UPLOAD.replace("        if: github.event_name == 'push'\n", "");
        let out = apply_only(&missing("src/dist/windows/", "package").at_step_name("Upload"), &plain);
        assert!(
            out.contains("      - name: Upload\n        if: hashFiles('src/dist/windows/**') != ''\n        uses:"),
            "{out}"
        );
    }

    #[test]
    fn a_moved_file_is_referenced_where_it_is() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt  # deps\n";
        let repo = repo(&[("backend/requirements.txt", "flask\n"), ("README.md", "")]);
        let files = apply_with_repo(&missing("requirements.txt", "test"), src, &repo);
        assert_eq!(
            files[PATH],
            src.replace("-r requirements.txt", "-r backend/requirements.txt")
        );
    }

    const SETUP_ACTION: &str = "name: setup\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-python@v5\n      with:\n        python-version: '3.12'\n    - run: pip install -r requirements-dev.txt\n      shell: bash\n";
    const USES_SETUP: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: app\n    steps:\n      - uses: actions/checkout@v4\n      - name: Setup\n        uses: ./.github/actions/setup\n      - run: python -m pytest\n";

    #[test]
    fn a_path_named_inside_a_local_composite_action_is_fixed_in_the_action() {
        let f = missing("requirements-dev.txt", "test").at_step_name("Setup");
        // The caller's `defaults.run.working-directory` does not apply to
        // the action's steps: the path is the workspace's.
        let one = repo(&[
            (".github/actions/setup/action.yml", SETUP_ACTION),
            ("requirements/dev.txt", "pytest\n"),
        ]);
        let files = apply_with_repo(&f, USES_SETUP, &one);
        assert_eq!(files[PATH], USES_SETUP, "the workflow is not edited");
        assert_eq!(
            files[".github/actions/setup/action.yml"],
            SETUP_ACTION.replace("requirements-dev.txt", "requirements/dev.txt")
        );
        // Two candidates, or an action that does not name the path: no fix.
        let two = repo(&[
            (".github/actions/setup/action.yml", SETUP_ACTION),
            ("requirements/dev.txt", "pytest\n"),
            ("ci/requirements-dev.txt", "pytest\n"),
        ]);
        let o = crate::fixes_for(&f, PATH, USES_SETUP, &two);
        assert!(o.fixes.is_empty(), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("several files"));
        let other = repo(&[
            (
                ".github/actions/setup/action.yml",
                "name: setup\nruns:\n  using: composite\n  steps:\n    - run: pip install -e .\n      shell: bash\n",
            ),
            ("requirements/dev.txt", "pytest\n"),
        ]);
        let o = crate::fixes_for(&f, PATH, USES_SETUP, &other);
        assert!(o.manual_reason.unwrap_or_default().contains("no step of it names"));
        // A Docker action is not looked into.
        let docker = repo(&[
            (
                ".github/actions/setup/action.yml",
                "name: s\nruns:\n  using: docker\n  image: Dockerfile\n",
            ),
            ("requirements/dev.txt", "pytest\n"),
        ]);
        let o = crate::fixes_for(&f, PATH, USES_SETUP, &docker);
        assert!(o.manual_reason.unwrap_or_default().contains("does not name"));
    }

    #[test]
    fn a_build_product_is_not_followed_to_a_file_of_the_same_name() {
        let src = "on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make dist\n      - run: cp dist/app.tar.gz release/\n";
        let f = missing("dist/app.tar.gz", "release").at_step_name("Run cp dist/app.tar.gz release/");
        let fixture = repo(&[("testdata/app.tar.gz", "x"), ("Makefile", "")]);
        let o = crate::fixes_for(&f, PATH, src, &fixture);
        assert!(o.fixes.is_empty(), "{:?}", o.fixes);
        assert!(
            o.manual_reason
                .unwrap_or_default()
                .contains("where builds write their output")
        );
        // A `dist/` the repository tracks is followed as before.
        let tracked = repo(&[("pkg/dist/app.tar.gz", "x"), ("dist/README", "")]);
        let files = apply_with_repo(&f, src, &tracked);
        assert!(
            files[PATH].contains("cp pkg/dist/app.tar.gz release/"),
            "{}",
            files[PATH]
        );
    }

    /// The final read of 2026-12-07 (M4f): a tracked output-named directory
    /// (`public/` with its `index.html`) can hold an untracked one deeper
    /// (`public/build/`, where Svelte's template writes the bundle); the
    /// bundle is the build's, not another package's committed copy.
    #[test]
    fn a_build_product_under_a_tracked_output_named_dir_is_not_followed() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm run build\n      - name: Check\n        run: test -s public/build/bundle.js\n";
        let f = missing("public/build/bundle.js", "test").at_step_name("Check");
        let files = repo(&[
            ("package.json", "{}"),
            ("public/index.html", ""),
            ("site/public/build/bundle.js", "old"),
        ]);
        let o = crate::fixes_for(&f, PATH, src, &files);
        assert!(o.fixes.iter().all(|fix| fix.fallback), "{:?}", o.fixes);
        // With `public/build/` itself tracked, the path is followed as before.
        let tracked = repo(&[
            ("package.json", "{}"),
            ("public/build/.gitkeep", ""),
            ("site/public/build/bundle.js", "old"),
        ]);
        let o = crate::fixes_for(&f, PATH, src, &tracked);
        assert!(o.fixes.iter().any(|fix| !fix.fallback), "{:?}", o);
    }

    /// review87 H4: a file an earlier step writes, or an artifact brings, is
    /// the run's, never a same-named committed one; a rewrite into examples or
    /// test data is never Safe.
    #[test]
    fn a_file_the_run_makes_is_not_moved_and_samples_are_not_safe_targets() {
        let tf = "on: push\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"$TFVARS\" > prod.tfvars\n      - name: Plan\n        run: terraform plan -var-file prod.tfvars\n";
        let f = missing("prod.tfvars", "plan").at_step_name("Plan");
        let examples = repo(&[("main.tf", ""), ("examples/prod.tfvars", "x")]);
        let o = crate::fixes_for(&f, PATH, tf, &examples);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("earlier in the job uses"));
        // A quoted redirect target is written all the same (final review M1).
        for write in [
            "echo \"$TFVARS\" > \"prod.tfvars\"",
            "printf '%s' \"$X\" >> 'prod.tfvars'",
        ] {
            let src = tf.replace("echo \"$TFVARS\" > prod.tfvars", write);
            let o = crate::fixes_for(&f, PATH, &src, &examples);
            assert!(o.fixes.iter().all(|x| x.fallback), "{write}: {:?}", o.fixes);
            assert!(
                o.manual_reason.unwrap_or_default().contains("earlier in the job uses"),
                "{write}"
            );
        }
        let artifact = tf.replace(
            "      - run: echo \"$TFVARS\" > prod.tfvars\n",
            "      - uses: actions/download-artifact@v4\n        with:\n          name: vars\n",
        );
        let o = crate::fixes_for(&f, PATH, &artifact, &examples);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("downloads artifacts"));
        // An artifact downloaded elsewhere does not hold it: the example is
        // still found, but a rewrite into examples is never Safe.
        let other = artifact.replace("          name: vars\n", "          name: vars\n          path: out\n");
        let o = crate::fixes_for(&f, PATH, &other, &examples);
        let fix = o.fixes.first().expect("a rewrite");
        assert!(fix.title.contains("examples/prod.tfvars"), "{}", fix.title);
        assert_eq!(
            fix.applicability,
            autoheal_engine::Applicability::DisplayOnly,
            "{fix:?}"
        );
        // A file found in the project's own directories is still rewritten
        // after mentions that use nothing (review88 M1): a cache key's
        // `hashFiles()` (never fails on a missing file), an echo's text, an
        // artifact downloaded outside the workspace. (A root file of no
        // ecosystem found by its name alone is a guess, display-only, also
        // beside others of its kind, `root_file::lone_file_doubt`: here
        // `dev.tfvars`.)
        let own = repo(&[("main.tf", ""), ("env/prod.tfvars", "x"), ("env/dev.tfvars", "x")]);
        for earlier in [
            "",
            "      - uses: actions/cache@v4\n        with:\n          path: .terraform\n          key: tf-${{ hashFiles('prod.tfvars') }}\n",
            "      - run: echo \"planning with prod.tfvars\"\n",
            "      - uses: actions/download-artifact@v4\n        with:\n          path: /tmp/cov\n",
        ] {
            let src = tf.replace("      - run: echo \"$TFVARS\" > prod.tfvars\n", earlier);
            let o = crate::fixes_for(&f, PATH, &src, &own);
            let fix = o
                .fixes
                .first()
                .unwrap_or_else(|| panic!("{earlier}: {:?}", o.manual_reason));
            assert!(
                !fix.fallback && fix.title.contains("env/prod.tfvars"),
                "{earlier}: {}",
                fix.title
            );
            assert_eq!(
                fix.applicability,
                autoheal_engine::Applicability::DisplayOnly,
                "{earlier}: {fix:?}"
            );
        }
        // A file the repository has still gets its checkout, whatever an
        // earlier step mentions.
        let no_checkout = tf
            .replace("      - uses: actions/checkout@v4\n", "")
            .replace("echo \"$TFVARS\" > prod.tfvars", "echo ${{ hashFiles('prod.tfvars') }}");
        let o = crate::fixes_for(&f, PATH, &no_checkout, &repo(&[("prod.tfvars", "x")]));
        let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
        assert!(fix.title.contains("Check out"), "{}", fix.title);
    }

    /// review89 H1: Prisma reads `migrations/` beside the schema, so a
    /// `migrate deploy` pointed at a schema that moved without its
    /// migrations finds none and exits 0 having applied nothing; the move is
    /// followed only when the migrations are beside the new schema, or the
    /// command reads only the schema. A generator's `templates/` copy is
    /// never a Safe target.
    #[test]
    fn a_prisma_schema_moved_without_its_migrations_is_not_followed() {
        let wf = "on: push\njobs:\n  db:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - name: Migrate\n        run: npx prisma migrate deploy --schema=prisma/schema.prisma\n";
        let f = missing("prisma/schema.prisma", "db").at_step_name("Migrate");
        let left_behind = repo(&[
            ("package.json", "{}"),
            ("packages/db/prisma/schema.prisma", "x"),
            ("prisma/migrations/20261201_init/migration.sql", "x"),
        ]);
        let o = crate::fixes_for(&f, PATH, wf, &left_behind);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(
            o.manual_reason.unwrap_or_default().contains("no migration"),
            "the reason names what the rewrite would do"
        );
        let with_it = repo(&[
            ("package.json", "{}"),
            ("packages/db/prisma/schema.prisma", "x"),
            ("packages/db/prisma/migrations/20261201_init/migration.sql", "x"),
        ]);
        let o = crate::fixes_for(&f, PATH, wf, &with_it);
        let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
        assert!(fix.title.contains("packages/db/prisma/schema.prisma"), "{}", fix.title);
        // A migration of a live database: offered, never applied without a
        // person (review89 M2).
        assert_eq!(
            fix.applicability,
            autoheal_engine::Applicability::DisplayOnly,
            "{fix:?}"
        );
        // `prisma generate` reads the schema alone: the move is followed,
        // Safe when the whole directory went; with `prisma/migrations/` left
        // behind the schema found elsewhere may be another package's, so it
        // is offered for a person only (`moved::neighbour_left_behind`).
        let generate = wf.replace("migrate deploy", "generate");
        let moved_whole = repo(&[
            ("package.json", "{}"),
            ("packages/db/prisma/schema.prisma", "x"),
            ("packages/db/prisma/migrations/20261201_init/migration.sql", "x"),
        ]);
        for (files, want) in [
            (&moved_whole, autoheal_engine::Applicability::Safe),
            (&left_behind, autoheal_engine::Applicability::DisplayOnly),
        ] {
            let o = crate::fixes_for(&f, PATH, &generate, files);
            let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
            assert!(fix.title.contains("packages/db/prisma/schema.prisma"), "{}", fix.title);
            assert_eq!(fix.applicability, want, "{fix:?}");
        }
        // A template's schema stands in for the project's: never Safe.
        let template = repo(&[("package.json", "{}"), ("templates/prisma/schema.prisma", "x")]);
        let o = crate::fixes_for(&f, PATH, &generate, &template);
        if let Some(fix) = o.fixes.iter().find(|x| !x.fallback) {
            assert_eq!(
                fix.applicability,
                autoheal_engine::Applicability::DisplayOnly,
                "{fix:?}"
            );
        }
    }

    /// A file of the same name in another directory is where the missing one
    /// went when its whole directory moved (Safe); when the old directory
    /// still holds the file's neighbours, it may be another copy: offered for
    /// a person, and the explanation names the file that stayed.
    #[test]
    fn a_same_named_file_elsewhere_is_not_safe_while_its_neighbours_stayed() {
        let wf = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r requirements/prod.txt\n";
        let f = missing("requirements/prod.txt", "test").at_step_name("Install");
        let rewrite = |files: &[(&str, &str)]| {
            let o = crate::fixes_for(&f, PATH, wf, &repo(files));
            o.fixes
                .into_iter()
                .find(|x| !x.fallback)
                .unwrap_or_else(|| panic!("{:?}", o.manual_reason))
        };
        use autoheal_engine::Applicability::{DisplayOnly, Safe};
        let moved = rewrite(&[
            ("backend/requirements/prod.txt", "flask\n"),
            ("backend/requirements/dev.txt", "pytest\n"),
        ]);
        assert!(moved.title.contains("backend/requirements/prod.txt"), "{}", moved.title);
        assert_eq!(moved.applicability, Safe, "{moved:?}");
        let copy = rewrite(&[
            ("requirements/dev.txt", "pytest\n"),
            ("v1/requirements/prod.txt", "flask==1.0\n"),
        ]);
        assert!(copy.title.contains("v1/requirements/prod.txt"), "{}", copy.title);
        assert_eq!(copy.applicability, DisplayOnly, "{copy:?}");
        let why = &copy.explanation;
        assert!(
            why.contains("`requirements/dev.txt` is still in `requirements/`"),
            "{why}"
        );
    }

    /// review89 M2: an auto-approved apply pointed at a `legacy/` copy was a
    /// Safe rewrite; a step that changes live systems, or a target among
    /// copies kept out of use, is never Safe.
    #[test]
    fn a_rewrite_in_an_apply_or_to_a_legacy_copy_is_never_safe() {
        let wf = "on: push\njobs:\n  infra:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Apply\n        run: terraform apply -auto-approve -var-file=envs/prod.tfvars\n";
        let f = missing("envs/prod.tfvars", "infra").at_step_name("Apply");
        let safety = |src: &str, files: &[(&str, &str)]| {
            let o = crate::fixes_for(&f, PATH, src, &repo(files));
            let fix = o.fixes.into_iter().find(|x| !x.fallback).expect("a rewrite");
            fix.applicability
        };
        let moved = [("main.tf", ""), ("infra/envs/prod.tfvars", "x")];
        let legacy = [("main.tf", ""), ("legacy/envs/prod.tfvars", "x")];
        use autoheal_engine::Applicability::{DisplayOnly, Safe};
        assert_eq!(safety(wf, &moved), DisplayOnly);
        assert_eq!(safety(wf, &legacy), DisplayOnly);
        let plan = wf.replace("apply -auto-approve", "plan");
        assert_eq!(safety(&plan, &moved), Safe);
        assert_eq!(safety(&plan, &legacy), DisplayOnly);
        // A vendored dependency's file of the same name is another
        // project's (review89 M4).
        let vendored = [("main.tf", ""), ("vendor/modules/net/envs/prod.tfvars", "x")];
        assert_eq!(safety(&plan, &vendored), DisplayOnly);
        let helm = wf.replace(
            "terraform apply -auto-approve -var-file=envs/prod.tfvars",
            "helm upgrade --install web ./chart -f envs/prod.tfvars",
        );
        let helm_moved = [("chart/Chart.yaml", ""), ("infra/envs/prod.tfvars", "x")];
        assert_eq!(safety(&helm, &helm_moved), DisplayOnly);
        // Other deploys (final review B, 1): by verb, script name, action
        // name or the job's environment; installs are not deploys.
        for run in [
            "mvn -s ci/settings.xml deploy",
            "aws cloudformation deploy --template-file stack.yml",
            "flyway -configFiles=conf/prod.conf migrate",
            "./scripts/deploy.sh envs/prod.tfvars",
            "sudo ansible-playbook -i hosts site.yml",
        ] {
            let src = wf.replace(
                "terraform apply -auto-approve -var-file=envs/prod.tfvars",
                &format!("{run} --x=envs/prod.tfvars"),
            );
            assert_eq!(safety(&src, &moved), DisplayOnly, "{run}");
        }
        let install = wf.replace(
            "terraform apply -auto-approve -var-file=envs/prod.tfvars",
            "npm ci && pip install -r envs/prod.tfvars",
        );
        assert_eq!(safety(&install, &moved), Safe);
        let environment = plan.replace(
            "    runs-on: ubuntu-latest\n",
            "    runs-on: ubuntu-latest\n    environment: production\n",
        );
        assert_eq!(safety(&environment, &moved), DisplayOnly);
    }

    /// review87 H2, H3: a deploy folder the build did not write, and an Xcode
    /// workspace `pod install` did not write, were rewritten to a committed
    /// directory of the same name (an old copy, an example app): the job then
    /// deployed or built the wrong thing and went green.
    #[test]
    fn a_deploy_folder_or_generated_project_is_never_moved_to_a_same_named_one() {
        let deploy = "on: push\njobs:\n  site:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run build\n      - name: Deploy\n        run: npx netlify deploy --dir DIR --prod\n";
        for (dir, committed) in [
            ("dist", "site/dist/index.html"),
            ("dist", "docs/public/dist/app.js"),
            ("public", "web/public/index.html"),
        ] {
            let src = deploy.replace("DIR", dir);
            let f = missing(dir, "site").at_step_name("Deploy");
            let o = crate::fixes_for(&f, PATH, &src, &repo(&[("package.json", "{}"), (committed, "x")]));
            assert!(o.fixes.iter().all(|x| x.fallback), "{dir} / {committed}: {:?}", o.fixes);
            assert!(
                o.manual_reason
                    .unwrap_or_default()
                    .contains("builds write their output"),
                "{dir} / {committed}"
            );
        }
        let xcode = "on: push\njobs:\n  ios:\n    runs-on: macos-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: xcodebuild -workspace ios/App.xcworkspace -scheme App build\n";
        let f = missing("ios/App.xcworkspace", "ios").at_step_name("Build");
        let pods = repo(&[
            ("ios/Podfile", "platform :ios\n"),
            ("ios/App.xcodeproj/project.pbxproj", "x"),
            ("example/ios/App.xcworkspace/contents.xcworkspacedata", "x"),
        ]);
        let o = crate::fixes_for(&f, PATH, xcode, &pods);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("`pod install`"));
        // Without the Podfile the workspace is a committed file that moved.
        let moved = repo(&[
            ("ios/App.xcodeproj/project.pbxproj", "x"),
            ("app/ios/App.xcworkspace/contents.xcworkspacedata", "x"),
        ]);
        let files = apply_with_repo(&f, xcode, &moved);
        assert!(
            files[PATH].contains("-workspace app/ios/App.xcworkspace"),
            "{}",
            files[PATH]
        );
    }

    const DEV_INSTALL: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: |\n          pip install -r requirements-dev.txt\n      - name: Cache key\n        run: echo ${{ hashFiles('requirements-dev.txt') }}\n";

    #[test]
    fn a_renamed_requirements_file_is_followed_not_skipped() {
        let repo = repo(&[
            ("requirements/dev.txt", "pytest\n"),
            ("requirements/base.txt", "flask\n"),
            ("setup.py", ""),
        ]);
        let f = missing("requirements-dev.txt", "test").at_step_name("Install");
        let o = crate::fixes_for(&f, PATH, DEV_INSTALL, &repo);
        let fix = &o.fixes[0];
        assert!(!fix.fallback && fix.applicability == autoheal_engine::Applicability::Safe);
        assert_eq!(
            fix.title,
            "Use `requirements/dev.txt` instead of `requirements-dev.txt` in step \"Install\""
        );
        assert!(
            fix.explanation.contains("step \"Cache key\" of job `test`"),
            "{}",
            fix.explanation
        );
        let files = apply_with_repo(&f, DEV_INSTALL, &repo);
        assert_eq!(
            files[PATH],
            DEV_INSTALL.replacen("-r requirements-dev.txt", "-r requirements/dev.txt", 1)
        );
    }

    #[test]
    fn a_listed_repository_without_the_file_says_what_was_checked() {
        let repo = repo(&[("setup.py", ""), ("README.md", "")]);
        let f = missing("requirements-dev.txt", "test").at_step_name("Install");
        let o = crate::fixes_for(&f, PATH, DEV_INSTALL, &repo);
        assert!(o.fixes[0].fallback);
        assert!(
            o.fixes[0].explanation.contains("among the repository's 2 files"),
            "{}",
            o.fixes[0].explanation
        );
        assert!(
            o.fixes[0]
                .explanation
                .contains("which runs `pip install -r requirements-dev.txt`"),
            "{}",
            o.fixes[0].explanation
        );
        // Two equally good candidates: no guess, and no guard either.
        let two = repo_files(&[("a/requirements-dev.txt", ""), ("b/requirements-dev.txt", "")]);
        let o = crate::fixes_for(&f, PATH, DEV_INSTALL, &two);
        assert!(o.fixes.is_empty());
        assert!(
            o.manual_reason
                .unwrap()
                .contains("`a/requirements-dev.txt`, `b/requirements-dev.txt`")
        );
    }

    fn repo_files(files: &[(&str, &str)]) -> autoheal_engine::repo::MemoryRepo {
        repo(files)
    }

    #[test]
    fn a_moved_file_seen_from_a_working_directory_gets_a_relative_path() {
        let src = "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - working-directory: web\n        run: pip install -r requirements.txt\n";
        let repo = repo(&[
            ("requirements/prod.txt", ""),
            ("web/app.py", ""),
            ("requirements.txt.bak/x", ""),
        ]);
        let repo = repo.with_listing(["requirements/prod.txt", "web/app.py", "config/requirements.txt"]);
        let files = apply_with_repo(&missing("requirements.txt", "web"), src, &repo);
        assert_eq!(
            files[PATH],
            src.replace("-r requirements.txt", "-r ../config/requirements.txt")
        );
        assert_eq!(super::relative_to("a/b", "a/c/d.txt"), "../c/d.txt");
        assert_eq!(super::relative_to("a", "a/d.txt"), "d.txt");
    }

    #[test]
    fn a_workflow_level_working_directory_is_where_the_step_runs() {
        // `defaults.run.working-directory` of the workflow applies to every
        // `run:` step: the new path is relative to it, as a job's would be.
        let src = "on: push\ndefaults:\n  run:\n    working-directory: app\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements-dev.txt\n";
        let repo = repo(&[("app/requirements/dev.txt", ""), ("app/setup.py", "")]);
        let files = apply_with_repo(&missing("requirements-dev.txt", "web"), src, &repo);
        assert_eq!(
            files[PATH],
            src.replace("-r requirements-dev.txt", "-r requirements/dev.txt")
        );
    }

    #[test]
    fn a_moved_file_named_in_a_folded_run_is_replaced_within_its_line() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: >-\n          pip install\n          -r requirements-dev.txt\n          --no-deps\n";
        let repo = repo(&[("requirements/dev.txt", "")]);
        let files = apply_with_repo(&missing("requirements-dev.txt", "t"), src, &repo);
        assert_eq!(
            files[PATH],
            src.replace("-r requirements-dev.txt", "-r requirements/dev.txt")
        );
    }

    #[test]
    fn log_paths_the_step_does_not_name_and_patterns_are_not_used() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: make\n";
        assert!(manual_reason(&missing("secret/x.txt", "t").at_step_name("Build"), src).contains("does not name"));
        assert!(manual_reason(&missing("dist/*.whl", "t").at_step_name("Build"), src).contains("pattern"));
    }

    #[test]
    fn a_project_in_a_subdirectory_gets_a_working_directory() {
        let src = "on: push\r\njobs:\r\n  web:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - name: Install\r\n        run: npm ci\r\n";
        let repo = repo(&[("web/package.json", "{}"), ("web/src/index.js", "")]);
        let files = apply_with_repo(
            &missing("/home/runner/work/site/site/package.json", "web").at_step_name("Install"),
            src,
            &repo,
        );
        assert_eq!(
            files[PATH],
            src.replace(
                "      - name: Install\r\n",
                "      - name: Install\r\n        working-directory: web\r\n"
            )
        );
    }

    #[test]
    fn a_file_in_the_repo_but_no_checkout_gets_a_checkout() {
        let src = "on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    container: rust:1.80\n    steps:\n      - run: ./bin/maintainer/citest.sh\n";
        let repo = repo(&[("bin/maintainer/citest.sh", "#!/bin/sh\n")]);
        let files = apply_with_repo(&missing("./bin/maintainer/citest.sh", "ci"), src, &repo);
        assert!(
            files[PATH]
                .contains("    steps:\n      - uses: actions/checkout@v4\n      - run: ./bin/maintainer/citest.sh\n"),
            "{}",
            files[PATH]
        );
    }

    /// Issue 12's open item: the script guard is bash (`if [ ! -e … ]`); on
    /// a step that runs in PowerShell (a Windows runner's default, or
    /// `shell: pwsh`) it would be a syntax error, so it is not offered.
    #[test]
    fn a_powershell_step_gets_no_shell_guard() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - working-directory: ${{ matrix.dir }}\n        run: |\n          ./run.ps1\n";
        for pwsh in [
            src.replace("ubuntu-latest", "windows-latest"),
            src.replace("        run: |", "        shell: pwsh\n        run: |"),
            src.replace("ubuntu-latest", "windows-2022").replace(
                "    steps:",
                "    defaults:\n      run:\n        shell: powershell\n    steps:",
            ),
        ] {
            let o = outcome(&missing("run.ps1", "t"), &pwsh);
            assert!(
                o.fixes
                    .iter()
                    .all(|f| !f.edits.iter().any(|e| e.new_text.contains("if [ ! -e"))),
                "{pwsh}\n{:?}",
                o.fixes
            );
            let why = o.manual_reason.unwrap_or_default();
            assert!(why.contains("does not run in a POSIX shell"), "{pwsh}\n{why}");
        }
        // `shell: bash` on Windows runs the guard in Git's bash.
        let bash = src
            .replace("ubuntu-latest", "windows-latest")
            .replace("        run: |", "        shell: bash\n        run: |");
        assert!(apply_only(&missing("run.ps1", "t"), &bash).contains("if [ ! -e 'run.ps1' ]"));
    }

    /// A job whose runner's OS no label tells (a self-hosted label, an
    /// expression) gets no guard either, and the reason says what is unknown
    /// rather than calling its shell PowerShell.
    #[test]
    fn a_step_whose_shell_is_unknown_gets_no_guard_and_says_why() {
        let src = "on: push\njobs:\n  t:\n    runs-on: [self-hosted, gpu-box]\n    steps:\n      - uses: actions/checkout@v4\n      - working-directory: \
                   ${{ matrix.dir }}\n        run: |\n          ./run.sh\n";
        let o = outcome(&missing("run.sh", "t"), src);
        assert!(
            o.fixes
                .iter()
                .all(|f| !f.edits.iter().any(|e| e.new_text.contains("if [ ! -e"))),
            "{:?}",
            o.fixes
        );
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("is not known"), "{why}");
        assert!(!why.contains("pwsh") && !why.contains("PowerShell"), "{why}");
    }

    /// The reason says why the shell is unknown, per shape: a computed
    /// `shell:` (the step's or a default's), a `runs-on` naming Windows and
    /// Linux, no OS label at all (finfix19 L1).
    #[test]
    fn a_step_whose_shell_is_unknown_says_which_of_the_three_reasons() {
        let step = "      - uses: actions/checkout@v4\n      - working-directory: ${{ matrix.dir }}\n        run: |\n          ./run.sh\n";
        for (job, want, not) in [
            (
                "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - shell: ${{ matrix.shell }}\n        working-directory: \
                 ${{ matrix.dir }}\n        run: |\n          ./run.sh\n",
                "its `shell:` is an expression",
                "no `shell:`",
            ),
            (
                &format!(
                    "    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: ${{{{ inputs.shell }}}}\n    steps:\n{step}"
                ),
                "the `defaults.run.shell` it inherits is an expression",
                "no `shell:`",
            ),
            (
                &format!(
                    "    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{{{ matrix.os }}}}\n    steps:\n{step}"
                ),
                "Windows and on Linux or macOS",
                "does not tell",
            ),
            (
                &format!("    runs-on: [self-hosted, gpu-box]\n    steps:\n{step}"),
                "does not tell its runner's OS",
                "expression",
            ),
        ] {
            let src = format!("on: push\njobs:\n  t:\n{job}");
            let o = outcome(&missing("run.sh", "t"), &src);
            assert!(o.fixes.is_empty(), "{src}: {:?}", o.fixes);
            let why = o.manual_reason.unwrap_or_default();
            assert!(why.contains(want) && !why.contains(not), "{src}: {why}");
        }
    }

    #[test]
    fn dynamic_working_directories_get_a_script_guard() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - working-directory: ${{ matrix.dir }}\n        run: |\n          ./run.sh\n";
        let out = apply_only(&missing("run.sh", "t"), src);
        assert!(out.contains("        run: |\n          if [ ! -e 'run.sh' ]; then echo 'run.sh not found; skipping'; exit 0; fi\n          ./run.sh\n"), "{out}");
    }

    /// Under a computed working directory, a file of the same name found from
    /// the root is another leg's or caller's: no rewrite points at it, only
    /// the fallback is offered (round 6 of the fix shapes).
    #[test]
    fn a_computed_working_directory_gets_no_moved_path() {
        let src = "on:\n  workflow_call:\n    inputs:\n      dir: {type: string}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: ${{ inputs.dir }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n";
        let repo = repo(&[("services/worker/requirements.txt", "celery\n")])
            .with_listing(["services/worker/requirements.txt", "services/api/requirements/base.txt"]);
        let out = outcome(&missing("requirements.txt", "t"), src);
        let with_listing = crate::fixes_for(&missing("requirements.txt", "t"), PATH, src, &repo);
        for fixes in [&out.fixes, &with_listing.fixes] {
            assert!(
                fixes
                    .iter()
                    .all(|f| f.edits.iter().all(|e| !e.new_text.contains("services/"))),
                "{fixes:?}"
            );
            assert!(fixes.iter().all(|f| f.fallback), "only the fallback: {fixes:?}");
        }
    }

    #[test]
    fn hostile_and_outside_paths_give_no_fix() {
        for s in HOSTILE
            .iter()
            .chain(&["/etc/passwd", "/home/runner/work/_actions/x/y/v1/z", "dist/*.whl"])
        {
            assert!(
                outcome(&missing(s, "package").at_step_name("Upload"), UPLOAD)
                    .fixes
                    .is_empty(),
                "{s:?}"
            );
        }
    }

    /// finfix H1f: a root file whose only namesake is another tool's file in
    /// a subdirectory (Read the Docs' `docs/requirements.txt` beside
    /// `docs/conf.py`) while the root keeps the project's files: no Safe
    /// rewrite to it (`pip install -r docs/requirements.txt` installs Sphinx,
    /// not the project's dependencies), and the note says why.
    #[test]
    fn a_root_file_is_not_safely_moved_into_docs() {
        let wf = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        run: pip install -r requirements.txt\n";
        let f = missing("requirements.txt", "test").at_step_name("Install");
        let files = repo(&[
            ("pyproject.toml", "[project]\nname='x'\n"),
            ("src/x/__init__.py", ""),
            ("docs/conf.py", ""),
            ("docs/requirements.txt", "sphinx\n"),
        ]);
        let o = crate::fixes_for(&f, PATH, wf, &files);
        for fix in &o.fixes {
            assert_ne!(fix.applicability, autoheal_engine::Applicability::Safe, "{fix:?}");
        }
        assert!(o.fixes.iter().any(|f| f.explanation.contains("under `docs/`")), "{o:?}");
    }

    /// finfix L1f: a report file a tool of the run writes (coverage.py's
    /// `coverage.xml`) is not followed to a committed copy, whatever made the
    /// failure (a custom rule's subject does not go through the classifier's
    /// `path_hit`).
    #[test]
    fn a_report_file_is_never_moved() {
        let wf = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pytest --cov\n      - name: Report\n        run: python tools/report.py coverage.xml\n";
        let f = missing("coverage.xml", "test").at_step_name("Report");
        let files = repo(&[("tools/report.py", ""), ("backend/coverage.xml", "<coverage/>")]);
        let o = crate::fixes_for(&f, PATH, wf, &files);
        for fix in &o.fixes {
            assert!(
                fix.fallback || fix.applicability != autoheal_engine::Applicability::Safe,
                "{fix:?}"
            );
        }
    }
}

/// review93 H: `actions/checkout` with `path: app` puts the repository at
/// `$GITHUB_WORKSPACE/app`, where a `run:` step without `working-directory`
/// does not start: `requirements/prod.txt` there is outside the repository,
/// and the repository's `backend/requirements/prod.txt` is
/// `app/backend/requirements/prod.txt` from the step. No rewrite computed
/// from the repository's root is offered; the reason names the checkout.
#[cfg(test)]
mod review93 {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    const CHECKED_OUT_UNDER_APP: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          path: app\n      - name: Install\n        run: pip install -r requirements/prod.txt\n";

    fn install(wf: &str, files: &[(&str, &str)]) -> crate::FixOutcome {
        let f = FailureInput::new(Category::FileNotFound, Some("requirements/prod.txt"))
            .in_job("test")
            .at_step_name("Install");
        crate::fixes_for(&f, PATH, wf, &repo(files))
    }

    const MOVED: &[(&str, &str)] = &[
        ("backend/requirements/prod.txt", "flask\n"),
        ("backend/requirements/dev.txt", "pytest\n"),
    ];

    #[test]
    fn a_checkout_under_a_path_is_not_where_run_steps_start() {
        let o = install(CHECKED_OUT_UNDER_APP, MOVED);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("outside `app`"), "{why}");
        // An expression for the path, and a file the repository has (at
        // `app/requirements/prod.txt` from the step): no checkout is added
        // and no rewrite offered either.
        let computed = CHECKED_OUT_UNDER_APP.replace("path: app", "path: ${{ matrix.dir }}");
        let o = install(&computed, MOVED);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("`${{ matrix.dir }}`"));
        let o = install(CHECKED_OUT_UNDER_APP, &[("requirements/prod.txt", "flask\n")]);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("outside `app`"));
        // Another repository checked out into the workspace itself, or an
        // action of another checkout: the same.
        let other = CHECKED_OUT_UNDER_APP.replace("path: app", "repository: octo/tools");
        let o = install(&other, MOVED);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains("another repository"));
    }

    /// A second checkout, of another repository under `tools/`, leaves this
    /// one in the workspace itself, where the step starts: the rewrite is
    /// still computed from the root, Safe as before.
    #[test]
    fn another_repository_under_a_path_leaves_the_rewrite_from_the_root() {
        let wf = CHECKED_OUT_UNDER_APP.replace(
            "        with:\n          path: app\n",
            "      - uses: actions/checkout@v4\n        with:\n          repository: octo/tools\n          path: tools\n",
        );
        let o = install(&wf, MOVED);
        let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
        assert!(fix.title.contains("`backend/requirements/prod.txt`"), "{}", fix.title);
        assert_eq!(fix.applicability, autoheal_engine::Applicability::Safe, "{fix:?}");
    }
}

/// actions/checkout's `path: app` (a literal directory): the repository's
/// `requirements/dev.txt` is the workspace's `app/requirements/dev.txt`. A
/// step that names `app/requirements-dev.txt` (or `requirements-dev.txt`
/// from `working-directory: app`) gets the moved file with the checkout's
/// directory; a path outside the directory, or a repository checked out
/// twice, gets no rewrite.
#[cfg(test)]
mod checkout_path {
    use crate::test_support::*;
    use crate::{Category, FailureInput};
    use autoheal_engine::Applicability;

    const UNDER_APP: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          path: app\n      - name: Install\n        run: pip install -r app/requirements-dev.txt\n";
    const MOVED: &[(&str, &str)] = &[("requirements/dev.txt", "pytest\n"), ("setup.py", "")];

    fn install(wf: &str, subject: &str) -> crate::FixOutcome {
        let f = FailureInput::new(Category::FileNotFound, Some(subject))
            .in_job("test")
            .at_step_name("Install");
        crate::fixes_for(&f, PATH, wf, &repo(MOVED))
    }

    fn rewritten(o: &crate::FixOutcome, wf: &str) -> String {
        let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
        assert_eq!(fix.applicability, Applicability::Safe, "{fix:?}");
        let edits: Vec<_> = fix.edits.iter().collect();
        autoheal_engine::fix::apply_edits(PATH, wf, &edits).expect("applies")
    }

    #[test]
    fn the_checkouts_directory_is_stripped_and_written_back() {
        for subject in [
            "app/requirements-dev.txt",
            "/home/runner/work/r/r/app/requirements-dev.txt",
        ] {
            let o = install(UNDER_APP, subject);
            assert_eq!(
                rewritten(&o, UNDER_APP),
                UNDER_APP.replace("-r app/requirements-dev.txt", "-r app/requirements/dev.txt"),
                "{subject}"
            );
        }
    }

    #[test]
    fn from_a_working_directory_inside_the_checkout_the_path_is_relative_to_it() {
        let wf = UNDER_APP.replace(
            "        run: pip install -r app/requirements-dev.txt\n",
            "        working-directory: app\n        run: pip install -r requirements-dev.txt\n",
        );
        let o = install(&wf, "requirements-dev.txt");
        assert_eq!(
            rewritten(&o, &wf),
            wf.replace("-r requirements-dev.txt", "-r requirements/dev.txt")
        );
    }

    #[test]
    fn another_repository_beside_it_changes_nothing_and_a_second_copy_stops_the_rewrite() {
        let beside = UNDER_APP.replace(
            "      - name: Install\n",
            "      - uses: actions/checkout@v4\n        with:\n          repository: octo/tools\n          path: tools\n      - name: Install\n",
        );
        let o = install(&beside, "app/requirements-dev.txt");
        assert!(rewritten(&o, &beside).contains("-r app/requirements/dev.txt"));
        let twice = UNDER_APP.replace(
            "      - name: Install\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: copy\n      - name: Install\n",
        );
        let o = install(&twice, "app/requirements-dev.txt");
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("checks out again after it"), "{why}");
    }

    #[test]
    fn a_path_outside_the_checkouts_directory_gets_no_rewrite() {
        let wf = UNDER_APP.replace("-r app/requirements-dev.txt", "-r requirements-dev.txt");
        let o = install(&wf, "requirements-dev.txt");
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("outside `app`"), "{why}");
        // A computed directory is not read at all.
        let computed = UNDER_APP.replace("path: app", "path: ${{ matrix.dir }}");
        let o = install(&computed, "app/requirements-dev.txt");
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
    }
}

/// A step before the job's checkout sees none of the repository's files
/// (`checkout::before`): a moved file is not rewritten and no guard is
/// offered (it would skip the step every time); a file the repository has
/// where the step looks still gets the checkout.
#[cfg(test)]
mod before_checkout {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    const WF: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Install\n        run: pip install -r requirements-dev.txt\n      - uses: actions/checkout@v4\n";

    fn install(files: Option<&[(&str, &str)]>) -> crate::FixOutcome {
        let f = FailureInput::new(Category::FileNotFound, Some("requirements-dev.txt"))
            .in_job("test")
            .at_step_name("Install");
        match files {
            Some(files) => crate::fixes_for(&f, PATH, WF, &repo(files)),
            None => crate::fixes_for(&f, PATH, WF, &autoheal_engine::repo::NoRepo),
        }
    }

    #[test]
    fn a_step_before_the_checkout_gets_no_rewrite_and_no_guard() {
        // The checkout is advised only where the listing has the file.
        for (files, says) in [
            (
                Some(&[("requirements/dev.txt", "pytest\n"), ("setup.py", "")][..]),
                "the repository has it at `requirements/dev.txt`: check the repository out before the step",
            ),
            (
                Some(&[("setup.py", "")][..]),
                "the repository does not have it either, so a checkout would not bring it",
            ),
            (None, "cannot tell whether the repository has it"),
        ] {
            let o = install(files);
            assert!(o.fixes.is_empty(), "{files:?}: {:?}", o.fixes);
            let why = o.manual_reason.unwrap_or_default();
            assert!(why.contains("runs before the job checks the repository out"), "{why}");
            assert!(why.contains(says), "{why}");
            assert_eq!(
                why.contains("check the repository out"),
                files.is_some_and(|f| f.len() == 2),
                "{why}"
            );
        }
        let o = install(Some(&[("requirements-dev.txt", "pytest\n")]));
        let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
        assert!(fix.title.starts_with("Check out the repository"), "{}", fix.title);
    }
}

/// A path with leading directories dropped beside another file of its name
/// (the namesake mend of the whole path under another directory, 1fdf660e,
/// carried over): `backend/scripts/lint.sh` is not pointed at the root's
/// own `scripts/lint.sh` while `backend/bin/lint.sh` exists.
#[cfg(test)]
mod dropped_directories {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    const WF: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Lint\n        run: bash backend/scripts/lint.sh\n";

    fn lint(files: &[(&str, &str)]) -> crate::FixOutcome {
        let f = FailureInput::new(Category::FileNotFound, Some("backend/scripts/lint.sh"))
            .in_job("test")
            .at_step_name("Lint");
        crate::fixes_for(&f, PATH, WF, &repo(files))
    }

    #[test]
    fn a_namesake_makes_the_shorter_path_ambiguous() {
        let o = lint(&[
            ("scripts/lint.sh", "echo root\n"),
            ("scripts/format.sh", "echo seed\n"),
            ("backend/bin/lint.sh", "echo backend\n"),
        ]);
        assert!(o.fixes.iter().all(|x| x.fallback), "{:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(
            why.contains("`scripts/lint.sh`") && why.contains("`backend/bin/lint.sh`"),
            "{why}"
        );
        // Alone, the path without its leading directories is a strong move.
        let o = lint(&[("scripts/lint.sh", "echo root\n"), ("scripts/format.sh", "echo seed\n")]);
        let fix = o.fixes.first().unwrap_or_else(|| panic!("{:?}", o.manual_reason));
        assert!(fix.title.contains("`scripts/lint.sh`"), "{}", fix.title);
        assert_eq!(fix.applicability, autoheal_engine::Applicability::Safe, "{fix:?}");
    }
}

/// The refusals of `generate` that no other test reaches: each names why.
#[cfg(test)]
mod refusals {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    fn missing(path: &str, step: &str) -> FailureInput {
        FailureInput::new(Category::FileNotFound, Some(path))
            .in_job("test")
            .at_step_name(step)
    }

    const WF: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install\n        working-directory: web\n        run: pip install -r requirements-dev.txt\n";
    const MOVED: &[(&str, &str)] = &[("web/requirements/dev.txt", "pytest\n"), ("setup.py", "")];

    /// A literal `working-directory` outside the workspace (or not a plain
    /// path) is where the path is relative to: no rewrite from the
    /// workspace, and no guard either. A literal absolute path is refused
    /// with its own reason, even one shaped like a hosted runner's workspace:
    /// the workflow shows neither the runner nor that `{repo}` is this
    /// repository's name.
    #[test]
    fn a_working_directory_outside_the_workspace_gets_no_fix() {
        let found = crate::fixes_for(&missing("requirements-dev.txt", "Install"), PATH, WF, &repo(MOVED));
        assert!(!found.fixes.is_empty(), "{:?}", found.manual_reason);
        for (dir, because) in [
            ("../web", "not a plain directory inside the workspace"),
            ("web/../../x", "not a plain directory inside the workspace"),
            (
                "${{ github.workspace }}/../web",
                "not a plain directory inside the workspace",
            ),
            ("/opt/web", "an absolute path"),
            ("C:\\web", "an absolute path"),
            ("D:\\a\\app\\app\\web", "an absolute path"),
            ("/home/runner/work/app/app/web", "an absolute path"),
            ("/home/runner/work/other/other/web", "an absolute path"),
            ("/__w/app/app/web", "an absolute path"),
            ("/github/workspace/web", "an absolute path"),
        ] {
            let wf = WF.replace("working-directory: web", &format!("working-directory: '{dir}'"));
            let o = crate::fixes_for(&missing("requirements-dev.txt", "Install"), PATH, &wf, &repo(MOVED));
            assert!(o.fixes.is_empty(), "{dir}: {:?}", o.fixes);
            let why = o.manual_reason.unwrap_or_default();
            assert!(why.contains(because), "{dir}: {why}");
        }
        // `.` is the workspace itself: the path is read from the root.
        let wf = WF.replace("working-directory: web", "working-directory: .");
        let o = crate::fixes_for(
            &missing("requirements-dev.txt", "Install"),
            PATH,
            &wf,
            &repo(&[("requirements/dev.txt", "pytest\n"), ("setup.py", "")]),
        );
        assert!(!o.fixes.is_empty(), "{:?}", o.manual_reason);
    }

    /// `${{ github.workspace }}` is the workspace on every runner: a
    /// directory under it is the relative directory, and gets the same edit
    /// (the checkout's `path:` rules apply to it alike).
    #[test]
    fn a_working_directory_under_github_workspace_is_the_relative_one() {
        // Each fix's workflow after its edits.
        let patched = |wf: &str, files: &[(&str, &str)]| {
            let o = crate::fixes_for(&missing("requirements-dev.txt", "Install"), PATH, wf, &repo(files));
            assert!(!o.fixes.is_empty(), "{wf}: {:?}", o.manual_reason);
            o.fixes
                .iter()
                .map(|f| {
                    let edits: Vec<&autoheal_engine::Edit> = f.edits.iter().collect();
                    autoheal_engine::fix::apply_edits(PATH, wf, &edits).expect("the edits apply")
                })
                .collect::<Vec<_>>()
        };
        let relative = patched(WF, MOVED);
        for dir in [
            "${{ github.workspace }}/web",
            "${{github.workspace}}/web/",
            "${{ GitHub.Workspace }}//web",
        ] {
            let written = format!("working-directory: '{dir}'");
            let wf = WF.replace("working-directory: web", &written);
            let shifted: Vec<String> = patched(&wf, MOVED)
                .iter()
                .map(|p| p.replace(&written, "working-directory: web"))
                .collect();
            assert_eq!(shifted, relative, "{dir}");
        }
        // The workspace itself reads the path from the root, as `.` does.
        let root_files = [("requirements/dev.txt", "pytest\n"), ("setup.py", "")];
        let dot = WF.replace("working-directory: web", "working-directory: .");
        let expr = WF.replace("working-directory: web", "working-directory: ${{ github.workspace }}");
        let expr_patched: Vec<String> = patched(&expr, &root_files)
            .iter()
            .map(|p| p.replace("working-directory: ${{ github.workspace }}", "working-directory: ."))
            .collect();
        assert_eq!(expr_patched, patched(&dot, &root_files));
        // Under a checkout's `path: app`, a directory outside `app` is refused
        // as the relative one is.
        let under = WF.replace(
            "      - uses: actions/checkout@v4\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: app\n",
        );
        for dir in ["web", "${{ github.workspace }}/web"] {
            let wf = under.replace("working-directory: web", &format!("working-directory: '{dir}'"));
            let why = manual_reason(&missing("requirements-dev.txt", "Install"), &wf);
            assert!(why.contains("is outside `app`"), "{dir}: {why}");
        }
        // A hostile subject stays refused by the path grammar.
        let wf = WF.replace(
            "working-directory: web",
            "working-directory: '${{ github.workspace }}/web'",
        );
        for subject in ["../../etc/passwd", "$(id).txt", "/etc/shadow"] {
            let o = crate::fixes_for(&missing(subject, "Install"), PATH, &wf, &repo(MOVED));
            assert!(o.fixes.is_empty(), "{subject}: {:?}", o.fixes);
        }
    }

    /// A step that runs its command in a container (`docker run`) may have
    /// missed the path there.
    #[test]
    fn a_step_running_a_container_gets_no_fix() {
        let wf = WF.replace(
            "pip install -r requirements-dev.txt",
            "docker run --rm -v \"$PWD:/src\" python:3.12 pip install -r requirements-dev.txt",
        );
        let why = manual_reason(&missing("requirements-dev.txt", "Install"), &wf);
        assert!(
            why.contains("runs `docker") && why.contains("may be missing there"),
            "{why}"
        );
    }

    /// The file is where the step looks, in the repository the job checked
    /// out: an earlier step removed it; neither a checkout nor a rewrite.
    #[test]
    fn a_file_the_checked_out_repository_has_gets_no_fix() {
        let here = repo(&[("web/requirements-dev.txt", "pytest\n"), ("setup.py", "")]);
        let o = crate::fixes_for(&missing("requirements-dev.txt", "Install"), PATH, WF, &here);
        assert!(o.fixes.is_empty(), "{:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(
            why.contains("the job checks it out; an earlier step must have removed or moved it"),
            "{why}"
        );
        // The same under actions/checkout's `path: app`.
        let under = WF
            .replace(
                "      - uses: actions/checkout@v4\n",
                "      - uses: actions/checkout@v4\n        with:\n          path: app\n",
            )
            .replace("working-directory: web", "working-directory: app/web");
        let o = crate::fixes_for(&missing("requirements-dev.txt", "Install"), PATH, &under, &here);
        assert!(o.fixes.is_empty(), "{:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("which the job checks out into `app`"), "{why}");
    }
}
