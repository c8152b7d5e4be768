//! Lines through the whole catalogue (priority included), and the scanner's
//! context.

use super::*;

fn hit_in(text: &str, script: &str, recent: &[&str], kind: LineKind) -> Option<Hit> {
    let line = Line {
        text,
        kind,
        recent,
        step_recent: usize::MAX,
        script,
        own_packages: &[],
        python: None,
        runner: None,
        place: crate::knowledge::place::Place::UNKNOWN,
        gems: &[],
        build_env: None,
        test_output: false,
    };
    Catalogue::get().classify(&line).map(|h| soften_warning(h, &line))
}

fn hit(text: &str) -> Option<Hit> {
    hit_in(text, "", &[], LineKind::Plain)
}

fn category(text: &str) -> Option<Category> {
    hit(text).map(|h| h.category)
}

#[test]
fn network_timeouts_are_not_job_timeouts() {
    for text in [
        "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.github.com', port=443): Read timed out.",
        "npm ERR! errno ETIMEDOUT",
        "curl: (28) Connection timed out after 10001 milliseconds",
    ] {
        assert_eq!(category(text), Some(Category::Unknown), "{text}");
    }
}

#[test]
fn rate_limits_name_their_service() {
    for (text, service) in [
        (
            "Error response from daemon: toomanyrequests: You have reached your pull rate limit.",
            RateLimitService::DockerHub,
        ),
        (
            "Error: API rate limit exceeded for installation ID 1234",
            RateLimitService::GithubRestPrimary,
        ),
        (
            "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/react",
            RateLimitService::Npm,
        ),
        (
            "npm error 429 Too Many Requests - GET https://registry.npmjs.org/@types%2fnode",
            RateLimitService::Npm,
        ),
        (
            "ERROR: 429 Client Error: Too Many Requests for url: https://pypi.org/simple/numpy/",
            RateLimitService::Pypi,
        ),
        (
            "  Caused by: HTTP status client error (429 Too Many Requests) for url (https://pypi.org/simple/httpx/)",
            RateLimitService::Pypi,
        ),
        (
            "Error response from daemon: Get \"https://ghcr.io/v2/\": toomanyrequests: too many requests",
            RateLimitService::Ghcr,
        ),
    ] {
        let h = hit(text).unwrap_or_else(|| panic!("{text}"));
        let got = match h.detail {
            SubjectDetail::RateLimit { service, .. } => Some(service),
            _ => None,
        };
        assert_eq!((h.category, got), (Category::RateLimit, Some(service)), "{text}");
    }
    // The registry API's bare error code names no registry: not called Docker Hub.
    let bare = hit("Error response from daemon: toomanyrequests: retry-after: 164.45µs, allowed: 44000/minute");
    assert!(
        matches!(
            bare.map(|h| h.detail),
            Some(SubjectDetail::RateLimit {
                service: RateLimitService::Other,
                ..
            })
        ),
        "a bare toomanyrequests is some registry's limit"
    );
    // The step's script names the image's registry.
    let from_script = hit_in(
        "Error response from daemon: toomanyrequests: retry-after: 164.45µs, allowed: 44000/minute",
        "docker pull ghcr.io/acme/builder:latest",
        &[],
        LineKind::Plain,
    );
    assert!(
        matches!(
            from_script.map(|h| h.detail),
            Some(SubjectDetail::RateLimit {
                service: RateLimitService::Ghcr,
                ..
            })
        ),
        "the pulled image's host is GHCR"
    );
    assert_eq!(
        category("Error: Response status code does not indicate success: 403 (Forbidden)."),
        Some(Category::Unknown)
    );
    assert_eq!(category("Checking the rate limit: 4999 remaining"), None);
}

/// Quay.io, ECR Public and the Go module proxy are named by their hosts (in
/// the message, or the image the step's script pulls).
#[test]
fn registry_and_go_proxy_limits_name_their_service() {
    let service = |h: Option<Hit>| match h.map(|h| h.detail) {
        Some(SubjectDetail::RateLimit { service, .. }) => Some(service),
        _ => None,
    };
    assert_eq!(
        service(hit(
            "go: github.com/acme/lib@v1.2.3: reading https://proxy.golang.org/github.com/acme/lib/@v/v1.2.3.mod: 429 Too Many Requests"
        )),
        Some(RateLimitService::GoProxy)
    );
    assert_eq!(
        service(hit(
            "Error response from daemon: Head \"https://quay.io/v2/acme/app/manifests/1.0\": toomanyrequests: Too Many Requests"
        )),
        Some(RateLimitService::Quay)
    );
    assert_eq!(
        service(hit_in(
            "Error response from daemon: toomanyrequests: Rate exceeded",
            "docker pull public.ecr.aws/docker/library/redis:7",
            &[],
            LineKind::Plain,
        )),
        Some(RateLimitService::EcrPublic)
    );
}

/// The issue's first variant: an npm 429 must never be called Docker Hub.
#[test]
fn npm_429_is_not_docker_hub() {
    let h = hit("npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/left-pad").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("npm registry"));
    assert!(!matches!(
        h.detail,
        SubjectDetail::RateLimit {
            service: RateLimitService::DockerHub,
            ..
        }
    ));
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
    for text in [
        "ModuleNotFoundError: No module named 'numpy.core._multiarray_umath'",
        "ModuleNotFoundError: No module named 'a.b'; 'a' is not a package",
        "ImportError: cannot import name 'soft_unicode' from 'markupsafe'",
        "ModuleNotFoundError: No module named '_ctypes'",
        "ModuleNotFoundError: No module named 'tomllib'",
    ] {
        assert_eq!(category(text), Some(Category::Unknown), "{text}");
    }
    // A failed test whose reason is the missing module is about the module.
    let h = hit("FAILED tests/test_x.py::test_y - ModuleNotFoundError: No module named 'yaml'").expect("hit");
    assert_eq!(h.category, Category::MissingDependency);
}

#[test]
fn pytest_plugins() {
    let h = hit_in(
        "__main__.py: error: unrecognized arguments: -n 4",
        "",
        &["ERROR: usage: pytest [options] [file_or_dir]"],
        LineKind::Plain,
    )
    .expect("hit");
    assert_eq!(h.subject.as_deref(), Some("pytest-xdist"));
    assert_eq!(category("E       fixture 'my_db' not found"), Some(Category::Unknown));
}

