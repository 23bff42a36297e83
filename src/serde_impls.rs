//! `Serialize` and `Deserialize`, written by hand (no `serde_derive`, so
//! the feature costs users no proc-macro build).
//!
//! * [`Region`], [`Theme`], [`Category`], [`Zone`], [`MatchKind`] and
//!   [`MunicipalityKind`] are written as their stable ASCII slugs
//!   (`ku-chuobu`, `local-situation`, `admission-discharge`, `wards`,
//!   `width-insensitive`, `ku`): slugs are the same in every format and
//!   never need escaping. They are read through the same lookup as
//!   `FromStr`, so Japanese names and the other accepted spellings are read
//!   too.
//! * [`OpinionId`] and [`KeyOpinionId`] are written as their id strings.
//! * [`Opinion`] and [`KeyOpinion`] are written as flat records with ids
//!   for the links; `&'static Opinion` and `&'static KeyOpinion` are read
//!   back from an id string or from such a record (identified by its `id`,
//!   the other fields checked against the dataset).
//! * [`Municipality`] is written as a flat record keyed by its code and
//!   read from any name or code, or from such a record.
//!
//! Everything is read from borrowed or owned input alike (a visitor that
//! copies nothing it keeps: the values are the `'static` dataset's).

use crate::{
    Category, KeyOpinion, KeyOpinionId, LineSpan, MatchKind, Municipality, MunicipalityKind,
    Opinion, OpinionId, Region, Theme, Zone,
};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

/// A visitor that reads a string and looks it up with `FromStr`; it keeps
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
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

fn parse_str<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    deserializer.deserialize_str(ParseVisitor(expecting, PhantomData))
}

macro_rules! slug_serde {
    ($ty:ident, $expecting:literal, $doc_ser:literal, $doc_de:literal) => {
        #[doc = $doc_ser]
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.slug())
            }
        }

        #[doc = $doc_de]
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                parse_str(deserializer, $expecting)
            }
        }
    };
}

slug_serde!(
    Region,
    "a region name or slug such as `ku-chuobu` or `区中央部`",
    "Writes the ASCII slug, e.g. `\"ku-chuobu\"` ([`Region::slug`]).",
    "Reads any name [`Region::from_name`] accepts: slug, Japanese name, reading, code …"
);
slug_serde!(
    Theme,
    "a theme name or slug such as `local-situation` or `テーマ①`",
    "Writes the ASCII slug, e.g. `\"local-situation\"` ([`Theme::slug`]).",
    "Reads any name [`Theme::from_name`] accepts: slug, marker, title, number …"
);
slug_serde!(
    Category,
    "a category name or slug such as `admission-discharge` or `入退院調整`",
    "Writes the ASCII slug, e.g. `\"admission-discharge\"` ([`Category::slug`]).",
    "Reads any name [`Category::from_name`] accepts: slug, Japanese name or spelling, English name …"
);

/// Slugs and names of the small enums that have no `FromStr` of their own.
trait Named: Sized + Copy + 'static {
    const ALL: &'static [Self];
    const KIND: &'static str;
    fn slug(self) -> &'static str;
    /// Other accepted names (Japanese name, variant name).
    fn aliases(self) -> &'static [&'static str];

    fn lookup(s: &str) -> Option<Self> {
        let key = |t: &str| -> String {
            t.chars()
                .filter(|c| !matches!(c, '-' | '_' | ' '))
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let wanted = key(s.trim());
        Self::ALL
            .iter()
            .copied()
            .find(|v| key(v.slug()) == wanted || v.aliases().iter().any(|a| key(a) == wanted))
    }
}

impl Named for Zone {
    const ALL: &'static [Self] = &[Zone::Wards, Zone::Tama, Zone::Islands];
    const KIND: &'static str = "zone";
    fn slug(self) -> &'static str {
        match self {
            Zone::Wards => "wards",
            Zone::Tama => "tama",
            Zone::Islands => "islands",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Zone::Wards => &["区部"],
            Zone::Tama => &["多摩"],
            Zone::Islands => &["島しょ", "島嶼"],
        }
    }
}

