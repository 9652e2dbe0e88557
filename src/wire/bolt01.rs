//! BOLT 1 messages: `init` (with `init_tlvs`), `error`, `warning`, `ping`, `pong`.
//!
//! <https://github.com/lightning/bolts/blob/master/01-messaging.md#setup-messages>

use crate::encoding::fields::{f, FieldType as T};
use crate::encoding::tlv::{TlvDef, TlvStreamDef};

use super::address::ADDRESS_ONE;
use super::MessageDef;

/// `init_tlvs`: 1 `networks` (chain_hash list), 3 `remote_addr` (one address descriptor).
pub static INIT_TLVS: TlvStreamDef = TlvStreamDef {
    name: "init_tlvs",
    records: &[
        TlvDef { ty: 1, name: "networks", fields: &[f("chains", T::Array(&T::Hash32))] },
        TlvDef { ty: 3, name: "remote_addr", fields: &[f("", T::Custom(&ADDRESS_ONE))] },
    ],
};

/// BOLT 1 message table.
pub static MESSAGES: &[MessageDef] = &[
    MessageDef {
        ty: 16,
        name: "init",
        fields: &[
            f("globalfeatures", T::Features),
            f("features", T::Features),
            f("init_tlvs", T::Tlvs(&INIT_TLVS)),
        ],
    },
    MessageDef {
        ty: 17,
        name: "error",
        fields: &[f("channel_id", T::Hash32), f("data", T::VarBytes)],
    },
    MessageDef {
        ty: 1,
        name: "warning",
        fields: &[f("channel_id", T::Hash32), f("data", T::VarBytes)],
    },
    MessageDef {
        ty: 18,
        name: "ping",
        fields: &[f("num_pong_bytes", T::U16), f("ignored", T::VarBytes)],
    },
    MessageDef { ty: 19, name: "pong", fields: &[f("ignored", T::VarBytes)] },
];
