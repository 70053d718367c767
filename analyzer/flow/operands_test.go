package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A change to a dictionary whose operands merge paths (a ternary, && or
// ||, a closure) still changes the dictionary: the merge replaces the
// state's objects, and the change used to go to the objects taken before
// it, which no state held any more.
func TestChangeWithBranchingOperand(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func subscriptTernary(all: Bool) {
    var sq: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    sq[kSecMatchLimit as String] = all ? kSecMatchLimitAll : kSecMatchLimitOne
    sq[kSecAttrService as String] = "s"
    SecItemCopyMatching(sq as CFDictionary, nil)
}
func literalTernary(all: Bool) {
    let lq: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecMatchLimit as String: all ? kSecMatchLimitAll : kSecMatchLimitOne, kSecAttrService as String: "s"]
    SecItemCopyMatching(lq as CFDictionary, nil)
}`,
	})
	for _, marker := range []string{"sq as", "lq as"} {
		d := call(t, facts, model.OpRead, marker).Dict
		for _, k := range []string{"kSecClass", "kSecMatchLimit", "kSecAttrService"} {
			if !has(d, k) {
				t.Errorf("%s: the query lacks %s, has %v", marker, k, keys(d))
			}
		}
		if e := must(t, d, "kSecMatchLimit"); len(e.Values) != 2 {
			t.Errorf("%s: kSecMatchLimit holds %v, want both limits", marker, e.Values)
		}
	}
}

// The same in Objective-C (a ternary lost the write before), and with
// && and a closure among the operands (those kept it already: the join
// gave back the same state; they guard that the change keeps them).
func TestChangeWithBranchingOperandObjCAndClosures(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.m": `
void Find(BOOL all) {
    NSMutableDictionary *mq = [NSMutableDictionary dictionary];
    mq[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    mq[(__bridge id)kSecMatchLimit] = all ? (__bridge id)kSecMatchLimitAll : (__bridge id)kSecMatchLimitOne;
    SecItemCopyMatching((__bridge CFDictionaryRef)mq, NULL);
}
`,
		"b.swift": `
func andAnd(probe: [String: Any], b: Bool) {
    var aq: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    aq[kSecAttrSynchronizable as String] = SecItemCopyMatching(probe as CFDictionary, nil) == errSecSuccess && b
    aq[kSecAttrService as String] = "s"
    SecItemCopyMatching(aq as CFDictionary, nil)
}
func closure(name: String?) {
    var cq: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    cq[kSecAttrService as String] = { () -> String in
        if SecItemDelete([kSecClass as String: kSecClassKey] as CFDictionary) == errSecSuccess { return "cleared" }
        return name ?? "default"
    }()
    cq[kSecAttrAccount as String] = "a"
    SecItemCopyMatching(cq as CFDictionary, nil)
}`,
	})
	if d := call(t, facts, model.OpRead, "mq"); len(must(t, d.Dict, "kSecMatchLimit").Values) != 2 {
		t.Errorf("mq: kSecMatchLimit holds %v, want both limits", must(t, d.Dict, "kSecMatchLimit").Values)
	}
	for marker, want := range map[string][]string{"aq as": {"kSecClass", "kSecAttrSynchronizable", "kSecAttrService"}, "cq as": {"kSecClass", "kSecAttrService", "kSecAttrAccount"}} {
		d := call(t, facts, model.OpRead, marker).Dict
		for _, k := range want {
			if !has(d, k) {
				t.Errorf("%s: the query lacks %s, has %v", marker, k, keys(d))
			}
		}
	}
}

// A ternary write under `if let` of a stored Optional nothing sets: the
// branch never runs, so the write, now kept, still adds nothing.
func TestBranchingWriteOfNeverSetProperty(t *testing.T) {
	src := replaceOnce(t, nilPropBase, "q[kSecMatchLimit as String] = kSecMatchLimitAll", "q[kSecMatchLimit as String] = limit == 1 ? kSecMatchLimitOne : kSecMatchLimitAll")
	d := call(t, analyzeWith(t, map[string]string{"a.swift": src}, true, nil), model.OpDelete, "SecItemDelete").Dict
	if has(d, "kSecMatchLimit") {
		t.Errorf("the delete may have kSecMatchLimit (%v): Options.limit is never set", keys(d))
	}
	d = call(t, analyzeWith(t, map[string]string{"a.swift": src}, false, nil), model.OpDelete, "SecItemDelete").Dict
	if e := must(t, d, "kSecMatchLimit"); len(e.Values) != 2 {
		t.Errorf("without the outside facts kSecMatchLimit holds %v, want both limits", e.Values)
	}
}
