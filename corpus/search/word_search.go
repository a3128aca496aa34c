package search

import (
	"cmp"
	"math"
	"slices"

	"github.com/pmureader/pmureader/corpus"
)

// WordHit is one article whose body contains every term of a word query.
type WordHit struct {
	Article *corpus.Article
	// Index is the article's position in the Index (order of New and Add).
	Index int
	// Score ranks hits: Okapi BM25 (k1 = 1.2, b = 0.75) summed over the
	// query's terms, where a term's frequency is how often it occurs in the
	// body (for a phrase: how often the whole phrase does) and its rarity
	// is taken over all indexed articles. Higher is better; ties keep
	// index order.
	Score float64
	// Matches is how many times the query's terms occur in the body.
	Matches int
	query   *wordQuery
}

// Detail finds the matching paragraphs and cuts a snippet of about width
// runes (<= 0: 80) with the matched words highlighted. It reads the
// article's body again, so it is done on demand, for the hits on screen.
func (h WordHit) Detail(width int) WordDetail {
	paras := make([]string, len(h.Article.Body))
	for i, p := range h.Article.Body {
		paras[i] = p.Text
	}
	return detail(paras, h.query, width)
}

// Words finds the articles whose bodies contain all the words of query, or
// the exact phrase for words in double quotes (ASCII or typographic), and
// returns them best first (see WordHit.Score). Matching is by word key
// (textnorm.Key): case- and accent-insensitive, and "Kata’ib", "Kata'ib"
// and "kataib" are one word; a phrase must lie within one paragraph.
// A query without words returns nil.
func (ix *Index) Words(query string) []WordHit {
	return ix.searchWords(query, false)
}

// WordsPrefix is Words for a query being typed: when the query does not end
// in a space or quote, its last word (outside quotes, 3 or more letters) also
// matches longer words it begins, so "hezb" already finds "Hezbollah".
func (ix *Index) WordsPrefix(query string) []WordHit {
	return ix.searchWords(query, true)
}

// searchWords is Words, and with prefix WordsPrefix.
func (ix *Index) searchWords(query string, prefix bool) []WordHit {
	wq := parseQuery(query, prefix)
	if len(wq.terms) == 0 {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	res := ix.words.search(&wq)
	return ix.wordHits(&wq, res)
}

// docScore is one matching document before it becomes a WordHit.
type docScore struct {
	doc     int32
	matches int32
	score   float64
}

func (ix *Index) wordHits(wq *wordQuery, res []docScore) []WordHit {
	res = radixScores(res)
	out := make([]WordHit, len(res))
	for i, r := range res {
		out[i] = WordHit{
			Article: ix.articles[r.doc],
			Index:   int(r.doc),
			Score:   r.score,
			Matches: int(r.matches),
			query:   wq,
		}
	}
	return out
}

// radixScores orders results, given in document order, by score
// descending, then document, as sortScores does, in linear time: a stable
// least-significant-digit radix sort on the bits of the (positive) scores,
// 16 bits a pass, skipping passes where every digit is the same.
func radixScores(res []docScore) []docScore {
	if len(res) < 256 {
		sortScores(res)
		return res
	}
	tmp := make([]docScore, len(res))
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		digit := func(d docScore) int { return int(^math.Float64bits(d.score) >> shift & 0xffff) }
		clear(count[:])
		for _, d := range res {
			count[digit(d)]++
		}
		if count[digit(res[0])] == len(res) {
			continue
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, d := range res {
			k := digit(d)
			tmp[count[k]] = d
			count[k]++
		}
		res, tmp = tmp, res
	}
	return res
}

// sortScores orders results by score descending, then document.
func sortScores(res []docScore) {
	slices.SortFunc(res, func(a, b docScore) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.doc, b.doc)
	})
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// idf is BM25's rarity weight of a term found in df of n documents.
func idf(df int32, n int) float64 {
	d := float64(df)
	return math.Log(1 + (float64(n)-d+0.5)/(d+0.5))
}

// bm25 scores one document: tfs[i] is term i's frequency in the document
// and idfs[i] its idf; dl is the document's length in words, avgdl the
// mean. Index and plain scan both call it with the same numbers, so their
// scores are identical to the bit.
func bm25(tfs []int32, idfs []float64, dl int32, avgdl float64) float64 {
	var s float64
	norm := bm25K1 * (1 - bm25B + bm25B*float64(dl)/avgdl)
	for i, tf := range tfs {
		t := float64(tf)
		s += idfs[i] * t * (bm25K1 + 1) / (t + norm)
	}
	return s
}
