// SPDX-License-Identifier: GPL-2.0

//! Extended ACKs: why the kernel refused a request, in its words, and
//! where in the request (include/uapi/linux/netlink.h, `NLMSGERR_ATTR_*`).

use crate::attr::Attrs;
use crate::msg::Msg;
use crate::wire::{self, NLA_HDRLEN, NLMSG_DONE, NLMSG_HDRLEN, NLM_F_ACK_TLVS, NLM_F_CAPPED};

const NLMSGERR_ATTR_MSG: u16 = 1;
const NLMSGERR_ATTR_OFFS: u16 = 2;
const NLMSGERR_ATTR_MISS_TYPE: u16 = 5;
const NLMSGERR_ATTR_MISS_NEST: u16 = 6;

/// What an `NLMSG_ERROR` or `NLMSG_DONE` says beyond its errno.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extack {
    /// `NL_SET_ERR_MSG`'s message.
    pub msg: Option<String>,
    /// `NL_SET_BAD_ATTR`: the offending attribute, as a path of attribute
    /// types from the top level of the request.
    pub bad_attr: Option<Vec<u16>>,
    /// `NL_SET_ERR_ATTR_MISS`: the type of the missing attribute.
    pub miss_type: Option<u16>,
    /// ... and the nest it is missing from (`None`: the top level).
    pub miss_nest: Option<Vec<u16>>,
}

impl Extack {
    /// Whether the kernel said nothing beyond the errno.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The extack of `msg`, an `NLMSG_ERROR` (the errno, then the request's
    /// header and, unless capped, its payload) or an `NLMSG_DONE` (the
    /// errno), about `request` (whose attributes start at `attrs_at`),
    /// with offsets mapped to attribute paths. Whatever does not parse is
    /// left out.
    pub fn parse(msg: &Msg<'_>, request: &[u8], attrs_at: usize) -> Self {
        let mut ext = Self::default();
        if msg.flags() & NLM_F_ACK_TLVS == 0 {
            return ext;
        }
        let done = msg.ty() == NLMSG_DONE;
        let payload = msg.payload();
        let tlvs_at = if done {
            Some(4)
        } else {
            let echoed = if msg.flags() & NLM_F_CAPPED != 0 {
                NLMSG_HDRLEN
            } else {
                wire::u32_at(payload, 4).map_or(NLMSG_HDRLEN, |l| l as usize)
            };
            // (Checked: a lying length must not overflow on 32 bits.)
            echoed.checked_add(3 + 4).map(|e| e & !3)
        };
        let Some(tlvs) = tlvs_at.and_then(|at| payload.get(at..)) else {
            return ext;
        };
        for a in Attrs::new(tlvs).flatten() {
            match a.ty() {
                NLMSGERR_ATTR_MSG => ext.msg = a.str().ok().map(str::to_owned),
                NLMSGERR_ATTR_OFFS => {
                    ext.bad_attr = a
                        .u32()
                        .ok()
                        .and_then(|o| attr_path(request, attrs_at, o as usize))
                }
                NLMSGERR_ATTR_MISS_TYPE => {
                    ext.miss_type = a.u32().ok().and_then(|t| t.try_into().ok())
                }
                NLMSGERR_ATTR_MISS_NEST => {
                    ext.miss_nest = a
                        .u32()
                        .ok()
                        .and_then(|o| attr_path(request, attrs_at, o as usize))
                }
                _ => {}
            }
        }
        ext
    }
}

