// The heatmaps as `data:` URIs, in link definitions that come before the
// README's own (`docs/*.svg`, which rustdoc does not copy): CommonMark uses
// the first definition of a label, so the crate docs show the pictures
// inline. Written by `cargo run -p zaitaku_tools --bin heatmap`; CI checks
// that it is current and that every image on the crate's front page
// resolves.
#![doc = include_str!("../docs/heatmaps.md")]
// The explorer's screenshot (240 KB) is too big to inline and is not
// packaged: the crate docs say where it is instead.
#![doc = concat!("[explorer-screenshot]: data:image/svg+xml,", "%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20width=%22820%22%20height=%2236%22%3E%3Ctext%20x=%228%22%20y=%2224%22%20font-family=%22sans-serif%22%20font-size=%2215%22%3EThe%20screenshot%20is%20docs/explorer.png%20in%20the%20repository%20(cargo%20run%20-p%20zaitaku_tools%20--bin%20explorer).%3C/text%3E%3C/svg%3E")]
// The README's item links, as links to the items: the README defines the
// same labels after this, pointing at its "Documentation" section, so that
// it reads right as plain Markdown on a forge or crates.io; the first
// definition of a label wins. `tests/readme.rs` checks that every label the
// README links is defined here.
#![doc = r"
[readme-ja]: crate::ja
[`Opinion`]: Opinion
[`KeyOpinion`]: KeyOpinion
[`Region`]: Region
[`Theme`]: Theme
[`Category`]: Category
[`Point`]: Point
[`Record`]: Record
[`Query`]: Query
"]
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod category;
mod closed_set;
mod dataset;
mod id;
mod macros;
mod municipality;
mod normalize;
mod opinion;
mod point;
mod query;
mod record;
mod region;
mod search;
#[cfg(feature = "serde")]
mod serde_impls;
mod theme;
mod vocab;

pub use category::Category;
pub use closed_set::UnknownNameError;
pub use dataset::{
    counts, key_groups, key_opinion, key_opinions, opinion, opinions, record, Counts,
    SOURCE_DESCRIPTION, SOURCE_SHA256,
};
pub use id::{KeyOpinionId, OpinionId};
pub use municipality::{Municipality, MunicipalityKind, UnknownMunicipalityError};
pub use opinion::{KeyOpinion, LineSpan, MatchKind, Opinion, Similar};
pub use point::{points, Point, PointIter};
pub use query::{Query, QueryIter};
pub use record::{Record, RecordId, RecordKind, Row};
pub use region::{Region, Zone};
pub use search::{search, search_en, search_hits, Hit, Ignored};
pub use strum;
pub use theme::Theme;

#[doc(hidden)]
pub use macros::__private;

/// 日本語の説明: the README in Japanese (`README.ja.md`), for readers of
/// the document who do not write Rust. It contains no items.
///
/// [readme-en]: crate
#[doc = include_str!("../README.ja.md")]
pub mod ja {}
