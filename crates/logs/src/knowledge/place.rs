//! Where a job's step ran, as far as its log shows it: the runner's OS and
//! architecture, and whether the machine is one of GitHub's hosted images, a
//! self-hosted runner, or a job container on a runner. A fix that installs a
//! program reaches some of these places and not others
//! ([`super::install::reaches`]); a field the log does not evidence is `None`,
//! never a guess.
//!
//! The evidence, each as the runner prints it:
//! - the step's script path, which the runner writes under its work
//!   directory's `_temp` (actions/runner's `ScriptHandler`): GitHub's hosted
//!   images run from `/home/runner/work` (Linux), `/Users/runner/work`
//!   (macOS) and `{drive}:\a` (Windows; Git Bash prints it `/d/a`); a job
//!   container mounts the work directory at `/__w`; a self-hosted runner's
//!   default work folder is `_work` under its install directory (its
//!   `config.sh --work` default), which the hosted images do not use;
//! - the `Set up job` step's `Runner Image` group (`Image: ubuntu-24.04`,
//!   `catalogue::hosted_image`), which only GitHub's images print (their
//!   `.setup_info`, actions/runner's ADR 354), and its `Operating System`
//!   group, whose first line names the system (`Ubuntu`, `macOS`,
//!   `Microsoft Windows Server 2022`);
//! - the same step's `Runner name: '{name}'` line (actions/runner's
//!   `JobExtension.InitializeJob`): GitHub's hosted runners are named
//!   `GitHub Actions {n}`; a runner of another name that printed no `Runner
//!   Image` group is taken as self-hosted;
//! - the set-up's lines are taken from the set-up only (the first of each
//!   wins): the lines of the job before its first step (the runner prints
//!   the set-up before the first step's `##[group]Run …` header), or the
//!   set-up's own step where the log names steps (actions/runner's
//!   `JobExtension.InitializeJob` names it `Set up job`; `gh run view --log`
//!   labels a job log it could not split into steps `UNKNOWN STEP`, whose
//!   set-up then ends at the first `Run` header). A step's output that prints
//!   the same lines (`echo "Runner name: 'x'"`, a whole fake set-up block) says
//!   nothing of the place, and a paste without the set-up (`gh run view
//!   --log-failed`) leaves these fields unknown; the script path is read from
//!   the line itself, a line of the step that printed it;
//! - the `Initialize containers` step's `docker create` of the job container,
//!   whose working directory is under the work folder's mount, `--workdir
//!   /__w/{repo}/{repo}` (a service container gets none).

/// A runner's operating system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceOs {
    Linux,
    MacOs,
    Windows,
}

impl PlaceOs {
    pub const ALL: [PlaceOs; 3] = [PlaceOs::Linux, PlaceOs::MacOs, PlaceOs::Windows];

    /// As `runner.os` names it.
    pub fn name(self) -> &'static str {
        match self {
            PlaceOs::Linux => "Linux",
            PlaceOs::MacOs => "macOS",
            PlaceOs::Windows => "Windows",
        }
    }
}

/// The image of a job container, as far as it is known: Debian-based
/// (`apt-get` as root), Alpine (`apk` as root), or another (another
/// distribution, an expression, a non-root user), where nothing is installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Image {
    Debian,
    Alpine,
    Other,
}

impl Image {
    pub const ALL: [Image; 3] = [Image::Debian, Image::Alpine, Image::Other];
}

/// The machine a step ran on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Machine {
    /// One of GitHub's hosted images, with their preinstalled software.
    Hosted,
    /// A self-hosted runner: whatever its owner installed.
    SelfHosted,
    /// A job container on a runner (Linux only); its image when known.
    Container(Option<Image>),
}

/// Where a step ran. `None` fields are what the evidence does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    pub os: Option<PlaceOs>,
    pub arm64: Option<bool>,
    pub machine: Option<Machine>,
}

/// A place with every field known: what a fix is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Concrete {
    pub os: PlaceOs,
    pub arm64: bool,
    pub machine: ConcreteMachine,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConcreteMachine {
    Hosted,
    SelfHosted,
    Container(Image),
}

impl Place {
    pub const UNKNOWN: Place = Place {
        os: None,
        arm64: None,
        machine: None,
    };

