package essource

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Format is the Article.Format of articles read from a cluster.
const Format = "es"

// idPrefix starts every article id from a cluster.
const idPrefix = "es:"

// idMaxPlain is the longest _id used as it is in an article id.
const idMaxPlain = 24

// idHashHex is how many hex digits of the SHA-256 of index and _id make
// the id of a document whose _id is long or unsafe: 64 bits, so that a
// million articles collide with odds of about 1 in 30 million.
const idHashHex = 16

// articleID is "es:" + the _id when it is short (at most idMaxPlain bytes)
// and made of letters, digits, "-" and "_" only, and not already taken by
// a document of another index; otherwise "es:" + the first 16 hex digits of
// the SHA-256 of "INDEX/_id". Media Cloud's ids (SHA-256 of the URL, 64 hex
// digits) take the second form. Both are stable: the same document of the
// same index gets the same id on every read.
func articleID(index, id string, taken map[string]bool) string {
	if plainID(id) && !taken[idPrefix+id] {
		return idPrefix + id
	}
	sum := sha256.Sum256([]byte(index + "/" + id))
	return idPrefix + hex.EncodeToString(sum[:])[:idHashHex]
}

func plainID(id string) bool {
	if id == "" || len(id) > idMaxPlain {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// mapper turns hits into articles with one mapping.
type mapper struct {
	src   Source
	m     *Mapping
	body  BodyFunc
	taken map[string]bool // article ids given so far
}

// article maps one hit. It returns a nil article and a problem for a hit
// with neither title nor text, and a warning with the article for a date
// it cannot read.
func (mp *mapper) article(h *hit) (*corpus.Article, []corpus.Problem) {
	ref := mp.src.docRef(h.Index, h.ID)
	f := asFields(h.Source)
	m := mp.m
	// Fields are read as the JSON formats read them: decoded only when
	// they read as HTML-escaped (textnorm.DecodeEscaped), then sanitised.
	text := textnorm.Sanitize(textnorm.DecodeEscaped(f.value(m.Text, "\n\n")))
	title := line(f.value(m.Title, ", "))
	if title == "" && strings.TrimSpace(text) == "" {
		return nil, []corpus.Problem{{Path: ref, Err: fmt.Errorf("%w: no title and no text (mapping %s); skipped", corpus.ErrBadRecord, m)}}
	}
	a := &corpus.Article{
		ID:     articleID(h.Index, h.ID, mp.taken),
		Title:  title,
		Dek:    line(f.value(m.Dek, ", ")),
		Outlet: line(f.value(m.Outlet, ", ")),
		Author: line(f.value(m.Author, ", ")),
		URL:    safeURL(f.value(m.URL, " ")),
		Format: Format,
	}
	mp.taken[a.ID] = true
	lines := 1
	if text != "" {
		a.Body, a.Raw = mp.body(ref, text)
		lines = strings.Count(text, "\n") + 1
	}
	a.Source = corpus.Span{File: ref, StartLine: 1, EndLine: lines}
	a.Words = words(a.Body)
	corpus.DeriveTitle(a, a.ID)
	var probs []corpus.Problem
	if d := textnorm.Line(f.value(m.Date, ", ")); d != "" {
		date, err := parseESDate(d)
		if err != nil {
			probs = append(probs, corpus.Problem{Path: ref, Warning: true, Err: fmt.Errorf("%w: %w; loaded without a date", corpus.ErrBadRecord, err)})
		} else {
			a.Date = date
		}
	}
	return a, probs
}

// line sanitises a one-line field, decoded when it reads as HTML-escaped.
func line(s string) string { return textnorm.Line(textnorm.DecodeEscaped(s)) }

// splitBody is the default BodyFunc. It splits sanitised text as the JSON
// formats do: at blank lines into paragraphs (the lines of one joined with
// spaces), or, when the text has no blank line, at every line. Line
// numbers count the lines of the text field from 1. Raw keeps every line,
// as body or blank; there is no chrome cleaning (see BodyFunc).
func splitBody(file, text string) ([]corpus.Paragraph, []corpus.Line) {
	lines := strings.Split(text, "\n")
	raw := make([]corpus.Line, len(lines))
	// blank: a blank line stands between two lines of text (one at the
	// end, as a trailing newline leaves, separates nothing).
	blank, seen, pending := false, false, false
	for i, l := range lines {
		raw[i] = corpus.Line{Number: i + 1, Text: l, Role: corpus.RoleBody}
		if strings.TrimSpace(l) == "" {
			raw[i].Role = corpus.RoleBlank
			pending = seen
			continue
		}
		blank = blank || pending
		seen = true
	}
	var body []corpus.Paragraph
	for i := 0; i < len(lines); {
		if raw[i].Role == corpus.RoleBlank {
			i++
			continue
		}
		j := i
		for blank && j+1 < len(lines) && raw[j+1].Role != corpus.RoleBlank {
			j++
		}
		body = append(body, corpus.Paragraph{
			Text:   textnorm.CollapseSpaces(strings.Join(lines[i:j+1], " ")),
			Source: corpus.Span{File: file, StartLine: i + 1, EndLine: j + 1},
		})
		i = j + 1
	}
	return body, raw
}

// words counts the words of a body as the loader does: runs of characters
// other than space and line break.
func words(body []corpus.Paragraph) int {
	n := 0
	for _, p := range body {
		t := p.Text
		if t != "" && t[0] != ' ' && t[len(t)-1] != ' ' && !strings.Contains(t, "  ") && strings.IndexByte(t, '\n') < 0 {
			n += strings.Count(t, " ") + 1 // single spaces, as splitBody leaves them
			continue
		}
		sep := true
		for i := 0; i < len(t); i++ {
			space := t[i] == ' ' || t[i] == '\n'
			if sep && !space {
				n++
			}
			sep = space
		}
	}
	return n
}

// safeURL neutralises a URL without decoding anything in it: HTML entity
// decoding would turn "&region=" into "®ion=". Control characters (C0, DEL,
// C1), spaces, bidirectional controls and invalid UTF-8 are percent-encoded,
// which a browser reads as the same URL; everything else stays as stored.
func safeURL(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsFunc(s, func(r rune) bool { return urlUnsafe(r, 1) }) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if urlUnsafe(r, size) {
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func urlUnsafe(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return true
	case r <= ' ' || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == '\u2028' || r == '\u2029' || r == '\ufeff':
		return true
	}
	return false
}
