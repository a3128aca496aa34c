package clean

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

func splitText(s string) []string { return strings.Split(textnorm.Sanitize(s), "\n") }

// cleanOne cleans one synthetic text that must give exactly one article.
func cleanOne(t *testing.T, text string) (*article.Article, []string) {
	t.Helper()
	lines := splitText(text)
	arts := Text("t.txt", lines)
	checkInvariants(t, lines, arts)
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	return arts[0], lines
}

// line finds the raw line that contains s.
func line(t *testing.T, a *article.Article, s string) article.Line {
	t.Helper()
	for _, l := range a.Raw {
		if strings.Contains(l.Text, s) {
			return l
		}
	}
	t.Fatalf("no raw line contains %q", s)
	return article.Line{}
}

func bodyTexts(a *article.Article) []string {
	var out []string
	for _, p := range a.Body {
		out = append(out, p.Text)
	}
	return out
}

// A made-up article from a different site, with every kind of chrome
// worded differently from the seeds: the rules must be general.
const syntheticArticle = `Home › World › Middle East

Rescue teams search rubble after quake in eastern Turkey

Survivors describe the moment the ground began to shake

By Jane Doe and Omar Haddad

Posted March 3, 2021 10:15 AM

Rescue teams worked through the night on Tuesday to reach people trapped under collapsed buildings in the eastern province, officials said.

WATCH: Drone footage shows the scale of the damage

Advertisement

The quake struck shortly after 3am local time, when most residents were asleep.

Related: Earlier tremor shook the region in January

Aid is arriving

Turkey’s disaster agency said more than 400 rescuers had been sent to the area, along with tents and blankets.

Advertisement

“We heard a roar and then everything fell,” said one resident, who gave only her first name.

Like our reporting? Support Example Post on Patreon!

Views expressed in this article are the author’s own and do not necessarily reflect those of Example Post.

Jane Doe is a correspondent for Example Post covering Turkey and the Caucasus.

earthquakes, turkey, disaster relief, rescue teams, middle east

Leave a Reply

3 Comments

More from Example Post

Floods Sweep Through Northern Villages

Ministers Clash Over Budget Plan

Winner Of The Golden Quill Award

Meet Local Singles Tonight

This article originally appeared on Example Review.`

func TestCleanTextSyntheticChrome(t *testing.T) {
	a, _ := cleanOne(t, syntheticArticle)
	if a.Title != "Rescue teams search rubble after quake in eastern Turkey" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Dek != "Survivors describe the moment the ground began to shake" {
		t.Errorf("Dek = %q", a.Dek)
	}
	if a.Author != "Jane Doe and Omar Haddad" || a.Via != "Example Review" {
		t.Errorf("Author %q Via %q", a.Author, a.Via)
	}
	wantBody := []string{
		"Rescue teams worked through the night on Tuesday to reach people trapped under collapsed buildings in the eastern province, officials said.",
		"The quake struck shortly after 3am local time, when most residents were asleep.",
		"Aid is arriving",
		"Turkey’s disaster agency said more than 400 rescuers had been sent to the area, along with tents and blankets.",
		"“We heard a roar and then everything fell,” said one resident, who gave only her first name.",
	}
	if got := bodyTexts(a); strings.Join(got, "\n") != strings.Join(wantBody, "\n") {
		t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantBody, "\n"))
	}
	if len(a.Body) == 5 && !a.Body[2].Subhead {
		t.Errorf("%q not marked as subhead", a.Body[2].Text)
	}
	chrome := map[string]reason{
		"Home › World":           whyCategory,
		"Posted March 3":         whyDate,
		"WATCH: Drone":           whyVideo,
		"Advertisement":          whyAdvert,
		"Related: Earlier":       whyRelated,
		"on Patreon":             whyDonation,
		"Views expressed":        whyDisclaimer,
		"Jane Doe is a":          whyBio,
		"earthquakes, turkey":    whyTags,
		"Leave a Reply":          whyComments,
		"3 Comments":             whyComments,
		"More from Example Post": whyRelated,
		"Floods Sweep":           whyRelated,
		"Ministers Clash":        whyRelated,
		"Golden Quill Award":     whyAward,
		"Meet Local Singles":     whyDating,
	}
	for s, why := range chrome {
		if l := line(t, a, s); l.Role != article.RoleChrome || reason(l.Why) != why {
			t.Errorf("%q: role %q why %q, want chrome %q", l.Text, l.Role, l.Why, why)
		}
	}
	for s, role := range map[string]article.Role{"By Jane Doe": article.RoleByline, "originally appeared": article.RoleVia, "Survivors describe": article.RoleDek, "Rescue teams search": article.RoleTitle, "Aid is arriving": article.RoleSubhead} {
		if l := line(t, a, s); l.Role != role {
			t.Errorf("%q: role %q, want %q", l.Text, l.Role, role)
		}
	}
}

