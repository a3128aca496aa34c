// Package seedtest gives tests the bundled corpus as pmureader loads it,
// and names its articles, so that tests of several packages (story
// grouping, comparison) say which seed they mean the same way. Only tests
// import it; it imports corpus and seeds.
package seedtest

import (
	"context"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/seeds"
)

// Bundled-corpus article ids (see ../shared/seeds/PROVENANCE.md).
const (
	Duran   = "000_7f156dedb77d178e"   // 2017 strike, stands alone
	Iranian = "001_dca753b7094c4e72"   // 29 Dec 2019 strikes, AHT via Iranian.com
	PMU     = "002_521e8e9ae6276b4b"   // May 2021 US–PMU tension
	Gaza    = "002_521e8e9ae6276b4b-2" // the Gaza item of the same file
	Antiwar = "003_a3f0896ac364095c"   // 29 Dec 2019 strikes, Antiwar.com
	Vice    = "004_f3682412e17b471f"   // June 2021 border strikes
)

// Load loads the bundled corpus the way pmureader does.
func Load(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatalf("load seeds: %v", err)
	}
	return c
}

// Articles returns the named seed articles, in the order given.
func Articles(t testing.TB, ids ...string) []*corpus.Article {
	t.Helper()
	c := Load(t)
	out := make([]*corpus.Article, 0, len(ids))
	for _, id := range ids {
		a, ok := c.ByID(id)
		if !ok {
			t.Fatalf("seed %s not loaded", id)
		}
		out = append(out, a)
	}
	return out
}
