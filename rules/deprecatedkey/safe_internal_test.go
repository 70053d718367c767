package deprecatedkey

import "testing"

// A replacement is safe only when it names the same runtime value.
func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"kSecAttrKeyTypeEC", "kSecAttrKeyTypeECSECPrimeRandom", true},
		{"kSecAttrKeyTypeECDSA", "kSecAttrKeyTypeECSECPrimeRandom", true},
		{"kSecAttrAccessibleAlways", "kSecAttrAccessibleAfterFirstUnlock", false},
		{"kSecAttrAccessibleAlwaysThisDeviceOnly", "kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly", false},
		{"kSecUseOperationPrompt", "kSecUseAuthenticationContext", false},
	} {
		if got := sameValue(c.a, c.b); got != c.want {
			t.Errorf("sameValue(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
