package cluster_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/crosscheck-go/crosscheck/cluster"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

func ExampleStories() {
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		panic(err)
	}
	docs, err := tk.Documents(context.Background(), []tokenize.Source{
		{ID: "a", Text: []byte("Harbor City voters chose Ana Reyes as mayor; Reyes won 52% of the vote, officials said.")},
		{ID: "b", Text: []byte("Northwind Air cancelled 40 flights at Port Lerin after a storm closed the runway.")},
		{ID: "c", Text: []byte("Ana Reyes will be Harbor City's next mayor after voters gave Reyes 52% of the vote.")},
	})
	if err != nil {
		panic(err)
	}
	for _, story := range cluster.Stories(docs, cluster.Options{}) {
		var ids []string
		for _, i := range story {
			ids = append(ids, docs[i].Source.ID)
		}
		fmt.Println(strings.Join(ids, " "))
	}
	// Output:
	// a c
	// b
}
