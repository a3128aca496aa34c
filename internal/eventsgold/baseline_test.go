package eventsgold

import (
	"regexp"
	"testing"

	"github.com/pmureader/pmureader/corpus/quantity"
)

// naiveFacts is a baseline differences finder that uses corpus/quantity
// alone, with no alignment: in each article it keeps the first figure of
// each class (of each counted noun for Other), and sets those of all
// articles against each other. It exercises the harness and shows what
// the quantity package gives before the differences package adds
// counterpart passages.
func naiveFacts(ev *Event) []PredictedFact {
	type key struct {
		class quantity.Class
		noun  string
	}
	type stated struct {
		q quantity.Quantity
		v PredictedValue
	}
	groups := map[key][]stated{}
	var order []key
	for _, a := range ev.Articles {
		seen := map[key]bool{}
		for _, p := range a.Body {
			for _, q := range quantity.Parse(p.Text) {
				k := key{class: q.Class}
				if q.Class == quantity.Other {
					k.noun = q.NounKey
				}
				if q.Part || k.noun == "" && q.Class == quantity.Other || seen[k] {
					continue
				}
				seen[k] = true
				if groups[k] == nil {
					order = append(order, k)
				}
				groups[k] = append(groups[k], stated{q, PredictedValue{Article: a.ID, Passage: p.Text, Text: q.Text}})
			}
		}
	}
	var out []PredictedFact
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		f := PredictedFact{Class: k.class, Noun: k.noun}
		qs := make([]quantity.Quantity, len(g))
		for i, s := range g {
			qs[i] = s.q
			f.Values = append(f.Values, s.v)
		}
		f.Relation = quantity.Relate(qs...)
		out = append(out, f)
	}
	return out
}

var (
	namePattern  = regexp.MustCompile(`\b[A-Z][\w'’-]+(?: (?:of the |of )?[A-Z][\w'’-]+)*`)
	appositionRE = regexp.MustCompile(`([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*), ((?:an?|the) [^,.]+),`)
	saidRE       = regexp.MustCompile(`([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*) said|according to (?:the )?([^,.]+)`)
)

// naiveNames is a baseline for the other metrics: every distinct
// capitalised name its own entity, "Name, a label," appositions, and the
// names before "said" or after "according to" as credits, the outlet as
// the heading.
func naiveNames(ev *Event, p *Prediction) {
	seen := map[string]bool{}
	for _, a := range ev.Articles {
		text := ev.ArticleText(a.ID)
		for _, n := range namePattern.FindAllString(text, -1) {
			if !seen[n] {
				seen[n] = true
				p.Entities = append(p.Entities, []string{n})
			}
		}
		for _, m := range appositionRE.FindAllStringSubmatch(text, -1) {
			p.Labels = append(p.Labels, PredictedLabel{Article: a.ID, Label: m[2], Entity: m[1]})
		}
		c := PredictedCredits{Article: a.ID, Heading: a.Outlet}
		for _, m := range saidRE.FindAllStringSubmatch(text, -1) {
			c.Names = append(c.Names, m[1]+m[2])
		}
		p.Credits = append(p.Credits, c)
	}
}

func naive(ev *Event) Prediction {
	p := Prediction{Facts: naiveFacts(ev)}
	naiveNames(ev, &p)
	return p
}

// TestBaselineScores runs the harness on the gold corpus with the naive
// baseline and prints the metrics (go test -v -run Baseline).
func TestBaselineScores(t *testing.T) {
	events := loadAll(t)
	s := Score(events, naive)
	t.Logf("naive baseline (corpus/quantity, no alignment):\n%s", s)
	conflicts, labels := 0, 0
	for _, ev := range events {
		labels += len(ev.Gold.Labels)
		for _, f := range ev.Gold.Facts {
			if f.Relation == "conflict" {
				conflicts++
			}
		}
	}
	if s.Events != len(events) || s.GoldConflicts != conflicts || s.Labels != labels {
		t.Errorf("scored %d events, %d gold conflicts, %d labels; the gold has %d, %d, %d",
			s.Events, s.GoldConflicts, s.Labels, len(events), conflicts, labels)
	}
	if s.ConflictsFound == 0 || s.PredictedConflicts == 0 {
		t.Errorf("the baseline found no conflict at all: the harness or quantity is broken")
	}
}
