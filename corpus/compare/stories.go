package compare

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// Story is a group of articles that report the same event.
type Story struct {
	// ID is stable across runs and loads: the smallest member article id,
	// or "story:" + the pin for a story pinned in metadata.
	ID string `json:"id"`
	// Name is a short label for people: the pin, or the most central
	// article's metadata Event, or its title.
	Name     string   `json:"name"`
	Articles []string `json:"articles"` // article ids, oldest first
	Outlets  []string `json:"outlets"`  // distinct outlets, in article order
	// Start and End span the members' known dates (zero when none known).
	Start corpus.Date `json:"start"`
	End   corpus.Date `json:"end"`
	// Related lists the IDs of stories about the same actors at other
	// times, most related first.
	Related []string `json:"related,omitempty"`
	// Pinned is true when metadata named the story (Article.Story).
	Pinned bool `json:"pinned,omitempty"`
	// Score is the mean similarity (0..1) of the members' pairs; 1 for a
	// story of one article.
	Score float64 `json:"score"`
}

// StoryOptions tunes Group. The zero value is the default.
type StoryOptions struct {
	// SameOutlet lifts the rule that a story holds at most one article per
	// outlet (articles without an outlet are never restricted).
	SameOutlet bool
	// Threshold is the least similarity (0..1) for two articles to be in
	// one story; 0 means DefaultStoryThreshold.
	Threshold float64
	// Aliases resolves entity spellings; nil means DefaultAliases().
	Aliases *Aliases

	// workers bounds the goroutines Group uses; 0 means GOMAXPROCS. Tests
	// set 1 to check that the parallel path gives exactly what the
	// sequential one gives.
	workers int
}

// Defaults for Group.
const (
	DefaultStoryThreshold   = 0.15
	DefaultRelatedThreshold = 0.15
	// sameStoryDays is the date gap (beyond each date's slack) within which
	// two articles can report one event; beyond fadeDays they cannot.
	sameStoryDays = 7
	fadeDays      = 21
	// relatedDays bounds how far apart related stories may be.
	relatedDays = 120
	// topTerms is how many of an article's strongest terms go into the
	// candidate index; maxCandidates how many candidates each article keeps.
	topTerms      = 24
	maxCandidates = 40
)

// storyDoc is an article's features for grouping.
type storyDoc struct {
	a     *corpus.Article
	vec   vector
	top   []int32 // strongest terms, for the candidate index
	topW  []float32
	day   float64 // days since epoch, NaN when unknown
	slack float64
}

