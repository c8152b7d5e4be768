//! Whether the step that failed on a runner of the wrong architecture chose
//! the architecture itself: then every run on that runner fails the same
//! way, a configuration to change, not a scarcer, flakier runner a job may
//! be let fail on (finlogs19 M2: an x86-64 Android image on an Apple-silicon
//! Mac never boots).
//!
//! Sources: reactivecircus/android-emulator-runner's action.yml (`arch`, the
//! system image's CPU architecture, defaults to `x86`); the `arch`,
//! `architecture` and `abi` inputs setup actions take (actions/setup-python's
//! and setup-node's `architecture`); Docker's and buildx's `--platform`
//! (`linux/amd64`), docker/build-push-action's `platforms`.

use autoheal_engine::model::Step;
use autoheal_engine::yaml::Node;

/// The action that runs an Android emulator and picks its image's ABI (its
/// `arch` input, `x86` when not written).
const EMULATOR_ACTION: &str = "reactivecircus/android-emulator-runner";

/// Input keys that name a CPU architecture whatever their value.
const ARCH_KEYS: &[&str] = &["arch", "architecture", "abi"];

/// Architecture words a `platform` value or `--platform` flag carries
/// (`linux/amd64`, `linux/arm64/v8`); `--platform=node` (esbuild) names none.
const ARCH_WORDS: &[&str] = &[
    "amd64", "x86_64", "x86-64", "x64", "386", "i386", "i686", "x86", "arm64", "aarch64", "arm", "armv6", "armv7",
    "ppc64le", "s390x", "riscv64",
];

/// How the step chooses the architecture (`` input `arch: x86_64` ``,
/// `` `--platform linux/amd64` ``), or `None` when it does not.
pub(super) fn chosen_by(step: &Step<'_>) -> Option<String> {
    let with = step.get("with").and_then(Node::as_mapping).unwrap_or_default();
    for e in with {
        let (Some(key), value) = (e.key.as_str(), e.value.as_str().unwrap_or("")) else {
            continue;
        };
        let key_lower = key.to_ascii_lowercase();
        if ARCH_KEYS.contains(&key_lower.as_str())
            || (matches!(key_lower.as_str(), "platform" | "platforms") && names_an_arch(value))
        {
            return Some(format!("its input `{key}: {}`", value.trim()));
        }
    }
    if step
        .uses()
        .and_then(|u| u.split('@').next())
        .is_some_and(|u| u.eq_ignore_ascii_case(EMULATOR_ACTION))
    {
        return Some(format!("`{EMULATOR_ACTION}`'s `arch` input, `x86` when not written"));
    }
    let run = step.run().and_then(Node::as_str)?;
    let words: Vec<&str> = run.split_whitespace().collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let (flag, value) = match w.split_once('=') {
            Some((flag, value)) => (flag, Some(value)),
            None => (*w, words.get(i + 1).copied()),
        };
        (flag == "--platform" && value.is_some_and(names_an_arch))
            .then(|| format!("`--platform {}`", value.unwrap_or_default().trim_matches(['"', '\''])))
    })
}

/// Whether a platform value names a CPU architecture (`linux/amd64`,
/// `linux/arm64,linux/amd64`), split at `/`, `,` and quotes.
fn names_an_arch(value: &str) -> bool {
    value
        .split(['/', ',', '"', '\'', ' '])
        .any(|part| ARCH_WORDS.contains(&part.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::model::Workflow;
    use autoheal_engine::yaml;

    fn first_step(steps: &str) -> Option<String> {
        let src = format!("on: push\njobs:\n  t:\n    runs-on: macos-14\n    steps:\n{steps}");
        let doc = yaml::parse(src.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().expect("parses"));
        chosen_by(&wf.jobs[0].steps[0])
    }

    #[test]
    fn a_step_chooses_the_architecture_by_input_action_default_or_platform_flag() {
        for (steps, want) in [
            (
                "      - uses: reactivecircus/android-emulator-runner@v2\n        with:\n          arch: x86_64\n",
                "`arch: x86_64`",
            ),
            (
                "      - uses: reactivecircus/android-emulator-runner@v2\n        with:\n          api-level: 29\n",
                "`x86` when not written",
            ),
            (
                "      - uses: actions/setup-python@v5\n        with:\n          architecture: x64\n",
                "`architecture: x64`",
            ),
            (
                "      - run: docker run --rm --platform linux/amd64 alpine uname -m\n",
                "`--platform linux/amd64`",
            ),
            (
                "      - run: docker run --platform=linux/arm64/v8 alpine true\n",
                "`--platform linux/arm64/v8`",
            ),
            (
                "      - uses: docker/build-push-action@v6\n        with:\n          platforms: linux/amd64,linux/arm64\n",
                "`platforms: linux/amd64,linux/arm64`",
            ),
        ] {
            let got = first_step(steps);
            assert!(got.as_deref().is_some_and(|g| g.contains(want)), "{steps}: {got:?}");
        }
    }

    #[test]
    fn a_platform_that_names_no_architecture_is_no_choice() {
        for steps in [
            "      - run: npx esbuild src/a.ts --bundle --platform=node --outfile=dist/a.js\n",
            "      - run: ./bin/tool --version\n",
            "      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n",
            "      - uses: some/action@v1\n        with:\n          platform: ios\n",
        ] {
            assert_eq!(first_step(steps), None, "{steps}");
        }
    }
}
