package tui

import "testing"

// The list cursor moves as the navigation keys ask, stays in the list and
// keeps the list scrolled so that it is on screen.
func TestListCursor(t *testing.T) {
	const n, vis = 20, 5
	for _, tc := range []struct {
		name    string
		from    listCursor
		move    navMove
		at, top int
	}{
		{"down", listCursor{at: 0}, navDown, 1, 0},
		{"down past the page scrolls", listCursor{at: 4, top: 0}, navDown, 5, 1},
		{"up at the top stays", listCursor{at: 0}, navUp, 0, 0},
		{"up past the page scrolls", listCursor{at: 5, top: 5}, navUp, 4, 4},
		{"page down", listCursor{at: 2}, navPageDown, 7, 3},
		{"page up", listCursor{at: 12, top: 10}, navPageUp, 7, 7},
		{"half page down", listCursor{at: 2}, navHalfDown, 4, 0},
		{"half page up", listCursor{at: 12, top: 10}, navHalfUp, 10, 10},
		{"bottom", listCursor{at: 3}, navBottom, 19, 15},
		{"top", listCursor{at: 17, top: 15}, navTop, 0, 0},
		{"page down at the end stays on the last", listCursor{at: 18, top: 15}, navPageDown, 19, 15},
	} {
		c := tc.from
		c.navigate(tc.move, n, vis)
		c.clamp(n, vis)
		if c.at != tc.at || c.top != tc.top {
			t.Errorf("%s: at %d top %d, want at %d top %d", tc.name, c.at, c.top, tc.at, tc.top)
		}
	}
	// A list that shrank under the cursor, and an empty one.
	c := listCursor{at: 15, top: 12}
	c.clamp(4, vis)
	if c.at != 3 || c.top != 0 {
		t.Errorf("shrunk to 4: at %d top %d, want 3 and 0", c.at, c.top)
	}
	c.navigate(navDown, 0, vis)
	c.clamp(0, vis)
	if c.at != 0 || c.top != 0 {
		t.Errorf("empty list: at %d top %d", c.at, c.top)
	}
}