    /// Every concrete place this one may be. Job containers run on Linux
    /// runners only (actions/runner supports `container:` on Linux).
    pub fn completions(&self) -> Vec<Concrete> {
        let oses: Vec<PlaceOs> = self.os.map_or(PlaceOs::ALL.to_vec(), |o| vec![o]);
        let arms: Vec<bool> = self.arm64.map_or(vec![false, true], |a| vec![a]);
        let machines: Vec<ConcreteMachine> = match self.machine {
            Some(Machine::Hosted) => vec![ConcreteMachine::Hosted],
            Some(Machine::SelfHosted) => vec![ConcreteMachine::SelfHosted],
            Some(Machine::Container(Some(i))) => vec![ConcreteMachine::Container(i)],
            Some(Machine::Container(None)) => Image::ALL.iter().map(|i| ConcreteMachine::Container(*i)).collect(),
            None => [ConcreteMachine::Hosted, ConcreteMachine::SelfHosted]
                .into_iter()
                .chain(Image::ALL.iter().map(|i| ConcreteMachine::Container(*i)))
                .collect(),
        };
        let mut out = Vec::new();
        for &os in &oses {
            for &arm64 in &arms {
                for &machine in &machines {
                    if matches!(machine, ConcreteMachine::Container(_)) && os != PlaceOs::Linux {
                        continue;
                    }
                    out.push(Concrete { os, arm64, machine });
                }
            }
        }
        out
    }

    /// This place with `other`'s fields where this one has none.
    pub fn or(self, other: Place) -> Place {
        Place {
            os: self.os.or(other.os),
            arm64: self.arm64.or(other.arm64),
            machine: self.machine.or(other.machine),
        }
    }
}

/// What a script path in a line says of the place (the runner's `_temp`
/// directory under its work folder; see the module's list).
pub fn from_script_path(text: &str) -> Place {
    let hosted = |os| Place {
        os: Some(os),
        arm64: None,
        machine: Some(Machine::Hosted),
    };
    if text.contains("/__w/_temp/") {
        return Place {
            os: Some(PlaceOs::Linux),
            arm64: None,
            machine: Some(Machine::Container(None)),
        };
    }
    if text.contains("/home/runner/work/_temp/") {
        return hosted(PlaceOs::Linux);
    }
    if text.contains("/Users/runner/work/_temp/") {
        return hosted(PlaceOs::MacOs);
    }
    if windows_hosted_temp(text) {
        return hosted(PlaceOs::Windows);
    }
    for sep in ['/', '\\'] {
        let marker = format!("{sep}_work{sep}_temp{sep}");
        let Some(at) = text.find(&marker) else { continue };
        // The word the marker ends (split on any whitespace, a no-break
        // space's two bytes included: never a byte offset inside a character).
        let path = text[..at].rsplit(char::is_whitespace).next().unwrap_or("");
        let os = if sep == '\\' || drive(path).is_some() || git_bash_drive(path) {
            Some(PlaceOs::Windows)
        } else if path.starts_with("/Users/") {
            Some(PlaceOs::MacOs)
        } else {
            None
        };
        return Place {
            os,
            arm64: None,
            machine: Some(Machine::SelfHosted),
        };
    }
    Place::UNKNOWN
}

/// `D:\a\_temp\` (or `C:\a\_temp\`), or Git Bash's `/d/a/_temp/`.
fn windows_hosted_temp(text: &str) -> bool {
    // `get`, not indexing: the two bytes before a marker may be the end of a
    // multi-byte character (a path after `é` or `日`), which is no drive.
    text.match_indices(r"\a\_temp\")
        .any(|(at, _)| text.get(at.saturating_sub(2)..at).and_then(drive).is_some())
        || text.match_indices("/a/_temp/").any(|(at, _)| {
            let before = &text[..at];
            let split = before.len().saturating_sub(2);
            before.get(split..).is_some_and(git_bash_drive)
                && before.get(..split).is_some_and(|head| {
                    head.chars()
                        .next_back()
                        .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '/' && c != '_' && c != '.')
                })
        })
}

/// `C:` at the start of `s`.
fn drive(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    (chars.next() == Some(':')).then_some(letter)
}

/// Git Bash's `/c` (at the start of `s`, followed by nothing or `/`).
fn git_bash_drive(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'/' && b[1].is_ascii_lowercase() && (b.len() == 2 || b[2] == b'/')
}

