package dedupe

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/internal/cputime"
)

// paragraphs are seven of an article's, each long enough to count.
var paragraphs = []string{
	"US warplanes struck five sites of Kata'ib Hezbollah in western Iraq and eastern Syria on Sunday.",
	"At least 25 fighters were killed and 51 wounded, according to the Popular Mobilization Units.",
	"The strikes answered a rocket attack on a base near Kirkuk that killed an American contractor.",
	"Iraq's caretaker prime minister called the strikes a violation of the country's sovereignty.",
	"Protesters gathered outside the embassy in Baghdad on Tuesday, some of them scaling its walls.",
	"The Pentagon said more troops would be sent to the region within days of the attack.",
	"Analysts warned that the confrontation could draw Iraq deeper into the rivalry between its allies.",
}

// art builds an article from paragraphs.
func art(id, outlet, via string, paras ...string) *article.Article {
	a := &article.Article{ID: id, Title: "Title of " + id, Outlet: outlet, Via: via}
	for _, p := range paras {
		a.Body = append(a.Body, article.Paragraph{Text: p})
	}
	return a
}

// load adds the articles to a new index in order, as the loader does, and
// returns the verdicts.
func load(settled bool, arts ...*article.Article) []Verdict {
	ix := NewIndex(settled, 0)
	var h Hasher
	var out []Verdict
	for _, a := range arts {
		p := h.Of(a)
		v := ix.Check(a, &p)
		ix.Add(a, &p, v)
		out = append(out, v)
	}
	if !settled {
		ix.Resolve()
	}
	return out
}

func TestIndexDuplicatesAndCopies(t *testing.T) {
	all := paragraphs
	orig := art("orig", "Antiwar.com", "", all...)
	same := art("same", "antiwar.com ", "", all...)
	retyped := art("retyped", "Antiwar.com", "", strings.ToUpper(strings.Join(all, " ")))
	via := art("via", "Iranian.com", "Antiwar.com", all...)
	other := art("other", "Other Outlet", "", all...)
	extra := art("extra", "Mirror", "", append(append([]string{}, all...), "This article first appeared on Antiwar.com and is republished here with permission.")...)
	excerpt := art("excerpt", "Digest", "", all[:3]...)
	fresh := art("fresh", "Antiwar.com", "", "Something else entirely happened in another country today, officials there said on Monday.",
		"Nobody was hurt, and the authorities said that they expected the roads to open again by the evening.")
	vs := load(false, orig, same, retyped, via, other, extra, excerpt, fresh)
	want := []struct {
		rel    Relation
		other  string
		reason Reason
	}{
		{Independent, "", ""},
		{Duplicate, "orig", SameText}, // the outlet folded
		{Duplicate, "orig", SameText}, // case and paragraph breaks aside
		{Copy, "orig", SameText},      // with a Via
		{Copy, "orig", SameText},      // another outlet
		{Copy, "orig", Contained},     // an extra paragraph
		{Independent, "", ""},         // three of seven paragraphs: under half
		{Independent, "", ""},
	}
	for i, v := range vs {
		got := ""
		if v.Other != nil {
			got = v.Other.ID
		}
		if v.Relation != want[i].rel || got != want[i].other || v.Reason != want[i].reason || v.Swap {
			t.Errorf("article %d: %v of %q (%q, swap %v), want %v of %q (%q)", i, v.Relation, got, v.Reason, v.Swap, want[i].rel, want[i].other, want[i].reason)
		}
	}
	for _, a := range []*article.Article{via, other, extra} {
		if a.CopyOf != "orig" {
			t.Errorf("%s: CopyOf %q", a.ID, a.CopyOf)
		}
	}
	if orig.CopyOf != "" || excerpt.CopyOf != "" || fresh.CopyOf != "" {
		t.Errorf("marked: %q %q %q", orig.CopyOf, excerpt.CopyOf, fresh.CopyOf)
	}
}

