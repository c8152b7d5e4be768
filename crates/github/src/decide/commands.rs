//! `/autoheal` commands that reviewers write in PR (or issue) comments.
//!
//! A comment is a command when its first non-blank line starts with `/autoheal`:
//! - `/autoheal wrong-fix [why]`: the PR's fix was wrong; counts as a rejection of its fix
//!   type and fingerprint even if the PR was merged.
//! - `/autoheal never <category>`: stop proposing fixes for this failure category in this
//!   repository.
//! - `/autoheal allow <category>`: undo an earlier `never` (the later comment wins).
//!
//! Quoted replies (`> /autoheal ...`) and commands later in a comment are not commands.

/// Longest category name accepted.
const MAX_CATEGORY_LEN: usize = 64;
/// Longest `wrong-fix` reason kept.
const MAX_REASON_CHARS: usize = 200;

/// A parsed `/autoheal` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    WrongFix { reason: Option<String> },
    Never { category: String },
    Allow { category: String },
}

impl Command {
    /// Whether the command holds autoheal back (`never`, `wrong-fix`) rather than lets it go
    /// on (`allow`): the reading that fails safe when its author's permission is unknown.
    pub fn is_restrictive(&self) -> bool {
        matches!(self, Command::WrongFix { .. } | Command::Never { .. })
    }
}

/// Why a `/autoheal` line is not a valid command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("`/autoheal` needs a command: wrong-fix, never <category> or allow <category>")]
    Empty,
    #[error("unknown `/autoheal` command `{0}`; expected wrong-fix, never <category> or allow <category>")]
    Unknown(String),
    #[error("`/autoheal {0}` needs a failure category, e.g. `/autoheal {0} timeout`")]
    MissingCategory(String),
    #[error("`{0}` is not a category name (letters, digits, `-` and `_`, at most 64)")]
    InvalidCategory(String),
}

/// The command in a comment: `None` when the comment is not an `/autoheal` command at all.
pub fn parse_command(body: &str) -> Option<Result<Command, CommandError>> {
    let line = body.lines().map(str::trim).find(|line| !line.is_empty())?;
    let rest = strip_prefix_ignore_case(line, "/autoheal")?;
    // `/autoheal-bot` or `/autohealing` are someone else's commands.
    if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let mut words = rest.split_whitespace();
    let Some(verb) = words.next() else {
        return Some(Err(CommandError::Empty));
    };
    let verb = verb.to_ascii_lowercase();
    Some(match verb.as_str() {
        "wrong-fix" | "wrong_fix" | "wrongfix" => {
            let reason: String = words
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(MAX_REASON_CHARS)
                .collect();
            Ok(Command::WrongFix {
                reason: (!reason.is_empty()).then_some(reason),
            })
        }
        "never" | "allow" => match words.next() {
            None => Err(CommandError::MissingCategory(verb)),
            Some(raw) => category(raw).map(|category| {
                if verb == "never" {
                    Command::Never { category }
                } else {
                    Command::Allow { category }
                }
            }),
        },
        _ => Err(CommandError::Unknown(verb.chars().take(40).collect())),
    })
}

fn strip_prefix_ignore_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| line.get(prefix.len()..))
        .flatten()
}

/// A category name, lower-cased; backticks around it are dropped.
fn category(raw: &str) -> Result<String, CommandError> {
    let name = raw.trim_matches('`').to_ascii_lowercase();
    let valid = !name.is_empty()
        && name.len() <= MAX_CATEGORY_LEN
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(name)
    } else {
        Err(CommandError::InvalidCategory(
            raw.chars().take(MAX_CATEGORY_LEN).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn recognizes_each_command() {
        assert_eq!(
            parse_command("/autoheal wrong-fix"),
            Some(Ok(Command::WrongFix { reason: None }))
        );
        assert_eq!(
            parse_command("\n  /AutoHeal Wrong-Fix   pins the wrong version\nmore text"),
            Some(Ok(Command::WrongFix {
                reason: Some("pins the wrong version".into())
            }))
        );
        assert_eq!(
            parse_command("/autoheal never `Timeout`"),
            Some(Ok(Command::Never {
                category: "timeout".into()
            }))
        );
        assert_eq!(
            parse_command("/autoheal allow missing-command please"),
            Some(Ok(Command::Allow {
                category: "missing-command".into()
            }))
        );
    }

    #[test]
    fn other_comments_are_not_commands() {
        for body in [
            "",
            "LGTM",
            "> /autoheal never timeout",
            "thanks\n/autoheal never timeout",
            "/autohealing is great",
            "/autoheal-bot never x",
        ] {
            assert_eq!(parse_command(body), None, "{body:?}");
        }
    }

    #[test]
    fn malformed_commands_say_what_is_wrong() {
        assert_eq!(parse_command("/autoheal"), Some(Err(CommandError::Empty)));
        assert_eq!(
            parse_command("/autoheal revert"),
            Some(Err(CommandError::Unknown("revert".into())))
        );
        assert_eq!(
            parse_command("/autoheal never"),
            Some(Err(CommandError::MissingCategory("never".into())))
        );
        assert_eq!(
            parse_command("/autoheal never ../../x"),
            Some(Err(CommandError::InvalidCategory("../../x".into())))
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_categories_are_clean(body in ".{0,200}") {
            if let Some(Ok(Command::Never { category } | Command::Allow { category })) = parse_command(&body) {
                prop_assert!(category.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'));
            }
        }

        #[test]
        fn any_valid_category_round_trips(category in "[a-z0-9_-]{1,64}") {
            let parsed = parse_command(&format!("/autoheal never {category}"));
            prop_assert_eq!(parsed, Some(Ok(Command::Never { category })));
        }
    }
}
