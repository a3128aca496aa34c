package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The printing commands read --source as any corpus: listed, shown,
// searched, grouped into stories and compared.
func TestSourceCommands(t *testing.T) {
	f := newESFake(t, storyDocs(2))
	env := map[string]string{}
	r := inprocEnv(t, env, "list", "--json", "--source", f.source())
	r.want(t, 0, "list --source")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	if len(doc.Articles) != 6 {
		t.Fatalf("list: %d articles:\n%s", len(doc.Articles), r.stdout)
	}
	first := doc.Articles[0]
	if first.Format != "es" || first.Outlet != "antiwar.com" || first.Date != "2019-12-01" ||
		!strings.HasPrefix(first.ID, "es:") || first.URL != "https://antiwar.com/2019/12/01/strikes-0?a=1&region=us" {
		t.Errorf("first article: %+v", first)
	}
	stories := map[string]int{}
	for _, a := range doc.Articles {
		stories[a.StoryID]++
	}
	if len(stories) != 2 || stories[first.StoryID] != 3 {
		t.Errorf("stories of the articles: %v", stories)
	}

	r = inprocEnv(t, env, "compare", "--story", first.StoryID, "--source", f.source())
	r.want(t, 0, "compare --story --source")
	for _, want := range []string{"antiwar.com", "presstv.ir", "nytimes.com", "killed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("compare lacks %q:\n%s", want, r.stdout)
		}
	}
	r = inprocEnv(t, env, "show", first.ID, "--source", f.source())
	r.want(t, 0, "show --source")
	if !strings.Contains(r.stdout, "Warplanes struck five militia bases near Anbar") {
		t.Errorf("show:\n%s", r.stdout)
	}
	r = inprocEnv(t, env, "search", "Basra", "--source", f.source(), "-n", "1")
	r.want(t, exitNotFound, "search for a word no article has")
	r = inprocEnv(t, env, "search", "Baghdad contractor", "--source", f.source(), "--source-limit", "6")
	r.want(t, 0, "search --source")
	if strings.Count(r.stdout, "Baghdad") < 3 {
		t.Errorf("search:\n%s", r.stdout)
	}
	// No credentials were sent; with them in the environment, they are.
	for _, a := range f.auth {
		if a != "" {
			t.Fatalf("Authorization %q sent without credentials", a)
		}
	}
	f.auth = nil
	r = inprocEnv(t, map[string]string{"PMUREADER_ES_USER": "reader", "PMUREADER_ES_PASSWORD": "s3cret"}, "list", "--source", f.source())
	r.want(t, 0, "list with credentials")
	if len(f.auth) == 0 || f.auth[0] != "Basic cmVhZGVyOnMzY3JldA==" {
		t.Errorf("Authorization headers: %q", f.auth)
	}
	if f.closed == 0 {
		t.Error("the point in time was never closed")
	}
}

