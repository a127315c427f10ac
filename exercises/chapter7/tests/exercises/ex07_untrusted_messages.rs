//! Exercise 7.7: trusting messages from another process
//! (book: src/ch07/07-untrusted-messages.md).

use std::alloc::System;
use std::fmt::Write;
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, PoisonError};

use chapter7::untrusted_messages::{Job, MAX_FRAME_BYTES, MAX_NUMBERS, encode_job, read_job};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use support::Exercise;
use support::exercise::panic_message;

const EXERCISE: Exercise = Exercise::new("7.7", "ch07/07-untrusted-messages.md");

/// The most a reader may take from the stream for one frame: the header and the largest body.
const MOST_BYTES_READ: u64 = 4 + MAX_FRAME_BYTES as u64;

/// Counts the bytes this test binary allocates, so that a reader that allocates what a peer
/// merely claims is seen doing it.
#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The most one read may allocate. A right reader needs about one frame's worth; the margin is
/// for the other tests of this binary, which allocate at the same time.
const MOST_BYTES_ALLOCATED: usize = 64 << 20;

/// A stream that counts the bytes taken from it.
struct Counted<R> {
    inner: R,
    taken: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.taken += read as u64;
        Ok(read)
    }
}

/// What reading one input came to: the result's kind (or the panic), the bytes taken from the
/// stream and the bytes allocated meanwhile.
struct Outcome {
    result: String,
    taken: u64,
    allocated: usize,
}

/// Held while a read is measured: the two tests of this file take turns, so that what one reads
/// is never counted in the other's allocations (a wrong reader allocates gigabytes at a time).
static MEASURING: Mutex<()> = Mutex::new(());

/// Reads one frame from `input`, catching a panic so that the test can name the input.
fn read_counted(input: impl Read) -> Outcome {
    let mut stream = Counted {
        inner: input,
        taken: 0,
    };
    let _turn = MEASURING.lock().unwrap_or_else(PoisonError::into_inner);
    let region = Region::new(ALLOCATOR);
    let read = panic::catch_unwind(AssertUnwindSafe(|| read_job(&mut stream)));
    let allocated = region.change().bytes_allocated;
    let result = match read {
        Ok(Ok(job)) => format!("ok: job {} with {} numbers", job.id, job.numbers.len()),
        Ok(Err(error)) => error.kind().to_owned(),
        Err(payload) => format!("PANIC: {}", panic_message(payload.as_ref())),
    };
    Outcome {
        result,
        taken: stream.taken,
        allocated,
    }
}

fn frame(declared: u32, body: &[u8]) -> Vec<u8> {
    let mut bytes = declared.to_be_bytes().to_vec();
    bytes.extend_from_slice(body);
    bytes
}

fn framed(body: &[u8]) -> Vec<u8> {
    frame(body.len() as u32, body)
}

/// A peer that declares 4 GiB and then sends bytes without end (cut at 8 MiB by the test).
fn endless() -> impl Read {
    io::Cursor::new(u32::MAX.to_be_bytes()).chain(io::repeat(b'1').take(8 << 20))
}

/// A valid job of exactly `len` bytes of JSON: spaces make up the difference.
fn padded_job(len: usize) -> Vec<u8> {
    let mut body = br#"{"id": 9, "numbers": [1]}"#.to_vec();
    body.resize(len, b' ');
    body
}

