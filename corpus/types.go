package corpus

import "github.com/pmureader/pmureader/corpus/internal/article"

// The value types of a loaded corpus. They are defined in
// corpus/internal/article (see the package documentation for why) and these
// aliases are their public names: a corpus.Article is an article.Article,
// with the same fields and methods.
type (
	// Article is one news article, cleaned and sanitised. Every string
	// field has passed through textnorm.Sanitize: no control characters
	// remain. It is immutable once loading returns it.
	Article = article.Article
	// Paragraph is one block of an article body.
	Paragraph = article.Paragraph
	// Line is one line of an article's raw source, sanitised, with the
	// role cleaning gave it.
	Line = article.Line
	// Role says what a line of the raw source turned out to be.
	Role = article.Role
	// Span locates text in its source file (1-based, inclusive lines).
	Span = article.Span
	// Date is a publication date together with how exact it is.
	Date = article.Date
	// Precision says how much of an article's date is known.
	Precision = article.Precision
	// Problem is something wrong with one input, or a repair worth
	// knowing about (Warning).
	Problem = article.Problem
)

// Date precisions, from most to least exact.
const (
	PrecisionDay         = article.PrecisionDay
	PrecisionApproximate = article.PrecisionApproximate
	PrecisionMonth       = article.PrecisionMonth
	PrecisionYear        = article.PrecisionYear
	PrecisionUnknown     = article.PrecisionUnknown
)

// Line roles assigned by cleaning.
const (
	RoleTitle   = article.RoleTitle
	RoleDek     = article.RoleDek
	RoleCaption = article.RoleCaption
	RoleBody    = article.RoleBody
	RoleSubhead = article.RoleSubhead
	RoleByline  = article.RoleByline
	RoleVia     = article.RoleVia
	RoleChrome  = article.RoleChrome
	RoleBlank   = article.RoleBlank
	RoleOther   = article.RoleOther
)

// Errors a Problem can wrap, for errors.Is. They are the very values of
// corpus/internal/article, so errors.Is matches whichever name is used.
var (
	ErrUnsupported = article.ErrUnsupported
	ErrEmptyFile   = article.ErrEmptyFile
	ErrBinary      = article.ErrBinary
	ErrTooLarge    = article.ErrTooLarge
	// ErrRecordTooLarge: a JSON Lines record over the size limit, which
	// applies per record for JSON Lines.
	ErrRecordTooLarge = article.ErrRecordTooLarge
	ErrInvalidUTF8    = article.ErrInvalidUTF8
	ErrDuplicateID    = article.ErrDuplicateID
	// ErrDuplicate: an article loaded twice (a warning; see Load).
	ErrDuplicate   = article.ErrDuplicate
	ErrSymlinkLoop = article.ErrSymlinkLoop
	ErrNoArticles  = article.ErrNoArticles
	ErrFrontMatter = article.ErrFrontMatter
	ErrBadRecord   = article.ErrBadRecord
	ErrMeta        = article.ErrMeta
)
