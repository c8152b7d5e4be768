//! Which operating systems a job runs on, from `runs-on` (following
//! `${{ matrix.x }}` into the matrix) and `container:`.

use autoheal_engine::model::Job;
use autoheal_engine::yaml::Node;

pub use autoheal_engine::rules::runner_label::Os;
use autoheal_engine::rules::runner_label::os;

/// Where a job's steps run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Platform {
    /// GitHub-hosted (or labelled self-hosted) runners, one per OS the job uses.
    Hosts(Vec<Os>),
    /// A container job on a Debian/Ubuntu image: root, no sudo.
    DebianContainer,
    /// Something we cannot install into safely (alpine, expression images,
    /// unlabelled self-hosted runners).
    Unknown(String),
}

pub fn platform(job: &Job<'_>) -> Platform {
    if let Some(c) = job.get("container") {
        let image = c.get("image").unwrap_or(c).as_str().unwrap_or("");
        let lower = image.to_ascii_lowercase();
        if image.contains("${{") || image.is_empty() {
            return Platform::Unknown("the job's container image is not known statically".into());
        }
        let debianish = [
            "ubuntu",
            "debian",
            "python",
            "node",
            "golang",
            "rust",
            "buildpack-deps",
            "openjdk",
            "ruby",
        ];
        if lower.contains("alpine") || !debianish.iter().any(|d| lower.contains(d)) {
            return Platform::Unknown(format!("the container image `{image}` may not use apt-get"));
        }
        return Platform::DebianContainer;
    }
    let mut oses = Vec::new();
    let mut self_hosted = false;
    for label in job.runs_on_labels() {
        for value in label_values(job, label) {
            let lower = value.to_ascii_lowercase();
            if lower == "self-hosted" {
                self_hosted = true;
            } else if let Some(os) = os(&lower) {
                if !oses.contains(&os) {
                    oses.push(os);
                }
            }
        }
    }
    oses.sort();
    match (oses.is_empty(), self_hosted) {
        (false, _) => Platform::Hosts(oses),
        (true, true) => Platform::Unknown("the job runs on a self-hosted runner whose OS is not labelled".into()),
        (true, false) => Platform::Unknown("the job's runner OS cannot be determined from `runs-on`".into()),
    }
}

/// The job runs on GitHub-hosted images only (every `runs-on` value, matrix
/// values included, is a standard `ubuntu-*`, `windows-*` or `macos-*`
/// label) and not in a container, so the images' preinstalled software
/// is there.
pub fn is_github_hosted(job: &Job<'_>) -> bool {
    if job.get("container").is_some() {
        return false;
    }
    let values: Vec<&str> = job
        .runs_on_labels()
        .into_iter()
        .flat_map(|l| label_values(job, l))
        .collect();
    !values.is_empty()
        && values.iter().all(|v| {
            let l = v.to_ascii_lowercase();
            ["ubuntu-", "windows-", "macos-"].iter().any(|p| l.starts_with(p))
        })
}

/// A label's possible values: itself, or the matrix values it names.
fn label_values<'a>(job: &Job<'a>, label: &'a Node) -> Vec<&'a str> {
    let Some(text) = label.as_str() else { return Vec::new() };
    let Some(key) = matrix_key(text) else { return vec![text] };
    matrix_values(job, key)
}

/// `${{ matrix.os }}` → `os`.
pub fn matrix_key(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix("${{")?.strip_suffix("}}")?.trim();
    let key = inner.strip_prefix("matrix.")?;
    key.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .then_some(key)
}

/// Every scalar value of matrix key `key`, from its list and `include`.
pub fn matrix_values<'a>(job: &Job<'a>, key: &str) -> Vec<&'a str> {
    let Some(m) = job.matrix() else { return Vec::new() };
    let mut out: Vec<&str> = Vec::new();
    match m.get(key) {
        Some(n) if n.is_sequence() => out.extend(n.as_sequence().unwrap_or_default().iter().filter_map(Node::as_str)),
        Some(n) => out.extend(n.as_str()),
        None => {}
    }
    for inc in m.get("include").and_then(Node::as_sequence).unwrap_or_default() {
        out.extend(inc.get(key).and_then(Node::as_str));
    }
    out
}

/// The effective shell of a step: its `shell:`, the job's or workflow's
/// `defaults.run.shell`, else the runner's default.
pub fn shell<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> Option<&'a str> {
    let default = |n: Option<&'a Node>| {
        n.and_then(|n| n.get("defaults"))
            .and_then(|d| d.get("run"))
            .and_then(|r| r.get("shell"))
    };
    step.get("shell")
        .or_else(|| default(Some(job.node())))
        .or_else(|| default(Some(root)))
        .and_then(Node::as_str)
}

/// True when `run:` scripts of this step are POSIX shell scripts.
pub fn runs_posix_shell<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> bool {
    match shell(root, job, step) {
        Some(s) => {
            let first = s.split_whitespace().next().unwrap_or("");
            matches!(first, "bash" | "sh") || first.ends_with("/bash") || first.ends_with("/sh")
        }
        None => !matches!(platform(job), Platform::Hosts(ref oses) if oses.contains(&Os::Windows)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::model::Workflow;
    use autoheal_engine::yaml::parse;

    fn platform_of(src: &str) -> Platform {
        let doc = parse(src.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().unwrap());
        platform(&wf.jobs[0])
    }

    #[test]
    fn platforms_follow_labels_matrix_and_container() {
        assert_eq!(
            platform_of("jobs:\n  a:\n    runs-on: ubuntu-22.04\n"),
            Platform::Hosts(vec![Os::Linux])
        );
        let m = "jobs:\n  a:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n        include:\n          - os: macos-14\n";
        assert_eq!(platform_of(m), Platform::Hosts(vec![Os::Linux, Os::MacOs, Os::Windows]));
        assert_eq!(
            platform_of("jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: python:3.12-slim\n"),
            Platform::DebianContainer
        );
        assert!(matches!(
            platform_of("jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: alpine:3\n"),
            Platform::Unknown(_)
        ));
        assert!(matches!(
            platform_of("jobs:\n  a:\n    runs-on: [self-hosted, gpu]\n"),
            Platform::Unknown(_)
        ));
        assert_eq!(
            platform_of("jobs:\n  a:\n    runs-on: [self-hosted, linux, arm64]\n"),
            Platform::Hosts(vec![Os::Linux])
        );
        let hosted = |src: &str| {
            let doc = parse(src.as_bytes());
            let wf = Workflow::new(doc.root.as_ref().unwrap());
            is_github_hosted(&wf.jobs[0])
        };
        assert!(hosted(m) && hosted("jobs:\n  a:\n    runs-on: ubuntu-24.04-arm\n"));
        assert!(!hosted("jobs:\n  a:\n    runs-on: [self-hosted, linux, arm64]\n"));
        assert!(!hosted(
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: node:20\n"
        ));
        assert!(!hosted("jobs:\n  a:\n    runs-on: ${{ inputs.runner }}\n"));
    }
}
