//! How a command a job lacks gets installed: the setup action of each
//! toolchain, the pipx tools, and the apt/brew/choco package of plain tools;
//! and what GitHub's hosted Ubuntu images already have. The classifier calls
//! a command "known" when it is here or in [`super::tools`]; the
//! `missing_command` fix installs it from here. Package names are each
//! distribution's own (packages.ubuntu.com, formulae.brew.sh,
//! community.chocolatey.org); setup actions and their inputs are from their
//! `action.yml`. Where each route's fix works is [`reaches`], one list
//! read by the diagnosis and the generator.

use super::place::{Concrete, ConcreteMachine, Image, Place, PlaceOs};

/// A setup action and its inputs, for toolchain commands.
#[derive(Debug)]
pub struct SetupAction {
    pub commands: &'static [&'static str],
    pub uses: &'static str,
    pub with: &'static [(&'static str, &'static str)],
    /// A command to run after the action (e.g. enabling yarn), if any.
    pub then_run: Option<&'static str>,
    pub what: &'static str,
    /// The programs the action's own shell scripts call (a composite
    /// action's `run:` steps), read in its action.yml and scripts. GitHub's
    /// images have them; a container job's image may not (a slim Debian
    /// image has no `curl`, `jq` or `unzip`), so such an action is not
    /// offered to a container job. Empty for JavaScript actions, which run
    /// on the runner's own Node.js.
    pub script_tools: &'static [&'static str],
    /// Whether the action can set the tool up on Linux ARM64 (its download
    /// has a build for it).
    pub linux_arm64: bool,
}

pub static SETUP_ACTIONS: &[SetupAction] = &[
    SetupAction {
        commands: &["node", "npm", "npx"],
        uses: "actions/setup-node@v4",
        with: &[("node-version", "lts/*")],
        then_run: None,
        what: "Node.js",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["yarn"],
        uses: "actions/setup-node@v4",
        with: &[("node-version", "lts/*")],
        then_run: Some("npm install --global yarn"),
        what: "Node.js",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["pnpm"],
        uses: "pnpm/action-setup@v4",
        // The version comes from the project (see `pnpm_version`).
        with: &[],
        then_run: None,
        what: "pnpm",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["go", "gofmt"],
        uses: "actions/setup-go@v5",
        with: &[("go-version", "stable")],
        then_run: None,
        what: "Go",
        script_tools: &[],
        linux_arm64: true,
    },
    // setup-java puts the JDK's own programs on the PATH (its `bin`), not
    // Maven or Gradle (its `action.yml` installs a JDK; `cache: maven` only
    // caches): `mvn` is an OS package below, `gradle` the project's wrapper.
    SetupAction {
        commands: &["java", "javac", "jar"],
        uses: "actions/setup-java@v4",
        with: &[("distribution", "temurin"), ("java-version", "'21'")],
        then_run: None,
        what: "Java (Temurin)",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["python", "python3", "pip", "pip3"],
        uses: "actions/setup-python@v5",
        with: &[("python-version", "'3.x'")],
        then_run: None,
        what: "Python",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["ruby", "gem", "bundle", "bundler"],
        uses: "ruby/setup-ruby@v1",
        with: &[("ruby-version", "ruby")],
        then_run: None,
        what: "Ruby",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["dotnet"],
        uses: "actions/setup-dotnet@v4",
        with: &[("dotnet-version", "'8.0.x'")],
        then_run: None,
        what: ".NET",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["rustc", "cargo", "rustup"],
        uses: "dtolnay/rust-toolchain@stable",
        with: &[],
        then_run: None,
        what: "Rust",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["deno"],
        uses: "denoland/setup-deno@v2",
        with: &[("deno-version", "v2.x")],
        then_run: None,
        what: "Deno",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["bun"],
        uses: "oven-sh/setup-bun@v2",
        with: &[],
        then_run: None,
        what: "Bun",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["uv", "uvx"],
        uses: "astral-sh/setup-uv@v5",
        with: &[],
        then_run: None,
        what: "uv",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["terraform"],
        uses: "hashicorp/setup-terraform@v3",
        with: &[],
        then_run: None,
        what: "Terraform",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["helm"],
        uses: "azure/setup-helm@v4",
        with: &[],
        then_run: None,
        what: "Helm",
        script_tools: &[],
        linux_arm64: true,
    },
    SetupAction {
        commands: &["kubectl"],
        uses: "azure/setup-kubectl@v4",
        with: &[],
        then_run: None,
        what: "kubectl",
        script_tools: &[],
        linux_arm64: true,
    },
    // sbt's own action (a composite: downloads the sbt runner script and
    // appends its `bin` to `$GITHUB_PATH` on Linux, macOS and Windows; every
    // input has a default, the build's sbt version comes from
    // `project/build.properties`). sbt left the ubuntu-24.04 image.
    SetupAction {
        commands: &["sbt"],
        uses: "sbt/setup-sbt@v1",
        with: &[],
        then_run: None,
        what: "sbt",
        // Its script downloads the sbt runner with `curl` and unpacks it with
        // `unzip`; the runner script then needs a JDK.
        script_tools: &["curl", "unzip", "java"],
        linux_arm64: true,
    },
    // subosito/flutter-action, the action Flutter projects set up with (a
    // composite; `channel` defaults to `stable`, written out so the version
    // line is visible; its setup script puts the SDK's `bin` on the PATH).
    SetupAction {
        commands: &["flutter"],
        uses: "subosito/flutter-action@v2",
        with: &[("channel", "stable")],
        then_run: None,
        what: "Flutter",
        // Its `setup.sh` reads Flutter's release manifest with `jq` (and
        // stops at once without it), downloads with `curl`, unpacks with
        // `tar`/`unzip`; the manifest lists Linux builds for x64 only.
        script_tools: &["jq", "curl", "tar", "unzip"],
        linux_arm64: false,
    },
];

