package library

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// TestLibraryAndLoaderShareTheRule: one file of records, loaded by
// corpus.Load and added to a library (as pmureader add FILE does, the
// loader keeping every record), gives the same articles kept, the same
// duplicates left out, and the same copies marked.
func TestLibraryAndLoaderShareTheRule(t *testing.T) {
	text := "Rescue teams reached the flooded villages of the northern valley on Friday, two days after the river burst its banks, and began moving about 2,000 residents to schools on higher ground."
	other := "The main road to the valley remained closed, the regional police said, and supplies were being brought in by boat and by helicopter from the airfield at Kessel on Saturday."
	recs := []string{
		`{"id": "orig", "title": "Floods", "outlet": "Wire", "url": "https://wire.example/a", "text": "` + text + `"}`,
		`{"id": "again", "title": "Floods again", "outlet": "WIRE", "text": "` + strings.ToUpper(text) + `"}`,
		`{"id": "other", "title": "Valley floods", "outlet": "Echo", "text": "` + text + `"}`,
		`{"id": "print", "title": "Floods", "outlet": "Wire", "url": "https://wire.example/print/a", "text": "` + text + `"}`,
		`{"id": "update", "title": "Floods", "outlet": "Wire", "url": "https://wire.example/a?utm_source=x", "text": "` + other + `"}`,
		`{"id": "fresh", "title": "Roads", "outlet": "Echo", "text": "` + other + ` More."}`,
	}
	path := filepath.Join(t.TempDir(), "records.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(recs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	loaded, err := corpus.Load(ctx, []string{path}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // kept id -> copy of
	for _, a := range loaded.Articles {
		want[a.ID] = a.CopyOf
	}
	all, err := corpus.Load(ctx, []string{path}, corpus.Options{KeepDuplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := openTemp(t)
	res := mustAdd(t, l, all.Articles...)
	got := map[string]string{}
	for _, a := range res.Added {
		got[a.ID] = a.CopyOf
	}
	if want["other"] != "orig" || want["print"] != "orig" {
		t.Errorf("the loader marked %v: the records no longer test copies", want)
	}
	if !maps.Equal(got, want) {
		t.Errorf("library kept (id: copy of) %v\nloader kept %v", got, want)
	}
	if len(res.Duplicates) != len(loaded.Problems) {
		t.Errorf("library left out %+v, loader %v", res.Duplicates, loaded.Problems)
	}
	if ids := slices.Sorted(maps.Keys(want)); strings.Join(ids, " ") != "fresh orig other print" {
		t.Errorf("the loader kept %v: the records no longer test the rule", ids)
	}
}
