package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isLink matches a line that is only a web address or an e-mail address.
func isLink(l string) bool {
	if strings.ContainsRune(l, ' ') {
		return false
	}
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") ||
		strings.Count(l, "@") == 1 && strings.Contains(l[strings.IndexByte(l, '@'):], ".")
}

// isCommentCount matches "12 comments", "1 comment", "0 replies".
func isCommentCount(key string) bool {
	num, rest, ok := strings.Cut(key, " ")
	if !ok || num == "" {
		return false
	}
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return false
		}
	}
	switch rest {
	case "comment", "comments", "reply", "replies", "responses", "response", "thoughts on this":
		return true
	}
	return false
}

// bylineName recognises "Author: Jane Doe", "By Jane Doe" and the like, and
// returns the name. After "by" the rest must look like a name (capitalised
// words, name connectors, initials), so that "By the time…" stays prose.
func bylineName(text, lower string) (string, bool) {
	if strings.HasPrefix(lower, "(") && strings.HasSuffix(lower, ")") {
		// "(Reporting by Jane Doe; Editing by John Smith)"
		text, lower = text[1:len(text)-1], lower[1:len(lower)-1]
	}
	for _, p := range bylinePrefixes {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		off, ok := foldedOffset(text, len(p))
		if !ok {
			return "", false
		}
		name := cleanName(text[off:])
		if name == "" {
			return "", false
		}
		strict := p == "by " || p == "author "
		if !looksLikeName(name, strict) {
			return "", false
		}
		return name, true
	}
	return "", false
}

// viaName recognises "Via American Herald Tribune", "Originally published
// by X." and returns the outlet.
func viaName(text, lower string) (string, bool) {
	for _, p := range viaPrefixes {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		off, ok := foldedOffset(text, len(p))
		if !ok {
			return "", false
		}
		name := cleanName(text[off:])
		if name == "" || countWords(name) > 8 {
			return "", false
		}
		r, _ := utf8.DecodeRuneInString(name)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.HasPrefix(strings.ToLower(name), "http") && !strings.HasPrefix(strings.ToLower(name), "www.") {
			return "", false
		}
		if (p == "via " || p == "source:") && strings.ContainsAny(name, ",;") {
			return "", false // "Via satellite, …": a sentence, not a credit
		}
		return name, true
	}
	return "", false
}

