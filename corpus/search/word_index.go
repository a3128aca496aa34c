package search

import (
	"encoding/binary"
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pmureader/pmureader/corpus"
)

// wordIndex is an inverted index of body words with positions.
//
// Every body word (textnorm.Words) gets a position: 0, 1, 2, … through the
// body, with one position left out between paragraphs, so that consecutive
// positions always lie in one paragraph (phrases never cross one).
//
// Each key's postings are one byte slice, compact and appended to as
// articles are added. Per document containing the key:
//
//	uvarint(doc - previous doc)   (previous is -1 before the first)
//	uvarint(tf)                   occurrences in the document
//	uvarint(n)                    bytes of the positions that follow
//	tf × uvarint(position delta)  first from 0, then from the previous
//
// The byte count lets a search that needs no positions skip them.
type wordIndex struct {
	dict   map[string]int32
	terms  []postings
	docLen []int32 // words per document
	total  int64   // words in all documents
	keys   []string
}

type postings struct {
	buf  []byte
	df   int32 // documents containing the key
	last int32 // last document added, -1 before any
}

// builder indexes a contiguous run of documents on one goroutine.
type builder struct {
	ws      wordScanner
	onWord  func(start, end int, key []byte)
	doc     int32   // the document being added
	pos     int32   // position of the next word
	n       int32   // words so far in the document
	table   []int32 // open addressing: local term id + 1, 0 when empty
	seed    maphash.Seed
	short   []shortSlot // keys of up to 7 bytes, packed in a word
	nshort  int
	terms   []localTerm
	touched []int32
	scratch []byte
	docLen  []int32
	total   int64
}

type localTerm struct {
	key  string
	hash uint64
	p    postings
	cur  int32 // document whose positions are being collected
	poss []int32
}

// word records one word of the current document.
func (b *builder) word(_, _ int, key []byte) {
	id := b.lookup(key)
	t := &b.terms[id]
	if t.cur != b.doc {
		t.cur = b.doc
		t.poss = t.poss[:0]
		b.touched = append(b.touched, id)
	}
	t.poss = append(t.poss, b.pos)
	b.pos++
	b.n++
}

// shortSlot maps a packed short key (bytes and length) to its local id + 1.
type shortSlot struct {
	key uint64
	id  int32
}

// packShort packs a key of up to 7 bytes with its length in the top byte,
// so that different keys always pack differently.
func packShort(key []byte) uint64 {
	v := uint64(len(key)) << 56
	for i, c := range key {
		v |= uint64(c) << (8 * i)
	}
	return v
}

// lookupShort is lookup for keys of up to 7 bytes (most words): one
// integer compare per probe, no string hashing.
func (b *builder) lookupShort(key []byte) int32 {
	if b.nshort*2 >= len(b.short) {
		old := b.short
		b.short = make([]shortSlot, max(1024, 2*len(old)))
		for _, e := range old {
			if e.id != 0 {
				b.placeShort(e)
			}
		}
	}
	v := packShort(key)
	mask := uint64(len(b.short) - 1)
	for i := (v * 0x9E3779B97F4A7C15) >> 32 & mask; ; i = (i + 1) & mask {
		e := &b.short[i]
		if e.id == 0 {
			id := b.lookupLong(key)
			*e = shortSlot{v, id + 1}
			b.nshort++
			return id
		}
		if e.key == v {
			return e.id - 1
		}
	}
}

func (b *builder) placeShort(e shortSlot) {
	mask := uint64(len(b.short) - 1)
	i := (e.key * 0x9E3779B97F4A7C15) >> 32 & mask
	for b.short[i].id != 0 {
		i = (i + 1) & mask
	}
	b.short[i] = e
}

// lookup returns the local id of key, adding it if new.
func (b *builder) lookup(key []byte) int32 {
	if len(key) <= 7 {
		return b.lookupShort(key)
	}
	return b.lookupLong(key)
}

