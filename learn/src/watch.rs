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

pub fn watch(course: &mut Course, start_at: Option<usize>) -> Result<(), String> {
    let Some(mut current) = start_at else {
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
    let mut screen = Screen::default();
    let mut run = start(course, current, &mut screen);
    loop {
        if event::poll(Duration::from_millis(50)).map_err(|error| error.to_string())?
            && let Event::Key(key) = event::read().map_err(|error| error.to_string())?
            && let Some(letter) = command(key)
        {
            if screen.overlay && !matches!(letter, 'q' | 'h') {
                // A list or a hint stays until the learner dismisses it with any key.
                screen.close_overlay();
                if letter == 'l' {
                    continue;
                }
            }
            match letter {
                'q' => break,
                'n' => match course.next_after(current) {
                    Some(next) => {
                        current = next;
                        run = start(course, current, &mut screen);
                    }
                    None => say("\nEvery exercise is done. Press q to quit.\n"),
                },
                'r' => run = start(course, current, &mut screen),
                'h' => screen.show_overlay(&ui::wrap_paragraphs(&course.next_hint(current))),
                'l' => screen.show_overlay(&ui::list(course, Some(current), false)),
                _ => {}
            }
        }
        if let Some(saved_file) = saved_an_exercise(&changes) {
            // Saving another exercise's file switches to it: the learner is working there now.
            if let Some(index) = course.exercise_of_file(&saved_file) {
                current = index;
            }
            run = start(course, current, &mut screen);
        }
        if let Ok(outcome) = run.finished.try_recv() {
            finish(course, run.index, &outcome, &mut screen);
        }
    }
    say("\n");
    Ok(())
}

/// What watch mode shows: the latest run's result, and over it, until dismissed, a list or a
/// hint. A run that ends while the overlay is up waits underneath instead of wiping it.
#[derive(Default)]
struct Screen {
    overlay: bool,
    underneath: String,
}

impl Screen {
    fn show(&mut self, text: String) {
        self.underneath = text;
        if !self.overlay {
            clear_screen();
            say(&self.underneath);
        }
    }

    fn show_overlay(&mut self, text: &str) {
        self.overlay = true;
        clear_screen();
        say(&format!(
            "{text}\n[any key] back to the exercise  [q] quit\n"
        ));
    }

    fn close_overlay(&mut self) {
        self.overlay = false;
        clear_screen();
        say(&self.underneath);
    }
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

/// The Rust or Python file under exercises/ that was saved, if any; waits a moment so that an editor's
/// burst of events (write, rename, touch) starts one run, not five.
fn saved_an_exercise(changes: &Receiver<PathBuf>) -> Option<PathBuf> {
    let is_source = |path: &PathBuf| {
        path.extension()
            .is_some_and(|extension| extension == "rs" || extension == "py")
    };
    let mut saved = changes.try_iter().filter(is_source).last()?;
    thread::sleep(Duration::from_millis(150));
    if let Some(later) = changes.try_iter().filter(is_source).last() {
        saved = later;
    }
    Some(saved)
}

fn start(course: &mut Course, index: usize, screen: &mut Screen) -> Run {
    course.work_on(index);
    let exercise = &course.exercises[index];
    screen.show(format!(
        "{}\nRunning the tests ...\n",
        ui::exercise_header(exercise)
    ));
    Run::start(course, index)
}

fn finish(course: &mut Course, index: usize, outcome: &Outcome, screen: &mut Screen) {
    course.record(index, outcome);
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
    screen.show(format!("{text}{KEYS}\n"));
}
