package main

import (
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
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

func (a *App) ListActions(id string, q integration.ActionQuery) (integration.ActionPage, error) {
	if err := a.ready(); err != nil {
		return integration.ActionPage{}, err
	}
	return a.svc.integrations.ListActions(a.ctx, id, q)
}

func (a *App) AddAction(id string) (integration.Action, error) {
	if err := a.ready(); err != nil {
		return integration.Action{}, err
	}
	return a.svc.integrations.AddAction(a.ctx, id)
}

func (a *App) UpdateAction(id string, action integration.Action) (integration.Action, error) {
	if err := a.ready(); err != nil {
		return integration.Action{}, err
	}
	return a.svc.integrations.UpdateAction(a.ctx, id, action)
}

// DeleteActions returns the deleted actions: RestoreActions takes them for undo.
func (a *App) DeleteActions(id string, actionIDs []string) ([]integration.Action, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.DeleteActions(a.ctx, id, actionIDs)
}

func (a *App) RestoreActions(id string, actions []integration.Action) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.integrations.RestoreActions(a.ctx, id, actions)
}

func (a *App) OrgMappingAvailable(id string) (bool, error) {
	if err := a.ready(); err != nil {
		return false, err
	}
	return a.svc.integrations.OrgMappingAvailable(a.ctx, id)
}

func (a *App) GetOrgMapping(id string) (*integration.OrgMapping, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.GetOrgMapping(a.ctx, id)
}

func (a *App) SetOrgMapping(id string, m integration.OrgMapping) (*integration.OrgMapping, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.SetOrgMapping(a.ctx, id, m)
}

// SetIntegrationIcon stores svg (the file's text) sanitised; "" removes the icon.
func (a *App) SetIntegrationIcon(id, svg string) (integration.IconUpdate, error) {
	if err := a.ready(); err != nil {
		return integration.IconUpdate{}, err
	}
	return a.svc.integrations.SetIcon(a.ctx, id, []byte(svg))
}

// AuthChoice is one entry of the Auth method step with its guidance.
type AuthChoice struct {
	auth.Choice
	Advice auth.Advice `json:"advice"`
}

// AuthMethods lists the Auth method step's choices, each with the seed's
// "choose this if" guidance, and the warning the defaults step shows.
func (a *App) AuthMethods() ([]AuthChoice, error) {
	var out []AuthChoice
	for _, c := range auth.Methods() {
		advice, _ := auth.Guidance(c.Method, c.GrantType)
		out = append(out, AuthChoice{Choice: c, Advice: advice})
	}
	return out, nil
}

// AuthDefaultsFor is the prefilled defaults for a method (and OAuth grant).
func (a *App) AuthDefaultsFor(method auth.Method, grant auth.GrantType) (auth.Defaults, error) {
	return auth.DefaultsFor(method, grant), nil
}

// PaginationTypes lists the Pagination type step's choices with guidance.
func (a *App) PaginationTypes() ([]paginate.TypeOption, error) { return paginate.Types(), nil }

// PaginationFields lists the details a pagination type asks for, in form order.
func (a *App) PaginationFields(t paginate.Type, loc paginate.LinkLocation) ([]paginate.Field, error) {
	return paginate.Fields(t, loc), nil
}

// GetEditorDraft is the editor's unsaved work on id, or null.
func (a *App) GetEditorDraft(id string) (*integration.Draft, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.GetDraft(a.ctx, id)
}

// SaveEditorDraft autosaves the editor's step and form, unvalidated.
func (a *App) SaveEditorDraft(id, step string, form integration.EditForm) (integration.Draft, error) {
	if err := a.ready(); err != nil {
		return integration.Draft{}, err
	}
	return a.svc.integrations.SaveDraft(a.ctx, id, step, form)
}

func (a *App) DiscardEditorDraft(id string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.integrations.DiscardDraft(a.ctx, id)
}

// CheckEditForm lists every problem with form, each naming its field, for
// live validation with the messages saving would give.
func (a *App) CheckEditForm(form integration.EditForm) ([]*apperr.Error, error) {
	problems := integration.CheckForm(form)
	if problems == nil {
		problems = []*apperr.Error{}
	}
	return problems, nil
}

// IntegrationSuggestions are the spec's suggestions for the editor's form.
func (a *App) IntegrationSuggestions(id string) (integration.FormSuggestions, error) {
	if err := a.ready(); err != nil {
		return integration.FormSuggestions{}, err
	}
	return a.svc.integrations.Suggestions(a.ctx, id)
}

// AuthSharedWarning is the warning above the auth defaults: they are shared.
func (a *App) AuthSharedWarning() (string, error) { return auth.SharedWarning, nil }

// OAuth2Guidance is the seed's general OAuth 2.0 advice, shown above the
// two grant choices.
func (a *App) OAuth2Guidance() (auth.Advice, error) {
	advice, _ := auth.Guidance(auth.MethodOAuth2, "")
	return advice, nil
}
