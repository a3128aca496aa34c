// Package differences finds how accounts of one event differ, by rules:
//
//   - facts: one thing counted (killed, injured, missing, arrested,
//     displaced, a crowd, money, a share …, with the noun counted) and
//     the figure each account gives for it, read by corpus/quantity and
//     taken only from counterpart passages, with how the figures relate:
//     conflict (no value satisfies them all: 9 and 12), compatible ("at
//     least 25" and 27) or the same (facts.go; nouns.go says which nouns
//     count the same thing and which figures are asides);
//   - credits: whom each article credits ("according to X", "X said"),
//     each source named once however the article writes it
//     (attributions.go, credits.go);
//   - labels: what each article calls an actor, placed against its name
//     ("the KWU, a militant labor group") or a group noun with describing
//     words ("Iran-backed militias") (appositions.go, labels.go).
//
// It reads one explicit Input: the compared articles' passages with their
// tokens, names and figures, how passages were scored and which alignment
// rows each is in, and the resolver that named the entities. It knows
// nothing of how those were computed, so alignment and these rules can
// change apart. The Difference values it returns are part of `pmureader
// compare --json`: their JSON field names are stable.
//
// It imports corpus/entities, corpus/passages, corpus/quantity,
// corpus/tokens and corpus/textnorm. It must not import corpus/compare
// (which calls it) or corpus/stories.
package differences