/// Python command-line tools installed with pipx (present on hosted runners).
pub static PIPX_TOOLS: &[&str] = &[
    "poetry",
    "tox",
    "nox",
    "pre-commit",
    "hatch",
    "pdm",
    "twine",
    "cookiecutter",
];

/// Where the program of a Chocolatey package is, for the job's later steps.
/// GitHub's runner starts each step with the job's environment and does not
/// re-read the machine PATH from the registry (actions/runner#2056,
/// actions/runner-images#6071), so an installer that only adds its directory
/// there (the installer itself, or the package's `Install-ChocolateyPath …
/// Machine`) leaves the program off the PATH of every later step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnPath {
    /// Chocolatey shims it into `$ChocolateyInstall\bin`, which is on the
    /// runner's PATH: every executable inside the package folder is shimmed
    /// automatically, others by the package's `Install-BinFile`
    /// (docs.chocolatey.org, `Install-BinFile`).
    Shim,
    /// An installer puts it in this fixed directory and adds that to the
    /// machine PATH only: the fix publishes the directory through
    /// `$GITHUB_PATH` (docs.github.com, "Adding a system path").
    Dir(&'static str),
    /// Neither: the package does not make the command runnable in a later
    /// step (an installer whose directory the fix cannot name, or a package
    /// whose programs have other names). No choco fix.
    No,
}

/// A Chocolatey package and how its program reaches the PATH.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choco {
    pub package: &'static str,
    pub on_path: OnPath,
}

const fn shim(package: &'static str) -> Option<Choco> {
    Some(Choco {
        package,
        on_path: OnPath::Shim,
    })
}

const fn in_dir(package: &'static str, dir: &'static str) -> Option<Choco> {
    Some(Choco {
        package,
        on_path: OnPath::Dir(dir),
    })
}

const fn off_path(package: &'static str) -> Option<Choco> {
    Some(Choco {
        package,
        on_path: OnPath::No,
    })
}

/// Where a Homebrew formula's programs are. Homebrew links a formula's `bin`
/// into its prefix's `bin`, which is on the macOS runners' PATH, unless the
/// formula is keg-only ("not symlinked into /opt/homebrew", docs.brew.sh
/// "Keg-only"); some formulae keep the usual names only in a `gnubin`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrewPath {
    /// Linked into Homebrew's `bin`.
    Linked,
    /// Under the formula's own prefix (`brew --prefix <formula>`), in this
    /// subdirectory: the fix publishes it through `$GITHUB_PATH`.
    Keg(&'static str),
}

/// A Homebrew formula and where its program is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Brew {
    pub formula: &'static str,
    pub on_path: BrewPath,
}

const fn linked(formula: &'static str) -> Option<Brew> {
    Some(Brew {
        formula,
        on_path: BrewPath::Linked,
    })
}

const fn keg(formula: &'static str, dir: &'static str) -> Option<Brew> {
    Some(Brew {
        formula,
        on_path: BrewPath::Keg(dir),
    })
}

/// A command and the apt, brew and choco packages that provide it.
///
/// The brew column is each formula's homebrew-core `Formula/<x>/<name>.rb` (re-read
/// 2026-12-06): a formula with a `keg_only` stanza is `keg(..)`. Most of those are
/// `keg_only :provided_by_macos` (macOS ships its own copy, so hosted macOS rarely
/// misses the command; a runner that does gets Homebrew's copy and its directory,
/// Homebrew's own "If you need to have … first in your PATH" caveat).
type PackageRow = (&'static str, Option<&'static str>, Option<Brew>, Option<Choco>);