/// The path of attribute types to the attribute at byte `offset` of
/// `request`, whose attributes start at `attrs_at`: `[2]` for the top
/// level's attribute 2, `[2, 1]` for attribute 1 in nest 2. `None` when
/// no attribute starts there.
pub fn attr_path(request: &[u8], attrs_at: usize, offset: usize) -> Option<Vec<u16>> {
    let mut path = Vec::new();
    let mut start = attrs_at;
    let mut attrs = Attrs::new(request.get(attrs_at..)?);
    loop {
        let mut pos = start;
        let mut inner = None;
        for a in attrs {
            let a = a.ok()?;
            let len = NLA_HDRLEN + a.bytes().len();
            if pos == offset {
                path.push(a.ty());
                return Some(path);
            }
            if offset > pos && offset < pos + len {
                inner = Some((a, pos + NLA_HDRLEN));
                break;
            }
            pos += wire::align(len);
        }
        let (nest, at) = inner?;
        path.push(nest.ty());
        attrs = nest.nested();
        start = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{msg::Msgs, request::Request, wire::NLMSG_ERROR};

    /// An `NLMSG_ERROR` for `request` with `errno` and the TLVs `tlvs`,
    /// capped as the socket asks.
    fn error_msg(request: &[u8], errno: i32, tlvs: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut b = vec![0; 16];
        b[4..6].copy_from_slice(&NLMSG_ERROR.to_ne_bytes());
        b[6..8].copy_from_slice(&(NLM_F_CAPPED | NLM_F_ACK_TLVS).to_ne_bytes());
        b.extend_from_slice(&(-errno).to_ne_bytes());
        b.extend_from_slice(&request[..16]);
        let mut r = Request::new(0, 0, 0, 0);
        for (t, p) in tlvs {
            r.put(*t, p);
        }
        b.extend_from_slice(&r.as_bytes()[20..]);
        let len = b.len() as u32;
        b[0..4].copy_from_slice(&len.to_ne_bytes());
        b
    }

    #[test]
    fn offsets_become_attribute_paths() {
        let mut req = Request::new(0x20, 1, 1, 0);
        req.put_str(1, "key");
        req.nest(2, |r| {
            r.put_u32(7, 1).put_u32(8, 2);
        });
        let bytes = req.as_bytes().to_vec();
        // Attribute 1 at 20 (8 bytes), nest 2 at 28, its 7 at 32, its 8 at 40.
        assert_eq!(attr_path(&bytes, 20, 20), Some(vec![1]));
        assert_eq!(attr_path(&bytes, 20, 28), Some(vec![2]));
        assert_eq!(attr_path(&bytes, 20, 40), Some(vec![2, 8]));
        assert_eq!(attr_path(&bytes, 20, 41), None);
        assert_eq!(attr_path(&bytes, 20, 999), None);
        let msg = error_msg(
            &bytes,
            22,
            &[
                (NLMSGERR_ATTR_MSG, b"bad value\0".to_vec()),
                (NLMSGERR_ATTR_OFFS, 40u32.to_ne_bytes().to_vec()),
                (NLMSGERR_ATTR_MISS_TYPE, 9u32.to_ne_bytes().to_vec()),
                (NLMSGERR_ATTR_MISS_NEST, 28u32.to_ne_bytes().to_vec()),
            ],
        );
        let m = Msgs::new(&msg).next().unwrap().unwrap();
        let ext = Extack::parse(&m, &bytes, 20);
        assert_eq!(ext.msg.as_deref(), Some("bad value"));
        assert_eq!(ext.bad_attr, Some(vec![2, 8]));
        assert_eq!(ext.miss_type, Some(9));
        assert_eq!(ext.miss_nest, Some(vec![2]));
        let e = crate::Error::Kernel {
            errno: 22,
            extack: ext,
        };
        assert!(
            e.to_string()
                .ends_with(": bad value (attribute 2.8) (missing attribute 9 in 2)"),
            "{e}"
        );
    }

    #[test]
    fn no_tlvs_flag_no_extack() {
        let req = Request::new(0x20, 1, 1, 0);
        let mut msg = error_msg(req.as_bytes(), 1, &[(NLMSGERR_ATTR_MSG, b"x\0".to_vec())]);
        msg[6..8].copy_from_slice(&NLM_F_CAPPED.to_ne_bytes());
        let m = Msgs::new(&msg).next().unwrap().unwrap();
        assert!(Extack::parse(&m, req.as_bytes(), 20).is_empty());
    }
}