/// The OS the first line of the set-up's `Operating System` group names.
pub fn os_group_line(previous: Option<&str>, text: &str) -> Option<PlaceOs> {
    if !previous.is_some_and(|p| p.trim().ends_with("Operating System")) {
        return None;
    }
    let text = text.trim();
    if text == "Ubuntu" || text.starts_with("Ubuntu ") {
        Some(PlaceOs::Linux)
    } else if text == "macOS" || text.starts_with("macOS ") {
        Some(PlaceOs::MacOs)
    } else if text.starts_with("Microsoft Windows") {
        Some(PlaceOs::Windows)
    } else {
        None
    }
}

/// The runner's `Runner name: '{name}'` line: whether the name is a hosted
/// runner's (`GitHub Actions {n}`).
pub fn runner_name_is_hosted(text: &str) -> Option<bool> {
    let name = text.trim().strip_prefix("Runner name: '")?.strip_suffix('\'')?;
    let n = name.strip_prefix("GitHub Actions ");
    Some(n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

/// The runner's `docker create` of a job container: the steps' working
/// directory is under `/__w`, the work folder's mount (service containers
/// are created without one).
pub fn creates_job_container(text: &str) -> bool {
    text.contains("docker create ") && text.contains("--workdir /__w/")
}

/// Whether a (lowercased) image reference names a Debian or Ubuntu image,
/// where `apt-get` installs as root. The Docker official images named here
/// are Debian-based in their default and `-slim`/codename variants, and
/// publish other bases as tag variants (`-alpine`, `-windowsservercore`,
/// `-nanoserver`); `openjdk`'s default variant from JDK 12 on is Oracle Linux
/// (docker-library/openjdk's `oracle` directory, `-oraclelinux8`), with
/// Debian only as `-slim` and codename tags, so it counts only with one.
/// Any word naming another distribution (Red Hat's `ubi9/…` images, CentOS,
/// Fedora, Rocky, Alma, Amazon Linux, openSUSE, the manylinux images) wins
/// over a language name in the same reference (`ubi9/nodejs-20` has node).
pub fn debian_image(lower: &str) -> bool {
    const DEBIANISH: &[&str] = &[
        "ubuntu",
        "debian",
        "python",
        "node",
        "golang",
        "rust",
        "buildpack-deps",
        "ruby",
    ];
    const DEBIAN_CODENAMES: &[&str] = &["slim", "stretch", "buster", "bullseye", "bookworm", "trixie", "sid"];
    // Ubuntu's release codenames, which images built on Ubuntu put in their
    // tags (`eclipse-temurin:21-jdk-jammy`, `…-noble`): apt-get as root.
    const UBUNTU_CODENAMES: &[&str] = &["bionic", "focal", "jammy", "noble"];
    const OTHER_BASES: &[&str] = &[
        "alpine",
        "windowsservercore",
        "nanoserver",
        "oracle",
        "oraclelinux",
        "ubi",
        "redhat",
        "rhel",
        "centos",
        "fedora",
        "rockylinux",
        "almalinux",
        "amazonlinux",
        "opensuse",
        "suse",
        "manylinux",
        "musllinux",
        "wolfi",
        "distroless",
    ];
    let words = image_words(lower);
    if words.iter().any(|w| OTHER_BASES.contains(w)) {
        return false;
    }
    if words.iter().any(|w| UBUNTU_CODENAMES.contains(w)) {
        return true;
    }
    if lower.contains("openjdk") {
        return words.iter().any(|w| DEBIAN_CODENAMES.contains(w));
    }
    DEBIANISH.iter().any(|d| lower.contains(d))
}

/// Words of an image reference: registry, path, tag (`3.12-slim-bookworm`),
/// each without the version digits a base's name carries (`ubi9`,
/// `alpine3.20`, `manylinux2014`, `oraclelinux8`).
fn image_words(lower: &str) -> Vec<&str> {
    lower
        .split(['/', ':', '@', '-', '_', '.'])
        .map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit()))
        .collect()
}

