//! The build pipeline's tests, in one binary: `src/build/` (and the
//! `src/normalize.rs` it uses) is mounted here once, exactly as `build.rs`
//! mounts it, and each file beside this one is a module of this binary.
//!
//! Run one part with a filter, e.g. `cargo test --test build parser::`.

#[path = "../../src/build/mod.rs"]
#[allow(dead_code)]
mod build;
#[path = "../../src/normalize.rs"]
#[allow(dead_code)]
mod normalize;

mod build_failure;
mod determinism;
mod english;
mod lossless;
mod municipality;
mod mutation;
mod name_keys;
mod parser;
mod points;
mod similar_judgements;
mod tolerance;
