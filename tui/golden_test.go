package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenScenes drive the TUI on the real seeds to each view worth keeping
// an eye on. The golden files hold the frames as plain text (styling
// stripped, trailing spaces trimmed) for review; width is checked apart.
var goldenScenes = []struct {
	name string
	keys []string
}{
	{"library", nil},
	{"fuzzy", []string{"/", "ketaib"}},
	{"words", []string{"f", "kataib hezbollah"}},
	{"reader", []string{"/", "ketaib", "enter"}},
	{"reader-find", []string{"/", "ketaib", "enter", "/", "hezbollah", "enter", "n"}},
	{"reader-raw", []string{"/", "ketaib", "enter", "r", "G"}},
	{"help", []string{"?"}},
}

func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range goldenScenes {
			name := fmt.Sprintf("%s-%dx%d", sc.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, seedArticles(t), sz[0], sz[1])
				hs.keys(sc.keys...)
				checkFrame(t, hs.m.render(), sz[0], sz[1])
				checkGolden(t, name, hs.screenText())
			})
		}
	}
}

// checkGolden compares a screen, as plain text with trailing spaces
// trimmed, with testdata/golden/NAME.golden, or rewrites that file under
// -update (then read the diff before committing).
func checkGolden(t *testing.T, name, screen string) {
	t.Helper()
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		b.WriteString(strings.TrimRight(l, " "))
		b.WriteByte('\n')
	}
	got := b.String()
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Fatalf("%s differs from the golden file (go test ./tui -run %s -update, then look):\n--- got\n%s--- want\n%s", name, t.Name(), got, want)
	}
}
