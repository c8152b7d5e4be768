//! Shells: bash, dash (Debian's and Ubuntu's `sh`), zsh, busybox `sh`/ash,
//! PowerShell and cmd.exe; `env`, `sudo` and the coreutils' file errors; and
//! the kernel's `Exec format error` as the shells relay it.
//!
//! Sources: bash `execute_cmd.c` (`{name}: command not found`; a script's
//! errors are prefixed `{script}: line {n}: `; `cannot execute binary file:
//! {strerror}`), dash `exec.c`/`error.c` (`{script}: {n}: {name}: not found`),
//! zsh `exec.c` (`zsh: command not found: {name}`, `zsh:{n}: command not found:
//! {name}`; any other failure to run a program is `zerr("%e: %s")`, errno's
//! text in lower case before the name: `{script}:{n}: no such file or
//! directory: {path}`, `zsh: permission denied: {path}`), busybox ash (`sh: {name}: not found`), PowerShell's
//! `CommandNotFoundException` (`The term '{name}' is not recognized as a name of
//! a cmdlet, function, script file, or executable program.`; 5.1: `… as the name
//! of a cmdlet, function, script file, or operable program.`) and
//! `ItemNotFoundException` (`Cannot find path '{path}' because it does not
//! exist.`), Microsoft.PowerShell.Archive's `PathNotFoundError` (`The path
//! '{path}' either does not exist or is not a valid file system path.`, for
//! Compress-Archive's and Expand-Archive's inputs), Import-Module's
//! `Modules_ModuleNotFound` (`The specified module '{name}' was not loaded
//! because no valid module file was found in any module directory.`), each
//! after `{cmdlet} : ` in Windows PowerShell 5.1's error records (whose `+
//! CategoryInfo` and `+ FullyQualifiedErrorId` lines follow) and `{cmdlet}: `
//! in PowerShell 7's, the .NET file exceptions PowerShell relays (`Could not find file
//! '{path}'.`, `Could not find a part of the path '{path}'.`), cmd.exe (`'{name}'
//! is not recognized as an internal or external command,`), coreutils `env`
//! (`env: '{name}': No such file or directory`) and BusyBox `env` (`env: can't execute
//! '{name}': No such file or directory`), sudo (`sudo: {name}: command not
//! found`), coreutils and GNU tar file errors (`cp: cannot stat '{path}': No such
//! file or directory`, `cat: {path}: No such file or directory`, `tar: {path}:
//! Cannot open: No such file or directory`), rsync's (`main.c`/`flist.c`:
//! `rsync: [sender] change_dir "{dir}" failed: No such file or directory (2)`
//! for a source directory, `rsync: [sender] link_stat "{path}" failed: No such
//! file or directory (2)` for a source file; rsync before 3.2.4 prints no
//! `[sender]`), Info-ZIP zip's `zip warning: name not matched: {name}` (`zip.c`;
//! `zip error: Nothing to do! ({zipfile})` when no name matched), and errno
//! ENOEXEC's text `Exec format error`. A script's own mistakes: `set -u`
//! reaching an unset variable (bash `subst.c` `err_unboundvar`: `{script}:
//! line {n}: {name}: unbound variable`; dash `expand.c` and busybox ash:
//! `{script}: {n}: {name}: parameter not set`; zsh: `{script}:{n}: {name}:
//! parameter not set`), and PowerShell's parse errors (PowerShell 7's
//! ConciseView `ParserError: {script}:{line}` above its `Line |` frame;
//! Windows PowerShell 5.1's record `+ CategoryInfo : ParserError: (:) [],
//! ParseException`), and PowerShell 7's ConciseView header of any error that
//! stopped the script (`{command or error id}: {script}.ps1:{line}`; the
//! message under its `Line |` frame), and Windows PowerShell 5.1's error
//! record (`{command} : {message}` above `At {script}.ps1:{line}
//! char:{column}`).

