//! The commands the README and `docs/cli.md` show, run (in the spirit of
//! `trycmd`): every `autoheal …` in a fenced shell block, a code span or a
//! heading, expanded into concrete command lines, is run with the built
//! binary in a fixture repository. None may be a usage error; the offline
//! commands must answer 0 or 1 (2 is "could not do its job"); the GitHub
//! commands, run without a token against the fake GitHub (nothing leaves
//! the machine), must get past the argument parser to the token check. A flag shown alone (`--save`) must
//! be one its command (or every command) accepts, as `--help` lists it; one
//! shown with a value (`--format human|json`) is run with each value.
//!
//! Placeholders (`PATH...`, `LOG_OR_ZIP`, `FILE`, `<id>`) take fixture values
//! from [`placeholder`]; a new one fails here until it is given one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_autoheal");

/// The documents whose commands are run.
const DOCS: &[&str] = &["README.md", "docs/cli.md"];

/// Commands that need no network: they must answer 0 or 1.
const OFFLINE: &[&str] = &["check", "rules", "explain", "diagnose", "fix", "man", "completions"];
/// Commands that call GitHub: without a token they stop at the token check.
const GITHUB: &[&str] = &["report", "heal", "init", "stats"];

const WORKFLOW: &str = "name: CI
on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
      - name: Run tests
        run: python -m pytest
";

const LOG: &str = "2024-01-01T12:00:00.0000000Z ##[group]Run python -m pytest
2024-01-01T12:00:00.0000000Z python -m pytest
2024-01-01T12:00:00.0000000Z ##[endgroup]
2024-01-01T12:00:01.0000000Z Traceback (most recent call last):
2024-01-01T12:00:01.0000000Z   File \"/home/runner/work/r/r/app.py\", line 1, in <module>
2024-01-01T12:00:01.0000000Z     import yaml
2024-01-01T12:00:01.0000000Z ModuleNotFoundError: No module named 'yaml'
2024-01-01T12:00:01.0000000Z ##[error]Process completed with exit code 1.
";

/// A repository to run in (`repo/`), and a second one beside it
/// (`other-repo/`, for `autoheal check ../other-repo`).
fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["repo", "other-repo"] {
        let root = dir.path().join(name);
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
        std::fs::write(root.join(".github/workflows/ci.yml"), WORKFLOW).unwrap();
        std::fs::write(root.join(".github/autoheal.yml"), "rules:\n  timeout: warning\n").unwrap();
    }
    let repo = dir.path().join("repo");
    std::fs::write(repo.join("requirements.txt"), "pytest\n").unwrap();
    std::fs::write(repo.join("job.log"), LOG).unwrap();
    std::fs::write(repo.join("annotations.json"), "[]\n").unwrap();
    std::fs::write(repo.join("repos.txt"), "octo/app\n").unwrap();
    (dir, repo)
}

/// The fixture value of a placeholder, given the flag before it.
fn placeholder(word: &str, flag: Option<&str>) -> Option<&'static str> {
    let word = word.trim_end_matches("...").trim_end_matches('…');
    Some(match (word, flag) {
        ("PATH", _) => ".github/workflows/ci.yml",
        ("LOG_OR_ZIP" | "LOG", _) => "job.log",
        ("FILE.json", _) => "annotations.json",
        ("FILE", Some("--workflow")) => ".github/workflows/ci.yml",
        ("FILE", Some("--config")) => ".github/autoheal.yml",
        ("FILE", Some("--repos")) => "repos.txt",
        ("<id>" | "<rule>", _) => "timeout",
        ("ID", _) => "123",
        ("OWNER/NAME", _) => "octo/app",
        ("ORG", _) => "octo",
        ("URL", _) => "https://github.com/octo/app/actions/runs/123",
        _ => return None,
    })
}

fn is_placeholder(word: &str) -> bool {
    let w = word.trim_end_matches("...").trim_end_matches('…');
    if w.starts_with('<') && w.ends_with('>') {
        return !w.contains('|');
    }
    let base = w.strip_suffix(".json").unwrap_or(w);
    base.chars().any(|c| c.is_ascii_uppercase()) && base.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c == '/')
}

