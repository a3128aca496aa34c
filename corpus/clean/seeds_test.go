package clean

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

// seedLines reads a seed through the embedded FS and sanitises it the way
// the loader does before cleaning.
func seedLines(t testing.TB, name string) []string {
	t.Helper()
	data, err := fs.ReadFile(seeds.FS, name)
	if err != nil {
		t.Fatalf("read seed %s: %v", name, err)
	}
	return strings.Split(textnorm.Sanitize(string(data)), "\n")
}

// partWant is what PROVENANCE.md says about one article of a seed file.
type partWant struct {
	span        [2]int
	title       string // exact title, or a prefix when titlePrefix
	titlePrefix bool
	titleLine   int // 0 when the title is made from the first sentence
	dek         string
	dekLine     int
	captionLine int
	author      string
	bylineLine  int
	via         string
	viaLine     int
	body        [2]int         // every non-blank line in this range is a paragraph, in order
	subheads    []int          // lines of body that are subheads
	leadBullet  bool           // the first body line starts with a bullet that is dropped
	chrome      map[int]reason // chrome line -> Why
}

var seedWants = map[string][]partWant{
	"000_7f156dedb77d178e.txt": {{
		span:  [2]int{1, 49},
		title: "US bombs anti-ISIS Iraqi Shi’a fighters", titleLine: 3,
		body: [2]int{7, 34},
		chrome: map[int]reason{
			1: whyCategory, 5: whyVideo, 36: whyDonation, 39: whyDisclaimer,
			41: whyComments, 43: whyComments, 44: whyComments, 45: whyComments,
			47: whyRelated, 49: whyRelated,
		},
	}},
	"001_dca753b7094c4e72.txt": {{
		span:  [2]int{1, 71},
		title: "Response to US Strikes: A United Opposition to Occupation of Iraq", titleLine: 1,
		body:     [2]int{3, 59},
		subheads: []int{35},
		via:      "American Herald Tribune", viaLine: 61,
		chrome: map[int]reason{
			63: whyDating, 65: whyDating, 67: whyAward, 69: whyAward, 70: whyDating, 71: whyDating,
		},
	}},
	"002_521e8e9ae6276b4b.txt": {
		{
			span:  [2]int{1, 29},
			title: "US Aiding Terrorists In Iraq And Syria", titleLine: 1,
			captionLine: 3,
			body:        [2]int{5, 29},
		},
		{
			span:  [2]int{31, 45},
			title: "Iran’s defence minister says Palestinian missiles and drones", titlePrefix: true,
			body:       [2]int{31, 45},
			leadBullet: true,
		},
	},
	"003_a3f0896ac364095c.txt": {{
		span:  [2]int{1, 19},
		title: "US Conducts Airstrikes on Shi’ite Militias in Iraq and Syria", titleLine: 1,
		dek: "US blames militia for Friday attack on Iraq base", dekLine: 3,
		body:   [2]int{5, 15},
		author: "Jason Ditz", bylineLine: 17,
		chrome: map[int]reason{19: whyBio},
	}},
	"004_f3682412e17b471f.txt": {{
		span:  [2]int{1, 48},
		title: "Iraq Condemns US Airstrikes That Targeted Iran-Backed Militias", titleLine: 1,
		dek:     "A spokesperson for Iraq’s government called the strikes an assault on the country’s sovereignty.",
		dekLine: 3,
		body:    [2]int{5, 35},
		chrome: map[int]reason{
			38: whyTags, 40: whyRelated, 41: whyRelated, 42: whyRelated, 43: whyRelated,
			44: whyRelated, 45: whyRelated, 46: whyRelated, 47: whyRelated, 48: whyRelated,
		},
	}},
}

func TestCleanTextSeeds(t *testing.T) {
	for file, parts := range seedWants {
		t.Run(file, func(t *testing.T) {
			lines := seedLines(t, file)
			arts := Text(file, lines)
			checkInvariants(t, lines, arts)
			if len(arts) != len(parts) {
				t.Fatalf("got %d articles, want %d", len(arts), len(parts))
			}
			for k, w := range parts {
				checkPart(t, file, lines, arts[k], w)
			}
		})
	}
}

