// Package storystore keeps story grouping in the library: it runs the
// steps of corpus/stories over a corpus/library and stores what each
// computes, so that a start does not regroup the library from scratch,
// adding articles groups only what is new, and a full regroup of a
// million articles runs in bounded memory and resumes after an
// interruption.
//
// What is stored, and why it is enough:
//
//   - each article's features (its terms and counts, from the article
//     alone), once;
//   - the vocabulary: terms numbered as they first appear, their document
//     frequencies and spelling classes, updated with each batch of
//     features: the statistics grouping weighs by;
//   - the edges: each article's candidates among the articles added before
//     it within its reach (stories.Edge). An article added later never
//     changes them, so adding articles scans only the new ones;
//   - the stories, as the library's stories and article assignments.
//
// GroupNew extracts the new articles' features, scans them (loading the
// stretch of the timeline each one can reach), and reclusters the whole
// components (edges at the threshold, and pins) that contain them: a
// component's clustering depends on its own edges alone, so the other
// stories stay as they were. It writes the new edges in one transaction,
// then the round's stories in another, which also marks the new articles
// grouped: an interrupted round is done again by the next.
// Regroup recomputes everything from the stored features with the
// statistics as they are now: a sweep over the timeline in windows
// (bounded memory), then the components in batches, then related
// stories; a checkpoint in the library's grouping state lets an
// interrupted regroup resume where it stopped.
//
// With the same statistics, GroupNew in any number of steps gives what
// Regroup gives, and both give what stories.Group gives for the same
// articles in the order they were added. The statistics move as articles
// are added (every article's weights depend on the df of its terms and on
// the number of articles), and GroupNew recomputes only what new articles
// touch: stories elsewhere keep the weights of when they were grouped
// until a Regroup (Report.Stale says when one is due).
//
// It imports corpus/stories, corpus/library and corpus/entities; it must
// not import anything of the terminal (tui, cmd).
package storystore
