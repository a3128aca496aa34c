package library

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// randomLibrary stores n articles with few distinct dates, outlets and
// titles (so that ties are common), some of each missing.
func randomLibrary(t *testing.T, n int) (*Library, []*corpus.Article) {
	t.Helper()
	l, _ := openTemp(t)
	r := rand.New(rand.NewPCG(7, 11))
	outlets := []string{"", "Antiwar.com", "antiwar.com", "Élan", "Elan", "VICE", "the Duran"}
	titles := []string{"", "Strikes", "strikes", "Ça va", "Zeta", "alpha", "Alpha beta"}
	arts := make([]*corpus.Article, n)
	for i := range arts {
		a := article(fmt.Sprintf("id%03d", r.IntN(1000)*1000+i), titles[r.IntN(len(titles))], outlets[r.IntN(len(outlets))], "",
			fmt.Sprintf("Body number %d with words enough to make it unique among all the others here.", i))
		if r.IntN(5) == 0 {
			a.Date = corpus.Date{}
		} else {
			a.Date.Time = time.Date(2019, 1, 1+r.IntN(6), 0, 0, 0, 0, time.UTC)
		}
		arts[i] = a
	}
	mustAdd(t, l, arts...)
	return l, arts
}

// wantOrder sorts articles as Sort s promises.
func wantOrder(arts []*corpus.Article, s Sort) []string {
	type row struct {
		id      string
		missing bool
		num     int64
		text    string
	}
	rows := make([]row, len(arts))
	for i, a := range arts {
		r := row{id: a.ID}
		switch s.By {
		case ByDate:
			r.missing, r.num = !a.Date.Known(), a.Date.Time.Unix()
		case ByOutlet:
			r.missing, r.text = a.Outlet == "", textnorm.Fold(a.Outlet)
		default:
			r.missing, r.text = a.Title == "", textnorm.Fold(a.Title)
		}
		rows[i] = r
	}
	slices.SortFunc(rows, func(x, y row) int {
		if x.missing != y.missing {
			if x.missing {
				return 1
			}
			return -1
		}
		c := 0
		if !x.missing {
			c = cmp.Or(cmp.Compare(x.num, y.num), strings.Compare(x.text, y.text))
		}
		c = cmp.Or(c, strings.Compare(x.id, y.id))
		if s.Desc {
			c = -c
		}
		return c
	})
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return ids
}

func allSorts() []Sort {
	var out []Sort
	for _, by := range []Field{ByDate, ByOutlet, ByTitle} {
		out = append(out, Sort{By: by}, Sort{By: by, Desc: true})
	}
	return out
}

func rowIDs(rows []Row) []string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

func TestPagesWalkEveryOrder(t *testing.T) {
	l, arts := randomLibrary(t, 157)
	ctx := context.Background()
	for _, s := range allSorts() {
		want := wantOrder(arts, s)
		// Forward, 10 at a time.
		var got []string
		var k Key
		for {
			rows, err := l.Page(ctx, s, k, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				break
			}
			got = append(got, rowIDs(rows)...)
			k = rows[len(rows)-1].Key(s)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%v forward:\n got %v\nwant %v", s, got, want)
		}
		// Backward from the end, 7 at a time.
		got = nil
		k = Key{}
		for {
			rows, err := l.PageBefore(ctx, s, k, 7)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				break
			}
			got = append(rowIDs(rows), got...)
			k = rows[0].Key(s)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%v backward:\n got %v\nwant %v", s, got, want)
		}
		// Positions, jumps and keys of single articles.
		for pos := 0; pos < len(want); pos += 13 {
			rows, err := l.PageAt(ctx, s, pos, 5)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rowIDs(rows), want[pos:min(pos+5, len(want))]) {
				t.Fatalf("%v PageAt(%d) = %v, want %v", s, pos, rowIDs(rows), want[pos:min(pos+5, len(want))])
			}
			k, err := l.KeyOf(ctx, s, want[pos])
			if err != nil {
				t.Fatal(err)
			}
			if p, err := l.Position(ctx, s, k); err != nil || p != pos {
				t.Fatalf("%v Position(%s) = %d, %v; want %d", s, want[pos], p, err, pos)
			}
			after, err := l.Page(ctx, s, k, 3)
			if err != nil || !slices.Equal(rowIDs(after), want[pos+1:min(pos+4, len(want))]) {
				t.Fatalf("%v Page after %s = %v, %v", s, want[pos], rowIDs(after), err)
			}
		}
		if rows, err := l.PageAt(ctx, s, len(want), 5); err != nil || len(rows) != 0 {
			t.Fatalf("%v PageAt(end) = %v, %v", s, rowIDs(rows), err)
		}
	}
}

func TestPageQueriesUseTheSortIndexes(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	for _, s := range allSorts() {
		for _, g := range []segment{{s: s}, {s: s, missing: true}, {s: s, back: true}} {
			k := Key{set: true, id: "x", val: "v"}
			if s.By == ByDate {
				k.val = int64(5)
			}
			q, args := g.query(k, 200)
			rows, err := l.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var id, parent, notused int
				var detail string
				if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			rows.Close()
			joined := strings.Join(plan, "; ")
			wantIndex := "articles_by_" + s.By.String()
			walks := strings.HasPrefix(joined, "SEARCH a USING INDEX "+wantIndex) || strings.HasPrefix(joined, "SCAN a USING INDEX "+wantIndex)
			if !walks || strings.Contains(joined, "TEMP B-TREE") {
				t.Errorf("%v %+v: plan %q; want a walk of %s without a sort", s, g, joined, wantIndex)
			}
		}
	}
}

func TestSortStringRoundTrip(t *testing.T) {
	for _, s := range allSorts() {
		got, err := ParseSort(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSort(%q) = %v, %v", s.String(), got, err)
		}
	}
	if _, err := ParseSort("size"); err == nil {
		t.Errorf("ParseSort(size): no error")
	}
}
