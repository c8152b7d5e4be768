//! A missing file found elsewhere in the repository, when the find is a
//! guess: the plan `autoheal fix --write` writes and heal proposes holds no
//! doubtful (Unsafe) rewrite of it.

use autoheal_engine::Applicability;
use autoheal_engine::repo::MemoryRepo;
use autoheal_fixes::{FailureInput, fixes_for, plan};
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

/// The job decodes its export options from a secret with an action, only on
/// tag pushes; a committed template of the same name is not where the file
/// went. The rewrite onto it is offered as Unsafe (diagnose lists it), and
/// the plan that is applied without a person holds none, saying why.
#[test]
fn the_plan_holds_no_doubtful_rewrite_of_a_missing_file() {
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
    let failures = failures(&log, &workflow);
    let offered = fixes_for(&failures[0], PATH, &workflow, &memory);
    assert!(
        offered
            .fixes
            .iter()
            .any(|f| !f.fallback && f.applicability == Applicability::Unsafe),
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
