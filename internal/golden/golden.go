// Package golden holds the one check the project's golden-file tests share:
// compare output with a file in testdata, or rewrite the file when the test
// binary runs with -update (go test ./... -update).
package golden

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Check compares got with the file at path and reports a diff; with update
// set it writes got to path instead. A missing file fails with a hint to
// run -update; what a rewrite changes must be read and justified in the
// commit, so Check never rewrites on its own.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); if intended, run go test with -update and say why in the commit:\n%s", path, diff)
	}
}
