//! Build-time code: the vocabularies, the parser, provenance linking, the
//! English texts and the code generator. `build.rs` mounts this module
//! with `#[path]`; so do the tests and benches that check the parser on
//! fixtures. The library itself never parses anything at run time.

pub mod emit;
pub mod english;
pub mod error;
pub mod link;
pub mod municipality;
pub mod parse;
pub mod pins;
pub mod vocab;
