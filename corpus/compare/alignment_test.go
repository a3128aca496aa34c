package compare

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/seedtest"
)

// boilerplatePairs are pairs of sentences about different things that share
// only function words, reporting verbs, attribution ("officials said"), a
// date or one place name. None may share a row, each sentence standing
// alone as an article (so with the lead prior's full gain). The first two
// are the issue's own examples (the third, from the bundled corpus, is
// checked in its comparison: TestSeedBoilerplate).
var boilerplatePairs = [][2]string{
	{"They said further attacks would depend on the militia’s response.", "He further said,"},
	{"Police spokesman Micky Rosenfeld said officers were attacked with stones.",
		"A police spokesman said the road to the airport would reopen on Monday."},
	{"Officials said the talks would resume next week.", "Officials said two soldiers were wounded in the blast."},
	{"The ministry said in a statement on Tuesday that it was reviewing the decision.", "The company said in a statement that its profits had fallen by a third."},
	{"According to local media, the fire started in a kitchen.", "According to local media, the mayor has resigned."},
	{"He told reporters he had no plans to step down.", "She told reporters the vaccine would be free for children."},
	{"The spokesman declined to comment.", "A spokesman for the hospital said the patient was stable."},
	{"He said the attack was planned abroad.", "He said the votes had been counted twice."},
	{"The statement was released on Monday.", "The bridge collapsed on Monday."},
	{"On 29 December 2019, the parliament met in emergency session.", "Rain is forecast for 29 December 2019 across the north."},
	{"The report was published in 2008.", "He joined the club in 2008."},
	{"Reuters reported that the deal was close.", "Reuters reported that three climbers were missing."},
	{"A government source said the budget would be cut.", "A witness said the gunmen wore uniforms."},
	{"Protests broke out in Baghdad after the election results were announced.", "A car bomb exploded near a market in Baghdad."},
	{"The museum in Paris will reopen in the spring.", "A court in Paris jailed the banker for fraud."},
	{"Iraq's oil exports rose sharply last month.", "The singer was born in Iraq and moved to London as a child."},
	{"The White House said on Friday it would send more aid.", "The coach said on Friday his players were tired."},
	{"Analysts say the move is risky.", "Doctors say the patient is recovering well."},
	{"This is the first time such a thing has happened, he added.", "This is not what we expected, she added."},
	{"The announcement was made in London.", "The singer was arrested in London."},
	{"Police said they were investigating.", "Police said the driver had been drinking."},
	{"Meanwhile, the central bank raised interest rates, officials said.", "Meanwhile, a ferry sank off the coast, officials said."},
	{"The United Nations said the figures were accurate.", "The United Nations said the convoy had been delayed."},
	{"Earlier on Sunday, the president visited the flooded villages.", "Earlier on Sunday, the striker scored twice."},
	{"The agency quoted him as saying the plan was illegal.", "The newspaper quoted her as saying the film was her last."},
	{"The agreement was signed on 3 March 2011.", "The injured were taken to hospital on 3 March 2011."},
	{"He was speaking at a news conference in Washington.", "The senator was arrested in Washington in 1998."},
	{"The group said it would not comment.", "The airline said its planes were safe."},
	{"Witnesses told the BBC they heard several explosions.", "Fans told the BBC they would boycott the final."},
	{"The decision will be announced on Thursday, officials said.", "The storm reached the coast on Thursday, officials said."},
	{"It was one of the worst setbacks for the government, he added.", "It was one of the band's biggest hits, she added."},
	{"Local officials said the death toll was likely to rise.", "Local officials said the festival would go ahead."},
	{"The remarks were reported by the BBC on Wednesday.", "The arrests were reported by the BBC on Wednesday."},
}

