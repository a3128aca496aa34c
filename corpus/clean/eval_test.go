package clean

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/internal/evaldata"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// TestCleanTextKeepsNewsBodies runs cleaning on 502 news articles from
// other sites (ECB+, one sentence a line: headline, often a date line, then
// the text) that carry no chrome of their own. The rules must not eat real
// reporting: almost every sentence stays in the body, the headline is found,
// and no article is split.
func TestCleanTextKeepsNewsBodies(t *testing.T) {
	dir, err := evaldata.NewsECBDir()
	if err != nil {
		t.Skipf("skipping the cleaning check on news_ecb: %v", err)
	}
	docs, err := evaldata.Docs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var nDocs, oneArticle, titleOK, sentences, kept int
	for id, d := range docs {
		lines := make([]string, len(d))
		for n, v := range d {
			lines[n] = textnorm.Sanitize(v)
		}
		nDocs++
		arts := Text(id, lines)
		checkInvariants(t, lines, arts)
		if len(arts) != 1 {
			continue
		}
		oneArticle++
		a := arts[0]
		// The headline is sentence 0 (shortened when sentence 0 is a
		// long first paragraph), or comes after date lines.
		s0 := textnorm.CollapseSpaces(lines[0])
		if a.Title == s0 || strings.HasSuffix(a.Title, "…") && strings.HasPrefix(s0, strings.TrimSuffix(a.Title, "…")) ||
			a.Raw[0].Why == string(whyDate) && a.Raw[a.Raw[0].Number].Role == article.RoleTitle || a.Raw[0].Why == string(whyDate) && a.Raw[1].Why == string(whyDate) && a.Raw[2].Role == article.RoleTitle {
			titleOK++
		} else if testing.Verbose() {
			t.Logf("%s: title %q; sentence 0 %q", id, a.Title, lines[0])
		}
		for _, l := range a.Raw {
			if l.Number < 3 || l.Role == article.RoleBlank {
				continue
			}
			sentences++
			if l.Role == article.RoleBody || l.Role == article.RoleSubhead {
				kept++
			}
		}
	}
	keptShare := float64(kept) / float64(sentences)
	titleShare := float64(titleOK) / float64(nDocs)
	t.Logf("news_ecb: %d docs, %d cleaned to one article, headline found in %.1f%%, %.2f%% of %d body sentences kept",
		nDocs, oneArticle, 100*titleShare, 100*keptShare, sentences)
	if oneArticle != nDocs {
		t.Errorf("%d of %d single-story documents were split or emptied", nDocs-oneArticle, nDocs)
	}
	if titleShare < 0.99 {
		t.Errorf("headline found in %.1f%% of documents, want at least 99%%", 100*titleShare)
	}
	if keptShare < 0.98 {
		t.Errorf("%.2f%% of body sentences kept, want at least 98%%", 100*keptShare)
	}
}
