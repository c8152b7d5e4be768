//! What the editor tells the server: `initializationOptions` at start, and
//! the `autoheal` section of `workspace/configuration` (asked for after
//! `initialized` and again on `workspace/didChangeConfiguration`). Both
//! carry the same keys, the names of the VS Code settings:
//!
//! - `configPath`: the config file (relative to the workspace root, or
//!   absolute) instead of `.github/autoheal.yml`;
//! - `severityOverrides`: rule id → `error` / `warning` / `info` / `off`
//!   (or `on`), applied over the config file's `rules:`.
//!
//! Other keys (VS Code also sends `path` and `trace`) are not the server's
//! and are ignored; a bad value is dropped with a warning for the log.

use std::path::{Path, PathBuf};

use autoheal_engine::config::{Config, RuleSetting, canonical_rule};
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub config_path: Option<String>,
    pub severity_overrides: Vec<(String, RuleSetting)>,
}

impl Settings {
    /// Reads the keys present in `value` over `self` (a key that is absent
    /// keeps its value; `configPath: ""` and `severityOverrides: {}` clear
    /// them). Returns what was wrong, for the log.
    pub fn merge(&mut self, value: &Value, known_rules: &[&str]) -> Vec<String> {
        let mut warnings = Vec::new();
        let Some(map) = value.as_object() else {
            if !value.is_null() {
                warnings.push(format!("settings: expected an object, got {value}"));
            }
            return warnings;
        };
        match map.get("configPath") {
            None => {}
            Some(Value::String(s)) if s.trim().is_empty() => self.config_path = None,
            Some(Value::String(s)) => self.config_path = Some(s.trim().to_string()),
            Some(Value::Null) => self.config_path = None,
            Some(other) => warnings.push(format!("configPath: expected a path, got {other}")),
        }
        match map.get("severityOverrides") {
            None => {}
            Some(Value::Null) => self.severity_overrides.clear(),
            Some(Value::Object(overrides)) => {
                self.severity_overrides.clear();
                for (rule, setting) in overrides {
                    let rule_id = canonical_rule(rule);
                    if !known_rules.contains(&rule_id) {
                        let hint = autoheal_expr::suggest::suggest(rule, known_rules)
                            .map(|s| format!("; did you mean \"{s}\"?"))
                            .unwrap_or_default();
                        warnings.push(format!("severityOverrides: unknown rule \"{rule}\"{hint}"));
                        continue;
                    }
                    match setting.as_str().and_then(RuleSetting::parse) {
                        Some(s) => self.severity_overrides.push((rule_id.to_string(), s)),
                        None => warnings.push(format!(
                            "severityOverrides: \"{rule}\" has {setting}; expected error, warning, info or off"
                        )),
                    }
                }
            }
            Some(other) => warnings.push(format!(
                "severityOverrides: expected an object of rule id to severity, got {other}"
            )),
        }
        warnings
    }

    /// The config file: `configPath` when set (taken from `root` when
    /// relative), else `.github/autoheal.yml` under `root`.
    pub fn config_file(&self, root: Option<&Path>) -> Option<PathBuf> {
        match (&self.config_path, root) {
            (Some(p), _) if Path::new(p).is_absolute() => Some(PathBuf::from(p)),
            (Some(p), Some(root)) => Some(root.join(p)),
            (None, Some(root)) => Some(root.join(autoheal_engine::config::DEFAULT_CONFIG_PATH)),
            (_, None) => None,
        }
    }

