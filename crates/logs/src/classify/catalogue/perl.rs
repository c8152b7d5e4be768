//! Perl.
//!
//! Source: perl's `require` (`pp_ctl.c`, `S_require_file`), which prints
//! `Can't locate {Path/To/Module}.pm in @INC (you may need to install the
//! {Path::To::Module} module) (@INC contains: {dirs}) at {file} line {n}.`
//! (perl 5.18 added the install hint; 5.38 says `@INC entries checked:`), with
//! `BEGIN failed--compilation aborted at …` after it when a `use` failed; and
//! prove's (`TAP::Harness`) `Result: FAIL` after its `Test Summary Report`.
//! cpanm (App::cpanminus) reports a distribution it could not install as
//! `! Configure failed for {dist}. See {log} for details.`, `! Installing
//! {module} failed. See {log} for details. Retry with --force to force install
//! it.`, `! Couldn't find module or a distribution {name}`, and then, for what
//! depended on it, `! Installing the dependencies failed: Module '{module}' is
//! not installed`: failed installs (the build log says why), whatever goes
//! missing after them follows from them.
//! The module's name is read from the path (`Foo/Bar.pm` is `Foo::Bar`) and
//! is the subject only when it passes [`is_perl_package`]: perl prints any
//! path `require` was given (`require "../x.pm"`), and a log is untrusted.
//! `Can't locate object method "{m}" via package "{p}"` is a different error
//! (a method call on a class that does not have it): a code error.
//!
//! A module whose name is the checkout's own distribution name (CPAN's
//! `Text::Slugger` in the repository `Text-Slugger`, whose directory is in the
//! `@INC` list perl printed) is the project's own module not put on `@INC`
//! (`prove` without `-l`): not a missing dependency.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};
use crate::subject::is_perl_package;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "perl/cant-locate-module",
        grammar: "Can't locate {Path/Module}.pm in @INC (you may need to install the {Path::Module} module) (@INC \
                  {contains|entries checked}: {dirs}) at {file} line {n}.",
        needles: &["Can't locate "],
        check: cant_locate,
        examples: &[
            ex(
                "Can't locate JSON/MaybeXS.pm in @INC (you may need to install the JSON::MaybeXS module) (@INC \
                 entries checked: /home/runner/work/feed/feed/lib /opt/hostedtoolcache/perl/5.40.2/x64/lib/5.40.2) \
                 at t/01-parse.t line 4.",
                Category::MissingDependency,
                Some("JSON::MaybeXS"),
            ),
            ex(
                "Can't locate object method \"new\" via package \"Feed::Item\" at lib/Feed.pm line 12.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "perl/cpanm-install-failed",
        grammar: "! Configure failed for {dist}. See {log} for details. | ! Installing {module} failed. See {log} … | ! \
                  Couldn't find module or a distribution {name} | ! Installing the dependencies failed: Module \
                  '{module}' is not installed",
        needles: &[
            "! Configure failed for ",
            "! Installing ",
            "! Couldn't find module or a distribution ",
        ],
        check: cpanm_install_failed,
        examples: &[ex(
            "! Configure failed for XML-LibXML-2.0210. See /home/runner/.cpanm/work/1764997201.2213/build.log for details.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "perl/prove-result",
        grammar: "Result: FAIL (prove's verdict after its `Test Summary Report`)",
        needles: &["Result: FAIL"],
        check: prove_result,
        examples: &[ex("Result: FAIL", Category::Unknown, None)],
    },
];

fn cant_locate(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    if text.starts_with("Can't locate object method ") {
        return Some(Hit::blocker(
            "Perl called a method a class does not have (a code error).",
        ));
    }
    let c = regex!(r"^Can't locate (\S+)\.pm in @INC\b").captures(text)?;
    let module = c[1].replace('/', "::");
    // perl prints the install hint from the same path, so a hint naming
    // another module is not perl's line.
    let hint = regex!(r"\(you may need to install the (\S+) module\)")
        .captures(text)
        .map(|h| h.get(1).map_or("", |m| m.as_str()));
    if !is_perl_package(&module) || hint.is_some_and(|h| h != module) {
        return Some(
            Hit::cause(
                Category::MissingDependency,
                0.3,
                "Perl could not load a module, but the name it printed is not a plain Perl package name, so it is \
                 not reported as the subject. autoheal does not edit Perl prerequisites, so no fix is made.",
            )
            .fixable(false),
        );
    }
    // A distribution is named after its main module (`Text::Slugger` is
    // `Text-Slugger`); GitHub's checkout directory is the repository's name,
    // in whatever case it was created.
    let dist = module.replace("::", "-").to_ascii_lowercase();
    if let Some(repo) = crate::subject::repository_in_path(text).map(str::to_ascii_lowercase)
        && (dist == repo || dist.starts_with(&format!("{repo}-")))
    {
        return Some(Hit::blocker(format!(
            "Perl could not load {module}, the project's own module: its directory is not on @INC (run the tests \
             with `prove -l`, or `-Ilib`)."
        )));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.65,
            format!(
                "Perl could not load the module {module}: it is not installed (add it to the cpanfile or the \
                 distribution's prerequisites, then `cpanm --installdeps .`). autoheal does not edit Perl \
                 prerequisites, so no fix is made."
            ),
        )
        .with_subject(
            module.clone(),
            SubjectDetail::Package {
                ecosystem: Ecosystem::Cpan,
                name: module,
            },
        )
        .fixable(false),
    )
}

fn cpanm_install_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^! (?:Configure|Build|Test) failed for \S+\.").is_match(text)
        || regex!(r"^! Installing \S+ failed\.").is_match(text)
        || regex!(r"^! Installing the dependencies failed: Module '[\w:]+' is not installed").is_match(text)
        || regex!(r"^! Couldn't find module or a distribution \S+").is_match(text);
    failed.then(|| {
        Hit::install_failure(
            "cpanm could not install a Perl distribution (its build log, named on the line, says why): a person \
             looks at it; what is missing afterwards follows from it.",
        )
    })
}

