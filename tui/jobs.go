package tui

import (
	"context"
	"runtime/debug"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/entities"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/stories"
)

// Background work. Everything that can take longer than a keystroke is a
// job: reading the loader's batches (and indexing them), grouping stories,
// naming the stories in the title index, aligning a comparison, the
// library's two searches, the reader's find while typing, opening the
// library, reading bodies of the library's articles, reading the rows of
// the library's list around the screen and adding what the user pasted.
// Every job is started here, by jobs, and runs in a tea.Cmd, never in
// Update. Each kind of job has generations: a result names the job it
// answers (jobID), and the root takes it only if that is the latest job of
// its kind, so an answer to an old question is dropped wherever it comes
// from. The root then hands the result to the view that shows it; views
// never pass data to each other.

// jobKind names a kind of background work.
type jobKind int

const (
	jobLoad       jobKind = iota // read the loader's next batches and index them
	jobGroup                     // group the loaded articles into stories
	jobStoryNames                // give the title index each article's story
	jobCompare                   // align the articles being compared
	jobTitles                    // the library's fuzzy title search
	jobWords                     // the library's word search over bodies
	jobFind                      // the reader's find while typing
	jobOpenLib                   // open the library and read its state
	jobBody                      // read the bodies of articles the list holds as headers
	jobAdd                       // add what the user pasted (fetch, extract, store)
	jobPage                      // read the rows of the library's list around the screen
	jobTitleRows                 // make the rows of a title search's answer further down
	jobKinds
)

// oneAtATime reports whether jobs of kind k run one at a time: while one
// runs, the latest one asked for waits and starts when it returns (those
// asked for in between are forgotten), so holding a key down never queues
// work. The other kinds start at once, the older job cancelled.
func (k jobKind) oneAtATime() bool {
	return k == jobTitles || k == jobWords || k == jobFind || k == jobStoryNames || k == jobPage || k == jobTitleRows
}

// jobID is one job: its kind and generation.
type jobID struct {
	kind jobKind
	gen  int
}

func (id jobID) job() jobID { return id }

// jobResult is a message that answers a job. Every result embeds its
// jobID.
type jobResult interface{ job() jobID }

// jobWork does a job, off the update loop, and returns its result. ctx is
// cancelled when a newer job of the kind starts or the program ends.
type jobWork func(ctx context.Context, id jobID) tea.Msg

// jobState is what jobs knows of one kind.
type jobState struct {
	gen     int     // the latest job asked for
	running int     // jobs started that have not answered
	waiting bool    // the latest job has not answered
	queued  jobWork // one-at-a-time kinds: the latest job, waiting to start
	cancel  context.CancelFunc
}

// jobs starts and tracks every background job.
type jobs struct {
	ctx   context.Context // the program's: cancelled when the TUI exits
	kinds [jobKinds]jobState
	// grouping is how far the latest grouping has got, for the stories
	// view.
	grouping groupRun
	// lib is the library whose headers the list holds, and cache its
	// articles lately read whole: grouping reads the bodies it needs.
	lib   Library
	cache *bodyCache
	// groupLibrary, when not nil, groups lib from what it keeps
	// (Options.GroupLibrary).
	groupLibrary func(context.Context, *entities.Aliases, func(string) (*corpus.Article, bool), func(int, int)) ([]stories.Story, error)
}

func newJobs() *jobs { return &jobs{ctx: context.Background()} }

// start asks for a job of kind k: it starts at once, or, for a
// one-at-a-time kind with a job running, after that one. Either way every
// older job of the kind is stale from now on.
func (j *jobs) start(k jobKind, work jobWork) tea.Cmd {
	st := &j.kinds[k]
	st.gen++
	st.waiting = true
	if k.oneAtATime() && st.running > 0 {
		st.queued = work
		return nil
	}
	st.queued = nil
	return j.run(k, work)
}

