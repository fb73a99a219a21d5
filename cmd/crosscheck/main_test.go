package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// outcome is what one in-process run of the command produced.
type outcome struct {
	code           int
	stdout, stderr string
}

// fakeStages stand in for tokenize/analyze/report so that these tests
// check the CLI's own behaviour: they turn each source into a line that
// shows what the CLI handed the pipeline.
func fakeStages(conflicts int) stages {
	return stages{
		analyze: func(ctx context.Context, srcs []tokenize.Source, set settings, _ *progress) (*analyze.Result, error) {
			res := &analyze.Result{}
			for _, s := range srcs {
				res.Sources = append(res.Sources, analyze.SourceInfo{
					ID: s.ID, Path: s.Path, Title: s.Title, Outlet: s.Outlet, URL: s.URL, Date: s.Date,
				})
				body := string(s.Text[s.BodyStart:])
				body, _, _ = strings.Cut(strings.TrimSpace(body), "\n")
				res.Notes = append(res.Notes, fmt.Sprintf("%s body@%d %q", s.ID, s.BodyStart, body))
			}
			for i := 0; i < conflicts; i++ {
				res.Conflicts = append(res.Conflicts, analyze.Finding{ID: fmt.Sprint(i)})
			}
			if set.tokenize != nil || set.analyze != nil {
				res.Notes = append(res.Notes, "config loaded")
			}
			res.Notes = append(res.Notes, fmt.Sprintf("stories %d min-sim %v", set.stories, set.storyMinSim))
			return res, nil
		},
		render: func(w io.Writer, format string, res *analyze.Result) error {
			fmt.Fprintf(w, "format %s\n", format)
			for _, s := range res.Sources {
				fmt.Fprintf(w, "source %s path=%s title=%q outlet=%q url=%q date=%s\n",
					s.ID, filepath.ToSlash(s.Path), s.Title, s.Outlet, s.URL, dateString(s.Date))
			}
			for _, n := range res.Notes {
				fmt.Fprintf(w, "note %s\n", filepath.ToSlash(n))
			}
			return nil
		},
	}
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.RFC3339)
}

// runFake runs the command with fake stages in dir.
func runFake(t *testing.T, st stages, stdin string, args ...string) outcome {
	t.Helper()
	var out, errb strings.Builder
	code := runContext(context.Background(), st, args, strings.NewReader(stdin), &out, &errb)
	return outcome{code, out.String(), errb.String()}
}

