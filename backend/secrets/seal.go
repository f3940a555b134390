package secrets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
)

// dataKeyName is the keyring entry holding the AES-256 key that seals
// values too large for a keyring entry.
const dataKeyName = "data-key"

// maxKeyringValue is the largest value stored directly in the keyring.
// Windows' Credential Manager caps a blob at 2,560 bytes and macOS' Keychain
// near 3,000; staying under both keeps one code path for every OS.
const maxKeyringValue = 2048

func (s *Store) dataKey(create bool) ([]byte, error) {
	enc, err := s.kr.Get(Service, dataKeyName)
	if errors.Is(err, ErrNotFound) && create {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		if err := s.kr.Set(Service, dataKeyName, base64.StdEncoding.EncodeToString(key)); err != nil {
			return nil, unavailable(err)
		}
		// Read back: if another process raced us, both now use the winner.
		enc, err = s.kr.Get(Service, dataKeyName)
	}
	if errors.Is(err, ErrNotFound) {
		return nil, errDataKeyMissing
	}
	if err != nil {
		return nil, unavailable(err)
	}
	key, err := base64.StdEncoding.DecodeString(enc)
	if err != nil || len(key) != 32 {
		return nil, errDataKeyMissing
	}
	return key, nil
}

// seal encrypts value with AES-256-GCM; the keyring key is the additional
// data, so a ciphertext moved to another slot fails to open.
func seal(key []byte, slot string, value string) (nonce, ciphertext []byte, err error) {
	gcm, err := newGCM(key)
	if err != nil {
		return nil, nil, err
	}
	nonce = make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, nil, err
	}
	return nonce, gcm.Seal(nil, nonce, []byte(value), []byte(slot)), nil
}

func open(key []byte, slot string, nonce, ciphertext []byte) (string, error) {
	gcm, err := newGCM(key)
	if err != nil {
		return "", err
	}
	plain, err := gcm.Open(nil, nonce, ciphertext, []byte(slot))
	if err != nil {
		return "", fmt.Errorf("sealed secret %s does not decrypt with the keyring's data key", slot)
	}
	return string(plain), nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
