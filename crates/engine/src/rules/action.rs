//! `action`: steps' `uses:`. The reference must have one of the forms
//! GitHub accepts (`owner/repo@ref`, `owner/repo/path@ref`, `./local/path`,
//! `docker://image`); a local action's `with:` is checked against its
//! `action.yml` (read through [`crate::repo::RepoFiles`]); popular actions
//! are checked against a curated table of inputs and outdated majors (see
//! [`table`]), with a fix that moves an outdated ref to the current major.

mod generated;
mod local;
pub mod runtimes;
mod table;
#[cfg(test)]
mod tests;

use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Fix, Severity};
use crate::model::FileKind;
use crate::text::TextRange;
use crate::yaml::{self, Node};
use autoheal_expr::suggest::suggest;

pub use generated::{
    GeneratedAction, GeneratedInput, corpus_snapshot, generated_action, generated_actions, generated_for,
    generated_named, per_major_sources,
};
pub use local::{ActionKind, LocalAction, LocalActions};
pub use table::{KNOWN_ACTIONS, KnownAction, known_action};

pub const RULE: Rule = Rule {
    id: "action",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`uses:` format, inputs of local and popular actions, and outdated action versions.",
    kinds: ALL_FILES,
    codes: &[
        EXPRESSION,
        INVALID_REF,
        WORKFLOW_IN_STEP,
        LOCAL_MISSING,
        LOCAL_METADATA,
        MISSING_INPUT,
        DEPRECATED_INPUT,
        UNKNOWN_INPUT,
        UNKNOWN_OUTPUT,
        REMOVED_RUNTIME,
        RETIRED_RUNTIME,
        SHUT_DOWN,
    ],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Each step's action and inputs, and the steps before it (a local
        // action needs a checkout).
        paths: &["jobs.*.steps.*.uses", "jobs.*.steps.*.with", "jobs.*.steps.*.id"],
        // `steps.<id>.outputs.<name>` of unverified popular actions.
        expressions: true,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A `${{ }}` in `uses:`, which GitHub does not evaluate.
pub const EXPRESSION: &str = "action/expression";
/// A `uses:` that is not `owner/repo@ref`, `./path` or `docker://image`.
pub const INVALID_REF: &str = "action/invalid-ref";
/// A reusable workflow called from a step.
pub const WORKFLOW_IN_STEP: &str = "action/workflow-in-step";
/// A local action whose directory has no `action.yml`.
pub const LOCAL_MISSING: &str = "action/local-missing";
/// A local action whose metadata is invalid.
pub const LOCAL_METADATA: &str = "action/local-metadata";
/// A required input of the action is not given.
pub const MISSING_INPUT: &str = "action/missing-input";
/// An input the action has deprecated.
pub const DEPRECATED_INPUT: &str = "action/deprecated-input";
/// An input the action does not define.
pub const UNKNOWN_INPUT: &str = "action/unknown-input";
/// `steps.<id>.outputs.<name>` that an unverified reading of the popular
/// action's metadata does not declare (a verified one closes the outputs, so
/// the `expression` rule reports it as an error instead).
pub const UNKNOWN_OUTPUT: &str = "action/unknown-output";
/// A popular action's major that runs on node12/node16.
pub const REMOVED_RUNTIME: &str = "action/removed-runtime";
/// A popular action's major that runs on node20.
pub const RETIRED_RUNTIME: &str = "action/retired-runtime";
/// A popular action's major whose backend GitHub shut down.
pub const SHUT_DOWN: &str = "action/shut-down";

/// A parsed step `uses:` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionRef<'a> {
    /// `./path/to/dir` (in the checked-out workspace) or `$/path/to/dir`
    /// (GitHub's self-repository syntax: the workflow's own repository at
    /// the running commit, no checkout needed).
    Local { path: &'a str },
    /// `docker://image:tag`
    Docker { image: &'a str },
    /// `owner/repo[/path]@ref`
    Remote {
        owner: &'a str,
        repo: &'a str,
        path: Option<&'a str>,
        git_ref: &'a str,
    },
}

impl ActionRef<'_> {
    /// `owner/repo[/path]` of a remote action.
    pub fn name(&self) -> Option<String> {
        match self {
            ActionRef::Remote {
                owner,
                repo,
                path: Some(p),
                ..
            } => Some(format!("{owner}/{repo}/{p}")),
            ActionRef::Remote {
                owner,
                repo,
                path: None,
                ..
            } => Some(format!("{owner}/{repo}")),
            _ => None,
        }
    }
}

/// Parse a step's `uses:`. The error says what is wrong, for a message.
pub fn parse_action_ref(uses: &str) -> Result<ActionRef<'_>, String> {
    if uses.is_empty() {
        return Err("`uses:` is empty".into());
    }
    if let Some(image) = uses.strip_prefix("docker://") {
        if image.is_empty() {
            return Err("`docker://` needs an image, as in `docker://alpine:3.20`".into());
        }
        // `image:` with nothing after the colon (the last `:` after the last
        // `/`, so a registry port is not a tag) or `image@` without a digest.
        let name_part = &image[image.rfind('/').map_or(0, |i| i + 1)..];
        if name_part.ends_with(':') || image.ends_with('@') {
            return Err("the tag after `:` (or the digest after `@`) of the Docker image is empty".into());
        }
        return Ok(ActionRef::Docker { image });
    }
    if uses.starts_with("./") || uses == "." {
        if uses.contains('@') {
            return Err("a local action (`./path`) is used from the checked-out files and takes no `@ref`".into());
        }
        return Ok(ActionRef::Local { path: uses });
    }
    if uses.starts_with("$/") {
        if uses.contains('@') {
            return Err(
                "a self-repository action (`$/path`) always comes from the running commit and takes no `@ref`".into(),
            );
        }
        return Ok(ActionRef::Local { path: uses });
    }
    let Some((name, git_ref)) = uses.rsplit_once('@') else {
        return Err("a remote action needs a version: `owner/repo@ref` (a tag, branch or commit SHA)".into());
    };
    if git_ref.is_empty() {
        return Err("the ref after `@` is empty; use a tag, branch or commit SHA".into());
    }
    let mut parts = name.splitn(3, '/');
    let owner = parts.next().unwrap_or("");
    let repo = parts.next().unwrap_or("");
    let path = parts.next();
    if owner.is_empty() || repo.is_empty() || path == Some("") || name.contains(char::is_whitespace) {
        return Err(
            "expected `owner/repo@ref`, `owner/repo/path@ref`, `./local/path`, `$/local/path` or `docker://image`"
                .into(),
        );
    }
    // An owner is a GitHub account: letters, digits and `-` (`_` in
    // enterprise-managed accounts). `@actions/checkout` (an npm scope) names none.
    if !owner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(format!(
            "the owner \"{owner}\" is not a GitHub account name (letters, digits and `-`); expected `owner/repo@ref`"
        ));
    }
    Ok(ActionRef::Remote {
        owner,
        repo,
        path,
        git_ref,
    })
}

