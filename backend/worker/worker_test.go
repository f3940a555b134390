package worker_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/worker"
)

// The test binary doubles as the worker: the child is os.Args[0] with the
// worker command, exactly as the app runs it.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == worker.Command {
		os.Exit(worker.Serve(os.Stdin, os.Stdout))
	}
	os.Exit(m.Run())
}

func child() worker.Child { return worker.Child{Exe: os.Args[0]} }

func TestChildImportsWithProgressLikeInProcess(t *testing.T) {
	req := worker.ImportRequest{Path: "../spec/testdata/helpdesk.swagger.yaml"}
	var stages []string
	got, err := child().Import(context.Background(), req, func(p worker.Progress) { stages = append(stages, p.Stage) })
	if err != nil {
		t.Fatal(err)
	}
	want, err := worker.InProcess{}.Import(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "helpdesk.swagger.yaml" || !got.Converted || len(got.Actions) != len(want.Actions) || string(got.Document) != string(want.Document) {
		t.Errorf("child result differs from in-process: %s %v %d/%d", got.Name, got.Converted, len(got.Actions), len(want.Actions))
	}
	if strings.Join(stages, ",") != "read,parse,lint,actions" {
		t.Errorf("stages = %v", stages)
	}
}

func TestChildErrorsKeepTheirCodeAndMessage(t *testing.T) {
	_, err := child().Import(context.Background(), worker.ImportRequest{Name: "notes.txt", Data: []byte("just words")}, nil)
	if apperr.Code(err) != apperr.Invalid || !strings.Contains(err.Error(), "notes.txt, line 1") {
		t.Errorf("err = %v (%s)", err, apperr.Code(err))
	}
}

func TestChildIsStoppedAtItsTimeout(t *testing.T) {
	c := child()
	c.Timeout = time.Millisecond
	start := time.Now()
	_, err := c.Import(context.Background(), worker.ImportRequest{Path: "../spec/testdata/stripe.yaml"}, nil)
	if err == nil || !strings.Contains(err.Error(), "took longer than") || !strings.Contains(err.Error(), "nothing was stored") {
		t.Errorf("err = %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("the timeout took %v to take effect", time.Since(start))
	}
}

func TestChildIsStoppedAtItsMemoryCap(t *testing.T) {
	c := child()
	c.MemoryLimit = 4 << 20 // the heap of a 4.5 MB spec passes 8 MB quickly
	_, err := c.Import(context.Background(), worker.ImportRequest{Path: "../spec/testdata/stripe.yaml"}, nil)
	if err == nil || !strings.Contains(err.Error(), "of memory") {
		t.Errorf("err = %v", err)
	}
}

func TestFixThroughTheChild(t *testing.T) {
	imp, err := child().Import(context.Background(), worker.ImportRequest{Path: "../fix/testdata/rewst-troubleshooting.json", SkipVacuum: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := child().Fix(context.Background(), worker.FixRequest{Name: "rewst.json", Document: imp.Document}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Counts.Errors == 0 || fixed.Counts.Errors != 0 || len(fixed.Changes) == 0 {
		t.Errorf("before %+v after %+v, %d changes", imp.Counts, fixed.Counts, len(fixed.Changes))
	}
}