// The choco column (review84 M4, checked 2026-12-06) is each package's own
// `tools/chocolateyInstall.ps1` unless noted: "unzips into the package" means
// its executables are in the package folder, which Chocolatey shims; a
// "ShimGen … created a shim for x.exe" line is Chocolatey's own install output.
pub static PACKAGES: &[PackageRow] = &[
    ("sudo", Some("sudo"), None, None),
    ("xvfb-run", Some("xvfb"), None, None),
    ("Xvfb", Some("xvfb"), None, None),
    // `imagemagick` depends on `imagemagick.app` (bdukes/Chocolatey-Packages), an Inno
    // installer run `/VERYSILENT` with no shim, into a versioned `ImageMagick-<version>-…`
    // directory; `convert`/`identify` only with its `LegacySupport` parameter.
    (
        "convert",
        Some("imagemagick"),
        linked("imagemagick"),
        off_path("imagemagick"),
    ),
    (
        "magick",
        Some("imagemagick"),
        linked("imagemagick"),
        off_path("imagemagick"),
    ),
    (
        "identify",
        Some("imagemagick"),
        linked("imagemagick"),
        off_path("imagemagick"),
    ),
    // Chocolatey's output: "ShimGen has successfully created a shim for jq.exe".
    ("jq", Some("jq"), linked("jq"), shim("jq")),
    // Ubuntu's and Debian's `maven` package installs `/usr/bin/mvn`; Homebrew's
    // `maven` (homebrew-core `Formula/m/maven.rb`) links `mvn` into its prefix.
    // Chocolatey's `maven` adds its `bin` to the machine PATH, which later
    // steps of the job do not see: no choco route.
    ("mvn", Some("maven"), linked("maven"), None),
    // Both keep their exe under `lib\<package>\tools`, inside the package folder.
    // Homebrew's `zip` and `unzip` are `keg_only :provided_by_macos`.
    ("zip", Some("zip"), keg("zip", "bin"), shim("zip")),
    ("unzip", Some("unzip"), keg("unzip", "bin"), shim("unzip")),
    // "ShimGen has successfully created a shim for make.exe".
    // Homebrew's `make` installs GNU make as `gmake`, `make` only in its
    // `libexec/gnubin` (homebrew-core `Formula/make.rb`), and publishing that
    // would put GNU make before the system's in every later step: no brew route.
    ("make", Some("make"), None, shim("make")),
    // `mingw` extracts into `lib\mingw\tools\install`; its output shims gcc.exe and g++.exe.
    // Homebrew's `gcc` configures with `--program-suffix=-#{version_suffix}` (homebrew-core
    // `Formula/g/gcc.rb`), so it installs `gcc-14`/`g++-14`, never `gcc` or `g++`: no brew route.
    ("gcc", Some("gcc"), None, shim("mingw")),
    ("g++", Some("g++"), None, shim("mingw")),
    // `llvm` (bspeice/au-packages) runs the NSIS installer `/S`, then
    // `Install-ChocolateyPath "$env:SystemDrive\Program Files\LLVM\bin" "Machine"`.
    // Homebrew's `llvm` is `keg_only :provided_by_macos` (Apple's clang comes with Xcode).
    (
        "clang",
        Some("clang"),
        keg("llvm", "bin"),
        in_dir("llvm", r"C:\Program Files\LLVM\bin"),
    ),
    // `cmake` depends on `cmake.install`, the MSI run `/qn`: its PATH entry only with
    // `ADD_CMAKE_TO_PATH`, whose default is `None` (the package's description).
    ("cmake", Some("cmake"), linked("cmake"), off_path("cmake")),
    // `ninja.exe` sits in `lib\ninja\tools`, which Chocolatey's `bin\ninja.exe` shim runs.
    ("ninja", Some("ninja-build"), linked("ninja"), shim("ninja")),
    ("meson", Some("meson"), linked("meson"), None),
    ("pkg-config", Some("pkg-config"), linked("pkg-config"), None),
    ("autoconf", Some("autoconf"), linked("autoconf"), None),
    ("automake", Some("automake"), linked("automake"), None),
    // Homebrew's `libtool` installs its commands with a `g` prefix (`glibtoolize`) "to prevent
    // conflicts with Apple's own libtool"; the usual names, `libtool` among them, are in
    // `libexec/gnubin` (homebrew-core `Formula/libtool.rb`). Publishing that directory would
    // shadow Apple's `/usr/bin/libtool` (a different program) in every later step (review86
    // M2): no brew route; a person chooses `glibtoolize` or `LIBTOOLIZE=glibtoolize`.
    ("libtoolize", Some("libtool"), None, None),
    // `winflexbison3` (lexxmark/winflexbison) unzips `win_bison.exe` and `win_flex.exe`:
    // shimmed under those names, so `bison` and `flex` stay missing.
    // Homebrew's `bison` and `flex` are `keg_only :provided_by_macos`.
    ("bison", Some("bison"), keg("bison", "bin"), off_path("winflexbison3")),
    ("flex", Some("flex"), keg("flex", "bin"), off_path("winflexbison3")),
    // `nasm` (teknowledgist/Chocolatey-packages) runs NASM's NSIS installer `/S`; the
    // installer (netwide-assembler/nasm `nsis/nasm.nsi`) never touches PATH and installs an
    // administrator's copy into `<Program Files>\NASM` (its MultiUser all-users mode).
    (
        "nasm",
        Some("nasm"),
        linked("nasm"),
        in_dir("nasm", r"C:\Program Files\NASM"),
    ),
    // `swig` unzips `swigwin-<version>` under `lib\swig\tools`, inside the package.
    ("swig", Some("swig"), linked("swig"), shim("swig")),
    // No choco package: `doxygen.install` is an installer package (Chocolatey's `.install`
    // naming), which puts doxygen in Program Files and on the machine PATH in the registry,
    // so a `choco install` step would not make the failing step pass (review84 M4).
    ("doxygen", Some("doxygen"), linked("doxygen"), None),
    // `graphviz` runs the installer, then `Install-BinFile` for each exe of its `bin`.
    ("dot", Some("graphviz"), linked("graphviz"), shim("graphviz")),
    // `protoc` unzips into the package.
    ("protoc", Some("protobuf-compiler"), linked("protobuf"), shim("protoc")),
    // `git` depends on `git.install`, Git for Windows' Inno installer, with no shim.
    ("git", Some("git"), linked("git"), off_path("git")),
    // No choco package: how the `git-lfs` package installs was not established.
    ("git-lfs", Some("git-lfs"), linked("git-lfs"), None),
    // `curl` and `wget` unzip into the package. Homebrew's `curl` is
    // `keg_only :provided_by_macos`.
    ("curl", Some("curl"), keg("curl", "bin"), shim("curl")),
    ("wget", Some("wget"), linked("wget"), shim("wget")),
    // "ShimGen has successfully created a shim for rsync.exe" (cwRsync unzipped into the package).
    ("rsync", Some("rsync"), linked("rsync"), shim("rsync")),
    ("ssh", Some("openssh-client"), None, None),
    ("sshpass", Some("sshpass"), None, None),
    // `sqlite` unzips the sqlite-tools (sqlite3.exe) into the package. Homebrew's
    // `sqlite` is `keg_only :provided_by_macos`.
    ("sqlite3", Some("sqlite3"), keg("sqlite", "bin"), shim("sqlite")),
    // `postgresql` (majkinetor/au-packages) runs EnterpriseDB's installer into
    // `Program Files\PostgreSQL\<major>` and `Install-ChocolateyPath … -PathType 'Machine'`.
    // Homebrew's `libpq` is keg-only, "it conflicts with PostgreSQL" (homebrew-core
    // `Formula/lib/libpq.rb`), so `psql` stays in `$(brew --prefix libpq)/bin`.
    (
        "psql",
        Some("postgresql-client"),
        keg("libpq", "bin"),
        off_path("postgresql"),
    ),
    (
        "pg_dump",
        Some("postgresql-client"),
        keg("libpq", "bin"),
        off_path("postgresql"),
    ),
    // No choco package: `mysql.workbench` is MySQL's GUI, not the `mysql` client.
    // Homebrew's `mysql-client` is keg-only ("it conflicts with mysql", its caveat).
    ("mysql", Some("default-mysql-client"), keg("mysql-client", "bin"), None),
    ("redis-cli", Some("redis-tools"), linked("redis"), None),
    // `shellcheck` (AnthonyMastrean/chocolateypackages) unzips into the package and
    // renames the exe to `shellcheck.exe`.
    (
        "shellcheck",
        Some("shellcheck"),
        linked("shellcheck"),
        shim("shellcheck"),
    ),
    // `ffmpeg` extracts the release 7z into the package.
    ("ffmpeg", Some("ffmpeg"), linked("ffmpeg"), shim("ffmpeg")),
    // `pandoc` (majkinetor/au-packages) runs the MSI, then `Install-BinFile` for pandoc.exe
    // (its shims: majkinetor/au-packages#116).
    ("pandoc", Some("pandoc"), linked("pandoc"), shim("pandoc")),
    // Homebrew's `libxml2` and `libxslt` are `keg_only :provided_by_macos`.
    ("xmllint", Some("libxml2-utils"), keg("libxml2", "bin"), None),
    ("xsltproc", Some("xsltproc"), keg("libxslt", "bin"), None),
    ("msgfmt", Some("gettext"), linked("gettext"), None),
    ("envsubst", Some("gettext-base"), linked("gettext"), None),
    // `7zip` depends on `7zip.install`, which runs the installer and `Install-BinFile '7z'`.
    ("7z", Some("p7zip-full"), linked("p7zip"), shim("7zip")),
    // No choco package: how the `tree` package installs was not established (and Windows
    // has its own `tree.com`).
    ("tree", Some("tree"), linked("tree"), None),
    ("bc", Some("bc"), None, None),
    ("xxd", Some("xxd"), None, None),
    ("valgrind", Some("valgrind"), None, None),
    ("gdb", Some("gdb"), None, None),
    ("lcov", Some("lcov"), linked("lcov"), None),
    ("gcovr", Some("gcovr"), linked("gcovr"), None),
    ("latexmk", Some("latexmk"), None, None),
    ("pdflatex", Some("texlive-latex-base"), None, None),
    // `inkscape` runs the MSI, then `Install-BinFile 'inkscape'`. Homebrew has no
    // `inkscape` formula: `brew install` takes the cask, whose `binary` stanza links an
    // `inkscape` wrapper into Homebrew's `bin` (homebrew-cask `Casks/i/inkscape.rb`).
    ("inkscape", Some("inkscape"), linked("inkscape"), shim("inkscape")),
    ("hunspell", Some("hunspell"), linked("hunspell"), None),
    ("aspell", Some("aspell"), linked("aspell"), None),
    ("expect", Some("expect"), None, None),
    ("socat", Some("socat"), linked("socat"), None),
    ("nc", Some("netcat-openbsd"), None, None),
    ("dig", Some("dnsutils"), None, None),
    // `gnupg` runs GnuPG's NSIS installer `/S`, with no shim.
    ("gpg", Some("gnupg"), linked("gnupg"), off_path("gnupg")),
    // `zstandard`: scripts run `zstd` right after `choco install zstandard` in the same
    // session, or add only Chocolatey's `bin` to PATH for it, which a shim explains.
    ("zstd", Some("zstd"), linked("zstd"), shim("zstandard")),
    ("xz", Some("xz-utils"), linked("xz"), None),
    ("patchelf", Some("patchelf"), None, None),
    // `ccache --shimgen-noop` shows Chocolatey's shim of `lib\ccache\tools\…\ccache.exe`.
    ("ccache", Some("ccache"), linked("ccache"), shim("ccache")),
    ("gettext", Some("gettext"), linked("gettext"), None),
    // No choco package: accounts of the `sqlcmd` package (go-sqlcmd's MSI into
    // `Program Files\sqlcmd`, or a shim) differ, and its script was not found.
    ("sqlcmd", None, linked("sqlcmd"), None),
    ("wine", Some("wine"), None, None),
    ("qemu-img", Some("qemu-utils"), linked("qemu"), None),
    ("yamllint", Some("yamllint"), linked("yamllint"), None),
];

