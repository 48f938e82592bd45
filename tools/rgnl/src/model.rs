//! The family's objects as Rust values. They are generated from the spec
//! (`proto.rs`: [`Entry`], the replies, the notifications and [`Event`],
//! each with its decoder); this names them as the client does.

use crate::proto::{DecodeError, EntryGetReply, StatsGetReply};
use crate::Error;

/// A namespace's usage, limits and counters (the reply of `stats-get`).
pub type Stats = StatsGetReply;

impl From<crate::proto::DecodeError> for Error {
    fn from(e: crate::proto::DecodeError) -> Self {
        Error::Protocol(e.0)
    }
}

impl From<crate::proto::CheckError> for Error {
    fn from(e: crate::proto::CheckError) -> Self {
        Error::Invalid(e.0)
    }
}

/// The entry a message carries: an `entry-get` reply or dump message, or
/// the notification of `entry-new` or `entry-del` (the same `entry` nest).
pub fn entry_of(attrs: ynl::Attrs<'_>) -> Result<crate::Entry, DecodeError> {
    Ok(EntryGetReply::decode(attrs)?.entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::{
        Attr, AuditNtf, Cmd, DelReason, Entry, EntryDelNtf, EntryNewNtf, Event, FlushNtf,
    };
    use crate::RawAttr;
    use ynl::Attrs;

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
        // nest, a missing tag, a ttl-ms of the wrong size.
        assert!(entry_of(Attrs::new(&wire(&[]))).is_err());
        let no_nul = entry_nest(b"k", b"v", 0, 1);
        assert!(entry_of(Attrs::new(&wire(&[(Attr::Entry, no_nul)]))).is_err());
        let short = [
            nla(2, b"k\0"),
            nla(3, b""),
            nla(4, &[0; 4]),
            nla(5, &[0; 4]),
        ]
        .concat();
        let err = entry_of(Attrs::new(&wire(&[(Attr::Entry, short)]))).unwrap_err();
        assert_eq!(err.to_string(), "Entry: Revision: 4 bytes, wanted 8");
        let mut cut = entry_nest(b"k\0", b"value", 0, 1);
        cut.truncate(cut.len() - 6);
        assert!(entry_of(Attrs::new(&wire(&[(Attr::Entry, cut)]))).is_err());
        let no_tag = [nla(2, b"k\0"), nla(3, b""), nla(5, &[0; 8])].concat();
        let err = entry_of(Attrs::new(&wire(&[(Attr::Entry, no_tag)]))).unwrap_err();
        assert_eq!(err.to_string(), "Entry: missing attribute Tag");
        let mut bad_ttl = entry_nest(b"k\0", b"", 0, 1);
        bad_ttl.extend(nla(17, &[1, 0]));
        assert!(entry_of(Attrs::new(&wire(&[(Attr::Entry, bad_ttl)]))).is_err());
    }

    #[test]
    fn decodes_events() {
        let count = vec![(Attr::Count, 3u32.to_ne_bytes().to_vec())];
        assert_eq!(
            Event::decode(Cmd::FlushNtf, Attrs::new(&wire(&count))).unwrap(),
            Event::Flush(FlushNtf { count: 3 })
        );
        let mut nest = vec![(Attr::Entry, entry_nest(b"a\0", b"b", 1, 2))];
        assert!(matches!(
            Event::decode(Cmd::EntryNewNtf, Attrs::new(&wire(&nest))).unwrap(),
            Event::EntryNew(EntryNewNtf { entry }) if entry.key == "a"
        ));
        // entry-del-ntf needs its reason, one of the spec's.
        assert!(Event::decode(Cmd::EntryDelNtf, Attrs::new(&wire(&nest))).is_err());
        nest.push((Attr::Reason, 7u32.to_ne_bytes().to_vec()));
        assert!(Event::decode(Cmd::EntryDelNtf, Attrs::new(&wire(&nest))).is_err());
        nest.pop();
        nest.push((Attr::Reason, 1u32.to_ne_bytes().to_vec()));
        assert!(matches!(
            Event::decode(Cmd::EntryDelNtf, Attrs::new(&wire(&nest))).unwrap(),
            Event::EntryDel(EntryDelNtf { entry, reason: DelReason::Expired }) if entry.key == "a"
        ));
        assert!(Event::decode(Cmd::EntryGet, Attrs::new(&wire(&nest))).is_err());
        // audit-ntf: key is optional (absent for flush and limits-set).
        let mut audit: Vec<RawAttr> = [(Attr::Command, 4), (Attr::Portid, 9), (Attr::Uid, 0)]
            .iter()
            .map(|(t, v)| (*t, (*v as u32).to_ne_bytes().to_vec()))
            .collect();
        assert_eq!(
            Event::decode(Cmd::AuditNtf, Attrs::new(&wire(&audit))).unwrap(),
            Event::Audit(AuditNtf {
                command: 4,
                portid: 9,
                uid: 0,
                key: None
            })
        );
        audit.push((Attr::Key, b"k\0".to_vec()));
        assert!(matches!(
            Event::decode(Cmd::AuditNtf, Attrs::new(&wire(&audit))).unwrap(),
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
        let stats = Stats::decode(Attrs::new(&wire(&attrs))).unwrap();
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
        attrs.retain(|(t, _)| *t != Attr::Expired);
        assert!(Stats::decode(Attrs::new(&wire(&attrs))).is_err());
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
            reason: DelReason::Expired,
        }))
        .unwrap();
        assert!(json.ends_with(r#""revision":0},"reason":"expired"}"#));
    }
}
