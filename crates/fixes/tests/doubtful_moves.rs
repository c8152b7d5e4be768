//! A missing file found elsewhere in the repository, when the find is a
//! guess: the plan `autoheal fix --write` writes and heal proposes holds no
//! doubtful (display-only) rewrite of it, and a path named after the script's own
//! `cd` is not rewritten as if from the root.

use autoheal_engine::Applicability;
use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::MemoryRepo;
use autoheal_fixes::{FailureInput, Files, fixes_for, plan};
use autoheal_logs::{Category, LogFile, LogInput, Options, WorkflowFile, analyze};

const PATH: &str = ".github/workflows/ci.yml";

const EXPORT_LOG: &str = "b114-xcodebuild-export-options-plist-moved-macos14.log";
const EXPORT_CMD: &str = "xcodebuild -exportArchive -archivePath \"$RUNNER_TEMP/Tides.xcarchive\" -exportOptionsPlist \
                          ios/ExportOptions.plist -exportPath \"$RUNNER_TEMP/export\"";
const PROJECT: (&str, &str) = ("ios/Tides.xcodeproj/project.pbxproj", "// !$*UTF8*$!\n");

fn export_log() -> String {
    let path = format!(
        "{}/../logs/tests/fixtures/variants/{EXPORT_LOG}",
        env!("CARGO_MANIFEST_DIR")
    );
    let log = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(log.contains(EXPORT_CMD), "fixture changed");
    log
}

fn export_workflow(export_step: &str) -> String {
    format!(
        "name: ios-release\non:\n  push:\n    tags: [\"v*\"]\njobs:\n  archive:\n    runs-on: macos-14\n    steps:\n      - \
         uses: actions/checkout@v4\n      - run: xcodebuild archive -project ios/Tides.xcodeproj -scheme Tides \
         -configuration Release -destination 'generic/platform=iOS' -archivePath \"$RUNNER_TEMP/Tides.xcarchive\" | \
         xcbeautify\n{export_step}"
    )
}

fn failures(log: &str, workflow: &str) -> Vec<FailureInput> {
    let input = LogInput {
        logs: vec![LogFile {
            job: Some("archive"),
            bytes: log.as_bytes(),
        }],
        workflow: Some(WorkflowFile {
            path: PATH,
            text: workflow,
        }),
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).expect("analyze");
    assert_eq!(
        analysis.root_cause().map(|f| f.category),
        Some(Category::FileNotFound),
        "{:?}",
        analysis.root_cause().map(|f| &f.message)
    );
    analysis.failures.iter().map(FailureInput::from).collect()
}

fn repo(files: &[(&str, &str)], workflow: &str) -> MemoryRepo {
    MemoryRepo::new(
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .chain([(PATH.to_string(), workflow.to_string())]),
    )
}

/// Each fix offered for the root cause (never a fallback): its title and
/// the workflow it leaves.
fn offered(log: &str, workflow: &str, repo: &MemoryRepo) -> Vec<(String, String)> {
    let root = failures(log, workflow).remove(0);
    fixes_for(&root, PATH, workflow, repo)
        .fixes
        .iter()
        .filter(|f| !f.fallback)
        .map(|fix| {
            let files: Files = [(PATH.to_string(), workflow.to_string())].into();
            let changed = apply_fixes(&files, [fix]).expect("a verified fix applies");
            (
                format!("{:?} {}", fix.applicability, fix.title),
                changed.get(PATH).cloned().unwrap_or_else(|| workflow.to_string()),
            )
        })
        .collect()
}

