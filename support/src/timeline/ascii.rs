//! Timelines as text, for snapshots and terminals.

use super::Tick;
use super::{State, Timeline};

/// Draws a timeline, `ticks_per_char` ticks to a character, with an axis and a legend:
///
/// ```text
/// T1 |====    ====    |
/// T2 |    ====    ====|
///     0       8       16
/// ```
/// A character that covers several ticks shows the state that filled most of them.
///
/// If the policy made [`Note`](super::Note)s (a drop request, a lost battle for the GIL),
/// a `policy` line marks their ticks with `!` and the notes are listed under the legend.
pub fn render(timeline: &Timeline, ticks_per_char: Tick) -> String {
    assert!(
        ticks_per_char > 0,
        "a character must cover at least one tick"
    );
    let total = timeline.total_ticks();
    let width = total.div_ceil(ticks_per_char) as usize;
    let notes_label = (!timeline.notes.is_empty()).then_some(NOTES_LABEL);
    let label_width = timeline
        .rows
        .iter()
        .map(|row| row.thread.as_str())
        .chain(notes_label)
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0);

    let mut out = String::new();
    for row in &timeline.rows {
        let cells: String = (0..width)
            .map(|cell| {
                let start = cell as Tick * ticks_per_char;
                let end = (start + ticks_per_char).min(total);
                dominant_state(&row.states, start, end).symbol()
            })
            .collect();
        out.push_str(&format!("{:<label_width$} |{cells}|\n", row.thread));
    }
    if notes_label.is_some() {
        out.push_str(&note_marks(timeline, label_width, width, ticks_per_char));
    }
    out.push_str(&axis(label_width, width, ticks_per_char));
    out.push_str(&legend(timeline));
    out.push_str(&note_list(timeline));
    out
}

const NOTES_LABEL: &str = "policy";

/// A line under the rows with a `!` in every character that covers a note.
fn note_marks(
    timeline: &Timeline,
    label_width: usize,
    width: usize,
    ticks_per_char: Tick,
) -> String {
    let mut cells = vec![' '; width];
    for note in &timeline.notes {
        if let Some(cell) = cells.get_mut((note.at / ticks_per_char) as usize) {
            *cell = '!';
        }
    }
    let cells: String = cells.into_iter().collect();
    format!("{NOTES_LABEL:<label_width$} |{cells}|\n")
}

/// The notes, one a line, in the order the policy made them.
fn note_list(timeline: &Timeline) -> String {
    if timeline.notes.is_empty() {
        return String::new();
    }
    let mut out = "! what the policy noted:\n".to_owned();
    for note in &timeline.notes {
        let who = note
            .thread
            .and_then(|thread| timeline.rows.get(thread.0))
            .map_or(String::new(), |row| format!(" {}", row.thread));
        out.push_str(&format!("  tick {:>3}{who}: {}\n", note.at, note.text));
    }
    out
}

fn dominant_state(states: &[State], start: Tick, end: Tick) -> State {
    let slice = states.get(start as usize..end as usize).unwrap_or(&[]);
    State::ALL
        .into_iter()
        .max_by_key(|&candidate| {
            let count = slice.iter().filter(|&&state| state == candidate).count();
            // On a tie the earlier state in State::ALL wins, so Python beats waiting.
            let precedence =
                State::ALL.len() - State::ALL.iter().position(|&s| s == candidate).unwrap_or(0);
            (count, precedence)
        })
        .unwrap_or(State::Done)
}

/// A line of tick numbers under the rows, labelled every 10 characters (and at the end).
fn axis(label_width: usize, width: usize, ticks_per_char: Tick) -> String {
    let mut line = vec![' '; label_width + 2 + width + 8];
    for cell in (0..=width).filter(|&cell| cell % 10 == 0 || cell == width) {
        let label = (cell as Tick * ticks_per_char).to_string();
        let at = label_width + 2 + cell;
        // Skip a label that would run into the previous one.
        if line[at.saturating_sub(1)..at + label.len()]
            .iter()
            .all(|&c| c == ' ')
            || cell == 0
        {
            for (offset, c) in label.chars().enumerate() {
                line[at + offset] = c;
            }
        }
    }
    let text: String = line.into_iter().collect();
    let unit = if ticks_per_char == 1 {
        "ticks".to_owned()
    } else {
        format!("ticks, {ticks_per_char} per character")
    };
    format!("{}  ({unit})\n", text.trim_end())
}

fn legend(timeline: &Timeline) -> String {
    let shown: Vec<String> = State::ALL
        .into_iter()
        .filter(|&state| state != State::Done)
        .filter(|&state| timeline.rows.iter().any(|row| row.states.contains(&state)))
        .map(|state| format!("{} {}", state.symbol(), state.meaning()))
        .collect();
    format!("{}\n", shown.join("   "))
}