// Lines that start like chrome or metadata but are reporting stay body.
func TestCleanTextKeepsLookalikes(t *testing.T) {
	a, _ := cleanOne(t, `Floods hit the north

By the time rescuers arrived, the river had already burst its banks in three places.

Via satellite images, analysts counted more than 200 flooded homes along the valley.

The agency said it would donate tents, and asked people to support us in the relief effort with food.

She received the Nelson Mandela Award for Health and Human Rights in 1998.

Copyright law was not changed, and the views of residents do not necessarily reflect the council’s.

Posted in Basra for a year, the engineer said the pumps had failed before.

Officials said the water would recede by Friday.`)
	if a.Author != "" || a.Via != "" {
		t.Errorf("Author %q Via %q from prose", a.Author, a.Via)
	}
	for _, s := range []string{"By the time", "Via satellite", "donate tents", "Nelson Mandela Award", "Copyright law", "Posted in Basra", "recede by Friday"} {
		if l := line(t, a, s); l.Role != article.RoleBody {
			t.Errorf("%q: role %q why %q, want body", l.Text, l.Role, l.Why)
		}
	}
}

func TestCleanTextBylineForms(t *testing.T) {
	cases := map[string]string{
		"By Jane Doe":                         "Jane Doe",
		"BY JANE DOE":                         "JANE DOE",
		"By Jane Doe | Reuters":               "Jane Doe",
		"Author: Mark van der Berg":           "Mark van der Berg",
		"Written by Ana de la Cruz":           "Ana de la Cruz",
		"By J. R. Smith and Li Wei, Reuters.": "J. R. Smith and Li Wei, Reuters",
	}
	for byline, want := range cases {
		a, _ := cleanOne(t, "Headline here\n\n"+byline+"\n\nThe first paragraph of the story says something.\n\nA second paragraph follows it.")
		if a.Author != want {
			t.Errorf("%q: Author = %q, want %q", byline, a.Author, want)
		}
		if l := line(t, a, byline[:6]); l.Role != article.RoleByline {
			t.Errorf("%q: role %q", byline, l.Role)
		}
	}
}

const multiItem = `Markets rally as rates hold

Stocks rose on Wednesday after the central bank left interest rates unchanged, as expected.

Traders said the decision removed a source of uncertainty for the rest of the quarter.

  • Separately, the finance ministry said it would issue new ten-year bonds next month to fund the budget deficit.

The ministry did not say how large the issue would be.

Analysts expect demand to be strong.`

func TestCleanTextSplitsBulletedItem(t *testing.T) {
	lines := splitText(multiItem)
	arts := Text("m.txt", lines)
	checkInvariants(t, lines, arts)
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	first, second := arts[0], arts[1]
	if first.Title != "Markets rally as rates hold" || first.Source != (article.Span{File: "m.txt", StartLine: 1, EndLine: 5}) || len(first.Body) != 2 {
		t.Errorf("first: title %q source %v paragraphs %d", first.Title, first.Source, len(first.Body))
	}
	if second.Source != (article.Span{File: "m.txt", StartLine: 7, EndLine: 11}) || len(second.Body) != 3 {
		t.Errorf("second: source %v paragraphs %d", second.Source, len(second.Body))
	}
	want := "Separately, the finance ministry said it would issue new ten-year bonds next month…"
	if second.Title != want {
		t.Errorf("second title %q, want %q", second.Title, want)
	}
	if p := second.Body[0]; !strings.HasPrefix(p.Text, "Separately,") || p.Source.StartLine != 7 {
		t.Errorf("second lead paragraph %+v", p)
	}
}

func TestCleanTextBulletListDoesNotSplit(t *testing.T) {
	a, _ := cleanOne(t, `Five things to know

The report makes several findings about the economy this year.

It lists them in order of importance to the government.

• Growth slowed to its weakest rate in a decade, the report said.
• Unemployment rose in every region except the capital city.

The minister will present the report to parliament on Monday.`)
	got := bodyTexts(a)
	if len(got) != 5 || got[2] != "• Growth slowed to its weakest rate in a decade, the report said." {
		t.Errorf("body %q", got)
	}
}

