//! The shape of a local callee's `on.workflow_call` (its inputs, secrets
//! and outputs), checked from the caller: GitHub validates the callee when
//! the caller runs, so a broken contract fails the caller's run. Only the
//! contract is checked here; the callee's own file gets every other finding
//! when it is linted itself.

use crate::yaml::{self, Node};

const INPUT_TYPES: &[&str] = &["boolean", "number", "string"];

/// Problems of the callee's `on.workflow_call`, as messages.
pub(super) fn problems(doc: &yaml::Document) -> Vec<String> {
    let mut out = Vec::new();
    if doc.errors.iter().any(|e| e.kind == yaml::SyntaxErrorKind::Parse) {
        out.push("it is not valid YAML".to_string());
        return out;
    }
    let Some(call) = doc
        .root
        .as_ref()
        .and_then(|r| r.get("on"))
        .and_then(|on| on.get("workflow_call"))
    else {
        return out;
    };
    if let Some(inputs) = call.get("inputs").filter(|n| !n.is_null()) {
        match inputs.as_mapping() {
            None => out.push("`inputs` must be a mapping of input names to their settings".into()),
            Some(entries) => {
                for e in entries {
                    let name = e.key.as_str().unwrap_or("");
                    match e.value.as_mapping() {
                        None => out.push(format!("input {name:?} must be a mapping with at least `type`")),
                        Some(_) => match e.value.get("type").and_then(Node::as_str) {
                            None => out.push(format!("input {name:?} has no `type` (one of boolean, number, string)")),
                            Some(t) if !INPUT_TYPES.contains(&t) => out.push(format!(
                                "input {name:?} has type {t:?}; a reusable workflow's input is boolean, number or string"
                            )),
                            Some(_) => {}
                        },
                    }
                }
            }
        }
    }
    if let Some(secrets) = call.get("secrets").filter(|n| !n.is_null()) {
        match secrets.as_mapping() {
            None => out.push("`secrets` must be a mapping of secret names to their settings".into()),
            Some(entries) => {
                for e in entries {
                    let name = e.key.as_str().unwrap_or("");
                    if crate::rules::events::is_reserved_call_secret(name) {
                        out.push(format!("secret {name:?} is a name GitHub reserves"));
                    }
                    if !e.value.is_null() && !e.value.is_mapping() {
                        out.push(format!(
                            "secret {:?} must be a mapping (`description`, `required`) or empty",
                            e.key.as_str().unwrap_or("")
                        ));
                    }
                }
            }
        }
    }
    if let Some(outputs) = call.get("outputs").filter(|n| !n.is_null()) {
        match outputs.as_mapping() {
            None => out.push("`outputs` must be a mapping of output names to their `value`".into()),
            Some(entries) => {
                for e in entries {
                    if e.value.get("value").is_none() {
                        out.push(format!("output {:?} has no `value`", e.key.as_str().unwrap_or("")));
                    }
                }
            }
        }
    }
    out
}
