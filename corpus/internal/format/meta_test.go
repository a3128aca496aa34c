package format

import (
	"strings"
	"testing"
)

// TestDecodeMetaSteps decodes one record of each context: which fields
// each allows, author lists, parts, and the date read with its precision
// once every field is known.
func TestDecodeMetaSteps(t *testing.T) {
	yamlText := `id: x1
file: a.txt
title: T
authors: [Jane Doe, John Roe]
date_precision: month
date: 2021-06-28
colour: blue
parts:
  - {}
  - title: P2
  - ~
  - [bad]
`
	root, err := parseYAML(yamlText)
	if err != nil {
		t.Fatal(err)
	}
	rec, probs := decodeMeta("meta.yaml", root, 0, inMetaFile)
	if rec.ID != "" || rec.File != "a.txt" || rec.Title != "T" || rec.Author != "Jane Doe, John Roe" || rec.Date.String() != "2021-06" {
		t.Errorf("meta.yaml record %+v", rec)
	}
	if len(rec.Parts) != 4 || rec.Parts[1].Title != "P2" {
		t.Errorf("parts %+v", rec.Parts)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	want := "meta.yaml:1: bad metadata: unknown field \"id\"; ignored\n" +
		"meta.yaml:7: bad metadata: unknown field \"colour\"; ignored\n" +
		"meta.yaml:12: bad metadata: parts: each entry must be a mapping of fields ({} for none)"
	if got := strings.Join(msgs, "\n"); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}

	fm, probs := decodeMeta("f.md", root, 1, inFrontMatter)
	if fm.ID != "x1" || fm.File != "" || len(fm.Parts) != 0 || len(probs) != 0 {
		t.Errorf("front matter %+v, problems %v", fm, probs)
	}
}
