//! The standard library by Python version: a missing standard module is never
//! fixed by installing a distribution of the same name (`tomllib` is in the
//! standard library from 3.11 and `tomli` provides `tomli`, not `tomllib`).
//!
//! Sources: the "What's New in Python 3.x" pages (new modules; removals in 3.12
//! by PEP 632 and the asyncore/asynchat/smtpd/imp deprecations; PEP 594's dead
//! batteries removed in 3.13) and `sys.stdlib_module_names` (3.10+) for the list.

use crate::report::PythonVersion;

/// What the standard library says about a top-level module name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdlibStatus {
    /// Not a standard module.
    NotStdlib,
    /// A standard module in the version at hand: when it is missing, something
    /// shadows it or the interpreter is broken.
    Present,
    /// A standard module that an interpreter may be built without (a missing
    /// system library at build time: `_ctypes`, `_ssl`, `_sqlite3`, …), or that a
    /// distribution packages separately (Debian's `python3-tk`).
    InterpreterBuild,
    /// Standard only from this version: the interpreter is too old.
    AddedIn(PythonVersion),
    /// Removed in this version; `replacement` is the distribution that provides
    /// the same import name, when one is the documented replacement.
    RemovedIn {
        version: PythonVersion,
        replacement: Option<&'static str>,
    },
    /// A Python 2 module name (renamed or removed in Python 3): the code needs
    /// porting.
    Python2,
}

const fn v(major: u8, minor: u8) -> PythonVersion {
    PythonVersion::new(major, minor)
}

/// Top-level standard modules added in Python 3.7 or later.
const ADDED: &[(&str, PythonVersion)] = &[
    ("contextvars", v(3, 7)),
    ("dataclasses", v(3, 7)),
    ("graphlib", v(3, 9)),
    ("zoneinfo", v(3, 9)),
    ("tomllib", v(3, 11)),
    ("annotationlib", v(3, 14)),
    ("compression", v(3, 14)),
];

/// Standard modules removed in 3.12 and 3.13, with the replacement
/// distribution the Python documentation names (setuptools ships the
/// `distutils` shim, per PEP 632).
const REMOVED: &[(&str, PythonVersion, Option<&str>)] = &[
    ("distutils", v(3, 12), Some("setuptools")),
    ("asynchat", v(3, 12), None),
    ("asyncore", v(3, 12), None),
    ("imp", v(3, 12), None),
    ("smtpd", v(3, 12), None),
    ("aifc", v(3, 13), None),
    ("audioop", v(3, 13), None),
    ("cgi", v(3, 13), None),
    ("cgitb", v(3, 13), None),
    ("chunk", v(3, 13), None),
    ("crypt", v(3, 13), None),
    ("imghdr", v(3, 13), None),
    ("lib2to3", v(3, 13), None),
    ("mailcap", v(3, 13), None),
    ("msilib", v(3, 13), None),
    ("nis", v(3, 13), None),
    ("nntplib", v(3, 13), None),
    ("ossaudiodev", v(3, 13), None),
    ("pipes", v(3, 13), None),
    ("sndhdr", v(3, 13), None),
    ("spwd", v(3, 13), None),
    ("sunau", v(3, 13), None),
    ("telnetlib", v(3, 13), None),
    ("uu", v(3, 13), None),
    ("xdrlib", v(3, 13), None),
];

/// Modules that exist only when CPython was built with an optional system
/// library (or that Linux distributions split into their own package).
const INTERPRETER_BUILD: &[&str] = &[
    "_bz2",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_dbm",
    "_decimal",
    "_gdbm",
    "_hashlib",
    "_lzma",
    "_sqlite3",
    "_ssl",
    "_tkinter",
    "_uuid",
    "bz2",
    "ctypes",
    "curses",
    "dbm",
    "ensurepip",
    "lzma",
    "pyexpat",
    "readline",
    "sqlite3",
    "ssl",
    "tkinter",
    "venv",
    "zlib",
];

