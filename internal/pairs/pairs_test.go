package pairs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/google/go-cmp/cmp"
)

// update is accepted so `go test ./... -update` works; pairs has no golden files.
var _ = flag.Bool("update", false, "unused: pairs has no golden files")

// fakeJudge calls a pair a contradiction when the hypothesis contains "not",
// with its evidence the whole premise; it sleeps a little for pairs whose
// premise starts with "slow" so later pairs finish first.
func fakeJudge(p Pair) (analyze.Verdict, error) {
	if strings.HasPrefix(p.Premise, "slow") {
		time.Sleep(20 * time.Millisecond)
	}
	if p.Premise == "reject" {
		return analyze.Verdict{}, errors.New("cannot analyse")
	}
	v := analyze.Verdict{Label: analyze.Entailment, Score: 0.66666, Evidence: tokenize.Span{End: len(p.Premise)}}
	if strings.Contains(p.Hypothesis, "not") {
		v = analyze.Verdict{Label: analyze.Contradiction, Score: 0.9, Kind: analyze.KindPolarity,
			Cues:     []analyze.Cue{{Kind: "negation", Side: "b", Text: "not"}},
			Evidence: tokenize.Span{Start: 0, End: len(p.Premise)}}
	}
	return v, nil
}

func runString(t *testing.T, in string, opts Options) (string, Stats, error) {
	t.Helper()
	var out bytes.Buffer
	st, err := Run(context.Background(), strings.NewReader(in), &out, fakeJudge, opts)
	return out.String(), st, err
}

func TestRunOutput(t *testing.T) {
	in := `{"id": "a1", "premise": "slow: the cat sat", "hypothesis": "the cat did not sit", "label": "x"}
{"id": 7, "premise": "a <b> & c", "hypothesis": "a b"}

{"premise": "no id", "hypothesis": "h"}
{"id": -1.5e3, "premise": "p", "hypothesis": "h"}
`
	got, st, err := runString(t, in, Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a1","label":"contradiction","score":0.9,"kind":"polarity","cues":[{"kind":"negation","side":"b","text":"not"}],"evidence":{"start":0,"end":17}}
{"id":7,"label":"entailment","score":0.6667,"kind":"","cues":[],"evidence":{"start":0,"end":9}}
{"id":4,"label":"entailment","score":0.6667,"kind":"","cues":[],"evidence":{"start":0,"end":5}}
{"id":-1.5e3,"label":"entailment","score":0.6667,"kind":"","cues":[],"evidence":{"start":0,"end":1}}
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Stats{Lines: 5, Pairs: 4}, st); diff != "" {
		t.Errorf("stats mismatch (-want +got):\n%s", diff)
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	// Every third pair is slow, so workers finish out of order; the output
	// must still follow the input, with a window smaller than the input.
	var in strings.Builder
	for i := range 200 {
		p := "fast"
		if i%3 == 0 {
			p = "slow"
		}
		fmt.Fprintf(&in, `{"id": %d, "premise": %q, "hypothesis": "h"}`+"\n", i, p)
	}
	got, st, err := runString(t, in.String(), Options{Workers: 8, Window: 8})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 200 || st.Pairs != 200 {
		t.Fatalf("got %d lines, %d pairs; want 200", len(lines), st.Pairs)
	}
	for i, l := range lines {
		var o struct{ ID int }
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if o.ID != i {
			t.Fatalf("line %d has id %d, want %d", i+1, o.ID, i)
		}
	}
}

func TestRunBadLines(t *testing.T) {
	in := `{"id": 1, "premise": "p", "hypothesis": "h"}
{"id": 2, "premise": "p"
{"id": 3, "hypothesis": "h"}
{"id": 4, "premise": "p", "hypothesis": "h"}
[1, 2]
{"id": {"x": 1}, "premise": "p", "hypothesis": "h"}
{"id": 7, "premise": 5, "hypothesis": "h"}
{"id": 8, "premise": "reject", "hypothesis": "h"}
{"id": 9, "premise": "` + strings.Repeat("x", 100) + `", "hypothesis": "h"}
{"id": 10, "premise": "p", "hypothesis": "h"} trailing
{"id": 11, "premise": "p", "hypothesis": "h"}`
	opts := Options{MaxLine: 80}

	t.Run("stops at the first", func(t *testing.T) {
		got, _, err := runString(t, in, opts)
		var le *LineError
		if !errors.As(err, &le) || le.Line != 2 {
			t.Fatalf("error = %v, want a LineError for line 2", err)
		}
		if !strings.HasPrefix(err.Error(), "line 2: bad JSON: ") {
			t.Errorf("error = %q, want it to start with \"line 2: bad JSON: \"", err)
		}
		if n := strings.Count(got, "\n"); n != 1 {
			t.Errorf("wrote %d lines before the bad one, want 1:\n%s", n, got)
		}
	})

	t.Run("skip-bad", func(t *testing.T) {
		got, st, err := runString(t, in, Options{MaxLine: 80, SkipBad: true})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, l := range strings.Split(strings.TrimSpace(got), "\n") {
			var o struct{ ID json.RawMessage }
			if err := json.Unmarshal([]byte(l), &o); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, string(o.ID))
		}
		if diff := cmp.Diff([]string{"1", "4", "11"}, ids); diff != "" {
			t.Errorf("ids written mismatch (-want +got):\n%s", diff)
		}
		var bad []string
		for _, e := range st.Bad {
			bad = append(bad, e.Error())
		}
		want := []string{
			"line 2: bad JSON: unexpected end of JSON input",
			`line 3: missing "premise"`,
			"line 5: not a JSON object",
			`line 6: "id" must be a string or a number, not {"x": 1}`,
			"line 7: bad JSON: json: cannot unmarshal number into Go struct field .premise of type string",
			"line 8: cannot analyse",
			"line 9: line longer than the limit of 80 bytes",
			"line 10: bad JSON: invalid character 't' after top-level value",
		}
		if diff := cmp.Diff(want, bad); diff != "" {
			t.Errorf("bad lines mismatch (-want +got):\n%s", diff)
		}
		if st.Skipped != len(want) || st.Pairs != 3 || st.Lines != 11 {
			t.Errorf("stats: skipped %d pairs %d lines %d, want %d 3 11", st.Skipped, st.Pairs, st.Lines, len(want))
		}
	})
}

