package lexicon

import (
	"bytes"
	"slices"
	"testing"
)

// nearScan is what x's near list must hold: every other word whose
// cosine with x (smaller ID first) is floor or more, ascending.
func nearScan(l *Lexicon, x int32, floor float32) []int32 {
	out := []int32{}
	for y := range int32(l.Len()) {
		if y != x && l.SimilarIDs(min(x, y), max(x, y)) >= floor {
			out = append(out, y)
		}
	}
	return out
}

// Near lists encoded from a table hold, for each word, the words a scan
// finds at the floor, and IsNear answers as the dot product does at any
// threshold: from the lists at or above the floor, by computing below.
func TestNearRoundTrip(t *testing.T) {
	table := encodeTest(t, small)
	var b bytes.Buffer
	if err := EncodeNear(&b, table, 0.5, 2); err != nil {
		t.Fatal(err)
	}
	l := &Lexicon{raw: table, nearRaw: b.String()}
	nl := l.near()
	if nl == nil {
		t.Fatalf("near lists did not decode: %v", l.nearErr)
	}
	seized, _ := l.ID("seized")
	took, _ := l.ID("took")
	if !slices.Contains(nl.list(seized), took) {
		t.Fatalf("seized's near words %v lack took", nl.list(seized))
	}
	for x := range int32(l.Len()) {
		if got, want := nl.list(x), nearScan(l, x, 0.5); !slices.Equal(got, want) {
			t.Errorf("word %d (%s): near %v, scan %v", x, l.Key(x), got, want)
		}
		odd := []uint64{0xAAAAAAAAAAAAAAAA} // the words of odd ID
		var want []int32
		for _, y := range nl.list(x) {
			if y%2 == 1 {
				want = append(want, y)
			}
		}
		nb := l.Neighbours(x, 0.5)
		if got, ok := nb.AppendIn(nil, odd); !ok || !slices.Equal(got, want) {
			t.Errorf("word %d: AppendIn %v, %v; want %v", x, got, ok, want)
		}
		below := l.Neighbours(x, 0.2)
		if got, ok := below.AppendIn(nil, odd); ok || got != nil {
			t.Errorf("word %d: below the floor AppendIn gave %v, %v", x, got, ok)
		}
		for y := range int32(l.Len()) {
			for _, thr := range []float32{0.2, 0.5, 0.9, 0.97} {
				if got, want := l.IsNear(x, y, thr), l.SimilarIDs(min(x, y), max(x, y)) >= thr; got != want {
					t.Errorf("IsNear(%s, %s, %.2f) = %v, the cosine says %v", l.Key(x), l.Key(y), thr, got, want)
				}
			}
		}
	}
}

// Near lists that do not fit the table are refused with a reason, and
// IsNear then computes every answer.
func TestNearCorrupt(t *testing.T) {
	table := encodeTest(t, small)
	var b bytes.Buffer
	if err := EncodeNear(&b, table, 0.5, 1); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	other := encodeTest(t, small[:3])
	for name, raw := range map[string]string{
		"bad magic":     "PMUNEARX" + good[8:],
		"truncated":     good[:len(good)-3],
		"another table": good, // decoded against a table of 3 words
	} {
		tab := table
		if name == "another table" {
			tab = other
		}
		l := &Lexicon{raw: tab, nearRaw: raw}
		if l.near() != nil || l.nearErr == nil {
			t.Errorf("%s: decoded", name)
		}
		seized, _ := l.ID("seized")
		said, _ := l.ID("said")
		if l.IsNear(seized, said, 0.5) != (l.SimilarIDs(min(seized, said), max(seized, said)) >= 0.5) {
			t.Errorf("%s: IsNear disagrees with the cosine", name)
		}
	}
}

// The embedded near lists were computed from the embedded table at
// NearFloor, and a sample of words' lists are what a scan finds.
func TestEnglishNear(t *testing.T) {
	l := English()
	nl := l.near()
	if nl == nil {
		t.Fatalf("embedded near lists: %v", l.nearErr)
	}
	if nl.hash != NearHash(embedded) || nl.floor != NearFloor {
		t.Fatalf("near.bin was computed from another table or floor (%.2f): run scripts/lexicon/build", nl.floor)
	}
	step := int32(l.Len() / 120)
	if testing.Short() {
		step *= 10
	}
	for x := int32(7); x < int32(l.Len()); x += step {
		if got, want := nl.list(x), nearScan(l, x, NearFloor); !slices.Equal(got, want) {
			t.Fatalf("word %d (%s): near %v, scan %v", x, l.Key(x), got, want)
		}
	}
	p, _ := l.ID("protesters")
	d, _ := l.ID("demonstrators")
	if !l.IsNear(p, d, 0.7) || !l.IsNear(d, p, 0.7) {
		t.Error("protesters and demonstrators are not near")
	}
}
