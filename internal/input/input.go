package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// StdinPath is the argument that reads one source from standard input.
const StdinPath = "-"

// StdinID is the source id given to the article read from standard input.
const StdinID = "stdin"

// Extensions are the file extensions read from a directory, in the order
// they are listed in messages. Files named explicitly are read whatever
// their extension.
var Extensions = []string{".txt", ".md", ".markdown", ".html", ".htm"}

// Options configures Read. The zero value reads directories one level deep
// and skips odd files with a warning.
type Options struct {
	// Recursive reads directories and all their subdirectories. Hidden
	// entries (names starting with ".") are not descended into or read,
	// and links to directories inside are not followed, so a link loop
	// cannot hang the run.
	Recursive bool
	// Strict turns the skips (empty, whitespace-only, NUL-only and binary
	// files) into errors.
	Strict bool
	// Stdin is read for the path "-"; nil means no standard input is
	// available, which makes "-" an error.
	Stdin io.Reader
}

// Warning is a problem that did not stop the read: a file skipped, a
// decoding done, an id renamed.
type Warning struct {
	Path string // the file it concerns, "-" for standard input
	Msg  string // what happened, in plain words
	// Skipped is true when the file was not read at all.
	Skipped bool
	// Report is true when a reader of the report needs to know it too (an
	// id renamed, offsets that refer to decoded text), not only the person
	// running the command.
	Report bool
	// Info is true for a remark that is not a problem (offsets of an HTML
	// page refer to its extracted text): worth a line in the report, not a
	// warning on the terminal.
	Info bool
}

// String returns "path: message".
func (w Warning) String() string { return w.Path + ": " + w.Msg }

// Error is an input problem that stops the run. Its message names the path.
type Error struct {
	Path string
	Err  error
}

// Error returns "path: problem".
func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error, so errors.Is(err, fs.ErrNotExist)
// works on a missing file.
func (e *Error) Unwrap() error { return e.Err }

// pathError wraps err for path, unwrapping an *fs.PathError first so that
// the message reads "x.txt: permission denied" rather than repeating the
// operation and path.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: err}
}

// ErrNoArticles is wrapped by the error returned when nothing readable is
// left after skipping odd files, or a directory holds no articles.
var ErrNoArticles = errors.New("no readable articles")

// Read reads the sources named by paths: files, directories (their article
// files, see Extensions, in sorted order; subdirectories too when
// opts.Recursive), or "-" for standard input.
//
// Sources come back sorted by path (standard input last), so the order of
// the arguments does not change a report. Each source's ID is its file name
// without extension; when two files share a name, the first in path order
// keeps it and the others get "name~2", "name~3", ..., with a Warning saying
// so. A file reached twice (named twice, or named and inside a named
// directory) is read once.
//
// The error is non-nil for a missing or unreadable path, a directory with no
// article files, "-" given twice or without Options.Stdin, a skipped file
// under opts.Strict, or when every file was skipped.
func Read(paths []string, opts Options) ([]tokenize.Source, []Warning, error) {
	files, warns, err := Files(paths, opts.Recursive)
	if err != nil {
		return nil, warns, err
	}
	var srcs []tokenize.Source
	for _, f := range files {
		var (
			data []byte
			err  error
		)
		if f == StdinPath {
			if opts.Stdin == nil {
				return nil, warns, &Error{Path: f, Err: errors.New("standard input is not available")}
			}
			data, err = io.ReadAll(opts.Stdin)
			if err != nil {
				return nil, warns, &Error{Path: f, Err: fmt.Errorf("reading standard input: %w", err)}
			}
		} else {
			data, err = os.ReadFile(f)
			if err != nil {
				return nil, warns, pathError(f, err)
			}
		}
		src, ws, err := Parse(f, data)
		warns = append(warns, ws...)
		if err != nil {
			var skip *SkipError
			if errors.As(err, &skip) && !opts.Strict {
				warns = append(warns, Warning{Path: f, Msg: "skipped: " + skip.Reason, Skipped: true})
				continue
			}
			return nil, warns, err
		}
		srcs = append(srcs, src)
	}
	if len(srcs) == 0 {
		return nil, warns, fmt.Errorf("%w: every input was skipped", ErrNoArticles)
	}
	warns = append(warns, assignIDs(srcs)...)
	return srcs, warns, nil
}

