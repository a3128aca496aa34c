package corpus

import "testing"

func TestOutletLabel(t *testing.T) {
	cases := []struct {
		a        Article
		label    string
		fallback bool
	}{
		{Article{ID: "x", Outlet: "Antiwar.com"}, "Antiwar.com", false},
		{Article{ID: "x", Outlet: "Iranian.com", Via: "American Herald Tribune"}, "Iranian.com (via American Herald Tribune)", false},
		{Article{ID: "x", Via: "Press TV"}, "Press TV", false},
		{Article{ID: "coastal_times"}, "coastal_times", true},
	}
	for _, c := range cases {
		label, fallback := c.a.OutletLabel()
		if label != c.label || fallback != c.fallback {
			t.Errorf("%+v: OutletLabel() = %q, %v; want %q, %v", c.a, label, fallback, c.label, c.fallback)
		}
	}
}