/// Whether a (lowercased) image reference names an Alpine image: the
/// `alpine` image itself or a Docker official image's `-alpine` variant
/// (`node:20-alpine`, `python:3.12-alpine3.20`), where `apk` installs as
/// root; never one that also names a Windows base.
pub fn alpine_image(lower: &str) -> bool {
    let words = image_words(lower);
    words.contains(&"alpine") && !words.iter().any(|w| ["windowsservercore", "nanoserver"].contains(w))
}

/// The user a container's `options:` (`docker create` flags) runs it as,
/// when that is not root: `--user 1001`, `--user=app:app`, `-u 1001`.
/// `root`, `0` and `0:0` are root, whose installs work without `sudo`.
pub fn container_user(options: &str) -> Option<&str> {
    let words: Vec<&str> = options.split_whitespace().collect();
    let user = words.iter().enumerate().find_map(|(i, w)| match *w {
        "--user" | "-u" => words.get(i + 1).copied(),
        _ => w
            .strip_prefix("--user=")
            .or_else(|| w.strip_prefix("-u").filter(|u| !u.is_empty() && !u.starts_with('-'))),
    })?;
    let name = user.split(':').next().unwrap_or(user).trim_matches(['"', '\'']);
    (!matches!(name, "root" | "0")).then_some(user)
}

/// The image of the job container the runner's `docker create` line
/// creates ([`creates_job_container`]): actions/runner's `DockerCreate`
/// writes the container's `options:` among the flags, then `--entrypoint
/// "tail"` (the job container's), then the image.
pub fn job_container_image(text: &str) -> Option<Image> {
    if !creates_job_container(text) {
        return None;
    }
    let (flags, rest) = text.split_once("--entrypoint \"tail\" ")?;
    let image = rest.split_whitespace().next()?;
    Some(image_of(image, flags))
}

/// What a job container's image reference and `options:` (`docker create`
/// flags) allow installing into: a Debian or Alpine image run as root, or
/// neither.
pub fn image_of(reference: &str, options: &str) -> Image {
    let lower = reference.to_ascii_lowercase();
    if reference.contains("${{") || reference.is_empty() || container_user(options).is_some() {
        return Image::Other;
    }
    if alpine_image(&lower) {
        Image::Alpine
    } else if debian_image(&lower) {
        Image::Debian
    } else {
        Image::Other
    }
}

/// What a job's set-up showed, learned line by line.
#[derive(Clone, Debug, Default)]
pub struct JobEvidence {
    /// The `Runner Image` group's image: OS and architecture, hosted.
    pub image: Option<(PlaceOs, bool)>,
    /// The `Operating System` group's system.
    pub os: Option<PlaceOs>,
    /// The `Runner name` line: a hosted runner's name or another.
    pub hosted_name: Option<bool>,
    /// The runner created a job container ([`creates_job_container`]).
    pub container: bool,
    /// Its image, as [`job_container_image`] reads it.
    pub container_image: Option<Image>,
    /// Inside the runner's `Starting job container` group, before its pull.
    starting_container: bool,
    /// Where the log is relative to the job's set-up.
    set_up: SetUp,
    /// The job printed a line.
    printed: bool,
}

/// Where a job's log is relative to its set-up ([`JobEvidence::in_set_up`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SetUp {
    /// No step began yet: the runner's set-up lines come first.
    #[default]
    Before,
    /// In the set-up's own step, named by the log's format.
    Step,
    /// A step of the job's began.
    Over,
}

/// What the log's formats name the set-up's step: actions/runner's
/// `JobExtension` names it `Set up job` (the step file `1_Set up job.txt`,
/// `gh run view --log`'s step column); `gh run view --log` labels the lines of
/// a job log it could not split into steps `UNKNOWN STEP` (`UNKNOWN` before
/// gh 2.70), the set-up first.
const SET_UP_STEPS: [&str; 3] = ["Set up job", "UNKNOWN STEP", "UNKNOWN"];

