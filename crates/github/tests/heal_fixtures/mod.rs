//! Failed runs the report/heal tests seed into the fake: a workflow, the files it reads, the
//! jobs, logs and annotations GitHub would serve. Written for these tests (no corpus files).

#![allow(dead_code)]

use std::io::Write as _;

use autoheal_fake_github::FakeGithub;
use serde_json::{Value, json};

pub const WORKFLOW_PATH: &str = ".github/workflows/ci.yml";

/// One failure scenario.
pub struct Scenario {
    pub run_id: u64,
    pub workflow: &'static str,
    /// Other files at the failed commit (requirements files...).
    pub files: Vec<(&'static str, &'static str)>,
    pub run_conclusion: &'static str,
    pub jobs: Vec<Value>,
    /// (job id, log text)
    pub job_logs: Vec<(u64, String)>,
    /// Serve the logs as the run zip instead of per-job logs.
    pub as_zip: bool,
    /// (check run id, annotations)
    pub annotations: Vec<(u64, Vec<Value>)>,
}

/// Timestamped log lines, as the API serves them.
pub fn log(lines: &[&str]) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("2024-05-02T10:15:{:02}.1234567Z {l}\n", i % 60))
        .collect()
}

pub fn job(id: u64, name: &str, conclusion: &str, failed_step: &str) -> Value {
    json!({
        "id": id,
        "run_id": 0,
        "name": name,
        "status": "completed",
        "conclusion": conclusion,
        "check_run_url": format!("https://api.github.com/repos/octo/app/check-runs/{id}"),
        "steps": [
            { "name": "Set up job", "number": 1, "conclusion": "success" },
            { "name": failed_step, "number": 2, "conclusion": conclusion },
        ],
    })
}

pub const DEPENDENCY_WORKFLOW: &str = "# Tests for the app.\nname: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - uses: actions/checkout@v4\n      # Runtime and test requirements live in one file.\n      - name: Install dependencies\n        run: pip install -r requirements.txt\n      - name: Run tests\n        run: python -m pytest -q  # quick\n";

pub fn dependency(run_id: u64) -> Scenario {
    let text = log(&[
        "##[group]Run actions/checkout@v4",
        "##[endgroup]",
        "##[group]Run pip install -r requirements.txt",
        "pip install -r requirements.txt",
        "##[endgroup]",
        "Successfully installed pytest-8.2.0",
        "##[group]Run python -m pytest -q",
        "python -m pytest -q",
        "##[endgroup]",
        "ImportError while importing test module '/home/runner/work/app/app/tests/test_io.py'.",
        "tests/test_io.py:1: in <module>",
        "    import yaml",
        "E   ModuleNotFoundError: No module named 'yaml'",
        "##[error]Process completed with exit code 2.",
    ]);
    Scenario {
        run_id,
        workflow: DEPENDENCY_WORKFLOW,
        files: vec![("requirements.txt", "pytest\n")],
        run_conclusion: "failure",
        jobs: vec![job(run_id * 10 + 1, "test", "failure", "Run tests")],
        job_logs: vec![(run_id * 10 + 1, text)],
        as_zip: true,
        annotations: vec![(
            run_id * 10 + 1,
            vec![
                json!({ "path": ".github", "start_line": 1, "end_line": 1, "annotation_level": "failure", "message": "Process completed with exit code 2." }),
            ],
        )],
    }
}

pub const TIMEOUT_WORKFLOW: &str = "# Integration tests against a real cluster.\nname: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    # The cluster takes a while to come up.\n    timeout-minutes: 30\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration\n        run: ./scripts/long-integration.sh   # slow\n";

pub fn timeout(run_id: u64) -> Scenario {
    let id = run_id * 10 + 1;
    Scenario {
        run_id,
        workflow: TIMEOUT_WORKFLOW,
        files: vec![],
        run_conclusion: "cancelled",
        jobs: vec![job(id, "build", "cancelled", "Integration")],
        job_logs: vec![(
            id,
            log(&[
                "##[group]Run ./scripts/long-integration.sh",
                "./scripts/long-integration.sh",
                "##[endgroup]",
                "waiting for cluster...",
                "##[error]The operation was canceled.",
            ]),
        )],
        as_zip: false,
        annotations: vec![(
            id,
            vec![
                json!({ "path": ".github", "start_line": 1, "end_line": 1, "annotation_level": "failure", "message": "The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 30 minutes." }),
                json!({ "path": ".github", "start_line": 1, "end_line": 1, "annotation_level": "failure", "message": "The operation was canceled." }),
            ],
        )],
    }
}

/// The timeout scenario's run failing instead, its one log being `lines` (and no annotations).
pub fn failed_with_log(run_id: u64, lines: &[&str]) -> Scenario {
    let mut scenario = timeout(run_id);
    scenario.run_conclusion = "failure";
    scenario.jobs[0]["conclusion"] = json!("failure");
    scenario.annotations.clear();
    scenario.job_logs[0].1 = log(lines);
    scenario
}

/// A run a person cancelled: the same shape as a timeout, without the timeout annotation.
pub fn manual_cancel(run_id: u64) -> Scenario {
    let mut scenario = timeout(run_id);
    scenario.annotations[0].1.remove(0);
    scenario
}

