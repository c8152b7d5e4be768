//! `.github/autoheal.yml`: which rules run and how loudly, what to ignore,
//! the repository's own runner labels, and custom log patterns.
//!
//! Parsed with the engine's own YAML layer so config errors point at their
//! exact line, like any other diagnostic.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::docs::CONFIG;
use crate::yaml::{self, Node};
use autoheal_expr::suggest::suggest;

/// The conventional location, relative to the repository root.
pub const DEFAULT_CONFIG_PATH: &str = ".github/autoheal.yml";

/// How much of a config file a front end reads: one byte past the YAML
/// layer's budget, so a file over it is reported rather than read cut.
pub const READ_LIMIT: u64 = yaml::limits::MAX_BYTES as u64 + 1;

/// A config file as a front end read it (from the disk, or through the
/// API): the path its findings name, and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct ConfigFile<'a> {
    pub shown: &'a str,
    pub bytes: &'a [u8],
}

/// What [`load`] read: the configuration, and each file's problems.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// Problems of `.github/autoheal.yml` (or the file chosen instead).
    pub autoheal: Vec<Diagnostic>,
    /// Problems of actionlint's config file.
    pub actionlint: Vec<Diagnostic>,
}

/// The one reader of a repository's configuration, for every front end (the
/// CLI's commands, the language server, the heal loop): `.github/autoheal.yml`
/// (or the file a front end was told to use) checked against the engine's
/// rules, then the facts of actionlint's config file added
/// (`ActionlintConfig::apply_to`). Front ends only read bytes, each its own
/// way and bounded by [`READ_LIMIT`]; a missing file is `None` (the defaults).
/// Whatever is valid is applied, and the problems say what was not.
pub fn load(autoheal: Option<ConfigFile<'_>>, actionlint: Option<ConfigFile<'_>>) -> Loaded {
    let (mut config, autoheal) = match autoheal {
        Some(file) => Config::parse(file.shown, file.bytes, &crate::rules::rule_ids()),
        None => (Config::default(), Vec::new()),
    };
    let actionlint = match actionlint {
        Some(file) => {
            let (facts, diagnostics) = crate::actionlint_config::ActionlintConfig::parse(file.shown, file.bytes);
            facts.apply_to(&mut config);
            diagnostics
        }
        None => Vec::new(),
    };
    Loaded {
        config,
        autoheal,
        actionlint,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    /// On, at this severity (or the rule's default when `None`).
    On(Option<Severity>),
}

impl RuleSetting {
    /// A setting written as a word: `off`, `on`, or a severity (`error`,
    /// `warning`, `info`), as in `rules:` and the editors' overrides.
    pub fn parse(word: &str) -> Option<RuleSetting> {
        match word {
            "off" | "disable" | "disabled" => Some(RuleSetting::Off),
            "on" | "enable" | "enabled" => Some(RuleSetting::On(None)),
            other => Severity::parse(other).map(|sev| RuleSetting::On(Some(sev))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogPattern {
    pub regex: String,
    pub category: String,
    /// Capture group holding the subject (module, command, path…).
    pub subject_group: Option<usize>,
}

/// What `heal` does with a run it does not trust: from a fork, or triggered by someone
/// without write access (`heal.untrusted-runs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UntrustedRuns {
    /// File an issue with the analysis only: no diff, no branch, no pull request (default).
    #[default]
    Report,
    /// Treat it like any other run (the logs then choose what the bot proposes).
    Heal,
    /// File nothing.
    Off,
}

/// The Copilot stage (`copilot:`), off unless asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CopilotConfig {
    /// Request a Copilot code review on every pull request `heal` opens or updates.
    pub review: bool,
    /// Hand failures no rule can fix (from trusted runs only) to the Copilot coding agent.
    pub assign_unfixable: bool,
}

/// How much the security audits say, zizmor's personas: `regular` shows
/// findings that are likely real, `pedantic` adds code smells and
/// hardening advice, `auditor` everything, however unlikely.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Persona {
    #[default]
    Regular,
    Pedantic,
    Auditor,
}

impl Persona {
    pub const NAMES: &'static [&'static str] = &["regular", "pedantic", "auditor"];
    pub fn parse(s: &str) -> Option<Persona> {
        match s {
            "regular" => Some(Persona::Regular),
            "pedantic" => Some(Persona::Pedantic),
            "auditor" => Some(Persona::Auditor),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        Persona::NAMES[self as usize]
    }
}

/// Old rule ids still accepted in the config and in suppressions.
pub const RULE_ALIASES: &[(&str, &str)] = &[("pinning", "unpinned-uses")];

/// The current id of a rule id or alias.
pub fn canonical_rule(id: &str) -> &str {
    RULE_ALIASES
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| new)
}

#[derive(Clone, Debug)]
pub struct Config {
    pub rules: BTreeMap<String, RuleSetting>,
    /// Globs of paths (relative to the repository root) not to lint.
    pub ignore: Vec<String>,
    ignore_set: globset::GlobSet,
    /// Findings at or above this severity make `check` exit 1.
    pub fail_level: Severity,
    /// Self-hosted and larger-runner labels used by this repository.
    pub runner_labels: Vec<String>,
    /// The repository has listed all its self-hosted labels (actionlint's
    /// `self-hosted-runner.labels` is present), so a label beside
    /// `self-hosted` that is neither listed nor a runner's default label
    /// names no runner. Without such a list, any label is accepted there.
    pub self_hosted_labels_listed: bool,
    /// Run `shellcheck` on `run:` scripts when it is installed.
    pub shellcheck: bool,
    /// Run `pyflakes` on Python `run:` scripts when it is installed.
    pub pyflakes: bool,
    pub log_patterns: Vec<LogPattern>,
    /// A fix type or fingerprint rejected this many times stops producing PRs.
    pub rejection_threshold: u32,
    /// `heal.untrusted-runs`.
    pub untrusted_runs: UntrustedRuns,
    pub copilot: CopilotConfig,
    /// Which security findings to show (see [`Persona`]).
    pub persona: Persona,
    /// The only `vars.*` names that exist (actionlint's `config-variables`);
    /// `None`: any name.
    pub config_variables: Option<Vec<String>>,
    /// The only `secrets.*` names that exist besides `GITHUB_TOKEN`
    /// (actionlint's `config-secrets`); `None`: any name.
    pub config_secrets: Option<Vec<String>>,
    /// Findings to drop by message in some files (actionlint's `paths`).
    pub finding_ignores: Vec<FindingIgnore>,
}

/// actionlint's `paths.<glob>.ignore`: in files the glob matches (relative
/// to the repository root), drop findings whose message matches a regex.
#[derive(Clone, Debug)]
pub struct FindingIgnore {
    pub glob: globset::GlobMatcher,
    pub messages: Vec<regex::Regex>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            rules: BTreeMap::new(),
            ignore: Vec::new(),
            ignore_set: globset::GlobSet::empty(),
            fail_level: Severity::Warning,
            runner_labels: Vec::new(),
            self_hosted_labels_listed: false,
            shellcheck: true,
            pyflakes: true,
            log_patterns: Vec::new(),
            rejection_threshold: 2,
            untrusted_runs: UntrustedRuns::Report,
            copilot: CopilotConfig::default(),
            persona: Persona::Regular,
            config_variables: None,
            config_secrets: None,
            finding_ignores: Vec::new(),
        }
    }
}

