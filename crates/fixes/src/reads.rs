//! Which repository files the fixes read besides the ones a workflow names:
//! the one list the GitHub client fetches by (a fix reading anything else
//! there is refused, fail closed) and the trust check searches.

/// Files where a Python project names its dependencies: manifests, lock
/// files, and requirements/constraints files (also any `.txt`/`.in` in a
/// `requirements*` directory).
pub fn is_dependency_file(path: &str) -> bool {
    let name = file_name(path);
    let in_requirements_dir = path
        .split('/')
        .rev()
        .nth(1)
        .is_some_and(|d| d.to_ascii_lowercase().starts_with("requirements"));
    matches!(
        name.as_str(),
        "pyproject.toml"
            | "setup.cfg"
            | "setup.py"
            | "pipfile"
            | "pipfile.lock"
            | "poetry.lock"
            | "uv.lock"
            | "pdm.lock"
            | "tox.ini"
            | "environment.yml"
            | "environment.yaml"
    ) || (name.ends_with(".txt") || name.ends_with(".in"))
        && (name.contains("requirements") || name.contains("constraints") || in_requirements_dir)
}

/// Every file a fix may read whatever the workflow says: Python dependency
/// files, a Node project's `package.json` and `pnpm-lock.yaml` (which pnpm
/// the project uses), and top-level `__init__.py` files (`pkg/`, `src/pkg/`:
/// how a module is recognized as the project's own package).
pub fn fixes_may_read(path: &str) -> bool {
    let name = file_name(path);
    let depth = path.matches('/').count();
    let init = name == "__init__.py" && (depth == 1 || (depth == 2 && path.starts_with("src/")));
    is_dependency_file(path) || matches!(name.as_str(), "package.json" | "pnpm-lock.yaml") || init
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_files_and_what_fixes_read() {
        for yes in [
            "requirements.txt",
            "requirements/dev.txt",
            "docs/requirements.in",
            "constraints.txt",
            "Pipfile",
            "sub/pkg/setup.cfg",
        ] {
            assert!(is_dependency_file(yes) && fixes_may_read(yes), "{yes}");
        }
        for read_only in [
            "package.json",
            "web/pnpm-lock.yaml",
            "app/__init__.py",
            "src/app/__init__.py",
        ] {
            assert!(
                !is_dependency_file(read_only) && fixes_may_read(read_only),
                "{read_only}"
            );
        }
        for no in [
            "README.md",
            "notes.txt",
            "app/core/__init__.py",
            "src/app/x/__init__.py",
        ] {
            assert!(!fixes_may_read(no), "{no}");
        }
    }
}
