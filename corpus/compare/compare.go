package compare

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/figures"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// analysed is one passage with everything scoring needs.
type analysed struct {
	toks  []tokens.Token
	ments []entities.Mention
	figs  []figures.Figure
	vec   tfidf.Vector
}

// Compare lines up 2 to MaxArticles articles: it cuts each into passages,
// scores every pair of passages from different articles, groups the
// passages that report the same thing into rows, and lists what has no
// counterpart and how the accounts differ.
//
// Passage similarity is the cosine of TF-IDF vectors over stemmed content
// words, numbers and resolved entities (an entity counts once however it
// is spelled), with IDF taken over all passages compared. Counterparts are
// chosen greedily from the best-scoring pair down, one passage per article
// per row, never assuming the accounts tell things in the same order.
func Compare(articles []*corpus.Article, opt Options) (*Comparison, error) {
	if len(articles) < 2 {
		return nil, fmt.Errorf("compare: need at least 2 articles, got %d", len(articles))
	}
	if len(articles) > MaxArticles {
		return nil, fmt.Errorf("compare: at most %d articles, got %d", MaxArticles, len(articles))
	}
	seen := map[string]bool{}
	for i, a := range articles {
		if a == nil {
			return nil, fmt.Errorf("compare: article %d is nil", i)
		}
		if seen[a.ID] && a.ID != "" {
			return nil, fmt.Errorf("compare: article %s given twice", a.ID)
		}
		seen[a.ID] = true
	}
	c := &Comparison{Articles: make([]ArticleInfo, len(articles))}
	for i, a := range articles {
		// Passages are cut by build, in parallel.
		c.Articles[i] = ArticleInfo{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline(), Date: a.Date}
	}
	c.build(articles, opt)
	return c, nil
}

// ErrTooFew is returned by functions that need two or more texts.
var ErrTooFew = errors.New("need at least two texts")

// parallelWords is how many words (all articles together) a comparison
// needs before build uses more than one goroutine. Six articles of 1,000
// words take about 12 ms on one core; split over two, the hand-offs at each
// step and the shared stem memo cost more than they save on a busy machine
// (measured on the 2-core reference machine at load 10: median 24 ms on
// two workers against 14.5 ms on one; at load 2 the two were level).
// Longer texts, whose steps take tens of milliseconds, use every core.
const parallelWords = 40000

// build analyses the passages and fills rows, unique passages, entities and
// differences. The work on one article (cutting passages, tokens, names,
// figures) and the scoring of one pair of articles run on up to
// opt.workers goroutines; what crosses articles (capitalisation statistics,
// entity resolution, term ids, rows) is done in article order, so the
// result does not depend on scheduling.
func (c *Comparison) build(articles []*corpus.Article, opt Options) {
	al := opt.Aliases
	if al == nil {
		al = entities.DefaultAliases()
	}
	thr := opt.Threshold
	if thr <= 0 {
		thr = DefaultRowThreshold
	}
	n := len(c.Articles)
	words := 0 // bytes / 6 is about words
	for _, a := range articles {
		words += len(a.Title) + len(a.Dek)
		for _, p := range a.Body {
			words += len(p.Text)
		}
	}
	words /= 6
	want := opt.workers
	if want == 0 && words < parallelWords {
		want = 1
	}
	w := pool.Workers(want, n)
	an := make([][]analysed, n)
	c.toks = make([][][]tokens.Token, n)
	memos := make([]tokens.Memo, w)
	stats := make([]*entities.Capitalisation, w)
	for k := range memos {
		memos[k] = make(tokens.Memo, min(words/3, 1<<16)) // about the distinct words
		stats[k] = entities.NewCapitalisation()
	}
	var share *tokens.SharedMemo
	if w > 1 {
		share = tokens.NewSharedMemo()
	}
	pool.ForEach(n, w, func(k, i int) {
		ps := passages.Cut(articles[i], opt.Unit)
		c.Articles[i].Passages = ps
		an[i] = make([]analysed, len(ps))
		c.toks[i] = make([][]tokens.Token, len(ps))
		for j, p := range ps {
			an[i][j].toks = tokens.TokenizeInto(nil, p.Text, memos[k], share)
			c.toks[i][j] = an[i][j].toks
			stats[k].Observe(an[i][j].toks, p.Kind == passages.KindTitle)
		}
	})
	st := stats[0]
	for _, o := range stats[1:] {
		st.Merge(o)
	}
	docs := make([][][]entities.Mention, n)
	pool.ForEach(n, w, func(_, i int) {
		ps := c.Articles[i].Passages
		docs[i] = make([][]entities.Mention, len(ps))
		for j, p := range ps {
			docs[i][j] = entities.FindMentions(p.Text, an[i][j].toks, st, al, p.Kind == passages.KindTitle)
			an[i][j].figs = figures.Find(p.Text, an[i][j].toks)
		}
	})
	res := entities.NewResolver(al)
	res.Resolve(docs)
	for i := range an {
		for j := range an[i] {
			an[i][j].ments = docs[i][j]
		}
	}
	c.Entities = entitiesOf(docs, res)
	keys := len(memos[0])
	if share != nil {
		keys = share.Len()
	}
	vectorize(an, keys)
	c.score(an, w)
	c.align(an, thr, res)
	c.Differences = differences.Find(c.differencesInput(an, res))
}