// Group sorts articles into stories. Similarity is the cosine of TF-IDF
// vectors over stemmed content words and resolved entities (title words
// count double), scaled down as known dates drift apart; candidate pairs come
// from an inverted index of each article's rarest strong terms, not from all
// pairs, so 10,000 articles group in seconds. Clusters grow by average link:
// two stories join when their articles' mean similarity reaches the
// threshold, never two articles of one outlet (unless SameOutlet) and never
// two different metadata pins. Stories are returned oldest first.
func Group(ctx context.Context, articles []*corpus.Article, opt StoryOptions) ([]Story, error) {
	thr := opt.Threshold
	if thr <= 0 {
		thr = DefaultStoryThreshold
	}
	al := opt.Aliases
	if al == nil {
		al = DefaultAliases()
	}
	docs := storyFeatures(articles, al)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := len(docs)
	// Candidate pairs from the inverted index of top terms.
	post := map[int32][]int32{}
	postW := map[int32][]float32{}
	for i, d := range docs {
		for k, t := range d.top {
			post[t] = append(post[t], int32(i))
			postW[t] = append(postW[t], d.topW[k])
		}
	}
	maxDF := max(20, min(n/10, 300))
	type edge struct {
		i, j    int32
		content float64 // text similarity, dates ignored
		s       float64 // with dates
	}
	var edges []edge
	acc := make([]float32, n)
	var touched []int32
	for i, d := range docs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		touched = touched[:0]
		for k, t := range d.top {
			ps := post[t]
			if len(ps) > maxDF {
				continue
			}
			for x, j := range ps {
				if int(j) <= i {
					continue
				}
				if acc[j] == 0 {
					touched = append(touched, j)
				}
				acc[j] += d.topW[k] * postW[t][x]
			}
		}
		if len(touched) > maxCandidates {
			slices.SortFunc(touched, func(x, y int32) int {
				switch {
				case acc[x] > acc[y]:
					return -1
				case acc[x] < acc[y]:
					return 1
				}
				return int(x - y)
			})
		}
		for k, j := range touched {
			if k < maxCandidates {
				content := dot(d.vec, docs[j].vec)
				edges = append(edges, edge{int32(i), j, content, content * dateFactor(d, docs[j])})
			}
			acc[j] = 0
		}
	}
	sort.Slice(edges, func(x, y int) bool {
		if edges[x].s != edges[y].s {
			return edges[x].s > edges[y].s
		}
		if edges[x].i != edges[y].i {
			return edges[x].i < edges[y].i
		}
		return edges[x].j < edges[y].j
	})
	// Clusters: pins first.
	cl := make([]int, n) // article → cluster
	members := make([][]int, 0, n)
	pinOf := map[string]int{}
	for i, d := range docs {
		if p := d.a.Story; p != "" {
			if c, ok := pinOf[p]; ok {
				cl[i] = c
				members[c] = append(members[c], i)
				continue
			}
			pinOf[p] = len(members)
		}
		cl[i] = len(members)
		members = append(members, []int{i})
	}
	sim := func(i, j int) float64 { return dot(docs[i].vec, docs[j].vec) * dateFactor(docs[i], docs[j]) }
	canJoin := func(a, b int) bool {
		pa, pb := docs[members[a][0]].a.Story, docs[members[b][0]].a.Story
		if pa != "" && pb != "" && pa != pb {
			return false
		}
		if opt.SameOutlet {
			return true
		}
		for _, x := range members[a] {
			ox := docs[x].a.Outlet
			if ox == "" {
				continue
			}
			for _, y := range members[b] {
				if docs[y].a.Outlet == ox {
					return false
				}
			}
		}
		return true
	}
	for _, e := range edges {
		if e.s < thr {
			break
		}
		a, b := cl[e.i], cl[e.j]
		if a == b || !canJoin(a, b) {
			continue
		}
		var sum float64
		for _, x := range members[a] {
			for _, y := range members[b] {
				if (x == int(e.i) && y == int(e.j)) || (x == int(e.j) && y == int(e.i)) {
					sum += e.s
				} else {
					sum += sim(x, y)
				}
			}
		}
		if sum/float64(len(members[a])*len(members[b])) < thr {
			continue
		}
		if len(members[a]) < len(members[b]) {
			a, b = b, a
		}
		for _, y := range members[b] {
			cl[y] = a
		}
		members[a] = append(members[a], members[b]...)
		members[b] = nil
	}
	// Build stories.
	var stories []Story
	storyOf := make([]int, len(members))
	for c, ms := range members {
		storyOf[c] = -1
		if len(ms) == 0 {
			continue
		}
		storyOf[c] = len(stories)
		stories = append(stories, makeStory(docs, ms, sim))
	}
	// Related: the best content link between two stories, dates ignored,
	// for stories within relatedDays of each other.
	rel := map[[2]int]float64{}
	for _, e := range edges {
		a, b := storyOf[cl[e.i]], storyOf[cl[e.j]]
		if a == b || e.content < thr {
			continue
		}
		if gap := dayGap(docs[e.i], docs[e.j]); !math.IsNaN(gap) && gap > relatedDays {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if e.content > rel[[2]int{a, b}] {
			rel[[2]int{a, b}] = e.content
		}
	}
	type relTo struct {
		id string
		s  float64
	}
	relOf := make([][]relTo, len(stories))
	for k, s := range rel {
		relOf[k[0]] = append(relOf[k[0]], relTo{stories[k[1]].ID, s})
		relOf[k[1]] = append(relOf[k[1]], relTo{stories[k[0]].ID, s})
	}
	for i := range stories {
		rs := relOf[i]
		sort.Slice(rs, func(x, y int) bool {
			if rs[x].s != rs[y].s {
				return rs[x].s > rs[y].s
			}
			return rs[x].id < rs[y].id
		})
		for _, r := range rs {
			stories[i].Related = append(stories[i].Related, r.id)
		}
	}
	sort.SliceStable(stories, func(i, j int) bool {
		ti, tj := stories[i].Start.Time, stories[j].Start.Time
		if !ti.Equal(tj) {
			if ti.IsZero() || tj.IsZero() {
				return tj.IsZero()
			}
			return ti.Before(tj)
		}
		return stories[i].ID < stories[j].ID
	})
	return stories, nil
}

