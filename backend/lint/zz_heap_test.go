package lint_test

import (
	"context"
	"fmt"
	"integrationstudio/backend/lint"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

func TestHeap(t *testing.T) {
	if os.Getenv("DBG_SPEC") == "" {
		t.Skip()
	}
	res := importFile(t, os.Getenv("DBG_SPEC"))
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("after import", m.HeapInuse>>20)
	f, _ := os.Create("/tmp/heap1.prof")
	pprof.WriteHeapProfile(f)
	f.Close()
	rep, err := lint.Run(context.Background(), res, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println("after lint", m.HeapInuse>>20, len(rep.Findings))
	f, _ = os.Create("/tmp/heap2.prof")
	pprof.WriteHeapProfile(f)
	f.Close()
	runtime.KeepAlive(res)
}
