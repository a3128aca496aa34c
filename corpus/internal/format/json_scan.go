package format

import (
	"encoding/json"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// decodeJSONRecord decodes one JSON object into r. It tries a one-pass
// decoder made for flat article records first: encoding/json validates a
// line, then decodes it, and flex then decodes each escaped string again,
// so a 4 KB body is scanned four times. Whenever the fast decoder is not
// sure (invalid JSON, a key that only matches case-insensitively, deep
// nesting) it gives up and encoding/json decides, with its error messages.
// FuzzDecodeJSONRecord checks that both agree.
func decodeJSONRecord(b []byte, r *jsonRecord) error {
	return decodeJSONRecordWith(b, r, nil)
}

// decodeJSONRecordWith is decodeJSONRecord, unescaping strings in *buf
// (when not nil), which it keeps for the next record.
func decodeJSONRecordWith(b []byte, r *jsonRecord, buf *[]byte) error {
	if fastDecodeRecordWith(b, r, buf) {
		return nil
	}
	*r = jsonRecord{}
	return json.Unmarshal(b, r)
}

// fastDecodeRecord decodes b into r and reports whether it could; b must be
// exactly one JSON object, white space around it allowed.
func fastDecodeRecord(b []byte, r *jsonRecord) bool {
	return fastDecodeRecordWith(b, r, nil)
}

// fastDecodeRecordWith is fastDecodeRecord with scratch space in *buf
// (when not nil) for unescaping, kept for the next call.
func fastDecodeRecordWith(b []byte, r *jsonRecord, buf *[]byte) bool {
	p := jsonScanner{b: b}
	if buf != nil {
		p.buf = *buf
		defer func() { *buf = p.buf }()
	}
	p.space()
	if !p.byte('{') {
		return false
	}
	p.space()
	if p.byte('}') {
		p.space()
		return p.i == len(b)
	}
	for {
		p.space()
		key, ok := p.str()
		if !ok {
			return false
		}
		p.space()
		if !p.byte(':') {
			return false
		}
		p.space()
		dst, body := r.field(key)
		switch {
		case dst == nil && body == nil:
			if foldsToField(key) {
				return false // encoding/json would match it case-insensitively
			}
			if !p.skip(0) {
				return false
			}
		case p.i < len(b) && b[p.i] == '"':
			s, ok := p.str()
			if !ok {
				return false
			}
			if dst != nil {
				*dst = flex(s)
			} else {
				*body = flexBody(s)
			}
		default:
			start := p.i
			if !p.skip(0) {
				return false
			}
			var err error
			if dst != nil {
				err = dst.UnmarshalJSON(b[start:p.i])
			} else {
				err = body.UnmarshalJSON(b[start:p.i])
			}
			if err != nil {
				return false
			}
		}
		p.space()
		if p.byte(',') {
			continue
		}
		if !p.byte('}') {
			return false
		}
		p.space()
		return p.i == len(b)
	}
}

// field returns where the value of key goes (body for "body"), or nils for
// a field pmureader does not read. The names are jsonRecord's tags.
func (r *jsonRecord) field(key string) (*flex, *flexBody) {
	switch key {
	case "id":
		return &r.ID, nil
	case "title":
		return &r.Title, nil
	case "text":
		return &r.Text, nil
	case "maintext":
		return &r.Maintext, nil
	case "plaintext":
		return &r.Plaintext, nil
	case "body":
		return nil, &r.Body
	case "content":
		return &r.Content, nil
	case "raw_text":
		return &r.RawText, nil
	case "dek":
		return &r.Dek, nil
	case "description":
		return &r.Description, nil
	case "excerpt":
		return &r.Excerpt, nil
	case "outlet":
		return &r.Outlet, nil
	case "sitename":
		return &r.Sitename, nil
	case "source-hostname":
		return &r.SourceHost, nil
	case "publisher":
		return &r.Publisher, nil
	case "media_name":
		return &r.MediaName, nil
	case "source_domain":
		return &r.SourceDomain, nil
	case "hostname":
		return &r.Hostname, nil
	case "url":
		return &r.URL, nil
	case "source":
		return &r.Source, nil
	case "author":
		return &r.Author, nil
	case "authors":
		return &r.Authors, nil
	case "date":
		return &r.Date, nil
	case "date_publish":
		return &r.DatePublish, nil
	case "publishing_date":
		return &r.PublishingDate, nil
	case "publish_date":
		return &r.PublishDate, nil
	case "date_precision":
		return &r.DatePrecision, nil
	case "date_note":
		return &r.DateNote, nil
	case "via":
		return &r.Via, nil
	case "outlet_profile":
		return &r.OutletProfile, nil
	case "event":
		return &r.Event, nil
	case "story":
		return &r.Story, nil
	}
	return nil, nil
}

// foldsToField reports whether encoding/json might match key to a field
// case-insensitively: it does when the key equals a field name in ASCII
// lower case, and Unicode folding (K for the Kelvin sign, ſ for s) can
// make non-ASCII keys match too, so those count as well.
func foldsToField(key string) bool {
	lower := make([]byte, len(key))
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	var r jsonRecord
	dst, body := r.field(string(lower))
	return dst != nil || body != nil
}

// jsonScanner reads JSON from b at i, validating as it goes. buf is
// scratch space for unescaping strings.
type jsonScanner struct {
	b   []byte
	i   int
	buf []byte
}

func (p *jsonScanner) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c if it comes next.
func (p *jsonScanner) byte(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a string and returns it unescaped, as encoding/json would
// (an invalid surrogate becomes U+FFFD), except that invalid UTF-8 is left
// for Sanitize to replace. It validates and unescapes in one pass, into
// the scanner's buffer.
func (p *jsonScanner) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	b := p.b
	// Fast path: no escapes.
	j := nextSpecial(b, start)
	if j >= len(b) || b[j] < 0x20 {
		return "", false
	}
	if b[j] == '"' {
		p.i = j + 1
		return string(b[start:j]), true
	}
	out := p.buf[:0]
	out = append(out, b[start:j]...)
	for i := j; ; {
		// b[i] is a backslash.
		if i+1 >= len(b) {
			return "", false
		}
		switch e := b[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
			i += 2
		case 'b':
			out = append(out, '\b')
			i += 2
		case 'f':
			out = append(out, '\f')
			i += 2
		case 'n':
			out = append(out, '\n')
			i += 2
		case 'r':
			out = append(out, '\r')
			i += 2
		case 't':
			out = append(out, '\t')
			i += 2
		case 'u':
			if !isHex4(b[i+2:]) {
				return "", false
			}
			r := hex4(b[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(b) && b[i] == '\\' && b[i+1] == 'u' && isHex4(b[i+2:]) {
					if dec := utf16.DecodeRune(r, hex4(b[i+2:])); dec != utf8.RuneError {
						out = utf8.AppendRune(out, dec)
						i += 6
						break
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", false
		}
		// Copy the run up to the next quote or backslash.
		j := nextSpecial(b, i)
		if j >= len(b) || b[j] < 0x20 {
			return "", false
		}
		out = append(out, b[i:j]...)
		if b[j] == '"' {
			p.i = j + 1
			p.buf = out
			return string(out), true
		}
		i = j
	}
}

// hex4 decodes four hex digits already validated by skipStringBody.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c = c - 'a' + 10
		default:
			c = c - 'A' + 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// isHex4 reports whether b starts with four hex digits.
func isHex4(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	for _, c := range b[:4] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
}

// maxJSONDepth bounds nesting; deeper values go to encoding/json.
const maxJSONDepth = 1000

// skip reads over one value, validating it.
func (p *jsonScanner) skip(depth int) bool {
	if depth > maxJSONDepth || p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '"':
		return p.skipString()
	case c == '{':
		p.i++
		p.space()
		if p.byte('}') {
			return true
		}
		for {
			p.space()
			if !p.skipString() {
				return false
			}
			p.space()
			if !p.byte(':') {
				return false
			}
			p.space()
			if !p.skip(depth + 1) {
				return false
			}
			p.space()
			if p.byte('}') {
				return true
			}
			if !p.byte(',') {
				return false
			}
		}
	case c == '[':
		p.i++
		p.space()
		if p.byte(']') {
			return true
		}
		for {
			p.space()
			if !p.skip(depth + 1) {
				return false
			}
			p.space()
			if p.byte(']') {
				return true
			}
			if !p.byte(',') {
				return false
			}
		}
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || ('0' <= c && c <= '9'):
		return p.number()
	}
	return false
}

// skipString validates a string without building it.
func (p *jsonScanner) skipString() bool {
	return p.byte('"') && p.skipStringBody()
}

// skipStringBody validates the rest of a string after its opening quote
// and moves past the closing one.
func (p *jsonScanner) skipStringBody() bool {
	b := p.b
	for {
		i := nextSpecial(b, p.i)
		switch {
		case i >= len(b) || b[i] < 0x20:
			p.i = i
			return false
		case b[i] == '"':
			p.i = i + 1
			return true
		}
		// A backslash.
		if i+1 >= len(b) {
			p.i = i
			return false
		}
		switch b[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			p.i = i + 2
		case 'u':
			if !isHex4(b[i+2:]) {
				p.i = i
				return false
			}
			p.i = i + 6
		default:
			p.i = i
			return false
		}
	}
}

// nextSpecial returns the index of the first byte at or after i that ends
// a run of plain string content: a quote, a backslash or a control
// character (below 0x20); len(b) when there is none. It looks at eight
// bytes at a time, as string content is most of a JSON article.
func nextSpecial(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		x := swar.LoadBytes(b[i:])
		m := swar.Equal(x, '"') | swar.Equal(x, '\\') | swar.Zero(x&swar.Repeat(0xe0))
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return len(b)
}

func (p *jsonScanner) literal(lit string) bool {
	if p.i+len(lit) > len(p.b) || string(p.b[p.i:p.i+len(lit)]) != lit {
		return false
	}
	p.i += len(lit)
	return true
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonScanner) number() bool {
	b := p.b
	p.byte('-')
	digits := func() int {
		n := 0
		for p.i < len(b) && '0' <= b[p.i] && b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	switch {
	case p.byte('0'):
	case digits() == 0:
		return false
	}
	if p.byte('.') && digits() == 0 {
		return false
	}
	if p.byte('e') || p.byte('E') {
		if !p.byte('+') {
			p.byte('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}
