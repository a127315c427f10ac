//! Timelines as SVG pictures, for the book.

use svg::Document;
use svg::node::element::{Group, Line, Polygon, Rectangle, Text, Title};

use super::{State, Timeline, runs};
use crate::sim::Tick;

const LABEL_CHAR_WIDTH: f64 = 8.0;
const ROW_HEIGHT: f64 = 28.0;
const BAR_HEIGHT: f64 = 18.0;
const PLOT_WIDTH: f64 = 600.0;
const FONT: &str = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

fn colour(state: State) -> &'static str {
    match state {
        State::Python => "#2f6db5",
        State::WaitingForGil => "#f2c14e",
        State::Io => "#7cb77b",
        State::Native => "#8e6bbf",
        State::Done => "none",
    }
}

/// Draws a timeline with a title, one bar per thread, a tick axis and a legend.
pub fn render(timeline: &Timeline, title: &str) -> String {
    let total = timeline.total_ticks().max(1);
    let label_width = timeline
        .rows
        .iter()
        .map(|row| row.thread.len())
        .max()
        .unwrap_or(0) as f64
        * LABEL_CHAR_WIDTH
        + 16.0;
    let tick_width = PLOT_WIDTH / total as f64;
    let plot_top = 34.0;
    let plot_bottom = plot_top + ROW_HEIGHT * timeline.rows.len() as f64;
    let width = label_width + PLOT_WIDTH + 20.0;
    let height = plot_bottom + 64.0;
    let x_of = |tick: Tick| label_width + tick as f64 * tick_width;

    let mut document = Document::new()
        .set("viewBox", (0, 0, width, height))
        .set("width", width)
        .set("height", height)
        .set("font-family", FONT)
        .set("font-size", 13)
        .add(Title::new(title))
        .add(
            Text::new(title)
                .set("x", 4)
                .set("y", 20)
                .set("font-weight", "bold"),
        );

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
                .set("fill", "#c0392b")
                .add(Title::new(note.text.as_str())),
        );
    }

    document = document.add(axis(total, x_of, plot_bottom));
    document
        .add(legend(timeline, plot_bottom + 40.0))
        .to_string()
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
            .set("stroke", "#555"),
    );
    for tick in (0..=total).step_by(step as usize) {
        axis = axis
            .add(
                Line::new()
                    .set("x1", x_of(tick))
                    .set("x2", x_of(tick))
                    .set("y1", y + 2.0)
                    .set("y2", y + 6.0)
                    .set("stroke", "#555"),
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

fn legend(timeline: &Timeline, y: f64) -> Group {
    let mut legend = Group::new();
    let mut x = 4.0;
    for state in State::ALL.into_iter().filter(|&state| state != State::Done) {
        if !timeline.rows.iter().any(|row| row.states.contains(&state)) {
            continue;
        }
        legend = legend
            .add(
                Rectangle::new()
                    .set("x", x)
                    .set("y", y - 10.0)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", colour(state)),
            )
            .add(
                Text::new(state.meaning())
                    .set("x", x + 16.0)
                    .set("y", y)
                    .set("font-size", 12),
            );
        x += 36.0 + state.meaning().len() as f64 * 7.5;
    }
    legend
}
