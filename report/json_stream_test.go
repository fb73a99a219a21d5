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
