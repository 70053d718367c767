package driver

import (
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// addBackgroundNames makes round 2 also parse the files that mention a
// background entry point (keychain.BackgroundNames: an app delegate's
// background push callback, a notification service extension, a
// BGTaskScheduler registration) when the scan has keychain code: such a
// file rarely holds a keychain token itself, but calls the keychain code
// that the backgroundaccess rule follows from it. These are a few files of
// an app, and still one round.
func addBackgroundNames(h *helperNames, files []*model.File) {
	for _, f := range files {
		if f != nil {
			for _, name := range keychain.BackgroundNames {
				h.add(name, "", source.NotDecl, inAny)
			}
			return
		}
	}
}
