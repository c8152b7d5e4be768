//! Fix type 4, `file_not_found`: when the path exists elsewhere in the
//! repository, point the step at it (its reference or `working-directory`);
//! when it exists where expected but the job never checked the repository
//! out, add the checkout; otherwise guard the step so it runs only when the
//! file is there (`if: hashFiles(…) != ''`, or a `test -e` guard in scripts
//! whose directory is only known at run time).

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::{self, Node, NodeKind};
use autoheal_engine::{Edit, Fix};

use crate::script::{Script, word_positions};
use crate::subject::workspace_path;
use crate::yaml_edit::{Block, insert_step_before, scalar, set_entry};
use crate::{Candidate, Ctx, Files, Generated, locate};

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let raw = ctx.failure.subject().ok_or("the log does not name the missing path")?;
    let rel = workspace_path(raw)
        .ok_or("the missing path is outside the workspace or not a plain path; it is not used in a fix")?;
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step = locate::step(job, ctx.failure)
        .or_else(|| job.steps.iter().find(|s| !refs(ctx.source, s.node, &rel).is_empty()))
        .or_else(|| tool_step(job, &rel))
        .ok_or_else(|| format!("cannot tell which step of job `{}` needs `{rel}`", job.id))?;
    let wd_node = step.get("working-directory").or_else(|| {
        job.get("defaults")
            .and_then(|d| d.get("run"))
            .and_then(|r| r.get("working-directory"))
    });
    let wd_text = wd_node.and_then(Node::as_str);
    let dynamic_wd = wd_text.is_some_and(|w| w.contains("${{") || w.contains('$'));
    let wd = wd_text
        .filter(|_| step.run().is_some() && !raw.starts_with('/'))
        .and_then(workspace_path);
    let full = match &wd {
        Some(w) => format!("{w}/{rel}"),
        None => rel.clone(),
    };
    if let Some(listing) = ctx.repo.list() {
        if exists(&listing, &full) {
            return checkout_fix(ctx, job, step, &full);
        }
        let found: Vec<String> = moved_to(&listing, &full);
        if let [to] = found.as_slice() {
            return Ok(vec![point_at(ctx, job, step, &rel, &full, to, wd.as_deref())?]);
        }
    }
    if dynamic_wd && step.run().is_some() {
        return Ok(vec![script_guard(ctx, job, step, &rel)?]);
    }
    Ok(vec![if_guard(
        ctx,
        job,
        step,
        &full,
        raw.ends_with('/') || is_dir_like(&full),
    )?])
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
    let file = rel.rsplit('/').next().unwrap_or(rel);
    let (_, tools) = TOOL_FILES.iter().find(|(f, _)| *f == file)?;
    job.steps.iter().find(|s| {
        s.run().and_then(Node::as_str).is_some_and(|r| {
            r.lines()
                .any(|l| tools.iter().any(|t| crate::script::mentions_command(l, t)))
        })
    })
}

fn is_dir_like(p: &str) -> bool {
    !p.rsplit('/').next().unwrap_or(p).contains('.')
}

fn exists(listing: &[String], path: &str) -> bool {
    listing
        .iter()
        .any(|f| f == path || f.strip_prefix(path).is_some_and(|r| r.starts_with('/')))
}