// paraphrasePairs tell one fact in other words: each must share a row.
var paraphrasePairs = [][2]string{
	{"Thousands of demonstrators reportedly took control of a second major city.",
		"Thousands of protesters seized control of a second city in Kyrgyzstan."},
	{"The strikes targeted five PMU bases, killing at least 25, and wounding over 50 others.",
		"The attacks targeted a Katai’b Hezbollah military site, killing 27 and injuring 51."},
	{"A Southwark jury needed less than three hours to reach their verdict.",
		"It took a Southwark Crown Court jury under three hours to find Dizaei guilty of misconduct in a public office."},
	{"The earthquake destroyed hundreds of homes in the mountain villages.",
		"Hundreds of houses in the mountain villages were flattened by the quake."},
}

// pairRow compares two one-sentence articles and reports whether their
// sentences share a row, and the sentences' score.
func pairRow(t *testing.T, pr [2]string) (bool, float64) {
	t.Helper()
	arts := []*corpus.Article{
		{ID: "a", Body: []corpus.Paragraph{{Text: pr[0]}}},
		{ID: "b", Body: []corpus.Paragraph{{Text: pr[1]}}},
	}
	c, err := Compare(arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := passages.Ref{Article: 0, Passage: 0}, passages.Ref{Article: 1, Passage: 0}
	return c.SameRow(a, b), c.Score(a, b)
}

func TestBoilerplateMakesNoRow(t *testing.T) {
	if len(boilerplatePairs) < 30 {
		t.Fatalf("%d boilerplate pairs; the issue asks for 30 or more", len(boilerplatePairs))
	}
	rows := 0
	for _, pr := range boilerplatePairs {
		if in, s := pairRow(t, pr); in {
			rows++
			t.Errorf("boilerplate shares a row (%.3f):\n  %s\n  %s", s, pr[0], pr[1])
		}
	}
	logLine(t, "boilerplate: %d of %d sentence pairs share a row", rows, len(boilerplatePairs))
	for _, pr := range paraphrasePairs {
		if in, s := pairRow(t, pr); !in {
			t.Errorf("paraphrase shares no row (%.3f):\n  %s\n  %s", s, pr[0], pr[1])
		}
	}
}

// passageStarting finds the passage of article a that starts with prefix.
func passageStarting(t *testing.T, c *Comparison, a int, prefix string) passages.Ref {
	t.Helper()
	for _, p := range c.Articles[a].Passages {
		if strings.HasPrefix(p.Text, prefix) {
			return passages.Ref{Article: a, Passage: p.Index}
		}
	}
	t.Fatalf("%s has no passage starting %q", c.Articles[a].ID, prefix)
	return passages.Ref{}
}

// The examples of rows made by common words in the bundled corpus
// make none in their comparisons: of the two articles, and of all six.
func TestSeedBoilerplate(t *testing.T) {
	all := []string{seedtest.Duran, seedtest.Iranian, seedtest.PMU, seedtest.Gaza, seedtest.Antiwar, seedtest.Vice}
	for _, tc := range []struct{ a, pa, b, pb string }{
		{seedtest.Antiwar, "They said further attacks", seedtest.Duran, "He further said"},
		{seedtest.Antiwar, "US F-15 warplanes", seedtest.Vice, "The group has carried out"},
	} {
		for _, ids := range [][]string{{tc.a, tc.b}, all} {
			c, err := Compare(seedtest.Articles(t, ids...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			ia, ib := indexOf(ids, tc.a), indexOf(ids, tc.b)
			a, b := passageStarting(t, c, ia, tc.pa), passageStarting(t, c, ib, tc.pb)
			if c.SameRow(a, b) {
				t.Errorf("%d articles: %q and %q share a row (%.3f)", len(ids), tc.pa, tc.pb, c.Score(a, b))
			}
		}
	}
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// The 29 December casualty passages of Iranian.com (001) and Antiwar.com
// (003) share a row in their comparison, beside VICE (004), and among all
// six articles (the library's six, as the stories view compares them).
func TestSeedCasualtyRow(t *testing.T) {
	for _, ids := range [][]string{
		{seedtest.Iranian, seedtest.Antiwar},
		{seedtest.Iranian, seedtest.Antiwar, seedtest.Vice},
		{seedtest.Duran, seedtest.Iranian, seedtest.PMU, seedtest.Gaza, seedtest.Antiwar, seedtest.Vice},
	} {
		c, err := Compare(seedtest.Articles(t, ids...), Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := passageStarting(t, c, indexOf(ids, seedtest.Iranian), "The attacks targeted a Katai’b Hezbollah military site, killing 27 and injuring 51")
		b := passageStarting(t, c, indexOf(ids, seedtest.Antiwar), "The strikes targeted five PMU bases, killing at least 25, and wounding over 50 others")
		if !c.SameRow(a, b) {
			t.Errorf("%d articles: the casualty passages share no row (score %.3f)", len(ids), c.Score(a, b))
		}
		if r := c.RowOf(a); r < 0 || c.Rows[r].Weak {
			t.Errorf("%d articles: the casualty row is %v", len(ids), c.Rows)
		}
	}
}

// A pair's score is the same in a comparison of two and of six articles,
// and so are its links: pairs are scored from the two articles alone.
func TestPairScoreSameInTwoAndSix(t *testing.T) {
	all := []string{seedtest.Duran, seedtest.Iranian, seedtest.PMU, seedtest.Gaza, seedtest.Antiwar, seedtest.Vice}
	six, err := Compare(seedtest.Articles(t, all...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range [][2]int{{1, 4}, {4, 5}, {0, 1}} {
		two, err := Compare(seedtest.Articles(t, all[pr[0]], all[pr[1]]), Options{})
		if err != nil {
			t.Fatal(err)
		}
		cells := 0
		for p := range two.Articles[0].Passages {
			for q := range two.Articles[1].Passages {
				a, b := two.Score(ref(0, p), ref(1, q)), six.Score(ref(pr[0], p), ref(pr[1], q))
				if a != b {
					t.Errorf("%s §%d – %s §%d: %v alone, %v among six", all[pr[0]], p+1, all[pr[1]], q+1, a, b)
				}
				cells++
			}
		}
		links := map[[2]passages.Ref]float64{}
		for _, l := range six.Links {
			if l.A.Article == pr[0] && l.B.Article == pr[1] {
				links[[2]passages.Ref{ref(0, l.A.Passage), ref(1, l.B.Passage)}] = l.Score
			}
		}
		for _, l := range two.Links {
			if s, ok := links[[2]passages.Ref{l.A, l.B}]; !ok || s != l.Score {
				t.Errorf("%s–%s: link %v–%v %.3f alone, %.3f (%v) among six", all[pr[0]], all[pr[1]], l.A, l.B, l.Score, s, ok)
			}
			if !six.SameRow(ref(pr[0], l.A.Passage), ref(pr[1], l.B.Passage)) {
				t.Errorf("%s–%s: link %v–%v in no row among six", all[pr[0]], all[pr[1]], l.A, l.B)
			}
		}
		if len(two.Links) != len(links) {
			t.Errorf("%s–%s: %d links alone, %d among six", all[pr[0]], all[pr[1]], len(two.Links), len(links))
		}
		if cells == 0 || len(two.Links) == 0 {
			t.Fatalf("%s–%s: nothing compared", all[pr[0]], all[pr[1]])
		}
	}
}

// A title made from the first sentence takes no part: the sentence is one
// passage, aligned once.
func TestDerivedTitleAlignsOnce(t *testing.T) {
	first := "Heavy rain flooded the town of Marlow on Tuesday, forcing 300 families from their homes."
	derived := &corpus.Article{ID: "d", Title: "Heavy rain flooded the town of Marlow on Tuesday", TitleDerived: true,
		Body: []corpus.Paragraph{{Text: first}, {Text: "Two people were taken to hospital with hypothermia."}}}
	c, err := Compare([]*corpus.Article{derived, fixture[1]}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles[0].Passages) != 2 || c.Articles[0].Passages[0].Text != first || c.Articles[0].Passages[0].Kind != passages.KindBody {
		t.Fatalf("passages %+v", c.Articles[0].Passages)
	}
	families := passageStarting(t, c, 1, "About 250 families")
	if !c.SameRow(ref(0, 0), families) {
		t.Errorf("the first sentence and Two's families passage share no row")
	}
}
