//! The shell lexer the fixes read script lines with
//! (`autoheal_logs::shell_lex`): any text gives commands or an error, never
//! a panic; every word and redirection target lies inside the text, and a
//! word with no quote or escape is exactly its source bytes.

use autoheal_logs::shell_lex::lex;

pub const DICTIONARY: &[&str] = &[
    " ",
    "\t",
    "\n",
    "\\\n",
    "\\",
    "'",
    "\"",
    "`",
    "$(",
    "$((",
    "))",
    ")",
    "(",
    "${",
    "}",
    "${{ ",
    " }}",
    "$'",
    "$\"",
    "#",
    ";",
    ";;",
    "&&",
    "||",
    "|",
    "|&",
    "&",
    "<",
    ">",
    ">>",
    "2>&1",
    "&>",
    "<<EOF\n",
    "<<-'EOF'\n",
    "\nEOF\n",
    "<<<",
    "<(",
    ">(",
    "if ",
    "then ",
    "fi",
    "case ",
    " in ",
    "esac",
    "gh api ",
    "-H ",
    "-X POST ",
    "a=(",
    "=",
];

pub fn seeds() -> Vec<Vec<u8>> {
    [
        r#"gh api -H "Accept: application/vnd.github+json" repos/o/r --jq '.[] | .name' 2>&1"#,
        "cd web && npm ci # comment\nnpm test",
        "echo \"v=$(gh api -X POST \"x;y\" | jq .a)\" `date` <(ls) $((1 << 3)) ${A:-b} ${{ github.sha }}",
        "cat <<'EOF' | gh api --input - x\nbody $(\nEOF\nnpm ci\n",
        "if gh api x; then echo ok; fi; case $x in a) b;; esac",
        "echo $'a\\'b' $\"t\" a\\ b \\\n c",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect()
}

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(lexed) = lex(text) else { return };
    for cmd in &lexed.commands {
        for word in cmd.words.iter().chain(cmd.redirects.iter().map(|r| &r.target)) {
            let source = text.get(word.span.clone()).expect("a word's span is inside the text");
            if !word.quoted {
                assert_eq!(source, word.text, "an unquoted word is its source");
            }
            assert!(!word.bare_expansion || word.expands);
        }
    }
}
