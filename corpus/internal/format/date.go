package format

import (
	"fmt"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/webpage"
)

// parsePrecision checks a date_precision value.
func parsePrecision(s string) (article.Precision, error) {
	switch p := article.Precision(strings.ToLower(strings.TrimSpace(s))); p {
	case article.PrecisionDay, article.PrecisionApproximate, article.PrecisionMonth, article.PrecisionYear:
		return p, nil
	}
	return "", fmt.Errorf("date_precision %q: want day, approximate, month or year", s)
}

// dateLayouts are the date forms accepted, with the precision each implies.
var dateLayouts = []struct {
	layout    string
	precision article.Precision
}{
	{"2006-01-02", article.PrecisionDay},
	{time.RFC3339, article.PrecisionDay},
	{"2006-01-02 15:04:05", article.PrecisionDay},
	{"2006-01-02T15:04:05", article.PrecisionDay},
	{"2006-01-02 15:04:05Z07:00", article.PrecisionDay},
	{"2006-01-02T15:04:05Z0700", article.PrecisionDay},
	{"2006-01-02 15:04:05Z0700", article.PrecisionDay},
	{"2006-01-02 15:04:05 -0700", article.PrecisionDay},
	{"2006-01-02 15:04:05 -0700 MST", article.PrecisionDay},
	{"2006-01-02T15:04", article.PrecisionDay},
	{"2006-01-02 15:04", article.PrecisionDay},
	{"2006-01", article.PrecisionMonth},
	{"2006", article.PrecisionYear},
	{"2006/01/02", article.PrecisionDay},
	{"2006.01.02", article.PrecisionDay},
	{time.RFC1123, article.PrecisionDay},
	{time.RFC1123Z, article.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 -0700", article.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 MST", article.PrecisionDay},
	{time.RFC850, article.PrecisionDay},
	{time.ANSIC, article.PrecisionDay},
	{"January 2, 2006", article.PrecisionDay},
	{"Jan 2, 2006", article.PrecisionDay},
	{"2 January 2006", article.PrecisionDay},
	{"2 Jan 2006", article.PrecisionDay},
	{"January 2006", article.PrecisionMonth},
	{"Jan 2006", article.PrecisionMonth},
}

// parseDate reads a date in one of the common forms ("2019-12-29",
// "2019-12-29 10:31:00", RFC 3339, "2019-12", "2019", "29 December 2019",
// …). precision, when not empty, overrides the one the form implies.
func parseDate(s, precision string) (article.Date, error) {
	s = strings.TrimSpace(s)
	var p article.Precision
	if precision != "" {
		var err error
		if p, err = parsePrecision(precision); err != nil {
			return article.Date{}, err
		}
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1 || t.Year() > 9999 {
			break
		}
		if p == "" {
			p = l.precision
		}
		return article.Date{Time: t, Precision: p}, nil
	}
	return article.Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM, YYYY or a full timestamp", s)
}

// dateLineNote is the Date.Note of a date read from a date line.
const dateLineNote = "from a date line"

// dateFromLine gives an article that has no date the one of the date line
// cleaning found in it (clean.DateLine), if it reads as a date, with its
// precision (a day, or a month for "March 2024") and a note saying where it
// came from.
func dateFromLine(a *article.Article) {
	if a.Date.Known() {
		return
	}
	line, ok := clean.DateLine(a.Raw)
	if !ok {
		return
	}
	t, p, ok := webpage.ParseDate(line)
	if !ok {
		return
	}
	a.Date = article.Date{Time: t, Precision: precisionOf(p), Note: dateLineNote}
}

// precisionOf maps the extractor's precision onto an article's.
func precisionOf(p webpage.Precision) article.Precision {
	switch p {
	case webpage.PrecisionDay:
		return article.PrecisionDay
	case webpage.PrecisionMonth:
		return article.PrecisionMonth
	case webpage.PrecisionYear:
		return article.PrecisionYear
	}
	return article.PrecisionUnknown
}
