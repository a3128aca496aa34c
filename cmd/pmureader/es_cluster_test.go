package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourceCluster runs the command's paths over --source against a real
// cluster when PMUREADER_TEST_ES names one (as corpus/essource's cluster
// tests do), and against the loopback stand-in otherwise:
//
//	PMUREADER_TEST_ES='https://user:pass@host:9200/mc_search-*' PMUREADER_TEST_ES_QUERY='kataib hezbollah' \
//	  go test ./cmd/pmureader/ -run SourceCluster -v
//
// Credentials in that URL are handed to the command through
// PMUREADER_ES_USER and PMUREADER_ES_PASSWORD (the command refuses them in
// --source); PMUREADER_ES_API_KEY and PMUREADER_ES_CA are passed on as
// they are. It reads at most 200 articles: list --json (every article of
// format es, ids unique), stories --json, and import into a new library
// twice (the second stores nothing).
func TestSourceCluster(t *testing.T) {
	env := map[string]string{"PMUREADER_LIBRARY": filepath.Join(t.TempDir(), "library.db")}
	source, query := "", os.Getenv("PMUREADER_TEST_ES_QUERY")
	if v := os.Getenv("PMUREADER_TEST_ES"); v != "" {
		u, err := url.Parse(v)
		if err != nil {
			t.Fatal("PMUREADER_TEST_ES does not parse")
		}
		for _, k := range []string{"PMUREADER_ES_USER", "PMUREADER_ES_PASSWORD", "PMUREADER_ES_API_KEY", "PMUREADER_ES_CA"} {
			env[k] = os.Getenv(k)
		}
		if u.User != nil {
			env["PMUREADER_ES_USER"] = u.User.Username()
			env["PMUREADER_ES_PASSWORD"], _ = u.User.Password()
			env["PMUREADER_ES_API_KEY"] = ""
			u.User = nil
		}
		source = "es+" + u.String()
	} else {
		source = newESFake(t, storyDocs(100)).source()
	}
	args := func(cmd ...string) []string {
		return append(cmd, "--source", source, "--query", query, "--limit", "200")
	}
	r := inprocEnv(t, env, args("list", "--json", "--no-stories")...)
	if r.code == exitNotFound {
		t.Skipf("the query matched nothing: %s", r.stderr)
	}
	r.want(t, 0, "list --source")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) == 0 || len(doc.Articles) > 200 {
		t.Fatalf("list: %v, %d articles", err, len(doc.Articles))
	}
	seen := map[string]bool{}
	for _, a := range doc.Articles {
		if a.Format != "es" || !strings.HasPrefix(a.ID, "es:") || seen[a.ID] || len(a.Paragraphs) == 0 {
			t.Errorf("article %s: format %q, %d paragraphs, seen before %v", a.ID, a.Format, len(a.Paragraphs), seen[a.ID])
		}
		seen[a.ID] = true
	}
	r = inprocEnv(t, env, args("stories", "--json")...)
	r.want(t, 0, "stories --source")
	r = inprocEnv(t, env, args("import")...)
	r.want(t, 0, "import --source")
	r = inprocEnv(t, env, args("import")...)
	r.want(t, 0, "import --source again")
	if !strings.HasPrefix(r.stdout, "0 added, ") {
		t.Errorf("the second import stored articles: %s", r.stdout)
	}
}
