package report

// Fixture exposes the hand-built result to the external tests (examples and
// the browser test) in package report_test.
var Fixture = fixture
