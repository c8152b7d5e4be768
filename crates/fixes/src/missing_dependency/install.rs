//! Where the distribution is written: the job's own `pip install` line (or
//! the requirements file it installs from), else a new step before the
//! failing one, in the failing step's environment.

use autoheal_engine::edit;
use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::Node;
use autoheal_engine::{Edit, Fix};
use autoheal_logs::knowledge::python::normalize_name;
use autoheal_logs::shell_lex;
use autoheal_logs::subject::workspace_path;

use super::Wanted;
use super::env::{Env, activation};
use crate::checkout;
use crate::script::{Script, is_simple_line, strip_comment};
use crate::trust::Trusted;
use crate::yaml_edit::{Block, insert_step_before, scalar};
use crate::{Candidate, Ctx, Files};

/// A `pip install` command on one script line.
struct InstallLine {
    step_index: usize,
    /// Where ` <dist>` goes: the end of the pip command's arguments.
    insert_at: usize,
    /// `-r FILE` arguments, repository-relative.
    requirements: Vec<String>,
    /// The packages named on the line.
    packages: Vec<String>,
    /// Installs somewhere else than the interpreter (`--target`, `--user`
    /// into another prefix, `--prefix`, `--root`).
    elsewhere: bool,
    /// `--no-deps`: a name added here would come without its own
    /// dependencies.
    no_deps: bool,
    /// Why a bare name can be installed by no pip line of the job (review86
    /// H1, review87 L1, L2).
    locked: Option<Locked>,
    /// A requirements file the line reads (`-r`, or one such a file includes,
    /// at any depth) that the fix could not locate or read: moved by a `cd`,
    /// under a computed directory, outside the workspace, absent from the
    /// repository (generated in the job: `poetry export` writes hashes by
    /// default), or included too deep. It may turn on hash checking, so
    /// neither the line nor a file of it is extended (review87 H1); a step of
    /// its own, a separate pip run, is still safe.
    unread: bool,
}

