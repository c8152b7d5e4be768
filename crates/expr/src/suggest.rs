//! "did you mean" hints from edit distance.

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment,
/// `strsim`'s, as everywhere in autoheal), ignoring ASCII case. Strings longer than 64 bytes
/// are not compared: no hint is better than a slow one.
fn distance(a: &str, b: &str) -> Option<usize> {
    if a.len() > 64 || b.len() > 64 {
        return None;
    }
    Some(strsim::osa_distance(&a.to_ascii_lowercase(), &b.to_ascii_lowercase()))
}

/// `did you mean "x"?` (or `"x" or "y"?`) for the closest candidates, if any is close enough.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (name.len() / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| distance(name, c).filter(|&d| d <= limit).map(|d| (d, c)))
        .collect();
    scored.sort();
    let best = scored.first()?.0;
    let names: Vec<String> = scored
        .iter()
        .take_while(|(d, _)| *d == best)
        .take(3)
        .map(|(_, c)| format!("\"{c}\""))
        .collect();
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
            did_you_mean("ab", ["ac", "ad", "xyz"]),
            Some("did you mean \"ac\" or \"ad\"?".into())
        );
        assert_eq!(distance("kitten", "sitting"), Some(3));
        assert_eq!(distance("nmae", "name"), Some(1));
    }
}
