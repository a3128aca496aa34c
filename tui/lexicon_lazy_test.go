package tui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/pmureader/pmureader/corpus/lexicon"
)

// The embedded word table (corpus/lexicon, 6.5 MB) is decoded on first
// use: starting pmureader and drawing its first frame must not use it; a
// comparison does, and so may the background jobs the loaded library
// starts (story grouping reads names, whose rules ask the table how common
// a word is: about 1 ms, off the first frame's path). Other tests of this
// package compare, so the check runs in a fresh process: the test binary
// runs itself (TestLexiconLazyChild, which does nothing unless
// PMUREADER_LEXICON_CHILD is set).
func TestFirstFrameLeavesLexiconUndecoded(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run", "^TestLexiconLazyChild$", "-test.v")
	cmd.Env = append(os.Environ(), "PMUREADER_LEXICON_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, want := range []string{"first frame: lexicon decoded false", "after compare: lexicon decoded true"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
}

// TestLexiconLazyChild starts the program on the seeds as pmureader does:
// it delivers what Init's commands send (the loaded articles), draws the
// first frame and reports whether the lexicon was decoded; then runs the
// background jobs those messages started, compares two articles and
// reports again.
func TestLexiconLazyChild(t *testing.T) {
	if os.Getenv("PMUREADER_LEXICON_CHILD") == "" {
		t.Skip("the child of TestFirstFrameLeavesLexiconUndecoded; runs only inside it")
	}
	hs := &harness{t: t, m: New(Options{Load: batchLoader(seedArticles(t))})}
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	var background []tea.Cmd
	var deliver func(tea.Cmd)
	deliver = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				deliver(c)
			}
		default:
			_, next := hs.m.Update(msg)
			background = append(background, next)
		}
	}
	deliver(hs.m.Init())
	if frame := hs.m.render(); !strings.Contains(frame, "Antiwar.com") {
		t.Fatalf("first frame is not the library:\n%s", frame)
	}
	t.Logf("first frame: lexicon decoded %v", lexicon.English().Decoded())
	for _, c := range background {
		hs.run(c)
	}
	t.Logf("after the background jobs: lexicon decoded %v", lexicon.English().Decoded())
	markIDs(t, hs, seedIranian, seedAntiwar)
	hs.keys("c")
	if compareOf(hs).cmp == nil {
		t.Fatal("no comparison")
	}
	t.Logf("after compare: lexicon decoded %v", lexicon.English().Decoded())
}