// lookupLong returns the local id of key, adding it if new. A hash table of
// its own (linear probing over int32 ids, hashes kept with the terms) is
// several times faster here than a map[string]int32, which matters at tens
// of millions of words.
func (b *builder) lookupLong(key []byte) int32 {
	if len(b.terms)*2 >= len(b.table) {
		b.grow()
	}
	h := maphash.Bytes(b.seed, key)
	mask := uint64(len(b.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := b.table[i]
		if e == 0 {
			id := int32(len(b.terms))
			b.table[i] = id + 1
			b.terms = append(b.terms, localTerm{key: string(key), hash: h, p: postings{last: -1}, cur: -1})
			return id
		}
		if t := &b.terms[e-1]; t.hash == h && t.key == string(key) {
			return e - 1
		}
	}
}

func (b *builder) grow() {
	n := max(1024, 2*len(b.table))
	b.table = make([]int32, n)
	mask := uint64(n - 1)
	for id := range b.terms {
		i := b.terms[id].hash & mask
		for b.table[i] != 0 {
			i = (i + 1) & mask
		}
		b.table[i] = int32(id) + 1
	}
}

func (b *builder) addDoc(doc int32, a *corpus.Article) {
	b.touched = b.touched[:0]
	b.doc, b.pos, b.n = doc, 0, 0
	if b.onWord == nil {
		b.onWord = b.word
	}
	for _, p := range a.Body {
		b.ws.scan(p.Text, b.onWord)
		b.pos++ // the gap between paragraphs
	}
	n := b.n
	b.docLen = append(b.docLen, n)
	b.total += int64(n)
	for _, id := range b.touched {
		t := &b.terms[id]
		b.scratch = b.scratch[:0]
		prev := int32(0)
		for _, p := range t.poss {
			b.scratch = binary.AppendUvarint(b.scratch, uint64(p-prev))
			prev = p
		}
		t.p.buf = binary.AppendUvarint(t.p.buf, uint64(doc-t.p.last))
		t.p.buf = binary.AppendUvarint(t.p.buf, uint64(len(t.poss)))
		t.p.buf = binary.AppendUvarint(t.p.buf, uint64(len(b.scratch)))
		t.p.buf = append(t.p.buf, b.scratch...)
		t.p.last = doc
		t.p.df++
	}
}

// buildParts indexes articles (documents base, base+1, …) into one local
// index per core. It touches nothing shared, so Index.Add runs it without
// holding the lock searches need.
func buildParts(base int, articles []*corpus.Article) []*builder {
	workers := runtime.GOMAXPROCS(0)
	if len(articles) < 64*workers {
		workers = 1
	}
	parts := make([]*builder, workers)
	var wg sync.WaitGroup
	for k := range workers {
		lo, hi := k*len(articles)/workers, (k+1)*len(articles)/workers
		b := &builder{seed: maphash.MakeSeed()}
		parts[k] = b
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				b.addDoc(int32(base+i), articles[i])
			}
		}()
	}
	wg.Wait()
	return parts
}

// merge appends local indexes, in document order, to the shared one.
func (w *wordIndex) merge(parts []*builder) {
	if w.dict == nil {
		w.dict = make(map[string]int32)
	}
	var newKeys []string
	for _, b := range parts {
		w.docLen = append(w.docLen, b.docLen...)
		w.total += b.total
		for i := range b.terms {
			lt := &b.terms[i]
			id, ok := w.dict[lt.key]
			if !ok {
				id = int32(len(w.terms))
				w.dict[lt.key] = id
				w.terms = append(w.terms, postings{last: -1})
				newKeys = append(newKeys, lt.key)
			}
			g := &w.terms[id]
			d0, n := binary.Uvarint(lt.p.buf)
			first := int32(d0) - 1 // the local list started from -1
			g.buf = binary.AppendUvarint(g.buf, uint64(first-g.last))
			g.buf = append(g.buf, lt.p.buf[n:]...)
			g.last = lt.p.last
			g.df += lt.p.df
		}
	}
	slices.Sort(newKeys)
	w.keys = mergeSorted(w.keys, newKeys)
}

// mergeSorted merges two sorted string slices.
func mergeSorted(a, b []string) []string {
	if len(a) == 0 {
		return b
	}
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] <= b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// cursor walks one key's postings.
type cursor struct {
	buf  []byte
	i    int
	doc  int32
	tf   int32
	pos  []byte // the current document's encoded positions
	done bool
}

func newCursor(p *postings) cursor { return cursor{buf: p.buf, doc: -1} }

// next moves to the next document; false at the end.
func (c *cursor) next() bool {
	if c.i >= len(c.buf) {
		c.done = true
		return false
	}
	d, n := binary.Uvarint(c.buf[c.i:])
	c.i += n
	tf, n := binary.Uvarint(c.buf[c.i:])
	c.i += n
	nb, n := binary.Uvarint(c.buf[c.i:])
	c.i += n
	c.doc += int32(d)
	c.tf = int32(tf)
	c.pos = c.buf[c.i : c.i+int(nb)]
	c.i += int(nb)
	return true
}

// positions decodes the current document's positions into dst.
func (c *cursor) positions(dst []int32) []int32 {
	dst = dst[:0]
	var p int32
	for i := 0; i < len(c.pos); {
		d, n := binary.Uvarint(c.pos[i:])
		i += n
		p += int32(d)
		dst = append(dst, p)
	}
	return dst
}

// docList is a term's documents, ascending, with its frequency in each.
type docList struct {
	docs []int32
	tfs  []int32
}

// list returns the documents of one key.
func (w *wordIndex) list(key string) docList {
	id, ok := w.dict[key]
	if !ok {
		return docList{}
	}
	p := &w.terms[id]
	l := docList{docs: make([]int32, 0, p.df), tfs: make([]int32, 0, p.df)}
	c := newCursor(p)
	for c.next() {
		l.docs = append(l.docs, c.doc)
		l.tfs = append(l.tfs, c.tf)
	}
	return l
}

