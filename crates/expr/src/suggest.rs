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
fn distance(a: &str, b: &str) -> Option<usize> {
    if a.len() > MAX_WORD || b.len() > MAX_WORD {
        return None;
    }
    Some(strsim::osa_distance(&a.to_ascii_lowercase(), &b.to_ascii_lowercase()))
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
        let Some(d) = distance(word, c).filter(|d| *d <= limit) else {
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
