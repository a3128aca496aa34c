package clean

// wholeLine maps a short line, folded and stripped of final punctuation, to
// the kind of chrome it is. These are the fixed labels of comment systems
// (WordPress, wpDiscuz, Disqus), share bars, related-article boxes and ad
// slots; a body paragraph never consists of just one of them.
var wholeLine = map[string]reason{
	// comment widgets
	"what do you think": whyComments, "what do you think about this": whyComments,
	"notify of": whyComments, "inline feedbacks": whyComments, "view all comments": whyComments,
	"load more comments": whyComments, "show comments": whyComments, "hide comments": whyComments,
	"leave a comment": whyComments, "leave a reply": whyComments, "post a comment": whyComments,
	"add a comment": whyComments, "add comment": whyComments, "join the discussion": whyComments,
	"join the conversation": whyComments, "be the first to comment": whyComments,
	"comments": whyComments, "comment": whyComments, "newest": whyComments, "oldest": whyComments,
	"most voted": whyComments, "most liked": whyComments, "login": whyComments, "log in": whyComments,
	"log in to comment": whyComments, "sign in to comment": whyComments, "cancel reply": whyComments,
	"reply": whyComments, "replies": whyComments, "load more": whyComments, "show more replies": whyComments,
	"have your say": whyComments, "share your thoughts": whyComments, "subscribe": whyComments,
	"no comments yet": whyComments, "comments are closed": whyComments,
	// related-article boxes
	"like this": whyRelated, "related": whyRelated, "related posts": whyRelated,
	"related articles": whyRelated, "related stories": whyRelated, "related news": whyRelated,
	"related content": whyRelated, "read more": whyRelated, "read next": whyRelated,
	"more stories": whyRelated, "more news": whyRelated, "you may also like": whyRelated,
	"you might also like": whyRelated, "you may like": whyRelated, "recommended": whyRelated,
	"recommended for you": whyRelated, "most popular": whyRelated, "most read": whyRelated,
	"trending": whyRelated, "trending now": whyRelated, "popular posts": whyRelated,
	"latest news": whyRelated, "see also": whyRelated, "also read": whyRelated,
	"more on this": whyRelated, "up next": whyRelated, "in case you missed it": whyRelated,
	"don't miss": whyRelated, "more from this author": whyRelated, "previous article": whyRelated,
	"next article": whyRelated, "previous post": whyRelated, "next post": whyRelated,
	// share bars
	"share": whyShare, "share this": whyShare, "share this article": whyShare,
	"share this story": whyShare, "share on facebook": whyShare, "share on twitter": whyShare,
	"tweet": whyShare, "email": whyShare, "print": whyShare, "facebook": whyShare,
	"twitter": whyShare, "whatsapp": whyShare, "telegram": whyShare, "linkedin": whyShare,
	"reddit": whyShare, "pinterest": whyShare, "copy link": whyShare, "like": whyShare,
	"loading": whyShare, "click to share on facebook": whyShare, "click to share on twitter": whyShare,
	"click to print": whyShare, "click to email a link to a friend": whyShare,
	// ad slots
	"advertisement": whyAdvert, "sponsored": whyAdvert, "sponsored content": whyAdvert,
	"ad": whyAdvert, "continue reading below": whyAdvert, "article continues below": whyAdvert,
	"story continues below advertisement": whyAdvert, "scroll to continue with content": whyAdvert,
	"like loading": whyShare, "share this:": whyShare, "print this article": whyShare,
	"save": whyShare, "listen": whyShare, "follow": whyShare, "link copied": whyShare,
	"reuse this content": whyShare, "save articles to read later and create your own reading list": whyShare,
	"related topics": whyRelated, "explore more on these topics": whyRelated, "most viewed": whyRelated,
	"more on this story": whyRelated, "top stories": whyRelated, "editor's picks": whyRelated,
	"ad feedback": whyAdvert, "subscribe now": whyNewsletter, "published": whyDate, "updated": whyDate,
	"about the author": whyBio,
}

