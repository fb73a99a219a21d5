package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/report"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// These tests run the real tokenize → analyze → report pipeline through the
// command. While a stage is still a stub they skip, naming it.

var (
	stubOnce  sync.Once
	stubStage string
	probeErr  error
)

// requirePipeline skips the test when a pipeline stage still panics with
// "STUB". Only this helper recovers that panic: the command itself must
// never rely on recovering. A stage that fails otherwise fails the test.
func requirePipeline(t *testing.T) {
	t.Helper()
	stubOnce.Do(func() { stubStage, probeErr = findStub() })
	if stubStage != "" {
		t.Skipf("pipeline stage %s is still a stub", stubStage)
	}
	if probeErr != nil {
		t.Fatalf("pipeline probe: %v", probeErr)
	}
}

// findStub runs each stage once on a tiny input and returns the name of
// the first that panics with "STUB".
func findStub() (stage string, err error) {
	defer func() {
		if r := recover(); r != nil {
			if fmt.Sprint(r) != "STUB" {
				panic(r)
			}
			err = nil
		} else {
			stage = ""
		}
	}()
	text := []byte("Probe title\n\nThe probe ran on Monday. It cost $5 million.\n")
	srcs := []tokenize.Source{{ID: "p1", Text: text}, {ID: "p2", Text: text}}
	stage = "tokenize (Tokenizer.Documents)"
	tok, err := tokenize.New(tokenize.Options{})
	if err != nil {
		return "", err
	}
	docs, err := tok.Documents(context.Background(), srcs)
	if err != nil {
		return "", err
	}
	stage = "analyze (Run)"
	res, err := analyze.Run(context.Background(), docs, analyze.Options{})
	if err != nil {
		return "", err
	}
	for _, f := range []struct {
		name   string
		render func(io.Writer, *analyze.Result) error
	}{{"report (JSON)", report.JSON}, {"report (Markdown)", report.Markdown}, {"report (HTML)", report.HTML}} {
		stage = f.name
		if err := f.render(io.Discard, res); err != nil {
			return "", err
		}
	}
	return "", nil
}

// runReal runs the command with the real pipeline.
func runReal(t *testing.T, stdin string, args ...string) outcome {
	t.Helper()
	var out, errb strings.Builder
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return outcome{code, out.String(), errb.String()}
}

// jsonReport is the part of the crosscheck/report/v1 schema these tests read.
type jsonReport struct {
	Schema  string `json:"schema"`
	Sources []struct {
		ID, Path, Title, Outlet, Date, URL string
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
}

func decodeReport(t *testing.T, data string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, data)
	}
	if r.Schema != report.Schema {
		t.Errorf("schema %q, want %q", r.Schema, report.Schema)
	}
	return r
}

func TestEndToEndSeeds(t *testing.T) {
	requirePipeline(t)
	md := runReal(t, "")
	if md.code != 0 || md.stderr != "" || !strings.HasPrefix(md.stdout, "# ") {
		t.Fatalf("seed Markdown: code %d stderr %q stdout starts %q", md.code, md.stderr, md.stdout[:min(len(md.stdout), 80)])
	}
	js := runReal(t, "", "-format", "json")
	if js.code != 0 {
		t.Fatalf("json: %+v", js)
	}
	r := decodeReport(t, js.stdout)
	if len(r.Sources) != 5 {
		t.Errorf("%d sources, want the 5 seeds", len(r.Sources))
	}
	wantCode := 0
	if len(r.Conflicts) > 0 {
		wantCode = 1
	}
	// A second run must give the same bytes; -fail-on-conflict changes
	// only the exit code.
	got := runReal(t, "", "-q", "-fail-on-conflict", "-format", "json")
	if got.code != wantCode {
		t.Errorf("-fail-on-conflict with %d conflicts: code %d, want %d", len(r.Conflicts), got.code, wantCode)
	}
	if got.stdout != js.stdout {
		t.Error("two runs on the seeds gave different JSON")
	}
}

