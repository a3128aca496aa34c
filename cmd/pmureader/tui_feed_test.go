package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// A panic in the loader goroutine the TUI reads from (open runs on it) is
// recovered: the TUI gets the failure as a problem for its status line,
// the channel closes, and runTUI has a one-line error to report once the
// terminal is restored (exit 70).
func TestTUIFeedPanicIsReported(t *testing.T) {
	f := &tuiFeed{open: func(ctx context.Context) <-chan corpus.Batch {
		panic("loader exploded\nwith a second line")
	}}
	ch := f.load(context.Background())
	var got []corpus.Batch
	timeout := time.After(5 * time.Second)
	for done := false; !done; {
		select {
		case b, ok := <-ch:
			if !ok {
				done = true
				break
			}
			got = append(got, b)
		case <-timeout:
			t.Fatal("the feed's channel never closed")
		}
	}
	if len(got) != 1 || len(got[0].Problems) != 1 ||
		!strings.Contains(got[0].Problems[0].Error(), "internal error while loading: loader exploded with a second line") {
		t.Fatalf("the TUI was not told: %+v", got)
	}
	_, _, started, panicked := f.result()
	if !started || panicked == nil || strings.Contains(panicked.Error(), "\n") {
		t.Fatalf("result: started %v, panicked %v", started, panicked)
	}
}