// wholeLineMaxLen is the length of the longest wholeLine key: a longer
// line is not looked up (hashing a paragraph costs more than the lookup).
var wholeLineMaxLen = func() int {
	n := 0
	for k := range wholeLine {
		n = max(n, len(k))
	}
	return n
}()

// prefixRules: a short line that starts with one of these is chrome of the
// given kind ("VIDEO: …" is the title of an embedded video, "Read more: …"
// a link to another article).
var prefixRules = []struct {
	prefix string
	why    reason
}{
	{"video:", whyVideo}, {"video -", whyVideo}, {"watch:", whyVideo}, {"watch video:", whyVideo},
	{"watch now:", whyVideo}, {"listen:", whyVideo}, {"audio:", whyVideo}, {"podcast:", whyVideo},
	{"photos:", whyVideo}, {"gallery:", whyVideo}, {"in pictures:", whyVideo},
	{"read more:", whyRelated}, {"related:", whyRelated}, {"see also:", whyRelated},
	{"also read:", whyRelated}, {"read also:", whyRelated}, {"read:", whyRelated},
	{"more:", whyRelated}, {"recommended:", whyRelated}, {"don't miss:", whyRelated},
	{"tags:", whyTags}, {"tagged:", whyTags}, {"tagged with", whyTags}, {"topics:", whyTags},
	{"keywords:", whyTags}, {"filed under", whyCategory}, {"posted in ", whyCategory},
	{"categories:", whyCategory}, {"category:", whyCategory}, {"section:", whyCategory},
	{"©", whyCopyright}, {"copyright ©", whyCopyright}, {"copyright (c)", whyCopyright},
	{"copyright 1", whyCopyright}, {"copyright 2", whyCopyright}, {"(c) 1", whyCopyright},
	{"(c) 2", whyCopyright},
}

// containsRules: a line of at most maxPhraseWords words that contains one of
// these phrases is chrome. The phrases are appeals and boilerplate, worded
// as sites word them ("Help us grow. Support X on Patreon!", "The
// statements, views and opinions expressed … do not necessarily represent
// …"); plain reporting does not use them.
var containsRules = []struct {
	phrase string
	why    reason
}{
	{"on patreon", whyDonation}, {"via patreon", whyDonation}, {"patreon.com", whyDonation},
	{"help us grow", whyDonation}, {"support us on", whyDonation}, {"support us by", whyDonation},
	{"support us today", whyDonation}, {"please support us", whyDonation}, {"support our work", whyDonation},
	{"support our journalism", whyDonation}, {"support independent journalism", whyDonation},
	{"support independent media", whyDonation}, {"donate now", whyDonation},
	{"donate today", whyDonation}, {"please donate", whyDonation}, {"make a donation", whyDonation},
	{"become a patron", whyDonation}, {"become a supporter", whyDonation},
	{"buy me a coffee", whyDonation}, {"consider supporting", whyDonation},
	{"consider donating", whyDonation}, {"reader-supported", whyDonation},
	{"views and opinions expressed", whyDisclaimer}, {"opinions expressed in this", whyDisclaimer},
	{"views expressed in this", whyDisclaimer}, {"views expressed here", whyDisclaimer},
	{"opinions expressed here", whyDisclaimer}, {"views expressed on this", whyDisclaimer},
	{"solely those of the author", whyDisclaimer}, {"are the author's own", whyDisclaimer},
	{"are those of the author", whyDisclaimer}, {"for informational purposes only", whyDisclaimer},
	{"all rights reserved", whyCopyright},
	{"sign up for our newsletter", whyNewsletter}, {"subscribe to our", whyNewsletter},
	{"sign up to our", whyNewsletter}, {"join our mailing list", whyNewsletter},
	{"enter your email", whyNewsletter}, {"subscribe for free", whyNewsletter},
	{"thanks for reading", whyNewsletter}, {"free to receive new posts", whyNewsletter},
	{"follow us on", whyShare}, {"like us on facebook", whyShare}, {"click here to", whyShare},
	{"follow me on", whyShare}, {"follow him on", whyShare}, {"follow her on", whyShare},
	{"follow them on", whyShare},
}

