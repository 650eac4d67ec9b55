package styles

import "github.com/alecthomas/chroma/v2"

// Present for backwards compatibility. They are set when the embedded
// styles load (the first Get, Names or Load), not at package
// initialisation: call Load before reading them.
//
// Deprecated: use styles.Get(name) instead.
var (
	Abap                *chroma.Style
	Algol               *chroma.Style
	AlgolNu             *chroma.Style
	Arduino             *chroma.Style
	Autumn              *chroma.Style
	Average             *chroma.Style
	Base16Snazzy        *chroma.Style
	Borland             *chroma.Style
	BlackWhite          *chroma.Style
	CatppuccinFrappe    *chroma.Style
	CatppuccinLatte     *chroma.Style
	CatppuccinMacchiato *chroma.Style
	CatppuccinMocha     *chroma.Style
	Colorful            *chroma.Style
	DoomOne             *chroma.Style
	DoomOne2            *chroma.Style
	Dracula             *chroma.Style
	Emacs               *chroma.Style
	Friendly            *chroma.Style
	Fruity              *chroma.Style
	GitHubDark          *chroma.Style
	GitHub              *chroma.Style
	GruvboxLight        *chroma.Style
	Gruvbox             *chroma.Style
	HrDark              *chroma.Style
	HrHighContrast      *chroma.Style
	Igor                *chroma.Style
	Lovelace            *chroma.Style
	Manni               *chroma.Style
	ModusOperandi       *chroma.Style
	ModusVivendi        *chroma.Style
	Monokai             *chroma.Style
	MonokaiLight        *chroma.Style
	Murphy              *chroma.Style
	Native              *chroma.Style
	Nord                *chroma.Style
	OnesEnterprise      *chroma.Style
	ParaisoDark         *chroma.Style
	ParaisoLight        *chroma.Style
	Pastie              *chroma.Style
	Perldoc             *chroma.Style
	Pygments            *chroma.Style
	RainbowDash         *chroma.Style
	RosePineDawn        *chroma.Style
	RosePineMoon        *chroma.Style
	RosePine            *chroma.Style
	Rrt                 *chroma.Style
	SolarizedDark       *chroma.Style
	SolarizedDark256    *chroma.Style
	SolarizedLight      *chroma.Style
	SwapOff             *chroma.Style
	Tango               *chroma.Style
	Trac                *chroma.Style
	Vim                 *chroma.Style
	VisualStudio        *chroma.Style
	Vulcan              *chroma.Style
	WitchHazel          *chroma.Style
	XcodeDark           *chroma.Style
	Xcode               *chroma.Style
)

// setCompat points the deprecated variables at the loaded styles.
func setCompat(embedded map[string]*chroma.Style) {
	Abap = embedded["abap"]
	Algol = embedded["algol"]
	AlgolNu = embedded["algol_nu"]
	Arduino = embedded["arduino"]
	Autumn = embedded["autumn"]
	Average = embedded["average"]
	Base16Snazzy = embedded["base16-snazzy"]
	Borland = embedded["borland"]
	BlackWhite = embedded["bw"]
	CatppuccinFrappe = embedded["catppuccin-frappe"]
	CatppuccinLatte = embedded["catppuccin-latte"]
	CatppuccinMacchiato = embedded["catppuccin-macchiato"]
	CatppuccinMocha = embedded["catppuccin-mocha"]
	Colorful = embedded["colorful"]
	DoomOne = embedded["doom-one"]
	DoomOne2 = embedded["doom-one2"]
	Dracula = embedded["dracula"]
	Emacs = embedded["emacs"]
	Friendly = embedded["friendly"]
	Fruity = embedded["fruity"]
	GitHubDark = embedded["github-dark"]
	GitHub = embedded["github"]
	GruvboxLight = embedded["gruvbox-light"]
	Gruvbox = embedded["gruvbox"]
	HrDark = embedded["hrdark"]
	HrHighContrast = embedded["hr_high_contrast"]
	Igor = embedded["igor"]
	Lovelace = embedded["lovelace"]
	Manni = embedded["manni"]
	ModusOperandi = embedded["modus-operandi"]
	ModusVivendi = embedded["modus-vivendi"]
	Monokai = embedded["monokai"]
	MonokaiLight = embedded["monokailight"]
	Murphy = embedded["murphy"]
	Native = embedded["native"]
	Nord = embedded["nord"]
	OnesEnterprise = embedded["onesenterprise"]
	ParaisoDark = embedded["paraiso-dark"]
	ParaisoLight = embedded["paraiso-light"]
	Pastie = embedded["pastie"]
	Perldoc = embedded["perldoc"]
	Pygments = embedded["pygments"]
	RainbowDash = embedded["rainbow_dash"]
	RosePineDawn = embedded["rose-pine-dawn"]
	RosePineMoon = embedded["rose-pine-moon"]
	RosePine = embedded["rose-pine"]
	Rrt = embedded["rrt"]
	SolarizedDark = embedded["solarized-dark"]
	SolarizedDark256 = embedded["solarized-dark256"]
	SolarizedLight = embedded["solarized-light"]
	SwapOff = embedded["swapoff"]
	Tango = embedded["tango"]
	Trac = embedded["trac"]
	Vim = embedded["vim"]
	VisualStudio = embedded["vs"]
	Vulcan = embedded["vulcan"]
	WitchHazel = embedded["witchhazel"]
	XcodeDark = embedded["xcode-dark"]
	Xcode = embedded["xcode"]
}