// run starts the latest job of kind k in a command.
func (j *jobs) run(k jobKind, work jobWork) tea.Cmd {
	st := &j.kinds[k]
	if st.cancel != nil {
		st.cancel() // its answer would be dropped: let it stop early
	}
	ctx, cancel := context.WithCancel(j.ctx)
	st.cancel = cancel
	st.running++
	id := jobID{k, st.gen}
	return guard(func() tea.Msg {
		defer cancel()
		return work(ctx, id)
	})
}

// drop forgets the jobs of kind k: their answers will be stale, and a job
// waiting to start never starts.
func (j *jobs) drop(k jobKind) {
	st := &j.kinds[k]
	st.gen++
	st.waiting = false
	st.queued = nil
	if st.cancel != nil {
		st.cancel()
	}
}

// finish records that job id has answered. It reports whether the answer
// is fresh (id is the latest job of its kind; every batch of the load is)
// and returns the job that waited for this one, if any.
func (j *jobs) finish(id jobID) (fresh bool, next tea.Cmd) {
	st := &j.kinds[id.kind]
	st.running = max(st.running-1, 0)
	fresh = id.kind == jobLoad || id.gen == st.gen
	if fresh {
		st.waiting = false
	}
	if st.queued != nil && st.running == 0 {
		work := st.queued
		st.queued = nil
		next = j.run(id.kind, work)
	}
	return fresh, next
}

// running reports whether a job of kind k is running, fresh or not.
func (j *jobs) running(k jobKind) bool { return j.kinds[k].running > 0 }

// waiting reports whether the latest job of kind k has yet to answer.
func (j *jobs) waiting(k jobKind) bool { return j.kinds[k].waiting }

// load starts the loader and reads its first batches. The loader gets the
// program's context: it lives as long as the load, not the job.
func (j *jobs) load(load func(context.Context) <-chan corpus.Batch, ix *search.Index) tea.Cmd {
	ctx := j.ctx
	return j.start(jobLoad, func(_ context.Context, id jobID) tea.Msg {
		ch := load(ctx)
		if ch == nil {
			return batchMsg{jobID: id, done: true}
		}
		msg := readBatches(ch, batchWindow(0), ix)
		msg.jobID = id
		return msg
	})
}

// nextBatches reads the loader's next batches, for a library of n
// articles.
func (j *jobs) nextBatches(ch <-chan corpus.Batch, n int, ix *search.Index) tea.Cmd {
	return j.start(jobLoad, func(_ context.Context, id jobID) tea.Msg {
		msg := readBatches(ch, batchWindow(n), ix)
		msg.jobID = id
		return msg
	})
}

// readBatches reads the next batches from the loader's channel: it blocks
// for one, then takes whatever else arrives within window, merged. Each
// message costs the library a re-sort, so the window grows with the
// library (see batchWindow) to keep that cost a small share of the load.
//
// It also indexes the articles into ix for both searches, here, in the
// command, before the message goes out: indexing 100,000 articles takes
// seconds, which on the update loop would freeze typing while a large
// corpus loads. The index is safe for concurrent use, so searches running
// meanwhile simply see the articles already added.
func readBatches(ch <-chan corpus.Batch, window time.Duration, ix *search.Index) batchMsg {
	b, ok := <-ch
	if !ok {
		return batchMsg{done: true}
	}
	b = mergeBatch(corpus.Batch{}, b)
	deadline := time.After(window)
	msg := batchMsg{ch: ch}
gather:
	for {
		select {
		case nb, ok := <-ch:
			if !ok {
				msg.done = true
				break gather
			}
			b = mergeBatch(b, nb)
		case <-deadline:
			break gather
		}
	}
	if ix != nil {
		ix.Add(b.Articles)
	}
	msg.batch = b
	return msg
}

// batchWindow is how long to gather batches once one has arrived, for a
// library of n articles: 15 ms, plus 1 ms per thousand articles, at most
// 250 ms (sorting 100,000 articles takes some tens of milliseconds).
func batchWindow(n int) time.Duration {
	return min(15*time.Millisecond+time.Duration(n/1000)*time.Millisecond, 250*time.Millisecond)
}

