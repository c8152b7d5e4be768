//! Local actions (`uses: ./path`): where their metadata file is and which
//! inputs they declare. Of remote actions, only popular ones are known offline
//! (the engine's per-major data, `known_inputs`).

use autoheal_engine::repo::RepoFiles;
use autoheal_engine::yaml::{self, Node};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub description: Option<String>,
    pub required: bool,
    pub default: Option<String>,
}

/// The repository-relative file a local `uses:` refers to: a reusable
/// workflow file itself, or the action directory's `action.yml`/`.yaml`.
pub fn target_file(repo: &dyn RepoFiles, uses: &str) -> Option<String> {
    let rel = uses.strip_prefix("./")?.trim_end_matches('/');
    let rel = rel.split('@').next().unwrap_or(rel);
    if rel.ends_with(".yml") || rel.ends_with(".yaml") {
        return repo.read(rel).is_some().then(|| rel.to_string());
    }
    let dir = if rel.is_empty() {
        String::new()
    } else {
        format!("{rel}/")
    };
    ["action.yml", "action.yaml"]
        .iter()
        .map(|n| format!("{dir}{n}"))
        .find(|p| repo.read(p).is_some())
}

/// The inputs a local action (or local reusable workflow) declares.
pub fn inputs(repo: &dyn RepoFiles, uses: &str) -> Vec<Input> {
    let Some(path) = target_file(repo, uses) else {
        return known_inputs(uses);
    };
    let Some(text) = repo.read(&path) else {
        return Vec::new();
    };
    let doc = yaml::parse(text.as_bytes());
    let Some(root) = doc.root.as_ref() else {
        return Vec::new();
    };
    let inputs = root.get("inputs").or_else(|| {
        root.get("on")
            .and_then(|on| on.get("workflow_call"))
            .and_then(|c| c.get("inputs"))
    });
    inputs
        .and_then(Node::as_mapping)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            let name = e.key.as_str()?.to_string();
            let v = &e.value;
            Some(Input {
                name,
                description: v
                    .get("description")
                    .and_then(Node::as_str)
                    .map(|s| s.trim().to_string()),
                required: v.get("required").and_then(Node::as_bool).unwrap_or(false),
                default: v.get("default").and_then(Node::as_str).map(str::to_string),
            })
        })
        .collect()
}

/// Markdown listing of inputs, for hovers.
pub fn inputs_markdown(inputs: &[Input]) -> String {
    let mut s = String::new();
    for i in inputs {
        s.push_str(&format!("- `{}`", i.name));
        if i.required {
            s.push_str(" (required)");
        }
        if let Some(d) = &i.default {
            s.push_str(&format!(" default `{d}`"));
        }
        if let Some(d) = &i.description {
            s.push_str(&format!(": {d}"));
        }
        s.push('\n');
    }
    s
}

/// Inputs of a popular third-party action (`owner/repo[/path]@ref`), for
/// actions not in this repository: those the `action` rule accepts at the
/// major the ref names (the engine's `popular_inputs`).
fn known_inputs(uses: &str) -> Vec<Input> {
    use autoheal_engine::rules::action::{ActionRef, known_action, parse_action_ref, popular_inputs, ref_major};
    let Ok(ActionRef::Remote {
        owner,
        repo,
        path,
        git_ref,
    }) = parse_action_ref(uses.trim())
    else {
        return Vec::new();
    };
    let name = match path {
        Some(p) => format!("{owner}/{repo}/{p}"),
        None => format!("{owner}/{repo}"),
    };
    // A SHA or branch names no major: offer the curated major's inputs.
    let Some(major) = ref_major(git_ref).or_else(|| known_action(&name).map(|k| k.current_major)) else {
        return Vec::new();
    };
    popular_inputs(&name, major)
        .into_iter()
        .map(|i| Input {
            name: i.name.to_string(),
            description: None,
            required: i.required,
            default: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::repo::MemoryRepo;

    #[test]
    fn finds_action_metadata_and_inputs() {
        let repo = MemoryRepo::new([
            (
                "acts/setup/action.yaml",
                "name: s\ninputs:\n  version:\n    description: Tool version\n    required: true\n  cache:\n    default: 'true'\n",
            ),
            (
                ".github/workflows/reuse.yml",
                "on:\n  workflow_call:\n    inputs:\n      target: {type: string}\n",
            ),
        ]);
        assert_eq!(
            target_file(&repo, "./acts/setup"),
            Some("acts/setup/action.yaml".into())
        );
        assert_eq!(target_file(&repo, "./missing"), None);
        assert_eq!(target_file(&repo, "actions/checkout@v4"), None);
        // A popular action's inputs are those of the major used.
        let names = |uses: &str| known_inputs(uses).into_iter().map(|i| i.name).collect::<Vec<_>>();
        assert!(names("actions/checkout@v4").contains(&"fetch-tags".to_string()));
        assert!(!names("actions/checkout@v2").contains(&"fetch-tags".to_string()));
        assert!(names("actions/checkout@v2").contains(&"set-safe-directory".to_string()));
        // No major in the ref: the curated major's inputs, from its real
        // per-major file where the curated list went (checkout v4,
        // build-push-action v6).
        assert!(names("actions/checkout@main").contains(&"sparse-checkout".to_string()));
        assert!(names("docker/build-push-action@master").contains(&"call".to_string()));
        // A major nothing describes: no guess.
        assert!(names("docker/build-push-action@v2").is_empty());
        let ins = inputs(&repo, "./acts/setup");
        assert_eq!(ins.len(), 2);
        assert!(ins[0].required && ins[0].description.as_deref() == Some("Tool version"));
        assert_eq!(ins[1].default.as_deref(), Some("true"));
        assert_eq!(inputs(&repo, "./.github/workflows/reuse.yml")[0].name, "target");
        assert!(inputs_markdown(&ins).contains("`version` (required): Tool version"));
    }
}
