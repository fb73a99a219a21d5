package input

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenHTML extracts a page shaped like a real news site (chrome,
// cookie banner, related links, structured data) and compares the text and
// metadata with testdata/NAME.golden.
func TestGoldenHTML(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in testdata: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			src, warns, err := Parse(page, data)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "title: %s\noutlet: %s\nurl: %s\ndate: %s\n", src.Title, src.Outlet, src.URL, src.Date.Format(time.RFC3339))
			for _, w := range warns {
				fmt.Fprintf(&b, "warning: %s\n", w.Msg)
			}
			fmt.Fprintf(&b, "---\n%s\n", src.Text)
			golden := strings.TrimSuffix(page, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if d := cmp.Diff(string(want), b.String()); d != "" {
				t.Errorf("%s (-want +got):\n%s", golden, d)
			}
		})
	}
}
