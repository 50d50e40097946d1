import type { CompletionModel, ValueSlot } from "./model.ts";
import { FILES_MARKER, fishQuote } from "./quoting.ts";

/**
 * The fish completion script. fish has no associative arrays, so each table
 * is a function with one `switch` case per key, printing the value's words
 * one a line and failing for an unknown key.
 */
export function fishScript(model: CompletionModel): string {
  return `# fish completion for synadm, generated from its command definitions by 'synadm completion fish'.
# For this shell:    synadm completion fish | source
# For every shell:   synadm completion fish > ~/.config/fish/completions/synadm.fish

${table("__synadm_subcommands", model.subcommands, (words) => words)}
${table("__synadm_resolve", model.resolve, (path) => [path])}
${table("__synadm_options", model.options, (names) => names)}
function __synadm_global_options
    printf '%s\\n' ${model.globalOptions.map(fishQuote).join(" ")}
end
${table("__synadm_arity", model.arity, (n) => [String(n)])}
${table("__synadm_values", model.values, slotWords)}
${table("__synadm_repeat_from", model.repeatFrom, (n) => [String(n)])}
${table("__synadm_description", model.descriptions, (text) => [text])}
${FISH_FUNCTIONS}`;
}

function table<V>(name: string, map: ReadonlyMap<string, V>, words: (value: V) => readonly string[]): string {
  const cases = [...map].map(
    ([key, value]) =>
      `        case ${fishQuote(key)}\n            printf '%s\\n' ${words(value).map(fishQuote).join(" ")}`,
  );
  return `function ${name}\n    switch $argv[1]\n${cases.join("\n")}\n        case '*'\n            return 1\n    end\nend`;
}

function slotWords(slot: ValueSlot): readonly string[] {
  return slot.kind === "files" ? [FILES_MARKER] : slot.words;
}

// Walks the tokens before the cursor as the parser would (options and their
// values, subcommands, positional arguments) and prints "candidate<TAB>description"
// lines; fish filters them by what is typed.
const FISH_FUNCTIONS = `
# Prints how many words the option takes, its name and the command declaring it.
function __synadm_lookup_option --argument-names node name
    set -l owner $node
    set -l takes (__synadm_arity "$node $name")
    if test $status -ne 0
        set owner synadm
        set takes (__synadm_arity "synadm $name"); or set takes 0
    end
    printf '%s\\n' $takes $name $owner
end

# The same for any option word; in a cluster like -vo, the option taking the next words.
function __synadm_option_at --argument-names node word
    if string match -q -- '--*=*' $word
        echo 0
        return
    end
    set -l length (string length -- $word)
    if string match -q -- '--*' $word; or test $length -eq 2
        __synadm_lookup_option $node $word
        return
    end
    for i in (seq 2 $length)
        set -l found (__synadm_lookup_option $node -(string sub -s $i -l 1 -- $word))
        if test $found[1] -gt 0
            # -l10: the rest of the word is the value.
            test $i -lt $length; and set found[1] 0
            printf '%s\\n' $found
            return
        end
    end
    echo 0
end

function __synadm_complete
    set -l tokens (commandline -xpc 2>/dev/null; or commandline -opc)
    set -l cur (commandline -ct)
    set -q cur[1]; or set cur ''

    set -l node synadm
    set -l left 0
    set -l taken 0
    set -l positionals 0
    set -l options_end 0
    # Empty strings, not empty lists: an empty list would swallow the words it is joined to.
    set -l option ''
    set -l owner ''
    set -l prefix ''
    for word in $tokens[2..-1]
        if test $left -gt 0
            set left (math $left - 1)
            set taken (math $taken + 1)
        else if test $options_end -eq 0; and test "x$word" = x--
            set options_end 1
        else if test $options_end -eq 0; and string match -qr -- '^-.' $word
            set -l found (__synadm_option_at $node $word)
            set left $found[1]
            set taken 0
            set option $found[2]
            set owner $found[3]
        else if set -l next (__synadm_resolve "$node $word")
            set node $next
        else
            set positionals (math $positionals + 1)
        end
    end
    if test $left -eq 0; and test $options_end -eq 0; and string match -q -- '--*=*' "$cur"
        set -l name (string split -m 1 = -- "$cur")[1]
        set -l found (__synadm_lookup_option $node $name)
        if test $found[1] -gt 0
            set left $found[1]
            set taken 0
            set option $found[2]
            set owner $found[3]
            set prefix "$name="
            set cur (string split -m 1 = -- "$cur")[2]
        end
    end
    set -l slot
    if test $left -gt 0
        set -l key "$owner $option"
        test $taken -gt 0; and set key "$key 2"
        set slot (__synadm_values $key)
    else if test $options_end -eq 0; and string match -q -- '-*' "$cur"
        for name in (__synadm_options $node) (__synadm_global_options)
            set -l description (__synadm_description "$node $name"; or __synadm_description "synadm $name")
            printf '%s\\t%s\\n' $name "$description"
        end
        return
    else if set -l words (__synadm_subcommands $node)
        for name in $words
            printf '%s\\t%s\\n' $name (__synadm_description "$node $name")
        end
        return
    else
        set -l repeat_from (__synadm_repeat_from $node)
        and test $positionals -gt $repeat_from
        and set positionals $repeat_from
        set slot (__synadm_values "$node #$positionals")
    end
    if test "x$slot" = x${FILES_MARKER}
        for file in (__fish_complete_path "$cur")
            echo $prefix$file
        end
    else
        for value in $slot
            echo $prefix$value
        end
    end
end

complete -c synadm -e
complete -c synadm -f -a '(__synadm_complete)'
`;
