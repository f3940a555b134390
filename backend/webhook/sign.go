package webhook

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"integrationstudio/backend/apperr"
)

// Standard Webhooks headers (https://www.standardwebhooks.com).
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// KeyPrefix starts every signing key.
const KeyPrefix = "whsec_"

// GenerateKey makes a signing key: whsec_ and 32 random bytes, base64.
func GenerateKey() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return KeyPrefix + base64.StdEncoding.EncodeToString(b), nil
}

// parseKey reads a pasted key: whsec_<base64>, at least 24 bytes.
func parseKey(key string) ([]byte, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(strings.TrimSpace(key), KeyPrefix))
	if err != nil {
		return nil, apperr.FieldErrorf("signingKey", "A signing key is whsec_ followed by base64; this one is not valid base64.")
	}
	if len(raw) < 24 {
		return nil, apperr.FieldErrorf("signingKey", "A signing key needs at least 24 random bytes; this one has %d. Generate one instead.", len(raw))
	}
	return raw, nil
}

// sign sets the Standard Webhooks headers on h: the message id (the same
// on every attempt), a fresh timestamp, and with a key the signature
// v1,<base64 HMAC-SHA256 of "id.timestamp.body">. No key, no signature.
func sign(h http.Header, id string, at time.Time, body []byte, key []byte) {
	ts := strconv.FormatInt(at.Unix(), 10)
	h.Set(HeaderID, id)
	h.Set(HeaderTimestamp, ts)
	if key == nil {
		return
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	h.Set(HeaderSignature, "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))
}
