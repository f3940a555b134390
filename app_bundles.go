package main

import (
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/bundle"
)

// Bound methods for sharing integrations as bundles. The save and open
// dialogs go through a.dialogs (native ones in the app).

// BundleExport reports where a bundle was written; Cancelled when the
// user closed the save dialog.
type BundleExport struct {
	Path      string `json:"path"`
	Bytes     int    `json:"bytes"`
	Signed    bool   `json:"signed"`
	Cancelled bool   `json:"cancelled"`
}

func (a *App) ExportBundle(integrationID string, sign bool) (BundleExport, error) {
	if err := a.ready(); err != nil {
		return BundleExport{}, err
	}
	exp, err := a.svc.bundles.Export(a.ctx, integrationID, bundle.ExportOptions{Sign: sign})
	if err != nil {
		return BundleExport{}, err
	}
	path, err := a.dialogs.SaveFile("Export bundle", exp.FileName, "Integration Studio bundles (*"+bundle.Extension+")", "*"+bundle.Extension)
	if err != nil || path == "" {
		return BundleExport{Cancelled: path == ""}, err
	}
	if err := bundle.WriteFile(path, exp.Data); err != nil {
		return BundleExport{}, apperr.Wrap(err, apperr.Invalid, "The bundle could not be written to %s: %v", path, err)
	}
	return BundleExport{Path: path, Bytes: len(exp.Data), Signed: sign}, nil
}

// PickBundleFile asks for a bundle to import; "" when cancelled.
func (a *App) PickBundleFile() (string, error) {
	return a.dialogs.OpenFile("Import a bundle", "Integration Studio bundles (*"+bundle.Extension+")", "*"+bundle.Extension)
}

func (a *App) InspectBundleFile(path string) (bundle.Preview, error) {
	if err := a.ready(); err != nil {
		return bundle.Preview{}, err
	}
	data, err := bundle.ReadFile(path)
	if err != nil {
		return bundle.Preview{}, err
	}
	return a.svc.bundles.Inspect(a.ctx, data)
}

func (a *App) ImportBundleFile(path string, onConflict bundle.OnConflict) (bundle.Imported, error) {
	if err := a.ready(); err != nil {
		return bundle.Imported{}, err
	}
	data, err := bundle.ReadFile(path)
	if err != nil {
		return bundle.Imported{}, err
	}
	return a.svc.bundles.Import(a.ctx, data, onConflict)
}
