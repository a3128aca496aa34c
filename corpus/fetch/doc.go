// Package fetch owns getting documents from the web for pmureader: one HTTP
// client with the project's manners (a clear User-Agent, a connect timeout,
// a whole-request timeout, a redirect limit, a body size cap, gzip, at most
// a few requests at once per host), conditional requests (ETag and
// Last-Modified), the decision whether a response is a web page, a feed or
// something pmureader refuses (a PDF, an image…), and errors that say what
// went wrong in plain words ("URL: timeout after 30 s") while keeping the
// cause for errors.Is and errors.As.
//
// It returns bytes; it does not parse pages or feeds (corpus/feed and the
// page extractor do) and it sanitises nothing except the text of its error
// messages, where a URL is shown with its control characters escaped
// (SafeURL).
//
// It must not import tui, cmd or any terminal code, nor other corpus
// packages except corpus/textnorm.
package fetch
