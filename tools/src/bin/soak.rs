//! `cargo soak [--rounds R] [--load busy|build|none] [--test-threads N] [--backtrace]`: runs the
//! reference solutions' tests round after round on a busy machine, to show that a right answer
//! never fails however slow the machine is (issue 17).
//!
//! It builds every solution's tests once, runs each test binary once on the machine as it is
//! (the "idle" times), then starts the load and runs R rounds of every test binary beside it:
//! - `busy` (the default): one busy loop per core, like `yes > /dev/null` on each;
//! - `build`: a `cargo build` of the learner's runner into a scratch target dir, over and over,
//!   like rust-analyzer checking the workspace on every save;
//! - `none`: no load.
//!
//! It ends with the slowest tests (idle and loaded) and `soak: R rounds, F failures`, and exits
//! non-zero when a test failed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use support::testkit::median;
use tools::files::files_below;
use tools::process::{self, Finished};

const USAGE: &str = "usage: cargo soak [--rounds R] [--load busy|build|none] [--test-threads N] [--backtrace] [-p PACKAGE]...
  --rounds R        rounds of every solution test binary beside the load (default 10)
  --load MODE       busy: one busy loop per core (default); build: a cargo build of another
                    crate, over and over; none: no load
  --test-threads N  passed to every test binary (libtest's own default: one per core)
  --backtrace       runs the tests with RUST_BACKTRACE=1
  -p PACKAGE        only this solution package (repeatable), e.g. -p chapter3-solution";

/// A test binary stuck for this long is killed and counted as a failure: the watchdog ends any
/// hang in learner code long before.
const BINARY_LIMIT: Duration = Duration::from_secs(300);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    Busy,
    Build,
    None,
}

struct Options {
    rounds: usize,
    load: Load,
    test_threads: Option<usize>,
    backtrace: bool,
    packages: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        rounds: 10,
        load: Load::Busy,
        test_threads: None,
        backtrace: false,
        packages: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--rounds" => {
                options.rounds = value("--rounds")?
                    .parse()
                    .map_err(|_| "--rounds needs a number")?;
            }
            "--load" => {
                options.load = match value("--load")?.as_str() {
                    "busy" => Load::Busy,
                    "build" => Load::Build,
                    "none" => Load::None,
                    other => return Err(format!("unknown load `{other}`")),
                };
            }
            "--test-threads" => {
                options.test_threads = Some(
                    value("--test-threads")?
                        .parse()
                        .map_err(|_| "--test-threads needs a number")?,
                );
            }
            "--backtrace" => options.backtrace = true,
            "-p" | "--package" => options.packages.push(value("-p")?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    tools::checking_command("soak", USAGE, parse_args(), soak)
}

/// One test binary of a solution package, and where cargo would run it from.
struct TestBinary {
    package: String,
    exe: PathBuf,
    dir: PathBuf,
}

/// How long one test took: on the machine as it was before the load, and under the load.
#[derive(Default)]
struct Timing {
    idle: Option<f64>,
    loaded: Vec<f64>,
}

