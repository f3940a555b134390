package main

import (
	"context"
	"log/slog"
	"time"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/localapi"
	"integrationstudio/backend/webhook"
)

// Bound methods of the API tokens and Webhooks pages, and the local API's
// life cycle (it follows Settings).

func (a *App) ListAPITokens() ([]apitoken.Token, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.apiTokens.List(a.ctx)
}

// CreateAPIToken returns the token's value: the only time it is shown.
func (a *App) CreateAPIToken(name string) (apitoken.Created, error) {
	if err := a.ready(); err != nil {
		return apitoken.Created{}, err
	}
	return a.svc.apiTokens.Create(a.ctx, name)
}

func (a *App) RevokeAPIToken(nameOrID string) (apitoken.Token, error) {
	if err := a.ready(); err != nil {
		return apitoken.Token{}, err
	}
	return a.svc.apiTokens.Revoke(a.ctx, nameOrID)
}

func (a *App) WebhookEvents() ([]string, error) { return webhook.Events(), nil }

func (a *App) ListWebhooks() ([]webhook.Webhook, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.webhooks.List(a.ctx)
}

func (a *App) CreateWebhook(in webhook.Input) (webhook.Created, error) {
	if err := a.ready(); err != nil {
		return webhook.Created{}, err
	}
	return a.svc.webhooks.Create(a.ctx, in)
}

func (a *App) DeleteWebhook(id string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.webhooks.Delete(a.ctx, id)
}

func (a *App) TestWebhook(id string) (webhook.Attempt, error) {
	if err := a.ready(); err != nil {
		return webhook.Attempt{}, err
	}
	return a.svc.webhooks.Test(a.ctx, id)
}

func (a *App) ListWebhookDeliveries(id string) ([]webhook.Delivery, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.webhooks.Deliveries(a.ctx, id)
}

func (a *App) RedeliverWebhook(deliveryID string) error {
	if err := a.ready(); err != nil {
		return err
	}
	return a.svc.webhooks.Redeliver(a.ctx, deliveryID)
}

// LocalAPIStatus says whether the local API runs and where, or why not.
type LocalAPIStatus struct {
	Running bool   `json:"running"`
	Address string `json:"address,omitempty"`
	Problem string `json:"problem,omitempty"`
}

func (a *App) GetLocalAPIStatus() (LocalAPIStatus, error) {
	a.localAPIMu.Lock()
	defer a.localAPIMu.Unlock()
	return a.localAPIStatus, nil
}

// applyLocalAPI starts, restarts or stops the local API as Settings say.
func (a *App) applyLocalAPI() {
	a.localAPIMu.Lock()
	defer a.localAPIMu.Unlock()
	if a.localAPI != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		_ = a.localAPI.Shutdown(ctx)
		cancel()
		a.localAPI = nil
	}
	a.localAPIStatus = LocalAPIStatus{}
	st, err := a.svc.settings.Get(a.ctx)
	if err != nil || st.LocalAPIEnabled == nil || !*st.LocalAPIEnabled {
		return
	}
	srv, err := localapi.Listen(a.svc.localAPIDeps(a.runner), st.LocalAPIPort)
	if err != nil {
		a.localAPIStatus.Problem = apperr.Public(err).Message
		a.log.Warn("local API", slog.String("reason", a.localAPIStatus.Problem))
		return
	}
	a.localAPI = srv
	a.localAPIStatus = LocalAPIStatus{Running: true, Address: "http://" + srv.Addr()}
	go func() {
		if err := srv.Serve(); err != nil {
			a.log.Warn("local API stopped", slog.String("reason", err.Error()))
		}
	}()
}
