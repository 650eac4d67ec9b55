package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// homeModel is the home screen. TEMPORARY: being written; replace this file.
type homeModel struct {
	ctx           *context
	width, height int
}

func newHome(ctx *context) *homeModel { return &homeModel{ctx: ctx} }

func (m *homeModel) enter() tea.Cmd             { return nil }
func (m *homeModel) update(msg tea.Msg) tea.Cmd { return nil }
func (m *homeModel) view() string               { return "home" }
func (m *homeModel) setSize(w, h int)           { m.width, m.height = w, h }
func (m *homeModel) typing() bool               { return false }
func (m *homeModel) ShortHelp() []key.Binding   { return nil }
func (m *homeModel) FullHelp() [][]key.Binding  { return nil }