/// Alpine Linux's package of a command (its `main` repository,
/// pkgs.alpinelinux.org), for a job container on an Alpine image, where
/// `apk` installs as root. Only commands whose package has the command's
/// own name in every supported Alpine release; a command whose package is
/// named otherwise or has moved between releases (`ninja` is `samurai`,
/// `7z` was `p7zip`) is left out, and gets no fix there.
pub static APK_PACKAGES: &[(&str, &str)] = &[
    ("git", "git"),
    ("curl", "curl"),
    ("wget", "wget"),
    ("jq", "jq"),
    ("zip", "zip"),
    ("unzip", "unzip"),
    ("make", "make"),
    ("rsync", "rsync"),
    ("ssh", "openssh-client"),
    ("tree", "tree"),
    ("xz", "xz"),
    ("zstd", "zstd"),
];

/// Alpine's package of `command`, if [`APK_PACKAGES`] lists it.
pub fn apk_package(command: &str) -> Option<&'static str> {
    APK_PACKAGES.iter().find(|(c, _)| *c == command).map(|(_, p)| *p)
}

/// Commands on the PATH of every GitHub-hosted Ubuntu image (22.04, 24.04,
/// x64 and arm64), from the images' published software lists
/// (github.com/actions/runner-images). When one is "not found" on such a
/// runner, installing it is not the fix: a container, a changed `PATH` or
/// the shell is.
pub static UBUNTU_HOSTED_PREINSTALLED: &[&str] = &[
    "bash",
    "sh",
    "sudo",
    "git",
    "git-lfs",
    "curl",
    "wget",
    "jq",
    "zip",
    "unzip",
    "tar",
    "gzip",
    "xz",
    "zstd",
    "rsync",
    "ssh",
    "scp",
    "openssl",
    "gpg",
    "make",
    "cmake",
    "gcc",
    "g++",
    "clang",
    "python",
    "python3",
    "pip",
    "pip3",
    "pipx",
    "node",
    "npm",
    "npx",
    "yarn",
    "docker",
    "java",
    "javac",
    "mvn",
    "gradle",
    "go",
    "gofmt",
    "rustc",
    "cargo",
    "rustup",
    "dotnet",
    "ruby",
    "gem",
    "pwsh",
    "kubectl",
    "helm",
    "gh",
    "az",
    "aws",
    "shellcheck",
    "sqlite3",
    "psql",
    "mysql",
    "perl",
    "php",
    "composer",
];

