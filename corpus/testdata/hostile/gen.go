//go:build ignore

// gen writes the hostile corpus: files whose every field carries terminal
// escape sequences and other control characters, text that stresses layout,
// and broken files. Run from this directory: go run gen.go
// The files are committed; this program documents how they were made.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// payloads are the attacks: each would act on a terminal if printed raw.
var payloads = []struct{ name, s string }{
	{"OSC 0 title", "\x1b]0;pwned\x07"},
	{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07"},
	{"OSC 8 link", "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"},
	{"CSI", "\x1b[2J\x1b[1;31mRED\x1b[0m"},
	{"DCS", "\x1bP+q544e\x1b\\"},
	{"APC", "\x1b_Gf=100;AAAA\x1b\\"},
	{"C1 as UTF-8", "\u009b31mC1\u009d0;c1title\u009c"},
	{"BEL and BS", "ding\x07\x07 back\x08\x08\x08"},
	{"CR", "overwrite\rOK"},
	{"DEL", "del\x7f"},
	{"entities", "&#27;]0;entity-pwned&#7; &#x1b;[31m &#155;"},
}

// all joins every payload into one string.
func all() string {
	var b strings.Builder
	for _, p := range payloads {
		b.WriteString(p.s)
		b.WriteByte(' ')
	}
	return b.String()
}

// line is all payloads with CR (a line break) left out, for one-line fields
// of line-based formats.
func line(prefix string) string {
	return prefix + " " + strings.ReplaceAll(all(), "\r", "")
}

func write(name, content string) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		panic(err)
	}
}

func main() {
	writeText()
	writeMeta()
	writeLongText()
	writeMarkdown()
	writeJSON()
	writeBroken()
}

// yq is every attack as YAML escapes (\e, \a, \x9b) in double quotes,
// and an entity.
const yq = `"Meta \e]0;pwned\a \e]52;c;cHduZWQ=\a \e[2J \x9b31m \eP1$q\e\\ \e_apc\e\\ \b\x7f &#27;[31m"`

// writeText writes plain text with payloads in the title, a byline, a
// "Via" line and the body.
func writeText() {
	var txt strings.Builder
	txt.WriteString(line("Title") + "\n\n")
	txt.WriteString("Author: " + line("Mallory") + "\n\n")
	for _, p := range payloads {
		fmt.Fprintf(&txt, "Paragraph with %s: before %s after.\n\n", p.name, p.s)
	}
	txt.WriteString("Via " + line("Evil Outlet"))
	write("text/escapes.txt", txt.String())
}

// writeMeta writes a meta.yaml with YAML escapes in double quotes in every
// field, and raw bytes in a plain scalar.
func writeMeta() {
	var meta strings.Builder
	meta.WriteString("- file: escapes.txt\n")
	for _, f := range []string{"title", "outlet", "via", "outlet_profile", "author", "date_note", "url", "event", "story"} {
		fmt.Fprintf(&meta, "  %s: %s\n", f, yq)
	}
	meta.WriteString("  date: 2020-01-02\n")
	meta.WriteString("- file: longtext.txt\n  outlet: raw bytes \x1b]0;pwned\x07 \x1b[31m in a plain scalar\n")
	write("text/meta.yaml", meta.String())
}

// writeLongText writes the layout stress: a 10,000-character word and
// address, scripts, marks, tabs.
func writeLongText() {
	long := strings.Join([]string{
		"Long Text: 中文新闻 العراق 👨‍👩‍👧",
		"",
		strings.Repeat("w", 10000),
		"",
		"https://example.com/" + strings.Repeat("x", 9980),
		"",
		"中文新闻报道：美国空袭伊拉克民兵组织。日本語のテキストも。한국어 텍스트.",
		"",
		"Emoji 🇮🇶 👍🏽 👨‍👩‍👧 ❤️ and combining marks: e\u0301 n\u0303 Z̴̧̛͚a̷l̶g̸o̵.",
		"",
		"RTL: العراق يدين الغارات الأمريكية and עברית inline, with \u202eoverride\u202c.",
		"",
		"Tabs\tbetween\t\twords and\ttrailing tab\t",
	}, "\n")
	write("text/longtext.txt", long)
}

