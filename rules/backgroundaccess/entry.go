package backgroundaccess

import (
	"bytes"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// entry is a background entry point: code the system runs while the
// device may be locked. Span is the part of Fn that runs there: the whole
// function (zero span) or a closure inside it (a BGTaskScheduler launch
// handler).
type entry struct {
	Fn   *model.Func
	Span model.Span
	// Site is where the entry point is declared (the method's name, the
	// registering call), for the related location; What names it.
	Site flow.Site
	What string
}

// contains reports whether a site of Fn lies in the part that runs in the
// background.
func (e *entry) contains(s flow.Site) bool {
	if !e.Span.Valid() {
		return true
	}
	return s.File == e.Fn.File && s.Span.Start >= e.Span.Start && s.Span.End <= e.Span.End
}

// callback is a framework method the system calls in the background.
type callback struct {
	what string
	// mode is the UIBackgroundModes value without which the system calls
	// the method only while the app is in the foreground ("" when the
	// method is a background callback whatever the Info.plist says).
	mode string
	// conforms, when not empty, are the supertypes one of which the
	// method's type must name (a WidgetKit timeline provider's
	// placeholder(in:) is an ordinary name elsewhere).
	conforms []string
	// sibling, when not empty, is a method the same type must also
	// implement: URLSession delegate methods run in the background only
	// for a background session, whose delegate implements
	// urlSessionDidFinishEvents(forBackgroundURLSession:).
	sibling []string
}

var timelineProviders = []string{"TimelineProvider", "IntentTimelineProvider", "AppIntentTimelineProvider"}

// backgroundSessionDone are the signatures of the call a background
// URLSession's delegate receives when the system relaunched the app for it.
var backgroundSessionDone = []string{"urlSessionDidFinishEvents(forBackgroundURLSession:)", "URLSessionDidFinishEventsForBackgroundURLSession:"}

// callbacks are the background callbacks by signature: Swift signatures
// (model.Func.Sig) and Objective-C selectors.
var callbacks = map[string]callback{}

func init() {
	add := func(c callback, sigs ...string) {
		for _, s := range sigs {
			callbacks[s] = c
		}
	}
	add(callback{what: "a background push (application(_:didReceiveRemoteNotification:fetchCompletionHandler:))", mode: "remote-notification"},
		"application(_:didReceiveRemoteNotification:fetchCompletionHandler:)", "application(_:didReceiveRemoteNotification:)",
		"application:didReceiveRemoteNotification:fetchCompletionHandler:")
	add(callback{what: "a background fetch (application(_:performFetchWithCompletionHandler:))", mode: "fetch"},
		"application(_:performFetchWithCompletionHandler:)", "application:performFetchWithCompletionHandler:")
	add(callback{what: "a background URLSession relaunch (application(_:handleEventsForBackgroundURLSession:completionHandler:))"},
		"application(_:handleEventsForBackgroundURLSession:completionHandler:)", "application:handleEventsForBackgroundURLSession:completionHandler:")
	add(callback{what: "a background URLSession's delegate (urlSessionDidFinishEvents(forBackgroundURLSession:))"}, backgroundSessionDone...)
	add(callback{what: "a background URLSession's delegate", sibling: backgroundSessionDone},
		"urlSession(_:downloadTask:didFinishDownloadingTo:)", "urlSession(_:task:didCompleteWithError:)",
		"URLSession:downloadTask:didFinishDownloadingToURL:", "URLSession:task:didCompleteWithError:")
	add(callback{what: "a notification service extension (UNNotificationServiceExtension.didReceive(_:withContentHandler:))"},
		"didReceive(_:withContentHandler:)", "didReceiveNotificationRequest:withContentHandler:",
		"serviceExtensionTimeWillExpire()", "serviceExtensionTimeWillExpire")
	add(callback{what: "a notification response (userNotificationCenter(_:didReceive:withCompletionHandler:))"},
		"userNotificationCenter(_:didReceive:withCompletionHandler:)", "userNotificationCenter(_:didReceive:)",
		"userNotificationCenter:didReceiveNotificationResponse:withCompletionHandler:")
	add(callback{what: "a PushKit push (PKPushRegistryDelegate)"},
		"pushRegistry(_:didReceiveIncomingPushWith:for:completion:)", "pushRegistry(_:didReceiveIncomingPushWith:for:)",
		"pushRegistry(_:didUpdate:for:)",
		"pushRegistry:didReceiveIncomingPushWithPayload:forType:withCompletionHandler:", "pushRegistry:didReceiveIncomingPushWithPayload:forType:",
		"pushRegistry:didUpdatePushCredentials:forType:")
	add(callback{what: "a WidgetKit timeline provider", conforms: timelineProviders},
		"getTimeline(in:completion:)", "getSnapshot(in:completion:)", "placeholder(in:)",
		"getTimeline(for:in:completion:)", "getSnapshot(for:in:completion:)", "timeline(for:in:)", "snapshot(for:in:)", "recommendations()")
}

// backgroundExtensions are the NSExtensionPointIdentifier values of app
// extensions the system runs without the user, while the device may be
// locked: every method of their principal class is an entry point.
var backgroundExtensions = []string{
	"com.apple.usernotifications.service",
	"com.apple.networkextension.",
	"com.apple.fileprovider-nonui",
	"com.apple.callkit.call-directory",
	"com.apple.intents-service",
	"com.apple.background-asset-downloader-extension",
	"com.apple.deviceactivity.monitor-extension",
}

func backgroundExtension(point string) bool {
	for _, b := range backgroundExtensions {
		if point == b || (strings.HasSuffix(b, ".") && strings.HasPrefix(point, b)) {
			return true
		}
	}
	return false
}

// entries finds the program's background entry points.
func entries(p *flow.Program) []*entry {
	inherits := map[string][]string{}
	sigs := map[string]map[string]bool{} // owner → signatures it implements
	for _, f := range p.Files {
		for _, t := range f.Types {
			inherits[t.Name] = append(inherits[t.Name], t.Inherits...)
		}
		for _, fn := range f.Funcs {
			if fn.Owner != "" {
				if sigs[fn.Owner] == nil {
					sigs[fn.Owner] = map[string]bool{}
				}
				sigs[fn.Owner][fn.Sig()] = true
			}
		}
	}
	var out []*entry
	for _, f := range p.Files {
		principal := principalClasses(f)
		// Only a file that spells a registration can hold one: walking
		// every body of the program for it was most of the rule's cost in
		// the language server's edit loop, where each edit is a new
		// program.
		registers := len(f.Src) == 0 || bytes.Contains(f.Src, taskWithIdentifier)
		for _, fn := range f.Funcs {
			if fn.Kind == model.FuncMethod || fn.Kind == model.FuncFunction {
				if c, ok := callbacks[fn.Sig()]; ok && c.applies(fn, inherits, sigs) {
					out = append(out, &entry{Fn: fn, Site: flow.Site{File: f, Span: fn.NameSpan}, What: c.what})
					continue
				}
			}
			if what, ok := principal[fn.Owner]; ok && fn.Owner != "" && (fn.Kind == model.FuncMethod || fn.Kind == model.FuncInit) {
				out = append(out, &entry{Fn: fn, Site: flow.Site{File: f, Span: fn.NameSpan}, What: what})
				continue
			}
			if registers {
				out = append(out, launchHandlers(p, fn)...)
			}
		}
	}
	return out
}

// taskWithIdentifier is in every spelling of a BGTaskScheduler registration
// (registersTask): register(forTaskWithIdentifier:…) and
// registerForTaskWithIdentifier:usingQueue:launchHandler:.
var taskWithIdentifier = []byte("TaskWithIdentifier")

// applies reports whether a method with the callback's signature is the
// callback: its type conforms where that is required, implements the
// sibling method, and the app declares the background mode.
func (c callback) applies(fn *model.Func, inherits map[string][]string, sigs map[string]map[string]bool) bool {
	if len(c.conforms) > 0 && !anyIn(inherits[fn.Owner], c.conforms) {
		return false
	}
	if len(c.sibling) > 0 {
		found := false
		for _, s := range c.sibling {
			found = found || sigs[fn.Owner][s]
		}
		if !found {
			return false
		}
	}
	return c.mode == "" || declaresMode(fn.File, c.mode)
}

// declaresMode reports whether the app that builds the file may declare
// the background mode: some target that builds it lists it in
// UIBackgroundModes, or the Info.plist of some target is not known.
func declaresMode(f *model.File, mode string) bool {
	if f.Project == nil || len(f.Project.Targets) == 0 || f.Project.OtherUnits {
		return true
	}
	for _, t := range f.Project.Targets {
		if t.InfoPlist == nil {
			return true
		}
		for _, m := range t.InfoPlist.BackgroundModes {
			if m == mode || strings.Contains(m, "*") {
				return true
			}
		}
	}
	return false
}

// principalClasses returns the principal classes of the background app
// extensions that build the file, with what to call them.
func principalClasses(f *model.File) map[string]string {
	if f.Project == nil {
		return nil
	}
	out := map[string]string{}
	for _, t := range f.Project.Targets {
		ip := t.InfoPlist
		if ip == nil || ip.ExtensionPrincipalClass == "" || !backgroundExtension(ip.ExtensionPoint) {
			continue
		}
		// "$(PRODUCT_MODULE_NAME).NotificationService": the module
		// prefix, expanded or a wildcard, is not part of the type's name.
		name := model.InheritedName(ip.ExtensionPrincipalClass)
		out[name] = "the principal class of a " + ip.ExtensionPoint + " extension (NSExtensionPrincipalClass " + name + ")"
	}
	return out
}

// launchHandlers returns the BGTaskScheduler launch handlers fn registers:
// a closure passed to register(forTaskWithIdentifier:using:launchHandler:)
// (Objective-C registerForTaskWithIdentifier:usingQueue:launchHandler:),
// or a method named there that the call certainly means (one method of
// that name in fn's type).
func launchHandlers(p *flow.Program, fn *model.Func) []*entry {
	var out []*entry
	model.InspectFunc(fn, func(n model.Node) bool {
		c, ok := n.(*model.Call)
		if !ok || len(c.Args) < 2 || !registersTask(c) {
			return true
		}
		site := flow.Site{File: fn.File, Span: c.Span}
		if m, ok := c.Fun.(*model.Member); ok && m.NameSpan.Valid() {
			site.Span = m.NameSpan
		}
		const what = "a BGTaskScheduler launch handler"
		switch h := model.StripCasts(c.Args[len(c.Args)-1].Value).(type) {
		case *model.Closure:
			out = append(out, &entry{Fn: fn, Span: h.Span, Site: site, What: what})
		case *model.Ident:
			if m := onlyMethod(p, fn.Owner, h.Name); m != nil {
				out = append(out, &entry{Fn: m, Site: site, What: what})
			}
		case *model.Member:
			if id, ok := h.X.(*model.Ident); ok && id.Name == "self" {
				if m := onlyMethod(p, fn.Owner, h.Name); m != nil {
					out = append(out, &entry{Fn: m, Site: site, What: what})
				}
			}
		}
		return true
	})
	return out
}

func registersTask(c *model.Call) bool {
	if c.ObjCMessage {
		return c.Name() == "registerForTaskWithIdentifier:usingQueue:launchHandler:"
	}
	return c.Name() == "register" && c.Args[0].Label == "forTaskWithIdentifier"
}

// onlyMethod returns the one method named name of type owner.
func onlyMethod(p *flow.Program, owner, name string) *model.Func {
	if owner == "" {
		return nil
	}
	var found *model.Func
	for _, f := range p.Files {
		for _, fn := range f.Funcs {
			if fn.Owner == owner && fn.Name == name && fn.Kind == model.FuncMethod {
				if found != nil {
					return nil
				}
				found = fn
			}
		}
	}
	return found
}

func anyIn(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if h == w {
				return true
			}
		}
	}
	return false
}
