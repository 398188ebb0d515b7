#!/usr/bin/env bash
# Makes every picture in screenshots/ again, from scratch: the real program in a real terminal
# emulator (xterm under Xvfb), driven by keys as a person would drive it, captured with
# ImageMagick's `import`. Works from any folder on a fresh Debian/Ubuntu machine: it installs
# what it needs with apt-get (only when something is missing) and builds the release binary.
#
#   scripts/screenshots.sh            every picture (about 30 s once built)
#   scripts/screenshots.sh help gif   only the named scenes (see SCENES below)
#
# Environment: SCRATCH_PATH=DIR builds with `swift build --scratch-path DIR` (default: .build).
#
# Why tmux sits inside xterm: xterm draws the pixels, and tmux lets the script send keys and read
# the screen as text, so every capture waits for the state it wants instead of guessing a delay.
# tmux runs with its status line off, so the picture is exactly the program's screen.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/screenshots"

# The terminal every scene uses unless it says otherwise: 120x40 cells fits every pane with room
# for a cost curve; 12 pt DejaVu Sans Mono at 96 dpi gives pictures about 1200 px wide.
COLS=120
ROWS=40
FONT="DejaVu Sans Mono"
FONT_SIZE=12
BACKGROUND="#1c1c1c"
FOREGROUND="#d0d0d0"

# In the order of the pictures' numbers.
SCENES=(first converged inspector gradient-check help too-small monochrome xor-hidden input-plane
    optimizer-race quiz mini-batches overfitting landscape digits draw-a-digit bug-hunt matrix-form gif)
PACKAGES=(xvfb xterm x11-xserver-utils imagemagick fonts-dejavu-core tmux libncurses-dev optipng gifsicle)

say() { echo "screenshots: $*"; }
die() {
    echo "screenshots: error: $*" >&2
    exit 1
}

# --- Setup ---------------------------------------------------------------------------------------

install_packages() {
    local missing=() package
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return
    say "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    local log
    log="$(mktemp)"
    if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
        cat "$log" >&2
        die "apt-get could not install ${missing[*]}"
    fi
    rm -f "$log"
}

# Debian's ImageMagick 6 names its tools convert/import; a 7 may only have `magick`. The full path
# matters: some machines put a different `convert` earlier on PATH.
find_imagemagick() {
    if [ -x /usr/bin/convert ]; then
        CONVERT=(/usr/bin/convert)
    elif command -v magick >/dev/null 2>&1; then
        CONVERT=(magick)
    else
        die "ImageMagick's convert not found"
    fi
    IMPORT=/usr/bin/import
    [ -x "$IMPORT" ] || die "ImageMagick's import not found"
}

build_program() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || die "swift not found (install a Swift toolchain first)"
    local args=(-c release --package-path "$ROOT")
    [ -n "${SCRATCH_PATH:-}" ] && args+=(--scratch-path "$SCRATCH_PATH")
    say "building (swift build ${args[*]})"
    swift build "${args[@]}" || die "swift build failed"
    BIN="$(swift build "${args[@]}" --show-bin-path)/backprop-tui"
    [ -x "$BIN" ] || die "no binary at $BIN"
}

WORK=""
XVFB_PID=""
XTERM_PID=""

cleanup() {
    # Best effort, every step: errexit must not stop the cleanup half-way.
    set +e
    if [ -n "$WORK" ] && [ -S "$WORK/tmux.sock" ]; then
        tmux -S "$WORK/tmux.sock" kill-server 2>/dev/null
    fi
    if [ -n "$XTERM_PID" ]; then kill "$XTERM_PID" 2>/dev/null; fi
    if [ -n "$XVFB_PID" ]; then
        kill "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
    fi
    if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
}

# Xvfb picks a free display itself (-displayfd) so two runs, or a desktop, never collide.
start_display() {
    Xvfb -displayfd 3 -screen 0 2560x1600x24 -dpi 96 -nolisten tcp \
        3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    local tries=0
    until [ -s "$WORK/display" ]; do
        kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb did not start: $(cat "$WORK/xvfb.log")"
        tries=$((tries + 1))
        [ $tries -lt 100 ] || die "Xvfb gave no display number in 10 s"
        sleep 0.1
    done
    DISPLAY=":$(head -n1 "$WORK/display")"
    export DISPLAY
    say "Xvfb on $DISPLAY"
}

