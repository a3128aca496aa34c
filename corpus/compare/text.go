package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// abbreviations end with a full stop that does not end a sentence. Keys are
// lower case, without the stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "maj": true,
	"adm": true, "cmdr": true, "rep": true, "sen": true, "gov": true, "pres": true,
	"jr": true, "sr": true, "no": true, "nos": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "vs": true, "etc": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
	"rev": true, "fig": true, "approx": true, "dept": true, "univ": true,
	"a.m": true, "p.m": true, "e.g": true, "i.e": true, "u.s": true, "u.n": true,
	"u.k": true, "d.c": true,
}

// span is a byte range [Start, End) in some text.
type span struct{ start, end int }

// splitSentences cuts a paragraph into sentences and returns their byte
// ranges, trimmed of surrounding spaces. A sentence ends at . ! ? or …
// (with any closing quotes or brackets) followed by a space and an upper-case
// letter, digit or opening quote, unless the stop ends a known abbreviation
// ("Dr.", "U.S.") or a single initial ("J. Smith").
func splitSentences(s string) []span {
	var out []span
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		for end < len(s) {
			c, n := utf8.DecodeRuneInString(s[end:])
			if !isCloser(c) && c != '.' && c != '!' && c != '?' {
				break
			}
			end += n
		}
		j := end
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j == end || j >= len(s) {
			i = end
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpener(next)) {
			i = end
			continue
		}
		if r == '.' && isAbbreviation(s[start:i]) {
			i = end
			continue
		}
		out = appendTrimmed(out, s, start, end)
		start = j
		i = j
	}
	return appendTrimmed(out, s, start, len(s))
}

func appendTrimmed(out []span, s string, start, end int) []span {
	for start < end && (s[start] == ' ' || s[start] == '\n') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\n') {
		end--
	}
	if start < end {
		out = append(out, span{start, end})
	}
	return out
}

// isAbbreviation reports whether text (everything before a full stop) ends
// in an abbreviation or an initial.
func isAbbreviation(text string) bool {
	k := strings.LastIndexAny(text, " \n(\"“‘'")
	w := text[k+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '•', '-', '–', '—':
		return true
	}
	return false
}

// token is one word of a passage with its analysis.
type token struct {
	start, end int    // byte range in the passage text
	key        string // textnorm.Key
	stem       string // textnorm.Stem of key; "" for stop words
	stop       bool
	num        bool
	upper      bool // starts with an upper-case letter
	caps       bool // all letters upper case, two or more ("PMU")
	poss       bool // ends in a possessive ’s, which key and stem leave out
	// cas is the casualty class of the stem, as an index in
	// casualtyClasses (0: none); a byte keeps the token at 64 bytes.
	cas uint8
	// sid is the memo's number of key when stem is set (see stemInfo).
	sid int32
}

// stemMemo caches stems and casualty classes by word key for one worker
// of one call of Compare or Group: Snowball stemming is the costliest
// step, and news repeats its words.
type stemMemo map[string]stemInfo

// stemInfo is what the memo knows of a word key. id numbers the keys the
// memo has stemmed (the shared memo's numbering when there is one, else the
// worker's), so that callers can index arrays by word instead of hashing
// stems again; -1 without a memo. Keys with one stem ("strike",
// "strikes") have different ids.
type stemInfo struct {
	stem     string
	casualty uint8 // index in casualtyClasses
	id       int32
}

// stemShare is the memo the workers of one call share, so that a word two
// workers meet is stemmed once. A worker asks it only on a miss in its own
// stemMemo, so the lock is taken once per distinct word per worker.
type stemShare struct {
	mu   sync.Mutex
	memo stemMemo
}

func newStemShare() *stemShare { return &stemShare{memo: stemMemo{}} }

// stemOf returns key's stem and casualty class, from memo, share, or the
// stemmer (recording it in both); memo and share may be nil.
func stemOf(key string, memo stemMemo, share *stemShare) stemInfo {
	if si, ok := memo[key]; ok {
		return si
	}
	var si stemInfo
	found := false
	if share != nil {
		share.mu.Lock()
		si, found = share.memo[key]
		share.mu.Unlock()
	}
	if !found {
		si.stem = textnorm.Stem(key)
		si.casualty = casualtyIndex(casualtyClass(si.stem))
		si.id = -1
		if share != nil {
			share.mu.Lock()
			if prev, ok := share.memo[key]; ok {
				si = prev // another worker stemmed it meanwhile
			} else {
				si.id = int32(len(share.memo))
				share.memo[key] = si
			}
			share.mu.Unlock()
		}
	}
	if memo != nil {
		if share == nil {
			si.id = int32(len(memo))
		}
		memo[key] = si
	}
	return si
}

// tokenize analyses a passage's words.
func tokenize(text string) []token { return tokenizeMemo(text, nil, nil) }

// tokenizeMemo is tokenize with a worker's memo and the call's shared memo
// (either may be nil).
func tokenizeMemo(text string, memo stemMemo, share *stemShare) []token {
	return tokenizeInto(nil, text, memo, share)
}

// tokenizeInto is tokenizeMemo writing into dst's storage (reused when it
// is large enough), for callers that drop the tokens before the next text.
func tokenizeInto(dst []token, text string, memo stemMemo, share *stemShare) []token {
	ws := textnorm.Words(text)
	out := slices.Grow(dst[:0], len(ws))[:len(ws)]
	for i, w := range ws {
		t := token{start: w.Start, end: w.End, key: w.Key}
		surface := text[w.Start:w.End]
		r, _ := utf8.DecodeRuneInString(surface)
		t.upper = unicode.IsUpper(r)
		t.caps = isCaps(surface)
		if base, ok := cutPossessive(surface); ok {
			t.poss = true
			t.key = textnorm.Key(base)
		}
		switch {
		case textnorm.IsNumber(w.Key):
			t.num = true
		case textnorm.IsStopWord(w.Key) || len(w.Key) < 2:
			t.stop = true
		default:
			si := stemOf(t.key, memo, share)
			t.stem, t.cas, t.sid = si.stem, si.casualty, si.id
		}
		out[i] = t
	}
	return out
}

// cutPossessive removes a possessive ’s / 's from a word ("Iraq’s" →
// "Iraq").
func cutPossessive(w string) (string, bool) {
	for _, suf := range []string{"’s", "'s", "’S", "'S"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}

// isCaps reports whether w is an acronym: at least two letters, all upper
// case ("PMU", "U.S", "F-15" is not: it has one letter).
func isCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