pub const CATEGORIES: &[&str] = &[
    "missing_dependency",
    "timeout",
    "missing_command",
    "file_not_found",
    "yaml_syntax",
    "optional_job",
    "rate_limit",
    "unknown",
];

impl Config {
    /// Parse config bytes. Problems come back as diagnostics against `path`
    /// (rule `config`); whatever was valid is still applied.
    pub fn parse(path: &str, bytes: &[u8], known_rules: &[&str]) -> (Config, Vec<Diagnostic>) {
        let mut config = Config::default();
        let mut diags = Vec::new();
        let doc = parse_config_yaml(path, bytes, &mut diags);
        let Some(root) = doc.root.as_ref() else {
            return (config, diags);
        };
        if root.is_null() {
            return (config, diags);
        }
        let Some(entries) = root.as_mapping() else {
            diags.push(err(path, root, "the config file must be a mapping"));
            return (config, diags);
        };
        for entry in entries {
            let key = entry.key.as_str().unwrap_or("");
            let v = &entry.value;
            match key {
                "rules" => match v.as_mapping() {
                    Some(rules) => {
                        for r in rules {
                            let id = canonical_rule(r.key.as_str().unwrap_or(""));
                            if !known_rules.contains(&id) {
                                let hint = suggest(id, known_rules).map(|s| format!("; did you mean \"{s}\"?")).unwrap_or_default();
                                diags.push(err(path, &r.key, &format!("unknown rule \"{id}\"{hint}")));
                                continue;
                            }
                            match parse_rule_setting(&r.value) {
                                Some(s) => {
                                    config.rules.insert(id.to_string(), s);
                                }
                                None => diags.push(err(
                                    path,
                                    &r.value,
                                    "a rule setting is `off`, `on`, `error`, `warning`, `info`, or a mapping with `enabled`/`severity`",
                                )),
                            }
                        }
                    }
                    None if v.is_null() => {}
                    None => diags.push(err(path, v, "`rules` must be a mapping of rule id to setting")),
                },
                "ignore" => config.ignore = string_list(path, v, &mut diags),
                "runner-labels" | "self-hosted-runner-labels" => config.runner_labels = string_list(path, v, &mut diags),
                "fail-level" => match v.as_str().and_then(Severity::parse) {
                    Some(s) => config.fail_level = s,
                    None => diags.push(err(path, v, "`fail-level` must be `error`, `warning` or `info`")),
                },
                "shellcheck" => match v.as_bool() {
                    Some(b) => config.shellcheck = b,
                    None => diags.push(err(path, v, "`shellcheck` must be true or false")),
                },
                "pyflakes" => match v.as_bool() {
                    Some(b) => config.pyflakes = b,
                    None => diags.push(err(path, v, "`pyflakes` must be true or false")),
                },
                "rejection-threshold" => match v.as_number() {
                    Some(n) if n >= 1.0 && n.fract() == 0.0 => config.rejection_threshold = n as u32,
                    _ => diags.push(err(path, v, "`rejection-threshold` must be a positive whole number")),
                },
                "persona" => match v.as_str().and_then(Persona::parse) {
                    Some(p) => config.persona = p,
                    None => diags.push(err(path, v, "`persona` must be `regular`, `pedantic` or `auditor`")),
                },
                "log-patterns" => {
                    for item in v.as_sequence().unwrap_or_default() {
                        if let Some(p) = parse_log_pattern(path, item, &mut diags) {
                            config.log_patterns.push(p);
                        }
                    }
                    if !v.is_sequence() && !v.is_null() {
                        diags.push(err(path, v, "`log-patterns` must be a list"));
                    }
                }
                "heal" => parse_heal(path, v, &mut config, &mut diags),
                "copilot" => parse_copilot(path, v, &mut config, &mut diags),
                _ => diags.push(err(
                    path,
                    &entry.key,
                    &format!(
                        "unknown config key \"{key}\"; expected one of rules, ignore, fail-level, runner-labels, shellcheck, pyflakes, log-patterns, rejection-threshold, heal, copilot, persona"
                    ),
                )),
            }
        }
        let mut builder = globset::GlobSetBuilder::new();
        for g in &config.ignore {
            match globset::GlobBuilder::new(g).literal_separator(true).build() {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(e) => diags.push(Diagnostic::new(
                    path,
                    CONFIG,
                    Severity::Error,
                    root.get("ignore").map(|n| n.span).unwrap_or_default(),
                    format!("invalid ignore glob \"{g}\": {e}"),
                )),
            }
        }
        config.ignore_set = builder.build().unwrap_or_else(|_| globset::GlobSet::empty());
        (config, diags)
    }