use super::util::{after, command_hit, path_hit, quoted, regex, runner_hit};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, RunnerClass, RunnerFailure, SubjectDetail};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "shell/exec-format-error",
        grammar: "{path}: cannot execute binary file: Exec format error (bash) | {script}: {n}: {path}: Exec format \
                  error (dash) | exec {path}: exec format error (Go, runc) | OSError: [Errno 8] Exec format error | \
                  {path}: Bad CPU type in executable (macOS, an x86 binary without Rosetta) | This version of {file} is \
                  not compatible with the version of Windows you're running (Windows) | The specified executable is not \
                  a valid application for this OS platform. (.NET's text for Win32 ERROR_BAD_EXE_FORMAT, as PowerShell \
                  relays it) | {path} is not a valid Win32 application. (Win32's own text) | qemu-{arch}: Could not open \
                  '/lib/ld-linux-{arch}.so.1': No such file or directory (a binary of another architecture run under \
                  user-mode emulation without its libraries)",
        needles: &[
            "exec format error",
            "cannot execute binary file",
            "Bad CPU type in executable",
            "is not compatible with the version of Windows",
            "not a valid application for this OS platform",
            "is not a valid Win32 application",
            "ld-linux-",
        ],
        check: exec_format_error,
        examples: &[
            ex(
                "/home/runner/work/_temp/0a1b.sh: line 3: ./bin/tool: cannot execute binary file: Exec format error",
                Category::OptionalJob,
                Some("architecture_mismatch"),
            ),
            ex(
                "exec /usr/local/bin/entrypoint: exec format error",
                Category::OptionalJob,
                Some("architecture_mismatch"),
            ),
            ex(
                "qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory",
                Category::OptionalJob,
                Some("architecture_mismatch"),
            ),
            ex(
                "Program 'tool.exe' failed to run: An error occurred trying to start process 'D:\\a\\r\\r\\tool.exe' \
                 with working directory 'D:\\a\\r\\r'. The specified executable is not a valid application for this OS \
                 platform.",
                Category::OptionalJob,
                Some("architecture_mismatch"),
            ),
            ex(
                "/bin/bash: ./bin/x86_64/protoc: Bad CPU type in executable",
                Category::OptionalJob,
                Some("architecture_mismatch"),
            ),
        ],
    },
    Entry {
        id: "shell/command-not-found",
        grammar: "{script}: line {n}: {name}: command not found (bash) | bash: {name}: command not found | sudo: {name}: \
                  command not found | zsh: command not found: {name} | zsh:{n}: command not found: {name} | bash's \
                  German and French catalogues: {script}: Zeile {n}: {name}: Befehl nicht gefunden | {script} : ligne \
                  {n} : {name} : commande introuvable",
        needles: &["command not found", "Befehl nicht gefunden", "commande introuvable"],
        check: command_not_found,
        examples: &[
            ex(
                "/home/runner/work/_temp/5c2e.sh: line 2: jq: command not found",
                Category::MissingCommand,
                Some("jq"),
            ),
            ex(
                "zsh:1: command not found: xcpretty",
                Category::MissingCommand,
                Some("xcpretty"),
            ),
            ex(
                "sudo: apt-get: command not found",
                Category::MissingCommand,
                Some("apt-get"),
            ),
            ex(
                "/home/ci/_work/_temp/5c2e.sh: Zeile 2: jq: Befehl nicht gefunden",
                Category::MissingCommand,
                Some("jq"),
            ),
            ex(
                "/home/ci/_work/_temp/5c2e.sh : ligne 2 : jq : commande introuvable",
                Category::MissingCommand,
                Some("jq"),
            ),
            // A typo of a known tool is the script's mistake, not a missing tool.
            ex("line 4: pyhton: command not found", Category::Unknown, None),
        ],
    },
    Entry {
        id: "shell/ubuntu-command-not-found",
        grammar: "Command '{name}' not found, did you mean: | Command '{name}' not found, but can be installed with: \
                  (Ubuntu's command-not-found handler)",
        needles: &["' not found, did you mean", "' not found, but can be installed"],
        check: ubuntu_command_not_found,
        examples: &[ex(
            "Command 'python' not found, did you mean:",
            Category::MissingCommand,
            Some("python"),
        )],
    },
    Entry {
        id: "shell/xcrun-utility-missing",
        grammar: "xcrun: error: unable to find utility \"{name}\", not a developer tool or in PATH",
        needles: &["unable to find utility"],
        check: xcrun_utility_missing,
        examples: &[ex(
            "xcrun: error: unable to find utility \"simctl\", not a developer tool or in PATH",
            Category::MissingCommand,
            Some("simctl"),
        )],
    },
    Entry {
        id: "shell/not-found",
        grammar: "{script}: {n}: {name}: not found (dash) | /bin/sh: 1: {name}: not found | sh: {name}: not found \
                  (busybox ash) | {script}: line {n}: {name}: not found",
        needles: &[": not found"],
        check: not_found,
        examples: &[
            ex("/bin/sh: 1: make: not found", Category::MissingCommand, Some("make")),
            ex("sh: git: not found", Category::MissingCommand, Some("git")),
        ],
    },
    Entry {
        id: "shell/not-recognized",
        grammar: "{name}: The term '{name}' is not recognized as a name of a cmdlet, function, script file, or \
                  executable program. (PowerShell 7) | The term '{name}' is not recognized as the name of a cmdlet, \
                  function, script file, or operable program. (Windows PowerShell) | '{name}' is not recognized as an \
                  internal or external command, (cmd.exe) | Windows PowerShell's German and French resources: Die \
                  Benennung \"{name}\" wurde nicht als Name eines Cmdlet, … erkannt. | Le terme «{name}» n'est pas \
                  reconnu comme nom d'applet de commande, … | cmd.exe's: Der Befehl \"{name}\" ist entweder falsch \
                  geschrieben oder | '{name}' n'est pas reconnu en tant que commande interne",
        needles: &[
            "is not recognized as",
            "wurde nicht als Name eines Cmdlet",
            "ist entweder falsch geschrieben oder",
            "n'est pas reconnu",
        ],
        check: not_recognized,
        examples: &[
            ex(
                "wget: The term 'wget' is not recognized as a name of a cmdlet, function, script file, or executable \
                 program.",
                Category::MissingCommand,
                Some("wget"),
            ),
            ex(
                "'make' is not recognized as an internal or external command,",
                Category::MissingCommand,
                Some("make"),
            ),
            ex(
                "'node_modules' is not recognized as an internal or external command,",
                Category::Unknown,
                None,
            ),
            ex(
                "make : Die Benennung \"make\" wurde nicht als Name eines Cmdlet, einer Funktion, einer Skriptdatei \
                 oder eines ausführbaren Programms erkannt.",
                Category::MissingCommand,
                Some("make"),
            ),
            ex(
                "Der Befehl \"jq\" ist entweder falsch geschrieben oder",
                Category::MissingCommand,
                Some("jq"),
            ),
            ex(
                "make : Le terme «make» n'est pas reconnu comme nom d'applet de commande, fonction, fichier de script \
                 ou programme exécutable.",
                Category::MissingCommand,
                Some("make"),
            ),
            ex(
                "'jq' n'est pas reconnu en tant que commande interne",
                Category::MissingCommand,
                Some("jq"),
            ),
        ],
    },
    Entry {
        id: "shell/powershell-path-missing",
        grammar: "{cmdlet}: Cannot find path '{path}' because it does not exist. (PowerShell's ItemNotFoundException) | \
                  Could not find file '{path}'. (.NET's FileNotFoundException) | Could not find a part of the path \
                  '{path}'. (.NET's DirectoryNotFoundException) | {cmdlet} : The path '{path}' either does not exist or \
                  is not a valid file system path. (Compress-Archive, Expand-Archive) | Windows PowerShell's German \
                  and French resources: Der Pfad \"{path}\" kann nicht gefunden werden, da er nicht vorhanden ist. | \
                  Impossible de trouver le chemin d'accès « {path} », car il n'existe pas.",
        needles: &[
            "because it does not exist",
            "Could not find file '",
            "Could not find a part of the path '",
            "either does not exist or is not a valid file system path",
            "kann nicht gefunden werden, da er nicht vorhanden ist",
            "car il n'existe pas",
        ],
        check: powershell_path_missing,
        examples: &[
            ex(
                "Get-Content: Cannot find path 'D:\\a\\app\\app\\version.txt' because it does not exist.",
                Category::FileNotFound,
                Some("version.txt"),
            ),
            ex(
                "Copy-Item : Der Pfad \"D:\\a\\app\\app\\dist\\setup.exe\" kann nicht gefunden werden, da er nicht \
                 vorhanden ist.",
                Category::FileNotFound,
                Some("dist/setup.exe"),
            ),
            ex(
                "Get-Content : Impossible de trouver le chemin d'accès « D:\\a\\app\\app\\version.txt », car il \
                 n'existe pas.",
                Category::FileNotFound,
                Some("version.txt"),
            ),
            ex(
                "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find file \
                 'D:\\a\\app\\app\\config\\app.json'.\"",
                Category::FileNotFound,
                Some("config/app.json"),
            ),
            ex(
                "Compress-Archive : The path 'out\\win' either does not exist or is not a valid file system path.",
                Category::FileNotFound,
                Some("out/win"),
            ),
        ],
    },
    Entry {
        id: "shell/powershell-module-missing",
        grammar: "{Import-Module} : The specified module '{name}' was not loaded because no valid module file was \
                  found in any module directory. (PowerShell's Modules_ModuleNotFound; 5.1 writes `{cmdlet} : `, 7 \
                  `{cmdlet}: `)",
        needles: &["because no valid module file was found"],
        check: powershell_module_missing,
        examples: &[
            ex(
                "Import-Module : The specified module 'powershell-yaml' was not loaded because no valid module file \
                 was found in any module directory.",
                Category::MissingDependency,
                Some("powershell-yaml"),
            ),
            ex(
                "Import-Module: The specified module './build/Helpers.psm1' was not loaded because no valid module \
                 file was found in any module directory.",
                Category::FileNotFound,
                Some("build/Helpers.psm1"),
            ),
            ex(
                "Import-Module : The specified module 'Helpers.PSM1' was not loaded because no valid module file was \
                 found in any module directory.",
                Category::FileNotFound,
                Some("Helpers.PSM1"),
            ),
        ],
    },
    Entry {
        id: "shell/launcher-command-missing",
        grammar: "/usr/bin/env: '{name}': No such file or directory | env: ‘{name}’: No such file or directory \
                  (coreutils) | env: can't execute '{name}': No such file or directory (BusyBox) | {timeout|nohup|\
                  stdbuf|chroot}: failed to run command '{name}': No such file or directory | nice: '{name}': No such \
                  file or directory (coreutils: `error (0, errno, …, quote (argv[i]))`) | xargs: {name}: No such file \
                  or directory (findutils) | make: {name}: No such file or directory | make: {name}: Command not \
                  found (GNU make's exec failure, then `make: *** [{target}] Error 127`)",
        needles: &["env: ", "failed to run command", "nice: ", "xargs: ", "make: ", "make["],
        check: launcher_command_missing,
        examples: &[
            ex(
                "timeout: failed to run command 'pytest': No such file or directory",
                Category::MissingCommand,
                Some("pytest"),
            ),
            ex(
                "xargs: shfmt: No such file or directory",
                Category::MissingCommand,
                Some("shfmt"),
            ),
            ex(
                "make: protoc: No such file or directory",
                Category::MissingCommand,
                Some("protoc"),
            ),
            ex(
                "make[2]: ./scripts/gen-api.sh: Command not found",
                Category::FileNotFound,
                Some("scripts/gen-api.sh"),
            ),
            ex(
                "/usr/bin/env: 'python': No such file or directory",
                Category::MissingCommand,
                Some("python"),
            ),
            ex(
                "env: can't execute 'bash': No such file or directory",
                Category::MissingCommand,
                Some("bash"),
            ),
            ex(
                "/usr/bin/env: ‘bash\\r’: No such file or directory",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "shell/file-operand-missing",
        grammar: "{tool}: cannot stat '{path}': No such file or directory | {tool}: cannot access '{path}': No such \
                  file or directory | {tool}: {path}: No such file or directory | tar: {path}: Cannot open: No such \
                  file or directory | tar (child): {path}: Cannot open: No such file or directory (GNU tar's \
                  decompressor child) | sed: can't read {path}: No such file or directory (GNU sed) | {shell}: line {n}: cd: {path}: No such file or directory",
        needles: &["No such file or directory"],
        check: file_operand_missing,
        examples: &[
            ex(
                "cp: cannot stat 'dist/app.tar.gz': No such file or directory",
                Category::FileNotFound,
                Some("dist/app.tar.gz"),
            ),
            ex(
                "tar (child): out/site.tgz: Cannot open: No such file or directory",
                Category::FileNotFound,
                Some("out/site.tgz"),
            ),
            ex(
                "/home/runner/work/_temp/9f.sh: line 1: cd: packages/web: No such file or directory",
                Category::FileNotFound,
                Some("packages/web"),
            ),
        ],
    },
    Entry {
        id: "shell/file-operand-missing-localized",
        grammar: "{tool}: {localized words} '{path}' {words}: {ENOENT} | {tool}: {path}: {ENOENT} (coreutils and bash's \
                  `cd` under a German or French locale: only their `cannot stat` and `cannot access` words (other messages, such as `cannot create \
                  regular file`, name a destination), glibc's give ENOENT as `Datei oder Verzeichnis nicht gefunden` / `Aucun fichier ou dossier de ce type`; \
                  the path is the last quoted operand, or the bare one)",
        needles: &[
            "Datei oder Verzeichnis nicht gefunden",
            "Aucun fichier ou dossier de ce type",
        ],
        check: file_operand_missing_localized,
        examples: &[
            ex(
                "cp: impossible d'évaluer 'dist/app.tar.gz': Aucun fichier ou dossier de ce type",
                Category::FileNotFound,
                Some("dist/app.tar.gz"),
            ),
            ex(
                "cp: der Aufruf von stat für 'dist/app.tar.gz' ist nicht möglich: Datei oder Verzeichnis nicht gefunden",
                Category::FileNotFound,
                Some("dist/app.tar.gz"),
            ),
            ex(
                "cat: build/version.txt: Datei oder Verzeichnis nicht gefunden",
                Category::FileNotFound,
                Some("build/version.txt"),
            ),
        ],
    },
    Entry {
        id: "shell/rsync-source-missing",
        grammar: "rsync: [sender] change_dir \"{dir}\" failed: No such file or directory (2) | rsync: [sender] \
                  link_stat \"{path}\" failed: No such file or directory (2)",
        needles: &["rsync: "],
        check: rsync_source_missing,
        examples: &[ex(
            "rsync: [sender] change_dir \"/home/runner/work/site/site/public\" failed: No such file or directory (2)",
            Category::FileNotFound,
            Some("public"),
        )],
    },
    Entry {
        id: "shell/unzip-archive-missing",
        grammar: "unzip:  cannot find or open {archive}, {archive}.zip or {archive}.ZIP. (Info-ZIP unzip, two spaces \
                  after its name; also `cannot find zipfile directory in one of {archive} or …`, not read: that \
                  archive exists)",
        needles: &["cannot find or open "],
        check: unzip_archive_missing,
        examples: &[ex(
            "unzip:  cannot find or open protoc.zip, protoc.zip.zip or protoc.zip.ZIP.",
            Category::FileNotFound,
            Some("protoc.zip"),
        )],
    },
    Entry {
        id: "shell/zip-name-not-matched",
        grammar: "\tzip warning: name not matched: {name} (Info-ZIP zip's `zipwarn`, for a name on its command line \
                  that matches no file; with none left it ends with `zip error: Nothing to do! ({zipfile})`, exit \
                  code 12, ZE_NONE)",
        needles: &["zip warning: name not matched: ", "zip error: Nothing to do!"],
        check: zip_name_not_matched,
        examples: &[
            ex_after(
                &["\tzip warning: name not matched: dist/app-release.apk", ""],
                "zip error: Nothing to do! (app.zip)",
                Category::FileNotFound,
                Some("dist/app-release.apk"),
            ),
            // zip went on with the names that matched: a notice.
            ex("\tzip warning: name not matched: CHANGELOG.md", Category::Unknown, None),
        ],
    },
    Entry {
        id: "shell/program-missing",
        grammar: "{script}: line {n}: {path}: No such file or directory | bash: {path}: No such file or directory | \
                  {shell}: {path}: No such file or directory",
        needles: &["No such file or directory"],
        check: program_missing,
        examples: &[
            ex(
                "/home/runner/work/_temp/77.sh: line 1: ./scripts/ci.sh: No such file or directory",
                Category::FileNotFound,
                Some("scripts/ci.sh"),
            ),
            ex(
                "bash: tools/gen.sh: No such file or directory",
                Category::FileNotFound,
                Some("tools/gen.sh"),
            ),
        ],
    },
    Entry {
        id: "shell/zsh-no-such-file",
        grammar: "zsh: no such file or directory: {path} | {script}:{n}: no such file or directory: {path} (zsh names \
                  the program it could not run after errno's lower-case text)",
        needles: &["no such file or directory: "],
        check: zsh_no_such_file,
        examples: &[
            ex(
                "/Users/runner/work/_temp/0b6f.sh:1: no such file or directory: ./scripts/release.sh",
                Category::FileNotFound,
                Some("scripts/release.sh"),
            ),
            ex(
                "zsh: no such file or directory: bin/setup",
                Category::FileNotFound,
                Some("bin/setup"),
            ),
        ],
    },
    Entry {
        id: "shell/bare-path-missing",
        grammar: "{path}: No such file or directory (the whole line: a tool naming only its operand, as macOS \
                  codesign, xattr and BSD tools do)",
        needles: &["No such file or directory"],
        check: bare_path_missing,
        examples: &[ex(
            "build/Release/App.app: No such file or directory",
            Category::FileNotFound,
            Some("build/Release/App.app"),
        )],
    },
    Entry {
        id: "shell/sudo-needs-password",
        grammar: "sudo: a terminal is required to read the password; either use the -S option to read from standard \
                  input or configure an askpass helper | sudo: a password is required | sudo: no tty present and no \
                  askpass program specified (sudo before 1.8.28)",
        needles: &[
            "a terminal is required to read the password",
            "sudo: a password is required",
            "no tty present and no askpass program",
        ],
        check: sudo_needs_password,
        examples: &[ex("sudo: a password is required", Category::Unknown, None)],
    },
    Entry {
        id: "shell/windows-path-not-found",
        grammar: "The system cannot find the path specified. (Win32 ERROR_PATH_NOT_FOUND as cmd.exe prints it; no path \
                  is named)",
        needles: &["cannot find the path specified"],
        check: windows_path_not_found,
        examples: &[ex(
            "The system cannot find the path specified.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "shell/unbound-variable",
        grammar: "{script}: line {n}: {name}: unbound variable (bash) | {script}: {n}: {name}: parameter not set (dash, \
                  ash) | {script}:{n}: {name}: parameter not set (zsh)",
        needles: &[": unbound variable", ": parameter not set"],
        check: unbound_variable,
        examples: &[
            ex(
                "/home/runner/work/_temp/1.sh: line 4: RELEASE_TAG: unbound variable",
                Category::Unknown,
                None,
            ),
            ex(
                "/__w/_temp/2.sh: 3: DEPLOY_KEY: parameter not set",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "shell/powershell-parse-error",
        grammar: "ParserError: {script}:{line} (PowerShell 7, then the `Line |` frame and the message) | + CategoryInfo \
                  : ParserError: (:) [], ParseException (Windows PowerShell 5.1)",
        needles: &["ParserError: "],
        check: powershell_parse_error,
        examples: &[ex("ParserError: D:\\a\\_temp\\0c1d.ps1:2", Category::Unknown, None)],
    },
    Entry {
        id: "shell/powershell-error-record",
        grammar: "{command or error id}: {script}.ps1:{line} (PowerShell 7's ConciseView header of an error that \
                  stopped the script, above its `Line |` frame and the `| {message}` line)",
        needles: &[".ps1:"],
        check: powershell_error_record,
        examples: &[ex("Copy-Item: D:\\a\\_temp\\5b0c6f2e.ps1:2", Category::Unknown, None)],
    },
    Entry {
        id: "shell/powershell51-error-record",
        grammar: "{command} : {message} then `At {script}.ps1:{line} char:{column}` (or `At line:{line} \
                  char:{column}`; Windows PowerShell 5.1's error record, the `+` frame and `+ CategoryInfo` lines below)",
        needles: &[" char:"],
        check: powershell51_error_record,
        examples: &[ex_after(
            &["Remove-Item : Cannot remove item C:\\w\\dist\\app.exe: Access to the path is denied."],
            "At C:\\actions-runner\\_work\\_temp\\5f1b.ps1:2 char:23",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "shell/syntax-error",
        grammar: "{script}: line {n}: syntax error near unexpected token `{token}' | {script}: {n}: Syntax error: {what} \
                  (dash)",
        needles: &["syntax error near unexpected token", "Syntax error:"],
        check: syntax_error,
        examples: &[ex(
            "/home/runner/work/_temp/1.sh: line 5: syntax error near unexpected token `fi'",
            Category::Unknown,
            None,
        )],
    },
];

fn exec_format_error(line: &Line<'_>) -> Option<Hit> {
    let lower = line.text.to_ascii_lowercase();
    let mismatch = [
        "exec format error",
        "cannot execute binary file",
        "bad cpu type in executable",
        "not compatible with the version of windows",
        "not a valid application for this os platform",
        "is not a valid win32 application",
    ];
    let emulated = regex!(r"qemu-[a-z0-9_]+: Could not open '/lib[^']*/ld-linux-").is_match(line.text);
    if !emulated && !mismatch.iter().any(|m| lower.contains(m)) {
        return None;
    }
    // The kernel's ENOEXEC as a shell or Go's exec prints it: the program's
    // path (it has a `/`), then the error, ending the line. A test's name,
    // an assertion or a log line that mentions the words is not a binary
    // that failed to run (and would make the job `continue-on-error`).
    let generic = lower.contains("exec format error") || lower.contains("cannot execute binary file");
    if generic
        && !regex!(
            r#"(?i)(?:^|[\s:"])\.{0,2}/[^\s:]*: (?:cannot execute binary file(?:: exec format error)?|exec format error)["'.]?$|exec user process caused:? "?exec format error"?$"#
        )
        .is_match(line.text.trim_end())
    {
        return None;
    }
    let arm = ["arm64", "aarch64", "armv7", "arm/v"]
        .iter()
        .any(|a| lower.contains(a) || line.recent.iter().any(|r| r.to_ascii_lowercase().contains(a)));
    let class = if lower.contains("bad cpu type") {
        // macOS says this for an x86 binary on Apple silicon without Rosetta.
        Some(RunnerClass::MacosArm64)
    } else {
        arm.then_some(RunnerClass::Arm64)
    };
    Some(runner_hit(
        RunnerFailure::ArchitectureMismatch,
        class,
        0.75,
        "A binary or image built for another CPU architecture was run (exec format error): the job is tied to the \
         runner's architecture (an ARM runner, or emulation missing).",
    ))
}

/// The prefix of a shell diagnostic: `/bin/sh`, `sh`, `bash`, `zsh`, a
/// script path, or `{script}: line {n}`.
fn shell_prefix(prefix: &str) -> bool {
    let p = prefix.trim();
    let base = p.rsplit('/').next().unwrap_or(p);
    matches!(base, "sh" | "bash" | "dash" | "ash" | "zsh" | "busybox" | "ksh")
        || p.ends_with(".sh")
        || regex!(r"(?:^|: )line \d+$|: \d+$|^\S+\.sh: line \d+$").is_match(p)
}

/// bash's `%s: command not found` and its German and French translations
/// (bash's `po/de.po`: `%s: Befehl nicht gefunden`; `po/fr.po`: `%s :
/// commande introuvable`, with the French space before the colon), which a
/// self-hosted machine or container with `LANG` set prints.
const NOT_FOUND_SUFFIXES: &[&str] = &[
    ": command not found",
    ": Befehl nicht gefunden",
    " : commande introuvable",
];

fn command_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if let Some(name) = after(text, "command not found: ") {
        return Some(command_hit(name.trim(), line, 0.85));
    }
    // bash ends its message with the words: `{prefix}: {name}: command not
    // found`. Text after them is someone's sentence quoting the message.
    let before = NOT_FOUND_SUFFIXES
        .iter()
        .find_map(|suffix| text.trim_end().strip_suffix(suffix))?;
    let name = before.rsplit(": ").next().unwrap_or(before);
    // `Error: bash: command not found` from a UI copy keeps its prefix.
    let name = name.trim().trim_start_matches("Error: ");
    Some(command_hit(name, line, 0.85))
}

fn ubuntu_command_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"Command '([^']+)' not found, (?:did you mean|but can be installed)").captures(line.text)?;
    Some(command_hit(&c[1], line, 0.85))
}

fn xcrun_utility_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"unable to find utility "([^"]+)""#).captures(line.text)?;
    Some(command_hit(&c[1], line, 0.8))
}

fn not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_end();
    let body = text.strip_suffix(": not found")?;
    let (prefix, name) = body.rsplit_once(": ")?;
    let prefix = prefix.rsplit("Error: ").next().unwrap_or(prefix);
    if !shell_prefix(prefix) {
        return None;
    }
    Some(command_hit(name, line, 0.85))
}

fn not_recognized(line: &Line<'_>) -> Option<Hit> {
    let french = line.text.contains("n'est pas reconnu");
    if french && !line.text.contains("commande") {
        return None;
    }
    // French PowerShell quotes the name in guillemets; the other forms in
    // straight quotes (`quoted` takes the first pair on the line).
    let name = match regex!(r"«\s*([^»]+?)\s*»").captures(line.text) {
        Some(c) => c.get(1)?.as_str(),
        None => quoted(line.text)?,
    };
    let name = name.strip_suffix(".exe").unwrap_or(name);
    // cmd.exe reads `/` as a switch: `node_modules/.bin/ng` runs the "command"
    // `node_modules`. The script ran a forward-slash path; nothing is missing.
    let cmd = [
        "internal or external command",
        "ist entweder falsch geschrieben",
        "commande interne",
    ]
    .iter()
    .any(|words| line.text.contains(words));
    let slash_path = format!("{name}/");
    let ran_as_path = line.script.contains(&slash_path) || line.recent.iter().any(|r| r.contains(&slash_path));
    if cmd && (ran_as_path || name == "node_modules") {
        return Some(Hit::blocker(format!(
            "cmd.exe ran a forward-slash path (`{}/…`) and read `/` as an option: use backslashes, `npx`, or a bash \
             step. Nothing is missing.",
            crate::subject::display_text(name)
        )));
    }
    Some(command_hit(name, line, 0.85))
}

fn powershell_path_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r#"Cannot find path '([^']+)' because it does not exist|Could not find file '([^']+)'|Could not find a part of the path '([^']+)'|The path '([^']+)' either does not exist or is not a valid file system path|Der Pfad "([^"]+)" kann nicht gefunden werden, da er nicht vorhanden ist|Impossible de trouver le chemin d'accès «\s*([^»]+?)\s*», car il n'existe pas"#
    )
    .captures(line.text)?;
    let path = (1..=6).find_map(|i| c.get(i))?.as_str();
    Some(path_hit(
        path,
        0.65,
        "A file or directory the PowerShell script uses does not exist.",
    ))
}

/// Import-Module found no module of that name on `$env:PSModulePath`, nor a
/// file at that path. A name (letters, digits, `.`, `-`, `_`) is a module to
/// install from the PowerShell Gallery, which autoheal does not do (a person
/// adds `Install-Module`, or imports the repository's own module by its
/// path); a path is a file that does not exist.
fn powershell_module_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"The specified module '([^']+)' was not loaded because no valid module file was found")
        .captures(line.text)?;
    let name = &c[1];
    // PowerShell's file system is case-insensitive on Windows, so `Helpers.PSM1` is a module file too.
    let lower = name.to_ascii_lowercase();
    if name.contains(['/', '\\']) || [".psm1", ".psd1", ".dll"].iter().any(|suffix| lower.ends_with(suffix)) {
        return Some(path_hit(
            name,
            0.65,
            "The PowerShell module file the script imports does not exist.",
        ));
    }
    if !regex!(r"^[A-Za-z][A-Za-z0-9._-]{0,99}$").is_match(name) {
        return Some(Hit::blocker(
            "Import-Module found no module of that name (the name is not a plain module name).",
        ));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.6,
            format!(
                "PowerShell found no module {name} in any module directory: install it (`Install-Module {name} -Force \
                 -Scope CurrentUser` before the import), or, if it is the repository's own module, import it by its \
                 path. autoheal does not install PowerShell modules, so no fix is made."
            ),
        )
        .with_subject(
            name,
            SubjectDetail::Package {
                ecosystem: Ecosystem::PowershellGallery,
                name: name.to_string(),
            },
        )
        .fixable(false),
    )
}

