//! Subject extraction shared by the emitters: every subject goes through the
//! grammar in `crate::subject` before it can make a failure fixable.

use crate::classify::hit::{Hit, Line};
use crate::knowledge::install::{Reach, reaches};
use crate::knowledge::tools::{is_known_tool, likely_typo_of, script_mentions};
use crate::report::{Category, RateLimitService, RunnerClass, RunnerFailure, SubjectDetail};
use crate::subject::{display_text, is_command, is_shell_word, workspace_pattern};

/// A regex compiled once: `regex!(r"…")`.
macro_rules! regex {
    ($re:literal $(,)?) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new($re).unwrap_or_else(|e| panic!("built-in pattern {}: {e}", $re)))
    }};
}
pub(crate) use regex;

/// The text inside the first pair of quotes (`'…'`, `"…"`, `‘…’`, `` `…` ``).
pub fn quoted(text: &str) -> Option<&str> {
    let (open_at, open) = text
        .char_indices()
        .find(|(_, c)| matches!(c, '\'' | '"' | '‘' | '`' | '“'))?;
    let close = match open {
        '‘' => '’',
        '“' => '”',
        c => c,
    };
    let rest = &text[open_at + open.len_utf8()..];
    let end = rest.find(close)?;
    Some(&rest[..end])
}

/// The location line of a diagnostic in the layout rustc and ruff share
/// (annotate-snippets: a level or code line, then ` --> {path}:{line}:{col}`
/// below it): `line` is ` --> ` and a path ending in one of `extensions`, and
/// the line above it is the tool's heading (`heading`, matched against the
/// trimmed line). The location line decides which tool the heading was,
/// whose own text is not distinctive (`error: {message}`, `F401 {message}`).
pub fn located_below(line: &Line<'_>, extensions: &[&str], heading: &regex::Regex) -> bool {
    let Some(c) = regex!(r"^-->\s+(\S+):\d+:\d+$").captures(line.text.trim()) else {
        return false;
    };
    let extension = c[1]
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, e)| e);
    extension.is_some_and(|e| extensions.contains(&e)) && line.recent.last().is_some_and(|h| heading.is_match(h.trim()))
}

/// errno ENOENT's text (`strerror`) in the glibc translations a localized
/// self-hosted machine or container prints (`LANG=de_DE.UTF-8`,
/// `fr_FR.UTF-8`; glibc's `po/de.po`, `po/fr.po`), after the English one.
/// Programs that print it (coreutils, bash, GCC) put it last on the line.
pub const ENOENT_TEXTS: &[&str] = &[
    "No such file or directory",
    "Datei oder Verzeichnis nicht gefunden",
    "Aucun fichier ou dossier de ce type",
];

/// The part of `text` before its final `: {ENOENT text}`, in any of
/// [`ENOENT_TEXTS`]; French typography's space before the colon (`{header} :
/// Aucun …`, as GCC's `po/fr.po` writes its messages) is not part of it.
pub fn before_enoent(text: &str) -> Option<&str> {
    let text = text.trim_end();
    ENOENT_TEXTS
        .iter()
        .find_map(|e| text.strip_suffix(e).and_then(|t| t.strip_suffix(": ")))
        .map(str::trim_end)
}

/// The text after `marker`, up to the end of the line.
pub fn after<'t>(text: &'t str, marker: &str) -> Option<&'t str> {
    text.find(marker).map(|at| &text[at + marker.len()..])
}

/// Why a path printed in a log cannot be a file the workflow names.
fn implausible_path(raw: &str) -> Option<&'static str> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().any(char::is_control) {
        return Some("the message names no path");
    }
    if raw.starts_with('<') && raw.ends_with('>') || raw == "***" || raw.contains("...") || raw.contains('…') {
        return Some("the path in the message is redacted or a placeholder");
    }
    // `D:a_actionsx/entrypoint.sh`: a Windows path whose backslashes a POSIX
    // shell removed (`D:\a\_actions\…` unquoted), not a file anyone named.
    let b = raw.as_bytes();
    if b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && !matches!(b[2], b'\\' | b'/') {
        return Some("the path is a Windows path mangled by a POSIX shell (its backslashes were removed)");
    }
    if runner_tool_cache_path(raw) {
        return Some(
            "the path is inside a toolchain in the runner's tool cache (where setup actions install Go, Python, \
             Node, Java, …), not a file of the repository: the installed version's layout is not what the step \
             expects (files move between toolchain versions), which the version or the step's path decides",
        );
    }
    if tool_cache_path(raw) {
        return Some(
            "the path is inside a tool's own cache (its content-addressed store or lock files, not a file the \
             workflow or the project names): clear or verify that cache",
        );
    }
    None
}

