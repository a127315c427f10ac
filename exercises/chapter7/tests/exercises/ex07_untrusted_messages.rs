//! Exercise 7.7: trusting messages from another process
//! (book: src/ch07/07-untrusted-messages.md).

use std::fmt::Write;
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};

use chapter7::untrusted_messages::{Job, MAX_FRAME_BYTES, MAX_NUMBERS, encode_job, read_job};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use support::Exercise;
use support::exercise::panic_message;

const EXERCISE: Exercise = Exercise::new("7.7", "ch07/07-untrusted-messages.md");
const MISTAKE: &str = "trusting messages from another process";

/// The most a reader may take from the stream for one frame: the header and the largest body.
const MOST_BYTES_READ: u64 = 4 + MAX_FRAME_BYTES as u64;

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

/// What reading one input came to: the result's kind (or the panic), and the bytes taken.
struct Outcome {
    result: String,
    taken: u64,
}

/// Reads one frame from `input`, catching a panic so that the test can name the input.
fn read_counted(input: impl Read) -> Outcome {
    let mut stream = Counted {
        inner: input,
        taken: 0,
    };
    let result = match panic::catch_unwind(AssertUnwindSafe(|| read_job(&mut stream))) {
        Ok(Ok(job)) => format!("ok: job {} with {} numbers", job.id, job.numbers.len()),
        Ok(Err(error)) => error.kind().to_owned(),
        Err(payload) => format!("PANIC: {}", panic_message(payload.as_ref())),
    };
    Outcome {
        result,
        taken: stream.taken,
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

fn bad_inputs() -> Vec<(&'static str, Box<dyn Read + Send>)> {
    let numbers = |count: usize| {
        let list: Vec<String> = (0..count).map(|n| n.to_string()).collect();
        format!(r#"{{"id": 1, "numbers": [{}]}}"#, list.join(","))
    };
    let nested = "[".repeat(20_000);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("a valid job", framed(br#"{"id": 7, "numbers": [1, 2, 3]}"#)),
        ("nothing at all", vec![]),
        ("half a header", vec![0, 0]),
        ("a body shorter than declared", frame(100, br#"{"id": 1"#)),
        ("a declared length of 100 KiB", frame(100 << 10, b"{}")),
        (
            "bytes that are not UTF-8",
            framed(&[0xff, 0xfe, 0x00, 0x41]),
        ),
        (
            "JSON cut off inside the body",
            framed(br#"{"id": 1, "numbers": [1, 2"#),
        ),
        (
            "an id that is a string",
            framed(br#"{"id": "one", "numbers": []}"#),
        ),
        ("a negative id", framed(br#"{"id": -1, "numbers": []}"#)),
        (
            "a number too large for i64",
            framed(br#"{"id": 1, "numbers": [1e30]}"#),
        ),
        (
            "an unknown field",
            framed(br#"{"id": 1, "numbers": [], "run": "rm -rf /"}"#),
        ),
        ("20,000 nested brackets", framed(nested.as_bytes())),
        (
            "a Python pickle",
            framed(b"\x80\x04\x95\x15\x00\x00\x00\x00\x00\x00\x00\x8c\x02os"),
        ),
        ("2,000 numbers", framed(numbers(2_000).as_bytes())),
        (
            "exactly 1,000 numbers",
            framed(numbers(MAX_NUMBERS).as_bytes()),
        ),
    ];
    let mut inputs: Vec<(&str, Box<dyn Read + Send>)> = cases
        .into_iter()
        .map(|(name, bytes)| {
            (
                name,
                Box::new(io::Cursor::new(bytes)) as Box<dyn Read + Send>,
            )
        })
        .collect();
    inputs.insert(
        5,
        (
            "a declared length of 4 GiB, then a flood",
            Box::new(endless()),
        ),
    );
    inputs
}

/// Fails with the mistake's line if an outcome shows a panic or an unbounded read.
fn check_outcome(input: &str, outcome: &Outcome) {
    if let Some(message) = outcome.result.strip_prefix("PANIC: ") {
        EXERCISE.fail(format!(
            "mistake still present ({MISTAKE}): {input} made the reader panic (\"{message}\"); \
             return a ReadError instead"
        ));
    }
    EXERCISE.check(
        outcome.taken <= MOST_BYTES_READ,
        format!(
            "mistake still present ({MISTAKE}): {input} made the reader take {} bytes from the \
             stream; check the declared length against MAX_FRAME_BYTES before reading the body",
            outcome.taken
        ),
    );
}

#[test]
fn bad_inputs_end_in_errors_never_panics() {
    let outcomes = EXERCISE.run(|| {
        bad_inputs()
            .into_iter()
            .map(|(name, input)| (name, read_counted(input)))
            .collect::<Vec<_>>()
    });
    let mut table = String::from("| input | result | bytes read |\n|---|---|---:|\n");
    for (input, outcome) in &outcomes {
        check_outcome(input, outcome);
        writeln!(
            table,
            "| {input} | {} | {} |",
            outcome.result, outcome.taken
        )
        .unwrap();
    }
    EXERCISE.answer_key(|| insta::assert_snapshot!(table));
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
        // random bytes; and well-framed text that looks like JSON but seldom is.
        let noise = prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..300),
            (any::<u32>(), proptest::collection::vec(any::<u8>(), 0..300))
                .prop_map(|(declared, body)| frame(declared, &body)),
            proptest::collection::vec(any::<u8>(), 0..300).prop_map(|body| framed(&body)),
            "[{}\\[\\]\":,0-9a-z -]{0,80}".prop_map(|text| framed(text.as_bytes())),
        ];
        let survives = runner.run(&noise, |bytes| {
            let outcome = read_counted(io::Cursor::new(bytes.clone()));
            prop_assert!(
                !outcome.result.starts_with("PANIC") && outcome.taken <= MOST_BYTES_READ,
                "input {:?}: {} after {} bytes",
                &bytes[..bytes.len().min(16)],
                outcome.result,
                outcome.taken
            );
            Ok(())
        });
        if let Err(error) = survives {
            return Some(format!("random input: {error}"));
        }
        let jobs = (
            any::<u64>(),
            proptest::collection::vec(any::<i64>(), 0..=MAX_NUMBERS),
        )
            .prop_map(|(id, numbers)| Job { id, numbers });
        let round_trips = runner.run(&jobs, |job| {
            let read = panic::catch_unwind(AssertUnwindSafe(|| {
                read_job(&mut io::Cursor::new(encode_job(&job)))
            }));
            match read {
                Ok(Ok(back)) if back == job => Ok(()),
                Ok(Ok(_)) => Err(TestCaseError::fail("a valid job came back changed")),
                Ok(Err(error)) => Err(TestCaseError::fail(format!(
                    "a valid job with {} numbers was rejected: {error}",
                    job.numbers.len()
                ))),
                Err(_) => Err(TestCaseError::fail("a valid job made the reader panic")),
            }
        });
        round_trips
            .err()
            .map(|error| format!("valid jobs: {error}"))
    });
    if let Some(failure) = failure {
        let one_line = failure.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown: String = one_line.chars().take(300).collect();
        EXERCISE.fail(format!("mistake still present ({MISTAKE}): {shown}"));
    }
}
