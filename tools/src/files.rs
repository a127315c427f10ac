//! Walking the repository's folders.

use std::path::{Path, PathBuf};

/// Every file below `dir`, sorted, skipping the folders in `skip` (and everything below them).
/// A folder that cannot be read is passed over: the callers look for files that are there.
pub fn files_below(dir: &Path, skip: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            if skip.contains(&path) {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
