//go:build !amd64

package lexicon

// addScaled adds w × the int8 components stored in src to dst (as far as
// the shorter goes).
func addScaled(dst []float32, src string, w float32) {
	addScaledGo(dst[:min(len(dst), len(src))], src, w, 0)
}
