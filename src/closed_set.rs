//! The closed sets ([`Region`](crate::Region), [`Theme`](crate::Theme),
//! [`Category`](crate::Category), [`Zone`](crate::Zone),
//! [`MatchKind`](crate::MatchKind), [`RecordKind`](crate::RecordKind),
//! [`MunicipalityKind`](crate::MunicipalityKind)): the one name lookup they
//! share and the macro that declares each enum with its trait impls; and
//! the one lookup error, [`UnknownNameError`], of the closed sets, the ids,
//! the points and the theme numbers, which suggests valid names by one rule
//! (`normalize::closest`, shared with the build).

use crate::normalize::{closest, name_key, THREE};

/// A name that names nothing in its set: a closed set's name (a
/// [`Region`](crate::Region), a [`Theme`](crate::Theme) …), a record id
/// ([`OpinionId`](crate::OpinionId), [`KeyOpinionId`](crate::KeyOpinionId),
/// [`RecordId`](crate::RecordId)), a [`Point`](crate::Point) id or a theme
/// number. Its message names the closest valid names
/// ([`suggestions`](Self::suggestions)) and repeats at most 24 characters
/// of the input.
///
/// ```
/// use zaitaku_opinions::{OpinionId, Region};
///
/// let err = "区北部".parse::<Region>().unwrap_err();
/// assert_eq!(err.kind(), "region");
/// assert_eq!(err.input(), "区北部");
/// assert_eq!(err.suggestions()[..2], ["区西北部", "区東北部"]);
/// assert_eq!(err.to_string(), "unknown region `区北部`; closest: 区西北部, 区東北部, 区南部");
///
/// let err = "t1-kuchuobu-99".parse::<OpinionId>().unwrap_err();
/// assert_eq!(err.kind(), "area opinion id");
/// assert!(err.suggestions().iter().all(|id| id.parse::<OpinionId>().is_ok()));
/// ```
#[derive(Clone)]
pub struct UnknownNameError {
    kind: &'static str,
    /// The input, cut to at most [`KEPT`] bytes.
    input: String,
    /// How the suggestions are found, run at most once, when they are
    /// first needed (displayed, or asked for): an error that is thrown
    /// away, as serde throws away those of an untagged enum's other
    /// variants, costs no scoring.
    suggest: fn(&str) -> Vec<String>,
    suggestions: std::sync::OnceLock<Vec<String>>,
}

impl std::fmt::Debug for UnknownNameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnknownNameError")
            .field("kind", &self.kind)
            .field("input", &self.input)
            .field("suggestions", &self.suggestions())
            .finish()
    }
}

impl PartialEq for UnknownNameError {
    /// Errors are equal if they looked up the same input as the same kind
    /// (and so suggest the same names).
    fn eq(&self, other: &Self) -> bool {
        (self.kind, &self.input) == (other.kind, &other.input)
    }
}

impl Eq for UnknownNameError {}

impl std::fmt::Display for UnknownNameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} `{}`; closest: {}",
            self.kind,
            shorten(&self.input),
            self.suggestions().join(", ")
        )
    }
}

impl std::error::Error for UnknownNameError {}

/// At most this many bytes of an input are kept by an error (cut at a
/// character boundary): more than any lookup reads, and a bound on the
/// error's memory whatever the input.
pub(crate) const KEPT: usize = 256;

/// The first [`KEPT`] bytes of `input`, cut at a character boundary.
pub(crate) fn kept(input: &str) -> &str {
    if input.len() <= KEPT {
        return input;
    }
    let mut end = KEPT;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    &input[..end]
}

impl UnknownNameError {
    /// The error for `input`, which names nothing of `kind`; `suggest`
    /// finds the closest valid names of a (bounded) input, when asked.
    pub(crate) fn new(kind: &'static str, input: &str, suggest: fn(&str) -> Vec<String>) -> Self {
        Self {
            kind,
            input: kept(input).to_owned(),
            suggest,
            suggestions: std::sync::OnceLock::new(),
        }
    }

