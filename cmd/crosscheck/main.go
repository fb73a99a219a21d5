// Command crosscheck reports where news sources about one story contradict
// each other and where they agree, with the evidence for each.
//
// Run "crosscheck -h" for usage. Exit codes: 0 success, 1 conflicts found
// when -fail-on-conflict is given, 2 bad usage or input.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/cluster"
	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/report"
	"github.com/crosscheck-go/crosscheck/seeds"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Exit codes a script can rely on.
const (
	exitOK       = 0
	exitConflict = 1 // conflicts found and -fail-on-conflict given
	exitUsage    = 2 // bad usage or input
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is shown.
var version string

// usageText is the -h text; testdata/usage.golden shows it as users see it.
var usageText = fmt.Sprintf(`Usage: crosscheck [flags] [FILE|DIR|- ...]
       crosscheck pairs [flags] ...   judge statement pairs (crosscheck pairs -h)
       crosscheck eval [flags] ...    score against a benchmark (crosscheck eval -h)

crosscheck reads several articles about one story and reports where the
sources contradict each other and where they agree, quoting both passages
with their positions.

Inputs:
  FILE   a .txt or .md/.markdown article (optional YAML front matter with
         title, outlet, date, url), or an .html/.htm page (its main article
         text is extracted); other names are read as text.
  DIR    the article files in a directory, sorted (-r: subdirectories too).
  -      one article from standard input.
  With no inputs, crosscheck analyses its bundled example story.

A source's id is its file name without extension; files sharing a name get
"name~2", "name~3" (the report says which). Empty, blank and binary files are
skipped with a warning (-strict makes that an error).

Flags:
  -format md|json|html   report format (default md, or from the -o extension)
  -o FILE                write the report to FILE (atomically) instead of stdout
  -config FILE           JSON file extending the default word lists, entity
                         aliases and topics, and giving sources' dates,
                         outlets and titles ("sources")
  -r                     read directories recursively
  -strict                fail on files that would be skipped
  -fail-on-conflict      exit 1 when any conflict is found
  -stories auto|on|off   group the articles into stories and compare only
                         within a story (auto: from %d articles on)
  -story-min-sim F       similarity (0..1) at which two articles tell the
                         same story (default %v; lower merges more)
  -tags auto|on|off      tag parts of speech (better topic names, several
                         times slower; auto: below %[1]d articles)
  -q                     no warnings or progress on stderr
  -progress              show progress on stderr even when it is not a terminal
  -version               print the version and exit
  -h                     show this help

Exit status: 0 success, 1 conflicts found with -fail-on-conflict,
2 bad usage or unreadable input.

Examples:
  crosscheck                                 the bundled story, as Markdown
  crosscheck articles/                       every article in a folder
  crosscheck -format html -o report.html a.md b.html c.txt
  crosscheck -r -format json -o out.json scraped/
  curl -s https://example.com/story | crosscheck - other.txt
  crosscheck -q -fail-on-conflict draft.md wire.md || echo "sources disagree"
`, pipeline.AutoStoryMin, cluster.DefaultMinSim)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := func() (code int) {
		// A last resort: a panic is a bug, but the user still gets one line
		// and an exit code a script can test, not a goroutine dump.
		defer func() {
			if r := recover(); r != nil {
				fmt.Fprintf(os.Stderr, "crosscheck: internal error (please report it): %v\n", r)
				if os.Getenv("CROSSCHECK_DEBUG") != "" {
					os.Stderr.Write(debug.Stack())
				}
				code = exitUsage
			}
		}()
		return runContext(ctx, realStages, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	}()
	stop()
	os.Exit(code)
}

// run is the whole command, callable from tests: it returns the exit code
// and never calls os.Exit.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), realStages, args, stdin, stdout, stderr)
}

// stages are the pipeline steps the command calls. Tests swap in fakes to
// check input, flag, output and exit-code handling on their own.
type stages struct {
	analyze func(ctx context.Context, srcs []tokenize.Source, set settings, prog *progress) (*analyze.Result, error)
	render  func(w io.Writer, format string, res *analyze.Result) error
}

