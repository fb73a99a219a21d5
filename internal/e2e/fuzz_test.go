package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/pairs"
	"github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/report"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// FuzzAnalyze cuts arbitrary text into two or three sources (cut1 and cut2
// pick the cut points) and runs the whole pipeline and every report format
// on them: no panic, and every evidence span is inside its source with its
// text equal to the slice. The seed corpus is in testdata/fuzz/FuzzAnalyze;
// .ci/fuzz runs it briefly with -fuzz.
func FuzzAnalyze(f *testing.F) {
	tagger, err := tokenize.New(tokenize.Options{})
	if err != nil {
		f.Fatal(err)
	}
	notags, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte, cut1, cut2 uint16) {
		c1, c2 := int(cut1)%(len(text)+1), int(cut2)%(len(text)+1)
		if c2 < c1 {
			c1, c2 = c2, c1
		}
		parts := [][]byte{text[:c1], text[c1:c2], text[c2:]}
		if c1 == c2 {
			parts = [][]byte{text[:c1], text[c1:]} // two sources
		}
		var srcs []tokenize.Source
		texts := map[string][]byte{}
		for i, p := range parts {
			id := string(rune('a' + i))
			srcs = append(srcs, tokenize.Source{ID: id, Title: id, Text: p})
			texts[id] = p
		}
		tk := notags
		if len(text) < 300 {
			tk = tagger // tagging is slow; run it on short inputs
		}
		res, err := pipeline.RunWith(context.Background(), tk, srcs, pipeline.Options{})
		if err != nil {
			if errors.Is(err, tokenize.ErrUTF16) {
				return // refused by design: a part starts with a UTF-16 byte-order mark
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("a stage panicked: %v", err)
			}
			t.Fatalf("pipeline failed on text it should accept: %v", err)
		}
		if len(res.Sources) != len(srcs) {
			t.Fatalf("%d sources in the result, want %d", len(res.Sources), len(srcs))
		}
		checkSpans(t, res, texts)
		for _, r := range []struct {
			name   string
			render func(io.Writer, *analyze.Result) error
		}{{"JSON", report.JSON}, {"Markdown", report.Markdown}, {"HTML", report.HTML}} {
			if err := r.render(io.Discard, res); err != nil {
				t.Fatalf("report.%s: %v", r.name, err)
			}
		}
	})
}

// FuzzPairsLine feeds arbitrary bytes to pairs.ParseLine and, as a whole
// input, to pairs.Run: no panic; ParseLine gives an error or a pair whose
// id is JSON; Run writes one valid JSON line per pair and reports bad lines
// as *pairs.LineError with their line number. The seed corpus is in
// testdata/fuzz/FuzzPairsLine.
func FuzzPairsLine(f *testing.F) {
	bodies := map[string]string{"1": "The first body.", "x": "Body x."}
	judge := func(p pairs.Pair) (analyze.Verdict, error) {
		// A stand-in judge: the reader, not the model, is under test.
		return analyze.Verdict{Label: analyze.Neutral, Score: 0.5, Evidence: tokenize.Span{End: len(p.Premise)}}, nil
	}
	f.Fuzz(func(t *testing.T, raw []byte, line int) {
		p, err := pairs.ParseLine(line, raw, bodies)
		if err == nil {
			if p.Line != line {
				t.Fatalf("pair line %d, want %d", p.Line, line)
			}
			if !json.Valid(p.ID) {
				t.Fatalf("pair id %q is not JSON", p.ID)
			}
			if !json.Valid(bytes.TrimSpace(raw)) {
				t.Fatalf("accepted a line that is not valid JSON: %q", raw)
			}
		}

		// The same bytes as a whole file, with a small line limit so the
		// over-long path is reached too.
		var out bytes.Buffer
		st, err := pairs.Run(context.Background(), bytes.NewReader(raw), &out, judge,
			pairs.Options{Workers: 2, MaxLine: 64, SkipBad: line%2 == 0, Bodies: bodies})
		if err != nil {
			var le *pairs.LineError
			if !errors.As(err, &le) || le.Line < 1 || le.Line > st.Lines+1 {
				t.Fatalf("run error %v (%T), want a *LineError with a line number in 1..%d", err, err, st.Lines+1)
			}
		}
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 1<<20)
		n := 0
		for sc.Scan() {
			n++
			if !json.Valid(sc.Bytes()) {
				t.Fatalf("output line %d is not JSON: %q", n, sc.Bytes())
			}
		}
		if n != st.Pairs {
			t.Fatalf("%d output lines, stats say %d pairs", n, st.Pairs)
		}
		for _, b := range st.Bad {
			if b.Line < 1 || b.Line > st.Lines {
				t.Fatalf("bad line %d outside 1..%d", b.Line, st.Lines)
			}
		}
	})
}