// writeMarkdown writes payloads in every front-matter field (YAML
// escapes), the H1, a subhead and the body.
func writeMarkdown() {
	var md strings.Builder
	md.WriteString("---\n")
	for _, f := range []string{"title", "id", "dek", "outlet", "via", "outlet_profile", "author", "date_note", "url", "event", "story"} {
		v := yq
		if f == "id" {
			v = `"md-\e]0;pwned\a"`
		}
		fmt.Fprintf(&md, "%s: %s\n", f, v)
	}
	md.WriteString("date: 2021-06-28\n---\n")
	md.WriteString("# " + line("Heading") + "\n\n")
	for _, p := range payloads {
		fmt.Fprintf(&md, "Paragraph with %s: [link %s](https://x.example/%s) after.\n\n", p.name, p.s, p.s)
	}
	md.WriteString("## " + line("Subhead") + "\n\nLast paragraph " + all() + "\n")
	write("markdown/escapes.md", md.String())
}

// writeJSON writes JSON and JSON Lines with payloads in every field, as
// JSON escapes, under pmureader's, Media Cloud's and news-please's names.
func writeJSON() {
	rec := func(id string) map[string]any {
		m := map[string]any{"id": id + "\x1b]0;pwned\x07"}
		for _, f := range []string{"title", "dek", "outlet", "via", "outlet_profile", "author", "date_note", "url",
			"event", "story", "source_domain", "sitename", "publisher", "media_name"} {
			m[f] = f + " " + all()
		}
		m["authors"] = []string{"A \x1b[31m", "B \u009b1m"}
		// Each record's own text: identical ones would load once.
		m["text"] = "First paragraph of " + id + " " + all() + "\n\nSecond " + all()
		m["date"] = "2019-12-29"
		return m
	}
	b, _ := json.MarshalIndent([]any{rec("json-1"), rec("json-2")}, "", "  ")
	write("json/escapes.json", string(b))
	var jl strings.Builder
	for _, id := range []string{"jsonl-1", "jsonl-2"} {
		b, _ := json.Marshal(rec(id))
		jl.Write(b)
		jl.WriteByte('\n')
	}
	b, _ = json.Marshal(map[string]any{"title": "MC " + all(), "media_name": all(), "publish_date": "2019-12-29 10:31:00", "url": "https://x/" + all(), "text": "Media Cloud text " + all()})
	jl.Write(b)
	jl.WriteByte('\n')
	b, _ = json.Marshal(map[string]any{"title": "NP " + all(), "maintext": "news-please text " + all(), "date_publish": "2019-12-29 10:31:00", "source_domain": all(), "authors": []string{all()}})
	jl.Write(b)
	jl.WriteByte('\n')
	write("json/escapes.jsonl", jl.String())
}

// writeBroken writes broken files; each must be reported and must not
// stop the rest.
func writeBroken() {
	write("bad/empty.txt", "")
	write("bad/whitespace.md", "  \n\t\n")
	write("bad/binary.txt", "Looks like text\n\x00\x01\x02\x03\xff binary")
	write("bad/invalid-utf8.txt", "Invalid UTF-8 Title\n\nA body with \xff\xfe bad bytes \xc3 here.\n")
	write("bad/bad-line.jsonl", `{"id": "good-1", "title": "Good one", "text": "Fine."}`+"\n"+
		`{"id": "bad", "title": "Broken`+"\n"+
		`{"id": "good-3", "title": "Good three", "text": "Fine too."}`+"\n")
	write("bad/malformed.md", "---\ntitle: Malformed\nauthor: [unclosed\n---\n\nBody.\n")
	write("bad/dup-a.json", `{"id": "dup", "title": "First with this id", "text": "Kept."}`)
	write("bad/dup-b.jsonl", `{"id": "dup", "title": "Second with this id", "text": "Skipped."}`+"\n")
	write("bad/unknown.docx", "ignored inside a directory")
}