// vectorize builds every passage's TF-IDF vector. Terms are word stems,
// numbers, and entity keys (so "PMU" meets "Popular Mobilization Forces");
// IDF is over all passages of all articles. Term ids are given in order of
// first appearance; the four kinds of term have their own tables, as if
// prefixed ("#27", "~killed", "@entity"), so they never meet. keys is how
// many word keys the stem memo numbered (token.sid): a word's term is
// looked up once per key, not once per occurrence.
func vectorize(an [][]analysed, keys int) {
	type tf struct {
		id int32
		n  float64
	}
	var (
		stems, nums, cas, ents = make(map[string]int32, keys), map[string]int32{}, map[string]int32{}, map[string]int32{}
		df                     []int32
		// While a passage is counted, its term id's entry in cur is
		// slot[id], valid when seen[id] is the passage's stamp.
		slot, seen []int32
		cur        []tf
		stamp      int32
	)
	intern := func(m map[string]int32, term string) int32 {
		id, ok := m[term]
		if !ok {
			id = int32(len(df))
			m[term] = id
			df = append(df, 0)
			slot = append(slot, 0)
			seen = append(seen, -1)
		}
		return id
	}
	keyTerm := make([]int32, keys) // token.sid → stem term id + 1, 0 unknown
	add := func(id int32, w float64) {
		if seen[id] != stamp {
			seen[id] = stamp
			slot[id] = int32(len(cur))
			cur = append(cur, tf{id, 0})
			df[id]++
		}
		cur[slot[id]].n += w
	}
	// Every passage's counts, one after another: passage x's are
	// all[off[x]:off[x+1]], by id.
	passages, words := 0, 0
	for i := range an {
		passages += len(an[i])
		for j := range an[i] {
			words += len(an[i][j].toks)
		}
	}
	all := make([]tf, 0, words)
	off := make([]int, 1, passages+1)
	df = make([]int32, 0, keys)
	slot = make([]int32, 0, keys)
	seen = make([]int32, 0, keys)
	total := 0
	for i := range an {
		for j := range an[i] {
			total++
			stamp++
			cur = cur[:0]
			// A dateline ("Posted Nov 14th 2007 12:41PM") states nothing;
			// it would only match other dates.
			if !isDateline(an[i][j].toks) {
				for _, t := range an[i][j].toks {
					switch {
					case t.Num:
						add(intern(nums, t.Key), 1)
					case t.Stem != "":
						if t.Casualty != tokens.NoCasualty {
							add(intern(cas, t.Casualty.String()), 1) // "killed", "dead", "death" are one term
						} else if t.KeyID >= 0 && int(t.KeyID) < keys {
							id := keyTerm[t.KeyID] - 1
							if id < 0 {
								id = intern(stems, t.Stem)
								keyTerm[t.KeyID] = id + 1
							}
							add(id, 1)
						} else {
							add(intern(stems, t.Stem), 1)
						}
					}
				}
				for _, m := range an[i][j].ments {
					add(intern(ents, m.Entity), entityWeight)
				}
			}
			start := len(all)
			for _, t := range cur {
				if t.n > 0 {
					all = append(all, t)
				}
			}
			slices.SortFunc(all[start:], func(a, b tf) int { return int(a.id - b.id) })
			off = append(off, len(all))
		}
	}
	N := float64(total)
	ids := make([]int32, len(all))
	ws := make([]float32, len(all))
	x := 0
	for i := range an {
		for j := range an[i] {
			lo, hi := off[x], off[x+1]
			x++
			v := tfidf.Vector{IDs: ids[lo:hi:hi], W: ws[lo:hi:hi]}
			var norm float64
			for k, t := range all[lo:hi] {
				w := tfidf.Weight(t.n, N, df[t.id])
				v.IDs[k] = t.id
				v.W[k] = float32(w)
				norm += w * w
			}
			if norm > 0 {
				inv := 1 / math.Sqrt(norm)
				for k := range v.W {
					v.W[k] = float32(float64(v.W[k]) * inv)
				}
			}
			an[i][j].vec = v
		}
	}
}

