//! Unified diffs of fixed files, for `autoheal fix`, issue bodies and PRs.

use similar::TextDiff;

/// A `git diff`-style unified diff of one file, with three lines of context.
/// An absolute path (a file outside any repository) keeps one slash after
/// the `a`/`b` prefix, as `git diff --no-index` writes it.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let path = path.trim_start_matches('/');
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn diffs_show_only_the_change_with_context() {
        let d = super::unified_diff("ci.yml", "a\nb\nc\n", "a\nb\nx\nc\n");
        assert_eq!(d, "--- a/ci.yml\n+++ b/ci.yml\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n");
    }

    #[test]
    fn an_absolute_path_has_one_slash_after_the_prefix() {
        let d = super::unified_diff("/home/me/ci.yml", "a\n", "b\n");
        assert!(d.starts_with("--- a/home/me/ci.yml\n+++ b/home/me/ci.yml\n"), "{d}");
    }
}
