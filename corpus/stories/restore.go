package stories

import "github.com/pmureader/pmureader/corpus"

// Restore completes stories read back from a store, which keeps each
// story's ID, Name, members (Articles), Related, Pinned and Score: it
// orders each story's members as Group does (oldest first, undated last,
// ties by id), gives it its Outlets, Start and End from the articles, and
// orders the stories as Group does. Members article does not know (removed
// meanwhile) are left out, and so are stories left without any. article
// needs only the article's ID, Outlet, CopyOf and Date: a library's
// headers do.
func Restore(stored []Story, article func(id string) (*corpus.Article, bool)) []Story {
	out := make([]Story, 0, len(stored))
	for _, s := range stored {
		var arts []*corpus.Article
		for _, id := range s.Articles {
			if a, ok := article(id); ok {
				arts = append(arts, a)
			}
		}
		if len(arts) == 0 {
			continue
		}
		ms := make([]int, len(arts))
		for i := range ms {
			ms[i] = i
		}
		sortByDate(ms, func(i int) *corpus.Article { return arts[i] })
		r := Story{ID: s.ID, Name: s.Name, Related: s.Related, Pinned: s.Pinned, Score: s.Score}
		seenOutlet := map[string]bool{}
		members := make(map[string]bool, len(arts))
		for _, a := range arts {
			members[a.ID] = true
		}
		for _, i := range ms {
			a := arts[i]
			r.Articles = append(r.Articles, a.ID)
			// A copy of a member is not another account (makeStory's rule).
			if a.Outlet != "" && !seenOutlet[a.Outlet] && !members[a.CopyOf] {
				seenOutlet[a.Outlet] = true
				r.Outlets = append(r.Outlets, a.Outlet)
			}
			if a.Date.Known() {
				if !r.Start.Known() || a.Date.Time.Before(r.Start.Time) {
					r.Start = a.Date
				}
				if !r.End.Known() || a.Date.Time.After(r.End.Time) {
					r.End = a.Date
				}
			}
		}
		out = append(out, r)
	}
	sortStories(out)
	return out
}