/// Whether a step before the local action's use checks something out to a
/// path that holds `dir` (`actions/checkout` with `path:`, often of another
/// repository): then the action can exist at run time though the
/// repository does not hold it. A path that is an expression could be
/// anything.
fn checked_out_earlier(dir: &str, earlier: &[&Node]) -> bool {
    earlier.iter().any(|step| {
        if !super::audit::uses_action(step, "actions/checkout") {
            return false;
        }
        let Some(p) = super::audit::input(step, "path").and_then(Node::as_str) else {
            return false;
        };
        if p.contains("${{") {
            return true;
        }
        let p = p.trim_start_matches("./").trim_end_matches('/');
        !p.is_empty() && (dir == p || dir.starts_with(&format!("{p}/")))
    })
}

/// A local reference's path relative to the repository root.
pub fn local_path(path: &str) -> &str {
    path.strip_prefix("$/").unwrap_or(path).trim_start_matches("./")
}

/// An input an action declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSpec {
    pub name: String,
    /// `required: true` and no `default`.
    pub required: bool,
    /// A `default:` is given (facts kept by `cargo xtask gen actions`).
    pub has_default: bool,
    pub deprecation: Option<String>,
}

/// The inputs of an `action.yml` text, or `None` when it is not a mapping.
pub fn action_inputs(text: &str) -> Option<Vec<InputSpec>> {
    let doc = yaml::parse(text.as_bytes());
    let root = doc.root?;
    root.as_mapping()?;
    Some(inputs_of(&root))
}

