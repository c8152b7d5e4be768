//! actionlint's configuration file (`.github/actionlint.yaml` or
//! `.yml`), read as a source of facts about the repository so a project
//! migrating from actionlint keeps what it told actionlint:
//!
//! - `self-hosted-runner.labels`: the repository's own runner labels (glob
//!   patterns allowed), known to the `runner-label` rule;
//! - `config-variables`: the only `vars.*` names that exist (`null`: any);
//! - `config-secrets`: the only `secrets.*` names that exist besides
//!   `GITHUB_TOKEN`, which every run has (`null`: any);
//! - `paths.<glob>.ignore`: regexes of finding messages to drop in files the
//!   glob matches.
//!
//! The keys are those of actionlint's docs/config.md, and `config-secrets`,
//! which the file `actionlint -init-config` writes documents (actionlint
//! 1.17.0, the build CI installs). Parsed with the
//! engine's YAML layer, so mistakes point at their exact line (rule
//! `config`); whatever is valid is still applied.

use crate::config::{Config, FindingIgnore, entries, err, parse_config_yaml};
use crate::diagnostic::Diagnostic;
use crate::yaml::Node;

/// Where actionlint looks, relative to the repository root, in its order.
pub const ACTIONLINT_CONFIG_PATHS: [&str; 2] = [".github/actionlint.yaml", ".github/actionlint.yml"];

#[derive(Clone, Debug, Default)]
pub struct ActionlintConfig {
    /// `self-hosted-runner.labels`.
    pub runner_labels: Vec<String>,
    /// `self-hosted-runner.labels` is given (a list, possibly empty): the
    /// repository's complete set of custom labels.
    pub runner_labels_listed: bool,
    /// `config-variables`: `None` when absent or null (any name).
    pub config_variables: Option<Vec<String>>,
    /// `config-secrets`: `None` when absent or null (any name).
    pub config_secrets: Option<Vec<String>>,
    /// `paths`, in file order.
    pub finding_ignores: Vec<FindingIgnore>,
}

/// A key actionlint's config does not have. actionlint reads the file with
/// a non-strict YAML decoder (`yaml.Unmarshal` into its `Config` struct), so
/// it ignores such a key without a word (actionlint 1.17.0 accepts
/// `nope: 1`; its own test project `user_defined_runner_label` carries a
/// `disallowed-runner` key): reported as information, likely a typo, never
/// as a finding that fails `check` on a repository actionlint accepts.
fn ignored_key(path: &str, node: &Node, message: &str) -> Diagnostic {
    let mut d = err(path, node, message);
    d.severity = crate::diagnostic::Severity::Info;
    d
}

impl ActionlintConfig {
    /// Parse the file's bytes; problems come back as diagnostics against `path`.
    pub fn parse(path: &str, bytes: &[u8]) -> (ActionlintConfig, Vec<Diagnostic>) {
        let mut out = ActionlintConfig::default();
        let mut diags = Vec::new();
        let doc = parse_config_yaml(path, bytes, &mut diags);
        let Some(root) = doc.root.as_ref().filter(|r| !r.is_null()) else {
            return (out, diags);
        };
        let Some(top) = root.as_mapping() else {
            diags.push(err(path, root, "actionlint's config file must be a mapping"));
            return (out, diags);
        };
        for entry in top {
            let v = &entry.value;
            match entry.key.as_str().unwrap_or("") {
                "self-hosted-runner" => {
                    for e in entries(path, "self-hosted-runner", v, &mut diags) {
                        match e.key.as_str().unwrap_or("") {
                            "labels" => {
                                out.runner_labels_listed |= e.value.as_sequence().is_some();
                                for label in strings(path, "self-hosted-runner.labels", &e.value, &mut diags) {
                                    match glob_of(&label) {
                                        Ok(_) => out.runner_labels.push(label),
                                        Err(m) => diags.push(err(path, &e.value, &format!("invalid label pattern \"{label}\": {m}"))),
                                    }
                                }
                            }
                            other => diags.push(ignored_key(
                                path,
                                &e.key,
                                &format!("unknown key \"{other}\" under `self-hosted-runner`; expected labels (actionlint ignores it)"),
                            )),
                        }
                    }
                }
                "config-variables" => {
                    if !v.is_null() {
                        out.config_variables = Some(strings(path, "config-variables", v, &mut diags));
                    }
                }
                "config-secrets" => {
                    if !v.is_null() {
                        out.config_secrets = Some(strings(path, "config-secrets", v, &mut diags));
                    }
                }
                "paths" => {
                    for e in entries(path, "paths", v, &mut diags) {
                        let pattern = e.key.as_str().unwrap_or("");
                        let glob = match glob_of(pattern) {
                            Ok(g) => g,
                            Err(m) => {
                                diags.push(err(path, &e.key, &format!("invalid path glob \"{pattern}\": {m}")));
                                continue;
                            }
                        };
                        let mut messages = Vec::new();
                        for k in entries(path, "paths.<glob>", &e.value, &mut diags) {
                            match k.key.as_str().unwrap_or("") {
                                "ignore" => {
                                    let list = k.value.as_sequence().map(<[Node]>::iter);
                                    if list.is_none() && !k.value.is_null() {
                                        diags.push(err(path, &k.value, "`ignore` must be a list of regular expressions"));
                                    }
                                    for item in list.into_iter().flatten() {
                                        match item.as_str().map(regex::Regex::new) {
                                            Some(Ok(re)) => messages.push(re),
                                            Some(Err(e)) => diags.push(err(path, item, &format!("invalid regular expression: {}", first_line(&e.to_string())))),
                                            None => diags.push(err(path, item, "an `ignore` item must be a string")),
                                        }
                                    }
                                }
                                other => diags.push(ignored_key(
                                    path,
                                    &k.key,
                                    &format!("unknown key \"{other}\" under `paths.{pattern}`; expected ignore (actionlint ignores it)"),
                                )),
                            }
                        }
                        out.finding_ignores.push(FindingIgnore { glob, messages });
                    }
                }
                other => diags.push(ignored_key(
                    path,
                    &entry.key,
                    &format!("unknown key \"{other}\" in actionlint's config; expected self-hosted-runner, config-variables, config-secrets or paths (actionlint ignores it)"),
                )),
            }
        }
        (out, diags)
    }

