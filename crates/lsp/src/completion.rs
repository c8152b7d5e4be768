//! Completion by position. Half-typed YAML rarely parses, so the context
//! comes from indentation: the keys of the lines above with less indent
//! are the path to the cursor.

use autoheal_engine::model::FileKind;
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::yaml::{self, NodeKind, ScalarStyle};
use tower_lsp_server::ls_types::{CompletionItem, CompletionItemKind};

use autoheal_engine::rules::{events, schema, shell};

use crate::local_action;

/// One step of the path to the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    /// A sequence item; the 0-based line of its `- `.
    Item(usize),
}

struct Line<'a> {
    /// Column of the `-` of a sequence item line.
    dash: Option<usize>,
    /// Column where the line's content (after any `- `) starts.
    content: usize,
    /// The key on this line, if it has one.
    key: Option<&'a str>,
    /// Text after `key:`, trimmed.
    value: &'a str,
}

fn parse_line(line: &str) -> Option<Line<'_>> {
    let trimmed = line.trim_start_matches(' ');
    if trimmed.trim().is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let indent = line.len() - trimmed.len();
    let (dash, rest) = match trimmed.strip_prefix('-') {
        Some(r) if r.is_empty() || r.starts_with(' ') => (Some(indent), r),
        _ => (None, trimmed),
    };
    let body = rest.trim_start_matches(' ');
    let content = line.len() - body.len();
    let (key, value) = match body.find(':') {
        Some(i) if body[i + 1..].is_empty() || body[i + 1..].starts_with(' ') => {
            let k = body[..i].trim().trim_matches(['"', '\'']);
            (Some(k), body[i + 1..].trim())
        }
        _ => (None, ""),
    };
    Some(Line {
        dash,
        content,
        key: key.filter(|k| !k.is_empty()),
        value,
    })
}

/// The path of keys and items leading to column `col` of line `line_no`.
pub fn path_to(lines: &[&str], line_no: usize, col: usize, cursor_dash: Option<usize>) -> Vec<Seg> {
    let mut path = Vec::new();
    let mut col = col;
    if let Some(d) = cursor_dash {
        path.push(Seg::Item(line_no));
        col = d;
    }
    for n in (0..line_no).rev() {
        let Some(l) = parse_line(lines[n]) else { continue };
        if let Some(d) = l.dash {
            if d == col {
                continue; // a sibling item of the same sequence
            }
            if l.content == col && d < col {
                path.push(Seg::Item(n));
                col = d;
                continue;
            }
            if l.content < col && d < col {
                if let (Some(k), "") = (l.key, l.value) {
                    path.push(Seg::Key(k.to_string()));
                }
                path.push(Seg::Item(n));
                col = d;
            }
        } else if l.content < col {
            match l.key {
                Some(k) => path.push(Seg::Key(k.to_string())),
                None => return Vec::new(),
            }
            col = l.content;
        }
        if col == 0 {
            break;
        }
    }
    path.reverse();
    path
}

/// What the cursor is completing.
#[derive(Debug, PartialEq, Eq)]
enum Slot {
    /// A key of the mapping at `path`.
    Key(Vec<Seg>),
    /// The value of `key` (inline, `key: |`, or a `- |` item below it).
    Value(Vec<Seg>, String),
}

fn slot(text: &str, offset: usize) -> Option<Slot> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let lines: Vec<&str> = text.split('\n').collect();
    let line_no = text[..line_start].matches('\n').count();
    let indent = prefix.len() - prefix.trim_start_matches(' ').len();
    let after_indent = &prefix[indent..];
    let (cursor_dash, body_col) = match after_indent.strip_prefix('-') {
        Some(r) if r.is_empty() || r.starts_with(' ') => (Some(indent), prefix.len() - r.trim_start_matches(' ').len()),
        _ => (None, indent),
    };
    let body = &prefix[body_col..];
    if let Some(i) = body.find(':') {
        let key = body[..i].trim().trim_matches(['"', '\'']).to_string();
        if body[i + 1..].starts_with(' ') || body[i + 1..].is_empty() {
            let mut path = path_to(&lines, line_no, body_col, cursor_dash);
            path.push(Seg::Key(key.clone()));
            return Some(Slot::Value(path, key));
        }
        return None;
    }
    let path = path_to(&lines, line_no, body_col, cursor_dash);
    // `- |` under `needs:` / `runs-on:` completes a value of that key.
    if let [.., Seg::Key(k), Seg::Item(_)] = path.as_slice() {
        if matches!(k.as_str(), "needs" | "runs-on" | "labels" | "branches" | "types") {
            return Some(Slot::Value(path.clone(), k.clone()));
        }
    }
    Some(Slot::Key(path))
}

/// The keys the mapping at `path` takes: the events under `on:`, the
/// engine's schema everywhere else.
fn keys(path: &[Seg], kind: FileKind) -> Vec<&'static str> {
    let names: Vec<&str> = path
        .iter()
        .map(|s| if let Seg::Key(k) = s { k.as_str() } else { "-" })
        .collect();
    match (kind, names.as_slice()) {
        (FileKind::Workflow, ["on"]) => events::EVENTS.iter().map(|(name, _)| *name).collect(),
        _ => schema::keys::keys_at(kind, &names),
    }
}

