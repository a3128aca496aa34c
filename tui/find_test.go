package tui

import (
	"reflect"
	"testing"
)

func TestFindIsCaseAccentAndApostropheInsensitive(t *testing.T) {
	text := "KATA’IB Hezbollah and the Kata'ib; café CAFE Café"
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"kataib", []string{"KATA’IB", "Kata'ib"}},
		{"kata’ib", []string{"KATA’IB", "Kata'ib"}},
		{"cafe", []string{"café", "CAFE", "Café"}},
		{"CAFÉ", []string{"café", "CAFE", "Café"}},
		{"hezbollah and", []string{"Hezbollah and"}},
		{"zzz", nil},
	} {
		var got []string
		for _, sp := range foldText(text).findAll([]string{foldQuery(tc.q)}, text) {
			got = append(got, text[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("find %q: got %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestFindKeepsCombiningMarksWithTheirLetter(t *testing.T) {
	text := "cafe\u0301 ok"
	sps := foldText(text).findAll([]string{"cafe"}, text)
	if len(sps) != 1 || text[sps[0].Start:sps[0].End] != "cafe\u0301" {
		t.Fatalf("got %v", sps)
	}
}

func TestQueryTerms(t *testing.T) {
	got := queryTerms(`US “Popular Mobilization” strikes "Kata’ib Hezbollah"`)
	want := []string{"popular mobilization", "kataib hezbollah", "us", "strikes"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := queryTerms(`unclosed "quote here`); !reflect.DeepEqual(got, []string{"unclosed", "quote", "here"}) {
		t.Fatalf("unclosed quote: %q", got)
	}
}
