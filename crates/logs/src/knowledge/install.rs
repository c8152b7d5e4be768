//! How a command a job lacks gets installed: the setup action of each
//! toolchain, the pipx tools, and the apt/brew/choco package of plain tools;
//! and what GitHub's hosted Ubuntu images already have. The classifier calls
//! a command "known" when it is here or in [`super::tools`]; the
//! `missing_command` fix installs it from here. Package names are each
//! distribution's own (packages.ubuntu.com, formulae.brew.sh,
//! community.chocolatey.org); setup actions and their inputs are from their
//! `action.yml`.

/// A setup action and its inputs, for toolchain commands.
pub struct SetupAction {
    pub commands: &'static [&'static str],
    pub uses: &'static str,
    pub with: &'static [(&'static str, &'static str)],
    /// A command to run after the action (e.g. enabling yarn), if any.
    pub then_run: Option<&'static str>,
    pub what: &'static str,
}

pub static SETUP_ACTIONS: &[SetupAction] = &[
    SetupAction {
        commands: &["node", "npm", "npx"],
        uses: "actions/setup-node@v4",
        with: &[("node-version", "lts/*")],
        then_run: None,
        what: "Node.js",
    },
    SetupAction {
        commands: &["yarn"],
        uses: "actions/setup-node@v4",
        with: &[("node-version", "lts/*")],
        then_run: Some("npm install --global yarn"),
        what: "Node.js",
    },
    SetupAction {
        commands: &["pnpm"],
        uses: "pnpm/action-setup@v4",
        // The version comes from the project (see `pnpm_version`).
        with: &[],
        then_run: None,
        what: "pnpm",
    },
    SetupAction {
        commands: &["go", "gofmt"],
        uses: "actions/setup-go@v5",
        with: &[("go-version", "stable")],
        then_run: None,
        what: "Go",
    },
    SetupAction {
        commands: &["java", "javac", "mvn", "gradle", "jar"],
        uses: "actions/setup-java@v4",
        with: &[("distribution", "temurin"), ("java-version", "'21'")],
        then_run: None,
        what: "Java (Temurin)",
    },
    SetupAction {
        commands: &["python", "python3", "pip", "pip3"],
        uses: "actions/setup-python@v5",
        with: &[("python-version", "'3.x'")],
        then_run: None,
        what: "Python",
    },
    SetupAction {
        commands: &["ruby", "gem", "bundle", "bundler"],
        uses: "ruby/setup-ruby@v1",
        with: &[("ruby-version", "ruby")],
        then_run: None,
        what: "Ruby",
    },
    SetupAction {
        commands: &["dotnet"],
        uses: "actions/setup-dotnet@v4",
        with: &[("dotnet-version", "'8.0.x'")],
        then_run: None,
        what: ".NET",
    },
    SetupAction {
        commands: &["rustc", "cargo", "rustup"],
        uses: "dtolnay/rust-toolchain@stable",
        with: &[],
        then_run: None,
        what: "Rust",
    },
    SetupAction {
        commands: &["deno"],
        uses: "denoland/setup-deno@v2",
        with: &[("deno-version", "v2.x")],
        then_run: None,
        what: "Deno",
    },
    SetupAction {
        commands: &["bun"],
        uses: "oven-sh/setup-bun@v2",
        with: &[],
        then_run: None,
        what: "Bun",
    },
    SetupAction {
        commands: &["uv", "uvx"],
        uses: "astral-sh/setup-uv@v5",
        with: &[],
        then_run: None,
        what: "uv",
    },
    SetupAction {
        commands: &["terraform"],
        uses: "hashicorp/setup-terraform@v3",
        with: &[],
        then_run: None,
        what: "Terraform",
    },
    SetupAction {
        commands: &["helm"],
        uses: "azure/setup-helm@v4",
        with: &[],
        then_run: None,
        what: "Helm",
    },
    SetupAction {
        commands: &["kubectl"],
        uses: "azure/setup-kubectl@v4",
        with: &[],
        then_run: None,
        what: "kubectl",
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

/// A command and the apt, brew and choco packages that provide it.
type PackageRow = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

pub static PACKAGES: &[PackageRow] = &[
    ("sudo", Some("sudo"), None, None),
    ("xvfb-run", Some("xvfb"), None, None),
    ("Xvfb", Some("xvfb"), None, None),
    ("convert", Some("imagemagick"), Some("imagemagick"), Some("imagemagick")),
    ("magick", Some("imagemagick"), Some("imagemagick"), Some("imagemagick")),
    (
        "identify",
        Some("imagemagick"),
        Some("imagemagick"),
        Some("imagemagick"),
    ),
    ("jq", Some("jq"), Some("jq"), Some("jq")),
    ("zip", Some("zip"), Some("zip"), Some("zip")),
    ("unzip", Some("unzip"), Some("unzip"), Some("unzip")),
    ("make", Some("make"), Some("make"), Some("make")),
    ("gcc", Some("gcc"), Some("gcc"), Some("mingw")),
    ("g++", Some("g++"), Some("gcc"), Some("mingw")),
    ("clang", Some("clang"), Some("llvm"), Some("llvm")),
    ("cmake", Some("cmake"), Some("cmake"), Some("cmake")),
    ("ninja", Some("ninja-build"), Some("ninja"), Some("ninja")),
    ("meson", Some("meson"), Some("meson"), None),
    ("pkg-config", Some("pkg-config"), Some("pkg-config"), None),
    ("autoconf", Some("autoconf"), Some("autoconf"), None),
    ("automake", Some("automake"), Some("automake"), None),
    ("libtoolize", Some("libtool"), Some("libtool"), None),
    ("bison", Some("bison"), Some("bison"), Some("winflexbison3")),
    ("flex", Some("flex"), Some("flex"), Some("winflexbison3")),
    ("nasm", Some("nasm"), Some("nasm"), Some("nasm")),
    ("swig", Some("swig"), Some("swig"), Some("swig")),
    // No choco package: `doxygen.install` is an installer package (Chocolatey's `.install`
    // naming), which puts doxygen in Program Files and on the machine PATH in the registry,
    // and the runner starts each later step with the job's environment without re-reading
    // the registry (actions/runner#2056), so a `choco install` step would not make the
    // failing step pass (review84 M4). A portable package would be shimmed onto PATH.
    ("doxygen", Some("doxygen"), Some("doxygen"), None),
    ("dot", Some("graphviz"), Some("graphviz"), Some("graphviz")),
    ("protoc", Some("protobuf-compiler"), Some("protobuf"), Some("protoc")),
    ("git", Some("git"), Some("git"), Some("git")),
    ("git-lfs", Some("git-lfs"), Some("git-lfs"), Some("git-lfs")),
    ("curl", Some("curl"), Some("curl"), Some("curl")),
    ("wget", Some("wget"), Some("wget"), Some("wget")),
    ("rsync", Some("rsync"), Some("rsync"), Some("rsync")),
    ("ssh", Some("openssh-client"), None, None),
    ("sshpass", Some("sshpass"), None, None),
    ("sqlite3", Some("sqlite3"), Some("sqlite"), Some("sqlite")),
    ("psql", Some("postgresql-client"), Some("libpq"), Some("postgresql")),
    ("pg_dump", Some("postgresql-client"), Some("libpq"), Some("postgresql")),
    (
        "mysql",
        Some("default-mysql-client"),
        Some("mysql-client"),
        Some("mysql.workbench"),
    ),
    ("redis-cli", Some("redis-tools"), Some("redis"), None),
    ("shellcheck", Some("shellcheck"), Some("shellcheck"), Some("shellcheck")),
    ("ffmpeg", Some("ffmpeg"), Some("ffmpeg"), Some("ffmpeg")),
    ("pandoc", Some("pandoc"), Some("pandoc"), Some("pandoc")),
    ("xmllint", Some("libxml2-utils"), Some("libxml2"), None),
    ("xsltproc", Some("xsltproc"), Some("libxslt"), None),
    ("msgfmt", Some("gettext"), Some("gettext"), None),
    ("envsubst", Some("gettext-base"), Some("gettext"), None),
    ("7z", Some("p7zip-full"), Some("p7zip"), Some("7zip")),
    ("tree", Some("tree"), Some("tree"), Some("tree")),
    ("bc", Some("bc"), None, None),
    ("xxd", Some("xxd"), None, None),
    ("valgrind", Some("valgrind"), None, None),
    ("gdb", Some("gdb"), None, None),
    ("lcov", Some("lcov"), Some("lcov"), None),
    ("gcovr", Some("gcovr"), Some("gcovr"), None),
    ("latexmk", Some("latexmk"), None, None),
    ("pdflatex", Some("texlive-latex-base"), None, None),
    ("inkscape", Some("inkscape"), Some("inkscape"), Some("inkscape")),
    ("hunspell", Some("hunspell"), Some("hunspell"), None),
    ("aspell", Some("aspell"), Some("aspell"), None),
    ("expect", Some("expect"), None, None),
    ("socat", Some("socat"), Some("socat"), None),
    ("nc", Some("netcat-openbsd"), None, None),
    ("dig", Some("dnsutils"), None, None),
    ("gpg", Some("gnupg"), Some("gnupg"), Some("gnupg")),
    ("zstd", Some("zstd"), Some("zstd"), Some("zstandard")),
    ("xz", Some("xz-utils"), Some("xz"), None),
    ("patchelf", Some("patchelf"), None, None),
    ("ccache", Some("ccache"), Some("ccache"), Some("ccache")),
    ("gettext", Some("gettext"), Some("gettext"), None),
    ("sqlcmd", None, Some("sqlcmd"), Some("sqlcmd")),
    ("wine", Some("wine"), None, None),
    ("qemu-img", Some("qemu-utils"), Some("qemu"), None),
    ("yamllint", Some("yamllint"), Some("yamllint"), None),
];

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

pub fn setup_action(command: &str) -> Option<&'static SetupAction> {
    SETUP_ACTIONS.iter().find(|a| a.commands.contains(&command))
}

pub fn packages(command: &str) -> Option<(Option<&'static str>, Option<&'static str>, Option<&'static str>)> {
    PACKAGES
        .iter()
        .find(|(c, ..)| *c == command)
        .map(|(_, a, b, c)| (*a, *b, *c))
}

/// Can a fix install `command` (a setup action, pipx, or an OS package)?
pub fn installable(command: &str) -> bool {
    setup_action(command).is_some() || PIPX_TOOLS.contains(&command) || packages(command).is_some()
}

/// Every command [`installable`] accepts.
pub fn installable_commands() -> impl Iterator<Item = &'static str> {
    SETUP_ACTIONS
        .iter()
        .flat_map(|a| a.commands.iter().copied())
        .chain(PIPX_TOOLS.iter().copied())
        .chain(PACKAGES.iter().map(|(c, ..)| *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An installer package (Chocolatey's `.install` naming) changes the machine PATH in the
    /// registry, which later steps of a job do not see: no choco route may name one.
    #[test]
    fn no_choco_route_is_an_installer_package() {
        for (command, _, _, choco) in PACKAGES {
            assert!(
                !choco.is_some_and(|p| p.ends_with(".install")),
                "`{command}`: {choco:?} is an installer package"
            );
        }
    }

    #[test]
    fn each_command_has_one_install_route() {
        let all: Vec<&str> = installable_commands().collect();
        for c in &all {
            assert_eq!(all.iter().filter(|x| *x == c).count(), 1, "`{c}` is listed twice");
            let routes = [setup_action(c).is_some(), PIPX_TOOLS.contains(c), packages(c).is_some()];
            assert_eq!(
                routes.iter().filter(|r| **r).count(),
                1,
                "`{c}` has more than one route"
            );
        }
        assert!(installable("jq") && installable("yarn") && installable("tox"));
        assert!(!installable("bash") && !installable("mytool"));
    }
}
