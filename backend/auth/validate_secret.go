package auth

import "strings"

// secretish reports whether a header or parameter name looks like it would
// carry a credential. It errs towards refusing: a false alarm costs the
// user a moment, a secret in an exported bundle cannot be taken back.
func secretish(name string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	if len(words) == 0 {
		return false
	}
	// Joined, so that X-Api-Key, Api_Key and APIKey all read "apikey".
	joined := strings.Join(words, "")
	for _, s := range []string{
		"authorization", "cookie", "token", "secret", "password", "passwd",
		"apikey", "accesskey", "privatekey", "credential", "session", "assertion", "bearer",
	} {
		if strings.Contains(joined, s) {
			return true
		}
	}
	for _, w := range words {
		if w == "auth" || w == "pwd" {
			return true
		}
	}
	// X-Auth-Key, Ocp-Apim-Subscription-Key, X-Functions-Key.
	last := words[len(words)-1]
	return last == "key" || last == "keys"
}
