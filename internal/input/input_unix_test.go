//go:build unix

package input

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "feed.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	go func() {
		// The writer side of "crosscheck <(curl ...)".
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString("Piped title\nPiped body.\n")
		f.Close()
	}()
	srcs, _, err := Read([]string{fifo}, Options{})
	if err != nil || len(srcs) != 1 || srcs[0].ID != "feed" || srcs[0].Title != "Piped title" {
		t.Errorf("named pipe: %v, %v", ids(srcs), err)
	}

	_, _, err = Read([]string{"/dev/null"}, Options{})
	if err == nil || err.Error() != "/dev/null: not a regular file (a device)" {
		t.Errorf("device: %v", err)
	}
}

func TestSymlinkedDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"real/a.txt": "A\nbody\n", "real/b.md": "B\nbody\n"})
	chdir(t, dir)
	if err := os.Symlink("real", "link"); err != nil {
		t.Skip("no symlinks here:", err)
	}
	srcs, _, err := Read([]string{"link"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(srcs); len(got) != 2 || got[0] != "a:link/a.txt" || got[1] != "b:link/b.md" {
		t.Errorf("sources %q", got)
	}
}
