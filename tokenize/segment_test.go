package tokenize

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sentences returns the text of each sentence, with a "#" prefix on
// headings, so one string list shows both the cut and the heading flag.
func sentences(d *Document) []string {
	var out []string
	for _, s := range d.Sentences {
		txt := d.Text(s.Span)
		if s.Heading {
			txt = "# " + txt
		}
		out = append(out, txt)
	}
	return out
}

func TestSegmentation(t *testing.T) {
	tk := newTok(t, Options{NoTags: true})
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"two sentences", "The deal closed. Shares rose.", []string{"The deal closed.", "Shares rose."}},
		{"question and exclamation", "Is it over? Yes! It is.", []string{"Is it over?", "Yes!", "It is."}},
		{"headline then body", "Microsoft Ends Exclusive Deal\nThe company said on Monday it would end the deal.",
			[]string{"# Microsoft Ends Exclusive Deal", "The company said on Monday it would end the deal."}},
		{"source line", "It rained.\nSource: Reuters", []string{"It rained.", "# Source: Reuters"}},
		{"colon line is not a heading", "Key points include:\n- Prices rose.", []string{"Key points include:", "Prices rose."}},
		{"dash list", "- first point here\n- second point", []string{"first point here", "second point"}},
		{"bullet list", "• Alpha rose.\n* Beta fell.", []string{"Alpha rose.", "Beta fell."}},
		{"numbered list", "1. Alpha rose\n2) Beta fell", []string{"Alpha rose", "Beta fell"}},
		{"lone bullet lines", "-\nExclusive deal: it ended.\n–\nNew Funding Round Announced",
			[]string{"Exclusive deal: it ended.", "# New Funding Round Announced"}},
		{"markdown quote wraps", "> The deal was signed\n> on Monday.\n> It ended.", []string{"The deal was signed\n> on Monday.", "It ended."}},
		{"divider", "One.\n***\n---\nTwo.", []string{"One.", "Two."}},
		{"markdown heading", "## The deal. Explained\nBody text.", []string{"The deal.", "# Explained", "Body text."}},
		{"abbreviation US", "It is based in the U.S. and Canada. The U.S. Army agreed.",
			[]string{"It is based in the U.S. and Canada.", "The U.S. Army agreed."}},
		{"abbreviation ends sentence", "It moved to the U.S. The move was costly.",
			[]string{"It moved to the U.S.", "The move was costly."}},
		{"titles", "Mr. Smith met Dr. Jones at St. Mary's. They talked.",
			[]string{"Mr. Smith met Dr. Jones at St. Mary's.", "They talked."}},
		{"company suffix", "Acme Inc. and Foo Corp. merged. Then Bar Ltd. The end.",
			[]string{"Acme Inc. and Foo Corp. merged.", "Then Bar Ltd.", "The end."}},
		{"state abbreviations", "He lives in College Park, Md. He was ill. Doctors came.",
			[]string{"He lives in College Park, Md.", "He was ill.", "Doctors came."}},
		{"eg ie", "Some firms, e.g. Acme, agreed, i.e. Most did.", []string{"Some firms, e.g. Acme, agreed, i.e. Most did."}},
		{"months and numbers", "On Jan. 5 it paid No. 3 a fee. Feb. 2 too.", []string{"On Jan. 5 it paid No. 3 a fee.", "Feb. 2 too."}},
		{"no as a word", "He said No. Then he left.", []string{"He said No.", "Then he left."}},
		{"initials", "John F. Kennedy spoke. J. R. R. Tolkien wrote.", []string{"John F. Kennedy spoke.", "J. R. R. Tolkien wrote."}},
		{"decimals", "It raised $1.5 billion, up 2.5%. Next year 3.0 is due.", []string{"It raised $1.5 billion, up 2.5%.", "Next year 3.0 is due."}},
		{"ellipsis mid-sentence", "The deal... was not done. Then... Nothing.", []string{"The deal... was not done.", "Then...", "Nothing."}},
		{"url", "See https://example.com/a.b?c=d. It works. Visit www.example.org.",
			[]string{"See https://example.com/a.b?c=d.", "It works.", "Visit www.example.org."}},
		{"quotes close a sentence", "He said \"it is over.\" She agreed. “Yes.” Then quiet.",
			[]string{"He said \"it is over.\"", "She agreed.", "“Yes.”", "Then quiet."}},
		{"quoted question inside", "\"Why now?\" she asked. Nobody knew.", []string{"\"Why now?\" she asked.", "Nobody knew."}},
		{"bracket after stop", "It ended (in 2020.) Then it restarted.", []string{"It ended (in 2020.)", "Then it restarted."}},
		{"lower case after stop", "It cost 5 vs. 6 dollars. ok then.", []string{"It cost 5 vs. 6 dollars. ok then."}},
		{"hard-wrapped paragraph", "The company said it would\nnot renew the contract. It\nalso cut jobs.",
			[]string{"The company said it would\nnot renew the contract.", "It\nalso cut jobs."}},
		{"glue word at line end continues", "The deal was announced by\nMicrosoft on Monday.", []string{"The deal was announced by\nMicrosoft on Monday."}},
		{"hard-wrapped document", wrappedText, []string{
			"# A Wrapped Story",
			"Microsoft said on Monday that its partnership with OpenAI would continue\nAmazon Web Services would host some workloads, according to people familiar\nwith the talks.",
			"The companies declined to comment on the terms of the agreement in\nWashington on Tuesday.",
			"A second paragraph starts after a blank line and it is also wrapped at\nseventy columns like the first one was.",
		}},
		{"list of titles is not wrapped text", titleList, []string{
			"# Microsoft and OpenAI Renegotiate Their Cloud Agreement Again",
			"# Amazon Web Services Wins Part of the Pentagon Contract Today",
			"# OpenAI Closes Record Funding Round Led by Three Investors",
			"# Nvidia and SoftBank Join the Round With Large Commitments",
			"# Analysts Question What the Deal Means for Azure Customers",
		}},
		{"comma at line end continues", "Microsoft, Amazon,\nGoogle and Oracle bid.", []string{"Microsoft, Amazon,\nGoogle and Oracle bid."}},
		{"missing space after a stop", "It hit the men.He left. Version 3.Next is out.",
			[]string{"It hit the men.", "He left.", "Version 3.Next is out."}},
		{"quotation then speaker", "“We will fight!” Abana said. “Why?” Mr. Lee asked. “No!” The crowd left.",
			[]string{"“We will fight!” Abana said.", "“Why?” Mr. Lee asked.", "“No!”", "The crowd left."}},
		{"title-case question line", "What Exactly Happened?\nIs it over? Nobody Really Knows!\nHere Is How It Works:",
			[]string{"# What Exactly Happened?", "Is it over?", "Nobody Really Knows!", "# Here Is How It Works:"}},
		{"long line without punctuation is not a heading",
			strings.Repeat("word ", 50) + "end", []string{strings.Repeat("word ", 50) + "end"}},
		{"title-case list item is a heading", "- Funding Round Involving Amazon\n- prices rose", []string{"# Funding Round Involving Amazon", "prices rose"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tk.Document(Source{ID: "x", Text: []byte(tc.text)})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			if diff := cmp.Diff(tc.want, sentences(d)); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
		})
	}
}

