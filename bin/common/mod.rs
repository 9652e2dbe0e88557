//! Shared front end of the five binaries (CONVENTIONS.md): data arguments with `-` / stdin,
//! lenient hex, `--network` with `LN_NETWORK`, `--json`, secrets from `--key-file` or an env
//! var, one locked stdout writer, BrokenPipe → exit 0, error → exit code 0/1/2/3, progress bars
//! on a terminal only, and `--generate man|bash|zsh|fish`.
// Each binary uses a subset of these helpers.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use clap::{Args, CommandFactory, ValueEnum};
use serde_json::Value;

/// The most a data argument read from stdin or a file may hold (bounded allocation).
pub const MAX_INPUT: u64 = 256 * 1024 * 1024;

/// Flags every tool has.
#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Chain for addresses, chain hashes and invoices [env: LN_NETWORK]
    #[arg(long, global = true, value_name = "NAME", value_parser = parse_network)]
    pub network: Option<bitcoin::Network>,

    /// Print JSON (decoders always print JSON; builders print JSON with details)
    #[arg(long, global = true)]
    pub json: bool,

    /// Print a man page or shell completion script and exit
    #[arg(long, value_enum, value_name = "KIND")]
    pub generate: Option<Generate>,

    /// With --generate: write every file (man: one page per subcommand) into DIR
    #[arg(long, value_name = "DIR", requires = "generate")]
    pub generate_dir: Option<PathBuf>,
}

impl Common {
    /// The network from `--network`, else `LN_NETWORK`, else bitcoin.
    pub fn network(&self) -> anyhow::Result<bitcoin::Network> {
        if let Some(n) = self.network {
            return Ok(n);
        }
        match std::env::var("LN_NETWORK") {
            Ok(s) if !s.trim().is_empty() => {
                parse_network(&s).map_err(|e| Usage(format!("LN_NETWORK: {e}")).into())
            }
            _ => Ok(bitcoin::Network::Bitcoin),
        }
    }
}

fn parse_network(s: &str) -> Result<bitcoin::Network, String> {
    lnkit::network::parse(s).map_err(|_| {
        format!("unknown network {s:?} (expected one of: {})", lnkit::network::NAMES.join(", "))
    })
}

/// What `--generate` writes.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generate {
    /// roff man page(s)
    Man,
    /// bash completion
    Bash,
    /// zsh completion
    Zsh,
    /// fish completion
    Fish,
}

/// A usage error found after parsing (exit 2).
#[derive(Debug)]
pub struct Usage(pub String);
impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Usage {}

/// A check failed and its report is already on stdout: exit 1 with no `error:` line.
#[derive(Debug)]
pub struct ChecksFailed;
impl std::fmt::Display for ChecksFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("checks failed")
    }
}
impl std::error::Error for ChecksFailed {}

/// Runs a tool's body and turns its result into the process exit code (CONVENTIONS.md):
/// 0 ok (also a closed stdout pipe), 1 invalid input / failed check, 2 usage, 3 I/O.
pub fn main_with(body: impl FnOnce() -> anyhow::Result<()>) -> ExitCode {
    match body() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let code = exit_code(&e);
            if code != 0 && !e.is::<ChecksFailed>() {
                let msg = format!("{e:#}").replace(['\n', '\r'], " ");
                let _ = writeln!(io::stderr().lock(), "error: {msg}");
            }
            ExitCode::from(code)
        }
    }
}

/// Maps an error chain to an exit code.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    for cause in e.chain() {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            return if io.kind() == io::ErrorKind::BrokenPipe { 0 } else { 3 };
        }
        if cause.is::<Usage>() {
            return 2;
        }
        if let Some(l) = cause.downcast_ref::<lnkit::Error>() {
            return match l.class() {
                lnkit::error::Class::Invalid => 1,
                lnkit::error::Class::Io => 3,
            };
        }
    }
    1
}

/// Handles `--generate` for the tool whose clap definition is `C`. Returns true when it did.
pub fn generate<C: CommandFactory>(common: &Common) -> anyhow::Result<bool> {
    let Some(kind) = common.generate else { return Ok(false) };
    let files = generated_files(C::command(), kind)?;
    if let Some(dir) = &common.generate_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for (name, body) in files {
            let p = dir.join(name);
            std::fs::write(&p, body).with_context(|| format!("writing {}", p.display()))?;
        }
    } else if let Some((_, body)) = files.first() {
        let mut out = Out::new();
        out.bytes(body)?;
        out.flush()?;
    }
    Ok(true)
}

/// The files `--generate KIND` produces, first the main one: `(file name, contents)`.
pub fn generated_files(
    mut cmd: clap::Command,
    kind: Generate,
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let bin = cmd.get_name().to_string();
    cmd.set_bin_name(bin.clone());
    cmd.build();
    let completion = |g: &dyn clap_complete::Generator| -> anyhow::Result<(String, Vec<u8>)> {
        let mut buf = Vec::new();
        g.try_generate(&cmd, &mut buf)?;
        Ok((g.file_name(&bin), buf))
    };
    Ok(match kind {
        Generate::Bash => vec![completion(&clap_complete::Shell::Bash)?],
        Generate::Zsh => vec![completion(&clap_complete::Shell::Zsh)?],
        Generate::Fish => vec![completion(&clap_complete::Shell::Fish)?],
        Generate::Man => {
            let mut out = Vec::new();
            man_pages(&cmd, &bin, &mut out)?;
            out
        }
    })
}

