package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/internal/termtext"
)

// Progress drawing intervals: a bar on a terminal is redrawn at most ten
// times a second; a log gets a line every ten seconds.
const (
	barEvery   = 100 * time.Millisecond
	plainEvery = 10 * time.Second
	barWidth   = 24
)

// importProgress shows how far an import has got on stderr: a bar redrawn
// in place on a terminal, plain lines otherwise (a log, a pipe).
type importProgress struct {
	w     io.Writer
	tty   bool
	cols  int // the terminal's width; 0 when unknown
	every time.Duration
	now   func() time.Time

	start     time.Time
	last      time.Time // last drawn
	drawn     bool      // a bar is on the terminal's last line
	bytes0    int64     // BytesDone when this run began (resumed sources)
	haveFirst bool
}

// newImportProgress draws on w: a bar when w is a terminal.
func newImportProgress(w io.Writer) *importProgress {
	p := &importProgress{w: w, every: plainEvery, now: time.Now}
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		p.tty, p.every = true, barEvery
		if cols, _, err := term.GetSize(f.Fd()); err == nil {
			p.cols = cols
		}
	}
	p.start = p.now()
	p.last = p.start
	return p
}

// elapsed is the time since the import began.
func (p *importProgress) elapsed() time.Duration { return p.now().Sub(p.start) }

// status draws s unless the last drawing is too recent; the last status
// (every source done) is always drawn on a terminal.
func (p *importProgress) status(s library.ImportStatus) {
	if !p.haveFirst {
		p.haveFirst, p.bytes0 = true, s.BytesDone
	}
	now := p.now()
	always := p.tty && s.SourcesDone == s.Sources // the bar's last state
	if now.Sub(p.last) < p.every && !always {
		return
	}
	p.last = now
	line := p.line(s, now.Sub(p.start))
	if !p.tty {
		fmt.Fprintln(p.w, "pmureader: import: "+line)
		return
	}
	bar := progressBar(fraction(s), barWidth) + " " + line
	if p.cols > 1 {
		bar, _ = termtext.Truncate(bar, p.cols-1)
	}
	fmt.Fprintf(p.w, "\r%s\x1b[K", bar)
	p.drawn = true
}

// clear removes the bar from the terminal, so that a message or the
// summary starts on a clean line.
func (p *importProgress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// line is the progress in words: share done, articles, rate, files, and
// the time left when it can be told.
func (p *importProgress) line(s library.ImportStatus, took time.Duration) string {
	parts := []string{fmt.Sprintf("%3.0f%%", 100*fraction(s))}
	art := fmt.Sprintf("%d %s", s.Records, termtext.Plural(s.Records, "article", "articles"))
	if secs := took.Seconds(); secs >= 1 && s.Records > 0 {
		art += fmt.Sprintf(" (%.0f/s)", float64(s.Records)/secs)
	}
	parts = append(parts, art, fmt.Sprintf("%d added", s.Added))
	if s.Sources > 1 {
		parts = append(parts, fmt.Sprintf("%d/%d files", s.SourcesDone, s.Sources))
	}
	parts = append(parts, fmt.Sprintf("%s of %s", formatMB(s.BytesDone), formatMB(s.Bytes)))
	if left, ok := timeLeft(s, s.BytesDone-p.bytes0, took); ok {
		parts = append(parts, "about "+left+" left")
	}
	return strings.Join(parts, " · ")
}

// fraction is the share of the sources' bytes stored, 1 when they hold
// none.
func fraction(s library.ImportStatus) float64 {
	if s.Bytes <= 0 {
		if s.Sources > 0 && s.SourcesDone == s.Sources {
			return 1
		}
		return 0
	}
	return min(float64(s.BytesDone)/float64(s.Bytes), 1)
}

// timeLeft guesses the time left from this run's rate in bytes (done bytes
// in took), once there is enough to go on.
func timeLeft(s library.ImportStatus, done int64, took time.Duration) (string, bool) {
	if done <= 0 || took < 2*time.Second || s.BytesDone >= s.Bytes {
		return "", false
	}
	left := time.Duration(float64(s.Bytes-s.BytesDone) / float64(done) * float64(took))
	switch {
	case left < time.Minute:
		return fmt.Sprintf("%d s", int(left.Seconds())+1), true
	case left < time.Hour:
		return fmt.Sprintf("%d min", int(left.Minutes())+1), true
	}
	return fmt.Sprintf("%.1f h", left.Hours()), true
}

// progressBar is a bar of width cells, f of it filled.
func progressBar(f float64, width int) string {
	full := int(f*float64(width) + 0.5)
	full = max(0, min(full, width))
	return "[" + strings.Repeat("#", full) + strings.Repeat(".", width-full) + "]"
}

// formatMB is a size in MB with one decimal (KB under 1 MB).
func formatMB(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
