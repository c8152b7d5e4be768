//! What a step runs beyond its own `run:` text, read through the
//! repository: the scripts its lines run (`./scripts/docs.sh`, `bash
//! ci/test.sh`), the recipes of the make targets it runs (`make docs`, `make
//! -C site html`, with the targets they depend on), and the `run:` steps of a
//! local composite action it uses. Each runs on the runner as part of the
//! step, so a container command in one (`docker run … pandoc` inside
//! `scripts/docs.sh`) is the step's own, and what went missing may be the
//! container's (review82 M2). The fixes judge this text as they judge the
//! step's own lines ([`super::runs_elsewhere`]).
//!
//! Bounded: files are read one level deep from the step (a script the
//! script runs is read too, up to [`MAX_DEPTH`]), at most [`MAX_FILES`] of
//! them, each up to [`MAX_FILE_BYTES`]. A path that is computed (`$DIR/x.sh`,
//! `${{ … }}`) or leaves the repository is not read: then nothing is added,
//! and the step is judged on its own text, as before.

use std::collections::BTreeMap;

use autoheal_engine::repo::{RepoFiles, local_action_dir, relative_path};
use autoheal_engine::yaml::{self, Node};

use autoheal_logs::elsewhere::{program, segments};
use autoheal_logs::shell_lex::logical_lines;

/// How many scripts deep a step's scripts are followed.
const MAX_DEPTH: usize = 2;
/// How many files are read for one step.
const MAX_FILES: usize = 8;
/// The largest file read; a bigger one is left out.
const MAX_FILE_BYTES: usize = 256 * 1024;
/// How many make targets (requested ones and their prerequisites) are read.
const MAX_TARGETS: usize = 32;

/// The text of the step's own script followed by everything it reaches
/// in the repository (see the module), one file after another.
/// `working_dir` is the step's literal working directory (`None`: the
/// workspace); `uses` the step's `uses:`, for a local composite action.
pub(crate) fn with_what_it_runs(
    repo: &dyn RepoFiles,
    working_dir: Option<&str>,
    script: &str,
    uses: Option<&str>,
) -> String {
    format!("{script}{}", what_it_runs(repo, working_dir, script, uses))
}

/// What [`with_what_it_runs`] adds after the step's own script: the files it
/// reaches, each after a newline (POSIX shell scripts and make recipes,
/// whatever the step's own shell).
pub(crate) fn what_it_runs(
    repo: &dyn RepoFiles,
    working_dir: Option<&str>,
    script: &str,
    uses: Option<&str>,
) -> String {
    let mut reader = Reader {
        repo,
        read: Vec::new(),
        out: String::new(),
    };
    // A computed directory: where the script's paths lead is not known.
    if !working_dir.is_some_and(|dir| dir.contains('$')) {
        reader.follow(working_dir.unwrap_or(""), script, 0);
    }
    if let Some(uses) = uses {
        reader.composite(uses);
    }
    reader.out
}

struct Reader<'r> {
    repo: &'r dyn RepoFiles,
    read: Vec<String>,
    out: String,
}

