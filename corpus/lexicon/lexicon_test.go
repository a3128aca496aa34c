package lexicon

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// encodeTest encodes 3-d entries ranked in a vocabulary of 5,000 words.
func encodeTest(t testing.TB, es []Entry) string {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, es, 3, 5000); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var small = []Entry{
	{Key: "said", Rank: 15, Vector: []float32{1, 0, 0}},
	{Key: "the", Rank: 1, Vector: []float32{0, 2, 0}},
	{Key: "seized", Rank: 2309, Vector: []float32{3, 4, 0}},
	{Key: "took", Rank: 236, Vector: []float32{4, 3, 0}},
	{Key: "u.s", Rank: 40, Vector: []float32{0, 0, -5}},
}

func TestRoundTrip(t *testing.T) {
	l := New(encodeTest(t, small))
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	if l.Len() != 5 || l.Dims() != 3 {
		t.Fatalf("Len, Dims = %d, %d; want 5, 3", l.Len(), l.Dims())
	}
	for _, e := range small {
		if got := l.Rank(e.Key); got != e.Rank {
			t.Errorf("Rank(%q) = %d, want %d", e.Key, got, e.Rank)
		}
		id, ok := l.ID(e.Key)
		if !ok || l.Key(id) != e.Key {
			t.Errorf("ID(%q) = %d, %v; Key of it %q", e.Key, id, ok, l.Key(id))
		}
		v, ok := l.Vector(e.Key)
		if !ok {
			t.Fatalf("Vector(%q) missing", e.Key)
		}
		var n float64
		for k := range v {
			n += float64(e.Vector[k]) * float64(e.Vector[k])
		}
		for k := range v {
			want := float64(e.Vector[k]) / math.Sqrt(n)
			if math.Abs(float64(v[k])-want) > 0.01 {
				t.Errorf("Vector(%q)[%d] = %.3f, want %.3f (unit length)", e.Key, k, v[k], want)
			}
		}
	}
	// Words are numbered most frequent first.
	if id, _ := l.ID("the"); id != 0 {
		t.Errorf("ID(the) = %d, want 0", id)
	}
}

func TestUnknownWords(t *testing.T) {
	l := New(encodeTest(t, small))
	if _, ok := l.ID("kataib"); ok {
		t.Fatal("kataib found")
	}
	if l.Rank("kataib") != 0 || l.Similar("kataib", "said") != 0 {
		t.Fatal("an unknown word has a rank or a similarity")
	}
	if _, ok := l.Vector("kataib"); ok {
		t.Fatal("an unknown word has a vector")
	}
	// Unknown words are as rare as the words past the table's end.
	if got, want := l.DocFreq("kataib"), docFreq(2310, 5000); got != want {
		t.Fatalf("DocFreq(kataib) = %g, want %g", got, want)
	}
	if l.IDF("kataib") <= l.IDF("seized") {
		t.Fatal("an unknown word is not rarer than the rarest known one")
	}
}

func TestSimilar(t *testing.T) {
	l := New(encodeTest(t, small))
	if got := l.Similar("seized", "took"); math.Abs(float64(got)-0.96) > 0.01 {
		t.Fatalf("Similar(seized, took) = %.3f, want 0.96", got)
	}
	if l.Similar("seized", "took") != l.Similar("took", "seized") {
		t.Fatal("Similar is not symmetric")
	}
	if got := l.Similar("said", "u.s"); math.Abs(float64(got)) > 0.01 {
		t.Fatalf("Similar of orthogonal words = %.3f", got)
	}
	if got := l.Similar("took", "took"); math.Abs(float64(got)-1) > 0.01 {
		t.Fatalf("Similar(took, took) = %.4f, want 1", got)
	}
}

