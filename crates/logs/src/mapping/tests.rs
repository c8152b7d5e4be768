use super::*;
use crate::{LogFile, LogInput, Options, WorkflowFile, analyze};

const WORKFLOW: &str = "name: CI
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: echo lint
  test:
    name: test
    runs-on: ${{ matrix.os }}
    timeout-minutes: 25
    strategy:
      matrix:
        os: [ubuntu-latest]
        python: ['3.12']
    steps:
      - uses: actions/checkout@v4
      - name: Install
        run: pip install -r requirements.txt
      - run: |
          echo start
          docker-compose up -d
          pytest --cov=app
";

fn run(log: &str, job: Option<&str>) -> Failure {
    let input = LogInput {
        logs: vec![LogFile {
            job,
            bytes: log.as_bytes(),
        }],
        workflow: Some(WorkflowFile {
            path: ".github/workflows/ci.yml",
            text: WORKFLOW,
        }),
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).expect("analyze");
    analysis.failures.into_iter().next().expect("a failure")
}

fn line_of(needle: &str) -> u32 {
    WORKFLOW.lines().position(|l| l.contains(needle)).expect("needle") as u32 + 1
}

#[test]
fn bash_line_maps_to_the_run_block_line() {
    let log = "2024-01-01T00:00:00.0000000Z ##[group]Run echo start\n\
               2024-01-01T00:00:00.0000000Z echo start\n\
               2024-01-01T00:00:00.0000000Z ##[endgroup]\n\
               2024-01-01T00:00:01.0000000Z /home/runner/work/_temp/1b2c.sh: line 2: docker-compose: command not found\n\
               2024-01-01T00:00:01.0000000Z ##[error]Process completed with exit code 127.\n";
    let f = run(log, Some("test (ubuntu-latest, 3.12)"));
    assert_eq!(f.category, Category::MissingCommand);
    let span = f.span.expect("span");
    assert_eq!(span.start.line, line_of("docker-compose up"));
    assert_eq!(span.path, ".github/workflows/ci.yml");
    let (a, b) = span.range.expect("range");
    assert_eq!(&WORKFLOW[a..b], "docker-compose up -d");
}

#[test]
fn plugin_flag_points_at_the_flag_in_the_step() {
    let log = "Run echo start\n  echo start\nERROR: usage: pytest [options]\npytest: error: unrecognized arguments: --cov=app\n";
    let f = run(log, Some("test"));
    assert_eq!(f.subject.as_deref(), Some("pytest-cov"));
    let (a, b) = f.span.expect("span").range.expect("range");
    assert_eq!(&WORKFLOW[a..b], "--cov");
}

#[test]
fn a_cancel_at_the_jobs_limit_is_a_timeout() {
    let f = run(
        "2024-05-02T10:00:00.0000000Z ##[group]Run pytest\n\
         2024-05-02T10:00:00.1000000Z ##[endgroup]\n\
         2024-05-02T10:25:01.0000000Z ##[error]The operation was canceled.\n",
        Some("test (ubuntu-latest, 3.12)"),
    );
    assert_eq!(f.category, Category::Timeout);
    assert_eq!(f.subject.as_deref(), Some("25"));
    assert!(f.fixable);
    assert_eq!(f.span.expect("span").start.line, line_of("  test:"));
}

#[test]
fn a_cancel_before_the_limit_or_without_times_is_not_a_timeout() {
    let early = run(
        "2024-05-02T10:00:00Z start\n2024-05-02T10:12:00Z ##[error]The operation was canceled.\n",
        Some("test (ubuntu-latest, 3.12)"),
    );
    assert_eq!((early.category, early.fixable), (Category::Unknown, false));
    assert!(early.message.contains("before its 25-minute"), "{}", early.message);
    let bare = run(
        "##[error]The operation was canceled.\n",
        Some("test (ubuntu-latest, 3.12)"),
    );
    assert_eq!((bare.category, bare.fixable), (Category::Unknown, false));
}

