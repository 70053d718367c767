package swiftparse_test

import (
	"context"
	"math/rand"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// Lowering is total: whatever the input, ParseFile returns a model and no
// error, keeps what parsed before a broken part, and records the broken
// part in File.Errors.

// The valid prefix every broken input below starts with.
const (
	swiftPrefix = "// leading comment\nfunc ok() {\n    SecItemDelete([kSecClass: kSecClassGenericPassword] as CFDictionary)\n}\n"
	objcPrefix  = "// leading comment\nvoid ok(void) {\n    SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword });\n}\n"
)

// prefixFor returns the valid prefix for a language.
func prefixFor(ext string) string {
	if ext == "swift" {
		return swiftPrefix
	}
	return objcPrefix
}

// mustLower parses src and checks the invariants every model must meet:
// no error, spans inside the source, every node reachable without a nil,
// and Dump working.
func mustLower(t *testing.T, ext string, src []byte) *model.File {
	t.Helper()
	f, err := swiftparse.ParseFile("input."+ext, src)
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	if f == nil {
		t.Fatal("ParseFile returned no model")
	}
	checkModel(t, f)
	return f
}

// checkModel walks every body and checks spans and node shapes.
func checkModel(t testing.TB, f *model.File) {
	t.Helper()
	inSrc := func(sp model.Span) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(f.Src) }
	for _, sp := range f.Errors {
		if !inSrc(sp) {
			t.Errorf("error span %v outside the source (%d bytes)", sp, len(f.Src))
		}
	}
	for _, c := range f.Comments {
		if !inSrc(c.Span) || string(f.Src[c.Span.Start:c.Span.End]) != c.Text {
			t.Errorf("comment %q at %v does not match the source", c.Text, c.Span)
		}
	}
	for _, fn := range f.Funcs {
		if fn.File != f {
			t.Errorf("body %q: File not set", fn.Name)
		}
		if fn.Platforms == 0 {
			t.Errorf("body %q compiles on no platform but is listed", fn.Name)
		}
		if !inSrc(fn.Span) {
			t.Errorf("body %q: span %v outside the source", fn.Name, fn.Span)
		}
		bad := 0
		model.InspectFunc(fn, func(n model.Node) bool {
			if !inSrc(n.Pos()) && bad < 5 {
				bad++
				t.Errorf("body %q: %T span %v outside the source (%d bytes)", fn.Name, n, n.Pos(), len(f.Src))
			}
			if c, ok := n.(*model.Closure); ok && c.Fn == nil {
				t.Errorf("body %q: closure without Fn", fn.Name)
			}
			return true
		})
		_ = model.Dump(fn)
	}
}

// modelDepth is the deepest nesting of nodes in any body, measured
// without recursion.
func modelDepth(f *model.File) int {
	type item struct {
		n model.Node
		d int
	}
	max := 0
	for _, fn := range f.Funcs {
		var stack []item
		for _, s := range fn.Body {
			stack = append(stack, item{s, 1})
		}
		for len(stack) > 0 {
			it := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if it.d > max {
				max = it.d
			}
			for _, c := range model.Children(it.n) {
				stack = append(stack, item{c, it.d + 1})
			}
		}
	}
	return max
}

// wantPrefix checks that the function of the valid prefix was lowered
// with its SecItem call.
func wantPrefix(t *testing.T, f *model.File) {
	t.Helper()
	for _, fn := range f.Funcs {
		if fn.Name == "ok" {
			if n := len(nodesIn[*model.SecItemCall](fn)); n != 1 {
				t.Errorf("the valid prefix's function has %d SecItem calls, want 1:\n%s", n, model.Dump(fn))
			}
			if !strings.HasPrefix(spanText(f, fn.Span), "func ok()") && !strings.HasPrefix(spanText(f, fn.Span), "void ok(void)") {
				t.Errorf("ok's span covers %q", spanText(f, fn.Span))
			}
			return
		}
	}
	t.Errorf("the valid prefix's function is missing; bodies:\n%s", dumpFile(f))
}

