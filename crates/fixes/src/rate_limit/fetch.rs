//! Which commands of a script talk to a rate-limited service, and which of
//! them only fetch from it. A retry loop re-runs its command on *any*
//! failure, so it may only wrap a command whose whole job is the requests
//! the service refused: `npm ci`, `docker pull quay.io/x`, `mvn
//! dependency:go-offline`. A command that also builds or tests (`mvn
//! verify`, `./gradlew test`, `cargo test`, `go test`, `docker run`,
//! `docker build`, whose Dockerfile may run tests, `npx jest`, `yarn test`)
//! would run its tests again after a real failure, hiding a flaky test and
//! wasting minutes on a broken one: it is never wrapped.
//!
//! A command that writes (`gh release create`, `gh api -X POST`, `gh api …
//! -f x=y`, `curl -d …`, `npm publish`, `docker push`, `cargo publish`) is
//! never wrapped for any service: run again after a failure that came after
//! the write took effect, it would create a second release or comment, or
//! repeat a half-done upload. For the GitHub API only reads are fetches.
//!
//! Container registries are told apart by the image reference's registry
//! host (the Docker reference grammar: the first `/`-separated component is
//! a host when it has a `.` or a `:`, or is `localhost`; without one the
//! image is on Docker Hub), so a Quay.io limit never wraps a pull from
//! Docker Hub.

use autoheal_engine::model::Step;
use autoheal_engine::rules::audit;
use autoheal_engine::yaml::Node;

use crate::RateLimitService;
use autoheal_logs::shell_lex::{self, Lexed, RESERVED};

/// What one script line does with the service.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Talk {
    /// Every command of the line fetches from the service, or is a harmless
    /// helper (`cd`, `echo`, `export`): safe to retry as a whole.
    FetchesOnly,
    /// The line runs a command of the service's tool that does more than
    /// fetch (the command, for the explanation).
    AlsoRuns(String),
    /// The line runs a command that writes (to the service or anywhere
    /// else: a release, a comment, a publish, a push, an upload): run again
    /// after a failure that came after the write took effect, it would
    /// repeat it, so it is never looped on any failure (the command, for
    /// the explanation; `retry.rs` may loop it on the GitHub secondary
    /// limit's refusal alone).
    Writes(String),
    /// The line names one of the service's tools but is not shell the
    /// lexer reads with confidence (an unterminated quote, a heredoc inside
    /// `$(…)`, …): what it runs is unknown (the line, for the explanation).
    Unreadable(String),
    /// Nothing on the line uses the service's tools.
    No,
}

/// Commands that neither fetch nor run the project's code, allowed beside
/// a fetch on one line (`cd web && npm ci`, `gh api … | jq -r .name`): shell
/// builtins and text filters that only read their input. Such a line only
/// fetches; `retry.rs` still loops it only when it is one pipeline (never a
/// `&&`/`||`/`;` list).
const HELPERS: &[&str] = &[
    "cd", "echo", "printf", "export", "true", ":", "set", "mkdir", "jq", "grep", "head", "tail", "sort", "uniq", "wc",
    "cut", "tr", "base64", "cat", "tee",
];

/// One simple command of a line as the fixes read it: its words after quote
/// removal, without leading `VAR=value` assignments and `sudo`, `env`,
/// `time`, `command`, `exec` or a reserved word (`if`, `then`, `do`, `!`).
pub(crate) struct Command<'a> {
    /// The words' text.
    pub words: Vec<&'a str>,
    /// Per word: it is written as its text (no quote, escape or expansion).
    pub plain: Vec<bool>,
    /// Its text in the line, as written (for explanations).
    pub source: &'a str,
    /// Where its text ends in the line.
    pub end: usize,
    /// A word runs a command of its own (`$(…)`, `` `…` ``, `<(…)`).
    pub runs_code: bool,
    /// A word is one unquoted expansion (`$ARGS`), which field splitting may
    /// turn into any words, options included: the options are not known.
    pub opaque: bool,
    /// Appends its output to a file (`>>`, `&>>`, `tee -a`): run again after
    /// a failure, it would repeat what the failed run wrote.
    pub appends: bool,
}

/// The simple commands of a lexed line ([`Command`]).
pub(crate) fn commands<'a>(line: &'a str, lexed: &'a Lexed) -> Vec<Command<'a>> {
    lexed
        .commands
        .iter()
        .filter_map(|c| {
            let mut words = c.words.as_slice();
            while let Some(first) = words.first() {
                let prefix = !first.quoted
                    && (matches!(
                        first.text.as_str(),
                        "sudo"
                            | "env"
                            | "time"
                            | "command"
                            | "exec"
                            | "if"
                            | "then"
                            | "else"
                            | "elif"
                            | "do"
                            | "while"
                            | "until"
                            | "!"
                            | "{"
                    ) || shell_lex::is_assignment(&first.text));
                if !prefix {
                    break;
                }
                words = &words[1..];
            }
            // `for x in …`, `case … in`, `}`, `fi`, `[[ … ]]`: no command
            // to read (the line is flagged compound).
            let first = words.first()?;
            if !first.quoted && RESERVED.contains(&first.text.as_str()) {
                return None;
            }
            let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
            let end = words
                .iter()
                .map(|w| w.span.end)
                .chain(c.redirects.iter().map(|r| r.target.span.end))
                .max()
                .unwrap_or(first.span.end);
            let tee_append =
                shell_lex::program_name(texts[0]) == "tee" && texts.iter().any(|w| matches!(*w, "-a" | "--append"));
            Some(Command {
                runs_code: c.words.iter().any(|w| w.runs_code) || c.redirects.iter().any(|r| r.target.runs_code),
                opaque: words.iter().any(|w| w.bare_expansion),
                appends: tee_append
                    || c.redirects
                        .iter()
                        .any(|r| r.op.ends_with(">>") && !r.op.starts_with(|d: char| d.is_ascii_digit() && d != '1')),
                plain: words.iter().map(|w| !w.quoted && !w.expands).collect(),
                words: texts,
                source: line.get(first.span.start..end).unwrap_or_default(),
                end,
            })
        })
        .collect()
}

/// How `line` talks to `service`.
pub(crate) fn talk(line: &str, service: RateLimitService) -> Talk {
    let lexed = match shell_lex::lex(line) {
        Ok(l) => l,
        Err(_) if names_tool(line, service) => return Talk::Unreadable(line.trim().to_string()),
        Err(_) => return Talk::No,
    };
    let mut fetches = false;
    let mut other: Option<String> = None;
    let mut write: Option<String> = None;
    let mut foreign = lexed.compound || lexed.heredoc;
    for cmd in commands(line, &lexed) {
        let words = &cmd.words;
        if writes(&cmd) {
            write.get_or_insert_with(|| cmd.source.to_string());
        } else if fetches_from(words, service) {
            fetches = true;
            foreign |= cmd.runs_code || cmd.appends;
        } else if uses_tool(words, service) {
            other.get_or_insert_with(|| cmd.source.to_string());
        } else if !HELPERS.contains(&words[0]) || cmd.runs_code || cmd.appends {
            foreign = true;
        }
    }
    if let Some(cmd) = write {
        return Talk::Writes(cmd);
    }
    match (fetches, other) {
        (_, Some(cmd)) => Talk::AlsoRuns(cmd),
        (true, None) if foreign => Talk::AlsoRuns(line.trim().to_string()),
        (true, None) => Talk::FetchesOnly,
        (false, None) => Talk::No,
    }
}

