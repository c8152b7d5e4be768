//! GitHub Pages' actions: actions/upload-pages-artifact and
//! actions/deploy-pages.
//!
//! Sources: upload-pages-artifact's `action.yml` (a composite action whose
//! archive step opens `::group::Archive artifact` and runs `tar
//! --dereference --hard-dereference --directory "$INPUT_PATH" -cvf
//! "$RUNNER_TEMP/artifact.tar" …`, `gtar` on macOS; before v3 it first ran
//! `chmod -c -R +rX "$INPUT_PATH"`): the `path` input is "the directory
//! containing the static assets", the site build's output, so GNU tar's
//! `tar: {dir}: Cannot open: No such file or directory` (chmod's `chmod:
//! cannot access '{dir}': No such file or directory`) there names a directory
//! the run should have made, never a tracked path that moved (as
//! JamesIves/github-pages-deploy-action's deploy folder, `actions.rs`).
//! deploy-pages' `src/internal/api-client.js` logs each failed request's
//! heading with `core.error` (`Creating Pages deployment failed`, `Getting
//! Pages deployment status failed`, `Canceling Pages deployment failed`,
//! `Fetching artifact metadata failed. Is githubstatus.com reporting issues
//! …`) and throws; `src/internal/deployment.js` explains a refused creation
//! as `Failed to create deployment (status: {status}) with build version
//! {sha}.[ Request ID {id}]` followed by ` Responded with: {message}` (400),
//! ` Ensure GITHUB_TOKEN has permission "pages: write".` (403), ` Ensure
//! GitHub Pages has been enabled: {server}/{repo}/settings/pages` (404) or `
//! Server error, is githubstatus.com reporting a Pages outage? …` (5xx), which
//! the action fails with; the artifact lookup throws `No artifacts found for
//! this workflow run. Ensure artifacts are uploaded with actions/artifact@v4
//! or later.` or `Multiple artifacts unexpectedly found for this workflow run.
//! Artifact count is {n}.`; while it polls, a final status fails the step
//! with its text (`Deployment failed, try again later.`, `Artifact could not
//! be deployed. Please ensure the content does not contain any hard links,
//! symlinks and total size is less than 10GB.`, `Deployment cancelled.`,
//! `Deployment failed to report final status.`), too many failed polls with
//! `Too many errors, aborting!`, and its own `timeout` input (milliseconds,
//! at most 600000) with `Timeout reached, aborting!`: the action's wait for
//! the Pages deployment, not the job's time limit.

