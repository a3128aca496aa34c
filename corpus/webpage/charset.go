package webpage

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Where the encoding was found.
const (
	charsetFromBOM     = "byte order mark"
	charsetFromHeader  = "Content-Type header"
	charsetFromMeta    = "meta tag"
	charsetFromSniff   = "sniffed"
	charsetFromDefault = "default"
	charsetOverridden  = "valid UTF-8 despite the declared %s"
)

// metaScanLimit bounds how far into the page a <meta charset> is looked for.
// The standard says 1024 bytes, but real pages put dozens of tags first.
const metaScanLimit = 64 << 10

type decoded struct {
	text   string
	name   string
	source string
}

// decode turns the page into UTF-8: byte order mark, then the Content-Type
// charset, then <meta charset> or http-equiv, then sniffing. A declared
// single-byte charset loses to the bytes when they are valid UTF-8 with
// non-ASCII text in them, since servers and templates often claim
// ISO-8859-1 for UTF-8 pages and the reverse almost never decodes cleanly.
func decode(data []byte, contentType string) (decoded, error) {
	if enc, name, ok := bomEncoding(data); ok {
		return transcode(data, enc, name, charsetFromBOM)
	}
	if name := headerCharset(contentType); name != "" {
		if d, ok, err := declared(data, name, charsetFromHeader); ok || err != nil {
			return d, err
		}
	}
	if name := metaCharset(data); name != "" {
		if d, ok, err := declared(data, name, charsetFromMeta); ok || err != nil {
			return d, err
		}
	}
	return sniff(data)
}

func bomEncoding(data []byte) (encoding.Encoding, string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8", true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", true
	}
	return nil, "", false
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

// declared decodes with a declared charset; ok is false when the name is
// unknown, so the next source is tried.
func declared(data []byte, name, source string) (decoded, bool, error) {
	enc, canonical := charset.Lookup(name)
	if enc == nil {
		return decoded{}, false, nil
	}
	if canonical != "utf-8" && isSingleByte(canonical) && hasHighBytes(data) && utf8.Valid(data) {
		return decoded{text: string(data), name: "utf-8", source: fmt.Sprintf(charsetOverridden, canonical)}, true, nil
	}
	if strings.HasPrefix(canonical, "utf-16") {
		// A page that reached us as bytes we could read a meta tag in
		// is not UTF-16; the declaration is wrong (WHATWG: use UTF-8).
		enc, canonical = encoding.Nop, "utf-8"
	}
	d, err := transcode(data, enc, canonical, source)
	return d, true, err
}

func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859") ||
		strings.HasPrefix(name, "koi8") || name == "macintosh" || name == "ibm866"
}

func hasHighBytes(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// metaCharset finds <meta charset=X> or <meta http-equiv=Content-Type
// content="...; charset=X"> in the head of the page.
func metaCharset(data []byte) string {
	if len(data) > metaScanLimit {
		data = data[:metaScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "meta":
				if cs := metaTagCharset(z, hasAttr); cs != "" {
					return cs
				}
			case "body":
				return ""
			}
		}
	}
}

func metaTagCharset(z *html.Tokenizer, hasAttr bool) string {
	var httpEquiv bool
	var content string
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch strings.ToLower(string(key)) {
		case "charset":
			return strings.TrimSpace(string(val))
		case "http-equiv":
			httpEquiv = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
		case "content":
			content = string(val)
		}
	}
	if !httpEquiv {
		return ""
	}
	return headerCharset(content)
}

// sniff decodes a page that declares nothing: UTF-8 if it is valid UTF-8,
// otherwise the statistical guess of chardet, otherwise windows-1252 (the
// web's default for undeclared legacy pages).
func sniff(data []byte) (decoded, error) {
	if utf8.Valid(data) {
		source := charsetFromSniff
		if !hasHighBytes(data) {
			source = charsetFromDefault
		}
		return decoded{text: string(data), name: "utf-8", source: source}, nil
	}
	if res, err := chardet.NewHtmlDetector().DetectBest(data); err == nil && res.Confidence >= 50 {
		if enc, name := charset.Lookup(res.Charset); enc != nil && name != "utf-8" {
			return transcode(data, enc, name, charsetFromSniff)
		}
	}
	enc, name := charset.Lookup("windows-1252")
	return transcode(data, enc, name, charsetFromSniff)
}

func transcode(data []byte, enc encoding.Encoding, name, source string) (decoded, error) {
	if name == "utf-8" && enc != unicode.UTF8BOM {
		return decoded{text: strings.ToValidUTF8(string(data), "\uFFFD"), name: name, source: source}, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("decode the page as %s (%s): %w", name, source, err)
	}
	return decoded{text: string(out), name: name, source: source}, nil
}
