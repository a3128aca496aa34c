package stories

import (
	"math"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// buildStories makes the Story of every non-empty cluster, in cluster
// order, and maps each article to the index of its story.
func buildStories(c *clusters) ([]Story, []int) {
	var stories []Story
	storyOf := make([]int, len(c.members)) // cluster → story
	for k, ms := range c.members {
		storyOf[k] = -1
		if len(ms) == 0 {
			continue
		}
		storyOf[k] = len(stories)
		stories = append(stories, makeStory(c.docs, ms))
	}
	articleStory := make([]int, len(c.of))
	for i, k := range c.of {
		articleStory[i] = storyOf[k]
	}
	return stories, articleStory
}

// makeStory builds the Story value of one cluster; it sorts ms, the
// cluster's articles, oldest first.
func makeStory(docs []storyDoc, ms []int) Story {
	sortByDate(ms, func(x int) *corpus.Article { return docs[x].a })
	s := Story{Score: 1}
	central, score, pairs := centralArticle(docs, ms)
	if pairs > 0 {
		s.Score = score
	}
	seenOutlet := map[string]bool{}
	members := make(map[string]bool, len(ms))
	for _, x := range ms {
		members[docs[x].a.ID] = true
	}
	for _, x := range ms {
		a := docs[x].a
		s.Articles = append(s.Articles, a.ID)
		// A copy of a member is not another account of the event.
		if a.Outlet != "" && !seenOutlet[a.Outlet] && !members[a.CopyOf] {
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
		s.Name = articleName(docs[central].a)
	}
	return s
}

// sortByDate sorts articles (given by index) oldest first, undated last,
// ties by id.
func sortByDate(ms []int, article func(int) *corpus.Article) {
	sort.Slice(ms, func(x, y int) bool {
		ax, ay := article(ms[x]), article(ms[y])
		if !ax.Date.Time.Equal(ay.Date.Time) {
			if ax.Date.Time.IsZero() || ay.Date.Time.IsZero() {
				return ay.Date.Time.IsZero()
			}
			return ax.Date.Time.Before(ay.Date.Time)
		}
		return ax.ID < ay.ID
	})
}

// centralArticle is the article of ms most similar to the others (the
// first on ties), with the mean similarity of ms's pairs (rounded to three
// places) and their number.
func centralArticle(docs []storyDoc, ms []int) (central int, score float64, pairs int) {
	central, bestSum := ms[0], -1.0
	var total float64
	for _, x := range ms {
		var sum float64
		for _, y := range ms {
			if x != y {
				v := similarity(docs, x, y)
				sum += v
				if x < y {
					total += v
					pairs++
				}
			}
		}
		if sum > bestSum {
			central, bestSum = x, sum
		}
	}
	if pairs > 0 {
		score = round3(total / float64(pairs))
	}
	return central, score, pairs
}

// articleName names a story after an article: its metadata event, else
// its title, else its id.
func articleName(a *corpus.Article) string {
	switch {
	case a.Event != "":
		return a.Event
	case a.Title != "":
		return a.Title
	}
	return a.ID
}

// slug makes a pin into an id: folded, words joined by "-".
func slug(s string) string {
	var parts []string
	for _, w := range tokens.Tokenize(s) {
		parts = append(parts, w.Key)
	}
	return strings.Join(parts, "-")
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// linkRelated fills each story's Related: the other stories joined to it
// by a candidate edge whose content similarity (dates ignored) reaches thr
// and whose articles are within relatedDays of each other, most related
// (best edge) first, ties by id. articleStory maps articles to stories.
func linkRelated(stories []Story, articleStory []int, edges []edge, docs []storyDoc, thr float64) {
	rel := map[[2]int]float64{}
	for _, e := range edges {
		a, b := articleStory[e.i], articleStory[e.j]
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
}

// sortStories orders stories oldest first (by their first date), undated
// last, ties by id.
func sortStories(stories []Story) {
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
}