    /// What the input was looked up as: a closed set (`"region"`,
    /// `"theme"`, `"category"`, `"zone"`, `"match kind"`, `"record kind"`,
    /// `"municipality kind"`), an id (`"area opinion id"`, `"key opinion
    /// id"`, `"record id"`, `"point id"`) or `"theme number"`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The input as given, or its first 256 bytes if it was longer (cut
    /// at a character boundary).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The three valid names closest to the input (all of them if the set
    /// has fewer), best first, ties in the set's order; a closed set's
    /// canonical names, ids as they print.
    ///
    /// A name scores the largest Dice coefficient, `2·|A∩B| / (|A|+|B|)`,
    /// between the input (its first 48 characters) and one of the name's
    /// accepted spellings, both in comparison form (width, ASCII case,
    /// katakana for hiragana, macrons, spaces and hyphens do not matter):
    /// over their distinct characters for a spelling that is not ASCII (a
    /// Japanese name, a reading), over their distinct pairs of adjacent
    /// ASCII letters or digits for one that is (a slug, an id).
    ///
    /// Computed when first asked for (or when the error is displayed), on
    /// at most the input's first 48 characters.
    pub fn suggestions(&self) -> &[String] {
        self.suggestions.get_or_init(|| (self.suggest)(&self.input))
    }
}

/// At most this many characters of an input are repeated in a message.
const SHOWN: usize = 24;

/// The input as an error message shows it: cut after [`SHOWN`] characters.
pub(crate) fn shorten(input: &str) -> String {
    match input.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &input[..end]),
        None => input.to_owned(),
    }
}

/// The normalised spellings of a closed set (generated from the vocabulary
/// by `build.rs`), and the longest input that can be one of them.
pub(crate) struct Names<T: 'static> {
    /// Every accepted spelling's `normalize::name_key` → value.
    pub keys: phf::Map<&'static str, T>,
    /// Four times the longest key, in bytes, as the build writes it; the
    /// lookup's cut-off is `normalize::input_cap` of the key's length,
    /// which is measured on what NFKC does (up to six bytes for one, and
    /// `【】` or spaces around).
    pub longest_input: usize,
}

/// A closed set, as the macro below declares it.
pub(crate) trait ClosedSet: Copy + PartialEq + 'static {
    /// Which set, for messages.
    const KIND: &'static str;
    /// Every value, in order.
    const ALL: &'static [Self];
    /// The canonical names, in order: the exact-match fast path.
    const CANONICAL: &'static [&'static str];
    /// Every other spelling.
    fn names() -> &'static Names<Self>;
}

/// The one name lookup of every closed set, behind `from_name`, `FromStr`
/// and serde: the canonical names compared as given (the `match` a user
/// would write), then every other spelling through the generated map of
/// normalised keys. Allocates nothing; an input longer than any spelling
/// could be is rejected before it is normalised.
#[inline]
pub(crate) fn lookup<T: ClosedSet>(name: &str) -> Option<T> {
    match T::CANONICAL.iter().position(|&n| n == name) {
        Some(i) => Some(T::ALL[i]),
        None => lookup_other(name),
    }
}

#[inline(never)]
fn lookup_other<T: ClosedSet>(name: &str) -> Option<T> {
    let names = T::names();
    let longest = crate::normalize::input_cap(names.longest_input / 4);
    find(name, longest, |key| names.keys.get(key).copied())
}

/// The one normalised-name lookup, of the closed sets and of
/// municipalities: `get` on the name as given, then, unless it is already
/// in comparison form, on its `normalize::name_key`. An input longer than
/// `longest` bytes is a miss before it is normalised. Allocates nothing.
pub(crate) fn find<T>(name: &str, longest: usize, get: impl Fn(&str) -> Option<T>) -> Option<T> {
    if name.len() > longest {
        return None;
    }
    if let Some(value) = get(name) {
        return Some(value);
    }
    // Already in normal form: the first answer was final.
    if crate::normalize::is_name_key(name) {
        return None;
    }
    get(name_key(name)?.as_str())
}

/// [`lookup`], or the error that suggests the closest canonical names,
/// each compared by every spelling its lookup accepts.
pub(crate) fn parse<T: ClosedSet>(name: &str) -> Result<T, UnknownNameError> {
    lookup(name).ok_or_else(|| UnknownNameError::new(T::KIND, name, suggest::<T>))
}

/// The canonical names of `T` closest to `input`, each compared by every
/// spelling its lookup accepts.
fn suggest<T: ClosedSet>(input: &str) -> Vec<String> {
    let keys = &T::names().keys;
    let spellings = |t: T| keys.entries().filter(move |e| *e.1 == t).map(|e| *e.0);
    let candidates = T::ALL.iter().zip(T::CANONICAL);
    closest(
        input,
        candidates.map(|(&t, &n)| (n, spellings(t).chain([n]))),
        THREE,
    )
    .into_iter()
    .map(str::to_owned)
    .collect()
}

/// Whether two strings are equal, in a `const` context.
pub(crate) const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One column of a closed set's vocabulary table, in the variants' order,
/// as a `const` array.
macro_rules! column {
    ($ty:ident, $field:ident) => {{
        let mut names = [""; $ty::COUNT];
        let mut i = 0;
        while i < $ty::COUNT {
            names[i] = $ty::ALL[i].row().$field;
            i += 1;
        }
        names
    }};
}

