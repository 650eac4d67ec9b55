package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// guideModel is the guide screen. TEMPORARY: being written; replace this file.
type guideModel struct {
	ctx           *context
	width, height int
}

func newGuide(ctx *context) *guideModel { return &guideModel{ctx: ctx} }

func (m *guideModel) enter() tea.Cmd             { return nil }
func (m *guideModel) update(msg tea.Msg) tea.Cmd { return nil }
func (m *guideModel) view() string               { return "guide" }
func (m *guideModel) setSize(w, h int)           { m.width, m.height = w, h }
func (m *guideModel) typing() bool               { return false }
func (m *guideModel) ShortHelp() []key.Binding   { return nil }
func (m *guideModel) FullHelp() [][]key.Binding  { return nil }
