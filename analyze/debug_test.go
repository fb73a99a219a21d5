package analyze

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

func TestDebugStory(t *testing.T) {
	dir := os.Getenv("STORY")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []*tokenize.Document
	for _, f := range files {
		b, _ := os.ReadFile(f)
		docs = append(docs, testDoc(t, filepath.Base(f)[:len(filepath.Base(f))-4], string(b), storyAliases))
	}
	res, err := Run(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(res, "", " ")
	os.WriteFile("/tmp/debug.json", out, 0o644)
	for _, f := range res.Conflicts {
		t.Logf("CONFLICT %s %.2f %s | %s:%q | %s:%q\n   %s", f.Kind, f.Score, f.Topic, f.A.Source, f.A.Text, f.B.Source, f.B.Text, f.Explanation)
	}
	for _, f := range res.Agreements {
		t.Logf("AGREE %.2f | %s:%q | %s:%q\n   %s", f.Score, f.A.Source, f.A.Text, f.B.Source, f.B.Text, f.Explanation)
	}
	for _, tp := range res.Topics {
		t.Logf("TOPIC %s %q %v", tp.ID, tp.Name, tp.Sentences)
	}
}

var storyAliases = map[string]string{"voltara": "Voltara", "cellmax": "Cellmax", "pantera energy": "Pantera Energy"}
