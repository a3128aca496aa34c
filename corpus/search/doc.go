// Package search finds articles two ways: a fuzzy search over what a person
// remembers of an article's header (title, outlet, author, story), ranked
// exactly as github.com/sahilm/fuzzy ranks, and a word search over article
// bodies backed by an inverted index.
//
// Both searches match keys (textnorm.Key: textnorm.Fold's lower case,
// accents removed and typographic punctuation made ASCII, with apostrophes
// dropped, so "kataib", "Kata'ib", "Kata`ib" and "Kata’ib" meet) and report
// highlight ranges as byte offsets into the ORIGINAL strings, on rune
// boundaries, so a view can style "Kata’ib" or "Café" without splitting a
// multi-byte character.
//
// # Files
//
// Title search: haystack.go builds the folded string matched per article
// and maps matches back (highlights); title_match.go scores candidates on
// all cores and ranks them as fuzzy.Find does; title_bound.go answers a
// keystroke of a person typing: which titles match, from where the last
// keystroke's match ended, and the best screens ranked exactly, scoring
// only titles whose score bound (carried from keystroke to keystroke) can
// reach them; title_results.go holds a ranked answer (the rest ranked
// when asked for); fastfuzzy.go is the matcher for ASCII haystacks;
// title_search.go and searcher.go are the API (Titles, and a
// TitleSearcher that narrows as a person types); tiers.go ranks "find by
// title" in three tiers (FindTitles, Tiers) and found.go holds them lazily
// for a list over a million titles (FoundList). Word
// search: tokenize.go cuts bodies into words and keys; word_index.go is the
// inverted index (postings with positions) and its search; query.go
// parses queries; word_search.go ranks hits by BM25; snippet.go cuts the
// snippet of a hit.
//
// # Cost
//
// Building indexes about 10,000 articles of 4 KB a second per core (Add
// splits a batch across the cores); the index takes about as much memory as
// the body text. Searches at 100,000 articles take milliseconds; see the
// benchmarks. At 1,000,000 titles the median keystroke of a person typing
// (TitleSearcher.Results) took 18–24 ms (load average 1.9–2.4; 47–62 ms
// before it ranked only the best hits, 27–39 ms before the haystacks
// shared strings), most of it testing which candidates still match; the
// three tiers (TitleSearcher.Found) add the test of which contain the
// query as typed, made in the same pass. Search and All, which make every
// hit whole, still score every match. Title search keeps 8 bytes a title
// (wordStarts) beside the haystacks, and a TitleSearcher 24 bytes a match
// of its latest keystroke and 4 of each earlier one, and 4 a header that
// contains the query of each keystroke the tiers were asked for.
//
// # Concurrency
//
// An Index is safe for concurrent use: searches take a read lock, Add and
// SetStory take the write lock, so a search started while a batch is being
// added waits for it (a batch of 1,000 articles takes some tens of
// milliseconds). The articles themselves are never modified. A TitleSearcher
// has its own mutex and may be called from any goroutine (a tea.Cmd).
//
// search imports corpus (for Article) and corpus/textnorm; it must not
// import corpus/compare, nor anything of the terminal.
package search
