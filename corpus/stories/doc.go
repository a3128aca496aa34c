// Package stories groups articles into stories: the accounts of one
// event. It owns Group, the Story value (`pmureader stories --json` prints
// it as it is, so its JSON field names are stable) and Options, and the
// steps of grouping:
//
//  1. features: each article's terms with their counts (stems of title,
//     dek and body, title and dek counted twice, and its names keyed
//     within the article), from the article alone, so that a library
//     computes them once and stores them;
//  2. a vocabulary: terms numbered in the order they first appear, the
//     articles each is in (df), and the classes of spellings of one name
//     (entities' fuzzy joins, made term by term);
//  3. weights: TF-IDF over those statistics, L2-normalised, and each
//     article's strongest terms;
//  4. candidate edges: each article scans a candidate index of strong
//     terms for the articles added before it within relatedDays of its
//     date (an undated article: the undated ones), so an article added
//     later never changes the edges found before it; scores fade to zero
//     as dates drift 7 to 21 days apart beyond their slack;
//  5. average-linkage clustering under the outlet and pin rules, story
//     names, and related stories.
//
// Group runs the steps in memory. The exported steps (Extract,
// FeatureVersion, NewStats, Window, Edge) are what corpus/storystore runs
// over a library, storing what each computes; both number, weigh, scan
// and cluster alike, so a library's grouping of some articles equals
// Group's of the same articles added in the same order.
//
// It builds on corpus (articles), corpus/tokens and corpus/entities, with
// the worker pool and TF-IDF helpers of corpus/internal. It must not
// import corpus/library or anything of SQLite (storystore binds grouping
// to the library), corpus/compare or corpus/differences (comparing
// passages is a separate idea), nor anything that draws on a terminal.
package stories
