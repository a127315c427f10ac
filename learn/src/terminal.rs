//! The book's Markdown as a terminal shows it: math as plain text, links as their text and
//! target, emphasis without its asterisks. Code (in backticks or fenced) is left exactly alone.

/// Renders one hint (or any short piece of a page) for the terminal. `page` is the page's path
/// from the repository root, used to turn relative links into paths a learner can open.
pub fn render(markdown: &str, page: &str) -> String {
    let mut out = String::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            out.push_str(line);
        } else if in_fence {
            out.push_str(line);
        } else {
            out.push_str(&render_line(line, page));
        }
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// One line of prose: code spans are copied as they are, the rest is rendered.
fn render_line(line: &str, page: &str) -> String {
    let mut out = String::new();
    for (index, part) in line.split('`').enumerate() {
        if index % 2 == 1 {
            out.push('`');
            out.push_str(part);
            out.push('`');
        } else {
            out.push_str(&render_prose(part, page));
        }
    }
    out
}

fn render_prose(text: &str, page: &str) -> String {
    let text = render_math(text);
    let text = render_links(&text, page);
    without_emphasis(&text.replace("**", "").replace("<br>", " "))
}

/// Drops the asterisks of `*emphasis*`, keeping any that stand alone (`a * b`).
fn without_emphasis(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let word = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
    chars
        .iter()
        .enumerate()
        .filter(|&(at, &c)| {
            let before = at.checked_sub(1).and_then(|before| chars.get(before));
            let after = chars.get(at + 1);
            let opens = word(after) && !word(before);
            let closes = word(before) && !word(after);
            c != '*' || !(opens || closes)
        })
        .map(|(_, &c)| c)
        .collect()
}

/// `$...$` and `$$...$$` become readable text: `$999{,}999^2$` reads `999,999²`.
fn render_math(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('$') {
        out.push_str(&rest[..open]);
        let display = rest[open..].starts_with("$$");
        let delimiter = if display { "$$" } else { "$" };
        let body_start = open + delimiter.len();
        let Some(close) = rest[body_start..].find(delimiter) else {
            out.push_str(&rest[open..]);
            return out;
        };
        out.push_str(&tex_to_text(&rest[body_start..body_start + close]));
        rest = &rest[body_start + close + delimiter.len()..];
    }
    out.push_str(rest);
    out
}

fn tex_to_text(tex: &str) -> String {
    let mut text = tex.trim().replace("{,}", ",");
    // \frac{a}{b} and \dfrac{a}{b} read "(a)/(b)"; simple parts need no parentheses.
    for command in ["\\dfrac", "\\frac"] {
        while let Some(at) = text.find(command) {
            let after = &text[at + command.len()..];
            let Some((numerator, rest)) = braced(after) else {
                break;
            };
            let Some((denominator, rest)) = braced(rest) else {
                break;
            };
            let part = |inner: &str| {
                if inner.chars().all(|c| c.is_alphanumeric() || c == '.') {
                    inner.to_owned()
                } else {
                    format!("({inner})")
                }
            };
            let rest = rest.to_owned();
            text = format!(
                "{}{}/{}{}",
                &text[..at],
                part(numerator),
                part(denominator),
                rest
            );
        }
    }
    let symbols = [
        ("\\times", "×"),
        ("\\cdot", "·"),
        ("\\leq", "≤"),
        ("\\le", "≤"),
        ("\\geq", "≥"),
        ("\\ge", "≥"),
        ("\\approx", "≈"),
        ("\\infty", "∞"),
        ("\\to", "→"),
        ("\\lim", "lim"),
        ("\\left", ""),
        ("\\right", ""),
        ("\\,", " "),
        ("\\;", " "),
        ("\\text", ""),
        ("\\mathrm", ""),
        ("^2", "²"),
        ("^3", "³"),
    ];
    for (tex, plain) in symbols {
        text = text.replace(tex, plain);
    }
    text.replace(['{', '}'], "")
}

/// The text inside the braces at the start of `text`, and what follows them.
fn braced(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('{')?;
    let mut depth = 1;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&text[..at], &text[at + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// `[text](target)` becomes `text (target)`, with a page-relative target made relative to the
/// repository root, where the learner's terminal is.
fn render_links(text: &str, page: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(middle) = rest[open..].find("](") else {
            break;
        };
        let Some(close) = rest[open + middle..].find(')') else {
            break;
        };
        let label = &rest[open + 1..open + middle];
        let target = &rest[open + middle + 2..open + middle + close];
        out.push_str(&rest[..open]);
        out.push_str(&format!("{label} ({})", resolve(page, target)));
        rest = &rest[open + middle + close + 1..];
    }
    out.push_str(rest);
    out
}

fn resolve(page: &str, target: &str) -> String {
    if target.contains("://") || target.starts_with('#') {
        return target.to_owned();
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." => {}
            _ => parts.push(piece),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "src/ch03/05-amdahl.md";

    #[test]
    fn math_reads_as_text() {
        assert_eq!(
            render("$999{,}999^2$ fits in a `u64`", PAGE),
            "999,999² fits in a `u64`"
        );
        assert_eq!(
            render("solved for p, $p = \\frac{1 - 1/S}{1 - 1/n}$.", PAGE),
            "solved for p, p = (1 - 1/S)/(1 - 1/n)."
        );
        assert_eq!(render("$$ S \\le 1 $$", PAGE), "S ≤ 1");
    }

    #[test]
    fn code_is_left_alone() {
        let hint = "Use `a**b` and `$x$`:\n\n```rust\nlet s = \"$5\";\n```";
        assert_eq!(render(hint, PAGE), hint);
    }

    #[test]
    fn links_name_a_file_the_learner_can_open() {
        assert_eq!(
            render("See [the convoy](../ch02/04-interval-gil.md#convoy).", PAGE),
            "See the convoy (src/ch02/04-interval-gil.md#convoy)."
        );
        assert_eq!(render("**Careful**: no.", PAGE), "Careful: no.");
        assert_eq!(
            render("square it *before*, a * b", PAGE),
            "square it before, a * b"
        );
    }
}
