//! Layering checks on src/: no clap, indicatif, std::process or printing in the library; every
//! module opens with a `//!` doc naming its spec section.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn library_has_no_cli_process_or_printing() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() >= 5);
    let banned = [
        "clap",
        "indicatif",
        "anyhow",
        "std::process",
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "dbg!(",
        "process::exit",
    ];
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for b in banned {
                if code.contains(b) {
                    bad.push(format!("{}:{}: {b}", f.display(), i + 1));
                }
            }
        }
        if !text.starts_with("//!") {
            bad.push(format!("{}: must open with a //! doc naming its spec section", f.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn binaries_write_through_the_locked_writer() {
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bin");
    let mut files = Vec::new();
    rust_files(&bin, &mut files);
    assert!(files.len() >= 6);
    let banned = ["println!", "print!(", "eprintln!", "eprint!(", "dbg!(", ".unwrap()"];
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for b in banned {
                if code.contains(b) {
                    bad.push(format!("{}:{}: {b}", f.display(), i + 1));
                }
            }
        }
    }
    assert!(bad.is_empty(), "use common::Out / `?`:\n{}", bad.join("\n"));
}
