use std::fmt;

/// Rows of text with aligned columns: the form most answer keys take.
///
/// Why: a snapshot is read by a learner whose test failed, so it must read like a table in the
/// book, and padding by hand (`{:<24}`, `{:>7}`) breaks as soon as a name grows. Here each
/// column is as wide as its widest cell, columns are two spaces apart, and a column whose
/// cells (below the header) are all numbers is aligned to the right, any other to the left.
/// No line ends in spaces, so the snapshot's diff shows only what changed.
///
/// ```
/// use support::testkit::Table;
///
/// let mut table = Table::with_header(["model", "threads", "most at once"]);
/// table.row(["one GIL", "4", "1"]);
/// table.row(["free-threaded", "4", "4"]);
/// assert_eq!(
///     table.to_string(),
///     "model          threads  most at once\n\
///      one GIL              4             1\n\
///      free-threaded        4             4\n"
/// );
///
/// // Without a header: a list of facts, one name and its value a row.
/// let mut facts = Table::new();
/// facts.row(["pages fetched", "25"]).row(["requests for /missing", "1"]);
/// assert_eq!(facts.to_string(), "pages fetched          25\nrequests for /missing   1\n");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Table {
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table without a header row.
    pub fn new() -> Self {
        Self::default()
    }

    /// A table whose first line names its columns.
    pub fn with_header(columns: impl IntoIterator<Item = impl ToString>) -> Self {
        Self {
            header: Some(cells(columns)),
            rows: Vec::new(),
        }
    }

    /// Adds a row. Rows may have fewer cells than others; the missing ones are empty.
    pub fn row(&mut self, cells_of_row: impl IntoIterator<Item = impl ToString>) -> &mut Self {
        self.rows.push(cells(cells_of_row));
        self
    }
}

fn cells(cells: impl IntoIterator<Item = impl ToString>) -> Vec<String> {
    cells.into_iter().map(|cell| cell.to_string()).collect()
}

/// A number as tables print them: digits, perhaps a sign, a decimal point, `_` or `,` groups,
/// and a unit after a space ("12 ms") or a trailing `%` or `x`.
fn is_number(cell: &str) -> bool {
    let value = cell.split(' ').next().unwrap_or_default();
    let value = value.trim_end_matches(['%', 'x']);
    let digits: String = value.chars().filter(|c| !matches!(c, '_' | ',')).collect();
    !digits.is_empty() && digits.parse::<f64>().is_ok()
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<&Vec<String>> = self.header.iter().chain(&self.rows).collect();
        let columns = lines.iter().map(|line| line.len()).max().unwrap_or(0);
        let width = |column: usize| {
            lines
                .iter()
                .filter_map(|line| line.get(column))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        };
        let numeric = |column: usize| {
            let mut body = self
                .rows
                .iter()
                .filter_map(|row| row.get(column))
                .peekable();
            body.peek().is_some() && body.all(|cell| is_number(cell))
        };
        let layout: Vec<(usize, bool)> = (0..columns).map(|c| (width(c), numeric(c))).collect();
        for line in lines {
            let mut text = String::new();
            for (column, &(width, right)) in layout.iter().enumerate() {
                let cell = line.get(column).map_or("", String::as_str);
                if column > 0 {
                    text.push_str("  ");
                }
                if right {
                    text.push_str(&format!("{cell:>width$}"));
                } else {
                    text.push_str(&format!("{cell:<width$}"));
                }
            }
            writeln!(f, "{}", text.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_go_right_and_words_left() {
        let mut table = Table::with_header(["what", "took", "share"]);
        table
            .row(["parse", "1,200 ms", "60%"])
            .row(["fetch", "800 ms", "40%"]);
        assert_eq!(
            table.to_string(),
            "what       took  share\nparse  1,200 ms    60%\nfetch    800 ms    40%\n"
        );
    }

    #[test]
    fn a_column_with_one_word_is_aligned_left() {
        let mut table = Table::with_header(["run", "result"]);
        table.row(["a", "12"]).row(["b", "timed out"]);
        assert_eq!(table.to_string(), "run  result\na    12\nb    timed out\n");
    }

    #[test]
    fn short_rows_and_empty_tables_print_without_trailing_spaces() {
        let mut table = Table::new();
        table.row(["a", "1"]).row(["longer name"]);
        assert_eq!(table.to_string(), "a            1\nlonger name\n");
        assert_eq!(Table::new().to_string(), "");
    }

    #[test]
    fn what_counts_as_a_number() {
        for number in ["0", "-3", "2.5", "1_000", "12 ms", "99%", "3.1x"] {
            assert!(is_number(number), "{number}");
        }
        for word in ["", "[]", "ms", "T1", "n/a", "x"] {
            assert!(!is_number(word), "{word}");
        }
    }
}
