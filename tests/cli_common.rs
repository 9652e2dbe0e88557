//! CLI behaviour every tool shares (CONVENTIONS.md): --help/--version exit 0, unknown flags
//! exit 2 with nothing on stdout, data from '-' / stdin, lenient hex, LN_NETWORK.

use crate::support::cli;

const BINS: [&str; 5] = ["ln-commit", "ln-ptlc", "ln-offer", "ln-gossip", "ln-node"];

#[test]
fn help_and_version_exit_zero() {
    for b in BINS {
        let h = cli(b).arg("--help").run();
        h.code(0);
        assert!(h.stdout.contains("Usage:"), "{b} --help: {}", h.stdout);
        assert!(h.stdout.contains("--generate"), "{b}: --generate is visible");
        let v = cli(b).arg("--version").run();
        v.code(0);
        assert_eq!(v.stdout.trim(), format!("{b} {}", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn unknown_flag_is_usage_error_with_empty_stdout() {
    for b in BINS {
        let o = cli(b).arg("--no-such-flag").run();
        o.code(2);
        assert!(o.stdout.is_empty(), "{b}: stdout {}", o.stdout);
        assert!(o.stderr.contains("--no-such-flag"), "{b}: {}", o.stderr);
    }
}

#[test]
fn bad_network_is_usage_error() {
    let o = cli("ln-gossip").args(["--network", "moon", "decode", "0013"]).run();
    o.code(2);
    assert!(o.stdout.is_empty());
}

#[test]
fn decode_reads_stdin_dash_and_lenient_hex() {
    let msg = "0012 0004 0002 ABCD"; // ping: num_pong_bytes 4, 2 ignored bytes
    for args in [vec!["decode", "-"], vec!["decode"]] {
        let o = cli("ln-gossip").args(&args).stdin(format!("  0x{msg}\n")).run();
        o.code(0);
        let j = o.json();
        assert_eq!(j["name"], "ping");
        assert_eq!(j["num_pong_bytes"], 4);
        assert_eq!(j["ignored"], "abcd");
    }
}

#[test]
fn decode_errors_are_one_line_with_offset() {
    // ping with byteslen 5 but only 1 byte follows.
    let o = cli("ln-gossip").args(["decode", "00120004000501"]).run();
    o.code(1).one_line_error();
    assert!(o.stderr.contains("ignored") && o.stderr.contains("at offset 6"), "{}", o.stderr);
    let o = cli("ln-gossip").args(["decode", "zz"]).run();
    o.code(1).one_line_error();
}

#[test]
fn unknown_messages_follow_the_odd_rule() {
    let o = cli("ln-gossip").args(["decode", "7fff0102"]).run();
    o.code(0);
    assert_eq!(o.json()["payload"], "0102");
    let o = cli("ln-gossip").args(["decode", "7ffe0102"]).run();
    o.code(1).one_line_error();
    assert!(o.stderr.contains("unknown even message type 32766"), "{}", o.stderr);
}

#[test]
fn ln_network_env_is_validated() {
    let o = cli("ln-gossip").env("LN_NETWORK", "nowhere").args(["decode", "0013"]).run();
    // pong with no length: the decode fails or the env does; either way not a panic
    assert!(o.code == 1 || o.code == 2, "{o:?}");
    assert!(!o.stderr.contains("panicked"));
}

#[test]
fn broken_pipe_exits_zero() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // A large man page into a pipe that is closed at once.
    let mut child = Command::new(env!("CARGO_BIN_EXE_ln-gossip"))
        .args(["--generate", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.code() == Some(0), "{status:?} {err}");
}