func TestRunPanickingJudge(t *testing.T) {
	judge := func(p Pair) (analyze.Verdict, error) {
		if p.Premise == "boom" {
			panic("judge bug")
		}
		return analyze.Verdict{Label: analyze.Neutral}, nil
	}
	in := `{"premise": "ok", "hypothesis": "h"}` + "\n" + `{"premise": "boom", "hypothesis": "h"}` + "\n"
	var out bytes.Buffer
	_, err := Run(context.Background(), strings.NewReader(in), &out, judge, Options{SkipBad: true})
	if err == nil || !strings.Contains(err.Error(), "item 1: panic: judge bug") {
		t.Fatalf("error = %v, want the panic reported for item 1", err)
	}
	if strings.Count(out.String(), "\n") != 1 {
		t.Errorf("want the line before the panic written, got %q", out.String())
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("disk full")
}

func TestRunWriteError(t *testing.T) {
	var in strings.Builder
	for range 50000 {
		in.WriteString(`{"premise": "p", "hypothesis": "h"}` + "\n")
	}
	_, err := Run(context.Background(), strings.NewReader(in.String()), &failingWriter{}, fakeJudge, Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error = %v, want the write error", err)
	}
}

type errReader struct{ r io.Reader }

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, errors.New("connection reset")
	}
	return n, err
}

func TestRunReadError(t *testing.T) {
	in := `{"premise": "p", "hypothesis": "h"}` + "\n" + `{"premise": "p", "hyp`
	var out bytes.Buffer
	st, err := Run(context.Background(), errReader{strings.NewReader(in)}, &out, fakeJudge, Options{})
	if err == nil || err.Error() != "line 2: connection reset" {
		t.Fatalf("error = %v, want \"line 2: connection reset\"", err)
	}
	if st.Pairs != 1 {
		t.Errorf("pairs before the error = %d, want 1", st.Pairs)
	}
}

func TestOrderedBoundsInFlight(t *testing.T) {
	// The reader may run ahead of the emitter by at most the window (plus
	// the item being emitted).
	const window = 5
	var read, emitted atomic.Int64
	var maxAhead int64
	i := 0
	next := func() (int, bool, error) {
		if i == 300 {
			return 0, false, nil
		}
		i++
		if ahead := read.Add(1) - emitted.Load(); ahead > maxAhead {
			maxAhead = ahead
		}
		return i, true, nil
	}
	work := func(n int) int { return n * n }
	var got []int
	emit := func(n, sq int) error {
		time.Sleep(50 * time.Microsecond) // a slow writer
		emitted.Add(1)
		got = append(got, sq)
		return nil
	}
	if err := Ordered(context.Background(), 2, window, next, work, emit); err != nil {
		t.Fatal(err)
	}
	if len(got) != 300 || got[299] != 300*300 {
		t.Fatalf("got %d results, last %v", len(got), got[len(got)-1])
	}
	if maxAhead > window+2 {
		t.Errorf("reader ran %d items ahead of the emitter, window is %d", maxAhead, window)
	}
}

func TestOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	next := func() (int, bool, error) { n++; return n, true, nil } // endless
	emit := func(i, _ int) error {
		if i == 10 {
			cancel()
		}
		return nil
	}
	err := Ordered(ctx, 2, 4, next, func(i int) int { return i }, emit)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
}

func TestLineReader(t *testing.T) {
	in := "\xef\xbb\xbfone\r\n\ntwo is long\nthree\r\nfour"
	lr := NewLineReader(strings.NewReader(in), 6)
	type got struct {
		Line    string
		N       int
		TooLong int
	}
	var all []got
	for {
		l, n, tl, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got{string(l), n, tl})
	}
	want := []got{{"one", 1, 0}, {"", 2, 0}, {"", 3, 11}, {"three", 4, 0}, {"four", 5, 0}}
	if diff := cmp.Diff(want, all); diff != "" {
		t.Errorf("lines mismatch (-want +got):\n%s", diff)
	}
}