// inTempDir creates files under dir (a name ending in "/" is a directory) and
// makes dir the working directory, so messages show short paths.
func inTempDir(t *testing.T, m map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range m {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

func checkOutcome(t *testing.T, got outcome, want outcome) {
	t.Helper()
	if d := cmp.Diff(want, got, cmp.AllowUnexported(outcome{})); d != "" {
		t.Errorf("outcome (-want +got):\n%s", d)
	}
}

const (
	artA = "---\ntitle: \"Alpha: a headline\"\noutlet: Alpha News\ndate: February 27, 2026\nurl: https://example.com/a\n---\nAlpha body.\n"
	artB = "Beta headline\n\nBeta body.\n"
)

const hint = "Run 'crosscheck -h' for usage.\n"

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestHelpAndVersion checks -h against testdata/usage.golden, so a change to
// the help text shows in review as the user sees it.
func TestHelpAndVersion(t *testing.T) {
	golden := filepath.Join("testdata", "usage.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(usageText), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	for _, arg := range []string{"-h", "--help", "-help"} {
		checkOutcome(t, runFake(t, fakeStages(0), "", arg), outcome{0, string(want), ""})
	}
	got := runFake(t, fakeStages(0), "", "-version")
	if got.code != 0 || !strings.HasPrefix(got.stdout, "crosscheck ") || got.stderr != "" {
		t.Errorf("-version: %+v", got)
	}
}

func TestBadUsage(t *testing.T) {
	inTempDir(t, map[string]string{"a.txt": artB, "dir/": ""})
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown flag", []string{"-bogus", "a.txt"}, "crosscheck: flag provided but not defined: -bogus\n" + hint},
		{"unknown flag after a file", []string{"a.txt", "-bogus"}, "crosscheck: flag provided but not defined: -bogus\n" + hint},
		{"unknown format", []string{"-format", "pdf", "a.txt"}, "crosscheck: unknown format \"pdf\" (want md, json or html)\n" + hint},
		{"flag without value", []string{"a.txt", "-o"}, "crosscheck: flag needs an argument: -o\n" + hint},
		{"bad boolean", []string{"-q=maybe", "a.txt"}, "crosscheck: invalid boolean value \"maybe\" for -q: parse error\n" + hint},
		{"output is a directory", []string{"-o", "dir", "a.txt"}, "crosscheck: dir: is a directory; -o needs a file name\n"},
		{"output in a missing directory", []string{"-o", "nowhere/r.md", "a.txt"}, "crosscheck: nowhere/r.md: cannot write there: no such file or directory\n"},
		{"unknown story mode", []string{"-stories", "maybe", "a.txt"}, "crosscheck: unknown -stories value \"maybe\" (want auto, on or off)\n" + hint},
		{"similarity out of range", []string{"-story-min-sim", "1.5", "a.txt"}, "crosscheck: -story-min-sim 1.5 is outside 0..1\n" + hint},
		{"similarity not a number", []string{"-story-min-sim", "high", "a.txt"}, "crosscheck: invalid value \"high\" for flag -story-min-sim: parse error\n" + hint},
		{"missing config", []string{"-config", "nope.json", "a.txt"}, "crosscheck: nope.json: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOutcome(t, runFake(t, fakeStages(0), "", tt.args...), outcome{2, "", tt.stderr})
		})
	}
}

func TestInputErrors(t *testing.T) {
	inTempDir(t, map[string]string{
		"a.txt":          artB,
		"empty/":         "",
		"nested/x/b.txt": artB,
		"blank.txt":      "  \n",
	})
	const exts = "(.txt, .md, .markdown, .html, .htm)"
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"missing path", []string{"a.txt", "missing.txt"}, "crosscheck: missing.txt: no such file or directory\n"},
		{"directory with no articles", []string{"empty"}, "crosscheck: empty: no readable articles: no article files " + exts + "\n"},
		{"subdirectories without -r", []string{"nested"}, "crosscheck: nested: no readable articles: no article files " + exts + "; it has subdirectories: use -r to read them\n"},
		{"every file skipped", []string{"blank.txt"}, "crosscheck: blank.txt: skipped: whitespace only\ncrosscheck: no readable articles: every input was skipped\n"},
		{"stdin twice", []string{"-", "a.txt", "-"}, "crosscheck: -: standard input given more than once\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOutcome(t, runFake(t, fakeStages(0), "x", tt.args...), outcome{2, "", tt.stderr})
		})
	}
}

func TestUnreadableFile(t *testing.T) {
	inTempDir(t, map[string]string{"a.txt": artB, "locked.txt": artB})
	if err := os.Chmod("locked.txt", 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod("locked.txt", 0o644) })
	if f, err := os.Open("locked.txt"); err == nil {
		f.Close()
		t.Skip("this user can read a mode-000 file (running as root?), so unreadable files cannot be tested")
	}
	checkOutcome(t, runFake(t, fakeStages(0), "", "a.txt", "locked.txt"), outcome{2, "", "crosscheck: locked.txt: permission denied\n"})
}

