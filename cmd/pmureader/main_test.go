package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// These tests build the real binary once and run it the way people and
// scripts do: stdout and stderr are pipes, so they also check that piped
// output carries no escape codes.

// binPath is the pmureader binary built by TestMain.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pmureader-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "pmureader")
	// No test reads or creates the user's own library: commands without
	// paths (and the terminals tmux starts, which inherit this) see none.
	os.Setenv("PMUREADER_LIBRARY", filepath.Join(dir, "no-library", "library.db"))
	build := exec.Command("go", "build", "-o", binPath, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build pmureader:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

// pmu runs the binary with args and a clean environment (no NO_COLOR, no
// PMUREADER_DEBUG, so defaults are what is tested).
func pmu(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TERM=xterm-256color"}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run pmureader %q: %v", args, err)
	}
	r := result{stdout: out.String(), stderr: errb.String(), code: code}
	// Never a stack trace, whatever happened.
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
		t.Errorf("pmureader %q printed a stack trace:\n%s", args, r.stderr)
	}
	// Piped output never carries escape codes, nor any other control
	// character than the line feed.
	for name, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if i := strings.IndexFunc(s, isControl); i >= 0 {
			t.Errorf("pmureader %q: %s holds control character %U: %q", args, name, []rune(s[i:])[0], s[max(i-40, 0):min(i+40, len(s))])
		}
	}
	return r
}

// isControl reports C0 controls other than LF, DEL and C1 controls: the
// characters a terminal might act on.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f
}

// want fails unless the run ended with code.
func (r result) want(t *testing.T, code int, args ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("pmureader %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, r.code, code, r.stdout, r.stderr)
	}
}

// run1 runs and checks the exit code in one go.
func run1(t *testing.T, code int, args ...string) result {
	t.Helper()
	r := pmu(t, args...)
	r.want(t, code, args...)
	return r
}

// seedFiles are the bundled seed files, which must all be read.
var seedFiles = []string{
	"000_7f156dedb77d178e.txt", "001_dca753b7094c4e72.txt", "002_521e8e9ae6276b4b.txt",
	"003_a3f0896ac364095c.txt", "004_f3682412e17b471f.txt",
}

const (
	title003  = "US Conducts Airstrikes on Shi’ite Militias in Iraq and Syria"
	author003 = "Jason Ditz"
	bio003    = "Jason Ditz is Senior Editor"
)

func listSeeds(t *testing.T) listJSON {
	t.Helper()
	r := run1(t, 0, "list", "--json")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout)
	}
	return doc
}

func TestListJSONSeeds(t *testing.T) {
	doc := listSeeds(t)
	if doc.SchemaVersion != schemaVersion {
		t.Errorf("schema_version = %d, want %d", doc.SchemaVersion, schemaVersion)
	}
	// 002 holds two items, which cleaning splits: six articles from five files.
	if len(doc.Articles) != 6 {
		t.Errorf("got %d articles from the seeds, want 6", len(doc.Articles))
	}
	files := map[string]int{}
	ids := map[string]bool{}
	for _, a := range doc.Articles {
		files[filepath.Base(a.Source.File)]++
		if a.ID == "" || ids[a.ID] {
			t.Errorf("article id %q empty or repeated", a.ID)
		}
		ids[a.ID] = true
		if a.Title == "" {
			t.Errorf("%s: no title", a.ID)
		}
		if len(a.Paragraphs) == 0 {
			t.Errorf("%s: no paragraphs", a.ID)
		}
		for i, p := range a.Paragraphs {
			if p.Index != i || p.Text == "" || p.Source.File == "" ||
				p.Source.StartLine < 1 || p.Source.EndLine < p.Source.StartLine ||
				p.Source.StartLine < a.Source.StartLine || p.Source.EndLine > a.Source.EndLine {
				t.Errorf("%s: paragraph %d malformed or outside the article's lines %d-%d: %+v",
					a.ID, i, a.Source.StartLine, a.Source.EndLine, p)
			}
		}
	}
	for _, f := range seedFiles {
		if files[f] == 0 {
			t.Errorf("no article from seed %s (got %v)", f, files)
		}
	}
	if files["002_521e8e9ae6276b4b.txt"] != 2 {
		t.Errorf("seed 002 gave %d articles, want 2", files["002_521e8e9ae6276b4b.txt"])
	}
	var a003 *articleOut
	for i := range doc.Articles {
		if filepath.Base(doc.Articles[i].Source.File) == seedFiles[3] {
			a003 = &doc.Articles[i]
		}
	}
	if a003 == nil {
		t.Fatal("no article 003")
	}
	if a003.Title != title003 || a003.Author != author003 {
		t.Errorf("003: title %q author %q, want %q by %q", a003.Title, a003.Author, title003, author003)
	}
	if a003.Outlet != "Antiwar.com" || a003.Date != "2019-12-29" || a003.DatePrecision != "day" {
		t.Errorf("003 metadata from meta.yaml missing: outlet %q date %q (%s)", a003.Outlet, a003.Date, a003.DatePrecision)
	}
	for _, p := range a003.Paragraphs {
		if strings.Contains(p.Text, bio003) || strings.HasPrefix(p.Text, "Author:") {
			t.Errorf("003: byline or author bio left in the body: %q", p.Text)
		}
	}
}