pub(crate) use column;

/// Declares a closed-set enum from its variants (each documented) and its
/// vocabulary table (`crate::vocab`), with:
///
/// - `ALL`, `COUNT` and `iter()`, inherent (no strum import needed), and
///   strum's `IntoEnumIterator`, `EnumCount`, `VariantArray` and
///   `VariantNames` (written out here rather than derived, which saves
///   users the strum_macros build);
/// - `Display` (the `display` column), `FromStr` and `TryFrom<&str>`
///   through [`lookup`], `From<Self> for &'static str` and `AsRef<str>`;
/// - with `serde`, the `slug` column written and any spelling read;
/// - given a documentation and `fn from_name;` after the variants, the
///   inherent `from_name`, through [`lookup`];
/// - compile-time checks that the table has one row per variant, in the
///   variants' order.
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident ($kind:literal, $table:ident, $names:ident) {
            canonical: $canonical:ident, display: $display:ident, slug: $slug:ident,
            $($(#[$vmeta:meta])* $variant:ident,)+
        }
        $($(#[$fmeta:meta])+ fn from_name;)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $ty {
            $($(#[$vmeta])* $variant,)+
        }

        impl $ty {
            /// Every value, in order.
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];

            /// How many values there are.
            pub const COUNT: usize = Self::ALL.len();

            /// Every value, in order.
            pub fn iter() -> ::core::iter::Copied<::core::slice::Iter<'static, $ty>> {
                Self::ALL.iter().copied()
            }

            /// This value's row of the vocabulary table.
            const fn row(self) -> &'static $crate::vocab::$table {
                &$crate::vocab::$names[self as usize]
            }

            /// The canonical names, in order.
            const CANONICAL: [&'static str; Self::COUNT] = $crate::closed_set::column!($ty, $canonical);

            /// The `display` names, in order.
            const DISPLAY: [&'static str; Self::COUNT] = $crate::closed_set::column!($ty, $display);
        }

        // One row per variant, in order.
        const _: () = {
            assert!($crate::vocab::$names.len() == $ty::COUNT);
            let names = [$(stringify!($variant)),+];
            let mut i = 0;
            while i < names.len() {
                assert!($crate::closed_set::const_eq($crate::vocab::$names[i].variant, names[i]));
                i += 1;
            }
        };

        $(
            impl $ty {
                $(#[$fmeta])+
                #[inline]
                pub fn from_name(name: &str) -> Option<$ty> {
                    $crate::closed_set::lookup(name)
                }
            }
        )?

        impl $crate::closed_set::ClosedSet for $ty {
            const KIND: &'static str = $kind;
            const ALL: &'static [Self] = &$ty::ALL;
            const CANONICAL: &'static [&'static str] = &$ty::CANONICAL;
            fn names() -> &'static $crate::closed_set::Names<Self> {
                &$crate::dataset::$names
            }
        }

        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.row().$display)
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownNameError;

            /// Parses any accepted spelling; see `from_name`.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::closed_set::parse(s)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::UnknownNameError;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                $crate::closed_set::parse(s)
            }
        }

        impl From<$ty> for &'static str {
            /// The name `Display` writes.
            fn from(value: $ty) -> Self {
                value.row().$display
            }
        }

        impl AsRef<str> for $ty {
            /// The name `Display` writes.
            fn as_ref(&self) -> &str {
                self.row().$display
            }
        }

        impl ::strum::EnumCount for $ty {
            const COUNT: usize = $ty::COUNT;
        }

        impl ::strum::VariantArray for $ty {
            const VARIANTS: &'static [Self] = &$ty::ALL;
        }

        impl ::strum::VariantNames for $ty {
            /// The names `Display` writes, in order.
            const VARIANTS: &'static [&'static str] = &$ty::DISPLAY;
        }

        impl ::strum::IntoEnumIterator for $ty {
            type Iterator = ::core::iter::Copied<::core::slice::Iter<'static, $ty>>;

            fn iter() -> Self::Iterator {
                $ty::iter()
            }
        }

        #[cfg(feature = "serde")]
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl ::serde::Serialize for $ty {
            /// Writes the ASCII slug.
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.row().$slug)
            }
        }

        #[cfg(feature = "serde")]
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> ::serde::Deserialize<'de> for $ty {
            /// Reads any spelling `FromStr` accepts.
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::serde_impls::parse_str(deserializer, $kind)
            }
        }
    };
}

pub(crate) use closed_set;