/// A bare cancel is compared with the job's limit only: a step that reaches
/// its own `timeout-minutes` fails with the runner's `has timed out`.
#[test]
fn a_step_limit_below_the_elapsed_time_does_not_make_a_cancel_a_timeout() {
    const DEPLOY: &str = "on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./build.sh
      - run: ./deploy.sh
        timeout-minutes: 5
";
    let run_with = |log: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some("deploy"),
                bytes: log.as_bytes(),
            }],
            workflow: Some(WorkflowFile {
                path: ".github/workflows/ci.yml",
                text: DEPLOY,
            }),
            ..LogInput::default()
        };
        analyze(&input, &Options::default())
            .expect("analyze")
            .failures
            .remove(0)
    };
    let log = "2024-05-02T10:00:00Z start\n\
               2024-05-02T10:10:00Z ##[group]Run ./deploy.sh\n\
               2024-05-02T10:10:00Z ##[endgroup]\n\
               2024-05-02T10:12:00Z ##[error]The operation was canceled.\n";
    let f = run_with(log);
    assert_eq!((f.category, f.fixable), (Category::Unknown, false), "{}", f.message);
    assert!(f.message.contains("before its 360-minute"), "{}", f.message);
}

/// A lost or stopped runner on a standard x64 hosted image is GitHub's
/// infrastructure: `unknown`, not a job to make optional.
#[test]
fn a_runner_lost_on_an_x64_hosted_job_is_not_optional() {
    const HOSTED: &str = "on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: cargo test
";
    let input = LogInput {
        logs: vec![LogFile {
            job: Some("test"),
            bytes: b"##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped.
",
        }],
        workflow: Some(WorkflowFile {
            path: ".github/workflows/ci.yml",
            text: HOSTED,
        }),
        ..LogInput::default()
    };
    let f = analyze(&input, &Options::default())
        .expect("analyze")
        .failures
        .remove(0);
    assert_eq!(
        (f.category, f.subject.as_deref(), f.fixable),
        (Category::Unknown, None, false)
    );
    assert!(f.message.contains("rerun the job"), "{}", f.message);
}

/// A step with `continue-on-error: true` did not fail the job: what it
/// printed comes after the failure that did, never fixed.
#[test]
fn a_continue_on_error_step_is_not_the_root_cause() {
    const ARM: &str = "on: push
jobs:
  test:
    runs-on: ubuntu-24.04-arm
    steps:
      - run: ./prebuilt/tool --self-test
        continue-on-error: true
      - run: pytest
";
    let log = "##[group]Run ./prebuilt/tool --self-test\n\
               ##[endgroup]\n\
               /home/runner/work/_temp/1.sh: line 1: ./prebuilt/tool: cannot execute binary file: Exec format error\n\
               ##[error]Process completed with exit code 126.\n\
               ##[group]Run pytest\n\
               ##[endgroup]\n\
               FAILED tests/test_a.py::test_b - assert 1 == 2\n\
               1 failed, 3 passed in 0.12s\n\
               ##[error]Process completed with exit code 1.\n";
    let with = |workflow: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some("test"),
                bytes: log.as_bytes(),
            }],
            workflow: Some(WorkflowFile {
                path: ".github/workflows/ci.yml",
                text: workflow,
            }),
            ..LogInput::default()
        };
        analyze(&input, &Options::default()).expect("analyze").failures
    };
    let failures = with(ARM);
    assert_eq!(failures[0].category, Category::Unknown, "{}", failures[0].message);
    let ignored = failures
        .iter()
        .find(|f| f.category == Category::OptionalJob)
        .expect("kept");
    assert!(!ignored.fixable && ignored.message.contains("continue-on-error"));
    // Without the flag the mismatch is the root cause, fixable on ARM.
    let failures = with(&ARM.replace("        continue-on-error: true\n", ""));
    assert_eq!(
        (failures[0].category, failures[0].fixable),
        (Category::OptionalJob, true)
    );
}

