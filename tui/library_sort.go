package tui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus"
)

// listSorter keeps the library's order up to date as articles arrive: the
// articles are only ever appended, so the new ones are sorted alone and
// merged into the order (linear), where sorting everything again at every
// batch would cost a million-article library seconds on the update loop.
type listSorter struct {
	n       int // the first n articles are in the order
	by      sortKey
	reverse bool
}

// sort returns arts sorted by key (see sortArticles), reusing order when
// it holds a prefix of arts sorted by the same key.
func (s *listSorter) sort(order, arts []*corpus.Article, by sortKey, reverse bool) []*corpus.Article {
	same := s.by == by && s.reverse == reverse && s.n == len(order) && s.n <= len(arts)
	*s = listSorter{n: len(arts), by: by, reverse: reverse}
	if !same {
		return sortArticles(order[:0], arts, by, reverse)
	}
	if len(order) == len(arts) {
		return order
	}
	tail := sortKeyed(arts[len(order):], len(order), by, reverse)
	return mergeSorted(order, tail, by, reverse)
}

// mergeSorted merges the sorted new articles into the sorted order: an
// old article goes before a new one it ties with, as load order has it.
func mergeSorted(order []*corpus.Article, tail []keyed, by sortKey, reverse bool) []*corpus.Article {
	out := make([]*corpus.Article, 0, len(order)+len(tail))
	j := 0
	for i, a := range order {
		k := keyOf(a, i, by) // i is below every new article's load order: that is all a tie needs
		for j < len(tail) && compareSorted(tail[j], k, by, reverse) < 0 {
			out = append(out, tail[j].a)
			j++
		}
		out = append(out, a)
	}
	for ; j < len(tail); j++ {
		out = append(out, tail[j].a)
	}
	return out
}

// keyed is an article with its sort key.
type keyed struct {
	a    *corpus.Article
	k    string
	i    int // load order
	date int64
	has  bool
}

func keyOf(a *corpus.Article, i int, by sortKey) keyed {
	k := keyed{a: a, i: i, has: a.Date.Known()}
	if k.has {
		k.date = a.Date.Time.Unix()
	}
	switch by {
	case sortOutlet:
		k.k = strings.ToLower(a.Outlet)
	case sortTitle:
		k.k = strings.ToLower(a.Title)
	}
	return k
}

// compareSorted orders two keyed articles: newest first by date, A to Z by
// outlet or title (reverse turns either round), with undated articles and
// empty keys last, ties by date (newest first, undated last) then load
// order. Merging
// compares the load order of an old and a new article, and every new
// one comes later.
func compareSorted(x, y keyed, by sortKey, reverse bool) int {
	switch {
	case by == sortDate && x.has != y.has:
		return boolFirst(x.has) // undated last
	case by == sortDate && x.date != y.date:
		return flip(cmp.Compare(y.date, x.date), reverse) // newest first
	case by != sortDate && x.k != y.k && (x.k == "" || y.k == ""):
		return boolFirst(y.k == "") // empty last
	case by != sortDate && x.k != y.k:
		return flip(cmp.Compare(x.k, y.k), reverse)
	case by != sortDate && x.has != y.has:
		return boolFirst(x.has) // undated after dated: without it the order would not be transitive
	case by != sortDate && x.has && x.date != y.date:
		return cmp.Compare(y.date, x.date)
	}
	return cmp.Compare(x.i, y.i)
}

// sortKeyed returns arts (the articles from load position first on)
// with their keys, sorted.
func sortKeyed(arts []*corpus.Article, first int, by sortKey, reverse bool) []keyed {
	ks := make([]keyed, len(arts))
	for i, a := range arts {
		ks[i] = keyOf(a, first+i, by)
	}
	slices.SortFunc(ks, func(x, y keyed) int { return compareSorted(x, y, by, reverse) })
	return ks
}

// sortArticles appends arts to out sorted by key: newest first by date,
// A to Z by outlet or title (reverse turns either round), with undated
// articles and empty keys last and ties in load order.
func sortArticles(out, arts []*corpus.Article, by sortKey, reverse bool) []*corpus.Article {
	for _, k := range sortKeyed(arts, 0, by, reverse) {
		out = append(out, k.a)
	}
	return out
}
