//! Retrying the commands a rate limit refused, in the same `run:` block,
//! with exponential backoff and jitter: only commands that do nothing but
//! fetch from the service ([`fetch`]).

use autoheal_engine::Edit;
use autoheal_engine::edit;
use autoheal_engine::model::{Job, Step};
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::Node;

use super::Part;
use super::fetch::{self, Talk};
use crate::runner::runs_posix_shell;
use crate::script::{Script, is_simple_line, strip_comment};
use crate::{Ctx, RateLimitService};
use autoheal_logs::classify::catalogue::SECONDARY_LIMIT_REFUSALS;
use autoheal_logs::shell_lex::{self, Separator, logical_lines};

const ATTEMPTS: u32 = 5;

/// Seconds before the first retry: registries reset within seconds to
/// minutes; GitHub asks to wait at least a minute after a secondary limit.
fn first_delay(service: RateLimitService) -> u32 {
    match service {
        RateLimitService::GithubRestSecondary => 60,
        _ => 10,
    }
}

/// Most commands one fix wraps: past that it rewrites the script, which a
/// person should do.
const MAX_WRAPPED_COMMANDS: usize = 4;

/// Replace the refused line of the step's script with a bounded retry loop;
/// when the log does not say which line it was, every line of the step that
/// talks to the service (each is one request-making command, refused as a
/// whole by the limit, so running it again is what the service asks).
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
    let pipefail = shell_sets_pipefail(job.written_shell(root, step.node).and_then(Node::as_str));
    let units = pick_units(ctx, &script, service, pipefail)?;
    let code = |u: &Unit| {
        let lines: Vec<&str> = script.lines[u.first..=u.last].iter().map(|l| l.text.trim()).collect();
        lines.join(" ")
    };
    if let Some((unit, check)) = units
        .iter()
        .filter(|u| u.pull.is_none())
        .find_map(|u| u.check.as_ref().map(|c| (u, c)))
    {
        return Err(ends_in_a_check(&code(unit), check));
    }
    if let Some(unit) = units.iter().find(|u| u.blind_pipeline && u.pull.is_none()) {
        return Err(blind_pipeline(&code(unit)));
    }
    let base = first_delay(service);
    let eol = edit::line_ending(ctx.source);
    let mut edits = Vec::new();
    let mut checks = Vec::new();
    let mut commands = Vec::new();
    let mut on_refusal = Vec::new();
    for unit in &units {
        let lines = &script.lines[unit.first..=unit.last];
        let first = lines[0].text;
        let own = first.len() - first.trim_start().len();
        let last = lines[lines.len() - 1].text;
        let written = strip_comment(last).trim_end();
        let comment = &last[written.len()..];
        // The loop writes its own `;` after the command (`if CMD; then`,
        // `{ CMD; }`): a `;` ending the command as written would make it
        // `;;`, a syntax error that stops the whole script.
        let last_code = without_trailing_semicolon(written);
        // The command's lines as written (a continuation keeps its own
        // indentation, relative to the command's first line).
        let mut code_lines: Vec<&str> = lines.iter().map(|l| l.text.trim_end()).collect();
        *code_lines.last_mut().expect("a unit has a line") = last_code;
        let code_lines: Vec<String> = code_lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    l.trim_start().to_string()
                } else {
                    l.get(own..).unwrap_or(l.trim_start()).to_string()
                }
            })
            .collect();
        let body = match &unit.pull {
            // The pull goes in the loop; the run stays as written after it.
            Some(pull) => {
                let mut body = loop_lines(std::slice::from_ref(pull), "", service);
                body.push(first.trim().to_string());
                checks.push(format!("if {pull}"));
                commands.push(pull.clone());
                body
            }
            None if unit.on_refusal => {
                checks.push(format!("{{ {}", code_lines[0]));
                let command = code_lines[0].trim_end_matches('\\').trim_end().to_string();
                on_refusal.push(format!("`{command}`"));
                commands.push(command);
                refusal_loop_lines(&code_lines, comment)
            }
            None => {
                checks.push(format!("if {}", code_lines[0]));
                commands.push(code_lines[0].trim_end_matches('\\').trim_end().to_string());
                loop_lines(&code_lines, comment, service)
            }
        };
        edits.push(if script.block {
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
            // A line's range starts after the block's indentation, so it
            // holds the command's own indentation, which the first body line
            // is given back (the later ones get it through `pad`).
            let end = lines[lines.len() - 1].range.end;
            Edit::replace(ctx.path, TextRange::new(lines[0].range.start, end), text)
        } else {
            let key_col = step
                .node
                .entry("run")
                .map(|e| edit::column(ctx.source, e.key.span.start))
                .ok_or("no run key")?;
            let pad = " ".repeat(key_col + edit::indent_unit(ctx.source));
            let text: String = body.iter().map(|l| format!("{eol}{pad}{l}")).collect();
            Edit::replace(ctx.path, run.span, format!("|{text}"))
        });
    }
    let runs: Vec<String> = units
        .iter()
        .filter(|u| u.pull.is_some())
        .map(|u| format!("`{}`", strip_comment(script.lines[u.first].text).trim()))
        .collect();
    let delays: Vec<String> = (0..ATTEMPTS - 1).map(|i| (base << i).to_string()).collect();
    let quoted: Vec<String> = commands.iter().map(|c| format!("`{c}`")).collect();
    let does = format!(
        "retries {} up to {ATTEMPTS} times, waiting about {} seconds plus a random jitter between attempts{}",
        quoted.join(", "),
        delays.join(", "),
        if commands.len() > 1 {
            " (the log does not say which of the step's commands was refused, so each one that talks to the service is \
             retried on its own)"
        } else {
            ""
        }
    ) + &if on_refusal.is_empty() {
        String::new()
    } else {
        format!(
            "; {} {} written again only when GitHub refused it with its secondary rate limit (its error output says \
             so): a refused request changed nothing, so sending it again cannot double a comment, issue or release, \
             and any other failure ends the loop with the command's own exit status",
            on_refusal.join(", "),
            if on_refusal.len() == 1 { "is" } else { "are" }
        )
    } + &if runs.is_empty() {
        String::new()
    } else {
        format!(
            "; the image is pulled before {}, which then finds it locally and is not itself run again",
            runs.join(", ")
        )
    };
    let title = match commands.as_slice() {
        [one] => format!("retry `{}`", short(one)),
        [first, rest @ ..] => format!("retry `{}` and {} more command(s)", short(first), rest.len()),
        [] => return Ok(None),
    };
    Ok(Some(Part {
        edits,
        does,
        title,
        checks,
        safe: true,
    }))
}

