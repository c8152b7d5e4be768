//! The GitHub REST and GraphQL APIs, as relayed by Octokit (`actions/github-script`,
//! JavaScript actions), PyGithub, the `gh` CLI and `curl`.
//!
//! Sources: "Rate limits for the REST API" in the GitHub docs (the primary
//! limit's `API rate limit exceeded for {user ID|installation ID|IP}` and the
//! secondary limit's `You have exceeded a secondary rate limit`), the
//! `@octokit/plugin-throttling` messages, PyGithub's `RateLimitExceededException`,
//! and "Troubleshooting" for `Resource not accessible by integration`; Composer's
//! GitHub downloads (`GitHub API limit ({n} calls/hr) is exhausted, could not
//! fetch {url}. …`, Composer's `Util/GitHub` and `RemoteFilesystem`).

use super::util::rate_limit_hit;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "github_api/secondary-rate-limit",
        grammar: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. | You have \
                  triggered an abuse detection mechanism. | SecondaryRateLimit detected for request {method} {url}",
        needles: &[
            "secondary rate limit",
            "abuse detection mechanism",
            "SecondaryRateLimit detected",
        ],
        check: secondary,
        examples: &[
            ex(
                "Error: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                Category::RateLimit,
                Some("GitHub REST API (secondary rate limit)"),
            ),
            ex(
                "HttpError: You have triggered an abuse detection mechanism. Please wait a few minutes.",
                Category::RateLimit,
                Some("GitHub REST API (secondary rate limit)"),
            ),
        ],
    },
    Entry {
        id: "github_api/primary-rate-limit",
        grammar: "API rate limit exceeded for {installation ID n | user ID n | ip}. [(But here's the good news: \
                  Authenticated requests get a higher rate limit. …)] | Request quota exhausted for request {method} \
                  {url}",
        needles: &["API rate limit exceeded", "Request quota exhausted"],
        check: primary,
        examples: &[
            ex(
                "Error: HttpError: API rate limit exceeded for installation ID 31337.",
                Category::RateLimit,
                Some("GitHub REST API"),
            ),
            ex(
                "##[error]API rate limit exceeded for 52.1.2.3. (But here's the good news: Authenticated requests \
                 get a higher rate limit. Check out the documentation for more details.)",
                Category::RateLimit,
                Some("GitHub REST API"),
            ),
            ex(
                "GraphQL: API rate limit exceeded for user ID 4242.",
                Category::RateLimit,
                Some("GitHub REST API"),
            ),
        ],
    },
    Entry {
        id: "github_api/composer-limit",
        grammar: "GitHub API limit ({n} calls/hr) is exhausted, could not fetch {url}. Create a GitHub OAuth token to go \
                  over the API rate limit. … (Composer)",
        needles: &["GitHub API limit ("],
        check: composer_limit,
        examples: &[ex(
            "GitHub API limit (60 calls/hr) is exhausted, could not fetch https://api.github.com/repos/a/b/zipball/c. \
             Create a GitHub OAuth token to go over the API rate limit.",
            Category::RateLimit,
            Some("GitHub REST API"),
        )],
    },
    Entry {
        id: "github_api/gh-token-missing",
        grammar: "gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable. Example: \
                  …",
        needles: &["set the GH_TOKEN environment variable"],
        check: gh_token_missing,
        examples: &[ex(
            "gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable. Example:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "github_api/not-permitted",
        grammar: "Resource not accessible by integration | Resource not accessible by personal access token | Bad \
                  credentials | Requires authentication",
        needles: &[
            "Resource not accessible by",
            "Bad credentials",
            "Requires authentication",
        ],
        check: not_permitted,
        examples: &[ex(
            "RequestError [HttpError]: Resource not accessible by integration",
            Category::Unknown,
            None,
        )],
    },
];

fn secondary(_: &Line<'_>) -> Option<Hit> {
    Some(rate_limit_hit(
        RateLimitService::GithubRestSecondary,
        None,
        0.9,
        "GitHub's secondary rate limit (too many requests at once, or too many content-creating requests) was hit.",
    ))
}

fn primary(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let authenticated = if text.contains("installation") || text.contains("user ID") {
        Some(true)
    } else if text.contains("Authenticated requests get a higher rate limit") || regex_ip(text) {
        Some(false)
    } else {
        None
    };
    let message = match authenticated {
        Some(false) => {
            "GitHub's REST API rate limit for unauthenticated requests (per runner IP) was exceeded: \
                        the step calls the API without a token."
        }
        Some(true) => "The GitHub API rate limit of the token (installation or user) was exceeded.",
        None => "The GitHub API rate limit was exceeded.",
    };
    Some(rate_limit_hit(
        RateLimitService::GithubRestPrimary,
        authenticated,
        0.9,
        message,
    ))
}

/// Composer hit the API limit while downloading from GitHub: 60 calls an hour
/// is the unauthenticated limit. Composer reads its token from `COMPOSER_AUTH`
/// or its `github-oauth` setting, not from `GITHUB_TOKEN`, so the fix that
/// gives a step a token would not reach it: reported for a person.
fn composer_limit(line: &Line<'_>) -> Option<Hit> {
    let c = super::util::regex!(r"GitHub API limit \((\d+) calls/hr\) is exhausted").captures(line.text)?;
    let authenticated = Some(&c[1] != "60");
    let mut hit = rate_limit_hit(
        RateLimitService::GithubRestPrimary,
        authenticated,
        0.85,
        "Composer exhausted the GitHub API rate limit while downloading packages. Composer takes its token from \
         COMPOSER_AUTH or its github-oauth setting (setup-php can configure it), not from GITHUB_TOKEN: a person \
         configures it, so no fix is made.",
    );
    hit.fixable = false;
    Some(hit)
}

/// `exceeded for 1.2.3.4`: the unauthenticated limit is counted per IP.
fn regex_ip(text: &str) -> bool {
    super::util::regex!(r"exceeded for \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}").is_match(text)
}

fn not_permitted(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The token lacks the permission (or is not valid) for this GitHub API call: a permissions or secrets \
         problem, not a rate limit.",
    ))
}

fn gh_token_missing(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The gh CLI ran without a token: the step needs `env: GH_TOKEN: ${{ github.token }}` (or another token).",
    ))
}
