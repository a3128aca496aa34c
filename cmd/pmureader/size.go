package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// byteSize is a --max-file-size value: a number of bytes with an optional
// unit. Units are binary, like corpus.DefaultMaxFileSize (20 MB = 20<<20):
// B, K/KB/KiB = 1024, M/MB/MiB = 1024², G/GB/GiB = 1024³, any case, with or
// without a space; fractions are allowed ("1.5MB"). It implements
// pflag.Value.
type byteSize int64

// sizeUnits maps a lower-cased unit to its multiplier.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
	"g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
}

// parseSize reads "20MB", "500KB", "1.5 MiB" or "1048576".
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	if num == "" {
		return 0, errors.New("want a number of bytes, e.g. 20MB, 500KB or 1048576")
	}
	mult, ok := sizeUnits[unit]
	if !ok {
		return 0, fmt.Errorf("unknown unit %q (use B, KB, MB or GB)", unit)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", num)
	}
	v := f * mult
	if v < 1 {
		return 0, errors.New("must be at least 1 byte")
	}
	if v >= math.MaxInt64 {
		return 0, errors.New("too large")
	}
	return int64(v), nil
}

// formatSize renders n the way parseSize reads it, in the largest unit that
// divides it exactly ("20MB", "1536KB", "1000B").
func formatSize(n int64) string {
	switch {
	case n > 0 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GB"
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KB"
	default:
		return strconv.FormatInt(n, 10) + "B"
	}
}

func (b *byteSize) String() string { return formatSize(int64(*b)) }
func (b *byteSize) Type() string   { return "size" }

// Set parses a flag value; its error becomes a usage error (exit 2).
func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}
