//! The GitHub REST and GraphQL APIs, as relayed by Octokit (`actions/github-script`,
//! JavaScript actions), PyGithub, the `gh` CLI and `curl`.
//!
//! Sources: "Rate limits for the REST API" in the GitHub docs (the primary
//! limit's `API rate limit exceeded for {user ID|installation ID|IP}` and the
//! secondary limit's `You have exceeded a secondary rate limit`), the
//! `@octokit/plugin-throttling` messages, PyGithub's `RateLimitExceededException`,
//! and "Troubleshooting" for `Resource not accessible by integration`; the
//! refusal GitHub gives when the repository or organization does not let
//! Actions create pull requests (`GitHub Actions is not permitted to create or
//! approve pull requests`, the changelog of 2022-05-03 and the Actions settings
//! docs); Composer's
//! GitHub downloads (`GitHub API limit ({n} calls/hr) is exhausted, could not
//! fetch {url}. …`, Composer's `Util/GitHub` and `RemoteFilesystem`). The GraphQL
//! API's primary limit ("Rate limits and query limits for the GraphQL API"):
//! an error of type `RATE_LIMITED` whose message is `API rate limit exceeded
//! for …` or, once the points are spent, `API rate limit already exceeded for
//! …`; `gh` prints it as `GraphQL: {message}`, Octokit's `GraphqlResponseError`
//! as ` - {message}` under `Request failed due to following response errors:`.
//! It is the same service and fix as the REST primary limit.
//! Any other refusal as Octokit throws it (`@octokit/request-error`: a
//! `RequestError` named `HttpError` whose message is GitHub's `message`), which
//! Node prints as `RequestError [HttpError]: {message}` at the head of the
//! error's dump (github-script then fails with `Unhandled error: HttpError:
//! {message}`); the REST API answers `Not Found` (404) also for a private
//! repository the token may not see ("Troubleshooting the REST API").
//! `gh` prints a GraphQL answer's errors as `GraphQL: {message} ({path}), …`
//! (`api.GraphQLError`; `Could not resolve to a Repository with the name
//! '{owner}/{name}'. (repository)` for one the token cannot see), and `gh pr
//! create` refuses a second pull request for a branch with `a pull request for
//! branch "{head}" into branch "{base}" already exists:` and its URL
//! (`pkg/cmd/pr/create`).

use super::util::rate_limit_hit;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

/// The texts of GitHub's own answer when the secondary limit refuses a
/// request (the `message` of the REST API's 403/429 body, and of a GraphQL
/// error, as "Rate limits for the REST API" shows it; the older wording
/// first), which `gh` prints as it gets them (`gh: {message} (HTTP 403)`,
/// `GraphQL: {message}`). A retry of a write looks for them in the failed
/// attempt's error output: only a request GitHub refused is sent again.
pub const SECONDARY_LIMIT_REFUSALS: &[&str] = &["abuse detection mechanism", "exceeded a secondary rate limit"];