fn sudo_needs_password(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "sudo asked for a password, which a job cannot type: the runner's user has no passwordless sudo (a \
         self-hosted runner's setup, or a container user), a person configures it.",
    ))
}

fn windows_path_not_found(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "The system cannot find the path specified.").then(|| {
        Hit::blocker(
            "Windows could not find a path (cmd.exe's ERROR_PATH_NOT_FOUND), and the message does not say which: a \
             person reads the step's script.",
        )
    })
}

/// A program that runs another one (a launcher: coreutils' `env`, `timeout`,
/// `nice`, `nohup`, `stdbuf`, `chroot`; findutils' `xargs`; GNU make running a
/// recipe line without a shell) relays exec's ENOENT with the name it was
/// given: the command is missing (a path: the file is). Not `find: '…'`, whose
/// operand is a path to search, nor make's `Makefile:3: x.mk: No such file`,
/// an include. chroot runs the command with another root's `PATH` and files,
/// so the program is missing inside that root, where nothing installed on the
/// runner arrives: read, never fixable. GNU make says the same of a makefile
/// given with `-f` that does not exist (then `No rule to make target`): a
/// name the script passes to `-f`/`--file`/`--makefile`, or a makefile's name,
/// is a missing file.
fn launcher_command_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    if let Some(c) =
        regex!(r#"^(?:/\S*/)?chroot: failed to run command ['‘"]([^'’"]+)['’"]: No such file or directory$"#)
            .captures(text)
    {
        let mut hit = command_hit(&c[1], line, 0.85);
        if hit.fixable {
            hit.fixable = false;
            hit.message = format!(
                "{} chroot ran it inside another root, where it is missing: nothing installed on the runner arrives \
                 there (the root's build needs it, a manual fix).",
                hit.message
            );
        }
        return Some(hit);
    }
    if let Some(c) =
        regex!(r"^g?make(?:\[\d+\])?: ([^\s:*'‘]+): (?:No such file or directory|Command not found)$").captures(text)
    {
        let name = &c[1];
        if is_makefile(name, line.script) {
            return Some(path_hit(name, 0.65, "The makefile given to make does not exist."));
        }
        return Some(command_hit(name, line, 0.85));
    }
    let c = regex!(r#"(?:^|\s|/)env: (?:can't execute )?['‘"]([^'’"]+)['’"]: No such file or directory"#)
        .captures(text)
        .or_else(|| {
            regex!(
                r#"^(?:/\S*/)?(?:timeout|nohup|stdbuf|nice)(?:: failed to run command |: )['‘"]([^'’"]+)['’"]: No such file or directory$"#
            )
            .captures(text)
        })
        .or_else(|| regex!(r"^(?:/\S*/)?xargs: ([^\s:'‘]+): No such file or directory$").captures(text))?;
    Some(command_hit(&c[1], line, 0.85))
}

/// Whether make's `{name}: No such file or directory` names a makefile: GNU
/// make's own names for one (`GNUmakefile`, `makefile`, `Makefile`), the
/// `.mk`/`.mak`/`.make` suffixes, or a name the script gives to `-f`,
/// `--file` or `--makefile`.
fn is_makefile(name: &str, script: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "gnumakefile" | "makefile")
        || [".mk", ".mak", ".make"].iter().any(|s| lower.ends_with(s))
    {
        return true;
    }
    regex!(r#"(?:^|\s)(?:-f\s*|--file[=\s]|--makefile[=\s])['"]?(\S+?)['"]?(?:\s|$)"#)
        .captures_iter(script)
        .any(|c| c[1].trim_start_matches("./") == name)
}

/// The step's working directory when its script starts with `cd {dir}`: a
/// relative path the shell reports is relative to it.
fn script_dir(script: &str) -> Option<&str> {
    let first = script
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    let c = regex!(r"^cd\s+([A-Za-z0-9._/-]+)\s*(?:;|&&|$)").captures(first)?;
    let dir = c.get(1)?.as_str().trim_end_matches('/');
    (!dir.starts_with('/') && !dir.starts_with('~') && dir != "." && !dir.contains("..")).then_some(dir)
}

pub(super) fn in_script_dir(path: &str, line: &Line<'_>) -> String {
    let relative = !path.starts_with(['/', '~', '$']) && !path.contains(':');
    let path_in_dir = path.trim_start_matches("./");
    match script_dir(line.script) {
        // `cd {dir}` itself failing names the directory, not a path inside it.
        Some(dir) if relative && path_in_dir.trim_end_matches('/') != dir => format!("{dir}/{path_in_dir}"),
        _ => path.to_string(),
    }
}

/// Programs that print `{tool}: {path}: No such file or directory` or
/// `{tool}: cannot {stat|access|open} '{path}': …` for a missing operand.
/// Not `grep` (nor `uniq`): scripts probe files with it (`if grep -q x f`,
/// `grep … || true`) and go on, so its message says nothing about why a
/// step failed, yet as a specific finding it would outrank the real cause.
fn file_operand_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let re = regex!(
        r#"(?:^|[\s:/])(cat|cp|mv|ls|rm|ln|chmod|chown|stat|head|tail|wc|sort|diff|cmp|sha256sum|sha1sum|md5sum|source|tar|unzip|gzip|gunzip|readlink|realpath|touch|install|rsync|sed|cut|cd|\.)(?: \(child\))?: (?:cannot (?:stat|access|open|remove) |can't read )?['‘"]?([^'’":]+?)['’"]?: (?:Cannot (?:open|stat): )?No such file or directory"#
    );
    let c = re.captures(text)?;
    let path = in_script_dir(&c[2], line);
    Some(path_hit(
        &path,
        0.6,
        "A file or directory the script uses does not exist.",
    ))
}