/// The retry loop around one command, given as its lines (its comment kept
/// on its last line). After the last attempt the loop ends with the
/// command's own exit status (`(exit …)` fails the script under `-e` with
/// that status, and a script without `-e` goes on, as the command alone
/// would have), never a made-up `exit 1` that hides it.
fn loop_lines(code: &[String], comment: &str, service: RateLimitService) -> Vec<String> {
    let base = first_delay(service);
    let limit = super::limit_name(service);
    let mut out = vec![
        format!("# Retry with exponential backoff and jitter: the {limit} resets after a while."),
        format!(
            "for attempt in {}; do",
            (1..=ATTEMPTS).map(|i| i.to_string()).collect::<Vec<_>>().join(" ")
        ),
    ];
    out.push("  autoheal_status=0".to_string());
    out.extend(body_lines(code, READ_HEAD, &format!("{READ_TAIL}{comment}")));
    out.extend([
        format!("  if [ \"$attempt\" -eq {ATTEMPTS} ]; then echo \"giving up after $attempt attempts\" >&2; break; fi"),
        format!("  delay=$(( (1 << (attempt - 1)) * {base} + RANDOM % 10 ))"),
        "  echo \"attempt $attempt failed; retrying in ${delay}s\" >&2".to_string(),
        "  sleep \"$delay\"".to_string(),
        "done".to_string(),
        "(exit \"$autoheal_status\")".to_string(),
    ]);
    out
}

