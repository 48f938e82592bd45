//! The family's objects as Rust values, decoded from reply and
//! notification attributes.

use crate::{
    proto::{Cmd, DelReason},
    Attr, Error, RawAttr,
};
use neli::{genl::Nlattr, types::Buffer, FromBytes};
use std::io::Cursor;

/// One registry entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The key (bytes that are not UTF-8 are shown replaced).
    pub key: String,
    /// The value, as stored.
    #[serde(serialize_with = "crate::value::serialize")]
    pub value: Vec<u8>,
    /// The number stored with the entry.
    pub tag: u32,
    /// The namespace's change counter when the entry was last written.
    pub revision: u64,
    /// Milliseconds left before it expires; `None`: it never does.
    #[serde(rename = "ttl-ms", skip_serializing_if = "Option::is_none")]
    pub ttl_ms: Option<u32>,
}

/// A namespace's usage, limits and counters (STATS_GET).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Entries held.
    pub count: u32,
    /// Value bytes held.
    pub bytes: u32,
    /// Entry limit.
    pub max_entries: u32,
    /// Value byte limit.
    pub max_bytes: u32,
    /// Entries created.
    pub created: u64,
    /// Entries replaced.
    pub replaced: u64,
    /// Entries deleted by ENTRY_DEL.
    pub deleted: u64,
    /// Entries deleted by FLUSH.
    pub flushed: u64,
    /// Notifications sent.
    pub notifications: u64,
    /// Entries removed when their time to live ran out.
    pub expired: u64,
    /// Audit messages sent.
    #[serde(rename = "audit-messages")]
    pub audit_messages: u64,
}

/// A notification of group `events`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// An entry was created or replaced.
    EntryNew {
        /// The entry as stored.
        entry: Entry,
    },
    /// An entry was deleted, or expired.
    EntryDel {
        /// The entry as it was.
        entry: Entry,
        /// Why.
        reason: DelReason,
    },
    /// The namespace was flushed.
    Flush {
        /// Entries removed.
        count: u32,
    },
    /// Who changed what (group `audit`).
    Audit {
        /// The request's command.
        command: u32,
        /// The sender's port id.
        portid: u32,
        /// The sender's uid in the initial user namespace.
        uid: u32,
        /// The entry's key; absent for flush and limits-set.
        #[serde(skip_serializing_if = "Option::is_none")]
        key: Option<String>,
    },
}

fn bad(what: impl Into<String>) -> Error {
    Error::Protocol(what.into())
}

/// Parses a nest's payload into its attributes.
pub fn parse_nested(payload: &[u8]) -> Result<Vec<RawAttr>, Error> {
    let mut cur = Cursor::new(payload);
    let mut out = Vec::new();
    while (cur.position() as usize) < payload.len() {
        let start = cur.position() as usize;
        let attr = Nlattr::<Attr, Buffer>::from_bytes(&mut cur)
            .map_err(|e| bad(format!("nested attribute at byte {start}: {e}")))?;
        out.push((
            *attr.nla_type().nla_type(),
            attr.nla_payload().as_ref().to_vec(),
        ));
    }
    Ok(out)
}

fn find(attrs: &[RawAttr], t: Attr) -> Option<&[u8]> {
    attrs
        .iter()
        .find(|(a, _)| *a == t)
        .map(|(_, p)| p.as_slice())
}

fn required(attrs: &[RawAttr], t: Attr) -> Result<&[u8], Error> {
    find(attrs, t).ok_or_else(|| bad(format!("missing attribute {t:?}")))
}

/// A `u32` attribute.
pub fn get_u32(attrs: &[RawAttr], t: Attr) -> Result<u32, Error> {
    let p = required(attrs, t)?;
    Ok(u32::from_ne_bytes(p.try_into().map_err(|_| {
        bad(format!("{t:?}: {} bytes, wanted 4", p.len()))
    })?))
}

/// A `u64` attribute.
pub fn get_u64(attrs: &[RawAttr], t: Attr) -> Result<u64, Error> {
    let p = required(attrs, t)?;
    Ok(u64::from_ne_bytes(p.try_into().map_err(|_| {
        bad(format!("{t:?}: {} bytes, wanted 8", p.len()))
    })?))
}