// mergeBatch folds batch b into a: articles and problems appended, progress
// taken from the later one.
func mergeBatch(a, b corpus.Batch) corpus.Batch {
	// Full slice expressions: never write into the loader's arrays.
	a.Articles = append(a.Articles[:len(a.Articles):len(a.Articles)], b.Articles...)
	a.Problems = append(a.Problems[:len(a.Problems):len(a.Problems)], b.Problems...)
	a.FilesDone, a.FilesTotal = b.FilesDone, b.FilesTotal
	a.BytesDone, a.BytesTotal = b.BytesDone, b.BytesTotal
	return a
}

// groupRun is a grouping under way: how many articles, how far along.
type groupRun struct {
	n    int
	prog *groupProgress
}

// groupProgress is how far a grouping has got, written by its workers
// (stories.Options.Progress) and read by the stories view.
type groupProgress struct {
	done, total atomic.Int64
}

func (p *groupProgress) report(done, total int) {
	p.total.Store(int64(total))
	for {
		old := p.done.Load()
		if int64(done) <= old || p.done.CompareAndSwap(old, int64(done)) {
			return
		}
	}
}

// percent is the share done, 0 to 99 (the steps after the counted work
// are quick but not nothing), or -1 before any report.
func (p *groupProgress) percent() int {
	if p == nil || p.total.Load() <= 0 {
		return -1
	}
	return int(min(99, 100*p.done.Load()/p.total.Load()))
}

// progressFrom is the library size from which the stories view shows how
// far grouping has got (below it, grouping takes well under a second).
const progressFrom = 2000

// bigGrouping is the library size from which grouping's spent memory is
// returned to the system as soon as it is done.
const bigGrouping = 20_000

// groupTick is how often the progress of a grouping is redrawn.
const groupTick = 200 * time.Millisecond

// group groups arts into stories (stories.Group), cancelling a grouping
// still running. A large library's grouping also ticks, so that its
// progress is redrawn until it answers.
func (j *jobs) group(arts []*corpus.Article, aliases *entities.Aliases) tea.Cmd {
	prog := &groupProgress{}
	j.grouping = groupRun{n: len(arts), prog: prog}
	lib, cache, kept := j.lib, j.cache, j.groupLibrary
	work := j.start(jobGroup, func(ctx context.Context, id jobID) tea.Msg {
		byID := make(map[string]*corpus.Article, len(arts))
		for _, a := range arts {
			byID[a.ID] = a
		}
		var st []stories.Story
		var err error
		switch {
		case lib != nil && kept != nil: // the library keeps its stories
			st, err = kept(ctx, aliases, func(id string) (*corpus.Article, bool) { a, ok := byID[id]; return a, ok }, prog.report)
		case lib != nil: // the library's list holds headers: read the bodies, for this job only
			var full []*corpus.Article
			if full, err = readBodies(ctx, lib, arts, cache.get); err != nil {
				return groupedMsg{jobID: id, err: err}
			}
			st, err = stories.Group(ctx, full, stories.Options{Aliases: aliases, Progress: prog.report})
		default:
			st, err = stories.Group(ctx, arts, stories.Options{Aliases: aliases, Progress: prog.report})
		}
		if len(arts) >= bigGrouping {
			// Grouping a large library peaks at several times the memory
			// it keeps (about 3 GB for 100,000 articles); give the rest
			// back to the system now rather than over the next minutes.
			debug.FreeOSMemory()
		}
		return groupedMsg{jobID: id, stories: st, byID: byID, storyOf: storyNamer(st), err: err}
	})
	if len(arts) < progressFrom {
		return work
	}
	return tea.Batch(work, groupTickAfter(j.kinds[jobGroup].gen))
}

