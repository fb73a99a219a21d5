package analyze

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/google/go-cmp/cmp"
)

// recallStory loads testdata/recall, a story on another subject than the
// seeds, with an exclusivity conflict, a change of state, a numeric conflict
// and numeric traps (a recall's cost beside a settlement and a revenue).
func recallStory(t testing.TB) []*tokenize.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "recall", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no story files: %v", err)
	}
	sort.Strings(files)
	var docs []*tokenize.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		docs = append(docs, testDoc(t, id, string(b), caseAliases))
	}
	return docs
}

func TestRunRecallStory(t *testing.T) {
	res, err := Run(context.Background(), recallStory(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind   Kind
		aq, bq string
	}{
		{KindExclusivity, "solely by Cellmax", "entirely by Pantera"},
		{KindPolarity, "remains the exclusive", "ended its exclusive"},
		{KindNumeric, "120,000", "150,000"},
	}
	for _, w := range want {
		found := false
		for _, f := range res.Conflicts {
			if f.Kind == w.kind && (strings.Contains(f.A.Text, w.aq) && strings.Contains(f.B.Text, w.bq) ||
				strings.Contains(f.B.Text, w.aq) && strings.Contains(f.A.Text, w.bq)) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %s conflict %q / %q", w.kind, w.aq, w.bq)
		}
	}
	for _, f := range res.Conflicts {
		for _, trap := range []string{"$35 million", "$300 million", "$40 million"} {
			if strings.Contains(f.A.Text, trap) && strings.Contains(f.B.Text, trap) || f.Kind == KindNumeric && (strings.Contains(f.A.Text, trap) || strings.Contains(f.B.Text, trap)) {
				t.Errorf("numeric trap reported: %s", f.Explanation)
			}
		}
	}
	if len(res.Agreements) == 0 {
		t.Errorf("no agreements; want the shared 120,000 and $40 million")
	}
	checkInvariants(t, recallStory(t), res)
}

// checkInvariants asserts what every Result must satisfy: evidence text is
// the source slice, positions match offsets, scores are in range, ids are
// unique, and every topic a finding names exists.
func checkInvariants(t *testing.T, docs []*tokenize.Document, res *Result) {
	t.Helper()
	byID := map[string]*tokenize.Document{}
	for _, d := range docs {
		byID[d.Source.ID] = d
	}
	topics := map[string]bool{}
	for _, tp := range res.Topics {
		if tp.ID == "" || tp.Name == "" || topics[tp.ID] {
			t.Errorf("bad or duplicate topic %+v", tp)
		}
		topics[tp.ID] = true
	}
	ids := map[string]bool{}
	for _, f := range append(append([]Finding{}, res.Conflicts...), res.Agreements...) {
		if ids[f.ID] {
			t.Errorf("duplicate finding id %s", f.ID)
		}
		ids[f.ID] = true
		if f.Score < 0 || f.Score > 1 {
			t.Errorf("%s: score %v out of [0,1]", f.ID, f.Score)
		}
		if f.Topic != "" && !topics[f.Topic] {
			t.Errorf("%s: unknown topic %q", f.ID, f.Topic)
		}
		if f.Explanation == "" {
			t.Errorf("%s: no explanation", f.ID)
		}
		for _, e := range []Evidence{f.A, f.B} {
			d := byID[e.Source]
			if d == nil {
				t.Fatalf("%s: unknown source %q", f.ID, e.Source)
			}
			text := string(d.Source.Text)
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
				t.Errorf("%s: evidence [%d,%d) %q is not the source slice", f.ID, e.Start, e.End, e.Text)
			}
			line, col := d.Position(e.Start)
			if line != e.Line || col != e.Col {
				t.Errorf("%s: position %d:%d, want %d:%d", f.ID, e.Line, e.Col, line, col)
			}
			for _, h := range e.Highlights {
				if h.Start < e.Start || h.End > e.End || h.Start >= h.End {
					t.Errorf("%s: highlight %v outside evidence [%d,%d)", f.ID, h, e.Start, e.End)
				}
			}
			if c := e.Context; c != nil && (c.Start > e.Start || c.End < e.End || text[c.Start:c.End] != c.Text) {
				t.Errorf("%s: context [%d,%d) does not hold the evidence", f.ID, c.Start, c.End)
			}
		}
	}
}

