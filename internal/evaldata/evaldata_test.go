package evaldata

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDocsOrdersSentencesAndKeepsGaps(t *testing.T) {
	dir := t.TempDir()
	data := `{"1_1ecbplus": {"2": "third", "0": "headline", "10": "eleventh"}}`
	if err := os.WriteFile(filepath.Join(dir, "docs.json"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := Docs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"headline", "", "third", "", "", "", "", "", "", "", "eleventh"}
	if got := docs["1_1ecbplus"]; !reflect.DeepEqual(got, want) {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
}

func TestDocsReportsBadInput(t *testing.T) {
	dir := t.TempDir()
	if _, err := Docs(dir); err == nil || !strings.Contains(err.Error(), "docs.json") {
		t.Fatalf("missing file: err = %v, want it to name docs.json", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "docs.json"), []byte(`{"d": {"x": "bad index"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Docs(dir); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Fatalf("bad index: err = %v, want it to name the index", err)
	}
}

func TestLinksReadsInIDOrder(t *testing.T) {
	dir := t.TempDir()
	data := `{"b": {"doc1": "x", "doc2": "y", "links": {"3": ["1", "2"]}},
	          "a": {"doc1": "p", "doc2": "q", "links": {"0": ["0"]}}}`
	if err := os.WriteFile(filepath.Join(dir, "links.json"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	links, err := Links(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{{Doc1: "p", Doc2: "q", Links: map[int][]int{0: {0}}}, {Doc1: "x", Doc2: "y", Links: map[int][]int{3: {1, 2}}}}
	if !reflect.DeepEqual(links, want) {
		t.Fatalf("links = %+v, want %+v", links, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "links.json"), []byte(`{"a": {"doc1": "p", "doc2": "q", "links": {"z": ["0"]}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Links(dir); err == nil || !strings.Contains(err.Error(), `"z"`) {
		t.Fatalf("bad index: err = %v, want it to name the index", err)
	}
}