/// Runs the soak; returns the number of failures.
fn soak(options: &Options) -> Result<usize, String> {
    let root = process::repository_root();
    let binaries = build(&root, &options.packages)?;
    let env = config_env(&root);
    let mut timings: BTreeMap<String, Timing> = BTreeMap::new();

    println!(
        "soak: {} test binaries; one round before the load for the idle times",
        binaries.len()
    );
    let idle_started = Instant::now();
    for binary in &binaries {
        let run = run_binary(binary, options, &env)?;
        for (test, seconds) in test_times(&run.output) {
            timings
                .entry(format!("{} {test}", binary.package))
                .or_default()
                .idle = Some(seconds);
        }
        if !run.success() {
            println!(
                "  before the load, {} already fails: {}",
                binary.package,
                failure_summary(&run)
            );
        }
    }
    println!("idle round: {:.1} s", idle_started.elapsed().as_secs_f64());

    let load = LoadRunner::start(options.load, &root)?;
    let mut failures = 0;
    let mut rounds_run = 0;
    let tests_as_built = test_inputs_fingerprint(&root);
    for round in 1..=options.rounds {
        // The binaries read their snapshots from the checkout: edited or merged snapshots would
        // fail them, which says nothing about the load.
        if test_inputs_fingerprint(&root) != tests_as_built {
            println!(
                "soak stopped: files under exercises/ or solutions/ changed since the build \
                 (an edit or a merge); the rounds after that would not test the load"
            );
            break;
        }
        rounds_run = round;
        let started = Instant::now();
        let mut failed_here = Vec::new();
        let mut slowest_here = (String::new(), 0.0_f64);
        for binary in &binaries {
            let run = run_binary(binary, options, &env)?;
            for (test, seconds) in test_times(&run.output) {
                let name = format!("{} {test}", binary.package);
                if seconds > slowest_here.1 {
                    slowest_here = (name.clone(), seconds);
                }
                timings.entry(name).or_default().loaded.push(seconds);
            }
            if !run.success() {
                let failed = failing_tests(&run);
                failures += failed.len().max(1);
                failed_here.push(format!("{}: {}", binary.package, failure_summary(&run)));
            }
        }
        println!(
            "round {round}/{}: {:.1} s, {} (slowest: {} {:.3} s; failures so far: {failures})",
            options.rounds,
            started.elapsed().as_secs_f64(),
            if failed_here.is_empty() {
                "all passed".to_owned()
            } else {
                format!("FAILED: {}", failed_here.join("; "))
            },
            slowest_here.0,
            slowest_here.1,
        );
        // A long soak may be stopped early: the summary so far, every 10 rounds.
        if round % 10 == 0 && round < options.rounds {
            print_slowest(&timings);
        }
    }
    load.stop();

    if let Ok(copies) = copies_dir(&root) {
        let _ = std::fs::remove_dir_all(copies);
    }
    print_slowest(&timings);
    println!("soak: {rounds_run} rounds, {failures} failures");
    if rounds_run < options.rounds {
        return Ok(failures.max(1));
    }
    Ok(failures)
}

/// Builds the solutions' tests once; returns their test binaries.
fn build(root: &Path, packages: &[String]) -> Result<Vec<TestBinary>, String> {
    // Without -p: the workspace's default members, exactly what the root `cargo test` builds
    // (the same features, so CI reuses its build), keeping only the solutions' binaries.
    let wanted: Vec<String> = if packages.is_empty() {
        solution_packages(root)
    } else {
        packages.to_vec()
    };
    let mut command = Command::new(process::cargo());
    command
        .args(["test", "--no-run", "--tests", "--message-format=json"])
        .current_dir(root)
        .stderr(Stdio::inherit());
    for package in packages {
        command.args(["-p", package]);
    }
    let output = command
        .output()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if !output.status.success() {
        return Err("the solutions' tests do not build".to_owned());
    }
    let json = String::from_utf8_lossy(&output.stdout);
    let mut binaries: Vec<TestBinary> = json
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| message["profile"]["test"] == true)
        .filter_map(|message| {
            let exe = PathBuf::from(message["executable"].as_str()?);
            let manifest = PathBuf::from(message["manifest_path"].as_str()?);
            let dir = manifest.parent()?.to_path_buf();
            // "path+file:///.../solutions/chapter3#chapter3-solution@0.1.0"
            let id = message["package_id"].as_str()?;
            let package = id.rsplit_once('#')?.1.split('@').next()?.to_owned();
            wanted
                .contains(&package)
                .then_some(TestBinary { package, exe, dir })
        })
        .collect();
    binaries.sort_by(|a, b| (&a.package, &a.exe).cmp(&(&b.package, &b.exe)));
    // Runs copies, so that building in the same target dir during a long soak neither changes
    // the binaries under test nor fails on a binary that is running.
    let copies = copies_dir(root)?;
    std::fs::create_dir_all(&copies)
        .map_err(|error| format!("cannot create {}: {error}", copies.display()))?;
    for binary in &mut binaries {
        let name = binary.exe.file_name().unwrap_or_default();
        let copy = copies.join(name);
        std::fs::copy(&binary.exe, &copy)
            .map_err(|error| format!("cannot copy {}: {error}", binary.exe.display()))?;
        binary.exe = copy;
    }
    Ok(binaries)
}

/// Where this soak keeps its copies of the test binaries (one folder per soak, so that two
/// soaks at once do not overwrite each other's running binaries).
fn copies_dir(root: &Path) -> Result<PathBuf, String> {
    Ok(process::target_dir(root)?
        .join("soak")
        .join(format!("bin-{}", std::process::id())))
}

