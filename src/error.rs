//! The library's one error type (see ARCHITECTURE.md "Errors"): a kind, a class that maps to an
//! exit code (CONVENTIONS.md: 1 invalid input, 3 I/O), and the location (byte offset and the
//! field / TLV path) where decoding stopped.

use std::fmt;

/// What the front end should do with an error: exit 1 (bad input) or 3 (I/O).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// The input is malformed or a check failed.
    Invalid,
    /// A file, socket or peer failed.
    Io,
}

/// The kind of failure, for tests and callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer bytes than the field needs.
    Truncated,
    /// A BigSize / truncated integer / length was not minimally encoded.
    NonMinimal,
    /// An unknown even TLV type or message type (BOLT 1 "it's OK to be odd").
    UnknownEven,
    /// TLV records out of ascending order.
    Ordering,
    /// A TLV type appeared twice.
    Duplicate,
    /// A length field disagrees with the value it frames.
    Length,
    /// A value is out of range or not valid for its type (bad point, bad UTF-8, ...).
    InvalidValue,
    /// Bytes were left over where the encoding forbids them.
    Trailing,
    /// Text (hex, bech32, JSON) could not be parsed.
    Syntax,
    /// A signature or other cryptographic check failed.
    Crypto,
    /// A semantic rule of the spec was broken.
    Rule,
    /// A resource bound was exceeded (sizes the input asked us to allocate).
    TooLarge,
    /// Reading or writing failed.
    Io,
}

/// An error with the place it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    offset: Option<usize>,
    /// Outermost first: e.g. `["init", "tlv type 1 (networks)", "chains"]`.
    path: Vec<String>,
}

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Creates an error of `kind` with a lower-case message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), offset: None, path: Vec::new() }
    }

    /// An invalid-value error.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidValue, message)
    }

    /// A text-syntax error.
    pub fn syntax(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Syntax, message)
    }

    /// A broken spec rule.
    pub fn rule(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Rule, message)
    }

    /// An I/O error.
    pub fn io(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Io, message)
    }

    /// Sets the absolute byte offset unless an inner layer already did.
    #[must_use]
    pub fn at(mut self, offset: usize) -> Self {
        self.offset.get_or_insert(offset);
        self
    }

    /// Prefixes the field / record path with an outer element.
    #[must_use]
    pub fn within(mut self, what: impl Into<String>) -> Self {
        self.path.insert(0, what.into());
        self
    }

    /// The kind.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Invalid input or I/O.
    #[must_use]
    pub fn class(&self) -> Class {
        match self.kind {
            ErrorKind::Io => Class::Io,
            _ => Class::Invalid,
        }
    }

    /// Byte offset, when the error came from a byte decoder.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The field path, outermost first.
    #[must_use]
    pub fn path(&self) -> &[String] {
        &self.path
    }

    /// The bare message without location.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path.join(": "))?;
        }
        f.write_str(&self.message)?;
        if let Some(o) = self.offset {
            write!(f, " at offset {o}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::io(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_path_and_offset() {
        let e = Error::new(ErrorKind::Truncated, "need 2 bytes, 1 left")
            .at(7)
            .at(9)
            .within("cltv_delta")
            .within("tlv type 254");
        assert_eq!(e.to_string(), "tlv type 254: cltv_delta: need 2 bytes, 1 left at offset 7");
        assert_eq!(e.class(), Class::Invalid);
    }
}