// TestRunDeterministic checks that output does not depend on scheduling or
// map order: two runs, and a run with one processor, give the same bytes.
func TestRunDeterministic(t *testing.T) {
	encode := func() string {
		res, err := Run(context.Background(), recallStory(t), Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := encode()
	for i := 0; i < 3; i++ {
		if got := encode(); got != first {
			t.Fatalf("run %d differs:\n%s", i, cmp.Diff(first, got))
		}
	}
	old := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(old)
	if got := encode(); got != first {
		t.Fatalf("GOMAXPROCS=1 differs:\n%s", cmp.Diff(first, got))
	}
}

// TestRunOrderOfSources checks that reversing the sources changes only the
// order of Result.Sources, not which conflicts are found.
func TestRunOrderOfSources(t *testing.T) {
	docs := recallStory(t)
	res1, err := Run(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rev := append([]*tokenize.Document{}, docs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	res2, err := Run(context.Background(), rev, Options{})
	if err != nil {
		t.Fatal(err)
	}
	key := func(r *Result) []string {
		var out []string
		for _, f := range r.Conflicts {
			a, b := f.A.Source+":"+itoa(f.A.Start), f.B.Source+":"+itoa(f.B.Start)
			if b < a {
				a, b = b, a
			}
			out = append(out, string(f.Kind)+" "+a+" "+b)
		}
		sort.Strings(out)
		return out
	}
	if diff := cmp.Diff(key(res1), key(res2)); diff != "" {
		t.Errorf("conflicts depend on source order (-forward +reversed):\n%s", diff)
	}
}

func TestRunEdgeCases(t *testing.T) {
	t.Run("no documents", func(t *testing.T) {
		res, err := Run(context.Background(), nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Notes) == 0 || len(res.Conflicts) != 0 {
			t.Errorf("want a note and no conflicts, got %+v", res)
		}
	})
	t.Run("one source", func(t *testing.T) {
		res, err := Run(context.Background(), recallStory(t)[:1], Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Notes) == 0 {
			t.Errorf("want a note about needing two sources")
		}
	})
	t.Run("nil document", func(t *testing.T) {
		if _, err := Run(context.Background(), []*tokenize.Document{nil}, Options{}); err == nil {
			t.Error("want an error")
		}
	})
	t.Run("duplicate ids", func(t *testing.T) {
		d := recallStory(t)[0]
		if _, err := Run(context.Background(), []*tokenize.Document{d, d}, Options{}); err == nil {
			t.Error("want an error")
		}
	})
	t.Run("span out of range", func(t *testing.T) {
		d := testDoc(t, "x", "Cellmax is the sole supplier.", caseAliases)
		d.Sentences[0].End = 1000
		_, err := Run(context.Background(), []*tokenize.Document{d}, Options{})
		if err == nil || !strings.Contains(err.Error(), "x") {
			t.Errorf("want an error naming the source, got %v", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := Run(ctx, recallStory(t), Options{}); err == nil {
			t.Error("want the context's error")
		}
	})
}

func TestDefaultConfigParses(t *testing.T) {
	c, err := ParseConfig(defaultConfigJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.StopWords) == 0 || len(c.Roles) == 0 || len(c.Hosting) == 0 {
		t.Errorf("embedded configuration is missing lists: %+v", c)
	}
	user, err := ParseConfig([]byte(`{"roles": ["licensor"], "topics": [{"name": "Pricing", "terms": ["price"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	c.Merge(user)
	lx := c.compile()
	if !lx.roles[stem("licensor")] || !lx.roles[stem("provider")] {
		t.Error("merge must extend the defaults, not replace them")
	}
	if _, err := ParseConfig([]byte(`{"roles": 3}`)); err == nil {
		t.Error("want an error for a malformed file")
	}
}

func TestUserTopic(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Merge(&Config{Topics: []TopicDef{{Name: "Battery supply", Terms: []string{"battery", "supplier"}}}})
	res, err := Run(context.Background(), recallStory(t), Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var found *Topic
	for i := range res.Topics {
		if res.Topics[i].Name == "Battery supply" {
			found = &res.Topics[i]
		}
	}
	if found == nil || found.ID != "u-battery-supply" || len(found.Sentences) == 0 {
		t.Fatalf("user topic missing or empty: %+v", res.Topics)
	}
}
