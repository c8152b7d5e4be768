//! The one list of commands that run a program somewhere other than the
//! runner's own `PATH`: a container (`docker run`, `docker compose up`,
//! `cross build`), another machine or VM (`ssh`, `wsl`, `lxc exec`, `vagrant
//! ssh`), a chroot, a shell that drops the runner's `PATH` (`nix develop
//! -i`), or a build tool that runs its steps in containers or VMs
//! (`earthly`, `dagger` but for its housekeeping commands, `act`,
//! `snapcraft`). What fails there (a module, a program, a file) is missing
//! from that image, host or root, where nothing the workflow installs or
//! rewrites on the runner arrives. Image builds are listed apart: a
//! Dockerfile's `RUN` lines run inside the image being built, but the
//! build's own inputs (the Dockerfile and its context) are the runner's
//! files.
//!
//! It lives here, the lowest crate that needs it: the classifier reads a
//! failing step's script as the log echoes it (`classify/mod.rs`,
//! `ran_elsewhere`: a log alone, `autoheal diagnose` without the workflow),
//! and `autoheal_fixes`' `elsewhere.rs` reads the workflow's `run:` text and
//! what it reaches in the repository with it. Scripts are read on logical
//! lines ([`crate::shell_lex::logical_lines`]): a continuation, a quote left
//! open and a heredoc body belong to the line that opens them. The reading
//! errs towards "elsewhere": a container word in an `echo` costs a fix,
//! never makes a wrong one.
//!
//! Left out on purpose, because the program still runs from the runner's
//! `PATH`: `cargo zigbuild` (cross-compiles on the host), plain `nix develop`
//! and `nix-shell` (they add to the runner's `PATH`; only `-i`/`--ignore-environment`
//! and `--pure` drop it), `sudo`/`env` (same machine, same programs).

use crate::shell_lex::{self, logical_lines};

/// The first command of `script` that runs its arguments elsewhere, named as
/// written without its options (`docker run`, `docker compose up`, `ssh`).
pub fn runs_elsewhere(script: &str) -> Option<String> {
    logical_lines(script)
        .iter()
        .find_map(|l| elsewhere_in(&l.code).or_else(|| elsewhere_in(&l.body)))
}

/// The first command of `script` that builds an image.
pub fn builds_image(script: &str) -> Option<String> {
    logical_lines(script)
        .iter()
        .find_map(|l| image_build_in(&l.code).or_else(|| image_build_in(&l.body)))
}

/// Actions that build an image (their `RUN` lines run in it, as with
/// [`builds_image`]).
pub const IMAGE_BUILD_ACTIONS: &[&str] = &["docker/build-push-action", "docker/bake-action"];

/// The container engines that share Docker's command line.
const DOCKER_LIKE: &[&str] = &["docker", "podman", "nerdctl"];
/// Global options of those engines that take a value (`docker --context x run`).
const DOCKER_VALUES: &[&str] = &[
    "-c",
    "--context",
    "-H",
    "--host",
    "--config",
    "-l",
    "--log-level",
    "--tlscacert",
    "--tlscert",
    "--tlskey",
    "--connection",
    "--url",
    "--identity",
    "--root",
    "--runroot",
    "--storage-driver",
    "--cgroup-manager",
    "--namespace",
    "-n",
    "--address",
    "-a",
];
/// Compose's own options that take a value (`docker compose -f ci.yml up`).
const COMPOSE_VALUES: &[&str] = &[
    "-f",
    "--file",
    "-p",
    "--project-name",
    "--profile",
    "--env-file",
    "--project-directory",
    "--ansi",
    "--progress",
    "--parallel",
];
/// kubectl's (and OpenShift's `oc`) global options that take a value.
const KUBECTL_VALUES: &[&str] = &[
    "-n",
    "--namespace",
    "--context",
    "--kubeconfig",
    "--cluster",
    "--user",
    "-s",
    "--server",
    "--as",
];
/// Compose subcommands whose services' programs run in their containers.
const COMPOSE_RUNS: &[&str] = &["run", "exec", "up"];
/// cross's subcommands that run cargo (and build scripts) in its image.
const CROSS_RUNS: &[&str] = &["build", "check", "clippy", "test", "bench", "run", "doc", "rustc"];

