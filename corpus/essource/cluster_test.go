package essource

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// The tests in this file run against a real cluster when PMUREADER_TEST_ES
// names one, and against the httptest stand-in otherwise:
//
//	PMUREADER_TEST_ES=https://user:pass@host:9200/mc_search-* go test ./corpus/essource/ -run Cluster -v
//
// The credentials may be in that URL (the variable is not on a command
// line) or in PMUREADER_ES_USER/PMUREADER_ES_PASSWORD or
// PMUREADER_ES_API_KEY; PMUREADER_ES_CA names a CA file;
// PMUREADER_TEST_ES_QUERY a query text (default: none, every article).
// Against a cluster they assert what holds for any index: counts agree
// with hits.total and the limit, ids are unique, dates are in order and
// inside --since/--until, every field is safe to print. The other tests
// (request bodies, retries, failures) need the stand-in's control and run
// only against it.

// clusterTarget is where a cluster test reads.
type clusterTarget struct {
	src   Source
	creds Credentials
	fake  *fakeES // nil for a real cluster
	text  string
}

func target(t *testing.T) clusterTarget {
	t.Helper()
	v := os.Getenv("PMUREADER_TEST_ES")
	if v == "" {
		f := newFake(t, flavorES, mcDocs(1234, shortText))
		return clusterTarget{src: f.source(), fake: f}
	}
	u, err := url.Parse(v)
	if err != nil {
		t.Fatalf("PMUREADER_TEST_ES: %v", redactErr(err))
	}
	creds, err := CredentialsFromEnv(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	if u.User != nil {
		creds.User = u.User.Username()
		creds.Password, _ = u.User.Password()
		creds.APIKey = ""
		u.User = nil
	}
	src, err := ParseSource("es+" + u.String())
	if err != nil {
		t.Fatalf("PMUREADER_TEST_ES: %v", err)
	}
	return clusterTarget{src: src, creds: creds, text: os.Getenv("PMUREADER_TEST_ES_QUERY")}
}

// read reads q from the target with opt and checks the invariants of any
// read; it returns the articles and the result.
func (ct clusterTarget) read(t *testing.T, q Query, opt Options) ([]*corpus.Article, Result) {
	t.Helper()
	c, err := New(ct.src, ct.creds, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	var arts []*corpus.Article
	lastHits := 0
	res, err := c.Fetch(context.Background(), q, func(b Batch) {
		if b.Hits <= lastHits && len(b.Articles) > 0 {
			t.Errorf("progress went from %d to %d hits", lastHits, b.Hits)
		}
		lastHits = b.Hits
		arts = append(arts, b.Articles...)
		for _, p := range b.Problems {
			if !p.Warning && !errors.Is(p, corpus.ErrBadRecord) {
				t.Errorf("problem: %v", p)
			}
		}
	})
	if err != nil {
		t.Fatalf("read %s with %s: %v", ct.src, opt.Paging, err)
	}
	checkRead(t, arts, res, q)
	return arts, res
}

// checkRead asserts what holds for any read.
func checkRead(t *testing.T, arts []*corpus.Article, res Result, q Query) {
	t.Helper()
	want := int(res.Total)
	if l := q.limit(); l >= 0 && want > l {
		want = l
	}
	if res.TotalExact && res.Hits != want {
		t.Errorf("read %d hits; hits.total %d and limit %d make %d", res.Hits, res.Total, q.limit(), want)
	}
	if res.Limited != (res.TotalExact && res.Total > int64(res.Hits)) {
		t.Errorf("limited = %v with %d of %d hits read", res.Limited, res.Hits, res.Total)
	}
	seen := map[string]bool{}
	var last time.Time
	for _, a := range arts {
		if seen[a.ID] {
			t.Errorf("duplicate id %s", a.ID)
		}
		seen[a.ID] = true
		for _, s := range []string{a.ID, a.Title, a.Outlet, a.URL, a.Author, a.Source.File} {
			if !textnorm.Safe(s) {
				t.Errorf("%s: unsafe field %q", a.ID, s)
			}
		}
		if a.Format != Format || !strings.HasPrefix(a.ID, idPrefix) || !strings.Contains(a.Source.File, "/_doc/") {
			t.Errorf("%s: format %q, source %q", a.ID, a.Format, a.Source.File)
		}
		if !a.Date.Known() {
			continue
		}
		if a.Date.Time.Before(last) {
			t.Errorf("%s dated %s after one dated %s: want oldest first", a.ID, a.Date, last.Format(dayLayout))
		}
		last = a.Date.Time
		day := a.Date.Time.UTC().Truncate(24 * time.Hour)
		if !q.Since.IsZero() && day.Before(q.Since) || !q.Until.IsZero() && day.After(q.Until) {
			t.Errorf("%s dated %s, outside %s..%s", a.ID, a.Date, q.Since.Format(dayLayout), q.Until.Format(dayLayout))
		}
	}
}

func TestClusterRead(t *testing.T) {
	ct := target(t)
	q := Query{Text: ct.text, Limit: 1000}
	arts, res := ct.read(t, q, Options{PageSize: 200})
	if len(arts) == 0 {
		t.Fatal("no articles")
	}
	t.Logf("%s: %d of %d hits by %s, layout %s", ct.src, res.Hits, res.Total, res.Paging, res.Mapping.Name)
	if ct.fake != nil {
		if res.Hits != 1000 || !res.Limited || res.Paging != PagingPIT || len(ct.fake.closedIDs()) != 1 {
			t.Errorf("stand-in: %+v, closed %v", res, ct.fake.closedIDs())
		}
	}
}

func TestClusterScrollAgreesWithPIT(t *testing.T) {
	ct := target(t)
	q := Query{Text: ct.text, Limit: 600}
	_, pit := ct.read(t, q, Options{PageSize: 250})
	_, scroll := ct.read(t, q, Options{PageSize: 250, Paging: PagingScroll})
	if scroll.Paging != PagingScroll || scroll.Hits != pit.Hits || scroll.Total != pit.Total {
		t.Errorf("scroll read %d of %d by %s; point in time %d of %d", scroll.Hits, scroll.Total, scroll.Paging, pit.Hits, pit.Total)
	}
}

func TestClusterDateRange(t *testing.T) {
	ct := target(t)
	if ct.fake != nil {
		t.Skip("needs a real cluster (PMUREADER_TEST_ES): the stand-in does not evaluate queries; TestQueryBodySent checks the range sent")
	}
	since := time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)
	ct.read(t, Query{Text: ct.text, Since: since, Until: since.AddDate(0, 1, 0), Limit: 2000}, Options{})
}

func TestClusterIndexNotFound(t *testing.T) {
	ct := target(t)
	src := ct.src
	src.Index = "pmureader-test-missing-" + randomHex(t)
	c, err := New(src, ct.creds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	_, err = c.Fetch(context.Background(), Query{}, func(Batch) {})
	if !errors.Is(err, ErrIndexNotFound) || !strings.Contains(err.Error(), src.Index) {
		t.Errorf("err = %v, want ErrIndexNotFound naming %s", err, src.Index)
	}
}

func TestClusterWrongPassword(t *testing.T) {
	ct := target(t)
	if ct.fake != nil {
		ct.fake.user, ct.fake.password = "reader", "right"
	}
	c, err := New(ct.src, Credentials{User: "pmureader-test", Password: "wrong-" + randomHex(t), CAFile: ct.creds.CAFile}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	_, err = c.Fetch(context.Background(), Query{Limit: 1}, func(Batch) {})
	if err == nil && ct.fake == nil {
		t.Skip("the cluster accepted a wrong password: its security is off")
	}
	if !errors.Is(err, ErrAuth) {
		t.Errorf("err = %v, want ErrAuth", err)
	}
}

func randomHex(t *testing.T) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