// bridgeStory is a small story on a subject unlike the seeds, in the three input
// formats, with odd encodings, so that every span can be checked against
// the text each source was read from.
var bridgeStory = map[string]string{
	"harbor.md": "---\ntitle: Harbor bridge opens after delays\noutlet: Coast Herald\ndate: 2026-03-02\n---\n" +
		"# Harbor bridge opens after delays\n\nThe new harbor bridge cost $40 million, city officials said on Monday.\n\n" +
		"The bridge is the only crossing open to trucks. Construction took three years.\n",
	"wire.txt": "\xef\xbb\xbfBridge opens to traffic\r\n\r\nThe harbor bridge cost $55 million according to the transport agency.\r\n" +
		"Trucks can also use the old ferry crossing. Construction took three years.\r\n",
	"city.html": `<!doctype html><html><head><title>City news</title><meta property="og:site_name" content="City Daily"></head>` +
		`<body><nav>Home</nav><article><h1>Harbor bridge finally open</h1><p>The harbor bridge, which cost $40 million, opened on Monday.</p>` +
		`<p>Officials said construction did not take three years.</p></article><footer>(c) City Daily</footer></body></html>`,
}

func TestEndToEndSpans(t *testing.T) {
	requirePipeline(t)
	inTempDir(t, bridgeStory)
	got := runReal(t, "", "-format", "json", ".")
	if got.code != 0 {
		t.Fatalf("code %d, stderr %q", got.code, got.stderr)
	}
	r := decodeReport(t, got.stdout)
	srcs, _, err := input.Read([]string{"."}, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]byte{}
	for _, s := range srcs {
		texts[s.ID] = s.Text
	}
	var ids []string
	for _, s := range r.Sources {
		ids = append(ids, s.ID+"|"+s.Outlet+"|"+s.Date)
	}
	if want := "city|City Daily|,harbor|Coast Herald|2026-03-02,wire||"; strings.Join(ids, ",") != want {
		t.Errorf("sources %q, want %q", strings.Join(ids, ","), want)
	}
	for _, f := range append(r.Conflicts, r.Agreements...) {
		for _, e := range []jsonEvidence{f.A, f.B} {
			text, ok := texts[e.Source]
			if !ok || e.Start < 0 || e.End > len(text) || e.Start > e.End {
				t.Errorf("finding %s: span %s[%d:%d] out of range", f.ID, e.Source, e.Start, e.End)
				continue
			}
			if got := string(text[e.Start:e.End]); got != e.Text {
				t.Errorf("finding %s: %s[%d:%d] = %q, report says %q", f.ID, e.Source, e.Start, e.End, got, e.Text)
			}
		}
	}
	// Argument order does not change the report.
	again := runReal(t, "", "-format", "json", "wire.txt", "city.html", "harbor.md")
	if again.stdout != got.stdout {
		t.Error("the report depends on the order of the arguments")
	}
}

func TestEndToEndOutputAndStdin(t *testing.T) {
	requirePipeline(t)
	inTempDir(t, bridgeStory)
	got := runReal(t, bridgeStory["wire.txt"], "-q", "-o", "report.html", "harbor.md", "-")
	if got.code != 0 || got.stdout != "" || got.stderr != "" {
		t.Fatalf("got %+v", got)
	}
	page, err := os.ReadFile("report.html")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(bytes.ToLower(page), []byte("<!doctype html")) || !bytes.Contains(page, []byte("stdin")) {
		t.Errorf("report.html is not the HTML report of harbor and stdin:\n%.300s", page)
	}
}

func TestEndToEndOneSource(t *testing.T) {
	requirePipeline(t)
	inTempDir(t, bridgeStory)
	got := runReal(t, "", "-format", "json", "harbor.md")
	if got.code != 0 || got.stderr != "crosscheck: only one source (harbor): cross-source comparison needs two or more\n" {
		t.Fatalf("code %d stderr %q", got.code, got.stderr)
	}
	r := decodeReport(t, got.stdout)
	if !strings.Contains(strings.Join(r.Notes, "\n"), "two or more") {
		t.Errorf("notes %q do not say that comparison needs two or more sources", r.Notes)
	}
}

func TestEndToEndConfig(t *testing.T) {
	requirePipeline(t)
	inTempDir(t, map[string]string{
		"good.json": `{"entities": [{"name": "Harbor Authority", "class": "agency", "aliases": ["the authority"]}],
		               "topics": [{"name": "cost", "terms": ["cost", "price"]}]}`,
		"bad.json": "{\n  \"entities\": [\n",
		"a.txt":    bridgeStory["wire.txt"],
		"b.md":     bridgeStory["harbor.md"],
	})
	if got := runReal(t, "", "-q", "-config", "good.json", "a.txt", "b.md"); got.code != 0 {
		t.Errorf("good config: %+v", got)
	}
	got := runReal(t, "", "-config", "bad.json", "a.txt", "b.md")
	if got.code != 2 || !strings.HasPrefix(got.stderr, "crosscheck: bad.json: ") || got.stdout != "" {
		t.Errorf("bad config: %+v", got)
	}
}