/// Whether `raw` lies inside the runner's tool cache (`RUNNER_TOOL_CACHE`):
/// `/opt/hostedtoolcache/` on hosted Linux, `/Users/runner/hostedtoolcache/`
/// on macOS, `C:\hostedtoolcache\windows\` on Windows, `{runner}/_work/_tool/`
/// on a self-hosted runner, `/__t/` inside a job container (where the runner
/// mounts the tool cache, beside the workspace's `/__w`), each followed by
/// `{tool}/{version}/{arch}/` (the toolkit's `tool-cache` layout, which the
/// setup actions use). Only an absolute path: a relative one, or one inside
/// the checkout, is the repository's own file whatever directories it names.
fn runner_tool_cache_path(raw: &str) -> bool {
    runner_tool_cache_arch(raw).is_some()
}

/// The `{arch}` of a path inside the runner's tool cache (the layout
/// [`runner_tool_cache_path`] describes: `x64`, `arm64`, …); `None` for any
/// other path. The one reading of that layout: an x64 tool run on an
/// Apple-silicon Mac is told by it too (`build_tools`' dyld entry).
pub fn runner_tool_cache_arch(raw: &str) -> Option<String> {
    if workspace_pattern(raw).is_some() {
        return None;
    }
    let path = raw.replace('\\', "/");
    regex!(r"(?i)^(?:[a-z]:)?(?:/__t|/(?:[^/]+/)*?(?:hostedtoolcache(?:/windows)?|_work/_tool))/[^/]+/\d[^/]*/([^/]+)/")
        .captures(&path)
        .map(|c| c[1].to_string())
}

/// Whether `raw` lies inside a package manager's or build tool's own cache,
/// where entries are named by content hash and written by the tool alone:
/// npm's cacache (`~/.npm/_cacache`, npm's `cache` docs), pnpm's store
/// (`.pnpm-store`, `pnpm/store/v{n}`), Yarn Berry's cache (`.yarn/berry/cache`),
/// Go's module download cache (`pkg/mod/cache/download`), Gradle's caches
/// (`.gradle/caches`), Cargo's registry cache (`.cargo/registry/cache`) and
/// pip's HTTP cache (`.cache/pip/http`).
fn tool_cache_path(raw: &str) -> bool {
    let path = raw.replace('\\', "/");
    [
        "/.npm/_cacache/",
        "/_cacache/index-v5/",
        "/_cacache/content-v2/",
        "/.pnpm-store/",
        "/pnpm/store/v",
        "/.yarn/berry/cache/",
        "/pkg/mod/cache/download/",
        "/.gradle/caches/",
        "/.cargo/registry/cache/",
        "/.cache/pip/http",
    ]
    .iter()
    .any(|dir| path.contains(dir))
}

/// Whether a word a shell or tool printed ends in a carriage return: a script
/// saved with Windows line endings (CRLF) leaves `\r` at the end of every
/// line, so the last word of a line is the name plus `\r`. Tools print it
/// escaped: bash's ANSI-C quoting (`$'\r'`, `$'db/migrations\r'`), coreutils'
/// quoting (`'bash\r'`, `‘bash\r’`, and `ls`'s `'*.sql'$'\r'`), or raw.
pub fn ends_in_carriage_return(raw: &str) -> bool {
    let word = raw.trim_matches([' ', '\t']);
    let word = word.strip_suffix(['\'', '’', '"']).unwrap_or(word);
    // A Windows path may end in a directory named `r` (`D:\a\app\r`): only
    // a word with no other backslash is read as escaped.
    word.ends_with('\r') || word.strip_suffix("\\r").is_some_and(|rest| !rest.contains('\\'))
}

/// What a CRLF script's `\r` turned into a missing command or path.
fn carriage_return_hit() -> Hit {
    Hit::blocker(
        "The script has Windows line endings (CRLF): `\\r` became part of a command or path name. Save it with LF \
         line endings (a `.gitattributes` rule such as `*.sh text eol=lf`); nothing is missing.",
    )
}

