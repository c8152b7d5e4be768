//! Where the client connects and with what credentials.

use std::time::Duration;

use super::retry::RetryPolicy;
use super::secret::Token;
use crate::error::{Error, Result};

pub const DEFAULT_API_URL: &str = "https://api.github.com";

/// Everything [`crate::GitHub::new`] needs. Build it with [`ClientConfig::resolve`].
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// API base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`.
    pub api_url: String,
    pub token: Option<Token>,
    /// Record and print writes instead of sending them.
    pub dry_run: bool,
    /// Upper bound for one request, body included.
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
    /// Cap on a downloaded log (run zip or job log).
    pub max_log_bytes: u64,
    /// Cap on an ordinary JSON response.
    pub max_json_bytes: u64,
    /// Print planned writes to stderr in dry-run mode (they are recorded either way).
    pub echo_dry_run: bool,
    /// The login an App installation token acts as (`name[bot]`), which such a token cannot
    /// ask GitHub for: `AUTOHEAL_BOT_LOGIN` (see `fetch::trust::fetch_bot_login`).
    pub bot_login: Option<String>,
    /// The whole pass's time budget, counted from [`crate::GitHub::new`]: no request is sent,
    /// waited for or retried past it ([`crate::Error::OutOfTime`]). Each request has its own
    /// `request_timeout` and a list stops at 1,000 pages, so without it a server answering
    /// every page just under the timeout holds a pass for hours. `None`: no budget.
    pub pass_budget: Option<Duration>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            api_url: DEFAULT_API_URL.to_string(),
            token: None,
            dry_run: false,
            request_timeout: Duration::from_secs(60),
            retry: RetryPolicy::default(),
            max_log_bytes: 256 * 1024 * 1024,
            max_json_bytes: 32 * 1024 * 1024,
            echo_dry_run: true,
            bot_login: None,
            pass_budget: None,
        }
    }
}

impl ClientConfig {
    /// Base URL from `api_url_arg` (the CLI's `--api-url`), else `GITHUB_API_URL`, else
    /// api.github.com, an empty one counting as unset (`--api-url "$URL"` with `URL` unset
    /// means GitHub Enterprise's `GITHUB_API_URL`, not github.com); the token from
    /// `GITHUB_TOKEN`, else `GH_TOKEN`; the App's login from `AUTOHEAL_BOT_LOGIN` ([`bot_login`]).
    /// `env` reads a variable (pass `|k| std::env::var(k).ok()`), so tests need not touch the
    /// process environment.
    pub fn resolve(api_url_arg: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Result<ClientConfig> {
        let set = |url: &String| !url.trim().is_empty();
        let api_url = api_url_arg
            .map(str::to_string)
            .filter(set)
            .or_else(|| env("GITHUB_API_URL").filter(set))
            .unwrap_or_else(|| DEFAULT_API_URL.to_string());
        let api_url = normalize_api_url(&api_url)?;
        let token = match token_from(&env, "GITHUB_TOKEN")? {
            Some(t) => Some(t),
            None => token_from(&env, "GH_TOKEN")?,
        };
        let bot_login = match env(BOT_LOGIN_VAR).filter(|v| !v.trim().is_empty()) {
            Some(raw) => Some(bot_login(&raw)?),
            None => None,
        };
        Ok(ClientConfig {
            api_url,
            token,
            bot_login,
            ..ClientConfig::default()
        })
    }
}

/// The default time budget of a `report` or `heal` pass on one run or issue: the generated
/// monitor and heal jobs give the job 20 minutes (`init.rs`, `timeout-minutes: 20`), so the
/// pass stops itself, saying what it did not do, before the runner cancels it mid-write,
/// leaving minutes to install autoheal. Nothing ordinary comes near it: the search limit's
/// waits, the longest, are budgeted at 5 minutes a pass.
pub const DEFAULT_PASS_BUDGET: Duration = Duration::from_secs(15 * 60);

/// The default time budget of a `heal --repos`/`--org` pass, which works on many runs of many
/// repositories: two hours, a third of a GitHub-hosted job's longest run (6 hours).
pub const DEFAULT_MANY_PASS_BUDGET: Duration = Duration::from_secs(2 * 60 * 60);

/// The longest budget accepted: a day.
pub const MAX_PASS_BUDGET: Duration = Duration::from_secs(24 * 60 * 60);

/// A time budget as the CLI takes it: a whole number with `s`, `m` or `h` (`90s`, `15m`,
/// `2h`), from one second to [`MAX_PASS_BUDGET`].
pub fn parse_budget(raw: &str) -> std::result::Result<Duration, String> {
    let raw = raw.trim();
    let bad = || format!("`{raw}` is not a time budget from 1s to 24h (`90s`, `15m`, `2h`)");
    let split = raw.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (digits, unit) = raw.split_at(split);
    let amount: u64 = digits.parse().map_err(|_| bad())?;
    let unit_secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        _ => return Err(bad()),
    };
    let budget = Duration::from_secs(amount.checked_mul(unit_secs).ok_or_else(bad)?);
    if budget.is_zero() || budget > MAX_PASS_BUDGET {
        return Err(bad());
    }
    Ok(budget)
}

