use crate::test_support::*;
use crate::{Category, FailureInput, RateLimitService, fixes_for};

fn first_fix(f: &FailureInput, src: &str) -> autoheal_engine::Fix {
    first_fix_in(f, src, &autoheal_engine::repo::NoRepo)
}

/// The first fix with the rest of the repository given.
fn first_fix_in(f: &FailureInput, src: &str, repo: &dyn autoheal_engine::repo::RepoFiles) -> autoheal_engine::Fix {
    let o = fixes_for(f, PATH, src, repo);
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
        "          echo pulling\n          # Retry with exponential backoff and jitter: the Docker Hub rate limit resets after a while.\n          for attempt in 1 2 3 4 5; do\n            autoheal_status=0\n            if docker pull python:3.12-slim; then break; else autoheal_status=$?; fi   # base\n"
    ), "{out}");
    assert!(
        out.contains(
            "            sleep \"$delay\"\n          done\n          (exit \"$autoheal_status\")\n      - name: Push\n"
        ),
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
    assert!(
        out.contains("            if npm ci; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
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
    let src = "on: push\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: gh api repos/o/r/issues --jq length\r\n";
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
        out.contains("            if gh api repos/o/r/issues --jq length; then break; else autoheal_status=$?; fi\r\n"),
        "{out:?}"
    );
    assert!(
        out.contains("delay=$(( (1 << (attempt - 1)) * 60 + RANDOM % 10 ))"),
        "{out:?}"
    );
    // A field makes `gh api` a POST (the GitHub CLI manual): a write, which a
    // loop on any failure would repeat (a second issue). It is sent again
    // only when its error output is GitHub's secondary-limit refusal, and
    // the command's own exit status ends the step otherwise.
    let post = src.replace("--jq length", "-f title=x");
    let out = apply_only(&secondary, &post);
    let expected = [
        "      - run: |",
        "          # Sent again only when GitHub refused it with its secondary rate limit: a refused request changed nothing.",
        "          autoheal_stderr=\"$(mktemp)\"",
        "          for attempt in 1 2 3 4 5; do",
        "            autoheal_status=0",
        "            { gh api repos/o/r/issues -f title=x; } 2>\"$autoheal_stderr\" || autoheal_status=$?",
        "            cat \"$autoheal_stderr\" >&2",
        "            if [ \"$autoheal_status\" -eq 0 ] || [ \"$attempt\" -eq 5 ] || ! grep -q -e 'abuse detection mechanism' -e 'exceeded a secondary rate limit' \"$autoheal_stderr\"; then",
        "              break",
        "            fi",
        "            delay=$(( (1 << (attempt - 1)) * 60 + RANDOM % 10 ))",
        "            echo \"attempt $attempt was refused by the GitHub secondary rate limit; retrying in ${delay}s\" >&2",
        "            sleep \"$delay\"",
        "          done",
        "          rm -f \"$autoheal_stderr\"",
        "          (exit \"$autoheal_status\")",
    ]
    .join("\r\n");
    assert!(out.ends_with(&format!("{expected}\r\n")), "{out:?}");
    assert_eq!(crate::retried_commands(&out), ["gh api repos/o/r/issues -f title=x"]);
}

/// Maven Central: Maven's resolver retries the refused downloads itself
/// (`MAVEN_OPTS`), and setup-java caches them; the build is never looped.
#[test]
fn maven_central_configures_the_resolvers_retry_and_never_loops_the_build() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n      - run: ./mvnw -B verify\n";
    let f = limited(RateLimitService::MavenCentral, "build");
    let fix = &first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Cache maven dependencies and let Maven retry refused downloads in step \"Run ./mvnw -B verify\" (Maven Central rate limit)"
    );
    assert!(fix.explanation.contains("Maven 3.9.5"), "{}", fix.explanation);
    let out = apply_only(&f, src);
    assert!(
        out.contains("          java-version: '21'\n          cache: maven\n"),
        "{out}"
    );
    assert!(out.ends_with(
        "      - run: ./mvnw -B verify\n        env:\n          MAVEN_OPTS: '-Daether.connector.http.retryHandler.count=6 -Daether.connector.http.retryHandler.interval=10000'\n"
    ), "{out}");
    assert!(!out.contains("for attempt"), "the build is never looped: {out}");

    // A resolve-only goal gets the same setting (no loop either).
    let go_offline = src.replace("./mvnw -B verify", "mvn -B dependency:go-offline");
    let out = apply_only(&f, &go_offline);
    assert!(
        out.contains("MAVEN_OPTS: '-Daether") && !out.contains("for attempt"),
        "{out}"
    );

    // MAVEN_OPTS of the workflow is kept: the step adds to it.
    let opts = src.replace("jobs:\n", "env:\n  MAVEN_OPTS: -Xmx2g\njobs:\n");
    let out = apply_only(&f, &opts);
    assert!(
        out.contains(
            "        env:\n          MAVEN_OPTS: ${{ env.MAVEN_OPTS }} -Daether.connector.http.retryHandler.count=6"
        ),
        "{out}"
    );
    // The step's own value is extended.
    let own = src.replace(
        "      - run: ./mvnw -B verify\n",
        "      - run: ./mvnw -B verify\n        env:\n          MAVEN_OPTS: -Xmx2g\n",
    );
    let out = apply_only(&f, &own);
    assert!(out.contains(
        "          MAVEN_OPTS: '-Xmx2g -Daether.connector.http.retryHandler.count=6 -Daether.connector.http.retryHandler.interval=10000'\n"
    ), "{out}");
    // Set some other way (a script writing $GITHUB_ENV): only the cache is
    // offered, and the explanation says what to add.
    let elsewhere = src.replace(
        "      - run: ./mvnw",
        "      - run: echo \"MAVEN_OPTS=-Xmx2g\" >> \"$GITHUB_ENV\"\n      - run: ./mvnw",
    );
    let fix = first_fix(&f, &elsewhere);
    assert!(
        fix.title.starts_with("Cache maven dependencies in step"),
        "{}",
        fix.title
    );
    assert!(fix.explanation.contains("also set outside"), "{}", fix.explanation);
    // No checkout before setup-java: its cache would fail on the missing
    // pom.xml, so only the resolver setting.
    let no_checkout = src.replace("      - uses: actions/checkout@v4\n", "");
    let fix = first_fix(&f, &no_checkout);
    assert!(!fix.title.contains("Cache"), "{}", fix.title);
    assert!(fix.explanation.contains("not checked out"), "{}", fix.explanation);
    // Another repository checked out into the workspace after this one
    // replaces it: the key file is not this repository's (the one reading
    // of checkouts, `checkout::before`).
    let replaced = src.replace(
        "      - uses: actions/checkout@v4\n",
        "      - uses: actions/checkout@v4\n      - uses: actions/checkout@v4\n        with:\n          repository: o/other\n",
    );
    let fix = first_fix(&f, &replaced);
    assert!(!fix.title.contains("Cache"), "{}", fix.title);
    assert!(fix.explanation.contains("another repository"), "{}", fix.explanation);

    // The job already caches ~/.m2 with actions/cache: no second cache.
    let cached = src.replace(
        "      - run: ./mvnw",
        "      - uses: actions/cache@v4\n        with:\n          path: ~/.m2/repository\n          key: m2\n      - run: ./mvnw",
    );
    let fix = first_fix(&f, &cached);
    assert!(!fix.title.contains("Cache"), "{}", fix.title);
    // A release workflow never gets a cache (cache poisoning).
    let release = src.replace("on: push\n", "on:\n  release:\n    types: [published]\n");
    let fix = first_fix(&f, &release);
    assert!(!fix.title.contains("Cache"), "{}", fix.title);
    assert!(fix.explanation.contains("publishes releases"), "{}", fix.explanation);
}

