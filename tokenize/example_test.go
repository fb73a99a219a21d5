package tokenize_test

import (
	"fmt"
	"log"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

func ExampleTokenizer_Document() {
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		log.Fatal(err)
	}
	src := tokenize.Source{ID: "a", Text: []byte("Cloud Deal Ends\r\n" +
		"Microsoft said Azure is no longer the U.S. firm's exclusive provider. Shares rose.")}
	d, err := tk.Document(src)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range d.Sentences {
		line, col := d.Position(s.Start)
		fmt.Printf("%d:%d [%d,%d) heading=%v %q\n", line, col, s.Start, s.End, s.Heading, d.Text(s.Span))
	}
	for _, t := range d.SentenceTokens(1)[:10] {
		fmt.Printf("%-9s norm=%-9s stem=%-8s tag=%-4s cap=%v\n", d.Text(t.Span), t.Norm, t.Stem, t.Tag, t.Cap)
	}
	// Output:
	// 1:1 [0,15) heading=true "Cloud Deal Ends"
	// 2:1 [17,86) heading=false "Microsoft said Azure is no longer the U.S. firm's exclusive provider."
	// 2:71 [87,99) heading=false "Shares rose."
	// Microsoft norm=microsoft stem=microsoft tag=NNP  cap=true
	// said      norm=said      stem=said     tag=VBD  cap=false
	// Azure     norm=azure     stem=azure    tag=NNP  cap=true
	// is        norm=is        stem=is       tag=VBZ  cap=false
	// no        norm=no        stem=no       tag=RB   cap=false
	// longer    norm=longer    stem=longer   tag=RB   cap=false
	// the       norm=the       stem=the      tag=DT   cap=false
	// U.S.      norm=u.s.      stem=u.s.     tag=NNP  cap=true
	// firm      norm=firm      stem=firm     tag=NN   cap=false
	// 's        norm='s        stem='s       tag=POS  cap=false
}
