package article

import (
	"fmt"
	"time"
)

// Precision says how much of an article's date is known.
type Precision string

// Date precisions, from most to least exact.
const (
	PrecisionDay         Precision = "day"         // the exact day is confirmed
	PrecisionApproximate Precision = "approximate" // inferred, may be a few days off
	PrecisionMonth       Precision = "month"       // only year and month are known
	PrecisionYear        Precision = "year"        // only the year is known
	PrecisionUnknown     Precision = ""            // no date at all
)

// Date is a publication date together with how exact it is.
type Date struct {
	Time      time.Time `json:"time,omitzero"`
	Precision Precision `json:"precision,omitempty"`
	// Note explains an approximate date in words, e.g. "original written
	// 31 Dec 2019 – 2 Jan 2020". Empty when nothing needs saying.
	Note string `json:"note,omitempty"`
}

// Known reports whether any date is set.
func (d Date) Known() bool { return !d.Time.IsZero() }

// String renders the date for people: "2019-12-29", "~2017-08-08",
// "2021-06", "2021" or "" when unknown.
func (d Date) String() string {
	if !d.Known() {
		return ""
	}
	switch d.Precision {
	case PrecisionApproximate:
		return "~" + d.Time.Format("2006-01-02")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionYear:
		return d.Time.Format("2006")
	default:
		return d.Time.Format("2006-01-02")
	}
}

// Span locates text in its source file: 1-based, inclusive line numbers, so
// a reader can cite the original ("seeds/003_….txt:5-15").
type Span struct {
	File      string `json:"file"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

// String renders the span as FILE:START or FILE:START-END.
func (s Span) String() string {
	if s.EndLine > s.StartLine {
		return fmt.Sprintf("%s:%d-%d", s.File, s.StartLine, s.EndLine)
	}
	return fmt.Sprintf("%s:%d", s.File, s.StartLine)
}

// Paragraph is one block of an article body.
type Paragraph struct {
	Text    string `json:"text"`
	Subhead bool   `json:"subhead,omitempty"` // an in-body heading, not prose
	Source  Span   `json:"source"`
}

// Role says what a line of the raw source turned out to be.
type Role string

// Line roles assigned by cleaning.
const (
	RoleTitle   Role = "title"
	RoleDek     Role = "dek"     // standfirst / subheadline
	RoleCaption Role = "caption" // photo caption
	RoleBody    Role = "body"
	RoleSubhead Role = "subhead"
	RoleByline  Role = "byline" // "Author: …", became metadata
	RoleVia     Role = "via"    // "Via …", became metadata
	RoleChrome  Role = "chrome" // site furniture removed from the body
	RoleBlank   Role = "blank"
	RoleOther   Role = "other" // belongs to another article of the same file
)

// Line is one line of an article's raw source, sanitised, with the role
// cleaning gave it. The reader's raw view shows these, chrome dimmed.
type Line struct {
	Number int    `json:"line"`
	Text   string `json:"text"`
	Role   Role   `json:"role"`
	// Why names the rule that removed a chrome line ("donation appeal",
	// "comment widget", …); empty for other roles.
	Why string `json:"why,omitempty"`
}

// Article is one news article, cleaned and sanitised. Every string field has
// passed through textnorm.Sanitize: no control characters remain.
type Article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Dek    string `json:"dek,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	// Via names the outlet this copy was taken from, where it is a
	// republication ("American Herald Tribune" for the Iranian.com copy).
	Via string `json:"via,omitempty"`
	// OutletProfile is one line about the outlet, e.g. "Iran's state
	// broadcaster". From metadata only.
	OutletProfile string `json:"outlet_profile,omitempty"`
	Author        string `json:"author,omitempty"`
	Date          Date   `json:"date"`
	URL           string `json:"url,omitempty"`
	// Event is a one-line description of what the article reports, from
	// metadata where known.
	Event string `json:"event,omitempty"`
	// Story pins the article to a named story; grouping honours it.
	Story string `json:"story,omitempty"`

	// TitleDerived is true when the source had no headline and Title was
	// made from the start of the body. Views show such a title marked
	// ("untitled: …"), and it takes no part in alignment: the passage it
	// was made from is already in the body.
	TitleDerived bool `json:"title_derived,omitempty"`
	// CopyOf is the id of the article this one republishes (the same text,
	// perhaps with a "Via" line or an extra paragraph). A copy is kept and
	// readable but is not an independent account: stories do not count its
	// outlet and differences leave it out.
	CopyOf string `json:"copy_of,omitempty"`

	Body []Paragraph `json:"paragraphs"`
	// Raw is the article's part of its source, line by line, with roles.
	// For formats without lines of their own (JSON records) it is the body
	// text split at newlines.
	Raw []Line `json:"-"`

	Source Span   `json:"source"` // the file and the lines this article came from
	Format string `json:"format"` // "text", "markdown", "json", "jsonl", "html"
	Words  int    `json:"words"`  // words in the body
}

// Chrome returns the raw lines that cleaning removed as site furniture.
func (a *Article) Chrome() []Line {
	var out []Line
	for _, l := range a.Raw {
		if l.Role == RoleChrome {
			out = append(out, l)
		}
	}
	return out
}

// Byline renders "Outlet (via X)" for headers and lists.
func (a *Article) Byline() string {
	if a.Via == "" {
		return a.Outlet
	}
	if a.Outlet == "" {
		return a.Via
	}
	return a.Outlet + " (via " + a.Via + ")"
}

// OutletLabel is the one name every view and printer shows for who
// published the article: Byline() ("Outlet (via X)"), or, when the source
// names no outlet, the article's id (for a text file, its file name), with
// fallback true so that it can be shown dimmed.
func (a *Article) OutletLabel() (label string, fallback bool) {
	if b := a.Byline(); b != "" {
		return b, false
	}
	return a.ID, true
}
