//! PHP and Composer.
//!
//! Sources: Composer's messages (`Composer could not find a composer.json file in
//! {dir}`, `Your requirements could not be resolved to an installable set of
//! packages.`, and from a lock file `Your lock file does not contain a
//! compatible set of packages. Please run composer update.`) and the PHP CLI's `sapi/cli/php_cli.c` (`Could not open input
//! file: {path}` for a script that does not exist), and the engine's `Class "{name}" not found` (PHP 8,
//! `Zend/zend_execute_API.c`; PHP 7 quoted the name with `'`), as the CLI's `PHP Fatal error:  Uncaught Error: …`
//! or PHPUnit's `Error: …` under a test.
//! The `vendor/composer/platform_check.php` Composer 2 generates stops any
//! script that loads the autoloader on a PHP the locked packages do not
//! support: `Composer detected issues in your platform: Your Composer
//! dependencies require a PHP version ">= {v}". You are running {v}.` (or
//! `require the following PHP extensions to be installed: {ext}`), raised with
//! `trigger_error` (the CLI's `PHP Fatal error:  …` log line, and `Fatal
//! error: …` where errors are displayed too) or, by older Composer 2, thrown
//! as `Uncaught RuntimeException: …`. The job's PHP version or extensions are
//! a person's choice.
//!
//! PDO's errors (`ext/pdo/pdo.c`, `pdo_raise_impl_error`; the drivers'
//! `pdo_*_error`): `SQLSTATE[{state}] [{code}] {message}` when the connection
//! fails (`SQLSTATE[HY000] [2002] Connection refused`, `[1045] Access denied
//! for user …`) and `SQLSTATE[{state}]: {text}: {code} {message}` when a
//! statement fails (`SQLSTATE[42S02]: Base table or view not found: …`).
//! Laravel's `QueryException` repeats it with `(Connection: {name}, SQL:
//! {sql})` after; Doctrine wraps it. A database the job cannot reach (a
//! service not ready, a port not mapped to the runner, a wrong host or
//! password) or a schema the code does not match: for a person, and the
//! line that says why, not the exit code after it.
//!
//! The engine's fatal errors for its own limits (`Zend/zend_alloc.c`:
//! `Allowed memory size of {n} bytes exhausted (tried to allocate {n}
//! bytes)`; `Zend/zend_execute_API.c`: `Maximum execution time of {n}
//! second[s] exceeded`), printed as `PHP Fatal error:  {message} in {file}
//! on line {n}` to the log and `Fatal error: {message} …` where errors are
//! displayed too. The limits are the script's `memory_limit` and
//! `max_execution_time` (php.ini, `-d`, `ini_set`, `set_time_limit`), never
//! the job's `timeout-minutes`: blockers that say so. Composer, which
//! raises its own memory limit, prints after an out-of-memory error `Check
//! https://getcomposer.org/doc/articles/troubleshooting.md#memory-limit-errors
//! for more info on how to handle out of memory errors.`
//! (the shutdown function `src/Composer/Console/Application.php`'s
//! constructor registers, when PHP's last error mentions `Allowed memory` or
//! `exceeded memory`): its advice, not a second failure.

