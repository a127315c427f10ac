//! The worker program of the process pool (exercises 4.1 and 4.2): a child process that reads
//! requests on stdin and writes replies on stdout. See `src/worker.rs`.

fn main() {
    if let Err(error) = chapter4::worker::serve() {
        // stdout belongs to the protocol: complaints go to stderr.
        eprintln!("chapter4 worker: {error}");
        std::process::exit(1);
    }
}
