package layout

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReadmePackageMapIsTrue reads the package table of the README's
// Development section and checks it against the module: every package has
// a row, every row names a package, and the imports a row lists are the
// package's imports within the module (tests aside), so that the map a
// newcomer reads first stays true.
func TestReadmePackageMapIsTrue(t *testing.T) {
	root := moduleRoot(t)
	rows := readmePackageRows(t, filepath.Join(root, "README.md"))
	pkgs := modulePackages(t, root)
	for rel, want := range pkgs {
		got, ok := rows[rel]
		if !ok {
			t.Errorf("README's package map has no row for %s (imports %v)", rel, want)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("README's package map says %s imports %v; it imports %v", rel, got, want)
		}
	}
	for rel := range rows {
		if _, ok := pkgs[rel]; !ok {
			t.Errorf("README's package map has a row for %s, which is no package of the module", rel)
		}
	}
}

// readmePackageRows returns, for each row "| `pkg` | owns | `a` `b` |" of
// the table under "## Development", the sorted imports it lists.
func readmePackageRows(t *testing.T, path string) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "\n## Development")
	if start < 0 {
		t.Fatal("README has no ## Development section")
	}
	section := text[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 5 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		imports := []string{}
		for _, f := range strings.Fields(cells[3]) {
			if f != "—" {
				imports = append(imports, strings.Trim(f, "`"))
			}
		}
		slices.Sort(imports)
		rows[name] = imports
	}
	if len(rows) < 20 {
		t.Fatalf("found %d rows in the Development section's package table; is its format changed?", len(rows))
	}
	return rows
}

// modulePackages returns every package of the module (by path from the
// root, "." for the root) with its sorted non-test imports within the module.
func modulePackages(t *testing.T, root string) map[string][]string {
	t.Helper()
	pkgs := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			return nil // no Go files here
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		imports := []string{}
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, module+"/") {
				imports = append(imports, strings.TrimPrefix(imp, module+"/"))
			}
		}
		slices.Sort(imports)
		pkgs[filepath.ToSlash(rel)] = imports
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}
