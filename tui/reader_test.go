package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
)

// openReader opens article a in a fresh harness of size w×h.
func openReader(t *testing.T, arts []*corpus.Article, a *corpus.Article, w, h int) (*harness, *reader) {
	t.Helper()
	hs := newHarness(t, arts, w, h)
	hs.send(openArticleMsg{article: a, para: -1})
	if hs.m.active != ViewReader {
		t.Fatal("reader not shown")
	}
	return hs, hs.m.reader
}

func longArticle() *corpus.Article {
	var paras []string
	for i := 0; i < 40; i++ {
		paras = append(paras, "Paragraph "+strings.Repeat("word ", 5+i%9)+"number "+string(rune('A'+i%26))+" ends here.")
	}
	paras[10] = "The strike on Kata’ib Hezbollah bases was condemned."
	paras[25] = "Officials said KATAIB HEZBOLLAH denied it; kata'ib leaders spoke."
	a := article("long", "Antiwar.com", "2019-12-29", "US Conducts Airstrikes on Shi’ite Militias", paras...)
	a.Dek = "US blames militia for Friday attack"
	a.Author = "Jason Ditz"
	a.URL = "https://news.antiwar.com/2019/12/29/us-attacks-shiite-militias-in-iraq-and-syria/"
	a.Via = "Original Outlet"
	a.Body[5].Subhead = true
	a.Body[5].Text = "A Subhead Here"
	return a
}

func TestReaderHeaderAndBody(t *testing.T) {
	a := longArticle()
	hs, _ := openReader(t, []*corpus.Article{a}, a, 100, 30)
	scr := hs.screenText()
	for _, want := range []string{"US Conducts Airstrikes on Shi’ite Militias", "US blames militia for Friday attack",
		"Antiwar.com (via Original Outlet)", "by Jason Ditz", "2019-12-29",
		"https://news.antiwar.com/2019/12/29/us-attacks-shiite-militias-in-iraq-and-syria/",
		"Paragraph word", " 0%"} {
		if !strings.Contains(scr, want) {
			t.Errorf("reader lacks %q:\n%s", want, scr)
		}
	}
}

func TestReaderWrapsAtWordBoundaries(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 40, 30)
	_ = hs
	for i, l := range r.lines {
		b := r.blocks[l.block]
		text := b.text[l.start:l.end]
		if ansi.StringWidth(text) > r.wrapWidth() {
			t.Fatalf("line %d %q wider than %d", i, text, r.wrapWidth())
		}
		// A line ends at a space or at the end of its block, unless the
		// word is longer than the line (the URL here).
		wordEnd := strings.IndexByte(b.text[l.end:]+" ", ' ') + l.end
		wordStart := strings.LastIndexByte(b.text[:l.end], ' ') + 1
		if l.end < len(b.text) && b.text[l.end] != ' ' && wordEnd-wordStart <= r.wrapWidth() {
			t.Fatalf("line %d %q cuts a word", i, text)
		}
	}
}

// Re-wrapping on resize keeps the paragraph that was at the top at the top.
func TestReaderResizeKeepsPosition(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 100, 20)
	hs.keys("ctrl+d", "ctrl+d", "ctrl+d", "j")
	top := r.lines[r.top]
	wantPara := r.blocks[top.block].para
	if wantPara < 0 {
		t.Fatal("not scrolled into the body")
	}
	for _, w := range []int{40, 60, 173, 100} {
		hs.send(tea.WindowSizeMsg{Width: w, Height: 20})
		got := r.lines[r.top]
		if r.blocks[got.block].para != wantPara {
			t.Fatalf("after resize to %d the top shows paragraph %d, want %d", w, r.blocks[got.block].para, wantPara)
		}
		if got.start > top.start || (top.start >= got.end && got.end != len(r.blocks[got.block].text)) {
			t.Fatalf("after resize to %d the top line %d-%d does not hold offset %d", w, got.start, got.end, top.start)
		}
	}
}

func TestReaderWrapCache(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 100, 20)
	first := &r.lines[0]
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 20})
	if &r.lines[0] != first {
		t.Fatal("re-wrapping to a width seen before did not use the cache")
	}
}

func TestReaderFindNextPrev(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 80, 20)
	hs.keys("/", "kataib hezbollah", "enter")
	if len(r.matches) != 2 {
		t.Fatalf("%d matches, want 2 (Kata’ib Hezbollah, KATAIB HEZBOLLAH)", len(r.matches))
	}
	if !strings.Contains(hs.screenText(), "1/2") {
		t.Fatalf("count not shown:\n%s", hs.screenText())
	}
	if !strings.Contains(hs.screenText(), "Kata’ib Hezbollah bases") {
		t.Fatalf("first match not on screen:\n%s", hs.screenText())
	}
	hs.keys("n")
	if !strings.Contains(hs.screenText(), "2/2") || !strings.Contains(hs.screenText(), "KATAIB HEZBOLLAH") {
		t.Fatalf("n did not move to the second match:\n%s", hs.screenText())
	}
	hs.keys("n")
	if !strings.Contains(hs.screenText(), "1/2") {
		t.Fatal("n does not wrap around")
	}
	hs.keys("N")
	if !strings.Contains(hs.screenText(), "2/2") {
		t.Fatal("N does not go back")
	}
	// "/" starts a new query empty; the old one stays until enter and
	// comes back with esc.
	hs.keys("/")
	if r.input.Value() != "" {
		t.Fatalf("find line opened with %q, want it empty", r.input.Value())
	}
	hs.keys("esc")
	if r.query != "kataib hezbollah" || len(r.matches) != 2 {
		t.Fatalf("esc on an empty find line: query %q, %d matches", r.query, len(r.matches))
	}
	hs.keys("/", "zzzz", "enter")
	if !strings.Contains(hs.screenText(), "no match") {
		t.Fatalf("no-match not reported:\n%s", hs.screenText())
	}
	// "q" typed in the find line is a letter, not back.
	hs.keys("/", "q")
	if hs.m.active != ViewReader {
		t.Fatal("q in the find line left the reader")
	}
	hs.keys("esc", "q")
	if hs.m.active != ViewLibrary {
		t.Fatal("q did not go back to the library")
	}
}