impl Reader<'_> {
    /// Adds the files the lines of `script` (run in `dir`) run.
    fn follow(&mut self, dir: &str, script: &str, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        for line in logical_lines(script) {
            for words in segments(&line.code) {
                match runs_a_file(&words) {
                    Some(Runs::Script(path)) => {
                        if let Some((_, text)) = self.read(dir, path) {
                            self.add(&text);
                            // A script's relative paths are its caller's
                            // working directory's (`$(dirname "$0")` forms
                            // are computed and not read).
                            self.follow(dir, &text, depth + 1);
                        }
                    }
                    Some(Runs::Make {
                        dir: make_dir,
                        file,
                        targets,
                    }) => {
                        let base = join(dir, make_dir.unwrap_or(""));
                        let candidates: Vec<&str> = match file {
                            Some(f) => vec![f],
                            None => vec!["GNUmakefile", "makefile", "Makefile"],
                        };
                        if let Some((_, text)) = candidates.iter().find_map(|f| self.read(&base, f)) {
                            let recipes = make_recipes(&text, &targets);
                            self.add(&recipes);
                            self.follow(&base, &recipes, depth + 1);
                        }
                    }
                    None => {}
                }
            }
        }
    }

    /// Adds the `run:` steps of the local composite action `uses`.
    fn composite(&mut self, uses: &str) {
        let Some(dir) = local_action_dir(uses) else { return };
        let Some((_, text)) = ["action.yml", "action.yaml"].iter().find_map(|f| self.read(dir, f)) else {
            return;
        };
        let doc = yaml::parse(text.as_bytes());
        let Some(runs) = doc.root.as_ref().and_then(|r| r.get("runs")) else {
            return;
        };
        if !runs
            .get("using")
            .and_then(Node::as_str)
            .is_some_and(|u| u.eq_ignore_ascii_case("composite"))
        {
            return;
        }
        for step in runs.get("steps").and_then(Node::as_sequence).unwrap_or_default() {
            if let Some(run) = step.get("run").and_then(Node::as_str) {
                self.add(run);
                // A composite action's steps run in the workspace, or their
                // own working directory.
                let wd = step.get("working-directory").and_then(Node::as_str).unwrap_or("");
                if !wd.contains('$') {
                    self.follow(wd, run, 1);
                }
            }
        }
    }

    /// The text of `path` (relative to `dir`), once per step and within the
    /// bounds, with its repository path.
    fn read(&mut self, dir: &str, path: &str) -> Option<(String, String)> {
        if self.read.len() >= MAX_FILES || path.contains('$') || path.starts_with('/') || path.starts_with('~') {
            return None;
        }
        let full = relative_path(&join(dir, path))?.to_string();
        if self.read.contains(&full) {
            return None;
        }
        let text = self.repo.read(&full)?;
        if text.len() > MAX_FILE_BYTES {
            return None;
        }
        self.read.push(full.clone());
        Some((full, text.into_owned()))
    }

    fn add(&mut self, text: &str) {
        self.out.push('\n');
        self.out.push_str(text);
    }
}

fn join(dir: &str, path: &str) -> String {
    let dir = dir.trim_end_matches('/');
    let path = path.strip_prefix("./").unwrap_or(path);
    if dir.is_empty() || dir == "." {
        path.to_string()
    } else if path.is_empty() {
        dir.to_string()
    } else {
        format!("{dir}/{path}")
    }
}

/// A repository file a simple command runs.
#[derive(Debug, PartialEq)]
enum Runs<'t> {
    /// A script: run by its path (`./scripts/x.sh`, `ci/x.sh`) or given to a
    /// POSIX shell (`bash -e x.sh`, `sh x.sh`, `. x.sh`, `source x.sh`).
    Script(&'t str),
    /// make (or gmake) with its `-C` directory, `-f` file and targets.
    Make {
        dir: Option<&'t str>,
        file: Option<&'t str>,
        targets: Vec<&'t str>,
    },
}

/// The shells whose first operand is a script file.
const SHELLS: &[&str] = &["bash", "sh", "dash", "zsh", "ksh", "source", "."];
/// Words that run the next word as the command.
const PREFIXES: &[&str] = &["sudo", "env", "time", "nohup", "exec", "command"];

