//! Code shared by the maintainers' commands in `src/bin/`. Each command has a short name in
//! `.cargo/config.toml` (`cargo wrong-answers`, `cargo soak`, `cargo new-exercise`).

use std::process::ExitCode;

pub mod catalogue;
pub mod files;
pub mod floor;
pub mod process;

/// The `main` of a command that checks things and counts what failed: its parsed arguments (a
/// problem with them is printed with `usage`, exit code 2), then `check`, whose count of
/// failures gives exit code 0 (none) or 1, and whose error (the command could not do its work)
/// is printed after the command's `name`, exit code 2.
pub fn checking_command<O>(
    name: &str,
    usage: &str,
    options: Result<O, String>,
    check: impl FnOnce(&O) -> Result<usize, String>,
) -> ExitCode {
    let options = match options {
        Ok(options) => options,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("{problem}");
            }
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    match check(&options) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(problem) => {
            eprintln!("{name}: {problem}");
            ExitCode::from(2)
        }
    }
}