/// A line the lexer does not read names one of the service's tools as a
/// blank-separated word (a command or an argument: the line is unknown, so
/// any mention counts).
fn names_tool(line: &str, service: RateLimitService) -> bool {
    line.split(|c: char| c.is_whitespace() || "'\"`$();|&".contains(c))
        .filter(|w| !w.is_empty())
        .any(|w| {
            uses_tool(&[w], service)
                || (matches!(
                    service,
                    RateLimitService::GithubRestPrimary | RateLimitService::GithubRestSecondary
                ) && matches!(shell_lex::program_name(w), "curl" | "wget"))
        })
}

/// The line uses one of the service's tools at all (to find the step that
/// talked to the service when the log does not name it).
pub(crate) fn uses_service(line: &str, service: RateLimitService) -> bool {
    let Ok(lexed) = shell_lex::lex(line) else {
        return false;
    };
    commands(line, &lexed)
        .iter()
        .any(|c| fetches_from(&c.words, service) || uses_tool(&c.words, service))
}

/// The program (`npm`, `mvnw`, `pip`) of the line's first command that uses
/// the service's tools.
pub(crate) fn tool_program(line: &str, service: RateLimitService) -> Option<String> {
    let lexed = shell_lex::lex(line).ok()?;
    commands(line, &lexed)
        .iter()
        .find(|c| fetches_from(&c.words, service) || uses_tool(&c.words, service))
        .map(|c| shell_lex::program_name(c.words[0]).to_string())
}

/// The program of the step's first command that uses the service's tools
/// (`npm`, `pip`, `./mvnw` → `mvnw`).
pub(crate) fn step_tool(step: &Step<'_>, service: RateLimitService) -> Option<String> {
    let script = step.run().and_then(Node::as_str)?;
    script.lines().find_map(|l| tool_program(l, service))
}

/// Words after the program that are not options (`-x`, `--y`).
fn operands<'w>(words: &'w [&'w str]) -> impl Iterator<Item = &'w str> + 'w {
    words.iter().skip(1).copied().filter(|w| !w.starts_with('-'))
}

/// The command uses the service's client tool (whatever it does).
fn uses_tool(words: &[&str], service: RateLimitService) -> bool {
    let prog = shell_lex::program_name(words[0]);
    let python_pip = matches!(prog, "python" | "python3" | "py") && words.get(1..3) == Some(&["-m", "pip"][..]);
    match service {
        RateLimitService::Npm => matches!(prog, "npm" | "npx" | "yarn" | "pnpm" | "pnpx" | "corepack"),
        RateLimitService::Pypi => {
            python_pip
                || matches!(
                    prog,
                    "pip" | "pip3" | "uv" | "uvx" | "poetry" | "pipx" | "pipenv" | "pdm"
                )
        }
        RateLimitService::MavenCentral => matches!(prog, "mvn" | "mvnw" | "gradle" | "gradlew" | "sbt"),
        RateLimitService::GradlePluginPortal => matches!(prog, "gradle" | "gradlew"),
        RateLimitService::CratesIo => prog == "cargo",
        RateLimitService::AptMirror => matches!(prog, "apt-get" | "apt" | "add-apt-repository"),
        RateLimitService::GoProxy => prog == "go",
        RateLimitService::NuGet => matches!(prog, "dotnet" | "nuget" | "nuget.exe" | "msbuild"),
        // Only the wrapper downloads a distribution.
        RateLimitService::GradleDistributions => prog == "gradlew",
        RateLimitService::RubyGems => matches!(prog, "bundle" | "bundler" | "gem"),
        RateLimitService::Packagist => matches!(prog, "composer" | "composer.phar"),
        RateLimitService::HexPm => prog == "mix",
        RateLimitService::HuggingFaceHub => false,
        RateLimitService::DockerHub | RateLimitService::Ghcr | RateLimitService::Quay | RateLimitService::EcrPublic => {
            matches!(prog, "docker" | "podman" | "docker-compose")
        }
        RateLimitService::GithubRestPrimary | RateLimitService::GithubRestSecondary => {
            prog == "gh" || calls_github_api(words)
        }
        RateLimitService::Other => false,
    }
}

/// `curl`/`wget` talk to the GitHub REST API only when the command names it
/// (a download from elsewhere is not what the limit refused).
fn calls_github_api(words: &[&str]) -> bool {
    matches!(shell_lex::program_name(words[0]), "curl" | "wget")
        && words
            .iter()
            .any(|w| w.contains("api.github.com") || w.contains("GITHUB_API_URL"))
}

/// The command does nothing but download from the service (installing what
/// it downloaded counts: that is what a package manager's install is).
fn fetches_from(words: &[&str], service: RateLimitService) -> bool {
    let prog = shell_lex::program_name(words[0]);
    let mut ops = operands(words);
    let (a, b) = (ops.next(), ops.next());
    match service {
        RateLimitService::Npm => match prog {
            "npm" => matches!(a, Some("ci" | "install" | "i" | "add" | "update")),
            // A bare `yarn` installs.
            "yarn" => matches!(a, None | Some("install" | "add")),
            "pnpm" => matches!(a, Some("install" | "i" | "add" | "fetch")),
            _ => false,
        },
        RateLimitService::Pypi => {
            let pip_verb = |v: Option<&str>| matches!(v, Some("install" | "download"));
            match prog {
                "pip" | "pip3" => pip_verb(a),
                // `python -m pip install …`: the operands are `pip`, then the verb.
                "python" | "python3" | "py" => words.get(1) == Some(&"-m") && a == Some("pip") && pip_verb(b),
                "uv" => {
                    matches!((a, b), (Some("pip"), Some("install" | "sync")) | (Some("sync"), _))
                        || (a == Some("tool") && b == Some("install"))
                }
                "poetry" | "pipx" => a == Some("install"),
                "pipenv" | "pdm" => matches!(a, Some("install" | "sync")),
                _ => false,
            }
        }
        RateLimitService::MavenCentral => matches!(prog, "mvn" | "mvnw") && maven_resolves_only(words),
        RateLimitService::CratesIo => {
            prog == "cargo"
                && matches!(
                    a,
                    Some("fetch" | "install" | "update" | "generate-lockfile" | "binstall")
                )
        }
        RateLimitService::AptMirror => {
            matches!(prog, "apt-get" | "apt")
                && matches!(a, Some("update" | "install" | "upgrade" | "dist-upgrade" | "download"))
        }
        RateLimitService::GoProxy => {
            prog == "go"
                && matches!(
                    (a, b),
                    (Some("mod"), Some("download" | "tidy" | "vendor" | "verify"))
                        | (Some("work"), Some("sync" | "vendor"))
                        | (Some("get" | "install"), _)
                )
        }
        RateLimitService::NuGet => match prog {
            "dotnet" => a == Some("restore") || (a == Some("tool") && b == Some("restore")),
            "nuget" | "nuget.exe" => matches!(a, Some("restore" | "install")),
            _ => false,
        },
        // Bundler's install (a bare `bundle` installs) and `gem install`;
        // `bundle exec` runs the project.
        RateLimitService::RubyGems => match prog {
            "bundle" | "bundler" => matches!(a, None | Some("install")),
            "gem" => a == Some("install"),
            _ => false,
        },
        // Composer's install and update resolve and download; `require`
        // also edits composer.json, `run-script`/`exec` run the project.
        RateLimitService::Packagist => {
            matches!(prog, "composer" | "composer.phar") && matches!(a, Some("install" | "update"))
        }
        // `mix deps.get` fetches the lock's packages (Hex's `Hex.SCM`);
        // every other task compiles or runs the project.
        RateLimitService::HexPm => prog == "mix" && a == Some("deps.get"),
        RateLimitService::HuggingFaceHub => false,
        // `./gradlew --version` downloads the distribution and runs nothing.
        RateLimitService::GradleDistributions => {
            prog == "gradlew" && words.len() > 1 && words[1..].iter().all(|w| matches!(*w, "--version" | "-v"))
        }
        RateLimitService::DockerHub | RateLimitService::Ghcr | RateLimitService::Quay | RateLimitService::EcrPublic => {
            pulls_from(words, service)
        }
        // Reads only: `talk` has already set every write apart ([`writes`]).
        RateLimitService::GithubRestPrimary | RateLimitService::GithubRestSecondary => {
            uses_tool(words, service) && (prog != "gh" || gh_reads_only(words))
        }
        RateLimitService::GradlePluginPortal | RateLimitService::Other => false,
    }
}

