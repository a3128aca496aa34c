package entities

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

//go:embed aliases.txt
var shippedAliases string

// Aliases maps the spellings of entities to one canonical name. The zero
// value is unusable; get one from DefaultAliases, LoadAliases or Merge. An
// Aliases is immutable after construction and safe for concurrent use.
//
// The file format (aliases.txt, and user files given to the CLI with
// --aliases FILE) is one entity per line:
//
//	Canonical Name = variant | variant | ...
//
// with # comments and blank lines ignored. Matching is on word keys
// (textnorm.Keys): case, accents, apostrophes and hyphens do not matter.
type Aliases struct {
	// canon maps a variant key ("ketaib hezbolah") to its canonical name.
	canon map[string]string
	// names lists the canonical names in file order, for Entries.
	names []string
	// variants holds each canonical name's variants as written.
	variants map[string][]string
	// maxWords is the longest variant in words, the longest span lookups try.
	maxWords int
	// blocks indexes the variants for SpelledEntities, built on first use.
	blocksOnce sync.Once
	blocks     map[string][]aliasVariant
}

// AliasEntry is one line of an alias table, for display and tests.
type AliasEntry struct {
	Name     string   `json:"name"`
	Variants []string `json:"variants"`
}

var defaultAliases = sync.OnceValue(func() *Aliases {
	a, err := LoadAliases(strings.NewReader(shippedAliases))
	if err != nil {
		// The shipped file is tested; a broken one is a build mistake.
		panic(fmt.Sprintf("entities: shipped aliases.txt: %v", err))
	}
	return a
})

// DefaultAliases returns the alias table shipped with pmureader
// (corpus/entities/aliases.txt, embedded at build time).
func DefaultAliases() *Aliases { return defaultAliases() }

// LoadAliases parses an alias table in the format described on Aliases. A
// malformed line is an error naming its line number ("line 3: no '=' ...");
// callers add the file name.
func LoadAliases(r io.Reader) (*Aliases, error) {
	a := &Aliases{canon: map[string]string{}, variants: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(textnorm.Line(sc.Text()))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, ok := strings.Cut(line, "=")
		if !ok {
			return nil, &AliasError{Line: n, Msg: fmt.Sprintf("no '=' between the canonical name and its variants: %q", clip(line, 60))}
		}
		name = strings.TrimSpace(name)
		if aliasKey(name) == "" {
			return nil, &AliasError{Line: n, Msg: "empty canonical name before '='"}
		}
		var vs []string
		for i, v := range strings.Split(rest, "|") {
			v = strings.TrimSpace(v)
			if aliasKey(v) == "" {
				return nil, &AliasError{Line: n, Msg: fmt.Sprintf("variant %d of %q is empty", i+1, name)}
			}
			vs = append(vs, v)
		}
		a.add(name, vs)
	}
	if err := sc.Err(); err != nil {
		return nil, &AliasError{Line: n + 1, Msg: err.Error()}
	}
	return a, nil
}

// LoadAliasFile reads a user's alias file; errors name the file and line
// ("my.txt:3: ...").
func LoadAliasFile(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	defer f.Close()
	a, err := LoadAliases(f)
	var ae *AliasError
	if errors.As(err, &ae) {
		ae.File = path
	}
	return a, err
}

// AliasError is a malformed line of an alias table. Error renders
// "FILE:LINE: message", or "line LINE: message" when the file is unknown.
type AliasError struct {
	File string
	Line int
	Msg  string
}

func (e *AliasError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

func (a *Aliases) add(name string, vs []string) {
	if _, seen := a.variants[name]; !seen {
		a.names = append(a.names, name)
	}
	a.variants[name] = append(a.variants[name], vs...)
	for _, v := range append([]string{name}, vs...) {
		k := aliasKey(v)
		a.canon[k] = name
		if w := strings.Count(k, " ") + 1; w > a.maxWords {
			a.maxWords = w
		}
	}
}

// Merge returns a new table holding a's entries and then b's; where both
// define a variant, b wins. Either may be nil.
func (a *Aliases) Merge(b *Aliases) *Aliases {
	out := &Aliases{canon: map[string]string{}, variants: map[string][]string{}}
	for _, t := range []*Aliases{a, b} {
		if t == nil {
			continue
		}
		for _, name := range t.names {
			out.add(name, t.variants[name])
		}
	}
	return out
}

// Canonical returns the canonical name for a spelling, and whether the
// table knows it.
func (a *Aliases) Canonical(name string) (string, bool) {
	if a == nil {
		return "", false
	}
	c, ok := a.canon[aliasKey(name)]
	return c, ok
}

// Entries lists the table in file order.
func (a *Aliases) Entries() []AliasEntry {
	out := make([]AliasEntry, 0, len(a.names))
	for _, n := range a.names {
		out = append(out, AliasEntry{Name: n, Variants: append([]string(nil), a.variants[n]...)})
	}
	return out
}

// aliasKey is the lookup form of a name: its word keys joined by spaces.
func aliasKey(s string) string { return strings.Join(textnorm.Keys(s), " ") }

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
