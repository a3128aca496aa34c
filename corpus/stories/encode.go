package stories

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// encodingVersion is the version of extraction and of the feature
// encoding; change it whenever either changes, and every stored article
// is extracted again.
const encodingVersion = 1

// FeatureVersion is the version of the features Extract gives with this
// alias table (nil for the default): the encoding's version and the
// table's entries, hashed. A store keeps features with their version;
// features of another version are stale.
func FeatureVersion(al *entities.Aliases) int {
	if al == nil {
		al = entities.DefaultAliases()
	}
	h := fnv.New32a()
	fmt.Fprintf(h, "pmureader story features %d\n", encodingVersion)
	for _, e := range al.Entries() {
		fmt.Fprintf(h, "%q=%q\n", e.Name, e.Variants)
	}
	return int(h.Sum32() & 0x7fffffff)
}

// docMeta is what grouping needs of an article beside its terms: what
// the outlet and pin rules read, the name a story may take from it, and
// its date's precision (the store keeps the date itself).
type docMeta struct {
	outlet, pin, name, copyOf string
	precision                 corpus.Precision
}

func metaOf(a *corpus.Article) docMeta {
	return docMeta{outlet: a.Outlet, pin: a.Story, name: articleName(a), copyOf: a.CopyOf, precision: a.Date.Precision}
}

// Extracted is one article's features before a store numbers its terms.
type Extracted struct {
	Terms  []string // term texts, in the order they first appear
	Counts []int32  // weighted counts, by term
	meta   docMeta
}

// Extract computes the features of articles on workers goroutines (0:
// GOMAXPROCS). An article's features depend on it alone (and the alias
// table, nil for the default).
func Extract(ctx context.Context, articles []*corpus.Article, al *entities.Aliases, workers int) ([]Extracted, error) {
	if al == nil {
		al = entities.DefaultAliases()
	}
	e, err := extractAll(ctx, articles, al, pool.Workers(workers, len(articles)), nil)
	if err != nil {
		return nil, err
	}
	out := make([]Extracted, len(articles))
	for i, ts := range e.terms {
		x := Extracted{Terms: make([]string, len(ts)), Counts: make([]int32, len(ts)), meta: metaOf(articles[i])}
		for k, t := range ts {
			x.Terms[k], x.Counts[k] = e.text(i, t.id), t.n
		}
		out[i] = x
	}
	return out, nil
}

// blobFormat is the first byte of an encoding.
const blobFormat = 1

// precisions codes date precisions in an encoding.
var precisions = []corpus.Precision{corpus.PrecisionUnknown, corpus.PrecisionDay, corpus.PrecisionApproximate,
	corpus.PrecisionMonth, corpus.PrecisionYear}

// Encode encodes an article's features with the ids a store gave its
// terms (ids[k] for Terms[k], distinct, below 2³¹), for storing.
func (x *Extracted) Encode(ids []int64) ([]byte, error) {
	if len(ids) != len(x.Terms) {
		return nil, fmt.Errorf("stories: %d ids for %d terms", len(ids), len(x.Terms))
	}
	order := make([]int, len(ids))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(ids[a], ids[b]) })
	b := []byte{blobFormat}
	b = binary.AppendUvarint(b, uint64(max(0, slices.Index(precisions, x.meta.precision))))
	for _, s := range []string{x.meta.outlet, x.meta.pin, x.meta.name, x.meta.copyOf} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(ids)))
	prev := int64(-1)
	for _, k := range order {
		if ids[k] <= prev || ids[k] > 1<<31-1 {
			return nil, fmt.Errorf("stories: term id %d out of order or range", ids[k])
		}
		b = binary.AppendUvarint(b, uint64(ids[k]-prev))
		b = binary.AppendUvarint(b, uint64(x.Counts[k]))
		prev = ids[k]
	}
	return b, nil
}

var errBlob = errors.New("damaged features")

// decode reads an encoding back: the metadata and the terms, by id.
func decode(b []byte) (docMeta, []termCount, error) {
	var m docMeta
	if len(b) == 0 || b[0] != blobFormat {
		return m, nil, errBlob
	}
	r := blobReader{b: b[1:]}
	p := r.uvarint()
	if p >= uint64(len(precisions)) {
		return m, nil, errBlob
	}
	m.precision = precisions[p]
	m.outlet, m.pin, m.name, m.copyOf = r.str(), r.str(), r.str(), r.str()
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		return m, nil, errBlob
	}
	ts := make([]termCount, n)
	id := int64(-1)
	for k := range ts {
		id += int64(r.uvarint())
		c := r.uvarint()
		if id > 1<<31-1 || c > 1<<31-1 {
			r.bad = true
		}
		ts[k] = termCount{int32(id), int32(c)}
	}
	if r.bad || len(r.b) != 0 {
		return m, nil, errBlob
	}
	return m, ts, nil
}

// blobReader reads an encoding; bad records the first fault.
type blobReader struct {
	b   []byte
	bad bool
}

func (r *blobReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *blobReader) str() string {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// StoredTerms returns the term ids of stored features, ascending: what
// recounting the vocabulary's df reads.
func StoredTerms(data []byte) ([]int64, error) {
	_, ts, err := decode(data)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(ts))
	for k, t := range ts {
		out[k] = int64(t.id)
	}
	return out, nil
}