// bylinePrefixes introduce an author's name.
var bylinePrefixes = []string{
	"author:", "authors:", "by:", "byline:", "written by", "posted by", "words by",
	"story by", "reporting by", "author ", "by ",
}

// viaPrefixes introduce the outlet a republished article came from.
var viaPrefixes = []string{
	"via:", "via ", "source:", "originally published by", "originally published at",
	"originally published on", "originally published in", "this article originally appeared on",
	"this article originally appeared in", "this article originally appeared at",
	"this article first appeared on", "this article first appeared in",
	"this article was originally published by", "this article was originally published on",
	"this article was originally published in", "this article was originally published at",
	"first published by", "first published on", "first published in", "republished from",
	"republished with permission from", "reprinted from", "reprinted with permission from",
}

// captionPrefixes mark photo captions at the start of a line, and
// captionCredits photo credits anywhere in a short line ("… on Friday.
// (Photo by Jane Doe/Getty Images)").
var captionPrefixes = []string{
	"photo:", "photograph:", "image:", "picture:", "pictured:", "file photo", "credit:",
	"photo credit", "image credit", "photo by ", "(photo", "![", "caption:", "image source,",
	"image caption,", "media caption,", "photo source,",
}

var captionCredits = []string{
	"/ reuters", "/reuters", "(reuters photo", "getty images", "(afp)", "(afp photo", "/ afp", "/afp",
	"(ap photo", "ap photo/", "/ ap)", "/ap)", "(photo)", "(file photo)", "file photo)", "/ epa", "(epa)",
	"/epa", "(getty)", "(photo:", "(photo by", "(image:", "(credit:", "photo credit:", "/ anadolu",
	"/anadolu", "/ shutterstock", "/shutterstock", "(pictured)", "(file)",
}

// bioJobs are the job words of an author bio ("X is Senior Editor for Y").
var bioJobs = []string{
	"editor", "writer", "reporter", "journalist", "correspondent", "columnist", "contributor",
	"author", "analyst", "blogger", "commentator", "fellow", "professor", "researcher",
	"producer", "founder", "freelance", "director of",
}

// nameConnectors may appear in lower case inside a person's name.
var nameConnectors = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "van": true, "von": true, "der": true,
	"den": true, "al": true, "bin": true, "ibn": true, "el": true, "la": true, "le": true,
	"y": true, "di": true, "du": true, "del": true,
}

// functionWords are the words a category line left behind when its links
// were stripped ("in ," from "in News, World").
var functionWords = map[string]bool{
	"in": true, "on": true, "at": true, "of": true, "the": true, "and": true, "a": true,
	"an": true, "to": true, "for": true, "by": true, "from": true, "with": true, "or": true,
	"posted": true, "filed": true, "under": true, "tags": true, "tagged": true, "home": true,
}

// dateWords are words that may make up a date stamp.
var dateWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true,
	"wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true,
	"friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
	"posted": true, "published": true, "updated": true, "last": true, "on": true, "at": true,
	"am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true, "utc": true, "edt": true,
	"est": true, "et": true, "pt": true, "pst": true, "pdt": true, "bst": true, "cet": true,
	"cest": true, "ist": true, "ago": true, "release": true, "immediate": true, "for": true,
	"originally": true, "edited": true, "time": true, "hours": true, "hour": true, "minutes": true,
	"min": true, "mins": true, "days": true, "day": true, "read": true, "date": true, "of": true,
}

// monthNames are the date words that make a line a date rather than, say,
// "Posted at 12".
var monthNames = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "ago": true,
}

// bullets start the lead paragraph of an item in a multi-item file, or a
// list item.
const bullets = "•▪●■◦►▶‣◆"
