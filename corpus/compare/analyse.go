package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/quantity"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// analysed is one passage with everything scoring needs.
type analysed struct {
	toks  []tokens.Token
	ments []entities.Mention
	figs  []quantity.Quantity
}

// analyse cuts the articles into passages (c.Articles[i].Passages) and
// analyses each: tokens (kept in c.toks for Diff), names resolved across
// the articles (listEntities lists them), and figures, on w workers. It
// returns the analysis, a bound on the word key numbers the workers gave
// (workerKeyIDs), and the resolver.
func (c *Comparison) analyse(articles []*corpus.Article, unit passages.Unit, al *entities.Aliases, w, words int) ([][]analysed, int, *entities.Resolver) {
	n := len(articles)
	an := make([][]analysed, n)
	c.toks = make([][][]tokens.Token, n)
	memos := make([]tokens.Memo, w)
	caps := make([]*entities.Capitalisation, w)
	distinct := distinctWords(words / w)
	for k := range memos {
		memos[k] = make(tokens.Memo, distinct)
		caps[k] = entities.NewCapitalisation()
	}
	pool.ForEach(n, w, func(_, i int) {
		ps := passages.Cut(articles[i], unit)
		c.Articles[i].Passages = ps
		an[i] = make([]analysed, len(ps))
		c.toks[i] = make([][]tokens.Token, len(ps))
	})
	// Passages are handed out one at a time, not articles: a worker the
	// OS sets aside on a busy machine then holds up one passage, not half
	// the comparison.
	refs := c.passageRefs()
	scratch := make([][]tokens.Token, w) // each worker tokenises into its own, then copies out
	pool.ForEach(len(refs), w, func(k, x int) {
		i, j := refs[x].Article, refs[x].Passage
		p := c.Articles[i].Passages[j]
		scratch[k] = tokens.TokenizeInto(scratch[k], p.Text, memos[k])
		an[i][j].toks = workerKeyIDs(slices.Clone(scratch[k]), k, w)
		c.toks[i][j] = an[i][j].toks
		caps[k].Observe(an[i][j].toks, isHeadline(p, an[i][j].toks))
	})
	for _, o := range caps[1:] {
		caps[0].Merge(o)
	}
	res := c.findNamesAndFigures(an, refs, caps[0], al, w)
	keys := 0
	for _, m := range memos {
		keys = max(keys, len(m))
	}
	return an, keys * w, res
}

// distinctWords is about how many distinct words a text of n words has:
// 10 n^0.6 (Heaps' law; a worker's share of two news articles, 1,700
// words, has about 710, of six, 5,400, about 1,600), so that a worker's
// stem memo is made once at about its size (at most 65,536).
func distinctWords(n int) int {
	return min(int(10*math.Pow(float64(max(n, 1)), 0.6)), 1<<16)
}

// passageRefs lists every passage of the comparison, article by article.
func (c *Comparison) passageRefs() []passages.Ref {
	total := 0
	for _, a := range c.Articles {
		total += len(a.Passages)
	}
	refs := make([]passages.Ref, 0, total)
	for i, a := range c.Articles {
		for j := range a.Passages {
			refs = append(refs, passages.Ref{Article: i, Passage: j})
		}
	}
	return refs
}

// workerKeyIDs makes the word key numbers (Token.KeyID) that worker k of w
// gave toks distinct from the other workers': each worker stems with a
// memo of its own, numbered from 0, and KeyID becomes KeyID×w + k. A word
// two workers meet then has two numbers, which costs the featurizer a
// second look-up of it and changes nothing else: what it keeps by number
// depends on the word alone. (A memo shared by the workers took a lock per
// new word, and two workers contending for it were slower than one.)
func workerKeyIDs(toks []tokens.Token, k, w int) []tokens.Token {
	if w == 1 {
		return toks
	}
	for x := range toks {
		if toks[x].KeyID >= 0 {
			toks[x].KeyID = toks[x].KeyID*int32(w) + int32(k)
		}
	}
	return toks
}

// isHeadline reports whether a passage is a headline, whose capitals say
// nothing of names: the title, or a passage in title case (every word but
// function words capitalised, three or more of them: "Red Sox To Break
// Bank For Teixeira"), which is how a headline reads when the scraper left
// it in the body.
func isHeadline(p passages.Passage, toks []tokens.Token) bool {
	if p.Kind == passages.KindTitle {
		return true
	}
	words := 0
	for _, t := range toks {
		if t.Num || t.Stop {
			continue
		}
		if !t.Upper {
			return false
		}
		words++
	}
	return words >= 3
}