func TestReaderHighlightsMatches(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 80, 20)
	hs.keys("/", "kata’ib", "enter")
	m := r.matches[r.current]
	line := r.renderLine(r.lineOf(docPos{m.block, m.sp.Start}))
	want := hs.m.sh.styles.P.Current.On(hs.m.sh.styles.P.Body).Render("Kata’ib")
	if !strings.Contains(line, want) {
		t.Fatalf("current match not styled: %q", line)
	}
}

func TestReaderRawShowsChromeWithRoles(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 100, 200)
	hs.keys("r")
	scr := hs.screenText()
	for _, want := range []string{"raw source", "title", "body", "chrome", "Share this on Facebook", "⟨share buttons⟩"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("raw view lacks %q:\n%s", want, scr)
		}
	}
	// The chrome line is drawn dimmed.
	for i, l := range r.lines {
		if r.blocks[l.block].role == corpus.RoleChrome {
			if out := r.renderLine(i); !strings.Contains(out, hs.m.sh.styles.P.Chrome.Render("Share this on Facebook  ⟨share buttons⟩")) {
				t.Fatalf("chrome not dimmed: %q", out)
			}
		}
	}
	hs.keys("r")
	if strings.Contains(hs.screenText(), "Share this on Facebook") {
		t.Fatal("r did not return to the clean view")
	}
}

func TestReaderScrollPercent(t *testing.T) {
	a := longArticle()
	hs, _ := openReader(t, []*corpus.Article{a}, a, 80, 20)
	if !strings.Contains(hs.screenText(), " 0%") {
		t.Fatal("no position at the top")
	}
	hs.keys("G")
	if !strings.Contains(hs.screenText(), "100%") {
		t.Fatalf("no 100%% at the bottom:\n%s", hs.screenText())
	}
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if strings.Contains(hs.screenText(), "100%") {
		t.Fatal("wheel up did not scroll")
	}
}

// While typing after "/", matches are found in the background and the
// view moves to the first; esc puts back the previous find and position.
func TestReaderLiveFind(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 80, 20)
	hs.keys("/", "zz", "enter") // a previous find, with no match
	hs.keys("/", "backspace", "backspace", "kataib")
	if !r.finding {
		t.Fatal("find line closed")
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "1/3") || !strings.Contains(scr, "Kata’ib Hezbollah bases") {
		t.Fatalf("live find did not count and show the first match:\n%s", scr)
	}
	hs.keys("esc")
	if r.query != "zz" || r.top != 0 || len(r.matches) != 0 {
		t.Fatalf("esc did not restore: query %q top %d matches %d", r.query, r.top, len(r.matches))
	}
}

func TestReaderLiveFindDropsStale(t *testing.T) {
	a := longArticle()
	hs, r := openReader(t, []*corpus.Article{a}, a, 80, 20)
	hs.keys("/")
	m := hs.m
	var first tea.Cmd
	for i, k := range "kat" {
		_, c := m.Update(tea.KeyPressMsg(tea.Key{Code: k, Text: string(k)}))
		if i == 0 {
			first = c
		}
	}
	if !m.jobs.running(jobFind) || m.jobs.kinds[jobFind].queued == nil {
		t.Fatalf("in flight %v queued %v", m.jobs.running(jobFind), m.jobs.kinds[jobFind].queued != nil)
	}
	// The first search answers "k": stale, dropped; the pending "kat" runs.
	var res findResultsMsg
	for _, msg := range flatten(first) {
		if fr, ok := msg.(findResultsMsg); ok {
			res = fr
		}
	}
	if res.query != "k" {
		t.Fatalf("first search was for %q", res.query)
	}
	_, next := m.Update(res)
	if r.query == "k" {
		t.Fatal("stale live-find results applied")
	}
	var latest findResultsMsg
	for _, msg := range flatten(next) {
		if fr, ok := msg.(findResultsMsg); ok {
			latest = fr
		}
	}
	if latest.query != "kat" {
		t.Fatalf("pending search was for %q", latest.query)
	}
	m.Update(latest)
	if r.query != "kat" || len(r.matches) != 3 {
		t.Fatalf("latest results: query %q, %d matches", r.query, len(r.matches))
	}
}

// flatten runs cmd and returns its messages, opening batches.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