/// [`file_operand_missing`]'s programs under a German or French locale:
/// the words before the path are the catalogue's own, so the path is the last
/// operand quoted after a space (coreutils quotes with `'…'`, or `„…“` and
/// `‘…’` in some locales; `d'évaluer`'s apostrophe follows a letter), else
/// the whole operand when it is one word.
fn file_operand_missing_localized(line: &Line<'_>) -> Option<Hit> {
    let body = super::util::before_enoent(line.text)?;
    let c = regex!(
        r"(?:^|[\s:/])(cat|cp|mv|ls|rm|ln|chmod|chown|stat|head|tail|wc|sort|diff|cmp|sha256sum|md5sum|source|tar|gzip|readlink|realpath|touch|install|sed|cut|cd|\.)(?: \(child\))?: (.+)$"
    )
    .captures(body)?;
    let operand = c.get(2)?.as_str();
    let quoted = regex!(r#"(?:^|\s)['‘„"«]\s*([^'’“"»]+?)\s*['’“"»]"#)
        .captures_iter(operand)
        .last();
    let raw = match quoted {
        // Only the words of the operand-missing messages, as the English
        // entry reads only `cannot stat|access|open|remove`: "cannot create
        // regular file", "cannot move … to …" or "failed to create symbolic
        // link" name a destination whose directory is missing, not a missing
        // input (review84 M3). The words are coreutils' `cannot stat %s` and
        // `cannot access %s` as `cp`/`ls` print them under de_DE and fr_FR.
        Some(q) => {
            let whole = q.get(0)?;
            let (lead, tail) = (operand[..whole.start()].trim(), operand[whole.end()..].trim());
            let known = [
                ("impossible d'évaluer", ""),
                ("impossible d'accéder à", ""),
                ("der Aufruf von stat für", "ist nicht möglich"),
                ("Zugriff auf", "nicht möglich"),
            ];
            if !known.contains(&(lead, tail)) {
                return None;
            }
            q.get(1)?.as_str()
        }
        None if !operand.trim().contains(char::is_whitespace) => operand.trim(),
        None => return None,
    };
    let path = in_script_dir(raw, line);
    Some(path_hit(
        &path,
        0.6,
        "A file or directory the script uses does not exist.",
    ))
}

/// rsync could not read a source it was given (the sending side's
/// directory or file): the path the step copies from does not exist.
fn rsync_source_missing(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r#"^rsync: (?:\[sender\] )?(?:change_dir|link_stat) "([^"]+)" failed: No such file or directory \(2\)"#)
            .captures(line.text.trim_start())?;
    let path = in_script_dir(&c[1], line);
    Some(path_hit(
        &path,
        0.65,
        "The file or directory rsync copies from does not exist.",
    ))
}

/// Info-ZIP's `unzip:  cannot find or open {archive}, {archive}.zip or
/// {archive}.ZIP.`: the archive the step names does not exist.
fn unzip_archive_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^unzip:\s+cannot find or open (\S+?), (\S+?)\.zip or ").captures(line.text.trim_start())?;
    if c[1] != c[2] {
        return None;
    }
    let path = in_script_dir(&c[1], line);
    Some(path_hit(&path, 0.7, "The archive the step unpacks does not exist."))
}

