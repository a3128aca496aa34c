package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
)

// fuzzKeys are the keys a fuzz input picks from: every binding of every
// view (library, reader, stories: t m; compare: tab shift+tab h l [ ] d z
// left right), plus letters and text. New keys go at the end, so that the
// seeds' bytes below 42 keep their meaning.
var fuzzKeys = []string{
	"enter", "esc", "up", "down", "pgup", "pgdown", "home", "end", "space", "backspace", "tab",
	"ctrl+d", "ctrl+u", "ctrl+f", "ctrl+n", "ctrl+p",
	"j", "k", "g", "G", "s", "S", "/", "f", "?", "n", "N", "r", "u", "c", "q", "b",
	"a", "e", "i", "z", " ", "\"", "’", "é", "漢", "👩‍👩‍👧",
	"t", "d", "l", "h", "m", "shift+tab", "[", "]", "left", "right",
}

// fuzzMsgs decodes fuzz bytes into a sequence of messages: keys, window
// sizes (from 0×0 to 209×69) and mouse wheel and clicks.
func fuzzMsgs(data []byte) []tea.Msg {
	var out []tea.Msg
	next := func(i *int) byte {
		*i++
		if *i < len(data) {
			return data[*i]
		}
		return 0
	}
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case b < 200:
			k := fuzzKeys[int(b)%len(fuzzKeys)]
			if k == "q" || k == "ctrl+c" {
				continue // quitting ends the sequence; tested elsewhere
			}
			out = append(out, keyMsgs(k)...)
		case b < 220:
			w, h := int(next(&i))%210, int(next(&i))%70
			out = append(out, tea.WindowSizeMsg{Width: w, Height: h})
		case b < 230:
			out = append(out, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		case b < 240:
			out = append(out, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
		default:
			x, y := int(next(&i)), int(next(&i))%70
			out = append(out, tea.MouseClickMsg{Button: tea.MouseLeft, X: x, Y: y})
		}
	}
	return out
}

// FuzzModel feeds the root model random keys, mouse events and sizes: it
// must never panic, and every frame must fit the terminal.
func FuzzModel(f *testing.F) {
	f.Add([]byte{200, 80, 24, 23, 4, 5, 0, 1, 36, 200, 40, 12, 26, 2})
	f.Add([]byte{22, 37, 38, 0, 22, 201, 30, 8, 1, 1, 33, 0, 34})
	f.Add([]byte{23, 39, 40, 41, 0, 202, 1, 1, 203, 0, 0, 204, 200, 60})
	// Stories then compare: t m enter, then tab shift+tab d z l h [ ] left
	// right j G, enter (read the passage), esc esc.
	f.Add([]byte{42, 46, 0, 10, 47, 43, 35, 44, 45, 48, 49, 50, 51, 16, 19, 0, 1, 1})
	// Marks then compare, resized small while comparing.
	f.Add([]byte{8, 8, 29, 43, 10, 200, 40, 12, 44, 35, 47, 1, 42, 46, 46})
	arts := append([]*corpus.Article{hostileArticle()}, seedArticles(f)...)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 120 {
			data = data[:120] // long enough to reach every view; keeps execs fast
		}
		hs := newHarness(t, arts, 80, 24)
		w, h := 80, 24
		for _, msg := range fuzzMsgs(data) {
			if ws, ok := msg.(tea.WindowSizeMsg); ok {
				w, h = ws.Width, ws.Height
			}
			hs.send(msg)
			if hs.quit {
				return
			}
			checkFrame(t, hs.m.View().Content, w, h)
		}
	})
}