/// In a job container (the runner's `/__w/_temp/` scripts) a known tool no
/// fix installs is the image's lack, not fixable; one a fix installs stays
/// fixable there. On the runner itself such a tool is not fixable either
/// (`install::route`: no fix would install it), and the message says so.
#[test]
fn a_tool_no_fix_installs_missing_in_a_job_container_is_not_fixable() {
    let h = hit("/__w/_temp/2e9a.sh: 1: composer: not found").expect("hit");
    assert_eq!(
        (h.category, h.subject.as_deref(), h.fixable),
        (Category::MissingCommand, Some("composer"), false)
    );
    assert!(h.message.contains("container image"), "{}", h.message);
    let h = hit("/__w/_temp/2e9a.sh: 1: make: not found").expect("hit");
    assert!(h.fixable);
    for name in ["composer", "docker", "heroku"] {
        let h = hit(&format!(
            "/home/runner/work/_temp/2e9a.sh: line 1: {name}: command not found"
        ))
        .expect("hit");
        assert_eq!(
            (h.category, h.subject.as_deref(), h.fixable),
            (Category::MissingCommand, Some(name), false)
        );
        assert!(h.message.contains("has no install for it"), "{}", h.message);
    }
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
        ("exec: \"git\": executable file not found in $PATH", "git"),
        ("/usr/bin/env: 'node': No such file or directory", "node"),
        ("Error: spawn npm ENOENT", "npm"),
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
    let in_script = hit_in(
        "line 1: frobnicate: command not found",
        "frobnicate --all",
        &[],
        LineKind::Plain,
    )
    .expect("hit");
    assert!(in_script.confidence > unknown.confidence);
    // A path is a missing file, not a command.
    let h = hit("/__w/_temp/x.sh: 1: ./bin/ci.sh: not found").expect("hit");
    assert_eq!(
        (h.category, h.subject.as_deref()),
        (Category::FileNotFound, Some("bin/ci.sh"))
    );
}

/// The command is the last word of bash's message; a sentence that merely
/// contains the words (an echo, a log message) names no missing command.
#[test]
fn command_not_found_ends_the_line() {
    assert_eq!(
        hit("bash: line 1: jq: command not found").and_then(|h| h.subject),
        Some("jq".to_string())
    );
    assert_eq!(category("error: jq: command not found is expected on this image"), None);
}

/// `uv run` and `poetry run` look the command up in the project's
/// environment, and npm, pnpm and yarn scripts in `node_modules/.bin`: a
/// missing command there is a package the project should install, so it is
/// reported with its name and never fixed with a system install.
#[test]
fn commands_missing_from_a_project_environment_are_not_system_tools() {
    for (text, recent) in [
        ("error: Failed to spawn: `pytest`", &[][..]),
        ("Command not found: pytest", &[][..]),
        ("sh: 1: pytest: not found", &["> app@1.0.0 test", "> pytest"][..]),
        (
            "/bin/sh: pytest: command not found",
            &["yarn run v1.22.22", "$ pytest"][..],
        ),
    ] {
        let h = hit_in(text, "", recent, LineKind::Plain).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (h.category, h.subject.as_deref(), h.fixable),
            (Category::MissingCommand, Some("pytest"), false),
            "{text}"
        );
    }
    // zsh's lower-case message is the shell's, as before.
    assert!(hit("zsh:1: command not found: jq").is_some_and(|h| h.fixable));
}

/// Yarn berry prints the status and the URL of a failed request on separate
/// lines; the URL names the registry.
#[test]
fn yarn_berry_network_errors_name_the_registry() {
    let recent = [
        "➤ YN0035: │ lodash@npm:4.17.21: The remote server failed to provide the requested resource",
        "➤ YN0035: │   Response Code: 429 (Too Many Requests)",
        "➤ YN0035: │   Request Method: GET",
    ];
    let h = hit_in(
        "➤ YN0035: │   Request URL: https://registry.yarnpkg.com/lodash",
        "",
        &recent,
        LineKind::Plain,
    )
    .expect("hit");
    assert_eq!(
        (h.category, h.subject.as_deref()),
        (Category::RateLimit, Some("npm registry"))
    );
    let not_found = [
        "➤ YN0035: │   Response Code: 404 (Not Found)",
        "➤ YN0035: │   Request Method: GET",
    ];
    let h = hit_in(
        "➤ YN0035: │   Request URL: https://registry.yarnpkg.com/nope",
        "",
        &not_found,
        LineKind::Plain,
    )
    .expect("hit");
    assert_eq!(h.category, Category::Unknown);
}

/// Python's repr doubles the backslashes of a Windows path; PowerShell prints
/// them single. Both name a file of the checkout.
#[test]
fn windows_workspace_paths_are_checkout_paths() {
    for (text, path) in [
        (
            "C:\\hostedtoolcache\\windows\\Python\\3.12.1\\x64\\python.exe: can't open file \
             'D:\\\\a\\\\app\\\\app\\\\scripts\\\\gen.py': [Errno 2] No such file or directory",
            "scripts/gen.py",
        ),
        (
            "Test-Path : Cannot find path 'D:\\a\\app\\app\\out' because it does not exist.",
            "out",
        ),
    ] {
        let h = hit(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (h.category, h.subject.as_deref(), h.fixable),
            (Category::FileNotFound, Some(path), true),
            "{text}"
        );
    }
}

/// uv's `error: Failed to fetch: `{url}`` is uv's, not apt's `E: Failed to
/// fetch`: its cause is on the `Caused by:` line.
#[test]
fn uv_fetch_failures_are_not_apt_failures() {
    assert_eq!(
        category("error: Failed to fetch: `https://pypi.org/simple/httpx/`"),
        None
    );
    assert!(category("E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/x.deb  404  Not Found").is_some());
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
            "python: can't open file '/home/runner/work/r/r/scripts/gen.py': [Errno 2] No such file or directory",
            "scripts/gen.py",
        ),
        ("cat: VERSION: No such file or directory", "VERSION"),
        (
            "tar: dist/site.tar: Cannot open: No such file or directory",
            "dist/site.tar",
        ),
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
fn look_alikes_that_are_not_missing_files() {
    for text in [
        // A missing header is a missing system package.
        "src/ext.c:3:10: fatal error: Python.h: No such file or directory",
        // A missing shared library, too.
        "./app: error while loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory",
        // A redacted path names nothing.
        "Error: No files were found with the provided path: <path>. No artifacts will be uploaded.",
        // The disk is full, whatever was being created.
        "mkdir /tmp/x: no space left on device",
    ] {
        let h = hit(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!((h.category, h.fixable), (Category::Unknown, false), "{text}");
    }
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
        "--- FAIL: TestServe (0.01s)",
        "> Task :app:compileJava FAILED",
    ] {
        if let Some(h) = hit(text) {
            assert_eq!(h.category, Category::Unknown, "{text}");
            assert!(!h.fixable, "{text}");
        }
    }
}

#[test]
fn warnings_only_weakly_count() {
    let h = hit_in("Warning: connection timed out, retrying", "", &[], LineKind::Warning).expect("hit");
    assert_eq!(h.strength, Strength::Weak);
    // Tools' own warning prefixes: the tool went on (and retried).
    for text in [
        "warning: spurious network error (2 tries remaining): failed to get successful HTTP response from \
         `https://index.crates.io/se/rd/serde`, got 429",
        "[WARNING] Could not transfer metadata org.x:y/maven-metadata.xml from/to central \
         (https://repo.maven.apache.org/maven2): status code: 429, reason phrase: Too Many Requests (429)",
    ] {
        let h = hit(text).expect("a retried limit is still a finding");
        assert_eq!(h.strength, Strength::Weak, "{text}");
    }
    // npm's deprecation notice is no finding at all, not even a weak one.
    assert!(
        hit("npm warn deprecated left-pad@1.3.0: use String.prototype.padStart()")
            .is_none_or(|h| h.strength == Strength::Weak)
    );
    // The same messages at error level decide.
    let h =
        hit("  failed to get successful HTTP response from `https://index.crates.io/se/rd/serde` (1.2.3.4), got 429")
            .expect("hit");
    assert_eq!(h.strength, Strength::Specific);
    // mise names itself before its level, and goes on after a warning; its
    // error line, once it gave up, decides and names the service.
    assert!(Line::plain("mise WARN  GitHub rate limit exceeded. Resets at 2026-12-06 16:52:40 +00:00").is_warning());
    // Turborepo's remote cache refused: the run goes on uncached.
    let h = hit(
        " WARNING  failed to contact remote cache: Error making HTTP request: HTTP status client error (429 Too Many \
         Requests) for url (https://api.vercel.com/v8/artifacts/5b1f0c2e9d7a4b3c?teamSlug=kestrel)",
    );
    assert!(h.is_none_or(|h| h.strength == Strength::Weak));
    let h = hit(
        "mise ERROR Failed to install aqua:cli/cli@2.63.2: HTTP status client error (403 rate limit exceeded) for url \
         (https://api.github.com/repos/cli/cli/releases/tags/v2.63.2)",
    )
    .expect("hit");
    assert_eq!((h.category, h.strength), (Category::RateLimit, Strength::Specific));
}

