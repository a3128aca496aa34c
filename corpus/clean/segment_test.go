package clean

import (
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// The structure rules, step by step: each step of cleanSegment on blocks
// made from a short text, as Text makes them (one block a line, classified
// by the line rules).

// blocksOf cuts text into its classified blocks.
func blocksOf(text string) []*block { return textBlocks(splitText(text)) }

// index returns the index of the block whose text starts with prefix.
func index(t *testing.T, bs []*block, prefix string) int {
	t.Helper()
	for i, b := range bs {
		if len(b.text) >= len(prefix) && b.text[:len(prefix)] == prefix {
			return i
		}
	}
	t.Fatalf("no block starts with %q", prefix)
	return -1
}

const (
	para1 = "The strikes hit five bases on Sunday, officials said, and more were planned."
	para2 = "The government called the strikes a violation of its sovereignty."
	para3 = "Militia leaders vowed to respond to the attacks in the coming days."
)

func TestFindHeadline(t *testing.T) {
	cases := []struct {
		name, text  string
		title, head string // "" title: no headline; "" head: past the end
		chrome      []string
	}{
		{"first line", "Strikes Hit Bases\n\n" + para1, "Strikes Hit Bases", para1, nil},
		{"after category and date lines", "Home › World › Middle East\n\nPosted March 3, 2021\n\nStrikes Hit Bases\n\n" + para1,
			"Strikes Hit Bases", para1, []string{"Home", "Posted"}},
		{"under a section label", "Opinion\n\nWhy the new strikes will not end the attacks\n\n" + para1,
			"Why the new strikes", para1, []string{"Opinion"}},
		{"a long sentence first", "This first line is a long sentence of more than fifteen words that ends in a full stop as prose does.\n\n" + para1,
			"", "This first line", nil},
		{"only chrome", "Notify of\n\nView all comments", "", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bs := blocksOf(c.text)
			head, title := findHeadline(bs)
			switch {
			case c.title == "" && title != -1:
				t.Errorf("title %d (%q), want none", title, bs[title].text)
			case c.title != "":
				if want := index(t, bs, c.title); title != want || bs[title].role != article.RoleTitle {
					t.Errorf("title %d role %q, want %d", title, bs[max(title, 0)].role, want)
				}
			}
			wantHead := len(bs)
			if c.head != "" {
				wantHead = index(t, bs, c.head)
			}
			if head != wantHead {
				t.Errorf("head %d, want %d", head, wantHead)
			}
			for _, p := range c.chrome {
				if b := bs[index(t, bs, p)]; b.kind != kindChrome {
					t.Errorf("%q: kind %d, want chrome", b.text, b.kind)
				}
			}
		})
	}
}

func TestFindDek(t *testing.T) {
	cases := []struct {
		name, under string // the text under the headline
		role        article.Role
		dek         string // res.dek
		moves       bool   // the head moves past the block
	}{
		{"a dek", "US blames militia for Friday attack on Iraq base", article.RoleDek, "US blames militia for Friday attack on Iraq base", true},
		{"a caption", "Protesters marching in Baghdad after the funeral", article.RoleCaption, "", true},
		{"the first paragraph", para1, "", "", false},
		{"a dek that runs on", "The strikes, which the Pentagon announced,", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bs := blocksOf("US Strikes Hit Five Militia Bases in Iraq and Syria\n\n" + c.under + "\n\n" + para2 + "\n\n" + para3)
			head, _ := findHeadline(bs)
			var res segResult
			got := findDek(bs, head, &res)
			if want := head + map[bool]int{true: 1, false: 0}[c.moves]; got != want {
				t.Errorf("head %d, want %d", got, want)
			}
			if b := bs[head]; b.role != c.role || res.dek != c.dek {
				t.Errorf("role %q dek %q, want %q %q", b.role, res.dek, c.role, c.dek)
			}
		})
	}
}