/// A build tool a project can pin with a wrapper it commits: the wrapper
/// downloads and runs the version the project names, which an OS package
/// (a distribution's release, bionic's Maven 3.6.0, focal's and jammy's
/// 3.6.3) need not satisfy (a `requireMavenVersion` rule, a plugin's
/// prerequisite).
pub struct Wrapper {
    /// The command the wrapper stands in for.
    pub command: &'static str,
    /// The wrapper's scripts, by file name.
    pub scripts: &'static [&'static str],
    /// The directory of its settings (the version it runs).
    pub settings_dir: &'static str,
    /// How a step runs it, from the directory the scripts are in.
    pub run: &'static str,
}

/// The Maven Wrapper (maven.apache.org/wrapper, "Maven Wrapper
/// Distribution"): every distribution type installs `mvnw`, `mvnw.cmd` and
/// `.mvn/wrapper/maven-wrapper.properties` (its `distributionUrl` names the
/// Maven version) into the project. Gradle is never installed by a fix, so
/// its wrapper needs no row.
pub static WRAPPERS: &[Wrapper] = &[Wrapper {
    command: "mvn",
    scripts: &["mvnw", "mvnw.cmd"],
    settings_dir: ".mvn/wrapper",
    run: "./mvnw",
}];

pub fn wrapper(command: &str) -> Option<&'static Wrapper> {
    WRAPPERS.iter().find(|w| w.command == command)
}

impl Wrapper {
    /// Whether `path` (a repository path) is one of the wrapper's files, at
    /// the root or in a subproject.
    pub fn has_file(&self, path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.scripts.contains(&name)
            || path.starts_with(&format!("{}/", self.settings_dir))
            || path.contains(&format!("/{}/", self.settings_dir))
    }
}

pub fn setup_action(command: &str) -> Option<&'static SetupAction> {
    SETUP_ACTIONS.iter().find(|a| a.commands.contains(&command))
}

pub fn packages(command: &str) -> Option<(Option<&'static str>, Option<Brew>, Option<Choco>)> {
    PACKAGES
        .iter()
        .find(|(c, ..)| *c == command)
        .map(|(_, a, b, c)| (*a, *b, *c))
}