/// Top-level standard modules present in every Python 3 version since 3.6
/// (from `sys.stdlib_module_names`, without the private `_` modules and the
/// entries above).
const ALWAYS: &[&str] = &[
    "__future__",
    "abc",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "cProfile",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "copy",
    "copyreg",
    "csv",
    "datetime",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "queue",
    "quopri",
    "random",
    "re",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "token",
    "tokenize",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
];

/// Python 2 names that Python 3 renamed or dropped (PEP 3108).
const PYTHON2: &[&str] = &[
    "ConfigParser",
    "Queue",
    "SocketServer",
    "StringIO",
    "Tkinter",
    "UserDict",
    "__builtin__",
    "cPickle",
    "cStringIO",
    "commands",
    "cookielib",
    "copy_reg",
    "httplib",
    "htmlentitydefs",
    "repr",
    "robotparser",
    "sets",
    "urllib2",
    "urlparse",
    "xmlrpclib",
];

/// The standard library's view of the top-level module `top` on Python
/// `python` (unknown version: judged as if the module went missing for the
/// version-dependent reason, which is the only way it can).
pub fn stdlib_status(top: &str, python: Option<PythonVersion>) -> StdlibStatus {
    if let Some((_, since)) = ADDED.iter().find(|(m, _)| *m == top) {
        return match python {
            Some(p) if p >= *since => StdlibStatus::Present,
            _ => StdlibStatus::AddedIn(*since),
        };
    }
    if let Some((_, version, replacement)) = REMOVED.iter().find(|(m, _, _)| *m == top) {
        return match python {
            Some(p) if p < *version => StdlibStatus::Present,
            _ => StdlibStatus::RemovedIn {
                version: *version,
                replacement: *replacement,
            },
        };
    }
    if INTERPRETER_BUILD.contains(&top) {
        return StdlibStatus::InterpreterBuild;
    }
    if ALWAYS.contains(&top) {
        return StdlibStatus::Present;
    }
    if PYTHON2.contains(&top) {
        return StdlibStatus::Python2;
    }
    StdlibStatus::NotStdlib
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tomllib_needs_3_11() {
        assert_eq!(stdlib_status("tomllib", None), StdlibStatus::AddedIn(v(3, 11)));
        assert_eq!(
            stdlib_status("tomllib", Some(v(3, 10))),
            StdlibStatus::AddedIn(v(3, 11))
        );
        assert_eq!(stdlib_status("tomllib", Some(v(3, 12))), StdlibStatus::Present);
    }

    #[test]
    fn distutils_is_gone_in_3_12_and_setuptools_provides_it() {
        let gone = StdlibStatus::RemovedIn {
            version: v(3, 12),
            replacement: Some("setuptools"),
        };
        assert_eq!(stdlib_status("distutils", Some(v(3, 12))), gone);
        assert_eq!(stdlib_status("distutils", None), gone);
        assert_eq!(stdlib_status("distutils", Some(v(3, 11))), StdlibStatus::Present);
        assert!(matches!(
            stdlib_status("imghdr", Some(v(3, 13))),
            StdlibStatus::RemovedIn { replacement: None, .. }
        ));
    }

    #[test]
    fn other_kinds() {
        assert_eq!(stdlib_status("_ctypes", None), StdlibStatus::InterpreterBuild);
        assert_eq!(stdlib_status("json", None), StdlibStatus::Present);
        assert_eq!(stdlib_status("urllib2", None), StdlibStatus::Python2);
        assert_eq!(stdlib_status("yaml", None), StdlibStatus::NotStdlib);
    }

    #[test]
    fn lists_are_disjoint() {
        let mut all: Vec<&str> = ALWAYS.iter().chain(INTERPRETER_BUILD).chain(PYTHON2).copied().collect();
        all.extend(ADDED.iter().map(|(m, _)| *m));
        all.extend(REMOVED.iter().map(|(m, _, _)| *m));
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a module is listed twice");
    }
}
