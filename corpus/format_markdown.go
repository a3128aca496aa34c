package corpus

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"go.yaml.in/yaml/v3"
)

// loadMarkdown reads a Markdown file: optional YAML front matter between
// "---" fences (the fields of meta.yaml plus title and id), then the body.
// "#" headings become subheads; the first level-1 heading is the title when
// the front matter has none. Inline link and emphasis markup is dropped from
// the paragraphs; Raw keeps the lines as written.
func loadMarkdown(file string, data []byte) ([]*Article, []Problem) {
	lines := strings.Split(textnorm.Sanitize(string(data)), "\n")
	rec := &metaRecord{}
	var probs []Problem
	start := 0 // index in lines of the first body line
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		end := -1
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
				end = i
				break
			}
		}
		if end < 0 {
			return nil, []Problem{{Path: file, Line: 1, Err: fmt.Errorf("%w: no closing --- for the front matter opened on line 1", ErrFrontMatter)}}
		}
		fm := strings.Join(lines[1:end], "\n")
		root, err := parseYAML(fm)
		if err != nil {
			return nil, []Problem{yamlProblem(file, fm, err, 1, ErrFrontMatter)}
		}
		if root != nil {
			if root.Kind != yaml.MappingNode {
				return nil, []Problem{{Path: file, Line: root.Line + 1, Err: fmt.Errorf("%w: want fields (\"title: …\"), not a %s", ErrFrontMatter, yamlKind(root))}}
			}
			rec, probs = decodeMeta(file, root, 1, inFrontMatter)
		}
		start = end + 1
	}
	body := lines[start:]
	lineNo := func(i int) int { return start + i + 1 }

	// What cleaning sees: headings, fences and rules blanked (so they end
	// paragraphs), inline markup stripped.
	in := make([]string, len(body))
	headings := map[int]string{} // file line -> heading text
	markup := map[int]string{}   // file line -> why a markup-only line is not text
	title, titleLine := rec.Title, 0
	fence := false
	for i, l := range body {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			markup[lineNo(i)] = "markdown code fence"
			continue
		}
		if fence {
			in[i] = l
			continue
		}
		if level, text, ok := atxHeading(t); ok {
			text = textnorm.Line(stripInline(text))
			if level == 1 && titleLine == 0 && (title == "" || text == title) {
				title, titleLine = text, lineNo(i)
				continue
			}
			if text != "" {
				headings[lineNo(i)] = text
			}
			continue
		}
		if isThematicBreak(t) {
			markup[lineNo(i)] = "markdown rule"
			continue
		}
		if strings.HasPrefix(t, ">") {
			l = strings.TrimPrefix(strings.TrimPrefix(t, ">"), " ")
		}
		in[i] = stripInline(l)
		if t != "" && strings.TrimSpace(in[i]) == "" {
			markup[lineNo(i)] = "markdown image"
		}
	}
	paras, raw, author, via := clean.Body(file, in, lineNo)

	for n, text := range headings {
		paras = append(paras, Paragraph{Text: text, Subhead: true, Source: Span{File: file, StartLine: n, EndLine: n}})
	}
	sort.SliceStable(paras, func(i, j int) bool { return paras[i].Source.StartLine < paras[j].Source.StartLine })
	// Raw shows the lines as written, headings with their role.
	have := map[int]bool{}
	for k := range raw {
		n := raw[k].Number
		have[n] = true
		if n >= 1 && n <= len(lines) {
			raw[k].Text = lines[n-1]
		}
		if _, ok := headings[n]; ok {
			raw[k].Role, raw[k].Why = RoleSubhead, ""
		} else if n == titleLine {
			raw[k].Role, raw[k].Why = RoleTitle, ""
		} else if why, ok := markup[n]; ok {
			raw[k].Role, raw[k].Why = RoleChrome, why
		}
	}
	for i := range body {
		n := lineNo(i)
		if have[n] {
			continue
		}
		l := Line{Number: n, Text: body[i], Role: RoleBlank}
		if _, ok := headings[n]; ok {
			l.Role = RoleSubhead
		} else if n == titleLine {
			l.Role = RoleTitle
		} else if why, ok := markup[n]; ok {
			l.Role, l.Why = RoleChrome, why
		} else if strings.TrimSpace(body[i]) != "" {
			l.Role = RoleBody
		}
		raw = append(raw, l)
	}
	sort.SliceStable(raw, func(i, j int) bool { return raw[i].Number < raw[j].Number })

	a := &Article{
		ID:     rec.ID,
		Title:  title,
		Author: textnorm.Line(author),
		Via:    textnorm.Line(via),
		Body:   paras,
		Raw:    raw,
		Source: Span{File: file, StartLine: 1, EndLine: len(lines)},
	}
	rec.apply(a)
	if a.ID == "" {
		a.ID = fileStem(file)
	}
	if a.Title == "" {
		a.Title = untitled(a.Body, fileStem(file))
	}
	return []*Article{a}, probs
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

// untitled makes a title for an article that has none: the start of its
// first paragraph, or else its file's stem.
func untitled(body []Paragraph, stem string) string {
	for _, p := range body {
		t := textnorm.Line(p.Text)
		if t == "" {
			continue
		}
		words := strings.Fields(t)
		out := ""
		for _, w := range words {
			if len(out)+len(w)+1 > 80 {
				if out == "" {
					return cutRunes(w, 80) + "…"
				}
				return strings.TrimSpace(out) + " …"
			}
			out += w + " "
		}
		return strings.TrimSpace(out)
	}
	return stem
}

// cutRunes returns at most n runes of s.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