func TestShowJSON(t *testing.T) {
	r := run1(t, 0, "show", "003", "--json", "--raw")
	var doc showJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, r.stdout)
	}
	a := doc.Article
	if doc.SchemaVersion != schemaVersion || !strings.HasPrefix(a.ID, "003") || a.Title != title003 || a.Author != author003 {
		t.Fatalf("show 003 --json: schema %d id %q title %q author %q", doc.SchemaVersion, a.ID, a.Title, a.Author)
	}
	if len(a.Raw) == 0 {
		t.Fatal("--json --raw: no raw lines")
	}
	roles := map[int]string{}
	for _, l := range a.Raw {
		roles[l.Line] = l.Role
	}
	if roles[1] != "title" {
		t.Errorf("raw line 1 has role %q, want title", roles[1])
	}
	// Every paragraph's lines are body or subhead lines of the raw view.
	for _, p := range a.Paragraphs {
		for n := p.Source.StartLine; n <= p.Source.EndLine; n++ {
			if role := roles[n]; role != "body" && role != "subhead" && role != "blank" {
				t.Errorf("paragraph %d covers line %d, whose raw role is %q", p.Index, n, role)
			}
		}
	}
	// Without --raw there are no raw lines.
	r = run1(t, 0, "show", "003", "--json")
	if strings.Contains(r.stdout, `"raw"`) {
		t.Error("show --json without --raw includes raw lines")
	}
}

func TestShowText(t *testing.T) {
	r := run1(t, 0, "show", "003")
	if !strings.HasPrefix(r.stdout, title003+"\n") {
		t.Errorf("show 003 does not start with the title:\n%s", r.stdout)
	}
	for _, want := range []string{"Antiwar.com", "by " + author003, "2019-12-29", "https://news.antiwar.com/"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show 003 header lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, bio003) {
		t.Error("show 003 prints the author bio")
	}
	for i, l := range strings.Split(r.stdout, "\n") {
		if w := ansi.StringWidth(l); w > pipeWidth && !strings.HasPrefix(l, "http") {
			t.Errorf("piped line %d is %d columns wide, want at most %d: %q", i+1, w, pipeWidth, l)
		}
	}

	r = run1(t, 0, "show", "003", "--raw")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 10 || !strings.Contains(lines[1], "title") || !strings.Contains(lines[1], title003) {
		t.Errorf("show --raw: want numbered lines with roles, got:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "byline") {
		t.Error("show 003 --raw: the Author: line is not marked as byline")
	}
}

func TestList(t *testing.T) {
	r := run1(t, 0, "list")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list: want a header and 6 rows, got:\n%s", r.stdout)
	}
	// Piped, nothing is cut: the full title is there.
	if !strings.Contains(r.stdout, title003) || strings.Contains(r.stdout, "…") {
		t.Errorf("piped list is cut or lacks 003's title:\n%s", r.stdout)
	}
	// With no subcommand and stdout not a terminal: the same list.
	if root := run1(t, 0); root.stdout != r.stdout {
		t.Errorf("pmureader (piped) differs from pmureader list:\n%s", root.stdout)
	}
}

