package input

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParse checks Parse's invariants on any bytes under any of the three
// formats: no panic; a skip is a *SkipError; otherwise BodyStart lies in
// Text, text files keep their bytes exactly (offsets are file offsets)
// unless decoded from UTF-16, and a decoded or extracted text is never
// blank after BodyStart.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"", "Title\nBody.\n", "---\ntitle: T\n---\nBody\n", "---\ntitle: \"unterminated\n---\nx\n",
		"\xef\xbb\xbf---\r\ndate: 2026-02-27\r\n---\r\nBody\r\n", "\xff\xfeA\x00\n\x00", "\xfe\xff\x00A",
		"<html><body><article><p>x</p></article></body></html>", "<p>a<br>b</p><pre> c </pre>",
		"\x89PNG\r\n\x1a\n", "\x00\x00", "Caf\xe9\n", "---\n'a': 'b''c'\n...\n\n",
	} {
		for _, name := range []string{"a.txt", "a.md", "a.html", "-"} {
			f.Add(name, []byte(seed))
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name != "a.txt" && name != "a.md" && name != "a.html" && name != "-" {
			name = "a.txt"
		}
		src, _, err := Parse(name, data)
		if err != nil {
			var skip *SkipError
			if !errors.As(err, &skip) {
				t.Fatalf("Parse error is not a skip: %v", err)
			}
			return
		}
		if src.BodyStart < 0 || src.BodyStart > len(src.Text) {
			t.Fatalf("BodyStart %d outside [0, %d]", src.BodyStart, len(src.Text))
		}
		utf16 := bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM)
		if name != "a.html" && !utf16 && !looksLikeHTML(data) && !bytes.Equal(src.Text, data) {
			t.Fatalf("text file changed:\n%q\n%q", data, src.Text)
		}
		if len(bytes.TrimSpace(src.Text[src.BodyStart:])) == 0 {
			t.Fatalf("blank text accepted: %q", src.Text)
		}
	})
}