func TestCleanTextWithoutHeadline(t *testing.T) {
	a, _ := cleanOne(t, "Officials in the capital said on Monday that the new bridge, which took six years to build, would open to traffic next week. It cost twice the budget.\n\nCritics said the delay was avoidable.")
	if want := "Officials in the capital said on Monday that the new bridge, which took six years…"; a.Title != want {
		t.Errorf("Title = %q, want %q", a.Title, want)
	}
	if len(a.Body) != 2 || a.Raw[0].Role != article.RoleBody {
		t.Errorf("first line must stay body: %+v", a.Raw[0])
	}
}

func TestShortTitle(t *testing.T) {
	cases := map[string]string{
		"Short sentence. Another one.":                    "Short sentence",
		"The U.S. Navy said on Friday. Then more.":        "The U.S. Navy said on Friday",
		"Mr. Smith arrived in Baghdad. He said nothing.":  "Mr. Smith arrived in Baghdad",
		"“It is over,” he said. The war ended that week.": "“It is over,” he said",
	}
	for in, want := range cases {
		if got := shortTitle(in); got != want {
			t.Errorf("shortTitle(%q) = %q, want %q", in, got, want)
		}
	}
	long := shortTitle(strings.Repeat("word ", 50) + "end.")
	if utf8.RuneCountInString(long) > titleMaxRunes+1 || !strings.HasSuffix(long, "…") {
		t.Errorf("long title %q", long)
	}
	if got := shortTitle(strings.Repeat("x", 500)); utf8.RuneCountInString(got) != titleMaxRunes+1 {
		t.Errorf("one long word: %d runes", utf8.RuneCountInString(got))
	}
}

func TestCleanBodyMarkdown(t *testing.T) {
	lines := []string{
		"By Jane Doe",
		"",
		"The first paragraph runs over",
		"two lines of text.",
		"",
		"## A subhead",
		"",
		"Second paragraph.",
		"",
		"Help us grow. Support Example on Patreon!",
		"",
		"Via Example Wire",
	}
	body, raw, author, via := Body("a.md", lines, func(i int) int { return i + 5 })
	if author != "Jane Doe" || via != "Example Wire" {
		t.Errorf("author %q via %q", author, via)
	}
	want := []article.Paragraph{
		{Text: "The first paragraph runs over two lines of text.", Source: article.Span{File: "a.md", StartLine: 7, EndLine: 8}},
		{Text: "A subhead", Subhead: true, Source: article.Span{File: "a.md", StartLine: 10, EndLine: 10}},
		{Text: "Second paragraph.", Source: article.Span{File: "a.md", StartLine: 12, EndLine: 12}},
	}
	if fmt.Sprint(body) != fmt.Sprint(want) {
		t.Errorf("body %+v\nwant %+v", body, want)
	}
	if len(raw) != len(lines) {
		t.Fatalf("%d raw lines, want %d", len(raw), len(lines))
	}
	wantRoles := []article.Role{article.RoleByline, article.RoleBlank, article.RoleBody, article.RoleBody, article.RoleBlank, article.RoleSubhead, article.RoleBlank, article.RoleBody, article.RoleBlank, article.RoleChrome, article.RoleBlank, article.RoleVia}
	for i, l := range raw {
		if l.Number != i+5 || l.Text != lines[i] || l.Role != wantRoles[i] {
			t.Errorf("raw %d = %+v, want number %d role %q", i, l, i+5, wantRoles[i])
		}
	}
	if raw[9].Why != string(whyDonation) {
		t.Errorf("why %q", raw[9].Why)
	}
}

func TestCleanBodyJSONLinesWithoutBlanks(t *testing.T) {
	lines := []string{"First paragraph of the record.", "Second paragraph of the record.", "What do you think?", "View all comments"}
	body, raw, _, _ := Body("r.jsonl", lines, func(int) int { return 3 })
	if len(body) != 2 || body[1].Text != "Second paragraph of the record." || body[1].Source != (article.Span{File: "r.jsonl", StartLine: 3, EndLine: 3}) {
		t.Errorf("body %+v", body)
	}
	if len(raw) != 4 || raw[2].Role != article.RoleChrome || raw[3].Why != string(whyComments) || raw[0].Number != 3 {
		t.Errorf("raw %+v", raw)
	}
}

