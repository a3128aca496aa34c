package eventsgold

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/quantity"
)

// Gold is one event's gold file (SLUG.gold.yaml beside SLUG.jsonl). The
// format is described in corpus/testdata/events/README.md.
type Gold struct {
	Event       string           `yaml:"event"`
	Articles    []ArticleRef     `yaml:"articles"`
	Facts       []Fact           `yaml:"facts"`
	Distractors []Figure         `yaml:"distractors"`
	Entities    []Entity         `yaml:"entities"`
	Distinct    [][]string       `yaml:"distinct"`
	Labels      []Label          `yaml:"labels"`
	Credits     []ArticleCredits `yaml:"credits"`
}

// ArticleRef names one article of the event and the kind of outlet.
type ArticleRef struct {
	ID   string `yaml:"id"`
	Kind string `yaml:"kind"` // wire, local, national, partisan, republished, …
}

// Fact is one thing counted, with one stated value per article that
// states it, how all the values relate and how each pair relates.
type Fact struct {
	ID       string   `yaml:"id"`
	Class    string   `yaml:"class"` // a quantity.Class name
	Noun     string   `yaml:"noun"`
	Relation string   `yaml:"relation"` // a quantity.Relation name, over all values
	Values   []Figure `yaml:"values"`
	// Pairs maps "ARTICLE-A ARTICLE-B" to the relation of their values.
	Pairs map[string]string `yaml:"pairs"`
}

// Figure is a figure in an article: the passage that states it (a quoted
// substring occurring once in the article), the figure as written inside
// that passage, and, for a fact's value, the interval it allows.
type Figure struct {
	Article  string `yaml:"article"`
	Passage  string `yaml:"passage"`
	Value    string `yaml:"value"`
	Interval string `yaml:"interval"` // "[25, inf)", "(40, inf)", "[270, 330]"
	Note     string `yaml:"note"`
}

// Entity is one entity and every spelling of it in the event's articles.
type Entity struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants"`
}

// Label is a description an article attaches to an entity: "a militant
// labor group" → Kessara Workers' Union.
type Label struct {
	Article string `yaml:"article"`
	Label   string `yaml:"label"`
	Entity  string `yaml:"entity"` // an Entity.Name
}

// ArticleCredits lists the sources one article credits.
type ArticleCredits struct {
	Article string   `yaml:"article"`
	Sources []Source `yaml:"sources"`
}

// Source is one credited source: its canonical name and the forms the
// article credits it under.
type Source struct {
	Name  string   `yaml:"name"`
	Forms []string `yaml:"forms"`
}

// Event is one invented event: its articles, loaded with pmureader's own
// loader, and its gold.
type Event struct {
	Slug     string
	GoldFile string
	Articles []*corpus.Article
	Gold     Gold
	texts    map[string]string
	titles   map[string]string
}

// Text returns an article's body as the harness sees it: its paragraphs
// joined by blank lines. Gold passages and predicted passages are found in
// it.
func Text(a *corpus.Article) string {
	var b strings.Builder
	for i, p := range a.Body {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// ArticleText returns the body text of the event's article id, or "".
func (e *Event) ArticleText(id string) string { return e.texts[id] }

// Dir returns corpus/testdata/events of the module that holds the working
// directory.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find events corpus: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "corpus", "testdata", "events"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find events corpus: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Load reads every SLUG.gold.yaml in dir with its SLUG.jsonl, in slug
// order. It fails on a file that cannot be read or parsed; Check finds
// gold that disagrees with its articles.
func Load(ctx context.Context, dir string) ([]*Event, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list gold files in %s: %w", dir, err)
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("no *.gold.yaml in %s", dir)
	}
	sort.Strings(golds)
	var out []*Event
	for _, g := range golds {
		ev, err := loadEvent(ctx, g)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, nil
}

func loadEvent(ctx context.Context, goldFile string) (*Event, error) {
	slug := strings.TrimSuffix(filepath.Base(goldFile), ".gold.yaml")
	data, err := os.ReadFile(goldFile)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	ev := &Event{Slug: slug, GoldFile: goldFile, texts: map[string]string{}, titles: map[string]string{}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&ev.Gold); err != nil {
		return nil, fmt.Errorf("%s: %w", goldFile, err)
	}
	articles := filepath.Join(filepath.Dir(goldFile), slug+".jsonl")
	c, err := corpus.Load(ctx, []string{articles}, corpus.Options{})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", articles, err)
	}
	if len(c.Problems) > 0 {
		return nil, fmt.Errorf("load %s: %w", articles, c.Problems[0])
	}
	ev.Articles = c.Articles
	for _, a := range c.Articles {
		ev.texts[a.ID] = Text(a)
		ev.titles[a.ID] = a.Title
	}
	return ev, nil
}

// ParseInterval reads the gold notation of an interval: "[25, 25]",
// "[25, inf)", "(40, inf)", "[0, 100)".
func ParseInterval(s string) (quantity.Interval, error) {
	s = strings.TrimSpace(s)
	if len(s) < 5 {
		return quantity.Interval{}, fmt.Errorf("interval %q: too short", s)
	}
	var iv quantity.Interval
	switch s[0] {
	case '(':
		iv.LoOpen = true
	case '[':
	default:
		return iv, fmt.Errorf("interval %q: must open with [ or (", s)
	}
	switch s[len(s)-1] {
	case ')':
		iv.HiOpen = true
	case ']':
	default:
		return iv, fmt.Errorf("interval %q: must close with ] or )", s)
	}
	lo, hi, ok := strings.Cut(s[1:len(s)-1], ",")
	if !ok {
		return iv, fmt.Errorf("interval %q: no comma", s)
	}
	var err error
	if iv.Lo, err = strconv.ParseFloat(strings.TrimSpace(lo), 64); err != nil {
		return iv, fmt.Errorf("interval %q: %w", s, err)
	}
	if strings.TrimSpace(hi) == "inf" {
		iv.Hi = math.Inf(1)
		iv.HiOpen = false
	} else if iv.Hi, err = strconv.ParseFloat(strings.TrimSpace(hi), 64); err != nil {
		return iv, fmt.Errorf("interval %q: %w", s, err)
	}
	if iv.Empty() {
		return iv, fmt.Errorf("interval %q is empty", s)
	}
	return iv, nil
}

// Span locates a figure in its article: the byte range of its value inside
// the article text, found through its passage. ok is false when the
// passage does not occur exactly once or the value is not in it.
func (e *Event) Span(f Figure) (start, end int, ok bool) {
	text := e.texts[f.Article]
	at := strings.Index(text, f.Passage)
	if at < 0 || f.Passage == "" || strings.Count(text, f.Passage) != 1 {
		return 0, 0, false
	}
	v := strings.Index(f.Passage, f.Value)
	if v < 0 || f.Value == "" {
		return 0, 0, false
	}
	return at + v, at + v + len(f.Value), true
}

// pairKey is the Pairs key of two articles, in either order.
func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}
