package eventsgold

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/quantity"
)

// Check returns every way the event's gold disagrees with its articles or
// with itself: an unknown article, a passage that does not occur exactly
// once, a value outside its passage, a bad interval, class or relation, a
// relation the intervals do not give, a missing pair, a variant, label or
// credit form absent from the articles, a label for an unknown entity.
func Check(e *Event) []error {
	c := checker{e: e, known: map[string]bool{}}
	for _, a := range e.Gold.Articles {
		if _, ok := e.texts[a.ID]; !ok {
			c.fail("articles: %q is not in %s.jsonl", a.ID, e.Slug)
		}
		c.known[a.ID] = true
	}
	if len(e.Gold.Articles) != len(e.texts) {
		c.fail("articles: gold lists %d, %s.jsonl holds %d", len(e.Gold.Articles), e.Slug, len(e.texts))
	}
	for _, f := range e.Gold.Facts {
		c.fact(f)
	}
	for i, d := range e.Gold.Distractors {
		c.figure(fmt.Sprintf("distractors[%d]", i), d)
	}
	c.entities()
	c.labels()
	c.credits()
	return c.errs
}

type checker struct {
	e     *Event
	known map[string]bool
	errs  []error
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: "+format, append([]any{c.e.GoldFile}, args...)...))
}

func (c *checker) figure(where string, f Figure) {
	if !c.known[f.Article] {
		c.fail("%s: unknown article %q", where, f.Article)
		return
	}
	if _, _, ok := c.e.Span(f); !ok {
		n := strings.Count(c.e.texts[f.Article], f.Passage)
		c.fail("%s: passage %q occurs %d times in %s (want once) or value %q is not in it", where, f.Passage, n, f.Article, f.Value)
	}
}

func (c *checker) fact(f Fact) {
	where := "fact " + f.ID
	if _, ok := quantity.ParseClass(f.Class); !ok {
		c.fail("%s: unknown class %q", where, f.Class)
	}
	ivs := map[string]quantity.Interval{}
	for _, v := range f.Values {
		c.figure(where, v)
		iv, err := ParseInterval(v.Interval)
		if err != nil {
			c.fail("%s: %s: %v", where, v.Article, err)
			continue
		}
		if _, dup := ivs[v.Article]; dup {
			c.fail("%s: two values for %s (one per article)", where, v.Article)
		}
		ivs[v.Article] = iv
	}
	if len(f.Values) < 2 {
		c.fail("%s: a fact needs values from at least two articles", where)
	}
	all := make([]quantity.Interval, 0, len(ivs))
	for _, iv := range ivs {
		all = append(all, iv)
	}
	c.relation(where+" relation", f.Relation, all...)
	c.pairs(where, f, ivs)
}

func (c *checker) relation(where, name string, ivs ...quantity.Interval) {
	want, ok := quantity.ParseRelation(name)
	if !ok {
		c.fail("%s: unknown relation %q", where, name)
		return
	}
	if got := quantity.RelateIntervals(ivs...); got != want {
		c.fail("%s: says %s, the intervals %v give %s", where, want, ivs, got)
	}
}

func (c *checker) pairs(where string, f Fact, ivs map[string]quantity.Interval) {
	seen := map[[2]string]bool{}
	for key, rel := range f.Pairs {
		a, b, ok := strings.Cut(key, " ")
		if !ok || !hasValue(f, a) || !hasValue(f, b) || a == b {
			c.fail("%s: pair %q must name two articles with values", where, key)
			continue
		}
		seen[pairKey(a, b)] = true
		c.relation(fmt.Sprintf("%s pair %q", where, key), rel, ivs[a], ivs[b])
	}
	for i, x := range f.Values {
		for _, y := range f.Values[i+1:] {
			if !seen[pairKey(x.Article, y.Article)] {
				c.fail("%s: no pair for %s and %s", where, x.Article, y.Article)
			}
		}
	}
}

func hasValue(f Fact, article string) bool {
	for _, v := range f.Values {
		if v.Article == article {
			return true
		}
	}
	return false
}

func (c *checker) inAnyArticle(s string) bool {
	for _, t := range c.e.texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func (c *checker) entities() {
	owner := map[string]string{}
	for _, en := range c.e.Gold.Entities {
		if len(en.Variants) == 0 {
			c.fail("entity %q: no variants", en.Name)
		}
		for _, v := range en.Variants {
			if !c.inAnyArticle(v) {
				c.fail("entity %q: variant %q occurs in no article", en.Name, v)
			}
			if o, dup := owner[v]; dup {
				c.fail("entity %q: variant %q already belongs to %q", en.Name, v, o)
			}
			owner[v] = en.Name
		}
	}
	for _, d := range c.e.Gold.Distinct {
		if len(d) != 2 {
			c.fail("distinct %q: name two variants", d)
			continue
		}
		a, b := owner[d[0]], owner[d[1]]
		if a == "" || b == "" || a == b {
			c.fail("distinct %q: both must be variants of two different entities", d)
		}
	}
}

func (c *checker) entityNamed(name string) bool {
	for _, en := range c.e.Gold.Entities {
		if en.Name == name {
			return true
		}
	}
	return false
}

func (c *checker) labels() {
	for _, l := range c.e.Gold.Labels {
		if !c.known[l.Article] || !strings.Contains(c.e.texts[l.Article], l.Label) {
			c.fail("label %q: not in article %q", l.Label, l.Article)
		}
		if !c.entityNamed(l.Entity) {
			c.fail("label %q: unknown entity %q", l.Label, l.Entity)
		}
	}
}

func (c *checker) credits() {
	for _, ac := range c.e.Gold.Credits {
		if !c.known[ac.Article] {
			c.fail("credits: unknown article %q", ac.Article)
			continue
		}
		for _, s := range ac.Sources {
			if len(s.Forms) == 0 {
				c.fail("credits %s: source %q has no forms", ac.Article, s.Name)
			}
			for _, f := range s.Forms {
				if !strings.Contains(c.e.texts[ac.Article], f) {
					c.fail("credits %s: form %q of %q is not in the article", ac.Article, f, s.Name)
				}
			}
		}
	}
}
