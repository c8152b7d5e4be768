//! Which files the server serves: workflow files under `.github/workflows/`
//! and action metadata (`action.yml` / `action.yaml`). Every other YAML file
//! gets no diagnostics and no features.

use autoheal_engine::model::FileKind;

/// The kind of file at `path` (`/`- or `\`-separated), or `None` when the
/// server should ignore it.
pub fn file_kind(path: &str) -> Option<FileKind> {
    let path = path.replace('\\', "/");
    let name = path.rsplit('/').next().unwrap_or(&path);
    if name == "action.yml" || name == "action.yaml" {
        return Some(FileKind::Action);
    }
    let is_yaml = name.ends_with(".yml") || name.ends_with(".yaml");
    let parent = path.strip_suffix(name).unwrap_or("");
    if is_yaml && (parent.ends_with("/.github/workflows/") || parent == ".github/workflows/") {
        return Some(FileKind::Workflow);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflows_and_actions_activate() {
        assert_eq!(file_kind("/repo/.github/workflows/ci.yml"), Some(FileKind::Workflow));
        assert_eq!(file_kind(".github/workflows/release.yaml"), Some(FileKind::Workflow));
        assert_eq!(
            file_kind("C:\\repo\\.github\\workflows\\ci.yml"),
            Some(FileKind::Workflow)
        );
        assert_eq!(file_kind("/repo/action.yml"), Some(FileKind::Action));
        assert_eq!(file_kind("/repo/actions/setup/action.yaml"), Some(FileKind::Action));
    }

    #[test]
    fn other_yaml_is_ignored() {
        assert_eq!(file_kind("/repo/docker-compose.yml"), None);
        assert_eq!(file_kind("/repo/.github/dependabot.yml"), None);
        assert_eq!(file_kind("/repo/.github/autoheal.yml"), None);
        assert_eq!(file_kind("/repo/.github/workflows/notes.md"), None);
        assert_eq!(file_kind("/repo/.github/workflows/sub/x.yml"), None);
        assert_eq!(file_kind("/repo/my-action.yml"), None);
    }
}
