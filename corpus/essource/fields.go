package essource

import (
	"slices"
	"strconv"
	"strings"
)

// fields is one hit's _source, decoded in the same pass as the page (so
// that its bytes are scanned once; see Client.do): strings, float64,
// bool, []any, nested fields (objects) and nil. Requests filter _source to the
// mapped fields, so little else is decoded.
type fields map[string]any

// asFields converts a decoded object, and the objects nested in it, to
// fields; a missing or null _source gives nil.
func asFields(m map[string]any) fields {
	for k, v := range m {
		m[k] = asValue(v)
	}
	return fields(m)
}

func asValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return asFields(x)
	case []any:
		for i := range x {
			x[i] = asValue(x[i])
		}
	}
	return v
}

// lookup finds a dotted path: a key spelled with the dots ("source.name",
// as some indexers write) first, then the nested objects.
func (f fields) lookup(path string) (any, bool) {
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
		if inner, isObj := f[head].(fields); isObj {
			if w, ok := inner.lookup(rest); ok {
				return w, true
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
		v, ok := f.lookup(p)
		if !ok {
			continue
		}
		if s := flexText(v, sep); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// flexText reads a value as text, as the JSON format's flex type does: a
// string as is, a number or boolean as written, a list as its non-blank
// items joined by sep, an object by its "name" (authors: [{"name": …}]),
// null as "".
func flexText(v any, sep string) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		// As written for integers up to 2^53 (epoch milliseconds
		// included) and for decimals; a larger integer loses digits.
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case []any:
		parts := make([]string, 0, len(x))
		for _, it := range x {
			if s := strings.TrimSpace(flexText(it, ", ")); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, sep)
	case fields:
		return flexText(x["name"], sep)
	}
	return ""
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
			if inner, ok := v.(fields); ok && depth < 3 && len(inner) > 0 {
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
