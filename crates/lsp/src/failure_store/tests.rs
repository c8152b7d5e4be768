use super::*;
use autoheal_engine::yaml;

const WF: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Run tests\n        run: pytest\n";

fn run_json(hash: Option<&str>, step_name: &str, step_number: u32) -> String {
    let hash = hash.map_or("null".to_string(), |h| format!("\"{h}\""));
    format!(
        r#"{{"version":2,"run_id":123456,"run_url":"https://github.com/o/r/actions/runs/123456","date":"2026-11-20T10:00:00Z",
        "workflow_path":".github/workflows/ci.yml","workflow_hash":{hash},
        "failures":[{{"category":"missing_dependency","subject":"PyYAML","fixable":true,"confidence":0.9,"job":"test",
        "step":{{"number":{step_number},"name":"{step_name}"}},"evidence":[{{"line":3,"text":"ModuleNotFoundError: No module named 'yaml'"}}],
        "message":"ModuleNotFoundError: No module named 'yaml'","span":{{"path":".github/workflows/ci.yml","start":{{"line":8,"column":14}},"end":{{"line":8,"column":20}}}},
        "fixes":[{{"title":"Install PyYAML","applicability":"safe","edits":[{{"path":".github/workflows/ci.yml","byte_range":[0,0],"new_text":"x",
          "range":{{"start":{{"line":1,"column":1}},"end":{{"line":1,"column":1}}}}}}]}}]}}]}}"#
    )
}

fn map(json: &str, source: &str) -> Vec<MappedFailure> {
    let run = parse_run(json).expect("parses");
    let doc = yaml::parse(source.as_bytes());
    map_run(&run, source, &LineIndex::new(source), &doc)
}

/// On the unchanged file the recorded span is exact, but the saved fix is
/// still not offered: the server makes the fixes again for the text.
#[test]
fn unchanged_file_uses_the_exact_span_and_never_the_saved_fixes() {
    let json = run_json(Some(&content_hash(WF.as_bytes())), "Run tests", 3);
    let mapped = map(&json, WF);
    assert_eq!(mapped.len(), 1);
    assert_eq!(&WF[mapped[0].range.start..mapped[0].range.end], "pytest");
    assert!(
        mapped[0]
            .message
            .starts_with("failed in run 123456 (2026-11-20): ModuleNotFoundError: No module named 'yaml'")
    );
    assert!(mapped[0].message.contains("missing_dependency"));
    assert!(mapped[0].message.contains("https://github.com/o/r/actions/runs/123456"));
    assert!(mapped[0].fixes.is_empty(), "{:?}", mapped[0].fixes);
    let input = mapped[0].input.as_ref().expect("what the fixes are made again from");
    assert_eq!(input.subject.as_deref(), Some("PyYAML"));
    assert_eq!((input.line, input.column), (Some(8), Some(14)));
}