func TestCleanNeverPanics(t *testing.T) {
	inputs := map[string][]string{
		"nil":         nil,
		"empty":       {""},
		"blank":       {"", "   ", ""},
		"one line":    {"x"},
		"long line":   {strings.Repeat("word ", 2000)},
		"long word":   {strings.Repeat("a", 10000)},
		"only chrome": {"Notify of", "", "View all comments", "Help us grow. Support X on Patreon!"},
		"only byline": {"By Jane Doe"},
		"bullets":     {"• a", "", "  • b c d e f g h i j k l m n o p.", "", "• q"},
		"punctuation": {".", "", "…", ",", "“”"},
	}
	for name, lines := range inputs {
		arts := Text("p.txt", lines)
		checkInvariants(t, lines, arts)
		body, raw, _, _ := Body("p.md", lines, func(i int) int { return i + 1 })
		if len(raw) != len(lines) {
			t.Errorf("%s: cleanBody gave %d raw lines for %d", name, len(raw), len(lines))
		}
		for _, p := range body {
			if strings.Contains(p.Text, "\n") {
				t.Errorf("%s: line break in paragraph", name)
			}
		}
	}
	if arts := Text("p.txt", []string{"", "  "}); len(arts) != 0 {
		t.Errorf("blank file gave %d articles", len(arts))
	}
	if arts := Text("p.txt", []string{"Notify of", "View all comments"}); len(arts) != 0 {
		t.Errorf("chrome-only file gave %d articles", len(arts))
	}
}