var textnormIsNumber = textnorm.IsNumber

// Scoring constants. They follow from how news is written and were
// checked (not fitted) on ../shared/eval/news_ecb:
//   - entityWeight: a resolved entity counts half a word on top of its own
//     words, enough to join "PMU" and "Popular Mobilization Forces" without
//     letting names outweigh what happened;
//   - posPrior: accounts tend to tell a story in a similar order, so a pair
//     loses up to 30% of its score as its relative positions drift apart;
//     it never forbids crossing links, which are common;
//   - leadPrior: headlines and leads summarise the main event, so pairs near
//     the top of both articles gain up to 30%.
const (
	entityWeight = 0.5
	posPrior     = 0.3
	leadPrior    = 0.3
)

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true}

var timeWords = map[string]bool{"am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true, "utc": true,
	"edt": true, "est": true, "pdt": true, "pst": true, "cet": true, "bst": true, "posted": true,
	"updated": true, "published": true, "last": true, "at": true, "on": true, "by": true, "date": true,
	"time": true, "modified": true}

// isDateline reports whether a passage is only a date or time stamp.
func isDateline(toks []tokens.Token) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		k := t.Key
		if t.Num || tokens.IsMonth(k) || tokens.IsWeekday(k) || timeWords[k] {
			continue
		}
		if n := strings.TrimRight(k, "abcdefghijklmnopqrstuvwxyz"); n != "" && n != k && textnormIsNumber(n) {
			switch k[len(n):] {
			case "st", "nd", "rd", "th", "am", "pm", "h":
				continue
			}
		}
		return false
	}
	return true
}

