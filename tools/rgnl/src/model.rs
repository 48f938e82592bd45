//! The family's objects as the client hands them out: owned values, with
//! what rgnl always sends required. The generated types (`proto.rs`)
//! decode messages in place, every attribute optional (the spec cannot say
//! which are always there); these are built from them, and a message
//! lacking what rgnl always puts is a decode error.

use crate::proto::{self, Attr, DelReason};
use crate::Error;
use ynl::{Decode, DecodeError};

/// An entry of the registry (nest `entry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// Its key.
    pub key: String,
    /// Its value, stored as given.
    #[serde(serialize_with = "ynl::json::binary")]
    pub value: Vec<u8>,
    /// The number stored with it.
    pub tag: u32,
    /// The namespace's change counter when it was last created or replaced.
    pub revision: u64,
    /// Its time to live in milliseconds, if it has one.
    #[serde(rename = "ttl-ms", skip_serializing_if = "Option::is_none")]
    pub ttl_ms: Option<u32>,
}

/// A namespace's usage, limits and counters (the reply of `stats-get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Stats {
    /// Entries held.
    pub count: u32,
    /// Value bytes held.
    pub bytes: u32,
    /// Most entries the namespace may hold.
    pub max_entries: u32,
    /// Most value bytes the namespace may hold.
    pub max_bytes: u32,
    /// Entries created.
    pub created: u64,
    /// Entries replaced.
    pub replaced: u64,
    /// Entries deleted by entry-del.
    pub deleted: u64,
    /// Entries deleted by flush.
    pub flushed: u64,
    /// Notifications sent.
    pub notifications: u64,
    /// Entries expired.
    pub expired: u64,
    /// audit-ntf messages sent.
    pub audit_messages: u64,
}

/// An entry was created or replaced.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntryNewNtf {
    /// The entry stored.
    pub entry: Entry,
}

/// An entry was deleted or expired.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntryDelNtf {
    /// The entry as it was.
    pub entry: Entry,
    /// Why it went.
    pub reason: DelReason,
}

/// The namespace was flushed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FlushNtf {
    /// The entries removed.
    pub count: u32,
}

/// Who changed what (group `audit`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditNtf {
    /// The command of the change.
    pub command: u32,
    /// The port id of the socket that sent it.
    pub portid: u32,
    /// The sender's uid, in the initial user namespace.
    pub uid: u32,
    /// The entry's key (none for flush and limits-set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A notification, tagged with its name (without `-ntf`) in JSON.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// An entry was created or replaced.
    EntryNew(EntryNewNtf),
    /// An entry was deleted or expired.
    EntryDel(EntryDelNtf),
    /// The namespace was flushed.
    Flush(FlushNtf),
    /// Who changed what.
    Audit(AuditNtf),
}

impl From<ynl::CheckError> for Error {
    fn from(e: ynl::CheckError) -> Self {
        Error::Invalid(e.0)
    }
}

/// `v`, which rgnl always puts as attribute `attr`.
fn need<T>(v: Option<T>, attr: Attr) -> Result<T, DecodeError> {
    v.ok_or(DecodeError::Missing { attr: attr.into() })
}

impl TryFrom<proto::Entry<'_>> for Entry {
    type Error = DecodeError;

    fn try_from(e: proto::Entry<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            key: need(e.key, Attr::Key)?.to_owned(),
            value: need(e.value, Attr::Value)?.to_vec(),
            tag: need(e.tag, Attr::Tag)?,
            revision: need(e.revision, Attr::Revision)?,
            ttl_ms: e.ttl_ms,
        })
    }
}

/// The entry a message carries: an `entry-get` reply or dump message, or
/// the notification of `entry-new` or `entry-del` (the same `entry` nest).
/// Only the nest is decoded, not the reply's whole set (the hot path of
/// `get` and `list`).
pub fn entry_of(attrs: ynl::Attrs<'_>) -> Result<Entry, DecodeError> {
    let nest = need(attrs.find(Attr::Entry.into())?, Attr::Entry)?;
    proto::Entry::decode(nest.nested())?.try_into()
}

/// The reply of `stats-get`.
pub fn stats_of(attrs: ynl::Attrs<'_>) -> Result<Stats, DecodeError> {
    let s = proto::StatsGetReply::decode(attrs)?;
    Ok(Stats {
        count: need(s.count, Attr::Count)?,
        bytes: need(s.bytes, Attr::Bytes)?,
        max_entries: need(s.max_entries, Attr::MaxEntries)?,
        max_bytes: need(s.max_bytes, Attr::MaxBytes)?,
        created: need(s.created, Attr::Created)?,
        replaced: need(s.replaced, Attr::Replaced)?,
        deleted: need(s.deleted, Attr::Deleted)?,
        flushed: need(s.flushed, Attr::Flushed)?,
        notifications: need(s.notifications, Attr::Notifications)?,
        expired: need(s.expired, Attr::Expired)?,
        audit_messages: need(s.audit_messages, Attr::AuditMessages)?,
    })
}

