package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/google/go-cmp/cmp"
)

// wholeJSON is the reference JSON writes must match byte for byte: the
// whole document handed to one encoding/json Encoder.
func wholeJSON(t *testing.T, r *analyze.Result) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jsonDoc(r)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// bigResult repeats the fixture's findings and sources past several
// batches of the streamed writer, with distinct ids.
func bigResult(n int) *analyze.Result {
	base := fixture()
	r := &analyze.Result{Notes: base.Notes, Stories: base.Stories}
	for i := range n {
		for _, s := range base.Sources {
			s.ID = fmt.Sprintf("%s-%d", s.ID, i)
			r.Sources = append(r.Sources, s)
		}
		for _, tp := range base.Topics {
			tp.ID = fmt.Sprintf("%s-%d", tp.ID, i)
			r.Topics = append(r.Topics, tp)
		}
		for _, f := range base.Conflicts {
			f.ID = fmt.Sprintf("%s-%d", f.ID, i)
			r.Conflicts = append(r.Conflicts, f)
		}
		for _, f := range base.Agreements {
			f.ID = fmt.Sprintf("%s-%d", f.ID, i)
			r.Agreements = append(r.Agreements, f)
		}
	}
	return r
}

// TestJSONStreamed checks that writing the report field by field and
// element by element, in parallel batches, gives the very bytes of one
// encoding of the whole document, for every size of list: empty, one
// element, under a batch and over several.
func TestJSONStreamed(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *analyze.Result
	}{
		{"nil", nil},
		{"empty", &analyze.Result{}},
		{"fixture", fixture()},
		{"one-source", &analyze.Result{Sources: fixture().Sources[:1]}},
		{"many", bigResult(3 * listBatch / 2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := JSON(&got, tc.r); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wholeJSON(t, tc.r), got.String()); diff != "" {
				t.Errorf("streamed JSON differs from the whole encoding (-want +got):\n%s", diff)
			}
		})
	}
}

// TestIndentCompact holds indentCompact to json.Indent on what the encoder
// writes: strings with quotes, backslashes, brackets, commas and colons in
// them, escapes, non-ASCII text, empty and nested objects and arrays,
// numbers, booleans and null, under a prefix and without one.
func TestIndentCompact(t *testing.T) {
	values := []any{
		"plain",
		`say "no", [then] {stop}: \ end\`,
		"line\nbreak\ttab \u2028 \x01 <b>&amp;</b> ünïcödé",
		[]any{},
		map[string]any{},
		[]any{[]any{}, map[string]any{}, []int{1, 2}, map[string]int{"a": 1}},
		map[string]any{"a": []string{"x,y", "]", "}"}, "b": map[string]any{"c": nil, "d": true, "e": false}, "f": -1.5e-7, "g": 12},
		fixture(),
		bigResult(3),
	}
	for i, v := range values {
		for _, prefix := range []string{"", "    "} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			compact := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
			var want bytes.Buffer
			if err := json.Indent(&want, compact, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), string(indentCompact(nil, compact, prefix, "  "))); diff != "" {
				t.Errorf("value %d, prefix %q: indentCompact differs from json.Indent (-want +got):\n%s", i, prefix, diff)
			}
		}
	}
}
