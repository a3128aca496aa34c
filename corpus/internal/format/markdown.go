package format

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"go.yaml.in/yaml/v3"
)

// parseMarkdown reads a Markdown file: optional YAML front matter between
// "---" fences (the fields of meta.yaml plus title and id), then the body.
// "#" headings become subheads; the first level-1 heading is the title when
// the front matter has none. Inline link and emphasis markup is dropped from
// the paragraphs; Raw keeps the lines as written.
func parseMarkdown(file string, data []byte) ([]*article.Article, []article.Problem) {
	lines := strings.Split(textnorm.Sanitize(string(data)), "\n")
	rec, start, probs, ok := frontMatter(file, lines)
	if !ok {
		return nil, probs
	}
	body := lines[start:]
	lineNo := func(i int) int { return start + i + 1 }
	md := scanMarkdown(body, lineNo, rec.Title)
	paras, raw, author, via := clean.Body(file, md.text, lineNo)
	for n, text := range md.headings {
		paras = append(paras, article.Paragraph{Text: text, Subhead: true, Source: article.Span{File: file, StartLine: n, EndLine: n}})
	}
	sort.SliceStable(paras, func(i, j int) bool { return paras[i].Source.StartLine < paras[j].Source.StartLine })
	a := &article.Article{
		ID:     rec.ID,
		Title:  md.title,
		Author: textnorm.Line(author),
		Via:    textnorm.Line(via),
		Body:   paras,
		Raw:    md.raw(lines, body, raw, lineNo),
		Source: article.Span{File: file, StartLine: 1, EndLine: len(lines)},
	}
	rec.apply(a)
	if a.ID == "" {
		a.ID = fileStem(file)
	}
	clean.DeriveTitle(a, fileStem(file))
	dateFromLine(a)
	return []*article.Article{a}, probs
}

// frontMatter reads the YAML front matter at the top of lines, if any, and
// returns its fields (an empty Meta when there is none), the index of the
// first line after it and the problems of single fields. ok is false for
// front matter that cannot be read at all; its one problem is then the
// file's.
func frontMatter(file string, lines []string) (rec *Meta, start int, probs []article.Problem, ok bool) {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return &Meta{}, 0, nil, true
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, 0, []article.Problem{{Path: file, Line: 1, Err: fmt.Errorf("%w: no closing --- for the front matter opened on line 1", article.ErrFrontMatter)}}, false
	}
	fm := strings.Join(lines[1:end], "\n")
	root, err := parseYAML(fm)
	switch {
	case err != nil:
		return nil, 0, []article.Problem{yamlProblem(file, fm, err, 1, article.ErrFrontMatter)}, false
	case root == nil:
		return &Meta{}, end + 1, nil, true
	case root.Kind != yaml.MappingNode:
		return nil, 0, []article.Problem{{Path: file, Line: root.Line + 1, Err: fmt.Errorf("%w: want fields (\"title: …\"), not a %s", article.ErrFrontMatter, yamlKind(root))}}, false
	}
	rec, probs = decodeMeta(file, root, 1, inFrontMatter)
	return rec, end + 1, probs, true
}

// markdownBody is what scanMarkdown found in a Markdown body.
type markdownBody struct {
	text      []string       // what cleaning sees: markup-only lines blank, inline markup stripped
	headings  map[int]string // file line -> heading text (subheads)
	markup    map[int]string // file line -> why a markup-only line is not text
	title     string         // the front matter's title, or the first level-1 heading
	titleLine int            // the file line of that heading; 0 when the title is not one
}

// scanMarkdown reads the body lines of a Markdown file (line i is file line
// lineNo(i)): headings, code fences and rules are taken out (blanked, so
// that they end paragraphs) and inline markup stripped, for cleaning. The
// first level-1 heading is the title unless title, from the front matter,
// is set and different.
func scanMarkdown(body []string, lineNo func(int) int, title string) markdownBody {
	md := markdownBody{text: make([]string, len(body)), headings: map[int]string{}, markup: map[int]string{}, title: title}
	fence := false
	for i, l := range body {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			md.markup[lineNo(i)] = "markdown code fence"
			continue
		}
		if fence {
			md.text[i] = l
			continue
		}
		if level, text, ok := atxHeading(t); ok {
			text = textnorm.Line(markdownText(stripInline(text)))
			if level == 1 && md.titleLine == 0 && (md.title == "" || text == md.title) {
				md.title, md.titleLine = text, lineNo(i)
				continue
			}
			if text != "" {
				md.headings[lineNo(i)] = text
			}
			continue
		}
		if isThematicBreak(t) {
			md.markup[lineNo(i)] = "markdown rule"
			continue
		}
		if strings.HasPrefix(t, ">") {
			l = strings.TrimPrefix(strings.TrimPrefix(t, ">"), " ")
		}
		md.text[i] = markdownText(stripInline(l))
		if t != "" && strings.TrimSpace(md.text[i]) == "" {
			md.markup[lineNo(i)] = "markdown image"
		}
	}
	return md
}