/// The count of a `flush` reply (its `flush-ntf`, echoed).
pub fn flush_count(attrs: ynl::Attrs<'_>) -> Result<u32, DecodeError> {
    need(proto::FlushNtf::decode(attrs)?.count, Attr::Count)
}

impl Event {
    /// Decodes notification `m`; an error for a message that is not one.
    pub fn decode(m: &ynl::Msg<'_>) -> Result<Self, Error> {
        let event = proto::Event::decode_msg(m)?.ok_or_else(|| {
            Error::Protocol(format!(
                "command {} is not a notification",
                m.cmd().unwrap_or(0)
            ))
        })?;
        Ok(match event {
            proto::Event::EntryNew(n) => Event::EntryNew(EntryNewNtf {
                entry: need(n.entry, Attr::Entry)?.try_into()?,
            }),
            proto::Event::EntryDel(n) => Event::EntryDel(EntryDelNtf {
                entry: need(n.entry, Attr::Entry)?.try_into()?,
                reason: need(n.reason, Attr::Reason)?,
            }),
            proto::Event::Flush(n) => Event::Flush(FlushNtf {
                count: need(n.count, Attr::Count)?,
            }),
            proto::Event::Audit(n) => Event::Audit(AuditNtf {
                command: need(n.command, Attr::Command)?,
                portid: need(n.portid, Attr::Portid)?,
                uid: need(n.uid, Attr::Uid)?,
                key: n.key.map(str::to_owned),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::Cmd;
    use crate::RawAttr;
    use ynl::{Attrs, Msgs};

    /// Attributes as the kernel encodes them.
    fn wire(attrs: &[RawAttr]) -> Vec<u8> {
        attrs
            .iter()
            .flat_map(|(t, p)| nla(u16::from(*t), p))
            .collect()
    }

    /// An attribute as the kernel encodes it: header, payload, padding.
    fn nla(t: u16, payload: &[u8]) -> Vec<u8> {
        let mut out = ((4 + payload.len()) as u16).to_ne_bytes().to_vec();
        out.extend(t.to_ne_bytes());
        out.extend(payload);
        out.resize(out.len().next_multiple_of(4), 0);
        out
    }

    /// Notification `cmd` carrying `attrs`, decoded as the client does.
    fn event(cmd: Cmd, attrs: &[RawAttr]) -> Result<Event, Error> {
        let payload = wire(attrs);
        let mut msg = ((20 + payload.len()) as u32).to_ne_bytes().to_vec();
        msg.extend(0x20u16.to_ne_bytes());
        msg.extend([0; 10]);
        msg.extend([u8::from(cmd), 1, 0, 0]);
        msg.extend(payload);
        let m = Msgs::new(&msg).next().unwrap().unwrap();
        Event::decode(&m)
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
        let entry = entry_of(Attrs::new(&wire(&[(Attr::Entry, nest)]))).unwrap();
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
        let mut leased = entry_nest(b"k\0", b"", 0, 1);
        leased.extend(nla(17, &500u32.to_ne_bytes()));
        assert_eq!(
            entry_of(Attrs::new(&wire(&[(Attr::Entry, leased)])))
                .unwrap()
                .ttl_ms,
            Some(500)
        );
    }

    #[test]
    fn empty_value_is_kept() {
        let nest = entry_nest(b"k\0", b"", 0, 1);
        let entry = entry_of(Attrs::new(&wire(&[(Attr::Entry, nest)]))).unwrap();
        assert!(entry.value.is_empty());
    }

    #[test]
    fn refuses_malformed_entries() {
        // Missing ENTRY, a key without NUL, a short revision, a truncated
        // nest, a missing tag, a ttl-ms of the wrong size, a key twice.
        assert!(entry_of(Attrs::new(&wire(&[]))).is_err());
        let no_nul = entry_nest(b"k", b"v", 0, 1);
        let err = entry_of(Attrs::new(&wire(&[(Attr::Entry, no_nul)]))).unwrap_err();
        assert_eq!(err.to_string(), "attribute 2: string without its NUL");
        let short = [
            nla(2, b"k\0"),
            nla(3, b""),
            nla(4, &[0; 4]),
            nla(5, &[0; 4]),
        ]
        .concat();
        let err = entry_of(Attrs::new(&wire(&[(Attr::Entry, short)]))).unwrap_err();
        assert_eq!(err.to_string(), "attribute 5: 4 bytes, not a u64");
        let mut cut = entry_nest(b"k\0", b"value", 0, 1);
        cut.truncate(cut.len() - 6);
        assert!(entry_of(Attrs::new(&wire(&[(Attr::Entry, cut)]))).is_err());
        let no_tag = [nla(2, b"k\0"), nla(3, b""), nla(5, &[0; 8])].concat();
        let err = entry_of(Attrs::new(&wire(&[(Attr::Entry, no_tag)]))).unwrap_err();
        assert_eq!(err.to_string(), "missing attribute 4");
        let mut bad_ttl = entry_nest(b"k\0", b"", 0, 1);
        bad_ttl.extend(nla(17, &[1, 0]));
        assert!(entry_of(Attrs::new(&wire(&[(Attr::Entry, bad_ttl)]))).is_err());
        let mut twice = entry_nest(b"k\0", b"", 0, 1);
        twice.extend(nla(2, b"j\0"));
        let err = entry_of(Attrs::new(&wire(&[(Attr::Entry, twice)]))).unwrap_err();
        assert_eq!(err.to_string(), "attribute 2 came twice");
    }

    #[test]
    fn decodes_events() {
        let count = vec![(Attr::Count, 3u32.to_ne_bytes().to_vec())];
        assert_eq!(
            event(Cmd::FlushNtf, &count).unwrap(),
            Event::Flush(FlushNtf { count: 3 })
        );
        let mut nest = vec![(Attr::Entry, entry_nest(b"a\0", b"b", 1, 2))];
        assert!(matches!(
            event(Cmd::EntryNewNtf, &nest).unwrap(),
            Event::EntryNew(EntryNewNtf { entry }) if entry.key == "a"
        ));
        // entry-del-ntf needs its reason; one the spec does not know is kept.
        assert!(event(Cmd::EntryDelNtf, &nest).is_err());
        nest.push((Attr::Reason, 7u32.to_ne_bytes().to_vec()));
        assert!(matches!(
            event(Cmd::EntryDelNtf, &nest).unwrap(),
            Event::EntryDel(EntryDelNtf {
                reason: DelReason(7),
                ..
            })
        ));
        nest.pop();
        nest.push((Attr::Reason, 1u32.to_ne_bytes().to_vec()));
        assert!(matches!(
            event(Cmd::EntryDelNtf, &nest).unwrap(),
            Event::EntryDel(EntryDelNtf { entry, reason: DelReason::EXPIRED }) if entry.key == "a"
        ));
        assert!(event(Cmd::EntryGet, &nest).is_err());
        // audit-ntf: key is optional (absent for flush and limits-set).
        let mut audit: Vec<RawAttr> = [(Attr::Command, 4), (Attr::Portid, 9), (Attr::Uid, 0)]
            .iter()
            .map(|(t, v)| (*t, (*v as u32).to_ne_bytes().to_vec()))
            .collect();
        assert_eq!(
            event(Cmd::AuditNtf, &audit).unwrap(),
            Event::Audit(AuditNtf {
                command: 4,
                portid: 9,
                uid: 0,
                key: None
            })
        );
        audit.push((Attr::Key, b"k\0".to_vec()));
        assert!(matches!(
            event(Cmd::AuditNtf, &audit).unwrap(),
            Event::Audit(AuditNtf { key: Some(k), .. }) if k == "k"
        ));
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
        let stats = stats_of(Attrs::new(&wire(&attrs))).unwrap();
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
        assert_eq!(
            serde_json::to_string(&stats).unwrap(),
            r#"{"count":2,"bytes":10,"max-entries":5,"max-bytes":99,"created":3,"replaced":4,"deleted":1,"flushed":0,"notifications":8,"expired":6,"audit-messages":7}"#
        );
        attrs.retain(|(t, _)| *t != Attr::Expired);
        assert!(stats_of(Attrs::new(&wire(&attrs))).is_err());
        let json = serde_json::to_string(&Event::EntryNew(EntryNewNtf {
            entry: Entry {
                key: "k".into(),
                value: vec![0xff],
                tag: 1,
                revision: 2,
                ttl_ms: Some(5),
            },
        }))
        .unwrap();
        assert_eq!(
            json,
            r#"{"event":"entry-new","entry":{"key":"k","value":{"text":null,"hex":"ff"},"tag":1,"revision":2,"ttl-ms":5}}"#
        );
        let json = serde_json::to_string(&Event::Flush(FlushNtf { count: 1 })).unwrap();
        assert_eq!(json, r#"{"event":"flush","count":1}"#);
        let json = serde_json::to_string(&Event::EntryDel(EntryDelNtf {
            entry: Entry::default(),
            reason: DelReason::EXPIRED,
        }))
        .unwrap();
        assert!(json.ends_with(r#""revision":0},"reason":"expired"}"#));
    }
}