impl Named for MatchKind {
    const ALL: &'static [Self] = &[
        MatchKind::Exact,
        MatchKind::WidthInsensitive,
        MatchKind::Merged,
    ];
    const KIND: &'static str = "match kind";
    fn slug(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::WidthInsensitive => "width-insensitive",
            MatchKind::Merged => "merged",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
}

struct NamedVisitor<T>(PhantomData<T>);

impl<T: Named> Visitor<'_> for NamedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} slug", T::KIND)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::lookup(v).ok_or_else(|| {
            let valid: Vec<&str> = T::ALL.iter().map(|t| t.slug()).collect();
            E::custom(format_args!(
                "unknown {} `{v}`; expected one of: {}",
                T::KIND,
                valid.join(", ")
            ))
        })
    }
}

/// Writes `"wards"`, `"tama"` or `"islands"`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(Named::slug(*self))
    }
}

/// Reads `"wards"`, `"tama"` or `"islands"` (any ASCII case), the variant
/// name, or the Japanese name (`区部`, `多摩`, `島しょ`).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NamedVisitor(PhantomData))
    }
}

/// Writes `"exact"`, `"width-insensitive"` or `"merged"`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for MatchKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(Named::slug(*self))
    }
}

/// Reads `"exact"`, `"width-insensitive"` or `"merged"` (any ASCII case;
/// the variant name also works).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for MatchKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NamedVisitor(PhantomData))
    }
}

/// Writes the id string, e.g. `"t1-kuchuobu-03"`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for OpinionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads an id string; only ids of records in the dataset are accepted.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for OpinionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parse_str(deserializer, "an area opinion id such as `t1-kuchuobu-03`")
    }
}

/// Writes the id string, e.g. `"t1-key-05-02"`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for KeyOpinionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads an id string; only ids of records in the dataset are accepted.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for KeyOpinionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parse_str(deserializer, "a key opinion id such as `t1-key-05-02`")
    }
}

/// Writes `{"first": 71, "last": 72}`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for LineSpan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("LineSpan", 2)?;
        s.serialize_field("first", &self.first)?;
        s.serialize_field("last", &self.last)?;
        s.end()
    }
}

/// The field names of a serialised record, shared by both kinds.
const RECORD_FIELDS: &[&str] = &[
    "id",
    "kind",
    "theme",
    "region",
    "category",
    "text",
    "taken_from",
    "lines",
];

/// The `kind` of a serialised [`Opinion`].
const KIND_OPINION: &str = "area";
/// The `kind` of a serialised [`KeyOpinion`].
const KIND_KEY_OPINION: &str = "key";

/// Writes a flat record: `id`, `kind` (`"area"`, as in the export example), `theme`, `region` and
/// `category` (slugs), `text`, `taken_from` (always empty for an area opinion;
/// the field is there so that both kinds of record share one shape) and
/// `lines` (`{first, last}`).
///
/// ```
/// let o = zaitaku_opinions::opinion("t1-kuchuobu-01").unwrap();
/// let json = serde_json::to_value(o)?;
/// assert_eq!(json["id"], "t1-kuchuobu-01");
/// assert_eq!(json["kind"], "area");
/// assert_eq!(json["region"], "ku-chuobu");
/// assert_eq!(json["lines"]["first"], 71);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Opinion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Opinion", RECORD_FIELDS.len())?;
        s.serialize_field("id", &self.id())?;
        s.serialize_field("kind", KIND_OPINION)?;
        s.serialize_field("theme", &self.theme())?;
        s.serialize_field("region", &Some(self.region()))?;
        s.serialize_field("category", &self.category())?;
        s.serialize_field("text", self.text())?;
        s.serialize_field("taken_from", &[] as &[OpinionId])?;
        s.serialize_field("lines", &self.lines())?;
        s.end()
    }
}