/// The size and modification time of every file under `exercises/` and `solutions/` (the
/// tests, their snapshots and the solutions), to notice a change during a soak.
fn test_inputs_fingerprint(root: &Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    ["exercises", "solutions"]
        .into_iter()
        .flat_map(|dir| files_below(&root.join(dir), &[]))
        .filter_map(|path| {
            let metadata = std::fs::metadata(&path).ok()?;
            Some((path, metadata.len(), metadata.modified().ok()))
        })
        .collect()
}

/// Every package under `solutions/`, by its folder name (`chapterN-solution`).
fn solution_packages(root: &Path) -> Vec<String> {
    let mut packages: Vec<String> = std::fs::read_dir(root.join("solutions"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().join("Cargo.toml").is_file())
                .map(|entry| format!("{}-solution", entry.file_name().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default();
    packages.sort();
    packages
}

/// The `[env]` table of `.cargo/config.toml`, which cargo gives the tests it runs (the soak
/// runs the binaries itself): e.g. INSTA_UPDATE=no, so that no run writes a snapshot. A value
/// marked `relative = true` is a path from the repository's root, as cargo reads it (an empty
/// one, INSTA_WORKSPACE_ROOT's, is the root itself).
fn config_env(root: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(root.join(".cargo/config.toml")) else {
        return Vec::new();
    };
    let Ok(config) = toml::from_str::<toml::Table>(&text) else {
        return Vec::new();
    };
    let Some(env) = config.get("env").and_then(toml::Value::as_table) else {
        return Vec::new();
    };
    env.iter()
        .filter_map(|(key, value)| {
            let value = match value {
                toml::Value::String(text) => text.clone(),
                toml::Value::Table(table) => {
                    let text = table.get("value")?.as_str()?;
                    if table.get("relative").and_then(toml::Value::as_bool) == Some(true) {
                        root.join(text).display().to_string()
                    } else {
                        text.to_owned()
                    }
                }
                _ => return None,
            };
            Some((key.clone(), value))
        })
        .collect()
}

/// Runs one test binary as `cargo test` would, with each test's time reported.
fn run_binary(
    binary: &TestBinary,
    options: &Options,
    env: &[(String, String)],
) -> Result<Finished, String> {
    let mut command = Command::new(&binary.exe);
    command
        .current_dir(&binary.dir)
        .env("CARGO_MANIFEST_DIR", &binary.dir)
        // libtest's per-test times (`--report-time`) are behind -Z unstable-options, which a
        // stable test binary accepts when this is set. It changes nothing else in the tests.
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["-Z", "unstable-options", "--report-time"]);
    for (key, value) in env {
        command.env(key, value);
    }
    if options.backtrace {
        command.env("RUST_BACKTRACE", "1");
    }
    if let Some(threads) = options.test_threads {
        command.arg(format!("--test-threads={threads}"));
    }
    process::run_limited(command, BINARY_LIMIT)
        .map_err(|error| format!("cannot run {}: {error}", binary.exe.display()))
}

/// `test name ... ok <0.123s>` lines: (name, seconds).
fn test_times(output: &str) -> Vec<(String, f64)> {
    output
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("test ")?;
            let (name, verdict) = rest.split_once(" ... ")?;
            let time = verdict.split_once('<')?.1.strip_suffix("s>")?;
            Some((name.to_owned(), time.parse().ok()?))
        })
        .collect()
}

fn failing_tests(run: &Finished) -> Vec<String> {
    learn::runner::failures(&run.output)
        .into_iter()
        .map(|failure| failure.test)
        .collect()
}

