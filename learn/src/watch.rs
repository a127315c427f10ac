//! Watch mode: re-run the current exercise whenever an exercise file is saved, while the
//! keyboard stays live. A run that hangs or takes long never freezes it: every key is read
//! while tests run, and `n`, `r` and `q` stop the run in progress.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;
use notify::{RecursiveMode, Watcher};

use crate::course::Course;
use crate::runner::{self, Ending, Outcome};
use crate::ui;

const KEYS: &str = "[n] next exercise  [h] hint  [r] run again  [l] list  [q] quit";

/// A test run on its own thread, which can be told to stop.
struct Run {
    index: usize,
    stop: Arc<AtomicBool>,
    finished: Receiver<Outcome>,
}

impl Run {
    fn start(course: &Course, index: usize) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let (report, finished) = mpsc::channel();
        let (root, exercise, flag) = (
            course.root.clone(),
            course.exercises[index].clone(),
            Arc::clone(&stop),
        );
        thread::spawn(move || {
            let _ = report.send(runner::run(&root, &exercise, &flag));
        });
        Self {
            index,
            stop,
            finished,
        }
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Raw mode for single key presses, switched off again however watch mode ends.
struct RawMode;

impl RawMode {
    fn enable() -> Result<Self, String> {
        terminal::enable_raw_mode()
            .map_err(|error| format!("watch needs an interactive terminal ({error})"))?;
        Ok(Self)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Prints in raw mode, where a newline must also return the cursor.
fn say(text: &str) {
    let mut out = std::io::stdout();
    let _ = write!(out, "{}", text.replace('\n', "\r\n"));
    let _ = out.flush();
}

fn clear_screen() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        terminal::Clear(terminal::ClearType::All),
        crossterm::cursor::MoveTo(0, 0)
    );
}

pub fn watch(course: &mut Course) -> Result<(), String> {
    let Some(mut current) = course.current() else {
        println!("Every exercise is done. Well played!");
        return Ok(());
    };
    let (saved, changes) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && (event.kind.is_modify() || event.kind.is_create())
        {
            for path in event.paths {
                let _ = saved.send(path);
            }
        }
    })
    .map_err(|error| format!("cannot watch files: {error}"))?;
    watcher
        .watch(&course.root.join("exercises"), RecursiveMode::Recursive)
        .map_err(|error| format!("cannot watch exercises/: {error}"))?;

    let _raw = RawMode::enable()?;
    let mut run = start(course, current);
    loop {
        if event::poll(Duration::from_millis(50)).map_err(|error| error.to_string())?
            && let Event::Key(key) = event::read().map_err(|error| error.to_string())?
        {
            match command(key) {
                Some('q') => break,
                Some('n') => match course.next_after(current) {
                    Some(next) => {
                        current = next;
                        run = start(course, current);
                    }
                    None => say("\nEvery exercise is done. Press q to quit.\n"),
                },
                Some('r') => run = start(course, current),
                Some('h') => say(&format!(
                    "\n{}\n{KEYS}\n",
                    ui::wrap_paragraphs(&course.next_hint(current))
                )),
                Some('l') => say(&format!("\n{}\n{KEYS}\n", list_text(course, current))),
                _ => {}
            }
        }
        if saved_an_exercise(&changes) {
            run = start(course, current);
        }
        if let Ok(outcome) = run.finished.try_recv() {
            finish(course, run.index, &outcome);
        }
    }
    say("\n");
    Ok(())
}

/// The key's command letter; Ctrl-C quits like `q`.
fn command(key: KeyEvent) -> Option<char> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some('q'),
        KeyCode::Char(letter) => Some(letter.to_ascii_lowercase()),
        KeyCode::Esc => Some('q'),
        _ => None,
    }
}

/// Whether a Rust file under exercises/ was saved; waits a moment so that an editor's burst of
/// events (write, rename, touch) starts one run, not five.
fn saved_an_exercise(changes: &Receiver<PathBuf>) -> bool {
    let is_source = |path: &PathBuf| path.extension().is_some_and(|extension| extension == "rs");
    let mut saved = changes.try_iter().any(|path| is_source(&path));
    if saved {
        thread::sleep(Duration::from_millis(150));
        saved |= changes.try_iter().count() > 0;
    }
    saved
}

fn start(course: &Course, index: usize) -> Run {
    clear_screen();
    let exercise = &course.exercises[index];
    say(&format!(
        "{}\nRunning the tests ...\n",
        ui::exercise_header(exercise)
    ));
    Run::start(course, index)
}

fn finish(course: &mut Course, index: usize, outcome: &Outcome) {
    course.record(index, outcome);
    clear_screen();
    let exercise = &course.exercises[index];
    let mut text = ui::outcome(exercise, outcome);
    text.push('\n');
    text.push_str(&ui::progress_bar(
        course.done_count(),
        course.exercises.len(),
    ));
    text.push('\n');
    if outcome.ending == Ending::Passed {
        text.push_str("Well done! Press n for the next exercise.\n");
    } else {
        text.push_str("Save the file to run the tests again.\n");
    }
    say(&format!("{text}{KEYS}\n"));
}

fn list_text(course: &Course, current: usize) -> String {
    let mut text = ui::progress_bar(course.done_count(), course.exercises.len());
    for (index, exercise) in course.exercises.iter().enumerate() {
        text.push('\n');
        text.push_str(&ui::exercise_line(
            exercise,
            course.status(exercise),
            index == current,
        ));
    }
    text
}
