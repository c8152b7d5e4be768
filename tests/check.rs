//! End-to-end tests of `autoheal check` through the real binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BAD: &str = "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    needs: [tset]\n    steps:\n      - run: echo hi # greet\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n";

fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for (p, text) in files {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn autoheal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn json_output_has_the_documented_shape_and_one_based_positions() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["version"], 1);
    let diags = v["diagnostics"].as_array().unwrap();
    let needs = diags.iter().find(|d| d["rule"] == "job-needs").unwrap();
    assert_eq!(needs["path"], ".github/workflows/ci.yml");
    assert_eq!(needs["severity"], "error");
    assert_eq!(needs["range"]["start"], serde_json::json!({"line": 6, "column": 13}));
    assert_eq!(needs["range"]["end"], serde_json::json!({"line": 6, "column": 17}));
    let timeout = diags.iter().find(|d| d["rule"] == "timeout").unwrap();
    let fix = &timeout["fixes"][0];
    assert_eq!(fix["applicability"], "unsafe");
    assert_eq!(fix["edits"][0]["new_text"], "\n    timeout-minutes: 60");
    assert_eq!(fix["edits"][0]["range"]["start"]["line"], 5);
}

#[test]
fn sarif_output_is_sarif_2_1_0_with_rules_results_and_fixes() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    let out = autoheal(dir.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "autoheal");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
    }
    let with_fix = results.iter().find(|r| r["ruleId"] == "timeout").unwrap();
    let rep = &with_fix["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(rep["insertedContent"]["text"], "\n    timeout-minutes: 60");
}

#[test]
fn github_format_prints_workflow_commands() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    let text = stdout(&out);
    assert!(
        text.contains("::error file=.github/workflows/ci.yml,line=6,col=13,endLine=6,endColumn=17,title=job-needs::job \"build\" needs job \"tset\""),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("::notice ") && l.contains("title=timeout"))
    );
}

#[test]
fn fix_applies_safe_fixes_in_place_and_round_trips() {
    let src = "on: push\njobs:\n  a:\n    runs-on:ubuntu-latest  # keep me\n    timeout-minutes: 5\n    steps:\n      - run: echo a: b\n";
    let dir = repo(&[(".github/workflows/ci.yml", src)]);
    let out = autoheal(dir.path(), &["check", "--fix"]);
    let fixed = std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap();
    assert!(stdout(&out).contains("fixed:"), "{}", stdout(&out));
    assert!(fixed.contains("runs-on: ubuntu-latest  # keep me"), "{fixed}");
    assert!(fixed.contains("- run: 'echo a: b'"), "{fixed}");
    // Everything left is clean, and a second run changes nothing.
    let again = autoheal(dir.path(), &["check", "--fix"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap(),
        fixed
    );
}

#[test]
fn unsafe_fixes_need_fix_unsafe() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    autoheal(dir.path(), &["check", "--fix"]);
    assert!(
        !std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml"))
            .unwrap()
            .contains("timeout-minutes: 60")
    );
    autoheal(dir.path(), &["check", "--fix=unsafe"]);
    let fixed = std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).unwrap();
    assert!(
        fixed.contains("    runs-on: ubuntu-latest\n    timeout-minutes: 60\n"),
        "{fixed}"
    );
}