/// The output names of an `action.yml` text (empty when it declares none),
/// or `None` when it is not a mapping.
pub fn action_outputs(text: &str) -> Option<Vec<String>> {
    let doc = yaml::parse(text.as_bytes());
    let root = doc.root?;
    root.as_mapping()?;
    Some(
        root.get("outputs")
            .and_then(Node::as_mapping)
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e.key.as_str().map(str::to_string))
            .collect(),
    )
}

/// `runs.using` of an `action.yml` text.
pub fn action_runtime(text: &str) -> Option<String> {
    let doc = yaml::parse(text.as_bytes());
    super::schema::runs_using(doc.root?.get("runs")?)
}

/// The inputs declared by action metadata's top-level mapping.
pub(crate) fn inputs_of(root: &Node) -> Vec<InputSpec> {
    let Some(inputs) = root.get("inputs").and_then(Node::as_mapping) else {
        return Vec::new();
    };
    inputs
        .iter()
        .filter_map(|e| {
            let name = e.key.as_str()?.to_string();
            let has_default = e.value.get("default").is_some();
            let required = e.value.get("required").is_some_and(is_true) && !has_default;
            let deprecation = e
                .value
                .get("deprecationMessage")
                .and_then(Node::as_str)
                .map(str::to_string);
            Some(InputSpec {
                name,
                required,
                has_default,
                deprecation,
            })
        })
        .collect()
}

/// `true` the way the runner reads `required:` (a boolean or the string).
pub(crate) fn is_true(node: &Node) -> bool {
    node.as_bool() == Some(true) || node.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))
}

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let derived = ctx.derived;
    let mut cache = derived.reads.actions.borrow_mut();
    let cache = &mut *cache;
    match ctx.kind {
        FileKind::Workflow => {
            let Some(wf) = ctx.workflow else { return };
            for job in &wf.jobs {
                let scope = Scope {
                    end: job.entry.value.span.end,
                    outputs: job.get("outputs").map(|o| o.span),
                };
                for (i, step) in job.steps.iter().enumerate() {
                    let earlier: Vec<&Node> = job.steps[..i].iter().map(|s| s.node).collect();
                    check_step(ctx, step.node, &earlier, scope, cache);
                }
            }
        }
        FileKind::Action => {
            let steps = crate::model::composite_steps(root);
            let scope = Scope {
                end: root.span.end,
                outputs: root.get("outputs").map(|o| o.span),
            };
            for (i, step) in steps.iter().enumerate() {
                let earlier: Vec<&Node> = steps[..i].iter().collect();
                check_step(ctx, step, &earlier, scope, cache);
            }
        }
    }
}

/// Where a step's outputs can be read: the expressions after it up to the
/// end of its job (or action), and the job's (or composite action's)
/// `outputs:`, which may be written above `steps:`.
#[derive(Clone, Copy)]
struct Scope {
    end: usize,
    outputs: Option<TextRange>,
}

impl Scope {
    fn reads_after(self, step: &Node, offset: usize) -> bool {
        (offset >= step.span.end && offset < self.end) || self.outputs.is_some_and(|o| o.contains(offset))
    }
}

/// `earlier`: the steps before `step` in its job (or composite action);
/// `scope`: where the expressions that can read its outputs are.
fn check_step(ctx: &mut Context<'_>, step: &Node, earlier: &[&Node], scope: Scope, cache: &mut LocalActions) {
    let Some(uses_node) = step.get("uses") else { return };
    let Some(uses) = uses_node.as_str() else { return };
    // The schema rule reports an empty `uses:`.
    if uses_node.is_null() {
        return;
    }
    let range = uses_node.report_span();
    if uses.contains("${{") {
        ctx.report_at(
            Severity::Warning,
            range,
            "GitHub does not evaluate `${{ }}` expressions in `uses:`: actions are resolved before the job runs",
        )
        .set_code(EXPRESSION);
        return;
    }
    let action = match parse_action_ref(uses) {
        Ok(a) => a,
        Err(why) => {
            ctx.report(range, format!("invalid action reference {uses:?}: {why}"))
                .set_code(INVALID_REF);
            return;
        }
    };
    let with = step.get("with");
    match action {
        ActionRef::Local { path } => local_action(ctx, uses, path, with, range, earlier, cache),
        ActionRef::Docker { .. } => {}
        ActionRef::Remote { git_ref, .. } => {
            let Some(name) = action.name() else { return };
            if name.to_ascii_lowercase().ends_with(".yml") || name.to_ascii_lowercase().ends_with(".yaml") {
                ctx.report(
                    range,
                    format!("{uses:?} is a reusable workflow; call it from a job's `uses:`, not from a step"),
                )
                .set_code(WORKFLOW_IN_STEP);
                return;
            }
            let known = known_action(&name);
            if let Some(major) = ref_major(git_ref) {
                outdated_major(ctx, uses_node, uses, &name, git_ref, major, known);
            }
            popular_action(ctx, uses_node, uses, &name, git_ref, known, with);
            unverified_outputs(ctx, step, &name, git_ref, scope);
        }
    }
}

