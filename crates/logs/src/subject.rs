//! The one grammar for subjects taken from logs. Log text is untrusted (a
//! fork's test can print anything), so a subject reaches a fix only when it
//! has the plain shape a fix can use literally: no spaces, quotes, `;`, `$(`,
//! backticks, `${{`, newlines or `..`. Everything else is shown to people
//! (through [`display_text`]) and never becomes YAML or shell. The fix
//! generators use these same functions.

const MAX_MODULE_LEN: usize = 200;
const MAX_NAME_LEN: usize = 100;
const MAX_COMMAND_LEN: usize = 64;
const MAX_PATH_LEN: usize = 300;

const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// A dotted Python module path: ASCII identifiers (not keywords) separated by
/// dots (`yaml`, `google.protobuf`).
pub fn is_module(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_MODULE_LEN && s.split('.').all(is_identifier)
}

fn is_identifier(part: &str) -> bool {
    let mut chars = part.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !PYTHON_KEYWORDS.contains(&part)
}

/// A PEP 508 distribution name (the name only: no extras, no versions):
/// letters and digits, with `.`, `_`, `-` only inside.
pub fn is_distribution(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_NAME_LEN
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

/// An npm package name: lower-case `[a-z0-9._-]`, optionally `@scope/name`
/// (the rules of `validate-npm-package-name` for new packages).
pub fn is_npm_package(s: &str) -> bool {
    let name = match s.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, name)) if is_npm_part(scope) => name,
            _ => return false,
        },
        None => s,
    };
    s.len() <= 214 && is_npm_part(name)
}

fn is_npm_part(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(['.', '_', '-'])
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-'))
}

/// A Perl package name as `require` and `use` accept it, ASCII only:
/// identifiers (`[A-Za-z_][A-Za-z0-9_]*`) joined by `::` (`JSON::MaybeXS`).
/// perl itself allows Unicode identifiers (under `use utf8`) and the old `'`
/// separator; neither is a name CPAN indexes, so neither is trusted here.
pub fn is_perl_package(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_MODULE_LEN && s.split("::").all(is_perl_identifier)
}

fn is_perl_identifier(part: &str) -> bool {
    let mut chars = part.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A bare command name: `[A-Za-z0-9._+-]`, not an option, not hidden, not a
/// path.
pub fn is_command(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_COMMAND_LEN
        && !s.starts_with(['-', '.'])
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

/// A path inside the workspace, normalized to be relative: `./a/b` → `a/b`,
/// `/home/runner/work/<repo>/<repo>/a` → `a` (also the container, macOS,
/// self-hosted and `/github/workspace` roots). `None` for anything else:
/// `..`, other absolute paths, Windows paths, empty or `-`-led segments, glob
/// characters, and any character a shell or YAML would interpret.
pub fn workspace_path(s: &str) -> Option<String> {
    relative_path(s, false)
}

/// Like [`workspace_path`], but the glob characters `*` and `?` are allowed
/// (an upload path or release-asset pattern that matched nothing).
pub fn workspace_pattern(s: &str) -> Option<String> {
    relative_path(s, true)
}

fn relative_path(s: &str, glob: bool) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_PATH_LEN {
        return None;
    }
    let windows;
    let s = match windows_workspace(s).or_else(|| windows_relative(s)) {
        Some(rel) => {
            windows = rel;
            windows.as_str()
        }
        None => s,
    };
    let allowed = |c: u8| {
        c.is_ascii_alphanumeric()
            || matches!(c, b'.' | b'_' | b'-' | b'/' | b'@' | b'+')
            || glob && matches!(c, b'*' | b'?')
    };
    if !s.bytes().all(allowed) {
        return None;
    }
    let rel = if s.starts_with('/') { strip_workspace(s)? } else { s };
    let rel = rel.trim_start_matches("./").trim_end_matches('/');
    if rel.is_empty() {
        return None;
    }
    let segments_ok = rel
        .split('/')
        .all(|seg| !seg.is_empty() && seg != "." && seg != ".." && !seg.starts_with('-'));
    segments_ok.then(|| rel.to_string())
}

/// Checkout roots: the first two segments after them are `<repo>/<repo>`.
const CHECKOUT_ROOTS: &[&str] = &[
    "/home/runner/work/",
    "/__w/",
    "/Users/runner/work/",
    "/runner/_work/",
    "/actions-runner/_work/",
];

/// Checkout roots on Windows runners, after the drive letter: GitHub-hosted
/// runners check out to `D:\a\<repo>\<repo>`, self-hosted ones to
/// `<drive>:\actions-runner\_work\<repo>\<repo>`.
const WINDOWS_CHECKOUT_ROOTS: &[&str] = &["/a/", "/actions-runner/_work/"];

/// `D:\a\app\app\src\x.txt` (also with doubled backslashes, as Python's
/// repr prints them, or forward slashes) → `src/x.txt`; `None` for any other
/// Windows path and for non-Windows paths.
fn windows_workspace(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if !(b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/')) {
        return None;
    }
    let mut unix = String::with_capacity(s.len());
    for c in s[2..].chars() {
        let c = if c == '\\' { '/' } else { c };
        if !(c == '/' && unix.ends_with('/')) {
            unix.push(c);
        }
    }
    let rest = WINDOWS_CHECKOUT_ROOTS
        .iter()
        .find_map(|root| unix.strip_prefix(root))
        .or_else(|| self_hosted_work_dir(&unix))?;
    let mut parts = rest.splitn(3, '/');
    let (owner, repo, path) = (parts.next()?, parts.next()?, parts.next()?);
    (owner == repo && !owner.starts_with('_') && !path.is_empty()).then(|| path.to_string())
}

/// `requirements\dev.txt` (also `requirements\\dev.txt`, as Python's repr
/// prints it): a relative path written the Windows way, in `/` form. Only a
/// path with no `/` at all: a mix is not one path convention.
fn windows_relative(s: &str) -> Option<String> {
    if !s.contains('\\') || s.contains('/') || s.contains(':') || s.starts_with('\\') {
        return None;
    }
    let mut unix = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c == '\\' { '/' } else { c };
        if !(c == '/' && unix.ends_with('/')) {
            unix.push(c);
        }
    }
    Some(unix)
}

