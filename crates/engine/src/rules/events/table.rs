//! Events that trigger workflows and their activity types, from GitHub's
//! "Events that trigger workflows" reference (checked 2025-06).

/// The events of Projects (classic). GitHub's events reference wraps their
/// sections in `{% ifversion projects-v1 %}`, a feature versioned
/// `ghes: '<=3.16'` only (github/docs `data/features/projects-v1.yml`, read
/// 2026-12-07): GitHub.com no longer sends them. They stay in [`EVENTS`]
/// (their activity types are still checked, for GHES).
pub static PROJECTS_CLASSIC_EVENTS: &[&str] = &["project", "project_card", "project_column"];

/// `(event, activity types)`; `None` means the event takes no `types`.
pub static EVENTS: &[(&str, Option<&[&str]>)] = &[
    ("branch_protection_rule", Some(&["created", "edited", "deleted"])),
    (
        "check_run",
        Some(&["created", "rerequested", "completed", "requested_action"]),
    ),
    ("check_suite", Some(&["completed"])),
    ("create", None),
    ("delete", None),
    ("deployment", None),
    ("deployment_status", None),
    (
        "discussion",
        Some(&[
            "created",
            "edited",
            "deleted",
            "transferred",
            "pinned",
            "unpinned",
            "labeled",
            "unlabeled",
            "locked",
            "unlocked",
            "category_changed",
            "answered",
            "unanswered",
        ]),
    ),
    ("discussion_comment", Some(&["created", "edited", "deleted"])),
    ("fork", None),
    ("gollum", None),
    ("image_version", None),
    ("issue_comment", Some(&["created", "edited", "deleted"])),
    (
        "issues",
        Some(&[
            "opened",
            "edited",
            "deleted",
            "transferred",
            "pinned",
            "unpinned",
            "closed",
            "reopened",
            "assigned",
            "unassigned",
            "labeled",
            "unlabeled",
            "locked",
            "unlocked",
            "milestoned",
            "demilestoned",
            "typed",
            "untyped",
        ]),
    ),
    ("label", Some(&["created", "edited", "deleted"])),
    ("merge_group", Some(&["checks_requested"])),
    ("milestone", Some(&["created", "closed", "opened", "edited", "deleted"])),
    ("page_build", None),
    ("project", Some(&["created", "closed", "reopened", "edited", "deleted"])),
    (
        "project_card",
        Some(&["created", "moved", "converted", "edited", "deleted"]),
    ),
    ("project_column", Some(&["created", "updated", "moved", "deleted"])),
    ("public", None),
    ("pull_request", Some(PULL_REQUEST_TYPES)),
    ("pull_request_review", Some(&["submitted", "edited", "dismissed"])),
    ("pull_request_review_comment", Some(&["created", "edited", "deleted"])),
    ("pull_request_target", Some(PULL_REQUEST_TYPES)),
    ("push", None),
    ("registry_package", Some(&["published", "updated"])),
    (
        "release",
        Some(&[
            "published",
            "unpublished",
            "created",
            "edited",
            "deleted",
            "prereleased",
            "released",
        ]),
    ),
    ("repository_dispatch", None),
    ("schedule", None),
    ("status", None),
    ("watch", Some(&["started"])),
    ("workflow_call", None),
    ("workflow_dispatch", None),
    ("workflow_run", Some(&["completed", "requested", "in_progress"])),
];

const PULL_REQUEST_TYPES: &[&str] = &[
    "assigned",
    "unassigned",
    "labeled",
    "unlabeled",
    "opened",
    "edited",
    "closed",
    "reopened",
    "synchronize",
    "converted_to_draft",
    "ready_for_review",
    "locked",
    "unlocked",
    "review_requested",
    "review_request_removed",
    "auto_merge_enabled",
    "auto_merge_disabled",
    "milestoned",
    "demilestoned",
    "enqueued",
    "dequeued",
];

/// Event names are case-sensitive: `Push` does not trigger anything.
pub fn is_known_event(name: &str) -> bool {
    EVENTS.iter().any(|(e, _)| *e == name)
}

/// The activity types of `event`, or `None` when it takes none (or is
/// unknown). `repository_dispatch` accepts any type and also gives `None`.
pub fn activity_types(event: &str) -> Option<&'static [&'static str]> {
    EVENTS.iter().find(|(e, _)| *e == event).and_then(|(_, t)| *t)
}