// Every way a read can fail is one clear message naming the source URL
// (never a password), and its own exit status.
func TestSourceFailures(t *testing.T) {
	t.Parallel()
	gone := newESFake(t, storyDocs(1))
	gone.Close() // nothing listens there any more: connection refused
	noText := storyDocs(1)
	for _, d := range noText {
		d.source["body_html"] = d.source["text_content"]
		delete(d.source, "text_content")
	}
	cases := []struct {
		name  string
		fake  *esFake
		setup func(f *esFake)
		args  []string
		code  int
		want  []string
		not   []string
	}{
		{name: "unauthorised", setup: func(f *esFake) {
			f.status, f.errType, f.reason = 401, "security_exception", "missing authentication credentials for REST request [/news/_search]"
		}, code: exitNothing, want: []string{"401 security_exception: missing authentication credentials", "set PMUREADER_ES_USER and PMUREADER_ES_PASSWORD, or PMUREADER_ES_API_KEY", "nothing read from es+http://"}},
		{name: "forbidden", setup: func(f *esFake) {
			f.status, f.errType, f.reason = 403, "security_exception", "action [indices:data/read/search] is unauthorized for user [reader]"
		}, code: exitNothing, want: []string{"403 security_exception: action [indices:data/read/search] is unauthorized", "the user needs the read privilege on news"}},
		{name: "missing index", setup: func(f *esFake) {
			f.status, f.errType, f.reason = 404, "index_not_found_exception", "no such index [news]"
		}, code: exitNothing, want: []string{"404 index_not_found_exception: no such index [news]"}},
		{name: "no text field", fake: newESFake(t, noText), code: exitNothing,
			want: []string{"no text field", "body_html", "--mapping text=FIELD"}},
		{name: "shard failure", setup: func(f *esFake) { f.shardFail = true }, code: exitPartial,
			want: []string{"warning: es+http://", "shard failure: 1 of 2 shards failed", "node_not_connected_exception"}},
		{name: "fails after a page", fake: newESFake(t, storyDocs(400)), setup: func(f *esFake) { f.failPage = 2 }, code: exitPartial,
			want: []string{"500 search_phase_execution_exception: all shards failed"}, not: []string{"nothing read"}},
		{name: "matches nothing", fake: newESFake(t, nil), code: exitNotFound, want: []string{"no article matched the query"}},
		{name: "unreachable", fake: gone, code: exitNothing, want: []string{"cluster unavailable after 5 attempts", "connection refused", "nothing read from"}},
		{name: "credentials in the URL", args: []string{"--source", "es+http://reader:s3cret@127.0.0.1:9/news"}, code: exitUsage,
			want: []string{"credentials in the source URL: es+http://***@127.0.0.1:9/news", "PMUREADER_ES_PASSWORD"}, not: []string{"s3cret"}},
		{name: "date range without a date field", args: []string{"--mapping", "title=article_title,text=text_content", "--since", "2019-12-01"}, code: exitUsage,
			want: []string{"--since/--until need a date field", "the query cannot run on this index"}},
		{name: "no index", args: []string{"--source", "es+http://127.0.0.1:9/"}, code: exitUsage, want: []string{"--source: bad source", "no index"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := tc.fake
			if f == nil {
				f = newESFake(t, storyDocs(2))
			}
			if tc.setup != nil {
				tc.setup(f)
			}
			args := append([]string{"list", "--source", f.source()}, tc.args...)
			r := inprocEnv(t, map[string]string{}, args...)
			r.want(t, tc.code, tc.name)
			if tc.code != exitUsage && !strings.Contains(r.stderr, f.source()) {
				t.Errorf("the message does not name %s:\n%s", f.source(), r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(r.stderr, w) {
					t.Errorf("stderr has %q:\n%s", w, r.stderr)
				}
			}
			if tc.code == exitPartial && strings.Count(r.stdout, "\n") < 6 {
				t.Errorf("a partial read printed no list:\n%s", r.stdout)
			}
		})
	}
}

// The flags of --source are usage errors without it, and --limit,
// --mapping FILE and --outlet do what they say.
func TestSourceFlags(t *testing.T) {
	f := newESFake(t, storyDocs(2))
	r := inprocEnv(t, map[string]string{}, "list", "--since", "2019-12-01")
	r.want(t, exitUsage, "--since without --source")
	if !strings.Contains(r.stderr, "--since needs --source es+https://HOST:9200/INDEX") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	r = inprocEnv(t, map[string]string{}, "list", "--source", f.source(), "some/path")
	r.want(t, exitUsage, "--source with a path")
	r = inprocEnv(t, map[string]string{}, "list", "--source", f.source(), "--limit", "-1")
	r.want(t, exitUsage, "--limit -1")

	r = inprocEnv(t, map[string]string{}, "list", "--source", f.source(), "--limit", "4")
	r.want(t, 0, "--limit 4")
	if n := strings.Count(r.stdout, "\n"); n != 5 { // a header and 4 rows
		t.Errorf("--limit 4 listed %d lines:\n%s", n, r.stdout)
	}
	if !strings.Contains(r.stderr, "warning: "+f.source()+": limit reached: read the first 4 articles (oldest first) of 6") {
		t.Errorf("no warning about the limit:\n%s", r.stderr)
	}

	// A layout of its own, described by a mapping file.
	docs := storyDocs(1)
	for i := range docs {
		s := docs[i].source
		docs[i].source = map[string]any{"headline": s["article_title"], "body": s["text_content"], "published_at": s["publication_date"],
			"source": map[string]any{"name": s["canonical_domain"]}, "link": s["url"]}
	}
	custom := newESFake(t, docs)
	mapping := filepath.Join(t.TempDir(), "news.mapping")
	if err := os.WriteFile(mapping, []byte("# news.example.org\ntitle = headline\ntext = body\ndate = published_at\noutlet = source.name\nurl = link\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = inprocEnv(t, map[string]string{}, "list", "--json", "--no-stories", "--source", custom.source(), "--mapping", mapping)
	r.want(t, 0, "--mapping FILE")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) != 3 {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	if a := doc.Articles[1]; a.Outlet != "presstv.ir" || !strings.HasPrefix(a.Title, "Strikes near Anbar") || a.Date != "2019-12-01" {
		t.Errorf("mapped article: %+v", a)
	}
	if err := os.WriteFile(mapping, []byte("title = headline\ncolour = red\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = inprocEnv(t, map[string]string{}, "list", "--source", custom.source(), "--mapping", mapping)
	r.want(t, exitUsage, "a bad mapping file")
	if !strings.Contains(r.stderr, "--mapping: "+mapping+`:2: bad mapping: unknown role "colour"`) {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

// import --source copies the articles into the library, once.
func TestSourceImport(t *testing.T) {
	f := newESFake(t, storyDocs(2))
	lib := filepath.Join(t.TempDir(), "lib", "library.db")
	env := map[string]string{"PMUREADER_LIBRARY": lib}
	r := inprocEnv(t, env, "import", "--source", f.source())
	r.want(t, 0, "import")
	if !strings.Contains(r.stdout, "6 added, 0 already in the library, of 6 articles read from "+f.source()) {
		t.Errorf("import printed:\n%s", r.stdout)
	}
	r = inprocEnv(t, env, "list", "--json", "--no-stories")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) != 6 || doc.Articles[0].Format != "es" {
		t.Fatalf("the library after import: %v\n%s", err, r.stdout)
	}
	r = inprocEnv(t, env, "import", "--source", f.source())
	r.want(t, 0, "import again")
	if !strings.Contains(r.stdout, "0 added, 6 already in the library") {
		t.Errorf("import again printed:\n%s", r.stdout)
	}
	r = inprocEnv(t, env, "import", "some.jsonl", "--source", f.source())
	r.want(t, exitUsage, "import FILE --source")
	if !strings.Contains(r.stderr, "files and folders or --source, not both") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	r = inprocEnv(t, env, "import")
	r.want(t, exitUsage, "import without --source or paths")
	if !strings.Contains(r.stderr, "import needs at least one file or folder, or --source") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}
