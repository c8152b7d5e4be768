//! xcodebuild's archive export (`xcodebuild -exportArchive`, which fastlane's
//! gym and other wrappers run too).
//!
//! Sources: xcodebuild prints its own refusals as `error: {message}` (the
//! `xcodebuild: error: …` form of the invocation's checks is
//! `build_tools::xcodebuild_error`). The export step reads the property list
//! `-exportOptionsPlist {path}` names and, when it cannot, stops with
//! `error: Couldn't load -exportOptionsPlist: {reason}` (older Xcode without
//! the colon), `{reason}` being Foundation's description of the error:
//! `The file “{name}” couldn’t be opened because there is no such file.`
//! (NSFileReadNoSuchFileError, code 260, `NSFilePath` the absolute path),
//! only the file's last component in curly quotes (straight ones where a log
//! was retyped), then `** EXPORT FAILED **`. Which path it was is on the
//! step's command line, when the step names it: a wrapper (fastlane's gym,
//! Tauri's iOS export) writes a property list of its own to a temporary
//! path (`gym_config….plist`, `.tmpXXXXXX`), which no fix of the workflow
//! reaches; a command line that names two files of that name leaves which
//! one unknown. A reason other than a missing file (a key of the wrong type:
//! `Failed to decode "provisioningProfiles"`) is the file's content, for a
//! person.
//!
//! The export's signing refusals are `error: exportArchive: {message}`
//! (`Provisioning profile "{name}" doesn't include signing certificate
//! "{identity}".`, `No signing certificate "{kind}" found`, `No profiles
//! for '{bundle id}' were found`; Xcode 15 and later also print `error:
//! exportArchive {message}` without the colon), followed by the NSError
//! (`Error Domain=IDEProvisioningErrorDomain …`) and `** EXPORT FAILED **`:
//! the first line is the reason; signing assets are a person's.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "xcodebuild/export-options-plist-missing",
        grammar: "error: Couldn't load -exportOptionsPlist[:] The file “{name}” couldn’t be opened because there is \
                  no such file.",
        needles: &["Couldn't load -exportOptionsPlist", "Couldn’t load -exportOptionsPlist"],
        check: export_options_plist,
        examples: &[ex(
            "error: Couldn't load -exportOptionsPlist: The file “options.plist” couldn’t be opened because there is no \
             such file.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "xcodebuild/export-archive-error",
        grammar: "error: exportArchive[:] {message}",
        needles: &["error: exportArchive"],
        check: export_archive_error,
        examples: &[ex(
            "error: exportArchive: No signing certificate \"iOS Distribution\" found",
            Category::Unknown,
            None,
        )],
    },
];

/// The `-exportOptionsPlist` arguments of the step's script, unquoted.
fn plist_arguments(script: &str) -> impl Iterator<Item = &str> {
    regex!(r#"-exportOptionsPlist[ \t]+(?:"([^"\n]+)"|'([^'\n]+)'|([^\s"';|&]+))"#)
        .captures_iter(script)
        .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)).map(|m| m.as_str()))
}