/// `gh` subcommands that only read from GitHub (the GitHub CLI manual: each
/// of them views, lists, downloads or clones, and none takes an option that
/// changes anything there). Every other `gh` command (`release create`,
/// `pr merge`, `issue comment`, `workflow run`, an extension) counts as a
/// write. Left out too: the commands whose exit status is an answer, which
/// a loop would retry as if it were a refusal (`gh pr checks` exits 8 while
/// checks are pending and 1 when one failed; `gh run watch` waits for a run;
/// `gh auth status` fails when not logged in; `--exit-status` makes `gh run
/// view`/`watch` fail when the run failed): looped only on the secondary
/// limit's own refusal, like a write.
const GH_READS: &[(&str, &[&str])] = &[
    ("release", &["download", "view", "list"]),
    ("run", &["download", "view", "list"]),
    ("pr", &["view", "list", "diff", "status"]),
    ("issue", &["view", "list", "status"]),
    ("repo", &["clone", "view", "list"]),
    ("workflow", &["view", "list"]),
    ("cache", &["list"]),
    ("label", &["list"]),
    ("search", &["repos", "issues", "prs", "code", "commits"]),
];

/// `gh …` only reads: a subcommand of [`GH_READS`], or a `gh api` request
/// whose method is GET or HEAD.
fn gh_reads_only(words: &[&str]) -> bool {
    match words.get(1..) {
        Some(["api", args @ ..]) => gh_api_reads_only(args),
        Some([group, verb, rest @ ..]) => {
            GH_READS.iter().any(|(g, verbs)| g == group && verbs.contains(verb)) && !rest.contains(&"--exit-status")
        }
        _ => false,
    }
}

/// The `gh api` request is a GET or HEAD. The GitHub CLI manual: the method
/// is GET unless `-X/--method` names another, and any parameter
/// (`-f/--raw-field`, `-F/--field`) or request body (`--input`) switches it
/// to POST. A GraphQL request is a POST whose body says whether it is a
/// query or a mutation: not read. An option this does not know: not read.
fn gh_api_reads_only(args: &[&str]) -> bool {
    let mut method: Option<&str> = None;
    let mut fields = false;
    let mut endpoint = None;
    let mut i = 0;
    while i < args.len() {
        let w = args[i];
        i += 1;
        let (name, inline) = option_parts(w);
        let mut value = || inline.or_else(|| (i < args.len()).then(|| (args[i], i += 1).0));
        match name {
            "-X" | "--method" => method = value(),
            "-f" | "-F" | "--raw-field" | "--field" | "--input" => {
                fields = true;
                value();
            }
            "-H" | "--header" | "-q" | "--jq" | "-t" | "--template" | "-p" | "--preview" | "--hostname" | "--cache" => {
                if value().is_none() {
                    return false;
                }
            }
            "--paginate" | "--slurp" | "-i" | "--include" | "--silent" | "--verbose" if inline.is_none() => {}
            _ if w.starts_with('-') => return false,
            _ if endpoint.is_none() => endpoint = Some(w),
            _ => return false,
        }
    }
    let reads = match method {
        Some(m) => m.eq_ignore_ascii_case("GET") || m.eq_ignore_ascii_case("HEAD"),
        None => !fields,
    };
    reads && endpoint.is_some_and(|e| e != "graphql")
}

/// `gh` commands that write and may be sent again once GitHub refused them
/// with its secondary limit. Each, per the GitHub CLI manual, either makes
/// its change in one request after any reads, so a refused request left
/// nothing done (`issue comment`, `pr comment`, `pr review`, `workflow run`,
/// `run rerun`, `run cancel`; `issue create` without `--project`, whose
/// labels, assignees and milestone go in the one create request), or sets a
/// state that a second run leaves as it is (`edit`, `close`, `reopen`,
/// `ready`, `secret set`, `variable set`), or creates what GitHub keeps
/// unique, so a second run after a partly done first one is refused, not
/// doubled (`release create` by tag, with no asset and no `--draft`
/// ([`release_create_is_one_request`]), `pr create` by head branch, `label
/// create` by name, `release upload` by asset name).
const GH_REPEATABLE_WRITES: &[(&str, &[&str])] = &[
    ("issue", &["comment", "create", "edit", "close", "reopen"]),
    (
        "pr",
        &["comment", "create", "edit", "close", "reopen", "ready", "review"],
    ),
    ("release", &["create", "upload", "edit"]),
    ("label", &["create", "edit"]),
    ("workflow", &["run"]),
    ("run", &["rerun", "cancel"]),
    ("secret", &["set"]),
    ("variable", &["set"]),
];

