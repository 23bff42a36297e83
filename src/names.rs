//! Names of the closed sets ([`Region`](crate::Region),
//! [`Theme`](crate::Theme), [`Category`](crate::Category)): the error for an
//! unknown name, and the trait impls the three enums share.

/// A name that is not a [`Region`](crate::Region), [`Theme`](crate::Theme)
/// or [`Category`](crate::Category). Its message lists the valid names.
///
/// ```
/// use zaitaku_opinions::Region;
///
/// let err = "区北部".parse::<Region>().unwrap_err();
/// assert_eq!(err.kind(), "region");
/// assert_eq!(err.input(), "区北部");
/// assert!(err.to_string().contains("区中央部"));
/// assert!(err.valid_names().any(|n| n == "北多摩北部"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} name `{input}`; expected one of: {valid}")]
pub struct UnknownNameError {
    kind: &'static str,
    input: String,
    valid: &'static str,
}

impl UnknownNameError {
    pub(crate) fn new(kind: &'static str, input: &str, valid: &'static str) -> Self {
        Self {
            kind,
            input: input.to_owned(),
            valid,
        }
    }

    /// Which set the name was looked up in: `"region"`, `"theme"` or
    /// `"category"`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The input, as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The canonical names of the set, in order.
    pub fn valid_names(&self) -> impl Iterator<Item = &'static str> {
        self.valid.split(", ")
    }
}

/// `from_name` for a name that is not spelt canonically: first `exact`, the
/// generated `match` on every spelling and every normalised key; then, if
/// the name is already in normal form, that `match` was final; otherwise
/// it is normalised (on the stack) and looked up in the phf map of
/// normalised keys.
#[inline(never)]
pub(crate) fn from_other_name<T: Copy>(
    name: &str,
    exact: impl Fn(&str) -> Option<T>,
    keys: &'static phf::Map<&'static str, T>,
) -> Option<T> {
    if let Some(value) = exact(name) {
        return Some(value);
    }
    if crate::normalize::is_name_key(name) {
        return None;
    }
    let key = crate::normalize::name_key(name)?;
    keys.get(key.as_str()).copied()
}

/// Implements, for a closed-set enum with `ALL`, `name_ja()` and
/// `from_name()`: `Display` (the Japanese name), `FromStr`, the `&'static
/// str` conversions, and strum's `IntoEnumIterator`, `EnumCount`,
/// `VariantArray` and `VariantNames` (written out here rather than derived,
/// which saves users the strum_macros build).
macro_rules! closed_set {
    ($ty:ident, $kind:literal, $valid:path, $n:literal) => {
        impl ::core::fmt::Display for $ty {
            /// Writes the Japanese name.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name_ja())
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownNameError;

            /// Parses any accepted spelling; see `from_name`.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_name(s).ok_or_else(|| $crate::UnknownNameError::new($kind, s, $valid))
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::UnknownNameError;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$ty> for &'static str {
            /// The Japanese name.
            fn from(value: $ty) -> Self {
                value.name_ja()
            }
        }

        impl AsRef<str> for $ty {
            /// The Japanese name.
            fn as_ref(&self) -> &str {
                self.name_ja()
            }
        }

        impl ::strum::EnumCount for $ty {
            const COUNT: usize = $n;
        }

        impl ::strum::VariantArray for $ty {
            const VARIANTS: &'static [Self] = &$ty::ALL;
        }

        impl ::strum::VariantNames for $ty {
            /// The Japanese names, in order.
            const VARIANTS: &'static [&'static str] = &{
                let mut names = [""; $n];
                let mut i = 0;
                while i < $n {
                    names[i] = $ty::ALL[i].name_ja();
                    i += 1;
                }
                names
            };
        }

        impl ::strum::IntoEnumIterator for $ty {
            type Iterator = ::core::iter::Copied<::core::slice::Iter<'static, $ty>>;

            fn iter() -> Self::Iterator {
                <$ty as ::strum::VariantArray>::VARIANTS.iter().copied()
            }
        }
    };
}

pub(crate) use closed_set;

#[cfg(test)]
mod tests {
    use crate::normalize::{is_name_key, name_key};

    fn key(s: &str) -> String {
        name_key(s)
            .map(|k| k.as_str().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn is_name_key_only_vouches_for_strings_already_in_normal_form() {
        let vouched: Vec<char> = ('\0'..='\u{FFFF}')
            .filter(|c| is_name_key(c.encode_utf8(&mut [0; 4])))
            .collect();
        // Printable ASCII but upper case and 【】-like ignored characters,
        // kana, and the 20,992 unified ideographs.
        assert!(vouched.len() > 20_000);
        for c in &vouched {
            let s = c.to_string();
            assert_eq!(key(&s), s, "U+{:04X}", *c as u32);
        }
        // Neighbours never compose: every pair of kana and ASCII.
        let small: Vec<char> = vouched
            .iter()
            .copied()
            .filter(|&c| c < '\u{4E00}')
            .collect();
        for a in &small {
            for b in &small {
                let s: String = [*a, *b].into_iter().collect();
                assert_eq!(key(&s), s, "U+{:04X} U+{:04X}", *a as u32, *b as u32);
            }
        }
        for s in [
            "Ku-Chuobu",
            "ku chuobu",
            "【区中央部】",
            "ｋｕ",
            "２４時間",
            "①",
            "・",
            " 区中央部",
        ] {
            assert!(!is_name_key(s), "{s}");
        }
        for s in [
            "区中央部",
            "kuchuobu",
            "くちゅうおうぶ",
            "24時間診療体制",
            "情報共有(ict含む)",
            "",
        ] {
            assert!(is_name_key(s), "{s}");
        }
    }
}
