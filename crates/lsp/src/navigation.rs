//! The outline (workflow → jobs → steps, or action → inputs/outputs) and
//! go-to-definition (`needs:` → job, `uses: ./path` → local file).

use autoheal_engine::TextRange;
use autoheal_engine::model::{FileKind, Workflow};
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::yaml::{Node, PathSegment};

use crate::local_action;

/// An outline entry in byte ranges; the server converts positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub range: TextRange,
    pub selection: TextRange,
    pub children: Vec<Symbol>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Workflow,
    Job,
    Step,
    Field,
}

pub fn symbols(root: &Node, kind: FileKind, file_name: &str) -> Vec<Symbol> {
    let whole = root.span;
    match kind {
        FileKind::Workflow => {
            let wf = Workflow::new(root);
            let jobs = wf
                .jobs
                .iter()
                .map(|job| {
                    let steps = job
                        .steps
                        .iter()
                        .map(|s| Symbol {
                            name: s.display_name(),
                            detail: s.uses().map(str::to_string),
                            kind: SymbolKind::Step,
                            range: s.node.span,
                            selection: s.get("name").map_or(s.node.span, |n| n.span),
                            children: Vec::new(),
                        })
                        .collect();
                    Symbol {
                        name: job.id.to_string(),
                        detail: job.name().map(str::to_string),
                        kind: SymbolKind::Job,
                        range: job.entry.key.span.cover(job.node().span),
                        selection: job.entry.key.span,
                        children: steps,
                    }
                })
                .collect();
            let name = wf.name().unwrap_or(file_name).to_string();
            let selection = root.get("name").map_or(TextRange::empty(whole.start), |n| n.span);
            vec![Symbol {
                name,
                detail: None,
                kind: SymbolKind::Workflow,
                range: whole,
                selection,
                children: jobs,
            }]
        }
        FileKind::Action => {
            let mut children = Vec::new();
            for section in ["inputs", "outputs"] {
                let Some(entry) = root.entry(section) else { continue };
                let fields = entry
                    .value
                    .as_mapping()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|e| {
                        Some(Symbol {
                            name: e.key.as_str()?.to_string(),
                            detail: e
                                .value
                                .get("description")
                                .and_then(Node::as_str)
                                .map(|d| d.trim().to_string()),
                            kind: SymbolKind::Field,
                            range: e.key.span.cover(e.value.span),
                            selection: e.key.span,
                            children: Vec::new(),
                        })
                    })
                    .collect();
                children.push(Symbol {
                    name: section.to_string(),
                    detail: None,
                    kind: SymbolKind::Field,
                    range: entry.key.span.cover(entry.value.span),
                    selection: entry.key.span,
                    children: fields,
                });
            }
            let name = root.get("name").and_then(Node::as_str).unwrap_or(file_name).to_string();
            let selection = root.get("name").map_or(TextRange::empty(whole.start), |n| n.span);
            vec![Symbol {
                name,
                detail: None,
                kind: SymbolKind::Workflow,
                range: whole,
                selection,
                children,
            }]
        }
    }
}

/// Where the thing at `offset` is defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A range in the same document.
    Here(TextRange),
    /// Another file of the repository (relative path).
    File(String),
}

pub fn definition(root: &Node, offset: usize, repo: &dyn RepoFiles) -> Option<Target> {
    let path = root.path_at(offset);
    let keys: Vec<&str> = path
        .iter()
        .map(|s| match s {
            PathSegment::Key(e) | PathSegment::Value(e) => e.key.as_str().unwrap_or(""),
            PathSegment::Index(..) => "-",
        })
        .collect();
    let last_value = path.iter().rev().find_map(|s| match s {
        PathSegment::Value(e) => Some(&e.value),
        PathSegment::Index(_, n) => Some(*n),
        PathSegment::Key(_) => None,
    })?;
    if matches!(path.last(), Some(PathSegment::Key(_))) {
        return None;
    }
    match keys.as_slice() {
        ["jobs", _, "needs"] | ["jobs", _, "needs", "-"] => {
            let id = last_value.as_str()?;
            let wf = Workflow::new(root);
            Some(Target::Here(wf.job(id)?.entry.key.span))
        }
        [.., "uses"] => {
            let uses = last_value.as_str()?;
            local_action::target_file(repo, uses).map(Target::File)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::repo::{MemoryRepo, NoRepo};
    use autoheal_engine::yaml;

    const WF: &str = "name: CI\non: push\njobs:\n  build:\n    name: Build it\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./acts/x\n      - name: Test\n        run: make test\n  deploy:\n    needs: [build]\n    runs-on: ubuntu-latest\n  other:\n    needs: build\n    uses: ./.github/workflows/reuse.yml\n";

    #[test]
    fn outline_is_workflow_jobs_steps() {
        let doc = yaml::parse(WF.as_bytes());
        let s = symbols(doc.root.as_ref().unwrap(), FileKind::Workflow, "ci.yml");
        assert_eq!(s[0].name, "CI");
        let jobs: Vec<&str> = s[0].children.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(jobs, ["build", "deploy", "other"]);
        let steps: Vec<&str> = s[0].children[0].children.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(steps, ["Run ./acts/x", "Test"]);
        assert_eq!(s[0].children[0].detail.as_deref(), Some("Build it"));
        assert_eq!(
            &WF[s[0].children[1].selection.start..s[0].children[1].selection.end],
            "deploy"
        );
    }

    #[test]
    fn needs_and_local_uses_resolve() {
        let doc = yaml::parse(WF.as_bytes());
        let root = doc.root.as_ref().unwrap();
        let build = WF.find("build:").unwrap();
        let in_list = WF.find("[build]").unwrap() + 2;
        assert_eq!(
            definition(root, in_list, &NoRepo),
            Some(Target::Here(TextRange::new(build, build + 5)))
        );
        let scalar = WF.find("needs: build").unwrap() + 8;
        assert_eq!(
            definition(root, scalar, &NoRepo),
            Some(Target::Here(TextRange::new(build, build + 5)))
        );
        let repo = MemoryRepo::new([
            ("acts/x/action.yml", "name: x\n"),
            (".github/workflows/reuse.yml", "on: workflow_call\n"),
        ]);
        let uses = WF.find("./acts/x").unwrap() + 3;
        assert_eq!(
            definition(root, uses, &repo),
            Some(Target::File("acts/x/action.yml".into()))
        );
        let reuse = WF.find("./.github").unwrap() + 3;
        assert_eq!(
            definition(root, reuse, &repo),
            Some(Target::File(".github/workflows/reuse.yml".into()))
        );
        assert_eq!(definition(root, WF.find("runs-on").unwrap() + 1, &repo), None);
        assert_eq!(definition(root, 10_000, &repo), None);
    }

    #[test]
    fn action_outline_lists_inputs_and_outputs() {
        let src = "name: My action\ninputs:\n  token:\n    description: T\noutputs:\n  out: {description: O}\nruns:\n  using: node20\n";
        let doc = yaml::parse(src.as_bytes());
        let s = symbols(doc.root.as_ref().unwrap(), FileKind::Action, "action.yml");
        assert_eq!(s[0].name, "My action");
        assert_eq!(s[0].children[0].children[0].name, "token");
        assert_eq!(s[0].children[1].children[0].detail.as_deref(), Some("O"));
    }
}