fn local_action(
    ctx: &mut Context<'_>,
    uses: &str,
    path: &str,
    with: Option<&Node>,
    range: TextRange,
    earlier: &[&Node],
    cache: &mut LocalActions,
) {
    let dir = local_path(path).trim_end_matches('/');
    let lower = dir.to_ascii_lowercase();
    if lower.ends_with(".yml") || lower.ends_with(".yaml") {
        // The runner reads `uses:` as the action's directory, so naming its
        // metadata file fails too ("Can't find 'action.yml' … under
        // '…/action.yml'"); say which mistake it is.
        let file = lower.rsplit('/').next().unwrap_or(&lower);
        let message = if matches!(file, "action.yml" | "action.yaml") {
            let prefix = if uses.starts_with("$/") { "$/" } else { "./" };
            let parent = dir.rsplit_once('/').map_or("", |(p, _)| p);
            format!(
                "{uses:?} names the action's metadata file; `uses:` takes the action's directory: `{prefix}{parent}`"
            )
        } else {
            format!("{uses:?} is a workflow file; call a reusable workflow from a job's `uses:`, not from a step")
        };
        ctx.report(range, message).set_code(WORKFLOW_IN_STEP);
        return;
    }
    let repo = ctx.repo;
    let Some(action) = cache.get(repo, ctx.config, dir).cloned() else {
        // Only a repository that can list its files knows the action is missing.
        let listed = repo.list();
        if let Some(files) = listed {
            // The runner also runs a directory holding only a `Dockerfile`
            // (or `dockerfile`) as a Docker action without metadata. No
            // string is built per listed file: this runs for every `./` use.
            let names = ["action.yml", "action.yaml", "Dockerfile", "dockerfile"];
            let known = files.iter().any(|f| {
                let name = if dir.is_empty() {
                    Some(f.as_str())
                } else {
                    f.strip_prefix(dir).and_then(|rest| rest.strip_prefix('/'))
                };
                name.is_some_and(|n| names.contains(&n))
            });
            if !known && !checked_out_earlier(dir, earlier) {
                ctx.report_at(
                    Severity::Warning,
                    range,
                    format!(
                        "no action.yml, action.yaml or Dockerfile in {dir:?} in this repository{}",
                        if path.starts_with("$/") {
                            ""
                        } else {
                            "; a `./` action must be checked out before it is used"
                        }
                    ),
                )
                .set_code(LOCAL_MISSING);
            }
        }
        return;
    };
    local::report_problems(ctx, uses, &action, range);
    let Some(inputs) = &action.inputs else { return };
    let mut names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    // A Docker action also takes `args` and `entrypoint`, which override
    // `runs.args` and `runs.entrypoint`.
    if action.kind == ActionKind::Docker {
        names.extend(["args", "entrypoint"]);
    }
    check_with(ctx, uses, with, &names, &[], Severity::Error);
    for input in inputs.iter().filter(|i| i.required) {
        if !has_input(with, &input.name) {
            ctx.report(
                range,
                format!("missing input {:?}, which action {uses:?} requires", input.name),
            )
            .set_code(MISSING_INPUT);
        }
    }
    for input in inputs {
        if let (Some(msg), Some(key)) = (&input.deprecation, with_key(with, &input.name)) {
            ctx.report_at(
                Severity::Warning,
                key.span,
                format!("input {:?} of action {uses:?} is deprecated: {msg}", input.name),
            )
            .set_code(DEPRECATED_INPUT);
        }
    }
}

