package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// compare and stories over the library read the bodies of the articles
// they compare and nothing more: with one stored article's document
// damaged, comparing two others and listing the stories still work (and
// give what they give with the damage undone), while showing the damaged
// one fails naming it. Before, both read every article's body, which on a
// library of a million is minutes and gigabytes.
func TestLibraryCommandsReadOnlyWhatTheyShow(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	inproc(t, lib, "add", filepath.Join("..", "..", "seeds")).want(t, 0, "add")
	wantCompare := inproc(t, lib, "compare", "001", "003", "--json")
	wantCompare.want(t, 0, "compare")
	wantStories := inproc(t, lib, "stories", "--json")
	wantStories.want(t, 0, "stories")

	damage(t, lib, "002")
	got := inproc(t, lib, "compare", "001", "003", "--json")
	got.want(t, 0, "compare", "001", "003")
	if got.stdout != wantCompare.stdout {
		t.Errorf("compare 001 003 changed when article 002 was damaged:\n%s\nwas\n%s", got.stdout, wantCompare.stdout)
	}
	var doc struct {
		Comparison struct {
			Rows []json.RawMessage `json:"rows"`
		} `json:"comparison"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &doc); err != nil || len(doc.Comparison.Rows) == 0 {
		t.Fatalf("compare printed no rows (%v)", err)
	}
	st := inproc(t, lib, "stories", "--json")
	st.want(t, 0, "stories")
	if st.stdout != wantStories.stdout {
		t.Errorf("stories changed when article 002 was damaged:\n%s\nwas\n%s", st.stdout, wantStories.stdout)
	}
	shown := inproc(t, lib, "compare", "001", "002")
	if shown.code == 0 || !strings.Contains(shown.stderr, "002") {
		t.Errorf("compare 001 002 with 002 damaged: exit %d, stderr %q; want a failure naming 002", shown.code, shown.stderr)
	}
}

// damage overwrites the stored document of the article whose id starts
// with prefix with bytes that do not decode.
func damage(t *testing.T, lib, prefix string) {
	t.Helper()
	db, err := sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(`UPDATE documents SET doc = x'ffff00ff' WHERE n = (SELECT n FROM articles WHERE id LIKE ? || '%')`, prefix)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("damaged %d documents, want 1", n)
	}
}

// list --json over the library reads headers and each body as it prints
// it; the document is byte for byte the one printed from every article
// read whole first.
func TestLibraryListJSONStreamsBodies(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	inproc(t, lib, "add", filepath.Join("..", "..", "seeds")).want(t, 0, "add")
	print := func(load func(*app, context.Context, []string) (*corpus.Corpus, error)) string {
		t.Helper()
		var out bytes.Buffer
		a := newApp(&out, io.Discard, func(k string) string { return map[string]string{"PMUREADER_LIBRARY": lib}[k] })
		c, err := load(a, context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.printList(context.Background(), c, true, storyNames{}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	whole, streamed := print((*app).load), print((*app).loadHeaders)
	if streamed != whole {
		t.Errorf("list --json from headers differs from list --json from whole articles:\n%s\n---\n%s", streamed, whole)
	}
	if !strings.Contains(streamed, `"paragraphs"`) || strings.Count(streamed, `"id"`) < 5 {
		t.Errorf("list --json printed no paragraphs or too few articles:\n%.400s", streamed)
	}
}

// search --title over a library too large to read whole searches the
// headers and takes its text tier from the library's index: the same
// articles in the same tiers as over the file, the header tiers in the
// same order (the text tier is ranked by the index's BM25, as a word
// search of the library is).
func TestLargeLibraryTitleSearchReadsHeaders(t *testing.T) {
	src := synthFile(t, 60)
	lib := filepath.Join(t.TempDir(), "library.db")
	importApp(context.Background(), t, lib, nil, "import", src).want(t, exitOK, "import")
	large := func(a *app) { a.lib.smallLibrary = 10 }
	texts := 0
	headerOnly := map[string]string{} // query → output, for the queries no text matched
	for _, q := range []string{"ministry", "killed", "syn 12", "zq"} {
		want := importApp(context.Background(), t, lib, nil, "search", "--title", q, "--json", src)
		got := importApp(context.Background(), t, lib, large, "search", "--title", q, "--json")
		if got.code != want.code {
			t.Fatalf("%q: exit %d from the library, %d from the file\n%s", q, got.code, want.code, got.stderr)
		}
		tiersOf := func(out string) (order []string, tier map[string]string) {
			var doc searchJSON
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("%q: %v\n%s", q, err, out)
			}
			tier = map[string]string{}
			for _, h := range doc.Results {
				tier[h.ID] = h.FoundBy
				if h.FoundBy != "text" {
					order = append(order, h.ID)
				}
			}
			return order, tier
		}
		wo, wt := tiersOf(want.stdout)
		go_, gt := tiersOf(got.stdout)
		if !reflect.DeepEqual(gt, wt) || !slices.Equal(go_, wo) {
			t.Errorf("%q: the library's title search\n%v %v\nthe file's\n%v %v", q, go_, gt, wo, wt)
		}
		inText := 0
		for _, by := range gt {
			if by == "text" {
				inText++
			}
		}
		texts += inText
		if inText == 0 && len(gt) > 0 {
			headerOnly[q] = got.stdout
		}
	}
	if texts == 0 || len(headerOnly) == 0 {
		t.Fatalf("%d text hits, %d queries found by headers alone: a tier is untested", texts, len(headerOnly))
	}
	// With every body gone, what the headers find is unchanged: no body
	// was read for it.
	rawExec(t, lib, "DELETE FROM documents")
	for q, want := range headerOnly {
		got := importApp(context.Background(), t, lib, large, "search", "--title", q, "--json")
		got.want(t, exitOK, "search --title without bodies", q)
		if got.stdout != want {
			t.Errorf("%q without bodies:\n%s\nwith:\n%s", q, got.stdout, want)
		}
	}
}
