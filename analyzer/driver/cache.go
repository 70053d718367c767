package driver

import (
	"context"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// parseCached returns the model of a file from cfg.Cache when an entry for
// its path and content exists, and otherwise parses it and stores the
// model. The entry is written before File.Project is attached and before
// the flow engine sets File.Platforms: it holds exactly what lowering
// produced. A file whose parse hit the time limit (TimedOut) or was
// cancelled is not stored: that outcome depends on the machine's speed,
// not on the content.
func parseCached(ctx context.Context, cfg Config, p *swiftparse.Parser, path string, src []byte) (*model.File, error) {
	if f := cfg.Cache.Load(path, src); f != nil {
		return f, nil
	}
	f, err := parseSafely(ctx, p, path, src)
	if err == nil && !f.TimedOut && ctx.Err() == nil {
		cfg.Cache.Store(path, src, f)
	}
	return f, err
}
