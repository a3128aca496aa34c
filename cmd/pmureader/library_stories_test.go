package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pmureader/pmureader/corpus/library"
)

// add groups what it stores into the library's kept stories, and the
// commands that read the library show those stories: the same as the
// in-memory grouping of the same files.
func TestLibraryKeepsStories(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	seedsDir := filepath.Join("..", "..", "seeds")
	inproc(t, lib, "add", seedsDir).want(t, 0, "add")

	l, err := library.Open(context.Background(), lib, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := l.Stories(context.Background())
	l.Close()
	if err != nil || len(kept) == 0 {
		t.Fatalf("after add, the library keeps %d stories (%v)", len(kept), err)
	}

	members := func(args ...string) map[string][]string {
		t.Helper()
		r := inproc(t, lib, append([]string{"stories", "--json"}, args...)...)
		r.want(t, 0, "stories")
		var doc struct {
			Stories []struct {
				ID       string   `json:"id"`
				Articles []string `json:"articles"`
			} `json:"stories"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for _, s := range doc.Stories {
			out[s.ID] = s.Articles
		}
		return out
	}
	fromLibrary, inMemory := members(), members("--", seedsDir)
	if !reflect.DeepEqual(fromLibrary, inMemory) {
		t.Errorf("the library's stories %v, the files' %v", fromLibrary, inMemory)
	}
	if len(fromLibrary) != len(kept) {
		t.Errorf("stories printed %d stories, the library keeps %d", len(fromLibrary), len(kept))
	}
}
