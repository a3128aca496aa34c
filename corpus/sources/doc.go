// Package sources owns bringing outside articles into pmureader's library:
// "add these references" (web addresses, files, feeds, OPML lists) and
// "update the feeds followed". For each reference it decides what it is,
// fetches it (corpus/fetch: one client, its manners and limits), reads it
// (a web page through corpus.ArticleFromHTML, the rule .html files load
// by, a feed or OPML list through corpus/feed, an article file through
// corpus.Load), turns what it read
// into corpus.Articles, and stores them (corpus/library: one transaction a
// batch, duplicates stored once). Feeds are remembered with their
// validators, and the items already taken from each, so that Update asks
// only for what is new.
//
// Every failure is one Failure naming the address or file and saying what
// went wrong in plain words ("URL: timeout after 30 s"); the other
// references still go through. Progress is reported after every request.
//
// The command line (pmureader add, update) and the TUI's "a" both call it;
// it must not import tui, cmd or any terminal code.
package sources
