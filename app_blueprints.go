package main

import (
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/playbook"
)

// Bound methods of the Blueprints and Playbooks pages.

func (a *App) ListBlueprints() ([]blueprint.Blueprint, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.blueprints.List(a.ctx)
}

func (a *App) CreateBlueprint(in blueprint.Input) (blueprint.Blueprint, error) {
	if err := a.ready(); err != nil {
		return blueprint.Blueprint{}, err
	}
	return a.svc.blueprints.Create(a.ctx, in)
}

func (a *App) UpdateBlueprint(id string, in blueprint.Input) (blueprint.Blueprint, error) {
	if err := a.ready(); err != nil {
		return blueprint.Blueprint{}, err
	}
	return a.svc.blueprints.Update(a.ctx, id, in)
}

func (a *App) DeleteBlueprint(id string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.blueprints.Delete(a.ctx, id, a.svc.playbooks.UsingBlueprint)
}

// ProposeBlueprint drafts a blueprint from an action's response items;
// nothing is stored until CreateBlueprint.
func (a *App) ProposeBlueprint(integrationID, actionID string) (blueprint.Proposal, error) {
	if err := a.ready(); err != nil {
		return blueprint.Proposal{}, err
	}
	return a.svc.blueprints.ProposeFrom(a.ctx, a.svc.integrations, integrationID, actionID)
}

func (a *App) ListPlaybooks() ([]playbook.Playbook, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.playbooks.List(a.ctx)
}

func (a *App) CreatePlaybook(in playbook.Input) (playbook.Playbook, error) {
	if err := a.ready(); err != nil {
		return playbook.Playbook{}, err
	}
	return a.svc.playbooks.Create(a.ctx, in)
}

func (a *App) UpdatePlaybook(id string, in playbook.Input) (playbook.Playbook, error) {
	if err := a.ready(); err != nil {
		return playbook.Playbook{}, err
	}
	return a.svc.playbooks.Update(a.ctx, id, in)
}

func (a *App) SetPlaybookEnabled(id string, on bool) (playbook.Playbook, error) {
	if err := a.ready(); err != nil {
		return playbook.Playbook{}, err
	}
	return a.svc.playbooks.SetEnabled(a.ctx, id, on)
}

func (a *App) DeletePlaybook(id string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.playbooks.Delete(a.ctx, id)
}

func (a *App) RunPlaybook(id string) (playbook.Result, error) {
	if err := a.ready(); err != nil {
		return playbook.Result{}, err
	}
	return a.svc.playbooks.Run(a.ctx, id)
}

func (a *App) PreviewPlaybook(in playbook.Input) (playbook.Result, error) {
	if err := a.ready(); err != nil {
		return playbook.Result{}, err
	}
	return a.svc.playbooks.Preview(a.ctx, in)
}

func (a *App) ListPlaybookRuns(id string) ([]playbook.Result, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.playbooks.Runs(a.ctx, id)
}
