//! The child's side of the process pool: read a request, do the task, write the reply, until
//! the parent closes our stdin. Provided code, complete; `src/bin/worker.rs` runs it.
//! Book: src/ch04/01-one-worker.md

use std::io::{self, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::protocol::{self, Answer, Reply, Request, Task};

/// The classic tutorial's `cpu_intensive(n)`: the sum of `i * i` for `i` in `0..n`, wrapping on overflow.
// Never inlined: every caller (a thread, rayon, a worker process) then runs the very same
// machine code, so the measurements compare ways of running it, not ways of compiling it.
#[inline(never)]
pub fn sum_of_squares(n: u64) -> u64 {
    // `black_box` keeps the optimiser from replacing the loop with the closed formula
    // n(n-1)(2n-1)/6: the point of this function is to take CPU time, like the Python loop.
    (0..n).fold(0u64, |total, i| {
        total.wrapping_add(std::hint::black_box(i).wrapping_mul(i))
    })
}

/// Serves requests from stdin until it closes, then returns: that is how a worker shuts down.
pub fn serve() -> io::Result<()> {
    let mut requests = BufReader::new(io::stdin().lock());
    let mut replies = io::stdout().lock();
    while let Some(request) = protocol::receive_until_closed::<Request>(&mut requests)? {
        let answer = match request.task {
            Task::SumOfSquares(n) => Answer::Sum(sum_of_squares(n)),
            Task::Echo(text) => Answer::Echo(text),
            Task::CheckIn { port, task } => {
                check_in(port, task)?;
                Answer::CheckedIn
            }
            Task::ReplyGarbage => {
                replies.write_all(b"Traceback (most recent call last): oops\n")?;
                replies.flush()?;
                continue;
            }
            Task::ExitMidTask => std::process::exit(3),
            Task::ReplyToAnotherId => {
                protocol::send(
                    &mut replies,
                    &Reply {
                        id: request.id.wrapping_add(1),
                        answer: Answer::Sum(0),
                    },
                )?;
                continue;
            }
            Task::ExitMidReply => {
                replies
                    .write_all(format!("{{\"id\":{},\"answer\":{{\"Su", request.id).as_bytes())?;
                replies.flush()?;
                std::process::exit(3)
            }
        };
        protocol::send(
            &mut replies,
            &Reply {
                id: request.id,
                answer,
            },
        )?;
    }
    Ok(())
}

/// Tells the test's listener that task `task` is running here, then waits (bounded) for its
/// go-ahead. The test lets everyone go once it has counted the workers that are busy at once.
fn check_in(port: u16, task: u32) -> io::Result<()> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(&task.to_be_bytes())?;
    let mut go = [0u8; 1];
    stream.read_exact(&mut go)
}
