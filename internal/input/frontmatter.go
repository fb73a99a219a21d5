package input

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FrontMatterKeys maps the front matter keys Read understands (lower case)
// to the Source field they fill. Publishing tools disagree on names, so a
// few common synonyms are accepted; other keys are ignored. Add to it to
// accept more.
var FrontMatterKeys = map[string]string{
	"title":         "title",
	"headline":      "title",
	"outlet":        "outlet",
	"publisher":     "outlet",
	"publication":   "outlet",
	"site":          "outlet",
	"site_name":     "outlet",
	"source":        "outlet",
	"date":          "date",
	"published":     "date",
	"published_at":  "date",
	"publish_date":  "date",
	"pubdate":       "date",
	"url":           "url",
	"link":          "url",
	"canonical_url": "url",
}

// FrontMatter is the metadata read from a front matter block.
type FrontMatter struct {
	Title, Outlet, URL string
	Date               time.Time
}

// parseFrontMatter reads a YAML front matter block at the start of text:
// a line "---", lines of "key: value", and a closing line "---" or "...".
// Only that flat subset of YAML is understood: values may be plain, or
// quoted with '...' or "..."; nested maps, lists and block scalars are
// skipped. end is the offset just past the closing line, or 0 when text
// has no front matter.
func parseFrontMatter(text []byte) (fm FrontMatter, end int, warns []Warning) {
	first, rest, ok := cutLine(text)
	if !ok || strings.TrimRight(string(first), " \t") != "---" {
		return fm, 0, nil
	}
	off := len(text) - len(rest)
	var lines [][]byte
	closed := false
	for len(rest) > 0 {
		line, next, _ := cutLine(rest)
		off += len(rest) - len(next)
		rest = next
		if t := strings.TrimRight(string(line), " \t"); t == "---" || t == "..." {
			closed = true
			break
		}
		lines = append(lines, line)
	}
	if !closed {
		return FrontMatter{}, 0, []Warning{{Msg: "starts with \"---\" but the front matter is never closed; read as text"}}
	}
	seen := map[string]bool{}
	for i, line := range lines {
		key, val, ok := frontMatterLine(string(line))
		if !ok {
			continue
		}
		field := FrontMatterKeys[key]
		if field == "" || seen[field] {
			continue // unknown key, or a synonym of one already set: the first wins
		}
		seen[field] = true
		switch field {
		case "title":
			fm.Title = val
		case "outlet":
			fm.Outlet = val
		case "url":
			fm.URL = val
		case "date":
			d, ok := ParseDate(val)
			if !ok {
				warns = append(warns, Warning{Msg: fmt.Sprintf("front matter line %d: date %q not understood; left empty", i+2, val)})
				continue
			}
			fm.Date = d
		}
	}
	return fm, off, warns
}

// cutLine splits off the first line, ended by LF, CRLF or CR. ok is false
// when text has no line ending.
func cutLine(text []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexAny(text, "\r\n")
	if i < 0 {
		return text, nil, false
	}
	if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
		return text[:i], text[i+2:], true
	}
	return text[:i], text[i+1:], true
}

// frontMatterLine splits a top-level "key: value" line. ok is false for
// blank lines, comments, indented (nested) lines, list items, lines with
// no value, and block scalars ("key: |").
func frontMatterLine(line string) (key, val string, ok bool) {
	if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
		return "", "", false
	}
	key, val, ok = strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	key = strings.ToLower(strings.Trim(strings.TrimSpace(key), `"'`))
	val = strings.TrimSpace(val)
	if val == "" || val == "|" || val == ">" || strings.HasPrefix(val, "|") || strings.HasPrefix(val, ">") {
		return "", "", false
	}
	val, ok = yamlScalar(val)
	return key, val, ok && val != ""
}

// yamlScalar interprets a one-line YAML scalar: a double-quoted string
// with escapes, a single-quoted string (two single quotes make one), or a plain value
// whose " #" starts a comment.
func yamlScalar(v string) (string, bool) {
	switch v[0] {
	case '"':
		for i := 1; i < len(v); i++ {
			switch v[i] {
			case '\\':
				i++
			case '"':
				s, err := strconv.Unquote(v[:i+1])
				if err != nil {
					// YAML allows escapes Go does not (\/, \e, ...): keep
					// the text between the quotes rather than lose it.
					return v[1:i], true
				}
				return s, true
			}
		}
		return "", false // unterminated
	case '\'':
		var b strings.Builder
		for i := 1; i < len(v); i++ {
			if v[i] == '\'' {
				if i+1 < len(v) && v[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				return b.String(), true
			}
			b.WriteByte(v[i])
		}
		return "", false
	case '[', '{':
		return "", false // flow collections: not a value we use
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v, true
}

// dateLayouts are the date forms ParseDate accepts, tried in order.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006.01.02",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Mon, January 2, 2006",
	"Monday, 2 January 2006",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2006",
	"Jan 2006",
}

// ParseDate reads a publication date in one of the common forms
// ("2026-02-27", RFC 3339, "February 27, 2026", "27 Feb 2026", RFC 1123,
// ...). A date without a time zone is taken as UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	// "Sept" and ordinal suffixes ("27th") are common in news datelines
	// but unknown to package time.
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	s = strings.Replace(s, "Sept. ", "Sep. ", 1)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if t, ok := parseOrdinalDate(s); ok {
		return t, true
	}
	return time.Time{}, false
}

// parseOrdinalDate accepts "February 27th, 2026" and "27th February 2026".
func parseOrdinalDate(s string) (time.Time, bool) {
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		trimmed := strings.TrimSuffix(w, ",")
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			n := strings.TrimSuffix(trimmed, suf)
			if n != trimmed && n != "" && strings.Trim(n, "0123456789") == "" {
				words[i] = n + w[len(trimmed):]
				changed = true
			}
		}
	}
	if !changed {
		return time.Time{}, false
	}
	s = strings.Join(words, " ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