// storyNamer names each article's story after stories, or, for an article
// in none, after its metadata.
func storyNamer(stories []stories.Story) func(*corpus.Article) string {
	names := map[string]string{}
	for _, st := range stories {
		for _, id := range st.Articles {
			names[id] = st.Name
		}
	}
	return func(a *corpus.Article) string {
		if n, ok := names[a.ID]; ok {
			return n
		}
		return a.Story
	}
}

func groupTickAfter(gen int) tea.Cmd {
	return tea.Tick(groupTick, func(time.Time) tea.Msg { return groupTickMsg{gen} })
}

// tick keeps the grouping's progress ticking while that grouping is the
// latest and has not answered.
func (j *jobs) tick(msg groupTickMsg) tea.Cmd {
	if st := j.kinds[jobGroup]; msg.gen == st.gen && st.waiting {
		return groupTickAfter(msg.gen)
	}
	return nil
}

// nameStories gives the title index each article's story name, so "/"
// finds articles by it. Renaming every article is work for a command, not
// the update loop.
func (j *jobs) nameStories(ix *search.Index, storyOf func(*corpus.Article) string) tea.Cmd {
	return j.start(jobStoryNames, func(_ context.Context, id jobID) tea.Msg {
		if ix != nil {
			ix.SetStory(storyOf)
		}
		return storyNamesMsg{jobID: id, storyOf: storyOf}
	})
}

// compare aligns arts (compare.Compare).
func (j *jobs) compare(arts []*corpus.Article, aliases *entities.Aliases) tea.Cmd {
	return j.start(jobCompare, func(_ context.Context, id jobID) tea.Msg {
		cmp, err := compare.Compare(arts, compare.Options{Aliases: aliases})
		return comparedMsg{jobID: id, cmp: cmp, err: err}
	})
}

// searchTitles runs a "/" query with ts (see findTitles); words finds the
// word hits of the query in the articles' text, the middle tier. The
// fuzzy matching runs while they are found (a library's are read from its
// full-text index): the searcher keeps its answer, so that making the
// tiers with them costs little after.
func (j *jobs) searchTitles(ts *search.TitleSearcher, q string, words textHits) tea.Cmd {
	return j.start(jobTitles, func(ctx context.Context, id jobID) tea.Msg {
		type found struct {
			hits     []search.WordHit
			panicked any
		}
		text := make(chan found, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					text <- found{panicked: r}
				}
			}()
			text <- found{hits: words(ctx, q)}
		}()
		if ts != nil {
			ts.Found(q, nil)
		}
		f := <-text
		if f.panicked != nil {
			panic(f.panicked) // the job's guard reports it
		}
		return titleResultsMsg{jobID: id, query: q, list: findTitles(ts, q, f.hits)}
	})
}

// textHits finds the word hits of a "/" query (Index.Words, or the
// library's full-text index).
type textHits func(ctx context.Context, q string) []search.WordHit

// titleRows makes rows from..to-1 of a "/" answer (see titleList).
func (j *jobs) titleRows(t *titleList, from, to int) tea.Cmd {
	return j.start(jobTitleRows, func(_ context.Context, id jobID) tea.Msg {
		return titleRowsMsg{jobID: id, list: t, from: from, rows: t.make(from, to)}
	})
}

// searchWords runs a word query over ix's bodies (see findWordHits).
func (j *jobs) searchWords(ix *search.Index, q string) tea.Cmd {
	return j.start(jobWords, func(_ context.Context, id jobID) tea.Msg {
		return wordResultsMsg{jobID: id, query: q, hits: findWordHits(ix, q)}
	})
}

// find finds q in the blocks of the reader's document (art, raw or not).
func (j *jobs) find(art *corpus.Article, raw bool, blocks []block, q string) tea.Cmd {
	terms := findTerms(q)
	return j.start(jobFind, func(_ context.Context, id jobID) tea.Msg {
		ms, bb := findMatches(blocks, terms)
		return findResultsMsg{jobID: id, art: art, raw: raw, query: q, terms: terms, matches: ms, byBlock: bb}
	})
}

