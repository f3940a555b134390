package integration_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
)

func TestSetIcon(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	it, _ := s.Create(ctx, integration.CreateInput{Name: "Iconic", Description: "d"})

	evil := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="red"/></svg>`)
	up, err := s.SetIcon(ctx, it.ID, evil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(up.Integration.IconSVG, "script") || strings.Contains(up.Integration.IconSVG, "onload") ||
		!strings.Contains(up.Integration.IconSVG, "<rect") || len(up.Removed) != 2 {
		t.Errorf("stored %q, removed %v", up.Integration.IconSVG, up.Removed)
	}
	png, err := os.ReadFile("../icon/testdata/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetIcon(ctx, it.ID, png); err == nil || !strings.Contains(err.Error(), "PNG") || err.(*apperr.Error).Field != "icon" {
		t.Errorf("a PNG icon = %v", err)
	}
	if got, _ := s.Get(ctx, it.ID); !strings.Contains(got.IconSVG, "<rect") {
		t.Error("a refused icon replaced the stored one")
	}
	if up, err := s.SetIcon(ctx, it.ID, nil); err != nil || up.Integration.IconSVG != "" {
		t.Errorf("removing the icon = %+v, %v", up.Integration.IconSVG, err)
	}
}
