// Package dedupe owns pmureader's one rule for telling copies of an
// article apart from independent accounts: the normalisation two copies of
// one text meet under, the canonical form of an address, and the rule that
// decides whether two articles are the same article (an exact duplicate,
// loaded or stored once), a republication (one copies the other, with a
// "Via" line, another outlet's name or an extra paragraph: kept, marked
// Article.CopyOf) or independent.
//
// The rule (see Index.Check for the details):
//   - the same article: the same body text (its paragraphs' textnorm.Key:
//     case, accents, apostrophes, quote and dash styles, spacing and
//     paragraph breaks aside; a body under 20 words counts its title too)
//     told by the same outlet and "via" (folded), unless both have
//     addresses and they differ; or the same canonical address
//     (CanonicalURL) and the same folded title (TitleKey). An address
//     alone is not enough: one page can hold several articles (the bundled
//     002 and 002-2 share one);
//   - a republication: the same body text told by another outlet or via
//     another, or published at two addresses, or one body's paragraphs
//     all in the other (each paragraph
//     of at least 6 words; the one contained has at least two and 50 words,
//     and at least half the words of the other). The copy is the one with
//     a "Via" when only one has one, else the later when both are dated,
//     else the one with the extra paragraphs, else the one read later.
//
// corpus's loader applies the rule within a load (Index), and
// corpus/library against what is stored: the same-text half through
// RelateSameText on the stored articles with the same BodyHash, the
// address half through CanonicalURL and TitleKey. It stores a duplicate
// once and a republication marked, as the loader loads them; only "one
// text within the other" is the loader's alone (it needs every paragraph).
//
// A Print costs one pass over the body (textnorm.AppendKey, about 0.6 ns a
// byte, and a hash); Index.Check and Add cost a map lookup for the body and
// the address and one per paragraph. BenchmarkIndex measures about 5 µs of
// CPU an article of 3.5 KB in all, so 0.5 CPU-seconds for 100,000 (the
// prints are made on every core, the index is filled on one).
//
// dedupe imports corpus/internal/article and corpus/textnorm; it must not
// import corpus (whose loader uses it), nor anything of the terminal.
package dedupe