/// Info-ZIP zip's warning for a name that matched no file. zip goes on with
/// the names that matched (a step that then succeeds printed it in passing,
/// which ranking weighs as weak); when none did, it stops with `Nothing to
/// do!`, and this warning names what was missing.
/// zip warns about each name that matches no file and goes on with the
/// others (exit 0): only when none is left does it stop with `zip error:
/// Nothing to do! ({zipfile})` (ZE_NONE), and then the warning just above
/// that line names what was missing. A warning zip went on after is a notice,
/// so a later failure of the same step stays the root cause.
fn zip_name_not_matched(line: &Line<'_>) -> Option<Hit> {
    let warned = |text: &str| {
        regex!(r"^zip warning: name not matched: (\S+)\s*$")
            .captures(text.trim_start())
            .map(|c| c.get(1).map_or("", |m| m.as_str()).to_string())
    };
    if let Some(name) = warned(line.text) {
        return Some(Hit::notice(format!(
            "zip found nothing named `{}` and went on with the other names.",
            crate::subject::display_text(&name)
        )));
    }
    if !line.text.trim_start().starts_with("zip error: Nothing to do!") {
        return None;
    }
    // zip prints a blank line before its error.
    let name = line
        .recent
        .iter()
        .rev()
        .find(|previous| !previous.trim().is_empty())
        .and_then(|previous| warned(previous))?;
    let path = in_script_dir(&name, line);
    Some(path_hit(
        &path,
        0.65,
        "A file or directory zip was told to add does not exist, and nothing else was left to add.",
    ))
}