#[test]
fn workflow_file_messages() {
    let h = hit("You have an error in your yaml syntax on line 7").expect("hit");
    assert_eq!((h.category, h.subject.as_deref()), (Category::YamlSyntax, Some("7")));
    let h = hit("Invalid workflow file : .github/workflows/a.yml#L6").expect("hit");
    assert_eq!(h.subject.as_deref(), Some("6"));
    // A YAML error in some other file (a paper's front matter) is not GitHub's.
    assert_eq!(category("YAML parse exception at line 12, column 9:"), None);
}

#[test]
fn script_line_of_bash_errors() {
    assert_eq!(
        bash_script_line("/home/runner/work/_temp/ab-cd.sh: line 7: foo: command not found"),
        Some(7)
    );
    assert_eq!(bash_script_line("/__w/_temp/ab.sh: 1: ./x: not found"), Some(1));
    assert_eq!(bash_script_line("foo: command not found"), None);
}

#[test]
fn own_packages_from_paths() {
    assert_eq!(
        own_package_names("src/digitalmodel/fatigue/sn.py:15: in <module>"),
        vec!["digitalmodel".to_string()]
    );
    assert_eq!(
        own_package_names("  File \"/home/runner/work/tool/tool/tool/cli.py\", line 3, in <module>"),
        vec!["tool".to_string(), "tool".to_string()]
    );
    assert!(
        own_package_names("  File \"/opt/hostedtoolcache/Python/3.12.1/x64/lib/python3.12/site-packages/a/b.py\"")
            .is_empty()
    );
}

#[test]
fn recent_window_is_bounded_and_ordered() {
    let mut r = Recent::default();
    for i in 0..10 {
        r.push(&format!("l{i}"));
    }
    assert_eq!(r.ordered(), vec!["l4", "l5", "l6", "l7", "l8", "l9"]);
}

use crate::report::RateLimitService;

#[test]
fn a_grep_probe_of_a_missing_file_is_no_file_not_found() {
    // Scripts probe with grep and go on; cat reading the same file is a cause.
    assert_ne!(
        category("grep: config/settings.ini: No such file or directory"),
        Some(Category::FileNotFound)
    );
    assert_eq!(
        category("cat: config/settings.ini: No such file or directory"),
        Some(Category::FileNotFound)
    );
}

#[test]
fn npx_names_its_command_only_when_the_script_makes_one_call() {
    let line = "npm error could not determine executable to run";
    let one = hit_in(line, "npm ci\nnpx eslint .\n", &[], LineKind::Error).expect("hit");
    assert_eq!(one.subject.as_deref(), Some("eslint"));
    // Two calls: the message does not say which failed.
    let two = hit_in(line, "npx eslint .\nnpx changeset version\n", &[], LineKind::Error).expect("hit");
    assert_eq!(two.category, Category::MissingCommand);
    assert_eq!(two.subject, None);
}

#[test]
fn a_script_line_with_a_fallback_that_succeeds_tolerates_its_failure() {
    let script =
        "shellcheck scripts/*.sh || echo \"shellcheck missing, skipping\"\nmake lint || exit 1\nruff check .\n";
    assert!(tolerated_script_line(script, 1));
    assert!(!tolerated_script_line(script, 2));
    assert!(!tolerated_script_line(script, 3));
    assert!(!tolerated_script_line(script, 9));
    assert!(tolerated_script_line("jq . a.json || true", 1));
    assert!(!tolerated_script_line("jq . a.json || { echo bad; exit 1; }", 1));
    assert!(!tolerated_script_line("cmd || false", 1));
    // `exit` without a literal 0 passes the failure on.
    assert!(!tolerated_script_line("cmd || exit $?", 1));
    assert!(!tolerated_script_line("cmd || exit \"$rc\"", 1));
    assert!(!tolerated_script_line("cmd || exit", 1));
    assert!(tolerated_script_line("cmd || exit 0", 1));
    // A fallback that runs the program again is a retry, which fails in
    // turn; naming it in a message is not running it.
    assert!(!tolerated_script_line(
        "cargo fetch --locked || (sleep 20 && cargo fetch --locked)",
        1
    ));
    assert!(!tolerated_script_line("sudo apt-get update || sudo apt-get update", 1));
    assert!(tolerated_script_line(
        "gh pr merge --auto \"$PR\" || echo \"gh: auto-merge off\"",
        1
    ));
    // A condition's command does not stop the script; a command after
    // `then` on the same line does.
    assert!(tolerated_script_line(
        "if [[ \"$REF\" == v* ]]; then\n  echo tag\nfi\n",
        1
    ));
    assert!(tolerated_script_line(
        "while jq -e .next page.json\ndo\n  ./fetch.sh\ndone\n",
        1
    ));
    assert!(!tolerated_script_line("if [ -f a ]; then cp b c; fi\n", 1));
    assert!(!tolerated_script_line("ifconfig eth0\n", 1));
}

#[test]
fn a_script_tolerates_a_failure_of_a_program_with_a_fallback_or_set_plus_e() {
    let gh = &["gh"];
    assert!(tolerates_a_failure_of(
        "npm ci\ngh pr create --fill || true\nnpm test\n",
        gh
    ));
    assert!(tolerates_a_failure_of("set +e\ngh pr merge --auto 1\n", gh));
    assert!(tolerates_a_failure_of(
        "FOO=1 sudo /usr/bin/gh pr view || echo none\n",
        gh
    ));
    // Another program's fallback, a program run before `set +e` or after
    // `set -e`, or a script with no fallback tolerates nothing of `gh`.
    assert!(!tolerates_a_failure_of(
        "docker network create ci || true\ngh pr create --fill\n",
        gh
    ));
    assert!(!tolerates_a_failure_of("echo gh || true\ngh pr create\n", gh));
    assert!(!tolerates_a_failure_of("gh pr create\nset +e\n./flaky.sh\n", gh));
    assert!(!tolerates_a_failure_of("set +e\nset -e\ngh pr create\n", gh));
    assert!(!tolerates_a_failure_of("cargo test --locked\n", &["cargo"]));
    assert!(!tolerates_a_failure_of(
        "cargo fetch || (sleep 20 && cargo fetch)\ncargo test\n",
        &["cargo"]
    ));
    // A runtime, or a script file run by its shebang, by an entry that is
    // an extension; the runtime does not stand for `gh` on its own line.
    let node = &["node", ".mjs"];
    assert!(tolerates_a_failure_of(
        "node scripts/label.mjs || true\nnode build.mjs\n",
        node
    ));
    assert!(tolerates_a_failure_of("./scripts/label.mjs || echo skipped\n", node));
    assert!(!tolerates_a_failure_of("./scripts/label.mjs\nmake || true\n", node));
    assert!(!tolerates_a_failure_of(
        "node scripts/prune.mjs || true\ngh pr merge 1\n",
        gh
    ));
    assert!(!tolerates_a_failure_of("./mjs || true\n", &[".mjs"]));
    // No programs (the machine's conditions): never tolerated.
    assert!(!tolerates_a_failure_of("set +e\n./flaky.sh\n", &[]));
}