// realStages is the real tokenize → analyze → report path.
var realStages = stages{analyze: runPipeline, render: render}

// options are the parsed flags of the report command.
type options struct {
	format         string
	formatSet      bool
	out            string
	config         string
	recursive      bool
	strict         bool
	quiet          bool
	progress       bool
	failOnConflict bool
	version        bool
	stories        pipeline.StoryMode
	storyMinSim    float64
	tags           pipeline.TagMode
	files          []string
}

func runContext(ctx context.Context, st stages, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "pairs":
			return runPairs(args[1:], stdin, stdout, stderr)
		case "eval":
			return runEval(args[1:], stdin, stdout, stderr)
		}
	}
	opts, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		io.WriteString(stdout, usageText)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck: %v\nRun 'crosscheck -h' for usage.\n", err)
		return exitUsage
	}
	if opts.version {
		fmt.Fprintf(stdout, "crosscheck %s (%s)\n", versionString(), runtime.Version())
		return exitOK
	}
	c := &command{opts: opts, st: st, stdin: stdin, stdout: stdout, stderr: stderr}
	if err := c.run(ctx); err != nil {
		if ctx.Err() != nil {
			// Interrupted: say so rather than show whichever stage
			// noticed the cancelled context first.
			err = errors.New("interrupted; no report written")
		}
		fmt.Fprintf(stderr, "crosscheck: %v\n", err)
		return exitUsage
	}
	return c.code
}

// parseFlags reads flags anywhere among the arguments, as users expect
// ("crosscheck a.txt b.txt -format json"); "--" ends the flags.
func parseFlags(args []string) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("crosscheck", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by the caller, in our format
	fs.Usage = func() {}
	fs.StringVar(&o.format, "format", "md", "")
	fs.StringVar(&o.out, "o", "", "")
	fs.StringVar(&o.config, "config", "", "")
	fs.BoolVar(&o.recursive, "r", false, "")
	fs.BoolVar(&o.strict, "strict", false, "")
	fs.BoolVar(&o.quiet, "q", false, "")
	fs.BoolVar(&o.progress, "progress", false, "")
	fs.BoolVar(&o.failOnConflict, "fail-on-conflict", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	stories := fs.String("stories", "auto", "")
	tags := fs.String("tags", "auto", "")
	fs.Float64Var(&o.storyMinSim, "story-min-sim", 0, "")
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			o.files = append(o.files, rest...)
			break
		}
		o.files = append(o.files, rest[0])
		args = rest[1:]
	}
	fs.Visit(func(f *flag.Flag) { o.formatSet = o.formatSet || f.Name == "format" })
	if o.formatSet || o.out == "" {
		f, ok := formatNames[strings.ToLower(o.format)]
		if !ok {
			return nil, fmt.Errorf("unknown format %q (want md, json or html)", o.format)
		}
		o.format = f
	} else {
		// No -format: the output file's extension decides, so that
		// "-o report.html" does what it says.
		o.format = formatFromExt(o.out)
	}
	mode, ok := storyModes[strings.ToLower(*stories)]
	if !ok {
		return nil, fmt.Errorf("unknown -stories value %q (want auto, on or off)", *stories)
	}
	o.stories = mode
	tm, ok := tagModes[strings.ToLower(*tags)]
	if !ok {
		return nil, fmt.Errorf("unknown -tags value %q (want auto, on or off)", *tags)
	}
	o.tags = tm
	if o.storyMinSim < 0 || o.storyMinSim > 1 {
		return nil, fmt.Errorf("-story-min-sim %v is outside 0..1", o.storyMinSim)
	}
	if o.out == "-" {
		o.out = "" // "-o -" is standard output, as for inputs
	}
	return o, nil
}

// tagModes maps the -tags values to pipeline modes.
var tagModes = map[string]pipeline.TagMode{
	"auto": pipeline.TagsAuto, "on": pipeline.TagsOn, "off": pipeline.TagsOff,
}

