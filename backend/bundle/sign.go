package bundle

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/secrets"
)

// signingKeyRef is where this installation's bundle signing key lives:
// the OS keyring, like every secret.
var signingKeyRef = secrets.Ref{IntegrationID: "app", ConfigurationID: "bundle-signing", Field: "ed25519_seed"}

// signingKey returns the installation's key, making one on first use.
func (s *Service) signingKey(ctx context.Context) (ed25519.PrivateKey, error) {
	v, err := s.deps.Secrets.Get(ctx, signingKeyRef)
	if err == nil {
		seed, derr := base64.StdEncoding.DecodeString(v)
		if derr == nil && len(seed) == ed25519.SeedSize {
			return ed25519.NewKeyFromSeed(seed), nil
		}
		return nil, apperr.Errorf(apperr.Unavailable, "The bundle signing key in the OS keyring is damaged; delete it (%s/%s) to make a new one.", secrets.Service, signingKeyRef)
	}
	if apperr.Code(err) != apperr.NotFound {
		return nil, err
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	if err := s.deps.Secrets.Put(ctx, signingKeyRef, base64.StdEncoding.EncodeToString(seed)); err != nil {
		return nil, err
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// Fingerprint names a public key as people compare it.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := hex.EncodeToString(sum[:16])
	var pairs []string
	for i := 0; i < len(h); i += 4 {
		pairs = append(pairs, h[i:i+4])
	}
	return "SHA256:" + strings.Join(pairs, ":")
}

// signedBytes is what a signature covers: the manifest without it.
func signedBytes(m Manifest) ([]byte, error) {
	m.Signature = nil
	return json.Marshal(m)
}

func sign(m *Manifest, key ed25519.PrivateKey) error {
	msg, err := signedBytes(*m)
	if err != nil {
		return err
	}
	pub := key.Public().(ed25519.PublicKey)
	m.Signature = &Signature{Algorithm: "ed25519", PublicKey: base64.StdEncoding.EncodeToString(pub),
		Fingerprint: Fingerprint(pub), Value: base64.StdEncoding.EncodeToString(ed25519.Sign(key, msg))}
	return nil
}

// verify checks a manifest's signature; "" means unsigned. A signature
// that does not verify is an error: the manifest (and with it every
// member's hash) was changed after signing.
func verify(m Manifest) (string, error) {
	sig := m.Signature
	if sig == nil {
		return "", nil
	}
	pub, err1 := base64.StdEncoding.DecodeString(sig.PublicKey)
	value, err2 := base64.StdEncoding.DecodeString(sig.Value)
	if sig.Algorithm != "ed25519" || err1 != nil || err2 != nil || len(pub) != ed25519.PublicKeySize {
		return "", invalid("its signature is malformed (algorithm %q).", oneLine(sig.Algorithm))
	}
	msg, err := signedBytes(m)
	if err != nil {
		return "", err
	}
	if !ed25519.Verify(pub, msg, value) {
		return "", invalid("its signature does not match its contents: the bundle was changed after it was signed.")
	}
	return Fingerprint(pub), nil
}
