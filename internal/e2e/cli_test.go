package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/tokenize"
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

// TestCLIManyFiles runs 2,000 small files through the binary, in at most
// 4 GB of address space: all are read, grouped into stories and reported in
// file order. Most are unrelated generated articles, as a scrape of many
// stories would be; every 100th tells one of two versions of one story, so
// there are conflicts to report too.
func TestCLIManyFiles(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	m := map[string][]byte{}
	for i := range n {
		body := distinctArticle(i)
		if i%100 == 0 {
			body = storyText(fmt.Sprintf("Article %d", i), i/100%2, "\n")
		}
		m[fmt.Sprintf("in/%04d.txt", i)] = body
	}
	dir := files(t, m)
	got := runBinLimited(t, dir, "", 4<<10, "-q", "-format", "json", "in")
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
	if len(r.Conflicts) == 0 {
		t.Errorf("no conflicts between the %d files telling two versions of one story", n/100)
	}
}

// distinctArticle returns a short article of made-up words of its own, so
// that articles of different i share little but function words.
func distinctArticle(i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 11))
	syl := []string{"ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "gar", "bel", "dor", "fin"}
	vocab := make([]string, 30)
	for k := range vocab {
		var w strings.Builder
		for range 2 + r.IntN(3) {
			w.WriteString(syl[r.IntN(len(syl))])
		}
		vocab[k] = w.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Report on %s %s\n\n", vocab[0], vocab[1])
	for range 6 {
		fmt.Fprintf(&b, "The %s said %d %s", vocab[r.IntN(len(vocab))], 1+r.IntN(900), vocab[r.IntN(len(vocab))])
		for range 4 + r.IntN(8) {
			b.WriteString(" " + vocab[r.IntN(len(vocab))])
		}
		b.WriteString(".\n")
	}
	return []byte(b.String())
}

// TestConflictsGroupedAcrossSources gives the pipeline n sources that tell
// one of two versions of a story, for n and 4n. Agreements are merged into
// one finding with its supporting sources; conflicts must not grow faster
// than the sources either, or a scrape with many copies of a wire story
// (2,000 such files took over 20 GB and were killed) cannot be reported.
func TestConflictsGroupedAcrossSources(t *testing.T) {
	count := func(n int) (conflicts, agreements int) {
		var srcs []tokenize.Source
		for i := range n {
			srcs = append(srcs, tokenize.Source{ID: fmt.Sprintf("%04d", i), Text: storyText(fmt.Sprintf("Article %d", i), i%2, "\n")})
		}
		res, err := pipeline.Run(context.Background(), srcs, pipeline.Options{Stories: pipeline.StoriesOff, Tokenize: tokenize.Options{NoTags: true}})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Conflicts), len(res.Agreements)
	}
	c1, a1 := count(10)
	c4, a4 := count(40)
	t.Logf("10 sources: %d conflicts, %d agreements; 40 sources: %d conflicts, %d agreements", c1, a1, c4, a4)
	if c1 == 0 {
		t.Fatal("no conflicts between the two versions of the story")
	}
	if a4 > 4*max(a1, 1) {
		t.Errorf("agreements grew from %d to %d for 4× the sources", a1, a4)
	}
	if c4 > 4*c1 {
		t.Errorf("conflicts grew from %d to %d for 4× the sources: they must be grouped like agreements", c1, c4)
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
