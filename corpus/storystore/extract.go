package storystore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// extractBatch is how many articles one round of extraction reads and
// saves: each round is one transaction.
const extractBatch = 500

// maxKnownTerms bounds the terms a run remembers as counted (a few tens
// of MB of text); past it, further terms are looked up in the library.
const maxKnownTerms = 1 << 20

// A round is one batch of articles to extract, in the order they were
// added, with their features once extracted.
type round struct {
	recs []*library.Record
	xs   []stories.Extracted
}

// extractNew extracts and saves the features of every article numbered
// above after that has none of the current version, in rounds, in the
// order articles were added, numbering their new terms and joining
// spellings as it goes. Reading the next batch and extracting it overlap
// with saving the one before (see extractAhead); the saves, which number
// the terms, run in order on this goroutine, so the library ends as a
// one-stage loop would leave it.
func (r *run) extractNew(ctx context.Context, after int64) (err error) {
	n, err := r.lib.UnfeaturedCount(ctx, r.version, after)
	if err != nil || n == 0 {
		return err
	}
	r.grow(n)
	ctx, cancel := context.WithCancel(ctx)
	rounds, wait := r.extractAhead(ctx, after)
	defer func() {
		cancel()
		for range rounds { // let the stages see the cancel and stop
		}
		err = cmp.Or(err, wait())
	}()
	for rd := range rounds {
		if err := r.saveRound(ctx, rd); err != nil {
			return err
		}
		r.rep.Extracted += len(rd.recs)
		if r.rep.Extracted > n { // articles added meanwhile
			r.grow(len(rd.recs))
		}
		r.step(len(rd.recs))
	}
	return nil
}

// extractAhead reads the unfeatured articles numbered above after, a
// batch at a time, and extracts their features, each stage on its own
// goroutine and a batch ahead of the next, so that reading, extracting
// and saving use both cores. Rounds come in article order until there
// are no more or a stage fails; wait, called once rounds is drained,
// returns the first stage's error after both have stopped.
func (r *run) extractAhead(ctx context.Context, after int64) (rounds <-chan round, wait func() error) {
	batches := make(chan []*library.Record, 1)
	out := make(chan round, 1)
	var readErr, extractErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		readErr = r.readUnfeatured(ctx, after, batches)
	})
	wg.Go(func() {
		defer close(out)
		extractErr = r.extractBatches(ctx, batches, out)
	})
	return out, func() error {
		wg.Wait()
		return cmp.Or(extractErr, readErr)
	}
}

// readUnfeatured sends the unfeatured articles numbered above after, in
// batches, until none is left.
func (r *run) readUnfeatured(ctx context.Context, after int64, batches chan<- []*library.Record) error {
	for {
		recs, err := r.lib.UnfeaturedArticles(ctx, r.version, after, extractBatch)
		if err != nil || len(recs) == 0 {
			return err
		}
		select {
		case batches <- recs:
		case <-ctx.Done():
			return ctx.Err()
		}
		after = recs[len(recs)-1].N
	}
}

// extractBatches extracts the features of each batch and sends them on.
func (r *run) extractBatches(ctx context.Context, batches <-chan []*library.Record, out chan<- round) error {
	for recs := range batches {
		arts := make([]*corpus.Article, len(recs))
		for i, rec := range recs {
			arts[i] = rec.Article
		}
		xs, err := stories.Extract(ctx, arts, r.al, r.workers)
		if err != nil {
			return err
		}
		select {
		case out <- round{recs, xs}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// saveRound saves a round's features with their terms' new df, the
// spelling classes they join, and the count of articles the vocabulary
// holds, in one transaction (the terms themselves are added first: a
// term no article counts yet is harmless, and is joined to its spellings
// by the round that counts it).
func (r *run) saveRound(ctx context.Context, rd round) error {
	texts, ids, classes, err := r.numberTerms(ctx, rd.xs)
	if err != nil {
		return err
	}
	at := make(map[string]int64, len(texts))
	for k, t := range texts {
		at[t] = ids[k]
	}
	b := library.FeatureBatch{DF: map[int64]int64{}, Classes: classes}
	for i, x := range rd.xs {
		xids := make([]int64, len(x.Terms))
		for k, t := range x.Terms {
			xids[k] = at[t]
			b.DF[xids[k]]++
		}
		data, err := x.Encode(xids)
		if err != nil {
			return fmt.Errorf("article %s: %w", rd.recs[i].Article.ID, err)
		}
		b.Features = append(b.Features, library.Features{ID: rd.recs[i].Article.ID, Version: r.version, Data: data})
	}
	counted, _, err := r.lib.GroupingState(ctx, keyCounted)
	if err != nil {
		return err
	}
	n, err := atoiState(keyCounted, counted)
	if err != nil {
		return err
	}
	b.State = map[string]string{keyCounted: itoa(n + len(rd.recs))}
	err = r.lib.SaveFeatureBatch(ctx, b)
	if errors.Is(err, library.ErrFeatured) {
		return nil // another grouping extracted them meanwhile, and counted them
	}
	if err == nil {
		r.remember(texts, ids)
	}
	return err
}

// numberTerms returns the round's terms, in the order they first appear,
// with their ids: those a saved round counted are known, the others are
// added to the library, and classes is the relabelling of spelling
// classes their joining needs.
func (r *run) numberTerms(ctx context.Context, xs []stories.Extracted) (texts []string, ids []int64, classes map[int64]int64, err error) {
	seen := map[string]bool{}
	var fresh []int // indexes in texts of the terms not known
	var freshTexts, blocks []string
	for _, x := range xs {
		for _, t := range x.Terms {
			if seen[t] {
				continue
			}
			seen[t] = true
			id, ok := r.known[t]
			if !ok {
				fresh = append(fresh, len(texts))
				freshTexts = append(freshTexts, t)
				blocks = append(blocks, stories.TermBlock(t))
			}
			texts, ids = append(texts, t), append(ids, id)
		}
	}
	terms, err := r.lib.AddTerms(ctx, freshTexts, blocks)
	if err != nil {
		return nil, nil, nil, err
	}
	for j, t := range terms {
		ids[fresh[j]] = t.ID
	}
	classes, err = r.joinSpellings(ctx, terms)
	return texts, ids, classes, err
}

// remember keeps the ids of terms a saved round counted: their df is
// above zero now, so a later round only needs the id (joinSpellings
// joins a term when it is first counted). Articles removed by another
// process meanwhile could bring a df back to zero; the term then joins
// its spellings at the next regroup rather than now.
func (r *run) remember(texts []string, ids []int64) {
	if r.known == nil {
		r.known = map[string]int64{}
	}
	for k, t := range texts {
		if len(r.known) >= maxKnownTerms {
			return
		}
		r.known[t] = ids[k]
	}
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
