package library

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/dedupe"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Entry is one article to add, with where it came from.
type Entry struct {
	Article *corpus.Article
	// FetchedFrom is the address the article was downloaded from, when it
	// was ("" for an article read from a file).
	FetchedFrom string
	// FetchedAt is when it was downloaded; zero when unknown.
	FetchedAt time.Time
	// HTML is the page's raw HTML, kept (compressed) so that the article
	// can be extracted again by a better extractor; nil when there is none.
	HTML []byte
}

// DupReason says why an article was taken for a copy of one stored before.
type DupReason string

// The reasons two articles are the same.
const (
	// DupURL: the same canonical address (dedupe.CanonicalURL) and the
	// same title (dedupe.TitleKey). The title is part of it because one
	// page can hold several articles (a multi-item file gives each the
	// page's address).
	DupURL DupReason = "url"
	// DupText: the same body text (see dedupe.BodyHash: the same text
	// whatever the case, accents, quote style, spacing or paragraph
	// breaks) told by the same outlet and via, at no other address
	// (dedupe.RelateSameText). The same text from another outlet is a
	// republication: stored, marked Added.CopyOf.
	DupText DupReason = "text"
)

// Added is an article Add stored.
type Added struct {
	Index int    // its position in the entries given to Add
	ID    string // its stored id
	// Renamed is true when ID is not the article's own id: it had none, an
	// unusable one (see keepableID), or one that another stored article
	// already has.
	Renamed bool
	// CopyOf is the stored id of the article this one republishes (the
	// same text from another outlet or via, or at another address:
	// corpus/dedupe's rule), or "". The article is stored with it.
	CopyOf string
}

// Duplicate is an article Add did not store because it is already there.
type Duplicate struct {
	Index    int    // its position in the entries given to Add
	ID       string // the article's own id
	Existing string // the stored article it matched
	Reason   DupReason
}

// AddResult says what became of each entry given to Add.
type AddResult struct {
	Added      []Added
	Duplicates []Duplicate
}

// Add stores articles, all in one transaction: either every new article of
// the batch is stored, with its body, raw source, HTML and full-text
// index, or (on any error, a full disk, a cancelled ctx) none is. Articles
// already in the library, or earlier in the same batch, are not stored
// again; the result names the stored article each one matched.
//
// A stored article keeps its own id when it is usable and free; otherwise
// it gets a generated id ("a" + 7 base32 characters of its text's hash) or,
// when its id is taken by a different article, its id with "-2", "-3", …
// appended (exact ids always win over prefixes when looking one up).
func (l *Library) Add(ctx context.Context, entries []Entry) (AddResult, error) {
	preps, err := prepareAll(entries)
	if err != nil {
		return AddResult{}, l.fail("add", err)
	}
	var res AddResult
	err = l.write(ctx, "add", func(tx *sql.Tx) error {
		var err error
		res, err = insertPrepared(ctx, tx, preps, nil)
		return err
	})
	return res, err
}

// write runs fn in one write transaction and commits it; any error rolls
// everything back. Errors are given the library's path and op.
func (l *Library) write(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return l.fail(op, err)
	}
	if err := fn(tx); err != nil {
		if rb := tx.Rollback(); rb != nil && !errors.Is(rb, sql.ErrTxDone) {
			err = errors.Join(err, rb)
		}
		return l.fail(op, err)
	}
	if err := tx.Commit(); err != nil {
		return l.fail(op, err)
	}
	return nil
}

// prepared is an entry with everything computed that needs no database:
// the work Add spreads over the cores before its transaction.
type prepared struct {
	index     int
	entry     Entry
	titleKey  any // string, or nil for an empty title
	outletKey any
	canonical any // string, or nil without an address
	hash      []byte
	titleText string // index text of the title
	bodyText  string // index text of the body
	doc       []byte
	html      []byte // compressed, or nil
}