// score fills the pairwise passage similarity matrices, one pair of
// articles per task on up to w goroutines. Each article's passages are
// indexed by term (postings), so a passage meets only the passages that
// share a term with it; every other pair scores 0 without being looked at.
// A pair's terms are summed in ascending term id, as a merge of the two
// sparse vectors would, so the scores do not depend on the method.
func (c *Comparison) score(an [][]analysed, w int) {
	n := len(an)
	vocab := int32(0)
	most := 0
	for i := range an {
		most = max(most, len(an[i]))
		for _, a := range an[i] {
			for _, id := range a.vec.IDs {
				vocab = max(vocab, id+1)
			}
		}
	}
	// lead[p] is the lead prior's weight of position p.
	lead := make([]float64, most)
	for p := range lead {
		lead[p] = math.Exp(-float64(p) / 3)
	}
	type posting struct {
		q int32
		w float32
	}
	// Article j's postings of term t are post[j][start[j][t]:start[j][t+1]],
	// passages ascending.
	post := make([][]posting, n)
	start := make([][]int32, n)
	pool.ForEach(n-1, w, func(_, x int) {
		j := x + 1 // article 0 is never the second of a pair
		st := make([]int32, vocab+2)
		size := 0
		for _, a := range an[j] {
			for _, id := range a.vec.IDs {
				st[id+2]++
			}
			size += len(a.vec.IDs)
		}
		for t := 2; t < len(st); t++ {
			st[t] += st[t-1]
		}
		// st[t+1] is now where term t's postings start; fill moves it to
		// where they end, which is where term t+1's start.
		ps := make([]posting, size)
		for q, a := range an[j] {
			for k, id := range a.vec.IDs {
				ps[st[id+1]] = posting{int32(q), a.vec.W[k]}
				st[id+1]++
			}
		}
		post[j], start[j] = ps, st[:vocab+1]
	})
	type pair struct{ i, j int }
	var pairs []pair
	c.scores = make([][]sparseScores, n)
	for i := 0; i < n; i++ {
		c.scores[i] = make([]sparseScores, n)
		for j := i + 1; j < n; j++ {
			pairs = append(pairs, pair{i, j})
		}
	}
	accs := make([][]float64, w)
	marks := make([][]bool, w)
	toucheds := make([][]int32, w)
	qss := make([][]int32, w)
	vss := make([][]float32, w)
	pool.ForEach(len(pairs), w, func(k, x int) {
		i, j := pairs[x].i, pairs[x].j
		if accs[k] == nil {
			accs[k] = make([]float64, most)
			marks[k] = make([]bool, most)
		}
		acc, mark, touched := accs[k], marks[k], toucheds[k][:0]
		ni, nj := len(an[i]), len(an[j])
		m := sparseScores{start: make([]int32, 1, ni+1)}
		// The cells go to the worker's scratch first, then to slices of
		// their exact size.
		qs, vs := qss[k][:0], vss[k][:0]
		for p := range an[i] {
			pv := an[i][p].vec
			for t, id := range pv.IDs {
				pw := pv.W[t]
				for _, po := range post[j][start[j][id]:start[j][id+1]] {
					if !mark[po.q] {
						mark[po.q] = true
						touched = append(touched, po.q)
					}
					acc[po.q] += float64(pw * po.w)
				}
			}
			// Columns in ascending order: sort a few, or sweep the marks.
			if len(touched) > 0 && len(touched)*8 < nj {
				slices.Sort(touched)
			} else if len(touched) > 0 {
				touched = touched[:0]
				for q := range nj {
					if mark[q] {
						touched = append(touched, int32(q))
					}
				}
			}
			for _, q := range touched {
				v := acc[q]
				acc[q], mark[q] = 0, false
				if v > 0 && posPrior > 0 {
					rp := float64(p) / float64(max(1, ni-1))
					rq := float64(q) / float64(max(1, nj-1))
					v *= 1 - posPrior*math.Abs(rp-rq)
				}
				if v > 0 && leadPrior > 0 {
					v *= 1 + leadPrior*(lead[p]+lead[q])/2
					if v > 1 { // math.Min(v, 1) for the positive v here
						v = 1
					}
				}
				qs = append(qs, q)
				vs = append(vs, float32(v))
			}
			m.start = append(m.start, int32(len(qs)))
			touched = touched[:0]
		}
		m.q, m.v = slices.Clone(qs), slices.Clone(vs)
		toucheds[k], qss[k], vss[k] = touched, qs, vs
		c.scores[i][j] = m
	})
}

// sparseScores is a passage similarity matrix with its zeros left out:
// row p's nonzero cells are in columns q[start[p]:start[p+1]] (ascending)
// with values v[start[p]:start[p+1]]. Most pairs of passages share no term,
// so this is several times smaller than the full matrix.
type sparseScores struct {
	start []int32
	q     []int32
	v     []float32
}