impl JobEvidence {
    /// Learns from one line of the job's log (its set-up and `Initialize
    /// containers` steps): the runner's name, the job container and its
    /// image. The image comes from the `docker create` line, else from the
    /// `docker pull` the runner runs first under its `Starting job
    /// container` group (actions/runner's `ContainerOperationProvider`
    /// names a service's group `Starting {alias} service container`).
    /// The set-up's `Runner name` and `Operating System` lines count only in
    /// the set-up ([`JobEvidence::in_set_up`]); `previous` is the line before
    /// `text`, and `run_header` says `text` is a step's `Run …` header.
    pub fn learn(&mut self, previous: Option<&str>, text: &str, run_header: bool) {
        if run_header {
            self.set_up = SetUp::Over;
        }
        self.printed = true;
        if self.in_set_up() {
            if self.hosted_name.is_none() {
                self.hosted_name = runner_name_is_hosted(text);
            }
            if self.os.is_none() {
                self.os = os_group_line(previous, text);
            }
        }
        if creates_job_container(text) {
            self.container = true;
            self.starting_container = false;
            self.container_image = job_container_image(text);
            return;
        }
        let trimmed = text.trim();
        if trimmed.ends_with("Starting job container") {
            self.container = true;
            self.starting_container = true;
            return;
        }
        if self.starting_container {
            if let Some((_, image)) = trimmed
                .split_once("docker pull ")
                .or_else(|| trimmed.split_once(" pull "))
            {
                if trimmed.contains("docker") {
                    self.container_image = image.split_whitespace().last().map(|i| image_of(i, ""));
                    self.starting_container = false;
                }
            }
        }
    }

    /// A step of the job begins: the set-up is over, unless this is the
    /// set-up's own step, named so before the job printed anything.
    pub fn begin_step(&mut self, name: &str) {
        let set_up_step = self.set_up == SetUp::Before && !self.printed && SET_UP_STEPS.contains(&name.trim());
        self.set_up = if set_up_step { SetUp::Step } else { SetUp::Over };
    }

    /// Whether the job's latest line is one of its set-up's.
    pub fn in_set_up(&self) -> bool {
        self.set_up != SetUp::Over
    }

    /// The place the job's set-up shows.
    pub fn place(&self) -> Place {
        let machine = if self.container {
            Some(Machine::Container(self.container_image))
        } else if self.image.is_some() || self.hosted_name == Some(true) {
            Some(Machine::Hosted)
        } else if self.hosted_name == Some(false) {
            Some(Machine::SelfHosted)
        } else {
            None
        };
        let os = if self.container {
            Some(PlaceOs::Linux)
        } else {
            self.image.map(|(os, _)| os).or(self.os)
        };
        Place {
            os,
            arm64: self.image.map(|(_, arm)| arm),
            machine,
        }
    }

    /// The place of a step's line: its script path first (a container
    /// job's step runs in `/__w`), then the job's set-up.
    pub fn place_of(&self, text: &str) -> Place {
        let mut place = from_script_path(text).or(self.place());
        if matches!(place.machine, Some(Machine::Container(_))) {
            place.os = Some(PlaceOs::Linux);
            place.machine = Some(Machine::Container(self.container_image));
        }
        place
    }
}

#[cfg(test)]
mod tests {

    /// A multi-byte character right before a marker (a web copy's no-break
    /// space, a path after `é` or `日`) is read, never sliced through.
    #[test]
    fn multi_byte_characters_before_a_marker_do_not_split() {
        let markers = [
            r"\a\_temp\x.ps1",
            "/a/_temp/x.sh",
            "/x/_work/_temp/x.sh",
            r"\x\_work\_temp\x.cmd",
            "/home/runner/work/_temp/x.sh",
        ];
        for prefix in ["\u{a0}", "é", "日", "a\u{a0}b", "C\u{a0}", "/\u{e9}", "\u{1f600}"] {
            for marker in markers {
                for text in [format!("{prefix}{marker}"), format!("run {prefix}{marker} done")] {
                    // Reaching the end is the test: no slice inside a character.
                    let place = from_script_path(&text);
                    if marker.starts_with("/home/runner") {
                        assert_eq!(place.os, Some(PlaceOs::Linux), "{text:?}");
                    }
                }
            }
        }
        // The word before a self-hosted marker ends at a no-break space.
        let place = from_script_path("bash\u{a0}/Users/ci/_work/_temp/x.sh");
        assert_eq!(
            (place.os, place.machine),
            (Some(PlaceOs::MacOs), Some(Machine::SelfHosted))
        );
    }

    use super::*;

