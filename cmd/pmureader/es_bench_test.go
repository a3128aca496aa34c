package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// benchDocs are n documents of storyDocs with bodies of about 2,600
// characters: the story's three paragraphs and six more.
func benchDocs(n int) []esDoc {
	docs := storyDocs((n + 2) / 3)[:n]
	for i, d := range docs {
		var b strings.Builder
		b.WriteString(d.source["text_content"].(string))
		for p := range 6 {
			fmt.Fprintf(&b, "\n\nParagraph %d of report %d: officials in Baghdad said the government would summon the ambassador, "+
				"while the militia's spokesman told reporters that the strikes violated the country's sovereignty and would be answered; "+
				"protesters gathered outside the embassy as the prime minister's office called an emergency meeting of the security council.", p+4, i)
		}
		d.source["text_content"] = b.String()
	}
	return docs
}

// BenchmarkSourceList10k is the target "10,000 hits from the local server
// mapped and opened ≤ 2 s" through the command: `pmureader list --source
// …` run in process on 10,000 hits of Media Cloud's layout (bodies of about
// 2,600 characters, 10 pages of 1,000 from the loopback stand-in): flags,
// the client, the layout probe, the point in time, every page's request
// and decoding, mapping each hit, the corpus, and the list printed (to a
// buffer). The stand-in serves pages it rendered once, before the timer,
// but shares the machine's cores with the command. The reader (TUI) runs
// the same read, page by page, and indexes each page for its searches
// as it arrives (see tui's load benchmarks).
func BenchmarkSourceList10k(b *testing.B) {
	f := newESFake(b, benchDocs(10_000))
	env := map[string]string{"PMUREADER_LIBRARY": b.TempDir() + "/library.db", "HOME": b.TempDir()}
	list := func() {
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"list", "--source", f.source()}, &out, &errb, func(k string) string { return env[k] })
		if code != 0 || strings.Count(out.String(), "\n") != 10_001 {
			b.Fatalf("exit %d, %d lines\n%s", code, strings.Count(out.String(), "\n"), errb.String())
		}
	}
	list() // the stand-in renders its pages
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		list()
	}
}
