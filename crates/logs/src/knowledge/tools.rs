//! Commands a runner image may lack: tools autoheal knows (those a fix has a
//! route for are in [`install`], kept once there; [`install::route`] alone
//! decides whether a missing one is fixable), and typos of them.

use super::install;

/// Tools a workflow commonly runs that no fix installs (a fix can install
/// those in [`install`]); with them, the commands autoheal knows. Knowing a
/// tool names it (and is no typo); it makes no fix.
const KNOWN_TOOLS: &[&str] = &[
    "yq",
    "tar",
    "gzip",
    "clang++",
    "cc",
    "c++",
    "ld",
    "libtool",
    "python2",
    "pipx",
    "pipenv",
    "pytest",
    "conda",
    "mamba",
    "micromamba",
    "rye",
    "corepack",
    "gradle",
    "kotlin",
    "cross",
    "rake",
    "php",
    "composer",
    "nuget",
    "mono",
    "msbuild",
    "swift",
    "xcodebuild",
    "pod",
    "dart",
    "docker",
    "podman",
    "buildah",
    "kind",
    "minikube",
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
    "scp",
    "openssl",
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
    "shfmt",
    "hadolint",
    "actionlint",
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
    "xelatex",
    "graphviz",
    "mongo",
    "mongosh",
    "buf",
    "bazel",
    "bazelisk",
    "lldb",
    "llvm-cov",
    "llvm-profdata",
    "wasm-pack",
    "trunk",
    "just",
    "task",
    "chromium",
    "google-chrome",
    "firefox",
    "lsb_release",
    "file",
    "tidy",
    "netcat",
    "nslookup",
    "ping",
    "iptables",
    "systemctl",
    "sha256sum",
    "shasum",
    "md5sum",
    "base64",
    "bzip2",
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
    KNOWN_TOOLS.contains(&command) || install::route(command).is_some()
}

/// A known tool that `command` is one or two typing slips away from, when
/// `command` itself is not known: `pyhton` → `python`.
pub fn likely_typo_of(command: &str) -> Option<&'static str> {
    if is_known_tool(command) || command.len() < 3 {
        return None;
    }
    let known = || KNOWN_TOOLS.iter().copied().chain(install::routed_commands());
    if known().any(|tool| is_variant_name(command, tool)) {
        return None;
    }
    // The closest known tool (the first listed among equals).
    known()
        .filter_map(|tool| {
            // Two slips are allowed only when both names are longer than
            // four letters: a four-letter name two edits from a five-letter
            // one shares little more than half of it (`syft`, Anchore's SBOM
            // tool, is no slip of `swift`).
            let limit = if tool.len().min(command.len()) <= 4 { 1 } else { 2 };
            let distance = strsim::osa_distance(tool, command);
            (tool.len().abs_diff(command.len()) <= limit && distance <= limit).then_some((distance, tool))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, tool)| tool)
}

/// Real programs are often named after another one with one letter before it
/// (`nmake`, `gmake`, `qmake`, `gsed`, `gtar`, `mawk`) or a version after it
/// (`pip3`, `clang18`): such a name is a tool of its own, not a slip of the
/// keyboard (typos transpose, drop or replace letters inside the word).
fn is_variant_name(command: &str, tool: &str) -> bool {
    let prefixed = command.len() == tool.len() + 1 && command.ends_with(tool);
    let versioned = command
        .strip_prefix(tool)
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    prefixed || versioned
}

/// True when `word` appears in `script` as a standalone shell word.
pub fn script_mentions(script: &str, word: &str) -> bool {
    crate::words::has_word(script, word, crate::words::WordChars::ShellWord)
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
        // Programs of their own named after another one.
        assert_eq!(likely_typo_of("nmake"), None);
        assert_eq!(likely_typo_of("gtar"), None);
        assert_eq!(likely_typo_of("mkae"), Some("make"));
        // Two edits of a four-letter name are no slip: a tool of its own.
        assert_eq!(likely_typo_of("syft"), None);
        assert_eq!(likely_typo_of("swfit"), Some("swift"));
    }

    #[test]
    fn standalone_words() {
        assert!(script_mentions("cd x && yarn install", "yarn"));
        assert!(!script_mentions("npx yarnpkg install", "yarn"));
        assert!(!script_mentions("./node_modules/.bin/yarn", "yarn"));
    }
}
