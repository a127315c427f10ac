//! A tiny interpreter with a GIL, shaped like PyO3's API, for exercise 4.5. Provided, complete.
//! Book: src/ch04/05-releasing-the-lock.md
//!
//! - [`Interpreter::attach`] takes the GIL and hands the closure a [`Python`] token: proof that
//!   this thread holds the GIL (PyO3: `Python::attach`, formerly `Python::with_gil`).
//! - [`Python::detach`] lets go of the GIL while a closure runs and takes it back afterwards
//!   (PyO3: `py.detach`, formerly `allow_threads`; C: `Py_BEGIN_ALLOW_THREADS` ... `END`).
//! - "Python objects" ([`PyBytes`], [`PyList`]) can only be read or made with a token.
//!
//! The token is not `Send`, and neither are the objects, so a closure given to `detach` cannot
//! take them along: the compiler refuses to let native code touch Python objects without the
//! GIL. That is the rule C extensions must follow by discipline alone.

use std::marker::PhantomData;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread::{self, ThreadId};

/// An interpreter: here, just its GIL, which remembers which thread holds it.
#[derive(Debug, Default)]
pub struct Interpreter {
    holder: Mutex<Option<ThreadId>>,
    released: Condvar,
}

/// Proof that the current thread holds the GIL. `Copy`, but not `Send`: it cannot leave the
/// thread, or the closure, it was given to.
#[derive(Clone, Copy, Debug)]
pub struct Python<'py> {
    interpreter: &'py Interpreter,
    not_send: PhantomData<*const ()>,
}

impl Interpreter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `f` holding the GIL, as every Python thread runs Python code.
    pub fn attach<R>(&self, f: impl FnOnce(Python<'_>) -> R) -> R {
        self.take();
        // Give the GIL back even if `f` panics, or every other thread would wait forever.
        let _release = Release(self);
        f(Python {
            interpreter: self,
            not_send: PhantomData,
        })
    }

    /// Whether the thread calling this holds the GIL right now.
    pub fn held_by_current_thread(&self) -> bool {
        *self.holder() == Some(thread::current().id())
    }

    fn take(&self) {
        let mut holder = self.holder();
        while holder.is_some() {
            holder = self
                .released
                .wait(holder)
                .unwrap_or_else(|poison| poison.into_inner());
        }
        *holder = Some(thread::current().id());
    }

    fn release(&self) {
        *self.holder() = None;
        self.released.notify_one();
    }

    fn holder(&self) -> MutexGuard<'_, Option<ThreadId>> {
        self.holder
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// Releases the GIL when dropped.
struct Release<'a>(&'a Interpreter);

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.0.release();
    }
}

/// Takes the GIL back when dropped (after a `detach`).
struct Retake<'a>(&'a Interpreter);

impl Drop for Retake<'_> {
    fn drop(&mut self) {
        self.0.take();
    }
}

impl Python<'_> {
    /// Releases the GIL, runs `f`, and takes the GIL back before returning. Other Python threads
    /// run while `f` does. `f` must be `Send`: it cannot capture the token or a Python object.
    pub fn detach<R: Send>(self, f: impl FnOnce() -> R + Send) -> R {
        self.interpreter.release();
        let _retake = Retake(self.interpreter);
        f()
    }
}

/// A Python `bytes` object. Its contents are read with the token; the object is not `Sync`, so
/// a detached closure cannot borrow it (but it can borrow the `&[u8]` read from it, as in PyO3:
/// a `bytes` object never changes).
#[derive(Debug)]
pub struct PyBytes {
    data: Vec<u8>,
    not_sync: PhantomData<*const ()>,
}

impl PyBytes {
    pub fn new(_py: Python<'_>, data: &[u8]) -> Self {
        Self {
            data: data.to_vec(),
            not_sync: PhantomData,
        }
    }

    pub fn as_bytes<'a>(&'a self, _py: Python<'a>) -> &'a [u8] {
        &self.data
    }
}

/// A Python `list` of integers, made only with the token.
#[derive(Debug)]
pub struct PyList {
    items: Vec<u64>,
    not_send: PhantomData<*const ()>,
}

impl PyList {
    pub fn new(_py: Python<'_>, items: impl IntoIterator<Item = u64>) -> Self {
        Self {
            items: items.into_iter().collect(),
            not_send: PhantomData,
        }
    }

    pub fn to_vec(&self, _py: Python<'_>) -> Vec<u64> {
        self.items.clone()
    }
}
