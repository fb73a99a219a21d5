package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// These tests run the built binary on odd inputs with the real pipeline.
// cmd/crosscheck's own tests check the exact messages with stand-in stages;
// here the point is the whole product: real exit codes, no panic (runBin
// fails on one), and offsets in the real report that index the files' bytes.

// files creates the files of m in a new temporary directory (a name ending
// in "/" is a directory) and returns the directory.
func files(t *testing.T, m map[string][]byte) string {
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
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// jsonReport is the part of the JSON report these tests read.
type jsonReport struct {
	Sources []struct {
		ID, Path string
	} `json:"sources"`
	Conflicts  []jsonFinding `json:"conflicts"`
	Agreements []jsonFinding `json:"agreements"`
	Notes      []string      `json:"notes"`
}

type jsonFinding struct {
	ID string       `json:"id"`
	A  jsonEvidence `json:"a"`
	B  jsonEvidence `json:"b"`
}

type jsonEvidence struct {
	Source     string `json:"source"`
	Start, End int
	Text       string
	Context    *struct {
		Start, End int
		Text       string
	} `json:"context"`
}

func parseReport(t *testing.T, out string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("the JSON report does not parse: %v\n%.500s", err, out)
	}
	return r
}

// storyFacts are statements of one made-up event, in two versions, so that
// the test articles have something to agree and disagree on.
var storyFacts = [2][]string{
	{"Acme said the plant runs solely on Acme chips.", "The deal cost $5 million, officials said on Monday.", "Mayor Lopez approved the contract."},
	{"Beta said the plant also uses Beta chips.", "The deal cost $9 million, officials said on Monday.", "Mayor Lopez rejected the contract."},
}

// storyText writes version v of the story with the given line ending,
// after a title line.
func storyText(title string, v int, eol string) []byte {
	return []byte(title + eol + eol + strings.Join(storyFacts[v], eol) + eol)
}

// TestCLIOffsetsIndexFileBytes runs the real pipeline on files with CRLF and
// CR line endings, a UTF-8 byte-order mark and invalid UTF-8, and checks
// every quoted span of the JSON report against the bytes of the file.
func TestCLIOffsetsIndexFileBytes(t *testing.T) {
	m := map[string][]byte{
		"crlf.txt":  storyText("CRLF title", 0, "\r\n"),
		"cr.txt":    storyText("CR title", 1, "\r"),
		"bom.txt":   append([]byte("\xef\xbb\xbf"), storyText("BOM title", 1, "\n")...),
		"bad.txt":   append([]byte("Bad \xff\xfe title\n\nCaf\xe9 \xc3 owners. "), storyText("", 0, " ")...),
		"plain.txt": storyText("Plain title", 0, "\n"),
	}
	dir := files(t, m)
	got := runBin(t, dir, "", "-format", "json", ".")
	if got.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", got.code, got.stderr)
	}
	if !strings.Contains(got.stderr, "bad.txt: invalid UTF-8 at byte 4") {
		t.Errorf("no warning naming bad.txt and the first bad byte; stderr:\n%s", got.stderr)
	}
	r := parseReport(t, got.stdout)
	if len(r.Sources) != len(m) {
		t.Fatalf("%d sources in the report, want %d", len(r.Sources), len(m))
	}
	if len(r.Conflicts)+len(r.Agreements) == 0 {
		t.Fatalf("no findings at all, so no offsets to check; report:\n%s", got.stdout)
	}
	for _, f := range append(r.Conflicts, r.Agreements...) {
		for side, ev := range []jsonEvidence{f.A, f.B} {
			text, ok := m[ev.Source+".txt"]
			if !ok {
				t.Fatalf("finding %s names unknown source %q", f.ID, ev.Source)
			}
			if ev.Start < 0 || ev.Start > ev.End || ev.End > len(text) {
				t.Fatalf("finding %s side %d: [%d,%d) outside %s's %d bytes", f.ID, side, ev.Start, ev.End, ev.Source, len(text))
			}
			// JSON cannot carry invalid UTF-8, so compare as Go strings do
			// after the same replacement.
			if want := strings.ToValidUTF8(string(text[ev.Start:ev.End]), "\uFFFD"); ev.Text != want {
				t.Errorf("finding %s side %d: text %q, file bytes [%d,%d) are %q", f.ID, side, ev.Text, ev.Start, ev.End, want)
			}
			if c := ev.Context; c != nil {
				if c.Start < 0 || c.Start > c.End || c.End > len(text) {
					t.Fatalf("finding %s side %d: context [%d,%d) outside %d bytes", f.ID, side, c.Start, c.End, len(text))
				}
				if want := strings.ToValidUTF8(string(text[c.Start:c.End]), "\uFFFD"); c.Text != want {
					t.Errorf("finding %s side %d: context %q, file bytes are %q", f.ID, side, c.Text, want)
				}
			}
		}
	}
}