    /// The effective severity of a rule, or `None` when it is off.
    pub fn rule_severity(&self, rule: &str, default: Severity, enabled_by_default: bool) -> Option<Severity> {
        match self.rules.get(canonical_rule(rule)) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::On(s)) => Some(s.unwrap_or(default)),
            None if enabled_by_default => Some(default),
            None => None,
        }
    }

    /// The severity the config sets for a rule (`rule: warning`), which
    /// replaces the severity of each of its findings; `None` when the
    /// config leaves it to the rule (not listed, or just `on`).
    pub fn severity_override(&self, rule: &str) -> Option<Severity> {
        match self.rules.get(canonical_rule(rule)) {
            Some(RuleSetting::On(s)) => *s,
            _ => None,
        }
    }

    /// True when a runner label is one of the repository's own
    /// (`runner-labels`, or actionlint's `self-hosted-runner.labels`, whose
    /// entries may be glob patterns); case is ignored.
    pub fn is_own_runner_label(&self, label: &str) -> bool {
        self.runner_labels.iter().any(|l| {
            l.eq_ignore_ascii_case(label)
                || (l.contains(['*', '?', '['])
                    && globset::GlobBuilder::new(l)
                        .case_insensitive(true)
                        .build()
                        .is_ok_and(|g| g.compile_matcher().is_match(label)))
        })
    }

    /// True when a finding with this message in `path` is dropped by an
    /// actionlint `paths:` entry. `path` is as shown (relative to the current
    /// directory when linting from elsewhere), so the glob is tried against it
    /// and against each of its tails that starts a path segment.
    pub fn ignores_finding(&self, path: &str, message: &str) -> bool {
        if self.finding_ignores.is_empty() {
            return false;
        }
        let p = path.trim_start_matches("./").replace('\\', "/");
        let tails = std::iter::once(p.as_str()).chain(p.match_indices('/').map(|(i, _)| &p[i + 1..]));
        let tails: Vec<&str> = tails.collect();
        self.finding_ignores
            .iter()
            .any(|f| tails.iter().any(|t| f.glob.is_match(t)) && f.messages.iter().any(|re| re.is_match(message)))
    }

    /// True when `path` (relative to the repository root, `/`-separated)
    /// matches an `ignore` glob.
    pub fn is_ignored(&self, path: &str) -> bool {
        let p = path.trim_start_matches("./");
        self.ignore_set.is_match(p)
    }
}

