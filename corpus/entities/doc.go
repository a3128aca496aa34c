// Package entities finds the names in news text and decides which of them
// name the same actor: mentions (runs of capitalised words and acronyms,
// with roles and sentence starts left out, organisations kept whole with
// their possessives, "of the" and "for": "Kessara Workers' Union",
// "Ministry of the Interior"), the capitalisation statistics that tell a
// name from a sentence start, fuzzy matching of transliterated names
// ("Qasim Muslih" / "Qassem Musleh", "Maren Tolk" / "Marin Tolke", but never
// "Iran" / "Iraq" or "Port Alden" / "Port Allen"), short forms ("KWU",
// "CENTCOM", "Central Command" for "US Central Command"), the Resolver that
// joins spellings into entities, and the alias table (aliases.txt,
// embedded; user tables given with --aliases) for what fuzzy matching
// cannot guess.
//
// It reads tokens (corpus/tokens), word keys (corpus/textnorm) and English
// word ranks (corpus/lexicon, to tell a name from a common word). It must
// not import corpus (articles) or the packages that group stories, compare
// passages or find differences: they build on it.
package entities