// TestCLIOddInputs checks exit codes and messages of the real binary.
func TestCLIOddInputs(t *testing.T) {
	u16 := []byte{0xff, 0xfe}
	for _, r := range utf16.Encode([]rune(string(storyText("UTF-16 title", 1, "\n")))) {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 250}, 4096)...)
	dir := files(t, map[string][]byte{
		"a.txt":            storyText("A title", 0, "\n"),
		"b.txt":            storyText("B title", 1, "\n"),
		"empty.txt":        nil,
		"blank.txt":        []byte(" \r\n\t\n"),
		"nul.txt":          bytes.Repeat([]byte{0}, 1000),
		"photo.txt":        png,
		"u16.txt":          u16,
		"nothing/":         nil,
		"dup/one/a.txt":    storyText("Dup one", 0, "\n"),
		"dup/two/a.txt":    storyText("Dup two", 1, "\n"),
		"odd/x.txt":        bytes.Repeat([]byte("\xff\xfe\xfd "), 2000), // no valid text but not binary-looking
		"odd/y.txt":        []byte(strings.Repeat("!?.,;:\"'()[]", 500)),
		"odd/z.txt":        []byte(strings.Repeat("\u200b\u00a0\u2028\u202e", 300) + "Word."),
		"skipped/nul.txt":  bytes.Repeat([]byte{0}, 10),
		"skipped/zero.txt": nil,
	})
	tests := []struct {
		name      string
		args      []string
		stdin     string
		code      int
		stderrHas []string
		stdoutHas []string
	}{
		{name: "missing path", args: []string{"a.txt", "missing.txt"}, code: 2, stderrHas: []string{"missing.txt: no such file or directory"}},
		{name: "directory without articles", args: []string{"nothing"}, code: 2, stderrHas: []string{"nothing: no readable articles"}},
		{name: "only skipped files", args: []string{"skipped"}, code: 2, stderrHas: []string{"skipped/nul.txt: skipped: only NUL bytes", "every input was skipped"}},
		{
			name: "odd files skipped, the others analysed", args: []string{"-format", "json", "a.txt", "b.txt", "empty.txt", "blank.txt", "nul.txt", "photo.txt"}, code: 0,
			stderrHas: []string{"empty.txt: skipped: empty file", "blank.txt: skipped: whitespace only", "nul.txt: skipped: only NUL bytes", "photo.txt: skipped: binary file"},
			stdoutHas: []string{`"id": "a"`, `"id": "b"`},
		},
		{name: "strict", args: []string{"-strict", "a.txt", "b.txt", "nul.txt"}, code: 2, stderrHas: []string{"nul.txt: only NUL bytes"}},
		{name: "UTF-16 decoded", args: []string{"-format", "json", "a.txt", "u16.txt"}, code: 0, stderrHas: []string{"u16.txt: decoded from UTF-16LE"}, stdoutHas: []string{`"id": "u16"`}},
		{name: "one source", args: []string{"a.txt"}, code: 0, stderrHas: []string{"cross-source comparison needs two or more"}, stdoutHas: []string{"cross-source comparison needs two or more"}},
		{name: "duplicate ids", args: []string{"-r", "-format", "json", "dup"}, code: 0, stderrHas: []string{`this source is "a~2"`}, stdoutHas: []string{`"id": "a~2"`, `this source is \"a~2\"`}},
		{name: "garbage and punctuation only", args: []string{"-format", "json", "odd", "a.txt"}, code: 0},
		{name: "binary on stdin", args: []string{"-", "a.txt"}, stdin: string(png), code: 0, stderrHas: []string{"binary"}},
		{name: "fail on conflict", args: []string{"-q", "-fail-on-conflict", "a.txt", "b.txt"}, code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runBin(t, dir, tt.stdin, tt.args...)
			if got.code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", got.code, tt.code, got.stderr)
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(got.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, got.stderr)
				}
			}
			for _, s := range tt.stdoutHas {
				if !strings.Contains(got.stdout, s) {
					t.Errorf("stdout lacks %q:\n%.2000s", s, got.stdout)
				}
			}
			if got.code == 2 && got.stdout != "" {
				t.Errorf("a failed run wrote a report:\n%.500s", got.stdout)
			}
		})
	}
}

