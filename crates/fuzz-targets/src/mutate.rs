//! Inputs for a target without coverage feedback (stable Rust has no
//! libFuzzer): a seed, or a splice of two, with a stack of random edits that
//! a parser finds hard (structure tokens from the target's dictionary,
//! repeated chunks for nesting, cut or doubled ranges, odd bytes). Every
//! input is a function of (seed, index), so a crash found in a batch is
//! found again by replaying that batch.

/// splitmix64: small, fast, and good enough to pick edits.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// The generator for input batch `batch` of a run seeded with `seed`.
    pub fn for_batch(seed: u64, target: &str, batch: u64) -> Rng {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for b in target.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        Rng::new(h ^ seed.rotate_left(17) ^ batch.wrapping_mul(0x2545_f491_4f6c_dd1d))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Bytes parsers of YAML, expressions, logs and JSON treat specially.
const SPECIAL: &[u8] = b"\0\t\n\r :-[]{}\"'$#&*!|>%@`,?\\/\x7f\xff\xc3";

/// One input: a seed (or two spliced) with 1 to 8 edits, cut to `max_len`
/// bytes (the seeds themselves run whole, before any mutation).
pub fn input(rng: &mut Rng, seeds: &[Vec<u8>], dictionary: &[&str], max_len: usize) -> Vec<u8> {
    let mut data = match seeds.len() {
        0 => Vec::new(),
        n => seeds[rng.below(n)].clone(),
    };
    if seeds.len() > 1 && rng.chance(8) {
        let other = &seeds[rng.below(seeds.len())];
        let cut = rng.below(data.len() + 1);
        let from = rng.below(other.len() + 1);
        data.truncate(cut);
        data.extend_from_slice(&other[from..]);
    }
    let edits = 1 + rng.below(8);
    for _ in 0..edits {
        edit(rng, &mut data, dictionary, max_len);
    }
    data.truncate(max_len);
    data
}

fn edit(rng: &mut Rng, data: &mut Vec<u8>, dictionary: &[&str], max_len: usize) {
    let len = data.len();
    let at = rng.below(len + 1);
    match rng.below(11) {
        // Flip a bit.
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        // A special byte, replacing or inserted.
        1 => {
            let b = SPECIAL[rng.below(SPECIAL.len())];
            if at < len && rng.chance(2) {
                data[at] = b;
            } else {
                data.insert(at, b);
            }
        }
        // A random byte.
        2 => data.insert(at, rng.next_u64() as u8),
        // Delete a range.
        3 if len > 0 => {
            let n = 1 + rng.below((len - at.min(len - 1)).min(64));
            let start = at.min(len - 1);
            data.drain(start..(start + n).min(len));
        }
        // Duplicate a range in place.
        4 if len > 0 && len < max_len => {
            let start = rng.below(len);
            let n = 1 + rng.below((len - start).min(256));
            let chunk = data[start..start + n].to_vec();
            data.splice(start..start, chunk);
        }
        // Repeat a short chunk many times: nesting, long lines, many keys.
        5 if len > 0 => {
            let start = rng.below(len);
            let n = 1 + rng.below((len - start).min(16));
            let chunk = data[start..start + n].to_vec();
            let most = if rng.chance(8) { 4096 } else { 64 };
            let times = 2 + rng.below(most);
            let mut repeated = Vec::with_capacity(n * times);
            for _ in 0..times {
                repeated.extend_from_slice(&chunk);
            }
            data.splice(start..start, repeated);
        }
        // Cut the tail.
        6 if len > 0 => data.truncate(at),
        // Swap two bytes.
        7 if len > 1 => {
            let (i, j) = (rng.below(len), rng.below(len));
            data.swap(i, j);
        }
        // A dictionary token, inserted or replacing bytes.
        _ if !dictionary.is_empty() => {
            let token = dictionary[rng.below(dictionary.len())].as_bytes();
            if rng.chance(3) && at < len {
                let end = (at + token.len()).min(len);
                data.splice(at..end, token.iter().copied());
            } else {
                data.splice(at..at, token.iter().copied());
            }
        }
        _ => data.insert(at, b'\n'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_reproducible_and_differ() {
        let seeds = vec![b"on: push\njobs: {}\n".to_vec()];
        let run = |batch| {
            let mut rng = Rng::for_batch(7, "lint", batch);
            (0..50)
                .map(|_| input(&mut rng, &seeds, &["jobs:"], 4096))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(3), run(3));
        assert_ne!(run(3), run(4));
        assert!(run(1).iter().all(|i| i.len() <= 4096));
    }
}
