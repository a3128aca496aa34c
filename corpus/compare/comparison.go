package compare

import (
	"cmp"
	"slices"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// ArticleInfo is what a comparison shows about each compared article.
type ArticleInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// TitleDerived: Title was made from the body (corpus.Article).
	TitleDerived bool               `json:"title_derived"`
	Outlet       string             `json:"outlet,omitempty"`
	Byline       string             `json:"byline,omitempty"` // "Outlet (via X)"
	Date         corpus.Date        `json:"date"`
	Passages     []passages.Passage `json:"passages"`
}

// Shared is what the passages of a row have in common.
type Shared struct {
	Entities []string `json:"entities,omitempty"` // canonical entity names
	Numbers  []string `json:"numbers,omitempty"`  // figures, e.g. "25 killed"
	Words    []string `json:"words,omitempty"`    // other content words, alphabetical
}

// Row is a group of passages, at most one per article, that report the
// same thing, built from the links of every pair of articles. A passage
// may be in several rows: one sentence of an account often tells what
// another tells in two. Rows are ordered by where their passages sit in
// the articles (the first article's order first).
type Row struct {
	Passages []passages.Ref `json:"passages"`
	// Score is the mean score (0..1) of the links that hold the row
	// together: for a row of two passages, their pair's similarity, which
	// is the same whatever else is compared.
	Score float64 `json:"score"`
	// Weak is true for a row scoring under WeakBelow: its passages may
	// tell related things rather than one.
	Weak   bool   `json:"weak"`
	Shared Shared `json:"shared"`
}

// WeakBelow is the score under which a row (and a link) is weak: on
// ../shared/eval/news_synth_dev about half the links under it join
// passages the gold data links, against nine in ten above 0.6, and four in
// five of the links between accounts of different events of one kind
// (news_ecb) are under it (see the README's "How passages are lined up").
const WeakBelow = 0.5

// Match is a candidate counterpart of a passage in another article.
type Match struct {
	passages.Ref
	Score float64 `json:"score"`
	// InRow is true when the two passages share a row.
	InRow bool `json:"in_row,omitempty"`
}

// Entity is one actor, place or thing named in the compared articles,
// with every spelling seen.
type Entity struct {
	Name     string   `json:"name"`     // canonical or most common spelling
	Variants []string `json:"variants"` // spellings seen, as written
	Articles []int    `json:"articles"` // indexes of articles naming it
	Mentions int      `json:"mentions"`
}

// Comparison is the side-by-side of 2–6 articles: their passages, the rows
// of passages that report the same thing, the passages with no counterpart,
// and the differences. Build it with Compare; it is immutable afterwards.
type Comparison struct {
	Articles []ArticleInfo `json:"articles"`
	Rows     []Row         `json:"rows"`
	// Unique lists passages in no row and linked to none: "unique to this
	// outlet".
	Unique      []passages.Ref           `json:"unique"`
	Entities    []Entity                 `json:"entities"`
	Differences []differences.Difference `json:"differences"`
	// Links are what each pair of articles lines up on its own, best
	// first: the evidence rows are built from.
	Links []Link `json:"links"`

	// pairs[i][j] holds the passage similarities between articles i and
	// j (i < j); unset for i >= j.
	pairs [][]pairMatrix
	// rowsOf maps each passage to the rows holding it, its strongest
	// first.
	rowsOf [][][]int
	// toks caches each passage's tokens for Diff.
	toks [][][]tokens.Token
}

// Options tunes Compare. The zero value is the default.
type Options struct {
	Unit passages.Unit
	// Aliases resolves entity spellings; nil means entities.DefaultAliases().
	Aliases *entities.Aliases
	// Threshold is the least similarity (0..1) for two passages to be
	// linked, and so to share a row; 0 means DefaultRowThreshold.
	Threshold float64

	// scoring replaces defaultScoring (the evaluation tests vary it).
	scoring *scoring
	// lex replaces lexicon.English() (tests give it without its near
	// lists).
	lex *lexicon.Lexicon
	// noDifferences leaves the differences out (an empty list), for the
	// benchmark that measures what they cost.
	noDifferences bool

	// workers bounds the goroutines Compare uses; 0 means one for texts
	// under parallelWords words, else GOMAXPROCS. Tests set it to check
	// that the parallel path gives exactly what the sequential one gives.
	workers int
}

