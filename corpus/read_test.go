package corpus

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// readAll reads paths the way an importer does: Sources, then each source
// with a Reader, JSON Lines a few lines at a time with ParseLines.
func readAll(t *testing.T, paths []string) ([]*Article, []Problem) {
	t.Helper()
	ctx := context.Background()
	srcs, probs := Sources(ctx, paths)
	r := NewReader(Options{})
	var arts []*Article
	for _, s := range srcs {
		if s.Format != JSONLines {
			a, p := r.Read(ctx, s)
			arts, probs = append(arts, a...), append(probs, p...)
			continue
		}
		data, err := os.ReadFile(s.Path)
		if err != nil {
			t.Fatal(err)
		}
		line, record := 1, 1
		for off := 0; off < len(data); {
			n := 0
			for k := 0; k < 2 && off+n < len(data); k++ { // two lines a run
				i := bytes.IndexByte(data[off+n:], '\n')
				if i < 0 {
					n = len(data) - off
					break
				}
				n += i + 1
			}
			a, p, recs := ParseLines(ctx, s.Path, Lines{Data: data[off : off+n], Offset: int64(off), FirstLine: line, FirstRecord: record})
			arts, probs = append(arts, a...), append(probs, p...)
			line += bytes.Count(data[off:off+n], []byte{'\n'})
			record += recs
			off += n
		}
	}
	return arts, probs
}

// TestSourcesAndReaderMatchLoad reads the format and hostile test folders
// source by source and checks the articles and problems against Load's
// (which also drops articles whose id an earlier file has: an importer
// gives those ids of their own). Load keeps copies here, as the Reader
// does: an importer finds them against what it has stored.
func TestSourcesAndReaderMatchLoad(t *testing.T) {
	for _, dir := range []string{"testdata/formats", "testdata/hostile"} {
		t.Run(dir, func(t *testing.T) {
			c, err := Load(context.Background(), []string{dir}, Options{KeepDuplicates: true})
			if err != nil {
				t.Fatal(err)
			}
			arts, probs := readAll(t, []string{dir})
			byID := map[string]*Article{}
			for _, a := range arts {
				if _, ok := byID[a.ID]; !ok {
					byID[a.ID] = a
				}
			}
			if len(byID) != len(c.Articles) {
				t.Fatalf("%d distinct ids read, Load has %d articles", len(byID), len(c.Articles))
			}
			for _, want := range c.Articles {
				if got := byID[want.ID]; !reflect.DeepEqual(got, want) {
					t.Errorf("article %s differs:\n got %+v\nwant %+v", want.ID, got, want)
				}
			}
			var want []string
			for _, p := range c.Problems {
				if !errors.Is(p.Err, ErrDuplicateID) {
					want = append(want, p.Error())
				}
			}
			got := make([]string, len(probs))
			for i, p := range probs {
				got[i] = p.Error()
			}
			sort.Strings(got)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("problems\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// TestSourcesReportsBadPaths: a missing path and an unsupported file are
// problems, a folder's files are listed once however often named.
func TestSourcesReportsBadPaths(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a.txt": "Title\n\nBody.\n", "b.docx": "x", "sub/c.md": "# C\n\nBody.\n"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, probs := Sources(context.Background(), []string{dir, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.docx"), filepath.Join(dir, "missing")})
	var paths []string
	for _, s := range srcs {
		paths = append(paths, filepath.Base(s.Path)+":"+s.Format)
	}
	if want := []string{"a.txt:text", "c.md:markdown"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("sources %v, want %v", paths, want)
	}
	if len(probs) != 2 || !errors.Is(probs[0].Err, ErrUnsupported) || !errors.Is(probs[1].Err, os.ErrNotExist) {
		t.Errorf("problems %v", probs)
	}
	if _, p := NewReader(Options{}).Read(context.Background(), Source{Path: "x.doc", Format: "doc"}); len(p) != 1 || !errors.Is(p[0].Err, ErrUnsupported) {
		t.Errorf("unknown format: %v", p)
	}
}
