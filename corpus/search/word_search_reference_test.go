package search

import (
	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// scanWords is the plain reference for Words: it reads every body, finds
// the terms with the same matcher the snippets use, and scores with the
// same BM25. Tests check that the index returns exactly the same.
func scanWords(articles []*corpus.Article, query string, prefix bool) []docScore {
	wq := parseQuery(query, prefix)
	if len(wq.terms) == 0 || len(articles) == 0 {
		return nil
	}
	n := len(articles)
	tfs := make([][]int32, n)
	lens := make([]int32, n)
	dfs := make([]int32, len(wq.terms))
	var total int64
	for d, a := range articles {
		row := make([]int32, len(wq.terms))
		for _, p := range a.Body {
			ws := textnorm.Words(p.Text)
			lens[d] += int32(len(ws))
			for _, o := range occurrences(ws, &wq) {
				row[o.term]++
			}
		}
		total += int64(lens[d])
		for i, tf := range row {
			if tf > 0 {
				dfs[i]++
			}
		}
		tfs[d] = row
	}
	avgdl := 1.0
	if total > 0 {
		avgdl = float64(total) / float64(n)
	}
	idfs := make([]float64, len(dfs))
	for i, df := range dfs {
		idfs[i] = idf(df, n)
	}
	var out []docScore
	for d, row := range tfs {
		all := true
		var m int32
		for _, tf := range row {
			if tf == 0 {
				all = false
				break
			}
			m += tf
		}
		if all {
			out = append(out, docScore{doc: int32(d), matches: m, score: bm25(row, idfs, lens[d], avgdl)})
		}
	}
	sortScores(out)
	return out
}
