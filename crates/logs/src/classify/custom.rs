//! User patterns from `.github/autoheal.yml`, checked before the built-ins.

use regex::{Regex, RegexSet};

use super::hit::{Hit, Strength};
use crate::report::{Category, SubjectDetail};
use crate::subject::{display_text, is_command, is_distribution, workspace_path};

/// One configured pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomPattern {
    pub regex: String,
    pub category: Category,
    /// Capture group (number or name) that holds the subject.
    pub subject_group: Option<String>,
    pub message: Option<String>,
}

/// All custom patterns, compiled once.
#[derive(Clone, Debug)]
pub struct CustomRules {
    set: RegexSet,
    regexes: Vec<Regex>,
    patterns: Vec<CustomPattern>,
    /// Literal prefixes that every match must contain, for the prefilter;
    /// empty when some pattern has none (then every line is checked).
    pub needles: Option<Vec<String>>,
}

impl CustomRules {
    pub fn new(patterns: &[CustomPattern]) -> Result<CustomRules, regex::Error> {
        let set = RegexSet::new(patterns.iter().map(|p| p.regex.as_str()))?;
        let regexes = patterns
            .iter()
            .map(|p| Regex::new(&p.regex))
            .collect::<Result<Vec<_>, _>>()?;
        let needles: Option<Vec<String>> = patterns.iter().map(|p| required_literal(&p.regex)).collect();
        Ok(CustomRules {
            set,
            regexes,
            patterns: patterns.to_vec(),
            needles,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn classify(&self, text: &str) -> Option<Hit> {
        let index = self.set.matches(text).into_iter().next()?;
        let pattern = &self.patterns[index];
        let captures = self.regexes[index].captures(text)?;
        let raw = pattern.subject_group.as_deref().and_then(|g| match g.parse::<usize>() {
            Ok(n) => captures.get(n),
            Err(_) => captures.name(g),
        });
        let message = pattern
            .message
            .clone()
            .unwrap_or_else(|| format!("Matched custom pattern `{}`.", pattern.regex));
        let mut hit = Hit {
            category: pattern.category,
            subject: None,
            detail: SubjectDetail::None,
            fixable: false,
            confidence: 0.9,
            message,
            strength: if pattern.category == Category::Unknown {
                Strength::Blocker
            } else {
                Strength::Specific
            },
            job_level: false,
            entry: "custom",
            opened_lines_above: 0,
            reports_absence: false,
        };
        if let Some(raw) = raw.map(|m| m.as_str()) {
            let (trusted, detail) = validate(pattern.category, raw);
            hit.subject = Some(if trusted { raw.to_string() } else { display_text(raw) });
            hit.fixable = trusted;
            hit.detail = detail;
        }
        Some(hit)
    }
}

/// Applies the same subject checks as the built-in rules.
fn validate(category: Category, raw: &str) -> (bool, SubjectDetail) {
    let untrusted = || {
        (
            false,
            SubjectDetail::Untrusted {
                text: display_text(raw),
            },
        )
    };
    match category {
        Category::MissingDependency if is_distribution(raw) => (
            true,
            SubjectDetail::Module {
                module: raw.to_string(),
                distribution: raw.to_string(),
                known: false,
                python: None,
            },
        ),
        Category::MissingCommand if is_command(raw) => (
            true,
            SubjectDetail::Command {
                name: raw.to_string(),
                known: false,
            },
        ),
        Category::FileNotFound => match workspace_path(raw) {
            Some(path) if path == raw || raw.ends_with(&path) => (true, SubjectDetail::Path { path }),
            _ => untrusted(),
        },
        Category::Timeout => match raw.parse::<u32>() {
            Ok(minutes) => (
                true,
                SubjectDetail::Limit {
                    minutes,
                    scope: crate::report::LimitScope::Unknown,
                },
            ),
            Err(_) => untrusted(),
        },
        Category::OptionalJob | Category::RateLimit | Category::YamlSyntax | Category::Unknown => untrusted(),
        _ => untrusted(),
    }
}

/// The longest run of literal characters at the start of a simple regex,
/// used as a prefilter needle (None when the pattern starts with syntax).
fn required_literal(regex: &str) -> Option<String> {
    let mut literal = String::new();
    let mut chars = regex.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if !e.is_ascii_alphanumeric() => literal.push(e),
                _ => break,
            },
            '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' => {
                if matches!(c, '*' | '?' | '{') {
                    literal.pop();
                }
                break;
            }
            _ => literal.push(c),
        }
        if regex.contains('|') {
            return None;
        }
    }
    (literal.chars().count() >= 3).then_some(literal)
}

/// The `log-patterns` of `.github/autoheal.yml`, as the analyzer takes them.
/// Patterns whose category is not a known one are dropped (config parsing
/// already reported them).
pub fn from_config(config: &autoheal_engine::Config) -> Vec<CustomPattern> {
    config
        .log_patterns
        .iter()
        .filter_map(|p| {
            Some(CustomPattern {
                regex: p.regex.clone(),
                category: crate::Category::parse(&p.category)?,
                subject_group: p.subject_group.map(|g| g.to_string()),
                message: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> CustomRules {
        CustomRules::new(&[
            CustomPattern {
                regex: r"missing tool: (?P<tool>\S+)".into(),
                category: Category::MissingCommand,
                subject_group: Some("tool".into()),
                message: None,
            },
            CustomPattern {
                regex: r"need pkg (\S+)".into(),
                category: Category::MissingDependency,
                subject_group: Some("1".into()),
                message: Some("custom".into()),
            },
        ])
        .expect("compile")
    }

    #[test]
    fn named_and_numbered_groups() {
        let r = rules();
        let hit = r.classify("x missing tool: protoc").expect("hit");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("protoc"), true)
        );
        let hit = r.classify("need pkg requests").expect("hit");
        assert_eq!(hit.message, "custom");
        assert!(r.classify("nothing here").is_none());
    }

    #[test]
    fn hostile_subject_is_not_fixable() {
        let hit = rules().classify("missing tool: $(id)").expect("hit");
        assert!(!hit.fixable);
    }

    #[test]
    fn bad_regex_is_an_error() {
        let bad = CustomPattern {
            regex: "(".into(),
            category: Category::Unknown,
            subject_group: None,
            message: None,
        };
        assert!(CustomRules::new(&[bad]).is_err());
    }

    #[test]
    fn literal_prefix_for_prefilter() {
        assert_eq!(
            required_literal(r"missing tool: (\S+)").as_deref(),
            Some("missing tool: ")
        );
        assert_eq!(required_literal(r"ab?c"), None);
        assert_eq!(required_literal(r"\d+ errors"), None);
        assert_eq!(required_literal(r"foo|bar"), None);
    }

    #[test]
    fn config_log_patterns_become_custom_patterns() {
        let src = "log-patterns:\n  - regex: 'quota (\\w+)'\n    category: rate_limit\n    subject-group: 1\n";
        let (config, diags) = autoheal_engine::Config::parse("c.yml", src.as_bytes(), &["timeout"]);
        assert!(diags.is_empty(), "{diags:?}");
        let patterns = super::from_config(&config);
        assert_eq!(patterns.len(), 1);
        assert_eq!(patterns[0].category, crate::Category::RateLimit);
        assert_eq!(patterns[0].subject_group.as_deref(), Some("1"));
        assert_eq!(patterns[0].regex, "quota (\\w+)");
    }
}
