//! The floors recorded in `docs/accuracy.md`: each eval's thresholds live in
//! one fenced block of that page (```` ```eval-logs-floor ````,
//! ```` ```eval-fixes-floor ````, ```` ```eval-actionlint-floor ````, …),
//! one `key count[/total]` or `key share` per line. Every eval reads its
//! floor here.

use std::path::Path;

/// The figures of `keys` in the block named `block` of `text` (read from
/// `path`, which errors name): the number after each key, up to a `/` (a
/// count out of a total) or the end of the line (a share such as `0.993`).
pub fn figures<T: std::str::FromStr + Copy + Default, const N: usize>(
    text: &str,
    path: &Path,
    block: &str,
    keys: [&str; N],
) -> anyhow::Result<[T; N]> {
    let body = text
        .split(&format!("```{block}\n"))
        .nth(1)
        .and_then(|b| b.split("```").next())
        .ok_or_else(|| anyhow::anyhow!("{}: no ```{block} block", path.display()))?;
    let mut out = [T::default(); N];
    for (slot, key) in out.iter_mut().zip(keys) {
        let line = body
            .lines()
            .find_map(|l| l.strip_prefix(key).filter(|rest| rest.starts_with(' ')))
            .ok_or_else(|| anyhow::anyhow!("{}: {block} has no `{key}`", path.display()))?;
        let n = line.trim().split('/').next().unwrap_or("").trim();
        *slot = n
            .parse()
            .map_err(|_| anyhow::anyhow!("{}: `{key}{line}` is not a number of the expected kind", path.display()))?;
    }
    Ok(out)
}

/// The whole-number [`figures`] (counts) of a block.
pub fn counts<const N: usize>(text: &str, path: &Path, block: &str, keys: [&str; N]) -> anyhow::Result<[usize; N]> {
    figures(text, path, block, keys)
}

/// [`figures`] of the block in the file at `path`.
pub fn read_figures<T: std::str::FromStr + Copy + Default, const N: usize>(
    path: &Path,
    block: &str,
    keys: [&str; N],
) -> anyhow::Result<[T; N]> {
    figures(&std::fs::read_to_string(path)?, path, block, keys)
}

/// [`counts`] of the block in the file at `path`.
pub fn read<const N: usize>(path: &Path, block: &str, keys: [&str; N]) -> anyhow::Result<[usize; N]> {
    counts(&std::fs::read_to_string(path)?, path, block, keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_a_block() {
        let doc = "x\n```a-floor\nfirst 3/4\nsecond_key 7\n```\n```b\nfirst 9\n```";
        let p = Path::new("d.md");
        assert_eq!(counts(doc, p, "a-floor", ["first", "second_key"]).expect("ok"), [3, 7]);
        assert!(counts(doc, p, "a-floor", ["third"]).is_err());
        assert!(counts(doc, p, "missing", ["first"]).is_err());
        assert!(counts("```a-floor\nfirst x\n```", p, "a-floor", ["first"]).is_err());
        // A share is a figure but not a count.
        let shares = "```s-floor\nfound 0.993\nok_errors_at_most 0\n```";
        assert_eq!(
            figures::<f64, 2>(shares, p, "s-floor", ["found", "ok_errors_at_most"]).expect("ok"),
            [0.993, 0.0]
        );
        assert!(counts(shares, p, "s-floor", ["found"]).is_err());
    }
}
