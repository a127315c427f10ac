//! Timelines as SVG pictures, for the book.

use svg::Document;
use svg::node::element::{Group, Line, Polygon, Rectangle, Text, Title};

use super::Tick;
use super::{State, Timeline, runs};

const LABEL_CHAR_WIDTH: f64 = 8.0;
const ROW_HEIGHT: f64 = 28.0;
const BAR_HEIGHT: f64 = 18.0;
const PLOT_WIDTH: f64 = 600.0;
const FONT: &str = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

// The pictures follow the page's theme. Drawn inside a page of the book, `currentColor` is the
// theme's text colour and `--bg` its background (mdBook's CSS variables), so text, axis and the
// GIL row read well on light and dark themes alike. Opened on their own, the same picture falls
// back to black on white.
/// Text, axis lines and the GIL row: the colour of the surrounding text.
const INK: &str = "currentColor";
/// Text drawn on a GIL bar (which is painted in `INK`): the page's background colour.
const ON_INK: &str = "fill: var(--bg, #ffffff)";
/// The marks for GIL events (drop requests, hand-overs, battles): a red that stands out on
/// white and on mdBook's dark themes alike.
const NOTE_COLOUR: &str = "#e0443a";

fn colour(state: State) -> &'static str {
    match state {
        State::Python => "#2f6db5",
        State::WaitingForGil => "#f2c14e",
        State::Io => "#7cb77b",
        State::Native => "#8e6bbf",
        State::Done => "none",
    }
}

/// The colour of the GIL row, where each bar is named after the thread holding the GIL.
const GIL_COLOUR: &str = INK;

/// The processes that get a GIL row: those whose GIL several threads share.
fn shared_gils(timeline: &Timeline) -> Vec<&str> {
    timeline
        .gil_processes
        .iter()
        .map(String::as_str)
        .filter(|process| {
            timeline
                .rows
                .iter()
                .filter(|row| row.process == *process)
                .count()
                > 1
        })
        .collect()
}

/// Draws a timeline with a title, a row showing who holds each shared GIL, one bar per thread,
/// a tick axis and a legend.
pub fn render(timeline: &Timeline, title: &str) -> String {
    let total = timeline.total_ticks().max(1);
    let gils = shared_gils(timeline);
    let gil_label = |process: &str| {
        if gils.len() == 1 {
            "GIL".to_owned()
        } else {
            format!("GIL {process}")
        }
    };
    let label_width = timeline
        .rows
        .iter()
        .map(|row| row.thread.len())
        .chain(gils.iter().map(|process| gil_label(process).len()))
        .max()
        .unwrap_or(0) as f64
        * LABEL_CHAR_WIDTH
        + 16.0;
    let tick_width = PLOT_WIDTH / total as f64;
    let gil_rows_height = ROW_HEIGHT * gils.len() as f64;
    let plot_top = 34.0 + gil_rows_height;
    let plot_bottom = plot_top + ROW_HEIGHT * timeline.rows.len() as f64;
    let width = label_width + PLOT_WIDTH + 20.0;
    let (legend, legend_lines) = legend(timeline, !gils.is_empty(), plot_bottom + 40.0, width);

    let height = plot_bottom + 46.0 + 18.0 * legend_lines as f64;
    let x_of = |tick: Tick| label_width + tick as f64 * tick_width;

    let mut document = Document::new()
        .set("viewBox", (0, 0, width, height))
        .set("width", width)
        .set("height", height)
        .set("class", "gil-timeline")
        .set("font-family", FONT)
        .set("font-size", 13)
        .set("fill", INK)
        .add(Title::new(title))
        .add(
            Text::new(title)
                .set("x", 4)
                .set("y", 20)
                .set("font-weight", "bold"),
        );

    for (index, process) in gils.iter().enumerate() {
        let top = 34.0 + ROW_HEIGHT * index as f64;
        let label = gil_label(process);
        let mut bars = Group::new().add(
            Text::new(label.as_str())
                .set("x", 4)
                .set("y", top + BAR_HEIGHT - 4.0)
                .set("font-weight", "bold"),
        );
        let holders = timeline.gil_holders(process);
        let mut start = 0;
        while start < holders.len() {
            let holder = holders[start];
            let length = holders[start..]
                .iter()
                .take_while(|&&h| h == holder)
                .count();
            if let Some(row) = holder {
                let name = timeline.rows[row].thread.as_str();
                let (x, width) = (x_of(start as Tick), length as f64 * tick_width);
                // A hairline gap at each start shows the hand-over between two holders.
                bars = bars.add(
                    Rectangle::new()
                        .set("x", x + 0.5)
                        .set("y", top)
                        .set("width", (width - 1.0).max(0.5))
                        .set("height", BAR_HEIGHT)
                        .set("fill", GIL_COLOUR)
                        .add(Title::new(format!(
                            "{name} holds the GIL for ticks {start}-{}",
                            start + length
                        ))),
                );
                if width >= name.len() as f64 * 7.5 + 4.0 {
                    bars = bars.add(
                        Text::new(name)
                            .set("x", x + width / 2.0)
                            .set("y", top + BAR_HEIGHT - 5.0)
                            .set("text-anchor", "middle")
                            .set("font-size", 11)
                            .set("style", ON_INK),
                    );
                }
            }
            start += length;
        }
        document = document.add(bars);
    }

    for (index, row) in timeline.rows.iter().enumerate() {
        let top = plot_top + ROW_HEIGHT * index as f64;
        let mut bars = Group::new().add(
            Text::new(row.thread.as_str())
                .set("x", 4)
                .set("y", top + BAR_HEIGHT - 4.0),
        );
        for (state, start, length) in runs(&row.states).filter(|run| run.0 != State::Done) {
            bars = bars.add(
                Rectangle::new()
                    .set("x", x_of(start))
                    .set("y", top)
                    .set("width", length as f64 * tick_width)
                    .set("height", BAR_HEIGHT)
                    .set("fill", colour(state))
                    .add(Title::new(format!(
                        "{}: {} for ticks {start}-{}",
                        row.thread,
                        state.meaning(),
                        start + length
                    ))),
            );
        }
        document = document.add(bars);
    }

    for note in &timeline.notes {
        let top = note
            .thread
            .map_or(plot_top, |thread| plot_top + ROW_HEIGHT * thread.0 as f64);
        let x = x_of(note.at);
        document = document.add(
            Polygon::new()
                .set(
                    "points",
                    format!(
                        "{},{} {},{} {},{}",
                        x - 4.0,
                        top - 6.0,
                        x + 4.0,
                        top - 6.0,
                        x,
                        top
                    ),
                )
                .set("fill", NOTE_COLOUR)
                .add(Title::new(note.text.as_str())),
        );
    }

    document = document.add(axis(total, x_of, plot_bottom));
    document.add(legend).to_string()
}

