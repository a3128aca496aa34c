package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
pkg: github.com/pmureader/pmureader/corpus/search
BenchmarkTitleSearch/100k-2   	       1	2019871046 ns/op	        34.82 ms/key	       261.7 ms/key-max	        22.01 ms/key-p50
BenchmarkTitleSearch/100k-2   	       1	2019871046 ns/op	        30.00 ms/key	       261.7 ms/key-max	        10.00 ms/key-p50
BenchmarkTitleSearch/100k-2   	       1	2019871046 ns/op	        31.00 ms/key	       261.7 ms/key-max	        12.00 ms/key-p50
PASS
pkg: github.com/pmureader/pmureader/tui
BenchmarkViewLibrary-2   	     500	   5000000 ns/op	  1000 B/op	  10 allocs/op
pkg: github.com/pmureader/pmureader/corpus/library
BenchmarkLibrary1M/Search-2   	     100	  3000000 ns/op	  40.0 median-ms	  90.0 max-ms
`

func TestTable(t *testing.T) {
	var b strings.Builder
	if err := run(strings.NewReader(sample), &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"search/TitleSearch/100k 12 ms/key-p50\n", // median of 22, 10, 12
		"search/TitleSearch/100k 31 ms/key\n",
		"tui/ViewLibrary 5e+06 ns/op\n",
		"library/Library1M/Search 40 median-ms\n",
		"1 of 3 targets missed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "5.00 ms") || !strings.Contains(out, "FAIL") || !strings.Contains(out, "PASS") {
		t.Errorf("table:\n%s", out)
	}
	table, _, _ := strings.Cut(out, "--- machine-readable ---")
	if strings.Contains(table, "allocs/op") {
		t.Errorf("allocs/op should stay out of the table:\n%s", out)
	}
}
