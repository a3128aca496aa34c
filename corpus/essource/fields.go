package essource

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// fields is one hit's _source with its top-level values undecoded: a
// mapping reads a handful of them, so the rest are never decoded.
type fields map[string]json.RawMessage

// parseFields decodes a _source object. A _source that is missing, null
// or not an object gives no fields.
func parseFields(raw json.RawMessage) fields {
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var f fields
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil
	}
	return f
}

// lookup finds a dotted path: a key spelled with the dots ("source.name",
// as some indexers write) first, then the nested objects.
func (f fields) lookup(path string) (json.RawMessage, bool) {
	if v, ok := f[path]; ok {
		return v, true
	}
	head, rest, ok := strings.Cut(path, ".")
	if !ok {
		return nil, false
	}
	// Try every split point, so that {"a.b": {"c": …}} is found for
	// "a.b.c" as well as {"a": {"b.c": …}}.
	for {
		if v, found := f[head]; found {
			if inner := parseFields(v); inner != nil {
				if w, ok := inner.lookup(rest); ok {
					return w, true
				}
			}
		}
		next, more, ok := strings.Cut(rest, ".")
		if !ok {
			return nil, false
		}
		head, rest = head+"."+next, more
	}
}

// value returns the first of paths whose value is not blank, as text (see
// flexText); list items are joined with sep.
func (f fields) value(paths []string, sep string) string {
	for _, p := range paths {
		raw, ok := f.lookup(p)
		if !ok {
			continue
		}
		if s := flexText(raw, sep); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// flexText reads a JSON value as text, as the JSON format's flex type
// does: a string as is, a number or boolean as written, a list as its
// non-blank items joined by sep, an object by its "name" (authors:
// [{"name": …}]), null as "".
func flexText(raw json.RawMessage, sep string) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		if bytes.IndexByte(raw, '\\') < 0 {
			return string(raw[1 : len(raw)-1]) // no escapes: the bytes are the string
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return ""
		}
		return s
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return ""
		}
		parts := make([]string, 0, len(items))
		for _, it := range items {
			if s := strings.TrimSpace(flexText(it, ", ")); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, sep)
	case '{':
		return flexText(parseFields(raw)["name"], sep)
	case 'n':
		return ""
	default:
		return string(raw)
	}
}

// leafPaths lists the dotted paths of the values in f, sorted, for an
// error that names the fields a _source has. Objects are followed three
// levels down.
func (f fields) leafPaths() []string {
	var out []string
	var walk func(prefix string, f fields, depth int)
	walk = func(prefix string, f fields, depth int) {
		for k, v := range f {
			p := prefix + k
			if inner := parseFields(v); inner != nil && depth < 3 && len(inner) > 0 {
				walk(p+".", inner, depth+1)
				continue
			}
			out = append(out, p)
		}
	}
	walk("", f, 1)
	slices.Sort(out)
	return out
}
