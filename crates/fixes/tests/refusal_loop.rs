//! The loop a GitHub secondary-limit fix writes around a `gh` write, run for
//! real by `bash -e` (GitHub's default `run` shell) and `sh -e`, with a fake
//! `gh` and `sleep` first on `PATH`. It must send the write again only while
//! `gh`'s error output is GitHub's refusal, keep the command's arguments,
//! output and exit status, stop after a bounded number of attempts, and
//! leave a script without `-e` going on as the command alone would have.
//! The loop around a read (sent again on any failure) is run the same way:
//! after its last attempt the step fails with the command's own exit status.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::model::Workflow;
use autoheal_engine::repo::NoRepo;
use autoheal_engine::yaml::{self, Node};
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for};

const PATH: &str = ".github/workflows/ci.yml";

const WORKFLOW: &str = "on: push
jobs:
  r:
    runs-on: ubuntu-latest
    steps:
      - name: Ship
        run: |
          echo before
          gh issue comment 1 --body \"hi there\" # thank
          echo after
";

/// A step that only reads from GitHub.
const READ_WORKFLOW: &str = "on: push
jobs:
  r:
    runs-on: ubuntu-latest
    steps:
      - name: Ship
        run: |
          echo before
          gh api repos/o/r/issues --jq length
          echo after
";

/// A fake `gh`: logs each call's arguments, then answers as `$GH_MODE`
/// says (`refuse2`: GitHub's refusal twice, then success; `refuse`: always
/// refused; `invalid`: another error; `fail2`: exit 4 twice, then success).
const FAKE_GH: &str = r#"#!/bin/sh
n=$(cat "$STATE/calls" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$STATE/calls"
printf '%s|' "$@" >> "$STATE/args"
echo >> "$STATE/args"
case "$GH_MODE" in
  refuse2) if [ "$n" -le 2 ]; then
      echo "gh: You have exceeded a secondary rate limit. Please wait a few minutes before you try again. (HTTP 403)" >&2
      exit 1
    fi ;;
  refuse)
    echo "GraphQL: You have exceeded a secondary rate limit. Please wait a few minutes before you try again." >&2
    exit 1 ;;
  fail2) if [ "$n" -le 2 ]; then
      echo "HTTP 502: Bad Gateway" >&2
      exit 4
    fi ;;
  invalid)
    echo "HTTP 422: Validation Failed (https://api.github.com/repos/o/r/issues/1/comments)" >&2
    exit 4 ;;
esac
echo "https://github.com/o/r/issues/1#issuecomment-1"
"#;

/// A fake `sleep` that only records how long it was asked to wait.
const FAKE_SLEEP: &str = "#!/bin/sh\necho \"$1\" >> \"$STATE/sleeps\"\n";

/// The fixed step's script.
fn fixed_script() -> String {
    fixed_script_of(WORKFLOW)
}

/// The fixed script of the step `Ship` of `workflow`, after a secondary
/// limit.
fn fixed_script_of(workflow: &str) -> String {
    let f = FailureInput::new(Category::RateLimit, None)
        .in_job("r")
        .limited_by(RateLimitService::GithubRestSecondary)
        .at_step_name("Ship");
    let out = fixes_for(&f, PATH, workflow, &NoRepo);
    let fix = out
        .fixes
        .first()
        .unwrap_or_else(|| panic!("no fix: {:?}", out.manual_reason));
    let files: Files = [(PATH.to_string(), workflow.to_string())].into();
    let changed = apply_fixes(&files, [fix]).expect("the fix applies");
    let doc = yaml::parse(changed[PATH].as_bytes());
    let root = doc.root.as_ref().expect("a document");
    let wf = Workflow::new(root);
    let job = wf.job("r").expect("job r");
    job.steps[0].run().and_then(Node::as_str).expect("a script").to_string()
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    args: Vec<String>,
    sleeps: Vec<u32>,
}

