//! Turning a file's bytes into text: UTF-8 with or without a BOM, LF or CRLF. Anything else is an
//! `encoding` finding that names the likely encoding and how to convert the file.

use crate::diag::Diagnostic;
use crate::i18n::{Locale, t, tf};

/// A file's text with its BOM removed, and how it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub bom: bool,
    pub crlf: bool,
}

impl Decoded {
    /// Puts the BOM and line endings back on text that uses `\n`.
    pub fn restore(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len() + 8);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            let normalized = body.replace("\r\n", "\n");
            out.push_str(&normalized.replace('\n', "\r\n"));
        } else {
            out.push_str(body);
        }
        out
    }
}

pub fn decode(rel: &str, bytes: Vec<u8>, locale: Locale) -> Result<Decoded, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(encoding_error(rel, "UTF-16", locale));
    }
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if bom {
                // One BOM only: a second one is text, and TOML refuses it as a syntax error.
                text.drain(..3);
            }
            let crlf = text.contains("\r\n");
            Ok(Decoded { text, bom, crlf })
        }
        Err(e) => {
            let bytes = e.into_bytes();
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
            let name = if guess == encoding_rs::GBK
                || guess == encoding_rs::GB18030
                || guess == encoding_rs::UTF_8
            {
                "GB18030"
            } else {
                guess.name()
            };
            Err(encoding_error(rel, name, locale))
        }
    }
}

fn encoding_error(rel: &str, encoding: &str, locale: Locale) -> Diagnostic {
    Diagnostic::error(
        crate::diag::Code::Encoding,
        rel,
        tf(locale, "check.encoding", &[("encoding", &encoding)]),
    )
    .help(tf(
        locale,
        "check.encoding.help",
        &[
            ("encoding", &encoding),
            ("file", &rel),
            ("hint", &t(locale, "check.encoding.editor")),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_kept() {
        let d = decode("a.toml", b"\xEF\xBB\xBFa = 1\r\n".to_vec(), Locale::En).unwrap();
        assert!(d.bom && d.crlf);
        assert_eq!(d.text, "a = 1\r\n");
        assert_eq!(d.restore("a = 2\n").as_bytes(), b"\xEF\xBB\xBFa = 2\r\n");
    }

    #[test]
    fn gbk_is_named() {
        let (bytes, _, _) = encoding_rs::GBK.encode("name = \"江滨社区党支部\"\n");
        let err = decode("orgs/x.toml", bytes.into_owned(), Locale::En).unwrap_err();
        assert_eq!(err.code, "encoding");
        assert!(err.message.contains("GB18030"), "{}", err.message);
        let err = decode("x.toml", vec![0xFF, 0xFE, b'a', 0], Locale::En).unwrap_err();
        assert!(err.message.contains("UTF-16"));
    }
}