// cleanName trims what surrounds a name in a byline: separators, a trailing
// date or outlet after " | ", and final punctuation.
func cleanName(s string) string {
	s = strings.TrimLeft(s, " :-–—")
	for _, sep := range []string{" | ", " • ", " · ", " — ", " – ", " - ", ";"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimRight(s, " ,;:|-–—")
	if strings.HasSuffix(s, ".") {
		// keep the point of an initial or "Jr."
		if i := strings.LastIndexByte(s, ' '); i < 0 || len(s)-i > 4 {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return strings.TrimSpace(s)
}

// looksLikeName reports whether s could be one or a few people's names:
// at most ten words, starting with a capital, and (when strict) every word
// capitalised, an initial, or a connector ("and", "al", "van").
func looksLikeName(s string, strict bool) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		n++
		if n > 10 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(strings.TrimRight(w, ",;"))
		switch {
		case unicode.IsUpper(r):
		case nameConnectors[lw]:
			if n == 1 {
				return false
			}
		case !strict && n > 1:
		default:
			return false
		}
		if strict && strings.HasSuffix(w, ".") && len(w) > 4 {
			return false // a sentence ends here: "By Monday. …"
		}
	}
	return n > 0
}

func isCaption(l string) bool {
	for _, p := range captionPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	// Every credit has a bracket, a slash, "getty" or "credit" in it: most
	// lines are ruled out without scanning for each credit.
	if strings.IndexByte(l, '(') < 0 && strings.IndexByte(l, ')') < 0 && strings.IndexByte(l, '/') < 0 &&
		!strings.Contains(l, "getty") && !strings.Contains(l, "credit") {
		return false
	}
	for _, s := range captionCredits {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// captionShaped reports whether a line under the headline reads like a
// photo caption rather than a dek: a noun phrase with a present participle
// and no final full stop ("PMU unit shelling dens of Daesh …", "Protesters
// marching in Baghdad"), as captions describe a picture.
func captionShaped(b *block) bool {
	if b.final == '.' || b.final == '!' || b.final == '?' {
		return false
	}
	n := 0
	for _, w := range strings.Fields(b.lower) {
		n++
		if n > 5 {
			break
		}
		if n == 1 {
			continue
		}
		w = strings.Trim(w, ",;:'\"()")
		if len(w) > 4 && strings.HasSuffix(w, "ing") {
			switch w {
			case "during", "according", "including", "following", "regarding", "concerning",
				"bring", "thing", "nothing", "something", "everything", "king", "spring", "evening", "morning":
				continue
			}
			return true
		}
	}
	return false
}

// isDatingAd matches the short dating advertisements some sites append:
// "Meet … Singles", "Meet your … Love Today!", "Online dating …".
func isDatingAd(b *block) bool {
	if b.words > 10 {
		return false
	}
	l := b.lower
	singles := strings.Contains(l, "singles")
	switch {
	case strings.HasPrefix(l, "meet ") && (singles || strings.Contains(l, "love") ||
		strings.Contains(l, "women") || strings.Contains(l, "girls") || strings.Contains(l, "soulmate")):
		return true
	case strings.Contains(l, "your ") && (strings.Contains(l, " love") || strings.Contains(l, "soulmate") ||
		strings.Contains(l, " match")) && (b.final == '!' || strings.Contains(l, "today") || strings.Contains(l, "find ")):
		return true
	case strings.Contains(l, "online dating") || strings.Contains(l, "dating site") || strings.Contains(l, "dating app"):
		return !b.prose
	}
	return false
}

// weakChrome names chrome that is recognised only after the end of the
// body, because inside it the same words make a plausible subhead: a bare
// "… Singles" (dating ad; "Women's Singles" in a tennis report) or a bare
// "… Award" badge ("The Nobel Prize").
func weakChrome(b *block) reason {
	if b.prose || b.words > 6 {
		return ""
	}
	l := b.lower
	switch {
	case l == "singles" || strings.HasSuffix(l, " singles"):
		return whyDating
	case (strings.HasSuffix(l, " award") || strings.HasSuffix(l, " awards") || strings.HasSuffix(l, " prize")) && titleCaseShare(b.text) >= 0.6:
		return whyAward
	}
	return ""
}

// isAwardBadge matches badges such as "Recipient Of The … Award": a short
// line without a full stop that opens with "Recipient of", "Winner of" or
// "Award-winning".
func isAwardBadge(b *block) bool {
	if b.words > 12 || b.final == '.' {
		return false
	}
	l := b.lower
	return strings.HasPrefix(l, "recipient of") || strings.HasPrefix(l, "winner of") ||
		strings.HasPrefix(l, "award-winning") || strings.HasPrefix(l, "award winning")
}

// isTagLine matches a comma-separated list of short keywords without
// sentence punctuation: "Syria, Iran, iraqi militias, kataib hezbollah,
// worldnews". It needs four items, none joined by "and", so that headlines
// such as "Fred LaRue, Watergate figure, dies at 75" or "Blood, Sweat and
// Tears" are not tag lines.
func isTagLine(b *block) bool {
	if b.prose || b.final == ',' || strings.Count(b.text, ",") < 2 {
		return false
	}
	items := strings.Split(b.text, ",")
	if len(items) < 4 {
		return false
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			return false
		}
		n := countWords(it)
		if n > 4 || strings.ContainsAny(it, ":.;!?\"“”") {
			return false
		}
		li := strings.ToLower(it)
		if li == "and" || strings.HasPrefix(li, "and ") || strings.Contains(li, " and ") || strings.HasPrefix(li, "or ") {
			return false
		}
	}
	return true
}

// isDateLine reports whether a short line is only a date: month or
// weekday names, numbers, times and words such as "Posted", "Updated".
// stamp says it is a publication stamp (with "Posted", "Updated" or a time
// of day), which is chrome even inside the body, where a bare date is a
// timeline subhead.
func isDateLine(l string, words int) (date, stamp bool) {
	if words > 12 {
		return false, false
	}
	month, stamp := false, false
	n, nums := 0, 0
	for _, w := range strings.FieldsFunc(l, func(r rune) bool {
		return r == ' ' || r == ',' || r == '/' || r == '-' || r == '|' || r == '(' || r == ')' || r == ':' || r == '@'
	}) {
		w = strings.TrimRight(w, ".")
		if w == "" {
			continue
		}
		n++
		if monthNames[w] {
			month = true
			continue
		}
		if isDigitsWithSuffix(w) {
			nums++
			continue
		}
		if dateWords[w] {
			switch w {
			case "posted", "published", "updated", "edited":
				stamp = true
			}
			continue
		}
		return false, false
	}
	// "Updated 7 / 28 / 2004 3:02 PM": a numeric date needs its slashes.
	// "Last updated at 22:46 GMT", "8:24am": a time of day.
	clock := nums >= 2 && strings.Contains(l, ":") && (stamp || strings.Contains(l, "am") || strings.Contains(l, "pm"))
	date = n > 0 && (month || nums >= 3 && strings.Count(l, "/") >= 2 || clock)
	return date, date && (stamp || clock)
}

// isDigitsWithSuffix matches "2007", "14th", "41pm", "12.30".
func isDigitsWithSuffix(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '.') {
		i++
	}
	if i == 0 {
		return false
	}
	switch w[i:] {
	case "", "st", "nd", "rd", "th", "am", "pm", "h":
		return true
	}
	return false
}

// isBio reports whether a paragraph is an author bio: it opens with a
// capitalised name of two to four words followed by "is", and its first
// sentence names a writing job ("Jason Ditz is Senior Editor for …").
func isBio(text string) bool {
	ws := strings.SplitN(text, " ", 7)
	is := -1
	for i, w := range ws {
		if i >= 5 {
			break
		}
		if w == "is" || w == "was" {
			is = i
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameConnectors[w] {
			return false
		}
	}
	if is < 2 {
		return false
	}
	first := text
	if i := strings.Index(text, ". "); i > 0 {
		first = text[:i]
	}
	if len(first) > 300 {
		first = first[:300]
	}
	first = strings.ToLower(first)
	for _, j := range bioJobs {
		if strings.Contains(first, j) {
			return true
		}
	}
	return false
}

// isCategoryLine matches what a category or breadcrumb line leaves behind
// when its links are stripped: only function words and punctuation ("in ,"),
// or short items joined by "›", "»" or " > ".
func isCategoryLine(b *block) bool {
	if b.prose || b.words > 12 {
		return false
	}
	if strings.Count(b.text, "›")+strings.Count(b.text, "»")+strings.Count(b.text, " > ")+strings.Count(b.text, " / ") >= 2 {
		return true
	}
	for _, w := range strings.FieldsFunc(b.lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !functionWords[w] {
			return false
		}
	}
	return true
}

// titleCaseShare is the share of words that start with a capital letter or
// a digit.
func titleCaseShare(s string) float64 {
	n, up := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "‘“\"'("))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			up++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(up) / float64(n)
}