// makeStory builds the Story value of one cluster.
func makeStory(docs []storyDoc, ms []int, sim func(i, j int) float64) Story {
	sort.Slice(ms, func(x, y int) bool {
		ax, ay := docs[ms[x]].a, docs[ms[y]].a
		if !ax.Date.Time.Equal(ay.Date.Time) {
			if ax.Date.Time.IsZero() || ay.Date.Time.IsZero() {
				return ay.Date.Time.IsZero()
			}
			return ax.Date.Time.Before(ay.Date.Time)
		}
		return ax.ID < ay.ID
	})
	s := Story{Score: 1}
	best, bestSum := ms[0], -1.0
	var total float64
	pairs := 0
	for _, x := range ms {
		var sum float64
		for _, y := range ms {
			if x != y {
				v := sim(x, y)
				sum += v
				if x < y {
					total += v
					pairs++
				}
			}
		}
		if sum > bestSum {
			best, bestSum = x, sum
		}
	}
	if pairs > 0 {
		s.Score = round3(total / float64(pairs))
	}
	seenOutlet := map[string]bool{}
	for _, x := range ms {
		a := docs[x].a
		s.Articles = append(s.Articles, a.ID)
		if a.Outlet != "" && !seenOutlet[a.Outlet] {
			seenOutlet[a.Outlet] = true
			s.Outlets = append(s.Outlets, a.Outlet)
		}
		if s.ID == "" || a.ID < s.ID {
			s.ID = a.ID
		}
		if a.Story != "" {
			s.Pinned = true
			s.Name = a.Story
		}
		if a.Date.Known() {
			if !s.Start.Known() || a.Date.Time.Before(s.Start.Time) {
				s.Start = a.Date
			}
			if !s.End.Known() || a.Date.Time.After(s.End.Time) {
				s.End = a.Date
			}
		}
	}
	if s.Pinned {
		s.ID = "story:" + slug(s.Name)
	}
	if s.Name == "" {
		c := docs[best].a
		s.Name = c.Event
		if s.Name == "" {
			s.Name = c.Title
		}
		if s.Name == "" {
			s.Name = c.ID
		}
	}
	return s
}

// slug makes a pin into an id: folded, words joined by "-".
func slug(s string) string {
	var parts []string
	for _, w := range tokenize(s) {
		parts = append(parts, w.key)
	}
	return strings.Join(parts, "-")
}