write_tmux_config() {
    local inner=tmux-256color
    infocmp "$inner" >/dev/null 2>&1 || inner=screen-256color
    cat >"$WORK/tmux.conf" <<EOF
set -g status off
set -g escape-time 0
set -g default-terminal $inner
EOF
}

# --- One terminal --------------------------------------------------------------------------------

tmx() { tmux -S "$WORK/tmux.sock" "$@"; }

# open COLS ROWS [VAR=value ...] -- [program arguments ...]
# Opens an xterm of COLS x ROWS cells running the program (inside tmux) with those variables.
open_terminal() {
    local cols=$1 rows=$2
    shift 2
    local vars=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        vars+=("$1")
        shift
    done
    [ "${1:-}" = "--" ] && shift
    # printf with no arguments would still print '' once, so the variables go in only if any.
    local command="exec env -u NO_COLOR"
    [ ${#vars[@]} -gt 0 ] && command+=" $(printf '%q ' "${vars[@]}")"
    command+=" $(printf '%q ' "$BIN" "$@")"
    LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
        xterm -geometry "${cols}x${rows}" -fa "$FONT" -fs "$FONT_SIZE" \
        -bg "$BACKGROUND" -fg "$FOREGROUND" +sb -b 6 -bw 0 -tn xterm-256color -T backprop-tui \
        -xrm 'XTerm*cursorBlink: false' \
        -e tmux -S "$WORK/tmux.sock" -f "$WORK/tmux.conf" new-session -s shot "$command" \
        >"$WORK/xterm.log" 2>&1 &
    XTERM_PID=$!
    local tries=0
    until tmx has-session -t shot 2>/dev/null; do
        kill -0 "$XTERM_PID" 2>/dev/null || die "xterm exited: $(cat "$WORK/xterm.log")"
        tries=$((tries + 1))
        [ $tries -lt 100 ] || die "tmux session did not appear in 10 s"
        sleep 0.1
    done
    # xterm hands its window id to its child; tmux keeps it in the session's environment.
    WINDOW="$(tmx show-environment -t shot WINDOWID | cut -d= -f2)"
    [ -n "$WINDOW" ] || die "no xterm window id"
}

screen_text() { tmx capture-pane -p -t shot; }

# wait_for REGEX [SECONDS]: until the screen's text matches (extended regex), or fail loudly.
wait_for() {
    local pattern=$1 limit=${2:-15} tries=0
    until screen_text 2>/dev/null | grep -Eq -- "$pattern"; do
        tries=$((tries + 1))
        if [ $tries -ge $((limit * 10)) ]; then
            echo "--- screen ---" >&2
            screen_text >&2 || true
            die "waited ${limit} s for /$pattern/"
        fi
        sleep 0.1
    done
}

# The step counter from the status bar ("step 123 ...").
current_step() { screen_text | grep -Eo '^ *step [0-9]+' | grep -Eo '[0-9]+' | head -n1 || true; }

keys() { tmx send-keys -t shot "$@"; }

# steps N: presses `s` N times, in chunks so the terminal's input queue never fills.
press_step() {
    local count=$1 chunk
    while [ "$count" -gt 0 ]; do
        chunk=$((count < 50 ? count : 50))
        keys -l "$(printf 's%.0s' $(seq "$chunk"))"
        count=$((count - chunk))
        sleep 0.05
    done
}

# A picture of the window as raw pixels. Retakes it until two in a row agree, so the picture is
# what xterm has finished drawing, not a frame caught halfway.
grab_stable() {
    local target=$1 tries=0
    "$IMPORT" -window "$WINDOW" "ppm:$WORK/a.ppm"
    while :; do
        sleep 0.2
        "$IMPORT" -window "$WINDOW" "ppm:$WORK/b.ppm"
        cmp -s "$WORK/a.ppm" "$WORK/b.ppm" && break
        mv "$WORK/b.ppm" "$WORK/a.ppm"
        tries=$((tries + 1))
        [ $tries -lt 50 ] || die "the window never stopped changing"
    done
    mv "$WORK/a.ppm" "$target"
}

# snap NAME: the window as screenshots/NAME.png, metadata stripped and recompressed.
snap() {
    local name=$1
    # xterm paints a screen that arrived in pieces a few pixels differently (antialiased glyph
    # edges drawn twice); a full expose makes it repaint every cell once from its own buffer, so
    # the same screen gives the same picture on every run and git sees no change.
    xrefresh || die "xrefresh failed"
    grab_stable "$WORK/$name.ppm"
    "${CONVERT[@]}" "$WORK/$name.ppm" -strip "$OUT/$name.png"
    optipng -quiet -o2 "$OUT/$name.png" || die "optipng failed on $name.png"
    say "wrote screenshots/$name.png ($(du -k "$OUT/$name.png" | cut -f1) KB)"
}

# Quits with q (the program must restore the terminal and exit), then makes sure all is gone.
close_terminal() {
    keys q
    local tries=0
    while kill -0 "$XTERM_PID" 2>/dev/null; do
        tries=$((tries + 1))
        [ $tries -lt 50 ] || die "the program did not quit on q within 5 s"
        sleep 0.1
    done
    wait "$XTERM_PID" 2>/dev/null || true
    XTERM_PID=""
    tmx kill-server 2>/dev/null || true
}

# --- Scenes --------------------------------------------------------------------------------------
# Each scene opens a terminal, presses keys, waits for the screen it wants, and snaps it. To change
# what a picture shows, change its keys and the text it waits for.

scene_first() {
    open_terminal "$COLS" "$ROWS" --
    wait_for '^ *step 0 .*paused'
    snap 01-first-screen
    close_terminal
}

# 1000 single steps, exactly as the article's loop: the status bar shows its cost at step 1000.
scene_converged() {
    open_terminal "$COLS" "$ROWS" --
    wait_for '^ *step 0 '
    press_step 1000
    wait_for '^ *step 1000 .*paused' 60
    snap 02-converged
    close_terminal
}

# The chain rule for one weight after one step: arrows move the selection (here to ω21).
scene_inspector() {
    open_terminal "$COLS" "$ROWS" --
    wait_for '^ *step 0 '
    press_step 1
    wait_for '^ *step 1 '
    keys Down
    wait_for 'Inspector ω21'
    snap 03-inspector
    close_terminal
}

scene_gradient_check() {
    open_terminal "$COLS" "$ROWS" --
    wait_for '^ *step 0 '
    press_step 3
    wait_for '^ *step 3 '
    keys c
    wait_for 'Gradient check'
    snap 04-gradient-check
    close_terminal
}

scene_help() {
    open_terminal "$COLS" "$ROWS" --
    wait_for '^ *step 0 '
    keys '?'
    # A line only the overlay has.
    wait_for 'help; Esc ends walk, quiz' 5
    snap 05-help
    close_terminal
}

scene_too_small() {
    open_terminal 60 16 --
    wait_for 'needs at least'
    snap 06-too-small
    close_terminal
}

scene_monochrome() {
    open_terminal "$COLS" "$ROWS" NO_COLOR=1 --
    wait_for '^ *step 0 '
    press_step 40
    wait_for '^ *step 40 .*paused' 30
    keys c
    wait_for 'Gradient check'
    snap 07-monochrome
    close_terminal
}

# A 2-3-1 network half-way through learning XOR, the inspector on a hidden-layer weight: ω¹22
# (x2 into the second tanh neuron, picked with the arrows) for sample 4 (> three times), so each
# sample's chain-rule line is followed by the error sent back to that neuron, e¹2 = δ²1·ω²21.
scene_xor_hidden() {
    open_terminal "$COLS" "$ROWS" -- --preset xor-hidden
    wait_for '^ *step 0 .*paused'
    press_step 80
    wait_for '^ *step 80 .*paused' 30
    keys Down Right
    wait_for 'Inspector ω¹22'
    keys '>' '>' '>'
    wait_for 'Network · sample 4 of 4'
    snap 08-xor-hidden
    close_terminal
}

# The input plane after the 2-8-8-1 network has learned the two spirals at top speed: the
# output's picture with the 80 samples on it, and under it what each first-layer neuron detects.
scene_input_plane() {
    open_terminal "$COLS" "$ROWS" -- --preset spiral
    wait_for '^ *step 0 .*paused'
    keys ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']' ']'
    wait_for 'speed max'
    keys r
    wait_for '^ *step [0-9]*[3-9][0-9]{4} ' 60
    keys p
    wait_for 'paused'
    snap 09-input-plane
    close_terminal
}

# sgd, momentum and adam racing on xor-hidden at lr 0.05, 2000 steps (all three runners take each
# s), on the log axis. At the preset's own lr 0.5 Adam's first steps saturate the tanh neurons and
# it stalls at C = 0.5 (the README's lesson shows that too); at 0.05 the three end orders of
# magnitude apart: sgd crawls off its plateau, momentum leaves it at once, Adam goes lowest. 50 rows
# (not 40) give the cost pane room to draw the three apart.
scene_optimizer_race() {
    open_terminal "$COLS" 50 -- --preset xor-hidden --compare sgd,momentum,adam --lr 0.05
    wait_for '^ *step 0 .*paused'
    press_step 2000
    wait_for '^ *step 2000 .*paused' 60
    keys g
    wait_for 'Cost C \(log'
    snap 10-optimizer-race
    close_terminal
}

# The quiz answered: the 2-3-1 network after 80 steps, the class asked which way ∂C/∂ω²21 (h¹2 into
# the output) will point in step 81; someone said 0.06, within 10% of the true 0.0650, and the
# reveal shows the verdict, the score, and the inspector's chain rule for every sample.
scene_quiz() {
    open_terminal "$COLS" "$ROWS" -- --preset xor-hidden
    wait_for '^ *step 0 .*paused'
    press_step 80
    wait_for '^ *step 80 .*paused' 30
    keys PageDown Down
    wait_for 'Inspector ω²21'
    keys t
    wait_for 'answer \(\+, - or a number\)'
    keys -l 0.06
    keys Enter
    wait_for 'right, score 1/1'
    snap 11-quiz
    close_terminal
}

# circle in batches of 5 (10 steps an epoch) after 300 steps: the exact cost over all 50 samples
# falls while the dim line of each batch's own cost jumps around it; the predictions and the
# plane mark the next step's five samples, and the inspector sums over them.
scene_mini_batches() {
    open_terminal "$COLS" "$ROWS" -- --preset circle --batch 5
    wait_for '^ *step 0 .*paused'
    press_step 300
    wait_for '^ *step 300 .*paused' 60
    snap 12-mini-batches
    close_terminal
}

# overfit after 1000 steps: the training cost has fallen to 1.05 while the test cost, lowest at
# step 294 (9.37), has climbed back to 15.0; the test samples are drawn ◆ ◇ on the plane.
scene_overfitting() {
    open_terminal "$COLS" "$ROWS" -- --preset overfit
    wait_for '^ *step 0 .*paused'
    press_step 1000
    wait_for '^ *step 1000 .*paused' 120
    snap 13-overfitting
    close_terminal
}

# The seed's surface over ω11 and ω21 (P makes ω21 the partner) at lr 1, after 12 steps: the path
# zigzags across the valley of ω21 while it runs down ω11, the next step's move drawn from the
# current point.
scene_landscape() {
    open_terminal "$COLS" "$ROWS" -- --lr 1
    wait_for '^ *step 0 .*paused'
    keys S
    wait_for 'C\(ω11, ω12\)'
    keys P
    wait_for 'C\(ω11, ω21\)'
    press_step 12
    wait_for '^ *step 12 .*paused' 30
    snap 14-landscape
    close_terminal
}

# (The digits' status line at 120 columns has no room for "paused": the scenes wait for the step.)
# The handwritten digits after 20 epochs (900 steps of 32 samples): K opens the Confusion pane on
# the most frequent mistake and its first sample, which the Sample pane draws with ŷ beside it;
# the column shows the first layer's weights as pictures.
scene_digits() {
    open_terminal "$COLS" "$ROWS" -- --preset digits
    wait_for '^ *step 0 '
    press_step 900
    wait_for '^ *step 900 ' 180
    keys K
    wait_for 'Confusion y'
    snap 15-digits
    close_terminal
}

# A 7 drawn with the keys after the same 900 steps: the network's ŷ for it beside the canvas.
scene_draw_a_digit() {
    open_terminal "$COLS" "$ROWS" -- --preset digits
    wait_for '^ *step 0 '
    press_step 900
    wait_for '^ *step 900 ' 180
    keys D
    wait_for 'Drawing 8x8'
    # From the middle (row 4, column 4) to the top left, then the bar and the stroke down.
    keys Up Up Left Left Space
    for _ in 1 2 3 4 5; do keys Right Space; done
    keys Down Space Left Down Space Down Space Left Down Space Down Space Left Down Space
    wait_for 'cursor on x60'
    snap 16-draw-a-digit
    close_terminal
}

# A bug hunt: xor-hidden trained 60 steps with δ = e (no g'(a)). m gives the panes the width, c
# marks every row backprop gets wrong and names the layers (1 and 2), and t asks the class which
# bug, the six listed. 50 rows (not 40) give the check room for all 13 rows.
scene_bug_hunt() {
    open_terminal "$COLS" 50 -- --preset xor-hidden --bug no-derivative
    wait_for '^ *step 0 .*paused'
    press_step 60
    wait_for '^ *step 60 .*paused' 30
    keys m
    wait_for 'Layer 2 · W², b² · sigmoid'
    keys c
    wait_for 'wrong in layers 1 and 2'
    keys t
    wait_for 'answer \(a bug'
    snap 17-bug-hunt
    # q would be typed into the answer: Esc leaves the question first.
    keys Escape
    wait_for 'question left unanswered'
    close_terminal
}

# The matrix form of xor-hidden's first step, backward through layer 1: m gives the walk the
# width, n five times reaches the phase, M writes it over whole matrices with shapes and numpy.
scene_matrix_form() {
    open_terminal "$COLS" "$ROWS" -- --preset xor-hidden
    wait_for '^ *step 0 .*paused'
    keys m
    wait_for 'Layer 2 · W², b² · sigmoid'
    keys n n n n n
    wait_for 'backward, layer 1'
    keys M
    wait_for 'in matrix form'
    snap 18-matrix-form
    close_terminal
}

# A real run of the 2-8-8-1 network on the two spirals at 1000 steps a second, a frame every
# ~0.25 s until step 10000, then paused: on the plateau (the cost near 18 until about step 6000)
# the plane shifts while hardly a sample changes side, then the bands bend round the arms and the
# cost falls. The frames play back at the pace they were taken, so the GIF runs in real time (about
# 36 frames, 1.1 MB: the numbers and the plane change in every frame).
GIF_STEPS=10000
scene_gif() {
    local frames="$WORK/frames" n=0 step started finished
    mkdir -p "$frames"
    open_terminal "$COLS" "$ROWS" -- --preset spiral
    wait_for '^ *step 0 .*paused'
    grab_stable "$frames/0000.ppm"
    keys ']' ']' ']' ']' ']' ']'
    wait_for 'speed 1000/s'
    keys r
    wait_for 'running' 5
    started=$(date +%s%N)
    while :; do
        n=$((n + 1))
        "$IMPORT" -window "$WINDOW" "ppm:$frames/$(printf %04d $n).ppm"
        step=$(current_step)
        [ "${step:-0}" -ge "$GIF_STEPS" ] && break
        [ $n -lt 200 ] || die "the run never reached step $GIF_STEPS"
        sleep 0.25
    done
    finished=$(date +%s%N)
    keys p
    wait_for 'paused'
    n=$((n + 1))
    grab_stable "$frames/$(printf %04d $n).ppm"
    close_terminal
    local list=("$frames"/*.ppm)
    local last=$((${#list[@]} - 1))
    local delay=$(((finished - started) / 10000000 / (last - 1)))
    # First and last frames linger so a reader sees the start and the end.
    "${CONVERT[@]}" -delay 150 "${list[0]}" -delay "$delay" "${list[@]:1:last-1}" \
        -delay 400 "${list[last]}" -loop 0 +dither -layers Optimize "$WORK/run.gif"
    gifsicle -O3 "$WORK/run.gif" -o "$OUT/run.gif" || die "gifsicle failed"
    say "wrote screenshots/run.gif (${#list[@]} frames, $(du -k "$OUT/run.gif" | cut -f1) KB)"
}

# --- Main ----------------------------------------------------------------------------------------

main() {
    local wanted=("$@") scene
    [ ${#wanted[@]} -gt 0 ] || wanted=("${SCENES[@]}")
    for scene in "${wanted[@]}"; do
        [[ " ${SCENES[*]} " == *" $scene "* ]] || die "unknown scene '$scene' (scenes: ${SCENES[*]})"
    done

    install_packages
    find_imagemagick
    build_program

    WORK="$(mktemp -d)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    write_tmux_config
    start_display

    mkdir -p "$OUT"
    # Only the whole set starts from an empty folder; a single scene replaces its own picture.
    if [ $# -eq 0 ]; then
        rm -f "$OUT"/*.png "$OUT"/*.gif
    fi
    for scene in "${wanted[@]}"; do
        say "scene $scene"
        "scene_${scene//-/_}"
    done
    say "done: $(cd "$OUT" && echo *.png *.gif)"
}

main "$@"