fn runs_a_file<'t>(words: &[&'t str]) -> Option<Runs<'t>> {
    let at = words.iter().position(|w| {
        !(PREFIXES.contains(&program(w)) || w.starts_with('-') || autoheal_logs::shell_lex::is_assignment(w))
    })?;
    let command = words[at];
    let args = &words[at + 1..];
    let name = program(command);
    if SHELLS.contains(&name) {
        // `bash -c '…'` runs a string (its commands are read as the step's
        // own words already), not a file.
        let mut i = 0;
        while i < args.len() {
            match args[i] {
                "-c" => return None,
                "-o" | "+o" | "-O" | "+O" => i += 2,
                a if a.starts_with('-') || a.starts_with('+') => i += 1,
                a => return Some(Runs::Script(a)),
            }
        }
        return None;
    }
    if matches!(name, "make" | "gmake") {
        let (mut dir, mut file, mut targets) = (None, None, Vec::new());
        let mut i = 0;
        while i < args.len() {
            let a = args[i];
            match a {
                "-C" | "--directory" => {
                    dir = args.get(i + 1).copied();
                    i += 2;
                    continue;
                }
                "-f" | "--file" | "--makefile" => {
                    file = args.get(i + 1).copied();
                    i += 2;
                    continue;
                }
                _ => {}
            }
            if let Some(d) = a.strip_prefix("--directory=") {
                dir = Some(d);
            } else if let Some(f) = a.strip_prefix("--file=").or_else(|| a.strip_prefix("--makefile=")) {
                file = Some(f);
            } else if let Some(d) = a.strip_prefix("-C").filter(|d| !d.is_empty()) {
                dir = Some(d);
            } else if a.starts_with('-') || autoheal_logs::shell_lex::is_assignment(a) {
                // An option (a value-taking one not listed is read as a
                // target, which at worst adds a recipe that does not exist).
            } else {
                targets.push(a);
            }
            i += 1;
        }
        return Some(Runs::Make { dir, file, targets });
    }
    // A path run as the command: relative, with a directory part.
    (command.contains('/') && !command.starts_with('/')).then_some(Runs::Script(command))
}

/// The recipes make runs for `targets` (its default goal, the first target,
/// when none is named), with the targets they depend on, each recipe line
/// without make's `@`, `-` and `+` prefixes and with the makefile's simple
/// variables (`NAME = value`, `:=`, `?=`) expanded once.
fn make_recipes(makefile: &str, targets: &[&str]) -> String {
    let mut vars: BTreeMap<&str, &str> = BTreeMap::new();
    let mut rules: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = Vec::new();
    for line in makefile.lines() {
        if let Some(recipe) = line.strip_prefix('\t') {
            if let Some(rule) = rules.last_mut() {
                rule.2.push(recipe);
            }
            continue;
        }
        let code = line.split('#').next().unwrap_or("");
        if code.trim().is_empty() {
            continue;
        }
        if let Some((name, value)) = assignment(code) {
            vars.insert(name, value);
            continue;
        }
        let Some((heads, rest)) = code.split_once(':') else {
            // Something else (a directive): recipes after it belong to no rule.
            rules.push((Vec::new(), Vec::new(), Vec::new()));
            continue;
        };
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        let (prereqs, inline) = rest.split_once(';').map_or((rest, None), |(p, r)| (p, Some(r)));
        rules.push((
            heads.split_whitespace().collect(),
            prereqs.split_whitespace().filter(|p| *p != "|").collect(),
            inline.map(str::trim).into_iter().collect(),
        ));
    }
    let mut wanted: Vec<&str> = if targets.is_empty() {
        rules
            .iter()
            .flat_map(|r| r.0.iter())
            .find(|t| !t.starts_with('.') && !t.contains('%'))
            .copied()
            .into_iter()
            .collect()
    } else {
        targets.to_vec()
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::new();
    while let Some(target) = wanted.pop() {
        if seen.contains(&target) || seen.len() >= MAX_TARGETS {
            continue;
        }
        seen.push(target);
        for (_, prereqs, recipe) in rules.iter().filter(|r| r.0.contains(&target)) {
            for line in recipe {
                out.push_str(&expand(line.trim_start_matches(['@', '-', '+', ' ']), &vars));
                out.push('\n');
            }
            wanted.extend(prereqs.iter().copied());
        }
    }
    out
}

/// A makefile's simple variable assignment: `NAME = value`, `NAME := value`,
/// `NAME ::= value`, `NAME ?= value`.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let at = line.find('=')?;
    let (left, value) = (&line[..at], &line[at + 1..]);
    let name = left.trim_end_matches([':', '?', '+']).trim();
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    // `target: VAR=value` is a target-specific variable; its colon comes
    // before the `=` with a space, not as part of `:=`.
    let colon_rule = left.trim_end_matches([':', '?', '+']).contains(':');
    (valid && !colon_rule).then(|| (name, value.trim()))
}