/// The only file of the name is a committed template
/// (`ios/templates/ExportOptions.plist`, placeholders for the team id): it
/// may not be where the file went. The rewrite onto it is offered as display-only
/// (diagnose lists it), and the plan that is applied without a person holds
/// none, saying why.
#[test]
fn the_plan_holds_no_doubtful_rewrite_of_a_missing_file() {
    let log = export_log();
    let workflow = export_workflow(&format!("      - run: {EXPORT_CMD}\n"));
    let memory = repo(
        &[
            PROJECT,
            ("ios/templates/ExportOptions.plist", "<plist>$(TEAM_ID)</plist>\n"),
        ],
        &workflow,
    );
    let failures = failures(&log, &workflow);
    let offered = fixes_for(&failures[0], PATH, &workflow, &memory);
    assert!(
        offered
            .fixes
            .iter()
            .any(|f| !f.fallback && f.applicability == Applicability::DisplayOnly),
        "the doubtful rewrite is still offered for a person: {:?}",
        offered.fixes.iter().map(|f| &f.title).collect::<Vec<_>>()
    );
    let plan = plan(&failures, PATH, &workflow, &memory);
    let taken: Vec<&str> = plan.fixes.iter().map(|f| f.title.as_str()).collect();
    assert!(taken.is_empty(), "the plan applies {taken:?}");
    assert!(
        plan.files
            .values()
            .all(|t| !t.contains("ios/templates/ExportOptions.plist")),
        "{:?}",
        plan.files
    );
    assert!(
        plan.skipped
            .iter()
            .any(|(i, why)| *i == 0 && why.contains("doubtful") && why.contains("autoheal diagnose")),
        "{:?}",
        plan.skipped
    );
}

/// The export run from `ios/` by the script's own `cd` (the commonest shape
/// in React Native and Flutter workflows), the file moved to `ios/signing/`:
/// `ios/signing/ExportOptions.plist` written after `cd ios` is
/// `ios/ios/signing/…`. No rewrite, and the reason names the `cd`.
#[test]
fn a_path_named_after_the_scripts_cd_is_not_rewritten_as_if_from_the_root() {
    let files = [PROJECT, ("ios/signing/ExportOptions.plist", "<plist/>\n")];
    for cd in ["cd ios && ", "pushd ios >/dev/null; "] {
        let cmd = format!(
            "{cd}{}",
            EXPORT_CMD.replace("ios/ExportOptions.plist", "ExportOptions.plist")
        );
        let log = export_log().replace(EXPORT_CMD, &cmd);
        let workflow = export_workflow(&format!("      - run: {cmd}\n"));
        let memory = repo(&files, &workflow);
        for (title, text) in offered(&log, &workflow, &memory) {
            assert!(
                !text.contains("signing/ExportOptions.plist"),
                "{title}: a path from the root written into a step that runs in ios/:\n{text}"
            );
        }
        let root = failures(&log, &workflow).remove(0);
        let outcome = fixes_for(&root, PATH, &workflow, &memory);
        let why = outcome.manual_reason.unwrap_or_default();
        let command = cd.split_whitespace().next().unwrap_or_default();
        assert!(why.contains(&format!("runs `{command}`")), "{cmd}: {why}");
    }
}

/// A script that returns to the checkout's root (`cd "$GITHUB_WORKSPACE"`,
/// `${{ github.workspace }}`) before it names the path names it from the
/// root: rewritten as from the root. The same words with a subdirectory
/// (`cd "$GITHUB_WORKSPACE/ios"`), a later `cd ios`, a step with a
/// `working-directory:` (the rewrite would be computed from it), or the `cd`
/// inside an `if` (it may not run) are still refused.
#[test]
fn a_path_named_after_cd_to_the_workspace_is_rewritten_from_the_root() {
    let files = [PROJECT, ("ios/signing/ExportOptions.plist", "<plist/>\n")];
    let run = |before: &str, step_keys: &str| {
        let cmd = format!("{before}{EXPORT_CMD}");
        let log = export_log().replace(EXPORT_CMD, &cmd);
        let workflow = export_workflow(&format!("      - {step_keys}run: {cmd}\n"));
        let memory = repo(&files, &workflow);
        let root = failures(&log, &workflow).remove(0);
        let outcome = fixes_for(&root, PATH, &workflow, &memory);
        let rewritten = offered(&log, &workflow, &memory)
            .iter()
            .any(|(_, text)| text.contains("-exportOptionsPlist ios/signing/ExportOptions.plist"));
        (rewritten, outcome.manual_reason.unwrap_or_default())
    };
    for back in [
        "cd ios && pod install && cd \"$GITHUB_WORKSPACE\" && ",
        "cd ios && pod install && cd $GITHUB_WORKSPACE/ && ",
        "cd ios && pod install && cd \"${GITHUB_WORKSPACE}\" && ",
        "cd ios && pod install && cd \"${{ github.workspace }}\" && ",
    ] {
        let (rewritten, why) = run(back, "");
        assert!(rewritten, "{back}: {why}");
    }
    for still_elsewhere in [
        "cd \"$GITHUB_WORKSPACE/ios\" && ",
        "cd \"$GITHUB_WORKSPACE\" && cd ios && ",
        "if [ -d ios ]; then cd ios; fi; cd \"$GITHUB_WORKSPACE\" && ",
    ] {
        let (rewritten, why) = run(still_elsewhere, "");
        assert!(!rewritten && why.contains("runs `cd`"), "{still_elsewhere}: {why}");
    }
    let (rewritten, why) = run("cd \"$GITHUB_WORKSPACE\" && ", "working-directory: ios\n        ");
    assert!(!rewritten && !why.is_empty(), "{why}");
}