/// A `file_not_found` hit for a path the log printed: fixable only when the
/// path is a plain workspace path (or pattern) and no report a tool of the
/// run writes (`knowledge::outputs::report_kind`: SARIF, coverage and test
/// reports, whichever emitter names them); shown as untrusted text when it
/// is elsewhere; `unknown` when it cannot be a path the workflow names.
pub fn path_hit(raw: &str, confidence: f32, message: &str) -> Hit {
    let hit = plain_path_hit(raw, confidence, message);
    match crate::knowledge::outputs::report_kind(raw.trim()) {
        Some(kind) if hit.category == Category::FileNotFound => Hit {
            message: format!(
                "{} It is a {kind}, which a step of the run writes: it did not move, so no file of the repository is \
                 where it went; check the step that writes it (a manual fix).",
                hit.message
            ),
            ..hit
        }
        .fixable(false),
        _ => hit,
    }
}

fn plain_path_hit(raw: &str, confidence: f32, message: &str) -> Hit {
    let raw = raw.trim();
    if ends_in_carriage_return(raw) {
        return carriage_return_hit();
    }
    if let Some(why) = implausible_path(raw) {
        return Hit::blocker(format!("{message} Not fixable: {why}."));
    }
    let hit = Hit::cause(Category::FileNotFound, confidence, message);
    match workspace_pattern(raw) {
        Some(path) => Hit {
            message: format!("{message} ({path})"),
            ..hit
        }
        .with_subject(path.clone(), SubjectDetail::Path { path })
        .fixable(true),
        None => Hit {
            message: format!("{message} The path is outside the workspace or not a plain path, so no fix is made."),
            ..hit
        }
        .with_untrusted(raw),
    }
}

/// A `missing_command` hit for a command the log says is missing, with the
/// checks that tell a missing tool from a script mistake.
pub fn command_hit(raw: &str, line: &Line<'_>, confidence_known: f32) -> Hit {
    let name = raw.trim();
    if name.contains('\r') || ends_in_carriage_return(name) {
        return carriage_return_hit();
    }
    if name.contains('/') || name.contains('\\') {
        return path_hit(name, 0.65, "A script or program path does not exist.");
    }
    if !is_command(name) {
        return Hit::blocker(format!(
            "A command was not found, but '{}' is not a command name (script syntax or quoting).",
            display_text(name)
        ));
    }
    if is_shell_word(name) {
        return Hit::blocker(format!(
            "The shell keyword '{name}' was run as a command: a script syntax error."
        ));
    }
    if name.len() > 1
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return Hit::blocker(format!(
            "'{name}' was run as a command: probably a variable assignment with spaces around '='."
        ));
    }
    // A package.json script runs the binaries of the project's packages
    // (`node_modules/.bin`), which the known-tool list does not hold: a name
    // near a known tool there (`vite` beside `vitest`) is no sign of a typo.
    let runner = package_script_runner(line);
    if let Some(tool) = likely_typo_of(name).filter(|_| runner.is_none()) {
        return Hit::blocker(format!(
            "'{name}' is not a command; probably a typo of '{tool}' in the script."
        ));
    }
    if let Some(runner) = runner {
        return Hit::cause(
            Category::MissingCommand,
            0.6,
            format!(
                "Command '{name}' was not found while {runner} ran a package.json script: it is a binary of a package \
                 the project should install (its dependencies were not installed, or the package is not in \
                 package.json). Not fixed by installing a system tool."
            ),
        )
        .with_subject(
            name,
            SubjectDetail::Command {
                name: name.to_string(),
                known: is_known_tool(name),
            },
        );
    }
    let known = is_known_tool(name);
    let confidence = match (known, script_mentions(line.script, name)) {
        (true, _) => confidence_known,
        (false, true) => 0.55,
        (false, false) => 0.45,
    };
    // Whether a fix has a way to give the job the command: the same answer
    // the `missing_command` generator acts on (`install::route`), so the
    // diagnosis never promises a fix no generator makes.
    let route = crate::knowledge::install::route(name);
    // The runner runs a job container's scripts from `/__w/_temp/` (its mount
    // of the work directory): a tool no fix installs (no setup action, pipx
    // or package row) is missing from the image the project chose, and no
    // install step reaches it there.
    let container_image = known && line.text.contains("/__w/_temp/") && route.is_none();
    // Where the step ran, as the log shows it: a route whose fix works in
    // no place the evidence allows is no fix (`install::reaches`, the list
    // the generator refuses by too); where the log leaves it open, the
    // generator, which reads the workflow, decides.
    let unreachable = route.and_then(|r| match reaches(name, r, &line.place) {
        Reach::No(why) => Some(why),
        Reach::Yes | Reach::Unknown => None,
    });
    let message = if let Some(why) = &unreachable {
        format!("Command '{name}' is not installed where the step runs. Not fixable where it ran: {why}.")
    } else if container_image {
        format!(
            "Command '{name}' is not installed in the job's container image, and it is not a tool autoheal installs: \
             an image that has it, or an install step the project writes for that image, is a person's choice."
        )
    } else if known && route.is_none() {
        format!(
            "Command '{name}' is not installed where the step runs; autoheal knows the tool but has no install for it \
             (no setup action, pipx or package row): how to install it is a person's choice."
        )
    } else if known {
        format!("Command '{name}' is not installed where the step runs.")
    } else {
        format!(
            "Command '{name}' is not installed where the step runs; it is not a tool autoheal knows how to install."
        )
    };
    Hit::cause(Category::MissingCommand, confidence, message)
        .with_subject(
            name,
            SubjectDetail::Command {
                name: name.to_string(),
                known,
            },
        )
        // Only a tool a fix has a route for makes a fix.
        .fixable(route.is_some() && !container_image && unreachable.is_none())
}

