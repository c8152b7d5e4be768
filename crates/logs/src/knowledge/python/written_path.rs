//! Whether the path of a `FileNotFoundError` is one the program was writing.
//!
//! Python raises the same `FileNotFoundError: [Errno 2] No such file or
//! directory: '{path}'` for a file it reads that does not exist and for a file
//! it writes whose parent directory does not exist: `open()` in the `w`, `a`
//! and `x` modes creates the file, and fails with ENOENT only when a directory
//! on the way is missing (Python's `open()` docs; POSIX `open(2)` with
//! `O_CREAT`). An output path did not move anywhere, so it is never a file to
//! find elsewhere in the repository.
//!
//! Two places tell: the traceback's last frame (the source line Python prints
//! under its `File "…", line N, in …` line, above the error), and the step's
//! command line, where an output is an option's value (`--out results/m.json`)
//! or a redirection's target.

use crate::classify::catalogue::util::regex;

/// What the traceback above the error shows of the call that raised it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastFrame {
    /// The last frame's source line writes or creates a path.
    Writes,
    /// The last frame's source line does not write.
    Other,
    /// No frame with a source line in the lines above.
    Unseen,
}

/// Reads the last frame of the traceback in `recent` (the lines just above
/// the error, oldest first): Python prints each frame as `  File "…", line N,
/// in …` and its source line under it, and from 3.11 a line of `^`/`~` marks
/// under that.
pub fn last_frame(recent: &[&str]) -> LastFrame {
    let heading = regex!(r#"^File "[^"]*", line \d+"#);
    let mut source: Option<&str> = None;
    for line in recent.iter().rev() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.chars().all(|c| matches!(c, '^' | '~' | ' ')) {
            continue;
        }
        if heading.is_match(trimmed) {
            return match source {
                Some(text) if writes(text) => LastFrame::Writes,
                // A library's frame (pandas' `get_handle`, matplotlib's
                // `savefig`, `torch.save`) or an `open()` whose mode is a
                // variable opens for reading and writing alike: which one
                // is not shown (finlogs18 H1), so nothing is read from it.
                // A library's own `open()` whose arguments show no mode or a
                // reading one (papermill's `open(path, encoding="utf-8")`)
                // still reads; `handle = open(` (its arguments on lines the
                // traceback leaves out, as pandas') does not show it.
                Some(text) if mode_not_shown(text) || (library_frame(trimmed) && !opens_with_arguments_shown(text)) => {
                    LastFrame::Unseen
                }
                Some(_) => LastFrame::Other,
                None => LastFrame::Unseen,
            };
        }
        if source.is_some() {
            // Two lines that are not a frame's heading: no traceback here.
            return LastFrame::Unseen;
        }
        source = Some(trimmed);
    }
    LastFrame::Unseen
}

