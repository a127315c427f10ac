//! The worker program of the pipeline's process pool (exercise 5.6): reads chunks of records on
//! stdin, writes the processed records on stdout. See `src/pool.rs`.

fn main() {
    if let Err(error) = chapter5::pool::serve() {
        // stdout belongs to the protocol: complaints go to stderr.
        eprintln!("chapter5 worker: {error}");
        std::process::exit(1);
    }
}