// TestCLIOutputFile checks -o with the real process: the report replaces the
// file with nothing left beside it, and an input is never overwritten.
func TestCLIOutputFile(t *testing.T) {
	a, b := storyText("A title", 0, "\n"), storyText("B title", 1, "\n")
	dir := files(t, map[string][]byte{"in/a.txt": a, "in/b.txt": b, "out/": nil})
	got := runBin(t, dir, "", "-o", "out/r.json", "in")
	if got.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", got.code, got.stderr)
	}
	parseReport(t, mustRead(t, filepath.Join(dir, "out", "r.json")))
	if entries, _ := os.ReadDir(filepath.Join(dir, "out")); len(entries) != 1 {
		t.Errorf("out/ holds %d entries, want only the report (a temporary file left behind?)", len(entries))
	}
	for _, target := range []string{"in/a.txt", "./in/b.txt", filepath.Join(dir, "in", "a.txt")} {
		got := runBin(t, dir, "", "-o", target, "in")
		if got.code != 2 || !strings.Contains(got.stderr, "refusing to overwrite an input file") {
			t.Errorf("-o %s: exit %d, stderr:\n%s", target, got.code, got.stderr)
		}
	}
	if mustRead(t, filepath.Join(dir, "in", "a.txt")) != string(a) || mustRead(t, filepath.Join(dir, "in", "b.txt")) != string(b) {
		t.Errorf("an input changed")
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCLIManyFiles runs 2,000 small files through the binary: all are read,
// grouped into stories and reported.
func TestCLIManyFiles(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	m := map[string][]byte{}
	for i := range n {
		// Two versions of one story plus generated filler, so there is
		// both agreement and noise.
		body := append(storyText(fmt.Sprintf("Article %d", i), i%2, "\n"), article(600, true, uint64(i))...)
		m[fmt.Sprintf("in/%04d.txt", i)] = body
	}
	dir := files(t, m)
	got := runBin(t, dir, "", "-q", "-format", "json", "in")
	if got.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", got.code, got.stderr)
	}
	r := parseReport(t, got.stdout)
	if len(r.Sources) != n {
		t.Fatalf("%d sources in the report, want %d", len(r.Sources), n)
	}
	for i, s := range r.Sources {
		if want := fmt.Sprintf("%04d", i); s.ID != want {
			t.Fatalf("source %d is %q, want %q (sorted file order)", i, s.ID, want)
		}
	}
}

// TestCLIPairsLongLine gives `crosscheck pairs` a line over the 10 MB limit
// between two good lines: an error naming the line, or with -skip-bad a
// count, and the good lines judged by the real judge.
func TestCLIPairsLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("11 MB pairs line skipped in -short")
	}
	good := `{"id": "g1", "premise": "The mayor won the vote.", "hypothesis": "The mayor lost the vote."}` + "\n"
	long := `{"id": "long", "premise": "` + strings.Repeat("word ", 11<<20/5) + `", "hypothesis": "h"}` + "\n"
	dir := files(t, map[string][]byte{"p.jsonl": []byte(good + long + good + "{\"premise\": \"p\"}\n")})

	got := runBin(t, dir, "", "pairs", "p.jsonl")
	if got.code != 2 || !strings.Contains(got.stderr, "p.jsonl: line 2: line longer than the limit") {
		t.Errorf("exit %d, stderr:\n%s", got.code, got.stderr)
	}
	if lines := strings.Count(got.stdout, "\n"); lines != 1 {
		t.Errorf("%d output lines before the bad line, want 1:\n%s", lines, got.stdout)
	}
	got = runBin(t, dir, "", "pairs", "-skip-bad", "p.jsonl")
	if got.code != 0 || !strings.Contains(got.stderr, "skipped 2 bad lines") ||
		!strings.Contains(got.stderr, "line 2: line longer than the limit") || !strings.Contains(got.stderr, `line 4: missing "hypothesis"`) {
		t.Errorf("-skip-bad: exit %d, stderr:\n%s", got.code, got.stderr)
	}
	if lines := strings.Count(got.stdout, "\n"); lines != 2 {
		t.Errorf("-skip-bad: %d output lines, want 2:\n%s", lines, got.stdout)
	}
}