/// Parse a configuration file's YAML; its syntax errors become `config`
/// diagnostics (whatever still parsed is applied).
pub(crate) fn parse_config_yaml(path: &str, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> yaml::Document {
    let doc = yaml::parse(bytes);
    for e in &doc.errors {
        diags.push(Diagnostic::new(
            path,
            CONFIG,
            Severity::Error,
            e.range,
            format!("invalid YAML: {}", e.message),
        ));
    }
    doc
}

pub(crate) fn err(path: &str, node: &Node, message: &str) -> Diagnostic {
    Diagnostic::new(path, CONFIG, Severity::Error, node.span, message)
}

/// The entries of a mapping-valued key, or a diagnostic when it is not a mapping.
pub(crate) fn entries<'a>(path: &str, key: &str, v: &'a Node, diags: &mut Vec<Diagnostic>) -> &'a [yaml::Entry] {
    match v.as_mapping() {
        Some(entries) => entries,
        None => {
            if !v.is_null() {
                diags.push(err(path, v, &format!("`{key}` must be a mapping")));
            }
            &[]
        }
    }
}

fn parse_heal(path: &str, v: &Node, config: &mut Config, diags: &mut Vec<Diagnostic>) {
    for entry in entries(path, "heal", v, diags) {
        match entry.key.as_str().unwrap_or("") {
            "untrusted-runs" => match entry.value.as_str() {
                Some("report") => config.untrusted_runs = UntrustedRuns::Report,
                Some("heal") => config.untrusted_runs = UntrustedRuns::Heal,
                Some("off") => config.untrusted_runs = UntrustedRuns::Off,
                _ => diags.push(err(
                    path,
                    &entry.value,
                    "`heal.untrusted-runs` must be `report`, `heal` or `off`",
                )),
            },
            other => diags.push(err(
                path,
                &entry.key,
                &format!("unknown key \"{other}\" under `heal`; expected untrusted-runs"),
            )),
        }
    }
}