// prepareAll prepares entries on all cores.
func prepareAll(entries []Entry) ([]prepared, error) {
	out := make([]prepared, len(entries))
	errs := make([]error, len(entries))
	workers := min(runtime.GOMAXPROCS(0), len(entries)/8+1)
	var wg sync.WaitGroup
	var next sync.Mutex
	i := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= len(entries) {
					return
				}
				out[k], errs[k] = prepare(k, entries[k])
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// prepare computes an entry's keys, hash, index text and compressed blobs.
func prepare(i int, e Entry) (prepared, error) {
	a := e.Article
	if a == nil {
		return prepared{}, fmt.Errorf("entry %d has no article", i)
	}
	titleKeys := textnorm.Keys(a.Title)
	body := bodyKeys(a)
	p := prepared{
		index:     i,
		entry:     e,
		titleKey:  foldKey(a.Title),
		outletKey: foldKey(a.Outlet),
		hash:      dedupe.BodyHash(a.Title, a.Body),
		titleText: indexText([][]string{titleKeys}),
		bodyText:  indexText(body),
	}
	if c := dedupe.CanonicalURL(a.URL); c != "" {
		p.canonical = c
	}
	var err error
	if p.doc, err = encodeDocument(a); err != nil {
		return p, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if len(e.HTML) > 0 {
		if p.html, err = deflate(e.HTML); err != nil {
			return p, fmt.Errorf("article %s: compress HTML: %w", a.ID, err)
		}
	}
	return p, nil
}

// batchSeen is what an Add batch has stored so far, so that copies within
// one batch are caught before the database's unique indexes would refuse
// them.
type batchSeen struct {
	byHash map[string][]heldText // body hash -> the articles stored with it
	byURL  map[string]string     // canonical URL + "\x00" + title key -> stored id
	ids    map[string]bool
}

// heldText is what the rule reads of a stored article that has a new
// one's body hash: who tells it, where, and what it is a copy of.
type heldText struct {
	id, outlet, via, url, copyOf string
}

// verdict is what an article to add is to those stored: a duplicate of
// existing (not stored), a copy of copyOf (stored, marked), or new.
type verdict struct {
	existing string
	reason   DupReason
	copyOf   string
}

// addStmts are the statements one Add batch runs for each article.
type addStmts struct {
	byHash, byURL, idTaken, article, doc, html, words *sql.Stmt
}

const insertArticleSQL = `INSERT INTO articles (id, title, title_key, dek, outlet, outlet_key, via,
	outlet_profile, author, date, date_offset, date_precision, date_note, url, canonical_url,
	event, story_pin, format, words, source_file, source_start, source_end, body_hash,
	fetched_from, fetched_at, added_at, title_derived, copy_of)
	VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`

func prepareStmts(ctx context.Context, tx *sql.Tx) (*addStmts, error) {
	var s addStmts
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.byHash, `SELECT id, outlet, via, url, copy_of FROM articles WHERE body_hash = ? ORDER BY n`},
		{&s.byURL, `SELECT id FROM articles WHERE canonical_url = ? AND ifnull(title_key, '') = ?`},
		{&s.idTaken, `SELECT 1 FROM articles WHERE id = ?`},
		{&s.article, insertArticleSQL},
		{&s.doc, `INSERT INTO documents (n, doc) VALUES (?, ?)`},
		{&s.html, `INSERT INTO html (n, html) VALUES (?, ?)`},
		{&s.words, `INSERT INTO words (rowid, title, body) VALUES (?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			return nil, err
		}
		*p.dst = st
	}
	return &s, nil
}

// insertPrepared stores prepared articles within tx: their rows, then
// whatever more (when not nil) stores beside them (an import's
// checkpoint), then their full-text entries. Indexing comes last because
// FTS5 writes the entries it holds in memory out to a new segment of its
// index whenever a later statement of the transaction opens a savepoint,
// as every insert into articles does (its trigger makes it one): indexing
// each article beside its row made one segment per article, and merging
// them was a third of an import's time; indexing last makes one segment a
// batch.
func insertPrepared(ctx context.Context, tx *sql.Tx, preps []prepared, more func(AddResult) error) (AddResult, error) {
	var res AddResult
	st, err := prepareStmts(ctx, tx)
	if err != nil {
		return res, err
	}
	seen := batchSeen{byHash: map[string][]heldText{}, byURL: map[string]string{}, ids: map[string]bool{}}
	now := time.Now().Unix()
	var index []ftsRow
	for i := range preps {
		p := &preps[i]
		a := p.entry.Article
		v, err := judge(ctx, st, &seen, p)
		if err != nil {
			return res, fmt.Errorf("article %s: %w", a.ID, err)
		}
		if v.existing != "" {
			res.Duplicates = append(res.Duplicates, Duplicate{Index: p.index, ID: a.ID, Existing: v.existing, Reason: v.reason})
			continue
		}
		id, err := freeID(ctx, st, &seen, a.ID, p.hash)
		if err != nil {
			return res, fmt.Errorf("article %s: %w", a.ID, err)
		}
		n, err := insertOne(ctx, st, p, id, v.copyOf, now)
		if err != nil {
			return res, fmt.Errorf("article %s: %w", a.ID, err)
		}
		index = append(index, ftsRow{n: n, p: p})
		seen.ids[id] = true
		seen.byHash[string(p.hash)] = append(seen.byHash[string(p.hash)],
			heldText{id: id, outlet: a.Outlet, via: a.Via, url: a.URL, copyOf: v.copyOf})
		if p.canonical != nil {
			seen.byURL[urlKey(p)] = id
		}
		res.Added = append(res.Added, Added{Index: p.index, ID: id, Renamed: id != a.ID, CopyOf: v.copyOf})
	}
	if more != nil {
		if err := more(res); err != nil {
			return res, err
		}
	}
	for _, r := range index {
		if _, err := st.words.ExecContext(ctx, r.n, r.p.titleText, r.p.bodyText); err != nil {
			return res, fmt.Errorf("article %s: index: %w", r.p.entry.Article.ID, err)
		}
	}
	return res, nil
}

// ftsRow is an article stored but not yet indexed.
type ftsRow struct {
	n int64
	p *prepared
}

func urlKey(p *prepared) string {
	tk, _ := p.titleKey.(string)
	return p.canonical.(string) + "\x00" + tk
}

// judge applies corpus/dedupe's rule to p and what is stored (and what
// this batch stored), in the loader's order: the same text from the same
// teller (a duplicate), the same address and title (a duplicate), the
// same text otherwise (a copy of the first article that has it, or of
// what that one copies). Unlike the loader, the library does not look for
// one text within another: that needs every paragraph of every article
// stored, and the loader finds such copies among the files read.
func judge(ctx context.Context, st *addStmts, seen *batchSeen, p *prepared) (verdict, error) {
	held, err := sameHash(ctx, st, seen, p.hash)
	if err != nil {
		return verdict{}, err
	}
	a := p.entry.Article
	var v verdict
	for _, h := range held {
		other := &corpus.Article{Outlet: h.outlet, Via: h.via, URL: h.url}
		rel, _ := dedupe.RelateSameText(a, other)
		if rel == dedupe.Duplicate {
			return verdict{existing: h.id, reason: DupText}, nil
		}
		if v.copyOf == "" {
			v.copyOf = cmp.Or(h.copyOf, h.id)
		}
	}
	if id, err := sameAddress(ctx, st, seen, p); err != nil || id != "" {
		return verdict{existing: id, reason: DupURL}, err
	}
	return v, nil
}

// sameHash returns the articles stored with body hash hash: this batch's,
// then the library's, each in the order stored.
func sameHash(ctx context.Context, st *addStmts, seen *batchSeen, hash []byte) ([]heldText, error) {
	rows, err := st.byHash.QueryContext(ctx, hash)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []heldText
	for rows.Next() {
		var h heldText
		if err := rows.Scan(&h.id, &h.outlet, &h.via, &h.url, &h.copyOf); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return append(out, seen.byHash[string(hash)]...), nil
}

// sameAddress returns the stored article with p's canonical address and
// title, if any.
func sameAddress(ctx context.Context, st *addStmts, seen *batchSeen, p *prepared) (string, error) {
	if p.canonical == nil {
		return "", nil
	}
	if id, ok := seen.byURL[urlKey(p)]; ok {
		return id, nil
	}
	tk, _ := p.titleKey.(string)
	var id string
	err := st.byURL.QueryRowContext(ctx, p.canonical, tk).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// freeID picks the stored id of a new article (see Add).
func freeID(ctx context.Context, st *addStmts, seen *batchSeen, own string, hash []byte) (string, error) {
	base := own
	if !keepableID(own) {
		base = generatedID(hash)
	}
	taken := func(id string) (bool, error) {
		if seen.ids[id] {
			return true, nil
		}
		var one int
		err := st.idTaken.QueryRowContext(ctx, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return err == nil, err
	}
	for n := 1; ; n++ {
		id := base
		if n > 1 {
			id = base + "-" + strconv.Itoa(n)
		}
		t, err := taken(id)
		if err != nil {
			return "", err
		}
		if !t {
			return id, nil
		}
	}
}

// insertOne writes one new article: its row, its document, its HTML and
// its full-text entry.
func insertOne(ctx context.Context, st *addStmts, p *prepared, id, copyOf string, now int64) (int64, error) {
	a := p.entry.Article
	var date, fetched any
	offset := 0
	if a.Date.Known() {
		date = a.Date.Time.Unix()
		_, offset = a.Date.Time.Zone()
	}
	if !p.entry.FetchedAt.IsZero() {
		fetched = p.entry.FetchedAt.Unix()
	}
	r, err := st.article.ExecContext(ctx, id, a.Title, p.titleKey, a.Dek, a.Outlet, p.outletKey, a.Via,
		a.OutletProfile, a.Author, date, offset, string(a.Date.Precision), a.Date.Note, a.URL, p.canonical,
		a.Event, a.Story, a.Format, a.Words, a.Source.File, a.Source.StartLine, a.Source.EndLine, p.hash,
		strings.TrimSpace(p.entry.FetchedFrom), fetched, now, a.TitleDerived, copyOf)
	if err != nil {
		return 0, err
	}
	n, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := st.doc.ExecContext(ctx, n, p.doc); err != nil {
		return 0, err
	}
	if p.html != nil {
		if _, err := st.html.ExecContext(ctx, n, p.html); err != nil {
			return 0, err
		}
	}
	return n, nil
}