func checkPart(t *testing.T, file string, lines []string, a *article.Article, w partWant) {
	t.Helper()
	if want := (article.Span{File: file, StartLine: w.span[0], EndLine: w.span[1]}); a.Source != want {
		t.Errorf("Source = %v, want %v", a.Source, want)
	}
	if w.titlePrefix {
		if !strings.HasPrefix(a.Title, w.title) || utf8.RuneCountInString(a.Title) > titleMaxRunes+1 {
			t.Errorf("Title = %q, want a short title starting %q", a.Title, w.title)
		}
	} else if a.Title != w.title {
		t.Errorf("Title = %q, want %q", a.Title, w.title)
	}
	if a.Dek != w.dek || a.Author != w.author || a.Via != w.via {
		t.Errorf("Dek/Author/Via = %q/%q/%q, want %q/%q/%q", a.Dek, a.Author, a.Via, w.dek, w.author, w.via)
	}
	roles := map[int]article.Line{}
	for _, l := range a.Raw {
		roles[l.Number] = l
	}
	wantRole := func(n int, r article.Role) {
		t.Helper()
		if n == 0 {
			return
		}
		if got := roles[n].Role; got != r {
			t.Errorf("line %d %q: role %q, want %q", n, lines[n-1], got, r)
		}
	}
	wantRole(w.titleLine, article.RoleTitle)
	wantRole(w.dekLine, article.RoleDek)
	wantRole(w.captionLine, article.RoleCaption)
	wantRole(w.bylineLine, article.RoleByline)
	wantRole(w.viaLine, article.RoleVia)
	for n, why := range w.chrome {
		wantRole(n, article.RoleChrome)
		if got := reason(roles[n].Why); got != why {
			t.Errorf("line %d %q: why %q, want %q", n, lines[n-1], got, why)
		}
		// The chrome text is nowhere in the body.
		text := textnorm.CollapseSpaces(lines[n-1])
		for _, p := range a.Body {
			if strings.Contains(p.Text, text) {
				t.Errorf("chrome line %d %q is in paragraph %v", n, text, p.Source)
			}
		}
		if a.Title == text || a.Dek == text {
			t.Errorf("chrome line %d became title or dek", n)
		}
	}
	// Every body line is a paragraph, in order, with its source line.
	sub := map[int]bool{}
	for _, n := range w.subheads {
		sub[n] = true
	}
	var want []article.Paragraph
	for n := w.body[0]; n <= w.body[1]; n++ {
		text := textnorm.CollapseSpaces(lines[n-1])
		if text == "" {
			continue
		}
		if w.leadBullet && n == w.body[0] {
			text = strings.TrimSpace(strings.TrimPrefix(text, "•"))
		}
		want = append(want, article.Paragraph{Text: text, Subhead: sub[n], Source: article.Span{File: file, StartLine: n, EndLine: n}})
		role := article.RoleBody
		if sub[n] {
			role = article.RoleSubhead
		}
		wantRole(n, role)
	}
	if len(a.Body) != len(want) {
		t.Errorf("%d paragraphs, want %d", len(a.Body), len(want))
	}
	for i := 0; i < len(want) && i < len(a.Body); i++ {
		if a.Body[i] != want[i] {
			t.Errorf("paragraph %d = %+v\nwant %+v", i, a.Body[i], want[i])
		}
	}
}

// checkInvariants asserts what must hold for any input: every article has
// a title or a paragraph, its Raw is exactly its span's lines, paragraphs
// lie in the span and hold no line break, and articles do not overlap.
func checkInvariants(t *testing.T, lines []string, arts []*article.Article) {
	t.Helper()
	prevEnd := 0
	for k, a := range arts {
		if a.Title == "" && len(a.Body) == 0 {
			t.Errorf("article %d has neither title nor paragraphs", k)
		}
		if strings.ContainsAny(a.Title+a.Dek+a.Author+a.Via, "\n") {
			t.Errorf("article %d: line break in title/dek/author/via", k)
		}
		s := a.Source
		if s.StartLine < 1 || s.EndLine > len(lines) || s.StartLine > s.EndLine || s.StartLine <= prevEnd {
			t.Errorf("article %d: bad span %v (file has %d lines, previous ended at %d)", k, s, len(lines), prevEnd)
			continue
		}
		prevEnd = s.EndLine
		if len(a.Raw) != s.EndLine-s.StartLine+1 {
			t.Errorf("article %d: %d raw lines for span %v", k, len(a.Raw), s)
		}
		for i, l := range a.Raw {
			if l.Number != s.StartLine+i || l.Number < 1 || l.Number > len(lines) {
				t.Errorf("article %d: raw line %d has number %d", k, i, l.Number)
				break
			}
			if l.Text != lines[l.Number-1] {
				t.Errorf("article %d: raw line %d text %q, want %q", k, l.Number, l.Text, lines[l.Number-1])
			}
			if (l.Role == article.RoleBlank) != isBlank(l.Text) {
				t.Errorf("article %d: line %d %q has role %q", k, l.Number, l.Text, l.Role)
			}
			if l.Role == article.RoleChrome && l.Why == "" {
				t.Errorf("article %d: chrome line %d without why", k, l.Number)
			}
		}
		for _, p := range a.Body {
			if strings.Contains(p.Text, "\n") || p.Text == "" || p.Text != strings.TrimSpace(p.Text) || strings.Contains(p.Text, "  ") {
				t.Errorf("article %d: paragraph %q not one trimmed line", k, p.Text)
			}
			if p.Source.StartLine < s.StartLine || p.Source.EndLine > s.EndLine || p.Source.StartLine > p.Source.EndLine {
				t.Errorf("article %d: paragraph source %v outside %v", k, p.Source, s)
			}
		}
	}
}
