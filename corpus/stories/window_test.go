package stories

import (
	"context"
	"reflect"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
)

// stored extracts, numbers and encodes articles as a store would keep
// them, article n being articles[n-1], and returns them with the
// statistics.
func stored(t testing.TB, articles []*corpus.Article) ([]Stored, *Stats) {
	t.Helper()
	xs, err := Extract(context.Background(), articles, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	v := newVocabulary()
	out := make([]Stored, len(articles))
	for i, x := range xs {
		ids := make([]int64, len(x.Terms))
		for k, text := range x.Terms {
			id := v.id(text)
			v.df[id]++
			ids[k] = int64(id)
		}
		data, err := x.Encode(ids)
		if err != nil {
			t.Fatal(err)
		}
		a := articles[i]
		out[i] = Stored{N: int64(i + 1), ID: a.ID, Unix: a.Date.Time.Unix(), Dated: a.Date.Known(), Data: data}
	}
	classes := v.classes(nil)
	terms := make([]TermStat, len(v.texts))
	for id := range terms {
		terms[id] = TermStat{ID: int64(id), Class: int64(classes[id]), DF: int64(v.df[id])}
	}
	st, err := NewStats(len(articles), terms)
	if err != nil {
		t.Fatal(err)
	}
	return out, st
}

// Scanning each article in a window that holds only its reach, and
// clustering each component apart, gives Group's stories.
func TestWindowMatchesGroup(t *testing.T) {
	ctx := context.Background()
	arts := synth.MixedDates(600, 3)
	want, err := Group(ctx, arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs, st := stored(t, arts)
	var edges []Edge
	for _, f := range fs {
		w := NewWindow(st)
		var near []Stored
		from, to := ScanSpan(f.Unix, 183, 183)
		for _, g := range fs {
			if g.Dated && f.Dated && g.Unix >= from && g.Unix <= to || !g.Dated && !f.Dated {
				near = append(near, g)
			}
		}
		if err := w.Add(ctx, near, 1); err != nil {
			t.Fatal(err)
		}
		es, err := w.Scan(ctx, []int64{f.N}, DefaultThreshold, 1)
		if err != nil {
			t.Fatal(err)
		}
		edges = append(edges, es...)
	}
	all := NewWindow(st)
	if err := all.Add(ctx, fs, 0); err != nil {
		t.Fatal(err)
	}
	// Components: edges that reach the threshold, and pins.
	u := newUnion(len(fs) + 1)
	for _, e := range edges {
		if e.Score >= DefaultThreshold {
			u.join(int32(e.A), int32(e.B))
		}
	}
	firstOfPin := map[string]int32{}
	for i, a := range arts {
		if a.Story != "" {
			if p, ok := firstOfPin[a.Story]; ok {
				u.join(p, int32(i+1))
			} else {
				firstOfPin[a.Story] = int32(i + 1)
			}
		}
	}
	comps := map[int32][]int64{}
	for n := int64(1); n <= int64(len(fs)); n++ {
		comps[u.find(int32(n))] = append(comps[u.find(int32(n))], n)
	}
	var got []Story
	storyOf := map[int64]string{}
	numberOf := map[string]int64{}
	for i, a := range arts {
		numberOf[a.ID] = int64(i + 1)
	}
	for _, ns := range comps {
		ss, members, err := all.Cluster(ns, edges, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for k, s := range ss {
			for x, id := range s.Articles {
				if members[k][x] != numberOf[id] {
					t.Fatalf("story %s: member %s numbered %d, want %d", s.ID, id, members[k][x], numberOf[id])
				}
				storyOf[numberOf[id]] = s.ID
			}
		}
		got = append(got, ss...)
	}
	best := map[string]map[string]float64{}
	for _, e := range edges {
		a, b := storyOf[e.A], storyOf[e.B]
		if a == b || e.Content < DefaultThreshold {
			continue
		}
		for _, p := range [2][2]string{{a, b}, {b, a}} {
			if best[p[0]] == nil {
				best[p[0]] = map[string]float64{}
			}
			best[p[0]][p[1]] = max(best[p[0]][p[1]], e.Content)
		}
	}
	for i := range got {
		got[i].Related = RankRelated(best[got[i].ID])
	}
	sortStories(got)
	if len(got) != len(want) {
		t.Fatalf("%d stories, want %d", len(got), len(want))
	}
	joined := 0
	for i := range want {
		// The window's articles know their dates in UTC only.
		if !got[i].Start.Time.Equal(want[i].Start.Time) || !got[i].End.Time.Equal(want[i].End.Time) {
			t.Fatalf("story %d spans %v–%v, want %v–%v", i, got[i].Start, got[i].End, want[i].Start, want[i].End)
		}
		got[i].Start, got[i].End = want[i].Start, want[i].End
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("story %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
		if len(want[i].Articles) > 1 {
			joined++
		}
	}
	if joined < len(want)/4 {
		t.Errorf("only %d of %d stories have several articles: the test shows little", joined, len(want))
	}
}
