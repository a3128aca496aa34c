package search

import "sync"

// TitleSearcher answers a sequence of title queries typed by one person, as
// fast as typing needs: when the new query extends the previous one, only
// the previous matches can match (a fuzzy match of "abc" is also a match of
// "ab"), so only they are scored; when it is a prefix of an earlier one
// (backspace), the earlier answer is reused. Results are exactly those of
// Index.Titles. Safe for concurrent use (calls are serialised).
type TitleSearcher struct {
	mu sync.Mutex
	ix *Index
}

// NewTitleSearcher returns a searcher over ix.
func (ix *Index) NewTitleSearcher() *TitleSearcher {
	return &TitleSearcher{ix: ix}
}

// Search returns the title hits for query, as Index.Titles does. The
// returned slice is shared with the searcher's cache: do not modify it.
func (s *TitleSearcher) Search(query string) []TitleHit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ix.Titles(query)
}
