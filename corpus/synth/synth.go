package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// Record is one article as written to JSON Lines: the loader's format
// (text holds the body, paragraphs separated by a blank line; date is
// YYYY-MM-DD).
type Record struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Outlet string `json:"outlet"`
	Author string `json:"author"`
	Date   string `json:"date"`
	URL    string `json:"url"`
	Event  string `json:"event"`
}

// Write writes n synthetic articles to w as JSON Lines, one record a line.
func Write(w io.Writer, n int, seed int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	g := newGen(seed)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var err error
	g.each(n, func(r *Record) bool {
		if err = enc.Encode(r); err != nil {
			err = fmt.Errorf("synth: write record %s: %w", r.ID, err)
			return false
		}
		return true
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: write: %w", err)
	}
	return nil
}

// Each generates the n synthetic records Write writes and calls fn with
// each in turn until it returns false, so that a caller can keep only
// part of each (the headers of a million, say) where Records would hold
// all their text.
func Each(n int, seed int64, fn func(*Record) bool) {
	newGen(seed).each(n, fn)
}

// Records returns n synthetic records, as Write writes them.
func Records(n int, seed int64) []Record {
	out := make([]Record, 0, n)
	newGen(seed).each(n, func(r *Record) bool {
		out = append(out, *r)
		return true
	})
	return out
}

// Articles returns n synthetic articles in memory, built from the same
// records Write writes, filled in as the JSON Lines loader fills them
// (body paragraphs, day-precision date, word count), for in-memory
// benchmarks.
func Articles(n int, seed int64) []*corpus.Article {
	out := make([]*corpus.Article, 0, n)
	newGen(seed).each(n, func(r *Record) bool {
		out = append(out, r.Article())
		return true
	})
	return out
}

// Article converts a record to an article.
func (r *Record) Article() *corpus.Article {
	a := &corpus.Article{
		ID:     r.ID,
		Title:  r.Title,
		Outlet: r.Outlet,
		Author: r.Author,
		URL:    r.URL,
		Event:  r.Event,
		Format: "jsonl",
	}
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		a.Date = corpus.Date{Time: t, Precision: corpus.PrecisionDay}
	}
	for _, p := range strings.Split(r.Text, "\n\n") {
		a.Body = append(a.Body, corpus.Paragraph{Text: p})
		a.Words += countWords(p)
	}
	return a
}

// countWords counts runs of non-space bytes (the generator writes only
// single ASCII spaces between words).
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// gen is the generator's state: one random stream and the tables drawn
// from it.
type gen struct {
	r       *rand.Rand
	cdf     []float64 // cumulative Zipf weights of the vocabulary ranks
	guide   []int32   // guide[j]: first rank whose cdf reaches j/len(guide)
	vocab   []string
	outlets []string
	hosts   []string
}

func newGen(seed int64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), 0x5eed_cafe))}
	g.vocab = g.makeVocab(5000)
	g.cdf = zipfCDF(len(g.vocab), 1.07, 3)
	g.guide = make([]int32, 8192)
	k := 0
	for j := range g.guide {
		for k < len(g.cdf)-1 && g.cdf[k] < float64(j)/float64(len(g.guide)) {
			k++
		}
		g.guide[j] = int32(k)
	}
	g.outlets, g.hosts = g.makeOutlets(60)
	return g
}

// each generates n records, calling fn for each until it returns false.
// Articles come event by event, 2 to 8 outlets per event; within an event
// no outlet repeats.
func (g *gen) each(n int, fn func(*Record) bool) {
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	days := 8 * 365
	for i, ev := 0, 0; i < n; ev++ {
		e := g.event(ev, start.AddDate(0, 0, g.r.IntN(days)))
		k := min(2+g.r.IntN(7), n-i)
		outlets := g.r.Perm(len(g.outlets))[:k]
		for _, o := range outlets {
			r := g.article(i, e, o)
			if !fn(&r) {
				return
			}
			i++
		}
	}
}