// prefixKeys returns the indexed keys that begin with prefix.
func (w *wordIndex) prefixKeys(prefix string) []string {
	i := sort.SearchStrings(w.keys, prefix)
	j := i
	for j < len(w.keys) && strings.HasPrefix(w.keys[j], prefix) {
		j++
	}
	return w.keys[i:j]
}

// termList returns the documents where a term occurs.
func (w *wordIndex) termList(t *term) docList {
	switch {
	case len(t.keys) > 1:
		return w.phraseList(t.keys)
	case t.prefix:
		keys := w.prefixKeys(t.keys[0])
		if len(keys) == 1 {
			return w.list(keys[0])
		}
		tf := make([]int32, len(w.docLen))
		var docs []int32
		for _, k := range keys {
			c := newCursor(&w.terms[w.dict[k]])
			for c.next() {
				if tf[c.doc] == 0 {
					docs = append(docs, c.doc)
				}
				tf[c.doc] += c.tf
			}
		}
		slices.Sort(docs)
		l := docList{docs: docs, tfs: make([]int32, len(docs))}
		for i, d := range docs {
			l.tfs[i] = tf[d]
		}
		return l
	default:
		return w.list(t.keys[0])
	}
}

// phraseList returns the documents where keys occur at consecutive
// positions, with how often.
func (w *wordIndex) phraseList(keys []string) docList {
	cs := make([]cursor, len(keys))
	for i, k := range keys {
		id, ok := w.dict[k]
		if !ok {
			return docList{}
		}
		cs[i] = newCursor(&w.terms[id])
		if !cs[i].next() {
			return docList{}
		}
	}
	var l docList
	var first, other []int32
	for {
		// Align all cursors on one document.
		hi := cs[0].doc
		for i := range cs {
			hi = max(hi, cs[i].doc)
		}
		aligned := true
		for i := range cs {
			for cs[i].doc < hi {
				if !cs[i].next() {
					return l
				}
			}
			if cs[i].doc != hi {
				aligned = false
			}
		}
		if !aligned {
			continue
		}
		first = cs[0].positions(first)
		cand := first
		for j := 1; j < len(cs) && len(cand) > 0; j++ {
			other = cs[j].positions(other)
			cand = keepFollowed(cand, other, int32(j))
		}
		if len(cand) > 0 {
			l.docs = append(l.docs, hi)
			l.tfs = append(l.tfs, int32(len(cand)))
		}
		if !cs[0].next() {
			return l
		}
	}
}

// keepFollowed keeps the start positions p of cand (ascending) for which
// p+off is in other (ascending), in place.
func keepFollowed(cand, other []int32, off int32) []int32 {
	out := cand[:0]
	j := 0
	for _, p := range cand {
		for j < len(other) && other[j] < p+off {
			j++
		}
		if j < len(other) && other[j] == p+off {
			out = append(out, p)
		}
	}
	return out
}

// search returns the documents containing every term, scored.
func (w *wordIndex) search(wq *wordQuery) []docScore {
	n := len(w.docLen)
	if n == 0 {
		return nil
	}
	lists := make([]docList, len(wq.terms))
	for i := range wq.terms {
		lists[i] = w.termList(&wq.terms[i])
		if len(lists[i].docs) == 0 {
			return nil
		}
	}
	// Intersect, smallest list first.
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return len(lists[a].docs) - len(lists[b].docs) })
	docs := slices.Clone(lists[order[0]].docs)
	for _, i := range order[1:] {
		docs = intersect(docs, lists[i].docs)
		if len(docs) == 0 {
			return nil
		}
	}
	// Frequencies aligned with docs, per term in query order.
	tfs := make([][]int32, len(lists))
	idfs := make([]float64, len(lists))
	for i, l := range lists {
		idfs[i] = idf(int32(len(l.docs)), n)
		tfs[i] = make([]int32, len(docs))
		j := 0
		for k, d := range docs {
			for l.docs[j] < d {
				j++
			}
			tfs[i][k] = l.tfs[j]
		}
	}
	avgdl := w.avgdl()
	out := make([]docScore, len(docs))
	row := make([]int32, len(lists))
	for k, d := range docs {
		var m int32
		for i := range lists {
			row[i] = tfs[i][k]
			m += row[i]
		}
		out[k] = docScore{doc: d, matches: m, score: bm25(row, idfs, w.docLen[d], avgdl)}
	}
	return out
}

func (w *wordIndex) avgdl() float64 {
	if w.total == 0 {
		return 1
	}
	return float64(w.total) / float64(len(w.docLen))
}

// intersect keeps the documents of a (ascending) that are also in b
// (ascending), in place.
func intersect(a, b []int32) []int32 {
	out := a[:0]
	j := 0
	for _, d := range a {
		for j < len(b) && b[j] < d {
			j++
		}
		if j == len(b) {
			break
		}
		if b[j] == d {
			out = append(out, d)
		}
	}
	return out
}