fn prove_result(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "Result: FAIL").then(|| Hit::summary("Perl's tests failed (prove's summary)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Hit {
        cant_locate(&Line::plain(text)).expect("read")
    }

    #[test]
    fn the_module_perl_names_is_the_subject_and_never_fixed() {
        let hit = read(
            "Can't locate Test/Deep.pm in @INC (you may need to install the Test::Deep module) (@INC contains: \
             /home/runner/work/Text-Slugger/Text-Slugger/lib /usr/share/perl5) at t/10-slugify.t line 5.",
        );
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingDependency, Some("Test::Deep"), false)
        );
        // Perl before 5.18 prints no install hint: the path names the module.
        let hit =
            read("Can't locate Module/Runtime.pm in @INC (@INC contains: /etc/perl /usr/share/perl5) at x.pl line 2.");
        assert_eq!(hit.subject.as_deref(), Some("Module::Runtime"));
    }

    #[test]
    fn the_projects_own_module_is_not_a_dependency() {
        let own = "Can't locate Text/Slugger/Unicode.pm in @INC (you may need to install the Text::Slugger::Unicode \
                   module) (@INC entries checked: /home/runner/work/Text-Slugger/Text-Slugger/local/lib/perl5 \
                   /usr/share/perl5) at t/20-unicode.t line 3.";
        assert_eq!(read(own).category, Category::Unknown);
        let own = "Can't locate Text/Slugger.pm in @INC (@INC contains: /home/runner/_work/Text-Slugger/Text-Slugger/local/lib/perl5) at t/00-load.t line 1.";
        assert_eq!(read(own).category, Category::Unknown);
        // A container job's checkout, a repository named in lower case, and a
        // tool cache listed before the checkout are the project's own too.
        let own = "Can't locate Text/Slugger.pm in @INC (@INC contains: /__w/text-slugger/text-slugger/lib /usr/share/perl5) at t/00-load.t line 1.";
        assert_eq!(read(own).category, Category::Unknown);
        let own = "Can't locate Text/Slugger.pm in @INC (@INC contains: /opt/hostedtoolcache/perl/5.40.0/x64/lib/perl5 /home/runner/work/Text-Slugger/Text-Slugger/lib) at t/00-load.t line 1.";
        assert_eq!(read(own).category, Category::Unknown);
        // A module that only begins with the same word is another distribution.
        let other = "Can't locate Text/SluggerX.pm in @INC (@INC contains: /home/runner/work/Text-Slugger/Text-Slugger/lib) at t/a.t line 1.";
        assert_eq!(read(other).category, Category::MissingDependency);
    }

    #[test]
    fn a_module_name_outside_perls_package_grammar_is_no_subject() {
        for text in [
            // A path `require` was given, not a package.
            "Can't locate ../lib/Helper.pm in @INC (@INC contains: /etc/perl) at t/a.t line 3.",
            "Can't locate Foo//Bar.pm in @INC (@INC contains: /etc/perl) at t/a.t line 3.",
            // Non-ASCII and shell characters.
            "Can't locate Mödule/X.pm in @INC (@INC contains: /etc/perl) at t/a.t line 3.",
            "Can't locate X;id.pm in @INC (@INC contains: /etc/perl) at t/a.t line 3.",
            "Can't locate $(id)/X.pm in @INC (@INC contains: /etc/perl) at t/a.t line 3.",
            // A hint that does not match the path is not perl's.
            "Can't locate Foo/Bar.pm in @INC (you may need to install the Evil::Name module) (@INC contains: \
             /etc/perl) at t/a.t line 3.",
        ] {
            let hit = read(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, None, false),
                "{text}"
            );
        }
        let hit = read("Can't locate _Private/V2_x.pm in @INC (@INC contains: /etc/perl) at t/a.t line 3.");
        assert_eq!(hit.subject.as_deref(), Some("_Private::V2_x"));
    }

    #[test]
    fn cpanms_refusals_are_failed_installs() {
        crate::classify::catalogue::assert_reads(
            cpanm_install_failed,
            &[
                "! Installing XML::Feed failed. See /home/runner/.cpanm/work/1/build.log for details. Retry with --force to force install it.",
                "! Installing the dependencies failed: Module 'XML::LibXML' is not installed",
                "! Couldn't find module or a distribution Test::Deeep",
            ],
            &["--> Working on XML::Feed", "Installing XML::Feed failed"],
        );
        let hit = cpanm_install_failed(&Line::plain(
            "! Installing the dependencies failed: Module 'XML::Feed' is not installed",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
    }

    #[test]
    fn other_cant_locate_messages_are_not_modules() {
        crate::classify::catalogue::assert_reads(
            cant_locate,
            &["Can't locate object method \"x\" via package \"Y\" at a.pl line 1."],
            &[
                "Can't locate config.pl in @INC (@INC contains: /etc/perl) at a.pl line 1.",
                "Can't locate the file",
            ],
        );
    }
}
