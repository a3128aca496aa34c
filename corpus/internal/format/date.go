package format

import (
	"fmt"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus/internal/article"
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
