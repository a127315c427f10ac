//! Where a chapter checks every interleaving with loom (behind its `loom` feature), the
//! reference solution must pass those tests too: `cargo test -p chapterN-solution --features loom`.

mod common;

use common::{exercise_crates, feature_runs, run, text_of};

#[test]
fn every_solution_passes_its_loom_tests() {
    for (package, dir) in exercise_crates() {
        for features in feature_runs(&dir)
            .into_iter()
            .filter(|features| !features.is_empty())
        {
            let solution = format!("{package}-solution");
            let mut args = vec!["test", "-p", &solution, "--color", "never", "--tests"];
            args.extend(&features);
            let output = run(env!("CARGO"), &args, &[]);
            assert!(
                output.status.success(),
                "`cargo {}` failed:\n{}",
                args.join(" "),
                text_of(&output)
            );
        }
    }
}
