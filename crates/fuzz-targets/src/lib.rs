//! Every fuzz target's logic, its seeds and its dictionary, in one place:
//! the libFuzzer binaries in `fuzz/` (nightly) call these functions, and so
//! does `cargo xtask fuzz`, which runs them on stable Rust here with the
//! [`mutate`] module's inputs. A target is a function over bytes that must
//! never panic (its assertions are the properties it checks).
//!
//! The seeds include the hostile inputs of issue 19 ([`hostile`]); the test
//! below runs every seed and the first batch of mutated inputs of each
//! target on every `cargo test`.

pub mod hostile;
pub mod mutate;
pub mod targets;

// The libFuzzer binaries of `fuzz/`, compiled by this crate's tests
// (fuzz_bins.rs): what they name as `libfuzzer_sys` and as this crate.
#[cfg(test)]
mod fuzz_bins;
#[cfg(test)]
extern crate self as autoheal_fuzz_targets;
#[cfg(test)]
extern crate self as libfuzzer_sys;

/// One fuzz target.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub seeds: fn() -> Vec<Vec<u8>>,
    /// Tokens the mutator inserts (structure the parser looks for).
    pub dictionary: &'static [&'static str],
    /// Mutated inputs are cut to this many bytes.
    pub max_len: usize,
}

macro_rules! target {
    ($name:ident, $max_len:expr) => {
        Target {
            name: stringify!($name),
            run: targets::$name::run,
            seeds: targets::$name::seeds,
            dictionary: targets::$name::DICTIONARY,
            max_len: $max_len,
        }
    };
}

/// Every target, parsers first.
pub const TARGETS: &[Target] = &[
    target!(yaml, 8 << 10),
    target!(yaml_fast, 8 << 10),
    target!(lint, 8 << 10),
    target!(expr_parse, 4 << 10),
    target!(config, 4 << 10),
    target!(actionlint_config, 4 << 10),
    target!(cron, 256),
    target!(rule_refs, 1 << 10),
    target!(logs_parse, 16 << 10),
    target!(logs_zip, 16 << 10),
    target!(github_record, 8 << 10),
    target!(github_text, 4 << 10),
    target!(lsp_frames, 4 << 10),
    target!(lsp_failure_store, 8 << 10),
    target!(apply_fix, 4 << 10),
    target!(fixes_apply, 4 << 10),
    target!(rate_limit_fix, 4 << 10),
    target!(shell_lex, 1 << 10),
];

/// The seed of a `cargo xtask fuzz` run that names none.
pub const DEFAULT_SEED: u64 = 19;

/// Mutated inputs per batch: `cargo xtask fuzz`'s unit of progress and of
/// replay.
pub const BATCH: u64 = 200;

pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

impl Target {
    /// The seeds, then every file in `fuzz/regressions/<target>/` (inputs
    /// the fuzzer once found, kept so they are run forever) and in
    /// cargo-fuzz's `fuzz/corpus/<target>/`, if any.
    pub fn corpus(&self) -> Vec<Vec<u8>> {
        let mut inputs = (self.seeds)();
        let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
        for dir in ["regressions", "corpus"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(self.name)) else {
                continue;
            };
            let mut files: Vec<std::path::PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            files.sort();
            inputs.extend(files.iter().filter_map(|f| std::fs::read(f).ok()));
        }
        inputs
    }

    /// The mutated inputs of batch `batch` of a run seeded with `seed`, made
    /// from `corpus` (what [`Target::corpus`] gave): a function of (seed,
    /// target, batch), so a finding is found again by replaying its batch.
    pub fn batch<'a>(&'a self, seed: u64, batch: u64, corpus: &'a [Vec<u8>]) -> impl Iterator<Item = Vec<u8>> + 'a {
        let mut rng = mutate::Rng::for_batch(seed, self.name, batch);
        std::iter::repeat_with(move || mutate::input(&mut rng, corpus, self.dictionary, self.max_len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each target on its seeds and on the first batch of mutated inputs of
    /// a default `cargo xtask fuzz` run (200; it was 300, a third of the
    /// test's time for the `lint` target alone): a regression test for
    /// everything the fuzzer found (its inputs end up as seeds), cheap
    /// enough for every `cargo test`. The inputs are made in order (the same
    /// every run), then run on all of the machine's cores: cargo runs one
    /// test binary at a time, and this test alone took half a minute on one
    /// core of two (the `lint` target almost all of it).
    #[test]
    fn every_target_survives_its_seeds_and_the_first_fuzz_batch() {
        let mut inputs: Vec<(&Target, Vec<u8>)> = Vec::new();
        for target in TARGETS {
            let seeds = target.corpus();
            assert!(!seeds.is_empty(), "{} has seeds", target.name);
            let mutated: Vec<Vec<u8>> = target.batch(DEFAULT_SEED, 0, &seeds).take(BATCH as usize).collect();
            inputs.extend(seeds.into_iter().chain(mutated).map(|input| (target, input)));
        }
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    while let Some((target, input)) =
                        inputs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                    {
                        let outcome = std::panic::catch_unwind(|| (target.run)(input));
                        assert!(
                            outcome.is_ok(),
                            "{} panicked on {:?}",
                            target.name,
                            String::from_utf8_lossy(input)
                        );
                    }
                });
            }
        });
    }
}