pub const MISSING_COMMAND_WORKFLOW: &str = "name: CI\non: [push]\njobs:\n  report:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      # Render the report.\n      - name: Render report\n        run: pandoc build/report.md -o build/report.html\n";

pub fn missing_command(run_id: u64) -> Scenario {
    let id = run_id * 10 + 1;
    Scenario {
        run_id,
        workflow: MISSING_COMMAND_WORKFLOW,
        files: vec![],
        run_conclusion: "failure",
        jobs: vec![job(id, "report", "failure", "Render report")],
        job_logs: vec![(
            id,
            log(&[
                "##[group]Run pandoc build/report.md -o build/report.html",
                "pandoc build/report.md -o build/report.html",
                "shell: /usr/bin/bash -e {0}",
                "##[endgroup]",
                "/home/runner/work/_temp/0b1c2d3e.sh: line 1: pandoc: command not found",
                "##[error]Process completed with exit code 127.",
            ]),
        )],
        as_zip: false,
        annotations: vec![],
    }
}

pub const OPTIONAL_JOB_WORKFLOW: &str = "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  # Images for the arm fleet.\n  arm-image:\n    needs: test\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build image\n        run: ./build-image.sh\n";

pub fn optional_job(run_id: u64) -> Scenario {
    let id = run_id * 10 + 2;
    let mut test = job(run_id * 10 + 1, "test", "success", "Run make test");
    test["steps"][1]["conclusion"] = json!("success");
    Scenario {
        run_id,
        workflow: OPTIONAL_JOB_WORKFLOW,
        files: vec![],
        run_conclusion: "failure",
        jobs: vec![test, job(id, "arm-image", "failure", "Build image")],
        job_logs: vec![(
            id,
            log(&[
                "##[group]Run ./build-image.sh",
                "./build-image.sh",
                "##[endgroup]",
                "/home/runner/work/_temp/9f8e.sh: line 1: ./build-image.sh: cannot execute binary file: Exec format error",
                "exec /usr/bin/qemu: exec format error",
                "##[error]Process completed with exit code 126.",
            ]),
        )],
        as_zip: false,
        annotations: vec![],
    }
}

/// The run-logs zip GitHub serves: `<n>_<job>.txt` per job.
pub fn run_zip(jobs: &[(String, String)]) -> Vec<u8> {
    let mut cursor = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut cursor);
        let options = zip::write::SimpleFileOptions::default();
        for (i, (name, text)) in jobs.iter().enumerate() {
            zip.start_file(format!("{i}_{name}.txt"), options)
                .unwrap_or_else(|e| panic!("{e}"));
            zip.write_all(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        }
        zip.finish().unwrap_or_else(|e| panic!("{e}"));
    }
    cursor.into_inner()
}

/// Seeds the scenario: the failed commit on the default branch, the run, jobs, logs and
/// annotations. Returns the failed commit's sha.
pub fn seed(fake: &FakeGithub, repo: &str, branch: &str, scenario: &Scenario) -> String {
    let mut files = vec![(WORKFLOW_PATH, scenario.workflow)];
    files.extend(scenario.files.iter().copied());
    let sha = fake.commit_files(repo, branch, &files, "the failing commit");
    seed_run(fake, repo, branch, &sha, scenario);
    sha
}

/// The run of the scenario as GitHub describes it (the fake fills in the repository and the
/// actor: the repository itself and its owner).
pub fn run_json(repo: &str, branch: &str, sha: &str, scenario: &Scenario) -> Value {
    let id = scenario.run_id;
    json!({
        "id": id,
        "name": "CI",
        "path": WORKFLOW_PATH,
        "head_branch": branch,
        "head_sha": sha,
        "event": "push",
        "status": "completed",
        "conclusion": scenario.run_conclusion,
        "run_attempt": 1,
        "html_url": format!("https://github.com/{repo}/actions/runs/{id}"),
    })
}

/// Seeds the run of an existing commit.
pub fn seed_run(fake: &FakeGithub, repo: &str, branch: &str, sha: &str, scenario: &Scenario) {
    let id = scenario.run_id;
    fake.add_run(repo, run_json(repo, branch, sha, scenario));
    let jobs: Vec<Value> = scenario
        .jobs
        .iter()
        .map(|j| {
            let mut j = j.clone();
            j["run_id"] = json!(id);
            j
        })
        .collect();
    fake.set_jobs(repo, id, jobs.clone());
    if scenario.as_zip {
        let named: Vec<(String, String)> = scenario
            .job_logs
            .iter()
            .filter_map(|(job_id, text)| {
                let name = jobs.iter().find(|j| j["id"].as_u64() == Some(*job_id))?["name"].as_str()?;
                Some((name.to_string(), text.clone()))
            })
            .collect();
        fake.set_run_logs_zip(repo, id, run_zip(&named));
    } else {
        for (job_id, text) in &scenario.job_logs {
            fake.set_job_log(repo, *job_id, text);
        }
    }
    for (check_run, list) in &scenario.annotations {
        fake.set_annotations(repo, *check_run, list.clone());
    }
}
