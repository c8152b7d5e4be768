//! Hover text: rule docs on a diagnostic, the last recorded failure on a
//! step, a local action's inputs on `uses:`, and what an expression
//! context or function is inside `${{ }}`.

use autoheal_engine::model::Workflow;
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::yaml::{self, Node, PathSegment};
use autoheal_engine::{TextRange, rules};

use crate::analysis::Analysis;
use autoheal_expr as expr;

use crate::{code_actions, local_action};

/// Markdown and the range it describes.
pub fn hover(analysis: &Analysis, offset: usize, repo: &dyn RepoFiles) -> Option<(String, TextRange)> {
    let text = &*analysis.snapshot.text;
    let mut sections = Vec::new();
    let mut range = None;
    for d in analysis.diagnostics.iter().filter(|d| d.range.touches(offset)) {
        range.get_or_insert(d.range);
        let docs = rules::docs::page(d.rule)
            .map(str::to_string)
            .or_else(|| rules::rule(d.rule).map(|r| r.summary.to_string()));
        let mut s = format!("**autoheal `{}`**: {}", d.rule, d.message);
        if let Some(docs) = docs {
            s.push_str("\n\n");
            s.push_str(docs.trim());
        }
        sections.push(s);
    }
    let notes = code_actions::fix_notes(analysis, offset);
    if !notes.is_empty() {
        sections.push(format!(
            "**Fixes**\n\n{}",
            notes.iter().map(|n| format!("- {n}")).collect::<Vec<_>>().join("\n")
        ));
    }
    let doc = yaml::parse(text.as_bytes());
    if let Some(root) = doc.root.as_ref() {
        if let Some((s, r)) = expression(text, offset).or_else(|| uses(root, offset, repo)) {
            range.get_or_insert(r);
            sections.push(s);
        }
        if let Some((s, r)) = step_failure(analysis, root, offset) {
            range.get_or_insert(r);
            sections.push(s);
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some((sections.join("\n\n---\n\n"), range.unwrap_or(TextRange::empty(offset))))
}

/// The last recorded failure of the step (or job) under the cursor.
fn step_failure(analysis: &Analysis, root: &Node, offset: usize) -> Option<(String, TextRange)> {
    let wf = Workflow::new(root);
    let job = wf
        .jobs
        .iter()
        .find(|j| j.entry.key.span.cover(j.node().span).touches(offset))?;
    let area = job
        .steps
        .iter()
        .find(|s| s.node.span.touches(offset))
        .map_or(job.entry.key.span.cover(job.node().span), |s| s.node.span);
    let f = analysis.failures.iter().find(|f| area.touches(f.range.start))?;
    let mut s = format!("**Last recorded failure** ({})\n\n{}", f.location, f.message);
    if !f.evidence.is_empty() {
        s.push_str("\n\n```text\n");
        s.push_str(&f.evidence.join("\n"));
        s.push_str("\n```");
    }
    Some((s, area))
}

/// On `uses:`: what the action is and, for a local one, its inputs.
fn uses(root: &Node, offset: usize, repo: &dyn RepoFiles) -> Option<(String, TextRange)> {
    let path = root.path_at(offset);
    let Some(PathSegment::Value(e)) = path.last() else {
        return None;
    };
    if e.key.as_str() != Some("uses") {
        return None;
    }
    let uses = e.value.as_str()?;
    if uses.starts_with("./") {
        let file = local_action::target_file(repo, uses)?;
        let inputs = local_action::inputs(repo, uses);
        let mut s = format!("**Local action** `{file}`");
        if !inputs.is_empty() {
            s.push_str("\n\nInputs:\n\n");
            s.push_str(&local_action::inputs_markdown(&inputs));
        }
        return Some((s, e.value.span));
    }
    if let Some(image) = uses.strip_prefix("docker://") {
        return Some((format!("**Docker image** `{image}`"), e.value.span));
    }
    let (name, reference) = uses.split_once('@')?;
    let repo_part: Vec<&str> = name.splitn(3, '/').collect();
    if repo_part.len() < 2 {
        return None;
    }
    let url = format!("https://github.com/{}/{}", repo_part[0], repo_part[1]);
    Some((format!("**Action** `{name}` at `{reference}`\n\n{url}"), e.value.span))
}

/// Inside `${{ … }}`: the context or function under the cursor.
fn expression(text: &str, offset: usize) -> Option<(String, TextRange)> {
    let bytes = text.as_bytes();
    let line_start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let rel = offset - line_start;
    let open = line[..rel.min(line.len())].rfind("${{")?;
    if line[open..rel.min(line.len())].contains("}}") {
        return None;
    }
    let close = line[rel.min(line.len())..].find("}}")? + rel;
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let mut start = offset;
    while start > line_start + open + 3 && is_word(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = offset;
    while end < line_start + close && is_word(bytes[end]) {
        end += 1;
    }
    if start == end {
        return None;
    }
    let word = &text[start..end];
    let range = TextRange::new(start, end);
    let after = text[end..].trim_start();
    if after.starts_with('(') {
        return expr::function_description(word).map(|d| (d.to_string(), range));
    }
    // Only the first segment of `a.b.c` names a context.
    let first_of_chain = start == 0 || bytes[start - 1] != b'.';
    if first_of_chain {
        return expr::context_description(word).map(|d| (format!("**`{word}`** context: {d}"), range));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_and_functions_inside_expressions() {
        let text = "if: ${{ github.ref == 'x' && contains(matrix.os, 'u') }}\nname: github\n";
        let at = |needle: &str| text.find(needle).unwrap() + 1;
        assert!(expression(text, at("github.ref")).unwrap().0.contains("workflow run"));
        assert!(expression(text, at("contains")).unwrap().0.starts_with("`contains("));
        assert!(expression(text, at("matrix")).unwrap().0.contains("matrix"));
        assert!(
            expression(text, at("ref ==")).is_none(),
            "property names are not contexts"
        );
        assert!(
            expression(text, text.rfind("github").unwrap() + 1).is_none(),
            "outside ${{{{ }}}}"
        );
    }
}
