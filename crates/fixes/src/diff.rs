//! Unified diffs of fixed files, for `autoheal fix`, issue bodies and PRs.

use similar::TextDiff;

/// A `git diff`-style unified diff of one file, with three lines of context.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
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
}
