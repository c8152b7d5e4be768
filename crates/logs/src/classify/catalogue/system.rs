//! The operating system and the network, whatever program reports them:
//! memory, disk, permissions, DNS and connections, timeouts of network
//! operations, crashes. These strings also appear inside the tools' own
//! messages, so this emitter speaks last.
//!
//! Sources: the errno texts of glibc's `strerror` (`No space left on device`,
//! `Permission denied`, `Operation not permitted`, `Connection refused`,
//! `Connection reset by peer`, `Cannot allocate memory`) and their libuv codes
//! (`ENOSPC`, `EACCES`, `ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`), curl's
//! `Could not resolve host`, glibc's resolver (`Temporary failure in name
//! resolution`), bash's job report (`{pid} Killed`), the kernel's OOM killer,
//! Python (`MemoryError`, `ReadTimeout`, `ConnectTimeout`), the JVM
//! (`OutOfMemoryError`), Go (`i/o timeout`, `TLS handshake timeout`) and .NET
//! (`System.TimeoutException: The operation has timed out.`). Erlang's
//! `inet` reasons are lower-case atoms (`econnrefused`, `etimedout`,
//! `nxdomain`), read only where Erlang's HTTP client `httpc` reports a
//! connection it could not make: `{failed_connect,[{to_address,{Host,Port}},
//! {inet,[inet],Reason}]}` as rebar3 and Erlang print it, `{:failed_connect,
//! [{:to_address, {~c"host", 443}}, {:inet, [:inet], :etimedout}]}` as Elixir's
//! `inspect` (Mix) prints it; the same word anywhere else is not the network's.
//! Windows' length limits: `The filename or extension is too long.`
//! (`ERROR_FILENAME_EXCED_RANGE`, 206: a command line over 32,767 characters,
//! or a path over `MAX_PATH`, as `CreateProcess error=206` in Java's
//! `Cannot run program "{exe}" …` and as cmd.exe and .NET print it) and
//! cmd.exe's `The input line is too long.` (its 8,191-character line): the
//! program exists and runs elsewhere, the machine refused the line's length.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "system/disk-full",
        grammar: "No space left on device | ENOSPC",
        needles: &["No space left on device", "ENOSPC"],
        check: disk_full,
        examples: &[ex(
            "ERROR: failed to solve: write /var/lib/docker/x: no space left on device",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "system/out-of-memory",
        grammar: "{pid} Killed {command} | Killed | out of memory | MemoryError | java.lang.OutOfMemoryError | Cannot \
                  allocate memory",
        needles: &[
            "Killed",
            "out of memory",
            "MemoryError",
            "OutOfMemory",
            "Cannot allocate memory",
        ],
        check: out_of_memory,
        examples: &[ex(
            "/home/runner/work/_temp/a.sh: line 2:  4242 Killed                  cargo build --release",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "system/permission-denied",
        grammar: "{path}: Permission denied | EACCES: permission denied, {syscall} '{path}' | Operation not permitted \
                  (GitHub's `remote: Permission to {repo}.git denied to {user}.` is git's, `git.rs`)",
        needles: &["Permission denied", "EACCES", "Operation not permitted"],
        check: permission_denied,
        examples: &[ex("bash: ./gradlew: Permission denied", Category::Unknown, None)],
    },
    Entry {
        id: "system/network",
        grammar: "Could not resolve host: {host} | Temporary failure in name resolution | getaddrinfo ENOTFOUND {host} \
                  | Connection refused | ECONNREFUSED | Connection reset by peer | ECONNRESET | ETIMEDOUT | {operation} \
                  timed out | i/o timeout | TLS handshake timeout | ReadTimeout | ConnectTimeout | The operation has \
                  timed out. | dial tcp: lookup {host} on {resolver}: {no such host | server misbehaving} (Go's \
                  resolver)",
        needles: &[
            "dial tcp: lookup ",
            "Could not resolve host",
            "name resolution",
            "ENOTFOUND",
            "Connection refused",
            "ECONNREFUSED",
            "Connection reset",
            "ECONNRESET",
            "ETIMEDOUT",
            "timed out",
            "i/o timeout",
            "handshake timeout",
            "ReadTimeout",
            "ConnectTimeout",
            "TimeoutError",
            "failed_connect",
        ],
        check: network,
        examples: &[
            ex(
                "curl: (28) Connection timed out after 10000 milliseconds",
                Category::Unknown,
                None,
            ),
            ex(
                "Unhandled exception. System.TimeoutException: The operation has timed out.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "system/windows-length-limit",
        grammar: "The filename or extension is too long. (Windows error 206; `CreateProcess error=206, …`) | The input \
                  line is too long. (cmd.exe)",
        needles: &["The filename or extension is too long", "The input line is too long."],
        check: windows_length_limit,
        examples: &[ex(
            "Caused by: java.io.IOException: Cannot run program \"C:\\jdk\\bin\\java.exe\" (in directory \
             \"D:\\a\\app\\app\"): CreateProcess error=206, The filename or extension is too long",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "system/crash",
        grammar: "Segmentation fault (core dumped) | Aborted (core dumped) | Illegal instruction",
        needles: &["Segmentation fault", "core dumped", "Illegal instruction"],
        check: crash,
        examples: &[ex(
            "line 1:  311 Segmentation fault      (core dumped) ./test_suite",
            Category::Unknown,
            None,
        )],
    },
];

fn disk_full(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker("The runner's disk is full."))
}

/// Needles match without case, so `Killed` is checked here as bash's job
/// report writes it (a capitalised word): a program's own prose (`ssh-agent
/// -k`'s `echo Agent pid 2292 killed;`) is not the OOM killer.
fn out_of_memory(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let killed = regex!(r"(?:^|\s)Killed(?:\s|$)").is_match(text);
    let memory = regex!(r"(?i)out of memory|cannot allocate memory").is_match(text)
        || text.contains("MemoryError")
        || text.contains("OutOfMemory");
    (killed || memory).then(|| Hit::blocker("A process ran out of memory (or was killed by the out-of-memory killer)."))
}

/// Needles match without case, so the check reads errno's name `EACCES` as
/// the upper-case word it is (.NET's `FileAccess access` is not it).
fn permission_denied(line: &Line<'_>) -> Option<Hit> {
    regex!(r"(?i:permission denied|operation not permitted)|\bEACCES\b")
        .is_match(line.text)
        .then(|| {
            Hit::blocker(
                "Permission denied: a file mode (not executable), a missing sudo, or a token without the permission.",
            )
        })
}

/// Needles match without case, so the check reads errno's and libuv's names
/// (`ENOTFOUND`, `ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`) as the upper-case
/// words they are, and an exception class by its own name: Python's
/// `ModuleNotFoundError` holds `enotfound` and nbclient's `CellTimeoutError`
/// holds `TimeoutError`, neither of them the network's.
fn network(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let words = regex!(
        r"(?i:dial tcp: lookup |could not resolve host|name resolution|connection refused|connection reset|timed out|i/o timeout|handshake timeout)|\b(?:ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT)\b|(?:^|[^A-Za-z])(?:ReadTimeout|ConnectTimeout|TimeoutError)\b"
    )
    .is_match(text);
    (words || erlang_failed_connect(text)).then(|| {
        Hit::blocker(
            "A network operation failed or timed out (DNS, refused or reset connections, a read timeout): an \
             outage or a flaky network, not the job's time limit.",
        )
    })
}

/// httpc's `{failed_connect, [{to_address, …}, {inet | inet6, […], Reason}]}`
/// (Erlang's or Elixir's printing) whose reason is an `inet` error atom of a
/// connection: refused, reset, timed out, no such host, unreachable.
fn erlang_failed_connect(text: &str) -> bool {
    regex!(
        r"\{:?failed_connect,\s*\[\{:?to_address,.*\{:?inet6?,\s*\[[^\]]*\],\s*:?(?:econnrefused|econnreset|etimedout|timeout|nxdomain|ehostunreach|enetunreach|closed)\}"
    )
    .is_match(text)
}

fn crash(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker("A program crashed."))
}

/// Windows refused a command line or a path over its length limit: the
/// program it names exists (not a missing command or file).
fn windows_length_limit(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_end();
    let own = text.ends_with("The filename or extension is too long")
        || text.ends_with("The filename or extension is too long.")
        || text.trim_start() == "The input line is too long.";
    own.then(|| {
        Hit::blocker(
            "Windows refused a command line or a path over its length limit (error 206: a command line over 32,767 \
             characters or a path over 260; cmd.exe: a line over 8,191): a long classpath, argument list or nested \
             path, not a missing program or file. Shorter paths or an argument file is a person's call.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_length_limits_are_the_machines_not_a_missing_program() {
        crate::classify::catalogue::assert_reads(
            windows_length_limit,
            &[
                "> CreateProcess error=206, The filename or extension is too long",
                "The filename or extension is too long.",
                "The input line is too long.",
            ],
            &[
                "echo The input line is too long. Really?",
                "The filename or extension is too long to show here",
            ],
        );
    }

    #[test]
    fn the_oom_killer_s_word_and_not_a_program_s_prose() {
        crate::classify::catalogue::assert_reads(
            out_of_memory,
            &[
                "/home/runner/work/_temp/a.sh: line 2:  4242 Killed                  cargo build --release",
                "Killed",
                "fatal: Out of memory, malloc failed (tried to allocate 1048576 bytes)",
                "fork/exec /usr/bin/ld: cannot allocate memory",
            ],
            &["echo Agent pid 2292 killed;", "Process killed by the user"],
        );
    }

    #[test]
    fn network_words_and_not_an_exception_class_holding_them() {
        crate::classify::catalogue::assert_reads(
            network,
            &[
                "npm error code ENOTFOUND",
                "getaddrinfo ENOTFOUND registry.npmjs.org",
                "curl: (28) Connection timed out after 10000 milliseconds",
                "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='pypi.org', port=443): Read timed out.",
                "TimeoutError: [Errno 110] Connection timed out",
                "Error: connect ECONNREFUSED 127.0.0.1:5432",
            ],
            &[
                // IPython's traceback heading of a missing module, and
                // nbclient's cell time limit by its class name.
                "ModuleNotFoundError                       Traceback (most recent call last)",
                "    raise CellTimeoutError.error_from_timeout_and_cell(",
            ],
        );
    }

    /// The eighteenth read's low item (b): Erlang's lower-case `inet`
    /// atoms are the network's only inside httpc's `failed_connect` report.
    #[test]
    fn erlangs_inet_atoms_only_in_httpcs_failed_connect() {
        crate::classify::catalogue::assert_reads(
            network,
            &[
                "===> Failed to update package cowboy from repo hexpm: {error,{failed_connect,[{to_address,{\"repo.hex.pm\",443}},{inet,[inet],etimedout}]}}",
                "** (Mix) httpc request failed with: {:failed_connect, [{:to_address, {~c\"builds.hex.pm\", 443}}, {:inet, [:inet], :econnrefused}]}",
                "{failed_connect,[{to_address,{\"repo.hex.pm\",443}},{inet6,[inet6],nxdomain}]}",
            ],
            &[
                "  etimedout -> retry(Req)",
                "** (Mix) Could not find an SCM for dependency :econnrefused_handler",
                "{failed_connect,[{to_address,{\"repo.hex.pm\",443}},{inet,[inet],{tls_alert,{unknown_ca,\"x\"}}}]}",
            ],
        );
    }

    #[test]
    fn permission_words_and_not_a_parameter_named_file_access() {
        crate::classify::catalogue::assert_reads(
            permission_denied,
            &[
                "bash: ./gradlew: Permission denied",
                "Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/x'",
                "npm error code EACCES",
                "chown: changing ownership of 'x': Operation not permitted",
            ],
            &["   at SafeFileHandle.Open(String fullPath, FileMode mode, FileAccess access, FileShare share)"],
        );
    }
}
