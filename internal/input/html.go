package input

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// parseHTML fills a Source from an HTML page: the extracted article text
// and the page's metadata.
func parseHTML(src tokenize.Source, page []byte) (tokenize.Source, []Warning) {
	text, meta, warns := ExtractHTML(page)
	src.Text = text
	src.BodyStart = 0
	src.Title = meta.Title
	src.Outlet = meta.Outlet
	src.URL = meta.URL
	src.Date = meta.Date
	if src.Title == "" {
		src.Title = headline(firstLine(text))
	}
	warns = append(warns, Warning{Msg: "HTML page: offsets refer to its extracted article text", Report: true, Info: true})
	return src, warns
}

// dropped are elements whose content is never article text: code, page
// chrome and controls. A <header> is dropped too unless it is inside an
// <article>, where it holds the headline and byline.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Head: true, atom.Dialog: true, atom.Menu: true,
}

// droppedRoles are ARIA roles of page chrome.
var droppedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "dialog": true, "alert": true,
}

// blockBreaks is the break a block element puts around its content: 2 for
// a paragraph break (blank line), 1 for a line break.
var blockBreaks = map[atom.Atom]int{
	atom.P: 2, atom.H1: 2, atom.H2: 2, atom.H3: 2, atom.H4: 2, atom.H5: 2, atom.H6: 2,
	atom.Blockquote: 2, atom.Pre: 2, atom.Ul: 2, atom.Ol: 2, atom.Dl: 2, atom.Table: 2,
	atom.Section: 2, atom.Article: 2, atom.Figure: 2, atom.Header: 2, atom.Hr: 2,
	atom.Div: 1, atom.Li: 1, atom.Tr: 1, atom.Dt: 1, atom.Dd: 1, atom.Figcaption: 1,
	atom.Caption: 1, atom.Main: 1, atom.Address: 1, atom.Details: 1, atom.Summary: 1,
	atom.Br: 1, atom.Body: 1,
}

// ExtractHTML returns the main article text of an HTML page and the
// metadata it declares.
//
// The text comes from the largest <article>, else <main> (or role="main"),
// else <body>; scripts, styles, navigation, asides, footers, forms and
// page-level headers are dropped. Block elements become line breaks and
// paragraphs blank lines, so the tokenizer sees the page's structure;
// inline whitespace is collapsed as a browser would, except in <pre>.
//
// Metadata: the title from og:title, else <title>, else the first <h1>; the
// outlet from og:site_name (or a publisher meta tag); the URL from og:url or
// the canonical link; the date from article:published_time and similar meta
// tags, else the first <time datetime> in the article.
func ExtractHTML(page []byte) (text []byte, meta FrontMatter, warns []Warning) {
	page, warns = toUTF8(page)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil { // only a failing reader makes Parse fail; keep the message anyway
		return nil, meta, append(warns, Warning{Msg: fmt.Sprintf("HTML not parsed: %v", err)})
	}
	var dateText string
	meta, dateText = htmlMeta(doc)
	root := articleRoot(doc)
	var x extractor
	x.walk(root, false, false)
	text = x.finish()
	if meta.Title == "" {
		if h1 := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h1 != nil {
			meta.Title = collapse(textOf(h1))
		}
	}
	if dateText == "" {
		if t := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Time && attr(n, "datetime") != "" }); t != nil {
			dateText = attr(t, "datetime")
		}
	}
	if dateText != "" {
		if d, ok := ParseDate(dateText); ok {
			meta.Date = d
		} else {
			warns = append(warns, Warning{Msg: fmt.Sprintf("publication date %q not understood; left empty", dateText)})
		}
	}
	return text, meta, warns
}

// htmlMeta reads the page's metadata tags. The date is returned as text so
// that the caller can fall back to a <time> element.
func htmlMeta(doc *html.Node) (meta FrontMatter, date string) {
	var title, ogTitle, site, publisher, ogURL, canonical, published, otherDate string
	walkAll(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Title:
			if title == "" {
				title = collapse(textOf(n))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
				canonical = attr(n, "href")
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			val := strings.TrimSpace(attr(n, "content"))
			if val == "" {
				return
			}
			set := func(p *string) {
				if *p == "" {
					*p = val
				}
			}
			switch key {
			case "og:title", "twitter:title":
				set(&ogTitle)
			case "og:site_name", "application-name":
				set(&site)
			case "publisher", "article:publisher", "dc.publisher":
				if !strings.Contains(val, "://") { // article:publisher is often a URL
					set(&publisher)
				}
			case "og:url":
				set(&ogURL)
			case "article:published_time", "datepublished", "og:article:published_time":
				set(&published)
			case "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date":
				set(&otherDate)
			}
		case atom.Time:
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && attr(n, "datetime") != "" && published == "" {
				published = attr(n, "datetime")
			}
		}
	})
	meta.Outlet = firstNonEmpty(site, publisher)
	meta.Title = firstNonEmpty(ogTitle, trimSiteName(title, meta.Outlet))
	meta.URL = firstNonEmpty(ogURL, canonical)
	return meta, firstNonEmpty(published, otherDate)
}

// trimSiteName drops the site name a <title> usually ends with
// ("Headline | Outlet", "Headline - Outlet") when the outlet is known.
func trimSiteName(title, outlet string) string {
	if outlet == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if head, ok := strings.CutSuffix(title, sep+outlet); ok && strings.TrimSpace(head) != "" {
			return strings.TrimSpace(head)
		}
	}
	return title
}

