//! Fix type 7, `rate_limit`: wrap the failing command in a bounded retry
//! with exponential backoff and jitter, in the same `run:` block. GitHub API
//! limits also get a token in the step's `env:` (authenticated requests get
//! a much higher limit); Docker Hub's `toomanyrequests` gets a
//! `docker/login-action` step when the workflow already has Docker Hub
//! credentials.

use autoheal_engine::edit;
use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Edit, Fix};

use crate::runner::runs_posix_shell;
use crate::script::{Script, ScriptLine, is_simple_line, strip_comment};
use crate::yaml_edit::{Block, insert_nested, insert_step_before};
use crate::{Candidate, Ctx, Files, Generated, RateLimitKind, locate};

const ATTEMPTS: u32 = 5;

fn kind(ctx: &Ctx<'_>) -> RateLimitKind {
    if let Some(k) = ctx.failure.rate_limit {
        return k;
    }
    let s = ctx.failure.subject().unwrap_or("").to_ascii_lowercase();
    if s.contains("docker") {
        RateLimitKind::DockerHub
    } else if s.contains("github") {
        RateLimitKind::GithubApi
    } else {
        RateLimitKind::Other
    }
}

fn keywords(kind: RateLimitKind) -> &'static [&'static str] {
    match kind {
        RateLimitKind::DockerHub => &[
            "docker pull",
            "docker build",
            "docker run",
            "docker compose",
            "docker-compose",
            "docker buildx",
        ],
        RateLimitKind::GithubApi => &["gh ", "api.github.com", "curl", "gh-", "octokit"],
        RateLimitKind::Other => &["curl", "wget", "pip install", "npm ", "apt-get"],
    }
}

pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j Job<'a>) -> Option<&'j Step<'a>> {
    let words = keywords(kind(ctx));
    locate::step(job, ctx.failure).or_else(|| {
        job.steps.iter().find(|s| {
            s.run()
                .and_then(Node::as_str)
                .is_some_and(|r| r.lines().any(|l| words.iter().any(|w| l.contains(w))))
        })
    })
}

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    let kind = kind(ctx);
    let root = ctx.doc.root.as_ref().ok_or("the workflow does not parse")?;
    let wf = Workflow::new(root);
    let job = locate::job(&wf, ctx.failure).ok_or("cannot tell which job failed")?;
    let step =
        failing_step(ctx, job).ok_or_else(|| format!("cannot tell which step of job `{}` was rate limited", job.id))?;
    let service = match kind {
        RateLimitKind::DockerHub => "Docker Hub",
        RateLimitKind::GithubApi => "GitHub API",
        RateLimitKind::Other => "the service",
    };
    let mut edits = Vec::new();
    let mut parts = Vec::new();
    let mut notes = Vec::new();
    let mut checks: Vec<String> = Vec::new();
    match retry_edit(ctx, root, job, step, kind, service) {
        Ok(Some((e, check))) => {
            edits.push(e);
            parts.push(format!("retries the failing command up to {ATTEMPTS} times, waiting about 10, 20, 40 and 80 seconds plus random jitter"));
            checks.push(check);
        }
        Ok(None) => {}
        Err(why) => notes.push(why),
    }
    if kind == RateLimitKind::GithubApi {
        if let Some((e, var)) = token_edit(ctx, &wf, job, step) {
            edits.push(e);
            parts.push(format!(
                "passes `{var}: ${{{{ secrets.GITHUB_TOKEN }}}}` to the step so its requests are authenticated"
            ));
            checks.push(format!("{var}: ${{{{ secrets.GITHUB_TOKEN }}}}"));
        }
    }
    if kind == RateLimitKind::DockerHub {
        match login_edit(ctx, job, step) {
            Ok(Some(e)) => {
                edits.push(e);
                parts.push("logs in to Docker Hub first with the workflow's existing credentials, since authenticated pulls have a higher limit".into());
                checks.push("docker/login-action@v3".into());
            }
            Ok(None) => {}
            Err(note) => notes.push(note),
        }
    }
    if edits.is_empty() {
        let why = if notes.is_empty() {
            "nothing left to add".to_string()
        } else {
            notes.join("; ")
        };
        return Err(format!(
            "no automatic fix for the {service} rate limit in step \"{}\": {why}",
            step.display_name()
        ));
    }
    let name = step.display_name();
    let mut explanation = format!(
        "Step \"{name}\" hit {service}'s rate limit, which is transient: the same request succeeds once the window resets. The fix {}.",
        parts.join(", and ")
    );
    for n in &notes {
        explanation.push_str(&format!(" Note: {n}."));
    }
    explanation.push_str(
        " If the limit is hit on every run, reduce the number of requests (caching, fewer matrix legs) instead.",
    );
    let fix = Fix::safe(
        format!("Retry and authenticate the {service} calls in step \"{name}\""),
        edits,
    )
    .with_explanation(explanation);
    let (path, job_id) = (ctx.path.to_string(), job.id.to_string());
    let intent = move |files: &Files| {
        let text = files.get(&path).ok_or("workflow missing")?;
        let doc = yaml::parse(text.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
        let job = wf.job(&job_id).ok_or("job gone")?;
        let job_text = text
            .get(job.entry.value.span.start..job.entry.value.span.end)
            .unwrap_or("");
        checks
            .iter()
            .find(|c| !job_text.contains(c.as_str()))
            .map_or(Ok(()), |c| Err(format!("`{c}` missing")))
    };
    Ok(vec![Candidate {
        fix,
        intent: Box::new(intent),
    }])
}

