// Package tokens analyses the words of a text for story grouping and
// passage comparison: each word's byte range, folded key, Snowball stem and
// flags (stop word, number, capitalised, acronym, possessive), its casualty
// class ("killing", "dead" → killed), the calendar words (months,
// weekdays) that dates are made of, the reporting and attribution words
// ("said", "according", "spokesman") that say who told, and the light
// verbs ("carried out", "took place") whose object names the action.
//
// It owns the per-word analysis and the stem memo that makes it cheap on
// large corpora (a Memo for each worker). Word segmentation, folding and stemming themselves are
// corpus/textnorm's; this package only combines them.
//
// It must not import corpus (articles), nor any package that groups,
// compares or finds names: those build on it.
package tokens
