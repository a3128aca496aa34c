package eventsgold

import (
	"context"
	"testing"
)

func loadAll(t *testing.T) []*Event {
	t.Helper()
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	evs, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// TestGoldIsConsistent checks every gold file against its articles and
// itself: quoted passages occur once, values lie in them, relations are
// what the intervals say, variants, labels and credits occur.
func TestGoldIsConsistent(t *testing.T) {
	for _, ev := range loadAll(t) {
		for _, err := range Check(ev) {
			t.Error(err)
		}
	}
}
