package tui

import (
	"errors"
	"net/url"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/internal/termtext"
)

// Actions on an article that leave the TUI: "o" opens its address in the
// browser, "y" copies a passage with its citation to the clipboard (OSC
// 52, through Bubble Tea, only ever at that keypress), "e" writes the
// comparison's Markdown report to a file. The TUI does none of it itself:
// it asks Options.OpenURL and Options.Export, and Bubble Tea writes the
// clipboard sequence.

// openURL opens a's address in the browser, reading it first when a is a
// header of the library list.
func (m *Model) openURL(a *corpus.Article) tea.Cmd {
	if a == nil {
		return nil
	}
	if m.sh.needsBody(a) {
		return m.withBodies([]*corpus.Article{a}, func(full []*corpus.Article, _ libdb.ArticleState) tea.Msg {
			return openURLMsg{article: full[0]}
		})
	}
	u, err := webAddress(a.URL)
	if err != nil {
		m.flash = err.Error()
		return nil
	}
	if m.opt.OpenURL == nil {
		m.flash = "no browser to open " + u
		return nil
	}
	open := m.opt.OpenURL
	m.flash = "opening " + u + "…"
	return func() tea.Msg { return urlOpenedMsg{url: u, err: open(u)} }
}

// webAddress checks that s is an http(s) address with a host, the only
// kind the browser is asked to open.
func webAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("this article has no web address")
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("not a web address, not opened: " + termtext.OneLine(s))
	}
	return s, nil
}

// export writes a report through Options.Export, in the background.
func (m *Model) export(msg exportMsg) tea.Cmd {
	if m.opt.Export == nil {
		m.flash = "writing reports is not available here"
		return nil
	}
	exp := m.opt.Export
	m.flash = "writing " + msg.name + "…"
	return func() tea.Msg {
		path, err := exp(msg.name, msg.data)
		return exportedMsg{path: path, err: err}
	}
}

// citation is text quoted with where it comes from: outlet, title, date
// and address, each when known, on a line of its own under the quote.
// Everything in it was sanitised at load; it is sanitised again, as it
// leaves for the clipboard.
func citation(a *corpus.Article, text string) string {
	var parts []string
	if label, fallback := a.OutletLabel(); !fallback {
		parts = append(parts, label)
	}
	if a.Title != "" {
		parts = append(parts, "“"+a.Title+"”")
	}
	if d := a.Date.String(); d != "" {
		parts = append(parts, d)
	}
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	quote := "“" + strings.TrimSpace(text) + "”"
	if len(parts) == 0 {
		return textnorm.Sanitize(quote)
	}
	return textnorm.Sanitize(quote + "\n— " + strings.Join(parts, ", "))
}

// copyPassage copies the reader's current passage: the paragraph of the
// find match it is on, else the first paragraph on screen.
func (r *reader) copyPassage() tea.Cmd {
	if r.art == nil || r.raw {
		return nil
	}
	para := -1
	if r.current >= 0 && r.current < len(r.matches) {
		para = r.blocks[r.matches[r.current].block].para
	}
	if para < 0 {
		if pos, ok := r.position(); ok {
			para = pos.Paragraph
		}
	}
	if para < 0 || para >= len(r.art.Body) {
		return nil
	}
	text := citation(r.art, r.art.Body[para].Text)
	return func() tea.Msg { return copyMsg{text: text, what: "the paragraph"} }
}

// copyPassage copies the compare view's focused passage.
func (c *comparePage) copyPassage() tea.Cmd {
	if c.cmp == nil || c.focus >= len(c.arts) {
		return nil
	}
	p, ok := c.cmp.Passage(passages.Ref{Article: c.focus, Passage: c.cur[c.focus]})
	if !ok {
		return nil
	}
	text := citation(c.arts[c.focus], p.Text)
	return func() tea.Msg { return copyMsg{text: text, what: "the passage"} }
}

// exportReport asks for the comparison's Markdown report to be written.
func (c *comparePage) exportReport() tea.Cmd {
	if c.cmp == nil {
		return nil
	}
	msg := exportMsg{name: reportName(c.title, c.arts), data: []byte(compare.Markdown(c.cmp))}
	return func() tea.Msg { return msg }
}

// reportName is a file name for a comparison's report: "compare-" and
// the story's name or the outlets, in lower-case ASCII words, ".md".
func reportName(title string, arts []*corpus.Article) string {
	src := title
	if src == "" {
		var outlets []string
		for _, a := range arts {
			label, _ := a.OutletLabel()
			outlets = append(outlets, label)
		}
		src = strings.Join(outlets, " ")
	}
	var b strings.Builder
	dash := false
	for _, r := range textnorm.Fold(strings.NewReplacer("'", "", "’", "").Replace(src)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	if b.Len() == 0 {
		return "compare.md"
	}
	return "compare-" + b.String() + ".md"
}
