// Package apperr defines the coded, user-safe errors that cross the boundary
// to the GUI and the CLI. Backend packages wrap failures in an *Error so that
// callers can map them without parsing strings (after benbjohnson/wtf).
package apperr

import (
	"errors"
	"fmt"
)

// Codes are API: the frontend mirrors them in src/api/errors.ts.
const (
	Invalid     = "invalid"     // bad input; Field names the culprit when known
	NotFound    = "not_found"   // the thing asked for does not exist
	Conflict    = "conflict"    // clashes with existing data (e.g. a duplicate name)
	Unavailable = "unavailable" // a dependency (keyring, data dir) cannot be reached
	Internal    = "internal"    // a bug or an unexpected failure; details go to the log
)

// Error is a failure with a stable code and a message safe to show a user.
// Message must never contain a secret.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	// cause is kept for logs and errors.Is; it is not serialised.
	cause error
}

func (e *Error) Error() string { return e.Message }

func (e *Error) Unwrap() error { return e.cause }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an Invalid error tied to an input field.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: Invalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Wrap attaches a code and a user-safe message to a lower-level cause.
func Wrap(cause error, code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), cause: cause}
}

// Code returns the code of err, or Internal when err carries none.
func Code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return Internal
}

// Public converts any error into a user-safe *Error. Errors without a code
// are internal: their text may hold paths or driver detail, so users get a
// generic message and the original goes to the log only.
func Public(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: Internal, Message: "Something went wrong inside Integration Studio. The details are in the log file.", cause: err}
}