/// A version ref (`@v4`, `@v4.1.0`) of a major that no longer works (its
/// backend was shut down: an error) or that runs on a Node.js GitHub no
/// longer supports or has retired (a warning), from the dated runtime data.
/// The fix moves the ref to the first later major on the current runtime,
/// and is only offered when one is known.
fn outdated_major(
    ctx: &mut Context<'_>,
    uses_node: &Node,
    uses: &str,
    name: &str,
    git_ref: &str,
    major: u32,
    known: Option<&KnownAction>,
) {
    let runtime = runtimes::runtime_of(name, major);
    let status = runtime.and_then(runtimes::node_status);
    let (severity, code, why) = if known.is_some_and(|k| major <= k.broken_through) {
        (
            Severity::Error,
            SHUT_DOWN,
            "no longer works: GitHub shut down the service it depends on".to_string(),
        )
    } else {
        match (status, runtime) {
            (Some(runtimes::NodeStatus::Removed), Some(r)) => (
                Severity::Warning,
                REMOVED_RUNTIME,
                format!("runs on {r}, which GitHub no longer supports"),
            ),
            (Some(runtimes::NodeStatus::Retired), Some(r)) => (
                Severity::Warning,
                RETIRED_RUNTIME,
                format!(
                    "runs on {r}, which GitHub has retired (Node.js 24 is the default from 2026-06-02 and Node.js 20 \
                     is removed from runners on 2026-09-16)"
                ),
            ),
            _ => return,
        }
    };
    let range = uses_node.report_span();
    let Some(target) = runtimes::current_major_after(name, major) else {
        ctx.report_at(
            severity,
            range,
            format!(
                "{uses:?} {why}; no major of {name} on {} is known (as of {}), so check its releases",
                runtimes::CURRENT_NODE,
                runtimes::as_of()
            ),
        )
        .set_code(code);
        return;
    };
    let ref_at = uses.len() - git_ref.len();
    let ref_range = super::glob::pattern_range(ctx.source, uses_node, ref_at, git_ref.len());
    let fix = (ctx.text(ref_range) == git_ref).then(|| {
        Fix::unsafe_(
            format!("Update {name} to v{target}"),
            vec![crate::Edit::replace(ctx.path, ref_range, format!("v{target}"))],
        )
        .with_explanation(format!(
            "{uses} {why}. v{target} is its first major on {}; read its release notes for changed inputs and \
             defaults before merging.",
            runtimes::CURRENT_NODE
        ))
    });
    let d = ctx.report_at(severity, range, format!("{uses:?} {why}; update it to v{target}"));
    d.set_code(code);
    d.fixes.extend(fix);
}

/// One input a popular action takes at some major.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PopularInput {
    pub name: &'static str,
    /// The action fails without it at that major.
    pub required: bool,
}

/// The inputs popular action `name` (`owner/repo[/path]`, lower case) takes
/// at `major`: the real `action.yml` of that major when one was read, plus
/// the curated table's names when `major` is the table's `current_major`
/// (later releases of a major may have added inputs); else the curated
/// table's, at its `current_major` only. Empty when neither knows that
/// major. The one reading for the `action` rule's `with:` check and the
/// language server's completions.
pub fn popular_inputs(name: &str, major: u32) -> Vec<PopularInput> {
    let known = known_action(name);
    let curated: Vec<PopularInput> = known
        .filter(|k| k.current_major == major)
        .and_then(|k| k.inputs)
        .unwrap_or_default()
        .iter()
        .map(|i| PopularInput {
            name: i,
            required: known.is_some_and(|k| k.required.iter().any(|(r, since)| r == i && major >= *since)),
        })
        .collect();
    let Some(meta) = generated_for(name, major) else {
        return curated;
    };
    let mut inputs: Vec<PopularInput> = meta
        .inputs
        .iter()
        .map(|i| PopularInput {
            name: i.name,
            required: i.required,
        })
        .collect();
    for c in curated {
        if !inputs.iter().any(|i| i.name == c.name) {
            inputs.push(PopularInput { required: false, ..c });
        }
    }
    inputs
}

