package tokenize

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// gotMention is a Mention with its text, for readable diffs.
type gotMention struct {
	Text, Entity, Class string
}

func mentionsOf(d *Document) []gotMention {
	var out []gotMention
	for _, s := range d.Sentences {
		for _, m := range s.Mentions {
			out = append(out, gotMention{d.Text(m.Span), m.Entity, m.Class})
		}
	}
	return out
}

func TestMentions(t *testing.T) {
	aws := "Amazon Web Services"
	tests := []struct {
		name string
		text string
		want []gotMention
	}{
		{"possessive alias", "The model will run entirely on Amazon's cloud.", []gotMention{{"Amazon's cloud", aws, "platform"}}},
		{"curly possessive alias", "It runs on Amazon’s cloud today.", []gotMention{{"Amazon’s cloud", aws, "platform"}}},
		{"acronym alias", "It runs on AWS today.", []gotMention{{"AWS", aws, "platform"}}},
		{"full name", "It runs on Amazon Web Services today.", []gotMention{{"Amazon Web Services", aws, "platform"}}},
		{"longest wins", "Microsoft Azure is the provider.", []gotMention{{"Microsoft Azure", "Microsoft Azure", "platform"}}},
		{"possessive outside the mention", "OpenAI's models run on Azure.", []gotMention{
			{"OpenAI", "OpenAI", "company"}, {"Azure", "Microsoft Azure", "platform"}}},
		{"U.S. with stops", "The U.S. Department of Defense signed.", []gotMention{
			{"U.S. Department of Defense", "U.S. Department of Defense", "agency"}}},
		{"U.S. alone", "Sales in the U.S. rose.", []gotMention{{"U.S.", "United States", "place"}}},
		{"pronoun us is not the US", "He told us the US would act.", []gotMention{{"US", "United States", "place"}}},
		{"other alias of an agency", "The Pentagon and the Defense Department agreed.", []gotMention{
			{"Pentagon", "U.S. Department of Defense", "agency"}, {"Defense Department", "U.S. Department of Defense", "agency"}}},
		{"hyphenated names", "The Microsoft-OpenAI deal holds.", []gotMention{
			{"Microsoft", "Microsoft", "company"}, {"OpenAI", "OpenAI", "company"}}},
		{"common word lower case", "She ate an apple near the windows.", nil},
		{"common word as a name", "She said Apple will ship Windows support.", []gotMention{
			{"Apple", "Apple", "company"}, {"Windows", "Windows", "product"}}},
		{"multi-word alias in any case", "They moved to amazon Web services.", []gotMention{{"amazon Web services", aws, "platform"}}},
		{"multi-word alias all in lower case", "A white house stood on the hill, the information said.", nil},
		{"the before a capital", "It told the Information and The Verge, on the verge of a deal.", []gotMention{
			{"the Information", "The Information", "media"}, {"The Verge", "The Verge", "media"}}},
		{"unknown name with connector", "In a letter sent this week, the Ministry of Foreign Affairs of Norvania objected to the plan.", []gotMention{
			{"Ministry of Foreign Affairs of Norvania", "Ministry of Foreign Affairs of Norvania", ""}}},
		{"unknown name", "Analysts at Zentrix Holdings said on a call that they disagreed with the plan.", []gotMention{{"Zentrix Holdings", "Zentrix Holdings", ""}}},
		{"unknown possessive", "Shares of the company fell after Zentrix's results were published.", []gotMention{{"Zentrix", "Zentrix", ""}}},
		{"unknown next to a known name", "The chief executive of Zentrix Microsoft said nothing about the plan.", []gotMention{
			{"Zentrix", "Zentrix", ""}, {"Microsoft", "Microsoft", "company"}}},
		{"unknown stops at a known name", "The board of Zentrix hired Satya Nadella, who spoke about the plan.", []gotMention{
			{"Zentrix", "Zentrix", ""}, {"Satya Nadella", "Satya Nadella", "person"}}},
		{"non-name acronym", "The AI boom and the CEO spoke.", nil},
		{"titles split names", "In a statement on the plan, Zentrix CEO Anna Lindqvist and Commissioner Jan Dobrev agreed.", []gotMention{
			{"Zentrix", "Zentrix", ""}, {"Anna Lindqvist", "Anna Lindqvist", ""}, {"Jan Dobrev", "Jan Dobrev", ""}}},
		{"known place inside a name", "A scientist at the National Autonomous University of Nicaragua said it was a meteorite.", []gotMention{
			{"National Autonomous University of Nicaragua", "National Autonomous University of Nicaragua", ""}}},
		{"known company after a connector is its own", "A former executive of Zentrix Labs of Microsoft said so.", []gotMention{
			{"Zentrix Labs", "Zentrix Labs", ""}, {"Microsoft", "Microsoft", "company"}}},
		{"line in capitals is not a name", "The story ran with a banner reading VIEW ALL PHOTOS IN GALLERY below it.", nil},
		{"known surname inside a longer name", "Her rival, Tom Nadella, conceded on Sunday night after the count.", []gotMention{
			{"Tom Nadella", "Tom Nadella", ""}}},
		{"known place inside a longer name", "Shares listed on the London Stock Exchange rose, as did those in New Mexico.", []gotMention{
			{"London Stock Exchange", "London Stock Exchange", ""}, {"New Mexico", "New Mexico", ""}}},
		{"person next to a known name", "Reporters said the Biden White House had asked for the data.", []gotMention{
			{"Biden", "Joe Biden", "person"}, {"White House", "White House", "government"}}},
		{"company next to a name is still known", "Analysts said Amazon AWS Bedrock was popular with the users.", []gotMention{
			{"Amazon AWS", aws, "platform"}, {"Bedrock", "Bedrock", ""}}},
		{"sentence-initial proper noun starts a name", "Veridian Group agreed to buy the company for cash on Monday.", []gotMention{
			{"Veridian Group", "Veridian Group", ""}}},
		{"sentence-initial ordinary word does not", "However Zentrix Labs disagreed with the plan on Monday.", []gotMention{
			{"Zentrix Labs", "Zentrix Labs", ""}}},
		{"a sentence full of names is no headline", "The Carrow poll has Ada Brenner at 48% and Tom Voss at 44%.", []gotMention{
			{"Carrow", "Carrow", ""}, {"Ada Brenner", "Ada Brenner", ""}, {"Tom Voss", "Tom Voss", ""}}},
		{"a title-case headline without a full stop", "Carrow Poll Shows Brenner Ahead", nil},
		{"demonym is not a name", "The company agreed to sell its Polish unit to a buyer.", nil},
		{"question word is not a name", "Did the regulator go too far with the ruling?", nil},
		{"month is not a name", "It happened in March.", nil},
		{"hyphenated adjective is not a name", "An AI-driven tool.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mentionsOf(tokenizeFacts(t, tc.text, time.Time{}))
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestMentionsInHeading(t *testing.T) {
	// A title-case headline capitalises every word; only known entities and
	// acronyms are mentions there.
	d := tokenizeFacts(t, "The Pentagon Strikes New Deal With Zentrix Over ZX Chips\n\nThe deal was signed.", time.Time{})
	if !d.Sentences[0].Heading {
		t.Skip("the segmenter did not mark the title as a heading")
	}
	want := []gotMention{{"Pentagon", "U.S. Department of Defense", "agency"}, {"ZX", "ZX", ""}}
	if diff := cmp.Diff(want, mentionsOf(&Document{Source: d.Source, Sentences: d.Sentences[:1], Tokens: d.Tokens})); diff != "" {
		t.Errorf("heading mentions (-want +got):\n%s", diff)
	}
}

func TestUserAliasWins(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Merge(&Config{Entities: []EntityDef{
		{Name: "Amazon Web Services", Aliases: []string{"Amazon Cloud Unit"}},
		{Name: "Norvania", Class: "place", Aliases: []string{"Republic of Norvania"}},
	}})
	d := withConfig(t, cfg, "The Republic of Norvania chose the Amazon Cloud Unit.")
	want := []gotMention{
		{"Republic of Norvania", "Norvania", "place"},
		{"Amazon Cloud Unit", "Amazon Web Services", "platform"},
	}
	if diff := cmp.Diff(want, mentionsOf(d)); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
}

func TestAliasKey(t *testing.T) {
	tests := map[string]string{
		"U.S.":           "us",
		"Amazon's cloud": "amazon'scloud",
		"Amazon’s Cloud": "amazon'scloud",
		"AT&T":           "at&t",
		"T‑Mobile":       "t-mobile",
		"  ":             "",
	}
	for in, want := range tests {
		if got := aliasKey(in); got != want {
			t.Errorf("aliasKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSurnameResolvesToEarlierName(t *testing.T) {
	d := tokenizeFacts(t, "The count was led by Anna Lindqvist, a lawyer from the north. "+
		"Her rival, Tom Nadella, conceded on Sunday. Lindqvist thanked her voters, and Nadella thanked his. "+
		"Later, Satya Nadella of Microsoft said nothing.", time.Time{})
	want := []gotMention{
		{"Anna Lindqvist", "Anna Lindqvist", ""},
		{"Tom Nadella", "Tom Nadella", ""},
		{"Lindqvist", "Anna Lindqvist", ""},
		{"Nadella", "Tom Nadella", ""}, // the alias table's Satya Nadella, but not in this text
		{"Satya Nadella", "Satya Nadella", "person"},
		{"Microsoft", "Microsoft", "company"},
	}
	if diff := cmp.Diff(want, mentionsOf(d)); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	d = tokenizeFacts(t, "The board of Hollis Foods met on Monday with its lawyers. The deal values Hollis at about $3.1 billion. "+
		"Hollis rejected it.", time.Time{})
	want = []gotMention{
		{"Hollis Foods", "Hollis Foods", ""},
		{"Hollis", "Hollis Foods", ""},
		{"Hollis", "Hollis Foods", ""}, // sentence-initial, known from before
	}
	if diff := cmp.Diff(want, mentionsOf(d)); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
}
