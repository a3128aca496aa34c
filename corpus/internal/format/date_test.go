package format

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, precision string
		want          string // Date.String()
		wantTime      time.Time
		err           bool
	}{
		{"2019-12-29", "", "2019-12-29", time.Date(2019, 12, 29, 0, 0, 0, 0, time.UTC), false},
		{"2019-12-29", "approximate", "~2019-12-29", time.Date(2019, 12, 29, 0, 0, 0, 0, time.UTC), false},
		{"2019-12", "", "2019-12", time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC), false},
		{"2019", "", "2019", time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"2019-12-29 10:31:00", "", "2019-12-29", time.Date(2019, 12, 29, 10, 31, 0, 0, time.UTC), false},
		{"2019-12-29 10:31:00.123456", "", "2019-12-29", time.Date(2019, 12, 29, 10, 31, 0, 123456000, time.UTC), false},
		{"2019-12-29T10:31:00Z", "", "2019-12-29", time.Date(2019, 12, 29, 10, 31, 0, 0, time.UTC), false},
		{"2019-12-29T10:31:00+03:00", "", "2019-12-29", time.Date(2019, 12, 29, 7, 31, 0, 0, time.UTC), false},
		{"2019-12-29 10:31:00+00:00", "", "2019-12-29", time.Date(2019, 12, 29, 10, 31, 0, 0, time.UTC), false},
		{"2019-12-29T10:31:00", "", "2019-12-29", time.Date(2019, 12, 29, 10, 31, 0, 0, time.UTC), false},
		{"Sun, 29 Dec 2019 10:31:00 +0000", "", "2019-12-29", time.Date(2019, 12, 29, 10, 31, 0, 0, time.UTC), false},
		{"29 December 2019", "", "2019-12-29", time.Date(2019, 12, 29, 0, 0, 0, 0, time.UTC), false},
		{"December 29, 2019", "", "2019-12-29", time.Date(2019, 12, 29, 0, 0, 0, 0, time.UTC), false},
		{" 2021-06 ", "year", "2021", time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), false},
		{"yesterday", "", "", time.Time{}, true},
		{"2019-13-01", "", "", time.Time{}, true},
		{"2019-12-29", "roughly", "", time.Time{}, true},
	}
	for _, tt := range tests {
		d, err := parseDate(tt.in, tt.precision)
		if (err != nil) != tt.err {
			t.Errorf("parseDate(%q, %q) error %v", tt.in, tt.precision, err)
			continue
		}
		if err == nil && (d.String() != tt.want || !d.Time.Equal(tt.wantTime)) {
			t.Errorf("parseDate(%q, %q) = %s %v, want %s %v", tt.in, tt.precision, d, d.Time, tt.want, tt.wantTime)
		}
	}
}
