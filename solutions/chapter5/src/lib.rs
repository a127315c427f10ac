//! Reference solutions to chapter 5 of *The GIL, Hands-On*: a scraper and a pipeline.

/// The provided code: the exercise crate's own files, so that there is one copy.
#[path = "../../../exercises/chapter5/src/provided/mod.rs"]
pub mod provided;

#[path = "01_fetch_and_parse.rs"]
pub mod fetch_and_parse;
#[path = "02_threaded.rs"]
pub mod threaded;
#[path = "03_async.rs"]
pub mod r#async;
#[path = "04_chunks.rs"]
pub mod chunks;
#[path = "05_pipeline.rs"]
pub mod pipeline;
#[path = "06_processes.rs"]
pub mod processes;

/// The provided process pool: the exercise crate's own file, so that there is one copy.
#[path = "../../../exercises/chapter5/src/pool.rs"]
pub mod pool;