/// Replace the failing line of the script with a retry loop around it.
fn retry_edit(
    ctx: &Ctx<'_>,
    root: &Node,
    job: &Job<'_>,
    step: &Step<'_>,
    kind: RateLimitKind,
    service: &str,
) -> Result<Option<(Edit, String)>, String> {
    let Some(run) = step.run() else {
        return Err(
            "the failing step runs an action, whose commands cannot be wrapped; re-run the job once the limit resets"
                .into(),
        );
    };
    if !runs_posix_shell(root, job, step.node) {
        return Err("the step does not run in a POSIX shell".into());
    }
    let script = Script::new(ctx.source, run).ok_or("the step's script is folded or escaped, so it is not edited")?;
    if script
        .lines
        .iter()
        .any(|l| l.text.trim_start().starts_with("for attempt in "))
    {
        return Ok(None);
    }
    let line = pick_line(ctx, &script, kind).ok_or("cannot tell which line of the script was rate limited")?;
    let code = strip_comment(line.text).trim_end();
    let comment = &line.text[code.len()..];
    let own = code.len() - code.trim_start().len();
    let code = code.trim_start();
    let body = [
        format!("# Retry with exponential backoff and jitter: {service} rate limits are transient."),
        format!(
            "for attempt in {}; do",
            (1..=ATTEMPTS).map(|i| i.to_string()).collect::<Vec<_>>().join(" ")
        ),
        format!("  if {code}; then break; fi{comment}"),
        format!(
            "  if [ \"$attempt\" -eq {ATTEMPTS} ]; then echo \"giving up after $attempt attempts\" >&2; exit 1; fi"
        ),
        "  delay=$(( (1 << attempt) * 5 + RANDOM % 10 ))".to_string(),
        "  echo \"attempt $attempt failed; retrying in ${delay}s\" >&2".to_string(),
        "  sleep \"$delay\"".to_string(),
        "done".to_string(),
    ];
    let eol = edit::line_ending(ctx.source);
    let check = format!("if {code}; then break; fi");
    if script.block {
        let pad = " ".repeat(script.indent + own);
        let text = body.iter().enumerate().map(|(i, l)| {
            if i == 0 {
                format!("{}{l}", " ".repeat(own))
            } else {
                format!("{pad}{l}")
            }
        });
        let text = text.collect::<Vec<_>>().join(eol);
        return Ok(Some((
            Edit::replace(ctx.path, TextRange::new(line.range.start - own, line.range.end), text),
            check,
        )));
    }
    let key_col = step
        .node
        .entry("run")
        .map(|e| edit::column(ctx.source, e.key.span.start))
        .ok_or("no run key")?;
    let pad = " ".repeat(key_col + edit::indent_unit(ctx.source));
    let text: String = body.iter().map(|l| format!("{eol}{pad}{l}")).collect();
    Ok(Some((Edit::replace(ctx.path, run.span, format!("|{text}")), check)))
}

fn pick_line<'s, 'a>(ctx: &Ctx<'_>, script: &'s Script<'a>, kind: RateLimitKind) -> Option<&'s ScriptLine<'a>> {
    if let Some(n) = ctx.failure.script_line {
        return script.line(n).filter(|l| is_simple_line(l.text));
    }
    let code_lines: Vec<&ScriptLine<'_>> = script
        .lines
        .iter()
        .filter(|l| !strip_comment(l.text).trim().is_empty())
        .collect();
    let words = keywords(kind);
    let matching = code_lines
        .iter()
        .copied()
        .find(|l| words.iter().any(|w| strip_comment(l.text).contains(w)));
    let only = if code_lines.len() == 1 {
        code_lines.first().copied()
    } else {
        None
    };
    matching.or(only).filter(|l| is_simple_line(l.text))
}

fn token_edit(ctx: &Ctx<'_>, wf: &Workflow<'_>, job: &Job<'_>, step: &Step<'_>) -> Option<(Edit, &'static str)> {
    let has = |n: Option<&Node>| {
        n.and_then(|n| n.get("env"))
            .is_some_and(|e| e.get("GITHUB_TOKEN").is_some() || e.get("GH_TOKEN").is_some())
    };
    if has(Some(step.node)) || has(Some(job.node())) || has(Some(wf.root)) || step.run().is_none() {
        return None;
    }
    let run = step.run().and_then(Node::as_str).unwrap_or("");
    let var = if run.lines().any(|l| crate::script::mentions_command(l, "gh")) {
        "GH_TOKEN"
    } else {
        "GITHUB_TOKEN"
    };
    insert_nested(
        ctx.path,
        ctx.source,
        step.node,
        "env",
        var,
        "${{ secrets.GITHUB_TOKEN }}",
    )
    .map(|e| (e, var))
}

