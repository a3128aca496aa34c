package corpus

import "strings"

// PLACEHOLDER (owned by the cleaning work): the signatures are the contract,
// the bodies are naive and will be replaced by the real rules.

// cleanText turns the sanitised lines of one plain-text file (lines[i] is
// line i+1 of file) into one or more articles: it finds the headline, dek,
// byline and "Via" attribution, removes site chrome (kept in Raw with
// RoleChrome), marks subheads, and splits a file that holds several items.
// It fills Title, Dek, Author, Via, Body, Raw and Source; the loader fills
// the rest (ID, metadata, Format, Words).
func cleanText(file string, lines []string) []*Article {
	a := &Article{Source: Span{File: file, StartLine: 1, EndLine: len(lines)}}
	for i, l := range lines {
		n := i + 1
		switch {
		case strings.TrimSpace(l) == "":
			a.Raw = append(a.Raw, Line{Number: n, Text: l, Role: RoleBlank})
		case a.Title == "":
			a.Title = strings.TrimSpace(l)
			a.Raw = append(a.Raw, Line{Number: n, Text: l, Role: RoleTitle})
		default:
			a.Body = append(a.Body, Paragraph{Text: strings.TrimSpace(l), Source: Span{File: file, StartLine: n, EndLine: n}})
			a.Raw = append(a.Raw, Line{Number: n, Text: l, Role: RoleBody})
		}
	}
	return []*Article{a}
}

// cleanBody cleans the body text of a record whose title is already known
// (Markdown, JSON): chrome out, byline and "Via" to metadata, subheads
// marked, paragraphs at blank lines (or at every line when there are no
// blank lines). lineNo maps an index of lines to its line in the source file.
func cleanBody(file string, lines []string, lineNo func(i int) int) (body []Paragraph, raw []Line, author, via string) {
	for i, l := range lines {
		n := lineNo(i)
		if strings.TrimSpace(l) == "" {
			raw = append(raw, Line{Number: n, Text: l, Role: RoleBlank})
			continue
		}
		body = append(body, Paragraph{Text: strings.TrimSpace(l), Source: Span{File: file, StartLine: n, EndLine: n}})
		raw = append(raw, Line{Number: n, Text: l, Role: RoleBody})
	}
	return body, raw, "", ""
}
