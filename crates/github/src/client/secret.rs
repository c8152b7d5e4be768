//! The API token and the redaction that keeps it out of every message we print.

use std::fmt;

/// A GitHub token. `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Returns `None` for an empty or blank value, so `GITHUB_TOKEN=""` counts as unset.
    pub fn new(value: impl Into<String>) -> Option<Token> {
        let value = value.into();
        let trimmed = value.trim();
        (!trimmed.is_empty()).then(|| Token(trimmed.to_string()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Replaces the token, wherever it appears, with `***`.
#[derive(Clone, Default)]
pub struct Redactor {
    secret: Option<String>,
}

impl Redactor {
    pub fn new(token: Option<&Token>) -> Redactor {
        // Very short "tokens" would redact ordinary words; real tokens are 40+ characters.
        Redactor {
            secret: token.map(|t| t.expose().to_string()).filter(|s| s.len() >= 4),
        }
    }

    pub fn redact(&self, text: &str) -> String {
        match &self.secret {
            Some(secret) if text.contains(secret.as_str()) => text.replace(secret.as_str(), "***"),
            _ => text.to_string(),
        }
    }
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Redactor")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_never_formats_its_value() {
        let token = Token::new("ghp_abcdefghijklmnop").unwrap_or_else(|| unreachable!());
        assert_eq!(format!("{token:?} {token}"), "Token(***) ***");
    }

    #[test]
    fn blank_token_is_none() {
        assert!(Token::new("  ").is_none());
    }

    #[test]
    fn redactor_replaces_every_occurrence() {
        let token = Token::new("ghp_secret123").unwrap_or_else(|| unreachable!());
        let redactor = Redactor::new(Some(&token));
        assert_eq!(redactor.redact("a ghp_secret123 b ghp_secret123"), "a *** b ***");
        assert_eq!(Redactor::new(None).redact("ghp_secret123"), "ghp_secret123");
    }
}
