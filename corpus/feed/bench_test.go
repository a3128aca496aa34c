package feed

import (
	"fmt"
	"strings"
	"testing"
)

// bigFeed is an RSS 2.0 feed of n items, each with a 400-word article in
// content:encoded: about 2.7 KB an item.
func bigFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><link>https://big.example.org/</link>`)
	para := "<p>" + strings.Repeat("Officials said the strikes hit five sites &amp; more. ", 40) + "</p>"
	for i := range n {
		fmt.Fprintf(&b, "<item><title>Story %d &mdash; update</title><link>/s/%d</link><guid>g%d</guid>"+
			"<pubDate>Sun, 29 Dec 2019 14:05:00 GMT</pubDate><category>World</category>"+
			"<description>Short summary %d.</description><content:encoded><![CDATA[%s%s%s]]></content:encoded></item>\n",
			i, i, i, i, para, para, para)
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func BenchmarkParseRSS(b *testing.B) {
	data := bigFeed(500)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, "", "https://big.example.org/feed"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHostile: shapes that would be quadratic if handled
// naively: a million CDATA sections in one element, 100,000 categories
// on one item.
func BenchmarkParseHostile(b *testing.B) {
	data := []byte("<rss><channel><item><title>" + strings.Repeat("<![CDATA[ab]]>", 1_000_000) + "</title>" +
		strings.Repeat("<category>c</category><category>d</category>", 50_000) + "</item></channel></rss>")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}
