package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestWriteIsDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	if err := Write(&a, 300, 42); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, 300, 42); err != nil {
		t.Fatal(err)
	}
	if err := Write(&c, 300, 43); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed gave different bytes")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("different seeds gave the same bytes")
	}
	// Articles are built from the same records.
	arts := Articles(300, 42)
	recs := Records(300, 42)
	for i, r := range recs {
		if arts[i].ID != r.ID || arts[i].Title != r.Title {
			t.Fatalf("article %d differs from record", i)
		}
	}
}

func TestRecordsLookLikeNews(t *testing.T) {
	const n = 2000
	var buf bytes.Buffer
	if err := Write(&buf, n, 7); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	var recs []Record
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	if len(recs) != n {
		t.Fatalf("%d records, want %d", len(recs), n)
	}
	outlets := map[string]bool{}
	ids := map[string]bool{}
	events := map[string]map[string]bool{}
	years := map[int]bool{}
	titleLen, textLen := 0, 0
	for _, r := range recs {
		if ids[r.ID] {
			t.Fatalf("duplicate id %s", r.ID)
		}
		ids[r.ID] = true
		outlets[r.Outlet] = true
		if events[r.Event] == nil {
			events[r.Event] = map[string]bool{}
		}
		if events[r.Event][r.Outlet] {
			t.Errorf("event %q covered twice by %s", r.Event, r.Outlet)
		}
		events[r.Event][r.Outlet] = true
		d, err := time.Parse("2006-01-02", r.Date)
		if err != nil {
			t.Fatalf("%s: date %q: %v", r.ID, r.Date, err)
		}
		years[d.Year()] = true
		titleLen += utf8.RuneCountInString(r.Title)
		textLen += len(r.Text)
		if strings.Count(r.Text, "\n\n") < 3 {
			t.Errorf("%s: only %d paragraphs", r.ID, strings.Count(r.Text, "\n\n")+1)
		}
		if r.Author == "" || r.URL == "" || r.Event == "" {
			t.Errorf("%s: missing metadata %+v", r.ID, r)
		}
	}
	if len(outlets) < 50 {
		t.Errorf("%d outlets, want 50+", len(outlets))
	}
	if len(years) < 4 {
		t.Errorf("dates span %d years, want several", len(years))
	}
	if avg := titleLen / n; avg < 45 || avg > 75 {
		t.Errorf("mean title length %d, want about 60", avg)
	}
	if avg := textLen / n; avg < 3500 || avg > 5000 {
		t.Errorf("mean body size %d bytes, want about 4 KB", avg)
	}
	multi := 0
	for _, os := range events {
		if len(os) >= 2 {
			multi++
		}
	}
	if multi < len(events)*9/10 {
		t.Errorf("only %d of %d events covered by 2+ outlets", multi, len(events))
	}
}

func TestEventArticlesShareEntities(t *testing.T) {
	recs := Records(50, 3)
	byEvent := map[string][]Record{}
	for _, r := range recs {
		byEvent[r.Event] = append(byEvent[r.Event], r)
	}
	for ev, rs := range byEvent {
		if len(rs) < 2 {
			continue
		}
		// The event line names the group and place; every article of the
		// event mentions the place in its body.
		place := ev[strings.Index(ev, " attack on ")+len(" attack on ") : strings.LastIndex(ev, ",")]
		for _, r := range rs {
			if !strings.Contains(r.Text, place) {
				t.Errorf("%s: body does not mention %q", r.ID, place)
			}
		}
	}
}

func BenchmarkArticles(b *testing.B) {
	for b.Loop() {
		Articles(2000, 1)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*2000), "ns/article")
}