/// The package manager running a package.json script just before this line:
/// npm and pnpm announce a script with `> {name}@{version} {script}` and the
/// command on the next line (`> eslint .`); yarn classic with `$ {command}`.
/// The script's PATH starts with `node_modules/.bin`, so a command missing
/// there is a package's binary, not a system tool.
fn package_script_runner(line: &Line<'_>) -> Option<&'static str> {
    line.step_lines().iter().rev().find_map(|l| {
        let l = l.trim_start();
        if regex!(r"^> (?:@[^/\s]+/)?[^@\s]+@\S+ [\w:.-]+").is_match(l) {
            Some("npm or pnpm")
        } else if regex!(r"^\S+ [\w:.-]+\$ \S").is_match(l) {
            // `pnpm -r run`/`--parallel`: each package's script is echoed as
            // `{package dir} {script}$ {command}` and its output prefixed
            // with `{package dir} {script}: `.
            Some("pnpm -r")
        } else if l.starts_with("yarn run v") {
            Some("yarn")
        } else {
            None
        }
    })
}

/// The host of the first `http(s)://` URL in `text`.
pub fn url_host(text: &str) -> Option<&str> {
    let at = text.find("://")?;
    let scheme_ok = text[..at].ends_with("http") || text[..at].ends_with("https");
    if !scheme_ok {
        return None;
    }
    let rest = &text[at + 3..];
    // An IPv6 literal (`http://[::1]:8080/`) is bracketed (RFC 3986).
    if rest.starts_with('[') {
        return rest.find(']').map(|end| &rest[..=end]);
    }
    let end = rest
        .find(['/', ':', '\'', '"', ' ', ')', '`', '>'])
        .unwrap_or(rest.len());
    let host = &rest[..end];
    (!host.is_empty()).then_some(host)
}

/// The host a status message is about: its own URL's, else that of the
/// nearest recent line that is the request itself. Clients that print a
/// status without its URL print the request apart: wget's `--{date}--
/// {url}` line before its `ERROR 429: Too Many Requests.`, a verbose client's
/// `GET {url}`, and the script's own command (`curl -f {url}`, echoed by the
/// runner) before curl's `The requested URL returned error: 429`. Any other
/// URL nearby (a server's `Listening on http://localhost:3000`, a fixture's
/// repr) says nothing of which server answered: no host.
pub fn host_near<'a>(line: &Line<'a>) -> Option<&'a str> {
    url_host(line.text).or_else(|| {
        line.recent
            .iter()
            .rev()
            .filter(|l| is_request_line(l))
            .find_map(|l| url_host(l))
    })
}

/// A line that states an HTTP request with its URL (see [`host_near`]).
fn is_request_line(text: &str) -> bool {
    regex!(
        r"^\s*--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--\s+https?://|\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) +https?://|(?:^|[\s;&|(])(?:curl|wget|Invoke-WebRequest|Invoke-RestMethod)\s[^;&|]*https?://"
    )
    .is_match(text)
}

/// Whether `host` is the machine itself: `localhost` (and its subdomains,
/// RFC 6761), the IPv4 loopback block 127.0.0.0/8, IPv6 `::1` and the
/// unspecified `0.0.0.0` a local server listens on. A server there was started
/// by the job (a test's mock, a service the step runs), never a registry.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host == "0.0.0.0" || host == "::1" || host == "[::1]" {
        return true;
    }
    match host.strip_prefix("127.") {
        Some(rest) => {
            let parts: Vec<&str> = rest.split('.').collect();
            parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.parse::<u8>().is_ok())
        }
        None => false,
    }
}