/// A command in `text` (one logical line) that runs its arguments elsewhere.
pub fn elsewhere_in(text: &str) -> Option<String> {
    segments(text).iter().find_map(|seg| {
        seg.iter().enumerate().find_map(|(i, word)| {
            let program = program(word);
            let args = &seg[i + 1..];
            let named = |sub: &str| Some(format!("{program} {sub}"));
            match program {
                p if DOCKER_LIKE.contains(&p) => {
                    let (at, sub) = subcommand(args, DOCKER_VALUES)?;
                    match sub {
                        "run" | "exec" => named(sub),
                        "container" => {
                            let (_, inner) = subcommand(&args[at + 1..], &[])?;
                            matches!(inner, "run" | "exec").then(|| format!("{program} container {inner}"))
                        }
                        "compose" => {
                            let (_, inner) = subcommand(&args[at + 1..], COMPOSE_VALUES)?;
                            compose_runs(inner, args).then(|| format!("{program} compose {inner}"))
                        }
                        _ => None,
                    }
                }
                "docker-compose" | "podman-compose" => {
                    let (_, sub) = subcommand(args, COMPOSE_VALUES)?;
                    compose_runs(sub, args).then(|| named(sub))?
                }
                "kubectl" | "oc" => {
                    let (_, sub) = subcommand(args, KUBECTL_VALUES)?;
                    matches!(sub, "exec" | "run" | "debug" | "attach").then(|| named(sub))?
                }
                "cross" => {
                    let (_, sub) = subcommand(args, &[])?;
                    CROSS_RUNS.contains(&sub).then(|| named(sub))?
                }
                "vagrant" => (subcommand(args, &[])?.1 == "ssh").then(|| named("ssh"))?,
                "lxc" | "incus" | "multipass" => (subcommand(args, &[])?.1 == "exec").then(|| named("exec"))?,
                "distrobox" => (subcommand(args, &[])?.1 == "enter").then(|| named("enter"))?,
                "toolbox" => (subcommand(args, &[])?.1 == "run").then(|| named("run"))?,
                // buildah-run(1): runs the command in the working container's
                // root filesystem.
                "buildah" => (subcommand(args, &[])?.1 == "run").then(|| named("run"))?,
                // The Dev Containers CLI: `exec` runs in the dev container, `up`
                // runs its lifecycle commands there.
                "devcontainer" => {
                    let (_, sub) = subcommand(args, &[])?;
                    matches!(sub, "exec" | "up").then(|| named(sub))?
                }
                // cibuildwheel builds Linux wheels (and runs CIBW_BEFORE_*) in
                // manylinux/musllinux containers; on macOS and Windows it runs
                // on the runner, which this over-refuses (no fix, the safe side).
                "cibuildwheel" => Some(program.to_string()),
                // Earthly runs every target's recipe in BuildKit containers
                // ("executes all your builds in containers", its docs).
                "earthly" if leads(seg, i) => Some(program.to_string()),
                // Dagger Functions and `dagger call|core|-c|shell` pipelines
                // run in containers the Dagger Engine starts, without the
                // host's files or programs (its "Host Access" docs). `dagger
                // run CMD` runs CMD on the host, but CMD is an SDK client whose
                // work runs in the engine's containers, with their output in
                // the step's log (review84 M5), so it counts as elsewhere; the
                // commands that only manage the CLI, its login, modules or
                // settings run nothing of the project's: those are the
                // runner's. Any other (newer) subcommand counts as elsewhere.
                "dagger" if leads(seg, i) => {
                    let scripted = args
                        .iter()
                        .any(|a| matches!(*a, "-c" | "--command") || a.starts_with("--command="));
                    let sub = args.iter().find(|a| !a.starts_with('-'));
                    (scripted || !sub.is_some_and(|s| DAGGER_ON_HOST.contains(s))).then(|| program.to_string())
                }
                // nektos/act runs each job of a workflow in a Docker
                // container (also as the `gh act` extension).
                "act" if leads(seg, i) || (i > 0 && seg[i - 1] == "gh") => Some(program.to_string()),
                // Snapcraft builds in an LXD or Multipass instance unless
                // told to build on the host (`--destructive-mode`,
                // `SNAPCRAFT_BUILD_ENVIRONMENT=host`), its build options.
                "snapcraft"
                    if leads(seg, i)
                        && !args.contains(&"--destructive-mode")
                        && !seg[..i].contains(&"SNAPCRAFT_BUILD_ENVIRONMENT=host") =>
                {
                    Some(program.to_string())
                }
                "limactl" => (subcommand(args, &[])?.1 == "shell").then(|| named("shell"))?,
                "apptainer" | "singularity" => {
                    let (_, sub) = subcommand(args, &[])?;
                    matches!(sub, "exec" | "run" | "shell").then(|| named(sub))?
                }
                "nix" => {
                    let (_, sub) = subcommand(args, &[])?;
                    (sub == "develop" && args.iter().any(|a| matches!(*a, "-i" | "--ignore-environment")))
                        .then(|| "nix develop --ignore-environment".to_string())
                }
                "nix-shell" => args.contains(&"--pure").then(|| "nix-shell --pure".to_string()),
                // setup-wsl's shell wrappers (`shell: wsl-bash {0}`, one per
                // distribution: `wsl-bash_Ubuntu-24.04`) run the script in WSL.
                p if p.starts_with("wsl-") => Some("wsl".to_string()),
                // ssh as another command's transport (`rsync -e ssh`, `rsync
                // --rsh "ssh -p 2222"`, `git config core.sshCommand "ssh -i
                // key"`) carries that command's files or git's traffic; it
                // runs nothing of the script on the other machine (review87 L5).
                "ssh" if ssh_transport(seg, i) => None,
                "ssh" | "wsl" | "lima" | "chroot" | "arch-chroot" | "schroot" | "systemd-nspawn"
                | "distrobox-enter" | "lxc-attach" | "lxc-execute" => Some(program.to_string()),
                _ => None,
            }
        })
    })
}

