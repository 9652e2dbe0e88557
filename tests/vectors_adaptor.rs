//! Adaptor-signature vectors (filled in below).
