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
