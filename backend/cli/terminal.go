package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"

	"golang.org/x/term"
)

// TerminalSecrets is Deps.ReadSecret for a real terminal: it prompts on
// prompts and reads one line from in without echo. It returns nil when in
// is not a terminal, so that a script's piped input is never taken for a
// typed secret.
func TerminalSecrets(in *os.File, prompts io.Writer) func(prompt string) (string, error) {
	fd := int(in.Fd())
	if !term.IsTerminal(fd) {
		return nil
	}
	return func(prompt string) (string, error) {
		state, err := term.GetState(fd)
		if err != nil {
			return "", err
		}
		fmt.Fprint(prompts, prompt)
		// Ctrl-C while echo is off would leave the shell without echo:
		// restore the terminal before dying of the interrupt.
		interrupted := make(chan os.Signal, 1)
		signal.Notify(interrupted, os.Interrupt)
		done := make(chan struct{})
		go func() {
			select {
			case <-interrupted:
				_ = term.Restore(fd, state)
				fmt.Fprintln(prompts)
				os.Exit(130)
			case <-done:
			}
		}()
		b, err := term.ReadPassword(fd)
		close(done)
		signal.Stop(interrupted)
		fmt.Fprintln(prompts)
		return string(b), err
	}
}
