package pairs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"

	"github.com/crosscheck-go/crosscheck/analyze"
)

// DefaultMaxLine is the longest input line accepted, in bytes without the
// line ending. A longer line is a bad line, not an out-of-memory crash.
const DefaultMaxLine = 10 << 20

// Pair is one input record.
type Pair struct {
	Line int // 1-based line number in the input
	// ID is the record's id exactly as given (a JSON string or number), or
	// the line number when the record has none.
	ID         json.RawMessage
	Premise    string
	Hypothesis string
}

// Judge judges one pair. An error means the pair cannot be judged at all
// (for example text the tokenizer rejects) and is reported as a bad line.
type Judge func(Pair) (analyze.Verdict, error)

// Output is one line of output.
type Output struct {
	ID       json.RawMessage `json:"id"`
	Label    analyze.Label   `json:"label"`
	Score    float64         `json:"score"`
	Kind     analyze.Kind    `json:"kind"`
	Cues     []analyze.Cue   `json:"cues"`
	Evidence Span            `json:"evidence"`
}

// Span is a [Start, End) byte range of the premise.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// NewOutput converts a verdict to an output line: the score is clamped to
// [0, 1] and rounded to 4 decimals (so output is stable and readable), and
// cues are never null.
func NewOutput(id json.RawMessage, v analyze.Verdict) Output {
	cues := v.Cues
	if cues == nil {
		cues = []analyze.Cue{}
	}
	return Output{
		ID:       id,
		Label:    v.Label,
		Score:    roundScore(v.Score),
		Kind:     v.Kind,
		Cues:     cues,
		Evidence: Span{Start: v.Evidence.Start, End: v.Evidence.End},
	}
}

func roundScore(s float64) float64 {
	switch {
	case math.IsNaN(s) || s < 0:
		return 0
	case s > 1:
		return 1
	}
	return math.Round(s*1e4) / 1e4
}

// Options configures Run. The zero value works.
type Options struct {
	Workers int // parallel judges; 0 means GOMAXPROCS
	Window  int // pairs in flight at most; 0 means 4×Workers
	MaxLine int // longest line in bytes; 0 means DefaultMaxLine
	// SkipBad skips malformed lines (counted in Stats) instead of stopping
	// at the first one.
	SkipBad bool
	// Bodies resolves the "body_id" of FNC-1 style records; see ParseLine.
	Bodies map[string]string
}

// LineError is a problem with one input line.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// MaxListed bounds Stats.Bad so a file of nothing but bad lines cannot grow
// memory without limit; Stats.Skipped still counts them all.
const MaxListed = 1000

// Stats summarises a run.
type Stats struct {
	Lines   int // lines read, blank ones included
	Pairs   int // output lines written
	Skipped int // bad lines skipped (SkipBad only)
	// Bad lists the first MaxListed skipped lines with their errors, in
	// input order.
	Bad []*LineError
}

// item is one non-blank line on its way through Ordered.
type item struct {
	line    int
	raw     []byte
	tooLong int // length of an over-long line (its bytes are not kept), else 0
}

type result struct {
	out Output
	err error
}

// Run reads JSON Lines pairs {"id", "premise", "hypothesis"} from r (extra
// fields are ignored, blank lines skipped), judges them in parallel and
// writes one Output line per pair to w, in input order. Memory stays
// bounded by Options.Window lines in flight.
//
// A malformed line stops the run with a *LineError naming it, unless
// Options.SkipBad is set, in which case it is counted in Stats and the run
// goes on. Lines before the error are written. I/O errors are returned as
// they are.
func Run(ctx context.Context, r io.Reader, w io.Writer, judge Judge, opts Options) (Stats, error) {
	var st Stats
	maxLine := opts.MaxLine
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	lr := NewLineReader(r, maxLine)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // premise text is not HTML; keep '<' and '&' readable

	next := func() (item, bool, error) {
		for {
			line, n, tooLong, err := lr.Next()
			if err == io.EOF {
				return item{}, false, nil
			}
			if err != nil {
				return item{}, false, fmt.Errorf("line %d: %w", n, err)
			}
			st.Lines = n
			if tooLong > 0 {
				return item{line: n, tooLong: tooLong}, true, nil
			}
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			return item{line: n, raw: bytes.Clone(line)}, true, nil
		}
	}
	work := func(it item) result {
		if it.tooLong > 0 {
			return result{err: fmt.Errorf("line longer than the limit of %d bytes", maxLine)}
		}
		p, err := ParseLine(it.line, it.raw, opts.Bodies)
		if err != nil {
			return result{err: err}
		}
		v, err := judge(p)
		if err != nil {
			return result{err: err}
		}
		return result{out: NewOutput(p.ID, v)}
	}
	emit := func(it item, res result) error {
		if res.err != nil {
			le := &LineError{Line: it.line, Err: res.err}
			if !opts.SkipBad {
				return le
			}
			st.Skipped++
			if len(st.Bad) < MaxListed {
				st.Bad = append(st.Bad, le)
			}
			return nil
		}
		st.Pairs++
		return enc.Encode(res.out)
	}
	err := Ordered(ctx, opts.Workers, opts.Window, next, work, emit)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return st, err
}

