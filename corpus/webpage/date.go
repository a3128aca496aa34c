package webpage

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Dates before this are not taken as publication dates (they are
// copyright years of old templates, or zero values).
const minYear = 1990

// dateLayouts are the machine formats seen in meta tags and JSON-LD, tried in
// order; each gives a day.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.000",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 MST",
	"Mon Jan 02 2006 15:04:05 GMT-0700",
	"02.01.2006",
	"2.1.2006",
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
	"sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
	"december": 12,
}

// ParseDate reads a date as pages and scraped text write it (the forms
// parseDate reads), for callers that found a date line elsewhere: the
// loader reads with it the date lines cleaning finds in plain text. Dates
// before 1990 or after next year are not taken.
func ParseDate(s string) (time.Time, Precision, bool) { return parseDate(s) }

// parseDate reads a publication date in any of the usual forms and says how
// much of it is known. Partial ISO dates ("2019-12", "2019") give month and
// year precision; dates written out ("29 December 2019", "Dec. 29, 2019")
// are read word by word.
func parseDate(s string) (time.Time, Precision, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, PrecisionNone, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return checked(t, PrecisionDay)
		}
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return checked(t, PrecisionMonth)
	}
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil {
			return checked(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear)
		}
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		// An ISO date followed by a time in a form not listed above.
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return checked(t, PrecisionDay)
		}
	}
	return wordDate(s)
}

func checked(t time.Time, p Precision) (time.Time, Precision, bool) {
	if t.Year() < minYear || t.Year() > time.Now().Year()+1 {
		return time.Time{}, PrecisionNone, false
	}
	return t, p, true
}

// wordDate finds a day, a month name and a year among the words of s:
// "29 December 2019", "December 29, 2019", "Sun 29 Dec 2019 10:31".
func wordDate(s string) (time.Time, Precision, bool) {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var month time.Month
	day, year := 0, 0
	for i, f := range fields {
		if m, ok := monthNames[f]; ok && month == 0 {
			month = m
			day, year = dayYearAround(fields, i)
			break
		}
	}
	if month == 0 || year == 0 {
		return time.Time{}, PrecisionNone, false
	}
	if day == 0 {
		return checked(time.Date(year, month, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, PrecisionNone, false
	}
	return checked(t, PrecisionDay)
}

// dayYearAround looks at the words next to a month name for a day (1-31,
// possibly "29th") and a four-digit year.
func dayYearAround(fields []string, i int) (day, year int) {
	for _, j := range []int{i - 1, i + 1, i + 2, i - 2} {
		if j < 0 || j >= len(fields) {
			continue
		}
		f := strings.TrimRight(fields[j], "stndrh")
		n, err := strconv.Atoi(f)
		if err != nil {
			continue
		}
		switch {
		case len(f) == 4 && year == 0:
			year = n
		case len(f) <= 2 && n >= 1 && n <= 31 && day == 0 && (j == i-1 || j == i+1):
			day = n
		}
	}
	return day, year
}

// urlDate reads /2019/12/29/, /2019-12-29 or /20191229 in a page address.
func urlDate(u string) (time.Time, Precision, bool) {
	segs := strings.FieldsFunc(u, func(r rune) bool { return r == '/' || r == '?' || r == '#' || r == '_' })
	for i := 0; i < len(segs); i++ {
		y, ok := yearSeg(segs[i])
		if !ok {
			if t, p, ok := isoSeg(segs[i]); ok {
				return t, p, true
			}
			continue
		}
		if i+1 >= len(segs) {
			continue
		}
		m, err := strconv.Atoi(segs[i+1])
		if err != nil || m < 1 || m > 12 || len(segs[i+1]) > 2 {
			continue
		}
		if i+2 < len(segs) {
			if d, err := strconv.Atoi(segs[i+2]); err == nil && d >= 1 && d <= 31 && len(segs[i+2]) <= 2 {
				return checked(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), PrecisionDay)
			}
		}
		return checked(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
	}
	return time.Time{}, PrecisionNone, false
}

func yearSeg(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= minYear
}

// isoSeg reads an address segment that starts with 2019-12-29 or 20191229.
func isoSeg(s string) (time.Time, Precision, bool) {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil && (len(s) == 10 || !unicode.IsDigit(rune(s[10]))) {
			return checked(t, PrecisionDay)
		}
	}
	if len(s) == 8 {
		if t, err := time.Parse("20060102", s); err == nil {
			return checked(t, PrecisionDay)
		}
	}
	return time.Time{}, PrecisionNone, false
}