// countWords counts space-separated words.
func countWords(s string) int {
	if strings.IndexByte(s, '\n') < 0 && !strings.Contains(s, "  ") {
		t := strings.Trim(s, " ")
		if t == "" {
			return 0
		}
		return strings.Count(t, " ") + 1
	}
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\n' {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}

// finalRune returns the last rune of s that is not a closing quote or
// bracket, so that `left”.` and `evidence.”` both end in '.'.
func finalRune(s string) rune {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '”', '’', '"', '\'', ')', ']', '»', '*', '_', ' ':
			s = s[:len(s)-size]
			continue
		}
		return r
	}
	return 0
}

// foldedOffset returns the offset in text where the first n bytes of its
// folded form end: a prefix found in the folded line is cut from the
// original there. ok is false when those bytes end inside the fold of one
// character. Characters that fold to nothing (combining marks) right after
// the prefix belong to it.
func foldedOffset(text string, n int) (int, bool) {
	i := 0
	for i < n && i < len(text) && text[i] < utf8.RuneSelf {
		i++ // ASCII folds byte for byte
	}
	folded := i
	var buf [4 * utf8.UTFMax]byte
	for i < len(text) && folded < n {
		f, size := textnorm.AppendFoldRune(buf[:0], text, i)
		folded += len(f)
		i += size
	}
	if folded != n {
		return 0, false
	}
	for i < len(text) {
		f, size := textnorm.AppendFoldRune(buf[:0], text, i)
		if len(f) > 0 {
			break
		}
		i += size
	}
	return i, true
}