/// Other places `path` could be: the same trailing components under another
/// directory, or with its leading directories dropped.
fn moved_to(listing: &[String], path: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let suffix = format!("/{path}");
    for f in listing {
        if let Some(i) = f
            .find(&suffix)
            .filter(|i| f[i + suffix.len()..].is_empty() || f[i + suffix.len()..].starts_with('/'))
        {
            let p = f[..i + suffix.len()].to_string();
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    if out.is_empty() {
        let mut tail = path;
        while let Some((_, rest)) = tail.split_once('/') {
            if exists(listing, rest) {
                out.push(rest.to_string());
                break;
            }
            tail = rest;
        }
    }
    out
}

/// Byte ranges where `path` is written as a whole word in the step's
/// scalar values (`run:`, `with:` inputs), not counting keys.
fn refs(source: &str, step: &Node, path: &str) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut visit = |n: &Node| {
        if let NodeKind::Scalar(_) = &n.kind {
            let Some(script) = Script::new(source, n) else { return };
            for line in &script.lines {
                for cand in [format!("./{path}"), path.to_string()] {
                    for at in word_positions(line.text, &cand) {
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

fn point_at(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
    rel: &str,
    full: &str,
    to: &str,
    wd: Option<&str>,
) -> Result<Candidate, String> {
    let new_rel = match wd {
        Some(w) => to.strip_prefix(&format!("{w}/")).unwrap_or(to).to_string(),
        None => to.to_string(),
    };
    let step_wd = step.get("working-directory").and_then(Node::as_str);
    if !refs(ctx.source, step.node, &new_rel).is_empty() || step_wd.is_some_and(|w| format!("{w}/{rel}") == to) {
        return Err(format!(
            "step \"{}\" already uses `{new_rel}`; the file is still missing at run time (a manual fix)",
            step.display_name()
        ));
    }
    let found = refs(ctx.source, step.node, rel);
    let name = step.display_name();
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    if !found.is_empty() {
        let edits = found
            .iter()
            .map(|r| {
                let dot = ctx.source[r.start..r.end].starts_with("./");
                Edit::replace(ctx.path, *r, if dot { format!("./{new_rel}") } else { new_rel.clone() })
            })
            .collect();
        let fix = Fix::safe(format!("Use `{new_rel}` in step \"{name}\""), edits).with_explanation(format!(
            "Step \"{name}\" looks for `{full}`, which is not in the repository; `{to}` is. The step now refers to `{new_rel}`. Check \
             that this is the same file (it may have been moved or renamed on purpose) and that nothing else still uses the old path."
        ));
        let want = new_rel.clone();
        let intent = move |files: &Files| {
            let step_text = step_source(files, &path, &job_id, index)?;
            if step_text.contains(&want) {
                Ok(())
            } else {
                Err(format!("step does not use {want}"))
            }
        };
        return Ok(Candidate {
            fix,
            intent: Box::new(intent),
        });
    }
    let dir = to
        .strip_suffix(&format!("/{full}"))
        .filter(|_| step.run().is_some() && wd.is_none());
    let Some(dir) = dir else {
        return Err(format!(
            "`{full}` is at `{to}`, but step \"{name}\" does not name the path; it needs a manual fix"
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
    let fix = Fix::safe(format!("Run step \"{name}\" in `{dir}`"), vec![edit]).with_explanation(format!(
        "Step \"{name}\" expects `{full}` in its working directory, but the repository has it at `{to}`. The step now runs with \
         `working-directory: {dir}`. Check that every other relative path the step uses is also relative to `{dir}`."
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

fn checkout_fix(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, full: &str) -> Generated {
    let has_checkout = job.steps[..step.index]
        .iter()
        .any(|s| s.uses().is_some_and(|u| u.starts_with("actions/checkout@")));
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

fn if_guard(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, full: &str, dir: bool) -> Result<Candidate, String> {
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
    let fix = Fix::unsafe_(format!("Run step \"{name}\" only when `{full}` exists"), vec![edit]).with_explanation(format!(
        "Step \"{name}\" failed because `{full}` does not exist, and no file by that name is anywhere in the repository, so it is \
         produced (or not) by the run itself. The step now has `if: {condition}`, so it is skipped instead of failing when the \
         path is absent. If the path should always exist, fix the step that creates it instead of merging this."
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

fn script_guard(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, rel: &str) -> Result<Candidate, String> {
    let run = step.run().ok_or("no run script")?;
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
    let fix = Fix::unsafe_(format!("Skip step \"{name}\" when `{rel}` is missing"), vec![edit]).with_explanation(format!(
        "Step \"{name}\" failed because `{rel}` does not exist in its working directory, which is only known at run time. The script \
         now starts with a `test -e` guard that skips the rest when the path is absent. If the path should always exist, fix the \
         step that creates it instead."
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
    fn a_generated_path_guards_the_step_merging_the_existing_if() {
        let out = apply_only(&missing("src/dist/windows", "package").at_step_name("Upload"), UPLOAD);
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

    #[test]
    fn dynamic_working_directories_get_a_script_guard() {
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - working-directory: ${{ matrix.dir }}\n        run: |\n          ./run.sh\n";
        let out = apply_only(&missing("run.sh", "t"), src);
        assert!(out.contains("        run: |\n          if [ ! -e 'run.sh' ]; then echo 'run.sh not found; skipping'; exit 0; fi\n          ./run.sh\n"), "{out}");
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
}