func TestIndexAddressNeedsTheTitle(t *testing.T) {
	a := art("002", "The News Line", "", paragraphs[:3]...)
	b := art("002-2", "The News Line", "", paragraphs[4:]...)
	c := art("002-again", "The News Line", "", "A retyped version of the same page, edited since it was first read.")
	for _, x := range []*article.Article{a, b, c} {
		x.URL = "https://wrp.org.uk/?p=26543&utm_source=x"
	}
	c.Title = "  title of 002 "
	vs := load(false, a, b, c)
	if vs[1].Relation != Independent {
		t.Errorf("one address, two titles and texts: %v", vs[1].Relation)
	}
	if vs[2].Relation != Duplicate || vs[2].Other != a || vs[2].Reason != SameAddress {
		t.Errorf("the same address and title: %+v", vs[2])
	}
}

func TestIndexTwoAddressesAreTwoPublications(t *testing.T) {
	a := art("web", "Stadtbote", "", paragraphs...)
	b := art("print", "Stadtbote", "", paragraphs...)
	c := art("again", "Stadtbote", "", paragraphs...)
	a.URL, b.URL, c.URL = "https://stadtbote.de/a-07", "https://stadtbote.de/a-19", "https://stadtbote.de/a-07?utm_source=x"
	vs := load(false, a, b, c)
	if vs[1].Relation != Copy || vs[1].Reason != Elsewhere || b.CopyOf != "web" {
		t.Errorf("one text at two addresses: %+v, CopyOf %q", vs[1], b.CopyOf)
	}
	if vs[2].Relation != Duplicate || vs[2].Other != a {
		t.Errorf("one text at one address: %+v", vs[2])
	}
}

