//! Any workflow × every rate-limited service, with a repository listing:
//! the script-line reader (`fetch.rs`), the retry loops, the registry
//! logins, the setup-action caches, `MAVEN_OPTS` and NuGet's settings. No
//! panic; every fix offered applies and parses; and what a fix writes comes
//! from the workflow: each secret its expressions read is one the
//! workflow's expressions already read (or the job's own `GITHUB_TOKEN`),
//! and each command it retries is text of the workflow.

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::MemoryRepo;
use autoheal_engine::rules::audit;
use autoheal_engine::yaml;
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for, retried_commands};

const PATH: &str = ".github/workflows/ci.yml";

/// The workflow tokens, and those of the steps rate-limit fixes read.
pub const DICTIONARY: &[&str] = &[
    "on: push\n",
    "on: pull_request_target\n",
    "on: [push, pull_request]\n",
    "jobs:\n",
    "  b:\n",
    "    runs-on: ubuntu-latest\n",
    "    environment: release\n",
    "    steps:\n",
    "      - run: ",
    "      - uses: ",
    "        with:\n",
    "        working-directory: ",
    "        env:\n",
    "docker pull ",
    "gh api -X POST repos/o/r/issues -f title=x",
    "gh issue comment 1 --body \"a b\"",
    "gh release create v1",
    " 2>&1",
    "docker run --rm -e ",
    "--platform linux/arm64 ",
    "node:20",
    "ghcr.io/a/b:1",
    "quay.io/a/b",
    "@sha256:",
    "npm ci",
    "pip install -r requirements.txt",
    "mvn -B dependency:go-offline",
    "./gradlew --version",
    "dotnet restore",
    "MAVEN_OPTS: ",
    "docker/login-action@v3",
    "actions/setup-node@v4",
    "actions/setup-python@v5",
    "actions/setup-java@v4",
    "actions/checkout@v4",
    "username: ",
    "password: ",
    "${{ secrets.DOCKERHUB_USERNAME }}",
    "${{ secrets.DOCKERHUB_TOKEN }}",
    "# secrets.DOCKERHUB_TOKEN",
    "cache: ",
    " && ",
    " | ",
    "; ",
    " \\\n",
    "<<EOF\n",
    "'",
    "\"",
    " #",
    "$(",
    "`",
    "\r\n",
];

/// A 2-byte header (service, step number), then the workflow.
pub fn seeds() -> Vec<Vec<u8>> {
    let workflows = [
        "on: [push, pull_request]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          docker pull node:20\n          docker run --rm -e \"A=1 B=2\" node:20 npm test\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n",
        "on: pull_request_target\n# secrets.DOCKERHUB_USERNAME secrets.DOCKERHUB_TOKEN\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull ghcr.io/a/b:1\n",
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - name: Install\n        working-directory: 'web #1'\n        run: npm ci\n",
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    env:\n      MAVEN_OPTS: -Xmx2g\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n      - run: mvn -B verify\n      - run: dotnet restore\n      - run: ./gradlew --version\n",
        "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n      - run: python -m pip install -r requirements.txt \\\n          pytest\n      - run: cat <<EOF\n          pip install x\n          EOF\n",
    ];
    let mut seeds: Vec<Vec<u8>> = workflows
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mut seed = vec![(i * 3) as u8, 2 + i as u8];
            seed.extend_from_slice(w.as_bytes());
            seed
        })
        .collect();
    // The GitHub secondary limit (service 1) on a step with reads and
    // writes, the log naming no step.
    let mut gh = vec![1u8, 0x40];
    gh.extend_from_slice(
        b"on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          gh api -H \"Accept: application/vnd.github+json\" repos/o/r\n          gh issue comment 1 --body \"a b\" # c\n          gh pr create \\\n            --fill\n",
    );
    seeds.push(gh);
    seeds
}

pub fn run(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let (head, rest) = data.split_at(2);
    let Ok(source) = std::str::from_utf8(rest) else { return };
    let service = RateLimitService::ALL[usize::from(head[0]) % RateLimitService::ALL.len()];
    let mut f = FailureInput::new(Category::RateLimit, None).limited_by(service);
    if head[1] & 0x80 == 0 {
        f = f.in_job("b");
    }
    if head[1] & 0x40 == 0 {
        f = f.at_step_number(u32::from(head[1] & 0x0f));
    }
    let repo = MemoryRepo::new(
        [
            "package-lock.json",
            "web #1/package-lock.json",
            "yarn.lock",
            "requirements.txt",
            "pom.xml",
            "build.gradle",
        ]
        .map(|p| (p.to_string(), "{}".to_string())),
    );
    let outcome = fixes_for(&f, PATH, source, &repo);
    let read = |text: &str| -> Vec<String> {
        yaml::parse(text.as_bytes())
            .root
            .as_ref()
            .map(|root| {
                audit::secret_names(root)
                    .iter()
                    .map(|s| s.to_ascii_uppercase())
                    .collect()
            })
            .unwrap_or_default()
    };
    let before = read(source);
    for fix in &outcome.fixes {
        let files: Files = [(PATH.to_string(), source.to_string())].into();
        let changed = apply_fixes(&files, [fix]).expect("verified fixes apply");
        if let Some(out) = changed.get(PATH) {
            assert!(!yaml::parse(out.as_bytes()).has_parse_errors(), "{fix:?}");
            // Text copied from a script is the workflow's own; an expression
            // reading a secret the workflow did not read is new.
            if let Some(new) = read(out).iter().find(|s| *s != "GITHUB_TOKEN" && !before.contains(s)) {
                panic!("secret `{new}` is not the workflow's: {fix:?}");
            }
        }
        for edit in &fix.edits {
            let text = edit.new_text.as_str();
            for cmd in retried_commands(text) {
                let image = cmd
                    .strip_prefix("docker pull ")
                    .or_else(|| cmd.strip_prefix("podman pull "));
                let from_source = match image {
                    Some(args) => args.split(' ').all(|w| source.contains(w)),
                    None => source.contains(cmd),
                };
                assert!(from_source, "`{cmd}` is not the workflow's: {fix:?}");
            }
        }
    }
}
