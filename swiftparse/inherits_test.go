package swiftparse_test

import (
	"reflect"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A type's inheritance clause is recorded, module names and generic
// arguments dropped, for classes, structs, actors, enums and extensions
// (an extension under the extended type's name); types that inherit
// nothing are not listed.
func TestSwiftInherits(t *testing.T) {
	f := parse(t, "swift", `import WidgetKit
class NotificationService: UNNotificationServiceExtension {
    override func didReceive(_ r: UNNotificationRequest, withContentHandler h: @escaping (UNNotificationContent) -> Void) {}
}
struct Provider: WidgetKit.TimelineProvider, Sendable {}
extension AppDelegate: PKPushRegistryDelegate {}
final class Box<T>: Base<T> {}
enum Key: String { case a }
struct Plain {}
`)
	got := map[string][]string{}
	for _, d := range f.Types {
		got[d.Name] = append(got[d.Name], d.Inherits...)
	}
	want := map[string][]string{
		"NotificationService": {"UNNotificationServiceExtension"},
		"Provider":            {"TimelineProvider", "Sendable"},
		"AppDelegate":         {"PKPushRegistryDelegate"},
		"Box":                 {"Base"},
		"Key":                 {"String"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("types: got %v, want %v", got, want)
	}
}

func TestInheritedName(t *testing.T) {
	for in, want := range map[string]string{"WidgetKit.TimelineProvider": "TimelineProvider", "@unchecked Sendable": "Sendable", "Base<T>": "Base", " NSObject ": "NSObject"} {
		if got := model.InheritedName(in); got != want {
			t.Errorf("InheritedName(%q) = %q, want %q", in, got, want)
		}
	}
}
