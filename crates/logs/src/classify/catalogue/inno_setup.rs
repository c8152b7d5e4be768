//! Inno Setup's command-line compiler, `ISCC.exe`.
//!
//! Source: ISCC's `CompilerCallbackProc` (`Projects/ISCC.dpr`) prints a
//! compile error as `Error[ on line {n}][ in {file}]: {message}` and, when the
//! compile failed, `Compile aborted.` (exit code 2). The messages are the
//! compiler's (`Compiler.Messages.pas`), among them `Source file "{path}" does
//! not exist` and `No files found matching "{pattern}"` for a `[Files]`
//! entry's `Source` (`on line {n}` is left out when no line applies), and the
//! preprocessor's, which ISPP prefixes with
//! `[ISPP] ` (`Undeclared identifier: "{name}".`: a `#define` the script reads
//! that neither the script nor the command line's `/D{name}=…` set). A
//! `[Code]` compile error is `Error on line {n} in {file}: Column {c}:` with
//! its text on the next line.
//!
//! A `[Files]` source that does not exist is a missing file the script names,
//! usually a build output the installer packs: `file_not_found`, never
//! fixable (no workflow edit reaches the script). Every other error is the
//! script's own, for a person.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "inno_setup/compile-error",
        grammar: "Error[ on line {n}] in {file}.iss: {message} (`Source file \"{path}\" does not exist`, `No files found \
                  matching \"{pattern}\"`, `[ISPP] {message}`, `Column {c}:` with the `[Code]` error on the next line)",
        needles: &["Error on line ", "Error in "],
        check: compile_error,
        examples: &[
            ex(
                "Error on line 7 in D:\\a\\pixie\\pixie\\installer\\pixie.iss: [ISPP] Undeclared identifier: \
                 \"AppVersion\".",
                Category::Unknown,
                None,
            ),
            ex(
                "Error on line 31 in D:\\a\\pixie\\pixie\\installer\\pixie.iss: Source file \
                 \"D:\\a\\pixie\\pixie\\dist\\pixie.exe\" does not exist",
                Category::FileNotFound,
                Some("dist/pixie.exe"),
            ),
        ],
    },
    Entry {
        id: "inno_setup/compile-aborted",
        grammar: "Compile aborted. (after the error that stopped the compile)",
        needles: &["Compile aborted."],
        check: compile_aborted,
        examples: &[ex("Compile aborted.", Category::Unknown, None)],
    },
];

fn compile_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*Error(?: on line (\d+))? in (.+?\.iss): (.+)$").captures(line.text)?;
    let (line_no, file, message) = (c.get(1).map(|m| m.as_str()), &c[2], c[3].trim());
    let script = file.rsplit(['\\', '/']).next().unwrap_or(file);
    // `on line {n} of {script}`, or `in {script}` where ISCC gave no line.
    let at = line_no.map_or_else(|| format!("in {script}"), |n| format!("on line {n} of {script}"));
    if let Some(m) =
        regex!(r#"^(?:Source file "([^"]+)" does not exist|No files found matching "([^"]+)")"#).captures(message)
    {
        let path = m.get(1).or_else(|| m.get(2))?.as_str();
        let hit = path_hit(
            path,
            0.7,
            "Inno Setup did not find a `[Files]` source its script names: a build output not written where the script \
             expects it, or a path that moved. The path is in the script, which no edit of the workflow reaches; a \
             person's call.",
        );
        return Some(hit.fixable(false));
    }
    let what = if let Some(rest) = message.strip_prefix("[ISPP] ") {
        format!(
            "Inno Setup's preprocessor stopped {at}: {} (a `#define` the script reads that \
             neither it nor the command line's `/D` sets, or a preprocessor expression).",
            display_text(rest)
        )
    } else if regex!(r"^Column \d+:$").is_match(message) {
        format!(
            "Inno Setup could not compile the `[Code]` section of {script} ({}the error is on the next line).",
            line_no.map(|n| format!("line {n}; ")).unwrap_or_default()
        )
    } else {
        format!("Inno Setup's compiler stopped {at}: {}", display_text(message))
    };
    Some(Hit::blocker(format!("{what} A person's call.")))
}

/// ISCC's last word after an error: the error above says why. Weak, so
/// the error line (read here, or found by the step's fallback) is the cause.
fn compile_aborted(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\s*Compile aborted\.(?: Please correct the problem and try again\.)?\s*$")
        .is_match(line.text)
        .then(|| Hit::summary("Inno Setup's compile stopped; the `Error on line …` above says why.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_error_line_decides_and_the_abort_summarizes() {
        let ispp = compile_error(&Line::plain(
            "Error on line 7 in D:\\a\\pixie\\pixie\\installer\\pixie.iss: [ISPP] Undeclared identifier: \"AppVersion\".",
        ))
        .expect("read");
        assert_eq!((ispp.category, ispp.strength), (Category::Unknown, Strength::Blocker));
        assert!(ispp.message.contains("line 7 of pixie.iss"));
        let code = compile_error(&Line::plain(
            "Error on line 858 in C:\\build\\installer\\install.iss: Column 33:",
        ))
        .expect("read");
        assert!(code.message.contains("`[Code]`"));
        let aborted = compile_aborted(&Line::plain("Compile aborted.")).expect("read");
        assert_eq!(aborted.strength, Strength::Weak);
        let no_line = compile_error(&Line::plain(
            "Error in D:\\a\\pixie\\pixie\\installer\\pixie.iss: Required [Setup] section directive \"AppName\" not specified",
        ))
        .expect("read");
        assert!(no_line.message.contains("pixie.iss"));
        // ISCC gave no line: none is made up.
        assert!(!no_line.message.contains("line ?"), "{}", no_line.message);
        assert!(compile_aborted(&Line::plain("echo Compile aborted. or not")).is_none());
    }

    #[test]
    fn a_missing_files_source_is_named_and_never_fixable() {
        let glob = compile_error(&Line::plain(
            "Error on line 24 in D:\\a\\pixie\\pixie\\installer\\pixie.iss: No files found matching \
             \"D:\\a\\pixie\\pixie\\dist\\pixie\\*\"",
        ))
        .expect("read");
        assert_eq!(glob.category, Category::FileNotFound);
        assert!(!glob.fixable);
        // Another tool's `Error on line` without an .iss script is not ISCC's.
        assert!(compile_error(&Line::plain("Error on line 3 in config.yaml: bad indent")).is_none());
    }
}