/// The loop around a write ([`fetch::repeatable_write`]), given as its
/// lines: the command runs as written, its error output is kept in a
/// temporary file and shown after it, and it is sent again (after a minute
/// or more, as GitHub asks) only while that output carries GitHub's
/// secondary-limit refusal ([`SECONDARY_LIMIT_REFUSALS`]); success, any
/// other failure, or the last attempt ends the loop, and the command's own
/// exit status is the step's (`(exit …)` fails the script under `-e`, as
/// the command alone would have).
fn refusal_loop_lines(code: &[String], comment: &str) -> Vec<String> {
    let base = first_delay(RateLimitService::GithubRestSecondary);
    let patterns: Vec<String> = SECONDARY_LIMIT_REFUSALS.iter().map(|t| format!("-e '{t}'")).collect();
    let mut out = vec![
        "# Sent again only when GitHub refused it with its secondary rate limit: a refused request changed nothing."
            .to_string(),
        "autoheal_stderr=\"$(mktemp)\"".to_string(),
        format!(
            "for attempt in {}; do",
            (1..=ATTEMPTS).map(|i| i.to_string()).collect::<Vec<_>>().join(" ")
        ),
        "  autoheal_status=0".to_string(),
    ];
    out.extend(body_lines(
        code,
        WRITE_HEAD,
        &format!("{WRITE_TAIL} || autoheal_status=$?{comment}"),
    ));
    out.extend([
        "  cat \"$autoheal_stderr\" >&2".to_string(),
        format!(
            "  if [ \"$autoheal_status\" -eq 0 ] || [ \"$attempt\" -eq {ATTEMPTS} ] || ! grep -q {} \"$autoheal_stderr\"; then",
            patterns.join(" ")
        ),
        "    break".to_string(),
        "  fi".to_string(),
        format!("  delay=$(( (1 << (attempt - 1)) * {base} + RANDOM % 10 ))"),
        "  echo \"attempt $attempt was refused by the GitHub secondary rate limit; retrying in ${delay}s\" >&2".to_string(),
        "  sleep \"$delay\"".to_string(),
        "done".to_string(),
        "rm -f \"$autoheal_stderr\"".to_string(),
        "(exit \"$autoheal_status\")".to_string(),
    ]);
    out
}

/// How a loop's command starts and ends: `if CMD; then break; else
/// autoheal_status=$?; fi` for a read (the `else` branch sees the command's
/// own status), `{ CMD; } 2>"$autoheal_stderr" …` for a write.
const READ_HEAD: &str = "if ";
const READ_TAIL: &str = "; then break; else autoheal_status=$?; fi";
const WRITE_HEAD: &str = "{ ";
const WRITE_TAIL: &str = "; } 2>\"$autoheal_stderr\"";

/// The command's lines inside a loop, indented, the first after `head` and
/// the last before `tail`.
fn body_lines(code: &[String], head: &str, tail: &str) -> Vec<String> {
    let n = code.len();
    code.iter()
        .enumerate()
        .map(|(i, line)| {
            let head = if i == 0 { head } else { "" };
            let tail = if i + 1 == n { tail } else { "" };
            format!("  {head}{line}{tail}")
        })
        .collect()
}

/// The one-line commands the retry loops in `text` run, as they are written
/// in it (for the properties that check every retried command is the
/// workflow's own).
pub fn retried_commands(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter_map(|line| {
            line.strip_prefix(READ_HEAD)
                .and_then(|l| l.split_once(READ_TAIL))
                .or_else(|| line.strip_prefix(WRITE_HEAD).and_then(|l| l.split_once(WRITE_TAIL)))
                .map(|(cmd, _)| cmd)
        })
        .collect()
}

/// `code` without the one `;` that ends it (not an escaped `\;`, nor a
/// `case` branch's `;;`, which [`units`] never makes whole).
pub(super) fn without_trailing_semicolon(code: &str) -> &str {
    let Some(rest) = code.strip_suffix(';') else {
        return code;
    };
    let escapes = rest.len() - rest.trim_end_matches('\\').len();
    if escapes % 2 == 1 || rest.ends_with(';') {
        return code;
    }
    rest.trim_end()
}

/// A unit's command as a loop may wrap it: one pipeline (commands joined by
/// `|`, `|&`), ended by at most one `;`. A list is not: in `COND && fetch`
/// or `cd dir && fetch` the loop would run the condition or the `cd` again
/// (a false condition, meant to skip the fetch, now fails the step after
/// five attempts; a relative `cd` fails from the second attempt on, so the
/// fetch is never sent again), and after `fetch; other`, `fetch || true` or
/// `fetch &` the loop's condition is the last command's status, not the
/// fetch's, so it never retries.
fn one_pipeline(code: &str) -> bool {
    let Ok(lexed) = shell_lex::lex(code) else {
        return false;
    };
    let Some((last, before)) = lexed.commands.split_last() else {
        return false;
    };
    last.separator == Separator::Sequence && before.iter().all(|c| c.separator == Separator::Pipe)
}

