//! Where the bytes of a rate-limit fix come from. The log names only the
//! service, the job and the step; every command, image and secret a fix
//! writes must already be in the workflow, and a job of a workflow that may
//! run a fork's code with the repository's secrets never gets a secret it
//! did not read. Random workflows mixing triggers, pulls, quoted options,
//! logins in other jobs and environments, for every service.

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::model::Workflow;
use autoheal_engine::repo::MemoryRepo;
use autoheal_engine::rules::audit;
use autoheal_engine::yaml;
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for, retried_commands};
use proptest::prelude::*;

const PATH: &str = ".github/workflows/ci.yml";

const TRIGGERS: &[&str] = &[
    "push",
    "[push, pull_request]",
    "pull_request_target",
    "issue_comment",
    "workflow_run",
];

/// Script lines of the job that hit the limit.
const RUNS: &[&str] = &[
    "docker pull node:20",
    "docker run --rm -e \"A=1 evil:1\" node:20 npm test",
    "docker run --rm -v \"$PWD:/w\" python:3.12 pytest",
    "docker pull ghcr.io/acme/base:1",
    "docker pull quay.io/acme/base:1",
    "npm ci",
    "cd web && npm ci",
    "pip install -r requirements.txt",
    "mvn -B verify",
    "./gradlew build",
    "dotnet restore",
    "gh api repos/o/r",
    "go mod download",
    "echo secrets.DOCKERHUB_USERNAME secrets.DOCKERHUB_TOKEN",
    "gh release download v1 --dir dist",
    "curl -fsS https://api.github.com/repos/o/r/releases/latest",
    WRITES[0],
    WRITES[1],
    WRITES[2],
    WRITES[3],
    WRITES[4],
    WRITES[5],
    WRITES[6],
    WRITES[7],
    WRITES[8],
    WRITES[9],
    WRITES[10],
    WRITES[11],
    WRITES[12],
    WRITES[13],
];

/// Commands that write (a release, a comment, a POST, a publish, a push, an
/// upload), from each tool's manual; a retry loop would repeat them, so no
/// fix may ever put one inside a loop that repeats it on any failure,
/// whatever the service and trigger. A `gh` write may only be the body of
/// the loop that sends it again when its error output is GitHub's
/// secondary-limit refusal.
const WRITES: &[&str] = &[
    "gh release create v1 dist/app.tgz",
    "gh pr create --fill",
    "gh issue comment 1 --body-file note.md",
    "gh api -X POST repos/o/r/dispatches",
    "gh api repos/o/r/issues -f title=x",
    "gh api --method PATCH repos/o/r",
    "gh workflow run deploy.yml",
    "gh pr merge --auto 1",
    "curl -fsS -X POST https://api.github.com/repos/o/r/issues -d @body.json",
    "npm publish",
    "twine upload dist/*",
    "docker push acme/app:1",
    "cargo publish",
    "aws s3 cp out s3://bucket/key",
];

/// Setup steps before the script.
const SETUPS: &[&str] = &[
    "      - uses: actions/setup-node@v4\n",
    "      - uses: actions/setup-python@v5\n",
    "      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: 21\n",
    "",
];

/// Another job that holds Docker Hub credentials, or none.
const OTHER_JOBS: &[&str] = &[
    "",
    "  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n",
    "  publish:\n    runs-on: ubuntu-latest\n    environment: release\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: acme\n          password: ${{ secrets.HUB_RW }}\n",
    "  notify:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.DOCKER_HUB_USER }} ${{ secrets.DOCKER_HUB_PASSWORD }}\n",
];

fn render(trigger: usize, setup: usize, runs: &[usize], block: bool, other: usize, comment: bool) -> String {
    let mut out = format!("on: {}\n", TRIGGERS[trigger]);
    if comment {
        out.push_str("# secrets.DOCKERHUB_USERNAME / secrets.DOCKERHUB_TOKEN\n");
    }
    out.push_str("jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n");
    out.push_str(SETUPS[setup]);
    if block {
        out.push_str("      - name: Fetch\n        run: |\n");
        for r in runs {
            out.push_str(&format!("          {}\n", RUNS[*r]));
        }
    } else {
        for (k, r) in runs.iter().enumerate() {
            out.push_str(&format!("      - name: s{k}\n        run: {}\n", RUNS[*r]));
        }
    }
    out.push_str(OTHER_JOBS[other]);
    out
}

/// The secrets `job` reads in `text` (`None` when the job is gone).
fn job_secrets(text: &str, job: &str) -> Option<Vec<String>> {
    let doc = yaml::parse(text.as_bytes());
    let root = doc.root.as_ref()?;
    let wf = Workflow::new(root);
    let j = wf.job(job)?;
    Some(
        audit::secret_names(j.node())
            .iter()
            .map(|s| s.to_ascii_uppercase())
            .collect(),
    )
}