/// Code the docs show: what it says, where (for messages), and the command
/// it belongs to (the last `autoheal …` span of its paragraph, else the
/// section heading's).
#[derive(Debug)]
struct Snippet {
    text: String,
    at: String,
    owner: Option<String>,
}

/// Commands from fenced shell blocks, and code spans of headings and text.
fn snippets(doc: &str, markdown: &str) -> (Vec<Snippet>, Vec<Snippet>) {
    let mut commands = Vec::new();
    let mut spans = Vec::new();
    let mut fence: Option<(String, bool)> = None;
    let mut section_cmd: Option<String> = None;
    let mut paragraph_cmd: Option<String> = None;
    for (n, line) in markdown.lines().enumerate() {
        let at = format!("{doc}:{}", n + 1);
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some((rest.to_string(), matches!(rest, "sh" | "bash" | "console" | "shell"))),
            };
            continue;
        }
        if let Some((_, shell)) = &fence {
            if *shell {
                let line = trimmed.strip_prefix("$ ").unwrap_or(trimmed);
                let line = line.split(" #").next().unwrap_or("");
                if line.starts_with('#') {
                    continue;
                }
                for part in line.split("&&").flat_map(|p| p.split(" | ")).flat_map(|p| p.split(';')) {
                    let part = part.trim();
                    if part.starts_with("autoheal ") || part == "autoheal" {
                        commands.push(Snippet {
                            text: part.to_string(),
                            at: at.clone(),
                            owner: None,
                        });
                    }
                }
            }
            continue;
        }
        let heading = trimmed.starts_with('#');
        if heading {
            section_cmd = None;
        }
        if trimmed.is_empty() || trimmed.starts_with("- ") || trimmed.starts_with("| ") || heading {
            paragraph_cmd = None;
        }
        for span in code_spans(line) {
            if span.starts_with("autoheal ") {
                if heading {
                    section_cmd = Some(span.clone());
                } else {
                    paragraph_cmd = Some(span.clone());
                }
                commands.push(Snippet {
                    text: span,
                    at: at.clone(),
                    owner: None,
                });
            } else if span.starts_with('-') && span != "-" {
                spans.push(Snippet {
                    text: span,
                    at: at.clone(),
                    owner: paragraph_cmd.clone().or_else(|| section_cmd.clone()),
                });
            }
        }
    }
    (commands, spans)
}

/// The single-backtick code spans of a line.
fn code_spans(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let after = &rest[start..];
        let ticks = after.len() - after.trim_start_matches('`').len();
        let body = &after[ticks..];
        let fence = "`".repeat(ticks);
        let Some(end) = body.find(&fence) else { break };
        if ticks == 1 {
            out.push(body[..end].trim().to_string());
        }
        rest = &body[end + ticks..];
    }
    out
}

/// The concrete command lines a documented one stands for: optional parts
/// included, each alternative of `a|b` once, placeholders filled.
fn expand(text: &str) -> Result<Vec<Vec<String>>, String> {
    // `autoheal … | head`: the pipeline's first command.
    let mut pipeline = text.split(" | ");
    let text = pipeline.next().unwrap_or(text);
    if pipeline.next().is_some_and(|next| next.trim_start().starts_with('-')) {
        return Err("a spaced `|` between alternatives: write them as separate commands".into());
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '[' || c == ']'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut variants: Vec<Vec<String>> = vec![Vec::new()];
    let mut previous: Option<&str> = None;
    for word in words.iter().skip(1) {
        let choices: Vec<String> = if is_placeholder(word) {
            let value = placeholder(word, previous.filter(|p| p.starts_with('-')))
                .ok_or_else(|| format!("placeholder {word:?} (after {previous:?}) has no fixture value"))?;
            vec![value.to_string()]
        } else if word.contains('|') && !word.starts_with('-') {
            word.trim_matches(|c| c == '<' || c == '>')
                .split('|')
                .map(str::to_string)
                .collect()
        } else if let Some((flag, values)) = word.split_once('=').filter(|(_, v)| v.contains('|')) {
            values.split('|').map(|v| format!("{flag}={v}")).collect()
        } else {
            vec![word.trim_end_matches("...").to_string()]
        };
        variants = variants
            .into_iter()
            .flat_map(|v| {
                choices.iter().map(move |c| {
                    let mut v = v.clone();
                    v.push(c.clone());
                    v
                })
            })
            .collect();
        previous = Some(word);
    }
    Ok(variants)
}

struct Ran {
    code: Option<i32>,
    stderr: String,
}

/// The fake GitHub every command is pointed at (`GITHUB_API_URL`).
fn api_url() -> &'static str {
    static FAKE: std::sync::OnceLock<(autoheal_fake_github::FakeGithub, String)> = std::sync::OnceLock::new();
    &FAKE
        .get_or_init(|| {
            let fake = autoheal_fake_github::FakeGithub::start();
            let url = fake.url();
            (fake, url)
        })
        .1
}

