//! `template-injection`: values expanded by `${{ }}` straight into code: a
//! `run:` script (of a workflow or a composite action), the `script:` of
//! `actions/github-script`, or the inline script of a few other actions
//! that run code. The text is pasted into the script before it runs, so a
//! crafted issue title runs as code. `${{ env.X }}` is followed to what
//! sets `X`, since it pastes that value just the same.
//!
//! The check code and confidence follow the value's source (see
//! [`sources::Tier`]): event payload text anyone writes is
//! `template-injection` (high confidence; actionlint's message), inputs of
//! a dispatch, a caller or an action `…/input` (medium), refs and names
//! whoever can push chooses `…/ref` and dynamic matrix values `…/matrix`
//! (medium), step outputs `…/output` and everything else `…/expansion`
//! (pedantic persona only). The fix passes the values through the step's
//! `env:` and reads the variables instead.

mod quoting;
mod sources;

use autoheal_expr::{Embedded, Span, find_expressions, parse};

use super::expression::ScalarSource;
use super::{ALL_FILES, Context, Rule};
use crate::config::Persona;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::edit;
use crate::model::FileKind;
use crate::text::TextRange;
use crate::yaml::{Node, ScalarStyle};
use quoting::{Lang, Quote, ShellKind};
use sources::{Scope, Tier};

pub const RULE: Rule = Rule {
    id: "template-injection",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Untrusted event data (issue titles, branch names, comments) must not be expanded by `${{ }}` inside `run:` or `github-script` scripts.",
    kinds: ALL_FILES,
    codes: &[EVENT, INPUT, REF, MATRIX, OUTPUT, EXPANSION],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Scripts holding `${{`, where their values come from (inputs,
        // matrices, `env:`), which actions take code, and the shell.
        paths: &[
            "on",
            "env",
            "jobs.*.if",
            "jobs.*.env",
            "jobs.*.steps.*.env",
            "jobs.*.steps.*.uses",
        ],
        expressions: true,
        step_shell: true,
        plain_scalars: None,
    },
    check,
};

/// Free text of the event payload that anyone can write (an issue title,
/// a comment) expanded in a script.
pub const EVENT: &str = "template-injection/event";
/// An input or `choice` value expanded in a script.
pub const INPUT: &str = "template-injection/input";
/// A branch or tag name expanded in a script.
pub const REF: &str = "template-injection/ref";
/// A matrix value expanded in a script.
pub const MATRIX: &str = "template-injection/matrix";
/// A step or job output expanded in a script.
pub const OUTPUT: &str = "template-injection/output";
/// A value GitHub or the workflow fixes (a SHA, an id, a path) expanded in
/// a script: not injectable, shown to auditors as a habit to avoid.
pub const EXPANSION: &str = "template-injection/expansion";

const ADVICE: &str = "is potentially untrusted. avoid using it directly in inline scripts. instead, pass it through an environment variable. see https://docs.github.com/en/actions/reference/security/secure-use#good-practices-for-mitigating-script-injection-attacks for more details";

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    match (ctx.kind, ctx.workflow) {
        (FileKind::Workflow, Some(wf)) => {
            let global_env = env_names(root.get("env"));
            let typed_inputs = Scope::typed_inputs(root);
            for job in wf.jobs.iter().filter(|j| !super::audit::job_disabled(j)) {
                let mut reserved = global_env.clone();
                reserved.extend(env_names(job.get("env")));
                for step in &job.steps {
                    // Most steps expand nothing in a script: skip building
                    // their scope and shell.
                    if !expands_in_a_script(step.node) {
                        continue;
                    }
                    let scope = Scope {
                        typed_inputs: typed_inputs.clone(),
                        matrix: job.matrix(),
                        envs: [step.node.get("env"), job.get("env"), root.get("env")]
                            .into_iter()
                            .flatten()
                            .collect(),
                    };
                    // `shell:` as written or the runner's default.
                    let shell = super::runner_label::step_shell(root, job, step.node).and_then(quoting::classify_shell);
                    check_step(ctx, step.node, shell, &reserved, &scope);
                }
            }
        }
        (FileKind::Action, _) => {
            let steps = crate::model::composite_steps(root);
            for step in steps {
                // Action inputs have no types: all are text.
                let scope = Scope {
                    typed_inputs: Vec::new(),
                    matrix: None,
                    envs: step.get("env").into_iter().collect(),
                };
                check_step(ctx, step, None, &[], &scope);
            }
        }
        _ => {}
    }
}

