//! `npm publish`: the registry's refusal of a publish.
//!
//! Sources: npm's `lib/commands/publish.js` logs `npm notice Publishing to
//! {registry} with tag {tag} and {access} access` just before it sends the
//! package (and, with provenance, `npm notice publish Signed provenance
//! statement …` and `… published to transparency log: …`); the request is a
//! `PUT` of the package document. When the registry refuses it,
//! `npm-registry-fetch`'s `HttpErrorGeneral` carries the message `{status}
//! {statusText} - {METHOD} {url}` followed by ` - {error}` when the registry's
//! body names one, and npm's error report (`lib/utils/error-message.js`)
//! prints `npm error code E{status}` and then that message under the status
//! (`npm error 404 Not Found - PUT https://registry.npmjs.org/@scope%2fname -
//! Not found`; for a 403 the summary repeats the status: `npm error 403 403
//! Forbidden - PUT … - You cannot publish over the previously published
//! versions: 1.2.0.`). npm 6–9 print the same lines under `npm ERR! `.
//!
//! The status line holds the registry's reason, so it is the finding; the
//! `code E{status}` line above it is only its heading when npm was
//! publishing (its `Publishing to` notice among the lines just before). A
//! refused publish is a person's call whatever the status (a version already
//! published, a name too close to an existing package's, a scope that does
//! not exist or that the token may not write, provenance that does not match
//! `repository.url` or that a self-hosted runner signed, a private package
//! without `--access public`); a 429 is the rate-limit entries' (`node.rs`,
//! `http.rs`).

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "npm_publish/refused",
        grammar: "npm error {status} [{status} ]{statusText} - PUT {url}[ - {reason}] (npm 6-9: npm ERR! …)",
        needles: &[" - PUT http"],
        check: refused,
        examples: &[
            ex(
                "npm error 404 Not Found - PUT https://registry.npmjs.org/@acme%2fcli - Not found",
                Category::Unknown,
                None,
            ),
            ex(
                "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/left-pad - You cannot publish over the \
                 previously published versions: 1.3.0.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "npm_publish/code-heading",
        grammar: "npm notice Publishing to {registry} with tag {tag} and {access} access … npm error code E{status} \
                  (the heading of the status line that follows)",
        needles: &["npm error code E", "npm ERR! code E"],
        check: code_heading,
        examples: &[ex_after(
            &["npm notice Publishing to https://registry.npmjs.org/ with tag latest and public access"],
            "npm error code E404",
            Category::Unknown,
            None,
        )],
    },
];

/// The registry's answer to the publish request, as npm prints it.
fn refused(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^npm (?:error|ERR!) (\d{3}) (?:\d{3} )?([A-Za-z][A-Za-z ]*?) - PUT (\S+)(?: - (.*))?$")
        .captures(line.text.trim())?;
    let status: u16 = c[1].parse().ok()?;
    if status == 429 {
        return None;
    }
    let reason = c.get(4).map_or("", |m| m.as_str()).trim();
    let package = package_of(&c[3]);
    let why = match status {
        403 if reason.contains("cannot publish over") => {
            "that version is already published, and a published version can never be published again: a person bumps \
             the version (or skips publishing it)"
                .to_string()
        }
        422 if reason.contains("provenance") => provenance_refusal(reason).to_string(),
        404 => "the registry answers 404 to a publish when the scope or organisation does not exist or the token may \
                not publish to it: a person creates the scope or gives the token access"
            .to_string(),
        402 => "a scoped package is private unless published with `--access public` (or `publishConfig.access`), \
                which needs a paid plan"
            .to_string(),
        403 if reason.contains("too similar to existing package") => {
            "the registry refuses a new name too close to an existing package's (its typosquatting guard): a person \
             renames the package or publishes it under a scope"
                .to_string()
        }
        401 => CREDENTIALS.to_string(),
        403 if about_credentials(reason) => CREDENTIALS.to_string(),
        403 => "the registry refused the publish".to_string(),
        500..=599 => "the registry failed (an outage): a person runs it again later".to_string(),
        _ => format!("the registry answered {status}"),
    };
    Some(Hit::blocker(format!(
        "npm could not publish {}: {why}.{}",
        display_text(&package),
        if reason.is_empty() {
            String::new()
        } else {
            format!(" The registry said: {}", display_text(reason))
        }
    )))
}

const CREDENTIALS: &str = "the registry refused the credentials: the token is missing, expired, read-only, or may \
                           not publish this package (two-factor settings can require a granular token)";

