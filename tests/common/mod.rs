//! What the project's own checks share: where things are, and how to run a tool.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The exercise crates, as (package name, folder), in chapter order.
pub fn exercise_crates() -> Vec<(String, PathBuf)> {
    let mut crates: Vec<(String, PathBuf)> = std::fs::read_dir(root().join("exercises"))
        .expect("the exercises/ folder is missing")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("Cargo.toml").is_file())
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                path,
            )
        })
        .collect();
    crates.sort_by_key(|(name, _)| chapter_number(name));
    crates
}

fn chapter_number(package: &str) -> u32 {
    package
        .trim_start_matches("chapter")
        .parse()
        .unwrap_or(u32::MAX)
}

/// Every file below `dir` whose name ends with `suffix`, sorted.
pub fn files_below(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    tools::files::files_below(dir, &[])
        .into_iter()
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect()
}

/// A path relative to the repository root, with forward slashes, for messages.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Runs a command from the repository root and returns its output, or a clear failure.
pub fn run(program: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(program);
    command.args(args).current_dir(root());
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|error| panic!("could not run `{program} {}`: {error}", args.join(" ")))
}

/// The combined standard output and error of a command, as text.
pub fn text_of(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The version a tool is pinned to in tools/versions.
pub fn pinned_version(tool: &str) -> String {
    let pins =
        std::fs::read_to_string(root().join("tools/versions")).expect("tools/versions is missing");
    pins.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .find(|(name, _)| *name == tool)
        .map(|(_, rest)| {
            rest.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .unwrap_or_else(|| panic!("tools/versions does not pin {tool}"))
}

/// The extra feature sets an exercise crate's tests also run under: `loom` where the crate has
/// that feature (its exhaustive interleaving tests replace some real-thread tests).
pub fn feature_runs(crate_dir: &Path) -> Vec<Vec<&'static str>> {
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap_or_default();
    let mut runs = vec![Vec::new()];
    if manifest
        .lines()
        .any(|line| line.trim_start().starts_with("loom = ["))
    {
        runs.push(vec!["--features", "loom"]);
    }
    runs
}

/// Every CPython found on this machine, one path per version ("3.11.7"), the PATH's `python3`
/// first: `python3`, `python2.7` and `python3.N` on the PATH, and pyenv's versions beside them.
/// A reader's machine may have only one; the checks skip what is missing.
pub fn cpythons() -> Vec<(String, PathBuf)> {
    let mut candidates: Vec<PathBuf> = vec![PathBuf::from("python3"), PathBuf::from("python2.7")];
    candidates.extend((6..=15).map(|minor| PathBuf::from(format!("python3.{minor}"))));
    if let Some(home) = std::env::var_os("HOME") {
        let pyenv = PathBuf::from(home).join(".pyenv/versions");
        if let Ok(versions) = std::fs::read_dir(pyenv) {
            let mut found: Vec<PathBuf> = versions
                .filter_map(Result::ok)
                .map(|entry| entry.path().join("bin/python"))
                .filter(|path| path.is_file())
                .collect();
            found.sort();
            candidates.extend(found);
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    for candidate in candidates {
        let Ok(output) = Command::new(&candidate)
            .args(["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"])
            .output()
        else {
            continue;
        };
        let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        if output.status.success() && seen.insert(version.clone()) {
            found.push((version, candidate));
        }
    }
    found
}

/// Runs `command` (its output piped) for at most `limit` and returns what it printed; a run
/// still going at the limit is killed and fails the test with `what` in the message. The output
/// is read while the command runs, so a chatty one never blocks on a full pipe.
pub fn output_within(mut command: Command, limit: std::time::Duration, what: &str) -> Output {
    use std::io::Read;
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("could not start {what}: {error}"));
    let read = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|pipe| Box::new(pipe) as Box<dyn Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|pipe| Box::new(pipe) as Box<dyn Read + Send>),
    );
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .expect("could not wait for a child process")
        {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {limit:?}: killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}
