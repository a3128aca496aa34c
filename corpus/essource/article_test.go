package essource

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

func TestParseMapping(t *testing.T) {
	m, err := ParseMapping("title=headline,text=body|content,date=published_at,outlet=source.name,url=link,outlet_filter=source.id,tiebreak=uid")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.String(); got != "title=headline,text=body|content,date=published_at,outlet=source.name,url=link,outlet_filter=source.id,tiebreak=uid" {
		t.Errorf("String = %s", got)
	}
	if m.dateField() != "published_at" || m.outletFilterField() != "source.id" || strings.Join(m.queryFields(), ",") != "headline,body,content" {
		t.Errorf("mapping = %+v", m)
	}
	m, err = ParseMapping("mediacloud, outlet=media_name")
	if err != nil || m.Name != "mediacloud" || m.Outlet[0] != "media_name" || m.Text[0] != "text_content" || m.outletFilterField() != "media_name" {
		t.Errorf("preset + override = %+v, %v", m, err)
	}
	for _, bad := range []string{"", "title=headline", "nosuch", "title=headline,mediacloud", "text=", "text=a b", "color=red", "text=body,tiebreak=a|b", "text=a..b", "text=*"} {
		if _, err := ParseMapping(bad); !errors.Is(err, ErrBadMapping) {
			t.Errorf("ParseMapping(%q) err = %v, want ErrBadMapping", bad, err)
		}
	}
}

func TestFieldsLookup(t *testing.T) {
	f := decodeFields(t, `{"source":{"name":"Reuters","id":7},"meta.section":"world","a.b":{"c":"deep"},
		"authors":[{"name":"Ann"},{"name":"Bo"}],"tags":["x","",null,"y"],"n":null,"esc":"line\u0001\n2"}`)
	for _, tc := range []struct{ path, want string }{
		{"source.name", "Reuters"},
		{"source.id", "7"},
		{"meta.section", "world"},
		{"a.b.c", "deep"},
		{"authors", "Ann, Bo"},
		{"tags", "x, y"},
		{"n", ""},
		{"esc", "line\x01\n2"},
		{"missing", ""},
		{"source.missing", ""},
	} {
		if got := f.value([]string{tc.path}, ", "); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.path, got, tc.want)
		}
	}
	if got := f.value([]string{"n", "missing", "source.name"}, ", "); got != "Reuters" {
		t.Errorf("first non-blank = %q", got)
	}
	if got := strings.Join(f.leafPaths(), ","); got != "a.b.c,authors,esc,meta.section,n,source.id,source.name,tags" {
		t.Errorf("leafPaths = %s", got)
	}
}

// decodeFields decodes a _source as a page's decoder does.
func decodeFields(t *testing.T, src string) fields {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(src), &m); err != nil {
		t.Fatal(err)
	}
	return asFields(m)
}

func TestParseESDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		p        corpus.Precision
	}{
		{"2019-12-29", "2019-12-29T00:00:00Z", corpus.PrecisionDay},
		{"2019-12-29T10:31:00Z", "2019-12-29T10:31:00Z", corpus.PrecisionDay},
		{"2019-12-29T10:31:00.123+03:00", "2019-12-29T10:31:00.123+03:00", corpus.PrecisionDay},
		{"2024-01-02T03:04:05.123456", "2024-01-02T03:04:05.123456Z", corpus.PrecisionDay}, // Python isoformat, Media Cloud's indexed_date
		{"2019-12-29 10:31:00", "2019-12-29T10:31:00Z", corpus.PrecisionDay},
		{"2019-12", "2019-12-01T00:00:00Z", corpus.PrecisionMonth},
		{"2019", "2019-01-01T00:00:00Z", corpus.PrecisionYear},
		{"1577615460000", "2019-12-29T10:31:00Z", corpus.PrecisionDay},
	} {
		d, err := parseESDate(tc.in)
		if err != nil || d.Time.Format(time.RFC3339Nano) != tc.want || d.Precision != tc.p {
			t.Errorf("parseESDate(%q) = %s %q, %v; want %s %q", tc.in, d.Time.Format(time.RFC3339Nano), d.Precision, err, tc.want, tc.p)
		}
	}
	for _, bad := range []string{"yesterday", "2019-13-01", "29/12/2019"} {
		if _, err := parseESDate(bad); err == nil {
			t.Errorf("parseESDate(%q) accepted", bad)
		}
	}
	if _, err := ParseDay("2019-12-01"); err != nil {
		t.Error(err)
	}
	if _, err := ParseDay("Dec 1"); !errors.Is(err, ErrBadDate) {
		t.Errorf("ParseDay: err = %v", err)
	}
}

