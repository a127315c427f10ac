//! What several of support's test binaries share.

use std::panic;

use support::exercise::panic_message;

/// Runs `f`, which must fail, checks that its message starts with `start`, and returns the
/// message for the checks that follow.
pub fn failure_starting(start: &str, f: impl FnOnce() + panic::UnwindSafe) -> String {
    let payload = panic::catch_unwind(f).expect_err("the exercise should have failed");
    let message = panic_message(payload.as_ref());
    assert!(message.starts_with(start), "{message}");
    message
}

/// Checks that `message` says each of `parts`, somewhere.
pub fn assert_says(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "{part:?} is missing from: {message}"
        );
    }
}
