package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
)

// targetNames lists the targets whose facts a file has, for its dump
// --project line.
func targetNames(info *model.ProjectInfo) string {
	if info == nil || len(info.Targets) == 0 {
		return ""
	}
	var names []string
	for _, t := range info.Targets {
		if !t.Empty() {
			names = append(names, t.Target)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "; targets " + strings.Join(names, ", ")
}

// printTargets writes the facts of each target once (dump --project):
// bundle identifiers, entitlements per configuration, Info.plist. A "*"
// in a value is a build setting that could not be expanded.
func printTargets(w io.Writer, targets []*model.TargetFacts) {
	for _, t := range targets {
		if t.Empty() {
			continue
		}
		fmt.Fprintf(w, "target %s\n", report.Text(t.Target))
		if len(t.BundleIDs) > 0 {
			fmt.Fprintf(w, "  bundle id %s\n", report.Text(strings.Join(t.BundleIDs, ", ")))
		}
		for _, e := range t.Entitlements {
			fmt.Fprintf(w, "  entitlements %s (%s)", report.Path(e.Path), report.Text(strings.Join(e.Configurations, ", ")))
			if e.Unread != "" {
				fmt.Fprintf(w, ": not read, %s\n", report.Text(e.Unread))
				continue
			}
			fmt.Fprintln(w)
			line := func(label string, vals []string) {
				if len(vals) > 0 {
					fmt.Fprintf(w, "    %s %s\n", label, report.Text(strings.Join(vals, ", ")))
				}
			}
			line("keychain-access-groups", e.KeychainAccessGroups)
			line("application-groups", e.AppGroups)
			if e.DefaultDataProtection != "" {
				line("default-data-protection", []string{e.DefaultDataProtection})
			}
		}
		if p := t.InfoPlist; p != nil {
			where := "generated"
			if p.Path != "" {
				where = report.Path(p.Path)
			}
			fmt.Fprintf(w, "  Info.plist %s\n", where)
			line := func(label string, vals ...string) {
				var nonEmpty []string
				for _, v := range vals {
					if v != "" {
						nonEmpty = append(nonEmpty, v)
					}
				}
				if len(nonEmpty) > 0 {
					fmt.Fprintf(w, "    %s %s\n", label, report.Text(strings.Join(nonEmpty, ", ")))
				}
			}
			line("CFBundleIdentifier", p.BundleID)
			line("UIBackgroundModes", p.BackgroundModes...)
			line("BGTaskSchedulerPermittedIdentifiers", p.BGTaskIdentifiers...)
			line("NSExtensionPointIdentifier", p.ExtensionPoint)
			line("NSExtensionPrincipalClass", p.ExtensionPrincipalClass)
		}
	}
}