/// One page for `cmd` named `name`, then one per subcommand at every depth (git's
/// `ln-ptlc-musig2-sign.1` convention).
fn man_pages(
    cmd: &clap::Command,
    name: &str,
    out: &mut Vec<(String, Vec<u8>)>,
) -> anyhow::Result<()> {
    let page = cmd.clone().name(name.to_string()).display_name(name.to_string());
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    out.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

/// Reads a data argument: the value itself, `-` for stdin, or stdin when the argument is absent
/// and stdin is not a terminal. `what` names the argument in the usage error.
pub fn read_data(arg: Option<&str>, what: &str) -> anyhow::Result<String> {
    match arg {
        Some("-") => read_stdin(),
        Some(s) => Ok(s.to_string()),
        None if !io::stdin().is_terminal() => read_stdin(),
        None => {
            Err(Usage(format!("missing {what} (give it as an argument, or '-' for stdin)")).into())
        }
    }
}

/// Reads all of stdin (bounded by [`MAX_INPUT`]) as UTF-8 text.
pub fn read_stdin() -> anyhow::Result<String> {
    let mut buf = Vec::new();
    io::stdin().lock().take(MAX_INPUT).read_to_end(&mut buf).context("reading stdin")?;
    String::from_utf8(buf).map_err(|e| {
        anyhow!(lnkit::Error::syntax("stdin is not UTF-8 text").at(e.utf8_error().valid_up_to()))
    })
}

/// Reads all of stdin as bytes (bounded by [`MAX_INPUT`]), for binary data.
pub fn read_stdin_bytes() -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    io::stdin().lock().take(MAX_INPUT).read_to_end(&mut buf).context("reading stdin")?;
    Ok(buf)
}

/// Reads a file (bounded by [`MAX_INPUT`]).
pub fn read_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut buf = Vec::new();
    f.take(MAX_INPUT)
        .read_to_end(&mut buf)
        .with_context(|| format!("reading {}", path.display()))?;
    Ok(buf)
}

/// Parses hex leniently (case, `0x`, white space).
pub fn hex_arg(s: &str) -> anyhow::Result<Vec<u8>> {
    Ok(lnkit::encoding::parse_hex(s)?)
}

/// Reads a secret from `--key-file FILE`, else from the environment variable `env`, else from a
/// command-line value. The secret is trimmed and never echoed.
pub fn read_secret(
    key_file: Option<&Path>,
    env: &str,
    inline: Option<&str>,
) -> anyhow::Result<Option<String>> {
    if let Some(p) = key_file {
        let b = read_file(p)?;
        let s = String::from_utf8(b).map_err(|_| Usage(format!("{}: not text", p.display())))?;
        return Ok(Some(s.trim().to_string()));
    }
    if let Ok(v) = std::env::var(env) {
        if !v.trim().is_empty() {
            return Ok(Some(v.trim().to_string()));
        }
    }
    Ok(inline.map(|s| s.trim().to_string()))
}

/// The one stdout writer: locked, buffered, every write checked (no `println!`).
pub struct Out {
    w: BufWriter<io::StdoutLock<'static>>,
}

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}

impl Out {
    /// Locks stdout.
    pub fn new() -> Self {
        Out { w: BufWriter::new(io::stdout().lock()) }
    }

    /// Writes one line.
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())?;
        self.w.write_all(b"\n")
    }

    /// Writes raw bytes.
    pub fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.w.write_all(b)
    }

    /// Pretty JSON (one object).
    pub fn json(&mut self, v: &Value) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.w, v)?;
        self.w.write_all(b"\n")
    }

    /// One JSON Lines record.
    pub fn json_line(&mut self, v: &Value) -> io::Result<()> {
        serde_json::to_writer(&mut self.w, v)?;
        self.w.write_all(b"\n")
    }

    /// Flushes; call before returning.
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// A progress bar on stderr when stderr is a terminal; hidden otherwise. `len` is in bytes;
/// 0 (unknown, e.g. stdin) shows a spinner with the bytes done.
pub fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    if len == 0 {
        return bar(len, &format!("{what} {{spinner}} {{bytes}} {{elapsed}}"));
    }
    bar(len, &format!("{what} {{bar:40}} {{bytes}}/{{total_bytes}} {{eta}}"))
}

/// [`progress`] for a count of items (messages, samples).
pub fn progress_items(len: u64, what: &str) -> indicatif::ProgressBar {
    if len == 0 {
        return bar(len, &format!("{what} {{spinner}} {{pos}} {{elapsed}}"));
    }
    bar(len, &format!("{what} {{bar:40}} {{pos}}/{{len}} {{eta}}"))
}

fn bar(len: u64, template: &str) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(len);
    if len == 0 {
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
    }
    let mut tmpl = String::new();
    let _ = write!(tmpl, "{template}");
    if let Ok(style) = indicatif::ProgressStyle::with_template(&tmpl) {
        pb.set_style(style);
    }
    pb
}

/// Fails with a usage error.
pub fn usage<T>(msg: impl Into<String>) -> anyhow::Result<T> {
    bail!(Usage(msg.into()))
}
