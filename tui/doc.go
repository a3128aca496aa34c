// Package tui is pmureader's terminal interface, a Bubble Tea v2 program:
// the library (a sortable table of every article, with fuzzy title search
// and word search over bodies), the reader (one article wrapped to the
// terminal, with find-in-article and the raw source), the stories view (the
// stories found, with a coverage timeline), the compare view (2–6
// accounts side by side, passages that report the same thing level, and a
// panel of the differences) and the list of load problems.
//
// It owns the layout and the interaction: which view is shown, keys, the
// help, styles, and how articles, stories and comparisons are drawn into a
// terminal of any size. It computes nothing about the articles themselves;
// loading, searching, grouping and aligning are corpus's, called from
// background jobs.
//
// How it is built:
//
//   - app.go: the root Model. It owns the size, the views (one field each)
//     and which one is shown, the help screen (helpscreen.go), and the
//     background work; it routes keys and the mouse to the shown view and
//     every job's result to the view it is for. Views ask for another view
//     with a message (messages.go), never by calling it.
//   - jobs.go: every background job (load and index, group stories, name
//     them in the title index, compare, the library's searches, the
//     reader's find, open the library, read bodies, read the library's
//     list around the screen, add what was pasted) is started and tracked
//     there, in a tea.Cmd, with a generation per kind; results that are
//     not the latest are dropped. Nothing heavy runs in Update.
//   - The library as a source (store.go, libmode.go, libpage.go,
//     state.go): when Options.Library opens one that holds articles, the
//     list is read from it a window at a time, in the library's order
//     (keyset pages, in a job), the headers are held for the title search
//     and the stories, and bodies are read (Library.Get) before the
//     reader, the compare view or grouping needs them; marks, read and
//     unread, the position in each article and the sort order are written
//     back by one writer goroutine, in order. addline.go is "a" (paste addresses,
//     added in the background through Options.Add); actions.go is "o"
//     (Options.OpenURL), "y" (a passage and its citation to the clipboard,
//     OSC 52 through Bubble Tea, only at that keypress) and "e"
//     (Options.Export).
//   - One file or two per view, each a component with SetSize, Update,
//     View and KeyMap: library.go (+ library_view.go, hits.go), reader.go
//     (+ reader_doc.go, reader_view.go, find.go), stories.go
//     (+ stories_view.go, timeline.go), compare.go (+ compare_view.go,
//     compare_layout.go, and diffpanel.go, a child that answers with
//     messages), problems.go.
//   - Shared pieces: keys.go (every key map; KeyMap never changes state),
//     listcursor.go (the list cursor of the library, stories and
//     differences), frame.go (bar, body and status line, every line fitted
//     to the width), highlight.go (byte spans painted in a cell), and
//     styles.go.
//
// It must not read files or the network (the loader comes in through
// Options.Load, the library through Options.Library, adding, the browser
// and writing reports through Options.Add, OpenURL and Export) nor import
// cmd/pmureader. Of corpus it imports only what it shows and asks: corpus,
// corpus/search, corpus/compare, corpus/library (its types), corpus/stories
// and corpus/textnorm, and the value types of corpus/passages and
// corpus/entities. Terminal text (width, wrapping, cutting) is
// internal/termtext's.
package tui
