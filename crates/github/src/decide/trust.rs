//! Whether a run may choose what the bot commits.
//!
//! A failed run's logs are written by whatever the run executed. For a pull request from a
//! fork, that is the fork author's code; for a run started by someone without write access
//! (a first-time contributor's pull request, a comment-triggered workflow), it is theirs.
//! Such a run is *untrusted*: by default it is only reported (an issue with the analysis, no
//! diff, no branch, no pull request), whatever the logs say. A run is trusted when its head
//! commit is in this repository and the user who triggered it has write, maintain or admin
//! permission, and its event runs that commit for that user: a run acting on what someone
//! else wrote (the engine's one list, `rules::audit::OTHERS_CONTENT_TRIGGERS`: a pull
//! request's head it may check out, the run that triggered it, an issue, comment or review it
//! reads) is untrusted whoever triggered it. The account whose push or pull request the run
//! is of (`actor`) must be able to write too when someone else started this attempt
//! (`triggering_actor`): a maintainer who approves or re-runs the run of a pull request the
//! Copilot coding agent, Dependabot or a contributor wrote starts a run of their content (the
//! agent's code was shaped by the failure's log). An app's account or the coding agent is
//! never a writer ([`is_app_account`]), whatever GitHub states for it. Anything unknown (no
//! actor, an unknown user, a deleted fork) is untrusted.

use autoheal_engine::config::UntrustedRuns;
use autoheal_engine::rules::audit::others_content;

use super::copilot::is_copilot_agent;
use crate::fetch::trust::Permission;
use crate::models::WorkflowRun;

/// Roles that may push to the repository (GitHub's role names; `maintain` shows as `write`
/// in the legacy `permission` field).
const WRITE_ROLES: [&str; 3] = ["admin", "maintain", "write"];

/// Whether a permission lets its user push to the repository.
pub fn can_write(permission: &Permission) -> bool {
    permission.as_ref().is_some_and(|p| {
        let legacy = WRITE_ROLES.contains(&p.permission.as_str());
        let role = p.role_name.as_deref().is_some_and(|r| WRITE_ROLES.contains(&r));
        legacy || role
    })
}

/// Whether `login` may push to the repository owned by `owner`: write permission, or the
/// user who owns it (who administers it; an organization never triggers a run nor opens an
/// issue).
pub fn may_write(login: &str, owner: &str, permission: &Permission) -> bool {
    !is_app_account(login) && (can_write(permission) || (!login.is_empty() && login.eq_ignore_ascii_case(owner)))
}

/// Whether `login` is an app's account (`…[bot]`: GitHub allows no `[` in a user's login) or
/// Copilot's coding agent (which also shows as `Copilot`), never a writer whatever permission
/// GitHub states for it: an app with write access pushes, opens and comments for whoever
/// drives it (a dependency updater for upstream releases, a ticket sync for whoever filed
/// the ticket, the agent for the issue it was handed), not for someone who may write. The one
/// app autoheal takes at its word is itself (`is_autoheal`, checked before this by callers).
pub fn is_app_account(login: &str) -> bool {
    login.to_ascii_lowercase().ends_with("[bot]") || is_copilot_agent(login)
}

/// Whether an author GitHub relates to the repository as `association` (a comment's or a
/// review's `author_association`) may be someone who can write: the owner, a member of the
/// owning organization or a collaborator. Only those are asked about for every word: every
/// other account (`CONTRIBUTOR`, `FIRST_TIME_CONTRIBUTOR`, `FIRST_TIMER`, `MANNEQUIN`,
/// `NONE`) is, as far as the token can see, neither, so an outsider's `allow` or approval
/// never counts and costs no ask however many speak (anyone may comment on a public issue).
/// A member or collaborator may still only read: this is a filter before [`may_write`],
/// never a substitute for it. It is not the whole story: a writer whose organization
/// membership is private (GitHub's default) and who writes through a team reads as
/// `CONTRIBUTOR` or `NONE` to a token that cannot see the membership. Not counting them is
/// the safe direction for a permissive word, but the unsafe one for a restrictive word
/// (`never`, `wrong-fix`, a request for changes), so those authors are asked about too
/// ([`may_hide_a_writer`], within a budget of their own).
pub fn may_be_writer(association: &str) -> bool {
    matches!(association, "OWNER" | "MEMBER" | "COLLABORATOR")
}

