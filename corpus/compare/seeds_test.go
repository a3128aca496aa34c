package compare

import (
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

// seedPart says where one article sits in a seed file (1-based lines, from
// ../shared/seeds/PROVENANCE.md) and its metadata, so that these tests do
// not depend on the loader's cleaning rules.
type seedPart struct {
	id, file     string
	title, dek   int // line numbers; 0 = none
	titleText    string
	first, last  int // body lines
	subheads     []int
	outlet, date string
	precision    corpus.Precision
	event        string
}

var seedParts = []seedPart{
	{id: "000_7f156dedb77d178e", file: "000_7f156dedb77d178e.txt", title: 3, first: 7, last: 34,
		outlet: "The Duran", date: "2017-08-08", precision: corpus.PrecisionApproximate},
	{id: "001_dca753b7094c4e72", file: "001_dca753b7094c4e72.txt", title: 1, first: 3, last: 59, subheads: []int{35},
		outlet: "Iranian.com", date: "2020-01-02", precision: corpus.PrecisionDay},
	{id: "002_521e8e9ae6276b4b", file: "002_521e8e9ae6276b4b.txt", title: 1, first: 5, last: 29,
		outlet: "The News Line", date: "2021-05-31", precision: corpus.PrecisionApproximate},
	{id: "002_521e8e9ae6276b4b-2", file: "002_521e8e9ae6276b4b.txt", first: 31, last: 45,
		titleText: "Iran's defence minister says Palestinian missiles and drones will haunt Israeli settlers",
		outlet:    "The News Line", date: "2021-05-31", precision: corpus.PrecisionApproximate},
	{id: "003_a3f0896ac364095c", file: "003_a3f0896ac364095c.txt", title: 1, dek: 3, first: 5, last: 15,
		outlet: "Antiwar.com", date: "2019-12-29", precision: corpus.PrecisionDay},
	{id: "004_f3682412e17b471f", file: "004_f3682412e17b471f.txt", title: 1, dek: 3, first: 5, last: 35,
		outlet: "VICE World News", date: "2021-06-28", precision: corpus.PrecisionApproximate},
}

// seedArticles builds the bundled corpus's six articles by hand from
// seeds.FS: every non-blank body line is a paragraph.
func seedArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	var out []*corpus.Article
	for _, sp := range seedParts {
		raw, err := fs.ReadFile(seeds.FS, sp.file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(textnorm.Sanitize(string(raw)), "\n")
		day, err := time.Parse("2006-01-02", sp.date)
		if err != nil {
			t.Fatal(err)
		}
		a := &corpus.Article{ID: sp.id, Outlet: sp.outlet, Title: sp.titleText,
			Date:   corpus.Date{Time: day, Precision: sp.precision},
			Source: corpus.Span{File: sp.file, StartLine: sp.first, EndLine: sp.last}}
		if sp.title > 0 {
			a.Title = strings.TrimSpace(lines[sp.title-1])
			a.Raw = append(a.Raw, corpus.Line{Number: sp.title, Text: lines[sp.title-1], Role: corpus.RoleTitle})
		}
		if sp.dek > 0 {
			a.Dek = strings.TrimSpace(lines[sp.dek-1])
			a.Raw = append(a.Raw, corpus.Line{Number: sp.dek, Text: lines[sp.dek-1], Role: corpus.RoleDek})
		}
		for n := sp.first; n <= sp.last; n++ {
			text := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(lines[n-1]), "•"))
			if text == "" {
				continue
			}
			sub := false
			for _, s := range sp.subheads {
				sub = sub || s == n
			}
			a.Body = append(a.Body, corpus.Paragraph{Text: text, Subhead: sub,
				Source: corpus.Span{File: sp.file, StartLine: n, EndLine: n}})
			a.Words += len(textnorm.Words(text))
		}
		out = append(out, a)
	}
	return out
}

func seedByID(t testing.TB, arts []*corpus.Article, id string) *corpus.Article {
	t.Helper()
	for _, a := range arts {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no seed %s", id)
	return nil
}
