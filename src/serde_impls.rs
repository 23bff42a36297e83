//! `Serialize` and `Deserialize`, in chrono-tz's shape: every value that
//! has a name is a string, read back through the same lookup as `FromStr`.
//!
//! * The closed sets ([`Region`](crate::Region), [`Theme`](crate::Theme),
//!   [`Category`](crate::Category), [`Zone`](crate::Zone),
//!   [`MatchKind`](crate::MatchKind), [`RecordKind`], [`MunicipalityKind`](crate::MunicipalityKind)) are
//!   written as their ASCII slugs and read through their one lookup (see
//!   `closed_set::closed_set`).
//! * [`OpinionId`], [`KeyOpinionId`] and [`RecordId`] are written as their
//!   id strings; the first two are read back from them.
//! * Records ([`Opinion`], [`KeyOpinion`], [`Record`]) are written as their
//!   [`Row`] (derived). `&'static Opinion` and `&'static KeyOpinion` are read
//!   from an id, or from a row: its `id` finds the record, and every other
//!   field given must agree with the record's own row.
//! * [`Municipality`] is written with its fields (derived), and `&'static
//!   Municipality` read from a name or code, or from such a record, the
//!   same way.
//!
//! Nothing read is kept: the values are the `'static` dataset's, so
//! borrowed, transient and owned input all work.

use crate::{
    KeyOpinion, KeyOpinionId, Municipality, MunicipalityKind, Opinion, OpinionId, Record, RecordId,
    RecordKind, Region, Row, Similar, Theme,
};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

/// A visitor that reads a string and parses it with `FromStr`; it keeps
/// nothing of the input, so `visit_str` serves borrowed, transient and
/// owned strings alike (serde forwards `visit_borrowed_str` and
/// `visit_string` to it).
struct ParseVisitor<T>(&'static str, PhantomData<T>);

impl<T> Visitor<'_> for ParseVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} as a string", self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

/// Reads a `T` from a string through its `FromStr`; `what` names it in
/// errors.
pub(crate) fn parse_str<'de, D, T>(deserializer: D, what: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    deserializer.deserialize_str(ParseVisitor(what, PhantomData))
}

/// Writes an id as its string and reads it back through `FromStr`.
macro_rules! id_serde {
    ($ty:ident, $what:literal) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl Serialize for $ty {
            /// Writes the id string.
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> Deserialize<'de> for $ty {
            /// Reads an id string; only ids of records in the dataset are
            /// accepted.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                parse_str(deserializer, $what)
            }
        }
    };
}

id_serde!(OpinionId, "area opinion id such as `t1-kuchuobu-03`");
id_serde!(KeyOpinionId, "key opinion id such as `t1-key-05-02`");

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for RecordId {
    /// Writes the id string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Writes the record's [`Row`]: `id`, `kind` (`"area"`), `theme`, `region`
/// and `category` (slugs), `text`, `text_en` (the crate authors' unofficial
/// English), `taken_from` (empty), `first_line`, `last_line` and `points`
/// (point ids, separated by a space).
///
/// ```
/// let o = zaitaku_opinions::opinion("t1-kuchuobu-01").unwrap();
/// let json = serde_json::to_value(o)?;
/// assert_eq!(json["id"], "t1-kuchuobu-01");
/// assert_eq!(json["kind"], "area");
/// assert_eq!(json["region"], "ku-chuobu");
/// assert_eq!(json["first_line"], 71);
/// assert_eq!(json["text_en"], o.text_en());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Opinion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Record::Area(self.id.opinion()).row().serialize(serializer)
    }
}

/// Writes the record's [`Row`]: `kind` is `"key"`, `region` is `null`
/// (formats without null, such as TOML, leave it out) and `taken_from` the
/// ids of the area opinions it was taken from, main one first, separated by
/// a space.
///
/// ```
/// let k = zaitaku_opinions::key_opinion("t2-key-02-02").unwrap();
/// let json = serde_json::to_value(k)?;
/// assert_eq!(json["kind"], "key");
/// assert!(json["region"].is_null());
/// assert_eq!(json["taken_from"].as_str().map(|s| s.split(' ').count()), Some(3));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for KeyOpinion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Record::Key(self.id.key_opinion())
            .row()
            .serialize(serializer)
    }
}