/// The `ssh` at `i` is the value of an option that names another command's
/// remote shell: rsync's `-e`/`--rsh` (rsync(1): "--rsh=COMMAND, -e specify
/// the remote shell to use") or git's `core.sshCommand` setting
/// (git-config(1), given to `git config`; the key is case-insensitive).
fn ssh_transport(seg: &[&str], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| seg.get(p))
        .is_some_and(|prev| matches!(*prev, "-e" | "--rsh") || prev.eq_ignore_ascii_case("core.sshCommand"))
}

/// Dagger subcommands that run nothing of the project's (its CLI reference):
/// they manage the CLI, its login, the module list or settings. Not `run`:
/// its command is an SDK client that execs in the engine's containers.
const DAGGER_ON_HOST: &[&str] = &[
    "version",
    "login",
    "logout",
    "config",
    "install",
    "uninstall",
    "update",
    "lock",
    "settings",
    "completion",
    "help",
];

/// The word at `i` is its simple command's program ([`command_start`]: past
/// `sudo`/`env`-like launchers with their options and the values those take,
/// `NAME=value` assignments, the keywords that open a command list, and a
/// shell given its commands as a string), for tools whose name is also a
/// common word (`act`) or that have no subcommand to tell a run from a
/// mention.
fn leads(seg: &[&str], i: usize) -> bool {
    command_start(seg) == i
}