/// A popular action's `with:` against the inputs of the major it names
/// (`@v4`, or a SHA pin whose comment names it: `@<sha> # v4.2.2`): the
/// real `action.yml` of that major when one was read (generated tables),
/// else the hand-curated inputs of the table, which describe majors up to
/// its `current_major`. A major known to neither is not judged.
fn popular_action(
    ctx: &mut Context<'_>,
    uses_node: &Node,
    uses: &str,
    name: &str,
    git_ref: &str,
    known: Option<&KnownAction>,
    with: Option<&Node>,
) {
    let range = uses_node.report_span();
    let version = ref_major(git_ref).or_else(|| commented_major(ctx.source, uses_node));
    if let Some((major, meta)) = version.and_then(|m| Some((m, generated_for(name, m)?))) {
        // A per-major file is one commit of that major; later releases of
        // the same major may have added inputs, which the curated list, made
        // against that same major, may know.
        let names: Vec<&str> = popular_inputs(name, major).iter().map(|i| i.name).collect();
        let renamed = known.map_or(&[][..], |k| k.deprecated);
        check_with(ctx, uses, with, &names, renamed, Severity::Warning);
        for input in meta.inputs {
            if input.required && !has_input(with, input.name) {
                ctx.report_at(
                    Severity::Warning,
                    range,
                    format!("missing input {:?}, which action {uses:?} requires", input.name),
                )
                .set_code(MISSING_INPUT);
            }
            if let (true, Some(key)) = (input.deprecated, with_key(with, input.name)) {
                let instead = known
                    .and_then(|k| {
                        k.deprecated
                            .iter()
                            .find(|(old, _)| old.eq_ignore_ascii_case(input.name))
                    })
                    .map(|(_, new)| format!("; use {new:?} instead"))
                    .unwrap_or_default();
                ctx.report_at(
                    Severity::Warning,
                    key.span,
                    format!(
                        "input {:?} of action {uses:?} is deprecated (its action.yml gives a deprecationMessage){instead}",
                        input.name
                    ),
                )
                .set_code(DEPRECATED_INPUT);
            }
        }
        return;
    }
    let Some(known) = known else { return };
    for (old, new) in known.deprecated {
        if let Some(key) = with_key(with, old) {
            ctx.report_at(
                Severity::Warning,
                key.span,
                format!("input {old:?} of action {uses:?} is deprecated; use {new:?} instead"),
            )
            .set_code(DEPRECATED_INPUT);
        }
    }
    // The curated list describes `current_major` only: older majors had
    // other inputs, and newer ones may have grown some.
    let version = version.filter(|m| *m == known.current_major);
    let Some(inputs) = known.inputs.filter(|_| version.is_some()) else {
        return;
    };
    check_with(ctx, uses, with, inputs, known.deprecated, Severity::Warning);
    for (input, since) in known.required {
        if version.is_some_and(|m| m >= *since) && !has_input(with, input) {
            ctx.report_at(
                Severity::Warning,
                range,
                format!("missing input {input:?}, which action {uses:?} requires"),
            )
            .set_code(MISSING_INPUT);
        }
    }
}

/// `steps.<id>.outputs.<name>` that `scope` reads after `step` (or in the job's `outputs:`) that the
/// popular action's metadata does not declare, when that metadata is an
/// unverified reading: a warning, since only a file read at a commit of the
/// action's repository makes the `expression` rule close the outputs (an
/// error). Actions whose outputs are open (`open_outputs`) are skipped.
fn unverified_outputs(ctx: &mut Context<'_>, step: &Node, name: &str, git_ref: &str, scope: Scope) {
    let Some(id) = step.get("id").and_then(Node::as_str) else {
        return;
    };
    let Some(uses_node) = step.get("uses") else { return };
    let Some(major) = ref_major(git_ref).or_else(|| commented_major(ctx.source, uses_node)) else {
        return;
    };
    let Some(meta) = generated_for(name, major).filter(|m| !m.verified) else {
        return;
    };
    if known_action(name).is_some_and(|k| k.open_outputs) {
        return;
    }
    let id = id.to_ascii_lowercase();
    let mut found: Vec<(TextRange, String)> = Vec::new();
    for e in ctx.expressions() {
        if !scope.reads_after(step, e.node.span.start) {
            continue;
        }
        e.expr.walk(&mut |x| {
            let autoheal_expr::ExprKind::Property { name: output, name_span, .. } = &x.kind else {
                return;
            };
            if !reads_outputs_of(x, &id) {
                return;
            }
            if meta.outputs.iter().any(|o| o.eq_ignore_ascii_case(output)) {
                return;
            }
            let declared = if meta.outputs.is_empty() {
                "it declares none".to_string()
            } else {
                let list: Vec<String> = meta.outputs.iter().map(|o| format!("{o:?}")).collect();
                format!("its outputs are {}", list.join(", "))
            };
            found.push((
                e.range(ctx.source, *name_span),
                format!(
                    "output {output:?} is not declared by action \"{name}@{git_ref}\" (step {id:?}); {declared} (read at the major's tag through a transcript, not at a commit, so this is a warning)"
                ),
            ));
        });
    }
    for (range, message) in found {
        ctx.report_at(Severity::Warning, range, message)
            .set_code(UNKNOWN_OUTPUT);
    }
}

