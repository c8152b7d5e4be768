//! The WiX Toolset: v3's `candle.exe`/`light.exe` (and its other tools) and
//! v4 and later's `wix build`, run directly or by MSBuild (a `.wixproj`).
//!
//! Source: WiX's messages are in the MSBuild/Visual Studio canonical form,
//! `{source}({line}): error {PREFIX}{nnnn}: {text}` (`{tool}.exe : error …`
//! when no source line applies; v3 sometimes prints a space before the colon,
//! `error LGHT0103 : …`; MSBuild appends ` [{project}]`). v3's prefixes name
//! the tool (`CNDL` candle, `LGHT` light, `LIT`, `HEAT`, `PYRO`, `TRCH`,
//! `SMOK`, `DARK`, `INSG`); v4 and later use `WIX` for all. The file the
//! source names that WiX could not find is error 103 in both: v3's `The system
//! cannot find the file '{path}'[ with type '{type}'].` and v4's `Cannot find
//! the {type} file '{path}'. The following paths were checked: {paths}` (the
//! path as the source's `Source` attribute gives it, relative to WiX's base
//! and bind paths). That is a missing file, named in the WiX source, most
//! often a build output the installer packs (a publish directory, a
//! configuration or platform folder): never a path a workflow edit reaches,
//! so never fixable. Every other error (`CNDL0150: Undefined preprocessor
//! variable '{var}'.`, ICE validation) is the toolset's refusal, for a person.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "wix/file-not-found",
        grammar: "{source}({line}): error WIX0103: Cannot find the {type} file '{path}'. The following paths were \
                  checked: {paths} (v4 and later) | {source}({line}): error LGHT0103: The system cannot find the file \
                  '{path}'[ with type '{type}']. (v3)",
        needles: &["WIX0103", "LGHT0103"],
        check: file_not_found,
        examples: &[
            ex(
                "D:\\a\\tally\\tally\\installer\\Package.wxs(21): error WIX0103: Cannot find the File file \
                 'publish\\Tally.exe'. The following paths were checked: publish\\Tally.exe",
                Category::FileNotFound,
                Some("publish/Tally.exe"),
            ),
            ex(
                "D:\\a\\r\\r\\Setup\\Product.wxs(354): error LGHT0103: The system cannot find the file \
                 'bin\\Release\\Ripple.exe'. [D:\\a\\r\\r\\Setup\\Setup.wixproj]",
                Category::FileNotFound,
                Some("bin/Release/Ripple.exe"),
            ),
        ],
    },
    Entry {
        id: "wix/error",
        grammar: "{source}({line}): error {CNDL|LGHT|LIT|HEAT|PYRO|TRCH|SMOK|DARK|INSG|WIX}{nnnn}: {text}",
        needles: &[
            "error CNDL",
            "error LGHT",
            "error LIT",
            "error HEAT",
            "error PYRO",
            "error TRCH",
            "error SMOK",
            "error DARK",
            "error INSG",
            "error WIX",
        ],
        check: wix_error,
        examples: &[ex(
            "D:\\a\\n\\n\\installer\\Product.wxs(31): error CNDL0150: Undefined preprocessor variable \
             '$(var.Notely.TargetPath)'. [D:\\a\\n\\n\\installer\\Setup.wixproj]",
            Category::Unknown,
            None,
        )],
    },
];

/// `error {PREFIX}{nnnn}:` (also `error {PREFIX}{nnnn} :`) and the text.
fn wix_code(text: &str) -> Option<(&str, &str)> {
    let c = regex!(r"\berror ((?:CNDL|LGHT|LIT|HEAT|PYRO|TRCH|SMOK|DARK|INSG|WIX)\d{4}) ?: (.+)$").captures(text)?;
    let (code, rest) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    Some((code, rest))
}

fn file_not_found(line: &Line<'_>) -> Option<Hit> {
    let (code, text) = wix_code(line.text)?;
    if !code.ends_with("0103") {
        return None;
    }
    let c = regex!(r"^(?:Cannot find the \S+ file|The system cannot find the file) '([^']+)'").captures(text)?;
    let path = &c[1];
    let hit = path_hit(
        path,
        0.7,
        "WiX did not find a file its source names (a `File` or `Payload` `Source`): a build output not written where \
         the source expects it (a publish directory, a configuration or platform folder) or a path that moved. The \
         path is in the WiX source, which no edit of the workflow reaches; a person's call.",
    );
    Some(hit.fixable(false))
}

fn wix_error(line: &Line<'_>) -> Option<Hit> {
    let (code, text) = wix_code(line.text)?;
    let text = regex!(r"\s+\[[^\]]+\]$").replace(text, "");
    Some(Hit::blocker(format!(
        "The WiX Toolset refused to build the installer ({code}: {}); a person's call.",
        display_text(&text)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_missing_source_file_is_named_and_never_fixable() {
        let v4 = file_not_found(&Line::plain(
            "D:\\a\\tally\\tally\\installer\\Package.wxs(21): error WIX0103: Cannot find the File file \
             'publish\\Tally.exe'. The following paths were checked: publish\\Tally.exe",
        ))
        .expect("read");
        assert_eq!(
            (v4.category, v4.subject.as_deref(), v4.fixable),
            (Category::FileNotFound, Some("publish/Tally.exe"), false)
        );
        // v3 with the space before the colon and light.exe as the origin.
        let v3 = file_not_found(&Line::plain(
            "light.exe : error LGHT0103 : The system cannot find the file 'dist\\win-unpacked\\app.dll' with type ''.",
        ))
        .expect("read");
        assert_eq!(
            (v3.category, v3.subject.as_deref(), v3.fixable),
            (Category::FileNotFound, Some("dist/win-unpacked/app.dll"), false)
        );
        // An absolute path outside the workspace is shown, never a subject a
        // fix could use.
        let outside = file_not_found(&Line::plain(
            "D:\\a\\f\\f\\Setup\\Product.wxs(70,0): error LGHT0103: The system cannot find the file \
             'C:\\WINDOWS\\System32\\vcruntime140_1.dll'.",
        ))
        .expect("read");
        assert!(!outside.fixable);
        // Another WiX error is not a missing file.
        assert!(
            file_not_found(&Line::plain(
                "Product.wxs(3): error CNDL0150: Undefined preprocessor variable '$(var.A.TargetPath)'."
            ))
            .is_none()
        );
    }

    #[test]
    fn any_other_wix_error_is_a_blocker_without_the_project_suffix() {
        let hit = wix_error(&Line::plain(
            "D:\\a\\n\\n\\installer\\Product.wxs(31): error CNDL0150: Undefined preprocessor variable \
             '$(var.Notely.TargetPath)'. [D:\\a\\n\\n\\installer\\Setup.wixproj]",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        assert!(hit.message.contains("CNDL0150") && !hit.message.contains("wixproj"));
        crate::classify::catalogue::assert_reads(
            wix_error,
            &["light.exe : error LGHT0217 : Error executing ICE action 'ICE01'."],
            &[
                "Product.wxs(12): warning WIX1102: The Component/@Guid attribute's value is not needed.",
                "error WIXSHARP: something",
            ],
        );
    }
}
