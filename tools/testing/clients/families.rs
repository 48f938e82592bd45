// SPDX-License-Identifier: GPL-2.0

//! The kernel's own genetlink families through the Rust clients generated
//! from the tree's specs: one request per call, its replies printed as
//! JSON lines (the generated types' serialisation), a refusal as
//! `{"errno": .., "msg": .., "bad-attr": [..], "miss-type": .., "miss-nest": [..]}`
//! with the attribute path as numbers, a notification as the event.
//! `tools/testing/selftests/rgnl/families.py` compares them with what the
//! kernel's YNL library decodes from the same requests.
//!
//!     families FAMILY REQUEST [ARG]
//!
//! The requests are written with the generated request types, as a user of
//! the clients writes them.

// The trees' specs differ (7.3's devlink get takes an index too): requests
// name what both have, and leave the rest to `Default`.
#![allow(clippy::needless_update)]

use clients::{devlink, ethtool, fou, mptcp_pm, netdev, nlctrl, tcp_metrics, team};
use serde::Serialize;
use std::process::ExitCode;

type Out = Result<(), ynl::Error>;

fn print(v: &impl Serialize) -> Out {
    let line = serde_json::to_string(v).map_err(|e| ynl::Error::Protocol(e.to_string()))?;
    println!("{line}");
    Ok(())
}

/// A refusal as JSON, or the error as text.
fn report(e: &ynl::Error) -> String {
    match e {
        ynl::Error::Kernel { errno, extack } => serde_json::json!({
            "errno": errno,
            "msg": extack.msg,
            "bad-attr": extack.bad_attr,
            "miss-type": extack.miss_type,
            "miss-nest": extack.miss_nest,
        })
        .to_string(),
        e => format!("error: {e}"),
    }
}

/// Joins `group` on `c`, says "ready" (for the test to make the change),
/// and prints the first notification of the family `next` decodes.
fn first_event(
    mut c: ynl::Client,
    group: &str,
    mut next: impl FnMut(&mut ynl::Client) -> Result<Option<Out>, ynl::Error>,
) -> Out {
    c.join(group)?;
    println!("ready");
    loop {
        if let Some(r) = next(&mut c)? {
            return r;
        }
    }
}

fn arg_u32(arg: Option<&str>) -> Result<u32, ynl::Error> {
    arg.and_then(|a| a.parse().ok())
        .ok_or_else(|| ynl::Error::Protocol("a number argument is needed".into()))
}

fn run(family: &str, request: &str, arg: Option<&str>) -> Out {
    match (family, request) {
        ("nlctrl", "getfamily-dump") => {
            let mut c = nlctrl::connect()?;
            nlctrl::GetfamilyDumpRequest {}.dump(&mut c, |r| print(&r))
        }
        ("nlctrl", "getfamily") => {
            let mut c = nlctrl::connect()?;
            let req = nlctrl::GetfamilyRequest {
                family_name: arg,
                ..Default::default()
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("netdev", "dev-get-dump") => {
            let mut c = netdev::connect()?;
            netdev::DevGetDumpRequest {}.dump(&mut c, |r| print(&r))
        }
        ("netdev", "dev-get") => {
            let mut c = netdev::connect()?;
            let req = netdev::DevGetRequest {
                ifindex: Some(arg_u32(arg)?),
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("netdev", "monitor") => first_event(netdev::connect()?, netdev::GROUP_MGMT, |c| {
            netdev::Event::next(c, |e| print(&e))
        }),
        // (ethtool's spec lists no groups: nlctrl knows the name.)
        ("ethtool", "monitor") => first_event(ethtool::connect()?, "monitor", |c| {
            ethtool::Event::next(c, |e| print(&e))
        }),
        ("ethtool", "linkstate-get") => {
            let mut c = ethtool::connect()?;
            let req = ethtool::LinkstateGetRequest {
                header: Some(ethtool::HeaderNest {
                    dev_name: arg,
                    ..Default::default()
                }),
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("ethtool", "linkstate-get-dump") => {
            let mut c = ethtool::connect()?;
            let req = ethtool::LinkstateGetDumpRequest::default();
            req.dump(&mut c, |r| print(&r))
        }
        ("ethtool", "channels-get") => {
            let mut c = ethtool::connect()?;
            let req = ethtool::ChannelsGetRequest {
                header: Some(ethtool::HeaderNest {
                    dev_name: arg,
                    ..Default::default()
                }),
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("tcp_metrics", "get-dump") => {
            let mut c = tcp_metrics::connect()?;
            tcp_metrics::GetDumpRequest {}.dump(&mut c, |r| print(&r))
        }
        ("tcp_metrics", "get") => {
            // ARG: an IPv4 address as a number (host order; the client
            // puts it big-endian, as the spec says).
            let mut c = tcp_metrics::connect()?;
            let req = tcp_metrics::GetRequest {
                addr_ipv4: Some(arg_u32(arg)?),
                ..Default::default()
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("team", "options-get") => {
            let mut c = team::connect()?;
            let req = team::OptionsGetRequest {
                team_ifindex: Some(arg_u32(arg)?),
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("team", "port-list-get") => {
            let mut c = team::connect()?;
            let req = team::PortListGetRequest {
                team_ifindex: Some(arg_u32(arg)?),
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("fou", "get-dump") => {
            let mut c = fou::connect()?;
            fou::GetDumpRequest::default().dump(&mut c, |r| print(&r))
        }
        ("fou", "get") => {
            let mut c = fou::connect()?;
            let req = fou::GetRequest {
                port: Some(u16::try_from(arg_u32(arg)?).unwrap_or(0)),
                af: Some(2),
                ..Default::default()
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("mptcp_pm", "get-addr-dump") => {
            let mut c = mptcp_pm::connect()?;
            mptcp_pm::GetAddrDumpRequest::default().dump(&mut c, |r| print(&r))
        }
        ("mptcp_pm", "get-addr") => {
            let mut c = mptcp_pm::connect()?;
            let req = mptcp_pm::GetAddrRequest {
                addr: Some(mptcp_pm::AddressNest {
                    id: Some(u8::try_from(arg_u32(arg)?).unwrap_or(0)),
                    ..Default::default()
                }),
                ..Default::default()
            };
            req.call(&mut c, |r| print(&r))?
        }
        ("mptcp_pm", "get-limits") => {
            let mut c = mptcp_pm::connect()?;
            mptcp_pm::GetLimitsRequest::default().call(&mut c, |r| print(&r))?
        }
        ("devlink", "get-dump") => {
            let mut c = devlink::connect()?;
            devlink::GetDumpRequest::default().dump(&mut c, |r| print(&r))
        }
        ("devlink", "port-get-dump") => {
            let mut c = devlink::connect()?;
            devlink::PortGetDumpRequest::default().dump(&mut c, |r| print(&r))
        }
        ("devlink", "get") => {
            let mut c = devlink::connect()?;
            let req = devlink::GetRequest {
                bus_name: Some("netdevsim"),
                dev_name: arg,
                ..Default::default()
            };
            req.call(&mut c, |r| print(&r))?
        }
        _ => Err(ynl::Error::Protocol(format!(
            "no request {request} of family {family} here"
        ))),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(family), Some(request)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: families FAMILY REQUEST [ARG]");
        return ExitCode::from(2);
    };
    match run(family, request, args.get(3).map(String::as_str)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            println!("{}", report(&e));
            ExitCode::from(1)
        }
    }
}