    /// The overrides applied over the config file's settings (rule ids are
    /// current ones: an old id was replaced when it was read).
    pub fn apply(&self, config: &mut Config) {
        for (rule, setting) in &self.severity_overrides {
            config.rules.insert(rule.clone(), setting.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::Severity;
    use serde_json::json;

    const RULES: &[&str] = &["timeout", "unpinned-uses"];
    /// The keys [`Settings::merge`] reads.
    const KEYS: &[&str] = &["configPath", "severityOverrides"];

    #[test]
    fn keys_are_read_and_bad_values_are_warned_about() {
        let mut s = Settings::default();
        let warnings = s.merge(
            &json!({
                "configPath": "ci/autoheal.yml",
                "severityOverrides": {"timeout": "off", "pinning": "warning", "timout": "off", "x": 3},
                "path": "/usr/bin/autoheal",
                "trace": {"server": "off"}
            }),
            RULES,
        );
        assert_eq!(s.config_path.as_deref(), Some("ci/autoheal.yml"));
        assert_eq!(
            s.severity_overrides,
            [
                ("unpinned-uses".to_string(), RuleSetting::On(Some(Severity::Warning))),
                ("timeout".to_string(), RuleSetting::Off),
            ]
        );
        assert_eq!(
            warnings,
            [
                "severityOverrides: unknown rule \"timout\"; did you mean \"timeout\"?",
                "severityOverrides: unknown rule \"x\""
            ]
        );
        let bad = s.merge(&json!({"severityOverrides": {"timeout": "loud"}}), RULES);
        assert_eq!(
            bad,
            ["severityOverrides: \"timeout\" has \"loud\"; expected error, warning, info or off"]
        );
        assert!(s.severity_overrides.is_empty(), "a new object replaces the old one");
    }

    #[test]
    fn absent_keys_keep_their_value_and_empty_ones_clear_it() {
        let mut s = Settings::default();
        s.merge(
            &json!({"configPath": "a.yml", "severityOverrides": {"timeout": "info"}}),
            RULES,
        );
        s.merge(&json!({"trace": "verbose"}), RULES);
        assert_eq!(s.config_path.as_deref(), Some("a.yml"));
        assert_eq!(s.severity_overrides.len(), 1);
        s.merge(&json!({"configPath": ""}), RULES);
        assert_eq!(s.config_path, None);
        assert_eq!(s.merge(&Value::Null, RULES), Vec::<String>::new());
    }

    /// Every `autoheal.*` setting the VS Code extension contributes is read
    /// by someone: `path` by the extension, `trace.server` by its LSP
    /// client, the rest here.
    #[test]
    fn the_vscode_settings_are_the_servers_keys() {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../editors/vscode/package.json");
        let manifest: Value = serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
        let properties = manifest["contributes"]["configuration"]["properties"]
            .as_object()
            .unwrap();
        let mut server_keys: Vec<&str> = properties
            .keys()
            .filter_map(|k| k.strip_prefix("autoheal."))
            .filter(|k| !["path", "trace.server"].contains(k))
            .collect();
        server_keys.sort_unstable();
        assert_eq!(server_keys, KEYS);
        // And each key is read: a value under it changes the settings.
        let mut s = Settings::default();
        s.merge(
            &json!({"configPath": "x.yml", "severityOverrides": {"timeout": "off"}}),
            RULES,
        );
        assert_eq!(s.config_path.as_deref(), Some("x.yml"));
        assert_eq!(s.severity_overrides, [("timeout".to_string(), RuleSetting::Off)]);
    }

    #[test]
    fn the_config_file_and_the_overrides() {
        let root = Path::new("/work/repo");
        let mut s = Settings::default();
        assert_eq!(s.config_file(Some(root)), Some(root.join(".github/autoheal.yml")));
        s.config_path = Some("ci/lint.yml".into());
        assert_eq!(s.config_file(Some(root)), Some(root.join("ci/lint.yml")));
        s.config_path = Some("/etc/autoheal.yml".into());
        assert_eq!(s.config_file(None), Some(PathBuf::from("/etc/autoheal.yml")));
        s.severity_overrides = vec![("timeout".into(), RuleSetting::Off)];
        let mut config = Config::default();
        s.apply(&mut config);
        assert_eq!(config.rule_severity("timeout", Severity::Info, true), None);
    }
}
