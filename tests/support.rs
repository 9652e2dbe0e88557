//! Shared test helpers: where `../shared` lives, reading vector files, running the binaries.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// `../shared` beside the checkout (override with `LNKIT_SHARED`). Missing = failure, never a skip.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("LNKIT_SHARED")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from);
    assert!(
        dir.join("vectors").is_dir(),
        "shared vectors not found at {} (set LNKIT_SHARED); the README's set-up puts them there",
        dir.display()
    );
    dir
}

/// Path of a file under `../shared/vectors`.
pub fn vector_path(rel: &str) -> PathBuf {
    shared_dir().join("vectors").join(rel)
}

/// Reads and parses a JSON vector file under `../shared/vectors`.
pub fn vector_json(rel: &str) -> serde_json::Value {
    let p = vector_path(rel);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Reads a text vector file under `../shared/vectors`.
pub fn vector_text(rel: &str) -> String {
    let p = vector_path(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// What a finished process returned.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Parses stdout as one JSON value.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n```\n{}\n```", self.stdout))
    }

    /// Asserts the exit code, showing both streams on failure.
    #[track_caller]
    pub fn code(&self, want: i32) -> &Self {
        assert_eq!(
            self.code, want,
            "exit code\nstdout:\n```\n{}\n```\nstderr:\n```\n{}\n```",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts stderr is exactly one line starting with `error: `.
    #[track_caller]
    pub fn one_line_error(&self) -> &Self {
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert!(
            lines.len() == 1 && lines[0].starts_with("error: "),
            "want one `error:` line on stderr, got:\n```\n{}\n```",
            self.stderr
        );
        self
    }
}

/// A command line for one of our binaries.
pub struct Cli {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

/// Starts a command line for binary `bin` (e.g. `"ln-gossip"`).
pub fn cli(bin: &str) -> Cli {
    let path = match bin {
        "ln-commit" => env!("CARGO_BIN_EXE_ln-commit"),
        "ln-ptlc" => env!("CARGO_BIN_EXE_ln-ptlc"),
        "ln-offer" => env!("CARGO_BIN_EXE_ln-offer"),
        "ln-gossip" => env!("CARGO_BIN_EXE_ln-gossip"),
        "ln-node" => env!("CARGO_BIN_EXE_ln-node"),
        other => panic!("no binary {other}"),
    };
    let mut cmd = Command::new(path);
    cmd.env_remove("LN_NETWORK").env("NO_COLOR", "1");
    Cli { cmd, stdin: None }
}

impl Cli {
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn arg(mut self, a: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.arg(a);
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.cmd.env(k, v);
        self
    }

    pub fn stdin(mut self, data: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(data.into());
        self
    }

    /// Runs to completion. Without `stdin`, the child gets an empty pipe (not a terminal).
    pub fn run(mut self) -> Output {
        self.cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn binary");
        let data = self.stdin.take().unwrap_or_default();
        let mut sin = child.stdin.take().expect("stdin pipe");
        let writer = std::thread::spawn(move || {
            let _ = sin.write_all(&data);
        });
        let out = child.wait_with_output().expect("wait for binary");
        let _ = writer.join();
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Hex (either case) to bytes; panics on bad hex, which is a broken vector file.
#[track_caller]
pub fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s).unwrap_or_else(|e| panic!("bad hex {s:?}: {e}"))
}

/// Hex to a fixed-size array.
#[track_caller]
pub fn unhex_arr<const N: usize>(s: &str) -> [u8; N] {
    let v = unhex(s);
    v.try_into().unwrap_or_else(|v: Vec<u8>| panic!("want {N} bytes, got {}: {s}", v.len()))
}

/// The rows of a CSV vector file with `cols` columns: header and rows whose first column is
/// empty (the BIP-340 style comment rows) are skipped. The last column (comment) may hold commas.
pub fn csv_rows(rel: &str, cols: usize) -> Vec<Vec<String>> {
    vector_text(rel)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end_matches('\r').splitn(cols, ',').map(str::to_owned).collect::<Vec<_>>())
        .filter(|r| r.first().is_some_and(|i| !i.is_empty()))
        .inspect(|r| assert_eq!(r.len(), cols, "{rel}: row {r:?}"))
        .collect()
}