#[test]
fn a_script_error_annotation_is_the_steps_own_account() {
    let log = "##[group]Run if [[ \"skipped\" != \"success\" ]]; then\n\
               if [[ \"skipped\" != \"success\" ]]; then\n\
               \x20 echo \"::error::Required job 'test' finished with result: skipped\"\n\
               fi\n\
               ##[endgroup]\n\
               ##[error]Required job 'test' finished with result: skipped\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, Category::Unknown);
    assert_eq!(root.evidence[0].line, 6);
    assert!(!root.fixable);
    // Without `::error` in the script, an unexplained `##[error]` line is not
    // the step's account: the failure is the exit code's, begun where the
    // step printed that line last (`fallback`), not a finding of its own.
    let log = log.replace("::error::", "");
    let analysis = analyze_text(&log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.evidence.iter().map(|e| e.line).collect::<Vec<_>>(), [6, 7]);
    assert!(
        root.message.starts_with("A step failed with exit code 1."),
        "{}",
        root.message
    );
    assert_eq!(analysis.failures.len(), 1);
}

#[test]
fn an_exit_code_no_entry_explains_begins_where_the_step_said_why() {
    let log = "##[group]Run ./tools/sync-notes.sh\n\
               ./tools/sync-notes.sh\n\
               ##[endgroup]\n\
               From https://github.com/acme/notes\n\
               WARNING: the notes branch is 40 commits behind\n\
               notesync: error: the notes branch has diverged from origin\n\
               hint: run notesync --rebase\n\
               ##[error]Process completed with exit code 128.\n\
               ##[group]Run ./tools/publish.sh\n\
               ./tools/publish.sh\n\
               ##[endgroup]\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!((root.category, root.fixable), (Category::Unknown, false));
    assert_eq!(root.evidence.iter().map(|e| e.line).collect::<Vec<_>>(), [6, 8]);
    assert!(root.message.contains("has diverged"), "{}", root.message);
    // A step that printed nothing keeps its exit code line: the second step's
    // output does not borrow the first step's.
    let second = analysis
        .failures
        .iter()
        .find(|f| f.evidence[0].line > 8)
        .expect("the second step");
    assert_eq!(second.evidence[0].line, 12);
}

#[test]
fn an_unexplained_error_of_a_web_copy_says_error_once() {
    for log in [
        "Run ./tools/frob\nError: The frobnicator gave up on widget 7\n",
        "##[group]Run ./tools/frob\n./tools/frob\n##[endgroup]\n##[error]The frobnicator gave up on widget 7\n",
    ] {
        let analysis = analyze_text(log);
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(root.message, "Error: The frobnicator gave up on widget 7", "{log}");
    }
}

/// The analysis of one log text with default options: the emitters' own
/// whole-log tests (in `catalogue/`) use it too.
pub(super) fn analyze_text(log: &str) -> crate::Analysis {
    let input = crate::LogInput {
        logs: vec![crate::LogFile {
            job: None,
            bytes: log.as_bytes(),
        }],
        ..crate::LogInput::default()
    };
    crate::analyze(&input, &crate::Options::default()).expect("analyzed")
}

/// Two steps of a raw log: the first (its header naming its first line)
/// prints `first_output` and passes (its failure ignored), the second misses
/// a Python module.
fn ignored_step_then_missing_module(first_script: &str, first_output: &str) -> crate::Analysis {
    let header = first_script.lines().next().unwrap_or_default();
    let log = format!(
        "##[group]Run {header}\n{first_script}\nshell: /usr/bin/bash -e {{0}}\n##[endgroup]\n{first_output}\n\
         ##[group]Run python -c 'import yaml'\npython -c 'import yaml'\nshell: /usr/bin/bash -e {{0}}\n##[endgroup]\n\
         Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n\
         ModuleNotFoundError: No module named 'yaml'\n##[error]Process completed with exit code 1.\n"
    );
    analyze_text(&log)
}

#[test]
fn an_ignored_install_scripts_failure_explains_a_later_missing_module() {
    // The header names the first line only; the install is the second.
    let analysis = ignored_step_then_missing_module(
        "set -euo pipefail\nbash ci/install.sh || true",
        "E: Unable to locate package libfoo",
    );
    let module = analysis
        .failures
        .iter()
        .find(|f| f.category == Category::MissingDependency)
        .expect("the missing module is reported");
    assert!(module.consequence, "{:?}", analysis.failures);
    assert!(analysis.failures.iter().all(|f| !f.fixable), "{:?}", analysis.failures);
}

#[test]
fn a_text_logs_step_named_after_its_script_is_judged_by_the_script() {
    // The text reader names the step `echo pip install x && ./lint.sh ||
    // true` (without `Run `): the words of that name are the script's, and
    // the script installs nothing, so its failure explains nothing later.
    let analysis = ignored_step_then_missing_module(
        "echo pip install x && ./lint.sh || true",
        "E: Unable to locate package libfoo",
    );
    let module = analysis
        .failures
        .iter()
        .find(|f| f.category == Category::MissingDependency)
        .expect("the missing module is reported");
    assert!(!module.consequence, "{:?}", analysis.failures);
}

/// A program or file missing inside a container or an image being built is
/// read for what it is, and never offered a fix on the runner; the same
/// message printed by the runner's own shell keeps its fix.
#[test]
fn what_a_container_misses_is_not_fixed_on_the_runner() {
    let step = |script: &str, output: &str| {
        format!(
            "##[group]Run {script}\n{script}\n##[endgroup]\n{output}\n##[error]Process completed with exit code 1.\n"
        )
    };
    for (script, output, category, subject) in [
        (
            "docker run --rm -v \"$PWD:/w\" -w /w python:3.12-slim pandoc README.md -o out.html",
            "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI \
             runtime create failed: runc create failed: unable to start container process: exec: \"pandoc\": \
             executable file not found in $PATH: unknown.",
            Category::MissingCommand,
            "pandoc",
        ),
        (
            "docker run --rm app",
            "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI \
             runtime create failed: runc create failed: unable to start container process: exec: \"./tools/entry.sh\": \
             stat ./tools/entry.sh: no such file or directory: unknown.",
            Category::FileNotFound,
            "tools/entry.sh",
        ),
        (
            "docker build -t app .",
            "#7 0.245 /bin/sh: 1: protoc: not found",
            Category::MissingCommand,
            "protoc",
        ),
    ] {
        let analysis = analyze_text(&step(script, output));
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(root.category, category, "{output}");
        assert_eq!(root.subject.as_deref(), Some(subject), "{output}");
        assert!(!root.fixable, "{output}");
    }
    let analysis = analyze_text(&step("protoc --version", "/bin/sh: 1: protoc: not found"));
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.subject.as_deref(), Some("protoc"));
    assert!(root.fixable);
}

