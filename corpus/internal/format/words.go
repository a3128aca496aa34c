package format

import (
	"math/bits"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// bodyWords counts the words of a body: runs of characters other than
// space and line break. Body text has been through textnorm.Sanitize, which
// turns every other kind of white space into a plain space, so this equals
// strings.Fields without decoding UTF-8 (no byte of a multi-byte character
// is a space or a line break).
func bodyWords(body []article.Paragraph) int {
	n := 0
	for _, p := range body {
		n += countFields(p.Text)
	}
	return n
}

// countFields counts the runs of bytes other than ' ' and '\n' in s. It
// looks at eight bytes at a time (SWAR): this runs over every byte of every
// body. countFieldsBytewise is the plain definition it is tested against.
func countFields(s string) int {
	n := 0
	// prev has the high bit of byte 0 set when the byte before the
	// current word is a separator (the start of s counts as one).
	prev := uint64(0x80)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s[i : i+8])
		space := swar.Equal(x, ' ') | swar.Equal(x, '\n')
		starts := ^space & swar.High & (space<<8 | prev)
		n += bits.OnesCount64(starts)
		prev = space >> 56
	}
	sep := prev != 0
	for ; i < len(s); i++ {
		cur := s[i] == ' ' || s[i] == '\n'
		if sep && !cur {
			n++
		}
		sep = cur
	}
	return n
}