/// Whether an author GitHub does not relate to the repository as a writer ([`may_be_writer`]
/// is false) may still be one whose organization membership the token cannot see: GitHub
/// then shows a private member as `CONTRIBUTOR` (having committed), `FIRST_TIME_CONTRIBUTOR`
/// or `NONE`. `FIRST_TIMER` (new to GitHub) and `MANNEQUIN` (an imported placeholder) cannot
/// be a maintainer. Only a restrictive word of such an author is worth a permission call.
pub fn may_hide_a_writer(association: &str) -> bool {
    matches!(association, "CONTRIBUTOR" | "FIRST_TIME_CONTRIBUTOR" | "NONE")
}

/// In which order restrictive words are checked, smallest first: an owner, member or
/// collaborator (0), then the associations that may hide a writer from the one a throwaway
/// account cannot have to the one it has from its first comment: `CONTRIBUTOR` (a commit in
/// this repository, 1), `FIRST_TIME_CONTRIBUTOR` (2), `NONE` and anything else (3). The
/// outsiders' budget is then spent where a maintainer with a private membership is likeliest,
/// and a crowd of fresh accounts cannot use it up before them (review84 H1).
pub fn restrictive_check_rank(association: &str) -> u8 {
    if may_be_writer(association) {
        0
    } else {
        match association {
            "CONTRIBUTOR" => 1,
            "FIRST_TIME_CONTRIBUTOR" => 2,
            _ => 3,
        }
    }
}

/// The identity of the built-in `GITHUB_TOKEN`, which cannot ask `GET /user` who it is.
pub const GITHUB_ACTIONS_BOT: &str = "github-actions[bot]";

/// Whether `author` (of an issue or comment) is autoheal acting as `bot_login`: the one rule
/// of which account counts as autoheal, for every use of a record autoheal wrote (the
/// duplicate check, `heal --issue`'s trigger and its cached failures, the runs `heal --many`
/// counts as recorded). It is that login exactly, `[bot]` or not: `bot_login` is what
/// `fetch::trust::fetch_bot_login` learned (`GET /user`, the configured App login, or
/// `github-actions[bot]`). No other app's `[bot]` account counts: an installed app that copies
/// others' text into issues (an error tracker, a ticket sync) must not carry a copied record
/// into autoheal's decisions.
pub fn is_autoheal(author: &str, bot_login: &str) -> bool {
    !author.is_empty() && author.eq_ignore_ascii_case(bot_login)
}

/// Whether autoheal's login is one other writers share: `github-actions[bot]`, the identity
/// of every workflow's `GITHUB_TOKEN` in the repository (what `fetch_bot_login` assumes when
/// `GET /user` is refused and `AUTOHEAL_BOT_LOGIN` is not set). Under it, "autoheal wrote
/// this" cannot be told from "some workflow of the repository wrote this", and a workflow that
/// copies an issue's or a pull request's text into an issue or comment writes what an
/// outsider chose. Such a record may still locate things (which run an issue is about, which
/// issue a repeat belongs to: their failure is a report folded into another workflow's issue,
/// nothing committed), but its content never stands in for what autoheal read itself
/// (`decide::cache::cached_failures`).
pub fn is_shared_identity(login: &str) -> bool {
    login.eq_ignore_ascii_case(GITHUB_ACTIONS_BOT)
}

/// Where a run came from, and whether that makes it trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunTrust {
    Trusted,
    /// Why not, as a clause ("the run's commit comes from the fork `mallory/app`").
    Untrusted(String),
}

impl RunTrust {
    pub fn is_trusted(&self) -> bool {
        matches!(self, RunTrust::Trusted)
    }
}