fn env_names(env: Option<&Node>) -> Vec<String> {
    env.and_then(Node::as_mapping)
        .map(|es| es.iter().filter_map(|e| e.key.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// A script value of a step and the language it is written in (`None`
/// when unknown: reported, but not rewritten).
struct Script<'a> {
    node: &'a Node,
    lang: Option<Lang>,
}

/// One `${{ }}` reading untrusted data, to be moved into `env:`.
struct Injection {
    script: usize,
    embedded: Embedded,
    /// The first untrusted path it reads, for naming the variable.
    path: String,
}

fn scripts<'a>(step: &'a Node, default_shell: Option<ShellKind>) -> Vec<Script<'a>> {
    let mut out = Vec::new();
    if let Some(run) = step.get("run") {
        let shell = match step.get("shell").and_then(Node::as_str) {
            Some(s) => quoting::classify_shell(s),
            None => default_shell,
        };
        out.push(Script {
            node: run,
            lang: shell.map(Lang::Shell),
        });
    }
    let uses = step.get("uses").and_then(Node::as_str).unwrap_or("");
    for (action, input, lang) in CODE_INPUTS {
        if uses_action(uses, action)
            && let Some(script) = step.get("with").and_then(|w| w.get(input))
        {
            out.push(Script {
                node: script,
                lang: *lang,
            });
        }
    }
    out
}

/// `uses` names `action` (any case) at some version: `action@…`.
fn uses_action(uses: &str, action: &str) -> bool {
    uses.get(..action.len()).is_some_and(|a| a.eq_ignore_ascii_case(action))
        && uses.as_bytes().get(action.len()) == Some(&b'@')
}

/// Some script of the step ([`scripts`], whatever its shell) holds a
/// `${{ }}`: the only steps [`check_step`] can report.
fn expands_in_a_script(step: &Node) -> bool {
    scripts(step, None).iter().any(|s| {
        s.node
            .as_str()
            .is_some_and(|v| memchr::memmem::find(v.as_bytes(), b"${{").is_some())
    })
}

/// Action inputs that are code, from each action's `action.yml`; the
/// language when the fix knows how to read a variable in it.
const CODE_INPUTS: &[(&str, &str, Option<Lang>)] = &[
    ("actions/github-script", "script", Some(Lang::Js)),
    ("azure/cli", "inlineScript", None),
    ("azure/powershell", "inlineScript", Some(Lang::Shell(ShellKind::Pwsh))),
    ("amadevus/pwsh-script", "script", Some(Lang::Shell(ShellKind::Pwsh))),
    ("jannekem/run-python-script-action", "script", None),
    ("cardinalby/js-eval-action", "expression", None),
];

fn check_step(
    ctx: &mut Context<'_>,
    step: &Node,
    default_shell: Option<ShellKind>,
    outer_env: &[String],
    scope: &Scope<'_>,
) {
    let scripts = scripts(step, default_shell);
    let pedantic = ctx.shows(Persona::Pedantic);
    let mut injections = Vec::new();
    let mut findings: Vec<(TextRange, String, Tier)> = Vec::new();
    for (i, script) in scripts.iter().enumerate() {
        let Some(value) = script.node.as_str() else { continue };
        if script.node.alias.is_some() || memchr::memmem::find(value.as_bytes(), b"${{").is_none() {
            continue;
        }
        let Some(map) = ScalarSource::new(ctx.source, script.node) else {
            continue;
        };
        for embedded in find_expressions(value).into_iter().filter(|e| e.closed) {
            let Ok(mut expr) = parse(embedded.inner_text(value)) else {
                continue;
            };
            expr.shift(embedded.inner.start);
            let found: Vec<sources::Leak> = sources::leaks(&expr, scope)
                .into_iter()
                .filter(|l| pedantic || l.tier.is_regular())
                .collect();
            let Some(first) = found.first() else { continue };
            for leak in &found {
                let start = map.offset(leak.span.start, embedded.span);
                let end = map.offset(leak.span.end, embedded.span).max(start);
                let ok = |o: usize| ctx.source.is_char_boundary(o);
                let (start, end) = if ok(start) && ok(end) {
                    (start, end)
                } else {
                    (script.node.span.start, script.node.span.start)
                };
                findings.push((
                    TextRange::new(start, end.min(ctx.source.len())),
                    message(&leak.path, leak.tier),
                    leak.tier,
                ));
            }
            injections.push(Injection {
                script: i,
                embedded,
                path: first.path.clone(),
            });
        }
    }
    if findings.is_empty() {
        return;
    }
    let fix = move_to_env(ctx, step, &scripts, &injections, outer_env, scope);
    for (range, message, tier) in findings {
        let (severity, confidence) = tier.level();
        let script = scripts
            .iter()
            .find(|s| s.node.span.contains(range.start))
            .map_or(range, |s| s.node.span);
        let d = ctx.report_audit(tier.code(), severity, confidence, range, message);
        // The whole script, so a suppression comment on its header counts.
        d.labels.push(crate::diagnostic::Label {
            range: TextRange::new(script.start, script.start),
            message: "in this script".into(),
        });
        if let Some(fix) = &fix {
            d.fixes.push(fix.clone());
        }
    }
}