/// The service behind a host name, from each service's documented endpoints.
pub fn service_for_host(host: &str) -> Option<RateLimitService> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let is = |h: &str| host == h || host.ends_with(&format!(".{h}"));
    Some(if host == "api.github.com" {
        RateLimitService::GithubRestPrimary
    } else if is("ghcr.io") || host == "pkg-containers.githubusercontent.com" {
        RateLimitService::Ghcr
    } else if is("docker.io") || is("docker.com") || host == "production.cloudflare.docker.com" {
        RateLimitService::DockerHub
    } else if is("npmjs.org") || is("npmjs.com") || host == "registry.yarnpkg.com" {
        RateLimitService::Npm
    } else if host == "pypi.org" || host == "files.pythonhosted.org" || host == "pypi.python.org" {
        RateLimitService::Pypi
    } else if host == "repo.maven.apache.org" || host == "repo1.maven.org" || host == "central.sonatype.com" {
        RateLimitService::MavenCentral
    } else if host == "plugins.gradle.org" {
        RateLimitService::GradlePluginPortal
    } else if is("crates.io") {
        RateLimitService::CratesIo
    } else if is("archive.ubuntu.com")
        || host == "security.ubuntu.com"
        || host == "ports.ubuntu.com"
        || is("debian.org")
        || host == "ppa.launchpadcontent.net"
    {
        RateLimitService::AptMirror
    } else if is("quay.io") {
        RateLimitService::Quay
    } else if host == "public.ecr.aws" {
        RateLimitService::EcrPublic
    } else if host == "proxy.golang.org" || host == "sum.golang.org" {
        RateLimitService::GoProxy
    } else if is("nuget.org") {
        RateLimitService::NuGet
    } else if host == "services.gradle.org" || host == "downloads.gradle.org" {
        RateLimitService::GradleDistributions
    } else if is("rubygems.org") {
        RateLimitService::RubyGems
    } else if is("packagist.org") {
        RateLimitService::Packagist
    } else if is("huggingface.co") || host == "hf.co" {
        RateLimitService::HuggingFaceHub
    } else if is("hex.pm") {
        RateLimitService::HexPm
    } else {
        return None;
    })
}

/// The service a message is about: the host of its URL, else a service it
/// names, else the host of a URL on a recent line (a tool that prints the
/// request before its status). `None` when nothing says.
pub fn service_near(line: &Line<'_>) -> Option<RateLimitService> {
    if let Some(host) = url_host(line.text) {
        return service_for_host(host).or(Some(RateLimitService::Other));
    }
    for (named, service) in [
        ("Maven Central", RateLimitService::MavenCentral),
        ("Docker Hub", RateLimitService::DockerHub),
        ("PyPI", RateLimitService::Pypi),
        ("crates.io", RateLimitService::CratesIo),
    ] {
        if line.text.contains(named) {
            return Some(service);
        }
    }
    line.recent
        .iter()
        .rev()
        .find_map(|l| url_host(l))
        .map(|h| service_for_host(h).unwrap_or(RateLimitService::Other))
}

/// A `rate_limit` hit naming `service`. Fixable only for a service whose
/// remedy is known (authenticate, back off, cache or mirror): a 429 from an
/// unnamed service is reported for a person.
pub fn rate_limit_hit(service: RateLimitService, authenticated: Option<bool>, confidence: f32, message: &str) -> Hit {
    let known = service.remedy_known();
    let message = match service {
        _ if known => message.to_string(),
        RateLimitService::HuggingFaceHub => format!(
            "{message} The requests come from the job's own code, not a fetch step a retry could wrap; a person may add \
             an `HF_TOKEN` secret (authenticated requests get a higher limit) or cache `~/.cache/huggingface`, so no fix \
             is made."
        ),
        _ => format!("{message} The service is not one autoheal knows the remedy for, so no fix is made."),
    };
    Hit::cause(Category::RateLimit, confidence, message)
        .with_subject(
            service.display_name(),
            SubjectDetail::RateLimit { service, authenticated },
        )
        .fixable(known)
}

