package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// streakModel is the streak screen. TEMPORARY: being written; replace this file.
type streakModel struct {
	ctx           *context
	width, height int
}

func newStreak(ctx *context) *streakModel { return &streakModel{ctx: ctx} }

func (m *streakModel) enter() tea.Cmd             { return nil }
func (m *streakModel) update(msg tea.Msg) tea.Cmd { return nil }
func (m *streakModel) view() string               { return "streak" }
func (m *streakModel) setSize(w, h int)           { m.width, m.height = w, h }
func (m *streakModel) typing() bool               { return false }
func (m *streakModel) ShortHelp() []key.Binding   { return nil }
func (m *streakModel) FullHelp() [][]key.Binding  { return nil }
