//! Running a child command with a time limit, its standard output and error merged in the order
//! written, and everything it started killed when the limit passes.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How a limited run ended.
#[derive(Debug)]
pub struct Finished {
    /// `None` when the limit passed and the run was killed.
    pub status: Option<ExitStatus>,
    /// Standard output and error, interleaved as written.
    pub output: String,
    pub elapsed: Duration,
}

impl Finished {
    pub fn timed_out(&self) -> bool {
        self.status.is_none()
    }

    pub fn success(&self) -> bool {
        self.status.is_some_and(|status| status.success())
    }
}

/// Runs `command` for at most `limit`. The child gets a process group of its own, so a test
/// binary that cargo started is killed with it.
pub fn run_limited(mut command: Command, limit: Duration) -> std::io::Result<Finished> {
    let (mut reader, writer) = std::io::pipe()?;
    command
        .stdin(Stdio::null())
        .stdout(writer.try_clone()?)
        .stderr(writer)
        .process_group(0);
    let started = Instant::now();
    let mut child = command.spawn()?;
    // `command` holds our copies of the pipe's write end: drop them, so the reader sees the end
    // of the output when the child's group exits.
    drop(command);
    let collector = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > limit {
            kill_group(child.id());
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    // A grandchild left running (a test binary after cargo died) would keep the pipe open.
    kill_group(child.id());
    let output = collector.join().unwrap_or_default();
    Ok(Finished {
        status,
        output,
        elapsed,
    })
}

/// Kills every process of the group the child leads (without `unsafe`: through `kill(1)`).
pub fn kill_group(leader: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{leader}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// The target directory cargo uses for the workspace at `root` (honours `CARGO_TARGET_DIR` and
/// `build.target-dir`), from `cargo metadata`.
pub fn target_dir(root: &Path) -> Result<PathBuf, String> {
    let output = Command::new(cargo())
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .map_err(|error| format!("cannot run cargo metadata: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("cargo metadata printed no JSON: {error}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata names no target directory".to_owned())
}

/// The cargo that runs us (`cargo run` sets `CARGO`), or the one on the PATH.
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// The repository root: the parent of this crate's folder.
pub fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The executables a `cargo test --no-run --message-format=json` build produced.
pub fn test_executables(json_lines: &str) -> Vec<PathBuf> {
    json_lines
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| message["profile"]["test"] == true)
        .filter_map(|message| message["executable"].as_str().map(PathBuf::from))
        .collect()
}

/// The compiler's first error in a `--message-format=json` build, as one line.
pub fn first_compiler_error(json_lines: &str) -> Option<String> {
    json_lines
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-message")
        .map(|message| message["message"].clone())
        .find(|diagnostic| diagnostic["level"] == "error")
        .map(|diagnostic| {
            let text = diagnostic["message"].as_str().unwrap_or("an error");
            let code = diagnostic["code"]["code"]
                .as_str()
                .map(|code| format!("[{code}]"))
                .unwrap_or_default();
            let place = diagnostic["spans"]
                .as_array()
                .and_then(|spans| {
                    spans
                        .iter()
                        .find(|span| span["is_primary"] == true)
                        .or(spans.first())
                })
                .map(|span| {
                    format!(
                        " at {}:{}",
                        span["file_name"].as_str().unwrap_or("?"),
                        span["line_start"]
                    )
                })
                .unwrap_or_default();
            format!("error{code}: {text}{place}")
        })
}
