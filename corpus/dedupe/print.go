package dedupe

import (
	"bytes"
	"crypto/sha256"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// shortBody is the number of words under which a body is too short to
// identify an article on its own ("Read more", a caption), so that the
// text rule takes in its title too.
const shortBody = 20

// sigWords is the least number of words of a paragraph that counts when
// one body is looked for inside another: shorter ones ("Share this",
// "Read more") are in too many articles to tell anything.
const sigWords = 6

// seed keys the in-memory hashes of a Print. It is chosen once per process
// and never changes; prints are compared within one process only (what is
// stored, BodyHash, is SHA-256).
var seed = maphash.MakeSeed()

// Print is what the rule reads of an article, computed once (Hasher.Of):
// hashes of its body and paragraphs, its size, its canonical address with
// its title, and who tells it.
type Print struct {
	body    uint64   // the body's words (the title's too for a short body)
	told    uint64   // body and account together: the same text from the same teller
	paras   []uint64 // the distinct paragraphs of at least sigWords words, sorted
	words   int      // words in the body
	addr    uint64   // CanonicalURL; 0 without an address
	url     uint64   // CanonicalURL and TitleKey; 0 without an address
	account uint64   // who tells it: the folded outlet and via
}

// Hasher computes prints, keeping scratch space from one to the next; the
// zero Hasher is ready to use. A Hasher is not safe for concurrent use: a
// goroutine that prints many articles keeps one.
type Hasher struct {
	buf   []byte   // the body's words, paragraphs joined by a space
	paras [][2]int // each paragraph's words in buf
	title []byte   // the title's words, for a short body
}

// Of computes an article's print.
func (h *Hasher) Of(a *article.Article) Print {
	p := Print{words: h.body(a.Body), account: h.account(a)}
	if p.words < shortBody {
		var mh maphash.Hash
		mh.SetSeed(seed)
		mh.Write(h.titleWords(a.Title))
		mh.Write(h.buf)
		p.body = mh.Sum64()
	} else {
		p.body = maphash.Bytes(seed, h.buf)
	}
	p.paras = make([]uint64, 0, len(h.paras))
	for _, r := range h.paras {
		if para := h.buf[r[0]:r[1]]; countWords(para) >= sigWords {
			p.paras = append(p.paras, maphash.Bytes(seed, para))
		}
	}
	slices.Sort(p.paras)
	p.paras = slices.Compact(p.paras)
	if u := CanonicalURL(a.URL); u != "" {
		h.title = append(append(h.title[:0], u...), 0)
		p.addr = maphash.Bytes(seed, h.title) | 1 // never 0
		h.title = textnorm.AppendFold(h.title, strings.TrimSpace(a.Title))
		p.url = maphash.Bytes(seed, h.title) | 1
	}
	p.told = p.body ^ bits.RotateLeft64(p.account*0x9e3779b97f4a7c15, 31)
	return p
}

// account hashes who tells an article: its outlet and via, folded
// (TitleKey), so that "Antiwar.com" and "antiwar.com" are one teller.
func (h *Hasher) account(a *article.Article) uint64 {
	h.title = textnorm.AppendFold(h.title[:0], strings.TrimSpace(a.Outlet))
	h.title = append(h.title, 0)
	h.title = textnorm.AppendFold(h.title, strings.TrimSpace(a.Via))
	return maphash.Bytes(seed, h.title)
}

// BodyHash identifies an article's text for storing: the first 16 bytes of
// the SHA-256 of what a Print's body hash is taken of, the body's key
// (textnorm.Key of each paragraph, joined by a space), with the title's
// key and a NUL byte in front for a body under 20 words. Copies that
// differ only in case, accents, apostrophes, quote and dash styles,
// spacing or paragraph breaks get the same hash.
func BodyHash(title string, body []article.Paragraph) []byte {
	var h Hasher
	sha := sha256.New()
	if h.body(body) < shortBody {
		sha.Write(h.titleWords(title))
	}
	sha.Write(h.buf)
	return sha.Sum(nil)[:16]
}

// TitleKey is the key under which two titles (or outlet names) are the
// same: textnorm.Fold of the title without surrounding spaces, "" for
// none.
func TitleKey(s string) string { return textnorm.Fold(strings.TrimSpace(s)) }

// body fills buf with the body's key, paragraphs joined by a space, and
// paras with where each paragraph's key is, and returns the number of
// words. The key (textnorm.Key: case, accents and apostrophes folded,
// typographic quotes and dashes made ASCII) is the normalisation: a
// paragraph's spaces are collapsed when it is loaded, so that joining
// paragraphs with a space makes paragraph breaks no matter. It costs
// about 0.6 ns a byte; cutting the text into words as well, to ignore
// punctuation, cost three times that and would catch only copies that
// differ in punctuation alone.
func (h *Hasher) body(body []article.Paragraph) int {
	h.buf, h.paras = h.buf[:0], h.paras[:0]
	n := 0
	for _, p := range body {
		start := len(h.buf)
		if start > 0 {
			h.buf = append(h.buf, ' ')
		}
		from := len(h.buf)
		h.buf = textnorm.AppendKey(h.buf, strings.TrimSpace(p.Text))
		if len(h.buf) == from { // no words: no separator either
			h.buf = h.buf[:start]
			continue
		}
		h.paras = append(h.paras, [2]int{from, len(h.buf)})
		n += countWords(h.buf[from:])
	}
	return n
}

// titleWords returns the title's key and a NUL byte, what a short body's
// hash starts with.
func (h *Hasher) titleWords(title string) []byte {
	h.title = append(textnorm.AppendKey(h.title[:0], strings.TrimSpace(title)), 0)
	return h.title
}

// countWords counts the words of a paragraph's key: one more than its
// spaces (paragraphs come with their spaces collapsed).
func countWords(words []byte) int {
	if len(words) == 0 {
		return 0
	}
	return bytes.Count(words, []byte{' '}) + 1
}
