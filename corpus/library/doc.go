// Package library is pmureader's persistent store: one SQLite database
// (modernc.org/sqlite, pure Go, with FTS5) that holds every article the user
// has added, with its clean text and metadata, the raw HTML it came from and
// where and when it was fetched, plus the reader's state (marks, read and
// unread, the position in each article, the sort order), the feeds it
// follows, resumable imports, and what story grouping computed.
//
// It owns:
//   - where the library lives (DefaultPath: PMUREADER_LIBRARY, else
//     $XDG_DATA_HOME/pmureader, else ~/.local/share/pmureader) and opening it
//     (Open): WAL mode, a busy timeout, foreign keys, a schema version in
//     PRAGMA user_version with ordered migrations applied in one
//     transaction, and clear errors for a newer, damaged, foreign or locked
//     file;
//   - storing articles (Add) with duplicates detected by canonical URL and
//     title or by a hash of the body's text (corpus/dedupe's rule, shared
//     with the loader), reading them back whole (Get)
//     or as compact headers (EachHeader, Headers) and removing them;
//   - the library list over the database: keyset pages in any sort order
//     (Page, PageBefore, PageAt, Position), never OFFSET over the table;
//   - word search through FTS5 over the same folded word keys the
//     in-memory search uses (textnorm.Key), ranked by BM25 (Search,
//     Passage);
//   - feeds, per-article state and key/value state;
//   - storage for story grouping: per-article feature blobs and story
//     assignments, loaded and saved incrementally;
//   - export in pmureader's own JSON shape and a resumable JSON Lines import.
//
// Every write is one transaction: an interrupted, killed or failed write
// (full disk, Ctrl-C) leaves the library as it was before it.
//
// The package is pure Go and must not import tui, cmd or any terminal code;
// it reads corpus.Article and friends, the textnorm folding and
// corpus/search's word query parser (so that both searches read a query
// alike) and corpus/dedupe's duplicate rule, nothing else of the project.
package library