    /// Add these facts to autoheal's own config: labels and ignores add to
    /// autoheal's, and a label list makes the repository's custom labels a
    /// closed set; `config-variables` and `config-secrets` are taken as
    /// they are (autoheal's config has no such keys).
    pub fn apply_to(self, config: &mut Config) {
        config.self_hosted_labels_listed |= self.runner_labels_listed;
        for label in self.runner_labels {
            if !config.runner_labels.iter().any(|l| l.eq_ignore_ascii_case(&label)) {
                config.runner_labels.push(label);
            }
        }
        if self.config_variables.is_some() {
            config.config_variables = self.config_variables;
        }
        if self.config_secrets.is_some() {
            config.config_secrets = self.config_secrets;
        }
        config.finding_ignores.extend(self.finding_ignores);
    }
}

/// A glob as actionlint's patterns mean it (`*` within a path segment,
/// `**` across).
pub(crate) fn glob_of(pattern: &str) -> Result<globset::GlobMatcher, String> {
    globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| e.kind().to_string())
}

fn first_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(s).trim()
}

fn strings(path: &str, key: &str, v: &Node, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(items) = v.as_sequence() else {
        if !v.is_null() {
            diags.push(err(path, v, &format!("`{key}` must be a list of strings")));
        }
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                diags.push(err(path, item, &format!("an item of `{key}` must be a string")));
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rules::docs::CONFIG;
    use proptest::prelude::*;

    const PATH: &str = ".github/actionlint.yaml";

    #[test]
    fn reads_the_three_keys() {
        let src = "self-hosted-runner:\n  labels:\n    - linux-*-large\n    - gpu\nconfig-variables:\n  - ENV\n  - REGION\npaths:\n  .github/workflows/**/*.yml:\n    ignore:\n      - 'shellcheck reported issue .+SC2086'\n";
        let (c, d) = ActionlintConfig::parse(PATH, src.as_bytes());
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.runner_labels, ["linux-*-large", "gpu"]);
        assert_eq!(
            c.config_variables.as_deref(),
            Some(&["ENV".to_string(), "REGION".to_string()][..])
        );
        assert_eq!(c.finding_ignores.len(), 1);
        assert!(c.finding_ignores[0].glob.is_match(".github/workflows/sub/ci.yml"));
        assert_eq!(c.finding_ignores[0].messages.len(), 1);
    }

    #[test]
    fn null_config_variables_means_any_and_empty_list_means_none() {
        let (c, d) = ActionlintConfig::parse(PATH, b"config-variables: null\n");
        assert!(d.is_empty());
        assert_eq!(c.config_variables, None);
        let (c, _) = ActionlintConfig::parse(PATH, b"config-variables: []\n");
        assert_eq!(c.config_variables, Some(Vec::new()));
    }

    #[test]
    fn config_secrets_reads_like_config_variables() {
        let (c, d) = ActionlintConfig::parse(PATH, b"config-secrets: [DEPLOY_KEY, npm_token]\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            c.config_secrets.as_deref(),
            Some(&["DEPLOY_KEY".to_string(), "npm_token".to_string()][..])
        );
        let (c, d) = ActionlintConfig::parse(PATH, b"config-secrets: null\n");
        assert!(d.is_empty());
        assert_eq!(c.config_secrets, None);
        let (c, _) = ActionlintConfig::parse(PATH, b"config-secrets: []\n");
        assert_eq!(c.config_secrets, Some(Vec::new()));
        let (_, d) = ActionlintConfig::parse(PATH, b"config-secrets: DEPLOY_KEY\n");
        assert_eq!(d.len(), 1, "{d:?}");
        let mut config = Config::default();
        ActionlintConfig::parse(PATH, b"config-secrets: [A]\n")
            .0
            .apply_to(&mut config);
        assert_eq!(config.config_secrets, Some(vec!["A".to_string()]));
        assert_eq!(config.config_variables, None);
    }

    #[test]
    fn mistakes_point_at_their_line() {
        let src = "self-hosted-runner:\n  labels: gpu\npaths:\n  '**.yml':\n    ignore: ['(']\nnope: 1\n";
        let (_, d) = ActionlintConfig::parse(PATH, src.as_bytes());
        let lines: Vec<usize> = d
            .iter()
            .map(|x| src[..x.range.start].matches('\n').count() + 1)
            .collect();
        assert_eq!(lines, [2, 5, 6], "{d:?}");
        assert!(d[0].message.contains("`self-hosted-runner.labels` must be a list"));
        assert!(d[1].message.starts_with("invalid regular expression"));
        assert!(d[2].message.contains("unknown key \"nope\""));
        assert!(d[..2].iter().all(|x| x.severity == Severity::Error && x.rule == CONFIG));
        // actionlint ignores keys it does not know: information, not a failure.
        assert_eq!((d[2].severity, d[2].rule), (Severity::Info, CONFIG), "{d:?}");
        for src in [
            "disallowed-runner: [foo]\n",
            "self-hosted-runner:\n  labelz: [gpu]\n",
            "paths:\n  '**.yml':\n    ignroe: ['x']\n",
        ] {
            let (_, d) = ActionlintConfig::parse(PATH, src.as_bytes());
            assert_eq!(d.len(), 1, "{src}: {d:?}");
            assert_eq!(d[0].severity, Severity::Info, "{src}: {d:?}");
            assert!(d[0].message.ends_with("(actionlint ignores it)"), "{src}: {d:?}");
        }
    }

    #[test]
    fn broken_yaml_and_non_mapping_are_errors() {
        let (_, d) = ActionlintConfig::parse(PATH, b"paths: [\n");
        assert!(d.iter().any(|x| x.message.starts_with("invalid YAML")), "{d:?}");
        let (_, d) = ActionlintConfig::parse(PATH, b"- a\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("must be a mapping"));
    }

    #[test]
    fn applying_adds_to_autoheal_config() {
        let (c, _) = ActionlintConfig::parse(
            PATH,
            b"self-hosted-runner:\n  labels: [GPU, arm-*]\nconfig-variables: [A]\n",
        );
        let mut config = Config::default();
        config.runner_labels.push("gpu".into());
        c.apply_to(&mut config);
        assert_eq!(config.runner_labels, ["gpu", "arm-*"]);
        assert!(config.self_hosted_labels_listed);
        assert_eq!(config.config_variables, Some(vec!["A".to_string()]));
    }

    #[test]
    fn only_a_labels_list_closes_the_set_of_custom_labels() {
        for (src, listed) in [
            ("self-hosted-runner:\n  labels: []\n", true),
            ("self-hosted-runner:\n  labels: [gpu]\n", true),
            ("self-hosted-runner:\n  labels:\n", false),
            ("config-variables: [A]\n", false),
        ] {
            let mut config = Config::default();
            ActionlintConfig::parse(PATH, src.as_bytes()).0.apply_to(&mut config);
            assert_eq!(config.self_hosted_labels_listed, listed, "{src}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_diagnostics_stay_inside(s in "(self-hosted-runner:|config-variables:|paths:|  labels:|  ignore:|  '\\*\\*':|    - |\\[|\\]|\\(|\\*| |\n|[a-z]{1,4}|:|'){0,40}") {
            let (_, d) = ActionlintConfig::parse(PATH, s.as_bytes());
            for x in d {
                prop_assert!(x.range.end <= s.len());
            }
        }
    }
}
