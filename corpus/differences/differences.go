package differences

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/figures"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// Kind is what a difference is about.
type Kind string

// Difference kinds.
const (
	KindNumber      Kind = "number"      // a figure that disagrees
	KindAttribution Kind = "attribution" // who is quoted or credited
	KindLabel       Kind = "label"       // what an outlet calls an actor
)

// Difference is one way the accounts differ. Items say what each article
// has, each pointing to its passage so a reader can jump there.
type Difference struct {
	Kind Kind `json:"kind"`
	// Topic is what differs: for numbers what is counted ("killed"), for
	// labels the actor ("Popular Mobilization Forces"), for attributions
	// "sources".
	Topic string `json:"topic"`
	// Summary is one line for people: "killed: 27 (Iranian.com) vs at
	// least 25 (Antiwar.com)".
	Summary string `json:"summary"`
	Items   []Item `json:"items"`
}

// Item is one article's side of a Difference.
type Item struct {
	passages.Ref
	// Text is the figure as written with its qualifier ("at least 25"), the
	// label ("Iran-backed militias") or the source ("US officials").
	Text string `json:"text"`
	// Value and Qualifier are set for numbers: 25 and "at least".
	Value     float64 `json:"value,omitempty"`
	Qualifier string  `json:"qualifier,omitempty"`
	// Entity is the canonical entity a source or label refers to, if known.
	Entity string `json:"entity,omitempty"`
	// Verb is how a source is credited: "said", "according to", "told".
	Verb string `json:"verb,omitempty"`
}

// Input is what Find reads: the compared articles, in comparison order
// (passages.Ref indexes them), how similar their passages are, and the
// resolver that set the mentions' entities.
type Input struct {
	Articles []Article
	// Scores returns the similarity (0..1) of passage a to each passage
	// of a later article (article > a.Article), by passage, in dst's
	// storage (reused when large enough).
	Scores func(a passages.Ref, article int, dst []float32) []float32
	// Entities names the entity keys of the mentions (Display, after
	// Resolve).
	Entities *entities.Resolver
}

// Article is one compared article as Find reads it.
type Article struct {
	// Name is how summaries name the article: its outlet, else its id.
	Name     string
	Passages []Passage
}

// Passage is one passage with its analysis.
type Passage struct {
	Text string
	// Paragraph is the body paragraph the passage is in (-1 for the title
	// and dek): one source credited twice in a paragraph is one item.
	Paragraph int
	// Row is the alignment row holding the passage, -1 for none: figures
	// of one row are about the same thing.
	Row      int
	Tokens   []tokens.Token
	Mentions []entities.Mention // with Entity set
	Figures  []figures.Figure
}

// Find lists how the accounts differ: figures that disagree between
// counterpart passages, then whom each article credits, then the labels
// each puts on the groups two or more name.
func Find(in Input) []Difference {
	out := numberDifferences(in)
	if d, ok := attributionDifference(in); ok {
		out = append(out, d)
	}
	return append(out, labelDifferences(in)...)
}

// figurePair is two figures counting the same thing in passages of two
// articles, with how sure it is that they report the same thing.
type figurePair struct {
	a, b   passages.Ref
	fa, fb figures.Figure
	s      float64
}

// numberDifferences pairs figures that count the same thing in two
// articles and reports those whose values differ. A pair must come from
// passages that report the same thing: the same row, or, failing that, the
// best-scoring pair of passages that both count it.
func numberDifferences(in Input) []Difference {
	var out []Difference
	n := len(in.Articles)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			for _, fp := range pairFigures(figurePairs(in, i, j)) {
				if fp.fa.Value == fp.fb.Value && fp.fa.Qualifier == fp.fb.Qualifier {
					continue
				}
				what := fp.fa.CountedName()
				out = append(out, Difference{
					Kind:    KindNumber,
					Topic:   what,
					Summary: fmt.Sprintf("%s: %s (%s) vs %s (%s)", what, fp.fa.Text, in.Articles[i].Name, fp.fb.Text, in.Articles[j].Name),
					Items: []Item{
						{Ref: fp.a, Text: fp.fa.Text, Value: fp.fa.Value, Qualifier: fp.fa.Qualifier},
						{Ref: fp.b, Text: fp.fb.Text, Value: fp.fb.Value, Qualifier: fp.fb.Qualifier},
					},
				})
			}
		}
	}
	return out
}

// figurePairs lists the candidate pairs of figures of articles i and j,
// best first: figures that count the same thing, in passages of one row
// (which come first) or scoring at least 0.1.
func figurePairs(in Input, i, j int) []figurePair {
	var cands []figurePair
	var row []float32 // passage p's scores against article j's passages
	for p, pa := range in.Articles[i].Passages {
		if len(pa.Figures) == 0 {
			continue // a pair without figures on both sides adds nothing
		}
		ra := passages.Ref{Article: i, Passage: p}
		row = in.Scores(ra, j, row)
		for q, pb := range in.Articles[j].Passages {
			if len(pb.Figures) == 0 {
				continue
			}
			rb := passages.Ref{Article: j, Passage: q}
			s := float64(row[q])
			same := pa.Row >= 0 && pa.Row == pb.Row
			if !same && s < 0.1 {
				continue
			}
			if same {
				s += 1
			}
			for _, fa := range pa.Figures {
				for _, fb := range pb.Figures {
					if fa.Counted == fb.Counted {
						cands = append(cands, figurePair{ra, rb, fa, fb, s})
					}
				}
			}
		}
	}
	slices.SortStableFunc(cands, func(x, y figurePair) int { return cmp.Compare(y.s, x.s) })
	return cands
}

// pairFigures keeps the candidate pairs, best first, whose figures no
// better pair has taken: each figure is paired at most once.
func pairFigures(cands []figurePair) []figurePair {
	// A figure is its passage and its offset there.
	type fig struct {
		ref   passages.Ref
		start int
	}
	usedA, usedB := map[fig]bool{}, map[fig]bool{}
	var out []figurePair
	for _, cd := range cands {
		ka := fig{cd.a, cd.fa.Start}
		kb := fig{cd.b, cd.fb.Start}
		if usedA[ka] || usedB[kb] {
			continue
		}
		usedA[ka], usedB[kb] = true, true
		out = append(out, cd)
	}
	return out
}
