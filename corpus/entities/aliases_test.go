package entities

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestShippedAliases(t *testing.T) {
	a := DefaultAliases()
	for variant, want := range map[string]string{
		"PMU": "Popular Mobilization Forces", "Hashd al-Sha’abi": "Popular Mobilization Forces",
		"popular mobilisation units": "Popular Mobilization Forces", "KETAIB HEZBOLAH": "Kata'ib Hezbollah",
		"Katai’b Hezbollah": "Kata'ib Hezbollah", "Daesh": "Islamic State", "Seyid Suheda": "Kata'ib Sayyid al-Shuhada",
	} {
		if got, ok := a.Canonical(variant); !ok || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", variant, got, ok, want)
		}
	}
	if _, ok := a.Canonical("Washington Post"); ok {
		t.Error("unknown names must not resolve")
	}
	if len(a.Entries()) < 10 {
		t.Errorf("shipped table has %d entries", len(a.Entries()))
	}
}

func TestUserAliases(t *testing.T) {
	path := filepath.Join("testdata", "aliases_user.txt")
	user, err := LoadAliasFile(path)
	if err != nil {
		t.Fatal(err)
	}
	merged := DefaultAliases().Merge(user)
	if got, _ := merged.Canonical("Qasim Muslih"); got != "Qassem Muslih" {
		t.Errorf("user entry: %q", got)
	}
	// The user's file redefines PMU; later files win.
	if got, _ := merged.Canonical("PMU"); got != "Hashd" {
		t.Errorf("user override of PMU: %q", got)
	}
	if got, _ := merged.Canonical("Popular Mobilisation Units"); got != "Popular Mobilization Forces" {
		t.Errorf("shipped entries survive a merge: %q", got)
	}
	if got, _ := DefaultAliases().Canonical("PMU"); got != "Popular Mobilization Forces" {
		t.Errorf("Merge changed the shipped table: %q", got)
	}
}

func TestMalformedAliases(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"# ok\nA = B\nno equals sign here\n", "line 3: no '='"},
		{"A = B\n = C\n", "line 2: empty canonical name"},
		{"A = B |  | C\n", "line 1: variant 2 of \"A\" is empty"},
		{"A =\n", "line 1: variant 1 of \"A\" is empty"},
	} {
		_, err := LoadAliases(strings.NewReader(tc.text))
		var ae *AliasError
		if err == nil || !errors.As(err, &ae) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
	path := filepath.Join("testdata", "aliases_bad.txt")
	_, err := LoadAliasFile(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+":4: ") {
		t.Errorf("file error %v, want it to start %q", err, path+":4: ")
	}
	if _, err := LoadAliasFile(filepath.Join(t.TempDir(), "missing.txt")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// A user's entry written with one apostrophe or dash matches the text's
// other apostrophes and dashes (the names are read whole first).
func TestUserAliasesMatchApostrophesAndDashes(t *testing.T) {
	al, err := LoadAliases(strings.NewReader("Kessara Workers' Union = KWU\nAbu Karrar al-Sadi = Abu Karrar\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"He said the Kessara Workers' Union agreed.", "He said the Kessara Workers’ Union agreed.",
		"He said the Kessara Workersʼ Union agreed.", "He said the KESSARA WORKERS’ UNION agreed.",
		"He said Abu Karrar al-Sadi agreed.", "He said Abu Karrar al‑Sadi agreed.", "He said Abu Karrar al–Sadi agreed.",
		"He said Abu Karrar al‐Sadi agreed.", "He said Abu Karrar al Sadi agreed.",
	} {
		ms := mentionsOf([]string{text}, nil, al)[0]
		if len(ms) != 1 || ms[0].Canon == "" {
			t.Errorf("%q: mentions %+v, want one the table knows", text, ms)
		}
	}
}
