// SPDX-License-Identifier: GPL-2.0

//! The decoders on crafted buffers: what the kernel sends, and what it
//! must not be trusted to send.

use ynl::{wire, Attr, Attrs, DecodeError, Msgs, Request};

fn attr(ty: u16, payload: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
    b.extend_from_slice(&ty.to_ne_bytes());
    b.extend_from_slice(payload);
    b.resize(wire::align(b.len()), 0);
    b
}

fn get(b: &[u8]) -> Attr<'_> {
    Attrs::new(b).next().unwrap().unwrap()
}

fn all(b: &[u8]) -> Vec<Result<Attr<'_>, DecodeError>> {
    Attrs::new(b).collect()
}

#[test]
fn attributes_in_order_unknown_ones_kept() {
    let mut b = attr(1, &7u32.to_ne_bytes());
    b.extend(attr(200, b"who knows"));
    b.extend(attr(2, b"key\0"));
    let got: Vec<_> = Attrs::new(&b).map(|a| a.map(|a| a.ty())).collect();
    assert_eq!(got, vec![Ok(1), Ok(200), Ok(2)]);
    let a = Attrs::new(&b).find(200).unwrap().unwrap();
    assert_eq!(a.bytes(), b"who knows");
    assert_eq!(Attrs::new(&b).find(2).unwrap().unwrap().str(), Ok("key"));
}

#[test]
fn truncated_attributes_are_errors_not_panics() {
    let whole = attr(1, &[1, 2, 3, 4, 5, 6, 7, 8]);
    // Cut inside the payload: the header says more than is there.
    let cut = &whole[..8];
    assert_eq!(
        all(cut),
        vec![Err(DecodeError::Truncated {
            offset: 0,
            left: 8,
            len: 12
        })]
    );
    // Less than a header.
    assert!(matches!(
        all(&whole[..3])[..],
        [Err(DecodeError::Truncated { len: 0, .. })]
    ));
    // A length shorter than the header itself.
    let mut bad = whole.clone();
    bad[0..2].copy_from_slice(&2u16.to_ne_bytes());
    assert!(matches!(
        all(&bad)[..],
        [Err(DecodeError::Truncated { len: 2, .. })]
    ));
    // After a good attribute, the error names where the bad one starts.
    let mut two = attr(1, &[0; 4]);
    two.extend_from_slice(&whole[..6]);
    assert!(matches!(
        all(&two)[..],
        [Ok(_), Err(DecodeError::Truncated { offset: 8, .. })]
    ));
}

#[test]
fn nests_read_with_or_without_the_nested_flag() {
    let inner = attr(3, &9u16.to_ne_bytes());
    for flag in [0, wire::NLA_F_NESTED] {
        let b = attr(5 | flag, &inner);
        let nest = Attrs::new(&b).next().unwrap().unwrap();
        assert_eq!(nest.ty(), 5);
        assert_eq!(nest.is_flagged_nested(), flag != 0);
        let a = nest.nested().find(3).unwrap().unwrap();
        assert_eq!(a.u16(), Ok(9));
    }
}

#[test]
fn payloads_of_the_wrong_length_are_typed_errors() {
    let b = attr(4, &[1, 2, 3]);
    let a = Attrs::new(&b).next().unwrap().unwrap();
    assert_eq!(
        a.u32(),
        Err(DecodeError::Length {
            attr: 4,
            len: 3,
            what: "u32"
        })
    );
    assert!(a.uint().is_err());
    assert!(a.u16().is_err());
    let b = attr(4, &[0xff, 0xfe, 0]);
    assert_eq!(
        Attrs::new(&b).next().unwrap().unwrap().str(),
        Err(DecodeError::Utf8 { attr: 4 })
    );
}

#[test]
fn uint_and_sint_take_4_or_8_bytes() {
    let b4 = attr(1, &5u32.to_ne_bytes());
    let b8 = attr(1, &(1u64 << 40).to_ne_bytes());
    let s4 = attr(1, &(-5i32).to_ne_bytes());
    assert_eq!(get(&b4).uint(), Ok(5));
    assert_eq!(get(&b8).uint(), Ok(1 << 40));
    assert_eq!(get(&s4).sint(), Ok(-5));
    assert_eq!(get(&attr(1, &0x1234u16.to_be_bytes())).be16(), Ok(0x1234));
}

#[test]
fn requests_flag_nests_and_write_uint_in_the_fewest_bytes() {
    let mut r = Request::new(0x20, 1, 2, 0);
    r.put_uint(1, 7).put_uint(2, 1 << 33).put_str(3, "ab");
    r.nest(4, |r| {
        r.put_flag(5, true).put_flag(6, false);
    });
    let b = r.as_bytes();
    assert_eq!(&b[16..20], &[1, 2, 0, 0]);
    let attrs: Vec<_> = Attrs::new(&b[20..]).map(Result::unwrap).collect();
    assert_eq!(attrs.len(), 4);
    assert_eq!(attrs[0].bytes().len(), 4);
    assert_eq!(attrs[1].bytes().len(), 8);
    assert_eq!(attrs[2].bytes(), b"ab\0");
    assert!(attrs[3].is_flagged_nested());
    let inner: Vec<_> = attrs[3].nested().map(|a| a.unwrap().ty()).collect();
    assert_eq!(inner, vec![5]);
    assert_eq!(r.overflow(), None);
}

#[test]
fn an_attribute_too_long_for_nla_len_marks_the_request() {
    let mut r = Request::new(0x20, 1, 2, 0);
    r.put(1, &vec![0; 70_000]);
    assert_eq!(r.overflow(), Some(1));
    let mut r = Request::new(0x20, 1, 2, 0);
    r.nest(9, |r| {
        for _ in 0..2 {
            r.put(1, &vec![0; 40_000]);
        }
    });
    assert_eq!(r.overflow(), Some(9));
}

#[test]
fn datagrams_split_into_messages_and_a_cut_one_is_an_error() {
    let mut dg = Vec::new();
    for seq in [1u32, 2] {
        let mut m = Request::new(0x20, 3, 1, 0);
        m.put_str(1, "x");
        let mut b = m.as_bytes().to_vec();
        let len = b.len() as u32;
        b[0..4].copy_from_slice(&len.to_ne_bytes());
        b[8..12].copy_from_slice(&seq.to_ne_bytes());
        dg.extend(b);
    }
    let seqs: Vec<_> = Msgs::new(&dg).map(|m| m.unwrap().seq()).collect();
    assert_eq!(seqs, vec![1, 2]);
    let m = Msgs::new(&dg).next().unwrap().unwrap();
    assert_eq!((m.ty(), m.cmd(), m.version()), (0x20, Ok(3), Ok(1)));
    assert_eq!(m.attrs(0).unwrap().find(1).unwrap().unwrap().str(), Ok("x"));
    let cut = &dg[..dg.len() - 4];
    let got: Vec<_> = Msgs::new(cut).collect();
    assert!(got[0].is_ok());
    assert!(matches!(got[1], Err(DecodeError::ShortMessage { .. })));
    // A message too short for its generic netlink header.
    let mut short = vec![0u8; 16];
    short[0..4].copy_from_slice(&16u32.to_ne_bytes());
    let m = Msgs::new(&short).next().unwrap().unwrap();
    assert!(m.cmd().is_err());
    assert!(m.attrs(0).is_err());
}