func TestOddFilesSkipped(t *testing.T) {
	inTempDir(t, map[string]string{
		"in/a.md":       artA,
		"in/b.txt":      artB,
		"in/empty.txt":  "",
		"in/blank.txt":  " \r\n\t\n",
		"in/nul.txt":    "\x00\x00\x00\x00\x00\x00",
		"in/photo.txt":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"in/notes.json": "{}", // not an article extension: not read from a directory
	})
	wantOut := "format md\n" +
		"source a path=in/a.md title=\"Alpha: a headline\" outlet=\"Alpha News\" url=\"https://example.com/a\" date=2026-02-27T00:00:00Z\n" +
		"source b path=in/b.txt title=\"Beta headline\" outlet=\"\" url=\"\" date=-\n" +
		"note a body@" + fmt.Sprint(len(artA)-len("Alpha body.\n")) + " \"Alpha body.\"\n" +
		"note b body@0 \"Beta headline\"\n" +
		"note stories 0 min-sim 0\n"
	wantErr := "crosscheck: in/blank.txt: skipped: whitespace only\n" +
		"crosscheck: in/empty.txt: skipped: empty file\n" +
		"crosscheck: in/nul.txt: skipped: only NUL bytes\n" +
		"crosscheck: in/photo.txt: skipped: binary file (PNG image)\n"
	checkOutcome(t, runFake(t, fakeStages(0), "", "in"), outcome{0, wantOut, wantErr})

	t.Run("quiet", func(t *testing.T) {
		checkOutcome(t, runFake(t, fakeStages(0), "", "-q", "in"), outcome{0, wantOut, ""})
	})
	t.Run("strict", func(t *testing.T) {
		checkOutcome(t, runFake(t, fakeStages(0), "", "-strict", "in"), outcome{2, "", "crosscheck: in/blank.txt: whitespace only\n"})
	})
	t.Run("named binary file", func(t *testing.T) {
		got := runFake(t, fakeStages(0), "", "in/b.txt", "in/photo.txt", "in/notes.json")
		want := "crosscheck: in/photo.txt: skipped: binary file (PNG image)\n"
		if got.code != 0 || got.stderr != want || !strings.Contains(got.stdout, "source notes path=in/notes.json") {
			t.Errorf("got %+v", got)
		}
	})
}

func TestEncodingsThroughCLI(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Gamma title\nGamma body.\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	inTempDir(t, map[string]string{
		"bom.txt":   "\xef\xbb\xbfBom title\r\nBom body.\r\n",
		"u16.txt":   string(utf16),
		"bad.txt":   "Bad title\nCaf\xe9.\n",
		"cr.txt":    "CR title\rCR body.\r",
		"other.txt": artB,
	})
	got := runFake(t, fakeStages(0), "", ".")
	wantErr := "crosscheck: bad.txt: invalid UTF-8 at byte 13 of the file; kept as is\n" +
		"crosscheck: u16.txt: decoded from UTF-16LE; offsets refer to the decoded UTF-8 text, not the file's bytes\n"
	if got.code != 0 || got.stderr != wantErr {
		t.Errorf("code %d stderr:\n%s\nwant:\n%s", got.code, got.stderr, wantErr)
	}
	for _, want := range []string{
		`source bom path=bom.txt title="Bom title"`,
		`note bom body@3 "Bom title`, // BodyStart skips the BOM; the text keeps it
		`source u16 path=u16.txt title="Gamma title"`,
		`source cr path=cr.txt title="CR title"`,
		// The UTF-16 warning concerns the report's reader too.
		"note u16.txt: decoded from UTF-16LE; offsets refer to the decoded UTF-8 text, not the file's bytes\n",
	} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
}

func TestHTMLAndStdin(t *testing.T) {
	inTempDir(t, map[string]string{
		"page.html": `<html><head><title>Page title</title><meta property="og:site_name" content="Web Daily">` +
			`<meta property="article:published_time" content="2026-02-26T09:00:00Z"></head>` +
			`<body><nav>Menu</nav><article><h1>Page title</h1><p>Page body.</p></article></body></html>`,
	})
	got := runFake(t, fakeStages(0), "Piped title\nPiped body.\n", "page.html", "-")
	want := "format md\n" +
		"source page path=page.html title=\"Page title\" outlet=\"Web Daily\" url=\"\" date=2026-02-26T09:00:00Z\n" +
		"source stdin path= title=\"Piped title\" outlet=\"\" url=\"\" date=-\n" +
		"note page body@0 \"Page title\"\n" +
		"note stdin body@0 \"Piped title\"\n" +
		"note stories 0 min-sim 0\n" +
		// Said in the report, not as a warning: it is not a problem.
		"note page.html: HTML page: offsets refer to its extracted article text\n"
	checkOutcome(t, got, outcome{0, want, ""})
}