fn program_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let at = text.rfind(": No such file or directory")?;
    let before = &text[..at];
    let (prefix, name) = before.rsplit_once(": ")?;
    let prefix = prefix.rsplit("Error: ").next().unwrap_or(prefix);
    if !shell_prefix(prefix) {
        return None;
    }
    let name = name.trim();
    if !name.contains(['/', '.']) && !name.contains(':') {
        // A bare name the shell could not run is a command, but bash says
        // "command not found" for those; this shape is a hashed path gone.
        return Some(command_hit(name, line, 0.6));
    }
    let path = in_script_dir(name, line);
    Some(path_hit(
        &path,
        0.7,
        "A script or program the step runs does not exist.",
    ))
}

/// zsh's `{zsh|script:line}: no such file or directory: {path}`: the program
/// the step ran (a path; zsh says `command not found` for a bare name) does
/// not exist. The text is errno's in zsh's lower case, so Python's `[Errno 2]
/// No such file or directory: '…'` and other tools' capitalized forms are not
/// read here.
fn zsh_no_such_file(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:zsh|\S+:\d+): no such file or directory: (\S.*?)\s*$").captures(line.text.trim_start())?;
    let path = &c[1];
    if !path.contains(['/', '.']) {
        return None;
    }
    let path = in_script_dir(path, line);
    Some(path_hit(
        &path,
        0.7,
        "A script or program the step runs does not exist.",
    ))
}

/// A line that is only `{path}: No such file or directory`, the path a plain
/// relative or workspace path with a directory or an extension (not a word
/// such as `warning` or `error`).
fn bare_path_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^([A-Za-z0-9_./@+-]+): No such file or directory$").captures(line.text.trim())?;
    let path = &c[1];
    if !path.contains(['/', '.']) || path.starts_with('-') {
        return None;
    }
    let path = in_script_dir(path, line);
    Some(path_hit(
        &path,
        0.5,
        "A file or directory a tool was given does not exist.",
    ))
}

fn syntax_error(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker("The step's shell script has a syntax error."))
}

