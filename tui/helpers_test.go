package tui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

var (
	seedOnce sync.Once
	seedArts []*corpus.Article
	seedErr  error
)

// seedArticles loads the bundled seeds with the real loader.
func seedArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	seedOnce.Do(func() {
		c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
		if err != nil {
			seedErr = err
			return
		}
		seedArts = c.Articles
	})
	if seedErr != nil {
		t.Fatalf("load seeds: %v", seedErr)
	}
	return seedArts
}

// article builds a test article the way the loader would leave it:
// sanitised, with raw lines and a word count.
func article(id, outlet, date, title string, paras ...string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: textnorm.Line(title), Outlet: textnorm.Line(outlet), Format: "text"}
	if date != "" {
		tm, err := time.Parse("2006-01-02", date)
		if err != nil {
			panic(err)
		}
		a.Date = corpus.Date{Time: tm, Precision: corpus.PrecisionDay}
	}
	line := 1
	a.Raw = append(a.Raw, corpus.Line{Number: line, Text: a.Title, Role: corpus.RoleTitle})
	for _, p := range paras {
		line += 2
		p = textnorm.Sanitize(p)
		a.Body = append(a.Body, corpus.Paragraph{Text: p, Source: corpus.Span{File: id + ".txt", StartLine: line, EndLine: line}})
		a.Raw = append(a.Raw, corpus.Line{Number: line - 1, Role: corpus.RoleBlank}, corpus.Line{Number: line, Text: p, Role: corpus.RoleBody})
		a.Words += len(textnorm.Words(p))
	}
	a.Raw = append(a.Raw, corpus.Line{Number: line + 1, Text: "Share this on Facebook", Role: corpus.RoleChrome, Why: "share buttons"})
	a.Source = corpus.Span{File: id + ".txt", StartLine: 1, EndLine: line + 1}
	return a
}

// hostileArticle has every kind of text that breaks naive layout.
func hostileArticle() *corpus.Article {
	long := strings.Repeat("x", 10000)
	return article("hostile", "出版社 🗞️ Outlet\twith tab", "2020-02-29",
		"漢字のタイトル 👩‍👩‍👧 e\u0301e\u0301 שלום עולם ^[[31m control ␛ pictures "+strings.Repeat("é", 300),
		long,
		"Mixed: 中文字符测试 😀😀😀 combining a\u0300\u0301\u0302 RTL: مرحبا بالعالم and tabs\there\tand there.",
		strings.Repeat("emoji 👨‍👩‍👧‍👦 ", 200),
		"\u200b\u200d\ufeff zero width and \u0007 bell \x1b[2J escape",
	)
}

// batchLoader returns an Options.Load that delivers arts in one batch.
func batchLoader(arts []*corpus.Article) func(context.Context) <-chan corpus.Batch {
	return func(context.Context) <-chan corpus.Batch {
		ch := make(chan corpus.Batch, 1)
		ch <- corpus.Batch{Articles: arts, FilesDone: len(arts), FilesTotal: len(arts)}
		close(ch)
		return ch
	}
}

// harness drives a Model like tea.Program would, but synchronously:
// every command's message is fed back to Update until none is left.
type harness struct {
	t    testing.TB
	m    *Model
	quit bool
}

func newHarness(t testing.TB, arts []*corpus.Article, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, m: New(Options{Load: batchLoader(arts), NoColor: false})}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// send delivers one message and runs what it starts.
func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	_, cmd := hs.m.Update(msg)
	hs.run(cmd)
	if hs.m.err != nil {
		hs.t.Fatalf("model error: %v", hs.m.err)
	}
}

// commandTimeout guards against a command that never returns. It is not a
// speed test: under the race detector on a loaded 2-core machine, grouping
// the 2,000 articles of TestLargeLibraryGroupsWithProgress took over 5 s.
const commandTimeout = 60 * time.Second

func (hs *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(commandTimeout):
		hs.t.Fatalf("command did not finish in %v", commandTimeout)
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			hs.run(c)
		}
	case tea.QuitMsg:
		hs.quit = true
	default:
		hs.send(msg)
	}
}

// keys types each key: "enter", "esc", "down", "ctrl+c", "space" or a
// single character; a longer plain string is typed letter by letter.
func (hs *harness) keys(ks ...string) {
	hs.t.Helper()
	for _, k := range ks {
		for _, msg := range keyMsgs(k) {
			hs.send(msg)
		}
	}
}

// keyMsgs turns a key name, or text to type, into key presses.
func keyMsgs(k string) []tea.Msg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape},
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown},
		"home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"space": {Code: tea.KeySpace, Text: " "}, "backspace": {Code: tea.KeyBackspace},
		"tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+d": {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u": {Code: 'u', Mod: tea.ModCtrl}, "ctrl+f": {Code: 'f', Mod: tea.ModCtrl},
		"ctrl+n": {Code: 'n', Mod: tea.ModCtrl}, "ctrl+p": {Code: 'p', Mod: tea.ModCtrl},
	}
	if sk, ok := special[k]; ok {
		return []tea.Msg{tea.KeyPressMsg(sk)}
	}
	var out []tea.Msg
	for _, r := range k {
		out = append(out, tea.KeyPressMsg(tea.Key{Code: r, Text: string(r)}))
	}
	return out
}

// screenText is the current frame without ANSI styling.
func (hs *harness) screenText() string { return ansi.Strip(hs.m.render()) }

// checkFrame asserts the frame fits a w×h terminal exactly and is safe.
func checkFrame(t testing.TB, frame string, w, h int) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if frame != "" {
			t.Fatalf("%dx%d: want an empty frame, got %q", w, h, frame)
		}
		return
	}
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if sw := ansi.StringWidth(l); sw > w {
			t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, h, i, sw, ansi.Strip(l))
		}
		// Terminals that measure by code point (tmux) must fit it too.
		if sw := ansi.StringWidthWc(l); sw > w {
			t.Fatalf("%dx%d: line %d is %d cells wide by wcwidth: %q", w, h, i, sw, ansi.Strip(l))
		}
		if !textnorm.Safe(ansi.Strip(l)) {
			t.Fatalf("%dx%d: line %d has control characters: %q", w, h, i, ansi.Strip(l))
		}
	}
}