/// Whether `x` is `steps.<id>.outputs.<name>` (any case): `x` is the
/// `.name` access, its receiver `steps.<id>.outputs`.
fn reads_outputs_of(x: &autoheal_expr::Expr, id: &str) -> bool {
    use autoheal_expr::ExprKind::{Property, Variable};
    let Property { receiver: outputs, .. } = &x.kind else {
        return false;
    };
    let Property {
        receiver: step, name, ..
    } = &outputs.kind
    else {
        return false;
    };
    if !name.eq_ignore_ascii_case("outputs") {
        return false;
    }
    let Property {
        receiver: steps,
        name: step_id,
        ..
    } = &step.kind
    else {
        return false;
    };
    step_id.eq_ignore_ascii_case(id) && matches!(&steps.kind, Variable(v) if v.eq_ignore_ascii_case("steps"))
}

/// The major version in a comment after a SHA pin on the same line:
/// `# v4.2.2`, `# tag=v4`.
pub(crate) fn commented_major(source: &str, node: &Node) -> Option<u32> {
    let rest = source.get(node.span.end..)?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    pin_comment_major(line.trim_start().strip_prefix('#')?)
}

/// The major a SHA pin's comment names (`v4.2.2`, `tag=v4`, the text after
/// `#`), as Dependabot and Renovate write it. Also how `cargo xtask gen
/// actions` dates a corpus snapshot whose commit workflows pin.
pub fn pin_comment_major(comment: &str) -> Option<u32> {
    let comment = comment.trim_start();
    let comment = comment.strip_prefix("tag=").unwrap_or(comment);
    let digits: String = comment
        .strip_prefix('v')
        .unwrap_or(comment)
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.parse().ok()
}

/// The major version a ref names (`v4`, `v4.1.0`, `4`), if it is one.
pub fn ref_major(git_ref: &str) -> Option<u32> {
    let v = git_ref.strip_prefix('v').unwrap_or(git_ref);
    let mut parts = v.split('.');
    let major = parts.next()?;
    if major.is_empty() || !major.bytes().all(|b| b.is_ascii_digit()) || major.len() > 4 {
        return None;
    }
    if !parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    major.parse().ok()
}

/// Unknown `with:` keys, with a did-you-mean. `renamed`: old input names
/// the action took in earlier majors and what replaced them (the curated
/// table's `deprecated`), so an old name a major no longer declares
/// (`version` on setup-node v4) still says what to write instead.
fn check_with(
    ctx: &mut Context<'_>,
    uses: &str,
    with: Option<&Node>,
    inputs: &[&str],
    renamed: &[(&str, &str)],
    severity: Severity,
) {
    let Some(entries) = with.and_then(Node::as_mapping) else {
        return;
    };
    for e in entries {
        let Some(key) = e.key.as_str() else { continue };
        if inputs.iter().any(|i| i.eq_ignore_ascii_case(key)) {
            continue;
        }
        let replacement = renamed
            .iter()
            .find(|(old, new)| old.eq_ignore_ascii_case(key) && inputs.iter().any(|i| i.eq_ignore_ascii_case(new)));
        let hint = match replacement {
            Some((_, new)) => format!("; it was renamed: use {new:?} instead"),
            None => suggest(key, inputs)
                .map(|s| format!("; did you mean {s:?}?"))
                .unwrap_or_default(),
        };
        let mut sorted = inputs.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let available = if sorted.is_empty() {
            "it takes no inputs".to_string()
        } else {
            format!(
                "available inputs are {}",
                sorted.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")
            )
        };
        ctx.report_at(
            severity,
            e.key.span,
            format!("input {key:?} is not defined in action {uses:?}{hint}; {available}"),
        )
        .set_code(UNKNOWN_INPUT);
    }
}

fn with_key<'n>(with: Option<&'n Node>, name: &str) -> Option<&'n Node> {
    with?
        .as_mapping()?
        .iter()
        .find(|e| e.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
        .map(|e| &e.key)
}

fn has_input(with: Option<&Node>, name: &str) -> bool {
    // `with: ${{ ... }}` could hold anything.
    with.is_some_and(Node::is_expression) || with_key(with, name).is_some()
}
