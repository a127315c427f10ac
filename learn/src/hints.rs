//! Hints come from the book: the `<details><summary>Hint ...</summary>` blocks that follow an
//! exercise's Exercise box on its page, in order. One source for the book and the runner.

/// The hints for exercise `number` on a book page, in the order the page gives them.
pub fn for_exercise(page: &str, number: &str) -> Vec<String> {
    let marker = format!("**Exercise {number}:");
    let Some(start) = page.find(&marker) else {
        return Vec::new();
    };
    let section = &page[start + marker.len()..];
    // The section ends where the next exercise's box begins.
    let section = section
        .find("**Exercise ")
        .map_or(section, |end| &section[..end]);

    let mut hints = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find("<details><summary>Hint") {
        let after = &rest[open..];
        let Some(body_start) = after.find("</summary>") else {
            break;
        };
        let body = &after[body_start + "</summary>".len()..];
        let body_end = body.find("</details>").unwrap_or(body.len());
        hints.push(body[..body_end].trim().to_owned());
        rest = &body[body_end..];
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "\
> **Exercise 1.1: a lock.** Open `x`.

<details><summary>Hint</summary>

Loop, do not `if`.

</details>

<details><summary>Hint 2</summary>

Notify one waiter.

</details>

<details><summary>Solution walkthrough</summary>

Not a hint.

</details>

> **Exercise 1.2: more.** Open `y`.

<details><summary>Hint</summary>

Spawn first.

</details>
";

    #[test]
    fn hints_are_read_in_order_for_the_right_exercise() {
        assert_eq!(
            for_exercise(PAGE, "1.1"),
            ["Loop, do not `if`.", "Notify one waiter."]
        );
        assert_eq!(for_exercise(PAGE, "1.2"), ["Spawn first."]);
        assert!(for_exercise(PAGE, "1.3").is_empty());
    }
}