// writeFixture writes files (name -> content) into a new temp dir.
func writeFixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodArticle = "A Quiet Day in Testville\n\nNothing happened in Testville on Tuesday, officials said.\n\nThe mayor was pleased.\n"

func TestPathsAndIDs(t *testing.T) {
	dir := writeFixture(t, map[string]string{"good.txt": goodArticle})
	var doc listJSON
	r := run1(t, 0, "list", "--json", dir)
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) != 1 {
		t.Fatalf("list --json %s: %v\n%s", dir, err, r.stdout)
	}
	id := doc.Articles[0].ID
	// The id first, then paths; after "--"; or with -C: all the same article.
	for _, args := range [][]string{
		{"show", id, dir},
		{"show", id, "--", dir},
		{"show", "-C", dir, id},
		{"-C", dir, "show", id},
		{"show", id[:len(id)-1], dir}, // a unique prefix
	} {
		r := run1(t, 0, args...)
		if !strings.HasPrefix(r.stdout, "A Quiet Day in Testville\n") {
			t.Errorf("pmureader %q: got\n%s", args, r.stdout)
		}
	}
	// With paths given, the seeds are not read.
	if r := run1(t, exitNotFound, "show", "003", dir); !strings.Contains(r.stderr, `"003"`) {
		t.Errorf("unknown id not named on stderr: %q", r.stderr)
	}
}

