//! Where a job's steps run, for the fixes that install software: the
//! engine's one reading of `runs-on` (`runner_label::job_oses`, the matrix
//! followed) and the job's `container:`.

use autoheal_engine::model::Job;
use autoheal_engine::yaml::Node;
use autoheal_logs::knowledge::place::{alpine_image, container_user, debian_image};
use autoheal_logs::shell_lex::Dialect;

pub use autoheal_engine::rules::runner_label::Os;
use autoheal_engine::rules::runner_label::{job_is_github_hosted, job_labels, job_oses, os, step_shell};

/// Where a job's steps run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Platform {
    /// GitHub-hosted (or labelled self-hosted) runners, one per OS the job uses.
    Hosts(Vec<Os>),
    /// A container job on a Debian/Ubuntu image: root, no sudo.
    DebianContainer,
    /// A container job on an Alpine image (`alpine:3`, a `-alpine` tag):
    /// root, `apk`, no sudo.
    AlpineContainer,
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
        let alpine = alpine_image(&lower);
        if !alpine && !debian_image(&lower) {
            return Platform::Unknown(format!("the container image `{image}` may not use apt-get"));
        }
        if let Some(user) = c.get("options").and_then(Node::as_str).and_then(container_user) {
            return Platform::Unknown(format!(
                "the job's container runs as user `{user}` (`options: --user`), who may not install packages and has \
                 no `sudo` in a {} image",
                if alpine { "an Alpine" } else { "a Debian" }
            ));
        }
        return if alpine {
            Platform::AlpineContainer
        } else {
            Platform::DebianContainer
        };
    }
    if let Some(oses) = job_oses(job) {
        return Platform::Hosts(oses);
    }
    let self_hosted = job_labels(job)
        .iter()
        .flat_map(|l| l.values.iter().flatten().flatten())
        .any(|l| l.trim().eq_ignore_ascii_case("self-hosted"));
    if self_hosted {
        Platform::Unknown("the job runs on a self-hosted runner whose OS is not labelled".into())
    } else {
        Platform::Unknown("the job's runner OS cannot be determined from `runs-on`".into())
    }
}