/// A step the workflow runs after a failure (`if: failure()`), whatever its
/// name, failing itself after the step that failed the job: the earlier
/// failure is the root; alone, its own failure stays first.
#[test]
fn a_step_that_runs_after_a_failure_is_not_the_root_cause() {
    const WORKFLOW: &str = "on: push
jobs:
  smoke:
    runs-on: ubuntu-latest
    steps:
      - run: ./smoke.sh
      - if: failure()
        run: python ci/report.py
";
    let analyze_log = |log: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some("smoke"),
                bytes: log.as_bytes(),
            }],
            workflow: Some(WorkflowFile {
                path: ".github/workflows/ci.yml",
                text: WORKFLOW,
            }),
            ..LogInput::default()
        };
        analyze(&input, &Options::default()).expect("analyze").failures
    };
    let report = "##[group]Run python ci/report.py\n\
                  ##[endgroup]\n\
                  ModuleNotFoundError: No module named 'requests'\n\
                  ##[error]Process completed with exit code 1.\n";
    let smoke = "##[group]Run ./smoke.sh\n\
                 ##[endgroup]\n\
                 smoke: giving up\n\
                 ##[error]Process completed with exit code 1.\n";
    let failures = analyze_log(&format!("{smoke}{report}"));
    assert_eq!(failures[0].category, Category::Unknown, "{}", failures[0].message);
    let second = failures
        .iter()
        .find(|f| f.category == Category::MissingDependency)
        .expect("kept");
    assert!(!second.fixable && second.message.contains("runs after a failure"));
    let failures = analyze_log(report);
    assert_eq!(failures[0].category, Category::MissingDependency);
}

#[test]
fn runner_tied_failures_are_fixable_only_on_runner_tied_jobs() {
    const ARM: &str = "on: push
jobs:
  build:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, ubuntu-24.04-arm]
    steps:
      - run: ./tool
";
    let analyze_with = |workflow: &str, job: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some(job),
                bytes: b"exec ./tool: exec format error\n",
            }],
            workflow: Some(WorkflowFile {
                path: ".github/workflows/ci.yml",
                text: workflow,
            }),
            ..LogInput::default()
        };
        analyze(&input, &Options::default())
            .expect("analyze")
            .failures
            .remove(0)
    };
    let arm = analyze_with(ARM, "build (ubuntu-24.04-arm)");
    assert_eq!((arm.category, arm.fixable), (Category::OptionalJob, true));
    assert!(matches!(
        arm.detail,
        SubjectDetail::Runner { confirmed_runs_on: Some(ref l), .. } if l == "ubuntu-24.04-arm"
    ));
    let x64 = analyze_with(ARM, "build (ubuntu-latest)");
    assert_eq!((x64.category, x64.fixable), (Category::OptionalJob, false));
    assert!(x64.message.contains("x64 GitHub-hosted"), "{}", x64.message);
    // Without the workflow: reported, not fixable, and it says why.
    let input = LogInput {
        logs: vec![LogFile {
            job: Some("build (ubuntu-24.04-arm)"),
            bytes: b"exec ./tool: exec format error\n",
        }],
        ..LogInput::default()
    };
    let alone = analyze(&input, &Options::default())
        .expect("analyze")
        .failures
        .remove(0);
    assert_eq!((alone.category, alone.fixable), (Category::OptionalJob, false));
    assert!(alone.message.contains("Not fixable without the workflow"));
}

/// An x64 tool-cache binary that cannot load an Intel Homebrew library is a
/// runner mismatch only on an Apple-silicon Mac: the workflow must say the job
/// runs on one (not merely on a self-hosted or any runner-tied label).
#[test]
fn x64_tool_missing_intel_library_is_fixable_only_on_apple_silicon() {
    const LOG: &[u8] = b"dyld[4121]: Library not loaded: /usr/local/opt/gettext/lib/libintl.8.dylib
  Referenced from: <6A1C3F0E-2B4D-3E5F-8A9B-1C2D3E4F5A6B> /Users/runner/hostedtoolcache/Python/3.8.10/x64/bin/python3.8
  Reason: tried: '/usr/local/opt/gettext/lib/libintl.8.dylib' (no such file)
";
    let analyze_on = |runs_on: &str| {
        let workflow =
            format!("on: push\njobs:\n  test:\n    runs-on: {runs_on}\n    steps:\n      - run: python -V\n");
        let input = LogInput {
            logs: vec![LogFile {
                job: Some("test"),
                bytes: LOG,
            }],
            workflow: Some(WorkflowFile {
                path: ".github/workflows/ci.yml",
                text: &workflow,
            }),
            ..LogInput::default()
        };
        analyze(&input, &Options::default())
            .expect("analyze")
            .failures
            .remove(0)
    };
    for apple in [
        "macos-14",
        "macos-latest",
        "macos-15-xlarge",
        "[self-hosted, macOS, ARM64]",
    ] {
        let f = analyze_on(apple);
        assert_eq!(
            (f.category, f.subject.as_deref(), f.fixable),
            (Category::OptionalJob, Some("architecture_mismatch"), true),
            "{apple}: {}",
            f.message
        );
    }
    for other in [
        "macos-13",
        "macos-15-intel",
        "self-hosted",
        "[self-hosted, linux, ARM64]",
    ] {
        let f = analyze_on(other);
        assert_eq!(
            (f.category, f.fixable),
            (Category::OptionalJob, false),
            "{other}: {}",
            f.message
        );
        assert!(
            !f.message.contains("Not fixable without the workflow"),
            "{other}: {}",
            f.message
        );
        // On an Intel Mac the library is missing; emulation is no remedy.
        assert!(!f.message.contains("emulation"), "{other}: {}", f.message);
    }
}

