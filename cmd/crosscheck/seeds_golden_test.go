package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/golden"
)

// TestSeedReports keeps the reports of the bundled seed story in the
// repository's top-level testdata, so that every change in what crosscheck
// finds on it shows in review as a reader would see it. Regenerate with
// `go test ./... -update` and justify the change in the commit message.
func TestSeedReports(t *testing.T) {
	for _, format := range []string{"json", "md"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"-q", "-format", format}, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			golden.Check(t, filepath.Join("..", "..", "testdata", "seeds."+format+".golden"), stdout.Bytes(), *update)
		})
	}
}

// TestSeedSpans checks the promise every reader relies on: each evidence
// span, read from the seed file itself, is exactly the quoted text.
func TestSeedSpans(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-q", "-format", "json"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var rep struct {
		Sources               []struct{ ID, Path string }
		Conflicts, Agreements []struct {
			ID   string
			A, B struct {
				Source     string
				Start, End int
				Text       string
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, s := range rep.Sources {
		b, err := os.ReadFile(filepath.Join("..", "..", "seeds", filepath.Base(s.Path)))
		if err != nil {
			t.Fatal(err)
		}
		files[s.ID] = b
	}
	n := 0
	for _, f := range append(rep.Conflicts, rep.Agreements...) {
		for _, e := range []struct {
			Source     string
			Start, End int
			Text       string
		}{f.A, f.B} {
			n++
			b, ok := files[e.Source]
			if !ok || e.Start < 0 || e.End > len(b) || e.Start > e.End {
				t.Errorf("%s: span %s[%d:%d] out of range", f.ID, e.Source, e.Start, e.End)
				continue
			}
			if got := string(b[e.Start:e.End]); got != e.Text {
				t.Errorf("%s: %s[%d:%d] is %q, report says %q", f.ID, e.Source, e.Start, e.End, got, e.Text)
			}
		}
	}
	if n == 0 {
		t.Error("the seed report has no evidence to check")
	}
}
