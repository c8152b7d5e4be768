//! EUnit, Erlang's unit test framework, as `rebar3 eunit` reports it.
//!
//! Sources: eunit_formatters' `eunit_progress` reporter, rebar3's default
//! (`src/eunit_progress.erl`): a `.`/`F` progress line, then `Failures:` with
//! each failure as `  {n}) {module}:{function}/{arity}[: {description}]`
//! and, indented five spaces, `Failure/Error: {assertion}` (`?assertEqual({expected},
//! {expr})`, `?assert({expr})`, `?assertMatch(…)`, … or `{error, Reason}`
//! printed with `~p`) over `expected:`/`got:` lines and a `%% {file}:{line}:in
//! `{function}`` location; then `Finished in {t} seconds` and `{n} tests, {m}
//! failures[, {k} skipped][, {c} cancelled]`, after which rebar3 stops with
//! `===> Error running tests`. EUnit's own tty reporter (plain `eunit:test/2`,
//! rebar 2) ends with `  Failed: {m}.  Skipped: {k}.  Passed: {n}.` over its
//! `*failed*` blocks. The first `Failure/Error:` is the cause: a test that
//! failed, for a person; the counts are headings over it (ahead of ExUnit's
//! summary, whose `{n} tests, {m} failure[s]` reads alike, for the forms
//! only EUnit prints). RSpec prints the same `Failure/Error:` heading over
//! Ruby source: a heading whose assertion is not an Erlang macro (`?…`) or
//! term (`{…}`) is EUnit's only in a step that runs rebar3 or EUnit.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "eunit/failure",
    grammar: "     Failure/Error: {assertion} | {n} tests, {m} failures[, …] (eunit_progress) | Failed: {m}.  \
              Skipped: {k}.  Passed: {n}. (EUnit's tty reporter)",
    needles: &["Failure/Error: ", " failures", "Failed: "],
    check: failure,
    examples: &[ex(
        "     Failure/Error: ?assertEqual(1234, tariff_vat:apply(1175, reduced))",
        Category::Unknown,
        None,
    )],
}];

fn failure(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if let Some(c) = regex!(r"^Failure/Error: (\S.*)$").captures(text) {
        // RSpec prints the same heading over the failing example's Ruby
        // source (`Failure/Error: expect(…)`). EUnit's is an Erlang macro
        // (`?assert…`) or a term (`{error, …}`); anything else is EUnit's
        // only where the step runs rebar3 or EUnit, so this entry does not
        // lean on `quoted.rs` screening RSpec's first.
        let erlang = c[1].starts_with('?') || c[1].starts_with('{');
        if !erlang && !line.step_mentions("rebar3") && !line.step_mentions("eunit") {
            return None;
        }
        return Some(Hit::blocker(format!(
            "An EUnit test failed: {} (the test's assertion, for a person).",
            display_text(&c[1])
        )));
    }
    // ExUnit's summary reads alike but says `1 failure` (it pluralizes);
    // eunit_progress always prints `~p failures`. `{n} failures` for n > 1
    // is EUnit's only in a step that runs rebar3 or EUnit.
    let progress = regex!(r"^\d+ tests, ([1-9]\d*) failures(?:, \d+ (?:skipped|cancelled))*$")
        .captures(text)
        .is_some_and(|c| &c[1] == "1" || line.step_mentions("rebar3") || line.step_mentions("eunit"));
    let tty = regex!(r"^Failed: [1-9]\d*\.\s+Skipped: \d+\.\s+Passed: \d+\.$").is_match(text);
    (progress || tty).then(|| Hit::summary("EUnit tests failed (its counts; the failure above says which)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_first_failure_is_the_cause_and_the_counts_headings() {
        for text in [
            "     Failure/Error: ?assertEqual(1234, tariff_vat:apply(1175, reduced))",
            "     Failure/Error: ?assertMatch({ok, _}, parse(<<\"x\">>))",
            "     Failure/Error: {error,{badmatch,{error,enoent}}}",
        ] {
            let hit = failure(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        // RSpec's heading over Ruby source is not EUnit's, unless the step
        // runs rebar3 (whose eunit_progress printed it).
        let mut rspec = Line::plain("     Failure/Error: expect(response).to have_http_status(:ok)");
        assert!(failure(&rspec).is_none());
        rspec.script = "bundle exec rspec";
        assert!(failure(&rspec).is_none());
        let mut erlang = Line::plain("     Failure/Error: tariff_vat:apply(1175, reduced) =/= 1234");
        assert!(failure(&erlang).is_none());
        erlang.script = "rebar3 eunit --cover";
        assert_eq!(failure(&erlang).expect("rebar3").strength, Strength::Blocker);
        // More than one failure reads like ExUnit's summary: EUnit's only in
        // a step that runs rebar3.
        let mut rebar3 = Line::plain("12 tests, 2 failures, 1 skipped");
        assert!(failure(&rebar3).is_none());
        rebar3.script = "rebar3 eunit";
        assert_eq!(failure(&rebar3).expect("rebar3").strength, Strength::Summary);
        for text in ["10 tests, 1 failures", "  Failed: 1.  Skipped: 0.  Passed: 7."] {
            assert_eq!(
                failure(&Line::plain(text)).expect(text).strength,
                Strength::Summary,
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            failure,
            &[],
            &[
                "10 tests, 0 failures",
                "  Failed: 0.  Skipped: 0.  Passed: 7.",
                "3 tests, 1 failure",
                "Failure/Error:",
            ],
        );
    }
}
