package analyze

import (
	"context"
	"encoding/json"
	"flag"
	"path/filepath"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenRecall pins the whole Result for the recall story, built with
// the stand-in tokenizer so that only this package's changes move it.
// Regenerate with: go test ./analyze -run TestGoldenRecall -update
func TestGoldenRecall(t *testing.T) {
	res, err := Run(context.Background(), recallStory(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden.Check(t, filepath.Join("testdata", "recall.golden.json"), got, *update)
}
