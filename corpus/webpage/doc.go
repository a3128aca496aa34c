// Package webpage turns one HTML page into an article: its main text as
// paragraphs (with subheads, list items, quotes and table rows), its
// metadata (title, authors, date and how exact it is, outlet, canonical
// address, language, dek), and every visible text block of the page marked
// kept or dropped with the reason, so a raw view can show what was removed.
//
// It owns: charset detection and decoding (byte order mark, HTTP
// Content-Type, <meta charset> and http-equiv, then sniffing); metadata from
// JSON-LD, OpenGraph, article:*, Dublin Core and other meta tags, <title>
// and <h1>; the choice of the main content, made by go-readability
// (codeberg.org/readeck/go-readability/v2) and refined by pmureader's own
// chrome rules (captions, share bars, newsletter and "read more" boxes,
// bylines and datelines inside the body); and the mapping of both back onto
// the page's blocks in document order.
//
// Text is returned as the HTML parser decoded it, whitespace collapsed and
// characters that are never visible (soft hyphens, zero-width spaces, byte
// order marks) removed. Control characters are left for the caller to
// neutralise (corpus/textnorm does that at load).
//
// It must not import pmureader's tui or any terminal code, nor the corpus
// package itself (the format adapter in corpus imports this package). It
// reads no files and makes no network requests: callers pass the bytes, and
// the page address and Content-Type when they know them.
package webpage
