package corpus_test

import (
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// TestDateLineDatesArticle is issue 12 item 4: when no date is known, the
// date line cleaning recognised sets it (precision day, noted as from a date
// line); a date from metadata wins, and a date inside the body (a timeline
// entry) or below it (a comment's) is not the article's.
func TestDateLineDatesArticle(t *testing.T) {
	// Each file tells it in its own words: the same text would load once.
	body := func(who string) string {
		return "Storm surge flooded the harbour district on Friday, " + who + " said, and hundreds were moved to shelters.\n\n" +
			"The sea wall, built in 1987, gave way at two points after a night of gales.\n"
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"coastal_times.txt": "Storm surge floods harbour district\n\nBy Jane Doe\n\nMarch 15, 2024\n\n" + body("officials"),
		"meta/dated.txt":    "Storm surge floods harbour district\n\nMarch 15, 2024\n\n" + body("the mayor"),
		"meta/meta.yaml":    "- file: dated.txt\n  date: 2024-03-16\n",
		"month.txt":         "Storm surge floods harbour district\n\nPosted March 2024\n\n" + body("the police"),
		"timeline.txt":      "Storm surge floods harbour district\n\n" + body("residents") + "\nMarch 14\n\nThe first warnings were issued at noon.\n\nComments\n\nMarch 17, 2024 at 9:12 am\n",
		"rec.jsonl":         `{"title": "Storm surge", "text": "Published 29 December 2019\n\n` + "Storm surge flooded the harbour district on Friday, officials said." + `"}` + "\n",
		"dated.jsonl":       `{"title": "Storm surge", "date": "2019-12-30", "text": "Published 29 December 2019\n\nStorm surge flooded the harbour district."}` + "\n",
		"md.md":             "# Storm surge floods harbour district\n\nMarch 15, 2024\n\n" + body("the coastguard"),
	})
	c := mustLoad(t, dir)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for id, want := range map[string]corpus.Date{
		"coastal_times": {Time: day(2024, 3, 15), Precision: corpus.PrecisionDay, Note: "from a date line"},
		"dated":         {Time: day(2024, 3, 16), Precision: corpus.PrecisionDay},
		"month":         {Time: day(2024, 3, 1), Precision: corpus.PrecisionMonth, Note: "from a date line"},
		"timeline":      {},
		"rec-1":         {Time: day(2019, 12, 29), Precision: corpus.PrecisionDay, Note: "from a date line"},
		"dated-1":       {Time: day(2019, 12, 30), Precision: corpus.PrecisionDay},
		"md":            {Time: day(2024, 3, 15), Precision: corpus.PrecisionDay, Note: "from a date line"},
	} {
		a, ok := c.ByID(id)
		if !ok {
			t.Errorf("%s not loaded: %v", id, ids(c))
			continue
		}
		if !a.Date.Time.Equal(want.Time) || a.Date.Precision != want.Precision || a.Date.Note != want.Note {
			t.Errorf("%s: date %+v, want %+v", id, a.Date, want)
		}
	}
	// The line stays where cleaning put it: chrome, "date line".
	a, _ := c.ByID("coastal_times")
	if a != nil && (len(a.Raw) < 5 || a.Raw[4].Role != corpus.RoleChrome || a.Raw[4].Why != "date line") {
		t.Errorf("coastal_times raw line 5: %+v", a.Raw[4])
	}
}
