package sources

import (
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// HTMLFunc turns one HTML page into an article: data is the page's bytes,
// from is where it came from (its address, or a file's path) and
// contentType the HTTP Content-Type it was served with ("" for a file).
// The article comes back sanitised, with no id (the library gives it one)
// unless from is a file, and Format "html"; problems are repairs worth
// reporting; an error means there is no article (a page with no text).
// The default, corpus.ArticleFromHTML, is the rule that reads .html files
// from disk, so that a page added from the web and the same page saved
// and loaded are one article.
type HTMLFunc func(data []byte, from, contentType string) (*corpus.Article, []corpus.Problem, error)

// isWebAddress reports whether s is an http or https address.
func isWebAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// SafeRef is a reference (an address or a path) fit to print: an address
// with its control characters escaped (never entity-decoded), a path
// sanitised.
func SafeRef(s string) string { return safeRef(s) }

// safeRef is a reference fit to print and to store as a source: an
// address with its control characters escaped, a path sanitised.
func safeRef(s string) string {
	if isWebAddress(s) {
		return fetch.SafeURL(s)
	}
	return textnorm.Line(s)
}
