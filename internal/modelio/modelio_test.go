package modelio

import (
	"errors"
	"strings"
	"testing"
)

type model struct {
	Classes []string `json:"classes"`
}

func (m *model) validate() error {
	if len(m.Classes) < 2 {
		return errors.New("fewer than two classes")
	}
	return nil
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name, data, wantErr string
	}{
		{"ok", `{"classes":["a","b"]}`, ""},
		{"unknown field", `{"classes":["a","b"],"extra":1}`, `m: w.json: json: unknown field "extra"`},
		{"bad json", `{"classes":`, "m: w.json: unexpected EOF"},
		{"invalid model", `{"classes":["a"]}`, "m: w.json: fewer than two classes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m model
			err := Decode("m", "w.json", []byte(tc.data), &m, m.validate)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
			case tc.wantErr == "" && len(m.Classes) != 2:
				t.Fatalf("decoded %+v", m)
			}
		})
	}
}
