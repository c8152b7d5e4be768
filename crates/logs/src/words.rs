//! The one whole-word finder. Step names, scripts and workflow text are
//! searched for words in several places (is a step a notifier, does a script
//! name a command, where in a step does a path appear); each says which
//! characters continue a word there ([`WordChars`]), and this module decides
//! what "whole" means once: an occurrence counts when it is not part of a
//! longer word, that is, when the character before it and the one after it do
//! not continue the word. A trailing `/` (a directory: `dist/` in
//! `dist/app.js`) needs no boundary after it; every other edge does.
//!
//! The fixes' `script::word_positions` differs on purpose: it finds every
//! place to edit a command in a script's text, where `+ $ { =` also continue
//! a shell word (`g++`, `${TOOL}`, `CC=gcc`) and a `$` right after the word
//! ends it (an expansion follows); it returns all offsets, not the first.

/// Which characters continue a word, besides ASCII letters and digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordChars {
    /// Letters and digits only: `-`, `_`, `/`, `.` and blanks separate the
    /// words of step and action names (`slack-notify`, `notify_teams`).
    Alphanumeric,
    /// Letters, digits and `_`: an identifier or a path's part
    /// (`requirements_dev` is not `requirements`).
    Identifier,
    /// Letters, digits and `_ - . /`: a whole shell word such as a command or
    /// a path (`yarnpkg`, `./node_modules/.bin/yarn` and `yarn.lock` are not
    /// `yarn`).
    ShellWord,
}

impl WordChars {
    /// Does `c` continue a word of this kind?
    pub fn continues(self, c: char) -> bool {
        c.is_ascii_alphanumeric()
            || match self {
                WordChars::Alphanumeric => false,
                WordChars::Identifier => c == '_',
                WordChars::ShellWord => matches!(c, '_' | '-' | '.' | '/'),
            }
    }
}

/// The byte offset of the first whole-word occurrence of `word` in `text`.
pub fn find_word(text: &str, word: &str, chars: WordChars) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    // Only a directory's trailing `/` ends a word by itself: `-n`, `g++` and
    // `/usr/bin/foo` still need a boundary (`foo-n`, `g++-12`,
    // `/opt/usr/bin/foo` are other words).
    let open_end = !word.ends_with('/');
    let free = |c: Option<char>| c.is_none_or(|c| !chars.continues(c));
    text.match_indices(word)
        .find(|(at, _)| {
            free(text[..*at].chars().next_back()) && (!open_end || free(text[at + word.len()..].chars().next()))
        })
        .map(|(at, _)| at)
}

/// `text` has `word` as a whole word (see [`find_word`]).
pub fn has_word(text: &str, word: &str, chars: WordChars) -> bool {
    find_word(text, word, chars).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_word() {
        use WordChars::*;
        // Names: `-` and `_` separate words.
        assert!(has_word("notify_teams", "teams", Alphanumeric));
        assert!(has_word("slack-notify", "notify", Alphanumeric));
        assert!(!has_word("msteams", "teams", Alphanumeric));
        assert!(!has_word("teams2", "teams", Alphanumeric));
        // Identifiers: `_` continues one.
        assert!(!has_word("requirements_dev", "requirements", Identifier));
        assert!(has_word("cat requirements.txt", "requirements", Identifier));
        // Shell words: paths and dotted names continue one.
        assert!(has_word("cd x && yarn install", "yarn", ShellWord));
        assert!(!has_word("npx yarnpkg install", "yarn", ShellWord));
        assert!(!has_word("./node_modules/.bin/yarn", "yarn", ShellWord));
        assert!(!has_word("cat yarn.lock", "yarn", ShellWord));
        assert!(!has_word("run-yarn", "yarn", ShellWord));
        assert!(has_word("\"yarn\"", "yarn", ShellWord));
    }

    #[test]
    fn offsets_and_edges() {
        // The first whole occurrence, not the first occurrence.
        assert_eq!(find_word("pytest_x pytest", "pytest", WordChars::Identifier), Some(9));
        assert_eq!(find_word("pytest", "pytest", WordChars::Identifier), Some(0));
        // A trailing `/` is no word character: what follows it is free.
        assert_eq!(find_word("ls dist/app.js", "dist/", WordChars::Identifier), Some(3));
        assert_eq!(find_word("ls mydist/app.js", "dist/", WordChars::Identifier), None);
        assert_eq!(find_word("x", "", WordChars::Identifier), None);
        // Any other edge that is no word character still needs its boundary.
        assert!(!has_word("/opt/usr/bin/foo", "/usr/bin/foo", WordChars::Identifier));
        assert!(has_word("run /usr/bin/foo -x", "/usr/bin/foo", WordChars::Identifier));
        assert!(!has_word("foo-n", "-n", WordChars::Identifier));
        assert!(has_word("head -n 3", "-n", WordChars::Identifier));
        assert!(!has_word("g++-12 -c a.cc", "g++", WordChars::ShellWord));
        assert!(has_word("g++ -c a.cc", "g++", WordChars::ShellWord));
        // Multi-byte text around a match.
        assert_eq!(find_word("é yarn é", "yarn", WordChars::ShellWord), Some(3));
    }
}
