//! Docker Compose v1 (`docker-compose`) is gone from GitHub-hosted runners;
//! v2 is the `docker compose` plugin, with the same subcommands and flags.

use autoheal_engine::model::{Job, Workflow};
use autoheal_engine::yaml;
use autoheal_engine::{Edit, Fix};

use super::run_text;
use crate::script::{Script, mentions_command, word_positions};
use crate::{Candidate, Ctx, Files, Generated};

/// Docker Compose v1 (`docker-compose`) is gone from hosted runners; v2 is
/// the `docker compose` plugin with the same arguments. Every step of the
/// job that runs v1 fails the same way, so all of them are rewritten.
/// Where it may run (GitHub's hosted Linux and Windows images, which have
/// Docker and Compose v2) is `install::refusal`'s to say, read before.
pub(super) fn compose_v2(ctx: &Ctx<'_>, job: &Job<'_>) -> Generated {
    let mut edits = Vec::new();
    let mut steps = Vec::new();
    for s in &job.steps {
        let Some(script) = s.run().and_then(|r| Script::new(ctx.source, r)) else {
            continue;
        };
        let before = edits.len();
        for line in &script.lines {
            let code = crate::script::strip_comment(line.text);
            for at in word_positions(code, "docker-compose") {
                let start = line.range.start + at;
                edits.push(Edit::replace(
                    ctx.path,
                    autoheal_engine::TextRange::new(start, start + "docker-compose".len()),
                    "docker compose",
                ));
            }
        }
        if edits.len() > before {
            steps.push(format!("\"{}\"", s.display_name()));
        }
    }
    if edits.is_empty() {
        return Err("no step of the job runs `docker-compose` itself".into());
    }
    let where_ = if steps.len() == 1 {
        format!("step {}", steps[0])
    } else {
        format!("steps {}", steps.join(", "))
    };
    let fix = Fix::safe(format!("Use `docker compose` (v2) instead of `docker-compose` in {where_} of job `{}`", job.id), edits).with_explanation(
        "GitHub's hosted runners no longer ship Docker Compose v1 (`docker-compose`); Compose v2 is installed as the `docker compose` \
         plugin and accepts the same subcommands and flags. Check any script that parses Compose's output: v2 names containers with \
         `-` instead of `_`.",
    );
    let (path, job_id) = (ctx.path.to_string(), job.id.to_string());
    let intent = move |files: &Files| -> Result<(), String> {
        let doc = yaml::parse(files.get(&path).ok_or("workflow missing")?.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        if job
            .steps
            .iter()
            .any(|s| run_text(s).lines().any(|l| mentions_command(l, "docker-compose")))
        {
            return Err("docker-compose is still used".into());
        }
        Ok(())
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}