func TestLineReaderLongerThanBuffer(t *testing.T) {
	// Lines longer than the 64 KiB read buffer are reassembled, or skipped
	// when over the limit.
	long := strings.Repeat("a", 200<<10)
	in := long + "\n" + long + "b\nend"
	lr := NewLineReader(strings.NewReader(in), len(long))
	l, _, tl, err := lr.Next()
	if err != nil || tl != 0 || string(l) != long {
		t.Fatalf("first line: len %d tooLong %d err %v", len(l), tl, err)
	}
	if _, _, tl, err = lr.Next(); err != nil || tl == 0 {
		t.Fatalf("second line: tooLong %d err %v, want it flagged", tl, err)
	}
	if l, n, _, err := lr.Next(); err != nil || string(l) != "end" || n != 3 {
		t.Fatalf("third line: %q %d %v", l, n, err)
	}
}

func TestNewOutputScore(t *testing.T) {
	for _, tc := range [][2]float64{{0.123456, 0.1235}, {-1, 0}, {2, 1}, {math.NaN(), 0}, {1, 1}} {
		in, want := tc[0], tc[1]
		if got := NewOutput(json.RawMessage("1"), analyze.Verdict{Score: in}).Score; got != want {
			t.Errorf("score %v → %v, want %v", in, got, want)
		}
	}
}

func TestParseLineFNC(t *testing.T) {
	bodies := map[string]string{"12": "body twelve", "x7": "body x7"}
	tests := []struct {
		name, raw string
		want      Pair
		err       string
	}{
		{"inline body", `{"id": "f1", "headline": "h", "body": "b"}`, Pair{Line: 1, ID: json.RawMessage(`"f1"`), Premise: "b", Hypothesis: "h"}, ""},
		{"numeric body id", `{"id": "f2", "headline": "h", "body_id": 12}`, Pair{Line: 1, ID: json.RawMessage(`"f2"`), Premise: "body twelve", Hypothesis: "h"}, ""},
		{"string body id", `{"headline": "h", "body_id": "x7"}`, Pair{Line: 1, ID: json.RawMessage(`1`), Premise: "body x7", Hypothesis: "h"}, ""},
		{"premise wins over body", `{"premise": "p", "body": "b", "hypothesis": "h", "headline": "hl"}`, Pair{Line: 1, ID: json.RawMessage(`1`), Premise: "p", Hypothesis: "h"}, ""},
		{"unknown body id", `{"headline": "h", "body_id": 99}`, Pair{}, `"body_id" 99 not in the bodies file`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseLine(1, []byte(tc.raw), bodies)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseLine mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := ParseLine(3, []byte(`{"headline": "h", "body_id": 12}`), nil); err == nil || err.Error() != `"body_id" 12 given but no bodies file` {
		t.Errorf("without bodies: error = %v", err)
	}
}

// FuzzParseLine checks that no input panics, that an accepted record has
// an id that is valid JSON, and that a rejected one says why.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{"id": 1, "premise": "p", "hypothesis": "h"}`,
		`{"id": "x", "headline": "h", "body_id": 3}`,
		`{"premise": "p"}`, `[1]`, `{"id": {}, "premise": "", "hypothesis": ""}`, "", "{",
	} {
		f.Add([]byte(s))
	}
	bodies := map[string]string{"3": "body"}
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := ParseLine(7, raw, bodies)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if !json.Valid(p.ID) {
			t.Fatalf("accepted id %q is not valid JSON", p.ID)
		}
		if p.Line != 7 {
			t.Fatalf("line %d, want 7", p.Line)
		}
	})
}

// FuzzLineReader checks that lines come back in order with their numbers,
// and that rejoining them gives the input (line endings aside) when none is
// too long.
func FuzzLineReader(f *testing.F) {
	f.Add("a\nbb\r\n\nccc", 2)
	f.Add("\xef\xbb\xbfx\n", 1)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, in string, max int) {
		if max < 0 || max > 1<<20 {
			return
		}
		lr := NewLineReader(strings.NewReader(in), max)
		var lines []string
		long := false
		for want := 1; ; want++ {
			l, n, tl, err := lr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Fatalf("line number %d, want %d", n, want)
			}
			if tl > 0 {
				long = true
				if tl <= max {
					t.Fatalf("line flagged too long at %d bytes, limit %d", tl, max)
				}
			} else if len(l) > max {
				t.Fatalf("line of %d bytes passed a limit of %d", len(l), max)
			}
			lines = append(lines, string(l))
		}
		if long {
			return
		}
		want := strings.TrimPrefix(in, "\xef\xbb\xbf")
		want = strings.ReplaceAll(want, "\r\n", "\n")
		want = strings.TrimSuffix(want, "\n")
		got := strings.Join(lines, "\n")
		if got != want {
			t.Fatalf("rejoined lines %q, want %q", got, want)
		}
	})
}
