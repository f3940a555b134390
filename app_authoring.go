package main

import (
	"integrationstudio/backend/integration"
)

// Bound methods of the integration editor (authoring): thin, each one
// backend call; errors reach the UI through the ErrorFormatter.

func (a *App) GetIntegration(id string) (integration.Integration, error) {
	if err := a.ready(); err != nil {
		return integration.Integration{}, err
	}
	return a.svc.integrations.Get(a.ctx, id)
}

func (a *App) SetIntegrationHostname(id, hostname string) (integration.Integration, error) {
	if err := a.ready(); err != nil {
		return integration.Integration{}, err
	}
	return a.svc.integrations.SetHostname(a.ctx, id, hostname)
}

func (a *App) FinalizeIntegration(id string) (integration.Integration, error) {
	if err := a.ready(); err != nil {
		return integration.Integration{}, err
	}
	return a.svc.integrations.Finalize(a.ctx, id)
}

func (a *App) SetIntegrationStatus(id string, status integration.Status) (integration.Integration, error) {
	if err := a.ready(); err != nil {
		return integration.Integration{}, err
	}
	return a.svc.integrations.SetStatus(a.ctx, id, status)
}

func (a *App) PreviewActionRename(id string, r integration.Rename) ([]integration.RenameChange, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.PreviewRename(a.ctx, id, r)
}

func (a *App) ApplyActionRename(id string, r integration.Rename) ([]integration.RenameChange, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.ApplyRename(a.ctx, id, r)
}

func (a *App) UndoActionRename(id string, changes []integration.RenameChange) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.integrations.UndoRename(a.ctx, id, changes)
}

// UpdateIntegration stores the editor's form, validated as a whole.
func (a *App) UpdateIntegration(id string, form integration.EditForm) (integration.Integration, error) {
	if err := a.ready(); err != nil {
		return integration.Integration{}, err
	}
	return a.svc.integrations.Update(a.ctx, id, form)
}