/// `$(NAME)` and `${NAME}` replaced by the makefile's value, once.
fn expand(line: &str, vars: &BTreeMap<&str, &str>) -> String {
    let mut out = line.to_string();
    for (name, value) in vars {
        out = out
            .replace(&format!("$({name})"), value)
            .replace(&format!("${{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::repo::MemoryRepo;

    #[test]
    fn commands_that_run_a_repository_file() {
        let runs = |text: &str| {
            segments(text)
                .iter()
                .find_map(|w| runs_a_file(w).map(|r| format!("{r:?}")))
        };
        assert_eq!(
            runs("./scripts/docs.sh --fast").as_deref(),
            Some("Script(\"./scripts/docs.sh\")")
        );
        assert_eq!(
            runs("sudo bash -e ci/build.sh").as_deref(),
            Some("Script(\"ci/build.sh\")")
        );
        assert_eq!(runs("sh -o errexit x.sh").as_deref(), Some("Script(\"x.sh\")"));
        assert_eq!(runs(". ./env.sh && make").as_deref(), Some("Script(\"./env.sh\")"));
        assert_eq!(
            runs("make -C site -f ci.mk html V=1").as_deref(),
            Some("Make { dir: Some(\"site\"), file: Some(\"ci.mk\"), targets: [\"html\"] }")
        );
        assert_eq!(
            runs("make").as_deref(),
            Some("Make { dir: None, file: None, targets: [] }")
        );
        for text in [
            "bash -c 'docker run img'",
            "/usr/local/bin/tool x",
            "echo scripts/x.sh",
            "pandoc README.md",
        ] {
            assert_eq!(runs(text), None, "{text}");
        }
    }

    #[test]
    fn make_recipes_follow_the_target_and_its_prerequisites() {
        let makefile = "DOCKER ?= docker\nIMAGE := pandoc/core:3.1\n\n.PHONY: docs html\n\nall: build\n\nbuild:\n\tcargo build\n\ndocs: html # the site\n\t@echo done\n\nhtml:\n\t@$(DOCKER) run --rm -v $$PWD:/w ${IMAGE} README.md\n\nlint: ; shellcheck *.sh\n";
        let docs = make_recipes(makefile, &["docs"]);
        assert!(docs.contains("docker run --rm"), "{docs}");
        assert!(docs.contains("echo done") && !docs.contains("cargo build"), "{docs}");
        assert_eq!(make_recipes(makefile, &[]), "cargo build\n");
        assert_eq!(make_recipes(makefile, &["lint"]), "shellcheck *.sh\n");
        assert_eq!(make_recipes(makefile, &["nothing"]), "");
    }

    #[test]
    fn a_step_reaches_its_scripts_make_targets_and_composite_steps() {
        let repo = MemoryRepo::new([
            ("scripts/docs.sh", "#!/bin/sh\nset -e\n./scripts/render.sh\n"),
            ("scripts/render.sh", "docker run --rm img pandoc README.md\n"),
            ("site/Makefile", "html:\n\tpodman run img sphinx-build . _build\n"),
            (
                ".github/actions/docs/action.yml",
                "name: docs\nruns:\n  using: composite\n  steps:\n    - run: docker compose run docs\n      shell: bash\n",
            ),
        ]);
        let text = with_what_it_runs(&repo, None, "./scripts/docs.sh", None);
        assert!(text.contains("docker run --rm img pandoc"), "{text}");
        let text = with_what_it_runs(&repo, Some("site"), "make html", None);
        assert!(text.contains("podman run img"), "{text}");
        let text = with_what_it_runs(&repo, None, "", Some("./.github/actions/docs"));
        assert!(text.contains("docker compose run docs"), "{text}");
        // Computed paths and directories, and paths leaving the repository, are not read.
        for (dir, script) in [
            (None, "$ROOT/scripts/docs.sh"),
            (Some("${{ inputs.dir }}"), "make html"),
            (None, "../scripts/docs.sh"),
            (None, "bash -c ./scripts/docs.sh"),
        ] {
            assert_eq!(with_what_it_runs(&repo, dir, script, None), script, "{script}");
        }
    }
}
