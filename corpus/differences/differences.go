package differences

import (
	"math"
	"time"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/quantity"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// Kind is what a difference is about.
type Kind string

// Difference kinds.
const (
	KindNumber      Kind = "number"      // a fact: one thing counted, with every account's figure
	KindAttribution Kind = "attribution" // whom one article credits
	KindLabel       Kind = "label"       // what the articles call one actor
)

// Difference is one way the accounts differ. Items say what each article
// has, each pointing to its passage so a reader can jump there.
//
// A number difference is a fact: what is counted, one item per article
// that states it (its figure as written, its value and the interval of
// values it allows), and how the figures relate. An attribution difference
// lists the sources one article credits, one item per source. A label
// difference lists what each article calls one actor, one item per label.
type Difference struct {
	Kind Kind `json:"kind"`
	// Topic is what differs: for a fact what is counted, with the noun
	// when one was written ("killed (workers)", "carriages"); for labels
	// the actor ("Popular Mobilization Forces"); for attributions the
	// article.
	Topic string `json:"topic"`
	// Relation is set on facts: "conflict" (no value satisfies every
	// account), "compatible" (some value satisfies them all: "at least
	// 25" and 27) or "same".
	Relation string `json:"relation,omitempty"`
	// Class is what a fact counts, normalised (a corpus/quantity class
	// name: "killed", "crowd", "money"); Noun is the counted noun as
	// written ("workers"), "" when none was; Unit is the currency or unit
	// ("USD", "%", "km"), "" for a count.
	Class string `json:"class,omitempty"`
	Noun  string `json:"noun,omitempty"`
	Unit  string `json:"unit,omitempty"`
	// Summary is one line for people: "killed: 27 (Iranian.com); at
	// least 25 (Antiwar.com) — compatible, they differ in precision".
	Summary string `json:"summary"`
	Items   []Item `json:"items"`
}

// Item is one article's side of a Difference.
type Item struct {
	passages.Ref
	// Outlet names the article as summaries do: its outlet, told apart
	// from other compared articles of that outlet by a short title.
	Outlet string `json:"outlet"`
	// Text is the figure as written with its qualifier ("at least 25"),
	// the label ("Iran-backed militias") or the source ("US officials").
	Text string `json:"text"`
	// Value, Value2 and Qualifier are set on a fact's items: the stated
	// value (25 for "at least 25"; the low end of a range, Value2 its
	// high end) and how it was qualified ("exact", "at least", "more
	// than", "about", "nearly", "range", "vague", …).
	Value     float64 `json:"value,omitempty"`
	Value2    float64 `json:"value2,omitempty"`
	Qualifier string  `json:"qualifier,omitempty"`
	// Interval holds every value a fact's figure allows.
	Interval *Interval `json:"interval,omitempty"`
	// Also lists the article's other passages that state the same figure
	// or credit the same source (a headline repeating the lead).
	Also []passages.Ref `json:"also,omitempty"`
	// Entity is the canonical entity a source or label refers to, if known.
	Entity string `json:"entity,omitempty"`
	// Verb is how a source is credited: "said", "according to", "told".
	Verb string `json:"verb,omitempty"`
}

// Interval is the set of values a figure allows: from Low to High, High
// null for no upper bound ("at least 25" is {"low":25,"high":null}); an
// open end excludes its bound ("more than 40": low_open).
type Interval struct {
	Low      float64  `json:"low"`
	High     *float64 `json:"high"`
	LowOpen  bool     `json:"low_open,omitempty"`
	HighOpen bool     `json:"high_open,omitempty"`
}

// intervalOf is the JSON form of a figure's interval.
func intervalOf(iv quantity.Interval) *Interval {
	out := &Interval{Low: iv.Lo, LowOpen: iv.LoOpen, HighOpen: iv.HiOpen}
	if !math.IsInf(iv.Hi, 1) {
		hi := iv.Hi
		out.High = &hi
	}
	return out
}

// Input is what Find reads: the compared articles, in comparison order
// (passages.Ref indexes them), how similar their passages are, and the
// resolver that set the mentions' entities.
type Input struct {
	Articles []Article
	// Scores returns the similarity (0..1) of passage a to each passage
	// of another article, by passage, in dst's storage (reused when large
	// enough).
	Scores func(a passages.Ref, article int, dst []float32) []float32
	// Threshold is the least similarity for two passages to be
	// counterparts outside a row (the comparison's row threshold).
	Threshold float64
	// Entities names the entity keys of the mentions (Display, after
	// Resolve).
	Entities *entities.Resolver
	// Workers is how many goroutines Find may use: with two or more, the
	// labels are found beside the facts and credits (they take about as
	// long). Under two, one.
	Workers int
}

// Article is one compared article as Find reads it.
type Article struct {
	// Name is how summaries name the article: its outlet (or, without
	// one, its id), with a short title when another compared article has
	// the same name.
	Name string
	// Date is when it was published (zero when unknown), DateSlack how
	// far off that may be. Figures of accounts published a month or more
	// apart are not set against each other: they tell different events.
	Date      time.Time
	DateSlack time.Duration
	// Copy marks a republication of another compared article: not an
	// independent account, it takes no part in facts.
	Copy     bool
	Passages []Passage
}

// Passage is one passage with its analysis.
type Passage struct {
	Text string
	// Kind is title, dek, body or subhead: a headline's figure is the
	// lead's, said again.
	Kind passages.Kind
	// Paragraph is the body paragraph the passage is in (-1 for the title
	// and dek).
	Paragraph int
	// Rows are the alignment rows holding the passage (none, usually one):
	// passages of one row report the same thing.
	Rows     []int
	Tokens   []tokens.Token
	Mentions []entities.Mention // with Entity set
	Figures  []quantity.Quantity
}

// Find lists how the accounts differ: the facts (figures of counterpart
// passages that count the same thing, conflicts first, then compatible
// ones, then those all accounts state alike), then whom each article
// credits, then the labels each puts on the actors.
func Find(in Input) []Difference {
	if in.Workers < 2 {
		out := facts(in)
		out = append(out, credits(in)...)
		return append(out, labelDifferences(in)...)
	}
	var labels []Difference
	done := make(chan struct{})
	go func() {
		defer close(done)
		labels = labelDifferences(in)
	}()
	out := facts(in)
	out = append(out, credits(in)...)
	<-done
	return append(out, labels...)
}
