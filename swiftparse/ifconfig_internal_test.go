package swiftparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

const (
	pAll   = model.AllPlatforms
	pNone  = model.Platform(0)
	pMac   = model.MacOS
	pIOS   = model.IOS
	pCat   = model.MacCatalyst
	pTV    = model.TVOS
	pWatch = model.WatchOS
	pVis   = model.VisionOS
	pFam   = model.IOSFamily
)

func TestEvalCondition(t *testing.T) {
	for _, c := range []struct {
		cond string
		t, f model.Platform // where it may be true, where it may be false
	}{
		// Swift.
		{"os(macOS)", pMac, pAll &^ pMac},
		{"os(OSX)", pMac, pAll &^ pMac},
		{"os(iOS)", pIOS | pCat, pAll &^ (pIOS | pCat)}, // os(iOS) is true on Mac Catalyst
		{"os(tvOS)", pTV, pAll &^ pTV},
		{"os(watchOS)", pWatch, pAll &^ pWatch},
		{"os(visionOS)", pVis, pAll &^ pVis},
		{"os(xrOS)", pVis, pAll &^ pVis},
		{"os(Linux)", pNone, pAll},
		{"os(Windows)", pNone, pAll},
		{"!os(macOS)", pAll &^ pMac, pMac},
		{"!!os(macOS)", pMac, pAll &^ pMac},
		{"os(iOS) || os(tvOS)", pIOS | pCat | pTV, pAll &^ (pIOS | pCat | pTV)},
		{"os(iOS) && !targetEnvironment(macCatalyst)", pIOS, pAll &^ pIOS},
		{"targetEnvironment(macCatalyst)", pCat, pAll &^ pCat},
		{"targetEnvironment(simulator)", pAll, pAll},
		{"(os(macOS) || os(iOS)) && DEBUG", pMac | pIOS | pCat, pAll},
		{"os(macOS) || DEBUG", pAll, pAll &^ pMac},
		{"canImport(AppKit)", pMac, pAll &^ pMac},
		{"canImport(UIKit)", pIOS | pTV | pVis | pCat | pWatch, pMac}, // UIKit exists on watchOS
		{"canImport(UIKit) && !os(watchOS)", pIOS | pTV | pVis | pCat, pMac | pWatch},
		{"canImport(CryptoKit)", pAll, pAll},
		{"DEBUG", pAll, pAll},
		{"swift(>=5.9)", pAll, pAll},
		{"compiler(>=6.0) && os(macOS)", pMac, pAll},
		{"true", pAll, pNone},
		{"false", pNone, pAll},
		// C preprocessor.
		{"TARGET_OS_OSX", pMac, pAll &^ pMac},
		{"TARGET_OS_IPHONE", pFam, pMac},
		{"TARGET_OS_IOS", pIOS | pCat, pAll &^ (pIOS | pCat)},
		{"TARGET_OS_MACCATALYST", pCat, pAll &^ pCat},
		{"TARGET_OS_TV", pTV, pAll &^ pTV},
		{"TARGET_OS_WATCH", pWatch, pAll &^ pWatch},
		{"TARGET_OS_VISION", pVis, pAll &^ pVis},
		{"TARGET_OS_MAC", pAll, pAll}, // true on every Darwin platform
		{"TARGET_OS_OSX && !TARGET_OS_MACCATALYST", pMac, pAll &^ pMac},
		{"TARGET_OS_IPHONE && !TARGET_OS_MACCATALYST", pFam &^ pCat, pMac | pCat},
		{"TARGET_OS_IPHONE == 1", pFam, pMac},
		{"TARGET_OS_IPHONE != 0", pFam, pMac},
		{"TARGET_OS_IPHONE == 0", pMac, pFam},
		{"TARGET_OS_OSX != 1", pAll &^ pMac, pMac},
		{"!TARGET_OS_IPHONE", pMac, pFam},
		{"(TARGET_OS_IOS || TARGET_OS_TV)", pIOS | pCat | pTV, pAll &^ (pIOS | pCat | pTV)},
		{"TARGET_OS_OSX /* the file keychain */", pMac, pAll &^ pMac},
		{"TARGET_OS_OSX // comment", pMac, pAll &^ pMac},
		{"TARGET_OS_OSX || \\\n TARGET_OS_MACCATALYST", pMac | pCat, pAll &^ (pMac | pCat)},
		{"defined(DEBUG)", pAll, pAll},
		{"!defined(DEBUG)", pAll, pAll},
		{"defined(TARGET_OS_IPHONE)", pAll, pAll}, // defined everywhere, to 0 or 1
		{"defined(__IPHONE_OS_VERSION_MIN_REQUIRED)", pFam, pAll},
		{"__has_include(<UIKit/UIKit.h>)", pAll, pAll},
		{"1", pAll, pNone},
		{"0", pNone, pAll},
		// Malformed: unknown, never a panic.
		{"", pAll, pAll},
		{"os(", pAll, pAll},
		{"os(macOS", pMac, pAll &^ pMac},
		{"((((", pAll, pAll},
		{"&& ||", pAll, pAll},
		{"TARGET_OS_OSX ==", pAll, pAll},
		{"os(macOS) garbage", pAll, pAll},
	} {
		got := evalCondition(c.cond)
		if got.t != c.t || got.f != c.f {
			t.Errorf("evalCondition(%q) = {true on %s, false on %s}, want {%s, %s}", c.cond, got.t, got.f, c.t, c.f)
		}
	}
}