func TestRecursiveAndDuplicateIDs(t *testing.T) {
	inTempDir(t, map[string]string{
		"feed/a.txt":             artB,
		"feed/wire/a.txt":        artB,
		"feed/wire/late/a.md":    artA,
		"feed/wire/.cache/x.txt": artB,
	})
	got := runFake(t, fakeStages(0), "", "-r", "feed")
	wantErr := "crosscheck: feed/wire/a.txt: id \"a\" is already used by feed/a.txt; this source is \"a~2\"\n" +
		"crosscheck: feed/wire/late/a.md: id \"a\" is already used by feed/a.txt; this source is \"a~3\"\n"
	if got.code != 0 || got.stderr != wantErr {
		t.Errorf("code %d stderr:\n%s\nwant:\n%s", got.code, got.stderr, wantErr)
	}
	for _, want := range []string{
		"source a path=feed/a.txt ", "source a~2 path=feed/wire/a.txt ", "source a~3 path=feed/wire/late/a.md ",
		"note feed/wire/a.txt: id \"a\" is already used by feed/a.txt; this source is \"a~2\"\n",
	} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, got.stdout)
		}
	}
	if strings.Contains(got.stdout, ".cache") {
		t.Errorf("hidden directory read:\n%s", got.stdout)
	}
}

func TestArgumentOrderDoesNotMatter(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB, "c.txt": artB})
	first := runFake(t, fakeStages(0), "", "c.txt", "a.md", "b.txt")
	second := runFake(t, fakeStages(0), "", "b.txt", "c.txt", "a.md")
	checkOutcome(t, second, first)
}

func TestFlagsAnywhere(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB, "-x.txt": artB})
	got := runFake(t, fakeStages(0), "", "a.md", "-format", "json", "b.txt", "-q")
	if got.code != 0 || !strings.HasPrefix(got.stdout, "format json\n") || !strings.Contains(got.stdout, "source b ") {
		t.Errorf("got %+v", got)
	}
	// "--" ends the flags, so a file may start with a dash.
	got = runFake(t, fakeStages(0), "", "-format=html", "--", "-x.txt", "a.md")
	if got.code != 0 || !strings.HasPrefix(got.stdout, "format html\n") || !strings.Contains(got.stdout, "source -x ") {
		t.Errorf("got %+v", got)
	}
}

func TestSeedsByDefault(t *testing.T) {
	got := runFake(t, fakeStages(0), "", "-format", "markdown")
	if got.code != 0 || got.stderr != "" {
		t.Fatalf("got %+v", got)
	}
	if n := strings.Count(got.stdout, "\nsource "); n != 5 || !strings.HasPrefix(got.stdout, "format md\n") {
		t.Errorf("want the 5 seed sources as md, got:\n%s", got.stdout)
	}
}

func TestOneSource(t *testing.T) {
	inTempDir(t, map[string]string{"b.txt": artB})
	got := runFake(t, fakeStages(0), "", "b.txt")
	checkOutcome(t, outcome{got.code, "", got.stderr}, outcome{0, "", "crosscheck: only one source (b): cross-source comparison needs two or more\n"})
}

func TestFailOnConflict(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB})
	tests := []struct {
		name      string
		conflicts int
		args      []string
		code      int
	}{
		{"conflicts without the flag", 2, []string{"a.md", "b.txt"}, 0},
		{"conflicts with the flag", 2, []string{"-fail-on-conflict", "a.md", "b.txt"}, 1},
		{"no conflicts with the flag", 0, []string{"-fail-on-conflict", "a.md", "b.txt"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runFake(t, fakeStages(tt.conflicts), "", tt.args...)
			if got.code != tt.code || got.stdout == "" {
				t.Errorf("code %d, want %d (stdout %q, stderr %q)", got.code, tt.code, got.stdout, got.stderr)
			}
		})
	}
}