fn last_component(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn export_options_plist(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let at = text.find("load -exportOptionsPlist")?;
    let reason = text[at + "load -exportOptionsPlist".len()..]
        .trim_start_matches(':')
        .trim();
    let c = regex!(r#"^The file [“"]([^”"]+)[”"] couldn[’']t be opened because there is no such file\.?$"#)
        .captures(reason);
    let Some(c) = c else {
        return Some(Hit::blocker(format!(
            "xcodebuild could not read the export options property list: {} (its content, for a person).",
            display_text(reason)
        )));
    };
    let name = &c[1];
    let named: Vec<&str> = plist_arguments(line.script)
        .filter(|arg| last_component(arg) == name)
        .collect();
    match named.as_slice() {
        [path] => Some(path_hit(
            path,
            0.8,
            "xcodebuild -exportArchive was given an export options property list (`-exportOptionsPlist`) that does \
             not exist.",
        )),
        [_, _, ..] => Some(Hit::blocker(format!(
            "xcodebuild -exportArchive found no export options property list '{}'; the step's command line names \
             a file of that name {} times, so which path it read is unknown.",
            display_text(name),
            named.len()
        ))),
        [] => Some(Hit::blocker(format!(
            "xcodebuild -exportArchive found no export options property list '{}', which the step's command line \
             does not name (a wrapper such as fastlane's gym or Tauri writes one to a temporary path): not a path of \
             the workflow.",
            display_text(name)
        ))),
    }
}

fn export_archive_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|\s)error: exportArchive:? (.+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "xcodebuild could not export the archive: {} (code signing: a profile, certificate or export option for a \
         person).",
        display_text(c[1].trim())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(script: &str, text: &str) -> Hit {
        export_options_plist(&Line {
            script,
            ..Line::plain(text)
        })
        .expect(text)
    }

    const MISSING: &str = "error: Couldn't load -exportOptionsPlist: The file “ExportOptions.plist” couldn’t be opened \
                           because there is no such file.";

    #[test]
    fn the_plist_the_step_names_is_the_missing_file() {
        let hit = read(
            "xcodebuild -exportArchive -archivePath \"$RUNNER_TEMP/App.xcarchive\" -exportOptionsPlist \
             ios/ExportOptions.plist -exportPath out\n",
            MISSING,
        );
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("ios/ExportOptions.plist"), true)
        );
        // Quoted, without the colon (older Xcode), straight quotes.
        let hit = read(
            "xcodebuild -exportArchive -exportOptionsPlist 'ci/Export Options/ExportOptions.plist'\n",
            "error: Couldn't load -exportOptionsPlist The file \"ExportOptions.plist\" couldn't be opened because \
             there is no such file.",
        );
        assert_eq!(hit.subject.as_deref(), Some("ci/Export Options/ExportOptions.plist"));
    }

    /// Foundation's `NSFilePath` is absolute, and so may be the step's
    /// argument (`${{ github.workspace }}` is expanded in the echoed script):
    /// inside the checkout it is the repository's path, relative to it.
    #[test]
    fn an_absolute_plist_path_in_the_checkout_is_read_relative_to_it() {
        let hit = read(
            "xcodebuild -exportArchive -archivePath build/App.xcarchive -exportOptionsPlist \
             /Users/runner/work/app/app/ios/ExportOptions.plist -exportPath out\n",
            MISSING,
        );
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("ios/ExportOptions.plist"), true)
        );
        // A self-hosted Mac's checkout too.
        let hit = read(
            "xcodebuild -exportArchive -exportOptionsPlist /Users/ci/actions-runner/_work/app/app/ExportOptions.plist\n",
            MISSING,
        );
        assert_eq!(hit.subject.as_deref(), Some("ExportOptions.plist"));
    }

    #[test]
    fn a_plist_outside_the_workspace_or_not_on_the_command_line_is_not_fixed() {
        // Written by an earlier step into the runner's temporary directory.
        let hit = read(
            "xcodebuild -exportArchive -exportOptionsPlist \"$RUNNER_TEMP/ExportOptions.plist\"\n",
            MISSING,
        );
        assert_eq!((hit.category, hit.fixable), (Category::FileNotFound, false));
        // A wrapper's temporary file (Tauri's iOS export, gym's config).
        for (script, text) in [
            (
                "npx tauri ios build --export-method app-store-connect\n",
                "error: Couldn't load -exportOptionsPlist: The file “.tmpAbC123” couldn’t be opened because there is \
                 no such file.",
            ),
            ("bundle exec fastlane ios release\n", MISSING),
            // Two arguments of that name: which one is unknown.
            (
                "xcodebuild -exportOptionsPlist a/ExportOptions.plist\nxcodebuild -exportOptionsPlist \
                 b/ExportOptions.plist\n",
                MISSING,
            ),
        ] {
            let hit = read(script, text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{script}");
            // Named twice is ambiguous, not unnamed.
            let twice = script.matches("-exportOptionsPlist").count() == 2;
            assert_eq!(hit.message.contains("does not name"), !twice, "{}", hit.message);
            assert_eq!(hit.message.contains("2 times"), twice, "{}", hit.message);
        }
        // Not a missing file: the content.
        let hit = read(
            "xcodebuild -exportOptionsPlist ExportOptions.plist\n",
            "error: Couldn't load -exportOptionsPlist Failed to decode \"provisioningProfiles\". Expected to decode \
             Dictionary<String, Any> but found an array instead.",
        );
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }

    #[test]
    fn export_refusals_are_signing_blockers() {
        crate::classify::catalogue::assert_reads(
            export_archive_error,
            &[
                "error: exportArchive: Provisioning profile \"match AppStore io.x\" doesn't include signing \
                 certificate \"Apple Distribution: X (3JX8P2N6QD)\".",
                "[04:09:47]: ▸ error: exportArchive No signing certificate \"iOS Distribution\" found",
            ],
            &["note: exportArchive succeeded", "Exported Tides to: /tmp/out"],
        );
    }
}
