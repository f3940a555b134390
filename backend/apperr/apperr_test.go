package apperr_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"integrationstudio/backend/apperr"
)

func TestPublic(t *testing.T) {
	wrapped := fmt.Errorf("saving: %w", apperr.FieldErrorf("name", "Name is required."))
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"coded error passes through", apperr.Errorf(apperr.NotFound, "No integration with id %q.", "x"), `{"code":"not_found","message":"No integration with id \"x\"."}`},
		{"wrapped coded error keeps its field", wrapped, `{"code":"invalid","message":"Name is required.","field":"name"}`},
		{"driver error is hidden", errors.New("sqlite: disk I/O error at /home/ann/.config"), `{"code":"internal","message":"Something went wrong inside Integration Studio. The details are in the log file."}`},
	}
	for _, tt := range tests {
		got, _ := json.Marshal(apperr.Public(tt.err))
		if string(got) != tt.want {
			t.Errorf("%s: Public = %s, want %s", tt.name, got, tt.want)
		}
	}
	if apperr.Public(nil) != nil || apperr.Code(nil) != "" {
		t.Error("nil must stay nil")
	}
}

func TestWrapKeepsCauseForErrorsIs(t *testing.T) {
	cause := errors.New("EACCES")
	err := apperr.Wrap(cause, apperr.Unavailable, "Cannot create the data directory.")
	if !errors.Is(err, cause) || apperr.Code(err) != apperr.Unavailable {
		t.Errorf("Wrap lost its cause or code: %v", err)
	}
}