func TestConfigFile(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB, "cfg.json": `{"entities": [{"name": "Acme Corp", "aliases": ["Acme"]}]}`})
	got := runFake(t, fakeStages(0), "", "-config", "cfg.json", "a.md", "b.txt")
	if got.code != 0 || !strings.Contains(got.stdout, "note config loaded\n") {
		t.Errorf("got %+v", got)
	}
}

// TestSourceMeta checks the "sources" key of -config: dates and outlets
// for articles that cannot carry them, and clear errors.
func TestSourceMeta(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB,
		"cfg.json":     `{"sources": [{"source": "b.txt", "date": "2026-03-01", "outlet": "Beta Wire"}, {"source": "a", "outlet": "Alpha Daily"}]}`,
		"typo.json":    `{"sources": [{"source": "c.txt", "date": "2026-03-01"}]}`,
		"baddate.json": `{"sources": [{"source": "b", "date": "next week"}]}`})
	got := runFake(t, fakeStages(0), "", "-config", "cfg.json", "a.md", "b.txt")
	for _, want := range []string{
		`source a path=a.md title="Alpha: a headline" outlet="Alpha Daily" url="https://example.com/a" date=2026-02-27T00:00:00Z`,
		`source b path=b.txt title="Beta headline" outlet="Beta Wire" url="" date=2026-03-01T00:00:00Z`,
	} {
		if got.code != 0 || !strings.Contains(got.stdout, want) {
			t.Errorf("want %q in %+v", want, got)
		}
	}
	checkOutcome(t, runFake(t, fakeStages(0), "", "-config", "typo.json", "a.md", "b.txt"),
		outcome{code: 2, stderr: "crosscheck: typo.json: sources: \"c.txt\" names none of the articles read\n"})
	checkOutcome(t, runFake(t, fakeStages(0), "", "-config", "baddate.json", "a.md", "b.txt"),
		outcome{code: 2, stderr: "crosscheck: baddate.json: sources[0] (b): date \"next week\" is not a date (try 2026-02-27)\n"})
}