/// Why pip would refuse or not find a bare name added to the job's installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Locked {
    /// pip's hash-checking mode is all or nothing: one `--hash` in any
    /// requirement it reads, or `--require-hashes`, makes it refuse every
    /// requirement without one (pip's "Secure installs" docs). The text says
    /// where the mode is turned on.
    Hashes(&'static str),
    /// `--no-index` installs only from the local archives `--find-links`
    /// gives.
    NoIndex(&'static str),
}

impl Locked {
    fn reason(self, dist: &str) -> String {
        match self {
            Locked::Hashes(why) => format!(
                "the job's `pip install` runs with {why}: pip's hash checking is all or nothing, so a bare `{dist}` \
                 would make pip refuse the whole install; add it with its pinned version and hash (e.g. `pip-compile \
                 --generate-hashes`)"
            ),
            Locked::NoIndex(why) => format!(
                "the job's `pip install` runs with {why}: pip installs only from the local archives `--find-links` \
                 gives, so `{dist}` is found only if its archive is among them; add it there (e.g. `pip download \
                 {dist} -d <that directory>`)"
            ),
        }
    }
}

impl InstallLine {
    /// Only bootstraps tools (`pip install --upgrade pip`, `pip install
    /// tox`), whose environment is not the project's.
    fn only_tools(&self) -> bool {
        self.requirements.is_empty()
            && !self.packages.is_empty()
            && self
                .packages
                .iter()
                .all(|p| TOOLS.contains(&normalize_name(p).as_str()))
    }
}

/// Packaging and environment tools, whose `pip install` line is not where the
/// project's dependencies go.
const TOOLS: &[&str] = &[
    "pip",
    "setuptools",
    "wheel",
    "pipenv",
    "poetry",
    "tox",
    "nox",
    "uv",
    "pipx",
    "pre-commit",
    "build",
    "twine",
    "virtualenv",
    "hatch",
    "pdm",
    "flit",
    "maturin",
    "cibuildwheel",
    "tox-gh-actions",
    "nox-poetry",
];

const PIP_INSTALL: &[&str] = &[
    "python -m pip install",
    "python3 -m pip install",
    "uv pip install",
    "pip3 install",
    "pip install",
];

fn install_lines(ctx: &Ctx<'_>, job: &Job<'_>, steps: &[Step<'_>]) -> Vec<InstallLine> {
    let mut out = Vec::new();
    for s in steps {
        let Some(script) = s.run().and_then(|r| Script::new(ctx.source, r)) else {
            continue;
        };
        // The directory the line runs in: the step's, the job's or the
        // workflow's default (the one reading, `written_working_directory`).
        // A computed one (`services/${{ matrix.package }}`, an input) leaves
        // the line's `-r` files unknown: the root's file of the same name is
        // not the one installed (round 6 of the fix shapes), so they are not
        // read or extended; the install line itself still may be.
        let written = ctx
            .doc
            .root
            .as_ref()
            .and_then(|root| job.written_working_directory(root, s.node))
            .and_then(Node::as_str);
        let computed = written.is_some_and(|w| w.contains('$'));
        let wd = written.and_then(workspace_path);
        // A `-r` file is a path from the workspace; the repository's file is
        // that path only when the repository is there: under a checkout's
        // literal `path:` without that directory, and not at all before the
        // job checks it out or when where it is is not known (its files are
        // then unknown: the repository's file of the same name is not the
        // one pip read).
        let placed = checkout::before(job, s.index);
        let in_repository = |p: String| match &placed {
            checkout::Repository::AtWorkspace => Some(p),
            checkout::Repository::UnderDirectory { dir, .. } => p
                .strip_prefix(dir.as_str())
                .and_then(|r| r.strip_prefix('/'))
                .map(str::to_string),
            checkout::Repository::NotCheckedOut | checkout::Repository::Elsewhere(_) => None,
        };
        // A `cd`/`pushd` earlier in the script moves every later line
        // elsewhere (review83 H1: `cd services/api` then `pip install -r
        // requirements.txt` reads the leg's file, not the root's); rather than
        // follow the path, its `-r` files are unknown, as under a computed
        // working directory.
        let mut moved = false;
        for line in &script.lines {
            let code = strip_comment(line.text);
            let found = pip_install_command(code);
            let moved_here = moved || changes_directory(&code[..found.map_or(code.len(), |(at, _)| at)]);
            moved |= changes_directory(code);
            if !is_simple_line(line.text) {
                continue;
            }
            let Some((at, cmd)) = found else {
                continue;
            };
            let args_start = at + cmd.len();
            let rest = &code[args_start..];
            let Some(end) = install_arguments_end(&code[..at], rest) else {
                continue;
            };
            let args = rest[..end].trim_end();
            let mut requirements = Vec::new();
            let mut packages = Vec::new();
            let mut elsewhere = false;
            let mut no_deps = false;
            let mut locked = None;
            let mut unread = false;
            // pip's arguments as the shell passes them (quotes removed:
            // `"requests>=2"` is the requirement `requests>=2`); a line the
            // lexer cannot read is not extended.
            let Some(words) = arguments(args) else {
                continue;
            };
            let mut tokens = words.iter().map(String::as_str);
            while let Some(t) = tokens.next() {
                let file = match t {
                    "-r" | "--requirement" => tokens.next(),
                    _ => t
                        .strip_prefix("--requirement=")
                        .or_else(|| t.strip_prefix("-r"))
                        .filter(|f| !f.is_empty()),
                };
                if let Some(f) = file {
                    let from_workspace = workspace_path(f)
                        .filter(|_| !computed && !moved_here)
                        .map(|p| match &wd {
                            Some(w) => format!("{w}/{p}"),
                            None => p,
                        });
                    match from_workspace.and_then(in_repository) {
                        Some(p) => requirements.push(p),
                        None => unread = true,
                    }
                    continue;
                }
                match t {
                    "--require-hashes" => locked = Some(Locked::Hashes("`--require-hashes`")),
                    "--no-index" => locked = Some(Locked::NoIndex("`--no-index`")),
                    "--no-deps" => no_deps = true,
                    _ => {}
                }
                if matches!(
                    t,
                    "-t" | "--target" | "--prefix" | "--root" | "-c" | "--constraint" | "-e" | "--editable"
                ) || t.starts_with("--target=")
                    || t.starts_with("--prefix=")
                {
                    elsewhere |= !matches!(t, "-c" | "--constraint" | "-e" | "--editable");
                    tokens.next();
                    continue;
                }
                if !t.starts_with('-') {
                    let name = t.split(['=', '<', '>', '~', '!', '[', ';']).next().unwrap_or(t);
                    packages.push(name.to_string());
                }
            }
            // An option whose value would be the next word (`pip install -e` cut
            // short): a package added there becomes that value.
            if words.last().is_some_and(|w| takes_a_value(w)) {
                continue;
            }
            for p in &requirements {
                match requirements_file(ctx, p) {
                    FileState::Hashed => {
                        locked = locked.or(Some(Locked::Hashes("a `--hash` in its requirements file")));
                    }
                    FileState::Unread => unread = true,
                    FileState::Plain => {}
                }
            }
            locked = locked.or_else(|| env_locked(ctx, job, s));
            out.push(InstallLine {
                step_index: s.index,
                insert_at: line.range.start + args_start + args.len(),
                requirements,
                packages,
                elsewhere,
                no_deps,
                locked,
                unread,
            });
        }
    }
    out
}

/// The first `pip install` of the line that runs, with where it starts: one in
/// command position (`crate::elsewhere::starts_a_command`); `echo "pip install
/// done"` is text (review85 H3: the echo was extended as the install line).
fn pip_install_command(code: &str) -> Option<(usize, &'static str)> {
    code.char_indices()
        .filter_map(|(i, _)| PIP_INSTALL.iter().find(|c| code[i..].starts_with(**c)).map(|c| (i, *c)))
        .find(|(i, _)| crate::elsewhere::starts_a_command(&code[..*i]))
}

/// Where the arguments of the install command that starts `rest` end, `before`
/// being the line's text before the command: at a control operator (`&&`, `||`,
/// `;`, `|`, `&`), a redirection (with its file descriptor: `2>&1`, review85
/// H4), an unquoted `)` (a subshell the command runs in), or
/// the quote that closes a string the command sits in (`bash -c "… pip install x"`:
/// a package added after it would be the string's `$0`). Quotes the arguments
/// open themselves are words (`-e ".[test]"`, review84 H2: ending at the first
/// quote put the package between `-e` and its value). `None` when the
/// arguments hold a command or process substitution (`$(…)`, `` `…` ``,
/// `<(…)`): what they expand to is unknown, and a `)` in them is theirs, not
/// a subshell's (review85 H2: `pip install $(cat extra.txt) pytest` got the
/// package inside the substitution).
fn install_arguments_end(before: &str, rest: &str) -> Option<usize> {
    // The quote left open before the command, if any: the command's string
    // (only a shell's `-c` string gets here: `starts_a_command`).
    let mut enclosing: Option<char> = None;
    for c in before.chars() {
        match (enclosing, c) {
            (None, '"' | '\'' | '`') => enclosing = Some(c),
            (Some(open), c) if c == open => enclosing = None,
            _ => {}
        }
    }
    let mut inner: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if let Some(open) = inner {
            if c == open {
                inner = None;
            } else if open == '"' && (c == '`' || (c == '(' && prev == Some('$'))) {
                return None;
            }
            prev = Some(c);
            continue;
        }
        match c {
            _ if Some(c) == enclosing => {
                end = i;
                break;
            }
            '`' => return None,
            '(' if matches!(prev, Some('$' | '<' | '>')) => return None,
            '"' | '\'' => inner = Some(c),
            '>' | '<' => {
                // A redirection's file descriptor is part of it (`2>&1`).
                let digits = rest[..i].trim_end_matches(|d: char| d.is_ascii_digit());
                end = if digits.len() < i && digits.ends_with(char::is_whitespace) {
                    digits.len()
                } else {
                    i
                };
                break;
            }
            ';' | '|' | '&' | ')' => {
                end = i;
                break;
            }
            _ => {}
        }
        prev = Some(c);
    }
    Some(end)
}

/// What pip's reading of the requirements file at `path` turns on.
#[derive(Debug, PartialEq, Eq)]
enum FileState {
    Plain,
    Hashed,
    Unread,
}

/// How deep `-r` includes are followed; deeper is [`FileState::Unread`].
const MAX_INCLUDE_DEPTH: usize = 8;

/// Whether the requirements file at `path`, or one it includes with `-r` at
/// any depth (pip reads an include relative to the file that names it),
/// turns on pip's hash-checking mode, or cannot be read (review87 H1).
fn requirements_file(ctx: &Ctx<'_>, path: &str) -> FileState {
    let mut seen = Vec::new();
    requirements_file_at(ctx, path, 0, &mut seen)
}

fn requirements_file_at(ctx: &Ctx<'_>, path: &str, depth: usize, seen: &mut Vec<String>) -> FileState {
    if seen.iter().any(|p| p == path) {
        // pip would loop; what the file holds is read once.
        return FileState::Plain;
    }
    if depth > MAX_INCLUDE_DEPTH {
        return FileState::Unread;
    }
    let Some(text) = ctx.repo.read(path) else {
        return FileState::Unread;
    };
    seen.push(path.to_string());
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut state = FileState::Plain;
    for l in text.lines() {
        let l = strip_comment(l).trim();
        if l.contains("--hash") || l.contains("--require-hashes") {
            return FileState::Hashed;
        }
        let included = l
            .strip_prefix("--requirement")
            .or_else(|| l.strip_prefix("-r"))
            .map(|f| f.trim_start_matches(['=', ' ']).trim());
        let Some(included) = included else {
            continue;
        };
        match join_relative(dir, included).as_deref().and_then(workspace_path) {
            Some(p) => match requirements_file_at(ctx, &p, depth + 1, seen) {
                FileState::Hashed => return FileState::Hashed,
                FileState::Unread => state = FileState::Unread,
                FileState::Plain => {}
            },
            None => state = FileState::Unread,
        }
    }
    state
}

/// `name` read from the directory `dir` of the workspace, with its `./` and
/// `../` segments resolved; `None` when it leaves the workspace or is absolute.
fn join_relative(dir: &str, name: &str) -> Option<String> {
    if name.starts_with('/') || name.contains("://") {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    for seg in name.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The mode options on any `pip install` of the steps, read on logical
/// lines (continuations joined, compound commands, folded `run: >` scripts
/// included): [`install_lines`] keeps only the simple lines it may extend,
/// but the refusal holds for every install of the job (final review M2:
/// `pip install --require-hashes \` over two lines got a new unpinned step).
/// Hashed requirements files are read only through [`install_lines`].
fn written_locked(steps: &[Step<'_>]) -> Option<Locked> {
    steps
        .iter()
        .filter_map(|s| s.run().and_then(Node::as_str))
        .flat_map(autoheal_logs::shell_lex::logical_lines)
        .find_map(|line| {
            let code = strip_comment(&line.code);
            let (at, cmd) = pip_install_command(code)?;
            let rest = &code[at + cmd.len()..];
            // Read as the shell passes them; text the lexer cannot read is
            // still searched word by word, since this only refuses.
            let words = arguments(rest).unwrap_or_else(|| {
                rest.split_whitespace()
                    .take_while(|w| !matches!(*w, "&&" | "||" | ";" | "|"))
                    .map(|w| w.trim_end_matches(';').to_string())
                    .collect()
            });
            words.iter().find_map(|w| match w.as_str() {
                "--require-hashes" => Some(Locked::Hashes("`--require-hashes`")),
                "--no-index" => Some(Locked::NoIndex("`--no-index`")),
                _ => None,
            })
        })
}

/// pip reads every long option from `PIP_<OPTION>` too (pip's configuration
/// docs, "Environment Variables"): `PIP_REQUIRE_HASHES` or `PIP_NO_INDEX` in
/// the step's, the job's or the workflow's `env:` turns the mode on for every
/// pip run there (review87 L1). A value pip reads as false (`0`, `false`,
/// `no`, `off`, and their single letters) leaves it off; an expression is
/// taken as on.
fn env_locked(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Option<Locked> {
    let envs = ctx.env_scopes(job, step);
    let on = |name: &str| {
        envs.iter().flatten().find_map(|e| e.get(name)).is_some_and(|v| {
            let text = v.as_str().unwrap_or("");
            !matches!(
                text.trim().to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off" | "n" | "f" | ""
            )
        })
    };
    if on("PIP_REQUIRE_HASHES") {
        Some(Locked::Hashes("`PIP_REQUIRE_HASHES` in its `env:`"))
    } else if on("PIP_NO_INDEX") {
        Some(Locked::NoIndex("`PIP_NO_INDEX` in its `env:`"))
    } else {
        None
    }
}

/// Whether `word` is a pip option whose value is the next word.
/// The words of a `pip install`'s arguments up to the end of that command,
/// lexed as the shell does ([`shell_lex::lex`]: quotes and escapes removed,
/// operators and comments ending it); `None` when the text is not shell the
/// lexer reads with confidence (an unterminated quote, …).
fn arguments(text: &str) -> Option<Vec<String>> {
    let lexed = shell_lex::lex(text).ok()?;
    let first = lexed.commands.into_iter().next();
    Some(first.map_or_else(Vec::new, |c| c.words.into_iter().map(|w| w.text).collect()))
}

fn takes_a_value(word: &str) -> bool {
    matches!(
        word,
        "-e" | "--editable"
            | "-r"
            | "--requirement"
            | "-c"
            | "--constraint"
            | "-i"
            | "--index-url"
            | "--extra-index-url"
            | "-f"
            | "--find-links"
            | "-t"
            | "--target"
            | "--prefix"
            | "--root"
    )
}

/// Whether a command of the text is `cd` or `pushd`, in command position as
/// [`crate::elsewhere::runs_command`] reads it.
fn changes_directory(text: &str) -> bool {
    crate::elsewhere::runs_command(text, "cd") || crate::elsewhere::runs_command(text, "pushd")
}

pub(super) fn already_installed(ctx: &Ctx<'_>, job: &Job<'_>, steps: &[Step<'_>], dist: &str) -> bool {
    let want = normalize_name(dist);
    let in_text = |text: &str| {
        text.split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '=' | '<' | '>' | '~' | '!' | '[' | ';' | '"' | '\'' | ',' | '(' | ')'
                )
        })
        .any(|w| w == dist || normalize_name(w) == want)
    };
    steps.iter().any(|s| {
        s.run().and_then(Node::as_str).is_some_and(|r| {
            r.lines()
                .any(|l| ["install", "inject", " add "].iter().any(|k| l.contains(k)) && in_text(strip_comment(l)))
        })
    }) || install_lines(ctx, job, steps)
        .iter()
        .flat_map(|l| &l.requirements)
        .any(|p| {
            ctx.repo
                .read(p)
                .is_some_and(|t| t.lines().any(|l| in_text(strip_comment(l))))
        })
}

pub(super) fn candidate(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    step: &Step<'_>,
    env: &Env,
    wanted: &Wanted,
) -> Result<Candidate, String> {
    // A job that installs under pip's hash checking (or from local archives
    // only) gets no bare name, on its line or in a step of its own.
    if matches!(env, Env::Pip | Env::Venv(_)) {
        // A new step runs under the failing step's job and workflow `env:`.
        if let Some(why) = install_lines(ctx, job, &job.steps[..=step.index])
            .iter()
            .find_map(|l| l.locked)
            .or_else(|| written_locked(&job.steps[..=step.index]))
            .or_else(|| env_locked(ctx, job, step))
        {
            return Err(why.reason(&wanted.dist));
        }
    }
    match env {
        Env::Pip => {
            if let Some(c) = extend_install(ctx, job, &job.steps[..=step.index], &|_| true, wanted) {
                return Ok(c);
            }
        }
        // Only an install in a step that activates the same environment.
        Env::Venv(activate) => {
            let activates = |s: &Step<'_>| {
                s.run().and_then(Node::as_str).is_some_and(|r| {
                    r.lines()
                        .any(|l| activation(strip_comment(l)).as_ref() == Some(activate))
                })
            };
            if let Some(c) = extend_install(ctx, job, &job.steps[..=step.index], &activates, wanted) {
                return Ok(c);
            }
        }
        _ => {}
    }
    new_step(ctx, job, step, env, wanted)
}

/// Add the distribution to the job's last project `pip install` line, or to
/// the requirements file that line installs from.
/// Only lines of the steps `keep` accepts count.
fn extend_install(
    ctx: &Ctx<'_>,
    job: &Job<'_>,
    steps: &[Step<'_>],
    keep: &dyn Fn(&Step<'_>) -> bool,
    wanted: &Wanted,
) -> Option<Candidate> {
    let dist = wanted.dist.as_str();
    let requirement = wanted.requirement.as_str();
    let line = install_lines(ctx, job, steps)
        .into_iter()
        .rev()
        .filter(|l| job.steps.get(l.step_index).is_some_and(keep))
        .find(|l| !l.only_tools() && !l.elsewhere && !l.no_deps && !l.unread)?;
    let step_name = job.steps.get(line.step_index)?.display_name();
    if let Some((path, text)) = line
        .requirements
        .iter()
        .find_map(|p| ctx.repo.read(p).map(|t| (p.clone(), t.into_owned())))
    {
        let eol = edit::line_ending(&text);
        let sep = if text.is_empty() || text.ends_with('\n') {
            ""
        } else {
            eol
        };
        let edit = Edit::insert(&path, text.len(), format!("{sep}{requirement}{eol}"));
        let fix = Fix::safe(format!("Add `{requirement}` to {path}"), vec![edit]).with_explanation(explain(
            wanted,
            &format!(
                "Step \"{step_name}\" installs the job's dependencies from `{path}`, so `{requirement}` is added there"
            ),
        ));
        let (p, d) = (path.clone(), dist.to_string());
        let intent = move |files: &Files| mentions(files.get(&p).map(String::as_str).unwrap_or(""), &d, &p);
        return Some(Candidate {
            fix,
            intent: Box::new(intent),
        });
    }
    let arg = wanted.command_arg();
    let edit = Edit::insert(ctx.path, line.insert_at, format!(" {arg}"));
    let fix = Fix::safe(
        format!("Add `{arg}` to the `pip install` in step \"{step_name}\""),
        vec![edit],
    )
    .with_explanation(explain(
        wanted,
        &format!("Step \"{step_name}\" already runs `pip install` for the job, so `{arg}` is added to that command"),
    ));
    let (path, job_id, index, d) = (
        ctx.path.to_string(),
        job.id.to_string(),
        line.step_index,
        dist.to_string(),
    );
    let intent = move |files: &Files| step_run_mentions(files, &path, &job_id, index, &d);
    Some(Candidate {
        fix,
        intent: Box::new(intent),
    })
}

fn new_step(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>, env: &Env, wanted: &Wanted) -> Result<Candidate, String> {
    let command = env.install_command(&wanted.command_arg());
    let mut block = Block::new(ctx.source).key("name", "Install dependencies");
    if let Some(wd) = step
        .get("working-directory")
        .and_then(Node::as_str)
        .and_then(workspace_path)
    {
        block = block.key("working-directory", &wd);
    }
    // The install runs in the failing step's own shell: a login shell
    // (`bash -el {0}`) runs the profile scripts that activate a conda or
    // other environment, and a new step without it would install into
    // another Python. Only shells that run command lines take the command.
    if let Some(shell) = step.get("shell") {
        let text = shell.as_str().unwrap_or("");
        let program = text.split_whitespace().next().unwrap_or("");
        let program = autoheal_logs::shell_lex::program_name(program);
        if !matches!(program, "bash" | "sh" | "pwsh" | "powershell" | "cmd") || text.contains("${{") {
            return Err(format!(
                "step \"{}\" runs its script with `shell: {}`, where `{command}` is not a command line a new step \
                 could run the same way (a manual fix: install into the Python that shell uses)",
                step.display_name(),
                text.trim()
            ));
        }
        block = block.key("shell", &scalar(text.trim()));
    }
    let block = block.key("run", &command);
    let edit = insert_step_before(ctx.path, ctx.source, job, step.index, &block)
        .ok_or("cannot insert a step here (flow-style steps?)")?;
    let why = format!(
        "Step \"{}\" imports from {}, where no earlier step installs packages in a way autoheal can extend, so a step \
         running `{command}` is added before it",
        step.display_name(),
        env.describe()
    );
    let fix = Fix::safe(
        format!("Add a step running `{command}` before step \"{}\"", step.display_name()),
        vec![edit],
    )
    .with_explanation(explain(wanted, &why));
    let (path, job_id, index) = (ctx.path.to_string(), job.id.to_string(), step.index);
    let intent = move |files: &Files| step_run_mentions(files, &path, &job_id, index, &command);
    Ok(Candidate {
        fix,
        intent: Box::new(intent),
    })
}

fn explain(wanted: &Wanted, how: &str) -> String {
    let dist = &wanted.dist;
    let what = match &wanted.module {
        Some(m) if wanted.requirement != *dist => format!(
            "The step failed because the Python module `{m}` was not installed; only `{}` provides it (later releases \
             of `{dist}` no longer include it).",
            wanted.requirement
        ),
        Some(m) if m != dist => format!(
            "The step failed because the Python module `{m}` was not installed; it is provided by the `{dist}` distribution on PyPI."
        ),
        Some(m) => format!(
            "The step failed because the Python module `{m}` was not installed; the `{dist}` distribution provides it."
        ),
        None => format!("The step failed because the `{dist}` distribution was not installed."),
    };
    let source = match &wanted.trusted {
        Trusted::Table => "autoheal's own tables know it (the import-name table, pytest's plugins, or the most used \
                           distributions on PyPI)"
            .to_string(),
        Trusted::Repository { file } => format!("the repository already depends on it in `{file}`"),
    };
    format!("{what} It may be installed because {source}. {how}. Pin its version the way the project pins others.")
}

fn mentions(text: &str, word: &str, what: &str) -> Result<(), String> {
    if text.lines().any(|l| l.contains(word)) {
        Ok(())
    } else {
        Err(format!("`{word}` is not in {what}"))
    }
}

fn step_run_mentions(files: &Files, path: &str, job_id: &str, index: usize, word: &str) -> Result<(), String> {
    let doc = autoheal_engine::yaml::parse(files.get(path).ok_or("workflow missing")?.as_bytes());
    let wf = Workflow::new(doc.root.as_ref().ok_or("no document")?);
    let step = wf.job(job_id).and_then(|j| j.steps.get(index)).ok_or("step gone")?;
    mentions(
        step.run().and_then(Node::as_str).unwrap_or(""),
        word,
        "the install step",
    )
}