/// How a fix gives a job a command it lacks. This is the one decision the
/// diagnosis's `fixable` (`classify::catalogue::util::command_hit`) and the
/// `missing_command` fix generator both read: a command with no route gets
/// no fix, however well the classifier knows it ([`super::tools`]).
#[derive(Clone, Copy, Debug)]
pub enum Route {
    /// Compose v1's `docker-compose`, gone from GitHub's hosted images:
    /// rewritten to Compose v2's `docker compose`, which they have. Installs
    /// nothing, so it reaches no container image.
    ComposeV2,
    /// A toolchain's setup action ([`SETUP_ACTIONS`]).
    Setup(&'static SetupAction),
    /// `pipx install` ([`PIPX_TOOLS`]).
    Pipx,
    /// The runner OS's package manager ([`PACKAGES`]; [`APK_PACKAGES`] for
    /// Alpine containers).
    Packages {
        apt: Option<&'static str>,
        brew: Option<Brew>,
        choco: Option<Choco>,
    },
}

impl Route {
    /// The route installs the program (a setup action, pipx, a package),
    /// rather than rewriting the script to a program the image has.
    pub fn installs(self) -> bool {
        !matches!(self, Route::ComposeV2)
    }
}

/// The [`Route`] for `command`, if a fix has one.
pub fn route(command: &str) -> Option<Route> {
    if command == "docker-compose" {
        return Some(Route::ComposeV2);
    }
    if let Some(action) = setup_action(command) {
        return Some(Route::Setup(action));
    }
    if PIPX_TOOLS.contains(&command) {
        return Some(Route::Pipx);
    }
    packages(command).map(|(apt, brew, choco)| Route::Packages { apt, brew, choco })
}

/// Every command [`route`] has a route for.
pub fn routed_commands() -> impl Iterator<Item = &'static str> {
    std::iter::once("docker-compose")
        .chain(SETUP_ACTIONS.iter().flat_map(|a| a.commands.iter().copied()))
        .chain(PIPX_TOOLS.iter().copied())
        .chain(PACKAGES.iter().map(|(c, ..)| *c))
}

/// Whether a route's fix can work where a step ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// It works in every place the evidence allows.
    Yes,
    /// It works in none of them; why.
    No(String),
    /// It works in some and not others: what the evidence leaves open
    /// (the generator, which reads the workflow, decides).
    Unknown,
}

/// Whether the fix `route` gives for `command` works at `place`: the one
/// list of the places each route cannot reach, which the diagnosis's
/// `fixable` (from the place the log shows) and the `missing_command`
/// generator (from the job's `runs-on` and `container:`) both read. A field
/// the place leaves open stands for every value it may have.
pub fn reaches(command: &str, route: Route, place: &Place) -> Reach {
    let refusals: Vec<Option<String>> = place
        .completions()
        .iter()
        .map(|at| refusal(command, route, at))
        .collect();
    if refusals.is_empty() {
        return Reach::Unknown;
    }
    if refusals.iter().all(Option::is_none) {
        return Reach::Yes;
    }
    if refusals.iter().all(Option::is_some) {
        return Reach::No(refusals.into_iter().flatten().next().unwrap_or_default());
    }
    Reach::Unknown
}

/// Why the fix `route` gives for `command` does not work at `at`, if it
/// does not (a clause, completing "no fix: …").
pub fn refusal(command: &str, route: Route, at: &Concrete) -> Option<String> {
    if let Some(why) = preinstalled(command, route, at) {
        return Some(why);
    }
    cannot_reach(command, route, at)
}

/// Why installing `command` is not the fix at `at`: GitHub's hosted Ubuntu
/// images already have it ([`UBUNTU_HOSTED_PREINSTALLED`]), so a step that
/// missed it there lost it otherwise (a container, `PATH`, the shell). Part
/// of [`refusal`]; a job that also runs elsewhere may have failed there.
pub fn preinstalled(command: &str, route: Route, at: &Concrete) -> Option<String> {
    (route.installs()
        && at.machine == ConcreteMachine::Hosted
        && at.os == PlaceOs::Linux
        && UBUNTU_HOSTED_PREINSTALLED.contains(&command))
    .then(|| {
        format!(
            "`{command}` is preinstalled on GitHub-hosted Ubuntu runners, where the job runs, so installing it is not \
             the fix: check the step's `PATH`, its `shell:`, or whether it runs in a container (a manual fix)"
        )
    })
}

