package input

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Meta gives what a file cannot say itself: a plain-text article has no
// front matter, yet its date decides whether a later source supersedes it.
// It is read from the "sources" key of the -config file. Source is matched
// against a source's id or its file name.
type Meta struct {
	Source string `json:"source"`
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"`
}

// ParseMeta reads the "sources" key of a configuration file; other keys
// belong to other stages and are left alone.
func ParseMeta(data []byte) ([]Meta, error) {
	var c struct {
		Sources []Meta `json:"sources"`
	}
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	for i, m := range c.Sources {
		if strings.TrimSpace(m.Source) == "" {
			return nil, fmt.Errorf("sources[%d]: no \"source\" (a source id or file name)", i)
		}
		if m.Date != "" {
			if _, ok := ParseDate(m.Date); !ok {
				return nil, fmt.Errorf("sources[%d] (%s): date %q is not a date (try 2026-02-27)", i, m.Source, m.Date)
			}
		}
	}
	return c.Sources, nil
}

// ApplyMeta sets the fields metas give on the sources they name; a given
// field wins over front matter. A meta that names no source is an error,
// since a typo would otherwise silently leave a source undated.
func ApplyMeta(srcs []tokenize.Source, metas []Meta) error {
	for _, m := range metas {
		found := false
		for i := range srcs {
			s := &srcs[i]
			base := filepath.Base(s.Path)
			if m.Source != s.ID && (s.Path == "" || m.Source != base && m.Source != s.Path) {
				continue
			}
			found = true
			if m.Title != "" {
				s.Title = m.Title
			}
			if m.Outlet != "" {
				s.Outlet = m.Outlet
			}
			if m.URL != "" {
				s.URL = m.URL
			}
			if m.Date != "" {
				s.Date, _ = ParseDate(m.Date)
			}
		}
		if !found {
			return fmt.Errorf("sources: %q names none of the articles read", m.Source)
		}
	}
	return nil
}
