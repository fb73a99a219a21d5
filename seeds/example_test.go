package seeds_test

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/seeds"
)

func ExampleSources() {
	for _, s := range seeds.Sources() {
		fmt.Println(s.ID, len(s.Text) > 0)
	}
	// Output:
	// 000_29e89d174f0f49cf true
	// 001_df86cc1167141b25 true
	// 002_d93832c97ccbd3a4 true
	// 003_36bd9d3ad9b132b1 true
	// 004_bf41c601065a228a true
}