func BenchmarkCleanText(b *testing.B) {
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(names) == 0 {
		b.Fatal("no seeds", err)
	}
	files := make([][]string, len(names))
	for i, n := range names {
		files[i] = seedLines(b, n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, lines := range files {
			Text(names[i], lines)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}

// A hard-wrapped text: paragraphs run over several lines, and a run of
// related headlines after the body is still cut line by line.
const wrappedArticle = `Council approves new tram line after years of debate

The city council voted on Tuesday to approve a new tram line linking
the northern suburbs with the centre, ending a debate that has run for
more than a decade and divided residents along the planned route.

Construction is expected to begin next spring and to take four years,
according to the transport department, which put the cost at about
1.2 billion euros, most of it paid by the national government.

Opposition grows

Shop owners on the main avenue said they feared years of disruption,
and a residents' group said it would challenge the decision in court
before the end of the month.

Read more from our city desk
Budget Row Deepens as Council Meets
Mayor Unveils Plan for Riverside Park`

func TestCleanTextHardWrapped(t *testing.T) {
	a, lines := cleanOne(t, wrappedArticle)
	if a.Title != "Council approves new tram line after years of debate" {
		t.Errorf("Title = %q", a.Title)
	}
	if len(a.Body) != 4 {
		t.Fatalf("got %d paragraphs, want 4: %q", len(a.Body), bodyTexts(a))
	}
	if p := a.Body[0]; p.Source.StartLine != 3 || p.Source.EndLine != 5 || !strings.HasPrefix(p.Text, "The city council voted") || !strings.HasSuffix(p.Text, "along the planned route.") || strings.Contains(p.Text, "  ") {
		t.Errorf("first paragraph %+v", p)
	}
	if p := a.Body[2]; !p.Subhead || p.Text != "Opposition grows" {
		t.Errorf("subhead %+v", p)
	}
	for _, n := range []int{17, 18, 19} {
		if l := a.Raw[n-1]; l.Role != article.RoleChrome || l.Why != string(whyRelated) {
			t.Errorf("line %d %q: role %q why %q", n, lines[n-1], l.Role, l.Why)
		}
	}
}

func TestCleanTextSectionLabelAboveHeadline(t *testing.T) {
	a, _ := cleanOne(t, "Opinion\n\nWhy the new strikes will not end the attacks\n\nThe strikes were meant to deter further attacks on the bases.\n\nThey did not.")
	if a.Title != "Why the new strikes will not end the attacks" {
		t.Errorf("Title = %q", a.Title)
	}
	if l := a.Raw[0]; l.Role != article.RoleChrome || l.Why != string(whyCategory) {
		t.Errorf("section label: %+v", l)
	}
	// A short headline with prose right under it stays the headline.
	a, _ = cleanOne(t, "Iraq Votes\n\nIraqis voted on Sunday in an election that few expect to change much.\n\nTurnout was low.")
	if a.Title != "Iraq Votes" || len(a.Body) != 2 {
		t.Errorf("Title = %q, %d paragraphs", a.Title, len(a.Body))
	}
}

func TestCleanTextReaderCommentsAndCredits(t *testing.T) {
	a, _ := cleanOne(t, `Storm closes schools across the region

Schools in four districts were closed on Thursday as the storm brought heavy snow and strong winds.

A woman clears snow from her car in the town centre on Thursday. (Photo by Jane Roe/Getty Images)

Forecasters expect the snow to ease by Saturday morning.

https://example.com/weather/live

(Reporting by Jane Doe; Editing by John Smith)

4 Comments

Pat Miller

March 3, 2021 at 10:15 am

This is the worst winter I can remember, and the council was not ready for it at all.

Reply`)
	if a.Author != "Jane Doe" {
		t.Errorf("Author = %q", a.Author)
	}
	if got := bodyTexts(a); len(got) != 2 || !strings.HasPrefix(got[1], "Forecasters expect") {
		t.Errorf("body %q", got)
	}
	want := map[string]article.Line{
		"A woman clears":    {Role: article.RoleCaption},
		"https://example":   {Role: article.RoleChrome, Why: string(whyLink)},
		"(Reporting by":     {Role: article.RoleByline},
		"4 Comments":        {Role: article.RoleChrome, Why: string(whyComments)},
		"March 3, 2021":     {Role: article.RoleChrome, Why: string(whyDate)},
		"This is the worst": {Role: article.RoleChrome, Why: string(whyComment)},
		"Reply":             {Role: article.RoleChrome, Why: string(whyComments)},
	}
	for s, w := range want {
		if l := line(t, a, s); l.Role != w.Role || l.Why != w.Why {
			t.Errorf("%q: role %q why %q, want %q %q", l.Text, l.Role, l.Why, w.Role, w.Why)
		}
	}
}

// Page furniture as other big news sites lay it out when scraped to text.
func TestCleanTextNewsSiteLayouts(t *testing.T) {
	a, _ := cleanOne(t, `Israel-Palestine conflict

Strikes kill dozens in Gaza as ceasefire talks stall

By Example Staff

Published On 12 Jun 2024

Save articles to read later and create your own reading list.

Health officials said at least 40 people were killed overnight in strikes on the southern city.

Image source, Reuters

Image caption, Residents search the rubble of a house in the southern city

Negotiators are due to meet again in Cairo next week, officials said.

Related Topics

Reuse this content

Thanks for reading Example Weekly! Subscribe for free to receive new posts and support my work.`)
	if a.Title != "Strikes kill dozens in Gaza as ceasefire talks stall" || a.Author != "Example Staff" {
		t.Errorf("Title %q Author %q", a.Title, a.Author)
	}
	if got := bodyTexts(a); len(got) != 2 || !strings.HasPrefix(got[0], "Health officials") || !strings.HasPrefix(got[1], "Negotiators") {
		t.Errorf("body %q", got)
	}
	for s, w := range map[string]article.Line{
		"Israel-Palestine":   {Role: article.RoleChrome, Why: string(whyCategory)},
		"Published On":       {Role: article.RoleChrome, Why: string(whyDate)},
		"Save articles":      {Role: article.RoleChrome, Why: string(whyShare)},
		"Image source":       {Role: article.RoleCaption},
		"Image caption":      {Role: article.RoleCaption},
		"Related Topics":     {Role: article.RoleChrome, Why: string(whyRelated)},
		"Reuse this content": {Role: article.RoleChrome, Why: string(whyShare)},
		"Subscribe for free": {Role: article.RoleChrome, Why: string(whyNewsletter)},
	} {
		if l := line(t, a, s); l.Role != w.Role || l.Why != w.Why {
			t.Errorf("%q: role %q why %q, want %q %q", l.Text, l.Role, l.Why, w.Role, w.Why)
		}
	}
}

// Inside the body, short lines that would be chrome after it (a bare
// "… Singles", "… Prize", a date) are subheads; a publication stamp is
// chrome anywhere.
func TestCleanTextWeakChromeInsideBody(t *testing.T) {
	a, _ := cleanOne(t, `Champion retires after final season

The champion said on Monday she would retire at the end of the season, ending a career of two decades.

Women's Singles

She won the title four times and reached eleven finals, more than any other player of her generation.

March 2020

The pandemic halted the tour for five months, and she considered stopping then, she said.

Updated 3:15 pm

The Nobel Prize

She was also honoured for her charity work in the region, which she plans to continue.`)
	for s, role := range map[string]article.Role{"Women's Singles": article.RoleSubhead, "March 2020": article.RoleSubhead, "The Nobel Prize": article.RoleSubhead} {
		if l := line(t, a, s); l.Role != role {
			t.Errorf("%q: role %q why %q, want %q", l.Text, l.Role, l.Why, role)
		}
	}
	if l := line(t, a, "Updated 3:15"); l.Role != article.RoleChrome || l.Why != string(whyDate) {
		t.Errorf("%q: role %q why %q", l.Text, l.Role, l.Why)
	}
}
