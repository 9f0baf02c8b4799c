package cli

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/internal/workbench"
)

func newServeCmd(s Streams) *cobra.Command {
	var db, addr string
	cmd := &cobra.Command{
		Use:   "serve [--db FILE] [--addr 127.0.0.1:8080]",
		Short: "Serve the local web workbench over a store",
		Long: `Serve runs the workbench over the store that index wrote: search with filters
and facets, documents with their directives highlighted, entities on a
timeline, comparisons and trends, each page with a JSON twin under /api/.
It binds to 127.0.0.1 unless told otherwise; pages load nothing from the
network. An interrupt (Ctrl-C) shuts it down cleanly.`,
		Example: `  policylens serve
  policylens serve --db gwr.db --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd.Context(), s, db, addr) },
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	return cmd
}

func runServe(ctx context.Context, s Streams, db, addr string) error {
	st, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := analyze.New(analyze.WithExtractors()) // words and IDF for comparisons
	if err != nil {
		return err
	}
	logger := log.New(s.Err, "", log.LstdFlags)
	wb, err := workbench.New(st, compare.Options{Terms: a.Terms, IDF: a.IDF}, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if host, _, _ := net.SplitHostPort(addr); !isLoopback(host) {
		fmt.Fprintf(s.Err, "policylens: warning: %s is reachable from other machines; the workbench has no login\n", addr)
	}
	srv := &http.Server{Handler: wb, ReadHeaderTimeout: 10 * time.Second, ErrorLog: logger}
	fmt.Fprintf(s.Out, "policylens workbench on http://%s/ (store %s); Ctrl-C stops it\n", ln.Addr(), db)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	fmt.Fprintln(s.Err, "policylens: workbench stopped")
	return nil // an interrupt is how a server is meant to stop
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
