//! "did you mean" hints from edit distance: the one implementation every
//! crate of autoheal uses (the engine's rules and config, the CLI's
//! `explain`, the language server's settings, the expression checker).

/// Past this many candidates (thousands of job ids) or this long a word, no
/// typo is suggested: the search would cost more than the hint is worth.
const MAX_CANDIDATES: usize = 1000;
const MAX_WORD: usize = 64;

/// Edit distance counting a swap of neighbours as one edit (optimal string
/// alignment, `strsim`'s: `tset` is one edit from `test`), ignoring ASCII
/// case. `None` for strings too long to be worth comparing.
#[cfg(test)]
fn distance(a: &str, b: &str) -> Option<usize> {
    if a.len() > MAX_WORD || b.len() > MAX_WORD {
        return None;
    }
    Some(strsim::osa_distance(&a.to_ascii_lowercase(), &b.to_ascii_lowercase()))
}

/// [`distance`] when it is at most `limit`, else `None`. ASCII words (all
/// of the engine's keys and runner labels) are compared byte by byte on the
/// stack, and the comparison stops once two rows in a row exceed `limit`
/// (every later cell grows from one of those two rows, so the distance
/// would too): the suggestions for the corpus's unknown runner labels
/// spent 25 M instructions in `strsim`, two lowercase copies and three
/// vectors per candidate.
fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.len() > MAX_WORD || b.len() > MAX_WORD {
        return None;
    }
    let d = if a.is_ascii() && b.is_ascii() {
        ascii_distance_within(a.as_bytes(), b.as_bytes(), limit)?
    } else {
        strsim::osa_distance(&a.to_ascii_lowercase(), &b.to_ascii_lowercase())
    };
    (d <= limit).then_some(d)
}

/// `strsim::osa_distance`'s recurrence on ASCII bytes, case ignored; `None`
/// once the distance is sure to exceed `limit`. Both at most [`MAX_WORD`]
/// bytes.
fn ascii_distance_within(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    let n = b.len();
    let (mut r0, mut r1, mut r2) = ([0usize; MAX_WORD + 1], [0usize; MAX_WORD + 1], [0usize; MAX_WORD + 1]);
    for j in 0..=n {
        r0[j] = j;
        r1[j] = j;
    }
    let (mut two_back, mut prev, mut cur) = (&mut r0, &mut r1, &mut r2);
    let (mut prev_a, mut prev_b) = (0u8, 0u8);
    // Whether the row before this one exceeds the limit everywhere.
    let mut prev_over = false;
    for (i, &a_byte) in a.iter().enumerate() {
        let a_byte = a_byte.to_ascii_lowercase();
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &b_byte) in b.iter().enumerate() {
            let b_byte = b_byte.to_ascii_lowercase();
            let cost = usize::from(a_byte != b_byte);
            let mut d = (cur[j] + 1).min(prev[j + 1] + 1).min(prev[j] + cost);
            if i > 0 && j > 0 && a_byte != b_byte && a_byte == prev_b && b_byte == prev_a {
                d = d.min(two_back[j - 1] + 1);
            }
            cur[j + 1] = d;
            row_min = row_min.min(d);
            prev_b = b_byte;
        }
        let over = row_min > limit;
        if over && prev_over {
            return None;
        }
        prev_over = over;
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
        prev_a = a_byte;
    }
    Some(prev[n])
}

/// The candidates closest to `word`, in the order given, when they are close
/// enough to be a typo of it: at most a third of its length in edits (one
/// for short words, three at most). A candidate that differs only in case
/// is at distance 0. Empty when nothing is close, or past the size limits.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let length = word.chars().count();
    let mut best: Option<usize> = None;
    let mut out = Vec::new();
    for (i, c) in candidates.into_iter().enumerate() {
        if i >= MAX_CANDIDATES {
            return Vec::new();
        }
        // The distance is at least the difference in length.
        if c.chars().count().abs_diff(length) > limit {
            continue;
        }
        let Some(d) = distance_within(word, c, limit) else {
            continue;
        };
        match best {
            Some(b) if d > b => {}
            Some(b) if d == b => out.push(c),
            _ => {
                best = Some(d);
                out.clear();
                out.push(c);
            }
        }
    }
    out
}

/// The closest candidate ([`closest`]), the first given of equally close ones.
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest(word, candidates.iter().copied()).first().copied()
}

/// `did you mean "x"?` (or `"x" or "y"?`, up to three equally close names)
/// for the closest candidates, if any is close enough.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let names = closest(word, candidates);
    if names.is_empty() {
        return None;
    }
    let names: Vec<String> = names.iter().take(3).map(|c| format!("\"{c}\"")).collect();
    Some(format!("did you mean {}?", names.join(" or ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("evnt_name", ["event_name", "ref", "sha"]),
            Some("did you mean \"event_name\"?".into())
        );
        assert_eq!(did_you_mean("OS", ["os", "arch"]), Some("did you mean \"os\"?".into()));
        assert_eq!(did_you_mean("zzzzzz", ["os", "arch"]), None);
        assert_eq!(
            did_you_mean("ab", ["ad", "ac", "xyz"]),
            Some("did you mean \"ad\" or \"ac\"?".into())
        );
        assert_eq!(distance("kitten", "sitting"), Some(3));
        assert_eq!(distance("nmae", "name"), Some(1));
    }

    #[test]
    fn the_closest_wins_then_the_first_given() {
        assert_eq!(suggest("tset", &["test", "tests"]), Some("test"));
        assert_eq!(suggest("timout", &["timeout", "syntax"]), Some("timeout"));
        // Case alone is no typo to miss: the engine's keys were compared
        // with case before, and `Timeout` found nothing closer than 1 edit.
        assert_eq!(suggest("TIMEOUT", &["timeout"]), Some("timeout"));
        assert_eq!(suggest("x", &["timeout"]), None);
        // Long words: three edits at most.
        assert_eq!(
            suggest("workflow_dispatch", &["workflow_dispatch_x"]),
            Some("workflow_dispatch_x")
        );
        assert_eq!(suggest("abcdefghijklmno", &["abcdefghijkzzzz"]), None);
    }

    proptest::proptest! {
        /// The bounded comparison gives `strsim`'s distance whenever it is
        /// within the limit, and `None` otherwise: words of a few letters
        /// (so that swaps and repeats are common), in both cases, some not
        /// ASCII.
        #[test]
        fn the_bounded_distance_is_strsims_within_the_limit(
            a in "[abAB_é-]{0,9}",
            b in "[abAB_é-]{0,9}",
            limit in 0usize..5,
        ) {
            let want = distance(&a, &b).filter(|d| *d <= limit);
            proptest::prop_assert_eq!(distance_within(&a, &b, limit), want);
        }
    }

    #[test]
    fn past_the_limits_nothing_is_suggested() {
        let many: Vec<String> = (0..=MAX_CANDIDATES).map(|i| format!("job{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(suggest("job1", &many[..MAX_CANDIDATES]), Some("job1"));
        assert_eq!(suggest("job1", &many), None);
        let long = "a".repeat(MAX_WORD + 1);
        assert_eq!(suggest(&long, &[long.as_str()]), None);
    }
}