/// Strips a known checkout prefix from an absolute path.
fn strip_workspace(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix("/github/workspace/") {
        return Some(rest);
    }
    let rest = CHECKOUT_ROOTS
        .iter()
        .find_map(|root| s.strip_prefix(root))
        .or_else(|| self_hosted_work_dir(s))?;
    let mut parts = rest.splitn(3, '/');
    let (owner, repo, path) = (parts.next()?, parts.next()?, parts.next()?);
    (owner == repo && !owner.starts_with('_')).then_some(path)
}

/// A self-hosted runner checks out under `{runner directory}/_work/`, wherever
/// the runner was installed (`/home/ci/actions-runner/_work/`, `/opt/runner/_work/`):
/// the part after the first `/_work/` of an absolute path.
fn self_hosted_work_dir(s: &str) -> Option<&str> {
    let at = s.find("/_work/")?;
    Some(&s[at + "/_work/".len()..])
}

/// The repository name of a checkout path in `line`, if one appears.
pub fn repository_in_path(line: &str) -> Option<&str> {
    for root in CHECKOUT_ROOTS {
        let Some(at) = line.find(root) else { continue };
        let rest = &line[at + root.len()..];
        let mut parts = rest.splitn(3, '/');
        // The path may end the quoted text it is in (checkout's `Working
        // directory is '{path}'`).
        let (a, b) = (parts.next()?, parts.next()?.trim_end_matches(['\'', '"']));
        if a == b && !a.starts_with('_') && !a.is_empty() {
            return Some(a);
        }
    }
    let rest = line.find('/').and_then(|at| self_hosted_work_dir(&line[at..]))?;
    let mut parts = rest.splitn(3, '/');
    let (a, b) = (parts.next()?, parts.next()?);
    (a == b && !a.starts_with('_') && !a.is_empty() && parts.next().is_some()).then_some(a)
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

/// Subjects an attacker would print in a log to steer a fix (shell and
/// expression injection, YAML line breaks, path escapes, options, look-alike
/// letters): no grammar above accepts one, and the tests of every crate that
/// turns subjects into fixes run their generators over them.
pub const HOSTILE_SUBJECTS: &[&str] = &[
    "",
    "x; curl evil | sh",
    "$(id)",
    "`id`",
    "a\nb",
    "${{ secrets.TOKEN }}",
    "x && rm -rf /",
    "x' || true",
    "'quoted'",
    "../../etc/passwd",
    "pkg\r\nrun: evil",
    "a b",
    "-rf",
    "--cov; id",
    "yaml (PyYAML; id)",
    "mödule",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_subjects_match_no_grammar() {
        for s in HOSTILE_SUBJECTS {
            assert!(!is_module(s), "{s:?}");
            assert!(!is_distribution(s), "{s:?}");
            assert!(!is_npm_package(s), "{s:?}");
            assert!(!is_command(s), "{s:?}");
            assert!(!is_perl_package(s), "{s:?}");
            assert_eq!(workspace_path(s), None, "{s:?}");
            assert_eq!(workspace_pattern(s), None, "{s:?}");
        }
    }

    #[test]
    fn modules() {
        assert!(is_module("yaml") && is_module("google.protobuf") && is_module("_private"));
        for bad in ["a..b", "1abc", "import", "a.class"] {
            assert!(!is_module(bad), "{bad:?}");
        }
    }

    #[test]
    fn names() {
        assert!(is_distribution("PyYAML") && is_distribution("ruamel.yaml") && is_distribution("opencv-python"));
        for bad in ["-x", "x-", "a==1", "x;y"] {
            assert!(!is_distribution(bad), "{bad:?}");
        }
        assert!(is_npm_package("playwright") && is_npm_package("@types/node") && is_npm_package("lodash.merge"));
        for bad in ["Ajv", "@x", "@/x", "./x", "_x", "a/b"] {
            assert!(!is_npm_package(bad), "{bad:?}");
        }
        assert!(is_perl_package("JSON::MaybeXS") && is_perl_package("DB_File") && is_perl_package("_Private::x1"));
        for bad in [
            "Foo::",
            "::Foo",
            "Foo:::Bar",
            "Foo::::Bar",
            "Foo'Bar",
            "1Foo",
            "Foo::2x",
            "Föö",
            "Foo Bar",
            "Foo/Bar",
        ] {
            assert!(!is_perl_package(bad), "{bad:?}");
        }
        assert!(is_command("docker-compose") && is_command("g++") && is_command("python3.12"));
        for bad in ["a/b", ".hidden", "x;y"] {
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
        assert_eq!(workspace_path("/__w/r/r/dist/").as_deref(), Some("dist"));
        assert_eq!(workspace_path("/github/workspace/a").as_deref(), Some("a"));
        // Windows runners, as PowerShell and Python print their paths.
        assert_eq!(
            workspace_path("D:\\a\\app\\app\\scripts\\gen.py").as_deref(),
            Some("scripts/gen.py")
        );
        assert_eq!(
            workspace_path("D:\\\\a\\\\app\\\\app\\\\version.txt").as_deref(),
            Some("version.txt")
        );
        assert_eq!(
            workspace_path("C:/actions-runner/_work/app/app/dist").as_deref(),
            Some("dist")
        );
        // Self-hosted runners check out under `{runner dir}/_work/`.
        assert_eq!(
            workspace_path("/home/ci/actions-runner/_work/infra/infra/main.tf").as_deref(),
            Some("main.tf")
        );
        assert_eq!(
            workspace_path("E:\\runners\\r1\\_work\\app\\app\\out.zip").as_deref(),
            Some("out.zip")
        );
        // A relative path written the Windows way.
        assert_eq!(
            workspace_path("requirements\\\\dev.txt").as_deref(),
            Some("requirements/dev.txt")
        );
        assert_eq!(
            workspace_path("scripts\\build.ps1").as_deref(),
            Some("scripts/build.ps1")
        );
        assert_eq!(workspace_path("a\\..\\b"), None);
        assert_eq!(workspace_path("D:\\a\\_temp\\x.ps1"), None);
        assert_eq!(workspace_path("D:\\a\\app\\app\\..\\x"), None);
        assert_eq!(workspace_path("dist/*.whl"), None);
        assert_eq!(workspace_pattern("dist/**/*.whl").as_deref(), Some("dist/**/*.whl"));
        assert_eq!(
            workspace_pattern("/home/runner/work/p/p/ci-artifacts/*").as_deref(),
            Some("ci-artifacts/*")
        );
        for bad in [
            "a/../../b",
            "/etc/passwd",
            "/home/runner/work/_actions/x/y/z",
            "C:\\x",
            "D:a_actions/x.sh",
            "a//b",
            "a/-x",
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
        assert_eq!(
            repository_in_path("Working directory is '/home/runner/work/tidepool/tidepool'"),
            Some("tidepool")
        );
        assert_eq!(repository_in_path("'/home/runner/work/tidepool/other'"), None);
    }

    #[test]
    fn display_is_one_line() {
        assert_eq!(display_text("a\nb\u{1b}[31m"), "a b [31m");
    }
}