// at is cell (p, q), 0 when left out.
func (m *sparseScores) at(p, q int) float32 {
	lo, hi := int(m.start[p]), int(m.start[p+1])
	if x, ok := slices.BinarySearch(m.q[lo:hi], int32(q)); ok {
		return m.v[lo+x]
	}
	return 0
}

// Score is the similarity (0..1) of two passages of different articles; 0
// for passages of the same article or refs out of range.
func (c *Comparison) Score(a, b passages.Ref) float64 {
	if !c.valid(a) || !c.valid(b) || a.Article == b.Article {
		return 0
	}
	if a.Article > b.Article {
		a, b = b, a
	}
	return float64(c.scores[a.Article][b.Article].at(a.Passage, b.Passage))
}

func (c *Comparison) valid(r passages.Ref) bool {
	return r.Article >= 0 && r.Article < len(c.Articles) && r.Passage >= 0 && r.Passage < len(c.Articles[r.Article].Passages)
}

// Passage returns the passage a ref points at.
func (c *Comparison) Passage(r passages.Ref) (passages.Passage, bool) {
	if !c.valid(r) {
		return passages.Passage{}, false
	}
	return c.Articles[r.Article].Passages[r.Passage], true
}

// RowOf returns the index in Rows of the row holding a passage, or -1.
func (c *Comparison) RowOf(r passages.Ref) int {
	if !c.valid(r) {
		return -1
	}
	return c.rowOf[r.Article][r.Passage]
}

// Counterparts returns, for the passage r points at, its best candidate
// counterparts in every article: out[j] lists up to k passages of article
// j, best first, with scores above zero (out[r.Article] is nil). k <= 0
// means 3. The TUI uses out[j][0] to line pane j up with the focused
// passage; Match.InRow says whether the aligner kept that pairing.
func (c *Comparison) Counterparts(r passages.Ref, k int) [][]Match {
	if !c.valid(r) {
		return nil
	}
	if k <= 0 {
		k = 3
	}
	out := make([][]Match, len(c.Articles))
	row := c.rowOf[r.Article][r.Passage]
	for j := range c.Articles {
		if j == r.Article {
			continue
		}
		var ms []Match
		for q := range c.Articles[j].Passages {
			o := passages.Ref{Article: j, Passage: q}
			s := c.Score(r, o)
			if s <= 0 {
				continue
			}
			ms = append(ms, Match{Ref: o, Score: s, InRow: row >= 0 && c.rowOf[j][q] == row})
		}
		slices.SortStableFunc(ms, func(a, b Match) int { return cmp.Compare(b.Score, a.Score) })
		if len(ms) > k {
			ms = ms[:k]
		}
		out[j] = ms
	}
	return out
}

