// Package synth generates a deterministic synthetic news corpus for
// benchmarks and scale tests: N articles with realistic sizes (titles of
// about 60 characters, bodies of about 4 KB in paragraphs), 60 outlets,
// dates over several years, and story structure: every article reports one
// event, and each event is covered by several outlets whose bodies share the
// event's entities, numbers and facts, each outlet wording them its own way
// (and now and then getting a number different), so that story grouping
// and passage alignment have real work to do.
//
// The same seed always gives the same bytes (Write) and the same articles
// (Articles), on every platform: everything is drawn from one PCG stream.
//
// synth imports corpus (for Article); it must not import search, compare or
// anything of the terminal, and nothing but tests, benchmarks and scripts
// may import it.
package synth