func TestArticleID(t *testing.T) {
	taken := map[string]bool{}
	if got := articleID("news", "abc-123_X", taken); got != "es:abc-123_X" {
		t.Errorf("short id = %s", got)
	}
	long := strings.Repeat("f", 64)
	a, b := articleID("mc_search-000001", long, taken), articleID("mc_search-000002", long, taken)
	if !strings.HasPrefix(a, "es:") || len(a) != 3+16 || a == b {
		t.Errorf("hashed ids = %s, %s: want es: + 16 hex digits, different per index", a, b)
	}
	if a != articleID("mc_search-000001", long, map[string]bool{}) {
		t.Error("hashed id is not stable")
	}
	taken["es:dup"] = true
	if got := articleID("other", "dup", taken); got == "es:dup" || len(got) != 19 {
		t.Errorf("taken short id = %s, want the hashed form", got)
	}
	if got := articleID("news", "a/b", taken); len(got) != 19 {
		t.Errorf("unsafe id = %s, want the hashed form", got)
	}
}

func TestSplitBody(t *testing.T) {
	body, raw := splitBody("ref", "First para\nwrapped on.\n\n\nSecond para.")
	if len(body) != 2 || body[0].Text != "First para wrapped on." || body[1].Text != "Second para." {
		t.Fatalf("body = %+v", body)
	}
	if body[0].Source != (corpus.Span{File: "ref", StartLine: 1, EndLine: 2}) || body[1].Source != (corpus.Span{File: "ref", StartLine: 5, EndLine: 5}) {
		t.Errorf("spans = %v, %v", body[0].Source, body[1].Source)
	}
	roles := ""
	for _, l := range raw {
		roles += string(l.Role)[:2] + " "
	}
	if roles != "bo bo bl bl bo " || raw[4].Number != 5 {
		t.Errorf("raw roles = %q", roles)
	}
	body, _ = splitBody("ref", "One line.\nAnother line.\n")
	if len(body) != 2 || body[1].Text != "Another line." {
		t.Errorf("no blank lines: %+v, want a paragraph a line", body)
	}
}