/// An `optional_job` hit: the machine, not the code, failed. Fixable only
/// once the job is known and the workflow confirms where it ran (done in
/// ranking and mapping); here it never is.
pub fn runner_hit(failure: RunnerFailure, runner: Option<RunnerClass>, confidence: f32, message: &str) -> Hit {
    Hit::cause(Category::OptionalJob, confidence, message).with_subject(
        failure.as_str(),
        SubjectDetail::Runner {
            failure,
            runner,
            job: None,
            confirmed_runs_on: None,
            only_on: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_in_the_runners_tool_cache_is_no_repository_file() {
        for raw in [
            "/opt/hostedtoolcache/go/1.24.2/x64/misc/wasm/wasm_exec.js",
            "/Users/runner/hostedtoolcache/Python/3.12.7/arm64/lib/python3.12/config.py",
            "C:\\hostedtoolcache\\windows\\go\\1.24.6\\x64\\misc\\wasm\\wasm_exec.js",
            "/home/ci/actions-runner/_work/_tool/node/22.11.0/x64/include/node/node.h",
        ] {
            let hit = path_hit(raw, 0.8, "cp could not find a file.");
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{raw}");
            assert!(hit.message.contains("tool cache"), "{}", hit.message);
        }
        for raw in [
            "web/wasm_exec.js",
            "/home/runner/work/app/app/hostedtoolcache/readme.md",
            "tools/go/1.24/x64/a",
        ] {
            assert!(!runner_tool_cache_path(raw), "{raw}");
        }
    }

    #[test]
    fn the_tool_caches_architecture_is_read_from_its_layout() {
        for (raw, arch) in [
            ("/Users/runner/hostedtoolcache/Ruby/3.1.6/x64/bin/ruby", Some("x64")),
            (
                "/Users/runner/hostedtoolcache/Python/3.12.7/arm64/bin/python3",
                Some("arm64"),
            ),
            (
                "C:\\hostedtoolcache\\windows\\go\\1.24.6\\x64\\bin\\go.exe",
                Some("x64"),
            ),
            (
                "/Users/ci/actions-runner/_work/_tool/node/22.11.0/arm64/bin/node",
                Some("arm64"),
            ),
            ("/__t/go/1.24.2/x64/bin/go", Some("x64")),
            // Not the layout: no version directory, or the checkout's own tree.
            ("/Users/runner/hostedtoolcache/Ruby/x64/bin/ruby", None),
            (
                "/Users/runner/work/app/app/hostedtoolcache/Ruby/3.1.6/x64/bin/ruby",
                None,
            ),
            ("/opt/homebrew/bin/ruby", None),
        ] {
            assert_eq!(runner_tool_cache_arch(raw).as_deref(), arch, "{raw}");
        }
    }

    #[test]
    fn the_tool_cache_inside_a_job_container_is_no_repository_file_either() {
        // The runner mounts the tool cache at `/__t` in a container job.
        let hit = path_hit(
            "/__t/go/1.24.2/x64/misc/wasm/wasm_exec.js",
            0.8,
            "cp could not find a file.",
        );
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("tool cache"), "{}", hit.message);
    }

    #[test]
    fn a_checkout_path_that_names_a_tool_cache_layout_is_the_repositorys_file() {
        // A repository that keeps a tool-cache-shaped tree of its own (a
        // setup action's test data, a vendored toolchain) names it relative
        // to the workspace or under the checkout: the same words, a file
        // the repository tracks.
        for (raw, want) in [
            (
                "/home/runner/work/app/app/testdata/hostedtoolcache/go/1.21.0/x64/bin/go",
                "testdata/hostedtoolcache/go/1.21.0/x64/bin/go",
            ),
            (
                "__tests__/data/hostedtoolcache/node/20.1.0/x64/bin/node",
                "__tests__/data/hostedtoolcache/node/20.1.0/x64/bin/node",
            ),
            (
                "/__w/app/app/vendor/_work/_tool/protoc/25.1.0/x64/include/any.proto",
                "vendor/_work/_tool/protoc/25.1.0/x64/include/any.proto",
            ),
            (
                "D:\\a\\app\\app\\hostedtoolcache\\windows\\go\\1.24.6\\x64\\wasm_exec.js",
                "hostedtoolcache/windows/go/1.24.6/x64/wasm_exec.js",
            ),
        ] {
            let hit = path_hit(raw, 0.8, "cp could not find a file.");
            assert_eq!((hit.category, hit.fixable), (Category::FileNotFound, true), "{raw}");
            assert_eq!(hit.subject.as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn a_crlf_scripts_carriage_return_in_every_quoting() {
        for word in [
            "$'\\r'",
            "$'db/migrations\\r'",
            "'*.sql'$'\\r'",
            "'bash\\r'",
            "‘bash\\r’",
            "deploy.sh\\r",
        ] {
            assert!(ends_in_carriage_return(word), "{word}");
            let hit = command_hit(word, &Line::plain(""), 0.8);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{word}");
            assert!(hit.message.contains("CRLF"), "{word}");
            assert!(path_hit(word, 0.6, "x").message.contains("CRLF"), "{word}");
        }
        for word in [
            "$'x'",
            "build/dist",
            "C:\\r\\out",
            "'docs/README'",
            "\\r\\n.txt",
            "D:\\a\\app\\r",
        ] {
            assert!(!ends_in_carriage_return(word), "{word}");
        }
    }

    #[test]
    fn a_package_script_binary_near_a_known_tool_is_missing_not_a_typo() {
        let line = |text, recent| Line {
            recent,
            ..Line::plain(text)
        };
        // `pnpm -r --parallel`'s echo and prefixed output.
        let recent = ["packages/docs build$ vite build"];
        let hit = command_hit(
            "vite",
            &line("packages/docs build: sh: 1: vite: not found", &recent[..]),
            0.8,
        );
        assert_eq!(hit.category, Category::MissingCommand);
        assert_eq!(hit.subject.as_deref(), Some("vite"));
        // npm's and pnpm's `> {name}@{version} {script}` header.
        let recent = ["> site@1.0.0 build", "> vite build"];
        let hit = command_hit("vite", &line("sh: 1: vite: not found", &recent[..]), 0.8);
        assert_eq!(hit.category, Category::MissingCommand);
        // Outside a package script the typo check still speaks.
        let hit = command_hit("pyhton", &line("bash: pyhton: command not found", &[][..]), 0.8);
        assert_eq!(hit.category, Category::Unknown);
    }

    #[test]
    fn a_path_inside_a_tools_cache_is_no_file_anyone_named() {
        for raw in [
            "/srv/actions-runner/.npm/_cacache/index-v5/3f/9a/1c0d7be41f2a",
            "C:\\npm\\cache\\_cacache\\content-v2\\sha512\\ab\\cd",
            "/home/runner/go/pkg/mod/cache/download/github.com/x/y/@v/v1.2.3.zip",
            "/home/runner/.gradle/caches/8.11.1/transforms/abc/metadata.bin",
            "/home/runner/.local/share/pnpm/store/v3/files/00/abc",
        ] {
            let hit = path_hit(raw, 0.6, "A file the tool opens does not exist.");
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{raw}");
            assert!(hit.message.contains("own cache"), "{raw}: {}", hit.message);
        }
        // A file in the workspace, or elsewhere outside it, is still a path.
        assert_eq!(path_hit("dist/app.js", 0.6, "x").category, Category::FileNotFound);
        assert_eq!(
            path_hit("/etc/app/conf.toml", 0.6, "x").category,
            Category::FileNotFound
        );
    }

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost",
            "api.localhost",
            "127.0.0.1",
            "127.1.2.3",
            "[::1]",
            "0.0.0.0",
            "LOCALHOST.",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "registry.npmjs.org",
            "127.0.0.1.nip.io",
            "localhost.example.com",
            "10.0.0.1",
            "127.0.0",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
        assert_eq!(url_host("GET http://[::1]:8080/v1 429"), Some("[::1]"));
        // A URL-less status takes the host of the request line before it
        // (wget's, a method and URL, the echoed client command), and of no
        // other line: a server's banner or a fixture's repr names no request.
        let near = |recent: &[&str], text: &str| {
            host_near(&Line {
                recent,
                ..Line::plain(text)
            })
            .map(str::to_string)
        };
        for (recent, text, host) in [
            (
                &[
                    "--2026-12-06 10:00:00--  http://127.0.0.1:8080/api",
                    "Connecting to 127.0.0.1:8080... connected.",
                    "HTTP request sent, awaiting response... 429 Too Many Requests",
                ][..],
                "2026-12-06 10:00:00 ERROR 429: Too Many Requests.",
                Some("127.0.0.1"),
            ),
            (
                &["curl -fsS http://localhost:3000/api/items"][..],
                "curl: (22) The requested URL returned error: 429",
                Some("localhost"),
            ),
            (
                &["> GET https://api.example.org/v1"][..],
                "< HTTP/1.1 429",
                Some("api.example.org"),
            ),
            (
                &["Server listening on http://localhost:3000", "Fetching rates"][..],
                "curl: (22) The requested URL returned error: 429",
                None,
            ),
            (
                &["mock_api = <MockServer http://127.0.0.1:45121>"][..],
                "self = <Response [429 Too Many Requests]>",
                None,
            ),
        ] {
            assert_eq!(near(recent, text).as_deref(), host, "{text} after {recent:?}");
        }
    }

    #[test]
    fn quotes_and_hosts() {
        assert_eq!(quoted("open 'a b' x"), Some("a b"));
        assert_eq!(quoted("name ‘x’"), Some("x"));
        assert_eq!(quoted("none"), None);
        assert_eq!(
            url_host("GET https://registry.npmjs.org/left-pad - 429"),
            Some("registry.npmjs.org")
        );
        assert_eq!(
            url_host("(https://repo.maven.apache.org/maven2)"),
            Some("repo.maven.apache.org")
        );
        assert_eq!(url_host("no url"), None);
        assert_eq!(
            service_for_host("registry-1.docker.io"),
            Some(RateLimitService::DockerHub)
        );
        assert_eq!(
            service_for_host("azure.archive.ubuntu.com"),
            Some(RateLimitService::AptMirror)
        );
        assert_eq!(service_for_host("quay.io"), Some(RateLimitService::Quay));
        assert_eq!(service_for_host("cdn01.quay.io"), Some(RateLimitService::Quay));
        assert_eq!(service_for_host("public.ecr.aws"), Some(RateLimitService::EcrPublic));
        assert_eq!(service_for_host("proxy.golang.org"), Some(RateLimitService::GoProxy));
        assert_eq!(service_for_host("index.rubygems.org"), Some(RateLimitService::RubyGems));
        assert_eq!(
            service_for_host("repo.packagist.org"),
            Some(RateLimitService::Packagist)
        );
        assert_eq!(
            service_for_host("huggingface.co"),
            Some(RateLimitService::HuggingFaceHub)
        );
        assert_eq!(
            service_for_host("cdn-lfs.huggingface.co"),
            Some(RateLimitService::HuggingFaceHub)
        );
        assert_eq!(service_for_host("notrubygems.org"), None);
        assert_eq!(service_for_host("repo.hex.pm"), Some(RateLimitService::HexPm));
        assert_eq!(service_for_host("builds.hex.pm"), Some(RateLimitService::HexPm));
        assert_eq!(service_for_host("nothex.pm"), None);
        assert_eq!(service_for_host("api.nuget.org"), Some(RateLimitService::NuGet));
        assert_eq!(
            service_for_host("services.gradle.org"),
            Some(RateLimitService::GradleDistributions)
        );
        assert_eq!(service_for_host("notquay.io"), None);
        assert_eq!(service_for_host("example.com"), None);
    }

    #[test]
    fn a_location_line_needs_its_extension_and_heading() {
        let heading = regex!(r"^error: \S");
        let read = |text: &str, above: &str| {
            let recent = [above];
            located_below(
                &Line {
                    recent: &recent,
                    ..Line::plain(text)
                },
                &["rs"],
                heading,
            )
        };
        assert!(read("  --> src/main.rs:3:5", "error: unused"));
        assert!(read("-->\tsrc/main.rs:3:5", "error: unused"));
        assert!(!read("  --> src/main.py:3:5", "error: unused"));
        assert!(!read("  --> src/main.rs:3", "error: unused"));
        assert!(!read("  --> src/main.rs:3:5 and more", "error: unused"));
        assert!(!read("  --> src/main.rs:3:5", "warning: unused"));
        assert!(!read("  --> rs:3:5", "error: unused"));
        assert!(!located_below(&Line::plain("  --> src/main.rs:3:5"), &["rs"], heading));
    }

    #[test]
    fn paths_that_cannot_be_fixed() {
        assert_eq!(path_hit("<path>", 0.7, "m").category, Category::Unknown);
        assert_eq!(path_hit("D:a_actionsx/e.sh", 0.7, "m").category, Category::Unknown);
        let outside = path_hit("/opt/tool/x", 0.7, "m");
        assert_eq!((outside.category, outside.fixable), (Category::FileNotFound, false));
        let inside = path_hit("./build.sh", 0.7, "m");
        assert_eq!((inside.subject.as_deref(), inside.fixable), (Some("build.sh"), true));
    }
}
