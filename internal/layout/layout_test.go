package layout

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/pmureader/pmureader"

// terminalModules are the libraries that draw on or ask about a terminal;
// corpus must work without one.
var terminalModules = []string{
	"charm.land/",
	"github.com/charmbracelet/",
}

// rule says that packages under from must not import anything under one of
// the forbidden prefixes.
type rule struct {
	from      string
	forbidden []string
	why       string
}

var rules = []rule{
	{"corpus", append([]string{module + "/tui", module + "/cmd", module + "/internal/termtext", module + "/internal/tmuxtest"}, terminalModules...),
		"corpus is pure Go with no terminal code; the TUI and the CLI depend on it, never the reverse"},
	{"tui", []string{module + "/cmd"}, "dependencies point cmd → tui, not back"},
	{"internal/termtext", []string{module + "/tui", module + "/cmd"}, "termtext is shared by the TUI and the CLI printers"},
}

func TestDependenciesPointOneWay(t *testing.T) {
	root := moduleRoot(t)
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			return nil // no Go files here
		}
		checked++
		imports := append(append(append([]string{}, pkg.Imports...), pkg.TestImports...), pkg.XTestImports...)
		for _, r := range rules {
			if rel != r.from && !strings.HasPrefix(rel, r.from+"/") {
				continue
			}
			for _, imp := range imports {
				for _, bad := range r.forbidden {
					if imp == bad || strings.HasPrefix(imp, strings.TrimSuffix(bad, "/")+"/") || (strings.HasSuffix(bad, "/") && strings.HasPrefix(imp, bad)) {
						t.Errorf("%s imports %s: %s", rel, imp, r.why)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("checked only %d packages under %s; is the walk broken?", checked, root)
	}
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's directory")
		}
		dir = parent
	}
}