fn write_exe(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

fn run(shell: &[&str], mode: &str, script: &str) -> Run {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir: PathBuf = std::env::temp_dir().join(format!("autoheal-refusal-loop-{}-{n}", std::process::id()));
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("temp dir");
    write_exe(&bin.join("gh"), FAKE_GH);
    write_exe(&bin.join("sleep"), FAKE_SLEEP);
    let file = dir.join("script.sh");
    std::fs::write(&file, script).expect("script");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new(shell[0])
        .args(&shell[1..])
        .arg(&file)
        .env("PATH", path)
        .env("STATE", &dir)
        .env("GH_MODE", mode)
        .output()
        .expect("the shell runs");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let run = Run {
        status: out.status.code().expect("an exit code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        args: read("args").lines().map(str::to_string).collect(),
        sleeps: read("sleeps").lines().filter_map(|l| l.trim().parse().ok()).collect(),
    };
    let _ = std::fs::remove_dir_all(&dir);
    run
}

fn shells() -> Vec<Vec<&'static str>> {
    let mut out = Vec::new();
    for shell in [
        ["bash", "--noprofile", "--norc", "-eo", "pipefail"].as_slice(),
        ["sh", "-e"].as_slice(),
    ] {
        if Command::new(shell[0])
            .arg("-c")
            .arg("true")
            .status()
            .is_ok_and(|s| s.success())
        {
            out.push(shell.to_vec());
        }
    }
    assert!(!out.is_empty(), "no POSIX shell to run the loop with");
    out
}

#[test]
fn a_write_is_sent_again_only_while_github_refuses_it() {
    let script = fixed_script();
    assert!(
        script.contains("{ gh issue comment 1 --body \"hi there\"; } 2>"),
        "{script}"
    );
    for shell in shells() {
        // Refused twice, then accepted: three calls with the same arguments,
        // waits of a minute or more, the command's output, and the script
        // goes on.
        let r = run(&shell, "refuse2", &script);
        assert_eq!(r.status, 0, "{shell:?}: {}", r.stderr);
        assert_eq!(r.args, vec!["issue|comment|1|--body|hi there|"; 3], "{shell:?}");
        assert_eq!(r.sleeps.len(), 2, "{shell:?}");
        assert!(r.sleeps.iter().all(|s| *s >= 60), "{shell:?}: {:?}", r.sleeps);
        assert_eq!(
            r.stdout, "before\nhttps://github.com/o/r/issues/1#issuecomment-1\nafter\n",
            "{shell:?}"
        );
        assert_eq!(
            r.stderr.matches("exceeded a secondary rate limit").count(),
            2,
            "{shell:?}"
        );

        // Any other failure: one call, its own exit status, nothing after.
        let r = run(&shell, "invalid", &script);
        assert_eq!(r.status, 4, "{shell:?}: {}", r.stderr);
        assert_eq!(r.args.len(), 1, "{shell:?}");
        assert!(r.sleeps.is_empty() && r.stdout == "before\n", "{shell:?}: {}", r.stdout);
        assert!(r.stderr.contains("HTTP 422: Validation Failed"), "{shell:?}");

        // Refused every time: a bounded number of calls, then its status.
        let r = run(&shell, "refuse", &script);
        assert_eq!(r.status, 1, "{shell:?}: {}", r.stderr);
        assert_eq!(r.args.len(), 5, "{shell:?}");
        assert_eq!(r.sleeps.len(), 4, "{shell:?}");
        assert!(!r.stdout.contains("after"), "{shell:?}");
    }
    // Without `-e` a failed command does not stop the script, and neither
    // does the loop: the next line runs, as it would have.
    let r = run(&["sh"], "invalid", &script);
    assert_eq!((r.status, r.stdout.as_str()), (0, "before\nafter\n"));
    assert_eq!(r.args.len(), 1);
}

#[test]
fn a_read_that_keeps_failing_ends_with_its_own_exit_status() {
    let script = fixed_script_of(READ_WORKFLOW);
    assert!(
        script.contains("if gh api repos/o/r/issues --jq length; then"),
        "{script}"
    );
    for shell in shells() {
        // Failing every time (exit 4): five calls, then the step fails with
        // 4, as `gh` alone would have, not with a made-up 1.
        let r = run(&shell, "invalid", &script);
        assert_eq!(r.status, 4, "{shell:?}: {}", r.stderr);
        assert_eq!(r.args, vec!["api|repos/o/r/issues|--jq|length|"; 5], "{shell:?}");
        assert_eq!(r.sleeps.len(), 4, "{shell:?}");
        assert_eq!(r.stdout, "before\n", "{shell:?}");
        assert!(
            r.stderr.contains("giving up after 5 attempts"),
            "{shell:?}: {}",
            r.stderr
        );

        // Failing twice, then answering: the step goes on with status 0
        // (an earlier attempt's status is not kept).
        let r = run(&shell, "fail2", &script);
        assert_eq!(r.status, 0, "{shell:?}: {}", r.stderr);
        assert_eq!(r.args.len(), 3, "{shell:?}");
        assert_eq!(
            r.stdout, "before\nhttps://github.com/o/r/issues/1#issuecomment-1\nafter\n",
            "{shell:?}"
        );
    }
    // Without `-e` the command's failure did not stop the script, and the
    // loop's does not either.
    let r = run(&["sh"], "invalid", &script);
    assert_eq!((r.status, r.stdout.as_str()), (0, "before\nafter\n"));
    assert_eq!(r.args.len(), 5);
}