/// The account whose content a run is of (`actor`: who pushed, or opened the pull request)
/// when it is not the one that started this attempt ([`WorkflowRun::trigger_login`]); `None`
/// when they are the same account or GitHub names no `actor`.
pub fn content_author(run: &WorkflowRun) -> Option<&str> {
    let author = run.actor.as_ref().map(|u| u.login.as_str()).filter(|l| !l.is_empty())?;
    let trigger = run.trigger_login()?;
    (!author.eq_ignore_ascii_case(trigger)).then_some(author)
}

/// Judges a run of `repo_full_name` whose triggering actor has `permission` and whose
/// [`content_author`], when there is one, has `author_permission`.
pub fn judge(
    run: &WorkflowRun,
    repo_full_name: &str,
    permission: &Permission,
    author_permission: &Permission,
) -> RunTrust {
    let same_repo = |name: &str| name.eq_ignore_ascii_case(repo_full_name);
    if !same_repo(&run.repository.full_name) {
        return RunTrust::Untrusted(format!(
            "the run belongs to `{}`, not to this repository",
            run.repository.full_name
        ));
    }
    match &run.head_repository {
        None => {
            return RunTrust::Untrusted(
                "GitHub does not say which repository the run's commit came from (a deleted fork)".into(),
            );
        }
        Some(head) if !same_repo(&head.full_name) => {
            return RunTrust::Untrusted(format!(
                "the run's commit comes from the fork `{}` (event `{}`)",
                head.full_name, run.event
            ));
        }
        Some(_) => {}
    }
    // A maintainer who labels a fork's pull request "safe to test", re-runs the follow-up of a
    // fork's run or comments `/test` on it triggers the run, but the fork's code printed its
    // log: the actor's permission says nothing about who chose its text.
    if others_content(&run.event).is_some() {
        return RunTrust::Untrusted(format!(
            "the run was started by a `{}` event, which acts on a pull request, run, issue or comment that anyone may have written (a fork's code may have printed its log), whoever triggered it",
            run.event
        ));
    }
    let Some(actor) = run.trigger_login() else {
        return RunTrust::Untrusted("GitHub does not say who triggered the run".into());
    };
    // Said before any permission: GitHub may well state `write` for an app or the agent.
    if let Some(app) = [Some(actor), content_author(run)]
        .into_iter()
        .flatten()
        .find(|l| is_app_account(l))
    {
        return RunTrust::Untrusted(format!(
            "the run is of a push or pull request by, or was started by, `{app}`, an app's account or Copilot's coding agent, which autoheal takes for never a writer whatever its permission"
        ));
    }
    let owner = repo_full_name.split('/').next().unwrap_or_default();
    if !may_write(actor, owner, permission) {
        let has = permission.as_ref().map_or("no", |p| p.permission.as_str());
        return RunTrust::Untrusted(format!(
            "the run was triggered by `{actor}`, who has {has} access to this repository, not write"
        ));
    }
    // Whose content the run is of must be known: a run GitHub names no `actor` for could be
    // anyone's push, whoever started this attempt.
    if run.actor.as_ref().is_none_or(|u| u.login.is_empty()) {
        return RunTrust::Untrusted("GitHub does not say whose push or pull request the run is of".into());
    }
    if let Some(author) = content_author(run)
        && !may_write(author, owner, author_permission)
    {
        let has = author_permission.as_ref().map_or("no", |p| p.permission.as_str());
        return RunTrust::Untrusted(format!(
            "the run is of a push or pull request by `{author}`, who has {has} access to this repository, not write (`{actor}` only started it)"
        ));
    }
    RunTrust::Trusted
}

/// What to do with a run, given its trust and the repository's `heal.untrusted-runs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Report it and let heal fix it.
    Heal,
    /// Report the analysis only: no diff, no branch, no pull request, no agent.
    ReportOnly(String),
    /// File nothing.
    Ignore(String),
}