func TestDocFreqFallsWithRank(t *testing.T) {
	l := New(encodeTest(t, small))
	order := []string{"the", "said", "u.s", "took", "seized", "kataib"}
	for i := 1; i < len(order); i++ {
		a, b := l.DocFreq(order[i-1]), l.DocFreq(order[i])
		if !(a > b) || b <= 0 || a > 1 {
			t.Fatalf("DocFreq(%s) = %g, DocFreq(%s) = %g: want 1 ≥ first > second > 0", order[i-1], a, order[i], b)
		}
	}
	if id, _ := l.ID("took"); l.IDFOf(id) != l.IDF("took") {
		t.Fatal("IDFOf and IDF disagree")
	}
}

func TestTop(t *testing.T) {
	l := New(encodeTest(t, small)).Top(3) // the, said, u.s
	if l.Len() != 3 {
		t.Fatalf("Len = %d, want 3", l.Len())
	}
	if _, ok := l.ID("took"); ok {
		t.Fatal("Top(3) still has took (rank 236, fourth)")
	}
	if _, ok := l.ID("u.s"); !ok {
		t.Fatal("Top(3) lost u.s (rank 40, third)")
	}
	if got, want := l.DocFreq("took"), docFreq(41, 5000); got != want {
		t.Fatalf("DocFreq of a word past Top = %g, want %g", got, want)
	}
}

