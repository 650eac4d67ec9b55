package cli

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cooldown/interchange"
)

type exportOptions struct {
	format, out string
}

// newExportCmd is `cooldown export`.
func newExportCmd(e *env) *cobra.Command {
	var o *exportOptions
	c := &cobra.Command{
		Use:     "export [--format json|csv] [-o FILE]",
		Short:   "write every day and the settings to stdout or a file",
		Example: "  cooldown export -o ~/cooldown-backup.json",
		Args: func(_ *cobra.Command, pos []string) error {
			if len(pos) > 0 {
				return usageErr("export: unexpected argument %q (write to a file with -o FILE)", pos[0])
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              func(*cobra.Command, []string) error { return runExport(e, o) },
	}
	o = exportFlags(c.Flags())
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(exportFormats, cobra.ShellCompDirectiveNoFileComp))
	c.MarkFlagFilename("output")
	return c
}

// exportFormats are the values of export's --format.
var exportFormats = []string{"json", "csv"}

func exportFlags(fs *pflag.FlagSet) *exportOptions {
	o := &exportOptions{}
	fs.StringVar(&o.format, "format", "json", "the file `FORMAT`: json or csv")
	fs.StringVarP(&o.out, "output", "o", "", "write to `FILE` instead of stdout (see below)")
	return o
}

// runExport writes the export the options ask for.
func runExport(e *env, o *exportOptions) error {
	var write func(io.Writer, interchange.Export) error
	switch o.format {
	case "json":
		write = interchange.WriteJSON
	case "csv":
		write = interchange.WriteCSV
	default:
		return usageErr("export: invalid --format %q; allowed json or csv", o.format)
	}
	// Check where the export goes before reading anything (export_dest.go).
	dest, err := resolveDest(o.out, e.dbPath, destOptions{})
	if err != nil {
		return err
	}
	snap, err := readSnapshot(e)
	if err != nil {
		return storeErr(e.dbPath, err)
	}
	var b bytes.Buffer
	if err := write(&b, interchange.Export{ExportedAt: e.now(), Settings: snap.Settings, Days: snap.Days}); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if len(snap.Damaged) > 0 {
		// A partial export never replaces a file: it goes beside it.
		dest.opts.besideTag = "partial"
	}
	if err := dest.write(e, b.Bytes(), e.sig); err != nil {
		return err
	}
	if len(snap.Damaged) == 0 {
		return nil
	}
	consequence := "the export holds the readable days only"
	if dest.written != "" {
		consequence += ", written to " + msgText(dest.written)
		if dest.written != dest.target {
			consequence += " (" + msgText(dest.target) + " exists and was left as it was)"
		}
	}
	return damagedErr(e, snap.Damaged, consequence)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