/// Whether the line may be looped on the GitHub secondary limit's refusal
/// alone (`retry.rs` re-runs it only when its error output carries
/// [`autoheal_logs::classify::catalogue::SECONDARY_LIMIT_REFUSALS`]): it is
/// one `gh` command that writes, alone on its line (no list, pipeline,
/// substitution, heredoc or compound command, so the error output is
/// `gh`'s and nothing else runs again), of a kind a refusal leaves undone
/// or a repeat cannot double ([`GH_REPEATABLE_WRITES`], or one `gh api`
/// request), with its error output not redirected (it is what is read) and
/// no output appended to a file. `Err` says why not.
pub(crate) fn repeatable_write(line: &str) -> Result<(), String> {
    let lexed = shell_lex::lex(line).map_err(|e| format!("it is not shell autoheal reads with confidence ({e})"))?;
    if lexed.compound || lexed.heredoc {
        return Err("it is part of a compound command or feeds a heredoc".into());
    }
    let commands = commands(line, &lexed);
    let ([cmd], [raw]) = (commands.as_slice(), lexed.commands.as_slice()) else {
        return Err("it runs more than one command, which a repeat would also run again".into());
    };
    let rest = &line[cmd.end..];
    if !rest.trim_start().is_empty() && !rest.trim_start().starts_with('#') {
        return Err("it ends with an operator".into());
    }
    if cmd.runs_code || cmd.appends {
        return Err("it runs a command of its own (`$(…)`) or appends to a file".into());
    }
    let stderr_moved = raw
        .redirects
        .iter()
        .any(|r| r.op.starts_with('2') || r.op.starts_with('&') || (r.op.starts_with(">&") && r.target.text != "1"));
    if stderr_moved {
        return Err("its error output is redirected, so GitHub's answer cannot be read".into());
    }
    // GitHub puts a `${{ }}` value in the script before the shell runs: event
    // data an outsider writes (an issue title) could carry the refusal text
    // into an error message and buy itself more attempts.
    if audit::expressions(line)
        .iter()
        .any(|(_, e)| !autoheal_expr::untrusted_inputs(e).is_empty())
    {
        return Err("it holds event data an outsider controls (`${{ }}`), which could fake GitHub's answer".into());
    }
    let words = cmd.words.as_slice();
    if shell_lex::program_name(words[0]) != "gh" || !cmd.plain[0] {
        return Err("only a `gh` command's refusal is read from its output".into());
    }
    // `$ARGS` may hold any options: it matters where an option decides
    // (`gh api`'s method, `gh issue create --project`), not elsewhere.
    let named = cmd.plain.iter().skip(1).take(2).all(|p| *p);
    let repeatable = match &words[1..] {
        _ if !named => false,
        ["api", args @ ..] => !cmd.opaque && !args.iter().any(|w| matches!(*w, "--paginate" | "--slurp")),
        ["issue", "create", args @ ..] => {
            !cmd.opaque && !args.iter().any(|w| matches!(option_parts(w).0, "-p" | "--project"))
        }
        ["release", "create", _, ..] if cmd.opaque => false,
        ["release", "create", args @ ..] => return release_create_is_one_request(args),
        [group, verb, ..] => GH_REPEATABLE_WRITES
            .iter()
            .any(|(g, verbs)| g == group && verbs.contains(verb)),
        _ => false,
    };
    if repeatable {
        Ok(())
    } else {
        Err("it may make several changes, and a refusal of a later one would repeat an earlier one".into())
    }
}

/// `gh release create` sends one request (the release, published) only
/// with no asset operand and no `--draft`. With assets, gh makes the release
/// as a draft, uploads them, then publishes it (the GitHub CLI manual; its
/// pull request cli/cli#6493 checks first only for a *published* release of
/// the tag), and GitHub keeps draft releases apart even when they share a
/// tag: a refused upload leaves a draft behind, and the repeat would make a
/// second one. The options are the manual's; an option it does not list:
/// not repeatable.
fn release_create_is_one_request(args: &[&str]) -> Result<(), String> {
    const WITH_VALUE: &[&str] = &[
        "-t",
        "--title",
        "-n",
        "--notes",
        "-F",
        "--notes-file",
        "--target",
        "--discussion-category",
        "--notes-start-tag",
        "-R",
        "--repo",
    ];
    const FLAGS: &[&str] = &[
        "-p",
        "--prerelease",
        "--latest",
        "--generate-notes",
        "--verify-tag",
        "--notes-from-tag",
        "--fail-on-no-commits",
    ];
    let draft = || {
        Err(
            "`gh release create` with assets or `--draft` makes a draft release first, and GitHub keeps drafts apart \
             even for one tag, so a repeat after a refused upload would leave a second draft"
                .to_string(),
        )
    };
    let mut operands = 0;
    let mut i = 0;
    while i < args.len() {
        let w = args[i];
        i += 1;
        let (name, inline) = option_parts(w);
        if WITH_VALUE.contains(&name) {
            if inline.is_none() {
                i += 1;
            }
        } else if FLAGS.contains(&name) && (inline.is_none() || name.starts_with("--")) {
        } else if w.starts_with('-') {
            return draft();
        } else {
            operands += 1;
        }
    }
    if operands > 1 { draft() } else { Ok(()) }
}

/// `--name=value` → (`--name`, `value`); `-Xvalue` → (`-X`, `value`);
/// anything else whole.
fn option_parts(word: &str) -> (&str, Option<&str>) {
    if word.starts_with("--") {
        return match word.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (word, None),
        };
    }
    match word.char_indices().nth(2) {
        Some((at, _)) if word.starts_with('-') => (&word[..at], Some(&word[at..])),
        _ => (word, None),
    }
}

/// The `curl`/`wget` command sends something (curl's manual: `-X/--request`
/// with a method other than GET or HEAD, `-d/--data*` and `--json` unless
/// `-G/--get` turns the data into a query, `-F/--form*`, `-T/--upload-file`;
/// wget's: `--method`, `--post-data/--post-file`, `--body-data/--body-file`).
/// Short options may be grouped (`-sXPOST`, `-sd@a.json`): a group with one
/// of those letters counts (a value inside a group may add a false alarm,
/// never hide a write).
fn http_client_writes(words: &[&str]) -> bool {
    let read_method = |m: &str| m.eq_ignore_ascii_case("GET") || m.eq_ignore_ascii_case("HEAD");
    match shell_lex::program_name(words[0]) {
        "curl" => {
            let get = words.iter().any(|w| matches!(*w, "-G" | "--get"));
            let mut args = words[1..].iter();
            while let Some(w) = args.next() {
                let (name, inline) = option_parts(w);
                let data = name.starts_with("--data") || name == "--json";
                let body = name.starts_with("--form") || name == "--upload-file";
                if (data && !get) || body {
                    return true;
                }
                if name == "--request" && !inline.or_else(|| args.next().copied()).is_some_and(read_method) {
                    return true;
                }
                if w.starts_with('-') && !w.starts_with("--") {
                    let group = &w[1..];
                    if group.contains(['F', 'T']) || (group.contains('d') && !get) {
                        return true;
                    }
                    if let Some(at) = group.find('X') {
                        let rest = &group[at + 1..];
                        let m = if rest.is_empty() {
                            args.next().copied()
                        } else {
                            Some(rest)
                        };
                        if !m.is_some_and(read_method) {
                            return true;
                        }
                    }
                }
            }
            false
        }
        "wget" => words[1..].iter().any(|w| {
            let (name, inline) = option_parts(w);
            matches!(name, "--post-data" | "--post-file" | "--body-data" | "--body-file")
                || (name == "--method" && !inline.is_some_and(read_method))
        }),
        _ => false,
    }
}

