//! Arguments that span lines (a `"…"` or `'…'` over several lines, `--body
//! "$(cat <<EOF …)"`, a `\` newline inside quotes, heredocs whose text looks
//! like commands) around the commands a rate-limit fix retries. The fix must
//! read such a script exactly or decline: random scripts built from those
//! pieces, mixed with `gh` and `curl` reads and writes, are fixed as after a
//! GitHub secondary limit, and whenever a fix is offered the fixed script,
//! run for real by `bash -e` and `sh -e` with fake `gh`/`curl` that succeed,
//! must print exactly what the original printed (the same commands with the
//! same arguments, in the same order). A loop written inside a string or a
//! heredoc, or one that cut a command from the lines that belong to it,
//! changes that output.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::model::Workflow;
use autoheal_engine::repo::NoRepo;
use autoheal_engine::yaml::{self, Node};
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for};
use proptest::prelude::*;

const PATH: &str = ".github/workflows/ci.yml";

/// Script pieces, each one or more whole lines.
const PIECES: &[&str] = &[
    // Plain reads and a write sent again on GitHub's refusal.
    "gh api repos/o/r/issues --jq length",
    "gh issue comment 1 --body \"hi there\"",
    "curl -fsS https://api.github.com/repos/o/r",
    // A body in double quotes over lines, one line reading like a command.
    "gh pr create --title \"t\" --body \"line one\ngh api repos/o/r is text here\nend\"",
    // `--body "$(cat <<'EOF' … EOF)"`.
    "gh pr create --title t --body \"$(cat <<'EOF'\nBody with \"quotes\" and gh api repos/x/y\nEOF\n)\"",
    // A `\` newline inside double quotes joins the lines into the string.
    "echo \"a \\\ngh api repos/o/r\"",
    // A `\` newline inside single quotes is kept.
    "echo 'one \\\ngh api repos/o/r'",
    // A read whose jq filter spans lines.
    "gh api repos/o/r/issues --jq '.[]\n| .title'",
    // A multi-line single-quoted GraphQL query.
    "gh api graphql -f query='\nquery { viewer { login } }\n'",
    // A read continued with `\`, a header quoted.
    "curl -fsS https://api.github.com/repos/o/r \\\n  -H \"Accept: application/vnd.github+json\"",
    // A multi-line assignment.
    "MSG=\"hello\nworld\"\necho \"$MSG\"",
    // A heredoc whose lines look like commands.
    "cat <<EOF\ngh release create v1\ngh api repos/o/r\nEOF",
    "cat <<-'END'\n\tgh api repos/o/r \"\nEND",
    // `<<` in a string is no heredoc; quotes of the other kind inside.
    "echo \"use << carefully\"",
    "echo 'a \"b'",
    "echo \"a 'b\"",
    "# a comment with \"one quote",
    "echo \"$(printf '%s' \"x)y\")\"",
    // A loop over a read's lines.
    "gh api repos/o/r/issues --jq '.[].number' | while read -r n; do\n  echo \"issue $n\"\ndone",
    "echo done",
    // A string spanning lines whose first and middle lines lex alone.
    "BODY=\"Steps:\ngh api repos/o/r/tags\n\"",
    "echo 'Run:\n  gh api repos/o/r/tags\ndone'",
    // An escaped quote inside a string spanning lines.
    "echo \"a\\\"\ngh api repos/o/r\nb\"",
    "printf '%s\\n' \"a\ngh issue comment 1 --body x\n\"",
    // A heredoc with a command after it on the same line, a heredoc in a
    // substitution with a double-quoted delimiter, and one spaced.
    "cat <<EOF; gh api repos/o/r\nbody\nEOF",
    "echo \"$(cat <<\"EOF\"\nx \"\nEOF\n)\"",
    "cat << EOF\ngh api repos/o/r/pulls\nEOF",
    // A comment's trailing `\` continues nothing; an escaped `\` at the end
    // of a line continues nothing either.
    "# note \\\ngh api repos/o/r/tags",
    "echo a\\\\\ngh api repos/o/r/tags",
    "echo x # it's",
    "echo \"${X:-\"a b\"}\"",
];

/// A fake `gh`/`curl`: prints its name and arguments, succeeds.
const FAKE: &str = "#!/bin/sh\nprintf '%s' \"$(basename \"$0\")\"\nprintf '[%s]' \"$@\"\necho\n";

fn workflow(pieces: &[usize]) -> String {
    let mut out = String::from(
        "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Ship\n        run: |\n",
    );
    for p in pieces {
        for line in PIECES[*p].split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else if let Some(rest) = line.strip_prefix('\t') {
                // A heredoc's `<<-` strips tabs; YAML indentation is spaces.
                out.push_str(&format!("          \t{rest}\n"));
            } else {
                out.push_str(&format!("          {line}\n"));
            }
        }
    }
    out
}

fn script_of(text: &str) -> String {
    let doc = yaml::parse(text.as_bytes());
    let root = doc.root.as_ref().expect("a document");
    let wf = Workflow::new(root);
    let job = wf.job("r").expect("job r");
    job.steps[0].run().and_then(Node::as_str).expect("a script").to_string()
}

/// Writes the executable `path` from another process, which renames it into
/// place whole. A file this process had open for writing can still be open in
/// a child another test thread forked meanwhile (until that child execs), and
/// running it then fails with ETXTBSY ("Text file busy"): that happened even
/// with the fakes written once per process (review81 L7). A file written and
/// closed by a process that has exited is open for writing nowhere.
fn install_exe(path: &Path, text: &str) {
    let status = Command::new("sh")
        .args([
            "-c",
            r#"tmp="$1.$$" && printf '%s' "$2" > "$tmp" && chmod 755 "$tmp" && mv -f "$tmp" "$1""#,
            "sh",
        ])
        .arg(path)
        .arg(text)
        .status()
        .expect("sh runs");
    assert!(status.success(), "could not write {}", path.display());
}

