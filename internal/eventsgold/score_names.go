package eventsgold

import "strings"

// entityKeys maps every normalised variant to the gold entity's index.
func entityKeys(ev *Event) map[string]int {
	out := map[string]int{}
	for i, en := range ev.Gold.Entities {
		out[norm(en.Name)] = i
		for _, v := range en.Variants {
			out[norm(v)] = i
		}
	}
	return out
}

func scoreEntities(s *Scores, ev *Event, sets [][]string) {
	normSets := make([]map[string]bool, len(sets))
	for i, set := range sets {
		normSets[i] = map[string]bool{}
		for _, name := range set {
			normSets[i][norm(name)] = true
		}
	}
	for _, en := range ev.Gold.Entities {
		keys := map[string]bool{}
		for _, v := range en.Variants {
			keys[norm(v)] = true
		}
		if len(keys) < 2 {
			continue
		}
		s.EntitySets++
		for _, set := range normSets {
			if holdsAll(set, keys) {
				s.EntitySetsMerged++
				break
			}
		}
	}
	owner := entityKeys(ev)
	traps := map[[2]int]bool{}
	for _, d := range ev.Gold.Distinct {
		if len(d) == 2 {
			traps[orderedPair(owner[norm(d[0])], owner[norm(d[1])])] = true
		}
	}
	for _, set := range normSets {
		found := map[int]bool{}
		for name := range set {
			if i, ok := owner[name]; ok {
				found[i] = true
			}
		}
		for a := range found {
			for b := range found {
				if a < b {
					s.WrongMerges++
					if traps[[2]int{a, b}] {
						s.TrapsMerged++
					}
				}
			}
		}
	}
}

func orderedPair(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

func holdsAll(set, keys map[string]bool) bool {
	for k := range keys {
		if !set[k] {
			return false
		}
	}
	return true
}

func scoreLabels(s *Scores, ev *Event, labels []PredictedLabel) {
	owner := entityKeys(ev)
	entityIndex := map[string]int{}
	for i, en := range ev.Gold.Entities {
		entityIndex[en.Name] = i
	}
	for _, g := range ev.Gold.Labels {
		s.Labels++
		want := norm(g.Label)
		found, right := false, false
		for _, p := range labels {
			got := norm(p.Label)
			if p.Article != g.Article || !containsWords(want, got) && !containsWords(got, want) {
				continue
			}
			found = true
			if i, ok := owner[norm(p.Entity)]; ok && i == entityIndex[g.Entity] {
				right = true
			}
		}
		switch {
		case right:
			s.LabelsRight++
		case found:
			s.LabelsWrong++
		}
	}
}

func scoreCredits(s *Scores, ev *Event, credits []PredictedCredits) {
	byArticle := map[string]PredictedCredits{}
	for _, c := range credits {
		byArticle[c.Article] = c
	}
	scoreHeadings(s, credits)
	for _, ac := range ev.Gold.Credits {
		names := map[int]map[string]bool{}
		for _, name := range byArticle[ac.Article].Names {
			if i, ok := bestSource(ac.Sources, norm(name)); ok {
				if names[i] == nil {
					names[i] = map[string]bool{}
				}
				names[i][norm(name)] = true
			}
		}
		for i := range ac.Sources {
			s.Sources++
			n := len(names[i])
			if n > 0 {
				s.SourcesNamed++
			}
			if n > 1 {
				s.SourcesSeveral++
			}
			s.MaxNamesPerSource = max(s.MaxNamesPerSource, n)
		}
	}
}

// bestSource assigns a predicted credit name to the source one of whose
// forms it equals, else to the source with the longest form that contains
// it or is contained in it.
func bestSource(sources []Source, name string) (int, bool) {
	name = strings.TrimPrefix(name, "the ")
	for i, src := range sources {
		for _, f := range append([]string{src.Name}, src.Forms...) {
			if strings.TrimPrefix(norm(f), "the ") == name {
				return i, true
			}
		}
	}
	best, bestLen := -1, 0
	for i, src := range sources {
		for _, f := range append([]string{src.Name}, src.Forms...) {
			form := strings.TrimPrefix(norm(f), "the ")
			if (containsWords(form, name) || containsWords(name, form)) && len(form) > bestLen {
				best, bestLen = i, len(form)
			}
		}
	}
	return best, best >= 0
}

// scoreHeadings counts pairs of articles shown under the same heading.
func scoreHeadings(s *Scores, credits []PredictedCredits) {
	seen := map[string]int{}
	for _, c := range credits {
		if c.Heading == "" {
			continue
		}
		s.HeadingClashes += seen[c.Heading]
		seen[c.Heading]++
	}
}
