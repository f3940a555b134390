package main

import (
	"integrationstudio/backend/configuration"
)

// Bound methods of an integration's Configurations tab. The sign-in URL
// reaches the window as the configuration.EventSignInStarted event while
// AuthenticateConfiguration waits for the browser.

func (a *App) ListConfigurations(integrationID string) ([]configuration.Configuration, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.configurations.List(a.ctx, integrationID)
}

func (a *App) CreateConfiguration(integrationID string, in configuration.Input) (configuration.Configuration, error) {
	if err := a.ready(); err != nil {
		return configuration.Configuration{}, err
	}
	return a.svc.configurations.Create(a.ctx, integrationID, in)
}

func (a *App) UpdateConfiguration(integrationID, id string, in configuration.Input) (configuration.Configuration, error) {
	if err := a.ready(); err != nil {
		return configuration.Configuration{}, err
	}
	return a.svc.configurations.Update(a.ctx, integrationID, id, in)
}

func (a *App) DeleteConfiguration(integrationID, id string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.configurations.Delete(a.ctx, integrationID, id)
}

func (a *App) DeleteIntegration(integrationID string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.configurations.DeleteIntegration(a.ctx, integrationID)
}

// AuthenticateConfiguration signs in (browser, up to 5 minutes) or fetches
// a client-credentials token.
func (a *App) AuthenticateConfiguration(integrationID, id string) (configuration.Configuration, error) {
	if err := a.ready(); err != nil {
		return configuration.Configuration{}, err
	}
	return a.svc.configurations.Login(a.ctx, integrationID, id, configuration.LoginOptions{
		Started: func(s configuration.SignInStarted) { wailsEmitter{a}.Emit(configuration.EventSignInStarted, s) },
	})
}

func (a *App) CancelConfigurationSignIn(id string) (bool, error) {
	if err := a.ready(); err != nil {
		return false, err
	}
	return a.svc.configurations.CancelSignIn(id), nil
}

func (a *App) SubmitConfigurationSignInCode(id, pasted string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.configurations.SubmitSignInCode(id, pasted)
}

func (a *App) SignOutConfiguration(integrationID, id string) (configuration.Configuration, error) {
	if err := a.ready(); err != nil {
		return configuration.Configuration{}, err
	}
	return a.svc.configurations.Logout(a.ctx, integrationID, id)
}

func (a *App) TrustConfigurationOrigin(integrationID, id string) (configuration.Configuration, error) {
	if err := a.ready(); err != nil {
		return configuration.Configuration{}, err
	}
	return a.svc.configurations.Trust(a.ctx, integrationID, id)
}

func (a *App) TestConfigurationConnection(integrationID, id, actionID string) (configuration.ConnectionResult, error) {
	if err := a.ready(); err != nil {
		return configuration.ConnectionResult{}, err
	}
	return a.svc.configurations.TestConnection(a.ctx, integrationID, id, actionID)
}

// ConfigurationSecretFields lists the secrets a configuration of this
// integration asks for.
func (a *App) ConfigurationSecretFields(integrationID string) ([]string, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.configurations.SecretFields(a.ctx, integrationID)
}
