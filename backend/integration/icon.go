package integration

import (
	"context"

	"integrationstudio/backend/icon"
)

// IconUpdate is the integration after SetIcon and what sanitising removed
// from the file (shown so the user knows why it may look different).
type IconUpdate struct {
	Integration Integration `json:"integration"`
	Removed     []string    `json:"removed"`
}

// SetIcon stores data, an SVG file, sanitised (icon.Sanitize); empty data
// removes the icon. Other formats are refused with a message naming them.
func (s *Service) SetIcon(ctx context.Context, id string, data []byte) (IconUpdate, error) {
	svg, removed := "", []string{}
	if len(data) > 0 {
		res, err := icon.Sanitize(data)
		if err != nil {
			return IconUpdate{}, err
		}
		svg, removed = res.SVG, res.Removed
	}
	it, err := s.update(ctx, id, func(Integration) error { return nil }, `icon_svg = ?`, svg)
	if err != nil {
		return IconUpdate{}, err
	}
	return IconUpdate{Integration: it, Removed: removed}, nil
}
