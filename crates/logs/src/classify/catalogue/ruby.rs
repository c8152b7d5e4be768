//! Ruby and Bundler.
//!
//! Sources: Ruby's `LoadError` (`cannot load such file -- {feature}`) and
//! `Errno::ENOENT` (`No such file or directory @ rb_sysopen - {path}`), and
//! Bundler's messages (`Could not locate Gemfile`, `Could not find {gem}-{version}
//! in locally installed gems`, `Could not find gem '{requirement}' in {source}`, `Your bundle is locked to
//! {gem} ({version}) from {source} …, but that version can no longer be found in that source.`,
//! `Bundler::GemNotFound`, and `Your Ruby version is {running}, but your Gemfile
//! specified {requirement}` from `Bundler::RubyVersionMismatch`; `An error
//! occurred while installing {gem} ({version}), and Bundler cannot continue.`
//! after RubyGems' `Gem::Ext::BuildError: ERROR: Failed to build gem native
//! extension.`), and RSpec's summary (`{n} examples, {n} failures`, from
//! `RSpec::Core::Notifications::SummaryNotification`), and Bundler 2.4+'s
//! resolver (PubGrub), which prints `Could not find compatible versions`
//! above its `Because …` derivation ending `version solving has failed.`
//! Bundler's `Your bundle only supports platforms {list} but your local
//! platform is {platform}. Add the current platform to the lockfile with
//! `bundle lock --add-platform {platform}` and try again.`
//! (`Bundler::ProductionError` in deployment mode) is the lockfile's
//! `PLATFORMS` list, a change to the repository: not the runner's fault, even
//! on an ARM64 or Apple-silicon machine.
//!
//! Bundler's `{gem} is not part of the bundle. Add it to your {Gemfile}.`
//! (`Gem::LoadError`, `lib/bundler/rubygems_integration.rb`, `replace_gem`:
//! under `bundle exec` or `bundler/setup`, activating a gem the bundle does
//! not hold; `{Gemfile}` is `Gemfile`, `gems.rb` or `inline Gemfile`), which
//! Active Record relays as `Error loading the '{adapter}' Active Record
//! adapter. Missing a gem it depends on? {message}`: the gem is missing from
//! the bundle (not in the Gemfile, or in a group the job leaves out with
//! `BUNDLE_WITHOUT`), a change to the Gemfile or the job's groups.
//!
//! Bundler's retry notice (`Bundler::Retry#fail_attempt`,
//! `lib/bundler/retry.rb`): `Retrying {name} due to error ({n}/{total}):
//! {class} {message}`, printed after an attempt failed and before the next
//! one; the last attempt's error is raised and printed on its own. The
//! notice is not the outcome (the request was tried again), so it is read
//! as a notice, and the error printed after the last attempt (Bundler's
//! `TooManyRequestsError` body for a 429, `lib/bundler/fetcher/downloader.rb`)
//! is the finding.
//!
//! Rake (`lib/rake/task_manager.rb`): a task name it has no task for aborts
//! with `rake aborted!` and `Don't know how to build task '{name}' (See the
//! list of available tasks with `rake --tasks`)`, with `Did you mean?` hints
//! below: the workflow or the Rakefile names a task that does not exist, for
//! a person.
//!
//! Bundler's frozen (deployment) mode refuses a Gemfile its lockfile does not
//! match (`lib/bundler/definition.rb`, `ensure_equivalent_gemfile_and_lockfile`,
//! `Bundler::ProductionError`, exit status 16): since Bundler 2.5 `{Reason},
//! but the lockfile can't be updated because frozen mode is set` (`The
//! dependencies in your gemfile changed`, `The gemspecs for path gems
//! changed`, `The list of sources changed`, …), then `You have added to the
//! Gemfile:` / `deleted from` / `changed in` lists and `Run `bundle install`
//! elsewhere and add the updated Gemfile.lock to version control.`; before,
//! `You are trying to install in deployment mode after changing` / `your
//! Gemfile. …`. setup-ruby's `bundler-cache` sets deployment mode. Bundler's
//! reason (`change_reason`, its reasons joined with `, `) says whether the
//! Gemfile changed without its lockfile (then a person runs `bundle install`
//! and commits the lockfile); any other (`Bundler is unlocking …` of a
//! `bundle update`, `Your lockfile is missing "…"`, a CHECKSUMS entry) is
//! quoted as Bundler gave it.
//!
//! Minitest's summary (`Minitest::SummaryReporter`): `{n} runs, {n}
//! assertions, {n} failures, {n} errors, {n} skips`, after its `Failure:` /
//! `Error:` reports (Rails' test runner adds a `bin/rails test {file}:{line}`
//! line under each).