/// zip's warning about a name it did not find is the cause only when zip
/// stopped for it (`Nothing to do!`); when it went on, the step's later
/// failure stays the root cause.
#[test]
fn a_zip_warning_zip_went_on_after_is_not_the_cause() {
    let log = "##[group]Run zip -r site.zip public CHANGELOG.md && npm test\n\
               zip -r site.zip public CHANGELOG.md && npm test\n\
               ##[endgroup]\n\
               \tzip warning: name not matched: CHANGELOG.md\n\
               \x20 adding: public/ (stored 0%)\n\
               FAIL src/app.test.js\n\
               npm ERR! Test failed.  See above for more details.\n\
               ##[error]Process completed with exit code 1.\n";
    let root = analyze_text(log).root_cause().expect("a failure").clone();
    assert_ne!(root.category, Category::FileNotFound, "{}", root.message);
    assert!(!root.fixable);
    let log = "##[group]Run zip -r site.zip CHANGELOG.md\n\
               zip -r site.zip CHANGELOG.md\n\
               ##[endgroup]\n\
               \tzip warning: name not matched: CHANGELOG.md\n\
               \n\
               zip error: Nothing to do! (site.zip)\n\
               ##[error]Process completed with exit code 12.\n";
    let root = analyze_text(log).root_cause().expect("a failure").clone();
    assert_eq!(root.category, Category::FileNotFound);
    assert_eq!(root.subject.as_deref(), Some("CHANGELOG.md"));
}

/// review81 M3: a line Compose prints for a service (`docs-1  | …`) or
/// BuildKit for a `RUN` is the container's: what it misses gets no runner
/// fix; prost-build's protoc error is read only in the forms a build script
/// prints it.
#[test]
fn compose_service_lines_and_prost_builds_error_in_a_container_are_not_fixable() {
    let step = |script: &str, output: &str| {
        format!(
            "##[group]Run {script}\n{script}\n##[endgroup]\n{output}\n##[error]Process completed with exit code 1.\n"
        )
    };
    const PROST: &str = "Error: Custom { kind: NotFound, error: \"Could not find `protoc`. If `protoc` is installed, try \
                         setting the `PROTOC` environment variable to the path of the `protoc` binary.\" }";
    for (script, output, subject) in [
        (
            "docker compose up --exit-code-from docs",
            "docs-1  | sh: 1: pandoc: not found",
            "pandoc",
        ),
        (
            "docker-compose up --exit-code-from docs",
            "docs_1    | sh: 1: pandoc: not found",
            "pandoc",
        ),
        ("docker build -t app .", &format!("#12 41.7   {PROST}"), "protoc"),
    ] {
        let analysis = analyze_text(&step(script, output));
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(
            (root.category, root.subject.as_deref(), root.fixable),
            (Category::MissingCommand, Some(subject), false),
            "{output}"
        );
    }
    for output in [
        format!("  {PROST}"),
        format!(
            "  thread 'main' panicked at build.rs:4:10:\n  called `Result::unwrap()` on an `Err` value: {}",
            &PROST["Error: ".len()..]
        ),
    ] {
        let analysis = analyze_text(&step("cargo build", &output));
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(
            (root.category, root.subject.as_deref(), root.fixable),
            (Category::MissingCommand, Some("protoc"), true),
            "{output}"
        );
    }
    let echoed = analyze_text(&step(
        "./ci/check.sh",
        "hint: Could not find `protoc`. If `protoc` is installed, set PROTOC",
    ));
    assert!(
        echoed
            .root_cause()
            .is_none_or(|f| f.category != Category::MissingCommand),
        "{:?}",
        echoed.root_cause()
    );
}

/// review81 L5, review80 L1: a refusal the script tolerated (`|| echo`, `||
/// true`) is not the step's failure when a later command of the same step
/// fails: what failed it is that later line.
#[test]
fn a_tolerated_refusal_does_not_outrank_the_later_failure_of_its_step() {
    let log = "##[group]Run gh pr merge --auto --squash \"$PR\" || echo \"auto-merge unavailable\"\n\
               gh pr merge --auto --squash \"$PR\" || echo \"auto-merge unavailable\"\n\
               python scripts/changelog.py\n\
               shell: /usr/bin/bash -e {0}\n\
               ##[endgroup]\n\
               GraphQL: Pull request Auto merge is not allowed for this repository (enablePullRequestAutoMerge)\n\
               auto-merge unavailable\n\
               Traceback (most recent call last):\n\
               \x20 File \"/home/runner/work/app/app/scripts/changelog.py\", line 3, in <module>\n\
               \x20   import yaml\n\
               ModuleNotFoundError: No module named 'yaml'\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, Category::MissingDependency, "{:?}", analysis.failures);
    assert_eq!(root.evidence[0].line, 11);

    let log = "##[group]Run docker network create ci || true\n\
               docker network create ci || true\n\
               ./scripts/wait-for-db.sh\n\
               shell: /usr/bin/bash -e {0}\n\
               ##[endgroup]\n\
               Error response from daemon: network with name ci already exists\n\
               ./scripts/wait-for-db.sh: line 4: jq: command not found\n\
               ##[error]Process completed with exit code 127.\n";
    let analysis = analyze_text(log);
    let root = assert_root(&analysis, Category::MissingCommand, Some("jq"));
    // review83 M3: a missing command after a tolerated failure may be that
    // failure's product, so it is not fixed on this reading.
    assert!(!root.fixable, "{:?}", analysis.failures);

    // review83 M3: the tolerated command is a fetch; the file it would have
    // brought is what `cp` misses. The file is no fixable cause.
    let log = "##[group]Run git clone --depth 1 https://github.com/acme/ci-assets.git assets || echo \"no assets\"\n\
               git clone --depth 1 https://github.com/acme/ci-assets.git assets || echo \"no assets\"\n\
               cp assets/fonts/brand.woff2 public/fonts/\n\
               shell: /usr/bin/bash -e {0}\n\
               ##[endgroup]\n\
               Cloning into 'assets'...\n\
               fatal: could not read Username for 'https://github.com': terminal prompts disabled\n\
               no assets\n\
               cp: cannot stat 'assets/fonts/brand.woff2': No such file or directory\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    assert!(analysis.failures.iter().all(|f| !f.fixable), "{:?}", analysis.failures);

    // review82 M3: a condition of the machine (a full disk) is no command a
    // fallback tolerated: an unrelated `|| true` does not let the `cp` it
    // caused lead.
    let log = "##[group]Run docker system prune -af || true\n\
               docker system prune -af || true\n\
               npm run build | tee build.log\n\
               cp dist/app.js deploy/\n\
               shell: /usr/bin/bash -e {0}\n\
               ##[endgroup]\n\
               Error: ENOSPC: no space left on device, write\n\
               cp: cannot stat 'dist/app.js': No such file or directory\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    let root = analysis.root_cause().expect("a failure");
    assert_ne!(root.category, Category::FileNotFound, "{:?}", analysis.failures);
    assert!(!root.fixable, "{:?}", analysis.failures);

    // review82 M3: the tolerance is the blocker's own program's. A fallback
    // on `docker` does not tolerate `gh`'s refusal on another line (its
    // failure a pipe swallowed): the refusal keeps leading, and the module
    // error after it is not fixed on that reading.
    let log = "##[group]Run docker image prune -f || true\n\
               docker image prune -f || true\n\
               gh pr merge --auto --squash \"$PR\" | tee merge.log\n\
               python scripts/changelog.py\n\
               shell: /usr/bin/bash -e {0}\n\
               ##[endgroup]\n\
               GraphQL: Pull request Auto merge is not allowed for this repository (enablePullRequestAutoMerge)\n\
               Traceback (most recent call last):\n\
               \x20 File \"/home/runner/work/app/app/scripts/changelog.py\", line 3, in <module>\n\
               \x20   import yaml\n\
               ModuleNotFoundError: No module named 'yaml'\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, Category::Unknown, "{:?}", analysis.failures);
    assert!(!root.fixable, "{:?}", analysis.failures);

    // Alone in its step, the refusal is still the failure.
    let log = "##[group]Run gh pr create --fill\n\
               gh pr create --fill\n\
               shell: /usr/bin/bash -e {0}\n\
               ##[endgroup]\n\
               a pull request for branch \"release\" into branch \"main\" already exists:\n\
               https://github.com/acme/app/pull/12\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    assert_eq!(analysis.root_cause().expect("a failure").evidence[0].line, 5);
}