// align groups passages into rows: candidate pairs at or above thr, best
// first; a pair starts a row, extends one (when the row has no passage of
// that article yet and the newcomer is on average as close to the row's
// passages as thr), or joins two rows with no article in common on the
// same condition.
func (c *Comparison) align(an [][]analysed, thr float64, res *entities.Resolver) {
	n := len(c.Articles)
	type pair struct {
		a, b passages.Ref
		s    float64
	}
	var pairs []pair
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			// thr > 0, so the cells left out (zeros) never count.
			m := &c.scores[i][j]
			for p := 0; p+1 < len(m.start); p++ {
				for x := m.start[p]; x < m.start[p+1]; x++ {
					if s := float64(m.v[x]); s >= thr {
						pairs = append(pairs, pair{passages.Ref{Article: i, Passage: p}, passages.Ref{Article: j, Passage: int(m.q[x])}, s})
					}
				}
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y pair) int { return cmp.Compare(y.s, x.s) })
	c.rowOf = make([][]int, n)
	for i := range c.rowOf {
		c.rowOf[i] = make([]int, len(c.Articles[i].Passages))
		for p := range c.rowOf[i] {
			c.rowOf[i][p] = -1
		}
	}
	var rows [][]passages.Ref // by article: rows[r] holds members
	has := func(r int, art int) bool {
		for _, m := range rows[r] {
			if m.Article == art {
				return true
			}
		}
		return false
	}
	link := func(xs, ys []passages.Ref) float64 {
		var sum float64
		for _, x := range xs {
			for _, y := range ys {
				sum += c.Score(x, y)
			}
		}
		return sum / float64(len(xs)*len(ys))
	}
	for _, pr := range pairs {
		ra, rb := c.rowOf[pr.a.Article][pr.a.Passage], c.rowOf[pr.b.Article][pr.b.Passage]
		switch {
		case ra < 0 && rb < 0:
			rows = append(rows, []passages.Ref{pr.a, pr.b})
			c.rowOf[pr.a.Article][pr.a.Passage] = len(rows) - 1
			c.rowOf[pr.b.Article][pr.b.Passage] = len(rows) - 1
		case ra >= 0 && rb >= 0:
			if ra == rb {
				continue
			}
			ok := true
			for _, m := range rows[rb] {
				if has(ra, m.Article) {
					ok = false
					break
				}
			}
			if !ok || link(rows[ra], rows[rb]) < thr {
				continue
			}
			for _, m := range rows[rb] {
				c.rowOf[m.Article][m.Passage] = ra
			}
			rows[ra] = append(rows[ra], rows[rb]...)
			rows[rb] = nil
		default:
			r, x := ra, pr.b
			if r < 0 {
				r, x = rb, pr.a
			}
			if has(r, x.Article) || link(rows[r], []passages.Ref{x}) < thr {
				continue
			}
			rows[r] = append(rows[r], x)
			c.rowOf[x.Article][x.Passage] = r
		}
	}
	// Order members by article, rows by position, and renumber.
	type keyed struct {
		members []passages.Ref
		key     float64
	}
	var ks []keyed
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		slices.SortFunc(r, func(x, y passages.Ref) int { return x.Article - y.Article }) // one passage per article
		ks = append(ks, keyed{r, rowKey(c, r)})
	}
	slices.SortStableFunc(ks, func(x, y keyed) int { return cmp.Compare(x.key, y.key) })
	c.Rows = make([]Row, 0, len(ks))
	for i := range c.rowOf {
		for p := range c.rowOf[i] {
			c.rowOf[i][p] = -1
		}
	}
	for ri, k := range ks {
		var sum float64
		cnt := 0
		for x := 0; x < len(k.members); x++ {
			c.rowOf[k.members[x].Article][k.members[x].Passage] = ri
			for y := x + 1; y < len(k.members); y++ {
				sum += c.Score(k.members[x], k.members[y])
				cnt++
			}
		}
		c.Rows = append(c.Rows, Row{Passages: k.members, Score: round3(sum / float64(cnt)), Shared: shared(c, an, k.members, res)})
	}
	c.Unique = nil
	for i := range c.rowOf {
		for p, r := range c.rowOf[i] {
			if r < 0 {
				c.Unique = append(c.Unique, passages.Ref{Article: i, Passage: p})
			}
		}
	}
}