/// The failing tests and the first line each printed, or how the binary ended.
fn failure_summary(run: &Finished) -> String {
    if run.timed_out() {
        return format!("killed after {} s", BINARY_LIMIT.as_secs());
    }
    let failures = learn::runner::failures(&run.output);
    if failures.is_empty() {
        return format!(
            "exited with {:?}: {}",
            run.status.and_then(|status| status.code()),
            run.output.lines().last().unwrap_or("no output")
        );
    }
    failures
        .iter()
        .map(|failure| {
            format!(
                "{} ({})",
                failure.test,
                failure
                    .printed
                    .iter()
                    .find(|line| !line.starts_with("thread '"))
                    .or(failure.printed.first())
                    .map(String::as_str)
                    .unwrap_or("no message")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_slowest(timings: &BTreeMap<String, Timing>) {
    let mut loaded: Vec<(&String, &Timing, f64)> = timings
        .iter()
        .filter_map(|(test, timing)| {
            let most = timing
                .loaded
                .iter()
                .copied()
                .fold(None, |most: Option<f64>, t| {
                    Some(most.map_or(t, |m| m.max(t)))
                })?;
            Some((test, timing, most))
        })
        .collect();
    loaded.sort_by(|a, b| b.2.total_cmp(&a.2));
    if loaded.is_empty() {
        return;
    }
    println!("slowest tests under load (the most of any round; idle = the round before the load):");
    for (test, timing, most) in loaded.iter().take(5) {
        let median = median(timing.loaded.iter().copied());
        println!(
            "  {most:>7.3} s loaded (median {median:.3} s), {} idle: {test}",
            timing
                .idle
                .map_or("?".to_owned(), |idle| format!("{idle:.3} s"))
        );
    }
    let (test, timing, most) = loaded[0];
    println!(
        "slowest test: {test}: {} idle, {most:.3} s loaded",
        timing
            .idle
            .map_or("?".to_owned(), |idle| format!("{idle:.3} s"))
    );
}

/// The load beside the tests, stopped by [`LoadRunner::stop`].
struct LoadRunner {
    stop: Arc<AtomicBool>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl LoadRunner {
    fn start(load: Load, root: &Path) -> Result<Self, String> {
        let stop = Arc::new(AtomicBool::new(false));
        let mut workers = Vec::new();
        match load {
            Load::None => println!("load: none"),
            Load::Busy => {
                let cores = thread::available_parallelism().map_or(2, usize::from);
                println!("load: {cores} busy loops, one per core");
                for _ in 0..cores {
                    let stop = Arc::clone(&stop);
                    workers.push(thread::spawn(move || {
                        let mut spins: u64 = 0;
                        while !stop.load(Ordering::Relaxed) {
                            spins = std::hint::black_box(spins.wrapping_add(1));
                        }
                    }));
                }
            }
            Load::Build => {
                let target = process::target_dir(root)?.join("soak-load");
                println!(
                    "load: cargo build -p learn into {}, over and over",
                    target.display()
                );
                let stop = Arc::clone(&stop);
                let root = root.to_path_buf();
                workers.push(thread::spawn(move || {
                    build_over_and_over(&root, &target, &stop)
                }));
            }
        }
        Ok(Self { stop, workers })
    }

    fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

/// Builds a crate from scratch, again and again, until `stop` is set (then kills the build).
fn build_over_and_over(root: &Path, target: &Path, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        let _ = std::fs::remove_dir_all(target);
        let mut command = Command::new(process::cargo());
        command
            .args(["build", "--quiet", "-p", "learn", "--target-dir"])
            .arg(target)
            .current_dir(root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let Ok(mut child) = command.spawn() else {
            return;
        };
        loop {
            match child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if stop.load(Ordering::Relaxed) => {
                    process::kill_group(child.id());
                    let _ = child.wait();
                    return;
                }
                Ok(None) => thread::sleep(Duration::from_millis(100)),
                Err(_) => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::config_env;

    #[test]
    fn config_env_reads_values_and_resolves_relative_paths_from_the_root() {
        let root = std::env::temp_dir().join(format!("soak-config-env-{}", std::process::id()));
        std::fs::create_dir_all(root.join(".cargo")).unwrap();
        std::fs::write(
            root.join(".cargo/config.toml"),
            "[env]\nPLAIN = \"no\"\nFORCED = { value = \"0\", force = true }\n\
             ROOT = { value = \"\", relative = true }\n",
        )
        .unwrap();
        let env = config_env(&root);
        std::fs::remove_dir_all(&root).unwrap();
        let value = |key: &str| {
            env.iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.clone())
        };
        assert_eq!(value("PLAIN").as_deref(), Some("no"));
        assert_eq!(value("FORCED").as_deref(), Some("0"));
        assert_eq!(value("ROOT"), Some(root.join("").display().to_string()));
    }
}