use super::util::{after, path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "ruby/gem-push-repushed",
        grammar: "Repushing of gem versions is not allowed. (rubygems.org's `app/models/pusher.rb`, relayed by `gem \
                  push`)",
        needles: &["Repushing of gem versions is not allowed"],
        check: gem_repushed,
        examples: &[ex("Repushing of gem versions is not allowed.", Category::Unknown, None)],
    },
    Entry {
        id: "ruby/bundler-retry",
        grammar: "Retrying {name} due to error ({n}/{total}): {class} {message}",
        needles: &[" due to error ("],
        check: bundler_retry,
        examples: &[ex(
            "Retrying fetcher due to error (2/4): Bundler::Fetcher::TooManyRequestsError Too Many Requests",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/rake-unknown-task",
        grammar: "Don't know how to build task '{name}' (See the list of available tasks with `{rake} --tasks`)",
        needles: &["Don't know how to build task '"],
        check: rake_unknown_task,
        examples: &[ex(
            "Don't know how to build task 'spec:system' (See the list of available tasks with `rake --tasks`)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/bundler-no-compatible-versions",
        grammar: "Could not find compatible versions (Bundler's PubGrub resolver; the `Because …` lines say why)",
        needles: &["Could not find compatible versions"],
        check: no_compatible_versions,
        examples: &[ex("Could not find compatible versions", Category::Unknown, None)],
    },
    Entry {
        id: "ruby/bundler-frozen",
        grammar: "{Reason}, but the lockfile can't be updated because frozen mode is set (Bundler 2.5+) | You are \
                  trying to install in deployment mode after changing (earlier Bundler)",
        needles: &[
            "because frozen mode is set",
            "install in deployment mode after changing",
        ],
        check: bundler_frozen,
        examples: &[ex(
            "The dependencies in your gemfile changed, but the lockfile can't be updated because frozen mode is set",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/bundler-platform-missing",
        grammar: "Your bundle only supports platforms {list} but your local platform is {platform}.",
        needles: &["Your bundle only supports platforms"],
        check: platform_missing,
        examples: &[ex(
            "Your bundle only supports platforms [\"x86_64-linux\"] but your local platform is aarch64-linux. Add the \
             current platform to the lockfile with",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/version-mismatch",
        grammar: "Your Ruby version is {running}, but your Gemfile specified {requirement}",
        needles: &["but your Gemfile specified"],
        check: ruby_version_mismatch,
        examples: &[ex(
            "Your Ruby version is 3.1.4, but your Gemfile specified ~> 3.2.0",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/bundler-not-in-bundle",
        grammar: "{gem} is not part of the bundle. Add it to your {Gemfile|gems.rb|inline Gemfile}. (Gem::LoadError)",
        needles: &[" is not part of the bundle. Add it to your "],
        check: not_in_bundle,
        examples: &[ex(
            "LoadError: Error loading the 'postgresql' Active Record adapter. Missing a gem it depends on? pg is not \
             part of the bundle. Add it to your Gemfile. (LoadError)",
            Category::MissingDependency,
            Some("pg"),
        )],
    },
    Entry {
        id: "ruby/cannot-load",
        grammar: "cannot load such file -- {feature} (LoadError)",
        needles: &["cannot load such file --"],
        check: cannot_load,
        examples: &[ex(
            "<internal:lib/rubygems/core_ext/kernel_require.rb>:85:in `require': cannot load such file -- \
             nokogiri (LoadError)",
            Category::MissingDependency,
            Some("nokogiri"),
        )],
    },
    Entry {
        id: "ruby/no-such-file",
        grammar: "No such file or directory @ rb_sysopen - {path} (Errno::ENOENT)",
        needles: &["rb_sysopen"],
        check: no_such_file,
        examples: &[ex(
            "No such file or directory @ rb_sysopen - config/settings.yml (Errno::ENOENT)",
            Category::FileNotFound,
            Some("config/settings.yml"),
        )],
    },
    Entry {
        id: "ruby/native-extension",
        grammar: "Gem::Ext::BuildError: ERROR: Failed to build gem native extension. | An error occurred while \
                  installing {gem} ({version}), and Bundler cannot continue.",
        needles: &["Gem::Ext::BuildError", "and Bundler cannot continue"],
        check: native_extension,
        examples: &[ex(
            "Gem::Ext::BuildError: ERROR: Failed to build gem native extension.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/rspec-summary",
        grammar: "{n} examples, {n} failures[, {n} pending] (RSpec's summary; `1 example, 1 failure` in the singular)",
        needles: &[" failure"],
        check: rspec_summary,
        examples: &[ex("16 examples, 1 failure", Category::Unknown, None)],
    },
    Entry {
        id: "ruby/minitest-summary",
        grammar: "{n} runs, {n} assertions, {n} failures, {n} errors, {n} skips (Minitest's summary)",
        needles: &[" assertions, "],
        check: minitest_summary,
        examples: &[ex(
            "84 runs, 176 assertions, 1 failures, 0 errors, 0 skips",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ruby/bundler",
        grammar: "Could not locate Gemfile or .bundle/ directory | Could not find {gem}-{version} in locally installed \
                  gems | Could not find gem '{name} ({req})' in {rubygems repository {url} or installed locally | any of the gem \
                  sources listed in your Gemfile}. | Bundler::GemNotFound | Your bundle is locked to {gem} \
                  ({version}) from {source} or installed locally, but that version can no longer be found in that \
                  source. (Bundler 2.2+, a locked version the source removed)",
        needles: &[
            "but that version can no longer be found in that source",
            "Could not locate Gemfile",
            "in locally installed gems",
            "GemNotFound",
            "Could not find gem '",
        ],
        check: bundler,
        examples: &[
            ex(
                "Your bundle is locked to mimemagic (0.3.5) from rubygems repository https://rubygems.org/ or \
                 installed locally, but that version can no longer be found in that source.",
                Category::Unknown,
                None,
            ),
            ex(
                "Could not locate Gemfile or .bundle/ directory",
                Category::FileNotFound,
                Some("Gemfile"),
            ),
            ex(
                "Could not find rake-13.0.6 in locally installed gems",
                Category::Unknown,
                None,
            ),
            ex(
                "Could not find gem 'sidekiq (~> 99.0)' in rubygems repository https://rubygems.org/ or installed \
                 locally.",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// Bundler's notice that it will try a request again (`Bundler::Retry`):
/// each retried attempt's error is in it, and only the error after the last
/// attempt is the step's outcome. The name is free text and may hold a URL
/// (`Retrying download gem from https://rubygems.org/ due to error (2/4): …`,
/// `source/rubygems.rb`), so anything up to ` due to error (` is the name
/// (review89 L2).
fn bundler_retry(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Retrying \S.*? due to error \(\d+/\d+\): ")
        .is_match(line.text.trim_start())
        .then(|| Hit::notice("Bundler retried a request."))
}

fn rake_unknown_task(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Don't know how to build task '[^']+' \(See the list of available tasks with `\S+ --tasks`\)$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "Rake has no task of that name: the workflow or the Rakefile names a task that does not exist (or \
                 the Rakefile that defines it was not loaded).",
            )
        })
}

fn no_compatible_versions(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "Could not find compatible versions").then(|| {
        Hit::install_failure(
            "Bundler found no versions of the gems that satisfy the Gemfile together (the `Because …` lines below \
             say which conflict): a person changes a requirement.",
        )
    })
}

fn platform_missing(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Your bundle only supports platforms \[.*\] but your local platform is \S+")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "Gemfile.lock does not list this machine's platform: add it to the lockfile (`bundle lock \
                 --add-platform …`, as Bundler says) and commit it. A change to the repository, not to the runner.",
            )
        })
}

/// See [`cannot_load`]: the helper files test frameworks generate.
const SUITE_HELPERS: &[&str] = &["spec_helper", "rails_helper", "test_helper"];

fn cannot_load(line: &Line<'_>) -> Option<Hit> {
    // A program that quotes Ruby's message closes the quote right after the
    // feature (Jekyll's `The full error message from Ruby is: 'cannot load
    // such file -- jekyll-feed'`, `jekyll/external.rb`): the quote is not
    // part of the name.
    let feature = after(line.text, "cannot load such file -- ")?
        .split_whitespace()
        .next()?
        .trim_end_matches(['\'', '"']);
    if feature.starts_with('/') || feature.starts_with('.') {
        return Some(path_hit(feature, 0.6, "Ruby could not load a file of the project."));
    }
    // The helper files the test frameworks' generators write into the
    // project (`rspec --init`: spec/spec_helper.rb; rspec-rails'
    // `rspec:install`: spec/rails_helper.rb; Rails and Minitest:
    // test/test_helper.rb), which the runners put on the load path: the
    // project's own file, never a gem.
    if SUITE_HELPERS.contains(&feature) {
        return Some(Hit::blocker(format!(
            "Ruby could not load '{feature}', the test suite's own helper file (spec/ or test/{feature}.rb): it is \
             not in the repository, or the suite runs from another directory. Not a gem."
        )));
    }
    // `webmock/rspec` → the gem `webmock`: a gem's files live under its
    // name. But RubyGems' naming guide has an extension of a gem named with
    // a dash and required with a slash (`net-http-persistent` is required
    // as `net/http/persistent`, `faraday-retry` as `faraday/retry`): when
    // the job installed the gem the feature starts with, that gem holds no
    // such file (else it would load), so the feature is its extension's.
    let top = feature.split('/').next().unwrap_or(feature);
    if let Some(rest) = feature.strip_prefix(top).and_then(|r| r.strip_prefix('/'))
        && own_native_extension(top, rest)
    {
        return Some(Hit::blocker(format!(
            "Ruby could not load '{feature}', the gem '{top}''s own compiled extension: the gem is there (its Ruby \
             code asked for the file), but its native extension did not build or does not load with this Ruby (a \
             precompiled gem for another Ruby version or platform, or a system library it links missing). Not a gem \
             to add: a person reads the gem's install output."
        )));
    }
    if matches!(top, "bundler" | "rubygems") {
        // Bundler's and RubyGems' own files (`bundler/setup`): never an
        // extension gem (there is no `bundler-setup`); another Ruby than the
        // one that ran `bundle install`, or a command run without
        // `bundle exec`, is as likely (final read M3f).
        return Some(Hit::blocker(format!(
            "Ruby could not load '{feature}', a file of {top} itself: this Ruby does not see the {top} the job \
             installed (another Ruby or gem path, or the command not run through `bundle exec`). Not a gem to add: a \
             person checks which Ruby runs the step."
        )));
    }
    let extension = feature.replace('/', "-");
    let installed = feature.contains('/') && line.gems.iter().any(|g| g == top);
    let gem = if installed { extension.as_str() } else { top };
    if !regex!(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$").is_match(gem) {
        return Some(Hit::blocker(
            "Ruby could not load a feature whose name is not a plain gem name.",
        ));
    }
    let message = if installed {
        format!(
            "Ruby could not load '{feature}': the job installed the gem '{top}', which has no such file, so it is an \
             extension gem's ('{gem}', by RubyGems' naming: an extension of a gem is named with a dash and required \
             with a slash): add it to the Gemfile, and run `bundle install` in the job."
        )
    } else {
        format!(
            "Ruby could not load '{feature}': the gem that provides it is not installed (add it to the Gemfile, and \
             run `bundle install` in the job)."
        )
    };
    Some(Hit::cause(Category::MissingDependency, 0.65, message).with_subject(
        gem,
        SubjectDetail::Package {
            ecosystem: Ecosystem::Rubygems,
            name: gem.to_string(),
        },
    ))
}

/// Is `{gem}/{rest}` the gem's own native extension rather than an
/// extension gem's file? mkmf's `create_makefile("{gem}/{name}")` installs
/// the compiled library as `lib/{gem}/{name}.{so,bundle,dll}` (RubyGems'
/// "Gems with Extensions" guide names the extension after its gem), which
/// the gem's Ruby code requires under its own name, alone or with a suffix
/// after an underscore (`nokogiri/nokogiri`, `sqlite3/sqlite3_native`,
/// `grpc/grpc_c`, `puma/puma_http11`); precompiled ("fat") platform gems built by
/// rake-compiler keep one per Ruby under `lib/{gem}/{major.minor}/`
/// (nokogiri's and sqlite3's loaders require `{gem}/3.2/{name}` first). An
/// extension gem's feature (`faraday/retry`) has none of these shapes. A
/// suffix alone says nothing: `active_support/core_ext` is Ruby code.
fn own_native_extension(gem: &str, rest: &str) -> bool {
    let (dirs, file) = rest.rsplit_once('/').unwrap_or(("", rest));
    if dirs.split('/').any(|d| regex!(r"^\d+\.\d+$").is_match(d)) {
        return true;
    }
    let stem = match file.rsplit_once('.') {
        Some((stem, "so" | "bundle" | "dll")) => return !stem.is_empty(),
        _ => file,
    };
    let own = gem.replace('-', "_");
    stem == gem || stem == own || stem.strip_prefix(own.as_str()).is_some_and(|r| r.starts_with('_'))
}

/// The gem a line of Bundler's or RubyGems' install output says is there:
/// Bundler's `Installing {gem} {version}` (with ` with native extensions`
/// or `(was {old})` after it), `Using {gem} {version}` and `Fetching {gem}
/// {version}` (`lib/bundler/source/rubygems.rb`, `lib/bundler/installer`),
/// RubyGems' `Successfully installed {gem}-{version}`.
pub fn installed_gem(text: &str) -> Option<&str> {
    let text = text.trim();
    if let Some(c) =
        regex!(r"^(?:Installing|Using|Fetching) ([A-Za-z0-9][A-Za-z0-9_.-]*) (\d[\w.]*)(?: |$)").captures(text)
    {
        return c.get(1).map(|m| m.as_str());
    }
    let c = regex!(r"^Successfully installed ([A-Za-z0-9][A-Za-z0-9_.-]*?)-\d[\w.]*$").captures(text)?;
    c.get(1).map(|m| m.as_str())
}

fn not_in_bundle(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"(?:^|[\s?:])([A-Za-z0-9][A-Za-z0-9_.-]*) is not part of the bundle\. Add it to your (?:Gemfile|gems\.rb|inline Gemfile)\."
    )
    .captures(line.text)?;
    let gem = &c[1];
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.8,
            format!(
                "Bundler refused to load the gem '{gem}': it is not part of the bundle (not in the Gemfile, or in a \
                 group the job leaves out, such as BUNDLE_WITHOUT): add it to the Gemfile or to the job's groups."
            ),
        )
        .with_subject(
            gem,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Rubygems,
                name: gem.to_string(),
            },
        ),
    )
}

fn no_such_file(line: &Line<'_>) -> Option<Hit> {
    let path = after(line.text, "rb_sysopen - ")?.split(" (Errno").next()?.trim();
    let mut hit = path_hit(path, 0.55, "A Ruby program could not open a file.");
    hit.fixable = false;
    Some(hit)
}

fn bundler(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("Could not locate Gemfile") {
        return Some(path_hit(
            "Gemfile",
            0.7,
            "Bundler found no Gemfile where it ran (a wrong working directory, or no checkout).",
        ));
    }
    Some(Hit::install_failure(
        "A gem of the bundle is not installed (run `bundle install` first, or the version does not exist).",
    ))
}

fn native_extension(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "A gem's native extension did not build (often a system library or its headers are missing; the extconf \
         output above names it).",
    ))
}

fn bundler_frozen(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^You are trying to install in deployment mode after changing(?: your Gemfile\..*)?$").is_match(text) {
        return Some(gemfile_changed());
    }
    let c = regex!(r"^([A-Z][^,]*(?:,[^,]*)*?), but (?:the lockfile )?can't be updated because frozen mode is set\.?$")
        .captures(text)?;
    let reasons = &c[1];
    if reasons
        .split(", ")
        .all(|r| GEMFILE_CHANGED.iter().any(|g| r.eq_ignore_ascii_case(g)))
    {
        return Some(gemfile_changed());
    }
    // Another reason (`Bundler is unlocking …` of a `bundle update`, `Your
    // lockfile is missing "…"`, a CHECKSUMS entry, a platform): committing a
    // lockfile made elsewhere is not known to be the fix.
    Some(Hit::install_failure(format!(
        "Bundler's frozen (deployment) mode refused to change the lockfile; its reason: `{}` (setup-ruby's \
         bundler-cache installs in deployment mode). A person reads the reason.",
        crate::subject::display_text(&reasons.chars().take(160).collect::<String>())
    )))
}

/// Bundler's reasons (`Definition#change_reason`, `lockfile_changed_reason`
/// in `lib/bundler/definition.rb`) that say the Gemfile, or what it points
/// at, changed without the lockfile: a lockfile made by `bundle install`
/// elsewhere and committed is the fix. Bundler joins its reasons with `, `
/// and capitalizes the first.
const GEMFILE_CHANGED: &[&str] = &[
    "the dependencies in your gemfile changed",
    "the list of sources changed",
    "the gemspecs for path gems changed",
    "some dependencies were deleted from your gemfile",
];

fn gemfile_changed() -> Hit {
    Hit::install_failure(
        "Bundler's frozen (deployment) mode refused a Gemfile that its lockfile does not match: the Gemfile \
         changed without Gemfile.lock (setup-ruby's bundler-cache installs in deployment mode). A person runs \
         `bundle install` and commits the lockfile.",
    )
}

fn minitest_summary(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^\d+ runs, \d+ assertions, (\d+) failures, (\d+) errors, \d+ skips$").captures(line.text.trim())?;
    (&c[1] != "0" || &c[2] != "0")
        .then(|| Hit::blocker("Minitest tests failed (the `Failure:` and `Error:` reports above)."))
}

fn rspec_summary(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\d+ examples?, [1-9]\d* failures?(?:, \d+ pending)?$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("RSpec examples failed."))
}

fn ruby_version_mismatch(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The Ruby that ran is not the one the Gemfile requires: a person aligns the job's Ruby (setup-ruby's \
         ruby-version or .ruby-version) with the Gemfile.",
    ))
}

