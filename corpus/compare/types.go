// Package compare finds which articles report the same story and lines up
// what they say: aligned passages, passages unique to one outlet, and the
// differences between accounts (figures that disagree, who is quoted, how
// each outlet labels the same actor).
//
// Everything here is a pure function of articles: Group returns stories,
// Compare returns one Comparison value that the TUI's compare view, the
// CLI's `compare --json` and Markdown all render. Nothing here prints to a
// terminal or keeps state between calls.
//
// JSON field names on the exported types are stable: the CLI's --json output
// is these values marshalled as they are.
package compare

import (
	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// ArticleInfo is what a comparison shows about each compared article.
type ArticleInfo struct {
	ID       string             `json:"id"`
	Title    string             `json:"title"`
	Outlet   string             `json:"outlet,omitempty"`
	Byline   string             `json:"byline,omitempty"` // "Outlet (via X)"
	Date     corpus.Date        `json:"date"`
	Passages []passages.Passage `json:"passages"`
}

// Shared is what the passages of a row have in common.
type Shared struct {
	Entities []string `json:"entities,omitempty"` // canonical entity names
	Numbers  []string `json:"numbers,omitempty"`  // figures, e.g. "25 killed"
	Words    []string `json:"words,omitempty"`    // other content words, alphabetical
}

// Row is a group of passages, at most one per article, that report the
// same thing. Rows are ordered by where their passages sit in the articles
// (the first article's order first).
type Row struct {
	Passages []passages.Ref `json:"passages"`
	// Score is the mean similarity (0..1) of the row's passage pairs.
	Score  float64 `json:"score"`
	Shared Shared  `json:"shared"`
}

// Match is a candidate counterpart of a passage in another article.
type Match struct {
	passages.Ref
	Score float64 `json:"score"`
	// InRow is true when the two passages ended up in the same row.
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
	// Unique lists passages in no row: "unique to this outlet".
	Unique      []passages.Ref           `json:"unique"`
	Entities    []Entity                 `json:"entities"`
	Differences []differences.Difference `json:"differences"`

	// scores[i][j] holds the passage similarities between articles i and
	// j (i < j), rows indexed by i's passages, zeros left out; unset for
	// i >= j.
	scores [][]sparseScores
	// rowOf maps each passage to its row index, or -1.
	rowOf [][]int
	// toks caches each passage's tokens for Diff.
	toks [][][]tokens.Token
}

// Options tunes Compare. The zero value is the default.
type Options struct {
	Unit passages.Unit
	// Aliases resolves entity spellings; nil means entities.DefaultAliases().
	Aliases *entities.Aliases
	// Threshold is the least similarity (0..1) for two passages to share a
	// row; 0 means DefaultRowThreshold.
	Threshold float64

	// workers bounds the goroutines Compare uses; 0 means one for texts
	// under parallelWords words, else GOMAXPROCS. Tests set it to check
	// that the parallel path gives exactly what the sequential one gives.
	workers int
}

// DefaultRowThreshold is the least passage similarity for a row.
const DefaultRowThreshold = 0.2

// MaxArticles is the most articles one comparison takes.
const MaxArticles = 6
