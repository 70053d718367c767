// Package corpusgen writes a synthetic, deterministic corpus of Swift,
// Objective-C and C files for benchmarks of the whole keychainlint pipeline.
//
// The corpus looks like an app's sources: about 30% of the files use the
// keychain (dictionary literals, subscript writes, setObject:forKey:,
// helper methods returning query dictionaries, wrappers forwarding a
// dictionary to SecItem*, status checks with if/guard/switch, #if os(macOS)
// and TARGET_OS_OSX regions), the others are plain view-controller, model
// and utility code that mentions neither "SecItem" nor "kSec" (so the
// prefilter skips them, as it would in a real project). About half the
// files are Swift, half Objective-C, and 5% C. Sizes are log-uniformly
// distributed between 1 KB and 40 KB; large files simply have many
// functions. A small share of the keychain functions carry a deliberate
// mistake (an attribute the item class does not have), so that the rules
// report findings as they would on real code.
//
// Everything is derived from the seed with math/rand: the same n and seed
// give byte-identical files.
package corpusgen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// Proportions and sizes of the corpus.
const (
	KeychainFraction = 0.30
	CFraction        = 0.05
	MinSize          = 1 << 10
	MaxSize          = 40 << 10
	// MistakeRate is the probability that a keychain function adds an
	// attribute its item class does not have.
	MistakeRate = 0.04
)

// Lang is the language of a generated file.
type Lang int

// Languages.
const (
	Swift Lang = iota
	ObjC
	C
)

func (l Lang) String() string {
	switch l {
	case Swift:
		return "Swift"
	case ObjC:
		return "Objective-C"
	case C:
		return "C"
	}
	return fmt.Sprintf("Lang(%d)", int(l))
}

// Ext is the file name extension of the language, with the dot.
func (l Lang) Ext() string {
	switch l {
	case Swift:
		return ".swift"
	case ObjC:
		return ".m"
	}
	return ".c"
}

// FileSpec describes one file of the corpus.
type FileSpec struct {
	Path     string // slash-separated, relative to the corpus directory
	Lang     Lang
	Keychain bool
	Target   int // approximate size in bytes
	seed     int64
	typ      string
	ent      string
	module   string
}

var modules = []string{
	"Accounts", "Settings", "Feed", "Profile", "Sync", "Payments", "Onboarding",
	"Messaging", "Media", "Core", "Search", "Notifications",
}

var entities = []string{
	"Account", "Session", "Token", "Profile", "Note", "Photo", "Message", "Contact",
	"Invoice", "Order", "Playlist", "Device", "Album", "Comment", "Reminder", "Event",
	"Subscription", "Payment", "Document", "Workspace", "Team", "Channel", "Draft", "Tag",
}

var keychainSuffixes = []string{"Store", "Keychain", "Vault", "CredentialManager", "SecretStore", "KeychainAccess"}

var plainSuffixes = []string{
	"ViewController", "ListViewController", "DetailViewController", "ViewModel",
	"Coordinator", "Service", "DataSource", "Presenter", "Controller",
}

// Plan returns the files Generate writes for n and seed, without writing
// anything.
func Plan(n int, seed int64) []FileSpec {
	if n <= 0 {
		return nil
	}
	r := rand.New(rand.NewSource(seed))
	kinds := make([]bool, n)
	nk := int(math.Round(KeychainFraction * float64(n)))
	for i := 0; i < nk; i++ {
		kinds[i] = true
	}
	r.Shuffle(n, func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })

	langs := make([]Lang, n)
	nc := 0
	if n >= 10 {
		nc = max(1, int(math.Round(CFraction*float64(n))))
	}
	nswift := (n - nc + 1) / 2
	for i := range langs {
		switch {
		case i < nc:
			langs[i] = C
		case i < nc+nswift:
			langs[i] = Swift
		default:
			langs[i] = ObjC
		}
	}
	r.Shuffle(n, func(i, j int) { langs[i], langs[j] = langs[j], langs[i] })

	specs := make([]FileSpec, n)
	for i := range specs {
		s := FileSpec{Lang: langs[i], Keychain: kinds[i], seed: r.Int63()}
		s.Target = int(float64(MinSize) * math.Pow(float64(MaxSize)/float64(MinSize), r.Float64()))
		s.module = modules[r.Intn(len(modules))]
		s.ent = entities[r.Intn(len(entities))]
		suffixes := plainSuffixes
		if s.Keychain {
			suffixes = keychainSuffixes
		}
		s.typ = fmt.Sprintf("%s%s%04d", s.ent, suffixes[r.Intn(len(suffixes))], i)
		switch s.Lang {
		case Swift:
			s.Path = s.module + "/Sources/" + s.typ + ".swift"
		case ObjC:
			s.Path = s.module + "/Legacy/" + s.typ + ".m"
		case C:
			s.Path = s.module + "/C/" + snake(s.typ) + ".c"
		}
		specs[i] = s
	}
	return specs
}

// Generate writes n files into dir (created if needed) and returns the
// number of bytes written. The same n and seed give the same files.
func Generate(dir string, n int, seed int64) (totalBytes int64, err error) {
	for _, s := range Plan(n, seed) {
		src := Content(s)
		p := filepath.Join(dir, filepath.FromSlash(s.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return totalBytes, err
		}
		if err := os.WriteFile(p, src, 0o644); err != nil {
			return totalBytes, err
		}
		totalBytes += int64(len(src))
	}
	return totalBytes, nil
}

// Content returns the text of a planned file.
func Content(s FileSpec) []byte {
	g := &gen{r: rand.New(rand.NewSource(s.seed)), spec: s}
	switch {
	case s.Keychain && s.Lang == Swift:
		g.swiftKeychain()
	case s.Keychain && s.Lang == ObjC:
		g.objcKeychain()
	case s.Keychain && s.Lang == C:
		g.cKeychain()
	case s.Lang == Swift:
		g.swiftPlain()
	case s.Lang == ObjC:
		g.objcPlain()
	default:
		g.cPlain()
	}
	return g.buf.Bytes()
}

// gen writes one file.
type gen struct {
	r    *rand.Rand
	spec FileSpec
	buf  bytes.Buffer
	k    int // function counter, for unique names
}

// emit appends a template with its {placeholders} replaced; pairs are
// placeholder, value, placeholder, value, ...
func (g *gen) emit(tmpl string, pairs ...string) {
	if len(pairs) > 0 {
		tmpl = strings.NewReplacer(pairs...).Replace(tmpl)
	}
	g.buf.WriteString(tmpl)
}

// full reports whether the file reached its target size (minus room for
// the closing part).
func (g *gen) full(reserve int) bool {
	return g.buf.Len()+reserve >= g.spec.Target
}

// next returns a fresh function-name suffix.
func (g *gen) next() string {
	g.k++
	return fmt.Sprint(g.k)
}

func (g *gen) pick(xs []string) string { return xs[g.r.Intn(len(xs))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func snake(s string) string {
	var b strings.Builder
	for i, c := range s {
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(c + ('a' - 'A'))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

var appNames = []string{"Notes", "Wallet", "Journal", "Chat", "Photos", "Fitness", "Reader", "Tasks"}

func (g *gen) header(name, purpose string) {
	switch g.spec.Lang {
	case C:
		g.emit("/*\n * {name}\n * {app}\n *\n * {purpose}\n */\n\n", "{name}", name, "{app}", g.pick(appNames), "{purpose}", purpose)
	default:
		g.emit("//\n//  {name}\n//  {app}\n//\n//  {purpose}\n//\n\n", "{name}", name, "{app}", g.pick(appNames), "{purpose}", purpose)
	}
}