/// Writes a flat record: `id`, `kind` (`"key"`), `theme`, `region`
/// (`null`: key opinions belong to no area; formats without null, such as
/// TOML, leave the field out), `category`, `text`, `taken_from` (the ids of
/// the area opinions it was taken from, main source first) and `lines`.
///
/// ```
/// let k = zaitaku_opinions::key_opinion("t2-key-02-02").unwrap();
/// let json = serde_json::to_value(k)?;
/// assert_eq!(json["kind"], "key");
/// assert!(json["region"].is_null());
/// assert_eq!(json["taken_from"].as_array().map(Vec::len), Some(3));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for KeyOpinion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sources = SourceIds(self.taken_from());
        let mut s = serializer.serialize_struct("KeyOpinion", RECORD_FIELDS.len())?;
        s.serialize_field("id", &self.id())?;
        s.serialize_field("kind", KIND_KEY_OPINION)?;
        s.serialize_field("theme", &self.theme())?;
        s.serialize_field("region", &None::<Region>)?;
        s.serialize_field("category", &self.category())?;
        s.serialize_field("text", self.text())?;
        s.serialize_field("taken_from", &sources)?;
        s.serialize_field("lines", &self.lines())?;
        s.end()
    }
}

/// Serialises a list of opinions as their ids.
struct SourceIds(&'static [&'static Opinion]);

impl Serialize for SourceIds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|o| o.id()))
    }
}

/// `lines` as read back, to compare with the record's.
struct LinesRepr {
    first: Option<u32>,
    last: Option<u32>,
}

