package compare

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/quantity"
)

// Markdown renders a comparison as a shareable report: a table of aligned
// rows with one column per article, the passages unique to each article,
// and the differences. It is plain text (GitHub-flavoured Markdown) with no
// terminal codes; table cells have pipes escaped and line breaks removed.
func Markdown(c *Comparison) string {
	var b strings.Builder
	b.WriteString("# Side by side\n\n")
	for i, a := range c.Articles {
		title := a.Title
		if a.TitleDerived {
			title = "untitled: " + title
		}
		fmt.Fprintf(&b, "%d. **%s**", i+1, mdInline(title))
		var meta []string
		if a.Byline != "" {
			meta = append(meta, mdInline(a.Byline))
		}
		if d := a.Date.String(); d != "" {
			meta = append(meta, d)
		}
		meta = append(meta, "`"+strings.ReplaceAll(a.ID, "`", "")+"`")
		fmt.Fprintf(&b, " — %s\n", strings.Join(meta, ", "))
	}
	b.WriteString("\n## Aligned passages\n\n")
	if len(c.Rows) == 0 {
		b.WriteString("No passages line up.\n")
	} else {
		b.WriteString("| # | score |")
		for i := range c.Articles {
			fmt.Fprintf(&b, " %s |", mdCell(column(c, i)))
		}
		b.WriteString(" shared |\n|---|---|")
		for range c.Articles {
			b.WriteString("---|")
		}
		b.WriteString("---|\n")
		for ri, r := range c.Rows {
			weak := ""
			if r.Weak {
				weak = " weak" // may tell related things rather than one
			}
			fmt.Fprintf(&b, "| %d | %.2f%s |", ri+1, r.Score, weak)
			cells := make([]string, len(c.Articles))
			for _, m := range r.Passages {
				p := c.Articles[m.Article].Passages[m.Passage]
				cells[m.Article] = mdCell(p.Text) + " <sub>" + mdCell(p.Source.String()) + "</sub>"
			}
			for _, cell := range cells {
				fmt.Fprintf(&b, " %s |", cell)
			}
			fmt.Fprintf(&b, " %s |\n", mdCell(sharedText(r.Shared)))
		}
	}
	b.WriteString("\n## Unique to one article\n")
	for i := range c.Articles {
		var lines []string
		for _, u := range c.Unique {
			if u.Article != i {
				continue
			}
			p := c.Articles[i].Passages[u.Passage]
			lines = append(lines, fmt.Sprintf("- %s (%s)\n", mdInline(p.Text), mdInline(p.Source.String())))
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", mdInline(column(c, i)))
		b.WriteString(strings.Join(lines, ""))
	}
	writeDifferences(&b, c)
	return b.String()
}

// differenceSections are the Markdown report's kinds of difference, in
// order.
var differenceSections = []struct {
	kind  differences.Kind
	title string
}{
	{differences.KindNumber, "Figures"},
	{differences.KindAttribution, "Who each article credits"},
	{differences.KindLabel, "What each article calls the actors"},
}

// writeDifferences writes the report's differences: the facts, each with
// its relation and every article's figure (the interval it allows and its
// source); whom each article credits; the labels put on each actor.
func writeDifferences(b *strings.Builder, c *Comparison) {
	b.WriteString("\n## Differences\n\n")
	if len(c.Differences) == 0 {
		b.WriteString("None found.\n")
		return
	}
	for _, sec := range differenceSections {
		var ds []differences.Difference
		for _, d := range c.Differences {
			if d.Kind == sec.kind {
				ds = append(ds, d)
			}
		}
		if len(ds) == 0 {
			continue
		}
		fmt.Fprintf(b, "### %s\n\n", sec.title)
		for _, d := range ds {
			head := "- **" + mdInline(d.Topic) + "**"
			if d.Relation != "" {
				head += " — " + mdInline(d.Relation)
			}
			b.WriteString(head + "\n")
			for _, it := range d.Items {
				b.WriteString("  - " + mdItem(c, it) + "\n")
			}
		}
		b.WriteString("\n")
	}
}

// mdItem renders one side of a difference: the article, what it has (the
// figure and the values it allows, the source and how it is credited, the
// label) and where.
func mdItem(c *Comparison, it differences.Item) string {
	extra := ""
	if it.Interval != nil {
		extra = " " + intervalText(*it.Interval)
	}
	if it.Verb != "" {
		extra = " (" + mdInline(it.Verb) + ")"
	}
	where := ""
	if p, ok := c.Passage(it.Ref); ok {
		where = " — " + mdInline(p.Source.String())
	}
	return fmt.Sprintf("%s: “%s”%s%s", mdInline(it.Outlet), mdInline(it.Text), extra, where)
}

// intervalText writes the values a figure allows: "[25, ∞)", "(40, ∞)",
// "[270, 330]".
func intervalText(iv differences.Interval) string {
	lo, hi := "[", "]"
	if iv.LowOpen {
		lo = "("
	}
	if iv.HighOpen || iv.High == nil {
		hi = ")"
	}
	high := "∞"
	if iv.High != nil {
		high = quantity.FormatValue(*iv.High)
	}
	return lo + quantity.FormatValue(iv.Low) + ", " + high + hi
}

// column names an article for headers by its outlet label
// (corpus.Article.OutletLabel): its byline, else its id, as every view
// names it.
func column(c *Comparison, i int) string {
	if a := c.Articles[i]; a.Byline != "" {
		return a.Byline
	}
	return c.Articles[i].ID
}

func sharedText(s Shared) string {
	var parts []string
	parts = append(parts, s.Entities...)
	parts = append(parts, s.Numbers...)
	words := s.Words
	if len(words) > 6 {
		words = words[:6]
	}
	parts = append(parts, words...)
	return strings.Join(parts, ", ")
}

// mdInline makes text safe inside a Markdown line: no line breaks, and
// characters that would start formatting escaped.
func mdInline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

// mdCell is mdInline for table cells, with pipes escaped too.
func mdCell(s string) string { return strings.ReplaceAll(mdInline(s), "|", `\|`) }

// clip cuts s to n characters, with "…" when it was longer.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
