package seedtest

import "testing"

// TestIDsNameLoadedSeeds fails when the bundled corpus no longer holds an
// article under an id the tests rely on.
func TestIDsNameLoadedSeeds(t *testing.T) {
	arts := Articles(t, Duran, Iranian, PMU, Gaza, Antiwar, Vice)
	for i, id := range []string{Duran, Iranian, PMU, Gaza, Antiwar, Vice} {
		if arts[i].ID != id {
			t.Errorf("Articles()[%d].ID = %s, want %s", i, arts[i].ID, id)
		}
	}
}