fn parse_copilot(path: &str, v: &Node, config: &mut Config, diags: &mut Vec<Diagnostic>) {
    for entry in entries(path, "copilot", v, diags) {
        let key = entry.key.as_str().unwrap_or("");
        let slot = match key {
            "review" => &mut config.copilot.review,
            "assign-unfixable" => &mut config.copilot.assign_unfixable,
            other => {
                diags.push(err(
                    path,
                    &entry.key,
                    &format!("unknown key \"{other}\" under `copilot`; expected review or assign-unfixable"),
                ));
                continue;
            }
        };
        match entry.value.as_bool() {
            Some(b) => *slot = b,
            None => diags.push(err(
                path,
                &entry.value,
                &format!("`copilot.{key}` must be true or false"),
            )),
        }
    }
}

fn parse_rule_setting(v: &Node) -> Option<RuleSetting> {
    if let Some(b) = v.as_bool() {
        return Some(if b { RuleSetting::On(None) } else { RuleSetting::Off });
    }
    if let Some(s) = v.as_str() {
        return RuleSetting::parse(s);
    }
    if v.is_mapping() {
        let enabled = v.get("enabled").map(|e| e.as_bool());
        let severity = v.get("severity").map(|s| s.as_str().and_then(Severity::parse));
        return match (enabled, severity) {
            (Some(None), _) | (_, Some(None)) => None,
            (Some(Some(false)), _) => Some(RuleSetting::Off),
            (_, sev) => Some(RuleSetting::On(sev.flatten())),
        };
    }
    None
}

/// The keys of one `log-patterns` item.
const LOG_PATTERN_KEYS: &[&str] = &["regex", "pattern", "category", "subject-group"];

