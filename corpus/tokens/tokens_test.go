package tokens

import (
	"testing"
	"unsafe"
)

// Every casualty stem has a class with a name, so tokens can keep a byte
// and callers can name the class.
func TestCasualtyClasses(t *testing.T) {
	for stem, class := range casualtyStems {
		if class == NoCasualty || class.String() == "" {
			t.Errorf("%s: class %d has no name", stem, class)
		}
		if c, ok := CasualtyNamed(class.String()); !ok || c != class {
			t.Errorf("%s: CasualtyNamed(%q) = %d, %v", stem, class, c, ok)
		}
	}
	if tok := Tokenize("wounding"); len(tok) != 1 || tok[0].Casualty.String() != "injured" {
		t.Errorf("wounding: %+v", tok)
	}
	if _, ok := CasualtyNamed(""); ok {
		t.Error(`"" names a casualty class`)
	}
}

func TestCasualtyOfStem(t *testing.T) {
	for _, tc := range []struct {
		stem string
		want Casualty
	}{
		{"kill", Killed}, {"dead", Killed}, {"death", Killed}, {"die", Killed},
		{"injuri", Injured}, {"wound", Injured}, {"arrest", Arrested}, {"captur", Arrested},
		{"displac", Displaced}, {"kidnapp", Kidnapped}, {"abduct", Kidnapped},
		{"killer", Killed}, // a known prefix
		{"strike", NoCasualty}, {"ki", NoCasualty}, {"", NoCasualty},
	} {
		if got := casualtyOfStem(tc.stem); got != tc.want {
			t.Errorf("casualtyOfStem(%q) = %v, want %v", tc.stem, got, tc.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "Iraq’s PMU said 27 were killed in the F-15 strikes."
	type want struct {
		word, key, stem        string
		stop, num, upper, caps bool
		poss                   bool
		cas                    Casualty
	}
	wants := []want{
		{"Iraq’s", "iraq", "iraq", false, false, true, false, true, NoCasualty},
		{"PMU", "pmu", "pmu", false, false, true, true, false, NoCasualty},
		{"said", "said", "said", false, false, false, false, false, NoCasualty},
		{"27", "27", "", false, true, false, false, false, NoCasualty},
		{"were", "were", "", true, false, false, false, false, NoCasualty},
		{"killed", "killed", "kill", false, false, false, false, false, Killed},
		{"in", "in", "", true, false, false, false, false, NoCasualty},
		{"the", "the", "", true, false, false, false, false, NoCasualty},
		{"F", "f", "", true, false, true, false, false, NoCasualty}, // "F-15" is two words
		{"15", "15", "", false, true, false, false, false, NoCasualty},
		{"strikes", "strikes", "strike", false, false, false, false, false, NoCasualty},
	}
	got := Tokenize(text)
	if len(got) != len(wants) {
		t.Fatalf("%d tokens %+v, want %d", len(got), got, len(wants))
	}
	for i, w := range wants {
		g := got[i]
		if text[g.Start:g.End] != w.word || g.Key != w.key || g.Stem != w.stem || g.Stop != w.stop || g.Num != w.num ||
			g.Upper != w.upper || g.Caps != w.caps || g.Poss != w.poss || g.Casualty != w.cas {
			t.Errorf("token %d = %+v (%q), want %+v", i, g, text[g.Start:g.End], w)
		}
		if g.Stem != "" && g.KeyID != -1 {
			t.Errorf("token %d: KeyID %d without a memo, want -1", i, g.KeyID)
		}
	}
}

func TestTokenSize(t *testing.T) {
	if n := unsafe.Sizeof(Token{}); n > 64 {
		t.Errorf("Token is %d bytes, want 64 at most", n)
	}
}

func TestCutPossessive(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		ok      bool
	}{
		{"Iraq’s", "Iraq", true}, {"PMU's", "PMU", true}, {"IRAQ’S", "IRAQ", true},
		{"’s", "’s", false}, {"a's", "a's", false}, // too short to be a possessive
		{"its", "its", false}, {"Iraq", "Iraq", false},
	} {
		if out, ok := CutPossessive(tc.in); out != tc.out || ok != tc.ok {
			t.Errorf("CutPossessive(%q) = %q, %v; want %q, %v", tc.in, out, ok, tc.out, tc.ok)
		}
	}
}

func TestIsCaps(t *testing.T) {
	for w, want := range map[string]bool{"PMU": true, "U.S": true, "F-15": false, "Iraq": false, "A": false, "ISIS’": true} {
		if got := isCaps(w); got != want {
			t.Errorf("isCaps(%q) = %v", w, got)
		}
	}
}

// A memo numbers word keys densely in the order it meets them; one key has
// one number however often it comes, and the analysis is the memo-less one.
func TestMemoNumbersKeys(t *testing.T) {
	memo := make(Memo)
	text := "strikes strike Strikes killed strikes"
	got := TokenizeInto(nil, text, memo)
	ids := []int32{0, 1, 0, 2, 0} // "strikes" and "Strikes" share a key
	plain := Tokenize(text)
	for i, tok := range got {
		if tok.KeyID != ids[i] {
			t.Errorf("token %d %q: KeyID %d, want %d", i, tok.Key, tok.KeyID, ids[i])
		}
		p := plain[i]
		p.KeyID = tok.KeyID
		if p != tok {
			t.Errorf("token %d: with memo %+v, without %+v", i, tok, p)
		}
	}
	if len(memo) != 3 {
		t.Errorf("memo holds %d keys, want 3", len(memo))
	}
}

// TokenizeInto reuses dst's storage when it is large enough.
func TestTokenizeIntoReuses(t *testing.T) {
	buf := make([]Token, 0, 16)
	out := TokenizeInto(buf, "one two three", nil)
	if len(out) != 3 || &out[0] != &buf[:1][0] {
		t.Errorf("storage not reused: %d tokens", len(out))
	}
}

func TestCalendarWords(t *testing.T) {
	for _, k := range []string{"december", "dec", "sept", "may"} {
		if !IsMonth(k) {
			t.Errorf("IsMonth(%q) = false", k)
		}
	}
	for _, k := range []string{"sunday", "sun", "wed"} {
		if !IsWeekday(k) {
			t.Errorf("IsWeekday(%q) = false", k)
		}
	}
	for _, k := range []string{"iraq", "December", "killed"} {
		if IsMonth(k) || IsWeekday(k) {
			t.Errorf("%q taken for a calendar word", k)
		}
	}
}

func TestLightVerbs(t *testing.T) {
	for _, k := range []string{"carried", "took", "taken", "made", "held"} {
		if !IsLightVerb(k) {
			t.Errorf("IsLightVerb(%q) = false", k)
		}
	}
	for _, k := range []string{"attacked", "seized", "carrier", "maker"} {
		if IsLightVerb(k) {
			t.Errorf("%q taken for a light verb", k)
		}
	}
}

func TestReportingWords(t *testing.T) {
	for _, k := range []string{"said", "told", "according", "spokesman", "officials", "quoted"} {
		if !IsReporting(k) {
			t.Errorf("IsReporting(%q) = false", k)
		}
	}
	for _, k := range []string{"killed", "strike", "police", "Said"} {
		if IsReporting(k) {
			t.Errorf("%q taken for a reporting word", k)
		}
	}
}
