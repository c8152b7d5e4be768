//! Jekyll, the static site generator (`jekyll build`, and the `github-pages`
//! gem's build that actions/jekyll-build-pages runs).
//!
//! Source: `lib/jekyll/renderer.rb` (`render_liquid`): a Liquid error while
//! rendering a page is logged through `Jekyll.logger.error` with the topic
//! `Liquid Exception:` (right-aligned in the logger's 18-column topic field)
//! and the message `LiquidRenderer.format_error` builds, `{message} in
//! {path}` (Liquid's own `Liquid syntax error (line {n}): …`, `… included in
//! {layout}` for an include), then re-raised: Ruby's uncaught-exception
//! report (`{file}:{line}:in '…': {message} ({class})`) and the
//! `github-pages {version} | Error:  {message}` repeat (jekyll-build-pages'
//! `entrypoint.sh`) follow it. The same errors under `liquid: error_mode:
//! warn` are `Liquid Warning:` lines and fail nothing. A template error is
//! the site's own: a person's fix.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "jekyll/liquid-exception",
    grammar: "Liquid Exception: {message} in {path} (Jekyll's logger, the page it was rendering)",
    needles: &["Liquid Exception: "],
    check: liquid_exception,
    examples: &[ex(
        "  Liquid Exception: Liquid syntax error (line 8): Unknown tag 'endfor' in _posts/2026-11-01-release.md",
        Category::Unknown,
        None,
    )],
}];

fn liquid_exception(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Liquid Exception: (.+) in (\S.*)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Jekyll stopped on a Liquid error while rendering {}: {} (the site's template or page, for a person).",
        display_text(&c[2]),
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn the_renderer_s_exception_is_read_and_a_warning_is_not() {
        let hit = liquid_exception(&Line::plain(
            "  Liquid Exception: Liquid syntax error (line 22): 'for' tag was never closed in /github/workspace/\
             _includes/people.html, included in _posts/2026-11-30-cider-press.md",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
        assert!(hit.message.contains("'for' tag was never closed"), "{}", hit.message);
        assert_reads(
            liquid_exception,
            &[
                "  Liquid Exception: undefined method `to_liquid' for :auto_ids:Symbol in assets/css/main.scss",
                "Liquid Exception: Liquid error (line 3): invalid date in _layouts/post.html",
            ],
            &[
                "    Liquid Warning: Liquid syntax error (line 7): Expected end_of_string but found id in \
                 \"{{ page.title escape }}\" in /_layouts/page.html",
                "github-pages 232 | Error:  Liquid syntax error (line 22): 'for' tag was never closed",
                "Liquid Exception: (no page named)",
            ],
        );
    }
}
