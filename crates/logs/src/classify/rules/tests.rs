use super::*;

fn hit(text: &str) -> Option<Hit> {
    hit_with_script(text, "")
}

fn hit_with_script(text: &str, script: &str) -> Option<Hit> {
    let ctx = LineContext {
        recent: &[],
        script,
        own_packages: &[],
        is_warning: false,
    };
    classify_line(text, &ctx)
}

fn category(text: &str) -> Option<Category> {
    hit(text).map(|h| h.category)
}

#[test]
fn every_needle_is_reachable_by_the_prefilter() {
    // Each rule's trigger string must be in NEEDLES, or the prefilter would
    // skip the line before the rule sees it.
    for text in [
        "No module named 'x'",
        "exceeded the maximum execution time of 5 minutes",
        "toomanyrequests: slow down",
        "exec /x: exec format error",
        "yarn: command not found",
        "No files were found with the provided path: a",
        "Invalid workflow file: .github/workflows/a.yml#L3",
    ] {
        assert!(NEEDLES.iter().any(|n| text.contains(n)), "{text}");
    }
}

#[test]
fn job_time_limit_in_both_wordings() {
    let h = hit("The job running on runner X has exceeded the maximum execution time of 30 minutes.").expect("hit");
    assert_eq!(
        (h.category, h.subject.as_deref(), h.fixable),
        (Category::Timeout, Some("30"), true)
    );
    let h = hit("The job has exceeded the maximum execution time of 6h0m0s").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("360"));
    assert_eq!(duration_minutes("1h30m"), Some(90));
    assert_eq!(duration_minutes("90s"), Some(2));
    assert_eq!(duration_minutes("x"), None);
}

#[test]
fn network_timeouts_are_not_job_timeouts() {
    for text in [
        "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.github.com', port=443): Read timed out.",
        "npm ERR! errno ETIMEDOUT",
        "curl: (28) Connection timed out after 10001 milliseconds",
    ] {
        let h = hit(text).expect("hit");
        assert_eq!(h.category, Category::Unknown, "{text}");
    }
}

#[test]
fn rate_limits_by_service() {
    let h = hit("Error response from daemon: toomanyrequests: You have reached your pull rate limit.").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("Docker Hub"));
    let h = hit("Error: API rate limit exceeded for installation ID 1234").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("GitHub REST API"));
    assert_eq!(
        category("Error: Response status code does not indicate success: 403 (Forbidden)."),
        Some(Category::Unknown)
    );
    assert_eq!(category("Checking the rate limit: 4999 remaining"), None);
}

#[test]
fn runner_problems() {
    assert_eq!(
        category("exec /entrypoint.sh: exec format error"),
        Some(Category::OptionalJob)
    );
    assert_eq!(
        category("The self-hosted runner: r1 lost communication with the server."),
        Some(Category::OptionalJob)
    );
    assert_eq!(
        category("The hosted runner: GitHub Actions 9 lost communication with the server."),
        Some(Category::Unknown)
    );
    assert_eq!(
        category("Waiting for a runner to pick up this job..."),
        Some(Category::Unknown)
    );
}

#[test]
fn python_imports() {
    let h = hit("E   ModuleNotFoundError: No module named 'sklearn'").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("scikit-learn"));
    assert_eq!(
        category("ImportError: No module named yaml"),
        Some(Category::MissingDependency)
    );
    assert_eq!(
        category("ModuleNotFoundError: No module named 'numpy.core._multiarray_umath'"),
        Some(Category::Unknown)
    );
    assert_eq!(
        category("ModuleNotFoundError: No module named 'a.b'; 'a' is not a package"),
        Some(Category::Unknown)
    );
    assert_eq!(
        category("ImportError: cannot import name 'soft_unicode' from 'markupsafe'"),
        Some(Category::Unknown)
    );
    assert_eq!(
        category("ModuleNotFoundError: No module named '_ctypes'"),
        Some(Category::Unknown)
    );
}

#[test]
fn pytest_plugins() {
    let ctx_line = "ERROR: usage: pytest [options] [file_or_dir]";
    let ctx = LineContext {
        recent: &[ctx_line],
        script: "",
        own_packages: &[],
        is_warning: false,
    };
    let h = classify_line("__main__.py: error: unrecognized arguments: -n 4", &ctx).expect("hit");
    assert_eq!(h.subject.as_deref(), Some("pytest-xdist"));
    let h = hit("E       fixture 'mocker' not found").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("pytest-mock"));
    assert_eq!(category("E       fixture 'my_db' not found"), Some(Category::Unknown));
    assert_eq!(
        category("mytool: error: unrecognized arguments: --fast"),
        Some(Category::Unknown)
    );
}