// wrappedText is a story hard-wrapped at about seventy columns.
const wrappedText = `A Wrapped Story

Microsoft said on Monday that its partnership with OpenAI would continue
Amazon Web Services would host some workloads, according to people familiar
with the talks. The companies declined to comment on the terms of the agreement in
Washington on Tuesday.

A second paragraph starts after a blank line and it is also wrapped at
seventy columns like the first one was.`

// titleList is a list of headlines of wrapping width, one per line.
const titleList = `Microsoft and OpenAI Renegotiate Their Cloud Agreement Again
Amazon Web Services Wins Part of the Pentagon Contract Today
OpenAI Closes Record Funding Round Led by Three Investors
Nvidia and SoftBank Join the Round With Large Commitments
Analysts Question What the Deal Means for Azure Customers`

func TestParagraphs(t *testing.T) {
	tk := newTok(t, Options{NoTags: true})
	text := "Title Line\n\nFirst para. Still first.\nSecond para.\n\n\n- item one\n- item two"
	d, err := tk.Document(Source{ID: "x", Text: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, d)
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, d.Text(p.Span))
	}
	want := []string{"Title Line", "First para. Still first.", "Second para.", "item one", "item two"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if p := d.Paragraphs[1]; p.Last-p.First != 2 {
		t.Errorf("paragraph 1 has %d sentences, want 2", p.Last-p.First)
	}
}

func TestLongSentenceIsCapped(t *testing.T) {
	tk := newTok(t, Options{NoTags: true})
	text := strings.Repeat("lorem ", maxSentenceTokens*2+10)
	d, err := tk.Document(Source{ID: "x", Text: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, d)
	if len(d.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		if n := s.Last - s.First; n > maxSentenceTokens {
			t.Errorf("sentence of %d tokens exceeds the cap", n)
		}
	}
	// A run of glued stops must be capped too (and tag in linear time).
	tagger := newTok(t, Options{})
	for _, text := range []string{"word " + strings.Repeat("!", maxSentenceTokens*3), "a" + strings.Repeat(")", maxSentenceTokens*3)} {
		d, err := tagger.Document(Source{ID: "x", Text: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		for _, s := range d.Sentences {
			if n := s.Last - s.First; n > maxSentenceTokens {
				t.Errorf("%.10q...: sentence of %d tokens exceeds the cap", text, n)
			}
		}
	}
}