func TestEncodeRejectsBadEntries(t *testing.T) {
	cases := map[string][]Entry{
		"empty key":  {{Key: "", Rank: 1, Vector: []float32{1}}},
		"twice":      {{Key: "a", Rank: 1, Vector: []float32{1}}, {Key: "a", Rank: 2, Vector: []float32{1}}},
		"rank":       {{Key: "a", Rank: 0, Vector: []float32{1}}},
		"components": {{Key: "a", Rank: 1, Vector: []float32{1, 2}}},
	}
	for name, es := range cases {
		if err := Encode(&bytes.Buffer{}, es, 1, 10); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCorruptTablesAnswerUnknown(t *testing.T) {
	good := encodeTest(t, small)
	for name, raw := range map[string]string{
		"empty":     "",
		"magic":     "PMULEX9\n" + good[8:],
		"truncated": good[:len(good)-3],
		"longer":    good + "x",
	} {
		l := New(raw)
		if l.Err() == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.HasPrefix(l.Err().Error(), "lexicon: ") {
			t.Errorf("%s: error %q does not say lexicon", name, l.Err())
		}
		if _, ok := l.ID("said"); ok || l.Len() != 0 || l.IDF("said") != 0 {
			t.Errorf("%s: a broken table answers", name)
		}
	}
}

// The built-in table: its words and frequencies are GloVe's, so a few
// facts of English hold.
func TestEnglish(t *testing.T) {
	l := English()
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	if l.Dims() != 100 || l.Len() < 10000 {
		t.Fatalf("Dims, Len = %d, %d", l.Dims(), l.Len())
	}
	if !(l.IDF("the") < l.IDF("said") && l.IDF("said") < l.IDF("spokesman") && l.IDF("spokesman") < l.IDF("militia")) {
		t.Fatalf("IDF order wrong: the %.2f said %.2f spokesman %.2f militia %.2f",
			l.IDF("the"), l.IDF("said"), l.IDF("spokesman"), l.IDF("militia"))
	}
	if l.Similar("protesters", "demonstrators") < 0.8 {
		t.Fatalf("protesters~demonstrators = %.2f", l.Similar("protesters", "demonstrators"))
	}
	if l.Similar("protesters", "demonstrators") <= l.Similar("protesters", "budget") {
		t.Fatal("protesters closer to budget than to demonstrators")
	}
}

// Decoded says whether a question has been asked, without asking one.
func TestDecoded(t *testing.T) {
	l := New(encodeTest(t, small))
	if l.Decoded() {
		t.Fatal("decoded before any question")
	}
	_ = l.Top(2).Len() // another table over the same bytes
	if l.Decoded() {
		t.Fatal("a Top table's question decoded this one")
	}
	l.IDF("said")
	if !l.Decoded() {
		t.Fatal("not decoded after IDF")
	}
}

// Word probabilities follow the rank (Zipf), SIF weights fall with the
// probability, and the common direction is a unit vector leaning the way
// the frequent words point.
func TestSIF(t *testing.T) {
	l := New(encodeTest(t, small))
	the, _ := l.ID("the")
	seized, _ := l.ID("seized")
	h := math.Log(5000) + 0.5772
	if p := l.Prob(the); math.Abs(p-1/h) > 1e-12 {
		t.Errorf("Prob(the) = %v, want %v", p, 1/h)
	}
	if p := l.Prob(seized); math.Abs(p-1/(2309*h)) > 1e-12 {
		t.Errorf("Prob(seized) = %v", p)
	}
	if l.Prob(-1) != 0 || l.SIFWeight(99) != 0 {
		t.Error("unknown ids have a probability or weight")
	}
	ws, wt := l.SIFWeight(seized), l.SIFWeight(the)
	if !(wt < 0.01 && ws > 0.5 && ws < 1) {
		t.Errorf("SIF weights: the %.4f, seized %.4f", wt, ws)
	}
	c := l.Common()
	var n float64
	for _, x := range c {
		n += float64(x) * float64(x)
	}
	if len(c) != 3 || math.Abs(n-1) > 1e-5 {
		t.Fatalf("Common = %v (|c|² %v)", c, n)
	}
	// Each word weighs Prob × SIFWeight: "the" (0, 1, 0) outweighs the
	// rest, and "u.s" (0, 0, -1) pulls the third component down.
	if !(c[1] > c[0] && c[1] > 0 && c[2] < 0) {
		t.Errorf("Common = %v: not led by the frequent words", c)
	}
	if &l.Common()[0] != &c[0] {
		t.Error("Common computed twice")
	}
	if New("junk").Common() != nil {
		t.Error("a broken table has a common direction")
	}
}

// Look answers what ID, IDF and SIFWeight answer, in one lookup.
func TestLook(t *testing.T) {
	l := New(encodeTest(t, small))
	for _, k := range []string{"said", "seized", "nosuchword"} {
		w := l.Look(k)
		id, ok := l.ID(k)
		if w.ID != id || w.Known != ok || w.IDF != l.IDF(k) || (ok && w.SIF != l.SIFWeight(id)) || (!ok && w.SIF != 0) {
			t.Errorf("Look(%q) = %+v; ID %d %v, IDF %v", k, w, id, ok, l.IDF(k))
		}
	}
	if w := New("junk").Look("said"); w.ID != -1 || w.Known {
		t.Errorf("a broken table looks up %+v", w)
	}
}

func BenchmarkCommon(b *testing.B) {
	for b.Loop() {
		if len(New(embedded).Common()) != 100 {
			b.Fatal("no common direction")
		}
	}
}

func BenchmarkFirstUse(b *testing.B) {
	for b.Loop() {
		l := New(embedded)
		if _, ok := l.ID("said"); !ok {
			b.Fatal("said missing")
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	l := English()
	words := strings.Fields("thousands of protesters seized control of a second city in kyrgyzstan kataib")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		l.ID(words[i%len(words)])
	}
}

func BenchmarkAddVector(b *testing.B) {
	l := English()
	id, _ := l.ID("protesters")
	v := make([]float32, l.Dims())
	for b.Loop() {
		l.AddVector(v, id, 0.5)
	}
}

// TestDotInt8 checks the unrolled dot product against the plain sum, on
// lengths that are and are not multiples of four, and extreme values.
func TestDotInt8(t *testing.T) {
	for _, n := range []int{0, 1, 3, 4, 7, 100, 101} {
		a, b := make([]byte, n), make([]byte, n)
		for k := range n {
			a[k], b[k] = byte(k*37+11), byte(255-k*13)
			if k%5 == 0 {
				a[k], b[k] = 0x80, 0x80 // -128 × -128
			}
		}
		var want int32
		for k := range n {
			want += int32(int8(a[k])) * int32(int8(b[k]))
		}
		if got := dotInt8(string(a), string(b)); got != want {
			t.Errorf("length %d: dotInt8 = %d, want %d", n, got, want)
		}
	}
}