/// Writes the record's [`Row`].
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.row().serialize(serializer)
    }
}

/// Writes `{"opinion": "<id>", "shared_points": ["<point id>", …], "score": 0.53}`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Similar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Similar", 3)?;
        s.serialize_field("opinion", &self.opinion.id)?;
        let shared: Vec<&str> = self.shared_points().map(|p| p.id()).collect();
        s.serialize_field("shared_points", &shared)?;
        s.serialize_field("score", &self.score)?;
        s.end()
    }
}

/// Declares a record as read back: the fields before `;` find the record,
/// and every field after it, if given, must equal the record's own (the
/// one comparison of a given record with the dataset's, for rows and
/// municipalities). Unknown fields are ignored.
macro_rules! given {
    ($(#[$meta:meta])* struct $name:ident$(<$g:ident>)? for $own:ty {
        $($key:ident: $kty:ty,)*
        ;
        $($field:ident: $ty:ty,)*
    }) => {
        $(#[$meta])*
        #[derive(Deserialize)]
        struct $name$(<$g>)? {
            $($key: $kty,)*
            $($field: Option<$ty>,)*
        }

        impl$(<$g>)? $name$(<$g>)? {
            /// The first field given that differs from `own`'s.
            fn disagreement(&self, own: &$own) -> Option<&'static str> {
                $(if self.$field.as_ref().is_some_and(|v| *v != own.$field) {
                    return Some(stringify!($field));
                })*
                None
            }
        }
    };
}

given! {
    /// A [`Row`] as read back: found by its `id`.
    struct RowIn<Id> for Row {
        id: Id,
        ;
        kind: RecordKind,
        theme: Theme,
        region: Option<Region>,
        category: crate::Category,
        text: String,
        text_en: String,
        taken_from: String,
        points: String,
        first_line: u32,
        last_line: u32,
    }
}

given! {
    /// A [`Municipality`] as read back: found by `code` (or, without one,
    /// by `name`).
    struct MunicipalityIn for Municipality {
        code: Option<String>,
        ;
        jis_code: String,
        name: String,
        reading: String,
        romaji: String,
        slug: String,
        kind: MunicipalityKind,
        region: Region,
    }
}

/// A `'static` value of the dataset, read from a string (an id, a name or
/// a code) or from a serialised record.
trait ReadBack: Sized + 'static {
    /// What is expected, for errors.
    const EXPECTING: &'static str;
    /// The record as read back.
    type Given: DeserializeOwned;
    /// The value a string names.
    fn named<E: de::Error>(s: &str) -> Result<&'static Self, E>;
    /// The value a record names, if every field given agrees with it.
    fn given<E: de::Error>(given: &Self::Given) -> Result<&'static Self, E>;
}

impl ReadBack for Opinion {
    const EXPECTING: &'static str = "an area opinion id such as `t1-kuchuobu-03`, or its row";
    type Given = RowIn<OpinionId>;
    fn named<E: de::Error>(s: &str) -> Result<&'static Self, E> {
        s.parse().map(OpinionId::opinion).map_err(E::custom)
    }
    fn given<E: de::Error>(given: &Self::Given) -> Result<&'static Self, E> {
        let o = given.id.opinion();
        agreed(o, given.disagreement(&Record::Area(o).row()), &given.id)
    }
}

impl ReadBack for KeyOpinion {
    const EXPECTING: &'static str = "a key opinion id such as `t1-key-05-02`, or its row";
    type Given = RowIn<KeyOpinionId>;
    fn named<E: de::Error>(s: &str) -> Result<&'static Self, E> {
        s.parse().map(KeyOpinionId::key_opinion).map_err(E::custom)
    }
    fn given<E: de::Error>(given: &Self::Given) -> Result<&'static Self, E> {
        let k = given.id.key_opinion();
        agreed(k, given.disagreement(&Record::Key(k).row()), &given.id)
    }
}