/// One `log-patterns` item, or `None` (with its mistakes in `diags`) when
/// it cannot be used: it must name a category, and its regex must compile
/// and have the capture group `subject-group` names, exactly as `diagnose`
/// will compile it.
fn parse_log_pattern(path: &str, item: &Node, diags: &mut Vec<Diagnostic>) -> Option<LogPattern> {
    let Some(entries) = item.as_mapping() else {
        diags.push(err(
            path,
            item,
            "a log pattern is a mapping with `regex:` and `category:` (and optionally `subject-group:`)",
        ));
        return None;
    };
    let before = diags.len();
    for e in entries {
        let key = e.key.as_str().unwrap_or("");
        if !LOG_PATTERN_KEYS.contains(&key) {
            let hint = suggest(key, LOG_PATTERN_KEYS)
                .map(|s| format!("did you mean \"{s}\"? "))
                .unwrap_or_default();
            diags.push(err(
                path,
                &e.key,
                &format!(
                    "unknown key \"{key}\" in a log pattern; {hint}expected one of {}",
                    LOG_PATTERN_KEYS.join(", ")
                ),
            ));
        }
    }
    let regex_node = item.get("regex").or_else(|| item.get("pattern"));
    let regex = match regex_node.map(|n| (n, n.as_str())) {
        Some((_, Some(r))) => Some(r),
        Some((n, None)) => {
            diags.push(err(path, n, "`regex` must be a string"));
            None
        }
        None => {
            diags.push(err(path, item, "a log pattern needs `regex:`"));
            None
        }
    };
    let category = match item.get("category") {
        Some(n) => match n.as_str() {
            Some(c) if CATEGORIES.contains(&c) => Some(c),
            other => {
                let hint = other
                    .and_then(|c| suggest(c, CATEGORIES))
                    .map(|s| format!("did you mean \"{s}\"? "))
                    .unwrap_or_default();
                diags.push(err(
                    path,
                    n,
                    &format!(
                        "unknown category {}; {hint}expected one of {}",
                        other.map_or_else(|| "(not a string)".to_string(), |c| format!("\"{c}\"")),
                        CATEGORIES.join(", ")
                    ),
                ));
                None
            }
        },
        None => {
            diags.push(err(path, item, "a log pattern needs `category:`"));
            None
        }
    };
    let subject_group = match item.get("subject-group") {
        None => None,
        Some(n) => match n.as_number() {
            Some(g) if g >= 0.0 && g.fract() == 0.0 => Some((n, g as usize)),
            _ => {
                diags.push(err(
                    path,
                    n,
                    "`subject-group` must be a capture group number (0 is the whole match)",
                ));
                None
            }
        },
    };
    if let (Some(text), Some(node)) = (regex, regex_node) {
        match regex::Regex::new(text) {
            Ok(compiled) => {
                // `captures_len` counts group 0, the whole match.
                let groups = compiled.captures_len() - 1;
                if let Some((n, g)) = subject_group.filter(|(_, g)| *g > groups) {
                    diags.push(err(
                        path,
                        n,
                        &format!(
                            "`subject-group: {g}` names a capture group the regex does not have (it has {groups}{})",
                            if groups == 0 { "; add one with `( )`" } else { "" }
                        ),
                    ));
                }
            }
            Err(e) => diags.push(err(path, node, &format!("invalid regex: {}", one_line(&e.to_string())))),
        }
    }
    if diags.len() > before {
        return None;
    }
    Some(LogPattern {
        regex: regex?.to_string(),
        category: category?.to_string(),
        subject_group: subject_group.map(|(_, g)| g),
    })
}

