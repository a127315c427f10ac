//! Threads: std's, or loom's inside a model.

use std::fmt;

/// Starts a thread: a real one, or a loom thread inside a model.
pub fn spawn<F, T>(body: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    #[cfg(feature = "loom")]
    if super::in_model() {
        return JoinHandle(Handle::Loom(loom::thread::spawn(body)));
    }
    JoinHandle(Handle::Std(std::thread::spawn(body)))
}

/// Lets another thread run (under loom: a point where loom may switch threads).
pub fn yield_now() {
    #[cfg(feature = "loom")]
    if super::in_model() {
        return loom::thread::yield_now();
    }
    std::thread::yield_now();
}

/// The thread running this code.
pub fn current() -> Thread {
    #[cfg(feature = "loom")]
    if super::in_model() {
        return Thread(ThreadId::Loom(loom::thread::current().id()));
    }
    Thread(ThreadId::Std(std::thread::current().id()))
}

/// Waits for a thread started by [`spawn`] to finish.
#[derive(Debug)]
pub struct JoinHandle<T>(Handle<T>);

#[derive(Debug)]
enum Handle<T> {
    Std(std::thread::JoinHandle<T>),
    #[cfg(feature = "loom")]
    Loom(loom::thread::JoinHandle<T>),
}

impl<T> JoinHandle<T> {
    /// The thread's result, or its panic.
    pub fn join(self) -> std::thread::Result<T> {
        match self.0 {
            Handle::Std(handle) => handle.join(),
            #[cfg(feature = "loom")]
            Handle::Loom(handle) => handle.join(),
        }
    }
}

/// A handle on a thread; [`current`] gives one.
#[derive(Clone, Copy, Debug)]
pub struct Thread(ThreadId);

impl Thread {
    pub fn id(&self) -> ThreadId {
        self.0
    }
}

/// Tells threads apart, real ones and loom's.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThreadId {
    Std(std::thread::ThreadId),
    #[cfg(feature = "loom")]
    Loom(loom::thread::ThreadId),
}

impl fmt::Debug for ThreadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Std(id) => fmt::Debug::fmt(id, f),
            #[cfg(feature = "loom")]
            Self::Loom(id) => fmt::Debug::fmt(id, f),
        }
    }
}

impl From<std::thread::ThreadId> for ThreadId {
    fn from(id: std::thread::ThreadId) -> Self {
        Self::Std(id)
    }
}
