//! Draws chapter 2's pictures from the reference solutions into `src/ch02/img/`:
//!
//!     cargo run -p chapter2-solution --example pictures
//!
//! The scenarios live in `src/pictures.rs`; they are the ones the exercises' tests snapshot, so
//! the book's pictures and the answer key show the same timelines.

use std::path::Path;

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/ch02/img");
    for picture in chapter2::pictures::all() {
        let path = folder.join(picture.file);
        // A final newline, as the project's picture check draws them.
        let drawn = support::timeline::svg(&picture.timeline, picture.title) + "\n";
        std::fs::write(&path, drawn)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        println!("wrote {}", path.display());
    }
}