/// What goes missing in a step whose echoed script runs it elsewhere is not
/// fixable; the echo's `env:` values and a Dockerfile's inputs are not
/// where it ran.
#[test]
fn a_step_whose_echo_runs_it_elsewhere_is_not_fixed_on_the_runner() {
    let pandoc = || Hit::cause(Category::MissingCommand, 0.9, "pandoc").fixable(true);
    let file = || Hit::cause(Category::FileNotFound, 0.9, "docs/x.md").fixable(true);
    for (echo, header) in [
        (
            "docker run --rm img \\\n  pandoc x.md\nshell: /usr/bin/bash -e {0}\n",
            "",
        ),
        ("make docs\nshell: wsl-bash {0}\n", ""),
        ("cat <<'EOF' | ssh ci@host bash\npandoc x.md\nEOF\n", ""),
        // A collapsed group: only the runner's `Run …` header was copied.
        ("", "docker compose run --rm docs make html"),
    ] {
        let hit = ran_elsewhere(pandoc(), echo, header);
        assert!(!hit.fixable, "{echo:?} {header:?}");
        assert!(hit.message.contains("as the log echoes it"), "{}", hit.message);
    }
    assert!(!ran_elsewhere(pandoc(), "docker build -t app .\nmake\n", "").fixable);
    for echo in [
        "make docs\nshell: /usr/bin/bash -e {0}\nenv:\n  GIT_SSH_COMMAND: ssh -i key\n",
        "docker compose up -d db\nmake docs\n",
        "echo run docker\nmake docs\n",
        // ssh as rsync's or git's transport runs nothing elsewhere: the
        // pandoc after it is the runner's (review87 L5).
        "rsync -az -e ssh dist/ deploy@host:/srv/app\npandoc x.md\n",
        "git config core.sshCommand \"ssh -i key\"\ngit fetch\npandoc x.md\n",
    ] {
        assert!(ran_elsewhere(pandoc(), echo, "").fixable, "{echo:?}");
    }
    // ssh as a command still runs its command on the other machine.
    for echo in [
        "rsync -az -e ssh dist/ deploy@host:/srv/app\nssh deploy@host 'cd /srv/app && pandoc x.md'\n",
        "timeout 300 ssh deploy@host ./publish.sh\n",
    ] {
        assert!(!ran_elsewhere(pandoc(), echo, "").fixable, "{echo:?}");
    }
    // The build's inputs (its Dockerfile, its context) are the runner's files.
    assert!(ran_elsewhere(file(), "docker build -f docs/x.md .\n", "").fixable);
    assert!(!ran_elsewhere(file(), "docker run img cat docs/x.md\n", "").fixable);
    // An unknown failure is left alone.
    let unknown = Hit::blocker("tests failed");
    assert_eq!(ran_elsewhere(unknown, "docker run img\n", "").message, "tests failed");
}

/// A step that installs, then builds: pip's own `WARNING: …` (the root-user
/// warning a container prints) comes before Sphinx runs; the `-W` summary is
/// pinned to Sphinx's first record after its `Running Sphinx v…` banner, in
/// 8.1's form and in `-W --keep-going`'s before 8.1.
#[test]
fn a_sphinx_summary_is_pinned_to_sphinx_s_record_not_pip_s() {
    for summary in [
        "build finished with problems, 1 warning (with warnings treated as errors).",
        "build finished with problems, 1 warning.",
    ] {
        let log = [
            "##[group]Run pip install -r docs/requirements.txt && sphinx-build -W --keep-going -b html docs out",
            "pip install -r docs/requirements.txt && sphinx-build -W --keep-going -b html docs out",
            "##[endgroup]",
            "Successfully installed sphinx-8.0.2",
            "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour \
             with the system package manager.",
            "Running Sphinx v8.0.2",
            "reading sources... [100%] usage",
            "/__w/p/p/docs/install.rst:41: WARNING: undefined label: 'configuration' [ref.ref]",
            summary,
            "##[error]Process completed with exit code 1.",
        ]
        .map(|l| format!("{l}\n"))
        .concat();
        let analysis = analyze_text(&log);
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(root.evidence[0].line, 8, "{summary}: {root:?}");
        assert!(root.evidence[0].text.contains("install.rst:41"), "{root:?}");
        assert!(!root.fixable);
    }
}

/// Chocolatey's and ISCC's closing counts are weak: an install script's own
/// `ERROR:` line that no entry reads, and ISCC's error, stay where the step's
/// failure is found, not the count below them.
#[test]
fn closing_counts_do_not_hide_the_error_line_above_them() {
    let choco = "##[group]Run choco install acme-agent -y\nchoco install acme-agent -y\n##[endgroup]\n\
                 Installing acme-agent...\n\
                 ERROR: Exception calling \"Invoke\" with \"0\" argument(s): \"The agent service did not start\"\n\
                 The install of acme-agent was NOT successful.\n\
                 Chocolatey installed 0/1 packages. 1 packages failed.\n\
                 ##[error]Process completed with exit code 1.\n";
    let root = analyze_text(choco).root_cause().cloned().expect("a failure");
    assert!(root.message.contains("The agent service did not start"), "{root:?}");
    let iscc = "##[group]Run iscc setup.iss\niscc setup.iss\n##[endgroup]\n\
                Error on line 12 in D:\\a\\x\\x\\setup.iss: Unknown constant \"autopf64\".\n\
                Compile aborted.\n##[error]Process completed with exit code 2.\n";
    let root = analyze_text(iscc).root_cause().cloned().expect("a failure");
    assert!(root.message.contains("line 12 of setup.iss"), "{root:?}");
}