/// Every format version reads the same: the failures are kept, the saved
/// fixes never offered (a version-1 file held a doubtful rewrite as
/// `unsafe`; a version-2 one is no more verified against the text).
#[test]
fn every_format_version_keeps_its_failures_and_none_its_saved_fixes() {
    let current = run_json(Some(&content_hash(WF.as_bytes())), "Run tests", 3);
    for run in [
        current.clone(),
        current.replace(r#""version":2,"#, r#""version":1,"#),
        current.replace(r#""version":2,"#, ""),
    ] {
        let mapped = map(&run, WF);
        assert_eq!(mapped.len(), 1, "{run}");
        assert_eq!(&WF[mapped[0].range.start..mapped[0].range.end], "pytest");
        assert!(mapped[0].fixes.is_empty(), "{:?}", mapped[0].fixes);
        assert!(mapped[0].input.is_some(), "what the fixes are made again from");
    }
}

/// The file's word that a subject is a distribution autoheal knows is not
/// taken: an unknown name must still be named by the repository.
#[test]
fn a_saved_known_distribution_claim_is_not_trusted() {
    let json = run_json(Some(&content_hash(WF.as_bytes())), "Run tests", 3).replace(
        r#""fixable":true,"#,
        r#""fixable":true,"detail":{"kind":"pytest_plugin","trigger":"--acme","distribution":"pytest-acme"},"#,
    );
    let run = parse_run(&json).expect("parses");
    assert!(autoheal_fixes::FailureInput::from(&run.failures[0]).known_distribution);
    let mapped = map(&json, WF);
    assert!(!mapped[0].input.as_ref().expect("input").known_distribution);
}

#[test]
fn changed_file_remaps_by_step_name_and_drops_fixes() {
    let json = run_json(Some("fnv1a64:0000000000000000"), "Run tests", 3);
    let moved = WF.replace(
        "      - uses: actions/checkout@v4\n",
        "      - uses: actions/checkout@v4\n      - run: echo hi\n",
    );
    let mapped = map(&json, &moved);
    assert_eq!(mapped.len(), 1);
    let head = &moved[mapped[0].range.start..mapped[0].range.end];
    assert_eq!(head, "name: Run tests");
    assert!(mapped[0].fixes.is_empty(), "byte edits of another text are not offered");
    assert!(mapped[0].location.contains("Run tests"));
}

#[test]
fn a_step_that_no_longer_exists_is_dropped() {
    let json = run_json(Some("fnv1a64:0000000000000000"), "Run tests", 3);
    let renamed = WF.replace("Run tests", "Unit tests");
    assert!(map(&json, &renamed).is_empty());
    let no_job = WF.replace("  test:", "  check:");
    assert!(map(&json, &no_job).is_empty());
}

#[test]
fn unnamed_steps_map_by_log_number() {
    let json = run_json(None, "", 2).replace(r#""name":"""#, r#""name":null"#);
    let mapped = map(&json, WF);
    assert_eq!(mapped.len(), 1);
    assert!(WF[mapped[0].range.start..].starts_with("uses: actions/checkout@v4"));
}

#[test]
fn matrix_job_names_map_to_their_job() {
    let json = run_json(None, "Run tests", 3).replace(r#""job":"test""#, r#""job":"test (ubuntu-latest, 3.12)""#);
    assert_eq!(map(&json, WF).len(), 1);
}

#[test]
fn store_directory_skips_bad_files_and_picks_the_latest_run() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join(STORE_DIR);
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(store.join("a.json"), run_json(None, "Run tests", 3)).unwrap();
    let newer = run_json(None, "Run tests", 3)
        .replace("123456", "777")
        .replace("2026-11-20", "2026-12-01");
    std::fs::write(store.join("b.json"), newer).unwrap();
    std::fs::write(store.join("c.json"), [0xff, 0x00]).unwrap();
    std::fs::write(store.join("d.json"), "{not json").unwrap();
    // A FIFO would block the server if it were opened.
    let fifo = std::process::Command::new("mkfifo").arg(store.join("e.json")).status();
    let fifos = usize::from(fifo.is_ok_and(|s| s.success()));
    let (runs, errors) = load(dir.path());
    assert_eq!(runs.len(), 2);
    assert_eq!(errors.len(), 2 + fifos, "{errors:?}");
    assert_eq!(
        latest_for(&runs, ".github/workflows/ci.yml").and_then(|r| r.run_id),
        Some(777)
    );
    assert!(latest_for(&runs, ".github/workflows/other.yml").is_none());
}

#[test]
fn the_store_is_read_up_to_its_budget_and_says_what_it_skipped() {
    // A checkout can hold any number of store files (JSON compresses well in git, so
    // gigabytes of them clone from a small pack); the server reads up to a budget.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join(STORE_DIR);
    std::fs::create_dir_all(&store).unwrap();
    let one = run_json(None, "Run tests", 3);
    for i in 0..6 {
        std::fs::write(store.join(format!("r{i}.json")), &one).unwrap();
    }
    let by_count = StoreBudget {
        files: 4,
        bytes: u64::MAX,
    };
    let (runs, errors) = load_within(dir.path(), by_count);
    assert_eq!(runs.len(), 4);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("2 more run files"), "{errors:?}");
    let size = one.len() as u64;
    let by_bytes = StoreBudget {
        files: 100,
        bytes: size * 3 - 1,
    };
    let (runs, errors) = load_within(dir.path(), by_bytes);
    assert_eq!(runs.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("4 more run files")), "{errors:?}");
    // The real budget reads all six.
    assert_eq!(load(dir.path()).0.len(), 6);
}

/// The file's word that the runner called itself self-hosted is not taken
/// either: it would make a job on a custom `runs-on` label optional
/// (`continue-on-error`) on a forged or foreign run file (finfix22 M1).
#[test]
fn a_saved_self_hosted_runner_claim_is_not_trusted() {
    let json = run_json(Some(&content_hash(WF.as_bytes())), "Run tests", 3)
        .replace(r#""category":"missing_dependency","subject":"PyYAML""#, r#""category":"optional_job","subject":"lost_communication""#)
        .replace(
            r#""fixable":true,"#,
            r#""fixable":true,"detail":{"kind":"runner","failure":"lost_communication","runner":"self_hosted","confirmed_runs_on":"build-box"},"#,
        );
    let run = parse_run(&json).expect("parses");
    assert_eq!(
        autoheal_fixes::FailureInput::from(&run.failures[0])
            .confirmed_runner
            .as_deref(),
        Some("build-box"),
        "the claim is read from the file"
    );
    let mapped = map(&json, WF);
    assert_eq!(mapped[0].input.as_ref().expect("input").confirmed_runner, None);
}