/// A NUL-terminated string attribute, without its NUL.
pub fn get_str(attrs: &[RawAttr], t: Attr) -> Result<String, Error> {
    let p = required(attrs, t)?;
    let s = p
        .strip_suffix(b"\0")
        .ok_or_else(|| bad(format!("{t:?}: not NUL-terminated")))?;
    Ok(String::from_utf8_lossy(s).into_owned())
}

impl Entry {
    /// Decodes the attributes of an ENTRY nest.
    pub fn from_nest(attrs: &[RawAttr]) -> Result<Self, Error> {
        Ok(Self {
            key: get_str(attrs, Attr::Key)?,
            value: required(attrs, Attr::Value)?.to_vec(),
            tag: get_u32(attrs, Attr::Tag)?,
            revision: get_u64(attrs, Attr::Revision)?,
            ttl_ms: find(attrs, Attr::TtlMs)
                .map(|_| get_u32(attrs, Attr::TtlMs))
                .transpose()?,
        })
    }

    /// Decodes a message carrying one ENTRY (a reply, a dump message or a
    /// notification).
    pub fn from_message(attrs: &[RawAttr]) -> Result<Self, Error> {
        Self::from_nest(&parse_nested(required(attrs, Attr::Entry)?)?)
    }
}

impl Stats {
    /// Decodes a STATS_GET reply.
    pub fn from_message(a: &[RawAttr]) -> Result<Self, Error> {
        Ok(Self {
            count: get_u32(a, Attr::Count)?,
            bytes: get_u32(a, Attr::Bytes)?,
            max_entries: get_u32(a, Attr::MaxEntries)?,
            max_bytes: get_u32(a, Attr::MaxBytes)?,
            created: get_u64(a, Attr::Created)?,
            replaced: get_u64(a, Attr::Replaced)?,
            deleted: get_u64(a, Attr::Deleted)?,
            flushed: get_u64(a, Attr::Flushed)?,
            notifications: get_u64(a, Attr::Notifications)?,
            expired: get_u64(a, Attr::Expired)?,
            audit_messages: get_u64(a, Attr::AuditMessages)?,
        })
    }
}