/// What a fix's new text may contain: each command in a retry loop is one
/// the source runs (or the pull of an image the source names), and each
/// secret the fixed workflow's expressions read is one the source's read.
fn check(src: &str, out: &str, new_texts: &[&str]) -> Result<(), String> {
    let doc = yaml::parse(src.as_bytes());
    let root = doc.root.as_ref().ok_or("no document")?;
    let read: Vec<String> = audit::secret_names(root)
        .iter()
        .map(|s| s.to_ascii_uppercase())
        .collect();
    for text in new_texts {
        for line in text.lines().map(str::trim) {
            if text.contains("for attempt in")
                && let Some(write) = WRITES.iter().find(|w| line.contains(*w))
            {
                let on_refusal = write.starts_with("gh ")
                    && line == format!("{{ {write}; }} 2>\"$autoheal_stderr\" || autoheal_status=$?")
                    && text.contains("grep -q -e 'abuse detection mechanism' -e 'exceeded a secondary rate limit'");
                if !on_refusal {
                    return Err(format!("`{write}` writes, and a retry loop would repeat it"));
                }
            }
        }
        for cmd in retried_commands(text) {
            let from_source = match cmd
                .strip_prefix("docker pull ")
                .or_else(|| cmd.strip_prefix("podman pull "))
            {
                Some(args) => args
                    .split(' ')
                    .all(|w| src.split_whitespace().any(|s| s.trim_matches('"') == w)),
                None => src.contains(cmd),
            };
            if !from_source {
                return Err(format!("`{cmd}` is not the workflow's"));
            }
        }
    }
    // Script text copied into a loop is the workflow's own; an expression
    // that reads a secret the workflow did not read is new.
    let after_doc = yaml::parse(out.as_bytes());
    let after: Vec<String> = after_doc
        .root
        .as_ref()
        .map(|r| audit::secret_names(r).iter().map(|s| s.to_ascii_uppercase()).collect())
        .unwrap_or_default();
    if let Some(new) = after.iter().find(|s| *s != "GITHUB_TOKEN" && !read.contains(s)) {
        return Err(format!("secret `{new}` is not read by the workflow"));
    }
    let privileged = audit::privileged_triggers().any(|t| audit::has_trigger(root, t));
    if privileged {
        let before = job_secrets(src, "b").unwrap_or_default();
        let after = job_secrets(out, "b").ok_or("job b gone")?;
        if let Some(new) = after.iter().find(|s| !before.contains(s) && *s != "GITHUB_TOKEN") {
            return Err(format!("job b now reads `{new}` under a privileged trigger"));
        }
        if new_texts.iter().any(|t| t.contains("docker/login-action")) {
            return Err(
                "a registry login (which leaves its credentials on the runner) under a privileged trigger".into(),
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn rate_limit_fixes_add_only_what_the_workflow_has(
        trigger in 0..TRIGGERS.len(),
        setup in 0..SETUPS.len(),
        runs in proptest::collection::vec(0..RUNS.len(), 1..4),
        block in any::<bool>(),
        other in 0..OTHER_JOBS.len(),
        comment in any::<bool>(),
        service in 0..RateLimitService::ALL.len(),
        step in proptest::option::of(0usize..4),
        locks in any::<bool>(),
    ) {
        let src = render(trigger, setup, &runs, block, other, comment);
        let mut f = FailureInput::new(Category::RateLimit, None)
            .in_job("b")
            .limited_by(RateLimitService::ALL[service]);
        if let Some(k) = step {
            f = f.at_step_name(if block { "Fetch".to_string() } else { format!("s{k}") }.as_str());
        }
        let listing: &[(&str, &str)] = if locks {
            &[("package-lock.json", "{}"), ("web/package-lock.json", "{}"), ("requirements.txt", ""), ("pom.xml", "")]
        } else {
            &[]
        };
        let repo = MemoryRepo::new(listing.iter().map(|(p, t)| (p.to_string(), t.to_string())));
        let outcome = fixes_for(&f, PATH, &src, &repo);
        for fix in &outcome.fixes {
            let files: Files = [(PATH.to_string(), src.clone())].into();
            let changed = apply_fixes(&files, [fix]).expect("a verified fix applies");
            let out = changed.get(PATH).expect("the workflow changed");
            prop_assert!(!yaml::parse(out.as_bytes()).has_parse_errors(), "does not parse:\n{}", out);
            let texts: Vec<&str> = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            if let Err(why) = check(&src, out, &texts) {
                prop_assert!(false, "{}: {}\n--- source\n{}\n--- fixed\n{}", fix.title, why, src, out);
            }
        }
    }
}