// mentionTokens is the tokens names are found in: toks, or for a passage
// in capitals ("RED SOX MAKE HUGE OFFER"), where capitals mark no acronym,
// a copy with the acronym flag cleared, so that only words seen
// capitalised in running text count as names there, as in a headline.
func mentionTokens(toks []tokens.Token) []tokens.Token {
	words := 0
	for _, t := range toks {
		if t.Num {
			continue
		}
		if !t.Caps && t.Stem != "" || !t.Upper {
			return toks
		}
		words++
	}
	if words < 3 {
		return toks
	}
	out := slices.Clone(toks)
	for k := range out {
		out[k].Caps = false
	}
	return out
}

// findNamesAndFigures finds every passage's names (refs lists them), with
// the capitalisation of all the articles, and its figures, on w workers;
// then resolves the names across the articles.
func (c *Comparison) findNamesAndFigures(an [][]analysed, refs []passages.Ref, caps *entities.Capitalisation, al *entities.Aliases, w int) *entities.Resolver {
	docs := make([][][]entities.Mention, len(an))
	for i := range an {
		docs[i] = make([][]entities.Mention, len(an[i]))
	}
	parsers := make([]quantity.Parser, w)
	pool.ForEach(len(refs), w, func(k, x int) {
		i, j := refs[x].Article, refs[x].Passage
		p, a := c.Articles[i].Passages[j], &an[i][j]
		docs[i][j] = entities.FindMentions(p.Text, mentionTokens(a.toks), caps, al, isHeadline(p, a.toks))
		if mayHoldFigures(a.toks) {
			a.figs = parsers[k].Parse(p.Text)
		}
	})
	res := entities.NewResolver(al)
	res.ResolveOn(docs, w)
	for i := range an {
		for j := range an[i] {
			an[i][j].ments = docs[i][j]
		}
	}
	return res
}

// listEntities lists the comparison's entities (c.Entities) from the
// resolved names and returns the wait for the list. On several workers it
// makes the list on a goroutine of its own, beside the rest of build: it
// only reads the names and asks the resolver's Display, which is safe for
// concurrent use, and the terms' serial numbering leaves a core free.
func (c *Comparison) listEntities(an [][]analysed, res *entities.Resolver, w int) (wait func()) {
	if w < 2 {
		c.Entities = entitiesOf(an, res)
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Entities = entitiesOf(an, res)
	}()
	return func() { <-done }
}

// entitiesOf lists the entities named in the compared articles, most
// mentioned first.
func entitiesOf(an [][]analysed, res *entities.Resolver) []Entity {
	type keyed struct {
		key string
		Entity
	}
	var list []keyed
	byKey := map[string]int{} // index in list
	type variant struct{ entity, surface string }
	variants := map[variant]bool{} // one map for all entities' spellings
	for ai, doc := range an {
		for _, p := range doc {
			for _, m := range p.ments {
				x, ok := byKey[m.Entity]
				if !ok {
					x = len(list)
					byKey[m.Entity] = x
					list = append(list, keyed{key: m.Entity, Entity: Entity{Name: res.Display(m.Entity)}})
				}
				e := &list[x].Entity
				e.Mentions++
				if len(e.Articles) == 0 || e.Articles[len(e.Articles)-1] != ai {
					e.Articles = append(e.Articles, ai)
				}
				if v := (variant{m.Entity, m.Surface}); !variants[v] {
					variants[v] = true
					e.Variants = append(e.Variants, m.Surface)
				}
			}
		}
	}
	// Two entities can show the same name ("Syrian" the alias and
	// "Syrian" a name of its own): their keys break the tie, so the order
	// never depends on map iteration.
	slices.SortFunc(list, func(a, b keyed) int {
		if a.Mentions != b.Mentions {
			return cmp.Compare(b.Mentions, a.Mentions)
		}
		if a.Name != b.Name {
			return strings.Compare(a.Name, b.Name)
		}
		return strings.Compare(a.key, b.key)
	})
	out := make([]Entity, len(list))
	for x := range list {
		sort.Strings(list[x].Variants)
		out[x] = list[x].Entity
	}
	return out
}

// mayHoldFigures reports whether a passage has a number or a number word:
// quantity finds no figure in the others, so they are not parsed.
func mayHoldFigures(toks []tokens.Token) bool {
	for _, t := range toks {
		if t.Num || quantity.IsNumberWord(t.Key) {
			return true
		}
	}
	return false
}