impl Event {
    /// Decodes a notification of command `cmd`.
    pub fn from_message(cmd: Cmd, attrs: &[RawAttr]) -> Result<Self, Error> {
        match cmd {
            Cmd::EntryNewNtf => Ok(Self::EntryNew {
                entry: Entry::from_message(attrs)?,
            }),
            Cmd::EntryDelNtf => {
                let reason = get_u32(attrs, Attr::Reason)?;
                Ok(Self::EntryDel {
                    entry: Entry::from_message(attrs)?,
                    reason: DelReason::from_u32(reason)
                        .ok_or_else(|| bad(format!("unknown del-reason {reason}")))?,
                })
            }
            Cmd::AuditNtf => Ok(Self::Audit {
                command: get_u32(attrs, Attr::Command)?,
                portid: get_u32(attrs, Attr::Portid)?,
                uid: get_u32(attrs, Attr::Uid)?,
                key: find(attrs, Attr::Key)
                    .map(|_| get_str(attrs, Attr::Key))
                    .transpose()?,
            }),
            Cmd::FlushNtf => Ok(Self::Flush {
                count: get_u32(attrs, Attr::Count)?,
            }),
            other => Err(bad(format!(
                "command {} is not a notification",
                u8::from(other)
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attribute as the kernel encodes it: header, payload, padding.
    fn nla(t: u16, payload: &[u8]) -> Vec<u8> {
        let mut out = ((4 + payload.len()) as u16).to_ne_bytes().to_vec();
        out.extend(t.to_ne_bytes());
        out.extend(payload);
        out.resize(out.len().next_multiple_of(4), 0);
        out
    }

    fn entry_nest(key: &[u8], value: &[u8], tag: u32, revision: u64) -> Vec<u8> {
        [
            nla(2, key),
            nla(3, value),
            nla(4, &tag.to_ne_bytes()),
            nla(1, &[]), // PAD before the 64-bit revision, as nla_put_64bit adds
            nla(5, &revision.to_ne_bytes()),
        ]
        .concat()
    }

    #[test]
    fn decodes_an_entry_nest() {
        let nest = entry_nest(b"k1\0", b"\x00\xffabc", 7, 1 << 40);
        let entry = Entry::from_message(&[(Attr::Entry, nest)]).unwrap();
        assert_eq!(
            entry,
            Entry {
                key: "k1".into(),
                value: b"\x00\xffabc".to_vec(),
                tag: 7,
                revision: 1 << 40,
                ttl_ms: None,
            }
        );
    }

    #[test]
    fn empty_value_is_kept() {
        let nest = entry_nest(b"k\0", b"", 0, 1);
        let entry = Entry::from_message(&[(Attr::Entry, nest)]).unwrap();
        assert!(entry.value.is_empty());
    }

    #[test]
    fn refuses_malformed_entries() {
        // Missing ENTRY, a key without NUL, a short revision, a truncated nest.
        assert!(Entry::from_message(&[]).is_err());
        let no_nul = entry_nest(b"k", b"v", 0, 1);
        assert!(Entry::from_message(&[(Attr::Entry, no_nul)]).is_err());
        let short = [
            nla(2, b"k\0"),
            nla(3, b""),
            nla(4, &[0; 4]),
            nla(5, &[0; 4]),
        ]
        .concat();
        assert!(Entry::from_message(&[(Attr::Entry, short)]).is_err());
        let mut cut = entry_nest(b"k\0", b"value", 0, 1);
        cut.truncate(cut.len() - 6);
        assert!(Entry::from_message(&[(Attr::Entry, cut)]).is_err());
    }

    #[test]
    fn decodes_events() {
        let count = vec![(Attr::Count, 3u32.to_ne_bytes().to_vec())];
        assert_eq!(
            Event::from_message(Cmd::FlushNtf, &count).unwrap(),
            Event::Flush { count: 3 }
        );
        let mut nest = vec![(Attr::Entry, entry_nest(b"a\0", b"b", 1, 2))];
        assert!(Event::from_message(Cmd::EntryDelNtf, &nest).is_err());
        nest.push((Attr::Reason, 1u32.to_ne_bytes().to_vec()));
        assert!(matches!(
            Event::from_message(Cmd::EntryDelNtf, &nest).unwrap(),
            Event::EntryDel { entry, reason: DelReason::Expired } if entry.key == "a"
        ));
        assert!(Event::from_message(Cmd::EntryGet, &nest).is_err());
    }

    #[test]
    fn decodes_stats_and_json() {
        let u32s = [
            (Attr::Count, 2),
            (Attr::Bytes, 10),
            (Attr::MaxEntries, 5),
            (Attr::MaxBytes, 99),
        ];
        let u64s = [
            (Attr::Created, 3),
            (Attr::Replaced, 4),
            (Attr::Deleted, 1),
            (Attr::Flushed, 0),
            (Attr::Notifications, 8),
            (Attr::Expired, 6),
            (Attr::AuditMessages, 7),
        ];
        let mut attrs: Vec<RawAttr> = u32s
            .iter()
            .map(|(t, v)| (*t, (*v as u32).to_ne_bytes().to_vec()))
            .collect();
        attrs.extend(
            u64s.iter()
                .map(|(t, v)| (*t, (*v as u64).to_ne_bytes().to_vec())),
        );
        let stats = Stats::from_message(&attrs).unwrap();
        assert_eq!(
            (
                stats.count,
                stats.max_bytes,
                stats.replaced,
                stats.notifications,
                stats.expired,
                stats.audit_messages
            ),
            (2, 99, 4, 8, 6, 7)
        );
        let json = serde_json::to_string(&Event::EntryNew {
            entry: Entry {
                key: "k".into(),
                value: vec![0xff],
                tag: 1,
                revision: 2,
                ttl_ms: Some(5),
            },
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"event":"entry-new","entry":{"key":"k","value":{"text":null,"hex":"ff"},"tag":1,"revision":2,"ttl-ms":5}}"#
        );
    }
}