// DefaultRowThreshold is the least passage similarity for a link.
const DefaultRowThreshold = 0.3

// MaxArticles is the most articles one comparison takes.
const MaxArticles = 6

// Score is the similarity (0..1) of two passages of different articles; 0
// for passages of the same article or refs out of range.
func (c *Comparison) Score(a, b passages.Ref) float64 {
	if !c.valid(a) || !c.valid(b) || a.Article == b.Article {
		return 0
	}
	if a.Article > b.Article {
		a, b = b, a
	}
	return float64(c.pairs[a.Article][b.Article].at(a.Passage, b.Passage))
}

func (c *Comparison) valid(r passages.Ref) bool {
	return r.Article >= 0 && r.Article < len(c.Articles) && r.Passage >= 0 && r.Passage < len(c.Articles[r.Article].Passages)
}

// Passage returns the passage a ref points at.
func (c *Comparison) Passage(r passages.Ref) (passages.Passage, bool) {
	if !c.valid(r) {
		return passages.Passage{}, false
	}
	return c.Articles[r.Article].Passages[r.Passage], true
}

// RowOf returns the index in Rows of the row holding a passage (its
// strongest, when it is in several), or -1.
func (c *Comparison) RowOf(r passages.Ref) int {
	if rs := c.rowsOfRef(r); len(rs) > 0 {
		return rs[0]
	}
	return -1
}

// rowsOfRef is the rows holding passage r, nil for none or a bad ref (or
// a comparison built by hand, without them).
func (c *Comparison) rowsOfRef(r passages.Ref) []int {
	if !c.valid(r) || r.Article >= len(c.rowsOf) || r.Passage >= len(c.rowsOf[r.Article]) {
		return nil
	}
	return c.rowsOf[r.Article][r.Passage]
}

// RowsOf returns the indexes in Rows of every row holding a passage, its
// strongest first; nil for none.
func (c *Comparison) RowsOf(r passages.Ref) []int {
	return slices.Clone(c.rowsOfRef(r))
}

// SameRow reports whether two passages share a row.
func (c *Comparison) SameRow(a, b passages.Ref) bool {
	rb := c.rowsOfRef(b)
	for _, r := range c.rowsOfRef(a) {
		if slices.Contains(rb, r) {
			return true
		}
	}
	return false
}

// Linked returns the passages r is linked to (see Link), strongest link
// first, each with the pair's score and whether the two share a row
// (always, as rows are built).
func (c *Comparison) Linked(r passages.Ref) []Match {
	if !c.valid(r) {
		return nil
	}
	var out []Match
	for _, l := range c.Links {
		o := l.B
		switch r {
		case l.A:
		case l.B:
			o = l.A
		default:
			continue
		}
		out = append(out, Match{Ref: o, Score: l.Score, InRow: c.SameRow(r, o)})
	}
	return out
}

// Counterparts returns, for the passage r points at, its best candidate
// counterparts in every article: out[j] lists up to k passages of article
// j, best first, with scores above zero (out[r.Article] is nil). k <= 0
// means 3. The TUI uses out[j][0] to line pane j up with the focused
// passage; Match.InRow says whether the aligner kept that pairing.
func (c *Comparison) Counterparts(r passages.Ref, k int) [][]Match {
	if !c.valid(r) {
		return nil
	}
	if k <= 0 {
		k = 3
	}
	out := make([][]Match, len(c.Articles))
	for j := range c.Articles {
		if j == r.Article {
			continue
		}
		var ms []Match
		for q := range c.Articles[j].Passages {
			o := passages.Ref{Article: j, Passage: q}
			s := c.Score(r, o)
			if s <= 0 {
				continue
			}
			ms = append(ms, Match{Ref: o, Score: s, InRow: c.SameRow(r, o)})
		}
		slices.SortStableFunc(ms, func(a, b Match) int { return cmp.Compare(b.Score, a.Score) })
		if len(ms) > k {
			ms = ms[:k]
		}
		out[j] = ms
	}
	return out
}
