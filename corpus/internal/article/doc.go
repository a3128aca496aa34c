// Package article defines the values loading produces: an Article with its
// Paragraphs, raw Lines and their Roles, the Span of source it came from,
// its Date, and the Problem reported for input that could not be (fully)
// loaded, with the sentinel errors a Problem wraps.
//
// These types are pmureader's public vocabulary, but their one public name
// is in package corpus, which declares each as an alias (type Article =
// article.Article), as os declares FileMode = fs.FileMode. They live in this
// leaf package so that the packages loading needs (corpus/clean and
// corpus/internal/format) can build articles while corpus itself imports
// them for Load: with the types in corpus, those packages would import
// corpus and corpus would import them, a cycle. Code outside corpus/ uses
// the corpus names and never imports this package.
//
// article imports only the standard library: it must not import any other
// package of pmureader, so that every one of them can use it.
package article