/// Gradle (and sbt) builds that hit Maven Central or the plugin portal:
/// never a loop around the build (it would run the tests again); the
/// dependency cache where setup-java is used, else no fix and why.
#[test]
fn gradle_builds_are_cached_never_looped() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n      - run: ./gradlew build\n";
    for service in [RateLimitService::MavenCentral, RateLimitService::GradlePluginPortal] {
        let f = limited(service, "build");
        let fix = first_fix(&f, src);
        assert!(
            fix.title.starts_with("Cache gradle dependencies in step"),
            "{}",
            fix.title
        );
        assert!(
            fix.explanation.contains("`./gradlew build` does more than fetch"),
            "{}",
            fix.explanation
        );
        let out = apply_only(&f, src);
        assert!(
            out.contains("          cache: gradle\n") && !out.contains("for attempt"),
            "{out}"
        );
        let without_setup = src.replace("      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n", "");
        let why = manual_reason(&f, &without_setup);
        assert!(why.contains("does more than fetch"), "{why}");
    }
}

/// Commands that also build, test or run code are never wrapped in a
/// retry loop, even when the log names their line.
#[test]
fn test_running_commands_are_never_retried() {
    for (service, run) in [
        (RateLimitService::GoProxy, "go test ./..."),
        (RateLimitService::Npm, "npx jest"),
        (RateLimitService::Npm, "yarn test"),
        (RateLimitService::Pypi, "uv run pytest"),
        (
            RateLimitService::DockerHub,
            "docker run --rm node:20 npm test && echo ok",
        ),
        (RateLimitService::DockerHub, "docker build -t app ."),
        (RateLimitService::Quay, "docker compose up -d"),
    ] {
        let src = format!(
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Work\n        run: |\n          echo start\n          {run}\n"
        );
        let f = limited(service, "t").at_step_name("Work");
        let why = manual_reason(&f, &src);
        assert!(why.contains("does more than fetch"), "{run}: {why}");
        let mut named = f.clone();
        named.script_line = Some(2);
        let why = manual_reason(&named, &src);
        assert!(why.contains("does more than fetch"), "{run}: {why}");
    }
    // A `docker run` of a Docker Hub image: its image is pulled first, in
    // the loop; the run itself stays once, after it.
    let run = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Work\n        run: |\n          docker run --rm -v \"$PWD:/w\" node:20 npm test   # tests\n";
    let out = apply_only(&limited(RateLimitService::DockerHub, "t"), run);
    assert!(
        out.contains("            if docker pull node:20; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    assert!(
        out.ends_with("          done\n          (exit \"$autoheal_status\")\n          docker run --rm -v \"$PWD:/w\" node:20 npm test   # tests\n"),
        "{out}"
    );
    assert_eq!(out.matches("npm test").count(), 1, "{out}");
    // A line that installs and then tests is not cut apart.
    let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci && npm test\n";
    assert!(manual_reason(&limited(RateLimitService::Npm, "t"), src).contains("does more than fetch"));
}

/// A registry's retry wraps only pulls of an image on that registry's host.
#[test]
fn registry_retries_wrap_only_pulls_from_that_host() {
    let src = "\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Images
        run: |
          docker pull python:3.12
          docker pull ghcr.io/o/tool:1
";
    for service in [RateLimitService::Quay, RateLimitService::EcrPublic] {
        let why = manual_reason(&limited(service, "build").at_step_name("Images"), src);
        assert!(
            why.contains("does more than fetch") && why.contains("another host"),
            "{why}"
        );
    }
    let out = apply_only(&limited(RateLimitService::Ghcr, "build").at_step_name("Images"), src);
    assert!(
        out.contains("            if docker pull ghcr.io/o/tool:1; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    assert!(out.contains("          docker pull python:3.12\n"), "{out}");
    let out = apply_only(
        &limited(RateLimitService::DockerHub, "build").at_step_name("Images"),
        src,
    );
    assert!(
        out.contains("            if docker pull python:3.12; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    assert!(out.contains("          docker pull ghcr.io/o/tool:1\n"), "{out}");
}

const NODE_JOB: &str = "\
on: push
jobs:
  web:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install
        run: npm ci
";

/// npm 429 with setup-node: the retry, and `cache: npm` only when the lock
/// file setup-node needs is in the repository.
#[test]
fn npm_gets_setup_nodes_cache_only_with_its_lock_file() {
    let f = limited(RateLimitService::Npm, "web");
    let with_lock = repo(&[("package.json", "{}"), ("package-lock.json", "{}")]);
    let files = apply_with_repo(&f, NODE_JOB, &with_lock);
    let out = &files[PATH];
    assert!(
        out.contains("          node-version: 20\n          cache: npm\n"),
        "{out}"
    );
    assert!(
        out.contains("            if npm ci; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    let fix = first_fix_in(&f, NODE_JOB, &with_lock);
    assert_eq!(
        fix.title,
        "Retry `npm ci` and cache npm dependencies in step \"Install\" (npm registry rate limit)"
    );

    // No lock file (or no listing): retry only, and the explanation says why.
    for r in [repo(&[("package.json", "{}")]), repo(&[]).with_unknown_listing()] {
        let fix = first_fix_in(&f, NODE_JOB, &r);
        assert_eq!(
            fix.title,
            "Retry `npm ci` in step \"Install\" (npm registry rate limit)"
        );
        assert!(fix.explanation.contains("package-lock.json"), "{}", fix.explanation);
    }

    // The lock file only in the step's working directory: named with
    // `cache-dependency-path`.
    let in_dir = NODE_JOB.replace(
        "      - name: Install\n",
        "      - name: Install\n        working-directory: web\n",
    );
    let files = apply_with_repo(&f, &in_dir, &repo(&[("web/package-lock.json", "{}")]));
    assert!(
        files[PATH].contains("          cache: npm\n          cache-dependency-path: web/package-lock.json\n"),
        "{}",
        files[PATH]
    );

    // pnpm needs pnpm installed before setup-node.
    let pnpm = NODE_JOB.replace("run: npm ci", "run: pnpm install --frozen-lockfile");
    let r = repo(&[("pnpm-lock.yaml", "")]);
    let fix = first_fix_in(&f, &pnpm, &r);
    assert!(
        !fix.title.contains("cache") && fix.explanation.contains("pnpm/action-setup"),
        "{}",
        fix.explanation
    );
    let with_action = pnpm.replace(
        "      - uses: actions/setup-node@v4\n",
        "      - uses: pnpm/action-setup@v4\n      - uses: actions/setup-node@v4\n",
    );
    assert!(apply_with_repo(&f, &with_action, &r)[PATH].contains("cache: pnpm\n"));

    // Yarn 2+ pinned through Corepack: the runner's Yarn 1 would refuse.
    let yarn = NODE_JOB.replace("run: npm ci", "run: yarn install --immutable");
    let berry = repo(&[
        ("yarn.lock", ""),
        ("package.json", r#"{"packageManager": "yarn@4.1.0"}"#),
    ]);
    let fix = first_fix_in(&f, &yarn, &berry);
    assert!(
        !fix.title.contains("cache") && fix.explanation.contains("yarn@4.1.0"),
        "{}",
        fix.explanation
    );
    let classic = repo(&[("yarn.lock", ""), ("package.json", "{}")]);
    assert!(apply_with_repo(&f, &yarn, &classic)[PATH].contains("cache: yarn\n"));

    // An existing `cache:` (even empty: the project chose) is left alone.
    let chosen = NODE_JOB.replace("node-version: 20\n", "node-version: 20\n          cache: ''\n");
    let fix = first_fix_in(&f, &chosen, &with_lock);
    assert!(!fix.title.contains("cache"), "{}", fix.title);
}

/// pip 429 with setup-python: `cache: pip` only with a file it accepts.
#[test]
fn pip_gets_setup_pythons_cache_only_with_a_requirements_file() {
    let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: python -m pip install -r requirements/dev.txt\n";
    let f = limited(RateLimitService::Pypi, "t");
    let out = &apply_with_repo(&f, src, &repo(&[("requirements/requirements.txt", "")]))[PATH];
    assert!(
        out.contains("          python-version: '3.12'\n          cache: pip\n"),
        "{out}"
    );
    // v5 also accepts pyproject.toml; v4 does not.
    let pyproject = repo(&[("pyproject.toml", "")]);
    assert!(apply_with_repo(&f, src, &pyproject)[PATH].contains("cache: pip\n"));
    let v4 = src.replace("setup-python@v5", "setup-python@v4");
    let fix = first_fix_in(&f, &v4, &pyproject);
    assert!(!fix.title.contains("cache"), "{}", fix.title);
    // uv has its own cache, not setup-python's pip cache.
    let uv = src.replace("python -m pip install -r requirements/dev.txt", "uv sync");
    let fix = first_fix_in(&f, &uv, &pyproject);
    assert!(!fix.title.contains("cache"), "{}", fix.title);
}

/// pipenv and poetry: setup-python's `cache: pipenv|poetry` only with the
/// lock file it keys on in the repository, and for poetry only when Poetry
/// is installed before setup-python (it is asked for its cache folder).
#[test]
fn pipenv_and_poetry_get_setup_pythons_cache_only_with_their_prerequisites() {
    let f = limited(RateLimitService::Pypi, "t");
    let pipenv = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install pipenv\n      - name: Install\n        run: pipenv install --deploy\n";
    let locked = repo(&[("Pipfile", ""), ("Pipfile.lock", "{}")]);
    let out = &apply_with_repo(&f.clone().at_step_name("Install"), pipenv, &locked)[PATH];
    assert!(
        out.contains("          python-version: '3.12'\n          cache: pipenv\n"),
        "{out}"
    );
    assert!(
        out.contains("            if pipenv install --deploy; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    // No lock file, no listing, or a setup-python before the documented
    // value: the retry only, and the explanation says why.
    for (r, src, why) in [
        (repo(&[("Pipfile", "")]), pipenv.to_string(), "no `Pipfile.lock`"),
        (
            repo(&[]).with_unknown_listing(),
            pipenv.to_string(),
            "file list is not known",
        ),
        (
            locked.clone(),
            pipenv.replace("setup-python@v5", "setup-python@v2"),
            "predates",
        ),
    ] {
        let fix = first_fix_in(&f.clone().at_step_name("Install"), &src, &r);
        assert!(!fix.title.contains("cache"), "{}", fix.title);
        assert!(fix.explanation.contains(why), "{why}: {}", fix.explanation);
    }

    let f = f.at_step_name("Install");
    let poetry = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pipx install poetry==1.8.3\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - name: Install\n        run: poetry install --no-root\n";
    let locked = repo(&[("pyproject.toml", ""), ("poetry.lock", "")]);
    let fix = first_fix_in(&f, poetry, &locked);
    assert_eq!(
        fix.title,
        "Retry `poetry install --no-root` and cache poetry dependencies in step \"Install\" (PyPI rate limit)"
    );
    assert!(apply_with_repo(&f, poetry, &locked)[PATH].contains("          cache: poetry\n"));
    // Poetry installed only after setup-python (or not at all): no cache.
    let late = poetry.replace("      - run: pipx install poetry==1.8.3\n", "").replace(
        "      - name: Install\n",
        "      - run: pipx install poetry\n      - name: Install\n",
    );
    let fix = first_fix_in(&f, &late, &locked);
    assert!(
        !fix.title.contains("cache") && fix.explanation.contains("does not install Poetry before"),
        "{}",
        fix.explanation
    );
    // Poetry from its installer action counts; a lock file is still needed.
    let action = poetry.replace(
        "      - run: pipx install poetry==1.8.3\n",
        "      - uses: snok/install-poetry@v1\n",
    );
    assert!(apply_with_repo(&f, &action, &locked)[PATH].contains("cache: poetry\n"));
    let fix = first_fix_in(&f, &action, &repo(&[("pyproject.toml", "")]));
    assert!(fix.explanation.contains("no `poetry.lock`"), "{}", fix.explanation);
    // A package merely named like poetry is not Poetry.
    let lookalike = poetry.replace("pipx install poetry==1.8.3", "pipx install poetry-dynamic-versioning");
    assert!(!first_fix_in(&f, &lookalike, &locked).title.contains("cache"));
}

/// uv: setup-uv's `enable-cache` is added only where it is off by default
/// (v3, v4) and its default key file (`**/uv.lock`) exists; from v5 on it
/// caches by default on GitHub-hosted runners, so nothing is added.
#[test]
fn uv_gets_setup_uvs_cache_only_where_it_is_off_and_keyed_on_an_existing_lock() {
    let f = limited(RateLimitService::Pypi, "t");
    let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: astral-sh/setup-uv@v4\n      - run: uv sync --locked\n";
    let locked = repo(&[("pyproject.toml", ""), ("uv.lock", "")]);
    let fix = first_fix_in(&f, src, &locked);
    assert_eq!(
        fix.title,
        "Retry `uv sync --locked` and cache uv dependencies in step \"Run uv sync --locked\" (PyPI rate limit)"
    );
    assert!(
        fix.explanation.contains("`enable-cache: true`, keyed on `uv.lock`"),
        "{}",
        fix.explanation
    );
    let out = &apply_with_repo(&f, src, &locked)[PATH];
    assert!(
        out.contains("      - uses: astral-sh/setup-uv@v4\n        with:\n          enable-cache: 'true'\n"),
        "{out}"
    );
    for (src, r, why) in [
        (src.to_string(), repo(&[("pyproject.toml", "")]), Some("no `uv.lock`")),
        (src.replace("@v4", "@v2"), locked.clone(), Some("setup-uv v2")),
        (src.replace("@v4", "@v6"), locked.clone(), None),
        // The project chose: an explicit `enable-cache`, even `false`.
        (
            src.replace(
                "setup-uv@v4\n",
                "setup-uv@v4\n        with:\n          enable-cache: false\n",
            ),
            locked.clone(),
            None,
        ),
    ] {
        let fix = first_fix_in(&f, &src, &r);
        assert!(!fix.title.contains("cache"), "{src}: {}", fix.title);
        if let Some(why) = why {
            assert!(fix.explanation.contains(why), "{why}: {}", fix.explanation);
        }
    }
    // Never in a workflow whose pull requests would write the cache the
    // base branch restores.
    let target = src.replace("on: push", "on: pull_request_target");
    let fix = first_fix_in(&f, &target, &locked);
    assert!(fix.explanation.contains("pull_request_target"), "{}", fix.explanation);
}

/// Docker Hub: the login reuses credentials the workflow already gives a
/// Docker Hub login; a secret merely named `DOCKER…` is not taken for one.
#[test]
fn docker_hub_login_reuses_only_credentials_that_are_docker_hubs() {
    let pull = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull node:20\n";
    let f = limited(RateLimitService::DockerHub, "b");
    let elsewhere = format!(
        "{pull}  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: acme\n          password: ${{{{ secrets.HUB_RW }}}}\n"
    );
    let out = apply_only(&f, &elsewhere);
    assert!(
        out.contains(
            "        with:\n          username: acme\n          password: ${{ secrets.HUB_RW }}\n      - run: |\n"
        ),
        "{out}"
    );
    // Another registry's login, or names that do not say Docker Hub: the
    // login is only suggested.
    for other in [
        elsewhere.replace(
            "        with:\n",
            "        with:\n          registry: registry.example.com\n",
        ),
        format!(
            "{pull}        env:\n          A: ${{{{ secrets.DOCKER_USER }}}} ${{{{ secrets.DOCKER_IMAGE_PATH }}}}\n"
        ),
    ] {
        let fix = first_fix(&f, &other);
        assert!(!fix.title.contains("Log in"), "{}", fix.title);
        assert!(fix.explanation.contains("docker/login-action"), "{}", fix.explanation);
        assert!(
            fix.edits.iter().all(|e| !e.new_text.contains("secrets.")),
            "{:?}",
            fix.edits
        );
    }
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
        out.contains("    if docker pull quay.io/acme/base:1; then break; else autoheal_status=$?; fi\n"),
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
    assert!(
        out.contains("          if go mod download; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
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
          gh issue view 1
          cat > note.md <<'EOF'
          gh is mentioned here
          EOF
          gh run view 12 --log   # note
";
    let f = limited(RateLimitService::GithubRestSecondary, "triage").at_step_name("Label");
    let fix = first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Retry `gh issue view 1` and 1 more command(s) in step \"Label\" (GitHub REST API secondary rate limit)"
    );
    assert!(
        fix.explanation.contains("each one that talks to the service"),
        "{}",
        fix.explanation
    );
    let out = apply_only(&f, src);
    assert!(
        out.contains("            if gh issue view 1; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    assert!(
        out.contains("            if gh run view 12 --log; then break; else autoheal_status=$?; fi   # note\n"),
        "{out}"
    );
    assert!(
        out.contains("          gh is mentioned here\n          EOF\n"),
        "the heredoc is untouched: {out}"
    );
    assert_eq!(out.matches("for attempt in").count(), 2, "{out}");
    assert_eq!(
        crate::retried_commands(&out),
        ["gh issue view 1", "gh run view 12 --log"]
    );

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
        "          gh issue view 1\n",
        "          gh release download v1 \\\n            --pattern \"*.tgz\" \\\n            --dir dist\n",
    );
    let out = apply_only(&f, &multi);
    assert!(
        out.contains(
            "            if gh release download v1 \\\n              --pattern \"*.tgz\" \\\n              --dir dist; then break; else autoheal_status=$?; fi\n"
        ),
        "{out}"
    );
    // A write in the step (here a comment, and a pull request continued
    // over lines): the log does not say which command was refused, it may
    // be the write, and a loop on any failure would post it twice. Each is
    // sent again only on GitHub's refusal; the read keeps its plain retry.
    for (write, first) in [
        (
            "          gh issue comment 1 --body-file note.md\n",
            "{ gh issue comment 1 --body-file note.md; } 2>",
        ),
        (
            "          gh pr create \\\n            --title \"Bump\" \\\n            --body \"x\"\n",
            "            { gh pr create \\\n              --title \"Bump\" \\\n              --body \"x\"; } 2>\"$autoheal_stderr\"",
        ),
    ] {
        let with_write = src.replace("          gh issue view 1\n", write);
        let out = apply_only(&f, &with_write);
        assert!(out.contains(first), "{out}");
        assert!(
            out.contains("if gh run view 12 --log; then break; else autoheal_status=$?; fi"),
            "{out}"
        );
    }
    // A write whose repeat may double something blocks every loop.
    let unsafe_write = src.replace(
        "          gh issue view 1\n",
        "          gh issue create -t x -b y --project Roadmap\n",
    );
    let reason = manual_reason(&f, &unsafe_write);
    assert!(
        reason.contains("writes") && reason.contains("no command of this step is looped"),
        "{reason}"
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

/// nuget.org: NuGet's own 429 retry gets more tries on the step that runs
/// `dotnet`; `dotnet test` is never looped.
#[test]
fn nuget_gets_more_tries_of_its_own_retry() {
    let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet test -c Release\n";
    let f = limited(RateLimitService::NuGet, "t");
    let fix = first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Give NuGet more tries in step \"Run dotnet test -c Release\" (nuget.org rate limit)"
    );
    let out = apply_only(&f, src);
    assert!(
        out.ends_with(
            "      - run: dotnet test -c Release\n        env:\n          NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT: '10'\n"
        ),
        "{out}"
    );
    assert!(!out.contains("for attempt"), "{out}");
    let set = src.replace("jobs:\n", "env:\n  NUGET_RETRY_HTTP_429: false\njobs:\n");
    assert!(manual_reason(&f, &set).contains("NUGET_RETRY_HTTP_429"));
}

/// The wrapper's download from services.gradle.org: setup-java's Gradle
/// cache keeps `~/.gradle/wrapper`; the build the wrapper runs is never
/// looped; without setup-java, no fix and why.
#[test]
fn the_gradle_distribution_download_is_cached_never_looped() {
    let src = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n      - run: ./gradlew check\n";
    let f = limited(RateLimitService::GradleDistributions, "b");
    let fix = first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Cache gradle dependencies in step \"Run ./gradlew check\" (Gradle distribution server rate limit)"
    );
    assert!(fix.explanation.contains("`~/.gradle/wrapper`"), "{}", fix.explanation);
    let out = apply_only(&f, src);
    assert!(
        out.contains("          cache: gradle\n") && !out.contains("for attempt"),
        "{out}"
    );
    let plain = src.replace("      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: '21'\n", "");
    let why = manual_reason(&f, &plain);
    assert!(
        why.contains("does more than fetch") && why.contains("Gradle 9.5"),
        "{why}"
    );
}

// What the edits may take from where. The log only names the service, the
// job, the step and a script line; every other byte of a rate-limit fix
// comes from the workflow and the repository listing, so the workflow's own
// text must not be able to make a fix that leaks a secret or breaks the job.

const HUB_SECRETS: &str =
    "          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n";

/// A pull job `b` and a `publish` job that logs in to Docker Hub, under `on`
/// and with `publish_extra` added to the publish job.
fn hub_workflow(on: &str, publish_extra: &str) -> String {
    format!(
        "on: {on}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker pull node:20\n  publish:\n    runs-on: ubuntu-latest\n{publish_extra}    steps:\n      - uses: docker/login-action@v3\n        with:\n{HUB_SECRETS}"
    )
}

fn logs_in(fix: &autoheal_engine::Fix) -> bool {
    fix.edits.iter().any(|e| e.new_text.contains("secrets."))
}

/// Secret names in a comment or in a script's plain text are no evidence
/// that the secrets exist: only `${{ secrets.X }}` expressions count.
#[test]
fn docker_hub_secret_names_count_only_inside_expressions() {
    let f = limited(RateLimitService::DockerHub, "b");
    for src in [
        "on: push\n# needs secrets.DOCKERHUB_USERNAME and secrets.DOCKERHUB_TOKEN one day\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull node:20\n",
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull node:20\n      - run: echo set secrets.DOCKERHUB_USERNAME and secrets.DOCKERHUB_TOKEN\n",
    ] {
        let fix = first_fix(&f, src);
        assert!(!logs_in(&fix), "{src}: {:?}", fix.edits);
        assert!(!fix.title.contains("Log in"), "{}", fix.title);
    }
}

/// Under `pull_request_target`, `workflow_run` or `issue_comment` a job may
/// run code from a fork with the repository's secrets: a login there would
/// leave the Docker Hub token in `~/.docker/config.json` for that code. The
/// credentials are only reused in a job that already holds them.
#[test]
fn docker_hub_secrets_never_move_into_a_job_of_a_privileged_trigger() {
    let f = limited(RateLimitService::DockerHub, "b");
    for on in [
        "pull_request_target",
        "workflow_run",
        "issue_comment",
        "[push, pull_request_target]",
    ] {
        let src = hub_workflow(on, "");
        let fix = first_fix(&f, &src);
        assert!(!logs_in(&fix), "{on}: {:?}", fix.edits);
        assert!(fix.explanation.contains("secrets"), "{on}: {}", fix.explanation);
    }
    // The job already holds the secrets: nothing new is exposed.
    let holds = hub_workflow("pull_request_target", "").replace(
        "      - run: docker pull node:20\n",
        "      - run: docker pull node:20\n        env:\n          HUB_USER: ${{ secrets.DOCKERHUB_USERNAME }}\n          HUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }}\n",
    );
    assert!(logs_in(&first_fix(&f, &holds)));
}

/// Environment secrets exist only in jobs that name the environment: copied
/// into another job they are empty and the login fails on every run.
#[test]
fn docker_hub_environment_secrets_stay_in_their_environment() {
    let f = limited(RateLimitService::DockerHub, "b");
    let src = hub_workflow("push", "    environment: release\n");
    let fix = first_fix(&f, &src);
    assert!(!logs_in(&fix), "{:?}", fix.edits);
    assert!(fix.explanation.contains("environment"), "{}", fix.explanation);
    let same = src.replace(
        "  b:\n    runs-on: ubuntu-latest\n",
        "  b:\n    runs-on: ubuntu-latest\n    environment: release\n",
    );
    assert!(logs_in(&first_fix(&f, &same)));
}

/// Pull requests from forks (and Dependabot's) get no secrets, so the login
/// would fail there; it may fail without failing the job, which then pulls
/// anonymously as before.
#[test]
fn docker_hub_login_on_pull_requests_may_fail_without_failing_the_job() {
    let f = limited(RateLimitService::DockerHub, "b");
    let out = apply_only(&f, &hub_workflow("[push, pull_request]", ""));
    assert!(
        out.contains("      - name: Log in to Docker Hub\n        uses: docker/login-action@v3\n        continue-on-error: true\n"),
        "{out}"
    );
    let push_only = apply_only(&f, &hub_workflow("push", ""));
    assert!(!push_only.contains("continue-on-error"), "{push_only}");
}

/// The pull written before a `docker run` is the run's image, read with the
/// Docker reference grammar: a quoted option value split at a space is no
/// image.
#[test]
fn the_pull_before_a_run_is_only_ever_the_runs_image() {
    let f = limited(RateLimitService::DockerHub, "t");
    for run in [
        "docker run --rm -e \"GREETING=hello world\" node:20 npm test",
        "docker run --rm -e 'A=1 B=2' node:20 npm test",
        "docker run --rm NODE:20 npm test",
    ] {
        let src = format!("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {run}\n");
        let o = outcome(&f, &src);
        for fix in &o.fixes {
            for e in &fix.edits {
                for pull in e.new_text.lines().filter_map(|l| l.split("docker pull ").nth(1)) {
                    assert!(pull.starts_with("node:20;"), "{run}: {pull}");
                }
            }
        }
    }
}

/// A lock file's directory is written as a YAML scalar that reads back as
/// that path.
#[test]
fn a_cache_dependency_path_is_quoted_when_yaml_needs_it() {
    let f = limited(RateLimitService::Npm, "web");
    let src = NODE_JOB.replace(
        "      - name: Install\n",
        "      - name: Install\n        working-directory: 'web #1'\n",
    );
    let files = apply_with_repo(&f, &src, &repo(&[("web #1/package-lock.json", "{}")]));
    let out = &files[PATH];
    assert!(
        out.contains("          cache-dependency-path: 'web #1/package-lock.json'\n"),
        "{out}"
    );
}

/// `issue_comment` runs write the default branch's cache like
/// `pull_request_target` and `workflow_run` do.
#[test]
fn no_cache_is_turned_on_under_any_privileged_trigger() {
    let f = limited(RateLimitService::Npm, "web");
    let with_lock = repo(&[("package.json", "{}"), ("package-lock.json", "{}")]);
    for on in ["issue_comment", "pull_request_target", "workflow_run"] {
        let src = NODE_JOB.replacen("on: push", &format!("on: {on}"), 1);
        let fix = first_fix_in(&f, &src, &with_lock);
        assert!(!fix.title.contains("cache"), "{on}: {}", fix.title);
    }
}

/// The same for GHCR: the job's token is not written where a fork's code
/// under a privileged trigger would find it.
#[test]
fn no_ghcr_login_under_a_privileged_trigger() {
    let f = limited(RateLimitService::Ghcr, "b");
    let src = "on: pull_request_target\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull ghcr.io/acme/base:1\n";
    let fix = first_fix(&f, src);
    assert!(
        fix.edits.iter().all(|e| !e.new_text.contains("GITHUB_TOKEN")),
        "{:?}",
        fix.edits
    );
    assert!(fix.explanation.contains("pull_request_target"), "{}", fix.explanation);
}

/// crates.io: cargo's own retry of failed downloads gets more tries on the
/// step that runs cargo, `cargo test` included; no command is looped.
#[test]
fn crates_io_gets_more_tries_of_cargos_own_retry() {
    let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: |\n          cargo fetch --locked\n          cargo test --locked\n";
    let f = limited(RateLimitService::CratesIo, "t");
    let fix = first_fix(&f, src);
    assert_eq!(
        fix.title,
        "Give cargo more tries in step \"Test\" (crates.io rate limit)"
    );
    assert!(
        fix.explanation.contains("up to 11 times instead of 4")
            && fix.explanation.contains("older cargo fails on a 429"),
        "{}",
        fix.explanation
    );
    let out = apply_only(&f, src);
    assert_eq!(out, format!("{src}        env:\n          CARGO_NET_RETRY: '10'\n"));
    // The step's own `env:` is extended; a Windows step gets it too (an
    // environment variable needs no POSIX shell).
    let windows = src.replace("ubuntu-latest", "windows-latest").replace(
        "      - name: Test\n",
        "      - name: Test\n        env:\n          RUSTFLAGS: -Dwarnings\n",
    );
    let out = apply_only(&f, &windows);
    assert!(
        out.contains("        env:\n          RUSTFLAGS: -Dwarnings\n          CARGO_NET_RETRY: '10'\n"),
        "{out}"
    );
    // Already set in the workflow or in the repository's cargo config:
    // raising it is the project's call.
    let set = src.replace("jobs:\n", "env:\n  CARGO_NET_RETRY: 2\njobs:\n");
    assert!(manual_reason(&f, &set).contains("already sets `CARGO_NET_RETRY`"));
    let configured = repo(&[(".cargo/config.toml", "[net]\nretry = 5\n")]);
    let o = fixes_for(&f, PATH, src, &configured);
    assert!(
        o.fixes.is_empty() && o.manual_reason.as_deref().is_some_and(|r| r.contains("net.retry")),
        "{o:?}"
    );
    // A step that only calls a cargo subcommand through another tool
    // (`cross`) gets nothing it would not pass on.
    let cross = src.replace(
        "cargo fetch --locked\n          cargo test --locked",
        "cross test --target aarch64-unknown-linux-gnu",
    );
    assert!(outcome(&f, &cross).fixes.is_empty());
}

/// Docker Hub refusing the anonymous pulls of `docker build` or `docker
/// compose up`: a retry would run the build again and the workflow has no
/// credentials, so no fix; the reason names what a person must add. With
/// Docker Hub credentials elsewhere in the workflow, the login is the fix.
#[test]
fn an_anonymous_docker_build_needs_credentials_a_person_must_add() {
    for run in [
        "docker build -t app .",
        "docker compose up -d --wait",
        "docker buildx build --platform linux/arm64 .",
    ] {
        let src = format!(
            "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: {run}\n"
        );
        let f = limited(RateLimitService::DockerHub, "b").at_step_name("Build");
        let why = manual_reason(&f, &src);
        // What a person must add leads: issue bodies cut long reasons.
        assert!(why.starts_with("a person must add Docker Hub credentials"), "{why}");
        for needed in [
            "10 anonymous pulls per hour",
            "no Docker Hub credentials",
            "personal access token",
            "repository secrets",
            "`docker/login-action` step using them before step \"Build\"",
            "does more than fetch",
            "forks get no secrets",
        ] {
            assert!(why.contains(needed), "{run}: {needed}: {why}");
        }
        // The same step in a workflow that logs in to Docker Hub elsewhere:
        // that login, before the build.
        let with_login = format!(
            "{src}  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: ${{{{ secrets.DOCKERHUB_USERNAME }}}}\n          password: ${{{{ secrets.DOCKERHUB_TOKEN }}}}\n"
        );
        let fix = first_fix(&f, &with_login);
        assert_eq!(
            fix.title,
            "Log in to Docker Hub in step \"Build\" (Docker Hub rate limit)"
        );
        // Already logged in: the account's own limit, said as such.
        let logged_in = src.replace(
            "      - name: Build\n",
            "      - uses: docker/login-action@v3\n        with:\n          username: u\n          password: ${{ secrets.HUB }}\n      - name: Build\n",
        );
        let why = manual_reason(&f, &logged_in);
        assert!(
            why.contains("account's own limit") && !why.contains("personal access token"),
            "{why}"
        );
    }
}

/// Log text reaches the cargo, pipenv/poetry/uv cache and Docker Hub fixes
/// only as the names that locate the job and step: a crafted subject, step
/// or matrix value never gets into an edit or a reason, and never makes a
/// fix that the same failure without it would not get.
#[test]
fn crafted_log_text_never_reaches_the_new_rate_limit_fixes() {
    let workflows = [
        (
            RateLimitService::CratesIo,
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: cargo test --locked\n",
        ),
        (
            RateLimitService::Pypi,
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pipx install poetry\n      - uses: actions/setup-python@v5\n      - name: Test\n        run: poetry install\n",
        ),
        (
            RateLimitService::Pypi,
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: astral-sh/setup-uv@v4\n      - name: Test\n        run: uv sync\n",
        ),
        (
            RateLimitService::DockerHub,
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: docker build -t app .\n",
        ),
    ];
    let files = repo(&[("poetry.lock", ""), ("uv.lock", ""), ("Pipfile.lock", "")]);
    for (service, src) in workflows {
        let honest = fixes_for(&limited(service, "t").at_step_name("Test"), PATH, src, &files);
        // Each new fix is there for the honest failure (the Docker build's
        // is the reason a person must add credentials).
        assert_eq!(
            honest.fixes.is_empty(),
            service == RateLimitService::DockerHub,
            "{src}: {honest:?}"
        );
        for hostile in HOSTILE {
            let trimmed = hostile.trim();
            let mut crafted = [
                FailureInput::new(Category::RateLimit, Some(hostile))
                    .in_job("t")
                    .at_step_name("Test")
                    .limited_by(service),
                FailureInput::new(Category::RateLimit, None)
                    .in_job(&format!("t ({hostile})"))
                    .at_step_name(hostile)
                    .limited_by(service),
            ];
            crafted[1].script_line = Some(1);
            for f in &crafted {
                let out = fixes_for(f, PATH, src, &files);
                for fix in &out.fixes {
                    assert!(
                        honest.fixes.iter().any(|h| h.edits == fix.edits),
                        "{service:?} {hostile:?}: a fix the honest failure does not get: {fix:?}"
                    );
                    for e in &fix.edits {
                        assert!(
                            trimmed.is_empty() || !e.new_text.contains(trimmed),
                            "{service:?} pasted {hostile:?}"
                        );
                    }
                }
                if let Some(why) = &out.manual_reason {
                    assert!(
                        trimmed.len() < 4 || !why.contains(trimmed),
                        "{service:?} echoed {hostile:?}: {why}"
                    );
                }
            }
        }
    }
}

/// Even when the log names the refused line, a write on it is never looped
/// on any failure: a second `gh release create` or `npm publish` after a
/// failure that came after the write took effect is a duplicate (or a
/// failure after a partial upload). Only GitHub's secondary limit says the
/// request was refused, and only `gh` prints GitHub's answer: a lone `gh`
/// write that one refusal leaves undone is sent again on that answer alone.
#[test]
fn a_write_named_by_the_log_is_looped_only_on_githubs_refusal() {
    let run = |service, line: &str| {
        let src = format!(
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Ship\n        run: |\n          echo go\n          {line}\n"
        );
        let mut f = limited(service, "r").at_step_name("Ship");
        f.script_line = Some(2);
        (fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo), src)
    };
    for line in [
        "gh release create v1 --notes-file notes.md -t 'v 1' --latest=false",
        "gh api --method PATCH repos/o/r -f private=true",
        r#"gh issue comment 1 --body "Thanks, \"$NAME\"!" # say thanks"#,
        "gh issue create -t 'Nightly failed' -b x -l ci > issue.txt",
        "gh release upload ${GITHUB_REF_NAME} --clobber $ASSETS",
    ] {
        let (o, src) = run(RateLimitService::GithubRestSecondary, line);
        let fix = o
            .fixes
            .first()
            .unwrap_or_else(|| panic!("{line}: {:?}", o.manual_reason));
        let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
        let code = line.split(" # ").next().unwrap_or(line);
        assert!(
            text.contains(&format!("  {{ {code}; }} 2>\"$autoheal_stderr\" || autoheal_status=$?")),
            "{line}: {text}"
        );
        assert!(
            !text.contains(&format!("if {code}")),
            "never looped on any failure: {text}"
        );
        assert!(
            fix.explanation.contains("only when GitHub refused it"),
            "{}",
            fix.explanation
        );
        let out = apply_only(
            &limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Ship"),
            &src,
        );
        assert!(
            out.contains("          echo go\n          # Sent again only when"),
            "{out}"
        );
    }
    for (service, line) in [
        (RateLimitService::Npm, "npm publish --provenance"),
        (RateLimitService::Ghcr, "docker push ghcr.io/o/img:1"),
        (RateLimitService::GithubRestPrimary, "gh release create v1"),
    ] {
        let (o, _) = run(service, line);
        assert!(
            o.fixes
                .iter()
                .all(|x| x.edits.iter().all(|e| !e.new_text.contains("for attempt"))),
            "{line}: {:?}",
            o.fixes.iter().map(|x| &x.title).collect::<Vec<_>>()
        );
    }
    // Writes whose refusal cannot be read, or whose repeat may double
    // something: the reason says why.
    for (line, why) in [
        ("gh issue create -t x -b y --project Roadmap", "several changes"),
        ("gh release create v1 && gh pr comment 1 -b x", "more than one command"),
        ("gh api -X POST repos/o/r/dispatches 2>&1", "error output is redirected"),
        (
            "gh api -X POST repos/o/r/dispatches 2>/dev/null",
            "error output is redirected",
        ),
        ("gh api --paginate -X POST graphql -f query=q", "several changes"),
        ("gh api -X POST repos/o/r/issues >> created.json", "appends"),
        ("gh api -X POST $ENDPOINT", "several changes"),
        ("gh issue create $ISSUE_ARGS", "several changes"),
        (
            "gh release create v1 --notes \"$(git log -1)\"",
            "runs a command of its own",
        ),
        ("gh some-extension publish", "several changes"),
        (
            "curl -X POST https://api.github.com/repos/o/r/dispatches",
            "only a `gh` command",
        ),
        ("gh release create v1;", "ends with an operator"),
        // gh makes a release with assets as a draft, uploads, then
        // publishes; a refused upload leaves the draft, and GitHub keeps
        // drafts apart even with one tag, so a repeat makes a second one
        // (cli/cli#6493 checks only for a *published* release first).
        ("gh release create v1 dist/app.tgz", "draft"),
        ("gh release create v1 --notes x 'dist/app.tgz#Linux build'", "draft"),
        ("gh release create --draft v1", "draft"),
        ("gh release create v1 -d -n x", "draft"),
        ("gh release create v1 --draft=true", "draft"),
        ("gh release create v1 --unknown-option x", "draft"),
        ("gh release create $TAG $FILES", "several changes"),
        (
            "gh issue comment 1 --body \"Thanks for ${{ github.event.issue.title }}\"",
            "outsider controls",
        ),
    ] {
        let (o, _) = run(RateLimitService::GithubRestSecondary, line);
        assert!(o.fixes.is_empty(), "{line}: {:?}", o.fixes);
        let reason = o.manual_reason.unwrap_or_default();
        assert!(reason.contains("writes") && reason.contains(why), "{line}: {reason}");
    }
}

/// A command indented deeper than its block (even deeper than the block's
/// own indentation) keeps its indentation, and the line before it is left as
/// written: the edit once started `own` bytes before the line's content,
/// which ate into the previous line, or underflowed (a fuzz finding, kept in
/// `fuzz/regressions/rate_limit_fix/`).
#[test]
fn a_deeper_indented_command_is_wrapped_in_place() {
    let src = "\
on: push
jobs:
  b:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo before
                        docker pull node:20
          echo after
";
    let f = limited(RateLimitService::DockerHub, "b");
    let out = apply_only(&f, src);
    assert!(
        out.contains("          echo before\n                        # Retry with exponential backoff"),
        "{out}"
    );
    assert!(
        out.contains("                        for attempt in 1 2 3 4 5; do\n                          autoheal_status=0\n                          if docker pull node:20; then break; else autoheal_status=$?; fi\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "                        done\n                        (exit \"$autoheal_status\")\n          echo after\n"
        ),
        "{out}"
    );
}

/// finfix: a command written with a trailing `;` is wrapped into
/// `if CMD;; then`, a bash syntax error that stops the whole script.
#[test]
fn finfix_a_trailing_semicolon_is_not_doubled_in_the_loop() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Image\n        run: |\n          echo hi\n          docker pull quay.io/acme/base:1;\n";
    let f = limited(RateLimitService::Quay, "build");
    let o = fixes_for(&f, PATH, src, &autoheal_engine::repo::NoRepo);
    if o.fixes.is_empty() {
        return;
    }
    let out = apply_only(&f, src);
    assert!(!out.contains(";;"), "{out}");
}

/// finfix: a list whose first command is a condition or a `cd` is looped
/// whole: a false condition (`grep -q … && pull`, which bash -e lets the
/// script go on after) now sleeps through five attempts and fails the step
/// with `(exit 1)`; a relative `cd` fails from the second attempt on, so
/// the pull is never sent again.
#[test]
fn finfix_a_list_with_a_condition_or_cd_first_is_not_looped_whole() {
    for line in [
        "grep -q beta VERSION && docker pull quay.io/acme/base:1",
        "cd web && docker pull quay.io/acme/base:1",
    ] {
        let src = format!(
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Image\n        run: |\n          {line}\n          make image\n"
        );
        let f = limited(RateLimitService::Quay, "build");
        let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
        for fix in &o.fixes {
            let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            assert!(
                !text.contains(&format!("if {line}; then")),
                "{line}: {:?}\n{text}",
                fix.applicability
            );
        }
    }
}

/// finfix: `|&` at a line's end pipes into the next line like `|`; the loop
/// written there becomes the pipeline's right side (a subshell), so
/// `(exit "$autoheal_status")` after it reads an unset status.
#[test]
fn finfix_a_line_after_a_pipe_with_stderr_is_not_wrapped() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Image\n        run: |\n          ./prepare.sh |&\n          docker pull quay.io/acme/base:1\n";
    let f = limited(RateLimitService::Quay, "build");
    let o = fixes_for(&f, PATH, src, &autoheal_engine::repo::NoRepo);
    assert!(o.fixes.is_empty(), "{:?}", o.fixes.first().map(|x| &x.title));
}

/// finfix L3f: after `fetch; other`, `fetch || true` or `fetch &` the loop's
/// condition would be the last command's status, not the fetch's: it would
/// never retry, so no loop is written.
#[test]
fn a_fetch_followed_by_another_command_on_its_line_is_not_looped() {
    for line in [
        "docker pull quay.io/acme/base:1; echo ok",
        "docker pull quay.io/acme/base:1 || true",
        "docker pull quay.io/acme/base:1 & wait",
        "echo pulling && docker pull quay.io/acme/base:1",
    ] {
        let src = format!(
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Image\n        run: |\n          {line}\n          make image\n"
        );
        let o = fixes_for(
            &limited(RateLimitService::Quay, "build"),
            PATH,
            &src,
            &autoheal_engine::repo::NoRepo,
        );
        for fix in &o.fixes {
            let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            assert!(!text.contains("for attempt in"), "{line}: {text}");
        }
    }
}

/// The `run:` block of `out`'s step "Image", dedented.
fn image_script(out: &str) -> String {
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "      - name: Image")
        .unwrap_or_else(|| panic!("{out}"));
    let run = (at..lines.len())
        .find(|&i| lines[i] == "        run: |")
        .unwrap_or_else(|| panic!("{out}"));
    lines[run + 1..]
        .iter()
        .take_while(|l| l.is_empty() || l.starts_with("          "))
        .map(|l| format!("{}\n", l.get(10..).unwrap_or("")))
        .collect()
}

/// Every loop written for a set of generated commands (trailing `;`, a
/// comment after it, quotes, an escaped `\;`, a pipeline, reads and
/// secondary-limit writes) is a script bash parses (`bash -n`), and a
/// trailing `;` is never doubled (finfix M1f).
#[test]
fn every_composed_loop_passes_bash_syntax_check() {
    let reads = [
        "docker pull quay.io/acme/base:1",
        "docker pull quay.io/acme/base:1;",
        "docker pull quay.io/acme/base:1 ;",
        "docker pull quay.io/acme/base:1; # base image",
        "docker pull quay.io/acme/base:1 # a; comment",
        "docker pull \"quay.io/acme/base:1\";",
        "docker pull 'quay.io/acme/base:1' ; # quoted",
        "docker pull quay.io/acme/base:1 | tee pull.txt;",
    ];
    let writes = [
        "gh issue comment 1 --body 'hi'",
        "gh issue comment 1 --body \"a; b\" # thanks",
        "gh api --method PATCH repos/o/r -f private=true",
    ];
    let cases = reads
        .iter()
        .map(|l| (RateLimitService::Quay, *l))
        .chain(writes.iter().map(|l| (RateLimitService::GithubRestSecondary, *l)));
    let mut checked = 0;
    for (service, line) in cases {
        let src = format!(
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Image\n        shell: bash\n        run: |\n          echo go\n          {line}\n"
        );
        // `shell: bash` sets `pipefail`, which a looped pipeline needs.
        let mut f = limited(service, "build").at_step_name("Image");
        f.script_line = Some(2);
        let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
        assert!(!o.fixes.is_empty(), "{line}: {:?}", o.manual_reason);
        let script = image_script(&apply_only(&f, &src));
        assert!(script.contains("for attempt in"), "{line}: {script}");
        assert!(!script.contains(";;"), "{line}: {script}");
        let check = std::process::Command::new("bash")
            .arg("-n")
            .arg("-c")
            .arg(&script)
            .output();
        let Ok(check) = check else {
            // No bash on this machine: the `;;` check above still holds.
            continue;
        };
        assert!(
            check.status.success(),
            "{line}: {}\n{script}",
            String::from_utf8_lossy(&check.stderr)
        );
        checked += 1;
    }
    assert!(checked > 0 || std::process::Command::new("bash").arg("--version").output().is_err());
}

/// An escaped `\;` is an argument (`find … -exec … \;`), not the `;` that
/// ends the command: it stays.
#[test]
fn only_an_unescaped_trailing_semicolon_is_dropped() {
    assert_eq!(super::retry::without_trailing_semicolon("a b;"), "a b");
    assert_eq!(super::retry::without_trailing_semicolon("a b ;"), "a b");
    assert_eq!(super::retry::without_trailing_semicolon("a \\;"), "a \\;");
    assert_eq!(super::retry::without_trailing_semicolon("a \\\\;"), "a \\\\");
    assert_eq!(super::retry::without_trailing_semicolon("a;;"), "a;;");
    assert_eq!(super::retry::without_trailing_semicolon("a"), "a");
}

/// Issue 12's open item: without `pipefail` a pipeline's status is its last
/// command's, so `gh api … | jq …` looped in a step without `shell:` (GitHub
/// runs it as `bash -e {0}`) never sees the fetch fail: no loop. `shell:
/// bash` (`bash --noprofile --norc -eo pipefail {0}`), a template passing
/// `-o pipefail`, or a `set -o pipefail` line before it makes the status the
/// fetch's, and the loop is written; `set +o pipefail` takes it back.
#[test]
fn a_pipeline_is_looped_only_where_pipefail_makes_its_status_the_fetchs() {
    let step = |shell: &str, before: &str| {
        format!(
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Latest\n{shell}        run: |\n{before}          gh api repos/o/r/releases/latest | jq -r .tag_name > tag.txt\n"
        )
    };
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Latest");
    let looped = "if gh api repos/o/r/releases/latest | jq -r .tag_name > tag.txt; then break;";
    for src in [
        step("", ""),
        step("        shell: sh\n", ""),
        step("        shell: bash -e {0}\n", ""),
        step("        shell: bash\n", "          set +o pipefail\n"),
        step("", "          set -o pipefail\n          set +o pipefail\n"),
    ] {
        let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
        for fix in &o.fixes {
            let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            assert!(!text.contains("for attempt in"), "{src}\n{text}");
        }
        let why = o.manual_reason.unwrap_or_default();
        assert!(
            why.contains("pipefail") && why.contains("cannot tell the fetch's failure"),
            "{src}\n{why}"
        );
    }
    for src in [
        step("        shell: bash\n", ""),
        step("        shell: bash --noprofile --norc -eo pipefail {0}\n", ""),
        step("        shell: bash -o pipefail -e {0}\n", ""),
        step("", "          set -euo pipefail\n"),
        step("", "          set -e -o pipefail\n"),
        // The job's `defaults.run.shell` counts.
        step("", "").replace(
            "    runs-on: ubuntu-latest\n",
            "    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: bash\n",
        ),
    ] {
        let out = apply_only(&f, &src);
        assert!(out.contains(looped), "{src}\n{out}");
    }
    // A lone command's status is its own, pipefail or not.
    let lone = step("", "").replace(" | jq -r .tag_name > tag.txt", " --jq .tag_name");
    assert!(apply_only(&f, &lone).contains("if gh api repos/o/r/releases/latest --jq .tag_name; then"));
}

/// `set -o pipefail` inside a function body or a `( … )` subshell does not
/// hold for the lines after it at top level: a subshell's options end with
/// it, and a function's body runs only when called (a `retry() { set -o
/// pipefail; … }` helper defined first, the fetch piped after it in a step
/// without `shell:`). The pipeline after it is blind and not looped; a `set -o
/// pipefail` after the function, at top level, still counts.
#[test]
fn pipefail_set_in_a_function_or_subshell_does_not_hold_after_it() {
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Latest");
    let step = |before: &str| {
        format!(
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Latest\n        run: |\n{before}          gh api repos/o/r/releases/latest | jq -r .tag_name > tag.txt\n"
        )
    };
    let function = "          retry() {\n            set -o pipefail\n            \"$@\"\n          }\n";
    for before in [
        function.to_string(),
        "          function retry\n          {\n            set -euo pipefail\n            \"$@\"\n          }\n"
            .into(),
        "          (\n            set -o pipefail\n            make lint | tee lint.log\n          )\n".into(),
        "          ( set -o pipefail )\n".into(),
    ] {
        let src = step(&before);
        let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
        for fix in &o.fixes {
            let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            assert!(!text.contains("for attempt in"), "{src}\n{text}");
        }
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("cannot tell the fetch's failure"), "{src}\n{why}");
    }
    let looped = "if gh api repos/o/r/releases/latest | jq -r .tag_name > tag.txt; then break;";
    let after = step(&format!("{function}          set -o pipefail\n"));
    assert!(apply_only(&f, &after).contains(looped), "{after}");
}

/// finfix20 L: a `set +o pipefail` on a subshell's first line (`( set +o
/// pipefail`, closed on a later line) turns it off inside the subshell, so a
/// fetch piped there under `shell: bash` is not looped (its status is the
/// last command's); after the `)` the step's `pipefail` holds again.
#[test]
fn pipefail_turned_off_on_a_subshells_first_line_holds_inside_it() {
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Latest");
    let fetch = "gh api repos/o/r/releases/latest | jq -r .tag_name > tag.txt";
    let step = |script: &str| {
        format!(
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Latest\n        shell: bash\n        run: |\n{script}"
        )
    };
    let inside = step(&format!(
        "          ( set +o pipefail\n            {fetch}\n          )\n"
    ));
    let o = fixes_for(&f, PATH, &inside, &autoheal_engine::repo::NoRepo);
    for fix in &o.fixes {
        let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
        assert!(!text.contains("for attempt in"), "{inside}\n{text}");
    }
    let why = o.manual_reason.unwrap_or_default();
    assert!(why.contains("cannot tell the fetch's failure"), "{inside}\n{why}");
    let after = step(&format!(
        "          ( set +o pipefail\n            make lint | tee lint.log\n          )\n          {fetch}\n"
    ));
    let looped = format!("if {fetch}; then break;");
    assert!(apply_only(&f, &after).contains(&looped), "{after}");
}

/// Issue 12's open item: the retry loop is bash; a step that runs in
/// PowerShell (a Windows runner's default shell, `shell: pwsh`, or the
/// job's `defaults.run.shell`) or cmd gets none, with the reason.
#[test]
fn a_powershell_or_cmd_step_gets_no_bash_loop() {
    let src = "on: push\njobs:\n  r:\n    runs-on: windows-latest\n    steps:\n      - name: Latest\n        run: |\n          gh api repos/o/r/releases/latest --jq .tag_name\n";
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Latest");
    for src in [
        src.to_string(),
        src.replace("windows-latest", "ubuntu-latest")
            .replace("        run: |", "        shell: pwsh\n        run: |"),
        src.replace("        run: |", "        shell: cmd\n        run: |"),
        src.replace("windows-latest", "ubuntu-latest").replace(
            "    steps:",
            "    defaults:\n      run:\n        shell: powershell\n    steps:",
        ),
    ] {
        let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
        for fix in &o.fixes {
            let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            assert!(!text.contains("for attempt in"), "{src}\n{text}");
        }
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("POSIX shell"), "{src}\n{why}");
    }
    // `shell: bash` on Windows (Git's bash) gets the loop.
    let bash = src.replace("        run: |", "        shell: bash\n        run: |");
    assert!(apply_only(&f, &bash).contains("for attempt in 1 2 3 4 5; do"));
}

/// A pipeline ending in a check (`gh pr view … | grep -q label`, `… | jq -e
/// …`) is a condition: its negative answer fails it as a refusal would, so a
/// loop would sleep through every attempt before failing where the step
/// answered at once. Not looped, `pipefail` or not.
#[test]
fn a_pipeline_ending_in_a_check_is_not_looped() {
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Check");
    for line in [
        "gh pr view 1 --json labels -q '.labels[].name' | grep -q 'ci-approved'",
        "gh api repos/o/r/pulls/1 | jq -e '.merged'",
        "gh api repos/o/r/pulls/1 | jq --exit-status .draft",
    ] {
        let src = format!(
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Check\n        shell: bash\n        run: |\n          {line}\n"
        );
        let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
        for fix in &o.fixes {
            let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            assert!(!text.contains("for attempt in"), "{line}\n{text}");
        }
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains("a check's answer"), "{line}\n{why}");
    }
    // A filter that only transforms (`jq -r`) is no check.
    let src = "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Check\n        shell: bash\n        run: |\n          gh api repos/o/r/pulls/1 | jq -r .title\n";
    assert!(apply_only(&f, src).contains("if gh api repos/o/r/pulls/1 | jq -r .title; then"));
}

/// Under `pipefail` a pipeline fails with the status of its last failing
/// command, so a check in its middle answers for it too: `gh api
/// repos/o/r/releases | grep -m 1 tag_name | cut …` (the latest tag's name)
/// fails when grep finds no match, and a loop would sleep through every
/// attempt on that answer. Not looped, with the reason naming the check;
/// without `pipefail` the pipeline's status is the last command's and the reason is the
/// blind pipeline's, as before.
#[test]
fn a_check_in_the_middle_of_a_pipeline_under_pipefail_is_not_looped() {
    let f = limited(RateLimitService::GithubRestSecondary, "r").at_step_name("Tag");
    let step = |shell: &str, line: &str| {
        format!(
            "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Tag\n{shell}        run: |\n          {line}\n"
        )
    };
    for line in [
        "gh api repos/o/r/releases | grep -m 1 tag_name | cut -d : -f 2 > tag.txt",
        "gh api repos/o/r/pulls/1 | jq -e .merged | tee merged.txt",
    ] {
        for src in [
            step("        shell: bash\n", line),
            step("", &format!("set -o pipefail\n          {line}")),
        ] {
            let o = fixes_for(&f, PATH, &src, &autoheal_engine::repo::NoRepo);
            for fix in &o.fixes {
                let text: String = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
                assert!(!text.contains("for attempt in"), "{src}\n{text}");
            }
            let why = o.manual_reason.unwrap_or_default();
            assert!(
                why.contains("pipes through") && why.contains("a check's answer"),
                "{src}\n{why}"
            );
        }
        let why = fixes_for(&f, PATH, &step("", line), &autoheal_engine::repo::NoRepo)
            .manual_reason
            .unwrap_or_default();
        assert!(why.contains("cannot tell the fetch's failure"), "{line}\n{why}");
    }
    // Filters that only transform pass, `pipefail` or not.
    let src = step(
        "        shell: bash\n",
        "gh api repos/o/r/releases | jq -r '.[0].tag_name' | tee tag.txt",
    );
    assert!(apply_only(&f, &src).contains("if gh api repos/o/r/releases | jq -r '.[0].tag_name' | tee tag.txt; then"));
}
