package stories

import (
	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
)

// clusters is the grouping of articles as average linkage grows it.
type clusters struct {
	docs    []storyDoc
	of      []int   // article → cluster
	members [][]int // cluster → articles; nil once merged away
}

// newClusters starts the grouping: the articles pinned to one story (by
// metadata) in one cluster, every other article alone, clusters numbered
// in the order of their first article.
func newClusters(docs []storyDoc) *clusters {
	c := &clusters{docs: docs, of: make([]int, len(docs)), members: make([][]int, 0, len(docs))}
	pinOf := map[string]int{}
	for i, d := range docs {
		if p := d.a.Story; p != "" {
			if k, ok := pinOf[p]; ok {
				c.of[i] = k
				c.members[k] = append(c.members[k], i)
				continue
			}
			pinOf[p] = len(c.members)
		}
		c.of[i] = len(c.members)
		c.members = append(c.members, []int{i})
	}
	return c
}

// similarity is the similarity of articles i and j: the cosine of their
// vectors scaled by the distance of their dates.
func similarity(docs []storyDoc, i, j int) float64 {
	return tfidf.Dot(docs[i].vec, docs[j].vec) * dateFactor(docs[i], docs[j])
}

// link grows the clusters by average linkage over the candidate edges,
// best first, down to thr: an edge joins its two clusters when they may
// join (canJoin) and the mean similarity of their articles' pairs reaches
// thr. The smaller cluster moves into the larger (the first on ties).
func (c *clusters) link(edges []edge, thr float64, sameOutlet bool) {
	for _, e := range edges {
		if e.s < thr {
			break
		}
		a, b := c.of[e.i], c.of[e.j]
		if a == b || !c.canJoin(a, b, sameOutlet) || c.meanLink(a, b, e) < thr {
			continue
		}
		if len(c.members[a]) < len(c.members[b]) {
			a, b = b, a
		}
		for _, y := range c.members[b] {
			c.of[y] = a
		}
		c.members[a] = append(c.members[a], c.members[b]...)
		c.members[b] = nil
	}
}

// canJoin reports whether clusters a and b may form one story: never two
// different pins, and, unless sameOutlet, never two articles of one outlet
// (articles without an outlet, and republications, Article.CopyOf, which
// are no account of their own, are never restricted).
func (c *clusters) canJoin(a, b int, sameOutlet bool) bool {
	pa, pb := c.docs[c.members[a][0]].a.Story, c.docs[c.members[b][0]].a.Story
	if pa != "" && pb != "" && pa != pb {
		return false
	}
	if sameOutlet {
		return true
	}
	for _, x := range c.members[a] {
		ox := account(c.docs[x].a)
		if ox == "" {
			continue
		}
		for _, y := range c.members[b] {
			if account(c.docs[y].a) == ox {
				return false
			}
		}
	}
	return true
}

// account is the outlet an article counts for in the one-article-per-outlet
// rule: its outlet, or "" (no restriction) for a republication.
func account(a *corpus.Article) string {
	if a.CopyOf != "" {
		return ""
	}
	return a.Outlet
}

// meanLink is the mean similarity of the pairs of articles of clusters a
// and b, taking the edge's own score for the edge's pair.
func (c *clusters) meanLink(a, b int, e edge) float64 {
	var sum float64
	for _, x := range c.members[a] {
		for _, y := range c.members[b] {
			if (x == int(e.i) && y == int(e.j)) || (x == int(e.j) && y == int(e.i)) {
				sum += e.s
			} else {
				sum += similarity(c.docs, x, y)
			}
		}
	}
	return sum / float64(len(c.members[a])*len(c.members[b]))
}