/// The shell's own line, naming the variable at the end: the script (or a
/// `$(…)` in it) read a variable nobody set under `set -u`, often a secret or
/// an output of an earlier step that is empty for this event.
fn unbound_variable(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"(?:^|:\s?)\s*(\$?[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]\s]*\])?|\$?\d+): (?:unbound variable|parameter not set)$"
    )
    .captures(line.text.trim_end())?;
    Some(Hit::blocker(format!(
        "The step's script read `{}`, which is not set, under `set -u`: a variable, secret or step output missing for \
         this run.",
        &c[1]
    )))
}

/// PowerShell's report that the script does not parse; it never ran.
fn powershell_parse_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let own = regex!(r"^ParserError: .+:\d+$").is_match(text)
        || regex!(r"^\+\s*CategoryInfo\s*: ParserError: ").is_match(text);
    own.then(|| Hit::blocker("The step's PowerShell script does not parse (a syntax error); it did not run."))
}

/// PowerShell 7's header of an error record that stopped the step's script
/// (the runner runs it with `$ErrorActionPreference = 'stop'`): the message
/// follows three or four lines below, under `Line |`. A summary: when an
/// entry reads that message (a command not recognized, a path that does not
/// exist), it is the cause; alone, the header is where the failure begins.
fn powershell_error_record(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^[A-Za-z][\w.-]*: (?:[A-Za-z]:\\|/)\S.*\.ps1:\d+$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::summary(
                "The step's PowerShell script stopped on an error; its message is under the `Line |` frame that \
                 follows.",
            )
        })
}

