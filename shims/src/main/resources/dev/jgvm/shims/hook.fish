# The jgvm hook for fish (README, 'Shell set-up'): at each prompt, fish builtins compare the directory and the version
# files that could matter (their paths, modification times and first bytes: two `jgvm use` in one second leave the
# same mtime) with the last prompt's; only when they differ does it ask the JVM-free `jgvm which` for the version,
# then puts its bin/ first on PATH and sets GOROOT. Leaving a project restores PATH and GOROOT. The shims stay on
# PATH behind it for IDEs and scripts.
function _jgvm_hook --on-event fish_prompt
    set -l print $PWD "$JGVM_GO_VERSION" "$JGVM_READ_GO_MOD"
    set -l d $PWD
    while true
        for f in .go-version .tool-versions go.work go.mod
            if test -f "$d/$f"
                set -l head
                read -z --nchars 512 head <"$d/$f" 2>/dev/null
                set -a print "$d/$f" (path mtime -- "$d/$f") (string escape -- "$head")
            end
        end
        test -z "$d" -o "$d" = / ; and break
        set d (string replace -r '/[^/]*$' '' -- $d)
    end
    if test -f "$JGVM_HOME/version"
        set -l head
        read -z --nchars 512 head <"$JGVM_HOME/version" 2>/dev/null
        set -a print (path mtime -- "$JGVM_HOME/version") (string escape -- "$head")
    end
    test -d "$JGVM_HOME/aliases"; and set -a print (path mtime -- "$JGVM_HOME/aliases" "$JGVM_HOME/versions")
    set -l print (string join \n -- $print)
    test "$print" = "$_jgvm_hook_print"; and return
    set -g _jgvm_hook_print $print
    set -l new
    set -l go (command @JGVM@ which go 2>/dev/null)
    and set new (string replace -r '/bin/go(\.exe)?$' '' -- $go)
    string match -q -- "$JGVM_HOME/versions/*" $new; or set new
    test "$new" = "$_jgvm_hook_root"; and return
    if test -n "$_jgvm_hook_root"
        set -l i (contains -i -- "$_jgvm_hook_root/bin" $PATH); and set -e PATH[$i]
        if set -q _jgvm_hook_goroot_was
            set -gx GOROOT $_jgvm_hook_goroot_was
        else
            set -e GOROOT
        end
    else if test -n "$new"
        set -q GOROOT; and set -g _jgvm_hook_goroot_was $GOROOT; or set -e _jgvm_hook_goroot_was
    end
    if test -n "$new"
        set -gx PATH "$new/bin" $PATH
        set -gx GOROOT $new
    end
    set -g _jgvm_hook_root $new
end
