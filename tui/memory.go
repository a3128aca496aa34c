package tui

// MemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit) for
// the reader listing a library of n articles: what the list keeps of each
// article (its header and its place in the title index: 570 MB of heap
// for a million, BenchmarkLibraryOpen1M) and room for the rest. Without a
// limit, the collector lets the heap grow to twice what is kept before it
// runs, so the garbage of typing "/" over a million titles took the
// reader to 1.06–1.29 GB resident; with this limit, 0.83 GB. The command
// sets it (unless GOMEMLIMIT is set: the user's choice); the TUI touches
// no process-wide setting itself.
func MemoryLimit(n int) int64 {
	const perArticle, rest = 600, 256 << 20
	return rest + int64(n)*perArticle
}