// openLibrary opens the library (Options.Library) and, when it holds
// articles, reads the reader's state stored there.
//
// With attach, the library is wanted even when empty: an add has just
// created it, while the list shows Load's articles.
func (j *jobs) openLibrary(open func(context.Context) (Library, error), attach bool) tea.Cmd {
	return j.start(jobOpenLib, func(ctx context.Context, id jobID) tea.Msg {
		msg := libOpenedMsg{jobID: id, attach: attach}
		lib, err := open(ctx)
		if err != nil || lib == nil {
			msg.err = err
			return msg
		}
		n, err := lib.Count(ctx)
		if err != nil || n == 0 && !attach {
			msg.err, msg.empty = err, err == nil
			return msg
		}
		msg.lib = lib
		msg.marked, err = lib.Marked(ctx)
		if err == nil {
			msg.read, err = lib.ReadIDs(ctx)
		}
		if err == nil {
			msg.sort, err = lib.SavedSort(ctx)
		}
		if err != nil {
			msg.lib, msg.err = nil, err
		}
		return msg
	})
}

// bodies reads the whole articles of arts (see readBodies) and the
// reader's state of the first, then hands them to then, whose message the
// root takes as if it had been sent in the first place. A newer request
// makes an older one stale: the user has moved on.
func (j *jobs) bodies(lib Library, cache *bodyCache, arts []*corpus.Article, then func([]*corpus.Article, libdb.ArticleState) tea.Msg) tea.Cmd {
	return j.start(jobBody, func(ctx context.Context, id jobID) tea.Msg {
		full, err := readBodies(ctx, lib, arts, cache.get)
		msg := bodiesMsg{jobID: id, then: then, full: full, err: err}
		if err == nil && len(arts) > 0 {
			msg.state, msg.err = lib.ArticleState(ctx, arts[0].ID)
		}
		return msg
	})
}

// page reads rows of the library's list (see readPage).
func (j *jobs) page(lib Library, req pageReq) tea.Cmd {
	return j.start(jobPage, func(ctx context.Context, id jobID) tea.Msg {
		msg := readPage(ctx, lib, req)
		msg.jobID = id
		return msg
	})
}

// searchLibraryWords runs a word query over the library's index (see
// libraryWordHits).
func (j *jobs) searchLibraryWords(lib Library, ids *idIndex, cache *bodyCache, q string) tea.Cmd {
	return j.start(jobWords, func(ctx context.Context, id jobID) tea.Msg {
		hits, err := libraryWordHits(ctx, lib, q, libraryWordLimit, true, ids.get, cache.get)
		if err != nil {
			hits = nil
		}
		return wordResultsMsg{jobID: id, query: q, hits: hits}
	})
}

// add runs Options.Add on refs: the add reports its progress on a
// channel the root reads (addProgressMsg) while it runs, then its result
// (addedMsg), with the new articles already indexed for both searches.
// The add gets the program's context, not the job's: a later job does not
// cancel it (the root runs one add at a time), quitting does.
func (j *jobs) add(add func(context.Context, []string, func(AddProgress)) AddResult, refs []string, ix *search.Index) tea.Cmd {
	ctx := j.ctx
	st := &j.kinds[jobAdd]
	st.gen++
	st.waiting = true
	st.running++
	id := jobID{jobAdd, st.gen}
	progress := make(chan AddProgress, 1)
	result := make(chan AddResult, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				result <- AddResult{Err: panicError("internal error while adding", r)}
			}
		}()
		res := add(ctx, refs, func(p AddProgress) {
			select { // keep the latest only: the add never waits for the screen
			case <-progress:
			default:
			}
			progress <- p
		})
		if ix != nil {
			ix.Add(res.Articles)
		}
		result <- res
	}()
	var wait tea.Cmd
	wait = func() tea.Msg {
		select {
		case p := <-progress:
			return addProgressMsg{gen: id.gen, p: p, wait: wait}
		case res := <-result:
			return addedMsg{jobID: id, res: res}
		}
	}
	return guard(wait)
}