#[test]
fn invalid_workflow_line_and_column() {
    let log = "Invalid workflow file: .github/workflows/ci.yml#L1\n(Line: 10, Col: 5): Unexpected value 'x'\n";
    let f = run(log, None);
    assert_eq!(f.category, Category::YamlSyntax);
    let span = f.span.expect("span");
    assert_eq!((span.start.line, span.start.column), (10, 5));
}

#[test]
fn error_command_with_file_and_line() {
    let f = run("::error file=src/app.py,line=7,col=2::No module named 'yaml'\n", None);
    let span = f.span.expect("span");
    assert_eq!(
        (span.path.as_str(), span.start.line, span.start.column),
        ("src/app.py", 7, 2)
    );
}

#[test]
fn step_by_zip_number_counts_set_up_job() {
    let mut failure = run("Error: No such thing\n", Some("test"));
    failure.step = Some(crate::report::StepRef {
        number: Some(3),
        name: Some("Install".into()),
    });
    failure.detail = SubjectDetail::None;
    failure.category = Category::FileNotFound;
    let mut list = [failure];
    map_failures(&mut list, ".github/workflows/ci.yml", WORKFLOW);
    assert_eq!(
        list[0].span.as_ref().expect("span").start.line,
        line_of("pip install -r")
    );
}

#[test]
fn matrix_display_names_and_templates() {
    assert_eq!(matrix_base("test (ubuntu-latest, 3.12)"), "test");
    let src = "on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        os: [ubuntu, macos]\n        py: ['3.12']\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  free:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
    let doc = yaml::parse(src.as_bytes());
    let wf = Workflow::new(doc.root.as_ref().expect("root"));
    let (job, free) = (wf.job("test").expect("test"), wf.job("free").expect("free"));
    let matches = |j, t, s| expression_template_matches(j, t, s);
    assert!(matches(
        job,
        "Test ${{ matrix.os }} py${{ matrix.py }}",
        "Test ubuntu py3.12"
    ));
    assert!(!matches(job, "Build ${{ matrix.os }}", "Test ubuntu"));
    // The matrix lists what `matrix.os` can be: another name with the same
    // literal prefix is another job.
    assert!(!matches(job, "Test ${{ matrix.os }}", "Test coverage"));
    assert!(!matches(
        job,
        "Test ${{ matrix.os }} py${{ matrix.py }}",
        "Test ubuntu py3.13"
    ));
    // A value the matrix does not list (no matrix, or another expression)
    // may be anything.
    assert!(matches(free, "Test ${{ matrix.os }}", "Test coverage"));
    assert!(matches(job, "Test ${{ inputs.suite }}", "Test coverage"));
    assert!(matches(job, "${{ inputs.a }}-${{ inputs.b }}", "x-y-z"));
    // Only expressions with unknown values (or spaces between them) say
    // nothing about the name; a literal or a listed value does.
    assert!(!template_constrains(job, "${{ inputs.label }}"));
    assert!(!template_constrains(free, "${{ matrix.os }} ${{ matrix.py }}"));
    assert!(!template_constrains(job, "test"), "no template");
    assert!(template_constrains(job, "${{ matrix.os }}"));
    assert!(template_constrains(free, "Test ${{ matrix.os }}"));
    assert!(template_constrains(job, "${{ inputs.a }}-${{ inputs.b }}"));
}