// raw returns the raw lines of a Markdown file: cleaning's raw lines of the
// body (raw), showing the lines as written, with the roles of headings,
// the title and markup, and the lines cleaning did not see (the front
// matter's are left out), in order.
func (md *markdownBody) raw(lines, body []string, raw []article.Line, lineNo func(int) int) []article.Line {
	have := map[int]bool{}
	for k := range raw {
		n := raw[k].Number
		have[n] = true
		if n >= 1 && n <= len(lines) {
			raw[k].Text = lines[n-1]
		}
		if role, why, ok := md.role(n); ok {
			raw[k].Role, raw[k].Why = role, why
		}
	}
	for i := range body {
		n := lineNo(i)
		if have[n] {
			continue
		}
		l := article.Line{Number: n, Text: body[i], Role: article.RoleBlank}
		if role, why, ok := md.role(n); ok {
			l.Role, l.Why = role, why
		} else if strings.TrimSpace(body[i]) != "" {
			l.Role = article.RoleBody
		}
		raw = append(raw, l)
	}
	sort.SliceStable(raw, func(i, j int) bool { return raw[i].Number < raw[j].Number })
	return raw
}

// role returns the role of file line n when the Markdown itself decides
// it: a heading, the title heading, or markup.
func (md *markdownBody) role(n int) (role article.Role, why string, ok bool) {
	if _, ok := md.headings[n]; ok {
		return article.RoleSubhead, "", true
	}
	if n == md.titleLine {
		return article.RoleTitle, "", true
	}
	if why, ok := md.markup[n]; ok {
		return article.RoleChrome, why, true
	}
	return "", "", false
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	}
	return "document of another kind"
}

// markdownText decodes the complete character references of a line of
// Markdown text outside code spans, as CommonMark does ("&amp;" is "&",
// "&copy" without ";" stays as written), and sanitises what they gave: a
// reference can stand for a control character or a line break.
func markdownText(l string) string {
	if strings.IndexByte(l, '&') < 0 {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	for l != "" {
		open := strings.IndexByte(l, '`')
		if open < 0 {
			b.WriteString(textnorm.DecodeEntities(l))
			break
		}
		b.WriteString(textnorm.DecodeEntities(l[:open]))
		l = l[open:]
		n := len(l) - len(strings.TrimLeft(l, "`"))
		end := closingTicks(l[n:], n)
		if end < 0 { // no closing run: the backticks are literal
			b.WriteString(l[:n])
			l = l[n:]
			continue
		}
		b.WriteString(l[:n+end+n])
		l = l[n+end+n:]
	}
	return strings.ReplaceAll(textnorm.Sanitize(b.String()), "\n", " ")
}

// closingTicks returns the offset in s of the first run of exactly n
// backticks, which closes a code span opened by n, or -1.
func closingTicks(s string, n int) int {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		i += j
		k := i
		for k < len(s) && s[k] == '`' {
			k++
		}
		if k-i == n {
			return i
		}
		i = k
	}
	return -1
}

// atxHeading recognises "# Heading" (one to six #, then a space or the end)
// in a trimmed line and returns its level and text without the #s.
func atxHeading(t string) (level int, text string, ok bool) {
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(t) && t[level] != ' ') {
		return 0, "", false
	}
	text = strings.TrimSpace(t[level:])
	// A closing sequence of #s is not part of the text.
	if trimmed := strings.TrimRight(text, "#"); trimmed == "" || strings.HasSuffix(trimmed, " ") {
		text = strings.TrimSpace(trimmed)
	}
	return level, text, true
}

// isThematicBreak recognises a Markdown rule: three or more of the same *, -
// or _, spaces allowed between.
func isThematicBreak(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '*' && c != '-' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// stripInline removes the Markdown markup a reader should not see: images
// go, links keep their text, ** and __ go. Single * and _ stay, because
// they are too often meant literally.
func stripInline(s string) string {
	if !strings.ContainsAny(s, "[*_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		image := s[i] == '!' && i+1 < len(s) && s[i+1] == '['
		if s[i] == '[' || image {
			open := i
			if image {
				open++
			}
			if text, next, ok := markdownLink(s, open); ok {
				if !image {
					b.WriteString(text)
				}
				i = next
				continue
			}
		}
		if i+1 < len(s) && (s[i] == '*' || s[i] == '_') && s[i+1] == s[i] {
			i += 2
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// markdownLink parses "[text](target)" at s[open] == '[' and returns the
// text and the index after the closing parenthesis.
func markdownLink(s string, open int) (text string, next int, ok bool) {
	close := strings.IndexByte(s[open:], ']')
	if close < 0 {
		return "", 0, false
	}
	close += open
	if close+1 >= len(s) || s[close+1] != '(' {
		return "", 0, false
	}
	end := strings.IndexByte(s[close+1:], ')')
	if end < 0 {
		return "", 0, false
	}
	return s[open+1 : close], close + 1 + end + 1, true
}