// TestHostileHitsSanitised maps hits full of terminal escapes, C1
// controls, bidirectional overrides and a NUL: nothing of them may reach a
// field as it is, and nothing else is altered.
func TestHostileHitsSanitised(t *testing.T) {
	evil := "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\u202eevil\u009b31m\x00"
	docs := []fakeDoc{{index: "news\x1b[31m", id: "id\x1b[1m/x", millis: 1577577060000, source: map[string]any{
		"article_title":    "Title " + evil,
		"text_content":     "Para one " + evil + "\r\n\r\nPara &#27;[31m two",
		"publication_date": "2019-12-29",
		"canonical_domain": "evil\x1b[5m.com",
		"url":              "https://x.org/a?b=1&region=us&c=\x1b[31m\u202e",
	}}}
	f := newFake(t, flavorES, docs)
	c, _ := fakeClient(t, f, Options{})
	arts, _, _, _, err := fetchAll(t, c, Query{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	a := arts[0]
	fields := []string{a.ID, a.Title, a.Outlet, a.URL, a.Source.File}
	for _, p := range a.Body {
		fields = append(fields, p.Text, p.Source.File)
	}
	for _, l := range a.Raw {
		fields = append(fields, l.Text)
	}
	for _, s := range fields {
		if !textnorm.Safe(s) || strings.ContainsRune(s, '\u202e') {
			t.Errorf("unsafe field %q", s)
		}
	}
	if !strings.HasPrefix(a.Title, "Title ^[]52;c;ZWNobyBwd25lZA==^G^[[2Jevil") {
		t.Errorf("title = %q: the escapes should show in caret notation", a.Title)
	}
	if a.URL != "https://x.org/a?b=1&region=us&c=%1B[31m%E2%80%AE" {
		t.Errorf("url = %q: entities must stay as stored, controls percent-encoded", a.URL)
	}
	if len(a.Body) != 2 || a.Body[1].Text != "Para ^[[31m two" {
		t.Errorf("body = %+v: an entity-encoded ESC is decoded, then neutralised", a.Body)
	}
	if !strings.HasSuffix(a.Source.File, "/news%1B%5B31m/_doc/id%1B%5B1m%2Fx") {
		t.Errorf("source = %q", a.Source.File)
	}
}

func TestTitleAndTextRequired(t *testing.T) {
	docs := []fakeDoc{
		{index: "news", id: "empty", millis: 1, source: map[string]any{"article_title": " ", "text_content": "", "publication_date": "2019-12-01"}},
		{index: "news", id: "untitled", millis: 2, source: map[string]any{"text_content": "Only a body here, and it goes on.", "publication_date": "not a date"}},
	}
	f := newFake(t, flavorES, docs)
	c, _ := fakeClient(t, f, Options{Mapping: MediaCloud()})
	arts, probs, _, res, err := fetchAll(t, c, Query{})
	if err != nil || len(arts) != 1 || res.Hits != 2 {
		t.Fatalf("%d articles of %d hits, %v", len(arts), res.Hits, err)
	}
	if arts[0].Title != "Only a body here, and it goes on" || !arts[0].TitleDerived || arts[0].Date.Known() || arts[0].Words != 8 || arts[0].Format != "es" {
		t.Errorf("article = %+v", arts[0])
	}
	if len(probs) != 2 || probs[0].Warning || !errors.Is(probs[0], corpus.ErrBadRecord) || !strings.Contains(probs[0].Error(), "/news/_doc/empty: ") ||
		!probs[1].Warning || !strings.Contains(probs[1].Error(), `date "not a date"`) {
		t.Errorf("problems = %v", probs)
	}
}

func TestQueryChecks(t *testing.T) {
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	noDate := &Mapping{Text: []string{"body"}}
	for _, tc := range []struct {
		q Query
		m *Mapping
	}{
		{Query{Since: day}, noDate},
		{Query{Outlets: []string{"x"}}, noDate},
		{Query{Since: day, Until: day.AddDate(0, 0, -1)}, MediaCloud()},
	} {
		if err := tc.q.check(tc.m); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%+v: err = %v", tc.q, err)
		}
	}
	if got := string(mustJSON(Query{}.dsl(MediaCloud()))); got != `{"match_all":{}}` {
		t.Errorf("empty query = %s", got)
	}
	for _, tc := range []struct{ in, want int }{{0, DefaultLimit}, {-1, -1}, {25, 25}} {
		if got := (Query{Limit: tc.in}).limit(); got != tc.want {
			t.Errorf("limit(%d) = %d", tc.in, got)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"3", 3 * time.Second}, {"-2", 0}, {"soon", 0},
		{"Mon, 01 Jan 2024 12:00:30 GMT", 30 * time.Second},
		{"Mon, 01 Jan 2024 11:00:00 GMT", 0},
	} {
		if got := parseRetryAfter(tc.in, now); got != tc.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseMappingFile(t *testing.T) {
	file := "# news.example.org's archive\n\njson   # the JSON names, then:\ntitle = headline\ntext  = body | content\n\toutlet_filter=source.domain, url=link#1\n"
	m, err := ParseMappingFile("news.mapping", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "json" || strings.Join(m.Text, "|") != "body|content" || m.Title[0] != "headline" ||
		m.OutletFilter != "source.domain" || m.URL[0] != "link#1" || m.Date[0] != "date" {
		t.Errorf("mapping = %+v", m)
	}
	// The same pairs inline give the same mapping.
	inline, err := ParseMapping("json,title=headline,text=body|content,outlet_filter=source.domain,url=link#1")
	if err != nil || inline.String() != m.String() {
		t.Errorf("inline %v (%v) != file %v", inline, err, m)
	}
	for _, tc := range []struct{ file, want string }{
		{"title=headline\ncolour = red\n", "news.mapping:2: bad mapping: unknown role \"colour\""},
		{"title=headline\njson\n", `news.mapping:2: bad mapping: "json": want ROLE=FIELD`},
		{"# nothing but\ntitle=headline\n", "news.mapping: bad mapping: no text field"},
		{"", "news.mapping: bad mapping: no text field"},
		{"text=a b\n", "news.mapping:1: bad mapping: text=a b"},
	} {
		_, err := ParseMappingFile("news.mapping", []byte(tc.file))
		if !errors.Is(err, ErrBadMapping) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ParseMappingFile(%q) = %v, want %q…", tc.file, err, tc.want)
		}
	}
}
