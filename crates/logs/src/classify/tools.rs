//! Commands a runner image may lack and a fix can install.

/// Tools a workflow commonly installs with a setup action or a package.
const KNOWN_TOOLS: &[&str] = &[
    "git",
    "git-lfs",
    "curl",
    "wget",
    "jq",
    "yq",
    "zip",
    "unzip",
    "tar",
    "gzip",
    "xz",
    "zstd",
    "make",
    "cmake",
    "ninja",
    "meson",
    "gcc",
    "g++",
    "clang",
    "clang++",
    "cc",
    "c++",
    "ld",
    "pkg-config",
    "autoconf",
    "automake",
    "libtool",
    "python",
    "python3",
    "python2",
    "pip",
    "pip3",
    "pipx",
    "poetry",
    "pipenv",
    "uv",
    "uvx",
    "tox",
    "nox",
    "pytest",
    "conda",
    "mamba",
    "micromamba",
    "hatch",
    "pdm",
    "rye",
    "node",
    "npm",
    "npx",
    "yarn",
    "pnpm",
    "bun",
    "deno",
    "corepack",
    "java",
    "javac",
    "mvn",
    "gradle",
    "sbt",
    "kotlin",
    "go",
    "gofmt",
    "cargo",
    "rustc",
    "rustup",
    "cross",
    "ruby",
    "gem",
    "bundle",
    "bundler",
    "rake",
    "php",
    "composer",
    "dotnet",
    "nuget",
    "mono",
    "msbuild",
    "swift",
    "xcodebuild",
    "pod",
    "flutter",
    "dart",
    "docker",
    "docker-compose",
    "podman",
    "buildah",
    "kubectl",
    "helm",
    "kind",
    "minikube",
    "terraform",
    "terragrunt",
    "packer",
    "ansible",
    "ansible-playbook",
    "aws",
    "az",
    "gcloud",
    "gsutil",
    "doctl",
    "gh",
    "hub",
    "rsync",
    "ssh",
    "scp",
    "sshpass",
    "openssl",
    "gpg",
    "sudo",
    "apt",
    "apt-get",
    "dpkg",
    "yum",
    "dnf",
    "apk",
    "brew",
    "choco",
    "snap",
    "zsh",
    "fish",
    "pwsh",
    "shellcheck",
    "shfmt",
    "hadolint",
    "actionlint",
    "pre-commit",
    "black",
    "ruff",
    "flake8",
    "mypy",
    "pylint",
    "isort",
    "eslint",
    "prettier",
    "tsc",
    "jest",
    "mocha",
    "vitest",
    "playwright",
    "cypress",
    "hugo",
    "jekyll",
    "mkdocs",
    "sphinx-build",
    "pandoc",
    "latexmk",
    "pdflatex",
    "xelatex",
    "doxygen",
    "graphviz",
    "dot",
    "convert",
    "magick",
    "ffmpeg",
    "sqlite3",
    "psql",
    "mysql",
    "redis-cli",
    "mongo",
    "mongosh",
    "protoc",
    "buf",
    "bazel",
    "bazelisk",
    "lcov",
    "gcovr",
    "valgrind",
    "gdb",
    "lldb",
    "llvm-cov",
    "llvm-profdata",
    "wasm-pack",
    "trunk",
    "just",
    "task",
    "xvfb-run",
    "chromium",
    "google-chrome",
    "firefox",
    "lsb_release",
    "file",
    "tree",
    "bc",
    "envsubst",
    "gettext",
    "xmllint",
    "xsltproc",
    "tidy",
    "nc",
    "netcat",
    "dig",
    "nslookup",
    "ping",
    "iptables",
    "systemctl",
    "sha256sum",
    "shasum",
    "md5sum",
    "base64",
    "gzip",
    "bzip2",
    "7z",
    "p7zip",
    "nvm",
    "sdkmanager",
    "emulator",
    "adb",
    "fastlane",
    "codesign",
    "xcrun",
    "lerna",
    "nx",
    "turbo",
    "vsce",
    "semantic-release",
    "twine",
    "maturin",
    "cibuildwheel",
    "sam",
    "serverless",
    "firebase",
    "vercel",
    "netlify",
    "wrangler",
    "heroku",
    "fly",
    "flyctl",
    "pulumi",
    "cdk",
];

pub fn is_known_tool(command: &str) -> bool {
    KNOWN_TOOLS.contains(&command)
}

/// A known tool that `command` is one or two typing slips away from, when
/// `command` itself is not known: `pyhton` → `python`.
pub fn likely_typo_of(command: &str) -> Option<&'static str> {
    if is_known_tool(command) || command.len() < 3 {
        return None;
    }
    KNOWN_TOOLS.iter().copied().find(|tool| {
        let limit = if tool.len() <= 4 { 1 } else { 2 };
        tool.len().abs_diff(command.len()) <= limit && damerau_distance(tool, command) <= limit
    })
}

/// Optimal string alignment distance (a swap of neighbours counts once).
fn damerau_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// True when `word` appears in `script` as a standalone shell word.
pub fn script_mentions(script: &str, word: &str) -> bool {
    script.match_indices(word).any(|(at, _)| {
        let before = script[..at].chars().next_back();
        let after = script[at + word.len()..].chars().next();
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')));
        boundary(before) && boundary(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_of_known_tools() {
        assert_eq!(likely_typo_of("pyhton"), Some("python"));
        assert_eq!(likely_typo_of("nmp"), Some("npm"));
        assert_eq!(likely_typo_of("yarn"), None);
        assert_eq!(likely_typo_of("mytool"), None);
    }

    #[test]
    fn standalone_words() {
        assert!(script_mentions("cd x && yarn install", "yarn"));
        assert!(!script_mentions("npx yarnpkg install", "yarn"));
        assert!(!script_mentions("./node_modules/.bin/yarn", "yarn"));
    }
}