/// Why the fix `route` gives cannot work at `at` (a setup action with no
/// build there, a package manager the place lacks, a machine autoheal does
/// not install on). Part of [`refusal`].
pub fn cannot_reach(command: &str, route: Route, at: &Concrete) -> Option<String> {
    use ConcreteMachine::{Container, Hosted, SelfHosted};
    let os = at.os.name();
    if let Route::ComposeV2 = route {
        return match at.machine {
            Hosted if at.os == PlaceOs::MacOs => Some(
                "the job runs on a macOS runner, whose GitHub-hosted images have no Docker (nor Compose v2); install \
                 Docker on that runner or run the job on Linux (a manual fix)"
                    .into(),
            ),
            Hosted => None,
            SelfHosted => Some(
                "the job runs on a self-hosted runner, not a GitHub-hosted one where Compose v2 is known to be \
                 installed; install Docker Compose on the runner (a manual fix)"
                    .into(),
            ),
            Container(_) => Some(
                "the step runs in a job container, not on a GitHub-hosted image where Compose v2 is known to be \
                 installed; rewriting to `docker compose` installs nothing there (a manual fix: the image)"
                    .into(),
            ),
        };
    }
    let other_image = || {
        "the job's container image is not one autoheal installs into (not a known Debian or Alpine image run as \
         root, or not known before the run)"
            .to_string()
    };
    match route {
        Route::ComposeV2 => None,
        Route::Setup(action) => {
            let tools = || {
                action
                    .script_tools
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            match at.machine {
                Container(Image::Other) => return Some(format!("cannot set up {}: {}", action.what, other_image())),
                // Their builds are linked against glibc; Alpine's C library is musl.
                Container(Image::Alpine) => {
                    return Some(format!(
                        "cannot set up {} for this job: its container image is Alpine Linux, whose musl C library the \
                         setup action's builds (made for GitHub's glibc images) may not run on; install it in the \
                         image instead",
                        action.what
                    ));
                }
                Container(Image::Debian) if !action.script_tools.is_empty() => {
                    return Some(format!(
                        "cannot set up {} for this job: the setup action's scripts call {}, which the job's container \
                         image may not have; install {command} in the image instead (a manual fix)",
                        action.what,
                        tools()
                    ));
                }
                // A self-hosted runner's machine has whatever its owner installed.
                SelfHosted if !action.script_tools.is_empty() => {
                    return Some(format!(
                        "cannot set up {} for this job: it runs on a self-hosted runner, and the setup action's \
                         scripts call {}, which that machine may not have; install {command} on the runner instead \
                         (a manual fix)",
                        action.what,
                        tools()
                    ));
                }
                _ => {}
            }
            (at.os == PlaceOs::Linux && at.arm64 && !action.linux_arm64).then(|| {
                format!(
                    "cannot set up {} for this job: it runs on a Linux ARM64 runner, for which `{}` has no build",
                    action.what, action.uses
                )
            })
        }
        Route::Pipx => (at.machine != Hosted).then(|| {
            format!(
                "cannot install `{command}` with pipx: the job does not run on a GitHub-hosted image (a container or \
                 a self-hosted runner), where pipx may not be installed"
            )
        }),
        Route::Packages { apt, brew, choco } => match at.machine {
            SelfHosted => Some(format!(
                "cannot install `{command}`: the job runs on a self-hosted runner (or one whose labels are not \
                 GitHub's images), whose distribution, package manager and `sudo` rights are unknown, and an install \
                 there changes a machine later jobs share; install it on the runner or in the job's image (a manual \
                 fix)"
            )),
            Container(Image::Other) => Some(format!("cannot install `{command}`: {}", other_image())),
            Container(Image::Debian) => apt.is_none().then(|| format!("no apt package provides `{command}`")),
            Container(Image::Alpine) => apk_package(command)
                .is_none()
                .then(|| format!("no Alpine package autoheal knows provides `{command}`")),
            Hosted => match at.os {
                PlaceOs::Linux => apt.is_none().then(|| format!("no {os} package provides `{command}`")),
                PlaceOs::MacOs => brew.is_none().then(|| format!("no {os} package provides `{command}`")),
                PlaceOs::Windows => match choco {
                    None => Some(format!("no {os} package provides `{command}`")),
                    Some(Choco {
                        package,
                        on_path: OnPath::No,
                    }) => Some(choco_off_path(command, package)),
                    Some(_) => None,
                },
            },
        },
    }
}

/// Why a choco install is no fix for `command` (review84 M4).
pub fn choco_off_path(command: &str, package: &str) -> String {
    format!(
        "Chocolatey's `{package}` package does not make `{command}` runnable in the job's later steps: it is not shimmed \
         into Chocolatey's `bin`, and an installer's change to the machine PATH is not seen by later steps (the runner \
         does not re-read it, actions/runner#2056); install `{command}` another way (a manual fix)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maven_s_wrapper_files_are_recognised_at_the_root_and_in_subprojects() {
        let w = wrapper("mvn").expect("a row");
        for path in [
            "mvnw",
            "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties",
            "backend/mvnw",
            "backend/.mvn/wrapper/maven-wrapper.jar",
        ] {
            assert!(w.has_file(path), "{path}");
        }
        for path in [
            "pom.xml",
            "mvnw.sh",
            ".mvn/jvm.config",
            "docs/mvn/wrapper/x",
            "a.mvn/wrapper/x",
        ] {
            assert!(!w.has_file(path), "{path}");
        }
        assert!(wrapper("gradle").is_none() && wrapper("npm").is_none());
    }

    /// Each choco route as checked against its package's source (review84 M4,
    /// 2026-12-06): a change to the table must change this list with a source.
    #[test]
    fn each_choco_package_says_how_its_program_reaches_the_path() {
        use OnPath::{Dir, No, Shim};
        let want: &[(&str, &str, OnPath)] = &[
            ("convert", "imagemagick", No),
            ("magick", "imagemagick", No),
            ("identify", "imagemagick", No),
            ("jq", "jq", Shim),
            ("zip", "zip", Shim),
            ("unzip", "unzip", Shim),
            ("make", "make", Shim),
            ("gcc", "mingw", Shim),
            ("g++", "mingw", Shim),
            ("clang", "llvm", Dir(r"C:\Program Files\LLVM\bin")),
            ("cmake", "cmake", No),
            ("ninja", "ninja", Shim),
            ("bison", "winflexbison3", No),
            ("flex", "winflexbison3", No),
            ("nasm", "nasm", Dir(r"C:\Program Files\NASM")),
            ("swig", "swig", Shim),
            ("dot", "graphviz", Shim),
            ("protoc", "protoc", Shim),
            ("git", "git", No),
            ("curl", "curl", Shim),
            ("wget", "wget", Shim),
            ("rsync", "rsync", Shim),
            ("sqlite3", "sqlite", Shim),
            ("psql", "postgresql", No),
            ("pg_dump", "postgresql", No),
            ("shellcheck", "shellcheck", Shim),
            ("ffmpeg", "ffmpeg", Shim),
            ("pandoc", "pandoc", Shim),
            ("7z", "7zip", Shim),
            ("inkscape", "inkscape", Shim),
            ("gpg", "gnupg", No),
            ("zstd", "zstandard", Shim),
            ("ccache", "ccache", Shim),
        ];
        let routed: Vec<(&str, Choco)> = PACKAGES
            .iter()
            .filter_map(|(c, _, _, ch)| ch.map(|ch| (*c, ch)))
            .collect();
        assert_eq!(routed.len(), want.len(), "{routed:?}");
        for (command, package, on_path) in want {
            let (_, _, choco) = packages(command).unwrap_or_else(|| panic!("`{command}` is not in the table"));
            assert_eq!(
                choco,
                Some(Choco {
                    package,
                    on_path: *on_path
                }),
                "`{command}`"
            );
        }
        for command in ["doxygen", "git-lfs", "mysql", "tree", "sqlcmd"] {
            assert_eq!(
                packages(command).map(|(_, _, c)| c),
                Some(None),
                "`{command}` has no choco route"
            );
        }
    }

    /// Homebrew formulae whose program stays out of Homebrew's `bin` (keg-only, or
    /// renamed with a `g` prefix) name the directory the fix publishes; the rest link.
    /// An Alpine route only for a command the installable table has (the
    /// fix reads both), and never an apt package name that Alpine spells
    /// otherwise.
    #[test]
    fn apk_packages_are_installable_commands() {
        for (command, package) in APK_PACKAGES {
            assert!(packages(command).is_some(), "`{command}` has no row in PACKAGES");
            assert!(!package.is_empty());
        }
        assert_eq!(apk_package("ssh"), Some("openssh-client"));
        assert_eq!(apk_package("ninja"), None);
    }

    #[test]
    fn keg_only_formulae_name_the_directory_of_their_program() {
        let kegs = [
            ("psql", "libpq", "bin"),
            ("pg_dump", "libpq", "bin"),
            ("mysql", "mysql-client", "bin"),
            // `keg_only :provided_by_macos` (homebrew-core, re-read 2026-12-06).
            ("sqlite3", "sqlite", "bin"),
            ("curl", "curl", "bin"),
            ("clang", "llvm", "bin"),
            ("bison", "bison", "bin"),
            ("flex", "flex", "bin"),
            ("zip", "zip", "bin"),
            ("unzip", "unzip", "bin"),
            ("xmllint", "libxml2", "bin"),
            ("xsltproc", "libxslt", "bin"),
        ];
        for (command, formula, dir) in kegs {
            let (_, brew, _) = packages(command).unwrap();
            assert_eq!(
                brew,
                Some(Brew {
                    formula,
                    on_path: BrewPath::Keg(dir)
                }),
                "`{command}`"
            );
        }
        for (command, _, brew, _) in PACKAGES {
            if let Some(Brew { on_path, .. }) = brew
                && !kegs.iter().any(|(c, ..)| c == command)
            {
                assert_eq!(*on_path, BrewPath::Linked, "`{command}`");
            }
        }
        // Formulae whose usual name lives only in a `gnubin` that would shadow
        // the system's program of that name (review86 M2, L1), or that install
        // the program under a versioned name only (`gcc-14`), get no brew route.
        for command in ["make", "libtoolize", "gcc", "g++"] {
            assert_eq!(packages(command).unwrap().1, None, "`{command}`");
        }
    }

    /// An installer package (Chocolatey's `.install` naming) changes the machine PATH in the
    /// registry, which later steps of a job do not see: none may count as shimmed, and a
    /// published directory is an absolute Windows path.
    #[test]
    fn no_installer_package_counts_as_shimmed() {
        for (command, _, _, choco) in PACKAGES {
            let Some(Choco { package, on_path }) = choco else {
                continue;
            };
            assert!(
                !(package.ends_with(".install") && *on_path == OnPath::Shim),
                "`{command}`: {package} is an installer package"
            );
            if let OnPath::Dir(dir) = on_path {
                assert!(
                    dir.starts_with(r"C:\") && !dir.ends_with('\\') && !dir.contains('\''),
                    "{dir}"
                );
            }
        }
    }

    #[test]
    fn each_command_has_one_install_route() {
        let all: Vec<&str> = routed_commands().collect();
        for c in &all {
            assert_eq!(all.iter().filter(|x| *x == c).count(), 1, "`{c}` is listed twice");
            let routes = [
                *c == "docker-compose",
                setup_action(c).is_some(),
                PIPX_TOOLS.contains(c),
                packages(c).is_some(),
            ];
            assert_eq!(
                routes.iter().filter(|r| **r).count(),
                1,
                "`{c}` has more than one route"
            );
            assert!(route(c).is_some(), "`{c}` is listed but has no route");
        }
        let installs = |c: &str| route(c).is_some_and(Route::installs);
        assert!(installs("jq") && installs("yarn") && installs("tox"));
        assert!(!installs("bash") && !installs("mytool"));
        // Compose v1 is rewritten, not installed: it reaches no container image.
        assert!(matches!(route("docker-compose"), Some(Route::ComposeV2)) && !installs("docker-compose"));
        // Known to the classifier, but no route: no fix.
        assert!(crate::knowledge::tools::is_known_tool("heroku") && route("heroku").is_none());
    }
}