/// Secret names the workflow already uses for Docker Hub, if both a user
/// name and a password/token are referenced.
fn docker_credentials(source: &str) -> Option<(String, String)> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find("secrets.") {
        let after = &rest[i + "secrets.".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        names.push(&after[..end]);
        rest = &after[end..];
    }
    let docker = |n: &&&str| n.to_ascii_uppercase().starts_with("DOCKER");
    let user = names
        .iter()
        .filter(docker)
        .find(|n| n.to_ascii_uppercase().contains("USER"))?;
    let pass = names.iter().filter(docker).find(|n| {
        let u = n.to_ascii_uppercase();
        u.contains("TOKEN") || u.contains("PASSWORD") || u.contains("PAT")
    })?;
    Some((user.to_string(), pass.to_string()))
}

fn login_edit(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Option<Edit>, String> {
    let docker_hub_login = |s: &Step<'_>| {
        let registry = s.get("with").and_then(|w| w.get("registry")).and_then(Node::as_str);
        s.uses().is_some_and(|u| u.starts_with("docker/login-action@"))
            && registry.is_none_or(|r| r.contains("docker.io"))
    };
    if job.steps[..step.index].iter().any(docker_hub_login) {
        return Ok(None);
    }
    let Some((user, pass)) = docker_credentials(ctx.source) else {
        return Err(
            "the workflow has no Docker Hub credentials; add `DOCKERHUB_USERNAME` and `DOCKERHUB_TOKEN` secrets and a \
                    `docker/login-action` step to pull with a higher limit"
                .into(),
        );
    };
    let (u, p) = (
        format!("${{{{ secrets.{user} }}}}"),
        format!("${{{{ secrets.{pass} }}}}"),
    );
    let block = Block::new(ctx.source)
        .key("name", "Log in to Docker Hub")
        .key("uses", "docker/login-action@v3")
        .map("with", &[("username", &u), ("password", &p)]);
    Ok(insert_step_before(ctx.path, ctx.source, job, step.index, &block))
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::{Category, FailureInput, RateLimitKind};

    fn limited(kind: RateLimitKind, job: &str) -> FailureInput {
        let mut f = FailureInput::new(Category::RateLimit, None).in_job(job);
        f.rate_limit = Some(kind);
        f
    }

    #[test]
    fn a_docker_pull_is_retried_and_logged_in_with_existing_secrets() {
        let src = "\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Pull base image
        run: |
          echo pulling
          docker pull python:3.12-slim   # base
      - name: Push
        if: github.ref == 'refs/heads/main'
        run: echo ${{ secrets.DOCKERHUB_USERNAME }} ${{ secrets.DOCKERHUB_TOKEN }} > /dev/null
";
        let out = apply_only(
            &limited(RateLimitKind::DockerHub, "build").at_step_name("Pull base image"),
            src,
        );
        assert!(out.contains(
            "      - name: Log in to Docker Hub\n        uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n      - name: Pull base image\n"
        ), "{out}");
        assert!(out.contains(
            "          echo pulling\n          # Retry with exponential backoff and jitter: Docker Hub rate limits are transient.\n          for attempt in 1 2 3 4 5; do\n            if docker pull python:3.12-slim; then break; fi   # base\n"
        ), "{out}");
        assert!(
            out.contains("            sleep \"$delay\"\n          done\n      - name: Push\n"),
            "{out}"
        );
    }

    #[test]
    fn a_github_api_call_gets_a_token_and_a_retry_in_a_crlf_one_liner() {
        let src = "on: push\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: gh api repos/o/r/releases/latest\r\n";
        let out = apply_only(&limited(RateLimitKind::GithubApi, "release"), src);
        assert!(out.contains("      - run: |\r\n          # Retry"), "{out:?}");
        assert!(out.contains("          for attempt in 1 2 3 4 5; do\r\n            if gh api repos/o/r/releases/latest; then break; fi\r\n"), "{out:?}");
        assert!(
            out.ends_with("          done\r\n        env:\r\n          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\r\n"),
            "{out:?}"
        );
    }

    #[test]
    fn without_credentials_or_on_an_action_it_says_so() {
        let src = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull node:20\n";
        let o = outcome(&limited(RateLimitKind::DockerHub, "b"), src);
        assert!(
            o.fixes[0].explanation.contains("no Docker Hub credentials"),
            "{:?}",
            o.fixes[0].explanation
        );
        let action = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/codeql-action/init@v3\n";
        assert!(
            manual_reason(&limited(RateLimitKind::GithubApi, "b").at_step_number(2), action).contains("runs an action")
        );
    }
}