// storyModes maps the -stories values to pipeline modes.
var storyModes = map[string]pipeline.StoryMode{
	"auto": pipeline.StoriesAuto, "on": pipeline.StoriesOn, "off": pipeline.StoriesOff,
}

// formatNames maps the accepted -format values to a canonical name.
var formatNames = map[string]string{
	"md": "md", "markdown": "md", "json": "json", "html": "html", "htm": "html",
}

func formatFromExt(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".html", ".htm":
		return "html"
	}
	return "md"
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// command is one run of the report command.
type command struct {
	opts           *options
	st             stages
	stdin          io.Reader
	stdout, stderr io.Writer
	code           int
	prog           *progress
}

func (c *command) warn(format string, args ...any) {
	if !c.opts.quiet {
		c.prog.clear()
		fmt.Fprintf(c.stderr, "crosscheck: "+format+"\n", args...)
	}
}

func (c *command) run(ctx context.Context) error {
	c.prog = newProgress(c.stderr, !c.opts.quiet && (c.opts.progress || isTerminal(c.stderr)))
	defer c.prog.clear()

	// Everything that can be checked cheaply is checked before the
	// analysis, so a typo costs no waiting.
	cfgData, err := readConfig(c.opts.config)
	if err != nil {
		return err
	}
	tokCfg, anaCfg, err := parseConfig(c.opts.config, cfgData)
	if err != nil {
		return err
	}
	set := settings{tokenize: tokCfg, analyze: anaCfg, stories: c.opts.stories, storyMinSim: c.opts.storyMinSim, tags: c.opts.tags}
	if err := checkOutput(c.opts.out); err != nil {
		return err
	}

	srcs, notes, err := c.readSources()
	if err != nil {
		return err
	}
	if err := applySourceMeta(c.opts.config, cfgData, srcs); err != nil {
		return err
	}
	if len(srcs) == 1 && !c.opts.quiet {
		c.warn("only one source (%s): cross-source comparison needs two or more", srcs[0].ID)
	}

	res, err := c.st.analyze(ctx, srcs, set, c.prog)
	if err != nil {
		return err
	}
	if res == nil {
		res = &analyze.Result{}
	}
	res.Notes = append(res.Notes, notes...)

	var buf bytes.Buffer
	if err := c.st.render(&buf, c.opts.format, res); err != nil {
		return fmt.Errorf("rendering the %s report: %w", c.opts.format, err)
	}
	c.prog.clear()
	if c.opts.out == "" {
		if _, err := c.stdout.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
	} else if err := writeAtomic(c.opts.out, buf.Bytes()); err != nil {
		return err
	}
	if c.opts.failOnConflict && len(res.Conflicts) > 0 {
		c.code = exitConflict
	}
	return nil
}

