// Package feed owns reading web feeds for pmureader: RSS 2.0 (and 0.9x),
// RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1 with Parse, and OPML lists
// of feeds with ParseOPML. It is written on encoding/xml and encoding/json
// (gofeed is not an approved dependency) and is lenient the way real feeds
// need: HTML named entities inside XML, declared non-UTF-8 charsets,
// characters XML forbids, byte-order marks, undeclared namespace prefixes,
// RFC 822 dates in their common broken forms.
//
// What it returns: one-line fields meant for display (feed and item
// titles, authors, categories, the feed's description) are sanitised with
// textnorm.Line; links are absolute http(s) addresses or empty, never
// entity-decoded; Summary and Content are the markup (or text) exactly as
// the feed gave it, for the page extractor, which sanitises what it keeps.
// It fetches nothing (corpus/fetch does) and stores nothing.
//
// It must not import tui, cmd or any terminal code, nor other corpus
// packages except corpus/textnorm.
package feed
