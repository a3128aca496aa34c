// Package clean turns scraped text into articles: it finds the headline,
// the dek (standfirst) or photo caption under it, the byline and "Via"
// attribution, removes site chrome, marks subheads and splits a file that
// holds several items. Nothing is thrown away: every line of the source is
// kept in Article.Raw with the role cleaning gave it, and chrome lines carry
// a short Why naming the rule that removed them.
//
// Text cleans a whole plain-text file (headline and dek detection, several
// items); Body cleans the body of a record whose title is known already
// (Markdown, JSON). A Cleaner keeps scratch space from one text to the next
// for a goroutine that cleans many.
//
// The rules are general, in two layers:
//
//   - Line rules (rules.go, lines.go, phrases.go and the tables in
//     tables.go) recognise a line on its own: fixed labels of comment and
//     share widgets ("Notify of", "View all comments"), appeals and
//     boilerplate ("… on Patreon", "views and opinions expressed … do not
//     necessarily represent"), prefixes ("VIDEO:", "Read more:", "Tags:"),
//     keyword lists, dating ads, award badges, bylines ("Author: …",
//     "By …"), attributions ("Via …") and date stamps. They read a line
//     folded by textnorm (lower case, typographic punctuation made ASCII),
//     so that the tables can be written in plain ASCII.
//   - Structure rules (segment.go) use position: the headline is the first
//     headline-shaped line after any category line or section label; the
//     first short line under it is the dek, or a caption when it reads like
//     one; the body runs from the first to the last paragraph of running
//     text (a line that ends a sentence, or a long one); short lines without
//     sentence punctuation inside it are subheads, those between the head
//     and the body are page furniture, and those after it (runs of related
//     headlines, trailing links) are chrome; a comment widget after the
//     text ends the article, reader comments included; a bio that opens
//     with the byline's name, or that ends the text ("X is Senior Editor for
//     Y"), is chrome; short lines that repeat are chrome; and a lone
//     bulleted paragraph set off after the body starts a new item.
//
// Input lines must already be sanitised (textnorm.Sanitize); cleaning adds
// no characters of its own beyond a list marker it keeps.
//
// clean imports corpus/internal/article (the types it fills),
// corpus/textnorm and corpus/internal/swar. It must not import corpus, the
// formats or the loader (they call it), nor anything of the terminal.
package clean
