//! When autoheal asks Copilot for anything. Both steps are off unless the repository's
//! config turns them on (`copilot.review`, `copilot.assign-unfixable`), and a failure goes
//! to the coding agent only from a trusted run: a fork's log never reaches an agent that
//! holds write access.

use autoheal_engine::config::CopilotConfig;

use super::filing::IssueKind;

/// Copilot's code-review bot, as `requested_reviewers` takes it (GitHub's REST guide
/// "Requesting Copilot code review with the REST API").
pub const COPILOT_REVIEWER: &str = "copilot-pull-request-reviewer[bot]";
/// Copilot's coding agent, as the issues API assigns it.
pub const COPILOT_AGENT: &str = "copilot-swe-agent[bot]";

/// Whether a login is Copilot's reviewer (reviews and review requests show it with or
/// without `[bot]`, or as `Copilot`).
pub fn is_copilot_reviewer(login: &str) -> bool {
    let login = login.to_ascii_lowercase();
    matches!(
        login.as_str(),
        "copilot-pull-request-reviewer[bot]" | "copilot-pull-request-reviewer" | "copilot"
    )
}

/// Whether a login is Copilot's coding agent (assignees show it as `Copilot` too).
pub fn is_copilot_agent(login: &str) -> bool {
    let login = login.to_ascii_lowercase();
    matches!(
        login.as_str(),
        "copilot-swe-agent[bot]" | "copilot-swe-agent" | "copilot"
    )
}

/// Whether to ask for a Copilot review of a heal PR that was just opened or changed.
pub fn wants_review(config: &CopilotConfig, pull_changed: bool) -> bool {
    config.review && pull_changed
}

/// Whether a newly filed issue goes to the Copilot coding agent: asked for, a failure no
/// rule fixes (not a demoted fix, which reviewers rejected, nor an untrusted run's analysis),
/// and a trusted run whatever `heal.untrusted-runs` says.
pub fn may_hand_off(config: &CopilotConfig, kind: &IssueKind, run_trusted: bool) -> bool {
    config.assign_unfixable && run_trusted && matches!(kind, IssueKind::Manual { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unfixable_failures_of_trusted_runs_are_handed_off_when_asked() {
        let on = CopilotConfig {
            review: true,
            assign_unfixable: true,
        };
        let manual = IssueKind::Manual { reasons: vec![] };
        assert!(may_hand_off(&on, &manual, true));
        assert!(!may_hand_off(&on, &manual, false), "never from an untrusted run");
        assert!(
            !may_hand_off(&CopilotConfig::default(), &manual, true),
            "off by default"
        );
        for kind in [
            IssueKind::Fix,
            IssueKind::Demoted { note: String::new() },
            IssueKind::Untrusted { note: String::new() },
        ] {
            assert!(!may_hand_off(&on, &kind, true), "{kind:?}");
        }
        assert!(wants_review(&on, true) && !wants_review(&on, false));
        assert!(!wants_review(&CopilotConfig::default(), true));
        assert!(
            is_copilot_reviewer("Copilot") && is_copilot_reviewer(COPILOT_REVIEWER) && !is_copilot_reviewer("maint")
        );
        assert!(is_copilot_agent(COPILOT_AGENT) && !is_copilot_agent("octocat"));
    }
}