/// Whether the step's shell runs its script with `pipefail` on, from its
/// `shell:` (its own, else the job's or the workflow's `defaults.run.shell`;
/// `None`: not given). GitHub runs a step without `shell:` on Linux and
/// macOS as `bash -e {0}` and `shell: bash` as `bash --noprofile --norc -eo
/// pipefail {0}` (`sh` as `sh -e {0}`), so only the explicit `bash` and a
/// template that passes `-o pipefail` itself set it ("Exit codes and error
/// action preference", workflow syntax). An expression is not known.
pub(super) fn shell_sets_pipefail(shell: Option<&str>) -> bool {
    let Some(shell) = shell.map(str::trim) else {
        return false;
    };
    shell == "bash"
        || (!shell.contains("${{") && turns_pipefail(&shell.split_whitespace().collect::<Vec<_>>()) == Some(true))
}

/// What a `set` command does to `pipefail`: `set -o pipefail` (also with
/// other options before the `o`, `set -euo pipefail`) turns it on, `set +o
/// pipefail` off; `None`: not a `set` command, or it leaves `pipefail` alone.
fn set_pipefail(code: &str) -> Option<bool> {
    // A subshell's first line (`( set +o pipefail`, closed on a later line):
    // the `set` is the state inside it ([`Scopes`] puts the one before back
    // at its `)`).
    if let Some(inside) = code
        .strip_prefix('(')
        .filter(|_| !code.starts_with("((") && !code.ends_with(')'))
    {
        return set_pipefail(inside.trim_start());
    }
    let lexed = shell_lex::lex(code).ok()?;
    // `( set -o pipefail )` and `{ set -o pipefail; }` lex to one command
    // too, but the subshell's ends with it (and what a group or an `if`
    // does is not read here).
    if lexed.compound {
        return None;
    }
    let [command] = lexed.commands.as_slice() else {
        return None;
    };
    let words: Vec<&str> = command.words.iter().map(|w| w.text.as_str()).collect();
    if words.first() != Some(&"set") || command.words[0].quoted {
        return None;
    }
    turns_pipefail(&words[1..])
}

/// The last `-o pipefail` / `+o pipefail` among option words (a cluster of
/// single-letter options may end in the `o`: `-eo`, `-euxo`).
fn turns_pipefail(words: &[&str]) -> Option<bool> {
    words.windows(2).fold(None, |state, pair| {
        let (option, name) = (pair[0], pair[1]);
        let cluster = option.get(1..).unwrap_or("");
        let sets = (option.starts_with('-') || option.starts_with('+'))
            && !option.starts_with("--")
            && cluster.ends_with('o')
            && cluster.chars().all(|c| c.is_ascii_alphabetic());
        if sets && name == "pipefail" {
            Some(option.starts_with('-'))
        } else {
            state
        }
    })
}

/// The function bodies and `( … )` subshells open at a line of the script,
/// innermost last, with the `pipefail` state each found: a `set -o
/// pipefail` inside one does not hold for the lines after it at top level (a
/// subshell's options end with it; a function's body runs only when it is
/// called, which this reading does not follow). Brace groups (`{ …; }`) are
/// kept only to find where a function's body ends: their `set` holds after
/// them.
#[derive(Default)]
struct Scopes {
    open: Vec<(Scope, bool)>,
    /// A function's name was written (`name()`, `function name`) and its
    /// body's `{` is still to come.
    function_named: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Function,
    Subshell,
    Group,
}

