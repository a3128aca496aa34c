package format

import (
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// fileStem is a file's name without directory and extension: the id of the
// article it holds.
func fileStem(p string) string {
	base := path.Base(filepath.ToSlash(p))
	return SafeText(strings.TrimSuffix(base, path.Ext(base)))
}

// numberedID is the id of the n-th (1-based) article of a file whose first
// article has id stem: stem, stem-2, stem-3, …
func numberedID(stem string, n int) string {
	if n <= 1 {
		return stem
	}
	return stem + "-" + strconv.Itoa(n)
}

// plural renders "1 noun" or "N nouns".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// numberedRecordID is the id of the n-th record of a JSON file that gives
// none: "stem-n".
func numberedRecordID(stem string, n int) string {
	return fmt.Sprintf("%s-%d", stem, n)
}
