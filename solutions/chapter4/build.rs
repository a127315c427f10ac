//! Only the optional `pyo3` feature (the `pyo3_detach` example) needs a build script: it embeds
//! CPython, and the binary must find at run time the same libpython it was linked against.

fn main() {
    #[cfg(feature = "pyo3")]
    pyo3_build_config::add_libpython_rpath_link_args();
}