/// The directory of the fake `gh` and `curl`, written once per process
/// (writing them for every run raced with the other tests' forks, see
/// `install_exe`). It is the build's temporary directory, reused by every
/// run, so no run leaves a directory behind.
fn fakes() -> &'static Path {
    static BIN: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let bin = Path::new(env!("CARGO_TARGET_TMPDIR")).join("multiline-args-fakes");
        std::fs::create_dir_all(&bin).expect("fakes dir");
        for name in ["gh", "curl"] {
            install_exe(&bin.join(name), FAKE);
        }
        bin
    })
}

/// Runs `script` with `shell`; its exit status and output.
fn run(shell: &[&str], script: &str) -> (Option<i32>, String, String) {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("autoheal-multiline-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bin = fakes();
    let file = dir.join("script.sh");
    std::fs::write(&file, script).expect("script");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new(shell[0])
        .args(&shell[1..])
        .arg(&file)
        .env("PATH", path)
        .current_dir(&dir)
        .output()
        .expect("the shell runs");
    let _ = std::fs::remove_dir_all(&dir);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SHELLS: &[&[&str]] = &[&["bash", "--noprofile", "--norc", "-eo", "pipefail"], &["sh", "-e"]];

/// The fixed workflow's text, when a fix is offered.
fn fixed(src: &str, script_line: Option<u32>) -> Option<String> {
    let mut f = FailureInput::new(Category::RateLimit, None)
        .in_job("r")
        .limited_by(RateLimitService::GithubRestSecondary)
        .at_step_name("Ship");
    f.script_line = script_line;
    let out = fixes_for(&f, PATH, src, &NoRepo);
    let fix = out.fixes.first()?;
    let files: Files = [(PATH.to_string(), src.to_string())].into();
    let changed = apply_fixes(&files, [fix]).expect("a verified fix applies");
    Some(changed[PATH].clone())
}

/// What `script` does under each of [`SHELLS`]: exit status, output, errors.
type Behaviour = Vec<(Option<i32>, String, String)>;

fn behaviour(script: &str) -> Behaviour {
    SHELLS.iter().map(|shell| run(shell, script)).collect()
}

/// The fixed script `after` does what the original `before` did (`was`)
/// when every command succeeds.
fn same_behaviour_as(before: &str, was: &Behaviour, after: &str) -> Result<(), String> {
    for (shell, a) in SHELLS.iter().zip(was) {
        let b = run(shell, after);
        if a.0 != b.0 || a.1 != b.1 {
            return Err(format!(
                "{shell:?}: before {:?} {:?} (stderr {:?}), after {:?} {:?} (stderr {:?})\n--- before\n{before}\n--- after\n{after}",
                a.0, a.1, a.2, b.0, b.1, b.2
            ));
        }
    }
    Ok(())
}

/// The fixed workflow `out` does what the workflow `src` did.
fn same_behaviour(src: &str, out: &str) -> Result<(), String> {
    let before = script_of(src);
    same_behaviour_as(&before, &behaviour(&before), &script_of(out))
}

/// The pieces one by one and in pairs, each fixed or declined; a fix keeps
/// the script's behaviour. (The lines counted are the script's, so each
/// line is also tried as the one the log names.) The original script runs
/// once per workflow and each distinct fixed script once: several named
/// lines often get the same fix, and running the same text again proves
/// nothing new (11.4 -> 7.2 s wall, 5.4 -> 3.3 s CPU under load).
#[test]
fn every_piece_and_pair_is_read_exactly_or_declined() {
    let mut fixed_count = 0;
    for a in 0..PIECES.len() {
        for b in [None, Some(0), Some(1), Some(2)] {
            let pieces: Vec<usize> = std::iter::once(a).chain(b).collect();
            let src = workflow(&pieces);
            let before = script_of(&src);
            let lines = before.lines().count() as u32;
            let mut was = None;
            let mut checked = std::collections::BTreeSet::new();
            for named in std::iter::once(None).chain((1..=lines).map(Some)) {
                if let Some(out) = fixed(&src, named) {
                    fixed_count += 1;
                    let after = script_of(&out);
                    if !checked.insert(after.clone()) {
                        continue;
                    }
                    let was = was.get_or_insert_with(|| behaviour(&before));
                    if let Err(why) = same_behaviour_as(&before, was, &after) {
                        panic!("pieces {pieces:?}, line {named:?}: {why}");
                    }
                }
            }
        }
    }
    // The plain reads and the write are fixed: the check above ran.
    assert!(fixed_count > 10, "{fixed_count}");
}

/// The lines of a multi-line argument are never a command of their own:
/// a line inside a string or heredoc that reads like a `gh` read gets no
/// loop, and a command whose argument spans lines is declined as a whole.
#[test]
fn lines_inside_strings_and_heredocs_are_never_wrapped() {
    for piece in [3, 4, 5, 6, 7, 8, 11, 12, 20, 21] {
        let src = workflow(&[piece]);
        let lines = script_of(&src).lines().count() as u32;
        for named in std::iter::once(None).chain((1..=lines).map(Some)) {
            assert_eq!(fixed(&src, named), None, "piece {piece} line {named:?}:\n{src}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_fix_keeps_what_the_script_runs(
        pieces in proptest::collection::vec(0..PIECES.len(), 1..5),
        named in proptest::option::of(1u32..12),
    ) {
        let src = workflow(&pieces);
        if let Some(out) = fixed(&src, named)
            && let Err(why) = same_behaviour(&src, &out)
        {
            prop_assert!(false, "{}", why);
        }
    }
}
