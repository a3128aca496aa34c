package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus/essource"
	"github.com/pmureader/pmureader/tui"
)

// readerDriver runs the reader's model as tea.Program would, without a
// terminal: commands run on goroutines, their messages come back one at a
// time to Update, and the test reads View between two messages.
type readerDriver struct {
	t    *testing.T
	m    *tui.Model
	msgs chan tea.Msg
	done chan struct{}
}

func newReaderDriver(t *testing.T, opts tui.Options, w, h int) *readerDriver {
	d := &readerDriver{t: t, m: tui.New(opts), msgs: make(chan tea.Msg, 64), done: make(chan struct{})}
	t.Cleanup(func() { close(d.done) })
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.exec(d.m.Init())
	return d
}

// exec runs cmd off the loop, as the program does, and queues its message.
func (d *readerDriver) exec(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				d.exec(c)
			}
			return
		}
		if msg == nil {
			return
		}
		select {
		case d.msgs <- msg:
		case <-d.done:
		}
	}()
}

func (d *readerDriver) send(msg tea.Msg) {
	_, cmd := d.m.Update(msg)
	d.exec(cmd)
}

// screen is the frame without styling.
func (d *readerDriver) screen() string { return ansi.Strip(d.m.View().Content) }

// until delivers messages until the frame satisfies ok.
func (d *readerDriver) until(what string, ok func(scr string) bool) string {
	d.t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		if scr := d.screen(); ok(scr) {
			return scr
		}
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-deadline:
			d.t.Fatalf("never %s:\n%s", what, d.screen())
		}
	}
}

func (d *readerDriver) untilText(s string) string {
	d.t.Helper()
	return d.until("showed "+s, func(scr string) bool { return strings.Contains(scr, s) })
}

// key presses one key: a letter, or "enter".
func (d *readerDriver) key(k string) {
	if k == "enter" {
		d.send(tea.KeyPressMsg(tea.Key{Code: tea.KeyEnter}))
		return
	}
	r := []rune(k)[0]
	d.send(tea.KeyPressMsg(tea.Key{Code: r, Text: k}))
}

// The reader opens on --source as on any corpus: rows as the pages
// arrive, with the progress counted in articles; then stories and a
// comparison. A shard failure is shown among the problems and makes the
// exit status partial once the reader has quit.
func TestSourceReader(t *testing.T) {
	f := newESFake(t, storyDocs(400)) // 1,200 articles: two pages
	f.hold = make(chan struct{})
	f.shardFail = true
	var stdout, stderr bytes.Buffer
	env := map[string]string{"PMUREADER_LIBRARY": t.TempDir() + "/library.db"}
	a := newApp(&stdout, &stderr, func(k string) string { return env[k] })
	a.es.source, a.es.limit = f.source(), essource.DefaultLimit
	req, err := newESRequest(a.es, "--limit", a.getenv)
	if err != nil {
		t.Fatal(err)
	}
	a.es.req = req
	defer a.closeSource()
	opts, feed, err := a.readerOptions(nil)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Library != nil || opts.LoadUnit != "articles" {
		t.Fatalf("reader options: library %v, unit %q", opts.Library != nil, opts.LoadUnit)
	}
	d := newReaderDriver(t, opts, 120, 30)

	scr := d.untilText("loading 1000/1200 articles")
	if !strings.Contains(scr, "Strikes near Anbar kill militia fighters (antiwar.com)") {
		t.Fatalf("the first page is not listed while the second is read:\n%s", scr)
	}
	close(f.hold)
	scr = d.until("finished loading", func(s string) bool { return strings.Contains(s, "1200 articles") && !strings.Contains(s, "loading") })
	if !strings.Contains(scr, "1 problem (p)") || !strings.Contains(scr, "shard failure") {
		t.Errorf("the shard failure is not shown:\n%s", scr)
	}

	d.key("t")
	d.untilText("Stories  400 stories · 400 with several articles · 1200 articles")
	d.key("enter")
	scr = d.until("compared a story", func(s string) bool {
		return strings.Contains(s, "antiwar.com") && strings.Contains(s, "presstv.ir") && strings.Contains(s, "Warplanes struck")
	})
	if !strings.Contains(scr, "Compare") {
		t.Errorf("not the compare view:\n%s", scr)
	}

	// The reader has quit: what went wrong is told, and the status says
	// partial.
	if err := a.afterReader(context.Background(), nil, feed); err != nil {
		t.Fatal(err)
	}
	if !a.partial || !strings.Contains(stderr.String(), "pmureader: warning: "+f.source()+": shard failure: 1 of 2 shards failed") {
		t.Errorf("partial %v, stderr:\n%s", a.partial, stderr.String())
	}
}
