package corpus

func loadMarkdown(file string, data []byte) ([]*Article, []Problem) {
	return nil, []Problem{{Path: file, Err: ErrUnsupported}}
}