/// rubygems.org's answer (HTTP 409) to `gem push` of a version it already
/// has: `Repushing of gem versions is not allowed.`, then its advice
/// (`Please bump the version number …`, older releases `Please use `gem
/// yank` …`), which `gem push` prints as the server sent it. A version not
/// bumped, or a release run twice: a person's call.
fn gem_repushed(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "Repushing of gem versions is not allowed.").then(|| {
        Hit::blocker(
            "rubygems.org refused the gem: that version is already published (a version not bumped, or a release \
             run twice). Bump the version, or skip the push when it exists (a manual fix).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bundler's refusal, bare or relayed by Active Record, names the gem;
    /// its other `Gem::LoadError` (a version already activated) does not.
    #[test]
    fn a_gem_outside_the_bundle_is_named() {
        for (text, gem) in [
            (
                "Gem::LoadError: pg is not part of the bundle. Add it to your Gemfile. (Gem::LoadError)",
                "pg",
            ),
            ("mysql2 is not part of the bundle. Add it to your gems.rb.", "mysql2"),
            (
                "LoadError: Error loading the 'sqlite3' Active Record adapter. Missing a gem it depends on? sqlite3 \
                 is not part of the bundle. Add it to your Gemfile.",
                "sqlite3",
            ),
        ] {
            let hit = not_in_bundle(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, Some(gem), false),
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            not_in_bundle,
            &[],
            &[
                "can't activate sqlite3 (~> 1.4), already activated sqlite3-1.3.13. Make sure all dependencies are \
                 added to Gemfile.",
                "pg is not part of the bundle.",
            ],
        );
    }

    #[test]
    fn a_repushed_gem_version_is_a_persons_call() {
        crate::classify::catalogue::assert_reads(
            gem_repushed,
            &["Repushing of gem versions is not allowed."],
            &[
                "echo 'Repushing of gem versions is not allowed.' >&2 || true",
                "grep -q \"Repushing of gem versions is not allowed\" out.txt",
            ],
        );
    }

    /// Bundler's notice is read only in its own form; the notice is no
    /// failure (each retried attempt's error is in it).
    #[test]
    fn bundlers_retry_notice_is_a_notice() {
        let line = |text: &'static str| Line::plain(text);
        for text in [
            "Retrying fetcher due to error (2/4): Bundler::Fetcher::TooManyRequestsError Too Many Requests",
            "Retrying dependency api due to error (3/4): Bundler::HTTPError Net::HTTPUnprocessableEntity: Too many gems",
            "Retrying download gem from https://rubygems.org/ due to error (2/4): Gem::RemoteFetcher::FetchError bad response Too Many Requests 429",
        ] {
            let hit = bundler_retry(&line(text)).expect(text);
            assert_eq!(hit.category, Category::Unknown, "{text}");
            assert!(!hit.fixable, "{text}");
        }
        assert!(bundler_retry(&line("echo Retrying fetcher due to error (2/4): x")).is_none());
    }

    /// Rake's own sentence, not a quote of it.
    #[test]
    fn rakes_unknown_task_is_read_as_it_prints_it() {
        crate::classify::catalogue::assert_reads(
            rake_unknown_task,
            &[
                "Don't know how to build task 'spec:system' (See the list of available tasks with `rake --tasks`)",
                "Don't know how to build task 'default' (See the list of available tasks with `bin/rake --tasks`)",
            ],
            &["echo \"Don't know how to build task 'x' (See the list of available tasks with `rake --tasks`)\""],
        );
    }

    #[test]
    fn a_lockfile_without_the_platform_is_not_the_runners_fault() {
        crate::classify::catalogue::assert_reads(
            platform_missing,
            &[
                "Your bundle only supports platforms [\"x86_64-darwin-23\", \"x86_64-linux\"] but your local platform is aarch64-linux.",
            ],
            &["echo Your bundle only supports platforms"],
        );
        let hit = platform_missing(&Line::plain(
            "Your bundle only supports platforms [\"x86_64-linux\"] but your local platform is arm64-darwin-24.",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
    }

    /// Jekyll quotes Ruby's message: the closing quote is not the gem's name.
    #[test]
    fn a_quoted_load_error_names_the_gem() {
        let hit = cannot_load(&Line::plain(
            "  Dependency Error: Yikes! It looks like you don't have jekyll-feed or one of its dependencies \
             installed. The full error message from Ruby is: 'cannot load such file -- jekyll-feed' If you run into \
             trouble, you can find helpful resources at https://jekyllrb.com/help/!",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::MissingDependency, Some("jekyll-feed"))
        );
        let hit = cannot_load(&Line::plain("\"cannot load such file -- nokogiri\"")).expect("read");
        assert_eq!(hit.subject.as_deref(), Some("nokogiri"));
    }

    /// The test frameworks' generated helpers are the project's files; a
    /// gem's feature under a directory stays the gem.
    #[test]
    fn a_suite_helper_is_no_gem() {
        let hit = cannot_load(&Line::plain("  cannot load such file -- rails_helper")).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        let hit = cannot_load(&Line::plain("cannot load such file -- webmock/rspec (LoadError)")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::MissingDependency, Some("webmock"))
        );
    }

    /// RubyGems' naming guide: an extension gem `faraday-retry` is required
    /// as `faraday/retry`. When the job installed `faraday`, the feature is
    /// not its file: the extension is named; with no such evidence the
    /// feature's first part stays the gem.
    #[test]
    fn a_feature_under_an_installed_gem_is_its_extension() {
        let error = "kernel_require.rb:136:in `require': cannot load such file -- faraday/retry (LoadError)";
        let gems = ["faraday-net_http".to_string(), "faraday".to_string()];
        let hit = cannot_load(&Line {
            gems: &gems,
            ..Line::plain(error)
        })
        .expect("read");
        assert_eq!(hit.subject.as_deref(), Some("faraday-retry"));
        assert!(hit.message.contains("installed the gem 'faraday'"), "{}", hit.message);
        assert_eq!(
            cannot_load(&Line::plain(error)).expect("read").subject.as_deref(),
            Some("faraday")
        );
        // A feature without a directory is the gem itself, installed or not.
        let hit = cannot_load(&Line {
            gems: &gems,
            ..Line::plain("cannot load such file -- faraday (LoadError)")
        })
        .expect("read");
        assert_eq!(hit.subject.as_deref(), Some("faraday"));
        for (text, gem) in [
            ("Installing faraday 2.12.2", Some("faraday")),
            ("Installing nokogiri 1.16.7 (x86_64-linux)", Some("nokogiri")),
            ("Installing pg 1.5.9 with native extensions", Some("pg")),
            ("Using faraday-net_http 3.4.0", Some("faraday-net_http")),
            ("Fetching octokit 9.2.0", Some("octokit")),
            ("Successfully installed faraday-retry-2.2.1", Some("faraday-retry")),
            ("Fetching gem metadata from https://rubygems.org/.........", None),
            ("Installing collected packages: six, requests", None),
        ] {
            assert_eq!(installed_gem(text), gem, "{text}");
        }
    }

    #[test]
    fn bundlers_resolver_failure_is_its_own_line() {
        let hit = no_compatible_versions(&Line::plain("Could not find compatible versions")).expect("hit");
        assert_eq!(hit.category, Category::Unknown);
        assert!(no_compatible_versions(&Line::plain("it('Could not find compatible versions')")).is_none());
    }

    /// review90 M4: a gem's own compiled extension failing to load
    /// (`nokogiri/nokogiri`, a precompiled gem's per-Ruby directory, a
    /// `.so`, a `_native` library) is no extension gem: there is no
    /// `nokogiri-nokogiri` to add. Unknown, for a person, installed or not.
    #[test]
    fn bundlers_own_files_are_no_extension_gem() {
        // `bundle install` prints `Using bundler 2.5.3`; a later `cannot load
        // such file -- bundler/setup` is Bundler's own file, never a gem
        // `bundler-setup` (final read M3f).
        let gems = ["bundler".to_string(), "rubygems".to_string()];
        for feature in ["bundler/setup", "bundler/gem_tasks", "rubygems/package"] {
            let text = format!(
                "<internal:kernel_require.rb>:136:in `require': cannot load such file -- {feature} (LoadError)"
            );
            let hit = cannot_load(&Line {
                gems: &gems,
                ..Line::plain(&text)
            })
            .expect("read");
            assert_eq!(hit.subject, None, "{feature}: {}", hit.message);
            assert!(hit.message.contains("itself"), "{feature}: {}", hit.message);
        }
    }

    #[test]
    fn an_installed_gems_native_extension_is_no_extension_gem() {
        let gems = ["nokogiri".to_string(), "sqlite3".to_string(), "faraday".to_string()];
        for feature in [
            "nokogiri/nokogiri",
            "nokogiri/nokogiri.so",
            "nokogiri/3.2/nokogiri",
            "sqlite3/sqlite3_native",
            "sqlite3/3.3/sqlite3_native",
            "grpc/grpc_c",
            "puma/puma_http11",
            "msgpack/msgpack.bundle",
        ] {
            let text = format!(
                "<internal:kernel_require.rb>:136:in `require': cannot load such file -- {feature} (LoadError)"
            );
            for gems in [&gems[..], &[]] {
                let hit = cannot_load(&Line {
                    gems,
                    ..Line::plain(&text)
                })
                .expect("read");
                assert_eq!(
                    (hit.category, hit.fixable, hit.subject.as_deref()),
                    (Category::Unknown, false, None),
                    "{feature}"
                );
                assert!(hit.message.contains("own compiled extension"), "{}", hit.message);
            }
        }
        // An extension gem's feature keeps its reading.
        for (feature, gem) in [
            ("faraday/retry", "faraday-retry"),
            ("faraday/multipart", "faraday-multipart"),
        ] {
            let text = format!("cannot load such file -- {feature} (LoadError)");
            let hit = cannot_load(&Line {
                gems: &gems,
                ..Line::plain(&text)
            })
            .expect("read");
            assert_eq!(hit.subject.as_deref(), Some(gem));
        }
        assert!(!own_native_extension("faraday", "net_http"));
        assert!(!own_native_extension("rdoc", "data"));
        assert!(!own_native_extension("x", ".so"));
        assert!(!own_native_extension("active_support", "core_ext"));
        assert!(!own_native_extension("google", "protobuf_c"));
    }
    /// Bundler's frozen-mode refusal in both its forms is a failed install;
    /// the words in other text are not.
    #[test]
    fn bundler_s_frozen_mode_refusal_is_a_failed_install() {
        for text in [
            "The dependencies in your gemfile changed, but the lockfile can't be updated because frozen mode is set",
            "The gemspecs for path gems changed, but the lockfile can't be updated because frozen mode is set",
            "Your lockfile has an empty CHECKSUMS entry for \"rake\", but can't be updated because frozen mode is set.",
            "You are trying to install in deployment mode after changing",
        ] {
            let hit = bundler_frozen(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, crate::classify::hit::Strength::InstallFailure, "{text}");
        }
        assert!(bundler_frozen(&Line::plain("# frozen mode is set by setup-ruby's bundler-cache")).is_none());
    }

    /// Only Bundler's reasons that mean the Gemfile changed without its
    /// lockfile are explained so (review94 L); `bundle update` in frozen mode
    /// (`Bundler is unlocking …`) and the lockfile's own defects are quoted
    /// as Bundler gave them.
    #[test]
    fn bundler_s_frozen_reason_is_explained_only_when_the_gemfile_changed() {
        for text in [
            "The dependencies in your gemfile changed, but the lockfile can't be updated because frozen mode is set",
            "The list of sources changed, the dependencies in your gemfile changed, but the lockfile can't be updated \
             because frozen mode is set",
            "The gemspecs for path gems changed, but the lockfile can't be updated because frozen mode is set",
            "Some dependencies were deleted from your gemfile, but the lockfile can't be updated because frozen mode \
             is set",
            "You are trying to install in deployment mode after changing",
        ] {
            let hit = bundler_frozen(&Line::plain(text)).expect(text);
            assert!(
                hit.message.contains("the Gemfile changed without Gemfile.lock"),
                "{text}: {}",
                hit.message
            );
        }
        for (text, quoted) in [
            (
                "Bundler is unlocking gems: (rack), but the lockfile can't be updated because frozen mode is set",
                "`Bundler is unlocking gems: (rack)`",
            ),
            (
                "Your lockfile is missing \"bundler\", but can't be updated because frozen mode is set",
                "`Your lockfile is missing \"bundler\"`",
            ),
            (
                "The dependencies in your gemfile changed, your lockfile is missing a CHECKSUMS entry for \"rake\", but \
                 the lockfile can't be updated because frozen mode is set",
                "your lockfile is missing a CHECKSUMS entry",
            ),
        ] {
            let hit = bundler_frozen(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, crate::classify::hit::Strength::InstallFailure, "{text}");
            assert!(
                !hit.message.contains("Gemfile changed") && hit.message.contains(quoted),
                "{text}: {}",
                hit.message
            );
        }
    }

    #[test]
    fn minitest_s_summary_with_failures_or_errors() {
        crate::classify::catalogue::assert_reads(
            minitest_summary,
            &[
                "84 runs, 176 assertions, 1 failures, 0 errors, 0 skips",
                "12 runs, 30 assertions, 0 failures, 2 errors, 1 skips",
            ],
            &["84 runs, 176 assertions, 0 failures, 0 errors, 0 skips"],
        );
    }
}
