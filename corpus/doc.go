// Package corpus holds pmureader's articles and loads them: Load, LoadFS
// and Stream read files and directories (plain text, Markdown, JSON, JSON
// Lines, saved web pages) into immutable Articles, cleaned of site chrome
// and neutralised of hostile characters, each loaded once, and a Corpus
// finds them by id. Whatever could not be loaded is a Problem, and the
// rest still loads.
//
// This package is the small public face of loading; the work is in its
// sub-packages, each owning one idea:
//
//   - corpus/internal/article: the value types (Article, Paragraph, Line,
//     Span, Date, Problem) and the sentinel errors.
//   - corpus/internal/load: walking paths and the pool of workers.
//   - corpus/internal/format: reading one file's bytes, per format.
//   - corpus/clean: finding the article in scraped text.
//   - corpus/textnorm: sanitising and folding text, words with offsets.
//   - corpus/dedupe: the rule that tells an exact duplicate or a
//     republication from an independent account (Load applies it).
//   - corpus/internal/swar: the eight-bytes-at-a-time scan helpers.
//
// Everything computed from articles (corpus/search, corpus/compare) lives
// in sub-packages that import this one.
//
// The value types are declared here as aliases of corpus/internal/article's
// (type Article = article.Article), as os declares FileMode =
// fs.FileMode: the formats and cleaning must build Articles, and Load must
// import them, so the types live in a leaf package both can import. We
// chose aliases over moving Load out of corpus (which would break every
// caller) and over a public leaf package (which would give each type two
// public names); corpus.Article stays the one name code outside corpus/
// uses. An Article is immutable once Load returns it, so any number of
// goroutines and views may read it without locks.
//
// corpus imports only its own sub-packages and the standard library; it
// must not import corpus/search, corpus/compare or anything of the
// terminal (tui, cmd), which all import it.
package corpus
