package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// update is accepted because every package's tests must take the flag
// (go test ./... -update); this package has no golden files to rewrite.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// binDir holds the crosscheck binary, built on first use by buildBinary so
// that fuzz workers (which run TestMain too) never build it.
var (
	binDir    string
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// repoRoot is the module root, relative to this package's directory.
const repoRoot = "../.."

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "crosscheck-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		binDir = dir
		return m.Run()
	}())
}

// buildBinary builds cmd/crosscheck once, so its exit codes are real
// process exit codes and a panic is a real crash.
func buildBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		binary = filepath.Join(binDir, "crosscheck")
		if runtime.GOOS == "windows" {
			binary += ".exe"
		}
		// The go command is on PATH where CI runs (.ci/run puts it
		// there); `go env GOROOT` is not available without it.
		goCmd := "go"
		if _, err := exec.LookPath(goCmd); err != nil {
			goCmd = "/usr/local/go/bin/go" // where .ci/run installs it
		}
		build := exec.Command(goCmd, "build", "-o", binary, "./cmd/crosscheck")
		build.Dir = repoRoot
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building the crosscheck binary: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// result is one run of the binary.
type result struct {
	code           int
	stdout, stderr string
}

// runBin runs the built binary in dir with stdin and args, and fails the
// test if the process panicked: whatever the input, the command must answer
// with a message and an exit code.
func runBin(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	return runBinLimited(t, dir, stdin, 0, args...)
}

// runBinLimited is runBin with the process's address space limited to
// limitMB megabytes (0: no limit), so that a run whose memory explodes fails
// alone instead of pushing a shared machine into the OOM killer. The limit
// needs a POSIX shell; without one the run is unlimited.
func runBinLimited(t *testing.T, dir, stdin string, limitMB int, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, buildBinary(t), args...)
	if sh, err := exec.LookPath("sh"); err == nil && limitMB > 0 && runtime.GOOS != "windows" {
		script := fmt.Sprintf(`ulimit -v %d && exec "$0" "$@"`, limitMB<<10)
		cmd = exec.CommandContext(ctx, sh, append([]string{"-c", script, buildBinary(t)}, args...)...)
	}
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("running crosscheck %s: %v", strings.Join(args, " "), err)
	}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "internal error") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("crosscheck %s panicked (exit %d):\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// evalDir is the shared public eval data beside the repository.
func evalDir() string { return filepath.Join(repoRoot, "..", "shared", "eval") }

// fncBodies returns the first n FNC-1 train bodies as sources with ids
// "fnc-<body_id>", or skips the test when the eval data is absent.
func fncBodies(t testing.TB, n int) []tokenize.Source {
	t.Helper()
	path := filepath.Join(evalDir(), "fnc1_train_bodies.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("FNC-1 bodies not available (%v): skipping; they live in ../shared/eval beside the repository", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []tokenize.Source
	for line := 1; len(out) < n && sc.Scan(); line++ {
		var r struct {
			BodyID json.Number `json:"body_id"`
			Body   string      `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: line %d: %v", path, line, err)
		}
		title, _, _ := strings.Cut(strings.TrimSpace(r.Body), "\n")
		out = append(out, tokenize.Source{
			ID:    "fnc-" + r.BodyID.String(),
			Title: strings.TrimSpace(title),
			Text:  []byte(r.Body),
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(out) < n {
		t.Fatalf("%s: %d bodies, want at least %d", path, len(out), n)
	}
	return out
}

// writeSources writes each source as <id>.txt in dir and returns the file
// names (relative to dir) in the order given.
func writeSources(t testing.TB, dir string, srcs []tokenize.Source) []string {
	t.Helper()
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.ID + ".txt"
		if err := os.WriteFile(filepath.Join(dir, names[i]), s.Text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return names
}

// checkSpans checks every piece of evidence of res against the source texts:
// 0 <= start <= end <= len, the text equals the slice, highlights and
// context inside the text and their text equal to their slice too.
func checkSpans(t testing.TB, res *analyze.Result, texts map[string][]byte) {
	t.Helper()
	for _, group := range [][]analyze.Finding{res.Conflicts, res.Agreements} {
		for _, f := range group {
			for side, ev := range map[string]analyze.Evidence{"a": f.A, "b": f.B} {
				text, ok := texts[ev.Source]
				if !ok {
					t.Fatalf("finding %s side %s names unknown source %q", f.ID, side, ev.Source)
				}
				if ev.Start < 0 || ev.Start > ev.End || ev.End > len(text) {
					t.Fatalf("finding %s side %s: span [%d,%d) outside 0..%d", f.ID, side, ev.Start, ev.End, len(text))
				}
				if got := string(text[ev.Start:ev.End]); got != ev.Text {
					t.Fatalf("finding %s side %s: text %q, but the slice [%d,%d) is %q", f.ID, side, ev.Text, ev.Start, ev.End, got)
				}
				for _, h := range ev.Highlights {
					if h.Start < 0 || h.Start > h.End || h.End > len(text) {
						t.Fatalf("finding %s side %s: highlight [%d,%d) outside 0..%d", f.ID, side, h.Start, h.End, len(text))
					}
				}
				if c := ev.Context; c != nil {
					if c.Start < 0 || c.Start > c.End || c.End > len(text) {
						t.Fatalf("finding %s side %s: context [%d,%d) outside 0..%d", f.ID, side, c.Start, c.End, len(text))
					}
					if got := string(text[c.Start:c.End]); got != c.Text {
						t.Fatalf("finding %s side %s: context text %q, but the slice is %q", f.ID, side, c.Text, got)
					}
				}
			}
		}
	}
}
