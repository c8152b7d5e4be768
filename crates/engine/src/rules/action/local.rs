//! Local actions (`uses: ./path`): their metadata read through the
//! repository view, what a use site needs from it (inputs, outputs, kind),
//! and the metadata's own problems, which GitHub only reports when the job
//! reaches the step: they are shown at every `uses:` of the action.

use std::collections::HashMap;

use super::{InputSpec, inputs_of};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::FileKind;
use crate::repo::RepoFiles;
use crate::rules::{Context, Rule, action_metadata, schema, syntax};
use crate::text::LineIndex;
use crate::yaml::{self, Node};

/// What kind of action the metadata declares (`runs.using`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    JavaScript,
    Docker,
    Composite,
    Unknown,
}

/// One problem of the metadata file, located in that file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetadataProblem {
    /// The finding's severity in the metadata file (at least a warning).
    pub severity: Severity,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// A local action's metadata as a use site sees it.
#[derive(Clone, Debug)]
pub struct LocalAction {
    /// Repository-relative path of `action.yml` / `action.yaml`.
    pub file: String,
    pub name: Option<String>,
    pub kind: ActionKind,
    /// `None` when the metadata is too broken to say.
    pub inputs: Option<Vec<InputSpec>>,
    /// Declared output names; `None` when unknown.
    pub outputs: Option<Vec<String>>,
    pub problems: Vec<MetadataProblem>,
}

/// The rules whose findings describe an action file's own validity. The
/// `action` rule is not among them: following the action's own `uses:`
/// could recurse, and its steps are checked when the file is linted itself.
const METADATA_RULES: &[&Rule] = &[&syntax::RULE, &schema::RULE, &action_metadata::RULE];

/// Read the action in `dir` (repository-relative, no `./`). `None` when the
/// repository has neither `action.yml` nor `action.yaml` there.
pub fn load(repo: &dyn RepoFiles, config: &Config, dir: &str) -> Option<LocalAction> {
    let (file, text) = ["action.yml", "action.yaml"].iter().find_map(|f| {
        let file = if dir.is_empty() {
            (*f).to_string()
        } else {
            format!("{dir}/{f}")
        };
        repo.read(&file).map(|t| (file, t.into_owned()))
    })?;
    Some(parse(repo, config, file, &text))
}

fn parse(repo: &dyn RepoFiles, config: &Config, file: String, text: &str) -> LocalAction {
    let doc = yaml::parse(text.as_bytes());
    let mut problems = Vec::new();
    let root = doc.root.as_ref();
    let idx = LineIndex::new(text);
    for d in metadata_findings(repo, config, &file, text, &doc) {
        if d.severity < Severity::Error && !action_metadata::SHOWN_AT_USE_SITE.contains(&d.code) {
            continue;
        }
        let p = idx.line_column(text, d.range.start);
        problems.push(MetadataProblem {
            severity: d.severity,
            line: p.line,
            column: p.column,
            message: d.message,
        });
    }
    let mapping = root.filter(|r| r.is_mapping());
    let runs = mapping.and_then(|r| r.get("runs"));
    let kind = match runs.and_then(crate::rules::schema::runs_using).as_deref() {
        Some(u) if u.starts_with("node") => ActionKind::JavaScript,
        Some("docker") => ActionKind::Docker,
        Some("composite") => ActionKind::Composite,
        _ => ActionKind::Unknown,
    };
    let inputs = mapping.map(inputs_of);
    let outputs = mapping.and_then(|r| match r.get("outputs") {
        None => Some(Vec::new()),
        Some(n) if n.is_null() => Some(Vec::new()),
        Some(n) => n
            .as_mapping()
            .map(|es| es.iter().filter_map(|e| e.key.as_str().map(str::to_string)).collect()),
    });
    let name = mapping
        .and_then(|r| r.get("name"))
        .and_then(Node::as_str)
        .map(str::to_string);
    LocalAction {
        file,
        name,
        kind,
        inputs,
        outputs,
        problems,
    }
}

/// The findings of the metadata rules on the action file, at their
/// configured severities.
fn metadata_findings(
    repo: &dyn RepoFiles,
    config: &Config,
    path: &str,
    source: &str,
    doc: &yaml::Document,
) -> Vec<Diagnostic> {
    let derived = crate::rules::Derived::default();
    let mut ctx = Context {
        path,
        source,
        doc,
        kind: FileKind::Action,
        workflow: None,
        config,
        repo,
        script_checker: None,
        python_checker: None,
        rule: "",
        severity: Severity::Error,
        out: Vec::new(),
        indent_unit: Default::default(),
        derived: &derived,
        fixes_for: None,
        relint_jobs: None,
        places: None,
    };
    crate::rules::run_rules(&mut ctx, METADATA_RULES);
    let mut out = ctx.out;
    out.sort_by_key(|d| d.range.start);
    out
}

/// Local actions read while linting one file, by directory.
#[derive(Default)]
pub struct LocalActions {
    cache: HashMap<String, Option<LocalAction>>,
}

impl LocalActions {
    pub fn get(&mut self, repo: &dyn RepoFiles, config: &Config, dir: &str) -> Option<&LocalAction> {
        self.cache
            .entry(dir.to_string())
            .or_insert_with(|| load(repo, config, dir))
            .as_ref()
    }
}

/// Report the metadata's problems at a use site.
pub(super) fn report_problems(ctx: &mut Context<'_>, uses: &str, action: &LocalAction, range: crate::text::TextRange) {
    for p in &action.problems {
        ctx.report_at(
            p.severity,
            range,
            format!(
                "local action {uses:?} is invalid: {} ({}:{}:{})",
                p.message, action.file, p.line, p.column
            ),
        )
        .set_code(super::LOCAL_METADATA);
    }
}
