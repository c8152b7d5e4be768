//! "A step of the kind that failed": what the eval looks for in the real
//! workflows of the corpus, defined from the diagnosed failure alone (its
//! category, its typed subject, and the action its log's step header
//! names), never from the case's label or expected answer.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::rules::runner_label::{Machine, machine};
use autoheal_engine::yaml::Node;
use autoheal_logs::Category;
use autoheal_logs::report::{Failure, RateLimitService, RunnerClass, SubjectDetail};

/// Where the same failure could happen in another workflow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A step using this action (`owner/repo[/path]`, any version).
    UsesAction(String),
    /// A `run:` step that runs one of these commands (a command name, or a
    /// command and its subcommand).
    Runs(Vec<String>),
    /// A step that names this workspace path in `run:` or `with:`.
    NamesPath(String),
    /// A job with this `timeout-minutes` (`None`: any job that sets one;
    /// 360: a job that sets none, so GitHub's maximum applies).
    JobTimeout(Option<u32>),
    /// A job on a runner the failure is tied to: ARM64, self-hosted or
    /// Apple-silicon macOS (narrowed to the class the log shows, if any).
    RunnerTied(Option<RunnerClass>),
    /// The inner kind, in a job not on a plain GitHub-hosted image (a
    /// container, a self-hosted runner): where a command the hosted images
    /// preinstall can be missing at all.
    OffHosted(Box<Kind>),
}

/// A job, and for step kinds the step, where the failure could happen.
#[derive(Clone, Debug)]
pub struct Site {
    pub job: String,
    pub step: Option<usize>,
}

impl Kind {
    pub fn describe(&self) -> String {
        match self {
            Kind::UsesAction(a) => format!("a step using `{a}`"),
            Kind::Runs(c) => format!(
                "a run step running {}",
                c.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join("/")
            ),
            Kind::NamesPath(p) => format!("a step naming `{p}`"),
            Kind::JobTimeout(Some(360)) => "a job without timeout-minutes".into(),
            Kind::JobTimeout(Some(m)) => format!("a job with timeout-minutes: {m}"),
            Kind::JobTimeout(None) => "a job with timeout-minutes".into(),
            Kind::RunnerTied(c) => format!(
                "a job on a {} runner",
                c.map_or("ARM64/self-hosted/macOS-arm".into(), |c| format!("{c:?}"))
            ),
            Kind::OffHosted(k) => format!("{}, in a container or on a self-hosted runner", k.describe()),
        }
    }

    /// Is this a kind of step (rather than of job)?
    pub fn is_step(&self) -> bool {
        match self {
            Kind::OffHosted(k) => k.is_step(),
            k => matches!(k, Kind::UsesAction(_) | Kind::Runs(_) | Kind::NamesPath(_)),
        }
    }

    pub fn sites(&self, wf: &Workflow<'_>) -> Vec<Site> {
        if let Kind::OffHosted(inner) = self {
            let mut sites = inner.sites(wf);
            sites.retain(|s| wf.job(&s.job).is_some_and(|j| !autoheal_fixes::is_github_hosted(j)));
            return sites;
        }
        let mut out = Vec::new();
        for job in wf.jobs.iter().filter(|j| !j.is_call()) {
            if self.is_step() {
                if let Some(step) = job.steps.iter().find(|s| self.matches_step(s)) {
                    out.push(Site {
                        job: job.id.to_string(),
                        step: Some(step.index),
                    });
                }
            } else if self.matches_job(job) {
                out.push(Site {
                    job: job.id.to_string(),
                    step: None,
                });
            }
        }
        out
    }

    fn matches_step(&self, step: &Step<'_>) -> bool {
        match self {
            Kind::UsesAction(a) => step
                .uses()
                .and_then(|u| u.split('@').next())
                .is_some_and(|u| u.eq_ignore_ascii_case(a)),
            Kind::Runs(commands) => script(step).lines().any(|l| commands.iter().any(|c| runs(l, c))),
            Kind::NamesPath(p) => {
                let texts = [script(step).to_string(), with_text(step)];
                texts.iter().any(|t| has_word(t, p))
            }
            _ => false,
        }
    }