/// The hostile (and two honest) inputs, each with the result a right reader gives.
fn bad_inputs() -> Vec<(&'static str, &'static str, Box<dyn Read + Send>)> {
    let numbers = |count: usize| {
        let list: Vec<String> = (0..count).map(|n| n.to_string()).collect();
        format!(r#"{{"id": 1, "numbers": [{}]}}"#, list.join(","))
    };
    let nested = "[".repeat(20_000);
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        (
            "a valid job",
            "ok: job 7 with 3 numbers",
            framed(br#"{"id": 7, "numbers": [1, 2, 3]}"#),
        ),
        ("nothing at all", "truncated", vec![]),
        ("half a header", "truncated", vec![0, 0]),
        (
            "a body shorter than declared",
            "truncated",
            frame(100, br#"{"id": 1"#),
        ),
        (
            "a valid job of exactly 64 KiB (the limit)",
            "ok: job 9 with 1 numbers",
            framed(&padded_job(MAX_FRAME_BYTES)),
        ),
        (
            "a declared length of 64 KiB + 1",
            "too large",
            frame(MAX_FRAME_BYTES as u32 + 1, &padded_job(MAX_FRAME_BYTES + 1)),
        ),
        (
            "a declared length of 100 KiB",
            "too large",
            frame(100 << 10, b"{}"),
        ),
        (
            "a declared length of 4 GiB, then nothing",
            "too large",
            frame(u32::MAX, b""),
        ),
        (
            "bytes that are not UTF-8",
            "malformed",
            framed(&[0xff, 0xfe, 0x00, 0x41]),
        ),
        (
            "JSON cut off inside the body",
            "malformed",
            framed(br#"{"id": 1, "numbers": [1, 2"#),
        ),
        (
            "an id that is a string",
            "malformed",
            framed(br#"{"id": "one", "numbers": []}"#),
        ),
        (
            "a negative id",
            "malformed",
            framed(br#"{"id": -1, "numbers": []}"#),
        ),
        (
            "a number too large for i64",
            "malformed",
            framed(br#"{"id": 1, "numbers": [1e30]}"#),
        ),
        (
            "an unknown field",
            "malformed",
            framed(br#"{"id": 1, "numbers": [], "run": "rm -rf /"}"#),
        ),
        (
            "20,000 nested brackets",
            "malformed",
            framed(nested.as_bytes()),
        ),
        (
            "a Python pickle",
            "malformed",
            framed(b"\x80\x04\x95\x15\x00\x00\x00\x00\x00\x00\x00\x8c\x02os"),
        ),
        (
            "2,000 numbers",
            "too many numbers",
            framed(numbers(2_000).as_bytes()),
        ),
        (
            "1,001 numbers",
            "too many numbers",
            framed(numbers(MAX_NUMBERS + 1).as_bytes()),
        ),
        (
            "exactly 1,000 numbers",
            "ok: job 1 with 1000 numbers",
            framed(numbers(MAX_NUMBERS).as_bytes()),
        ),
    ];
    let mut inputs: Vec<(&str, &str, Box<dyn Read + Send>)> = cases
        .into_iter()
        .map(|(name, expected, bytes)| {
            let input = Box::new(io::Cursor::new(bytes)) as Box<dyn Read + Send>;
            (name, expected, input)
        })
        .collect();
    inputs.insert(
        4,
        (
            "a declared length of 4 GiB, then a flood",
            "too large",
            Box::new(endless()),
        ),
    );
    inputs
}

/// What went wrong with one outcome, if anything: a panic, an unbounded read or allocation.
fn harm(outcome: &Outcome) -> Option<String> {
    if let Some(message) = outcome.result.strip_prefix("PANIC: ") {
        return Some(format!("made the reader panic (\"{message}\")"));
    }
    if outcome.allocated > MOST_BYTES_ALLOCATED {
        return Some(format!(
            "made the reader allocate {} MiB, where one frame is at most {} KiB: memory sized \
             by what the peer claimed",
            outcome.allocated >> 20,
            MAX_FRAME_BYTES >> 10
        ));
    }
    if outcome.taken > MOST_BYTES_READ {
        return Some(format!(
            "made the reader take {} bytes from the stream, where one frame is at most {}: it \
             buffered as much as the peer chose to send",
            outcome.taken, MOST_BYTES_READ
        ));
    }
    None
}

#[test]
fn bad_inputs_end_in_errors_never_panics() {
    let outcomes = EXERCISE.run(|| {
        bad_inputs()
            .into_iter()
            .map(|(name, expected, input)| (name, expected, read_counted(input)))
            .collect::<Vec<_>>()
    });
    let mut table = String::from("| input | result | bytes read |\n|---|---|---:|\n");
    for (input, _, outcome) in &outcomes {
        if let Some(harm) = harm(outcome) {
            EXERCISE.fail(format!("{input} {harm}"));
        }
        writeln!(
            table,
            "| {input} | {} | {} |",
            outcome.result, outcome.taken
        )
        .unwrap();
    }
    for (input, expected, outcome) in &outcomes {
        EXERCISE.check(
            outcome.result == *expected,
            format!(
                "{input} came out as \"{}\", where the rules say \"{expected}\"",
                outcome.result
            ),
        );
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
}

/// The first bytes of an input, for a message.
fn start_of(bytes: &[u8]) -> String {
    format!(
        "{} bytes starting {:?}",
        bytes.len(),
        &bytes[..bytes.len().min(12)]
    )
}

#[test]
fn random_input_never_panics_and_valid_jobs_round_trip() {
    let failure = EXERCISE.run(|| {
        // A fixed seed: the same inputs on every run, so a failure is reproducible.
        let mut runner = TestRunner::new(Config {
            cases: 256,
            failure_persistence: None,
            rng_seed: RngSeed::Fixed(0x6e1_2026),
            ..Config::default()
        });
        // Any bytes at all; frames whose declared length and body are random; well-framed
        // random bytes; well-framed text that looks like JSON but seldom is; and declared
        // lengths of any size with a few bytes after them.
        let noise = prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..300),
            (any::<u32>(), proptest::collection::vec(any::<u8>(), 0..300))
                .prop_map(|(declared, body)| frame(declared, &body)),
            proptest::collection::vec(any::<u8>(), 0..300).prop_map(|body| framed(&body)),
            "[{}\\[\\]\":,0-9a-z -]{0,80}".prop_map(|text| framed(text.as_bytes())),
            (MAX_FRAME_BYTES as u32 + 1..=u32::MAX).prop_map(|declared| frame(declared, b"{}")),
        ];
        let survives = runner.run(&noise, |bytes| {
            let outcome = read_counted(io::Cursor::new(bytes.clone()));
            match harm(&outcome) {
                Some(harm) => Err(TestCaseError::fail(format!(
                    "a random input of {} {harm}",
                    start_of(&bytes)
                ))),
                None => Ok(()),
            }
        });
        if let Err(error) = survives {
            return Some(error.to_string());
        }
        // Valid jobs of any size up to the limits come back unchanged; a few numbers more are
        // refused; frames within a few bytes of the limit either way are judged by the limit.
        let jobs = (
            any::<u64>(),
            proptest::collection::vec(any::<i64>(), 0..=MAX_NUMBERS + 20),
        )
            .prop_map(|(id, numbers)| Job { id, numbers });
        let judged = runner.run(&jobs, |job| {
            let outcome = read_counted(io::Cursor::new(encode_job(&job)));
            let count = job.numbers.len();
            let expected = if count > MAX_NUMBERS {
                "too many numbers".to_owned()
            } else {
                format!("ok: job {} with {count} numbers", job.id)
            };
            if outcome.result == expected {
                return Ok(());
            }
            Err(TestCaseError::fail(format!(
                "a valid job with {count} numbers came out as \"{}\", where the rules say \
                 \"{expected}\"",
                outcome.result
            )))
        });
        if let Err(error) = judged {
            return Some(error.to_string());
        }
        let around_the_limit = (MAX_FRAME_BYTES - 3..=MAX_FRAME_BYTES + 3).prop_map(padded_job);
        let limited = runner.run(&around_the_limit, |body| {
            let outcome = read_counted(io::Cursor::new(framed(&body)));
            let expected = if body.len() > MAX_FRAME_BYTES {
                "too large"
            } else {
                "ok: job 9 with 1 numbers"
            };
            if outcome.result == expected {
                return Ok(());
            }
            Err(TestCaseError::fail(format!(
                "a frame declaring {} bytes (the limit is {MAX_FRAME_BYTES}) came out as \
                 \"{}\", where the rules say \"{expected}\"",
                body.len(),
                outcome.result
            )))
        });
        limited.err().map(|error| error.to_string())
    });
    if let Some(failure) = failure {
        // proptest's report: "Test failed: <our sentence>.\nminimal failing input: ...".
        let one_line = failure.split_whitespace().collect::<Vec<_>>().join(" ");
        let sentence = one_line
            .trim_start_matches("Test failed: ")
            .split("minimal failing input")
            .next()
            .unwrap_or_default()
            .trim_end_matches(['.', ';', ' '])
            .to_owned();
        let shown: String = sentence.chars().take(300).collect();
        EXERCISE.fail(shown);
    }
}
