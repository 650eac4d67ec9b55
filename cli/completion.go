package cli

import (
	"github.com/spf13/cobra"

	"cooldown/coach"
	"cooldown/content"
)

// Shell completion. The scripts are cobra's; they ask the binary for the
// candidates (`cooldown __complete ...`), which come from fixed lists
// (the workout kinds, the checklist items, the guide's sections, the
// flags' values): completing never opens the database, since
// newRoot's hook resolves --db only for the commands that use it, and
// never touches the terminal.

// completionShells are the shells `cooldown completion` writes for.
var completionShells = []string{"bash", "zsh", "fish"}

// newCompletionCmd is `cooldown completion bash|zsh|fish`.
func newCompletionCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish",
		Short: "print the shell completion script for bash, zsh or fish",
		Long: `Print the shell completion script for bash, zsh or fish. It completes the
commands, the flags, the workout kinds, the checklist items of --done, the
guide's sections, the values of --format and --style, and file names for
--db, -o and import.

  bash (needs the bash-completion package):
    cooldown completion bash > ~/.local/share/bash-completion/completions/cooldown
  zsh (a folder on $fpath, before compinit runs in ~/.zshrc):
    cooldown completion zsh > "${fpath[1]}/_cooldown"
  fish:
    cooldown completion fish > ~/.config/fish/completions/cooldown.fish`,
		Example:   "  source <(cooldown completion bash)",
		ValidArgs: completionShells,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("completion: want one shell: bash, zsh or fish\nrun `cooldown completion --help` for usage")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			out := c.OutOrStdout()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			}
			return usageErr("completion: no shell %q; allowed bash, zsh or fish", args[0])
		},
	}
}

// completeKinds completes --kind with the workout kinds.
func completeKinds(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, k := range coach.Kinds {
		out = append(out, cobra.CompletionWithDesc(string(k), k.Label()))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeItems completes --done with the checklist items' ids.
func completeItems(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, it := range coach.Items {
		out = append(out, cobra.CompletionWithDesc(string(it.ID), it.Label))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeSections completes guide's SECTION with the section ids.
func completeSections(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, id := range content.IDs() {
		s, _ := content.Lookup(id)
		out = append(out, cobra.CompletionWithDesc(id, s.Title))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeFiles completes the one FILE argument of import and restore
// with file names.
func completeFiles(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveDefault
}