func TestOutputFile(t *testing.T) {
	dir := inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB, "out/": "", "keep.md": "old\n"})
	t.Run("written, format from extension", func(t *testing.T) {
		got := runFake(t, fakeStages(0), "", "-o", "out/report.json", "a.md", "b.txt")
		checkOutcome(t, got, outcome{0, "", ""})
		data, err := os.ReadFile("out/report.json")
		if err != nil || !strings.HasPrefix(string(data), "format json\n") {
			t.Errorf("report: %q, %v", data, err)
		}
		entries, _ := os.ReadDir("out")
		if len(entries) != 1 {
			t.Errorf("temporary files left behind: %v", entries)
		}
	})
	t.Run("explicit format wins over extension", func(t *testing.T) {
		checkOutcome(t, runFake(t, fakeStages(0), "", "-format", "html", "-o", "out/r.json", "a.md", "b.txt"), outcome{0, "", ""})
		data, _ := os.ReadFile("out/r.json")
		if !strings.HasPrefix(string(data), "format html\n") {
			t.Errorf("report: %q", data)
		}
	})
	t.Run("replaces an existing report keeping its mode", func(t *testing.T) {
		if err := os.WriteFile("out/r.md", []byte("stale"), 0o600); err != nil {
			t.Fatal(err)
		}
		checkOutcome(t, runFake(t, fakeStages(0), "", "-o", "out/r.md", "a.md", "b.txt"), outcome{0, "", ""})
		fi, err := os.Stat("out/r.md")
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, %v", fi.Mode(), err)
		}
		data, _ := os.ReadFile("out/r.md")
		if !strings.HasPrefix(string(data), "format md\n") {
			t.Errorf("report: %q", data)
		}
	})
	refuse := []struct {
		name, out string
		args      []string
		read      string
	}{
		{"an input file", "b.txt", []string{"a.md", "b.txt"}, "b.txt"},
		{"the same file by another path", filepath.Join(dir, "b.txt"), []string{"a.md", "./b.txt"}, "b.txt"},
		{"a file inside an input directory", "a.md", []string{"."}, "a.md"},
		{"a skipped input", "empty.txt", []string{"a.md", "b.txt", "empty.txt"}, "empty.txt"},
	}
	if err := os.WriteFile("empty.txt", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range refuse {
		t.Run("refuses "+tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.out)
			got := runFake(t, fakeStages(0), "", append([]string{"-q", "-o", tt.out}, tt.args...)...)
			want := fmt.Sprintf("crosscheck: %s: refusing to overwrite an input file (it is also read as %s)\n", tt.out, tt.read)
			checkOutcome(t, got, outcome{2, "", want})
			after, _ := os.ReadFile(tt.out)
			if string(after) != string(before) {
				t.Errorf("%s changed", tt.out)
			}
		})
	}
	t.Run("refuses a symlink to an input", func(t *testing.T) {
		if err := os.Symlink("b.txt", "link.md"); err != nil {
			t.Skip("no symlinks here:", err)
		}
		defer os.Remove("link.md")
		got := runFake(t, fakeStages(0), "", "-o", "link.md", "a.md", "b.txt")
		checkOutcome(t, got, outcome{2, "", "crosscheck: link.md: refusing to overwrite an input file (it is also read as b.txt)\n"})
	})
	t.Run("nothing created when rendering fails", func(t *testing.T) {
		st := fakeStages(0)
		st.render = func(w io.Writer, format string, res *analyze.Result) error {
			io.WriteString(w, "half a report")
			return errors.New("template broke")
		}
		got := runFake(t, st, "", "-o", "out/failed.md", "a.md", "b.txt")
		checkOutcome(t, got, outcome{2, "", "crosscheck: rendering the md report: template broke\n"})
		if _, err := os.Stat("out/failed.md"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("out/failed.md exists after a failure: %v", err)
		}
		if entries, _ := os.ReadDir("out"); len(entries) != 3 {
			t.Errorf("unexpected files: %v", entries)
		}
	})
	t.Run("nothing created when analysis fails", func(t *testing.T) {
		st := fakeStages(0)
		st.analyze = func(context.Context, []tokenize.Source, settings, *progress) (*analyze.Result, error) {
			return nil, errors.New("analyze: out of cheese")
		}
		checkOutcome(t, runFake(t, st, "", "-o", "out/none.md", "a.md", "b.txt"), outcome{2, "", "crosscheck: analyze: out of cheese\n"})
		if _, err := os.Stat("out/none.md"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("out/none.md exists after a failure: %v", err)
		}
	})
	t.Run("a named pipe is written, not replaced", func(t *testing.T) {
		// The same path as -o /dev/null: a rename over a device would
		// leave a plain file in its place.
		if err := mkfifo("out/pipe"); err != nil {
			t.Skip("no named pipes here:", err)
		}
		defer os.Remove("out/pipe")
		read := make(chan string)
		go func() {
			data, _ := os.ReadFile("out/pipe")
			read <- string(data)
		}()
		checkOutcome(t, runFake(t, fakeStages(0), "", "-format", "json", "-o", "out/pipe", "a.md", "b.txt"), outcome{0, "", ""})
		select {
		case got := <-read:
			if !strings.HasPrefix(got, "format json\n") {
				t.Errorf("read from the pipe: %q", got)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("nothing was written to the pipe")
		}
		if fi, err := os.Lstat("out/pipe"); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("out/pipe is no longer a pipe: %v, %v", fi.Mode(), err)
		}
	})
	t.Run("a directory is refused", func(t *testing.T) {
		checkOutcome(t, runFake(t, fakeStages(0), "", "-o", "out", "a.md", "b.txt"), outcome{2, "", "crosscheck: out: is a directory; -o needs a file name\n"})
	})
	t.Run("dash is stdout", func(t *testing.T) {
		got := runFake(t, fakeStages(0), "", "-o", "-", "a.md", "b.txt")
		if got.code != 0 || !strings.HasPrefix(got.stdout, "format md\n") {
			t.Errorf("got %+v", got)
		}
	})
	if data, _ := os.ReadFile("keep.md"); string(data) != "old\n" {
		t.Errorf("an unrelated file changed: %q", data)
	}
}

