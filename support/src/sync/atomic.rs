//! Atomics: std's, or loom's inside a model. Only the operations the exercises use.

use std::fmt;
use std::sync::atomic::Ordering;

/// Runs the same call on whichever atomic is inside (each module below has its own `Inner`).
macro_rules! each {
    ($atomic:expr, $inner:ident => $call:expr) => {
        match &$atomic.0 {
            Inner::Std($inner) => $call,
            #[cfg(feature = "loom")]
            Inner::Loom($inner) => $call,
        }
    };
}

macro_rules! atomic {
    ($name:ident, $value:ty, { $($extra:tt)* }) => {
        #[doc = concat!("std's `", stringify!($name), "`, or loom's inside a model.")]
        pub struct $name(Inner);

        enum Inner {
            Std(std::sync::atomic::$name),
            #[cfg(feature = "loom")]
            Loom(loom::sync::atomic::$name),
        }

        impl $name {
            pub fn new(value: $value) -> Self {
                #[cfg(feature = "loom")]
                if crate::sync::in_model() {
                    return Self(Inner::Loom(loom::sync::atomic::$name::new(value)));
                }
                Self(Inner::Std(std::sync::atomic::$name::new(value)))
            }

            pub fn load(&self, order: Ordering) -> $value {
                each!(self, atomic => atomic.load(order))
            }

            pub fn store(&self, value: $value, order: Ordering) {
                each!(self, atomic => atomic.store(value, order))
            }

            pub fn swap(&self, value: $value, order: Ordering) -> $value {
                each!(self, atomic => atomic.swap(value, order))
            }

            pub fn compare_exchange(
                &self,
                current: $value,
                new: $value,
                success: Ordering,
                failure: Ordering,
            ) -> Result<$value, $value> {
                each!(self, atomic => atomic.compare_exchange(current, new, success, failure))
            }

            $($extra)*
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new(<$value>::default())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match &self.0 {
                    Inner::Std(atomic) => fmt::Debug::fmt(atomic, f),
                    // Reading it would be one more step for loom to interleave.
                    #[cfg(feature = "loom")]
                    Inner::Loom(_) => f.write_str(concat!(stringify!($name), "(in a loom model)")),
                }
            }
        }
    };
}

macro_rules! integer {
    ($value:ty) => {
        pub fn fetch_add(&self, value: $value, order: Ordering) -> $value {
            each!(self, atomic => atomic.fetch_add(value, order))
        }

        pub fn fetch_sub(&self, value: $value, order: Ordering) -> $value {
            each!(self, atomic => atomic.fetch_sub(value, order))
        }

        pub fn fetch_max(&self, value: $value, order: Ordering) -> $value {
            each!(self, atomic => atomic.fetch_max(value, order))
        }
    };
}

mod usize_ {
    use super::*;
    atomic!(AtomicUsize, usize, {
        integer!(usize);
    });
}

mod u64_ {
    use super::*;
    atomic!(AtomicU64, u64, {
        integer!(u64);
    });
}

mod bool_ {
    use super::*;
    atomic!(AtomicBool, bool, {});
}

pub use bool_::AtomicBool;
pub use u64_::AtomicU64;
pub use usize_::AtomicUsize;