// articleRoot picks the element holding the article: the <article> with
// the most text, else <main> or role="main", else <body>, else the page.
func articleRoot(doc *html.Node) *html.Node {
	var best *html.Node
	bestLen := -1
	walkAll(doc, func(n *html.Node) {
		if n.DataAtom == atom.Article || strings.EqualFold(attr(n, "role"), "article") {
			if l := len(strings.TrimSpace(visibleText(n))); l > bestLen {
				best, bestLen = n, l
			}
		}
	})
	if best != nil && bestLen > 0 {
		return best
	}
	if m := findFirst(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	}); m != nil {
		return m
	}
	if b := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); b != nil {
		return b
	}
	return doc
}

// isDropped reports whether an element's content is not article text.
func isDropped(n *html.Node, inArticle bool) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if dropped[n.DataAtom] || droppedRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if n.DataAtom == atom.Header && !inArticle {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

// extractor accumulates article text with breaks between blocks.
type extractor struct {
	buf     bytes.Buffer
	pending int  // breaks owed before the next text: 0, 1 or 2
	space   bool // a collapsed space is owed before the next text
}

func (x *extractor) brk(level int) {
	x.pending = max(x.pending, level)
	x.space = false
}

func (x *extractor) text(s string, pre bool) {
	if !pre {
		fields := strings.Fields(strings.ReplaceAll(s, "\u00a0", " "))
		if len(fields) == 0 {
			x.space = x.space || s != ""
			return
		}
		lead := s != "" && isHTMLSpace(s[0])
		trail := isHTMLSpace(s[len(s)-1])
		s = strings.Join(fields, " ")
		if lead {
			x.space = true
		}
		x.emit(s)
		x.space = trail
		return
	}
	x.emit(s)
	x.space = false
}

func (x *extractor) emit(s string) {
	if x.buf.Len() > 0 {
		switch {
		case x.pending == 2:
			x.buf.WriteString("\n\n")
		case x.pending == 1:
			x.buf.WriteString("\n")
		case x.space:
			x.buf.WriteByte(' ')
		}
	}
	x.pending, x.space = 0, false
	x.buf.WriteString(s)
}

func (x *extractor) walk(n *html.Node, inArticle, pre bool) {
	switch n.Type {
	case html.TextNode:
		x.text(n.Data, pre)
		return
	case html.ElementNode:
		if isDropped(n, inArticle) {
			return
		}
	case html.CommentNode, html.DoctypeNode, html.RawNode:
		return
	}
	inArticle = inArticle || n.DataAtom == atom.Article
	pre = pre || n.DataAtom == atom.Pre || n.DataAtom == atom.Textarea
	level := blockBreaks[n.DataAtom]
	if level > 0 {
		x.brk(level)
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		x.space = true // cells of a row read as words apart
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c, inArticle, pre)
	}
	if level > 0 {
		x.brk(level)
	}
}

// finish returns the text with trailing blanks trimmed from each line.
func (x *extractor) finish() []byte {
	lines := strings.Split(x.buf.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return []byte(strings.TrimSpace(strings.Join(lines, "\n")))
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walkAll(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkAll(c, f)
	}
}

func findFirst(n *html.Node, pred func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && pred(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findFirst(c, pred); m != nil {
			return m
		}
	}
	return nil
}

// textOf is all text under n, markup removed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

// visibleText is the text under n that extraction would keep, used to
// compare candidate roots.
func visibleText(n *html.Node) string {
	var x extractor
	x.walk(n, false, false)
	return x.buf.String()
}

func collapse(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// toUTF8 converts a page declared as Latin-1 or Windows-1252 to UTF-8 when
// its bytes are not valid UTF-8 already (a page that declares Latin-1 but
// is really UTF-8 is common and left alone). Other encodings are left as
// they are with a warning.
func toUTF8(page []byte) ([]byte, []Warning) {
	if utf8.Valid(page) {
		return page, nil
	}
	cs := declaredCharset(page)
	switch cs {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "iso8859-1":
		out := make([]byte, 0, len(page)+len(page)/8)
		for _, c := range page {
			r := rune(c)
			if c >= 0x80 && c < 0xA0 {
				r = cp1252[c-0x80]
			}
			out = utf8.AppendRune(out, r)
		}
		return out, []Warning{{Msg: "decoded from " + cs + "; offsets refer to the extracted UTF-8 text", Report: true}}
	case "", "utf-8", "utf8":
		return page, nil
	}
	return page, []Warning{{Msg: fmt.Sprintf("declared charset %q is not supported; text read as UTF-8", cs)}}
}

// declaredCharset finds a charset declared in the first 2 KiB of a page.
func declaredCharset(page []byte) string {
	head := bytes.ToLower(page[:min(len(page), 2048)])
	i := bytes.Index(head, []byte("charset="))
	if i < 0 {
		return ""
	}
	v := head[i+len("charset="):]
	v = bytes.TrimLeft(v, `"' `)
	end := bytes.IndexFunc(v, func(r rune) bool {
		return !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z')
	})
	if end >= 0 {
		v = v[:end]
	}
	return string(v)
}

// cp1252 maps Windows-1252 bytes 0x80–0x9F (where it differs from
// Latin-1) to Unicode; undefined bytes map to U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}
