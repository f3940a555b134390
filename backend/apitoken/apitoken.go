// Package apitoken issues and checks the tokens that guard the local
// automation API. A token is shown once; only its SHA-256 is stored.
//
// Format (after GitHub's tokens): "ist_" + 43 base62 characters of 32
// random bytes + 6 base62 characters of the CRC32 of the rest, so secret
// scanners can spot a leaked token and a typo fails before any lookup.
package apitoken

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"hash/crc32"
	"math/big"
	"strings"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

// Prefix starts every token.
const Prefix = "ist_"

const (
	bodyLen     = 43 // base62 digits of 32 bytes (62^43 > 2^256)
	checksumLen = 6  // base62 digits of a CRC32 (62^6 > 2^32)
	// Len is a token's length.
	Len = len(Prefix) + bodyLen + checksumLen
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func encode62(n *big.Int, width int) string {
	out := make([]byte, width)
	v := new(big.Int).Set(n)
	base := big.NewInt(62)
	mod := new(big.Int)
	for i := width - 1; i >= 0; i-- {
		v.DivMod(v, base, mod)
		out[i] = base62[mod.Int64()]
	}
	return string(out)
}

func checksum(s string) string {
	return encode62(new(big.Int).SetUint64(uint64(crc32.ChecksumIEEE([]byte(s)))), checksumLen)
}

// newToken makes a fresh token.
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	body := Prefix + encode62(new(big.Int).SetBytes(b), bodyLen)
	return body + checksum(body), nil
}

// WellFormed checks the prefix, length, alphabet and checksum: no lookup.
func WellFormed(token string) bool {
	if len(token) != Len || !strings.HasPrefix(token, Prefix) {
		return false
	}
	for i := len(Prefix); i < len(token); i++ {
		if strings.IndexByte(base62, token[i]) < 0 {
			return false
		}
	}
	body := token[:len(token)-checksumLen]
	return subtle.ConstantTimeCompare([]byte(checksum(body)), []byte(token[len(body):])) == 1
}

func hash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// Token is a token as listed: never the token itself.
type Token struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Hint       string     `json:"hint"`
	CreatedAt  time.Time  `json:"createdAt"`
	LastUsedAt *time.Time `json:"lastUsedAt,omitempty"`
	RevokedAt  *time.Time `json:"revokedAt,omitempty"`
}

// Created is a new token with its value, shown once.
type Created struct {
	Token
	Value string `json:"value"`
}

// Service issues, lists, revokes and checks tokens.
type Service struct{ db *store.DB }

// New returns a Service.
func New(db *store.DB) *Service { return &Service{db: db} }

// Create issues a token named name; the value is returned only here.
func (s *Service) Create(ctx context.Context, name string) (Created, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return Created{}, apperr.FieldErrorf("name", "A token needs a name, e.g. what script or system will use it.")
	case len([]rune(name)) > 100:
		return Created{}, apperr.FieldErrorf("name", "The name is longer than 100 characters.")
	}
	value, err := newToken()
	if err != nil {
		return Created{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Created{}, err
	}
	now := s.db.Now()
	hint := value[:len(Prefix)+4] + "…"
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var clash int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM api_tokens WHERE lower(name) = lower(?) AND revoked_at IS NULL`, name).Scan(&clash); err != nil {
			return err
		}
		if clash > 0 {
			return &apperr.Error{Code: apperr.Conflict, Field: "name", Message: fmt.Sprintf("A token named %q already exists; revoke it or pick another name.", name)}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (id, name, hash, hint, created_at) VALUES (?, ?, ?, ?, ?)`,
			id.String(), name, hash(value), hint, store.Timestamp(now))
		return err
	})
	if err != nil {
		return Created{}, err
	}
	return Created{Token: Token{ID: id.String(), Name: name, Hint: hint, CreatedAt: now.UTC()}, Value: value}, nil
}

// List returns the tokens, newest first, revoked ones included.
func (s *Service) List(ctx context.Context) ([]Token, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, hint, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Token{}
	for rows.Next() {
		var t Token
		var created string
		var used, revoked sql.NullString
		if err := rows.Scan(&t.ID, &t.Name, &t.Hint, &created, &used, &revoked); err != nil {
			return nil, err
		}
		if t.CreatedAt, err = store.ParseTimestamp(created); err != nil {
			return nil, err
		}
		t.LastUsedAt, t.RevokedAt = optTime(used), optTime(revoked)
		out = append(out, t)
	}
	return out, rows.Err()
}

func optTime(ns sql.NullString) *time.Time {
	if !ns.Valid {
		return nil
	}
	t, err := store.ParseTimestamp(ns.String)
	if err != nil {
		return nil
	}
	return &t
}

// Revoke revokes the active token with this name or id.
func (s *Service) Revoke(ctx context.Context, nameOrID string) (Token, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM api_tokens WHERE revoked_at IS NULL AND (id = ? OR lower(name) = lower(?))`, nameOrID, nameOrID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, apperr.Errorf(apperr.NotFound, "There is no active token named %q.", nameOrID)
	}
	if err != nil {
		return Token{}, err
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, store.Timestamp(s.db.Now()), id); err != nil {
		return Token{}, err
	}
	list, err := s.List(ctx)
	if err != nil {
		return Token{}, err
	}
	for _, t := range list {
		if t.ID == id {
			return t, nil
		}
	}
	return Token{}, apperr.Errorf(apperr.NotFound, "The token disappeared while it was being revoked.")
}

// ErrUnauthorized is every refusal: which check failed is not told.
var ErrUnauthorized = apperr.Errorf(apperr.Invalid, "The API token is missing, malformed, unknown or revoked.")

// Check accepts an active token and records its use. The lookup is by
// SHA-256, so timing depends on the hash, not on how much of a stored
// token a guess matched; malformed tokens fail before any lookup.
func (s *Service) Check(ctx context.Context, token string) (Token, error) {
	if !WellFormed(token) {
		return Token{}, ErrUnauthorized
	}
	var t Token
	var stored []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, name, hint, hash FROM api_tokens WHERE hash = ? AND revoked_at IS NULL`, hash(token)).Scan(&t.ID, &t.Name, &t.Hint, &stored)
	if err != nil || subtle.ConstantTimeCompare(stored, hash(token)) != 1 {
		return Token{}, ErrUnauthorized
	}
	_, _ = s.db.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, store.Timestamp(s.db.Now()), t.ID)
	return t, nil
}
