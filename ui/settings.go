package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// settingsModel is the settings screen. TEMPORARY: being written; replace this file.
type settingsModel struct {
	ctx           *context
	width, height int
}

func newSettings(ctx *context) *settingsModel { return &settingsModel{ctx: ctx} }

func (m *settingsModel) enter() tea.Cmd             { return nil }
func (m *settingsModel) update(msg tea.Msg) tea.Cmd { return nil }
func (m *settingsModel) view() string               { return "settings" }
func (m *settingsModel) setSize(w, h int)           { m.width, m.height = w, h }
func (m *settingsModel) typing() bool               { return false }
func (m *settingsModel) ShortHelp() []key.Binding   { return nil }
func (m *settingsModel) FullHelp() [][]key.Binding  { return nil }