    fn matches_job(&self, job: &Job<'_>) -> bool {
        if job.steps.is_empty() {
            return false;
        }
        match self {
            Kind::JobTimeout(want) => {
                let set = job.get("timeout-minutes").and_then(Node::as_number);
                match (want, set) {
                    (Some(360), None) => true,
                    (Some(m), Some(v)) => v == f64::from(*m),
                    (None, Some(_)) => true,
                    _ => false,
                }
            }
            Kind::RunnerTied(class) => runner_labels(job)
                .iter()
                .any(|l| label_class(l).is_some_and(|c| class.is_none_or(|want| want == c))),
            _ => false,
        }
    }
}

fn script<'a>(step: &Step<'a>) -> &'a str {
    step.run().and_then(Node::as_str).unwrap_or("")
}

fn with_text(step: &Step<'_>) -> String {
    step.get("with")
        .and_then(Node::as_mapping)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| e.value.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `word` in `text` with no path or name character on either side.
fn has_word(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    let wordy = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'/');
    text.match_indices(word).any(|(i, _)| {
        let end = i + word.len();
        let before = i == 0 || !wordy(b[i - 1]) || (b[i - 1] == b'/' && i >= 2 && b[i - 2] == b'.');
        before && (end == b.len() || !wordy(b[end]) || b[end] == b'/' && word.ends_with('/'))
    })
}

/// Does a script line run `command` (`pytest`, or `npm ci`) as a command:
/// at the start of the line or after `;`, `&&`, `||`, `|`, `(`, `$(`,
/// `sudo`, `exec`, `time`, `env`, or a `VAR=value` prefix?
fn runs(line: &str, command: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line);
    for segment in code.split(['|', ';', '&', '(']) {
        let mut words = segment.split_whitespace().peekable();
        while let Some(w) = words.peek() {
            if matches!(*w, "sudo" | "exec" | "time" | "env" | "then" | "do" | "!")
                || (w.contains('=') && !w.starts_with('-'))
            {
                words.next();
            } else {
                break;
            }
        }
        let rest: Vec<&str> = words.collect();
        let want: Vec<&str> = command.split_whitespace().collect();
        // `python` alone means running Python code, not a packaging tool.
        let tooling = want.len() == 1
            && matches!(want[0], "python" | "python3")
            && matches!(
                rest.get(1..3),
                Some(["-m", "pip" | "venv" | "build" | "twine" | "pipx"])
            )
            || matches!(rest.get(1), Some(&"--version" | &"-V"));
        if rest.len() >= want.len() && rest[..want.len()] == want[..] && !tooling {
            return true;
        }
    }
    false
}

/// `runs-on` labels, with `${{ matrix.x }}` followed into the matrix (the
/// engine's one reading, `runner_label::job_labels`; computed labels give
/// nothing).
fn runner_labels(job: &Job<'_>) -> Vec<String> {
    autoheal_engine::rules::runner_label::job_labels(job)
        .iter()
        .flat_map(|l| l.values.iter().flatten().flatten())
        .map(|l| l.to_string())
        .collect()
}

/// The runner class of a label (the engine's one reading of runner labels).
pub(crate) fn label_class(label: &str) -> Option<RunnerClass> {
    match machine(label)? {
        Machine::SelfHosted => Some(RunnerClass::SelfHosted),
        Machine::Arm64 => Some(RunnerClass::Arm64),
        Machine::AppleSilicon => Some(RunnerClass::MacosArm64),
        Machine::X64Hosted => None,
    }
}

/// The action a step header names (`actions/setup-go@v1` → `actions/setup-go`).
fn header_action(failure: &Failure) -> Option<String> {
    let name = failure.step.as_ref()?.name.as_deref()?.trim();
    let name = name.strip_prefix("Run ").unwrap_or(name);
    let (action, version) = name.split_once('@')?;
    let parts: Vec<&str> = action.split('/').collect();
    let plain = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    };
    (parts.len() >= 2 && parts.iter().all(|p| plain(p)) && !version.is_empty() && !version.contains(' '))
        .then(|| action.to_string())
}