// storyFeatures computes each article's TF-IDF vector (stems of title,
// dek and body, title and dek counted twice, plus resolved entities) and its
// strongest terms.
func storyFeatures(articles []*corpus.Article, al *Aliases) []storyDoc {
	n := len(articles)
	st := newTextStats()
	type part struct {
		text  string
		toks  []token
		title bool
	}
	parts := make([][]part, n)
	parallel(n, func(lo, hi int) {
		memo := stemMemo{}
		for i := lo; i < hi; i++ {
			a := articles[i]
			ps := []part{{text: a.Title, title: true}, {text: a.Dek}}
			for _, p := range a.Body {
				ps = append(ps, part{text: p.Text})
			}
			for k := range ps {
				ps[k].toks = tokenizeMemo(ps[k].text, memo, nil)
			}
			parts[i] = ps
		}
	})
	for i := range parts {
		for _, p := range parts[i] {
			if p.text != "" {
				st.observe(p.toks, p.title)
			}
		}
	}
	docsM := make([][][]mention, n)
	parallel(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			docsM[i] = make([][]mention, len(parts[i]))
			for k, p := range parts[i] {
				docsM[i][k] = extractMentions(p.text, p.toks, st, al, p.title)
			}
		}
	})
	newResolver(al).resolve(docsM)
	ids := map[string]int32{}
	var df []int
	tfs := make([]map[int32]float64, n)
	for i := range articles {
		tf := map[int32]float64{}
		add := func(term string, w float64) {
			id, ok := ids[term]
			if !ok {
				id = int32(len(ids))
				ids[term] = id
				df = append(df, 0)
			}
			if _, seen := tf[id]; !seen {
				df[id]++
			}
			tf[id] += w
		}
		for k, p := range parts[i] {
			w := 1.0
			if k < 2 {
				w = 2
			}
			for _, t := range p.toks {
				if t.stem != "" {
					add(t.stem, w)
				}
			}
			for _, m := range docsM[i][k] {
				add("@"+m.entity, w)
			}
		}
		tfs[i] = tf
	}
	docs := make([]storyDoc, n)
	N := float64(n)
	for i, a := range articles {
		d := storyDoc{a: a, day: math.NaN()}
		if a.Date.Known() {
			d.day = float64(a.Date.Time.Unix()) / 86400
			d.slack = dateSlack(a.Date.Precision)
		}
		type tw struct {
			id int32
			w  float64
		}
		var ws []tw
		var norm float64
		for id, c := range tfs[i] {
			w := (1 + math.Log(c)) * math.Log(1+N/float64(df[id]))
			ws = append(ws, tw{id, w})
			norm += w * w
		}
		inv := 0.0
		if norm > 0 {
			inv = 1 / math.Sqrt(norm)
		}
		sort.Slice(ws, func(x, y int) bool { return ws[x].id < ws[y].id })
		d.vec = vector{ids: make([]int32, len(ws)), w: make([]float32, len(ws))}
		for k, x := range ws {
			d.vec.ids[k] = x.id
			d.vec.w[k] = float32(x.w * inv)
		}
		// Top terms: strongest weights among terms shared with some other
		// article (df >= 2); a term of one article finds no candidate.
		sort.Slice(ws, func(x, y int) bool {
			if ws[x].w != ws[y].w {
				return ws[x].w > ws[y].w
			}
			return ws[x].id < ws[y].id
		})
		for _, x := range ws {
			if len(d.top) == topTerms {
				break
			}
			if df[x.id] < 2 {
				continue
			}
			d.top = append(d.top, x.id)
			d.topW = append(d.topW, float32(x.w*inv))
		}
		docs[i] = d
	}
	return docs
}

// parallel runs f over [0, n) in GOMAXPROCS chunks and waits.
func parallel(n int, f func(lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	if n < 64 || w == 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	step := (n + w - 1) / w
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// dateSlack is how many days off a date of this precision may be.
func dateSlack(p corpus.Precision) float64 {
	switch p {
	case corpus.PrecisionDay:
		return 0
	case corpus.PrecisionApproximate:
		return 3
	case corpus.PrecisionMonth:
		return 16
	case corpus.PrecisionYear:
		return 183
	}
	return 3
}

// dayGap is the days between two articles beyond their dates' slack; NaN
// when either date is unknown.
func dayGap(a, b storyDoc) float64 {
	if math.IsNaN(a.day) || math.IsNaN(b.day) {
		return math.NaN()
	}
	return math.Max(0, math.Abs(a.day-b.day)-a.slack-b.slack)
}

// dateFactor scales similarity by date distance: 1 within sameStoryDays,
// fading linearly to 0 at fadeDays; 1 when a date is unknown.
func dateFactor(a, b storyDoc) float64 {
	g := dayGap(a, b)
	switch {
	case math.IsNaN(g) || g <= sameStoryDays:
		return 1
	case g >= fadeDays:
		return 0
	}
	return 1 - (g-sameStoryDays)/(fadeDays-sameStoryDays)
}

var _ = time.Now