#[test]
fn invalid_workflow_message_names_the_workflow_to_fix() {
    let log =
        b"Invalid workflow file: .github/workflows/release.yml#L7\nYou have an error in your yaml syntax on line 7\n";
    let analysis = crate::analyze(
        &crate::LogInput {
            logs: vec![crate::LogFile { job: None, bytes: log }],
            ..crate::LogInput::default()
        },
        &crate::Options::default(),
    )
    .expect("analyze");
    assert_eq!(
        analysis.workflow_reference(),
        Some((".github/workflows/release.yml", Some(7)))
    );
    let candidates = vec![
        (
            ".github/workflows/ci.yml".to_string(),
            "on: push\njobs: {}\n".to_string(),
        ),
        (
            ".github/workflows/release.yml".to_string(),
            "on: push\njobs: {}\n".to_string(),
        ),
    ];
    let (index, why) = super::locate_workflow(&analysis, &candidates).expect("located");
    assert_eq!(index, 1, "{why}");
}

/// A job of a called workflow shows as `caller / callee`: the workflow to
/// fix is the called one, found through the caller's `uses:`.
#[test]
fn a_called_workflows_job_is_found_through_its_caller() {
    let log =
        b"##[error]The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 30 minutes.\n";
    let analysis = crate::analyze(
        &crate::LogInput {
            logs: vec![crate::LogFile {
                job: Some("unit / test (3.12)"),
                bytes: log,
            }],
            ..crate::LogInput::default()
        },
        &crate::Options::default(),
    )
    .expect("analyze");
    let callee =
        "on:\n  workflow_call:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n";
    let candidates = |caller_uses: &str| {
        vec![
            (
                ".github/workflows/ci.yml".to_string(),
                format!("on: push\njobs:\n  unit:\n    uses: {caller_uses}\n"),
            ),
            (
                ".github/workflows/other.yml".to_string(),
                callee.replace("test:", "lint:"),
            ),
            (".github/workflows/test.yml".to_string(), callee.to_string()),
        ]
    };
    let (index, why) = super::locate_workflow(&analysis, &candidates("./.github/workflows/test.yml")).expect("located");
    assert_eq!(index, 2, "{why}");
    // A caller that calls another file (or a remote one) does not vouch for it.
    assert!(super::locate_workflow(&analysis, &candidates("o/r/.github/workflows/test.yml@v1")).is_none());
    assert_eq!(super::called_job_name("a / b / c (x)"), Some(("b", "c (x)")));
    assert_eq!(super::called_job_name("build"), None);
}

#[test]
fn status_calls_that_run_a_step_after_a_failure() {
    assert!(super::runs_after_failure("${{ failure() }}"));
    assert!(super::runs_after_failure("always() && github.event_name == 'push'"));
    assert!(super::runs_after_failure("${{ cancelled() || failure() }}"));
    // GitHub's recommended "regardless of success or failure".
    assert!(super::runs_after_failure("${{ !cancelled() }}"));
    assert!(!super::runs_after_failure("${{ cancelled() }}"));
    assert!(!super::runs_after_failure("${{ ! failure() && matrix.os == 'linux' }}"));
    assert!(!super::runs_after_failure("github.event_name == 'push'"));
}

/// A `name:` made only of expressions whose values are unknown shows as any
/// name: it identifies no job, in the diagnosis's mapping as in the fixes'.
/// A template that matches more than one job identifies none either.
#[test]
fn all_expression_and_ambiguous_name_templates_identify_no_job() {
    let log = "2024-01-01T00:00:00.0000000Z ##[group]Run pytest\n\
               2024-01-01T00:00:00.0000000Z pytest\n\
               2024-01-01T00:00:00.0000000Z ##[endgroup]\n\
               2024-01-01T00:00:01.0000000Z ModuleNotFoundError: No module named 'yaml'\n\
               2024-01-01T00:00:01.0000000Z ##[error]Process completed with exit code 1.\n";
    let span_in = |workflow: &str, job: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some(job),
                bytes: log.as_bytes(),
            }],
            workflow: Some(WorkflowFile {
                path: ".github/workflows/ci.yml",
                text: workflow,
            }),
            ..LogInput::default()
        };
        let analysis = analyze(&input, &Options::default()).expect("analyze");
        analysis.failures.into_iter().next().expect("a failure").span
    };
    let steps = "    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n";
    let all_expression = format!(
        "on: push\njobs:\n  a:\n    name: ${{{{ inputs.label }}}}\n{steps}  b:\n    name: ${{{{ inputs.other }}}}\n{steps}"
    );
    assert!(
        span_in(&all_expression, "Docs").is_none(),
        "an all-expression name matched"
    );
    let two = format!(
        "on: push\njobs:\n  a:\n    name: Test ${{{{ inputs.a }}}}\n{steps}  b:\n    name: Test ${{{{ inputs.b }}}}\n{steps}"
    );
    assert!(span_in(&two, "Test unit").is_none(), "two jobs show as `Test unit`");
    // One template with a literal part, and only one job showing so, is found.
    let one = two.replace("Test ${{ inputs.b }}", "Lint");
    let span = span_in(&one, "Test unit").expect("found");
    assert_eq!(span.start.line, 7, "job a's `run: pytest`");

    // Which workflow a run came from: not the one whose job shows as anything.
    let analysis = analyze(
        &LogInput {
            logs: vec![LogFile {
                job: Some("Docs"),
                bytes: log.as_bytes(),
            }],
            ..LogInput::default()
        },
        &Options::default(),
    )
    .expect("analyze");
    let candidates = vec![
        (
            ".github/workflows/ci.yml".to_string(),
            all_expression.replace("inputs.other", "inputs.label"),
        ),
        (
            ".github/workflows/release.yml".to_string(),
            format!("on: push\njobs:\n  deploy:\n{steps}"),
        ),
    ];
    assert!(super::locate_workflow(&analysis, &candidates).is_none());
}

