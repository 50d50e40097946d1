import type { CompletionModel } from "./model.ts";
import { FILES_MARKER, shQuote, slotText } from "./quoting.ts";

/** The zsh completion script: the command tree as associative arrays, a function reading them, and compdef. */
export function zshScript(model: CompletionModel): string {
  return `#compdef synadm
# zsh completion for synadm, generated from its command definitions by 'synadm completion zsh'.
# Save it as _synadm in a directory of your $fpath (before compinit runs),
# or load it after compinit:   source <(synadm completion zsh)

typeset -gA _synadm_subcommands _synadm_resolve _synadm_options _synadm_arity _synadm_values
typeset -gA _synadm_repeat_from _synadm_descriptions
${table("_synadm_subcommands", model.subcommands, (words) => words.join(" "))}
${table("_synadm_resolve", model.resolve, (path) => path)}
${table("_synadm_options", model.options, (names) => names.join(" "))}
typeset -g _synadm_global_options=${shQuote(model.globalOptions.join(" "))}
${table("_synadm_arity", model.arity, String)}
${table("_synadm_values", model.values, slotText)}
${table("_synadm_repeat_from", model.repeatFrom, String)}
${table("_synadm_descriptions", model.descriptions, (text) => text)}
${ZSH_FUNCTIONS}`;
}

function table<V>(name: string, map: ReadonlyMap<string, V>, text: (value: V) => string): string {
  const entries = [...map].map(([key, value]) => `  ${shQuote(key)} ${shQuote(text(value))}`);
  return `${name}=(\n${entries.join("\n")}\n)`;
}

// _synadm_candidates holds the logic and reads only $words and $CURRENT, so it
// can be tried outside a completion widget; _synadm hands its result to zsh.
// ("path" is not used as a name: in zsh it is tied to $PATH.)
const ZSH_FUNCTIONS = `
# Sets _synadm_option (the option that takes the next words: the last of a
# cluster like -vo), _synadm_owner (the command declaring it) and _synadm_takes.
_synadm_option_at() {
  local node=$1 word=$2 i
  _synadm_takes=0
  [[ $word == --*=* ]] && return 0
  if [[ $word == --* || \${#word} -eq 2 ]]; then
    _synadm_lookup_option $node $word
    return 0
  fi
  for (( i = 2; i <= \${#word}; i++ )); do
    _synadm_lookup_option $node "-\${word[i]}"
    if (( _synadm_takes > 0 )); then
      # -l10: the rest of the word is the value.
      (( i < \${#word} )) && _synadm_takes=0
      return 0
    fi
  done
}

_synadm_lookup_option() {
  local key="$1 $2"
  _synadm_option=$2
  if (( \${+_synadm_arity[$key]} )); then _synadm_owner=$1; else _synadm_owner=synadm; fi
  key="$_synadm_owner $2"
  _synadm_takes=\${_synadm_arity[$key]:-0}
}

# Sets reply (the candidates), _synadm_kind (subcommands, options, values or
# files), _synadm_node (the command reached) and _synadm_prefix ("--option="
# when the value is typed in the same word).
_synadm_candidates() {
  local word key slot option owner i left=0 taken=0 positionals=0 options_end=0
  local cur=\${words[CURRENT]} _synadm_option _synadm_owner _synadm_takes
  reply=() _synadm_kind= _synadm_node=synadm _synadm_prefix=
  for (( i = 2; i < CURRENT; i++ )); do
    word=\${words[i]}
    key="$_synadm_node $word"
    if (( left > 0 )); then
      left=$(( left - 1 )) taken=$(( taken + 1 ))
    elif (( !options_end )) && [[ $word == -- ]]; then
      options_end=1
    elif (( !options_end )) && [[ $word == -?* ]]; then
      _synadm_option_at $_synadm_node $word
      left=$_synadm_takes taken=0 option=$_synadm_option owner=$_synadm_owner
    elif (( \${+_synadm_resolve[$key]} )); then
      _synadm_node=\${_synadm_resolve[$key]}
    else
      positionals=$(( positionals + 1 ))
    fi
  done
  if (( left == 0 && !options_end )) && [[ $cur == --*=* ]]; then
    _synadm_lookup_option $_synadm_node \${cur%%=*}
    if (( _synadm_takes > 0 )); then
      left=$_synadm_takes taken=0 option=$_synadm_option owner=$_synadm_owner
      _synadm_prefix="\${cur%%=*}="
    fi
  fi
  if (( left > 0 )); then
    key="$owner $option"
    (( taken > 0 )) && key+=" 2"
    slot=\${_synadm_values[$key]-}
  elif (( !options_end )) && [[ $cur == -* ]]; then
    _synadm_kind=options
    reply=(\${=_synadm_options[$_synadm_node]-} \${=_synadm_global_options})
    return 0
  elif (( \${+_synadm_subcommands[$_synadm_node]} )); then
    _synadm_kind=subcommands
    reply=(\${=_synadm_subcommands[$_synadm_node]})
    return 0
  else
    if (( \${+_synadm_repeat_from[$_synadm_node]} )) && (( positionals > _synadm_repeat_from[$_synadm_node] )); then
      positionals=\${_synadm_repeat_from[$_synadm_node]}
    fi
    key="$_synadm_node #$positionals"
    slot=\${_synadm_values[$key]-}
  fi
  if [[ $slot == ${FILES_MARKER} ]]; then
    _synadm_kind=files
  elif [[ -n $slot ]]; then
    _synadm_kind=values
    reply=(\${=slot})
  fi
  return 0
}

_synadm() {
  local -a reply described
  local _synadm_kind _synadm_node _synadm_prefix name key
  _synadm_candidates
  case $_synadm_kind in
    (subcommands|options)
      for name in $reply; do
        key="$_synadm_node $name"
        (( \${+_synadm_descriptions[$key]} )) || key="synadm $name"
        described+=("\${name//:/\\\\:}:\${_synadm_descriptions[$key]-}")
      done
      _describe -t $_synadm_kind "synadm \${_synadm_kind%s}" described
      ;;
    (values)
      [[ -n $_synadm_prefix ]] && compset -P '*='
      compadd -a reply
      ;;
    (files)
      [[ -n $_synadm_prefix ]] && compset -P '*='
      _files
      ;;
  esac
}

# Autoloaded from $fpath, this file is the body of _synadm: define, then complete.
if [[ \${funcstack[1]-} == _synadm ]]; then
  _synadm "$@"
elif (( \${+functions[compdef]} )); then
  compdef _synadm synadm
else
  print -u2 "synadm completion: run 'autoload -Uz compinit && compinit' before loading this script"
  return 1
fi
`;
