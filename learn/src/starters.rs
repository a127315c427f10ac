//! The starter code of every exercise, as shipped, so that `learn reset` can put it back without
//! git. It lives in one file, `learn/starter-code.txt`, which a maintainer test keeps equal to
//! the exercise files in the repository (`UPDATE_STARTERS=1 cargo test -p learn --test starters`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the bundle lives, relative to the repository root.
pub const BUNDLE: &str = "learn/starter-code.txt";

const HEADER: &str = "# The starter code of every exercise file, as shipped; `learn reset` restores files from here.\n\
# Regenerate after changing an exercise: UPDATE_STARTERS=1 cargo test -p learn --test starters\n";
const ENTRY: &str = "@@@ ";

/// Exercise file (relative to the root) -> its starter code.
pub type Starters = BTreeMap<PathBuf, String>;

/// Reads the bundle.
pub fn load(root: &Path) -> Result<Starters, String> {
    let text = std::fs::read_to_string(root.join(BUNDLE))
        .map_err(|error| format!("cannot read {BUNDLE}: {error}"))?;
    parse(&text)
}

/// Entries are `@@@ <path> <length in bytes>`, a newline, then exactly that many bytes.
pub fn parse(text: &str) -> Result<Starters, String> {
    let mut starters = Starters::new();
    let mut rest = text;
    while let Some(start) = rest.find(ENTRY) {
        let after = &rest[start + ENTRY.len()..];
        let (line, body) = after.split_once('\n').ok_or("an entry has no content")?;
        let (path, length) = line.rsplit_once(' ').ok_or("an entry has no length")?;
        let length: usize = length
            .parse()
            .map_err(|_| format!("bad length for {path}"))?;
        let content = body
            .get(..length)
            .ok_or_else(|| format!("{path} is cut short"))?;
        starters.insert(PathBuf::from(path), content.to_owned());
        rest = &body[length..];
    }
    Ok(starters)
}

/// Writes the bundle text for the given files.
pub fn render(starters: &Starters) -> String {
    let mut text = HEADER.to_owned();
    for (path, content) in starters {
        text.push_str(&format!(
            "{ENTRY}{} {}\n{content}",
            path.display(),
            content.len()
        ));
    }
    text
}

/// The exercise files as they are now in the repository: every `.rs` under exercises/*/src, and
/// every Python drill under exercises/*/python (not its tests or harness).
pub fn current(root: &Path) -> Starters {
    let mut files = Starters::new();
    let Ok(chapters) = std::fs::read_dir(root.join("exercises")) else {
        return files;
    };
    for chapter in chapters.filter_map(Result::ok) {
        let folders = [chapter.path().join("src"), chapter.path().join("python")];
        let entries = folders
            .iter()
            .filter_map(|folder| std::fs::read_dir(folder).ok())
            .flatten();
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let is_exercise = match path.extension().and_then(|extension| extension.to_str()) {
                Some("rs") => true,
                Some("py") => std::fs::read_to_string(&path)
                    .is_ok_and(|source| source.starts_with("\"\"\"Exercise ")),
                _ => false,
            };
            if is_exercise && let Ok(content) = std::fs::read_to_string(&path) {
                let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                files.insert(relative, content);
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_reads_back_exactly_even_with_markers_inside() {
        let mut starters = Starters::new();
        starters.insert(
            PathBuf::from("exercises/chapter1/src/a.rs"),
            "fn a() {}\n@@@ not an entry 3\n".into(),
        );
        starters.insert(
            PathBuf::from("exercises/chapter1/src/b.rs"),
            "no newline at the end".into(),
        );
        assert_eq!(parse(&render(&starters)).unwrap(), starters);
    }
}
