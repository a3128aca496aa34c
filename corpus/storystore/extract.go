package storystore

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// extractBatch is how many articles one round of extraction reads and
// saves: each round is one transaction.
const extractBatch = 500

// extractNew extracts and saves the features of every article numbered
// above after that has none of the current version, in rounds, in the
// order articles were added, numbering their new terms and joining
// spellings as it goes.
func (r *run) extractNew(ctx context.Context, after int64) error {
	n, err := r.lib.UnfeaturedCount(ctx, r.version, after)
	if err != nil || n == 0 {
		return err
	}
	r.grow(n)
	for {
		recs, err := r.lib.UnfeaturedArticles(ctx, r.version, after, extractBatch)
		if err != nil || len(recs) == 0 {
			return err
		}
		if err := r.extractRound(ctx, recs); err != nil {
			return err
		}
		after = recs[len(recs)-1].N
		r.rep.Extracted += len(recs)
		if r.rep.Extracted > n { // articles added meanwhile
			r.grow(len(recs))
		}
		r.step(len(recs))
	}
}

// extractRound extracts the features of some articles and saves them
// with their terms' new df, the spelling classes they join, and the
// count of articles the vocabulary holds, in one transaction (the terms
// themselves are added first: a term no article counts yet is harmless,
// and is joined to its spellings by the round that counts it).
func (r *run) extractRound(ctx context.Context, recs []*library.Record) error {
	arts := make([]*corpus.Article, len(recs))
	for i, rec := range recs {
		arts[i] = rec.Article
	}
	xs, err := stories.Extract(ctx, arts, r.al, r.workers)
	if err != nil {
		return err
	}
	// The round's terms, in the order they first appear.
	var texts, blocks []string
	at := map[string]int{}
	for _, x := range xs {
		for _, t := range x.Terms {
			if _, ok := at[t]; !ok {
				at[t] = len(texts)
				texts = append(texts, t)
				blocks = append(blocks, stories.TermBlock(t))
			}
		}
	}
	terms, err := r.lib.AddTerms(ctx, texts, blocks)
	if err != nil {
		return err
	}
	classes, err := r.joinSpellings(ctx, terms)
	if err != nil {
		return err
	}
	b := library.FeatureBatch{DF: map[int64]int64{}, Classes: classes}
	for i, x := range xs {
		ids := make([]int64, len(x.Terms))
		for k, t := range x.Terms {
			ids[k] = terms[at[t]].ID
			b.DF[ids[k]]++
		}
		data, err := x.Encode(ids)
		if err != nil {
			return fmt.Errorf("article %s: %w", recs[i].Article.ID, err)
		}
		b.Features = append(b.Features, library.Features{ID: recs[i].Article.ID, Version: r.version, Data: data})
	}
	counted, _, err := r.lib.GroupingState(ctx, keyCounted)
	if err != nil {
		return err
	}
	n, err := atoiState(keyCounted, counted)
	if err != nil {
		return err
	}
	b.State = map[string]string{keyCounted: itoa(n + len(recs))}
	err = r.lib.SaveFeatureBatch(ctx, b)
	if errors.Is(err, library.ErrFeatured) {
		return nil // another grouping extracted them meanwhile, and counted them
	}
	return err
}

// joinSpellings finds the classes the round's new terms (those no article
// counts yet) join: each name joins the terms of its block it is a
// spelling of and the alias entities it spells (added as terms when
// none is yet), and a class keeps its smallest id. It returns the
// relabelling of classes for the library.
func (r *run) joinSpellings(ctx context.Context, terms []library.Term) (map[int64]int64, error) {
	var fresh []library.Term
	var blocks []string
	for _, t := range terms {
		if t.DF == 0 && t.Block != "" {
			fresh = append(fresh, t)
			blocks = append(blocks, t.Block)
		}
	}
	if len(fresh) == 0 {
		return nil, nil
	}
	slices.Sort(blocks)
	inBlocks, err := r.lib.TermsInBlocks(ctx, slices.Compact(blocks))
	if err != nil {
		return nil, err
	}
	byBlock := map[string][]string{}
	classOf := map[string]int64{}
	for _, t := range inBlocks {
		byBlock[t.Block] = append(byBlock[t.Block], t.Text)
		classOf[t.Text] = t.Class
	}
	var links [][2]string
	var aliases []string
	for _, t := range fresh {
		for _, o := range stories.SpellingLinks(t.Text, byBlock[t.Block], r.al) {
			links = append(links, [2]string{t.Text, o})
			if _, ok := classOf[o]; !ok && !slices.Contains(aliases, o) {
				aliases = append(aliases, o)
			}
		}
	}
	if len(aliases) > 0 {
		ts, err := r.lib.AddTerms(ctx, aliases, make([]string, len(aliases)))
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			classOf[t.Text] = t.Class
		}
	}
	u := classUnion{}
	for _, l := range links {
		u.join(classOf[l[0]], classOf[l[1]])
	}
	return u.relabels(), nil
}

// classUnion joins classes, each numbered by its smallest id.
type classUnion map[int64]int64

func (u classUnion) find(c int64) int64 {
	for {
		p, ok := u[c]
		if !ok || p == c {
			return c
		}
		c = p
	}
}

func (u classUnion) join(a, b int64) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	u[rb] = ra
	if _, ok := u[ra]; !ok {
		u[ra] = ra
	}
}

// relabels maps every class that joined another to the class it is now.
func (u classUnion) relabels() map[int64]int64 {
	out := map[int64]int64{}
	for c := range u {
		if root := u.find(c); root != c {
			out[c] = root
		}
	}
	return out
}