/// The programs that print a GitHub API message of `text`'s form, for a
/// script's tolerance of it (`catalogue::programs_of`): Octokit's forms
/// (`@octokit/request-error`'s `RequestError [HttpError]: …` and
/// `HttpError: …`, `@octokit/graphql`'s `GraphqlResponseError`,
/// `@octokit/plugin-throttling`'s `Request quota exhausted for request …` and
/// `SecondaryRateLimit detected for request …`, and the `message: '…'` of
/// the error's `response.data` in Node's dump of it, `util.inspect`'s
/// unquoted key and single-quoted string) come from a JavaScript
/// program (node and what runs it: a package manager's script, a TypeScript
/// runner, a script file by its extension); PyGithub's exceptions
/// (`github.GithubException.{Name}: {status} {data}`, its `GithubException`'s
/// `__str__`) from a Python one. Any other form is a command-line client's
/// (`gh`, `hub`) or an HTTP fetch's (`curl`, `wget`) as before: a runtime
/// on another line tolerates nothing of it.
pub fn printers(text: &str) -> &'static [&'static str] {
    const OCTOKIT: &[&str] = &[
        "RequestError [HttpError]",
        "HttpError: ",
        "GraphqlResponseError",
        "Request quota exhausted for request",
        "SecondaryRateLimit detected for request",
    ];
    const PYGITHUB: &[&str] = &["github.GithubException.", "GithubException: "];
    if OCTOKIT.iter().any(|f| text.contains(f)) || text.trim_start().starts_with("message: '") {
        &[
            "node", "nodejs", "npx", "npm", "pnpm", "yarn", "bun", "tsx", "ts-node", ".js", ".mjs", ".cjs", ".ts",
            ".mts",
        ]
    } else if PYGITHUB.iter().any(|f| text.contains(f)) {
        &[
            "python", "python3", "py", "uv", "poetry", "pipenv", "pdm", "hatch", ".py",
        ]
    } else {
        &["gh", "hub", "curl", "wget"]
    }
}

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
        grammar: "API rate limit [already ]exceeded for {installation ID n | user ID n | ip}. [(But here's the good \
                  news: Authenticated requests get a higher rate limit. …)] | Request quota exhausted for request \
                  {method} {url} | GraphQL: {message} (gh) | type: 'RATE_LIMITED' (a GraphQL error's type)",
        needles: &[
            "API rate limit exceeded",
            "API rate limit already exceeded",
            "Request quota exhausted",
            "RATE_LIMITED",
        ],
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
            ex(
                "GraphQL: API rate limit already exceeded for user ID 4242.",
                Category::RateLimit,
                Some("GitHub REST API"),
            ),
            ex(
                "      type: 'RATE_LIMITED',",
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
                  credentials | Requires authentication | GitHub Actions is not permitted to create or approve pull \
                  requests[.] (the REST API's 403 message, which `gh` relays as `pull request create failed: \
                  GraphQL: {message} (createPullRequest)`)",
        needles: &[
            "Resource not accessible by",
            "Bad credentials",
            "Requires authentication",
            "is not permitted to create or approve pull requests",
        ],
        check: not_permitted,
        examples: &[
            ex(
                "RequestError [HttpError]: Resource not accessible by integration",
                Category::Unknown,
                None,
            ),
            ex(
                "pull request create failed: GraphQL: GitHub Actions is not permitted to create or approve pull \
                 requests (createPullRequest)",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "github_api/graphql-refused",
        grammar: "GraphQL: {message} ({path})[, {message} ({path})…] (gh's GraphQL errors, after the entries above \
                  read the limits and permissions among them)",
        needles: &["GraphQL: "],
        check: graphql_refused,
        examples: &[ex(
            "GraphQL: Could not resolve to a Repository with the name 'acme/infra'. (repository)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "github_api/pull-request-exists",
        grammar: "a pull request for branch \"{head}\" into branch \"{base}\" already exists:",
        needles: &["already exists:"],
        check: pull_request_exists,
        examples: &[ex(
            "a pull request for branch \"release/2.0\" into branch \"main\" already exists:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "github_api/request-refused",
        grammar: "RequestError [HttpError]: {GitHub's message} (the head of an Octokit error's dump)",
        needles: &["RequestError [HttpError]: "],
        check: request_refused,
        examples: &[ex("RequestError [HttpError]: Not Found", Category::Unknown, None)],
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
    // `RATE_LIMITED` only as a GraphQL error's `type` (JSON or a JavaScript
    // object dump), not as any identifier that contains the word.
    if text.contains("RATE_LIMITED")
        && !text.contains("API rate limit")
        && !super::util::regex!(r#"\btype['"]?\s*:\s*['"]RATE_LIMITED['"]"#).is_match(text)
    {
        return None;
    }
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

fn not_permitted(line: &Line<'_>) -> Option<Hit> {
    if line
        .text
        .contains("is not permitted to create or approve pull requests")
    {
        return Some(Hit::blocker(
            "GitHub refused to let the workflow's token create or approve a pull request: the repository's (or \
             organization's) Actions setting \"Allow GitHub Actions to create and approve pull requests\" is off. \
             An owner changes the setting (or the step uses another token); no workflow edit fixes it.",
        ));
    }
    Some(Hit::blocker(
        "The token lacks the permission (or is not valid) for this GitHub API call: a permissions or secrets \
         problem, not a rate limit.",
    ))
}

/// An API call GitHub refused for a reason the entries above do not name.
fn request_refused(line: &Line<'_>) -> Option<Hit> {
    let message = line.text.trim().strip_prefix("RequestError [HttpError]: ")?.trim();
    if message.is_empty() {
        return None;
    }
    Some(Hit::blocker(if message == "Not Found" {
        "The GitHub API answered Not Found: the resource does not exist, or the token may not see it (GitHub \
         answers 404, not 403, for a private repository the token has no access to)."
            .to_string()
    } else {
        format!("The GitHub API refused the call: {message}.")
    }))
}

/// gh's report of GraphQL errors the entries above did not name.
fn graphql_refused(line: &Line<'_>) -> Option<Hit> {
    let message = line.text.trim().strip_prefix("GraphQL: ")?.trim();
    if message.is_empty() {
        return None;
    }
    Some(Hit::blocker(if message.starts_with("Could not resolve to a ") {
        "GitHub's GraphQL API found no such object for this token: the name is wrong, or the token may not see it \
         (GITHUB_TOKEN reaches only its own repository)."
            .to_string()
    } else {
        format!("GitHub's GraphQL API refused the request: {message}.")
    }))
}

fn pull_request_exists(line: &Line<'_>) -> Option<Hit> {
    let c = super::util::regex!(r#"^a pull request for branch "([^"]+)" into branch "([^"]+)" already exists:$"#)
        .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "`gh pr create` refused: a pull request from `{}` into `{}` is already open (update it, or skip creating one \
         when it exists).",
        &c[1], &c[2]
    )))
}

fn gh_token_missing(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The gh CLI ran without a token: the step needs `env: GH_TOKEN: ${{ github.token }}` (or another token).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client library's form names the runtime that printed the refusal
    /// (a script run by it may tolerate it); any other form is the CLI
    /// clients' and fetches'.
    #[test]
    fn a_refusals_form_names_the_program_that_printed_it() {
        let cli: &[&str] = &["gh", "hub", "curl", "wget"];
        for node in [
            "RequestError [HttpError]: Resource not accessible by integration",
            "##[error]Unhandled error: HttpError: Not Found",
            "      message: 'Resource not accessible by integration',",
        ] {
            let p = printers(node);
            assert!(
                p.contains(&"node") && p.contains(&".mjs") && !p.contains(&"gh"),
                "{node}"
            );
        }
        let p = printers(
            "github.GithubException.GithubException: 403 {\"message\": \"Resource not accessible by integration\"}",
        );
        assert!(p.contains(&"python") && p.contains(&".py") && !p.contains(&"node"));
        for other in [
            "GraphQL: Pull request Auto merge is not allowed for this repository (enablePullRequestAutoMerge)",
            "  \"message\": \"Resource not accessible by integration\",",
            "Resource not accessible by integration",
        ] {
            assert_eq!(printers(other), cli, "{other}");
        }
    }

    /// What a retry looks for in `gh`'s output is what the classifier calls
    /// the secondary limit, and fits in a single-quoted shell word.
    #[test]
    fn refusal_texts_are_the_secondary_limit() {
        for text in SECONDARY_LIMIT_REFUSALS {
            let line = format!("gh: You have {text}. Please wait a few minutes before you try again. (HTTP 403)");
            assert!(ENTRIES[0].needles.iter().any(|n| line.contains(n)), "{text}");
            assert!(!text.contains(['\'', '\\']) && !text.is_empty());
        }
    }

    #[test]
    fn refusals_no_other_entry_names_are_read_as_gh_and_octokit_print_them() {
        crate::classify::catalogue::assert_reads(
            graphql_refused,
            &[
                "GraphQL: Could not resolve to a Repository with the name 'acme/infra'. (repository)",
                "GraphQL: Something went wrong while executing your query. (createRef)",
            ],
            &["GraphQL: ", "echo GraphQL: x"],
        );
        crate::classify::catalogue::assert_reads(
            pull_request_exists,
            &["a pull request for branch \"feat/x\" into branch \"main\" already exists:"],
            &[
                "Error: tag v1.2.0 already exists:",
                "the branch \"x\" already exists: skipping",
            ],
        );
        crate::classify::catalogue::assert_reads(
            request_refused,
            &[
                "RequestError [HttpError]: Not Found",
                "RequestError [HttpError]: Validation Failed",
            ],
            &["RequestError [HttpError]: ", "HttpError: Not Found"],
        );
        let not_found = request_refused(&Line::plain("RequestError [HttpError]: Not Found")).expect("read");
        assert!(
            not_found.message.contains("private repository"),
            "{}",
            not_found.message
        );
    }

    #[test]
    fn graphql_limits_are_the_primary_limit() {
        for text in [
            "GraphQL: API rate limit already exceeded for user ID 41898282.",
            " - API rate limit already exceeded for user ID 41898282.",
            "      type: 'RATE_LIMITED',",
            r#"{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for 52.160.10.4."}]}"#,
        ] {
            let hit = primary(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::RateLimit, "{text}");
            assert!(matches!(
                hit.detail,
                crate::report::SubjectDetail::RateLimit {
                    service: RateLimitService::GithubRestPrimary,
                    ..
                }
            ));
        }
        // A token's limit: the fix cannot be "authenticate".
        let hit = primary(&Line::plain("GraphQL: API rate limit already exceeded for user ID 7.")).expect("hit");
        assert!(matches!(
            hit.detail,
            crate::report::SubjectDetail::RateLimit {
                authenticated: Some(true),
                ..
            }
        ));
        // The word as an identifier is not GitHub's answer.
        for text in ["const RATE_LIMITED = 429;", "if (err.code === RATE_LIMITED) retry()"] {
            assert!(primary(&Line::plain(text)).is_none(), "{text}");
        }
    }
}
