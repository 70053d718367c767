package driver

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// addBackgroundNames makes round 2 also parse the files that mention a
// background entry point (keychain.BackgroundNames: an app delegate's
// background push callback, a notification service extension, a
// BGTaskScheduler registration) and a type or free function the keychain
// files declare: such a file rarely holds a keychain token itself, but calls the
// keychain code that the backgroundaccess rule follows from it. A file
// that mentions no keychain file's type or free function cannot reach a read
// through one helper round (the rule's reach), and is left out: app
// delegates of apps whose background code never touches the keychain are
// not parsed.
func addBackgroundNames(h *helperNames, files []*model.File) {
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			h.reach = append(h.reach, h.index(name))
		}
	}
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, fn := range f.Funcs {
			// A type's methods are reached through the type: the
			// receiver's type must be known from the entry file
			// itself (a declaration, a static call) for the engine's
			// certain calls, so the type's name is there; method
			// names (init, shared, save) are in every file.
			if fn.Owner != "" {
				add(fn.Owner)
			} else {
				add(callToken(fn.Name))
			}
		}
	}
	if len(h.reach) == 0 {
		return
	}
	for _, name := range keychain.BackgroundNames {
		h.entries = append(h.entries, h.index(name))
	}
}

// callToken is the identifier a call of the function named name spells:
// an Objective-C selector's first part ("readToken" of
// "readToken:account:"), else the name.
func callToken(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[:i]
	}
	return name
}

// reaches reports whether a file that mentions these names (per name of the
// table) is a background entry file round 2 parses.
func (h *helperNames) reaches(mentioned []bool) bool {
	return anyMentioned(h.entries, mentioned) && anyMentioned(h.reach, mentioned)
}

func anyMentioned(names []int, mentioned []bool) bool {
	for _, n := range names {
		if mentioned[n] {
			return true
		}
	}
	return false
}
