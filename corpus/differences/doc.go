// Package differences finds how accounts of one event differ, by rules:
// figures that disagree between counterpart passages ("at least 25" killed
// against "27"), who each account quotes or credits ("according to X", "X
// said"), and the labels each outlet puts on the same armed or political
// group ("Iran-backed militias", "people's resistance movement").
//
// It reads one explicit Input: the compared articles' passages with their
// tokens, names and figures, how passages were scored and which alignment
// row each is in, and the resolver that named the entities. It knows
// nothing of how those were computed, so alignment and these rules can
// change apart. The Difference values it returns are part of `pmureader
// compare --json`: their JSON field names are stable.
//
// It must not import corpus/compare (which calls it) or corpus/stories.
package differences
