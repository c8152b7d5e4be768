//! The floors recorded in `docs/accuracy.md`: each eval's thresholds live in
//! one fenced block of that page (```` ```eval-logs-floor ````,
//! ```` ```eval-fixes-floor ````), one `key count[/total]` per line.

use std::path::Path;

/// The counts of `keys` in the block named `block` of `text` (read from
/// `path`, which errors name).
pub fn counts<const N: usize>(text: &str, path: &Path, block: &str, keys: [&str; N]) -> anyhow::Result<[usize; N]> {
    let body = text
        .split(&format!("```{block}\n"))
        .nth(1)
        .and_then(|b| b.split("```").next())
        .ok_or_else(|| anyhow::anyhow!("{}: no ```{block} block", path.display()))?;
    let mut out = [0; N];
    for (slot, key) in out.iter_mut().zip(keys) {
        let line = body
            .lines()
            .find_map(|l| l.strip_prefix(key).filter(|rest| rest.starts_with(' ')))
            .ok_or_else(|| anyhow::anyhow!("{}: {block} has no `{key}`", path.display()))?;
        let n = line.trim().split('/').next().unwrap_or("").trim();
        *slot = n
            .parse()
            .map_err(|_| anyhow::anyhow!("{}: `{key}{line}` is not a count", path.display()))?;
    }
    Ok(out)
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
    }
}
