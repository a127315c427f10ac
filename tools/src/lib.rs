//! Code shared by the maintainers' commands in `src/bin/`. Each command has a short name in
//! `.cargo/config.toml` (`cargo wrong-answers`, `cargo soak`, `cargo new-exercise`).

pub mod catalogue;
pub mod process;
