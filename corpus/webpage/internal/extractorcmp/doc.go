// Package extractorcmp holds only a test: it runs the evaluation pages of
// corpus/webpage through pmureader's pipeline and through the bare
// extractors it was chosen from (go-readability, and go-trafilatura with and
// without its fallbacks), and prints their scores side by side. It lives
// apart so that go-trafilatura, whose package initialisation takes about a
// quarter of a second, is linked into this test binary only, never into
// pmureader or corpus/webpage's own tests.
package extractorcmp