/// review93 H: `cd "$GITHUB_WORKSPACE"` returns to the workspace, which is
/// the repository's root only when the checkout has no `path:`; under
/// `path: app` the path named after it is not rewritten from the root, and
/// the reason names the checkout.
#[test]
fn a_cd_to_the_workspace_is_not_the_root_when_the_checkout_has_a_path() {
    let files = [PROJECT, ("ios/signing/ExportOptions.plist", "<plist/>\n")];
    let cmd = format!("cd ios && pod install && cd \"$GITHUB_WORKSPACE\" && {EXPORT_CMD}");
    let log = export_log().replace(EXPORT_CMD, &cmd);
    let workflow = export_workflow(&format!("      - run: {cmd}\n")).replace(
        "uses: actions/checkout@v4\n",
        "uses: actions/checkout@v4\n        with:\n          path: app\n",
    );
    assert!(workflow.contains("path: app"), "fixture changed");
    let memory = repo(&files, &workflow);
    let root = failures(&log, &workflow).remove(0);
    let why = fixes_for(&root, PATH, &workflow, &memory)
        .manual_reason
        .unwrap_or_default();
    // The checkout's `path:` is read (fix125): the path after the `cd` is
    // outside `app`, so not the repository's file.
    assert!(why.contains("outside `app`"), "{why}");
    let fixes = offered(&log, &workflow, &memory);
    assert!(
        !fixes
            .iter()
            .any(|(_, text)| text.contains("ios/signing/ExportOptions.plist")),
        "{:?}",
        fixes.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
}

/// A `cd` after the name does not change where the name points: the move is
/// still found (as from the root).
#[test]
fn a_cd_after_the_name_leaves_the_rewrite() {
    let files = [PROJECT, ("ios/signing/ExportOptions.plist", "<plist/>\n")];
    let cmd = format!("{EXPORT_CMD} && cd ios");
    let log = export_log().replace(EXPORT_CMD, &cmd);
    let workflow = export_workflow(&format!("      - run: {cmd}\n"));
    let memory = repo(&files, &workflow);
    let fixes = offered(&log, &workflow, &memory);
    assert!(
        fixes
            .iter()
            .any(|(_, text)| text.contains("-exportOptionsPlist ios/signing/ExportOptions.plist")),
        "{:?}",
        fixes.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
}

/// The job decodes its export options with an action given the directory
/// and the file name apart (`fileDir: ./ios`, `fileName: ExportOptions.plist`):
/// the file is that step's output, so no fix, Safe or Unsafe, moves the
/// step onto a committed template of the same name; the reason names it.
#[test]
fn a_file_an_action_writes_by_directory_and_name_is_not_moved_onto_a_template() {
    let log = export_log();
    let workflow = export_workflow(&format!(
        "      - name: Decode export options\n        if: startsWith(github.ref, 'refs/tags/')\n        uses: \
         timheuer/base64-to-file@v1\n        with:\n          fileName: ExportOptions.plist\n          fileDir: ./ios\n          \
         encodedString: ${{{{ secrets.EXPORT_OPTIONS_PLIST }}}}\n      - run: {EXPORT_CMD}\n"
    ));
    let memory = repo(
        &[
            PROJECT,
            ("ios/templates/ExportOptions.plist", "<plist>$(TEAM_ID)</plist>\n"),
        ],
        &workflow,
    );
    for (title, text) in offered(&log, &workflow, &memory) {
        assert!(!text.contains("ios/templates/"), "{title}:\n{text}");
    }
    let root = failures(&log, &workflow).remove(0);
    let why = fixes_for(&root, PATH, &workflow, &memory)
        .manual_reason
        .unwrap_or_default();
    assert!(why.contains("Decode export options"), "{why}");
}
