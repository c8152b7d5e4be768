//! A typed view of a workflow over the spanned YAML tree. It borrows the
//! tree, so every job and step still knows its exact bytes.

use std::collections::HashMap;

use crate::yaml::{Entry, Node};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.github/workflows/*.yml`
    Workflow,
    /// `action.yml` / `action.yaml` metadata of an action.
    Action,
}

impl FileKind {
    /// Decide from the path, falling back to the content's top-level keys
    /// (a file with `runs:` and no `jobs:` is action metadata).
    pub fn detect(path: &str, root: Option<&Node>) -> FileKind {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        if name == "action.yml" || name == "action.yaml" {
            return FileKind::Action;
        }
        if path.replace('\\', "/").contains(".github/workflows/") {
            return FileKind::Workflow;
        }
        match root {
            Some(r) if r.get("runs").is_some() && r.get("jobs").is_none() => FileKind::Action,
            _ => FileKind::Workflow,
        }
    }
}

#[derive(Debug)]
pub struct Workflow<'a> {
    pub root: &'a Node,
    /// The `jobs:` entry, when present.
    pub jobs_entry: Option<&'a Entry>,
    pub jobs: Vec<Job<'a>>,
    /// Index into `jobs` by id, exact and ASCII-lowercased (the first of
    /// equal ids), so that looking a job up does not scan all of them.
    by_id: HashMap<&'a str, usize>,
    by_lower_id: HashMap<String, usize>,
}

#[derive(Debug)]
pub struct Job<'a> {
    pub id: &'a str,
    /// The `<id>: {...}` entry: `entry.key` spans the id.
    pub entry: &'a Entry,
    pub steps: Vec<Step<'a>>,
}

#[derive(Debug)]
pub struct Step<'a> {
    /// 0-based position in `steps:`. Logs number steps from 1 and count an
    /// implicit "Set up job" step first, so log step N is `index + 2`.
    pub index: usize,
    pub node: &'a Node,
}

impl<'a> Workflow<'a> {
    pub fn new(root: &'a Node) -> Self {
        let jobs_entry = root.entry("jobs");
        let jobs: Vec<Job<'a>> = jobs_entry
            .and_then(|e| e.value.as_mapping())
            .map(|entries| {
                entries
                    .iter()
                    .filter_map(|entry| {
                        let id = entry.key.as_str()?;
                        let steps = entry
                            .value
                            .get("steps")
                            .and_then(Node::as_sequence)
                            .map(|items| {
                                items
                                    .iter()
                                    .enumerate()
                                    .map(|(index, node)| Step { index, node })
                                    .collect()
                            })
                            .unwrap_or_default();
                        Some(Job { id, entry, steps })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut by_id = HashMap::with_capacity(jobs.len());
        let mut by_lower_id = HashMap::with_capacity(jobs.len());
        for (i, job) in jobs.iter().enumerate() {
            by_id.entry(job.id).or_insert(i);
            by_lower_id.entry(job.id.to_ascii_lowercase()).or_insert(i);
        }
        Workflow {
            root,
            jobs_entry,
            jobs,
            by_id,
            by_lower_id,
        }
    }

    /// The directory of every local action a step runs (`uses: ./dir`), as
    /// [`crate::repo::local_action_dir`] reads it, in order, without repeats.
    pub fn local_action_dirs(&self) -> Vec<&'a str> {
        let mut dirs: Vec<&'a str> = Vec::new();
        let uses = self.jobs.iter().flat_map(|job| job.steps.iter().filter_map(Step::uses));
        for dir in uses.filter_map(crate::repo::local_action_dir) {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        dirs
    }

    /// The job with this id, else one whose id differs only in ASCII case.
    pub fn job(&self, id: &str) -> Option<&Job<'a>> {
        let i = match self.by_id.get(id) {
            Some(i) => *i,
            None => *self.by_lower_id.get(&id.to_ascii_lowercase())?,
        };
        self.jobs.get(i)
    }

    pub fn name(&self) -> Option<&'a str> {
        self.root.get("name").and_then(Node::as_str)
    }

    /// `on:` triggers as they are written (scalar, list or mapping).
    pub fn on(&self) -> Option<&'a Entry> {
        self.root.entry("on")
    }

    /// The names of the events under `on:`, however they are written (a scalar, a list or a
    /// mapping).
    pub fn events(&self) -> Vec<&'a str> {
        match self.on().map(|e| &e.value) {
            Some(n) => match &n.kind {
                crate::yaml::NodeKind::Scalar(s) => vec![s.value.as_str()],
                crate::yaml::NodeKind::Sequence(items) => items.iter().filter_map(Node::as_str).collect(),
                crate::yaml::NodeKind::Mapping(entries) => entries.iter().filter_map(|e| e.key.as_str()).collect(),
            },
            None => Vec::new(),
        }
    }

    /// True for a reusable workflow (`on: workflow_call`).
    pub fn is_reusable(&self) -> bool {
        self.events().contains(&"workflow_call")
    }
}

/// The labels a `runs-on` value (or a matrix value given to it) names: a
/// single label, a list, or the `labels` of a runner group
/// (`{group: …, labels: …}`).
pub fn runner_labels_of(node: &Node) -> Vec<&Node> {
    match &node.kind {
        crate::yaml::NodeKind::Scalar(_) => vec![node],
        crate::yaml::NodeKind::Sequence(items) => items.iter().collect(),
        crate::yaml::NodeKind::Mapping(_) => match node.get("labels") {
            Some(l) if l.is_sequence() => l.as_sequence().unwrap_or_default().iter().collect(),
            Some(l) => vec![l],
            None => Vec::new(),
        },
    }
}

/// The `runs.steps` of action metadata (a composite action's steps); empty
/// for other actions and for workflows.
pub fn composite_steps(root: &Node) -> &[Node] {
    root.get("runs")
        .and_then(|r| r.get("steps"))
        .and_then(Node::as_sequence)
        .unwrap_or_default()
}

/// `defaults.run.shell` of a workflow or a job.
pub fn default_run_shell(node: &Node) -> Option<&Node> {
    node.get("defaults")?.get("run")?.get("shell")
}

/// `defaults.run.working-directory` of a workflow or a job.
pub fn default_run_working_directory(node: &Node) -> Option<&Node> {
    node.get("defaults")?.get("run")?.get("working-directory")
}

/// `["a", "b"]` for a value that is exactly `${{ matrix.a.b }}` (spaces
/// inside the braces allowed); `None` for anything else.
pub fn matrix_reference(text: &str) -> Option<Vec<&str>> {
    let inner = text.trim().strip_prefix("${{")?.strip_suffix("}}")?.trim();
    let path: Vec<&str> = inner.strip_prefix("matrix.")?.split('.').collect();
    path.iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .then_some(path)
}

/// [`Job::matrix_values`] of a matrix node (a job's, or its
/// [`Job::literal_matrix`]).
pub fn matrix_values_in<'a>(matrix: &'a Node, path: &[&str]) -> Vec<&'a Node> {
    let Some((first, rest)) = path.split_first() else {
        return Vec::new();
    };
    let Some(entries) = matrix.as_mapping() else {
        return Vec::new();
    };
    let descend = |node: &'a Node| rest.iter().try_fold(node, |n, p| n.get(p));
    let mut out = Vec::new();
    for e in entries {
        let Some(key) = e.key.as_str() else { continue };
        if key == "include" {
            for row in e.value.as_sequence().unwrap_or_default() {
                let value = row
                    .as_mapping()
                    .unwrap_or_default()
                    .iter()
                    .find(|r| r.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(first)));
                out.extend(value.and_then(|v| descend(&v.value)));
            }
        } else if key.eq_ignore_ascii_case(first) && key != "exclude" {
            match e.value.as_sequence() {
                Some(items) => out.extend(items.iter().filter_map(descend)),
                // `key: ${{ fromJSON(…) }}` or a lone scalar.
                None => out.extend(descend(&e.value)),
            }
        }
    }
    out
}

/// The value of a scalar that is exactly `${{ fromJSON('…') }}` of a JSON
/// literal, read as YAML (JSON is YAML's flow syntax) into a tree whose
/// every node spans the scalar; `None` for anything else, and for a
/// literal that is not JSON (the `expression` rule reports it).
pub fn from_json_literal(node: &Node) -> Option<Node> {
    let text = node.as_str()?;
    let embedded = autoheal_expr::single_expression(text)?;
    let expr = autoheal_expr::parse(embedded.inner_text(text)).ok()?;
    let autoheal_expr::ExprKind::Call { name, args, .. } = &expr.kind else {
        return None;
    };
    let [arg] = args.as_slice() else { return None };
    let autoheal_expr::ExprKind::String(json) = &arg.kind else {
        return None;
    };
    if !name.eq_ignore_ascii_case("fromJSON") || autoheal_expr::json::infer_type(json).is_err() {
        return None;
    }
    let doc = crate::yaml::parse(json.as_bytes());
    if !doc.errors.is_empty() {
        return None;
    }
    let mut root = doc.root?;
    fn respan(n: &mut Node, at: crate::text::TextRange) {
        n.span = at;
        n.alias = None;
        match &mut n.kind {
            crate::yaml::NodeKind::Scalar(_) => {}
            crate::yaml::NodeKind::Sequence(items) => items.iter_mut().for_each(|i| respan(i, at)),
            crate::yaml::NodeKind::Mapping(entries) => entries.iter_mut().for_each(|e| {
                respan(&mut e.key, at);
                respan(&mut e.value, at);
            }),
        }
    }
    respan(&mut root, node.span);
    Some(root)
}

impl<'a> Job<'a> {
    pub fn node(&self) -> &'a Node {
        &self.entry.value
    }
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.entry.value.get(key)
    }
    pub fn name(&self) -> Option<&'a str> {
        self.get("name").and_then(Node::as_str)
    }
    /// A job that calls a reusable workflow (`uses:` at job level).
    pub fn is_call(&self) -> bool {
        self.get("uses").is_some()
    }
    /// `runs-on` labels as written (expressions included verbatim).
    pub fn runs_on_labels(&self) -> Vec<&'a Node> {
        self.get("runs-on").map(runner_labels_of).unwrap_or_default()
    }
    /// The `strategy.matrix` node, if any.
    pub fn matrix(&self) -> Option<&'a Node> {
        self.get("strategy").and_then(|s| s.get("matrix"))
    }
    /// Every value the matrix gives `matrix.<path>` (`path` from
    /// [`matrix_reference`]): the values listed under the key, and those of
    /// `include` entries, followed down the rest of the path. The key is
    /// compared ignoring ASCII case, as expressions compare property names.
    /// Values are as written, expressions included; a row that lacks the
    /// rest of the path gives nothing. Empty when the matrix is not a
    /// literal mapping.
    pub fn matrix_values(&self, path: &[&str]) -> Vec<&'a Node> {
        self.matrix().map(|m| matrix_values_in(m, path)).unwrap_or_default()
    }
    /// The matrix with every part given as `fromJSON()` of a literal (the
    /// whole matrix, a key's values, `include`, an `include` row) replaced
    /// by the literal's value, as GitHub expands it; `None` when no part is
    /// such a literal. The replaced nodes span the expression.
    pub fn literal_matrix(&self) -> Option<Node> {
        let matrix = self.matrix()?;
        if let Some(whole) = from_json_literal(matrix) {
            return Some(whole);
        }
        let entries = matrix.as_mapping()?;
        let mut changed = false;
        let mut out = matrix.clone();
        let crate::yaml::NodeKind::Mapping(out_entries) = &mut out.kind else {
            return None;
        };
        for (e, o) in entries.iter().zip(out_entries.iter_mut()) {
            if let Some(literal) = from_json_literal(&e.value) {
                o.value = literal;
                changed = true;
            } else if e.key.as_str() == Some("include")
                && let crate::yaml::NodeKind::Sequence(rows) = &mut o.value.kind
            {
                for row in rows.iter_mut() {
                    if let Some(literal) = from_json_literal(row) {
                        *row = literal;
                        changed = true;
                    }
                }
            }
        }
        changed.then_some(out)
    }
    /// The `shell:` a `run:` step of this job is given: its own, else the
    /// job's, else the workflow's (`root`) `defaults.run.shell`. `None`:
    /// the runner's default shell.
    pub fn written_shell(&self, root: &'a Node, step: &'a Node) -> Option<&'a Node> {
        step.get("shell")
            .or_else(|| default_run_shell(self.node()))
            .or_else(|| default_run_shell(root))
    }
    /// The `working-directory:` a `run:` step of this job is given: its
    /// own, else the job's, else the workflow's (`root`)
    /// `defaults.run.working-directory`. `None`: the workspace.
    pub fn written_working_directory(&self, root: &'a Node, step: &'a Node) -> Option<&'a Node> {
        step.get("working-directory")
            .or_else(|| default_run_working_directory(self.node()))
            .or_else(|| default_run_working_directory(root))
    }
    /// `needs:` ids with their nodes.
    pub fn needs(&self) -> Vec<&'a Node> {
        match self.get("needs") {
            Some(n) if n.is_sequence() => n.as_sequence().unwrap_or_default().iter().collect(),
            Some(n) if n.is_scalar() && !n.is_null() => vec![n],
            _ => Vec::new(),
        }
    }
}

impl<'a> Step<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key)
    }
    pub fn id(&self) -> Option<&'a str> {
        self.get("id").and_then(Node::as_str)
    }
    pub fn name(&self) -> Option<&'a str> {
        self.get("name").and_then(Node::as_str)
    }
    pub fn run(&self) -> Option<&'a Node> {
        self.get("run")
    }
    pub fn uses(&self) -> Option<&'a str> {
        self.get("uses").and_then(Node::as_str)
    }
    /// The name GitHub shows for this step: `name:`, else `Run <first line>`
    /// or `Run <action>`.
    pub fn display_name(&self) -> String {
        if let Some(n) = self.name() {
            return n.to_string();
        }
        if let Some(run) = self.run().and_then(Node::as_str) {
            return format!(
                "Run {}",
                run.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim()
            );
        }
        if let Some(uses) = self.uses() {
            return format!("Run {uses}");
        }
        format!("Step {}", self.index + 1)
    }
}