/// Completion items at byte `offset`.
pub fn complete(
    text: &str,
    offset: usize,
    kind: FileKind,
    runner_labels: &[String],
    repo: &dyn RepoFiles,
) -> Vec<CompletionItem> {
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) || inside_block_scalar(text, offset) {
        return Vec::new();
    }
    let Some(slot) = slot(text, offset) else {
        return Vec::new();
    };
    match slot {
        Slot::Key(path) => {
            if let Some(uses) = with_of_step(text, &path) {
                return local_action::inputs(repo, &uses)
                    .into_iter()
                    .map(|i| {
                        item(
                            &i.name,
                            CompletionItemKind::PROPERTY,
                            Some(format!("{}: ", i.name)),
                            i.description,
                        )
                    })
                    .collect();
            }
            let present = sibling_keys(text, offset);
            keys(&path, kind)
                .iter()
                .filter(|k| !present.iter().any(|p| p == *k))
                .map(|k| item(k, CompletionItemKind::PROPERTY, Some(format!("{k}: ")), None))
                .collect()
        }
        Slot::Value(path, key) => match (kind, key.as_str()) {
            (FileKind::Workflow, "needs") => {
                let this_job = match path.as_slice() {
                    [Seg::Key(j), Seg::Key(id), ..] if j == "jobs" => Some(id.clone()),
                    _ => None,
                };
                job_ids(text)
                    .into_iter()
                    .filter(|id| Some(id) != this_job.as_ref())
                    .map(|id| item(&id, CompletionItemKind::REFERENCE, None, None))
                    .collect()
            }
            (FileKind::Workflow, "runs-on" | "labels") => {
                let mut labels: Vec<&str> = runner_labels.iter().map(String::as_str).collect();
                for hosted in autoheal_engine::rules::runner_label::hosted_labels() {
                    labels.push(hosted);
                }
                labels.push("self-hosted");
                labels
                    .into_iter()
                    .map(|l| item(l, CompletionItemKind::VALUE, None, Some("runner label".into())))
                    .collect()
            }
            (_, "shell") => shell::SHELLS
                .iter()
                .map(|s| item(s, CompletionItemKind::VALUE, None, None))
                .collect(),
            _ => Vec::new(),
        },
    }
}

fn item(label: &str, kind: CompletionItemKind, insert: Option<String>, detail: Option<String>) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        insert_text: insert,
        detail,
        ..Default::default()
    }
}

/// Job ids of the workflow, from the tolerant parse.
fn job_ids(text: &str) -> Vec<String> {
    let doc = yaml::parse(text.as_bytes());
    let Some(root) = doc.root.as_ref() else {
        return Vec::new();
    };
    autoheal_engine::model::Workflow::new(root)
        .jobs
        .iter()
        .map(|j| j.id.to_string())
        .collect()
}

/// Inside a `run: |` block or another block scalar nothing is completed.
fn inside_block_scalar(text: &str, offset: usize) -> bool {
    let doc = yaml::parse(text.as_bytes());
    let Some(root) = doc.root.as_ref() else { return false };
    let mut inside = false;
    root.walk(&mut |n| {
        if let NodeKind::Scalar(s) = &n.kind {
            if matches!(s.style, ScalarStyle::Literal | ScalarStyle::Folded)
                && n.span.start < offset
                && offset <= n.span.end
            {
                inside = true;
            }
        }
    });
    inside
}

/// Keys already present in the mapping the cursor line belongs to.
fn sibling_keys(text: &str, offset: usize) -> Vec<String> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let lines: Vec<&str> = text.split('\n').collect();
    let line_no = text[..line_start].matches('\n').count();
    let Some(cur) = lines.get(line_no) else {
        return Vec::new();
    };
    let col = cur.len() - cur.trim_start_matches([' ', '-']).len();
    let mut out = Vec::new();
    // A new `- ` item starts a fresh mapping: nothing above belongs to it.
    let dirs: &[isize] = if cur.trim_start().starts_with('-') {
        &[1]
    } else {
        &[-1, 1]
    };
    for &dir in dirs {
        let mut n = line_no as isize + dir;
        while n >= 0 && (n as usize) < lines.len() {
            if let Some(l) = parse_line(lines[n as usize]) {
                if l.content < col || (l.dash.is_some() && l.content == col && dir == 1) {
                    break;
                }
                if l.content == col {
                    if let Some(k) = l.key {
                        out.push(k.to_string());
                    }
                    if l.dash.is_some() {
                        break;
                    }
                }
            }
            n += dir;
        }
    }
    out
}

/// Under `steps: - with:`, the `uses:` of that step.
fn with_of_step(text: &str, path: &[Seg]) -> Option<String> {
    let [.., Seg::Key(steps), Seg::Item(item_line), Seg::Key(with)] = path else {
        return None;
    };
    if steps != "steps" || with != "with" {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let first = parse_line(lines.get(*item_line)?)?;
    let item_col = first.content;
    for (n, line) in lines.iter().enumerate().skip(*item_line) {
        let Some(l) = parse_line(line) else { continue };
        if n > *item_line && (l.content < item_col || l.dash.is_some_and(|d| d < item_col)) {
            break;
        }
        if l.content == item_col && l.key == Some("uses") {
            return Some(l.value.trim_matches(['"', '\'']).to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests;
