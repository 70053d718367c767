package baseline_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/keychainlint/keychainlint/analyzer/baseline"
)

// FuzzRead reads any bytes as a baseline: Read never panics, accepts only
// a keychainlint baseline of a version it knows whose entries all have a
// fingerprint, and then matches each fingerprint exactly as many times as
// it is recorded. A baseline written with a fuzzed fingerprint, file and
// message (hostile or not) reads back to the same matches.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"version":1,"tool":"keychainlint","findings":[{"fingerprint":"a:1"},{"fingerprint":"a:1"},{"fingerprint":"b:1","rule":"r","file":"f","line":3,"message":"m"}]}`), "a:1", uint8(2))
	f.Add([]byte(`{"version":2,"tool":"keychainlint","findings":[]}`), "x", uint8(0))
	f.Add([]byte(`{"version":1,"tool":"other","findings":[]}`), "x", uint8(1))
	f.Add([]byte(`{"version":1,"tool":"keychainlint","findings":[{"fingerprint":""}]}`), "", uint8(1))
	f.Add([]byte(`{"version":1,"tool":"keychainlint","findings":{"fingerprint":"a"}}`), "a", uint8(1))
	f.Add([]byte(`{"version":"1","tool":"keychainlint"}`), "a", uint8(1))
	f.Add([]byte(`{"version":1,"tool":"keychainlint","findings":null} trailing`), "a", uint8(3))
	f.Add([]byte("\xef\xbb\xbf{\"version\":1}"), "\x00", uint8(1))
	f.Add([]byte(strings.Repeat("[", 10001)), "deep", uint8(1))
	f.Add([]byte(`{"version":1,"tool":"keychainlint","findings":[{"fingerprint":"\u2028\n::error::x","file":"a\nb"}]}`), "\u2028\n::error::x", uint8(1))
	f.Add([]byte(""), "a", uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, fp string, n uint8) {
		b, err := baseline.Read(bytes.NewReader(data))
		var file baseline.File
		decErr := json.NewDecoder(bytes.NewReader(data)).Decode(&file)
		valid := decErr == nil && file.Tool == "keychainlint" && file.Version == baseline.Version
		count := map[string]int{}
		for _, e := range file.Findings {
			valid = valid && e.Fingerprint != ""
			count[e.Fingerprint]++
		}
		if (err == nil) != valid {
			t.Fatalf("Read: error %v, but the document is %s a valid baseline (%+v, %v)", err, map[bool]string{true: "", false: "not"}[valid], file, decErr)
		}
		if err == nil {
			for fp, k := range count {
				for i := range k {
					if !b.Match(fp) {
						t.Fatalf("fingerprint %q recorded %d times matched only %d times", fp, k, i)
					}
				}
				if b.Match(fp) {
					t.Fatalf("fingerprint %q recorded %d times matched once more", fp, k)
				}
			}
		}

		// Round trip, of fingerprints JSON can carry (keychainlint's are
		// hexadecimal; a byte that is not UTF-8 becomes U+FFFD in JSON).
		if fp == "" || !utf8.ValidString(fp) {
			return
		}
		k := int(n % 4)
		var entries []baseline.Entry
		for i := range k {
			entries = append(entries, baseline.Entry{Fingerprint: fp, Rule: "r", File: fp, Line: i, Message: string(data)})
		}
		entries = append(entries, baseline.Entry{Fingerprint: fp + "other", File: string(data)})
		var buf bytes.Buffer
		if err := baseline.Write(&buf, entries); err != nil {
			t.Fatal(err)
		}
		back, err := baseline.Read(&buf)
		if err != nil {
			t.Fatalf("a written baseline does not read back: %v\n%s", err, buf.String())
		}
		for i := range k {
			if !back.Match(fp) {
				t.Fatalf("fingerprint %q written %d times matched only %d times", fp, k, i)
			}
		}
		if back.Match(fp) {
			t.Fatalf("fingerprint %q written %d times matched once more", fp, k)
		}
		if !back.Match(fp + "other") {
			t.Fatalf("fingerprint %q written once did not match", fp+"other")
		}
	})
}