// Files expands paths into the list of files Read would read, sorted by
// path with "-" last, each once. Warnings note files reached twice.
func Files(paths []string, recursive bool) ([]string, []Warning, error) {
	var (
		files []string
		warns []Warning
		stdin bool
	)
	for _, p := range paths {
		if p == StdinPath {
			if stdin {
				return nil, nil, &Error{Path: p, Err: errors.New("standard input given more than once")}
			}
			stdin = true
			continue
		}
		if p == "" {
			return nil, nil, &Error{Path: `""`, Err: errors.New("empty path")}
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, pathError(p, err)
		}
		if !fi.IsDir() {
			// A named pipe is welcome when named explicitly: it is what
			// "crosscheck <(curl ...)" passes. Devices and sockets are not
			// articles (and /dev/zero would never end).
			if !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 {
				return nil, nil, &Error{Path: p, Err: fmt.Errorf("not a regular file (%s)", fileKind(fi.Mode()))}
			}
			files = append(files, filepath.Clean(p))
			continue
		}
		found, err := dirFiles(p, recursive)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, found...)
	}
	sort.Strings(files)
	files, warns = dedupeFiles(files)
	if stdin {
		files = append(files, StdinPath)
	}
	return files, warns, nil
}

// fileKind names a mode's file type for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "an irregular file"
}

// dirFiles lists the article files of a directory, sorted.
func dirFiles(dir string, recursive bool) ([]string, error) {
	var (
		files   []string
		subdirs bool
	)
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link, even at the root; a trailing
		// separator makes the system resolve it, and paths still read
		// "link/name.txt" as the user typed.
		root = dir + string(filepath.Separator)
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return pathError(path, err)
		}
		if path == root {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			subdirs = subdirs || !hidden
			if !recursive || hidden {
				return fs.SkipDir
			}
			return nil
		}
		if hidden || !isArticleName(d.Name()) {
			return nil
		}
		// A symbolic link is read when it points at a regular file; links
		// to directories are not followed, so a link loop cannot hang us.
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				return pathError(path, err)
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		msg := "no article files (" + strings.Join(Extensions, ", ") + ")"
		if subdirs && !recursive {
			msg += "; it has subdirectories: use -r to read them"
		}
		return nil, &Error{Path: dir, Err: fmt.Errorf("%w: %s", ErrNoArticles, msg)}
	}
	sort.Strings(files)
	return files, nil
}

// isArticleName reports whether a file name has one of the Extensions.
func isArticleName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// dedupeFiles drops files reached twice, by cleaned path or by identity
// (hard or symbolic links to the same file), keeping the first in order.
// Only files of equal size and modification time can be the same file, so
// os.SameFile is asked only within those groups: thousands of files stay
// cheap.
func dedupeFiles(files []string) ([]string, []Warning) {
	type key struct {
		size int64
		mod  int64
	}
	var (
		out    []string
		warns  []Warning
		groups = map[key][]int{} // indexes into out and infos
		infos  []os.FileInfo
	)
	for i, f := range files {
		if i > 0 && f == files[i-1] {
			continue // named twice, or named and inside a named directory
		}
		fi, err := os.Stat(f)
		if err != nil {
			out = append(out, f) // ReadFile reports the problem
			infos = append(infos, nil)
			continue
		}
		k := key{fi.Size(), fi.ModTime().UnixNano()}
		dup := -1
		for _, j := range groups[k] {
			if os.SameFile(fi, infos[j]) {
				dup = j
				break
			}
		}
		if dup >= 0 {
			warns = append(warns, Warning{Path: f, Msg: "same file as " + out[dup] + "; read once"})
			continue
		}
		groups[k] = append(groups[k], len(out))
		out = append(out, f)
		infos = append(infos, fi)
	}
	return out, warns
}

// assignIDs gives each source its id (the file name without extension, or
// StdinID) and makes ids unique in the sources' order.
func assignIDs(srcs []tokenize.Source) []Warning {
	var warns []Warning
	used := make(map[string]string, len(srcs)) // id → path that holds it
	for i := range srcs {
		base := baseID(srcs[i].Path)
		id := base
		for n := 2; ; n++ {
			if _, taken := used[id]; !taken {
				break
			}
			id = base + "~" + strconv.Itoa(n)
		}
		if id != base {
			warns = append(warns, Warning{
				Path:   displayPath(srcs[i].Path),
				Msg:    fmt.Sprintf("id %q is already used by %s; this source is %q", base, displayPath(used[base]), id),
				Report: true,
			})
		}
		used[id] = srcs[i].Path
		srcs[i].ID = id
	}
	return warns
}

// baseID is a path's file name without its extension.
func baseID(path string) string {
	if path == StdinPath || path == "" {
		return StdinID
	}
	name := filepath.Base(path)
	if id := strings.TrimSuffix(name, filepath.Ext(name)); id != "" {
		return id
	}
	return name // ".txt" alone: keep the dot rather than an empty id
}

func displayPath(p string) string {
	if p == "" {
		return StdinPath
	}
	return p
}