pub fn route(trust: &RunTrust, policy: UntrustedRuns) -> Route {
    match (trust, policy) {
        (RunTrust::Trusted, _) | (RunTrust::Untrusted(_), UntrustedRuns::Heal) => Route::Heal,
        (RunTrust::Untrusted(why), UntrustedRuns::Report) => Route::ReportOnly(why.clone()),
        (RunTrust::Untrusted(why), UntrustedRuns::Off) => {
            Route::Ignore(format!("{why}; `heal.untrusted-runs: off` files nothing for such runs"))
        }
    }
}

#[cfg(test)]
mod tests {
    use autoheal_engine::rules::audit::OTHERS_CONTENT_TRIGGERS;

    use super::*;
    use crate::models::{CollaboratorPermission, RepoRef, User};

    fn run(head: Option<&str>, actor: Option<&str>) -> WorkflowRun {
        WorkflowRun {
            event: "pull_request".into(),
            repository: RepoRef {
                full_name: "octo/app".into(),
            },
            head_repository: head.map(|h| RepoRef { full_name: h.into() }),
            triggering_actor: actor.map(|a| User { login: a.into() }),
            actor: actor.map(|a| User { login: a.into() }),
            ..WorkflowRun::default()
        }
    }

    fn permission(legacy: &str, role: Option<&str>) -> Permission {
        Some(CollaboratorPermission {
            permission: legacy.into(),
            role_name: role.map(str::to_string),
        })
    }

    #[test]
    fn only_own_commits_by_writers_are_trusted() {
        let writer = permission("write", Some("maintain"));
        assert_eq!(
            judge(&run(Some("octo/app"), Some("maint")), "Octo/App", &writer, &None),
            RunTrust::Trusted
        );
        let fork = judge(&run(Some("mallory/app"), Some("maint")), "octo/app", &writer, &None);
        assert!(
            matches!(&fork, RunTrust::Untrusted(why) if why.contains("fork `mallory/app`")),
            "{fork:?}"
        );
        let reader = judge(
            &run(Some("octo/app"), Some("drive-by")),
            "octo/app",
            &permission("read", None),
            &None,
        );
        assert!(
            matches!(&reader, RunTrust::Untrusted(why) if why.contains("has read access")),
            "{reader:?}"
        );
        let triage = permission("read", Some("triage"));
        assert!(!judge(&run(Some("octo/app"), Some("t")), "octo/app", &triage, &None).is_trusted());
        assert!(!judge(&run(Some("octo/app"), Some("ghost")), "octo/app", &None, &None).is_trusted());
        // The owner of a user-owned repository is its admin, whatever the permission answer.
        assert!(judge(&run(Some("octo/app"), Some("Octo")), "octo/app", &None, &None).is_trusted());
        assert!(!judge(&run(Some("mallory/app"), Some("octo")), "octo/app", &None, &None).is_trusted());
        assert!(!judge(&run(None, Some("maint")), "octo/app", &writer, &None).is_trusted());
        assert!(!judge(&run(Some("octo/app"), None), "octo/app", &writer, &None).is_trusted());
        // In this repository, by a writer, but on behalf of someone else's content.
        for &(event, _) in OTHERS_CONTENT_TRIGGERS {
            let mut on_behalf = run(Some("octo/app"), Some("maint"));
            on_behalf.event = event.into();
            let judged = judge(&on_behalf, "octo/app", &writer, &None);
            assert!(
                matches!(&judged, RunTrust::Untrusted(why) if why.contains(&format!("`{event}` event"))),
                "{judged:?}"
            );
        }
        for event in ["push", "workflow_dispatch", "schedule", "merge_group"] {
            let mut own = run(Some("octo/app"), Some("maint"));
            own.event = event.into();
            assert!(judge(&own, "octo/app", &writer, &None).is_trusted(), "{event}");
        }
        let mut other = run(Some("octo/app"), Some("maint"));
        other.repository.full_name = "octo/other".into();
        assert!(!judge(&other, "octo/app", &writer, &None).is_trusted());
    }

