package eventsgold

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/quantity"
)

// goldRef is a gold figure located in its article: a value of fact
// Fact (index into Gold.Facts), or a distractor (Fact −1).
type goldRef struct {
	fact       int
	article    string
	start, end int
	interval   quantity.Interval
}

func goldRefs(ev *Event) []goldRef {
	var out []goldRef
	for fi, f := range ev.Gold.Facts {
		for _, v := range f.Values {
			start, end, ok := ev.Span(v)
			iv, err := ParseInterval(v.Interval)
			if ok && err == nil {
				out = append(out, goldRef{fact: fi, article: v.Article, start: start, end: end, interval: iv})
			}
		}
	}
	for _, d := range ev.Gold.Distractors {
		if start, end, ok := ev.Span(d); ok {
			out = append(out, goldRef{fact: -1, article: d.Article, start: start, end: end})
		}
	}
	return out
}

// locate finds a predicted value in its article text. A value read from
// the headline is found there: it is located (a real figure of the
// article) but lies before the text's start, so it matches no gold value,
// which all quote the body.
func locate(ev *Event, v PredictedValue) (start, end int, ok bool) {
	text, known := ev.texts[v.Article]
	if !known || v.Text == "" {
		return 0, 0, false
	}
	if title := ev.titles[v.Article]; v.Passage != "" && v.Passage == title && !strings.Contains(text, title) {
		if at := strings.Index(title, v.Text); at >= 0 {
			return at - len(title) - 1, at - len(title) - 1 + len(v.Text), true
		}
		return 0, 0, false
	}
	base := 0
	if v.Passage != "" {
		base = strings.Index(text, v.Passage)
		if base < 0 {
			return 0, 0, false
		}
		text = v.Passage
	}
	at := strings.Index(text, v.Text)
	if at < 0 {
		return 0, 0, false
	}
	return base + at, base + at + len(v.Text), true
}

// matchValue returns the gold figure a predicted value overlaps, or nil.
func matchValue(refs []goldRef, article string, start, end int) *goldRef {
	for i := range refs {
		r := &refs[i]
		if r.article == article && start < r.end && r.start < end {
			return r
		}
	}
	return nil
}

func scoreFacts(s *Scores, ev *Event, facts []PredictedFact) {
	refs := goldRefs(ev)
	matched := make([][]*goldRef, len(facts))
	for i, pf := range facts {
		for _, v := range pf.Values {
			start, end, ok := locate(ev, v)
			if !ok {
				s.UnlocatedValues++
				continue
			}
			if r := matchValue(refs, v.Article, start, end); r != nil {
				matched[i] = append(matched[i], r)
			}
		}
		if mixesUnrelated(matched[i]) {
			s.Unrelated++
		}
		if pf.Relation == quantity.Conflict {
			s.PredictedConflicts++
			if conflictsInGold(ev, matched[i]) {
				s.TrueConflicts++
			}
		}
	}
	for fi, g := range ev.Gold.Facts {
		class, _ := quantity.ParseClass(g.Class)
		if g.Relation == quantity.Conflict.String() {
			s.GoldConflicts++
			if conflictFound(ev, fi, class, facts, matched) {
				s.ConflictsFound++
			}
		}
		for key, rel := range g.Pairs {
			if rel != quantity.Compatible.String() && rel != quantity.Same.String() {
				continue
			}
			s.CompatiblePairs++
			a, b, _ := strings.Cut(key, " ")
			if compatibleReportedAsConflict(fi, a, b, facts, matched) {
				s.CompatibleAsConflict++
			}
		}
	}
}

// mixesUnrelated reports figures of different gold facts, or a
// distractor with anything, set against each other.
func mixesUnrelated(refs []*goldRef) bool {
	if len(refs) < 2 {
		return false
	}
	for _, r := range refs {
		if r.fact < 0 || r.fact != refs[0].fact {
			return true
		}
	}
	return false
}

// ofFact returns the matched figures of gold fact fi, one per article.
func ofFact(refs []*goldRef, fi int) map[string]*goldRef {
	out := map[string]*goldRef{}
	for _, r := range refs {
		if r.fact == fi {
			out[r.article] = r
		}
	}
	return out
}

// conflictsInGold reports whether some gold fact's figures among refs
// conflict with each other by the gold.
func conflictsInGold(ev *Event, refs []*goldRef) bool {
	for fi := range ev.Gold.Facts {
		var ivs []quantity.Interval
		for _, r := range ofFact(refs, fi) {
			ivs = append(ivs, r.interval)
		}
		if len(ivs) >= 2 && quantity.RelateIntervals(ivs...) == quantity.Conflict {
			return true
		}
	}
	return false
}

// conflictFound reports a predicted conflict of the gold fact's class that
// holds two of its values the gold says conflict.
func conflictFound(ev *Event, fi int, class quantity.Class, facts []PredictedFact, matched [][]*goldRef) bool {
	g := ev.Gold.Facts[fi]
	for i, pf := range facts {
		if pf.Relation != quantity.Conflict || pf.Class != class {
			continue
		}
		got := ofFact(matched[i], fi)
		for key, rel := range g.Pairs {
			a, b, _ := strings.Cut(key, " ")
			if rel == quantity.Conflict.String() && got[a] != nil && got[b] != nil {
				return true
			}
		}
	}
	return false
}

// compatibleReportedAsConflict reports a predicted conflict that holds the
// values of articles a and b of gold fact fi while the values of that fact
// it holds do not conflict: the conflict it shows is not there.
func compatibleReportedAsConflict(fi int, a, b string, facts []PredictedFact, matched [][]*goldRef) bool {
	for i, pf := range facts {
		if pf.Relation != quantity.Conflict {
			continue
		}
		got := ofFact(matched[i], fi)
		if got[a] == nil || got[b] == nil {
			continue
		}
		var ivs []quantity.Interval
		for _, r := range got {
			ivs = append(ivs, r.interval)
		}
		if quantity.RelateIntervals(ivs...) != quantity.Conflict {
			return true
		}
	}
	return false
}