impl<'de> Deserialize<'de> for LinesRepr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LinesRepr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a line span `{first, last}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LinesRepr, A::Error> {
                let mut lines = LinesRepr {
                    first: None,
                    last: None,
                };
                while let Some(key) = map.next_key::<FieldName>()? {
                    match key.0.as_str() {
                        "first" => lines.first = Some(map.next_value()?),
                        "last" => lines.last = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(lines)
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// A map key, owned (keys may come from owned input).
struct FieldName(String);

impl<'de> Deserialize<'de> for FieldName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FieldName;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldName, E> {
                Ok(FieldName(v.to_owned()))
            }
        }
        deserializer.deserialize_identifier(V)
    }
}

/// A record to be read back: how to find it from an id, and its fields.
trait Record: Sized + 'static {
    type Id: FromStr<Err = crate::ParseIdError> + fmt::Display + Copy + for<'de> Deserialize<'de>;
    type Source: PartialEq + for<'de> Deserialize<'de>;
    const KIND: &'static str;
    const EXPECTING: &'static str;
    fn find(id: Self::Id) -> &'static Self;
    fn theme(&self) -> Theme;
    fn region(&self) -> Option<Region>;
    fn category(&self) -> Category;
    fn text(&self) -> &'static str;
    fn sources(&self) -> Vec<Self::Source>;
    fn lines(&self) -> LineSpan;
}

impl Record for Opinion {
    type Id = OpinionId;
    type Source = OpinionId;
    const KIND: &'static str = KIND_OPINION;
    const EXPECTING: &'static str =
        "an area opinion id such as `t1-kuchuobu-03`, or a serialised opinion";
    fn find(id: OpinionId) -> &'static Self {
        id.opinion()
    }
    fn theme(&self) -> Theme {
        Opinion::theme(self)
    }
    fn region(&self) -> Option<Region> {
        Some(Opinion::region(self))
    }
    fn category(&self) -> Category {
        Opinion::category(self)
    }
    fn text(&self) -> &'static str {
        Opinion::text(self)
    }
    fn sources(&self) -> Vec<OpinionId> {
        Vec::new()
    }
    fn lines(&self) -> LineSpan {
        Opinion::lines(self)
    }
}

impl Record for KeyOpinion {
    type Id = KeyOpinionId;
    type Source = OpinionId;
    const KIND: &'static str = KIND_KEY_OPINION;
    const EXPECTING: &'static str =
        "a key opinion id such as `t1-key-05-02`, or a serialised key opinion";
    fn find(id: KeyOpinionId) -> &'static Self {
        id.key_opinion()
    }
    fn theme(&self) -> Theme {
        KeyOpinion::theme(self)
    }
    fn region(&self) -> Option<Region> {
        None
    }
    fn category(&self) -> Category {
        KeyOpinion::category(self)
    }
    fn text(&self) -> &'static str {
        KeyOpinion::text(self)
    }
    fn sources(&self) -> Vec<OpinionId> {
        KeyOpinion::taken_from(self)
            .iter()
            .map(|o| o.id())
            .collect()
    }
    fn lines(&self) -> LineSpan {
        KeyOpinion::lines(self)
    }
}

struct RecordVisitor<R>(PhantomData<R>);

fn mismatch<E: de::Error>(id: &dyn fmt::Display, field: &str) -> E {
    E::custom(format_args!(
        "field `{field}` does not match record `{id}` of the dataset"
    ))
}

impl<'de, R: Record> Visitor<'de> for RecordVisitor<R> {
    type Value = &'static R;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(R::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static R, E> {
        v.parse::<R::Id>().map(R::find).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<&'static R, A::Error> {
        let mut id: Option<R::Id> = None;
        let mut kind: Option<String> = None;
        let mut theme: Option<Theme> = None;
        let mut region: Option<Option<Region>> = None;
        let mut category: Option<Category> = None;
        let mut text: Option<String> = None;
        let mut sources: Option<Vec<R::Source>> = None;
        let mut lines: Option<LinesRepr> = None;
        while let Some(key) = map.next_key::<FieldName>()? {
            match key.0.as_str() {
                "id" => id = Some(map.next_value()?),
                "kind" => kind = Some(map.next_value()?),
                "theme" => theme = Some(map.next_value()?),
                "region" => region = Some(map.next_value()?),
                "category" => category = Some(map.next_value()?),
                "text" => text = Some(map.next_value()?),
                "taken_from" => sources = Some(map.next_value()?),
                "lines" => lines = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let record = R::find(id);
        let id: &dyn fmt::Display = &id;
        if kind.is_some_and(|k| k != R::KIND) {
            return Err(mismatch(id, "kind"));
        }
        if theme.is_some_and(|t| t != record.theme()) {
            return Err(mismatch(id, "theme"));
        }
        if region.is_some_and(|r| r != record.region()) {
            return Err(mismatch(id, "region"));
        }
        if category.is_some_and(|c| c != record.category()) {
            return Err(mismatch(id, "category"));
        }
        if text.is_some_and(|t| t != record.text()) {
            return Err(mismatch(id, "text"));
        }
        if sources.is_some_and(|s| s != record.sources()) {
            return Err(mismatch(id, "taken_from"));
        }
        if let Some(l) = lines {
            let span = record.lines();
            if l.first.is_some_and(|n| n != span.first())
                || l.last.is_some_and(|n| n != span.last())
            {
                return Err(mismatch(id, "lines"));
            }
        }
        Ok(record)
    }
}

/// Reads the record from its id (`"t1-kuchuobu-03"`) or from a serialised
/// record: the `id` field finds it, and every other known field that is
/// present must agree with the dataset (unknown fields are ignored). Reading
/// a whole record needs a self-describing format (JSON, TOML, YAML …).
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

/// Reads the record from its id (`"t1-key-05-02"`) or from a serialised
/// record, as for [`Opinion`].
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

impl Named for MunicipalityKind {
    const ALL: &'static [Self] = &MunicipalityKind::ALL;
    const KIND: &'static str = "municipality kind";
    fn slug(self) -> &'static str {
        self.romaji()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            MunicipalityKind::Ku => &["区", "special ward", "ward"],
            MunicipalityKind::Shi => &["市", "city"],
            MunicipalityKind::Machi => &["町", "town", "cho"],
            MunicipalityKind::Mura => &["村", "village", "son"],
        }
    }
}

/// Writes the romanised suffix: `"ku"`, `"shi"`, `"machi"` or `"mura"`
/// ([`MunicipalityKind::romaji`]).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for MunicipalityKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.romaji())
    }
}

/// Reads `"ku"`, `"shi"`, `"machi"` or `"mura"` (any ASCII case), the
/// Japanese suffix (`区`, `市`, `町`, `村`), the English name or the variant
/// name.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for MunicipalityKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NamedVisitor(PhantomData))
    }
}

/// The field names of a serialised [`Municipality`].
const MUNICIPALITY_FIELDS: &[&str] = &[
    "code", "jis_code", "name", "romaji", "slug", "kind", "region",
];

/// Writes a flat record: `code` (6 digits, the key), `jis_code` (5
/// digits), `name`, `romaji`, `slug`, `kind` (`"ku"` …) and `region` (the
/// area's slug).
///
/// ```
/// use zaitaku_opinions::Municipality;
///
/// let m = Municipality::from_name("世田谷区").unwrap();
/// let json = serde_json::to_value(m)?;
/// assert_eq!(json["code"], "131121");
/// assert_eq!(json["kind"], "ku");
/// assert_eq!(json["region"], "ku-seinanbu");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Municipality {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Municipality", MUNICIPALITY_FIELDS.len())?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("jis_code", self.jis_code())?;
        s.serialize_field("name", self.name())?;
        s.serialize_field("romaji", self.romaji())?;
        s.serialize_field("slug", self.slug())?;
        s.serialize_field("kind", &self.kind())?;
        s.serialize_field("region", &self.region())?;
        s.end()
    }
}

