package tokenize

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// gotCue is a Cue with its text, for readable diffs.
type gotCue struct {
	Text string
	Kind CueKind
	Word string
}

func cuesOf(d *Document) []gotCue {
	var out []gotCue
	for _, s := range d.Sentences {
		for _, c := range s.Cues {
			out = append(out, gotCue{d.Text(c.Span), c.Kind, c.Word})
		}
	}
	return out
}

func TestCues(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []gotCue
	}{
		{"negation", "The company did not sign.", []gotCue{{"not", CueNegation, "not"}}},
		{"contraction", "The company didn't sign.", []gotCue{{"didn't", CueNegation, "n't"}}},
		{"stem match", "The partnership ends soon and the other one ended.", []gotCue{
			{"ends", CueChange, "ends"}, {"ended", CueChange, "ended"}}},
		{"phrase beats word", "The deal is no longer exclusive.", []gotCue{
			{"no longer", CueChange, "no longer"}, {"exclusive", CueExclusive, "exclusive"}}},
		{"phrase by stem", "The firm continued to expand and failed to grow.", []gotCue{
			{"continued to", CueContinue, "continue to"}, {"failed to", CueNegation, "failed to"}}},
		{"exact word beats stem", "The company reportedly paid.", []gotCue{{"reportedly", CueHedge, "reportedly"}}},
		{"exact entries do not match by stem", "The firm told reporters about the report it reported.", []gotCue{
			{"told", CueAttribution, "told"}, {"reported", CueAttribution, "reported"}}},
		{"attribution", "According to the filing, the firm said it agreed.", []gotCue{
			{"According to", CueAttribution, "according to"}, {"said", CueAttribution, "said"}, {"agreed", CueApproval, "agreed"}}},
		{"exclusivity forms", "It is the sole provider, solely and exclusively.", []gotCue{
			{"sole provider", CueExclusive, "sole provider"}, {"solely", CueExclusive, "solely"}, {"exclusively", CueExclusive, "exclusively"}}},
		{"prefix pattern", "It adopted a multi-cloud design.", []gotCue{{"multi-cloud", CueMulti, "multi-"}}},
		{"one word two kinds", "Several firms bid.", []gotCue{{"Several", CueMulti, "several"}, {"Several", CueQuantifier, "several"}}},
		{"names are not cues", "The partnership ends in May, said Will Only.", []gotCue{{"ends", CueChange, "ends"}, {"said", CueAttribution, "said"}}},
		{"stance words of a quoted title count", `The sale went ahead with the board's "Formal Approval" and its "Only Option".`, []gotCue{
			{"Approval", CueApproval, "approved"}}},
		{"praise and condemnation", "Experts praised the study; critics slammed it.", []gotCue{
			{"praised", CueApproval, "praised"}, {"slammed", CueObjection, "slammed"}}},
		{"hedge", "If approved, the deal could close.", []gotCue{
			{"If", CueHedge, "if"}, {"approved", CueApproval, "approved"}, {"could", CueHedge, "could"}}},
		{"objection", "The rival said the move violated the contract.", []gotCue{
			{"said", CueAttribution, "said"}, {"violated", CueObjection, "violated"}}},
		{"question", "Is the deal still exclusive?", []gotCue{
			{"still", CueContinue, "still"}, {"exclusive", CueExclusive, "exclusive"}, {"?", CueQuestion, "?"}}},
		{"question in quotes", `He said, "Is the deal over?"`, []gotCue{{"said", CueAttribution, "said"}, {"?", CueQuestion, "?"}}},
		{"asking for is not attribution", "He has not conceded and asked for a recount.", []gotCue{{"not", CueNegation, "not"}}},
		{"not only is plurality", "It runs not only on Azure but also elsewhere.", []gotCue{{"not only", CueMulti, "not only"}}},
		{"no other is exclusivity", "No other provider hosts it.", []gotCue{{"No other", CueExclusive, "no other"}}},
		{"non-exclusive", "It signed a non-exclusive deal.", []gotCue{{"non-exclusive", CueMulti, "non-exclusive"}}},
		{"only if is a condition", "It will move only if asked.", []gotCue{{"only if", CueHedge, "only if"}}},
		{"even if asserts its main clause", "The deal is over, even if talks go on.", []gotCue{{"is over", CueChange, "is over"}}},
		{"no doubt negates nothing", "There is no doubt it will ship.", nil},
		{"no cue inside a quantity", "Some 40 firms bid.", nil},
		{"modal may is a hedge", "The firm may sign.", []gotCue{{"may", CueHedge, "may"}}},
		{"month May is not a hedge", "The firm signed on May 5, 2025.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cuesOf(tokenizeFacts(t, tc.text, time.Time{}))
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestCueConfigMarkers(t *testing.T) {
	cfg := &Config{Cues: map[CueKind][]string{
		CueHedge:    {"=suppose"},
		CueNegation: {"*less"},
		CueChange:   {"pivot away"},
	}}
	d := withConfig(t, cfg, "I suppose the pointless plan supposedly pivoted away.")
	want := []gotCue{
		{"suppose", CueHedge, "suppose"},
		{"pointless", CueNegation, "less"},
		{"pivoted away", CueChange, "pivot away"},
	}
	if diff := cmp.Diff(want, cuesOf(d)); diff != "" {
		t.Errorf("cues (-want +got):\n%s", diff)
	}
}
