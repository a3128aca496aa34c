package library

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Checkpoint is how far an import of one source has got, stored in the
// same transaction as the articles it counts, so that an interrupted
// import (Ctrl-C, a crash, a full disk) resumes exactly after the last
// batch stored.
type Checkpoint struct {
	Source string // the source's absolute path
	// Size and Head (SHA-256 of the first 64 KB) identify the file the
	// import began on: a different file at the same path starts afresh.
	Size int64
	Head []byte
	// Offset is how many bytes of the source are imported; always at a
	// line end.
	Offset     int64
	Records    int // non-blank lines read
	Lines      int // lines read
	Added      int
	Duplicates int
	Problems   int // records skipped or repaired (see corpus.Problem)
	StartedAt  time.Time
	UpdatedAt  time.Time
	Done       bool // the whole source was read
}

// Checkpoint returns the stored checkpoint of a source (an absolute path),
// and whether there is one.
func (l *Library) Checkpoint(ctx context.Context, source string) (Checkpoint, bool, error) {
	var cp Checkpoint
	var started, updated int64
	var finished sql.NullInt64
	err := l.r.QueryRowContext(ctx, `SELECT source, size, head, pos, records, lines, added, duplicates,
		problems, started_at, updated_at, finished_at FROM imports WHERE source = ?`, source).
		Scan(&cp.Source, &cp.Size, &cp.Head, &cp.Offset, &cp.Records, &cp.Lines, &cp.Added, &cp.Duplicates,
			&cp.Problems, &started, &updated, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return Checkpoint{}, false, nil
	}
	if err != nil {
		return cp, false, l.fail("read checkpoint of "+source, err)
	}
	cp.StartedAt, cp.UpdatedAt = time.Unix(started, 0).UTC(), time.Unix(updated, 0).UTC()
	cp.Done = finished.Valid
	return cp, true, nil
}

// AddWithCheckpoint is Add that also stores a checkpoint in the same
// transaction: either the batch and the checkpoint are both stored or
// neither is. cp is called inside the transaction with the batch's result
// and returns the checkpoint to store (counting this batch's Added and
// Duplicates; UpdatedAt is set here). An importer of its own source
// (corpus.Stream over a folder, say) calls it once per batch and, after an
// interruption, resumes from Checkpoint.
func (l *Library) AddWithCheckpoint(ctx context.Context, entries []Entry, cp func(AddResult) Checkpoint) (AddResult, error) {
	preps, err := prepareAll(entries)
	if err != nil {
		return AddResult{}, l.fail("import", err)
	}
	return l.commitBatch(ctx, preps, func(res AddResult) []Checkpoint { return []Checkpoint{cp(res)} })
}

// commitBatch stores prepared articles and the checkpoints cps makes of the
// result in one transaction.
func (l *Library) commitBatch(ctx context.Context, preps []prepared, cps func(AddResult) []Checkpoint) (AddResult, error) {
	var res AddResult
	err := l.write(ctx, "import", func(tx *sql.Tx) error {
		var err error
		res, err = insertPrepared(ctx, tx, preps, func(res AddResult) error {
			for _, cp := range cps(res) {
				if err := saveCheckpoint(ctx, tx, cp); err != nil {
					return err
				}
			}
			return nil
		})
		return err
	})
	return res, err
}

func saveCheckpoint(ctx context.Context, tx *sql.Tx, cp Checkpoint) error {
	var finished any
	now := time.Now().Unix()
	if cp.Done {
		finished = now
	}
	started := cp.StartedAt.Unix()
	if cp.StartedAt.IsZero() {
		started = now
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO imports (source, size, head, pos, records, lines, added,
		duplicates, problems, started_at, updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (source) DO UPDATE SET size = excluded.size, head = excluded.head, pos = excluded.pos,
		records = excluded.records, lines = excluded.lines, added = excluded.added,
		duplicates = excluded.duplicates, problems = excluded.problems, started_at = excluded.started_at,
		updated_at = excluded.updated_at, finished_at = excluded.finished_at`,
		cp.Source, cp.Size, cp.Head, cp.Offset, cp.Records, cp.Lines, cp.Added, cp.Duplicates, cp.Problems,
		started, now, finished)
	return err
}
