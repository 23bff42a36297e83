//! `Serialize` and `Deserialize`, in chrono-tz's shape: every value that
//! has a name is a string, read back through the same lookup as `FromStr`.
//!
//! * The closed sets ([`Region`](crate::Region), [`Theme`](crate::Theme),
//!   [`Category`](crate::Category), [`Zone`](crate::Zone),
//!   [`MatchKind`](crate::MatchKind), [`RecordKind`], [`MunicipalityKind`](crate::MunicipalityKind)) are
//!   written as their ASCII slugs and read through their one lookup (see
//!   `names::closed_set`).
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

/// A [`Row`] as read back: the `id` it must have, and any other field,
/// which must then agree with the record's. Unknown fields are ignored.
#[derive(Deserialize)]
struct RowIn<Id> {
    id: Id,
    kind: Option<RecordKind>,
    theme: Option<Theme>,
    region: Option<Region>,
    category: Option<crate::Category>,
    text: Option<String>,
    text_en: Option<String>,
    taken_from: Option<String>,
    points: Option<String>,
    first_line: Option<u32>,
    last_line: Option<u32>,
}

impl<Id> RowIn<Id> {
    /// The first field given that differs from `row`'s.
    fn disagreement(&self, row: &Row) -> Option<&'static str> {
        let differs = [
            ("kind", self.kind.is_some_and(|v| v != row.kind)),
            ("theme", self.theme.is_some_and(|v| v != row.theme)),
            ("region", self.region.is_some_and(|v| Some(v) != row.region)),
            ("category", self.category.is_some_and(|v| v != row.category)),
            ("text", self.text.as_ref().is_some_and(|v| v != row.text)),
            (
                "text_en",
                self.text_en.as_ref().is_some_and(|v| v != row.text_en),
            ),
            (
                "taken_from",
                self.taken_from
                    .as_ref()
                    .is_some_and(|v| *v != row.taken_from),
            ),
            (
                "points",
                self.points.as_ref().is_some_and(|v| *v != row.points),
            ),
            (
                "first_line",
                self.first_line.is_some_and(|v| v != row.first_line),
            ),
            (
                "last_line",
                self.last_line.is_some_and(|v| v != row.last_line),
            ),
        ];
        differs.into_iter().find(|d| d.1).map(|d| d.0)
    }
}

/// A record type read from its id or from its row.
trait ById: Sized + 'static {
    type Id: FromStr<Err = crate::ParseIdError> + DeserializeOwned + fmt::Display + Copy;
    const EXPECTING: &'static str;
    fn find(id: Self::Id) -> &'static Self;
    fn record(&'static self) -> Record;
}

impl ById for Opinion {
    type Id = OpinionId;
    const EXPECTING: &'static str = "an area opinion id such as `t1-kuchuobu-03`, or its row";
    fn find(id: OpinionId) -> &'static Self {
        id.opinion()
    }
    fn record(&'static self) -> Record {
        Record::Area(self)
    }
}

impl ById for KeyOpinion {
    type Id = KeyOpinionId;
    const EXPECTING: &'static str = "a key opinion id such as `t1-key-05-02`, or its row";
    fn find(id: KeyOpinionId) -> &'static Self {
        id.key_opinion()
    }
    fn record(&'static self) -> Record {
        Record::Key(self)
    }
}

struct RecordVisitor<R>(PhantomData<R>);

impl<'de, R: ById> Visitor<'de> for RecordVisitor<R> {
    type Value = &'static R;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(R::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static R, E> {
        v.parse::<R::Id>().map(R::find).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<&'static R, A::Error> {
        let row = RowIn::<R::Id>::deserialize(MapAccessDeserializer::new(map))?;
        let record = R::find(row.id);
        match row.disagreement(&record.record().row()) {
            Some(field) => Err(mismatch(&row.id, field)),
            None => Ok(record),
        }
    }
}

fn mismatch<E: de::Error>(id: &dyn fmt::Display, field: &str) -> E {
    E::custom(format_args!(
        "field `{field}` does not match record `{id}` of the dataset"
    ))
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
        deserializer.deserialize_any(RecordVisitor(PhantomData))
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
        deserializer.deserialize_any(RecordVisitor(PhantomData))
    }
}

/// A [`Municipality`] as read back: found by `code` (or, without one, by
/// `name`); every other field given must agree.
#[derive(Deserialize)]
struct MunicipalityIn {
    code: Option<String>,
    jis_code: Option<String>,
    name: Option<String>,
    reading: Option<String>,
    romaji: Option<String>,
    slug: Option<String>,
    kind: Option<MunicipalityKind>,
    region: Option<Region>,
}

struct MunicipalityVisitor;

impl<'de> Visitor<'de> for MunicipalityVisitor {
    type Value = &'static Municipality;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a municipality name or code such as `世田谷区` or `131121`, or a municipality")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static Municipality, E> {
        // The error's message names the closest municipalities.
        Municipality::from_name(v).ok_or_else(|| E::custom(crate::UnknownMunicipalityError::new(v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<&'static Municipality, A::Error> {
        let given = MunicipalityIn::deserialize(MapAccessDeserializer::new(map))?;
        let m = match (&given.code, &given.name) {
            (Some(code), _) => Municipality::from_code(code).ok_or_else(|| {
                de::Error::custom(format_args!(
                    "no municipality has the code `{}`",
                    crate::names::shorten(code, crate::names::SHOWN)
                ))
            })?,
            (None, Some(name)) => self.visit_str::<A::Error>(name)?,
            (None, None) => return Err(de::Error::missing_field("code")),
        };
        let text = |v: &Option<String>, own: &str| v.as_ref().is_some_and(|v| v != own);
        let differs = [
            ("jis_code", text(&given.jis_code, m.jis_code())),
            ("name", text(&given.name, m.name())),
            ("reading", text(&given.reading, m.reading())),
            ("romaji", text(&given.romaji, m.romaji())),
            ("slug", text(&given.slug, m.slug())),
            ("kind", given.kind.is_some_and(|v| v != m.kind())),
            ("region", given.region.is_some_and(|v| v != m.region())),
        ];
        match differs.into_iter().find(|d| d.1) {
            Some((field, _)) => Err(mismatch(&m.code(), field)),
            None => Ok(m),
        }
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
        deserializer.deserialize_any(MunicipalityVisitor)
    }
}

/// As for `&'static Municipality`, copied.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Municipality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'static Municipality>::deserialize(deserializer).copied()
    }
}