impl Scopes {
    /// The `pipefail` state after the logical line `code`, which held
    /// `pipefail` once its own `set` (if any) was read and `outer` before it:
    /// the state from before a function body or subshell it closes. A
    /// subshell it opens puts `outer` back when it closes.
    fn after(&mut self, code: &str, outer: bool, pipefail: bool) -> bool {
        let mut state = pipefail;
        let Ok(lexed) = shell_lex::lex(code) else {
            return state;
        };
        let header = function_header(code);
        if header {
            self.function_named = true;
        }
        // A subshell opened or closed by the line's first character: `(`
        // alone or before a command (not `((`, arithmetic), `)` after one.
        if code.starts_with('(') && !code.starts_with("((") && !code.ends_with(')') {
            self.open.push((Scope::Subshell, outer));
        }
        for command in &lexed.commands {
            let Some(first) = command.words.first().filter(|w| !w.quoted) else {
                continue;
            };
            match first.text.as_str() {
                "{" => {
                    let scope = if std::mem::take(&mut self.function_named) {
                        Scope::Function
                    } else {
                        Scope::Group
                    };
                    self.open.push((scope, state));
                }
                "}" => {
                    if let Some((scope, before)) = self.open.pop()
                        && scope == Scope::Function
                    {
                        state = before;
                    }
                }
                _ => {}
            }
        }
        if code.starts_with(')') {
            if let Some((Scope::Subshell, before)) = self.open.last().copied() {
                self.open.pop();
                state = before;
            }
        }
        if !header && !code.starts_with('{') {
            self.function_named = false;
        }
        state
    }
}

/// `name()`, `name ()`, `function name` or `function name()`, with or without
/// the body's `{` after it on the line.
fn function_header(code: &str) -> bool {
    let (rest, keyword) = match code.strip_prefix("function ") {
        Some(rest) => (rest.trim_start(), true),
        None => (code, false),
    };
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')))
        .unwrap_or(rest.len());
    if name_end == 0 {
        return false;
    }
    let after = rest[name_end..].trim_start();
    let after = match after.strip_prefix('(') {
        Some(parens) => match parens.trim_start().strip_prefix(')') {
            Some(body) => body.trim_start(),
            None => return false,
        },
        None if keyword => after,
        None => return false,
    };
    after.is_empty() || after.starts_with('{')
}

/// The code is a pipeline of more than one command (`gh api … | jq …`).
fn is_pipeline(code: &str) -> bool {
    shell_lex::lex(code).is_ok_and(|lexed| lexed.commands.len() > 1)
}

/// Why a pipeline run without `pipefail` is not looped.
fn blind_pipeline(code: &str) -> String {
    format!(
        "`{code}` is a pipeline, and the step's shell does not set `pipefail` (GitHub runs a `run:` step without \
         `shell:` as `bash -e {{0}}`; only `shell: bash` adds `-o pipefail`): the pipeline's status is its last \
         command's, so a retry loop around it cannot tell the fetch's failure from that command's own (a filter that \
         reads the empty answer of a refused request succeeds, and the loop ends as if the fetch had); with `shell: \
         bash` or `set -o pipefail` before it the loop could be written"
    )
}

/// A check in a pipeline, whose status is its answer: `grep` (and `egrep`,
/// `fgrep`) exits 1 when nothing matches, `jq -e`/`--exit-status` when the
/// last output is `false` or `null`, `test`/`[` on a false condition. The
/// pipeline's last command, or, under `pipefail` (where the pipeline fails
/// with the status of the last command that failed, bash's manual on
/// pipelines), any of its commands: `gh api … | grep -m 1 tag_name | cut …`
/// fails with grep's no-match.
fn pipeline_check(code: &str, pipefail: bool) -> Option<Check> {
    let lexed = shell_lex::lex(code).ok()?;
    let n = lexed.commands.len();
    if n < 2 {
        return None;
    }
    let looked_at = if pipefail { 0 } else { n - 1 };
    lexed.commands[looked_at..].iter().enumerate().rev().find_map(|(i, c)| {
        let words: Vec<&str> = c.words.iter().map(|w| w.text.as_str()).collect();
        let program = shell_lex::program_name(words.first()?);
        let jq_exit_status = program == "jq"
            && words[1..]
                .iter()
                .any(|w| *w == "--exit-status" || (w.starts_with('-') && !w.starts_with("--") && w[1..].contains('e')));
        (matches!(program, "grep" | "egrep" | "fgrep" | "test" | "[") || jq_exit_status).then(|| Check {
            program: program.to_string(),
            last: looked_at + i == n - 1,
        })
    })
}

/// A check a pipeline runs ([`pipeline_check`]).
struct Check {
    program: String,
    /// It is the pipeline's last command.
    last: bool,
}

