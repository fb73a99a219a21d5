package analyze

// This file holds the package's API types; Run is in run.go and the Judge in
// judge.go.

import (
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Label is the judge's answer for one pair of statements.
type Label string

// Labels. Unrelated means the two texts are not about the same event or thing.
const (
	Contradiction Label = "contradiction"
	Entailment    Label = "entailment"
	Neutral       Label = "neutral"
	Unrelated     Label = "unrelated"
)

// Verdict is the judgement of one premise/hypothesis pair.
type Verdict struct {
	Label   Label
	Score   float64 // confidence of Label, in [0, 1]
	Kind    Kind    // the kind of contradiction, when Label is Contradiction
	Related float64 // how likely the two are about the same thing, in [0, 1]
	Cues    []Cue   // the features that drove the decision, strongest first
	// Evidence is the premise sentence(s) that decided it (byte offsets into
	// the premise text).
	Evidence tokenize.Span
	// HypEvidence is the hypothesis sentence(s) that decided it.
	HypEvidence tokenize.Span
}

// Config is analysis configuration data: named topics and lexical additions.
// DefaultConfig returns the embedded defaults; a user file is merged on top.
type Config struct {
	// Topics are named topics a user wants; sentences mentioning their
	// terms are grouped under them before automatic topics are discovered.
	Topics []TopicDef `json:"topics,omitempty"`
	// Antonyms are extra word pairs of opposite meaning.
	Antonyms [][2]string `json:"antonyms,omitempty"`
	// StopWords are words that say nothing about what a sentence is about.
	StopWords []string `json:"stopwords,omitempty"`
	// Hosting are verbs that place a thing with a provider ("runs on",
	// "hosted by", "supplied by"): the other side of an exclusivity claim.
	Hosting []string `json:"hosting,omitempty"`
	// Roles are nouns naming a providing role ("the sole provider").
	Roles []string `json:"roles,omitempty"`
	// Links are prepositions joining a cue or verb to the entity it binds
	// ("solely on X", "provided by X").
	Links []string `json:"links,omitempty"`
	// Copulas are verbs after which an exclusivity adverb binds the
	// entity that follows ("is exclusively X").
	Copulas []string `json:"copulas,omitempty"`
	// ClauseBreaks are conjunctions that end a clause, so a cue in one
	// clause does not bind words of the next.
	ClauseBreaks []string `json:"clause_breaks,omitempty"`
	// Speculative are hedge words that make a statement a mere possibility
	// ("may", "could"): such statements are not compared for exclusivity
	// or change of state, and weigh less elsewhere.
	Speculative []string `json:"speculative,omitempty"`
	// WeakChange are change-of-state cues that only imply a change ("once",
	// "now", "formerly"); a conflict resting on them scores lower than one
	// on "ended" or "no longer".
	WeakChange []string `json:"weak_change,omitempty"`
	// Continuation are words or phrases saying a state goes on
	// ("continues", "carries on"), read in addition to the tokenizer's
	// continuation cues: "production continues" against "production
	// ceased" is a change of state.
	Continuation []string `json:"continuation,omitempty"`
	// Change are words or phrases saying a state stopped ("halted",
	// "shut down"), read in addition to the tokenizer's change cues.
	Change []string `json:"change,omitempty"`
	// Stops are change cues of the tokenizer that, as written, say a state
	// stopped ("ended", "terminated"), unlike those that say it changed
	// ("switched", "became"): with Change, they alone end a state other
	// than exclusivity.
	Stops []string `json:"stops,omitempty"`
	// OrgNouns are nouns by which news refers back to the organisation an
	// article is about ("the company", "the group", "the club").
	OrgNouns []string `json:"org_nouns,omitempty"`
	// Measures are groups of nouns that count the same thing ("people",
	// "staff", "workers"): two amounts of one group measure one thing.
	Measures [][]string `json:"measures,omitempty"`
	// Events are nouns by which an article names the act a story is about
	// without naming its parties ("the deal", "the move"): approval of one
	// and objection to another, by the same party, are one stance apart.
	Events []string `json:"events,omitempty"`
	// Restores are the Change words that end a stopped state ("reopened",
	// "resumed"): only they contradict "remains closed".
	Restores []string `json:"restores,omitempty"`
	// Reschedules say an event's date moved ("pushed back", "postponed"):
	// a later source giving a new date with one supersedes the old date.
	Reschedules []string `json:"reschedules,omitempty"`
	// Movements are verbs of change ("rose", "fell"): an amount after one
	// is a change over a period, compared only between sources of one day.
	Movements []string `json:"movements,omitempty"`
	// Occurrences are verbs saying a thing happened or was observed
	// ("recorded", "detected", "struck"): "a tsunami wave was recorded"
	// against "no risk of a tsunami".
	Occurrences []string `json:"occurrences,omitempty"`
	// Scales are nouns written before the figure they measure ("magnitude
	// 6.1", "level 4"): scale names, not identifiers ("room 12").
	Scales []string `json:"scales,omitempty"`
	// Cumulative are counts that only grow as news comes in ("killed",
	// "toll", "injured", "cases"): a higher one from a later source is an
	// update of the earlier figure (temporal), not a contradiction.
	Cumulative []string `json:"cumulative,omitempty"`
	// Harm are words and phrases saying someone was hurt ("injured",
	// "taken to hospital"), and Unharmed words saying no one was
	// ("unhurt"): "no one was injured" against "a driver was taken to
	// hospital" is a conflict the two sentences' words alone do not show.
	// HarmSigns show harm without naming it ("taken to hospital"): they
	// count as harm said, never as harm denied ("not being treated for
	// Ebola" denies no injury).
	Harm      []string `json:"harm,omitempty"`
	HarmSigns []string `json:"harm_signs,omitempty"`
	Unharmed  []string `json:"unharmed,omitempty"`
	// Causes name the cause of an event ("started by", "the likely
	// cause"), Undetermined say it is not known ("under investigation",
	// "too early to say"): a cause named against a cause not known.
	Causes       []string `json:"causes,omitempty"`
	Undetermined []string `json:"undetermined,omitempty"`
	// Unanimity says a vote was unanimous, Dissent that some voted
	// otherwise ("voted against"): both of one decision cannot hold.
	Unanimity []string `json:"unanimity,omitempty"`
	Dissent   []string `json:"dissent,omitempty"`
	// Knowing are verbs of knowing and telling ("confirm", "verify",
	// "disclose"): "could not confirm the name" says what a source does not
	// know, not that the thing is false, so it conflicts only with the same
	// party saying it.
	Knowing []string `json:"knowing,omitempty"`
	// Tallies are the words a vote count or a score follows or precedes
	// ("voted 7-4", "won 3-1", "a 5-4 ruling"): two tallies of one
	// decision or match cannot both hold. VoteTallies are those of them
	// that make a split tally a dissent against "unanimous".
	Tallies     []string `json:"tallies,omitempty"`
	VoteTallies []string `json:"vote_tallies,omitempty"`
	// Deaths are words reporting a death ("died", "killed", "fatalities"):
	// after a negation of everyone ("no one died") they deny any death.
	// Survival words after "all" or "everyone" deny any death too ("all of
	// the miners survived", "everyone on board survived"): either against
	// a death reported ("one of them died in hospital") is a conflict.
	Deaths   []string `json:"deaths,omitempty"`
	Survival []string `json:"survival,omitempty"`
	// Halts say each of a kind was stopped ("all flights were
	// cancelled"), Runs that some of it went on ("some flights
	// operated"): the two, of one noun, place and day, conflict.
	Halts []string `json:"halts,omitempty"`
	Runs  []string `json:"runs,omitempty"`
	// Held are words saying an event took place, before its noun ("passed
	// a safety inspection", "held the vote") or after it past auxiliaries
	// ("the vote was held"); PutOff say it did not take place when planned
	// ("postponed", "deferred"): one event said both conflicts.
	Held   []string `json:"held,omitempty"`
	PutOff []string `json:"put_off,omitempty"`
	// Ends are verbs that end a thing, each a group of the lemma and its
	// written forms (["seal", "sealed"]): said done ("the leak has been
	// sealed") they deny the thing goes on; after "to" and one of Efforts
	// ("working to seal the leak", "deployed a boom to contain") they say
	// it does, and the two conflict. A form reads as done when it ends in
	// "-ed" and is not the lemma itself.
	Ends    [][]string `json:"ends,omitempty"`
	Efforts []string   `json:"efforts,omitempty"`
	// Possibilities stand between "no" and the thing denied ("no risk of",
	// "no sign of", "no evidence of"): the sentence says the thing did not
	// and will not happen, against one saying it happened.
	Possibilities []string `json:"possibilities,omitempty"`
	// HarmSeverity are words that narrow a denial of harm to one degree
	// of it ("nobody was seriously injured", "no serious injuries"), which
	// leaves lesser harm possible. A word and its "-ly" form are one
	// degree, so list both ("severe", "severely").
	HarmSeverity []string `json:"harm_severity,omitempty"`
	// Plans are words that make a month a plan's rather than a record's
	// ("would reach pharmacies in March", "expected", "scheduled"), not
	// "sales rose in March": two months for one planned thing conflict.
	Plans []string `json:"plans,omitempty"`
	// Streaks mark an ordinal as a place in a run ("the third consecutive
	// increase"); without one, "the second quarter" or "the first time"
	// names a thing, not a rank.
	Streaks []string `json:"streaks,omitempty"`
	// Linking are verbs that tie an amount to its subject ("stood at 25%",
	// "totalled 900", "travelling at 40 km/h") without saying what the
	// amount is of: the subject is what is measured.
	Linking []string `json:"linking,omitempty"`
	// Dimensions are adjectives of size after a length ("4 metres high",
	// "long", "deep"): the thing before the length is what is measured.
	Dimensions []string `json:"dimensions,omitempty"`
	// ReportVerbs close "no X were reported" ("recorded", "confirmed"): the
	// sentence says X did not happen at all, against a count of X. Verbs
	// of loss close it too: "no jobs would be cut" says no job losses,
	// whatever number another source gives.
	ReportVerbs []string `json:"report_verbs,omitempty"`
}

// TopicDef is a user-named topic.
type TopicDef struct {
	Name  string   `json:"name"`
	Terms []string `json:"terms"`
}

// Options configures Run and the Judge. The zero value works.
type Options struct {
	Config *Config // nil means DefaultConfig()
	// MinScore drops conflicts scored below it; 0 means the package default.
	MinScore float64
	// Progress, when set, is called as work completes; it must be cheap.
	Progress func(done, total int)
}