#[test]
fn missing_commands_in_every_shell() {
    for (text, name) in [
        ("/home/runner/work/_temp/x.sh: line 3: jq: command not found", "jq"),
        ("zsh: command not found: helm", "helm"),
        ("/__w/_temp/x.sh: 1: make: not found", "make"),
        ("'yarn' is not recognized as an internal or external command,", "yarn"),
        (
            "The term 'terraform' is not recognized as a name of a cmdlet, function, script file",
            "terraform",
        ),
        (
            "Error: Unable to locate executable file: pnpm. Please verify either the file path exists",
            "pnpm",
        ),
        ("exec: \"docker\": executable file not found in $PATH", "docker"),
        ("/usr/bin/env: 'node': No such file or directory", "node"),
    ] {
        let h = hit(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (h.category, h.subject.as_deref()),
            (Category::MissingCommand, Some(name)),
            "{text}"
        );
        assert!(h.fixable, "{text}");
    }
}

#[test]
fn command_traps() {
    // Typo of a known tool, shell keyword, variable assignment with spaces.
    for text in [
        "line 1: nmp: command not found",
        "line 9: fi: command not found",
        "line 2: VERSION: command not found",
    ] {
        assert_eq!(category(text), Some(Category::Unknown), "{text}");
    }
    // Unknown tool: reported, but not fixable; more confident when the script names it.
    let unknown = hit("line 1: frobnicate: command not found").expect("hit");
    assert!(!unknown.fixable);
    let in_script = hit_with_script("line 1: frobnicate: command not found", "frobnicate --all").expect("hit");
    assert!(in_script.confidence > unknown.confidence);
    // A path is a missing file, not a command.
    let h = hit("/__w/_temp/x.sh: 1: ./bin/ci.sh: not found").expect("hit");
    assert_eq!(
        (h.category, h.subject.as_deref()),
        (Category::FileNotFound, Some("bin/ci.sh"))
    );
}

#[test]
fn missing_files() {
    for (text, path) in [
        (
            "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
            "requirements-dev.txt",
        ),
        (
            "npm ERR! enoent ENOENT: no such file or directory, open '/home/runner/work/r/r/package.json'",
            "package.json",
        ),
        (
            "Error: Dependencies lock file is not found in /home/runner/work/r/r. Supported file patterns: package-lock.json,npm-shrinkwrap.json,yarn.lock",
            "package-lock.json",
        ),
        (
            "Error: No file in /home/runner/work/r/r matched to [**/requirements.txt], make sure you have checked out the target repository",
            "requirements.txt",
        ),
        (
            "Error: Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '/home/runner/work/r/r/.github/actions/setup'. Did you forget to run actions/checkout before running your local action?",
            ".github/actions/setup",
        ),
        (
            "python: can't open file '/home/runner/work/r/r/scripts/gen.py': [Errno 2] No such file or directory",
            "scripts/gen.py",
        ),
        (
            "An error occurred trying to start process '/usr/bin/bash' with working directory '/home/runner/work/r/r/web'. No such file or directory",
            "web",
        ),
        ("cat: VERSION: No such file or directory", "VERSION"),
    ] {
        let h = hit(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (h.category, h.subject.as_deref()),
            (Category::FileNotFound, Some(path)),
            "{text}"
        );
        assert!(h.fixable, "{text}");
    }
    let runtime = hit("FileNotFoundError: [Errno 2] No such file or directory: 'data.csv'").expect("hit");
    assert_eq!(runtime.category, Category::FileNotFound);
    assert!(!runtime.fixable);
}

#[test]
fn genuine_failures_are_unknown() {
    for text in [
        "FAILED tests/test_api.py::test_get - AssertionError: assert 1 == 2",
        "error[E0425]: cannot find value `x` in this scope",
        "src/a.ts(1,34): error TS2307: Cannot find module 'Ajv' or its corresponding type declarations.",
        "Error: Input required and not supplied: token",
        "remote: Permission to o/r.git denied to github-actions[bot]. fatal: unable to access: The requested URL returned error: 403 Permission denied",
        "Error: Process completed with exit code 137.",
        "OSError: [Errno 28] No space left on device",
        "npm ERR! code ERESOLVE",
    ] {
        let h = hit(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(h.category, Category::Unknown, "{text}");
        assert!(!h.fixable, "{text}");
    }
}

#[test]
fn warnings_only_weakly_count() {
    let ctx = LineContext {
        recent: &[],
        script: "",
        own_packages: &[],
        is_warning: true,
    };
    let h = classify_line("Warning: connection timed out, retrying", &ctx).expect("hit");
    assert_eq!(h.strength, Strength::Weak);
}

#[test]
fn workflow_file_messages() {
    let h = hit("You have an error in your yaml syntax on line 7").expect("hit");
    assert_eq!((h.category, h.subject.as_deref()), (Category::YamlSyntax, Some("7")));
    let h = hit("Invalid workflow file : .github/workflows/a.yml#L6").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("6"));
}
