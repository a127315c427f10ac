//! Finding a program of this workspace from an example that needs to start it.

use std::path::PathBuf;

/// The program `name` of `package`, as `cargo build --release -p <package>` left it. Examples
/// do not get the `CARGO_BIN_EXE_<name>` variables that tests get, but cargo puts a package's
/// programs and its examples in the same profile folder: `target/<profile>/` and
/// `target/<profile>/examples/`. The error says which command builds the program.
pub fn built_program(package: &str, name: &str) -> Result<PathBuf, String> {
    let example =
        std::env::current_exe().map_err(|error| format!("cannot find this example: {error}"))?;
    let profile_dir = example
        .parent()
        .and_then(|examples| examples.parent())
        .ok_or("this example does not run from target/<profile>/examples/")?;
    let program = profile_dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if program.exists() {
        Ok(program)
    } else {
        Err(format!(
            "the program {name} is not built: run `cargo build --release -p {package}` first \
             (looked for {})",
            program.display()
        ))
    }
}