/// The command writes somewhere, whatever the limited service: it creates,
/// changes, publishes or uploads something (each from the tool's own
/// manual: `npm publish`, `twine upload`, `docker push`, `cargo publish`,
/// `mvn deploy`, `git push`, `aws s3 cp … s3://…`, a `gh` command that is
/// not a read, an HTTP client sending data). A `gh api` or HTTP client
/// command with a word whose value is known only when it runs (`$ARGS`,
/// `$(…)`) counts as a write: its options cannot be read.
fn writes(cmd: &Command<'_>) -> bool {
    let words = cmd.words.as_slice();
    let unreadable = cmd.opaque || cmd.runs_code;
    let prog = shell_lex::program_name(words[0]);
    let mut ops = operands(words);
    let (a, b) = (ops.next(), ops.next());
    let last = words.last().copied().unwrap_or_default();
    match prog {
        // `gh api`'s method and fields are options; any other `gh` command
        // is told by its group and verb alone.
        "gh" if words.get(1) == Some(&"api") => unreadable || !gh_reads_only(words),
        "gh" => !(cmd.plain.iter().skip(1).take(2).all(|p| *p) && gh_reads_only(words)),
        "curl" | "wget" => unreadable || http_client_writes(words),
        "npm" | "pnpm" => matches!(
            a,
            Some("publish" | "unpublish" | "deprecate" | "dist-tag" | "owner" | "access")
        ),
        "yarn" => a == Some("publish") || (a == Some("npm") && b == Some("publish")),
        "twine" => a == Some("upload"),
        "uv" | "poetry" | "pdm" | "flit" | "hatch" => a == Some("publish"),
        "docker" | "podman" => {
            a == Some("push")
                || (matches!(a, Some("image" | "manifest" | "compose")) && b == Some("push"))
                || words
                    .iter()
                    .any(|w| *w == "--push" || w.starts_with("--output=type=registry"))
        }
        "docker-compose" => a == Some("push"),
        "cargo" => matches!(a, Some("publish" | "yank" | "owner")),
        "mvn" | "mvnw" => words[1..]
            .iter()
            .any(|w| *w == "deploy" || w.ends_with(":deploy") || w.ends_with(":deploy-file")),
        "gradle" | "gradlew" => words[1..]
            .iter()
            .any(|w| w.trim_start_matches(':').starts_with("publish")),
        "dotnet" => a == Some("nuget") && matches!(b, Some("push" | "delete")),
        "nuget" | "nuget.exe" => matches!(a, Some("push" | "delete")),
        "git" => matches!(a, Some("push")),
        "aws" => {
            a == Some("s3")
                && (matches!(b, Some("rm" | "mb" | "rb"))
                    || (matches!(b, Some("cp" | "mv" | "sync")) && last.starts_with("s3://")))
        }
        "gsutil" => (matches!(a, Some("cp" | "mv" | "rsync")) && last.starts_with("gs://")) || a == Some("rm"),
        _ => false,
    }
}

/// Maven options that take the next word as their value.
const MAVEN_VALUE_OPTIONS: &[&str] = &[
    "-f",
    "--file",
    "-P",
    "--activate-profiles",
    "-pl",
    "--projects",
    "-T",
    "--threads",
    "-s",
    "--settings",
    "-gs",
    "--global-settings",
    "-t",
    "--toolchains",
    "-rf",
    "--resume-from",
    "-l",
    "--log-file",
    "-D",
    "--define",
];

/// Goals of the dependency plugin that only resolve and download.
const RESOLVE_GOALS: &[&str] = &[
    "go-offline",
    "resolve",
    "resolve-plugins",
    "resolve-sources",
    "tree",
    "get",
    "list",
];

/// Every goal of the `mvn` command is a resolve-only goal of the dependency
/// plugin (`dependency:go-offline`, or the full
/// `org.apache.maven.plugins:maven-dependency-plugin:3.6.1:go-offline`).
fn maven_resolves_only(words: &[&str]) -> bool {
    let mut goals = Vec::new();
    let mut skip = false;
    for w in &words[1..] {
        if skip {
            skip = false;
        } else if MAVEN_VALUE_OPTIONS.contains(w) {
            skip = true;
        } else if !w.starts_with('-') {
            goals.push(*w);
        }
    }
    !goals.is_empty()
        && goals.iter().all(|g| {
            let parts: Vec<&str> = g.split(':').collect();
            let plugin_ok = match parts.as_slice() {
                ["dependency", _] => true,
                [_, plugin, ..] => *plugin == "maven-dependency-plugin",
                _ => false,
            };
            plugin_ok && parts.last().is_some_and(|goal| RESOLVE_GOALS.contains(goal))
        })
}

/// `docker pull REF`, `docker image pull REF`, `podman pull REF` with a
/// literal reference on the service's registry; `docker compose pull` only
/// for Docker Hub (the compose file's images are not on the line, and an
/// image without a registry host is Docker Hub's).
fn pulls_from(words: &[&str], service: RateLimitService) -> bool {
    let prog = shell_lex::program_name(words[0]);
    let rest: Vec<&str> = words[1..].to_vec();
    let after_pull: Option<&[&str]> = match (prog, rest.as_slice()) {
        ("docker" | "podman", ["pull", tail @ ..]) | ("docker" | "podman", ["image", "pull", tail @ ..]) => Some(tail),
        ("docker", ["compose", tail @ ..]) | ("docker-compose", tail) => {
            let verb = tail.iter().find(|w| !w.starts_with('-'));
            return verb == Some(&"pull") && service == RateLimitService::DockerHub;
        }
        _ => None,
    };
    let Some(tail) = after_pull else { return false };
    let mut skip = false;
    let mut image = None;
    for w in tail {
        if skip {
            skip = false;
        } else if *w == "--platform" {
            skip = true;
        } else if !w.starts_with('-') {
            image = Some(*w);
            break;
        }
    }
    image
        .filter(|i| is_image_reference(i))
        .and_then(registry_of)
        .is_some_and(|r| r == service)
}

/// `docker run` options that take the next word as their value (the
/// reference's "Options" table); a run with an option outside these and
/// [`RUN_FLAGS`] is not read.
const RUN_VALUE_OPTIONS: &[&str] = &[
    "-e",
    "--env",
    "--env-file",
    "-v",
    "--volume",
    "-p",
    "--publish",
    "--name",
    "-w",
    "--workdir",
    "--network",
    "--net",
    "--entrypoint",
    "-u",
    "--user",
    "--platform",
    "--mount",
    "-l",
    "--label",
    "--cpus",
    "-m",
    "--memory",
    "--shm-size",
    "--add-host",
    "--device",
    "--cap-add",
    "--cap-drop",
    "--security-opt",
    "--tmpfs",
    "--ulimit",
    "--gpus",
    "-h",
    "--hostname",
    "--restart",
    "--log-driver",
    "--volumes-from",
    "--ipc",
    "--pid",
    "--cidfile",
    "--pull",
];

