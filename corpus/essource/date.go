package essource

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// ErrBadDate is wrapped by ParseDay's errors (exit 2).
var ErrBadDate = errors.New("bad date")

// dayLayout is how --since and --until are written and sent.
const dayLayout = "2006-01-02"

// ParseDay reads a --since or --until value, YYYY-MM-DD, as a UTC day.
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse(dayLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q: want YYYY-MM-DD", ErrBadDate, s)
	}
	return t, nil
}

// esDateLayouts are the forms Elasticsearch's default date format
// (strict_date_optional_time||epoch_millis) stores, with the precision
// each implies; the string is kept in _source as the indexer sent it.
var esDateLayouts = []struct {
	layout    string
	precision corpus.Precision
}{
	{"2006-01-02", corpus.PrecisionDay},
	{time.RFC3339Nano, corpus.PrecisionDay},
	{"2006-01-02T15:04:05.999999999", corpus.PrecisionDay},
	{"2006-01-02T15:04:05.999999999Z0700", corpus.PrecisionDay},
	{"2006-01-02T15:04", corpus.PrecisionDay},
	{"2006-01-02 15:04:05.999999999", corpus.PrecisionDay},
	{"2006-01-02 15:04:05Z07:00", corpus.PrecisionDay},
	{"2006-01", corpus.PrecisionMonth},
	{"2006", corpus.PrecisionYear},
}

// epochMillisMinDigits is the length from which an all-digit date is
// epoch milliseconds rather than a year: 100000 ms is 1970-01-01.
const epochMillisMinDigits = 5

// parseESDate reads a stored date: one of esDateLayouts, or epoch
// milliseconds (a JSON number or a string of digits). The precision
// follows the form: "2019-12" is a month, "2019" a year, anything with a
// day a day.
func parseESDate(s string) (corpus.Date, error) {
	s = strings.TrimSpace(s)
	if isEpochMillis(s) {
		ms, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return corpus.Date{Time: time.UnixMilli(ms).UTC(), Precision: corpus.PrecisionDay}, nil
		}
	}
	for _, l := range esDateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1 || t.Year() > 9999 {
			break
		}
		return corpus.Date{Time: t, Precision: l.precision}, nil
	}
	return corpus.Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, a timestamp, YYYY-MM, YYYY or epoch milliseconds", s)
}

func isEpochMillis(s string) bool {
	digits := strings.TrimPrefix(s, "-")
	if len(digits) < epochMillisMinDigits {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}