    #[test]
    fn script_paths_name_their_runner() {
        let p = from_script_path("/home/runner/work/_temp/0a.sh: line 1: jq: command not found");
        assert_eq!((p.os, p.machine), (Some(PlaceOs::Linux), Some(Machine::Hosted)));
        let p = from_script_path("/Users/runner/work/_temp/0a.sh: line 1: jq: command not found");
        assert_eq!((p.os, p.machine), (Some(PlaceOs::MacOs), Some(Machine::Hosted)));
        let p = from_script_path(r"At D:\a\_temp\9f.ps1:2 char:1");
        assert_eq!((p.os, p.machine), (Some(PlaceOs::Windows), Some(Machine::Hosted)));
        let p = from_script_path("/d/a/_temp/9f.sh: line 2: jq: command not found");
        assert_eq!((p.os, p.machine), (Some(PlaceOs::Windows), Some(Machine::Hosted)));
        let p = from_script_path("/__w/_temp/2.sh: 3: jq: not found");
        assert_eq!(
            (p.os, p.machine),
            (Some(PlaceOs::Linux), Some(Machine::Container(None)))
        );
        let p = from_script_path("/home/ci/actions-runner/_work/_temp/5c.sh: line 2: jq: command not found");
        assert_eq!((p.os, p.machine), (None, Some(Machine::SelfHosted)));
        let p = from_script_path("/Users/ci/runner/_work/_temp/5c.sh: line 2: jq: command not found");
        assert_eq!((p.os, p.machine), (Some(PlaceOs::MacOs), Some(Machine::SelfHosted)));
        let p = from_script_path(r"C:\actions-runner\_work\_temp\5c.ps1:2");
        assert_eq!((p.os, p.machine), (Some(PlaceOs::Windows), Some(Machine::SelfHosted)));
        // Not the runner's work directory.
        for text in [
            "jq: command not found",
            "/tmp/a/_temp/x.sh: jq: not found",
            "/home/runner/work/app/build.sh: line 1: jq: command not found",
            "see /xd/a/_temp/",
        ] {
            assert_eq!(from_script_path(text), Place::UNKNOWN, "{text}");
        }
    }

    #[test]
    fn the_set_up_shows_the_machine() {
        assert_eq!(
            runner_name_is_hosted("Runner name: 'GitHub Actions 1000081234'"),
            Some(true)
        );
        assert_eq!(runner_name_is_hosted("Runner name: 'GitHub Actions 2'"), Some(true));
        assert_eq!(runner_name_is_hosted("Runner name: 'build-box-3'"), Some(false));
        assert_eq!(runner_name_is_hosted("Runner name: 'GitHub Actions x'"), Some(false));
        assert_eq!(runner_name_is_hosted("Machine name: 'fv-az12'"), None);
        assert_eq!(
            os_group_line(Some("##[group]Operating System"), "Ubuntu"),
            Some(PlaceOs::Linux)
        );
        assert_eq!(os_group_line(Some("Operating System"), "macOS"), Some(PlaceOs::MacOs));
        assert_eq!(
            os_group_line(Some("Operating System"), "Microsoft Windows Server 2022"),
            Some(PlaceOs::Windows)
        );
        assert_eq!(os_group_line(Some("Run echo"), "Ubuntu"), None);

        let mut job = JobEvidence::default();
        assert_eq!(job.place(), Place::UNKNOWN);
        job.hosted_name = Some(false);
        assert_eq!(job.place().machine, Some(Machine::SelfHosted));
        job.image = Some((PlaceOs::Linux, true));
        assert_eq!(
            job.place(),
            Place {
                os: Some(PlaceOs::Linux),
                arm64: Some(true),
                machine: Some(Machine::Hosted)
            }
        );
        assert!(creates_job_container(
            "##[command]/usr/bin/docker create --name 9d_ubuntu --label c7 --workdir /__w/app/app --network n -v \"/home/runner/work\":\"/__w\" ubuntu:24.04"
        ));
        assert!(!creates_job_container(
            "##[command]/usr/bin/docker create --name 4c_mongo --label 9b --network n -p 27017:27017 mongo:4.4"
        ));
        let create = |tail: &str| {
            format!(
                "##[command]/usr/bin/docker create --name 9d --label c7 --workdir /__w/app/app --network n {tail} -e CI=true -v \"/home/runner/work\":\"/__w\" --entrypoint \"tail\" IMAGE \"-f\" \"/dev/null\""
            )
        };
        for (image, options, want) in [
            ("debian:bookworm-slim", "", Image::Debian),
            ("node:20-alpine", "--cpus 2", Image::Alpine),
            ("fedora:41", "", Image::Other),
            ("python:3.12", "--user 1001", Image::Other),
        ] {
            assert_eq!(
                job_container_image(&create(options).replace("IMAGE", image)),
                Some(want),
                "{image}"
            );
        }
        assert_eq!(
            job_container_image("##[command]/usr/bin/docker create --name x mongo:4.4"),
            None
        );
        // Without the create line, the job container's pull names the image;
        // a service container's does not count.
        let mut job = JobEvidence::default();
        for line in [
            "##[group]Starting mongo service container",
            "##[command]/usr/bin/docker pull mongo:7",
            "##[group]Starting job container",
            "##[command]/usr/bin/docker pull node:20-alpine",
        ] {
            job.learn(None, line, false);
        }
        assert_eq!(job.place().machine, Some(Machine::Container(Some(Image::Alpine))));
        let mut job = JobEvidence::default();
        job.learn(None, "##[group]Starting mongo service container", false);
        job.learn(None, "##[command]/usr/bin/docker pull mongo:7", false);
        assert_eq!(job.place().machine, None);
        // A container job's steps run in the container; its path says so too.
        job.container = true;
        assert_eq!(job.place().machine, Some(Machine::Container(None)));
        let job = JobEvidence::default();
        assert_eq!(
            job.place_of("/__w/_temp/1.sh: line 1: jq: command not found").machine,
            Some(Machine::Container(None))
        );
    }