/// A shell's `-c` option, alone or among its single-letter options (`-ec`,
/// `-lc`): the next word is the commands to run.
pub fn takes_command_string(word: &str) -> bool {
    word.strip_prefix('-')
        .is_some_and(|o| !o.starts_with('-') && o.contains('c') && o.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The index of the command word of a simple command's `words`: past the
/// words that run the next command (`sudo`, `env`, `time`, `nohup`, `exec`,
/// `command`, `builtin`, their options and the values those options take, as
/// each documents them; `NAME=value` assignments; the keywords that open a
/// command list) and past a shell that is given its commands as a string
/// (`bash -c`, `bash -o pipefail -c`, `sh -ec`), whose string's first word
/// follows in the same segment.
pub fn command_start(words: &[&str]) -> usize {
    const PREFIXES: &[&str] = &[
        "sudo", "env", "time", "nohup", "exec", "command", "builtin", "then", "do", "else", "!", "if", "elif", "while",
        "until",
    ];
    const SHELLS: &[&str] = &["sh", "bash", "dash", "zsh", "ksh"];
    // Options that take the next word as their value: sudo(8)'s `-u user`,
    // `-g group`, `-h host`, `-p prompt`, `-C num`, `-D dir`, `-U user`,
    // `-r role`, `-t type`, `-T timeout`, `-R dir`; env(1)'s `-u name`,
    // `-C dir`, `-S string`; exec's `-a name`; GNU time's `-f format`,
    // `-o file`. (`time -p` takes none.)
    let takes_value = |prefix: &str, option: &str| match prefix {
        "sudo" => matches!(
            option,
            "-u" | "-g" | "-h" | "-p" | "-C" | "-D" | "-U" | "-r" | "-t" | "-T" | "-R"
        ),
        "env" => matches!(option, "-u" | "-C" | "-S"),
        "exec" => option == "-a",
        "time" => matches!(option, "-f" | "-o"),
        _ => false,
    };
    // A shell's options that take the next word (bash(1): `-o option`,
    // `-O shopt_option`, their `+` forms, `--rcfile file`, `--init-file file`).
    let shell_value = |w: &str| matches!(w, "-o" | "+o" | "-O" | "+O" | "--rcfile" | "--init-file");
    let mut i = 0;
    let mut prefix = "";
    while let Some(&w) = words.get(i) {
        if PREFIXES.contains(&program(w)) {
            prefix = program(w);
            i += 1;
        } else if w.starts_with('-') {
            i += if takes_value(prefix, w) { 2 } else { 1 };
        } else if shell_lex::is_assignment(w) {
            i += 1;
        } else {
            break;
        }
    }
    while words.get(i).is_some_and(|w| SHELLS.contains(&program(w))) {
        let mut j = i + 1;
        let mut string = false;
        while let Some(&w) = words.get(j) {
            if shell_value(w) {
                j += 2;
            } else if w.starts_with('-') || w.starts_with('+') {
                string |= takes_command_string(w);
                j += 1;
            } else {
                break;
            }
        }
        if !string {
            break;
        }
        i = j.min(words.len());
    }
    i.min(words.len())
}

/// Compose's `sub` runs the services' programs in the step's own output:
/// `run` and `exec`, and `up` unless detached (`-d`, `--detach`, `--wait`:
/// the services go on in the background and the step's next commands are
/// the runner's).
fn compose_runs(sub: &str, args: &[&str]) -> bool {
    COMPOSE_RUNS.contains(&sub) && !(sub == "up" && args.iter().any(|a| matches!(*a, "-d" | "--detach" | "--wait")))
}

/// A command in `text` (one logical line) that builds an image.
pub fn image_build_in(text: &str) -> Option<String> {
    segments(text).iter().find_map(|seg| {
        seg.iter().enumerate().find_map(|(i, word)| {
            let program = program(word);
            let args = &seg[i + 1..];
            match program {
                p if DOCKER_LIKE.contains(&p) => {
                    let (at, sub) = subcommand(args, DOCKER_VALUES)?;
                    let rest = &args[at + 1..];
                    let inner = |values| subcommand(rest, values).map(|(_, s)| s);
                    match sub {
                        "build" => Some(format!("{program} build")),
                        "buildx" => matches!(inner(&[])?, "build" | "bake")
                            .then(|| format!("{program} buildx {}", inner(&[]).unwrap_or_default())),
                        "image" | "builder" => (inner(&[])? == "build").then(|| format!("{program} {sub} build")),
                        "compose" => (inner(COMPOSE_VALUES)? == "build").then(|| format!("{program} compose build")),
                        _ => None,
                    }
                }
                "docker-compose" | "podman-compose" => {
                    (subcommand(args, COMPOSE_VALUES)?.1 == "build").then(|| format!("{program} build"))
                }
                "buildah" => matches!(subcommand(args, &[])?.1, "bud" | "build")
                    .then(|| format!("buildah {}", subcommand(args, &[]).map(|(_, s)| s).unwrap_or_default())),
                _ => None,
            }
        })
    })
}

/// A word's program name: its path's last part, without `.exe`.
pub fn program(word: &str) -> &str {
    let base = shell_lex::program_name(word);
    base.strip_suffix(".exe")
        .or_else(|| base.strip_suffix(".EXE"))
        .unwrap_or(base)
}

/// The subcommand among `args`: the first word that is not an option, where
/// an option in `values` (written without `=`) takes the next word. After an
/// option autoheal does not know, the word after it may be that option's
/// value, so the word after that is tried too (a subcommand found either way
/// counts: the reading errs towards "elsewhere").
fn subcommand<'t>(args: &[&'t str], values: &[&str]) -> Option<(usize, &'t str)> {
    let mut i = 0;
    let mut unknown_option = false;
    while i < args.len() {
        let a = args[i];
        if a.starts_with('-') && a.len() > 1 {
            let takes_value = !a.contains('=') && values.contains(&a);
            unknown_option = !a.contains('=') && !takes_value;
            i += 1 + usize::from(takes_value);
            continue;
        }
        if a.starts_with('+') {
            // A toolchain (`cross +nightly build`).
            i += 1;
            continue;
        }
        let known = |w: &str| {
            matches!(
                w,
                "run"
                    | "exec"
                    | "container"
                    | "compose"
                    | "up"
                    | "build"
                    | "buildx"
                    | "bake"
                    | "image"
                    | "builder"
                    | "ssh"
                    | "enter"
                    | "shell"
                    | "debug"
                    | "attach"
                    | "develop"
                    | "bud"
            ) || CROSS_RUNS.contains(&w)
        };
        if unknown_option && !known(a) {
            if let Some(next) = args.get(i + 1).filter(|n| known(n)) {
                return Some((i + 1, next));
            }
        }
        return Some((i, a));
    }
    None
}

