package feed

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// addSeeds adds every sample feed in testdata (and testdata/fuzz keeps
// what the fuzzer found).
func addSeeds(f *testing.F) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>x<br>y</p></div></content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,"url":"/a","content_text":"\u001b[2J"}]}`))
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00>\x00"))
}

// FuzzParse: Parse never panics; it returns a feed that keeps the promises
// of checkInvariants, or one of its errors, safe to print.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "", "https://example.org/feed")
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNotFeed) && !errors.Is(err, ErrNoItems) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if !textnorm.Safe(err.Error()) {
				t.Fatalf("error not safe to print: %q", err)
			}
			return
		}
		checkInvariants(t, "fuzz", feed)
	})
}

// FuzzParseOPML: ParseOPML never panics; subscriptions have http(s)
// addresses and safe one-line titles.
func FuzzParseOPML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ParseOPML(data, "", "https://example.org/list.opml")
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNotOPML) && !errors.Is(err, ErrNoFeeds) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if !textnorm.Safe(err.Error()) {
				t.Fatalf("error not safe to print: %q", err)
			}
			return
		}
		if len(o.Subscriptions) == 0 || !textnorm.Safe(o.Title) {
			t.Fatalf("%+v", o)
		}
		for _, s := range o.Subscriptions {
			if resolveLink(nil, s.FeedURL) != s.FeedURL || !textnorm.Safe(s.Title) {
				t.Fatalf("subscription %+v", s)
			}
			for _, folder := range s.Folders {
				if !textnorm.Safe(folder) || folder == "" {
					t.Fatalf("folder %q", folder)
				}
			}
		}
		for _, p := range o.Problems {
			if !textnorm.Safe(p) {
				t.Fatalf("problem %q", p)
			}
		}
	})
}