fn run(dir: &Path, args: &[String]) -> Ran {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_TOKEN")
        .env_remove("GH_TOKEN")
        .env("GITHUB_API_URL", api_url())
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run autoheal");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut stderr = String::new();
            use std::io::Read;
            child.stderr.take().map(|mut e| e.read_to_string(&mut stderr));
            return Ran {
                code: status.code(),
                stderr,
            };
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("autoheal {args:?} did not end within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// clap's own errors: `error: …` then `Usage: …`; autoheal's are
/// `autoheal: error: …`.
fn usage_error(stderr: &str) -> bool {
    stderr.starts_with("error: ") || stderr.contains("\nUsage: ")
}

/// The subcommand of an argument list (global flags may come first).
fn subcommand(args: &[String]) -> Option<&str> {
    let mut skip_value = false;
    for a in args {
        if skip_value {
            skip_value = false;
            continue;
        }
        if a == "--color" {
            skip_value = true;
            continue;
        }
        if !a.starts_with('-') {
            return Some(a);
        }
    }
    None
}

fn check_run(dir: &Path, args: &[String], at: &str, failures: &mut Vec<String>) {
    let ran = run(dir, args);
    let shown = format!("{at}: autoheal {}", args.join(" "));
    // A command named in prose (`autoheal report`) without the arguments it
    // requires: the name must be a command.
    if args.len() == 1 && ran.stderr.contains("required arguments were not provided") {
        let help = run(dir, &[args[0].clone(), "--help".to_string()]);
        if help.code != Some(0) {
            failures.push(format!("{shown}: not a command:\n{}", help.stderr));
        }
        return;
    }
    if usage_error(&ran.stderr) {
        failures.push(format!("{shown}: a usage error:\n{}", ran.stderr));
        return;
    }
    match subcommand(args) {
        Some(cmd) if OFFLINE.contains(&cmd) => {
            if !matches!(ran.code, Some(0 | 1)) {
                failures.push(format!("{shown}: exit {:?}:\n{}", ran.code, ran.stderr));
            }
        }
        // Without a token they stop at the token check; `init`, which reads
        // public data without one, at what the fake GitHub does not have.
        Some(cmd) if GITHUB.contains(&cmd) => {
            if !ran.stderr.contains("no GitHub token") && !ran.stderr.contains("autoheal: error: ") {
                failures.push(format!("{shown}: expected to stop at the token check:\n{}", ran.stderr));
            }
        }
        // `lsp` on a closed stdin ends without a client; it parsed.
        Some("lsp") => {}
        other => failures.push(format!("{shown}: unknown subcommand {other:?}")),
    }
}

/// The `--help` of `args`' subcommand (or of the program, for global flags).
fn help(dir: &Path, subcommand: Option<&str>) -> String {
    let mut args: Vec<&str> = subcommand.into_iter().collect();
    args.push("--help");
    let out = Command::new(BIN)
        .args(&args)
        .current_dir(dir)
        .output()
        .expect("autoheal --help");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_command_and_flag_in_the_readme_and_cli_docs_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_dir, repo) = fixture();
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut helps: std::collections::HashMap<Option<String>, String> = std::collections::HashMap::new();
    let mut help_of = |cmd: Option<&str>| {
        helps
            .entry(cmd.map(str::to_string))
            .or_insert_with(|| help(&repo, cmd))
            .clone()
    };
    for doc in DOCS {
        let markdown = std::fs::read_to_string(root.join(doc)).expect("read doc");
        let (commands, flags) = snippets(doc, &markdown);
        assert!(!commands.is_empty(), "{doc} shows no autoheal command");
        for snippet in &commands {
            match expand(&snippet.text) {
                Ok(variants) => {
                    for args in variants {
                        check_run(&repo, &args, &snippet.at, &mut failures);
                        ran += 1;
                    }
                }
                Err(e) => failures.push(format!("{}: `{}`: {e}", snippet.at, snippet.text)),
            }
        }
        for flag in &flags {
            let owner_args = match &flag.owner {
                Some(owner) => match expand(owner) {
                    Ok(mut v) => v.swap_remove(0),
                    Err(e) => {
                        failures.push(format!("{}: `{owner}`: {e}", flag.at));
                        continue;
                    }
                },
                None => Vec::new(),
            };
            let cmd = subcommand(&owner_args).map(str::to_string);
            let name = flag.text.split([' ', '=']).next().unwrap_or("");
            let listed = |h: &str| {
                h.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == '=')
                    .any(|w| w == name)
            };
            if !listed(&help_of(cmd.as_deref())) && !listed(&help_of(None)) {
                failures.push(format!(
                    "{}: `{}` is not an option of `autoheal {}`",
                    flag.at,
                    flag.text,
                    cmd.as_deref().unwrap_or("")
                ));
                continue;
            }
            // Shown with a value: run it, with each value.
            if flag.text.contains(' ') || flag.text.contains('=') {
                let shown = format!("autoheal {} {}", owner_args.join(" "), flag.text);
                let shown = if cmd.is_none() {
                    format!("autoheal {} rules", flag.text)
                } else {
                    shown
                };
                match expand(&shown) {
                    Ok(variants) => {
                        for args in variants {
                            check_run(&repo, &args, &flag.at, &mut failures);
                            ran += 1;
                        }
                    }
                    Err(e) => failures.push(format!("{}: `{}`: {e}", flag.at, flag.text)),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the documented commands fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(ran >= 20, "only {ran} command lines found: is the extraction broken?");
}

/// A fresh machine needs two commands, and the README starts with them: the
/// install that ends in `autoheal check`, and the test suite.
#[test]
fn the_readme_starts_with_install_check_and_test() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let first_block = readme
        .split("```")
        .nth(1)
        .expect("a fenced block")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>();
    assert_eq!(first_block.len(), 2, "{first_block:?}");
    assert!(
        first_block[0].starts_with("cargo install ") && first_block[0].ends_with("&& autoheal check"),
        "{}",
        first_block[0]
    );
    assert_eq!(first_block[1], "cargo test --workspace");
    // Before it, only the title and what autoheal is.
    let before = readme.split("```").next().unwrap();
    assert!(before.lines().filter(|l| !l.trim().is_empty()).count() <= 5, "{before}");
}

#[test]
fn expansion_fills_placeholders_and_splits_alternatives() {
    assert_eq!(
        expand("autoheal check [PATH...] --format human|json").unwrap(),
        [
            ["check", ".github/workflows/ci.yml", "--format", "human"],
            ["check", ".github/workflows/ci.yml", "--format", "json"]
        ]
    );
    assert_eq!(
        expand("autoheal completions <bash|zsh>").unwrap(),
        [["completions", "bash"], ["completions", "zsh"]]
    );
    assert_eq!(
        expand("autoheal check --fix=safe|unsafe").unwrap(),
        [["check", "--fix=safe"], ["check", "--fix=unsafe"]]
    );
    assert!(expand("autoheal x SOMETHING").is_err());
    assert!(expand("autoheal heal --repos FILE | --org ORG").is_err());
    assert_eq!(expand("autoheal rules | head").unwrap(), [["rules"]]);
    let (commands, flags) = snippets(
        "t.md",
        "## `autoheal fix --log LOG`\n\nText `--write` and `-`.\n\n```sh\nautoheal rules && cargo x # autoheal no\n```\n",
    );
    let texts: Vec<&str> = commands.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["autoheal fix --log LOG", "autoheal rules"]);
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].owner.as_deref(), Some("autoheal fix --log LOG"));
    assert!(usage_error(
        "error: unexpected argument '--x' found\n\nUsage: autoheal check"
    ));
    assert!(!usage_error("autoheal: error: no GitHub token"));
}
