package tui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/lexicon"
)

// The embedded word table (corpus/lexicon, 6.5 MB) is decoded on first
// use: starting pmureader and drawing its first frame must not use it;
// only a comparison does. Other tests of this package compare, so the
// check runs in a fresh process: the test binary runs itself
// (TestLexiconLazyChild, which does nothing unless PMUREADER_LEXICON_CHILD
// is set).
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

// TestLexiconLazyChild starts the program on the seeds as pmureader does
// (load, first frame, the library and its background jobs), reports
// whether the lexicon was decoded, then compares two articles and reports
// again.
func TestLexiconLazyChild(t *testing.T) {
	if os.Getenv("PMUREADER_LEXICON_CHILD") == "" {
		t.Skip("the child of TestFirstFrameLeavesLexiconUndecoded; runs only inside it")
	}
	hs := newHarness(t, seedArticles(t), 120, 40)
	if frame := hs.m.render(); !strings.Contains(frame, "Antiwar.com") {
		t.Fatalf("first frame is not the library:\n%s", frame)
	}
	hs.keys("j", "k", "t", "esc") // the stories view, grouped in the background
	t.Logf("first frame: lexicon decoded %v", lexicon.English().Decoded())
	markIDs(t, hs, seedIranian, seedAntiwar)
	hs.keys("c")
	if compareOf(hs).cmp == nil {
		t.Fatal("no comparison")
	}
	t.Logf("after compare: lexicon decoded %v", lexicon.English().Decoded())
}