struct MunicipalityVisitor;

impl<'de> Visitor<'de> for MunicipalityVisitor {
    type Value = &'static Municipality;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a municipality name or code such as `世田谷区` or `131121`, or a serialised municipality")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static Municipality, E> {
        match Municipality::from_name(v) {
            Some(m) => Ok(m),
            // The error's message carries the closest names.
            None => Err(E::custom(v.parse::<Municipality>().err().map_or_else(
                || format!("unknown municipality `{v}`"),
                |e| e.to_string(),
            ))),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<&'static Municipality, A::Error> {
        let mut fields: [Option<String>; 5] = Default::default();
        let mut kind: Option<MunicipalityKind> = None;
        let mut region: Option<Region> = None;
        while let Some(key) = map.next_key::<FieldName>()? {
            match key.0.as_str() {
                "kind" => kind = Some(map.next_value()?),
                "region" => region = Some(map.next_value()?),
                other => match MUNICIPALITY_FIELDS[..5].iter().position(|f| *f == other) {
                    Some(i) => fields[i] = Some(map.next_value()?),
                    None => {
                        map.next_value::<IgnoredAny>()?;
                    }
                },
            }
        }
        let [code, jis_code, name, romaji, slug] = fields;
        // Found by its code, or failing that by its name.
        let m = match (&code, &name) {
            (Some(code), _) => Municipality::from_code(code).ok_or_else(|| {
                de::Error::custom(format_args!("no municipality has the code `{code}`"))
            })?,
            (None, Some(name)) => self.visit_str::<A::Error>(name)?,
            (None, None) => return Err(de::Error::missing_field("code")),
        };
        let id: &dyn fmt::Display = &m.code();
        let checks = [
            ("jis_code", jis_code.is_some_and(|v| v != m.jis_code())),
            ("name", name.is_some_and(|v| v != m.name())),
            ("romaji", romaji.is_some_and(|v| v != m.romaji())),
            ("slug", slug.is_some_and(|v| v != m.slug())),
            ("kind", kind.is_some_and(|v| v != m.kind())),
            ("region", region.is_some_and(|v| v != m.region())),
        ];
        match checks.iter().find(|(_, wrong)| *wrong) {
            Some((field, _)) => Err(mismatch(id, field)),
            None => Ok(m),
        }
    }
}

/// Reads a municipality from any name or code [`Municipality::from_name`]
/// accepts (`"世田谷区"`, `"東京都世田谷区"`, `"setagaya-ku"`, `"131121"`,
/// `"13112"` …; an unknown one is an error naming the closest), or from a
/// serialised record: found by `code` (or `name`), the other fields, if
/// present, checked. Reading a record needs a self-describing format.
///
/// ```
/// use zaitaku_opinions::{Municipality, Region};
///
/// let m: &'static Municipality = serde_json::from_str(r#""東京都世田谷区""#)?;
/// assert_eq!(m.region(), Region::KuSeinanbu);
/// let err = serde_json::from_str::<&'static Municipality>(r#""世田谷市""#).unwrap_err();
/// assert!(err.to_string().contains("世田谷区"));
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