// readSources reads the inputs (the bundled story when there are none),
// prints warnings, refuses an -o that names an input, and returns the
// warnings a report reader needs as notes.
func (c *command) readSources() ([]tokenize.Source, []string, error) {
	if len(c.opts.files) == 0 {
		return seeds.Sources(), nil, nil
	}
	c.prog.show("reading %d input(s)", len(c.opts.files))
	srcs, warns, err := input.Read(c.opts.files, input.Options{
		Recursive: c.opts.recursive,
		Strict:    c.opts.strict,
		Stdin:     c.stdin,
	})
	var (
		notes []string
		infos []input.Warning
	)
	read := make([]string, 0, len(srcs)+len(warns))
	for _, w := range warns {
		switch {
		case w.Info:
			infos = append(infos, w)
		case w.Report:
			notes = append(notes, w.String())
		}
		if !w.Info {
			c.warn("%s", w)
		}
		if w.Skipped {
			read = append(read, w.Path)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	for _, s := range srcs {
		if s.Path != "" {
			read = append(read, s.Path)
		}
	}
	notes = append(notes, groupNotes(infos)...)
	if c.opts.out != "" {
		if p, ok := sameFile(c.opts.out, read); ok {
			return nil, nil, fmt.Errorf("%s: refusing to overwrite an input file (it is also read as %s)", c.opts.out, p)
		}
	}
	return srcs, notes, nil
}

// groupNotes turns remarks that many files share (every HTML page's
// offsets refer to its extracted text) into one note per remark, naming a
// few of the files, so a run over thousands of pages has a short report.
func groupNotes(ws []input.Warning) []string {
	const named = 3
	var (
		order []string
		paths = map[string][]string{}
	)
	for _, w := range ws {
		if _, ok := paths[w.Msg]; !ok {
			order = append(order, w.Msg)
		}
		paths[w.Msg] = append(paths[w.Msg], w.Path)
	}
	notes := make([]string, 0, len(order))
	for _, msg := range order {
		ps := paths[msg]
		who := strings.Join(ps[:min(len(ps), named)], ", ")
		if len(ps) > named {
			who += fmt.Sprintf(" and %d more", len(ps)-named)
		}
		notes = append(notes, who+": "+msg)
	}
	return notes
}

// applySourceMeta sets the titles, outlets, URLs and dates that the
// -config file's "sources" key gives (plain-text articles carry none).
// data is the file's content, read once by readConfig; nil for none.
func applySourceMeta(path string, data []byte, srcs []tokenize.Source) error {
	if data == nil {
		return nil
	}
	metas, err := input.ParseMeta(data)
	if err == nil {
		err = input.ApplyMeta(srcs, metas)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// loadConfig reads the -config file and gives its bytes to each stage's
// loader (parseConfig). Empty path: the defaults (nil).
func loadConfig(path string) (*tokenize.Config, *analyze.Config, error) {
	data, err := readConfig(path)
	if err != nil {
		return nil, nil, err
	}
	return parseConfig(path, data)
}

// readConfig returns the -config file's bytes, or nil for no file.
func readConfig(path string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, pathErr(path, err)
	}
	return data, nil
}

// parseConfig gives the -config file's bytes to each stage's loader; each
// stage takes the keys it knows, on top of its embedded defaults. nil
// data: the defaults (nil).
func parseConfig(path string, data []byte) (*tokenize.Config, *analyze.Config, error) {
	if data == nil {
		return nil, nil, nil
	}
	user, err := tokenize.LoadConfig(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	tokCfg := tokenize.DefaultConfig()
	tokCfg.Merge(user)
	anaUser, err := analyze.ParseConfig(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	anaCfg := analyze.DefaultConfig()
	anaCfg.Merge(anaUser)
	return tokCfg, anaCfg, nil
}

// settings are what the flags and the -config file tell the pipeline.
type settings struct {
	tokenize    *tokenize.Config // nil: the defaults
	analyze     *analyze.Config  // nil: the defaults
	stories     pipeline.StoryMode
	storyMinSim float64 // 0: cluster.DefaultMinSim
	tags        pipeline.TagMode
}

// runPipeline runs the pipeline on the sources through internal/pipeline,
// the path the benchmarks measure too: tokenize in parallel, group into
// stories, analyse each story on its own.
func runPipeline(ctx context.Context, srcs []tokenize.Source, set settings, prog *progress) (*analyze.Result, error) {
	prog.show("tokenizing %d sources", len(srcs))
	// Within one story, analyze's own count is the useful one; once the
	// sources split into several stories, it restarts for each of them,
	// so the count of stories is shown instead.
	var manyStories atomic.Bool
	res, err := pipeline.Run(ctx, srcs, pipeline.Options{
		Tokenize: tokenize.Options{Config: set.tokenize},
		Analyze: analyze.Options{
			Config: set.analyze,
			Progress: func(done, total int) {
				if !manyStories.Load() {
					prog.show("analysing %d/%d", done, total)
				}
			},
		},
		Stories: set.stories,
		Tags:    set.tags,
		Cluster: cluster.Options{MinSim: set.storyMinSim},
		Progress: func(stage string, done, total int) {
			switch stage {
			case "tokenize":
				if done < total {
					prog.show("tokenizing %d/%d sources", done, total)
				} else {
					prog.show("analysing %d sources", total)
				}
			case "analyze":
				manyStories.Store(true)
				prog.show("analysing story %d/%d", done, total)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	if res == nil {
		res = &analyze.Result{}
	}
	return res, nil
}

// render writes the report in the chosen format.
func render(w io.Writer, format string, res *analyze.Result) error {
	switch format {
	case "json":
		return report.JSON(w, res)
	case "html":
		return report.HTML(w, res)
	default:
		return report.Markdown(w, res)
	}
}

// checkOutput fails early when -o cannot be written: its directory is
// missing or it names a directory.
func checkOutput(out string) error {
	if out == "" {
		return nil
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory; -o needs a file name", out)
	}
	dir := filepath.Dir(out)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%s: cannot write there: %w", out, unwrapPath(err))
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: cannot write there: %s is not a directory", out, dir)
	}
	return nil
}

// sameFile reports whether out is one of the paths read, by cleaned
// absolute path or by file identity (links).
func sameFile(out string, read []string) (string, bool) {
	outAbs, _ := filepath.Abs(out)
	outInfo, statErr := os.Stat(out)
	for _, p := range read {
		if p == input.StdinPath {
			continue
		}
		if abs, _ := filepath.Abs(p); abs == outAbs {
			return p, true
		}
		if statErr == nil {
			if fi, err := os.Stat(p); err == nil && os.SameFile(fi, outInfo) {
				return p, true
			}
		}
	}
	return "", false
}

// writeAtomic writes data to path through a temporary file in the same
// directory and a rename, so a reader never sees half a report and a
// failure leaves nothing behind. An existing file keeps its permissions;
// a symbolic link is followed, so the file it points at is replaced.
// Anything else that exists (a device such as /dev/null, a named pipe) is
// written in place: renaming over it would put a plain file where the
// device was.
func writeAtomic(path string, data []byte) (err error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return writeInPlace(path, data) // run refuses a directory before
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("%s: writing: %w", path, unwrapPath(err))
	}
	if err := f.Chmod(mode); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: writing: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: writing: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: cannot replace: %w", path, unwrapPath(err))
	}
	return nil
}

// writeInPlace writes data to an existing file that is not a regular one.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("%s: writing: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: writing: %w", path, unwrapPath(err))
	}
	return nil
}

// pathErr formats a file error as "path: problem" without repeating the
// operation and path that *fs.PathError adds.
func pathErr(path string, err error) error {
	return fmt.Errorf("%s: %w", path, unwrapPath(err))
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// isTerminal reports whether w is a character device (a terminal), where
// progress lines are welcome.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress shows what a long run is doing on stderr. On a terminal it
// rewrites one line; elsewhere (-progress into a file or pipe) it prints
// lines, at most a few per second, so a log stays readable.
type progress struct {
	mu    sync.Mutex // analyze may report from several goroutines
	w     io.Writer
	on    bool
	tty   bool
	shown bool // a terminal line is on screen
	last  time.Time
	stage string
}

func newProgress(w io.Writer, on bool) *progress {
	return &progress{w: w, on: on, tty: isTerminal(w)}
}

// show prints a progress message; repeated messages of one stage are
// throttled, a new stage always shows.
func (p *progress) show(format string, args ...any) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	msg := fmt.Sprintf(format, args...)
	stage, _, _ := strings.Cut(msg, " ")
	now := time.Now()
	if stage == p.stage && now.Sub(p.last) < 250*time.Millisecond {
		return
	}
	p.stage, p.last = stage, now
	if p.tty {
		fmt.Fprintf(p.w, "\r\x1b[Kcrosscheck: %s", msg)
		p.shown = true
		return
	}
	fmt.Fprintf(p.w, "crosscheck: %s\n", msg)
}

// clear removes a terminal progress line before other output.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
