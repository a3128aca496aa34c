package tui

// listCursor is a selection in a list drawn a page at a time: the entry
// under the cursor and the first entry on screen. The library, the stories
// view and the differences panel keep one each. The list's length and how
// many entries fit are given to every call, since both change under the
// cursor (results arrive; the stories view's detail grows or shrinks with
// the story selected, so it measures the page after the cursor moves).
type listCursor struct {
	at  int // the selected entry
	top int // the first entry on screen
}

// within keeps the cursor on an entry of a list of n.
func (c *listCursor) within(n int) { c.at = min(max(c.at, 0), max(n-1, 0)) }

// clamp keeps the cursor in a list of n entries and the list scrolled so
// that it is among the vis entries on screen.
func (c *listCursor) clamp(n, vis int) {
	c.within(n)
	if c.at < c.top {
		c.top = c.at
	}
	if c.at >= c.top+vis {
		c.top = c.at - vis + 1
	}
	c.top = min(max(c.top, 0), max(n-vis, 0))
}

// reset puts the cursor on the first entry, at the top.
func (c *listCursor) reset() { c.at, c.top = 0, 0 }

// navigate moves the cursor as a navigation key asks, in a list of n
// entries of which vis fit: a page is vis entries, half a page at least
// one. It keeps the cursor in the list; scrolling to it is clamp's.
func (c *listCursor) navigate(m navMove, n, vis int) {
	switch m {
	case navTop:
		c.at = 0
	case navBottom:
		c.at = n - 1
	default:
		c.at += m.delta(vis, max(vis/2, 1), n)
	}
	c.within(n)
}
