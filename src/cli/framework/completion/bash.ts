import type { CompletionModel } from "./model.ts";
import { FILES_MARKER, shQuote, slotText } from "./quoting.ts";

/** The bash completion script: the command tree as associative arrays, and one function reading them. */
export function bashScript(model: CompletionModel): string {
  return `# bash completion for synadm, generated from its command definitions by 'synadm completion bash'.
# For this shell:    source <(synadm completion bash)
# For every shell:   synadm completion bash > ~/.local/share/bash-completion/completions/synadm

${table("_synadm_subcommands", model.subcommands, (words) => words.join(" "))}
${table("_synadm_resolve", model.resolve, (path) => path)}
${table("_synadm_options", model.options, (names) => names.join(" "))}
_synadm_global_options=${shQuote(model.globalOptions.join(" "))}
${table("_synadm_arity", model.arity, String)}
${table("_synadm_values", model.values, slotText)}
${table("_synadm_repeat_from", model.repeatFrom, String)}
${BASH_FUNCTIONS}`;
}

function table<V>(name: string, map: ReadonlyMap<string, V>, text: (value: V) => string): string {
  const entries = [...map].map(([key, value]) => `  [${shQuote(key)}]=${shQuote(text(value))}`);
  return `declare -gA ${name}=(\n${entries.join("\n")}\n)`;
}

// Walks the words before the cursor as the parser would (options and their
// values, subcommands, positional arguments), then offers what fits the
// current word. Plain bash 4.2, no bash-completion helpers needed.
const BASH_FUNCTIONS = `
# Sets _synadm_option (the option that takes the next words: the last of a
# cluster like -vo), _synadm_owner (the path declaring it) and _synadm_takes.
_synadm_option_at() {
  local path=$1 word=$2 i
  _synadm_takes=0
  [[ $word == --*=* ]] && return
  if [[ $word == --* || \${#word} -eq 2 ]]; then
    _synadm_lookup_option "$path" "$word"
    return
  fi
  for ((i = 1; i < \${#word}; i++)); do
    _synadm_lookup_option "$path" "-\${word:i:1}"
    if ((_synadm_takes > 0)); then
      # -l10: the rest of the word is the value.
      ((i < \${#word} - 1)) && _synadm_takes=0
      return
    fi
  done
}

_synadm_lookup_option() {
  _synadm_option=$2
  if [[ -n \${_synadm_arity["$1 $2"]+x} ]]; then _synadm_owner=$1; else _synadm_owner=synadm; fi
  _synadm_takes=\${_synadm_arity["$_synadm_owner $2"]:-0}
}

_synadm() {
  local cur=\${COMP_WORDS[COMP_CWORD]} path=synadm word i left=0 taken=0 positionals=0 options_end=0
  local option= owner= key slot _synadm_option _synadm_owner _synadm_takes
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if ((left > 0)); then
      # bash splits --option=value into three words.
      [[ $word == = ]] && continue
      left=$((left - 1)) taken=$((taken + 1))
      continue
    fi
    if ((!options_end)) && [[ $word == -- ]]; then
      options_end=1
    elif ((!options_end)) && [[ $word == -?* ]]; then
      _synadm_option_at "$path" "$word"
      left=$_synadm_takes taken=0 option=$_synadm_option owner=$_synadm_owner
    elif [[ -n \${_synadm_resolve["$path $word"]+x} ]]; then
      path=\${_synadm_resolve["$path $word"]}
    else
      positionals=$((positionals + 1))
    fi
  done
  [[ $cur == = ]] && cur=
  COMPREPLY=()
  if ((left > 0)); then
    key="$owner $option"
    ((taken > 0)) && key+=" 2"
    slot=\${_synadm_values[$key]-}
  elif ((!options_end)) && [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "\${_synadm_options[$path]-} $_synadm_global_options" -- "$cur"))
    return 0
  elif [[ -n \${_synadm_subcommands[$path]+x} ]]; then
    COMPREPLY=($(compgen -W "\${_synadm_subcommands[$path]}" -- "$cur"))
    return 0
  else
    if [[ -n \${_synadm_repeat_from[$path]+x} ]] && ((positionals > _synadm_repeat_from[$path])); then
      positionals=\${_synadm_repeat_from[$path]}
    fi
    slot=\${_synadm_values["$path #$positionals"]-}
  fi
  if [[ $slot == ${FILES_MARKER} ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  elif [[ -n $slot ]]; then
    COMPREPLY=($(compgen -W "$slot" -- "$cur"))
  fi
  return 0
}

complete -F _synadm synadm
`;