/// Why a pipeline running a check is not looped.
fn ends_in_a_check(code: &str, check: &Check) -> String {
    let program = &check.program;
    let where_ = if check.last {
        format!("`{code}` ends in `{program}`, whose status is a check's answer")
    } else {
        format!(
            "`{code}` pipes through `{program}`, whose status is a check's answer, and under `pipefail` the pipeline \
             fails with it"
        )
    };
    format!(
        "{where_}: a retry loop would take a negative answer (no match) for a refused request and run the fetch again \
         through every attempt and wait before failing, so it is not looped"
    )
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

/// One command of the script: lines `first..=last` (more than one when
/// lines end with `\`), and whether a loop may replace it whole.
struct Unit {
    first: usize,
    last: usize,
    whole: bool,
    /// For a `docker run` whose image is on the limited registry: the pull
    /// of that image, retried before the run instead of the run itself.
    pull: Option<String>,
    /// A write sent again only when GitHub refused it with its secondary
    /// limit ([`fetch::repeatable_write`]).
    on_refusal: bool,
    /// A pipeline run without `pipefail`: its status is its last command's,
    /// so a loop around it cannot see the fetch fail ([`blind_pipeline`]).
    blind_pipeline: bool,
    /// A pipeline whose status may be a check's (`grep`, `jq -e`), whose
    /// negative answer a loop would retry ([`ends_in_a_check`]).
    check: Option<Check>,
}

/// The command the log names (`….sh: line N`), else every command of the
/// script that only fetches from the service ([`fetch::talk`]). Each must be
/// a whole command of its own: not continued from the line before, not part
/// of a pipeline spanning lines, not a `case` branch. A command that also
/// builds, tests or runs code is never chosen, even when the log names it.
fn pick_units(
    ctx: &Ctx<'_>,
    script: &Script<'_>,
    service: RateLimitService,
    pipefail: bool,
) -> Result<Vec<Unit>, String> {
    let name = service.display_name();
    let cannot = || format!("cannot tell which line of the script talks to the {name}");
    let not_fetch_only = |cmd: &str| {
        format!(
            "`{cmd}` does more than fetch from the {name} (it builds, tests or runs code, or talks to another host), and a \
             retry loop would run all of it again after any failure, so it is not wrapped"
        )
    };
    let writes = |cmd: &str, why: Option<String>| {
        let refusal = why.map_or(String::new(), |why| {
            format!(" (nor only when GitHub refuses it with its secondary rate limit: {why})")
        });
        format!(
            "`{cmd}` writes (it creates, changes, publishes or uploads something), and a retry loop would run it again \
             after a failure that came after the write took effect (a second release, comment or pull request, a \
             half-done upload), so no command of this step is looped{refusal}: re-run the job once the {name} limit \
             resets"
        )
    };
    // The unit's lines as the shell reads them (`\` newline joins them).
    let text = |u: &Unit| {
        let lines: Vec<&str> = script.lines[u.first..=u.last].iter().map(|l| l.text).collect();
        lines.join("\n")
    };
    // A write may be sent again on the secondary limit's refusal alone.
    let repeatable = |u: &Unit| -> Result<(), Option<String>> {
        if service != RateLimitService::GithubRestSecondary {
            return Err(None);
        }
        fetch::repeatable_write(&text(u)).map_err(Some)?;
        if !u.whole {
            return Err(Some("it is part of a longer command".into()));
        }
        Ok(())
    };
    let unreadable = |line: &str| {
        format!(
            "`{line}` names a tool of the {name} but is not shell autoheal reads with confidence, so what it runs (a \
             write, a build) is unknown and no command of this step is looped"
        )
    };
    let talk = |u: &Unit| fetch::talk(&text(u), service);
    let pull_first = |u: &Unit| {
        (u.first == u.last)
            .then(|| fetch::pull_before_run(script.lines[u.first].text, service))
            .flatten()
    };
    let mut all = units(script, pipefail);
    if let Some(n) = ctx.failure.script_line {
        let i = (n as usize).checked_sub(1).ok_or_else(cannot)?;
        let at = all
            .iter()
            .position(|u| u.first <= i && i <= u.last)
            .ok_or_else(cannot)?;
        let mut unit = all.swap_remove(at);
        return match talk(&unit) {
            Talk::FetchesOnly if unit.whole => Ok(vec![unit]),
            Talk::FetchesOnly | Talk::No => Err(cannot()),
            Talk::Writes(cmd) => match repeatable(&unit) {
                Ok(()) => {
                    unit.on_refusal = true;
                    Ok(vec![unit])
                }
                Err(why) => Err(writes(&cmd, why)),
            },
            Talk::Unreadable(line) => Err(unreadable(&line)),
            Talk::AlsoRuns(cmd) => match pull_first(&unit) {
                Some(pull) if unit.whole => {
                    unit.pull = Some(pull);
                    Ok(vec![unit])
                }
                _ => Err(not_fetch_only(&cmd)),
            },
        };
    }
    let mut fetching = Vec::new();
    let mut other = None;
    let mut write = None;
    let mut unknown = None;
    for mut unit in all {
        match talk(&unit) {
            Talk::FetchesOnly => fetching.push(unit),
            Talk::AlsoRuns(cmd) => match pull_first(&unit) {
                Some(pull) => {
                    unit.pull = Some(pull);
                    fetching.push(unit);
                }
                None => {
                    other.get_or_insert(cmd);
                }
            },
            Talk::Writes(cmd) => match repeatable(&unit) {
                Ok(()) => {
                    unit.on_refusal = true;
                    fetching.push(unit);
                }
                Err(why) => {
                    write.get_or_insert((cmd, why));
                }
            },
            Talk::Unreadable(line) => {
                unknown.get_or_insert(line);
            }
            Talk::No => {}
        }
    }
    // The log does not say which command was refused: it may have been the
    // write, which no loop may repeat, so none is written.
    if let Some((cmd, why)) = write {
        return Err(writes(&cmd, why));
    }
    match (fetching.len(), other) {
        (_, _) if unknown.is_some() => return Err(unreadable(&unknown.unwrap_or_default())),
        (0, Some(cmd)) => return Err(not_fetch_only(&cmd)),
        (0, None) => return Err(cannot()),
        (n, _) if n > MAX_WRAPPED_COMMANDS => {
            return Err(format!(
                "{n} commands of the script fetch from the {name} and the log does not say which was refused; wrapping \
                 them all would rewrite the script (a manual fix)"
            ));
        }
        _ => {}
    }
    if fetching.iter().any(|u| !u.whole) {
        return Err(format!(
            "the line that fetches from the {name} is part of a longer command (a pipeline or list spanning lines, a \
             list joined by `&&`, `||`, `;` or `&`, a block, or a `case` branch), so it is not wrapped"
        ));
    }
    Ok(fetching)
}

/// The script's commands, on the shell lexer's logical lines (the one reader
/// of a script's lines, [`logical_lines`]: lines joined by a trailing `\` or
/// a quote or substitution left open are one, a heredoc's body belongs to the
/// line that opens it, also one opened inside `"$(…)"`). A command is whole
/// (a loop may replace it) when it is one simple line ([`is_simple_line`]:
/// no `<<`, no block): not continued from a pipeline or list ending the line
/// before, not a `case` branch, no heredoc body, no string spanning lines.
///
/// `pipefail`: the step's shell sets it ([`shell_sets_pipefail`]); a `set -o
/// pipefail` or `set +o pipefail` line of the script changes it for the lines
/// after it.
fn units(script: &Script<'_>, mut pipefail: bool) -> Vec<Unit> {
    let text: Vec<&str> = script.lines.iter().map(|l| l.text).collect();
    let mut out = Vec::new();
    let mut continued = false;
    let mut scopes = Scopes::default();
    for line in logical_lines(&text.join("\n")) {
        let code = line.code.trim();
        if code.is_empty() || line.lines.is_empty() {
            continue;
        }
        let outer = pipefail;
        pipefail = set_pipefail(code).unwrap_or(pipefail);
        pipefail = scopes.after(code, outer, pipefail);
        let first = code.split_whitespace().next().unwrap_or("");
        let case_branch = first.ends_with(')') || code.ends_with(";;");
        let spans_lines = code.contains('\n');
        let simple = !spans_lines && !case_branch && line.body.is_empty() && is_simple_line(code) && one_pipeline(code);
        out.push(Unit {
            first: line.lines.start,
            last: line.lines.end - 1,
            whole: !continued && simple,
            pull: None,
            on_refusal: false,
            blind_pipeline: !pipefail && is_pipeline(code),
            check: pipeline_check(code, pipefail),
        });
        // `|&` pipes into the next line like `|` (bash's `2>&1 |`).
        continued = code.ends_with('|') || code.ends_with("|&") || code.ends_with("&&") || code.ends_with('(');
    }
    out
}