/// `docker run` options without a value.
const RUN_FLAGS: &[&str] = &[
    "--rm",
    "-d",
    "--detach",
    "-i",
    "--interactive",
    "-t",
    "--tty",
    "-it",
    "-ti",
    "--privileged",
    "--init",
    "-P",
    "--publish-all",
    "--read-only",
    "-q",
    "--quiet",
];

/// For a line that is one `docker run … IMAGE …` (or `podman run`, `docker
/// container run`) with a literal image on the service's registry: the
/// `pull` of that image (with the run's `--platform`). A retry may wrap the
/// pull before the run: the run then finds the image locally (its default
/// `--pull=missing`) and is not itself run again. `None` with
/// `--pull=always`/`never` or an option this does not know.
pub(crate) fn pull_before_run(line: &str, service: RateLimitService) -> Option<String> {
    let lexed = shell_lex::lex(line).ok()?;
    if lexed.compound || lexed.heredoc {
        return None;
    }
    let commands = commands(line, &lexed);
    let [cmd] = commands.as_slice() else { return None };
    // `$OPTS` may hold any options; `$(…)` runs code.
    if cmd.opaque || cmd.runs_code || !cmd.plain[0] {
        return None;
    }
    let words = &cmd.words;
    let prog = shell_lex::program_name(words[0]);
    let args: &[&str] = match (prog, &words[1..]) {
        ("docker" | "podman", ["run", rest @ ..]) | ("docker" | "podman", ["container", "run", rest @ ..]) => rest,
        _ => return None,
    };
    // What is copied into the pull is written out in the line.
    let offset = words.len() - args.len();
    let plain = |i: usize| cmd.plain[offset + i];
    let mut platform = None;
    let mut i = 0;
    while i < args.len() {
        let w = args[i];
        let (name, inline) = match w.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (w, None),
        };
        if !w.starts_with('-') {
            let image = w;
            if !plain(i) || !is_image_reference(image) || registry_of(image) != Some(service) {
                return None;
            }
            let platform = platform.map(|p| format!("--platform {p} ")).unwrap_or_default();
            return Some(format!("{prog} pull {platform}{image}"));
        }
        if RUN_FLAGS.contains(&name) {
            i += 1;
            continue;
        }
        if !RUN_VALUE_OPTIONS.contains(&name) {
            return None;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                *args.get(i)?
            }
        };
        match name {
            "--pull" if value != "missing" => return None,
            // `os/arch[/variant]`: nothing else is copied into the pull.
            "--platform"
                if plain(i)
                    && !value.is_empty()
                    && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"._/-".contains(&b)) =>
            {
                platform = Some(value)
            }
            "--platform" => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// `image` is a reference in Docker's grammar (`distribution/reference`):
/// `[host[:port]/]path[:tag][@algorithm:hex]`, where the path's components
/// are lowercase letters and digits joined by `.`, `_`, `__` or dashes, a
/// tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}` and a digest's hex part has
/// at least 32 digits. Whatever else a word of a script holds (a quote, a
/// `$`, a `=`) is no image.
pub(crate) fn is_image_reference(image: &str) -> bool {
    let (name_tag, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    if let Some(d) = digest {
        let Some((algorithm, hex)) = d.split_once(':') else {
            return false;
        };
        let algorithm_ok = algorithm.starts_with(|c: char| c.is_ascii_alphabetic())
            && algorithm
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_+.".contains(&b));
        if !algorithm_ok || hex.len() < 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
    }
    // A tag follows the last `:` after the last `/` (a `:` before it is a port).
    let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_tag[last_slash..].rfind(':') {
        Some(i) => (&name_tag[..last_slash + i], Some(&name_tag[last_slash + i + 1..])),
        None => (name_tag, None),
    };
    if let Some(t) = tag {
        let ok = (1..=128).contains(&t.len())
            && !t.starts_with(['.', '-'])
            && t.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        if !ok {
            return false;
        }
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    let first = parts[0];
    if parts.len() > 1 && (first.contains(['.', ':']) || first == "localhost") {
        let (host, port) = match first.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (first, None),
        };
        let label_ok = |l: &str| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        };
        if !host.split('.').all(label_ok)
            || port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return false;
        }
        parts.remove(0);
    }
    let component_ok = |c: &str| {
        let bytes = c.as_bytes();
        let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
        if bytes.is_empty() || !alnum(bytes[0]) || !alnum(bytes[bytes.len() - 1]) {
            return false;
        }
        // Separators: one `.` or `_`, two `_`, or any run of `-`.
        let mut i = 0;
        while i < bytes.len() {
            if alnum(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && !alnum(bytes[i]) {
                i += 1;
            }
            let sep = &c[start..i];
            if !(matches!(sep, "." | "_" | "__") || sep.bytes().all(|b| b == b'-')) {
                return false;
            }
        }
        true
    };
    !parts.is_empty() && name.len() <= 255 && parts.iter().all(|c| component_ok(c))
}