/// CMake 4's toolchain text, through the scanner: the quoted path after the
/// blank line is the finding, at the text's first line, and the build
/// program CMake then misses is its consequence.
#[test]
fn cmake_4s_quoted_toolchain_path_is_the_root_cause() {
    let log = "##[group]Run cmake -S . -B build -G Ninja --toolchain cmake/arm-gcc.cmake\n\
               cmake -S . -B build -G Ninja --toolchain cmake/arm-gcc.cmake\n\
               shell: /usr/bin/bash -e {0}\n##[endgroup]\n\
               CMake Error at /usr/local/share/cmake-4.1/Modules/CMakeDetermineSystem.cmake:154 (message):\n  \
               Could not find toolchain file:\n\n   \"cmake/arm-gcc.cmake\"\n\n\
               Call Stack (most recent call first):\n  CMakeLists.txt:2 (project)\n\n\n\
               CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".  CMAKE_MAKE_PROGRAM \
               is not set.  You probably need to select a different build tool.\n\
               -- Configuring incomplete, errors occurred!\n\
               ##[error]Process completed with exit code 1.\n";
    let analysis = analyze_text(log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (Category::FileNotFound, Some("cmake/arm-gcc.cmake"), true),
        "{:?}",
        analysis.failures
    );
    assert_eq!(root.evidence.first().map(|e| e.line), Some(6), "{root:?}");
    assert!(
        analysis
            .failures
            .iter()
            .all(|f| f.category != Category::MissingCommand || !f.fixable),
        "{:?}",
        analysis.failures
    );
}

/// pkg.m4's `could not be found or is too old`, through the scanner: the
/// step's checks decide, however many lines configure printed between
/// (more than the recent lines the entry sees).
#[test]
fn pkg_m4s_failure_is_decided_by_the_steps_checks() {
    let configure = |checks: &str| {
        let filler: String = (0..20).map(|i| format!("checking for header{i}.h... yes\n")).collect();
        format!(
            "##[group]Run ./configure --prefix=/usr\n./configure --prefix=/usr\nshell: /usr/bin/bash -e {{0}}\n\
             ##[endgroup]\n{checks}{filler}checking for FREETYPE... no\n\
             configure: error: in '/home/runner/work/app/app':\n\
             configure: error: The pkg-config script could not be found or is too old.  Make sure it\n\
             is in your PATH or set the PKG_CONFIG environment variable to the full\npath to pkg-config.\n\
             ##[error]Process completed with exit code 1.\n"
        )
    };
    let root = |checks: &str| {
        let analysis = analyze_text(&configure(checks));
        let root = analysis.root_cause().expect("a failure");
        (root.category, root.subject.clone(), root.fixable)
    };
    assert_eq!(
        root("checking for pkg-config... no\n"),
        (Category::MissingCommand, Some("pkg-config".to_string()), true)
    );
    for checks in [
        "checking for pkg-config... /opt/legacy/bin/pkg-config\nchecking pkg-config is at least version 0.9.0... no\n",
        "checking for pkg-config... /usr/bin/pkg-config\n",
    ] {
        let (category, _, fixable) = root(checks);
        assert_eq!((category, fixable), (Category::Unknown, false), "{checks}");
    }
    // Neither check in the step: missing or too old, not said which.
    let (category, _, fixable) = root("");
    assert_eq!((category, fixable), (Category::MissingCommand, false));
}

/// fastlane's runner answers a Spaceship error that has `preferred_error_info`
/// (and a user error with `show_github_issues`) with gh_inspector's search
/// of fastlane's issues, then `[!] {message}` (`fastlane_runner.rb`'s
/// `handle_unknown_error!` / `display_user_error!`): the `[!]` is fastlane's
/// closing repeat though the block stands between it and `fastlane finished
/// with errors`, and the issue titles the search printed (other people's
/// errors) are never this job's.
#[test]
fn fastlanes_issue_search_is_no_cause_and_its_closing_repeat_is_read() {
    let message = "The provided entity includes an attribute with a value that has already been used - The bundle \
                   version must be higher than the previously uploaded version.";
    let log = format!(
        "##[group]Run bundle exec fastlane ios beta\nbundle exec fastlane ios beta\nshell: /bin/bash -e {{0}}\n\
         ##[endgroup]\n[05:30:12]: ------------------------------\n[05:30:12]: --- Step: upload_to_testflight ---\n\
         [05:30:12]: ------------------------------\n[05:31:40]: {message}\n\
         +------+----------------------+-------------+\n|              fastlane summary              |\n\
         +------+----------------------+-------------+\n| Step | Action               | Time (in s) |\n\
         +------+----------------------+-------------+\n| 1    | upload_to_testflight | 💥          |\n\
         +------+----------------------+-------------+\n[05:31:40]: fastlane finished with errors\n\n\
         Looking for related GitHub issues on fastlane/fastlane...\n\n\
         ➡️  ModuleNotFoundError: No module named 'six'\n\
             https://github.com/fastlane/fastlane/issues/21876 [closed] 14 💬\n    3 months ago\n\n\
         ➡️  npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/ios-deploy\n\
             https://github.com/fastlane/fastlane/issues/21502 [closed] 6 💬\n    8 months ago\n\n\
         🔗  You can ⌘ + double-click on links to open them directly in your browser.\n\n[!] {message}\n\
         ##[error]Process completed with exit code 1.\n"
    );
    let analysis = analyze_text(&log);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.fixable),
        (Category::Unknown, false),
        "{}",
        root.message
    );
    assert!(root.message.starts_with("fastlane stopped"), "{}", root.message);
    assert_eq!(root.evidence.first().map(|e| e.line), Some(8), "{:?}", root.evidence);
    assert!(
        analysis.failures.iter().all(|f| f.category == Category::Unknown),
        "{:?}",
        analysis.failures
    );
}

/// npm's `> {name}@{version} {script}` announcement makes a missing command a
/// package binary only in the step that printed it: a later step's `helm`
/// (a tool a setup action installs) is the runner's, even inside a job
/// container; in the same step it stays the script's binary.
#[test]
fn a_package_script_announced_by_an_earlier_step_does_not_claim_a_later_command() {
    let npm_step = "##[group]Run npm run build:config\nnpm run build:config\nshell: sh -e {0}\n##[endgroup]\n\
                    \n> storefront@3.8.0 build:config\n> node scripts/write-values.mjs values-ci.yaml\n\n\
                    wrote values-ci.yaml\n";
    let helm_step = "##[group]Run helm template web deploy/chart\nhelm template web deploy/chart\nshell: sh -e {0}\n\
                     ##[endgroup]\n/__w/_temp/7d2c.sh: 1: helm: not found\n##[error]Process completed with exit code 127.\n";
    let analysis = analyze_text(&format!("{npm_step}{helm_step}"));
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (Category::MissingCommand, Some("helm"), true),
        "{}",
        root.message
    );
    let same_step = "##[group]Run npm run render\nnpm run render\nshell: sh -e {0}\n##[endgroup]\n\
                     \n> storefront@3.8.0 render\n> helm template web deploy/chart\n\n\
                     /__w/_temp/7d2c.sh: 1: helm: not found\n##[error]Process completed with exit code 127.\n";
    let analysis = analyze_text(same_step);
    let root = analysis.root_cause().expect("a failure");
    assert!(!root.fixable, "{}", root.message);
    assert!(root.message.contains("package.json script"), "{}", root.message);
}