var syllables = strings.Fields(`ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu
ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo
za ze zi zo an en in on ar er ir or al el il ol as es is os at et it ot str pl tr gr sh ch th`)

// common are real English words, the most frequent ranks of the
// vocabulary, so that stop words, "said" and the like behave as in news.
var common = strings.Fields(`the of and to in a that for on said is was with as by at it from
his he be has have are were not an which will after who their they this but had its been also
would people government officials more than one over two new first last year years about
police military forces killed attack city country minister state president security told
report against between since during under state group according statement including while
where when could because state army war troops local region border capital week month`)

func (g *gen) makeVocab(n int) []string {
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for _, w := range common {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for len(out) < n {
		var b strings.Builder
		for k := 1 + g.r.IntN(3); k > 0; k-- {
			b.WriteString(syllables[g.r.IntN(len(syllables))])
		}
		if g.r.IntN(4) == 0 {
			b.WriteString([]string{"tion", "ment", "ing", "ed", "s", "ly", "er"}[g.r.IntN(7)])
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

var (
	outletA = strings.Fields(`Daily Global Evening Morning National Free Independent Continental
Pacific Atlantic Northern Southern Eastern Western Capital Public`)
	outletB = strings.Fields(`Herald Wire Post Times Ledger Observer Chronicle Dispatch Tribune
Review Gazette Monitor Courier Journal Report`)
	firstNames = strings.Fields(`Jason Maria Ahmed Hélène Li Olga Samir Chloé Dmitri Aisha John
Fatima Pedro Ingrid Kofi Yuki Omar Sarah Tomás Leila Noah Zoë`)
	lastNames = strings.Fields(`Ditz Okafor Haddad Müller Chen Ivanova Petrov García Nakamura
Rahimi O’Brien Dubois Kowalski Mensah Silva Larsen Novak Bakr Jensen Álvarez`)
	groupPrefix = []string{"Kata’ib", "Harakat", "Liwa", "Jaish", "Saraya", "Front for", "Brigade of"}
	placeSuffix = []string{"", "", "abad", "iyah", " City", "ville", "é"}
	weekdays    = strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
)

func (g *gen) makeOutlets(n int) (names, hosts []string) {
	seen := map[string]bool{}
	for len(names) < n {
		var name string
		switch g.r.IntN(4) {
		case 0:
			name = "The " + outletA[g.r.IntN(len(outletA))] + " " + outletB[g.r.IntN(len(outletB))]
		case 1:
			name = title(g.word(200, 2000)) + ".com"
		default:
			name = outletA[g.r.IntN(len(outletA))] + " " + outletB[g.r.IntN(len(outletB))]
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		names = append(names, name)
		host := strings.ToLower(strings.NewReplacer(" ", "", "The", "", ".com", "").Replace(name))
		hosts = append(hosts, strings.ToLower(host)+".example")
	}
	return names, hosts
}

// word draws a generated word with rank in [lo, hi).
func (g *gen) word(lo, hi int) string { return g.vocab[lo+g.r.IntN(hi-lo)] }

func title(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// event is what several articles report.
type event struct {
	id      int
	date    time.Time
	group   string
	place   string
	person  string
	org     string
	weekday string
	killed  int
	wounded int
	amount  int
	// topic words specific to the event, repeated in its articles.
	topic []string
}

func (g *gen) event(id int, date time.Time) *event {
	e := &event{
		id:      id,
		date:    date,
		group:   groupPrefix[g.r.IntN(len(groupPrefix))] + " " + title(g.word(300, 5000)),
		place:   title(g.word(300, 5000)) + placeSuffix[g.r.IntN(len(placeSuffix))],
		person:  firstNames[g.r.IntN(len(firstNames))] + " " + lastNames[g.r.IntN(len(lastNames))],
		org:     "Ministry of " + title(g.word(150, 1500)),
		weekday: weekdays[date.Weekday()],
		killed:  1 + g.r.IntN(120),
		wounded: g.r.IntN(400),
		amount:  1000 * (1 + g.r.IntN(900)),
	}
	for range 6 {
		e.topic = append(e.topic, g.word(500, 5000))
	}
	return e
}

// fact renders fact k of an event in one of several wordings; killed is
// the number this outlet reports.
func (g *gen) fact(e *event, k, killed int) string {
	v := g.r.IntN(3)
	switch k {
	case 0:
		return [3]string{
			fmt.Sprintf("%s fighters attacked %s on %s, killing %d people.", e.group, e.place, e.weekday, killed),
			fmt.Sprintf("At least %d people were killed on %s when %s attacked %s.", killed, e.weekday, e.group, e.place),
			fmt.Sprintf("An attack on %s by %s left %d dead, officials said on %s.", e.place, e.group, killed, e.weekday),
		}[v]
	case 1:
		return [3]string{
			fmt.Sprintf("Another %d people were wounded, according to the %s.", e.wounded, e.org),
			fmt.Sprintf("The %s said %d were wounded.", e.org, e.wounded),
			fmt.Sprintf("Some %d wounded were taken to hospitals in %s.", e.wounded, e.place),
		}[v]
	case 2:
		return [3]string{
			fmt.Sprintf("“We will respond to this %s,” %s said.", e.topic[0], e.person),
			fmt.Sprintf("%s vowed a response to the %s.", e.person, e.topic[0]),
			fmt.Sprintf("“This %s will not go unanswered,” said %s.", e.topic[0], e.person),
		}[v]
	case 3:
		return [3]string{
			fmt.Sprintf("The %s pledged %d dollars in %s for %s.", e.org, e.amount, e.topic[1], e.place),
			fmt.Sprintf("Some %d dollars of %s were promised by the %s.", e.amount, e.topic[1], e.org),
			fmt.Sprintf("%s will receive %d dollars in %s, the %s said.", e.place, e.amount, e.topic[1], e.org),
		}[v]
	default:
		return [3]string{
			fmt.Sprintf("Residents of %s described the %s and the %s of the %s.", e.place, e.topic[2], e.topic[3], e.topic[4]),
			fmt.Sprintf("The %s and %s in %s were seen as a %s.", e.topic[2], e.topic[3], e.place, e.topic[5]),
			fmt.Sprintf("%s has long been a %s of %s, analysts said.", e.place, e.topic[5], e.topic[2]),
		}[v]
	}
}

// zipfCDF returns the cumulative weights 1/(v+k)^s of ranks k = 0..n-1,
// normalised to end at 1.
func zipfCDF(n int, s, v float64) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for k := range cdf {
		sum += math.Pow(v+float64(k), -s)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return cdf
}

// zipfWord draws a vocabulary word, frequent ranks far more often.
func (g *gen) zipfWord() string {
	u := g.r.Float64()
	k := int(g.guide[int(u*float64(len(g.guide)))])
	for k < len(g.cdf)-1 && g.cdf[k] < u {
		k++
	}
	return g.vocab[k]
}

// filler appends a sentence of Zipf-distributed words, sometimes with a
// number or one of the event's topic words.
func (g *gen) filler(b *strings.Builder, e *event) {
	n := 8 + g.r.IntN(16)
	comma := -1
	if g.r.IntN(6) == 0 {
		comma = n / 2
	}
	for i := range n {
		var w string
		switch g.r.IntN(40) {
		case 0:
			w = strconv.Itoa(g.r.IntN(2000))
		case 1:
			w = e.topic[g.r.IntN(len(e.topic))]
		default:
			w = g.zipfWord()
		}
		if i > 0 {
			b.WriteByte(' ')
			b.WriteString(w)
		} else {
			b.WriteString(title(w))
		}
		if i == comma {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
}

func (g *gen) headline(e *event, killed int) string {
	verbs := []string{"strike", "attack", "hit", "shell", "raid"}
	verb := verbs[g.r.IntN(len(verbs))]
	var h string
	switch g.r.IntN(4) {
	case 0:
		h = fmt.Sprintf("%s fighters %s %s, %d killed", e.group, verb, e.place, killed)
	case 1:
		h = fmt.Sprintf("%d dead as %s %ss %s", killed, e.group, verb, e.place)
	case 2:
		h = fmt.Sprintf("%s: %s blames %s for deadly %s", e.place, e.person, e.group, e.topic[0])
	default:
		h = fmt.Sprintf("%s vows response after %s %s in %s", e.person, e.group, e.topic[0], e.place)
	}
	// Grow short headlines to about 60 characters with topic words.
	for i := 1; len(h) < 50 && i < len(e.topic); i++ {
		h += " " + e.topic[i]
	}
	return h
}

func (g *gen) article(i int, e *event, outlet int) Record {
	killed := e.killed
	if g.r.IntN(5) == 0 { // outlets disagree on the toll now and then
		killed += 1 + g.r.IntN(10)
	}
	date := e.date.AddDate(0, 0, g.r.IntN(3))
	var paras []string
	size := 0
	var b strings.Builder
	facts := g.r.Perm(5)
	lead := g.fact(e, 0, killed) + " " + g.fact(e, facts[0], killed)
	paras = append(paras, lead)
	size += len(lead)
	target := 3400 + g.r.IntN(1400)
	for fi := 1; size < target; fi++ {
		b.Reset()
		for k := 2 + g.r.IntN(4); k > 0; k-- {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			if fi < len(facts) && g.r.IntN(3) == 0 {
				b.WriteString(g.fact(e, facts[fi], killed))
				fi++
			} else {
				g.filler(&b, e)
			}
		}
		paras = append(paras, b.String())
		size += b.Len() + 2
	}
	slug := strings.ToLower(strings.NewReplacer("’", "", " ", "-", ".", "", ",", "", ":", "").Replace(e.place + "-" + e.topic[0]))
	return Record{
		ID:     fmt.Sprintf("syn-%06d", i),
		Title:  g.headline(e, killed),
		Text:   strings.Join(paras, "\n\n"),
		Outlet: g.outlets[outlet],
		Author: firstNames[g.r.IntN(len(firstNames))] + " " + lastNames[g.r.IntN(len(lastNames))],
		Date:   date.Format("2006-01-02"),
		URL:    fmt.Sprintf("https://%s/%s/%s-%d", g.hosts[outlet], date.Format("2006/01"), slug, i),
		Event:  fmt.Sprintf("%s attack on %s, %s", e.group, e.place, e.date.Format("2 January 2006")),
	}
}

// MixedDates is Articles(n, seed) with every kind of date
// (approximate, month, year, none), a few pins, and retellings of earlier
// articles months later with a vague date (in reach only through their
// slack) or with none; a retelling opens with a paragraph of its own, so
// it is no exact duplicate. For tests of grouping by date.
func MixedDates(n int, seed int64) []*corpus.Article {
	arts := Articles(n, seed)
	for i, a := range arts {
		if i%23 == 11 || i%29 == 13 {
			o := arts[i-9]
			a.Title, a.Body = o.Title+" again", append([]corpus.Paragraph{{Text: "Months later."}}, o.Body...)
			a.Date = corpus.Date{Time: o.Date.Time.AddDate(0, 0, 200), Precision: corpus.PrecisionYear}
			if i%29 == 13 {
				a.Date = corpus.Date{}
			}
			continue
		}
		switch {
		case i%17 == 3:
			a.Date = corpus.Date{}
		case i%13 == 5:
			a.Date.Precision = corpus.PrecisionYear
		case i%11 == 7:
			a.Date.Precision = corpus.PrecisionMonth
		case i%7 == 2:
			a.Date.Precision = corpus.PrecisionApproximate
		}
		if i%50 == 9 {
			a.Story = []string{"Pin one", "Pin two"}[i%2]
		}
	}
	return arts
}
