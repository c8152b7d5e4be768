//! Property tests: the readers and the classifier never panic, whatever the
//! bytes, and line numbering agrees between the slice and reader paths.

use autoheal_logs::classify::catalogue::Catalogue;
use autoheal_logs::classify::hit::Line;
use autoheal_logs::line::LineKind;
use autoheal_logs::subject::{is_command, is_distribution, workspace_pattern};
use autoheal_logs::{
    Analyzer, LogFile, LogInput, Options, RateLimitService, SubjectDetail, WorkflowFile, ZipLimits, read_log_set,
};
use proptest::prelude::*;

/// Lines stitched from the catalogue's own needles and fixtures with hostile
/// and path-like fragments, so every entry's extraction code is exercised.
fn catalogue_line() -> impl Strategy<Value = String> {
    let catalogue = Catalogue::get();
    let mut pieces: Vec<String> = catalogue.needles().map(str::to_string).collect();
    pieces.extend(
        catalogue
            .entries
            .iter()
            .flat_map(|e| e.examples.iter().map(|x| x.line.to_string())),
    );
    pieces.extend(
        [
            "'",
            "\"",
            "‘",
            "’",
            "`",
            ": ",
            "/home/runner/work/r/r/",
            "../",
            "$(id)",
            " ",
            "(",
            ")",
            "\\",
            "é",
            "::",
            ".py:",
            "File \"",
            "#L",
            "https://",
            "429",
            "\r",
            ";",
            "*",
            "<",
            ">",
        ]
        .map(str::to_string),
    );
    let piece = prop::sample::select(pieces);
    prop::collection::vec(prop_oneof![piece, "[ -~]{0,6}"], 0..8).prop_map(|v| v.concat())
}

const WORKFLOW: &str = "on: push\njobs:\n  t:\n    steps:\n      - run: |\n          a\n          b\n";