/// The one OS among `oses` (the job's) that the failing leg's display name
/// names (`docs (windows-latest)`, `build (3.12, macos-14)`): a fix for a
/// failure seen on one leg changes that leg only, not legs the log does not
/// show failing. `None` when the name names none of them, or several.
pub fn leg_os(job_shown: Option<&str>, oses: &[Os]) -> Option<Os> {
    let mut named: Vec<Os> = crate::locate::matrix_values(job_shown?)
        .iter()
        .filter_map(|v| os(v))
        .filter(|o| oses.contains(o))
        .collect();
    named.sort();
    named.dedup();
    match named.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The job runs on GitHub-hosted images only (every `runs-on` value, matrix
/// values included, is a hosted image label of the runner data) and not in
/// a container, so the images' preinstalled software is there.
pub fn is_github_hosted(job: &Job<'_>) -> bool {
    job.get("container").is_none() && job_is_github_hosted(job)
}

/// Whether the engine knows the shell of a step's `run:` (`shell:` as
/// written, else the job's or workflow's default, else the runner's default
/// by its OS): not when none is written and no label of `runs-on` tells the
/// runner's OS (a self-hosted label, an expression), nor when the one written
/// is an expression, nor when `runs-on` names Windows and another OS
/// ([`unknown_shell_reason`] says which).
pub fn step_shell_known<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> bool {
    step_shell(root, job, step).is_some()
}

/// Why the engine does not know the shell of a step's `run:` (when
/// [`step_shell_known`] is false), as a clause: its `shell:` (or the
/// `defaults.run.shell` it inherits) is an expression only the run resolves;
/// its job runs on Windows and on Linux or macOS runners, whose default
/// shells differ; or no `shell:` is written and no label of `runs-on` tells
/// the runner's OS. `None` when the shell is known.
pub fn unknown_shell_reason<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> Option<String> {
    if step_shell_known(root, job, step) {
        return None;
    }
    if let Some(written) = job.written_shell(root, step) {
        let text = written.as_str().unwrap_or("").trim();
        let whose = if step.get("shell").is_some() {
            "its `shell:`"
        } else {
            "the `defaults.run.shell` it inherits"
        };
        return Some(format!("{whose} is an expression (`{text}`) only the run resolves"));
    }
    let oses = job_oses(job).unwrap_or_default();
    if oses.contains(&autoheal_engine::rules::runner_label::Os::Windows) && oses.len() > 1 {
        return Some(
            "its job runs on Windows and on Linux or macOS runners (`runs-on`), whose default shells differ (pwsh, \
             bash)"
                .into(),
        );
    }
    Some("no `shell:` is written, and the job's `runs-on` does not tell its runner's OS, so its default shell is unknown".into())
}

/// True when `run:` scripts of this step are POSIX shell scripts: the
/// shell the engine reads for the step (`shell:` as written, else the
/// runner's default) is bash or sh.
pub fn runs_posix_shell<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> bool {
    step_shell(root, job, step).is_some_and(|s| {
        let first = s.split_whitespace().next().unwrap_or("");
        matches!(first, "bash" | "sh") || first.ends_with("/bash") || first.ends_with("/sh")
    })
}

/// How the shell lexer reads a step's `run:` script: PowerShell's when the
/// step's shell (`shell:` as written, else the job's or workflow's
/// `defaults.run.shell`, else the runner's default, `pwsh` on Windows) is
/// `pwsh` or `powershell` (a template such as `pwsh -command ". '{0}'"`
/// too), POSIX otherwise (bash, sh, an unknown shell).
pub fn script_dialect<'a>(root: &'a Node, job: &Job<'a>, step: &'a Node) -> Dialect {
    let program = step_shell(root, job, step)
        .and_then(|s| s.split_whitespace().next())
        .map(|p| p.rsplit(['/', '\\']).next().unwrap_or(p).to_ascii_lowercase());
    match program.as_deref() {
        Some("pwsh" | "pwsh.exe" | "powershell" | "powershell.exe") => Dialect::PowerShell,
        _ => Dialect::Posix,
    }
}

/// Whether a step's `if:` rules it out on `os`: the condition, bare or one
/// whole `${{ }}`, is a literal test of the runner's OS (`runner.os ==
/// 'Linux'`, `runner.os != 'Windows'`, either side, any case as GitHub
/// compares strings) or of a matrix `os` label (`matrix.os ==
/// 'ubuntu-latest'`, read by the engine's one label reading), or an `&&` of
/// terms one of which is. Anything else (`||`, a function, another context)
/// may run on any OS: `false`.
pub fn guard_excludes(step: &Node, os: Os) -> bool {
    let Some(cond) = step.get("if").and_then(Node::as_str) else {
        return false;
    };
    let cond = cond.trim();
    let text = match autoheal_expr::single_expression(cond) {
        Some(embedded) => embedded.inner_text(cond),
        None if cond.contains("${{") => return false,
        None => cond,
    };
    autoheal_expr::parse(text).is_ok_and(|expr| excludes(&expr, os))
}

fn excludes(expr: &autoheal_expr::Expr, os: Os) -> bool {
    use autoheal_expr::{BinaryOp, ExprKind};
    let ExprKind::Binary { op, left, right, .. } = &expr.kind else {
        return false;
    };
    match op {
        BinaryOp::And => excludes(left, os) || excludes(right, os),
        BinaryOp::Eq | BinaryOp::Ne => {
            let tested = match (os_tested(left), &right.kind, os_tested(right), &left.kind) {
                (Some(kind), ExprKind::String(value), _, _) | (_, _, Some(kind), ExprKind::String(value)) => {
                    kind.os_of(value)
                }
                _ => None,
            };
            match tested {
                Some(named) if *op == BinaryOp::Eq => named != os,
                Some(named) => named == os,
                None => false,
            }
        }
        _ => false,
    }
}

/// What an operand of an OS test reads: `runner.os` (GitHub's `Linux`,
/// `Windows`, `macOS`) or `matrix.os` (a runner label).
#[derive(Clone, Copy)]
enum OsOperand {
    RunnerOs,
    MatrixLabel,
}

impl OsOperand {
    fn os_of(self, value: &str) -> Option<Os> {
        match self {
            OsOperand::RunnerOs => [Os::Linux, Os::MacOs, Os::Windows]
                .into_iter()
                .find(|o| o.runner_os().eq_ignore_ascii_case(value)),
            OsOperand::MatrixLabel => os(value),
        }
    }
}

fn os_tested(expr: &autoheal_expr::Expr) -> Option<OsOperand> {
    use autoheal_expr::ExprKind;
    let ExprKind::Property { receiver, name, .. } = &expr.kind else {
        return None;
    };
    let ExprKind::Variable(context) = &receiver.kind else {
        return None;
    };
    match (
        context.to_ascii_lowercase().as_str(),
        name.to_ascii_lowercase().as_str(),
    ) {
        ("runner", "os") => Some(OsOperand::RunnerOs),
        ("matrix", "os") => Some(OsOperand::MatrixLabel),
        _ => None,
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
    fn literal_os_guards_exclude_other_oses_only() {
        let excludes = |cond: &str, os: Os| {
            let doc = parse(format!("if: {cond}\nrun: x\n").as_bytes());
            guard_excludes(doc.root.as_ref().unwrap(), os)
        };
        assert!(excludes("runner.os == 'Linux'", Os::Windows));
        assert!(!excludes("runner.os == 'Linux'", Os::Linux));
        assert!(excludes("${{ runner.os == 'linux' }}", Os::MacOs));
        assert!(excludes("${{ 'Windows' == runner.os }}", Os::Linux));
        assert!(excludes("runner.os != 'Windows'", Os::Windows));
        assert!(!excludes("runner.os != 'Windows'", Os::MacOs));
        assert!(excludes("matrix.os == 'ubuntu-latest'", Os::Windows));
        assert!(excludes(
            "github.event_name == 'push' && runner.os == 'macOS'",
            Os::Linux
        ));
        // Anything that may run on the OS is not excluded.
        for cond in [
            "runner.os == 'Linux' || github.event_name == 'push'",
            "startsWith(runner.os, 'Lin')",
            "env.OS == 'Linux'",
            "!(runner.os == 'Linux')",
            "runner.os == matrix.target",
            "matrix.os == 'self-hosted'",
            "${{ runner.os == 'Linux' }} extra",
            "runner.os ==",
        ] {
            assert!(!excludes(cond, Os::Windows), "{cond}");
        }
        let doc = parse(b"run: x\n");
        assert!(!guard_excludes(doc.root.as_ref().unwrap(), Os::Windows));
    }

    /// A Debian container that runs as another user than root cannot
    /// install with apt-get, and has no `sudo` (round 6 of the fix shapes).
    #[test]
    fn a_container_run_as_another_user_is_no_place_to_install() {
        let job = |options: &str| {
            format!(
                "jobs:\n  a:\n    runs-on: ubuntu-latest\n    container:\n      image: python:3.12-slim\n      options: {options}\n"
            )
        };
        for options in ["--user 1001", "--cpus 2 --user=app:app", "-u 1000:1000"] {
            assert!(matches!(platform_of(&job(options)), Platform::Unknown(_)), "{options}");
        }
        for options in ["--user root", "-u 0:0", "--cpus 2", "--user=0"] {
            assert_eq!(platform_of(&job(options)), Platform::DebianContainer, "{options}");
        }
    }

    /// Alpine images are their own platform (apk), and run as another user
    /// they are no place to install either.
    #[test]
    fn alpine_images_are_alpine_containers() {
        let of = |image: &str| {
            platform_of(&format!(
                "jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: {image}\n"
            ))
        };
        for image in [
            "node:20-alpine",
            "alpine:3.20",
            "python:3.12-alpine3.20",
            "golang:1.23-alpine",
        ] {
            assert_eq!(of(image), Platform::AlpineContainer, "{image}");
        }
        for image in ["node:20", "debian:bookworm"] {
            assert_ne!(of(image), Platform::AlpineContainer, "{image}");
        }
        let user = "jobs:\n  a:\n    runs-on: ubuntu-latest\n    container:\n      image: node:20-alpine\n      options: --user node\n";
        assert!(matches!(platform_of(user), Platform::Unknown(_)));
    }

    /// A language's image on another base than Debian has no apt-get: a
    /// tag variant, Red Hat's UBI images, openjdk's Oracle Linux default
    /// (batch 104's trap got an apt-get step in `openjdk:17-oracle`).
    #[test]
    fn only_debian_based_images_are_debian_containers() {
        let of = |image: &str| {
            platform_of(&format!(
                "jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: {image}\n"
            ))
        };
        for image in [
            "openjdk:17-oracle",
            "openjdk:21-jdk",
            "openjdk:22-jdk-oraclelinux8",
            "openjdk:17",
            "registry.access.redhat.com/ubi9/nodejs-20",
            "registry.access.redhat.com/ubi8/python-311",
            "python:3.12-alpine3.20",
            "python:3.12-windowsservercore-ltsc2022",
            "golang:1.23-nanoserver",
            "quay.io/pypa/manylinux2014_x86_64",
            "ruby:3.3-alpine",
            "fedora:41",
            "amazonlinux:2023",
        ] {
            assert_ne!(of(image), Platform::DebianContainer, "{image}");
        }
        for image in [
            "openjdk:17-jdk-slim",
            "openjdk:11-jdk-bullseye",
            "python:3.12-slim-bookworm",
            "node:22",
            "ubuntu:24.04",
            "debian:bookworm-slim",
            "rust:1.83",
            "buildpack-deps:bookworm",
            "ghcr.io/astral-sh/uv:python3.12-bookworm-slim",
        ] {
            assert_eq!(of(image), Platform::DebianContainer, "{image}");
        }
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
        assert_eq!(
            platform_of("jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: alpine:3\n"),
            Platform::AlpineContainer
        );
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
        // Labels that begin like GitHub's images but are not among them
        // (the old prefix reading called these hosted).
        assert!(!hosted("jobs:\n  a:\n    runs-on: macos-14-arm64\n"));
        assert!(!hosted("jobs:\n  a:\n    runs-on: ubuntu-gpu-box\n"));
        assert!(hosted("jobs:\n  a:\n    runs-on: macOS-latest\n"));
    }

    #[test]
    fn a_legs_display_name_names_its_os() {
        let all = [Os::Linux, Os::MacOs, Os::Windows];
        assert_eq!(leg_os(Some("docs (windows-latest)"), &all), Some(Os::Windows));
        assert_eq!(leg_os(Some("build (3.12, macos-14)"), &all), Some(Os::MacOs));
        assert_eq!(leg_os(Some("docs (windows-latest)"), &[Os::Linux]), None);
        assert_eq!(leg_os(Some("docs (ubuntu-latest, windows-latest)"), &all), None);
        assert_eq!(leg_os(Some("docs"), &all), None);
        assert_eq!(leg_os(None, &all), None);
    }

    #[test]
    fn the_default_shell_is_posix_only_where_the_runner_says_so() {
        let posix = |src: &str| {
            let doc = parse(src.as_bytes());
            let root = doc.root.as_ref().unwrap();
            let wf = Workflow::new(root);
            runs_posix_shell(root, &wf.jobs[0], wf.jobs[0].steps[0].node)
        };
        assert!(posix(
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n"
        ));
        assert!(!posix(
            "jobs:\n  a:\n    runs-on: [self-hosted, Windows]\n    steps:\n      - run: x\n"
        ));
        // A runner whose OS is unknown may run pwsh (the old reading said bash).
        assert!(!posix(
            "jobs:\n  a:\n    runs-on: [self-hosted, gpu]\n    steps:\n      - run: x\n"
        ));
        // The job's `defaults.run.shell` counts.
        assert!(!posix(
            "jobs:\n  a:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: pwsh\n    steps:\n      - run: x\n"
        ));
        assert!(posix(
            "jobs:\n  a:\n    runs-on: windows-latest\n    steps:\n      - run: x\n        shell: bash\n"
        ));
    }
}
