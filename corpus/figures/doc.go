// Package figures reads the counted numbers in news text: the value, the
// hedge or bound before it ("at least", "over", "about"), and what it
// counts, with casualty words made one ("killing 27", "27 dead" and "27
// were killed" all count killed). Years, days of the month and numbers
// that count nothing recognisable are left out.
//
// Passage comparison lists the figures passages share; the difference
// rules (corpus/differences) pair figures that disagree. This package
// owns only the reading of one text. It reads tokens (corpus/tokens); it
// must not import corpus, corpus/compare or corpus/differences.
package figures