/// Windows PowerShell 5.1's error record, read at its position line (`At
/// {script}.ps1:{line} char:{column}`, which only such a record prints)
/// under its first line, `{command} : {message}` (a cmdlet, `&`, or a native
/// program whose standard error PowerShell wrapped). The runner runs the
/// script with `$ErrorActionPreference = 'stop'`, so the first record is what
/// stopped it. A summary located at the record's first line: when an entry
/// reads that message (a path that does not exist, a command not
/// recognized) it is the cause; alone, the record says why.
fn powershell51_error_record(line: &Line<'_>) -> Option<Hit> {
    if !regex!(r"^At (?:line:\d+|\S.*\.ps1:\d+) char:\d+$").is_match(line.text.trim()) {
        return None;
    }
    let (above, c) = line.recent.iter().rev().take(3).enumerate().find_map(|(i, prior)| {
        regex!(r"^([\w.&-]+) : (\S.*)$")
            .captures(prior.trim_end())
            .map(|c| (i + 1, c))
    })?;
    let message = format!(
        "Windows PowerShell stopped the step's script on an error of `{}`: {}",
        crate::subject::display_text(&c[1]),
        crate::subject::display_text(c[2].trim())
    );
    Some(Hit::summary(message).opened_lines_above(u8::try_from(above).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows PowerShell 5.1's record is read at its `At` line and located
    /// at its first line; a position line without a record above is not one.
    #[test]
    fn a_windows_powershell_record_is_located_at_its_first_line() {
        let recent = [
            "Remove-Item : Cannot remove item C:\\w\\dist\\kiosk.exe: The process cannot access the file \
             'C:\\w\\dist\\kiosk.exe' because it is being used by another process.",
        ];
        let hit = powershell51_error_record(&Line {
            recent: &recent,
            ..Line::plain("At C:\\actions-runner\\_work\\_temp\\5f1b.ps1:2 char:23")
        })
        .expect("read");
        assert_eq!(
            (hit.category, hit.strength, hit.opened_lines_above),
            (Category::Unknown, crate::classify::hit::Strength::Summary, 1)
        );
        assert!(hit.message.contains("`Remove-Item`") && hit.message.contains("being used by another process"));
        assert!(
            powershell51_error_record(&Line {
                recent: &["Building the site"],
                ..Line::plain("At line:1 char:1")
            })
            .is_none()
        );
        assert!(powershell51_error_record(&Line::plain("At noon char: 3")).is_none());
    }

    /// The localized coreutils message: the operand quoted after a space is
    /// the path (French `d'évaluer`'s apostrophe is no quote), a bare one-word
    /// operand too; prose around the words names no path.
    #[test]
    fn a_localized_file_error_names_its_operand() {
        let subject = |text: &str| file_operand_missing_localized(&Line::plain(text)).and_then(|h| h.subject);
        assert_eq!(
            subject("cp: impossible d'évaluer 'dist/a b.tgz': Aucun fichier ou dossier de ce type").as_deref(),
            Some("dist/a b.tgz")
        );
        assert_eq!(
            subject("/home/ci/_work/_temp/1.sh: Zeile 3: cd: packages/web: Datei oder Verzeichnis nicht gefunden")
                .as_deref(),
            Some("packages/web")
        );
        assert_eq!(
            subject("ls: Zugriff auf 'dist' nicht möglich: Datei oder Verzeichnis nicht gefunden").as_deref(),
            Some("dist")
        );
        assert_eq!(
            subject("ls: impossible d'accéder à 'dist': Aucun fichier ou dossier de ce type").as_deref(),
            Some("dist")
        );
        for text in [
            "cp: la copie a échoué pour une raison inconnue: Aucun fichier ou dossier de ce type",
            "Hinweis: Datei oder Verzeichnis nicht gefunden",
            "cp: impossible d'évaluer 'dist/app.tgz': Aucun fichier ou dossier de ce type (voir plus haut)",
            // A destination whose directory is missing is no missing input (review84 M3).
            "cp: reguläre Datei 'dist/releases/app.tgz' kann nicht angelegt werden: Datei oder Verzeichnis nicht gefunden",
            "cp: impossible de créer le fichier standard 'dist/releases/app.tgz': Aucun fichier ou dossier de ce type",
            "mv: Verschieben von 'a' nach 'b/c' nicht möglich: Datei oder Verzeichnis nicht gefunden",
            "ln: Anlegen der symbolischen Verknüpfung 'x/y' nicht möglich: Datei oder Verzeichnis nicht gefunden",
        ] {
            assert_eq!(subject(text), None, "{text}");
        }
    }

    #[test]
    fn a_launcher_relays_its_missing_command_and_nothing_else() {
        crate::classify::catalogue::assert_reads(
            launcher_command_missing,
            &[
                "nice: 'cmake': No such file or directory",
                "nohup: failed to run command ‘./serve’: No such file or directory",
                "/usr/bin/timeout: failed to run command 'pytest': No such file or directory",
                "gmake: protoc: Command not found",
            ],
            &[
                "find: 'src': No such file or directory",
                "make: *** [Makefile:3: gen] Error 127",
                "Makefile:3: config.mk: No such file or directory",
                "make: *** No rule to make target 'gen'.  Stop.",
                "make: Nothing to be done for 'all'.",
                "xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive",
            ],
        );
    }
    /// chroot runs the command inside another root, so the program is missing
    /// there, not on the runner; make's `-f {file}` names a makefile, a file.
    #[test]
    fn a_chroots_missing_program_and_a_missing_makefile_are_not_the_runners_commands() {
        let chroot = launcher_command_missing(&Line::plain(
            "chroot: failed to run command ‘pip3’: No such file or directory",
        ))
        .expect("read");
        assert!(!chroot.fixable, "{chroot:?}");
        for (script, text) in [
            ("make -f ci.mk", "make: ci.mk: No such file or directory"),
            (
                "make -f build.rules all",
                "make: build.rules: No such file or directory",
            ),
            ("make --file=Rules test", "make: Rules: No such file or directory"),
        ] {
            let line = Line {
                script,
                ..Line::plain(text)
            };
            let hit = launcher_command_missing(&line).expect("read");
            assert_ne!(hit.category, Category::MissingCommand, "{text}: {hit:?}");
        }
        let recipe = Line {
            script: "make gen",
            ..Line::plain("make: protoc: No such file or directory")
        };
        let hit = launcher_command_missing(&recipe).expect("read");
        assert_eq!(hit.category, Category::MissingCommand, "{hit:?}");
        assert!(hit.fixable, "{hit:?}");
    }

    use crate::classify::hit::Strength;

    /// PowerShell 7's error header is a summary: the message under its
    /// frame, when an entry reads it, is the cause.
    #[test]
    fn a_powershell_error_header_is_a_summary_of_the_message_below_it() {
        crate::classify::catalogue::assert_reads(
            powershell_error_record,
            &[
                "Copy-Item: D:\\a\\_temp\\5b0c6f2e-1d3a.ps1:2",
                "Write-Error: /home/runner/work/_temp/9f1e2d3c.ps1:7",
                "InvalidOperation: C:\\actions-runner\\_work\\_temp\\a1b2.ps1:12",
            ],
            &[
                "Copy-Item: D:\\a\\_temp\\5b0c6f2e-1d3a.ps1:2 extra",
                "at D:\\a\\_temp\\5b0c.ps1:2",
                "Processing build.ps1:3",
            ],
        );
        let hit = powershell_error_record(&Line::plain("Copy-Item: D:\\a\\_temp\\5b0c.ps1:2")).expect("read");
        assert_eq!(hit.strength, Strength::Summary);
    }

    /// zip's warning names one file relative to where zip ran; a name with
    /// more after it is not the warning's whole line.
    #[test]
    fn zip_names_the_file_that_matched_nothing() {
        let line = Line {
            script: "cd android\nzip -j out.zip app/build/outputs/apk/release/app-release.apk",
            recent: &[
                "\tzip warning: name not matched: app/build/outputs/apk/release/app-release.apk",
                "",
            ],
            ..Line::plain("zip error: Nothing to do! (out.zip)")
        };
        let hit = zip_name_not_matched(&line).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (
                Category::FileNotFound,
                Some("android/app/build/outputs/apk/release/app-release.apk"),
                true
            )
        );
        // Alone, zip went on: a notice, not a cause.
        let warned = zip_name_not_matched(&Line::plain("\tzip warning: name not matched: a.txt")).expect("read");
        assert_eq!((warned.category, warned.strength), (Category::Unknown, Strength::Weak));
        assert!(zip_name_not_matched(&Line::plain("zip error: Nothing to do! (out.zip)")).is_none());
        assert!(zip_name_not_matched(&Line::plain("zip warning: name not matched: a b")).is_none());
        assert!(zip_name_not_matched(&Line::plain("echo 'zip warning: name not matched: x'")).is_none());
    }

    /// ENOEXEC as the shell, dash, Go's exec and runc print it, with the
    /// program's path; the words in a test's output are not a binary that
    /// failed to run.
    #[test]
    fn exec_format_errors_are_read_only_with_the_programs_path() {
        for own in [
            "/home/runner/work/_temp/1.sh: line 1: ./bin/linux-amd64/tool: cannot execute binary file: Exec format error",
            "/bin/sh: 1: /home/runner/work/_temp/minikube: Exec format error",
            "  exec /usr/local/bin/manylinux-entrypoint: exec format error",
            "bash: ./protoc: cannot execute binary file",
            "Error: fork/exec /tmp/x/tool: exec format error",
            "standard_init_linux.go:228: exec user process caused: exec format error",
            "exec user process caused \"exec format error\"",
            "/bin/bash: ./bin/x86_64/protoc: Bad CPU type in executable",
        ] {
            assert!(exec_format_error(&Line::plain(own)).is_some(), "{own}");
        }
        for quoted in [
            "loader: spawn failed: exec format error (fixture tests/data/not-elf.bin, as expected)",
            "worker exited: exec format error in fixture ./testdata/bad-elf",
            "cannot execute binary file: Exec format error (expected by test_elf_loader)",
            "  left: \"exec format error\"",
            "test rejects_exec_format_error ... FAILED",
        ] {
            assert!(exec_format_error(&Line::plain(quoted)).is_none(), "{quoted}");
        }
    }

    #[test]
    fn an_unset_variable_is_the_shells_own_line() {
        for own in [
            "./scripts/deploy.sh: line 11: PREVIEW_URL: unbound variable",
            "/home/runner/work/_temp/9.sh: line 2: $1: unbound variable",
            "/home/runner/work/_temp/9.sh: line 7: TARGETS[0]: unbound variable",
            "/__w/_temp/2.sh: 3: DEPLOY_KEY: parameter not set",
            "sh: NPM_TOKEN: parameter not set",
            "./release.zsh:12: VERSION: parameter not set",
        ] {
            assert!(unbound_variable(&Line::plain(own)).is_some(), "{own}");
        }
        for other in [
            "warning: the unbound variable check is off",
            "E   AssertionError: 'FOO: unbound variable' != ''",
            "FOO BAR: unbound variable",
        ] {
            assert!(unbound_variable(&Line::plain(other)).is_none(), "{other}");
        }
    }

    #[test]
    fn a_powershell_parse_error_is_its_own_record() {
        for own in [
            "ParserError: D:\\a\\_temp\\8c1f.ps1:2",
            "ParserError: /home/runner/work/_temp/1.ps1:14",
            "    + CategoryInfo          : ParserError: (:) [], ParseException",
        ] {
            assert!(powershell_parse_error(&Line::plain(own)).is_some(), "{own}");
        }
        for other in [
            "pandas.errors.ParserError: Error tokenizing data. C error: Expected 3 fields in line 8, saw 4",
            "ParserError: Unknown string format: 2026-13-45",
            "dateutil.parser._parser.ParserError: month must be in 1..12: 2026-13-01",
        ] {
            assert!(powershell_parse_error(&Line::plain(other)).is_none(), "{other}");
        }
    }

    #[test]
    fn paths_are_resolved_against_a_leading_cd() {
        let line = Line {
            script: "cd topics/shell; bash ./basic.sh\n",
            ..Line::plain("bash: ./basic.sh: No such file or directory")
        };
        let hit = program_missing(&line).expect("hit");
        assert_eq!(hit.subject.as_deref(), Some("topics/shell/basic.sh"));
        assert_eq!(script_dir("cd /tmp && x"), None);
        assert_eq!(script_dir("cd ../x; y"), None);
        assert_eq!(script_dir("echo hi\ncd x"), None);
    }

    #[test]
    fn prefixes() {
        for p in [
            "/bin/sh",
            "sh",
            "bash",
            "/usr/local/bin/bash",
            "/__w/_temp/x.sh: line 3",
            "/bin/sh: 1",
            "x.sh: 4",
        ] {
            assert!(shell_prefix(p), "{p}");
        }
        for p in ["npm ERR! 404", "Error response from daemon", "ls"] {
            assert!(!shell_prefix(p), "{p}");
        }
    }

    #[test]
    fn a_bare_path_line_needs_a_path_shape() {
        let hit = bare_path_missing(&Line::plain("dist/App.app: No such file or directory")).expect("hit");
        assert_eq!(hit.subject.as_deref(), Some("dist/App.app"));
        assert!(bare_path_missing(&Line::plain("warning: No such file or directory")).is_none());
        assert!(bare_path_missing(&Line::plain("error: a b: No such file or directory")).is_none());
    }

    #[test]
    fn mangled_windows_paths_are_not_fixable_files() {
        let hit = program_missing(&Line::plain(
            "sh: D:a_actionsownertoolv1/entrypoint.sh: No such file or directory",
        ))
        .expect("hit");
        assert_eq!(hit.category, Category::Unknown);
    }
}
