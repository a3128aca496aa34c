package quantity

import "testing"

// BenchmarkParseSentence measures one typical news sentence with two
// figures; the differences panel parses every passage of a comparison.
func BenchmarkParseSentence(b *testing.B) {
	const s = "At least 25 people were killed and more than 50 wounded when the roof of the Kessara textile plant collapsed on Tuesday, the Interior Ministry said."
	var p Parser
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(s)
	}
}

// BenchmarkParseNoFigures measures a sentence without numbers, the
// common case.
func BenchmarkParseNoFigures(b *testing.B) {
	const s = "The union's leader, Maren Tolk, told reporters that the company had ignored repeated warnings about the wiring in the eastern hall."
	var p Parser
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(s)
	}
}
