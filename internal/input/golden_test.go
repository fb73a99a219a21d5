package input

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/internal/golden"
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
			golden.Check(t, strings.TrimSuffix(page, ".html")+".golden", []byte(b.String()), *update)
		})
	}
}
