package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder captures what Check reports instead of failing the test.
type recorder struct {
	testing.TB
	failed, fatal bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.fatal = true }
func (r *recorder) Fatal(...any)          { r.fatal = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	r := &recorder{TB: t}
	Check(r, path, []byte("a\n"), false)
	if !r.fatal {
		t.Error("a missing golden file should fail")
	}
	r = &recorder{TB: t}
	Check(r, path, []byte("a\n"), true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\n" || r.failed || r.fatal {
		t.Fatalf("update wrote %q, %v (failed %v)", b, err, r.failed)
	}
	r = &recorder{TB: t}
	Check(r, path, []byte("a\n"), false)
	if r.failed || r.fatal {
		t.Error("the same content should pass")
	}
	r = &recorder{TB: t}
	Check(r, path, []byte("b\n"), false)
	if !r.failed {
		t.Error("different content should fail")
	}
}