func wantErrors(t *testing.T, f *model.File) {
	t.Helper()
	// A parse that gave up at the time limit (noise, on a loaded machine)
	// records its lost regions apart from the syntax errors.
	if len(f.Errors) == 0 && len(f.TimedOutRegions) == 0 {
		t.Errorf("no syntax errors recorded for broken input:\n%s", f.Src)
	}
}

func wantComment(t *testing.T, f *model.File, text string) {
	t.Helper()
	for _, c := range f.Comments {
		if c.Text == text {
			return
		}
	}
	t.Errorf("comment %q not collected; comments: %+v", text, f.Comments)
}

var langs = []string{"swift", "m", "c"}

func TestEmptyFile(t *testing.T) {
	for _, ext := range langs {
		for _, src := range []string{"", "\n", "   \t\n\n", "// only a comment\n", "/* only */", "\xef\xbb\xbf"} {
			f := mustLower(t, ext, []byte(src))
			if len(f.Funcs) != 0 || len(f.Errors) != 0 || f.Truncated {
				t.Errorf(".%s %q: %d bodies, errors %v, truncated %v", ext, src, len(f.Funcs), f.Errors, f.Truncated)
			}
			if f.Lang != model.LangForPath("x."+ext) {
				t.Errorf(".%s: language %v", ext, f.Lang)
			}
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := swiftparse.ParseFile("notes.txt", []byte("SecItemAdd")); err == nil {
		t.Error("no error for a .txt file")
	}
}

func TestRandomBytes(t *testing.T) {
	rng := rand.New(rand.NewSource(20240601))
	for _, size := range []int{1, 7, 64, 512, 4 << 10, 16 << 10, 64 << 10} {
		buf := make([]byte, size)
		rng.Read(buf)
		for _, ext := range langs {
			// tree-sitter's error recovery needs seconds for 64 KB of
			// noise in the Objective-C grammar: one C run is enough.
			if size > 16<<10 && (ext == "c" || testing.Short()) {
				continue
			}
			f := mustLower(t, ext, buf)
			if size >= 512 {
				wantErrors(t, f)
			}
		}
	}
}

// Random sequences of the languages' own tokens reach far deeper into the
// grammars than random bytes.
func TestRandomTokens(t *testing.T) {
	swiftToks := strings.Fields(`func f ( ) { } [ ] : , = == != || && ! ? . let var if else guard switch case default
		return throw do catch try for in while repeat #if #elseif #else #endif os(macOS) class struct extension
		static lazy get set kSecClass kSecAttrAccount as String NSDictionary SecItemAdd SecItemCopyMatching
		errSecSuccess noErr -25300 nil "svce" 1 $0 in \n \n \n // /* */ """ # @ & _ -> inout fallthrough break`)
	objcToks := strings.Fields(`void int id ( ) { } [ ] : , ; = == != || && ! ? . if else switch case default return
		@try @catch @finally @throw @{ @" @"acct" @YES (__bridge id) (id) kSecClass kSecAttrAccount SecItemAdd NULL nil
		#if #elif #else #endif #ifdef TARGET_OS_OSX \n \n @implementation @end - + ^ * & NSMutableDictionary
		setObject: forKey: CFDictionarySetValue errSecSuccess -25300 // /* */ " ' do while for`)
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 200; i++ {
		for _, ext := range langs {
			toks := swiftToks
			if ext != "swift" {
				toks = objcToks
			}
			var b strings.Builder
			n := 1 + rng.Intn(400)
			for j := 0; j < n; j++ {
				tok := toks[rng.Intn(len(toks))]
				if tok == `\n` {
					tok = "\n"
				}
				b.WriteString(tok)
				b.WriteByte(" \n"[rng.Intn(2)])
			}
			mustLower(t, ext, []byte(b.String()))
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	for _, ext := range langs {
		bad := "\xff\xfe\xc3\x28 \xe2\x28\xa1 \xf0\x90\x28\xbc \xed\xa0\x80"
		var src string
		if ext == "swift" {
			src = swiftPrefix + "let s = \"" + bad + "\"\nfunc \xff() {}\n" + bad + "\n"
		} else {
			src = objcPrefix + "NSString *s = @\"" + bad + "\";\nvoid \xff(void) {}\n" + bad + "\n"
		}
		f := mustLower(t, ext, []byte(src))
		wantPrefix(t, f)
		wantErrors(t, f)
		wantComment(t, f, "// leading comment")
	}
}

// deepInputs are n-deep nestings of expressions, blocks and dictionary
// literals, with the valid prefix in front.
func deepInputs(ext string, n int) map[string]string {
	if ext == "swift" {
		return map[string]string{
			"parens":     swiftPrefix + "let x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n",
			"ifs":        swiftPrefix + "func deep() {\n" + strings.Repeat("if true {\n", n) + "SecItemDelete(q)\n" + strings.Repeat("}\n", n) + "}\n",
			"dicts":      swiftPrefix + "let q = " + strings.Repeat("[kSecClass: ", n) + "1" + strings.Repeat("]", n) + "\n",
			"calls":      swiftPrefix + "let c = " + strings.Repeat("f(", n) + "1" + strings.Repeat(")", n) + "\n",
			"tries":      swiftPrefix + "let u = " + strings.Repeat("try ", n) + "f()\n",
			"members":    swiftPrefix + "let m = a" + strings.Repeat(".b", n) + "\n",
			"subscripts": swiftPrefix + "let s = q" + strings.Repeat("[k]", n) + "\n",
			"chain":      swiftPrefix + "let o = a" + strings.Repeat(" || a", n) + "\n",
			"closures": swiftPrefix + "func deep() {\n" + strings.Repeat("q.async {\n", n) + "SecItemDelete(q)\n" +
				strings.Repeat("}\n", n) + "}\n",
			"types": swiftPrefix + strings.Repeat("struct S {\n", n) + strings.Repeat("}\n", n),
		}
	}
	return map[string]string{
		"parens":     objcPrefix + "int deep(void) { return " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "; }\n",
		"ifs":        objcPrefix + "void deep(void) {\n" + strings.Repeat("if (1) {\n", n) + "SecItemDelete(q);\n" + strings.Repeat("}\n", n) + "}\n",
		"dicts":      objcPrefix + "id deep(void) { return " + strings.Repeat("@{@\"k\": ", n) + "@1" + strings.Repeat("}", n) + "; }\n",
		"calls":      objcPrefix + "int deep(void) { return " + strings.Repeat("f(", n) + "1" + strings.Repeat(")", n) + "; }\n",
		"msgs":       objcPrefix + "id deep(void) { return " + strings.Repeat("[", n) + "x" + strings.Repeat(" m]", n) + "; }\n",
		"unary":      objcPrefix + "int deep(void) { return " + strings.Repeat("!", n) + "1; }\n",
		"members":    objcPrefix + "int deep(void) { return a" + strings.Repeat(".b", n) + "; }\n",
		"subscripts": objcPrefix + "id deep(void) { return q" + strings.Repeat("[k]", n) + "; }\n",
		"chain":      objcPrefix + "int deep(void) { return a" + strings.Repeat(" || a", n) + "; }\n",
		"blocks":     objcPrefix + "void deep(void) {\n" + strings.Repeat("dispatch_async(q, ^{\n", n) + "SecItemDelete(q);\n" + strings.Repeat("});\n", n) + "}\n",
		"conds":      objcPrefix + strings.Repeat("#if TARGET_OS_OSX\n", n) + "void deep(void) {}\n" + strings.Repeat("#endif\n", n),
	}
}

// TestDeepNesting feeds 10,000-deep nestings to both front ends, and
// 50,000-deep ones of the main kinds. Lowering must stop at its depth
// limit (File.Truncated) instead of recursing through the whole input:
// the goroutine stack is capped below what a 50,000-deep recursion needs,
// so unbounded recursion crashes the test.
func TestDeepNesting(t *testing.T) {
	old := debug.SetMaxStack(64 << 20)
	defer debug.SetMaxStack(old)
	for _, ext := range langs {
		inputs := deepInputs(ext, 10000)
		for name, src := range deepInputs(ext, 50000) {
			if name == "ifs" || name == "parens" || name == "calls" {
				inputs["50k "+name] = src
			}
		}
		for name, src := range inputs {
			t.Run(ext+"/"+name, func(t *testing.T) {
				start := time.Now()
				f := mustLower(t, ext, []byte(src))
				if d := time.Since(start); d > 20*time.Second {
					t.Errorf("took %v", d)
				}
				wantPrefix(t, f)
				if !f.Truncated {
					t.Errorf("File.Truncated not set")
				}
				// The cut is reported as a few regions inside the file
				// (the siblings cut at one depth are merged).
				if len(f.Cut) == 0 || len(f.Cut) > 3 {
					t.Errorf("File.Cut = %v, want 1 to 3 regions", f.Cut)
				}
				for _, sp := range f.Cut {
					if sp.Start < 0 || sp.End > len(src) || sp.End <= sp.Start {
						t.Errorf("cut region %v outside the file (%d bytes)", sp, len(src))
					}
				}
				// The model is cut off near the lowering's depth limit.
				if d := modelDepth(f); d > swiftparse.MaxModelDepth {
					t.Errorf("model nests %d deep", d)
				}
				wantComment(t, f, "// leading comment")
			})
		}
	}
}

func TestUnterminatedString(t *testing.T) {
	for _, ext := range langs {
		var src string
		switch ext {
		case "swift":
			src = swiftPrefix + "let s = \"abc\nfunc after() { SecItemAdd(q, nil) }\n"
		default:
			src = objcPrefix + "NSString *s = @\"abc\nvoid after(void) { SecItemAdd(q, NULL); }\n"
		}
		f := mustLower(t, ext, []byte(src))
		wantPrefix(t, f)
		wantErrors(t, f)
		wantComment(t, f, "// leading comment")
	}
	// A multi-line string that never ends.
	f := mustLower(t, "swift", []byte(swiftPrefix+"let s = \"\"\"\nabc\n"))
	wantPrefix(t, f)
	wantErrors(t, f)
}

func TestUnterminatedBlockComment(t *testing.T) {
	for _, ext := range langs {
		src := prefixFor(ext) + "/* a comment that never ends\n" + strings.Repeat("more text\n", 10)
		f := mustLower(t, ext, []byte(src))
		wantPrefix(t, f)
		wantErrors(t, f)
		wantComment(t, f, "// leading comment")
	}
}

func TestIfWithoutEndif(t *testing.T) {
	for _, c := range []struct{ ext, src string }{
		{"swift", swiftPrefix + "#if os(macOS)\nfunc mac() { SecItemAdd(q, nil) }\n"},
		{"swift", swiftPrefix + "#if os(macOS)\n"},
		{"swift", swiftPrefix + "#if os(macOS)\nfunc mac() { SecItemAdd(q, nil) }\n#else\n"},
		{"m", objcPrefix + "#if TARGET_OS_OSX\nvoid mac(void) { SecItemAdd(q, NULL); }\n"},
		{"m", objcPrefix + "#if TARGET_OS_OSX\n"},
		{"c", objcPrefix + "#ifdef DEBUG\nvoid mac(void) { SecItemAdd(q, NULL); }\n#else\n"},
	} {
		f := mustLower(t, c.ext, []byte(c.src))
		wantPrefix(t, f)
		wantErrors(t, f)
		if fn := funcNamed(t, f, "ok"); fn.Platforms != model.AllPlatforms {
			t.Errorf("%q: the prefix before the #if is narrowed to %s", c.src, fn.Platforms)
		}
		for _, fn := range f.Funcs {
			if fn.Name == "mac" && strings.Contains(c.src, "TARGET_OS_OSX") && fn.Platforms != model.MacOS {
				t.Errorf("%q: mac has platforms %s", c.src, fn.Platforms)
			}
			if fn.Name == "mac" && strings.Contains(c.src, "os(macOS)") && fn.Platforms != model.MacOS {
				t.Errorf("%q: mac has platforms %s", c.src, fn.Platforms)
			}
			if fn.Kind == model.FuncTopLevel && fn.Platforms != model.AllPlatforms {
				t.Errorf("%q: top-level code narrowed to %s", c.src, fn.Platforms)
			}
		}
	}
}

// Directives that do not pair up are ignored, not fatal.
func TestStrayDirectives(t *testing.T) {
	for _, src := range []string{
		swiftPrefix + "#endif\n#else\n#elseif os(iOS)\nfunc after() {}\n",
		"func f() {\n#endif\n#else\n    SecItemDelete(q)\n}\n" + swiftPrefix,
		"struct S {\n#endif\n#elseif os(iOS)\n    func m() {}\n}\n" + swiftPrefix,
		"struct S {\n    #if os(macOS)\n    func m() {}\n}\n" + swiftPrefix + "#endif\n",
		"{\n#els(A0\n#if\n}\n" + swiftPrefix, // an #if after the last statement of a block (found by FuzzParse)
	} {
		f := mustLower(t, "swift", []byte(src))
		wantPrefix(t, f)
	}
	for _, src := range []string{
		objcPrefix + "#endif\n#else\nvoid after(void) {}\n",
		objcPrefix + "void f(void) {\n#else\n    SecItemDelete(q);\n#endif\n}\n",
	} {
		f := mustLower(t, "m", []byte(src))
		wantPrefix(t, f)
	}
}

func TestUnbalancedBraces(t *testing.T) {
	for _, c := range []struct {
		ext, src string
		after    bool // a valid function follows the broken part
	}{
		{"swift", swiftPrefix + "func bad() {\n    if x {\n        foo()\n", false},
		{"swift", swiftPrefix + "}}}\nfunc after() { SecItemAdd(q, nil) }\n", true},
		{"swift", swiftPrefix + "class C {\n    func m() {\n", false},
		{"swift", swiftPrefix + "let q = [kSecClass: kSecClassKey,\n", false},
		{"swift", swiftPrefix + "func bad() { let q = [kSecClass: ) }\nfunc after() { SecItemAdd(q, nil) }\n", true},
		{"m", objcPrefix + "void bad(void) {\n    if (x) {\n        foo();\n", false},
		{"m", objcPrefix + "}}}\nvoid after(void) { SecItemAdd(q, NULL); }\n", true},
		{"m", objcPrefix + "@implementation C\n- (void)m {\n", false},
		{"m", objcPrefix + "void bad(void) { id q = @{ (__bridge id)kSecClass: }; }\nvoid after(void) { SecItemAdd(q, NULL); }\n", true},
		{"c", objcPrefix + "void bad(void) {\n    if (x) {\n", false},
	} {
		f := mustLower(t, c.ext, []byte(c.src))
		wantPrefix(t, f)
		wantErrors(t, f)
		wantComment(t, f, "// leading comment")
		if c.after {
			fn := funcNamed(t, f, "after")
			if len(nodesIn[*model.SecItemCall](fn)) != 1 {
				t.Errorf("%q: the function after the broken part lost its call:\n%s", c.src, model.Dump(fn))
			}
		}
	}
}

// A dictionary literal tree-sitter could not parse completely is not
// trusted for its key set: it becomes Unknown around what parsed.
func TestBrokenDictLiteralIsUnknown(t *testing.T) {
	for _, c := range []struct{ ext, src string }{
		{"swift", "func f() { SecItemAdd([kSecClass: kSecClassKey, kSecAttrLabel: ] as CFDictionary, nil) }\n"},
		{"m", "void f(void) { SecItemAdd((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassKey, (__bridge id)kSecAttrLabel: }, NULL); }\n"},
	} {
		f := mustLower(t, c.ext, []byte(c.src))
		wantErrors(t, f)
		for _, s := range nodes[*model.SecItemCall](f) {
			if _, ok := model.StripCasts(s.Dict).(*model.DictLit); ok {
				t.Errorf(".%s: a broken literal reached the call as a complete literal: %s", c.ext, model.DumpExpr(s.Dict))
			}
		}
	}
}

// pathologicalSwift makes the tree-sitter Swift grammar's error recovery
// run for minutes (found by FuzzParse).
const pathologicalSwift = "func (){var q=[g:y]{t"

// A parse of a single declaration that exceeds the time limit yields a
// model that marks the whole file as lost, and the reused Parser starts afresh on the next
// file instead of resuming the abandoned parse.
func TestParseTimeLimit(t *testing.T) {
	defer swiftparse.SetParseTimeLimit(func(int) time.Duration { return 300 * time.Millisecond })()
	p := swiftparse.NewParser()
	defer p.Close()
	for i := 0; i < 2; i++ {
		start := time.Now()
		parses := swiftparse.ChunkParses()
		f, err := p.Parse(context.Background(), "slow.swift", []byte(pathologicalSwift))
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if n := swiftparse.ChunkParses() - parses; n != 0 {
			t.Errorf("a file of one declaration was parsed again in %d chunks", n)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("parse took %v despite the limit", d)
		}
		if len(f.TimedOutRegions) != 1 || f.TimedOutRegions[0] != (model.Span{Start: 0, End: len(pathologicalSwift)}) || len(f.Funcs) != 0 || !f.TimedOut {
			t.Errorf("timed-out parse: lost %v, %d bodies, TimedOut %v", f.TimedOutRegions, len(f.Funcs), f.TimedOut)
		}
		start = time.Now()
		f, err = p.Parse(context.Background(), "next.swift", []byte(swiftPrefix))
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("the next parse took %v: it resumed the abandoned one", d)
		}
		wantPrefix(t, f)
		if len(f.Errors) != 0 || f.TimedOut {
			t.Errorf("the next file has errors %v, TimedOut %v", f.Errors, f.TimedOut)
		}
	}
	// A cancelled context is an error, and the parser is reusable after it.
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	defer swiftparse.SetParseTimeLimit(func(int) time.Duration { return time.Minute })()
	if _, err := p.Parse(ctx, "slow.swift", []byte(pathologicalSwift)); err == nil {
		t.Error("no error for a cancelled parse")
	}
	f, err := p.Parse(context.Background(), "next.m", []byte(objcPrefix))
	if err != nil {
		t.Fatal(err)
	}
	wantPrefix(t, f)
	f, err = p.Parse(context.Background(), "next.swift", []byte(swiftPrefix))
	if err != nil {
		t.Fatal(err)
	}
	wantPrefix(t, f)
}

// TestErrorRegionsLeaveOutRecoveredDeclarations checks that when
// tree-sitter makes a whole file an ERROR because of a broken declaration
// at its end, the well-formed declarations before it are lowered and not
// recorded as lost.
func TestErrorRegionsLeaveOutRecoveredDeclarations(t *testing.T) {
	good := "import Security\n\nfunc good() {\n    SecItemDelete([kSecClass: kSecClassKey] as CFDictionary)\n}\n\n"
	src := good + "func broken( {\n    let x = [[[ ) } } SecItemAdd(\n"
	f := mustLower(t, "swift", []byte(src))
	if len(f.Errors) == 0 {
		t.Fatal("no syntax errors recorded")
	}
	for _, sp := range f.Errors {
		if sp.Start < len(good)-1 {
			t.Errorf("error region %v (%q) covers the well-formed function before it", sp, src[sp.Start:sp.End])
		}
	}
	if len(f.Funcs) == 0 || f.Funcs[0].Name != "good" {
		t.Errorf("good() not lowered: %v", f.Funcs)
	}
}