/// A hosted runner's loss with no image line in the log (a pasted or
/// partial log) is placed by the workflow: on an ARM64 label (here a leg
/// `include` adds) it is `optional_job`, fixable; on an x64 label, and
/// without the workflow, it stays `unknown` (found by fix shapes round 5).
#[test]
fn a_hosted_runners_loss_is_runner_tied_when_runs_on_names_an_arm64_image() {
    const LEGS: &str = "on: push\njobs:\n  build:\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - os: ubuntu-24.04-arm\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: make\n";
    const LOST: &[u8] = b"##[error]The hosted runner: GitHub Actions 41 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.\n";
    let analyze_with = |workflow: Option<&str>, job: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some(job),
                bytes: LOST,
            }],
            workflow: workflow.map(|text| WorkflowFile {
                path: ".github/workflows/ci.yml",
                text,
            }),
            ..LogInput::default()
        };
        analyze(&input, &Options::default())
            .expect("analyze")
            .failures
            .remove(0)
    };
    let arm = analyze_with(Some(LEGS), "build (ubuntu-24.04-arm)");
    assert_eq!(
        (arm.category, arm.fixable),
        (Category::OptionalJob, true),
        "{}",
        arm.message
    );
    assert_eq!(arm.subject.as_deref(), Some("lost_communication"));
    let x64 = analyze_with(Some(LEGS), "build (ubuntu-latest)");
    assert_eq!(
        (x64.category, x64.fixable),
        (Category::Unknown, false),
        "{}",
        x64.message
    );
    let alone = analyze_with(None, "build (ubuntu-24.04-arm)");
    assert_eq!(
        (alone.category, alone.fixable),
        (Category::Unknown, false),
        "{}",
        alone.message
    );
}

/// GitHub's 360-minute maximum: whether the annotation names it, a cancel
/// reaches it with no workflow, or the workflow's `timeout-minutes` is 360,
/// no larger limit exists, so the timeout keeps its category and subject and
/// is not fixable (a smaller limit stays fixable).
#[test]
fn a_timeout_at_githubs_360_minute_maximum_is_not_fixable() {
    let analyze_alone = |log: &str| {
        let input = LogInput {
            logs: vec![LogFile {
                job: Some("test"),
                bytes: log.as_bytes(),
            }],
            ..LogInput::default()
        };
        analyze(&input, &Options::default())
            .expect("analyze")
            .failures
            .remove(0)
    };
    let annotation = analyze_alone(
        "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.\n",
    );
    let cancel = analyze_alone(
        "2024-05-02T04:00:00.0000000Z ##[group]Run ./soak.sh\n\
         2024-05-02T04:00:00.1000000Z ##[endgroup]\n\
         2024-05-02T10:00:05.0000000Z ##[error]The operation was canceled.\n",
    );
    for f in [&annotation, &cancel] {
        assert_eq!(
            (f.category, f.subject.as_deref(), f.fixable),
            (Category::Timeout, Some("360"), false),
            "{f:?}"
        );
        assert!(f.message.contains("GitHub's maximum"), "{}", f.message);
    }
    let below = analyze_alone(
        "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 359 minutes.\n",
    );
    assert!(below.fixable, "{below:?}");
}
