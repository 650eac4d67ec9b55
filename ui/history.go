package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// historyModel is the history screen. TEMPORARY: being written; replace this file.
type historyModel struct {
	ctx           *context
	width, height int
}

func newHistory(ctx *context) *historyModel { return &historyModel{ctx: ctx} }

func (m *historyModel) enter() tea.Cmd             { return nil }
func (m *historyModel) update(msg tea.Msg) tea.Cmd { return nil }
func (m *historyModel) view() string               { return "history" }
func (m *historyModel) setSize(w, h int)           { m.width, m.height = w, h }
func (m *historyModel) typing() bool               { return false }
func (m *historyModel) ShortHelp() []key.Binding   { return nil }
func (m *historyModel) FullHelp() [][]key.Binding  { return nil }
