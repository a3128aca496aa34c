package format

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
)

// benchRecordLine is one news-please-like record of about 4 KB, with
// escaped line breaks and typographic quotes as real scrapes have.
func benchRecordLine() []byte {
	para := "The Pentagon said the strikes, launched overnight on Sunday, targeted “facilities used by Iran-backed militias” near the Iraq–Syria border. "
	body := strings.TrimSpace(strings.Repeat(strings.Repeat(para, 4)+"\n\n", 7))
	b, _ := json.Marshal(map[string]any{
		"title": "Iraq Condemns US Airstrikes That Targeted Iran-Backed Militias", "maintext": body,
		"authors": []string{"A. Reporter"}, "date_publish": "2021-06-28 10:00:00", "source_domain": "example.com",
		"url": "https://example.com/a", "language": "en", "image_url": nil, "description": "A standfirst.",
	})
	return b
}

func TestFastDecodeMatchesEncodingJSON(t *testing.T) {
	line := benchRecordLine()
	var fast, std jsonRecord
	if !fastDecodeRecord(line, &fast) {
		t.Fatal("fast decoder gave up on an ordinary record")
	}
	if err := json.Unmarshal(line, &std); err != nil {
		t.Fatal(err)
	}
	if fast != std {
		t.Errorf("fast %+v\nstd %+v", fast, std)
	}
	for _, bad := range []string{`{"title": "x"`, `{"title": "x"} y`, `{"title": tru}`, `{"title": "a` + "\n" + `"}`, `{"a": 1.}`, `{"a": -}`, `{"a" 1}`, `{,}`} {
		var r jsonRecord
		if fastDecodeRecord([]byte(bad), &r) {
			t.Errorf("fast decoder accepted invalid %q", bad)
		}
	}
	var r jsonRecord
	if fastDecodeRecord([]byte(`{"TITLE": "upper"}`), &r) {
		t.Error("fast decoder should leave case-insensitive keys to encoding/json")
	}
	if err := decodeJSONRecord([]byte(`{"TITLE": "upper"}`), &r); err != nil || r.Title != "upper" {
		t.Errorf("fallback: %v %+v", err, r)
	}
}

func BenchmarkDecodeJSONRecord(b *testing.B) {
	line := benchRecordLine()
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			var r jsonRecord
			if !fastDecodeRecord(line, &r) {
				b.Fatal("gave up")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			var r jsonRecord
			if err := json.Unmarshal(line, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestNextSpecialMatchesBytewise(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		b := []byte(texttest.Random(r, 30))
		for i := 0; i <= len(b); i++ {
			want := i
			for want < len(b) && b[want] != '"' && b[want] != '\\' && b[want] >= 0x20 {
				want++
			}
			if got := nextSpecial(b, i); got != want {
				t.Fatalf("nextSpecial(%q, %d) = %d, want %d", b, i, got, want)
			}
		}
	}
}

// TestDecodeWithReusedBufferMatches decodes a run of records with escaped
// strings through one scratch buffer, as a JSON Lines worker does, and
// checks each against a decode with fresh space and against encoding/json.
func TestDecodeWithReusedBufferMatches(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	var buf []byte
	for range 20000 {
		rec := map[string]any{"title": texttest.Random(r, 6), "text": texttest.Random(r, 40), "authors": []string{texttest.Random(r, 3)}}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		if r.IntN(4) == 0 { // escapes encoding/json does not write
			line = []byte(strings.Replace(string(line), `"text":"`, `"text":"\ud83d\ude00\/\u00e9\ud800x`, 1))
		}
		var reused, fresh, std jsonRecord
		if err := decodeJSONRecordWith(line, &reused, &buf); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if !fastDecodeRecord(line, &fresh) {
			t.Fatalf("fast decoder gave up on %s", line)
		}
		if err := json.Unmarshal(line, &std); err != nil {
			t.Fatal(err)
		}
		if reused != fresh || reused != std {
			t.Fatalf("%s:\nreused %+v\nfresh  %+v\nstd    %+v", line, reused, fresh, std)
		}
	}
}
