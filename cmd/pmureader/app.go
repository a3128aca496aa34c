package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/internal/termtext"
	"github.com/pmureader/pmureader/seeds"
)

// app is one invocation: where output goes and the flags every subcommand
// shares. It lives for one run; nothing here outlives it.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string

	// Shared flags.
	corpusPaths []string // --corpus/-C, repeatable
	maxSize     byteSize // --max-file-size
	noColor     bool     // --no-color
	aliasFile   string   // --aliases of the reader (stories and compare have their own)
	lib         libOptions
	imp         importOptions
	es          esFlags // --source and its filters

	out   output // decided in PersistentPreRun, after flags are parsed
	paint paint

	// fromLibrary is the library when load read the corpus from it:
	// grouping then keeps its stories there (see group).
	fromLibrary *library.Library
	// headersOnly is set when the corpus from the library was read without
	// bodies (loadHeaders): wholeArticles reads the ones a command needs.
	headersOnly bool

	// partial is set when loading skipped some inputs; the run then ends
	// with exitPartial unless something worse happened.
	partial bool
}

func newApp(stdout, stderr io.Writer, getenv func(string) string) *app {
	a := &app{stdout: stdout, stderr: stderr, getenv: getenv, maxSize: byteSize(corpus.DefaultMaxFileSize)}
	a.lib.smallLibrary = smallLibrary
	return a
}

// execute runs the command line and maps the outcome to an exit code,
// printing any error as one "pmureader: …" line on stderr.
func (a *app) execute(ctx context.Context, args []string) int {
	root := a.rootCmd()
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	a.closeLibrary()
	a.closeSource()
	if err == nil {
		if a.partial {
			return exitPartial
		}
		return exitOK
	}
	if ctx.Err() != nil {
		fmt.Fprintln(a.stderr, "pmureader: interrupted")
		return exitInterrupted
	}
	code := exitUsage // errors cobra raises itself (unknown command, wrong argument count) are usage errors
	var e *exitError
	if errors.As(err, &e) {
		code = e.code
	}
	fmt.Fprintf(a.stderr, "pmureader: %s\n", termtext.OneLine(err.Error()))
	if code == exitUsage && cmd != nil {
		fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return code
}

// runE adapts a command body so that every error it returns carries an
// exit code: a plain error means the operation failed (1), never a usage
// error, which is reserved for what cobra and argument checks report.
func runE(f func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := f(cmd, args)
		if err == nil {
			return nil
		}
		var e *exitError
		if errors.As(err, &e) {
			return err
		}
		return failed(err)
	}
}

// load reads the corpus from paths or, when there are none, the library
// (the bundled seeds while it is missing or empty), or, with --source,
// from the cluster (loadSource). Every problem is printed to stderr as it
// is; loading goes on past bad files. It fails only when nothing loaded
// (exit 4), the library cannot be read, or on interrupt.
func (a *app) load(ctx context.Context, paths []string) (*corpus.Corpus, error) {
	return a.loadCorpus(ctx, paths, true)
}

// loadHeaders is load for a command that shows only the articles'
// headers (the list table): from the library, no body is read.
func (a *app) loadHeaders(ctx context.Context, paths []string) (*corpus.Corpus, error) {
	return a.loadCorpus(ctx, paths, false)
}

func (a *app) loadCorpus(ctx context.Context, paths []string, bodies bool) (*corpus.Corpus, error) {
	if a.es.req != nil {
		return a.loadSource(ctx, paths)
	}
	opt := corpus.Options{MaxFileSize: int64(a.maxSize)}
	var (
		c   *corpus.Corpus
		err error
	)
	if len(paths) == 0 {
		if c, ok, err := a.libraryCorpus(ctx, bodies); ok || err != nil {
			return c, err
		}
		c, err = corpus.LoadFS(ctx, seeds.FS, opt)
	} else {
		c, err = corpus.Load(ctx, paths, opt)
	}
	if c != nil {
		a.reportProblems(c.Problems)
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	switch {
	case errors.Is(err, corpus.ErrNothingLoaded):
		return nil, &exitError{code: exitNothing, err: err}
	case err == nil && (c == nil || len(c.Articles) == 0):
		return nil, &exitError{code: exitNothing, err: corpus.ErrNothingLoaded}
	case err != nil:
		return nil, failed(fmt.Errorf("load: %w", err))
	}
	if len(c.Fatal()) > 0 {
		a.partial = true
	}
	return c, nil
}

// reportProblems prints each problem as "pmureader: PATH:LINE: message",
// repairs prefixed "warning:". Paths come from the file system and may hold
// anything, so the line is sanitised.
func (a *app) reportProblems(ps []corpus.Problem) {
	tooLarge := false
	for _, p := range ps {
		prefix := "pmureader: "
		if p.Warning {
			prefix += "warning: "
		}
		fmt.Fprintln(a.stderr, prefix+termtext.OneLine(p.Error()))
		tooLarge = tooLarge || errors.Is(p, corpus.ErrTooLarge)
	}
	// The limit guards against a stray huge file; a JSON Lines dump of a
	// whole corpus is larger by design, so say how to read it.
	if tooLarge {
		fmt.Fprintln(a.stderr, "pmureader: to read larger files, raise the limit: --max-file-size 1GB")
	}
}

// splitPaths separates a command's positional arguments into the leading
// ones it takes (an id, a query) and the input paths that follow. Paths
// after "--" are always paths; -C/--corpus paths are added to them.
//
// lead is how many leading arguments the command takes; -1 means "all of
// them before --" (compare's ids).
func (a *app) splitPaths(cmd *cobra.Command, args []string, lead int) (leading, paths []string) {
	dash := cmd.ArgsLenAtDash()
	before := args
	var after []string
	if dash >= 0 {
		before, after = args[:dash], args[dash:]
	}
	if lead < 0 || lead > len(before) {
		lead = len(before)
	}
	leading = before[:lead]
	paths = append(paths, before[lead:]...)
	paths = append(paths, after...)
	paths = append(paths, a.corpusPaths...)
	return leading, paths
}