/// A frame heading (`File "…", line N, in …`) in an installed library or
/// the standard library (`site-packages`, `dist-packages`, `lib/pythonX.Y`,
/// Windows' `Lib\`, a frozen module): its call serves every caller, so its
/// source line says nothing about whether this path was read or written.
fn library_frame(heading: &str) -> bool {
    regex!(r#"^File "[^"]*(?:site-packages|dist-packages|[/\\][Ll]ib[/\\]python\d|\\Lib\\|<frozen)"#).is_match(heading)
}

/// An `open(…)` call whose arguments the source line shows whole.
fn opens_with_arguments_shown(source: &str) -> bool {
    regex!(r"\bopen\([^)]+\)").is_match(source)
}

/// An `open()` whose mode is not a literal (`open(handle, ioargs.mode)`,
/// `open(fname, flag, …)`, `mode=mode`): read or write, not shown.
fn mode_not_shown(source: &str) -> bool {
    regex!(r#"\bopen\([^,()]+,\s*[A-Za-z_][\w.]*\s*[,)]|\bmode\s*=\s*[A-Za-z_]"#).is_match(source)
}

/// A source line that writes or creates a path: `open()` with a mode that
/// creates (`w`, `a`, `x`, with `b`/`t`/`+`), pandas' and NumPy's `to_*` and
/// `save*` calls, `json.dump`/`pickle.dump`, pathlib's `write_*`, `touch`,
/// `mkdir`, and the copies, moves and renames (whose missing path may be the
/// destination's directory).
pub fn writes(source: &str) -> bool {
    regex!(
        r#"(?x)
        \bopen\(.*['"][rbt+]*[wax][rbt+]*['"]
        | \.to_[a-z_]+\(
        | \bsave[a-z_]*\(
        | \bdump\(
        | \bwrite[a-z_]*\(
        | \btouch\(
        | \b(?:mkdir|makedirs)\(
        | \b(?:copy[a-z_0-9]*|move|rename|replace|symlink|link)\(
        "#
    )
    .is_match(source)
}

/// `path` is the value of an output option on the step's command line (`-o`,
/// `--out…`, `--output…`, `--save…`, `--dest…`, as a separate word or after
/// `=`) or a redirection's target (`>`, `>>`).
pub fn is_output_argument(script: &str, path: &str) -> bool {
    let unquote = |word: &str| word.trim_matches(|c| c == '"' || c == '\'').to_string();
    for line in script.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            if let Some((option, value)) = word.split_once('=')
                && is_output_option(option)
                && unquote(value) == path
            {
                return true;
            }
            if let Some(target) = word.strip_prefix(">>").or_else(|| word.strip_prefix('>'))
                && !target.is_empty()
                && unquote(target) == path
            {
                return true;
            }
            let takes_value = is_output_option(word) || matches!(*word, ">" | ">>" | "1>" | "1>>");
            if takes_value && words.get(i + 1).is_some_and(|next| unquote(next) == path) {
                return true;
            }
        }
    }
    false
}

fn is_output_option(word: &str) -> bool {
    word == "-o"
        || ["--out", "--save", "--dest"]
            .iter()
            .any(|prefix| word.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_frame_or_a_variable_mode_shows_neither_read_nor_write() {
        // pandas' `to_csv` and `read_csv` both end in this frame.
        let pandas = [
            "Traceback (most recent call last):",
            "  File \"/home/runner/work/r/r/eval.py\", line 9, in <module>",
            "    df.pipe(save)",
            "  File \"/opt/hostedtoolcache/Python/3.12.4/x64/lib/python3.12/site-packages/pandas/io/common.py\", \
             line 873, in get_handle",
            "    handle = open(",
        ];
        assert_eq!(last_frame(&pandas), LastFrame::Unseen);
        let windows = [
            "  File \"C:\\hostedtoolcache\\windows\\Python\\3.12.4\\x64\\Lib\\site-packages\\matplotlib\\figure.py\", \
             line 3395, in savefig",
            "    self.canvas.print_figure(fname, **kwargs)",
        ];
        assert_eq!(last_frame(&windows), LastFrame::Unseen);
        let variable_mode = [
            "  File \"/home/runner/work/r/r/tools/io.py\", line 4, in dump_to",
            "    fh = open(fname, flag, encoding=encoding)",
        ];
        assert_eq!(last_frame(&variable_mode), LastFrame::Unseen);
        // A library's own literal read stays a read.
        let library_read = [
            "  File \"C:\\t\\Python\\3.11.9\\x64\\Lib\\site-packages\\papermill\\iorw.py\", line 189, in read",
            "    with open(path, encoding=\"utf-8\") as f:",
        ];
        assert_eq!(last_frame(&library_read), LastFrame::Other);
        assert!(mode_not_shown("handle = open(handle, ioargs.mode)"));
        assert!(!mode_not_shown("with open(path, encoding=\"utf-8\") as f:"));
        // The project's own read, with no mode: a read.
        let read = [
            "  File \"/home/runner/work/r/r/train.py\", line 12, in <module>",
            "    with open(args.config) as f:",
        ];
        assert_eq!(last_frame(&read), LastFrame::Other);
    }

    #[test]
    fn the_last_frame_is_read_under_its_heading() {
        let write = [
            "Traceback (most recent call last):",
            "  File \"/home/runner/work/a/a/evaluate.py\", line 41, in <module>",
            "    with open(args.out, \"w\") as f:",
            "         ^^^^^^^^^^^^^^^^^^^",
        ];
        assert_eq!(last_frame(&write), LastFrame::Writes);
        let read = [
            "  File \"C:\\x\\papermill\\iorw.py\", line 189, in read",
            "    with open(path, encoding=\"utf-8\") as f:",
            "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        ];
        assert_eq!(last_frame(&read), LastFrame::Other);
        assert_eq!(last_frame(&["accuracy: 0.9", "done"]), LastFrame::Unseen);
        assert_eq!(last_frame(&[]), LastFrame::Unseen);
    }

    #[test]
    fn writes_and_reads() {
        for line in [
            "with open(args.out, \"w\") as f:",
            "open(path, mode='ab')",
            "fh = open(p, \"x\")",
            "df.to_csv(out_path, index=False)",
            "plt.savefig(args.figure)",
            "json.dump(metrics, open(path, 'w'))",
            "Path(out).write_text(report)",
            "os.makedirs(os.path.dirname(out))",
            "shutil.copyfile(src, dst)",
            "np.save(out, weights)",
        ] {
            assert!(writes(line), "{line}");
        }
        for line in [
            "with open(path, encoding=\"utf-8\") as f:",
            "with open(args.config) as f:",
            "data = json.load(open(path, 'rb'))",
            "df = pd.read_csv(path)",
            "raise e",
        ] {
            assert!(!writes(line), "{line}");
        }
    }

    #[test]
    fn output_arguments() {
        let script = "python evaluate.py --model model.pt --out results/metrics.json";
        assert!(is_output_argument(script, "results/metrics.json"));
        assert!(!is_output_argument(script, "model.pt"));
        assert!(is_output_argument("python run.py --output-dir=out/run1", "out/run1"));
        assert!(is_output_argument(
            "python report.py -o 'reports/a.html'",
            "reports/a.html"
        ));
        assert!(is_output_argument("python dump.py > logs/out.txt", "logs/out.txt"));
        assert!(is_output_argument("python dump.py >logs/out.txt", "logs/out.txt"));
        assert!(is_output_argument("python fit.py --save-path ckpt/m.pt", "ckpt/m.pt"));
        assert!(!is_output_argument(
            "python fit.py --config configs/base.yaml",
            "configs/base.yaml"
        ));
        assert!(!is_output_argument(
            "papermill notebooks/train.ipynb out/train.ipynb",
            "notebooks/train.ipynb"
        ));
    }
}
