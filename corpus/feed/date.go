package feed

import (
	"strings"
	"time"
)

// zoneOffsets are the zone abbreviations RFC 822 allows and the ones feeds
// use anyway, as numeric offsets: time.Parse would accept any abbreviation
// but, for one it does not know, silently take it as UTC.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"AKST": "-0900", "AKDT": "-0800", "HST": "-1000",
	"BST": "+0100", "IST": "+0530", "CET": "+0100", "CEST": "+0200", "MET": "+0100",
	"MEST": "+0200", "EET": "+0200", "EEST": "+0300", "MSK": "+0300",
	"JST": "+0900", "KST": "+0900", "AEST": "+1000", "AEDT": "+1100",
}

// dateLayouts are tried in order on a date with its weekday and zone name
// already normalised away (see normaliseDate).
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006",
	"2 January 2006",
	"Jan 2 2006 15:04:05 -0700",
	"January 2 2006 15:04:05 -0700",
	"Jan 2 2006",
	"January 2 2006",
	"2006/01/02 15:04:05",
	"2006/01/02",
}

// parseDate reads the dates feeds write: RFC 822/1123 and their variants
// (no weekday, a full weekday or month name, one-digit day, two-digit year,
// no seconds, a zone name instead of an offset, "GMT+0100"), RFC 3339 and
// ISO 8601 forms with or without zone, seconds or time. It reports false
// for anything else; a date without a zone is taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = normaliseDate(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// normaliseDate removes a leading weekday and commas, collapses spaces,
// and puts a numeric offset for a known zone name.
func normaliseDate(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	if isWeekday(f[0]) {
		f = f[1:]
	}
	if len(f) == 0 {
		return ""
	}
	last := f[len(f)-1]
	if off, ok := zoneOffsets[strings.ToUpper(last)]; ok {
		f[len(f)-1] = off
	} else if z, ok := gmtOffset(last); ok {
		f[len(f)-1] = z
	}
	return strings.Join(f, " ")
}

// gmtOffset reads "GMT+0100", "UTC-05:00" and "+01:00" as "+0100".
func gmtOffset(s string) (string, bool) {
	up := strings.ToUpper(s)
	for _, p := range []string{"GMT", "UTC", "UT"} {
		if strings.HasPrefix(up, p) && len(up) > len(p) && (up[len(p)] == '+' || up[len(p)] == '-') {
			up = up[len(p):]
			break
		}
	}
	if len(up) < 2 || (up[0] != '+' && up[0] != '-') {
		return "", false
	}
	digits := strings.ReplaceAll(up[1:], ":", "")
	if len(digits) <= 2 {
		digits = strings.Repeat("0", 2-len(digits)) + digits + "00"
	}
	if len(digits) != 4 || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	return up[:1] + digits, true
}

func isWeekday(s string) bool { return isDayName(strings.ToLower(strings.TrimSuffix(s, "."))) }

// isDayName: an English weekday, abbreviated ("Tue", "Tues", "Thurs") or not.
func isDayName(s string) bool {
	for _, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if strings.HasPrefix(d, s) && len(s) >= 3 {
			return true
		}
	}
	return false
}