/// The kind of step or job a failure names, or why there is none.
pub fn kind_of(failure: &Failure) -> Result<Kind, String> {
    let step_kind = |fallback: Kind| Ok(header_action(failure).map_or(fallback, Kind::UsesAction));
    match (&failure.category, &failure.detail) {
        (Category::MissingDependency, SubjectDetail::PytestPlugin { .. }) => Ok(Kind::Runs(vec![
            "pytest".into(),
            "py.test".into(),
            "python -m pytest".into(),
            "python3 -m pytest".into(),
        ])),
        (Category::MissingDependency, SubjectDetail::Module { .. }) => Ok(Kind::Runs(
            ["pytest", "py.test", "python", "python3", "tox", "nox"]
                .map(String::from)
                .to_vec(),
        )),
        (Category::MissingCommand, SubjectDetail::Command { name, .. }) => {
            let kind = header_action(failure).map_or(Kind::Runs(vec![name.clone()]), Kind::UsesAction);
            // A command the hosted images ship can only be missing elsewhere.
            Ok(if autoheal_fixes::UBUNTU_HOSTED_PREINSTALLED.contains(&name.as_str()) {
                Kind::OffHosted(Box::new(kind))
            } else {
                kind
            })
        }
        (Category::FileNotFound, SubjectDetail::Path { path }) => Ok(Kind::NamesPath(path.clone())),
        (Category::Timeout, SubjectDetail::Limit { minutes, .. }) => Ok(Kind::JobTimeout(Some(*minutes))),
        (Category::Timeout, SubjectDetail::Canceled { .. }) => Ok(Kind::JobTimeout(None)),
        (Category::OptionalJob, SubjectDetail::Runner { runner, .. }) => Ok(Kind::RunnerTied(*runner)),
        (Category::RateLimit, SubjectDetail::RateLimit { service, .. }) => {
            let commands: &[&str] = match service {
                RateLimitService::DockerHub
                | RateLimitService::Ghcr
                | RateLimitService::Quay
                | RateLimitService::EcrPublic => &[
                    "docker pull",
                    "docker build",
                    "docker run",
                    "docker compose",
                    "docker-compose",
                ],
                RateLimitService::Npm => &["npm ci", "npm install", "yarn install", "pnpm install"],
                RateLimitService::Pypi => &["pip install", "pip3 install", "python -m pip install"],
                RateLimitService::MavenCentral => &["mvn", "./mvnw", "gradle", "./gradlew"],
                RateLimitService::GradlePluginPortal => &["gradle", "./gradlew"],
                RateLimitService::CratesIo => &["cargo"],
                RateLimitService::AptMirror => &["apt-get"],
                RateLimitService::GoProxy => &["go mod download", "go build", "go test", "go install", "go get"],
                RateLimitService::NuGet => &["dotnet restore", "dotnet build", "dotnet test", "nuget restore"],
                RateLimitService::GradleDistributions => &["./gradlew"],
                RateLimitService::GithubRestPrimary | RateLimitService::GithubRestSecondary => &["gh"],
                RateLimitService::RubyGems => &["bundle install", "gem install"],
                RateLimitService::Packagist => &["composer install", "composer update"],
                RateLimitService::HexPm => &["mix deps.get"],
                RateLimitService::HuggingFaceHub => {
                    return Err("the Hugging Face Hub's limit has no workflow fix (the job's own code)".into());
                }
                RateLimitService::Other => return Err("the rate-limited service is not named".into()),
            };
            step_kind(Kind::Runs(commands.iter().map(|c| c.to_string()).collect()))
        }
        (Category::YamlSyntax, _) => Err(
            "the corpus's workflows are valid YAML, so none has this failure (the fix is covered by its golden tests)"
                .into(),
        ),
        (category, detail) => Err(format!(
            "no typed subject to define the kind by ({} with {detail:?})",
            category.as_str()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_matched_as_commands() {
        assert!(runs("python -m pytest -q", "python -m pytest"));
        assert!(runs("  CI=1 pytest --cov", "pytest"));
        assert!(runs("cd web && npm ci", "npm ci"));
        assert!(!runs("echo pytest", "pytest"));
        assert!(!runs("npm run build", "npm ci"));
        assert!(runs("python -m app.main", "python") && runs("python3 tests/run.py", "python3"));
        assert!(!runs("python -m pip install pipenv", "python") && !runs("python --version", "python"));
        assert!(has_word("pip install -r requirements.txt", "requirements.txt"));
        assert!(has_word("path: ./dist", "dist"));
        assert!(!has_word("pip install -r dev-requirements.txt", "requirements.txt"));
        assert_eq!(label_class("ubuntu-24.04-arm"), Some(RunnerClass::Arm64));
        assert_eq!(label_class("macos-14"), Some(RunnerClass::MacosArm64));
        assert_eq!(label_class("macos-13"), None);
        assert_eq!(label_class("ubuntu-latest"), None);
    }
}
