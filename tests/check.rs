//! End-to-end tests of `autoheal check` through the real binary.

use crate::support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use support::{autoheal, repo};

const BAD: &str = "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    needs: [tset]\n    steps:\n      - run: echo hi # greet\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n";

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
    // Reported at the job, as actionlint does; the unknown name is a label.
    assert_eq!(needs["range"]["start"], serde_json::json!({"line": 4, "column": 3}));
    assert_eq!(needs["range"]["end"], serde_json::json!({"line": 4, "column": 8}));
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

/// A pwn request: the audit severity travels beside the diagnostic severity.
const PWN_REQUEST: &str = "on: pull_request_target\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n          persist-credentials: false\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n";

#[test]
fn security_findings_carry_their_audit_severity_in_json_and_sarif() {
    let dir = repo(&[(".github/workflows/ci.yml", PWN_REQUEST)]);
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let by_code = |code: &str| -> Value {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {v}"))
            .clone()
    };
    let trigger = by_code("dangerous-triggers/trigger");
    assert_eq!(
        (&trigger["severity"], &trigger["audit_severity"], &trigger["confidence"]),
        (&"warning".into(), &"high".into(), &"medium".into())
    );
    let checkout = by_code("dangerous-triggers/untrusted-checkout");
    assert_eq!(
        (
            &checkout["severity"],
            &checkout["audit_severity"],
            &checkout["confidence"]
        ),
        (&"error".into(), &"high".into(), &"high".into())
    );
    let sarif = autoheal(dir.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let trigger = results
        .iter()
        .find(|r| r["properties"]["code"] == "dangerous-triggers/trigger")
        .unwrap();
    // Ranked by the audit's severity, not by whether it fails the build.
    assert_eq!(trigger["level"], "warning");
    assert_eq!(trigger["properties"]["security-severity"], "8.0");
    assert_eq!(trigger["properties"]["precision"], "medium");
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let timeout = rules.iter().find(|r| r["id"] == "timeout").unwrap();
    assert!(timeout.get("properties").is_none(), "{timeout}");
}

#[test]
fn github_format_prints_workflow_commands() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    let text = stdout(&out);
    assert!(
        text.contains("::error file=.github/workflows/ci.yml,line=4,col=3,endLine=4,endColumn=8,title=job-needs::job \"build\" needs job \"tset\""),
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
    assert!(text.contains("┌─ .github/workflows/ci.yml:4:3"), "{text}");
    assert!(text.contains("no job has this id"), "{text}");
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

/// `-v` says whether shellcheck checks the `run:` scripts: on (and which
/// program) when it is installed, not installed, or off by the config.
#[test]
fn verbose_says_whether_shellcheck_runs() {
    let wf = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
    let dir = repo(&[(".github/workflows/ci.yml", wf)]);
    let out = autoheal(dir.path(), &["check", "-v"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = if autoheal_shellcheck::installed().is_some() {
        "autoheal: shellcheck: on ("
    } else {
        "autoheal: shellcheck: not installed"
    };
    assert!(stderr.contains(want), "{stderr}");
    let off = repo(&[
        (".github/workflows/ci.yml", wf),
        (".github/autoheal.yml", "shellcheck: false\n"),
    ]);
    let out = autoheal(off.path(), &["check", "-v"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("autoheal: shellcheck: off"), "{stderr}");
}

/// `-v` says whether pyflakes checks the Python `run:` scripts, as for
/// shellcheck.
#[test]
fn verbose_says_whether_pyflakes_runs() {
    let wf =
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: print(1)\n        shell: python\n";
    let dir = repo(&[(".github/workflows/ci.yml", wf)]);
    let out = autoheal(dir.path(), &["check", "-v"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = if autoheal_shellcheck::pyflakes::installed().is_some() {
        "autoheal: pyflakes: on ("
    } else {
        "autoheal: pyflakes: not installed"
    };
    assert!(stderr.contains(want), "{stderr}");
    let off = repo(&[
        (".github/workflows/ci.yml", wf),
        (".github/autoheal.yml", "pyflakes: false\n"),
    ]);
    let out = autoheal(off.path(), &["check", "-v"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("autoheal: pyflakes: off"), "{stderr}");
}

/// `-v` says whether an actionlint config file was read, and which.
#[test]
fn verbose_says_whether_an_actionlint_config_was_read() {
    let wf = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
    let none = repo(&[(".github/workflows/ci.yml", wf)]);
    let stderr = String::from_utf8_lossy(&autoheal(none.path(), &["check", "-v"]).stderr).into_owned();
    assert!(stderr.contains("; actionlint config: none"), "{stderr}");
    let yml = repo(&[
        (".github/workflows/ci.yml", wf),
        (".github/actionlint.yml", "config-variables: [A]\n"),
    ]);
    let stderr = String::from_utf8_lossy(&autoheal(yml.path(), &["check", "-v"]).stderr).into_owned();
    assert!(
        stderr.contains("actionlint config: .github/actionlint.yml read"),
        "{stderr}"
    );
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
        // Nested projects: a submodule (its `.git` is a file) and a test
        // fixture laid out as a repository. Their actions are their own.
        ("vendor/lib/.git", "gitdir: ../../.git/modules/lib\n"),
        ("vendor/lib/action.yml", action),
        ("tests/fixtures/p/.github/workflows/x.yml", "on: push\njobs: {}\n"),
        ("tests/fixtures/p/actions/a/action.yml", action),
    ]);
    let schema_paths = |out: &Output| -> Vec<String> {
        let v: Value = serde_json::from_str(&stdout(out)).unwrap();
        let mut paths: Vec<String> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "schema" || d["rule"] == "schema")
            .filter_map(|d| d["path"].as_str().map(str::to_string))
            .collect();
        paths.sort_unstable();
        paths.dedup();
        paths
    };
    // The composite steps lack `shell`: each linted action says so.
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    assert_eq!(schema_paths(&out), ["action.yml", "actions/sub/action.yaml"]);
    // Named, a nested project is linted as the repository it is (its
    // workflow's empty `jobs` is a schema finding too).
    let out = autoheal(dir.path(), &["check", "--format", "json", "tests/fixtures/p"]);
    assert_eq!(
        schema_paths(&out),
        [
            "tests/fixtures/p/.github/workflows/x.yml",
            "tests/fixtures/p/actions/a/action.yml"
        ]
    );
}

/// `autoheal` with the color variables cleared, then `env` set.
fn autoheal_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_autoheal"));
    cmd.args(args).current_dir(dir);
    for var in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied()).output().unwrap()
}

#[test]
fn color_follows_the_flag_then_no_color_then_the_force_variables() {
    let dir = repo(&[(".github/workflows/ci.yml", BAD)]);
    let colored = |args: &[&str], env: &[(&str, &str)]| stdout(&autoheal_env(dir.path(), args, env)).contains('\u{1b}');
    assert!(!colored(&["check"], &[]), "a pipe gets no color by default");
    assert!(colored(&["--color=always", "check"], &[("NO_COLOR", "1")]));
    assert!(colored(&["check", "--color", "always"], &[]), "the flag is global");
    assert!(!colored(&["--color=never", "check"], &[("FORCE_COLOR", "1")]));
    assert!(colored(&["check"], &[("FORCE_COLOR", "1")]));
    assert!(colored(&["check"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!colored(&["check"], &[("FORCE_COLOR", "0")]));
    assert!(!colored(&["check"], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    let bad = autoheal_env(dir.path(), &["--color=sometimes", "check"], &[]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn escape_sequences_and_binary_bytes_in_a_file_are_shown_not_obeyed() {
    let wf = "on: push\njobs:\n  a\u{1b}[2J\u{1b}]8;;http://evil\u{7}:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo \u{9b}31m\r\n";
    let dir = repo(&[(".github/workflows/ci.yml", wf)]);
    std::fs::write(
        dir.path().join(".github/workflows/bin.yml"),
        b"on: push\njobs:\n  b\x00\x7f\xff: {}\n",
    )
    .unwrap();
    for color in ["never", "always"] {
        let out = autoheal(dir.path(), &["check", "--color", color]);
        let text = stdout(&out);
        // Only the escapes of the coloring itself (`ESC [ … m`) remain.
        let stripped = strip_sgr(&text);
        for control in ['\u{1b}', '\u{7}', '\u{9b}', '\u{0}', '\u{7f}', '\r'] {
            assert!(!stripped.contains(control), "{control:?} in {stripped:?}");
        }
        assert!(
            stripped.contains("a\u{241b}[2J\u{241b}]8;;http://evil\u{2407}"),
            "{stripped}"
        );
        assert!(stripped.contains("b\u{2400}\u{2421}\u{fffd}"), "{stripped}");
        // The caret still sits under the job id, now five visible characters wider.
        assert!(stripped.contains("3 │   a\u{241b}[2J"), "{stripped}");
    }
}

/// `ESC [ digits ; … m` sequences removed: what `--color` adds.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(e) if after[e..].starts_with('m') => rest = &after[e + 1..],
            _ => {
                out.push_str("\u{1b}[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn a_closed_pipe_is_a_normal_end() {
    // Enough files that every format prints more than a pipe's buffer (64 KiB
    // on Linux), so the writes after the hang-up fail (EPIPE) rather than all
    // fitting in the pipe before it closes; checked below from one file's
    // output. 100, not 200: each run lints every file (about 12 ms of CPU a
    // file in the debug build), and 100 leave the shortest format (github)
    // about 105 KB.
    const FILES: usize = 100;
    let many: Vec<(String, &str)> = (0..FILES)
        .map(|i| (format!(".github/workflows/w{i}.yml"), BAD))
        .collect();
    let files: Vec<(&str, &str)> = many.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = repo(&files);
    for format in ["json", "sarif", "human", "github"] {
        let one = autoheal(dir.path(), &["check", "--format", format, ".github/workflows/w0.yml"]);
        assert!(
            one.stdout.len() * FILES > 96 * 1024,
            "{format}: {FILES} files print about {} bytes, too few to fill a pipe",
            one.stdout.len() * FILES
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_autoheal"))
            .args(["check", "--format", format])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, then hang up, as `| head -c 1` does.
        use std::io::Read;
        let mut stdout = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        stdout.read_exact(&mut one).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn each_repository_named_is_checked_with_its_own_config() {
    let outer = tempfile::tempdir().unwrap();
    let make = |name: &str, config: &str| {
        let root = outer.path().join(name);
        std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
        std::fs::create_dir(root.join(".git")).unwrap();
        std::fs::write(root.join(".github/workflows/ci.yml"), BAD).unwrap();
        std::fs::write(root.join(".github/workflows/gen-x.yml"), BAD).unwrap();
        std::fs::write(root.join(".github/autoheal.yml"), config).unwrap();
    };
    make(
        "quiet",
        "rules:\n  job-needs: off\n  timeout: off\n  excessive-permissions: off\nignore: ['.github/workflows/gen-*.yml']\n",
    );
    make("loud", "fail-level: error\n");
    // Run from a third repository whose own config would turn everything off.
    let here = outer.path().join("here");
    std::fs::create_dir_all(here.join(".github")).unwrap();
    std::fs::write(
        here.join(".github/autoheal.yml"),
        "fail-level: error\nrules:\n  job-needs: warning\n",
    )
    .unwrap();

    let out = autoheal(&here, &["-v", "check", "--format", "json", "../quiet", "../loud"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // `quiet` ignores gen-*.yml and turns both rules off; `loud` keeps them.
    assert!(found.iter().all(|(p, _)| !p.starts_with("../quiet")), "{found:?}");
    assert!(
        found.contains(&("../loud/.github/workflows/gen-x.yml".into(), "job-needs".into())),
        "{found:?}"
    );
    assert_eq!(out.status.code(), Some(1), "loud's job-needs error fails: {err}");
    for name in ["quiet", "loud"] {
        let root = outer.path().join(name).canonicalize().unwrap();
        let said = format!(
            "config: {}/.github/autoheal.yml (for files under {})",
            root.display(),
            root.display()
        );
        assert!(err.contains(&said), "{said}\n{err}");
    }
    assert!(!err.contains("here/.github/autoheal.yml"), "{err}");

    // The fail level is each repository's own: `quiet` alone has no finding.
    let quiet = autoheal(&here, &["check", "../quiet"]);
    assert_eq!(quiet.status.code(), Some(0), "{}", stdout(&quiet));
}

#[test]
fn log_pattern_mistakes_are_findings_of_check() {
    let dir = repo(&[
        (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
        (
            ".github/autoheal.yml",
            "log-patterns:\n  - regex: 'quota (exceeded'\n    category: rate_limit\n  - regex: 'no group'\n    category: missing_command\n    subject-group: 5\n    mesage: x\n",
        ),
    ]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for expected in [
        "file=.github/autoheal.yml,line=2,col=12,endLine=2,endColumn=29,title=config::invalid regex: unclosed group",
        "file=.github/autoheal.yml,line=6,col=20,endLine=6,endColumn=21,title=config::`subject-group: 5` names a capture group the regex does not have",
        "file=.github/autoheal.yml,line=7,col=5,endLine=7,endColumn=11,title=config::unknown key \"mesage\" in a log pattern",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

#[test]
fn an_empty_workflow_is_an_error_and_a_directory_without_workflows_says_so() {
    let dir = repo(&[(".github/workflows/empty.yml", "")]);
    let out = autoheal(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("the workflow is empty; it needs `on:` and `jobs:`"),
        "{}",
        stdout(&out)
    );

    let bare = repo(&[(".github/dependabot.md", "x")]);
    let none = autoheal(bare.path(), &["check"]);
    let err = String::from_utf8_lossy(&none.stderr);
    assert_eq!(none.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no workflow files in ./.github/workflows (*.yml, *.yaml)"),
        "{err}"
    );
    std::fs::create_dir(bare.path().join("docs")).unwrap();
    let dir_arg = autoheal(bare.path(), &["check", "docs"]);
    let err = String::from_utf8_lossy(&dir_arg.stderr);
    assert_eq!(dir_arg.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no YAML files under docs; pass a repository root"),
        "{err}"
    );
    assert!(dir_arg.stdout.is_empty(), "no \"No problems found in 0 file(s)\"");
}

/// A workflow with many fixable findings: several in one step, in several
/// jobs, at the top level, after non-ASCII text (columns count characters).
const MANY_FIXES: &str = "name: ci — build\non: [push, pull_request_target]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v2\n      - run: |\n          echo \"::set-output name=a::1\"\n          echo \"${{ github.event.pull_request.title }}\"\n          echo \"::set-output name=b::2\"\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n  test:\n    runs-on: ubuntu-latest\n    needs: build\n    if: github.actor == 'dependabot[bot]'\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"${{ github.head_ref }}\" >> $GITHUB_ENV\n";

/// The exact bytes of every machine format on [`MANY_FIXES`]: output is
/// built and verified in batches for speed, and must not change for it.
#[test]
fn machine_formats_are_byte_for_byte_stable() {
    let dir = repo(&[(".github/workflows/ci.yml", MANY_FIXES)]);
    for format in ["json", "sarif", "github"] {
        let out = autoheal(dir.path(), &["check", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        let text = stdout(&out).replace(env!("CARGO_PKG_VERSION"), "[version]");
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/many_fixes.{format}"));
        if std::env::var_os("AUTOHEAL_BLESS").is_some() {
            std::fs::write(&golden, &text).unwrap();
        }
        let want = std::fs::read_to_string(&golden).unwrap();
        assert!(
            text == want,
            "--format {format} differs from {} (AUTOHEAL_BLESS=1 rewrites it after review):\n{text}",
            golden.display()
        );
    }
}

/// The exact bytes of human output on several files, each rendered in a
/// worker thread: the files' snippets in order, the totals after them.
#[test]
fn human_output_of_several_files_is_byte_for_byte_stable() {
    let clean = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo hi\n";
    let dir = repo(&[
        (".github/workflows/a.yml", MANY_FIXES),
        (".github/workflows/b.yml", clean),
        (".github/workflows/c.yml", BAD),
        (".github/workflows/d.yml", &MANY_FIXES.replace("ci — build", "d")),
    ]);
    let out = autoheal(dir.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/several_files.human");
    if std::env::var_os("AUTOHEAL_BLESS").is_some() {
        std::fs::write(&golden, &text).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    assert!(
        text == want,
        "human output differs from {} (AUTOHEAL_BLESS=1 rewrites it after review):\n{text}",
        golden.display()
    );
}

/// The README's first command, `autoheal check` at the root of this
/// repository, passes: our own workflows and actions are clean, and the
/// test fixtures laid out as repositories (broken on purpose) are nested
/// projects that discovery leaves alone.
#[test]
fn this_repository_passes_its_own_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = autoheal(root, &["check"]);
    assert!(
        out.status.success(),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// actionlint's `.github/actionlint.yaml` adds facts: its self-hosted labels
/// (glob patterns) are known, `config-variables` are the only `vars.*`, and
/// `paths.<glob>.ignore` drops findings by message.
#[test]
fn actionlint_config_labels_variables_and_path_ignores_apply() {
    let wf = "on: push\npermissions: {}\njobs:\n  build:\n    runs-on: gpu-a100\n    timeout-minutes: 10\n    steps:\n      - run: echo \"${{ vars.REGION }} ${{ vars.UNDECLARED }}\"\n        env:\n          X: ${{ vars.Region }}\n";
    let config = "self-hosted-runner:\n  labels:\n    - gpu-*\nconfig-variables:\n  - REGION\n";
    let dir = repo(&[(".github/workflows/ci.yml", wf), (".github/actionlint.yaml", config)]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("line=8,col=43")
            && text.contains("\"UNDECLARED\" is not defined")
            && text.contains("`config-variables` in the repository's actionlint config does not list it"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));

    // Without the file, the label is unknown and any variable name goes.
    let bare = repo(&[(".github/workflows/ci.yml", wf)]);
    let text = stdout(&autoheal(bare.path(), &["check", "--format", "github"]));
    assert!(
        text.contains("unknown runner label \"gpu-a100\"") && !text.contains("UNDECLARED"),
        "{text}"
    );

    // `paths:` drops a finding by message, only in the files its glob matches.
    let ignoring = format!(
        "{config}paths:\n  .github/workflows/*.yml:\n    ignore:\n      - 'property \"UNDECLARED\" is not'\n  other/*.yml:\n    ignore: ['.*']\n"
    );
    let dir = repo(&[(".github/workflows/ci.yml", wf), (".github/actionlint.yml", &ignoring)]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    assert_eq!(stdout(&out), "", "{}", stdout(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_broken_actionlint_config_is_an_error_at_its_position() {
    let dir = repo(&[
        (
            ".github/workflows/ci.yml",
            "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps: [run: make]\n",
        ),
        (
            ".github/actionlint.yaml",
            "paths:\n  '**/*.yml':\n    ignore:\n      - '(unclosed'\n",
        ),
    ]);
    let out = autoheal(dir.path(), &["check", "--format", "github"]);
    let text = stdout(&out);
    assert!(
        text.contains("file=.github/actionlint.yaml,line=4,col=9") && text.contains("invalid regular expression"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}