/// The simple commands of `text`, each as its words: split at the shell's
/// control operators (`;`, `&`, `|`, parentheses, backticks, braces), quotes
/// and backslashes dropped, so a command quoted inside another
/// (`sh -c "docker run …"`) is read as well.
pub fn segments<'t>(text: &'t str) -> Vec<Vec<&'t str>> {
    let mut out: Vec<Vec<&'t str>> = vec![Vec::new()];
    let mut start: Option<usize> = None;
    let flush = |out: &mut Vec<Vec<&'t str>>, start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            let word = text[s..end].trim_matches(['\'', '"', '\\']);
            if !word.is_empty() {
                if let Some(last) = out.last_mut() {
                    last.push(word);
                }
            }
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            ';' | '&' | '|' | '(' | ')' | '`' | '{' | '}' => {
                flush(&mut out, &mut start, i);
                if out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(Vec::new());
                }
            }
            c if c.is_whitespace() => flush(&mut out, &mut start, i),
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
            }
        }
    }
    flush(&mut out, &mut start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_commands_in_their_long_and_option_led_forms() {
        for (text, want) in [
            ("docker run --rm img pandoc", "docker run"),
            ("sudo docker --context remote run img", "docker run"),
            ("docker -H ssh://ci@host exec app sh", "docker exec"),
            ("docker --tlsverify --foo bar run img", "docker run"),
            ("/usr/bin/docker container exec app sh", "docker container exec"),
            (
                "docker compose -f ci.yml -p ci up --exit-code-from t",
                "docker compose up",
            ),
            ("docker-compose --profile test run --rm t", "docker-compose run"),
            ("podman --remote run img", "podman run"),
            ("kubectl -n ci exec deploy/x -- sh", "kubectl exec"),
            ("cross +nightly test --target x", "cross test"),
            ("sh -c \"docker run img make\"", "docker run"),
            ("x=$(docker exec db psql -c 'select 1')", "docker exec"),
            ("wsl.exe -e make", "wsl"),
            ("gcloud compute ssh vm --command make", "ssh"),
            ("nix develop -i -c make", "nix develop --ignore-environment"),
            ("nix-shell --pure --run make", "nix-shell --pure"),
            ("wsl-bash {0}", "wsl"),
            ("wsl-bash_Ubuntu-24.04 -u root {0}", "wsl"),
            ("docker exec app sh {0}", "docker exec"),
            ("buildah run $ctr -- make", "buildah run"),
            ("devcontainer exec --workspace-folder . make test", "devcontainer exec"),
            ("pipx run cibuildwheel --output-dir wheelhouse", "cibuildwheel"),
            ("python -m cibuildwheel", "cibuildwheel"),
            ("earthly --ci +test", "earthly"),
            ("sudo earthly -P +build", "earthly"),
            // The command position as `command_start` reads it: an option's
            // value of sudo or time, a keyword opening a command list, a
            // shell's command string (the final review's M1: `leads` saw
            // only launchers and options, so these ran "on the runner").
            ("sudo -u ci earthly +build", "earthly"),
            ("time -f %e earthly +build", "earthly"),
            ("if earthly +test; then echo ok; fi", "earthly"),
            ("for t in a b; do snapcraft pack; done", "snapcraft"),
            ("bash -c 'earthly +build'", "earthly"),
            ("dagger call test --source=.", "dagger"),
            ("dagger run go run ./ci", "dagger"),
            ("dagger --progress=plain run npm test", "dagger"),
            ("dagger -c 'container | from alpine | with-exec make'", "dagger"),
            ("dagger --progress=plain call build", "dagger"),
            ("dagger check", "dagger"),
            ("act -j test --container-architecture linux/amd64", "act"),
            ("gh act pull_request", "act"),
            ("snapcraft pack", "snapcraft"),
            ("snapcraft --use-lxd", "snapcraft"),
        ] {
            assert_eq!(elsewhere_in(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "docker pull img",
            "docker compose build",
            "docker compose down -v",
            "docker compose up -d db",
            "docker-compose -f ci.yml up --wait --build",
            "docker login -u x ghcr.io",
            "cargo zigbuild --target x",
            "cross --version",
            "nix develop -c make",
            "nix-shell --run make",
            "ssh-keyscan github.com >> ~/.ssh/known_hosts",
            // ssh as a transport (review87 L5).
            "rsync -az -e ssh dist/ deploy@host:/srv/app",
            "rsync -az --rsh \"ssh -p 2222 -i key\" dist/ deploy@host:/srv/app",
            "git config core.sshCommand \"ssh -i key\"",
            "git config --global core.sshcommand 'ssh -o StrictHostKeyChecking=no'",
            "GIT_SSH_COMMAND='ssh -i key' git fetch",
            "echo run docker",
            "make run",
            "echo act now",
            "git commit -m act",
            "snapcraft --destructive-mode",
            "SNAPCRAFT_BUILD_ENVIRONMENT=host snapcraft pack",
            "echo built with earthly",
            "dagger version",
            "dagger login acme",
        ] {
            assert_eq!(elsewhere_in(text), None, "{text}");
        }
    }

    #[test]
    fn image_builds_and_their_runs_are_told_apart() {
        for (text, want) in [
            ("docker build -t app .", "docker build"),
            ("docker buildx build --push -t app .", "docker buildx build"),
            ("docker --context ci buildx bake", "docker buildx bake"),
            ("docker image build .", "docker image build"),
            ("docker compose -f ci.yml build", "docker compose build"),
            ("buildah bud -t app .", "buildah bud"),
        ] {
            assert_eq!(image_build_in(text).as_deref(), Some(want), "{text}");
            assert_eq!(elsewhere_in(text), None, "{text}");
        }
    }

    #[test]
    fn a_script_is_read_on_its_logical_lines() {
        assert_eq!(
            runs_elsewhere("make\ndocker \\\n  run img pandoc\n").as_deref(),
            Some("docker run")
        );
        assert_eq!(
            runs_elsewhere("bash <<'EOF'\ndocker exec db psql\nEOF\n").as_deref(),
            Some("docker exec")
        );
        assert_eq!(runs_elsewhere("# docker run img\nmake\n"), None);
        assert_eq!(
            builds_image("docker buildx \\\n  build .\n").as_deref(),
            Some("docker buildx build")
        );
    }
}