/// The registry an image reference names, when it is written out (no
/// variable or expression in its host part).
pub(crate) fn registry_of(image: &str) -> Option<RateLimitService> {
    if image.contains('$') || image.is_empty() {
        return None;
    }
    let first = image.split('/').next().unwrap_or(image);
    let has_host = image.contains('/') && (first.contains('.') || first.contains(':') || first == "localhost");
    if !has_host {
        return Some(RateLimitService::DockerHub);
    }
    match first.to_ascii_lowercase().as_str() {
        "docker.io" | "index.docker.io" | "registry-1.docker.io" => Some(RateLimitService::DockerHub),
        "ghcr.io" => Some(RateLimitService::Ghcr),
        "quay.io" => Some(RateLimitService::Quay),
        "public.ecr.aws" => Some(RateLimitService::EcrPublic),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RateLimitService::*;

    #[test]
    fn only_fetching_commands_may_be_retried() {
        for (line, service) in [
            ("npm ci", Npm),
            ("cd web && npm ci --no-audit", Npm),
            ("yarn --frozen-lockfile", Npm),
            ("pnpm install --frozen-lockfile", Npm),
            ("python -m pip install -r requirements.txt", Pypi),
            ("sudo pip3 install tox", Pypi),
            ("uv sync --locked", Pypi),
            ("mvn -B dependency:go-offline", MavenCentral),
            (
                "./mvnw -q -f app/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.6.1:resolve",
                MavenCentral,
            ),
            ("cargo fetch --locked", CratesIo),
            ("sudo apt-get -y install libssl-dev", AptMirror),
            ("go mod download", GoProxy),
            ("bundle install --jobs 4", RubyGems),
            ("bundle", RubyGems),
            ("gem install bundler -v 2.5.23", RubyGems),
            ("composer install --no-interaction --prefer-dist", Packagist),
            ("composer update --prefer-lowest", Packagist),
            ("mix deps.get", HexPm),
            ("mix deps.get --only prod", HexPm),
            ("dotnet restore src/App.sln", NuGet),
            ("dotnet tool restore", NuGet),
            ("./gradlew --version", GradleDistributions),
            ("docker pull python:3.12", DockerHub),
            (
                "docker pull --platform linux/arm64 docker.io/library/redis:7",
                DockerHub,
            ),
            ("podman pull quay.io/acme/base:1", Quay),
            ("docker image pull public.ecr.aws/docker/library/redis:7", EcrPublic),
            ("docker pull ghcr.io/o/img:1", Ghcr),
            ("docker compose pull", DockerHub),
            ("gh api repos/o/r/releases/latest --jq .tag_name", GithubRestSecondary),
            ("gh api --paginate repos/o/r/pulls | jq length", GithubRestSecondary),
            ("gh api -X GET search/issues -f q=repo:o/r", GithubRestSecondary),
            ("gh api --method=HEAD repos/o/r", GithubRestPrimary),
            ("gh release download v1 -p '*.tar.gz'", GithubRestSecondary),
            ("gh release view v1", GithubRestSecondary),
            ("gh release list", GithubRestSecondary),
            ("gh run download 123 -n dist", GithubRestSecondary),
            ("gh run view 123 --log-failed", GithubRestSecondary),
            ("gh pr diff 1", GithubRestSecondary),
            ("gh issue list --label bug", GithubRestSecondary),
            ("gh repo clone o/r", GithubRestSecondary),
            (
                "curl -fsSL -H Accept:application/json https://api.github.com/repos/o/r",
                GithubRestSecondary,
            ),
            (
                "curl -G -d per_page=100 https://api.github.com/repos/o/r/pulls",
                GithubRestSecondary,
            ),
            (
                "wget -q https://api.github.com/repos/o/r/releases/latest",
                GithubRestSecondary,
            ),
        ] {
            assert_eq!(talk(line, service), Talk::FetchesOnly, "{line}");
        }
    }

    #[test]
    fn gh_commands_whose_status_is_an_answer_are_not_plain_fetches() {
        // Their failure is a check's answer (pending or failed checks, a
        // failed run, no login), not a refusal: a loop around them would
        // wait through every attempt on an honest "no".
        for line in [
            "gh pr checks 1",
            "gh pr checks --required",
            "gh run watch 123",
            "gh run watch 123 --exit-status",
            "gh run view 123 --exit-status",
            "gh auth status",
        ] {
            assert_ne!(talk(line, GithubRestSecondary), Talk::FetchesOnly, "{line}");
        }
        assert_eq!(
            talk("gh run view 123 --log-failed", GithubRestSecondary),
            Talk::FetchesOnly
        );
    }

    #[test]
    fn commands_that_also_build_or_test_are_never_retried() {
        for (line, service) in [
            ("mvn -B verify", MavenCentral),
            ("./mvnw test -P it", MavenCentral),
            ("mvn dependency:go-offline verify", MavenCentral),
            ("./gradlew build", MavenCentral),
            ("./gradlew dependencies", GradlePluginPortal),
            ("cargo test --locked", CratesIo),
            ("go test ./...", GoProxy),
            ("go run ./cmd/x", GoProxy),
            ("bundle exec rspec", RubyGems),
            ("gem build app.gemspec", RubyGems),
            ("composer run-script test", Packagist),
            ("composer require --dev phpstan/phpstan", Packagist),
            ("mix deps.compile", HexPm),
            ("mix test", HexPm),
            ("dotnet build -c Release", NuGet),
            ("dotnet test", NuGet),
            ("./gradlew build", GradleDistributions),
            ("npx jest", Npm),
            ("yarn test", Npm),
            ("npm ci && npm test", Npm),
            ("npm ci && make", Npm),
            ("echo $(./run-tests.sh) && npm ci", Npm),
            ("export V=`make version` && npm ci", Npm),
            ("uv run pytest", Pypi),
            ("docker run --rm python:3.12 pytest", DockerHub),
            ("docker build -t app .", DockerHub),
            ("docker compose up -d", DockerHub),
        ] {
            assert!(matches!(talk(line, service), Talk::AlsoRuns(_)), "{line}");
        }
    }

    /// A retry loop re-runs its command after any failure, including one
    /// that came after the write took effect: a write is never looped
    /// (a second release, comment or pull request; a half-done upload).
    #[test]
    fn commands_that_write_are_never_retried() {
        for (line, service) in [
            ("gh release create v1 dist/*", GithubRestSecondary),
            ("gh pr create --fill", GithubRestSecondary),
            ("gh issue comment 1 --body-file note.md", GithubRestSecondary),
            ("gh issue edit 1 --add-label bug", GithubRestSecondary),
            ("gh api -X POST repos/o/r/dispatches", GithubRestSecondary),
            ("gh api -XPOST repos/o/r/dispatches", GithubRestSecondary),
            ("gh api --method PATCH repos/o/r", GithubRestSecondary),
            ("gh api --method=DELETE repos/o/r/git/refs/tags/v1", GithubRestSecondary),
            ("gh api repos/o/r/issues -f title=x", GithubRestSecondary),
            ("gh api repos/o/r/statuses/abc -F state=success", GithubRestSecondary),
            ("gh api repos/o/r/issues --raw-field title=x", GithubRestSecondary),
            ("gh api repos/o/r/releases --input body.json", GithubRestSecondary),
            ("gh api graphql -f query=q", GithubRestSecondary),
            ("gh workflow run deploy.yml", GithubRestSecondary),
            ("gh pr merge --auto --squash 1", GithubRestSecondary),
            ("gh release upload v1 dist/app.tgz", GithubRestSecondary),
            ("gh run rerun 123", GithubRestPrimary),
            ("gh some-extension do", GithubRestSecondary),
            ("gh api repos/o/r && gh release create v1", GithubRestSecondary),
            (
                "curl -X POST https://api.github.com/repos/o/r/issues",
                GithubRestSecondary,
            ),
            (
                "curl -sXPOST https://api.github.com/repos/o/r/dispatches",
                GithubRestSecondary,
            ),
            (
                "curl --request=PATCH https://api.github.com/repos/o/r",
                GithubRestSecondary,
            ),
            (
                "curl -d @body.json https://api.github.com/repos/o/r/issues",
                GithubRestSecondary,
            ),
            ("curl --data-binary @a https://api.github.com/x", GithubRestSecondary),
            ("curl --json {} https://api.github.com/x", GithubRestSecondary),
            ("curl -T app.tgz https://api.github.com/x", GithubRestSecondary),
            ("curl --upload-file a https://api.github.com/x", GithubRestSecondary),
            ("wget --post-data=a=1 https://api.github.com/x", GithubRestSecondary),
            ("wget --method=PUT https://api.github.com/x", GithubRestSecondary),
            ("npm ci && npm publish", Npm),
            ("npm publish --provenance", Npm),
            ("pip install twine && twine upload dist/*", Pypi),
            ("uv publish", Pypi),
            ("poetry publish --build", Pypi),
            ("docker pull node:20 && docker push acme/app:1", DockerHub),
            ("docker push ghcr.io/o/img:1", Ghcr),
            ("docker buildx build --push -t ghcr.io/o/img:1 .", Ghcr),
            ("cargo fetch && cargo publish", CratesIo),
            ("mvn -B deploy", MavenCentral),
            ("./gradlew publish", MavenCentral),
            ("dotnet restore && dotnet nuget push out/*.nupkg", NuGet),
            ("npm ci && curl -d @r.json https://example.org/hook", Npm),
            ("npm ci && aws s3 cp out s3://bucket/key", Npm),
            ("go mod download && git push origin HEAD", GoProxy),
        ] {
            assert!(
                matches!(talk(line, service), Talk::Writes(_)),
                "{line}: {:?}",
                talk(line, service)
            );
        }
    }

    /// Words are split as the shell splits them: a quoted header or jq
    /// filter is one word, so the request's method and fields are read.
    #[test]
    fn quoted_words_are_read_whole() {
        for line in [
            r#"gh api -H "Accept: application/vnd.github+json" repos/o/r"#,
            r#"gh api -H 'X-GitHub-Api-Version: 2022-11-28' "repos/$GITHUB_REPOSITORY/releases/latest" --jq .tag_name"#,
            r#"gh api repos/o/r/pulls --jq '.[] | select(.draft) | .number' 2>&1"#,
            "gh api repos/o/r > out.json # then -X POST",
            r#"gh release download "v 1" -p '*.tar.gz'"#,
            "gh pr view $PR_NUMBER --json labels -q '.labels[].name'",
            r#"curl -fsSL -H "Authorization: Bearer $GH_TOKEN" https://api.github.com/repos/o/r"#,
        ] {
            assert_eq!(talk(line, GithubRestSecondary), Talk::FetchesOnly, "{line}");
        }
        for line in [
            r#"gh api -f "body=a -X GET" repos/o/r/issues"#,
            r#"gh api -H "Accept: x" -X POST repos/o/r/dispatches"#,
            "gh api $ARGS repos/o/r",
            "gh $GROUP view 1",
            r#"gh api "$(./endpoint.sh)""#,
            "if [ -n \"$V\" ]; then gh release create \"$V\"; fi",
            r#"curl -H "A: b" --data-raw '{"a": 1}' https://api.github.com/x"#,
        ] {
            assert!(matches!(talk(line, GithubRestSecondary), Talk::Writes(_)), "{line}");
        }
        for line in [
            r#"gh api repos/o/r --jq .name >> "$GITHUB_OUTPUT""#,
            "gh api --paginate repos/o/r/pulls | tee -a pulls.json",
            "(cd web && npm ci)",
            "npm ci --prefix $(./dir.sh)",
        ] {
            let service = if line.contains("npm") { Npm } else { GithubRestSecondary };
            assert!(matches!(talk(line, service), Talk::AlsoRuns(_)), "{line}");
        }
        assert_eq!(talk("npm ci # && npm test", Npm), Talk::FetchesOnly);
        assert_eq!(talk("echo 'a && npm test' && npm ci 2>&1", Npm), Talk::FetchesOnly);
        assert!(matches!(
            talk("gh api \"repos/o/r", GithubRestSecondary),
            Talk::Unreadable(_)
        ));
        assert_eq!(talk("echo 'unterminated", GithubRestSecondary), Talk::No);
    }

    proptest::proptest! {
        /// Any line, for any service: an answer, never a panic; a line that
        /// only fetches always uses the service's tools.
        #[test]
        fn any_line_is_read_without_panic(line in "[ -~\t]{0,80}", i in 0usize..16) {
            let service = RateLimitService::ALL[i % RateLimitService::ALL.len()];
            let talk = talk(&line, service);
            if talk == Talk::FetchesOnly {
                proptest::prop_assert!(uses_service(&line, service));
            }
            if let Some(pull) = pull_before_run(&line, service) {
                let image = pull.rsplit(' ').next().unwrap_or_default();
                proptest::prop_assert!(is_image_reference(image), "{pull}");
            }
            let _ = tool_program(&line, service);
        }
    }

    #[test]
    fn a_run_is_preceded_by_a_pull_of_its_image() {
        assert_eq!(
            pull_before_run(
                "docker run --rm -e A=1 -v \"$PWD:/w\" -w /w node:20 npm test",
                DockerHub
            )
            .as_deref(),
            Some("docker pull node:20")
        );
        assert_eq!(
            pull_before_run("docker run --platform=linux/arm64 -it quay.io/a/b:1 sh", Quay).as_deref(),
            Some("docker pull --platform linux/arm64 quay.io/a/b:1")
        );
        for no in [
            "docker run node:20 && docker run node:22",
            "docker run --pull always node:20",
            "docker run --some-new-flag node:20",
            "docker run quay.io/a/b:1",
            "docker run $IMAGE",
            "docker run --platform=$(./arch.sh) node:20",
            // An Actions expression is one word: read by blanks, `-v ${{`
            // took `${{` and the next word, `github.workspace`, passed for
            // a Docker Hub image to pull.
            "docker run --rm -v ${{ github.workspace }}/src:/src ${{ env.IMAGE_TAG }} --check",
        ] {
            assert_eq!(pull_before_run(no, DockerHub), None, "{no}");
        }
    }

    #[test]
    fn image_references_follow_dockers_grammar() {
        for yes in [
            "node:20",
            "python:3.12-slim",
            "library/redis",
            "docker.io/library/redis:7",
            "localhost:5000/a/b",
            "quay.io/a/b-c__d.e:1.0_rc",
            "ghcr.io/o/img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        ] {
            assert!(is_image_reference(yes), "{yes}");
        }
        for no in [
            "",
            "NODE:20",
            "B=2",
            "world\"",
            "node:20;id",
            "node:$(id)",
            "a//b",
            "-rm",
            "node:",
            "node:.x",
            "a/b@sha256:abc",
            "exa mple.com/a",
            "x.io:port/a",
        ] {
            assert!(!is_image_reference(no), "{no}");
        }
    }

    #[test]
    fn a_pull_counts_only_for_its_own_registry() {
        assert!(matches!(talk("docker pull python:3.12", Quay), Talk::AlsoRuns(_)));
        assert!(matches!(
            talk("docker pull quay.io/a/b:1", DockerHub),
            Talk::AlsoRuns(_)
        ));
        assert!(matches!(talk("docker pull $IMAGE", DockerHub), Talk::AlsoRuns(_)));
        // Not a reference: docker refuses it before any request.
        assert!(matches!(talk("docker pull ghcr.io/a# x", Ghcr), Talk::AlsoRuns(_)));
        assert!(matches!(talk("docker pull ghcr.io/a/b", EcrPublic), Talk::AlsoRuns(_)));
        assert!(matches!(talk("docker compose pull", Quay), Talk::AlsoRuns(_)));
        assert_eq!(talk("make image", Quay), Talk::No);
        assert_eq!(registry_of("localhost:5000/x"), None);
        assert_eq!(registry_of("library/redis"), Some(DockerHub));
        assert_eq!(registry_of("${{ env.REGISTRY }}/x"), None);
    }
}
