package corpus

import "context"

func loadJSON(file string, data []byte) ([]*Article, []Problem) {
	return nil, []Problem{{Path: file, Err: ErrUnsupported}}
}

func loadJSONL(ctx context.Context, file string, data []byte, workers int) ([]*Article, []Problem) {
	return nil, []Problem{{Path: file, Err: ErrUnsupported}}
}