// A comparison whose right-hand side is not a number says nothing.
func TestEvalConditionComparedWithMacro(t *testing.T) {
	for _, cond := range []string{"0 == TARGET_OS_IPHONE", "TARGET_OS_IPHONE == TARGET_OS_SIMULATOR"} {
		if got := evalCondition(cond); got != unknownCond {
			t.Errorf("evalCondition(%q) = {%s, %s}, want unknown", cond, got.t, got.f)
		}
	}
}

func TestClausePlatforms(t *testing.T) {
	for _, c := range []struct {
		conds []string
		want  []model.Platform
	}{
		{[]string{"os(macOS)"}, []model.Platform{pMac}},
		{[]string{"os(macOS)", ""}, []model.Platform{pMac, pAll &^ pMac}},
		{[]string{"os(macOS)", "os(iOS)", ""}, []model.Platform{pMac, pIOS | pCat, pTV | pWatch | pVis}},
		{[]string{"os(iOS)", "targetEnvironment(macCatalyst)", ""}, []model.Platform{pIOS | pCat, pNone, pAll &^ (pIOS | pCat)}},
		{[]string{"DEBUG", "os(macOS)", ""}, []model.Platform{pAll, pMac, pAll &^ pMac}},
		{[]string{"os(Linux)", ""}, []model.Platform{pNone, pAll}},
		{[]string{"TARGET_OS_OSX", "TARGET_OS_IPHONE", ""}, []model.Platform{pMac, pFam, pNone}},
		{[]string{"TARGET_OS_MACCATALYST", "TARGET_OS_IOS", "TARGET_OS_OSX", ""}, []model.Platform{pCat, pIOS, pMac, pTV | pWatch | pVis}},
		{[]string{"defined(DEBUG)", ""}, []model.Platform{pAll, pAll}},
		{[]string{"!os(macOS)", ""}, []model.Platform{pAll &^ pMac, pMac}},
		{nil, []model.Platform{}},
	} {
		got := clausePlatforms(c.conds)
		if !slices.Equal(got, c.want) {
			t.Errorf("clausePlatforms(%q) = %v, want %v", c.conds, got, c.want)
		}
	}
}

func TestBlankSwiftDirectives(t *testing.T) {
	src := "struct S {\n" +
		"    #if os(macOS) // mac\n" +
		"    func a() {}\n" +
		"\t#elseif os(iOS)\r\n" +
		"    func b() {}\n" +
		"    #else\n" +
		"    #endif\n" +
		"    #iffy\n" + // not a directive
		"    let s = \"#if\"\n" + // not at the start of a line
		"    #warning(\"x\")\n" + // another directive: left alone
		"    #if!os(macOS)\n" +
		"    #endif\n" +
		"}\n#endif"
	out, dirs := blankSwiftDirectives([]byte(src))
	if len(out) != len(src) {
		t.Fatalf("length changed: %d, want %d", len(out), len(src))
	}
	type d struct{ kw, cond, text string }
	var got []d
	for _, x := range dirs {
		got = append(got, d{x.kw, x.cond, src[x.span.Start:x.span.End]})
		if strings.TrimSpace(string(out[x.span.Start:x.span.End])) != "" {
			t.Errorf("%s not blanked: %q", x.kw, out[x.span.Start:x.span.End])
		}
	}
	want := []d{
		{"#if", "os(macOS)", "#if os(macOS)"},
		{"#elseif", "os(iOS)", "#elseif os(iOS)"},
		{"#else", "", "#else"},
		{"#endif", "", "#endif"},
		{"#if", "!os(macOS)", "#if!os(macOS)"},
		{"#endif", "", "#endif"},
		{"#endif", "", "#endif"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("directives\n got %q\nwant %q", got, want)
	}
	for _, keep := range []string{"// mac", "#iffy", `"#if"`, `#warning("x")`, "\r\n"} {
		if !strings.Contains(string(out), keep) {
			t.Errorf("blanking removed %q:\n%s", keep, out)
		}
	}
	// Without directives the source is returned as is.
	plain := []byte("func f() {}\n")
	if out, dirs := blankSwiftDirectives(plain); &out[0] != &plain[0] || dirs != nil {
		t.Error("source without directives was copied")
	}
}
