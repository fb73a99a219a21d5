package input

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

func TestMeta(t *testing.T) {
	metas, err := ParseMeta([]byte(`{"entities": [], "sources": [
		{"source": "a", "date": "2026-03-02", "outlet": "Wire"},
		{"source": "b.txt", "title": "Second"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	srcs := []tokenize.Source{{ID: "a", Path: "dir/a.txt", Title: "first line"}, {ID: "b", Path: "dir/b.txt", Outlet: "Kept"}}
	if err := ApplyMeta(srcs, metas); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC); !srcs[0].Date.Equal(want) || srcs[0].Outlet != "Wire" || srcs[0].Title != "first line" {
		t.Errorf("a = %+v, want date %v, outlet Wire, title kept", srcs[0], want)
	}
	if srcs[1].Title != "Second" || srcs[1].Outlet != "Kept" {
		t.Errorf("b = %+v, want title Second, outlet kept", srcs[1])
	}
}

func TestMetaErrors(t *testing.T) {
	for _, tc := range []struct{ name, config, want string }{
		{"bad date", `{"sources": [{"source": "a", "date": "soon"}]}`, `date "soon" is not a date`},
		{"no source", `{"sources": [{"date": "2026-03-02"}]}`, `no "source"`},
		{"bad json", `{"sources": [`, "sources:"},
	} {
		if _, err := ParseMeta([]byte(tc.config)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	metas, err := ParseMeta([]byte(`{"sources": [{"source": "missing", "date": "2026-03-02"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	err = ApplyMeta([]tokenize.Source{{ID: "a", Path: "a.txt"}}, metas)
	if err == nil || !strings.Contains(err.Error(), `"missing" names none`) {
		t.Errorf("unknown source: error %v", err)
	}
}