use super::util::{path_hit, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "pages/archive-dir-missing",
        grammar: "tar: {dir}: Cannot open: No such file or directory | gtar: {dir}: Cannot open: No such file or \
                  directory | chmod: cannot access '{dir}': No such file or directory (in upload-pages-artifact's \
                  `Archive artifact` step, `{dir}` its `path` input)",
        needles: &["Cannot open: No such file or directory", "chmod: cannot access '"],
        check: archive_dir_missing,
        examples: &[ex_after(
            &["Archive artifact"],
            "tar: _site: Cannot open: No such file or directory",
            Category::FileNotFound,
            Some("_site"),
        )],
    },
    Entry {
        id: "pages/request-failed",
        grammar: "Creating Pages deployment failed | Getting Pages deployment status failed | Canceling Pages \
                  deployment failed | Fetching artifact metadata failed. Is githubstatus.com reporting issues with \
                  API requests, Pages, or Actions? … (deploy-pages' heading above the error it explains)",
        needles: &[
            "Pages deployment failed",
            "Pages deployment status failed",
            "Fetching artifact metadata failed",
        ],
        check: request_failed,
        examples: &[ex("##[error]Creating Pages deployment failed", Category::Unknown, None)],
    },
    Entry {
        id: "pages/deployment-refused",
        grammar: "Failed to create deployment (status: {status}) with build version {sha}.[ Request ID {id}][ \
                  Responded with: {message}| Ensure GITHUB_TOKEN has permission \"pages: write\".| Ensure GitHub \
                  Pages has been enabled: {url}| Server error, …]",
        needles: &["Failed to create deployment (status: "],
        check: deployment_refused,
        examples: &[ex(
            "##[error]Error: Failed to create deployment (status: 404) with build version 5be1c07. Request ID \
             84C2:3A1F07 Ensure GitHub Pages has been enabled: https://github.com/acme/site/settings/pages",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "pages/deployment-ended",
        grammar: "No artifacts[ named \"{name}\" were] found for this workflow run. … | Multiple artifacts[ named \
                  \"{name}\" were] unexpectedly found for this workflow run. Artifact count is {n}. | Deployment failed, try again later. | Artifact could not be \
                  deployed. … | Deployment cancelled. | Deployment failed to report final status. | Too many errors, \
                  aborting! | Timeout reached, aborting! (deploy-pages)",
        needles: &[
            "artifacts found for this workflow run",
            "artifacts unexpectedly found for this workflow run",
            "were found for this workflow run",
            "were unexpectedly found for this workflow run",
            "Deployment failed, try again later.",
            "Artifact could not be deployed.",
            "Deployment failed to report final status.",
            "Too many errors, aborting!",
            "Timeout reached, aborting!",
        ],
        check: deployment_ended,
        examples: &[
            ex("##[error]Timeout reached, aborting!", Category::Unknown, None),
            ex(
                "##[error]Error: No artifacts found for this workflow run. Ensure artifacts are uploaded with \
                 actions/artifact@v4 or later.",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// The archive step of upload-pages-artifact: its script (as the log echoes
/// it) archives `$INPUT_PATH` into `artifact.tar`, and it opens the group
/// `Archive artifact` before tar runs.
fn in_archive_step(line: &Line<'_>) -> bool {
    (line.script.contains("\"$INPUT_PATH\"") && line.script.contains("artifact.tar"))
        || line.recent.iter().any(|l| l.trim() == "Archive artifact")
}

fn archive_dir_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let c = regex!(r"^(?:g?tar: (.+?): Cannot open|chmod: cannot access '(.+)'): No such file or directory$")
        .captures(text)?;
    if !in_archive_step(line) {
        return None;
    }
    let dir = c.get(1).or_else(|| c.get(2))?.as_str();
    // The site directory is the build's output: never a tracked path that
    // moved, so not fixable (as a deploy folder, review87 H2).
    Some(
        path_hit(
            dir,
            0.75,
            "The directory upload-pages-artifact archives (its `path` input) does not exist: the site build wrote \
             elsewhere or did not make it. It is the build's output, so no path in the repository is where it went: \
             check the build step and the directory it writes, or the `path` input (a manual fix).",
        )
        .fixable(false),
    )
}

fn request_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let known = [
        "Creating Pages deployment failed",
        "Getting Pages deployment status failed",
        "Canceling Pages deployment failed",
    ];
    (known.contains(&text) || text.starts_with("Fetching artifact metadata failed. Is githubstatus.com")).then(|| {
        Hit::summary(
            "deploy-pages' request to the Pages API failed (the error it explains follows: a refused deployment, \
             no artifact, an outage).",
        )
    })
}

fn deployment_refused(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?Failed to create deployment \(status: (\d{3})\) with build version \S+?\.(?: |$)")
        .captures(line.text.trim())?;
    let status: u16 = c[1].parse().ok()?;
    let message = match status {
        404 => {
            "The Pages API has no site to deploy to (404): GitHub Pages is not enabled for the repository, or its \
             source is not \"GitHub Actions\" (Settings → Pages; a person enables it)."
        }
        403 => {
            "The Pages API refused the deployment (403): the job's token lacks `pages: write` (and `id-token: \
             write`) or the environment does not let this branch deploy."
        }
        400 => "The Pages API refused the deployment request (400); its answer says why.",
        s if s >= 500 => "The Pages API failed (a server error): an outage; re-run the deployment later.",
        _ => "The Pages API refused the deployment.",
    };
    Some(Hit::blocker(message))
}

fn deployment_ended(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    let message = if text == "Timeout reached, aborting!" {
        "deploy-pages stopped waiting for the Pages deployment: its own `timeout` input (milliseconds, at most \
         600000) ran out, not the job's time limit. The deployment was slow or stuck; re-run it, or raise the \
         input."
    } else if text == "Too many errors, aborting!" {
        "deploy-pages could not read the deployment's status (its requests kept failing): an outage; re-run it."
    } else if regex!(r#"^No artifacts (?:named "[^"]+" were )?found for this workflow run\."#).is_match(text) {
        "deploy-pages found no Pages artifact in this run: upload-pages-artifact did not run (or failed) before \
         it, or uploaded under another `name` (an artifact actions/upload-artifact made is not a Pages \
         artifact), or only the deploy job was re-run and the artifact belongs to an earlier attempt."
    } else if regex!(r#"^Multiple artifacts (?:named "[^"]+" were )?unexpectedly found for this workflow run\."#)
        .is_match(text)
    {
        "deploy-pages found several artifacts of the name it deploys (one per matrix leg or per upload): upload \
         one Pages artifact per run."
    } else if text == "Deployment failed, try again later." || text == "Deployment failed to report final status." {
        "The Pages deployment failed on GitHub's side: re-run it."
    } else if text.starts_with("Artifact could not be deployed.") {
        "GitHub Pages refused the artifact's content (hard links, symlinks, files without read permission for \
         others, or over the size limit)."
    } else if text == "Deployment cancelled." {
        "The Pages deployment was cancelled (a newer deployment, or by hand)."
    } else {
        return None;
    };
    Some(Hit::blocker(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_step<'a>(text: &'a str, recent: &'a [&'a str], script: &'a str) -> Line<'a> {
        Line {
            recent,
            script,
            ..Line::plain(text)
        }
    }

    const ARCHIVE_SCRIPT: &str = "echo ::group::Archive artifact\ntar \\\n  --dereference --hard-dereference \\\n  \
                                  --directory \"$INPUT_PATH\" \\\n  -cvf \"$RUNNER_TEMP/artifact.tar\" \\\n  \
                                  --exclude=.git \\\n  .\necho ::endgroup::";

    #[test]
    fn the_site_directory_is_a_build_output_never_fixable() {
        for (text, recent, script, subject) in [
            (
                "tar: _site: Cannot open: No such file or directory",
                &[][..],
                ARCHIVE_SCRIPT,
                "_site",
            ),
            (
                "gtar: public: Cannot open: No such file or directory",
                &[][..],
                ARCHIVE_SCRIPT,
                "public",
            ),
            (
                "tar: docs/book: Cannot open: No such file or directory",
                &["Run actions/upload-pages-artifact@v3", "Archive artifact"][..],
                "",
                "docs/book",
            ),
            (
                "chmod: cannot access 'site/': No such file or directory",
                &[][..],
                "chmod -c -R +rX \"$INPUT_PATH\" | while read line; do\ndone\ntar --directory \"$INPUT_PATH\" -cvf \
                 \"$RUNNER_TEMP/artifact.tar\" .",
                "site",
            ),
        ] {
            let hit = archive_dir_missing(&in_step(text, recent, script)).expect(text);
            assert_eq!(hit.category, Category::FileNotFound, "{text}");
            assert_eq!(hit.subject.as_deref(), Some(subject), "{text}");
            assert!(!hit.fixable, "{text}");
            assert!(hit.message.contains("build's output"), "{}", hit.message);
        }
    }

    /// The same tar message in any other step is tar's own (`shell.rs`).
    #[test]
    fn tar_elsewhere_is_not_the_pages_archive() {
        for (recent, script) in [
            (&[][..], "tar -czf dist.tgz -C build ."),
            (&["Archive artifacts"][..], "tar -czf out.tgz reports"),
        ] {
            assert!(
                archive_dir_missing(&in_step(
                    "tar: build: Cannot open: No such file or directory",
                    recent,
                    script
                ))
                .is_none()
            );
        }
        assert!(
            archive_dir_missing(&in_step(
                "tar: _site: Cannot open: Permission denied",
                &[],
                ARCHIVE_SCRIPT
            ))
            .is_none()
        );
    }

    #[test]
    fn a_refused_deployment_says_why_by_status() {
        let enabled = deployment_refused(&Line::plain(
            "Error: Failed to create deployment (status: 404) with build version 5be1c07a9. Request ID 84C2:3A1F07 \
             Ensure GitHub Pages has been enabled: https://github.com/acme/site/settings/pages",
        ))
        .expect("404");
        assert!(enabled.message.contains("not enabled"), "{}", enabled.message);
        assert!(!enabled.fixable);
        let token = deployment_refused(&Line::plain(
            "Failed to create deployment (status: 403) with build version 5be1c07a9. Ensure GITHUB_TOKEN has \
             permission \"pages: write\".",
        ))
        .expect("403");
        assert!(token.message.contains("pages: write"), "{}", token.message);
        assert!(deployment_refused(&Line::plain("echo Failed to create deployment (status: 404)")).is_none());
    }

    #[test]
    fn the_named_artifact_lookup_of_v4_is_read_as_the_unnamed_one() {
        for text in [
            "##[error]Error: No artifacts named \"github-pages\" were found for this workflow run. Ensure artifacts are \
             uploaded with actions/upload-artifact@v4 or later.",
            "Error: No artifacts found for this workflow run. Ensure artifacts are uploaded with actions/artifact@v4 \
             or later.",
            "Error: Multiple artifacts named \"docs\" were unexpectedly found for this workflow run. Artifact count \
             is 2.",
        ] {
            let hit = deployment_ended(&Line::plain(text.trim_start_matches("##[error]"))).expect(text);
            assert_eq!(hit.category, Category::Unknown, "{text}");
            assert_eq!(hit.strength, crate::classify::hit::Strength::Blocker, "{text}");
        }
        assert!(deployment_ended(&Line::plain("No artifacts named in the upload step")).is_none());
    }

    #[test]
    fn deploy_pages_own_timeout_is_no_job_limit() {
        let hit = deployment_ended(&Line::plain("Timeout reached, aborting!")).expect("timeout");
        assert_eq!(hit.category, Category::Unknown);
        assert!(hit.message.contains("not the job's time limit"), "{}", hit.message);
        crate::classify::catalogue::assert_reads(
            deployment_ended,
            &[
                "Deployment failed, try again later.",
                "Error: Multiple artifacts unexpectedly found for this workflow run. Artifact count is 2.",
                "Artifact could not be deployed. Please ensure the content does not contain any hard links, symlinks \
                 and total size is less than 10GB.",
            ],
            &[
                "Timeout reached, aborting! (retrying)",
                "Deployment failed, try again later. or not",
            ],
        );
    }

    #[test]
    fn the_request_headings_are_summaries() {
        crate::classify::catalogue::assert_reads(
            request_failed,
            &[
                "Creating Pages deployment failed",
                "Getting Pages deployment status failed",
                "Fetching artifact metadata failed. Is githubstatus.com reporting issues with API requests, Pages, or \
                 Actions? Please re-run the deployment at a later time.",
            ],
            &["echo Creating Pages deployment failed", "Creating Pages deployment"],
        );
    }
}
