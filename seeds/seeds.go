// Package seeds is pmureader's bundled corpus: five scraped news articles on
// US strikes against Iraq's Popular Mobilization Units, kept byte for byte as
// they were scraped, and meta.yaml with what is known about each. It is data
// only; corpus.Load reads it like any other folder.
package seeds

import "embed"

// FS holds the seed articles (*.txt) and their metadata (meta.yaml) at its
// root. It is read-only.
//
//go:embed *.txt meta.yaml
var FS embed.FS