/// The variable naming the login an App installation token acts as.
pub const BOT_LOGIN_VAR: &str = "AUTOHEAL_BOT_LOGIN";

/// An App's bot login from `raw`: its slug (`actions/create-github-app-token`'s `app-slug`
/// output) or the login itself, `slug[bot]`. A slug is letters, digits and hyphens (GitHub
/// makes it from the App's name); anything else is refused, so the variable names one app's
/// account and never a pattern or a user.
pub fn bot_login(raw: &str) -> Result<String> {
    let raw = raw.trim();
    let slug = raw.strip_suffix("[bot]").unwrap_or(raw);
    let valid = !slug.is_empty()
        && slug.len() <= 100
        && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !slug.starts_with('-');
    if !valid {
        return Err(Error::Config(format!(
            "{BOT_LOGIN_VAR} must be a GitHub App's slug or its `slug[bot]` login (letters, digits and hyphens)"
        )));
    }
    Ok(format!("{slug}[bot]"))
}

/// The token in variable `var`, refused when it holds white space or a control character
/// inside (an HTTP header cannot carry one, and a token never has one); the value itself is
/// never echoed.
fn token_from(env: &impl Fn(&str) -> Option<String>, var: &str) -> Result<Option<Token>> {
    let Some(token) = env(var).and_then(Token::new) else {
        return Ok(None);
    };
    match token.expose().chars().position(|c| !c.is_ascii_graphic()) {
        None => Ok(Some(token)),
        Some(at) => Err(Error::Config(format!(
            "{var} holds a space, line break, control or non-ASCII character (at character {}); a GitHub token is printable ASCII",
            at + 1
        ))),
    }
}

fn normalize_api_url(raw: &str) -> Result<String> {
    let trimmed = raw.trim().trim_end_matches('/');
    let uri: http::Uri = trimmed
        .parse()
        .map_err(|_| Error::Config(format!("invalid API URL `{trimmed}`")))?;
    match uri.scheme_str() {
        Some("http" | "https") if uri.authority().is_some() => Ok(trimmed.to_string()),
        _ => Err(Error::Config(format!(
            "API URL `{trimmed}` must be an absolute http(s) URL"
        ))),
    }
}

/// `owner/name`, validated so it can be placed into a URL path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RepoName {
    pub owner: String,
    pub name: String,
}

impl RepoName {
    pub fn parse(raw: &str) -> Result<RepoName> {
        let (owner, name) = raw
            .trim()
            .split_once('/')
            .ok_or_else(|| Error::Config(format!("repository `{raw}` is not OWNER/NAME")))?;
        let valid = |part: &str| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        if !valid(owner) || !valid(name) {
            return Err(Error::Config(format!("repository `{raw}` is not OWNER/NAME")));
        }
        Ok(RepoName {
            owner: owner.to_string(),
            name: name.to_string(),
        })
    }

    pub(crate) fn path(&self) -> String {
        format!("/repos/{}/{}", self.owner, self.name)
    }
}

