//! `Serialize` and `Deserialize`; what they write and read is documented
//! for users on [`Row`](crate::Row) ("What serde writes and reads"). The
//! closed sets' impls come from `closed_set::closed_set`, `Row`'s
//! `Serialize` is derived; this module has the rest.

use crate::{
    KeyOpinion, KeyOpinionId, Municipality, Opinion, OpinionId, Record, RecordId, Similar,
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

id_serde!(
    RecordId,
    "record id such as `t1-kuchuobu-03` or `t1-key-05-02`"
);

/// Writes the record's [`Row`](crate::Row): `id`, `kind` (`"area"`), `theme`, `region`
/// and `category` (slugs) with their names (`theme_ja`, `regions_ja` …),
/// `text`, `text_en` (the crate authors' unofficial English), `taken_from`
/// (empty), `first_line`, `last_line` and `points` (point ids, separated by
/// a space) with their labels (`points_ja`, `points_en`).
///
/// ```
/// let o = zaitaku_opinions::opinion!("t1-kuchuobu-01");
/// let json = serde_json::to_value(o)?;
/// assert_eq!(json["id"], "t1-kuchuobu-01");
/// assert_eq!(json["kind"], "area");
/// assert_eq!(json["region"], "ku-chuobu");
/// assert_eq!(json["regions_ja"], "区中央部");
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

/// Writes the record's [`Row`](crate::Row): `kind` is `"key"`, `region` is `null`
/// (formats without null, such as TOML, leave it out) and `taken_from` the
/// ids of the area opinions it was taken from, main one first, separated by
/// a space.
///
/// ```
/// let k = zaitaku_opinions::key_opinion!("t2-key-02-02");
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

/// Writes the record's [`Row`](crate::Row).
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

/// A serialised record, as read back: only what finds it (unknown fields
/// are ignored).
#[derive(Deserialize)]
struct ById<Id> {
    id: Id,
}

/// A serialised [`Municipality`], as read back: found by `code` or, without
/// one, by `name`.
#[derive(Deserialize)]
struct MunicipalityIn {
    code: Option<CodeIn>,
    name: Option<String>,
}

/// A serialised municipality's `code`, as a string or as a number (a JSON
/// `131121`, or a spreadsheet's export).
struct CodeIn(String);

impl<'de> Deserialize<'de> for CodeIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl Visitor<'_> for CodeVisitor {
            type Value = CodeIn;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a municipality code such as `131121`, as a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CodeIn, E> {
                Ok(CodeIn(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CodeIn, E> {
                Ok(CodeIn(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CodeIn, E> {
                Ok(CodeIn(v.to_string()))
            }
        }
        deserializer.deserialize_any(CodeVisitor)
    }
}

/// A value of the dataset, read from a string (an id, a name or a code) or
/// from a serialised record: what finds it is read, and nothing else, so
/// that what the crate wrote reads back after a data correction.
trait ReadBack: Sized {
    /// What is expected, for errors.
    const EXPECTING: &'static str;
    /// The fields of a serialised record that find it.
    type Key: DeserializeOwned;
    /// The value a string names.
    fn named<E: de::Error>(s: &str) -> Result<Self, E>;
    /// The value a serialised record names.
    fn keyed<E: de::Error>(key: Self::Key) -> Result<Self, E>;
}

/// A record is found by its id, from the id string or the row's `id`.
macro_rules! read_by_id {
    ($ty:ty, $id:ty, $get:expr, $expecting:literal) => {
        impl ReadBack for $ty {
            const EXPECTING: &'static str = $expecting;
            type Key = ById<$id>;
            fn named<E: de::Error>(s: &str) -> Result<Self, E> {
                s.parse::<$id>().map($get).map_err(E::custom)
            }
            fn keyed<E: de::Error>(key: ById<$id>) -> Result<Self, E> {
                Ok($get(key.id))
            }
        }
    };
}

read_by_id!(
    &'static Opinion,
    OpinionId,
    OpinionId::opinion,
    "an area opinion id such as `t1-kuchuobu-03`, or its row"
);
read_by_id!(
    &'static KeyOpinion,
    KeyOpinionId,
    KeyOpinionId::key_opinion,
    "a key opinion id such as `t1-key-05-02`, or its row"
);
read_by_id!(
    Record,
    RecordId,
    RecordId::record,
    "a record id such as `t1-kuchuobu-03` or `t1-key-05-02`, or its row"
);

impl ReadBack for &'static Municipality {
    const EXPECTING: &'static str =
        "a municipality name or code such as `世田谷区` or `131121`, or a municipality";
    type Key = MunicipalityIn;
    fn named<E: de::Error>(s: &str) -> Result<Self, E> {
        // The error's message names the closest municipalities.
        Municipality::from_name(s).ok_or_else(|| E::custom(crate::UnknownMunicipalityError::new(s)))
    }
    fn keyed<E: de::Error>(key: MunicipalityIn) -> Result<Self, E> {
        match (key.code, key.name) {
            (Some(CodeIn(code)), _) => Municipality::from_code(&code).ok_or_else(|| {
                if code.bytes().all(|b| b.is_ascii_digit()) {
                    E::custom(crate::UnknownMunicipalityError::new(&code))
                } else {
                    E::invalid_value(de::Unexpected::Str(&code), &"a municipality code")
                }
            }),
            (None, Some(name)) => Self::named(&name),
            (None, None) => Err(E::missing_field("code")),
        }
    }
}

struct ReadBackVisitor<R>(PhantomData<R>);

impl<'de, R: ReadBack> Visitor<'de> for ReadBackVisitor<R> {
    type Value = R;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(R::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<R, E> {
        R::named(v)
    }

    /// A code read as a number: JSON `131121`, or a CSV field of digits,
    /// which the `csv` crate hands to `deserialize_any` as an integer. It
    /// is looked up by its digits, as the string would be.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<R, E> {
        R::named(&v.to_string())
    }

    /// A negative number names nothing; its digits are looked up, so the
    /// error is the same as for the string.
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<R, E> {
        R::named(&v.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<R, A::Error> {
        R::keyed(R::Key::deserialize(MapAccessDeserializer::new(map))?)
    }
}

/// Reads any [`ReadBack`] value.
fn read_back<'de, D: Deserializer<'de>, R: ReadBack>(deserializer: D) -> Result<R, D::Error> {
    deserializer.deserialize_any(ReadBackVisitor(PhantomData))
}

/// Reads the record from its id (`"t1-kuchuobu-03"`) or from its row: the
/// id identifies the record, so the row's `id` finds it and its other
/// fields are not read. A row written by an earlier release, whose
/// `text_en`, `points` or `category` a data correction has since changed,
/// reads back the same record. Reading a row needs a self-describing
/// format (JSON, TOML, YAML …) or, in CSV, the id in the first column.
///
/// ```
/// use zaitaku_opinions::Opinion;
///
/// let o: &'static Opinion = serde_json::from_str(r#""t1-kuchuobu-01""#)?;
/// assert_eq!(o.lines().first(), 71);
/// let again: &'static Opinion = serde_json::from_str(&serde_json::to_string(o)?)?;
/// assert!(std::ptr::eq(o, again));
/// let saved = r#"{"id": "t1-kuchuobu-01", "text_en": "an older translation"}"#;
/// assert!(std::ptr::eq(serde_json::from_str::<&'static Opinion>(saved)?, o));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for &'static Opinion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_back(deserializer)
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
        read_back(deserializer)
    }
}

/// Reads a municipality from any name or code [`Municipality::from_name`]
/// accepts (`"世田谷区"`, `"東京都世田谷区"`, `"setagaya-ku"`, `"131121"`,
/// `"13112"` …; an unknown one is an error naming the closest), or from a
/// serialised municipality: found by `code` (or, without one, `name`), the
/// other fields not read. Reading a record needs a self-describing format.
///
/// ```
/// use zaitaku_opinions::{Municipality, Region};
///
/// let m: &'static Municipality = serde_json::from_str(r#""東京都世田谷区""#)?;
/// assert_eq!(m.region(), Region::KuSeinanbu);
/// let err = serde_json::from_str::<&'static Municipality>(r#""世田谷市""#).unwrap_err();
/// assert!(err.to_string().contains("世田谷区"));
/// let err = serde_json::from_str::<&'static Municipality>(r#"{"code": "港区"}"#).unwrap_err();
/// assert!(err.to_string().starts_with("invalid value: string \"港区\", expected a municipality code"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for &'static Municipality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_back(deserializer)
    }
}

/// Reads the record of either kind from its id (`"t1-kuchuobu-03"`,
/// `"t1-key-05-02"`) or from its [`Row`](crate::Row), as for [`Opinion`].
///
/// ```
/// use zaitaku_opinions::{Record, RecordKind};
///
/// let r: Record = serde_json::from_str(r#""t1-key-05-02""#)?;
/// assert_eq!(r.kind(), RecordKind::Key);
/// let back: Record = serde_json::from_str(&serde_json::to_string(&r)?)?;
/// assert_eq!(back, r);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_back(deserializer)
    }
}

/// As for `&'static Municipality`, copied.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Municipality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'static Municipality>::deserialize(deserializer).copied()
    }
}