func TestFindBody(t *testing.T) {
	cases := []struct {
		name, text  string
		start, end  string // first and last block of the body ("" for none)
		comments    string // the comment widget that ends the text
		tail        int
		chromeAfter string // a block the step marked chrome
	}{
		{"prose bounds", "Menu\n\n" + para1 + "\n\nShort line\n\n" + para2 + "\n\nStorm Hits Coast\n\nOther Story",
			para1, para2, "", 2, ""},
		{"cut at a comment widget", para1 + "\n\n" + para2 + "\n\nLeave a Reply\n\nI disagree with every word of this article, it is wrong.",
			para1, para2, "Leave a Reply", 1, ""},
		{"a widget before two paragraphs does not cut", para1 + "\n\nLeave a Reply\n\n" + para2,
			para1, para2, "", 0, ""},
		{"a closing bio", para1 + "\n\n" + para2 + "\n\nJane Doe is a senior editor for Example Post.",
			para1, para2, "", 0, "Jane Doe is"},
		{"a colon runs on", para1 + "\n\nThe demands of the militia were these:\n\nwithdrawal\n\ncompensation",
			para1, "compensation", "", 0, ""},
		{"no prose keeps what is not chrome", "Share\n\nFirst short line\n\nSecond short line",
			"First short line", "Second short line", "", 0, ""},
		{"nothing", "Share\n\nNotify of", "", "", "", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bs := blocksOf(c.text)
			bd := findBody(bs, 0)
			want := bodyBounds{start: -1, end: -1, comments: -1, tail: c.tail}
			if c.start != "" {
				want.start, want.end = index(t, bs, c.start), index(t, bs, c.end)
			}
			if c.comments != "" {
				want.comments = index(t, bs, c.comments)
			}
			if bd != want {
				t.Errorf("bounds %+v, want %+v", bd, want)
			}
			if c.chromeAfter != "" {
				if b := bs[index(t, bs, c.chromeAfter)]; b.kind != kindChrome || b.why != whyBio {
					t.Errorf("%q: kind %d why %q, want a bio", b.text, b.kind, b.why)
				}
			}
		})
	}
}

func TestAssignRoles(t *testing.T) {
	text := "Header Link\n\nBy Jane Doe\n\n" + para1 + "\n\nMarch 3, 2021\n\nPosted March 4, 2021 10:12 am\n\nA Subhead Here\n\n" +
		para2 + "\n\nVia Example Post\n\nLeave a Reply\n\nThis comment says what it thinks about the article, at length.\n\nOther Story One\n\nOther Story Two"
	want := []struct {
		prefix string
		role   article.Role
		why    reason
	}{
		{"Header Link", article.RoleChrome, whyHeader},
		{"Jane Doe", article.RoleByline, ""}, // the marker is gone: "By Jane Doe" is a byline block
		{para1, article.RoleBody, ""},
		{"March 3", article.RoleSubhead, ""}, // a bare date inside the body: a timeline entry
		{"Posted March 4", article.RoleChrome, whyDate},
		{"A Subhead Here", article.RoleSubhead, ""},
		{para2, article.RoleBody, ""},
		{"Via Example Post", article.RoleVia, ""},
		{"Leave a Reply", article.RoleChrome, whyComments},
		{"This comment says", article.RoleChrome, whyComment},
		{"Other Story One", article.RoleChrome, whyRelated}, // a run of lines after the body
	}
	for _, header := range []bool{true, false} {
		bs := blocksOf(text)
		var res segResult
		assignRoles(bs, findBody(bs, 0), header, &res)
		if res.author != "Jane Doe" || res.via != "Example Post" {
			t.Errorf("author %q via %q", res.author, res.via)
		}
		for _, w := range want {
			var b *block
			for _, x := range bs {
				if len(x.text) >= len(w.prefix) && x.text[:len(w.prefix)] == w.prefix || w.prefix == "Jane Doe" && x.kind == kindByline {
					b = x
					break
				}
			}
			if b == nil {
				t.Fatalf("no block %q", w.prefix)
			}
			role, why := w.role, w.why
			if !header && w.prefix == "Header Link" {
				role, why = article.RoleSubhead, ""
			}
			if b.role != role || b.role == article.RoleChrome && b.why != why {
				t.Errorf("header %v, %q: role %q why %q, want %q %q", header, b.text, b.role, b.why, role, why)
			}
		}
	}
}

func TestTextRoleAfterBody(t *testing.T) {
	cases := []struct {
		after string
		why   reason
	}{
		{"See the full report online", whyTrailing},        // one line after the body
		{"The Golden Quill Award", whyAward},               // weak chrome, named only here
		{"Other Story One\n\nOther Story Two", whyRelated}, // a run of them
	}
	for _, c := range cases {
		bs := blocksOf(para1 + "\n\n" + para2 + "\n\n" + c.after)
		bd := findBody(bs, 0)
		b := bs[len(bs)-1]
		if role, why := textRole(b, len(bs)-1, bd, true); role != article.RoleChrome || why != c.why {
			t.Errorf("%q: role %q why %q, want chrome %q", b.text, role, why, c.why)
		}
		if role, _ := textRole(bs[0], 0, bd, true); role != article.RoleBody {
			t.Errorf("%q: role %q, want body", bs[0].text, role)
		}
	}
}