/// A test's captured output under VSTest's `Standard Output Messages:`, 30
/// lines of an `ILogger`'s messages (their continuation lines indented by
/// the logger) with a 429 and a missing file among them, is the test's data:
/// neither becomes a failure, and what fails after the section is read.
#[test]
fn a_long_vstest_captured_section_stays_quoted() {
    let mut log = String::from(
        "##[group]Run dotnet test --logger \"console;verbosity=detailed\" && cat VERSION\n\
         dotnet test --logger \"console;verbosity=detailed\" && cat VERSION\n\
         shell: /usr/bin/bash -e {0}\n##[endgroup]\n\
         \u{20} Passed Rates.Tests.ClientTests.Retries_after_rate_limit [212 ms]\n\
         \u{20} Standard Output Messages:\n",
    );
    for n in 0..10 {
        log.push_str(&format!(" info: Rates.Client[{n}]\n       Fetching page {n}\n"));
    }
    log.push_str(
        " warn: Rates.Client[11]\n       ERROR: 429 Client Error: Too Many Requests for url: https://pypi.org/simple/numpy/\n\
         \u{20}cat: fixtures/rates.json: No such file or directory\n",
    );
    for n in 12..19 {
        log.push_str(&format!(" info: Rates.Client[{n}] retried\n"));
    }
    log.push_str(
        "\nPassed!  - Failed:     0, Passed:     2, Skipped:     0, Total:     2, Duration: 1 s - Rates.Tests.dll (net8.0)\n\
         cat: VERSION: No such file or directory\n##[error]Process completed with exit code 1.\n",
    );
    assert!(log.lines().count() > 30 + 8, "{log}");
    let analysis = analyze_text(&log);
    assert_root(&analysis, Category::FileNotFound, Some("VERSION"));
    assert!(
        analysis
            .failures
            .iter()
            .all(|f| f.category != Category::RateLimit && f.subject.as_deref() != Some("fixtures/rates.json")),
        "{:?}",
        analysis.failures
    );
}

/// The place each job of `log` showed (its set-up's evidence), read as the
/// analysis reads a text log.
fn set_up_places(log: &str) -> Vec<Place> {
    let classifier = Classifier::new(None, &[]);
    let mut scanner = classifier.scanner();
    scanner.begin_job(None);
    let mut feeder = crate::ghlog::LineFeeder::new();
    crate::stream::for_each_line(log.as_bytes(), |n, l| feeder.feed(n, l, &mut scanner));
    feeder.finish(&mut scanner);
    scanner.jobs.iter().map(|j| j.evidence.place()).collect()
}

/// The set-up's `Runner name`, `Operating System` and `Runner Image` count
/// from the set-up only: before the first step's header in a raw log, in the
/// `Set up job` (or `UNKNOWN STEP`, up to its first `Run` header) step of a
/// `gh run view --log` paste. A step that prints a whole fake set-up moves
/// nothing, and a paste without the set-up leaves the place unknown.
#[test]
fn the_place_is_learned_from_the_set_up_only() {
    let set_up = "Current runner version: '2.321.0'\nRunner name: 'GitHub Actions 7'\n\
                  ##[group]Operating System\nUbuntu\n24.04.1\nLTS\n##[endgroup]\n\
                  ##[group]Runner Image\nImage: ubuntu-24.04\nVersion: 20241201.1.0\n##[endgroup]\n";
    let fake = "Runner name: 'ci-box-9'\n##[group]Operating System\nmacOS\n15.1\n##[endgroup]\n\
                ##[group]Runner Image\nImage: macos-15-arm64\n##[endgroup]\n";
    let step =
        |output: &str| format!("##[group]Run ./ci.sh\n./ci.sh\nshell: /usr/bin/bash -e {{0}}\n##[endgroup]\n{output}");
    let hosted_ubuntu = Place {
        os: Some(PlaceOs::Linux),
        arm64: Some(false),
        machine: Some(place::Machine::Hosted),
    };
    // The set-up, then a step printing a fake one: the first wins.
    assert_eq!(set_up_places(&format!("{set_up}{}", step(fake))), [hosted_ubuntu]);
    // A log without the set-up (a `--log-failed` paste, a step's excerpt):
    // the step's fake set-up says nothing.
    assert_eq!(set_up_places(&step(fake)), [Place::UNKNOWN]);
    let gh = |step: &str, text: &str| {
        text.lines()
            .map(|l| format!("build\t{step}\t2026-12-07T10:00:00.0000000Z {l}\n"))
            .collect::<String>()
    };
    let fake_step = gh("Run ./ci.sh", &step(fake));
    assert_eq!(set_up_places(&fake_step), [Place::UNKNOWN]);
    assert_eq!(
        set_up_places(&format!("{}{fake_step}", gh("Set up job", set_up))),
        [hosted_ubuntu]
    );
    // gh's `UNKNOWN STEP`: the job log whole, its set-up up to the first
    // `Run` header.
    assert_eq!(
        set_up_places(&gh("UNKNOWN STEP", &format!("{set_up}{}", step(fake)))),
        [hosted_ubuntu]
    );
    assert_eq!(set_up_places(&gh("UNKNOWN STEP", &step(fake))), [Place::UNKNOWN]);
    // A self-hosted runner's set-up (no `Runner Image`) is not made hosted by
    // a step's fake image.
    let self_hosted = "Current runner version: '2.321.0'\nRunner name: 'build-box-3'\nMachine name: 'build-box-3'\n";
    let place = set_up_places(&format!("{self_hosted}{}", step(fake)))[0];
    assert_eq!(
        (place.os, place.arm64, place.machine),
        (None, None, Some(place::Machine::SelfHosted))
    );
}

/// A Gradle daemon that died ends that Gradle invocation; when the step's
/// Gradle later prints `BUILD SUCCESSFUL` (the script ran it again), the
/// report is weak and what failed after it is the root.
#[test]
fn a_gone_daemon_is_weak_when_the_step_s_build_then_succeeded() {
    let log = |between: &str| {
        format!(
            "##[group]Run ./gradlew build || ./gradlew build; cat VERSION\n\
             ./gradlew build || ./gradlew build; cat VERSION\nshell: /usr/bin/bash -e {{0}}\n##[endgroup]\n\
             > Task :app:compileJava\n\
             Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)\n\
             {between}cat: VERSION: No such file or directory\n##[error]Process completed with exit code 1.\n"
        )
    };
    let retried = analyze_text(&log(
        "> Task :app:compileJava\nBUILD SUCCESSFUL in 41s\n7 actionable tasks: 7 executed\n",
    ));
    assert_root(&retried, Category::FileNotFound, Some("VERSION"));
    let gone = analyze_text(&log(""));
    let root = gone.root_cause().expect("a failure");
    assert!(root.message.contains("build daemon died"), "{:?}", gone.failures);
}

/// The root of `analysis` has this category and subject; returns it.
fn assert_root<'a>(analysis: &'a crate::Analysis, category: Category, subject: Option<&str>) -> &'a Failure {
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.subject.as_deref()),
        (category, subject),
        "{:?}",
        analysis.failures
    );
    root
}
