package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError turns what pflag says about a flag it could not parse into one
// plain sentence that names the flag and the command, with no library's
// words in it ("strconv.ParseInt: parsing …", "flag needs an argument:
// 'n' in -n"). Every such mistake is a usage error (exit 2).
func flagError(cmd *cobra.Command, err error) error {
	var (
		unknown *pflag.NotExistError
		noValue *pflag.ValueRequiredError
		invalid *pflag.InvalidValueError
		syntax  *pflag.InvalidSyntaxError
	)
	path := cmd.CommandPath()
	switch {
	case errors.As(err, &unknown):
		name := spelled(unknown.GetSpecifiedName(), unknown.GetSpecifiedShortnames())
		msg := fmt.Sprintf("unknown flag %s for '%s'", name, path)
		if s := closestFlag(cmd, unknown.GetSpecifiedName()); s != "" {
			msg += fmt.Sprintf("; did you mean --%s?", s)
		}
		return usageErrorf("%s", msg)
	case errors.As(err, &noValue):
		f := noValue.GetFlag()
		name := spelled(noValue.GetSpecifiedName(), noValue.GetSpecifiedShortnames())
		if name != "--"+f.Name {
			name += " (--" + f.Name + ")"
		}
		return usageErrorf("%s needs a value, e.g. --%s %s", name, f.Name, valueExample(f))
	case errors.As(err, &invalid):
		return usageErrorf("%s", badValue(invalid.GetFlag(), invalid.GetValue(), errors.Unwrap(invalid)))
	case errors.As(err, &syntax):
		return usageErrorf("cannot read %q as a flag: flags are -x or --name", syntax.GetSpecifiedFlag())
	}
	return usageErrorf("%s", err.Error())
}

// spelled is a flag as the user typed it: "--limit", or "-n" for a
// shorthand (pflag gives the letter and the group it was in, as in -jx).
func spelled(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name[:1]
	}
	return "--" + name
}

// valueExample is a value of the kind a flag takes.
func valueExample(f *pflag.Flag) string {
	switch f.Value.Type() {
	case "int":
		return "10"
	case "size":
		return "20MB"
	case "stringSlice":
		return "ID,ID"
	}
	if name, _ := pflag.UnquoteUsage(f); name != "" {
		return name
	}
	return "VALUE"
}

// badValue says what is wrong with value for flag f.
func badValue(f *pflag.Flag, value string, cause error) string {
	flag := "--" + f.Name
	switch f.Value.Type() {
	case "bool":
		return fmt.Sprintf("%s is a switch and takes no value, got %q: write %s alone (or %s=false)", flag, value, flag, flag)
	case "int":
		return fmt.Sprintf("%s wants a whole number, got %q", flag, value)
	}
	if cause == nil {
		return fmt.Sprintf("bad value %q for %s", value, flag)
	}
	return fmt.Sprintf("bad value %q for %s: %v", value, flag, cause)
}

// closestFlag is the name of cmd's flag nearest to name (one or two edits
// away, or name is its start), or "".
func closestFlag(cmd *cobra.Command, name string) string {
	best, bestD := "", 3
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := editDistance(name, f.Name)
		if len(name) >= 2 && len(f.Name) > len(name) && f.Name[:len(name)] == name {
			d = 1
		}
		if d < bestD {
			best, bestD = f.Name, d
		}
	})
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (flag names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
