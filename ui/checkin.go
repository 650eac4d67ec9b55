package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// checkinModel is the checkin screen. TEMPORARY: being written; replace this file.
type checkinModel struct {
	ctx           *context
	width, height int
}

func newCheckin(ctx *context) *checkinModel { return &checkinModel{ctx: ctx} }

func (m *checkinModel) enter() tea.Cmd             { return nil }
func (m *checkinModel) update(msg tea.Msg) tea.Cmd { return nil }
func (m *checkinModel) view() string               { return "checkin" }
func (m *checkinModel) setSize(w, h int)           { m.width, m.height = w, h }
func (m *checkinModel) typing() bool               { return false }
func (m *checkinModel) ShortHelp() []key.Binding   { return nil }
func (m *checkinModel) FullHelp() [][]key.Binding  { return nil }