func TestProgress(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB})
	st := fakeStages(0)
	inner := st.analyze
	st.analyze = func(ctx context.Context, srcs []tokenize.Source, set settings, p *progress) (*analyze.Result, error) {
		p.show("analysing %d/%d", 1, 2)
		return inner(ctx, srcs, set, p)
	}
	got := runFake(t, st, "", "-progress", "a.md", "b.txt")
	checkOutcome(t, outcome{got.code, "", got.stderr}, outcome{0, "", "crosscheck: reading 2 input(s)\ncrosscheck: analysing 1/2\n"})
	got = runFake(t, st, "", "-progress", "-q", "a.md", "b.txt")
	checkOutcome(t, outcome{got.code, "", got.stderr}, outcome{0, "", ""})
	got = runFake(t, st, "", "a.md", "b.txt") // stderr is not a terminal here
	checkOutcome(t, outcome{got.code, "", got.stderr}, outcome{0, "", ""})
}

func TestInterrupted(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB})
	st := fakeStages(0)
	st.analyze = func(ctx context.Context, _ []tokenize.Source, _ settings, _ *progress) (*analyze.Result, error) {
		<-ctx.Done()
		return nil, fmt.Errorf("tokenize: %w", ctx.Err())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb strings.Builder
	code := runContext(ctx, st, []string{"-o", "r.md", "a.md", "b.txt"}, strings.NewReader(""), &out, &errb)
	checkOutcome(t, outcome{code, out.String(), errb.String()}, outcome{2, "", "crosscheck: interrupted; no report written\n"})
	if _, err := os.Stat("r.md"); err == nil {
		t.Error("r.md written after an interrupt")
	}
}

func TestStoryFlags(t *testing.T) {
	inTempDir(t, map[string]string{"a.md": artA, "b.txt": artB})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"a.md", "b.txt"}, "note stories 0 min-sim 0\n"},
		{[]string{"-stories", "on", "-story-min-sim", "0.5", "a.md", "b.txt"}, "note stories 1 min-sim 0.5\n"},
		{[]string{"-stories=OFF", "a.md", "b.txt"}, "note stories 2 min-sim 0\n"},
	}
	for _, tt := range tests {
		got := runFake(t, fakeStages(0), "", tt.args...)
		if got.code != 0 || !strings.Contains(got.stdout, tt.want) {
			t.Errorf("%q: code %d, stdout lacks %q:\n%s", tt.args, got.code, tt.want, got.stdout)
		}
	}
}

func TestGroupNotes(t *testing.T) {
	const msg = "HTML page: offsets refer to its extracted article text"
	var ws []input.Warning
	for _, p := range []string{"a.html", "b.html", "c.html", "d.html", "e.html"} {
		ws = append(ws, input.Warning{Path: p, Msg: msg, Report: true, Info: true})
	}
	ws = append(ws, input.Warning{Path: "x.htm", Msg: "other remark", Info: true})
	want := []string{"a.html, b.html, c.html and 2 more: " + msg, "x.htm: other remark"}
	if d := cmp.Diff(want, groupNotes(ws)); d != "" {
		t.Errorf("notes (-want +got):\n%s", d)
	}
	if got := groupNotes(ws[:2]); len(got) != 1 || got[0] != "a.html, b.html: "+msg {
		t.Errorf("two pages: %q", got)
	}
}
