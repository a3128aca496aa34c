package fetch

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// ContentKind is what a fetched document is, as far as pmureader cares.
type ContentKind int

// The kinds of document pmureader reads.
const (
	ContentHTML ContentKind = iota + 1 // a web page (HTML or XHTML)
	ContentFeed                        // RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed
	ContentOPML                        // an OPML list of feeds
)

func (k ContentKind) String() string {
	switch k {
	case ContentHTML:
		return "html"
	case ContentFeed:
		return "feed"
	case ContentOPML:
		return "opml"
	}
	return "unknown"
}

// sniffLen is how much of a body the XML sniffer looks at for the root
// element; comments and a DOCTYPE before it fit in it.
const sniffLen = 64 << 10

// mediaKinds are the declared media types pmureader reads.
var mediaKinds = map[string]ContentKind{
	"text/html":             ContentHTML,
	"application/xhtml+xml": ContentHTML,
	"application/rss+xml":   ContentFeed,
	"application/atom+xml":  ContentFeed,
	"application/rdf+xml":   ContentFeed,
	"application/feed+json": ContentFeed,
	"application/x-opml":    ContentOPML,
	"text/x-opml":           ContentOPML,
	"text/x-opml+xml":       ContentOPML,
}

// genericMedia are the media types that say nothing useful: the body
// decides.
var genericMedia = map[string]bool{
	"": true, "text/xml": true, "application/xml": true, "application/octet-stream": true,
	"binary/octet-stream": true, "text/plain": true, "application/json": true,
	"application/x-unknown": true, "unknown/unknown": true,
}

// Classify says whether a document is a web page, a feed or an OPML list,
// from its Content-Type header and its body. The body wins when it is
// plain about what it is (an <rss> root served as text/html is a feed, a
// PDF served as text/html is refused); the header decides when the body
// is not plain, unless the header is generic (missing, text/xml,
// application/octet-stream, text/plain, application/json), in which case
// the body must be recognised. A refusal is an *Error of kind
// ErrContentType with no URL ("a PDF document (application/pdf), not a web
// page or feed").
func Classify(contentType string, body []byte) (ContentKind, error) {
	media, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		media = ""
	}
	media = strings.ToLower(media)
	if len(bytes.TrimSpace(body)) == 0 {
		return 0, refuse(nil, "empty response")
	}
	s := sniff(body)
	switch {
	case s.kind != 0:
		return s.kind, nil
	case s.binary != "":
		return 0, refuse(nil, "%s, not a web page or feed", s.binary)
	}
	if k, ok := mediaKinds[media]; ok {
		return k, nil
	}
	what := s.what
	if !genericMedia[media] || what == "" {
		what = describeMedia(media)
	}
	return 0, refuse(nil, "%s, not a web page or feed", what)
}

func refuse(cause error, format string, args ...any) *Error {
	return newError("", ErrContentType, cause, format, args...)
}

// sniffed is what the body says it is: a kind; or binary, a kind of file
// that is refused whatever the header says; or what, the body's nature in
// words for the refusal when the header does not help either.
type sniffed struct {
	kind   ContentKind
	binary string
	what   string
}

func sniff(body []byte) sniffed {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(b) == 0:
		return sniffed{}
	case b[0] == '{':
		if isJSONFeed(b) {
			return sniffed{kind: ContentFeed}
		}
		return sniffed{what: "JSON that is not a JSON Feed"}
	}
	root := ""
	if b[0] == '<' {
		var k ContentKind
		if k, root = xmlRoot(b[:min(len(b), sniffLen)]); k != 0 {
			return sniffed{kind: k}
		}
	}
	detected, _, _ := mime.ParseMediaType(http.DetectContentType(b))
	switch {
	case detected == "text/html":
		return sniffed{kind: ContentHTML}
	case isBinary(detected):
		return sniffed{binary: describeMedia(detected)}
	case root != "":
		return sniffed{what: "an XML document (<" + textnorm.Line(root) + ">)"}
	}
	return sniffed{what: describeMedia(detected)}
}

// isBinary: the file types DetectContentType knows that are never a page.
func isBinary(media string) bool {
	for _, p := range []string{"image/", "video/", "audio/", "font/"} {
		if strings.HasPrefix(media, p) {
			return true
		}
	}
	switch media {
	case "application/pdf", "application/zip", "application/x-gzip", "application/wasm",
		"application/vnd.ms-fontobject", "application/x-rar-compressed", "application/postscript":
		return true
	}
	return false
}

// isJSONFeed: a JSON object whose "version" is a jsonfeed.org version URL.
func isJSONFeed(b []byte) bool {
	var head struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return false
	}
	return strings.HasPrefix(head.Version, "https://jsonfeed.org/version/") ||
		strings.HasPrefix(head.Version, "http://jsonfeed.org/version/")
}

// xmlRoot names the document by its first element (or an HTML DOCTYPE):
// rss, RDF and feed are feeds, opml is OPML, html is a page. It returns
// the kind, 0 for any other element (whose name it returns) or when there
// is no element in the first sniffLen bytes.
func xmlRoot(b []byte) (ContentKind, string) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return 0, ""
		}
		switch t := tok.(type) {
		case xml.Directive:
			if isHTMLDoctype(t) {
				return ContentHTML, "html"
			}
		case xml.StartElement:
			return rootKind(t.Name.Local), t.Name.Local
		}
	}
}

func isHTMLDoctype(d xml.Directive) bool {
	f := strings.Fields(strings.ToLower(string(d)))
	return len(f) >= 2 && f[0] == "doctype" && f[1] == "html"
}

func rootKind(local string) ContentKind {
	switch strings.ToLower(local) {
	case "rss", "rdf", "feed":
		return ContentFeed
	case "opml":
		return ContentOPML
	case "html":
		return ContentHTML
	}
	return 0
}

// describeMedia puts a media type in words: "an image (image/png)".
func describeMedia(media string) string {
	media = textnorm.Line(media)
	switch {
	case media == "":
		return "no content type"
	case media == "application/pdf":
		return "a PDF document (application/pdf)"
	case strings.HasPrefix(media, "image/"):
		return "an image (" + media + ")"
	case strings.HasPrefix(media, "video/"):
		return "a video (" + media + ")"
	case strings.HasPrefix(media, "audio/"):
		return "an audio file (" + media + ")"
	case media == "text/plain":
		return "plain text (text/plain)"
	}
	return "content type " + media
}
