//! Retrying the one command a rate limit refused, in the same `run:` block,
//! with exponential backoff and jitter; and the dependency cache of
//! `actions/setup-java` for Maven and Gradle builds.

use autoheal_engine::Edit;
use autoheal_engine::edit;
use autoheal_engine::model::{Job, Step};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::Node;

use super::{Part, runs_service_command};
use crate::runner::runs_posix_shell;
use crate::script::{Script, ScriptLine, is_simple_line, mentions_command, strip_comment};
use crate::yaml_edit::set_entry;
use crate::{Ctx, RateLimitService};

const ATTEMPTS: u32 = 5;

/// Seconds before the first retry: registries reset within seconds to
/// minutes; GitHub asks to wait at least a minute after a secondary limit.
fn first_delay(service: RateLimitService) -> u32 {
    match service {
        RateLimitService::GithubRestSecondary => 60,
        _ => 10,
    }
}

/// Replace the refused line of the step's script with a bounded retry loop.
pub(super) fn wrap(
    ctx: &Ctx<'_>,
    root: &Node,
    job: &Job<'_>,
    step: &Step<'_>,
    service: RateLimitService,
) -> Result<Option<Part>, String> {
    let Some(run) = step.run() else {
        return Err(format!(
            "step \"{}\" runs an action, whose requests cannot be retried from the workflow; re-run the job once the limit resets",
            step.display_name()
        ));
    };
    if !runs_posix_shell(root, job, step.node) {
        return Err("the step does not run in a POSIX shell, so no retry loop is written".into());
    }
    let script = Script::new(ctx.source, run).ok_or("the step's script is folded or escaped, so it is not edited")?;
    if script
        .lines
        .iter()
        .any(|l| l.text.trim_start().starts_with("for attempt in "))
    {
        return Ok(None);
    }
    let line = pick_line(ctx, &script, service).ok_or_else(|| {
        format!(
            "cannot tell which line of the script talks to the {}",
            service.display_name()
        )
    })?;
    let code = strip_comment(line.text).trim_end();
    let comment = &line.text[code.len()..];
    let own = code.len() - code.trim_start().len();
    let code = code.trim_start();
    let base = first_delay(service);
    let limit = super::limit_name(service);
    let body = [
        format!("# Retry with exponential backoff and jitter: the {limit} resets after a while."),
        format!(
            "for attempt in {}; do",
            (1..=ATTEMPTS).map(|i| i.to_string()).collect::<Vec<_>>().join(" ")
        ),
        format!("  if {code}; then break; fi{comment}"),
        format!(
            "  if [ \"$attempt\" -eq {ATTEMPTS} ]; then echo \"giving up after $attempt attempts\" >&2; exit 1; fi"
        ),
        format!("  delay=$(( (1 << (attempt - 1)) * {base} + RANDOM % 10 ))"),
        "  echo \"attempt $attempt failed; retrying in ${delay}s\" >&2".to_string(),
        "  sleep \"$delay\"".to_string(),
        "done".to_string(),
    ];
    let eol = edit::line_ending(ctx.source);
    let check = format!("if {code}; then break; fi");
    let delays: Vec<String> = (0..ATTEMPTS - 1).map(|i| (base << i).to_string()).collect();
    let does = format!(
        "retries `{code}` up to {ATTEMPTS} times, waiting about {} seconds plus a random jitter between attempts",
        delays.join(", ")
    );
    let title = format!("retry `{}`", short(code));
    let edit = if script.block {
        let pad = " ".repeat(script.indent + own);
        let text = body
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    format!("{}{l}", " ".repeat(own))
                } else {
                    format!("{pad}{l}")
                }
            })
            .collect::<Vec<_>>()
            .join(eol);
        Edit::replace(ctx.path, TextRange::new(line.range.start - own, line.range.end), text)
    } else {
        let key_col = step
            .node
            .entry("run")
            .map(|e| edit::column(ctx.source, e.key.span.start))
            .ok_or("no run key")?;
        let pad = " ".repeat(key_col + edit::indent_unit(ctx.source));
        let text: String = body.iter().map(|l| format!("{eol}{pad}{l}")).collect();
        Edit::replace(ctx.path, run.span, format!("|{text}"))
    };
    Ok(Some(Part {
        edit,
        does,
        title,
        check,
        safe: true,
    }))
}

/// The command as a title shows it: at most a few words.
fn short(code: &str) -> String {
    let words: Vec<&str> = code.split_whitespace().collect();
    if words.len() <= 4 {
        words.join(" ")
    } else {
        format!("{} …", words[..3].join(" "))
    }
}

/// The line the log names (`….sh: line N`), else the only line that runs
/// one of the service's commands, else the only line of the script.
fn pick_line<'s, 'a>(ctx: &Ctx<'_>, script: &'s Script<'a>, service: RateLimitService) -> Option<&'s ScriptLine<'a>> {
    if let Some(n) = ctx.failure.script_line {
        return script.line(n).filter(|l| is_simple_line(l.text));
    }
    let code_lines: Vec<&ScriptLine<'_>> = script
        .lines
        .iter()
        .filter(|l| !strip_comment(l.text).trim().is_empty())
        .collect();
    let talking: Vec<&ScriptLine<'_>> = code_lines
        .iter()
        .copied()
        .filter(|l| runs_service_command(strip_comment(l.text), service))
        .collect();
    let chosen = match (talking.as_slice(), code_lines.as_slice()) {
        ([one], _) => *one,
        ([], [only]) => *only,
        _ => return None,
    };
    is_simple_line(chosen.text).then_some(chosen)
}

/// `cache: maven` / `cache: gradle` on the job's `actions/setup-java` step,
/// so later runs download fewer artifacts.
pub(super) fn java_cache(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Option<Part>, String> {
    let script = step.run().and_then(Node::as_str).unwrap_or("");
    let tool = if script
        .lines()
        .any(|l| ["mvn", "./mvnw", "mvnw"].iter().any(|c| mentions_command(l, c)))
    {
        "maven"
    } else if script.lines().any(|l| {
        ["gradle", "./gradlew", "gradlew"]
            .iter()
            .any(|c| mentions_command(l, c))
    }) {
        "gradle"
    } else {
        return Ok(None);
    };
    let Some(setup) = job.steps[..step.index]
        .iter()
        .find(|s| s.uses().is_some_and(|u| u.starts_with("actions/setup-java@")))
    else {
        return Ok(None);
    };
    let with = setup.get("with");
    if with.is_some_and(|w| w.get("cache").is_some()) {
        return Ok(None);
    }
    let edit = match with {
        Some(w) if w.is_mapping() => set_entry(ctx.path, ctx.source, w, None, "cache", tool),
        Some(_) => None,
        None => crate::yaml_edit::insert_nested(ctx.path, ctx.source, setup.node, "with", "cache", tool),
    }
    .ok_or("the `actions/setup-java` step's `with:` cannot be edited")?;
    Ok(Some(Part {
        edit,
        does: format!(
            "turns on the dependency cache of step \"{}\" (`cache: {tool}`), so later runs download fewer artifacts",
            setup.display_name()
        ),
        title: format!("cache {tool} dependencies"),
        check: format!("cache: {tool}"),
        safe: true,
    }))
}
