package feed

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// xmlDeclEncoding finds encoding="..." in an XML declaration.
var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// charRef is a numeric character reference.
var charRef = regexp.MustCompile(`&#([0-9]{1,10}|[xX][0-9a-fA-F]{1,8});`)

// toUTF8 returns the document as UTF-8 with no byte-order mark. The
// encoding is, in order: a byte-order mark; the XML declaration's
// encoding; the charset of the Content-Type header; UTF-8. The document
// wins over the header because a server's default charset is a common lie
// and the declaration is written with the document. Bytes that are valid
// UTF-8 with non-ASCII characters are read as UTF-8 whatever the label
// says (a feed labelled ISO-8859-1 but written in UTF-8 is common; the
// reverse, Latin-1 text that happens to be valid multi-byte UTF-8, is
// not), and bytes that are not valid UTF-8 under no label at all are read
// as windows-1252, the usual charset of such feeds. Invalid bytes left
// become U+FFFD.
func toUTF8(data []byte, headerCharset string) []byte {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return validUTF8(data[len(utf8BOM):])
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return validUTF8(data)
		}
		return out
	}
	label := headerCharset
	head := data[:min(len(data), 512)]
	if m := xmlDeclEncoding.FindSubmatch(head); m != nil {
		label = string(m[1])
	}
	if strings.TrimSpace(label) == "" && !utf8.Valid(data) {
		label = "windows-1252"
	}
	if enc := legacyEncoding(label); enc != nil && !isUTF8Text(data) {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return validUTF8(out)
		}
	}
	return validUTF8(data)
}

// validUTF8 replaces invalid bytes with U+FFFD, copying only when needed.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// legacyEncoding returns the decoder for a label that is not UTF-8, or nil
// for UTF-8, ASCII, UTF-16 (whose declaration was readable as ASCII, so
// the document is not UTF-16) and labels nobody knows.
func legacyEncoding(label string) encoding.Encoding {
	label = strings.ToLower(strings.TrimSpace(label))
	switch label {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be":
		return nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil
	}
	if name, _ := htmlindex.Name(enc); name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return nil
	}
	return enc
}

// isUTF8Text: valid UTF-8 with characters beyond ASCII, which no legacy
// charset label can be trusted over.
func isUTF8Text(b []byte) bool { return utf8.Valid(b) && hasNonASCII(b) }

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// cleanXML removes what encoding/xml refuses even when not strict: the
// control characters XML 1.0 forbids (all C0 but TAB, LF and CR) and the
// non-characters U+FFFE and U+FFFF, as raw characters; as numeric
// character references (&#27;) they become visible text instead, the caret
// notation textnorm uses ("^["), so that a hostile reference shows for
// what it is. Line breaks are kept, so parse errors keep their line
// numbers.
func cleanXML(b []byte) []byte {
	if hasIllegalXML(b) {
		b = bytes.Map(func(r rune) rune {
			if illegalXMLRune(r) {
				return -1
			}
			return r
		}, b)
	}
	if bytes.Contains(b, []byte("&#")) {
		b = charRef.ReplaceAllFunc(b, neutraliseCharRef)
	}
	return b
}

// hasIllegalXML is bytes.IndexFunc(b, illegalXMLRune) >= 0 for valid
// UTF-8, byte by byte: a forbidden C0 byte, or U+FFFE/U+FFFF (EF BF BE/BF).
func hasIllegalXML(b []byte) bool {
	for i, c := range b {
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return true
		case c == 0xEF && i+2 < len(b) && b[i+1] == 0xBF && (b[i+2] == 0xBE || b[i+2] == 0xBF):
			return true
		}
	}
	return false
}

func illegalXMLRune(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}

// neutraliseCharRef rewrites a reference to a character XML forbids; others
// stay as they are, for the XML decoder.
func neutraliseCharRef(ref []byte) []byte {
	digits := string(ref[2 : len(ref)-1])
	base := 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	switch {
	case err != nil || n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF) || n == 0xFFFE || n == 0xFFFF:
		return []byte("\uFFFD")
	case n < 0x20 && n != '\t' && n != '\n' && n != '\r':
		return []byte{'^', byte(n) + 0x40}
	case base == 16 && ref[2] == 'X':
		return []byte("&#x" + digits + ";") // encoding/xml knows only a small x
	}
	return ref
}