/// The regex crate's multi-line error (the pattern, a caret line, the
/// reason) as one line: the reason, which is what a diagnostic shows.
fn one_line(message: &str) -> String {
    message
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| l.trim_start().trim_start_matches("error:").trim().to_string())
        .unwrap_or_else(|| message.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn string_list(path: &str, v: &Node, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    if v.is_null() {
        return Vec::new();
    }
    let Some(items) = v.as_sequence() else {
        diags.push(err(path, v, "expected a list of strings"));
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| match i.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                diags.push(err(path, i, "expected a string"));
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &[&str] = &["timeout", "syntax", "unpinned-uses"];

    /// The one reader: autoheal's file against the engine's own rules, actionlint's facts
    /// added, each file's problems apart; nothing read is the defaults.
    #[test]
    fn load_reads_both_files_from_bytes() {
        let autoheal = ConfigFile {
            shown: ".github/autoheal.yml",
            bytes: b"rules:\n  timeout: off\n  nope: on\nrunner-labels: [gpu]\n",
        };
        let actionlint = ConfigFile {
            shown: ".github/actionlint.yaml",
            bytes: b"self-hosted-runner:\n  labels: [arm-*]\nconfig-variables: [A]\nnope: 1\n",
        };
        let loaded = load(Some(autoheal), Some(actionlint));
        assert_eq!(loaded.config.rule_severity("timeout", Severity::Info, true), None);
        assert!(loaded.config.is_own_runner_label("gpu") && loaded.config.is_own_runner_label("ARM-64"));
        assert_eq!(loaded.config.config_variables, Some(vec!["A".to_string()]));
        let paths = |d: &[Diagnostic]| d.iter().map(|d| d.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&loaded.autoheal), [".github/autoheal.yml"]);
        assert_eq!(paths(&loaded.actionlint), [".github/actionlint.yaml"]);
        let none = load(None, None);
        assert!(none.config.runner_labels.is_empty() && none.config.config_variables.is_none());
        assert!(none.autoheal.is_empty() && none.actionlint.is_empty());
        let huge = vec![b'#'; READ_LIMIT as usize];
        let over = load(
            Some(ConfigFile {
                shown: "c.yml",
                bytes: &huge,
            }),
            None,
        );
        assert_eq!(over.autoheal.len(), 1, "{:?}", over.autoheal);
    }

    #[test]
    fn settings_severities_and_globs_are_read() {
        let src = "rules:\n  timeout: off\n  pinning: warning\n  syntax: { severity: info }\nignore: ['.github/workflows/gen-*.yml']\nfail-level: error\nrunner-labels: [gpu]\nlog-patterns:\n  - regex: 'quota (\\w+)'\n    category: rate_limit\n    subject-group: 1\n";
        let (c, d) = Config::parse("c.yml", src.as_bytes(), RULES);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.rule_severity("timeout", Severity::Info, true), None);
        assert_eq!(
            c.rule_severity("pinning", Severity::Warning, false),
            Some(Severity::Warning)
        );
        assert_eq!(c.rule_severity("syntax", Severity::Error, true), Some(Severity::Info));
        assert!(c.is_ignored(".github/workflows/gen-x.yml"));
        assert!(!c.is_ignored(".github/workflows/sub/gen-x.yml"));
        assert_eq!(c.fail_level, Severity::Error);
        assert_eq!(c.runner_labels, vec!["gpu"]);
        assert_eq!(c.log_patterns[0].subject_group, Some(1));
        assert_eq!(c.persona, Persona::Regular);
    }

    #[test]
    fn persona_and_the_old_pinning_id_are_read() {
        let src = "persona: pedantic\nrules:\n  pinning: error\n";
        let (c, d) = Config::parse("c.yml", src.as_bytes(), RULES);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.persona, Persona::Pedantic);
        assert_eq!(
            c.rule_severity("unpinned-uses", Severity::Warning, true),
            Some(Severity::Error)
        );
        let (_, d) = Config::parse("c.yml", b"persona: loud\n", RULES);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn heal_and_copilot_settings_are_read_and_checked() {
        let (c, d) = Config::parse("c.yml", b"", RULES);
        assert!(d.is_empty());
        assert_eq!(
            (c.untrusted_runs, c.copilot),
            (UntrustedRuns::Report, CopilotConfig::default())
        );
        let src = "heal:\n  untrusted-runs: off\ncopilot:\n  review: true\n  assign-unfixable: true\n";
        let (c, d) = Config::parse("c.yml", src.as_bytes(), RULES);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.untrusted_runs, UntrustedRuns::Off);
        assert!(c.copilot.review && c.copilot.assign_unfixable);
        let src = "heal:\n  untrusted-runs: always\n  other: 1\ncopilot:\n  review: yes-please\n";
        let (c, d) = Config::parse("c.yml", src.as_bytes(), RULES);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d[0].message.contains("`report`, `heal` or `off`"));
        assert_eq!(
            c.untrusted_runs,
            UntrustedRuns::Report,
            "an invalid value keeps the default"
        );
        assert!(!c.copilot.review);
    }

    #[test]
    fn log_pattern_mistakes_are_findings_at_their_node() {
        let src = "log-patterns:\n  - regex: 'quota (\\w+'\n    category: rate_limit\n  - regex: 'no group'\n    category: missing_command\n    subject-group: 5\n  - regex: 'x (y)'\n    category: timeout\n    subjet-group: 1\n    message: hi\n  - regex: 'ok (\\S+)'\n    category: missing_comand\n  - regex: 'fine (\\S+)'\n    category: missing_command\n    subject-group: 1\n";
        let (c, d) = Config::parse("c.yml", src.as_bytes(), RULES);
        let got: Vec<(&str, &str)> = d
            .iter()
            .map(|d| (&src[d.range.start..d.range.end], d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("'quota (\\w+'", "invalid regex: unclosed group"),
                (
                    "5",
                    "`subject-group: 5` names a capture group the regex does not have (it has 0; add one with `( )`)"
                ),
                (
                    "subjet-group",
                    "unknown key \"subjet-group\" in a log pattern; did you mean \"subject-group\"? expected one of regex, pattern, category, subject-group"
                ),
                (
                    "message",
                    "unknown key \"message\" in a log pattern; expected one of regex, pattern, category, subject-group"
                ),
                (
                    "missing_comand",
                    "unknown category \"missing_comand\"; did you mean \"missing_command\"? expected one of missing_dependency, timeout, missing_command, file_not_found, yaml_syntax, optional_job, rate_limit, unknown"
                ),
            ]
        );
        // Only the valid pattern is kept.
        assert_eq!(c.log_patterns.len(), 1);
        assert_eq!(c.log_patterns[0].regex, "fine (\\S+)");
    }

    #[test]
    fn mistakes_point_at_their_line() {
        let src = "rules:\n  timeot: off\nfail-level: loud\nwat: 1\n";
        let (_, d) = Config::parse("c.yml", src.as_bytes(), RULES);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d[0].message.contains("did you mean \"timeout\""));
        assert_eq!(&src[d[1].range.start..d[1].range.end], "loud");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of config syntax, valid and not, to stitch documents from.
        fn piece() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "rules:\n",
                "  timeout: off\n",
                "  syntax: { severity: info }\n",
                "  nope: maybe\n",
                "ignore:\n",
                "  - '[a-'\n",
                "  - '.github/**'\n",
                "fail-level: error\n",
                "fail-level: 3\n",
                "log-patterns:\n",
                "  - regex: '(unclosed'\n",
                "    category: rate_limit\n",
                "    subject-group: 99999999999999999999\n",
                "runner-labels: [gpu, ~]\n",
                "&a [*a]\n",
                "persona: auditor\n",
                "\t",
                "- ",
                ": ",
                "'",
                "\"",
                "{",
                "[",
                "\u{feff}",
                "\0",
            ])
        }

        proptest! {
            /// Any bytes: no panic, every problem inside the file.
            #[test]
            fn any_bytes_parse_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
                let (_, diags) = Config::parse("c.yml", &bytes, RULES);
                for d in diags {
                    prop_assert!(d.range.start <= d.range.end && d.range.end <= bytes.len(), "{d:?}");
                }
            }

            /// Documents stitched from config syntax: no panic, ranges inside.
            #[test]
            fn stitched_documents_parse_without_panic(pieces in prop::collection::vec(piece(), 0..24)) {
                let src = pieces.concat();
                let (_, diags) = Config::parse("c.yml", src.as_bytes(), RULES);
                for d in diags {
                    prop_assert!(d.range.end <= src.len() && src.is_char_boundary(d.range.start), "{d:?}");
                }
            }

            /// A valid rule table is read back exactly, with no diagnostic.
            #[test]
            fn valid_rule_severities_are_read_back(levels in prop::collection::vec(0usize..4, RULES.len())) {
                const NAMES: [&str; 4] = ["off", "info", "warning", "error"];
                let src: String = std::iter::once("rules:\n".to_string())
                    .chain(RULES.iter().zip(&levels).map(|(r, l)| format!("  {r}: {}\n", NAMES[*l])))
                    .collect();
                let (config, diags) = Config::parse("c.yml", src.as_bytes(), RULES);
                prop_assert!(diags.is_empty(), "{diags:?}");
                for (rule, level) in RULES.iter().zip(&levels) {
                    let expected = [None, Some(Severity::Info), Some(Severity::Warning), Some(Severity::Error)][*level];
                    prop_assert_eq!(config.rule_severity(rule, Severity::Warning, true), expected);
                }
            }
        }
    }
}
