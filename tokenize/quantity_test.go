package tokenize

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// gotQuantity is a Quantity with its text, for readable diffs.
type gotQuantity struct {
	Text   string
	Value  float64
	Unit   string
	Approx bool
}

func quantitiesOf(t *testing.T, text string) []gotQuantity {
	t.Helper()
	d := tokenizeFacts(t, text, time.Time{})
	var out []gotQuantity
	for _, s := range d.Sentences {
		for _, q := range s.Quantities {
			out = append(out, gotQuantity{d.Text(q.Span), q.Value, q.Unit, q.Approx})
		}
	}
	return out
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []gotQuantity
	}{
		{"dollars billion", "The round raised $110 billion.", []gotQuantity{{"$110 billion", 110e9, "USD", false}}},
		{"suffix B", "It is worth $50B.", []gotQuantity{{"$50B", 50e9, "USD", false}}},
		{"suffix bn", "It is worth $50bn now.", []gotQuantity{{"$50bn", 50e9, "USD", false}}},
		{"words after", "They paid 110 billion dollars.", []gotQuantity{{"110 billion dollars", 110e9, "USD", false}}},
		{"US dollar sign", "A grant of US$3 million was made.", []gotQuantity{{"US$3 million", 3e6, "USD", false}}},
		{"euro suffix m", "The fine was €20m.", []gotQuantity{{"€20m", 20e6, "EUR", false}}},
		{"pound decimal bn", "Revenue hit £3.5bn last quarter.", []gotQuantity{{"£3.5bn", 3.5e9, "GBP", false}}},
		{"crore", "It raised Rs 500 crore.", []gotQuantity{{"Rs 500 crore", 5e9, "INR", false}}},
		{"ISO code before", "A bond of EUR 500 million.", []gotQuantity{{"EUR 500 million", 500e6, "EUR", false}}},
		{"percent sign", "Shares fell 13% on Monday.", []gotQuantity{{"13%", 13, "%", false}}},
		{"percent word", "Shares fell 13 percent.", []gotQuantity{{"13 percent", 13, "%", false}}},
		{"per cent", "Shares fell 2.5 per cent.", []gotQuantity{{"2.5 per cent", 2.5, "%", false}}},
		{"unit written onto the number", "She ran 5km before work.", []gotQuantity{{"5km", 5, "km", false}}},
		{"degrees written onto the number", "It reached 41.3C at the airfield.", []gotQuantity{{"41.3C", 41.3, "degC", false}}},
		{"degree sign", "It reached 104°F in the valley.", []gotQuantity{{"104°F", 104, "degF", false}}},
		{"degrees Celsius in words", "The old record of 40.3 degrees Celsius stood.", []gotQuantity{{"40.3 degrees Celsius", 40.3, "degC", false}}},
		{"an ordinal is no glued unit", "It was the 3rd attempt.", nil},
		{"decimal million count", "It has 1.5 million users.", []gotQuantity{{"1.5 million", 1.5e6, "", false}}},
		{"thousands separator", "About 2,000 jobs went.", []gotQuantity{{"About 2,000", 2000, "", true}}},
		{"number words", "It hired two million people.", []gotQuantity{{"two million", 2e6, "", false}}},
		{"a dozen", "A dozen firms bid.", []gotQuantity{{"A dozen", 12, "", false}}},
		{"a billion dollars", "It cost a billion dollars.", []gotQuantity{{"a billion dollars", 1e9, "USD", false}}},
		{"hyphenated tens", "There were twenty-five bids.", []gotQuantity{{"twenty-five", 25, "", false}}},
		{"lone one is not a quantity", "One of the firms bid.", nil},
		{"around", "It gave around $50 billion.", []gotQuantity{{"around $50 billion", 50e9, "USD", true}}},
		{"up to", "It may invest up to $10 billion.", []gotQuantity{{"up to $10 billion", 10e9, "USD", true}}},
		{"more than", "More than 300 people came.", []gotQuantity{{"More than 300", 300, "", true}}},
		{"at least", "At least 12 died.", []gotQuantity{{"At least 12", 12, "", true}}},
		{"tilde", "It weighs ~40 kg.", []gotQuantity{{"~40 kg", 40, "kg", true}}},
		{"some", "Some 40 firms bid.", []gotQuantity{{"Some 40", 40, "", true}}},
		{"measure unit", "The line runs 120 km north.", []gotQuantity{{"120 km", 120, "km", false}}},
		{"two-word unit", "Output rose 300,000 barrels per day.", []gotQuantity{{"300,000 barrels per day", 300000, "bbl/d", false}}},
		{"year is not a quantity", "The deal dates from 2019.", nil},
		{"ordinal is not a quantity", "It came 2nd in the race.", nil},
		{"day without a year is not a quantity", "It closed on Feb. 27 and on 3 March.", nil},
		{"year-like money is a quantity", "It cost $2019.", []gotQuantity{{"$2019", 2019, "USD", false}}},
		{"year-like percent", "A rise of 2000%.", []gotQuantity{{"2000%", 2000, "%", false}}},
		{"several in one sentence", "A $100 billion deal, not a $110 billion round.", []gotQuantity{
			{"$100 billion", 100e9, "USD", false}, {"$110 billion", 110e9, "USD", false}}},
		{"about without a number", "It is about the deal.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := quantitiesOf(t, tc.text)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty(), cmpopts.EquateApprox(1e-9, 0)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// Two ways of writing one amount resolve to the same value and unit, which
// is what lets a detector see they agree.
func TestQuantityFormsEqual(t *testing.T) {
	pairs := [][2]string{
		{"It raised $50 billion.", "It raised 50 billion dollars."},
		{"It raised $50B.", "It raised $50bn."},
		{"It raised US$50 billion.", "It raised 50 billion US dollars."},
		{"Growth was 13%.", "Growth was 13 per cent."},
	}
	for _, p := range pairs {
		a, b := quantitiesOf(t, p[0]), quantitiesOf(t, p[1])
		if len(a) != 1 || len(b) != 1 {
			t.Errorf("%q, %q: want one quantity each, got %v and %v", p[0], p[1], a, b)
			continue
		}
		if a[0].Value != b[0].Value || a[0].Unit != b[0].Unit {
			t.Errorf("%q = %v, %q = %v: want the same value and unit", p[0], a[0], p[1], b[0])
		}
	}
}

func TestQuantityRetagsTokens(t *testing.T) {
	d := tokenizeFacts(t, "About $5 million, or 13% of 40 people.", time.Time{})
	var got []string
	for _, tk := range d.Tokens {
		got = append(got, d.Text(tk.Span)+"/"+tk.Kind.String())
	}
	want := []string{"About/word", "$/money", "5/money", "million/money", ",/punct", "or/word",
		"13/percent", "%/percent", "of/word", "40/number", "people/word", "./punct"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("token kinds (-want +got):\n%s", diff)
	}
}

func TestParseNumberText(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1,000", 1000, true},
		{"1.5", 1.5, true},
		{"50b", 50e9, true},
		{"110bn", 110e9, true},
		{"3k", 3000, true},
		{"2nd", 0, false},
		{"1990s", 0, false},
		{"9:30", 0, false},
		{"1.", 0, false},
		{"3x", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parseNumberText(tc.in)
			if ok != tc.ok || got != tc.want {
				t.Errorf("parseNumberText(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}
