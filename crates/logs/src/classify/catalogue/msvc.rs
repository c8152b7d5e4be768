//! Microsoft's linker, `link.exe` (run by MSBuild, CMake's Visual Studio and
//! Ninja generators, or `cl` directly).
//!
//! Source: the linker's messages are in the MSBuild/Visual Studio canonical
//! form `{origin} : [fatal ]error LNK{nnnn}: {text}`, `{origin}` the object,
//! library or output the message is about, or `LINK` (Microsoft's "Linker
//! tools errors and warnings" reference; MSBuild appends ` [{project}]`).
//! `LNK2019`/`LNK2001` (`unresolved external symbol {symbol} referenced in
//! function {function}`) name one missing symbol each; `LNK1120` (`{n}
//! unresolved externals`) is the count the linker prints after them, a
//! summary whose cause is the lines above. Every other code is the linker's
//! own failure (`LNK1181: cannot open input file '{lib}'`, `LNK1104: cannot
//! open file '{file}'`): a library missing from the link or the machine, a
//! person's call.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "msvc/link-error",
    grammar: "{origin} : error LNK{nnnn}: {text} | {origin} : fatal error LNK{nnnn}: {text} (LNK1120, the count of \
              unresolved externals, is a summary)",
    needles: &["error LNK"],
    check: link_error,
    examples: &[
        ex(
            "main.obj : error LNK2019: unresolved external symbol __imp_curl_easy_init referenced in function main",
            Category::Unknown,
            None,
        ),
        ex(
            "LINK : fatal error LNK1181: cannot open input file 'zlib.lib'",
            Category::Unknown,
            None,
        ),
    ],
}];

fn link_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*(\S(?:.*?\S)?) : (?:fatal )?error LNK(\d{4}): (.+)$").captures(line.text)?;
    let (code, text) = (&c[2], c[3].trim());
    if code == "1120" {
        return Some(Hit::summary(
            "The linker counted the unresolved external symbols it listed above (LNK2019/LNK2001): those lines say \
             which.",
        ));
    }
    let text = regex!(r"\s+\[[^\]]+\]$").replace(text, "");
    Some(Hit::blocker(format!(
        "The linker failed (LNK{code}: {}): a library missing from the link or the machine, or a symbol no object \
         defines; a person's call.",
        display_text(&text)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_unresolved_symbol_decides_and_the_count_summarizes() {
        let symbol = link_error(&Line::plain(
            "http.obj : error LNK2019: unresolved external symbol __imp_curl_easy_perform referenced in function \
             main [D:\\a\\fetchr\\fetchr\\build\\fetchr.vcxproj]",
        ))
        .expect("read");
        assert_eq!(
            (symbol.category, symbol.strength),
            (Category::Unknown, Strength::Blocker)
        );
        assert!(!symbol.message.contains("vcxproj"));
        let count = link_error(&Line::plain(
            "D:\\a\\fetchr\\fetchr\\build\\Release\\fetchr.exe : fatal error LNK1120: 3 unresolved externals \
             [D:\\a\\fetchr\\fetchr\\build\\fetchr.vcxproj]",
        ))
        .expect("read");
        assert_eq!(count.strength, Strength::Summary);
        crate::classify::catalogue::assert_reads(
            link_error,
            &["  LINK : fatal error LNK1104: cannot open file 'libcurl.lib'"],
            &[
                "echo error LNK2019",
                "main.obj : warning LNK4098: defaultlib 'LIBCMT' conflicts with use of other libs",
            ],
        );
    }
}