/// Bytes biased toward log syntax, so the interesting paths are reached.
fn log_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "2024-01-01T00:00:00.1234567Z ",
        "##[group]Run ",
        "##[endgroup]",
        "##[error]",
        "::error file=a.py,line=3::",
        "%0A",
        "%25",
        "Error: ",
        "No module named '",
        "'",
        ": command not found",
        ": not found",
        "/home/runner/work/_temp/x.sh: line 2: ",
        "No files were found with the provided path: ",
        "Invalid workflow file: .github/workflows/ci.yml#L",
        "(Line: 3, Col: 1): ",
        "exceeded the maximum execution time of ",
        "The operation was canceled.",
        "toomanyrequests",
        "exec format error",
        "Process completed with exit code 1.",
        "\n",
        "\r\n",
        "  ",
        "Run ",
        "PK\u{3}\u{4}",
        "build (ubuntu-latest)\tRun tests\t",
        "lint\tSet up job\t",
        "\t",
        "[{\"message\":\"",
    ]);
    let chunk = prop_oneof![
        pieces.prop_map(|s| s.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(chunk, 0..40).prop_map(|chunks| chunks.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn analysis_never_panics(bytes in log_bytes()) {
        let analyzer = Analyzer::new(&Options::default()).expect("analyzer");
        let input = LogInput {
            logs: vec![LogFile { job: Some("t"), bytes: &bytes }],
            workflow: Some(WorkflowFile { path: ".github/workflows/ci.yml", text: WORKFLOW }),
            ..LogInput::default()
        };
        if let Ok(analysis) = analyzer.analyze(&input) {
            for f in &analysis.failures {
                prop_assert!((0.0..=1.0).contains(&f.confidence));
                if let Some(s) = &f.subject {
                    prop_assert!(!s.contains('\n'));
                }
            }
        }
        let _ = analyzer.analyze_reader(&bytes[..], None);
    }

    /// Whatever a line says, an entry never panics, and a hit marked fixable
    /// carries a subject that passes the strict grammar for its kind.
    #[test]
    fn fixable_hits_have_valid_subjects(
        text in catalogue_line(),
        recent in prop::collection::vec(catalogue_line(), 0..3),
        script in catalogue_line(),
        own in prop::collection::vec("[a-z_]{1,8}", 0..2),
    ) {
        let recent: Vec<&str> = recent.iter().map(String::as_str).collect();
        let line = Line {
            text: &text,
            kind: LineKind::Error,
            recent: &recent,
            step_recent: usize::MAX,
            script: &script,
            own_packages: &own,
            python: None,
            runner: None,
            place: autoheal_logs::knowledge::place::Place::UNKNOWN,
            gems: &own,
            build_env: None,
            test_output: false,
        };
        if let Some(hit) = Catalogue::get().classify(&line) {
            prop_assert!((0.0..=1.0).contains(&hit.confidence));
            if hit.fixable {
                let valid = match &hit.detail {
                    SubjectDetail::Module { distribution, .. } => is_distribution(distribution),
                    SubjectDetail::PytestPlugin { distribution, .. } => is_distribution(distribution),
                    SubjectDetail::Command { name, .. } => is_command(name),
                    SubjectDetail::Path { path } => workspace_pattern(path).as_deref() == Some(path.as_str()),
                    SubjectDetail::Limit { minutes, .. } => *minutes > 0,
                    SubjectDetail::RateLimit { service, .. } => *service != RateLimitService::Other,
                    SubjectDetail::WorkflowLocation { line, .. } => *line > 0,
                    _ => false,
                };
                prop_assert!(valid, "fixable {:?} from {:?}", hit.detail, text);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_log_set(&bytes, ZipLimits::default());
        let analyzer = Analyzer::new(&Options::default()).expect("analyzer");
        let _ = analyzer.analyze(&LogInput { logs: vec![LogFile { job: None, bytes: &bytes }], ..LogInput::default() });
    }

    #[test]
    fn streaming_and_slice_reading_agree(bytes in log_bytes()) {
        let mut a = Vec::new();
        autoheal_logs::stream::for_each_line(&bytes, |n, l| a.push((n, l.to_vec())));
        let mut b = Vec::new();
        autoheal_logs::stream::for_each_line_in(&bytes[..], |n, l| b.push((n, l.to_vec()))).expect("read");
        prop_assert_eq!(a, b);
    }
}

/// The saved-run format of `.autoheal/failures/` (what `diagnose --save`
/// writes and the language server reads).
mod saved_run {
    use autoheal_logs::report::SavedRun;
    use proptest::prelude::*;

    proptest! {
        /// Any text: an error or a run, never a panic.
        #[test]
        fn any_text_reads_without_panic(text in "\\PC{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = SavedRun::from_json(&text);
            let _ = SavedRun::from_json(&String::from_utf8_lossy(&bytes));
        }

        /// What is written is read back the same; its file name stays one
        /// plain name inside the store, whatever the workflow path says.
        #[test]
        fn written_runs_read_back_and_name_one_file(
            workflow_path in "[a-z./_-]{1,12}(/[a-z.]{1,8}){0,3}",
            run_id in proptest::option::of(any::<u64>()),
            run_url in proptest::option::of("\\PC{0,40}"),
            date in proptest::option::of("[0-9TZ:-]{0,25}"),
        ) {
            let run = SavedRun {
                version: 1,
                run_id,
                run_url,
                date,
                workflow_path: workflow_path.trim_start_matches("./").to_string(),
                workflow_hash: Some("fnv1a64:00".into()),
                failures: Vec::new(),
            };
            prop_assume!(!run.workflow_path.is_empty());
            prop_assert_eq!(SavedRun::from_json(&run.to_json()).expect("reads back"), run.clone());
            let name = run.file_name();
            prop_assert!(!name.contains('/') && !name.starts_with('.') && name.ends_with(".json"), "{}", name);
        }
    }
}
