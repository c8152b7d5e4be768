//! `github.event.action == '<type>'` where no trigger of the workflow
//! delivers that activity type: the comparison is never true (`!=` always).
//!
//! GitHub's "Events that trigger workflows" reference: an event with
//! activity types runs the workflow only for the types its `types:` names
//! (every type when `types:` is left out), and the webhook payload's
//! `action` is that activity type (the "Webhook events and payloads"
//! reference). So the values `github.event.action` can hold are the union
//! of the triggers' types ([`crate::rules::events::activity_types`], the
//! one table of them); a written type the event does not document (a
//! misspelling, which `events/unknown-activity-type` reports) starts
//! nothing, so it is left out of the values and of the message; when the
//! compared word is the type such a misspelling stands for (`unlabled` in
//! `types:`, `'unlabeled'` compared), or the misspelling itself, the
//! finding points at the trigger's list, where the mistake is, instead of
//! suggesting another word for the comparison. Only workflows whose every trigger takes activity
//! types are judged: `push`, `workflow_dispatch`, `schedule` and the other
//! events without types either give no `action` or one the table does not
//! list (`deployment_status`), `repository_dispatch`'s `action` is the
//! dispatcher's free `event_type`, and a `workflow_call` workflow sees its
//! caller's payload. Where a trigger leaves `types:` out, its full list
//! stands in and could miss a type GitHub adds later, so then only a near
//! miss of a listed type (`labelled`) is reported. GitHub compares strings
//! without case (expressions reference). actionlint does not type
//! `github.event`.

use autoheal_expr::suggest::{did_you_mean, suggest};

use crate::model::Workflow;
use crate::rules::events::activity_types;
use crate::yaml::Node;

/// The activity types that can start one workflow.
pub(super) struct EventActions {
    types: Vec<String>,
    /// Every trigger names its `types:`: the list is exact, not a stand-in.
    exact: bool,
    /// Written types the event does not have: the event, the word, and the
    /// documented type it is a near miss of.
    misspelt: Vec<Misspelt>,
}

/// A word in a trigger's `types:` that is no activity type of its event.
struct Misspelt {
    event: String,
    written: String,
    /// The event's type the word is a near miss of, if any.
    meant: Option<&'static str>,
}

impl EventActions {
    /// The types `wf`'s triggers deliver, or `None` when some trigger takes
    /// no activity types (or is unknown, or its `types:` is not a list of
    /// words).
    pub(super) fn of(wf: &Workflow<'_>) -> Option<EventActions> {
        let events = wf.events();
        if events.is_empty() {
            return None;
        }
        let on = wf.on().map(|e| &e.value);
        let mut found = EventActions {
            types: Vec::new(),
            exact: true,
            misspelt: Vec::new(),
        };
        for event in events {
            let listed = activity_types(event)?;
            match on.and_then(|on| on.get(event)).and_then(|config| config.get("types")) {
                // A written type the event does not have (a misspelling,
                // which the events rule reports) is never delivered, so it
                // is neither a value the action can hold nor one to list.
                Some(written) => {
                    for w in written_types(written)? {
                        if listed.iter().any(|t| t.eq_ignore_ascii_case(&w)) {
                            found.types.push(w);
                        } else {
                            found.misspelt.push(Misspelt {
                                event: event.to_string(),
                                meant: suggest(&w, listed),
                                written: w,
                            });
                        }
                    }
                }
                None => {
                    found.exact = false;
                    found.types.extend(listed.iter().map(|t| t.to_string()));
                }
            }
        }
        // Only misspelt types written: the workflow never starts through
        // them, which the events rule reports; nothing to compare with.
        (!found.types.is_empty()).then_some(found)
    }

    /// The message for `github.event.action <op> '<value>'` when `value`
    /// is never the action (`property` is the path as written), or `None`.
    pub(super) fn never(&self, property: &str, value: &str, op: &str, never_true: bool) -> Option<String> {
        if self.types.iter().any(|t| t.eq_ignore_ascii_case(value)) {
            return None;
        }
        // Two triggers may deliver the same type: list and suggest it once.
        let mut types: Vec<&str> = self.types.iter().map(String::as_str).collect();
        types.sort_unstable();
        types.dedup();
        let help = self
            .misspelt_help(value)
            .or_else(|| did_you_mean(value, types.iter().copied()));
        if !self.exact && help.is_none() {
            return None;
        }
        let mut message = format!(
            "{property} is never \"{value}\" (the workflow's triggers deliver {}), so \"{op}\" is always {}",
            types.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", "),
            if never_true { "false" } else { "true" }
        );
        if let Some(help) = help {
            message = format!("{message} ({help})");
        }
        Some(message)
    }
}

impl EventActions {
    /// Where the compared `value` meets a misspelt written type: the type
    /// itself (`'unlabled'`, misspelt in both places) or the documented type
    /// it stands for (`'unlabeled'`), the mistake is in the trigger's list.
    fn misspelt_help(&self, value: &str) -> Option<String> {
        let m = self.misspelt.iter().find(|m| {
            m.written.eq_ignore_ascii_case(value) || m.meant.is_some_and(|t| t.eq_ignore_ascii_case(value))
        })?;
        let fix = m
            .meant
            .map(|t| format!("; did you mean \"{t}\" there?"))
            .unwrap_or_default();
        Some(format!(
            "the {} trigger's types: lists \"{}\", which is no activity type of \"{}\"{fix}",
            m.event, m.written, m.event
        ))
    }
}

/// The words of a written `types:` (one word or a list of them).
fn written_types(node: &Node) -> Option<Vec<String>> {
    if let Some(word) = node.as_str() {
        return (!word.contains("${{")).then(|| vec![word.to_string()]);
    }
    node.as_sequence()?
        .iter()
        .map(|t| t.as_str().filter(|w| !w.contains("${{")).map(str::to_string))
        .collect()
}
