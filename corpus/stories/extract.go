package stories

import (
	"context"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// Term texts carry their kind: stems and names are terms of their own
// kinds and never meet.
const (
	stemKind   = "w:"
	entityKind = "e:"
)

// termCount is a term of an article and its weighted count: the title
// and dek count twice.
type termCount struct {
	id int32 // the extractor's term number, or the vocabulary's id
	n  int32
}

// extractor is one worker's state while extracting features: its memo,
// the term texts it has numbered, and scratch buffers.
//
// An article's features depend on the article alone (and the alias
// table): its stems, and its names as the article itself capitalises
// them (a headline word counts as a name when the article writes it
// capitalised in running text; a sentence start when it does so
// elsewhere). They are computed once, when the article is added, and
// stored; nothing a later article brings changes them.
type extractor struct {
	al     *entities.Aliases
	memo   tokens.Memo
	stemOf []int32 // memo key number (Token.KeyID) → term number of its stem, -1 until needed
	stemID map[string]int32
	entID  map[string]int32
	texts  []string // term number → text, kind first
	seenAt []int32  // term number → the stamp of the article that last counted it
	slot   []int32  // term number → its position in that article's terms
	stamp  int32
	toks   [][]tokens.Token // part → its words, reused
}

func newExtractor(al *entities.Aliases) *extractor {
	return &extractor{al: al, memo: make(tokens.Memo, 4096), stemID: make(map[string]int32, 4096),
		entID: make(map[string]int32, 1024)}
}

// extract lists an article's terms with their counts, in the order they
// first appear: part by part (title, dek, paragraphs), a part's new stems
// before its names (an entity counts once per mention).
func (x *extractor) extract(a *corpus.Article) []termCount {
	x.stamp++
	nparts := 2 + len(a.Body)
	for len(x.toks) < nparts {
		x.toks = append(x.toks, nil)
	}
	caps := entities.NewCapitalisation()
	for k := 0; k < nparts; k++ {
		x.toks[k] = x.toks[k][:0]
		if text := partText(a, k); text != "" {
			x.toks[k] = tokens.TokenizeInto(x.toks[k], text, x.memo)
			caps.Observe(x.toks[k], k == 0)
		}
	}
	doc := make([][]entities.Mention, nparts)
	for k := range doc {
		if text := partText(a, k); text != "" {
			doc[k] = entities.FindMentions(text, x.toks[k], caps, x.al, k == 0)
		}
	}
	entities.DocumentKeys(doc)
	var out []termCount
	for k := 0; k < nparts; k++ {
		w := partWeight(k)
		for _, t := range x.toks[k] {
			if t.Stem != "" {
				out = x.count(out, x.stemTerm(t), w)
			}
		}
		for _, m := range doc[k] {
			out = x.count(out, x.entityTerm(m.Entity), w)
		}
	}
	return out
}

// count adds w to term id's count in out, appending it when the article
// has not had it yet.
func (x *extractor) count(out []termCount, id, w int32) []termCount {
	if x.seenAt[id] == x.stamp {
		out[x.slot[id]].n += w
		return out
	}
	x.seenAt[id] = x.stamp
	x.slot[id] = int32(len(out))
	return append(out, termCount{id, w})
}

// newTerm numbers a term text.
func (x *extractor) newTerm(text string) int32 {
	id := int32(len(x.texts))
	x.texts = append(x.texts, text)
	x.seenAt = append(x.seenAt, 0)
	x.slot = append(x.slot, 0)
	return id
}

// stemTerm is the term number of a word's stem. A word's stem depends on
// its key alone: it is looked up once per key (t.KeyID numbers the
// memo's keys).
func (x *extractor) stemTerm(t tokens.Token) int32 {
	for int(t.KeyID) >= len(x.stemOf) {
		x.stemOf = append(x.stemOf, -1)
	}
	id := x.stemOf[t.KeyID]
	if id < 0 {
		var ok bool
		if id, ok = x.stemID[t.Stem]; !ok {
			id = x.newTerm(stemKind + t.Stem)
			x.stemID[t.Stem] = id
		}
		x.stemOf[t.KeyID] = id
	}
	return id
}

// entityTerm is the term number of a document key.
func (x *extractor) entityTerm(key string) int32 {
	id, ok := x.entID[key]
	if !ok {
		id = x.newTerm(entityKind + key)
		x.entID[key] = id
	}
	return id
}

// extraction is the features of several articles, each as the term
// numbers of the worker that extracted it.
type extraction struct {
	workers []*extractor
	worker  []int32 // article → its worker
	terms   [][]termCount
}

// text is the text of an article's term number.
func (e *extraction) text(article int, id int32) string {
	return e.workers[e.worker[article]].texts[id]
}

// extractAll extracts the features of articles on w workers.
func extractAll(ctx context.Context, articles []*corpus.Article, al *entities.Aliases, w int, prog *progress) (*extraction, error) {
	e := &extraction{workers: make([]*extractor, w), worker: make([]int32, len(articles)), terms: make([][]termCount, len(articles))}
	for k := range e.workers {
		e.workers[k] = newExtractor(al)
	}
	stop := &canceller{ctx: ctx}
	pool.Blocks(len(articles), w, func(k, _, lo, hi int) {
		if stop.stopped() {
			return
		}
		for i := lo; i < hi; i++ {
			e.worker[i] = int32(k)
			e.terms[i] = e.workers[k].extract(articles[i])
		}
		prog.add(hi - lo)
	})
	if stop.cancelled() {
		return nil, ctx.Err()
	}
	return e, nil
}

// partWeight is how much a word of part k counts: the title and dek
// twice.
func partWeight(k int) int32 {
	if k < 2 {
		return 2
	}
	return 1
}

// partText is part k of an article as grouping reads it: the title, the
// dek, then the body paragraphs.
func partText(a *corpus.Article, k int) string {
	switch k {
	case 0:
		return a.Title
	case 1:
		return a.Dek
	}
	return a.Body[k-2].Text
}