impl ReadBack for Municipality {
    const EXPECTING: &'static str =
        "a municipality name or code such as `世田谷区` or `131121`, or a municipality";
    type Given = MunicipalityIn;
    fn named<E: de::Error>(s: &str) -> Result<&'static Self, E> {
        // The error's message names the closest municipalities.
        Municipality::from_name(s).ok_or_else(|| E::custom(crate::UnknownMunicipalityError::new(s)))
    }
    fn given<E: de::Error>(given: &MunicipalityIn) -> Result<&'static Self, E> {
        let m = match (&given.code, &given.name) {
            (Some(code), _) => Municipality::from_code(code).ok_or_else(|| {
                E::custom(format_args!(
                    "no municipality has the code `{}`",
                    crate::closed_set::shorten(code)
                ))
            })?,
            (None, Some(name)) => Self::named(name)?,
            (None, None) => return Err(E::missing_field("code")),
        };
        agreed(m, given.disagreement(m), &m.code)
    }
}

/// `value`, unless a field disagrees with it.
fn agreed<T, E: de::Error>(value: T, field: Option<&str>, id: &dyn fmt::Display) -> Result<T, E> {
    match field {
        Some(field) => Err(E::custom(format_args!(
            "field `{field}` does not match record `{id}` of the dataset"
        ))),
        None => Ok(value),
    }
}

struct ReadBackVisitor<R>(PhantomData<R>);

impl<'de, R: ReadBack> Visitor<'de> for ReadBackVisitor<R> {
    type Value = &'static R;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(R::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static R, E> {
        R::named(v)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<&'static R, A::Error> {
        R::given(&R::Given::deserialize(MapAccessDeserializer::new(map))?)
    }
}

/// Reads the record from its id (`"t1-kuchuobu-03"`) or from its row: the
/// `id` field finds it, and every other field of the row that is present
/// must agree with the dataset (unknown fields are ignored). Reading a row
/// needs a self-describing format (JSON, TOML, YAML …).
///
/// ```
/// use zaitaku_opinions::Opinion;
///
/// let o: &'static Opinion = serde_json::from_str(r#""t1-kuchuobu-01""#)?;
/// assert_eq!(o.lines().first(), 71);
/// let again: &'static Opinion = serde_json::from_str(&serde_json::to_string(o)?)?;
/// assert!(std::ptr::eq(o, again));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for &'static Opinion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ReadBackVisitor(PhantomData))
    }
}

/// Reads the record from its id (`"t1-key-05-02"`) or from its row, as for
/// [`Opinion`].
///
/// ```
/// use zaitaku_opinions::KeyOpinion;
///
/// let k: &'static KeyOpinion = serde_json::from_str(r#""t2-key-02-02""#)?;
/// assert_eq!(k.taken_from().len(), 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for &'static KeyOpinion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ReadBackVisitor(PhantomData))
    }
}

/// Reads a municipality from any name or code [`Municipality::from_name`]
/// accepts (`"世田谷区"`, `"東京都世田谷区"`, `"setagaya-ku"`, `"131121"`,
/// `"13112"` …; an unknown one is an error naming the closest), or from a
/// serialised municipality: found by `code` (or `name`), the other fields,
/// if present, checked. Reading a record needs a self-describing format.
///
/// ```
/// use zaitaku_opinions::{Municipality, Region};
///
/// let m: &'static Municipality = serde_json::from_str(r#""東京都世田谷区""#)?;
/// assert_eq!(m.region(), Region::KuSeinanbu);
/// let err = serde_json::from_str::<&'static Municipality>(r#""世田谷市""#).unwrap_err();
/// assert!(err.to_string().contains("世田谷区"));
/// assert!(serde_json::from_str::<&'static Municipality>(r#"{"code": "港区"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for &'static Municipality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ReadBackVisitor(PhantomData))
    }
}

/// As for `&'static Municipality`, copied.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Municipality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'static Municipality>::deserialize(deserializer).copied()
    }
}