    #[test]
    fn a_writer_starting_a_run_of_someone_elses_push_does_not_make_it_trusted() {
        let writer = permission("write", Some("write"));
        // A contributor's pull request, whose run a maintainer approved.
        let mut approved = run(Some("octo/app"), Some("maint"));
        approved.actor = Some(User {
            login: "contrib".into(),
        });
        assert_eq!(content_author(&approved), Some("contrib"));
        let judged = judge(&approved, "octo/app", &writer, &None);
        assert!(
            matches!(&judged, RunTrust::Untrusted(why) if why.contains("by `contrib`, who has no access") && why.contains("`maint` only started it")),
            "{judged:?}"
        );
        // A writer's push re-run by another writer, or by the same account, is trusted.
        assert!(judge(&approved, "octo/app", &writer, &writer).is_trusted());
        approved.actor = Some(User { login: "MAINT".into() });
        assert_eq!(content_author(&approved), None);
        assert!(judge(&approved, "octo/app", &writer, &None).is_trusted());
        // The owner's own push needs no permission answer.
        approved.actor = Some(User { login: "octo".into() });
        assert!(judge(&approved, "octo/app", &writer, &None).is_trusted());
        // A writer starting a run whose content author GitHub does not name.
        approved.triggering_actor = Some(User { login: "maint".into() });
        approved.actor = None;
        assert_eq!(content_author(&approved), None);
        let judged = judge(&approved, "octo/app", &writer, &writer);
        assert!(
            matches!(&judged, RunTrust::Untrusted(why) if why.contains("whose push or pull request")),
            "{judged:?}"
        );
    }

    #[test]
    fn app_accounts_and_the_coding_agent_are_never_writers_whatever_their_permission() {
        let writer = permission("write", Some("write"));
        for (actor, trigger) in [
            ("Copilot", "maint"),
            ("copilot-swe-agent[bot]", "copilot-swe-agent[bot]"),
            ("renovate[bot]", "renovate[bot]"),
            ("maint", "Release-App[BOT]"),
        ] {
            let mut app = run(Some("octo/app"), Some(trigger));
            app.event = "push".into();
            app.actor = Some(User { login: actor.into() });
            let judged = judge(&app, "octo/app", &writer, &writer);
            assert!(
                matches!(&judged, RunTrust::Untrusted(why) if why.contains("never a writer")),
                "{actor} / {trigger}: {judged:?}"
            );
            assert!(!may_write(actor, "octo", &writer) || !may_write(trigger, "octo", &writer));
        }
        assert!(may_write("maint", "octo", &writer));
        assert!(!is_app_account("maint") && is_app_account("dependabot[bot]") && is_app_account("copilot"));
    }

    #[test]
    fn autoheal_is_known_by_its_login() {
        assert!(is_autoheal("heal-bot", "heal-bot"));
        assert!(is_autoheal("Heal-Bot", "heal-bot"));
        assert!(!is_autoheal("mallory", "heal-bot"));
        assert!(!is_autoheal("renovate[bot]", "heal-bot"));
        // A token that cannot say who it is: the built-in token's identity, or the App login
        // configured for it; never another app's.
        assert!(is_autoheal("github-actions[bot]", GITHUB_ACTIONS_BOT));
        assert!(!is_autoheal("renovate[bot]", GITHUB_ACTIONS_BOT));
        assert!(!is_autoheal("mallory", GITHUB_ACTIONS_BOT));
        assert!(is_autoheal("heal-app[bot]", "heal-app[bot]"));
        assert!(!is_autoheal("github-actions[bot]", "heal-app[bot]"));
        assert!(!is_autoheal("", ""));
    }

    #[test]
    fn the_policy_picks_the_route() {
        let untrusted = RunTrust::Untrusted("a fork".into());
        assert_eq!(route(&RunTrust::Trusted, UntrustedRuns::Off), Route::Heal);
        assert_eq!(
            route(&untrusted, UntrustedRuns::Report),
            Route::ReportOnly("a fork".into())
        );
        assert_eq!(route(&untrusted, UntrustedRuns::Heal), Route::Heal);
        assert!(matches!(route(&untrusted, UntrustedRuns::Off), Route::Ignore(_)));
    }
}
