// Package evalpages reads the HTML evaluation pages of corpus/webpage
// (testdata/pages: NAME.html with its gold in NAME.gold) and scores an
// extraction against the gold: token precision, recall and F1 of the body
// (a bag of lower-cased words), the same over four-word shingles (the
// article-extraction benchmark's measure), and whether title, date, outlet
// and author were found. It is shared by the package's own evaluation test
// and by the comparison of extractors; it must not import corpus/webpage.
package evalpages

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Gold is what a person cut from one page.
type Gold struct {
	Title, Date, Outlet, Author string
	URL, ContentType            string
	Paragraphs                  []string
}

// Case is one evaluation page.
type Case struct {
	Name string
	HTML []byte
	Gold Gold
}

// Load reads every NAME.html in dir with its NAME.gold.
func Load(dir string) ([]Case, error) {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(pages)
	cases := make([]Case, 0, len(pages))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read page: %w", err)
		}
		goldPath := strings.TrimSuffix(p, ".html") + ".gold"
		g, err := readGold(goldPath)
		if err != nil {
			return nil, err
		}
		cases = append(cases, Case{Name: filepath.Base(p), HTML: data, Gold: g})
	}
	return cases, nil
}

// readGold reads "key: value" lines up to "---", then paragraphs separated
// by blank lines; "## " marks a subhead (its words count like any other).
func readGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, fmt.Errorf("read gold: %w", err)
	}
	var g Gold
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	inBody := false
	var para []string
	flush := func() {
		if len(para) > 0 {
			g.Paragraphs = append(g.Paragraphs, strings.TrimPrefix(strings.Join(para, " "), "## "))
			para = nil
		}
	}
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		switch {
		case !inBody && t == "---":
			inBody = true
		case !inBody && (strings.HasPrefix(t, "#") || strings.TrimSpace(t) == ""):
		case !inBody:
			k, v, ok := strings.Cut(t, ":")
			if !ok {
				return Gold{}, fmt.Errorf("%s:%d: want key: value", path, line)
			}
			g.set(strings.TrimSpace(k), strings.TrimSpace(v))
		case strings.TrimSpace(t) == "":
			flush()
		default:
			para = append(para, strings.TrimSpace(t))
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return Gold{}, fmt.Errorf("read gold %s: %w", path, err)
	}
	if len(g.Paragraphs) == 0 {
		return Gold{}, fmt.Errorf("%s: no body after ---", path)
	}
	return g, nil
}

func (g *Gold) set(k, v string) {
	switch k {
	case "title":
		g.Title = v
	case "date":
		g.Date = v
	case "outlet":
		g.Outlet = v
	case "author":
		g.Author = v
	case "url":
		g.URL = v
	case "content-type":
		g.ContentType = v
	}
}

// Body is the gold text, one paragraph a line.
func (g Gold) Body() string { return strings.Join(g.Paragraphs, "\n") }

// Tokens are the lower-cased runs of letters and digits of s.
func Tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F float64 }

// BagPRF compares the bags of word tokens of the gold and the extraction.
func BagPRF(gold, got string) PRF {
	return compare(count(Tokens(gold), 1), count(Tokens(got), 1))
}

// ShinglePRF compares the bags of n-word shingles, as the article-extraction
// benchmark does (n = 4).
func ShinglePRF(gold, got string, n int) PRF {
	return compare(count(Tokens(gold), n), count(Tokens(got), n))
}

func count(toks []string, n int) map[string]int {
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < n {
		m[strings.Join(toks, " ")]++
		return m
	}
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

func compare(gold, got map[string]int) PRF {
	tp, nGold, nGot := 0, 0, 0
	for k, c := range gold {
		nGold += c
		tp += min(c, got[k])
	}
	for _, c := range got {
		nGot += c
	}
	var r PRF
	if nGot > 0 {
		r.P = float64(tp) / float64(nGot)
	}
	if nGold > 0 {
		r.R = float64(tp) / float64(nGold)
	}
	if r.P+r.R > 0 {
		r.F = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

// Meta is what an extractor found besides the body.
type Meta struct {
	Title, Outlet, Author string
	Date                  time.Time
}

// MetaScore says which gold fields were found.
type MetaScore struct{ Title, Date, Outlet, Author bool }

// ScoreMeta compares found metadata with the gold: title and author by their
// letters and digits, the date by day, the outlet also when one name holds
// the other (a host name "riversidegazette.co.uk" for "The Riverside
// Gazette" counts).
func ScoreMeta(g Gold, m Meta) MetaScore {
	return MetaScore{
		Title:  key(g.Title) == key(m.Title),
		Date:   !m.Date.IsZero() && m.Date.Format("2006-01-02") == g.Date,
		Outlet: outletMatch(g.Outlet, m.Outlet),
		Author: key(g.Author) == key(m.Author),
	}
}

func outletMatch(gold, got string) bool {
	a := key(strings.TrimPrefix(strings.ToLower(gold), "the "))
	b := key(strings.TrimPrefix(strings.ToLower(got), "the "))
	return a != "" && b != "" && (a == b || strings.Contains(b, a) || strings.Contains(a, b) && len(b) > 4)
}

func key(s string) string {
	return strings.Join(Tokens(s), "")
}

// Totals averages scores over pages.
type Totals struct {
	N                           int
	Bag, Shingle                PRF
	Title, Date, Outlet, Author int
	Elapsed                     time.Duration
}

// Add records one page.
func (t *Totals) Add(bag, sh PRF, m MetaScore, took time.Duration) {
	t.N++
	t.Bag = PRF{t.Bag.P + bag.P, t.Bag.R + bag.R, t.Bag.F + bag.F}
	t.Shingle = PRF{t.Shingle.P + sh.P, t.Shingle.R + sh.R, t.Shingle.F + sh.F}
	t.Title += b2i(m.Title)
	t.Date += b2i(m.Date)
	t.Outlet += b2i(m.Outlet)
	t.Author += b2i(m.Author)
	t.Elapsed += took
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Mean returns the averaged token and shingle scores.
func (t Totals) Mean() (bag, shingle PRF) {
	if t.N == 0 {
		return PRF{}, PRF{}
	}
	n := float64(t.N)
	return PRF{t.Bag.P / n, t.Bag.R / n, t.Bag.F / n}, PRF{t.Shingle.P / n, t.Shingle.R / n, t.Shingle.F / n}
}

// MetaAccuracy is the share of title, date and outlet fields found (author is
// reported apart: many pages name none in a machine-readable way).
func (t Totals) MetaAccuracy() float64 {
	if t.N == 0 {
		return 0
	}
	return float64(t.Title+t.Date+t.Outlet) / float64(3*t.N)
}

// Row formats one line of the results table.
func (t Totals) Row(name string) string {
	bag, sh := t.Mean()
	per := time.Duration(0)
	if t.N > 0 {
		per = t.Elapsed / time.Duration(t.N)
	}
	return fmt.Sprintf("| %-22s | %.3f | %.3f | %.3f | %.3f | %d/%d | %d/%d | %d/%d | %d/%d | %.3f | %6.1f ms |",
		name, bag.P, bag.R, bag.F, sh.F, t.Title, t.N, t.Date, t.N, t.Outlet, t.N, t.Author, t.N, t.MetaAccuracy(),
		float64(per.Microseconds())/1000)
}

// Header is the results table's header.
const Header = "| extractor              | tok P | tok R | tok F1 | 4-gram F1 | title | date | outlet | author | meta (title+date+outlet) | time/page |\n|---|---|---|---|---|---|---|---|---|---|---|"
