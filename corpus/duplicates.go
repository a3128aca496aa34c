package corpus

import (
	"fmt"

	"github.com/pmureader/pmureader/corpus/dedupe"
	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// deduper drops what a load must not deliver twice: an article whose id is
// taken (an error) and an exact duplicate of one already delivered (a
// warning, corpus/dedupe's rule); it marks republications (Article.CopyOf).
type deduper struct {
	ids     map[string]Span // id -> where it was first loaded
	content *dedupe.Index   // nil: duplicates are kept (Options.KeepDuplicates)
	settled bool
	hashers []dedupe.Hasher // one per worker
}

// newDeduper starts one load's deduplication. settled: the articles are
// handed over as they come (Stream), so an earlier one is never marked;
// keep: content duplicates are kept (ids are still checked); n: articles
// expected, to size the id map.
func newDeduper(settled, keep bool, n int) *deduper {
	d := &deduper{ids: make(map[string]Span, n), settled: settled}
	if !keep {
		d.content = dedupe.NewIndex(settled, n)
	}
	return d
}

// add returns arts less the duplicates, with a problem for each, in order,
// and marks the republications among them.
func (d *deduper) add(arts []*Article) ([]*Article, []Problem) {
	prints := d.prints(arts)
	var probs []Problem
	out := arts[:0]
	for i, a := range arts {
		var v dedupe.Verdict
		if d.content != nil {
			v = d.content.Check(a, &prints[i])
		}
		if v.Relation == dedupe.Duplicate {
			probs = append(probs, Problem{Path: a.Source.File, Line: a.Source.StartLine, Warning: true,
				Err: fmt.Errorf("%w: %s as %s (%s); skipped", ErrDuplicate, v.Reason, v.Other.ID, v.Other.Source.String())})
			continue
		}
		if first, ok := d.ids[a.ID]; ok {
			probs = append(probs, Problem{Path: a.Source.File, Line: a.Source.StartLine,
				Err: fmt.Errorf("%w %q: already loaded from %s; skipped", ErrDuplicateID, a.ID, first.String())})
			continue
		}
		d.ids[a.ID] = a.Source
		if d.content != nil {
			d.content.Add(a, &prints[i], v)
		}
		out = append(out, a)
	}
	return out, probs
}

// finish points every copy at its first original, once all is added (a
// later article can turn out to be the original of an earlier one).
func (d *deduper) finish() {
	if d.content != nil && !d.settled {
		d.content.Resolve()
	}
}

// prints computes the articles' prints on all cores; none without a
// content index.
func (d *deduper) prints(arts []*Article) []dedupe.Print {
	if d.content == nil {
		return nil
	}
	out := make([]dedupe.Print, len(arts))
	w := pool.Workers(0, pool.NumBlocks(len(arts)))
	for len(d.hashers) < w {
		d.hashers = append(d.hashers, dedupe.Hasher{})
	}
	pool.Blocks(len(arts), w, func(worker, _, lo, hi int) {
		h := &d.hashers[worker]
		for i := lo; i < hi; i++ {
			out[i] = h.Of(arts[i])
		}
	})
	return out
}