#[test]
fn config_disables_rules_and_suppression_comments_work() {
    let wf = "on: push\npermissions: {}\njobs:\n  # autoheal: ignore[timeout]\n  a:\n    runs-on: ubuntu-latest\n    steps: [run: make]\n  b:\n    runs-on: ubuntu-latest\n    needs: [nope]  # autoheal: ignore[job-needs]\n    steps: [run: make]\n";
    let dir = repo(&[
        (".github/workflows/ci.yml", wf),
        (
            ".github/autoheal.yml",
            "rules:\n  optional-job: off\nfail-level: error\n",
        ),
    ]);
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<(&str, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(rules, [("timeout", 8)]);
    assert_eq!(out.status.code(), Some(0), "only info findings under fail-level error");
}

#[test]
fn config_mistakes_are_reported_with_their_position() {
    let dir = repo(&[
        (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
        (".github/autoheal.yml", "rules:\n  timout: off\n"),
    ]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    assert!(
        stdout(&out).contains("file=.github/autoheal.yml,line=2,col=3"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("did you mean \"timeout\""));
}

#[test]
fn stdin_and_exit_codes() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            ".github/workflows/x.yml",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"on: push\njobs:\n  a:\n    runs-on: x\n    runs-on: y\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["diagnostics"][0]["path"], ".github/workflows/x.yml");

    let dir = tempfile::tempdir().unwrap();
    let missing = autoheal(dir.path(), &["check", "nope.yml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.yml: no such file or directory"));
}

#[test]
fn garbage_input_never_panics() {
    let dir = repo(&[
        (".github/workflows/a.yml", "\u{0}\u{1}{{{[[[::: -\t- &a *b !!x"),
        (".github/workflows/b.yml", "- just\n- a list\n"),
        (".github/workflows/c.yml", ""),
        (".github/workflows/d.yml", "on: push\njobs:\n  a:\n    steps: 3\n"),
    ]);
    std::fs::write(dir.path().join(".github/workflows/e.yml"), b"on: \xff\xfe\n").unwrap();
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("UTF-8"))
    );
}

#[test]
fn human_output_shows_snippets_without_color_when_piped() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    let out = autoheal(dir.path(), &["check"]);
    let text = stdout(&out);
    assert!(text.contains("error[job-needs]"), "{text}");
    assert!(text.contains("┌─ .github/workflows/ci.yml:6:13"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no ANSI escapes when stdout is not a terminal"
    );
    assert!(text.contains("Found 1 error(s)"), "{text}");
}

/// The workflow of issue 14's "done when": current runner images, a runner
/// group given through a matrix, `macOS-latest`, a `parallel:` step group
/// and a bare `cd` get no warning and no error, with or without shellcheck.
#[test]
fn current_runners_groups_parallel_steps_and_bare_cd_are_clean() {
    const WF: &str = "on: push
permissions: {}
jobs:
  build:
    timeout-minutes: 30
    strategy:
      matrix:
        config:
          - runner: {group: big-runners, labels: [linux]}
          - runner: ubuntu-26.04
          - runner: ubuntu-26.04-arm
          - runner: windows-2025-vs2026
          - runner: macOS-latest
    runs-on: ${{ matrix.config.runner }}
    steps:
      - parallel:
          - id: one
            run: echo \"x=1\" >> \"$GITHUB_OUTPUT\"
          - id: two
            run: echo \"y=2\" >> \"$GITHUB_OUTPUT\"
      - run: |
          cd build
          echo ${{ steps.one.outputs.x }} ${{ steps.two.outputs.y }}
  mac:
    timeout-minutes: 30
    runs-on: macOS-latest
    steps:
      - run: cd docs
";
    let dir = repo(&[(".github/workflows/ci.yml", WF)]);
    let out = autoheal(dir.path(), &["check", "-v", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("shellcheck: "), "{stderr}");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let serious: Vec<&Value> = v["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .filter(|d| d["severity"] != "info" && d["severity"] != "hint")
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn without_paths_every_action_in_the_repository_is_linted() {
    let action = "name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo\n";
    let dir = repo(&[
        (
            ".github/workflows/ci.yml",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo\n",
        ),
        ("action.yml", action),
        ("actions/sub/action.yaml", action),
        ("node_modules/x/action.yml", action),
    ]);
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "schema" || d["rule"] == "schema")
        .filter_map(|d| d["path"].as_str())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    // The composite steps lack `shell`: each linted action says so.
    assert_eq!(paths, ["action.yml", "actions/sub/action.yaml"], "{v:#}");
}