func TestExitCodes(t *testing.T) {
	big := strings.Repeat("A long paragraph that goes on and on about nothing at all. ", 60)
	mixed := writeFixture(t, map[string]string{
		"good.txt": goodArticle,
		"huge.txt": "Too Big\n\n" + big + "\n",
	})
	onlyBad := writeFixture(t, map[string]string{"huge.txt": "Too Big\n\n" + big + "\n"})
	missing := filepath.Join(t.TempDir(), "no-such-file.txt")

	tests := []struct {
		name string
		args []string
		code int
		// stderr must contain each of these
		stderr []string
	}{
		{"ok", []string{"list"}, exitOK, nil},
		{"unknown flag", []string{"list", "--bogus"}, exitUsage, []string{"unknown flag --bogus", "pmureader list --help"}},
		{"unknown subcommand", []string{"lsit"}, exitUsage, []string{`"lsit"`, `did you mean "list"`}},
		{"show without id", []string{"show"}, exitUsage, []string{"ID"}},
		{"bad size", []string{"list", "--max-file-size", "lots"}, exitUsage, []string{"--max-file-size"}},
		{"unknown id", []string{"show", "no-such-id"}, exitNotFound, []string{`"no-such-id"`}},
		{"ambiguous id", []string{"show", "00"}, exitNotFound, []string{"ambiguous"}},
		{"nonexistent path", []string{"list", missing}, exitNothing, []string{missing}},
		{"nothing loaded", []string{"list", "--max-file-size", "1KB", onlyBad}, exitNothing, []string{"huge.txt", "raise the limit: --max-file-size"}},
		{"one bad file among good", []string{"list", "--max-file-size", "1KB", mixed}, exitPartial, []string{"pmureader: " + filepath.Join(mixed, "huge.txt")}},
		{"partial and not found", []string{"show", "nope", "--max-file-size", "1KB", mixed}, exitNotFound, []string{"huge.txt", `"nope"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := run1(t, tc.code, tc.args...)
			for _, s := range tc.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
				if l != "" && !strings.HasPrefix(l, "pmureader: ") && !strings.HasPrefix(l, "Run '") {
					t.Errorf("stderr line not in the pmureader: form: %q", l)
				}
			}
		})
	}
	// The hint on the size limit comes only with a file over it.
	if r := run1(t, exitNothing, "list", missing); strings.Contains(r.stderr, "--max-file-size") {
		t.Errorf("size hint without a large file:\n%s", r.stderr)
	}
	// The partial run still printed the good article.
	r := run1(t, exitPartial, "list", "--max-file-size", "1KB", mixed)
	if !strings.Contains(r.stdout, "A Quiet Day in Testville") {
		t.Errorf("partial run lost the good article:\n%s", r.stdout)
	}
}

// TestHostileInput: escape sequences in an article and in a file name must
// reach neither stdout nor stderr as live escapes (pmu checks every run).
// Wide and combining text wraps to the pipe width by both terminal
// measures: a family emoji is 2 cells where graphemes are measured and 8
// where code points are (tmux), so lines must fit the larger.
func TestShowWrapsWideText(t *testing.T) {
	body := strings.Repeat("famille 👨‍👩‍👧‍👦 ", 20) + strings.Repeat("e\u0301", 100) + " 日本語のテキストはとても長いです"
	dir := writeFixture(t, map[string]string{"wide.txt": "Title: Wide text\n\n" + body + "\n"})
	r := run1(t, 0, "show", "wide", dir)
	for i, l := range strings.Split(r.stdout, "\n") {
		if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g > pipeWidth || wc > pipeWidth {
			t.Errorf("piped line %d is %d cells by graphemes and %d by wcwidth, want at most %d: %q", i+1, g, wc, pipeWidth, l)
		}
	}
	if !strings.Contains(strings.ReplaceAll(r.stdout, "\n", " "), strings.TrimSpace(strings.Repeat("famille 👨‍👩‍👧‍👦 ", 3))) {
		t.Errorf("the text is not all there:\n%s", r.stdout)
	}
}

func TestHostileInput(t *testing.T) {
	evil := "Evil \x1b]0;pwned\x07Title\x1b[2J\n\nBody with \x1b[31mred\x1b[0m text, a C1 \u009b6n CSI and a bell\x07.\n"
	dir := writeFixture(t, map[string]string{
		"evil.txt":             evil,
		"bad\x1b[31mname.json": "{ not json",
		"bad\x1b[32mname.txt":  "",
	})
	big := writeFixture(t, map[string]string{"huge\x1b[2Jname.txt": strings.Repeat("x ", 2000)})
	var doc listJSON
	r := pmu(t, "list", "--json", dir)
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) == 0 {
		t.Fatalf("list --json on hostile input: %v\n%s\n%s", err, r.stdout, r.stderr)
	}
	id := doc.Articles[0].ID
	pmu(t, "list", dir)
	pmu(t, "show", id, dir)
	pmu(t, "show", id, "--raw", dir)
	pmu(t, "show", id, "--json", "--raw", dir)
	r = pmu(t, "list", "--max-file-size", "1KB", big)
	if !strings.Contains(r.stderr, "huge^[[2Jname.txt") {
		t.Errorf("hostile file name not shown in caret notation: %q", r.stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, sub := range [][]string{{}, {"list"}, {"show"}, {"search"}, {"stories"}, {"compare"}} {
		args := append(append([]string(nil), sub...), "--help")
		r := run1(t, 0, args...)
		for _, want := range []string{"Usage:", "Examples:", "--max-file-size", "--corpus"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("pmureader %q lacks %q:\n%s", args, want, r.stdout)
			}
		}
	}
	r := run1(t, 0, "--version")
	if !strings.HasPrefix(r.stdout, "pmureader ") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("--version printed %q", r.stdout)
	}
}

func TestSearch(t *testing.T) {
	r := run1(t, 0, "search", "hezbollah", "--json")
	var doc searchJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("search --json is not JSON: %v\n%s", err, r.stdout)
	}
	if doc.SchemaVersion != schemaVersion || doc.Mode != "words" || doc.Query != "hezbollah" || len(doc.Results) < 2 {
		t.Fatalf("search hezbollah: %+v", doc)
	}
	for i, h := range doc.Results {
		if i > 0 && h.Score > doc.Results[i-1].Score {
			t.Errorf("results not best first: %v after %v", h.Score, doc.Results[i-1].Score)
		}
		if h.Paragraph < 0 || len(h.Paragraphs) == 0 || h.Matches < 1 || h.Source.StartLine < 1 {
			t.Errorf("%s: paragraph %d of %v, %d matches, source %+v", h.ID, h.Paragraph, h.Paragraphs, h.Matches, h.Source)
		}
		if len(h.Highlights.Snippet) == 0 {
			t.Errorf("%s: no highlight in snippet %q", h.ID, h.Snippet)
		}
		for _, hl := range h.Highlights.Snippet {
			if hl[0] < 0 || hl[1] > len(h.Snippet) || !strings.EqualFold(h.Snippet[hl[0]:hl[1]], "hezbollah") {
				t.Errorf("%s: highlight %v of %q is not the query word", h.ID, hl, h.Snippet)
			}
		}
	}
	// The text form names outlet and title, and the id to show it with.
	r = run1(t, 0, "search", "hezbollah")
	if !strings.Contains(r.stdout, "Antiwar.com · "+title003) || !strings.Contains(r.stdout, "003_a3f0896ac364095c") {
		t.Errorf("search text output lacks 003:\n%s", r.stdout)
	}
	// Title search matches outlets too: "antiwar" finds Antiwar.com's article first.
	r = run1(t, 0, "search", "--title", "antiwar", "--json")
	doc = searchJSON{}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Mode != "title" || len(doc.Results) == 0 {
		t.Fatalf("search --title: %v\n%s", err, r.stdout)
	}
	if doc.Results[0].Outlet != "Antiwar.com" || doc.Results[0].Paragraph != -1 {
		t.Errorf("search --title antiwar: first hit %+v", doc.Results[0])
	}
	// Limit, nothing found (exit 5, JSON still printed), no words (usage).
	if r := run1(t, 0, "search", "hezbollah", "-n", "1"); strings.Count(r.stdout, "\n\n") != 0 {
		t.Errorf("--limit 1 printed several results:\n%s", r.stdout)
	}
	r = run1(t, exitNotFound, "search", "zzyzzx", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Results) != 0 {
		t.Errorf("empty search --json: %v %q", err, r.stdout)
	}
	run1(t, exitUsage, "search", "!!")
	run1(t, exitUsage, "search")
}

// TestHostileCorpus runs every subcommand over the shared hostile corpus
// (escape sequences in every field of every format, and broken files):
// nothing may reach the terminal as a control character (pmu checks each
// run), bad files are named, and the good ones still load.
func TestHostileCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "corpus", "testdata", "hostile")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("hostile corpus not found at %s: %v", dir, err)
	}
	r := pmu(t, "list", "--json", dir)
	r.want(t, exitPartial, "list", "--json", dir)
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) < 2 {
		t.Fatalf("list --json %s: %v, %d articles", dir, err, len(doc.Articles))
	}
	if len(doc.Problems) == 0 || !strings.Contains(r.stderr, "empty.txt") {
		t.Errorf("broken files not reported:\n%s", r.stderr)
	}
	run1(t, exitPartial, "list", dir)
	for _, a := range doc.Articles {
		for _, args := range [][]string{{"show", a.ID}, {"show", a.ID, "--raw"}, {"show", a.ID, "--json", "--raw"}} {
			run1(t, exitPartial, append(args, "--", dir)...)
		}
	}
	pmu(t, "search", "pwned", dir)
	pmu(t, "search", "--title", "pwned", dir)
	run1(t, exitPartial, "stories", dir)
	ids := []string{doc.Articles[0].ID, doc.Articles[len(doc.Articles)-1].ID}
	for _, format := range []string{"--json", "--markdown", "--no-color"} {
		run1(t, exitPartial, "compare", ids[0], ids[1], format, "--", dir)
	}
}
