package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/report"
	"github.com/crosscheck-go/crosscheck/seeds"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// TestBrowser renders HTML reports (the fixture, and the seed story when the
// pipeline works) and opens them in headless Chromium: the dumped DOM must
// hold every finding and the highlights, and show that the page's script ran
// without error. Screenshots (desktop width, and phone width for the last
// report) are written to $CROSSCHECK_ARTIFACTS, or to a fresh temporary
// directory whose path is logged, for a person to look at.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chromium := findChromium()
	if chromium == "" {
		t.Skip("no Chromium found (looked for chromium, chromium-browser); install Debian's chromium to run the browser test")
	}
	dir := os.Getenv("CROSSCHECK_ARTIFACTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "crosscheck-artifacts-"); err != nil {
			t.Fatal(err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("browser artifacts in %s", dir)

	results := []struct {
		name string
		r    *analyze.Result
	}{{"fixture", report.Fixture()}}
	if r, why := seedResult(); r != nil {
		results = append(results, struct {
			name string
			r    *analyze.Result
		}{"seeds", r})
	} else {
		t.Logf("seed report not rendered: %s; using the fixture only", why)
	}

	for i, res := range results {
		t.Run(res.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (report.Options{Title: "crosscheck: " + res.name}).HTML(&buf, res.r); err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(dir, res.name+".html")
			if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			url := "file://" + page

			dom := runChromium(t, chromium, "--dump-dom", url)
			if !regexp.MustCompile(`<body[^>]*data-script="ok"`).MatchString(dom) {
				m := regexp.MustCompile(`<body[^>]*>`).FindString(dom)
				t.Errorf("the page's script did not finish without error; body is %s", m)
			}
			total := len(res.r.Conflicts) + len(res.r.Agreements)
			if shown := fmt.Sprintf("%d of %d findings shown", total, total); total > 0 && !strings.Contains(dom, shown) {
				t.Errorf("the filter script did not count the findings: no %q in the DOM", shown)
			}
			wantConflicts := len(res.r.Conflicts)
			if got := strings.Count(dom, `class="finding conflict`); got != wantConflicts {
				t.Errorf("%d conflict elements in the DOM, want %d", got, wantConflicts)
			}
			if got := strings.Count(dom, `class="finding agreement`); got != len(res.r.Agreements) {
				t.Errorf("%d agreement elements in the DOM, want %d", got, len(res.r.Agreements))
			}
			for _, f := range append(append([]analyze.Finding{}, res.r.Conflicts...), res.r.Agreements...) {
				if id := domText(f.ID); id != "" && !strings.Contains(dom, "<code>"+id+"</code>") {
					t.Errorf("finding %q is missing from the DOM", f.ID)
				}
			}
			wantMarks := 0
			for _, f := range res.r.Conflicts {
				if len(f.A.Highlights) > 0 {
					wantMarks++
				}
				if len(f.B.Highlights) > 0 {
					wantMarks++
				}
			}
			if got := strings.Count(dom, "<mark"); got < wantMarks {
				t.Errorf("%d <mark> highlights in the DOM, want at least %d", got, wantMarks)
			}
			if strings.Contains(dom, "<script>alert") {
				t.Error("source text was rendered as a script element")
			}

			shots := []struct{ suffix, size string }{{"", "1280,2000"}}
			if i == len(results)-1 { // each launch costs seconds: one phone view, of the real report when there is one
				shots = append(shots, struct{ suffix, size string }{"-phone", "390,1600"})
			}
			for _, shot := range shots {
				png := filepath.Join(dir, res.name+shot.suffix+".png")
				runChromium(t, chromium, "--screenshot="+png, "--window-size="+shot.size, "--hide-scrollbars", url)
				if st, err := os.Stat(png); err != nil || st.Size() == 0 {
					t.Errorf("no screenshot at %s: %v", png, err)
				} else {
					t.Logf("screenshot %s", png)
				}
			}
		})
	}
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium runs one headless Chromium command with the flags that keep it
// off the network and out of the user's profile, and returns its stdout.
func runChromium(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(flags, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, lastLines(stderr.String(), 20))
	}
	return stdout.String()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// domText escapes text the way Chromium serialises a text node.
func domText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;").Replace(s)
}

// seedResult analyses the embedded seed story, or says why it could not:
// while the pipeline is being built its stages may still be stubs that panic.
func seedResult() (r *analyze.Result, why string) {
	defer func() {
		if p := recover(); p != nil {
			r, why = nil, fmt.Sprintf("pipeline panicked: %v", p)
		}
	}()
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		return nil, err.Error()
	}
	var docs []*tokenize.Document
	for _, src := range seeds.Sources() {
		d, err := tk.Document(src)
		if err != nil {
			return nil, err.Error()
		}
		docs = append(docs, d)
	}
	res, err := analyze.Run(context.Background(), docs, analyze.Options{})
	if err != nil {
		return nil, err.Error()
	}
	if len(res.Conflicts) == 0 {
		return nil, "the pipeline found no conflicts in the seeds yet"
	}
	return res, ""
}