/// actionlint's wording for event payload text (its users match on it);
/// the other sources say what they are.
fn message(path: &str, tier: Tier) -> String {
    let why = match tier {
        Tier::Event => return format!("\"{path}\" {ADVICE}"),
        Tier::Input => "is an input whose caller chooses the text",
        Tier::Choice => {
            "is a choice input, limited to the options of the ref it is dispatched on (which a pusher controls)"
        }
        Tier::Ref => "is a ref or name that whoever can push chooses",
        Tier::Matrix => "is a matrix value computed at run time",
        Tier::Output => "is a step or job output, which may hold text from outside",
        Tier::Fixed => "is expanded into the script's source",
    };
    format!(
        "\"{path}\" {why}; `${{{{ }}}}` pastes it into the script before it runs. Pass it through `env:` and read the variable instead"
    )
}

/// For `env.X`, the name `X` as an `env:` mapping defines it.
fn defined_variable(expression: &str, scope: &Scope<'_>) -> Option<String> {
    let name = expression.strip_prefix("env.")?;
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    scope.envs.iter().find_map(|env| {
        env.as_mapping()?
            .iter()
            .filter_map(|e| e.key.as_str())
            .find(|k| k.eq_ignore_ascii_case(name))
            .map(str::to_string)
    })
}

/// `${{ github.event.issue.title }}` as written in an `env:` value, with
/// whitespace normalized, so an existing entry can be reused.
fn normalized(inner: &str) -> String {
    inner.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `github.event.issue.title` → `ISSUE_TITLE`.
fn variable_name(path: &str) -> String {
    let parts: Vec<&str> = path
        .strip_prefix("github.event.")
        .or_else(|| path.strip_prefix("github."))
        .or_else(|| path.strip_prefix("env."))
        .unwrap_or(path)
        .split('.')
        .filter(|p| *p != "*")
        .collect();
    let tail = &parts[parts.len().saturating_sub(2)..];
    tail.join("_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The fix for a whole step: every untrusted `${{ }}` becomes a variable
/// of the step's `env:`, so fixes of one step never conflict.
fn move_to_env(
    ctx: &Context<'_>,
    step: &Node,
    scripts: &[Script<'_>],
    injections: &[Injection],
    outer_env: &[String],
    scope: &Scope<'_>,
) -> Option<Fix> {
    let (path, source) = (ctx.path, ctx.source);
    let env = step.get("env");
    if env.is_some_and(|e| !e.is_mapping()) {
        return None;
    }
    // (normalized expression, name) of entries already there.
    let existing: Vec<(String, String)> = env
        .and_then(Node::as_mapping)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            let value = e.value.as_str()?;
            let inner = autoheal_expr::single_expression(value)?.inner_text(value);
            Some((normalized(inner), e.key.as_str()?.to_string()))
        })
        .collect();
    let mut taken: Vec<String> = outer_env.to_vec();
    taken.extend(env_names(env));
    let mut new_vars: Vec<(String, String)> = Vec::new();
    let mut edits = Vec::new();
    let mut states: Vec<Option<Vec<Quote>>> = vec![None; scripts.len()];
    for inj in injections {
        let script = &scripts[inj.script];
        let value = script.node.as_str()?;
        let key = normalized(inj.embedded.inner_text(value));
        let defined = defined_variable(&key, scope);
        let name = match existing.iter().chain(new_vars.iter()).find(|(k, _)| *k == key) {
            Some((_, n)) => n.clone(),
            // `${{ env.X }}` of a variable already in the environment.
            None if defined.is_some() => defined.unwrap_or_default(),
            None => {
                let base = variable_name(&inj.path);
                let mut name = base.clone();
                let mut n = 2;
                while taken.contains(&name) {
                    name = format!("{base}_{n}");
                    n += 1;
                }
                taken.push(name.clone());
                new_vars.push((key, name.clone()));
                name
            }
        };
        let lang = script.lang?;
        let states = states[inj.script].get_or_insert_with(|| {
            let all: Vec<Span> = find_expressions(value).iter().map(|e| e.span).collect();
            let at: Vec<usize> = injections
                .iter()
                .filter(|i| i.script == inj.script)
                .map(|i| i.embedded.span.start)
                .collect();
            quoting::states(value, &all, &at, lang)
        });
        let k = injections
            .iter()
            .filter(|i| i.script == inj.script)
            .position(|i| i.embedded.span == inj.embedded.span)?;
        let (start, end, text) = quoting::replacement(lang, *states.get(k)?, value, inj.embedded.span, &name)?;
        edits.push(yaml_replace(path, source, script.node, start, end, &text)?);
    }
    if !new_vars.is_empty() {
        edits.push(insert_env(ctx, step, env, &new_vars)?);
    }
    let names: Vec<&str> = new_vars.iter().map(|(_, n)| n.as_str()).collect();
    let title = if names.is_empty() {
        "Read untrusted values from the step's existing `env:` variables".to_string()
    } else {
        format!("Pass untrusted values through `env:` ({})", names.join(", "))
    };
    Some(Fix::unsafe_(title, edits).with_explanation(
        "`${{ }}` pastes event data into the script's source before it runs, so a crafted issue title or branch name \
         runs as code. Values in `env:` reach the script as data. Check that the script still quotes the variable \
         where word splitting matters.",
    ))
}

/// Replace `value[start..end]` of a scalar with `text`, escaped for its
/// YAML style; `None` when the bytes cannot be mapped exactly.
fn yaml_replace(path: &str, source: &str, node: &Node, start: usize, end: usize, text: &str) -> Option<Edit> {
    let map = ScalarSource::new(source, node)?;
    let (s, e) = (map.exact(start)?, map.exact(end)?);
    let style = node.as_scalar()?.style;
    let text = match style {
        // A plain scalar starting with a quote would become a quoted one.
        ScalarStyle::Plain if start == 0 => return None,
        ScalarStyle::SingleQuoted => text.replace('\'', "''"),
        ScalarStyle::DoubleQuoted => text.replace('\\', "\\\\").replace('"', "\\\""),
        _ => text.to_string(),
    };
    Some(Edit::replace(path, TextRange::new(s, e), text))
}

fn env_value(inner: &str) -> String {
    let v = format!("${{{{ {inner} }}}}");
    if edit::is_plain_safe(&v) {
        v
    } else {
        edit::single_quote(&v)
    }
}

/// Add `name: ${{ expr }}` entries to the step's `env:`, creating it after
/// the step's last key when missing.
fn insert_env(ctx: &Context<'_>, step: &Node, env: Option<&Node>, vars: &[(String, String)]) -> Option<Edit> {
    let (path, source) = (ctx.path, ctx.source);
    let eol = edit::line_ending(source);
    let after_last = |entries: &[crate::yaml::Entry]| {
        let last = entries.last()?;
        Some(edit::line_end(source, last.value.span.end.max(last.key.span.end)))
    };
    match env {
        Some(env) if edit::is_flow(source, env) => {
            let close = env.span.end.checked_sub(1)?;
            let sep = if env.as_mapping()?.is_empty() { "" } else { ", " };
            let items: Vec<String> = vars.iter().map(|(k, n)| format!("{n}: {}", env_value(k))).collect();
            Some(Edit::insert(path, close, format!("{sep}{}", items.join(", "))))
        }
        Some(env) => {
            let entries = env.as_mapping()?;
            let col = edit::column(source, entries.first()?.key.span.start);
            let mut text = String::new();
            for (k, n) in vars {
                text.push_str(&format!("{eol}{}{n}: {}", " ".repeat(col), env_value(k)));
            }
            Some(Edit::insert(path, after_last(entries)?, text))
        }
        None if edit::is_flow(source, step) => {
            let close = step.span.end.checked_sub(1)?;
            let items: Vec<String> = vars.iter().map(|(k, n)| format!("{n}: {}", env_value(k))).collect();
            Some(Edit::insert(path, close, format!(", env: {{{}}}", items.join(", "))))
        }
        None => {
            let entries = step.as_mapping()?;
            let col = edit::column(source, entries.first()?.key.span.start);
            let unit = ctx.indent_unit();
            let mut text = format!("{eol}{}env:", " ".repeat(col));
            for (k, n) in vars {
                text.push_str(&format!("{eol}{}{n}: {}", " ".repeat(col + unit), env_value(k)));
            }
            Some(Edit::insert(path, after_last(entries)?, text))
        }
    }
}

#[cfg(test)]
mod tests;