// SkipError says why a file holds nothing to analyse. Read turns it into a
// Warning, or returns it when Options.Strict is set.
type SkipError struct {
	Path   string
	Reason string // "empty file", "whitespace only", "binary file (PNG image)", ...
}

// Error returns "path: reason".
func (e *SkipError) Error() string { return e.Path + ": " + e.Reason }

// Parse turns the bytes of one file into a Source. The path chooses the
// format by extension ("-" and unknown extensions are sniffed) and becomes
// Source.Path ("" for standard input); the ID is left for Read to assign,
// except for standard input. The error is a *SkipError for a file with
// nothing to analyse.
func Parse(path string, data []byte) (tokenize.Source, []Warning, error) {
	src := tokenize.Source{Path: path}
	if path == StdinPath {
		src.Path = ""
		src.ID = StdinID
	}
	if reason := skipReason(data); reason != "" {
		return src, nil, &SkipError{Path: path, Reason: reason}
	}
	text, warns, err := decode(path, data)
	if err != nil {
		return src, warns, err
	}
	var ws []Warning
	switch formatOf(path, text) {
	case formatHTML:
		src, ws = parseHTML(src, text)
	default:
		src, ws = parseText(src, text)
	}
	for i := range ws {
		ws[i].Path = path
	}
	warns = append(warns, ws...)
	if len(bytes.TrimSpace(src.Text[src.BodyStart:])) == 0 {
		reason := "no article text"
		if src.BodyStart > 0 {
			reason = "no article text after the front matter"
		}
		return src, warns, &SkipError{Path: path, Reason: reason}
	}
	if off := firstInvalidUTF8(src.Text); off >= 0 {
		where := "the file"
		if formatOf(path, text) == formatHTML {
			where = "the extracted text"
		}
		warns = append(warns, Warning{Path: path, Msg: fmt.Sprintf("invalid UTF-8 at byte %d of %s; kept as is", off, where)})
	}
	return src, warns, nil
}

type format int

const (
	formatText format = iota
	formatHTML
)

// formatOf picks the format from the extension, or from the first bytes
// when the extension says nothing.
func formatOf(path string, text []byte) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".txt", ".md", ".markdown", ".text":
		return formatText
	}
	if looksLikeHTML(text) {
		return formatHTML
	}
	return formatText
}

// looksLikeHTML reports whether text starts, after blanks and a BOM, with a
// doctype or an <html> or <head> tag.
func looksLikeHTML(text []byte) bool {
	t := bytes.TrimPrefix(text, utf8BOM)
	t = bytes.TrimLeft(t, " \t\r\n")
	if len(t) > 64 {
		t = t[:64]
	}
	t = bytes.ToLower(t)
	for _, p := range []string{"<!doctype html", "<html", "<head"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// parseText reads front matter and the title of a text or Markdown file.
func parseText(src tokenize.Source, text []byte) (tokenize.Source, []Warning) {
	src.Text = text
	start := 0
	if bytes.HasPrefix(text, utf8BOM) {
		start = len(utf8BOM)
	}
	fm, end, warns := parseFrontMatter(text[start:])
	if end > 0 {
		src.BodyStart = start + end
		src.Title = fm.Title
		src.Outlet = fm.Outlet
		src.URL = fm.URL
		src.Date = fm.Date
	} else {
		src.BodyStart = start
	}
	if src.Title == "" {
		src.Title = headline(firstLine(text[src.BodyStart:]))
	}
	return src, warns
}

// headline returns a first line as a title, or "" when it reads as a
// sentence: a headline has no final full stop, while a first line ending in
// one is body text or boilerplate ("Sign up to get our top stories in your
// inbox daily."), which would be a misleading title. A stop after
// a capital ("to the U.S.") ends an abbreviation and keeps the line.
func headline(line string) string {
	rest, ok := strings.CutSuffix(strings.TrimRight(line, `"'”’)`), ".")
	if !ok || rest == "" || strings.HasSuffix(rest, ".") {
		return line
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	if unicode.IsLower(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'”’)`, r) {
		return ""
	}
	return line
}

// firstLine returns the first non-empty line, trimmed, without a Markdown
// heading's leading #s.
func firstLine(b []byte) string {
	for len(b) > 0 {
		var line []byte
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			line, b = b, nil
		} else {
			line, b = b[:i], b[i+1:]
		}
		line = bytes.TrimSpace(line)
		// A Markdown heading ("# Title") is shown without its marks; "#1"
		// is not a heading and stays.
		if h := bytes.TrimLeft(line, "#"); len(h) < len(line) && (len(h) == 0 || h[0] == ' ' || h[0] == '\t') {
			line = bytes.TrimSpace(h)
		}
		if len(line) > 0 {
			return string(line)
		}
	}
	return ""
}