impl std::fmt::Display for RepoName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.owner, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_are_whole_seconds_minutes_or_hours_within_a_day() {
        assert_eq!(parse_budget("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_budget(" 15m "), Ok(DEFAULT_PASS_BUDGET));
        assert_eq!(parse_budget("2h"), Ok(DEFAULT_MANY_PASS_BUDGET));
        assert_eq!(parse_budget("24h"), Ok(MAX_PASS_BUDGET));
        for bad in [
            "0s",
            "25h",
            "1441m",
            "15",
            "m",
            "1.5h",
            "-1s",
            "18446744073709551615h",
            "1d",
            "",
        ] {
            assert!(parse_budget(bad).is_err(), "{bad}");
        }
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string())
    }

    #[test]
    fn argument_beats_environment_and_trailing_slash_is_dropped() {
        let config = ClientConfig::resolve(Some("http://127.0.0.1:9/"), env(&[("GITHUB_API_URL", "https://x")]));
        assert_eq!(config.map(|c| c.api_url).ok().as_deref(), Some("http://127.0.0.1:9"));
    }

    #[test]
    fn the_apps_login_is_its_slug_with_bot_and_nothing_else() {
        let login =
            |value: &str| ClientConfig::resolve(None, env(&[("AUTOHEAL_BOT_LOGIN", value)])).map(|c| c.bot_login);
        assert_eq!(login("heal-app").ok().flatten().as_deref(), Some("heal-app[bot]"));
        assert_eq!(
            login(" heal-app[bot]\n").ok().flatten().as_deref(),
            Some("heal-app[bot]")
        );
        assert_eq!(login("").ok().flatten(), None);
        assert_eq!(
            ClientConfig::resolve(None, env(&[])).ok().and_then(|c| c.bot_login),
            None
        );
        for bad in [
            "*[bot]",
            "[bot]",
            "a b",
            "app[bot][bot]",
            "-app",
            "evil/app",
            "app\u{202E}",
        ] {
            assert!(login(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn environment_url_and_token_fallbacks() {
        let config = ClientConfig::resolve(
            None,
            env(&[
                ("GITHUB_API_URL", "https://ghe.example/api/v3"),
                ("GITHUB_TOKEN", ""),
                ("GH_TOKEN", "gh_tok"),
            ]),
        )
        .unwrap_or_default();
        assert_eq!(config.api_url, "https://ghe.example/api/v3");
        assert_eq!(config.token.as_ref().map(Token::expose), Some("gh_tok"));
        let from_env = ClientConfig::resolve(Some(" "), env(&[("GITHUB_API_URL", "https://ghe.example/api/v3")]));
        assert_eq!(
            from_env.map(|c| c.api_url).ok().as_deref(),
            Some("https://ghe.example/api/v3"),
            "an empty --api-url counts as unset"
        );
        let default = ClientConfig::resolve(None, env(&[])).unwrap_or_default();
        assert_eq!(default.api_url, DEFAULT_API_URL);
        assert!(default.token.is_none());
    }

    #[test]
    fn a_token_with_a_line_break_or_control_character_is_a_clear_error() {
        for bad in ["ghp_a\nb", "ghp_\u{7}x", "gh p", "ghp_\u{e9}"] {
            let err = ClientConfig::resolve(None, env(&[("GITHUB_TOKEN", bad)])).expect_err(bad);
            let message = err.to_string();
            assert!(message.contains("GITHUB_TOKEN holds"), "{message}");
            assert!(!message.contains("ghp_"), "the token is never echoed: {message}");
        }
        let err = ClientConfig::resolve(None, env(&[("GH_TOKEN", "a\rb")])).expect_err("GH_TOKEN");
        assert!(err.to_string().contains("GH_TOKEN holds"));
        let ok = ClientConfig::resolve(None, env(&[("GITHUB_TOKEN", "  ghp_ok\n")])).expect("trimmed");
        assert_eq!(ok.token.map(|t| t.expose().to_string()).as_deref(), Some("ghp_ok"));
    }

    #[test]
    fn rejects_relative_urls_and_bad_repo_names() {
        assert!(ClientConfig::resolve(Some("api.github.com"), env(&[])).is_err());
        assert!(RepoName::parse("a/b/c").is_err());
        assert!(RepoName::parse("../b").is_err());
        assert_eq!(
            RepoName::parse("o-1/r.s").map(|r| r.to_string()).ok().as_deref(),
            Some("o-1/r.s")
        );
    }
}