// ParseLine decodes one JSON Lines record into a Pair. premise and
// hypothesis must be present strings; id, when present, must be a string or
// a number and is kept exactly as written.
//
// FNC-1 style records are accepted too, so the stance files can be judged
// as they are: "headline" stands for the hypothesis and "body" for the
// premise, or "body_id" names a body in bodies (keyed by the id's text,
// without quotes for a string).
func ParseLine(line int, raw []byte, bodies map[string]string) (Pair, error) {
	var rec struct {
		ID         json.RawMessage `json:"id"`
		Premise    *string         `json:"premise"`
		Hypothesis *string         `json:"hypothesis"`
		Headline   *string         `json:"headline"`
		Body       *string         `json:"body"`
		BodyID     json.RawMessage `json:"body_id"`
	}
	p := Pair{Line: line}
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return p, errors.New("not a JSON object")
	}
	if err := json.Unmarshal(trimmed, &rec); err != nil {
		return p, fmt.Errorf("bad JSON: %w", err)
	}
	if rec.Hypothesis == nil {
		rec.Hypothesis = rec.Headline
	}
	if rec.Premise == nil {
		rec.Premise = rec.Body
	}
	if rec.Premise == nil && len(rec.BodyID) > 0 && rec.Hypothesis != nil {
		key := JSONKey(rec.BodyID)
		b, ok := bodies[key]
		if !ok {
			if bodies == nil {
				return p, fmt.Errorf(`"body_id" %s given but no bodies file`, key)
			}
			return p, fmt.Errorf(`"body_id" %s not in the bodies file`, key)
		}
		rec.Premise = &b
	}
	if rec.Premise == nil {
		return p, errors.New(`missing "premise"`)
	}
	if rec.Hypothesis == nil {
		return p, errors.New(`missing "hypothesis"`)
	}
	id, err := checkID(rec.ID, line)
	if err != nil {
		return p, err
	}
	p.ID, p.Premise, p.Hypothesis = id, *rec.Premise, *rec.Hypothesis
	return p, nil
}

// checkID returns the id as given, or the line number when it is absent or
// null, so every output line can be joined back to its input.
func checkID(id json.RawMessage, line int) (json.RawMessage, error) {
	id = bytes.TrimSpace(id)
	if len(id) == 0 || string(id) == "null" {
		return json.RawMessage(strconv.Itoa(line)), nil
	}
	switch c := id[0]; {
	case c == '"', c == '-', c >= '0' && c <= '9':
		return bytes.Clone(id), nil
	}
	return nil, fmt.Errorf(`"id" must be a string or a number, not %.40s`, id)
}

// JSONKey turns a JSON string or number into a map key, so that the body id
// "12" and 12 are the same.
func JSONKey(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// LoadBodies reads an FNC-1 bodies file, JSON Lines {"body_id", "body"},
// into a map keyed by JSONKey of the id. Errors name the file and line.
func LoadBodies(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	bodies := map[string]string{}
	lr := NewLineReader(f, DefaultMaxLine)
	for {
		raw, n, tooLong, err := lr.Next()
		if err == io.EOF {
			return bodies, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, n, err)
		}
		if tooLong > 0 {
			return nil, fmt.Errorf("%s: line %d: longer than %d bytes", path, n, DefaultMaxLine)
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var r struct {
			BodyID json.RawMessage `json:"body_id"`
			Body   *string         `json:"body"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, fmt.Errorf("%s: line %d: bad JSON: %w", path, n, err)
		}
		if len(r.BodyID) == 0 || r.Body == nil {
			return nil, fmt.Errorf(`%s: line %d: missing "body_id" or "body"`, path, n)
		}
		bodies[JSONKey(r.BodyID)] = *r.Body
	}
}