fn axis(total: Tick, x_of: impl Fn(Tick) -> f64, y: f64) -> Group {
    let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000]
        .into_iter()
        .find(|&step| total / step <= 12)
        .unwrap_or(total);
    let mut axis = Group::new().add(
        Line::new()
            .set("x1", x_of(0))
            .set("x2", x_of(total))
            .set("y1", y + 2.0)
            .set("y2", y + 2.0)
            .set("stroke", INK),
    );
    for tick in (0..=total).step_by(step as usize) {
        axis = axis
            .add(
                Line::new()
                    .set("x1", x_of(tick))
                    .set("x2", x_of(tick))
                    .set("y1", y + 2.0)
                    .set("y2", y + 6.0)
                    .set("stroke", INK),
            )
            .add(
                Text::new(tick.to_string())
                    .set("x", x_of(tick))
                    .set("y", y + 18.0)
                    .set("text-anchor", "middle")
                    .set("font-size", 11),
            );
    }
    axis
}

/// A legend entry's mark: a square of a bar's colour, or the triangle of a GIL event.
enum Mark {
    Square(&'static str),
    Event,
}

/// The legend: one entry per state that appears (and the GIL row and the event marks, if
/// drawn), wrapped to `width`. Returns the group and how many lines it takes.
fn legend(timeline: &Timeline, gil_row: bool, y: f64, width: f64) -> (Group, usize) {
    let mut entries: Vec<(Mark, &str)> = Vec::new();
    if gil_row {
        entries.push((Mark::Square(GIL_COLOUR), "GIL: who holds it"));
    }
    for state in State::ALL.into_iter().filter(|&state| state != State::Done) {
        if timeline.rows.iter().any(|row| row.states.contains(&state)) {
            entries.push((Mark::Square(colour(state)), state.meaning()));
        }
    }
    if !timeline.notes.is_empty() {
        entries.push((Mark::Event, "a GIL event (hover over it: what happened)"));
    }
    let mut legend = Group::new();
    let (mut x, mut line) = (4.0, 0);
    for (mark, meaning) in entries {
        let entry_width = 36.0 + meaning.len() as f64 * 7.5;
        if x > 4.0 && x + entry_width > width {
            x = 4.0;
            line += 1;
        }
        let top = y + 18.0 * line as f64;
        legend = match mark {
            Mark::Square(fill) => legend.add(
                Rectangle::new()
                    .set("x", x)
                    .set("y", top - 10.0)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", fill),
            ),
            // The same downward triangle as on the plot, a little larger.
            Mark::Event => legend.add(
                Polygon::new()
                    .set(
                        "points",
                        format!(
                            "{},{} {},{} {},{}",
                            x,
                            top - 9.0,
                            x + 12.0,
                            top - 9.0,
                            x + 6.0,
                            top
                        ),
                    )
                    .set("fill", NOTE_COLOUR),
            ),
        };
        legend = legend.add(
            Text::new(meaning)
                .set("x", x + 16.0)
                .set("y", top)
                .set("font-size", 12),
        );
        x += entry_width;
    }
    (legend, line + 1)
}
