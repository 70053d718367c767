package swiftparse_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Swift casts keep what they do with nil or a value of another type:
// `as?` gives nil, `as!` and the force unwrap `x!` stop the program.
// Objective-C casts and bridges are plain.
func TestCastKinds(t *testing.T) {
	for _, c := range []struct {
		ext, src string
		want     model.CastKind
		typ      string
	}{
		{"swift", "let v = r as! Data\n", model.CastForced, "Data"},
		{"swift", "let v = r  as?  Data\n", model.CastConditional, "Data"},
		{"swift", "let v = r as Data\n", model.CastPlain, "Data"},
		{"swift", "let v = r!\n", model.CastForced, ""},
		{"swift", "let v = (r as? [String: Any])!\n", model.CastForced, ""},
		{"m", "id v = (__bridge_transfer NSData *)r;\n", model.CastPlain, "__bridge_transfer NSData *"},
	} {
		f := parse(t, c.ext, c.src)
		v := funcNamed(t, f, "v").Body[0].(*model.Return).Value
		x, ok := v.(*model.Cast)
		if !ok || x.Kind != c.want || x.Type != c.typ {
			t.Errorf("%q lowered to %s (%T), want a cast of kind %d to %q", c.src, model.DumpExpr(v), v, c.want, c.typ)
		}
	}
}
