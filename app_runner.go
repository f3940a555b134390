package main

import (
	"integrationstudio/backend/runner"
)

// Bound methods of an action's Test panel. Pages arrive as
// runner.EventPage events while RunAction waits for the whole run.

func (a *App) RunAction(r runner.Request) (runner.Run, error) {
	if err := a.ready(); err != nil {
		return runner.Run{}, err
	}
	return a.runner.Run(a.ctx, r)
}

func (a *App) CancelRun(runID string) (bool, error) {
	if err := a.ready(); err != nil {
		return false, err
	}
	return a.runner.Cancel(runID), nil
}

func (a *App) ListRuns(integrationID, actionID string) ([]runner.RunSummary, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.runner.History(a.ctx, integrationID, actionID)
}

func (a *App) GetRun(integrationID, runID string) (runner.Run, error) {
	if err := a.ready(); err != nil {
		return runner.Run{}, err
	}
	return a.runner.GetRun(a.ctx, integrationID, runID)
}
