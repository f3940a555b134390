package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"integrationstudio/backend/apperr"
)

func serveAPICommand() *command {
	return &command{
		name: "serve-api", summary: "run the local automation API on 127.0.0.1 until interrupted (Ctrl-C)",
		usage: "[--port P]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.IntVar(&inv.port, "port", 0, "the `port` on 127.0.0.1 (default: the one in Settings, 8765 unless changed)")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if len(inv.args) != 0 {
				return inv.cli.usageError("serve-api: takes no arguments")
			}
			if inv.port < 0 || inv.port > 65535 {
				return inv.cli.usageError("serve-api: --port must be 1 to 65535")
			}
			if inv.cli.deps.ServeAPI == nil {
				return inv.fail(apperr.Errorf(apperr.Unavailable, "serve-api: not available in this build."))
			}
			sctx, stop := signal.NotifyContext(ctx, os.Interrupt)
			defer stop()
			err := inv.cli.deps.ServeAPI(sctx, inv.dataDir, inv.port, func(addr string) {
				fmt.Fprintf(inv.cli.deps.Stdout, "The local API listens on http://%s (its description: http://%s/openapi.json). Ctrl-C stops it.\n", addr, addr)
			})
			if err != nil {
				return inv.fail(err)
			}
			return ExitOK
		},
	}
}