use super::util::{after, path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "php/engine-limit",
        grammar: "[PHP ]Fatal error: {Allowed memory size of {n} bytes exhausted (tried to allocate {n} bytes)|Maximum \
                  execution time of {n} second[s] exceeded} in {file} on line {n}",
        needles: &["Allowed memory size of ", "Maximum execution time of "],
        check: engine_limit,
        examples: &[
            ex(
                "PHP Fatal error:  Allowed memory size of 536870912 bytes exhausted (tried to allocate 67108872 bytes) \
                 in phar://C:/tools/bin/composer.phar/src/Composer/DependencyResolver/RuleWatchGraph.php on line 52",
                Category::Unknown,
                None,
            ),
            ex(
                "PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /w/src/Import/CsvImporter.php on \
                 line 88",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "php/composer-memory-advice",
        grammar: "Check https://getcomposer.org/doc/articles/troubleshooting.md#memory-limit-errors for more info on \
                  how to handle out of memory errors.",
        needles: &["troubleshooting.md#memory-limit-errors"],
        check: composer_memory_advice,
        examples: &[ex(
            "Check https://getcomposer.org/doc/articles/troubleshooting.md#memory-limit-errors for more info on how to \
             handle out of memory errors.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "php/class-not-found",
        grammar: "[PHP Fatal error:  Uncaught ]Error: Class \"{name}\" not found[ in {file}:{line}] (PHP 8's \
                  `Zend/zend_execute_API.c`; PHP 7: `Class '{name}' not found`; PHPUnit lists it as `Error: Class \
                  \"{name}\" not found` under the test)",
        needles: &["Error: Class "],
        check: class_not_found,
        examples: &[ex(
            "PHP Fatal error:  Uncaught Error: Class \"Redis\" not found in /home/runner/work/a/a/src/Store.php:18",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "php/pdo-sqlstate",
        grammar: "SQLSTATE[{state}] [{code}] {message} (a connection) | SQLSTATE[{state}]: {text}: {code} {message} (a \
                  statement); Laravel adds ` (Connection: {name}, SQL: {sql})`",
        needles: &["SQLSTATE["],
        check: pdo_sqlstate,
        examples: &[
            ex(
                "  SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select exists (select 1 from \
                 information_schema.tables where table_schema = 'testing' and table_name = 'migrations'))",
                Category::Unknown,
                None,
            ),
            ex(
                "PDOException: SQLSTATE[42S02]: Base table or view not found: 1146 Table 'app.users' doesn't exist",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "php/cli-input-file",
        grammar: "Could not open input file: {path}",
        needles: &["Could not open input file: "],
        check: cli_input_file,
        examples: &[ex(
            "Could not open input file: bin/console",
            Category::FileNotFound,
            Some("bin/console"),
        )],
    },
    Entry {
        id: "php/composer-platform-check",
        grammar: "[PHP ]Fatal error: [ Uncaught RuntimeException: ]Composer detected issues in your platform: Your \
                  Composer dependencies require {a PHP version \"{constraint}\". You are running {version}.|the \
                  following PHP extensions to be installed: {ext}} [in {file} on line {n}]",
        needles: &["Composer detected issues in your platform"],
        check: composer_platform_check,
        examples: &[ex(
            "PHP Fatal error:  Composer detected issues in your platform: Your Composer dependencies require a PHP \
             version \">= 8.2.0\". You are running 8.1.31. in /w/vendor/composer/platform_check.php on line 24",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "php/composer",
        grammar: "Composer could not find a composer.json file in {dir} | Your requirements could not be resolved to an \
              installable set of packages. | Your lock file does not contain a compatible set of packages. Please run \
              composer update. (`composer install` from a lock file) | - Required [(in require-dev) ]package \
              \"{name}\" is not present in the lock file. | - Required [(in require-dev) ]package \"{name}\" is in the \
              lock file as \"{version}\" but that does not satisfy your constraint \"{constraint}\". (Installer.php, \
              a lock file out of step with composer.json)",
        needles: &[
            "could not find a composer.json",
            "could not be resolved to an installable set",
            "does not contain a compatible set of packages",
            "is not present in the lock file",
            "does not satisfy your constraint",
        ],
        check: composer,
        examples: &[
            ex(
                "Composer could not find a composer.json file in /home/runner/work/site/site",
                Category::FileNotFound,
                Some("composer.json"),
            ),
            ex(
                "Your lock file does not contain a compatible set of packages. Please run composer update.",
                Category::Unknown,
                None,
            ),
            ex(
                "- Required (in require-dev) package \"phpunit/phpunit\" is not present in the lock file.",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// PHP did not find a class: one of an extension the job did not enable
/// (`Redis`, `Memcached`, `Imagick`: setup-php's `extensions`), or the
/// autoloader and the code. Which one is for a person; never a Composer
/// package to add.
fn class_not_found(line: &Line<'_>) -> Option<Hit> {
    super::util::regex!(r#"(?:^|Uncaught )Error: Class ["'][\w\\]+["'] not found"#)
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "PHP did not find a class: one of a PHP extension the job does not enable (setup-php's \
                 `extensions`), or an autoloading or code error.",
            )
        })
}

/// The engine stopped the script at one of its own limits (see the module
/// docs): the script's `memory_limit` or `max_execution_time`, not the
/// machine's memory and not the job's time limit.
fn engine_limit(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(?:PHP )?Fatal error: +(?:Allowed memory size of (\d+) bytes exhausted|Maximum execution time of (\d+) seconds? exceeded)"
    )
    .captures(line.text.trim_start())?;
    if let Some(bytes) = c.get(1) {
        return Some(Hit::blocker(format!(
            "PHP stopped the script at its memory_limit ({} bytes): the script needs more memory than PHP allows it \
             (raise memory_limit for it, e.g. `php -d memory_limit=-1` or COMPOSER_MEMORY_LIMIT for Composer), or \
             uses too much. Not the machine running out of memory.",
            bytes.as_str()
        )));
    }
    let seconds = c.get(2)?.as_str();
    Some(Hit::blocker(format!(
        "PHP stopped the script at its own max_execution_time ({seconds} s, from php.ini, `-d` or set_time_limit): \
         not the job's time limit. The code is slow or waits on something, or the limit is too low for it."
    )))
}

/// Composer's advice after an out-of-memory error: not a failure of its own.
fn composer_memory_advice(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim()
        .starts_with("Check https://getcomposer.org/doc/articles/troubleshooting.md#memory-limit-errors")
        .then(|| Hit::notice("Composer's advice after an out-of-memory error."))
}

fn composer_platform_check(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:PHP )?Fatal error: +(?:Uncaught RuntimeException: )?Composer detected issues in your platform[:.]")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "The installed packages need another PHP version or extensions than the job's PHP (Composer's \
                 platform check): the job's PHP setup or the locked versions are a person's choice.",
            )
        })
}

fn pdo_sqlstate(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|[\s:(])SQLSTATE\[([0-9A-Z]{5})\](?: \[(\d+)\] |: )(.+)$").captures(line.text.trim())?;
    let message = c[3].split(" (Connection: ").next().unwrap_or(&c[3]);
    let code = c.get(2).map_or(String::new(), |m| format!(" [{}]", m.as_str()));
    Some(Hit::blocker(format!(
        "The database answered SQLSTATE[{}]{code}: {} (a database the job cannot reach or log in to, or a schema \
         the code does not match).",
        &c[1],
        crate::subject::display_text(message.trim())
    )))
}

fn cli_input_file(line: &Line<'_>) -> Option<Hit> {
    let path = after(line.text, "Could not open input file: ")?.trim();
    Some(path_hit(path, 0.75, "PHP was given a script that does not exist."))
}

fn composer(line: &Line<'_>) -> Option<Hit> {
    if regex!(r#"^- Required (?:\(in require-dev\) )?package "[^"]+" (?:is not present in the lock file|is in the lock file as)"#)
        .is_match(line.text.trim_start())
    {
        return Some(Hit::install_failure(
            "composer.json requires a package its lock file does not have (or at another version): the lock file is \
             out of step with composer.json (run `composer update` for it and commit the lock file).",
        ));
    }
    if line.text.contains("is not present in the lock file") || line.text.contains("does not satisfy your constraint") {
        return None;
    }
    if line.text.contains("composer.json") {
        return Some(path_hit(
            "composer.json",
            0.75,
            "Composer found no composer.json where it ran (a wrong working directory, or no checkout).",
        ));
    }
    Some(Hit::install_failure(
        "Composer could not resolve the package requirements.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    /// PDO's connection and statement forms are the database's answer, a
    /// blocker naming the state; a word `SQLSTATE` in prose is not.
    #[test]
    fn pdo_s_sqlstate_is_the_database_s_answer() {
        for text in [
            "  SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select * from `migrations`)",
            "PDOException: SQLSTATE[HY000] [1045] Access denied for user 'root'@'172.18.0.1' (using password: YES)",
            "In ExceptionConverter.php line 117: SQLSTATE[42S02]: Base table or view not found: 1146 Table \
             'app.users' doesn't exist",
            "SQLSTATE[08006] [7] connection to server at \"127.0.0.1\", port 5432 failed: Connection refused",
        ] {
            let hit = pdo_sqlstate(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
            assert!(hit.message.contains("SQLSTATE["), "{}", hit.message);
            assert!(!hit.message.contains("SQL: select"), "{}", hit.message);
        }
        crate::classify::catalogue::assert_reads(
            pdo_sqlstate,
            &[],
            &["grep -r SQLSTATE src/", "SQLSTATE[HY000]", "see SQLSTATE[xx] codes"],
        );
    }

    /// PHP's own limits, in the log's and the display's forms: blockers
    /// that name the limit; a mention in prose is not read.
    #[test]
    fn the_engine_s_own_limits_are_no_time_limit_or_machine_memory() {
        for text in [
            "PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /w/src/A.php on line 88",
            "Fatal error: Maximum execution time of 1 second exceeded in /w/src/A.php on line 3",
            "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in \
             /w/vendor/x.php on line 9",
        ] {
            let hit = engine_limit(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        let hit = engine_limit(&Line::plain(
            "PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /w/a.php on line 1",
        ))
        .expect("read");
        assert!(hit.message.contains("not the job's time limit"), "{}", hit.message);
        crate::classify::catalogue::assert_reads(
            engine_limit,
            &[],
            &[
                "The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 30 minutes.",
                "set max_execution_time; Maximum execution time of 30 seconds exceeded is PHP's message",
            ],
        );
        let advice = composer_memory_advice(&Line::plain(
            "Check https://getcomposer.org/doc/articles/troubleshooting.md#memory-limit-errors for more info on how \
             to handle out of memory errors.",
        ))
        .expect("read");
        assert_eq!(advice.strength, Strength::Weak);
    }

    #[test]
    fn composer_s_platform_check_stops_the_run() {
        crate::classify::catalogue::assert_reads(
            composer_platform_check,
            &[
                "Fatal error: Composer detected issues in your platform: Your Composer dependencies require a PHP \
                 version \">= 8.3.0\". You are running 8.2.27. in /w/vendor/composer/platform_check.php on line 24",
                "PHP Fatal error:  Uncaught RuntimeException: Composer detected issues in your platform: Your \
                 Composer dependencies require the following PHP extensions to be installed: intl.",
            ],
            &["Composer detected issues in your platform: see the docs"],
        );
    }

    /// The engine's error, in PHPUnit's listing and the CLI's fatal form, in
    /// both PHP 8's and PHP 7's quoting; the words in prose are not it.
    #[test]
    fn a_class_php_did_not_find_is_for_a_person() {
        for text in [
            "Error: Class \"Redis\" not found",
            "PHP Fatal error:  Uncaught Error: Class 'Memcached' not found in /w/src/Cache.php:9",
            "PHP Fatal error:  Uncaught Error: Class \"App\\Models\\User\" not found in /w/app.php:3",
        ] {
            let hit = class_not_found(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        assert!(class_not_found(&Line::plain("echo 'Error: Class \"X\" not found' is printed when …")).is_none());
    }
}
