// Package analyze is the second stage of the crosscheck pipeline: it takes
// tokenized documents and finds where their sources contradict or agree.
//
// Run reduces every sentence to a claim: its content stems and entities,
// its cues (negation, hedges, attribution, exclusivity, continuation,
// change, approval, objection), the provider each exclusivity cue binds
// ("solely on X", "X remains the sole provider"), and each quantity with the
// thing it measures and whose it is ("$110 billion funding round" measures
// a funding round). Entity names that denote one party are grouped from the
// text itself (apposition, possessives, a name inside another); "the
// company", "the group" and the like stand for the organisation a document
// mentions most (persons, found by a surname standing alone, and places are
// never that organisation).
//
// Sentences are aligned across sources through an inverted index of their
// terms, with very common terms capped, so the work grows near-linearly;
// topics are discovered from salient terms shared across sources, after the
// user's named topics. Each aligned pair goes through the detectors:
//
//   - exclusivity: X is the sole provider versus Y provides the same thing;
//   - polarity: a state continues versus it ended (an exclusivity, or any
//     activity the two cues govern: "production continues at the plant"
//     versus "ceased production at the plant"), or one statement negated
//     (a negated verb of knowing, "could not confirm", only against the
//     same party saying it: not knowing is no denial);
//   - numeric: the same quantity of the same thing with different values
//     (a deal's size and a funding round's size are different things);
//     bounds ("more than 200"), rates ("a week"), parts of a whole ("two
//     of the ten clubs"), amounts a hundredfold apart, values of before
//     ("the previous record", "from 64 to 67"), figures of different
//     groups ("among younger voters") and a figure the other side gives
//     too are not compared; parties' shares are read in the order named
//     ("leads Y 49% to 43%"), and temperatures to the tenth;
//   - attitude: the same party approving versus objecting to the same act,
//     the party named or a common noun ("the ministry");
//   - harm, cause and vote: harm denied versus harm reported ("no one was
//     injured", "taken to hospital"), a cause named versus one not known
//     ("started by", "under investigation") or versus another cause that
//     shares none of its words ("caused by a faulty valve", "the cause was
//     human error"), a unanimous vote versus a dissent (a split tally,
//     "approved 7-2", is one), each read through configured words, since
//     the two sides share few;
//   - tallies: one vote or one match given two counts ("voted 7-4" versus
//     "passed 8-3"; "won 3-1" versus "won 2-1"), the numbers read only
//     next to a configured voting or scoring word, so "2-3 days" stays a
//     range; "beat them 3-1" and "lost 1-3" are one tally;
//   - superlatives picking out a named member ("shortest at Kellbridge
//     General") scope the statement to it: another member's statement, or
//     a figure that does not name it, is not compared;
//   - rank and schedule: one thing given two places in an order
//     ("second-busiest", "the busiest"; "its fourth increase in a row")
//     or planned for two months ("in March", "from April");
//   - existence: "no risk/sign/evidence of" a thing versus the thing
//     recorded or seen ("a small tsunami wave was recorded");
//   - kept state: a named thing said to stay in a state ("the Dravo bridge
//     remained open") versus brought to the opposite ("closed the Dravo
//     bridge"; "Raske remains in custody", "Raske was released on bail":
//     the state may follow a preposition), or unnamed things whose
//     subject words the opposite verb's object repeats ("beaches along the
//     northern shore remain open", "closed five beaches on the northern
//     shore");
//   - still without: a service restored to all ("power had been restored
//     to all customers") versus some still without it the same day or
//     later ("thousands were still without power");
//   - held and put off: an event said to have taken place ("passed a
//     safety inspection in January") versus put off ("a January
//     inspection had been postponed");
//   - all and only: all of a thing ("all deposits ... have been
//     transferred") versus only a kind of it ("take over only the insured
//     deposits");
//   - all and some: all of a kind said stopped ("all flights were
//     cancelled") versus some of it going on ("some flights operated");
//   - none of it: a thing denied with "no" ("with no arrests") versus
//     the thing done, said with its verb ("12 people were arrested");
//   - death: no one died ("all of the miners survived", "no one was
//     killed") versus a death reported ("one of them died in hospital");
//     a denial of deaths allows injuries, so harm words do not stand for
//     it;
//   - effort: a thing said ended or not happening ("the leak has been
//     stopped", "was not leaking fuel") versus people still trying to end
//     it the same day or later ("working to seal the leak", "deployed a
//     boom to contain the leak");
//   - early end: a state said to last until at least a day ("suspended
//     until at least Wednesday", "in place for at least a week") versus
//     its end before then ("will reopen on Tuesday", "lifted on
//     Wednesday"), temporal when the end is reported later;
//   - antonym: the same statement with words of opposite meaning, or one
//     subject moving two ways ("rose", "fell") or one named party doing
//     opposite things ("resigned", "had been dismissed") in otherwise
//     short statements.
//
// Hedged and attributed statements score lower and say who asserted them
// (the minimum score applies before hedging, so they are kept and marked);
// conditionals and questions are not compared. Only dates of a month or
// longer ("in 2024") keep two figures apart; a day dates the event. A change that happened
// after the other statement was made (the date written at the change, else
// the reporting source's date, against the other source's date) is a
// temporal finding; a change before it remains a contradiction. One source
// against itself is a self finding. Amounts for different named things
// ("£7 million for X" where the other source never names X) are not one
// quantity.
// Each finding carries both evidence spans, highlights, the cues that fired
// and a sentence a reader can check; agreements list every source making
// the claim.
//
// Judge answers the same question for one premise/hypothesis pair: it
// aligns the hypothesis to the premise sentences about the same thing, uses
// the trained classifier of internal/nli for the label, and lets this
// package's detectors decide the specific conflicts above.
//
// All word lists are configuration (data/default.json), extended by a
// user's file through ParseConfig and Merge; nothing in them is specific to
// one story.
package analyze
