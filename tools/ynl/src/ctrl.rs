// SPDX-License-Identifier: GPL-2.0

//! Finding a family: nlctrl's `getfamily` (include/uapi/linux/genetlink.h).

use crate::attr::{Attrs, DecodeError};
use crate::error::Error;
use crate::request::Request;
use crate::socket::{Replies, Socket};

const GENL_ID_CTRL: u16 = 0x10;
const CTRL_CMD_NEWFAMILY: u8 = 1;
const CTRL_CMD_GETFAMILY: u8 = 3;
const CTRL_ATTR_FAMILY_ID: u16 = 1;
const CTRL_ATTR_FAMILY_NAME: u16 = 2;
const CTRL_ATTR_VERSION: u16 = 3;
const CTRL_ATTR_HDRSIZE: u16 = 4;
const CTRL_ATTR_MAXATTR: u16 = 5;
const CTRL_ATTR_MCAST_GROUPS: u16 = 7;
const CTRL_ATTR_MCAST_GRP_NAME: u16 = 1;
const CTRL_ATTR_MCAST_GRP_ID: u16 = 2;

/// A registered family, as nlctrl describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Family {
    /// Its name.
    pub name: String,
    /// Its id: the `nlmsg_type` of its messages.
    pub id: u16,
    /// Its version.
    pub version: u32,
    /// The length of its fixed header.
    pub hdr_size: u32,
    /// Its highest attribute type.
    pub max_attr: u32,
    /// Its multicast groups: name and id.
    pub groups: Vec<(String, u32)>,
}

impl Family {
    /// The id of multicast group `name`.
    pub fn group(&self, name: &str) -> Result<u32, Error> {
        self.groups
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, id)| id)
            .ok_or_else(|| Error::UnknownGroup {
                family: self.name.clone(),
                group: name.to_owned(),
            })
    }

    fn decode(attrs: Attrs<'_>) -> Result<Self, DecodeError> {
        let mut f = Family {
            name: String::new(),
            id: 0,
            version: 0,
            hdr_size: 0,
            max_attr: 0,
            groups: Vec::new(),
        };
        let (mut name, mut id) = (false, false);
        for a in attrs {
            let a = a?;
            match a.ty() {
                CTRL_ATTR_FAMILY_ID => (f.id, id) = (a.u16()?, true),
                CTRL_ATTR_FAMILY_NAME => (f.name, name) = (a.str()?.to_owned(), true),
                CTRL_ATTR_VERSION => f.version = a.u32()?,
                CTRL_ATTR_HDRSIZE => f.hdr_size = a.u32()?,
                CTRL_ATTR_MAXATTR => f.max_attr = a.u32()?,
                CTRL_ATTR_MCAST_GROUPS => {
                    for g in a.nested() {
                        let g = g?.nested();
                        let gname =
                            g.find(CTRL_ATTR_MCAST_GRP_NAME)?
                                .ok_or(DecodeError::Missing {
                                    attr: CTRL_ATTR_MCAST_GRP_NAME,
                                })?;
                        let gid = g
                            .find(CTRL_ATTR_MCAST_GRP_ID)?
                            .ok_or(DecodeError::Missing {
                                attr: CTRL_ATTR_MCAST_GRP_ID,
                            })?;
                        f.groups.push((gname.str()?.to_owned(), gid.u32()?));
                    }
                }
                _ => {}
            }
        }
        if !id {
            return Err(DecodeError::Missing {
                attr: CTRL_ATTR_FAMILY_ID,
            });
        }
        if !name {
            return Err(DecodeError::Missing {
                attr: CTRL_ATTR_FAMILY_NAME,
            });
        }
        Ok(f)
    }
}

impl Socket {
    /// Looks family `name` up with nlctrl. A family nlctrl does not know
    /// is [`Error::UnknownFamily`].
    pub fn resolve(&mut self, name: &str) -> Result<Family, Error> {
        let mut req = Request::new(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
        req.put_str(CTRL_ATTR_FAMILY_NAME, name);
        let mut family = None;
        let r = self.exec(&mut req, Replies::Cmds(&[CTRL_CMD_NEWFAMILY]), |m| {
            family = Some(Family::decode(m.attrs(0)?)?);
            Ok(())
        });
        match r {
            Err(Error::Kernel {
                errno: libc::ENOENT,
                ..
            }) => Err(Error::UnknownFamily(name.to_owned())),
            Err(e) => Err(e),
            Ok(()) => family
                .ok_or_else(|| Error::Protocol(format!("nlctrl sent no family for \"{name}\""))),
        }
    }
}
