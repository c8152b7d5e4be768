//! `inputs.<id> == '<word>'` where `<id>` is a `workflow_dispatch` input of
//! `type: choice` and the word is none of its `options`: the comparison is
//! never true (`!=` always).
//!
//! GitHub's workflow syntax (`on.workflow_dispatch.inputs.<input_id>.type`)
//! makes a `choice` input's value one of its `options`, picked from a list in
//! the UI; the dispatch API checks the value too: it answers a value outside
//! the allowed list with HTTP 422 "Provided value … for input … not in the
//! list of allowed values" (the message GitHub returned in cli/cli#5246,
//! read through the search tool), so no run starts with it. An input left
//! out and without a default is empty, so an empty word is not judged; GitHub
//! compares strings without case (expressions reference), so `'Large'`
//! equals the option `large`. The same `inputs.<id>` of a run started
//! through `workflow_call` holds what the caller passes, so an input the
//! workflow's `workflow_call` also declares is not judged, and neither is
//! `github.event.inputs.<id>` in a workflow that can be called (it is the
//! caller's payload then). Options written with an expression, or not as a
//! list of words, turn the check off for that input. actionlint does not
//! compare inputs with their options.

use autoheal_expr::suggest::did_you_mean;

use crate::model::Workflow;
use crate::yaml::Node;

/// One `choice` input and the words it can hold.
struct Choice {
    name: String,
    options: Vec<String>,
    /// Also readable as `github.event.inputs.<name>`: the workflow cannot
    /// be called, so `github.event` is always its own dispatch payload.
    in_event: bool,
}

/// The workflow's `workflow_dispatch` choice inputs whose values are known.
pub(super) struct ChoiceInputs {
    choices: Vec<Choice>,
}

impl ChoiceInputs {
    /// The choice inputs of `wf` (`None` when it has none to judge).
    pub(super) fn of(wf: &Workflow<'_>) -> Option<ChoiceInputs> {
        let on = &wf.on()?.value;
        let inputs = on.get("workflow_dispatch")?.get("inputs")?.as_mapping()?;
        let callable = wf.events().contains(&"workflow_call");
        let called = on.get("workflow_call").and_then(|c| c.get("inputs"));
        let choices: Vec<Choice> = inputs
            .iter()
            .filter(|input| input.value.get("type").and_then(Node::as_str) == Some("choice"))
            .filter_map(|input| {
                let name = input.key.as_str()?;
                // A caller may pass this input any string. Input names are
                // matched without case, as the expressions reading them are.
                let declared_by_call = |c: &Node| {
                    c.as_mapping().is_none_or(|m| {
                        m.iter()
                            .any(|e| e.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
                    })
                };
                if called.is_some_and(declared_by_call) {
                    return None;
                }
                Some(Choice {
                    name: name.to_string(),
                    options: literal_options(input.value.get("options")?)?,
                    in_event: !callable,
                })
            })
            .collect();
        (!choices.is_empty()).then_some(ChoiceInputs { choices })
    }

    /// The message for `<path> <op> '<value>'` (`segments` as written) when
    /// `value` is none of a choice input's options, or `None`.
    pub(super) fn never(&self, segments: &[&str], value: &str, op: &str, never_true: bool) -> Option<String> {
        let lower: Vec<String> = segments.iter().map(|s| s.to_ascii_lowercase()).collect();
        let (name, in_event) = match lower.as_slice() {
            [inputs, _] if inputs == "inputs" => (segments[1], false),
            [github, event, inputs, _] if github == "github" && event == "event" && inputs == "inputs" => {
                (segments[3], true)
            }
            _ => return None,
        };
        // Input names are matched without case, as GitHub reads contexts.
        let choice = self
            .choices
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name) && (c.in_event || !in_event))?;
        if value.trim().is_empty() || choice.options.iter().any(|o| o.eq_ignore_ascii_case(value)) {
            return None;
        }
        let listed: Vec<String> = choice.options.iter().map(|o| format!("\"{o}\"")).collect();
        let mut message = format!(
            "{} is never \"{value}\" (input \"{}\" is a choice of {}), so \"{op}\" is always {}",
            segments.join("."),
            choice.name,
            listed.join(", "),
            if never_true { "false" } else { "true" }
        );
        if let Some(help) = did_you_mean(value, choice.options.iter().map(String::as_str)) {
            message = format!("{message} ({help})");
        }
        Some(message)
    }
}

/// The words of a literal `options:` list, or `None` when one is not a
/// plain word (an expression, a mapping) or the list is not a list.
fn literal_options(node: &Node) -> Option<Vec<String>> {
    let options: Option<Vec<String>> = node
        .as_sequence()?
        .iter()
        .map(|o| o.as_str().filter(|w| !w.contains("${{")).map(str::to_string))
        .collect();
    options.filter(|o| !o.is_empty())
}
