package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// jsonFeedDoc is a JSON Feed 1.0 or 1.1 document, the fields pmureader uses.
type jsonFeedDoc struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	Description string       `json:"description"`
	Language    string       `json:"language"`
	Author      *jsonAuthor  `json:"author"`  // 1.0
	Authors     []jsonAuthor `json:"authors"` // 1.1
	Items       []jsonItem   `json:"items"`
}

type jsonItem struct {
	ID            jsonID       `json:"id"`
	URL           string       `json:"url"`
	ExternalURL   string       `json:"external_url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	ContentText   string       `json:"content_text"`
	Summary       string       `json:"summary"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Author        *jsonAuthor  `json:"author"`
	Authors       []jsonAuthor `json:"authors"`
	Tags          []string     `json:"tags"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// jsonID is an item id: a string by the spec, a number in some feeds.
type jsonID string

func (id *jsonID) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*id = jsonID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*id = jsonID(n.String())
	return nil
}

// parseJSON reads a JSON Feed. A value of the wrong type (a number where a
// string belongs) loses that value, not the feed.
func parseJSON(data []byte, baseURL string) (*Feed, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	var doc jsonFeedDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return nil, jsonSyntaxError(data, err)
		}
	}
	if !strings.Contains(doc.Version, "jsonfeed.org/version/") {
		return nil, fmt.Errorf("%w (JSON that is not a JSON Feed: no jsonfeed.org version)", ErrNotFeed)
	}
	base := parseBase(baseURL)
	f := &Feed{
		Format:      JSONFeed,
		Title:       line(doc.Title),
		Link:        resolveLink(base, doc.HomePageURL),
		Description: line(doc.Description),
		Language:    line(doc.Language),
	}
	feedAuthors := jsonAuthors(doc.Author, doc.Authors)
	// As for RSS, relative item addresses are taken as relative to the site.
	itemBase := rebase(base, doc.HomePageURL)
	for _, ji := range doc.Items {
		f.Items = append(f.Items, readJSONItem(ji, itemBase, feedAuthors))
	}
	return f, nil
}

func readJSONItem(ji jsonItem, base *url.URL, feedAuthors []string) Item {
	it := Item{
		Title:      line(ji.Title),
		Link:       firstOf(resolveLink(base, ji.URL), resolveLink(base, ji.ExternalURL)),
		ID:         strings.TrimSpace(string(ji.ID)),
		Published:  firstDate(ji.DatePublished),
		Updated:    firstDate(ji.DateModified),
		Authors:    jsonAuthors(ji.Author, ji.Authors),
		Categories: lines(ji.Tags),
	}
	if len(it.Authors) == 0 {
		it.Authors = feedAuthors
	}
	if ji.Summary != "" {
		it.Summary, it.SummaryType = ji.Summary, Text
	}
	switch {
	case strings.TrimSpace(ji.ContentHTML) != "":
		it.Content, it.ContentType = ji.ContentHTML, HTML
	case strings.TrimSpace(ji.ContentText) != "":
		it.Content, it.ContentType = ji.ContentText, Text
	}
	return it
}

func jsonAuthors(one *jsonAuthor, many []jsonAuthor) []string {
	var names []string
	if one != nil {
		names = append(names, one.Name)
	}
	for _, a := range many {
		names = append(names, a.Name)
	}
	return lines(names)
}

// jsonSyntaxError names the line of a JSON syntax error.
func jsonSyntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	offset := int64(len(data))
	if errors.As(err, &se) {
		offset = se.Offset
	}
	offset = min(max(offset, 0), int64(len(data)))
	ln := 1 + bytes.Count(data[:offset], []byte("\n"))
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.Contains(msg, "unexpected end of JSON input") {
		msg = "unexpected end of input"
	}
	return &SyntaxError{Format: "JSON", Line: ln, Msg: textnorm.Line(msg), Err: err}
}