    /// The set-up's lines count in the set-up only: before the job's first
    /// step, or in the set-up's own step until a step's `Run` header; the
    /// first of each wins.
    #[test]
    fn the_set_up_s_lines_count_in_the_set_up_only() {
        let read = |job: &mut JobEvidence, lines: &[&str]| {
            let mut previous: Option<&str> = None;
            for line in lines {
                job.learn(previous, line, line.starts_with("##[group]Run "));
                previous = Some(line);
            }
        };
        let set_up = ["Runner name: 'build-box-3'", "##[group]Operating System", "macOS"];
        let fake = ["Runner name: 'GitHub Actions 2'", "##[group]Operating System", "Ubuntu"];
        // Before any step; a step's echo after it is ignored.
        let mut job = JobEvidence::default();
        read(&mut job, &set_up);
        job.begin_step("Run ./ci.sh");
        read(&mut job, &fake);
        assert_eq!((job.hosted_name, job.os), (Some(false), Some(PlaceOs::MacOs)));
        // The first wins within the set-up too.
        let mut job = JobEvidence::default();
        read(&mut job, &set_up);
        read(&mut job, &fake);
        assert_eq!((job.hosted_name, job.os), (Some(false), Some(PlaceOs::MacOs)));
        // The set-up's own step, named before any line; another step, or a
        // step of that name after the job printed, is not the set-up.
        for name in ["Set up job", "UNKNOWN STEP"] {
            let mut job = JobEvidence::default();
            job.begin_step(name);
            read(&mut job, &set_up);
            assert_eq!(job.hosted_name, Some(false), "{name}");
        }
        let mut job = JobEvidence::default();
        job.begin_step("Run tests");
        read(&mut job, &fake);
        assert_eq!((job.hosted_name, job.os), (None, None));
        let mut job = JobEvidence::default();
        read(&mut job, &["Current runner version: '2.321.0'"]);
        job.begin_step("Run ./ci.sh");
        job.begin_step("Set up job");
        read(&mut job, &fake);
        assert_eq!((job.hosted_name, job.os), (None, None));
        // `UNKNOWN STEP`'s set-up ends at its first `Run` header.
        let mut job = JobEvidence::default();
        job.begin_step("UNKNOWN STEP");
        read(&mut job, &["##[group]Run ./ci.sh"]);
        read(&mut job, &fake);
        assert_eq!((job.hosted_name, job.os), (None, None));
    }

    #[test]
    fn an_unknown_field_stands_for_every_value() {
        assert_eq!(Place::UNKNOWN.completions().len(), 3 * 2 * 2 + 2 * 3);
        let container = Place {
            os: None,
            arm64: Some(false),
            machine: Some(Machine::Container(None)),
        };
        let all = container.completions();
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|c| c.os == PlaceOs::Linux));
    }
}