// rowKey orders rows: by the position of the first article's passage when
// it has one, else by the relative position of its first member, so rows
// read down in the first article's order and the rest fall in between.
func rowKey(c *Comparison, members []passages.Ref) float64 {
	m := members[0]
	total := len(c.Articles[m.Article].Passages)
	rel := float64(m.Passage) / float64(max(total, 1))
	if m.Article == 0 {
		return rel
	}
	return rel + 1e-6*float64(m.Article)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// shared lists what the passages of a row have in common.
func shared(c *Comparison, an [][]analysed, members []passages.Ref, res *entities.Resolver) Shared {
	var sh Shared
	ents := map[string]int{}
	words := map[string]int{}
	nums := map[string]int{}
	surface := map[string]string{}
	for _, m := range members {
		a := an[m.Article][m.Passage]
		text := c.Articles[m.Article].Passages[m.Passage].Text
		seenE, seenW, seenN := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, x := range a.ments {
			if !seenE[x.Entity] {
				seenE[x.Entity] = true
				ents[x.Entity]++
			}
		}
		for _, t := range a.toks {
			// A word inside a name counts as the name, listed once among
			// the entities ("Iraq", not also "iraq").
			if entities.MentionAt(a.ments, t.Start) != nil {
				continue
			}
			if t.Stem != "" && !seenW[t.Stem] {
				seenW[t.Stem] = true
				words[t.Stem]++
				if _, ok := surface[t.Stem]; !ok {
					surface[t.Stem] = strings.ToLower(text[t.Start:t.End])
				}
			}
		}
		for _, f := range a.figs {
			k := f.Label()
			if !seenN[k] {
				seenN[k] = true
				nums[k]++
			}
		}
	}
	for e, k := range ents {
		if k >= 2 {
			sh.Entities = append(sh.Entities, res.Display(e))
		}
	}
	sort.Strings(sh.Entities)
	for w, k := range nums {
		if k >= 2 {
			sh.Numbers = append(sh.Numbers, w)
		}
	}
	sort.Strings(sh.Numbers)
	for w, k := range words {
		if k >= 2 {
			sh.Words = append(sh.Words, surface[w])
		}
	}
	sort.Strings(sh.Words)
	return sh
}

// entitiesOf lists the entities named in the compared articles, most
// mentioned first.
func entitiesOf(docs [][][]entities.Mention, res *entities.Resolver) []Entity {
	byKey := map[string]*Entity{}
	variants := map[string]map[string]bool{}
	for ai, doc := range docs {
		for _, ms := range doc {
			for _, m := range ms {
				e := byKey[m.Entity]
				if e == nil {
					e = &Entity{Name: res.Display(m.Entity)}
					byKey[m.Entity] = e
					variants[m.Entity] = map[string]bool{}
				}
				e.Mentions++
				if len(e.Articles) == 0 || e.Articles[len(e.Articles)-1] != ai {
					e.Articles = append(e.Articles, ai)
				}
				if !variants[m.Entity][m.Surface] {
					variants[m.Entity][m.Surface] = true
					e.Variants = append(e.Variants, m.Surface)
				}
			}
		}
	}
	// Two entities can show the same name ("Syrian" the alias and
	// "Syrian" a name of its own): their keys break the tie, so the order
	// never depends on map iteration.
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := byKey[keys[i]], byKey[keys[j]]
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return keys[i] < keys[j]
	})
	out := make([]Entity, 0, len(byKey))
	for _, k := range keys {
		e := byKey[k]
		sort.Strings(e.Variants)
		out = append(out, *e)
	}
	return out
}

// differencesInput is what the difference rules read of a comparison: each
// article's name and passages with their analysis and row, the passage
// scores, and the resolver that named the entities.
func (c *Comparison) differencesInput(an [][]analysed, res *entities.Resolver) differences.Input {
	in := differences.Input{Articles: make([]differences.Article, len(c.Articles)), Score: c.Score, Entities: res}
	for i, a := range c.Articles {
		ps := make([]differences.Passage, len(a.Passages))
		for p, pa := range a.Passages {
			ps[p] = differences.Passage{Text: pa.Text, Paragraph: pa.Paragraph, Row: c.rowOf[i][p],
				Tokens: an[i][p].toks, Mentions: an[i][p].ments, Figures: an[i][p].figs}
		}
		in.Articles[i] = differences.Article{Name: articleName(a, i), Passages: ps}
	}
	return in
}

// articleName is how difference summaries name an article: its outlet,
// else its id, else its place ("article 2").
func articleName(a ArticleInfo, i int) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	if a.ID != "" {
		return a.ID
	}
	return fmt.Sprintf("article %d", i+1)
}