func TestIndexWhichIsTheCopy(t *testing.T) {
	day := func(d int) article.Date {
		return article.Date{Time: time.Date(2019, 12, d, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
	}
	// Read first, but with a Via: the other is the original.
	withVia := art("with-via", "Iranian.com", "AHT", paragraphs...)
	plain := art("plain", "AHT", "", paragraphs...)
	load(false, withVia, plain)
	if withVia.CopyOf != "plain" || plain.CopyOf != "" {
		t.Errorf("via: %q %q", withVia.CopyOf, plain.CopyOf)
	}
	// Read first, but dated later.
	late, early := art("late", "B", "", paragraphs...), art("early", "A", "", paragraphs...)
	late.Date, early.Date = day(30), day(29)
	load(false, late, early)
	if late.CopyOf != "early" || early.CopyOf != "" {
		t.Errorf("dates: %q %q", late.CopyOf, early.CopyOf)
	}
	// Read first, with an extra paragraph.
	more := art("more", "B", "", append([]string{"An editor's note that this text is republished from the original site."}, paragraphs...)...)
	less := art("less", "A", "", paragraphs...)
	load(false, more, less)
	if more.CopyOf != "less" || less.CopyOf != "" {
		t.Errorf("extra paragraph: %q %q", more.CopyOf, less.CopyOf)
	}
	// Settled: what was handed over stays as it was; the later is the copy.
	withVia, plain = art("with-via", "Iranian.com", "AHT", paragraphs...), art("plain", "AHT", "", paragraphs...)
	if vs := load(true, withVia, plain); vs[1].Swap || plain.CopyOf != "with-via" || withVia.CopyOf != "" {
		t.Errorf("settled: %q %q", withVia.CopyOf, plain.CopyOf)
	}
	// A copy of a copy points to the first original, also after a swap.
	a, b, c := art("a", "X", "AHT", paragraphs...), art("b", "Y", "Other", paragraphs...), art("c", "AHT", "", paragraphs...)
	load(false, a, b, c)
	if a.CopyOf != "c" || b.CopyOf != "c" || c.CopyOf != "" {
		t.Errorf("chain: a %q b %q c %q", a.CopyOf, b.CopyOf, c.CopyOf)
	}
}

func TestIndexBoilerplateIsNoEvidence(t *testing.T) {
	// Many articles end with the same two lines; none is a copy of another.
	var arts []*article.Article
	for i := range 30 {
		arts = append(arts, art(fmt.Sprint("a", i), "Outlet", "",
			fmt.Sprintf("Story number %d tells its own news in its own words, which no other story repeats here.", i),
			"Share this article with your friends and family on every social network you use today.",
			"Sign up for our newsletter to receive the latest news from the region in your inbox."))
	}
	for i, v := range load(false, arts...) {
		if v.Relation != Independent {
			t.Errorf("article %d: %v of %s", i, v.Relation, v.Other.ID)
		}
	}
}

func BenchmarkIndex(b *testing.B) {
	// 20,000 articles of about 4 KB, each in 10 paragraphs of its own
	// words, a tenth of them with boilerplate in common: the cost per
	// article of printing and checking.
	const n = 20_000
	arts := make([]*article.Article, n)
	for i := range arts {
		var paras []string
		for p := range 10 {
			paras = append(paras, fmt.Sprintf("Paragraph %d of article %d, in which officials said on Sunday that %s", p, i,
				strings.Repeat(fmt.Sprintf("the %d strikes hit %d sites near Kirkuk, killing %d; ", i%97, p, i%13), 6)))
		}
		if i%10 == 0 {
			paras = append(paras, "Share this article with your friends and family on every social network you use today.")
		}
		arts[i] = art(fmt.Sprint("a", i), fmt.Sprint("Outlet ", i%60), "", paras...)
	}
	cpu0 := cputime.Process()
	for b.Loop() {
		ix := NewIndex(false, n)
		var h Hasher
		for _, a := range arts {
			p := h.Of(a)
			ix.Add(a, &p, ix.Check(a, &p))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
	// CPU time per article: the wall time above is what a busy machine
	// makes of it.
	b.ReportMetric(float64((cputime.Process()-cpu0).Nanoseconds())/float64(b.N*n), "cpu-ns/article")
}

// TestRelateSameTextAgreesWithCheck: what a store applies to a stored article
// with the same body hash (SameText) is what an Index decides for the
// same pair.
func TestRelateSameTextAgreesWithCheck(t *testing.T) {
	type pair struct {
		name         string
		outB, viaB   string
		urlA, urlB   string
		wantRelation Relation
		wantReason   Reason
	}
	for _, p := range []pair{
		{"same teller, no addresses", "Stadtbote", "", "", "", Duplicate, SameText},
		{"same teller, folded", "STADTBOTE ", "", "", "", Duplicate, SameText},
		{"same teller, one address", "Stadtbote", "", "https://stadtbote.de/a", "", Duplicate, SameText},
		{"same teller, one address twice", "Stadtbote", "", "https://stadtbote.de/a?utm_source=x", "https://stadtbote.de/a", Duplicate, SameText},
		{"same teller, two addresses", "Stadtbote", "", "https://stadtbote.de/a", "https://stadtbote.de/b", Copy, Elsewhere},
		{"another outlet", "Tagblatt", "", "", "", Copy, SameText},
		{"with a via", "Stadtbote", "Tagblatt", "", "", Copy, SameText},
	} {
		t.Run(p.name, func(t *testing.T) {
			a := art("a", "Stadtbote", "", paragraphs...)
			b := art("b", p.outB, p.viaB, paragraphs...)
			a.URL, b.URL = p.urlA, p.urlB
			rel, why := RelateSameText(b, a)
			if rel != p.wantRelation || why != p.wantReason {
				t.Errorf("RelateSameText: %v %q, want %v %q", rel, why, p.wantRelation, p.wantReason)
			}
			vs := load(true, a, b)
			if vs[1].Relation != rel || vs[1].Reason != why {
				t.Errorf("Index: %v %q, RelateSameText %v %q", vs[1].Relation, vs[1].Reason, rel, why)
			}
		})
	}
}