/// A 403's reason that is about who publishes: none at all (a bare
/// `Forbidden`), or the registry's words for a user or token without the
/// right (`You do not have permission to publish "{name}". Are you logged in
/// as the correct user?`, `You may not perform that action with these
/// credentials.`, `Two-factor authentication or granular access token with
/// bypass 2fa enabled is required to publish packages.`). Its other 403s
/// (a name too close to another's, spam detection) are not the token's.
fn about_credentials(reason: &str) -> bool {
    let lower = reason.to_ascii_lowercase();
    matches!(lower.as_str(), "" | "forbidden")
        || ["permission", "credentials", "logged in", "two-factor", "2fa", "token"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Why the registry refused a publish's provenance bundle, by its own words
/// (its `error` after `Error verifying sigstore provenance bundle: `): the
/// registry accepts a bundle only from a GitHub-hosted runner (`Unsupported
/// GitHub Actions runner environment: "self-hosted". Only "github-hosted"
/// runners are supported …`, also what third-party runner services report),
/// and it checks package.json's repository against the bundle's (`Failed to
/// validate repository information: package.json: "repository.url" is …,
/// expected to match … from provenance`). Any other reason is only relayed.
fn provenance_refusal(reason: &str) -> &'static str {
    if reason.contains("Unsupported GitHub Actions runner environment") {
        "the registry accepts a provenance statement only from a GitHub-hosted runner, and this job ran on a \
         self-hosted one (runner services outside GitHub count as self-hosted): a person publishes from a \
         GitHub-hosted runner or without `--provenance`"
    } else if reason.contains("Failed to validate repository information") || reason.contains("repository.url") {
        "the registry rejected the provenance statement: package.json's `repository.url` must name the repository \
         that built the package (a fork, a rename or a transfer leaves it pointing elsewhere)"
    } else {
        "the registry rejected the provenance statement"
    }
}

/// `@scope%2fname` in the request's path, as the package's name.
fn package_of(url: &str) -> String {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let name = path.split_once('/').map_or("", |(_, name)| name);
    name.replace("%2f", "/").replace("%2F", "/")
}

/// npm's `code E{status}` line of a publish: the status line below it says
/// why (`refused`), so this one only heads it. A 429 is a rate limit's
/// (`node.rs`), and a line outside a publish (an install's `E404` for a
/// package that does not exist) stays `node.rs`'s.
fn code_heading(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^npm (?:error|ERR!) code E(\d{3})$").captures(line.text.trim())?;
    if &c[1] == "429" {
        return None;
    }
    let publishing = line.recent.iter().any(|l| {
        let l = l.trim_start();
        l.starts_with("npm notice Publishing to ") || l.starts_with("npm notice publish ")
    });
    publishing.then(|| Hit::summary("npm's publish was refused; the registry's reason is on the line below."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn the_status_line_of_a_publish_is_the_registrys_refusal() {
        assert_reads(
            refused,
            &[
                "npm error 422 Unprocessable Entity - PUT https://registry.npmjs.org/@kestrel-ui%2fwidgets - Error \
                 verifying sigstore provenance bundle: Failed to validate repository information: package.json: \
                 \"repository.url\" is \"\", expected to match \"https://github.com/kestrel-ui/widgets\" from \
                 provenance",
                "npm ERR! 402 Payment Required - PUT https://registry.npmjs.org/@orbit%2ficons - You must sign up for \
                 private packages",
                "npm error 503 Service Unavailable - PUT https://registry.npmjs.org/x",
            ],
            &[
                // A 429 is the rate-limit entries'; a fetch is no publish.
                "npm error 429 Too Many Requests - PUT https://registry.npmjs.org/x",
                "npm error 404 Not Found - GET https://registry.npmjs.org/@acme%2fdesign-tokens - Not found",
                // changesets' relay of the same line is changesets' own.
                "🦋  error npm error 402 Payment Required - PUT https://registry.npmjs.org/@orbit%2ficons",
                "echo 'npm error 404 Not Found - PUT https://registry.npmjs.org/x'",
            ],
        );
        let hit = refused(&Line::plain(
            "npm error 403 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fui-kit - You cannot publish over \
             the previously published versions: 2.1.0.",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.fixable, hit.strength),
            (Category::Unknown, false, Strength::Blocker)
        );
        assert!(
            hit.message.contains("@acme/ui-kit") && hit.message.contains("already published"),
            "{}",
            hit.message
        );
        let hit = refused(&Line::plain(
            "npm error 404 Not Found - PUT https://registry.npmjs.org/@driftwood-tools%2fcli - Not found",
        ))
        .expect("read");
        assert!(hit.message.contains("scope"), "{}", hit.message);
    }

    /// A provenance refusal is explained by the registry's own reason: a
    /// self-hosted runner is not a `repository.url` mismatch (npm's 422 as
    /// nhost/nhost#4994 and worldcoin/minikit-js#350 show it).
    #[test]
    fn a_provenance_refusal_is_explained_by_its_own_reason() {
        let read = |reason: &str| {
            refused(&Line::plain(&format!(
                "npm error 422 Unprocessable Entity - PUT https://registry.npmjs.org/@tern%2fcli-linux-x64 - {reason}"
            )))
            .expect("read")
            .message
        };
        let runner = read(
            "Error verifying sigstore provenance bundle: Unsupported GitHub Actions runner environment: \
             \"self-hosted\". Only \"github-hosted\" runners are supported when publishing with provenance.",
        );
        assert!(
            runner.contains("GitHub-hosted runner") && !runner.contains("`repository.url` must"),
            "{runner}"
        );
        let repository = read(
            "Error verifying sigstore provenance bundle: Failed to validate repository information: package.json: \
             \"repository.url\" is \"git+https://github.com/old-owner/tern.git\", expected to match \
             \"https://github.com/tern-dev/tern\" from provenance",
        );
        assert!(repository.contains("`repository.url` must"), "{repository}");
        let other = read("Error verifying sigstore provenance bundle: bundle signature is invalid");
        assert!(
            !other.contains("`repository.url` must") && !other.contains("GitHub-hosted") && other.contains("rejected"),
            "{other}"
        );
    }

    /// A 403 is the credentials' only when the registry's reason says so (or
    /// it gives none): its typosquat refusal names the name, not the token
    /// (`Package name too similar to existing packages …; try renaming your
    /// package to '@scope/name' …`, npm/npm#19438, peterpeterparker/yawa#2).
    #[test]
    fn a_403_blames_the_token_only_when_the_reason_does() {
        let read = |reason: &str| {
            let dash = if reason.is_empty() { "" } else { " - " };
            refused(&Line::plain(&format!(
                "npm error 403 403 Forbidden - PUT https://registry.npmjs.org/quill-kit{dash}{reason}"
            )))
            .expect("read")
            .message
        };
        let similar = read(
            "Package name too similar to existing packages quilt-kit,quillkit; try renaming your package to \
             '@harbor/quill-kit' and publishing with 'npm publish --access=public' instead",
        );
        assert!(
            similar.contains("too close to") && !similar.contains("credentials"),
            "{similar}"
        );
        for credentials in [
            "",
            "You do not have permission to publish \"quill-kit\". Are you logged in as the correct user?",
            "Two-factor authentication or granular access token with bypass 2fa enabled is required to publish \
             packages.",
        ] {
            assert!(read(credentials).contains("credentials"), "{credentials}");
        }
        let other =
            read("Package name triggered spam detection; if you believe this is in error, please contact support");
        assert!(!other.contains("credentials") && other.contains("refused"), "{other}");
    }

    /// The code line heads the status line only in a publish; an install's
    /// `E404` (no `Publishing to` notice) is left to `node.rs`.
    #[test]
    fn the_code_line_is_a_heading_only_in_a_publish() {
        let recent = [
            "npm notice",
            "npm notice Publishing to https://registry.npmjs.org/ with tag latest and public access",
        ];
        let line = Line {
            recent: &recent,
            ..Line::plain("npm error code E404")
        };
        let hit = code_heading(&line).expect("read");
        assert_eq!(hit.strength, Strength::Summary);
        let provenance = [
            "npm notice publish Signed provenance statement with source and build information from GitHub Actions",
            "npm notice publish Provenance statement published to transparency log: https://search.sigstore.dev/?logIndex=1",
        ];
        let line = Line {
            recent: &provenance,
            ..Line::plain("npm error code E422")
        };
        assert!(code_heading(&line).is_some());
        for (recent, text) in [
            (&recent[..], "npm error code E429"),
            (&recent[..], "npm error code EOTP"),
            (&[][..], "npm error code E404"),
            (&["npm notice Publishing to soon"][..], "npm error code E404 now"),
        ] {
            let line = Line {
                recent,
                ..Line::plain(text)
            };
            assert!(code_heading(&line).is_none(), "{text}");
        }
    }
}
